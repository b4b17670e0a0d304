//! Backups and restore (issue 20, part 2), through the real binary: a backup
//! taken while four writers write, restore round trips, kill -9 during
//! either, the automatic daily backup, the copy before a schema upgrade,
//! and bad input that changes nothing.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use crate::common::{assert_plain_error, Home};
use crate::durability_support::{contains, pass_file, Rng};

/// The kapj backups in a folder (by name), sorted.
fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let n = p.file_name().unwrap().to_string_lossy().into_owned();
                    n.starts_with("kapj-") && n.ends_with(".db")
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Opens a journal file as a plain SQLite reader (with a key if given).
fn open(path: &Path, key: Option<&str>) -> rusqlite::Connection {
    let c = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open copy");
    if let Some(k) = key {
        c.pragma_update(None, "key", k).unwrap();
    }
    c
}

/// The texts of every answer in a journal file, sorted, after checking the
/// file passes quick_check.
fn file_texts(path: &Path, key: Option<&str>) -> Vec<String> {
    let c = open(path, key);
    let ok: String = c.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok", "{} fails quick_check", path.display());
    let mut st = c.prepare("SELECT text FROM answers ORDER BY text").unwrap();
    let v = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap();
    v
}

fn write(h: &Home, text: &str) {
    h.ok(&["write", "free", "--answer", &format!("text={text}")]);
}

fn home_with(n: usize) -> Home {
    let h = Home::new();
    for i in 0..n {
        write(&h, &format!("entry {i} before"));
    }
    h
}

// ------------------------------------------------------------ consistency

#[test]
fn a_backup_taken_while_four_writers_write_holds_every_committed_entry() {
    const WRITERS: usize = 4;
    const WRITES: usize = 8;
    let h = home_with(2);
    let dir = h.dir.path().join("sync");
    // Texts whose `kapj write` has returned: committed.
    let committed: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(vec![
        "entry 0 before".into(),
        "entry 1 before".into(),
    ]));
    let mut taken: Vec<(PathBuf, Vec<String>)> = Vec::new();
    std::thread::scope(|s| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|p| {
                let (h, committed) = (&h, Arc::clone(&committed));
                s.spawn(move || {
                    for w in 0..WRITES {
                        let text = format!("writer {p} entry {w}");
                        write(h, &text);
                        committed.lock().unwrap().push(text);
                    }
                })
            })
            .collect();
        // Backups one after another while the writers write.
        let mut seen = 0;
        while writers.iter().any(|w| !w.is_finished()) || seen == 0 {
            let before = committed.lock().unwrap().clone();
            let out = h.ok(&["backup", dir.to_str().unwrap(), "--keep", "1000"]);
            assert!(out.starts_with("Backed up "), "{out}");
            let path = PathBuf::from(
                out.trim_start_matches(|c| c != '/')
                    .trim_end()
                    .trim_end_matches('.'),
            );
            taken.push((path, before));
            seen += 1;
        }
    });
    assert!(taken.len() >= 2, "only {} backups were taken", taken.len());
    for (path, before) in &taken {
        let texts = file_texts(path, None);
        for t in before {
            assert!(
                texts.contains(t),
                "{} lacks {t:?}, committed before it began",
                path.display()
            );
        }
    }
    // And a backup after they finished holds all of them.
    let out = h.ok(&["backup", dir.to_str().unwrap(), "--keep", "1000"]);
    let last = PathBuf::from(
        out.trim_start_matches(|c| c != '/')
            .trim_end()
            .trim_end_matches('.'),
    );
    let mut all = committed.lock().unwrap().clone();
    all.sort();
    assert_eq!(file_texts(&last, None), all);
}

// ---------------------------------------------------------------- restore

#[test]
fn a_restore_round_trips_the_whole_journal() {
    let h = home_with(3);
    h.ok(&["session", "add", "--at", "2026-11-20 10:00"]);
    write(&h, "after the session");
    let before = h.ok(&["export", "--format", "json"]);
    let out = h.ok(&["backup"]);
    let file = h.path().join("backups/kapj-2026-11-22-210000.db");
    assert_eq!(out, format!("Backed up 4 entries to {}.\n", file.display()));
    // Changes after the backup: one more entry, one fewer.
    write(&h, "written after the backup");
    h.ok(&["delete", "1", "--yes"]);
    assert_ne!(h.ok(&["export", "--format", "json"]), before);

    let out = h.ok(&["restore", file.to_str().unwrap()]);
    let kept = h.path().join("backups/kapj-2026-11-22-210000-2.db");
    assert_eq!(
        out,
        format!(
            "Restored 4 entries from {}.\nThe journal as it was is kept in {}.\n",
            file.display(),
            kept.display()
        )
    );
    assert_eq!(h.ok(&["export", "--format", "json"]), before);
    // The journal as it was before the restore is a backup too.
    let texts = file_texts(&kept, None);
    assert!(texts.contains(&"written after the backup".to_string()));
    assert!(!texts.contains(&"entry 0 before".to_string()));
    // And restoring that one brings back the later state.
    h.ok(&["restore", kept.to_str().unwrap()]);
    let list = h.ok(&["list"]);
    assert!(list.contains("written after the backup"), "{list}");
}

#[test]
fn an_encrypted_journal_gives_encrypted_backups_and_restores_with_its_passphrase() {
    const SECRET: &str = "the lighthouse keeper's blue door";
    let h = home_with(2);
    write(&h, SECRET);
    let pass = pass_file(&h, "pass", "correct horse battery staple");
    let with = |args: &[&str]| {
        h.cmd()
            .env("KAPJ_PASSPHRASE_FILE", &pass)
            .args(args)
            .write_stdin("")
            .output()
            .unwrap()
    };
    assert!(with(&["encrypt"]).status.success());
    let before = with(&["export", "--format", "json"]).stdout;
    let out = with(&["backup"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.ends_with("(encrypted with your passphrase).\n"),
        "{text}"
    );
    let file = backups(&h.path().join("backups")).pop().unwrap();
    let bytes = std::fs::read(&file).unwrap();
    assert!(
        !contains(&bytes, b"lighthouse"),
        "the backup holds plain text"
    );
    assert!(!bytes.starts_with(b"SQLite format 3"));
    assert_eq!(
        file_texts(&file, Some("correct horse battery staple")).len(),
        3
    );
    assert!(with(&["write", "free", "--answer", "text=later"])
        .status
        .success());
    let out = with(&["restore", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(with(&["export", "--format", "json"]).stdout, before);
    // Still encrypted: no plain text in the journal file.
    assert!(!contains(&std::fs::read(h.db()).unwrap(), b"lighthouse"));
}

#[test]
fn a_restore_into_a_new_home_brings_the_journal_back() {
    let h = home_with(3);
    let before = h.ok(&["export", "--format", "json"]);
    h.ok(&["backup", h.dir.path().join("sync").to_str().unwrap()]);
    let file = backups(&h.dir.path().join("sync")).pop().unwrap();
    std::fs::remove_dir_all(h.path()).unwrap();
    let out = h.ok(&["restore", file.to_str().unwrap()]);
    assert_eq!(
        out,
        format!("Restored 3 entries from {}.\n", file.display())
    );
    assert_eq!(h.ok(&["export", "--format", "json"]), before);
}

// ---------------------------------------------------------------- kill -9

fn spawn(h: &Home, args: &[&str]) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("kapj"))
        .args(args)
        .env_clear()
        .env("KAPJ_HOME", h.path())
        .env("KAPJ_NOW", &h.now)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", h.dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start kapj")
}

/// A journal big enough that a backup or restore takes a while.
fn big_home(n: usize, tag: &str) -> Home {
    let h = Home::new();
    let entries: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "phase": "free", "at": "2026-10-01T10:00:00+02:00",
                "answers": [{"key": "text", "prompt": "What would you like to write?",
                             "text": format!("{tag} entry {i}, {}", "a few words about the day ".repeat(8))}]
            })
        })
        .collect();
    let doc = serde_json::json!({"format": "kapj-journal", "version": 1, "entries": entries});
    let file = h.file("big.json", &doc.to_string());
    h.ok(&["import", file.to_str().unwrap()]);
    h
}

fn span_of(f: impl FnOnce()) -> u64 {
    let t = std::time::Instant::now();
    f();
    t.elapsed().as_micros() as u64
}

#[test]
fn kill_9_during_a_backup_loses_nothing_and_leaves_no_half_backup() {
    let h = big_home(3000, "kept");
    let dir = h.dir.path().join("sync");
    let journal = file_texts(&h.db(), None);
    let span = span_of(|| {
        h.ok(&["backup", dir.to_str().unwrap(), "--keep", "1000"]);
    });
    let mut rng = Rng::new(span ^ u64::from(std::process::id()));
    for round in 0..6 {
        let mut child = spawn(&h, &["backup", dir.to_str().unwrap(), "--keep", "1000"]);
        let delay = rng.below(span + span / 5);
        std::thread::sleep(std::time::Duration::from_micros(delay));
        let _ = child.kill();
        let _ = child.wait();
        h.ok(&["status"]);
        assert_eq!(file_texts(&h.db(), None), journal, "round {round}");
        // Every file named as a backup is a whole one.
        for b in backups(&dir) {
            assert_eq!(
                file_texts(&b, None),
                journal,
                "round {round}: {}",
                b.display()
            );
        }
    }
}

#[test]
fn kill_9_during_a_restore_leaves_the_journal_before_or_after_and_keeps_both() {
    let h = big_home(3000, "current");
    let other = big_home(2000, "restored");
    other.ok(&["backup"]);
    let file = backups(&other.path().join("backups")).pop().unwrap();
    let current = file_texts(&h.db(), None);
    let restored = file_texts(&file, None);
    let pristine = std::fs::read(h.db()).unwrap();
    let span = span_of(|| {
        h.ok(&["restore", file.to_str().unwrap()]);
    });
    let mut rng = Rng::new(span ^ u64::from(std::process::id()));
    let (mut saw_before, mut saw_after) = (0, 0);
    for round in 0..6 {
        // Start from the current journal, with no backups yet.
        for s in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{s}", h.db().display()));
        }
        std::fs::write(h.db(), &pristine).unwrap();
        let _ = std::fs::remove_dir_all(h.path().join("backups"));
        let mut child = spawn(&h, &["restore", file.to_str().unwrap()]);
        let delay = rng.below(span + span / 5);
        std::thread::sleep(std::time::Duration::from_micros(delay));
        let _ = child.kill();
        let _ = child.wait();
        h.ok(&["status"]);
        let now = file_texts(&h.db(), None);
        if now == current {
            saw_before += 1;
        } else {
            assert_eq!(now, restored, "round {round}: neither before nor after");
            saw_after += 1;
            // The journal as it was is kept, whole.
            let kept = backups(&h.path().join("backups"));
            assert!(
                kept.iter().any(|k| file_texts(k, None) == current),
                "round {round}: the journal before the restore was not kept"
            );
        }
        for b in backups(&h.path().join("backups")) {
            assert_eq!(
                file_texts(&b, None),
                current,
                "round {round}: a half backup"
            );
        }
    }
    eprintln!("kill -9 during restore: {saw_before} before, {saw_after} after");
}

// ------------------------------------------------------------- automatic

#[test]
fn the_automatic_backup_follows_a_write_at_most_once_a_day_and_only_when_asked() {
    let mut h = home_with(1);
    let dir = h.dir.path().join("auto");
    // Off until asked: writing makes no backup.
    write(&h, "no backup for this one");
    assert!(!h.path().join("backups").exists());
    assert!(!h.ok(&["status"]).contains("backup"));

    let out = h.ok(&["backup", "--auto", dir.to_str().unwrap()]);
    assert!(out.contains("once a day"), "{out}");
    assert_eq!(backups(&dir).len(), 1);
    write(&h, "same day");
    assert_eq!(backups(&dir).len(), 1, "one a day");
    let status = h.ok(&["status"]);
    assert!(
        status.contains("Last backup: just now (Sun 22 Nov 2026, 21:00)."),
        "{status}"
    );

    // The next day: reading makes none, writing does.
    h.now = "2026-11-23T08:00:00+01:00".into();
    h.ok(&["list"]);
    assert_eq!(backups(&dir).len(), 1, "a read is not a write");
    write(&h, "next day");
    let all = backups(&dir);
    assert_eq!(all.len(), 2);
    assert!(file_texts(all.last().unwrap(), None).contains(&"next day".to_string()));
    let json = h.json(&["status"]);
    assert_eq!(json["backup"]["last_at"], "2026-11-23T08:00:00+01:00");
    assert_eq!(json["backup"]["auto_dir"], dir.to_str().unwrap());

    // Off again.
    assert_eq!(
        h.ok(&["backup", "--auto", "off"]),
        "Automatic backups are off. The backups already written stay where they are.\n"
    );
    h.now = "2026-11-24T08:00:00+01:00".into();
    write(&h, "after off");
    assert_eq!(backups(&dir).len(), 2);
}

#[test]
fn an_automatic_backup_that_fails_says_so_and_keeps_the_entry() {
    let mut h = home_with(1);
    let dir = h.dir.path().join("auto");
    h.ok(&["backup", "--auto", dir.to_str().unwrap()]);
    // The folder goes away and a file takes its name.
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "not a folder").unwrap();
    h.now = "2026-11-23T08:00:00+01:00".into();
    let out = h.run(&["write", "free", "--answer", "text=kept anyway"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("What you wrote is saved; today's automatic backup was not."),
        "{err}"
    );
    assert!(h.ok(&["list"]).contains("kept anyway"));
}

#[test]
fn only_the_last_ten_are_kept_unless_told() {
    let mut h = home_with(1);
    let dir = h.dir.path().join("sync");
    for i in 0..12 {
        h.now = format!("2026-11-22T21:{i:02}:00+01:00");
        h.ok(&["backup", dir.to_str().unwrap()]);
    }
    let left = backups(&dir);
    assert_eq!(left.len(), 10);
    assert!(left[0].ends_with("kapj-2026-11-22-210200.db"), "{left:?}");
    h.ok(&["backup", dir.to_str().unwrap(), "--keep", "3"]);
    assert_eq!(backups(&dir).len(), 3);
}

// ---------------------------------------------------------- schema upgrade

#[test]
fn opening_a_journal_of_an_older_schema_keeps_a_copy_first_and_says_where() {
    let h = Home::new();
    std::fs::create_dir_all(h.path()).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.db");
    std::fs::copy(&fixture, h.db()).unwrap();
    // The fixture itself is never opened: SQLite would leave -shm and -wal
    // files beside it in the checkout. A second copy stands for it.
    let original = h.path().with_file_name("original-v1.db");
    std::fs::copy(&fixture, &original).unwrap();
    let out = h.run(&["list"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    let copy = h.path().join("backups/kapj-2026-11-22-210000.db");
    // (Wrapped to the width of a terminal: compared word by word.)
    assert_eq!(
        err.split_whitespace().collect::<Vec<_>>().join(" "),
        format!(
            "This kapj upgraded your journal; a copy from before is kept in {}.",
            copy.display()
        )
    );
    // The copy is the journal as it was: schema 1, every entry.
    let c = open(&copy, None);
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    assert_eq!(file_texts(&copy, None), file_texts(&original, None));
    // Only once.
    let out = h.run(&["list"]);
    assert!(out.stderr.is_empty());
    assert_eq!(backups(&h.path().join("backups")).len(), 1);
    // Restoring that copy upgrades it again, keeping every entry.
    let before = h.ok(&["export", "--format", "json"]);
    h.ok(&["restore", copy.to_str().unwrap()]);
    assert_eq!(h.ok(&["export", "--format", "json"]), before);
}

// -------------------------------------------------------------- bad input

#[test]
fn a_backup_folder_that_cannot_be_written_is_one_line_and_changes_nothing() {
    let h = home_with(2);
    let blocker = h.file("not-a-folder", "text");
    let before = h.snapshot();
    for dir in [blocker.clone(), blocker.join("backups")] {
        let err = h.fails(&["backup", dir.to_str().unwrap()]);
        assert!(
            err.starts_with(&format!("Could not write a backup to {}:", dir.display())),
            "{err}"
        );
        assert!(err.contains("Nothing was changed."), "{err}");
        let err = h.fails(&["backup", "--auto", dir.to_str().unwrap()]);
        assert!(err.starts_with("Could not write a backup to "), "{err}");
        assert_eq!(h.snapshot(), before, "{}", dir.display());
    }
    assert!(!h.ok(&["status"]).contains("backup"));
}

#[test]
fn a_damaged_or_foreign_file_to_restore_is_one_line_and_changes_nothing() {
    let h = home_with(3);
    h.ok(&["backup", h.dir.path().join("sync").to_str().unwrap()]);
    let good = backups(&h.dir.path().join("sync")).pop().unwrap();
    let bytes = std::fs::read(&good).unwrap();
    // Damaged: a page in the middle overwritten.
    let mut damaged = bytes.clone();
    let page = 4096;
    for b in &mut damaged[page * 2..page * 3] {
        *b = 0x5a;
    }
    let damaged_file = h.dir.path().join("damaged.db");
    std::fs::write(&damaged_file, &damaged).unwrap();
    let truncated_file = h.dir.path().join("truncated.db");
    std::fs::write(&truncated_file, &bytes[..100]).unwrap();
    let foreign = h.dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES (1);")
        .unwrap();
    let text = h.file("notes.txt", "just some words");
    let empty = h.file("empty.db", "");
    let missing = h.dir.path().join("missing.db");
    let before = h.snapshot();
    for (file, says) in [
        (&damaged_file, "is damaged"),
        (&truncated_file, "is not a kapj journal"),
        (&foreign, "is not a kapj journal"),
        (&text, "is not a kapj journal"),
        (&empty, "is empty"),
        (&missing, "Could not read"),
        (&h.db(), "is the journal itself"),
    ] {
        let err = h.fails(&["restore", file.to_str().unwrap()]);
        assert!(err.contains(says), "{}: {err}", file.display());
        assert!(err.contains(&file.display().to_string()), "{err}");
        assert_eq!(h.snapshot(), before, "{}", file.display());
    }
}

#[test]
fn a_backup_with_the_wrong_passphrase_is_refused_and_changes_nothing() {
    let other = home_with(2);
    let pass = pass_file(&other, "pass", "their passphrase");
    let run = |h: &Home, p: &Path, args: &[&str]| {
        h.cmd()
            .env("KAPJ_PASSPHRASE_FILE", p)
            .args(args)
            .write_stdin("")
            .output()
            .unwrap()
    };
    assert!(run(&other, &pass, &["encrypt"]).status.success());
    assert!(run(&other, &pass, &["backup"]).status.success());
    let file = backups(&other.path().join("backups")).pop().unwrap();

    let h = home_with(3);
    let wrong = pass_file(&h, "wrong", "not theirs");
    let before = h.snapshot();
    let out = run(&h, &wrong, &["restore", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_plain_error(&err);
    assert!(err.contains("does not open with this passphrase"), "{err}");
    assert_eq!(h.snapshot(), before);
    // With the right one it comes in; the journal keeps its own choice
    // (here: plain), and says so.
    let right = pass_file(&h, "right", "their passphrase");
    let out = run(&h, &right, &["restore", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("not encrypted"), "{said}");
    assert_eq!(file_texts(&h.db(), None).len(), 2);
}

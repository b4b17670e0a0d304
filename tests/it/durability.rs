//! Privacy and durability, driven through the real binary: concurrent
//! writers, kill -9 during import, foreign and future files, encryption,
//! permissions under a careless umask, and drafts kept when the editor fails.

use std::io::Write as _;
use std::process::Stdio;

use crate::common::{assert_plain_error, Home};
use crate::durability_support::*;

// ---------------------------------------------------------------- concurrency

#[test]
fn many_processes_writing_at_once_all_land() {
    const PROCS: usize = 4;
    const WRITES: usize = 6;
    // A fresh home: the processes also race to create and migrate the journal.
    let h = Home::new();
    std::thread::scope(|s| {
        for p in 0..PROCS {
            let h = &h;
            s.spawn(move || {
                for w in 0..WRITES {
                    let text = format!("writer {p} entry {w}");
                    let out = if w % 2 == 0 {
                        h.cmd().args(["write", "free"]).write_stdin(text).output()
                    } else {
                        let arg = format!("text={text}");
                        h.cmd()
                            .args(["write", "free", "--answer", &arg])
                            .write_stdin("")
                            .output()
                    }
                    .expect("run kapj");
                    assert!(
                        out.status.success(),
                        "writer {p} write {w} failed: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            });
        }
    });
    let texts = entry_texts(&h, None);
    let mut want: Vec<String> = (0..PROCS)
        .flat_map(|p| (0..WRITES).map(move |w| format!("writer {p} entry {w}")))
        .collect();
    want.sort();
    assert_eq!(texts, want);
}

// ------------------------------------------------------------------- kill -9

fn big_import(h: &Home, n: usize) -> std::path::PathBuf {
    let entries: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("00000000-0000-4000-8000-{i:012}"),
                "phase": "free",
                "session": null,
                "at": "2026-10-01T10:00:00+02:00",
                "mood": null, "tags": [], "feelings": [], "private": false,
                "answers": [{"key": "text", "prompt": "What would you like to write?",
                             "text": format!("imported entry {i}, a few words about the day")}]
            })
        })
        .collect();
    let doc = serde_json::json!({
        "format": "kapj-journal", "version": 1,
        "exported_at": "2026-11-22T21:00:00+01:00",
        "sessions": [], "entries": entries
    });
    h.file("big.json", &doc.to_string())
}

/// Entry count as kapj's own store sees it (read straight from the file).
fn count_entries(h: &Home) -> i64 {
    let c =
        rusqlite::Connection::open_with_flags(h.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
            .expect("open journal");
    c.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .expect("count")
}

/// `KAPJ_KILL_LOOPS` and `KAPJ_KILL_ENTRIES` make a longer run by hand.
#[test]
fn kill_9_during_import_leaves_all_or_nothing() {
    let loops: usize = std::env::var("KAPJ_KILL_LOOPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6);
    let n: usize = std::env::var("KAPJ_KILL_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let h = Home::new();
    for i in 0..3 {
        h.ok(&[
            "write",
            "free",
            "--answer",
            &format!("text=before import {i}"),
        ]);
    }
    let before = count_entries(&h);
    assert_eq!(before, 3);
    let pristine = std::fs::read(h.db()).expect("journal bytes");
    let file = big_import(&h, n);

    // How long an import takes here, only to spread the kills over it.
    let started = std::time::Instant::now();
    h.ok(&["import", file.to_str().unwrap()]);
    let span = started.elapsed().as_micros() as u64;
    assert_eq!(count_entries(&h), before + n as i64);

    let mut rng = Rng::new(span ^ u64::from(std::process::id()));
    let (mut saw_before, mut saw_after) = (0, 0);
    for round in 0..loops {
        if count_entries(&h) != before {
            // Start again from the journal as it was before any import.
            for s in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(sidecar(&h, s));
            }
            std::fs::write(h.db(), &pristine).expect("restore journal");
        }
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kapj"))
            .args(["import", file.to_str().unwrap()])
            .env_clear()
            .env("KAPJ_HOME", h.path())
            .env("KAPJ_NOW", &h.now)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", h.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start import");
        let delay = rng.below(span + span / 5);
        std::thread::sleep(std::time::Duration::from_micros(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // kapj itself must open the journal afterwards (identity and damage checks).
        h.ok(&["status"]);
        let now = count_entries(&h);
        assert!(
            now == before || now == before + n as i64,
            "round {round}: kill after {delay} µs left {now} entries (before {before}, after {})",
            before + n as i64
        );
        if now == before {
            saw_before += 1;
        } else {
            saw_after += 1;
        }
    }
    eprintln!(
        "kill -9 loop: {loops} rounds, {saw_before} left the journal as before, {saw_after} after"
    );
}

// ------------------------------------------------- foreign and future files

/// Runs several commands against a file that must be refused, and checks
/// that each is refused plainly and that the file is unchanged byte for byte,
/// with no WAL or SHM file left beside it.
fn refused_untouched(h: &Home, expect: &str, pass: Option<&std::path::Path>) {
    refused_untouched_by(
        h,
        expect,
        pass,
        &[
            &["list"],
            &["write", "free", "--answer", "text=must not land"],
            &["status"],
            &["encrypt"],
        ],
    );
}

fn refused_untouched_by(
    h: &Home,
    expect: &str,
    pass: Option<&std::path::Path>,
    commands: &[&[&str]],
) {
    let original = std::fs::read(h.db()).expect("file");
    for args in commands {
        let mut c = h.cmd();
        if let Some(p) = pass {
            c.env("KAPJ_PASSPHRASE_FILE", p);
        }
        let out = c.args(*args).write_stdin("").output().expect("run kapj");
        assert!(
            !out.status.success(),
            "kapj {args:?} accepted a file it should refuse"
        );
        let err = String::from_utf8(out.stderr).expect("utf-8");
        assert_plain_error(&err);
        assert!(
            err.contains(expect),
            "kapj {args:?}: expected {expect:?} in:\n{err}"
        );
        assert!(
            std::fs::read(h.db()).expect("file") == original,
            "kapj {args:?} changed the file"
        );
        for s in ["-wal", "-shm", "-journal"] {
            assert!(
                !sidecar(h, s).exists(),
                "kapj {args:?} left a {s} file beside it"
            );
        }
    }
}

fn home_with(content: &[u8]) -> Home {
    let h = Home::new();
    std::fs::create_dir_all(h.path()).unwrap();
    std::fs::write(h.db(), content).unwrap();
    h
}

#[test]
fn random_bytes_are_refused_and_left_alone() {
    let mut rng = Rng::new(7);
    let bytes: Vec<u8> = (0..16384).map(|_| rng.below(256) as u8).collect();
    let h = home_with(&bytes);
    refused_untouched(&h, "is encrypted, or is not a kapj journal", None);
    let pass = pass_file(&h, "pass", "some passphrase");
    refused_untouched(&h, "The passphrase does not open", Some(&pass));
}

#[test]
fn a_text_file_is_refused_and_left_alone() {
    let h = home_with(b"Dear diary,\nthis is not a database.\n");
    refused_untouched(&h, "not a kapj journal", None);
    let pass = pass_file(&h, "pass", "some passphrase");
    refused_untouched(&h, "not a kapj journal", Some(&pass));
}

fn other_program_db(h: &Home, wal: bool, app_id: i32) {
    std::fs::create_dir_all(h.path()).unwrap();
    let c = rusqlite::Connection::open(h.db()).unwrap();
    if wal {
        let _: String = c
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .unwrap();
    }
    c.execute_batch(&format!(
        "PRAGMA application_id = {app_id};
         CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);
         INSERT INTO notes(body) VALUES ('someone else''s data');"
    ))
    .unwrap();
    drop(c);
    assert!(!sidecar(h, "-wal").exists());
}

#[test]
fn another_programs_sqlite_is_refused_and_left_alone() {
    for (wal, app_id) in [(false, 0), (true, 0), (false, 0x1234), (true, 0x1234)] {
        let h = Home::new();
        other_program_db(&h, wal, app_id);
        refused_untouched(&h, "an SQLite database of another program", None);
        let pass = pass_file(&h, "pass", "some passphrase");
        refused_untouched(&h, "an SQLite database of another program", Some(&pass));
    }
}

/// A real journal with a few entries, folded into its main file.
fn real_journal() -> (Home, Vec<u8>) {
    let h = Home::new();
    let mut doc = Vec::new();
    for i in 0..60 {
        doc.push(serde_json::json!({"phase": "reflection", "at": "2026-10-01T10:00:00+02:00",
            "answers": [{"key": "body", "prompt": "", "text": format!("entry {i} {}", "words ".repeat(40))}]}));
    }
    let doc =
        serde_json::json!({"format": "kapj-journal", "version": 1, "sessions": [], "entries": doc});
    let file = h.file("entries.json", &doc.to_string());
    h.ok(&["import", file.to_str().unwrap()]);
    h.ok(&["write", "free", "--answer", "text=one more"]);
    let bytes = std::fs::read(h.db()).unwrap();
    assert!(
        !sidecar(&h, "-wal").exists(),
        "a closed journal keeps no WAL"
    );
    (h, bytes)
}

/// Page numbers (1-based) on the file's freelist, read from its trunk pages.
fn free_pages(db: &[u8], page: usize) -> Vec<usize> {
    let be = |i: usize| u32::from_be_bytes([db[i], db[i + 1], db[i + 2], db[i + 3]]) as usize;
    let mut out = Vec::new();
    let mut trunk = be(32);
    while trunk != 0 {
        out.push(trunk);
        let base = (trunk - 1) * page;
        for k in 0..be(base + 4) {
            out.push(be(base + 8 + 4 * k));
        }
        trunk = be(base);
    }
    out
}

#[test]
fn a_damaged_journal_is_refused_and_left_alone() {
    let (_, good) = real_journal();
    let page = u16::from_be_bytes([good[16], good[17]]) as usize;
    let pages = good.len() / page;
    assert!(pages > 6);
    // Each page in use after the first, scrambled in turn (the header stays
    // valid). Free pages hold nothing, so scrambling them damages nothing.
    let free = free_pages(&good, page);
    assert!(pages - free.len() > 6);
    for p in (1..pages).filter(|p| !free.contains(&(p + 1))) {
        let mut bad = good.clone();
        for (k, b) in bad[p * page..(p + 1) * page].iter_mut().enumerate() {
            if k % 3 == 0 {
                *b = b.wrapping_mul(31).wrapping_add(7);
            }
        }
        let h = home_with(&bad);
        refused_untouched_by(
            &h,
            "damaged",
            None,
            &[&["write", "free", "--answer", "text=must not land"]],
        );
    }
}

#[test]
fn a_journal_from_a_newer_kapj_is_refused_and_left_alone() {
    let (_, mut bytes) = real_journal();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes()); // user_version
    let h = home_with(&bytes);
    refused_untouched(&h, "written by a newer kapj (schema 99", None);
    // Import is refused the same way, before reading the file.
    let doc =
        serde_json::json!({"format": "kapj-journal", "version": 1, "sessions": [], "entries": []});
    let file = h.file("x.json", &doc.to_string());
    let err = h.fails(&["import", file.to_str().unwrap()]);
    assert!(err.contains("newer kapj"), "{err}");
    assert!(std::fs::read(h.db()).unwrap() == bytes);
}

// ------------------------------------------------------------------ encryption

const SECRET: &str = "zebrafish-tangerine-4471";

fn encrypted_home() -> (Home, std::path::PathBuf) {
    let h = Home::new();
    for i in 0..5 {
        h.ok(&[
            "write",
            "free",
            "--answer",
            &format!("text={SECRET} plain entry {i}"),
        ]);
    }
    let pass = pass_file(&h, "pass", "correct horse battery staple");
    let out = h
        .cmd()
        .env("KAPJ_PASSPHRASE_FILE", &pass)
        .arg("encrypt")
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (h, pass)
}

fn with_pass(h: &Home, pass: &std::path::Path, args: &[&str]) -> std::process::Output {
    h.cmd()
        .env("KAPJ_PASSPHRASE_FILE", pass)
        .args(args)
        .write_stdin("")
        .output()
        .unwrap()
}

#[test]
fn encrypted_files_hold_no_entry_text() {
    let (h, pass) = encrypted_home();
    // Keep one writer waiting with the journal open, so another's entry stays
    // in the WAL, then read every byte of the database, WAL and SHM.
    let mut waiting = waiting_writer(&h, Some(&pass));
    let out = with_pass(
        &h,
        &pass,
        &[
            "write",
            "free",
            "--answer",
            &format!("text={SECRET} while open"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wal = std::fs::read(sidecar(&h, "-wal")).expect("a WAL while the journal is open");
    assert!(!wal.is_empty(), "the second entry should be in the WAL");
    for (name, bytes) in [
        ("database", std::fs::read(h.db()).unwrap()),
        ("WAL", wal),
        ("SHM", std::fs::read(sidecar(&h, "-shm")).unwrap()),
    ] {
        assert!(
            !contains(&bytes, SECRET.as_bytes()),
            "entry text in the {name} in plain bytes"
        );
        assert!(
            !contains(&bytes, b"SQLite format 3"),
            "the {name} is not encrypted"
        );
    }
    waiting
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{SECRET} from stdin").as_bytes())
        .unwrap();
    let out = waiting.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!contains(
        &std::fs::read(h.db()).unwrap(),
        SECRET.as_bytes()
    ));
    assert_eq!(entry_texts(&h, Some(&pass)).len(), 7);
}

#[test]
fn a_wrong_passphrase_is_one_plain_sentence_and_changes_nothing() {
    let (h, _) = encrypted_home();
    let before = h.snapshot();
    let wrong = pass_file(&h, "wrong", "not the passphrase");
    for args in [
        vec!["list"],
        vec!["write", "free", "--answer", "text=x"],
        vec!["decrypt"],
        vec!["encrypt"],
    ] {
        let out = with_pass(&h, &wrong, &args);
        assert!(!out.status.success());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_plain_error(&err);
        let first = err.lines().next().unwrap();
        assert!(first.starts_with("The passphrase does not open"), "{err}");
        assert_eq!(err.lines().count(), 2, "one sentence and one hint:\n{err}");
        for noise in [
            "sqlcipher",
            "SQLCIPHER",
            "ERROR",
            "CORE",
            "hmac",
            "codec",
            "cipher",
        ] {
            assert!(
                !err.contains(noise),
                "SQLCipher's own output reached the user:\n{err}"
            );
        }
        assert!(h.snapshot() == before, "kapj {args:?} changed the home");
        assert!(!sidecar(&h, "-wal").exists());
    }
    // And with no passphrase at all, outside a terminal.
    let err = h.fails(&["list"]);
    assert!(err.contains("is encrypted"), "{err}");
}

#[test]
fn encrypt_use_decrypt_keeps_every_entry() {
    let (h, pass) = encrypted_home();
    assert!(!std::fs::read(h.db())
        .unwrap()
        .starts_with(b"SQLite format 3"));
    assert_eq!(mode(&h.db()), 0o600);
    for i in 0..3 {
        let out = with_pass(
            &h,
            &pass,
            &[
                "write",
                "free",
                "--answer",
                &format!("text=encrypted entry {i}"),
            ],
        );
        assert!(out.status.success());
    }
    let encrypted = entry_texts(&h, Some(&pass));
    assert_eq!(encrypted.len(), 8);
    let out = with_pass(&h, &pass, &["encrypt"]);
    assert!(
        !out.status.success(),
        "encrypting twice should say it is already encrypted"
    );

    let out = with_pass(&h, &pass, &["decrypt"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(h.db())
        .unwrap()
        .starts_with(b"SQLite format 3"));
    assert_eq!(mode(&h.db()), 0o600);
    assert_eq!(entry_texts(&h, None), encrypted);
    let leftovers: Vec<_> = std::fs::read_dir(h.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // kapj.db.sealed is kapj's note of how it left the file,
        // .kapj-open.lock the lock that serialises opening it, and due the
        // prompt hook's file of times (see due_file).
        .filter(|n| n != "kapj.db" && n != "kapj.db.sealed" && n != ".kapj-open.lock" && n != "due")
        .collect();
    assert!(
        leftovers.is_empty(),
        "conversion left files behind: {leftovers:?}"
    );
    h.ok(&["write", "free", "--answer", "text=after decrypt"]);
    assert_eq!(entry_texts(&h, None).len(), 9);
}

#[test]
fn a_writer_open_during_encrypt_is_refused_not_lost() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=first"]);
    let pass = pass_file(&h, "pass", "pass phrase");
    let mut waiting = waiting_writer(&h, None);
    assert!(
        sidecar(&h, "-shm").exists(),
        "the waiting writer has the journal open"
    );
    let out = with_pass(&h, &pass, &["encrypt"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    waiting
        .stdin
        .take()
        .unwrap()
        .write_all(b"written into the old file")
        .unwrap();
    let out = waiting.wait_with_output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !out.status.success(),
        "the entry went into the replaced file: {err}"
    );
    assert_plain_error(&err);
    assert!(
        err.contains("encrypted or decrypted in another window"),
        "{err}"
    );
    // The new file is whole and keeps the entry it had.
    assert_eq!(entry_texts(&h, Some(&pass)), vec!["first".to_string()]);
}

// ----------------------------------------------------------------- permissions

#[test]
fn files_are_private_even_under_umask_000() {
    let h = Home::new();
    let out = under_umask_000(&h, &["write", "free", "--answer", "text=hello"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&h.path()), 0o700);
    assert_eq!(mode(&h.db()), 0o600);

    // WAL and SHM, while a writer holds the journal open.
    let mut c = under_umask_000(&h, &["write", "free"]);
    c.stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = c.spawn().unwrap();
    for _ in 0..400 {
        if sidecar(&h, "-shm").exists() && sidecar(&h, "-wal").exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert_eq!(mode(&sidecar(&h, "-wal")), 0o600);
    assert_eq!(mode(&sidecar(&h, "-shm")), 0o600);
    child.stdin.take().unwrap().write_all(b"second").unwrap();
    assert!(child.wait().unwrap().success());

    // An export.
    let export = h.dir.path().join("export.md");
    let out = under_umask_000(&h, &["export", "-o", export.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&export), 0o600);

    // A draft kept by a failed editor, and its folder.
    let editor = script(&h, "bad-editor", "echo 'draft words' >> \"$1\"; exit 1");
    let out = under_umask_000(&h, &["write", "free", "--editor"])
        .env("VISUAL", &editor)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let drafts: Vec<_> = std::fs::read_dir(h.path().join("drafts"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(drafts.len(), 1);
    assert_eq!(mode(&h.path().join("drafts")), 0o700);
    assert_eq!(mode(&drafts[0].path()), 0o600);

    // Encrypt and decrypt write new files: still the user's alone.
    let pass = pass_file(&h, "pass", "pass phrase");
    for cmd in ["encrypt", "decrypt"] {
        let out = under_umask_000(&h, &[cmd])
            .env("KAPJ_PASSPHRASE_FILE", &pass)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(mode(&h.db()), 0o600, "after {cmd}");
        assert_eq!(mode(&h.path()), 0o700, "after {cmd}");
    }
}

// ---------------------------------------------------------------------- drafts

#[test]
fn a_failed_editor_keeps_a_draft_that_resume_completes() {
    let h = Home::new();
    let bad = script(
        &h,
        "bad-editor",
        "printf 'Sunlight on the wall felt like forgiveness.\\n' >> \"$1\"; exit 1",
    );
    let out = h
        .cmd()
        .env("VISUAL", &bad)
        .args(["write", "free", "--editor"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_plain_error(&err);
    assert!(err.contains("draft"), "{err}");
    assert!(
        entry_texts(&h, None).is_empty(),
        "nothing is saved to the journal"
    );
    let drafts: Vec<_> = std::fs::read_dir(h.path().join("drafts"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(drafts.len(), 1);
    assert_eq!(mode(&drafts[0].path()), 0o600);
    assert!(
        drafts[0].path().starts_with(h.path()),
        "drafts live inside the home"
    );
    let draft = std::fs::read_to_string(drafts[0].path()).unwrap();
    assert!(draft.contains("Sunlight on the wall"), "{draft}");
    // No editor temp file is left behind, in the home or elsewhere.
    let tmp: Vec<_> = std::fs::read_dir(h.path().join("tmp"))
        .map(|d| d.flatten().count())
        .into_iter()
        .collect();
    assert!(tmp.iter().all(|&n| n == 0));

    let good = script(&h, "good-editor", "printf 'And then I slept.\\n' >> \"$1\"");
    let out = h
        .cmd()
        .env("VISUAL", &good)
        .args(["write", "--resume", "--editor"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let texts = entry_texts(&h, None);
    assert_eq!(texts.len(), 1);
    assert!(
        texts[0].contains("Sunlight on the wall felt like forgiveness."),
        "{texts:?}"
    );
    assert!(texts[0].contains("And then I slept."), "{texts:?}");
    let left = std::fs::read_dir(h.path().join("drafts"))
        .unwrap()
        .flatten()
        .count();
    assert_eq!(left, 0, "a saved entry removes its draft");
}

// ------------------------------------------------------------------ atomicity

#[test]
fn a_failing_import_imports_nothing() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=already here"]);
    let before = h.snapshot();
    // Valid entries, then an action that refers to no entry: the whole file is refused.
    let doc = serde_json::json!({
        "format": "kapj-journal", "version": 1, "sessions": [],
        "entries": [{"id": "11111111-1111-4111-8111-111111111111", "phase": "free", "at": "2026-10-01T10:00:00+02:00",
                     "answers": [{"key": "text", "prompt": "", "text": "would be imported"}]}],
        "actions": [{"entry": "22222222-2222-4222-8222-222222222222", "text": "dangling", "state": "open"}]
    });
    let file = h.file("bad.json", &doc.to_string());
    let err = h.fails(&["import", file.to_str().unwrap()]);
    assert!(err.contains("Nothing was imported"), "{err}");
    assert!(
        h.snapshot() == before,
        "a refused import changed the journal"
    );
    assert_eq!(entry_texts(&h, None), vec!["already here".to_string()]);
}

#[test]
fn an_encrypted_journal_exports_and_reviews_like_a_plain_one() {
    // Export reads entries on a second connection only for plain journals;
    // an encrypted one takes the one-connection path, with the same result.
    let (h, pass) = encrypted_home();
    let out = with_pass(&h, &pass, &["export"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = String::from_utf8(out.stdout).unwrap();
    for i in 0..5 {
        assert!(doc.contains(&format!("plain entry {i}")), "{doc}");
    }
    assert!(doc.contains("## Summary"), "{doc}");
    let out = with_pass(&h, &pass, &["review", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let review: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(review["counts"]["entries"], 5);
}

//! Issue 20, import speed: what a quicker import must keep. Entries from
//! other journals are analysed (and checked for the safety line) on other
//! threads, a chunk at a time; review's index is built in batches. The
//! line at the end, and the index, are what they were one entry at a time.

use crate::common::Home;

/// A jrnl JSON export of `n` entries, one a day; `text(i)` is entry i's body.
fn jrnl(h: &Home, name: &str, n: usize, text: impl Fn(usize) -> String) -> String {
    let entries: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
                + chrono::Duration::days(i as i64);
            serde_json::json!({
                "title": format!("Day {i}."),
                "body": text(i),
                "date": day.format("%Y-%m-%d").to_string(),
                "time": "21:00",
                "tags": [],
                "starred": false
            })
        })
        .collect();
    let doc = serde_json::json!({"tags": {}, "entries": entries});
    h.file(name, &doc.to_string()).to_str().unwrap().to_string()
}

fn ordinary(i: usize) -> String {
    let words = [
        "the lake",
        "my father",
        "a heron",
        "tea at noon",
        "the garden",
        "my chest",
        "the river",
        "my sister",
        "old letters",
        "the kitchen",
        "warm bread",
        "my mother",
        "the hills",
        "quiet music",
        "the station",
        "wet leaves",
        "a long train",
        "my breath",
    ];
    let n = words.len();
    format!(
        "I walked to {} and thought of {}. Later {} and {}.",
        words[i % n],
        words[(i / n) % n],
        words[(i * 7 + 3) % n],
        words[(i * 11 + 5) % n]
    )
}

const LINE: &str = "`kapj safety`";

#[test]
fn the_safety_line_follows_the_new_entries_wherever_they_are_in_the_file() {
    // 600 entries: several chunks, analysed on more than one thread.
    let h = Home::new();
    let calm = jrnl(&h, "calm.json", 600, ordinary);
    let out = h.ok(&["import", &calm]);
    assert!(out.starts_with("Imported 600 entries"), "{out}");
    assert!(!out.contains(LINE), "{out}");

    // The one entry that raises it is the very last.
    let h = Home::new();
    let last = jrnl(&h, "last.json", 600, |i| {
        if i == 599 {
            "I want to die.".into()
        } else {
            ordinary(i)
        }
    });
    let out = h.ok(&["import", &last]);
    assert!(out.contains(LINE), "{out}");
    // Imported again with one more ordinary entry: the entry that raised it
    // is not new, so no line.
    let more = jrnl(&h, "more.json", 601, |i| {
        if i == 599 {
            "I want to die.".into()
        } else {
            ordinary(i)
        }
    });
    let out = h.ok(&["import", &more]);
    assert!(out.starts_with("Imported 1 entry"), "{out}");
    assert!(!out.contains(LINE), "{out}");
}

/// Review's index as it stands, and as it is rebuilt one entry at a time
/// from the entries' stored analyses.
fn index_then_rebuilt(h: &Home) -> (serde_json::Value, Vec<(i64, String, i64)>) {
    let review = h.json(&["review"]);
    let keys = || -> Vec<(i64, String, i64)> {
        let c = rusqlite::Connection::open(h.db()).unwrap();
        let mut st = c
            .prepare("SELECT id, key, entries FROM term_keys ORDER BY id")
            .unwrap();
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    let before = keys();
    assert!(before.len() > 20, "{before:?}");
    // Another analysis version in the index: the next review rebuilds it.
    rusqlite::Connection::open(h.db())
        .unwrap()
        .execute(
            "UPDATE meta SET value = '0' WHERE key = 'terms_version'",
            [],
        )
        .unwrap();
    assert_eq!(h.json(&["review"]), review, "review after the rebuild");
    assert_eq!(keys(), before, "the index after the rebuild");
    (review, before)
}

#[test]
fn review_s_index_after_an_import_is_the_one_written_one_entry_at_a_time() {
    let h = Home::new();
    h.ok(&[
        "write",
        "free",
        "--answer",
        "text=my father by the lake, already here",
    ]);
    let file = jrnl(&h, "j.json", 700, ordinary);
    h.ok(&["import", &file]);
    index_then_rebuilt(&h);

    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=a heron, already here"]);
    let entries: Vec<serde_json::Value> = (0..700)
        .map(|i| {
            serde_json::json!({
                "id": format!("00000000-0000-4000-8000-{i:012}"),
                "phase": "free",
                "at": format!("2026-{:02}-{:02}T10:00:00+01:00", 1 + i % 10, 1 + i % 28),
                "answers": [{"key": "text", "prompt": "What would you like to write?", "text": ordinary(i)}]
            })
        })
        .collect();
    let doc = serde_json::json!({"format": "kapj-journal", "version": 1, "sessions": [], "entries": entries});
    let f = h.file("k.json", &doc.to_string());
    h.ok(&["import", f.to_str().unwrap()]);
    index_then_rebuilt(&h);
}

#[test]
fn an_encrypted_journal_imports_the_same_and_round_trips() {
    // A plain journal's export, imported into an encrypted one, exports
    // the same, byte for byte; search finds words and emoji in it.
    let plain = Home::new();
    let file = jrnl(&plain, "j.json", 300, |i| {
        if i == 7 {
            "a smile 😊 by the water".into()
        } else {
            ordinary(i)
        }
    });
    plain.ok(&["import", &file]);
    let export = plain.ok(&["export", "--format", "json"]);

    let h = Home::new();
    h.ok(&[
        "write",
        "free",
        "--answer",
        "text=the lighthouse keeper's blue door",
    ]);
    let pass = h.file("pass", "correct horse battery staple\n");
    let with = |args: &[&str]| -> String {
        let out = h
            .cmd()
            .env("KAPJ_PASSPHRASE_FILE", &pass)
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    with(&["encrypt"]);
    with(&["delete", "1", "--yes"]);
    let f = h.file("export.json", &export);
    let out = with(&["import", f.to_str().unwrap()]);
    assert!(out.starts_with("Imported 300 entries"), "{out}");
    assert_eq!(with(&["export", "--format", "json"]), export);
    assert!(with(&["search", "😊"]).contains("a smile"));
    assert!(with(&["search", "heron"]).contains("a heron"));
    let again = with(&["import", f.to_str().unwrap()]);
    assert!(
        again.contains("300 entries were already in the journal"),
        "{again}"
    );
    let bytes = std::fs::read(h.db()).unwrap();
    assert!(
        !bytes.windows(5).any(|w| w == b"heron"),
        "the journal holds plain text"
    );
}

//! Issue 20, import speed: the trigram index holds only the answers a
//! substring search can find (those with Chinese, Japanese, Korean, Thai,
//! emoji and other symbols), so that a journal written in spaced scripts
//! does not pay for it. Search finds the same entries as before, however
//! the answers came (written, edited, deleted, imported, or in a journal
//! from before the change).

use crate::common::script::{run_with, script};
use crate::common::Home;

/// How many answers are in the trigram index (its docsize table has a row
/// per answer indexed).
fn in_trigram_index(h: &Home) -> i64 {
    rusqlite::Connection::open(h.db())
        .expect("open")
        .query_row("SELECT count(*) FROM answers_tri_docsize", [], |r| r.get(0))
        .expect("count")
}

/// SQLite's own checks of the journal and of the trigram index.
fn assert_consistent(h: &Home) {
    let c = rusqlite::Connection::open(h.db()).expect("open");
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(ok, "ok");
    c.execute(
        "INSERT INTO answers_tri(answers_tri) VALUES ('integrity-check')",
        [],
    )
    .expect("the trigram index is consistent");
}

fn found(h: &Home, q: &str) -> String {
    h.ok(&["search", q])
}

#[test]
fn only_answers_search_can_find_as_substrings_are_in_the_trigram_index() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=a walk by the lake"]);
    h.ok(&["write", "free", "--answer", "text=海の音を聞きながら"]);
    h.ok(&[
        "write",
        "free",
        "--answer",
        "text=a smile 😊 at the bus stop",
    ]);
    h.ok(&[
        "write",
        "free",
        "--answer",
        "text=it’s a quiet day — “really” quiet…",
    ]);
    assert_eq!(in_trigram_index(&h), 2);
    assert!(found(&h, "音を聞").contains("海の音"));
    assert!(found(&h, "😊").contains("a smile"));
    assert!(found(&h, "lake").contains("a walk by the lake"));
    assert!(found(&h, "quiet").contains("it’s a quiet day"));

    // An answer edited to hold an emoji joins the index; one edited to
    // lose it leaves it; a deleted one is gone.
    let edit = |n: &str, sed: &str| {
        let ed = script(&h, "ed.sh", &format!("sed -i '{sed}' \"$1\""));
        let out = run_with(&h, &["edit", n], &[("VISUAL", ed.to_str().unwrap())], "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    edit("1", "s/by the lake/by the lake 🌊/");
    assert_eq!(in_trigram_index(&h), 3);
    assert!(found(&h, "🌊").contains("a walk by the lake"));
    edit("3", "s/ 😊//");
    assert_eq!(in_trigram_index(&h), 2);
    assert_eq!(found(&h, "😊").trim(), "Nothing found.");
    assert!(found(&h, "smile").contains("a smile at the bus stop"));
    h.ok(&["delete", "2", "--yes"]);
    assert_eq!(in_trigram_index(&h), 1);
    assert_eq!(found(&h, "音を聞").trim(), "Nothing found.");
    assert_consistent(&h);
}

#[test]
fn imports_put_only_those_answers_in_the_trigram_index() {
    let h = Home::new();
    let jrnl = h.file(
        "jrnl.json",
        r#"{"tags": {}, "entries": [
            {"title": "Rain all day.", "body": "I stayed in and read.", "date": "2026-10-01", "time": "09:00", "tags": [], "starred": false},
            {"title": "Tea with Mum ☕.", "body": "We laughed.", "date": "2026-10-02", "time": "18:30", "tags": [], "starred": false},
            {"title": "父のこと.", "body": "父のことを考えていました。", "date": "2026-10-03", "time": "21:00", "tags": [], "starred": false}
        ]}"#,
    );
    h.ok(&["import", jrnl.to_str().unwrap()]);
    let kapj = h.file(
        "kapj.json",
        r#"{"format": "kapj-journal", "version": 1, "sessions": [], "entries": [
            {"id": "00000000-0000-4000-8000-000000000001", "phase": "free", "at": "2026-10-04T10:00:00+02:00",
             "answers": [{"key": "text", "prompt": "What would you like to write?", "text": "the lake and my father"}]},
            {"id": "00000000-0000-4000-8000-000000000002", "phase": "free", "at": "2026-10-05T10:00:00+02:00",
             "answers": [{"key": "text", "prompt": "What would you like to write?", "text": "a heron 🪶 by the water"}]}
        ]}"#,
    );
    h.ok(&["import", kapj.to_str().unwrap()]);
    assert_eq!(in_trigram_index(&h), 3);
    assert!(found(&h, "☕").contains("Tea with Mum"));
    assert!(found(&h, "ことを考").contains("2026-10-03"));
    assert!(found(&h, "🪶").contains("a heron"));
    assert!(found(&h, "rain").contains("Rain all day"));
    assert!(found(&h, "lake").contains("the lake and my father"));
    // Importing both again adds nothing, to the entries or to the index.
    h.ok(&["import", jrnl.to_str().unwrap()]);
    h.ok(&["import", kapj.to_str().unwrap()]);
    assert_eq!(in_trigram_index(&h), 3);
    // The triggers are back after the imports.
    h.ok(&["write", "free", "--answer", "text=一緒に歩いた"]);
    h.ok(&["write", "free", "--answer", "text=one more plain line"]);
    assert_eq!(in_trigram_index(&h), 4);
    assert!(found(&h, "一緒に").contains("2026-11-22"));
    assert_consistent(&h);
}

#[test]
fn a_journal_from_before_keeps_only_those_answers_after_its_upgrade() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=a walk by the lake"]);
    h.ok(&["write", "free", "--answer", "text=海の音を聞きながら"]);
    h.ok(&["write", "free", "--answer", "text=home again"]);
    // The journal as a kapj from before this change left it: every answer in
    // the trigram index, kept there by triggers without a condition.
    rusqlite::Connection::open(h.db())
        .expect("open")
        .execute_batch(
            "DROP TRIGGER answers_tri_ai; DROP TRIGGER answers_tri_ad; DROP TRIGGER answers_tri_au;
             CREATE TRIGGER answers_tri_ai AFTER INSERT ON answers BEGIN
                 INSERT INTO answers_tri(rowid, text) VALUES (new.id, new.text);
             END;
             CREATE TRIGGER answers_tri_ad AFTER DELETE ON answers BEGIN
                 INSERT INTO answers_tri(answers_tri, rowid, text) VALUES ('delete', old.id, old.text);
             END;
             CREATE TRIGGER answers_tri_au AFTER UPDATE OF text ON answers BEGIN
                 INSERT INTO answers_tri(answers_tri, rowid, text) VALUES ('delete', old.id, old.text);
                 INSERT INTO answers_tri(rowid, text) VALUES (new.id, new.text);
             END;
             INSERT INTO answers_tri(answers_tri) VALUES ('rebuild');
             DELETE FROM schema_migrations WHERE number = 14;
             PRAGMA user_version = 12;",
        )
        .expect("make it as before");
    assert_eq!(in_trigram_index(&h), 3);
    assert!(found(&h, "音を聞").contains("海の音"));
    assert_eq!(in_trigram_index(&h), 1);
    assert!(found(&h, "lake").contains("a walk by the lake"));
    h.ok(&["delete", "2", "--yes"]);
    assert_eq!(in_trigram_index(&h), 0);
    assert_eq!(found(&h, "音を聞").trim(), "Nothing found.");
    assert_consistent(&h);
}

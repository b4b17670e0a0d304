//! Import at any size (issue 20, part 3): the journal JSON is read as a
//! stream, one entry at a time, in one transaction. What a file says still
//! lands wherever in the file it says it; a problem at its very end still
//! leaves the journal as it was; a long import shows its progress on a
//! terminal only.

use crate::common::{pty, Home};

fn entry(i: usize, session: Option<i64>, at: &str) -> serde_json::Value {
    serde_json::json!({
        "id": format!("00000000-0000-4000-8000-{i:012}"),
        "phase": if session.is_some() { "reflection" } else { "free" },
        "session": session,
        "at": at,
        "answers": [{"key": "text", "prompt": "What would you like to write?",
                     "text": format!("streamed entry {i}, about the lake and my father")}]
    })
}

fn many(n: usize) -> Vec<serde_json::Value> {
    (0..n)
        .map(|i| entry(i, None, "2026-10-01T10:00:00+02:00"))
        .collect()
}

#[test]
fn parts_of_the_file_in_any_order_land_where_they_belong() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=already here"]);
    // Entries first, then sessions (one without a time), then actions: a
    // hand-written file, not kapj's own order.
    let text = format!(
        r#"{{"entries": [{}, {}, {}],
            "actions": [{{"id": "a0000000-0000-4000-8000-000000000001", "entry": "00000000-0000-4000-8000-000000000001", "text": "walk by the sea", "state": "open"}}],
            "sessions": [{{"number": 1, "note": "no time of its own"}}],
            "format": "kapj-journal", "version": 1}}"#,
        entry(0, Some(1), "2026-10-03T20:00:00+02:00"),
        entry(1, Some(1), "2026-10-02T18:30:00+02:00"),
        entry(2, None, "2026-10-05T08:00:00+02:00"),
    )
    .replace("streamed entry 2, about", "海の音を聞きながら、about");
    let f = h.file("hand.json", &text);
    let out = h.ok(&["import", f.to_str().unwrap()]);
    assert_eq!(
        out, "Imported 3 entries and 1 new session, 1 action.\n",
        "{out}"
    );
    // The session without a time takes its earliest entry's.
    let sessions = h.json(&["session", "list"]);
    assert_eq!(sessions[0]["at"], "2026-10-02T18:30:00+02:00", "{sessions}");
    let actions = h.ok(&["actions"]);
    assert!(actions.contains("walk by the sea"), "{actions}");
    // Search finds the imported text (the full-text indexes were filled).
    let found = h.ok(&["search", "lake"]);
    assert_eq!(
        found.matches("the lake and my father").count(),
        3,
        "{found}"
    );
    // Inside a sentence without spaces (the trigram index).
    let found = h.ok(&["search", "音を聞"]);
    assert!(found.contains("2026-10-05 08:00"), "{found}");
    // Importing it again adds nothing.
    let again = h.ok(&["import", f.to_str().unwrap()]);
    assert_eq!(
        again,
        "Imported 0 entries and 0 new sessions. 3 entries were already in the journal.\n"
    );
    // And a later entry is indexed for search as before (the triggers are back).
    h.ok(&["write", "free", "--answer", "text=a heron by the water"]);
    assert!(h.ok(&["search", "heron"]).contains("a heron by the water"));
    h.ok(&["write", "free", "--answer", "text=父のことを考えていました"]);
    assert!(h.ok(&["search", "ことを考"]).contains("2026-11-22"));
}

#[test]
fn a_bad_record_at_the_end_of_a_long_file_imports_nothing() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=already here"]);
    let mut entries = many(3000);
    entries.push(
        serde_json::json!({"phase": "free", "at": "next Tuesday", "answers": [{"text": "x"}]}),
    );
    let doc = serde_json::json!({"format": "kapj-journal", "version": 1, "entries": entries});
    let f = h.file("long.json", &doc.to_string());
    let before = h.snapshot();
    let err = h.fails(&["import", f.to_str().unwrap()]);
    assert!(err.contains("entry 3001 (entries[3000])"), "{err}");
    assert!(err.contains("\"at\""), "{err}");
    assert!(err.contains("Nothing was imported."), "{err}");
    assert_eq!(h.snapshot(), before, "the journal changed");

    // Cut off in the middle (a file copied half way): the same.
    let whole = std::fs::read(&f).unwrap();
    let cut = h.dir.path().join("cut.json");
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    let err = h.fails(&["import", cut.to_str().unwrap()]);
    assert!(err.contains("not valid JSON"), "{err}");
    assert_eq!(h.snapshot(), before, "the journal changed");
}

#[test]
fn a_file_that_is_not_utf8_is_one_line_and_changes_nothing() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=already here"]);
    let mut bytes = serde_json::json!({"entries": many(50)})
        .to_string()
        .into_bytes();
    let at = bytes.len() - 200;
    bytes[at] = 0xff;
    let f = h.dir.path().join("latin1.json");
    std::fs::write(&f, bytes).unwrap();
    let before = h.snapshot();
    let err = h.fails(&["import", f.to_str().unwrap()]);
    assert!(err.contains("not UTF-8 text"), "{err}");
    assert_eq!(h.snapshot(), before);
}

#[test]
fn a_refused_import_into_a_new_home_leaves_no_journal_behind() {
    let h = Home::new();
    let f = h.file(
        "bad.json",
        r#"{"entries": [{"phase": "dreaming", "at": "2026-10-01T10:00:00Z", "answers": []}]}"#,
    );
    let err = h.fails(&["import", f.to_str().unwrap()]);
    assert!(err.contains("\"phase\" of \"dreaming\""), "{err}");
    assert!(!h.db().exists(), "an empty journal was left behind");
}

#[test]
fn a_long_import_shows_progress_at_a_terminal_and_nothing_when_piped() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=already here"]);
    let doc = serde_json::json!({"format": "kapj-journal", "version": 1, "entries": many(12000)});
    let f = h.file("big.json", &doc.to_string());
    // Piped: the summary alone.
    let out = h.run(&["import", f.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let took = {
        let h2 = Home::new();
        h2.ok(&["write", "free", "--answer", "text=already here"]);
        let t = std::time::Instant::now();
        h2.ok(&["import", f.to_str().unwrap()]);
        t.elapsed()
    };
    // At a terminal (into a fresh journal, so it has work to do).
    let t = Home::new();
    t.ok(&["write", "free", "--answer", "text=already here"]);
    let mut s = pty::spawn(&t, &["import", f.to_str().unwrap()], &[]);
    s.set_expect_timeout(Some(std::time::Duration::from_secs(300)));
    let (screen, code) = pty::finish(s);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Imported 12000 entries"), "{screen}");
    if took > std::time::Duration::from_millis(1500) {
        assert!(
            screen.contains("Importing"),
            "no progress after {took:?}: {screen}"
        );
        assert!(screen.contains("entries"), "{screen}");
    } else {
        eprintln!("the import took {took:?}: too quick here to show progress");
    }
}

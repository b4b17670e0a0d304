//! Issue 16: `kapj actions add "TEXT"` notes an action without writing an
//! entry (in the latest session, or `--session N`), and `kapj actions edit`
//! changes an action's words, on the command line or in the editor.

use crate::common::Home;

/// A session four days ago, another two days ago, and one planned.
fn sessions() -> Home {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "4 days ago"]);
    h.ok(&["session", "add", "--at", "2 days ago"]);
    h.ok(&["session", "add", "--at", "in 3 days"]);
    h
}

#[test]
fn add_notes_an_action_in_the_latest_session_that_has_happened() {
    let h = sessions();
    let out = h.ok(&["actions", "add", "Walk by the sea on Sunday"]);
    assert!(
        out.starts_with("Added action 1 (session 2): Walk by the sea on Sunday"),
        "{out}"
    );
    let j = h.json(&["actions", "list"]);
    assert_eq!(j[0]["text"], "Walk by the sea on Sunday");
    assert_eq!(j[0]["session"], 2);
    assert!(j[0]["entry"].is_null());
    assert_eq!(j[0]["state"], "open");
    let list = h.ok(&["actions"]);
    assert!(
        list.contains("Walk by the sea on Sunday  (session 2)"),
        "{list}"
    );
    // Several words without quotes are one action.
    h.ok(&["actions", "add", "call", "my", "sister", "--session", "1"]);
    let j = h.json(&["actions", "list"]);
    assert_eq!(j[1]["text"], "call my sister");
    assert_eq!(j[1]["session"], 1);
    // It is an open action like any other: status lists it, done marks it.
    assert!(h.ok(&[]).contains("call my sister"));
    assert!(h
        .ok(&["actions", "done", "2"])
        .contains("Marked done: call my sister"));
}

#[test]
fn add_without_any_session_keeps_the_action_on_its_own() {
    let h = Home::new();
    let out = h.ok(&["actions", "add", "Rest on Saturday"]);
    assert!(out.starts_with("Added action 1: Rest on Saturday"), "{out}");
    assert!(h.ok(&["actions"]).contains("(added)"));
    assert!(h.json(&["actions", "list"])[0]["session"].is_null());
}

#[test]
fn add_refuses_empty_text_and_an_unknown_session() {
    let h = sessions();
    let before = h.snapshot();
    for args in [
        &["actions", "add", ""][..],
        &["actions", "add", "  ", " "],
        &["actions", "add", "walk", "--session", "9"],
        &["actions", "add", "walk", "--session", "two"],
    ] {
        let err = h.fails(args);
        assert!(
            err.contains("nothing was added")
                || err.contains("no session 9")
                || err.contains("not a session number"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(h.snapshot(), before, "a refused add changed the journal");
    assert!(h
        .json(&["actions", "list", "--all"])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn edit_changes_the_words_and_keeps_number_state_and_date() {
    let h = sessions();
    h.ok(&["actions", "add", "Walk by the sea on Sunday"]);
    h.ok(&["actions", "done", "1"]);
    let before = h.json(&["actions", "list", "--all"])[0].clone();
    let out = h.ok(&["actions", "edit", "1", "Walk by the sea on Saturday"]);
    assert!(
        out.contains("Action 1 now reads: Walk by the sea on Saturday"),
        "{out}"
    );
    let after = h.json(&["actions", "list", "--all"])[0].clone();
    assert_eq!(after["text"], "Walk by the sea on Saturday");
    for k in ["id", "number", "state", "at", "done_at", "session"] {
        assert_eq!(after[k], before[k], "{k}");
    }
    // By the start of its id, too.
    let id = after["id"].as_str().unwrap()[..8].to_string();
    h.ok(&["actions", "edit", &id, "a", "slow", "walk"]);
    assert_eq!(
        h.json(&["actions", "list", "--all"])[0]["text"],
        "a slow walk"
    );
    assert!(h
        .ok(&["actions", "edit", "1", "a slow walk"])
        .contains("unchanged"));
}

#[test]
fn edit_without_text_opens_the_editor() {
    let h = sessions();
    h.ok(&["actions", "add", "Walk by the sea on Sunday"]);
    let out = h
        .cmd()
        .env("EDITOR", "sed -i s/Sunday/Saturday/")
        .args(["actions", "edit", "1"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        h.json(&["actions", "list"])[0]["text"],
        "Walk by the sea on Saturday"
    );

    // An editor that fails, or one that empties the text, changes nothing.
    let before = h.snapshot();
    for editor in ["false", "sed -i d"] {
        let out = h
            .cmd()
            .env("EDITOR", editor)
            .args(["actions", "edit", "1"])
            .write_stdin("")
            .output()
            .unwrap();
        assert!(!out.status.success(), "{editor}");
        crate::common::assert_plain_error(&String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(h.snapshot(), before);
}

#[test]
fn edit_refuses_an_unknown_action_and_empty_text() {
    let h = sessions();
    h.ok(&["actions", "add", "Walk by the sea on Sunday"]);
    let before = h.snapshot();
    assert!(h
        .fails(&["actions", "edit", "7", "rest"])
        .contains("There is no action 7."));
    assert!(h
        .fails(&["actions", "edit", "ffff", "rest"])
        .contains("no action whose id starts with"));
    let err = h.fails(&["actions", "edit", "1", " "]);
    assert!(err.contains("action 1 was not changed"), "{err}");
    assert!(err.contains("kapj actions drop 1"), "{err}");
    assert_eq!(h.snapshot(), before);
}

#[test]
fn an_edited_action_of_an_entry_survives_an_edit_of_another_answer() {
    let h = sessions();
    h.ok(&[
        "write",
        "embodiment",
        "--answer",
        "body=warm",
        "--answer",
        "action=walk after lunch",
    ]);
    h.ok(&["actions", "edit", "1", "walk after dinner"]);
    // The entry keeps the words as written.
    let entry = h.json(&["show", "1"]);
    assert!(entry.to_string().contains("walk after lunch"));
    // Changing another answer of the entry leaves the action as edited.
    let out = h
        .cmd()
        .env("EDITOR", "sed -i s/warm/warmer/")
        .args(["edit", "1"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(h.json(&["show", "1"]).to_string().contains("warmer"));
    assert_eq!(h.json(&["actions", "list"])[0]["text"], "walk after dinner");
    // Changing the action answer itself still changes the action.
    let out = h
        .cmd()
        .env("EDITOR", "sed -i s/lunch/supper/")
        .args(["edit", "1"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(h.json(&["actions", "list"])[0]["text"], "walk after supper");
}

#[test]
fn an_action_of_its_own_travels_in_the_backup() {
    let h = sessions();
    h.ok(&["actions", "add", "Walk by the sea on Sunday"]);
    h.ok(&["actions", "add", "Rest", "--session", "1"]);
    let backup = h.dir.path().join("backup.json");
    h.ok(&["export", "--format", "json", "-o", backup.to_str().unwrap()]);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&backup).unwrap()).unwrap();
    assert_eq!(doc["actions"][0]["session"], 2);
    assert!(doc["actions"][0]["entry"].is_null());

    let other = Home::new();
    other.ok(&["import", backup.to_str().unwrap()]);
    let j = other.json(&["actions", "list"]);
    assert_eq!(j.as_array().unwrap().len(), 2);
    assert_eq!(j[0]["text"], "Walk by the sea on Sunday");
    assert_eq!(j[0]["session"], 2);
    assert_eq!(j[1]["session"], 1);
    // Twice adds nothing.
    other.ok(&["import", backup.to_str().unwrap()]);
    assert_eq!(
        other.json(&["actions", "list"]).as_array().unwrap().len(),
        2
    );
    // The therapist's document lists it with the other open actions.
    assert!(h.ok(&["export"]).contains("Walk by the sea on Sunday"));
}

#[test]
fn an_older_journal_keeps_its_actions_and_their_numbers_when_it_upgrades() {
    let h = Home::new();
    std::fs::create_dir_all(h.path()).unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.db");
    std::fs::copy(&src, h.db()).expect("fixture exists");
    {
        // As if actions 2 to 5 had been written and deleted with their entries.
        let conn = rusqlite::Connection::open(h.db()).unwrap();
        conn.execute(
            "UPDATE sqlite_sequence SET seq = 5 WHERE name = 'actions'",
            [],
        )
        .unwrap();
    }
    let j = h.json(&["actions", "list"]);
    assert_eq!(j[0]["number"], 1);
    assert_eq!(j[0]["id"], "65656302-7595-4c30-87f6-f28144a5c1fd");
    assert_eq!(j[0]["text"], "fixture-v1 action: walk each morning");
    assert!(j[0]["entry"].is_string());
    assert!(h.ok(&["actions"]).contains("(entry 3)"));
    // A deleted action's number is never given again.
    assert!(h
        .ok(&["actions", "add", "rest"])
        .starts_with("Added action 6"));
    // Deleting the entry still takes its action with it.
    h.ok(&["delete", "3", "--yes"]);
    let left = h.json(&["actions", "list", "--all"]);
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    assert_eq!(left[0]["text"], "rest");
}

#[test]
fn every_action_in_json_says_its_session() {
    let h = sessions();
    h.ok(&["write", "embodiment", "--answer", "action=walk after lunch"]);
    h.ok(&["actions", "add", "rest", "--session", "1"]);
    let j = h.json(&["actions", "list"]);
    assert_eq!(j[0]["session"], 2, "{j}");
    assert!(j[0]["entry"].is_string());
    assert_eq!(j[1]["session"], 1, "{j}");
    // The backup keeps an entry's action with its entry only.
    let backup = h.dir.path().join("b.json");
    h.ok(&["export", "--format", "json", "-o", backup.to_str().unwrap()]);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&backup).unwrap()).unwrap();
    assert!(doc["actions"][0].get("session").is_none(), "{doc}");
    assert_eq!(doc["actions"][1]["session"], 1);
}

//! Issue 2, the journal core, end to end: every command on a fresh home with
//! a fixed clock, read back through `--json`.

use crate::common::script::{run_with, script};
use crate::common::{assert_plain_error, pairs, texts, Home};
use serde_json::Value;

fn numbers(v: &Value) -> Vec<i64> {
    v.as_array()
        .expect("a JSON list")
        .iter()
        .map(|e| e["number"].as_i64().expect("number"))
        .collect()
}

/// Runs a command that must fail plainly and leave the home byte for byte as it was.
fn refused(h: &Home, args: &[&str]) -> String {
    let before = h.snapshot();
    let err = h.fails(args);
    assert_eq!(
        before,
        h.snapshot(),
        "kapj {args:?} changed the store although it failed"
    );
    err
}

// ---------------------------------------------------------------------------
// status: the integration window
// ---------------------------------------------------------------------------

#[test]
fn status_without_a_session_asks_for_one() {
    let h = Home::new();
    let out = h.ok(&["status"]);
    assert!(out.contains("No sessions yet."), "{out}");
    assert!(out.contains("kapj session add"), "{out}");
    assert!(out.contains("kapj write intention"), "{out}");
    let j = h.json(&["status"]);
    assert_eq!(j["due"], "session");
    assert_eq!(j["latest_session"], Value::Null);
    assert_eq!(j["next_session"], Value::Null);
    assert_eq!(j["phases_written"], serde_json::json!([]));
}

#[test]
fn status_with_a_planned_session_asks_for_an_intention() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "in 2 days"]);
    let out = h.ok(&["status"]);
    assert!(out.contains("Next: session 1 in 2 days"), "{out}");
    assert!(out.contains("kapj write intention"), "{out}");
    assert!(out.contains("kapj review"), "{out}");
    let j = h.json(&["status"]);
    assert_eq!(j["due"], "intention");
    assert_eq!(j["next_session"]["number"], 1);
    assert_eq!(j["next_session"]["at"], "2026-11-24T21:00:00+01:00");
    assert_eq!(j["latest_session"], Value::Null);
}

#[test]
fn status_in_the_first_day_asks_for_a_gentle_reflection() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "today 10:00"]);
    let out = h.ok(&[]);
    assert!(out.contains("Session 1 was 11 hours ago"), "{out}");
    assert!(out.contains("immediate reflection"), "{out}");
    assert!(out.contains("Rest comes first"), "{out}");
    assert!(out.contains("kapj write reflection"), "{out}");
    let j = h.json(&["status"]);
    assert_eq!(j["due"], "reflection");
    assert_eq!(j["hours_since_session"], 11.0);
    assert_eq!(j["window_closes_in_hours"], Value::Null);
}

#[test]
fn status_between_one_and_three_days_counts_down_the_window() {
    let h = Home::new();
    // 59 hours before 2026-11-22 21:00.
    h.ok(&["session", "add", "--at", "2026-11-20 10:00"]);
    let out = h.ok(&["status"]);
    assert!(out.contains("meaning-making"), "{out}");
    assert!(out.contains("closes in about 13 hours"), "{out}");
    assert!(out.contains("48–72 hours"), "{out}");
    assert!(out.contains("kapj write meaning"), "{out}");
    let j = h.json(&["status"]);
    assert_eq!(j["due"], "meaning");
    assert_eq!(j["hours_since_session"], 59.0);
    assert_eq!(j["window_closes_in_hours"], 13.0);
}

#[test]
fn status_window_edges_at_24_and_72_hours() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-21 21:00"]);
    let j = h.json(&["status"]);
    assert_eq!(j["due"], "meaning", "exactly 24 h is meaning-making");
    assert_eq!(j["window_closes_in_hours"], 48.0);

    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-19 22:00"]);
    let j = h.json(&["status"]);
    assert_eq!(j["due"], "meaning");
    assert_eq!(j["window_closes_in_hours"], 1.0);
    assert!(h.ok(&["status"]).contains("closes in about 1 hour."));

    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-19 21:00"]);
    assert_eq!(
        h.json(&["status"])["due"],
        "meaning",
        "exactly 72 h is meaning-making"
    );
    let out = h.ok(&["status"]);
    assert!(out.contains("it closes within the hour."), "{out}");

    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-19 20:00"]);
    assert_eq!(
        h.json(&["status"])["due"],
        "embodiment",
        "73 h is embodiment"
    );
}

#[test]
fn status_after_three_days_asks_for_embodiment_and_lists_open_actions() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "10 days ago"]);
    h.ok(&[
        "write",
        "embodiment",
        "--at",
        "3 days ago",
        "--answer",
        "action=walk after lunch",
    ]);
    let out = h.ok(&["status"]);
    assert!(out.contains("Session 1 was 10 days ago"), "{out}");
    assert!(out.contains("Now: embodiment"), "{out}");
    // Written already, so not suggested again.
    assert!(!out.contains("kapj write embodiment"), "{out}");
    assert!(out.contains("Open actions"), "{out}");
    assert!(
        out.contains("walk after lunch  (added 3 days ago)"),
        "{out}"
    );
    let j = h.json(&["status"]);
    assert_eq!(j["due"], "embodiment");
    assert_eq!(j["open_actions"][0]["text"], "walk after lunch");
    assert_eq!(j["open_actions"][0]["state"], "open");
}

#[test]
fn status_shows_which_phases_of_the_latest_session_have_entries() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-01 10:00"]);
    h.ok(&[
        "write",
        "embodiment",
        "--at",
        "2026-11-10",
        "--answer",
        "body=rest",
    ]);
    h.ok(&["session", "add", "--at", "2026-11-20 10:00"]);
    h.ok(&[
        "write",
        "reflection",
        "--at",
        "2026-11-20 18:00",
        "--answer",
        "body=warm",
    ]);
    h.ok(&["write", "meaning", "--answer", "returning=the lake"]);
    let out = h.ok(&["status"]);
    assert!(
        out.contains("Session 2 so far: intention ·  reflection ✓  meaning ✓  embodiment ·"),
        "{out}"
    );
    let j = h.json(&["status"]);
    assert_eq!(j["latest_session"]["number"], 2);
    let mut written: Vec<&str> = j["phases_written"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    written.sort_unstable();
    assert_eq!(written, ["meaning", "reflection"]);
}

#[test]
fn status_mentions_a_planned_session_while_the_window_is_open() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "today 09:00"]);
    h.ok(&["session", "add", "--at", "in 7 days"]);
    let out = h.ok(&["status"]);
    assert!(out.contains("immediate reflection"), "{out}");
    assert!(out.contains("Also ahead: session 2 in 7 days"), "{out}");
    let j = h.json(&["status"]);
    assert_eq!(j["due"], "reflection");
    assert_eq!(j["next_session"]["number"], 2);
}

// ---------------------------------------------------------------------------
// sessions
// ---------------------------------------------------------------------------

#[test]
fn sessions_are_numbered_in_date_order_and_shown() {
    let h = Home::new();
    let out = h.ok(&[
        "session",
        "add",
        "--at",
        "2026-11-20 10:00",
        "--note",
        "first big one",
        "--setting",
        "clinic, eyeshades",
        "--dose",
        "IM, 1st",
    ]);
    assert!(
        out.contains("Recorded session 1 on Fri 20 Nov 2026, 10:00"),
        "{out}"
    );
    // An earlier session added later takes its place in date order.
    h.ok(&["session", "add", "--at", "2026-11-01 10:00"]);
    h.ok(&["session", "add", "--at", "tomorrow 10:00"]);
    let list = h.json(&["session", "list"]);
    assert_eq!(numbers(&list), [1, 2, 3]);
    assert_eq!(list[0]["at"], "2026-11-01T10:00:00+01:00");
    assert_eq!(list[1]["at"], "2026-11-20T10:00:00+01:00");
    assert_eq!(list[1]["setting"], "clinic, eyeshades");
    assert_eq!(list[1]["dose"], "IM, 1st");
    assert_eq!(list[1]["note"], "first big one");
    assert_eq!(list[2]["at"], "2026-11-23T10:00:00+01:00");

    let text = h.ok(&["session", "list"]);
    assert!(text.contains("(planned)"), "{text}");
    assert!(text.contains("setting: clinic, eyeshades"), "{text}");

    h.ok(&["write", "reflection", "--answer", "body=heavy legs"]);
    let show = h.json(&["session", "show", "2"]);
    assert_eq!(show["number"], 2);
    assert_eq!(show["entries"][0]["answers"][0]["text"], "heavy legs");
    assert_eq!(h.json(&["session", "list"])[1]["entries"], 1);
    let text = h.ok(&["session", "show", "2"]);
    assert!(text.contains("heavy legs"), "{text}");
}

// ---------------------------------------------------------------------------
// write
// ---------------------------------------------------------------------------

#[test]
fn write_with_answers_keeps_every_field() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "today 10:00"]);
    let out = h.ok(&[
        "write",
        "reflect",
        "--mood",
        "4",
        "--tag",
        "#Grief",
        "--tag",
        "body",
        "--private",
        "--answer",
        "now=tired",
        "--answer",
        "body=tight chest",
        "--answer",
        "body=cold hands",
    ]);
    assert!(
        out.contains("Saved entry 1 (immediate reflection, session 1)."),
        "{out}"
    );
    let e = h.json(&["show", "1"]);
    assert_eq!(e["phase"], "reflection");
    assert_eq!(e["session"], 1);
    assert_eq!(e["mood"], 4);
    assert_eq!(e["private"], true);
    assert_eq!(e["at"], "2026-11-22T21:00:00+01:00");
    assert_eq!(e["tags"], serde_json::json!(["body", "grief"]));
    // Template order, repeated keys joined, prompts stored with the answers.
    assert_eq!(
        texts(&e),
        pairs(&[("body", "tight chest\ncold hands"), ("now", "tired")])
    );
    assert_eq!(
        e["answers"][0]["prompt"],
        "What do you notice in your body?"
    );

    let text = h.ok(&["show", "1"]);
    assert!(
        text.contains("Entry 1 · immediate reflection · session 1"),
        "{text}"
    );
    assert!(text.contains("mood 4/10"), "{text}");
    assert!(text.contains("tags: body, grief"), "{text}");
    assert!(text.contains("private"), "{text}");
    assert!(
        text.contains("What do you notice in your body?\ntight chest\ncold hands"),
        "{text}"
    );
}

#[test]
fn standard_input_becomes_one_free_answer() {
    let h = Home::new();
    let text = "First line of the evening.\n\nA second paragraph, with # and `ticks`.\n";
    let out = run_with(&h, &["write", "meaning"], &[], text);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e = h.json(&["show", "1"]);
    assert_eq!(e["phase"], "meaning");
    assert_eq!(
        texts(&e),
        pairs(&[(
            "text",
            "First line of the evening.\n\nA second paragraph, with # and `ticks`."
        )])
    );
    assert_eq!(e["session"], Value::Null);
}

#[test]
fn an_unknown_answer_key_names_the_phase_keys() {
    let h = Home::new();
    h.ok(&["status"]);
    let err = refused(&h, &["write", "embodiment", "--answer", "acton=walk"]);
    assert!(
        err.contains("\"acton\" is not a question of the embodiment phase"),
        "{err}"
    );
    assert!(err.contains("action"), "{err}");
    let err = refused(&h, &["write", "free", "--answer", "no equals sign"]);
    assert!(err.contains("KEY=TEXT"), "{err}");
}

#[test]
fn natural_dates_are_read_in_local_time() {
    let h = Home::new();
    for (when, expect) in [
        ("yesterday 20:00", "2026-11-21T20:00:00+01:00"),
        ("3 days ago", "2026-11-19T21:00:00+01:00"),
        ("2026-11-20", "2026-11-20T21:00:00+01:00"),
        ("2026-11-02 07:30", "2026-11-02T07:30:00+01:00"),
        ("today 08:15", "2026-11-22T08:15:00+01:00"),
        ("5 hours ago", "2026-11-22T16:00:00+01:00"),
    ] {
        h.ok(&[
            "write",
            "free",
            "--at",
            when,
            "--answer",
            &format!("text={when}"),
        ]);
        let found = h
            .json(&["list", "-n", "100"])
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["answers"][0]["text"] == when)
            .cloned()
            .unwrap();
        assert_eq!(found["at"], expect, "{when}");
    }
    h.ok(&["session", "add", "--at", "in 2 days"]);
    assert_eq!(
        h.json(&["session", "show", "1"])["at"],
        "2026-11-24T21:00:00+01:00"
    );
}

#[test]
fn entries_go_to_the_session_that_fits() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-10 10:00"]);
    h.ok(&["session", "add", "--at", "2026-11-20 10:00"]);
    h.ok(&["session", "add", "--at", "2026-11-29 10:00"]);
    let session_of = |args: &[&str]| {
        let mut all = vec!["write"];
        all.extend_from_slice(args);
        let out = h.ok(&all);
        let n = out
            .split("Saved entry ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .unwrap()
            .to_string();
        h.json(&["show", &n])["session"].clone()
    };
    // Intention: the next planned session.
    assert_eq!(
        session_of(&["intention", "--answer", "intention=soften"]),
        3
    );
    // The others: the most recent at or before the entry's time.
    assert_eq!(session_of(&["reflection", "--answer", "body=x"]), 2);
    assert_eq!(
        session_of(&["meaning", "--at", "2026-11-15", "--answer", "past=y"]),
        1
    );
    assert_eq!(
        session_of(&["meaning", "--at", "2026-11-20 10:00", "--answer", "past=z"]),
        2
    );
    assert_eq!(
        session_of(&["free", "--at", "2026-11-01", "--answer", "text=before"]),
        Value::Null
    );
    // --session wins.
    assert_eq!(
        session_of(&["free", "--session", "1", "--answer", "text=w"]),
        1
    );

    // With nothing planned, an intention goes to the most recent session.
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-20 10:00"]);
    h.ok(&["write", "intention", "--answer", "intention=rest"]);
    assert_eq!(h.json(&["show", "1"])["session"], 1);
}

// ---------------------------------------------------------------------------
// list, show, search
// ---------------------------------------------------------------------------

/// Two sessions and five entries with tags, at known times.
fn small_journal() -> Home {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-01 10:00"]);
    h.ok(&["session", "add", "--at", "2026-11-15 10:00"]);
    h.ok(&[
        "write",
        "reflection",
        "--at",
        "2026-11-01 18:00",
        "--tag",
        "grief",
        "--answer",
        "body=tight throat, heavy",
    ]);
    h.ok(&[
        "write",
        "meaning",
        "--at",
        "2026-11-03 09:00",
        "--answer",
        "past=my father at the lake",
    ]);
    h.ok(&[
        "write",
        "reflection",
        "--at",
        "2026-11-15 19:00",
        "--answer",
        "body=my chest felt tight",
    ]);
    h.ok(&[
        "write",
        "embodiment",
        "--at",
        "2026-11-20 08:00",
        "--tag",
        "Grief",
        "--answer",
        "action=call my sister",
    ]);
    h.ok(&[
        "write",
        "free",
        "--at",
        "2026-11-22 07:00",
        "--answer",
        "text=slept well, calm morning",
    ]);
    h
}

#[test]
fn list_filters_each_narrow_the_entries() {
    let h = small_journal();
    assert_eq!(numbers(&h.json(&["list"])), [5, 4, 3, 2, 1], "newest first");
    assert_eq!(numbers(&h.json(&["list", "--phase", "reflection"])), [3, 1]);
    assert_eq!(numbers(&h.json(&["list", "--phase", "embody"])), [4]);
    assert_eq!(numbers(&h.json(&["list", "--session", "1"])), [2, 1]);
    assert_eq!(numbers(&h.json(&["list", "--session", "2"])), [5, 4, 3]);
    assert_eq!(
        numbers(&h.json(&["list", "--since", "2026-11-15"])),
        [5, 4, 3]
    );
    assert_eq!(
        numbers(&h.json(&["list", "--until", "2026-11-03"])),
        [2, 1],
        "a bare --until day includes that day"
    );
    assert_eq!(
        numbers(&h.json(&[
            "list",
            "--since",
            "2026-11-03",
            "--until",
            "2026-11-20 08:00"
        ])),
        [4, 3, 2]
    );
    assert_eq!(numbers(&h.json(&["list", "--since", "3 days ago"])), [5, 4]);
    assert_eq!(numbers(&h.json(&["list", "--tag", "#GRIEF"])), [4, 1]);
    assert_eq!(numbers(&h.json(&["list", "-n", "2"])), [5, 4]);
    assert_eq!(
        numbers(&h.json(&["list", "--phase", "reflection", "--session", "2"])),
        [3]
    );
    assert_eq!(
        h.ok(&["list", "--phase", "intention"]).trim(),
        "No entries match."
    );

    let text = h.ok(&["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(
        lines[0].contains("2026-11-22 07:00")
            && lines[0].contains("free")
            && lines[0].contains("slept well"),
        "{text}"
    );
    assert!(
        lines[4].contains("reflection")
            && lines[4].contains("s1")
            && lines[4].contains("tight throat"),
        "{text}"
    );
}

#[test]
fn search_stems_words_and_takes_the_list_filters() {
    let h = small_journal();
    let hits = h.json(&["search", "tightness"]);
    let mut found = numbers(&hits);
    found.sort_unstable();
    assert_eq!(found, [1, 3], "tightness finds tight");
    assert!(
        hits[0]["snippet"].as_str().unwrap().contains("tight"),
        "{hits}"
    );
    assert_eq!(
        numbers(&h.json(&["search", "tight", "--session", "2"])),
        [3]
    );
    assert_eq!(
        numbers(&h.json(&["search", "tight", "--tag", "grief"])),
        [1]
    );
    assert_eq!(
        numbers(&h.json(&["search", "tight", "--until", "2026-11-10"])),
        [1]
    );
    assert_eq!(
        numbers(&h.json(&["search", "tight", "--phase", "meaning"])),
        Vec::<i64>::new()
    );
    assert_eq!(numbers(&h.json(&["search", "fathers"])), [2]);
    assert_eq!(numbers(&h.json(&["search", "my", "sister"])), [4]);
    let text = h.ok(&["search", "calm"]);
    assert!(text.contains("calm morning"), "{text}");
    assert_eq!(h.ok(&["search", "volcano"]).trim(), "Nothing found.");
}

#[test]
fn search_treats_quotes_operators_and_stars_as_text() {
    let h = small_journal();
    for q in [
        "\"tight",
        "tight*",
        "tight OR",
        "NOT tight",
        "NEAR(tight chest)",
        "body:tight",
        "tight AND -chest",
        "^tight",
        "(((",
        "'",
        "\"\"",
        "*",
    ] {
        let out = h.run(&["--json", "search", q]);
        let err = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
            assert!(v.is_array(), "{q}: {v}");
        } else {
            // Only a query with no word in it may be refused, plainly.
            assert_plain_error(&err);
            assert!(err.contains("at least one word"), "{q}: {err}");
        }
    }
    assert_eq!(numbers(&h.json(&["search", "tight*"])).len(), 2);
}

// ---------------------------------------------------------------------------
// edit and delete
// ---------------------------------------------------------------------------

#[test]
fn edit_uses_the_editor_and_refreshes_search() {
    let h = small_journal();
    let ed = script(
        &h,
        "ed.sh",
        "sed -i 's/my chest felt tight/my chest felt open/' \"$1\"",
    );
    let ed = ed.to_str().unwrap();
    let out = run_with(&h, &["edit", "3"], &[("VISUAL", ed)], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Updated entry 3."));
    let e = h.json(&["show", "3"]);
    assert_eq!(texts(&e), pairs(&[("body", "my chest felt open")]));
    assert_eq!(
        e["answers"][0]["prompt"],
        "What do you notice in your body?"
    );
    assert_eq!(numbers(&h.json(&["search", "open"])), [3]);
    assert_eq!(numbers(&h.json(&["search", "tight"])), [1]);

    // The mood section of the form sets the mood, even typed right under its
    // heading (above the kapj marker line); the answer before it is untouched.
    let ed = script(
        &h,
        "mood.sh",
        "sed -i 's/(optional)/(optional)\\n7/' \"$1\"",
    );
    let out = run_with(&h, &["edit", "3"], &[("VISUAL", ed.to_str().unwrap())], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e = h.json(&["show", "3"]);
    assert_eq!(e["mood"], 7);
    assert_eq!(texts(&e), pairs(&[("body", "my chest felt open")]));

    // An editor that changes nothing changes nothing.
    let before = h.snapshot();
    let out = run_with(&h, &["edit", "3"], &[("VISUAL", "true")], "");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("No changes"));
    assert_eq!(before, h.snapshot());
}

#[test]
fn an_editor_that_fails_changes_nothing() {
    let h = small_journal();
    let ed = script(&h, "bad.sh", "exit 3");
    for args in [&["edit", "3"][..], &["write", "free", "--editor"][..]] {
        let before = h.snapshot();
        let out = run_with(&h, args, &[("VISUAL", ed.to_str().unwrap())], "");
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_plain_error(&err);
        assert!(err.contains("exited with status 3"), "{err}");
        assert!(err.contains("EDITOR"), "{err}");
        assert_eq!(before, h.snapshot(), "{args:?}");
    }
}

#[test]
fn write_in_the_editor_fills_the_form() {
    let h = Home::new();
    let ed = script(
        &h,
        "fill.sh",
        "sed -i -e 's/^## What has changed.*$/&\\nless rushing/' -e 's/<!-- kapj:action -->/&\\nstretch each morning/' \"$1\"",
    );
    let out = run_with(
        &h,
        &["write", "embodiment", "--editor"],
        &[("VISUAL", ed.to_str().unwrap())],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e = h.json(&["show", "1"]);
    assert_eq!(
        texts(&e)
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .collect::<Vec<_>>(),
        pairs(&[
            ("changed", "less rushing"),
            ("action", "stretch each morning")
        ])
    );
    assert_eq!(h.json(&["actions"])[0]["text"], "stretch each morning");
    assert!(
        !h.path().join("drafts").exists()
            || std::fs::read_dir(h.path().join("drafts"))
                .unwrap()
                .next()
                .is_none()
    );
}

#[test]
fn delete_needs_yes_off_a_terminal() {
    let h = small_journal();
    let err = refused(&h, &["delete", "2"]);
    assert!(err.contains("needs a confirmation"), "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(h.json(&["show", "2"])["number"], 2);

    let out = h.ok(&["delete", "2", "--yes"]);
    assert!(
        out.contains("Deleted entry 2 (meaning-making, 2026-11-03 09:00)."),
        "{out}"
    );
    assert_eq!(numbers(&h.json(&["list"])), [5, 4, 3, 1]);
    assert_eq!(numbers(&h.json(&["search", "father"])), Vec::<i64>::new());
    let err = refused(&h, &["show", "2"]);
    assert!(err.contains("There is no entry 2."), "{err}");
}

// ---------------------------------------------------------------------------
// bad input: one plain line, non-zero, nothing changed
// ---------------------------------------------------------------------------

#[test]
fn bad_input_is_refused_plainly_and_changes_nothing() {
    let h = small_journal();
    let err = refused(&h, &["write", "reflektion", "--answer", "body=x"]);
    assert!(err.contains("\"reflektion\" is not a phase"), "{err}");
    assert!(
        err.to_lowercase().contains("did you mean `reflection`?"),
        "{err}"
    );
    let err = refused(&h, &["list", "--phase", "meanin"]);
    assert!(
        err.to_lowercase().contains("did you mean `meaning`?"),
        "{err}"
    );

    for args in [
        &["write", "free", "--at", "soon", "--answer", "text=x"][..],
        &["list", "--since", "last blue moon"][..],
        &["session", "add", "--at", "2026-13-01"][..],
    ] {
        let err = refused(&h, args);
        assert!(err.contains("Could not read the date"), "{args:?}: {err}");
    }

    for mood in ["11", "-1", "five", "4.5"] {
        let flag = format!("--mood={mood}");
        let err = refused(&h, &["write", "free", &flag, "--answer", "text=x"]);
        assert!(
            err.contains("Mood is a whole number from 0 to 10"),
            "{mood}: {err}"
        );
    }
    // Typed with a space, a negative number is still the mood's value, not
    // an unknown flag.
    let err = refused(&h, &["write", "free", "--mood", "-1", "--answer", "text=x"]);
    assert!(
        err.contains(r#"Mood is a whole number from 0 to 10, not "-1"."#),
        "{err}"
    );
    let err = refused(&h, &["list", "--session", "-1"]);
    assert!(err.contains("is not a session number"), "{err}");

    for args in [
        &["show", "99"][..],
        &["edit", "99"][..],
        &["delete", "99", "--yes"][..],
    ] {
        let err = refused(&h, args);
        assert!(err.contains("There is no entry 99."), "{args:?}: {err}");
    }
    let err = refused(&h, &["show", "nine"]);
    assert!(err.contains("There is no entry nine."), "{err}");

    for args in [
        &["session", "show", "9"][..],
        &["write", "free", "--session", "9", "--answer", "text=x"][..],
        &["list", "--session", "9"][..],
    ] {
        let err = refused(&h, args);
        assert!(err.contains("There is no session 9."), "{args:?}: {err}");
    }
    let err = refused(&h, &["session", "show", "two"]);
    assert!(err.contains("not a session number"), "{err}");

    // A negative number reaches kapj's own check, not clap's "unexpected
    // argument" with a tip to type `-- -1`.
    for (args, says) in [
        (&["show", "-1"][..], "There is no entry -1."),
        (&["edit", "-1"][..], "There is no entry -1."),
        (&["delete", "-1", "--yes"][..], "There is no entry -1."),
        (&["session", "show", "-1"][..], "not a session number"),
        (
            &["write", "free", "--session", "-1", "--answer", "text=x"][..],
            "not a session number",
        ),
        (&["actions", "done", "-1"][..], "is not an action number"),
        (&["actions", "drop", "-1"][..], "is not an action number"),
        (&["list", "-n", "-1"][..], "invalid value '-1' for '-n <N>'"),
        (
            &["review", "--top", "-3"][..],
            "invalid value '-3' for '--top <N>'",
        ),
    ] {
        let err = refused(&h, args);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!err.contains("-- -"), "{args:?}: {err}");
    }
}

#[test]
fn an_empty_entry_is_not_saved() {
    let h = small_journal();
    for stdin in ["", "\n  \n"] {
        let before = h.snapshot();
        let out = run_with(&h, &["write", "free"], &[], stdin);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_plain_error(&err);
        assert!(
            err.contains("Nothing was written, so nothing was saved."),
            "{err}"
        );
        assert_eq!(before, h.snapshot());
    }
    let err = refused(&h, &["write", "free", "--answer", "text=   "]);
    assert!(err.contains("Nothing was written"), "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let h = Home::new();
    let entries: Vec<Value> = (0..3000)
        .map(|i| {
            serde_json::json!({"phase": "free", "at": format!("2026-10-{:02}T10:{:02}:00+01:00", 1 + i % 28, i % 60),
                "answers": [{"key": "text", "text": format!("entry number {i} with a few words to make the line long")}]})
        })
        .collect();
    let file = h.file(
        "many.json",
        &serde_json::json!({"entries": entries}).to_string(),
    );
    h.ok(&["import", file.to_str().unwrap()]);

    for args in [&["list"][..], &["--json", "list"][..]] {
        use std::io::Read;
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kapj"))
            .args(args)
            .env_clear()
            .env("KAPJ_HOME", h.path())
            .env("KAPJ_NOW", &h.now)
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut buf = [0u8; 16];
        stdout.read_exact(&mut buf).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

// ---------------------------------------------------------------------------
// import and export
// ---------------------------------------------------------------------------

/// A journal with everything a backup holds: sessions with details, entries
/// with moods, tags, feelings and privacy, actions in each state, self-checks
/// and a safety plan.
fn full_journal() -> Home {
    let h = Home::new();
    let seed = serde_json::json!({
        "format": "kapj-journal", "version": 1,
        "sessions": [{"number": 1, "at": "2026-11-01T10:00:00+01:00", "note": "first", "setting": "clinic", "dose": "IM"}],
        "entries": [
            {"phase": "reflection", "session": 1, "at": "2026-11-01T18:30:00+01:00", "mood": 3,
             "tags": ["grief"], "feelings": ["sad", "tender"], "private": true,
             "answers": [{"key": "body", "prompt": "What do you notice in your body?", "text": "heavy"}]}
        ],
        "safety_plan": {"people": "my sister, 555 0100"}
    });
    let f = h.file("seed.json", &seed.to_string());
    h.ok(&["import", f.to_str().unwrap()]);
    h.ok(&[
        "session",
        "add",
        "--at",
        "2026-11-15 10:00",
        "--dose",
        "IM, 2nd",
    ]);
    h.ok(&[
        "write",
        "meaning",
        "--at",
        "2026-11-16 09:00",
        "--mood",
        "6",
        "--answer",
        "questions=why the lake?",
    ]);
    h.ok(&[
        "write",
        "embodiment",
        "--at",
        "2026-11-18",
        "--answer",
        "action=walk daily",
    ]);
    h.ok(&[
        "write",
        "embodiment",
        "--at",
        "2026-11-19",
        "--answer",
        "action=call dad",
    ]);
    h.ok(&["actions", "done", "1"]);
    h.ok(&["check", "gad7", "--answers", "1,1,0,2,0,1,0"]);
    h
}

fn export_json(h: &Home) -> Value {
    let mut v: Value = serde_json::from_str(&h.ok(&["export", "--format", "json"])).unwrap();
    assert_eq!(v["format"], "kapj-journal");
    assert_eq!(v["version"], 1);
    v.as_object_mut()
        .unwrap()
        .remove("exported_at")
        .expect("exported_at");
    v
}

#[test]
fn export_then_import_gives_back_the_same_journal() {
    let a = full_journal();
    let first = export_json(&a);
    assert_eq!(first["entries"].as_array().unwrap().len(), 4);
    assert_eq!(
        first["entries"][0]["feelings"],
        serde_json::json!(["sad", "tender"])
    );
    assert_eq!(first["entries"][0]["private"], true);
    assert_eq!(first["actions"].as_array().unwrap().len(), 2);
    assert_eq!(first["sessions"][1]["dose"], "IM, 2nd");

    let file = a.file("backup.json", &a.ok(&["export", "--format", "json"]));
    let b = Home::new();
    let out = b.ok(&["import", file.to_str().unwrap()]);
    assert!(
        out.contains("Imported 4 entries and 2 new sessions"),
        "{out}"
    );
    assert_eq!(
        export_json(&b),
        first,
        "export → import → export is the same journal"
    );

    // The same file again adds nothing.
    let out = b.ok(&["import", file.to_str().unwrap()]);
    assert!(
        out.contains("Imported 0 entries and 0 new sessions."),
        "{out}"
    );
    assert!(
        out.contains("4 entries were already in the journal."),
        "{out}"
    );
    assert_eq!(export_json(&b), first);

    // And into the journal it came from, too.
    a.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(export_json(&a), first);
}

#[test]
fn import_fills_defaults_and_matches_sessions_by_number() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-01 10:00"]);
    let doc = r#"{"entries": [
        {"phase": "reflect", "at": "2026-11-01T20:00:00+01:00", "session": 1, "answers": [{"text": "quiet"}]},
        {"phase": "free", "at": "2026-11-05T20:00:00Z", "session": 2, "answers": [{"text": "new one"}]}
    ]}"#;
    let f = h.file("min.json", doc);
    let out = h.ok(&["import", f.to_str().unwrap()]);
    assert!(
        out.contains("Imported 2 entries and 1 new session."),
        "{out}"
    );
    let list = h.json(&["list"]);
    assert_eq!(list[1]["session"], 1);
    assert_eq!(list[1]["phase"], "reflection");
    assert_eq!(list[1]["mood"], Value::Null);
    assert_eq!(list[1]["private"], false);
    assert_eq!(list[1]["tags"], serde_json::json!([]));
    assert_eq!(list[1]["answers"][0]["key"], "");
    assert_eq!(list[0]["session"], 2);
    assert_eq!(list[0]["at"], "2026-11-05T20:00:00+00:00");
    assert_eq!(h.json(&["session", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn sessions_of_another_journal_keep_their_own_days() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-01 10:00"]);
    h.ok(&["session", "add", "--at", "2026-11-15 10:00"]);
    let ours = h.json(&["session", "list"]);
    let nov15 = ours[1]["at"].as_str().unwrap().to_string();
    // A backup of another journal: its session 1 is on another day (its
    // number must not put it under our session 1), its session 2 is at the
    // same instant as our second.
    let doc = serde_json::json!({
        "sessions": [
            {"id": "5b7f1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b", "number": 1, "at": "2026-10-01T10:00:00+01:00"},
            {"id": "6c8f2d3e-4b5e-4f6a-9b0c-1d2e3f4a5b6c", "number": 2, "at": nov15},
        ],
        "entries": [
            {"phase": "free", "at": "2026-10-01T20:00:00+01:00", "session": 1, "answers": [{"text": "october"}]},
            {"phase": "free", "at": "2026-11-15T20:00:00+01:00", "session": 2, "answers": [{"text": "november"}]},
        ]
    });
    let f = h.file("other.json", &doc.to_string());
    let out = h.ok(&["import", f.to_str().unwrap()]);
    assert!(
        out.contains("Imported 2 entries and 1 new session."),
        "{out}"
    );
    let sessions = h.json(&["session", "list"]);
    let days: Vec<&str> = sessions
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["at"].as_str().unwrap()[..10])
        .collect();
    assert_eq!(days, ["2026-10-01", "2026-11-01", "2026-11-15"]);
    let list = h.json(&["list"]);
    let session_of = |text: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|e| e["answers"][0]["text"] == text)
            .map(|e| e["session"].clone())
            .unwrap()
    };
    assert_eq!(session_of("october"), 1);
    assert_eq!(session_of("november"), 3);
}

#[test]
fn an_invalid_file_is_refused_whole() {
    let h = full_journal();
    let good = r#"{"phase": "free", "at": "2026-11-20T10:00:00Z", "answers": [{"text": "fine"}]}"#;
    let cases: &[(&str, String, &[&str])] = &[
        (
            "bad json",
            format!("{{\"entries\": [{good},"),
            &["not valid JSON", "line 1"],
        ),
        (
            "no phase",
            format!(
                r#"{{"entries": [{good}, {{"at": "2026-11-20T10:00:00Z", "answers": [{{"text": "x"}}]}}]}}"#
            ),
            &["entry 2", "\"phase\""],
        ),
        (
            "bad at",
            format!(
                r#"{{"entries": [{good}, {{"phase": "free", "at": "Tuesday", "answers": [{{"text": "x"}}]}}]}}"#
            ),
            &["entry 2", "\"at\"", "Tuesday"],
        ),
        (
            "mood 11",
            format!(
                r#"{{"entries": [{good}, {{"phase": "free", "at": "2026-11-20T10:00:00Z", "mood": 11, "answers": [{{"text": "x"}}]}}]}}"#
            ),
            &["entry 2", "\"mood\" of 11", "0 to 10"],
        ),
        (
            "unknown phase",
            format!(
                r#"{{"entries": [{good}, {{"phase": "dreaming", "at": "2026-11-20T10:00:00Z", "answers": [{{"text": "x"}}]}}]}}"#
            ),
            &["entry 2", "\"phase\" of \"dreaming\""],
        ),
        (
            "answer without text",
            format!(
                r#"{{"entries": [{good}, {{"phase": "free", "at": "2026-11-20T10:00:00Z", "answers": [{{"key": "text"}}]}}]}}"#
            ),
            &["entry 2", "\"text\""],
        ),
        (
            "not a journal",
            "[1, 2]".to_string(),
            &["not a kapj journal"],
        ),
    ];
    for (name, text, wanted) in cases {
        let f = h.file("bad.json", text);
        let before = h.snapshot();
        let err = h.fails(&["import", f.to_str().unwrap()]);
        for w in *wanted {
            assert!(err.contains(w), "{name}: {w:?} missing in {err}");
        }
        assert!(err.contains("Nothing was imported."), "{name}: {err}");
        assert_eq!(before, h.snapshot(), "{name}: the store changed");
    }
    let err = refused(&h, &["import", "/no/such/file.json"]);
    assert!(err.contains("Could not read /no/such/file.json"), "{err}");
}

// ---------------------------------------------------------------------------
// templates
// ---------------------------------------------------------------------------

#[test]
fn templates_list_show_and_path() {
    let h = Home::new();
    let list = h.ok(&["templates", "list"]);
    for p in ["intention", "reflection", "meaning", "embodiment", "free"] {
        assert!(
            list.lines()
                .any(|l| l.starts_with(p) && l.contains("built in")),
            "{p}: {list}"
        );
    }
    let show = h.ok(&["templates", "show", "reflect"]);
    assert!(show.contains("Immediate reflection"), "{show}");
    assert!(
        show.contains("body") && show.contains("What do you notice in your body?"),
        "{show}"
    );
    assert!(
        show.contains("(mood)") && show.contains("(feelings)"),
        "{show}"
    );
    let path = h.ok(&["templates", "path"]);
    assert_eq!(path.trim(), h.path().join("templates").to_str().unwrap());
    let err = h.fails(&["templates", "show", "reflektion"]);
    assert!(
        err.to_lowercase().contains("did you mean `reflection`?"),
        "{err}"
    );
}

#[test]
fn a_template_override_changes_the_prompts_but_not_old_entries() {
    let h = Home::new();
    h.ok(&[
        "write",
        "reflection",
        "--at",
        "2 hours ago",
        "--answer",
        "body=warm",
    ]);
    let dir = h.path().join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("reflection.toml"),
        "title = \"After the session\"\n[[prompts]]\nkey = \"calm\"\ntext = \"Where do you feel calm?\"\n",
    )
    .unwrap();
    let list = h.ok(&["templates", "list"]);
    let line = list.lines().find(|l| l.starts_with("reflection")).unwrap();
    assert!(
        line.contains("After the session") && line.contains("reflection.toml"),
        "{line}"
    );
    let show = h.ok(&["templates", "show", "reflection"]);
    assert!(show.contains("Where do you feel calm?"), "{show}");
    assert!(!show.contains("What do you notice in your body?"), "{show}");

    h.ok(&["write", "reflection", "--answer", "calm=in my hands"]);
    let e = h.json(&["show", "2"]);
    assert_eq!(e["answers"][0]["prompt"], "Where do you feel calm?");
    let err = h.fails(&["write", "reflection", "--answer", "body=x"]);
    assert!(err.contains("Its keys are: calm."), "{err}");
    // The old entry keeps the prompt it was written against.
    assert_eq!(
        h.json(&["show", "1"])["answers"][0]["prompt"],
        "What do you notice in your body?"
    );

    std::fs::write(
        dir.join("reflection.toml"),
        "title = \"Broken\"\n[[prompts]]\nkey = \n",
    )
    .unwrap();
    let err = refused(&h, &["templates", "show", "reflection"]);
    assert!(err.contains("reflection.toml could not be read"), "{err}");
    assert!(err.contains("remove it to use the built-in one"), "{err}");
    let err = refused(&h, &["write", "reflection", "--answer", "calm=x"]);
    assert!(err.contains("reflection.toml"), "{err}");

    std::fs::write(
        dir.join("reflection.toml"),
        "title = \"Empty\"\nprompts = []\n",
    )
    .unwrap();
    let err = refused(&h, &["templates", "show", "reflection"]);
    assert!(err.contains("has no prompts"), "{err}");
}

/// Piped text whose save is refused (here: another program holds the
/// journal's write lock past kapj's busy timeout) is kept as a draft.
#[test]
fn piped_text_survives_a_refused_save() {
    let h = Home::new();
    h.ok(&["status"]);
    let other = rusqlite::Connection::open(h.db()).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let out = h
        .cmd()
        .args(["write", "free"])
        .write_stdin("words that must not be lost")
        .output()
        .unwrap();
    other.execute_batch("ROLLBACK;").unwrap();
    drop(other);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("kept as a draft"), "{err}");
    assert!(err.contains("busy"), "{err}");
    assert_eq!(h.json(&["list"]), serde_json::json!([]));
    // The draft holds the words, and resuming in the editor saves them.
    let out = h
        .cmd()
        .env("VISUAL", "true")
        .args(["write", "--resume", "--editor"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = h.json(&["list"]);
    assert_eq!(list[0]["answers"][0]["text"], "words that must not be lost");
}

//! Issue 19: decisions held lightly, uneven sessions, "was it real?" and
//! relationships: what a person sees after saving, in status, review,
//! `kapj decisions` and the export, with the clock fixed.

use crate::common::{assert_plain_error, Home};
use serde_json::{json, Value};

const LINE: &str = "Big decisions often come up in the days after a session.";
const UNEVEN: &str = "Progress after sessions is often uneven";

/// A home whose first session was on Friday 20 November at 10:00.
fn with_session() -> Home {
    let mut h = Home::new();
    h.now = "2026-11-19T09:00:00+01:00".into();
    h.ok(&["session", "add", "--at", "2026-11-20 10:00"]);
    h
}

/// Writes a free entry from standard input at `now`; returns stdout.
fn write_at(h: &mut Home, now: &str, phase: &str, text: &str) -> String {
    h.now = now.into();
    let out = h
        .cmd()
        .args(["write", phase])
        .write_stdin(text)
        .output()
        .expect("run kapj");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const DAY_2: &str = "2026-11-22T10:00:00+01:00";
const DAY_3: &str = "2026-11-23T10:00:00+01:00";

#[test]
fn a_decision_in_the_days_after_a_session_gets_the_line_once() {
    let mut h = with_session();
    let out = write_at(
        &mut h,
        DAY_2,
        "free",
        "Slept long. I'm going to quit my job, I think.",
    );
    assert_eq!(out.matches(LINE).count(), 1, "{out}");
    assert!(out.contains("kapj decisions"), "{out}");
    // A second decision in the same session is noted, without the line.
    let out = write_at(&mut h, DAY_3, "free", "Thinking of moving to Lisbon.");
    assert!(!out.contains(LINE), "{out}");
    let list = h.ok(&["decisions"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 2, "{list}");
    assert!(
        lines[0].contains("“I'm going to quit my job, I think.”"),
        "{list}"
    );
    assert!(lines[0].contains("2026-11-22"), "{list}");
    assert!(
        lines[1].contains("“Thinking of moving to Lisbon.”"),
        "{list}"
    );
    assert!(lines[1].contains("session 1"), "{list}");
}

#[test]
fn the_line_follows_a_new_session_again() {
    let mut h = with_session();
    assert!(write_at(&mut h, DAY_2, "free", "I want to leave him.").contains(LINE));
    h.now = "2026-11-30T09:00:00+01:00".into();
    h.ok(&["session", "add", "--at", "2026-11-30 10:00"]);
    let out = write_at(
        &mut h,
        "2026-12-01T10:00:00+01:00",
        "free",
        "We're going to sell the house.",
    );
    assert!(out.contains(LINE), "{out}");
}

#[test]
fn the_same_words_twenty_days_after_give_no_line_and_nothing_noted() {
    let mut h = with_session();
    let out = write_at(
        &mut h,
        "2026-12-10T10:00:00+01:00",
        "free",
        "I'm going to quit my job.",
    );
    assert!(!out.contains(LINE), "{out}");
    assert_eq!(h.json(&["decisions"]), json!([]));
    // Nor before any session at all.
    let mut fresh = Home::new();
    let out = write_at(&mut fresh, DAY_2, "free", "I'm going to quit my job.");
    assert!(!out.contains(LINE), "{out}");
}

#[test]
fn words_that_are_not_a_decision_give_none() {
    let mut h = with_session();
    for (i, text) in [
        "My friend quit her job and seems happier.",
        "I quit sugar for Lent.",
        "I'm not going to quit, whatever happens.",
        "I left my job three years ago.",
        "I want to move my body more.",
        "I'm going to leave the window open tonight.",
    ]
    .iter()
    .enumerate()
    {
        let out = write_at(
            &mut h,
            &format!("2026-11-22T1{i}:00:00+01:00"),
            "free",
            text,
        );
        assert!(!out.contains(LINE), "{text}: {out}");
    }
    assert_eq!(h.json(&["decisions"]), json!([]));
    assert_eq!(
        h.ok(&["decisions"]),
        "No decisions you are weighing. When an entry in the two weeks after a session weighs a big decision, kapj keeps the sentence here.\n"
    );
}

#[test]
fn the_safety_note_comes_alone() {
    let mut h = with_session();
    let out = write_at(
        &mut h,
        DAY_2,
        "free",
        "I'm going to quit my job. Some days I want to die.",
    );
    assert!(
        out.contains("No one monitors this journal") || out.contains("no one monitors"),
        "{out}"
    );
    assert!(!out.contains(LINE), "{out}");
    assert_eq!(h.json(&["decisions"]), json!([]));
}

#[test]
fn switched_off_there_is_no_line_and_nothing_is_noted() {
    let mut h = with_session();
    h.ok(&["settings", "notes.decisions", "off"]);
    let out = write_at(&mut h, DAY_2, "free", "I'm going to quit my job.");
    assert!(!out.contains(LINE), "{out}");
    assert!(h.ok(&["decisions"]).contains("Noting them is off"));
    h.ok(&["settings", "notes.decisions", "on"]);
    let out = write_at(&mut h, DAY_3, "free", "I want to leave him.");
    assert!(out.contains(LINE), "{out}");
}

#[test]
fn an_edit_that_adds_a_decision_notes_it() {
    let mut h = with_session();
    write_at(&mut h, DAY_2, "free", "A quiet day by the sea.");
    assert_eq!(h.json(&["decisions"]), json!([]));
    let editor = h.file(
        "editor.sh",
        "#!/bin/sh\nsed -i 's/A quiet day by the sea./A quiet day. I want to divorce my husband./' \"$1\"\n",
    );
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    h.now = DAY_3.into();
    let out = h
        .cmd()
        .env("EDITOR", &editor)
        .args(["edit", "1"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains(LINE), "{stdout}");
    let d = h.json(&["decisions"]);
    assert_eq!(d[0]["sentence"], "I want to divorce my husband.");
}

#[test]
fn settling_a_decision_takes_it_off_the_list_and_review() {
    let mut h = with_session();
    write_at(&mut h, DAY_2, "free", "I'm going to quit my job.");
    write_at(&mut h, DAY_3, "free", "Thinking of moving to Lisbon.");
    let r = h.ok(&["review"]);
    assert!(r.contains("Decisions you are weighing"), "{r}");
    assert!(
        r.contains("“I'm going to quit my job.” (2026-11-22)"),
        "{r}"
    );
    assert_eq!(
        h.ok(&["decisions", "done", "1"]),
        "Marked settled (it leaves the list and review): “I'm going to quit my job.”\n"
    );
    let list = h.ok(&["decisions"]);
    assert!(!list.contains("quit"), "{list}");
    assert!(list.contains("Lisbon"), "{list}");
    assert!(h.ok(&["decisions", "--all"]).contains("[settled]"));
    let r = h.ok(&["review"]);
    assert!(!r.contains("quit my job"), "{r}");
    assert!(r.contains("Lisbon"), "{r}");
    assert_eq!(
        h.ok(&["decisions", "done", "1"]),
        "Decision 1 is already settled: “I'm going to quit my job.”\n"
    );
}

#[test]
fn a_bad_number_is_one_clear_line_and_changes_nothing() {
    let mut h = with_session();
    write_at(&mut h, DAY_2, "free", "I'm going to quit my job.");
    let before = h.snapshot();
    for (bad, says) in [
        ("7", "There is no decision 7."),
        ("x", "\"x\" is not a decision number"),
        ("0", "\"0\" is not a decision number"),
        ("-1", "\"-1\" is not a decision number"),
    ] {
        let out = h.run(&["decisions", "done", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_plain_error(&err);
        assert!(err.lines().next().unwrap().contains(says), "{bad}: {err}");
        assert!(out.stdout.is_empty());
    }
    assert_eq!(h.snapshot(), before);
}

#[test]
fn review_json_and_export_include_decisions_and_export_leaves_private_ones_out() {
    let mut h = with_session();
    write_at(&mut h, DAY_2, "free", "I'm going to quit my job.");
    h.now = DAY_3.into();
    h.cmd()
        .args(["write", "free", "--private"])
        .write_stdin("I want to leave him.")
        .assert()
        .success();
    // Review is read on the person's own screen, private entries and all.
    let r = h.json(&["review"]);
    let d = r["decisions"].as_array().unwrap();
    assert_eq!(d.len(), 2, "{r}");
    assert_eq!(d[0]["sentence"], "I'm going to quit my job.");
    assert_eq!(d[0]["at"], "2026-11-22T10:00:00+01:00");
    // The therapist's copy leaves the private one out.
    let md = h.ok(&["export"]);
    assert!(md.contains("### Decisions being weighed"), "{md}");
    assert!(
        md.contains("- I'm going to quit my job. (2026-11-22)"),
        "{md}"
    );
    assert!(!md.contains("leave him"), "{md}");
    let with_private = h.ok(&["export", "--include-private"]);
    assert!(with_private.contains("- I want to leave him. (2026-11-23)"));
    let html = h.ok(&["export", "--format", "html"]);
    assert!(html.contains("<h3>Decisions being weighed</h3>"), "{html}");
    assert!(
        html.contains("I&#39;m going to quit my job.")
            || html.contains("I'm going to quit my job.")
    );
}

#[test]
fn decisions_round_trip_through_the_journal_json_and_old_files_still_import() {
    let mut h = with_session();
    write_at(&mut h, DAY_2, "free", "I'm going to quit my job.");
    write_at(&mut h, DAY_3, "free", "Thinking of moving to Lisbon.");
    h.ok(&["decisions", "done", "2"]);
    let backup = h.ok(&["export", "--format", "json"]);
    let doc: Value = serde_json::from_str(&backup).unwrap();
    assert_eq!(doc["decisions"].as_array().unwrap().len(), 2, "{doc}");
    let file = h.file("backup.json", &backup);
    let other = Home::new();
    let said = other.ok(&["import", file.to_str().unwrap()]);
    assert!(said.contains("2 decisions"), "{said}");
    assert_eq!(
        other.json(&["decisions", "--all"]),
        h.json(&["decisions", "--all"])
    );
    // Importing again adds nothing.
    other.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(
        other
            .json(&["decisions", "--all"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A file from before decisions were added imports as before.
    let mut old = doc.clone();
    old.as_object_mut().unwrap().remove("decisions");
    let f = h.file("old.json", &old.to_string());
    let third = Home::new();
    third.ok(&["import", f.to_str().unwrap()]);
    assert_eq!(third.json(&["decisions", "--all"]), json!([]));
    assert_eq!(third.json(&["list"]).as_array().unwrap().len(), 2);

    // A decision whose entry is nowhere is refused whole.
    let mut bad = doc.clone();
    bad["decisions"][0]["entry"] = json!("no-such-entry");
    let f = h.file("bad.json", &bad.to_string());
    let fourth = Home::new();
    let err = fourth.fails(&["import", f.to_str().unwrap()]);
    assert!(err.contains("Nothing was imported"), "{err}");
    assert_eq!(fourth.json(&["list"]), json!([]));
}

// ---------------------------------------------------------------------------
// Uneven sessions
// ---------------------------------------------------------------------------

/// Two sessions, with a reflection of each at the given moods.
fn two_sessions(first: &str, second: &str, second_text: &str) -> Home {
    let mut h = with_session();
    h.now = "2026-11-20T16:00:00+01:00".into();
    h.ok(&[
        "write",
        "reflection",
        "--mood",
        first,
        "--answer",
        "body=warm hands",
    ]);
    h.ok(&["session", "add", "--at", "2026-12-04 10:00"]);
    h.now = "2026-12-04T16:00:00+01:00".into();
    h.ok(&[
        "write",
        "reflection",
        "--mood",
        second,
        "--answer",
        &format!("now={second_text}"),
    ]);
    h.now = "2026-12-05T20:00:00+01:00".into();
    h
}

#[test]
fn a_clear_dip_in_reflection_mood_gets_one_calm_sentence() {
    let h = two_sessions("7", "4", "tired, flat");
    let status = h.ok(&["status"]);
    assert_eq!(status.matches(UNEVEN).count(), 1, "{status}");
    let review = h.ok(&["review"]);
    assert_eq!(review.matches(UNEVEN).count(), 1, "{review}");
    assert!(review.contains("s1 7, s2 4"), "{review}");
    assert!(h.json(&["review"])["uneven_sessions"].is_string());
    assert_eq!(h.json(&["status"])["uneven_session"], true);
}

#[test]
fn a_small_dip_or_a_rise_gets_none() {
    for (a, b) in [("7", "6"), ("5", "8"), ("6", "6")] {
        let h = two_sessions(a, b, "tired, flat");
        assert!(!h.ok(&["status"]).contains(UNEVEN), "{a} {b}");
        assert!(!h.ok(&["review"]).contains(UNEVEN), "{a} {b}");
        assert_eq!(h.json(&["review"])["uneven_sessions"], Value::Null);
    }
}

#[test]
fn saying_the_session_did_not_work_gets_the_sentence() {
    let h = two_sessions("6", "6", "Honestly it didn't work this time. Nothing came.");
    assert!(h.ok(&["status"]).contains(UNEVEN));
    assert!(h.ok(&["review"]).contains(UNEVEN));
    let h = two_sessions("6", "6", "The session was nothing, just music.");
    assert!(h.ok(&["review"]).contains(UNEVEN));
}

#[test]
fn a_journal_with_a_single_session_never_gets_the_sentence() {
    let mut h = with_session();
    h.now = "2026-11-20T16:00:00+01:00".into();
    h.ok(&[
        "write",
        "reflection",
        "--mood",
        "1",
        "--answer",
        "now=It didn't work. It was nothing.",
    ]);
    h.now = "2026-11-21T12:00:00+01:00".into();
    assert!(!h.ok(&["status"]).contains(UNEVEN));
    assert!(!h.ok(&["review"]).contains(UNEVEN));
}

#[test]
fn the_uneven_sentence_can_be_switched_off() {
    let h = two_sessions("8", "3", "heavy");
    h.ok(&["settings", "notes.uneven_sessions", "off"]);
    assert!(!h.ok(&["status"]).contains(UNEVEN));
    assert!(!h.ok(&["review"]).contains(UNEVEN));
}

#[test]
fn status_stops_saying_it_two_weeks_after_the_session() {
    let mut h = two_sessions("7", "4", "flat");
    h.now = "2026-12-25T10:00:00+01:00".into();
    assert!(!h.ok(&["status"]).contains(UNEVEN));
}

// ---------------------------------------------------------------------------
// "Was it real?" and relationships
// ---------------------------------------------------------------------------

#[test]
fn what_felt_true_and_unsure_is_a_question_to_bring() {
    let mut h = with_session();
    h.now = "2026-11-21T18:00:00+01:00".into();
    let tpl = h.ok(&["templates", "show", "meaning"]);
    assert!(
        tpl.contains("What from the session feels true to you, and what are you unsure of?"),
        "{tpl}"
    );
    h.ok(&[
        "write",
        "meaning",
        "--answer",
        "returning=the lake",
        "--answer",
        "felt_true=That my grandmother was there felt true; the voice telling me to forgive I am unsure of.",
    ]);
    let r = h.json(&["review"]);
    let qs: Vec<&str> = r["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(
        qs.iter()
            .any(|q| q.starts_with("That my grandmother was there felt true")),
        "{r}"
    );
    let text = h.ok(&["review"]);
    assert!(
        text.contains("Questions to bring\n  - That my grandmother"),
        "{text}"
    );
    let md = h.ok(&["export"]);
    let section = md
        .split("### Questions to bring")
        .nth(1)
        .expect("questions in the summary");
    assert!(
        section.contains("the voice telling me to forgive I am unsure of."),
        "{md}"
    );
}

#[test]
fn relationships_reach_the_export_summary() {
    let mut h = with_session();
    h.now = "2026-11-25T18:00:00+01:00".into();
    h.ok(&[
        "write",
        "embodiment",
        "--answer",
        "relationships=Saying no to my sister without explaining.",
    ]);
    let md = h.ok(&["export"]);
    let summary = md.split("## Session").next().unwrap();
    assert!(summary.contains("### Relationships"), "{md}");
    assert!(
        summary.contains("- Saying no to my sister without explaining. (2026-11-25)"),
        "{summary}"
    );
    let html = h.ok(&["export", "--format", "html"]);
    assert!(html.contains("<h3>Relationships</h3>"), "{html}");
    assert_eq!(
        h.json(&["review"])["relationships"][0]["text"],
        "Saying no to my sister without explaining."
    );
}

#[test]
fn relationship_themes_reach_the_export_summary() {
    let h = Home::new();
    let demo = h.dir.path().join("demo");
    h.ok(&["demo", "--home", demo.to_str().unwrap()]);
    let md = h.ok(&["--home", demo.to_str().unwrap(), "export"]);
    let summary = md.split("## Session 1").next().unwrap();
    let section = summary
        .split("### Relationships\n\n")
        .nth(1)
        .expect("a relationships section in the summary");
    assert!(
        section.starts_with("Recurring themes about people and relationships: my father."),
        "{summary}"
    );
}

#[test]
fn the_mood_line_shows_the_latest_sessions_that_fit_the_terminal() {
    let h = Home::new();
    let sessions: Vec<Value> = (1..=16)
        .map(|n| json!({"number": n, "at": format!("2026-{:02}-{:02}T10:00:00+01:00", 1 + (n - 1) / 2, 1 + 14 * ((n - 1) % 2))}))
        .collect();
    let entries: Vec<Value> = (1..=16)
        .map(|n| json!({"phase": "reflection", "session": n, "mood": (n * 3) % 11,
            "at": format!("2026-{:02}-{:02}T16:00:00+01:00", 1 + (n - 1) / 2, 1 + 14 * ((n - 1) % 2)),
            "answers": [{"text": "warm hands"}]}))
        .collect();
    let f = h.file(
        "j.json",
        &json!({"sessions": sessions, "entries": entries}).to_string(),
    );
    h.ok(&["import", f.to_str().unwrap()]);
    for (cols, all) in [(60u16, false), (200, true)] {
        let mut s = crate::common::screen::Screen::spawn(&h, &["review"], &[], cols, 40);
        assert_eq!(s.finish(), 0);
        let history = s.history();
        let line = history
            .iter()
            .find(|l| l.starts_with("Mood across sessions"))
            .unwrap_or_else(|| panic!("{history:#?}"));
        assert!(
            line.trim_end().chars().count() < usize::from(cols),
            "{cols}: {line}"
        );
        assert!(line.trim_end().ends_with("s16 4"), "{cols}: {line}");
        assert_eq!(line.contains("s1 3,"), all, "{cols}: {line}");
        assert_eq!(line.contains("… "), !all, "{cols}: {line}");
    }
}

//! Issue 6, follow-through and care, end to end: actions, moods and
//! feelings, the PHQ-9 and GAD-7 self-checks, and the safety note.

use crate::common::{pty, script, Home};
use serde_json::{json, Value};

/// Runs a command that must fail plainly and leave the home byte for byte as it was.
fn refused(h: &Home, args: &[&str]) -> String {
    let before = h.snapshot();
    let err = h.fails(args);
    assert_eq!(before, h.snapshot(), "kapj {args:?} changed the store");
    err
}

fn texts_of(v: &Value, field: &str) -> Vec<String> {
    v.as_array()
        .expect("a JSON list")
        .iter()
        .map(|x| x[field].as_str().expect("text").to_string())
        .collect()
}

const NOTE_START: &str = "Your entry is saved.";
const NO_ONE_MONITORS: &str = "No one monitors this journal";

// ---------------------------------------------------------------------------
// actions
// ---------------------------------------------------------------------------

/// A session ten days ago and one embodiment entry per action, oldest first.
fn with_actions(actions: &[(&str, &str)]) -> Home {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "10 days ago"]);
    for (when, text) in actions {
        let answer = format!("action={text}");
        let out = h.ok(&["write", "embodiment", "--at", when, "--answer", &answer]);
        assert!(out.contains("Your action is noted"), "{out}");
    }
    h
}

#[test]
fn actions_are_listed_with_their_age_and_can_be_done_or_dropped() {
    let h = with_actions(&[
        ("9 days ago", "drink water"),
        ("6 days ago", "walk after lunch"),
        ("3 days ago", "call my sister"),
        ("today 08:00", "stretch"),
    ]);
    let out = h.ok(&["actions"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].contains("9 days")
            && lines[0].contains("drink water")
            && lines[0].contains("(entry 1)"),
        "{out}"
    );
    assert!(
        lines[2].contains("3 days") && lines[2].contains("call my sister"),
        "{out}"
    );
    assert!(
        lines[3].contains("today") && lines[3].contains("stretch"),
        "{out}"
    );

    let out = h.ok(&["actions", "done", "2"]);
    assert_eq!(out.trim(), "Marked done: walk after lunch");
    let out = h.ok(&["actions", "drop", "3"]);
    assert_eq!(out.trim(), "Let go of: call my sister");

    let open = h.json(&["actions"]);
    assert_eq!(texts_of(&open, "text"), ["drink water", "stretch"]);
    let all = h.json(&["actions", "list", "--all"]);
    let states: Vec<(&str, &str)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["text"].as_str().unwrap(), a["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [
            ("drink water", "open"),
            ("walk after lunch", "done"),
            ("call my sister", "dropped"),
            ("stretch", "open")
        ]
    );
    assert_eq!(all[1]["done_at"], "2026-11-22T21:00:00+01:00");
    assert_eq!(all[0]["done_at"], Value::Null);
    let text = h.ok(&["actions", "list", "--all"]);
    assert!(
        text.contains("[done]") && text.contains("[dropped]"),
        "{text}"
    );

    h.ok(&["actions", "done", "1"]);
    h.ok(&["actions", "done", "4"]);
    let out = h.ok(&["actions"]);
    assert!(out.contains("No open actions."), "{out}");
    assert!(!h.ok(&["status"]).contains("Open actions"));
}

#[test]
fn status_shows_the_three_oldest_open_actions_and_review_all_oldest_first() {
    let h = with_actions(&[
        ("2 days ago", "third"),
        ("8 days ago", "first"),
        ("today 07:00", "fifth"),
        ("5 days ago", "second"),
        ("1 day ago", "fourth"),
    ]);
    let out = h.ok(&["status"]);
    let block = out
        .split("Open actions")
        .nth(1)
        .expect("an Open actions block");
    let shown: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(shown.len(), 4, "{out}");
    assert!(
        shown[0].contains("first") && shown[0].contains("(added 8 days ago)"),
        "{out}"
    );
    assert!(
        shown[1].contains("second") && shown[1].contains("(added 5 days ago)"),
        "{out}"
    );
    assert!(
        shown[2].contains("third") && shown[2].contains("(added 2 days ago)"),
        "{out}"
    );
    assert!(shown[3].contains("and 2 more: kapj actions"), "{out}");
    assert!(!out.contains("fourth") && !out.contains("fifth"), "{out}");

    let review = h.json(&["review"]);
    assert_eq!(
        texts_of(&review["actions"], "text"),
        ["first", "second", "third", "fourth", "fifth"]
    );
    h.ok(&["actions", "drop", "2"]); // "first"
    let review = h.json(&["review"]);
    assert_eq!(
        texts_of(&review["actions"], "text"),
        ["second", "third", "fourth", "fifth"]
    );
    let text = h.ok(&["review"]);
    let block = text.split("Open actions").nth(1).unwrap();
    assert!(
        block.find("second").unwrap() < block.find("fifth").unwrap(),
        "{text}"
    );
    assert_eq!(
        h.json(&["status"])["open_actions"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn marking_a_missing_action_is_refused_plainly() {
    let h = with_actions(&[("2 days ago", "rest")]);
    let err = refused(&h, &["actions", "done", "9"]);
    assert!(err.contains("There is no action 9."), "{err}");
    let err = refused(&h, &["actions", "drop", "first"]);
    assert!(err.contains("\"first\" is not an action number"), "{err}");
}

// ---------------------------------------------------------------------------
// moods and feelings
// ---------------------------------------------------------------------------

#[test]
fn moods_and_feelings_are_kept_and_charted_per_session() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-01 10:00"]);
    h.ok(&["session", "add", "--at", "2026-11-15 10:00"]);
    h.ok(&[
        "write",
        "reflection",
        "--at",
        "2026-11-01 18:00",
        "--mood",
        "4",
        "--answer",
        "body=heavy",
    ]);
    h.ok(&[
        "write",
        "meaning",
        "--at",
        "2026-11-02 18:00",
        "--mood",
        "6",
        "--answer",
        "past=school",
    ]);
    h.ok(&[
        "write",
        "free",
        "--at",
        "2026-11-03 18:00",
        "--answer",
        "text=no mood today",
    ]);
    let doc = json!({"entries": [
        {"phase": "reflection", "session": 2, "at": "2026-11-15T19:00:00+01:00", "mood": 8,
         "feelings": ["grateful", "tender"], "answers": [{"key": "body", "text": "light"}]},
        {"phase": "reflection", "session": 1, "at": "2026-11-01T22:00:00+01:00",
         "feelings": ["tender"], "answers": [{"key": "now", "text": "sleepy"}]}
    ]});
    let f = h.file("feel.json", &doc.to_string());
    h.ok(&["import", f.to_str().unwrap()]);

    let shown = h.json(&["show", "4"]);
    assert_eq!(shown["mood"], 8);
    assert_eq!(shown["feelings"], json!(["grateful", "tender"]));
    let text = h.ok(&["show", "4"]);
    assert!(
        text.contains("mood 8/10 · feelings: grateful, tender"),
        "{text}"
    );

    let review = h.json(&["review"]);
    let mood: Vec<(i64, f64)> = review["mood"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["session"].as_i64().unwrap(), m["mood"].as_f64().unwrap()))
        .collect();
    assert_eq!(mood, [(1, 5.0), (2, 8.0)], "the mean mood of each session");
    assert_eq!(review["mood"][0]["at"], "2026-11-01T10:00:00+01:00");
    let text = h.ok(&["review"]);
    assert!(
        text.contains("Mood across sessions  ▅▇  s1 5, s2 8"),
        "{text}"
    );
    let feelings = text
        .lines()
        .find(|l| l.starts_with("Feelings named most"))
        .expect(&text);
    assert!(
        feelings.find("tender").unwrap() < feelings.find("grateful").unwrap(),
        "{feelings}"
    );
}

// ---------------------------------------------------------------------------
// self-checks
// ---------------------------------------------------------------------------

/// Answers for `items` questions adding up to `total`, filled from the first
/// item, with the last item kept at 0 while the total allows.
fn answers_for(items: usize, total: u32) -> String {
    let mut left = total;
    let mut a = vec![0u32; items];
    for slot in a.iter_mut().take(items - 1).chain(std::iter::empty()) {
        let v = left.min(3);
        *slot = v;
        left -= v;
    }
    a[items - 1] = left;
    assert!(left <= 3);
    a.iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn phq9_is_scored_at_every_band_edge() {
    let h = Home::new();
    for (total, band) in [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ] {
        let out = h.ok(&["check", "phq9", "--answers", &answers_for(9, total)]);
        assert!(
            out.contains(&format!(
                "PHQ-9 total: {total} out of 27, in the range usually called {band} ("
            )),
            "{total}: {out}"
        );
        assert!(out.contains("not a diagnosis"), "{out}");
    }
    let list = h.json(&["check", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 10);
    assert_eq!(list[6]["band"], "moderately severe");
}

#[test]
fn gad7_is_scored_at_every_band_edge() {
    let h = Home::new();
    for (total, band) in [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ] {
        let out = h.ok(&["check", "gad7", "--answers", &answers_for(7, total)]);
        assert!(
            out.contains(&format!(
                "GAD-7 total: {total} out of 21, in the range usually called {band} ("
            )),
            "{total}: {out}"
        );
        assert!(out.contains("not a diagnosis"), "{out}");
        assert!(
            !out.contains(NO_ONE_MONITORS),
            "GAD-7 never shows the safety note"
        );
    }
}

#[test]
fn check_history_shows_the_change_since_last_time() {
    let mut h = Home::new();
    h.now = "2026-11-01T09:00:00+01:00".into();
    h.ok(&["check", "phq9", "--answers", "1,1,1,1,1,0,0,0,0"]);
    h.ok(&["check", "gad7", "--answers", "2,2,2,2,0,0,0"]);
    h.now = "2026-11-15T09:00:00+01:00".into();
    let out = h.ok(&["check", "phq9", "--answers", "1 1 1 1 1 1 1 1 0"]);
    assert!(
        out.contains("That is 3 higher than on 2026-11-01."),
        "{out}"
    );
    h.now = "2026-11-22T09:00:00+01:00".into();
    let out = h.ok(&["check", "phq9", "--answers", "0,0,1,0,0,0,0,0,0"]);
    assert!(out.contains("That is 7 lower than on 2026-11-15."), "{out}");
    let out = h.ok(&["check", "gad7", "--answers", "2,2,2,2,0,0,0"]);
    assert!(out.contains("That is the same as on 2026-11-01."), "{out}");

    let list = h.json(&["check", "list"]);
    let rows: Vec<(&str, u64, &str, Value)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["measure"].as_str().unwrap(),
                c["total"].as_u64().unwrap(),
                c["band"].as_str().unwrap(),
                c["change"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("phq9", 5, "mild", Value::Null),
            ("gad7", 8, "mild", Value::Null),
            ("phq9", 8, "mild", json!(3)),
            ("phq9", 1, "minimal", json!(-7)),
            ("gad7", 8, "mild", json!(0)),
        ]
    );
    assert_eq!(list[0]["answers"], json!([1, 1, 1, 1, 1, 0, 0, 0, 0]));
    assert_eq!(list[0]["at"], "2026-11-01T09:00:00+01:00");
    let text = h.ok(&["check", "list"]);
    assert!(
        text.contains("2026-11-22  PHQ-9   1 of 27  minimal, 7 lower than the time before"),
        "{text}"
    );
    assert!(text.contains("Self-checks, not a diagnosis."), "{text}");
    // Review shows them even when nothing was written.
    let review = h.ok(&["review"]);
    assert!(
        review.contains("Self-checks  GAD-7 8 on 2026-11-22, PHQ-9 1 on 2026-11-22"),
        "{review}"
    );
    assert_eq!(h.json(&["review"])["checks"].as_array().unwrap().len(), 5);
}

#[test]
fn wrong_self_check_answers_are_refused_plainly() {
    let h = Home::new();
    h.ok(&["status"]);
    let err = refused(&h, &["check", "phq9", "--answers", "0,1,2"]);
    assert!(
        err.contains("The PHQ-9 takes 9 answers, one for each question, and 3 were given."),
        "{err}"
    );
    let err = refused(&h, &["check", "gad7", "--answers", "0,0,0,0,0,0,0,0"]);
    assert!(err.contains("The GAD-7 takes 7 answers"), "{err}");
    let err = refused(&h, &["check", "gad7", "--answers", "0,0,0,4,0,0,0"]);
    assert!(
        err.contains("Answer 4 is \"4\"; each answer is a number from 0 to 3"),
        "{err}"
    );
    let err = refused(&h, &["check", "phq9", "--answers", "0,0,0,0,x,0,0,0,0"]);
    assert!(err.contains("Answer 5 is \"x\""), "{err}");
    let err = refused(&h, &["check", "phq9"]);
    assert!(err.contains("asks its questions in a terminal"), "{err}");
    assert!(err.contains("--answers"), "{err}");
    let err = refused(&h, &["check", "phq8"]);
    assert!(
        err.contains("\"phq8\" is not a self-check kapj knows."),
        "{err}"
    );
    assert_eq!(h.json(&["check", "list"]), json!([]));
}

// ---------------------------------------------------------------------------
// safety
// ---------------------------------------------------------------------------

#[test]
fn phq9_item_9_above_zero_shows_the_note_once() {
    let h = Home::new();
    let out = h.ok(&["check", "phq9", "--answers", "3,3,3,3,3,3,3,3,0"]);
    assert!(
        !out.contains(NO_ONE_MONITORS),
        "item 9 at 0: no note\n{out}"
    );
    let out = h.ok(&["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,1"]);
    let total = out.find("PHQ-9 total: 1").expect(&out);
    let note = out.find("Your answers are saved.").expect(&out);
    assert!(total < note, "{out}");
    assert!(out.contains(NO_ONE_MONITORS), "{out}");
    assert!(out.contains("call or text 988"), "{out}");
    assert_eq!(
        h.json(&["check", "list"]).as_array().unwrap().len(),
        2,
        "saved first"
    );
}

#[test]
fn self_harm_words_in_an_entry_show_the_note_after_saving() {
    let h = Home::new();
    let out = h.ok(&[
        "write",
        "free",
        "--answer",
        "text=Some nights I think about ending my life.",
    ]);
    let saved = out.find("Saved entry 1 (free writing).").expect(&out);
    let note = out.find(NOTE_START).expect(&out);
    assert!(saved < note, "{out}");
    for line in [
        NO_ONE_MONITORS,
        "`kapj safety`",
        "988 Suicide & Crisis Lifeline (US): call or text 988",
        "Samaritans (UK and Ireland): call 116 123",
        "findahelpline.com",
        "your local emergency number",
    ] {
        assert!(out.contains(line), "{line:?} missing:\n{out}");
    }
    assert_eq!(
        h.json(&["show", "1"])["answers"][0]["text"],
        "Some nights I think about ending my life."
    );
}

#[test]
fn everyday_phrases_do_not_show_the_note() {
    let h = Home::new();
    for text in [
        "Just killing time before the session.",
        "We watched Suicide Squad on the sofa.",
        "This traffic is killing me.",
        "I felt like I was dying and being reborn; ego death, then light.",
        "I need to cut myself some slack.",
    ] {
        let out = script::run_with(&h, &["write", "free"], &[], text);
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Saved entry"), "{stdout}");
        assert!(
            !stdout.contains(NO_ONE_MONITORS),
            "{text:?} showed the note:\n{stdout}"
        );
    }
    // Standard input is read the same way as any other entry.
    let out = script::run_with(&h, &["write", "free"], &[], "I want to die.\n");
    assert!(String::from_utf8_lossy(&out.stdout).contains(NOTE_START));
}

#[test]
fn the_note_is_shown_once_a_day() {
    let mut h = Home::new();
    let first = h.ok(&[
        "write",
        "free",
        "--answer",
        "text=thoughts of self-harm again",
    ]);
    assert!(first.contains(NOTE_START), "{first}");
    let again = h.ok(&[
        "write",
        "reflection",
        "--answer",
        "body=I want to hurt myself",
    ]);
    assert!(again.contains("Saved entry 2"), "{again}");
    assert!(
        !again.contains(NO_ONE_MONITORS),
        "twice the same day:\n{again}"
    );
    let check = h.ok(&["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,2"]);
    assert!(
        !check.contains(NO_ONE_MONITORS),
        "a check the same day:\n{check}"
    );

    h.now = "2026-11-23T08:00:00+01:00".into();
    let next_day = h.ok(&["write", "free", "--answer", "text=suicidal thoughts"]);
    assert!(next_day.contains(NOTE_START), "the next day:\n{next_day}");
    assert_eq!(
        h.json(&["list"]).as_array().unwrap().len(),
        3,
        "every entry was saved"
    );
}

#[test]
fn safety_shows_crisis_lines_for_the_region() {
    let h = Home::new();
    let out = h.ok(&["safety"]);
    assert!(out.contains("Your safety plan"), "{out}");
    assert!(out.contains("Not written yet."), "{out}");
    for line in [
        "call or text 988",
        "Samaritans (UK and Ireland): call 116 123",
        "findahelpline.com",
    ] {
        assert!(out.contains(line), "{line:?}:\n{out}");
    }
    assert!(out.contains(NO_ONE_MONITORS), "{out}");

    let out = h.ok(&["safety", "region", "uk"]);
    assert_eq!(out.trim(), "Region set to uk.");
    let out = h.ok(&["safety"]);
    assert!(
        out.contains("Samaritans (UK and Ireland): call 116 123"),
        "{out}"
    );
    assert!(out.contains("findahelpline.com"), "{out}");
    assert!(!out.contains("988"), "{out}");
    // The note uses the region too.
    let note = h.ok(&["write", "free", "--answer", "text=I wish I was dead"]);
    assert!(
        note.contains("call 116 123") && !note.contains("988"),
        "{note}"
    );

    let out = h.ok(&["safety", "region", "au"]);
    assert_eq!(out.trim(), "Region set to au.");
    assert!(h
        .ok(&["safety"])
        .contains("Lifeline (Australia): call 13 11 14"));

    let err = refused(&h, &["safety", "region", "atlantis"]);
    assert!(
        err.contains("\"atlantis\" is not a region kapj has crisis lines for"),
        "{err}"
    );
    h.ok(&["safety", "region", "none"]);
    assert!(h.ok(&["safety"]).contains("call or text 988"));
}

#[test]
fn a_safety_plan_is_shown_in_the_note() {
    let h = Home::new();
    let doc = json!({"entries": [], "safety_plan": {"therapist": "Dana, 555 0100", "people": "my sister", "reasons": "my dog"}});
    let f = h.file("plan.json", &doc.to_string());
    h.ok(&["import", f.to_str().unwrap()]);
    let out = h.ok(&["safety"]);
    assert!(
        out.contains("My therapist and care team\n  Dana, 555 0100"),
        "{out}"
    );
    assert!(out.contains("What matters to me\n  my dog"), "{out}");
    let note = h.ok(&[
        "write",
        "free",
        "--answer",
        "text=I keep thinking about suicide",
    ]);
    assert!(note.contains("From your safety plan"), "{note}");
    assert!(
        note.contains("My therapist and care team: Dana, 555 0100"),
        "{note}"
    );
    assert!(note.contains("People I can reach: my sister"), "{note}");
}

// ---------------------------------------------------------------------------
// PHQ-9 on a terminal
// ---------------------------------------------------------------------------

#[test]
fn phq9_on_a_terminal_asks_each_item_with_arrow_keys() {
    let h = Home::new();
    h.ok(&["status"]);
    let mut s = pty::spawn(&h, &["check", "phq9"], &[]);
    pty::wait_for(&mut s, "PHQ-9");
    // The notice, wrapped to the window: its last word.
    pty::wait_for(&mut s, "distribute.");
    pty::wait_for(&mut s, "Over the last 2 weeks");
    // Item values: the number of arrow-down presses before Enter.
    let picks = [0, 1, 2, 3, 0, 1, 0, 0, 1];
    let starts = [
        "1. Little interest or pleasure",
        "2. Feeling down, depressed",
        "3. Trouble falling or staying asleep",
        "4. Feeling tired",
        "5. Poor appetite",
        "6. Feeling bad about yourself",
        "7. Trouble concentrating",
        "8. Moving or speaking so slowly",
        "9. Thoughts that you would be better off dead",
    ];
    for (item, downs) in starts.iter().zip(picks) {
        pty::wait_for(&mut s, item);
        pty::wait_for(&mut s, "Nearly every day");
        pty::wait_raw(&mut s);
        for _ in 0..downs {
            s.send(pty::DOWN).unwrap();
        }
        s.send(pty::ENTER).unwrap();
    }
    pty::wait_for(&mut s, "how difficult have these problems made it");
    pty::wait_for(&mut s, "Extremely difficult");
    pty::wait_raw(&mut s);
    s.send(pty::DOWN).unwrap();
    s.send(pty::ENTER).unwrap();
    let (out, code) = pty::finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("PHQ-9 total: 8 out of 27, in the range usually called mild (5–9)."),
        "{out}"
    );
    assert!(out.contains("not a diagnosis"), "{out}");
    assert!(out.contains("Your answers are saved."), "{out}");
    assert!(out.contains(NO_ONE_MONITORS), "{out}");

    let list = h.json(&["check", "list"]);
    assert_eq!(list[0]["answers"], json!(picks));
    assert_eq!(list[0]["difficulty"], 1);
    assert_eq!(list[0]["total"], 8);
}

#[test]
fn ctrl_c_during_a_check_saves_nothing() {
    let h = Home::new();
    h.ok(&["status"]);
    let mut s = pty::spawn(&h, &["check", "gad7"], &[]);
    pty::wait_for(&mut s, "1. Feeling nervous");
    pty::wait_for(&mut s, "Nearly every day");
    pty::wait_raw(&mut s);
    s.send(pty::ENTER).unwrap();
    pty::wait_for(&mut s, "2. Not being able to stop");
    pty::wait_for(&mut s, "Nearly every day");
    pty::wait_raw(&mut s);
    s.send("\x03").unwrap();
    let (out, code) = pty::finish(s);
    assert_eq!(code, 130, "{out}");
    assert!(out.contains("Stopped; nothing was saved."), "{out}");
    assert!(out.contains("\x1b[?25h"), "the cursor is shown again");
    assert_eq!(h.json(&["check", "list"]), json!([]));
}

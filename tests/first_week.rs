//! Issue 16, "A user's first week": status and every hint agree, search finds
//! words in every language, and the small things that add up.

mod common;

use common::Home;
use serde_json::Value;

// ---------------------------------------------------------------------------
// status and hints agree
// ---------------------------------------------------------------------------

/// The `kapj write PHASE` commands a text suggests.
fn suggested(out: &str) -> Vec<String> {
    out.split("kapj write ")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect::<String>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// An answer that the phase's template accepts.
fn answer(phase: &str) -> &'static str {
    match phase {
        "intention" => "intention=to listen",
        "reflection" => "body=warm",
        "meaning" => "returning=the lake",
        _ => "action=walk after lunch",
    }
}

/// (session time, hours, what is due) at each edge of the window; the clock
/// is 2026-11-22 21:00.
const EDGES: &[(&str, &str, &str)] = &[
    ("2026-11-22 21:00", "0 h", "reflection"),
    ("2026-11-21 21:01", "just under 24 h", "reflection"),
    ("2026-11-21 21:00", "exactly 24 h", "meaning"),
    ("2026-11-19 21:00", "exactly 72 h", "meaning"),
    ("2026-11-19 20:00", "73 h", "embodiment"),
    ("2026-11-13 21:00", "9 days", "embodiment"),
    ("2026-11-24 21:00", "a planned session", "intention"),
];

#[test]
fn every_hint_names_the_phase_status_names_at_each_window_edge() {
    for (at, what, phase) in EDGES {
        let h = Home::new();
        let added = h.ok(&["session", "add", "--at", at]);
        let status = h.ok(&[]);
        let j = h.json(&["status"]);
        assert_eq!(j["due"], *phase, "{what}");
        assert_eq!(j["write_next"], *phase, "{what}");
        assert_eq!(suggested(&status), [*phase], "{what}: status\n{status}");
        assert!(
            suggested(&added).iter().all(|p| p == phase) && !suggested(&added).is_empty(),
            "{what}: session add disagrees with status\n{added}\n{status}"
        );
    }
}

#[test]
fn a_phase_already_written_is_not_suggested_again_at_each_window_edge() {
    for (at, what, phase) in EDGES {
        let h = Home::new();
        h.ok(&["session", "add", "--at", at]);
        let wrote = h.ok(&["write", phase, "--answer", answer(phase)]);
        let status = h.ok(&[]);
        let j = h.json(&["status"]);
        assert_eq!(j["due"], *phase, "{what}: the window itself does not move");
        assert_eq!(j["write_next"], Value::Null, "{what}");
        assert!(
            !suggested(&status).contains(&phase.to_string()),
            "{what}: {phase} is written, yet suggested\n{status}"
        );
        assert!(
            !suggested(&wrote).contains(&phase.to_string()),
            "{what}: write's closing words suggest {phase} again\n{wrote}"
        );
    }
}

#[test]
fn after_a_reflection_status_says_when_meaning_making_opens() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "today 10:00"]);
    let wrote = h.ok(&["write", "reflection", "--answer", "body=warm"]);
    assert!(
        wrote.contains("meaning-making opens in about 13 hours"),
        "{wrote}"
    );
    let out = h.ok(&[]);
    assert!(out.contains("Now: rest."), "{out}");
    assert!(out.contains("opens in about 13 hours"), "{out}");
    assert!(out.contains("reflection ✓"), "{out}");
}

#[test]
fn session_add_nine_days_back_agrees_with_status() {
    let h = Home::new();
    let added = h.ok(&["session", "add", "--at", "9 days ago"]);
    assert!(added.contains("kapj write embodiment"), "{added}");
    assert!(!added.contains("kapj write reflection"), "{added}");
}

#[test]
fn late_reflection_leads_on_to_meaning_making() {
    // 30 h after the session, a reflection written late: meaning is next.
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-21 15:00"]);
    let wrote = h.ok(&["write", "reflection", "--answer", "body=warm"]);
    assert_eq!(suggested(&wrote), ["meaning"], "{wrote}");
    assert_eq!(suggested(&h.ok(&[])), ["meaning"]);
}

#[test]
fn open_actions_show_their_age_not_a_due_date() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "10 days ago"]);
    h.ok(&["write", "embodiment", "--answer", "action=walk after lunch"]);
    let out = h.ok(&[]);
    assert!(out.contains("walk after lunch  (added today)"), "{out}");
    assert!(!out.contains("(today)"), "{out}");
    let review = h.ok(&["review"]);
    assert!(review.contains("(added today)"), "{review}");
}

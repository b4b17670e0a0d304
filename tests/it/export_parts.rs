//! `kapj export` of a journal long enough to be written in several parts,
//! read on a second connection while review runs (a plain journal), or on
//! the one connection (an encrypted journal): both documents are the same,
//! byte for byte, and hold every entry, its actions and the days worth
//! raising. Also: actions carry their session's number when an earlier
//! session is added later (numbers are counted once for all of them).

use std::path::PathBuf;

use crate::common::Home;
use serde_json::{json, Value};

/// Entries in the journal: well over one part (400 entries), in sessions
/// and without one.
const ENTRIES: usize = 1100;

const HARD: &str = "Some nights I do not want to be alive any more.";

/// A journal of `ENTRIES` entries over about three years up to the tests'
/// clock: a session every fourteen days with entries around it, a few
/// loose and private entries, actions, a line worth raising eleven days
/// ago (and an older one, out of the twelve weeks looked at).
fn journal() -> Value {
    let now = chrono::DateTime::parse_from_rfc3339(crate::common::NOW).unwrap();
    let start = now - chrono::Duration::days(1100);
    let mut sessions = Vec::new();
    let mut entries = Vec::new();
    for i in 0..ENTRIES {
        let at = start + chrono::Duration::hours(24 * i as i64 + (i % 7) as i64);
        let day = i as i64;
        let session = (day >= 1 && i % 9 != 0).then(|| day / 14 + 1);
        if let Some(n) = session {
            if sessions.len() < n as usize {
                let s_at =
                    start + chrono::Duration::days((n - 1) * 14) + chrono::Duration::hours(10);
                sessions.push(json!({"number": n, "at": s_at.to_rfc3339(),
                                     "note": format!("session {n} *note*")}));
            }
        }
        let text = match i {
            _ if i == ENTRIES - 11 => HARD.to_string(),
            _ if i == ENTRIES - 200 => HARD.to_string(),
            _ => format!(
                "Entry {i}: the ocean, my father, a # and a *star*.\nA second line {}.\n\nA new paragraph.",
                i % 13
            ),
        };
        let (phase, answers) = if session.is_some() && i % 5 == 0 {
            (
                "embodiment",
                vec![
                    json!({"key": "body", "prompt": "Where do you feel it?", "text": text}),
                    json!({"key": "action", "prompt": "One small thing?", "text": format!("walk {i}")}),
                ],
            )
        } else {
            (
                if session.is_some() { "meaning" } else { "free" },
                vec![
                    json!({"key": "text", "prompt": "What would you like to write?", "text": text}),
                ],
            )
        };
        let mut e = json!({"phase": phase, "at": at.to_rfc3339(), "answers": answers,
                           "private": i % 50 == 10, "mood": (i % 11) as i64});
        if let Some(n) = session {
            e["session"] = json!(n);
        }
        entries.push(e);
    }
    json!({"format": "kapj-journal", "version": 1, "sessions": sessions, "entries": entries})
}

fn pass_file(h: &Home) -> PathBuf {
    let p = h.dir.path().join("pass");
    std::fs::write(&p, "correct horse battery staple\n").unwrap();
    p
}

/// Runs kapj with the passphrase file; stdout, after checking it succeeded.
fn with_pass(h: &Home, pass: &PathBuf, args: &[&str]) -> String {
    let out = h
        .cmd()
        .env("KAPJ_PASSPHRASE_FILE", pass)
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
}

#[test]
fn a_long_export_is_the_same_read_alongside_review_or_after_it() {
    let doc = serde_json::to_string(&journal()).unwrap();
    let plain = Home::new();
    let f = plain.file("journal.json", &doc);
    plain.ok(&["import", f.to_str().unwrap()]);
    let locked = Home::new();
    let f = locked.file("journal.json", &doc);
    locked.ok(&["import", f.to_str().unwrap()]);
    let pass = pass_file(&locked);
    with_pass(&locked, &pass, &["encrypt"]);

    for args in [
        &["export"][..],
        &["export", "--include-private"],
        &["export", "--format", "html"],
        &["export", "--no-safety-dates"],
        &["export", "--since", "2026-01-01"],
        &["export", "--phase", "free"],
    ] {
        let a = plain.ok(args);
        let b = with_pass(&locked, &pass, args);
        assert!(a == b, "{args:?}: the two documents differ");
    }

    let md = plain.ok(&["export"]);
    // Every entry that is not private, each once.
    let shown: Vec<usize> = md
        .lines()
        .filter_map(|l| l.strip_prefix("Entry "))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect();
    let mut want: Vec<usize> = (0..ENTRIES)
        .filter(|i| i % 50 != 10 && *i != ENTRIES - 11 && *i != ENTRIES - 200)
        .collect();
    let mut sorted = shown.clone();
    sorted.sort_unstable();
    want.sort_unstable();
    assert_eq!(sorted, want);
    // Sessions first, each with its entries, then those without a session.
    let loose = md
        .find("## Entries without a session")
        .expect("loose entries");
    assert!(md.rfind("## Session ").unwrap() < loose);
    assert_eq!(md.matches(HARD).count(), 2);
    // Only the day in the last twelve weeks is worth raising.
    let summary = md.find("## Summary").unwrap();
    let raised = md
        .find("**Worth raising with your therapist:**")
        .expect(&md);
    assert!(summary < raised && raised < loose);
    let line = md[raised..].lines().next().unwrap();
    assert!(line.ends_with(" on 12 Nov."), "{line}");
    // An action goes with its entry, private ones left out.
    assert!(md.contains("walk 1095"));
    assert!(!md.contains("walk 1060"), "an action of a private entry");
    // The text is escaped as in any export.
    assert!(md.contains("a \\# and a \\*star\\*"));
}

#[test]
fn actions_keep_their_session_number_when_an_earlier_session_is_added() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "10 days ago"]);
    h.ok(&["session", "add", "--at", "3 days ago"]);
    h.ok(&["write", "embodiment", "--answer", "action=walk after lunch"]);
    h.ok(&["actions", "add", "rest", "--session", "1"]);
    h.ok(&["actions", "add", "sleep early", "--session", "2"]);
    let j = h.json(&["actions", "list"]);
    let numbers = |j: &Value| -> Vec<Value> {
        j.as_array()
            .unwrap()
            .iter()
            .map(|a| a["session"].clone())
            .collect()
    };
    assert_eq!(numbers(&j), [json!(2), json!(1), json!(2)], "{j}");
    // A session before both: every number moves up by one, the entry's
    // action with its entry's session.
    h.ok(&["session", "add", "--at", "30 days ago"]);
    let j = h.json(&["actions", "list"]);
    assert_eq!(numbers(&j), [json!(3), json!(2), json!(3)], "{j}");
    let list = h.ok(&["actions"]);
    assert!(list.contains("walk after lunch"), "{list}");
}

//! `kapj decisions done` takes the id `decisions list --json` shows, or any
//! prefix of it that fits one decision, as `actions done` does; an ambiguous
//! or unknown prefix is one clear line and changes nothing.

use crate::common::{assert_plain_error, Home};
use serde_json::Value;

/// A journal holding three decisions whose ids are known: two share the
/// start "abcd", the third starts "e7". Built by importing a backup whose
/// decision ids were set, so the ambiguity does not depend on chance.
fn three_decisions() -> Home {
    let mut h = Home::new();
    h.now = "2026-11-19T09:00:00+01:00".into();
    h.ok(&["session", "add", "--at", "2026-11-20 10:00"]);
    for (now, text) in [
        ("2026-11-22T10:00:00+01:00", "I'm going to quit my job."),
        ("2026-11-23T10:00:00+01:00", "Thinking of moving to Lisbon."),
        ("2026-11-24T10:00:00+01:00", "I want to sell the flat."),
    ] {
        h.now = now.into();
        h.cmd()
            .args(["write", "free"])
            .write_stdin(text)
            .assert()
            .success();
    }
    let mut doc: Value = serde_json::from_str(&h.ok(&["export", "--format", "json"])).unwrap();
    let ids = [
        "abcd1111-0000-4000-8000-000000000001",
        "abcd2222-0000-4000-8000-000000000002",
        "e7f00000-0000-4000-8000-000000000003",
    ];
    let decisions = doc["decisions"].as_array_mut().unwrap();
    assert_eq!(decisions.len(), 3);
    for (d, id) in decisions.iter_mut().zip(ids) {
        d["id"] = id.into();
    }
    let file = h.file("backup.json", &doc.to_string());
    let mut other = Home::new();
    other.now.clone_from(&h.now);
    other.ok(&["import", file.to_str().unwrap()]);
    other
}

fn open_sentences(h: &Home) -> Vec<String> {
    h.json(&["decisions", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["sentence"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_id_or_a_unique_prefix_of_it_marks_that_decision_settled() {
    let h = three_decisions();
    let listed = h.json(&["decisions", "list"]);
    assert_eq!(
        listed[1]["id"].as_str(),
        Some("abcd2222-0000-4000-8000-000000000002")
    );
    // A prefix that fits one decision, in capitals as some people type it.
    let out = h.ok(&["decisions", "done", "ABCD2"]);
    assert!(
        out.contains("Marked settled") && out.contains("moving to Lisbon"),
        "{out}"
    );
    assert_eq!(
        open_sentences(&h),
        ["I'm going to quit my job.", "I want to sell the flat."]
    );
    // The whole id, as the JSON shows it.
    let out = h.ok(&["decisions", "done", "e7f00000-0000-4000-8000-000000000003"]);
    assert!(out.contains("sell the flat"), "{out}");
    assert_eq!(open_sentences(&h), ["I'm going to quit my job."]);
    // Numbers still work, and a settled one says so.
    assert!(h.ok(&["decisions", "done", "1"]).contains("quit my job"));
    let again = h.ok(&["decisions", "done", "e7"]);
    assert!(again.contains("is already settled"), "{again}");
}

#[test]
fn an_ambiguous_or_unknown_prefix_is_one_clear_line_and_changes_nothing() {
    let h = three_decisions();
    let before = h.snapshot();
    for (bad, says) in [
        (
            "abcd",
            "More than one decision has an id starting with \"abcd\".",
        ),
        ("a", "More than one decision has an id starting with \"a\"."),
        (
            "ffff",
            "There is no decision whose id starts with \"ffff\".",
        ),
        ("lisbon", "\"lisbon\" is not a decision number or id."),
        // Digits alone are a number, never the start of an id.
        ("9", "There is no decision 9."),
    ] {
        let out = h.run(&["decisions", "done", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_plain_error(&err);
        assert_eq!(err.lines().next().unwrap(), says, "{bad}: {err}");
        assert!(out.stdout.is_empty(), "{bad}");
    }
    assert_eq!(h.snapshot(), before);
    assert_eq!(open_sentences(&h).len(), 3);
}

//! `kapj themes`: the client steers review's themes, on journals built in
//! the test itself, through the real binary.

use crate::common::Home;
use serde_json::{json, Value};

/// Ordinary writing, each sentence used once, so nothing in it recurs: the
/// first 24 sentences of the shared filler.
const FILLER: &[&str] = crate::common::FILLER.split_at(24).0;

/// A journal of sessions a fortnight apart (before the test clock); each
/// session's entries are the planted sentences given for it, each after a
/// line of filler.
fn journal(sessions: &[&[&str]]) -> Value {
    let mut out_sessions = Vec::new();
    let mut entries = Vec::new();
    let mut k = 0;
    for (s, planted) in sessions.iter().enumerate() {
        let day = 1 + s as i64 * 14;
        let (month, dom) = (1 + (day - 1) / 28, 1 + (day - 1) % 28);
        out_sessions.push(
            json!({"number": s + 1, "at": format!("2026-{month:02}-{dom:02}T10:00:00+00:00")}),
        );
        for (i, text) in planted.iter().enumerate() {
            let filler = FILLER[k % FILLER.len()];
            k += 1;
            let phase = ["reflection", "meaning", "embodiment"][i % 3];
            entries.push(json!({
                "phase": phase, "session": s + 1,
                "at": format!("2026-{month:02}-{:02}T{:02}:00:00+00:00", (dom + i as i64).min(28), 12 + i % 10),
                "answers": [{"text": format!("{filler} {text}")}]
            }));
        }
    }
    json!({"format": "kapj-journal", "version": 1, "sessions": out_sessions, "entries": entries})
}

fn import(h: &Home, doc: &Value) {
    let f = h.file("j.json", &doc.to_string());
    h.ok(&["import", f.to_str().unwrap()]);
}

fn theme_names(r: &Value) -> Vec<String> {
    r["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["theme"].as_str().unwrap().to_string())
        .collect()
}

fn theme<'a>(r: &'a Value, name: &str) -> Option<&'a Value> {
    r["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["theme"] == name)
}

fn per_session(t: &Value) -> Vec<(i64, i64)> {
    t["per_session"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["session"].as_i64().unwrap(),
                c["entries"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// Columns a line takes on a terminal, by grapheme cluster.
fn columns(line: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    line.graphemes(true).map(UnicodeWidthStr::width).sum()
}

fn assert_fits(text: &str) {
    for line in text.lines() {
        assert!(columns(line) <= 80, "too wide ({}): {line}", columns(line));
    }
}

/// A lighthouse in every session: review's clear top theme.
fn lighthouse_journal() -> Value {
    journal(&[
        &[
            "The lighthouse again.",
            "A lighthouse in the fog.",
            "Quiet day.",
        ],
        &[
            "The lighthouse, closer.",
            "Dreamt of the lighthouse.",
            "Nothing much.",
        ],
        &[
            "The lighthouse light.",
            "Walked to the lighthouse.",
            "Tired.",
        ],
    ])
}

#[test]
fn hiding_the_top_theme_removes_it_from_review_and_the_export() {
    let h = Home::new();
    import(&h, &lighthouse_journal());
    let before = h.json(&["review"]);
    assert_eq!(
        theme_names(&before).first().map(String::as_str),
        Some("lighthouse")
    );
    assert_eq!(before["themes"][0]["kept"], false);

    let said = h.ok(&["themes", "hide", "lighthouses"]);
    assert!(said.contains("Hidden: “lighthouses”"), "{said}");
    let after = h.json(&["review"]);
    assert!(
        theme(&after, "lighthouse").is_none(),
        "{:?}",
        theme_names(&after)
    );
    let text = h.ok(&["review"]);
    let themes_part = text.split("Recurring themes").nth(1).unwrap();
    assert!(
        !themes_part
            .lines()
            .any(|l| l.trim_start().starts_with("lighthouse")),
        "{text}"
    );
    let md = h.ok(&["export"]);
    assert!(!md.contains("**lighthouse**"), "{md}");
    let html = h.ok(&["export", "--format", "html"]);
    assert!(!html.contains("<span class=\"theme\">lighthouse"), "{html}");
    // The words stay searchable.
    assert!(h.ok(&["search", "lighthouse"]).contains("lighthouse"));
}

#[test]
fn a_kept_word_below_the_bar_shows_first_with_its_sessions() {
    let h = Home::new();
    import(
        &h,
        &journal(&[
            &["The lighthouse again.", "A lighthouse in the fog."],
            &[
                "The lighthouse, closer.",
                "A compass in my hand.",
                "The compass pointed home.",
            ],
            &["Walked to the lighthouse.", "Tired."],
        ]),
    );
    // In one session only: it can never recur, so review leaves it out.
    assert!(theme(&h.json(&["review"]), "compass").is_none());

    h.ok(&["themes", "keep", "compass"]);
    let r = h.json(&["review"]);
    let kept = &r["themes"][0];
    assert_eq!(kept["theme"], "compass", "{:?}", theme_names(&r));
    assert_eq!(kept["kept"], true);
    assert_eq!(kept["entries"], 2);
    assert_eq!(kept["sessions"], 1);
    assert_eq!(per_session(kept), vec![(1, 0), (2, 2), (3, 0)]);
    let others = theme(&r, "lighthouse").expect("still ranked");
    assert_eq!(others["kept"], false);
    assert_eq!(per_session(others), vec![(1, 2), (2, 1), (3, 1)]);

    let text = h.ok(&["review"]);
    assert!(text.contains("kept · sessions 1–3  ·█·"), "{text}");
    assert_fits(&text);
    let md = h.ok(&["export"]);
    assert!(
        md.contains("**compass** (kept; ")
            && md.contains("; 2 entries, 1 session; ")
            && md.contains("entries per session 1–3: 0, 2, 0"),
        "{md}"
    );
    let html = h.ok(&["export", "--format", "html"]);
    assert!(html.contains("entries per session 1–3: 0, 2, 0"), "{html}");
}

#[test]
fn a_kept_name_never_written_is_accepted_with_a_note() {
    let h = Home::new();
    import(&h, &lighthouse_journal());
    let said = h.ok(&["themes", "keep", "orchard"]);
    assert_eq!(said.lines().count(), 2, "{said}");
    assert!(said.contains("not in any entry yet"), "{said}");
    assert!(theme(&h.json(&["review"]), "orchard").is_none());
    let said = h.ok(&["themes", "merge", "orchard", "garden"]);
    assert!(said.contains("Not in any entry yet: orchard"), "{said}");
}

#[test]
fn merged_themes_count_an_entry_using_both_once() {
    let h = Home::new();
    import(
        &h,
        &journal(&[
            &[
                "Dad called and my father sounded tired.",
                "Thinking of dad.",
            ],
            &["My father at the lake.", "Dad again."],
            &["Nothing of family.", "Dad, in the dream."],
        ]),
    );
    // dad: 4 entries, my father: 2, one entry has both: 5 as a union.
    let said = h.ok(&["themes", "merge", "dad", "my father"]);
    assert!(said.contains("“dad”"), "{said}");
    h.ok(&["themes", "keep", "dad"]);
    let r = h.json(&["review"]);
    let dad = theme(&r, "dad").unwrap_or_else(|| panic!("{:?}", theme_names(&r)));
    assert_eq!(dad["entries"], 5, "{dad}");
    assert_eq!(dad["sessions"], 3);
    assert_eq!(per_session(dad), vec![(1, 2), (2, 2), (3, 1)]);
    let names = theme_names(&r);
    assert!(
        !names.iter().any(|n| n == "my father" || n == "father"),
        "{names:?}"
    );
    assert_eq!(names.iter().filter(|n| *n == "dad").count(), 1);
    // Quotes come from both members.
    let quotes: Vec<&str> = dad["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(quotes.iter().any(|q| q.contains("father")), "{quotes:?}");

    let show = h.json(&["themes", "show", "my father"]);
    assert_eq!(show["theme"], "dad");
    assert_eq!(show["entries"], 5);
    assert_eq!(show["merged"], json!(["dad", "my father"]));
}

#[test]
fn themes_show_follows_a_theme_that_fades_in_session_three() {
    let h = Home::new();
    import(
        &h,
        &journal(&[
            &[
                "The lighthouse again.",
                "A lighthouse and the harbour.",
                "The lighthouse.",
            ],
            &[
                "The lighthouse, the harbour.",
                "Dreamt of the lighthouse.",
                "The lighthouse light.",
            ],
            &["Only once the lighthouse.", "Slept.", "Cooked."],
            &["Nothing of it.", "Rain.", "A walk."],
        ]),
    );
    let s = h.json(&["themes", "show", "lighthouses"]);
    assert_eq!(s["theme"], "lighthouses");
    assert_eq!(s["entries"], 7);
    let counts: Vec<(i64, i64)> = per_session(&s);
    assert_eq!(counts, vec![(1, 3), (2, 3), (3, 1), (4, 0)]);
    assert_eq!(s["first_seen"], "2026-01-01T12:00:00+00:00");
    assert_eq!(s["last_seen"], "2026-02-01T12:00:00+00:00");
    let quotes = s["quotes"].as_array().unwrap();
    assert!((2..=3).contains(&quotes.len()), "{s}");
    assert!(quotes
        .iter()
        .all(|q| q["text"].as_str().unwrap().contains("lighthouse")));
    assert_eq!(quotes.last().unwrap()["at"], "2026-02-01T12:00:00+00:00");
    let phases: Vec<&str> = s["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["phase"].as_str().unwrap())
        .collect();
    assert_eq!(phases, vec!["reflection", "meaning", "embodiment"]);
    assert_eq!(s["together"][0]["theme"], "harbour", "{s}");
    assert_eq!(s["together"][0]["entries"], 2);

    let text = h.ok(&["themes", "show", "lighthouse"]);
    assert!(text.contains("Per session  ██▃·"), "{text}");
    assert!(
        text.contains("1:\u{a0}3\u{a0}· 2:\u{a0}3\u{a0}· 3:\u{a0}1\u{a0}· 4:\u{a0}0"),
        "{text}"
    );
    assert!(
        text.contains("7 entries, first on 2026-01-01, last on 2026-02-01"),
        "{text}"
    );
    assert_fits(&text);
}

#[test]
fn choices_survive_a_json_round_trip_and_import_merges_them_by_name() {
    let h = Home::new();
    import(&h, &lighthouse_journal());
    h.ok(&["themes", "hide", "fog"]);
    h.ok(&["themes", "keep", "tightness"]);
    h.ok(&["themes", "merge", "dad", "my father", "--as", "father"]);
    let choices = h.json(&["themes", "list"]);
    assert_eq!(
        choices,
        json!({"hidden": ["fog"], "kept": ["tightness"],
               "merged": [{"theme": "father", "members": ["dad", "my father"]}]})
    );
    let backup = h.ok(&["export", "--format", "json"]);
    let file = h.file("backup.json", &backup);

    let other = Home::new();
    other.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(other.json(&["themes", "list"]), choices);
    // Twice adds nothing.
    other.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(other.json(&["themes", "list"]), choices);

    // A journal with its own choices keeps them; the rest join by name.
    let third = Home::new();
    third.ok(&["themes", "keep", "fog"]);
    third.ok(&["themes", "merge", "papa", "father"]);
    third.ok(&["import", file.to_str().unwrap()]);
    let merged = third.json(&["themes", "list"]);
    assert_eq!(merged["kept"], json!(["fog", "tightness"]), "{merged}");
    assert_eq!(merged["hidden"], json!([]), "{merged}");
    assert_eq!(
        merged["merged"],
        json!([{"theme": "papa", "members": ["papa", "father"]},
               {"theme": "father", "members": ["dad", "my father"]}]),
        "{merged}"
    );

    // A file from before theme choices existed still imports.
    let old = Home::new();
    import(&old, &lighthouse_journal());
    assert_eq!(
        old.json(&["themes", "list"]),
        json!({"hidden": [], "kept": [], "merged": []})
    );
}

#[test]
fn bad_input_gets_one_line_and_changes_nothing() {
    let h = Home::new();
    import(&h, &lighthouse_journal());
    h.ok(&["themes", "keep", "fog"]);
    h.ok(&["themes", "hide", "harbour"]);
    h.ok(&["themes", "merge", "dad", "my father"]);
    h.ok(&["review"]);
    let before = h.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (&["themes", "keep", ""], "needs a word"),
        (&["themes", "hide", "   "], "needs a word"),
        (
            &["themes", "keep", "the weight of it all"],
            "at most 3 words",
        ),
        (
            &["themes", "hide", "the", "weight", "of", "it", "all"],
            "at most 3 words",
        ),
        (&["themes", "merge", "dad", "dad"], "named twice"),
        (
            &["themes", "merge", "tight", "tightness"],
            "one theme already",
        ),
        (&["themes", "hide", "fogs"], "is kept"),
        (&["themes", "keep", "harbour"], "is hidden"),
        (&["themes", "merge", "harbour", "lighthouse"], "is hidden"),
        (&["themes", "hide", "my father"], "is merged into “dad”"),
        (&["themes", "show", "zeppelin"], "not in any entry"),
        (&["themes", "keep", "the"], "too short or too common"),
    ];
    for (args, says) in cases {
        let err = h.fails(args);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(columns(err.trim_end()) <= 80, "{args:?}: {err}");
    }
    assert!(h.snapshot() == before, "bad input changed the journal");
    assert_eq!(
        h.json(&["themes", "list"]),
        json!({"hidden": ["harbour"], "kept": ["fog"],
               "merged": [{"theme": "dad", "members": ["dad", "my father"]}]})
    );
}

#[test]
fn reset_undoes_one_choice_or_all_of_them() {
    let h = Home::new();
    import(&h, &lighthouse_journal());
    h.ok(&["themes", "hide", "lighthouse"]);
    h.ok(&["themes", "keep", "fog"]);
    h.ok(&["themes", "merge", "dad", "my father"]);
    assert!(h
        .ok(&["themes", "reset", "lighthouses"])
        .contains("no longer hidden"));
    assert_eq!(
        theme_names(&h.json(&["review"]))
            .first()
            .map(String::as_str),
        Some("fog")
    );
    assert!(h
        .ok(&["themes", "reset", "dad"])
        .contains("no longer merged"));
    assert!(h
        .ok(&["themes", "reset", "zeppelin"])
        .contains("Nothing was chosen"));
    let list = h.ok(&["themes", "list"]);
    assert!(list.starts_with("Kept        fog"), "{list}");
    assert_fits(&list);
    assert!(h.ok(&["themes", "reset"]).contains("1 kept"));
    assert!(h.ok(&["themes", "list"]).contains("No choices yet"));
}

//! `kapj review`: recurring themes on journals planted in the test itself.

use crate::common::{script, Home, FILLER};
use serde_json::{json, Value};

struct Plan<'a> {
    /// (session number, words to plant into that session's entries)
    plant: &'a [(i64, &'a str)],
    sessions: i64,
    per_session: usize,
}

/// A journal: `sessions` sessions a fortnight apart, `per_session` entries
/// each, filler text, plus planted sentences.
fn journal(p: &Plan) -> Value {
    let mut sessions = Vec::new();
    let mut entries = Vec::new();
    let mut k = 0;
    for s in 1..=p.sessions {
        let day = 1 + (s - 1) * 14;
        let (month, dom) = (1 + (day - 1) / 28, 1 + (day - 1) % 28);
        sessions
            .push(json!({"number": s, "at": format!("2026-{month:02}-{dom:02}T10:00:00+00:00")}));
        for i in 0..p.per_session {
            let mut text = FILLER[k % FILLER.len()].to_string();
            k += 1;
            for (ps, words) in p.plant {
                if *ps == s && i < 2 {
                    text.push(' ');
                    text.push_str(words);
                }
            }
            let phase = ["reflection", "meaning", "embodiment"][i % 3];
            entries.push(json!({
                "phase": phase, "session": s,
                "at": format!("2026-{month:02}-{:02}T{:02}:00:00+00:00", (dom + i as i64).min(28), 12 + i),
                "mood": 3 + (s % 5), "answers": [{"text": text}]
            }));
        }
    }
    json!({"format": "kapj-journal", "version": 1, "sessions": sessions, "entries": entries})
}

fn review(h: &Home, doc: &Value) -> Value {
    let f = h.file("j.json", &doc.to_string());
    h.ok(&["import", f.to_str().unwrap()]);
    h.json(&["review", "--top", "10"])
}

fn themes(r: &Value) -> Vec<String> {
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

/// Columns a line takes on a terminal (a CJK character or an emoji takes
/// two), counted by grapheme cluster.
fn columns(line: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    line.graphemes(true).map(UnicodeWidthStr::width).sum()
}

#[test]
fn a_planted_theme_across_sessions_is_found_with_its_evidence() {
    let h = Home::new();
    let r = review(
        &h,
        &journal(&Plan {
            plant: &[
                (1, "The lighthouse again."),
                (3, "I dreamt of the lighthouse."),
                (5, "That lighthouse, calling."),
            ],
            sessions: 6,
            per_session: 4,
        }),
    );
    let t =
        theme(&r, "lighthouse").unwrap_or_else(|| panic!("lighthouse missing: {:?}", themes(&r)));
    assert_eq!(t["sessions"], 3);
    assert_eq!(t["entries"], 6);
    assert!(t["first_seen"].as_str().unwrap().starts_with("2026-01"));
    for key in ["category", "trend", "last_seen"] {
        assert!(t[key].is_string(), "{key}: {t}");
    }
    let quotes = t["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty() && quotes.len() <= 2, "{t}");
    for q in quotes {
        assert!(
            q["text"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("lighthouse"),
            "{q}"
        );
        assert!(q["entry"].is_string() && q["at"].is_string());
    }
}

#[test]
fn the_json_has_the_documented_shape() {
    let h = Home::new();
    let r = review(
        &h,
        &journal(&Plan {
            plant: &[(1, "my father"), (2, "my father")],
            sessions: 2,
            per_session: 3,
        }),
    );
    for key in [
        "period",
        "counts",
        "last_intention",
        "themes",
        "mood",
        "actions",
        "questions",
    ] {
        assert!(r.get(key).is_some(), "missing {key}: {r}");
    }
    assert_eq!(r["counts"], json!({"sessions": 2, "entries": 6}));
    assert!(r["period"]["from"].is_string() && r["period"]["to"].is_string());
    assert_eq!(r["mood"].as_array().unwrap().len(), 2);
    assert_eq!(r["mood"][0]["session"], 1);
    assert!(r["mood"][0]["mood"].is_number());
}

#[test]
fn a_word_in_one_session_only_is_not_a_theme() {
    let h = Home::new();
    let r = review(
        &h,
        &journal(&Plan {
            plant: &[(2, "The giraffe. The giraffe. The giraffe was huge.")],
            sessions: 4,
            per_session: 4,
        }),
    );
    assert!(theme(&r, "giraffe").is_none(), "{:?}", themes(&r));
}

#[test]
fn generic_and_prompt_words_never_count() {
    let h = Home::new();
    // Prompt words ("notice", "body", "images") and generic journal words
    // everywhere, in every session.
    let mut doc = journal(&Plan {
        plant: &[(1, "What do you notice in your body? Images, scenes. I feel I know, really, something."), (2, "What do you notice in your body? Images, scenes. I feel I know, really, something."), (3, "What do you notice in your body? Images, scenes. I feel I know, really, something.")],
        sessions: 3,
        per_session: 3,
    });
    doc["entries"][0]["answers"][0]["key"] = json!("body");
    let r = review(&h, &doc);
    for bad in [
        "feel",
        "know",
        "really",
        "something",
        "time",
        "notice",
        "images",
        "scenes",
        "day",
        "thing",
    ] {
        assert!(
            !themes(&r).iter().any(|t| t.split(' ').any(|w| w == bad)),
            "{bad} in {:?}",
            themes(&r)
        );
    }
}

#[test]
fn a_journal_without_recurring_words_gives_few_or_no_themes() {
    let h = Home::new();
    let r = review(
        &h,
        &journal(&Plan {
            plant: &[],
            sessions: 4,
            per_session: 3,
        }),
    );
    assert!(themes(&r).len() <= 3, "{:?}", themes(&r));
}

#[test]
fn empty_and_one_entry_journals() {
    let h = Home::new();
    let r = h.json(&["review"]);
    assert_eq!(r["themes"], json!([]));
    assert_eq!(r["counts"]["entries"], 0);
    assert!(h.ok(&["review"]).contains("Nothing written"));
    h.ok(&[
        "write",
        "free",
        "--answer",
        "text=The ocean, the ocean, the ocean.",
    ]);
    let r = h.json(&["review"]);
    assert_eq!(r["themes"], json!([]), "one entry cannot recur");
    assert_eq!(r["counts"]["entries"], 1);
}

#[test]
fn a_theme_that_stops_fades_and_one_that_starts_is_new_or_rising() {
    let h = Home::new();
    let r = review(
        &h,
        &journal(&Plan {
            plant: &[
                (1, "The anger at my brother."),
                (2, "Anger at my brother again."),
                (3, "Still the anger, my brother."),
                (6, "I walked to the orchard."),
                (7, "The orchard in bloom."),
                (8, "Back in the orchard."),
            ],
            sessions: 8,
            per_session: 3,
        }),
    );
    let old = theme(&r, "anger")
        .or_else(|| theme(&r, "my brother"))
        .unwrap_or_else(|| panic!("{:?}", themes(&r)));
    assert_eq!(old["trend"], "fading", "{old}");
    let new = theme(&r, "orchard").unwrap_or_else(|| panic!("{:?}", themes(&r)));
    assert!(new["trend"] == "new" || new["trend"] == "rising", "{new}");
    let text = h.ok(&["review"]);
    assert!(text.contains("Comes up less than before"), "{text}");
}

#[test]
fn stems_meet_and_show_a_form_people_wrote() {
    let h = Home::new();
    let r = review(
        &h,
        &journal(&Plan {
            plant: &[
                (1, "Tightness in the throat."),
                (2, "My throat felt tight."),
                (3, "The throat, tight again."),
            ],
            sessions: 3,
            per_session: 3,
        }),
    );
    let names = themes(&r);
    assert!(names.iter().any(|t| t == "throat"), "{names:?}");
    let tight: Vec<&String> = names.iter().filter(|t| t.starts_with("tight")).collect();
    assert!(
        tight.len() <= 1,
        "tight and tightness should meet: {names:?}"
    );
}

#[test]
fn the_text_review_fits_eighty_columns() {
    let h = Home::new();
    review(
        &h,
        &journal(&Plan {
            plant: &[
                (1, "The lighthouse again and the long grey harbour wall."),
                (2, "The lighthouse, the harbour wall."),
                (3, "lighthouse"),
                // A question of 64 characters, one more than its line holds.
                (
                    2,
                    "Why does every talk with my mother end up about her old worries?",
                ),
                // Two columns a character: cut by columns, not characters.
                (
                    3,
                    "母との 話は いつも 昔の 心配事に なってしまうのは なぜでしょうか 私は 何を 待っているのでしょうか?",
                ),
            ],
            sessions: 3,
            per_session: 3,
        }),
    );
    let text = h.ok(&["review"]);
    assert!(text.contains("Questions to bring"), "{text}");
    for line in text.lines() {
        assert!(
            columns(line) <= 80,
            "too wide ({} columns): {line}",
            columns(line)
        );
    }
    assert!(
        text.contains("Recurring themes") && text.contains("lighthouse"),
        "{text}"
    );
}

#[test]
fn a_quote_on_the_terminal_still_shows_its_theme() {
    // The theme comes at the end of a sentence longer than a terminal line.
    let long = "After the long walk along the cliffs, past the old fishing huts and \
                the empty car park, I saw the lighthouse.";
    let h = Home::new();
    let r = review(
        &h,
        &journal(&Plan {
            plant: &[(1, long), (2, long), (3, long)],
            sessions: 3,
            per_session: 3,
        }),
    );
    let quotes = theme(&r, "lighthouse").expect("a theme")["quotes"]
        .as_array()
        .unwrap()
        .clone();
    assert!(!quotes.is_empty());
    for q in &quotes {
        assert_eq!(q["text"], long, "JSON keeps the whole sentence");
    }
    let text = h.ok(&["review"]);
    // The quote lines under the lighthouse's own line.
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("  lighthouse "))
        .skip(1)
        .take_while(|l| l.starts_with("      “"))
        .collect();
    assert_eq!(lines.len(), quotes.len(), "{text}");
    for line in lines {
        assert!(line.contains("I saw the lighthouse.”"), "{line}");
        assert!(columns(line) <= 80, "{line}");
    }
}

#[test]
fn bad_review_dates_are_refused_plainly() {
    let h = Home::new();
    h.ok(&["status"]);
    let before = h.snapshot();
    let err = h.fails(&["review", "--since", "last tuesday-ish"]);
    assert!(err.contains("Could not read the date"), "{err}");
    assert_eq!(h.snapshot(), before);
}

/// The store's term index agrees with its entries: every key's count is the
/// number of entries whose packed ids hold it, no key is left at zero, and
/// (after a review) every entry is indexed.
fn assert_index_consistent(h: &Home) {
    let db = rusqlite::Connection::open(h.db()).expect("open the journal");
    let mut used: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    let mut st = db.prepare("SELECT ids FROM entry_terms").unwrap();
    let blobs: Vec<Vec<u8>> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for b in &blobs {
        // Content words (u32), then (id u32, meta u8) per term.
        for rec in b[4..].chunks_exact(5) {
            let id = u32::from_le_bytes([rec[0], rec[1], rec[2], rec[3]]);
            *used.entry(i64::from(id)).or_default() += 1;
        }
    }
    let mut st = db
        .prepare("SELECT id, key, entries FROM term_keys")
        .unwrap();
    let keys: Vec<(i64, String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        keys.len(),
        used.len(),
        "keys without entries, or ids without keys"
    );
    for (id, key, entries) in keys {
        assert_eq!(used.get(&id).copied(), Some(entries), "count of {key:?}");
    }
    let (all, indexed): (i64, i64) = db
        .query_row(
            "SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM entry_terms)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(all, indexed, "every entry is indexed after a review");
}

fn has_key(h: &Home, key: &str) -> bool {
    let db = rusqlite::Connection::open(h.db()).expect("open the journal");
    db.query_row(
        "SELECT count(*) FROM term_keys WHERE key = ?1",
        [key],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        > 0
}

#[test]
fn the_term_index_follows_new_and_deleted_entries() {
    let h = Home::new();
    let r = review(
        &h,
        &journal(&Plan {
            plant: &[
                (1, "The lighthouse again."),
                (3, "That lighthouse, calling."),
            ],
            sessions: 4,
            per_session: 3,
        }),
    );
    assert_eq!(theme(&r, "lighthouse").expect("planted")["entries"], 4);
    assert_index_consistent(&h);

    // A new entry joins the index by the next review.
    h.cmd()
        .args(["write", "free"])
        .write_stdin("The lighthouse, once more, and the violin.")
        .assert()
        .success();
    let r = h.json(&["review"]);
    let t = theme(&r, "lighthouse").expect("still there");
    assert_eq!(
        (t["entries"].clone(), t["sessions"].clone()),
        (json!(5), json!(3))
    );
    assert_index_consistent(&h);
    assert!(has_key(&h, "violin"));

    // Editing a word away takes it out of the index at once; the new words
    // join it by the next review.
    let violin = h.json(&["search", "violin", "--json"]);
    let n = violin[0]["number"].to_string();
    let ed = script::script(&h, "ed.sh", "sed -i 's/violin/cello/' \"$1\"");
    let out = script::run_with(&h, &["edit", &n], &[("VISUAL", ed.to_str().unwrap())], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!has_key(&h, "violin"), "an edited-away word stays behind");
    h.json(&["review"]);
    assert!(has_key(&h, "cello"));
    assert_index_consistent(&h);

    // Deleting every entry that used them leaves no trace in the index.
    let hits = h.json(&["search", "lighthouse", "--json"]);
    for hit in hits.as_array().unwrap() {
        let n = hit["number"].to_string();
        h.ok(&["delete", &n, "--yes"]);
    }
    assert!(
        !has_key(&h, "violin"),
        "a deleted entry's words stay behind"
    );
    assert!(!has_key(&h, "lighthous"));
    let r = h.json(&["review"]);
    assert!(theme(&r, "lighthouse").is_none(), "{:?}", themes(&r));
    assert_eq!(r["counts"]["entries"], 12 - 4);
    assert_index_consistent(&h);
}

#[test]
fn review_reads_while_another_window_holds_the_write_lock() {
    let h = Home::new();
    let doc = journal(&Plan {
        plant: &[
            (1, "The lighthouse again."),
            (3, "That lighthouse, calling."),
        ],
        sessions: 4,
        per_session: 3,
    });
    let f = h.file("j.json", &doc.to_string());
    h.ok(&["import", f.to_str().unwrap()]);
    // Written since the last review, so review would index it first.
    h.cmd()
        .args(["write", "free"])
        .write_stdin("The lighthouse, once more.")
        .assert()
        .success();
    let other = rusqlite::Connection::open(h.db()).expect("open the journal");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");

    let r = h.json(&["review"]);
    let t = theme(&r, "lighthouse").expect("found without writing");
    assert_eq!(t["entries"], 5, "the new entry counts too: {t}");
    let md = h.ok(&["export"]);
    assert!(md.contains("lighthouse"), "{md}");

    other.execute_batch("ROLLBACK").expect("release");
    drop(other);
    h.json(&["review"]);
    assert_index_consistent(&h);
}

#[test]
fn an_intention_is_reflected_on_by_an_entry_later_in_the_same_second() {
    let h = Home::new();
    let doc = json!({"format": "kapj-journal", "version": 1,
    "sessions": [{"number": 1, "at": "2026-03-01T10:00:00+00:00"}],
    "entries": [
        {"phase": "intention", "session": 1, "at": "2026-03-01T10:00:00.2+00:00",
         "answers": [{"key": "intention", "text": "Stay with what comes."}]},
        {"phase": "reflection", "session": 1, "at": "2026-03-01T10:00:00.7+00:00",
         "answers": [{"text": "It came."}]}
    ]});
    let r = review(&h, &doc);
    assert_eq!(r["last_intention"]["reflected_on"], true, "{r}");
    assert_eq!(r["last_intention"]["entries_after"], 1, "{r}");
}

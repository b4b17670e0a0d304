//! Text meets the terminal in columns, not characters: whatever a person
//! writes (CJK, emoji, combining accents, ZWJ sequences), the lines review,
//! status, list, search and actions print stay within 80 columns, and are
//! never cut inside a grapheme cluster.

use crate::common::Home;
use proptest::prelude::*;
use serde_json::{json, Value};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns on a terminal: each grapheme cluster's width, added up. Counted
/// here on its own, not with kapj's helper, so the test can disagree with it.
fn columns(line: &str) -> usize {
    line.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// What people write besides ASCII: wide CJK and Hangul, emoji with skin
/// tones, flags, ZWJ families and variation selectors, letters with
/// combining marks, a Devanagari conjunct, Thai with its vowel marks.
const CLUSTERS: &[&str] = &[
    "a",
    "e",
    "k",
    "m",
    "o",
    "r",
    "s",
    "t",
    "東",
    "京",
    "夜",
    "静",
    "悲",
    "し",
    "み",
    "心",
    "窓",
    "한",
    "글",
    "Ａ",
    "😀",
    "🧘",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🏳\u{fe0f}\u{200d}🌈",
    "❤\u{fe0f}",
    "🇯🇵",
    "e\u{301}",
    "a\u{308}\u{304}",
    "n\u{303}",
    "\u{915}\u{94d}\u{937}",
    "ที่",
    "…",
    "’",
];

fn word() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CLUSTERS), 1..12).prop_map(|w| w.concat())
}

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..16),
        prop::sample::select(&[".", "?", "!", ""][..]),
    )
        .prop_map(|(words, end)| words.join(" ") + end)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" "))
}

/// Words a theme can be made of: letters only, so the word counts as a term.
fn theme_word() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "東", "京", "悲", "し", "み", "한", "글", "e\u{301}", "n\u{303}", "o", "r",
            ][..],
        ),
        3..10,
    )
    .prop_map(|w| w.concat())
}

/// What each case writes: the words of its entries, questions and actions.
#[derive(Debug, Clone)]
struct Writing {
    theme: String,
    texts: Vec<String>,
    intention: String,
    question: String,
    actions: Vec<String>,
    feelings: Vec<String>,
}

fn writing() -> impl Strategy<Value = Writing> {
    (
        theme_word(),
        prop::collection::vec(text(), 3),
        text(),
        (text(), word()),
        prop::collection::vec(text(), 1..4),
        prop::collection::vec(word(), 1..6),
    )
        .prop_map(
            |(theme, texts, intention, (q, last), actions, feelings)| Writing {
                theme,
                texts,
                intention,
                // A question of three words or more, as review looks for.
                question: format!("{q} and {last} or why?"),
                actions,
                feelings,
            },
        )
}

/// A journal of three past sessions a week apart (the last one a week ago,
/// so status lists the open actions), the theme in every session.
fn journal(w: &Writing) -> Value {
    let mut sessions = Vec::new();
    let mut entries = Vec::new();
    for s in 0..3usize {
        let day = 1 + 7 * s;
        sessions.push(json!({"number": s + 1, "at": format!("2026-11-{day:02}T10:00:00+00:00")}));
        let at = |hour: usize| format!("2026-11-{:02}T{hour:02}:00:00+00:00", day + 1);
        let text = format!("{} {} {}.", w.texts[s], w.theme, w.texts[(s + 1) % 3]);
        entries.push(json!({"phase": "reflection", "session": s + 1, "at": at(9),
            "feelings": w.feelings, "mood": 4 + s, "private": s == 1,
            "answers": [{"key": "text", "text": text}]}));
        entries.push(json!({"phase": "meaning", "session": s + 1, "at": at(12),
            "answers": [{"key": "text", "text": format!("{} {}", w.theme, w.question)}]}));
    }
    entries.push(
        json!({"phase": "intention", "session": 3, "at": "2026-11-14T09:00:00+00:00",
        "answers": [{"key": "intention", "text": w.intention}]}),
    );
    for (i, a) in w.actions.iter().enumerate() {
        entries.push(json!({"phase": "embodiment", "session": 3,
            "at": format!("2026-11-18T{:02}:00:00+00:00", 9 + i),
            "answers": [{"key": "action", "text": a}]}));
    }
    json!({"format": "kapj-journal", "version": 1, "sessions": sessions, "entries": entries})
}

/// Every line fits 80 columns, and no cut left a cluster in pieces: each
/// line's clusters are clusters of the text written (or of kapj's own).
fn assert_fits(command: &str, out: &str) -> Result<(), TestCaseError> {
    for line in out.lines() {
        prop_assert!(
            columns(line) <= 80,
            "`kapj {}` printed a line of {} columns:\n{}",
            command,
            columns(line),
            line
        );
        for g in line.graphemes(true) {
            // A lone combining mark, joiner or selector is a cut cluster.
            let lone = g.starts_with([
                '\u{301}', '\u{303}', '\u{304}', '\u{308}', '\u{200d}', '\u{fe0f}', '\u{94d}',
            ]) || g.ends_with('\u{200d}');
            prop_assert!(
                !lone,
                "`kapj {}` cut a cluster: {:?} in\n{}",
                command,
                g,
                line
            );
        }
    }
    Ok(())
}

// Cases proptest once found failing are replayed first from
// tests/proptest-regressions/width.txt: proptest's default place for this
// file, beside the directory holding the test binary's main.rs.
proptest! {
    // Each case writes a journal and runs the binary several times.
    #![proptest_config(ProptestConfig {
        cases: 16,
        max_shrink_iters: 64,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_line_fits_eighty_columns(w in writing()) {
        let h = Home::new();
        let f = h.file("j.json", &journal(&w).to_string());
        h.ok(&["import", f.to_str().unwrap()]);
        for command in [
            &["review"][..],
            &["status"],
            &["actions"],
            &["list"],
            &["search", &w.theme],
        ] {
            assert_fits(&command.join(" "), &h.ok(command))?;
        }
    }
}

//! `kapj search QUERY`: full-text search with the list filters.

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::SearchArgs;
use crate::cmd::filter_from;
use crate::error::user;
use crate::render;
use crate::text::{first_line, width};

pub fn run(app: &mut App, a: SearchArgs) -> Result<()> {
    let f = filter_from(app, &a.filter)?;
    let input = a.query.join(" ");
    let (words, subs) = terms(&input);
    let hits = if !subs.is_empty() {
        app.store()?.search_substrings(&words, &subs, &f)?
    } else {
        // Words of spaced scripts only: the word index, with its stemming,
        // ranking and snippets.
        let query = fts_query(&input)
            .ok_or_else(|| user("Search needs at least one word or character to look for."))?;
        app.store()?.search(&query, &f)?
    };
    if app.json {
        let v: Vec<_> = hits
            .iter()
            .map(|h| {
                let mut j = render::entry_json(&h.entry);
                j["snippet"] = json!(h.snippet.replace(['\u{2}', '\u{3}'], ""));
                j
            })
            .collect();
        app.json_out(&json!(v));
        return Ok(());
    }
    if hits.is_empty() {
        app.line("Nothing found.");
        return Ok(());
    }
    for h in &hits {
        let line = render::entry_line(app, &h.entry, |room| {
            let snippet = fit_snippet(&h.snippet, room);
            if app.color {
                snippet
                    .replace('\u{2}', "\x1b[1m")
                    .replace('\u{3}', "\x1b[0m")
            } else {
                snippet.replace(['\u{2}', '\u{3}'], "")
            }
        });
        app.line(line);
    }
    Ok(())
}

/// A snippet cut to `room` columns around its first match (marked
/// \u{2}…\u{3}; the marks take no column): the words before the match go
/// first, so the line still shows what was found.
fn fit_snippet(snippet: &str, room: usize) -> String {
    let flat = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
    if width(&flat) <= room {
        return flat;
    }
    let words: Vec<&str> = flat.split(' ').collect();
    let at = words.iter().position(|w| w.contains('\u{2}')).unwrap_or(0);
    // Keep as much before the match as takes half the room at most.
    let mut start = at;
    while start > 0 && width(&words[start - 1..=at].join(" ")) <= room / 2 {
        start -= 1;
    }
    let lead = if start > 0 && !words[start].starts_with('…') {
        "…"
    } else {
        ""
    };
    let mut cut = format!(
        "{lead}{}",
        first_line(&words[start..].join(" "), room.saturating_sub(width(lead)))
    );
    if cut.matches('\u{2}').count() > cut.matches('\u{3}').count() {
        cut.push('\u{3}');
    }
    cut
}

/// Turns what a person typed into an FTS5 query of plain words (each quoted,
/// so quotes, stars and operators in the input are just text).
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Characters that words are not separated from by spaces (Chinese,
/// Japanese, Korean with its attached particles, Thai, Lao, Khmer, Myanmar)
/// and symbols such as emoji: a query holding one is looked for as a
/// substring, since the word index does not split (or keep) them.
pub(crate) fn substring_char(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x0E00..=0x0EFF        // Thai, Lao
        | 0x1000..=0x109F      // Myanmar
        | 0x1100..=0x11FF      // Hangul Jamo
        | 0x1780..=0x17FF      // Khmer
        | 0x2E80..=0x2FDF      // CJK radicals
        | 0x3040..=0x31FF      // Hiragana, Katakana, Bopomofo, Hangul compatibility
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xA960..=0xA97F      // Hangul Jamo extended
        | 0xAC00..=0xD7FF      // Hangul syllables
        | 0xF900..=0xFAFF      // CJK compatibility ideographs
        | 0xFF66..=0xFFDC      // halfwidth Katakana and Hangul
        | 0x20000..=0x3FFFF    // CJK extensions
        | 0x200D | 0xFE0E | 0xFE0F | 0x20E3 // emoji joiners and selectors
    ) || (u >= 0x2100
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !matches!(u, 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF65))
}

/// What separates terms in a query: spaces and punctuation (ASCII, general,
/// CJK and full-width).
fn separator(c: char) -> bool {
    !c.is_alphanumeric() && !substring_char(c) && c != '\'' && c != '’'
}

/// Splits a query into whole words (for the word index) and substrings
/// (runs holding a character the word index does not split or keep).
pub fn terms(input: &str) -> (Vec<String>, Vec<String>) {
    let mut words = Vec::new();
    let mut subs = Vec::new();
    for run in input.split(separator) {
        let run = run.trim_matches(['\'', '’']);
        if run.is_empty() {
            continue;
        }
        if run.chars().any(substring_char) {
            if !subs.iter().any(|s| s == run) {
                subs.push(run.to_string());
            }
        } else {
            words.push(run.to_string());
        }
    }
    // The longest first: it is the most selective, and its place makes the snippet.
    subs.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    (words, subs)
}

#[cfg(test)]
mod tests {
    use super::{fit_snippet, fts_query, terms, width};

    #[test]
    fn a_long_snippet_is_cut_around_its_match() {
        let snippet = "…the long walk along the cliffs, past the old huts and the car park, I saw the \u{2}lighthouse\u{3}. Then I…";
        let cut = fit_snippet(snippet, 38);
        assert_eq!(cut, "…saw the \u{2}lighthouse\u{3}. Then I…");
        assert!(width(&cut) <= 38, "{cut}");
        // A match too wide for the room is cut, and its mark closed.
        let cut = fit_snippet(
            "\u{2}悲しみ悲しみ悲しみ悲しみ悲しみ悲しみ悲しみ\u{3} ok",
            20,
        );
        assert!(width(&cut) <= 20, "{cut}");
        assert!(cut.ends_with("…\u{3}"), "{cut:?}");
        assert_eq!(
            fit_snippet("short \u{2}one\u{3}", 38),
            "short \u{2}one\u{3}"
        );
    }

    #[test]
    fn cjk_and_emoji_are_substrings_and_punctuation_separates() {
        let (w, s) = terms("海の音、父 🌊 father's");
        assert_eq!(w, ["father's"]);
        assert_eq!(s, ["海の音", "父", "🌊"]);
        assert_eq!(terms("🧘‍♀️").1, ["🧘‍♀️"]);
        assert_eq!(terms("café, über").0, ["café", "über"]);
        assert_eq!(terms(" — … ").0.len() + terms(" — … ").1.len(), 0);
    }

    #[test]
    fn operators_are_plain_words() {
        assert_eq!(
            fts_query("chest OR \"tight*"),
            Some("\"chest\" \"OR\" \"tight\"".into())
        );
        assert_eq!(fts_query("  ()  "), None);
    }
}

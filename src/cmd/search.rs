//! `kapj search QUERY`: full-text search with the list filters.

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::SearchArgs;
use crate::cmd::filter_from;
use crate::error::user;
use crate::render;

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
        let flat = h.snippet.split_whitespace().collect::<Vec<_>>().join(" ");
        let snippet = if app.color {
            flat.replace('\u{2}', "\x1b[1m").replace('\u{3}', "\x1b[0m")
        } else {
            flat.replace(['\u{2}', '\u{3}'], "")
        };
        let line = super::list::line_for(app, &h.entry, &snippet);
        app.line(line);
    }
    Ok(())
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
fn substring_char(c: char) -> bool {
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
    use super::{fts_query, terms};

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

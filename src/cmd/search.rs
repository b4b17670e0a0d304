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
    let query = fts_query(&a.query.join(" "))
        .ok_or_else(|| user("Search needs at least one word to look for."))?;
    let hits = app.store()?.search(&query, &f)?;
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

#[cfg(test)]
mod tests {
    use super::{fit_snippet, fts_query, width};

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
    fn operators_are_plain_words() {
        assert_eq!(
            fts_query("chest OR \"tight*"),
            Some("\"chest\" \"OR\" \"tight\"".into())
        );
        assert_eq!(fts_query("  ()  "), None);
    }
}

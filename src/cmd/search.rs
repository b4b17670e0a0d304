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
        let flat = h.snippet.split_whitespace().collect::<Vec<_>>().join(" ");
        let snippet = if app.color {
            flat.replace('\u{2}', "\x1b[1m").replace('\u{3}', "\x1b[0m")
        } else {
            flat.replace(['\u{2}', '\u{3}'], "")
        };
        let line = render::entry_line(app, &h.entry, &snippet);
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

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn operators_are_plain_words() {
        assert_eq!(
            fts_query("chest OR \"tight*"),
            Some("\"chest\" \"OR\" \"tight\"".into())
        );
        assert_eq!(fts_query("  ()  "), None);
    }
}

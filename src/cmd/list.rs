//! `kapj list`: entries, newest first.

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::ListArgs;
use crate::cmd::filter_from;
use crate::domain::Entry;
use crate::render;

pub fn run(app: &mut App, a: ListArgs) -> Result<()> {
    let f = filter_from(app, &a.filter)?;
    let entries = app.store()?.entries(&f)?;
    if app.json {
        app.json_out(&json!(entries
            .iter()
            .map(render::entry_json)
            .collect::<Vec<_>>()));
        return Ok(());
    }
    if entries.is_empty() {
        app.line("No entries match.");
        return Ok(());
    }
    for e in &entries {
        let line = line_for(app, e, &render::first_line(&e.text(), 44));
        app.line(line);
    }
    Ok(())
}

/// One line per entry: number, time, phase, session, and a glimpse of the text.
pub fn line_for(app: &App, e: &Entry, glimpse: &str) -> String {
    let session = e
        .session
        .map(|n| format!("s{n}"))
        .unwrap_or_else(|| "–".into());
    let private = if e.private { " (private)" } else { "" };
    format!(
        "{:>5}  {}  {:<10} {:>4}  {glimpse}{}",
        e.number,
        app.dim(&render::day_time(e.at)),
        e.phase.key(),
        session,
        private
    )
}

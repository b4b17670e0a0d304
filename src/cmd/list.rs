//! `kapj list`: entries, newest first.

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::ListArgs;
use crate::cmd::filter_from;
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
        let line = render::entry_line(app, e, |room| render::first_line(&e.text(), room));
        app.line(line);
    }
    Ok(())
}

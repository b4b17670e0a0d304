//! `kapj show ID`: one entry in full.

use anyhow::Result;

use crate::app::App;
use crate::cmd::find_entry;
use crate::domain::Entry;
use crate::render;

pub fn run(app: &mut App, id: &str) -> Result<()> {
    let e = find_entry(app, id)?;
    if app.json {
        app.json_out(&render::entry_json(&e));
        return Ok(());
    }
    print(app, &e);
    Ok(())
}

pub fn print(app: &mut App, e: &Entry) {
    let session = e
        .session
        .map(|n| format!(" · session {n}"))
        .unwrap_or_default();
    app.line(app.bold(&format!(
        "Entry {} · {}{session} · {}",
        e.number,
        e.phase.label(),
        render::long_time(e.at)
    )));
    let mut facts = Vec::new();
    if let Some(m) = e.mood {
        facts.push(format!("mood {m}/10"));
    }
    if !e.feelings.is_empty() {
        facts.push(format!("feelings: {}", e.feelings.join(", ")));
    }
    if !e.tags.is_empty() {
        facts.push(format!("tags: {}", e.tags.join(", ")));
    }
    if e.private {
        facts.push("private".into());
    }
    if !facts.is_empty() {
        app.line(app.dim(&facts.join(" · ")));
    }
    for a in &e.answers {
        app.line("");
        if !a.prompt.is_empty() {
            app.line(app.bold(&a.prompt));
        }
        app.line(&a.text);
    }
}

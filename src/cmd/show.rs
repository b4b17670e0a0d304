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

/// At a terminal, words wrap at the window's edge instead of being broken
/// there; elsewhere the text is written as it is.
pub fn print(app: &mut App, e: &Entry) {
    let session = e
        .session
        .map(|n| format!(" · session {n}"))
        .unwrap_or_default();
    let head = format!(
        "Entry {} · {}{session} · {}",
        e.number,
        e.phase.label(),
        render::long_time(e.at)
    );
    for l in wrapped(&head, app.window_columns()) {
        app.line(app.bold(&l));
    }
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
        app.para(app.dim(&facts.join(" · ")));
    }
    let cols = app.window_columns();
    for a in &e.answers {
        app.line("");
        if !a.prompt.is_empty() {
            for l in wrapped(&a.prompt, cols) {
                app.line(app.bold(&l));
            }
        }
        for l in wrapped(&a.text, cols) {
            app.line(l);
        }
    }
}

/// `text`'s lines, each wrapped at spaces to `cols` when there is a window.
fn wrapped(text: &str, cols: Option<usize>) -> Vec<String> {
    match cols {
        None => vec![text.to_string()],
        Some(cols) => text
            .lines()
            .flat_map(|l| crate::text::wrap_words(l, cols))
            .collect(),
    }
}

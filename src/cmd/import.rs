//! `kapj import FILE`: all or nothing, merged by id.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::app::App;
use crate::error::user_hint;
use crate::journal;
use crate::render;
use crate::store::{plain_io, EntryExtras};

pub fn run(app: &mut App, file: &Path) -> Result<()> {
    let text = std::fs::read(file).map_err(|e| {
        user_hint(
            format!("Could not read {}: {}.", file.display(), plain_io(&e)),
            "Check the path; nothing was imported.",
        )
    })?;
    let text = String::from_utf8(text).map_err(|_| {
        user_hint(
            format!("Could not import {}: it is not UTF-8 text.", file.display()),
            "Nothing was imported.",
        )
    })?;
    let doc = journal::parse(&text).map_err(|why| {
        user_hint(
            format!("Could not import {}: {why}.", file.display()),
            "Nothing was imported.",
        )
    })?;
    let now = app.clock.now();
    // Each newly imported entry passes through EntryExtras::for_entry; whether any of
    // them would have raised the safety note is noticed on the way, once,
    // and kept nowhere.
    let raised = std::cell::Cell::new(false);
    let c = app.store()?.import(&doc, now, |e| {
        if !raised.get() {
            let text: Vec<&str> = e.answers.iter().map(|a| a.text.as_str()).collect();
            raised.set(crate::care::safety::assess(&text.join("\n")).is_some());
        }
        EntryExtras::for_entry(e)
    })?;
    let mut line = format!(
        "Imported {} and {}",
        render::count(c.entries, "entry", "entries"),
        render::count(c.sessions, "new session", "new sessions")
    );
    if c.actions > 0 {
        let _ = write!(line, ", {}", render::count(c.actions, "action", "actions"));
    }
    if c.checks > 0 {
        let _ = write!(
            line,
            ", {}",
            render::count(c.checks, "self-check", "self-checks")
        );
    }
    if c.theme_choices > 0 {
        let _ = write!(
            line,
            ", {}",
            render::count(c.theme_choices, "theme choice", "theme choices")
        );
    }
    if c.decisions > 0 {
        let _ = write!(
            line,
            ", {}",
            render::count(c.decisions, "decision", "decisions")
        );
    }
    line.push('.');
    if c.entries_present > 0 {
        let _ = write!(
            line,
            " {} already in the journal.",
            render::count(c.entries_present, "entry was", "entries were")
        );
    }
    app.line(line);
    if raised.get() {
        app.line(crate::care::safety::imported_line());
    }
    Ok(())
}

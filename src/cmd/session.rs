//! `kapj session add|list|show`.

use anyhow::Result;
use serde_json::json;
use std::fmt::Write as _;

use crate::app::App;
use crate::cli::{SessionAddArgs, SessionCommand};
use crate::cmd::{parse_when, session_number};
use crate::domain::Filter;
use crate::render;

pub fn run(app: &mut App, c: SessionCommand) -> Result<()> {
    match c {
        SessionCommand::Add(a) => add(app, a),
        SessionCommand::List => list(app),
        SessionCommand::Show(a) => show(app, &a.number),
    }
}

fn add(app: &mut App, a: SessionAddArgs) -> Result<()> {
    let at = match &a.at {
        Some(w) => parse_when(w, &app.clock)?.at(&app.clock),
        None => app.clock.now(),
    };
    let clean = |s: &Option<String>| s.as_deref().unwrap_or("").trim().to_string();
    let store = app.store()?;
    let row = store.add_session(
        None,
        at,
        &clean(&a.note),
        &clean(&a.setting),
        &clean(&a.dose),
    )?;
    let number = store.session_by_row(row)?.map(|s| s.number).unwrap_or(0);
    let now = app.clock.now();
    let when = render::relative(now, at);
    app.line(format!(
        "Recorded session {number} on {} ({when}).",
        render::long_time(at)
    ));
    let due = super::due::compute(app)?.due;
    if at > now && due.session != Some(number) {
        // A session still inside its window comes first (see `due`); the
        // planned one can have its intention whenever the person likes.
        app.line("When you are ready, you could set an intention for it: kapj write intention");
    }
    if let Some(hint) = super::due::hint(&due) {
        app.line(hint);
    }
    // At a terminal only: an offer, never a file written unasked.
    if crate::app::interactive() && !app.json {
        if let Some(offer) = super::remind_ics::offer(app, number)? {
            app.line(offer);
        }
    }
    Ok(())
}

fn list(app: &mut App) -> Result<()> {
    let sessions = app.store()?.sessions()?;
    let entries = app.store()?.entry_heads(&Filter {
        include_private: true,
        ..Filter::default()
    })?;
    let count = |n: i64| entries.iter().filter(|e| e.session == Some(n)).count();
    if app.json {
        let v: Vec<_> = sessions
            .iter()
            .map(|s| {
                let mut j = render::session_json(s);
                j["entries"] = json!(count(s.number));
                j
            })
            .collect();
        app.json_out(&json!(v));
        return Ok(());
    }
    if sessions.is_empty() {
        app.line("No sessions yet. Record one with: kapj session add --at \"YYYY-MM-DD HH:MM\"");
        return Ok(());
    }
    let now = app.clock.now();
    for s in &sessions {
        let planned = if s.at > now { "  (planned)" } else { "" };
        let mut line = format!(
            "{:>3}  {}  {}{planned}",
            s.number,
            render::day_time(s.at),
            render::count(count(s.number), "entry", "entries")
        );
        for (label, v) in [
            ("setting", &s.setting),
            ("dose", &s.dose),
            ("note", &s.note),
        ] {
            if !v.is_empty() {
                let _ = write!(line, "  {label}: {}", render::first_line(v, 30));
            }
        }
        let fitted = crate::text::shorten(&line, app.line_columns());
        app.line(fitted);
    }
    Ok(())
}

fn show(app: &mut App, n: &str) -> Result<()> {
    let (s, _) = session_number(app, n)?;
    let entries = app.store()?.entries(&Filter {
        session: Some(s.number),
        include_private: true,
        ..Filter::default()
    })?;
    if app.json {
        let mut v = render::session_json(&s);
        let mut list: Vec<_> = entries.iter().map(render::entry_json).collect();
        list.reverse();
        v["entries"] = json!(list);
        app.json_out(&v);
        return Ok(());
    }
    app.line(app.bold(&format!(
        "Session {} — {}",
        s.number,
        render::long_time(s.at)
    )));
    for (label, v) in [
        ("Setting", &s.setting),
        ("Dose", &s.dose),
        ("Note", &s.note),
    ] {
        if !v.is_empty() {
            app.para(format!("{label}: {v}"));
        }
    }
    if entries.is_empty() {
        app.line("No entries for this session yet.");
    }
    for e in entries.iter().rev() {
        let head = format!(
            "{:>5}  {}  {:<10}  ",
            e.number,
            render::day_time(e.at),
            e.phase.key()
        );
        let room = app.line_columns().saturating_sub(crate::text::width(&head));
        app.line(format!("{head}{}", render::first_line(&e.text(), room)));
    }
    Ok(())
}

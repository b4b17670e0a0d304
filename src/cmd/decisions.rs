//! `kapj decisions [list | done ID]`: the big decisions kapj noted in the
//! days after a session (see [`crate::decision_note`]), and marking one
//! settled so it leaves the list and review.

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::{DecisionsArgs, DecisionsCommand};
use crate::cmd::{by_number_or_id, Lookup};
use crate::render;

pub fn run(app: &mut App, a: DecisionsArgs) -> Result<()> {
    match a.command.unwrap_or(DecisionsCommand::List { all: a.all }) {
        DecisionsCommand::List { all } => list(app, all || a.all),
        DecisionsCommand::Done { id } => settle(app, &id),
    }
}

fn list(app: &mut App, all: bool) -> Result<()> {
    let decisions = app.store()?.decisions(all)?;
    if app.json {
        app.json_out(&json!(decisions
            .iter()
            .map(render::decision_json)
            .collect::<Vec<_>>()));
        return Ok(());
    }
    if decisions.is_empty() {
        let on = crate::settings::enabled(app.store()?, crate::decision_note::SETTING)?;
        app.para(match (on, all) {
            (false, _) => "No decisions noted. Noting them is off; `kapj settings notes.decisions on` turns it back on.",
            (true, true) => "No decisions noted yet. When an entry in the two weeks after a session weighs a big decision, kapj keeps the sentence here.",
            (true, false) => "No decisions you are weighing. When an entry in the two weeks after a session weighs a big decision, kapj keeps the sentence here.",
        });
        return Ok(());
    }
    for d in &decisions {
        let state = if d.settled_at.is_some() {
            "  [settled]"
        } else {
            ""
        };
        let session = d
            .session
            .map(|n| format!(", session {n}"))
            .unwrap_or_default();
        let head = format!("{:>4}  {}  ", d.number, render::day(d.at));
        let mut tail = format!("  (entry {}{session})", d.entry_number);
        // The quotation marks, and the tail; in a narrow window the
        // sentence keeps the room and the tail gives way.
        let used = crate::text::width(&head) + 2 + state.len();
        let mut room = render::room(app, used + crate::text::width(&tail), 44);
        if room < 30 {
            tail.clear();
            room = render::room(app, used, 44);
        }
        app.line(format!(
            "{head}“{}”{state}{}",
            render::first_line(&d.sentence, room),
            app.dim(&tail)
        ));
    }
    Ok(())
}

fn settle(app: &mut App, id: &str) -> Result<()> {
    let store = app.store()?;
    let d = by_number_or_id(
        id,
        &Lookup {
            what: "decision",
            numbers: "`kapj decisions --all`",
            ids: "`kapj --json decisions list --all`",
        },
        |n| store.decision(n),
        |prefix| store.decisions_by_id_prefix(prefix),
    )?;
    let n = d.number;
    let text = render::first_line(&d.sentence, 60);
    if d.settled_at.is_some() {
        app.para(format!("Decision {n} is already settled: “{text}”"));
        return Ok(());
    }
    let now = app.clock.now();
    app.store()?.settle_decision(n, now)?;
    app.para(format!(
        "Marked settled (it leaves the list and review): “{text}”"
    ));
    Ok(())
}

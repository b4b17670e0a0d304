//! `kapj decisions [list | done N]`: the big decisions kapj noted in the
//! days after a session (see [`crate::decision_note`]), and marking one
//! settled so it leaves the list and review.

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::{DecisionsArgs, DecisionsCommand};
use crate::cmd::parse_number;
use crate::error::user_hint;
use crate::render;

pub fn run(app: &mut App, a: DecisionsArgs) -> Result<()> {
    match a.command.unwrap_or(DecisionsCommand::List { all: a.all }) {
        DecisionsCommand::List { all } => list(app, all || a.all),
        DecisionsCommand::Done { number } => settle(app, &number),
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
        app.line(format!(
            "{:>4}  {}  “{}”{state}  {}",
            d.number,
            render::day(d.at),
            render::first_line(&d.sentence, 44),
            app.dim(&format!("(entry {}{session})", d.entry_number))
        ));
    }
    Ok(())
}

fn settle(app: &mut App, number: &str) -> Result<()> {
    let n = parse_number(number, "decision")?;
    let d = app.store()?.decision(n)?.ok_or_else(|| {
        user_hint(
            format!("There is no decision {n}."),
            "`kapj decisions --all` lists them with their numbers.",
        )
    })?;
    let text = render::first_line(&d.sentence, 60);
    if d.settled_at.is_some() {
        app.line(format!("Decision {n} is already settled: “{text}”"));
        return Ok(());
    }
    let now = app.clock.now();
    app.store()?.settle_decision(n, now)?;
    app.line(format!(
        "Marked settled (it leaves the list and review): “{text}”"
    ));
    Ok(())
}

//! `kapj actions [list | done ID | drop ID]`.

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::{ActionsArgs, ActionsCommand};
use crate::cmd::parse_number;
use crate::domain::ActionState;
use crate::error::user_hint;
use crate::render;

pub fn run(app: &mut App, a: ActionsArgs) -> Result<()> {
    match a.command.unwrap_or(ActionsCommand::List { all: false }) {
        ActionsCommand::List { all } => list(app, all),
        ActionsCommand::Done { id } => close(app, &id, ActionState::Done),
        ActionsCommand::Drop { id } => close(app, &id, ActionState::Dropped),
    }
}

fn list(app: &mut App, all: bool) -> Result<()> {
    let actions = app.store()?.actions(all)?;
    if app.json {
        app.json_out(&json!(actions
            .iter()
            .map(render::action_json)
            .collect::<Vec<_>>()));
        return Ok(());
    }
    if actions.is_empty() {
        app.line(
            "No open actions. The embodiment phase asks for one small step: kapj write embodiment",
        );
        return Ok(());
    }
    let now = app.clock.now();
    for a in &actions {
        let state = match a.state {
            ActionState::Open => String::new(),
            s => format!("  [{}]", s.key()),
        };
        app.line(format!(
            "{:>4}  {:<8}  {}{state}  {}",
            a.number,
            render::age_days(now, a.at),
            render::first_line(&a.text, 52),
            app.dim(&format!("(entry {})", a.entry_number))
        ));
    }
    Ok(())
}

fn close(app: &mut App, id: &str, state: ActionState) -> Result<()> {
    let n = parse_number(id, "action")?;
    let now = app.clock.now();
    let store = app.store()?;
    let a = store.action(n)?.ok_or_else(|| {
        user_hint(
            format!("There is no action {n}."),
            "`kapj actions` lists them with their numbers.",
        )
    })?;
    store.set_action_state(n, state, Some(now))?;
    let text = render::first_line(&a.text, 60);
    app.line(match state {
        ActionState::Done => format!("Marked done: {text}"),
        _ => format!("Let go of: {text}"),
    });
    Ok(())
}

//! `kapj actions [list | add TEXT | edit ID [TEXT] | done ID | drop ID]`.

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::{ActionsArgs, ActionsCommand};
use crate::cmd::{parse_number, session_number};
use crate::domain::{Action, ActionState};
use crate::error::user_hint;
use crate::render;
use crate::text::width;

pub fn run(app: &mut App, a: ActionsArgs) -> Result<()> {
    match a.command.unwrap_or(ActionsCommand::List { all: a.all }) {
        ActionsCommand::List { all } => list(app, all || a.all),
        ActionsCommand::Add { text, session } => add(app, &text, session.as_deref()),
        ActionsCommand::Edit { id, text } => edit(app, &id, &text),
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
        app.line(if all {
            "No actions yet. The embodiment phase asks for one small step: kapj write embodiment"
        } else {
            "No open actions. The embodiment phase asks for one small step: kapj write embodiment"
        });
        return Ok(());
    }
    let now = app.clock.now();
    for a in &actions {
        let state = match a.state {
            ActionState::Open => String::new(),
            s => format!("  [{}]", s.key()),
        };
        let head = format!("{:>4}  {:<8}  ", a.number, render::age_days(now, a.at));
        let entry = match (a.entry_number, a.session) {
            (Some(n), _) => format!("(entry {n})"),
            (None, Some(s)) => format!("(session {s})"),
            (None, None) => "(added)".to_string(),
        };
        let room = app
            .line_columns()
            .saturating_sub(width(&head) + width(&state) + 2 + width(&entry));
        app.line(format!(
            "{head}{}{state}  {}",
            render::first_line(&a.text, room),
            app.dim(&entry)
        ));
    }
    Ok(())
}

/// An action by the number `kapj actions` shows, or by the id that
/// `actions list --json` shows, or any prefix of it that fits one action.
/// Digits alone are always a number: a mistyped number must never mark
/// whichever action's id happens to start with it.
fn find(app: &mut App, id: &str) -> Result<Action> {
    let id = id.trim();
    let store = app.store()?;
    let digits = id.trim_start_matches('#');
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        let n = parse_number(id, "action")?;
        return store.action(n)?.ok_or_else(|| {
            user_hint(
                format!("There is no action {n}."),
                "`kapj actions` lists them with their numbers.",
            )
        });
    }
    let looks_like_id = id.starts_with(|c: char| c.is_ascii_hexdigit())
        && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    if !looks_like_id {
        return Err(user_hint(
            format!("\"{id}\" is not an action number or id."),
            "`kapj actions` lists them with their numbers; `kapj --json actions list` shows their ids.",
        ));
    }
    let mut found = store.actions_by_id_prefix(id)?;
    match found.len() {
        0 => Err(user_hint(
            format!("There is no action whose id starts with \"{id}\"."),
            "`kapj --json actions list --all` shows every action's id.",
        )),
        1 => Ok(found.pop().expect("one")),
        _ => Err(user_hint(
            format!("More than one action has an id starting with \"{id}\"."),
            "Type a few more characters of the id, or use the number `kapj actions` shows.",
        )),
    }
}

fn close(app: &mut App, id: &str, state: ActionState) -> Result<()> {
    let a = find(app, id)?;
    let text = render::first_line(&a.text, 60);
    if a.state == state {
        // Nothing to change; the first time it was marked stays the record.
        app.line(match state {
            ActionState::Done => format!("Action {} is already done: {text}", a.number),
            _ => format!("Action {} was already let go: {text}", a.number),
        });
        return Ok(());
    }
    let now = app.clock.now();
    app.store()?.set_action_state(a.number, state, Some(now))?;
    app.line(match state {
        ActionState::Done => format!("Marked done: {text}"),
        _ => format!("Let go of: {text}"),
    });
    Ok(())
}

/// An action's words from the command line: several words are one text,
/// and there must be some.
fn words(text: &[String]) -> Option<String> {
    let joined = text.join(" ");
    let t = joined.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn add(app: &mut App, text: &[String], session: Option<&str>) -> Result<()> {
    let Some(text) = words(text) else {
        return Err(user_hint(
            "An action needs a few words; nothing was added.",
            "For example: kapj actions add \"Walk by the sea on Sunday\"",
        ));
    };
    let now = app.clock.now();
    let session = match session {
        Some(n) => Some(session_number(app, n)?),
        None => app.store()?.session_at_or_before(now)?,
    };
    let store = app.store()?;
    let number = store.add_action(&text, session.as_ref().map(|(_, row)| *row), now)?;
    let place = match &session {
        Some((s, _)) => format!(" (session {})", s.number),
        None => String::new(),
    };
    let line = format!(
        "Added action {number}{place}: {}",
        render::first_line(&text, 60)
    );
    app.para(line);
    app.para("`kapj actions` lists it; `kapj actions done N` marks it done when it is.");
    Ok(())
}

fn edit(app: &mut App, id: &str, text: &[String]) -> Result<()> {
    let a = find(app, id)?;
    let new = if text.is_empty() {
        let edited = match crate::editor::edit(&app.home, &format!("{}\n", a.text))? {
            Ok(t) => t,
            Err(f) => {
                return Err(user_hint(
                    format!("{}, so the action was not changed.", capitalised(&f.why)),
                    "Set VISUAL or EDITOR to an editor that works here, or give the words: kapj actions edit N \"TEXT\"",
                ))
            }
        };
        // Lines are one action: an editor's line breaks become spaces.
        edited.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text.join(" ").trim().to_string()
    };
    if new.is_empty() {
        return Err(user_hint(
            format!(
                "An action needs a few words; action {} was not changed.",
                a.number
            ),
            format!("To let it go instead: kapj actions drop {}", a.number),
        ));
    }
    if new == a.text {
        app.para(format!(
            "Action {} is unchanged: {}",
            a.number,
            render::first_line(&a.text, 60)
        ));
        return Ok(());
    }
    app.store()?.set_action_text(a.number, &new)?;
    app.para(format!(
        "Action {} now reads: {}",
        a.number,
        render::first_line(&new, 60)
    ));
    Ok(())
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

//! `kapj drafts [list | discard N]`: the unfinished entries, numbered
//! newest first (the same order `write --resume` offers them in).

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use serde_json::{json, Value};

use crate::app::{interactive, App};
use crate::cli::{DraftsArgs, DraftsCommand};
use crate::cmd::parse_number;
use crate::drafts::Draft;
use crate::error::{user, user_hint};
use crate::render;

pub fn run(app: &mut App, a: DraftsArgs) -> Result<()> {
    match a.command.unwrap_or(DraftsCommand::List) {
        DraftsCommand::List => list(app),
        DraftsCommand::Discard { number, yes } => discard(app, &number, yes),
    }
}

fn list(app: &mut App) -> Result<()> {
    let drafts = app.drafts()?;
    let now = app.clock.now();
    if app.json {
        let v: Vec<Value> = drafts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut v = summary_json(i + 1, d);
                v["answers"] = d
                    .answers
                    .iter()
                    .map(|a| json!({"key": a.key, "prompt": a.prompt, "text": a.text}))
                    .collect();
                // The answer being typed when writing stopped.
                v["typing"] = d
                    .typing
                    .as_ref()
                    .map_or(Value::Null, |t| json!({"key": t.key, "text": t.text}));
                v
            })
            .collect();
        app.json_out(&Value::Array(v));
        return Ok(());
    }
    if drafts.is_empty() {
        app.line("No unfinished entries.");
        return Ok(());
    }
    for (i, d) in drafts.iter().enumerate() {
        app.para(format!("{:>3}  {}", i + 1, describe(d, now)));
        if let Some(first) = d.first_words() {
            app.line(format!("     {}", render::first_line(first, 60)));
        }
    }
    app.line("");
    app.para("`kapj write --resume` continues one (`kapj edit N` an edit); `kapj drafts discard N` lets one go.");
    Ok(())
}

fn discard(app: &mut App, number: &str, yes: bool) -> Result<()> {
    let n = parse_number(number, "draft")?;
    let drafts = app.drafts()?;
    let d = drafts.into_iter().nth(n as usize - 1).ok_or_else(|| {
        user_hint(
            format!("There is no draft {n}."),
            "`kapj drafts` lists them.",
        )
    })?;
    let what = format!("draft {n} ({})", describe(&d, app.clock.now()));
    if !yes && d.has_words() {
        if !interactive() {
            return Err(user_hint(
                format!("Discarding {what} needs a confirmation."),
                "Run it in a terminal to be asked, or add --yes.",
            ));
        }
        // The long part above, the prompt short (see term_text).
        crate::term_text::eprint_wrapped("Its words cannot be brought back once discarded.", "");
        let ok = dialoguer::Confirm::new()
            .with_prompt(format!("Discard draft {n}?"))
            .default(false)
            .wait_for_newline(true)
            .interact()
            .map_err(|_| user("Nothing was discarded."))?;
        if !ok {
            app.line("Nothing was discarded.");
            return Ok(());
        }
    }
    std::fs::remove_file(&d.path).map_err(|e| {
        user(format!(
            "Could not remove {}: {}.",
            d.path.display(),
            crate::store::plain_io(&e)
        ))
    })?;
    app.line(format!("Discarded {what}."));
    Ok(())
}

fn saved_at(d: &Draft) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(&d.saved_at).ok()
}

/// "immediate reflection, 2 of its answers, last written 3 hours ago".
pub fn describe(d: &Draft, now: DateTime<FixedOffset>) -> String {
    let words = match d.answered() {
        0 => "no answers yet".to_string(),
        n => render::count(n, "answer", "answers"),
    };
    let what = match d.edit_of {
        Some(n) => format!("edit of entry {n} ({})", d.phase.label()),
        None => format!("{}, {words}", d.phase.label()),
    };
    match saved_at(d) {
        Some(t) => format!("{what}, last written {}", render::relative(now, t)),
        None => what,
    }
}

/// One short menu line: "reflection · 2 answers · 3 hours ago · buzzing hands…".
pub fn short(d: &Draft, now: DateTime<FixedOffset>) -> String {
    let mut parts = vec![
        d.phase.key().to_string(),
        render::count(d.answered(), "answer", "answers"),
    ];
    if let Some(t) = saved_at(d) {
        parts.push(render::relative(now, t));
    }
    if let Some(first) = d.first_words() {
        parts.push(render::first_line(first, 40));
    }
    parts.join(" · ")
}

/// What `status --json` and `drafts --json` say about a draft (no text).
pub fn summary_json(number: usize, d: &Draft) -> Value {
    json!({
        "number": number,
        "phase": d.phase.key(),
        "session": d.session,
        "at": d.at,
        "saved_at": d.saved_at,
        "answered": d.answered(),
        "edit_of": d.edit_of,
    })
}

/// The one calm line `kapj` and `kapj status` give about unfinished entries.
pub fn status_line(drafts: &[Draft], now: DateTime<FixedOffset>) -> Option<String> {
    let newest = drafts.first()?;
    let age = saved_at(newest)
        .map(|t| format!(", last written {}", render::relative(now, t)))
        .unwrap_or_default();
    Some(match (drafts.len(), newest.edit_of) {
        (1, Some(n)) => format!(
            "An unfinished edit of entry {n} is waiting{age}: `kapj edit {n}` continues it."
        ),
        (1, None) => format!(
            "An unfinished {} entry is waiting{age}: `kapj write --resume` continues it.",
            newest.phase.label()
        ),
        (n, edit_of) => {
            let what = match edit_of {
                Some(e) => format!("an edit of entry {e}"),
                None => newest.phase.label().to_string(),
            };
            format!("{n} unfinished entries are waiting (the newest: {what}{age}): `kapj drafts` lists them.")
        }
    })
}

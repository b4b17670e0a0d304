//! `kapj check phq9|gad7|list`: optional self-check measures, kept over time.

use anyhow::Result;
use dialoguer::Select;
use serde_json::json;

use crate::app::{interactive, App};
use crate::care::measures::{self, Measure};
use crate::cli::CheckArgs;
use crate::error::{user, user_hint, UserError};
use crate::render;
use crate::term_text::eprint_wrapped;

pub fn run(app: &mut App, a: CheckArgs) -> Result<()> {
    let which = a.measure.as_deref().unwrap_or("list");
    if which.eq_ignore_ascii_case("list") {
        return list(app);
    }
    let m = Measure::parse(which).ok_or_else(|| {
        user_hint(
            format!("\"{which}\" is not a self-check kapj knows."),
            "Use phq9, gad7 or list.",
        )
    })?;
    let (answers, difficulty) = match &a.answers {
        Some(s) => (measures::parse_answers(s, m).map_err(user)?, None),
        None if interactive() => ask(m)?,
        None => {
            return Err(user_hint(
                format!("The {} asks its questions in a terminal.", m.title()),
                format!(
                "Run it in a terminal, or give all answers at once: kapj check {} --answers 0,1,…",
                m.key()
            ),
            ))
        }
    };
    let total = m.score(&answers).map_err(user)?;
    let now = app.clock.now();
    let previous = app.store()?.checks(Some(m.key()))?.pop();
    app.store()?
        .add_check(m.key(), now, &answers, total, difficulty)?;
    let prev_day = previous.as_ref().map(|p| render::day(p.at));
    for l in measures::result_lines(
        m,
        total,
        previous.as_ref().map(|p| p.total).zip(prev_day.as_deref()),
    ) {
        app.line(l);
    }
    if m.needs_safety_note(&answers) {
        crate::safety_note::note_once_a_day(app, crate::safety_note::NoteFor::Check)?;
    }
    Ok(())
}

/// One item at a time, as published, with the notice.
fn ask(m: Measure) -> Result<(Vec<u8>, Option<u8>)> {
    crate::app::ctrl_c_ends_prompts();
    let stop = |_| -> anyhow::Error {
        crate::app::after_stopped_prompt();
        UserError::new("Stopped; nothing was saved.")
            .code(130)
            .into()
    };
    eprintln!("{}", m.title());
    eprint_wrapped(measures::NOTICE, "");
    eprintln!();
    eprint_wrapped(m.stem(), "");
    let mut answers = Vec::new();
    for (i, item) in m.items().iter().enumerate() {
        // The item (verbatim) above, wrapped to the window; a short prompt
        // for dialoguer to redraw.
        eprint_wrapped(&format!("{}. {item}", i + 1), "   ");
        let pick = Select::new()
            .with_prompt("Your answer")
            .items(measures::ANSWER_LABELS)
            .default(0)
            .interact()
            .map_err(stop)?;
        answers.push(pick as u8);
    }
    let mut difficulty = None;
    if m.asks_difficulty() && answers.iter().any(|a| *a > 0) {
        eprint_wrapped(measures::DIFFICULTY_QUESTION, "");
        let pick = Select::new()
            .with_prompt("Your answer")
            .items(measures::DIFFICULTY_LABELS)
            .default(0)
            .interact()
            .map_err(stop)?;
        difficulty = Some(pick as u8);
    }
    Ok((answers, difficulty))
}

fn list(app: &mut App) -> Result<()> {
    let checks = app.store()?.checks(None)?;
    // Change since the previous check of the same measure (None for the first).
    let changes: Vec<Option<i64>> = checks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            checks[..i]
                .iter()
                .rev()
                .find(|p| p.measure == c.measure)
                .map(|p| i64::from(c.total) - i64::from(p.total))
        })
        .collect();
    if app.json {
        app.json_out(&json!(checks
            .iter()
            .zip(&changes)
            .map(|(c, change)| {
                let mut j = render::check_json(c);
                if let Some(m) = Measure::parse(&c.measure) {
                    j["band"] = json!(m.band(c.total));
                }
                j["change"] = json!(change);
                j
            })
            .collect::<Vec<_>>()));
        return Ok(());
    }
    if checks.is_empty() {
        app.line("No self-checks yet. They are optional: kapj check phq9 or kapj check gad7.");
        return Ok(());
    }
    for (c, change) in checks.iter().zip(&changes) {
        let (title, band, max) = match Measure::parse(&c.measure) {
            Some(m) => (m.title(), m.band(c.total), m.max_total()),
            None => (c.measure.as_str(), "", 0),
        };
        let change = match change {
            None => String::new(),
            Some(0) => ", the same as the time before".to_string(),
            Some(d) if *d > 0 => format!(", {d} higher than the time before"),
            Some(d) => format!(", {} lower than the time before", -d),
        };
        app.line(format!(
            "{}  {:<6} {:>2} of {max}  {band}{change}",
            render::day(c.at),
            title,
            c.total
        ));
    }
    app.line(app.dim("Self-checks, not a diagnosis."));
    Ok(())
}

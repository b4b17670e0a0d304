//! `kapj safety`: the user's own safety plan and crisis lines. The note
//! shown after writing lives in `crate::safety_note`. Nothing here ever
//! leaves the machine.

use anyhow::Result;

use crate::app::{interactive, App};
use crate::care::safety;
use crate::cli::{SafetyArgs, SafetyCommand};
use crate::editor::{self, Section};
use crate::error::{user, user_hint};
use crate::safety_note;

pub fn run(app: &mut App, a: SafetyArgs) -> Result<()> {
    match a.command.unwrap_or(SafetyCommand::Show) {
        SafetyCommand::Show => show(app),
        SafetyCommand::Edit => edit(app),
        SafetyCommand::Region { code } => region(app, &code),
    }
}

fn show(app: &mut App) -> Result<()> {
    let plan = app.store()?.safety_plan()?;
    app.line(app.bold("Your safety plan"));
    if plan.is_empty() {
        app.line("Not written yet. If you'd like, `kapj safety edit` offers a few questions to fill in, at your own pace.");
    } else {
        for (key, _) in safety::PLAN_SECTIONS {
            if let Some((_, text)) = plan.iter().find(|(k, _)| k == key) {
                app.line("");
                app.line(safety::section_title(key).unwrap_or(key));
                for l in text.lines() {
                    app.line(format!("  {l}"));
                }
            }
        }
    }
    app.line("");
    app.line(app.bold("If you would like to talk with someone now"));
    for l in safety_note::crisis_lines(app)? {
        app.line(format!("  {l}"));
    }
    app.line("  If you might be in danger right now, your local emergency number is there too.");
    app.line("");
    app.line(app.dim("No one monitors this journal; what you write stays on this computer. `kapj safety region CODE` sets your region (us, ca, uk, ie, au, nz)."));
    Ok(())
}

fn edit(app: &mut App) -> Result<()> {
    let plan = app.store()?.safety_plan()?;
    let secs: Vec<Section> = safety::PLAN_SECTIONS
        .iter()
        .map(|(key, prompt)| Section {
            key: key.to_string(),
            heading: prompt.to_string(),
            text: plan
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, t)| t.clone())
                .unwrap_or_default(),
        })
        .collect();
    if !interactive() {
        return Err(user_hint(
            "Writing the safety plan needs a terminal.",
            "Run `kapj safety edit` in a terminal.",
        ));
    }
    let initial = editor::form("My safety plan", &secs);
    let content = match editor::edit(&app.home, &initial)? {
        Ok(c) => c,
        Err(f) => return Err(editor::failed_error(&f, false)),
    };
    let sections: Vec<(String, String)> = editor::parse_form(&content, &secs);
    app.store()?.set_safety_plan(&sections)?;
    app.line("Your safety plan is saved. `kapj safety` shows it.");
    Ok(())
}

fn region(app: &mut App, code: &str) -> Result<()> {
    if code.eq_ignore_ascii_case("none") {
        app.store()?.meta_remove(safety_note::REGION_KEY)?;
        app.line("Region cleared; kapj shows a short list that covers several countries.");
        return Ok(());
    }
    let r = safety::normalise_region(code).ok_or_else(|| {
        user(format!(
            "\"{code}\" is not a region kapj has crisis lines for; use us, ca, uk, ie, au, nz, or none."
        ))
    })?;
    app.store()?.meta_set(safety_note::REGION_KEY, r)?;
    app.line(format!("Region set to {r}."));
    Ok(())
}

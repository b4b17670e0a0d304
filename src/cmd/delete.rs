//! `kapj delete ID`: asks first unless `--yes`.

use anyhow::Result;

use crate::app::{interactive, App};
use crate::cmd::find_entry;
use crate::error::{user, user_hint};
use crate::render;

pub fn run(app: &mut App, id: &str, yes: bool) -> Result<()> {
    let e = find_entry(app, id)?;
    let what = format!(
        "entry {} ({}, {})",
        e.number,
        e.phase.label(),
        render::day_time(e.at)
    );
    if !yes {
        if !interactive() {
            return Err(user_hint(
                format!("Deleting {what} needs a confirmation."),
                "Run it in a terminal to be asked, or add --yes.",
            ));
        }
        // The long question above, the prompt short (see term_text).
        crate::term_text::eprint_wrapped(&format!("Delete {what}? This cannot be undone."), "");
        let ok = dialoguer::Confirm::new()
            .with_prompt("Delete it?")
            .default(false)
            // "y" then Enter, as people type it: a bare key press is too easy
            // to make by accident for something that cannot be undone.
            .wait_for_newline(true)
            .interact()
            .map_err(|_| user("Nothing was deleted."))?;
        if !ok {
            app.line("Nothing was deleted.");
            return Ok(());
        }
    }
    app.store()?.delete_entry(e.number)?;
    app.line(format!("Deleted {what}."));
    Ok(())
}

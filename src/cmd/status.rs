//! `kapj status`: where the client stands in the integration cycle.
//!
//! What is due is decided in `due`, which every hinting command shares;
//! this module only says it.

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use serde_json::json;

use super::due::{self, Stage};
use crate::app::App;
use crate::domain::Phase;
use crate::render;

pub fn run(app: &mut App) -> Result<()> {
    let fresh = !app.journal_exists();
    let st = due::compute(app)?;
    let actions = app.store()?.actions(false)?;
    let drafts = app.drafts()?;
    let now = app.clock.now();
    if app.json {
        let v = json!({
            "now": now.to_rfc3339(),
            "latest_session": st.latest.as_ref().map(render::session_json),
            "next_session": st.next.as_ref().map(render::session_json),
            "hours_since_session": st.hours_since.map(|h| (h * 10.0).round() / 10.0),
            "due": st.due.stage.key(),
            "write_next": st.due.write.map(|p| p.key()),
            "window_closes_in_hours": match st.due.stage { Stage::Meaning { closes_in_hours } => Some((closes_in_hours * 10.0).round() / 10.0), _ => None },
            "phases_written": st.done.iter().map(|(p, _)| p.key()).collect::<Vec<_>>(),
            "open_actions": actions.iter().map(render::action_json).collect::<Vec<_>>(),
            "drafts": drafts.iter().enumerate().map(|(i, d)| super::drafts::summary_json(i + 1, d)).collect::<Vec<_>>(),
            "backup": backup_json(&crate::backup::Config::load(&app.home)),
        });
        app.json_out(&v);
        return Ok(());
    }
    // The welcome belongs to the first run at a terminal: a journal made by
    // a script or a pipe does not use it up. A fresh journal's first status
    // shows it anywhere; a journal made at a terminal showed it already.
    let terminal = crate::app::interactive();
    let welcomed = app.store()?.meta_get(crate::app::WELCOMED)?.is_some();
    if !app.welcomed_now && (fresh || (terminal && !welcomed)) {
        app.para("Welcome to kapj, a quiet companion for the days around a medicine session.");
        app.para(format!(
            "Your journal lives in {}. Nothing leaves this machine unless you export it.",
            app.home.display()
        ));
        if !fresh && !app.store()?.encrypted {
            app.para("You can protect it with a passphrase whenever you like: kapj encrypt");
        }
        app.para("");
    }
    if terminal && !welcomed {
        // A journal that cannot be written (read-only) just welcomes again.
        let _ = app.store()?.meta_set(crate::app::WELCOMED, "1");
    }
    print_status(app, &st, now);
    if let Some(line) = super::drafts::status_line(&drafts, now) {
        app.para(line);
    }
    if let Some(line) = backup_line(&crate::backup::Config::load(&app.home), now) {
        app.para(line);
    }
    if !actions.is_empty() {
        app.para("");
        app.para(app.bold("Open actions"));
        for a in actions.iter().take(3) {
            let age = render::added_ago(now, a.at);
            app.para(format!(
                "  {:>3}  {}  ({age})",
                a.number,
                render::first_line(&a.text, 48)
            ));
        }
        if actions.len() > 3 {
            app.para(format!("  … and {} more: kapj actions", actions.len() - 3));
        }
    }
    Ok(())
}

/// When the last backup was, once there is one or the automatic one is on.
fn backup_line(c: &crate::backup::Config, now: DateTime<FixedOffset>) -> Option<String> {
    let auto = c
        .auto_dir
        .as_ref()
        .map(|d| format!(" Automatic backups go to {}.", d.display()));
    match (c.last_at, &auto) {
        (Some(at), _) => Some(format!(
            "Last backup: {} ({}).{}",
            render::relative(now, at),
            render::long_time(at),
            auto.unwrap_or_default()
        )),
        (None, Some(a)) => Some(format!("No backup yet.{a}")),
        (None, None) => None,
    }
}

fn backup_json(c: &crate::backup::Config) -> serde_json::Value {
    json!({
        "last_at": c.last_at.map(|t| t.to_rfc3339()),
        "last_path": c.last_path,
        "auto_dir": c.auto_dir,
    })
}

fn print_status(app: &mut App, st: &due::Now, now: DateTime<FixedOffset>) {
    let d = &st.due;
    match (&st.latest, d.stage) {
        (None, Stage::FirstSession) => {
            app.para("No sessions yet.");
            app.para("When your next medicine session is planned, you could record it and set an intention:");
            app.para("  kapj session add --at \"2026-12-01 10:00\"");
            app.para("  kapj write intention");
            return;
        }
        (Some(s), _) => {
            app.para(format!(
                "{} was {} ({}).",
                app.bold(&format!("Session {}", s.number)),
                render::relative(now, s.at),
                render::long_time(s.at)
            ));
        }
        (None, _) => {}
    }
    let written = d.write.is_none();
    match d.stage {
        Stage::Reflection if written => {
            let opens = d.next_opens.map(|(_, h)| h).unwrap_or(0.0);
            app.para(format!(
                "Now: rest. Your reflection is written; meaning-making opens {}.",
                due::in_hours(opens)
            ));
        }
        Stage::Reflection => {
            app.para("Now: immediate reflection. Rest comes first; a few words while things are fresh are enough.");
            app.para("  kapj write reflection");
        }
        Stage::Meaning { closes_in_hours } => {
            let closes = due::in_hours(closes_in_hours);
            if written {
                app.para("Now: meaning-making, and you have written for it.");
                app.para(format!(
                    "The window closes {closes}; more is welcome if more comes."
                ));
            } else {
                app.para(format!(
                    "Now: meaning-making. These days after a session are a window when change comes easier; it closes {closes}."
                ));
            }
            app.para("An integration conversation with your therapist is often helpful around 48–72 hours after a session.");
            if !written {
                app.para("  kapj write meaning");
            }
        }
        Stage::Embodiment if written => {
            app.para("Now: embodiment, carrying the session into daily life.");
            app.para(
                "Your embodiment entry is written; another is welcome whenever something shifts.",
            );
        }
        Stage::Embodiment => {
            app.para("Now: embodiment, carrying the session into daily life.");
            app.para("  kapj write embodiment");
        }
        Stage::Intention | Stage::FirstSession => {}
    }
    if let Some(next) = &st.next {
        let lead = if d.stage == Stage::Intention {
            "Next"
        } else {
            "Also ahead"
        };
        if d.stage == Stage::Intention && written {
            app.para(format!(
                "{lead}: session {} {} ({}).",
                next.number,
                render::relative(now, next.at),
                render::long_time(next.at)
            ));
            app.para("Your intention is written; `kapj review` is there to read beforehand.");
        } else {
            app.para(format!(
                "{lead}: session {} {} ({}). You could set an intention, and read `kapj review` beforehand.",
                next.number,
                render::relative(now, next.at),
                render::long_time(next.at)
            ));
        }
        if d.stage == Stage::Intention && !written {
            app.para("  kapj write intention");
        }
    }
    if let Some(s) = &st.latest {
        let marks: Vec<String> = Phase::CYCLE
            .iter()
            .map(|p| {
                let done = st.done.iter().any(|(d, _)| d == p);
                format!("{} {}", p.key(), if done { "✓" } else { "·" })
            })
            .collect();
        app.para(format!("Session {} so far: {}", s.number, marks.join("  ")));
    }
}

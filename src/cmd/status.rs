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
use crate::on_this_day;
use crate::render;
use crate::settings;

pub fn run(app: &mut App) -> Result<()> {
    let fresh = !app.journal_exists();
    let st = due::compute(app)?;
    let actions = app.store()?.actions(false)?;
    let drafts = app.drafts()?;
    let now = app.clock.now();
    let uneven = crate::review::uneven::for_status(app, now)?;
    if app.json {
        let clock = app.clock;
        let remembered = if settings::enabled(app.store()?, on_this_day::SETTING)? {
            on_this_day::find(app.store()?, &clock)?
        } else {
            None
        };
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
            "welcome_back": st.welcome_back,
            "on_this_day": remembered.as_ref().map(on_this_day::to_json),
            "uneven_session": uneven.is_some(),
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
    let first_welcome = !app.welcomed_now && (fresh || (terminal && !welcomed));
    if first_welcome {
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
    print_status(app, &st, now, first_welcome);
    if let Some(sentence) = uneven {
        app.para(sentence);
    }
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
    // Not in the first hours after a session: rest comes first.
    if st.due.stage != Stage::Reflection {
        show_on_this_day(app)?;
    }
    Ok(())
}

/// An entry from a month, three months or a year ago today: its first line,
/// once a day (the day it was shown is kept in the journal's `meta`).
fn show_on_this_day(app: &mut App) -> Result<()> {
    use std::io::IsTerminal;
    let clock = app.clock;
    let store = app.store()?;
    if !settings::enabled(store, on_this_day::SETTING)? {
        return Ok(());
    }
    let today = on_this_day::today(&clock).to_string();
    if store.meta_get(on_this_day::SHOWN)?.as_deref() == Some(today.as_str()) {
        return Ok(());
    }
    let Some(found) = on_this_day::find(store, &clock)? else {
        return Ok(());
    };
    // A journal that cannot be written (read-only) shows it again tomorrow
    // and today alike; that is all.
    let _ = store.meta_set(on_this_day::SHOWN, &today);
    let cols = if std::io::stdout().is_terminal() {
        console::Term::stdout().size().1 as usize
    } else {
        80
    };
    // Two columns of indent and two of quotation marks.
    let room = cols.clamp(24, 100) - 4;
    let e = &found.entry;
    let line = crate::text::first_line(&on_this_day::first_line(e), room);
    app.para("");
    app.para(format!(
        "{} ago today ({}, entry {}):",
        capitalised(found.ago),
        render::long_day(app.clock.to_local(e.at)),
        e.number
    ));
    app.line(format!("  “{line}”"));
    Ok(())
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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

/// `first_welcome`: kapj's own welcome was just shown, so a "welcome back"
/// would be one welcome too many (a session recorded days after it happened).
fn print_status(app: &mut App, st: &due::Now, now: DateTime<FixedOffset>, first_welcome: bool) {
    let back = st.welcome_back && !first_welcome;
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
            if back {
                // No count of days, no list of what is missing: only that
                // coming back is welcome, and the one thing to do now.
                let h = st.hours_since.unwrap_or(0.0);
                app.para(if h <= 14.0 * 24.0 {
                    "Welcome back. The first days after it have gone by; that happens, and nothing is lost."
                } else {
                    "Welcome back. It has been a while; that is all right, and nothing is lost."
                });
            }
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
        Stage::Embodiment if back => {
            app.para("Now: embodiment, carrying the session into daily life. A few lines are enough: what has changed, and what has stayed.");
            app.para("  kapj write embodiment");
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
    // After a welcome back, a row of empty marks would read as a report card.
    if let Some(s) = st.latest.as_ref().filter(|_| !back) {
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

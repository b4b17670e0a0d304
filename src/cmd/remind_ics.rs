//! `kapj remind ics [--session N] [-o FILE]`: a calendar file of gentle
//! check-ins around a session (built by `crate::reminders`), to import into
//! the calendar the person already uses. No journal text goes into it.
//!
//! Without `--session`: the reminders still ahead for the latest session and
//! for the next planned one. Reminders already past are left out, so that a
//! calendar does not greet an import with a row of missed alarms.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::app::App;
use crate::atomic_file;
use crate::cli::IcsArgs;
use crate::cmd::session_number;
use crate::domain::Session;
use crate::error::user_hint;
use crate::reminders::{self, Reminder};
use crate::store::plain_io;

/// Where the file goes without `-o`: the current folder. The name says
/// "journal", not what the journal is about, as it may sit in a downloads
/// folder or an email to oneself.
pub const DEFAULT_FILE: &str = "journal-reminders.ics";

pub fn run(app: &mut App, a: IcsArgs) -> Result<()> {
    let now = app.clock.now();
    let sessions = local_sessions(app)?;
    let (upcoming, about) = match &a.session {
        Some(n) => {
            let number = session_number(app, n)?.0.number;
            (ahead(&sessions, &[number], now), vec![number])
        }
        None => {
            let chosen = default_sessions(&sessions, now);
            if chosen.is_empty() {
                return Err(user_hint(
                    "There are no sessions yet, so there is nothing to remind you of.",
                    "Record one first: kapj session add --at \"YYYY-MM-DD HH:MM\"",
                ));
            }
            (ahead(&sessions, &chosen, now), chosen)
        }
    };
    let which = match about.as_slice() {
        [n] => format!("session {n}"),
        _ => format!(
            "sessions {}",
            about
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    };
    if upcoming.is_empty() {
        app.line(format!(
            "The reminders for {which} are all in the past; no file was written."
        ));
        return Ok(());
    }
    let ics = reminders::to_ics(&upcoming, now);
    let to_stdout = a.output.as_deref() == Some(Path::new("-"));
    if to_stdout {
        app.out.push_str(&ics);
        return Ok(());
    }
    let path = match a.output {
        Some(p) => p,
        None => std::env::current_dir()
            .map(|d| d.join(DEFAULT_FILE))
            .unwrap_or_else(|_| PathBuf::from(DEFAULT_FILE)),
    };
    atomic_file::write(&path, ics.as_bytes()).map_err(|e| {
        user_hint(
            format!("Could not write {}: {}.", path.display(), plain_io(&e)),
            "Choose another file with -o; nothing was written.",
        )
    })?;
    let count = crate::render::count(upcoming.len(), "reminder", "reminders");
    app.line(format!(
        "Wrote {count} for {which} to {} (readable by you alone).",
        path.display()
    ));
    app.line("To add them, open the file with your calendar app or use its Import; exporting again later updates them instead of adding copies.");
    Ok(())
}

/// Every session, its time shown in local time (so "the evening" is the
/// person's evening).
fn local_sessions(app: &mut App) -> Result<Vec<Session>> {
    let clock = app.clock;
    let mut sessions = app.store()?.sessions()?;
    for s in &mut sessions {
        s.at = clock.to_local(s.at);
    }
    Ok(sessions)
}

/// The latest session at or before now, and the next one after it.
fn default_sessions(sessions: &[Session], now: DateTime<FixedOffset>) -> Vec<i64> {
    let latest = sessions.iter().rfind(|s| s.at <= now);
    let next = sessions.iter().find(|s| s.at > now);
    latest.into_iter().chain(next).map(|s| s.number).collect()
}

/// The reminders of these sessions still ahead of `now`, oldest first; one
/// per UID (the evening before a session belongs to it and to the one
/// before).
fn ahead(sessions: &[Session], numbers: &[i64], now: DateTime<FixedOffset>) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = Vec::new();
    for &n in numbers {
        let Some(i) = sessions.iter().position(|s| s.number == n) else {
            continue;
        };
        for r in reminders::plan(&sessions[i], sessions.get(i + 1)) {
            if r.at > now && !out.iter().any(|o| o.uid() == r.uid()) {
                out.push(r);
            }
        }
    }
    out.sort_by_key(|r| r.at);
    out
}

/// For `session add` at a terminal: the line that offers reminders, when
/// the session has any still ahead.
pub fn offer(app: &mut App, number: i64) -> Result<Option<String>> {
    let now = app.clock.now();
    let sessions = local_sessions(app)?;
    if ahead(&sessions, &[number], now).is_empty() {
        return Ok(None);
    }
    let flag = if default_sessions(&sessions, now).contains(&number) {
        String::new()
    } else {
        format!(" --session {number}")
    };
    Ok(Some(format!(
        "To add gentle reminders to your calendar (no journal text in them): kapj remind ics{flag}"
    )))
}

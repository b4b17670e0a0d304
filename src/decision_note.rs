//! The calm line kapj adds after saving an entry that weighs a big life
//! decision in the two weeks after a session, at most once per session, and
//! the noting of its sentence for review (`kapj decisions`).
//!
//! The safety note comes first and alone: an entry whose words call for it
//! gets no decision line and is not noted, so a person in crisis reads the
//! note and nothing else. `kapj settings notes.decisions off` switches
//! noting and the line off.

use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset};

use crate::app::App;
use crate::care::decisions;

/// The setting that switches this off.
pub const SETTING: &str = "notes.decisions";

/// How long after a session an entry's decision is noted.
pub const WINDOW_DAYS: i64 = 14;

/// The line, once per session.
pub const LINE: &str = "Big decisions often come up in the days after a session. Many people find it helps to let them settle and talk them through with their therapist before acting; kapj keeps this one for your review (`kapj decisions`).";

/// After an entry is saved (or edited): notes its decision, if it weighs
/// one within the window after its session, and says the line if none was
/// noted for that session before. Never fails the save: the entry is in the
/// journal already, and a note that could not be kept just is not shown.
/// `raised_safety`: whether the entry's words call for the safety note, as
/// the safety note's own check answered (read once, not twice).
pub fn after_saving(
    app: &mut App,
    entry_number: i64,
    session: Option<i64>,
    at: DateTime<FixedOffset>,
    text: &str,
    raised_safety: bool,
) {
    if raised_safety {
        return;
    }
    if let Ok(true) = note(app, entry_number, session, at, text) {
        app.line("");
        app.para(LINE);
    }
}

/// Whether the line is due.
fn note(
    app: &mut App,
    entry_number: i64,
    session: Option<i64>,
    at: DateTime<FixedOffset>,
    text: &str,
) -> Result<bool> {
    let Some(n) = session else {
        return Ok(false);
    };
    let store = app.store()?;
    if !crate::settings::enabled(store, SETTING)? {
        return Ok(false);
    }
    let Some((s, row)) = store.session_by_number(n)? else {
        return Ok(false);
    };
    if at < s.at || at > s.at + Duration::days(WINDOW_DAYS) {
        return Ok(false);
    }
    let Some(sentence) = decisions::first_decision(text) else {
        return Ok(false);
    };
    let earlier = store.decisions_in_session(row)?;
    let new = store.note_decision(entry_number, Some(row), &sentence, at)?;
    Ok(new && earlier == 0)
}

//! The calm note kapj shows after saving words of self-harm or of not
//! wanting to be alive (at most once a day), and the days review and export
//! list as worth raising with a therapist. Commands call this after they
//! save; `kapj safety` shows the plan itself. Nothing here leaves the machine.

use anyhow::Result;
use chrono::NaiveDate;

use crate::app::App;
use crate::care::safety;
use crate::clock::Clock;
use crate::domain::Filter;
use crate::render;
use crate::store::Store;

pub const REGION_KEY: &str = "region";
const NOTE_SHOWN_KEY: &str = "safety_note_shown_on";

/// The crisis lines for the region the person chose (or the default list).
pub fn crisis_lines(app: &mut App) -> Result<Vec<safety::CrisisLine>> {
    let region = app.store()?.meta_get(REGION_KEY)?;
    Ok(safety::crisis_lines(region.as_deref()))
}

/// What the note follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteFor {
    /// An entry, with how its words read.
    Entry(safety::Severity),
    /// A self-check whose answers call for the note (PHQ-9 item 9).
    Check,
}

/// After saving: the calm note, unless it was already shown today. The one
/// exception: the note that leads with people to reach may follow a gentle
/// note shown earlier the same day. Only the day (and which note) is kept,
/// never what was written or how it read.
pub fn note_once_a_day(app: &mut App, about: NoteFor) -> Result<()> {
    let today = render::day(app.clock.to_local(app.clock.now()));
    let pressing = about == NoteFor::Entry(safety::Severity::Now);
    let shown = app.store()?.meta_get(NOTE_SHOWN_KEY)?;
    let shown_today = shown
        .as_deref()
        .and_then(|v| {
            v.split_whitespace()
                .next()
                .map(|day| (day, v.ends_with(" now")))
        })
        .filter(|(day, _)| *day == today);
    match shown_today {
        Some((_, true)) => return Ok(()),
        Some((_, false)) if !pressing => return Ok(()),
        _ => {}
    }
    let plan = app.store()?.safety_plan()?;
    let pairs: Vec<(&str, &str)> = plan.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
    let summary = safety::plan_summary(&pairs);
    let lines = crisis_lines(app)?;
    let note = match about {
        NoteFor::Check => safety::check_safety_note(summary.as_deref(), &lines),
        NoteFor::Entry(safety::Severity::Now) => {
            safety::safety_note_now(summary.as_deref(), &lines)
        }
        NoteFor::Entry(safety::Severity::Gentle) => safety::safety_note(summary.as_deref(), &lines),
    };
    app.line("");
    for l in note {
        app.line(l);
    }
    let value = if pressing {
        format!("{today} now")
    } else {
        today
    };
    app.store()?.meta_set(NOTE_SHOWN_KEY, &value)?;
    Ok(())
}

/// After saving an entry: the note if its words call for it. Returns
/// whether they do (shown now or not), so what follows the note need not
/// read the entry again.
pub fn after_writing(app: &mut App, text: &str) -> Result<bool> {
    match safety::assess(text) {
        Some(found) => note_once_a_day(app, NoteFor::Entry(found.severity)).map(|()| true),
        None => Ok(false),
    }
}

/// After an edit: the note only if the edit added such words (a sentence
/// that raises the note and was not in the entry before, or a plan where
/// there were only thoughts), so re-reading and tidying an old entry does
/// not bring it back. Returns whether the edited words call for the note,
/// as [`after_writing`] does.
pub fn after_editing(app: &mut App, old: &str, new: &str) -> Result<bool> {
    let Some(now) = safety::assess(new) else {
        return Ok(false);
    };
    let before = safety::assess(old);
    let added = match &before {
        None => true,
        Some(b) => {
            now.severity > b.severity || now.sentences.iter().any(|s| !b.sentences.contains(s))
        }
    };
    if added {
        note_once_a_day(app, NoteFor::Entry(now.severity))?;
    }
    Ok(true)
}

/// How far back the dates line looks when no start is given: what is worth
/// raising at the next session is the last weeks, not years of history (and
/// reading years of entries again would make a long journal's review slow).
const LOOK_BACK_DAYS: i64 = 84;

/// The days in a review or export period on which a non-private entry would
/// have raised the note; with no start given, the last twelve weeks of it.
/// Decided now by reading the entries again: nothing about the note is ever
/// stored with an entry.
pub fn raised_days(app: &mut App, filter: &Filter) -> Result<Vec<NaiveDate>> {
    let clock = app.clock;
    raised_days_in(app.store()?, clock, filter)
}

/// [`raised_days`], read through `store` (export reads them on a second
/// connection, on another thread, while review runs).
pub fn raised_days_in(store: &Store, clock: Clock, filter: &Filter) -> Result<Vec<NaiveDate>> {
    let recent = clock.now() - chrono::Duration::days(LOOK_BACK_DAYS);
    let f = Filter {
        include_private: false,
        since: filter.since.or(Some(recent)),
        ..filter.clone()
    };
    let entries = store.entries(&f)?;
    let texts: Vec<(NaiveDate, String, bool)> = entries
        .iter()
        .map(|e| (clock.to_local(e.at).date_naive(), e.text(), e.private))
        .collect();
    Ok(safety::raised_on(
        texts.iter().map(|(d, t, p)| (*d, t.as_str(), *p)),
    ))
}

/// Review's closing lines: the dates under a calm heading, if there are any.
pub fn print_worth_raising(app: &mut App, days: &[NaiveDate]) {
    if let Some(sentence) = safety::review_sentence(days) {
        app.line("");
        app.line(app.bold(safety::WORTH_RAISING));
        for l in crate::term_text::wrap(&sentence, 76, "") {
            app.line(format!("  {l}"));
        }
    }
}

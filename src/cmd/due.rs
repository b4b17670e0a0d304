//! What is due now: the one place that decides, so `status`, `session add`,
//! `write`'s closing words and `write` without a phase never disagree.
//!
//! The window follows design.md: 0–24 h after a session, immediate
//! reflection; 24–72 h, meaning-making while the window is open; after 72 h,
//! embodiment. A planned session ahead asks for an intention, unless the
//! latest session is still inside its 72 hours, which comes first. A phase
//! that already has an entry for its session is not suggested again.

use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset};

use crate::app::App;
use crate::domain::{Filter, Phase, Session};

/// Where the client stands in the window (design.md's table).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stage {
    FirstSession,
    Intention,
    Reflection,
    Meaning { closes_in_hours: f64 },
    Embodiment,
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::FirstSession => "session",
            Stage::Intention => "intention",
            Stage::Reflection => "reflection",
            Stage::Meaning { .. } => "meaning",
            Stage::Embodiment => "embodiment",
        }
    }

    /// The phase this stage asks for, if any.
    pub fn phase(self) -> Option<Phase> {
        match self {
            Stage::FirstSession => None,
            Stage::Intention => Some(Phase::Intention),
            Stage::Reflection => Some(Phase::Reflection),
            Stage::Meaning { .. } => Some(Phase::Meaning),
            Stage::Embodiment => Some(Phase::Embodiment),
        }
    }
}

/// The decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    pub stage: Stage,
    /// The phase to write now; `None` when the stage's phase already has an
    /// entry (or there is no session yet).
    pub write: Option<Phase>,
    /// The session that `write` belongs to.
    pub session: Option<i64>,
    /// While resting after a written phase: the next phase and the hours
    /// until its part of the window begins.
    pub next_opens: Option<(Phase, f64)>,
}

/// One session as the decision sees it: its number, time and written phases.
pub struct Seen<'a> {
    pub number: i64,
    pub at: DateTime<FixedOffset>,
    pub written: &'a [Phase],
}

pub fn hours_between(now: DateTime<FixedOffset>, at: DateTime<FixedOffset>) -> f64 {
    now.signed_duration_since(at).num_seconds() as f64 / 3600.0
}

/// The one rule. `latest` is the latest session at or before `now`, `next`
/// the first one after it.
pub fn decide(now: DateTime<FixedOffset>, latest: Option<&Seen>, next: Option<&Seen>) -> Due {
    let h = latest.map(|s| hours_between(now, s.at));
    let (stage, session) = match (h, next) {
        (Some(h), _) if h < 24.0 => (Stage::Reflection, latest),
        (Some(h), _) if h <= WINDOW_HOURS => (
            Stage::Meaning {
                closes_in_hours: WINDOW_HOURS - h,
            },
            latest,
        ),
        (_, Some(n)) => (Stage::Intention, Some(n)),
        (Some(_), None) => (Stage::Embodiment, latest),
        (None, None) => (Stage::FirstSession, None),
    };
    let written = |p: Phase| session.is_some_and(|s| s.written.contains(&p));
    let write = stage.phase().filter(|p| !written(*p));
    let next_opens = match (stage, h, write) {
        (Stage::Reflection, Some(h), None) => Some((Phase::Meaning, 24.0 - h)),
        (Stage::Meaning { closes_in_hours }, _, None) => Some((Phase::Embodiment, closes_in_hours)),
        _ => None,
    };
    Due {
        stage,
        write,
        session: session.map(|s| s.number),
        next_opens,
    }
}

/// The sessions around now, with their written phases, and the decision.
pub struct Now {
    pub latest: Option<Session>,
    pub next: Option<Session>,
    pub hours_since: Option<f64>,
    /// Phases of the latest session that have entries, with their counts.
    pub done: Vec<(Phase, i64)>,
    pub due: Due,
    /// The person comes back after the latest session's window closed with
    /// nothing written for it (see [`window_passed_unwritten`]) and nothing
    /// written anywhere since: status welcomes them back.
    pub welcome_back: bool,
}

/// The hours after a session that the window lasts (design.md's table).
pub const WINDOW_HOURS: f64 = 72.0;

/// The window after the latest session (`h` hours ago) has closed, and
/// neither meaning-making nor embodiment was written for it. Not a rule of
/// what is due (that stays [`decide`]'s); only whether status says
/// "welcome back" before saying it.
pub fn window_passed_unwritten(h: f64, written: &[Phase]) -> bool {
    h > WINDOW_HOURS && !written.contains(&Phase::Meaning) && !written.contains(&Phase::Embodiment)
}

pub fn compute(app: &mut App) -> Result<Now> {
    let now = app.clock.now();
    let store = app.store()?;
    let latest = store.session_at_or_before(now)?;
    let next = store.session_after(now)?;
    let counts = |row: i64| -> Result<Vec<(Phase, i64)>> {
        Ok(store
            .phase_counts(row)?
            .into_iter()
            .filter_map(|(p, n)| Phase::parse(&p).map(|p| (p, n)))
            .collect())
    };
    let done = match &latest {
        Some((_, row)) => counts(*row)?,
        None => Vec::new(),
    };
    let next_done: Vec<Phase> = match &next {
        Some((_, row)) => counts(*row)?.into_iter().map(|(p, _)| p).collect(),
        None => Vec::new(),
    };
    let latest_done: Vec<Phase> = done.iter().map(|(p, _)| *p).collect();
    let seen_latest = latest.as_ref().map(|(s, _)| Seen {
        number: s.number,
        at: s.at,
        written: &latest_done,
    });
    let seen_next = next.as_ref().map(|(s, _)| Seen {
        number: s.number,
        at: s.at,
        written: &next_done,
    });
    let due = decide(now, seen_latest.as_ref(), seen_next.as_ref());
    let welcome_back = match &latest {
        Some((s, _)) if window_passed_unwritten(hours_between(now, s.at), &latest_done) => {
            // Back only if nothing at all was written since the window closed.
            let closed = s.at + Duration::hours(WINDOW_HOURS as i64);
            store
                .entries(&Filter {
                    since: Some(closed),
                    include_private: true,
                    limit: Some(1),
                    ..Filter::default()
                })?
                .is_empty()
        }
        _ => false,
    };
    Ok(Now {
        welcome_back,
        hours_since: latest.as_ref().map(|(s, _)| hours_between(now, s.at)),
        latest: latest.map(|(s, _)| s),
        next: next.map(|(s, _)| s),
        done,
        due,
    })
}

/// "in about 5 hours", "within the hour".
pub fn in_hours(h: f64) -> String {
    match h.round() as i64 {
        n if n <= 0 => "within the hour".to_string(),
        n => format!("in about {}", crate::render::plural(n, "hour")),
    }
}

/// One short line naming what to write now (or what comes next), for the
/// commands that end with a hint. `None` when there is nothing to say.
pub fn hint(due: &Due) -> Option<String> {
    if let Some(p) = due.write {
        let lead = match p {
            Phase::Reflection => "Rest first. When you are ready",
            Phase::Intention => "When you are ready, you could set an intention",
            _ => "When you are ready",
        };
        return Some(format!("{lead}: kapj write {}", p.key()));
    }
    due.next_opens.map(|(p, h)| match p {
        Phase::Embodiment => format!(
            "Meaning-making is written; the window stays open {} for more.",
            trim_in(&in_hours(h))
        ),
        _ => format!(
            "Your reflection is written. Rest; {} opens {}.",
            p.label(),
            in_hours(h)
        ),
    })
}

/// "in about 5 hours" → "for about 5 hours"; "within the hour" stays.
fn trim_in(s: &str) -> String {
    match s.strip_prefix("in about ") {
        Some(rest) => format!("for about {rest}"),
        None => "for less than an hour".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn the_window_passes_unwritten_only_after_72_hours_without_meaning_or_embodiment() {
        assert!(!window_passed_unwritten(72.0, &[]));
        assert!(window_passed_unwritten(72.5, &[]));
        assert!(window_passed_unwritten(
            200.0,
            &[Phase::Reflection, Phase::Free]
        ));
        assert!(!window_passed_unwritten(200.0, &[Phase::Meaning]));
        assert!(!window_passed_unwritten(200.0, &[Phase::Embodiment]));
    }

    #[test]
    fn written_phases_are_not_suggested_again() {
        let now = t("2026-11-22T21:00:00+01:00");
        let written = [Phase::Reflection];
        let s = Seen {
            number: 1,
            at: t("2026-11-22T10:00:00+01:00"),
            written: &written,
        };
        let d = decide(now, Some(&s), None);
        assert_eq!(d.stage, Stage::Reflection);
        assert_eq!(d.write, None);
        assert_eq!(d.next_opens, Some((Phase::Meaning, 13.0)));
    }
}

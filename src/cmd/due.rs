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
use crate::{atomic_file, due_file};

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

/// How many planned sessions ahead the due file looks.
const LOOK_AHEAD: usize = 4;

/// One span of time in which `decide` gives the same answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Start (inclusive), Unix seconds; `None` is "since ever".
    pub from: Option<i64>,
    /// End (exclusive); `None` is "from then on".
    pub until: Option<i64>,
    pub due: Due,
    /// When the stage's part of the window opens and closes.
    pub opens: Option<i64>,
    pub closes: Option<i64>,
}

const HOUR: i64 = 3600;

/// What the one rule says from `now` on, as time passes with nothing newly
/// written: `sessions` are the latest at or before `now` and the planned
/// ones after it, in date order; `horizon` (a session beyond those) ends the
/// timeline, as what follows it is not known here.
pub fn timeline(
    now: DateTime<FixedOffset>,
    sessions: &[Seen],
    horizon: Option<DateTime<FixedOffset>>,
) -> Vec<Span> {
    let end = horizon.map(|h| h.timestamp());
    let mut bounds: Vec<i64> = sessions
        .iter()
        .flat_map(|s| {
            let t = s.at.timestamp();
            [t, t + 24 * HOUR, t + 72 * HOUR]
        })
        .filter(|b| end.is_none_or(|e| *b < e))
        .chain(end)
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut edges: Vec<Option<i64>> = vec![None];
    edges.extend(bounds.iter().copied().map(Some));
    if end.is_none() {
        edges.push(None);
    }
    let mut spans: Vec<Span> = Vec::new();
    for pair in edges.windows(2) {
        let (from, until) = (pair[0], pair[1]);
        if until.is_some_and(|u| u <= now.timestamp()) {
            continue;
        }
        // A moment inside the span, away from its edges (decide's table
        // has closed and open ends).
        let t = match (from, until) {
            (Some(f), Some(u)) => f + (u - f) / 2,
            (Some(f), None) => f + 1,
            (None, Some(u)) => u - 1,
            (None, None) => now.timestamp(),
        };
        // Out of chrono's range only for a session in the year 262,000.
        let Some(at) = DateTime::from_timestamp(t, 0) else {
            continue;
        };
        let latest = sessions.iter().rev().find(|s| s.at.timestamp() <= t);
        let next = sessions.iter().find(|s| s.at.timestamp() > t);
        let due = decide(at.fixed_offset(), latest, next);
        let base = latest.map(|s| s.at.timestamp());
        let (opens, closes) = match due.stage {
            Stage::Reflection => (base, base.map(|b| b + 24 * HOUR)),
            Stage::Meaning { .. } => (base.map(|b| b + 24 * HOUR), base.map(|b| b + 72 * HOUR)),
            Stage::Embodiment => (base.map(|b| b + 72 * HOUR), None),
            Stage::Intention => (None, next.map(|s| s.at.timestamp())),
            Stage::FirstSession => (None, None),
        };
        let same = |s: &Span| {
            s.due.stage.key() == due.stage.key()
                && s.due.write == due.write
                && (s.opens, s.closes) == (opens, closes)
        };
        match spans.last_mut() {
            Some(last) if same(last) => last.until = until,
            _ => spans.push(Span {
                from,
                until,
                due,
                opens,
                closes,
            }),
        }
    }
    spans
}

/// Rewrites the due file beside the journal (see `due_file`) from the
/// journal as it is now; left as it is when nothing in it changed.
pub fn refresh_file(app: &mut App) -> Result<()> {
    let now = app.clock.now();
    let home = app.home.clone();
    let store = app.store()?;
    let latest = store.session_at_or_before(now)?;
    let mut ahead = store.sessions_after(now, LOOK_AHEAD + 1)?;
    let horizon = (ahead.len() > LOOK_AHEAD).then(|| ahead[LOOK_AHEAD].0.at);
    ahead.truncate(LOOK_AHEAD);
    let all: Vec<(Session, i64)> = latest.into_iter().chain(ahead).collect();
    let written: Vec<Vec<Phase>> = all
        .iter()
        .map(|(_, row)| {
            Ok(store
                .phase_counts(*row)?
                .into_iter()
                .filter_map(|(p, _)| Phase::parse(&p))
                .collect())
        })
        .collect::<Result<_>>()?;
    let seen: Vec<Seen> = all
        .iter()
        .zip(&written)
        .map(|((s, _), w)| Seen {
            number: s.number,
            at: s.at,
            written: w,
        })
        .collect();
    let rows: Vec<due_file::Row> = timeline(now, &seen, horizon)
        .into_iter()
        .map(|s| due_file::Row {
            from: s.from,
            until: s.until,
            stage: s.due.stage.key().to_string(),
            write: s.due.write.map(|p| p.key().to_string()),
            opens: s.opens,
            closes: s.closes,
        })
        .collect();
    let text = due_file::render(&rows);
    let path = home.join(due_file::FILE);
    if std::fs::read(&path).ok().as_deref() != Some(text.as_bytes()) {
        // Rebuilt by every command, so not worth waiting for a flush.
        atomic_file::write_rebuildable(&path, text.as_bytes())?;
    }
    Ok(())
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

    #[test]
    fn the_timeline_follows_the_window_and_the_next_session() {
        let now = t("2026-11-22T11:00:00+00:00");
        let none: [Phase; 0] = [];
        let s1 = Seen {
            number: 1,
            at: t("2026-11-22T10:00:00+00:00"),
            written: &none,
        };
        // The next session lands inside the first one's embodiment.
        let s2 = Seen {
            number: 2,
            at: t("2026-12-06T10:00:00+00:00"),
            written: &none,
        };
        let spans = timeline(now, &[s1, s2], None);
        let keys: Vec<&str> = spans.iter().map(|s| s.due.stage.key()).collect();
        assert_eq!(
            keys,
            [
                "reflection",
                "meaning",
                "intention",
                "reflection",
                "meaning",
                "embodiment"
            ]
        );
        let at = t("2026-11-22T10:00:00+00:00").timestamp();
        assert_eq!(spans[0].from, Some(at));
        assert_eq!(spans[1].closes, Some(at + 72 * HOUR));
        // After 72 h with another session planned, the intention is due.
        assert_eq!(spans[2].from, Some(at + 72 * HOUR));
        assert_eq!(
            spans[2].closes,
            Some(t("2026-12-06T10:00:00+00:00").timestamp())
        );
        assert_eq!(spans[5].until, None);
    }
}

//! "Uneven sessions are part of it": one calm sentence in status and review
//! when the latest session was a quieter or harder one, either because its
//! reflection mood is clearly below the previous session's (at least
//! [`DIP_POINTS`] lower on the 0–10 scale), or because the person wrote that
//! it "didn't work", "was nothing" and the like. Never for a journal with a
//! single session, and never from words that also raised the safety note.
//! `kapj settings notes.uneven_sessions off` switches it off.

use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset};

use crate::app::App;
use crate::care::safety::{self, normalise::sentences};
use crate::domain::{Entry, Filter, Phase, Session};

pub const SETTING: &str = "notes.uneven_sessions";

/// How much lower a session's reflection mood is than the previous one's
/// before it counts as clearly below.
pub const DIP_POINTS: f64 = 2.0;

/// How long status keeps saying it after the session.
const STATUS_DAYS: i64 = 14;

pub const SENTENCE: &str = "Progress after sessions is often uneven, and a quieter or harder session is part of the process for many people. How this one felt is something you could bring to your therapist.";

/// Review's sentence: about the latest session of the period.
pub fn sentence_for(
    app: &mut App,
    filter: &Filter,
    all_sessions: &[Session],
) -> Result<Option<&'static str>> {
    let to = filter.until.unwrap_or(app.clock.now());
    let upto: Vec<&Session> = all_sessions
        .iter()
        .filter(|s| s.at <= to && filter.session.is_none_or(|n| s.number <= n))
        .collect();
    let [.., previous, latest] = upto.as_slice() else {
        return Ok(None);
    };
    if filter.since.is_some_and(|since| latest.at < since) {
        return Ok(None);
    }
    decide(app, previous, latest, filter.include_private)
}

/// Status's sentence: about the latest session, in the two weeks after it.
pub fn for_status(app: &mut App, now: DateTime<FixedOffset>) -> Result<Option<&'static str>> {
    let store = app.store()?;
    if !crate::settings::enabled(store, SETTING)? {
        return Ok(None);
    }
    let Some((latest, _)) = store.session_at_or_before(now)? else {
        return Ok(None);
    };
    if now - latest.at > Duration::days(STATUS_DAYS) {
        return Ok(None);
    }
    let Some((previous, _)) = store.session_by_number(latest.number - 1)? else {
        return Ok(None);
    };
    decide(app, &previous, &latest, true)
}

fn decide(
    app: &mut App,
    previous: &Session,
    latest: &Session,
    include_private: bool,
) -> Result<Option<&'static str>> {
    if !crate::settings::enabled(app.store()?, SETTING)? {
        return Ok(None);
    }
    let of = |n: i64| Filter {
        session: Some(n),
        include_private,
        ..Filter::default()
    };
    let latest_entries = app.store()?.entries(&of(latest.number))?;
    // Only the moods of the session before are needed, not its words.
    let previous_entries = app.store()?.entry_heads(&of(previous.number))?;
    let dip = match (
        reflection_mood(&previous_entries),
        reflection_mood(&latest_entries),
    ) {
        (Some(before), Some(now)) => now <= before - DIP_POINTS,
        _ => false,
    };
    let said = latest_entries.iter().any(|e| {
        e.phase != Phase::Intention && {
            let text = e.text();
            says_it_did_not_work(&text) && safety::assess(&text).is_none()
        }
    });
    Ok((dip || said).then_some(SENTENCE))
}

/// The average mood of a session's reflection entries.
fn reflection_mood(entries: &[Entry]) -> Option<f64> {
    let moods: Vec<f64> = entries
        .iter()
        .filter(|e| e.phase == Phase::Reflection)
        .filter_map(|e| e.mood.map(f64::from))
        .collect();
    (!moods.is_empty()).then(|| moods.iter().sum::<f64>() / moods.len() as f64)
}

/// What a session is called when someone says it did not work.
const SUBJECTS: &[&str] = &[
    "it",
    "session",
    "this",
    "that",
    "one",
    "journey",
    "ketamine",
    "treatment",
    "medicine",
    "dose",
    "trip",
    "today",
];

/// What they say of it.
const SAYINGS: &[&str] = &[
    "didnt work",
    "did not work",
    "doesnt work",
    "isnt working",
    "is not working",
    "wasnt working",
    "didnt do anything",
    "didnt do much",
    "did nothing",
    "was nothing",
    "felt like nothing",
    "was a waste",
    "was pointless",
    "was a dud",
    "was useless",
    "was a letdown",
    "was a let down",
    "was a failure",
];

/// Whether the writer says the session did not work, was nothing, and the
/// like ("it didn't work", "the session was nothing", "nothing happened").
pub fn says_it_did_not_work(text: &str) -> bool {
    // Most entries hold none of the words: no need to read them closely.
    let lower = text.to_lowercase();
    if ![
        "work",
        "nothing",
        "waste",
        "pointless",
        "dud",
        "useless",
        "let",
        "failure",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return false;
    }
    sentences(text).iter().any(|s| {
        let words: Vec<&str> = s.iter().map(|t| t.word.as_str()).collect();
        let joined = format!(" {} ", words.join(" "));
        joined.contains(" nothing happened ")
            || SUBJECTS.iter().any(|subject| {
                SAYINGS.iter().any(|saying| {
                    // "it didn't work out with Tom" is about something else.
                    let said = format!(" {subject} {saying} ");
                    joined.contains(&said) && !joined.contains(&format!("{said}out "))
                })
            })
    })
}

#[cfg(test)]
mod tests {
    use super::says_it_did_not_work;

    #[test]
    fn what_counts_as_saying_it_did_not_work() {
        for yes in [
            "Honestly it didn't work this time.",
            "The session was nothing, just music.",
            "nothing happened",
            "I think this one did nothing for me",
        ] {
            assert!(says_it_did_not_work(yes), "{yes}");
        }
        for no in [
            "The plan with my sister didn't work out, ha",
            "It worked. Something shifted.",
            "There was nothing to fear.",
            "It didn't work out with Tom.",
        ] {
            assert!(!says_it_did_not_work(no), "{no}");
        }
    }
}

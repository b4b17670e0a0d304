//! Review: the brief a client reads before the next session — period and
//! counts, the last intention, recurring themes, mood across sessions,
//! feelings named most, open actions, what changed, and questions to bring.
//!
//! This module builds that brief as plain data; `render::review` prints it
//! (terminal or JSON) and the export renders it into its documents. `kapj
//! review`, `kapj demo` and `kapj export` all come here for it, so none of
//! them calls another command.

pub mod history;
mod per_session;
mod questions;
mod steer;
pub mod uneven;

use std::collections::HashMap;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::app::App;
use crate::domain::{Action, CheckResult, Decision, Entry, Filter, Phase, Session};
use crate::templates;
use crate::text::first_line;
use crate::themes::{self, Corpus, RankOptions, ThemeHit, Trend};

pub struct Quote {
    pub entry: String,
    pub at: DateTime<FixedOffset>,
    /// For JSON and the export.
    pub text: String,
    /// The same, cut to fit one line of an 80-column terminal; a theme's
    /// quote is cut around the theme, so the line still shows why.
    pub short: String,
}

/// Longest quote in JSON and the export, in characters (no terminal there).
pub(crate) const QUOTE_CHARS: usize = 120;
/// Longest quote on a terminal line, after the indent and before the date.
pub const TERMINAL_QUOTE_COLUMNS: usize = 58;
/// Longest question on a terminal line, after "  - " and before the date.
const TERMINAL_QUESTION_COLUMNS: usize = 63;

pub struct Theme {
    pub hit: ThemeHit,
    pub quotes: Vec<Quote>,
    /// The client keeps watching it (`kapj themes keep`).
    pub kept: bool,
    /// Entries using it in each session of the period, by session number.
    pub per_session: Vec<SessionCount>,
}

/// How many entries of one session use a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCount {
    pub session: i64,
    pub entries: usize,
}

pub struct LastIntention {
    pub entry: Entry,
    pub text: String,
    /// Entries of a later phase written for the same session.
    pub reflections: usize,
}

pub struct MoodPoint {
    pub session: i64,
    pub at: DateTime<FixedOffset>,
    pub mood: f64,
}

/// Everything review shows; export's summary uses the same data.
pub struct Review {
    pub from: Option<DateTime<FixedOffset>>,
    pub to: DateTime<FixedOffset>,
    pub sessions: Vec<Session>,
    pub entries: usize,
    pub last_intention: Option<LastIntention>,
    pub themes: Vec<Theme>,
    pub mood: Vec<MoodPoint>,
    pub feelings: Vec<(String, usize)>,
    pub actions: Vec<Action>,
    /// Big decisions noted after a session and not yet settled, oldest
    /// first (none when `notes.decisions` is off).
    pub decisions: Vec<Decision>,
    pub questions: Vec<Quote>,
    /// What the embodiment phase's relationships question was answered,
    /// newest first.
    pub relationships: Vec<Quote>,
    /// The calm sentence about uneven sessions, when the latest session of
    /// the period was a quieter or harder one (see [`uneven`]).
    pub uneven: Option<&'static str>,
    pub checks: Vec<CheckResult>,
}

/// Builds the review for the entries a filter selects.
pub fn compute(app: &mut App, filter: &Filter, top: usize) -> Result<Review> {
    let all_sessions = app.store()?.sessions()?;
    compute_with(app, filter, top, &all_sessions)
}

/// [`compute`], given the journal's sessions (a caller that has them
/// already saves reading them twice).
pub fn compute_with(
    app: &mut App,
    filter: &Filter,
    top: usize,
    all_sessions: &[Session],
) -> Result<Review> {
    let now = app.clock.now();
    let in_period = |t: DateTime<FixedOffset>| {
        filter.since.is_none_or(|s| t >= s) && filter.until.is_none_or(|u| t <= u)
    };
    let sessions: Vec<Session> = all_sessions
        .iter()
        .filter(|s| in_period(s.at) && filter.session.is_none_or(|n| n == s.number))
        .cloned()
        .collect();

    let choices = app.store()?.theme_choices()?;
    let corpus = term_corpus(app, filter, &steer::keys_wanted(&choices))?;
    let ranked = rank_themes(app, &corpus, top + steer::extra_wanted(&choices))?;
    let mut steered = steer::steer(ranked, &corpus, &choices, top);
    name_as_written(app, &mut steered)?;
    let columns = per_session::Columns::new(&sessions, &corpus, all_sessions);
    let themes = with_quotes(app, steered, &columns)?;

    let with_text = |phase: Phase, limit: usize| Filter {
        phase: Some(phase),
        limit: Some(limit),
        ..filter.clone()
    };
    let intention = app.store()?.entries(&with_text(Phase::Intention, 1))?;
    let meaning = app.store()?.entries(&with_text(Phase::Meaning, 20))?;
    let last_intention = match intention.into_iter().next() {
        None => None,
        Some(e) => Some(LastIntention {
            reflections: app.store()?.later_in_session(e.number, filter)?,
            text: e
                .answer("intention")
                .map(str::to_string)
                .unwrap_or_else(|| e.text()),
            entry: e,
        }),
    };

    let by_row: HashMap<i64, &Session> = all_sessions.iter().map(|s| (s.row, s)).collect();
    let mut mood: Vec<MoodPoint> = app
        .store()?
        .mood_by_session(filter)?
        .into_iter()
        .filter_map(|(row, avg)| {
            let s = by_row.get(&row)?;
            Some(MoodPoint {
                session: s.number,
                at: s.at,
                mood: (avg * 10.0).round() / 10.0,
            })
        })
        .collect();
    mood.sort_by_key(|m| m.session);
    let feelings = app.store()?.feelings_named(filter, 5)?;
    let questions = open_questions(&meaning);
    let embodiment = app.store()?.entries(&with_text(Phase::Embodiment, 20))?;
    let relationships = answers_to(&embodiment, "relationships", 3);
    let actions = app.store()?.actions(false)?;
    let decisions = if crate::settings::enabled(app.store()?, crate::decision_note::SETTING)? {
        app.store()?
            .decisions(false)?
            .into_iter()
            .filter(|d| {
                in_period(d.at)
                    && (filter.include_private || !d.private)
                    && filter.session.is_none_or(|n| d.session == Some(n))
            })
            .collect()
    } else {
        Vec::new()
    };
    let uneven = uneven::sentence_for(app, filter, all_sessions)?;
    let checks = app
        .store()?
        .checks(None)?
        .into_iter()
        .filter(|c| in_period(c.at))
        .collect();
    Ok(Review {
        from: filter.since.or_else(|| corpus.docs().first().map(|d| d.at)),
        to: filter.until.unwrap_or(now),
        sessions,
        entries: corpus.len(),
        last_intention,
        themes,
        mood,
        feelings,
        actions,
        decisions,
        questions,
        relationships,
        uneven,
        checks,
    })
}

/// The period's entries with their terms: from the index, once it holds
/// every entry written since the last review; from the entries' own
/// analyses when it cannot be updated just now (busy or read-only).
/// `also`: keys to count even where only one entry of the journal uses them.
fn term_corpus(app: &mut App, filter: &Filter, also: &[String]) -> Result<Corpus> {
    if app.store()?.index_pending()? {
        app.store()?.term_corpus_with(filter, also)
    } else {
        app.store()?.analysed_corpus(filter)
    }
}

/// How many of a theme's entries are read for the way it is written.
const SURFACE_SAMPLE: usize = 60;

/// Ranks themes, named by their keys (see [`name_as_written`]).
fn rank_themes(app: &mut App, corpus: &Corpus, top: usize) -> Result<Vec<ThemeHit>> {
    let mut exclude_text: Vec<String> = Vec::new();
    for p in Phase::ALL {
        let t = templates::load(&app.home, p)?;
        exclude_text.extend(t.prompts.iter().map(|q| q.text.clone()));
        exclude_text.extend(t.mood.clone());
        if p != Phase::Free {
            exclude_text.push(
                templates::builtin(p)
                    .prompts
                    .iter()
                    .map(|q| q.text.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    Ok(themes::rank(corpus, &RankOptions { top, exclude_text }))
}

/// Names the ranking's themes in the form their entries write most (the
/// client's own themes keep the name they gave). Only for the themes shown:
/// it reads entries.
fn name_as_written(app: &mut App, themes: &mut [steer::Steered]) -> Result<()> {
    for t in themes.iter_mut().filter(|t| !t.named) {
        let h = &mut t.hit;
        let sample = spread(&h.entry_ids, SURFACE_SAMPLE);
        let analyses = app.store()?.analyses(&sample)?;
        if let Some(surface) = themes::surface_of(&h.key, &analyses) {
            h.theme = surface;
        }
    }
    Ok(())
}

/// At most `n` of `items`, evenly spread from first to last (all of them
/// when there are no more than `n`): the written form of a theme is counted
/// over its whole span, not only its newest entries.
fn spread(items: &[i64], n: usize) -> Vec<i64> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n)
        .map(|i| items[i * (items.len() - 1) / (n - 1)])
        .collect()
}

/// How many of a theme's newest entries are read for its quotes.
const QUOTE_CANDIDATES: usize = 6;

/// One or two quotes for each theme, from its newest entries; for a merged
/// theme, from different members where its entries allow.
fn with_quotes(
    app: &mut App,
    themes: Vec<steer::Steered>,
    columns: &per_session::Columns,
) -> Result<Vec<Theme>> {
    let wanted: Vec<i64> = themes
        .iter()
        .flat_map(|t| {
            let n = if t.forms.len() > 1 {
                QUOTE_CANDIDATES
            } else {
                3
            };
            t.hit.entry_ids.iter().take(n).copied()
        })
        .collect();
    let texts = app.store()?.entry_texts(&wanted)?;
    let heads = app.store()?.entry_heads_by_number(&wanted)?;
    Ok(themes
        .into_iter()
        .map(|t| {
            let forms: Vec<&str> = if t.forms.is_empty() {
                vec![t.hit.theme.as_str()]
            } else {
                t.forms.iter().map(String::as_str).collect()
            };
            let candidates = if forms.len() > 1 { QUOTE_CANDIDATES } else { 3 };
            // (form used, quote), newest entries first; enough once there
            // are two, and for a merged theme two of different members.
            let mut found: Vec<(usize, Quote)> = Vec::new();
            let mut forms_quoted = std::collections::HashSet::new();
            for n in t.hit.entry_ids.iter().take(candidates) {
                let (Some(e), Some(text)) = (heads.get(n), texts.get(n)) else {
                    continue;
                };
                let Some((form, text, short)) =
                    themes::quote_any(text, &forms, QUOTE_CHARS, TERMINAL_QUOTE_COLUMNS)
                else {
                    continue;
                };
                forms_quoted.insert(form);
                found.push((
                    form,
                    Quote {
                        entry: e.id.clone(),
                        at: e.at,
                        text,
                        short,
                    },
                ));
                if found.len() >= 2 && (forms.len() == 1 || forms_quoted.len() >= 2) {
                    break;
                }
            }
            let quotes = pick_quotes(found, 2);
            Theme {
                per_session: columns.counts(&t.hit),
                hit: t.hit,
                quotes,
                kept: t.kept,
            }
        })
        .collect())
}

/// The newest `n` quotes, preferring ones that show different forms (a
/// merged theme's quotes come from all of its members where they can).
fn pick_quotes(found: Vec<(usize, Quote)>, n: usize) -> Vec<Quote> {
    let mut seen = std::collections::HashSet::new();
    let (fresh, again): (Vec<_>, Vec<_>) = found.into_iter().partition(|(f, _)| seen.insert(*f));
    let mut chosen: Vec<Quote> = fresh
        .into_iter()
        .chain(again)
        .take(n)
        .map(|q| q.1)
        .collect();
    chosen.sort_by_key(|q| std::cmp::Reverse(q.at));
    chosen
}

/// The answers to one prompt, newest first, at most `n`.
fn answers_to(entries: &[Entry], key: &str, n: usize) -> Vec<Quote> {
    entries
        .iter()
        .filter_map(|e| {
            let t = e.answer(key)?.trim();
            (!t.is_empty()).then(|| Quote {
                entry: e.id.clone(),
                at: e.at,
                text: t.to_string(),
                short: first_line(t, TERMINAL_QUESTION_COLUMNS),
            })
        })
        .take(n)
        .collect()
}

/// The meaning-making prompt on what felt true in the session and what the
/// client is unsure of: its answer is something to bring, too.
pub const FELT_TRUE_KEY: &str = "felt_true";

/// Questions from meaning-making entries, newest first: the `questions`
/// answer, or sentences ending in "?" where the entry has no such answer,
/// and the answer on what felt true and what is unsure.
fn open_questions(entries: &[Entry]) -> Vec<Quote> {
    let mut out = Vec::new();
    for e in entries.iter().filter(|e| e.phase == Phase::Meaning) {
        let mut texts: Vec<String> = match e.answer("questions") {
            Some(q) => vec![q.trim().to_string()],
            None => {
                let asked: Vec<&str> = e
                    .answers
                    .iter()
                    .filter(|a| a.key != FELT_TRUE_KEY)
                    .map(|a| a.text.as_str())
                    .collect();
                questions::questions_in(&asked.join("\n\n"))
            }
        };
        if let Some(t) = e.answer(FELT_TRUE_KEY) {
            texts.push(t.trim().to_string());
        }
        for t in texts.into_iter().filter(|t| !t.is_empty()) {
            out.push(Quote {
                entry: e.id.clone(),
                at: e.at,
                // Whole: a therapist's copy holds the question as it was asked.
                text: t.clone(),
                short: first_line(&t, TERMINAL_QUESTION_COLUMNS),
            });
            if out.len() == 5 {
                return out;
            }
        }
    }
    out
}

pub fn trend_key(t: &Trend) -> &'static str {
    match t {
        Trend::New => "new",
        Trend::Rising => "rising",
        Trend::Steady => "steady",
        Trend::Fading => "fading",
    }
}

#[cfg(test)]
mod tests {
    use super::spread;

    #[test]
    fn spread_keeps_ends_and_spacing() {
        assert_eq!(spread(&[1, 2, 3], 60), vec![1, 2, 3]);
        let all: Vec<i64> = (0..100).collect();
        let s = spread(&all, 5);
        assert_eq!(s, vec![0, 24, 49, 74, 99]);
    }
}

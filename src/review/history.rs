//! One theme through time, for `kapj themes show`: how many entries of each
//! session use it, when it was first and last written, a few telling
//! quotes, the phases it comes up in, and the themes written beside it.
//!
//! It reads the term index, not the text: one pass over every entry's
//! packed term ids, then the text of the few entries quoted.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use super::{Quote, SessionCount, QUOTE_CHARS, TERMINAL_QUOTE_COLUMNS};
use crate::app::App;
use crate::domain::Phase;
use crate::store::{NamedTheme, Occurrence, ThemeChoices};
use crate::themes;

/// Themes written beside it: at most this many.
const TOGETHER: usize = 5;
/// How many of the terms sharing its entries are looked up at first.
const LOOKED_UP: usize = 500;
/// How many entries are read for the written form of each of those.
const SURFACE_SAMPLE: usize = 10;

pub struct ThemeHistory {
    /// As the client named it, or the merged theme's name.
    pub theme: String,
    /// A merged theme's members (empty otherwise).
    pub merged: Vec<String>,
    pub kept: bool,
    pub hidden: bool,
    /// Entries using it.
    pub entries: usize,
    /// Every session up to now, by number, with the entries using it.
    pub per_session: Vec<SessionCount>,
    /// Its entries that belong to no session.
    pub outside_sessions: usize,
    pub first_seen: DateTime<FixedOffset>,
    pub last_seen: DateTime<FixedOffset>,
    /// Two or three, oldest first.
    pub quotes: Vec<Quote>,
    /// Phases it is written in, in phase order, with entries.
    pub phases: Vec<(Phase, usize)>,
    /// Themes in the same entries most often (weighed against how common
    /// they are in the journal), with the entries they share.
    pub together: Vec<(String, usize)>,
}

/// The history of a theme as named, or of the merged theme it belongs to;
/// None when no entry uses it.
pub fn trace(
    app: &mut App,
    theme: &NamedTheme,
    choices: &ThemeChoices,
) -> Result<Option<ThemeHistory>> {
    let group = choices.group_of(&theme.key).or_else(|| {
        choices.merged.iter().find(|g| {
            g.name == theme.name || themes::key_of(&g.name).ok().as_ref() == Some(&theme.key)
        })
    });
    let (name, keys, forms): (String, Vec<String>, Vec<String>) = match group {
        Some(g) => (
            g.name.clone(),
            g.members.iter().map(|m| m.key.clone()).collect(),
            g.members.iter().map(|m| m.name.clone()).collect(),
        ),
        None => (
            theme.name.clone(),
            vec![theme.key.clone()],
            vec![theme.name.clone()],
        ),
    };
    let store = app.store()?;
    store.index_pending()?;
    let found = store.occurrences(&keys)?;
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        return Ok(None);
    };
    let (first_seen, last_seen) = (first.at, last.at);
    let now = app.clock.now();
    let sessions = app.store()?.sessions()?;

    let mut by_session: HashMap<i64, usize> = HashMap::new();
    let mut outside_sessions = 0;
    for o in &found {
        match o.session {
            Some(row) => *by_session.entry(row).or_default() += 1,
            None => outside_sessions += 1,
        }
    }
    // Planned sessions are left out until something is written for them:
    // an empty future would read as the theme fading.
    let per_session = sessions
        .iter()
        .filter(|s| s.at <= now || by_session.contains_key(&s.row))
        .map(|s| SessionCount {
            session: s.number,
            entries: by_session.get(&s.row).copied().unwrap_or(0),
        })
        .collect();

    let phases = Phase::ALL
        .iter()
        .map(|&p| (p, found.iter().filter(|o| o.phase == p).count()))
        .filter(|p| p.1 > 0)
        .collect();

    let quotes = telling_quotes(app, &found, &forms)?;
    let together = together(app, &found, &keys)?;
    let is = |list: &[NamedTheme]| list.iter().any(|t| keys.contains(&t.key));
    let kept = is(&choices.kept)
        || group.is_some_and(|g| {
            themes::key_of(&g.name).is_ok_and(|k| choices.kept.iter().any(|t| t.key == k))
        });
    Ok(Some(ThemeHistory {
        theme: name,
        merged: if group.is_some() { forms } else { Vec::new() },
        kept,
        hidden: is(&choices.hidden),
        entries: found.len(),
        per_session,
        outside_sessions,
        first_seen,
        last_seen,
        quotes,
        phases,
        together,
    }))
}

/// The first entry, the latest, and between them the one that uses the
/// theme most (the earliest of those): where it began, where it stands,
/// and where it was strongest. Oldest first.
fn telling_quotes(app: &mut App, found: &[Occurrence], forms: &[String]) -> Result<Vec<Quote>> {
    let mut picks: Vec<usize> = vec![0];
    if found.len() > 2 {
        let middle = (1..found.len() - 1)
            .max_by(|&a, &b| found[a].count.cmp(&found[b].count).then(b.cmp(&a)))
            .expect("a middle entry");
        picks.push(middle);
    }
    if found.len() > 1 {
        picks.push(found.len() - 1);
    }
    let numbers: Vec<i64> = picks.iter().map(|&i| found[i].entry).collect();
    let texts = app.store()?.entry_texts(&numbers)?;
    let heads = app.store()?.entry_heads_by_number(&numbers)?;
    let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for n in numbers {
        let (Some(e), Some(text)) = (heads.get(&n), texts.get(&n)) else {
            continue;
        };
        if let Some((_, text, short)) =
            themes::quote_any(text, &forms, QUOTE_CHARS, TERMINAL_QUOTE_COLUMNS)
        {
            out.push(Quote {
                entry: e.id.clone(),
                at: e.at,
                text,
                short,
            });
        }
    }
    Ok(out)
}

/// Themes written in the same entries: each other term shared by at least
/// two of them, scored by shared entries × log(journal entries / its
/// entries), so words everyone uses all the time do not crowd out the
/// particular ones; none sharing a word with the theme or with one already
/// chosen. Named in the form these entries write most.
fn together(app: &mut App, found: &[Occurrence], keys: &[String]) -> Result<Vec<(String, usize)>> {
    let mut shared: HashMap<u32, usize> = HashMap::new();
    for o in found {
        for &id in &o.others {
            *shared.entry(id).or_default() += 1;
        }
    }
    // Most shared first. A term's score is at most shared × log(total /
    // shared), as no term is in fewer entries than it shares: only the
    // most shared are looked up, then any other that could still beat
    // them (at 100k entries a common theme shares tens of thousands).
    let mut ids: Vec<(u32, usize)> = shared.into_iter().filter(|s| s.1 >= 2).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    ids.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total = app.store()?.count_entries()?.max(1) as f64;
    let score =
        |shared: usize, entries: u32| shared as f64 * (total / f64::from(entries.max(1))).ln();
    let first = ids.len().min(LOOKED_UP);
    type Scored = (f64, usize, crate::store::IndexedTerm);
    let look_up = |ids: &[(u32, usize)], app: &mut App| -> Result<Vec<Scored>> {
        let count: HashMap<u32, usize> = ids.iter().copied().collect();
        let ids: Vec<u32> = ids.iter().map(|i| i.0).collect();
        Ok(app
            .store()?
            .term_keys_by_id(&ids)?
            .into_iter()
            .map(|t| {
                let n = count[&t.id];
                (score(n, t.entries), n, t)
            })
            .collect())
    };
    let mut terms = look_up(&ids[..first], app)?;
    let mut scores: Vec<f64> = terms.iter().map(|t| t.0).collect();
    scores.sort_unstable_by(|a, b| b.total_cmp(a));
    let bar = scores
        .get(4 * TOGETHER)
        .copied()
        .unwrap_or(f64::NEG_INFINITY);
    let contenders: Vec<(u32, usize)> = ids[first..]
        .iter()
        .copied()
        .filter(|&(_, n)| score(n, n as u32) > bar)
        .collect();
    terms.extend(look_up(&contenders, app)?);
    terms.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.key.cmp(&b.2.key)));
    let mut taken: HashSet<String> = keys
        .iter()
        .flat_map(|k| {
            themes::core_of(k)
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut chosen = Vec::new();
    for (score, shared, t) in terms {
        if chosen.len() == TOGETHER || score <= 0.0 {
            break;
        }
        let core = themes::core_of(&t.key);
        let words: Vec<&str> = core.split(' ').collect();
        if words.iter().any(|w| taken.contains(*w)) {
            continue;
        }
        taken.extend(words.iter().map(|w| w.to_string()));
        chosen.push((t.id, t.key, shared));
    }
    // Written forms, from a few of the entries that share each one.
    let mut out = Vec::with_capacity(chosen.len());
    for (id, key, n) in chosen {
        let sample: Vec<i64> = found
            .iter()
            .filter(|o| o.others.contains(&id))
            .take(SURFACE_SAMPLE)
            .map(|o| o.entry)
            .collect();
        let analyses = app.store()?.analyses(&sample)?;
        out.push((themes::surface_of(&key, &analyses).unwrap_or(key), n));
    }
    Ok(out)
}

//! The client's choices applied to the ranked themes: hidden ones never
//! show, merged ones show once (their entries counted as a union), kept ones
//! always show when they appear in the period, first, even below the bar.
//!
//! The ranking itself is untouched: this works on its list and on the
//! period's corpus, so a choice never changes how other themes score.

use std::collections::{HashMap, HashSet};

use crate::store::ThemeChoices;
use crate::themes::{self, Corpus, ThemeHit};

/// A theme as review shows it, after the client's choices.
pub struct Steered {
    pub hit: ThemeHit,
    pub kept: bool,
    /// Named by the client (kept or merged): `hit.theme` is that name.
    /// Otherwise it is the ranking's key, still to be given its written form.
    pub named: bool,
    /// The ways it is written, for quotes: a merged theme's members.
    pub forms: Vec<String>,
}

/// A kept theme or a merged group: what the client named.
struct Unit {
    name: String,
    keys: Vec<String>,
    kept: bool,
    forms: Vec<String>,
    /// Already placed in the ranking's order (at its first member).
    placed: bool,
    /// The ranked theme itself, when the unit is exactly that one key.
    ranked: Option<ThemeHit>,
}

/// Keys of ranking's themes a caller should ask [`themes::rank`] for beyond
/// `top`, so that hiding and merging still leave `top` to show.
pub fn extra_wanted(choices: &ThemeChoices) -> usize {
    choices.hidden.len()
        + choices
            .merged
            .iter()
            .map(|g| g.members.len())
            .sum::<usize>()
}

/// Keys the corpus should have slots for even when only one entry of the
/// journal uses them: a kept theme shows whenever it appears.
pub fn keys_wanted(choices: &ThemeChoices) -> Vec<String> {
    choices
        .kept
        .iter()
        .chain(choices.merged.iter().flat_map(|g| &g.members))
        .map(|t| t.key.clone())
        .collect()
}

/// Kept themes first, then up to `top` of the others in ranking order.
pub fn steer(
    ranked: Vec<ThemeHit>,
    corpus: &Corpus,
    choices: &ThemeChoices,
    top: usize,
) -> Vec<Steered> {
    let mut units = units(choices);
    let mut unit_by: HashMap<String, usize> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        for k in &u.keys {
            unit_by.entry(k.clone()).or_insert(i);
            unit_by.entry(themes::core_of(k)).or_insert(i);
        }
    }
    let hidden: HashSet<String> = choices
        .hidden
        .iter()
        .flat_map(|h| [h.key.clone(), themes::core_of(&h.key)])
        .collect();

    // The ranking's order, with each unit at its first member's place.
    enum Place {
        Ranked(ThemeHit),
        Unit(usize),
    }
    let mut order: Vec<Place> = Vec::new();
    for hit in ranked {
        let core = themes::core_of(&hit.key);
        if hidden.contains(&hit.key) || hidden.contains(&core) {
            continue;
        }
        let unit = unit_by.get(&hit.key).or_else(|| unit_by.get(&core));
        match unit {
            Some(&u) => {
                let unit = &mut units[u];
                if !unit.placed {
                    unit.placed = true;
                    order.push(Place::Unit(u));
                }
                if unit.keys.len() == 1 && unit.keys[0] == hit.key {
                    unit.ranked = Some(hit);
                }
            }
            None => order.push(Place::Ranked(hit)),
        }
    }

    let time_order = if units.is_empty() {
        Vec::new()
    } else {
        corpus.time_order()
    };
    let found = corpus.docs_using(&units.iter().map(|u| u.keys.clone()).collect::<Vec<_>>());
    let mut unit_hits: Vec<Option<ThemeHit>> = units
        .iter_mut()
        .zip(&found)
        .map(|(u, docs)| {
            let mut hit = match u.ranked.take() {
                Some(hit) => hit,
                None => corpus.theme_of_docs(docs, &u.name, &u.keys[0], &time_order)?,
            };
            hit.theme.clone_from(&u.name);
            Some(hit)
        })
        .collect();

    // Kept themes the ranking shows, in its order.
    let mut kept: Vec<Steered> = Vec::new();
    let mut others: Vec<Steered> = Vec::new();
    for place in order {
        match place {
            Place::Ranked(hit) => others.push(Steered {
                hit,
                kept: false,
                named: false,
                forms: Vec::new(),
            }),
            Place::Unit(u) => {
                if let Some(hit) = unit_hits[u].take() {
                    let s = steered(&units[u], hit);
                    if s.kept {
                        kept.push(s);
                    } else {
                        others.push(s);
                    }
                }
            }
        }
    }
    // Kept themes the ranking did not show, most used first.
    let mut unranked: Vec<Steered> = units
        .iter()
        .zip(unit_hits)
        .filter(|(u, _)| u.kept)
        .filter_map(|(u, hit)| Some(steered(u, hit?)))
        .collect();
    unranked.sort_by(|a, b| {
        b.hit
            .entries
            .cmp(&a.hit.entries)
            .then_with(|| a.hit.theme.cmp(&b.hit.theme))
    });
    others.truncate(top);
    kept.into_iter().chain(unranked).chain(others).collect()
}

fn steered(u: &Unit, hit: ThemeHit) -> Steered {
    Steered {
        hit,
        kept: u.kept,
        named: true,
        forms: u.forms.clone(),
    }
}

/// Merged groups, then kept themes outside any group. A group is kept when
/// the client kept any of its members or its name.
fn units(choices: &ThemeChoices) -> Vec<Unit> {
    let kept_keys: HashSet<&str> = choices.kept.iter().map(|k| k.key.as_str()).collect();
    let mut in_group: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for g in &choices.merged {
        let name_key = themes::key_of(&g.name).ok();
        let kept = g.members.iter().any(|m| kept_keys.contains(m.key.as_str()))
            || name_key.as_deref().is_some_and(|k| kept_keys.contains(k));
        in_group.extend(g.members.iter().map(|m| m.key.clone()));
        in_group.extend(name_key);
        out.push(Unit {
            name: g.name.clone(),
            keys: g.members.iter().map(|m| m.key.clone()).collect(),
            kept,
            forms: g.members.iter().map(|m| m.name.clone()).collect(),
            placed: false,
            ranked: None,
        });
    }
    for k in &choices.kept {
        if in_group.contains(&k.key) {
            continue;
        }
        out.push(Unit {
            name: k.name.clone(),
            keys: vec![k.key.clone()],
            kept: true,
            forms: vec![k.name.clone()],
            placed: false,
            ranked: None,
        });
    }
    out
}

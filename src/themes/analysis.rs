//! Stage 1: what one entry contributes to themes, computed when it is written.

use std::collections::HashMap;

use super::stem::stem;
use super::text::{clauses, kind, Word, WordKind, PARTICLES, POSSESSIVES};

/// Bump when the terms of an entry or their encoding change, so that stored
/// analyses are rebuilt (decode refuses other versions).
pub const ANALYSIS_VERSION: u32 = 1;

/// One term of an entry: a content word or a short phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Stems joined by one space ("my father", "tight"): what themes group by.
    pub key: String,
    /// The words as written, lower case ("my father", "tightness"); the most
    /// frequent form where the entry has several.
    pub surface: String,
    /// How often the entry uses it.
    pub count: u32,
}

/// Per-entry term counts: content words and 2–3 word phrases, by stem.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// Content words in the entry (the length that term counts are out of).
    pub words: u32,
    /// Sorted by key, keys unique.
    pub terms: Vec<Term>,
}

impl Analysis {
    pub fn of_text(text: &str) -> Analysis {
        let mut words = 0u32;
        let mut counts: HashMap<String, (u32, HashMap<String, u32>)> = HashMap::new();
        for clause in clauses(text) {
            let info: Vec<(WordKind, String)> = clause
                .iter()
                .map(|w| (kind(&w.norm), stem(&w.norm)))
                .collect();
            words += info.iter().filter(|i| i.0 == WordKind::Content).count() as u32;
            for (range, key) in clause_terms(&clause, &info) {
                let surface = clause[range]
                    .iter()
                    .map(|w| w.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let slot = counts.entry(key).or_default();
                slot.0 += 1;
                *slot.1.entry(surface).or_default() += 1;
            }
        }
        let mut terms: Vec<Term> = counts
            .into_iter()
            .map(|(key, (count, forms))| Term {
                key,
                surface: most_frequent(forms),
                count,
            })
            .collect();
        terms.sort_by(|a, b| a.key.cmp(&b.key));
        Analysis { words, terms }
    }

    /// The term with this key, if the entry has it.
    pub fn get(&self, key: &str) -> Option<&Term> {
        self.terms
            .binary_search_by(|t| t.key.as_str().cmp(key))
            .ok()
            .map(|i| &self.terms[i])
    }

    /// Compact text form: `v{VERSION}|{words}|term;term;…` where a term is
    /// its key, then how the surface differs from the key (`+tail` appends,
    /// `-N` drops N characters first; nothing when they are equal), then
    /// `*count` when the count is above one. Keys and surfaces hold only
    /// letters and spaces, so the markers cannot clash.
    pub fn encode(&self) -> String {
        let mut out = format!("v{}|{}|", ANALYSIS_VERSION, self.words);
        for (i, t) in self.terms.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            out.push_str(&t.key);
            push_surface_diff(&mut out, &t.key, &t.surface);
            if t.count > 1 {
                out.push('*');
                out.push_str(&t.count.to_string());
            }
        }
        out
    }

    pub fn decode(s: &str) -> Option<Analysis> {
        let mut parts = s.splitn(3, '|');
        let version: u32 = parts.next()?.strip_prefix('v')?.parse().ok()?;
        if version != ANALYSIS_VERSION {
            return None;
        }
        let words: u32 = parts.next()?.parse().ok()?;
        let body = parts.next()?;
        let mut terms = Vec::new();
        if !body.is_empty() {
            for item in body.split(';') {
                terms.push(decode_term(item)?);
            }
        }
        let sorted = terms.windows(2).all(|w| w[0].key < w[1].key);
        sorted.then_some(Analysis { words, terms })
    }
}

/// The terms of one clause: content words, and phrases of the shapes
///   (content | possessive) content          "my father", "panic attack"
///   content particle                        "letting go", "opening up"
///   (content | possessive) content content  "my inner child"
///   content "of" content                    "fear of death"
/// A phrase therefore always holds a content word, never only generic ones.
fn clause_terms(
    clause: &[Word],
    info: &[(WordKind, String)],
) -> Vec<(std::ops::Range<usize>, String)> {
    let is_content = |i: usize| info[i].0 == WordKind::Content;
    let opens = |i: usize| is_content(i) || POSSESSIVES.contains(&clause[i].norm.as_str());
    let key = |range: std::ops::Range<usize>| {
        info[range]
            .iter()
            .map(|i| i.1.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = Vec::new();
    for i in 0..clause.len() {
        if is_content(i) {
            out.push((i..i + 1, info[i].1.clone()));
        }
        if i + 1 < clause.len() {
            let particle = PARTICLES.contains(&clause[i + 1].norm.as_str());
            if (opens(i) && is_content(i + 1)) || (is_content(i) && particle) {
                out.push((i..i + 2, key(i..i + 2)));
            }
        }
        if i + 2 < clause.len() {
            let middle = is_content(i + 1) || (clause[i + 1].norm == "of" && is_content(i));
            if opens(i) && middle && is_content(i + 2) {
                out.push((i..i + 3, key(i..i + 3)));
            }
        }
    }
    out
}

/// The most frequent form; ties go to the alphabetically first, so the
/// result does not depend on hash order.
fn most_frequent(forms: HashMap<String, u32>) -> String {
    forms
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|f| f.0)
        .unwrap_or_default()
}

fn push_surface_diff(out: &mut String, key: &str, surface: &str) {
    if key == surface {
        return;
    }
    let common = key
        .chars()
        .zip(surface.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let drop = key.chars().count() - common;
    let tail: String = surface.chars().skip(common).collect();
    if drop > 0 {
        out.push('-');
        out.push_str(&drop.to_string());
        out.push_str(&tail);
    } else {
        out.push('+');
        out.push_str(&tail);
    }
}

fn decode_term(item: &str) -> Option<Term> {
    let (body, count) = match item.rsplit_once('*') {
        Some((b, c)) => (b, c.parse().ok()?),
        None => (item, 1),
    };
    let marker = body.find(['+', '-']);
    let (key, diff) = match marker {
        Some(at) => body.split_at(at),
        None => (body, ""),
    };
    if key.is_empty() || count == 0 {
        return None;
    }
    let surface = apply_surface_diff(key, diff)?;
    Some(Term {
        key: key.to_string(),
        surface,
        count,
    })
}

fn apply_surface_diff(key: &str, diff: &str) -> Option<String> {
    if let Some(tail) = diff.strip_prefix('+') {
        return Some(format!("{key}{tail}"));
    }
    let Some(rest) = diff.strip_prefix('-') else {
        return diff.is_empty().then(|| key.to_string());
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let drop: usize = rest[..digits].parse().ok()?;
    let keep = key.chars().count().checked_sub(drop)?;
    let mut surface: String = key.chars().take(keep).collect();
    surface.push_str(&rest[digits..]);
    Some(surface)
}

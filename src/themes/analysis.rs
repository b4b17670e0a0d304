//! Stage 1: what one entry contributes to themes, computed when it is written.

use std::borrow::Cow;

use super::hash::{key_hash, ByHash};
use super::stem::stem;
use super::text::{clauses, kind, Case, Word, WordKind, PARTICLES, POSSESSIVES};

/// Bump when the terms of an entry or their encoding change, so that stored
/// analyses are rebuilt (decode refuses other versions).
pub const ANALYSIS_VERSION: u32 = 2;

/// One term of an entry: a content word or a short phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term<'a> {
    /// Stems joined by one space ("my father", "tight"): what themes group by.
    pub key: &'a str,
    /// The words as written, lower case ("my father", "tightness"); the most
    /// frequent form where the entry has several.
    pub surface: &'a str,
    /// How often the entry uses it.
    pub count: u32,
    /// A single word the entry writes capitalised inside sentences and never
    /// in lower case: a personal name, as a rule ("Mary").
    pub name: bool,
    /// [`key_hash`] of the key.
    pub hash: u64,
}

/// Per-entry term counts: content words and 2–3 word phrases, by stem.
///
/// Laid out for a fast decode: all keys and surfaces share one buffer.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Content words in the entry (the length that term counts are out of).
    pub words: u32,
    /// Keys, and surfaces where they differ from the key, back to back.
    buf: String,
    /// Sorted by key, keys unique.
    slots: Vec<Slot>,
}

#[derive(Debug, Clone)]
struct Slot {
    key: (u32, u32),
    surface: (u32, u32),
    hash: u64,
    count: u32,
    name: bool,
}

impl PartialEq for Analysis {
    fn eq(&self, other: &Analysis) -> bool {
        self.words == other.words && self.terms().eq(other.terms())
    }
}

impl Eq for Analysis {}

impl Analysis {
    pub fn of_text(text: &str) -> Analysis {
        let mut words = 0u32;
        let mut tally: ByHash<Tally> = ByHash::default();
        for clause in clauses(text) {
            // Only content words need stemming: the other words of a phrase
            // ("my", "of", "up") are their own stems.
            let info: Vec<(WordKind, Cow<str>)> = clause
                .iter()
                .map(|w| {
                    let k = kind(&w.norm);
                    let s = match k {
                        WordKind::Content => Cow::Owned(stem(&w.norm)),
                        _ => Cow::Borrowed(w.norm.as_str()),
                    };
                    (k, s)
                })
                .collect();
            words += info.iter().filter(|i| i.0 == WordKind::Content).count() as u32;
            for (range, key) in clause_terms(&clause, &info) {
                let written = &clause[range];
                let t = tally
                    .entry(key_hash(&key))
                    .or_insert_with(|| Tally::new(key));
                t.count += 1;
                t.add_form(written);
                if let [single] = written {
                    match single.case {
                        Case::CapitalInside => t.capital_inside += 1,
                        Case::Lower => t.lower += 1,
                        Case::Other => {}
                    }
                }
            }
        }
        let mut tallied: Vec<Tally> = tally.into_values().collect();
        tallied.sort_by(|a, b| a.key.cmp(&b.key));
        let mut out = Analysis {
            words,
            ..Analysis::default()
        };
        for t in tallied {
            let name = t.capital_inside > 0 && t.lower == 0;
            out.push(&t.key, t.most_frequent_form(), t.count, name);
        }
        out
    }

    /// Append a term (callers keep keys sorted).
    fn push(&mut self, key: &str, surface: &str, count: u32, name: bool) {
        let key_range = self.append(key);
        let surface_range = if surface == key {
            key_range
        } else {
            self.append(surface)
        };
        self.slots.push(Slot {
            key: key_range,
            surface: surface_range,
            hash: key_hash(key),
            count,
            name,
        });
    }

    /// Append a stored term, writing its surface straight into the buffer.
    fn push_decoded(&mut self, key: &str, diff: &str, count: u32, name: bool) -> Option<()> {
        let key_range = self.append(key);
        let surface_range = if diff.is_empty() {
            key_range
        } else {
            let (keep, tail) = surface_parts(key, diff)?;
            let start = self.buf.len() as u32;
            self.buf.push_str(&key[..keep]);
            self.buf.push_str(tail);
            (start, self.buf.len() as u32)
        };
        self.slots.push(Slot {
            key: key_range,
            surface: surface_range,
            hash: key_hash(key),
            count,
            name,
        });
        Some(())
    }

    fn append(&mut self, s: &str) -> (u32, u32) {
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        (start, self.buf.len() as u32)
    }

    fn term(&self, slot: &Slot) -> Term<'_> {
        let text = |(a, b): (u32, u32)| &self.buf[a as usize..b as usize];
        Term {
            key: text(slot.key),
            surface: text(slot.surface),
            count: slot.count,
            name: slot.name,
            hash: slot.hash,
        }
    }

    /// The terms, sorted by key.
    pub fn terms(&self) -> impl ExactSizeIterator<Item = Term<'_>> + '_ {
        self.slots.iter().map(|s| self.term(s))
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The term with this key, if the entry has it.
    pub fn get(&self, key: &str) -> Option<Term<'_>> {
        self.slots
            .binary_search_by(|s| self.term(s).key.cmp(key))
            .ok()
            .map(|i| self.term(&self.slots[i]))
    }

    /// Compact text form: `v{VERSION}|{words}|term;term;…` where a term is
    /// its key, then how the surface differs from the key (`+tail` appends,
    /// `-N` drops N characters first; nothing when they are equal), `^` if
    /// it is a name, then `*count` when the count is above one. Keys and
    /// surfaces hold only letters and spaces, so the markers cannot clash.
    pub fn encode(&self) -> String {
        let mut out = format!("v{}|{}|", ANALYSIS_VERSION, self.words);
        for (i, t) in self.terms().enumerate() {
            if i > 0 {
                out.push(';');
            }
            out.push_str(t.key);
            push_surface_diff(&mut out, t.key, t.surface);
            if t.name {
                out.push('^');
            }
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
        let mut out = Analysis {
            words,
            buf: String::with_capacity(body.len()),
            slots: Vec::with_capacity(body.len() / 8),
        };
        if body.is_empty() {
            return Some(out);
        }
        let mut previous: Option<&str> = None;
        for item in body.split(';') {
            let (key, diff, name, count) = split_term(item)?;
            if previous.is_some_and(|p| p >= key) {
                return None; // keys must be sorted and unique
            }
            previous = Some(key);
            out.push_decoded(key, diff, count, name)?;
        }
        Some(out)
    }
}

/// What of_text gathers for one key.
struct Tally {
    key: String,
    count: u32,
    /// Written forms and how often; almost always just one.
    forms: Vec<(String, u32)>,
    capital_inside: u32,
    lower: u32,
}

impl Tally {
    fn new(key: String) -> Tally {
        Tally {
            key,
            count: 0,
            forms: Vec::new(),
            capital_inside: 0,
            lower: 0,
        }
    }

    fn add_form(&mut self, written: &[Word]) {
        let same = |f: &str| {
            let mut parts = f.split(' ');
            written
                .iter()
                .all(|w| parts.next() == Some(w.norm.as_str()))
                && parts.next().is_none()
        };
        match self.forms.iter_mut().find(|f| same(&f.0)) {
            Some(f) => f.1 += 1,
            None => {
                let form: Vec<&str> = written.iter().map(|w| w.norm.as_str()).collect();
                self.forms.push((form.join(" "), 1));
            }
        }
    }

    /// The most frequent form; ties go to the alphabetically first, so the
    /// result does not depend on the order of the text.
    fn most_frequent_form(&self) -> &str {
        self.forms
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map_or(self.key.as_str(), |f| f.0.as_str())
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
    info: &[(WordKind, Cow<str>)],
) -> Vec<(std::ops::Range<usize>, String)> {
    let is_content = |i: usize| info[i].0 == WordKind::Content;
    let opens = |i: usize| is_content(i) || POSSESSIVES.contains(&clause[i].norm.as_str());
    let key = |range: std::ops::Range<usize>| {
        info[range]
            .iter()
            .map(|i| i.1.as_ref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = Vec::new();
    for i in 0..clause.len() {
        if is_content(i) {
            out.push((i..i + 1, info[i].1.to_string()));
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

/// A stored term's parts: key, surface diff, name flag, count.
fn split_term(item: &str) -> Option<(&str, &str, bool, u32)> {
    let b = item.as_bytes();
    // The key runs up to the first marker (keys hold letters and spaces).
    let key_end = b
        .iter()
        .position(|&c| matches!(c, b'+' | b'-' | b'^' | b'*'))
        .unwrap_or(b.len());
    let mut end = b.len();
    let mut count = 1;
    if let Some(star) = b[key_end..].iter().rposition(|&c| c == b'*') {
        count = item[key_end + star + 1..].parse().ok()?;
        end = key_end + star;
    }
    let name = end > key_end && b[end - 1] == b'^';
    if name {
        end -= 1;
    }
    if key_end == 0 || count == 0 {
        return None;
    }
    Some((&item[..key_end], &item[key_end..end], name, count))
}

/// How a surface is made from its key and stored diff: the first `keep`
/// bytes of the key, then `tail`.
fn surface_parts<'d>(key: &str, diff: &'d str) -> Option<(usize, &'d str)> {
    if let Some(tail) = diff.strip_prefix('+') {
        return Some((key.len(), tail));
    }
    let rest = diff.strip_prefix('-')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let drop: usize = rest[..digits].parse().ok()?;
    let keep = if key.is_ascii() {
        key.len().checked_sub(drop)?
    } else {
        let keep_chars = key.chars().count().checked_sub(drop)?;
        key.char_indices()
            .nth(keep_chars)
            .map_or(key.len(), |(i, _)| i)
    };
    Some((keep, &rest[digits..]))
}

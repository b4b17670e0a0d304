//! What stage 2 reads: the entries of a review period and, for each, the
//! terms that may recur, as small integer slots.
//!
//! The store keeps every term key once, with an integer id and the number of
//! entries using it, and each entry keeps its terms as packed ids
//! ([`pack_terms`]), all written in the entry's own transaction. A term in
//! fewer than two entries of the whole journal can never recur, so review
//! gives slots only to the keys in two or more ([`Corpus::add_key`]) and
//! drops every other id while reading: the bulk of a journal's terms (most
//! phrases are written once) never costs more than a table lookup.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::Analysis;

/// One entry of the period.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The store's entry number, handed back in [`super::ThemeHit::entry_ids`].
    pub entry: i64,
    /// The entry's session (any stable id), if it belongs to one.
    pub session: Option<i64>,
    pub at: DateTime<FixedOffset>,
}

/// A term occurrence's count in its entry, capped, with [`NAMED`] set when the
/// entry writes it as a name.
pub fn term_meta(count: u32, name: bool) -> u8 {
    count.min(u32::from(COUNT_MASK)) as u8 | if name { NAMED } else { 0 }
}

/// Flag in a term's meta byte: the entry writes the term as a name.
pub const NAMED: u8 = 0x80;
/// The count part of a meta byte.
pub const COUNT_MASK: u8 = 0x7f;

/// An entry's terms as stored: content words (u32 LE), then for each term
/// its id (u32 LE) and meta byte.
pub fn pack_terms(words: u32, terms: &[(u32, u8)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + 5 * terms.len());
    out.extend_from_slice(&words.to_le_bytes());
    for &(id, meta) in terms {
        out.extend_from_slice(&id.to_le_bytes());
        out.push(meta);
    }
    out
}

/// The inverse of [`pack_terms`]; None for bytes it did not write.
pub fn unpack_terms(bytes: &[u8]) -> Option<(u32, impl Iterator<Item = (u32, u8)> + '_)> {
    if bytes.len() < 4 || !(bytes.len() - 4).is_multiple_of(5) {
        return None;
    }
    let words = u32::from_le_bytes(bytes[..4].try_into().ok()?);
    let terms = bytes[4..].chunks_exact(5).map(|c| {
        let id = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        (id, c[4])
    });
    Some((words, terms))
}

/// Slot of an id that may not recur.
pub(super) const NO_SLOT: u32 = u32::MAX;

/// The entries of a period with their possibly recurring terms.
#[derive(Debug, Default)]
pub struct Corpus {
    pub(super) docs: Vec<Doc>,
    /// Content words of all entries (what term counts are out of).
    pub(super) words: u64,
    /// Distinct terms (words and phrases) the entries write, recurring or
    /// not: how many terms could have come back by chance.
    pub(super) distinct_terms: usize,
    /// Which store ids have been seen, one bit each.
    seen_ids: Vec<u64>,
    /// Slot of each store id (NO_SLOT: not a candidate).
    slot_of_id: Vec<u32>,
    /// Key of each slot.
    pub(super) keys: Vec<String>,
    /// Each entry's slots and meta bytes, entry after entry.
    pub(super) slots: Vec<u32>,
    pub(super) meta: Vec<u8>,
    /// Where each entry's run in `slots` ends.
    pub(super) ends: Vec<usize>,
}

impl Corpus {
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// Declares a key that may recur (one used by two or more entries).
    pub fn add_key(&mut self, id: u32, key: String) {
        let i = id as usize;
        if self.slot_of_id.len() <= i {
            self.slot_of_id.resize(i + 1, NO_SLOT);
        }
        if self.slot_of_id[i] == NO_SLOT {
            self.slot_of_id[i] = self.keys.len() as u32;
            self.keys.push(key);
        }
    }

    /// Adds an entry with its content-word count and its terms as
    /// (id, meta) pairs; ids not declared with [`Corpus::add_key`] are dropped.
    pub fn push(&mut self, doc: Doc, words: u32, terms: impl IntoIterator<Item = (u32, u8)>) {
        for (id, meta) in terms {
            let (word, bit) = (id as usize / 64, 1u64 << (id % 64));
            if self.seen_ids.len() <= word {
                self.seen_ids.resize(word + 1, 0);
            }
            if self.seen_ids[word] & bit == 0 {
                self.seen_ids[word] |= bit;
                self.distinct_terms += 1;
            }
            let slot = self.slot_of_id.get(id as usize).copied().unwrap_or(NO_SLOT);
            if slot != NO_SLOT {
                self.slots.push(slot);
                self.meta.push(meta);
            }
        }
        self.ends.push(self.slots.len());
        self.words += u64::from(words);
        self.docs.push(doc);
    }

    /// A corpus from entries analysed in memory, with ids of its own.
    pub fn from_analyses<'a>(entries: impl IntoIterator<Item = (Doc, &'a Analysis)>) -> Corpus {
        let entries: Vec<(Doc, &Analysis)> = entries.into_iter().collect();
        let mut ids: HashMap<&str, (u32, u32)> = HashMap::new();
        for (_, a) in &entries {
            for t in a.terms() {
                let next = ids.len() as u32;
                ids.entry(t.key).or_insert((next, 0)).1 += 1;
            }
        }
        let mut corpus = Corpus::new();
        let mut repeated: Vec<(&str, u32)> = ids
            .iter()
            .filter(|(_, v)| v.1 >= 2)
            .map(|(k, v)| (*k, v.0))
            .collect();
        repeated.sort_by_key(|r| r.1);
        for (key, id) in repeated {
            corpus.add_key(id, key.to_string());
        }
        for (doc, a) in entries {
            let terms = a
                .terms()
                .map(|t| (ids[t.key].0, term_meta(t.count, t.name)));
            corpus.push(doc, a.words, terms);
        }
        corpus
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Entries, in the order they were pushed.
    pub fn docs(&self) -> &[Doc] {
        &self.docs
    }

    /// The run of entry `d`'s slots and meta bytes.
    pub(super) fn terms_of(&self, d: usize) -> (&[u32], &[u8]) {
        let start = if d == 0 { 0 } else { self.ends[d - 1] };
        let end = self.ends[d];
        (&self.slots[start..end], &self.meta[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_terms_round_trip_and_bad_bytes_are_refused() {
        let terms = [(7, term_meta(3, false)), (70_000, term_meta(200, true))];
        let packed = pack_terms(42, &terms);
        let (words, back) = unpack_terms(&packed).expect("ours");
        assert_eq!(words, 42);
        let back: Vec<(u32, u8)> = back.collect();
        assert_eq!(back, vec![(7, 3), (70_000, COUNT_MASK | NAMED)]);
        assert!(unpack_terms(&[1, 2, 3]).is_none());
        assert!(unpack_terms(&packed[..packed.len() - 1]).is_none());
        assert_eq!(unpack_terms(&pack_terms(0, &[])).map(|t| t.0), Some(0));
    }

    #[test]
    fn only_declared_keys_get_slots() {
        let at = DateTime::parse_from_rfc3339("2024-03-01T09:00:00+01:00").expect("date");
        let mut c = Corpus::new();
        c.add_key(5, "ocean".into());
        c.add_key(5, "ocean".into());
        let doc = |entry| Doc {
            entry,
            session: None,
            at,
        };
        c.push(doc(1), 10, [(5, 1), (6, 1)]);
        c.push(doc(2), 4, [(9, 2)]);
        assert_eq!(c.keys, vec!["ocean".to_string()]);
        assert_eq!(c.terms_of(0), (&[0u32][..], &[1u8][..]));
        assert_eq!(c.terms_of(1).0.len(), 0);
        assert_eq!(c.words, 14);
    }
}

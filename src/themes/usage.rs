//! Where themes the client chose occur in a corpus, whether or not the
//! ranking would show them: a kept word below the bar, or merged themes
//! counted together (an entry using several of them counts once).

use std::collections::HashSet;

use super::corpus::Corpus;
use super::hash::{key_hash, ByHash};
use super::{ThemeHit, Trend};

impl Corpus {
    /// For each set of keys, the entries (indices into [`Corpus::docs`])
    /// using any of its keys, in corpus order, each entry once. Keys the
    /// corpus has no slot for (used by fewer than two entries of the
    /// journal, unless the store was asked for them) are not found. One
    /// pass over the corpus, however many sets.
    pub fn docs_using(&self, sets: &[Vec<String>]) -> Vec<Vec<usize>> {
        // By the index's own key hash: the corpus has tens of thousands of
        // keys to check against a few dozen.
        let mut wanted: ByHash<(&str, Vec<usize>)> = ByHash::default();
        for (i, set) in sets.iter().enumerate() {
            for k in set {
                wanted
                    .entry(key_hash(k))
                    .or_insert((k, Vec::new()))
                    .1
                    .push(i);
            }
        }
        // Slot to its sets, as a dense table: this loop touches every term
        // of every entry, so it does no hashing.
        const NONE: u32 = u32::MAX;
        let mut sets_of_slot = vec![NONE; self.keys.len()];
        let mut lists: Vec<&Vec<usize>> = Vec::new();
        for (slot, key) in self.keys.iter().enumerate() {
            match wanted.get(&key_hash(key)) {
                Some((k, s)) if k == key => {
                    sets_of_slot[slot] = lists.len() as u32;
                    lists.push(s);
                }
                _ => {}
            }
        }
        let mut out = vec![Vec::new(); sets.len()];
        if lists.is_empty() {
            return out;
        }
        for d in 0..self.docs.len() {
            let (slots, _) = self.terms_of(d);
            for &slot in slots {
                let list = sets_of_slot[slot as usize];
                if list == NONE {
                    continue;
                }
                for &s in lists[list as usize] {
                    if out[s].last() != Some(&d) {
                        out[s].push(d);
                    }
                }
            }
        }
        out
    }

    /// A theme made of these entries (indices into [`Corpus::docs`]), with
    /// the same counts and trend rule as the ranking's themes. `order` is
    /// [`Corpus::time_order`], made once for all the themes asked for.
    pub fn theme_of_docs(
        &self,
        docs: &[usize],
        name: &str,
        key: &str,
        order: &[u32],
    ) -> Option<ThemeHit> {
        let mut positions: Vec<(u32, usize)> = docs.iter().map(|&d| (order[d], d)).collect();
        positions.sort_unstable();
        let (&(first, first_doc), &(_, last_doc)) = (positions.first()?, positions.last()?);
        let mut sessions = HashSet::new();
        let mut days = HashSet::new();
        for &(_, d) in &positions {
            match self.docs[d].session {
                Some(s) => sessions.insert(s),
                None => days.insert(self.docs[d].at.date_naive()),
            };
        }
        let n = self.docs.len() as u32;
        let early_len = n / 2;
        let early = positions.iter().filter(|p| p.0 < early_len).count() as u32;
        Some(ThemeHit {
            theme: name.to_string(),
            key: key.to_string(),
            category: super::category_of(name).map(str::to_string),
            entries: positions.len(),
            sessions: sessions.len(),
            days: days.len(),
            first_seen: self.docs[first_doc].at,
            last_seen: self.docs[last_doc].at,
            trend: trend(first, early, positions.len() as u32, n),
            entry_ids: positions
                .iter()
                .rev()
                .map(|&(_, d)| self.docs[d].entry)
                .collect(),
            score: 0.0,
        })
    }

    /// Each doc's position in time order (ties keep corpus order).
    pub fn time_order(&self) -> Vec<u32> {
        let mut by_time: Vec<usize> = (0..self.docs.len()).collect();
        by_time.sort_by_key(|&i| self.docs[i].at);
        let mut pos = vec![0u32; by_time.len()];
        for (p, &i) in by_time.iter().enumerate() {
            pos[i] = p as u32;
        }
        pos
    }
}

/// The ranking's trend rule (rank.rs), for a theme first seen at time
/// position `first`, with `early` of its `entries` in the earlier half of
/// the `n` entries: new if first seen in the last third; else rising or
/// fading when the later half's share is at least double or at most half
/// the earlier half's.
fn trend(first: u32, early: u32, entries: u32, n: u32) -> Trend {
    if first >= n - n / 3 {
        return Trend::New;
    }
    let early_len = n / 2;
    let early_rate = f64::from(early) / f64::from(early_len.max(1));
    let late_rate = f64::from(entries - early) / f64::from((n - early_len).max(1));
    if late_rate >= 2.0 * early_rate {
        Trend::Rising
    } else if late_rate <= 0.5 * early_rate {
        Trend::Fading
    } else {
        Trend::Steady
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::themes::{Analysis, Doc};

    #[test]
    fn an_entry_using_two_merged_keys_counts_once() {
        let at = |d: u32| {
            DateTime::parse_from_rfc3339(&format!("2024-03-{d:02}T09:00:00+01:00")).expect("date")
        };
        let texts = [
            (1, "Dad called. My father sounded tired."),
            (1, "I thought of dad at the lake."),
            (2, "My father and the lake again."),
            (2, "Nothing about family today, just rain and rain."),
        ];
        let analyses: Vec<Analysis> = texts.iter().map(|t| Analysis::of_text(t.1)).collect();
        let corpus =
            Corpus::from_analyses(texts.iter().zip(&analyses).enumerate().map(|(i, (t, a))| {
                (
                    Doc {
                        entry: i as i64 + 1,
                        session: Some(t.0),
                        at: at(i as u32 + 1),
                    },
                    a,
                )
            }));
        let sets = vec![
            vec!["dad".to_string(), "my father".to_string()],
            vec!["lake".to_string()],
            vec!["unwritten".to_string()],
        ];
        let found = corpus.docs_using(&sets);
        assert_eq!(found, vec![vec![0, 1, 2], vec![1, 2], vec![]]);
        let order = corpus.time_order();
        let hit = corpus
            .theme_of_docs(&found[0], "dad", "dad", &order)
            .expect("theme");
        assert_eq!((hit.entries, hit.sessions), (3, 2));
        assert_eq!(hit.entry_ids, vec![3, 2, 1]);
        assert!(corpus.theme_of_docs(&found[2], "x", "x", &order).is_none());
    }
}

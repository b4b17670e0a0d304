//! How many entries of each session use a theme, for every theme review
//! shows. Sessions and entries are looked up by their row numbers in plain
//! tables: review counts thousands of entries here, and hashing each of them
//! cost more than the rest of the steering together.

use crate::domain::Session;
use crate::themes::{Corpus, ThemeHit};

use super::SessionCount;

const NONE: u32 = u32::MAX;

/// The sessions counted, and where each entry of the period belongs.
pub struct Columns {
    /// Session numbers, in order.
    numbers: Vec<i64>,
    /// Column of each entry number's session.
    column_of_entry: Vec<u32>,
}

impl Columns {
    /// The period's sessions and those its entries belong to, in number order.
    pub fn new(period: &[Session], corpus: &Corpus, all: &[Session]) -> Columns {
        let slot = |row: i64| usize::try_from(row).ok();
        let rows = all
            .iter()
            .filter_map(|s| slot(s.row))
            .max()
            .map_or(0, |m| m + 1);
        let mut used = vec![false; rows];
        let docs_rows = corpus.docs().iter().filter_map(|d| d.session);
        for row in docs_rows.chain(period.iter().map(|s| s.row)) {
            if let Some(u) = slot(row).and_then(|i| used.get_mut(i)) {
                *u = true;
            }
        }
        let mut sessions: Vec<(i64, usize)> = all
            .iter()
            .filter_map(|s| slot(s.row).filter(|&i| used[i]).map(|i| (s.number, i)))
            .collect();
        sessions.sort_unstable();
        let mut column_of_row = vec![NONE; rows];
        for (column, &(_, row)) in sessions.iter().enumerate() {
            column_of_row[row] = column as u32;
        }
        let entries = corpus
            .docs()
            .iter()
            .filter_map(|d| slot(d.entry))
            .max()
            .map_or(0, |m| m + 1);
        let mut column_of_entry = vec![NONE; entries];
        for d in corpus.docs() {
            if let (Some(e), Some(row)) = (slot(d.entry), d.session.and_then(slot)) {
                column_of_entry[e] = column_of_row.get(row).copied().unwrap_or(NONE);
            }
        }
        Columns {
            numbers: sessions.into_iter().map(|s| s.0).collect(),
            column_of_entry,
        }
    }

    /// Entries using the theme in each session.
    pub fn counts(&self, hit: &ThemeHit) -> Vec<SessionCount> {
        let mut counts = vec![0usize; self.numbers.len()];
        for &e in &hit.entry_ids {
            let column = usize::try_from(e)
                .ok()
                .and_then(|e| self.column_of_entry.get(e))
                .copied()
                .unwrap_or(NONE);
            if column != NONE {
                counts[column as usize] += 1;
            }
        }
        self.numbers
            .iter()
            .zip(counts)
            .map(|(&session, entries)| SessionCount { session, entries })
            .collect()
    }
}

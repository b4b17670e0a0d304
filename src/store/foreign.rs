//! Entries from other journals (see `crate::foreign`): free-writing entries
//! at their own time, inserted in one transaction, known again by their
//! source key so a second import adds nothing.

use std::collections::HashSet;

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};

use super::import::DeferredFts;
use super::terms::{index_new_entries, index_pending_in, write_analysis};
use super::{new_uuid, Store};
use crate::domain::{Answer, NewEntry, Phase};
use crate::foreign::Entry;
use crate::themes::Analysis;

/// The tag an entry starred in jrnl or Day One carries in kapj.
pub const STARRED_TAG: &str = "starred";

#[derive(Debug, Default, Clone, Copy)]
pub struct ForeignCounts {
    /// New entries (including edited ones).
    pub added: usize,
    /// Of those, entries edited in the source since an earlier import.
    pub edited: usize,
    /// Already in the journal from an earlier import, or twice in the source.
    pub present: usize,
}

/// What happens to one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Add,
    AddEdited,
    Present,
}

fn fate(
    conn: Option<&Connection>,
    source: &str,
    e: &Entry,
    seen: &mut HashSet<(String, String)>,
) -> Result<Fate> {
    let key = if e.by_id {
        (e.ident.clone(), e.digest.clone())
    } else {
        (String::new(), e.digest.clone())
    };
    if !seen.insert(key) {
        return Ok(Fate::Present);
    }
    let Some(conn) = conn else {
        return Ok(Fate::Add);
    };
    let known = if e.by_id {
        conn.prepare_cached(
            "SELECT 1 FROM imported WHERE source = ?1 AND digest = ?2 AND ident = ?3",
        )?
        .query_row(params![source, e.digest, e.ident], |_| Ok(()))
        .optional()?
    } else {
        conn.prepare_cached("SELECT 1 FROM imported WHERE source = ?1 AND digest = ?2 LIMIT 1")?
            .query_row(params![source, e.digest], |_| Ok(()))
            .optional()?
    };
    if known.is_some() {
        return Ok(Fate::Present);
    }
    let ident_known = conn
        .prepare_cached("SELECT 1 FROM imported WHERE source = ?1 AND ident = ?2 LIMIT 1")?
        .query_row(params![source, e.ident], |_| Ok(()))
        .optional()?;
    Ok(if ident_known.is_some() {
        Fate::AddEdited
    } else {
        Fate::Add
    })
}

fn count(c: &mut ForeignCounts, f: Fate) {
    match f {
        Fate::Add => c.added += 1,
        Fate::AddEdited => {
            c.added += 1;
            c.edited += 1;
        }
        Fate::Present => c.present += 1,
    }
}

/// The free-writing entry an imported one becomes.
pub fn new_entry(e: &Entry) -> NewEntry {
    let mut tags = e.tags.clone();
    if e.starred && !tags.iter().any(|t| t == STARRED_TAG) {
        tags.push(STARRED_TAG.to_string());
    }
    NewEntry {
        id: None,
        phase: Some(Phase::Free),
        session_row: None,
        at: Some(e.at),
        mood: None,
        tags,
        feelings: Vec::new(),
        private: false,
        answers: vec![Answer {
            key: "text".into(),
            prompt: String::new(),
            text: e.text.clone(),
        }],
    }
}

/// What an import would do, without writing (`--dry-run`); with no journal
/// yet, everything is new.
pub fn plan_without_journal(entries: &[Entry]) -> Result<ForeignCounts> {
    let mut seen = HashSet::new();
    let mut c = ForeignCounts::default();
    for e in entries {
        count(&mut c, fate(None, "", e, &mut seen)?);
    }
    Ok(c)
}

impl Store {
    /// What importing these entries would add and skip, changing nothing.
    pub fn plan_foreign(&self, source: &str, entries: &[Entry]) -> Result<ForeignCounts> {
        let mut seen = HashSet::new();
        let mut c = ForeignCounts::default();
        for e in entries {
            count(&mut c, fate(Some(&self.conn), source, e, &mut seen)?);
        }
        Ok(c)
    }

    /// Imports everything or nothing. `on_new` sees each entry added (the
    /// caller notices whether one would raise the safety note).
    ///
    /// The order inside the transaction is chosen for speed: entries, their
    /// tags and review's terms first, then every answer in one statement,
    /// then both full-text indexes in one pass each ([`DeferredFts`]).
    pub fn import_foreign(
        &mut self,
        source: &str,
        entries: &[Entry],
        mut on_new: impl FnMut(&NewEntry),
    ) -> Result<ForeignCounts> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Entries already waiting for review's index (and a change of
        // analysis version) are dealt with first, so the new ones can be
        // indexed together below.
        index_pending_in(&tx)?;
        // Both full-text indexes are filled in one pass at the end.
        let fts = DeferredFts::begin(&tx)?;
        let mut seen = HashSet::new();
        let mut c = ForeignCounts::default();
        let mut new: Vec<&Entry> = Vec::new();
        for e in entries {
            let f = fate(Some(&tx), source, e, &mut seen)?;
            count(&mut c, f);
            if f != Fate::Present {
                new.push(e);
            }
        }
        // Review's analysis of the texts runs on other threads while this
        // one writes the entries.
        let (rows, terms) = std::thread::scope(|scope| -> Result<(Vec<i64>, Vec<Analysis>)> {
            let analysis = scope.spawn(|| analyse_all(&new));
            let mut rows = Vec::with_capacity(new.len());
            for e in &new {
                let n = new_entry(e);
                on_new(&n);
                let row = insert_head(&tx, &n)?;
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO imported(source, digest, ident, entry_id) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![source, e.digest, e.ident, row])?;
                rows.push(row);
            }
            let terms = analysis.join().expect("analysis does not panic");
            Ok((rows, terms))
        })?;
        let mut analyses: Vec<(i64, Analysis)> = Vec::with_capacity(rows.len());
        for (row, a) in rows.iter().zip(terms) {
            write_analysis(&tx, *row, &a)?;
            analyses.push((*row, a));
        }
        // (entry row, text) of every new entry, for the answers at the end.
        let answers: Vec<(i64, &str)> = rows
            .iter()
            .zip(&new)
            .map(|(row, e)| (*row, e.text.as_str()))
            .collect();
        index_new_entries(&tx, &analyses)?;
        if !answers.is_empty() {
            let list = serde_json::to_string(&answers)?;
            tx.execute(
                "INSERT INTO answers(entry_id, position, key, prompt, text)
                 SELECT value ->> 0, 0, 'text', '', value ->> 1 FROM json_each(?1)",
                [list],
            )?;
        }
        fts.finish(&tx)?;
        tx.commit()?;
        Ok(c)
    }
}

/// Review's analysis of each entry's text, on every core: at 10,000 entries
/// it is the largest part of an import.
fn analyse_all(entries: &[&Entry]) -> Vec<Analysis> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    if threads < 2 || entries.len() < 256 {
        return entries.iter().map(|e| Analysis::of_text(&e.text)).collect();
    }
    let chunk = entries.len().div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = entries
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|e| Analysis::of_text(&e.text))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|h| h.join().expect("analysis does not panic"))
            .collect()
    })
}

/// An imported entry's row and tags (its analysis and its answer are
/// written with the others').
fn insert_head(conn: &Connection, e: &NewEntry) -> Result<i64> {
    let at = e.at.expect("an imported entry has its time");
    conn.prepare_cached(
        "INSERT INTO entries(uuid, phase, session_id, at, at_ts, mood, private)
         VALUES (?1, 'free', NULL, ?2, ?3, NULL, 0)",
    )?
    .execute(params![new_uuid(), at.to_rfc3339(), at.timestamp()])?;
    let id = conn.last_insert_rowid();
    let mut tag =
        conn.prepare_cached("INSERT OR IGNORE INTO entry_tags(entry_id, tag) VALUES (?1, ?2)")?;
    for t in &e.tags {
        tag.execute(params![id, t])?;
    }
    Ok(id)
}

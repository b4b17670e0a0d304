//! Entries from other journals (see `crate::foreign`): free-writing entries
//! at their own time, inserted in one transaction, known again by their
//! source key so a second import adds nothing.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};

use super::import::DeferredFts;
use super::terms::{index_pending_in, TermBatch};
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

    /// Imports everything or nothing. Also says whether `raises` held for
    /// the text of an entry added (the caller's safety check: it runs on
    /// the analysing threads, and no more once it has held).
    ///
    /// The order inside the transaction is chosen for speed: entries, their
    /// tags and review's terms first, then every answer in one statement,
    /// then both full-text indexes in one pass each ([`DeferredFts`]).
    pub fn import_foreign(
        &mut self,
        source: &str,
        entries: &[Entry],
        raises: impl Fn(&str) -> bool + Sync,
    ) -> Result<(ForeignCounts, bool)> {
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
        // Review's analysis of the texts (and the safety check) runs on
        // other threads, a chunk at a time, while this one writes the
        // entries of the chunks already analysed, each with its analysis.
        let raised = AtomicBool::new(false);
        let mut terms = TermBatch::default();
        let chunks: Vec<&[&Entry]> = new.chunks(ANALYSIS_CHUNK).collect();
        let next = AtomicUsize::new(0);
        let rows = std::thread::scope(|scope| -> Result<Vec<i64>> {
            let (done, analysed) = std::sync::mpsc::channel::<(usize, Vec<Analysis>)>();
            for _ in 0..analysis_threads(new.len()) {
                let done = done.clone();
                let (chunks, next, raised, raises) = (&chunks, &next, &raised, &raises);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(chunk) = chunks.get(i) else {
                        break;
                    };
                    let part = chunk
                        .iter()
                        .map(|e| {
                            if !raised.load(Ordering::Relaxed) && raises(&e.text) {
                                raised.store(true, Ordering::Relaxed);
                            }
                            Analysis::of_text(&e.text)
                        })
                        .collect();
                    if done.send((i, part)).is_err() {
                        break;
                    }
                });
            }
            drop(done);
            let mut rows = Vec::with_capacity(new.len());
            let mut waiting: std::collections::BTreeMap<usize, Vec<Analysis>> =
                std::collections::BTreeMap::new();
            let mut want = 0;
            for (i, part) in analysed {
                waiting.insert(i, part);
                while let Some(part) = waiting.remove(&want) {
                    for (e, a) in chunks[want].iter().zip(part) {
                        let row = insert_head(&tx, &new_entry(e), &a)?;
                        tx.prepare_cached(
                            "INSERT OR IGNORE INTO imported(source, digest, ident, entry_id) VALUES (?1, ?2, ?3, ?4)",
                        )?
                        .execute(params![source, e.digest, e.ident, row])?;
                        terms.add(row, &a);
                        rows.push(row);
                    }
                    if terms.is_full() {
                        terms.flush(&tx)?;
                    }
                    want += 1;
                }
            }
            Ok(rows)
        })?;
        terms.flush(&tx)?;
        // (entry row, text) of every new entry, for the answers at the end.
        let answers: Vec<(i64, &str)> = rows
            .iter()
            .zip(&new)
            .map(|(row, e)| (*row, e.text.as_str()))
            .collect();
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
        Ok((c, raised.into_inner()))
    }
}

/// Entries analysed at a time by one thread.
const ANALYSIS_CHUNK: usize = 256;

/// How many threads analyse the entries: one per core (up to 8), one for
/// few entries.
fn analysis_threads(entries: usize) -> usize {
    if entries < 2 * ANALYSIS_CHUNK {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 8)
}

/// An imported entry's row, with its analysis, and its tags (its answer is
/// written with the others').
fn insert_head(conn: &Connection, e: &NewEntry, a: &Analysis) -> Result<i64> {
    let at = e.at.expect("an imported entry has its time");
    conn.prepare_cached(
        "INSERT INTO entries(uuid, phase, session_id, at, at_ts, mood, private, terms, terms_version)
         VALUES (?1, 'free', NULL, ?2, ?3, NULL, 0, ?4, ?5)",
    )?
    .execute(params![
        new_uuid(),
        at.to_rfc3339(),
        at.timestamp(),
        a.encode(),
        crate::themes::ANALYSIS_VERSION
    ])?;
    let id = conn.last_insert_rowid();
    let mut tag =
        conn.prepare_cached("INSERT OR IGNORE INTO entry_tags(entry_id, tag) VALUES (?1, ?2)")?;
    for t in &e.tags {
        tag.execute(params![id, t])?;
    }
    Ok(id)
}

//! Entries from other journals (see `crate::foreign`): free-writing entries
//! at their own time, inserted in one transaction, known again by their
//! source key so a second import adds nothing.

use std::collections::HashSet;

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};

use super::entries::{insert_entry, EntryExtras};
use super::terms::index_pending_in;
use super::Store;
use crate::domain::{Answer, NewEntry, Phase};
use crate::foreign::Entry;

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
    pub fn import_foreign(
        &mut self,
        source: &str,
        entries: &[Entry],
        mut on_new: impl FnMut(&NewEntry),
    ) -> Result<ForeignCounts> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut seen = HashSet::new();
        let mut c = ForeignCounts::default();
        for e in entries {
            let f = fate(Some(&tx), source, e, &mut seen)?;
            count(&mut c, f);
            if f == Fate::Present {
                continue;
            }
            let new = new_entry(e);
            on_new(&new);
            // Review's terms are worked out for all new entries at once, at
            // the end of this transaction (index_pending_in).
            let row = insert_entry(&tx, &new, &EntryExtras::default())?;
            tx.prepare_cached(
                "INSERT OR IGNORE INTO imported(source, digest, ident, entry_id) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![source, e.digest, e.ident, row])?;
        }
        index_pending_in(&tx)?;
        tx.commit()?;
        Ok(c)
    }
}

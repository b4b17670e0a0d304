//! Importing a kapj journal JSON document: one transaction, merged by id.

use std::collections::HashMap;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::{params, OptionalExtension};

use super::entries::{insert_entry, EntryExtras};
use super::terms::index_pending_in;
use super::{new_uuid, Store};
use crate::domain::NewEntry;
use crate::error::user;
use crate::journal::Doc;

#[derive(Debug, Default)]
pub struct ImportCounts {
    pub entries: usize,
    pub entries_present: usize,
    pub sessions: usize,
    pub actions: usize,
    pub checks: usize,
    /// Theme choices added (hidden, kept, or merged members).
    pub theme_choices: usize,
    pub decisions: usize,
}

impl Store {
    /// Imports everything or nothing. `extras` derives term counts (and, for
    /// files without an `actions` list, actions) for each new entry.
    pub fn import(
        &mut self,
        doc: &Doc,
        now: DateTime<FixedOffset>,
        extras: impl Fn(&NewEntry) -> EntryExtras,
    ) -> Result<ImportCounts> {
        // Numbers refer to the journal as it was before this import.
        let local: HashMap<i64, i64> = self
            .session_numbers()?
            .into_iter()
            .map(|(id, number)| (number, id))
            .collect();
        // Local sessions by their instant, for sessions of another journal.
        let local_at: HashMap<i64, i64> = {
            let mut st = self
                .conn
                .prepare("SELECT at_ts, id FROM sessions ORDER BY id DESC")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut counts = ImportCounts::default();
        let mut by_number: HashMap<i64, i64> = HashMap::new();

        let earliest_entry = |n: i64| {
            doc.entries
                .iter()
                .filter(|e| e.session == Some(n))
                .map(|e| e.at)
                .min()
        };

        for s in &doc.sessions {
            let by_id: Option<i64> = match &s.id {
                Some(id) => tx
                    .query_row("SELECT id FROM sessions WHERE uuid = ?1", [id], |r| {
                        r.get(0)
                    })
                    .optional()?,
                None => None,
            };
            // A session exported from another journal (it has an id and a
            // time, and this journal does not know the id) is the same as a
            // local one only if it is at the same instant: its number counts
            // sessions of that other journal, and matching on it would put
            // its entries under a session on another day.
            let matched = match (&s.id, s.at) {
                (Some(_), Some(at)) => local_at.get(&at.timestamp()),
                _ => s.number.and_then(|n| local.get(&n)),
            };
            let row = match (by_id, matched) {
                (Some(row), _) => row,
                (None, Some(&row)) => row,
                (None, None) => {
                    let at =
                        s.at.or_else(|| s.number.and_then(earliest_entry))
                            .unwrap_or(now);
                    counts.sessions += 1;
                    create_session(&tx, s.id.as_deref(), at, &s.note, &s.setting, &s.dose)?
                }
            };
            if let Some(n) = s.number {
                by_number.insert(n, row);
            }
        }

        for e in &doc.entries {
            if let Some(id) = &e.id {
                let exists = tx
                    .query_row("SELECT 1 FROM entries WHERE uuid = ?1", [id], |_| Ok(()))
                    .optional()?
                    .is_some();
                if exists {
                    counts.entries_present += 1;
                    continue;
                }
            }
            let session_row = match e.session {
                None => None,
                Some(n) => Some(match (by_number.get(&n), local.get(&n)) {
                    (Some(&row), _) | (None, Some(&row)) => row,
                    (None, None) => {
                        let at = earliest_entry(n).unwrap_or(e.at);
                        counts.sessions += 1;
                        let row = create_session(&tx, None, at, "", "", "")?;
                        by_number.insert(n, row);
                        row
                    }
                }),
            };
            let new = NewEntry {
                id: Some(e.id.clone().unwrap_or_else(new_uuid)),
                phase: Some(e.phase),
                session_row,
                at: Some(e.at),
                mood: e.mood,
                tags: e.tags.clone(),
                feelings: e.feelings.clone(),
                private: e.private,
                answers: e.answers.clone(),
            };
            let mut x = extras(&new);
            if doc.actions.is_some() {
                x.actions.clear();
            }
            counts.actions += x.actions.len();
            insert_entry(&tx, &new, &x)?;
            counts.entries += 1;
        }

        for a in doc.actions.iter().flatten() {
            if let Some(id) = &a.id {
                let exists = tx
                    .query_row("SELECT 1 FROM actions WHERE uuid = ?1", [id], |_| Ok(()))
                    .optional()?
                    .is_some();
                if exists {
                    continue;
                }
            }
            let (entry_row, session_row, entry_at) = match &a.entry {
                Some(entry) => {
                    let found: Option<(i64, String)> = tx
                        .query_row("SELECT id, at FROM entries WHERE uuid = ?1", [entry], |r| {
                            Ok((r.get(0)?, r.get(1)?))
                        })
                        .optional()?;
                    let (row, at) = found.ok_or_else(|| {
                        user(format!(
                            "An action (\"{}\") refers to entry {}, which is neither in the file nor in the journal. Nothing was imported.",
                            crate::text::first_line(&a.text, 40),
                            entry
                        ))
                    })?;
                    (Some(row), None, at)
                }
                // An action of its own: in the session of that number in
                // the file, else in yours, else in none.
                None => {
                    let session = a
                        .session
                        .and_then(|n| by_number.get(&n).or_else(|| local.get(&n)).copied());
                    (None, session, now.to_rfc3339())
                }
            };
            let at = a.at.map(|t| t.to_rfc3339()).unwrap_or(entry_at);
            let at_ts = DateTime::parse_from_rfc3339(&at)
                .map(|t| t.timestamp())
                .unwrap_or(0);
            tx.execute(
                "INSERT INTO actions(uuid, entry_id, session_id, text, state, at, at_ts, done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    a.id.clone().unwrap_or_else(new_uuid),
                    entry_row,
                    session_row,
                    a.text,
                    a.state.key(),
                    at,
                    at_ts,
                    a.done_at.map(|t| t.to_rfc3339())
                ],
            )?;
            counts.actions += 1;
        }

        for c in &doc.checks {
            let id = c.id.clone().unwrap_or_else(new_uuid);
            let exists = tx
                .query_row("SELECT 1 FROM checks WHERE uuid = ?1", [&id], |_| Ok(()))
                .optional()?
                .is_some();
            if exists {
                continue;
            }
            let total: u32 = c.answers.iter().map(|a| u32::from(*a)).sum();
            let list: Vec<String> = c.answers.iter().map(|a| a.to_string()).collect();
            tx.execute(
                "INSERT INTO checks(uuid, measure, at, at_ts, answers, total, difficulty) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, c.measure, c.at.to_rfc3339(), c.at.timestamp(), list.join(","), total, c.difficulty],
            )?;
            counts.checks += 1;
        }

        let has_plan: bool =
            tx.query_row("SELECT count(*) > 0 FROM safety_plan", [], |r| r.get(0))?;
        if !has_plan {
            for (k, t) in &doc.safety_plan {
                tx.execute(
                    "INSERT OR REPLACE INTO safety_plan(key, text) VALUES (?1, ?2)",
                    [k, t],
                )?;
            }
        }
        for d in doc.decisions.iter().flatten() {
            if let Some(id) = &d.id {
                let exists = tx
                    .query_row("SELECT 1 FROM decisions WHERE uuid = ?1", [id], |_| Ok(()))
                    .optional()?
                    .is_some();
                if exists {
                    continue;
                }
            }
            let found: Option<(i64, Option<i64>, String)> = tx
                .query_row(
                    "SELECT id, session_id, at FROM entries WHERE uuid = ?1",
                    [&d.entry],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let (entry_row, session_row, entry_at) = found.ok_or_else(|| {
                user(format!(
                    "A decision (\"{}\") refers to entry {}, which is neither in the file nor in the journal. Nothing was imported.",
                    crate::text::first_line(&d.sentence, 40),
                    d.entry
                ))
            })?;
            let at = d.at.map(|t| t.to_rfc3339()).unwrap_or(entry_at);
            let at_ts = DateTime::parse_from_rfc3339(&at)
                .map(|t| t.timestamp())
                .unwrap_or(0);
            // An entry holds one decision: one it has already stays.
            counts.decisions += tx.execute(
                "INSERT OR IGNORE INTO decisions(uuid, entry_id, session_id, sentence, at, at_ts, settled_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    d.id.clone().unwrap_or_else(new_uuid),
                    entry_row,
                    session_row,
                    d.sentence,
                    at,
                    at_ts,
                    d.settled_at.map(|t| t.to_rfc3339())
                ],
            )?;
        }
        if let Some(themes) = &doc.themes {
            counts.theme_choices = super::theme_choices::import_choices(&tx, themes, now)?;
        }
        // Large imports are the moment to fill review's index, in the same
        // transaction: all of it lands, or none.
        index_pending_in(&tx)?;
        tx.commit()?;
        Ok(counts)
    }
}

fn create_session(
    tx: &rusqlite::Transaction,
    id: Option<&str>,
    at: DateTime<FixedOffset>,
    note: &str,
    setting: &str,
    dose: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO sessions(uuid, at, at_ts, note, setting, dose) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id.map(str::to_owned).unwrap_or_else(new_uuid), at.to_rfc3339(), at.timestamp(), note, setting, dose],
    )?;
    Ok(tx.last_insert_rowid())
}

//! Importing a kapj journal JSON document: one transaction, merged by id.

use std::collections::HashMap;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::{params, OptionalExtension};

use super::entries::{insert_entry, EntryExtras};
use super::terms::{index_pending_in, TermBatch};
use super::{new_uuid, Store};
use crate::domain::NewEntry;
use crate::error::user;
use crate::journal::{Doc, InAction, InCheck, InDecision, InEntry, InSession, Sink, StreamError};

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
    /// Imports a whole document everything or nothing (the demo's way in;
    /// files are streamed with [`Store::import_stream`]).
    pub fn import(
        &mut self,
        doc: &Doc,
        now: DateTime<FixedOffset>,
        extras: impl Fn(&NewEntry) -> EntryExtras,
    ) -> Result<ImportCounts> {
        let mut im = Importer::begin(self, now)?;
        im.sessions(&doc.sessions)?;
        for e in &doc.entries {
            let new = new_entry(e.clone());
            let x = extras(&new);
            im.entry(e.session, new, x)?;
        }
        im.finish(
            doc.actions.as_deref(),
            &doc.checks,
            &doc.safety_plan,
            doc.themes.as_ref(),
            doc.decisions.as_deref(),
        )
    }

    /// Imports a kapj journal document read from `reader`, one entry at a
    /// time, in one transaction: a problem anywhere in the file leaves the
    /// journal as it was. `progress` is told of each entry read.
    pub fn import_stream<R: std::io::Read + Send>(
        &mut self,
        reader: R,
        now: DateTime<FixedOffset>,
        extras: impl Fn(&NewEntry) -> EntryExtras + Sync,
        progress: &mut dyn FnMut(usize, Option<&NewEntry>),
    ) -> Result<Result<ImportCounts, StreamError>> {
        let mut im = Importer::begin(self, now)?;
        // Reading, checking and analysing the entries (a third of the work)
        // happens on another thread while this one writes them.
        let (parsed, failed) = std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Parsed>(64);
            let extras = &extras;
            let parser = scope.spawn(move || {
                let mut sink = ChannelSink { tx, extras };
                crate::journal::stream(reader, &mut sink)
            });
            let mut failed = None;
            while let Ok(msg) = rx.recv() {
                let r = match msg {
                    Parsed::Sessions(v) => im.sessions(&v),
                    Parsed::Entry(session, new, x) => im
                        .entry(session, new, x)
                        .map(|added| progress(im.read, added.as_ref())),
                };
                if let Err(e) = r {
                    failed = Some(e);
                    break;
                }
            }
            drop(rx);
            let parsed = parser
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (parsed, failed)
        });
        if let Some(e) = failed {
            return Err(e);
        }
        match parsed {
            Ok(rest) => im
                .finish(
                    rest.actions.as_deref(),
                    &rest.checks,
                    &rest.safety_plan,
                    rest.themes.as_ref(),
                    rest.decisions.as_deref(),
                )
                .map(Ok),
            Err(StreamError::Sink(e)) => Err(e),
            Err(e) => Ok(Err(e)),
        }
    }
}

/// What the reading thread hands to the writing one. Entries are nearly
/// every message, so they are not boxed to make the rare list of sessions
/// smaller.
#[allow(clippy::large_enum_variant)]
enum Parsed {
    Sessions(Vec<InSession>),
    /// The entry's session number in the file, the entry (its `session_row`
    /// still to be found, its `id` as the file gives it) and its analysis.
    Entry(Option<i64>, NewEntry, EntryExtras),
}

struct ChannelSink<'x, F> {
    tx: std::sync::mpsc::SyncSender<Parsed>,
    extras: &'x F,
}

impl<F: Fn(&NewEntry) -> EntryExtras> Sink for ChannelSink<'_, F> {
    fn sessions(&mut self, sessions: Vec<InSession>) -> Result<()> {
        self.tx
            .send(Parsed::Sessions(sessions))
            .map_err(|_| anyhow::anyhow!("the import stopped"))
    }

    fn entry(&mut self, entry: InEntry) -> Result<()> {
        let session = entry.session;
        let new = new_entry(entry);
        let x = (self.extras)(&new);
        self.tx
            .send(Parsed::Entry(session, new, x))
            .map_err(|_| anyhow::anyhow!("the import stopped"))
    }
}

/// An entry of the file as the store writes it (its session row is found
/// by the importer; its id stays None when the file gives none).
fn new_entry(e: InEntry) -> NewEntry {
    NewEntry {
        id: e.id,
        phase: Some(e.phase),
        session_row: None,
        at: Some(e.at),
        mood: e.mood,
        tags: e.tags,
        feelings: e.feelings,
        private: e.private,
        answers: e.answers,
    }
}

/// One import in progress: its transaction and what it has learnt so far.
struct Importer<'a> {
    tx: rusqlite::Transaction<'a>,
    now: DateTime<FixedOffset>,
    /// The journal's sessions by number, as they were before the import.
    local: HashMap<i64, i64>,
    /// Local sessions by their instant, for sessions of another journal.
    local_at: HashMap<i64, i64>,
    /// Session rows by the file's numbers.
    by_number: HashMap<i64, i64>,
    /// Sessions made without a time of their own: (row, number) whose time
    /// becomes that of their earliest entry, once every entry is read.
    untimed: HashMap<i64, i64>,
    /// The earliest entry time of each session number in the file.
    earliest: HashMap<i64, DateTime<FixedOffset>>,
    /// Actions taken from entries' action answers, added at the end unless
    /// the file lists its actions: (entry row, time, texts).
    derived_actions: Vec<(i64, DateTime<FixedOffset>, Vec<String>)>,
    counts: ImportCounts,
    /// Entries read from the file.
    read: usize,
    /// New entries' terms, waiting to join review's index.
    terms: TermBatch,
    /// The full-text indexes, filled at the end (see [`DeferredFts`]).
    fts: DeferredFts,
}

impl<'a> Importer<'a> {
    fn begin(store: &'a mut Store, now: DateTime<FixedOffset>) -> Result<Self> {
        // Numbers refer to the journal as it was before this import.
        let local: HashMap<i64, i64> = store
            .session_numbers()?
            .into_iter()
            .map(|(id, number)| (number, id))
            .collect();
        let local_at: HashMap<i64, i64> = {
            let mut st = store
                .conn
                .prepare("SELECT at_ts, id FROM sessions ORDER BY id DESC")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let tx = store
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Entries written since the last review join the index first, as
        // they would have at the end: term ids keep their order.
        index_pending_in(&tx)?;
        let fts = DeferredFts::begin(&tx)?;
        // A larger page cache (8 MB) while many rows go into several indexes at
        // once (set back in `finish`; the connection ends with the command).
        tx.pragma_update(None, "cache_size", -8192)?;
        Ok(Importer {
            tx,
            now,
            local,
            local_at,
            by_number: HashMap::new(),
            untimed: HashMap::new(),
            earliest: HashMap::new(),
            derived_actions: Vec::new(),
            counts: ImportCounts::default(),
            read: 0,
            terms: TermBatch::default(),
            fts,
        })
    }

    fn sessions(&mut self, sessions: &[InSession]) -> Result<()> {
        for s in sessions {
            let by_id: Option<i64> = match &s.id {
                Some(id) => self
                    .tx
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
                (Some(_), Some(at)) => self.local_at.get(&at.timestamp()),
                _ => s.number.and_then(|n| self.local.get(&n)),
            };
            let row = match (by_id, matched) {
                (Some(row), _) => row,
                (None, Some(&row)) => row,
                (None, None) => {
                    self.counts.sessions += 1;
                    let row = create_session(
                        &self.tx,
                        s.id.as_deref(),
                        s.at.unwrap_or(self.now),
                        &s.note,
                        &s.setting,
                        &s.dose,
                    )?;
                    if let (None, Some(n)) = (s.at, s.number) {
                        self.untimed.insert(row, n);
                    }
                    row
                }
            };
            if let Some(n) = s.number {
                self.by_number.insert(n, row);
            }
        }
        Ok(())
    }

    /// Adds one entry; returns it if it was new to the journal.
    fn entry(
        &mut self,
        session: Option<i64>,
        mut new: NewEntry,
        mut x: EntryExtras,
    ) -> Result<Option<NewEntry>> {
        self.read += 1;
        let at = new.at.expect("entries from a file have a time");
        if let Some(n) = session {
            let t = self.earliest.entry(n).or_insert(at);
            if at < *t {
                *t = at;
            }
        }
        if let Some(id) = &new.id {
            let exists = self
                .tx
                .prepare_cached("SELECT 1 FROM entries WHERE uuid = ?1")?
                .query_row([id], |_| Ok(()))
                .optional()?
                .is_some();
            if exists {
                self.counts.entries_present += 1;
                return Ok(None);
            }
        }
        new.session_row = match session {
            None => None,
            Some(n) => Some(match (self.by_number.get(&n), self.local.get(&n)) {
                (Some(&row), _) | (None, Some(&row)) => row,
                (None, None) => {
                    self.counts.sessions += 1;
                    let row = create_session(&self.tx, None, at, "", "", "")?;
                    self.untimed.insert(row, n);
                    self.by_number.insert(n, row);
                    row
                }
            }),
        };
        if new.id.is_none() {
            new.id = Some(new_uuid());
        }
        let actions = std::mem::take(&mut x.actions);
        let row = insert_entry(&self.tx, &new, &x)?;
        if !actions.is_empty() {
            self.derived_actions.push((row, at, actions));
        }
        if let Some(a) = x.terms.take() {
            self.terms.add(row, &a);
            if self.terms.is_full() {
                self.terms.flush(&self.tx)?;
            }
        }
        self.counts.entries += 1;
        Ok(Some(new))
    }

    fn finish(
        mut self,
        actions: Option<&[InAction]>,
        checks: &[InCheck],
        plan: &[(String, String)],
        themes: Option<&crate::journal::InThemes>,
        decisions: Option<&[InDecision]>,
    ) -> Result<ImportCounts> {
        let tx = &self.tx;
        // Sessions that had no time take their earliest entry's.
        for (&row, n) in &self.untimed {
            if let Some(at) = self.earliest.get(n) {
                tx.execute(
                    "UPDATE sessions SET at = ?2, at_ts = ?3 WHERE id = ?1",
                    params![row, at.to_rfc3339(), at.timestamp()],
                )?;
            }
        }
        // A file that lists its actions says what they are; otherwise they
        // come from the entries' action answers.
        if actions.is_none() {
            let mut act = tx.prepare_cached(
                "INSERT INTO actions(uuid, entry_id, text, state, at, at_ts) VALUES (?1, ?2, ?3, 'open', ?4, ?5)",
            )?;
            for (row, at, texts) in &self.derived_actions {
                for a in texts {
                    act.execute(params![new_uuid(), row, a, at.to_rfc3339(), at.timestamp()])?;
                    self.counts.actions += 1;
                }
            }
        }
        for a in actions.into_iter().flatten() {
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
                        .prepare_cached("SELECT id, at FROM entries WHERE uuid = ?1")?
                        .query_row([entry], |r| Ok((r.get(0)?, r.get(1)?)))
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
                    let session = a.session.and_then(|n| {
                        self.by_number
                            .get(&n)
                            .or_else(|| self.local.get(&n))
                            .copied()
                    });
                    (None, session, self.now.to_rfc3339())
                }
            };
            let at = a.at.map(|t| t.to_rfc3339()).unwrap_or(entry_at);
            let at_ts = DateTime::parse_from_rfc3339(&at)
                .map(|t| t.timestamp())
                .unwrap_or(0);
            tx.prepare_cached(
                "INSERT INTO actions(uuid, entry_id, session_id, text, state, at, at_ts, done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                a.id.clone().unwrap_or_else(new_uuid),
                entry_row,
                session_row,
                a.text,
                a.state.key(),
                at,
                at_ts,
                a.done_at.map(|t| t.to_rfc3339())
            ])?;
            self.counts.actions += 1;
        }

        for c in checks {
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
            self.counts.checks += 1;
        }

        let has_plan: bool =
            tx.query_row("SELECT count(*) > 0 FROM safety_plan", [], |r| r.get(0))?;
        if !has_plan {
            for (k, t) in plan {
                tx.execute(
                    "INSERT OR REPLACE INTO safety_plan(key, text) VALUES (?1, ?2)",
                    [k, t],
                )?;
            }
        }
        for d in decisions.into_iter().flatten() {
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
            self.counts.decisions += tx.execute(
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
        if let Some(themes) = themes {
            self.counts.theme_choices = super::theme_choices::import_choices(tx, themes, self.now)?;
        }
        // Review's index and the full-text indexes are filled in the same
        // transaction: all of it lands, or none.
        self.terms.flush(tx)?;
        index_pending_in(tx)?;
        self.fts.finish(tx)?;
        tx.pragma_update(None, "cache_size", -2000)?;
        self.tx.commit()?;
        Ok(self.counts)
    }
}

/// The full-text indexes of an import, filled in one pass each at the end
/// of its transaction instead of by a trigger per answer, with a larger
/// in-memory buffer so that they are written in fewer, larger segments.
/// Dropping the insert triggers is part of the transaction: a failed import
/// brings them back with everything else, and [`DeferredFts::finish`] puts
/// them back before the import commits.
pub(super) struct DeferredFts {
    /// The insert triggers as they were (`CREATE TRIGGER …`).
    triggers: Vec<String>,
    /// The first answer row the import adds.
    first: i64,
}

/// The SQL function that says whether an answer's text belongs in the
/// trigram index: [`in_trigram_index`], the same test as the triggers'
/// `GLOB` (see [`super::TRIGRAM_GLOB`]) at a fraction of its cost.
const TRIGRAM_FN: &str = "kapj_in_trigram_index";

impl DeferredFts {
    pub(super) fn begin(tx: &rusqlite::Transaction) -> Result<DeferredFts> {
        let triggers: Vec<String> = {
            let mut st = tx.prepare(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('answers_ai', 'answers_tri_ai') ORDER BY name",
            )?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        tx.execute_batch(
            "DROP TRIGGER IF EXISTS answers_ai; DROP TRIGGER IF EXISTS answers_tri_ai;",
        )?;
        let first: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM answers", [], |r| {
            r.get(0)
        })?;
        register_trigram_fn(tx)?;
        Ok(DeferredFts { triggers, first })
    }

    /// Adds the import's answers to both indexes, then puts the triggers back.
    pub(super) fn finish(self, tx: &rusqlite::Transaction) -> Result<()> {
        const HASH: i64 = 8 << 20;
        for table in ["answers_fts", "answers_tri"] {
            if !self.triggers.iter().any(|t| t.contains(table)) {
                continue;
            }
            // The trigram index holds only the answers a substring search
            // can find (migrations/14): most answers of most journals are
            // not in it.
            let only = if table == "answers_tri" {
                format!(" AND {TRIGRAM_FN}(text)")
            } else {
                String::new()
            };
            tx.execute(
                &format!("INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?1)"),
                [HASH],
            )?;
            tx.execute(
                &format!(
                    "INSERT INTO {table}(rowid, text) SELECT id, text FROM answers WHERE id >= ?1{only} ORDER BY id"
                ),
                [self.first],
            )?;
            tx.execute(
                &format!("INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?1)"),
                [1i64 << 20],
            )?;
        }
        for sql in &self.triggers {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// Makes [`TRIGRAM_FN`] known to this connection.
fn register_trigram_fn(conn: &rusqlite::Connection) -> Result<()> {
    conn.create_scalar_function(
        TRIGRAM_FN,
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8
            | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            Ok(match ctx.get_raw(0) {
                rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                    in_trigram_index(&String::from_utf8_lossy(t))
                }
                _ => false,
            })
        },
    )?;
    Ok(())
}

/// Whether `text` matches [`super::TRIGRAM_GLOB`]: whether it holds a
/// character of the ranges that pattern lists.
pub(super) fn in_trigram_index(text: &str) -> bool {
    // GLOB reads text up to its first NUL, if it has one.
    let text = text.split('\0').next().unwrap_or_default();
    // Every character the ranges hold takes three or four bytes in UTF-8:
    // text of one- and two-byte characters (Latin, Greek, Cyrillic, Hebrew,
    // Arabic, …) is answered from its bytes alone.
    text.bytes().any(|b| b >= 0xE0) && text.chars().any(trigram_char)
}

/// The characters of [`super::TRIGRAM_GLOB`]'s ranges.
pub(super) fn trigram_char(c: char) -> bool {
    matches!(u32::from(c),
        0x0E00..=0x0EFF
        | 0x1000..=0x109F
        | 0x1100..=0x11FF
        | 0x1780..=0x17FF
        | 0x200D
        | 0x20E3
        | 0x2100..=0x0010_FFFF)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_search_looks_for_as_a_substring_is_in_the_trigram_index() {
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            if crate::cmd::search::substring_char(c) {
                assert!(trigram_char(c), "U+{:04X}", u32::from(c));
            }
        }
        for text in ["海の音", "a smile 😊", "ok ✓", "สวัสดี", "ᄀ", "👨\u{200D}👩"]
        {
            assert!(in_trigram_index(text), "{text}");
        }
        for text in [
            "plain words",
            "it’s quiet — “really”…",
            "café, Straße, мир, שלום",
            "",
        ] {
            assert!(!in_trigram_index(text), "{text}");
        }
    }

    /// The function the import uses and the pattern the triggers use agree
    /// on every character and on text around it: an answer the import puts
    /// in the index is one the delete and update triggers take out again.
    #[test]
    fn the_import_and_the_triggers_agree_on_what_is_in_the_trigram_index() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        register_trigram_fn(&conn).unwrap();
        let differ: Vec<i64> = {
            let mut st = conn
                .prepare(&format!(
                    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 0x10FFFF)
                     SELECT x FROM n
                     WHERE x NOT BETWEEN 0xD800 AND 0xDFFF
                       AND ('a' || char(x) || 'b' GLOB {glob}) != {TRIGRAM_FN}('a' || char(x) || 'b')",
                    glob = super::super::TRIGRAM_GLOB
                ))
                .unwrap();
            let rows = st.query_map([], |r| r.get(0)).unwrap();
            rows.collect::<Result<_, _>>().unwrap()
        };
        assert!(differ.is_empty(), "{:X?}", &differ[..differ.len().min(20)]);
        for text in [
            "plain",
            "海",
            "a\0😊",
            "😊\0a",
            "it’s — …",
            "two\nlines ☀\n",
            "",
        ] {
            let (glob, func): (bool, bool) = conn
                .query_row(
                    &format!(
                        "SELECT ?1 GLOB {}, {TRIGRAM_FN}(?1)",
                        super::super::TRIGRAM_GLOB
                    ),
                    [text],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(glob, func, "{text:?}");
            assert_eq!(in_trigram_index(text), func, "{text:?}");
        }
    }

    #[test]
    fn the_migration_spells_the_same_pattern_in_every_trigger() {
        let (_, _, sql) = super::super::MIGRATIONS
            .iter()
            .find(|m| m.0 == 14)
            .expect("migration 14");
        let glob = super::super::TRIGRAM_GLOB;
        assert_eq!(sql.matches(&format!("WHERE text GLOB {glob};")).count(), 1);
        assert_eq!(sql.matches(&format!("new.text GLOB {glob}")).count(), 2);
        assert_eq!(sql.matches(&format!("old.text GLOB {glob}")).count(), 2);
        assert_eq!(sql.matches("GLOB").count(), 5);
    }
}

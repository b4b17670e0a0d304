//! The term index behind `kapj review` (see migrations/02-term-index).
//!
//! - Each entry's analysis (its term counts, as text) is written in the
//!   entry's own transaction: [`write_analysis`].
//! - The shared vocabulary (every key once in `term_keys`, with the number of
//!   entries using it) and each entry's packed ids (`entry_terms`) are
//!   brought up to date from those analyses by [`Store::index_pending`],
//!   which review runs first and import runs inside its transaction. Adding
//!   an entry touches some fifty scattered vocabulary pages, which cost a
//!   third of a write's time (4 of 15 ms at 10,000 entries); review does it
//!   for the few entries written since, from their stored analyses.
//! - Editing or deleting an entry takes its ids out of the counts in the
//!   same transaction ([`unindex_entry`]); keys no entry uses are removed.
//!
//! `meta.terms_version` records the analysis version the index holds; when
//! kapj's differs, the index is rebuilt from the entries' text.

use std::time::Duration;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, TimeZone};
use rusqlite::types::ValueRef;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::filter::filter_sql;
use super::Store;
use crate::domain::Filter;
use crate::themes::{self, Analysis, Corpus, Doc};
use rustc_hash::FxHashMap as FxMap;

/// Stores an entry's analysis (in the entry's transaction); the entry joins
/// the shared index at the next [`Store::index_pending`].
pub(super) fn write_analysis(conn: &Connection, entry: i64, a: &Analysis) -> Result<()> {
    conn.prepare_cached("UPDATE entries SET terms = ?2, terms_version = ?3 WHERE id = ?1")?
        .execute(params![entry, a.encode(), themes::ANALYSIS_VERSION])?;
    Ok(())
}

/// Adds an entry's analysis to the shared index, replacing what it had.
pub(super) fn index_entry(conn: &Connection, entry: i64, a: &Analysis) -> Result<()> {
    unindex_entry(conn, entry)?;
    let mut upsert = conn.prepare_cached(
        "INSERT INTO term_keys(key, entries) VALUES (?1, 1)
         ON CONFLICT(key) DO UPDATE SET entries = entries + 1 RETURNING id",
    )?;
    let mut ids: Vec<(u32, u8)> = Vec::with_capacity(a.terms().len());
    for t in a.terms() {
        let id: i64 = upsert.query_row([t.key], |r| r.get(0))?;
        ids.push((id as u32, themes::term_meta(t.count, t.name)));
    }
    conn.prepare_cached("INSERT INTO entry_terms(entry_id, ids) VALUES (?1, ?2)")?
        .execute(params![entry, themes::pack_terms(a.words, &ids)])?;
    Ok(())
}

/// New entries' terms, gathered to join the shared index together: each key
/// the batch uses is looked up once, its count goes up by the number of the
/// batch's entries that use it, and keys new to the index get their ids in
/// the order the entries first use them, exactly as one by one. An entry's
/// terms are kept as slots of the batch's keys (five bytes a term), not as
/// its analysis, so an import can gather thousands of entries in a few MB.
#[derive(Default)]
pub(super) struct TermBatch {
    /// Each key the batch uses, with its slot (slots count up from 0 in
    /// the order of first use).
    slots: FxMap<Box<str>, u32>,
    /// Per slot: how many of the batch's entries use the key.
    uses: Vec<u32>,
    /// Per entry: its row, its content words, and where its terms start in
    /// `terms`.
    entries: Vec<(i64, u32, usize)>,
    /// Every entry's terms, back to back: (slot, meta byte).
    terms: Vec<(u32, u8)>,
}

impl TermBatch {
    /// Keeps a new entry's terms for the next [`TermBatch::flush`].
    pub(super) fn add(&mut self, entry: i64, a: &Analysis) {
        let start = self.terms.len();
        for t in a.terms() {
            let slot = if let Some(&s) = self.slots.get(t.key) {
                s
            } else {
                let s = self.uses.len() as u32;
                self.slots.insert(t.key.into(), s);
                self.uses.push(0);
                s
            };
            self.uses[slot as usize] += 1;
            self.terms.push((slot, themes::term_meta(t.count, t.name)));
        }
        self.entries.push((entry, a.words, start));
    }

    /// Whether the batch has grown enough to be written (a few MB at most).
    pub(super) fn is_full(&self) -> bool {
        self.entries.len() >= 8192 || self.slots.len() >= 1 << 17 || self.terms.len() >= 1 << 20
    }

    /// Writes the batch to the shared index and empties it.
    pub(super) fn flush(&mut self, conn: &Connection) -> Result<()> {
        if self.entries.is_empty() {
            return Ok(());
        }
        let mut keys: Vec<(&str, u32)> = self.slots.iter().map(|(k, &s)| (&**k, s)).collect();
        keys.sort_unstable();
        // Keys the index has: their ids, read in key order (neighbours in
        // the key index), then one update per distinct increase.
        let mut ids: Vec<Option<i64>> = vec![None; keys.len()];
        {
            let list: Vec<rusqlite::types::Value> = keys
                .iter()
                .map(|(k, _)| rusqlite::types::Value::Text((*k).to_owned()))
                .collect();
            let mut st =
                conn.prepare_cached("SELECT id, key FROM term_keys WHERE key IN rarray(?1)")?;
            let mut rows = st.query([std::rc::Rc::new(list)])?;
            while let Some(r) = rows.next()? {
                let key = r.get_ref(1)?.as_str()?;
                if let Some(&slot) = self.slots.get(key) {
                    ids[slot as usize] = Some(r.get(0)?);
                }
            }
        }
        let mut by_increase: FxMap<u32, Vec<i64>> = FxMap::default();
        for (slot, id) in ids.iter().enumerate() {
            if let Some(id) = id {
                by_increase.entry(self.uses[slot]).or_default().push(*id);
            }
        }
        let mut bump = conn
            .prepare_cached("UPDATE term_keys SET entries = entries + ?2 WHERE id IN rarray(?1)")?;
        for (n, mut list) in by_increase {
            list.sort_unstable();
            let list: Vec<rusqlite::types::Value> = list
                .into_iter()
                .map(rusqlite::types::Value::Integer)
                .collect();
            bump.execute(params![std::rc::Rc::new(list), n])?;
        }
        // Keys new to the index, in the order of first use, each with the
        // id SQLite would give it (one more than the highest).
        let mut next: i64 =
            conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM term_keys", [], |r| {
                r.get(0)
            })?;
        let mut by_slot: Vec<&str> = vec![""; keys.len()];
        for (k, s) in &keys {
            by_slot[*s as usize] = k;
        }
        let mut add =
            conn.prepare_cached("INSERT INTO term_keys(id, key, entries) VALUES (?1, ?2, ?3)")?;
        for (slot, id) in ids.iter_mut().enumerate() {
            if id.is_none() {
                add.execute(params![next, by_slot[slot], self.uses[slot]])?;
                *id = Some(next);
                next += 1;
            }
        }
        let mut put =
            conn.prepare_cached("INSERT INTO entry_terms(entry_id, ids) VALUES (?1, ?2)")?;
        let mut packed: Vec<(u32, u8)> = Vec::new();
        for (i, &(entry, words, start)) in self.entries.iter().enumerate() {
            let end = self.entries.get(i + 1).map_or(self.terms.len(), |e| e.2);
            packed.clear();
            packed.extend(
                self.terms[start..end]
                    .iter()
                    .map(|&(slot, meta)| (ids[slot as usize].unwrap_or_default() as u32, meta)),
            );
            put.execute(params![entry, themes::pack_terms(words, &packed)])?;
        }
        self.slots.clear();
        self.uses.clear();
        self.entries.clear();
        self.terms.clear();
        Ok(())
    }
}

/// Takes an entry's terms out of the counts (before it is deleted or indexed
/// again); keys no entry uses any more are removed, so no word of a deleted
/// entry stays behind in the index.
pub(super) fn unindex_entry(conn: &Connection, entry: i64) -> Result<()> {
    let old: Option<Vec<u8>> = conn
        .prepare_cached("SELECT ids FROM entry_terms WHERE entry_id = ?1")?
        .query_row([entry], |r| r.get(0))
        .optional()?;
    let Some(old) = old else {
        return Ok(());
    };
    conn.prepare_cached("DELETE FROM entry_terms WHERE entry_id = ?1")?
        .execute([entry])?;
    let Some((_, terms)) = themes::unpack_terms(&old) else {
        return Ok(());
    };
    let mut dec = conn.prepare_cached(
        "UPDATE term_keys SET entries = entries - 1 WHERE id = ?1 AND entries > 0",
    )?;
    let mut drop = conn.prepare_cached("DELETE FROM term_keys WHERE id = ?1 AND entries = 0")?;
    for (id, _) in terms {
        dec.execute([id])?;
        drop.execute([id])?;
    }
    Ok(())
}

/// Inside a write transaction: adds every entry the shared index does not
/// hold yet, from its stored analysis (or its text, when the analysis is
/// missing or from another version). When the index was built by another
/// analysis version it is rebuilt. Returns how many entries were added.
pub(super) fn index_pending_in(conn: &Connection) -> Result<usize> {
    let current = themes::ANALYSIS_VERSION.to_string();
    let version: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [VERSION_KEY],
            |r| r.get(0),
        )
        .optional()?;
    if version.as_deref() != Some(current.as_str()) {
        conn.execute_batch("DELETE FROM entry_terms; DELETE FROM term_keys;")?;
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![VERSION_KEY, current],
        )?;
    }
    // Read inside the transaction: another review may have indexed some.
    let pending: Vec<(i64, Option<String>, u32)> = {
        let mut st = conn.prepare(
            "SELECT e.id, e.terms, e.terms_version FROM entries e
             WHERE NOT EXISTS (SELECT 1 FROM entry_terms t WHERE t.entry_id = e.id)
             ORDER BY e.id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (entry, text, version) in &pending {
        let stored = (*version == themes::ANALYSIS_VERSION)
            .then(|| text.as_deref().and_then(Analysis::decode))
            .flatten();
        let a = match stored {
            Some(a) => a,
            None => {
                let a = Analysis::of_text(&entry_text(conn, *entry)?);
                write_analysis(conn, *entry, &a)?;
                a
            }
        };
        index_entry(conn, *entry, &a)?;
    }
    Ok(pending.len())
}

/// An entry's answers as one text, as its analysis is made when written.
fn entry_text(conn: &Connection, entry: i64) -> Result<String> {
    let mut st =
        conn.prepare_cached("SELECT text FROM answers WHERE entry_id = ?1 ORDER BY position")?;
    let parts: Vec<String> = st
        .query_map([entry], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(parts.join("\n\n"))
}

/// Whether an error says only that the journal cannot be written just now:
/// busy or locked by another connection, or read-only.
fn cannot_write_now(e: &anyhow::Error) -> bool {
    use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked, ReadOnly};
    matches!(
        e.downcast_ref::<rusqlite::Error>(),
        Some(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, DatabaseBusy | DatabaseLocked | ReadOnly)
    )
}

/// Key in `meta` of the analysis version the index holds.
const VERSION_KEY: &str = "terms_version";

impl Store {
    /// Brings the shared index up to date (see [`index_pending_in`]) in one
    /// transaction; quick when nothing is pending. Review only reads, so this
    /// is best effort: when the journal cannot be written just now (another
    /// window holds the write lock, or the file is read-only) it waits a
    /// moment, changes nothing and returns false, and the caller reads the
    /// entries' own analyses instead ([`Store::analysed_corpus`]).
    pub fn index_pending(&mut self) -> Result<bool> {
        let same_version = self.meta_get(VERSION_KEY)?.as_deref()
            == Some(themes::ANALYSIS_VERSION.to_string().as_str());
        if same_version && self.pending_count()? == 0 {
            return Ok(true);
        }
        self.conn.busy_timeout(Duration::from_millis(300))?;
        let result = (|| -> Result<()> {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            index_pending_in(&tx)?;
            tx.commit()?;
            Ok(())
        })();
        self.conn.busy_timeout(super::BUSY_TIMEOUT)?;
        match result {
            Ok(()) => Ok(true),
            Err(e) if cannot_write_now(&e) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The entries a filter selects, oldest first, with terms from their own
    /// stored analyses (made afresh where missing or outdated), without
    /// writing anything: what review reads when the index cannot be updated.
    /// It decodes every entry, so it is several times slower than
    /// [`Store::term_corpus`].
    pub fn analysed_corpus(&self, f: &Filter) -> Result<Corpus> {
        let (cond, params) = filter_sql(f);
        let mut st = self.conn.prepare(&format!(
            "SELECT e.id, e.session_id, e.at_ts, e.at, e.terms, e.terms_version FROM entries e
             WHERE {cond} ORDER BY e.at_ts, e.id"
        ))?;
        let mut rows = st.query(params_from_iter(params))?;
        let mut docs: Vec<(Doc, Analysis)> = Vec::new();
        while let Some(r) = rows.next()? {
            let Some(doc) = doc_of(r)? else {
                continue;
            };
            let text: Option<String> = r.get(4)?;
            let a = self.analysis_of(doc.entry, text.as_deref(), r.get(5)?)?;
            docs.push((doc, a));
        }
        Ok(Corpus::from_analyses(
            docs.iter().map(|(d, a)| (d.clone(), a)),
        ))
    }

    /// An entry's stored analysis, or one made from its text when the stored
    /// one is missing or from another version.
    fn analysis_of(&self, entry: i64, text: Option<&str>, version: u32) -> Result<Analysis> {
        let stored = (version == themes::ANALYSIS_VERSION)
            .then(|| text.and_then(Analysis::decode))
            .flatten();
        match stored {
            Some(a) => Ok(a),
            None => Ok(Analysis::of_text(&entry_text(&self.conn, entry)?)),
        }
    }

    /// Entries the index does not hold: rows leave entry_terms with their
    /// entry, so the difference of two counts says it (cheaply; finding
    /// which ones is not).
    fn pending_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM entries) - (SELECT count(*) FROM entry_terms)",
            [],
            |r| r.get(0),
        )?)
    }

    /// The entries a filter selects, oldest first, with their terms that
    /// two or more entries of the journal use.
    pub fn term_corpus(&self, f: &Filter) -> Result<Corpus> {
        self.term_corpus_with(f, &[])
    }

    /// [`Store::term_corpus`], with slots also for the keys in `also` that
    /// only one entry uses (a kept theme shows wherever it appears).
    pub fn term_corpus_with(&self, f: &Filter, also: &[String]) -> Result<Corpus> {
        let mut corpus = Corpus::new();
        {
            let mut st = self
                .conn
                .prepare("SELECT id, key FROM term_keys WHERE entries >= 2")?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                corpus.add_key(id as u32, r.get(1)?);
            }
        }
        if !also.is_empty() {
            let keys: Vec<rusqlite::types::Value> = also
                .iter()
                .map(|k| rusqlite::types::Value::Text(k.clone()))
                .collect();
            let mut st = self
                .conn
                .prepare("SELECT id, key FROM term_keys WHERE key IN rarray(?1)")?;
            let mut rows = st.query([std::rc::Rc::new(keys)])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                corpus.add_key(id as u32, r.get(1)?);
            }
        }
        let (cond, params) = filter_sql(f);
        let mut st = self.conn.prepare(&format!(
            "SELECT e.id, e.session_id, e.at_ts, e.at, t.ids FROM entries e
             LEFT JOIN entry_terms t ON t.entry_id = e.id
             WHERE {cond} ORDER BY e.at_ts, e.id"
        ))?;
        let mut rows = st.query(params_from_iter(params))?;
        while let Some(r) = rows.next()? {
            let Some(doc) = doc_of(r)? else {
                continue;
            };
            match r.get_ref(4)? {
                ValueRef::Blob(b) => match themes::unpack_terms(b) {
                    Some((words, terms)) => corpus.push(doc, words, terms),
                    None => corpus.push(doc, 0, []),
                },
                _ => corpus.push(doc, 0, []),
            }
        }
        Ok(corpus)
    }

    /// The analyses of these entries (for the written forms of themes), in
    /// the order given: stored ones, or made afresh from the text where the
    /// stored one is missing or outdated. Entries that do not exist are skipped.
    pub fn analyses(&self, entries: &[i64]) -> Result<Vec<Analysis>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT terms, terms_version FROM entries WHERE id = ?1")?;
        let mut out = Vec::with_capacity(entries.len());
        for &e in entries {
            let row: Option<(Option<String>, u32)> = st
                .query_row([e], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some((text, version)) = row {
                out.push(self.analysis_of(e, text.as_deref(), version)?);
            }
        }
        Ok(out)
    }
}

/// An entry as review sees it, from a row that starts with its id, session
/// row, timestamp and RFC 3339 time; None if the time cannot be read.
fn doc_of(r: &rusqlite::Row) -> rusqlite::Result<Option<Doc>> {
    let ts: i64 = r.get(2)?;
    let at = match r.get_ref(3)? {
        ValueRef::Text(t) => local_time(ts, t),
        _ => None,
    };
    Ok(match at {
        Some(at) => Some(Doc {
            entry: r.get(0)?,
            session: r.get(1)?,
            at,
        }),
        None => None,
    })
}

/// An entry's time from its timestamp and its stored RFC 3339 text. Most
/// carry whole seconds, and then only the offset at the end is read;
/// others are parsed in full (parsing every one costs review ~15% at 100k).
fn local_time(ts: i64, text: &[u8]) -> Option<DateTime<FixedOffset>> {
    const WHOLE_SECONDS: usize = "2025-11-30T20:15:00+01:00".len();
    // Whole seconds: the offset's sign comes straight after the seconds.
    if text.len() == WHOLE_SECONDS && matches!(text.get(19), Some(b'+' | b'-')) {
        if let Some(at) = utc_offset(text).and_then(|o| o.timestamp_opt(ts, 0).single()) {
            return Some(at);
        }
    }
    DateTime::parse_from_rfc3339(std::str::from_utf8(text).ok()?).ok()
}

/// The UTC offset at the end of an RFC 3339 time as kapj stores it
/// (`…+01:00`, `…-05:30` or `…Z`), without parsing the rest.
fn utc_offset(t: &[u8]) -> Option<FixedOffset> {
    if t.last() == Some(&b'Z') {
        return FixedOffset::east_opt(0);
    }
    let tail = t.get(t.len().checked_sub(6)?..)?;
    let sign = match tail[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digit = |i: usize| tail[i].is_ascii_digit().then(|| i32::from(tail[i] - b'0'));
    let hours = digit(1)? * 10 + digit(2)?;
    let minutes = digit(4)? * 10 + digit(5)?;
    if tail[3] != b':' {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_read_from_the_end() {
        assert_eq!(
            utc_offset(b"2025-11-30T20:15:00+01:00"),
            FixedOffset::east_opt(3600)
        );
        assert_eq!(
            utc_offset(b"2025-11-30T20:15:00-05:30"),
            FixedOffset::east_opt(-(5 * 3600 + 30 * 60))
        );
        assert_eq!(
            utc_offset(b"2025-11-30T20:15:00Z"),
            FixedOffset::east_opt(0)
        );
        assert_eq!(utc_offset(b"2025-11-30T20:15:00"), None);
        assert_eq!(utc_offset(b"+1:00"), None);
    }

    /// Entries added in batches (several flushes, keys old and new, a key
    /// twice in a batch) leave the index exactly as adding them one by one.
    #[test]
    fn a_batch_indexes_as_one_entry_at_a_time_would() {
        let texts = [
            "My father and the lake. My father again.",
            "The lake was still; I felt tight in my chest.",
            "Mary called. My chest eased by the lake.",
            "A new word: heron. And the lake.",
            "Nothing shared here at all, only quiet.",
            "My father, the heron, the lake, my chest.",
            "",
        ];
        type Index = (Vec<(i64, String, i64)>, Vec<(i64, Vec<u8>)>);
        let indexed = |batched: bool| -> Index {
            let dir = tempfile::tempdir().unwrap();
            let s = Store::open(&dir.path().join("kapj.db"), None).unwrap();
            let c = &s.conn;
            let mut rows = Vec::new();
            for (i, t) in texts.iter().enumerate() {
                c.execute(
                    "INSERT INTO entries(uuid, phase, at, at_ts) VALUES (?1, 'free', '2026-01-01T10:00:00+01:00', ?2)",
                    params![format!("u{i}"), i as i64],
                )
                .unwrap();
                rows.push((c.last_insert_rowid(), Analysis::of_text(t)));
            }
            // The first two are in the index already, one by one.
            for (row, a) in &rows[..2] {
                index_entry(c, *row, a).unwrap();
            }
            if batched {
                let mut b = TermBatch::default();
                for (row, a) in &rows[2..4] {
                    b.add(*row, a);
                }
                b.flush(c).unwrap();
                b.flush(c).unwrap();
                for (row, a) in &rows[4..] {
                    b.add(*row, a);
                }
                b.flush(c).unwrap();
            } else {
                for (row, a) in &rows[2..] {
                    index_entry(c, *row, a).unwrap();
                }
            }
            let keys = c
                .prepare("SELECT id, key, entries FROM term_keys ORDER BY id")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            let ids = c
                .prepare("SELECT entry_id, ids FROM entry_terms ORDER BY entry_id")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            (keys, ids)
        };
        let one_by_one = indexed(false);
        assert!(one_by_one.0.len() > 10, "{:?}", one_by_one.0);
        assert_eq!(one_by_one.1.len(), texts.len());
        assert_eq!(indexed(true), one_by_one);
    }

    #[test]
    fn local_times_match_a_full_parse() {
        for text in [
            "2025-11-30T20:15:00+01:00",
            "2025-11-30T20:15:00.25-05:30",
            "2025-11-30T20:15:00Z",
            "2025-11-30T20:15:00.1234Z",
        ] {
            let full = DateTime::parse_from_rfc3339(text).expect("valid");
            assert_eq!(
                local_time(full.timestamp(), text.as_bytes()),
                Some(full),
                "{text}"
            );
        }
    }
}

/// One entry that uses a theme, as `kapj themes show` reads it.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// The entry's number.
    pub entry: i64,
    /// Its session's row id ([`crate::domain::Session::row`]).
    pub session: Option<i64>,
    pub at: DateTime<FixedOffset>,
    pub phase: crate::domain::Phase,
    /// How often the entry uses the theme (all its keys together).
    pub count: u32,
    /// Ids of the entry's other terms (see [`Store::term_keys_by_id`]).
    pub others: Vec<u32>,
}

/// A term of the index: its key and how many entries of the journal use it.
#[derive(Debug, Clone)]
pub struct IndexedTerm {
    pub id: u32,
    pub key: String,
    pub entries: u32,
}

impl Store {
    /// How many entries use this key, by the index.
    pub fn term_entries(&self, key: &str) -> Result<u32> {
        Ok(self
            .conn
            .prepare_cached("SELECT entries FROM term_keys WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// Every entry using any of these keys, oldest first, by the index (run
    /// [`Store::index_pending`] first). One pass over the packed ids: no
    /// entry's text is read.
    pub fn occurrences(&self, keys: &[String]) -> Result<Vec<Occurrence>> {
        let ids: Vec<u32> = {
            let keys: Vec<rusqlite::types::Value> = keys
                .iter()
                .map(|k| rusqlite::types::Value::Text(k.clone()))
                .collect();
            let mut st = self
                .conn
                .prepare("SELECT id FROM term_keys WHERE key IN rarray(?1)")?;
            let rows = st.query_map([std::rc::Rc::new(keys)], |r| r.get::<_, i64>(0))?;
            rows.map(|r| r.map(|id| id as u32))
                .collect::<Result<_, _>>()?
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut found: std::collections::HashMap<i64, (u32, Vec<u32>)> =
            std::collections::HashMap::new();
        // The scan reads every entry's ids once: mapped, SQLite reads the
        // pages in place instead of copying each out of the OS cache (the
        // copy showed as 7% of `themes show` at 100k entries).
        self.conn
            .pragma_update(None, "mmap_size", super::MMAP_SIZE)?;
        let scanned = (|| -> Result<()> {
            let mut st = self.conn.prepare("SELECT entry_id, ids FROM entry_terms")?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let ValueRef::Blob(b) = r.get_ref(1)? else {
                    continue;
                };
                let Some((_, terms)) = themes::unpack_terms(b) else {
                    continue;
                };
                let mut count = 0u32;
                for (id, meta) in terms {
                    if ids.contains(&id) {
                        count += u32::from(meta & themes::COUNT_MASK);
                    }
                }
                if count > 0 {
                    let (_, terms) = themes::unpack_terms(b).expect("unpacked above");
                    let others = terms.map(|t| t.0).filter(|id| !ids.contains(id)).collect();
                    found.insert(r.get(0)?, (count, others));
                }
            }
            Ok(())
        })();
        self.conn.pragma_update(None, "mmap_size", 0)?;
        scanned?;
        let numbers: Vec<rusqlite::types::Value> = found
            .keys()
            .map(|&n| rusqlite::types::Value::Integer(n))
            .collect();
        let mut st = self.conn.prepare(
            "SELECT e.id, e.session_id, e.at_ts, e.at, e.phase FROM entries e
             WHERE e.id IN rarray(?1) ORDER BY e.at_ts, e.id",
        )?;
        let mut rows = st.query([std::rc::Rc::new(numbers)])?;
        let mut out = Vec::with_capacity(found.len());
        while let Some(r) = rows.next()? {
            let Some(doc) = doc_of(r)? else {
                continue;
            };
            let phase: String = r.get(4)?;
            let Some(phase) = crate::domain::Phase::parse(&phase) else {
                continue;
            };
            let Some((count, others)) = found.remove(&doc.entry) else {
                continue;
            };
            out.push(Occurrence {
                entry: doc.entry,
                session: doc.session,
                at: doc.at,
                phase,
                count,
                others,
            });
        }
        Ok(out)
    }

    /// The index's terms with these ids.
    pub fn term_keys_by_id(&self, ids: &[u32]) -> Result<Vec<IndexedTerm>> {
        let values: Vec<rusqlite::types::Value> = ids
            .iter()
            .map(|&id| rusqlite::types::Value::Integer(i64::from(id)))
            .collect();
        let mut st = self
            .conn
            .prepare("SELECT id, key, entries FROM term_keys WHERE id IN rarray(?1)")?;
        let rows = st.query_map([std::rc::Rc::new(values)], |r| {
            Ok(IndexedTerm {
                id: r.get::<_, i64>(0)? as u32,
                key: r.get(1)?,
                entries: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

//! Entries, their answers, tags and feelings, and full-text search.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::sessions::NUMBERED;
use super::{new_uuid, parse_time, Store};
use crate::domain::{Answer, Entry, Filter, NewEntry, Phase};

/// What is written alongside an entry, in the same transaction.
#[derive(Debug, Default)]
pub struct EntryExtras {
    /// Encoded per-entry term counts for review, and their format version.
    pub terms: Option<(String, u32)>,
    /// Actions committed to in this entry (from the `action` prompt).
    pub actions: Vec<String>,
}

pub struct SearchHit {
    pub entry: Entry,
    pub snippet: String,
}

/// Inserts one entry with everything that belongs to it. The caller owns the
/// transaction, so an import of many entries is all or nothing.
pub fn insert_entry(conn: &Connection, e: &NewEntry, extras: &EntryExtras) -> Result<i64> {
    let uuid = e.id.clone().unwrap_or_else(new_uuid);
    let at = e.at.expect("entry time is set by the caller");
    let phase = e.phase.expect("entry phase is set by the caller");
    let (terms, terms_version) = match &extras.terms {
        Some((t, v)) => (Some(t.as_str()), *v),
        None => (None, 0),
    };
    conn.execute(
        "INSERT INTO entries(uuid, phase, session_id, at, at_ts, mood, private, terms, terms_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            uuid,
            phase.key(),
            e.session_row,
            at.to_rfc3339(),
            at.timestamp(),
            e.mood,
            e.private,
            terms,
            terms_version
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_answers(conn, id, &e.answers)?;
    let mut tag =
        conn.prepare_cached("INSERT OR IGNORE INTO entry_tags(entry_id, tag) VALUES (?1, ?2)")?;
    for t in &e.tags {
        tag.execute(params![id, t])?;
    }
    let mut feel = conn.prepare_cached(
        "INSERT OR IGNORE INTO entry_feelings(entry_id, feeling) VALUES (?1, ?2)",
    )?;
    for f in &e.feelings {
        feel.execute(params![id, f])?;
    }
    let mut act = conn.prepare_cached(
        "INSERT INTO actions(uuid, entry_id, text, state, at, at_ts) VALUES (?1, ?2, ?3, 'open', ?4, ?5)",
    )?;
    for a in &extras.actions {
        act.execute(params![new_uuid(), id, a, at.to_rfc3339(), at.timestamp()])?;
    }
    Ok(id)
}

fn write_answers(conn: &Connection, entry_id: i64, answers: &[Answer]) -> Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO answers(entry_id, position, key, prompt, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, a) in answers.iter().enumerate() {
        st.execute(params![entry_id, i as i64, a.key, a.prompt, a.text])?;
    }
    Ok(())
}

/// SQL conditions on `e` (entries) for a filter, with their parameters.
fn filter_sql(f: &Filter) -> (String, Vec<Value>) {
    let mut conds: Vec<String> = vec!["1 = 1".into()];
    let mut params: Vec<Value> = Vec::new();
    if let Some(p) = f.phase {
        conds.push("e.phase = ?".into());
        params.push(Value::Text(p.key().into()));
    }
    if let Some(n) = f.session {
        conds.push(format!(
            "e.session_id = (SELECT id FROM ({NUMBERED}) WHERE number = ?)"
        ));
        params.push(Value::Integer(n));
    }
    if let Some(t) = f.since {
        conds.push("e.at_ts >= ?".into());
        params.push(Value::Integer(t.timestamp()));
    }
    if let Some(t) = f.until {
        conds.push("e.at_ts <= ?".into());
        params.push(Value::Integer(t.timestamp()));
    }
    if let Some(tag) = &f.tag {
        conds.push(
            "EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = ?)".into(),
        );
        params.push(Value::Text(tag.clone()));
    }
    if !f.include_private {
        conds.push("e.private = 0".into());
    }
    (conds.join(" AND "), params)
}

const ENTRY_COLUMNS: &str = "e.id, e.uuid, e.phase, sn.number, e.at, e.mood, e.private";

impl Store {
    /// Entries matching the filter, newest first (limit applies to the newest).
    pub fn entries(&self, f: &Filter) -> Result<Vec<Entry>> {
        let (cond, params) = filter_sql(f);
        let limit = f.limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entries e LEFT JOIN ({NUMBERED}) sn ON sn.id = e.session_id
             WHERE {cond} ORDER BY e.at_ts DESC, e.id DESC{limit}"
        );
        self.load_entries(&sql, params)
    }

    /// Like [`Store::entries`], but without answer text (tags and feelings
    /// are filled): for summaries that only need times, moods and sessions.
    pub fn entry_heads(&self, f: &Filter) -> Result<Vec<Entry>> {
        let (cond, params) = filter_sql(f);
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entries e LEFT JOIN ({NUMBERED}) sn ON sn.id = e.session_id
             WHERE {cond} ORDER BY e.at_ts DESC, e.id DESC"
        );
        self.load(&sql, params, false)
    }

    fn load_entries(&self, sql: &str, params: Vec<Value>) -> Result<Vec<Entry>> {
        self.load(sql, params, true)
    }

    fn load(&self, sql: &str, params: Vec<Value>, answers: bool) -> Result<Vec<Entry>> {
        let mut st = self.conn.prepare(sql)?;
        let mut entries: Vec<Entry> = st
            .query_map(params_from_iter(params), |r| {
                let phase: String = r.get(2)?;
                Ok(Entry {
                    number: r.get(0)?,
                    id: r.get(1)?,
                    phase: Phase::parse(&phase).unwrap_or(Phase::Free),
                    session: r.get(3)?,
                    at: parse_time(&r.get::<_, String>(4)?)?,
                    mood: r.get(5)?,
                    private: r.get(6)?,
                    tags: Vec::new(),
                    feelings: Vec::new(),
                    answers: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        self.attach_details(&mut entries, answers)?;
        Ok(entries)
    }

    /// Fills answers (when asked), tags and feelings with one query each.
    fn attach_details(&self, entries: &mut [Entry], answers: bool) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let index: HashMap<i64, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.number, i))
            .collect();
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS wanted(id INTEGER PRIMARY KEY); DELETE FROM temp.wanted;",
        )?;
        {
            let mut ins = self
                .conn
                .prepare_cached("INSERT INTO temp.wanted(id) VALUES (?1)")?;
            for e in entries.iter() {
                ins.execute([e.number])?;
            }
        }
        if answers {
            let mut st = self.conn.prepare(
                "SELECT a.entry_id, a.key, a.prompt, a.text FROM answers a JOIN temp.wanted w ON w.id = a.entry_id
                 ORDER BY a.entry_id, a.position",
            )?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                if let Some(&i) = index.get(&id) {
                    entries[i].answers.push(Answer {
                        key: r.get(1)?,
                        prompt: r.get(2)?,
                        text: r.get(3)?,
                    });
                }
            }
        }
        for (table, col) in [("entry_tags", "tag"), ("entry_feelings", "feeling")] {
            let mut st = self.conn.prepare(&format!(
                "SELECT x.entry_id, x.{col} FROM {table} x JOIN temp.wanted w ON w.id = x.entry_id ORDER BY x.entry_id, x.{col}"
            ))?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                if let Some(&i) = index.get(&id) {
                    let v: String = r.get(1)?;
                    if table == "entry_tags" {
                        entries[i].tags.push(v);
                    } else {
                        entries[i].feelings.push(v);
                    }
                }
            }
        }
        self.conn.execute_batch("DELETE FROM temp.wanted;")?;
        Ok(())
    }

    /// One entry by its short number, or by its id (or an unambiguous id prefix of 4+ characters).
    pub fn entry(&self, id: &str) -> Result<Option<Entry>> {
        let id = id.trim().trim_start_matches('#');
        let (cond, value) = if let Ok(n) = id.parse::<i64>() {
            ("e.id = ?1", Value::Integer(n))
        } else if id.len() >= 4 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            (
                "e.uuid LIKE ?1 || '%'",
                Value::Text(id.to_ascii_lowercase()),
            )
        } else {
            return Ok(None);
        };
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entries e LEFT JOIN ({NUMBERED}) sn ON sn.id = e.session_id
             WHERE {cond} LIMIT 2"
        );
        let mut found = self.load_entries(&sql, vec![value])?;
        Ok(if found.len() == 1 { found.pop() } else { None })
    }

    /// Inserts an entry in its own transaction.
    pub fn add_entry(&mut self, e: &NewEntry, extras: &EntryExtras) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let id = insert_entry(&tx, e, extras)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces an entry's answers and mood, and refreshes what is derived from them.
    pub fn update_entry(
        &mut self,
        number: i64,
        answers: &[Answer],
        mood: Option<u8>,
        extras: &EntryExtras,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (terms, version) = match &extras.terms {
            Some((t, v)) => (Some(t.as_str()), *v),
            None => (None, 0),
        };
        tx.execute(
            "UPDATE entries SET mood = ?2, terms = ?3, terms_version = ?4 WHERE id = ?1",
            params![number, mood, terms, version],
        )?;
        tx.execute("DELETE FROM answers WHERE entry_id = ?1", [number])?;
        write_answers(&tx, number, answers)?;
        tx.commit()?;
        Ok(())
    }

    pub fn delete_entry(&mut self, number: i64) -> Result<bool> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let n = tx.execute("DELETE FROM entries WHERE id = ?1", [number])?;
        tx.commit()?;
        Ok(n > 0)
    }

    pub fn count_entries(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?)
    }

    /// Full-text search over answers; one hit per entry, best match first.
    /// Ranks every match, but builds snippets only for the entries returned.
    pub fn search(&self, query: &str, f: &Filter) -> Result<Vec<SearchHit>> {
        let (cond, mut params) = filter_sql(f);
        let limit = f.limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
        let sql = format!(
            "WITH raw AS MATERIALIZED (
                SELECT rowid AS answer_id, bm25(answers_fts) AS rank
                FROM answers_fts WHERE answers_fts MATCH ?),
             hits AS (
                SELECT a.entry_id AS id, min(r.rank) AS rank
                FROM raw r JOIN answers a ON a.id = r.answer_id GROUP BY a.entry_id)
             SELECT {ENTRY_COLUMNS} FROM hits h JOIN entries e ON e.id = h.id
             LEFT JOIN ({NUMBERED}) sn ON sn.id = e.session_id
             WHERE {cond} ORDER BY h.rank, e.at_ts DESC{limit}"
        );
        params.insert(0, Value::Text(query.to_owned()));
        let entries = self.load_entries(&sql, params)?;
        let mut snip = self.conn.prepare_cached(
            "SELECT snippet(answers_fts, 0, char(2), char(3), '…', 12) FROM answers_fts
             WHERE answers_fts MATCH ?1
               AND rowid IN (SELECT id FROM answers WHERE entry_id = ?2)
             ORDER BY bm25(answers_fts) LIMIT 1",
        )?;
        let mut hits = Vec::with_capacity(entries.len());
        for entry in entries {
            let snippet: String = snip
                .query_row(params![query, entry.number], |r| r.get(0))
                .optional()?
                .unwrap_or_default();
            hits.push(SearchHit { entry, snippet });
        }
        Ok(hits)
    }

    /// Stored term counts for review: (entry number, uuid, session number, at, terms, version).
    #[allow(clippy::type_complexity)]
    pub fn entry_terms(
        &self,
        f: &Filter,
    ) -> Result<Vec<(i64, String, Option<i64>, String, Option<String>, u32)>> {
        let (cond, params) = filter_sql(f);
        let sql = format!(
            "SELECT e.id, e.uuid, sn.number, e.at, e.terms, e.terms_version FROM entries e
             LEFT JOIN ({NUMBERED}) sn ON sn.id = e.session_id WHERE {cond} ORDER BY e.at_ts, e.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(params), |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores recomputed term counts (after a template or method change).
    pub fn set_entry_terms(&mut self, updates: &[(i64, String)], version: u32) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut st =
                tx.prepare("UPDATE entries SET terms = ?2, terms_version = ?3 WHERE id = ?1")?;
            for (id, t) in updates {
                st.execute(params![id, t, version])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Plain text of the given entries (for quotes), by number.
    pub fn entry_texts(&self, numbers: &[i64]) -> Result<HashMap<i64, String>> {
        let mut out: HashMap<i64, String> = HashMap::new();
        let mut st = self
            .conn
            .prepare_cached("SELECT text FROM answers WHERE entry_id = ?1 ORDER BY position")?;
        for &n in numbers {
            let parts: Vec<String> = st.query_map([n], |r| r.get(0))?.collect::<Result<_, _>>()?;
            out.insert(n, parts.join("\n\n"));
        }
        Ok(out)
    }
}

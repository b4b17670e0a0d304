//! Entries, their answers, tags and feelings, and full-text search.

use std::collections::HashMap;
use std::rc::Rc;
use unicode_segmentation::UnicodeSegmentation;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::filter::filter_sql;
use super::terms::{unindex_entry, write_analysis};
use super::{new_uuid, parse_time, Store};
use crate::domain::{Answer, Entry, Filter, NewEntry, Phase};
use crate::themes::Analysis;

/// What is written alongside an entry, in the same transaction.
#[derive(Debug, Default)]
pub struct EntryExtras {
    /// The entry's terms for review (indexed in the same transaction).
    pub terms: Option<Analysis>,
    /// Actions committed to in this entry (from the `action` prompt).
    pub actions: Vec<String>,
}

impl EntryExtras {
    /// What is derived from an entry and stored with it: term counts for review,
    /// and the action from the embodiment phase's `action` prompt.
    pub fn for_entry(e: &NewEntry) -> EntryExtras {
        let text = e
            .answers
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let actions = if e.phase == Some(Phase::Embodiment) {
            e.answers
                .iter()
                .filter(|a| a.key == "action" && !a.text.trim().is_empty())
                .map(|a| a.text.trim().to_string())
                .collect()
        } else {
            Vec::new()
        };
        EntryExtras {
            terms: Some(Analysis::of_text(&text)),
            actions,
        }
    }
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
    // The analysis goes in with the row (as `write_analysis` would put it),
    // not in a second statement that finds the row again.
    let (terms, terms_version) = match &extras.terms {
        Some(a) => (Some(a.encode()), crate::themes::ANALYSIS_VERSION),
        None => (None, 0),
    };
    conn.prepare_cached(
        "INSERT INTO entries(uuid, phase, session_id, at, at_ts, mood, private, terms, terms_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        uuid,
        phase.key(),
        e.session_row,
        at.to_rfc3339(),
        at.timestamp(),
        e.mood,
        e.private,
        terms,
        terms_version,
    ])?;
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

/// The entry's action answers as `EntryExtras::for_entry` reads them.
fn action_answers(conn: &Connection, entry_id: i64) -> Result<Vec<String>> {
    let all: Vec<String> = conn
        .prepare(
            "SELECT text FROM answers WHERE entry_id = ?1 AND key = 'action' ORDER BY position",
        )?
        .query_map([entry_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(all
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect())
}

/// The actions of an edited entry follow its action answer: an action whose
/// answer changed keeps its number, state and time with the new text; a new
/// answer adds an open action; an answer emptied removes its action. An
/// answer left as it was leaves its action alone, so words changed with
/// `kapj actions edit` stay.
fn update_actions(
    conn: &Connection,
    entry_id: i64,
    answered: &[String],
    texts: &[String],
) -> Result<()> {
    let old: Vec<(i64, String)> = conn
        .prepare("SELECT id, text FROM actions WHERE entry_id = ?1 ORDER BY id")?
        .query_map([entry_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (i, text) in texts.iter().enumerate() {
        match old.get(i) {
            Some((id, was)) if was != text && answered.get(i) != Some(text) => {
                conn.execute(
                    "UPDATE actions SET text = ?2 WHERE id = ?1",
                    params![id, text],
                )?;
            }
            Some(_) => {}
            None => {
                let (at, at_ts): (String, i64) = conn.query_row(
                    "SELECT at, at_ts FROM entries WHERE id = ?1",
                    [entry_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                conn.execute(
                    "INSERT INTO actions(uuid, entry_id, text, state, at, at_ts) VALUES (?1, ?2, ?3, 'open', ?4, ?5)",
                    params![new_uuid(), entry_id, text, at, at_ts],
                )?;
            }
        }
    }
    for (id, _) in old.iter().skip(texts.len()) {
        conn.execute("DELETE FROM actions WHERE id = ?1", [id])?;
    }
    Ok(())
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

/// What [`Store::load`] reads of an entry. Sessions are numbered after the
/// query (one small lookup), not joined to every row.
const ENTRY_COLUMNS: &str = "e.id, e.uuid, e.phase, e.session_id, e.at, e.mood, e.private";

impl Store {
    /// Entries matching the filter, newest first (limit applies to the newest).
    pub fn entries(&self, f: &Filter) -> Result<Vec<Entry>> {
        let (cond, params) = filter_sql(f);
        let limit = f.limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entries e
             WHERE {cond} ORDER BY e.at_ts DESC, e.id DESC{limit}"
        );
        self.load_entries(&sql, params)
    }

    /// Like [`Store::entries`], but without answer text (tags and feelings
    /// are filled): for summaries that only need times, moods and sessions.
    pub fn entry_heads(&self, f: &Filter) -> Result<Vec<Entry>> {
        let (cond, params) = filter_sql(f);
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entries e
             WHERE {cond} ORDER BY e.at_ts DESC, e.id DESC"
        );
        self.load(&sql, params, false)
    }

    fn load_entries(&self, sql: &str, params: Vec<Value>) -> Result<Vec<Entry>> {
        self.load(sql, params, true)
    }

    /// Runs an entry query (selecting [`ENTRY_COLUMNS`]), then fills answers
    /// (when asked), tags and feelings with one query each.
    fn load(&self, sql: &str, params: Vec<Value>, answers: bool) -> Result<Vec<Entry>> {
        let numbers = self.session_numbers()?;
        let mut st = self.conn.prepare(sql)?;
        let mut entries: Vec<Entry> = st
            .query_map(params_from_iter(params), |r| {
                let phase: String = r.get(2)?;
                Ok(Entry {
                    number: r.get(0)?,
                    id: r.get(1)?,
                    phase: Phase::parse(&phase).unwrap_or(Phase::Free),
                    session: r
                        .get::<_, Option<i64>>(3)?
                        .and_then(|id| numbers.get(&id).copied()),
                    at: parse_time(&r.get::<_, String>(4)?)?,
                    mood: r.get(5)?,
                    private: r.get(6)?,
                    tags: Vec::new(),
                    feelings: Vec::new(),
                    answers: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        if entries.is_empty() {
            return Ok(entries);
        }
        let index: HashMap<i64, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.number, i))
            .collect();
        // A few entries: their ids go in as one array parameter (rarray),
        // not a temporary table written row by row. Most of the journal (an
        // export): one straight pass over each table is quicker than as many
        // index probes, and rows of other entries are skipped here.
        let total: i64 = self
            .conn
            .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?;
        let whole = entries.len() >= 1000 && 3 * entries.len() as i64 >= total;
        let ids: Rc<Vec<Value>> =
            Rc::new(entries.iter().map(|e| Value::Integer(e.number)).collect());
        let rows_of = |columns: &str, table: &str, order: &str| {
            if whole {
                format!("SELECT entry_id, {columns} FROM {table}")
            } else {
                format!(
                    "SELECT entry_id, {columns} FROM {table} WHERE entry_id IN rarray(?1)
                     ORDER BY entry_id, {order}"
                )
            }
        };
        if answers {
            let mut st = self.conn.prepare_cached(&rows_of(
                "position, key, prompt, text",
                "answers",
                "position",
            ))?;
            let mut rows = if whole {
                st.query([])?
            } else {
                st.query([ids.clone()])?
            };
            let mut positions: Vec<Vec<i64>> = vec![Vec::new(); entries.len()];
            while let Some(r) = rows.next()? {
                if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
                    positions[i].push(r.get(1)?);
                    entries[i].answers.push(Answer {
                        key: r.get(2)?,
                        prompt: r.get(3)?,
                        text: r.get(4)?,
                    });
                }
            }
            // A table scan meets answers in the order they were stored,
            // which is their order unless an edit wrote them again.
            for (e, pos) in entries.iter_mut().zip(positions) {
                if !pos.is_sorted() {
                    let mut both: Vec<(i64, Answer)> = pos
                        .into_iter()
                        .zip(std::mem::take(&mut e.answers))
                        .collect();
                    both.sort_by_key(|b| b.0);
                    e.answers = both.into_iter().map(|b| b.1).collect();
                }
            }
        }
        for (table, col) in [("entry_tags", "tag"), ("entry_feelings", "feeling")] {
            let mut st = self.conn.prepare_cached(&rows_of(col, table, col))?;
            let mut rows = if whole {
                st.query([])?
            } else {
                st.query([ids.clone()])?
            };
            while let Some(r) = rows.next()? {
                if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
                    let v: String = r.get(1)?;
                    if table == "entry_tags" {
                        entries[i].tags.push(v);
                    } else {
                        entries[i].feelings.push(v);
                    }
                }
            }
        }
        if whole {
            for e in &mut entries {
                e.tags.sort();
                e.feelings.sort();
            }
        }
        Ok(entries)
    }

    /// Fills in the answers of these entries (loaded with
    /// [`Store::entry_heads`]), in their order: export reads a long
    /// journal's text in parts, never all of it at once.
    pub fn fill_answers(&self, entries: &mut [Entry]) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let index: HashMap<i64, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.number, i))
            .collect();
        let ids: Rc<Vec<Value>> =
            Rc::new(entries.iter().map(|e| Value::Integer(e.number)).collect());
        let mut st = self.conn.prepare_cached(
            "SELECT entry_id, key, prompt, text FROM answers WHERE entry_id IN rarray(?1)
             ORDER BY entry_id, position",
        )?;
        let mut rows = st.query([ids])?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
                entries[i].answers.push(Answer {
                    key: r.get(1)?,
                    prompt: r.get(2)?,
                    text: r.get(3)?,
                });
            }
        }
        Ok(())
    }

    /// These entries without their answers, by number (for quotes).
    pub fn entry_heads_by_number(&self, numbers: &[i64]) -> Result<HashMap<i64, Entry>> {
        if numbers.is_empty() {
            return Ok(HashMap::new());
        }
        let marks = vec!["?"; numbers.len()].join(", ");
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entries e
             WHERE e.id IN ({marks})"
        );
        let params = numbers.iter().map(|&n| Value::Integer(n)).collect();
        let entries = self.load(&sql, params, false)?;
        Ok(entries.into_iter().map(|e| (e.number, e)).collect())
    }

    /// Entries a filter selects in the same session as `number` and later
    /// than it, of another phase than intention: whether an intention was
    /// reflected on.
    pub fn later_in_session(&self, number: i64, f: &Filter) -> Result<usize> {
        let (cond, mut params) = filter_sql(f);
        params.push(Value::Integer(number));
        // Whole seconds narrow it down; the times themselves decide (two
        // entries can be written within one second).
        let mut st = self.conn.prepare(&format!(
            "SELECT e.at, i.at FROM entries e, entries i
             WHERE {cond} AND i.id = ? AND e.session_id = i.session_id AND e.id != i.id
               AND e.at_ts >= i.at_ts AND e.phase != 'intention'"
        ))?;
        let mut rows = st.query(params_from_iter(params))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let later = parse_time(&r.get::<_, String>(0)?)?;
            let intention = parse_time(&r.get::<_, String>(1)?)?;
            n += usize::from(later > intention);
        }
        Ok(n)
    }

    /// Average mood of the entries a filter selects, by session row id
    /// ([`Session::row`](crate::domain::Session)).
    pub fn mood_by_session(&self, f: &Filter) -> Result<Vec<(i64, f64)>> {
        let (cond, params) = filter_sql(f);
        let mut st = self.conn.prepare(&format!(
            "SELECT e.session_id, avg(e.mood) FROM entries e
             WHERE {cond} AND e.mood IS NOT NULL AND e.session_id IS NOT NULL
             GROUP BY e.session_id"
        ))?;
        let rows = st.query_map(params_from_iter(params), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The feelings named most in the entries a filter selects, with how
    /// many entries name each; most first, then alphabetical.
    pub fn feelings_named(&self, f: &Filter, limit: usize) -> Result<Vec<(String, usize)>> {
        let (cond, params) = filter_sql(f);
        let mut st = self.conn.prepare(&format!(
            "SELECT x.feeling, count(*) AS n FROM entry_feelings x JOIN entries e ON e.id = x.entry_id
             WHERE {cond} GROUP BY x.feeling ORDER BY n DESC, x.feeling LIMIT {limit}"
        ))?;
        let rows = st.query_map(params_from_iter(params), |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as usize))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The numbers of the entries in `[since, until]` that are not
    /// private, oldest first: for status's "On this day", which then reads
    /// only the one it shows.
    pub fn public_entries_between(
        &self,
        since: DateTime<FixedOffset>,
        until: DateTime<FixedOffset>,
    ) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(
            "SELECT e.id FROM entries e
             WHERE e.at_ts >= ?1 AND e.at_ts <= ?2 AND e.private = 0
             ORDER BY e.at_ts, e.id",
        )?;
        let rows = st.query_map([since.timestamp(), until.timestamp()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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
            "SELECT {ENTRY_COLUMNS} FROM entries e
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
        sync_actions: bool,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE entries SET mood = ?2 WHERE id = ?1",
            params![number, mood],
        )?;
        let answered = action_answers(&tx, number)?;
        tx.execute("DELETE FROM answers WHERE entry_id = ?1", [number])?;
        write_answers(&tx, number, answers)?;
        unindex_entry(&tx, number)?;
        if let Some(a) = &extras.terms {
            write_analysis(&tx, number, a)?;
        }
        if sync_actions {
            update_actions(&tx, number, &answered, &extras.actions)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn delete_entry(&mut self, number: i64) -> Result<bool> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        unindex_entry(&tx, number)?;
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

    /// Search for terms that the word index cannot find alone: `subs` are
    /// runs of characters that spaces do not separate (Chinese, Japanese,
    /// emoji), found anywhere in an answer; `words` are whole words, as in
    /// [`Store::search`]. An entry is a hit when each term is in one of its
    /// answers. Three characters or more use the trigram index; shorter runs
    /// are a scan of the answers the filter allows. Newest first.
    pub fn search_substrings(
        &self,
        words: &[String],
        subs: &[String],
        f: &Filter,
    ) -> Result<Vec<SearchHit>> {
        let (cond, filter_params) = filter_sql(f);
        let mut conds: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        let quoted = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
        for w in words {
            conds.push(
                "e.id IN (SELECT a.entry_id FROM answers a WHERE a.id IN
                    (SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?))"
                    .into(),
            );
            params.push(Value::Text(quoted(w)));
        }
        for t in subs {
            if t.chars().count() >= 3 {
                // Every trigram of it (the index keeps no positions), then
                // the candidates' text for the substring itself.
                conds.push(
                    "e.id IN (SELECT a.entry_id FROM answers a WHERE a.id IN
                        (SELECT rowid FROM answers_tri WHERE answers_tri MATCH ?)
                        AND instr(lower(a.text), lower(?)) > 0)"
                        .into(),
                );
                params.push(Value::Text(trigram_query(t)));
                params.push(Value::Text(t.clone()));
            } else {
                conds.push(
                    "EXISTS (SELECT 1 FROM answers a WHERE a.entry_id = e.id AND instr(a.text, ?) > 0)"
                        .into(),
                );
                params.push(Value::Text(t.clone()));
            }
        }
        let limit = f.limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entries e WHERE {cond} AND {}
             ORDER BY e.at_ts DESC, e.id DESC{limit}",
            conds.join(" AND ")
        );
        let mut all = filter_params;
        all.extend(params);
        let entries = self.load_entries(&sql, all)?;
        let numbers: Vec<i64> = entries.iter().map(|e| e.number).collect();
        let texts = self.entry_texts(&numbers)?;
        let first = subs.first().map(String::as_str).unwrap_or_default();
        Ok(entries
            .into_iter()
            .map(|entry| {
                let text = texts.get(&entry.number).map(String::as_str).unwrap_or("");
                let snippet = substring_snippet(text, first);
                SearchHit { entry, snippet }
            })
            .collect())
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

/// An FTS5 query asking for every trigram of `term` (three characters or
/// more), each quoted so that nothing in it is an operator.
fn trigram_query(term: &str) -> String {
    let chars: Vec<char> = term.chars().collect();
    let mut grams: Vec<String> = chars
        .windows(3)
        .map(|w| format!("\"{}\"", w.iter().collect::<String>().replace('"', "\"\"")))
        .collect();
    grams.sort();
    grams.dedup();
    grams.join(" ")
}

/// A few words either side of the first place `needle` occurs in `text`,
/// marked with \u{2} and \u{3} as FTS5's snippet() marks a match.
pub(crate) fn substring_snippet(text: &str, needle: &str) -> String {
    const AROUND: usize = 24;
    let found = if needle.is_empty() {
        None
    } else {
        text.find(needle)
            .map(|i| (i, i + needle.len()))
            .or_else(|| {
                // The trigram index matches letters in any case.
                let lower = text.to_lowercase();
                (lower.len() == text.len())
                    .then(|| lower.find(&needle.to_lowercase()))
                    .flatten()
                    .map(|i| (i, i + needle.to_lowercase().len()))
                    .filter(|&(a, b)| text.is_char_boundary(a) && text.is_char_boundary(b))
            })
    };
    // Counted and cut in whole graphemes, so an emoji sequence or a letter
    // with its accents is never split at either end.
    let Some((a, b)) = found else {
        let head: String = text.graphemes(true).take(AROUND * 2).collect();
        let more = if head.len() < text.len() { "…" } else { "" };
        return format!("{head}{more}");
    };
    // A match inside a cluster (one emoji of a family) marks the whole cluster.
    let (a, b) = text
        .grapheme_indices(true)
        .map(|(i, g)| (i, i + g.len()))
        .filter(|&(gs, ge)| ge > a && gs < b)
        .fold((a, b), |(lo, hi), (gs, ge)| (lo.min(gs), hi.max(ge)));
    let before: Vec<&str> = text[..a].graphemes(true).collect();
    let start = before.len().saturating_sub(AROUND);
    let after: Vec<&str> = text[b..].graphemes(true).collect();
    let end = after.len().min(AROUND);
    format!(
        "{}{}\u{2}{}\u{3}{}{}",
        if start > 0 { "…" } else { "" },
        before[start..].concat(),
        &text[a..b],
        after[..end].concat(),
        if end < after.len() { "…" } else { "" },
    )
}

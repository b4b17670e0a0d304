//! Sessions: numbered 1, 2, 3… in date order (derived, never stored).

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::{params, OptionalExtension, Row};

use super::{new_uuid, parse_time, Store};
use crate::domain::Session;

/// The row id of the session with number `?`: numbers are positions in
/// (at_ts, id) order, which the `sessions_at` index walks.
pub(crate) const ROW_OF_NUMBER: &str =
    "SELECT id FROM sessions ORDER BY at_ts, id LIMIT 1 OFFSET ? - 1";

/// Every session in number order. Numbers are counted while reading rather
/// than with a window function, which costs SQLite several times the scan.
const ALL: &str = "SELECT uuid, 0, at, note, setting, dose, id FROM sessions ORDER BY at_ts, id";

/// One session with its number, counted from the index instead of numbering
/// every session (which costs milliseconds in a long journal).
const ONE: &str = "SELECT s.uuid,
       (SELECT count(*) FROM sessions x WHERE (x.at_ts, x.id) <= (s.at_ts, s.id)) AS number,
       s.at, s.note, s.setting, s.dose, s.id
     FROM sessions s";

fn session(r: &Row) -> rusqlite::Result<(Session, i64)> {
    Ok((
        Session {
            id: r.get(0)?,
            number: r.get(1)?,
            at: parse_time(&r.get::<_, String>(2)?)?,
            note: r.get(3)?,
            setting: r.get(4)?,
            dose: r.get(5)?,
            row: r.get(6)?,
        },
        r.get(6)?,
    ))
}

impl Store {
    /// Each session's number by its row id.
    pub(crate) fn session_numbers(&self) -> Result<std::collections::HashMap<i64, i64>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM sessions ORDER BY at_ts, id")?;
        let rows = st.query_map([], |r| r.get::<_, i64>(0))?;
        rows.zip(1..)
            .map(|(id, number)| Ok((id?, number)))
            .collect()
    }

    pub fn add_session(
        &self,
        id: Option<&str>,
        at: DateTime<FixedOffset>,
        note: &str,
        setting: &str,
        dose: &str,
    ) -> Result<i64> {
        let uuid = id.map(str::to_owned).unwrap_or_else(new_uuid);
        self.conn.execute(
            "INSERT INTO sessions(uuid, at, at_ts, note, setting, dose) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![uuid, at.to_rfc3339(), at.timestamp(), note, setting, dose],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn sessions(&self) -> Result<Vec<Session>> {
        let mut st = self.conn.prepare(ALL)?;
        let rows = st.query_map([], session)?;
        rows.zip(1..)
            .map(|(r, number)| Ok(Session { number, ..r?.0 }))
            .collect()
    }

    /// The session with this number, and its row id.
    pub fn session_by_number(&self, number: i64) -> Result<Option<(Session, i64)>> {
        if number < 1 {
            return Ok(None);
        }
        Ok(self
            .conn
            .query_row(
                &format!("{ONE} ORDER BY s.at_ts, s.id LIMIT 1 OFFSET ?1 - 1"),
                [number],
                session,
            )
            .optional()?)
    }

    pub fn session_by_row(&self, row: i64) -> Result<Option<Session>> {
        Ok(self
            .conn
            .query_row(&format!("{ONE} WHERE s.id = ?1"), [row], session)
            .optional()?
            .map(|(s, _)| s))
    }

    /// The most recent session at or before `t`.
    pub fn session_at_or_before(&self, t: DateTime<FixedOffset>) -> Result<Option<(Session, i64)>> {
        Ok(self
            .conn
            .query_row(
                &format!("{ONE} WHERE s.at_ts <= ?1 ORDER BY s.at_ts DESC, s.id DESC LIMIT 1"),
                [t.timestamp()],
                session,
            )
            .optional()?)
    }

    /// The first session after `t` (a planned one, when `t` is now).
    pub fn session_after(&self, t: DateTime<FixedOffset>) -> Result<Option<(Session, i64)>> {
        Ok(self
            .conn
            .query_row(
                &format!("{ONE} WHERE s.at_ts > ?1 ORDER BY s.at_ts, s.id LIMIT 1"),
                [t.timestamp()],
                session,
            )
            .optional()?)
    }

    /// Up to `limit` sessions after `t`, in date order (the due file's
    /// look ahead).
    pub fn sessions_after(
        &self,
        t: DateTime<FixedOffset>,
        limit: usize,
    ) -> Result<Vec<(Session, i64)>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{ONE} WHERE s.at_ts > ?1 ORDER BY s.at_ts, s.id LIMIT ?2"
        ))?;
        let rows = st.query_map(params![t.timestamp(), limit as i64], session)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many entries each phase has in a session.
    pub fn phase_counts(&self, session_row: i64) -> Result<Vec<(String, i64)>> {
        let mut st = self
            .conn
            .prepare("SELECT phase, count(*) FROM entries WHERE session_id = ?1 GROUP BY phase")?;
        let rows = st.query_map([session_row], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

//! Big decisions noted in the days after a session (see
//! `crate::decision_note`): the sentence, its entry and session, and when it
//! was settled.

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::{params, OptionalExtension, Row};

use super::{new_uuid, parse_time, Store};
use crate::domain::Decision;

/// Every decision with its entry and the number of its session (sessions
/// are numbered by time, as everywhere else).
const SELECT: &str = "SELECT d.id, d.uuid, e.uuid, e.id, d.sentence, d.at, d.settled_at, e.private,
        (SELECT count(*) FROM sessions s2, sessions s
          WHERE s.id = d.session_id AND (s2.at_ts < s.at_ts OR (s2.at_ts = s.at_ts AND s2.id <= s.id)))
     FROM decisions d JOIN entries e ON e.id = d.entry_id";

fn decision(r: &Row) -> rusqlite::Result<Decision> {
    let settled: Option<String> = r.get(6)?;
    let session: i64 = r.get(8)?;
    Ok(Decision {
        number: r.get(0)?,
        id: r.get(1)?,
        entry: r.get(2)?,
        entry_number: r.get(3)?,
        sentence: r.get(4)?,
        at: parse_time(&r.get::<_, String>(5)?)?,
        settled_at: settled.as_deref().map(parse_time).transpose()?,
        private: r.get(7)?,
        session: (session > 0).then_some(session),
    })
}

impl Store {
    /// How many decisions were noted for this session (settled ones too).
    pub fn decisions_in_session(&self, session_row: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM decisions WHERE session_id = ?1",
            [session_row],
            |r| r.get(0),
        )?)
    }

    /// Notes an entry's decision sentence; an entry holds one at most, so
    /// noting it again changes nothing. Returns whether it was new.
    pub fn note_decision(
        &self,
        entry_number: i64,
        session_row: Option<i64>,
        sentence: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<bool> {
        let n = self.conn.execute(
            "INSERT OR IGNORE INTO decisions(uuid, entry_id, session_id, sentence, at, at_ts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                new_uuid(),
                entry_number,
                session_row,
                sentence,
                at.to_rfc3339(),
                at.timestamp()
            ],
        )?;
        Ok(n > 0)
    }

    /// Decisions, oldest first; only those not yet settled unless `all`.
    pub fn decisions(&self, all: bool) -> Result<Vec<Decision>> {
        let cond = if all {
            ""
        } else {
            " WHERE d.settled_at IS NULL"
        };
        let mut st = self
            .conn
            .prepare(&format!("{SELECT}{cond} ORDER BY d.at_ts, d.id"))?;
        let rows = st.query_map([], decision)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn decision(&self, number: i64) -> Result<Option<Decision>> {
        Ok(self
            .conn
            .query_row(&format!("{SELECT} WHERE d.id = ?1"), [number], decision)
            .optional()?)
    }

    pub fn settle_decision(&self, number: i64, when: DateTime<FixedOffset>) -> Result<()> {
        self.conn.execute(
            "UPDATE decisions SET settled_at = ?2 WHERE id = ?1",
            params![number, when.to_rfc3339()],
        )?;
        Ok(())
    }
}

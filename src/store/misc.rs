//! Actions, self-check results and the safety plan.

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::{params, OptionalExtension, Row};

use super::{new_uuid, parse_time, Store};
use crate::domain::{Action, ActionState, CheckResult};

/// Sessions are numbered in date order; an action carries its session's
/// number (its entry's session, or its own; 0 for none).
const ACTION_SELECT: &str = "SELECT a.id, a.uuid, e.uuid, e.id, a.text, a.state, a.at, a.done_at,
       (SELECT count(*) FROM sessions s, sessions o WHERE s.id = coalesce(e.session_id, a.session_id)
           AND (o.at_ts < s.at_ts OR (o.at_ts = s.at_ts AND o.id <= s.id)))
     FROM actions a LEFT JOIN entries e ON e.id = a.entry_id";

fn action(r: &Row) -> rusqlite::Result<Action> {
    action_in(r, Some(r.get::<_, i64>(8)?).filter(|n| *n > 0))
}

/// An action from a row of [`ACTION_SELECT`]'s first eight columns, in
/// the session numbered `session`.
fn action_in(r: &Row, session: Option<i64>) -> rusqlite::Result<Action> {
    let state: String = r.get(5)?;
    let done: Option<String> = r.get(7)?;
    Ok(Action {
        number: r.get(0)?,
        id: r.get(1)?,
        entry: r.get(2)?,
        entry_number: r.get(3)?,
        text: r.get(4)?,
        state: ActionState::parse(&state).unwrap_or(ActionState::Open),
        at: parse_time(&r.get::<_, String>(6)?)?,
        done_at: done.as_deref().map(parse_time).transpose()?,
        session,
    })
}

fn check(r: &Row) -> rusqlite::Result<CheckResult> {
    let answers: String = r.get(4)?;
    Ok(CheckResult {
        number: r.get(0)?,
        id: r.get(1)?,
        measure: r.get(2)?,
        at: parse_time(&r.get::<_, String>(3)?)?,
        answers: answers
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
        total: r.get(5)?,
        difficulty: r.get(6)?,
    })
}

impl Store {
    /// Actions, oldest first; only open ones unless `all`.
    pub fn actions(&self, all: bool) -> Result<Vec<Action>> {
        let cond = if all { "" } else { " WHERE a.state = 'open'" };
        // Sessions are numbered once, not counted again for each action
        // (thousands of actions made that a good part of an export).
        let numbers = self.session_numbers()?;
        let mut st = self.conn.prepare(&format!(
            "SELECT a.id, a.uuid, e.uuid, e.id, a.text, a.state, a.at, a.done_at,
                    coalesce(e.session_id, a.session_id)
             FROM actions a LEFT JOIN entries e ON e.id = a.entry_id{cond}
             ORDER BY a.at_ts, a.id"
        ))?;
        let rows = st.query_map([], |r| {
            let row: Option<i64> = r.get(8)?;
            action_in(r, row.and_then(|row| numbers.get(&row).copied()))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn action(&self, number: i64) -> Result<Option<Action>> {
        Ok(self
            .conn
            .query_row(
                &format!("{ACTION_SELECT} WHERE a.id = ?1"),
                [number],
                action,
            )
            .optional()?)
    }

    /// Actions whose id starts with `prefix`, which holds only hex digits
    /// and dashes (at most two: one is an answer, two say the prefix is
    /// too short).
    pub fn actions_by_id_prefix(&self, prefix: &str) -> Result<Vec<Action>> {
        debug_assert!(prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-'));
        let mut st = self.conn.prepare(&format!(
            "{ACTION_SELECT} WHERE a.uuid LIKE ?1 || '%' ORDER BY a.id LIMIT 2"
        ))?;
        let rows = st.query_map([prefix.to_ascii_lowercase()], action)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Notes an action of its own, in `session_row` (a session's row id) or
    /// in none; returns its number.
    pub fn add_action(
        &self,
        text: &str,
        session_row: Option<i64>,
        at: DateTime<FixedOffset>,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO actions(uuid, entry_id, session_id, text, state, at, at_ts)
             VALUES (?1, NULL, ?2, ?3, 'open', ?4, ?5)",
            params![
                new_uuid(),
                session_row,
                text,
                at.to_rfc3339(),
                at.timestamp()
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Changes an action's text (its number, state and times stay).
    pub fn set_action_text(&self, number: i64, text: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE actions SET text = ?2 WHERE id = ?1",
            params![number, text],
        )?;
        Ok(())
    }

    pub fn set_action_state(
        &self,
        number: i64,
        state: ActionState,
        when: Option<DateTime<FixedOffset>>,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE actions SET state = ?2, done_at = ?3 WHERE id = ?1",
            params![number, state.key(), when.map(|t| t.to_rfc3339())],
        )?;
        Ok(())
    }

    pub fn add_check(
        &self,
        measure: &str,
        at: DateTime<FixedOffset>,
        answers: &[u8],
        total: u32,
        difficulty: Option<u8>,
    ) -> Result<i64> {
        let list: Vec<String> = answers.iter().map(|a| a.to_string()).collect();
        self.conn.execute(
            "INSERT INTO checks(uuid, measure, at, at_ts, answers, total, difficulty)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                new_uuid(),
                measure,
                at.to_rfc3339(),
                at.timestamp(),
                list.join(","),
                total,
                difficulty
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Self-check results, oldest first (all measures when `measure` is None).
    pub fn checks(&self, measure: Option<&str>) -> Result<Vec<CheckResult>> {
        let mut st = self.conn.prepare(
            "SELECT id, uuid, measure, at, answers, total, difficulty FROM checks
             WHERE ?1 IS NULL OR measure = ?1 ORDER BY at_ts, id",
        )?;
        let rows = st.query_map([measure], check)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn safety_plan(&self) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare("SELECT key, text FROM safety_plan")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn set_safety_plan(&mut self, sections: &[(String, String)]) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM safety_plan", [])?;
        for (k, t) in sections {
            if !t.trim().is_empty() {
                tx.execute("INSERT INTO safety_plan(key, text) VALUES (?1, ?2)", [k, t])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

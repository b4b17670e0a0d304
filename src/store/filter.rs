//! The SQL conditions a [`Filter`] stands for: shared by the entry
//! queries and the term index, so both select the same entries.

use rusqlite::types::Value;

use super::sessions::ROW_OF_NUMBER;
use crate::domain::Filter;

/// SQL conditions on `e` (entries) for a filter, with their parameters.
pub(super) fn filter_sql(f: &Filter) -> (String, Vec<Value>) {
    let mut conds: Vec<String> = vec!["1 = 1".into()];
    let mut params: Vec<Value> = Vec::new();
    if let Some(p) = f.phase {
        conds.push("e.phase = ?".into());
        params.push(Value::Text(p.key().into()));
    }
    if let Some(n) = f.session {
        if n < 1 {
            // No such session (an OFFSET below zero would read as zero).
            conds.push("0 = 1".into());
        } else {
            conds.push(format!("e.session_id = ({ROW_OF_NUMBER})"));
            params.push(Value::Integer(n));
        }
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

//! The one place "now" comes from.
//!
//! `KAPJ_NOW` (RFC 3339) fixes the clock so tests and demos are deterministic.
//! When it is set, its UTC offset is also taken as the user's local offset, so
//! a test gives the same answer whatever the machine's time zone.

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, Offset, TimeZone};

use crate::error::user_hint;

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    now: DateTime<FixedOffset>,
    fixed: bool,
}

impl Clock {
    /// Reads `KAPJ_NOW`, or the system clock in local time.
    pub fn from_env() -> Result<Clock> {
        match std::env::var("KAPJ_NOW") {
            Ok(v) if !v.trim().is_empty() => {
                let now = DateTime::parse_from_rfc3339(v.trim()).map_err(|_| {
                    user_hint(
                        format!("KAPJ_NOW is set to \"{v}\", which is not an RFC 3339 time."),
                        "Use a value like 2026-11-22T21:00:00+01:00, or unset KAPJ_NOW.",
                    )
                })?;
                Ok(Clock { now, fixed: true })
            }
            _ => Ok(Clock {
                now: Local::now().fixed_offset(),
                fixed: false,
            }),
        }
    }

    /// A fixed clock (tests, fuzzing).
    pub fn fixed(now: DateTime<FixedOffset>) -> Clock {
        Clock { now, fixed: true }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    /// Interprets a wall-clock time in the user's local time zone.
    pub fn local(&self, naive: NaiveDateTime) -> DateTime<FixedOffset> {
        if self.fixed {
            let off = *self.now.offset();
            return off
                .from_local_datetime(&naive)
                .single()
                .unwrap_or_else(|| DateTime::from_naive_utc_and_offset(naive - off.fix(), off));
        }
        match Local.from_local_datetime(&naive) {
            chrono::LocalResult::Single(t) => t.fixed_offset(),
            chrono::LocalResult::Ambiguous(a, _) => a.fixed_offset(),
            // A wall time skipped by a DST change: take the instant an hour later.
            chrono::LocalResult::None => Local
                .from_local_datetime(&(naive + chrono::Duration::hours(1)))
                .earliest()
                .map(|t| t.fixed_offset())
                .unwrap_or(self.now),
        }
    }

    /// Shows an instant in the user's local offset (entries keep their own offset).
    pub fn to_local(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        if self.fixed {
            t.with_timezone(self.now.offset())
        } else {
            t.with_timezone(&Local).fixed_offset()
        }
    }
}

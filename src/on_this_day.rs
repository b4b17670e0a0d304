//! "On this day": an entry written a month, three months or a year ago
//! today, for status to show its first line once a day.
//!
//! "Ago" means the same calendar day, in local time: a month before 22 Nov
//! is 22 Oct (a month before 31 Mar is 28 or 29 Feb, chrono's rule). When
//! several of those days have entries, the one longest ago is shown; on that
//! day, the first entry written. Private entries are never resurfaced.
//! Switched off with `kapj settings status.on_this_day off`.

use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset, Months, NaiveDate, NaiveTime};
use serde_json::{json, Value};

use crate::clock::Clock;
use crate::domain::Entry;
use crate::store::Store;

/// The setting that switches it off.
pub const SETTING: &str = "status.on_this_day";
/// The `meta` key holding the local day it was last shown on.
pub const SHOWN: &str = "status.on_this_day.shown";

/// How long ago, in months, and how status says it.
const AGO: &[(u32, &str)] = &[(12, "a year"), (3, "three months"), (1, "a month")];

/// The entry found, and how long ago it was written.
pub struct Found {
    pub entry: Entry,
    pub ago: &'static str,
}

/// The local day `now` falls on.
pub fn today(clock: &Clock) -> NaiveDate {
    clock.to_local(clock.now()).date_naive()
}

/// The entry to show today, if any (the setting is the caller's to check).
pub fn find(store: &Store, clock: &Clock) -> Result<Option<Found>> {
    let today = today(clock);
    for &(months, ago) in AGO {
        let Some(day) = today.checked_sub_months(Months::new(months)) else {
            continue;
        };
        let (since, until) = day_bounds(clock, day);
        // The first written that day, among those with any words.
        for number in store.public_entries_between(since, until)? {
            if let Some(entry) = store.entry(&number.to_string())? {
                if !first_line(&entry).is_empty() {
                    return Ok(Some(Found { entry, ago }));
                }
            }
        }
    }
    Ok(None)
}

/// The first and last second of a local day.
fn day_bounds(clock: &Clock, day: NaiveDate) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    let start = clock.local(day.and_time(NaiveTime::MIN));
    let end =
        clock.local(day.succ_opt().unwrap_or(day).and_time(NaiveTime::MIN)) - Duration::seconds(1);
    (start, end)
}

/// The first line of the entry's text that holds any words.
pub fn first_line(e: &Entry) -> String {
    e.answers
        .iter()
        .flat_map(|a| a.text.lines())
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

/// For `status --json`: the entry and its first line, uncut.
pub fn to_json(f: &Found) -> Value {
    json!({
        "entry": f.entry.number,
        "id": f.entry.id,
        "at": f.entry.at.to_rfc3339(),
        "ago": f.ago,
        "first_line": first_line(&f.entry),
    })
}

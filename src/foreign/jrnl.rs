//! jrnl: the JSON that `jrnl --export json` writes, and jrnl's own
//! plain-text journal file.
//!
//! The JSON is `{"tags": {...}, "entries": [{"title", "body", "date"
//! (YYYY-MM-DD), "time" (HH:MM, local), "tags" (with their symbol),
//! "starred", and "uuid" where jrnl kept one}]}`.
//!
//! The text file is a run of entries, each starting on a new line with its
//! date in brackets in the journal's `timeformat` (default `%Y-%m-%d
//! %H:%M`), then a space and the title, then the body on the lines below; a
//! title ending in ` *` is starred. Tags are words starting with `@` (jrnl's
//! default tag symbol) or `#`.

use std::path::Path;

use anyhow::Result;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::{bad, digest, inline_tags, json_why, push_tag, tidy, Batch, Entry, Format, Options};
use crate::error::user_hint;

/// jrnl's default `timeformat`.
pub const DEFAULT_TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

/// A common `timeformat` with AM/PM, suggested when the default does not fit.
const AM_PM: &str = "%Y-%m-%d %I:%M %p";

#[derive(Deserialize)]
struct Doc {
    entries: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct JsonEntry {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    date: String,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    uuid: Option<String>,
}

pub fn from_json(path: &Path, text: &str, o: &Options) -> Result<Batch> {
    if !text.trim_start().starts_with('{') {
        return Err(bad(path, "it is not a jrnl JSON export"));
    }
    let doc: Doc = serde_json::from_str(text).map_err(|e| bad(path, &json_why(&e)))?;
    let mut batch = Batch::new(Format::Jrnl);
    for (i, v) in doc.entries.into_iter().enumerate() {
        let n = i + 1;
        let e: JsonEntry = serde_json::from_value(v)
            .map_err(|e| bad(path, &format!("entry {n}: {}", json_why(&e))))?;
        let time = e.time.as_deref().unwrap_or("00:00");
        let naive = NaiveDate::parse_from_str(e.date.trim(), "%Y-%m-%d")
            .ok()
            .zip(NaiveTime::parse_from_str(time.trim(), "%H:%M").ok())
            .map(|(d, t)| d.and_time(t))
            .ok_or_else(|| {
                bad(
                    path,
                    &format!(
                        "entry {n}: the date \"{} {time}\" is not a date and time kapj can read (jrnl writes YYYY-MM-DD and HH:MM)",
                        e.date
                    ),
                )
            })?;
        let title = e.title.trim_end();
        let body = tidy(&e.body);
        let text = if body.is_empty() {
            tidy(title)
        } else {
            tidy(&format!("{title}\n{body}"))
        };
        if text.is_empty() {
            batch.empty += 1;
            continue;
        }
        let mut tags = Vec::new();
        for t in &e.tags {
            push_tag(&mut tags, t);
        }
        batch
            .entries
            .push(entry(naive, text, tags, e.starred, e.uuid, o));
    }
    Ok(batch)
}

fn entry(
    naive: NaiveDateTime,
    text: String,
    tags: Vec<String>,
    starred: bool,
    uuid: Option<String>,
    o: &Options,
) -> Entry {
    let when = naive.format("%Y-%m-%d %H:%M").to_string();
    // Date, time and text decide whether an entry is already in the journal
    // (the JSON export and the text file of one journal give the same).
    let d = digest(&[&when, &text]);
    let (ident, by_id) = match uuid.filter(|u| !u.trim().is_empty()) {
        Some(u) => (u, true),
        None => (when, false),
    };
    Entry {
        at: o.clock.local(naive),
        text,
        tags,
        starred,
        ident,
        digest: d,
        by_id,
    }
}

/// Whether a file's first non-blank line starts the way a jrnl entry does:
/// `[something] `.
pub fn looks_like_text(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .and_then(header)
        .is_some_and(|(blob, _)| looks_like_date(blob))
}

/// The bracketed date of a line that may start an entry, and the rest.
fn header(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_prefix('[')?;
    let close = inner.find(']')?;
    let rest = &inner[close + 1..];
    (!inner[..close].is_empty() && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| (&inner[..close], rest.strip_prefix(' ').unwrap_or(rest)))
}

/// A date in jrnl's `timeformat`; a format without a time of day gives
/// midnight.
fn parse_date(blob: &str, format: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(blob, format)
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(blob, format)
                .ok()
                .map(|d| d.and_time(NaiveTime::MIN))
        })
}

/// A bracketed line that looks like a date but is not one in the format:
/// not body text that happens to start with a bracket.
fn looks_like_date(blob: &str) -> bool {
    blob.chars().filter(char::is_ascii_digit).count() >= 4
}

pub fn from_text(path: &Path, text: &str, o: &Options) -> Result<Batch> {
    let format = o.time_format.unwrap_or(DEFAULT_TIME_FORMAT);
    let mut batch = Batch::new(Format::Jrnl);
    // (line number, date, text so far)
    let mut current: Option<(NaiveDateTime, String)> = None;
    let finish = |cur: Option<(NaiveDateTime, String)>, batch: &mut Batch| {
        if let Some((at, raw)) = cur {
            push_text_entry(batch, at, &raw, o);
        }
    };
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if let Some((blob, rest)) = header(line) {
            match parse_date(blob, format) {
                Some(at) => {
                    finish(current.take(), &mut batch);
                    current = Some((at, format!("{rest}\n")));
                    continue;
                }
                None if current.is_none() || looks_like_date(blob) => {
                    return Err(date_error(path, n, blob, format));
                }
                None => {}
            }
        }
        match &mut current {
            Some((_, raw)) => {
                raw.push_str(line);
                raw.push('\n');
            }
            None if line.trim().is_empty() => {}
            None => {
                return Err(user_hint(
                    format!(
                        "Could not import {}, line {n}: a jrnl entry starts with its date in brackets, like [2024-01-05 09:00].",
                        path.display()
                    ),
                    "Nothing was imported.",
                ))
            }
        }
    }
    finish(current.take(), &mut batch);
    Ok(batch)
}

fn date_error(path: &Path, line: usize, blob: &str, format: &str) -> anyhow::Error {
    let hint = if format != AM_PM && parse_date(blob, AM_PM).is_some() {
        format!("Nothing was imported. This journal writes times with AM/PM: add --time-format \"{AM_PM}\".")
    } else {
        "Nothing was imported. If your jrnl config sets another timeformat, give it with --time-format.".to_string()
    };
    user_hint(
        format!(
            "Could not import {}, line {line}: the date \"{blob}\" does not match the time format \"{format}\".",
            path.display()
        ),
        hint,
    )
}

fn push_text_entry(batch: &mut Batch, at: NaiveDateTime, raw: &str, o: &Options) {
    let mut text = tidy(raw);
    let mut starred = false;
    // jrnl marks a starred entry with a `*` at the end of its title line.
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text[..first_end].trim_end();
    if let Some(t) = first.strip_suffix('*') {
        starred = true;
        text = tidy(&format!("{}{}", t.trim_end(), &text[first_end..]));
    }
    if text.is_empty() {
        batch.empty += 1;
        return;
    }
    let mut tags = Vec::new();
    inline_tags(&text, &['@', '#'], &mut tags);
    batch.entries.push(entry(at, text, tags, starred, None, o));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use chrono::DateTime;

    fn opts(clock: &Clock, tf: Option<&'static str>) -> Options<'static> {
        let clock: &'static Clock = Box::leak(Box::new(*clock));
        Options {
            from: None,
            time_format: tf,
            clock,
        }
    }

    #[test]
    fn text_file_entries_titles_stars_and_tags() {
        let clock =
            Clock::fixed(DateTime::parse_from_rfc3339("2026-01-01T12:00:00+01:00").unwrap());
        let o = opts(&clock, None);
        let t = "[2024-01-05 09:00] Morning. @Grief came back *\nBody line\n[not a date] still body\n\n[2024-01-06 21:30] Title only\n";
        let b = from_text(Path::new("j.txt"), t, &o).unwrap();
        assert_eq!(b.entries.len(), 2);
        let e = &b.entries[0];
        assert!(e.starred);
        assert_eq!(
            e.text,
            "Morning. @Grief came back\nBody line\n[not a date] still body"
        );
        assert_eq!(e.tags, ["grief"]);
        assert_eq!(e.at.to_rfc3339(), "2024-01-05T09:00:00+01:00");
        assert_eq!(b.entries[1].text, "Title only");
        assert!(!b.entries[1].by_id);
    }

    #[test]
    fn a_date_in_another_format_names_the_line() {
        let clock = Clock::fixed(DateTime::parse_from_rfc3339("2026-01-01T12:00:00Z").unwrap());
        let o = opts(&clock, None);
        let t = "[2024-01-05 09:00 PM] Evening\n";
        let e = from_text(Path::new("j.txt"), t, &o).unwrap_err();
        let u = e.downcast_ref::<crate::error::UserError>().unwrap();
        assert!(u.message.contains("line 1"), "{}", u.message);
        assert!(u.hint.as_deref().unwrap().contains(AM_PM));
        let o = opts(&clock, Some(AM_PM));
        let b = from_text(Path::new("j.txt"), t, &o).unwrap();
        assert_eq!(b.entries[0].at.to_rfc3339(), "2024-01-05T21:00:00+00:00");
    }
}

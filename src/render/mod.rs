//! Turning plain data into text: times, entries, JSON shapes, and the
//! documents `export` writes (markdown, html, json).

pub mod html;
pub mod markdown;
pub mod review;
pub mod themes;

use chrono::{DateTime, Datelike, Duration, FixedOffset, Timelike};
use serde_json::{json, Value};

use crate::domain::{Action, CheckResult, Entry, Session};
// Where most callers have long found it; it lives with the other
// column-fitting helpers.
pub use crate::text::first_line;

// `day` and `day_time` are written out by hand: chrono's `format` parses its
// pattern on every call, which was a twentieth of a long export.

/// "2026-11-22".
pub fn day(t: DateTime<FixedOffset>) -> String {
    format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
}

/// "2026-11-22 21:00".
pub fn day_time(t: DateTime<FixedOffset>) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// "Sun 22 Nov 2026, 21:00": for headings a person reads.
pub fn long_time(t: DateTime<FixedOffset>) -> String {
    t.format("%a %-d %b %Y, %H:%M").to_string()
}

pub fn long_day(t: DateTime<FixedOffset>) -> String {
    t.format("%a %-d %b %Y").to_string()
}

/// "3 hours ago", "in 2 days", "just now".
pub fn relative(now: DateTime<FixedOffset>, t: DateTime<FixedOffset>) -> String {
    let d = now.signed_duration_since(t);
    let (future, d) = if d < Duration::zero() {
        (true, -d)
    } else {
        (false, d)
    };
    let text = if d < Duration::minutes(1) {
        return "just now".into();
    } else if d < Duration::hours(1) {
        plural(d.num_minutes(), "minute")
    } else if d < Duration::hours(48) {
        plural(d.num_hours(), "hour")
    } else {
        plural(d.num_days(), "day")
    };
    if future {
        format!("in {text}")
    } else {
        format!("{text} ago")
    }
}

pub fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "1 entry", "3 entries".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Age in whole days, for actions ("today", "1 day", "12 days").
pub fn age_days(now: DateTime<FixedOffset>, t: DateTime<FixedOffset>) -> String {
    match now.signed_duration_since(t).num_days() {
        d if d <= 0 => "today".into(),
        d => plural(d, "day"),
    }
}

/// The columns a row's text may take beside `used` columns of frame: what
/// is left of the window (80 off a terminal), at most `most` (the width
/// rows were made for), and never under 8.
pub fn room(app: &crate::app::App, used: usize, most: usize) -> usize {
    app.line_columns()
        .saturating_sub(used)
        .clamp(8, most.max(8))
}

/// How long ago something was added, so it never reads as a due date:
/// "added today", "added yesterday", "added 3 days ago".
pub fn added_ago(now: DateTime<FixedOffset>, t: DateTime<FixedOffset>) -> String {
    match now.signed_duration_since(t).num_days() {
        d if d <= 0 => "added today".into(),
        1 => "added yesterday".into(),
        d => format!("added {d} days ago"),
    }
}

/// Mood values as a sparkline (0–10 scale, so lines are comparable across journals).
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|v| BARS[((v.clamp(0.0, 10.0) / 10.0) * 7.0).round() as usize])
        .collect()
}

/// One line per entry, as `list` and `search` print it: number, time,
/// phase, session, and a glimpse of the text. `glimpse` is given the
/// columns left for it, so the line fits the window (80 columns off a
/// terminal; see [`crate::app::App::line_columns`]).
pub fn entry_line(
    app: &crate::app::App,
    e: &Entry,
    glimpse: impl FnOnce(usize) -> String,
) -> String {
    let session = e
        .session
        .map(|n| format!("s{n}"))
        .unwrap_or_else(|| "–".into());
    let private = if e.private { " (private)" } else { "" };
    let time = day_time(e.at);
    let head = format!(
        "{:>5}  {time}  {:<10} {:>4}  ",
        e.number,
        e.phase.key(),
        session
    );
    let room = app
        .line_columns()
        .saturating_sub(crate::text::width(&head) + private.len());
    format!(
        "{:>5}  {}  {:<10} {:>4}  {}{private}",
        e.number,
        app.dim(&time),
        e.phase.key(),
        session,
        glimpse(room)
    )
}

/// Counts as a sparkline scaled to their largest; a zero is a dot, so a
/// theme that has gone quiet reads as gone.
pub fn count_sparkline(counts: &[usize]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    counts
        .iter()
        .map(|&c| {
            if c == 0 {
                '·'
            } else {
                BARS[((c as f64 / most) * 7.0).round() as usize]
            }
        })
        .collect()
}

/// "1–4" for sessions numbered without a gap, else "1, 3, 4".
pub fn session_span(numbers: &[i64]) -> String {
    match (numbers.first(), numbers.last()) {
        (Some(a), Some(b)) if numbers.len() > 1 && b - a + 1 == numbers.len() as i64 => {
            format!("{a}–{b}")
        }
        _ => numbers
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A theme's entries per session, for the export: "entries per session
/// 1–4: 2, 3, 1, 0".
pub fn per_session_text(per_session: &[crate::review::SessionCount]) -> String {
    let numbers: Vec<i64> = per_session.iter().map(|c| c.session).collect();
    let counts: Vec<String> = per_session.iter().map(|c| c.entries.to_string()).collect();
    format!(
        "entries per session {}: {}",
        session_span(&numbers),
        counts.join(", ")
    )
}

pub fn session_json(s: &Session) -> Value {
    json!({"id": s.id, "number": s.number, "at": s.at.to_rfc3339(), "note": s.note, "setting": s.setting, "dose": s.dose})
}

/// An entry as in the kapj journal JSON, plus its short `number`.
pub fn entry_json(e: &Entry) -> Value {
    json!({
        "id": e.id,
        "number": e.number,
        "phase": e.phase.key(),
        "session": e.session,
        "at": e.at.to_rfc3339(),
        "mood": e.mood,
        "tags": e.tags,
        "feelings": e.feelings,
        "private": e.private,
        "answers": e.answers.iter().map(|a| json!({"key": a.key, "prompt": a.prompt, "text": a.text})).collect::<Vec<_>>(),
    })
}

pub fn action_json(a: &Action) -> Value {
    json!({
        "id": a.id,
        "number": a.number,
        "entry": a.entry,
        "session": a.session,
        "text": a.text,
        "state": a.state.key(),
        "at": a.at.to_rfc3339(),
        "done_at": a.done_at.map(|t| t.to_rfc3339()),
    })
}

pub fn decision_json(d: &crate::domain::Decision) -> Value {
    json!({
        "id": d.id,
        "number": d.number,
        "entry": d.entry,
        "session": d.session,
        "sentence": d.sentence,
        "at": d.at.to_rfc3339(),
        "settled_at": d.settled_at.map(|t| t.to_rfc3339()),
    })
}

pub fn check_json(c: &CheckResult) -> Value {
    json!({
        "id": c.id,
        "number": c.number,
        "measure": c.measure,
        "at": c.at.to_rfc3339(),
        "answers": c.answers,
        "total": c.total,
        "difficulty": c.difficulty,
    })
}

/// What an export covers: the data every document format renders.
pub struct ExportDoc<'a> {
    pub generated_at: DateTime<FixedOffset>,
    /// Human-readable description of the filters ("all entries", "session 3", …).
    pub scope: String,
    pub from: Option<DateTime<FixedOffset>>,
    pub to: Option<DateTime<FixedOffset>>,
    pub phases: Vec<crate::domain::Phase>,
    pub private_included: bool,
    pub private_left_out: usize,
    pub review: &'a crate::review::Review,
    /// Sessions that have entries in the document, in date order.
    pub sessions: &'a [Session],
    /// Entries in date order.
    pub entries: &'a [Entry],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_read_as_chrono_writes_them() {
        for text in [
            "2026-11-22T21:05:09+01:00",
            "0999-01-02T03:04:05-11:30",
            "2026-03-29T02:30:00+14:00",
        ] {
            let t = DateTime::parse_from_rfc3339(text).unwrap();
            assert_eq!(day(t), t.format("%Y-%m-%d").to_string());
            assert_eq!(day_time(t), t.format("%Y-%m-%d %H:%M").to_string());
        }
    }

    #[test]
    fn count_sparklines_scale_to_the_largest_and_dot_zeros() {
        assert_eq!(count_sparkline(&[4, 2, 0, 1]), "█▅·▃");
        assert_eq!(count_sparkline(&[0, 0]), "··");
        assert_eq!(session_span(&[1, 2, 3]), "1–3");
        assert_eq!(session_span(&[2, 5]), "2, 5");
        assert_eq!(session_span(&[4]), "4");
    }

    #[test]
    fn sparkline_spans_the_scale() {
        assert_eq!(sparkline(&[0.0, 5.0, 10.0]), "▁▅█");
    }
}

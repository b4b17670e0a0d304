//! The due file: a tiny plain file beside the journal that says what is due
//! and when, so the prompt hook (`kapj init`) and `kapj notify` can nudge
//! without opening, let alone decrypting, the journal.
//!
//! It holds only Unix timestamps and phase names: never a word of an entry,
//! no counts, no session notes. Each line is one span of time with what is
//! due in it, precomputed from the sessions around now (see
//! `cmd::due::timeline`), so the hook stays right for days without kapj
//! running:
//!
//! ```text
//! kapj-due 1
//! # from until stage write opens closes (Unix seconds; - is open-ended or none)
//! 1795294800 1795381200 reflection reflection 1795294800 1795381200
//! 1795381200 1795554000 meaning meaning 1795381200 1795554000
//! 1795554000 - embodiment embodiment 1795554000 -
//! ```
//!
//! This module uses only the standard library: `kapj hook` runs it at every
//! prompt, before any of the rest of kapj starts.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The due file's name in the kapj home.
pub const FILE: &str = "due";
/// When the prompt hook last printed its line (Unix seconds).
pub const HOOK_STAMP: &str = "nudged";
/// Which due span `kapj notify` last showed a notification for.
pub const NOTIFY_STAMP: &str = "notified";

const HEADER: &str = "kapj-due 1";

/// How long after its session embodiment is still worth a nudge: the weeks
/// after are its time, but a line at every prompt for months would nag.
pub const EMBODIMENT_NUDGE_DAYS: i64 = 14;
/// How long before a planned session its intention is worth a nudge.
pub const INTENTION_NUDGE_HOURS: i64 = 48;

/// One span of time and what is due in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Start (inclusive); `None` is "since ever".
    pub from: Option<i64>,
    /// End (exclusive); `None` is "from then on".
    pub until: Option<i64>,
    /// The stage's key (`reflection`, `meaning`, `embodiment`, `intention`, `session`).
    pub stage: String,
    /// The phase to write, or `None` when it is written (or nothing is due).
    pub write: Option<String>,
    /// When the stage's part of the window opened (the session's time for
    /// reflection, 24 h after it for meaning, 72 h for embodiment).
    pub opens: Option<i64>,
    /// When it closes (72 h after the session for meaning; the planned
    /// session's time for an intention).
    pub closes: Option<i64>,
}

impl Row {
    fn contains(&self, t: i64) -> bool {
        self.from.is_none_or(|f| f <= t) && self.until.is_none_or(|u| t < u)
    }
}

fn num(v: Option<i64>) -> String {
    v.map_or_else(|| "-".to_string(), |n| n.to_string())
}

/// Only phase-like names go into the file: lower-case letters.
fn word(s: &str) -> &str {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()) {
        s
    } else {
        "-"
    }
}

/// The file's text.
pub fn render(rows: &[Row]) -> String {
    let mut s = String::from(HEADER);
    s.push('\n');
    s.push_str("# from until stage write opens closes (Unix seconds; - is open-ended or none)\n");
    for r in rows {
        let _ = writeln!(
            s,
            "{} {} {} {} {} {}",
            num(r.from),
            num(r.until),
            word(&r.stage),
            word(r.write.as_deref().unwrap_or("-")),
            num(r.opens),
            num(r.closes)
        );
    }
    s
}

/// Reads the file's text; anything it does not recognise (another version,
/// a damaged line) reads as nothing due.
pub fn parse(text: &str) -> Vec<Row> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Vec::new();
    }
    let opt = |s: &str| -> Option<Option<i64>> {
        if s == "-" {
            Some(None)
        } else {
            s.parse().ok().map(Some)
        }
    };
    let name = |s: &str| (s != "-").then(|| s.to_string());
    lines
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map_while(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            if f.len() != 6 {
                return None;
            }
            Some(Row {
                from: opt(f[0])?,
                until: opt(f[1])?,
                stage: f[2].to_string(),
                write: name(f[3]),
                opens: opt(f[4])?,
                closes: opt(f[5])?,
            })
        })
        .collect()
}

/// The span that holds `now`, when it asks for something to be written and
/// a nudge about it is timely; `None` when nothing is due.
pub fn due_at(rows: &[Row], now: i64) -> Option<&Row> {
    let row = rows.iter().find(|r| r.contains(now))?;
    let phase = row.write.as_deref()?;
    let timely = match phase {
        "reflection" | "meaning" => true,
        "embodiment" => row
            .opens
            .is_some_and(|o| now < o + (EMBODIMENT_NUDGE_DAYS * 24 - 72) * 3600),
        "intention" => row
            .closes
            .is_some_and(|c| c - now <= INTENTION_NUDGE_HOURS * 3600),
        _ => false,
    };
    timely.then_some(row)
}

/// "about 40 more hours", "about 1 more hour", "less than an hour more".
fn more_hours(secs: i64) -> String {
    match (secs as f64 / 3600.0).round() as i64 {
        n if n < 1 => "less than an hour more".to_string(),
        1 => "about 1 more hour".to_string(),
        n => format!("about {n} more hours"),
    }
}

/// "in about 20 hours", "within the hour".
fn in_hours(secs: i64) -> String {
    match (secs as f64 / 3600.0).round() as i64 {
        n if n < 1 => "within the hour".to_string(),
        1 => "in about 1 hour".to_string(),
        n => format!("in about {n} hours"),
    }
}

/// The hook's one quiet line for what is due at `now`, if anything.
pub fn nudge(rows: &[Row], now: i64) -> Option<String> {
    let row = due_at(rows, now)?;
    let line = match row.write.as_deref()? {
        "reflection" => {
            "kapj: when you have rested, a few words of reflection — kapj write reflection"
                .to_string()
        }
        "meaning" => format!(
            "kapj: meaning-making is open for {} — kapj write meaning",
            more_hours(row.closes.map_or(0, |c| c - now))
        ),
        "embodiment" => {
            "kapj: embodiment, carrying the session into daily life — kapj write embodiment"
                .to_string()
        }
        "intention" => format!(
            "kapj: the next session is {}; an intention could go with it — kapj write intention",
            in_hours(row.closes.map_or(0, |c| c - now))
        ),
        _ => return None,
    };
    Some(line)
}

/// Reads the due file of `home`; a missing or unreadable one is nothing due.
pub fn read(home: &Path) -> Vec<Row> {
    fs::read_to_string(home.join(FILE))
        .map(|t| parse(&t))
        .unwrap_or_default()
}

/// A stamp's first line as a word; `None` when there is none.
pub fn read_stamp(home: &Path, name: &str) -> Option<String> {
    let text = fs::read_to_string(home.join(name)).ok()?;
    Some(text.lines().next()?.trim().to_string())
}

/// Writes a stamp (mode 0600). It is not precious: a torn one reads as no
/// stamp, which costs one extra nudge at most, so no flush to disk.
pub fn write_stamp(home: &Path, name: &str, value: &str) -> std::io::Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(home.join(name))?;
    f.write_all(format!("{value}\n").as_bytes())
}

/// The prompt hook's work: the line to print at `now`, or `None`. At most
/// one line every `every` seconds: the stamp records the last one.
pub fn hook(home: &Path, now: i64, every: i64) -> Option<String> {
    let rows = read(home);
    let line = nudge(&rows, now)?;
    let last = read_stamp(home, HOOK_STAMP).and_then(|s| s.parse::<i64>().ok());
    if last.is_some_and(|t| (0..every).contains(&(now - t))) {
        return None;
    }
    // A hook that cannot record its line stays quiet rather than repeat
    // itself at every prompt.
    write_stamp(home, HOOK_STAMP, &now.to_string()).ok()?;
    Some(line)
}

/// A duration such as `4h`, `90m`, `1d`, `1h30m` or `45s`, in seconds.
pub fn parse_every(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let mut total: i64 = 0;
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            _ => return None,
        };
        let n: i64 = digits.parse().ok()?;
        total = total.checked_add(n.checked_mul(unit)?)?;
        digits.clear();
    }
    if !digits.is_empty() {
        return None;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;

    fn rows(t: i64) -> Vec<Row> {
        let r = |from, until, stage: &str, write: Option<&str>, opens, closes| Row {
            from,
            until,
            stage: stage.into(),
            write: write.map(Into::into),
            opens,
            closes,
        };
        vec![
            r(
                Some(t),
                Some(t + 24 * H),
                "reflection",
                Some("reflection"),
                Some(t),
                Some(t + 24 * H),
            ),
            r(
                Some(t + 24 * H),
                Some(t + 72 * H),
                "meaning",
                Some("meaning"),
                Some(t + 24 * H),
                Some(t + 72 * H),
            ),
            r(
                Some(t + 72 * H),
                None,
                "embodiment",
                Some("embodiment"),
                Some(t + 72 * H),
                None,
            ),
        ]
    }

    #[test]
    fn the_file_reads_back_what_was_written() {
        let r = rows(1_000_000);
        let text = render(&r);
        assert_eq!(parse(&text), r);
        assert!(text.starts_with("kapj-due 1\n"));
    }

    #[test]
    fn a_file_of_another_version_or_damaged_reads_as_nothing_due() {
        assert!(parse("kapj-due 2\n1 2 meaning meaning 1 2\n").is_empty());
        assert!(parse("").is_empty());
        let damaged = format!("{}x y\n", render(&rows(0)));
        assert_eq!(parse(&damaged).len(), 3);
    }

    #[test]
    fn the_line_follows_the_window() {
        let t = 1_000_000;
        let r = rows(t);
        assert!(nudge(&r, t + H).unwrap().contains("kapj write reflection"));
        assert_eq!(
            nudge(&r, t + 30 * H).unwrap(),
            "kapj: meaning-making is open for about 42 more hours — kapj write meaning"
        );
        assert!(nudge(&r, t + 8 * 24 * H)
            .unwrap()
            .contains("kapj write embodiment"));
        assert_eq!(nudge(&r, t + 30 * 24 * H), None);
        assert_eq!(nudge(&r, t - H), None);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_every("4h"), Some(4 * H));
        assert_eq!(parse_every("1h30m"), Some(90 * 60));
        assert_eq!(parse_every("1d"), Some(24 * H));
        assert_eq!(parse_every("4"), None);
        assert_eq!(parse_every("h"), None);
        assert_eq!(parse_every("4 hours"), None);
    }
}

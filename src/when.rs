//! Reading the `WHEN` values users type: RFC 3339, `YYYY-MM-DD`,
//! `YYYY-MM-DD HH:MM`, `now`, `today`/`yesterday`/`tomorrow` (optionally with
//! `HH:MM`), `N hours ago`, `N days ago`, `in N days` (and minutes/weeks).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use crate::clock::Clock;

/// A parsed `WHEN`. A date without a time of day is kept as a day, because
/// `--since` means its start, `--until` its end and `--at` that day at the
/// current time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Instant(DateTime<FixedOffset>),
    Day(NaiveDate),
}

impl When {
    /// For `--at`: a bare day takes the current time of day.
    pub fn at(self, clock: &Clock) -> DateTime<FixedOffset> {
        match self {
            When::Instant(t) => t,
            When::Day(d) => clock.local(d.and_time(clock.to_local(clock.now()).time())),
        }
    }

    /// For `--since`: a bare day starts at midnight.
    pub fn start(self, clock: &Clock) -> DateTime<FixedOffset> {
        match self {
            When::Instant(t) => t,
            When::Day(d) => clock.local(d.and_time(NaiveTime::MIN)),
        }
    }

    /// For `--until`: a bare day includes the whole day (exclusive end at the next midnight).
    pub fn end(self, clock: &Clock) -> DateTime<FixedOffset> {
        match self {
            When::Instant(t) => t,
            When::Day(d) => {
                let next = d.succ_opt().unwrap_or(d);
                clock.local(next.and_time(NaiveTime::MIN)) - Duration::nanoseconds(1)
            }
        }
    }
}

/// The sentence shown for anything this module cannot read.
pub fn help_text(input: &str) -> String {
    format!(
        "Could not read the date \"{}\". Try 2026-11-22, \"2026-11-22 14:00\", \"yesterday 20:00\", \"3 days ago\" or \"in 2 days\".",
        input.trim()
    )
}

pub fn parse(input: &str, clock: &Clock) -> Result<When, String> {
    parse_inner(input, clock).ok_or_else(|| help_text(input))
}

fn parse_inner(input: &str, clock: &Clock) -> Option<When> {
    let s = input.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(When::Instant(t));
    }
    let lower = s.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let now = clock.now();
    let today = clock.to_local(now).date_naive();

    match words.as_slice() {
        ["now"] => return Some(When::Instant(now)),
        [day] | [day, _] if relative_day(day, today).is_some() => {
            let date = relative_day(day, today)?;
            return match words.get(1) {
                None if *day == "now" => Some(When::Instant(now)),
                None => Some(When::Day(date)),
                Some(hm) => Some(When::Instant(clock.local(date.and_time(time_of_day(hm)?)))),
            };
        }
        [n, unit, "ago"] => {
            let d = duration(n, unit)?;
            return now.checked_sub_signed(d).map(When::Instant);
        }
        ["in", n, unit] => {
            let d = duration(n, unit)?;
            return now.checked_add_signed(d).map(When::Instant);
        }
        _ => {}
    }

    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return plausible_year(d).then_some(When::Day(d));
    }
    for fmt in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
            return plausible_year(n.date()).then(|| When::Instant(clock.local(n)));
        }
    }
    None
}

fn relative_day(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    match word {
        "today" => Some(today),
        "yesterday" => today.pred_opt(),
        "tomorrow" => today.succ_opt(),
        _ => None,
    }
}

fn time_of_day(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

fn duration(n: &str, unit: &str) -> Option<Duration> {
    let n: i64 = match n {
        "a" | "an" | "one" => 1,
        _ => n.parse().ok().filter(|n| (0..=100_000).contains(n))?,
    };
    let unit = unit.strip_suffix('s').unwrap_or(unit);
    match unit {
        "minute" | "min" => Some(Duration::minutes(n)),
        "hour" | "hr" | "h" => Some(Duration::hours(n)),
        "day" | "d" => Some(Duration::days(n)),
        "week" | "wk" | "w" => Some(Duration::weeks(n)),
        _ => None,
    }
}

/// Years far outside a lifetime are almost always typos; refusing them keeps
/// the arithmetic elsewhere away from chrono's edges.
fn plausible_year(d: NaiveDate) -> bool {
    use chrono::Datelike;
    (1900..=2200).contains(&d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock() -> Clock {
        Clock::fixed(DateTime::parse_from_rfc3339("2026-11-22T21:30:00+01:00").unwrap())
    }

    fn at(s: &str) -> String {
        parse(s, &clock()).unwrap().at(&clock()).to_rfc3339()
    }

    #[test]
    fn reads_every_documented_form() {
        assert_eq!(at("2026-11-01T10:00:00Z"), "2026-11-01T10:00:00+00:00");
        assert_eq!(at("2026-11-01"), "2026-11-01T21:30:00+01:00");
        assert_eq!(at("2026-11-01 09:15"), "2026-11-01T09:15:00+01:00");
        assert_eq!(at("now"), "2026-11-22T21:30:00+01:00");
        assert_eq!(at("today 08:00"), "2026-11-22T08:00:00+01:00");
        assert_eq!(at("Yesterday 20:00"), "2026-11-21T20:00:00+01:00");
        assert_eq!(at("tomorrow"), "2026-11-23T21:30:00+01:00");
        assert_eq!(at("3 hours ago"), "2026-11-22T18:30:00+01:00");
        assert_eq!(at("2 days ago"), "2026-11-20T21:30:00+01:00");
        assert_eq!(at("in 5 days"), "2026-11-27T21:30:00+01:00");
        assert_eq!(at("1 day ago"), "2026-11-21T21:30:00+01:00");
    }

    #[test]
    fn a_bare_day_spans_the_whole_day_for_filters() {
        let w = parse("2026-11-01", &clock()).unwrap();
        assert_eq!(w.start(&clock()).to_rfc3339(), "2026-11-01T00:00:00+01:00");
        assert!(w
            .end(&clock())
            .to_rfc3339()
            .starts_with("2026-11-01T23:59:59.999"));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for bad in [
            "",
            "soon",
            "2026-13-01",
            "32 days",
            "in days",
            "yesterday 25:00",
            "99999999 days ago",
            "0001-01-01",
        ] {
            assert!(parse(bad, &clock()).is_err(), "{bad}");
        }
        assert!(parse("later", &clock()).unwrap_err().contains("\"later\""));
    }
}

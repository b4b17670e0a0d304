//! Calendar reminders around a session (`kapj remind ics`): which check-ins,
//! when, and the iCalendar file (RFC 5545) that carries them.
//!
//! The reminders follow the same window as `cmd::due` (design.md's table):
//! the evening of the session for rest and a few words, 24 and 48 hours
//! after for meaning-making, a nudge to book or confirm the follow-up
//! conversation before 48–72 hours, a week after for embodiment, and the
//! evening before the next session for review and an intention.
//!
//! A calendar syncs to a cloud and shows on a lock screen, so nothing here
//! holds a word of the journal, and the titles name no medicine and no
//! therapy: "Journal check-in", "Reflection time". Each event's UID comes
//! from its session's id and its kind, so exporting again updates the
//! events already imported instead of adding copies.
//!
//! The file is written here, not with the `icalendar` crate: that crate
//! gives every component, alarms too, a DTSTAMP from the system clock and a
//! random UID when none is set (RFC 5545 allows neither in an alarm), so
//! two exports of the same reminders never matched and `KAPJ_NOW` was not
//! obeyed. What is written is small and fixed: a dozen properties, text
//! kapj itself wrote. The tests parse it back with two independent parsers
//! (the `ical` crate, and Python's `icalendar`).

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, TimeZone, Utc};

use crate::domain::Session;

/// How long each reminder takes in the calendar.
pub const MINUTES: i64 = 15;

/// What a reminder is for; its key ends the event's UID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The evening before a session: review, and an intention.
    Before,
    /// The evening of the session: rest, and a few words.
    Evening,
    /// 24 hours after: meaning-making.
    Day1,
    /// Before the 48–72 hours: book or confirm the follow-up conversation.
    Conversation,
    /// 48 hours after: meaning-making, while the window is still open.
    Day2,
    /// A week after: embodiment, and the small action.
    Week,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Before => "before",
            Kind::Evening => "evening",
            Kind::Day1 => "day1",
            Kind::Conversation => "conversation",
            Kind::Day2 => "day2",
            Kind::Week => "week",
        }
    }

    /// The event's title: what a lock screen shows.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Before | Kind::Day1 | Kind::Day2 => "Reflection time",
            Kind::Evening | Kind::Week => "Journal check-in",
            Kind::Conversation => "Follow-up conversation",
        }
    }

    /// The event's note: calm, general, and nothing from the journal.
    pub fn description(self) -> &'static str {
        match self {
            Kind::Before => {
                "Tomorrow is a day you planned. A few minutes to look back over the last weeks, \
                 and to set an intention, if you like."
            }
            Kind::Evening => {
                "Rest comes first. If you like, a few words about today while it is fresh."
            }
            Kind::Day1 | Kind::Day2 => {
                "A quiet quarter of an hour with your journal, while these days are open: \
                 threads, images, questions."
            }
            Kind::Conversation => {
                "Two to three days after is a good time for a follow-up conversation. \
                 A moment to book one, or to confirm it."
            }
            Kind::Week => {
                "A week on: what has changed in daily life, what your body asks for, \
                 and the small step you chose."
            }
        }
    }
}

/// One reminder: what it is for, when, and the session its UID comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub kind: Kind,
    pub at: DateTime<FixedOffset>,
    pub session_id: String,
    pub session_number: i64,
}

impl Reminder {
    /// Stable across exports: the session's id and the reminder's kind.
    pub fn uid(&self) -> String {
        format!("{}-{}@kapj", self.session_id, self.kind.key())
    }
}

/// `t`'s day (in its own offset) at `hour`:00.
fn at_hour(t: DateTime<FixedOffset>, hour: u32) -> DateTime<FixedOffset> {
    let time = NaiveTime::from_hms_opt(hour, 0, 0).expect("a valid hour");
    t.offset()
        .from_local_datetime(&t.date_naive().and_time(time))
        .single()
        .unwrap_or(t)
}

/// Every reminder for `session` (its times shown in `session.at`'s offset,
/// which the caller sets to local time), and the evening before `next`,
/// the session after it, if there is one. Oldest first; past ones included.
pub fn plan(session: &Session, next: Option<&Session>) -> Vec<Reminder> {
    let t = session.at;
    let mk = |kind, at, s: &Session| Reminder {
        kind,
        at,
        session_id: s.id.clone(),
        session_number: s.number,
    };
    // The evening: 19:00, or three hours after a session later in the day,
    // but not after 22:00, and never sooner than an hour after it began.
    let evening = (t + Duration::hours(3))
        .clamp(at_hour(t, 19), at_hour(t, 22))
        .max(t + Duration::hours(1));
    let mut out = vec![
        mk(Kind::Before, before(t), session),
        mk(Kind::Evening, evening, session),
        mk(Kind::Day1, t + Duration::hours(24), session),
        mk(Kind::Conversation, t + Duration::hours(30), session),
        mk(Kind::Day2, t + Duration::hours(48), session),
        mk(Kind::Week, t + Duration::days(7), session),
    ];
    if let Some(n) = next {
        out.push(mk(Kind::Before, before(n.at), n));
    }
    out.sort_by_key(|r| r.at);
    out
}

/// The evening before a session at `t`: 19:00 the day before.
fn before(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    at_hour(t - Duration::days(1), 19)
}

/// The calendar file: one timed event per reminder (in UTC, so no time
/// zone table is needed), each with a display alarm at its start.
/// `stamp` is the DTSTAMP (the time of the export). The same reminders and
/// stamp always give the same bytes.
pub fn to_ics(reminders: &[Reminder], stamp: DateTime<FixedOffset>) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| {
        out.push_str(&fold(&format!("{name}:{value}")));
        out.push_str("\r\n");
    };
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", "-//kapj//reminders//EN");
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    for r in reminders {
        line("BEGIN", "VEVENT");
        line("UID", &text(&r.uid()));
        line("DTSTAMP", &utc(stamp));
        line("DTSTART", &utc(r.at));
        line("DTEND", &utc(r.at + Duration::minutes(MINUTES)));
        line("SUMMARY", &text(r.kind.title()));
        line("DESCRIPTION", &text(r.kind.description()));
        // Others who can see the calendar see only "busy"; it blocks no time.
        line("CLASS", "PRIVATE");
        line("TRANSP", "TRANSPARENT");
        line("SEQUENCE", "0");
        line("BEGIN", "VALARM");
        line("ACTION", "DISPLAY");
        line("DESCRIPTION", &text(r.kind.title()));
        line("TRIGGER", "PT0S");
        line("END", "VALARM");
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    out
}

/// A date-time in UTC, RFC 5545's form 2 ("19980119T070000Z").
fn utc(t: DateTime<FixedOffset>) -> String {
    t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma
/// escaped, a line break written as `\n`, other control characters dropped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded (RFC 5545, 3.1): no line longer than 75 octets,
/// each continuation starting with a space, and never inside a UTF-8
/// character. Without its CRLF. A fold is never put next to a space of the
/// text itself (it moves back to before the word), since some parsers trim
/// the spaces around a fold when they unfold it.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let ws = char::is_whitespace;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    // Where the current folded line starts in `out`, and its octets.
    let mut start = 0;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LIMIT {
            let part = &out[start..];
            // The latest place to fold with no space on either side of it.
            let mut at = part.len();
            let mut next = c;
            for (i, ch) in part.char_indices().rev() {
                if !ws(ch) && !ws(next) {
                    break;
                }
                at = i;
                next = ch;
            }
            // Only spaces back to the start, or too many to carry: fold
            // where we are after all.
            if at <= 1 || 1 + part.len() - at + c.len_utf8() > LIMIT {
                at = part.len();
            }
            let carry = out.split_off(start + at);
            out.push_str("\r\n ");
            start = out.len() - 1;
            used = 1 + carry.len();
            out.push_str(&carry);
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(n: i64, at: &str) -> Session {
        Session {
            id: format!("id-{n}"),
            number: n,
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            note: String::new(),
            setting: String::new(),
            dose: String::new(),
            row: n,
        }
    }

    #[test]
    fn the_evening_follows_the_session() {
        let evening = |at: &str| {
            plan(&session(1, at), None)
                .into_iter()
                .find(|r| r.kind == Kind::Evening)
                .unwrap()
                .at
                .to_rfc3339()
        };
        assert_eq!(
            evening("2026-11-20T10:00:00+01:00"),
            "2026-11-20T19:00:00+01:00"
        );
        assert_eq!(
            evening("2026-11-20T17:30:00+01:00"),
            "2026-11-20T20:30:00+01:00"
        );
        assert_eq!(
            evening("2026-11-20T20:00:00+01:00"),
            "2026-11-20T22:00:00+01:00"
        );
        assert_eq!(
            evening("2026-11-20T21:30:00+01:00"),
            "2026-11-20T22:30:00+01:00"
        );
    }

    #[test]
    fn uids_are_stable_and_the_next_session_owns_its_eve() {
        let s1 = session(1, "2026-11-20T10:00:00+01:00");
        let s2 = session(2, "2026-12-18T10:00:00+01:00");
        let a = plan(&s1, Some(&s2));
        let b = plan(&s2, None);
        let eve_a = a.iter().rfind(|r| r.kind == Kind::Before).unwrap();
        let eve_b = b.iter().find(|r| r.kind == Kind::Before).unwrap();
        assert_eq!(eve_a.uid(), "id-2-before@kapj");
        assert_eq!(eve_a, eve_b);
        assert_eq!(eve_a.at.to_rfc3339(), "2026-12-17T19:00:00+01:00");
    }

    #[test]
    fn text_is_escaped_as_rfc_5545_says() {
        assert_eq!(text("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(text("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
        assert_eq!(text("bell\u{7}\ttab"), "bell\ttab");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let long = format!("DESCRIPTION:{}", "é🌊a".repeat(40));
        let folded = fold(&long);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        assert!(folded.split("\r\n").skip(1).all(|l| l.starts_with(' ')));
        assert_eq!(folded.replace("\r\n ", ""), long);
        assert_eq!(fold("SHORT:x"), "SHORT:x");
        for odd in [
            format!("X:a{}b", " ".repeat(200)),
            format!("X:{}", " ".repeat(200)),
            format!("X:{}", "word ".repeat(60)),
        ] {
            let folded = fold(&odd);
            assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded:?}");
            assert_eq!(folded.replace("\r\n ", ""), odd);
        }
    }

    proptest::proptest! {
        // Whatever the text, an independent parser reads back the same
        // value (after unescaping) from what was written.
        #[test]
        fn any_text_survives_a_parser(value in "\\PC{0,300}") {
            // `ical` trims the end of a value, and colons from its start;
            // kapj's own text does neither.
            let value = value.trim_end().trim_start_matches(':');
            let ics = format!(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:u\r\n{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                fold(&format!("DESCRIPTION:{}", text(value)))
            );
            for l in ics.split("\r\n") {
                proptest::prop_assert!(l.len() <= 75);
            }
            let cal = ical::IcalParser::new(ics.as_bytes()).next().unwrap().unwrap();
            let got = cal.events[0].properties.iter().find(|p| p.name == "DESCRIPTION").unwrap().value.clone().unwrap_or_default();
            let want: String = value.chars().filter(|c| !c.is_control() || *c == '\t').collect();
            proptest::prop_assert_eq!(unescape(&got), want);
        }
    }

    /// RFC 5545's unescaping, for the test above (`ical` leaves values escaped).
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}

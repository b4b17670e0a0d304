//! Status that notices (issue 17): a kind word for someone who comes back
//! after the window closed, and "On this day".

use crate::common::Home;

/// Friday 10:00, an hour east of UTC.
const SESSION: &str = "2026-11-20T10:00:00+01:00";

fn after(hours: i64) -> String {
    let t = chrono::DateTime::parse_from_rfc3339(SESSION).unwrap() + chrono::Duration::hours(hours);
    t.to_rfc3339()
}

fn home_with_session() -> Home {
    let mut h = Home::new();
    h.now = after(0);
    h.ok(&["session", "add", "--at", SESSION]);
    h
}

/// Writes a free entry at `at` from standard input.
fn write_at(h: &Home, at: &str, text: &str, extra: &[&str]) {
    let mut args = vec!["write", "free", "--at", at];
    args.extend_from_slice(extra);
    h.cmd().args(&args).write_stdin(text).assert().success();
}

/// Words that blame, count or instruct have no place in a welcome.
fn assert_kind(out: &str) {
    let lower = out.to_lowercase();
    for bad in [
        "missed",
        "streak",
        "should",
        "failed",
        "behind",
        "overdue",
        "only ",
        "days in a row",
    ] {
        assert!(!lower.contains(bad), "{bad:?} in:\n{out}");
    }
}

#[test]
fn status_wording_through_the_weeks_after_a_session() {
    let mut h = home_with_session();

    h.now = after(1);
    let out = h.ok(&["status"]);
    assert!(out.contains("Session 1 was 1 hour ago"), "{out}");
    assert!(out.contains("Now: immediate reflection."), "{out}");
    assert!(!out.contains("Welcome back"), "{out}");
    assert_eq!(h.json(&["status"])["welcome_back"], false);

    h.now = after(30);
    let out = h.ok(&["status"]);
    assert!(out.contains("Now: meaning-making."), "{out}");
    assert!(out.contains("it closes in about 42 hours."), "{out}");
    assert!(!out.contains("Welcome back"), "{out}");

    h.now = after(60);
    let out = h.ok(&["status"]);
    assert!(out.contains("it closes in about 12 hours."), "{out}");
    assert!(!out.contains("Welcome back"), "{out}");

    h.now = after(8 * 24);
    let out = h.ok(&["status"]);
    assert_eq!(
        out,
        "Session 1 was 8 days ago (Fri 20 Nov 2026, 10:00).\n\
         Welcome back. The first days after it have gone by; that happens, and nothing is lost.\n\
         Now: embodiment, carrying the session into daily life. A few lines are enough: what has changed, and what has stayed.\n  \
         kapj write embodiment\n"
    );
    assert_kind(&out);
    let j = h.json(&["status"]);
    assert_eq!(j["welcome_back"], true);
    assert_eq!(j["due"], "embodiment", "the window's rule is unchanged");
    assert_eq!(j["write_next"], "embodiment");
    assert_eq!(h.ok(&[]), out, "`kapj` alone says the same");

    h.now = after(30 * 24);
    let out = h.ok(&["status"]);
    assert!(out.contains("Session 1 was 30 days ago"), "{out}");
    assert!(
        out.contains("Welcome back. It has been a while; that is all right, and nothing is lost."),
        "{out}"
    );
    assert!(out.contains("  kapj write embodiment\n"), "{out}");
    assert_kind(&out);
}

#[test]
fn no_welcome_back_for_someone_who_wrote_in_the_window_or_since() {
    // Meaning-making written at 50 h: nothing was missed.
    let mut h = home_with_session();
    h.now = after(50);
    h.ok(&["write", "meaning", "--answer", "returning=the lake"]);
    h.now = after(8 * 24);
    let out = h.ok(&["status"]);
    assert!(!out.contains("Welcome back"), "{out}");
    assert!(out.contains("Session 1 so far:"), "{out}");

    // Only a reflection in the first hours, then nothing: welcome back.
    let mut h = home_with_session();
    h.now = after(2);
    h.ok(&["write", "reflection", "--answer", "body=warm"]);
    h.now = after(8 * 24);
    assert!(h.ok(&["status"]).contains("Welcome back"));
    // Once anything is written again (a private note counts), they are back.
    write_at(&h, &after(7 * 24), "a note", &["--private"]);
    let out = h.ok(&["status"]);
    assert!(!out.contains("Welcome back"), "{out}");
    assert_eq!(h.json(&["status"])["welcome_back"], false);
}

#[test]
fn on_this_day_shows_an_entry_from_a_year_ago_once_a_day() {
    let mut h = home_with_session();
    // The clock: 28 Nov 2026. Entries on the same day a year, three months
    // and a month before, and one on a day that is none of those.
    write_at(
        &h,
        "2025-11-28 08:30",
        "The lake was calm.\nMore words.",
        &[],
    );
    write_at(&h, "2025-11-28 21:00", "Later that day.", &[]);
    write_at(&h, "2026-08-28 09:00", "Three months back.", &[]);
    write_at(&h, "2026-10-27 09:00", "Not quite a month.", &[]);
    h.now = after(8 * 24);
    let out = h.ok(&["status"]);
    assert!(
        out.ends_with("\nA year ago today (Fri 28 Nov 2025, entry 1):\n  “The lake was calm.”\n"),
        "{out}"
    );
    // Once a day: not again today, however often status runs.
    let again = h.ok(&["status"]);
    assert!(!again.contains("ago today"), "{again}");
    assert!(!h.ok(&[]).contains("ago today"));
    // The JSON carries it whenever there is one, and uses nothing up.
    let j = h.json(&["status"]);
    assert_eq!(j["on_this_day"]["entry"], 1);
    assert_eq!(j["on_this_day"]["ago"], "a year");
    assert_eq!(j["on_this_day"]["first_line"], "The lake was calm.");
    assert_eq!(j["on_this_day"]["at"], "2025-11-28T08:30:00+01:00");

    // The next day (29 Nov): a month before is 29 Oct, with nothing; none.
    h.now = after(9 * 24);
    assert!(!h.ok(&["status"]).contains("ago today"));
    // 27 Nov's a-month-ago entry, on a clock set to 27 Nov, a day earlier
    // than the first check: a new day, so it shows.
    h.now = after(7 * 24);
    let out = h.ok(&["status"]);
    assert!(
        out.ends_with("A month ago today (Tue 27 Oct 2026, entry 4):\n  “Not quite a month.”\n"),
        "{out}"
    );
}

#[test]
fn on_this_day_three_months_ago_and_never_a_private_entry() {
    let mut h = home_with_session();
    write_at(&h, "2025-11-28 08:30", "Private year.", &["--private"]);
    write_at(&h, "2026-08-28 09:00", "Three months back.", &[]);
    h.now = after(8 * 24);
    let out = h.ok(&["status"]);
    assert!(!out.contains("Private year"), "{out}");
    assert!(
        out.contains("Three months ago today (Fri 28 Aug 2026, entry 2):\n  “Three months back.”"),
        "{out}"
    );

    let h2 = {
        let mut h = home_with_session();
        write_at(&h, "2025-11-28 08:30", "Only private.", &["--private"]);
        h.now = after(8 * 24);
        h
    };
    assert!(!h2.ok(&["status"]).contains("ago today"));
    assert_eq!(h2.json(&["status"])["on_this_day"], serde_json::Value::Null);
}

#[test]
fn on_this_day_switches_off_and_on() {
    let mut h = home_with_session();
    write_at(&h, "2025-11-28 08:30", "The lake was calm.", &[]);
    h.ok(&["settings", "status.on_this_day", "off"]);
    h.now = after(8 * 24);
    let out = h.ok(&["status"]);
    assert!(!out.contains("ago today"), "{out}");
    assert_eq!(h.json(&["status"])["on_this_day"], serde_json::Value::Null);
    // Switched off, it used nothing up: on again, it shows today.
    h.ok(&["settings", "status.on_this_day", "on"]);
    assert!(h.ok(&["status"]).contains("A year ago today"));
}

#[test]
fn on_this_day_waits_through_the_first_hours_after_a_session() {
    let mut h = Home::new();
    h.now = "2026-11-28T09:00:00+01:00".into();
    write_at(&h, "2025-11-28 08:30", "The lake was calm.", &[]);
    h.ok(&["session", "add", "--at", "2026-11-28 08:00"]);
    let out = h.ok(&["status"]);
    assert!(!out.contains("ago today"), "rest comes first:\n{out}");
    // The session a day later is over its first day: shown.
    h.now = "2026-11-29T09:00:00+01:00".into();
    write_at(&h, "2026-10-29 08:30", "A month back.", &[]);
    assert!(h.ok(&["status"]).contains("A month ago today"));
}

#[test]
fn a_long_first_line_is_cut_to_the_columns_it_takes() {
    let mut h = home_with_session();
    // Wide characters: 60 of them take 120 columns.
    let wide = "湖".repeat(60);
    write_at(&h, "2025-11-28 08:30", &format!("{wide}\nsecond line"), &[]);
    h.now = after(8 * 24);
    let out = h.ok(&["status"]);
    let quoted = out.lines().last().unwrap();
    assert!(
        quoted.starts_with("  “湖") && quoted.ends_with("…”"),
        "{quoted}"
    );
    let columns = unicode_width::UnicodeWidthStr::width(quoted);
    assert!(columns <= 80, "{columns} columns: {quoted}");
    assert!(!out.contains("second line"));
}

#[test]
fn kapj_s_first_welcome_is_not_followed_by_a_welcome_back() {
    // A session recorded days after it happened, then kapj at a terminal
    // for the first time: one welcome, not two.
    let mut h = home_with_session();
    h.now = after(9 * 24);
    let mut s = crate::common::pty::spawn(&h, &[], &[]);
    crate::common::pty::wait_for(&mut s, "Welcome to kapj");
    let (out, code) = crate::common::pty::finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("Welcome back"), "{out}");
    assert!(out.contains("kapj write embodiment"), "{out}");
    // The next time, it is a return.
    assert!(h.ok(&["status"]).contains("Welcome back"));
}

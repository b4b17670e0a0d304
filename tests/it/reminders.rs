//! `kapj remind ics`: calendar reminders around a session, read back with two
//! independent parsers (the `ical` crate, and Python's `icalendar` where it
//! is installed; CI installs it and requires it).

use std::path::Path;

use crate::common::{pty, Home};

/// The session every test here starts from: Friday 10:00, an hour east of UTC.
const SESSION: &str = "2026-11-20T10:00:00+01:00";

fn after(hours: i64) -> String {
    let t = chrono::DateTime::parse_from_rfc3339(SESSION).unwrap() + chrono::Duration::hours(hours);
    t.to_rfc3339()
}

/// A home with session 1 at SESSION, the clock set `hours` after it.
fn home_at(hours: i64) -> Home {
    let mut h = Home::new();
    h.now = after(0);
    h.ok(&["session", "add", "--at", SESSION]);
    h.now = after(hours);
    h
}

/// One event as the `ical` crate reads it.
#[derive(Debug, Clone, PartialEq)]
struct Ev {
    uid: String,
    start: String,
    end: String,
    stamp: String,
    summary: String,
    alarm: String,
}

fn prop(props: &[ical::property::Property], name: &str) -> String {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
        .unwrap_or_else(|| panic!("no {name}"))
}

/// Parses with `ical`, after checking the RFC's line rules by hand.
fn parse(ics: &str) -> Vec<Ev> {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    for line in ics.split_terminator("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let mut cals = ical::IcalParser::new(ics.as_bytes());
    let cal = cals.next().expect("one calendar").expect("parses");
    assert!(cals.next().is_none(), "only one calendar");
    assert_eq!(prop(&cal.properties, "VERSION"), "2.0");
    assert!(!prop(&cal.properties, "PRODID").is_empty());
    cal.events
        .iter()
        .map(|e| {
            assert_eq!(e.alarms.len(), 1, "one alarm (Outlook keeps one)");
            let a = &e.alarms[0].properties;
            assert_eq!(prop(a, "ACTION"), "DISPLAY");
            assert_eq!(prop(a, "DESCRIPTION"), prop(&e.properties, "SUMMARY"));
            Ev {
                uid: prop(&e.properties, "UID"),
                start: prop(&e.properties, "DTSTART"),
                end: prop(&e.properties, "DTEND"),
                stamp: prop(&e.properties, "DTSTAMP"),
                summary: prop(&e.properties, "SUMMARY"),
                alarm: prop(a, "TRIGGER"),
            }
        })
        .collect()
}

fn export(h: &Home, extra: &[&str]) -> (String, Vec<Ev>) {
    let file = h.dir.path().join("r.ics");
    let _ = std::fs::remove_file(&file);
    let mut args = vec!["remind", "ics", "-o", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = h.ok(&args);
    assert!(out.contains("r.ics (readable by you alone)"), "{out}");
    let ics = std::fs::read_to_string(&file).expect("written");
    let evs = parse(&ics);
    (ics, evs)
}

fn starts(evs: &[Ev]) -> Vec<(String, String)> {
    evs.iter()
        .map(|e| (e.start.clone(), e.summary.clone()))
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn an_hour_after_a_session_every_reminder_is_ahead() {
    let h = home_at(1);
    let (_, evs) = export(&h, &[]);
    assert_eq!(
        starts(&evs),
        pairs(&[
            ("20261120T180000Z", "Journal check-in"), // 19:00 that evening
            ("20261121T090000Z", "Reflection time"),  // +24 h
            ("20261121T150000Z", "Follow-up conversation"), // +30 h: book it for 48–72 h
            ("20261122T090000Z", "Reflection time"),  // +48 h
            ("20261127T090000Z", "Journal check-in"), // +7 days
        ])
    );
    for e in &evs {
        assert_eq!(e.stamp, "20261120T100000Z", "DTSTAMP is the export's time");
        assert_eq!(e.alarm, "PT0S");
        assert_eq!(e.end.len(), 16);
        assert!(e.end > e.start);
        assert!(e.uid.ends_with("@kapj"), "{}", e.uid);
    }
    let uids: std::collections::HashSet<_> = evs.iter().map(|e| &e.uid).collect();
    assert_eq!(uids.len(), evs.len(), "each UID once");
}

#[test]
fn past_reminders_are_left_out_as_time_goes_on() {
    let h = home_at(30);
    let (_, evs) = export(&h, &[]);
    assert_eq!(
        starts(&evs),
        pairs(&[
            ("20261122T090000Z", "Reflection time"),
            ("20261127T090000Z", "Journal check-in"),
        ])
    );
    let h = home_at(60);
    let (_, evs) = export(&h, &[]);
    assert_eq!(
        starts(&evs),
        pairs(&[("20261127T090000Z", "Journal check-in")])
    );
}

#[test]
fn when_every_reminder_is_past_no_file_is_written() {
    for hours in [8 * 24, 30 * 24] {
        let h = home_at(hours);
        let file = h.dir.path().join("r.ics");
        let out = h.ok(&["remind", "ics", "-o", file.to_str().unwrap()]);
        assert_eq!(
            out,
            "The reminders for session 1 are all in the past; no file was written.\n"
        );
        assert!(!file.exists());
    }
}

#[test]
fn the_evening_before_the_next_session_is_there_and_keeps_one_uid() {
    // Eight days on, with session 2 planned: its evening before, and its own days.
    let mut h = home_at(8 * 24);
    h.ok(&["session", "add", "--at", "2026-12-18 10:00"]);
    let (_, evs) = export(&h, &["--session", "1"]);
    assert_eq!(
        starts(&evs),
        pairs(&[("20261217T180000Z", "Reflection time")])
    );
    let eve = evs[0].uid.clone();
    let (_, all) = export(&h, &[]);
    assert_eq!(all.len(), 6, "{all:?}");
    assert_eq!(all[0].uid, eve, "the same event from either session");
    assert_eq!(all[1].start, "20261218T180000Z");
    assert_eq!(all.iter().filter(|e| e.uid == eve).count(), 1);

    // Thirty days on, session 2 is past too: nothing left for session 1.
    h.now = after(30 * 24);
    let file = h.dir.path().join("r.ics");
    let out = h.ok(&[
        "remind",
        "ics",
        "--session",
        "1",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(out.contains("all in the past"), "{out}");
}

#[test]
fn exporting_again_keeps_every_uid() {
    let mut h = home_at(1);
    let (first, evs1) = export(&h, &[]);
    let (again, _) = export(&h, &[]);
    assert_eq!(first, again, "same clock, same bytes");
    h.now = after(30);
    let (_, evs2) = export(&h, &[]);
    for e in &evs2 {
        let old = evs1.iter().find(|o| o.uid == e.uid).expect("UID kept");
        assert_eq!((&old.start, &old.summary), (&e.start, &e.summary));
        assert_eq!(
            e.stamp, "20261121T150000Z",
            "a new DTSTAMP tells the update"
        );
    }
    // An earlier session recorded later renumbers this one to 2; its
    // reminders keep their UIDs (they come from the session's id).
    h.ok(&["session", "add", "--at", "2026-11-01 10:00"]);
    let (_, evs3) = export(&h, &["--session", "2"]);
    let uids = |v: &[Ev]| v.iter().map(|e| e.uid.clone()).collect::<Vec<_>>();
    assert_eq!(uids(&evs3), uids(&evs2));
}

#[test]
fn nothing_of_the_journal_goes_into_the_calendar() {
    let mut h = Home::new();
    h.now = after(0);
    h.ok(&[
        "session",
        "add",
        "--at",
        SESSION,
        "--note",
        "zebrafinch note",
        "--setting",
        "zebrafinch clinic",
        "--dose",
        "zebrafinch dose",
    ]);
    h.now = after(2);
    h.cmd()
        .args(["write", "reflection", "--private"])
        .write_stdin("The zebrafinch sang; ketamine, medicine; my therapist\n")
        .assert()
        .success();
    let (ics, _) = export(&h, &[]);
    let lower = ics.to_lowercase();
    for word in [
        "zebrafinch",
        "ketamine",
        "medicine",
        "therap",
        "session",
        "psychedel",
        "dose",
    ] {
        assert!(!lower.contains(word), "{word} in the calendar:\n{ics}");
    }
    assert!(ics.contains("CLASS:PRIVATE\r\n"));
}

#[test]
fn the_default_file_is_in_the_current_folder_and_dash_is_standard_output() {
    let h = home_at(1);
    let out = h
        .cmd()
        .current_dir(h.dir.path())
        .args(["remind", "ics"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let file = h.dir.path().join("journal-reminders.ics");
    let canonical = file
        .parent()
        .unwrap()
        .canonicalize()
        .unwrap()
        .join("journal-reminders.ics");
    assert!(
        stdout.starts_with(&format!(
            "Wrote 5 reminders for session 1 to {} (readable by you alone).\n",
            canonical.display()
        )) || stdout.starts_with(&format!(
            "Wrote 5 reminders for session 1 to {} (readable by you alone).\n",
            file.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("open the file with your calendar app"),
        "{stdout}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let piped = h.ok(&["remind", "ics", "-o", "-"]);
    assert_eq!(piped, std::fs::read_to_string(&file).unwrap());
}

#[test]
fn bad_input_says_one_thing_and_changes_nothing() {
    let h = home_at(1);
    let before = h.snapshot();
    let err = h.fails(&["remind", "ics", "--session", "4"]);
    assert!(err.starts_with("There is no session 4."), "{err}");
    let err = h.fails(&["remind", "ics", "--session", "zero"]);
    assert!(err.contains("\"zero\" is not a session number"), "{err}");
    let bad = h.dir.path().join("no-such-folder").join("r.ics");
    let err = h.fails(&["remind", "ics", "-o", bad.to_str().unwrap()]);
    assert!(
        err.starts_with(&format!("Could not write {}", bad.display())),
        "{err}"
    );
    assert!(!bad.parent().unwrap().exists());
    assert_eq!(h.snapshot(), before);
    let listed: Vec<_> = std::fs::read_dir(h.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        listed,
        vec![std::ffi::OsString::from("home")],
        "no file left"
    );

    let empty = Home::new();
    empty.ok(&["session", "list"]);
    let before = empty.snapshot();
    let err = empty.fails(&["remind", "ics"]);
    assert!(err.starts_with("There are no sessions yet"), "{err}");
    assert_eq!(empty.snapshot(), before);
}

#[test]
fn session_add_offers_reminders_at_a_terminal_only() {
    let mut h = Home::new();
    h.now = after(-48);
    h.ok(&["session", "list"]); // the journal exists: no first-run question
    let mut s = pty::spawn(&h, &["session", "add", "--at", SESSION], &[]);
    pty::wait_for(&mut s, "Recorded session 1");
    let (out, code) = pty::finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "To add gentle reminders to your calendar (no journal text in them): kapj remind ics"
        ),
        "{out}"
    );
    assert!(!h.dir.path().join("journal-reminders.ics").exists());
    let piped = h.ok(&["session", "add", "--at", "2026-12-18 10:00"]);
    assert!(!piped.contains("remind"), "{piped}");
    // A session long past has nothing ahead to offer.
    h.now = after(60 * 24);
    let mut s = pty::spawn(&h, &["session", "add", "--at", SESSION], &[]);
    pty::wait_for(&mut s, "Recorded session");
    let (out, _) = pty::finish(s);
    assert!(!out.contains("remind ics"), "{out}");
}

/// Python's `icalendar` (Debian's python3-icalendar), a second parser
/// written apart from both kapj and the `ical` crate: it unescapes the text
/// and reads the times and alarms.
#[test]
fn python_icalendar_reads_the_file() {
    let python = Path::new("/usr/bin/python3");
    let has = python.exists()
        && std::process::Command::new(python)
            .args(["-c", "import icalendar"])
            .output()
            .is_ok_and(|o| o.status.success());
    if !has {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs python3-icalendar (.ci/run installs it)"
        );
        eprintln!("note: skipping the Python icalendar check: apt-get install python3-icalendar");
        return;
    }
    let h = home_at(1);
    h.ok(&["session", "add", "--at", "2026-12-18 10:00"]);
    let file = h.dir.path().join("r.ics");
    h.ok(&[
        "remind",
        "ics",
        "--session",
        "1",
        "-o",
        file.to_str().unwrap(),
    ]);
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert cal['VERSION'] == '2.0'
for e in cal.walk('VEVENT'):
    alarms = e.walk('VALARM')
    assert len(alarms) == 1 and alarms[0]['ACTION'] == 'DISPLAY', alarms
    trig = alarms[0].decoded('TRIGGER')
    print('|'.join([e.decoded('DTSTART').isoformat(), str(e['SUMMARY']), str(e['DESCRIPTION']),
                    str(e['UID']), e.decoded('DTSTAMP').isoformat(), str(trig.total_seconds())]))
"#;
    let out = std::process::Command::new(python)
        .args(["-c", script, file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('|').collect()).collect();
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r[0], r[1])).collect();
    assert_eq!(
        got,
        vec![
            ("2026-11-20T18:00:00+00:00", "Journal check-in"),
            ("2026-11-21T09:00:00+00:00", "Reflection time"),
            ("2026-11-21T15:00:00+00:00", "Follow-up conversation"),
            ("2026-11-22T09:00:00+00:00", "Reflection time"),
            ("2026-11-27T09:00:00+00:00", "Journal check-in"),
            ("2026-12-17T18:00:00+00:00", "Reflection time"),
        ]
    );
    // The text comes back unescaped: commas are commas again.
    assert_eq!(
        rows[0][2],
        "Rest comes first. If you like, a few words about today while it is fresh."
    );
    for r in &rows {
        assert_eq!(r[4], "2026-11-20T10:00:00+00:00");
        assert_eq!(r[5], "0.0");
    }
    let uids: Vec<&str> = rows.iter().map(|r| r[3]).collect();
    let again = h.dir.path().join("again.ics");
    h.ok(&[
        "remind",
        "ics",
        "--session",
        "1",
        "-o",
        again.to_str().unwrap(),
    ]);
    let out = std::process::Command::new(python)
        .args(["-c", script, again.to_str().unwrap()])
        .output()
        .unwrap();
    let again: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('|').nth(3).unwrap().to_string())
        .collect();
    assert_eq!(again, uids);
}

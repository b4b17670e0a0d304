//! Issue 16, rows that fit the window and a pager for tall output: `kapj
//! list` and `session show` rows fit the terminal in columns, `kapj show`
//! wraps words at its edge, and output taller than the window goes through
//! `$KAPJ_PAGER`/`$PAGER` (default `less -FRX`) only at a terminal, never
//! with `--no-pager`, and never in the way when the pager cannot start.

use std::path::PathBuf;

use serde_json::json;

use crate::common::screen::Screen;
use crate::common::Home;

/// Text with accents, wide characters and emoji, long enough to be cut.
const MIXED: &[&str] = &[
    "Café au lait, e\u{301}te\u{301} and the naïve résumé of a long morning by the sea, slowly.",
    "海の音を聞きながら、父のことを考えていました。波の音がずっと続いていて、心が静かでした。",
    // No ZWJ sequences: terminals disagree on their width (vt100 draws a
    // family as three faces), so the screen could not be the judge.
    "🌊🌊 the waves 🌻 my family 🇯🇵 a flag, 🧘 breathing, and then more words after them.",
    "Ａｌｌ ｗｉｄｅ ｌｅｔｔｅｒｓ ｈｅｒｅ 한글 텍스트도 있습니다 and some plain English at the end.",
];

const SETTING: &str =
    "clinic, eyeshades and music: a playlist of Arvo Pärt, 海の音, and rain 🌧️ on the roof";

/// Whether `part` is in `text` and ends between two of its grapheme clusters.
fn ends_between_clusters(text: &str, part: &str) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    let part = part.strip_prefix("setting: ").unwrap_or(part);
    text.match_indices(part).any(|(i, _)| {
        let end = i + part.len();
        text.grapheme_indices(true).any(|(j, _)| j == end) || end == text.len()
    })
}

/// A journal of `n` entries in session 1, built by importing a backup
/// (quicker than writing them one by one).
fn journal(n: usize) -> Home {
    let h = Home::new();
    let entries: Vec<_> = (0..n)
        .map(|i| {
            json!({
                "id": format!("00000000-0000-4000-8000-{i:012}"),
                "phase": "free",
                "session": 1,
                "at": format!("2026-11-{:02}T{:02}:00:00+01:00", 1 + i % 20, 8 + i % 12),
                "answers": [{"key": "text", "prompt": "", "text": MIXED[i % MIXED.len()]}],
            })
        })
        .collect();
    // Actions of entries and of their own, with the same mixed text.
    let actions: Vec<_> = (0..n.min(4))
        .map(|i| {
            let entry = if i % 2 == 0 {
                json!(format!("00000000-0000-4000-8000-{i:012}"))
            } else {
                json!(null)
            };
            json!({"entry": entry, "session": 1, "text": MIXED[i % MIXED.len()],
                   "at": "2026-11-20T10:00:00+01:00"})
        })
        .collect();
    let doc = json!({
        "format": "kapj-journal", "version": 1,
        "sessions": [{"id": "10000000-0000-4000-8000-000000000001", "number": 1,
            "at": "2026-11-01T10:00:00+01:00",
            "setting": SETTING,
            "dose": "IM, first of six", "note": "a long day, and a gentle one"}],
        "entries": entries,
        "actions": actions,
    });
    let f = h.file("backup.json", &doc.to_string());
    h.ok(&["import", f.to_str().unwrap()]);
    h
}

/// A fake pager: a script that writes what it is given to a file.
fn fake_pager(h: &Home) -> (PathBuf, PathBuf) {
    let paged = h.dir.path().join("paged.txt");
    let script = h.file(
        "pager.sh",
        &format!("#!/bin/sh\ncat > '{}'\n", paged.display()),
    );
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    (script, paged)
}

#[test]
fn no_pager_off_a_terminal_and_the_flag_is_accepted() {
    let h = journal(40);
    let (script, paged) = fake_pager(&h);
    for args in [
        &["list"][..],
        &["--no-pager", "list"],
        &["list", "--no-pager"],
    ] {
        let out = h
            .cmd()
            .env("PAGER", &script)
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.lines().count(), 40, "{args:?}:\n{text}");
        assert!(!paged.exists(), "{args:?}: the pager ran with no terminal");
    }
}

#[test]
fn tall_output_at_a_terminal_goes_through_the_pager() {
    let h = journal(40);
    let (script, paged) = fake_pager(&h);
    let mut s = Screen::spawn(
        &h,
        &["list"],
        &[("PAGER", script.to_str().unwrap())],
        80,
        24,
    );
    assert_eq!(s.finish(), 0);
    let text = std::fs::read_to_string(&paged).expect("the pager was given the list");
    assert_eq!(text.lines().count(), 40, "{text}");
    assert!(
        !s.history().iter().any(|l| l.contains("2026-11-")),
        "the list went to the terminal as well:\n{}",
        s.history().join("\n")
    );
}

#[test]
fn kapj_pager_comes_before_pager() {
    let h = journal(40);
    let (script, paged) = fake_pager(&h);
    let mut s = Screen::spawn(
        &h,
        &["list"],
        &[
            ("KAPJ_PAGER", script.to_str().unwrap()),
            ("PAGER", "/nonexistent/pager"),
        ],
        80,
        24,
    );
    assert_eq!(s.finish(), 0);
    assert!(paged.exists());
}

#[test]
fn short_output_empty_pager_and_no_pager_print_directly() {
    let h = journal(5);
    let (script, paged) = fake_pager(&h);
    let mut s = Screen::spawn(
        &h,
        &["list"],
        &[("PAGER", script.to_str().unwrap())],
        80,
        24,
    );
    assert_eq!(s.finish(), 0);
    assert!(!paged.exists(), "five rows fit the window");
    assert_eq!(
        s.history()
            .iter()
            .filter(|l| l.contains("2026-11-"))
            .count(),
        5
    );

    let h = journal(40);
    let (script, paged) = fake_pager(&h);
    for (args, env) in [
        (&["--no-pager", "list"][..], script.to_str().unwrap()),
        (&["list"][..], ""),
    ] {
        let mut s = Screen::spawn(&h, args, &[("PAGER", env)], 80, 24);
        assert_eq!(s.finish(), 0);
        assert!(!paged.exists(), "{args:?} PAGER={env:?}");
        assert_eq!(
            s.history()
                .iter()
                .filter(|l| l.contains("2026-11-"))
                .count(),
            40,
            "{args:?} PAGER={env:?}"
        );
    }
}

#[test]
fn a_pager_that_cannot_start_leaves_the_output_on_the_terminal() {
    let h = journal(40);
    let mut s = Screen::spawn(&h, &["list"], &[("PAGER", "/nonexistent/pager -R")], 80, 24);
    assert_eq!(s.finish(), 0);
    assert_eq!(
        s.history()
            .iter()
            .filter(|l| l.contains("2026-11-"))
            .count(),
        40
    );
}

#[test]
fn quitting_the_pager_early_ends_calmly() {
    // Far more than a pipe holds, so kapj is still writing when the pager goes.
    let h = journal(600);
    let seen = h.dir.path().join("seen.txt");
    let script = h.file(
        "pager.sh",
        &format!("#!/bin/sh\nhead -n 3 > '{}'\n", seen.display()),
    );
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let mut s = Screen::spawn(
        &h,
        &["export"],
        &[("PAGER", script.to_str().unwrap())],
        80,
        24,
    );
    assert_eq!(s.finish(), 0);
    assert_eq!(std::fs::read_to_string(&seen).unwrap().lines().count(), 3);
    let screen = s.history().join("\n");
    assert!(!screen.contains("could not"), "{screen}");
    assert!(!screen.contains("Broken pipe"), "{screen}");
}

/// Every row of the screen, and whether the terminal had to wrap it.
fn rows(s: &mut Screen) -> Vec<String> {
    s.history()
}

fn columns(line: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    line.graphemes(true).map(UnicodeWidthStr::width).sum()
}

#[test]
fn list_and_session_rows_fit_a_narrow_window_cut_between_graphemes() {
    let h = journal(8);
    for args in [
        &["list"][..],
        &["session", "show", "1"],
        &["session", "list"],
        &["actions"],
        &["search", "the"],
    ] {
        let mut s = Screen::spawn(&h, args, &[], 60, 40);
        assert_eq!(s.finish(), 0);
        let lines = rows(&mut s);
        let screen = s.vt.screen().clone();
        for row in 0..40 {
            assert!(
                !screen.row_wrapped(row),
                "{args:?}: row {row} is wider than 60 columns:\n{}",
                lines.join("\n")
            );
        }
        let (want, row) = match (args[0], args.get(1).copied()) {
            ("session", Some("list")) => (1, " 2026-11-"),
            ("actions", _) => (4, "  2 days  "),
            ("search", _) => (6, " 2026-11-"),
            _ => (8, " 2026-11-"),
        };
        let listed: Vec<&String> = lines.iter().filter(|l| l.contains(row)).collect();
        assert_eq!(listed.len(), want, "{args:?}:\n{}", lines.join("\n"));
        for l in &listed {
            assert!(columns(l) <= 60, "{args:?}: {l}");
            // Cut rows end in an ellipsis, never inside a cluster: what is
            // left of the text ends where one of its clusters ends.
            if let Some(cut) = l.trim_end().strip_suffix('…') {
                let tail = cut
                    .rsplit("  ")
                    .next()
                    .unwrap()
                    .trim()
                    .trim_start_matches('…');
                let sources: Vec<String> = MIXED
                    .iter()
                    .map(|m| (*m).to_string())
                    .chain(std::iter::once(SETTING.to_string()))
                    .collect();
                assert!(
                    sources.iter().any(|m| ends_between_clusters(m, tail))
                        || l.contains("dose:")
                        || l.contains("note:"),
                    "{args:?}: {l:?} is not cut between clusters"
                );
            }
        }
    }
}

#[test]
fn show_wraps_words_at_the_window_edge() {
    let h = journal(4);
    for n in ["1", "3", "4"] {
        let mut s = Screen::spawn(&h, &["show", n], &[], 40, 40);
        assert_eq!(s.finish(), 0);
        let lines = rows(&mut s);
        let text = h.json(&["show", n])["answers"][0]["text"]
            .as_str()
            .unwrap()
            .to_string();
        let words: Vec<&str> = text.split_whitespace().collect();
        let body: Vec<&String> = lines
            .iter()
            .skip_while(|l| !l.trim().is_empty())
            .filter(|l| !l.trim().is_empty())
            .collect();
        let shown: Vec<&str> = body.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(
            shown,
            words,
            "entry {n}: a word was broken at the edge:\n{}",
            lines.join("\n")
        );
        for l in &body {
            assert!(columns(l) <= 40, "{l}");
        }
    }
}

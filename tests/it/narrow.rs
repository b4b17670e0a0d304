//! The quality pass over issues 16, 17 and 19: what a narrow terminal shows
//! of status, review and decisions, and what completions offer.

use crate::common::screen::Screen;
use crate::common::Home;

/// A journal with a session two days ago, an entry that weighs a decision
/// with a long sentence, an action of its own, and the demo's review.
fn journal() -> Home {
    let mut h = Home::new();
    h.now = "2026-11-20T10:00:00+01:00".into();
    h.ok(&["session", "add", "--at", "2026-11-18 10:00"]);
    h.ok(&[
        "write",
        "meaning",
        "--answer",
        "returning=I'm going to quit my job at the harbour office and move to Lisbon with my sister before the spring comes, whatever it costs.",
        "--answer",
        "questions=Why does letting go feel like betrayal when I think of my father and the boat he built?",
    ]);
    h.ok(&[
        "actions",
        "add",
        "Call my father on Thursday and ask about the boat he built when I was seven",
    ]);
    h
}

fn columns(line: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    line.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Every row of `kapj ARGS` on a `cols`-column terminal fits it: the
/// terminal never had to wrap one.
fn fits(h: &Home, args: &[&str], cols: u16, want: &[&str]) {
    let mut s = Screen::spawn(h, args, &[], cols, 60);
    assert_eq!(s.finish(), 0, "{args:?}");
    let lines = s.history();
    let screen = s.vt.screen().clone();
    for row in 0..60 {
        assert!(
            !screen.row_wrapped(row),
            "{args:?}: row {row} is wider than {cols} columns:\n{}",
            lines.join("\n")
        );
    }
    for l in &lines {
        assert!(columns(l) <= usize::from(cols), "{args:?}: {l}");
    }
    let all = lines.join("\n");
    for w in want {
        assert!(all.contains(w), "{args:?} at {cols}: {w:?} missing:\n{all}");
    }
}

#[test]
fn decisions_review_and_status_rows_fit_a_narrow_window() {
    let h = journal();
    // kapj's first terminal run says its welcome; let that be.
    let mut first = Screen::spawn(&h, &["status"], &[], 100, 60);
    first.finish();
    for cols in [60, 100] {
        fits(&h, &["decisions"], cols, &["“I'm going to quit my job"]);
        fits(
            &h,
            &["--no-pager", "review"],
            cols,
            &[
                "Decisions you are weighing",
                "Questions to bring",
                "Open actions",
                "Call my father",
            ],
        );
        fits(
            &h,
            &["--no-pager", "status"],
            cols,
            &["Call my father", "(added"],
        );
    }
    // Where there is room, the row says where the sentence was written.
    fits(&h, &["decisions"], 100, &["(entry 1, session 1)"]);
    fits(&h, &["decisions", "done", "1"], 60, &["Marked settled"]);
    fits(&h, &["decisions", "done", "1"], 60, &["already settled"]);
    let ics = h.dir.path().join("r.ics");
    fits(
        &h,
        &["remind", "ics", "-o", ics.to_str().unwrap()],
        60,
        &[
            "Wrote 1 reminder for",
            "To add it, open",
            "updates it instead",
        ],
    );
    let demo = h.dir.path().join("demo");
    h.ok(&["demo", "--home", demo.to_str().unwrap()]);
    for cols in [60, 100] {
        fits(
            &h,
            &["--home", demo.to_str().unwrap(), "--no-pager", "review"],
            cols,
            &[
                "Recurring themes",
                "\n  my chest ",
                " body          6 entries · 3 sessions · ",
                "Mood across sessions",
            ],
        );
    }
}

#[test]
fn the_lines_after_saving_wrap_at_words_in_a_narrow_window() {
    let mut h = Home::new();
    h.now = "2026-11-19T16:00:00+01:00".into();
    h.ok(&["status"]);
    // At a terminal, session add also offers calendar reminders.
    fits(
        &h,
        &["session", "add", "--at", "2026-11-18 10:00"],
        60,
        &["Recorded session 1", "kapj remind ics"],
    );
    fits(
        &h,
        &[
            "write",
            "meaning",
            "--answer",
            "returning=The boat, and the green paint.",
        ],
        60,
        &["Saved entry 1", "the window stays open"],
    );
    fits(
        &h,
        &[
            "write",
            "embodiment",
            "--answer",
            "action=Walk by the sea on Sunday",
        ],
        60,
        &["Your action is noted"],
    );
}

#[test]
fn no_shell_s_completions_offer_the_hidden_hook() {
    let h = Home::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = h.ok(&["completions", shell]);
        // Help texts speak of "the hook"; nothing else may name it.
        let rest = script.replace("prompt hook", "").replace("the hook", "");
        assert!(
            !rest.contains("hook"),
            "{shell} offers the hidden hook subcommand"
        );
        assert!(script.contains("init"), "{shell}: init missing");
        assert!(script.contains("decisions"), "{shell}: decisions missing");
    }
}

//! Issue 13, defects 12 and 13: `kapj edit` never loses an edit, and an
//! edited action answer is the action `kapj actions` shows.

use crate::common::pty::*;
use crate::common::script::{run_with, script};
use crate::common::{self, assert_plain_error, texts, Home};

fn journal() -> Home {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-15 10:00"]);
    h.ok(&[
        "write",
        "reflection",
        "--mood",
        "4",
        "--answer",
        "body=tight throat",
        "--answer",
        "now=tired",
    ]);
    h
}

fn edit_with(h: &Home, editor_body: &str) -> std::process::Output {
    let ed = script(h, "ed.sh", editor_body);
    run_with(h, &["edit", "1"], &[("VISUAL", ed.to_str().unwrap())], "")
}

#[test]
fn text_added_at_the_end_of_the_form_goes_to_the_last_question() {
    let h = journal();
    let out = edit_with(&h, "printf '\\nand then I slept a long time\\n' >> \"$1\"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e = h.json(&["show", "1"]);
    assert_eq!(e["mood"], 4, "the mood is as it was");
    let t = texts(&e);
    assert!(
        t.last()
            .unwrap()
            .1
            .ends_with("and then I slept a long time"),
        "{t:?}"
    );
}

#[test]
fn an_unreadable_mood_keeps_the_edit_as_a_draft_that_edit_continues() {
    let h = journal();
    let before = h.json(&["show", "1"]);
    let out = edit_with(
        &h,
        "sed -i -e 's/tight throat/open throat/' -e 's/^4$/about seven/' \"$1\"",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_plain_error(&err);
    assert!(
        err.contains("Mood is a whole number from 0 to 10, not \"about seven\""),
        "{err}"
    );
    assert!(err.contains("Entry 1 is unchanged"), "{err}");
    assert!(err.contains("`kapj edit 1` continues it"), "{err}");
    assert_eq!(h.json(&["show", "1"]), before, "the entry is unchanged");
    let drafts = h.ok(&["drafts"]);
    assert!(drafts.contains("edit of entry 1"), "{drafts}");
    assert!(
        h.ok(&[]).contains("kapj edit 1"),
        "status says how to continue"
    );
    // `kapj write --resume` does not turn an edit into a new entry.
    let err = h.fails(&["write", "--resume", "--editor"]);
    assert!(err.contains("no unfinished entry"), "{err}");
    assert!(err.contains("`kapj edit 1` continues"), "{err}");

    // `kapj edit 1` opens the kept text, with the change made before.
    let out = edit_with(
        &h,
        "grep -q 'open throat' \"$1\" && sed -i 's/about seven/7/' \"$1\"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e = h.json(&["show", "1"]);
    assert_eq!(e["mood"], 7);
    assert_eq!(texts(&e)[0].1, "open throat");
    assert!(h.ok(&["drafts"]).contains("No unfinished entries."));
}

#[test]
fn a_failed_editor_keeps_the_edit_as_a_draft_not_a_plain_file_beside_it() {
    let h = journal();
    let out = edit_with(&h, "sed -i 's/tight throat/soft throat/' \"$1\"; exit 1");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_plain_error(&err);
    assert!(err.contains("`kapj edit 1` continues it"), "{err}");
    let out = edit_with(&h, "grep -q 'soft throat' \"$1\"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(texts(&h.json(&["show", "1"]))[0].1, "soft throat");
}

/// At a terminal, an unreadable form is reopened in the editor with a note
/// at the top, as `git commit` does.
#[test]
fn at_a_terminal_an_unreadable_mood_reopens_the_editor_with_a_note() {
    let h = journal();
    let ed = script(
        &h,
        "ed.sh",
        "if grep -q 'Mood is a whole number' \"$1\"; then sed -i 's/about seven/7/' \"$1\"; \
         else sed -i -e 's/tight throat/open throat/' -e 's/^4$/about seven/' \"$1\"; fi",
    );
    let mut s = spawn(&h, &["edit", "1"], &[("VISUAL", ed.to_str().unwrap())]);
    wait_for(
        &mut s,
        "Mood is a whole number from 0 to 10, not \"about seven\"",
    );
    answer(&mut s, "Open the editor again to fix it?", "y");
    let (out, code) = finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Updated entry 1."), "{out}");
    let e = h.json(&["show", "1"]);
    assert_eq!(e["mood"], 7);
    assert_eq!(texts(&e)[0].1, "open throat");
}

#[test]
fn editing_the_action_answer_updates_the_action() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "10 days ago"]);
    h.ok(&["write", "embodiment", "--answer", "action=walk at dawn"]);
    let before = h.json(&["actions"]);
    assert_eq!(before[0]["text"], "walk at dawn");
    let out = edit_with(&h, "sed -i 's/walk at dawn/swim on Sundays/' \"$1\"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = h.json(&["actions"]);
    assert_eq!(after.as_array().unwrap().len(), 1, "{after}");
    assert_eq!(after[0]["text"], "swim on Sundays");
    assert_eq!(after[0]["id"], before[0]["id"], "the same action, renamed");
    assert_eq!(after[0]["state"], "open");
}

#[test]
fn an_edit_that_adds_words_of_self_harm_shows_the_safety_note() {
    let h = journal();
    let out = edit_with(
        &h,
        "sed -i 's/tired/tired, and I want to kill myself/' \"$1\"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("No one monitors this journal"), "{stdout}");
}

/// `write --editor` with a mood that is not a number keeps the whole form,
/// mood text included, and `write --resume --editor` reopens it as left.
#[test]
fn write_in_the_editor_keeps_an_unreadable_form_whole() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-15 10:00"]);
    let ed = script(
        &h,
        "ed.sh",
        "sed -i -e 's/<!-- kapj:mood -->/&\\nabout seven\\nor eight/' -e 's/<!-- kapj:returning -->/&\\nthe lake/' \"$1\"",
    );
    let out = run_with(
        &h,
        &["write", "meaning", "--editor"],
        &[("VISUAL", ed.to_str().unwrap())],
        "",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_plain_error(&err);
    assert!(err.contains("not \"about seven or eight\""), "{err}");
    assert!(err.contains("kept as a draft"), "{err}");
    let fix = script(
        &h,
        "fix.sh",
        "grep -q 'or eight' \"$1\" && sed -i -e 's/^about seven$/7/' -e '/^or eight$/d' \"$1\"",
    );
    let out = run_with(
        &h,
        &["write", "--resume", "--editor"],
        &[("VISUAL", fix.to_str().unwrap())],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e = h.json(&["show", "1"]);
    assert_eq!(e["mood"], 7);
    assert_eq!(texts(&e), common::pairs(&[("returning", "the lake")]));
}

//! Issue 13, defects 5 and 6: pickers and prompts on a real screen. kapj
//! runs on a pty; everything it writes goes through a terminal emulator, and
//! the tests assert on the screen (and its scrollback) a person would see.

mod common;
#[path = "common/screen.rs"]
mod screen;

use common::Home;
use screen::Screen;

/// A reflection draft with every question answered and the mood asked, so
/// `write --resume` goes straight to the feelings picker.
fn at_the_feelings_picker(h: &Home) {
    h.ok(&["session", "add", "--at", "today 10:00"]);
    std::fs::create_dir_all(h.path().join("drafts")).unwrap();
    std::fs::write(
        h.path().join("drafts/2026-11-22T20-00-00-01-00-feel0001.json"),
        r#"{"phase":"reflection","session":1,"at":"2026-11-22T20:00:00+01:00","mood":6,
            "tags":[],"feelings":[],"private":false,
            "answers":[{"key":"body","prompt":"What do you notice in your body?","text":"warm hands"},
                {"key":"images","prompt":"","text":""},{"key":"messages","prompt":"","text":""},
                {"key":"surprise","prompt":"","text":""},{"key":"now","prompt":"","text":""}],
            "asked_mood":true,"asked_feelings":false,
            "saved_at":"2026-11-22T20:00:00+01:00"}"#,
    )
    .unwrap();
}

fn feelings_pick(cols: u16) {
    let h = Home::new();
    at_the_feelings_picker(&h);
    let mut s = Screen::spawn(&h, &["write", "--resume"], &[], cols, 24);
    s.wait_for("Any feelings you want to name?");
    s.wait_raw();
    // Typing searches: "sad" never ticks every feeling.
    s.type_slowly("sad");
    let screen = s.text();
    assert!(screen.contains("sad (sadness)"), "{screen}");
    assert!(screen.contains("Chosen: none yet"), "{screen}");
    s.keys("\r");
    assert!(s.text().contains("Chosen: sad"), "{}", s.text());
    // A word of one's own.
    s.type_slowly("wobbly");
    assert!(s.text().contains("as your own word"), "{}", s.text());
    s.keys("\r");
    // Arrow down and Space choose from the list; Enter finishes.
    s.keys("\x1b[B");
    s.keys(" ");
    s.keys("\r");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 0, "{history:#?}");
    let titles = history
        .iter()
        .filter(|l| l.contains("Any feelings you want to name?"))
        .count();
    assert!(titles <= 1, "the heading is drawn once: {history:#?}");
    assert!(
        history
            .iter()
            .any(|l| l.starts_with("Feelings: sad, wobbly, happy")),
        "{history:#?}"
    );
    for l in &history {
        assert!(
            !l.contains("[x]") && !l.contains("[ ]"),
            "no stale picker rows are left: {history:#?}"
        );
    }
    let e = h.json(&["show", "1"]);
    assert_eq!(e["feelings"], serde_json::json!(["happy", "sad", "wobbly"]));
}

#[test]
fn feelings_picker_searches_adds_own_words_and_redraws_in_place_at_80_columns() {
    feelings_pick(80);
}

#[test]
fn feelings_picker_fits_50_columns() {
    feelings_pick(50);
}

//! Issue 13, defects 5 and 6: pickers and prompts on a real screen. kapj
//! runs on a pty; everything it writes goes through a terminal emulator, and
//! the tests assert on the screen (and its scrollback) a person would see.

use std::io::Write;

use crate::common::screen::Screen;
use crate::common::{script, Home};

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

// ------------------------------------------------ defect 5: dialoguer prompts

/// How many lines of everything written hold `text`.
fn lines_with(history: &[String], text: &str) -> usize {
    history.iter().filter(|l| l.contains(text)).count()
}

/// The first words of an item, as they begin its line on the screen.
fn item_start(n: usize, item: &str) -> String {
    let words: Vec<&str> = item.split(' ').take(2).collect();
    format!("{n}. {}", words.join(" "))
}

fn phq9_on(cols: u16) {
    let h = Home::new();
    h.ok(&["status"]);
    let items = kapj::care::measures::Measure::Phq9.items();
    let mut s = Screen::spawn(&h, &["check", "phq9"], &[], cols, 24);
    for (i, _) in items.iter().enumerate() {
        s.wait_for(&format!("{}. ", i + 1));
        s.wait_raw();
        s.keys("\x1b[B");
        s.keys("\r");
    }
    s.wait_for("how difficult");
    s.wait_raw();
    s.keys("\r");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 0, "{history:#?}");
    for (i, item) in items.iter().enumerate() {
        assert_eq!(
            lines_with(&history, &item_start(i + 1, item)),
            1,
            "{cols} columns: item {} shown once: {history:#?}",
            i + 1
        );
    }
    assert_eq!(h.json(&["check", "list"])[0]["total"], 9);
    // The notice and the question's stem are wrapped at spaces.
    let joined = history
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        joined.contains("Janet B.W. Williams")
            && joined
                .contains("how often have you been bothered by any of the following problems?"),
        "{cols}: {history:#?}"
    );
}

#[test]
fn phq9_items_leave_no_stale_rows_at_80_columns() {
    phq9_on(80);
}

#[test]
fn phq9_items_leave_no_stale_rows_at_50_columns() {
    phq9_on(50);
}

fn first_run_on(cols: u16) {
    let h = Home::new();
    let mut s = Screen::spawn(&h, &[], &[], cols, 24);
    s.wait_for("Protect it with a passphrase?");
    s.wait_raw();
    s.type_slowly("y");
    s.keys("\r");
    s.wait_for("Passphrase for your journal");
    s.wait_raw();
    s.type_slowly("lighthouse keeper 42");
    s.keys("\r");
    s.wait_for("Once more");
    s.wait_raw();
    s.type_slowly("lighthouse keeper 42");
    s.keys("\r");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 0, "{history:#?}");
    // dialoguer takes the "Once more" line away once both match.
    assert!(lines_with(&history, "Once more") <= 1, "{history:#?}");
    for text in [
        "Protect it with a passphrase?",
        "kapj encrypt",
        "Passphrase for your journal",
    ] {
        assert_eq!(
            lines_with(&history, text),
            1,
            "{cols} columns: {text:?} once: {history:#?}"
        );
    }
    assert!(
        !std::fs::read(h.db())
            .unwrap()
            .starts_with(b"SQLite format 3"),
        "the journal is encrypted"
    );
}

#[test]
fn the_first_run_passphrase_offer_is_drawn_once_at_80_columns() {
    first_run_on(80);
}

#[test]
fn the_first_run_passphrase_offer_is_drawn_once_at_50_columns() {
    first_run_on(50);
}

/// The confirmations of delete and drafts discard, at 50 columns.
#[test]
fn confirmations_fit_50_columns() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=keep me"]);
    let mut s = Screen::spawn(&h, &["delete", "1"], &[], 50, 24);
    s.wait_for("cannot be undone");
    s.wait_raw();
    s.type_slowly("n");
    s.keys("\r");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 0, "{history:#?}");
    assert_eq!(lines_with(&history, "cannot be undone"), 1, "{history:#?}");
    assert_eq!(
        lines_with(&history, "Nothing was deleted."),
        1,
        "{history:#?}"
    );

    let bad = script::script(
        &h,
        "bad.sh",
        "sed -i 's/<!-- kapj:text -->/&\\nkept words/' \"$1\"; exit 1",
    );
    let out = h
        .cmd()
        .env("VISUAL", &bad)
        .args(["write", "free", "--editor"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let mut s = Screen::spawn(&h, &["drafts", "discard", "1"], &[], 50, 24);
    s.wait_for("cannot be brought back");
    s.wait_raw();
    s.type_slowly("y");
    s.keys("\r");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 0, "{history:#?}");
    assert_eq!(
        lines_with(&history, "cannot be brought back"),
        1,
        "{history:#?}"
    );
    assert_eq!(lines_with(&history, "Discarded draft 1"), 1, "{history:#?}");
}

/// Ctrl-C in the feelings picker stops, keeps the draft, and leaves no picker rows.
#[test]
fn ctrl_c_in_the_feelings_picker_keeps_the_draft() {
    let h = Home::new();
    at_the_feelings_picker(&h);
    let mut s = Screen::spawn(&h, &["write", "--resume"], &[], 80, 24);
    s.wait_for("Any feelings you want to name?");
    s.wait_raw();
    s.type_slowly("calm");
    s.keys("\x03");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 130, "{history:#?}");
    assert!(
        history.iter().any(|l| l.contains("kept as a draft")),
        "{history:#?}"
    );
    assert!(!history.iter().any(|l| l.contains("[ ]")), "{history:#?}");
    assert_eq!(h.json(&["drafts"]).as_array().unwrap().len(), 1);
    assert_eq!(h.json(&["list"]), serde_json::json!([]));
}

/// The longest delete confirmation (an immediate reflection) at 80 and 50 columns.
#[test]
fn the_delete_confirmation_is_drawn_once_at_80_and_50_columns() {
    for cols in [80, 50] {
        let h = Home::new();
        h.ok(&["write", "reflection", "--answer", "body=keep me"]);
        let mut s = Screen::spawn(&h, &["delete", "1"], &[], cols, 24);
        s.wait_for("undone");
        s.wait_raw();
        s.type_slowly("no");
        s.keys("\x7f\x7f");
        s.type_slowly("n");
        s.keys("\r");
        let code = s.finish();
        let history = s.history();
        assert_eq!(code, 0, "{history:#?}");
        assert_eq!(
            lines_with(&history, "Delete entry 1"),
            1,
            "{cols}: {history:#?}"
        );
        assert_eq!(
            lines_with(&history, "Nothing was deleted."),
            1,
            "{history:#?}"
        );
        assert_eq!(h.json(&["list"]).as_array().unwrap().len(), 1);
    }
}

/// On a terminal that cannot move the cursor, the feelings are one plain line.
#[test]
fn on_a_dumb_terminal_feelings_are_one_plain_line() {
    let h = Home::new();
    at_the_feelings_picker(&h);
    let mut s = Screen::spawn(&h, &["write", "--resume"], &[("TERM", "dumb")], 80, 24);
    s.wait_for("separated by commas");
    s.keys("Sad, gratitude,  wobbly inside\r");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 0, "{history:#?}");
    assert!(!history.iter().any(|l| l.contains("[ ]")), "{history:#?}");
    let e = h.json(&["show", "1"]);
    assert_eq!(
        e["feelings"],
        serde_json::json!(["grateful", "sad", "wobbly inside"])
    );
}

/// Keys typed quickly, as a person does who knows what they want to name
/// (or holds Backspace down): every one reaches the picker. Between two
/// keys the terminal must not fall back to line mode, where Backspace is
/// eaten by the terminal and letters are echoed over the picker.
#[test]
fn fast_keys_in_the_feelings_picker_are_never_lost() {
    let h = Home::new();
    at_the_feelings_picker(&h);
    let mut s = Screen::spawn(&h, &["write", "--resume"], &[], 80, 24);
    s.wait_for("Any feelings you want to name?");
    s.wait_raw();
    let quick = |s: &mut Screen, keys: &str| {
        for ch in keys.chars() {
            let mut b = [0u8; 4];
            s.session
                .write_all(ch.encode_utf8(&mut b).as_bytes())
                .expect("type");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        s.settle();
    };
    quick(&mut s, "kind of lost");
    quick(&mut s, &"\x7f".repeat(12));
    quick(&mut s, "calm");
    let screen = s.text();
    assert!(screen.contains("Find: calm\n"), "{screen}");
    s.keys("\r");
    s.keys("\r");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 0, "{history:#?}");
    let e = h.json(&["show", "1"]);
    assert_eq!(e["feelings"], serde_json::json!(["calm"]), "{history:#?}");
}

/// The mood question of a reflection is wider than 50 columns. At 50
/// columns, typing a word that is not a number and then the number leaves
/// the question shown once, and no half-erased copy of it.
#[test]
fn the_mood_question_is_drawn_once_at_50_columns() {
    for cols in [80, 50] {
        let h = Home::new();
        h.ok(&["session", "add", "--at", "today 10:00"]);
        std::fs::create_dir_all(h.path().join("drafts")).unwrap();
        std::fs::write(
            h.path().join("drafts/2026-11-22T20-00-00-01-00-mood0001.json"),
            r#"{"phase":"reflection","session":1,"at":"2026-11-22T20:00:00+01:00",
            "tags":[],"feelings":[],"private":false,
            "answers":[{"key":"body","prompt":"What do you notice in your body?","text":"warm hands"},
                {"key":"images","prompt":"","text":""},{"key":"messages","prompt":"","text":""},
                {"key":"surprise","prompt":"","text":""},{"key":"now","prompt":"","text":""}],
            "asked_mood":false,"asked_feelings":true,
            "saved_at":"2026-11-22T20:00:00+01:00"}"#,
        )
        .unwrap();
        let mut s = Screen::spawn(&h, &["write", "--resume"], &[], cols, 24);
        s.wait_for("to 10");
        s.wait_raw();
        s.type_slowly("ok");
        s.keys("\r");
        s.keys("\x7f\x7f");
        s.type_slowly("6");
        s.keys("\r");
        let code = s.finish();
        let history = s.history();
        assert_eq!(code, 0, "{history:#?}");
        assert_eq!(
            lines_with(&history, "as a number"),
            1,
            "{cols} columns: the mood question once: {history:#?}"
        );
        assert_eq!(h.json(&["show", "1"])["mood"], 6, "{history:#?}");
    }
}

/// Feelings chosen before Ctrl-C are kept with the draft: the picker opens
/// with them chosen on `write --resume`.
#[test]
fn feelings_chosen_before_ctrl_c_are_kept() {
    let h = Home::new();
    at_the_feelings_picker(&h);
    let mut s = Screen::spawn(&h, &["write", "--resume"], &[], 80, 24);
    s.wait_for("Any feelings you want to name?");
    s.wait_raw();
    s.type_slowly("calm");
    s.keys("\r");
    s.type_slowly("wobbly");
    s.keys("\r");
    s.keys("\x03");
    assert_eq!(s.finish(), 130, "{:#?}", s.history());

    let mut s = Screen::spawn(&h, &["write", "--resume"], &[], 80, 24);
    s.wait_for("Any feelings you want to name?");
    s.wait_raw();
    assert!(s.text().contains("Chosen: calm, wobbly"), "{}", s.text());
    s.keys("\r");
    assert_eq!(s.finish(), 0, "{:#?}", s.history());
    let e = h.json(&["show", "1"]);
    assert_eq!(e["feelings"], serde_json::json!(["calm", "wobbly"]));
}

/// The reflection's introduction is 88 columns. It is wrapped at a space,
/// at 80 columns and at 50, never broken inside a word by the terminal.
#[test]
fn the_introduction_of_a_write_is_wrapped_at_spaces() {
    for cols in [80, 50] {
        let h = Home::new();
        h.ok(&["status"]);
        let mut s = Screen::spawn(&h, &["write", "reflection"], &[], cols, 24);
        s.wait_for("What do you notice in your body?");
        s.wait_raw();
        s.settle();
        let history = s.history();
        let intro: Vec<&String> = history
            .iter()
            .skip_while(|l| !l.starts_with("Rest comes first."))
            .take_while(|l| !l.starts_with("What do you notice"))
            .collect();
        assert!(!intro.is_empty(), "{history:#?}");
        for l in &intro {
            assert!(
                l.len() < usize::from(cols) || !l.contains(' '),
                "{cols}: {history:#?}"
            );
        }
        assert!(
            intro.iter().any(|l| l.ends_with("is enough.")),
            "{cols}: {history:#?}"
        );
        s.keys("\x03");
        s.finish();
    }
}

/// What kapj says after Ctrl-C in an answer is wrapped at spaces at 50
/// columns, as everything else on that screen is.
#[test]
fn the_words_after_ctrl_c_are_wrapped_at_spaces() {
    let h = Home::new();
    h.ok(&["status"]);
    let mut s = Screen::spawn(&h, &["write", "reflection"], &[], 50, 24);
    s.wait_for("What do you notice in your body?");
    s.wait_raw();
    s.type_slowly("warm");
    s.keys("\x03");
    assert_eq!(s.finish(), 130);
    let history = s.history();
    assert!(
        history
            .iter()
            .any(|l| l == "Stopped before the end. Your answers so far are"),
        "{history:#?}"
    );
    assert!(
        history.iter().any(|l| l == "kept as a draft."),
        "{history:#?}"
    );
}

/// A feeling of several words is typed as it is said: a space inside the
/// search never chooses the feeling its first letters happen to find
/// ("a bit lost" chose "alive" and "bitter").
#[test]
fn a_feeling_of_several_words_is_typed_whole() {
    let h = Home::new();
    at_the_feelings_picker(&h);
    let mut s = Screen::spawn(&h, &["write", "--resume"], &[], 80, 24);
    s.wait_for("Any feelings you want to name?");
    s.wait_raw();
    s.type_slowly("a bit lost");
    let screen = s.text();
    assert!(screen.contains("Find: a bit lost"), "{screen}");
    assert!(screen.contains("Chosen: none yet"), "{screen}");
    s.keys("\r");
    s.type_slowly("sad ");
    s.keys("\r");
    s.keys("\r");
    assert_eq!(s.finish(), 0, "{:#?}", s.history());
    let e = h.json(&["show", "1"]);
    assert_eq!(e["feelings"], serde_json::json!(["a bit lost", "sad"]));
}

//! Issue 16, "A user's first week": status and every hint agree, search finds
//! words in every language, and the small things that add up.

use crate::common::{pty, Home};
use serde_json::Value;

// ---------------------------------------------------------------------------
// status and hints agree
// ---------------------------------------------------------------------------

/// The `kapj write PHASE` commands a text suggests.
fn suggested(out: &str) -> Vec<String> {
    out.split("kapj write ")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect::<String>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// An answer that the phase's template accepts.
fn answer(phase: &str) -> &'static str {
    match phase {
        "intention" => "intention=to listen",
        "reflection" => "body=warm",
        "meaning" => "returning=the lake",
        _ => "action=walk after lunch",
    }
}

/// (session time, hours, what is due) at each edge of the window; the clock
/// is 2026-11-22 21:00.
const EDGES: &[(&str, &str, &str)] = &[
    ("2026-11-22 21:00", "0 h", "reflection"),
    ("2026-11-21 21:01", "just under 24 h", "reflection"),
    ("2026-11-21 21:00", "exactly 24 h", "meaning"),
    ("2026-11-19 21:00", "exactly 72 h", "meaning"),
    ("2026-11-19 20:00", "73 h", "embodiment"),
    ("2026-11-13 21:00", "9 days", "embodiment"),
    ("2026-11-24 21:00", "a planned session", "intention"),
];

#[test]
fn every_hint_names_the_phase_status_names_at_each_window_edge() {
    for (at, what, phase) in EDGES {
        let h = Home::new();
        let added = h.ok(&["session", "add", "--at", at]);
        let status = h.ok(&[]);
        let j = h.json(&["status"]);
        assert_eq!(j["due"], *phase, "{what}");
        assert_eq!(j["write_next"], *phase, "{what}");
        assert_eq!(suggested(&status), [*phase], "{what}: status\n{status}");
        assert!(
            suggested(&added).iter().all(|p| p == phase) && !suggested(&added).is_empty(),
            "{what}: session add disagrees with status\n{added}\n{status}"
        );
    }
}

#[test]
fn a_phase_already_written_is_not_suggested_again_at_each_window_edge() {
    for (at, what, phase) in EDGES {
        let h = Home::new();
        h.ok(&["session", "add", "--at", at]);
        let wrote = h.ok(&["write", phase, "--answer", answer(phase)]);
        let status = h.ok(&[]);
        let j = h.json(&["status"]);
        assert_eq!(j["due"], *phase, "{what}: the window itself does not move");
        assert_eq!(j["write_next"], Value::Null, "{what}");
        assert!(
            !suggested(&status).contains(&phase.to_string()),
            "{what}: {phase} is written, yet suggested\n{status}"
        );
        assert!(
            !suggested(&wrote).contains(&phase.to_string()),
            "{what}: write's closing words suggest {phase} again\n{wrote}"
        );
    }
}

#[test]
fn after_a_reflection_status_says_when_meaning_making_opens() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "today 10:00"]);
    let wrote = h.ok(&["write", "reflection", "--answer", "body=warm"]);
    assert!(
        wrote.contains("meaning-making opens in about 13 hours"),
        "{wrote}"
    );
    let out = h.ok(&[]);
    assert!(out.contains("Now: rest."), "{out}");
    assert!(out.contains("opens in about 13 hours"), "{out}");
    assert!(out.contains("reflection ✓"), "{out}");
}

#[test]
fn session_add_nine_days_back_agrees_with_status() {
    let h = Home::new();
    let added = h.ok(&["session", "add", "--at", "9 days ago"]);
    assert!(added.contains("kapj write embodiment"), "{added}");
    assert!(!added.contains("kapj write reflection"), "{added}");
}

#[test]
fn late_reflection_leads_on_to_meaning_making() {
    // 30 h after the session, a reflection written late: meaning is next.
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-21 15:00"]);
    let wrote = h.ok(&["write", "reflection", "--answer", "body=warm"]);
    assert_eq!(suggested(&wrote), ["meaning"], "{wrote}");
    assert_eq!(suggested(&h.ok(&[])), ["meaning"]);
}

#[test]
fn open_actions_show_their_age_not_a_due_date() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "10 days ago"]);
    h.ok(&["write", "embodiment", "--answer", "action=walk after lunch"]);
    let out = h.ok(&[]);
    assert!(out.contains("walk after lunch  (added today)"), "{out}");
    assert!(!out.contains("(today)"), "{out}");
    let review = h.ok(&["review"]);
    assert!(review.contains("(added today)"), "{review}");
}

// ---------------------------------------------------------------------------
// search finds words in every language
// ---------------------------------------------------------------------------

fn journal_with_cjk() -> Home {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2 days ago"]);
    h.ok(&[
        "write",
        "meaning",
        "--answer",
        "returning=海の音を聞きながら、父のことを考えていました",
    ]);
    h.ok(&[
        "write",
        "reflection",
        "--at",
        "1 day ago",
        "--answer",
        "body=The sea 🌊 again, and my chest felt open.",
    ]);
    h.ok(&[
        "write",
        "free",
        "--private",
        "--answer",
        "text=心の中で父と話した",
    ]);
    h
}

#[test]
fn search_finds_chinese_and_japanese_inside_a_sentence() {
    let h = journal_with_cjk();
    for q in ["海の音", "父", "心", "考えて"] {
        let out = h.ok(&["search", q]);
        assert!(!out.contains("Nothing found"), "{q}: {out}");
        let j = h.json(&["search", q]);
        assert!(!j.as_array().unwrap().is_empty(), "{q}");
    }
    // The snippet shows where.
    let j = h.json(&["search", "海の音"]);
    assert_eq!(j.as_array().unwrap().len(), 1);
    assert!(
        j[0]["snippet"].as_str().unwrap().contains("海の音を聞き"),
        "{j}"
    );
    // 心 is in one entry only; filters still apply.
    let j = h.json(&["search", "心"]);
    assert_eq!(j.as_array().unwrap().len(), 1, "{j}");
    assert_eq!(j[0]["phase"], "free");
    assert_eq!(h.json(&["search", "父"]).as_array().unwrap().len(), 2);
    let j = h.json(&["search", "父", "--phase", "meaning"]);
    assert_eq!(j.as_array().unwrap().len(), 1, "{j}");
    // Several terms: each must be there.
    assert_eq!(
        h.json(&["search", "海の音 父"]).as_array().unwrap().len(),
        1
    );
    assert!(h.ok(&["search", "海の音 chest"]).contains("Nothing found"));
    assert!(h.ok(&["search", "山"]).contains("Nothing found"));
    assert!(h.ok(&["search", "海の音を聞き"]).contains("meaning"));
    // Both trigrams of あいうえ are in the text, but not the whole run: only
    // the whole run counts.
    h.ok(&["write", "free", "--answer", "text=あいう。いうえ"]);
    assert!(h.ok(&["search", "あいうえ"]).contains("Nothing found"));
    assert!(h.ok(&["search", "あいう"]).contains("free"));
}

#[test]
fn search_finds_an_emoji() {
    let h = journal_with_cjk();
    let j = h.json(&["search", "🌊"]);
    assert_eq!(j.as_array().unwrap().len(), 1, "{j}");
    assert_eq!(j[0]["phase"], "reflection");
    let out = h.ok(&["search", "🌊", "chest"]);
    assert!(out.contains("reflection"), "{out}");
}

#[test]
fn english_search_keeps_stemming_and_snippets() {
    let h = journal_with_cjk();
    let j = h.json(&["search", "chests"]);
    assert_eq!(j.as_array().unwrap().len(), 1, "stemming: {j}");
    assert!(j[0]["snippet"].as_str().unwrap().contains("chest"), "{j}");
}

#[test]
fn an_older_journal_is_indexed_for_substrings_when_it_upgrades() {
    let h = Home::new();
    std::fs::create_dir_all(h.path()).unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.db");
    std::fs::copy(&src, h.db()).expect("fixture exists");
    {
        // Text an earlier kapj could store but not find.
        let conn = rusqlite::Connection::open(h.db()).unwrap();
        let n = conn
            .execute(
                "UPDATE answers SET text = text || ' 海の音を聞きながら 🌊'
                 WHERE text LIKE '%the door in the hallway%'",
                [],
            )
            .unwrap();
        assert_eq!(n, 1);
    }
    for q in ["海の音", "音", "🌊"] {
        let j = h.json(&["search", q]);
        assert_eq!(j.as_array().unwrap().len(), 1, "{q}: {j}");
        assert_eq!(j[0]["phase"], "meaning", "{q}");
    }
    // And the words index still works after the upgrade.
    assert_eq!(h.json(&["search", "hallway"]).as_array().unwrap().len(), 1);
}

// ---------------------------------------------------------------------------
// small things
// ---------------------------------------------------------------------------

#[test]
fn demo_at_a_terminal_asks_no_passphrase_question() {
    let h = Home::new();
    let demo = h.dir.path().join("demo");
    // The demo's review is taller than the window: printed here, not paged
    // (paging is tested in `pager`).
    let s = pty::spawn(
        &h,
        &["--no-pager", "demo", "--home", demo.to_str().unwrap()],
        &[],
    );
    let (out, code) = pty::finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("passphrase"), "{out}");
    assert!(demo.join("kapj.db").exists());
}

#[test]
fn the_first_terminal_run_welcomes_once() {
    let h = Home::new();
    let mut s = pty::spawn(&h, &[], &[]);
    pty::wait_for(&mut s, "Welcome to kapj");
    pty::answer(&mut s, "Protect it with a passphrase?", "n");
    let (out, code) = pty::finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("Welcome"), "welcomed twice: {out}");
    assert!(out.contains("No sessions yet"), "{out}");
    let (again, _) = pty::finish(pty::spawn(&h, &[], &[]));
    assert!(!again.contains("Welcome"), "{again}");
}

#[test]
fn a_journal_made_without_a_terminal_still_welcomes_at_the_first_terminal_run() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2 days ago"]);
    // Pipes and scripts do not use the welcome up.
    assert!(!h.ok(&[]).contains("Welcome"));
    let (out, code) = pty::finish(pty::spawn(&h, &[], &[]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("Welcome to kapj").count(), 1, "{out}");
    assert!(out.contains("kapj encrypt"), "{out}");
    let (again, _) = pty::finish(pty::spawn(&h, &[], &[]));
    assert!(!again.contains("Welcome"), "{again}");
}

fn with_an_action() -> Home {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "10 days ago"]);
    h.ok(&["write", "embodiment", "--answer", "action=walk after lunch"]);
    h
}

#[test]
fn actions_all_is_accepted_without_list() {
    let empty = Home::new();
    assert!(empty.ok(&["actions", "--all"]).contains("No actions yet."));
    let h = with_an_action();
    h.ok(&["actions", "done", "1"]);
    let out = h.ok(&["actions", "--all"]);
    assert!(out.contains("walk after lunch"), "{out}");
    assert!(out.contains("[done]"), "{out}");
    assert_eq!(h.json(&["actions", "--all"]).as_array().unwrap().len(), 1);
    assert_eq!(h.json(&["actions"]).as_array().unwrap().len(), 0);
}

#[test]
fn marking_a_done_action_done_again_says_so() {
    let h = with_an_action();
    assert!(h.ok(&["actions", "done", "1"]).contains("Marked done"));
    let done_at = h.json(&["actions", "list", "--all"])[0]["done_at"].clone();
    let before = h.snapshot();
    let again = h.ok(&["actions", "done", "1"]);
    assert!(!again.contains("Marked done"), "{again}");
    assert!(again.contains("already done"), "{again}");
    assert_eq!(h.json(&["actions", "list", "--all"])[0]["done_at"], done_at);
    assert!(h.snapshot() == before, "nothing changes");
    h.ok(&["actions", "drop", "1"]);
    assert!(h.ok(&["actions", "drop", "1"]).contains("already let go"));
}

#[test]
fn actions_done_and_drop_take_the_id_and_a_unique_prefix() {
    let h = with_an_action();
    h.ok(&["write", "embodiment", "--answer", "action=call my sister"]);
    let list = h.json(&["actions", "list"]);
    let id0 = list[0]["id"].as_str().unwrap().to_string();
    let id1 = list[1]["id"].as_str().unwrap().to_string();
    // The shortest prefix that tells the two apart, and one more character.
    let common = id0
        .chars()
        .zip(id1.chars())
        .take_while(|(a, b)| a == b)
        .count();
    // Digits alone are a number, so the prefix runs on to its first letter.
    let letter = id1.find(|c: char| c.is_ascii_alphabetic()).unwrap();
    let prefix = &id1[..(common + 1).max(letter + 1)];
    let out = h.ok(&["actions", "done", prefix]);
    assert!(out.contains("Marked done: call my sister"), "{out}");
    let out = h.ok(&["actions", "drop", &id0]);
    assert!(out.contains("Let go of: walk after lunch"), "{out}");
    // Unknown and malformed ids: a plain error, nothing changed.
    let before = h.snapshot();
    let err = h.fails(&["actions", "done", "ffffffff-0000"]);
    assert!(err.contains("no action"), "{err}");
    let err = h.fails(&["actions", "done", "walk"]);
    assert!(err.contains("not an action number or id"), "{err}");
    assert!(h.snapshot() == before);
}

#[test]
fn a_mistyped_number_never_marks_an_action_whose_id_starts_with_it() {
    let h = with_an_action();
    let id = h.json(&["actions", "list"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let digits: String = id.chars().take_while(|c| c.is_ascii_digit()).collect();
    // Action 1 exists, so a number that is not 1.
    let typed = match digits.parse::<i64>() {
        Ok(n) if n != 1 => digits,
        _ => "9".to_string(),
    };
    let before = h.snapshot();
    let err = h.fails(&["actions", "done", &typed]);
    // An id that starts with "0" gives "0", which is no action number at all.
    assert!(
        err.contains("There is no action") || err.contains("is not an action number"),
        "{err}"
    );
    assert!(h.snapshot() == before);
}

#[test]
fn an_ambiguous_id_prefix_is_refused() {
    let h = with_an_action();
    // Add actions until two ids start with the same letter (digits alone
    // are an action number).
    let shared = (0..60)
        .find_map(|i| {
            h.ok(&[
                "write",
                "embodiment",
                "--answer",
                &format!("action=step {i}"),
            ]);
            let list = h.json(&["actions", "list"]);
            let mut firsts: Vec<char> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap().chars().next().unwrap())
                .filter(|c| "abcdef".contains(*c))
                .collect();
            firsts.sort_unstable();
            firsts.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
        })
        .expect("two ids share a first character");
    let before = h.snapshot();
    let err = h.fails(&["actions", "done", &shared.to_string()]);
    assert!(err.contains("More than one action"), "{err}");
    assert!(h.snapshot() == before);
}

#[test]
fn templates_count_one_question_in_the_singular() {
    let out = Home::new().ok(&["templates"]);
    assert!(!out.contains(" 1 questions"), "{out}");
    assert!(out.contains(" 1 question "), "{out}");
}

#[test]
fn with_kapj_home_set_usage_lines_do_not_show_home_as_required() {
    let h = Home::new();
    let out = h.run(&["session", "show"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("Usage: kapj session show <NUMBER>"), "{err}");
    assert!(!err.contains("--home"), "{err}");
    // KAPJ_HOME is still the journal's folder.
    h.ok(&["session", "add"]);
    assert!(h.db().exists());
}

#[test]
fn completions_offer_phase_names_in_bash_zsh_and_fish() {
    let h = Home::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = h.ok(&["completions", shell]);
        for phase in ["intention", "reflection", "meaning", "embodiment", "free"] {
            assert!(script.contains(phase), "{shell}: {phase} missing");
        }
    }
    let bash = h.ok(&["completions", "bash"]);
    assert!(
        bash.contains("intention reflection meaning embodiment free"),
        "bash offers the phase list"
    );
    // Aliases and kapj's own message for a mistake still work.
    h.ok(&["session", "add", "--at", "2 hours ago"]);
    h.ok(&["write", "reflect", "--answer", "body=warm"]);
    let err = h.fails(&["write", "reflecton", "--answer", "body=warm"]);
    assert!(err.contains("is not a phase"), "{err}");
}

#[test]
fn export_keeps_whole_questions_for_the_therapist() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2 days ago"]);
    let long = "Why does the part of me that wants to be seen keep going quiet whenever \
                someone I love asks me how I am, even when I know they mean it and I \
                have been waiting all week for exactly that question from them?";
    h.ok(&["write", "meaning", "--answer", &format!("questions={long}")]);
    let md = h.ok(&["export"]);
    assert!(md.contains(long), "{md}");
    let html = h.ok(&["export", "--format", "html"]);
    assert!(html.contains(long), "html");
}

#[test]
fn help_has_examples_on_the_commands_that_had_none() {
    let h = Home::new();
    for cmd in [
        &["session"][..],
        &["actions", "done"],
        &["actions", "drop"],
        &["actions", "list"],
        &["safety", "edit"],
        &["safety", "region"],
        &["templates", "show"],
        &["templates", "path"],
    ] {
        let mut args = cmd.to_vec();
        args.push("--help");
        let out = h.ok(&args);
        assert!(out.contains("Examples:\n  kapj "), "{cmd:?}:\n{out}");
    }
}

#[test]
fn write_without_a_phase_writes_the_phase_due_now_and_says_which() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "2026-11-21 09:00"]); // 36 h ago
    let out = h
        .cmd()
        .args(["write"])
        .write_stdin("the lake again")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Writing meaning-making, the phase due now"),
        "{err}"
    );
    let j = h.json(&["show", "1"]);
    assert_eq!(j["phase"], "meaning");
    assert_eq!(j["session"], 1);
    // Nothing due yet: an intention.
    let h = Home::new();
    h.ok(&["write", "--answer", "intention=to listen"]);
    assert_eq!(h.json(&["show", "1"])["phase"], "intention");
}

fn encrypted_journal() -> Home {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=behind the passphrase"]);
    let pass = h.file("pass", "lighthouse keeper 42");
    let out = h
        .cmd()
        .env("KAPJ_PASSPHRASE_FILE", &pass)
        .arg("encrypt")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    h
}

fn type_passphrase(s: &mut expectrl::Session, p: &str) {
    pty::wait_for(s, "Passphrase for your journal");
    pty::wait_raw(s);
    s.send(p).unwrap();
    s.send(pty::ENTER).unwrap();
}

#[test]
fn a_wrong_passphrase_at_a_terminal_can_be_tried_again() {
    let h = encrypted_journal();
    let mut s = pty::spawn(&h, &["list"], &[]);
    type_passphrase(&mut s, "lighthouse keeper 24");
    pty::wait_for(&mut s, "does not open the journal. Please try again.");
    type_passphrase(&mut s, "lighthouse keeper 42");
    let (out, code) = pty::finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("behind the passphrase"), "{out}");
}

#[test]
fn three_wrong_passphrases_end_the_command_and_change_nothing() {
    let h = encrypted_journal();
    let before = h.snapshot();
    let mut s = pty::spawn(&h, &["list"], &[]);
    for attempt in 1..=3 {
        type_passphrase(&mut s, "not it");
        if attempt < 3 {
            pty::wait_for(&mut s, "Please try again.");
        }
    }
    let (out, code) = pty::finish(s);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("The passphrase does not open"), "{out}");
    assert!(h.snapshot() == before);
}

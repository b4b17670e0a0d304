//! Issue 13, drafts: an unfinished entry is kept, never in plain text for
//! an encrypted journal, can be seen, chosen and discarded.

use std::path::{Path, PathBuf};

use crate::common::pty::*;
use crate::common::{self, screen, script, Home};

const PASS: &str = "correct horse battery staple";

/// A journal with one entry, then encrypted; returns the passphrase file.
fn encrypted_home(h: &Home) -> PathBuf {
    h.ok(&[
        "write",
        "free",
        "--answer",
        "text=an entry before the passphrase",
    ]);
    let pass = h.file("pass", PASS);
    let out = script::run_with(
        h,
        &["encrypt"],
        &[("KAPJ_PASSPHRASE_FILE", pass.to_str().unwrap())],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    pass
}

/// Every file under `dir` (database, WAL, SHM, drafts, temp files) whose
/// bytes contain `word`.
fn files_holding(dir: &Path, word: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return found;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            found.extend(files_holding(&p, word));
        } else if let Ok(bytes) = std::fs::read(&p) {
            if bytes.windows(word.len()).any(|w| w == word.as_bytes()) {
                found.push(p);
            }
        }
    }
    found
}

fn draft_files(h: &Home) -> Vec<PathBuf> {
    match std::fs::read_dir(h.path().join("drafts")) {
        Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn with_pass(h: &Home, pass: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut all = vec![("KAPJ_PASSPHRASE_FILE", pass.to_str().unwrap())];
    all.extend_from_slice(env);
    script::run_with(h, args, &all, "")
}

fn ok_with_pass(h: &Home, pass: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = with_pass(h, pass, args, env);
    assert!(
        out.status.success(),
        "kapj {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

// ------------------------------------------------------ defect 11: encrypted

#[test]
fn ctrl_c_on_an_encrypted_journal_leaves_no_plain_text_on_disk() {
    let h = Home::new();
    let pass = encrypted_home(&h);
    let mut s = spawn(
        &h,
        &["write", "meaning"],
        &[("KAPJ_PASSPHRASE_FILE", pass.to_str().unwrap())],
    );
    answer(
        &mut s,
        "Which moments of the session keep coming back to you?",
        "the periwinkle lighthouse",
    );
    wait_for(&mut s, "What might the images or symbols");
    wait_raw(&mut s);
    s.send("\x03").unwrap();
    let (out, code) = finish(s);
    assert_eq!(code, 130, "{out}");
    assert!(out.contains("kept as a draft"), "{out}");
    assert_eq!(draft_files(&h).len(), 1, "the draft is kept");
    assert_eq!(
        files_holding(&h.path(), "periwinkle"),
        Vec::<PathBuf>::new(),
        "no file under the home holds the answer in plain text"
    );

    // With the passphrase, the draft is found and resumed word for word.
    let out = ok_with_pass(
        &h,
        &pass,
        &["write", "--resume", "--editor"],
        &[("VISUAL", "true")],
    );
    let _ = out;
    let list: serde_json::Value =
        serde_json::from_str(&ok_with_pass(&h, &pass, &["--json", "list"], &[])).unwrap();
    assert_eq!(
        list[0]["answers"][0]["text"], "the periwinkle lighthouse",
        "{list}"
    );
    assert!(draft_files(&h).is_empty(), "{:?}", draft_files(&h));
}

/// Piped text whose save is refused (another program holds the write lock)
/// is kept as a draft, sealed like the journal, and resumed.
#[test]
fn a_refused_save_on_an_encrypted_journal_keeps_a_sealed_draft() {
    let h = Home::new();
    let pass = encrypted_home(&h);
    let other = rusqlite::Connection::open(h.db()).unwrap();
    other.pragma_update(None, "key", PASS).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let out = h
        .cmd()
        .env("KAPJ_PASSPHRASE_FILE", &pass)
        .args(["write", "free"])
        .write_stdin("a saffron kite over the field")
        .output()
        .unwrap();
    other.execute_batch("ROLLBACK;").unwrap();
    drop(other);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("kept as a draft"), "{err}");
    assert_eq!(
        files_holding(&h.path(), "saffron"),
        Vec::<PathBuf>::new(),
        "the kept draft is not plain text"
    );
    ok_with_pass(
        &h,
        &pass,
        &["write", "--resume", "--editor"],
        &[("VISUAL", "true")],
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok_with_pass(&h, &pass, &["--json", "list"], &[])).unwrap();
    assert_eq!(
        list[0]["answers"][0]["text"],
        "a saffron kite over the field"
    );
}

/// A draft kept before the journal was encrypted (or by an older kapj) is
/// sealed when the journal is encrypted, and still resumes.
#[test]
fn plain_drafts_are_sealed_by_encrypt_and_still_resume() {
    let h = Home::new();
    h.ok(&["status"]);
    let bad = script::script(
        &h,
        "bad-editor",
        "printf 'a marigold under the window\\n' >> \"$1\"; exit 1",
    );
    let out = script::run_with(
        &h,
        &["write", "free", "--editor"],
        &[("VISUAL", bad.to_str().unwrap())],
        "",
    );
    assert!(!out.status.success());
    assert_eq!(files_holding(&h.path(), "marigold").len(), 1, "plain draft");

    let pass = encrypted_home(&h);
    assert_eq!(
        files_holding(&h.path(), "marigold"),
        Vec::<PathBuf>::new(),
        "encrypt seals the drafts too"
    );
    ok_with_pass(
        &h,
        &pass,
        &["write", "--resume", "--editor"],
        &[("VISUAL", "true")],
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok_with_pass(&h, &pass, &["--json", "list"], &[])).unwrap();
    assert_eq!(list[0]["answers"][0]["text"], "a marigold under the window");
}

/// A plain draft file found beside an encrypted journal (left by an older
/// kapj) is sealed as soon as kapj sees it, and resumes.
#[test]
fn a_plain_draft_beside_an_encrypted_journal_is_sealed_when_seen() {
    let h = Home::new();
    let pass = encrypted_home(&h);
    std::fs::create_dir_all(h.path().join("drafts")).unwrap();
    std::fs::write(
        h.path()
            .join("drafts/2026-11-22T20-00-00-01-00-abcd1234.json"),
        r#"{"phase":"free","session":null,"at":"2026-11-22T20:00:00+01:00","mood":null,
            "tags":[],"feelings":[],"private":false,
            "answers":[{"key":"text","prompt":"","text":"an ochre teacup"}],
            "saved_at":"2026-11-22T20:00:00+01:00"}"#,
    )
    .unwrap();
    ok_with_pass(&h, &pass, &["status"], &[]);
    assert_eq!(files_holding(&h.path(), "ochre"), Vec::<PathBuf>::new());
    ok_with_pass(
        &h,
        &pass,
        &["write", "--resume", "--editor"],
        &[("VISUAL", "true")],
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok_with_pass(&h, &pass, &["--json", "list"], &[])).unwrap();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|e| e["answers"][0]["text"] == "an ochre teacup"),
        "{list}"
    );
}

/// `kapj decrypt` turns sealed drafts back into plain ones the plain journal can read.
#[test]
fn decrypt_keeps_sealed_drafts_readable() {
    let h = Home::new();
    let pass = encrypted_home(&h);
    let out = h
        .cmd()
        .env("KAPJ_PASSPHRASE_FILE", &pass)
        .args(["write", "free"])
        .env("VISUAL", "false")
        .arg("--editor")
        .output()
        .unwrap();
    assert!(!out.status.success());
    // The failing editor left the form untouched: nothing to keep.
    let bad = script::script(
        &h,
        "bad-editor",
        "printf 'a cobalt bowl\\n' >> \"$1\"; exit 1",
    );
    let out = with_pass(
        &h,
        &pass,
        &["write", "free", "--editor"],
        &[("VISUAL", bad.to_str().unwrap())],
    );
    assert!(!out.status.success());
    assert_eq!(files_holding(&h.path(), "cobalt"), Vec::<PathBuf>::new());
    ok_with_pass(&h, &pass, &["decrypt"], &[]);
    let out = script::run_with(
        &h,
        &["write", "--resume", "--editor"],
        &[("VISUAL", "true")],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = h.json(&["list"]);
    assert_eq!(list[0]["answers"][0]["text"], "a cobalt bowl");
}

// ------------------------------------------------------ defect 10: visible

/// Leaves a draft of `phase` holding `words`: the editor writes them, then fails.
fn leave_draft(h: &Home, phase: &str, words: &str) {
    let key = match phase {
        "free" => "text",
        "meaning" => "returning",
        other => panic!("no first key known for {other}"),
    };
    let bad = script::script(
        h,
        &format!("bad-editor-{}", words.len()),
        &format!("sed -i 's/<!-- kapj:{key} -->/&\\n{words}/' \"$1\"; exit 1"),
    );
    let out = script::run_with(
        h,
        &["write", phase, "--editor"],
        &[("VISUAL", bad.to_str().unwrap())],
        "",
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("draft"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn status_mentions_unfinished_entries_calmly() {
    let mut h = Home::new();
    h.ok(&["status"]);
    assert!(!h.ok(&[]).contains("unfinished"));
    h.now = "2026-11-22T18:00:00+01:00".into();
    leave_draft(&h, "free", "first words");
    h.now = common::NOW.into();
    let out = h.ok(&[]);
    assert!(
        out.contains("An unfinished free writing entry is waiting, last written 3 hours ago: `kapj write --resume` continues it."),
        "{out}"
    );
    leave_draft(&h, "meaning", "second words");
    let out = h.ok(&["status"]);
    assert!(
        out.contains("2 unfinished entries are waiting (the newest: meaning-making, last written just now): `kapj drafts` lists them."),
        "{out}"
    );
    let v = h.json(&["status"]);
    assert_eq!(v["drafts"].as_array().unwrap().len(), 2, "{v}");
    assert_eq!(v["drafts"][0]["phase"], "meaning");
    assert_eq!(v["drafts"][0]["answered"], 1);
    assert_eq!(v["drafts"][1]["phase"], "free");
}

#[test]
fn drafts_lists_and_discards() {
    let mut h = Home::new();
    h.ok(&["status"]);
    assert!(h.ok(&["drafts"]).contains("No unfinished entries."));
    h.now = "2026-11-20T10:00:00+01:00".into();
    leave_draft(&h, "free", "older words");
    h.now = common::NOW.into();
    leave_draft(&h, "meaning", "newer words");

    let out = h.ok(&["drafts"]);
    assert!(
        out.contains("  1  meaning-making, 1 answer, last written just now"),
        "{out}"
    );
    assert!(out.contains("newer words"), "{out}");
    assert!(
        out.contains("  2  free writing, 1 answer, last written 2 days ago"),
        "{out}"
    );
    let v = h.json(&["drafts", "list"]);
    assert_eq!(v[1]["answers"][0]["text"], "older words");

    // Bad numbers, and no confirmation off a terminal: a plain error, nothing gone.
    let before = h.snapshot();
    assert!(h
        .fails(&["drafts", "discard", "3"])
        .contains("There is no draft 3."));
    assert!(h
        .fails(&["drafts", "discard", "x"])
        .contains("not a draft number"));
    assert!(h.fails(&["drafts", "discard", "1"]).contains("--yes"));
    assert_eq!(before, h.snapshot());

    let out = h.ok(&["drafts", "discard", "2", "--yes"]);
    assert!(out.contains("Discarded draft 2 (free writing"), "{out}");
    let v = h.json(&["drafts"]);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["phase"], "meaning");
}

/// With several drafts, `write --resume` at a terminal asks which; the
/// menu fits a narrow window and is drawn once.
#[test]
fn resume_asks_which_draft_when_there_are_several() {
    let mut h = Home::new();
    h.ok(&["status"]);
    h.now = "2026-11-20T10:00:00+01:00".into();
    leave_draft(
        &h,
        "free",
        "an older page about the long walk home through the rain",
    );
    h.now = common::NOW.into();
    leave_draft(&h, "meaning", "newer words");

    let mut s = screen::Screen::spawn(
        &h,
        &["write", "--resume", "--editor"],
        &[("VISUAL", "true")],
        50,
        24,
    );
    s.wait_for("Which one?");
    s.wait_raw();
    s.settle();
    let screen = s.text();
    assert!(
        screen.contains("meaning · 1 answer · just now · newer words"),
        "{screen}"
    );
    assert!(
        screen.contains("free · 1 answer · 2 days ago · an older"),
        "{screen}"
    );
    s.keys("\x1b[B");
    s.keys("\r");
    let code = s.finish();
    let history = s.history();
    assert_eq!(code, 0, "{history:#?}");
    // Once chosen, the menu gives way to one line saying which, wrapped
    // at a space: nothing is left broken at the window's edge.
    assert!(
        !history
            .iter()
            .any(|l| l.contains("Which one?") || l.contains(" · ")),
        "{history:#?}"
    );
    assert!(
        history
            .iter()
            .any(|l| l == "Continuing your free writing entry from"),
        "{history:#?}"
    );
    assert!(
        !history.iter().any(|l| l.contains("newer words"))
            || history.iter().filter(|l| l.contains("newer words")).count() == 1,
        "{history:#?}"
    );
    let list = h.json(&["list"]);
    assert_eq!(
        list[0]["answers"][0]["text"],
        "an older page about the long walk home through the rain"
    );
    let left = h.json(&["drafts"]);
    assert_eq!(
        left[0]["phase"], "meaning",
        "the other draft is still there"
    );
}

/// An edit whose editor fails on an encrypted journal is kept sealed, not
/// as a plain file beside the journal.
#[test]
fn a_failed_edit_of_an_encrypted_journal_is_kept_sealed() {
    let h = Home::new();
    let pass = encrypted_home(&h);
    let bad = script::script(
        &h,
        "bad-editor",
        "sed -i 's/an entry before the passphrase/a vermilion gate/' \"$1\"; exit 1",
    );
    let out = with_pass(
        &h,
        &pass,
        &["edit", "1"],
        &[("VISUAL", bad.to_str().unwrap())],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("`kapj edit 1` continues it"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(files_holding(&h.path(), "vermilion"), Vec::<PathBuf>::new());
    let good = script::script(&h, "good-editor", "grep -q vermilion \"$1\"");
    ok_with_pass(
        &h,
        &pass,
        &["edit", "1"],
        &[("VISUAL", good.to_str().unwrap())],
    );
    let e: serde_json::Value =
        serde_json::from_str(&ok_with_pass(&h, &pass, &["--json", "show", "1"], &[])).unwrap();
    assert_eq!(e["answers"][0]["text"], "a vermilion gate");
    assert!(draft_files(&h).is_empty());
}

/// Ctrl-C while the first answer is being typed leaves a draft whose only
/// words are in that answer. The list shows them (not "no answers yet",
/// which reads as if they were lost), and discarding asks first.
#[test]
fn a_draft_with_an_answer_being_typed_shows_its_words_and_is_discarded_only_when_asked() {
    let h = Home::new();
    h.ok(&["status"]);
    std::fs::create_dir_all(h.path().join("drafts")).unwrap();
    std::fs::write(
        h.path()
            .join("drafts/2026-11-22T20-00-00-01-00-typ00001.json"),
        r#"{"phase":"intention","session":null,"at":"2026-11-22T20:00:00+01:00",
            "tags":[],"feelings":[],"private":false,"answers":[],
            "asked_mood":false,"asked_feelings":false,
            "saved_at":"2026-11-22T20:00:00+01:00",
            "typing":{"key":"state","text":"Tired, a bit anxious","cursor":20}}"#,
    )
    .unwrap();
    let out = h.ok(&["drafts"]);
    assert!(!out.contains("no answers yet"), "{out}");
    assert!(out.contains("Tired, a bit anxious"), "{out}");
    let v = h.json(&["drafts"]);
    assert_eq!(v[0]["typing"]["text"], "Tired, a bit anxious", "{v}");
    let before = h.snapshot();
    assert!(h.fails(&["drafts", "discard", "1"]).contains("--yes"));
    assert_eq!(before, h.snapshot());
}

/// `kapj` and `kapj drafts` at a 50-column terminal: their sentences about
/// drafts are wrapped at spaces, never broken inside a word.
#[test]
fn draft_sentences_are_wrapped_at_spaces_at_a_terminal() {
    let mut h = Home::new();
    h.ok(&["status"]);
    h.now = "2026-11-20T10:00:00+01:00".into();
    leave_draft(&h, "free", "older words");
    h.now = common::NOW.into();
    leave_draft(&h, "meaning", "newer words");
    for (args, sentence) in [
        (
            &["drafts"][..],
            "`kapj write --resume` continues one (`kapj edit N` an edit); `kapj drafts discard N` lets one go.",
        ),
        (
            &["status"][..],
            "2 unfinished entries are waiting (the newest: meaning-making, last written just now): `kapj drafts` lists them.",
        ),
    ] {
        let mut s = screen::Screen::spawn(&h, args, &[], 50, 24);
        assert_eq!(s.finish(), 0);
        let history = s.history();
        let joined = history
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(joined.contains(sentence), "{history:#?}");
    }
}

/// Starting a new entry of a phase that already has an unfinished one says
/// so, once, before the first question: drafts no longer pile up unseen.
#[test]
fn a_new_write_mentions_an_unfinished_entry_of_the_same_phase() {
    let h = Home::new();
    h.ok(&["status"]);
    leave_draft(&h, "meaning", "earlier words");
    let mut s = screen::Screen::spawn(&h, &["write", "meaning"], &[], 80, 24);
    s.wait_for("Which moments of the session keep coming back to you?");
    s.wait_raw();
    s.settle();
    let screen = s.text();
    assert!(
        screen.contains("unfinished meaning-making entry")
            && screen.contains("continues it. This starts a new one."),
        "{screen}"
    );
    s.keys("\x03");
    assert_eq!(s.finish(), 130);

    // Another phase's draft is not mentioned.
    let mut s = screen::Screen::spawn(&h, &["write", "free"], &[], 80, 24);
    s.wait_for("What would you like to write?");
    s.wait_raw();
    s.settle();
    assert!(!s.text().contains("unfinished"), "{}", s.text());
    s.keys("\x03");
    s.finish();
}

/// A draft continued today was last written today: `kapj drafts` and the
/// resume menu say so and list it first, not by the day it was begun.
#[test]
fn a_continued_draft_is_last_written_when_it_was_continued() {
    let mut h = Home::new();
    h.ok(&["status"]);
    h.now = "2026-11-20T10:00:00+01:00".into();
    leave_draft(&h, "meaning", "begun days ago");
    leave_draft(&h, "free", "another page");
    h.now = common::NOW.into();
    let mut s = screen::Screen::spawn(&h, &["write", "--resume", "meaning"], &[], 80, 24);
    s.wait_for("to 10 (very well)?");
    s.wait_raw();
    s.keys("\x03");
    assert_eq!(s.finish(), 130);
    let out = h.ok(&["drafts"]);
    assert!(
        out.contains("  1  meaning-making, 1 answer, last written just now"),
        "{out}"
    );
}

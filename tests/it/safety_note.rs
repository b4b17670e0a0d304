//! Issue 14, end to end: the safety note after saving, for the language
//! people really use; its severity, once-a-day rule, edit and import rules;
//! and the dates line in review and export. Every phrasing in the "today's
//! rule missed" lists was checked against the phrase list this replaced
//! (kapj before issue 14): none of them raised the note there.

use crate::common::script::{run_with, script};
use crate::common::Home;
use serde_json::json;

const GENTLE: &str = "Some of what you wrote may touch on hurting yourself";
const NOW: &str = "This is a moment to reach someone now.";
const MONITORS: &str = "No one monitors this journal";

/// Writes one free entry with `--answer` and returns stdout; the entry must
/// be saved (exit 0, "Saved entry", the text stored) whatever the note does.
fn write(h: &Home, text: &str) -> String {
    let out = h.ok(&["write", "free", "--answer", &format!("text={text}")]);
    assert!(out.contains("Saved entry"), "{out}");
    let list = h.json(&["list", "-n", "1"]);
    assert_eq!(list[0]["answers"][0]["text"], text, "saved as written");
    out
}

/// A fresh home per sentence, so the once-a-day rule never hides a note.
fn note_for(text: &str) -> String {
    write(&Home::new(), text)
}

fn assert_gentle(text: &str) {
    let out = note_for(text);
    assert!(out.contains(GENTLE), "no gentle note for {text:?}:\n{out}");
    assert!(
        !out.contains(NOW),
        "{text:?} led with reaching someone:\n{out}"
    );
}

fn assert_now(text: &str) {
    let out = note_for(text);
    assert!(out.contains(NOW), "no pressing note for {text:?}:\n{out}");
    assert!(out.contains(MONITORS), "{out}");
}

fn assert_no_note(text: &str) {
    let out = note_for(text);
    assert!(!out.contains(MONITORS), "{text:?} raised the note:\n{out}");
}

// ---------------------------------------------------------------------------
// Each category, several phrasings today's rule missed
// ---------------------------------------------------------------------------

#[test]
fn ideation_in_other_words_shows_the_gentle_note() {
    for text in [
        "I keep thinking about ending things.",
        "Some days I think about ending my whole life.",
        "i've been having thoughts of offing myself",
        "A voice keeps telling me to end it.",
    ] {
        assert_gentle(text);
    }
}

#[test]
fn passive_wishes_show_the_gentle_note() {
    for text in [
        "What's the point of going on.",
        "I wish I'd never been born.",
        "Honestly dying sounds like a relief right now.",
        "I'm so tired of existing.",
        "If I didn't wake up tomorrow that would be fine by me.",
        "i dont want 2 live anymore",
    ] {
        assert_gentle(text);
    }
}

#[test]
fn conditional_and_comparative_forms_show_the_note() {
    for text in [
        "Some nights I think everyone would be better off if I killed myself.",
        "If I were gone, nobody would even notice.",
        "My family would be happier if I wasn't here.",
        "They would honestly be happier with me gone.",
    ] {
        assert_gentle(text);
    }
}

#[test]
fn self_injury_without_myself_shows_the_gentle_note() {
    for text in [
        "I cut again last night.",
        "I scratched my arms until they bled.",
        "The urge to cut is back.",
        "Burned my arm with a cigarette on purpose.",
    ] {
        assert_gentle(text);
    }
}

#[test]
fn slang_and_misspellings_show_the_note() {
    for text in [
        "kms",
        "wanna unalive rn",
        "thinking about sucide a lot",
        "i wanna kill myslef",
    ] {
        assert_gentle(text);
    }
}

#[test]
fn a_past_attempt_shows_the_note_and_a_recent_one_the_pressing_note() {
    for text in [
        "I overdosed in 2019 and ended up in hospital.",
        "It's been two years since my attempt.",
        "I attempted twice in my twenties.",
    ] {
        assert_gentle(text);
    }
    for text in [
        "I took all my pills last night and woke up in hospital.",
        "Yesterday I tried to overdose but threw up.",
    ] {
        assert_now(text);
    }
}

#[test]
fn a_method_with_intent_a_plan_or_preparation_shows_the_pressing_note() {
    for text in [
        "I have a plan to overdose on my pills.",
        "I'm going to jump off the bridge after work tomorrow.",
        "I've been stockpiling my sleeping pills.",
        "I wrote goodbye letters to my kids last night.",
        "I googled how many paracetamol is a lethal dose.",
        "I know which bridge.",
        "I want to take all my pills and be done.",
    ] {
        assert_now(text);
    }
}

#[test]
fn a_method_in_thought_shows_the_gentle_note() {
    for text in [
        "I thought about jumping off the bridge on the way home.",
        "I keep picturing myself stepping in front of a train.",
    ] {
        assert_gentle(text);
    }
}

// ---------------------------------------------------------------------------
// Near-misses
// ---------------------------------------------------------------------------

#[test]
fn near_misses_show_no_note() {
    for text in [
        // the journey
        "During the session I felt like I was dying and being reborn.",
        "Ego death, then the old me dissolved into light.",
        // grief
        "My best friend died by suicide three years ago and I miss her.",
        "It's the anniversary of my brother's death this week.",
        // idioms
        "This commute is killing me.",
        "I'd kill for a coffee.",
        "I'm dying to see her.",
        // titles
        "We watched Suicide Squad on the sofa.",
        "I had \"Suicide Is Painless\" stuck in my head all day.",
        "Rewatched Kill Bill with my brother.",
        // accidents
        "I cut my finger slicing onions.",
        "Burned myself on the radiator in the hallway.",
        // cooking, gardening, work
        "I killed the weeds along the fence.",
        "We cut the deadline to Friday.",
        "I took my pills this morning with breakfast.",
        // someone else, reported, training
        "Suicide prevention training at work today.",
        "My brother said he wishes he was dead, and I don't know how to help him.",
    ] {
        assert_no_note(text);
    }
}

// ---------------------------------------------------------------------------
// Severity and the once-a-day rule
// ---------------------------------------------------------------------------

#[test]
fn the_pressing_note_leads_with_people_and_the_plan() {
    let h = Home::new();
    let doc = json!({"entries": [], "safety_plan": {"therapist": "Dana, 555 0100", "people": "my sister"}});
    std::fs::write(h.dir.path().join("plan.json"), doc.to_string()).unwrap();
    h.ok(&["import", h.dir.path().join("plan.json").to_str().unwrap()]);
    let out = write(&h, "I've decided to end my life this weekend.");
    let at = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing:\n{out}"))
    };
    assert!(at("Saved entry") < at(NOW));
    assert!(at(NOW) < at("988 Suicide & Crisis Lifeline"));
    assert!(at("988 Suicide & Crisis Lifeline") < at("Dana, 555 0100"));
    assert!(at("Dana, 555 0100") < at(MONITORS));
    assert!(out.contains("`kapj safety plan`"), "{out}");
    for word in ["risk", "detected", "urgent", "!"] {
        assert!(!out.to_lowercase().contains(word), "{word:?} in:\n{out}");
    }
    // `kapj safety plan` is where the note points.
    let plan = h.ok(&["safety", "plan"]);
    assert!(plan.contains("Dana, 555 0100"), "{plan}");
}

#[test]
fn a_pressing_note_may_follow_the_gentle_one_the_same_day_but_nothing_repeats() {
    let mut h = Home::new();
    let first = write(&h, "I wish I was dead.");
    assert!(first.contains(GENTLE), "{first}");
    let gentle_again = write(&h, "Still thinking about ending it.");
    assert!(
        !gentle_again.contains(MONITORS),
        "the gentle note twice:\n{gentle_again}"
    );
    let pressing = write(&h, "I've been saving up my meds in a drawer.");
    assert!(pressing.contains(NOW), "escalation hidden:\n{pressing}");
    let pressing_again = write(&h, "I know how I would do it and I've picked a date.");
    assert!(
        !pressing_again.contains(MONITORS),
        "the pressing note twice:\n{pressing_again}"
    );
    let gentle_after = write(&h, "I don't want to be alive anymore.");
    assert!(!gentle_after.contains(MONITORS), "{gentle_after}");
    // A self-check the same day adds nothing either.
    let check = h.ok(&["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,2"]);
    assert!(!check.contains(MONITORS), "{check}");

    h.now = "2026-11-23T08:00:00+01:00".into();
    assert!(
        write(&h, "I wish I was dead.").contains(GENTLE),
        "a new day"
    );
    assert_eq!(
        h.json(&["list"]).as_array().unwrap().len(),
        6,
        "every entry saved"
    );
}

#[test]
fn a_pressing_entry_first_shows_the_pressing_note_then_nothing_that_day() {
    let h = Home::new();
    assert!(write(&h, "I'm going to kill myself tonight.").contains(NOW));
    assert!(!write(&h, "I want to die.").contains(MONITORS));
}

// ---------------------------------------------------------------------------
// Everywhere text is written
// ---------------------------------------------------------------------------

#[test]
fn standard_input_and_the_editor_are_read_the_same_way() {
    let h = Home::new();
    let out = run_with(
        &h,
        &["write", "free"],
        &[],
        "Everyone would be better off without me.\n",
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(GENTLE));

    let h = Home::new();
    let ed = script(
        &h,
        "ed.sh",
        "sed -i 's/<!-- kapj:text -->/&\\nI have a plan to overdose on my pills./' \"$1\"",
    );
    let out = run_with(
        &h,
        &["write", "free", "--editor"],
        &[("VISUAL", ed.to_str().unwrap())],
        "",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Saved entry 1"), "{stdout}");
    assert!(stdout.contains(NOW), "{stdout}");
}

#[test]
fn edit_shows_the_note_only_when_the_edit_adds_such_words() {
    let mut h = Home::new();
    write(&h, "A walk by the river, then soup.");
    let add = script(
        &h,
        "add.sh",
        "sed -i 's/then soup./then soup. I want to die./' \"$1\"",
    );
    let out = run_with(&h, &["edit", "1"], &[("VISUAL", add.to_str().unwrap())], "");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains("Updated entry 1."), "{stdout}");
    assert!(stdout.contains(GENTLE), "the edit added it:\n{stdout}");

    // The next day, tidying the same entry adds nothing new: no note.
    h.now = "2026-11-23T09:00:00+01:00".into();
    let tidy = script(&h, "tidy.sh", "sed -i 's/river/canal/' \"$1\"");
    let out = run_with(
        &h,
        &["edit", "1"],
        &[("VISUAL", tidy.to_str().unwrap())],
        "",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Updated entry 1."), "{stdout}");
    assert!(!stdout.contains(MONITORS), "nothing was added:\n{stdout}");

    // Adding a plan to it is new, and pressing.
    let plan = script(
        &h,
        "plan.sh",
        "sed -i 's/then soup./then soup. I have picked a date to end my life./' \"$1\"",
    );
    let out = run_with(
        &h,
        &["edit", "1"],
        &[("VISUAL", plan.to_str().unwrap())],
        "",
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(NOW));
    let text = h.json(&["show", "1"])["answers"][0]["text"].clone();
    assert!(text.as_str().unwrap().contains("canal"), "{text}");
}

#[test]
fn import_shows_one_line_at_the_end_not_a_note_per_entry() {
    let h = Home::new();
    let doc = json!({"format": "kapj-journal", "version": 1, "entries": [
        {"phase": "free", "at": "2026-11-10T09:00:00+01:00", "answers": [{"text": "I want to die."}]},
        {"phase": "free", "at": "2026-11-11T09:00:00+01:00", "answers": [{"text": "I've been stockpiling my pills."}]},
        {"phase": "free", "at": "2026-11-12T09:00:00+01:00", "answers": [{"text": "Soup and a walk."}]}
    ]});
    let path = h.dir.path().join("in.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let out = h.ok(&["import", path.to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("Imported 3 entries"), "{out}");
    assert!(lines[1].contains("`kapj safety`"), "{out}");
    assert!(!out.contains(MONITORS), "no per-entry note:\n{out}");
    assert_eq!(h.json(&["list"]).as_array().unwrap().len(), 3);

    // Nothing like it: no line.
    let h = Home::new();
    let doc = json!({"entries": [{"phase": "free", "at": "2026-11-12T09:00:00+01:00", "answers": [{"text": "This commute is killing me."}]}]});
    std::fs::write(&path, doc.to_string()).unwrap();
    let out = h.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(out.lines().count(), 1, "{out}");
}

// ---------------------------------------------------------------------------
// Review and export
// ---------------------------------------------------------------------------

/// Entries on 12 Nov (risk), 13 Nov (private, risk), 14 Nov (risk), 15 Nov (ordinary).
fn journal_with_hard_days() -> Home {
    let h = Home::new();
    for (day, text, private) in [
        (
            "2026-11-12 22:00",
            "I don't want to be alive anymore.",
            false,
        ),
        (
            "2026-11-13 22:00",
            "I keep thinking about killing myself.",
            true,
        ),
        (
            "2026-11-14 08:00",
            "Everyone would be better off without me.",
            false,
        ),
        (
            "2026-11-15 08:00",
            "Walked by the river; my chest felt open.",
            false,
        ),
    ] {
        let mut args = vec!["write", "free", "--at", day, "--answer"];
        let answer = format!("text={text}");
        args.push(&answer);
        if private {
            args.push("--private");
        }
        h.ok(&args);
    }
    h
}

const LINE: &str = "you wrote about hurting yourself or not wanting to be alive on 12 and 14 Nov.";

#[test]
fn review_lists_the_days_without_quotes_and_never_private_entries() {
    let h = journal_with_hard_days();
    let out = h.ok(&["review"]);
    let heading = out.find("Worth raising with your therapist").expect(&out);
    let sentence = out
        .find("You wrote about hurting yourself or not wanting to be alive on 12 and 14")
        .expect(&out);
    assert!(heading < sentence, "{out}");
    for quoted in ["better off", "alive anymore", "killing myself", "13 Nov"] {
        assert!(
            !out[heading..].contains(quoted),
            "{quoted:?} after the heading:\n{out}"
        );
    }
    let v = h.json(&["review"]);
    assert_eq!(v["worth_raising"], json!(["2026-11-12", "2026-11-14"]));

    // A period with none of those days has no such heading.
    let out = h.ok(&["review", "--since", "2026-11-15"]);
    assert!(!out.contains("Worth raising"), "{out}");

    // With no start given, the line looks back twelve weeks; an older day
    // is listed when the period asks for it.
    h.ok(&[
        "write",
        "free",
        "--at",
        "2026-07-01 10:00",
        "--answer",
        "text=I want to die.",
    ]);
    assert_eq!(
        h.json(&["review"])["worth_raising"],
        json!(["2026-11-12", "2026-11-14"])
    );
    let v = h.json(&["review", "--since", "2026-06-01"]);
    assert_eq!(
        v["worth_raising"],
        json!(["2026-07-01", "2026-11-12", "2026-11-14"])
    );
}

#[test]
fn export_carries_the_same_line_unless_asked_not_to() {
    let h = journal_with_hard_days();
    let md = h.ok(&["export"]);
    assert!(
        md.contains(&format!("**Worth raising with your therapist:** {LINE}")),
        "{md}"
    );
    let summary = md.find("## Summary").unwrap();
    assert!(md.find("Worth raising").unwrap() > summary);
    // Private entries are never counted, even when they are included.
    let with_private = h.ok(&["export", "--include-private"]);
    assert!(with_private.contains(LINE), "{with_private}");
    let html = h.ok(&["export", "--format", "html"]);
    assert!(
        html.contains(&format!(
            "<strong>Worth raising with your therapist:</strong> {LINE}"
        )),
        "{html}"
    );
    for args in [
        &["export", "--no-safety-dates"][..],
        &["export", "--format", "html", "--no-safety-dates"],
    ] {
        let out = h.ok(args);
        assert!(!out.contains("Worth raising"), "{args:?}");
    }
    // The backup has no such line: it is the journal itself.
    assert!(!h
        .ok(&["export", "--format", "json"])
        .contains("Worth raising"));
}

//! `kapj demo`: a sample journal to explore, in a temporary home unless
//! `--home` is given. It never opens the real journal.

use std::path::PathBuf;

use anyhow::Result;
use chrono::Duration;

use crate::app::{ensure_home, App};
use crate::domain::{Answer, Filter, Phase};
use crate::error::user_hint;
use crate::journal;
use crate::store::EntryExtras;

/// (days after the first session, hour, phase, mood, feelings, answers by key)
type DemoEntry = (
    i64,
    u32,
    Phase,
    Option<u8>,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

const SESSIONS: [(i64, &str, &str); 3] = [
    (0, "clinic, eyeshades and music", "IM, first session"),
    (14, "clinic, eyeshades and music", "IM, second session"),
    (
        28,
        "clinic, eyeshades, no music this time",
        "IM, third session",
    ),
];

const ENTRIES: &[DemoEntry] = &[
    (-2, 19, Phase::Intention, Some(4), &[], &[
        ("state", "Tired of the same loop. My chest is tight most mornings and I wake at four."),
        ("concerns", "My father's illness, and the way I go quiet around him."),
        ("intention", "To meet the tightness in my chest with curiosity instead of bracing."),
        ("safety", "Knowing Dana is in the room. My sister said she would call tomorrow."),
    ]),
    (0, 16, Phase::Reflection, Some(6), &["tender", "awe", "tired"], &[
        ("body", "Heavy arms, then warmth spreading through my chest. The tightness loosened for a while."),
        ("images", "An ocean at night, very dark and very calm. I was floating, not drowning."),
        ("messages", "You do not have to hold everything."),
    ]),
    (2, 10, Phase::Meaning, Some(6), &[], &[
        ("returning", "The ocean keeps coming back. Floating without holding on to anything."),
        ("past", "My father taught me to swim by letting go of me in the deep end. I remember the panic in my chest."),
        ("beliefs", "Maybe holding everything together is not the same as being safe."),
        ("questions", "Why does letting go feel like betrayal when I think of my father?"),
    ]),
    (6, 8, Phase::Embodiment, None, &[], &[
        ("changed", "I noticed the tightness in my chest before the argument instead of after it."),
        ("body", "Slow mornings, and water: baths, the sea if I can get there."),
        ("action", "Walk by the sea on Sunday morning, phone at home."),
        ("practice", "Three slow breaths before I call my father."),
    ]),
    (12, 20, Phase::Intention, Some(5), &[], &[
        ("intention", "To stay with my father's voice without leaving my body."),
        ("concerns", "The visit to my father next week."),
    ]),
    (14, 15, Phase::Reflection, Some(7), &["grateful", "raw", "open"], &[
        ("body", "My chest felt open, like a window. Shaking hands at the end."),
        ("images", "The ocean again, this time in daylight, and a small boat I recognised from childhood."),
        ("now", "Quiet. A bit raw. Grateful."),
    ]),
    (16, 9, Phase::Meaning, Some(7), &[], &[
        ("returning", "The boat. My father built one like it when I was seven."),
        ("symbols", "Maybe the ocean is the part of me that is bigger than the worry."),
        ("questions", "What would letting go of control look like on an ordinary Tuesday?"),
    ]),
    (21, 7, Phase::Embodiment, None, &[], &[
        ("changed", "I said no to extra work without apologising three times. The control habit is still there."),
        ("relationships", "Told my sister about the boat. We both cried a little."),
        ("action", "Call my father on Thursday and ask about the boat."),
    ]),
    (28, 16, Phase::Reflection, Some(6), &["peaceful", "tired"], &[
        ("body", "Loose shoulders. The tightness in my chest was there but smaller."),
        ("images", "Grey water, very still. Nothing dramatic."),
        ("surprise", "A quieter session than the others, and that was fine."),
    ]),
];

pub fn run(app: &mut App, home: Option<PathBuf>) -> Result<()> {
    let home = match home {
        Some(h) => h,
        None => std::env::temp_dir().join(format!(
            "kapj-demo-{}",
            &uuid::Uuid::new_v4().to_string()[..8]
        )),
    };
    ensure_home(&home)?;
    if crate::store::file_kind(&home.join(crate::store::DB_FILE))?
        != crate::store::FileKind::Missing
    {
        return Err(user_hint(
            format!(
                "{} already holds a journal; the demo only writes into a new folder.",
                home.display()
            ),
            "Run `kapj demo` without --home for a temporary one, or choose an empty folder.",
        ));
    }
    app.home.clone_from(&home);
    let now = app.clock.now();
    let first = now - Duration::days(30);
    let clock = app.clock;
    let at = |day: i64, hour: u32| {
        let d = first + Duration::days(day);
        clock.local(d.date_naive().and_hms_opt(hour, 0, 0).expect("valid hour"))
    };
    let mut doc = journal::Doc::default();
    for (i, (day, setting, dose)) in SESSIONS.iter().enumerate() {
        doc.sessions.push(journal::InSession {
            id: None,
            number: Some(i as i64 + 1),
            at: Some(at(*day, 10)),
            note: String::new(),
            setting: setting.to_string(),
            dose: dose.to_string(),
        });
    }
    for (day, hour, phase, mood, feelings, answers) in ENTRIES {
        let tpl = crate::templates::builtin(*phase);
        let t = at(*day, *hour);
        // As `write` does: an intention belongs to the next session, the
        // other phases to the most recent one at or before the entry.
        let session = match phase {
            Phase::Intention => SESSIONS.iter().position(|(d, _, _)| *d >= *day),
            _ => SESSIONS.iter().rposition(|(d, _, _)| at(*d, 10) <= t),
        };
        doc.entries.push(journal::InEntry {
            id: None,
            phase: *phase,
            session: session.map(|i| i as i64 + 1),
            at: t,
            mood: *mood,
            tags: Vec::new(),
            feelings: feelings.iter().map(|f| f.to_string()).collect(),
            private: false,
            answers: answers
                .iter()
                .map(|(k, text)| Answer {
                    key: k.to_string(),
                    prompt: tpl
                        .prompts
                        .iter()
                        .find(|p| p.key == *k)
                        .map(|p| p.text.clone())
                        .unwrap_or_default(),
                    text: text.to_string(),
                })
                .collect(),
        });
    }
    let store = app.store()?;
    store.import(&doc, now, EntryExtras::for_entry)?;
    // The first action was kept; the demo shows one done and one open.
    if let Some(a) = store.actions(false)?.first() {
        store.set_action_state(a.number, crate::domain::ActionState::Done, Some(at(8, 12)))?;
    }
    app.line(format!(
        "A sample journal is in {} (your own journal was not touched).",
        home.display()
    ));
    app.line(format!(
        "Explore it with: kapj --home {} status",
        home.display()
    ));
    app.line("");
    let r = crate::review::compute(
        app,
        &Filter {
            include_private: true,
            ..Filter::default()
        },
        6,
    )?;
    let json = app.json;
    if json {
        app.json_out(&crate::render::review::to_json(&r));
    } else {
        crate::render::review::print(app, &r);
    }
    let export_path = home.join("demo-export.md");
    let text = crate::export::build(
        app,
        &crate::export::Request {
            format: crate::export::Format::Markdown,
            filter: Filter::default(),
            safety_dates: true,
        },
    )?;
    crate::atomic_file::write(&export_path, text.as_bytes())?;
    app.line("");
    app.line(format!(
        "The export for a therapist went to {}.",
        export_path.display()
    ));
    Ok(())
}

//! `kapj edit ID`: the entry in the editor, as the same form `write --editor`
//! uses. An edit is never lost: a form that cannot be read is offered back
//! in the editor with a note at the top (at a terminal), or kept as a draft
//! that `kapj edit ID` continues; so is the text of an editor that failed.

use anyhow::Result;

use crate::app::{interactive, App};
use crate::cmd::find_entry;
use crate::domain::{Answer, Entry, NewEntry};
use crate::drafts::Draft;
use crate::editor::{self, Section};
use crate::error::{user, user_hint};
use crate::render;
use crate::store::EntryExtras;
use crate::templates::{self, Template};

const EDITOR_HINT: &str =
    "Set VISUAL or EDITOR to an editor that works here (for example EDITOR=nano).";

pub fn run(app: &mut App, id: &str) -> Result<()> {
    let e = find_entry(app, id)?;
    let tpl = templates::load(&app.home, e.phase)?;
    let secs = sections(&e, &tpl);
    let title = format!(
        "Entry {} — {}, {}",
        e.number,
        e.phase.label(),
        render::day_time(e.at)
    );
    let stored = editor::form(&title, &secs);
    let kept = app
        .drafts()?
        .into_iter()
        .find(|d| d.edit_of == Some(e.number));
    let mut text = match kept.as_ref().and_then(|d| d.form.clone()) {
        Some(form) => {
            eprintln!("Continuing your unfinished edit of entry {}.", e.number);
            form
        }
        None => stored.clone(),
    };
    loop {
        let content = match editor::edit(&app.home, &text)? {
            Ok(c) => c,
            Err(f) => {
                let why = format!("{}; entry {} is unchanged.", capital(&f.why), e.number);
                if f.content != stored && !f.content.trim().is_empty() {
                    keep(app, &e, kept, &f.content)?;
                    return Err(user_hint(
                        format!(
                            "{why} Your edited text is kept: `kapj edit {}` continues it.",
                            e.number
                        ),
                        EDITOR_HINT,
                    ));
                }
                return Err(user_hint(why, EDITOR_HINT));
            }
        };
        if content == stored {
            if let Some(d) = &kept {
                d.remove();
            }
            app.line(format!("No changes; entry {} is as it was.", e.number));
            return Ok(());
        }
        let (answers, mood) = match read(&content, &secs, &e, &tpl) {
            Ok(Some(read)) => read,
            Ok(None) => {
                return Err(user_hint(
                    format!(
                        "The edited entry {} has no text left, so it was not changed.",
                        e.number
                    ),
                    format!("To remove it, use `kapj delete {}`.", e.number),
                ))
            }
            Err(problem) => {
                if interactive() && {
                    crate::term_text::eprint_wrapped(&problem, "");
                    editor::offer_to_reopen()?
                } {
                    text = editor::with_note(&content, &problem);
                    continue;
                }
                keep(app, &e, kept, &editor::with_note(&content, &problem))?;
                return Err(user_hint(
                    format!("{problem} Entry {} is unchanged.", e.number),
                    format!(
                        "Your edited text is kept as a draft: `kapj edit {}` continues it.",
                        e.number
                    ),
                ));
            }
        };
        save(app, &e, &answers, mood)?;
        if let Some(d) = &kept {
            d.remove();
        }
        return Ok(());
    }
}

/// The entry's own answers first (with the prompts they were written
/// against), then the template's unanswered prompts; the mood leads, so
/// text added at the end of the file belongs to the last answer.
fn sections(e: &Entry, tpl: &Template) -> Vec<Section> {
    let mut secs = vec![editor::mood_section(e.mood)];
    secs.extend(e.answers.iter().map(|a| Section {
        key: a.key.clone(),
        heading: heading(&a.prompt, &a.key),
        text: a.text.clone(),
    }));
    for p in &tpl.prompts {
        if !secs.iter().any(|s| s.key == p.key) {
            secs.push(Section {
                key: p.key.clone(),
                heading: p.text.clone(),
                text: String::new(),
            });
        }
    }
    secs
}

type Edited = (Vec<Answer>, Option<u8>);

/// The answers and mood of an edited form; None when no text is left;
/// Err with one sentence when the form cannot be read.
fn read(
    content: &str,
    secs: &[Section],
    e: &Entry,
    tpl: &Template,
) -> std::result::Result<Option<Edited>, String> {
    let mut mood = None;
    let mut answers = Vec::new();
    for (key, text) in editor::parse_form(content, secs) {
        if key == "mood" {
            if !text.trim().is_empty() {
                mood = Some(crate::cmd::parse_mood(&text).map_err(|_| {
                    format!(
                        "Mood is a whole number from 0 to 10, not \"{}\".",
                        render::first_line(&text, 40)
                    )
                })?);
            }
            continue;
        }
        if text.trim().is_empty() {
            continue;
        }
        let prompt = e
            .answers
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.prompt.clone())
            .or_else(|| {
                tpl.prompts
                    .iter()
                    .find(|p| p.key == key)
                    .map(|p| p.text.clone())
            })
            .unwrap_or_default();
        answers.push(Answer { key, prompt, text });
    }
    Ok((!answers.is_empty()).then_some((answers, mood)))
}

/// Keeps an unfinished edit as a draft (sealed for an encrypted journal),
/// replacing an earlier one of the same entry.
fn keep(app: &mut App, e: &Entry, earlier: Option<Draft>, form: &str) -> Result<()> {
    let key = app.drafts_key()?;
    let now = app.clock.now().to_rfc3339();
    let path = match &earlier {
        Some(d) if d.key.is_some() == key.is_some() => d.path.clone(),
        _ => Draft::new_path(&app.home, &now, key.is_some()),
    };
    let d = Draft {
        path,
        key,
        phase: e.phase,
        session: e.session,
        at: e.at.to_rfc3339(),
        mood: e.mood,
        tags: e.tags.clone(),
        feelings: e.feelings.clone(),
        private: e.private,
        answers: e.answers.clone(),
        asked_mood: true,
        asked_feelings: true,
        saved_at: now,
        edit_of: Some(e.number),
        form: Some(form.to_string()),
        typing: None,
    };
    d.save().map_err(|_| {
        user(format!(
            "Your edited text could not be kept as a draft; entry {} is unchanged.",
            e.number
        ))
    })?;
    if let Some(old) = earlier.filter(|o| o.path != d.path) {
        old.remove();
    }
    Ok(())
}

/// Writes the edited answers and mood; the entry's action follows its
/// action answer; the safety note shows if the new text calls for it.
fn save(app: &mut App, e: &Entry, answers: &[Answer], mood: Option<u8>) -> Result<()> {
    let updated = NewEntry {
        phase: Some(e.phase),
        answers: answers.to_vec(),
        ..NewEntry::default()
    };
    let extras = EntryExtras::for_entry(&updated);
    app.store()?.update_entry(
        e.number,
        answers,
        mood,
        &extras,
        e.phase == crate::domain::Phase::Embodiment,
    )?;
    app.line(format!("Updated entry {}.", e.number));
    let joined = |a: &[Answer]| {
        a.iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let new_text = joined(answers);
    let raised = crate::safety_note::after_editing(app, &joined(&e.answers), &new_text)?;
    crate::decision_note::after_saving(app, e.number, e.session, e.at, &new_text, raised);
    Ok(())
}

/// Answers written from standard input have no prompt; give the form a heading anyway.
fn heading(prompt: &str, key: &str) -> String {
    if prompt.is_empty() {
        if key == "text" {
            "Entry".to_string()
        } else {
            key.to_string()
        }
    } else {
        prompt.to_string()
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

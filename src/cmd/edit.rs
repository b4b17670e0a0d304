//! `kapj edit ID`: the entry in the editor, as the same form `write --editor` uses.

use anyhow::Result;

use crate::app::App;
use crate::cmd::{find_entry, parse_mood};
use crate::domain::{Answer, NewEntry};
use crate::editor::{self, Section};
use crate::error::user_hint;
use crate::render;
use crate::templates;

pub fn run(app: &mut App, id: &str) -> Result<()> {
    let e = find_entry(app, id)?;
    let tpl = templates::load(&app.home, e.phase)?;
    // The entry's own answers first (with the prompts they were written
    // against), then the template's unanswered prompts, then the mood.
    let mut secs: Vec<Section> = e
        .answers
        .iter()
        .map(|a| Section {
            key: a.key.clone(),
            heading: heading(&a.prompt, &a.key),
            text: a.text.clone(),
        })
        .collect();
    for p in &tpl.prompts {
        if !secs.iter().any(|s| s.key == p.key) {
            secs.push(Section {
                key: p.key.clone(),
                heading: p.text.clone(),
                text: String::new(),
            });
        }
    }
    secs.push(Section {
        key: "mood".into(),
        heading: "Mood, from 0 to 10 (optional)".into(),
        text: e.mood.map(|m| m.to_string()).unwrap_or_default(),
    });
    let title = format!(
        "Entry {} — {}, {}",
        e.number,
        e.phase.label(),
        render::day_time(e.at)
    );
    let initial = editor::form(&title, &secs);
    let content = match editor::edit(&app.home, &initial)? {
        Ok(c) => c,
        Err(f) => {
            let kept = if f.content != initial && !f.content.trim().is_empty() {
                let path = app
                    .home
                    .join("drafts")
                    .join(format!("edit-{}.md", e.number));
                std::fs::create_dir_all(app.home.join("drafts"))?;
                std::fs::write(&path, &f.content)?;
                format!(" Your edited text is kept in {}.", path.display())
            } else {
                String::new()
            };
            return Err(user_hint(
                format!(
                    "{}; entry {} is unchanged.{kept}",
                    capital(&f.why),
                    e.number
                ),
                "Set VISUAL or EDITOR to an editor that works here (for example EDITOR=nano).",
            ));
        }
    };
    if content == initial {
        app.line(format!("No changes; entry {} is as it was.", e.number));
        return Ok(());
    }
    let mut mood = None;
    let mut answers = Vec::new();
    for (key, text) in editor::parse_form(&content, &secs) {
        if key == "mood" {
            if !text.trim().is_empty() {
                mood = Some(parse_mood(&text)?);
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
    if answers.is_empty() {
        return Err(user_hint(
            format!(
                "The edited entry {} has no text left, so it was not changed.",
                e.number
            ),
            format!("To remove it, use `kapj delete {}`.", e.number),
        ));
    }
    let updated = NewEntry {
        phase: Some(e.phase),
        answers: answers.clone(),
        ..NewEntry::default()
    };
    let mut extras = super::write::extras_for(&updated);
    extras.actions.clear();
    app.store()?
        .update_entry(e.number, &answers, mood, &extras)?;
    app.line(format!("Updated entry {}.", e.number));
    let joined = |a: &[Answer]| {
        a.iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    super::safety::after_editing(app, &joined(&e.answers), &joined(&answers))
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

//! `kapj write PHASE`: guided prompts on a terminal, the editor form,
//! `--answer KEY=TEXT`, or standard input. Guided and editor writes keep a
//! draft on disk until the entry is safely in the store.

use std::io::{IsTerminal, Read};
use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::Input;

use crate::app::App;
use crate::cli::WriteArgs;
use crate::clock::Clock;
use crate::cmd::{normalise_tag, parse_mood, parse_phase, parse_when, session_number};
use crate::domain::{Answer, NewEntry, Phase};
use crate::drafts::{Draft, Typing};
use crate::editor::{self, Section};
use crate::error::{user, user_hint, UserError};
use crate::render;
use crate::store::EntryExtras;
use crate::templates::{self, Template};
use crate::textbox;

pub fn run(app: &mut App, a: WriteArgs) -> Result<()> {
    let mut draft = if a.resume {
        resume_draft(app, &a)?
    } else {
        new_draft(app, &a)?
    };
    let tpl = templates::load(&app.home, draft.phase)?;

    if !a.answers.is_empty() {
        draft.answers = answers_from_args(&a.answers, &tpl, draft.phase)?;
    } else if a.editor {
        editor_write(app, &mut draft, &tpl)?;
    } else if !std::io::stdin().is_terminal() {
        if a.resume {
            return Err(user_hint(
                "Resuming a draft needs a terminal.",
                "Run `kapj write --resume` in a terminal, or add --editor to continue it in your editor.",
            ));
        }
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|_| user("Standard input could not be read as text (UTF-8)."))?;
        draft.answers = vec![Answer {
            key: "text".into(),
            prompt: String::new(),
            text: text.trim_end().to_string(),
        }];
    } else {
        if !a.resume {
            mention_unfinished(app, draft.phase)?;
        }
        guided(app, &mut draft, &tpl)?;
    }
    save(app, draft)
}

/// Before a new guided entry: an unfinished one of the same phase is
/// mentioned, so drafts do not pile up unseen.
fn mention_unfinished(app: &mut App, phase: Phase) -> Result<()> {
    let same: Vec<Draft> = app
        .drafts()?
        .into_iter()
        .filter(|d| d.edit_of.is_none() && d.phase == phase && d.has_words())
        .collect();
    let note = match same.as_slice() {
        [] => return Ok(()),
        [d] => format!(
            "You have an unfinished {} entry from {}; `kapj write --resume` continues it. This starts a new one.",
            phase.label(),
            render::day_time(DateTime::parse_from_rfc3339(&d.at).unwrap_or(app.clock.now()))
        ),
        more => format!(
            "You have {} unfinished {} entries; `kapj write --resume` continues one. This starts a new one.",
            more.len(),
            phase.label()
        ),
    };
    crate::term_text::eprint_wrapped(&note, "");
    Ok(())
}

fn new_draft(app: &mut App, a: &WriteArgs) -> Result<Draft> {
    let phase = match a.phase.as_deref() {
        Some(p) => parse_phase(p)?,
        None => phase_due_now(app)?,
    };
    let at = match &a.at {
        Some(w) => parse_when(w, &app.clock)?.at(&app.clock),
        None => app.clock.now(),
    };
    let mood = a.mood.as_deref().map(parse_mood).transpose()?;
    let session = match &a.session {
        Some(s) => Some(session_number(app, s)?.0.number),
        None => default_session(app, phase, at)?,
    };
    let now = app.clock.now();
    // Read now, while the journal opens: a draft of an encrypted journal is
    // sealed with it, even if the journal cannot be written later.
    let key = app.drafts_key()?;
    Ok(Draft {
        path: Draft::new_path(&app.home, &now.to_rfc3339(), key.is_some()),
        key,
        phase,
        session,
        at: at.to_rfc3339(),
        mood,
        tags: a
            .tags
            .iter()
            .map(|t| normalise_tag(t))
            .filter(|t| !t.is_empty())
            .collect(),
        feelings: Vec::new(),
        private: a.private,
        answers: Vec::new(),
        asked_mood: mood.is_some(),
        asked_feelings: false,
        saved_at: now.to_rfc3339(),
        edit_of: None,
        form: None,
        typing: None,
    })
}

/// `kapj write` without a phase: the phase due now, from the same rule as
/// `kapj status` (when it is already written, another entry for it; with no
/// session yet, an intention). Says which on stderr, so piped text and
/// `--answer` still work and stdout stays the saved line.
fn phase_due_now(app: &mut App) -> Result<Phase> {
    let due = super::due::compute(app)?.due;
    let phase = due.write.or(due.stage.phase()).unwrap_or(Phase::Intention);
    eprintln!(
        "Writing {}, the phase due now. For another: kapj write PHASE",
        phase.label()
    );
    Ok(phase)
}

/// Intention: the next planned session, else the most recent. Others: the
/// most recent session at or before the entry's time.
fn default_session(app: &mut App, phase: Phase, at: DateTime<FixedOffset>) -> Result<Option<i64>> {
    let store = app.store()?;
    let found = match phase {
        Phase::Intention => match store.session_after(at)? {
            Some(s) => Some(s),
            None => store.session_at_or_before(at)?,
        },
        _ => store.session_at_or_before(at)?,
    };
    Ok(found.map(|(s, _)| s.number))
}

fn resume_draft(app: &mut App, a: &WriteArgs) -> Result<Draft> {
    let wanted = a.phase.as_deref().map(parse_phase).transpose()?;
    let mut all = app.drafts()?;
    // An unfinished edit is continued by `kapj edit N`, not as a new entry.
    let edit = all.iter().find_map(|d| d.edit_of);
    all.retain(|d| d.edit_of.is_none() && wanted.is_none_or(|p| d.phase == p));
    if all.is_empty() {
        return Err(user_hint(
            "There is no unfinished entry to resume.",
            match edit {
                Some(n) => format!("`kapj edit {n}` continues your unfinished edit of entry {n}."),
                None => "Start one with `kapj write PHASE`.".to_string(),
            },
        ));
    }
    // Several: the person chooses at a terminal; elsewhere the newest, as
    // scripts have always had it (`kapj drafts` shows the others).
    let chosen = if all.len() > 1 && a.answers.is_empty() && crate::app::interactive() {
        choose_draft(app, &all)?
    } else {
        0
    };
    let mut d = all.swap_remove(chosen);
    if let Some(m) = a.mood.as_deref() {
        d.mood = Some(parse_mood(m)?);
        d.asked_mood = true;
    }
    d.tags.extend(a.tags.iter().map(|t| normalise_tag(t)));
    d.private |= a.private;
    // The store must still have its session; if it went away, keep the entry unattached.
    if let Some(n) = d.session {
        if app.store()?.session_by_number(n)?.is_none() {
            d.session = None;
        }
    }
    if app.store().is_ok() {
        crate::term_text::eprint_wrapped(
            &format!(
                "Continuing your {} entry from {}.",
                d.phase.label(),
                render::day_time(DateTime::parse_from_rfc3339(&d.at).unwrap_or(app.clock.now()))
            ),
            "",
        );
    }
    let kept: Vec<&Answer> = d
        .answers
        .iter()
        .filter(|x| !x.text.trim().is_empty())
        .collect();
    if !kept.is_empty() {
        eprintln!("Your answers so far:");
        for x in kept {
            crate::term_text::eprint_wrapped(&format!("  {}", x.prompt), "  ");
            for para in x.text.split('\n') {
                crate::term_text::eprint_wrapped(&format!("    {para}"), "    ");
            }
        }
    }
    Ok(d)
}

/// A short menu of drafts, newest first; each line fits the terminal.
fn choose_draft(app: &App, all: &[Draft]) -> Result<usize> {
    let now = app.clock.now();
    let width = console::Term::stderr().size().1 as usize;
    let items: Vec<String> = all
        .iter()
        .map(|d| {
            let line = super::drafts::short(d, now);
            console::truncate_str(&line, width.saturating_sub(4).max(20), "…").into_owned()
        })
        .collect();
    crate::app::ctrl_c_ends_prompts();
    let _keys = textbox::KeysHeld::hold();
    dialoguer::Select::with_theme(theme(app).as_ref())
        .with_prompt("Which one?")
        .items(&items)
        .default(0)
        .max_length(8)
        // The menu goes once chosen: "Continuing your … entry" says which,
        // and "Which one? · " before a menu line would not fit the window.
        .report(false)
        .interact_on(&console::Term::stderr())
        .map_err(|_| {
            crate::app::after_stopped_prompt();
            UserError::new("Nothing was chosen; every draft is kept.")
                .code(130)
                .into()
        })
}

fn answers_from_args(args: &[String], tpl: &Template, phase: Phase) -> Result<Vec<Answer>> {
    let mut out: Vec<Answer> = Vec::new();
    for raw in args {
        let (key, text) = raw.split_once('=').ok_or_else(|| {
            user(format!(
                "--answer takes KEY=TEXT, for example --answer body=\"warm hands\"; got \"{raw}\"."
            ))
        })?;
        let key = key.trim();
        let prompt = tpl.prompts.iter().find(|p| p.key == key).ok_or_else(|| {
            let keys: Vec<&str> = tpl.prompts.iter().map(|p| p.key.as_str()).collect();
            user_hint(
                format!("\"{key}\" is not a question of the {} phase.", phase.key()),
                format!("Its keys are: {}.", keys.join(", ")),
            )
        })?;
        match out.iter_mut().find(|a| a.key == key) {
            Some(a) => {
                a.text.push('\n');
                a.text.push_str(text);
            }
            None => out.push(Answer {
                key: key.into(),
                prompt: prompt.text.clone(),
                text: text.to_string(),
            }),
        }
    }
    // Keep the template's order, whatever order the flags came in.
    out.sort_by_key(|a| tpl.prompts.iter().position(|p| p.key == a.key));
    Ok(out)
}

fn theme(app: &App) -> Box<dyn Theme> {
    if app.color && std::io::stderr().is_terminal() {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    }
}

fn interrupted(_: dialoguer::Error) -> anyhow::Error {
    crate::app::after_stopped_prompt();
    stopped()
}

fn stopped() -> anyhow::Error {
    UserError::new("Stopped before the end. Your answers so far are kept as a draft.")
        .hint("`kapj write --resume` continues where you left off.")
        .code(130)
        .into()
}

/// What the answer box asks of the write: keep the draft current while an
/// answer is typed, and run the editor on one answer.
struct AnswerHost<'a> {
    home: &'a Path,
    draft: &'a mut Draft,
    key: &'a str,
    clock: Clock,
}

impl textbox::Host for AnswerHost<'_> {
    fn checkpoint(&mut self, model: &textbox::Model) -> Result<()> {
        self.draft.typing = Some(Typing {
            key: self.key.to_string(),
            text: model.text().to_string(),
            cursor: model.cursor(),
        });
        keep(self.draft, self.clock)
    }

    /// The editor opens a small form with the question as its heading, so
    /// the person sees what they are answering; the answer comes back into
    /// the box. If the form's marker line was removed, the whole file is the
    /// answer: nothing typed in the editor is dropped.
    fn edit(&mut self, question: &str, text: &str) -> Result<std::result::Result<String, String>> {
        let sections = [Section {
            key: self.key.to_string(),
            heading: question.to_string(),
            text: text.to_string(),
        }];
        let form = editor::form("Your answer", &sections);
        Ok(match editor::edit(self.home, &form)? {
            Ok(content) => Ok(editor::parse_form(&content, &sections)
                .into_iter()
                .find(|(k, _)| k == self.key)
                .map(|(_, t)| t)
                .unwrap_or_else(|| content.trim().to_string())),
            Err(failed) => {
                let mut why = failed.why;
                if let Some(first) = why.get(..1) {
                    why = first.to_uppercase() + &why[1..];
                }
                Err(why)
            }
        })
    }
}

/// Saves the draft, noting when it was last written (for `kapj drafts`,
/// status and the resume menu, which lists the most recent first).
fn keep(draft: &mut Draft, clock: Clock) -> Result<()> {
    draft.saved_at = clock.now().to_rfc3339();
    draft.save()
}

/// One prompt at a time; the draft is saved after every answer, and while
/// an answer is being typed.
fn guided(app: &mut App, draft: &mut Draft, tpl: &Template) -> Result<()> {
    crate::app::ctrl_c_ends_prompts();
    let theme = theme(app);
    let term = console::Term::stderr();
    let color = app.color && std::io::stderr().is_terminal();
    let mut transcript = textbox::Transcript::default();
    if draft.answers.is_empty() {
        eprintln!("{}", app_bold(app, &tpl.title));
        transcript.text(&tpl.title, true);
        if !tpl.intro.is_empty() {
            crate::term_text::eprint_wrapped(&tpl.intro, "");
            transcript.text(&tpl.intro, false);
        }
        if !textbox::usable() {
            // The box's own hint line says the keys; a plain line says them here.
            crate::term_text::eprint_wrapped(
                "(Enter skips a question. Type \\e to write a longer answer in your editor.)",
                "",
            );
        }
    }
    for a in draft.answers.iter().filter(|a| !a.text.trim().is_empty()) {
        transcript.answered(&a.prompt, Some(&a.text));
    }
    keep(draft, app.clock)?;
    let mode = if draft.phase == Phase::Free {
        textbox::Mode::Page
    } else {
        textbox::Mode::Answer
    };
    for p in &tpl.prompts {
        if draft.answers.iter().any(|a| a.key == p.key) {
            continue;
        }
        let start = match draft.typing.take_if(|t| t.key == p.key) {
            Some(t) => textbox::Model::new(&t.text, t.cursor),
            None => textbox::Model::default(),
        };
        let home = app.home.clone();
        let mut host = AnswerHost {
            home: &home,
            draft,
            key: &p.key,
            clock: app.clock,
        };
        let text = match textbox::ask(&p.text, mode, color, start, &mut transcript, &mut host)? {
            textbox::Outcome::Saved(text) => text,
            textbox::Outcome::Skipped => String::new(),
            textbox::Outcome::Stopped(model) => {
                draft.typing = (!model.text().is_empty()).then(|| Typing {
                    key: p.key.clone(),
                    text: model.text().to_string(),
                    cursor: model.cursor(),
                });
                keep(draft, app.clock)?;
                return Err(stopped());
            }
        };
        draft.typing = None;
        draft.answers.push(Answer {
            key: p.key.clone(),
            prompt: p.text.clone(),
            text,
        });
        keep(draft, app.clock)?;
    }
    if let (Some(q), false) = (&tpl.mood, draft.asked_mood) {
        // The question is printed wrapped and the prompt line kept short:
        // dialoguer redraws a prompt wider than the window over a stale row.
        crate::term_text::eprint_wrapped(q, "");
        let _keys = textbox::KeysHeld::hold();
        let m: String = Input::with_theme(theme.as_ref())
            .with_prompt("Your number")
            .allow_empty(true)
            .validate_with(|s: &String| -> Result<(), &str> {
                if s.trim().is_empty() || parse_mood(s).is_ok() {
                    Ok(())
                } else {
                    Err("a number from 0 to 10, or Enter to skip")
                }
            })
            .interact_text_on(&term)
            .map_err(interrupted)?;
        draft.mood = if m.trim().is_empty() {
            None
        } else {
            Some(parse_mood(&m)?)
        };
        draft.asked_mood = true;
        keep(draft, app.clock)?;
    }
    if tpl.feelings && !draft.asked_feelings {
        if let Err(e) = crate::feelings_picker::pick(&term, &mut draft.feelings) {
            // The feelings chosen so far stay with the draft.
            keep(draft, app.clock)?;
            return Err(interrupted(e.into()));
        }
        draft.asked_feelings = true;
        keep(draft, app.clock)?;
    }
    Ok(())
}

fn app_bold(app: &App, s: &str) -> String {
    if app.color && std::io::stderr().is_terminal() {
        format!("\x1b[1m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn form_sections(draft: &Draft, tpl: &Template) -> Vec<Section> {
    // The mood comes first: text added at the end of the form then lands
    // in the last answer, never in the mood.
    let mut secs: Vec<Section> = Vec::new();
    if tpl.mood.is_some() || draft.mood.is_some() {
        secs.push(editor::mood_section(draft.mood));
    }
    secs.extend(tpl.prompts.iter().map(|p| {
        Section {
            key: p.key.clone(),
            heading: p.text.clone(),
            text: draft
                .answers
                .iter()
                .find(|a| a.key == p.key)
                .map(|a| a.text.clone())
                .unwrap_or_default(),
        }
    }));
    // A draft may hold answers to prompts the template no longer has: keep them.
    for a in &draft.answers {
        if !secs.iter().any(|s| s.key == a.key) {
            secs.push(Section {
                key: a.key.clone(),
                heading: a.prompt.clone(),
                text: a.text.clone(),
            });
        }
    }
    secs
}

fn editor_write(app: &mut App, draft: &mut Draft, tpl: &Template) -> Result<()> {
    // An answer left mid-typing goes into the form with the others.
    if let Some(t) = draft.typing.take() {
        if !draft.answers.iter().any(|a| a.key == t.key) {
            let prompt = tpl
                .prompts
                .iter()
                .find(|p| p.key == t.key)
                .map(|p| p.text.clone())
                .unwrap_or_default();
            draft.answers.push(Answer {
                key: t.key,
                prompt,
                text: t.text,
            });
        }
    }
    let secs = form_sections(draft, tpl);
    let title = format!(
        "{} — {}",
        tpl.title,
        draft.at.get(..16).unwrap_or(&draft.at).replace('T', " ")
    );
    // A form kept from an earlier try opens as it was left, unless answers
    // were written since (a guided resume), which the fresh form shows.
    let mut text = draft
        .form
        .clone()
        .filter(|f| non_empty(&read_form(f, &secs).0) == non_empty(&draft.answers))
        .unwrap_or_else(|| editor::form(&title, &secs));
    loop {
        let (content, failed) = match editor::edit(&app.home, &text)? {
            Ok(c) => (c, None),
            Err(f) => (f.content.clone(), Some(f)),
        };
        let (answers, mood_text) = read_form(&content, &secs);
        draft.answers = answers;
        draft.form = Some(content.clone());
        if let Some(f) = failed {
            let kept = draft.has_words() || !mood_text.trim().is_empty();
            if kept {
                keep(draft, app.clock)?;
            }
            return Err(editor::failed_error(&f, kept));
        }
        if mood_text.trim().is_empty() {
            return Ok(());
        }
        if let Ok(v) = parse_mood(&mood_text) {
            draft.mood = Some(v);
            return Ok(());
        }
        let problem = format!(
            "Mood is a whole number from 0 to 10, not \"{}\".",
            render::first_line(&mood_text, 40)
        );
        if crate::app::interactive() && {
            crate::term_text::eprint_wrapped(&problem, "");
            editor::offer_to_reopen()?
        } {
            text = editor::with_note(&content, &problem);
            continue;
        }
        draft.form = Some(editor::with_note(&content, &problem));
        keep(draft, app.clock)?;
        return Err(user_hint(
            format!("{problem} Nothing was saved to the journal."),
            "What you wrote is kept as a draft: `kapj write --resume --editor` continues it.",
        ));
    }
}

/// The answers of a filled form (prompts from the sections) and the text
/// of its mood section.
fn read_form(content: &str, secs: &[Section]) -> (Vec<Answer>, String) {
    let mut mood = String::new();
    let mut answers = Vec::new();
    for (key, text) in editor::parse_form(content, secs) {
        if key == "mood" {
            mood = text;
            continue;
        }
        let prompt = secs
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.heading.clone())
            .unwrap_or_default();
        answers.push(Answer { key, prompt, text });
    }
    (answers, mood)
}

fn non_empty(answers: &[Answer]) -> Vec<Answer> {
    answers
        .iter()
        .filter(|a| !a.text.trim().is_empty())
        .cloned()
        .collect()
}

/// Puts the entry in the store, then removes the draft, then shows what is next.
fn save(app: &mut App, mut draft: Draft) -> Result<()> {
    // An unfinished answer whose question is no longer asked (the template
    // changed) still belongs to the entry.
    if let Some(t) = draft.typing.take() {
        if !draft.answers.iter().any(|a| a.key == t.key) {
            draft.answers.push(Answer {
                key: t.key,
                prompt: String::new(),
                text: t.text,
            });
        }
    }
    let answers: Vec<Answer> = draft
        .answers
        .iter()
        .filter(|a| !a.text.trim().is_empty())
        .cloned()
        .collect();
    if answers.is_empty() {
        draft.remove();
        return Err(user("Nothing was written, so nothing was saved."));
    }
    let at = DateTime::parse_from_rfc3339(&draft.at).unwrap_or(app.clock.now());
    let session_row = match draft.session {
        Some(n) => app.store()?.session_by_number(n)?.map(|(_, row)| row),
        None => None,
    };
    let entry = NewEntry {
        id: None,
        phase: Some(draft.phase),
        session_row,
        at: Some(at),
        mood: draft.mood,
        tags: draft.tags.clone(),
        feelings: draft.feelings.clone(),
        private: draft.private,
        answers,
    };
    let extras = EntryExtras::for_entry(&entry);
    let saved = app
        .store()
        .and_then(|store| store.add_entry(&entry, &extras));
    let number = match saved {
        Ok(n) => n,
        Err(e) => {
            // Whatever went wrong (a busy journal, a full disk), the words
            // are kept: piped and --answer text has no draft of its own yet.
            if keep(&mut draft, app.clock).is_ok() {
                eprintln!("What you wrote is kept as a draft: `kapj write --resume` continues it.");
            }
            return Err(e);
        }
    };
    draft.remove();

    let session = draft
        .session
        .map(|n| format!(", session {n}"))
        .unwrap_or_default();
    app.line(format!(
        "Saved entry {number} ({}{session}).",
        draft.phase.label()
    ));
    if !extras.actions.is_empty() {
        app.para(
            "Your action is noted; `kapj actions` lists it, and you can mark it done when it is.",
        );
    }
    let text = entry
        .answers
        .iter()
        .map(|a| a.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    // What comes next, from the same rule `kapj status` uses.
    if let Some(hint) = super::due::compute(app)
        .ok()
        .and_then(|now| super::due::hint(&now.due))
    {
        app.para(hint);
    }
    let raised = crate::safety_note::after_writing(app, &text)?;
    crate::decision_note::after_saving(app, number, draft.session, at, &text, raised);
    Ok(())
}

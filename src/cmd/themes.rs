//! `kapj themes hide|keep|merge|list|reset|show`: the client steers the
//! themes review shows. Choices are matched by stems (see
//! [`crate::themes::key_of`]); `show` has [`crate::review::history`] trace
//! one theme through time.

use anyhow::Result;

use crate::app::App;
use crate::cli::ThemesCommand;
use crate::error::user;
use crate::render;
use crate::store::{Choice, MergedTheme, NamedTheme, ThemeChoices};
use crate::themes::{self, NameProblem};

pub fn run(app: &mut App, c: ThemesCommand) -> Result<()> {
    match c {
        ThemesCommand::Hide { theme } => hide(app, &theme.join(" ")),
        ThemesCommand::Keep { theme } => keep(app, &theme.join(" ")),
        ThemesCommand::Merge { themes, name } => merge(app, &themes, name.as_deref()),
        ThemesCommand::List => list(app),
        ThemesCommand::Reset { theme } => reset(app, &theme.join(" ")),
        ThemesCommand::Show { theme } => show(app, &theme.join(" ")),
    }
}

/// A theme as the client typed it, with its key; one plain sentence when it
/// cannot be a theme.
pub(crate) fn named(text: &str) -> Result<NamedTheme> {
    let name = themes::tidy_name(text);
    match themes::key_of(&name) {
        Ok(key) => Ok(NamedTheme { key, name }),
        Err(NameProblem::Empty) => Err(user(
            "A theme needs a word, for example: kapj themes keep tightness",
        )),
        Err(NameProblem::TooLong) => Err(user(format!(
            "“{name}” is too long for a theme (at most {} words).",
            themes::MAX_NAME_WORDS
        ))),
        Err(NameProblem::NotCounted) => Err(user(format!(
            "“{name}” is too short or too common to be a theme; choose a more particular word."
        ))),
    }
}

fn hide(app: &mut App, text: &str) -> Result<()> {
    let theme = named(text)?;
    let choices = app.store()?.theme_choices()?;
    if let Some(k) = choices.kept.iter().find(|k| k.key == theme.key) {
        return Err(user(format!(
            "“{}” is kept, so it was not hidden; first run: kapj themes reset {}",
            k.name, k.name
        )));
    }
    if let Some(g) = merged_with(&choices, &theme.key) {
        return Err(user(format!(
            "“{}” is merged into “{}”; to hide it: kapj themes reset {}",
            theme.name, g.name, theme.name
        )));
    }
    if choices.hidden.iter().any(|h| h.key == theme.key) {
        app.line(format!("“{}” is already hidden.", theme.name));
        return Ok(());
    }
    let now = app.clock.now();
    app.store()?.set_theme_choice(&theme, Choice::Hide, now)?;
    app.line(format!(
        "Hidden: “{}”. Review will not show it; its words stay searchable.",
        theme.name
    ));
    Ok(())
}

fn keep(app: &mut App, text: &str) -> Result<()> {
    let theme = named(text)?;
    let choices = app.store()?.theme_choices()?;
    if let Some(h) = choices.hidden.iter().find(|h| h.key == theme.key) {
        return Err(user(format!(
            "“{}” is hidden, so it was not kept; first run: kapj themes reset {}",
            h.name, h.name
        )));
    }
    if choices.kept.iter().any(|k| k.key == theme.key) {
        app.line(format!("“{}” is already kept.", theme.name));
        return Ok(());
    }
    let now = app.clock.now();
    app.store()?.set_theme_choice(&theme, Choice::Keep, now)?;
    app.line(format!(
        "Kept: “{}”. Review shows it first whenever it appears.",
        theme.name
    ));
    if !written(app, &theme.key)? {
        app.line(format!(
            "“{}” is not in any entry yet; review will show it once it is.",
            theme.name
        ));
    }
    Ok(())
}

fn merge(app: &mut App, texts: &[String], name: Option<&str>) -> Result<()> {
    let mut members: Vec<NamedTheme> = Vec::new();
    for t in texts {
        let theme = named(t)?;
        if let Some(same) = members.iter().find(|m| m.key == theme.key) {
            return Err(if same.name == theme.name {
                user(format!(
                    "“{}” is named twice; a merge needs two different themes.",
                    theme.name
                ))
            } else {
                user(format!(
                    "“{}” and “{}” are one theme already (the same word to kapj).",
                    same.name, theme.name
                ))
            });
        }
        members.push(theme);
    }
    let shown_as = match name {
        Some(n) => Some(named(n)?.name),
        None => None,
    };
    let choices = app.store()?.theme_choices()?;
    if let Some(h) = members
        .iter()
        .find_map(|m| choices.hidden.iter().find(|h| h.key == m.key))
    {
        return Err(user(format!(
            "“{}” is hidden, so nothing was merged; first run: kapj themes reset {}",
            h.name, h.name
        )));
    }
    // Groups these themes already belong to join the new one.
    let mut absorbed: Vec<&MergedTheme> = Vec::new();
    for g in &choices.merged {
        let touches = g
            .members
            .iter()
            .any(|m| members.iter().any(|n| n.key == m.key))
            || shown_as.as_deref() == Some(g.name.as_str());
        if touches {
            absorbed.push(g);
        }
    }
    let group_name = match (&shown_as, absorbed.as_slice()) {
        (Some(n), _) => n.clone(),
        (None, [only]) => only.name.clone(),
        _ => members[0].name.clone(),
    };
    let mut all: Vec<NamedTheme> = Vec::new();
    for m in absorbed
        .iter()
        .flat_map(|g| g.members.iter())
        .chain(&members)
    {
        if !all.iter().any(|a| a.key == m.key) {
            all.push(m.clone());
        }
    }
    let group = MergedTheme {
        name: group_name,
        members: all,
    };
    let absorbed_names: Vec<String> = absorbed.iter().map(|g| g.name.clone()).collect();
    let now = app.clock.now();
    app.store()?.merge_themes(&group, &absorbed_names, now)?;
    let names: Vec<&str> = group.members.iter().map(|m| m.name.as_str()).collect();
    app.line(format!(
        "Merged: {}. Review counts them as one theme, “{}”.",
        names.join(", "),
        group.name
    ));
    let mut unwritten = Vec::new();
    for m in &members {
        if !written(app, &m.key)? {
            unwritten.push(m.name.as_str());
        }
    }
    if !unwritten.is_empty() {
        app.line(format!(
            "Not in any entry yet: {}; counted once written.",
            unwritten.join(", ")
        ));
    }
    Ok(())
}

fn list(app: &mut App) -> Result<()> {
    let choices = app.store()?.theme_choices()?;
    if app.json {
        app.json_out(&render::themes::choices_json(&choices));
        return Ok(());
    }
    render::themes::print_choices(app, &choices);
    Ok(())
}

fn reset(app: &mut App, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        let counts = app.store()?.reset_all_themes()?;
        app.line(if counts.is_empty() {
            "There were no choices to undo.".to_string()
        } else {
            format!(
                "Undone: every choice ({} hidden, {} kept, {} merged). Review ranks all themes again.",
                counts.hidden, counts.kept, counts.merged
            )
        });
        return Ok(());
    }
    let theme = named(text)?;
    let choices = app.store()?.theme_choices()?;
    let group = choices
        .merged
        .iter()
        .find(|g| {
            g.name == theme.name || themes::key_of(&g.name).ok().as_deref() == Some(&theme.key)
        })
        .map(|g| g.name.clone());
    let counts = app
        .store()?
        .reset_theme(std::slice::from_ref(&theme.key), group.as_deref())?;
    if counts.is_empty() {
        app.line(format!("Nothing was chosen for “{}”.", theme.name));
        return Ok(());
    }
    let mut undone = Vec::new();
    if counts.hidden > 0 {
        undone.push("no longer hidden".to_string());
    }
    if counts.kept > 0 {
        undone.push("no longer kept".to_string());
    }
    if let Some(g) = &group {
        undone.push(format!("“{g}” is no longer merged"));
    } else if counts.merged > 0 {
        undone.push("taken out of its merge".to_string());
    }
    app.line(format!("“{}”: {}.", theme.name, undone.join("; ")));
    Ok(())
}

fn show(app: &mut App, text: &str) -> Result<()> {
    let theme = named(text)?;
    let choices = app.store()?.theme_choices()?;
    let history = crate::review::history::trace(app, &theme, &choices)?;
    let Some(history) = history else {
        return Err(user(format!(
            "“{}” is not in any entry; kapj search finds words by their text.",
            theme.name
        )));
    };
    if app.json {
        app.json_out(&render::themes::history_json(&history));
    } else {
        render::themes::print_history(app, &history);
    }
    Ok(())
}

/// The group a key is merged into, by member or by the group's own name.
fn merged_with<'a>(choices: &'a ThemeChoices, key: &str) -> Option<&'a MergedTheme> {
    choices.group_of(key).or_else(|| {
        choices
            .merged
            .iter()
            .find(|g| themes::key_of(&g.name).ok().as_deref() == Some(key))
    })
}

/// Whether any entry uses this key.
fn written(app: &mut App, key: &str) -> Result<bool> {
    let store = app.store()?;
    // Best effort: when it cannot be brought up to date just now, the
    // index still knows every entry but the newest.
    store.index_pending()?;
    Ok(store.term_entries(key)? > 0)
}

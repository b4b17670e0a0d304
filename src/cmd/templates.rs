//! `kapj templates list|show|copy|check|path`.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use anyhow::Result;

use crate::app::App;
use crate::cli::{TemplatesArgs, TemplatesCommand};
use crate::cmd::parse_phase;
use crate::domain::Phase;
use crate::error::{user, user_hint};
use crate::templates::{self, Kind};
use crate::text::pad;

pub fn run(app: &mut App, a: TemplatesArgs) -> Result<()> {
    match a.command.unwrap_or(TemplatesCommand::List) {
        TemplatesCommand::List => {
            for p in Phase::ALL {
                let Ok(t) = templates::load(&app.home, p) else {
                    app.line(format!(
                        "{:<11} your template has problems: kapj templates check {}",
                        p.key(),
                        p.key()
                    ));
                    continue;
                };
                let source = match &t.source {
                    Some(path) => path.display().to_string(),
                    None => "built in".into(),
                };
                app.line(format!(
                    "{:<11} {} {}  ({source})",
                    p.key(),
                    pad(&t.title, 22),
                    crate::render::count(t.prompts.len(), "question", "questions")
                ));
            }
        }
        TemplatesCommand::Show { phase } => {
            let p = parse_phase(&phase)?;
            let t = templates::load(&app.home, p)?;
            app.line(app.bold(&t.title));
            if !t.intro.is_empty() {
                app.line(&t.intro);
            }
            for q in &t.prompts {
                app.line(format!("  {} {}", pad(&q.key, 14), q.text));
            }
            if let Some(m) = &t.mood {
                app.line(format!("  {:<14} {m}", "(mood)"));
            }
            if t.feelings {
                app.line(format!(
                    "  {:<14} a list of feeling words to choose from",
                    "(feelings)"
                ));
            }
        }
        TemplatesCommand::Copy { phase, force } => copy(app, &phase, force)?,
        TemplatesCommand::Check { target } => check(app, target.as_deref())?,
        TemplatesCommand::Path => {
            let dir = templates::dir(&app.home);
            app.line(dir.display().to_string());
            // Only the path on stdout, so `cd "$(kapj templates path)"` works.
            eprintln!(
                "A file there named PHASE.toml (for example reflection.toml) replaces that phase's built-in questions; `kapj templates show PHASE` shows them."
            );
        }
    }
    Ok(())
}

fn copy(app: &mut App, phase: &str, force: bool) -> Result<()> {
    let p = parse_phase(phase)?;
    let dir = templates::dir(&app.home);
    let path = dir.join(format!("{}.toml", p.key()));
    if path.exists() && !force {
        return Err(user_hint(
            format!(
                "You already have a {} template at {}; nothing was changed.",
                p.key(),
                path.display()
            ),
            "Change it there, or pass --force to start again from the built-in one.",
        ));
    }
    crate::app::ensure_home(&app.home)?;
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)))
        .and_then(|()| crate::atomic_file::write(&path, templates::builtin_text(p).as_bytes()));
    if let Err(e) = written {
        return Err(user(format!(
            "Could not write {}: {}.",
            path.display(),
            crate::store::plain_io(&e)
        )));
    }
    app.line(format!(
        "Copied the built-in {} template to {}",
        p.key(),
        path.display()
    ));
    app.para(format!(
        "Change its questions there; kapj uses it from now on. `kapj templates check {}` reads it as kapj will. Entries already written keep their questions.",
        p.key()
    ));
    Ok(())
}

/// One template file to check, and the phase it is for (when its name says).
struct ToCheck {
    path: PathBuf,
    phase: Option<Phase>,
    /// Why kapj does not use the file, when its name is not a phase's.
    unused: Option<String>,
}

fn check(app: &mut App, target: Option<&str>) -> Result<()> {
    let dir = templates::dir(&app.home);
    let files = match target {
        None => {
            let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map(|rd| {
                    rd.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                        .collect()
                })
                .unwrap_or_default();
            names.sort();
            if names.is_empty() {
                app.para("You have no templates of your own yet; every phase uses its built-in questions. `kapj templates copy PHASE` starts one.");
                return Ok(());
            }
            names.into_iter().map(|p| named(p, true)).collect()
        }
        Some(t) if !t.contains('/') && !t.ends_with(".toml") => {
            let p = parse_phase(t)?;
            let path = dir.join(format!("{}.toml", p.key()));
            if !path.exists() {
                app.para(format!(
                    "You have no {0} template of your own, so the built-in one is used. `kapj templates copy {0}` starts one.",
                    p.key()
                ));
                return Ok(());
            }
            vec![named(path, true)]
        }
        Some(file) => {
            let path = PathBuf::from(file);
            if !path.is_file() {
                return Err(user(format!("There is no file {file}.")));
            }
            let in_dir = path.parent().is_some_and(|d| same_dir(d, &dir));
            vec![named(path, in_dir)]
        }
    };
    let mut troubled = (0, false);
    for f in files {
        let text = match std::fs::read_to_string(&f.path) {
            Ok(t) => t,
            Err(e) => {
                app.line(format!(
                    "{}: could not be read: {}.",
                    f.path.display(),
                    crate::store::plain_io(&e)
                ));
                troubled = (troubled.0 + 1, true);
                continue;
            }
        };
        let found = templates::check(&text, f.phase);
        let refused = found.iter().any(|p| p.kind == Kind::Refused);
        let ignored = found.iter().any(|p| p.kind == Kind::Ignored);
        if refused {
            app.line(format!(
                "{}: kapj would not use it as it is",
                f.path.display()
            ));
        } else {
            let t: templates::Template = toml::from_str(&text).expect("checked above");
            let verdict = if ignored {
                "kapj uses it, passing over what is below"
            } else {
                "fine"
            };
            app.line(format!(
                "{}: {verdict}; {}{}{}",
                f.path.display(),
                crate::render::count(t.prompts.len(), "question", "questions"),
                if t.mood.is_some() { ", a mood" } else { "" },
                if t.feelings { ", feeling words" } else { "" }
            ));
        }
        if refused || ignored {
            troubled = (troubled.0 + 1, troubled.1 || refused);
        }
        for p in &found {
            let place = p.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            let note = if p.kind == Kind::Note { "note: " } else { "" };
            app.para(format!("  {note}{place}{}", p.message));
        }
        if let Some(why) = &f.unused {
            app.para(format!("  note: {why}"));
        }
    }
    match troubled {
        (0, _) => Ok(()),
        (n, true) => Err(user_hint(
            format!(
                "{} to fix; the lines above say where.",
                crate::render::count(n, "template", "templates")
            ),
            "Until it is fixed, `kapj write` for that phase stops; removing the file brings back the built-in questions.",
        )),
        (n, false) => Err(user(format!(
            "{} with something kapj passes over; the lines above say where.",
            crate::render::count(n, "template", "templates")
        ))),
    }
}

fn named(path: PathBuf, in_templates_dir: bool) -> ToCheck {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let phase = Phase::parse(&stem);
    let unused = match phase {
        Some(p) if in_templates_dir && stem != p.key() => Some(format!(
            "kapj looks for {}.toml; rename the file to use it.",
            p.key()
        )),
        None if in_templates_dir => Some(
            "the file name is not a phase, so kapj does not use it (intention.toml, reflection.toml, meaning.toml, embodiment.toml, free.toml).".into(),
        ),
        _ => None,
    };
    ToCheck {
        path,
        phase,
        unused,
    }
}

fn same_dir(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

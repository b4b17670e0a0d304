//! `kapj templates list|show|path`.

use anyhow::Result;

use crate::app::App;
use crate::cli::{TemplatesArgs, TemplatesCommand};
use crate::cmd::parse_phase;
use crate::domain::Phase;
use crate::templates;
use crate::text::pad;

pub fn run(app: &mut App, a: TemplatesArgs) -> Result<()> {
    match a.command.unwrap_or(TemplatesCommand::List) {
        TemplatesCommand::List => {
            for p in Phase::ALL {
                let t = templates::load(&app.home, p)?;
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

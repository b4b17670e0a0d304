//! Prompt templates: one TOML file per phase, built in, overridable by a file
//! of the same name in `<home>/templates/`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;

use crate::domain::Phase;
use crate::error::user_hint;

#[derive(Debug, Clone, Deserialize)]
pub struct Prompt {
    pub key: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Template {
    pub title: String,
    #[serde(default)]
    pub intro: String,
    /// The mood question, for phases that ask for one.
    #[serde(default)]
    pub mood: Option<String>,
    /// Whether the feelings picker is offered.
    #[serde(default)]
    pub feelings: bool,
    pub prompts: Vec<Prompt>,
    /// Where it came from: None for built-in.
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

pub fn builtin_text(phase: Phase) -> &'static str {
    match phase {
        Phase::Intention => include_str!("../templates/intention.toml"),
        Phase::Reflection => include_str!("../templates/reflection.toml"),
        Phase::Meaning => include_str!("../templates/meaning.toml"),
        Phase::Embodiment => include_str!("../templates/embodiment.toml"),
        Phase::Free => include_str!("../templates/free.toml"),
    }
}

pub fn builtin(phase: Phase) -> Template {
    toml::from_str(builtin_text(phase)).expect("built-in templates are valid (tested)")
}

pub fn dir(home: &Path) -> PathBuf {
    home.join("templates")
}

/// The template for a phase: the user's own copy if there is one, else built in.
pub fn load(home: &Path, phase: Phase) -> Result<Template> {
    let path = dir(home).join(format!("{}.toml", phase.key()));
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(builtin(phase)),
        Err(e) => {
            return Err(user_hint(
                format!(
                    "Could not read your template {}: {}.",
                    path.display(),
                    crate::store::plain_io(&e)
                ),
                "Fix the file or remove it to use the built-in one.",
            ))
        }
    };
    let mut t: Template = toml::from_str(&text).map_err(|e| {
        let msg = e.message().trim_end_matches('.').to_string();
        user_hint(
            format!("Your template {} could not be read: {msg}.", path.display()),
            "Fix the file or remove it to use the built-in one (kapj templates show PHASE prints it).",
        )
    })?;
    validate(&t, &path)?;
    t.source = Some(path);
    Ok(t)
}

fn validate(t: &Template, path: &Path) -> Result<()> {
    let bad = |why: String| {
        user_hint(
            format!("Your template {} {why}.", path.display()),
            "Fix the file or remove it to use the built-in one.",
        )
    };
    if t.prompts.is_empty() {
        return Err(bad("has no prompts".into()));
    }
    let mut seen = std::collections::HashSet::new();
    for p in &t.prompts {
        if p.key.trim().is_empty() || p.text.trim().is_empty() {
            return Err(bad("has a prompt with an empty key or text".into()));
        }
        if !seen.insert(p.key.as_str()) {
            return Err(bad(format!("uses the key \"{}\" twice", p.key)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse_and_keep_the_fixed_keys() {
        for p in Phase::ALL {
            let t = builtin(p);
            assert!(!t.prompts.is_empty(), "{p}");
        }
        assert!(builtin(Phase::Intention)
            .prompts
            .iter()
            .any(|p| p.key == "intention"));
        assert!(builtin(Phase::Embodiment)
            .prompts
            .iter()
            .any(|p| p.key == "action"));
        assert!(builtin(Phase::Reflection).feelings);
    }
}

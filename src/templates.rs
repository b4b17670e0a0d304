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

/// What `kapj templates check` found in a template: the line it is on
/// (1-based; None for the file as a whole), and how much it matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// kapj refuses the template (`load` fails): writing that phase stops.
    Refused,
    /// kapj uses the template but passes over this (a misspelt field).
    Ignored,
    /// Fine as it is, but something kapj does with the phase stops.
    Note,
}

const FIELDS: &[&str] = &["title", "intro", "mood", "feelings", "prompts"];
const PROMPT_FIELDS: &[&str] = &["key", "text"];

/// Checks a template's text as `load` would read it, and for what is
/// likely a slip (a misspelt field, which `load` passes over); `phase` adds
/// the keys kapj itself looks for in that phase. Problems come in line order.
pub fn check(text: &str, phase: Option<Phase>) -> Vec<Problem> {
    let mut found = Vec::new();
    let table: toml::Table = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            return vec![Problem {
                line: e.span().map(|r| line_of(text, r.start)),
                message: sentence(e.message()),
                kind: Kind::Refused,
            }]
        }
    };
    let push = |found: &mut Vec<Problem>, kind: Kind, line: Option<usize>, message: String| {
        found.push(Problem {
            line,
            message,
            kind,
        });
    };
    for (k, v) in &table {
        let line = key_line(text, None, k);
        match (k.as_str(), v) {
            ("title" | "intro" | "mood", toml::Value::String(_))
            | ("feelings", toml::Value::Boolean(_))
            | ("prompts", toml::Value::Array(_)) => {}
            ("title" | "intro" | "mood", _) => {
                push(
                    &mut found,
                    Kind::Refused,
                    line,
                    format!("\"{k}\" is text, so it needs quotes: {k} = \"…\"."),
                );
            }
            ("feelings", _) => push(
                &mut found,
                Kind::Refused,
                line,
                "\"feelings\" is true or false.".into(),
            ),
            ("prompts", _) => push(
                &mut found,
                Kind::Refused,
                line,
                "\"prompts\" is a list of [[prompts]] sections, each with a key and a text.".into(),
            ),
            _ => push(
                &mut found,
                Kind::Ignored,
                line,
                format!(
                    "\"{k}\" is not a template field, so kapj passes over it{}. The fields are {}.",
                    near(k, FIELDS),
                    FIELDS.join(", ")
                ),
            ),
        }
    }
    if !table.contains_key("title") {
        push(
            &mut found,
            Kind::Refused,
            Some(1),
            "There is no title: add a line such as title = \"Reflection\".".into(),
        );
    }
    let prompts = match table.get("prompts") {
        Some(toml::Value::Array(a)) => a.as_slice(),
        _ => &[],
    };
    if prompts.is_empty() && !matches!(table.get("prompts"), Some(v) if !v.is_array()) {
        push(
            &mut found,
            Kind::Refused,
            None,
            "There are no questions: add a [[prompts]] section with a key and a text.".into(),
        );
    }
    let mut keys: Vec<&str> = Vec::new();
    for (i, p) in prompts.iter().enumerate() {
        let header = nth_prompt_line(text, i);
        let Some(p) = p.as_table() else {
            push(
                &mut found,
                Kind::Refused,
                header,
                "Each prompt is a [[prompts]] section with a key and a text.".into(),
            );
            continue;
        };
        for (k, v) in p {
            let line = key_line(text, Some(i), k);
            if !PROMPT_FIELDS.contains(&k.as_str()) {
                push(&mut found, Kind::Ignored,
                    line,
                    format!(
                        "\"{k}\" is not a prompt field, so kapj passes over it{}. A prompt has a key and a text.",
                        near(k, PROMPT_FIELDS)
                    ),
                );
            } else if !v.is_str() {
                push(
                    &mut found,
                    Kind::Refused,
                    line,
                    format!("The prompt's {k} is text, so it needs quotes: {k} = \"…\"."),
                );
            }
        }
        let field = |name: &str| p.get(name).and_then(toml::Value::as_str).map(str::trim);
        match field("key") {
            None | Some("") if p.get("key").is_none_or(toml::Value::is_str) => {
                push(
                    &mut found,
                    Kind::Refused,
                    header,
                    "This prompt has no key: add key = \"a-short-name\".".into(),
                );
            }
            Some(k) if !k.is_empty() => {
                let line = key_line(text, Some(i), "key");
                if keys.contains(&k) {
                    push(
                        &mut found,
                        Kind::Refused,
                        line,
                        format!("The key \"{k}\" is used twice; each prompt needs its own."),
                    );
                } else if k == "mood" {
                    push(
                        &mut found,
                        Kind::Refused,
                        line,
                        "The key \"mood\" is kept for the mood question; choose another.".into(),
                    );
                }
                keys.push(k);
            }
            _ => {}
        }
        if matches!(field("text"), None | Some("")) && p.get("text").is_none_or(toml::Value::is_str)
        {
            push(
                &mut found,
                Kind::Refused,
                header,
                "This prompt has no text: add text = \"the question\".".into(),
            );
        }
    }
    // Keys kapj itself reads: not wrong to leave out, but something stops.
    let wanted = match phase {
        Some(Phase::Intention) => Some((
            "intention",
            "review's \"Last intention\" reads the answer to the prompt with the key \"intention\"; without one it has nothing to show.",
        )),
        Some(Phase::Embodiment) => Some((
            "action",
            "the answer to the prompt with the key \"action\" becomes an action in `kapj actions`; without one, this phase notes none.",
        )),
        _ => None,
    };
    if let Some((key, why)) = wanted {
        if !prompts.is_empty() && !keys.contains(&key) {
            found.push(Problem {
                line: None,
                message: format!("No prompt has the key \"{key}\": {why}"),
                kind: Kind::Note,
            });
        }
    }
    found.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    found
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// " (did you mean \"title\"?)" for a near miss, else nothing.
fn near(word: &str, fields: &[&str]) -> String {
    fields
        .iter()
        .find(|f| strsim::damerau_levenshtein(word, f) <= 2)
        .map(|f| format!(" (did you mean \"{f}\"?)"))
        .unwrap_or_default()
}

/// A message from the TOML reader as a sentence.
fn sentence(message: &str) -> String {
    let m = message.trim().trim_end_matches('.');
    let mut c = m.chars();
    match c.next() {
        Some(f) => format!("{}{}.", f.to_uppercase(), c.as_str()),
        None => "The file is not valid TOML.".into(),
    }
}

/// The line of the `i`-th `[[prompts]]` header.
fn nth_prompt_line(text: &str, i: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[prompts]]"))
        .nth(i)
        .map(|(n, _)| n + 1)
}

/// The line where `key = …` is set: at the top (before any section) when
/// `prompt` is None, else inside the `prompt`-th `[[prompts]]` section.
fn key_line(text: &str, prompt: Option<usize>, key: &str) -> Option<usize> {
    let (start, end) = match prompt {
        None => (0, nth_prompt_line(text, 0).map_or(usize::MAX, |l| l - 1)),
        Some(i) => (
            nth_prompt_line(text, i)?,
            nth_prompt_line(text, i + 1).map_or(usize::MAX, |l| l - 1),
        ),
    };
    text.lines()
        .enumerate()
        .skip(start)
        .take(end.saturating_sub(start))
        .find(|(_, l)| {
            let l = l.trim_start();
            let name = l.split('=').next().unwrap_or("").trim().trim_matches('"');
            l.contains('=') && name == key
        })
        .map(|(n, _)| n + 1)
        .or(match prompt {
            Some(i) => nth_prompt_line(text, i),
            None => None,
        })
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

    #[test]
    fn the_builtins_pass_their_own_check() {
        for p in Phase::ALL {
            assert_eq!(check(builtin_text(p), Some(p)), [], "{p}");
        }
    }

    #[test]
    fn check_names_the_line_of_each_problem() {
        let text = "title = \"Mine\"\npromts = 1\n\n[[prompts]]\nkey = \"body\"\ntxt = \"Body?\"\n\n[[prompts]]\nkey = \"body\"\ntext = \"Again?\"\n";
        let found = check(text, Some(Phase::Reflection));
        let lines: Vec<Option<usize>> = found.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(4), Some(6), Some(9)], "{found:?}");
        assert!(
            found[0].message.contains("did you mean \"prompts\""),
            "{found:?}"
        );
        assert!(found[1].message.contains("no text"), "{found:?}");
        assert!(
            found[2].message.contains("did you mean \"text\""),
            "{found:?}"
        );
        assert!(found[3].message.contains("used twice"), "{found:?}");
        let kinds: Vec<Kind> = found.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Ignored, Kind::Refused, Kind::Ignored, Kind::Refused]
        );
    }

    #[test]
    fn a_syntax_error_has_its_line() {
        let found = check(
            "title = \"Mine\"\n\n[[prompts]]\nkey = \"body\ntext = \"x\"\n",
            None,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, Some(4), "{found:?}");
    }

    #[test]
    fn a_missing_action_key_is_a_note_not_a_refusal() {
        let found = check(
            "title = \"Mine\"\n[[prompts]]\nkey = \"step\"\ntext = \"A step?\"\n",
            Some(Phase::Embodiment),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::Note);
        assert!(found[0].message.contains("\"action\""));
    }
}

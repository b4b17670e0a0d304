//! Running the user's editor on a file inside the kapj home (never in /tmp,
//! so private text stays where the journal's permissions protect it), and the
//! markdown form used by `write --editor` and `edit`.

use std::fmt::Write as _;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::error::user_hint;

/// The editor failed; whatever the file held afterwards is kept for the caller to save.
#[derive(Debug)]
pub struct EditorFailed {
    pub content: String,
    pub why: String,
}

pub fn editor_command() -> String {
    for var in ["VISUAL", "EDITOR"] {
        if let Ok(v) = std::env::var(var) {
            if !v.trim().is_empty() {
                return v;
            }
        }
    }
    "vi".into()
}

/// Opens `initial` in the editor and returns the saved text.
pub fn edit(home: &Path, initial: &str) -> Result<std::result::Result<String, EditorFailed>> {
    let dir = home.join("tmp");
    fs::create_dir_all(&dir)?;
    let _ = fs::set_permissions(&dir, fs::Permissions::from_mode(0o700));
    let path = dir.join(format!("entry-{}.md", uuid::Uuid::new_v4()));
    {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)?;
        f.write_all(initial.as_bytes())?;
        f.sync_all()?;
    }
    let cmd = editor_command();
    // Through the shell, so EDITOR="code --wait" works as people write it.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{cmd} \"$1\""))
        .arg("kapj-editor")
        .arg(&path)
        .status();
    let content = fs::read_to_string(&path).unwrap_or_default();
    let _ = fs::remove_file(&path);
    Ok(match status {
        Ok(s) if s.success() => Ok(content),
        Ok(s) => Err(EditorFailed {
            content,
            why: match s.code() {
                Some(c) => format!("the editor ({cmd}) exited with status {c}"),
                None => format!("the editor ({cmd}) was stopped"),
            },
        }),
        Err(e) => Err(EditorFailed {
            content,
            why: format!(
                "the editor ({cmd}) could not be started: {}",
                crate::store::plain_io(&e)
            ),
        }),
    })
}

pub fn failed_error(f: &EditorFailed, kept: bool) -> anyhow::Error {
    let mut hint = String::from(
        "Set VISUAL or EDITOR to an editor that works here (for example EDITOR=nano).",
    );
    if kept {
        hint = format!(
            "What you wrote is kept as a draft: `kapj write --resume` continues it. {hint}"
        );
    }
    let mut why = f.why.clone();
    if let Some(first) = why.get(..1) {
        why = first.to_uppercase() + &why[1..];
    }
    user_hint(format!("{why}, so nothing was saved to the journal."), hint)
}

/// At a terminal, after a form could not be read: asks whether to fix it
/// in the editor now. Ctrl-C or a closed terminal counts as no.
pub fn offer_to_reopen() -> Result<bool> {
    crate::app::ctrl_c_ends_prompts();
    Ok(dialoguer::Confirm::new()
        .with_prompt("Open the editor again to fix it?")
        .default(true)
        .wait_for_newline(true)
        .interact()
        .unwrap_or(false))
}

/// One section of the form: a key, its heading, and its text.
pub struct Section {
    pub key: String,
    pub heading: String,
    pub text: String,
}

const MARK: &str = "<!-- kapj:";

/// The form's mood section. Forms put it first, so that text added at the
/// end of the file belongs to the last answer.
pub fn mood_section(mood: Option<u8>) -> Section {
    Section {
        key: "mood".into(),
        heading: "Mood, from 0 to 10 (optional)".into(),
        text: mood.map(|m| m.to_string()).unwrap_or_default(),
    }
}

/// Starts a note put at the top of a form that could not be read; it sits
/// above the first section, where the parser reads nothing.
const NOTE: &str = "<!-- Not saved yet: ";

/// The form again, with a note at the top saying what to fix (as `git
/// commit` does); an earlier note is replaced, not stacked.
pub fn with_note(form: &str, problem: &str) -> String {
    let rest: Vec<&str> = form.lines().skip_while(|l| l.starts_with(NOTE)).collect();
    format!(
        "{NOTE}{problem} Fix it below, then save and close the editor. -->\n{}\n",
        rest.join("\n")
    )
}

/// The markdown form: one `##` heading per prompt, each followed by a marker
/// line that tells the parser which prompt the text below belongs to.
pub fn form(title: &str, sections: &[Section]) -> String {
    let mut s = format!(
        "# {title}\n\n<!-- Write under each question; leave a section empty to skip it.\n     Keep the kapj: lines as they are. Save and close the editor to finish. -->\n"
    );
    for sec in sections {
        let _ = write!(s, "\n## {}\n{MARK}{} -->\n", sec.heading, sec.key);
        if !sec.text.is_empty() {
            s.push_str(&sec.text);
            s.push('\n');
        }
    }
    s
}

/// Reads the form back: text under each marker, with the next heading removed.
/// Text before the first marker (the title and instructions) is ignored.
pub fn parse_form(text: &str, sections: &[Section]) -> Vec<(String, String)> {
    let mut before_first: Vec<&str> = Vec::new();
    let mut out: Vec<(String, Vec<&str>)> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if let Some(key) = t.strip_prefix(MARK).and_then(|r| r.strip_suffix("-->")) {
            let key = key.trim();
            let lines = match out.last_mut() {
                Some((_, lines)) => lines,
                None => &mut before_first,
            };
            let typed_under_heading = split_at_heading(lines, sections, key);
            out.push((key.to_string(), typed_under_heading));
        } else if let Some((_, lines)) = out.last_mut() {
            lines.push(line);
        } else {
            before_first.push(line);
        }
    }
    out.into_iter()
        .map(|(k, lines)| (k, lines.join("\n").trim().to_string()))
        .collect()
}

/// Drops the `## heading` line (and blank lines) that introduce the next
/// section. Text typed between that heading and its marker line belongs to
/// the next section: it is taken off `lines` and returned.
fn split_at_heading<'a>(
    lines: &mut Vec<&'a str>,
    sections: &[Section],
    next_key: &str,
) -> Vec<&'a str> {
    let heading = sections
        .iter()
        .find(|s| s.key == next_key)
        .map(|s| s.heading.trim());
    let is_heading = |l: &str| {
        l.trim()
            .strip_prefix("## ")
            .is_some_and(|h| heading.is_none_or(|want| h.trim() == want))
    };
    let at = match heading {
        Some(_) => lines.iter().rposition(|l| is_heading(l)),
        None => lines
            .iter()
            .rposition(|l| !l.trim().is_empty())
            .filter(|&i| is_heading(lines[i])),
    };
    let typed = match at {
        Some(i) => {
            let rest = lines.split_off(i + 1);
            lines.pop();
            rest
        }
        None => Vec::new(),
    };
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    typed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_round_trips_even_with_markdown_in_answers() {
        let secs = vec![
            Section {
                key: "body".into(),
                heading: "What do you notice?".into(),
                text: "## not a heading\ntight chest".into(),
            },
            Section {
                key: "now".into(),
                heading: "How are you?".into(),
                text: String::new(),
            },
        ];
        let f = form("Reflection", &secs);
        let back = parse_form(&f, &secs);
        assert_eq!(
            back[0],
            (
                "body".to_string(),
                "## not a heading\ntight chest".to_string()
            )
        );
        assert_eq!(back[1], ("now".to_string(), String::new()));
        let edited = f.replace("<!-- kapj:now -->\n", "<!-- kapj:now -->\ncalmer\n");
        assert_eq!(parse_form(&edited, &secs)[1].1, "calmer");
    }

    #[test]
    fn text_typed_between_a_heading_and_its_marker_belongs_to_that_section() {
        let secs = vec![
            Section {
                key: "body".into(),
                heading: "What do you notice?".into(),
                text: String::new(),
            },
            Section {
                key: "now".into(),
                heading: "How are you?".into(),
                text: "ok".into(),
            },
        ];
        let f = form("Reflection", &secs);
        let edited = f
            .replace(
                "## What do you notice?\n",
                "## What do you notice?\nwarm hands\n",
            )
            .replace("## How are you?\n", "## How are you?\ncalm\n");
        let back = parse_form(&edited, &secs);
        assert_eq!(back[0], ("body".to_string(), "warm hands".to_string()));
        assert_eq!(back[1], ("now".to_string(), "calm\nok".to_string()));
    }
}

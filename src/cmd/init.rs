//! `kapj init bash|zsh|fish`: prints a prompt hook to eval from the shell's
//! rc file, as zoxide, atuin and starship are set up. The hook runs
//! `kapj hook` (see `hook`), which reads only the due file: it never opens
//! the journal. kapj never edits an rc file itself.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::app::App;
use crate::cli::InitArgs;
use crate::due_file;
use crate::error::{user, user_hint};

/// The hook's default: at most one line every 4 hours.
pub const DEFAULT_EVERY: &str = "4h";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Shell {
    const ALL: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

    fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
        }
    }

    fn parse(s: &str) -> Option<Shell> {
        let s = s.trim().to_ascii_lowercase();
        // `kapj init $SHELL` may pass a path such as /usr/bin/zsh.
        let s = s.rsplit('/').next().unwrap_or("");
        Shell::ALL.into_iter().find(|sh| sh.name() == s)
    }

    /// The line that loads the hook, and the file it goes in.
    fn setup(self) -> (&'static str, &'static str) {
        match self {
            Shell::Bash => ("eval \"$(kapj init bash)\"", "~/.bashrc"),
            Shell::Zsh => ("eval \"$(kapj init zsh)\"", "~/.zshrc"),
            Shell::Fish => ("kapj init fish | source", "~/.config/fish/config.fish"),
        }
    }

    /// Code that takes the hook out of the running shell.
    fn unhook(self) -> &'static str {
        match self {
            Shell::Bash => {
                "PROMPT_COMMAND=${PROMPT_COMMAND//__kapj_hook;/}\nunset -f __kapj_hook 2>/dev/null\n"
            }
            Shell::Zsh => {
                "precmd_functions=(${precmd_functions:#__kapj_hook})\nunfunction __kapj_hook 2>/dev/null\n"
            }
            Shell::Fish => "functions --erase __kapj_hook\n",
        }
    }
}

pub fn run(app: &mut App, a: InitArgs, home_flag: Option<&Path>) -> Result<()> {
    let shell = a
        .shell
        .as_deref()
        .map(|s| {
            Shell::parse(s).ok_or_else(|| {
                user(format!(
                    "kapj init knows bash, zsh and fish, not \"{}\".",
                    s.trim()
                ))
            })
        })
        .transpose()?;
    let every = a
        .every
        .as_deref()
        .unwrap_or(DEFAULT_EVERY)
        .trim()
        .to_string();
    match due_file::parse_every(&every) {
        Some(secs) if (60..=30 * 86400).contains(&secs) => {}
        _ => {
            return Err(user(format!(
                "\"{every}\" is not a duration kapj init takes; use one from 1m to 30d, like 4h, 90m or 1d."
            )))
        }
    }
    if a.uninstall {
        app.out.push_str(&uninstall(shell));
        return Ok(());
    }
    let Some(shell) = shell else {
        return Err(user_hint(
            "Which shell is the hook for?",
            "kapj init bash, kapj init zsh or kapj init fish; kapj init --uninstall says how to take it out.",
        ));
    };
    app.out.push_str(&hook_code(shell, &every, home_flag));
    Ok(())
}

/// Quotes a word for bash and zsh (single quotes) or fish (whose single
/// quotes also take `\\` and `\'`).
fn quote(shell: Shell, s: &str) -> String {
    match shell {
        Shell::Bash | Shell::Zsh => format!("'{}'", s.replace('\'', r"'\''")),
        Shell::Fish => format!("'{}'", s.replace('\\', r"\\").replace('\'', r"\'")),
    }
}

fn hook_code(shell: Shell, every: &str, home: Option<&Path>) -> String {
    // The program's own path, as starship does: the hook keeps working when
    // PATH is set later in the rc file. kapj-hook, installed beside kapj,
    // does the same check at about half the cost of starting kapj itself
    // (see src/hook_main.rs); without it, `kapj hook`.
    let exe = std::env::current_exe().ok();
    let small = exe
        .as_ref()
        .map(|e| e.with_file_name("kapj-hook"))
        .filter(|p| p.is_file());
    let word = |p: &Path| quote(shell, &p.to_string_lossy());
    let mut call = match (&small, &exe) {
        (Some(p), _) | (None, Some(p)) => word(p),
        (None, None) => "kapj".to_string(),
    };
    if let Some(h) = home {
        call.push_str(" --home ");
        call.push_str(&word(h));
    }
    if small.is_none() {
        call.push_str(" hook");
    }
    call.push_str(" --every ");
    call.push_str(&quote(shell, every));
    let (line, rc) = shell.setup();
    let head = format!(
        "# kapj prompt hook ({}): in an interactive shell, one quiet line when\n\
         # something in your journal is due, at most once every {every}. It reads only\n\
         # the small file of times and phase names that kapj keeps beside the journal.\n\
         # To take it out, delete the line {line} from {rc}.\n",
        shell.name()
    );
    let body = match shell {
        Shell::Bash => format!(
            "if [[ $- == *i* ]]; then\n\
             \x20   __kapj_hook() {{\n\
             \x20       local __kapj_status=$?\n\
             \x20       {call}\n\
             \x20       return \"$__kapj_status\"\n\
             \x20   }}\n\
             \x20   if [[ ${{PROMPT_COMMAND:=}} != *__kapj_hook* ]]; then\n\
             \x20       PROMPT_COMMAND=\"__kapj_hook;${{PROMPT_COMMAND#;}}\"\n\
             \x20   fi\n\
             fi\n"
        ),
        Shell::Zsh => format!(
            "if [[ -o interactive ]]; then\n\
             \x20   __kapj_hook() {{\n\
             \x20       {call}\n\
             \x20   }}\n\
             \x20   typeset -ga precmd_functions\n\
             \x20   if (( ! ${{precmd_functions[(Ie)__kapj_hook]}} )); then\n\
             \x20       precmd_functions+=(__kapj_hook)\n\
             \x20   fi\n\
             fi\n"
        ),
        Shell::Fish => format!(
            "if status is-interactive\n\
             \x20   function __kapj_hook --on-event fish_prompt\n\
             \x20       {call}\n\
             \x20   end\n\
             end\n"
        ),
    };
    head + &body
}

/// How to take the hook out. Every line of it is a comment or code that
/// takes the hook out of the running shell, so even evaluated by mistake
/// it does only that.
fn uninstall(shell: Option<Shell>) -> String {
    let shells: Vec<Shell> = shell.map_or(Shell::ALL.to_vec(), |s| vec![s]);
    let mut s = String::from(
        "# kapj init never edits your files. To take the prompt hook out for good,\n\
         # delete the line that loads it, then open a new shell:\n",
    );
    for sh in &shells {
        let (line, rc) = sh.setup();
        let _ = writeln!(s, "#   {:<5} {line}   in {rc}", format!("{}:", sh.name()));
    }
    s.push_str(
        "# Nothing else is left behind: the hook's one file, `nudged` in the kapj home,\n\
         # is a single time stamp and can be deleted.\n",
    );
    match shell {
        Some(sh) => {
            let _ = write!(
                s,
                "# To stop it in the shell you are in at once, run there:\n\
                 #   {}\n\
                 # (it runs the lines below)\n",
                match sh {
                    Shell::Fish => "kapj init fish --uninstall | source".to_string(),
                    _ => format!("eval \"$(kapj init {} --uninstall)\"", sh.name()),
                }
            );
            s.push_str(sh.unhook());
        }
        None => s.push_str(
            "# `kapj init SHELL --uninstall` also prints the lines that stop it in the shell you are in.\n",
        ),
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_for_each_shell() {
        assert_eq!(quote(Shell::Bash, "/a b/it's"), r"'/a b/it'\''s'");
        assert_eq!(quote(Shell::Fish, r"/a\b/it's"), r"'/a\\b/it\'s'");
    }

    #[test]
    fn a_shell_path_names_its_shell() {
        assert!(Shell::parse("/usr/bin/zsh") == Some(Shell::Zsh));
        assert!(Shell::parse("Fish") == Some(Shell::Fish));
        assert!(Shell::parse("tcsh").is_none());
    }
}

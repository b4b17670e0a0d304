//! Output taller than the window goes through a pager, as git does: only
//! when standard output is a terminal, never with `--no-pager`, and never
//! when the pager cannot start (then the text is printed as it is).
//!
//! Which pager: `$KAPJ_PAGER`, else `$PAGER`, else `less -FRX`. An empty
//! value, or `cat`, means none. A value with shell syntax in it (quotes,
//! `$`, `|`…) is run by `sh -c`, as git runs it; a plain one is run directly,
//! so a pager that does not exist is noticed and the text printed instead.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

/// The pager command line to use, or None for none.
pub fn choice(kapj_pager: Option<&str>, pager: Option<&str>, term: Option<&str>) -> Option<String> {
    let chosen = match (kapj_pager, pager) {
        (Some(p), _) | (None, Some(p)) => p.trim().to_string(),
        // less on a terminal that cannot move its cursor helps no one.
        (None, None) if term == Some("dumb") => return None,
        (None, None) => "less -FRX".to_string(),
    };
    (!chosen.is_empty() && chosen != "cat").then_some(chosen)
}

/// How many rows `text` takes on a window `cols` wide (long lines wrap).
pub fn rows(text: &str, cols: usize) -> usize {
    let cols = cols.max(1);
    text.lines()
        .map(|l| console::measure_text_width(l).div_ceil(cols).max(1))
        .sum()
}

/// Writes `out` to standard output: through the pager when `allowed`, the
/// output is a terminal and `out` is taller than the window. A reader that
/// goes away early (quitting the pager, `| head`) is not an error.
pub fn write(out: &str, allowed: bool) -> std::io::Result<()> {
    if allowed && std::io::stdout().is_terminal() && tall(out) {
        let env = |k: &str| std::env::var(k).ok();
        if let Some(pager) = choice(
            env("KAPJ_PAGER").as_deref(),
            env("PAGER").as_deref(),
            env("TERM").as_deref(),
        ) {
            if through(&pager, out) {
                return Ok(());
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Taller than the window, leaving a row for the shell's prompt.
fn tall(out: &str) -> bool {
    match console::Term::stdout().size_checked() {
        Some((rows_on_screen, cols)) => {
            rows(out, cols as usize) > (rows_on_screen as usize).saturating_sub(1)
        }
        None => false,
    }
}

/// Runs the pager with `out` on its standard input and waits for it; false
/// when it could not be started.
fn through(pager: &str, out: &str) -> bool {
    let shell_syntax = pager.contains(['\'', '"', '$', '|', ';', '&', '<', '>', '`', '\\', '~']);
    let mut cmd = if shell_syntax {
        let mut c = Command::new("sh");
        c.arg("-c").arg(pager);
        c
    } else {
        let mut words = pager.split_whitespace();
        let mut c = Command::new(words.next().unwrap_or("less"));
        c.args(words);
        c
    };
    // As git does: `PAGER=less` pages as `less -FRX` would.
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        cmd.env("LV", "-c");
    }
    let Ok(mut child) = cmd.stdin(Stdio::piped()).spawn() else {
        return false;
    };
    // Ctrl-C in the pager reaches kapj too; kapj waits for the pager to
    // end instead of leaving it behind with the terminal in its hands.
    crate::app::ctrl_c_ends_prompts();
    if let Some(mut stdin) = child.stdin.take() {
        // Quitting the pager before the end closes this pipe: nothing is lost.
        let _ = stdin.write_all(out.as_bytes());
    }
    let _ = child.wait();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kapj_pager_comes_first_then_pager_then_less() {
        assert_eq!(
            choice(Some("most"), Some("more"), None).as_deref(),
            Some("most")
        );
        assert_eq!(choice(None, Some("more"), None).as_deref(), Some("more"));
        assert_eq!(
            choice(None, None, Some("xterm")).as_deref(),
            Some("less -FRX")
        );
    }

    #[test]
    fn empty_or_cat_means_no_pager() {
        assert_eq!(choice(Some(""), Some("less"), None), None);
        assert_eq!(choice(None, Some(""), None), None);
        assert_eq!(choice(None, Some("cat"), None), None);
        assert_eq!(choice(None, None, Some("dumb")), None);
        assert_eq!(
            choice(None, Some("less"), Some("dumb")).as_deref(),
            Some("less")
        );
    }

    #[test]
    fn rows_count_wrapped_lines_in_columns() {
        assert_eq!(rows("a\nb\n", 80), 2);
        assert_eq!(rows(&"x".repeat(81), 80), 2);
        assert_eq!(rows(&"東".repeat(40), 80), 1);
        assert_eq!(rows(&"東".repeat(41), 80), 2);
        assert_eq!(rows("\n\n", 80), 2);
    }
}

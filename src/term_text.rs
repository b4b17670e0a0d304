//! Long text above short prompts. dialoguer redraws a prompt by counting
//! the lines it wrote, and a prompt wider than the window wraps where it
//! does not count, leaving a stale row on every key. So kapj prints the long
//! part itself, wrapped at word boundaries to the window, and keeps the
//! prompt line short.

use console::{measure_text_width, Term};

/// `text` in lines of at most `width` display columns, broken at spaces;
/// continuation lines start with `indent`. A single word wider than the
/// line stays whole (the terminal wraps it; nothing is redrawn over it).
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let width = width.max(measure_text_width(indent) + 10);
    // Spaces that start the text start its first line too.
    let lead = &text[..text.len() - text.trim_start().len()];
    let mut lines: Vec<String> = vec![lead.to_string()];
    let mut empty = true;
    for word in text.split_whitespace() {
        let cur = lines.last_mut().expect("one line at least");
        let used = measure_text_width(cur);
        if !empty && used + 1 + measure_text_width(word) > width {
            lines.push(format!("{indent}{word}"));
        } else {
            if !empty {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        empty = false;
    }
    lines
}

/// Prints `text` on standard error, wrapped to the window (one column to
/// spare, so no line touches the right edge).
pub fn eprint_wrapped(text: &str, indent: &str) {
    let term = Term::stderr();
    let width = (term.size().1 as usize).saturating_sub(1);
    for line in wrap(text, width, indent) {
        let _ = term.write_line(&line);
    }
}

/// A message on standard error: at a terminal each of its lines is
/// wrapped at spaces to the window, elsewhere (a log, a pipe) it is
/// written as it is.
pub fn eprint_message(text: &str) {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        eprintln!("{text}");
        return;
    }
    for line in text.lines() {
        // An indented line stays indented when it wraps.
        let lead = &line[..line.len() - line.trim_start().len()];
        eprint_wrapped(line, lead);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrap_keeps_to_the_width_in_columns() {
        let text =
            "You wrote about hurting yourself or not wanting to be alive on 3, 9, 12 and 14 Nov.";
        let lines = super::wrap(text, 40, "");
        assert!(lines.len() > 1);
        assert!(
            lines.iter().all(|l| console::measure_text_width(l) <= 40),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), text);
    }

    use super::*;

    #[test]
    fn wraps_at_spaces_by_display_width() {
        let lines = wrap(
            "Feeling bad about yourself — or that you are a failure",
            20,
            "   ",
        );
        assert_eq!(
            lines,
            [
                "Feeling bad about",
                "   yourself — or",
                "   that you are a",
                "   failure"
            ]
        );
        // Double-width characters count twice.
        let lines = wrap("父のことを 考えていました ずっと 長い間", 16, "");
        assert_eq!(lines, ["父のことを", "考えていました", "ずっと 長い間"]);
        // An indented first line keeps its indent.
        assert_eq!(
            wrap("    warm hands and a heavy chest", 20, "    "),
            ["    warm hands and a", "    heavy chest"]
        );
    }
}

//! Text fitted to a terminal line: one line cut to a width, a sentence
//! wrapped over several. Review, the listings and import use these.

/// One line of a text, cut at a word boundary to at most `max` characters.
pub fn first_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    if let Some(i) = cut.rfind(' ') {
        if i > max / 2 {
            cut.truncate(i);
        }
    }
    format!("{}…", cut.trim_end())
}

/// Breaks a sentence into lines of at most `width` characters, at spaces,
/// indenting the continuation lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let cur = lines.last_mut().expect("one line at least");
        if !cur.trim().is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(format!("  {word}"));
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_cuts_at_words() {
        assert_eq!(first_line("one two\nthree", 40), "one two three");
        assert_eq!(first_line("aaaa bbbb cccc dddd", 12), "aaaa bbbb…");
    }
}

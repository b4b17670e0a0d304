//! Text fitted to a terminal line: one line cut to a width, a sentence
//! wrapped over several, a cell padded to a column. Review, the listings,
//! the safety note and import use these.
//!
//! Widths are terminal columns, not characters: a CJK character or an emoji
//! takes two columns, a combining accent none. Text is only ever cut between
//! grapheme clusters (what a reader sees as one character), so an accent is
//! never parted from its letter, nor a family emoji from its members. For
//! ASCII, columns and characters are the same, and so is every result.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns `text` takes on a terminal: the width of each grapheme
/// cluster, added up (so a cut between clusters never makes text wider).
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(columns_of).sum()
}

/// One grapheme cluster's columns. A control character moves no cursor:
/// none (unicode-width counts it as one).
fn columns_of(cluster: &str) -> usize {
    if cluster.chars().all(char::is_control) {
        0
    } else {
        cluster.width()
    }
}

/// The longest start of `text`, in whole grapheme clusters, that takes at
/// most `max` columns.
pub fn take_columns(text: &str, max: usize) -> &str {
    let mut used = 0;
    for (i, g) in text.grapheme_indices(true) {
        used += columns_of(g);
        if used > max {
            return &text[..i];
        }
    }
    text
}

/// One line of a text, cut at a word boundary to at most `max` columns
/// (an ellipsis marks the cut).
pub fn first_line(text: &str, max: usize) -> String {
    cut_line(text, max, width, take_columns)
}

/// [`first_line`] by characters, for JSON and documents, where there is no
/// terminal to fit.
pub fn first_line_chars(text: &str, max: usize) -> String {
    cut_line(text, max, |s| s.chars().count(), take_chars)
}

fn cut_line(
    text: &str,
    max: usize,
    measure: fn(&str) -> usize,
    take: fn(&str, usize) -> &str,
) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if measure(&flat) <= max {
        return flat;
    }
    let mut cut = take(&flat, max.saturating_sub(1)).to_string();
    if let Some(i) = cut.rfind(' ') {
        // Back to the last space, unless that would lose more than half the line.
        if measure(&cut[..i]) > max / 2 {
            cut.truncate(i);
        }
    }
    format!("{}…", cut.trim_end())
}

/// The first `n` characters of `text` (all of it when shorter).
fn take_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// `text` cut to at most `max` columns, anywhere between grapheme clusters,
/// an ellipsis marking the cut.
pub fn shorten(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    format!("{}…", take_columns(text, max.saturating_sub(1)).trim_end())
}

/// `text` followed by spaces up to `columns` (as `{:<N}` does for
/// characters); text already that wide is left as it is.
pub fn pad(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// Breaks a sentence into lines of at most `max` columns, at spaces,
/// indenting the continuation lines. A word wider than a line (a sentence
/// of CJK, written without spaces) is broken between grapheme clusters.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let cur = lines.last_mut().expect("one line at least");
        if !cur.trim().is_empty() && width(cur) + 1 + width(word) > max {
            lines.push(format!("  {word}"));
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        while width(lines.last().expect("one line at least")) > max {
            let long = lines.pop().expect("one line at least");
            let mut head = take_columns(&long, max).len();
            if long[..head].trim().is_empty() {
                // Not one cluster fits beside the indent: it gets the line.
                let indent = long.len() - long.trim_start().len();
                head = indent + long[indent..].graphemes(true).next().map_or(0, str::len);
            }
            let rest = &long[head..];
            let rest = (!rest.is_empty()).then(|| format!("  {rest}"));
            lines.push(long[..head].to_string());
            match rest {
                Some(rest) => lines.push(rest),
                None => break,
            }
        }
    }
    lines
}

/// One line of prose in lines of at most `max` columns, broken at spaces,
/// as `kapj show` prints an answer: continuation lines keep the line's own
/// indent, and only a word wider than a whole line (a run of CJK written
/// without spaces, a long link) is broken, between grapheme clusters.
pub fn wrap_words(line: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let trimmed = line.trim_start();
    let mut lead = &line[..line.len() - trimmed.len()];
    if width(lead) > max / 2 {
        lead = "";
    }
    let mut lines: Vec<String> = Vec::new();
    let mut cur = lead.to_string();
    let mut empty = true;
    for word in trimmed.split_whitespace() {
        if !empty && width(&cur) + 1 + width(word) > max {
            lines.push(std::mem::replace(&mut cur, lead.to_string()));
            empty = true;
        }
        if !empty {
            cur.push(' ');
        }
        let mut rest = word;
        while width(&cur) + width(rest) > max {
            let room = max.saturating_sub(width(&cur));
            let mut head = take_columns(rest, room);
            if head.is_empty() {
                if !empty {
                    // Start the word on a line of its own first.
                    lines.push(std::mem::replace(&mut cur, lead.to_string()));
                    empty = true;
                    continue;
                }
                // Not one cluster fits: it gets the line to itself.
                head = rest.graphemes(true).next().unwrap_or(rest);
            }
            cur.push_str(head);
            lines.push(std::mem::replace(&mut cur, lead.to_string()));
            rest = &rest[head.len()..];
            empty = true;
        }
        cur.push_str(rest);
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(cur);
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

    #[test]
    fn width_counts_columns() {
        assert_eq!(width("kapj"), 4);
        assert_eq!(width("東京"), 4);
        // e + combining acute: one column.
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("👨‍👩‍👧"), 2);
    }

    #[test]
    fn wide_text_is_cut_by_columns_between_graphemes() {
        let cut = first_line("東京の夜は静かで、私は長い間窓の外を見ていました。", 20);
        assert_eq!(cut, "東京の夜は静かで、…");
        assert!(width(&cut) <= 20);
        // Never inside a cluster: the accent stays with its letter.
        assert_eq!(shorten("cafe\u{301}s!", 5), "cafe\u{301}…");
        assert_eq!(shorten("ab👨‍👩‍👧cd", 4), "ab…");
    }

    #[test]
    fn wrap_words_never_breaks_a_word_that_fits_a_line() {
        assert_eq!(
            wrap_words("the tightness in my chest eased slowly", 16),
            ["the tightness in", "my chest eased", "slowly"]
        );
        assert_eq!(
            wrap_words("  - a walk by the sea", 12),
            ["  - a walk", "  by the sea"]
        );
        assert_eq!(wrap_words("", 10), [""]);
        // Accents and wide characters are counted in columns.
        assert_eq!(
            wrap_words("cafe\u{301} e\u{301}te\u{301} 東京の夜", 11),
            ["cafe\u{301} e\u{301}te\u{301}", "東京の夜"]
        );
        // A run wider than a line is broken between clusters.
        let lines = wrap_words("海の音を聞きながら、父のことを考えていました", 10);
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(
            lines.concat(),
            "海の音を聞きながら、父のことを考えていました"
        );
        let lines = wrap_words("ab 👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 3);
        assert_eq!(lines.concat().replace(' ', ""), "ab👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧");
        assert!(lines.iter().all(|l| width(l) <= 3), "{lines:?}");
    }

    #[test]
    fn pad_fills_to_columns() {
        assert_eq!(pad("grief", 8), "grief   ");
        assert_eq!(pad("悲しみ", 8), "悲しみ  ");
        assert_eq!(pad("toolongforit", 4), "toolongforit");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_inside_overlong_words() {
        assert_eq!(
            wrap("Still coming back: grief, lighthouse.", 20),
            vec!["Still coming back:", "  grief, lighthouse."]
        );
        for line in wrap(&format!("Still: {}.", "悲".repeat(50)), 78) {
            assert!(width(&line) <= 78, "{line}");
        }
        // However narrow, every cluster is shown once, and wrapping ends.
        let lines = wrap("悲しみ", 2);
        assert_eq!(lines.concat().replace(' ', ""), "悲しみ");
    }
}

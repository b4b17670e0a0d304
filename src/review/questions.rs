//! Finding the questions in an entry: the sentence splitter behind
//! review's "Questions to bring".

/// Closing marks that belong to the sentence before them: `?"`, `?)`.
fn closes(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

/// The sentences of `text` that ask something (end in "?", three words or
/// more). A "?" inside parentheses ("shopping (with Mary?) again") is
/// doubt, not the end of a sentence; closing quotes and brackets stay with
/// their sentence, and list markers are left off.
pub(super) fn questions_in(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let (mut prev, mut before_prev) = (' ', ' ');
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // ":(", ":-(" and ":'(" are faces, not brackets.
        let eyes = |e: char| matches!(e, ':' | ';' | '=');
        let face = eyes(prev) || (matches!(prev, '-' | '\'') && eyes(before_prev));
        (before_prev, prev) = (prev, c);
        match c {
            // A bracket that opens a sentence holds the whole sentence:
            // "(Why is it so hard?)" asks.
            '(' | '[' if !face && !text[start..i].trim().is_empty() => depth += 1,
            ')' | ']' if !face => depth = depth.saturating_sub(1),
            // A bracket left open does not hold the lines after it.
            '\n' => depth = 0,
            _ => {}
        }
        // "…" pauses inside a sentence ("What if… I fail?") more often than
        // it ends one.
        let ends = c == '\n' || (depth == 0 && matches!(c, '.' | '!' | '?'));
        if !ends {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if c == '\n' || !(closes(next) || matches!(next, '.' | '!' | '?')) {
                break;
            }
            if next == ')' || next == ']' {
                depth = depth.saturating_sub(1);
            }
            end = j + next.len_utf8();
            chars.next();
        }
        sentences.push(&text[start..end]);
        start = end;
    }
    sentences.push(&text[start..]);
    sentences
        .into_iter()
        .map(|s| without_list_marker(s.trim()))
        .filter(|s| {
            s.trim_end_matches(|c| closes(c) || c == '!').ends_with('?')
                && s.split_whitespace().count() >= 3
        })
        .map(str::to_string)
        .collect()
}

/// A line without its list marker: "* ", "- ", "• ", "> ", "1) ", "2. ".
fn without_list_marker(line: &str) -> &str {
    let rest = line.trim_start_matches(['*', '-', '•', '>']);
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = match digits.strip_prefix([')', '.']) {
        Some(after) if digits.len() < rest.len() && after.starts_with(' ') => after,
        _ => rest,
    };
    rest.trim()
}

#[cfg(test)]
mod tests {
    use super::questions_in;

    #[test]
    fn questions_are_whole_sentences_that_ask() {
        assert_eq!(
            questions_in("I walked. Why the lake? Then home!  Is it grief, maybe?"),
            vec!["Why the lake?", "Is it grief, maybe?"]
        );
        // Doubt in parentheses is not a question of its own.
        assert_eq!(
            questions_in("I am shopping (with Mary?) and then I wake up."),
            Vec::<String>::new()
        );
        assert_eq!(
            questions_in("I felt (anger?) rising. What was it guarding?"),
            vec!["What was it guarding?"]
        );
        // Closing quotes stay with their sentence; list markers go.
        assert_eq!(
            questions_in("She asks, \"Why are you concerned?\" I say nothing."),
            vec!["She asks, \"Why are you concerned?\""]
        );
        assert_eq!(
            questions_in("* Have you ever played a game like that?\n- Too short?"),
            vec!["Have you ever played a game like that?"]
        );
        assert_eq!(
            questions_in("Can I trust it?! Or not"),
            vec!["Can I trust it?!"]
        );
        assert_eq!(
            questions_in("(Why is it so hard for me?) I do not know."),
            vec!["(Why is it so hard for me?)"]
        );
        // A pause is not an end.
        assert_eq!(
            questions_in("What if… I fail at this? Is this… really what I want?"),
            vec!["What if… I fail at this?", "Is this… really what I want?"]
        );
        assert_eq!(
            questions_in("1) Why do I keep doing this?\n2) I will ask."),
            vec!["Why do I keep doing this?"]
        );
        // Faces are not brackets; an open bracket ends with its line.
        assert_eq!(
            questions_in("Sad :-( and :'( Why does it hurt so much?"),
            vec!["Sad :-( and :'( Why does it hurt so much?"]
        );
        assert_eq!(
            questions_in("I felt sad :( Why does it hurt so much? I don't know."),
            vec!["I felt sad :( Why does it hurt so much?"]
        );
        assert_eq!(
            questions_in("A note (unfinished\nWhy do I hold on so tightly?"),
            vec!["Why do I hold on so tightly?"]
        );
    }
}

//! Short quotes: the sentence around a theme's first use in an entry.

use super::stem::stem;
use super::text::clauses;

/// The sentence around the first use of `theme`, cut to whole words around
/// it so that it is at most `max` long as `measure` counts (characters, or
/// terminal columns), ellipses included.
pub fn quote(text: &str, theme: &str, max: usize, measure: fn(&str) -> usize) -> Option<String> {
    let target: Vec<String> = clauses(theme)
        .into_iter()
        .flatten()
        .map(|w| stem(&w.norm))
        .collect();
    let (start, end) = find(text, &target)?;
    let (s_start, s_end) = sentence_around(text, start, end);
    Some(excerpt(
        &text[s_start..s_end],
        start - s_start,
        end - s_start,
        max,
        measure,
    ))
}

/// Byte span of the first run of words whose stems are `target`.
fn find(text: &str, target: &[String]) -> Option<(usize, usize)> {
    if target.is_empty() {
        return None;
    }
    for clause in clauses(text) {
        let stems: Vec<String> = clause.iter().map(|w| stem(&w.norm)).collect();
        if let Some(i) = stems.windows(target.len()).position(|w| w == target) {
            return Some((clause[i].start, clause[i + target.len() - 1].end));
        }
    }
    None
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '\n')
}

/// The sentence holding `start..end`: from after the previous sentence end
/// to the next one (its final punctuation kept), trimmed.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_sentence(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|&(_, c)| ends_sentence(c))
        .map_or(text.len(), |(i, c)| {
            if c == '\n' {
                end + i
            } else {
                end + i + c.len_utf8()
            }
        });
    let lead = text[from..start].len() - text[from..start].trim_start_matches(is_lead).len();
    let trail = text[end..to].len() - text[end..to].trim_end().len();
    (from + lead, to - trail)
}

/// Leading space and list markers are not part of a quote.
fn is_lead(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '-' | '•' | '>' | '#')
}

/// Cut `sentence` to whole words around `start..end`, adding … where cut.
fn excerpt(
    sentence: &str,
    start: usize,
    end: usize,
    max: usize,
    measure: fn(&str) -> usize,
) -> String {
    let words: Vec<(usize, usize)> = word_spans(sentence);
    let first = words.iter().position(|&(_, e)| e > start).unwrap_or(0);
    let last = words
        .iter()
        .rposition(|&(s, _)| s < end)
        .unwrap_or(first)
        .max(first);
    let (mut lo, mut hi) = (first, last);
    let fits = |lo: usize, hi: usize| measure(&render(sentence, &words, lo, hi)) <= max;
    loop {
        let grow_right = hi + 1 < words.len() && fits(lo, hi + 1);
        if grow_right {
            hi += 1;
        }
        let grow_left = lo > 0 && fits(lo - 1, hi);
        if grow_left {
            lo -= 1;
        }
        if !grow_right && !grow_left {
            break;
        }
    }
    render(sentence, &words, lo, hi)
}

/// Whitespace-separated spans of `s`.
fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Words lo..=hi joined by single spaces, with … for any left out.
fn render(s: &str, words: &[(usize, usize)], lo: usize, hi: usize) -> String {
    let mut out = String::new();
    if lo > 0 {
        out.push('…');
    }
    let body: Vec<&str> = words[lo..=hi].iter().map(|&(a, b)| &s[a..b]).collect();
    out.push_str(&body.join(" "));
    if hi + 1 < words.len() {
        out.push('…');
    }
    out
}

/// How a quote's length is measured: characters, or terminal columns.
pub type Measure = fn(&str) -> usize;

/// For the first use of any of `themes` (by stems, earliest in
/// the text): which theme, and its quote cut to each of `fits` (a maximum
/// and how to measure it). The text is split and stemmed once, however many
/// themes and cuts: review quotes dozens of kept themes.
pub fn quotes_of_any(
    text: &str,
    themes: &[&str],
    fits: &[(usize, Measure)],
) -> Option<(usize, Vec<String>)> {
    let targets: Vec<Vec<String>> = themes
        .iter()
        .map(|t| {
            clauses(t)
                .into_iter()
                .flatten()
                .map(|w| stem(&w.norm))
                .collect()
        })
        .collect();
    let (which, start, end) = find_any(text, &targets)?;
    let (s_start, s_end) = sentence_around(text, start, end);
    let cuts = fits
        .iter()
        .map(|&(max, measure)| {
            excerpt(
                &text[s_start..s_end],
                start - s_start,
                end - s_start,
                max,
                measure,
            )
        })
        .collect();
    Some((which, cuts))
}

/// [`find`] for several targets at once: the first place any of them is
/// written, and which. A word is stemmed only where a target's first stem
/// could start (stemming keeps an ASCII word's first letter).
fn find_any(text: &str, targets: &[Vec<String>]) -> Option<(usize, usize, usize)> {
    let firsts: Vec<Option<char>> = targets
        .iter()
        .map(|t| t.first().and_then(|s| s.chars().next()))
        .collect();
    for clause in clauses(text) {
        let mut stems: Vec<Option<String>> = vec![None; clause.len()];
        for i in 0..clause.len() {
            for (which, target) in targets.iter().enumerate() {
                if target.is_empty() || i + target.len() > clause.len() {
                    continue;
                }
                let norm = &clause[i].norm;
                if norm.is_ascii() && norm.chars().next() != firsts[which] {
                    continue;
                }
                let matches = (0..target.len()).all(|k| {
                    let s = stems[i + k].get_or_insert_with(|| stem(&clause[i + k].norm));
                    *s == target[k]
                });
                if matches {
                    return Some((which, clause[i].start, clause[i + target.len() - 1].end));
                }
            }
        }
    }
    None
}

//! Words: splitting text into clauses of normalised words, and telling
//! function words and generic words from content words.
//!
//! data/build_data.py mirrors this tokeniser to build the background table;
//! keep the two in step (and bump ANALYSIS_VERSION when this changes).

use std::sync::OnceLock;

use super::hash::FxSet;

/// Possessive determiners: they may open a phrase ("my father").
pub const POSSESSIVES: &[&str] = &["my", "your", "his", "her", "our", "their"];
/// Particles that may close a phrasal verb ("letting go", "opening up").
/// Not "in", "on", "over", "through": mostly prepositions ("floating in").
pub const PARTICLES: &[&str] = &["up", "out", "down", "off", "away", "back", "go"];

/// How a word may take part in a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Function word, number or fragment: never a theme.
    Stop,
    /// Common in anyone's writing ("feel", "time"): never a theme on its own.
    Generic,
    /// May be a theme.
    Content,
}

/// One word of the text: its byte span in the original and its normalised
/// lower-case form (apostrophes resolved, possessive 's dropped).
#[derive(Debug, Clone)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub norm: String,
    /// How it was written: capitalised inside a sentence ("met Mary"),
    /// lower case, or neither (sentence start, all capitals).
    pub case: Case,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Capitalised after another word of the same sentence: a name, usually.
    CapitalInside,
    Lower,
    /// Sentence-initial, all capitals, or not a letter: says nothing.
    Other,
}

struct Lists {
    stop: FxSet<&'static str>,
    generic: FxSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        stop: parse_word_list(include_str!("data/stopwords.txt")),
        generic: parse_word_list(include_str!("data/generic.txt")),
    })
}

/// Words of a list file: whitespace separated, `#` starts a comment.
fn parse_word_list(text: &'static str) -> FxSet<&'static str> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
        .collect()
}

pub fn is_stop(word: &str) -> bool {
    lists().stop.contains(word)
}

pub fn kind(word: &str) -> WordKind {
    if is_stop(word) || word.chars().count() < 3 || word.chars().any(char::is_numeric) {
        WordKind::Stop
    } else if lists().generic.contains(word) {
        WordKind::Generic
    } else {
        WordKind::Content
    }
}

/// Characters that end a clause: phrases never cross them. Spaces, hyphens
/// and stray apostrophes only separate words.
fn ends_clause(c: char) -> bool {
    !(c.is_alphanumeric() || c.is_whitespace() || c == '-' || is_apostrophe(c))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// Split text into clauses (runs of words not broken by punctuation).
pub fn clauses(text: &str) -> Vec<Vec<Word>> {
    let mut out = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    let mut chars = text.char_indices().peekable();
    // Only spaces, commas and the like since the previous word?
    let mut inside_sentence = false;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_alphanumeric() {
            let end = scan_word(text, i);
            current.push(Word {
                start: i,
                end,
                norm: normalise(&text[i..end]),
                case: case_of(&text[i..end], inside_sentence),
            });
            inside_sentence = true;
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
            continue;
        }
        if ends_clause(c) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if !(c == ' ' || c == ',' || c == '-' || is_apostrophe(c)) {
            inside_sentence = false;
        }
        chars.next();
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn case_of(raw: &str, inside_sentence: bool) -> Case {
    let mut letters = raw.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::Other;
    };
    if first.is_lowercase() {
        Case::Lower
    } else if inside_sentence && letters.any(char::is_lowercase) {
        Case::CapitalInside
    } else {
        Case::Other
    }
}

/// End (byte offset) of the word starting at `start`: letters and digits,
/// with apostrophes allowed between two of them ("don't", "mom's").
fn scan_word(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let inner_apostrophe =
            is_apostrophe(c) && off > 0 && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            end = start + off + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Lower-case a raw word and resolve apostrophes: contractions that are stop
/// words lose theirs ("don't" -> "dont"), a possessive 's goes ("mom's" ->
/// "mom"), any other apostrophe is dropped.
fn normalise(raw: &str) -> String {
    let lower = raw.to_lowercase();
    if !lower.chars().any(is_apostrophe) {
        return lower;
    }
    let joined: String = lower.chars().filter(|&c| !is_apostrophe(c)).collect();
    if is_stop(&joined) {
        return joined;
    }
    let mut chars: Vec<char> = lower.chars().collect();
    if chars.len() >= 2 && chars[chars.len() - 1] == 's' && is_apostrophe(chars[chars.len() - 2]) {
        chars.truncate(chars.len() - 2);
        return chars.into_iter().filter(|&c| !is_apostrophe(c)).collect();
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<Vec<String>> {
        clauses(text)
            .into_iter()
            .map(|c| c.into_iter().map(|w| w.norm).collect())
            .collect()
    }

    #[test]
    fn clauses_split_at_punctuation_not_hyphens() {
        assert_eq!(
            norms("My mom's self-worth, I don\u{2019}t know. 'Fine'"),
            vec![
                vec!["my", "mom", "self", "worth"],
                vec!["i", "dont", "know"],
                vec!["fine"]
            ]
        );
    }

    #[test]
    fn capitals_inside_a_sentence_are_marked() {
        let cases: Vec<Case> = clauses("Then Mary, and PTSD. Ocean")
            .into_iter()
            .flatten()
            .map(|w| w.case)
            .collect();
        assert_eq!(
            cases,
            vec![
                Case::Other,
                Case::CapitalInside,
                Case::Lower,
                Case::Other,
                Case::Other
            ]
        );
    }

    #[test]
    fn word_kinds() {
        assert_eq!(kind("the"), WordKind::Stop);
        assert_eq!(kind("2024"), WordKind::Stop);
        assert_eq!(kind("feel"), WordKind::Generic);
        assert_eq!(kind("grief"), WordKind::Content);
        assert_eq!(kind("kindness"), WordKind::Content);
    }
}

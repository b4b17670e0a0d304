//! Themes as a client names them (`kapj themes keep tightness`), matched
//! the way review counts them: by stems, so "tight" and "tightness" meet.

use super::analysis::Analysis;
use super::text::{clauses, PARTICLES, POSSESSIVES};

/// The longest theme a client may name, in words (review's phrases are
/// 1–3 words, so a longer one could never match).
pub const MAX_NAME_WORDS: usize = 3;

/// Why a name cannot be a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// No words at all.
    Empty,
    /// More words than a theme has.
    TooLong,
    /// Only words kapj never counts as a theme ("the", "feel", "2024").
    NotCounted,
}

/// The key a theme named this way groups by: the longest term the words
/// make ("my father" for "My Father", "tight" for "tightness").
pub fn key_of(name: &str) -> Result<String, NameProblem> {
    let words = clauses(name).into_iter().flatten().count();
    if words == 0 {
        return Err(NameProblem::Empty);
    }
    if words > MAX_NAME_WORDS {
        return Err(NameProblem::TooLong);
    }
    let analysis = Analysis::of_text(name);
    analysis
        .terms()
        .max_by(|a, b| {
            let words = |k: &str| k.split(' ').count();
            words(a.key)
                .cmp(&words(b.key))
                .then_with(|| b.key.cmp(a.key))
        })
        .map(|t| t.key.to_string())
        .ok_or(NameProblem::NotCounted)
}

/// A name as kapj shows it: lower case, single spaces.
pub fn tidy_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The words of a key that carry its meaning, without "my", "of", "up":
/// hiding "father" also hides "my father".
pub fn core_of(key: &str) -> String {
    key.split(' ')
        .filter(|w| *w != "of" && !POSSESSIVES.contains(w) && !PARTICLES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A quote for a theme written in any of several ways (a merged theme's
/// members): the sentence around the first of `forms` the text uses, cut to
/// at most `max_chars` characters and to at most `max_columns` terminal
/// columns, with the index of the form found.
pub fn quote_any(
    text: &str,
    forms: &[&str],
    max_chars: usize,
    max_columns: usize,
) -> Option<(usize, String, String)> {
    let fits: [(usize, super::quote::Measure); 2] = [
        (max_chars, |s| s.chars().count()),
        (max_columns, crate::text::width),
    ];
    let (which, mut cuts) = super::quote::quotes_of_any(text, forms, &fits)?;
    let short = cuts.pop()?;
    let long = cuts.pop()?;
    Some((which, long, short))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_key_by_their_stems() {
        assert_eq!(key_of("tightness"), key_of("tight"));
        assert_eq!(key_of("  My Father ").as_deref(), Ok("my father"));
        assert_eq!(key_of(""), Err(NameProblem::Empty));
        assert_eq!(key_of(" ... "), Err(NameProblem::Empty));
        assert_eq!(key_of("the weight of it all"), Err(NameProblem::TooLong));
        assert_eq!(key_of("the"), Err(NameProblem::NotCounted));
    }

    #[test]
    fn the_core_drops_possessives_and_particles() {
        assert_eq!(core_of("my father"), "father");
        assert_eq!(core_of("let go"), "let");
        assert_eq!(core_of("fear of death"), "fear death");
    }
}

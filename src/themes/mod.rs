//! Recurring themes for `kapj review`: the words and short phrases that keep
//! coming back across a client's medicine sessions.
//!
//! Two stages keep review fast however long the journal grows:
//! - stage 1, [`Analysis::of_text`], runs once per entry when it is written;
//!   the store keeps its result (as text, [`Analysis::encode`], and as term
//!   ids, [`pack_terms`]) in the entry's transaction;
//! - stage 2, [`rank`], works only on the ids of terms that two or more
//!   entries use (a [`Corpus`]), linear in their number.
//!
//! Words are stemmed with the Snowball English (Porter2) algorithm
//! (`stem.rs`, written for kapj) so "tight" and "tightness" meet; themes are
//! shown in the form people actually wrote. Data shipped in `data/`: a
//! background table from GoEmotions and a category map from Empath, VADER
//! and the GoEmotions lexicon; see data/README.md for sources and licences.

mod analysis;
mod corpus;
mod hash;
mod lexicon;
mod names;
mod quote;
mod rank;
pub(crate) mod stem;
mod text;
mod usage;

#[cfg(test)]
mod tests;

use chrono::{DateTime, FixedOffset};

pub use analysis::{Analysis, Term, ANALYSIS_VERSION};
pub use corpus::{pack_terms, term_meta, unpack_terms, Corpus, Doc, COUNT_MASK};
pub use names::{core_of, key_of, quote_any, tidy_name, NameProblem, MAX_NAME_WORDS};

pub struct RankOptions {
    /// At most this many themes.
    pub top: usize,
    /// Prompt texts: their words never count as themes.
    pub exclude_text: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    New,
    Rising,
    Steady,
    Fading,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ThemeHit {
    /// Surface form, lower case, as a reader would say it (the key until
    /// [`surface_of`] finds how it was written).
    pub theme: String,
    /// Stems joined by one space: what the theme groups by.
    #[serde(skip)]
    pub key: String,
    /// "emotion" | "body" | "relationship" | "transpersonal"; None = no fit
    /// (the caller prints "other").
    pub category: Option<String>,
    /// Entries using it.
    pub entries: usize,
    /// Distinct sessions among those entries.
    pub sessions: usize,
    /// Distinct days among those entries that have no session.
    pub days: usize,
    pub first_seen: DateTime<FixedOffset>,
    pub last_seen: DateTime<FixedOffset>,
    pub trend: Trend,
    /// Entry numbers of the entries containing it, newest first.
    pub entry_ids: Vec<i64>,
    /// Keyness z-score: how clearly this journal uses it more than
    /// first-person emotional writing usually does.
    pub score: f64,
}

/// Recurring themes, best first, at most `opts.top`. Each theme is named by
/// its key: pass its entries' analyses to [`surface_of`] for the words people
/// wrote.
pub fn rank(corpus: &Corpus, opts: &RankOptions) -> Vec<ThemeHit> {
    rank::rank(corpus, opts)
}

/// How a theme is written in these entries' analyses: its most frequent
/// surface form (ties to the alphabetically first), if any of them has it.
pub fn surface_of<'a>(
    key: &str,
    analyses: impl IntoIterator<Item = &'a Analysis>,
) -> Option<String> {
    let mut forms: Vec<(&str, u32)> = Vec::new();
    for a in analyses {
        if let Some(t) = a.get(key) {
            match forms.iter_mut().find(|f| f.0 == t.surface) {
                Some(f) => f.1 += t.count,
                None => forms.push((t.surface, t.count)),
            }
        }
    }
    forms
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|f| f.0.to_string())
}

/// A short quote (at most `max_chars` characters, whole words, the sentence
/// around the first use of the theme, with … where cut) from an entry's
/// text. It always holds the theme's words, unless they alone are longer.
pub fn quote(text: &str, theme: &ThemeHit, max_chars: usize) -> Option<String> {
    quote::quote(text, &theme.theme, max_chars, |s| s.chars().count())
}

/// [`quote`] for a terminal line: at most `max_columns` columns wide.
pub fn terminal_quote(text: &str, theme: &ThemeHit, max_columns: usize) -> Option<String> {
    quote::quote(text, &theme.theme, max_columns, crate::text::width)
}

/// Category for a single word (stemmed internally), for reuse by other parts
/// of the app: "emotion", "body", "relationship", "transpersonal" or None.
pub fn category_of(word: &str) -> Option<&'static str> {
    let words = text::clauses(word);
    let last = words.iter().flatten().last()?;
    lexicon::category_of_stem(&stem::stem(&last.norm))
}

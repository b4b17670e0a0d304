//! Recurring themes for `kapj review`: the words and short phrases that keep
//! coming back across a client's medicine sessions.
//!
//! Two stages keep review fast however long the journal grows:
//! - stage 1, [`Analysis::of_text`], runs once per entry when it is written;
//!   its result is stored as a compact string ([`Analysis::encode`]);
//! - stage 2, [`rank`], works only on those analyses (linear in their size).
//!
//! Words are stemmed with the Snowball English (Porter2) algorithm
//! (`stem.rs`, written for kapj) so "tight" and "tightness" meet; themes are
//! shown in the form people actually wrote. Data shipped in `data/`: a
//! background table from GoEmotions and a category map from Empath, VADER
//! and the GoEmotions lexicon; see data/README.md for sources and licences.

mod analysis;
mod hash;
mod lexicon;
mod quote;
mod rank;
mod stem;
mod text;

#[cfg(test)]
mod tests;

use chrono::{DateTime, FixedOffset};

pub use analysis::{Analysis, Term, ANALYSIS_VERSION};

/// One entry as stage 2 sees it.
pub struct DocTerms<'a> {
    /// Entry id, handed back in [`ThemeHit::entry_ids`].
    pub entry: &'a str,
    /// Session number or id, if the entry belongs to one.
    pub session: Option<i64>,
    pub at: DateTime<FixedOffset>,
    pub analysis: &'a Analysis,
}

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
    /// Surface form, lower case, as a reader would say it.
    pub theme: String,
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
    /// Entries containing it, newest first.
    pub entry_ids: Vec<String>,
    /// Keyness z-score: how clearly this journal uses it more than
    /// first-person emotional writing usually does.
    pub score: f64,
}

/// Recurring themes, best first, at most `opts.top`.
pub fn rank(docs: &[DocTerms], opts: &RankOptions) -> Vec<ThemeHit> {
    rank::rank(docs, opts)
}

/// A short quote (at most 120 characters, whole words, the sentence around
/// the first use of the theme, with … where cut) from an entry's text.
pub fn quote(text: &str, theme: &ThemeHit) -> Option<String> {
    quote::quote(text, &theme.theme)
}

/// Category for a single word (stemmed internally), for reuse by other parts
/// of the app: "emotion", "body", "relationship", "transpersonal" or None.
pub fn category_of(word: &str) -> Option<&'static str> {
    let words = text::clauses(word);
    let last = words.iter().flatten().last()?;
    lexicon::category_of_stem(&stem::stem(&last.norm))
}

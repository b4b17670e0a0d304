//! Embedded data: the background table (what first-person emotional writing
//! usually contains, from GoEmotions), general English word rates (from
//! wordfreq) and the category map. Each is parsed once, on first use. See
//! data/README.md for sources and licences.

use std::sync::OnceLock;

use super::hash::{key_hash, ByHash, FxMap};

pub struct Background {
    /// Content words in the background corpus.
    pub total: f64,
    /// Background count of any one personal name (GoEmotions masks names, so
    /// this is its share of all names; see data/build_data.py).
    pub name: f64,
    /// By key_hash of the stem key.
    counts: ByHash<u32>,
}

impl Background {
    /// How often the background has the term with this key hash, 0 if never.
    pub fn count(&self, hash: u64) -> u32 {
        self.counts.get(&hash).copied().unwrap_or(0)
    }
}

pub fn background() -> &'static Background {
    static BG: OnceLock<Background> = OnceLock::new();
    BG.get_or_init(|| parse_background(include_str!("data/background.tsv")))
}

fn parse_background(text: &'static str) -> Background {
    let mut total = 0.0;
    let mut name = 1.0;
    let mut counts = ByHash::default();
    for line in text.lines() {
        let Some((key, n)) = line.split_once('\t') else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else {
            continue;
        };
        if key == "#total" {
            total = f64::from(n);
        } else if key == "#name" {
            name = f64::from(n);
        } else {
            counts.insert(key_hash(key), n);
        }
    }
    // A table without its total would make every rate infinite.
    let total = total
        .max(counts.values().map(|&n| f64::from(n)).sum::<f64>())
        .max(1.0);
    Background {
        total,
        name,
        counts,
    }
}

/// General English: how often each content-word stem comes in English as a
/// whole (wordfreq: Wikipedia, subtitles, books, news, the web, Reddit,
/// Twitter). Estimated from billions of words, so a word GoEmotions never
/// saw still has a well-known rate.
pub struct General {
    /// Share of content words, by key_hash of the stem.
    rates: ByHash<f64>,
}

impl General {
    /// Rate per content word of the stem with this key hash, if wordfreq
    /// has it.
    pub fn rate(&self, hash: u64) -> Option<f64> {
        self.rates.get(&hash).copied()
    }
}

pub fn general() -> &'static General {
    static GENERAL: OnceLock<General> = OnceLock::new();
    GENERAL.get_or_init(|| parse_general(include_str!("data/wordfreq.tsv")))
}

fn parse_general(text: &str) -> General {
    let mut total = 0.0;
    let mut rates = ByHash::default();
    for line in text.lines() {
        let Some((key, n)) = line.split_once('\t') else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else {
            continue;
        };
        if key == "#total" {
            total = f64::from(n);
        } else {
            rates.insert(key_hash(key), f64::from(n));
        }
    }
    let total = total.max(1.0);
    for rate in rates.values_mut() {
        *rate /= total;
    }
    General { rates }
}

/// Category of a stem: "emotion", "body", "relationship" or "transpersonal".
pub fn category_of_stem(stem: &str) -> Option<&'static str> {
    static MAP: OnceLock<FxMap<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        include_str!("data/categories.tsv")
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    map.get(stem).copied()
}

//! Embedded data: the background table (what first-person emotional writing
//! usually contains, from GoEmotions) and the category map. Both are parsed
//! once, on first use. See data/README.md for sources and licences.

use std::collections::HashMap;
use std::sync::OnceLock;

pub struct Background {
    /// Content words in the background corpus.
    pub total: f64,
    counts: HashMap<&'static str, u32>,
}

impl Background {
    /// How often the background has this term (stem key), 0 if never.
    pub fn count(&self, key: &str) -> u32 {
        self.counts.get(key).copied().unwrap_or(0)
    }
}

pub fn background() -> &'static Background {
    static BG: OnceLock<Background> = OnceLock::new();
    BG.get_or_init(|| parse_background(include_str!("data/background.tsv")))
}

fn parse_background(text: &'static str) -> Background {
    let mut total = 0.0;
    let mut counts = HashMap::new();
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
            counts.insert(key, n);
        }
    }
    // A table without its total would make every rate infinite.
    let total = total
        .max(counts.values().map(|&n| f64::from(n)).sum::<f64>())
        .max(1.0);
    Background { total, counts }
}

/// Category of a stem: "emotion", "body", "relationship" or "transpersonal".
pub fn category_of_stem(stem: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        include_str!("data/categories.tsv")
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    map.get(stem).copied()
}

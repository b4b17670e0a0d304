//! The feelings vocabulary offered by the reflection phase's picker.
//!
//! Written for kapj (not derived from a lexicon): plain words a person might
//! tick in the hours after a medicine session, grouped by family so the picker
//! can show them in small groups. Every word belongs to exactly one family.
//! Pleasant, hard and in-between feelings sit side by side; none is better
//! than another.

/// Feeling families and their words, in the order the picker shows them.
pub const FAMILIES: &[(&str, &[&str])] = &[
    (
        "joy",
        &[
            "joyful",
            "happy",
            "glad",
            "delighted",
            "playful",
            "light",
            "hopeful",
            "excited",
            "alive",
        ],
    ),
    (
        "calm",
        &[
            "calm", "peaceful", "relaxed", "safe", "content", "grounded", "relieved", "still",
            "spacious",
        ],
    ),
    (
        "connection",
        &[
            "loving",
            "connected",
            "grateful",
            "tender",
            "warm",
            "close",
            "open",
            "compassionate",
            "held",
            "accepted",
        ],
    ),
    (
        "sadness",
        &[
            "sad",
            "grief",
            "lonely",
            "heavy",
            "heartbroken",
            "longing",
            "disappointed",
            "hurt",
            "tearful",
            "raw",
        ],
    ),
    (
        "fear",
        &[
            "afraid",
            "anxious",
            "unsettled",
            "nervous",
            "worried",
            "uneasy",
            "overwhelmed",
            "vulnerable",
            "panicky",
        ],
    ),
    (
        "anger",
        &[
            "angry",
            "frustrated",
            "irritated",
            "annoyed",
            "resentful",
            "bitter",
            "furious",
            "impatient",
        ],
    ),
    (
        "shame",
        &[
            "ashamed",
            "guilty",
            "embarrassed",
            "exposed",
            "regretful",
            "self-conscious",
            "small",
            "humiliated",
        ],
    ),
    (
        "awe",
        &[
            "awe",
            "wonder",
            "amazed",
            "surprised",
            "curious",
            "moved",
            "expansive",
            "inspired",
            "humbled",
        ],
    ),
    (
        "confusion",
        &[
            "confused",
            "disoriented",
            "unsure",
            "foggy",
            "scattered",
            "ambivalent",
            "lost",
            "mixed",
        ],
    ),
    (
        "numbness",
        &[
            "numb",
            "tired",
            "drained",
            "exhausted",
            "flat",
            "empty",
            "disconnected",
            "detached",
            "floaty",
        ],
    ),
];

/// Other ways of writing a feeling, and the vocabulary word each one means.
const ALIASES: &[(&str, &str)] = &[
    ("joy", "joyful"),
    ("hope", "hopeful"),
    ("excitement", "excited"),
    ("peace", "peaceful"),
    ("relief", "relieved"),
    ("contentment", "content"),
    ("love", "loving"),
    ("gratitude", "grateful"),
    ("thankful", "grateful"),
    ("tenderness", "tender"),
    ("connection", "connected"),
    ("compassion", "compassionate"),
    ("sadness", "sad"),
    ("grieving", "grief"),
    ("loneliness", "lonely"),
    ("fear", "afraid"),
    ("scared", "afraid"),
    ("fearful", "afraid"),
    ("anxiety", "anxious"),
    ("worry", "worried"),
    ("overwhelm", "overwhelmed"),
    ("anger", "angry"),
    ("mad", "angry"),
    ("frustration", "frustrated"),
    ("resentment", "resentful"),
    ("shame", "ashamed"),
    ("guilt", "guilty"),
    ("embarrassment", "embarrassed"),
    ("regret", "regretful"),
    ("awed", "awe"),
    ("awestruck", "awe"),
    ("amazement", "amazed"),
    ("curiosity", "curious"),
    ("confusion", "confused"),
    ("numbness", "numb"),
    ("tiredness", "tired"),
    ("exhaustion", "exhausted"),
];

/// Folds case, spaces, hyphens and underscores away: "Self Conscious",
/// "self-conscious" and "selfconscious" all become "selfconscious".
fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '\u{2010}' | '\u{2011}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every word in the vocabulary, family by family, in picker order.
pub fn all() -> Vec<&'static str> {
    FAMILIES
        .iter()
        .flat_map(|(_, words)| words.iter().copied())
        .collect()
}

/// The vocabulary word a typed word stands for: a case-, space- and
/// hyphen-insensitive match ("  Grateful ", "self conscious"), or a common
/// other form of it ("gratitude" → "grateful", "scared" → "afraid").
pub fn normalise(word: &str) -> Option<&'static str> {
    let key = fold(word);
    if key.is_empty() {
        return None;
    }
    FAMILIES
        .iter()
        .flat_map(|(_, words)| words.iter().copied())
        .find(|w| fold(w) == key)
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| fold(alias) == key)
                .map(|&(_, word)| word)
        })
}

/// The family of a feeling word (matched as in [`normalise`]), e.g. "tender"
/// → "connection".
pub fn family_of(word: &str) -> Option<&'static str> {
    let word = normalise(word)?;
    FAMILIES
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|&(family, _)| family)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn families_have_six_to_ten_words() {
        assert!(FAMILIES.len() >= 9, "{}", FAMILIES.len());
        for (family, words) in FAMILIES {
            assert!((6..=10).contains(&words.len()), "{family}: {}", words.len());
        }
    }

    #[test]
    fn every_word_is_in_exactly_one_family_and_is_tidy() {
        let mut seen = HashSet::new();
        for word in all() {
            assert!(seen.insert(fold(word)), "duplicate: {word}");
            assert_eq!(word, word.trim());
            assert_eq!(word, word.to_lowercase());
        }
        let families: HashSet<_> = FAMILIES.iter().map(|(f, _)| *f).collect();
        assert_eq!(families.len(), FAMILIES.len());
    }

    #[test]
    fn all_lists_every_word_in_order() {
        let words = all();
        let total: usize = FAMILIES.iter().map(|(_, w)| w.len()).sum();
        assert_eq!(words.len(), total);
        assert_eq!(words[0], "joyful");
        assert_eq!(words.last(), Some(&"floaty"));
        for required in [
            "awe",
            "grateful",
            "tender",
            "raw",
            "open",
            "numb",
            "unsettled",
            "grief",
        ] {
            assert!(words.contains(&required), "{required}");
        }
    }

    #[test]
    fn normalise_matches_case_and_spacing() {
        assert_eq!(normalise("Grateful"), Some("grateful"));
        assert_eq!(normalise("  TENDER \n"), Some("tender"));
        assert_eq!(normalise("self conscious"), Some("self-conscious"));
        assert_eq!(normalise("Self-Conscious"), Some("self-conscious"));
        assert_eq!(normalise("selfconscious"), Some("self-conscious"));
        assert_eq!(normalise("a we"), Some("awe"));
    }

    #[test]
    fn normalise_accepts_common_other_forms() {
        assert_eq!(normalise("gratitude"), Some("grateful"));
        assert_eq!(normalise("Scared"), Some("afraid"));
        assert_eq!(normalise("grieving"), Some("grief"));
        assert_eq!(normalise("anxiety"), Some("anxious"));
        assert_eq!(normalise("awestruck"), Some("awe"));
    }

    #[test]
    fn normalise_refuses_unknown_words() {
        for w in [
            "",
            "   ",
            "-",
            "blorp",
            "gratefull",
            "tender-hearted",
            "fine",
        ] {
            assert_eq!(normalise(w), None, "{w:?}");
        }
    }

    #[test]
    fn every_alias_points_at_a_vocabulary_word() {
        let words = all();
        for (alias, word) in ALIASES {
            assert!(words.contains(word), "{alias} -> {word}");
            assert!(!words.contains(alias), "{alias} is already a word");
        }
    }

    #[test]
    fn family_of_finds_the_family() {
        assert_eq!(family_of("tender"), Some("connection"));
        assert_eq!(family_of("awe"), Some("awe"));
        assert_eq!(family_of("Raw"), Some("sadness"));
        assert_eq!(family_of("numb"), Some("numbness"));
        assert_eq!(family_of("unsettled"), Some("fear"));
        assert_eq!(family_of("Grief"), Some("sadness"));
        assert_eq!(family_of("open"), Some("connection"));
        assert_eq!(family_of("gratitude"), Some("connection"));
        assert_eq!(family_of("self conscious"), Some("shame"));
        assert_eq!(family_of("blorp"), None);
        assert_eq!(family_of(""), None);
        for (family, words) in FAMILIES {
            for w in *words {
                assert_eq!(family_of(w), Some(*family), "{w}");
            }
        }
    }
}

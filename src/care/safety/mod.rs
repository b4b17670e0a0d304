//! Safety: noticing when an entry speaks of ending one's life or of
//! self-injury, the short calm note kapj shows after saving, crisis lines,
//! and the sections of the user's own safety plan.
//!
//! Nothing here blocks, stores or sends anything. The caller saves the entry
//! first, then shows the note (at most once a day, see `cmd::safety`);
//! nothing leaves the machine, and no score is ever kept: whether an entry
//! raised the note is decided again each time it is asked.
//!
//! The detector is built in layers: `normalise` (words, sentences, slang,
//! typos, titles), `lexicon` (what each stem can mean), `detect` (the rules
//! and what cancels them), `model` (a learned score beside the rules). `note` holds every sentence the person may read.

mod detect;
mod lexicon;
#[doc(hidden)]
pub mod model;
pub(crate) mod normalise;
mod note;

pub use detect::{assess, Finding, Severity};

/// The rules alone, without the learned layer (for measuring each).
#[doc(hidden)]
pub fn assess_rules(text: &str) -> Option<Finding> {
    detect::rules(&normalise::sentences(text))
}
pub use note::{
    check_safety_note, imported_line, raised_on, review_line, review_sentence, safety_note,
    safety_note_now, WORTH_RAISING,
};

use std::fmt;

// ---------------------------------------------------------------------------
// Crisis lines
// ---------------------------------------------------------------------------

/// One crisis line or directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrisisLine {
    pub region: &'static str,
    pub name: &'static str,
    pub contact: &'static str,
}

impl fmt::Display for CrisisLine {
    /// "988 Suicide & Crisis Lifeline (US): call or text 988"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.name, self.region, self.contact)
    }
}

// Only lines whose numbers are well established are listed; no number here is
// a guess. Check them again before each release.
const US: CrisisLine = CrisisLine {
    region: "US",
    name: "988 Suicide & Crisis Lifeline",
    contact: "call or text 988",
};
const CANADA: CrisisLine = CrisisLine {
    region: "Canada",
    name: "9-8-8 Suicide Crisis Helpline",
    contact: "call or text 988",
};
const UK_IE: CrisisLine = CrisisLine {
    region: "UK and Ireland",
    name: "Samaritans",
    contact: "call 116 123",
};
const AUSTRALIA: CrisisLine = CrisisLine {
    region: "Australia",
    name: "Lifeline",
    contact: "call 13 11 14",
};
const NEW_ZEALAND: CrisisLine = CrisisLine {
    region: "New Zealand",
    name: "Need to talk? 1737",
    contact: "call or text 1737",
};
const DIRECTORY: CrisisLine = CrisisLine {
    region: "other countries",
    name: "Find A Helpline",
    contact: "findahelpline.com",
};

/// The region codes kapj knows, for checking a configured value.
pub const REGIONS: &[&str] = &["us", "ca", "uk", "gb", "ie", "au", "nz"];

/// Reads a configured region: a code from [`REGIONS`] in any case, "usa",
/// or a locale such as "en_GB.UTF-8" or "en-NZ". Returns the canonical code
/// ("gb" is read as "uk"), or None when kapj has no lines for it.
pub fn normalise_region(region: &str) -> Option<&'static str> {
    let r = region.trim().to_lowercase();
    let r = r.split('.').next().unwrap_or("");
    let code = r.rsplit(['_', '-']).next().unwrap_or("");
    match code {
        "us" | "usa" => Some("us"),
        "ca" => Some("ca"),
        "uk" | "gb" => Some("uk"),
        "ie" => Some("ie"),
        "au" => Some("au"),
        "nz" => Some("nz"),
        _ => None,
    }
}

/// Crisis lines to show. With a known region: that region's line(s) first,
/// then the international directory. With no region or an unknown one: a
/// short default list (US, Canada, UK and Ireland, then the directory).
pub fn crisis_lines(region: Option<&str>) -> Vec<CrisisLine> {
    match region.and_then(normalise_region) {
        Some("us") => vec![US, DIRECTORY],
        Some("ca") => vec![CANADA, DIRECTORY],
        Some("uk") | Some("ie") => vec![UK_IE, DIRECTORY],
        Some("au") => vec![AUSTRALIA, DIRECTORY],
        Some("nz") => vec![NEW_ZEALAND, DIRECTORY],
        _ => vec![US, CANADA, UK_IE, DIRECTORY],
    }
}

// ---------------------------------------------------------------------------
// The safety plan
// ---------------------------------------------------------------------------

/// The sections of the user's own safety plan, in order: (key, prompt).
/// Loosely follows the Stanley–Brown Safety Planning Intervention, in plain
/// words. Keys are stable (they are stored); prompts invite, they do not
/// instruct, and every section may be left empty.
pub const PLAN_SECTIONS: &[(&str, &str)] = &[
    (
        "warning_signs",
        "When things start to get hard, what do you tend to notice first? Thoughts, moods, places, times of day.",
    ),
    (
        "what_helps",
        "What helps you, even a little, on your own? Things that settle your body or take your mind elsewhere.",
    ),
    (
        "places",
        "Are there places or company that help you feel a bit better? A park, a café, a friend's kitchen.",
    ),
    (
        "people",
        "Who could you reach out to when things are hard? Names and how to reach them, if you'd like.",
    ),
    (
        "therapist",
        "Your therapist or others who support your care: names, how to reach them, and when.",
    ),
    (
        "safer_space",
        "Is there anything that could make hard moments a little safer? Something to put away, or ask someone to keep for a while.",
    ),
    (
        "reasons",
        "What matters most to you? Something, or someone, worth holding on to.",
    ),
];

/// A short heading for a plan section, for `kapj safety` and the note.
pub fn section_title(key: &str) -> Option<&'static str> {
    Some(match key {
        "warning_signs" => "Signs that things are getting hard",
        "what_helps" => "What helps",
        "places" => "Places and company",
        "people" => "People I can reach",
        "therapist" => "My therapist and care team",
        "safer_space" => "Making things safer",
        "reasons" => "What matters to me",
        _ => return None,
    })
}

/// The longest a single summary line may be, in terminal columns.
const SUMMARY_LINE_MAX: usize = 100;

/// Builds the summary shown in [`safety_note`] from the plan's answers
/// (key, text): the sections most useful in the moment (therapist, people,
/// what helps), one line each, shortened if long. None when none of them is
/// filled in.
pub fn plan_summary(answers: &[(&str, &str)]) -> Option<String> {
    let mut out = Vec::new();
    for key in ["therapist", "people", "what_helps"] {
        let text = answers
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|t| !t.is_empty());
        if let (Some(text), Some(title)) = (text, section_title(key)) {
            out.push(format!(
                "{title}: {}",
                crate::text::shorten(&text, SUMMARY_LINE_MAX)
            ));
        }
    }
    (!out.is_empty()).then(|| out.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_crisis_lines() {
        for region in [None, Some(""), Some("fr"), Some("mars")] {
            let lines = crisis_lines(region);
            assert_eq!(lines, vec![US, CANADA, UK_IE, DIRECTORY], "{region:?}");
        }
        let lines = crisis_lines(None);
        assert_eq!(lines[0].contact, "call or text 988");
        assert_eq!(lines[1].contact, "call or text 988");
        assert_eq!(lines[2].name, "Samaritans");
        assert_eq!(lines[2].contact, "call 116 123");
        assert_eq!(lines[3].contact, "findahelpline.com");
    }

    #[test]
    fn regional_crisis_lines_come_first_with_the_directory() {
        let cases = [
            ("us", "988 Suicide & Crisis Lifeline"),
            ("US", "988 Suicide & Crisis Lifeline"),
            ("ca", "9-8-8 Suicide Crisis Helpline"),
            ("uk", "Samaritans"),
            ("gb", "Samaritans"),
            ("ie", "Samaritans"),
            ("au", "Lifeline"),
            ("nz", "Need to talk? 1737"),
            ("en_GB.UTF-8", "Samaritans"),
            ("en-NZ", "Need to talk? 1737"),
        ];
        for (region, first) in cases {
            let lines = crisis_lines(Some(region));
            assert_eq!(lines.len(), 2, "{region}");
            assert_eq!(lines[0].name, first, "{region}");
            assert_eq!(lines[1], DIRECTORY, "{region}");
        }
        assert_eq!(crisis_lines(Some("au"))[0].contact, "call 13 11 14");
        assert_eq!(crisis_lines(Some("nz"))[0].contact, "call or text 1737");
    }

    #[test]
    fn normalise_region_reads_codes_and_locales() {
        assert_eq!(normalise_region(" GB "), Some("uk"));
        assert_eq!(normalise_region("usa"), Some("us"));
        assert_eq!(normalise_region("en_IE.UTF-8"), Some("ie"));
        assert_eq!(normalise_region("fr_FR"), None);
        assert_eq!(normalise_region(""), None);
        for code in REGIONS {
            assert!(normalise_region(code).is_some(), "{code}");
        }
    }

    #[test]
    fn crisis_line_display() {
        assert_eq!(
            US.to_string(),
            "988 Suicide & Crisis Lifeline (US): call or text 988"
        );
    }

    #[test]
    fn plan_sections_are_the_expected_keys() {
        let keys: Vec<&str> = PLAN_SECTIONS.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "warning_signs",
                "what_helps",
                "places",
                "people",
                "therapist",
                "safer_space",
                "reasons"
            ]
        );
        for (key, prompt) in PLAN_SECTIONS {
            assert!(section_title(key).is_some(), "{key}");
            assert!(prompt.ends_with('.') || prompt.ends_with('?'), "{prompt}");
            let lower = prompt.to_lowercase();
            assert!(!lower.contains("you must") && !lower.contains("you should"));
        }
        assert_eq!(section_title("nope"), None);
    }

    #[test]
    fn plan_summary_picks_the_useful_sections() {
        assert_eq!(plan_summary(&[]), None);
        assert_eq!(
            plan_summary(&[("warning_signs", "not sleeping"), ("people", "  ")]),
            None
        );
        let s = plan_summary(&[
            ("what_helps", "a walk,\n  music"),
            ("warning_signs", "not sleeping"),
            ("therapist", "Dana, 555 0100"),
            ("people", "my sister"),
        ])
        .unwrap();
        assert_eq!(
            s,
            "My therapist and care team: Dana, 555 0100\nPeople I can reach: my sister\nWhat helps: a walk, music"
        );
        let long = "x ".repeat(200);
        let s = plan_summary(&[("people", long.as_str())]).unwrap();
        assert!(s.ends_with('…'));
        assert!(s.chars().count() <= "People I can reach: ".len() + SUMMARY_LINE_MAX);
    }
}

//! Plain data types passed between the store, the commands and the renderers.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Intention,
    Reflection,
    Meaning,
    Embodiment,
    Free,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Intention,
        Phase::Reflection,
        Phase::Meaning,
        Phase::Embodiment,
        Phase::Free,
    ];
    /// The guided phases of one integration cycle, in order.
    pub const CYCLE: [Phase; 4] = [
        Phase::Intention,
        Phase::Reflection,
        Phase::Meaning,
        Phase::Embodiment,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Phase::Intention => "intention",
            Phase::Reflection => "reflection",
            Phase::Meaning => "meaning",
            Phase::Embodiment => "embodiment",
            Phase::Free => "free",
        }
    }

    /// How a person would name it in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Intention => "intention",
            Phase::Reflection => "immediate reflection",
            Phase::Meaning => "meaning-making",
            Phase::Embodiment => "embodiment",
            Phase::Free => "free writing",
        }
    }

    /// Accepts the phase keys and the aliases design.md lists.
    pub fn parse(s: &str) -> Option<Phase> {
        match s.trim().to_ascii_lowercase().as_str() {
            "intention" => Some(Phase::Intention),
            "reflection" | "reflect" => Some(Phase::Reflection),
            "meaning" | "meaning-making" => Some(Phase::Meaning),
            "embodiment" | "embody" => Some(Phase::Embodiment),
            "free" => Some(Phase::Free),
            _ => None,
        }
    }

    /// The name closest to a mistyped phase, for "did you mean".
    pub fn suggest(s: &str) -> Option<&'static str> {
        let s = s.trim().to_ascii_lowercase();
        let names = [
            "intention",
            "reflection",
            "reflect",
            "meaning",
            "meaning-making",
            "embodiment",
            "embody",
            "free",
        ];
        names
            .iter()
            .map(|n| (strsim::levenshtein(&s, n), *n))
            .filter(|(d, n)| *d <= 3 || n.starts_with(&s) && s.len() >= 3)
            .min()
            .map(|(_, n)| Phase::parse(n).map(Phase::key).unwrap_or(n))
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Stable identity for import and merge.
    pub id: String,
    /// 1, 2, 3… in date order; derived, so adding an earlier session renumbers.
    pub number: i64,
    pub at: DateTime<FixedOffset>,
    pub note: String,
    pub setting: String,
    pub dose: String,
    /// The store's row id: internal, in no file format.
    #[serde(skip)]
    pub row: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub key: String,
    /// The prompt text as it was shown, so a changed template never changes old entries.
    pub prompt: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    /// Short number for the command line.
    pub number: i64,
    pub phase: Phase,
    pub session: Option<i64>,
    pub at: DateTime<FixedOffset>,
    pub mood: Option<u8>,
    pub tags: Vec<String>,
    pub feelings: Vec<String>,
    pub private: bool,
    pub answers: Vec<Answer>,
}

impl Entry {
    /// All answer text, for search, themes and the safety check.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.answers.iter().map(|a| a.text.as_str()).collect();
        parts.join("\n\n")
    }

    pub fn answer(&self, key: &str) -> Option<&str> {
        self.answers
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.text.as_str())
    }
}

/// What a new entry needs; the store assigns id and number.
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub id: Option<String>,
    pub phase: Option<Phase>,
    pub session_row: Option<i64>,
    pub at: Option<DateTime<FixedOffset>>,
    pub mood: Option<u8>,
    pub tags: Vec<String>,
    pub feelings: Vec<String>,
    pub private: bool,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionState {
    Open,
    Done,
    Dropped,
}

impl ActionState {
    pub fn key(self) -> &'static str {
        match self {
            ActionState::Open => "open",
            ActionState::Done => "done",
            ActionState::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<ActionState> {
        match s {
            "open" => Some(ActionState::Open),
            "done" => Some(ActionState::Done),
            "dropped" => Some(ActionState::Dropped),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub id: String,
    pub number: i64,
    /// The UUID of the entry it was written in; None for an action added
    /// on its own (`kapj actions add`).
    pub entry: Option<String>,
    pub entry_number: Option<i64>,
    /// The number of the session it belongs to: its entry's, or for an
    /// action added on its own, the one it was added to.
    pub session: Option<i64>,
    pub text: String,
    pub state: ActionState,
    pub at: DateTime<FixedOffset>,
    pub done_at: Option<DateTime<FixedOffset>>,
}

/// A big decision an entry weighed in the days after a session, noted for
/// review until the client marks it settled.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: String,
    /// Short number for the command line (`kapj decisions done N`).
    pub number: i64,
    /// The entry's UUID.
    pub entry: String,
    pub entry_number: i64,
    /// The number of the session it came after.
    pub session: Option<i64>,
    /// The sentence as written.
    pub sentence: String,
    /// When it was written (the entry's time).
    pub at: DateTime<FixedOffset>,
    pub settled_at: Option<DateTime<FixedOffset>>,
    /// Whether its entry is private (left out of review and export then).
    pub private: bool,
}

/// One answered self-check (PHQ-9 or GAD-7).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    pub id: String,
    pub number: i64,
    pub measure: String,
    pub at: DateTime<FixedOffset>,
    pub answers: Vec<u8>,
    pub total: u32,
    pub difficulty: Option<u8>,
}

/// Filters shared by `list`, `search` and `export`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub phase: Option<Phase>,
    pub session: Option<i64>,
    pub since: Option<DateTime<FixedOffset>>,
    pub until: Option<DateTime<FixedOffset>>,
    pub tag: Option<String>,
    pub include_private: bool,
    pub limit: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_suggestions() {
        assert_eq!(Phase::parse("reflect"), Some(Phase::Reflection));
        assert_eq!(Phase::parse("Meaning-Making"), Some(Phase::Meaning));
        assert_eq!(Phase::parse("embody"), Some(Phase::Embodiment));
        assert_eq!(Phase::parse("reflektion"), None);
        assert_eq!(Phase::suggest("reflektion"), Some("reflection"));
        assert_eq!(Phase::suggest("embodyment"), Some("embodiment"));
        assert_eq!(Phase::suggest("xyzzyqq"), None);
    }
}

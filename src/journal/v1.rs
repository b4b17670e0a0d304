//! Version 1 of the kapj journal JSON, as `export --format json` writes it.
//!
//! These types are the format: each field here is a field in the file, in
//! this order. They borrow from the domain types but copy none of their
//! shape, so a change to an entry's `--json` output or to a domain type
//! never changes the backup. A golden file (tests/golden/journal-v1.json,
//! checked by the test below) pins the bytes; a change to it is a new
//! format version, unless it only adds what older files may lack and
//! older readers pass over (documented in the README as such: `themes`,
//! `decisions`).

use chrono::{DateTime, FixedOffset};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::domain;
use crate::store::{NamedTheme, ThemeChoices};

#[derive(Serialize)]
pub struct Journal<'a> {
    format: &'static str,
    version: i64,
    #[serde(serialize_with = "rfc3339")]
    exported_at: DateTime<FixedOffset>,
    sessions: Vec<Session<'a>>,
    entries: Vec<Entry<'a>>,
    actions: Vec<Action<'a>>,
    checks: Vec<Check<'a>>,
    /// Section key to text, in the plan's order.
    #[serde(serialize_with = "in_order")]
    safety_plan: &'a [(String, String)],
    /// The client's choices about review's themes, by name (added to
    /// version 1; files without it import as having none).
    themes: Themes<'a>,
    /// Big decisions noted after sessions (added to version 1; files
    /// without it import as having none).
    decisions: Vec<Decision<'a>>,
}

#[derive(Serialize)]
struct Decision<'a> {
    id: &'a str,
    /// The entry's id.
    entry: &'a str,
    sentence: &'a str,
    #[serde(serialize_with = "rfc3339")]
    at: DateTime<FixedOffset>,
    #[serde(serialize_with = "maybe_rfc3339")]
    settled_at: Option<DateTime<FixedOffset>>,
}

#[derive(Serialize)]
struct Themes<'a> {
    hidden: Vec<&'a str>,
    kept: Vec<&'a str>,
    merged: Vec<Merged<'a>>,
}

#[derive(Serialize)]
struct Merged<'a> {
    /// The name review shows.
    theme: &'a str,
    members: Vec<&'a str>,
}

impl<'a> From<&'a ThemeChoices> for Themes<'a> {
    fn from(c: &'a ThemeChoices) -> Self {
        let names = |l: &'a [NamedTheme]| l.iter().map(|t| t.name.as_str()).collect();
        Themes {
            hidden: names(&c.hidden),
            kept: names(&c.kept),
            merged: c
                .merged
                .iter()
                .map(|g| Merged {
                    theme: &g.name,
                    members: names(&g.members),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct Session<'a> {
    id: &'a str,
    number: i64,
    #[serde(serialize_with = "rfc3339")]
    at: DateTime<FixedOffset>,
    note: &'a str,
    setting: &'a str,
    dose: &'a str,
}

#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    phase: &'static str,
    /// The session's number.
    session: Option<i64>,
    #[serde(serialize_with = "rfc3339")]
    at: DateTime<FixedOffset>,
    mood: Option<u8>,
    tags: &'a [String],
    feelings: &'a [String],
    private: bool,
    answers: Vec<Answer<'a>>,
}

#[derive(Serialize)]
struct Answer<'a> {
    key: &'a str,
    prompt: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct Action<'a> {
    id: &'a str,
    /// The entry's id; null for an action added on its own.
    entry: Option<&'a str>,
    /// The session number of an action added on its own (omitted otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<i64>,
    text: &'a str,
    state: &'static str,
    #[serde(serialize_with = "rfc3339")]
    at: DateTime<FixedOffset>,
    #[serde(serialize_with = "maybe_rfc3339")]
    done_at: Option<DateTime<FixedOffset>>,
}

#[derive(Serialize)]
struct Check<'a> {
    id: &'a str,
    measure: &'a str,
    #[serde(serialize_with = "rfc3339")]
    at: DateTime<FixedOffset>,
    answers: &'a [u8],
    total: u32,
    difficulty: Option<u8>,
}

impl<'a> Journal<'a> {
    /// The whole backup of what the caller selected.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        exported_at: DateTime<FixedOffset>,
        sessions: &'a [domain::Session],
        entries: &'a [domain::Entry],
        actions: &'a [domain::Action],
        checks: &'a [domain::CheckResult],
        safety_plan: &'a [(String, String)],
        themes: &'a ThemeChoices,
        decisions: &'a [domain::Decision],
    ) -> Journal<'a> {
        Journal {
            format: super::FORMAT,
            version: 1,
            exported_at,
            sessions: sessions.iter().map(Session::from).collect(),
            entries: entries.iter().map(Entry::from).collect(),
            actions: actions.iter().map(Action::from).collect(),
            checks: checks.iter().map(Check::from).collect(),
            safety_plan,
            themes: themes.into(),
            decisions: decisions
                .iter()
                .map(|d| Decision {
                    id: &d.id,
                    entry: &d.entry,
                    sentence: &d.sentence,
                    at: d.at,
                    settled_at: d.settled_at,
                })
                .collect(),
        }
    }
}

impl<'a> From<&'a domain::Session> for Session<'a> {
    fn from(s: &'a domain::Session) -> Self {
        Session {
            id: &s.id,
            number: s.number,
            at: s.at,
            note: &s.note,
            setting: &s.setting,
            dose: &s.dose,
        }
    }
}

impl<'a> From<&'a domain::Entry> for Entry<'a> {
    fn from(e: &'a domain::Entry) -> Self {
        Entry {
            id: &e.id,
            phase: e.phase.key(),
            session: e.session,
            at: e.at,
            mood: e.mood,
            tags: &e.tags,
            feelings: &e.feelings,
            private: e.private,
            answers: e
                .answers
                .iter()
                .map(|a| Answer {
                    key: &a.key,
                    prompt: &a.prompt,
                    text: &a.text,
                })
                .collect(),
        }
    }
}

impl<'a> From<&'a domain::Action> for Action<'a> {
    fn from(a: &'a domain::Action) -> Self {
        Action {
            id: &a.id,
            entry: a.entry.as_deref(),
            // An entry's action goes with its entry, session and all.
            session: if a.entry.is_none() { a.session } else { None },
            text: &a.text,
            state: a.state.key(),
            at: a.at,
            done_at: a.done_at,
        }
    }
}

impl<'a> From<&'a domain::CheckResult> for Check<'a> {
    fn from(c: &'a domain::CheckResult) -> Self {
        Check {
            id: &c.id,
            measure: &c.measure,
            at: c.at,
            answers: &c.answers,
            total: c.total,
            difficulty: c.difficulty,
        }
    }
}

/// Times as RFC 3339 with the writer's offset ("2026-11-22T21:00:00+01:00").
fn rfc3339<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339())
}

fn maybe_rfc3339<S: Serializer>(
    t: &Option<DateTime<FixedOffset>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => rfc3339(t, s),
        None => s.serialize_none(),
    }
}

/// Pairs as one JSON object, keys in the pairs' order.
fn in_order<S: Serializer>(pairs: &&[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in *pairs {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionState, Phase};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// A journal with one of everything, and every optional field both set
    /// and unset somewhere.
    fn golden_journal() -> String {
        let sessions = vec![domain::Session {
            id: "s-1".into(),
            number: 1,
            at: at("2026-11-01T18:00:00+01:00"),
            note: "first session".into(),
            setting: "clinic".into(),
            dose: "0.5 mg/kg".into(),
            row: 7,
        }];
        let answer = |key: &str, prompt: &str, text: &str| domain::Answer {
            key: key.into(),
            prompt: prompt.into(),
            text: text.into(),
        };
        let entries = vec![
            domain::Entry {
                id: "e-1".into(),
                number: 1,
                phase: Phase::Embodiment,
                session: Some(1),
                at: at("2026-11-02T09:30:15+01:00"),
                mood: Some(6),
                tags: vec!["grief".into()],
                feelings: vec!["calm".into(), "sad".into()],
                private: false,
                answers: vec![
                    answer("body", "Where do you feel it?", "In my chest, \"heavy\"."),
                    answer("action", "One small step?", "Call my sister 📞"),
                ],
            },
            domain::Entry {
                id: "e-2".into(),
                number: 2,
                phase: Phase::Free,
                session: None,
                at: at("2026-11-03T22:00:00Z"),
                mood: None,
                tags: vec![],
                feelings: vec![],
                private: true,
                answers: vec![answer("text", "", "Line one\nline two")],
            },
        ];
        let actions = vec![domain::Action {
            id: "a-1".into(),
            number: 1,
            entry: Some("e-1".into()),
            entry_number: Some(1),
            session: None,
            text: "Call my sister 📞".into(),
            state: ActionState::Done,
            at: at("2026-11-02T09:30:15+01:00"),
            done_at: Some(at("2026-11-04T12:00:00+01:00")),
        }];
        let checks = vec![domain::CheckResult {
            id: "c-1".into(),
            number: 1,
            measure: "gad7".into(),
            at: at("2026-11-05T08:00:00+01:00"),
            answers: vec![1, 0, 2, 1, 0, 0, 1],
            total: 5,
            difficulty: None,
        }];
        let plan = vec![
            ("warning_signs".to_string(), "Not sleeping".to_string()),
            ("people".to_string(), "my sister".to_string()),
        ];
        let named = |name: &str| NamedTheme {
            key: crate::themes::key_of(name).unwrap(),
            name: name.to_string(),
        };
        let themes = ThemeChoices {
            hidden: vec![named("exam")],
            kept: vec![named("tightness")],
            merged: vec![crate::store::MergedTheme {
                name: "dad".into(),
                members: vec![named("dad"), named("my father")],
            }],
        };
        let decisions = vec![domain::Decision {
            id: "d-1".into(),
            number: 1,
            entry: "e-1".into(),
            entry_number: 1,
            session: Some(1),
            sentence: "I'm going to quit my job.".into(),
            at: at("2026-11-02T09:30:15+01:00"),
            settled_at: None,
            private: false,
        }];
        let j = Journal::new(
            at("2026-11-06T10:00:00+01:00"),
            &sessions,
            &entries,
            &actions,
            &checks,
            &plan,
            &themes,
            &decisions,
        );
        serde_json::to_string_pretty(&j).unwrap() + "\n"
    }

    #[test]
    fn the_format_is_pinned_by_its_golden_file() {
        let golden = include_str!("../../tests/golden/journal-v1.json");
        assert_eq!(
            golden_journal(),
            golden,
            "the kapj journal format changed; if that is meant, it is a new version"
        );
    }

    #[test]
    fn the_golden_file_reads_back() {
        let doc = super::super::parse(&golden_journal()).unwrap();
        assert_eq!(doc.entries.len(), 2);
        assert_eq!(doc.actions.map(|a| a.len()), Some(1));
        assert_eq!(doc.safety_plan.len(), 2);
        let decisions = doc.decisions.expect("decisions");
        assert_eq!(decisions.len(), 1);
        assert_eq!(decisions[0].sentence, "I'm going to quit my job.");
        assert_eq!(decisions[0].settled_at, None);
        let themes = doc.themes.expect("themes");
        assert_eq!(themes.hidden, vec!["exam"]);
        assert_eq!(themes.kept, vec!["tightness"]);
        assert_eq!(
            themes.merged,
            vec![(
                "dad".to_string(),
                vec!["dad".to_string(), "my father".to_string()]
            )]
        );
    }
}

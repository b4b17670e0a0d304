//! The kapj journal JSON: the backup written by `export --format json` and
//! read by `import`. Reading validates the whole file before anything is
//! written, and names the first problem (which entry, which field).
//! Writing goes through the types in [`v1`], so the format changes only when
//! they do, never because a command's `--json` output did.

pub mod v1;

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

use crate::domain::{Answer, Phase};

pub const FORMAT: &str = "kapj-journal";
pub const VERSION: i64 = 1;

#[derive(Debug, Default)]
pub struct Doc {
    pub sessions: Vec<InSession>,
    pub entries: Vec<InEntry>,
    /// None when the file has no `actions` key (then actions come from `action` answers).
    pub actions: Option<Vec<InAction>>,
    pub checks: Vec<InCheck>,
    pub safety_plan: Vec<(String, String)>,
    /// The client's choices about themes, by name; None when the file has
    /// no `themes` (files from before it was added).
    pub themes: Option<InThemes>,
    /// Big decisions noted after sessions; None when the file has no
    /// `decisions` (files from before they were added).
    pub decisions: Option<Vec<InDecision>>,
}

#[derive(Debug)]
pub struct InDecision {
    pub id: Option<String>,
    /// The entry's id.
    pub entry: String,
    pub sentence: String,
    /// None: the entry's time.
    pub at: Option<DateTime<FixedOffset>>,
    pub settled_at: Option<DateTime<FixedOffset>>,
}

/// Theme choices as a file carries them: names as the client typed them.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct InThemes {
    pub hidden: Vec<String>,
    pub kept: Vec<String>,
    /// (name review shows, members).
    pub merged: Vec<(String, Vec<String>)>,
}

#[derive(Debug)]
pub struct InSession {
    pub id: Option<String>,
    pub number: Option<i64>,
    pub at: Option<DateTime<FixedOffset>>,
    pub note: String,
    pub setting: String,
    pub dose: String,
}

#[derive(Debug, Clone)]
pub struct InEntry {
    pub id: Option<String>,
    pub phase: Phase,
    pub session: Option<i64>,
    pub at: DateTime<FixedOffset>,
    pub mood: Option<u8>,
    pub tags: Vec<String>,
    pub feelings: Vec<String>,
    pub private: bool,
    pub answers: Vec<Answer>,
}

#[derive(Debug)]
pub struct InAction {
    pub id: Option<String>,
    /// None for an action added on its own.
    pub entry: Option<String>,
    /// The session number of an action added on its own.
    pub session: Option<i64>,
    pub text: String,
    pub state: crate::domain::ActionState,
    pub at: Option<DateTime<FixedOffset>>,
    pub done_at: Option<DateTime<FixedOffset>>,
}

#[derive(Debug)]
pub struct InCheck {
    pub id: Option<String>,
    pub measure: String,
    pub at: DateTime<FixedOffset>,
    pub answers: Vec<u8>,
    pub difficulty: Option<u8>,
}

/// Reads a whole document or says what is wrong with it, in one sentence.
pub fn parse(text: &str) -> Result<Doc, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "it is not valid JSON (line {}, column {})",
            e.line(),
            e.column()
        )
    })?;
    let root = v
        .as_object()
        .ok_or("it is not a kapj journal (the top level is not a JSON object)")?;
    if let Some(f) = root.get("format") {
        if f.as_str() != Some(FORMAT) {
            return Err(format!("its \"format\" is {f}, not \"{FORMAT}\""));
        }
    }
    if let Some(ver) = root.get("version") {
        match ver.as_i64() {
            Some(n) if n <= VERSION && n >= 1 => {}
            Some(n) if n > VERSION => {
                return Err(format!(
                    "it was written by a newer kapj (format version {n}; this kapj reads version {VERSION})"
                ))
            }
            _ => return Err(format!("its \"version\" is {ver}, not a version number")),
        }
    }
    let entries = root
        .get("entries")
        .and_then(Value::as_array)
        .ok_or("it has no \"entries\" list")?;
    let mut doc = Doc::default();
    if let Some(list) = optional_array(root, "sessions", "the file")? {
        for (i, s) in list.iter().enumerate() {
            doc.sessions
                .push(session(s, &format!("session {} (sessions[{i}])", i + 1))?);
        }
    }
    for (i, e) in entries.iter().enumerate() {
        doc.entries
            .push(entry(e, &format!("entry {} (entries[{i}])", i + 1))?);
    }
    if let Some(list) = optional_array(root, "actions", "the file")? {
        let mut acts = Vec::new();
        for (i, a) in list.iter().enumerate() {
            acts.push(action(a, &format!("action {} (actions[{i}])", i + 1))?);
        }
        doc.actions = Some(acts);
    }
    if let Some(list) = optional_array(root, "checks", "the file")? {
        for (i, c) in list.iter().enumerate() {
            doc.checks
                .push(check(c, &format!("check {} (checks[{i}])", i + 1))?);
        }
    }
    if let Some(plan) = root.get("safety_plan").filter(|v| !v.is_null()) {
        let obj = plan
            .as_object()
            .ok_or("its \"safety_plan\" is not an object")?;
        for (k, v) in obj {
            let t = v
                .as_str()
                .ok_or_else(|| format!("safety_plan \"{k}\" is not text"))?;
            doc.safety_plan.push((k.clone(), t.to_string()));
        }
    }
    if let Some(t) = root.get("themes").filter(|v| !v.is_null()) {
        doc.themes = Some(in_themes(t)?);
    }
    if let Some(list) = optional_array(root, "decisions", "the file")? {
        let mut out = Vec::new();
        for (i, d) in list.iter().enumerate() {
            out.push(decision(
                d,
                &format!("decision {} (decisions[{i}])", i + 1),
            )?);
        }
        doc.decisions = Some(out);
    }
    Ok(doc)
}

/// Where a streamed import puts what it reads, one part at a time.
pub trait Sink {
    /// The file's sessions (called once, if it has any, before the entries
    /// that follow them in the file).
    fn sessions(&mut self, sessions: Vec<InSession>) -> anyhow::Result<()>;
    /// One entry, checked, as soon as it is read.
    fn entry(&mut self, entry: InEntry) -> anyhow::Result<()>;
}

/// What a streamed file holds besides sessions and entries (small lists).
#[derive(Debug, Default)]
pub struct Rest {
    pub actions: Option<Vec<InAction>>,
    pub checks: Vec<InCheck>,
    pub safety_plan: Vec<(String, String)>,
    pub themes: Option<InThemes>,
    pub decisions: Option<Vec<InDecision>>,
}

/// Why a streamed file was not read to the end.
#[derive(Debug)]
pub enum StreamError {
    /// The file is wrong: one sentence, as [`parse`] gives it.
    Invalid(String),
    /// The file could not be read.
    Io(std::io::Error),
    /// The sink failed (the journal could not take an entry).
    Sink(anyhow::Error),
}

/// Reads a kapj journal document from `reader` one entry at a time (the
/// whole file is never in memory), checking each part as [`parse`] does and
/// handing sessions and entries to `sink` as they come. Sessions listed
/// after the entries (hand-written files) are handed over at the end, with
/// the entries read before them; kapj's own export lists them first.
pub fn stream<R: std::io::Read>(reader: R, sink: &mut dyn Sink) -> Result<Rest, StreamError> {
    use serde::de::Deserializer as _;
    let failure = std::cell::RefCell::new(None);
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, reader));
    let top = Top {
        sink,
        failure: &failure,
    };
    let result = de.deserialize_any(top).and_then(|rest| {
        de.end()?;
        Ok(rest)
    });
    match result {
        Ok(rest) => Ok(rest),
        Err(e) => Err(match failure.into_inner() {
            Some(f) => f,
            None => match e.classify() {
                serde_json::error::Category::Io => StreamError::Io(std::io::Error::new(
                    e.io_error_kind().unwrap_or(std::io::ErrorKind::Other),
                    e.to_string(),
                )),
                serde_json::error::Category::Data => StreamError::Invalid(
                    "it is not a kapj journal (the top level is not a JSON object)".into(),
                ),
                _ => StreamError::Invalid(format!(
                    "it is not valid JSON (line {}, column {})",
                    e.line(),
                    e.column()
                )),
            },
        }),
    }
}

type Failure<'a> = &'a std::cell::RefCell<Option<StreamError>>;

/// Notes why reading stopped and gives serde an error to unwind with.
fn stop<E: serde::de::Error>(failure: Failure, why: StreamError) -> E {
    *failure.borrow_mut() = Some(why);
    E::custom("stopped")
}

struct Top<'s, 'f> {
    sink: &'s mut dyn Sink,
    failure: Failure<'f>,
}

impl<'de> serde::de::Visitor<'de> for Top<'_, '_> {
    type Value = Rest;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a kapj journal object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Rest, A::Error> {
        let failure = self.failure;
        let invalid = |why: String| stop::<A::Error>(failure, StreamError::Invalid(why));
        let mut rest = Rest::default();
        let mut seen_entries = false;
        // Entries read before the sessions (only in hand-written files).
        let mut early: Option<Vec<InEntry>> = Some(Vec::new());
        let mut sessions_given = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => {
                    let f: Value = map.next_value()?;
                    if f.as_str() != Some(FORMAT) {
                        return Err(invalid(format!("its \"format\" is {f}, not \"{FORMAT}\"")));
                    }
                }
                "version" => {
                    let ver: Value = map.next_value()?;
                    match ver.as_i64() {
                        Some(n) if (1..=VERSION).contains(&n) => {}
                        Some(n) if n > VERSION => return Err(invalid(format!(
                            "it was written by a newer kapj (format version {n}; this kapj reads version {VERSION})"
                        ))),
                        _ => return Err(invalid(format!("its \"version\" is {ver}, not a version number"))),
                    }
                }
                "sessions" => {
                    let v: Value = map.next_value()?;
                    let list = match v {
                        Value::Null => Vec::new(),
                        Value::Array(a) => a,
                        _ => return Err(invalid("the file's \"sessions\" is not a list".into())),
                    };
                    let mut out = Vec::with_capacity(list.len());
                    for (i, s) in list.iter().enumerate() {
                        out.push(
                            session(s, &format!("session {} (sessions[{i}])", i + 1))
                                .map_err(&invalid)?,
                        );
                    }
                    self.sink
                        .sessions(out)
                        .map_err(|e| stop::<A::Error>(failure, StreamError::Sink(e)))?;
                    sessions_given = true;
                    for e in early.take().unwrap_or_default() {
                        self.sink
                            .entry(e)
                            .map_err(|e| stop::<A::Error>(failure, StreamError::Sink(e)))?;
                    }
                }
                "entries" => {
                    seen_entries = true;
                    let hold = if sessions_given { None } else { early.as_mut() };
                    map.next_value_seed(Entries {
                        sink: &mut *self.sink,
                        hold,
                        failure,
                    })?;
                }
                "actions" => {
                    let v: Value = map.next_value()?;
                    rest.actions = list_of(&v, "actions", "action", action).map_err(&invalid)?;
                }
                "checks" => {
                    let v: Value = map.next_value()?;
                    rest.checks = list_of(&v, "checks", "check", check)
                        .map_err(&invalid)?
                        .unwrap_or_default();
                }
                "safety_plan" => {
                    let plan: Value = map.next_value()?;
                    if !plan.is_null() {
                        let obj = plan.as_object().ok_or_else(|| {
                            invalid("its \"safety_plan\" is not an object".into())
                        })?;
                        for (k, v) in obj {
                            let t = v.as_str().ok_or_else(|| {
                                invalid(format!("safety_plan \"{k}\" is not text"))
                            })?;
                            rest.safety_plan.push((k.clone(), t.to_string()));
                        }
                    }
                }
                "themes" => {
                    let t: Value = map.next_value()?;
                    if !t.is_null() {
                        rest.themes = Some(in_themes(&t).map_err(&invalid)?);
                    }
                }
                "decisions" => {
                    let v: Value = map.next_value()?;
                    rest.decisions =
                        list_of(&v, "decisions", "decision", decision).map_err(&invalid)?;
                }
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        if !seen_entries {
            return Err(invalid("it has no \"entries\" list".into()));
        }
        for e in early.take().unwrap_or_default() {
            self.sink
                .entry(e)
                .map_err(|e| stop::<A::Error>(failure, StreamError::Sink(e)))?;
        }
        Ok(rest)
    }
}

fn no_entries<E: serde::de::Error>(failure: Failure) -> E {
    stop(
        failure,
        StreamError::Invalid("it has no \"entries\" list".into()),
    )
}

/// The `entries` list, read one element at a time.
struct Entries<'s, 'h, 'f> {
    sink: &'s mut dyn Sink,
    /// Where entries wait when no sessions were read yet.
    hold: Option<&'h mut Vec<InEntry>>,
    failure: Failure<'f>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Entries<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Entries<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of entries")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Err(no_entries(self.failure))
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        Err(no_entries(self.failure))
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        Err(no_entries(self.failure))
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        Err(no_entries(self.failure))
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        Err(no_entries(self.failure))
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        Err(no_entries(self.failure))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(no_entries(self.failure))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        while let Some(v) = seq.next_element::<Value>()? {
            let e = entry(&v, &format!("entry {} (entries[{i}])", i + 1))
                .map_err(|why| stop::<A::Error>(self.failure, StreamError::Invalid(why)))?;
            drop(v);
            match self.hold.as_mut() {
                Some(hold) => hold.push(e),
                None => self
                    .sink
                    .entry(e)
                    .map_err(|e| stop::<A::Error>(self.failure, StreamError::Sink(e)))?,
            }
            i += 1;
        }
        Ok(())
    }
}

/// `themes`: every name must be one kapj can count as a theme.
fn in_themes(v: &Value) -> Result<InThemes, String> {
    let o = object(v, "its \"themes\"")?;
    let names = |key: &str| -> Result<Vec<String>, String> {
        let list = str_list(o, key, "themes")?;
        for (i, n) in list.iter().enumerate() {
            theme_name(n, &format!("themes.{key}[{i}]"))?;
        }
        Ok(list)
    };
    let mut out = InThemes {
        hidden: names("hidden")?,
        kept: names("kept")?,
        merged: Vec::new(),
    };
    if let Some(list) = optional_array(o, "merged", "themes")? {
        for (i, g) in list.iter().enumerate() {
            let what = format!("themes.merged[{i}]");
            let g = object(g, &what)?;
            let name =
                opt_str(g, "theme", &what)?.ok_or_else(|| format!("{what} has no \"theme\""))?;
            theme_name(&name, &format!("{what}.theme"))?;
            let members = str_list(g, "members", &what)?;
            for (j, m) in members.iter().enumerate() {
                theme_name(m, &format!("{what}.members[{j}]"))?;
            }
            if members.len() < 2 {
                return Err(format!("{what} merges fewer than two themes"));
            }
            out.merged.push((name, members));
        }
    }
    Ok(out)
}

fn theme_name(name: &str, what: &str) -> Result<(), String> {
    crate::themes::key_of(name).map(|_| ()).map_err(|_| {
        format!("{what} (\"{name}\") is not a word or short phrase kapj counts as a theme")
    })
}

fn optional_array<'a>(
    o: &'a Map<String, Value>,
    key: &str,
    what: &str,
) -> Result<Option<&'a Vec<Value>>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(a)) => Ok(Some(a)),
        Some(_) => Err(format!("{what}'s \"{key}\" is not a list")),
    }
}

fn object<'a>(v: &'a Value, what: &str) -> Result<&'a Map<String, Value>, String> {
    v.as_object()
        .ok_or_else(|| format!("{what} is not a JSON object"))
}

fn opt_str(o: &Map<String, Value>, key: &str, what: &str) -> Result<Option<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("{what} has a \"{key}\" that is not text")),
    }
}

fn opt_time(
    o: &Map<String, Value>,
    key: &str,
    what: &str,
) -> Result<Option<DateTime<FixedOffset>>, String> {
    match opt_str(o, key, what)? {
        None => Ok(None),
        Some(s) => DateTime::parse_from_rfc3339(&s)
            .map(Some)
            .map_err(|_| format!("{what} has an \"{key}\" that is not an RFC 3339 time: \"{s}\"")),
    }
}

fn opt_int(
    o: &Map<String, Value>,
    key: &str,
    what: &str,
    lo: i64,
    hi: i64,
) -> Result<Option<i64>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match v.as_i64() {
            Some(n) if (lo..=hi).contains(&n) => Ok(Some(n)),
            _ => Err(format!(
                "{what} has a \"{key}\" of {v}; it must be a whole number from {lo} to {hi}"
            )),
        },
    }
}

fn opt_id(o: &Map<String, Value>, what: &str) -> Result<Option<String>, String> {
    let id = opt_str(o, "id", what)?;
    if let Some(s) = &id {
        if s.trim().is_empty() || s.len() > 100 {
            return Err(format!("{what} has an \"id\" that is empty or too long"));
        }
    }
    Ok(id)
}

fn str_list(o: &Map<String, Value>, key: &str, what: &str) -> Result<Vec<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str().map(str::to_string).ok_or_else(|| {
                    format!("{what} has a \"{key}\" list with something that is not text")
                })
            })
            .collect(),
        Some(_) => Err(format!("{what} has a \"{key}\" that is not a list")),
    }
}

fn session(v: &Value, what: &str) -> Result<InSession, String> {
    let o = object(v, what)?;
    Ok(InSession {
        id: opt_id(o, what)?,
        number: opt_int(o, "number", what, 1, 1_000_000)?,
        at: opt_time(o, "at", what)?,
        note: opt_str(o, "note", what)?.unwrap_or_default(),
        setting: opt_str(o, "setting", what)?.unwrap_or_default(),
        dose: opt_str(o, "dose", what)?.unwrap_or_default(),
    })
}

fn entry(v: &Value, what: &str) -> Result<InEntry, String> {
    let o = object(v, what)?;
    let phase_s = opt_str(o, "phase", what)?.ok_or_else(|| format!("{what} has no \"phase\""))?;
    let phase = Phase::parse(&phase_s)
        .ok_or_else(|| format!("{what} has a \"phase\" of \"{phase_s}\", which is not a phase"))?;
    let at = opt_time(o, "at", what)?.ok_or_else(|| format!("{what} has no \"at\" time"))?;
    let answers_v = match o.get("answers") {
        Some(Value::Array(a)) => a,
        None | Some(Value::Null) => return Err(format!("{what} has no \"answers\"")),
        Some(_) => return Err(format!("{what} has \"answers\" that are not a list")),
    };
    let mut answers = Vec::new();
    for (j, a) in answers_v.iter().enumerate() {
        let aw = format!("{what}, answer {}", j + 1);
        let ao = object(a, &aw)?;
        let text = opt_str(ao, "text", &aw)?.ok_or_else(|| format!("{aw} has no \"text\""))?;
        answers.push(Answer {
            key: opt_str(ao, "key", &aw)?.unwrap_or_default(),
            prompt: opt_str(ao, "prompt", &aw)?.unwrap_or_default(),
            text,
        });
    }
    let private = match o.get("private") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(format!(
                "{what} has a \"private\" that is not true or false"
            ))
        }
    };
    Ok(InEntry {
        id: opt_id(o, what)?,
        phase,
        session: opt_int(o, "session", what, 1, 1_000_000)?,
        at,
        mood: opt_int(o, "mood", what, 0, 10)?.map(|m| m as u8),
        tags: str_list(o, "tags", what)?,
        feelings: str_list(o, "feelings", what)?,
        private,
        answers,
    })
}

/// A top-level list of the file (`actions`, `checks`, `decisions`): absent
/// or null is None; each item is read by `item`, named "action 3
/// (actions[2])" in an error.
fn list_of<T>(
    v: &Value,
    key: &str,
    one: &str,
    item: fn(&Value, &str) -> Result<T, String>,
) -> Result<Option<Vec<T>>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Array(list) => list
            .iter()
            .enumerate()
            .map(|(i, x)| item(x, &format!("{one} {} ({key}[{i}])", i + 1)))
            .collect::<Result<_, _>>()
            .map(Some),
        _ => Err(format!("the file's \"{key}\" is not a list")),
    }
}

fn action(v: &Value, what: &str) -> Result<InAction, String> {
    let o = object(v, what)?;
    let state = match opt_str(o, "state", what)? {
        None => crate::domain::ActionState::Open,
        Some(s) => crate::domain::ActionState::parse(&s).ok_or_else(|| {
            format!("{what} has a \"state\" of \"{s}\"; it must be open, done or dropped")
        })?,
    };
    Ok(InAction {
        id: opt_id(o, what)?,
        entry: opt_str(o, "entry", what)?,
        session: match o.get("session") {
            None | Some(Value::Null) => None,
            Some(v) => {
                Some(v.as_i64().filter(|n| *n > 0).ok_or_else(|| {
                    format!("{what} has a \"session\" that is not a session number")
                })?)
            }
        },
        text: opt_str(o, "text", what)?.ok_or_else(|| format!("{what} has no \"text\""))?,
        state,
        at: opt_time(o, "at", what)?,
        done_at: opt_time(o, "done_at", what)?,
    })
}

fn decision(v: &Value, what: &str) -> Result<InDecision, String> {
    let o = object(v, what)?;
    let sentence =
        opt_str(o, "sentence", what)?.ok_or_else(|| format!("{what} has no \"sentence\""))?;
    if sentence.trim().is_empty() {
        return Err(format!("{what} has an empty \"sentence\""));
    }
    Ok(InDecision {
        id: opt_id(o, what)?,
        entry: opt_str(o, "entry", what)?.ok_or_else(|| format!("{what} has no \"entry\""))?,
        sentence,
        at: opt_time(o, "at", what)?,
        settled_at: opt_time(o, "settled_at", what)?,
    })
}

fn check(v: &Value, what: &str) -> Result<InCheck, String> {
    let o = object(v, what)?;
    let measure =
        opt_str(o, "measure", what)?.ok_or_else(|| format!("{what} has no \"measure\""))?;
    let m = crate::care::measures::Measure::parse(&measure).ok_or_else(|| {
        format!("{what} has a \"measure\" of \"{measure}\", which kapj does not know")
    })?;
    let answers: Vec<u8> = match o.get("answers") {
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| x.as_u64().filter(|n| *n <= 3).map(|n| n as u8))
            .collect::<Option<_>>()
            .ok_or_else(|| {
                format!("{what} has \"answers\" that are not whole numbers from 0 to 3")
            })?,
        _ => return Err(format!("{what} has no \"answers\" list")),
    };
    m.score(&answers).map_err(|e| format!("{what}: {e}"))?;
    Ok(InCheck {
        id: opt_id(o, what)?,
        measure: m.key().to_string(),
        at: opt_time(o, "at", what)?.ok_or_else(|| format!("{what} has no \"at\" time"))?,
        answers,
        difficulty: opt_int(o, "difficulty", what, 0, 3)?.map(|d| d as u8),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_entry_is_enough() {
        let d = parse(r#"{"entries":[{"phase":"reflect","at":"2026-01-01T10:00:00Z","answers":[{"text":"hi"}]}]}"#).unwrap();
        assert_eq!(d.entries[0].phase, Phase::Reflection);
        assert!(d.actions.is_none());
    }

    #[test]
    fn names_the_first_problem() {
        let e = parse(r#"{"entries":[{"phase":"free","at":"2026-01-01T10:00:00Z","answers":[]},{"phase":"free","at":"soon","answers":[]}]}"#).unwrap_err();
        assert_eq!(
            e,
            "entry 2 (entries[1]) has an \"at\" that is not an RFC 3339 time: \"soon\""
        );
        let e = parse(
            r#"{"entries":[{"phase":"free","at":"2026-01-01T10:00:00Z","mood":11,"answers":[]}]}"#,
        )
        .unwrap_err();
        assert!(e.contains("\"mood\" of 11"), "{e}");
        assert!(parse("[1,2]").unwrap_err().contains("not a kapj journal"));
        assert!(
            parse(r#"{"format":"kapj-journal","version":2,"entries":[]}"#)
                .unwrap_err()
                .contains("newer kapj")
        );
    }
}

//! Journals written by other tools: jrnl (its JSON export and its plain-text
//! file), Day One (the export zip or the JSON inside it) and a folder of
//! markdown notes. Each reader turns its source into plain [`Entry`] values;
//! the store inserts them in one transaction (`Store::import_foreign`).
//!
//! Every reader is all or nothing: the first record it cannot read stops the
//! import with the file, the record (or line) and the reason.

pub mod dayone;
pub mod jrnl;
pub mod markdown;

use std::io::Read as _;
use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::clock::Clock;
use crate::error::user_hint;

/// The largest file kapj reads for an import. Five years of daily writing is
/// a few megabytes; a file far larger is not a journal (or would not fit in
/// memory calmly), and is refused before a byte of it is read.
pub const MAX_FILE: u64 = 512 * 1024 * 1024;

/// Which kind of source a file or folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Kapj,
    Jrnl,
    DayOne,
    Markdown,
}

impl Format {
    /// The name the summary uses, and the `source` key of imported entries.
    pub fn key(self) -> &'static str {
        match self {
            Format::Kapj => "kapj",
            Format::Jrnl => "jrnl",
            Format::DayOne => "dayone",
            Format::Markdown => "markdown",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Kapj => "kapj",
            Format::Jrnl => "jrnl",
            Format::DayOne => "Day One",
            Format::Markdown => "markdown notes",
        }
    }
}

/// One entry from another tool, ready to become a free-writing entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The instant and the offset the writer saw.
    pub at: DateTime<FixedOffset>,
    pub text: String,
    /// Without their symbol, in lower case.
    pub tags: Vec<String>,
    pub starred: bool,
    /// What identifies this entry in its source across edits: its id where
    /// the source has one, else its date and time (jrnl) or its file (markdown).
    pub ident: String,
    /// A hash of what the entry says (time, text and tags): the same entry
    /// imported again has the same digest.
    pub digest: String,
    /// Whether `ident` is the source's own id: then an entry is the same
    /// only with the same id and digest; otherwise the digest alone decides.
    pub by_id: bool,
}

/// What a reader found.
#[derive(Debug)]
pub struct Batch {
    pub format: Format,
    pub entries: Vec<Entry>,
    /// Records with no words at all (a Day One entry that is only a photo, an
    /// empty note): left out, and counted in the summary.
    pub empty: usize,
    /// Photos, videos, audio and PDFs: kapj keeps no attachments yet.
    pub attachments: usize,
    /// Notes with no date in their name or front matter, dated by the file's
    /// modification time.
    pub undated: usize,
    /// Day One entries whose time zone kapj does not know: kept at their
    /// instant, shown in the local offset.
    pub unknown_zone: usize,
}

impl Batch {
    fn new(format: Format) -> Batch {
        Batch {
            format,
            entries: Vec::new(),
            empty: 0,
            attachments: 0,
            undated: 0,
            unknown_zone: 0,
        }
    }
}

/// What `read` decided.
pub enum Source {
    /// A kapj journal JSON document (its text, read once).
    Kapj(String),
    Foreign(Batch),
}

pub struct Options<'a> {
    pub from: Option<Format>,
    /// jrnl's `timeformat` for its plain-text file.
    pub time_format: Option<&'a str>,
    pub clock: &'a Clock,
}

/// Reads a file or folder in whichever format it is (or the one asked for).
pub fn read(path: &Path, o: &Options) -> Result<Source> {
    let meta = std::fs::metadata(path).map_err(|e| {
        user_hint(
            format!(
                "Could not read {}: {}.",
                path.display(),
                crate::store::plain_io(&e)
            ),
            "Check the path; nothing was imported.",
        )
    })?;
    if meta.is_dir() {
        return match o.from {
            Some(Format::DayOne) => dayone::read_dir(path, o).map(Source::Foreign),
            None if path.join(dayone::JOURNAL_JSON).is_file() => {
                dayone::read_dir(path, o).map(Source::Foreign)
            }
            None | Some(Format::Markdown) => markdown::read_dir(path, o).map(Source::Foreign),
            Some(f) => Err(bad(
                path,
                &format!("it is a folder, and {} reads a file", f.name()),
            )),
        };
    }
    // A Day One zip holds the photos too and may be any size: only the
    // journal's JSON inside it is read, and that is size-checked.
    if is_zip(path)? {
        return match o.from {
            None | Some(Format::DayOne) => dayone::read_zip(path, o).map(Source::Foreign),
            Some(f) => Err(bad(
                path,
                &format!("it is a zip file, not a {} file", f.name()),
            )),
        };
    }
    check_size(path, meta.len())?;
    let text = read_text(path)?;
    let from = match o.from {
        Some(f) => f,
        None => detect(path, &text)?,
    };
    Ok(match from {
        Format::Kapj => Source::Kapj(text),
        Format::Jrnl if text.trim_start().starts_with('{') => {
            Source::Foreign(jrnl::from_json(path, &text, o)?)
        }
        Format::Jrnl => Source::Foreign(jrnl::from_text(path, &text, o)?),
        Format::DayOne => Source::Foreign(dayone::from_json(path, &text, o)?),
        Format::Markdown => Source::Foreign(markdown::read_file(path, &text, o)?),
    })
}

/// Which format a file's text is in. JSON that is neither jrnl's nor Day
/// One's goes to kapj's own reader, which says what is wrong with it.
fn detect(path: &Path, text: &str) -> Result<Format> {
    let start = text.trim_start();
    if start.starts_with('{') {
        return Ok(json_kind(start));
    }
    if jrnl::looks_like_text(text) {
        return Ok(Format::Jrnl);
    }
    if start.starts_with('[') {
        return Ok(Format::Kapj);
    }
    if markdown::is_note(path) {
        return Ok(Format::Markdown);
    }
    Err(user_hint(
        format!(
            "Could not import {}: it is in none of the formats kapj reads.",
            path.display()
        ),
        "kapj imports its own JSON, jrnl's JSON or text file, a Day One zip or JSON, and folders of markdown notes; nothing was imported.",
    ))
}

/// Looks at the first entry (or the top-level keys) of a JSON document.
fn json_kind(text: &str) -> Format {
    #[derive(serde::Deserialize)]
    struct Peek {
        format: Option<serde::de::IgnoredAny>,
        metadata: Option<serde::de::IgnoredAny>,
        tags: Option<serde::de::IgnoredAny>,
        #[serde(default)]
        entries: Vec<std::collections::HashMap<String, serde::de::IgnoredAny>>,
    }
    let Ok(p) = serde_json::from_str::<Peek>(text) else {
        return Format::Kapj;
    };
    if p.format.is_some() {
        return Format::Kapj;
    }
    match p.entries.first() {
        Some(e) if e.contains_key("creationDate") => Format::DayOne,
        Some(e)
            if !e.contains_key("phase")
                && !e.contains_key("answers")
                && (e.contains_key("date") || e.contains_key("title")) =>
        {
            Format::Jrnl
        }
        None if p.metadata.is_some() => Format::DayOne,
        None if p.tags.is_some() => Format::Jrnl,
        _ => Format::Kapj,
    }
}

/// serde_json's reason in plain words: which field, and the line for a
/// syntax error.
pub(crate) fn json_why(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => {
            format!(
                "it is not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            )
        }
        _ => {
            let msg = e.to_string();
            let msg = match msg.find(" at line ") {
                Some(i) => &msg[..i],
                None => &msg,
            };
            let msg = msg.replace('`', "\"");
            match msg.strip_prefix("missing field ") {
                Some(f) => format!("it has no {f}"),
                None => msg,
            }
        }
    }
}

/// One plain sentence naming the file (and where in it) and what is wrong.
pub(crate) fn bad(path: &Path, why: &str) -> anyhow::Error {
    user_hint(
        format!("Could not import {}: {why}.", path.display()),
        "Nothing was imported.",
    )
}

/// Refuses a file too large to be a journal before reading any of it.
pub(crate) fn check_size(path: &Path, len: u64) -> Result<()> {
    if len > MAX_FILE {
        return Err(bad(
            path,
            &format!(
                "it is {}, larger than any journal kapj imports ({} at most)",
                size(len),
                size(MAX_FILE)
            ),
        ));
    }
    Ok(())
}

fn size(n: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let mb = n as f64 / MB;
    if mb >= 1024.0 {
        format!("{:.1} GB", mb / 1024.0)
    } else {
        format!("{mb:.0} MB")
    }
}

fn is_zip(path: &Path) -> Result<bool> {
    let mut head = [0u8; 4];
    let mut f = std::fs::File::open(path).map_err(|e| io_bad(path, &e))?;
    let mut got = 0;
    while got < 4 {
        match f.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) => return Err(io_bad(path, &e)),
        }
    }
    Ok(got == 4 && &head == b"PK\x03\x04")
}

fn io_bad(path: &Path, e: &std::io::Error) -> anyhow::Error {
    bad(
        path,
        &format!("it could not be read ({})", crate::store::plain_io(e)),
    )
}

/// A file's text: size-checked, UTF-8, without a byte-order mark, with
/// Windows and old Mac line ends made plain.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| io_bad(path, &e))?;
    check_size(path, meta.len())?;
    let bytes = std::fs::read(path).map_err(|e| io_bad(path, &e))?;
    text_of(path, bytes)
}

pub(crate) fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        bad(
            path,
            &format!("line {line} is not UTF-8 text (kapj reads UTF-8 only)"),
        )
    })?;
    Ok(plain_lines(text))
}

fn plain_lines(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    text
}

/// A stable 128-bit FNV-1a hash of the parts, as hex: the same on every run
/// and every release, so an entry imported once is known again.
pub fn digest(parts: &[&str]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0xff;
            h = h.wrapping_mul(PRIME);
        }
        for b in p.bytes() {
            h ^= u128::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    format!("{h:032x}")
}

/// Tags without their symbol, lower case, each once, in first-seen order.
pub(crate) fn push_tag(tags: &mut Vec<String>, raw: &str) {
    let t = crate::cmd::normalise_tag(raw);
    if !t.is_empty() && !tags.contains(&t) {
        tags.push(t);
    }
}

/// Inline tags in text: a `symbol` right after a space or a line start, then
/// letters, digits and `_ - /` (jrnl also allows `+ * #`); all digits is a
/// number, not a tag. Fenced code blocks are skipped.
pub(crate) fn inline_tags(text: &str, symbols: &[char], tags: &mut Vec<String>) {
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut prev_space = true;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if prev_space && symbols.contains(&c) {
                let rest = &line[i + c.len_utf8()..];
                let len: usize = rest
                    .chars()
                    .take_while(|&ch| ch.is_alphanumeric() || matches!(ch, '_' | '-' | '/'))
                    .map(char::len_utf8)
                    .sum();
                let tag = rest[..len].trim_end_matches(['-', '/']);
                if !tag.is_empty() && !tag.chars().all(|ch| ch.is_ascii_digit()) {
                    push_tag(tags, tag);
                }
                for _ in 0..rest[..len].chars().count() {
                    chars.next();
                }
                prev_space = false;
                continue;
            }
            prev_space = c.is_whitespace();
        }
    }
}

/// Text as kapj keeps it: trailing spaces and blank lines at either end gone.
pub(crate) fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_stable_and_separates_parts() {
        assert_eq!(digest(&["a", "b"]), digest(&["a", "b"]));
        assert_ne!(digest(&["ab", ""]), digest(&["a", "b"]));
        assert_eq!(digest(&[]).len(), 32);
        // Fixed for all time: a changed hash would import everything twice.
        assert_eq!(digest(&["2024-01-05 09:00", "hello"]).len(), 32);
    }

    #[test]
    fn inline_tags_after_space_only_and_not_numbers() {
        let mut t = Vec::new();
        inline_tags(
            "#Grief and mail@x.org, #2 #body-work/ ok\n```\n#code\n```\n# Heading #kept",
            &['#'],
            &mut t,
        );
        assert_eq!(t, ["grief", "body-work", "kept"]);
    }

    #[test]
    fn bom_and_crlf_are_made_plain() {
        assert_eq!(plain_lines("\u{feff}a\r\nb\rc".into()), "a\nb\nc");
    }

    #[test]
    fn tidy_trims_ends() {
        assert_eq!(tidy("\n\n  a  \n\nb \n\n"), "  a\n\nb");
        assert_eq!(tidy(" \n "), "");
    }

    mod never_panics {
        use super::super::*;
        use crate::clock::Clock;
        use proptest::prelude::*;

        /// Text made of the pieces the readers look for, in any order.
        fn awkward() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "[",
                "]",
                "] ",
                " ",
                "\n",
                "\r\n",
                "\r",
                "2024-01-05 09:00",
                "2024-02-30",
                "09:05 PM",
                "*",
                " *",
                "@",
                "@tag",
                "#",
                "#tag",
                "# ",
                "---",
                "...",
                "date: ",
                "tags: [a, b]",
                "  - x",
                "é",
                "海",
                "🌊",
                "\\",
                "\\.",
                "![",
                "](",
                ")",
                "![](dayone-moment://AB)",
                "[[link]]",
                "```",
                "\u{feff}",
                "word",
                "0930",
            ]);
            prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

            #[test]
            fn readers_take_any_text_without_panicking(text in awkward(), name in awkward()) {
                let clock = Clock::fixed(DateTime::parse_from_rfc3339("2026-01-01T12:00:00+01:00").unwrap());
                for tf in [None, Some("%Y-%m-%d %I:%M %p"), Some("%Y")] {
                    let o = Options { from: None, time_format: tf, clock: &clock };
                    if let Ok(b) = jrnl::from_text(Path::new("j.txt"), &text, &o) {
                        for e in &b.entries {
                            prop_assert!(!e.text.is_empty());
                            prop_assert_eq!(&tidy(&e.text), &e.text);
                        }
                    }
                }
                let o = Options { from: None, time_format: None, clock: &clock };
                let file = format!("{}.md", name.replace(['/', '\0'], ""));
                if let Ok(b) = markdown::read_file(Path::new(&file), &plain_lines(text.clone()), &o) {
                    for e in &b.entries {
                        prop_assert!(!e.text.trim().is_empty());
                    }
                }
                let _ = dayone::from_json(Path::new("d.json"), &text, &o);
                let _ = jrnl::from_json(Path::new("j.json"), &text, &o);
                let _ = detect(Path::new(&file), &text);
                let mut tags = Vec::new();
                inline_tags(&text, &['#', '@'], &mut tags);
                prop_assert!(tags.iter().all(|t| !t.is_empty()));
            }
        }
    }
}

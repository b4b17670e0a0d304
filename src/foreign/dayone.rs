//! Day One: the export zip (`Journal.json` and a `photos/` folder, one JSON
//! file per journal), the same unzipped into a folder, or the JSON alone.
//!
//! Each entry has a `uuid`, a `creationDate` in UTC (`2024-03-10T06:30:00Z`),
//! the `timeZone` it was written in (`America/New_York`), its `text` in
//! markdown, `tags` and `starred`; `photos`, `videos`, `audios` and
//! `pdfAttachments` list its attachments, which the text points at with
//! `![](dayone-moment://…)`. Day One's markdown escapes punctuation that
//! needs none (`\.`, `\(`, `\-`); kapj keeps the plain characters.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::de::IgnoredAny;
use serde::Deserialize;

use super::{bad, check_size, digest, json_why, push_tag, text_of, tidy, Batch, Entry, Format};
use super::{Options, MAX_FILE};

/// The journal file of a Day One export with one journal.
pub const JOURNAL_JSON: &str = "Journal.json";

#[derive(Deserialize)]
struct Doc {
    entries: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DoEntry {
    #[serde(default)]
    uuid: Option<String>,
    creation_date: String,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    photos: Vec<IgnoredAny>,
    #[serde(default)]
    videos: Vec<IgnoredAny>,
    #[serde(default)]
    audios: Vec<IgnoredAny>,
    #[serde(default)]
    pdf_attachments: Vec<IgnoredAny>,
}

pub fn from_json(path: &Path, text: &str, o: &Options) -> Result<Batch> {
    let mut batch = Batch::new(Format::DayOne);
    add_json(&mut batch, path, text, o)?;
    Ok(batch)
}

fn add_json(batch: &mut Batch, path: &Path, text: &str, o: &Options) -> Result<()> {
    if !text.trim_start().starts_with('{') {
        return Err(bad(path, "it is not a Day One JSON file"));
    }
    let doc: Doc = serde_json::from_str(text).map_err(|e| bad(path, &json_why(&e)))?;
    for (i, v) in doc.entries.into_iter().enumerate() {
        let n = i + 1;
        let e: DoEntry = serde_json::from_value(v)
            .map_err(|e| bad(path, &format!("entry {n}: {}", json_why(&e))))?;
        let utc: DateTime<Utc> = DateTime::parse_from_rfc3339(e.creation_date.trim())
            .map_err(|_| {
                bad(
                    path,
                    &format!(
                        "entry {n}: the creationDate \"{}\" is not a date and time kapj can read",
                        e.creation_date
                    ),
                )
            })?
            .with_timezone(&Utc);
        batch.attachments +=
            e.photos.len() + e.videos.len() + e.audios.len() + e.pdf_attachments.len();
        let text = tidy(&unescape(&without_moments(e.text.as_deref().unwrap_or(""))));
        if text.is_empty() {
            batch.empty += 1;
            continue;
        }
        // The entry keeps the zone it was written in: 08:00 in Berlin stays
        // 08:00+01:00 (or +02:00 in summer), not the importer's local time.
        let zone = e
            .time_zone
            .as_deref()
            .and_then(|z| z.trim().parse::<chrono_tz::Tz>().ok());
        let at = match zone {
            Some(tz) => utc.with_timezone(&tz).fixed_offset(),
            None => {
                batch.unknown_zone += 1;
                o.clock.to_local(utc.fixed_offset())
            }
        };
        let mut tags = Vec::new();
        for t in &e.tags {
            push_tag(&mut tags, t);
        }
        let when = utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let d = digest(&[&when, &text]);
        let (ident, by_id) = match e.uuid.filter(|u| !u.trim().is_empty()) {
            Some(u) => (u, true),
            None => (when, false),
        };
        batch.entries.push(Entry {
            at,
            text,
            tags,
            starred: e.starred,
            ident,
            digest: d,
            by_id,
        });
    }
    Ok(())
}

/// Drops Day One's pointers to attachments (`![](dayone-moment://…)`,
/// `![](dayone-moment:/video/…)`): the attachments are left out, and the
/// summary counts them.
fn without_moments(text: &str) -> String {
    if !text.contains("dayone-moment:") {
        return text.to_string();
    }
    // A line that held only a pointer goes, with the blank line it leaves.
    let mut out: Vec<String> = Vec::new();
    let mut dropped = false;
    for line in text.split('\n') {
        let kept = without_moments_in(line);
        if kept.trim().is_empty() && !line.trim().is_empty() {
            dropped = true;
            continue;
        }
        if dropped && kept.trim().is_empty() && out.last().is_some_and(|l| l.trim().is_empty()) {
            continue;
        }
        dropped = false;
        out.push(kept);
    }
    out.join("\n")
}

fn without_moments_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("![") {
        let after = &rest[i..];
        let target = after
            .find("](dayone-moment:")
            .filter(|&j| !after[2..j].contains(['\n', ']']));
        match target.and_then(|j| after[j..].find(')').map(|k| j + k + 1)) {
            Some(end) => {
                out.push_str(&rest[..i]);
                rest = &after[end..];
            }
            None => {
                out.push_str(&rest[..i + 2]);
                rest = &after[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Markdown's backslash escapes of ASCII punctuation, made plain: `\.` is `.`.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// The export zip: every journal's JSON in it (the photos stay unread).
pub fn read_zip(path: &Path, o: &Options) -> Result<Batch> {
    let file = std::fs::File::open(path).map_err(|e| {
        bad(
            path,
            &format!("it could not be read ({})", crate::store::plain_io(&e)),
        )
    })?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|_| bad(path, "it is a damaged or unreadable zip file"))?;
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| is_journal_json(n))
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        return Err(bad(
            path,
            "it is a zip file without a Journal.json inside, so not a Day One export",
        ));
    }
    let mut batch = Batch::new(Format::DayOne);
    for name in sorted(names) {
        let shown = path.join(&name);
        let mut f = zip
            .by_name(&name)
            .map_err(|_| bad(&shown, "it could not be read from the zip file"))?;
        check_size(&shown, f.size())?;
        let mut bytes = Vec::new();
        (&mut f)
            .take(MAX_FILE + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| bad(&shown, "it could not be read from the zip file"))?;
        check_size(&shown, bytes.len() as u64)?;
        let text = text_of(&shown, bytes)?;
        add_json(&mut batch, &shown, &text, o)?;
        // Attachments are counted from the entries; the files are not read.
    }
    Ok(batch)
}

/// An unzipped export: the JSON files at the top of the folder.
pub fn read_dir(path: &Path, o: &Options) -> Result<Batch> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| {
            bad(
                path,
                &format!("it could not be read ({})", crate::store::plain_io(&e)),
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(is_journal_json)
        })
        .collect();
    if files.is_empty() {
        return Err(bad(
            path,
            "it is a folder without a Journal.json inside, so not a Day One export",
        ));
    }
    files.sort();
    let mut batch = Batch::new(Format::DayOne);
    for f in files {
        let text = super::read_text(&f)?;
        add_json(&mut batch, &f, &text, o)?;
    }
    Ok(batch)
}

/// A journal's JSON in an export: `Journal.json`, or `<journal name>.json`
/// when several journals were exported, at the top or in one folder (an
/// export zipped again with its folder); not a macOS `__MACOSX/._` shadow
/// file, nothing inside the attachment folders.
fn is_journal_json(name: &str) -> bool {
    let parts: Vec<&str> = name.split('/').collect();
    let file = parts.last().copied().unwrap_or("");
    parts.len() <= 2
        && !file.starts_with('.')
        && !parts.iter().any(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "__macosx" | "photos" | "videos" | "audios" | "pdfs"
            )
        })
        && Path::new(file)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// `Journal.json` first, then the others by name.
fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort_by_key(|n| (!n.ends_with(JOURNAL_JSON), n.clone()));
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_moments_are_made_plain() {
        assert_eq!(
            unescape(r"Walked \(slowly\)\. Felt 3\-ish \\ ok"),
            r"Walked (slowly). Felt 3-ish \ ok"
        );
        assert_eq!(
            without_moments("Lake.\n![](dayone-moment://ABC123)\nAfter ![x] and ![](http://a)"),
            "Lake.\nAfter ![x] and ![](http://a)"
        );
    }

    #[test]
    fn journal_json_names() {
        assert!(is_journal_json("Journal.json"));
        assert!(is_journal_json("Dreams.json"));
        assert!(!is_journal_json("photos/a.json"));
        assert!(is_journal_json("Export/Journal.json"));
        assert!(!is_journal_json("__MACOSX/._Journal.json"));
        assert!(!is_journal_json("a/b/Journal.json"));
        assert!(!is_journal_json("photos/a.jpeg"));
        assert_eq!(
            sorted(vec!["A.json".into(), "Journal.json".into()])[0],
            "Journal.json"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 400, failure_persistence: None, ..Default::default() })]

        #[test]
        fn cleaning_any_text_never_panics(text in "[!\\[\\]()\\\\.a-c é\n:/]{0,40}(dayone-moment:)?[!\\[\\]()\\\\.a-c é\n:/]{0,40}") {
            let out = unescape(&without_moments(&text));
            proptest::prop_assert!(out.len() <= text.len());
        }
    }
}

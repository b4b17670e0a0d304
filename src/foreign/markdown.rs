//! A folder of markdown notes (Obsidian daily notes and the like), one entry
//! per note.
//!
//! A note's date comes from its file name (`2024-01-05.md`, `2024-01-05
//! 0930.md`, `2024.01.05.md`, each optionally followed by a title) or from a
//! `date` (or `created`) in its YAML front matter. Inline `#tags` and the
//! front matter's `tags` become tags; the front matter itself is not entry
//! text. Obsidian's `![[embeds]]` and `[[links]]` stay as they are. A note
//! with no date anywhere is dated by its file's modification time, and the
//! summary says how many were.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

use super::{bad, digest, inline_tags, push_tag, tidy, Batch, Entry, Format, Options};
use crate::error::user_hint;

/// Whether a file is a markdown note, by its extension.
pub fn is_note(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// One note given on its own.
pub fn read_file(path: &Path, text: &str, o: &Options) -> Result<Batch> {
    let mut batch = Batch::new(Format::Markdown);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    add_note(&mut batch, path, &name, text, o)?;
    Ok(batch)
}

pub fn read_dir(root: &Path, o: &Options) -> Result<Batch> {
    let mut files = Vec::new();
    walk(root, &mut files)?;
    if files.is_empty() {
        return Err(user_hint(
            format!(
                "Could not import {}: the folder holds no markdown notes (.md files).",
                root.display()
            ),
            "Nothing was imported.",
        ));
    }
    files.sort();
    let mut batch = Batch::new(Format::Markdown);
    for f in files {
        let text = super::read_text(&f)?;
        let rel = f
            .strip_prefix(root)
            .unwrap_or(&f)
            .to_string_lossy()
            .into_owned();
        add_note(&mut batch, &f, &rel, &text, o)?;
    }
    Ok(batch)
}

/// Notes under a folder; hidden folders (`.obsidian`, `.trash`, `.git`) are
/// settings and history, not notes, and symbolic links to folders are not
/// followed (a link back up would never end).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| {
        bad(
            dir,
            &format!("it could not be read ({})", crate::store::plain_io(&e)),
        )
    })?;
    for e in rd {
        let e = e.map_err(|e| {
            bad(
                dir,
                &format!("it could not be read ({})", crate::store::plain_io(&e)),
            )
        })?;
        let p = e.path();
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = e.file_type().map_err(|err| {
            bad(
                &p,
                &format!("it could not be read ({})", crate::store::plain_io(&err)),
            )
        })?;
        if ft.is_dir() {
            walk(&p, out)?;
        } else if is_note(&p) && (ft.is_file() || p.is_file()) {
            out.push(p);
        }
    }
    Ok(())
}

/// Front matter: between a first line `---` and the next `---` (or `...`).
struct FrontMatter<'a> {
    /// (line number in the file, key, value)
    fields: Vec<(usize, &'a str, &'a str)>,
    /// List items under a key: (key, item).
    items: Vec<(&'a str, &'a str)>,
    /// Line number where the note's text starts (0-based index of lines).
    body_start: usize,
}

fn front_matter<'a>(lines: &[&'a str]) -> Option<FrontMatter<'a>> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    let end = lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))?
        + 1;
    let mut fm = FrontMatter {
        fields: Vec::new(),
        items: Vec::new(),
        body_start: end + 1,
    };
    let mut key = "";
    for (i, line) in lines[1..end].iter().enumerate() {
        let trimmed = line.trim();
        if let Some(item) = trimmed.strip_prefix("- ") {
            if line.starts_with([' ', '\t', '-']) && !key.is_empty() {
                fm.items.push((key, unquote(item)));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) || trimmed.starts_with('#') {
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            key = k.trim();
            fm.fields.push((i + 2, key, v.trim()));
        }
    }
    Some(fm)
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    v.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
        .unwrap_or(v)
}

/// A YAML `date`: `2024-01-05`, `2024-01-05 09:30`, `2024-01-05T09:30:00`,
/// with or without seconds, quotes or a UTC offset.
fn front_date(v: &str, o: &Options) -> Option<DateTime<chrono::FixedOffset>> {
    let v = unquote(v);
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t);
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(v, f) {
            return Some(o.clock.local(n));
        }
    }
    for f in [
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M%z",
        "%Y-%m-%dT%H:%M%:z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(v, f) {
            return Some(t);
        }
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .map(|d| o.clock.local(d.and_time(NaiveTime::MIN)))
}

/// What a file name says: a date (and time), and the title after it.
enum Named<'a> {
    Dated(NaiveDateTime, &'a str),
    /// Starts like a date but is not one (`2024-02-30.md`).
    BadDate(&'a str),
    Title(&'a str),
}

fn from_name(stem: &str) -> Named<'_> {
    let b = stem.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let dated = b.len() >= 10
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && ((b[4] == b'-' && b[7] == b'-') || (b[4] == b'.' && b[7] == b'.'));
    if !dated || b.get(10).is_some_and(u8::is_ascii_digit) {
        return Named::Title(stem);
    }
    let Ok(date) = NaiveDate::from_ymd_opt(
        stem[0..4].parse().unwrap_or(0),
        stem[5..7].parse().unwrap_or(0),
        stem[8..10].parse().unwrap_or(0),
    )
    .ok_or(()) else {
        return Named::BadDate(&stem[..10]);
    };
    let mut rest = &stem[10..];
    let mut time = NaiveTime::MIN;
    // `YYYY-MM-DD HHmm` (also with `-`, `_` or `T` between).
    if rest.len() >= 5
        && matches!(rest.as_bytes()[0], b' ' | b'-' | b'_' | b'T')
        && rest
            .get(1..5)
            .is_some_and(|d| d.bytes().all(|c| c.is_ascii_digit()))
        && !rest.as_bytes().get(5).is_some_and(u8::is_ascii_digit)
    {
        let h: u32 = rest[1..3].parse().unwrap_or(99);
        let m: u32 = rest[3..5].parse().unwrap_or(99);
        match NaiveTime::from_hms_opt(h, m, 0) {
            Some(t) => {
                time = t;
                rest = &rest[5..];
            }
            None => return Named::BadDate(&stem[..15]),
        }
    }
    let title = rest.trim_start_matches([' ', '-', '_', '.', ',']).trim();
    Named::Dated(date.and_time(time), title)
}

fn add_note(batch: &mut Batch, path: &Path, rel: &str, text: &str, o: &Options) -> Result<()> {
    let lines: Vec<&str> = text.lines().collect();
    let fm = front_matter(&lines);
    let mut tags = Vec::new();
    let mut at = None;
    if let Some(fm) = &fm {
        for &(line, key, value) in &fm.fields {
            match key.to_ascii_lowercase().as_str() {
                "date" | "created" if at.is_none() && !unquote(value).is_empty() => {
                    at = Some(front_date(value, o).ok_or_else(|| {
                        user_hint(
                            format!(
                                "Could not import {}, line {line}: the {key} \"{}\" is not a date kapj can read.",
                                path.display(),
                                unquote(value)
                            ),
                            "Write it as YYYY-MM-DD or YYYY-MM-DD HH:MM; nothing was imported.",
                        )
                    })?);
                }
                "tags" | "tag" => {
                    let v = value.trim().trim_start_matches('[').trim_end_matches(']');
                    for t in v.split([',', ' ']).map(unquote) {
                        push_tag(&mut tags, t);
                    }
                }
                _ => {}
            }
        }
        for &(key, item) in &fm.items {
            if matches!(key.to_ascii_lowercase().as_str(), "tags" | "tag") {
                push_tag(&mut tags, item);
            }
        }
    }
    let body_start = fm.as_ref().map_or(0, |f| f.body_start);
    let body = tidy(&lines[body_start.min(lines.len())..].join("\n"));

    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (named_at, title) = match from_name(&stem) {
        Named::Dated(n, title) => (Some(n), title.to_string()),
        Named::BadDate(d) if at.is_none() => {
            return Err(bad(
                path,
                &format!("its name starts with \"{d}\", which is not a date kapj can read"),
            ))
        }
        Named::BadDate(_) => (None, stem.clone()),
        Named::Title(t) => (None, t.to_string()),
    };
    if body.is_empty() {
        batch.empty += 1;
        return Ok(());
    }
    // A title that is more than a date is words the writer chose: it leads
    // the entry, as it led the note.
    let text = if title.is_empty() || body.starts_with(&format!("# {title}")) {
        body
    } else {
        format!("{title}\n\n{body}")
    };
    inline_tags(&text, &['#'], &mut tags);

    let (at, undated) = match (at, named_at) {
        (Some(t), _) => (t, false),
        (None, Some(n)) => (o.clock.local(n), false),
        (None, None) => {
            let modified = std::fs::metadata(path)
                .and_then(|m| m.modified())
                .map(|t| {
                    o.clock
                        .to_local(DateTime::<chrono::Utc>::from(t).fixed_offset())
                })
                .unwrap_or_else(|_| o.clock.now());
            (modified, true)
        }
    };
    if undated {
        batch.undated += 1;
    }
    // A note dated only by its file's time is known by its words alone: a
    // synced or copied file gets a new time, and is still the same note.
    let d = if undated {
        digest(&["", &text])
    } else {
        digest(&[&at.format("%Y-%m-%d %H:%M").to_string(), &text])
    };
    batch.entries.push(Entry {
        at,
        text,
        tags,
        starred: false,
        ident: rel.to_string(),
        digest: d,
        by_id: false,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_dates_times_and_titles() {
        let d = |s| match from_name(s) {
            Named::Dated(n, t) => format!("{} | {t}", n.format("%Y-%m-%d %H:%M")),
            Named::BadDate(b) => format!("bad {b}"),
            Named::Title(t) => format!("title {t}"),
        };
        assert_eq!(d("2024-01-05"), "2024-01-05 00:00 | ");
        assert_eq!(d("2024-01-05 0930"), "2024-01-05 09:30 | ");
        assert_eq!(d("2024.01.05"), "2024-01-05 00:00 | ");
        assert_eq!(
            d("2024-01-05 Morning pages"),
            "2024-01-05 00:00 | Morning pages"
        );
        assert_eq!(
            d("2024-01-05 2130 After the session"),
            "2024-01-05 21:30 | After the session"
        );
        assert_eq!(d("2024-02-30"), "bad 2024-02-30");
        assert_eq!(d("2024-01-05 2575"), "bad 2024-01-05 2575");
        assert_eq!(d("Ideas"), "title Ideas");
        assert_eq!(d("20240105"), "title 20240105");
        assert_eq!(d("2024-01-05 20245"), "2024-01-05 00:00 | 20245");
        assert_eq!(d("2024-01-05 abcé"), "2024-01-05 00:00 | abcé");
        assert_eq!(d("2024-01-05 é"), "2024-01-05 00:00 | é");
    }

    #[test]
    fn front_matter_fields_items_and_end() {
        let lines = [
            "---",
            "date: 2024-01-05",
            "tags:",
            "  - grief",
            "  - \"body\"",
            "title: x",
            "---",
            "text",
        ];
        let fm = front_matter(&lines).unwrap();
        assert_eq!(fm.body_start, 7);
        assert_eq!(fm.fields[0], (2, "date", "2024-01-05"));
        assert_eq!(fm.items, [("tags", "grief"), ("tags", "body")]);
        assert!(front_matter(&["text", "---"]).is_none());
    }
}

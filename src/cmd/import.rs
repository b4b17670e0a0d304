//! `kapj import FILE|DIR`: kapj's own JSON (merged by id), or a journal
//! from jrnl, Day One or a folder of markdown notes (see `crate::foreign`).
//! All or nothing either way; `--dry-run` only tells.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::app::App;
use crate::cli::{ImportArgs, ImportFormat};
use crate::error::user_hint;
use crate::foreign::{self, Batch, Format, Options, Source};
use crate::journal::{self, StreamError};
use crate::render;
use crate::store::{plain_io, plan_without_journal, EntryExtras, ForeignCounts};

pub fn run(app: &mut App, a: &ImportArgs) -> Result<()> {
    let from = a.from.map(|f| match f {
        ImportFormat::Kapj => Format::Kapj,
        ImportFormat::Jrnl => Format::Jrnl,
        ImportFormat::Dayone => Format::DayOne,
        ImportFormat::Markdown => Format::Markdown,
    });
    // kapj's own export (its first key is "format") is read as it is
    // imported, one entry at a time, never whole in memory.
    if !a.dry_run && matches!(from, None | Some(Format::Kapj)) && starts_as_kapj(&a.file) {
        if let Ok(f) = std::fs::File::open(&a.file) {
            let size = f.metadata().map(|m| m.len()).unwrap_or(0);
            return kapj_stream(app, &a.file, f, size);
        }
    }
    let clock = app.clock;
    let options = Options {
        from,
        time_format: a.time_format.as_deref(),
        clock: &clock,
    };
    match foreign::read(&a.file, &options)? {
        Source::Kapj(text) if a.dry_run => kapj_dry_run(app, &a.file, &text),
        Source::Kapj(text) => kapj_stream(app, &a.file, text.as_bytes(), text.len() as u64),
        Source::Foreign(batch) => other(app, &a.file, &batch, a.dry_run),
    }
}

/// A journal from another tool.
fn other(app: &mut App, file: &Path, batch: &Batch, dry_run: bool) -> Result<()> {
    let key = batch.format.key();
    let counts = if dry_run {
        if app.journal_exists() {
            app.store()?.plan_foreign(key, &batch.entries)?
        } else {
            plan_without_journal(&batch.entries)?
        }
    } else if batch.entries.is_empty() {
        ForeignCounts::default()
    } else {
        // An imported entry's one answer is its text.
        let (c, raised) = app.store()?.import_foreign(key, &batch.entries, |text| {
            crate::care::safety::assess(text).is_some()
        })?;
        summary(app, file, batch, c, false);
        if raised {
            app.line(crate::care::safety::imported_line());
        }
        return Ok(());
    };
    summary(app, file, batch, counts, dry_run);
    Ok(())
}

fn summary(app: &mut App, file: &Path, b: &Batch, c: ForeignCounts, dry_run: bool) {
    let name = b.format.name();
    let entries = |n| render::count(n, "entry", "entries");
    // "1 entry is", "3 entries were", "2 entries would be", …
    let be = |n: usize, now: &str, then: (&str, &str)| -> String {
        if dry_run {
            now.to_string()
        } else if n == 1 {
            then.0.to_string()
        } else {
            then.1.to_string()
        }
    };
    if dry_run {
        app.line(format!(
            "Dry run: nothing was changed. From {} ({name}), kapj would import {} as free writing.",
            file.display(),
            entries(c.added)
        ));
    } else if c.added == 0 {
        app.line(format!("Nothing new in {} ({name}).", file.display()));
    } else {
        app.line(format!(
            "Imported {} from {} ({name}) as free writing.",
            entries(c.added),
            file.display()
        ));
    }
    if c.present > 0 {
        app.line(format!(
            "{} {} already in the journal.",
            entries(c.present),
            be(c.present, "would be skipped as", ("was", "were"))
        ));
    }
    if c.edited > 0 {
        app.line(format!(
            "{} changed in {name} since an earlier import, so {} added as new; the earlier version stays.",
            entries(c.edited),
            be(c.edited, "they would be", ("it was", "they were"))
        ));
    }
    let mut left = Vec::new();
    if b.attachments > 0 {
        left.push(format!(
            "{} (kapj keeps no attachments yet)",
            render::count(
                b.attachments,
                "photo or other attachment",
                "photos and other attachments"
            )
        ));
    }
    if b.empty > 0 {
        let (one, many) = if b.format == Format::Markdown {
            ("note", "notes")
        } else {
            ("entry", "entries")
        };
        left.push(format!(
            "{} with no text",
            render::count(b.empty, one, many)
        ));
    }
    if !left.is_empty() {
        app.line(format!("Left out: {}.", left.join("; ")));
    }
    if b.undated > 0 {
        let (its, they) = if b.undated == 1 {
            ("its", "it is")
        } else {
            ("their", "they are")
        };
        app.line(format!(
            "{} had no date in {its} name or front matter, so {they} dated by the file's last change.",
            render::count(b.undated, "note", "notes"),
        ));
    }
    if b.unknown_zone > 0 {
        app.line(format!(
            "{} had no time zone kapj knows, so {} shown in your local time.",
            entries(b.unknown_zone),
            if b.unknown_zone == 1 {
                "it is"
            } else {
                "they are"
            }
        ));
    }
}

/// Whether `path` is a regular file whose JSON opens with kapj's "format"
/// key, as kapj's own export does: read from its first few bytes.
fn starts_as_kapj(path: &Path) -> bool {
    use std::io::Read as _;
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    if !f.metadata().is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = Vec::with_capacity(256);
    if f.take(256).read_to_end(&mut head).is_err() {
        return false;
    }
    let rest = head.trim_ascii_start();
    let Some(rest) = rest.strip_prefix(b"{") else {
        return false;
    };
    rest.trim_ascii_start().starts_with(b"\"format\"")
}

/// `--dry-run` for kapj's own journal JSON: what an import would add.
fn kapj_dry_run(app: &mut App, file: &Path, text: &str) -> Result<()> {
    let doc = journal::parse(text).map_err(|why| {
        user_hint(
            format!("Could not import {}: {why}.", file.display()),
            "Nothing was imported.",
        )
    })?;
    let mut present = 0;
    if app.journal_exists() {
        let store = app.store()?;
        for e in &doc.entries {
            if let Some(id) = &e.id {
                if store.entry(id)?.is_some() {
                    present += 1;
                }
            }
        }
    }
    let entries = |n| render::count(n, "entry", "entries");
    app.line(format!(
        "Dry run: nothing was changed. From {} (kapj), kapj would import {}.",
        file.display(),
        entries(doc.entries.len() - present)
    ));
    if present > 0 {
        app.line(format!(
            "{} would be skipped as already in the journal.",
            entries(present)
        ));
    }
    Ok(())
}

/// kapj's own journal JSON, read from `reader` (`size` bytes, for the
/// progress bar) one entry at a time.
fn kapj_stream<R: std::io::Read + Send>(
    app: &mut App,
    file: &Path,
    reader: R,
    size: u64,
) -> Result<()> {
    let now = app.clock.now();
    let existed = app.journal_exists();
    let read = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut progress = Progress::new(size);
    // Whether any newly imported entry would have raised the safety note is
    // noticed on the way, once, and kept nowhere.
    let mut raised = false;
    let result = app.store()?.import_stream(
        Counted {
            inner: Utf8Checked::new(reader),
            read: std::sync::Arc::clone(&read),
        },
        now,
        EntryExtras::for_entry,
        &mut |entries, added| {
            if let (false, Some(e)) = (raised, added) {
                let text: Vec<&str> = e.answers.iter().map(|a| a.text.as_str()).collect();
                raised = crate::care::safety::assess(&text.join("\n")).is_some();
            }
            progress.tick(read.load(std::sync::atomic::Ordering::Relaxed), entries);
        },
    );
    progress.done();
    let refused = |why: String| {
        user_hint(
            format!("Could not import {}: {why}.", file.display()),
            "Nothing was imported.",
        )
    };
    let c = match result {
        Ok(Ok(c)) => c,
        Ok(Err(StreamError::Invalid(why))) => {
            forget_new_journal(app, existed);
            return Err(refused(why));
        }
        Ok(Err(StreamError::Io(e))) if e.kind() == std::io::ErrorKind::InvalidData => {
            forget_new_journal(app, existed);
            return Err(refused("it is not UTF-8 text".into()));
        }
        Ok(Err(StreamError::Io(e))) => {
            forget_new_journal(app, existed);
            return Err(refused(format!("it could not be read ({})", plain_io(&e))));
        }
        Ok(Err(StreamError::Sink(e))) | Err(e) => {
            forget_new_journal(app, existed);
            return Err(e);
        }
    };
    let mut line = format!(
        "Imported {} and {}",
        render::count(c.entries, "entry", "entries"),
        render::count(c.sessions, "new session", "new sessions")
    );
    if c.actions > 0 {
        let _ = write!(line, ", {}", render::count(c.actions, "action", "actions"));
    }
    if c.checks > 0 {
        let _ = write!(
            line,
            ", {}",
            render::count(c.checks, "self-check", "self-checks")
        );
    }
    if c.theme_choices > 0 {
        let _ = write!(
            line,
            ", {}",
            render::count(c.theme_choices, "theme choice", "theme choices")
        );
    }
    if c.decisions > 0 {
        let _ = write!(
            line,
            ", {}",
            render::count(c.decisions, "decision", "decisions")
        );
    }
    line.push('.');
    if c.entries_present > 0 {
        let _ = write!(
            line,
            " {} already in the journal.",
            render::count(c.entries_present, "entry was", "entries were")
        );
    }
    app.line(line);
    if raised {
        app.line(crate::care::safety::imported_line());
    }
    Ok(())
}

/// A refused import into a home that had no journal leaves none behind:
/// the empty journal its store made is removed again.
fn forget_new_journal(app: &mut App, existed: bool) {
    if existed {
        return;
    }
    let empty = app
        .store()
        .is_ok_and(|s| s.created && s.count_entries().is_ok_and(|n| n == 0));
    app.close_store();
    if empty {
        let db = app.db_path();
        for suffix in ["", "-wal", "-shm", ".sealed"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
}

/// Reads a file, failing with `InvalidData` at the first byte that is not
/// part of UTF-8 text (the JSON reader would otherwise accept invalid
/// UTF-8 outside strings' escapes only by luck of where it falls).
struct Utf8Checked<R> {
    inner: R,
    /// Bytes of a character cut at the end of the last read.
    carry: Vec<u8>,
}

impl<R: std::io::Read> Utf8Checked<R> {
    fn new(inner: R) -> Self {
        Utf8Checked {
            inner,
            carry: Vec::new(),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Utf8Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            if self.carry.is_empty() {
                return Ok(0);
            }
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "not UTF-8",
            ));
        }
        let mut check = std::mem::take(&mut self.carry);
        check.extend_from_slice(&buf[..n]);
        match std::str::from_utf8(&check) {
            Ok(_) => Ok(n),
            Err(e) if e.error_len().is_none() => {
                // A character cut by the end of the buffer: checked next time.
                self.carry = check[e.valid_up_to()..].to_vec();
                Ok(n)
            }
            Err(_) => Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "not UTF-8",
            )),
        }
    }
}

/// Counts the bytes read, for the progress bar.
struct Counted<R> {
    inner: R,
    read: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// A progress bar on standard error, for an import that takes more than a
/// second, and only at a terminal: nothing when piped or redirected.
struct Progress {
    started: std::time::Instant,
    size: u64,
    bar: Option<indicatif::ProgressBar>,
    terminal: bool,
}

impl Progress {
    fn new(size: u64) -> Progress {
        use std::io::IsTerminal;
        Progress {
            started: std::time::Instant::now(),
            size,
            bar: None,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn tick(&mut self, bytes: u64, entries: usize) {
        if !self.terminal || !entries.is_multiple_of(64) {
            return;
        }
        if self.bar.is_none() {
            if self.started.elapsed() < std::time::Duration::from_secs(1) {
                return;
            }
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(self.size.max(1)),
                indicatif::ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template("Importing {bar:30} {percent:>3}%  {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                    .progress_chars("█▉▊▋▌▍▎▏ "),
            );
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
            bar.set_message(format!("{entries} entries"));
        }
    }

    fn done(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

//! `kapj import FILE`: all or nothing, merged by id.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::app::App;
use crate::error::user_hint;
use crate::journal::StreamError;
use crate::render;
use crate::store::{plain_io, EntryExtras};

pub fn run(app: &mut App, file: &Path) -> Result<()> {
    let f = std::fs::File::open(file).map_err(|e| {
        user_hint(
            format!("Could not read {}: {}.", file.display(), plain_io(&e)),
            "Check the path; nothing was imported.",
        )
    })?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(user_hint(
            format!("Could not import {}: it is a folder.", file.display()),
            "Name a kapj journal JSON file; nothing was imported.",
        ));
    }
    let now = app.clock.now();
    let existed = app.journal_exists();
    let size = f.metadata().map(|m| m.len()).unwrap_or(0);
    let read = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut progress = Progress::new(size);
    // Whether any newly imported entry would have raised the safety note is
    // noticed on the way, once, and kept nowhere.
    let mut raised = false;
    let result = app.store()?.import_stream(
        Counted {
            inner: Utf8Checked::new(f),
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
        if !self.terminal || entries % 64 != 0 {
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

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
use crate::journal;
use crate::render;
use crate::store::{plan_without_journal, EntryExtras, ForeignCounts};

pub fn run(app: &mut App, a: &ImportArgs) -> Result<()> {
    let from = a.from.map(|f| match f {
        ImportFormat::Kapj => Format::Kapj,
        ImportFormat::Jrnl => Format::Jrnl,
        ImportFormat::Dayone => Format::DayOne,
        ImportFormat::Markdown => Format::Markdown,
    });
    let clock = app.clock;
    let options = Options {
        from,
        time_format: a.time_format.as_deref(),
        clock: &clock,
    };
    match foreign::read(&a.file, &options)? {
        Source::Kapj(text) => kapj(app, &a.file, &text, a.dry_run),
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
        let raised = std::cell::Cell::new(false);
        let c = app.store()?.import_foreign(key, &batch.entries, |e| {
            if !raised.get() {
                let text: Vec<&str> = e.answers.iter().map(|a| a.text.as_str()).collect();
                raised.set(crate::care::safety::assess(&text.join("\n")).is_some());
            }
        })?;
        summary(app, file, batch, c, false);
        if raised.get() {
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

/// kapj's own journal JSON.
fn kapj(app: &mut App, file: &Path, text: &str, dry_run: bool) -> Result<()> {
    let doc = journal::parse(text).map_err(|why| {
        user_hint(
            format!("Could not import {}: {why}.", file.display()),
            "Nothing was imported.",
        )
    })?;
    if dry_run {
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
        return Ok(());
    }
    let now = app.clock.now();
    // Each newly imported entry passes through EntryExtras::for_entry; whether any of
    // them would have raised the safety note is noticed on the way, once,
    // and kept nowhere.
    let raised = std::cell::Cell::new(false);
    let c = app.store()?.import(&doc, now, |e| {
        if !raised.get() {
            let text: Vec<&str> = e.answers.iter().map(|a| a.text.as_str()).collect();
            raised.set(crate::care::safety::assess(&text.join("\n")).is_some());
        }
        EntryExtras::for_entry(e)
    })?;
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
    if raised.get() {
        app.line(crate::care::safety::imported_line());
    }
    Ok(())
}

//! The documents `kapj export` writes: markdown for the therapist, a
//! printable html page, and the full JSON backup. Building them is kept out
//! of the command, so the demo (and anything else) asks this module for a
//! document instead of running another command.

use std::collections::HashSet;
use std::sync::Arc;

use anyhow::Result;

use crate::app::App;
use crate::domain::{Entry, Filter, Phase, Session};
use crate::journal;
use crate::render::{self, ExportDoc};

/// What the document is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

/// What to export: the entries the filter selects (private ones only if it
/// includes them), in which format, and whether the summary opens with the
/// days worth raising with a therapist.
pub struct Request {
    pub format: Format,
    pub filter: Filter,
    pub safety_dates: bool,
}

/// The whole document, ready to be written (the demo's way; `kapj export`
/// writes it straight out with [`write`]).
pub fn build(app: &mut App, req: &Request) -> Result<String> {
    let mut out = Vec::new();
    write(app, req, &mut out)?;
    Ok(String::from_utf8(out).expect("documents are UTF-8"))
}

/// Writes the document to `out` part by part: a long journal's text is
/// never all in memory at once.
pub fn write(app: &mut App, req: &Request, out: &mut dyn std::io::Write) -> Result<()> {
    match req.format {
        Format::Json => {
            out.write_all(backup(app, &req.filter)?.as_bytes())?;
            Ok(())
        }
        Format::Markdown | Format::Html => document(app, req, out),
    }
}

/// The summary opens with the days the client wrote about hurting
/// themselves or not wanting to be alive (never private entries, never a
/// quote), unless they asked for it to be left out.
fn with_worth_raising(mut doc: String, days: &[chrono::NaiveDate], format: Format) -> String {
    let Some(sentence) = crate::care::safety::review_sentence(days) else {
        return doc;
    };
    let heading = crate::care::safety::WORTH_RAISING;
    let rest = format!("{}{}", sentence[..1].to_lowercase(), &sentence[1..]);
    let (after, para) = match format {
        Format::Html => (
            "<h2>Summary</h2>\n",
            format!("<p class=\"worth-raising\"><strong>{heading}:</strong> {rest}</p>\n"),
        ),
        _ => ("## Summary\n\n", format!("**{heading}:** {rest}\n\n")),
    };
    let at = doc.find(after).map_or(0, |i| i + after.len());
    doc.insert_str(at, &para);
    doc
}

fn backup(app: &mut App, f: &Filter) -> Result<String> {
    let now = app.clock.now();
    let store = app.store()?;
    let mut entries = store.entries(f)?;
    entries.reverse();
    let ids: std::collections::HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    let actions: Vec<_> = store
        .actions(true)?
        .into_iter()
        .filter(|a| goes_with(a, &ids, f))
        .collect();
    let (sessions, checks, plan) = (store.sessions()?, store.checks(None)?, store.safety_plan()?);
    let themes = store.theme_choices()?;
    let decisions: Vec<_> = store
        .decisions(true)?
        .into_iter()
        .filter(|d| ids.contains(d.entry.as_str()))
        .collect();
    let doc = journal::v1::Journal::new(
        now, &sessions, &entries, &actions, &checks, &plan, &themes, &decisions,
    );
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}

/// What the filter selected, sorted into the document's entries.
struct Selected {
    /// In date order, private ones left out unless asked for.
    entries: Vec<Entry>,
    private_left_out: usize,
    /// Sessions with entries in the document, in date order.
    sessions: Vec<Session>,
}

/// Sorts what the filter selected (newest first, private ones included).
fn select(all: Vec<Entry>, include_private: bool, sessions: &[Session]) -> Selected {
    let mut entries = all;
    let loaded = entries.len();
    if !include_private {
        entries.retain(|e| !e.private);
    }
    let private_left_out = loaded - entries.len();
    entries.reverse();
    let used: HashSet<i64> = entries.iter().filter_map(|e| e.session).collect();
    let sessions: Vec<Session> = sessions
        .iter()
        .filter(|s| used.contains(&s.number))
        .cloned()
        .collect();
    Selected {
        entries,
        private_left_out,
        sessions,
    }
}

/// Entries read and written at a time: a few hundred kilobytes of text.
const PART: usize = 400;

/// One part of the body, in document order.
enum Part {
    /// Sessions (by index in the document's list) and their entries.
    Sessions(std::ops::Range<usize>, Vec<usize>),
    /// Entries without a session (indexes); whether the part opens or
    /// closes their section.
    Loose(Vec<usize>, bool, bool),
}

/// Splits the body into parts of about [`PART`] entries, whole sessions each.
fn parts(sessions: &[Session], entries: &[Entry]) -> Vec<Part> {
    let mut by: std::collections::HashMap<Option<i64>, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        by.entry(e.session).or_default().push(i);
    }
    let mut out = Vec::new();
    let (mut start, mut picked) = (0, Vec::new());
    for (i, s) in sessions.iter().enumerate() {
        picked.extend(by.get(&Some(s.number)).into_iter().flatten().copied());
        if picked.len() >= PART {
            out.push(Part::Sessions(start..i + 1, std::mem::take(&mut picked)));
            start = i + 1;
        }
    }
    if start < sessions.len() {
        out.push(Part::Sessions(start..sessions.len(), picked));
    }
    if let Some(loose) = by.get(&None) {
        let chunks: Vec<&[usize]> = loose.chunks(PART).collect();
        let n = chunks.len();
        for (k, c) in chunks.into_iter().enumerate() {
            out.push(Part::Loose(c.to_vec(), k == 0, k + 1 == n));
        }
    }
    out
}

/// Renders one part (its entries with their answers) after `s`.
fn render_part(
    s: &mut String,
    part: &Part,
    sessions: &[Session],
    filled: &[Entry],
    format: Format,
) {
    match part {
        Part::Sessions(range, _) => {
            let groups = render::markdown::by_session(filled);
            match format {
                Format::Html => {
                    render::html::push_body_part(s, &sessions[range.clone()], &groups, false);
                }
                _ => render::markdown::push_body_part(s, &sessions[range.clone()], &groups, false),
            }
        }
        Part::Loose(_, first, last) => {
            let refs: Vec<&Entry> = filled.iter().collect();
            match format {
                Format::Html => render::html::push_loose_part(s, &refs, *first, *last),
                _ => render::markdown::push_loose_part(s, &refs, *first, *last),
            }
        }
    }
}

/// The indexes of a part's entries.
fn part_of(part: &Part) -> &[usize] {
    match part {
        Part::Sessions(_, idx) | Part::Loose(idx, _, _) => idx,
    }
}

/// The entries of a part, with their answers read.
fn fill(store: &crate::store::Store, part: &Part, heads: &[Entry]) -> Result<Vec<Entry>> {
    let mut filled: Vec<Entry> = part_of(part).iter().map(|&i| heads[i].clone()).collect();
    store.fill_answers(&mut filled)?;
    Ok(filled)
}

/// Writes the body: one thread reads each part's text (on the second
/// connection, when there is one) while this one renders and writes the
/// part before it.
fn write_body(
    app: &mut App,
    reader: Option<crate::store::Store>,
    sessions: &[Session],
    heads: &[Entry],
    format: Format,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let parts = parts(sessions, heads);
    let mut s = String::with_capacity(PART * 1200);
    let mut emit = |part: &Part, filled: Vec<Entry>, out: &mut dyn std::io::Write| -> Result<()> {
        s.clear();
        render_part(&mut s, part, sessions, &filled, format);
        out.write_all(s.as_bytes())?;
        Ok(())
    };
    match reader {
        Some(reader) => std::thread::scope(|scope| -> Result<()> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Vec<Entry>>>(2);
            let parts = &parts;
            let read = scope.spawn(move || {
                for p in parts {
                    if tx.send(fill(&reader, p, heads)).is_err() {
                        return;
                    }
                }
            });
            let mut result = Ok(());
            for p in parts {
                let Ok(filled) = rx.recv() else { break };
                if let Err(e) = filled.and_then(|f| emit(p, f, out)) {
                    result = Err(e);
                    break;
                }
            }
            drop(rx);
            read.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            result
        })?,
        None => {
            let store = app.store()?;
            for p in &parts {
                emit(p, fill(store, p, heads)?, out)?;
            }
        }
    }
    s.clear();
    match format {
        Format::Html => render::html::push_end(&mut s),
        _ => render::markdown::push_end(&mut s),
    }
    out.write_all(s.as_bytes())?;
    Ok(())
}

fn document(app: &mut App, req: &Request, out: &mut dyn std::io::Write) -> Result<()> {
    let (f, format) = (&req.filter, req.format);
    // One load serves the document and the count of private entries left
    // out: every entry's facts, without its text (read part by part below).
    let everything = Filter {
        include_private: true,
        ..f.clone()
    };
    let all_sessions = app.store()?.sessions()?;
    // Reading the entries needs nothing from review: with a second
    // connection (see `sibling_reader`) they are read on another thread
    // while review runs on this one.
    let reader = app.store()?.sibling_reader()?;
    // In a very long journal, review's peak and the entries' facts together
    // would pass 100 MB: review goes first there, and its working memory
    // is freed before the facts are read.
    let review_first = app.store()?.count_entries()? > 30_000;
    let reader = match (reader, review_first) {
        (Some(reader), false) => {
            return document_alongside(app, req, reader, &everything, &all_sessions, out);
        }
        (reader, _) => reader,
    };
    let (review, sel, reader) = std::thread::scope(|scope| -> Result<_> {
        let (all_sessions, include_private) = (&all_sessions, f.include_private);
        let early = review_first.then(|| crate::review::compute_with(app, f, 8, all_sessions));
        let worker = match reader {
            Some(reader) => scope.spawn(move || -> Result<(Selected, Option<_>)> {
                let sel = select(
                    reader.entry_heads(&everything)?,
                    include_private,
                    all_sessions,
                );
                Ok((sel, Some(reader)))
            }),
            None => {
                let all = app.store()?.entry_heads(&everything)?;
                scope.spawn(move || Ok((select(all, include_private, all_sessions), None)))
            }
        };
        let review = match early {
            Some(r) => r,
            None => crate::review::compute_with(app, f, 8, all_sessions),
        };
        let sel = worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let (sel, reader) = sel?;
        Ok((review?, sel, reader))
    })?;
    let days = if req.safety_dates {
        Some(crate::safety_note::raised_days(app, f)?)
    } else {
        None
    };
    let summary = summary(app.clock.now(), req, review, &sel, days.as_deref());
    out.write_all(summary.as_bytes())?;
    drop(summary);
    write_body(app, reader, &sel.sessions, &sel.entries, format, out)?;
    drop_elsewhere(sel);
    Ok(())
}

/// Freeing every entry one by one takes milliseconds in a long journal:
/// another thread does it while the document is flushed (if the process
/// ends first, the memory goes back to the system all the same).
fn drop_elsewhere<T: Send + 'static>(t: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(t));
}

/// The document's opening: what it covers, then review's summary of the
/// entries it holds (with the days worth raising, when asked for).
fn summary(
    now: chrono::DateTime<chrono::FixedOffset>,
    req: &Request,
    mut review: crate::review::Review,
    sel: &Selected,
    days: Option<&[chrono::NaiveDate]>,
) -> String {
    let (f, format) = (&req.filter, req.format);
    let entries = &sel.entries;
    // Review lists every open action; the document keeps those written in
    // the entries it shows, so a private entry's action stays private.
    let shown: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    review.actions.retain(|a| goes_with(a, &shown, f));
    let mut phases: Vec<Phase> = entries.iter().map(|e| e.phase).collect();
    phases.sort();
    phases.dedup();
    let mut scope = Vec::new();
    if let Some(n) = f.session {
        scope.push(format!("session {n}"));
    }
    if let Some(p) = f.phase {
        scope.push(format!("{} entries only", p.label()));
    }
    if let Some(t) = f.since {
        scope.push(format!("from {}", render::long_time(t)));
    }
    if let Some(t) = f.until {
        scope.push(format!("until {}", render::long_time(t)));
    }
    let doc = ExportDoc {
        generated_at: now,
        scope: if scope.is_empty() {
            "the whole journal".into()
        } else {
            scope.join(", ")
        },
        from: f.since.or_else(|| entries.first().map(|e| e.at)),
        to: f.until.or_else(|| entries.last().map(|e| e.at)),
        phases,
        private_included: f.include_private,
        private_left_out: sel.private_left_out,
        review: &review,
        sessions: &sel.sessions,
        entries,
    };
    let summary = match format {
        Format::Html => render::html::summary(&doc),
        _ => render::markdown::summary(&doc),
    };
    match days {
        Some(days) => with_worth_raising(summary, days, format),
        None => summary,
    }
}

/// What the reading thread of [`document_alongside`] hands over, in order.
enum Read {
    /// The document's entries (without their text) and sessions.
    Selected(Arc<Selected>),
    /// One part of the body, rendered.
    Part(String),
}

/// Parts rendered ahead while review runs: at most this many wait in
/// memory (a few hundred kilobytes each).
const PARTS_AHEAD: usize = 64;

/// How much of the file each connection maps for an export (see
/// [`Store::map_file`]): all of a 10k-entry journal, about 30 MB, and no
/// more in a longer one, where it would add that much again to the
/// process's memory for less of a gain.
const MAPPED: i64 = 32 << 20;

/// The document of a journal of moderate size, on three threads: review
/// runs on this one; another, on a second connection, reads the entries'
/// facts, then each part's text and renders it, ahead of the writing; a
/// third, on a third connection, reads the days worth raising (the safety
/// reading is a good part of the work). A part's text is made and freed on
/// the thread that read it, and its rendered buffer comes back to be used
/// again. The file is mapped for the main reads (see [`MAPPED`]).
fn document_alongside(
    app: &mut App,
    req: &Request,
    reader: crate::store::Store,
    everything: &Filter,
    all_sessions: &[Session],
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let (f, format) = (&req.filter, req.format);
    let clock = app.clock;
    let days_reader = match req.safety_dates {
        true => app.store()?.sibling_reader()?,
        false => None,
    };
    reader.map_file(MAPPED)?;
    app.store()?.map_file(MAPPED)?;
    let done = std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Read>>(PARTS_AHEAD);
        let (give_back, given_back) = std::sync::mpsc::channel::<String>();
        let days = days_reader
            .map(|r| scope.spawn(move || crate::safety_note::raised_days_in(&r, clock, f)));
        let read = scope.spawn(move || {
            let send = |r: Result<Read>| tx.send(r).is_ok();
            let reader = &reader;
            let run = || -> Result<bool> {
                let sel = Arc::new(select(
                    reader.entry_heads(everything)?,
                    f.include_private,
                    all_sessions,
                ));
                if !send(Ok(Read::Selected(Arc::clone(&sel)))) {
                    return Ok(false);
                }
                for p in parts(&sel.sessions, &sel.entries) {
                    let filled = fill(reader, &p, &sel.entries)?;
                    let mut s = given_back
                        .try_recv()
                        .unwrap_or_else(|_| String::with_capacity(PART * 1200));
                    render_part(&mut s, &p, &sel.sessions, &filled, format);
                    drop(filled);
                    if !send(Ok(Read::Part(s))) {
                        return Ok(false);
                    }
                }
                Ok(true)
            };
            if let Err(e) = run() {
                send(Err(e));
            }
        });
        let written = (|| -> Result<()> {
            let review = crate::review::compute_with(app, f, 8, all_sessions)?;
            let gone = || anyhow::anyhow!("export: the reading thread stopped early");
            let Read::Selected(sel) = rx.recv().map_err(|_| gone())?? else {
                return Err(gone());
            };
            let days = match days {
                Some(t) => Some(
                    t.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?,
                ),
                None if req.safety_dates => Some(crate::safety_note::raised_days(app, f)?),
                None => None,
            };
            let summary = summary(clock.now(), req, review, &sel, days.as_deref());
            out.write_all(summary.as_bytes())?;
            drop(summary);
            for r in &rx {
                let Read::Part(mut s) = r? else {
                    return Err(gone());
                };
                out.write_all(s.as_bytes())?;
                s.clear();
                let _ = give_back.send(s);
            }
            let mut s = String::new();
            match format {
                Format::Html => render::html::push_end(&mut s),
                _ => render::markdown::push_end(&mut s),
            }
            out.write_all(s.as_bytes())?;
            drop_elsewhere(sel);
            Ok(())
        })();
        drop(rx);
        read.join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written
    });
    app.store()?.map_file(0)?;
    done
}

/// An action goes with its entry; one added on its own goes into a backup
/// or document of the whole journal or of its session, not into one of a
/// phase.
fn goes_with(a: &crate::domain::Action, entries: &HashSet<&str>, f: &Filter) -> bool {
    if let Some(e) = &a.entry {
        return entries.contains(e.as_str());
    }
    f.phase.is_none()
        && f.tag.is_none()
        && f.session.is_none_or(|n| a.session == Some(n))
        && f.since.is_none_or(|t| a.at >= t)
        && f.until.is_none_or(|t| a.at <= t)
}

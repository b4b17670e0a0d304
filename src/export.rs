//! The documents `kapj export` writes: markdown for the therapist, a
//! printable html page, and the full JSON backup. Building them is kept out
//! of the command, so the demo (and anything else) asks this module for a
//! document instead of running another command.

use std::collections::HashSet;

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

/// The whole document, ready to be written.
pub fn build(app: &mut App, req: &Request) -> Result<String> {
    match req.format {
        Format::Json => backup(app, &req.filter),
        Format::Markdown | Format::Html => {
            let doc = document(app, &req.filter, req.format)?;
            if !req.safety_dates {
                return Ok(doc);
            }
            let days = crate::safety_note::raised_days(app, &req.filter)?;
            Ok(with_worth_raising(doc, &days, req.format))
        }
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

type Groups<'a> = std::collections::HashMap<Option<i64>, Vec<&'a Entry>>;
/// `push_body_part` of a format.
type BodyPart = fn(&mut String, &[Session], &Groups, bool);

/// The document: `head` (the summary), then the entries, rendered in two
/// halves on two threads (they are most of the work of a long export). The
/// first half goes straight after the head, so the text is copied once.
fn with_body(mut head: String, sessions: &[Session], entries: &[Entry], format: Format) -> String {
    let (per_entry, part): (usize, BodyPart) = match format {
        Format::Html => (render::html::BYTES_PER_ENTRY, render::html::push_body_part),
        _ => (
            render::markdown::BYTES_PER_ENTRY,
            render::markdown::push_body_part,
        ),
    };
    let groups = render::markdown::by_session(entries);
    let size = |sessions| 4096 + render::markdown::entries_in(sessions, &groups) * per_entry;
    let (first, second) = sessions.split_at(sessions.len() / 2);
    std::thread::scope(|scope| {
        let late = scope.spawn(|| {
            let mut s = String::with_capacity(size(second));
            part(&mut s, second, &groups, true);
            s
        });
        head.reserve(size(sessions));
        part(&mut head, first, &groups, false);
        let late = late
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        head.push_str(&late);
        head
    })
}

fn document(app: &mut App, f: &Filter, format: Format) -> Result<String> {
    // One load serves the document and the count of private entries left out.
    let everything = Filter {
        include_private: true,
        ..f.clone()
    };
    let all_sessions = app.store()?.sessions()?;
    // Reading the entries needs nothing from review: with a second
    // connection (see `sibling_reader`) they are read on another thread
    // while review runs on this one.
    let reader = app.store()?.sibling_reader()?;
    let (review, sel) = std::thread::scope(|scope| -> Result<_> {
        let (all_sessions, include_private) = (&all_sessions, f.include_private);
        let worker = match reader {
            Some(reader) => scope.spawn(move || -> Result<Selected> {
                Ok(select(
                    reader.entries(&everything)?,
                    include_private,
                    all_sessions,
                ))
            }),
            None => {
                let all = app.store()?.entries(&everything)?;
                scope.spawn(move || Ok(select(all, include_private, all_sessions)))
            }
        };
        let review = crate::review::compute_with(app, f, 8, all_sessions);
        let sel = worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok((review?, sel?))
    })?;
    let mut review = review;
    let Selected {
        entries,
        private_left_out,
        sessions,
    } = sel;
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
        generated_at: app.clock.now(),
        scope: if scope.is_empty() {
            "the whole journal".into()
        } else {
            scope.join(", ")
        },
        from: f.since.or_else(|| entries.first().map(|e| e.at)),
        to: f.until.or_else(|| entries.last().map(|e| e.at)),
        phases,
        private_included: f.include_private,
        private_left_out,
        review: &review,
        sessions,
        entries,
    };
    let summary = match format {
        Format::Html => render::html::summary(&doc),
        _ => render::markdown::summary(&doc),
    };
    let text = with_body(summary, &doc.sessions, &doc.entries, format);
    // Freeing every entry one by one takes milliseconds in a long journal:
    // another thread does it while the document is written out (if the
    // process ends first, the memory goes back to the system all the same).
    let entries = doc.entries;
    let _ = std::thread::Builder::new().spawn(move || drop(entries));
    Ok(text)
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

//! `kapj themes list` and `kapj themes show`, on the terminal and as JSON.

use serde_json::{json, Value};

use crate::app::App;
use crate::review::history::ThemeHistory;
use crate::store::{NamedTheme, ThemeChoices};
use crate::text::{first_line, wrap};

use super::{count, count_sparkline, day, session_span};

/// The choices, as `themes list --json` and the journal JSON carry them:
/// names as the client typed them.
pub fn choices_json(c: &ThemeChoices) -> Value {
    let names = |l: &[NamedTheme]| l.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    json!({
        "hidden": names(&c.hidden),
        "kept": names(&c.kept),
        "merged": c.merged.iter().map(|g| json!({"theme": g.name, "members": names(&g.members)})).collect::<Vec<_>>(),
    })
}

pub fn print_choices(app: &mut App, c: &ThemeChoices) {
    if c.is_empty() {
        app.line("No choices yet: review ranks every theme itself.");
        app.line("To steer it: kapj themes hide WORD, keep WORD, merge A B [--as NAME].");
        return;
    }
    let names = |l: &[NamedTheme]| {
        l.iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut labelled = |label: &str, text: String| {
        for (i, l) in wrap(&text, 66).into_iter().enumerate() {
            let head = if i == 0 { label } else { "" };
            app.line(format!("{head:<12}{l}"));
        }
    };
    if !c.kept.is_empty() {
        labelled("Kept", names(&c.kept));
    }
    if !c.hidden.is_empty() {
        labelled("Hidden", names(&c.hidden));
    }
    for (i, g) in c.merged.iter().enumerate() {
        let label = if i == 0 { "Merged" } else { "" };
        labelled(label, format!("{} ← {}", g.name, names(&g.members)));
    }
}

pub fn history_json(h: &ThemeHistory) -> Value {
    json!({
        "theme": h.theme,
        "merged": h.merged,
        "kept": h.kept,
        "hidden": h.hidden,
        "entries": h.entries,
        "first_seen": h.first_seen.to_rfc3339(),
        "last_seen": h.last_seen.to_rfc3339(),
        "per_session": h.per_session.iter().map(|c| json!({"session": c.session, "entries": c.entries})).collect::<Vec<_>>(),
        "outside_sessions": h.outside_sessions,
        "phases": h.phases.iter().map(|(p, n)| json!({"phase": p.key(), "entries": n})).collect::<Vec<_>>(),
        "quotes": h.quotes.iter().map(|q| json!({"entry": q.entry, "at": q.at.to_rfc3339(), "text": q.text})).collect::<Vec<_>>(),
        "together": h.together.iter().map(|(t, n)| json!({"theme": t, "entries": n})).collect::<Vec<_>>(),
    })
}

/// At most this many sessions in the sparkline (the latest).
const SPARK_SESSIONS: usize = 40;

pub fn print_history(app: &mut App, h: &ThemeHistory) {
    let mut marks = Vec::new();
    if h.kept {
        marks.push("kept");
    }
    if h.hidden {
        marks.push("hidden in review");
    }
    let marks = if marks.is_empty() {
        String::new()
    } else {
        format!(" ({})", marks.join(", "))
    };
    app.line(app.bold(&format!("“{}”{marks}", first_line(&h.theme, 40))));
    if !h.merged.is_empty() {
        for l in wrap(&format!("Counted as one: {}.", h.merged.join(", ")), 78) {
            app.line(l);
        }
    }
    app.line(format!(
        "{}, first on {}, last on {}.",
        count(h.entries, "entry", "entries"),
        day(h.first_seen),
        day(h.last_seen)
    ));

    app.line("");
    if h.per_session.is_empty() {
        app.line(app.bold("Per session"));
        app.line("  No sessions recorded yet.");
    } else {
        let shown = &h.per_session[h.per_session.len().saturating_sub(SPARK_SESSIONS)..];
        let counts: Vec<usize> = shown.iter().map(|c| c.entries).collect();
        let numbers: Vec<i64> = shown.iter().map(|c| c.session).collect();
        app.line(format!(
            "{}  {}  {}",
            app.bold("Per session"),
            count_sparkline(&counts),
            app.dim(&format!(
                "sessions {}",
                first_line(&session_span(&numbers), 12)
            ))
        ));
        // No-break spaces keep a session with its count, and the dot after
        // it on its line.
        let list: Vec<String> = shown
            .iter()
            .map(|c| format!("{}:\u{a0}{}", c.session, c.entries))
            .collect();
        for l in wrap(&list.join("\u{a0}· "), 76) {
            app.line(format!("  {l}"));
        }
        let earlier = &h.per_session[..h.per_session.len() - shown.len()];
        if let (Some(first), Some(last)) = (earlier.first(), earlier.last()) {
            let entries: usize = earlier.iter().map(|c| c.entries).sum();
            let which = if first.session == last.session {
                format!("Session {}", first.session)
            } else {
                format!("Earlier sessions ({}–{})", first.session, last.session)
            };
            app.line(format!(
                "  {which}: {}.",
                count(entries, "entry", "entries")
            ));
        }
    }
    if h.outside_sessions > 0 {
        app.line(format!(
            "  Outside any session: {}.",
            count(h.outside_sessions, "entry", "entries")
        ));
    }

    let phases: Vec<String> = h
        .phases
        .iter()
        .map(|(p, n)| format!("{}\u{a0}{n}", p.key()))
        .collect();
    app.line("");
    for (i, l) in wrap(&phases.join(", "), 70).into_iter().enumerate() {
        let head = if i == 0 { "Phases" } else { "" };
        app.line(format!("{}  {l}", app.bold(&format!("{head:<6}"))));
    }

    if !h.together.is_empty() {
        let list: Vec<String> = h
            .together
            .iter()
            // A no-break space keeps each count with its theme.
            .map(|(t, n)| format!("{}\u{a0}({n})", first_line(t, 24)))
            .collect();
        app.line("");
        for (i, l) in wrap(&list.join(", "), 58).into_iter().enumerate() {
            let head = if i == 0 { "Written beside it" } else { "" };
            app.line(format!("{}  {l}", app.bold(&format!("{head:<17}"))));
        }
    }

    if !h.quotes.is_empty() {
        app.line("");
        app.line(app.bold("In your words"));
        for q in &h.quotes {
            app.line(format!(
                "  “{}” ({})",
                first_line(&q.short, crate::review::TERMINAL_QUOTE_COLUMNS),
                day(q.at)
            ));
        }
    }
}

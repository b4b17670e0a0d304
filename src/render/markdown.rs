//! The markdown export. Whatever the user typed stays text: every character
//! that could start markdown structure is escaped, so a CommonMark parser
//! finds exactly the headings kapj wrote and no raw HTML.

use std::fmt::Write;

use super::{count, day, day_time, long_day, long_time, ExportDoc};
use crate::domain::Phase;

/// Escapes user text for use inside a paragraph or a table cell.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' | '!' | '&' | '#' | '{'
            | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes one line so that nothing at its start opens a block: headings,
/// quotes, lists, thematic breaks, setext underlines, code indents, fences.
fn escape_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let mut s = escape_inline(trimmed);
    if let Some(first) = s.chars().next() {
        let starts_block = matches!(first, '-' | '+' | '=' | '.' | ')' | ':') || ordered_marker(&s);
        if starts_block {
            if first.is_ascii_digit() {
                // "1. text" / "1) text": escape the delimiter after the digits.
                let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
                s.insert(digits, '\\');
            } else {
                s.insert(0, '\\');
            }
        }
    }
    s
}

fn ordered_marker(s: &str) -> bool {
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && matches!(s[digits..].chars().next(), Some('.') | Some(')'))
}

/// A block of user text: paragraphs kept, single newlines as hard breaks.
pub fn text_block(text: &str) -> String {
    let mut paras = Vec::new();
    for para in text.split("\n\n") {
        let lines: Vec<String> = para
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .map(escape_line)
            .collect();
        if !lines.is_empty() {
            paras.push(lines.join("\\\n"));
        }
    }
    paras.join("\n\n")
}

pub fn render(d: &ExportDoc) -> String {
    let mut s = String::new();
    let r = d.review;
    let _ = writeln!(s, "# Integration journal\n");
    let _ = writeln!(s, "Exported {} with kapj.\n", long_time(d.generated_at));
    let _ = writeln!(s, "## What this covers\n");
    let range = match (d.from, d.to) {
        (Some(f), Some(t)) => format!("{} to {}", long_day(f), long_day(t)),
        (Some(f), None) => format!("from {}", long_day(f)),
        (None, Some(t)) => format!("up to {}", long_day(t)),
        (None, None) => "no entries".into(),
    };
    let phases: Vec<&str> = d.phases.iter().map(|p| p.label()).collect();
    let _ = writeln!(s, "- Period: {range}");
    let _ = writeln!(s, "- Selection: {}", escape_inline(&d.scope));
    let _ = writeln!(
        s,
        "- {} in {}",
        count(d.entries.len(), "entry", "entries"),
        count(d.sessions.len(), "session", "sessions")
    );
    if !phases.is_empty() {
        let _ = writeln!(s, "- Phases: {}", phases.join(", "));
    }
    let _ = if d.private_included {
        writeln!(s, "- Private entries are included.")
    } else {
        writeln!(
            s,
            "- Left out: {} marked private.",
            count(d.private_left_out, "entry", "entries")
        )
    };
    s.push('\n');

    let _ = writeln!(s, "## Summary\n");
    let _ = writeln!(s, "### Recurring themes\n");
    if r.themes.is_empty() {
        let _ = writeln!(s, "Nothing clearly recurs across sessions yet.\n");
    } else {
        for t in &r.themes {
            let h = &t.hit;
            let quote = t
                .quotes
                .first()
                .map(|q| format!(" — “{}” ({})", escape_inline(&q.text), day(q.at)))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "- **{}** ({}; {}, {}; {}){quote}",
                escape_inline(&h.theme),
                h.category.as_deref().unwrap_or("other"),
                count(h.entries, "entry", "entries"),
                count(h.sessions, "session", "sessions"),
                trend(&h.trend)
            );
        }
        s.push('\n');
    }
    if !r.mood.is_empty() {
        let _ = writeln!(s, "### Mood per session\n");
        let _ = writeln!(s, "| Session | Date | Mood (0–10) |\n|---:|---|---:|");
        for m in &r.mood {
            let _ = writeln!(s, "| {} | {} | {} |", m.session, day(m.at), m.mood);
        }
        s.push('\n');
    }
    if !r.actions.is_empty() {
        let _ = writeln!(s, "### Open actions\n");
        for a in &r.actions {
            let _ = writeln!(
                s,
                "- {} (since {})",
                escape_inline(&a.text.split_whitespace().collect::<Vec<_>>().join(" ")),
                day(a.at)
            );
        }
        s.push('\n');
    }
    if !r.questions.is_empty() {
        let _ = writeln!(s, "### Questions to bring\n");
        for q in &r.questions {
            let _ = writeln!(s, "- {} ({})", escape_inline(&q.text), day(q.at));
        }
        s.push('\n');
    }
    if !r.checks.is_empty() {
        let _ = writeln!(s, "### Self-checks\n");
        let _ = writeln!(
            s,
            "These are self-checks the client chose to take, not a diagnosis.\n"
        );
        let _ = writeln!(s, "| Date | Measure | Total |\n|---|---|---:|");
        for c in &r.checks {
            let title = crate::care::measures::Measure::parse(&c.measure)
                .map(|m| m.title())
                .unwrap_or("?");
            let _ = writeln!(s, "| {} | {title} | {} |", day(c.at), c.total);
        }
        s.push('\n');
    }

    let mut unattached = d.entries.iter().filter(|e| e.session.is_none()).peekable();
    for sess in &d.sessions {
        let _ = writeln!(s, "## Session {} — {}\n", sess.number, long_time(sess.at));
        for (label, v) in [
            ("Setting", &sess.setting),
            ("Dose", &sess.dose),
            ("Note", &sess.note),
        ] {
            if !v.trim().is_empty() {
                let _ = writeln!(
                    s,
                    "{label}: {}\n",
                    escape_inline(&v.split_whitespace().collect::<Vec<_>>().join(" "))
                );
            }
        }
        for e in d.entries.iter().filter(|e| e.session == Some(sess.number)) {
            entry(&mut s, e);
        }
    }
    if unattached.peek().is_some() {
        let _ = writeln!(s, "## Entries without a session\n");
        for e in unattached {
            entry(&mut s, e);
        }
    }
    s
}

fn entry(s: &mut String, e: &crate::domain::Entry) {
    let title = match e.phase {
        Phase::Free => "Free writing".to_string(),
        p => capitalise(p.label()),
    };
    let _ = writeln!(s, "### {title} — {}\n", day_time(e.at));
    let mut facts = Vec::new();
    if let Some(m) = e.mood {
        facts.push(format!("Mood {m}/10"));
    }
    if !e.feelings.is_empty() {
        facts.push(format!(
            "feelings: {}",
            escape_inline(&e.feelings.join(", "))
        ));
    }
    if !e.tags.is_empty() {
        facts.push(format!("tags: {}", escape_inline(&e.tags.join(", "))));
    }
    if e.private {
        facts.push("private".into());
    }
    if !facts.is_empty() {
        let _ = writeln!(s, "*{}*\n", facts.join(" · "));
    }
    for a in &e.answers {
        if !a.prompt.trim().is_empty() {
            let _ = writeln!(s, "**{}**\n", escape_inline(a.prompt.trim()));
        }
        let _ = writeln!(s, "{}\n", text_block(&a.text));
    }
}

fn trend(t: &crate::themes::Trend) -> &'static str {
    use crate::themes::Trend;
    match t {
        Trend::New => "new",
        Trend::Rising => "rising",
        Trend::Steady => "steady",
        Trend::Fading => "fading",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

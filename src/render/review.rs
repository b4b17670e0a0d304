//! Review on the terminal and as `--json`: the brief [`crate::review`]
//! builds, as `kapj review` and `kapj demo` print it.

use serde_json::{json, Value};

use crate::app::App;
use crate::review::{trend_key, Review, TERMINAL_QUOTE_COLUMNS};
use crate::text::{pad, wrap};
use crate::themes::Trend;

use super::{added_ago, count, count_sparkline, day, first_line, session_span, sparkline};

/// At most this many sessions in a kept theme's sparkline on the terminal
/// (the latest), so the line fits 80 columns.
const SPARK_SESSIONS: usize = 36;

pub fn to_json(r: &Review) -> Value {
    json!({
        "period": {"from": r.from.map(|t| t.to_rfc3339()), "to": r.to.to_rfc3339()},
        "counts": {"sessions": r.sessions.len(), "entries": r.entries},
        "last_intention": r.last_intention.as_ref().map(|l| json!({
            "entry": l.entry.id, "at": l.entry.at.to_rfc3339(), "session": l.entry.session,
            "text": l.text, "reflected_on": l.reflections > 0, "entries_after": l.reflections,
        })),
        "themes": r.themes.iter().map(|t| json!({
            "theme": t.hit.theme,
            "category": t.hit.category.as_deref().unwrap_or("other"),
            "entries": t.hit.entries,
            "sessions": t.hit.sessions,
            "first_seen": t.hit.first_seen.to_rfc3339(),
            "last_seen": t.hit.last_seen.to_rfc3339(),
            "trend": trend_key(&t.hit.trend),
            "quotes": t.quotes.iter().map(|q| json!({"entry": q.entry, "at": q.at.to_rfc3339(), "text": q.text})).collect::<Vec<_>>(),
            "kept": t.kept,
            "per_session": t.per_session.iter().map(|c| json!({"session": c.session, "entries": c.entries})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "mood": r.mood.iter().map(|m| json!({"session": m.session, "at": m.at.to_rfc3339(), "mood": m.mood})).collect::<Vec<_>>(),
        "feelings": r.feelings.iter().map(|(f, n)| json!({"feeling": f, "entries": n})).collect::<Vec<_>>(),
        "actions": r.actions.iter().map(super::action_json).collect::<Vec<_>>(),
        "questions": r.questions.iter().map(|q| json!({"entry": q.entry, "at": q.at.to_rfc3339(), "text": q.text})).collect::<Vec<_>>(),
        "changed": r.themes.iter().filter(|t| t.hit.trend == Trend::Fading).map(|t| t.hit.theme.clone()).collect::<Vec<_>>(),
        "unchanged": r.themes.iter().filter(|t| matches!(t.hit.trend, Trend::Steady | Trend::Rising)).map(|t| t.hit.theme.clone()).collect::<Vec<_>>(),
        "checks": r.checks.iter().map(super::check_json).collect::<Vec<_>>(),
        "decisions": r.decisions.iter().map(super::decision_json).collect::<Vec<_>>(),
        "relationships": r.relationships.iter().map(|q| json!({"entry": q.entry, "at": q.at.to_rfc3339(), "text": q.text})).collect::<Vec<_>>(),
        "uneven_sessions": r.uneven,
    })
}

pub fn print(app: &mut App, r: &Review) {
    let period = match r.from {
        Some(f) => format!("{} to {}", day(f), day(r.to)),
        None => format!("up to {}", day(r.to)),
    };
    app.line(app.bold(&format!(
        "Review · {period} · {}, {}",
        count(r.sessions.len(), "session", "sessions"),
        count(r.entries, "entry", "entries")
    )));
    if r.entries == 0 {
        app.line("");
        app.line("Nothing written in this period yet. Themes appear once a few entries across sessions are in.");
        print_checks(app, r);
        return;
    }

    if let Some(l) = &r.last_intention {
        app.line("");
        let session = l
            .entry
            .session
            .map(|n| format!("session {n}, "))
            .unwrap_or_default();
        app.line(app.bold(&format!("Last intention ({session}{})", day(l.entry.at))));
        app.line(format!("  “{}”", first_line(&l.text, 72)));
        app.line(if l.reflections > 0 {
            format!(
                "  Written about since: {}.",
                count(l.reflections, "entry", "entries")
            )
        } else {
            "  Not written about since yet.".to_string()
        });
    }

    app.line("");
    app.line(app.bold("Recurring themes"));
    if r.themes.is_empty() {
        app.line("  Nothing clearly recurs yet. Themes show once words come back across sessions.");
    }
    for t in &r.themes {
        let h = &t.hit;
        app.line(format!(
            "  {} {} {} · {} · {}",
            pad(&first_line(&h.theme, 18), 18),
            pad(h.category.as_deref().unwrap_or("other"), 13),
            count(h.entries, "entry", "entries"),
            count(h.sessions, "session", "sessions"),
            trend_key(&h.trend)
        ));
        if t.kept {
            app.line(app.dim(&kept_line(&t.per_session)));
        }
        for q in &t.quotes {
            app.line(app.dim(&format!(
                "      “{}” ({})",
                first_line(&q.short, TERMINAL_QUOTE_COLUMNS),
                day(q.at)
            )));
        }
    }

    if !r.mood.is_empty() {
        app.line("");
        let (spark, list) = mood_line(&r.mood, columns());
        app.line(format!(
            "{}  {spark}  {}",
            app.bold(MOOD_HEADING),
            app.dim(&list)
        ));
    }
    if let Some(sentence) = r.uneven {
        if r.mood.is_empty() {
            app.line("");
        }
        for l in crate::term_text::wrap(sentence, 78, "") {
            app.line(l);
        }
    }
    if !r.feelings.is_empty() {
        let list: Vec<String> = r
            .feelings
            .iter()
            .map(|(f, n)| format!("{f} ({n})"))
            .collect();
        // The heading and two spaces take 21 of the line's 80 columns.
        app.line(format!(
            "{}  {}",
            app.bold("Feelings named most"),
            first_line(&list.join(", "), 59)
        ));
    }

    if !r.actions.is_empty() {
        app.line("");
        app.line(app.bold("Open actions"));
        for a in &r.actions {
            app.line(format!(
                "  {:>3}  {}  ({})",
                a.number,
                first_line(&a.text, 48),
                added_ago(r.to, a.at)
            ));
        }
    }

    if !r.decisions.is_empty() {
        app.line("");
        app.line(app.bold("Decisions you are weighing"));
        for d in &r.decisions {
            app.line(format!(
                "  {:>3}  “{}” ({})",
                d.number,
                first_line(&d.sentence, 58),
                day(d.at)
            ));
        }
        app.line(app.dim("  When one is settled: kapj decisions done N"));
    }

    let faded: Vec<&str> = r
        .themes
        .iter()
        .filter(|t| t.hit.trend == Trend::Fading)
        .map(|t| t.hit.theme.as_str())
        .collect();
    let staying: Vec<&str> = r
        .themes
        .iter()
        .filter(|t| matches!(t.hit.trend, Trend::Steady | Trend::Rising))
        .map(|t| t.hit.theme.as_str())
        .collect();
    if !faded.is_empty() || !staying.is_empty() {
        app.line("");
        if !faded.is_empty() {
            for l in wrap(
                &format!("Comes up less than before: {}.", faded.join(", ")),
                78,
            ) {
                app.line(l);
            }
        }
        if !staying.is_empty() {
            for l in wrap(&format!("Still coming back: {}.", staying.join(", ")), 78) {
                app.line(l);
            }
        }
    }

    if !r.questions.is_empty() {
        app.line("");
        app.line(app.bold("Questions to bring"));
        for q in &r.questions {
            app.line(format!("  - {} ({})", q.short, day(q.at)));
        }
    }
    print_checks(app, r);
}

const MOOD_HEADING: &str = "Mood across sessions";

/// The columns review's lines may use: the terminal's width, or 80 when
/// the output is not a terminal.
fn columns() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        (console::Term::stdout().size().1 as usize).max(40)
    } else {
        80
    }
}

/// The mood line's sparkline and list ("s1 5.3, s2 6"): every session
/// when they fit in `cols` columns, else the latest that fit, after "… ".
fn mood_line(mood: &[crate::review::MoodPoint], cols: usize) -> (String, String) {
    let budget = cols.saturating_sub(1 + crate::text::width(MOOD_HEADING) + 4);
    let items: Vec<String> = mood
        .iter()
        .map(|m| format!("s{} {}", m.session, m.mood))
        .collect();
    let n = items.len();
    let mut k = n;
    loop {
        let lead = if k < n { "… " } else { "" };
        let list = format!("{lead}{}", items[n - k..].join(", "));
        if k <= 1 || k + crate::text::width(&list) <= budget {
            let values: Vec<f64> = mood[n - k..].iter().map(|m| m.mood).collect();
            return (
                sparkline(&values),
                first_line(&list, budget.saturating_sub(k)),
            );
        }
        k -= 1;
    }
}

/// "      kept · sessions 1–5  ▂▅█··": a kept theme's entries per session.
fn kept_line(per_session: &[crate::review::SessionCount]) -> String {
    if per_session.is_empty() {
        return "      kept · not in a session yet".to_string();
    }
    let shown = &per_session[per_session.len().saturating_sub(SPARK_SESSIONS)..];
    let numbers: Vec<i64> = shown.iter().map(|c| c.session).collect();
    let counts: Vec<usize> = shown.iter().map(|c| c.entries).collect();
    let label = if numbers.len() == 1 {
        "session"
    } else {
        "sessions"
    };
    format!(
        "      kept · {label} {}  {}",
        first_line(&session_span(&numbers), 16),
        count_sparkline(&counts)
    )
}

/// The latest self-checks, newest first.
fn print_checks(app: &mut App, r: &Review) {
    if !r.checks.is_empty() {
        app.line("");
        let list: Vec<String> = r
            .checks
            .iter()
            .rev()
            .take(4)
            .map(|c| {
                format!(
                    "{} {} on {}",
                    c.measure
                        .to_uppercase()
                        .replace("PHQ9", "PHQ-9")
                        .replace("GAD7", "GAD-7"),
                    c.total,
                    day(c.at)
                )
            })
            .collect();
        app.line(format!("{}  {}", app.bold("Self-checks"), list.join(", ")));
    }
}

#[cfg(test)]
mod tests {
    use super::mood_line;
    use crate::review::MoodPoint;

    fn points(n: i64) -> Vec<MoodPoint> {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-01T10:00:00+01:00").unwrap();
        (1..=n)
            .map(|i| MoodPoint {
                session: i,
                at,
                mood: (i % 7) as f64 + 0.5,
            })
            .collect()
    }

    #[test]
    fn the_mood_line_shows_every_session_that_fits_and_the_latest_first() {
        let (spark, list) = mood_line(&points(3), 80);
        assert_eq!(spark.chars().count(), 3);
        assert_eq!(list, "s1 1.5, s2 2.5, s3 3.5");
        for cols in [40, 80, 200] {
            let (spark, list) = mood_line(&points(40), cols);
            let used = 1 + 20 + 4 + crate::text::width(&spark) + crate::text::width(&list);
            assert!(used <= cols, "{cols}: {used} {spark} {list}");
            assert!(
                list.starts_with("… ") && list.ends_with("s40 5.5"),
                "{list}"
            );
            assert_eq!(spark.chars().count(), list.matches('s').count());
        }
    }
}

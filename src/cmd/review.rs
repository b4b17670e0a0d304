//! `kapj review`: the brief a client reads before the next session — period
//! and counts, the last intention, recurring themes, mood across sessions,
//! feelings named most, open actions, what changed, and questions to bring.

use std::collections::HashMap;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use serde_json::{json, Value};

use crate::app::App;
use crate::cli::ReviewArgs;
use crate::cmd::parse_when;
use crate::domain::{Action, CheckResult, Entry, Filter, Phase, Session};
use crate::render;
use crate::templates;
use crate::themes::{self, Corpus, RankOptions, ThemeHit, Trend};

pub struct Quote {
    pub entry: String,
    pub at: DateTime<FixedOffset>,
    /// For JSON and the export.
    pub text: String,
    /// The same, cut to fit one line of an 80-column terminal; a theme's
    /// quote is cut around the theme, so the line still shows why.
    pub short: String,
}

/// Longest quote in JSON and the export, in characters.
const QUOTE_CHARS: usize = 120;
/// Longest quote on a terminal line, after the indent and before the date.
const TERMINAL_QUOTE_CHARS: usize = 58;
/// Longest question on a terminal line, after "  - " and before the date.
const TERMINAL_QUESTION_CHARS: usize = 63;

pub struct Theme {
    pub hit: ThemeHit,
    pub quotes: Vec<Quote>,
}

pub struct LastIntention {
    pub entry: Entry,
    pub text: String,
    /// Entries of a later phase written for the same session.
    pub reflections: usize,
}

pub struct MoodPoint {
    pub session: i64,
    pub at: DateTime<FixedOffset>,
    pub mood: f64,
}

/// Everything review shows; export's summary uses the same data.
pub struct Review {
    pub from: Option<DateTime<FixedOffset>>,
    pub to: DateTime<FixedOffset>,
    pub sessions: Vec<Session>,
    pub entries: usize,
    pub last_intention: Option<LastIntention>,
    pub themes: Vec<Theme>,
    pub mood: Vec<MoodPoint>,
    pub feelings: Vec<(String, usize)>,
    pub actions: Vec<Action>,
    pub questions: Vec<Quote>,
    pub checks: Vec<CheckResult>,
}

pub fn run(app: &mut App, a: ReviewArgs) -> Result<()> {
    let since = a
        .since
        .as_deref()
        .map(|s| parse_when(s, &app.clock).map(|w| w.start(&app.clock)))
        .transpose()?;
    let until = a
        .until
        .as_deref()
        .map(|s| parse_when(s, &app.clock).map(|w| w.end(&app.clock)))
        .transpose()?;
    let filter = Filter {
        since,
        until,
        include_private: true,
        ..Filter::default()
    };
    let r = compute(app, &filter, a.top)?;
    let worth_raising = super::safety::raised_days(app, &filter)?;
    if app.json {
        let mut v = to_json(&r);
        v["worth_raising"] = worth_raising.iter().map(|d| d.to_string()).collect();
        app.json_out(&v);
    } else {
        print(app, &r);
        super::safety::print_worth_raising(app, &worth_raising);
    }
    Ok(())
}

/// Builds the review for the entries a filter selects.
pub fn compute(app: &mut App, filter: &Filter, top: usize) -> Result<Review> {
    let all_sessions = app.store()?.sessions()?;
    compute_with(app, filter, top, &all_sessions)
}

/// [`compute`], given the journal's sessions (a caller that has them
/// already saves reading them twice).
pub fn compute_with(
    app: &mut App,
    filter: &Filter,
    top: usize,
    all_sessions: &[Session],
) -> Result<Review> {
    let now = app.clock.now();
    let in_period = |t: DateTime<FixedOffset>| {
        filter.since.is_none_or(|s| t >= s) && filter.until.is_none_or(|u| t <= u)
    };
    let sessions: Vec<Session> = all_sessions
        .iter()
        .filter(|s| in_period(s.at) && filter.session.is_none_or(|n| n == s.number))
        .cloned()
        .collect();

    let corpus = term_corpus(app, filter)?;
    let hits = rank_themes(app, &corpus, top)?;
    let themes = with_quotes(app, hits)?;

    let with_text = |phase: Phase, limit: usize| Filter {
        phase: Some(phase),
        limit: Some(limit),
        ..filter.clone()
    };
    let intention = app.store()?.entries(&with_text(Phase::Intention, 1))?;
    let meaning = app.store()?.entries(&with_text(Phase::Meaning, 20))?;
    let last_intention = match intention.into_iter().next() {
        None => None,
        Some(e) => Some(LastIntention {
            reflections: app.store()?.later_in_session(e.number, filter)?,
            text: e
                .answer("intention")
                .map(str::to_string)
                .unwrap_or_else(|| e.text()),
            entry: e,
        }),
    };

    let by_row: HashMap<i64, &Session> = all_sessions.iter().map(|s| (s.row, s)).collect();
    let mut mood: Vec<MoodPoint> = app
        .store()?
        .mood_by_session(filter)?
        .into_iter()
        .filter_map(|(row, avg)| {
            let s = by_row.get(&row)?;
            Some(MoodPoint {
                session: s.number,
                at: s.at,
                mood: (avg * 10.0).round() / 10.0,
            })
        })
        .collect();
    mood.sort_by_key(|m| m.session);
    let feelings = app.store()?.feelings_named(filter, 5)?;
    let questions = open_questions(&meaning);
    let actions = app.store()?.actions(false)?;
    let checks = app
        .store()?
        .checks(None)?
        .into_iter()
        .filter(|c| in_period(c.at))
        .collect();
    Ok(Review {
        from: filter.since.or_else(|| corpus.docs().first().map(|d| d.at)),
        to: filter.until.unwrap_or(now),
        sessions,
        entries: corpus.len(),
        last_intention,
        themes,
        mood,
        feelings,
        actions,
        questions,
        checks,
    })
}

/// The period's entries with their terms: from the index, once it holds
/// every entry written since the last review; from the entries' own
/// analyses when it cannot be updated just now (busy or read-only).
fn term_corpus(app: &mut App, filter: &Filter) -> Result<Corpus> {
    if app.store()?.index_pending()? {
        app.store()?.term_corpus(filter)
    } else {
        app.store()?.analysed_corpus(filter)
    }
}

/// How many of a theme's entries are read for the way it is written.
const SURFACE_SAMPLE: usize = 60;

/// Ranks themes, named in the form their entries write most.
fn rank_themes(app: &mut App, corpus: &Corpus, top: usize) -> Result<Vec<ThemeHit>> {
    let mut exclude_text: Vec<String> = Vec::new();
    for p in Phase::ALL {
        let t = templates::load(&app.home, p)?;
        exclude_text.extend(t.prompts.iter().map(|q| q.text.clone()));
        exclude_text.extend(t.mood.clone());
        if p != Phase::Free {
            exclude_text.push(
                templates::builtin(p)
                    .prompts
                    .iter()
                    .map(|q| q.text.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    let mut hits = themes::rank(corpus, &RankOptions { top, exclude_text });
    for h in &mut hits {
        let sample = spread(&h.entry_ids, SURFACE_SAMPLE);
        let analyses = app.store()?.analyses(&sample)?;
        if let Some(surface) = themes::surface_of(&h.key, &analyses) {
            h.theme = surface;
        }
    }
    Ok(hits)
}

/// At most `n` of `items`, evenly spread from first to last (all of them
/// when there are no more than `n`): the written form of a theme is counted
/// over its whole span, not only its newest entries.
fn spread(items: &[i64], n: usize) -> Vec<i64> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n)
        .map(|i| items[i * (items.len() - 1) / (n - 1)])
        .collect()
}

/// One or two quotes for each theme, from its newest entries.
fn with_quotes(app: &mut App, hits: Vec<ThemeHit>) -> Result<Vec<Theme>> {
    let wanted: Vec<i64> = hits
        .iter()
        .flat_map(|h| h.entry_ids.iter().take(3).copied())
        .collect();
    let texts = app.store()?.entry_texts(&wanted)?;
    let heads = app.store()?.entry_heads_by_number(&wanted)?;
    Ok(hits
        .into_iter()
        .map(|hit| {
            let mut quotes = Vec::new();
            for n in hit.entry_ids.iter().take(3) {
                if quotes.len() == 2 {
                    break;
                }
                let (Some(e), Some(text)) = (heads.get(n), texts.get(n)) else {
                    continue;
                };
                let long = themes::quote(text, &hit, QUOTE_CHARS);
                let short = themes::quote(text, &hit, TERMINAL_QUOTE_CHARS);
                if let (Some(text), Some(short)) = (long, short) {
                    quotes.push(Quote {
                        entry: e.id.clone(),
                        at: e.at,
                        text,
                        short,
                    });
                }
            }
            Theme { hit, quotes }
        })
        .collect())
}

/// Questions from meaning-making entries, newest first: the `questions`
/// answer, or sentences ending in "?" where the entry has no such answer.
fn open_questions(entries: &[Entry]) -> Vec<Quote> {
    let mut out = Vec::new();
    for e in entries.iter().filter(|e| e.phase == Phase::Meaning) {
        let texts: Vec<String> = match e.answer("questions") {
            Some(q) => vec![q.trim().to_string()],
            None => questions_in(&e.text()),
        };
        for t in texts.into_iter().filter(|t| !t.is_empty()) {
            out.push(Quote {
                entry: e.id.clone(),
                at: e.at,
                text: render::first_line(&t, 160),
                short: render::first_line(&t, TERMINAL_QUESTION_CHARS),
            });
            if out.len() == 5 {
                return out;
            }
        }
    }
    out
}

fn trend_key(t: &Trend) -> &'static str {
    match t {
        Trend::New => "new",
        Trend::Rising => "rising",
        Trend::Steady => "steady",
        Trend::Fading => "fading",
    }
}

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
        })).collect::<Vec<_>>(),
        "mood": r.mood.iter().map(|m| json!({"session": m.session, "at": m.at.to_rfc3339(), "mood": m.mood})).collect::<Vec<_>>(),
        "feelings": r.feelings.iter().map(|(f, n)| json!({"feeling": f, "entries": n})).collect::<Vec<_>>(),
        "actions": r.actions.iter().map(render::action_json).collect::<Vec<_>>(),
        "questions": r.questions.iter().map(|q| json!({"entry": q.entry, "at": q.at.to_rfc3339(), "text": q.text})).collect::<Vec<_>>(),
        "changed": r.themes.iter().filter(|t| t.hit.trend == Trend::Fading).map(|t| t.hit.theme.clone()).collect::<Vec<_>>(),
        "unchanged": r.themes.iter().filter(|t| matches!(t.hit.trend, Trend::Steady | Trend::Rising)).map(|t| t.hit.theme.clone()).collect::<Vec<_>>(),
        "checks": r.checks.iter().map(render::check_json).collect::<Vec<_>>(),
    })
}

pub fn print(app: &mut App, r: &Review) {
    let period = match r.from {
        Some(f) => format!("{} to {}", render::day(f), render::day(r.to)),
        None => format!("up to {}", render::day(r.to)),
    };
    app.line(app.bold(&format!(
        "Review · {period} · {}, {}",
        render::count(r.sessions.len(), "session", "sessions"),
        render::count(r.entries, "entry", "entries")
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
        app.line(app.bold(&format!(
            "Last intention ({session}{})",
            render::day(l.entry.at)
        )));
        app.line(format!("  “{}”", render::first_line(&l.text, 72)));
        app.line(if l.reflections > 0 {
            format!(
                "  Written about since: {}.",
                render::count(l.reflections, "entry", "entries")
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
            "  {:<18} {:<13} {} · {} · {}",
            render::first_line(&h.theme, 18),
            h.category.as_deref().unwrap_or("other"),
            render::count(h.entries, "entry", "entries"),
            render::count(h.sessions, "session", "sessions"),
            trend_key(&h.trend)
        ));
        for q in &t.quotes {
            app.line(app.dim(&format!(
                "      “{}” ({})",
                render::first_line(&q.short, TERMINAL_QUOTE_CHARS),
                render::day(q.at)
            )));
        }
    }

    if !r.mood.is_empty() {
        app.line("");
        let values: Vec<f64> = r.mood.iter().map(|m| m.mood).collect();
        let list: Vec<String> = r
            .mood
            .iter()
            .map(|m| format!("s{} {}", m.session, m.mood))
            .collect();
        app.line(format!(
            "{}  {}  {}",
            app.bold("Mood across sessions"),
            render::sparkline(&values),
            app.dim(&render::first_line(&list.join(", "), 40))
        ));
    }
    if !r.feelings.is_empty() {
        let list: Vec<String> = r
            .feelings
            .iter()
            .map(|(f, n)| format!("{f} ({n})"))
            .collect();
        app.line(format!(
            "{}  {}",
            app.bold("Feelings named most"),
            list.join(", ")
        ));
    }

    if !r.actions.is_empty() {
        app.line("");
        app.line(app.bold("Open actions"));
        for a in &r.actions {
            app.line(format!(
                "  {:>3}  {}  ({})",
                a.number,
                render::first_line(&a.text, 56),
                render::age_days(r.to, a.at)
            ));
        }
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
            app.line(format!("  - {} ({})", q.short, render::day(q.at)));
        }
    }
    print_checks(app, r);
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
                    render::day(c.at)
                )
            })
            .collect();
        app.line(format!("{}  {}", app.bold("Self-checks"), list.join(", ")));
    }
}

/// Closing marks that belong to the sentence before them: `?"`, `?)`.
fn closes(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

/// The sentences of `text` that ask something (end in "?", three words or
/// more). A "?" inside parentheses ("shopping (with Mary?) again") is
/// doubt, not the end of a sentence; closing quotes and brackets stay with
/// their sentence, and list markers are left off.
fn questions_in(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let (mut prev, mut before_prev) = (' ', ' ');
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // ":(", ":-(" and ":'(" are faces, not brackets.
        let eyes = |e: char| matches!(e, ':' | ';' | '=');
        let face = eyes(prev) || (matches!(prev, '-' | '\'') && eyes(before_prev));
        (before_prev, prev) = (prev, c);
        match c {
            // A bracket that opens a sentence holds the whole sentence:
            // "(Why is it so hard?)" asks.
            '(' | '[' if !face && !text[start..i].trim().is_empty() => depth += 1,
            ')' | ']' if !face => depth = depth.saturating_sub(1),
            // A bracket left open does not hold the lines after it.
            '\n' => depth = 0,
            _ => {}
        }
        // "…" pauses inside a sentence ("What if… I fail?") more often than
        // it ends one.
        let ends = c == '\n' || (depth == 0 && matches!(c, '.' | '!' | '?'));
        if !ends {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if c == '\n' || !(closes(next) || matches!(next, '.' | '!' | '?')) {
                break;
            }
            if next == ')' || next == ']' {
                depth = depth.saturating_sub(1);
            }
            end = j + next.len_utf8();
            chars.next();
        }
        sentences.push(&text[start..end]);
        start = end;
    }
    sentences.push(&text[start..]);
    sentences
        .into_iter()
        .map(|s| without_list_marker(s.trim()))
        .filter(|s| {
            s.trim_end_matches(|c| closes(c) || c == '!').ends_with('?')
                && s.split_whitespace().count() >= 3
        })
        .map(str::to_string)
        .collect()
}

/// A line without its list marker: "* ", "- ", "• ", "> ", "1) ", "2. ".
fn without_list_marker(line: &str) -> &str {
    let rest = line.trim_start_matches(['*', '-', '•', '>']);
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = match digits.strip_prefix([')', '.']) {
        Some(after) if digits.len() < rest.len() && after.starts_with(' ') => after,
        _ => rest,
    };
    rest.trim()
}

/// Breaks a sentence into lines of at most `width` characters, at spaces,
/// indenting the continuation lines.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let cur = lines.last_mut().expect("one line at least");
        if !cur.trim().is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(format!("  {word}"));
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{questions_in, spread};

    #[test]
    fn questions_are_whole_sentences_that_ask() {
        assert_eq!(
            questions_in("I walked. Why the lake? Then home!  Is it grief, maybe?"),
            vec!["Why the lake?", "Is it grief, maybe?"]
        );
        // Doubt in parentheses is not a question of its own.
        assert_eq!(
            questions_in("I am shopping (with Mary?) and then I wake up."),
            Vec::<String>::new()
        );
        assert_eq!(
            questions_in("I felt (anger?) rising. What was it guarding?"),
            vec!["What was it guarding?"]
        );
        // Closing quotes stay with their sentence; list markers go.
        assert_eq!(
            questions_in("She asks, \"Why are you concerned?\" I say nothing."),
            vec!["She asks, \"Why are you concerned?\""]
        );
        assert_eq!(
            questions_in("* Have you ever played a game like that?\n- Too short?"),
            vec!["Have you ever played a game like that?"]
        );
        assert_eq!(
            questions_in("Can I trust it?! Or not"),
            vec!["Can I trust it?!"]
        );
        assert_eq!(
            questions_in("(Why is it so hard for me?) I do not know."),
            vec!["(Why is it so hard for me?)"]
        );
        // A pause is not an end.
        assert_eq!(
            questions_in("What if… I fail at this? Is this… really what I want?"),
            vec!["What if… I fail at this?", "Is this… really what I want?"]
        );
        assert_eq!(
            questions_in("1) Why do I keep doing this?\n2) I will ask."),
            vec!["Why do I keep doing this?"]
        );
        // Faces are not brackets; an open bracket ends with its line.
        assert_eq!(
            questions_in("Sad :-( and :'( Why does it hurt so much?"),
            vec!["Sad :-( and :'( Why does it hurt so much?"]
        );
        assert_eq!(
            questions_in("I felt sad :( Why does it hurt so much? I don't know."),
            vec!["I felt sad :( Why does it hurt so much?"]
        );
        assert_eq!(
            questions_in("A note (unfinished\nWhy do I hold on so tightly?"),
            vec!["Why do I hold on so tightly?"]
        );
    }

    #[test]
    fn spread_keeps_ends_and_spacing() {
        assert_eq!(spread(&[1, 2, 3], 60), vec![1, 2, 3]);
        let all: Vec<i64> = (0..100).collect();
        let s = spread(&all, 5);
        assert_eq!(s, vec![0, 24, 49, 74, 99]);
    }
}

//! The markdown export. Whatever the user typed stays text: every character
//! that could start markdown structure is escaped, so a CommonMark parser
//! finds exactly the headings kapj wrote and no raw HTML.
//!
//! The wording shared with the html export (what the document covers, an
//! entry's title and facts) lives here too, as plain unescaped strings.

use std::collections::HashMap;
use std::fmt::Write;

use super::{count, day, day_time, long_day, long_time, ExportDoc};
use crate::domain::{Entry, Phase, Session};

/// Escapes user text for use inside a paragraph or a table cell, where it
/// does not start a line.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_inline(&mut out, s);
    out
}

/// [`escape_inline`], appending to `out`: runs of plain text are copied
/// whole, and the scan goes byte by byte (every character it acts on is
/// ASCII, or a C1 control, U+0080–U+009F, which UTF-8 writes as 0xC2 then
/// 0x80–0x9F), so a long answer costs one quick pass.
pub fn push_inline(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut plain = 0;
    let mut i = 0;
    loop {
        i = skip_plain(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        let width = match INLINE[b as usize] {
            Inline::Plain => {
                i += 1;
                continue;
            }
            Inline::Lead => {
                if !bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)) {
                    i += 1;
                    continue;
                }
                2
            }
            _ => 1,
        };
        out.push_str(&s[plain..i]);
        match INLINE[b as usize] {
            Inline::Escape => {
                out.push('\\');
                out.push(b as char);
            }
            _ if b == b'\t' => out.push(' '),
            _ => {}
        }
        i += width;
        plain = i;
    }
    out.push_str(&s[plain..]);
}

/// The first byte from `i` on that [`push_inline`] may act on (or the
/// end): eight bytes at a time, as most of a long answer is plain text.
fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
    let acts = |b: u8| u8::from(!matches!(INLINE[b as usize], Inline::Plain));
    while let Some(c) = bytes.get(i..i + 8) {
        let any = c.iter().fold(0, |any, &b| any | acts(b));
        if any != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| acts(b) == 0) {
        i += 1;
    }
    i
}

/// What [`push_inline`] does with a byte.
#[derive(Clone, Copy, PartialEq)]
enum Inline {
    Plain,
    /// Markdown punctuation: backslash-escaped.
    Escape,
    /// A control character: dropped (a tab becomes a space).
    Control,
    /// 0xC2: starts a C1 control when 0x80–0x9F follows.
    Lead,
}

const INLINE: [Inline; 256] = {
    let mut t = [Inline::Plain; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = Inline::Control;
        i += 1;
    }
    t[0x7f] = Inline::Control;
    t[0xc2] = Inline::Lead;
    let special = b"\\`*_[]<>~|!&#{}$^";
    let mut j = 0;
    while j < special.len() {
        t[special[j] as usize] = Inline::Escape;
        j += 1;
    }
    t
};

/// Escapes one line so that nothing at its start opens a block: headings,
/// quotes, lists, thematic breaks, setext underlines, code indents, fences.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    push_line(&mut out, line);
    out
}

/// [`escape_line`], appending to `out`.
fn push_line(out: &mut String, line: &str) {
    let trimmed = line.trim_start();
    if ordered_marker(trimmed) {
        // "1. text" / "1) text": escape the delimiter after the digits.
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&trimmed[..digits]);
        out.push('\\');
        push_inline(out, &trimmed[digits..]);
    } else {
        if trimmed.starts_with(['-', '+', '=', ':']) {
            out.push('\\');
        }
        push_inline(out, trimmed);
    }
}

fn ordered_marker(s: &str) -> bool {
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && matches!(s[digits..].chars().next(), Some('.') | Some(')'))
}

/// User text on one line (whitespace and line breaks folded), safe at the
/// start of a line or a list item as well as inside one.
pub fn one_line(s: &str) -> String {
    escape_line(&flat(s))
}

/// Folds all whitespace, line breaks included, to single spaces. Text that
/// is already flat (most prompts and short answers) is returned as it is.
pub fn flat(s: &str) -> std::borrow::Cow<'_, str> {
    let bytes = s.as_bytes();
    let spaced = |i: usize| bytes[i] == b' ';
    let already = !bytes.is_empty()
        && !spaced(0)
        && !spaced(bytes.len() - 1)
        && bytes
            .iter()
            .all(|&b| b == b' ' || (b'!'..=b'~').contains(&b))
        && !s.contains("  ");
    if already || s.is_empty() {
        s.into()
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ").into()
    }
}

/// Line breaks as a person typed them, whatever the platform: "\r\n" and a
/// lone "\r" become "\n".
pub fn normalise_newlines(s: &str) -> std::borrow::Cow<'_, str> {
    // Bytes, not chars: the search over a long answer is then memchr's.
    if s.as_bytes().contains(&b'\r') {
        s.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        s.into()
    }
}

/// User text as paragraphs: split at blank lines, each a list of lines with
/// trailing spaces removed and empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let mut paras: Vec<Vec<String>> = vec![Vec::new()];
    for_lines(text, |line, new_para| {
        if new_para && !paras.last().is_some_and(Vec::is_empty) {
            paras.push(Vec::new());
        }
        paras.last_mut().expect("one").push(line.to_string());
    });
    paras.retain(|p| !p.is_empty());
    paras
}

/// Calls `f` with each non-blank line of `text` (trailing space removed)
/// and whether it starts a new paragraph (a blank line came before it).
pub fn for_lines(text: &str, mut f: impl FnMut(&str, bool)) {
    let text = normalise_newlines(text);
    let mut blank_before = false;
    for line in text.split('\n') {
        let line = line.trim_end();
        if line.trim_start().is_empty() {
            blank_before = true;
        } else {
            f(line, blank_before);
            blank_before = false;
        }
    }
}

/// A line's indentation in columns (a tab counts four) and the rest of it.
/// Exports write the indentation as no-break spaces: ordinary ones would
/// turn the line into code (markdown) or be dropped (HTML), and a poem or
/// a nested list written by hand would lose its shape.
pub fn split_indent(line: &str) -> (usize, &str) {
    let rest = line.trim_start_matches([' ', '\t']);
    let lead = &line[..line.len() - rest.len()];
    let width = lead.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    (width, rest)
}

/// Appends `width` no-break spaces.
pub fn push_indent(out: &mut String, width: usize) {
    out.extend(std::iter::repeat_n('\u{a0}', width));
}

/// A block of user text: paragraphs kept, single newlines as hard breaks.
pub fn text_block(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_text_block(&mut out, text);
    out
}

/// [`text_block`], appending to `out`.
pub fn push_text_block(out: &mut String, text: &str) {
    let mut first = true;
    for_lines(text, |line, new_para| {
        if !first {
            out.push_str(if new_para { "\n\n" } else { "\\\n" });
        }
        first = false;
        let (width, rest) = split_indent(line);
        push_indent(out, width);
        push_line(out, rest);
    });
}

impl ExportDoc<'_> {
    /// "Wed 21 Oct 2026 to Fri 20 Nov 2026".
    pub fn period(&self) -> String {
        match (self.from, self.to) {
            (Some(f), Some(t)) if day(f) == day(t) => long_day(f),
            (Some(f), Some(t)) => format!("{} to {}", long_day(f), long_day(t)),
            (Some(f), None) => format!("from {}", long_day(f)),
            (None, Some(t)) => format!("up to {}", long_day(t)),
            (None, None) => "no entries".into(),
        }
    }

    /// "9 entries in 3 sessions" (and those without a session).
    pub fn extent(&self) -> String {
        let loose = self.entries.iter().filter(|e| e.session.is_none()).count();
        let mut s = format!(
            "{} in {}",
            count(self.entries.len(), "entry", "entries"),
            count(self.sessions.len(), "session", "sessions")
        );
        if loose > 0 {
            let _ = write!(s, " ({loose} not linked to a session)");
        }
        s
    }

    pub fn phase_list(&self) -> Option<String> {
        (!self.phases.is_empty()).then(|| {
            self.phases
                .iter()
                .map(|p| p.label())
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    /// What is left out, or that private entries are in.
    pub fn privacy_line(&self) -> String {
        if self.private_included {
            let n = self.entries.iter().filter(|e| e.private).count();
            match n {
                0 => "Private entries: included (none in this selection).".into(),
                n => format!(
                    "Private entries: included ({} marked private).",
                    count(n, "entry", "entries")
                ),
            }
        } else {
            match self.private_left_out {
                0 => "Left out: nothing (no entries in this selection are marked private).".into(),
                n => format!("Left out: {} marked private.", count(n, "entry", "entries")),
            }
        }
    }
}

/// How many entries of `groups` these sessions hold (to size a buffer).
pub fn entries_in(sessions: &[Session], groups: &HashMap<Option<i64>, Vec<&Entry>>) -> usize {
    sessions
        .iter()
        .map(|x| groups.get(&Some(x.number)).map_or(0, Vec::len))
        .sum()
}

/// Entries by session (None: without one), each list in date order.
pub fn by_session(entries: &[Entry]) -> HashMap<Option<i64>, Vec<&Entry>> {
    let mut m: HashMap<Option<i64>, Vec<&Entry>> = HashMap::new();
    for e in entries {
        m.entry(e.session).or_default().push(e);
    }
    m
}

/// "Immediate reflection — 2026-10-23 16:00".
pub fn entry_title(e: &Entry) -> String {
    let title = match e.phase {
        Phase::Free => "Free writing".to_string(),
        p => capitalise(p.label()),
    };
    format!("{title} — {}", day_time(e.at))
}

/// Mood, feelings, tags and the private mark, unescaped.
pub fn entry_facts(e: &Entry) -> Vec<String> {
    let mut facts = Vec::new();
    if let Some(m) = e.mood {
        facts.push(format!("Mood {m}/10"));
    }
    if !e.feelings.is_empty() {
        facts.push(format!("feelings: {}", flat(&e.feelings.join(", "))));
    }
    if !e.tags.is_empty() {
        facts.push(format!("tags: {}", flat(&e.tags.join(", "))));
    }
    if e.private {
        facts.push("private".into());
    }
    facts
}

/// "relationship; 6 entries, 2 sessions; steady".
pub fn theme_facts(h: &crate::themes::ThemeHit) -> String {
    format!(
        "{}; {}, {}; {}",
        h.category.as_deref().unwrap_or("other"),
        count(h.entries, "entry", "entries"),
        count(h.sessions, "session", "sessions"),
        trend(&h.trend)
    )
}

/// A theme's facts, and for one the client keeps watching, that and its
/// entries per session: "kept; body; 6 entries, 3 sessions; steady;
/// entries per session 1–3: 2, 3, 1".
pub fn kept_facts(t: &crate::review::Theme) -> String {
    if t.kept {
        format!(
            "kept; {}; {}",
            theme_facts(&t.hit),
            super::per_session_text(&t.per_session)
        )
    } else {
        theme_facts(&t.hit)
    }
}

/// A mood average as the documents show it: "6.0", "5.3".
pub fn mood_value(m: f64) -> String {
    format!("{m:.1}")
}

/// "PHQ-9" and its standard band for a stored check.
pub fn check_title_band(c: &crate::domain::CheckResult) -> (String, String) {
    match crate::care::measures::Measure::parse(&c.measure) {
        Some(m) => (m.title().to_string(), m.band(c.total).to_string()),
        None => (c.measure.clone(), String::new()),
    }
}

pub const DECISIONS_HEADING: &str = "Decisions being weighed";
pub const DECISIONS_NOTE: &str =
    "Big decisions written about in the two weeks after a session, not yet marked settled.";
pub const RELATIONSHIPS_NOTE: &str =
    "What is moving in relationships or boundaries (embodiment entries, newest first):";

/// The names of review's themes about people and relationships.
pub fn relationship_themes(r: &crate::review::Review) -> Vec<String> {
    r.themes
        .iter()
        .filter(|t| t.hit.category.as_deref() == Some("relationship"))
        .map(|t| t.hit.theme.clone())
        .collect()
}

pub const CHECKS_NOTE: &str = "Self-checks the client chose to take; a score is not a diagnosis.";

/// Title, what the document covers, and the summary from review.
pub fn summary(d: &ExportDoc) -> String {
    let mut s = String::with_capacity(4096);
    let r = d.review;
    let _ = writeln!(s, "# Integration journal\n");
    let _ = writeln!(s, "Exported {} with kapj.\n", long_time(d.generated_at));
    let _ = writeln!(s, "## What this covers\n");
    let _ = writeln!(s, "- Period: {}", d.period());
    let _ = writeln!(s, "- Selection: {}", escape_inline(&flat(&d.scope)));
    let _ = writeln!(s, "- {}", d.extent());
    if let Some(p) = d.phase_list() {
        let _ = writeln!(s, "- Phases: {p}");
    }
    let _ = writeln!(s, "- {}", d.privacy_line());
    s.push('\n');

    let _ = writeln!(s, "## Summary\n");
    let _ = writeln!(s, "### Recurring themes\n");
    if r.themes.is_empty() {
        let _ = writeln!(s, "Nothing clearly recurs across sessions yet.\n");
    } else {
        for t in &r.themes {
            let quote = t
                .quotes
                .first()
                .map(|q| format!(" — “{}” ({})", escape_inline(&flat(&q.text)), day(q.at)))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "- **{}** ({}){quote}",
                escape_inline(&flat(&t.hit.theme)),
                kept_facts(t)
            );
        }
        s.push('\n');
    }
    if !r.mood.is_empty() {
        let _ = writeln!(s, "### Mood per session\n");
        let _ = writeln!(s, "| Session | Date | Mood (0–10) |\n|---:|---|---:|");
        for m in &r.mood {
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                m.session,
                day(m.at),
                mood_value(m.mood)
            );
        }
        s.push('\n');
    }
    if !r.feelings.is_empty() {
        let list: Vec<String> = r
            .feelings
            .iter()
            .map(|(f, n)| format!("{} ({n})", flat(f)))
            .collect();
        let _ = writeln!(
            s,
            "Feelings named most: {}\n",
            escape_inline(&list.join(", "))
        );
    }
    if !r.actions.is_empty() {
        let _ = writeln!(s, "### Open actions\n");
        for a in &r.actions {
            let _ = writeln!(s, "- {} (since {})", one_line(&a.text), day(a.at));
        }
        s.push('\n');
    }
    if !r.decisions.is_empty() {
        let _ = writeln!(s, "### {DECISIONS_HEADING}\n");
        let _ = writeln!(s, "{DECISIONS_NOTE}\n");
        for d in &r.decisions {
            let _ = writeln!(s, "- {} ({})", one_line(&d.sentence), day(d.at));
        }
        s.push('\n');
    }
    let people = relationship_themes(r);
    if !people.is_empty() || !r.relationships.is_empty() {
        let _ = writeln!(s, "### Relationships\n");
        if !people.is_empty() {
            let _ = writeln!(
                s,
                "Recurring themes about people and relationships: {}.\n",
                escape_inline(&flat(&people.join(", ")))
            );
        }
        if !r.relationships.is_empty() {
            let _ = writeln!(s, "{RELATIONSHIPS_NOTE}\n");
            for q in &r.relationships {
                let _ = writeln!(s, "- {} ({})", one_line(&q.text), day(q.at));
            }
            s.push('\n');
        }
    }
    if !r.questions.is_empty() {
        let _ = writeln!(s, "### Questions to bring\n");
        for q in &r.questions {
            let _ = writeln!(s, "- {} ({})", one_line(&q.text), day(q.at));
        }
        s.push('\n');
    }
    if !r.checks.is_empty() {
        let _ = writeln!(s, "### Self-checks\n");
        let _ = writeln!(s, "{CHECKS_NOTE}\n");
        let _ = writeln!(
            s,
            "| Date | Measure | Total | Standard band |\n|---|---|---:|---|"
        );
        for c in &r.checks {
            let (title, band) = check_title_band(c);
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                day(c.at),
                escape_inline(&title),
                c.total,
                escape_inline(&band)
            );
        }
        s.push('\n');
    }
    s
}

/// About how many bytes an entry takes in the body (to size buffers).
pub const BYTES_PER_ENTRY: usize = 1024;

/// Part of the body: these sessions with their entries (`groups` from
/// [`by_session`]), and when `last`, the entries without a session and the
/// end of the document, added to `s`. Parts in order make the body, so
/// export can render halves on two threads.
pub fn push_body_part(
    s: &mut String,
    sessions: &[Session],
    groups: &HashMap<Option<i64>, Vec<&Entry>>,
    last: bool,
) {
    for sess in sessions {
        let _ = writeln!(s, "## Session {} — {}\n", sess.number, long_time(sess.at));
        for (label, v) in [
            ("Setting", &sess.setting),
            ("Dose", &sess.dose),
            ("Note", &sess.note),
        ] {
            if !v.trim().is_empty() {
                let _ = writeln!(s, "{label}: {}\n", escape_inline(&flat(v)));
            }
        }
        for e in groups.get(&Some(sess.number)).into_iter().flatten() {
            entry(s, e);
        }
    }
    if !last {
        return;
    }
    if let Some(loose) = groups.get(&None) {
        push_loose_part(s, loose, true, true);
    }
}

/// Part of the entries without a session: `first` opens their section,
/// `last` closes it (export writes a long list in parts).
pub fn push_loose_part(s: &mut String, loose: &[&Entry], first: bool, _last: bool) {
    if first {
        let _ = writeln!(s, "## Entries without a session\n");
    }
    for e in loose {
        entry(s, e);
    }
}

/// The end of the document, after the last part.
pub fn push_end(_s: &mut String) {}

fn entry(s: &mut String, e: &Entry) {
    let _ = writeln!(s, "### {}\n", entry_title(e));
    let facts = entry_facts(e);
    if !facts.is_empty() {
        let _ = writeln!(s, "*{}*\n", escape_inline(&facts.join(" · ")));
    }
    for a in e.answers.iter().filter(|a| !a.text.trim().is_empty()) {
        if !a.prompt.trim().is_empty() {
            s.push_str("**");
            push_inline(s, &flat(&a.prompt));
            s.push_str("**\n\n");
        }
        push_text_block(s, &a.text);
        s.push_str("\n\n");
    }
}

pub fn trend(t: &crate::themes::Trend) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_folds_every_kind_of_space_and_keeps_flat_text() {
        for text in [
            "",
            " ",
            "What is here now?",
            " leading",
            "trailing ",
            "two  spaces",
            "line\nbreak",
            "tab\there",
            "vertical\x0btab",
            "no\u{a0}break",
            "ideographic\u{3000}space",
            "café au lait",
            "\r\n",
        ] {
            let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(flat(text), folded, "{text:?}");
        }
    }

    #[test]
    fn lines_that_would_open_blocks_are_escaped() {
        assert_eq!(escape_line("# title"), "\\# title");
        assert_eq!(escape_line("1. one"), "1\\. one");
        assert_eq!(escape_line("12) twelve"), "12\\) twelve");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("    code"), "code");
        assert_eq!(escape_line("plain words"), "plain words");
    }

    /// [`push_inline`] one character at a time, as the rules say it.
    fn inline_reference(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '\t' => out.push(' '),
                c if c.is_control() => {}
                c if "\\`*_[]<>~|!&#{}$^".contains(c) => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn inline_escaping_skips_plain_runs_without_missing_a_byte() {
        let pieces = [
            "plain words ",
            "*",
            "é",
            "\u{85}",
            "\t",
            "¢",
            "a",
            "#",
            "\u{7f}",
            "longer plain run of text",
            "–",
            "\\",
            "_",
            "\u{c2}",
        ];
        // Every special character at every offset from a run's start.
        for lead in 0..17 {
            for p in pieces {
                for q in pieces {
                    let s = format!("{}{p}{}{q}", "x".repeat(lead), "y".repeat(lead % 9));
                    let mut out = String::new();
                    push_inline(&mut out, &s);
                    assert_eq!(out, inline_reference(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn inline_escapes_punctuation_and_drops_controls() {
        let mut out = String::new();
        push_inline(&mut out, "a*b_[x](y) <b>&amp; `c` #1 {$^~|!}\\");
        assert_eq!(
            out,
            "a\\*b\\_\\[x\\](y) \\<b\\>\\&amp; \\`c\\` \\#1 \\{\\$\\^\\~\\|\\!\\}\\\\"
        );
        let mut out = String::new();
        push_inline(
            &mut out,
            "tab\there\u{7}bell \u{85}c1 café naïve ¢ – “quote”",
        );
        assert_eq!(out, "tab herebell c1 café naïve ¢ – “quote”");
    }

    #[test]
    fn paragraphs_survive_any_line_ending() {
        assert_eq!(
            paragraphs("a\r\nb\r\n\r\nc"),
            vec![vec!["a", "b"], vec!["c"]]
        );
        assert_eq!(paragraphs("a\rb"), vec![vec!["a", "b"]]);
        assert_eq!(paragraphs(" \n\n  x  \n \n"), vec![vec!["  x"]]);
    }
}

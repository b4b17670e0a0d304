//! The html export: one self-contained page a therapist can read on screen
//! or print. Inline CSS, the mood chart as inline SVG, no scripts and no
//! resource from anywhere else (a Content-Security-Policy says so too).
//! Every piece of user text goes through [`esc`].

use std::collections::HashMap;
use std::fmt::Write;

use super::markdown::{
    check_title_band, entry_facts, entry_title, flat, for_lines, kept_facts, mood_value,
    push_indent, split_indent, CHECKS_NOTE,
};
use super::{day, long_time, ExportDoc};
use crate::domain::Entry;
use crate::domain::Session;
use crate::review::MoodPoint;

/// Escapes text for html element content and quoted attribute values.
/// Control characters other than tab and newline are dropped (html cannot
/// carry most of them).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    push_esc(&mut out, s);
    out
}

/// [`esc`], appending to `out`; runs of plain text are copied whole.
pub fn push_esc(out: &mut String, s: &str) {
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\n' | '\t' => continue,
            c if c.is_control() => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        out.push_str(rep);
        plain = i + c.len_utf8();
    }
    out.push_str(&s[plain..]);
}

const CSS: &str = r#"
:root { color-scheme: light; }
html { background: #faf9f6; }
body {
  margin: 0; color: #23211e; line-height: 1.6; font-size: 17px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  -webkit-text-size-adjust: 100%;
}
main { max-width: 42em; margin: 0 auto; padding: 2.5em 1.25em 4em; }
h1 { font-size: 1.8em; font-weight: 600; line-height: 1.2; margin: 0 0 .2em; }
h2 { font-size: 1.3em; font-weight: 600; line-height: 1.3; margin: 2.4em 0 .7em; padding-bottom: .3em; border-bottom: 1px solid #dcd7cc; }
h3 { font-size: 1.08em; font-weight: 600; line-height: 1.35; margin: 1.9em 0 .35em; }
h4 { font-size: 1em; font-weight: 600; margin: 1.1em 0 .2em; color: #4b463f; }
p { margin: 0 0 .7em; }
ul { margin: 0 0 1em; padding-left: 1.3em; }
li { margin: .25em 0; }
.meta, .muted, .facts, figcaption { color: #6b655c; }
.facts { font-size: .92em; margin-bottom: .4em; }
.covers { list-style: none; padding: 0; }
.covers li { margin: .15em 0; }
.label { color: #6b655c; }
.theme { font-weight: 600; }
.quote { display: block; margin: .15em 0 .4em; color: #3d3933; }
.session-facts { color: #4b463f; }
.answer { overflow-wrap: anywhere; }
.answer p { orphans: 3; widows: 3; }
table { border-collapse: collapse; margin: .4em 0 1.2em; font-variant-numeric: tabular-nums; }
th, td { padding: .3em .9em .3em 0; border-bottom: 1px solid #e4dfd5; text-align: left; vertical-align: top; }
th { font-weight: 600; font-size: .92em; color: #4b463f; }
.num { text-align: right; }
figure.chart { margin: .6em 0 .6em; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 30em; }
figcaption { font-size: .9em; margin-top: .2em; }
.entry { margin: 0 0 1.8em; }
.session, .loose { break-before: page; page-break-before: always; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
table, tr, .quote { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 3em; font-size: .85em; color: #6b655c; }
@page { margin: 18mm 17mm 20mm; }
@media print {
  html { background: none; }
  body { font-size: 11pt; color: #000; }
  main { max-width: none; padding: 0; }
  .session > h2:first-child, .loose > h2:first-child { margin-top: 0; }
}
"#;

/// The page up to and including the summary from review.
pub fn summary(d: &ExportDoc) -> String {
    let mut s = String::with_capacity(16 * 1024);
    let r = d.review;
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    s.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(
        s,
        "<title>Integration journal · {}</title>",
        esc(&d.period())
    );
    let _ = writeln!(s, "<style>{CSS}</style>\n</head>\n<body>\n<main>");

    let _ = writeln!(s, "<header>\n<h1>Integration journal</h1>");
    let _ = writeln!(
        s,
        "<p class=\"meta\">Exported {} with kapj.</p>\n</header>",
        esc(&long_time(d.generated_at))
    );

    let _ = writeln!(
        s,
        "<section class=\"scope\">\n<h2>What this covers</h2>\n<ul class=\"covers\">"
    );
    let _ = writeln!(
        s,
        "<li><span class=\"label\">Period:</span> {}</li>",
        esc(&d.period())
    );
    let _ = writeln!(
        s,
        "<li><span class=\"label\">Selection:</span> {}</li>",
        esc(&flat(&d.scope))
    );
    let _ = writeln!(s, "<li>{}</li>", esc(&d.extent()));
    if let Some(p) = d.phase_list() {
        let _ = writeln!(
            s,
            "<li><span class=\"label\">Phases:</span> {}</li>",
            esc(&p)
        );
    }
    let _ = writeln!(s, "<li>{}</li>\n</ul>\n</section>", esc(&d.privacy_line()));

    let _ = writeln!(
        s,
        "<section class=\"summary\">\n<h2>Summary</h2>\n<h3>Recurring themes</h3>"
    );
    if r.themes.is_empty() {
        let _ = writeln!(s, "<p>Nothing clearly recurs across sessions yet.</p>");
    } else {
        let _ = writeln!(s, "<ul class=\"themes\">");
        for t in &r.themes {
            let _ = write!(
                s,
                "<li><span class=\"theme\">{}</span> <span class=\"muted\">({})</span>",
                esc(&flat(&t.hit.theme)),
                esc(&kept_facts(t))
            );
            if let Some(q) = t.quotes.first() {
                let _ = write!(
                    s,
                    "<span class=\"quote\">“{}” <span class=\"muted\">({})</span></span>",
                    esc(&flat(&q.text)),
                    day(q.at)
                );
            }
            s.push_str("</li>\n");
        }
        s.push_str("</ul>\n");
    }
    if !r.mood.is_empty() {
        let _ = writeln!(s, "<h3>Mood per session</h3>");
        let _ = writeln!(s, "<figure class=\"chart\">\n{}", mood_chart(&r.mood));
        let _ = writeln!(
            s,
            "<figcaption>Average mood of each session’s entries, from 0 to 10, by session number.</figcaption>\n</figure>"
        );
        let _ = writeln!(
            s,
            "<table class=\"mood\">\n<thead><tr><th class=\"num\">Session</th><th>Date</th><th class=\"num\">Mood (0–10)</th></tr></thead>\n<tbody>"
        );
        for m in &r.mood {
            let _ = writeln!(
                s,
                "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                m.session,
                day(m.at),
                mood_value(m.mood)
            );
        }
        s.push_str("</tbody>\n</table>\n");
    }
    if !r.feelings.is_empty() {
        let list: Vec<String> = r
            .feelings
            .iter()
            .map(|(f, n)| format!("{} ({n})", flat(f)))
            .collect();
        let _ = writeln!(
            s,
            "<p><span class=\"label\">Feelings named most:</span> {}</p>",
            esc(&list.join(", "))
        );
    }
    if !r.actions.is_empty() {
        let _ = writeln!(s, "<h3>Open actions</h3>\n<ul class=\"actions\">");
        for a in &r.actions {
            let _ = writeln!(
                s,
                "<li>{} <span class=\"muted\">(since {})</span></li>",
                esc(&flat(&a.text)),
                day(a.at)
            );
        }
        s.push_str("</ul>\n");
    }
    if !r.decisions.is_empty() {
        let _ = writeln!(
            s,
            "<h3>{}</h3>\n<p class=\"muted\">{}</p>\n<ul class=\"decisions\">",
            esc(super::markdown::DECISIONS_HEADING),
            esc(super::markdown::DECISIONS_NOTE)
        );
        for d in &r.decisions {
            let _ = writeln!(
                s,
                "<li>{} <span class=\"muted\">({})</span></li>",
                esc(&flat(&d.sentence)),
                day(d.at)
            );
        }
        s.push_str("</ul>\n");
    }
    let people = super::markdown::relationship_themes(r);
    if !people.is_empty() || !r.relationships.is_empty() {
        let _ = writeln!(s, "<h3>Relationships</h3>");
        if !people.is_empty() {
            let _ = writeln!(
                s,
                "<p>Recurring themes about people and relationships: {}.</p>",
                esc(&flat(&people.join(", ")))
            );
        }
        if !r.relationships.is_empty() {
            let _ = writeln!(
                s,
                "<p class=\"muted\">{}</p>\n<ul class=\"relationships\">",
                esc(super::markdown::RELATIONSHIPS_NOTE)
            );
            for q in &r.relationships {
                let _ = writeln!(
                    s,
                    "<li>{} <span class=\"muted\">({})</span></li>",
                    esc(&flat(&q.text)),
                    day(q.at)
                );
            }
            s.push_str("</ul>\n");
        }
    }
    if !r.questions.is_empty() {
        let _ = writeln!(s, "<h3>Questions to bring</h3>\n<ul class=\"questions\">");
        for q in &r.questions {
            let _ = writeln!(
                s,
                "<li>{} <span class=\"muted\">({})</span></li>",
                esc(&flat(&q.text)),
                day(q.at)
            );
        }
        s.push_str("</ul>\n");
    }
    if !r.checks.is_empty() {
        let _ = writeln!(
            s,
            "<h3>Self-checks</h3>\n<p class=\"muted\">{}</p>",
            esc(CHECKS_NOTE)
        );
        let _ = writeln!(
            s,
            "<table class=\"checks\">\n<thead><tr><th>Date</th><th>Measure</th><th class=\"num\">Total</th><th>Standard band</th></tr></thead>\n<tbody>"
        );
        for c in &r.checks {
            let (title, band) = check_title_band(c);
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                day(c.at),
                esc(&title),
                c.total,
                esc(&band)
            );
        }
        s.push_str("</tbody>\n</table>\n");
    }
    s.push_str("</section>\n");
    s
}

/// About how many bytes an entry takes in the body (to size buffers).
pub const BYTES_PER_ENTRY: usize = 1400;

/// Part of the body: these sessions with their entries (`groups` from
/// [`super::markdown::by_session`]), and when `last`, the entries without a
/// session and the end of the page, added to `s`. Parts in order make the
/// body, so export can render halves on two threads.
pub fn push_body_part(
    s: &mut String,
    sessions: &[Session],
    groups: &HashMap<Option<i64>, Vec<&Entry>>,
    last: bool,
) {
    for sess in sessions {
        let _ = writeln!(
            s,
            "<section class=\"session\" id=\"session-{n}\">\n<h2>Session {n} — {}</h2>",
            esc(&long_time(sess.at)),
            n = sess.number
        );
        for (label, v) in [
            ("Setting", &sess.setting),
            ("Dose", &sess.dose),
            ("Note", &sess.note),
        ] {
            if !v.trim().is_empty() {
                let _ = writeln!(
                    s,
                    "<p class=\"session-facts\"><span class=\"label\">{label}:</span> {}</p>",
                    esc(&flat(v))
                );
            }
        }
        for e in groups.get(&Some(sess.number)).into_iter().flatten() {
            entry(s, e);
        }
        s.push_str("</section>\n");
    }
    if !last {
        return;
    }
    if let Some(loose) = groups.get(&None) {
        push_loose_part(s, loose, true, true);
    }
    push_end(s);
}

/// Part of the entries without a session: `first` opens their section,
/// `last` closes it (export writes a long list in parts).
pub fn push_loose_part(s: &mut String, loose: &[&Entry], first: bool, last: bool) {
    if first {
        let _ = writeln!(
            s,
            "<section class=\"loose\">\n<h2>Entries without a session</h2>"
        );
    }
    for e in loose {
        entry(s, e);
    }
    if last {
        s.push_str("</section>\n");
    }
}

/// The end of the document, after the last part.
pub fn push_end(s: &mut String) {
    let _ = writeln!(
        s,
        "<footer>Written by the client in kapj, a private journal kept on their own computer.</footer>"
    );
    s.push_str("</main>\n</body>\n</html>\n");
}

fn entry(s: &mut String, e: &Entry) {
    let _ = writeln!(
        s,
        "<article class=\"entry\">\n<h3>{}</h3>",
        esc(&entry_title(e))
    );
    let facts = entry_facts(e);
    if !facts.is_empty() {
        let _ = writeln!(s, "<p class=\"facts\">{}</p>", esc(&facts.join(" · ")));
    }
    for a in e.answers.iter().filter(|a| !a.text.trim().is_empty()) {
        if !a.prompt.trim().is_empty() {
            let _ = writeln!(s, "<h4>{}</h4>", esc(&flat(&a.prompt)));
        }
        s.push_str("<div class=\"answer\">\n<p>");
        let mut first = true;
        for_lines(&a.text, |line, new_para| {
            if !first {
                s.push_str(if new_para { "</p>\n<p>" } else { "<br>\n" });
            }
            first = false;
            let (width, rest) = split_indent(line);
            push_indent(s, width);
            push_esc(s, rest);
        });
        s.push_str("</p>\n");
        s.push_str("</div>\n");
    }
    s.push_str("</article>\n");
}

/// Mood per session as a small line chart in inline SVG, on a fixed 0–10
/// scale so charts from different exports compare.
fn mood_chart(points: &[MoodPoint]) -> String {
    const W: f64 = 480.0;
    const H: f64 = 160.0;
    const LEFT: f64 = 30.0;
    const RIGHT: f64 = 10.0;
    const TOP: f64 = 22.0;
    const BOTTOM: f64 = 26.0;
    /// Room between the axis and the first and last points.
    const INSET: f64 = 22.0;
    let n = points.len();
    let plot_w = W - LEFT - RIGHT - 2.0 * INSET;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: usize| {
        if n == 1 {
            LEFT + INSET + plot_w / 2.0
        } else {
            LEFT + INSET + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y = |m: f64| TOP + plot_h * (1.0 - m.clamp(0.0, 10.0) / 10.0);
    let mut s = String::new();
    let desc: Vec<String> = points
        .iter()
        .take(40)
        .map(|p| format!("session {} {}", p.session, mood_value(p.mood)))
        .collect();
    let _ = writeln!(
        s,
        "<svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"mood-title\" font-family=\"system-ui, sans-serif\" font-size=\"13\">"
    );
    let _ = writeln!(
        s,
        "<title id=\"mood-title\">Mood per session, 0 to 10: {}{}</title>",
        desc.join(", "),
        if n > 40 { ", …" } else { "" }
    );
    for v in [0.0, 5.0, 10.0] {
        let yy = y(v);
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"#ddd8ce\" stroke-width=\"1\"/>",
            W - RIGHT
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#6b655c\">{v}</text>",
            LEFT - 6.0,
            yy + 4.0
        );
    }
    if n > 1 {
        let pts: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.mood)))
            .collect();
        let _ = writeln!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#3c6e8c\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
            pts.join(" ")
        );
    }
    // Labels for at most about a dozen sessions, evenly spread.
    let every = n.div_ceil(12).max(1);
    let radius = if n > 60 { 1.5 } else { 4.0 };
    for (i, p) in points.iter().enumerate() {
        let (px, py) = (x(i), y(p.mood));
        let _ = writeln!(
            s,
            "<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"{radius}\" fill=\"#3c6e8c\"><title>Session {}, {}: mood {}</title></circle>",
            p.session,
            day(p.at),
            mood_value(p.mood)
        );
        if i % every == 0 || i == n - 1 {
            let _ = writeln!(
                s,
                "<text x=\"{px:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#6b655c\">{}</text>",
                H - 6.0,
                p.session
            );
            if n <= 12 {
                let _ = writeln!(
                    s,
                    "<text x=\"{px:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#23211e\">{}</text>",
                    py - 9.0,
                    mood_value(p.mood)
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_character_that_matters() {
        assert_eq!(
            esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(esc("a\u{0}b\nc"), "a\u{0}b\nc".replace('\u{0}', ""));
    }
}

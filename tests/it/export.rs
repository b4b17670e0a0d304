//! `kapj export`: markdown and html for the therapist, privacy by default,
//! filters, and files written 0600 and atomically. Every test runs the real
//! binary through the shared harness and parses what it wrote.

use std::os::unix::fs::PermissionsExt;

use crate::common::Home;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------
// fixtures

/// Imports a kapj journal JSON document into the home.
fn import(h: &Home, doc: Value) {
    let f = h.file("journal.json", &serde_json::to_string_pretty(&doc).unwrap());
    h.ok(&["import", f.to_str().unwrap()]);
}

fn answer(key: &str, prompt: &str, text: &str) -> Value {
    json!({"key": key, "prompt": prompt, "text": text})
}

/// What a person might type that markdown or html would read as structure.
const TRAPS: &[&str] = &[
    "# not a heading",
    "## nor this one #",
    "Some words above\n---",
    "More words above\n===",
    "> not a quote",
    "`tick` and ``` an unclosed fence\n```\nstill plain text",
    "~~~\nanother fence",
    "<b>bold</b> and <script>alert(1)</script> and <img src=x onerror=alert(2)>",
    "<div>\nblock html\n</div>",
    "[click me](javascript:alert(3)) and ![pic](http://example.com/p.png)",
    "1. not a list",
    "7) not a list either",
    "- not a bullet",
    "* not a bullet either",
    "+ nor this",
    "    four spaces of indent",
    "\tand a tab",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "<!-- a comment that must show -->",
    "<http://example.com/auto> and <mail@example.com>",
    "&amp; &lt;tag&gt; &#35; &copy; stay as typed",
    "***",
    "[ref]: http://example.com/ref",
    "- [ ] a task",
    "a footnote[^1]\n\n[^1]: its text",
    "\\# a backslash first, and one last \\",
    "*stars* _under_ ~~struck~~ $math$ ^sup^ {#id} [[wiki]]",
    "term\n: definition",
    "He said \"yes\" and 'no'",
];

const HOSTILE_PROMPT: &str = "# A <b>prompt</b> someone edited\n---";
const HOSTILE_QUESTION: &str = "1. Why does <b>this</b> & `that` keep coming back?";
const HOSTILE_ACTION: &str = "- [ ] # call <i>mum</i> | today";
const HOSTILE_NOTE: &str = "# <script>note</script>\n===";

/// One session with entries full of traps, and one entry without a session.
fn hostile_home() -> Home {
    let h = Home::new();
    let mut answers: Vec<Value> = TRAPS
        .iter()
        .enumerate()
        .map(|(i, t)| answer(&format!("k{i}"), "What do you notice?", t))
        .collect();
    answers.push(answer(
        "odd",
        HOSTILE_PROMPT,
        "an answer under an odd prompt",
    ));
    import(
        &h,
        json!({
            "format": "kapj-journal", "version": 1,
            "sessions": [{"number": 1, "at": "2026-10-01T10:00:00+01:00", "note": HOSTILE_NOTE,
                          "setting": "<i>home</i> | sofa", "dose": "1. 50 mg"}],
            "entries": [
                {"phase": "reflection", "session": 1, "at": "2026-10-01T18:00:00+01:00", "mood": 5,
                 "tags": ["<b>tag</b>", "`t`"], "answers": answers},
                {"phase": "meaning", "session": 1, "at": "2026-10-03T10:00:00+01:00",
                 "answers": [answer("questions", "What questions are still open?", HOSTILE_QUESTION)]},
                {"phase": "embodiment", "session": 1, "at": "2026-10-08T09:00:00+01:00",
                 "answers": [answer("action", "One small thing?", HOSTILE_ACTION)]},
                {"phase": "free", "at": "2026-10-10T12:00:00+01:00",
                 "answers": [answer("", "", "# loose\n<p>text</p>\n---")]},
            ]
        }),
    );
    h
}

const FATHER_1: &str = "I want to stay with my father and the tightness in my chest.";
const FATHER_2: &str = "My chest felt warm. I thought of my father and the ocean.";
const FATHER_3: &str = "The ocean again, my father on the boat. My chest open.";
const FATHER_4: &str = "Quiet. My chest was calm, the ocean far away.";

/// Three sessions; four private entries whose words would recur as a theme,
/// carry a question and an action, and pull session 1's mood down.
fn private_home() -> Home {
    let h = Home::new();
    let e = |phase: &str,
             session: i64,
             at: &str,
             mood: Option<u8>,
             private: bool,
             answers: Vec<Value>| {
        json!({"phase": phase, "session": session, "at": at, "mood": mood, "private": private, "answers": answers})
    };
    import(
        &h,
        json!({
            "format": "kapj-journal", "version": 1,
            "sessions": [
                {"number": 1, "at": "2026-10-01T10:00:00+01:00"},
                {"number": 2, "at": "2026-10-15T10:00:00+01:00"},
                {"number": 3, "at": "2026-11-01T10:00:00+01:00"},
            ],
            "entries": [
                e("intention", 1, "2026-09-29T19:00:00+01:00", Some(4), false, vec![answer("intention", "Your intention?", FATHER_1)]),
                e("reflection", 1, "2026-10-01T18:00:00+01:00", Some(6), false, vec![answer("body", "Your body?", FATHER_2)]),
                e("reflection", 1, "2026-10-01T20:00:00+01:00", Some(1), true,
                  vec![answer("body", "Your body?", "The lighthouse and the marmalade jar again. The lighthouse keeper smiled.")]),
                e("reflection", 2, "2026-10-15T18:00:00+01:00", Some(7), false, vec![answer("body", "Your body?", FATHER_3)]),
                e("meaning", 2, "2026-10-17T10:00:00+01:00", None, false,
                  vec![answer("questions", "Open questions?", "What would it mean to let my father in?")]),
                e("meaning", 2, "2026-10-17T20:00:00+01:00", None, true,
                  vec![answer("returning", "What returns?", "The lighthouse, the marmalade."),
                       answer("questions", "Open questions?", "Why does the lighthouse keep calling me?")]),
                e("embodiment", 2, "2026-10-20T09:00:00+01:00", None, true,
                  vec![answer("action", "One small thing?", "Bake marmalade for the lighthouse keeper")]),
                e("embodiment", 2, "2026-10-21T09:00:00+01:00", None, false,
                  vec![answer("action", "One small thing?", "Call my father on Sunday")]),
                e("reflection", 3, "2026-11-01T18:00:00+01:00", Some(5), false, vec![answer("body", "Your body?", FATHER_4)]),
                e("free", 3, "2026-11-02T12:00:00+01:00", None, true,
                  vec![answer("", "", "Lighthouse, lighthouse, marmalade. My father at the lighthouse.")]),
            ]
        }),
    );
    h
}

// ---------------------------------------------------------------------------
// reading markdown back

/// Every extension a renderer might switch on, except smart punctuation
/// (which rewrites quotes, so the words could not be compared).
fn strict_options() -> Options {
    Options::all() - Options::ENABLE_SMART_PUNCTUATION
}

#[derive(Debug, Default)]
struct Md {
    headings: Vec<(usize, String)>,
    /// Raw html the parser found.
    html: Vec<String>,
    /// Constructs kapj never writes (links, code, quotes, rules…).
    foreign: Vec<String>,
    /// Deepest list nesting.
    list_depth: usize,
    tables: usize,
    /// All text, breaks as newlines.
    text: String,
    /// Headings and lists inside the sessions part of the document.
    lists_in_sessions: usize,
}

fn read_md(md: &str, opts: Options) -> Md {
    let mut out = Md::default();
    let mut heading: Option<(usize, String)> = None;
    let mut depth = 0usize;
    let mut in_sessions = false;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as usize, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let h = heading.take().unwrap();
                if h.0 == 2 && (h.1.starts_with("Session ") || h.1 == "Entries without a session") {
                    in_sessions = true;
                }
                out.headings.push(h);
                out.text.push('\n');
            }
            Event::Start(Tag::List(_)) => {
                depth += 1;
                out.list_depth = out.list_depth.max(depth);
                if in_sessions {
                    out.lists_in_sessions += 1;
                }
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Table(_)) => out.tables += 1,
            Event::Start(Tag::HtmlBlock) => out.foreign.push("html block".into()),
            Event::Start(
                t @ (Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::MetadataBlock(_)),
            ) => out.foreign.push(format!("{t:?}")),
            Event::Html(s) | Event::InlineHtml(s) => out.html.push(s.to_string()),
            Event::Code(s) => out.foreign.push(format!("code {s}")),
            Event::InlineMath(s) | Event::DisplayMath(s) => out.foreign.push(format!("math {s}")),
            Event::FootnoteReference(s) => out.foreign.push(format!("footnote {s}")),
            Event::TaskListMarker(_) => out.foreign.push("task".into()),
            Event::Rule => out.foreign.push("rule".into()),
            Event::Text(s) => match &mut heading {
                Some((_, t)) => t.push_str(&s),
                None => out.text.push_str(&s),
            },
            Event::SoftBreak | Event::HardBreak => out.text.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => out.text.push('\n'),
            _ => {}
        }
    }
    out
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each of `texts`, whitespace folded, is found whole in `haystack`.
fn assert_texts_kept(haystack: &str, texts: &[&str], what: &str) {
    let hay = words(haystack);
    for t in texts {
        assert!(
            hay.contains(&words(t)),
            "{what}: the text {t:?} is not there as written:\n{hay}"
        );
    }
}

fn hostile_headings() -> Vec<(usize, String)> {
    [
        (1, "Integration journal"),
        (2, "What this covers"),
        (2, "Summary"),
        (3, "Recurring themes"),
        (3, "Mood per session"),
        (3, "Open actions"),
        (3, "Questions to bring"),
        (2, "Session 1 — Thu 1 Oct 2026, 10:00"),
        (3, "Immediate reflection — 2026-10-01 18:00"),
        (3, "Meaning-making — 2026-10-03 10:00"),
        (3, "Embodiment — 2026-10-08 09:00"),
        (2, "Entries without a session"),
        (3, "Free writing — 2026-10-10 12:00"),
    ]
    .into_iter()
    .map(|(l, t)| (l, t.to_string()))
    .collect()
}

#[test]
fn markdown_keeps_whatever_was_typed_as_text() {
    let h = hostile_home();
    let md = h.ok(&["export"]);
    for opts in [Options::empty(), strict_options()] {
        let r = read_md(&md, opts);
        assert_eq!(
            r.headings,
            hostile_headings(),
            "headings with {opts:?}:\n{md}"
        );
        assert!(
            r.html.is_empty(),
            "raw html from user text with {opts:?}: {:?}\n{md}",
            r.html
        );
        assert!(
            r.foreign.is_empty(),
            "structure from user text with {opts:?}: {:?}\n{md}",
            r.foreign
        );
        assert_eq!(
            r.list_depth, 1,
            "a list inside a list means user text became a list:\n{md}"
        );
        assert_eq!(r.lists_in_sessions, 0, "user text became a list:\n{md}");
        if opts.contains(Options::ENABLE_TABLES) {
            assert_eq!(r.tables, 1, "only the mood table is a table:\n{md}");
        }
        // Nothing eaten, nothing doubled: every answer reads as typed.
        assert_texts_kept(&r.text, TRAPS, "answers");
        assert_texts_kept(
            &r.text,
            &[
                HOSTILE_PROMPT,
                HOSTILE_QUESTION,
                HOSTILE_ACTION,
                HOSTILE_NOTE,
                "<i>home</i> | sofa",
                "1. 50 mg",
                "<b>tag</b>",
                "# loose\n<p>text</p>\n---",
            ],
            "prompt, summary and session facts",
        );
    }
}

#[test]
fn markdown_summary_lists_the_question_and_action_once_each() {
    let h = hostile_home();
    let md = h.ok(&["export"]);
    let r = read_md(&md, strict_options());
    let text = words(&r.text);
    // In the summary and again under its prompt in the session: twice, never more.
    assert_eq!(text.matches(&words(HOSTILE_QUESTION)).count(), 2, "{text}");
    assert_eq!(text.matches(&words(HOSTILE_ACTION)).count(), 2, "{text}");
    assert_eq!(text.matches("four spaces of indent").count(), 1, "{text}");
}

// ---------------------------------------------------------------------------
// html

/// The tags kapj's page is made of; anything else came from user text.
const PAGE_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "li",
    "span",
    "div",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "svg",
    "line",
    "polyline",
    "circle",
    "text",
];

/// (tag name, raw attribute text) of every tag in the page.
fn tags(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("every tag closes");
        let inner = rest[..end].trim_start_matches('/');
        let name: String = inner
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        out.push((name.to_ascii_lowercase(), inner[name.len()..].to_string()));
        rest = &rest[end + 1..];
    }
    out
}

/// The page's text: style and svg left out, tags removed, entities decoded.
fn html_text(html: &str) -> String {
    let body = &html[html.find("<body>").unwrap()..];
    let mut out = String::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with("<svg") {
            rest = &rest[rest.find("</svg>").unwrap() + 6..];
        } else {
            if rest.starts_with("<br")
                || rest.starts_with("</p")
                || rest.starts_with("</li")
                || rest.starts_with("</h")
            {
                out.push('\n');
            }
            rest = &rest[rest.find('>').unwrap() + 1..];
        }
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn html_is_one_quiet_page_with_user_text_escaped() {
    let h = hostile_home();
    let page = h.ok(&["export", "--format", "html"]);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    let lower = page.to_ascii_lowercase();
    for bad in [
        "<script", "@import", "url(", "<link", "<iframe", "<img", "<b>", "<i>", "<p>text",
        "<div>\n", "<!--",
    ] {
        assert!(!lower.contains(bad), "the page contains {bad:?}");
    }
    for (name, attrs) in tags(&page) {
        assert!(
            PAGE_TAGS.contains(&name.as_str()),
            "a <{name}> tag in the page (user text not escaped?)"
        );
        let a = attrs.to_ascii_lowercase();
        for bad in ["src=", "href=", " on", "http:", "https:", "javascript:"] {
            assert!(!a.contains(bad), "<{name}{attrs}> has {bad:?}");
        }
    }
    // The escaped forms are there, all five characters.
    for esc in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;b&gt;bold&lt;/b&gt;",
        "&amp;amp;",
        "&quot;yes&quot;",
        "&#39;no&#39;",
    ] {
        assert!(page.contains(esc), "{esc} missing");
    }
    // Print layout: sessions start a page, the chart is never cut.
    assert!(page.contains("@page"));
    assert!(page.contains(".session, .loose { break-before: page;"));
    assert!(page.contains("break-inside: avoid"));
    assert!(
        page.contains("<figure class=\"chart\">\n<svg"),
        "the mood chart is inline svg"
    );
    // The same content as the markdown, every word as typed.
    let text = html_text(&page);
    for heading in hostile_headings() {
        assert!(
            text.contains(&heading.1),
            "heading {:?} missing:\n{text}",
            heading.1
        );
    }
    assert_texts_kept(&text, TRAPS, "html answers");
    assert_texts_kept(
        &text,
        &[
            HOSTILE_PROMPT,
            HOSTILE_QUESTION,
            HOSTILE_ACTION,
            HOSTILE_NOTE,
        ],
        "html summary",
    );
}

#[test]
fn indentation_is_kept_in_both_formats() {
    let h = Home::new();
    let poem = "A poem:\n    the sea\n\tthe sea again\n\n  - not a list";
    import(
        &h,
        json!({"format": "kapj-journal", "version": 1, "sessions": [],
               "entries": [{"phase": "free", "at": "2026-10-10T12:00:00+00:00",
                            "answers": [answer("text", "What would you like to write?", poem)]}]}),
    );
    let nbsp = |n: usize| "\u{a0}".repeat(n);
    let md = h.ok(&["export"]);
    let r = read_md(&md, strict_options());
    assert!(r.foreign.is_empty(), "{:?}\n{md}", r.foreign);
    assert_eq!(r.lists_in_sessions, 0, "{md}");
    for line in [
        format!("{}the sea", nbsp(4)),
        format!("{}the sea again", nbsp(4)),
        format!("{}- not a list", nbsp(2)),
    ] {
        assert!(
            r.text.lines().any(|l| l == line),
            "{line:?} in:\n{}",
            r.text
        );
    }
    let page = h.ok(&["export", "--format", "html"]);
    let text = html_text(&page);
    for line in [
        format!("{}the sea", nbsp(4)),
        format!("{}- not a list", nbsp(2)),
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} in:\n{text}");
    }
}

#[test]
fn html_renders_what_the_markdown_renders() {
    let h = private_home();
    let page = h.ok(&["export", "--format", "html"]);
    let md = read_md(&h.ok(&["export"]), strict_options());
    // Compared without spaces and dashes: the page lays some lines out differently.
    let bare = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '—')
            .collect::<String>()
    };
    let text = bare(&html_text(&page));
    for (_, heading) in &md.headings {
        assert!(
            text.contains(&bare(heading)),
            "html lacks the heading {heading:?}"
        );
    }
    for line in md.text.lines().filter(|l| !l.trim().is_empty()) {
        assert!(text.contains(&bare(line)), "html lacks {line:?}");
    }
    assert!(
        page.contains("<table class=\"mood\">") && page.contains("<svg"),
        "mood table and chart"
    );
}

// ---------------------------------------------------------------------------
// privacy

#[test]
fn private_entries_stay_out_unless_asked_for() {
    let h = private_home();
    // The private words do recur: review (which the client alone reads) shows them as a theme.
    let review = h.json(&["review"]);
    let themes: Vec<&str> = review["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["theme"].as_str().unwrap())
        .collect();
    assert!(
        themes.iter().any(|t| t.contains("lighthouse")),
        "fixture must make a private theme: {themes:?}"
    );

    for format in ["markdown", "html"] {
        let doc = h.ok(&["export", "--format", format]);
        let lower = doc.to_lowercase();
        for secret in ["lighthouse", "marmalade"] {
            assert!(
                !lower.contains(secret),
                "{format}: private word {secret:?} in the export:\n{doc}"
            );
        }
        assert!(
            doc.contains("Left out: 4 entries marked private."),
            "{format}:\n{doc}"
        );
        assert!(
            doc.contains("Call my father on Sunday"),
            "the public action stays: {doc}"
        );
        assert!(
            doc.contains("let my father in"),
            "the public question stays"
        );

        let all = h.ok(&["export", "--format", format, "--include-private"]);
        for secret in [
            "lighthouse keeper smiled",
            "Bake marmalade for the lighthouse keeper",
            "Why does the lighthouse keep calling me?",
        ] {
            assert!(
                all.contains(secret),
                "{format} --include-private lacks {secret:?}"
            );
        }
        assert!(
            all.contains("Private entries: included (4 entries marked private)."),
            "{format}"
        );
    }
    let md = h.ok(&["export"]);
    let r = read_md(&md, strict_options());
    let themes_part = &r.text[..r.text.find("Mood (0–10)").unwrap()];
    assert!(
        themes_part.contains("father"),
        "public themes still show:\n{themes_part}"
    );
    // Session 1's mood without the private entry's 1: (4 + 6) / 2.
    assert!(md.contains("| 1 | 2026-10-01 | 5.0 |"), "{md}");
    let all = h.ok(&["export", "--include-private"]);
    assert!(all.contains("| 1 | 2026-10-01 | 3.7 |"), "{all}");
}

#[test]
fn the_backup_keeps_everything() {
    let h = private_home();
    let v: Value = serde_json::from_str(&h.ok(&["export", "--format", "json"])).unwrap();
    let private = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["private"] == json!(true))
        .count();
    assert_eq!(private, 4);
}

// ---------------------------------------------------------------------------
// filters

fn headings_of(h: &Home, args: &[&str]) -> (Vec<String>, String) {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let md = h.ok(&all);
    let r = read_md(&md, strict_options());
    let body: Vec<String> = r
        .headings
        .iter()
        .skip_while(|(l, t)| !(*l == 2 && t.starts_with("Session ")))
        .map(|(_, t)| t.clone())
        .collect();
    (body, md)
}

#[test]
fn filters_combine() {
    let h = private_home();
    let (hs, md) = headings_of(&h, &["--session", "2", "--phase", "reflection"]);
    assert_eq!(
        hs,
        [
            "Session 2 — Thu 15 Oct 2026, 10:00",
            "Immediate reflection — 2026-10-15 18:00"
        ],
        "{md}"
    );
    assert!(
        md.contains("Selection: session 2, immediate reflection entries only"),
        "{md}"
    );
    assert!(md.contains("- 1 entry in 1 session"), "{md}");
    assert!(
        !md.contains(FATHER_2) && !md.contains("Call my father on Sunday"),
        "{md}"
    );

    // The private count follows the filters too.
    let (_, md) = headings_of(&h, &["--session", "1", "--phase", "reflect"]);
    assert!(md.contains("Left out: 1 entry marked private."), "{md}");
    let (_, md) = headings_of(&h, &["--session", "2"]);
    assert!(md.contains("Left out: 2 entries marked private."), "{md}");

    let (hs, md) = headings_of(&h, &["--since", "2026-10-10", "--until", "2026-10-31"]);
    assert_eq!(
        hs,
        [
            "Session 2 — Thu 15 Oct 2026, 10:00",
            "Immediate reflection — 2026-10-15 18:00",
            "Meaning-making — 2026-10-17 10:00",
            "Embodiment — 2026-10-21 09:00",
        ],
        "{md}"
    );
    assert!(
        md.contains("Period: Sat 10 Oct 2026 to Sat 31 Oct 2026"),
        "{md}"
    );
    assert!(!md.contains(FATHER_4) && !md.contains(FATHER_1), "{md}");

    let (hs, _) = headings_of(
        &h,
        &[
            "--since",
            "2026-10-10",
            "--until",
            "2026-10-31",
            "--phase",
            "embodiment",
        ],
    );
    assert_eq!(
        hs,
        [
            "Session 2 — Thu 15 Oct 2026, 10:00",
            "Embodiment — 2026-10-21 09:00"
        ]
    );
}

#[test]
fn bad_filters_say_so_plainly_and_change_nothing() {
    let h = private_home();
    h.ok(&["export"]);
    let before = h.snapshot();
    for (args, says) in [
        (&["export", "--phase", "reflektion"][..], "is not a phase"),
        (&["export", "--since", "the day after someday"][..], ""),
        (&["export", "--until", "2026-13-45"][..], ""),
        (&["export", "--session", "9"][..], "There is no session 9."),
        (
            &["export", "--session", "two", "--format", "html"][..],
            "not a session number",
        ),
    ] {
        let err = h.fails(args);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(
            err.lines().count() <= 2 && err.lines().next().unwrap().ends_with('.'),
            "{args:?}: {err}"
        );
        assert_eq!(h.snapshot(), before, "{args:?} changed the store");
    }
}

// ---------------------------------------------------------------------------
// -o FILE

#[test]
fn output_file_is_private_and_complete() {
    let h = private_home();
    let out = h.dir.path().join("for-dana.md");
    std::fs::write(&out, "an older export").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = h.run(&["export", "-o", out.to_str().unwrap()]);
    assert!(run.status.success());
    assert!(run.stdout.is_empty(), "the document goes to the file only");
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), h.ok(&["export"]));

    let page = h.dir.path().join("page.html");
    h.ok(&["export", "--format", "html", "-o", page.to_str().unwrap()]);
    assert_eq!(
        std::fs::metadata(&page).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn a_failed_output_leaves_no_file() {
    let h = private_home();
    let missing = h.dir.path().join("no-such-folder").join("out.md");
    let err = h.fails(&["export", "-o", missing.to_str().unwrap()]);
    assert_eq!(
        err.lines().next().map(|l| l.ends_with('.')),
        Some(true),
        "{err}"
    );
    assert!(err.contains("no-such-folder"), "{err}");
    assert!(!missing.exists() && !missing.parent().unwrap().exists());

    // A folder where the file should go: the temporary file is cleaned away.
    let folder = h.dir.path().join("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let listing = |p: &std::path::Path| {
        let mut v: Vec<_> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let before = listing(h.dir.path());
    let err = h.fails(&["export", "--format", "html", "-o", folder.to_str().unwrap()]);
    assert!(err.lines().count() <= 2, "{err}");
    assert_eq!(
        listing(h.dir.path()),
        before,
        "a half-written file was left behind"
    );
    assert!(listing(&folder).is_empty());
}

//! Issue 16, the README as it really is: every transcript pasted in
//! README.md comes from a real run of kapj with a fixed clock, made here.
//! Each sits between `<!-- generated: NAME -->` and `<!-- end generated -->`
//! markers; the test fails when README and a fresh run disagree.
//!
//! To refresh README after changing what kapj prints: `tools/readme-blocks`
//! (which runs this module with KAPJ_README_UPDATE=1, rewriting the blocks).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Output;

use crate::common::screen::Screen;
use crate::common::Home;

const BEGIN: &str = "<!-- generated: ";
const END: &str = "<!-- end generated -->";

/// What a terminal shows for a command: its standard output, then its
/// standard error (hints and notes), as a person reads them.
fn shown(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    s
}

/// `$ kapj ARGS` and what it prints, quoting arguments as a shell would.
fn transcript(h: &Home, args: &[&str]) -> String {
    let line: Vec<String> = args
        .iter()
        .map(|a| {
            if a.contains(' ') || a.contains(',') {
                format!("\"{a}\"")
            } else {
                (*a).to_string()
            }
        })
        .collect();
    let out = h.cmd().args(args).write_stdin("").output().unwrap();
    let command = std::iter::once("$ kapj".to_string())
        .chain(line)
        .collect::<Vec<_>>();
    format!("{}\n{}", command.join(" "), shown(&out))
}

/// Screen lines with their trailing blanks trimmed.
fn lines(rows: &[String]) -> String {
    rows.iter()
        .map(|r| r.trim_end().to_string() + "\n")
        .collect()
}

/// Waits for a question, then types an answer and presses Enter (an empty
/// answer is Esc: skipped). `\n` inside an answer is Alt+Enter.
fn answer(s: &mut Screen, question: &str, text: &str) {
    s.wait_for(question);
    s.wait_raw();
    if text.is_empty() {
        s.keys("\x1b");
        return;
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            s.keys("\x1b\r");
        }
        s.type_slowly(line);
    }
    s.keys("\r");
}

/// Every generated block, by name: one integration cycle in one journal,
/// then the demo's review.
fn blocks() -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    let mut h = Home::new();

    // Days before the session.
    h.now = "2026-11-18T19:00:00+01:00".into();
    let mut text = transcript(
        &h,
        &[
            "session",
            "add",
            "--at",
            "2026-11-20 10:00",
            "--setting",
            "clinic, eyeshades and music",
        ],
    );
    let mut s = Screen::spawn(&h, &["write", "intention"], &[], 80, 40);
    s.wait_for("How are you these days");
    s.wait_raw();
    s.type_slowly(
        "Tired of the same loop. I wake at four most nights and my chest is tight \
         before I know why; by evening it eases, and I hardly notice it went.",
    );
    // The answer box as it looks before the first Enter.
    let before = s.history();
    let from = before
        .iter()
        .position(|l| l.starts_with("How are you these days"))
        .expect("the question");
    found.push(("answer-box", lines(&before[from..])));
    s.keys("\r");
    answer(
        &mut s,
        "What is weighing",
        "My father's illness.\nAnd work, a little.",
    );
    answer(
        &mut s,
        "What intention or question",
        "To meet the tightness in my chest with curiosity, not hurry.",
    );
    answer(&mut s, "What helps you feel safe", "");
    answer(&mut s, "How are you arriving today", "4");
    assert_eq!(s.finish(), 0);
    text.push_str("\n$ kapj write intention\n");
    text.push_str(&lines(&s.history()));
    found.push(("before-the-session", text));

    // Hours after.
    h.now = "2026-11-20T16:00:00+01:00".into();
    found.push(("hours-after", transcript(&h, &[])));
    h.ok(&[
        "write",
        "reflection",
        "--mood",
        "6",
        "--answer",
        "body=Warm hands, and the tightness in my chest gone quiet.",
        "--answer",
        "images=The sea at night, and a small boat with a light.",
    ]);

    // A day or two after.
    h.now = "2026-11-21T18:00:00+01:00".into();
    found.push(("days-after", transcript(&h, &["status"])));
    h.now = "2026-11-21T20:00:00+01:00".into();
    h.ok(&[
        "write",
        "meaning",
        "--answer",
        "returning=My father, and the sea. The boat he built when I was seven.",
    ]);

    // The weeks after.
    h.now = "2026-11-24T20:00:00+01:00".into();
    let mut s = Screen::spawn(&h, &["write", "embodiment"], &[], 80, 40);
    answer(
        &mut s,
        "What has changed since the session",
        "I notice the tightness earlier, and it passes sooner.",
    );
    answer(
        &mut s,
        "What is your body asking for",
        "Sleep, and the sea.",
    );
    answer(&mut s, "What is moving in your relationships", "");
    answer(
        &mut s,
        "What is one small, concrete thing",
        "Walk by the sea on Sunday, phone at home.",
    );
    answer(&mut s, "Which practice might support you", "");
    assert_eq!(s.finish(), 0);
    let mut text = String::from("$ kapj write embodiment\n");
    text.push_str(&lines(&s.history()));
    text.push('\n');
    text.push_str(&transcript(&h, &["actions"]));
    text.push('\n');
    text.push_str(&transcript(&h, &["actions", "done", "1"]));
    found.push(("weeks-after", text));

    // Review and export, on the demo's journal.
    let mut d = Home::new();
    d.now = crate::common::NOW.into();
    let demo = d.path();
    d.cmd()
        .env_remove("KAPJ_HOME")
        .args(["demo", "--home", demo.to_str().unwrap()])
        .write_stdin("")
        .output()
        .unwrap();
    let mut text = transcript(&d, &["review"]);
    let out = d
        .cmd()
        .current_dir(d.dir.path())
        .args(["export", "-o", "for-my-therapist.md"])
        .write_stdin("")
        .output()
        .unwrap();
    let _ = write!(
        text,
        "\n$ kapj export -o for-my-therapist.md\n{}",
        shown(&out)
    );
    found.push(("review", text));
    found
}

/// README with each generated block replaced by `fresh`; also returns the
/// names README has blocks for.
fn refreshed(readme: &str, fresh: &[(&str, String)]) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut names = Vec::new();
    let mut rest = readme;
    // Markers stand on lines of their own (README also mentions them in prose).
    while let Some(at) = rest
        .match_indices(BEGIN)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || rest.as_bytes()[i - 1] == b'\n')
    {
        let line_end = at + rest[at..].find('\n').expect("a marker line ends");
        out.push_str(&rest[..=line_end]);
        let name = rest[at + BEGIN.len()..line_end]
            .trim_end()
            .trim_end_matches("-->")
            .split_whitespace()
            .next()
            .expect("a block name")
            .to_string();
        let end = line_end
            + rest[line_end..]
                .find(&format!("\n{END}"))
                .expect("an end marker")
            + 1;
        let block = fresh
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("README has a block \"{name}\" that nothing generates"));
        let _ = write!(out, "```\n{}```\n", block.1);
        names.push(name);
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, names)
}

#[test]
fn readme_transcripts_are_what_kapj_prints() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let fresh = blocks();
    let (updated, names) = refreshed(&readme, &fresh);
    for (name, _) in &fresh {
        assert!(
            names.iter().any(|n| n == name),
            "README has no block \"{name}\""
        );
    }
    if std::env::var_os("KAPJ_README_UPDATE").is_some() {
        std::fs::write(&path, &updated).unwrap();
        return;
    }
    if updated != readme {
        let first = readme
            .lines()
            .zip(updated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let show = |t: &str| t.lines().skip(first).take(8).collect::<Vec<_>>().join("\n");
        panic!(
            "README.md's transcripts differ from a fresh run from line {}; run tools/readme-blocks.\nREADME:\n{}\nfresh run:\n{}",
            first + 1,
            show(&readme),
            show(&updated)
        );
    }
}

#[test]
fn readme_starts_with_commands_that_work() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let first_block: Vec<&str> = readme
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a first shell block")
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .collect();
    assert_eq!(first_block, ["cargo run --release", "cargo test"]);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The main job is the kapj binary, and the CI script is there to run.
    let toml = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(toml.contains("[[bin]]\nname = \"kapj\""));
    use std::os::unix::fs::PermissionsExt;
    let ci = std::fs::metadata(root.join(".ci/run")).expect(".ci/run exists");
    assert!(
        ci.permissions().mode() & 0o111 != 0,
        ".ci/run is executable"
    );
    // CI runs exactly the test command README gives.
    let script = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    assert!(script.lines().any(|l| l.trim() == "cargo test"), "{script}");
    let tool = std::fs::metadata(root.join("tools/readme-blocks")).expect("tools/readme-blocks");
    assert!(tool.permissions().mode() & 0o111 != 0);
    assert!(readme.contains("cargo install --locked --path ."));
}

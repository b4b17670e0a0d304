//! Issue 16: the man pages. `kapj man --dir DIR` writes a page for kapj and
//! for every subcommand, so every page a SUBCOMMANDS or SEE ALSO section
//! names exists; examples keep their lines; every subcommand's `--help` has
//! examples.

use std::collections::BTreeSet;
use std::path::Path;

use clap::CommandFactory;

use crate::common::Home;

/// Page names (`kapj-write`) that a page refers to as `name(1)`.
fn references(roff: &str) -> BTreeSet<String> {
    let text = roff
        .replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fR", "");
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("(1)") {
        let name: String = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if name.starts_with("kapj") {
            found.insert(name);
        }
    }
    found
}

fn pages(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".1")
                .to_string()
        })
        .collect()
}

#[test]
fn every_page_a_man_page_names_exists() {
    let h = Home::new();
    let dir = h.dir.path().join("man/man1");
    let out = h.ok(&["man", "--dir", dir.to_str().unwrap()]);
    assert!(out.starts_with("Wrote "), "{out}");
    let written = pages(&dir);
    for p in [
        "kapj",
        "kapj-write",
        "kapj-status",
        "kapj-session-add",
        "kapj-actions-add",
    ] {
        assert!(written.contains(p), "{p} missing from {written:?}");
    }
    let mut named = BTreeSet::new();
    for p in &written {
        let roff = std::fs::read_to_string(dir.join(format!("{p}.1"))).unwrap();
        assert!(roff.contains("\n.TH "), "{p}");
        named.extend(references(&roff));
    }
    assert!(named.contains("kapj-write"), "{named:?}");
    let missing: Vec<_> = named.difference(&written).collect();
    assert!(
        missing.is_empty(),
        "pages named but not written: {missing:?}"
    );
    // `kapj man` alone prints the same kapj.1.
    assert_eq!(
        h.ok(&["man"]),
        std::fs::read_to_string(dir.join("kapj.1")).unwrap()
    );
}

#[test]
fn examples_keep_their_lines_in_the_page() {
    let h = Home::new();
    let dir = h.dir.path().join("man1");
    h.ok(&["man", "--dir", dir.to_str().unwrap()]);
    let roff = std::fs::read_to_string(dir.join("kapj-list.1")).unwrap();
    let examples = roff
        .split(".SH EXAMPLES\n")
        .nth(1)
        .expect("an EXAMPLES section");
    assert!(examples.starts_with(".nf\n"), "{examples}");
    assert!(
        examples.contains("\n  kapj list \\-\\-phase meaning \\-\\-since \"2 weeks ago\"\n"),
        "{examples}"
    );
    // Rendered as a person reads it, when man is installed: the example is
    // one line of its own.
    let shown = std::process::Command::new("man")
        .arg("-l")
        .arg(dir.join("kapj-list.1"))
        .env("MANWIDTH", "100")
        .env("MAN_KEEP_FORMATTING", "0")
        .env("PAGER", "cat")
        .env("MANPAGER", "cat")
        .output();
    if let Ok(out) = shown {
        if out.status.success() {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.lines()
                    .any(|l| l.trim() == "kapj list --phase meaning --since \"2 weeks ago\""),
                "{text}"
            );
        }
    }
}

#[test]
fn every_subcommand_has_examples_in_its_help() {
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!("{path} {}", sub.get_name());
            let has = sub
                .get_after_help()
                .is_some_and(|h| h.to_string().contains("Examples:"));
            if !has {
                missing.push(name.clone());
            }
            walk(sub, &name, missing);
        }
    }
    let mut missing = Vec::new();
    walk(&kapj::cli::Cli::command(), "kapj", &mut missing);
    assert!(missing.is_empty(), "no examples in --help: {missing:?}");
}

#[test]
fn man_dir_that_cannot_be_made_is_one_plain_line() {
    let h = Home::new();
    let file = h.file("not-a-folder", "x");
    let err = h.fails(&["man", "--dir", file.join("man1").to_str().unwrap()]);
    assert!(err.contains("Could not create"), "{err}");
}

//! A newcomer's first ten minutes: welcome, help, completions, man page, demo.

use crate::common::Home;

const COMMANDS: &[&[&str]] = &[
    &["status"],
    &["session"],
    &["session", "add"],
    &["session", "list"],
    &["session", "show"],
    &["write"],
    &["list"],
    &["show"],
    &["edit"],
    &["delete"],
    &["search"],
    &["review"],
    &["export"],
    &["import"],
    &["actions"],
    &["check"],
    &["safety"],
    &["encrypt"],
    &["decrypt"],
    &["templates"],
    &["demo"],
    &["completions"],
    &["man"],
];

#[test]
fn every_command_has_help_with_an_example() {
    let h = Home::new();
    for cmd in COMMANDS {
        let mut args: Vec<&str> = cmd.to_vec();
        args.push("--help");
        let out = h.ok(&args);
        assert!(out.contains("Usage: kapj"), "{cmd:?}: {out}");
        // Leaf commands show at least one example line starting with `kapj`.
        if !matches!(cmd, ["session"]) {
            assert!(
                out.contains("Examples:") || out.contains("Start here:"),
                "{cmd:?} has no example:\n{out}"
            );
        }
    }
    assert!(!h.db().exists(), "help must not create a journal");
}

#[test]
fn top_level_help_explains_exit_codes_and_privacy() {
    let out = Home::new().ok(&["--help"]);
    assert!(out.contains("Exit codes: 0 success, 1"), "{out}");
    assert!(out.contains("Nothing is sent anywhere"), "{out}");
}

#[test]
fn a_mistyped_command_or_phase_suggests_the_fix() {
    let h = Home::new();
    let out = h.run(&["reveiw"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("review"));
    let err = h.fails(&["write", "reflektion"]);
    assert!(err.contains("Did you mean `reflection`?"), "{err}");
}

#[test]
fn completions_generate_for_each_shell() {
    let h = Home::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef kapj"),
        ("fish", "complete -c kapj"),
    ] {
        let out = h.ok(&["completions", shell]);
        assert!(
            out.contains(marker),
            "{shell}: {}",
            &out[..out.len().min(200)]
        );
        assert!(
            out.contains("reflection") || out.contains("review"),
            "{shell} lacks commands"
        );
    }
    assert!(!h.db().exists());
}

#[test]
fn man_page_is_roff_naming_the_commands() {
    let out = Home::new().ok(&["man"]);
    assert!(
        out.starts_with(".ie") || out.contains(".TH kapj"),
        "{}",
        &out[..200]
    );
    assert!(out.contains("review"));
}

#[test]
fn the_welcome_on_a_fresh_home_says_where_the_journal_lives_and_what_to_do() {
    let h = Home::new();
    let out = h.ok(&[]);
    assert!(out.contains("Welcome to kapj"), "{out}");
    assert!(out.contains(&h.path().display().to_string()), "{out}");
    assert!(out.contains("Nothing leaves this machine"), "{out}");
    assert!(out.contains("kapj session add"), "{out}");
    // The second run is plain status, without the welcome.
    assert!(!h.ok(&[]).contains("Welcome"));
}

#[test]
fn no_color_and_pipes_get_plain_text() {
    let h = Home::new();
    h.ok(&["session", "add", "--at", "yesterday 10:00"]);
    let out = h
        .cmd()
        .env_remove("NO_COLOR")
        .arg("status")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn demo_builds_a_sample_journal_without_touching_the_real_one() {
    let h = Home::new();
    h.ok(&["write", "free", "--answer", "text=my own words"]);
    let before = h.snapshot();
    let tmp = h.dir.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let out = h.cmd().env("TMPDIR", &tmp).arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(h.snapshot(), before, "the real journal changed");
    assert!(text.contains("Recurring themes"), "{text}");
    assert!(
        text.contains("chest") || text.contains("ocean") || text.contains("father"),
        "no recurring theme found:\n{text}"
    );
    let demo_home = std::fs::read_dir(&tmp)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(demo_home.join("kapj.db").exists());
    assert!(demo_home.join("demo-export.md").exists());
    assert!(text.contains("demo-export.md"));
}

#[test]
fn demo_with_home_refuses_a_folder_that_holds_a_journal() {
    let h = Home::new();
    h.ok(&["status"]);
    let before = h.snapshot();
    let home = h.path();
    let err = h.fails(&["demo", "--home", home.to_str().unwrap()]);
    assert!(err.contains("already holds a journal"), "{err}");
    assert_eq!(h.snapshot(), before);
}

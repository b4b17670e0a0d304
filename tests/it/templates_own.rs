//! Issue 16: `kapj templates copy PHASE` puts the built-in template in the
//! user's template folder to change there, and `kapj templates check`
//! reads a changed one as kapj will, naming each problem's line.

use crate::common::Home;

fn template(h: &Home, name: &str) -> std::path::PathBuf {
    h.path().join("templates").join(name)
}

#[test]
fn copy_writes_the_built_in_template_and_says_where() {
    let h = Home::new();
    let out = h.ok(&["templates", "copy", "reflect"]);
    let path = template(&h, "reflection.toml");
    assert!(
        out.starts_with(&format!(
            "Copied the built-in reflection template to {}",
            path.display()
        )),
        "{out}"
    );
    let copied = std::fs::read_to_string(&path).unwrap();
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/reflection.toml"),
    )
    .unwrap();
    assert_eq!(copied, builtin);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // kapj now uses it.
    assert!(h.ok(&["templates"]).contains(&path.display().to_string()));
}

#[test]
fn copy_never_overwrites_without_force() {
    let h = Home::new();
    h.ok(&["templates", "copy", "meaning"]);
    let path = template(&h, "meaning.toml");
    std::fs::write(
        &path,
        "title = \"Mine\"\n[[prompts]]\nkey = \"a\"\ntext = \"My own question?\"\n",
    )
    .unwrap();
    let before = h.snapshot();
    let err = h.fails(&["templates", "copy", "meaning"]);
    assert!(err.contains("already have a meaning template"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(h.snapshot(), before);
    h.ok(&["templates", "copy", "meaning", "--force"]);
    assert!(!std::fs::read_to_string(&path)
        .unwrap()
        .contains("My own question?"));
    let err = h.fails(&["templates", "copy", "reflexion"]);
    assert!(err.contains("not a phase"), "{err}");
}

#[test]
fn check_passes_a_copied_template_and_names_the_lines_of_problems() {
    let h = Home::new();
    assert!(h
        .ok(&["templates", "check"])
        .contains("no templates of your own"));
    h.ok(&["templates", "copy", "reflection"]);
    let out = h.ok(&["templates", "check", "reflection"]);
    assert!(
        out.contains("reflection.toml: fine; 5 questions, a mood, feeling words"),
        "{out}"
    );

    let path = template(&h, "reflection.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // A misspelt field, a prompt's text misspelt, a key used twice.
    let changed = text
        .replacen("feelings = true", "feelngs = true", 1)
        .replacen(
            "text = \"What surprised you?\"",
            "txt = \"What surprised you?\"",
            1,
        )
        .replacen("key = \"now\"", "key = \"body\"", 1);
    std::fs::write(&path, &changed).unwrap();
    let line_of = |needle: &str| {
        changed
            .lines()
            .position(|l| l.contains(needle))
            .expect("in the file")
            + 1
    };
    let out = h.run(&["templates", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    crate::common::assert_plain_error(&stderr);
    assert!(stderr.contains("1 template to fix"), "{stderr}");
    assert!(
        stdout.contains("kapj would not use it as it is"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "line {}: \"feelngs\" is not a template field",
            line_of("feelngs")
        )),
        "{stdout}"
    );
    assert!(stdout.contains("did you mean \"feelings\""), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "line {}: \"txt\" is not a prompt field",
            line_of("txt =")
        )),
        "{stdout}"
    );
    let second_body = changed
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("key = \"body\""))
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert!(
        stdout.contains(&format!(
            "line {second_body}: The key \"body\" is used twice"
        )),
        "{stdout}"
    );
    // A syntax error has its line too.
    std::fs::write(
        &path,
        "title = \"Mine\"\n\n[[prompts]]\nkey = \"body\ntext = \"x\"\n",
    )
    .unwrap();
    let out = h.run(&["templates", "check", "reflection"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout).unwrap().contains("line 4: "),
        "a syntax error without its line"
    );
}

#[test]
fn check_reads_a_file_anywhere_and_notes_what_kapj_would_miss() {
    let h = Home::new();
    let file = h.file(
        "embodiment.toml",
        "title = \"Carrying it\"\n\n[[prompts]]\nkey = \"step\"\ntext = \"One small step?\"\n",
    );
    let out = h.ok(&["templates", "check", file.to_str().unwrap()]);
    assert!(out.contains("fine; 1 question"), "{out}");
    assert!(
        out.contains("note: No prompt has the key \"action\""),
        "{out}"
    );

    let stray = h.file("notes.md.toml", "title = \"x\"\n");
    let out = h.run(&["templates", "check", stray.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("There are no questions"));

    let err = h.fails(&["templates", "check", "/nonexistent/mine.toml"]);
    assert!(
        err.contains("There is no file /nonexistent/mine.toml."),
        "{err}"
    );
    // A file in the folder that kapj would not pick up is noted.
    std::fs::create_dir_all(h.path().join("templates")).unwrap();
    std::fs::copy(&file, template(&h, "embody.toml")).unwrap();
    let out = h.ok(&["templates", "check"]);
    assert!(out.contains("kapj looks for embodiment.toml"), "{out}");
}

#[test]
fn a_template_check_refuses_is_one_kapj_refuses() {
    let h = Home::new();
    h.ok(&["templates", "copy", "free"]);
    std::fs::write(template(&h, "free.toml"), "title = \"Free\"\n").unwrap();
    assert!(h.run(&["templates", "check", "free"]).status.code() == Some(1));
    h.fails(&["write", "free", "--answer", "text=hello"]);
    // And the list says where to look instead of stopping.
    let list = h.ok(&["templates"]);
    assert!(list.contains("kapj templates check free"), "{list}");
    assert!(list.contains("reflection"), "{list}");
}

#[test]
fn a_misspelt_field_alone_is_passed_over_and_still_reported() {
    let h = Home::new();
    h.ok(&["templates", "copy", "reflection"]);
    let path = template(&h, "reflection.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("feelings = true", "feelings_ = true", 1),
    )
    .unwrap();
    let out = h.run(&["templates", "check", "reflection"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("kapj uses it, passing over what is below; 5 questions, a mood\n"),
        "{stdout}"
    );
    assert!(stdout.contains("did you mean \"feelings\""), "{stdout}");
    // And kapj does use it.
    h.ok(&["write", "reflection", "--answer", "body=warm"]);
}

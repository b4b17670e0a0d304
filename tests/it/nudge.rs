//! A nudge in the shell (issue 17, part 2): `kapj init bash|zsh|fish`, the
//! due file it reads, and `kapj hook`; and the optional system timer and
//! `kapj notify` (part 4).
//!
//! The shells are driven for real, interactively, through a pseudo-terminal.
//! A shell that is not installed skips its test with a note; with CI=true
//! (set by .ci/run, which installs all three) a missing shell fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use expectrl::Session;

use crate::common::{script, Home};

/// The session every test here starts from.
const SESSION: &str = "2026-11-22 10:00";
/// Times after it, with what the prompt should show then.
const AT_1H: &str = "2026-11-22T11:00:00+01:00";
const AT_3H: &str = "2026-11-22T13:00:00+01:00";
const AT_30H: &str = "2026-11-23T16:00:00+01:00";
const AT_60H: &str = "2026-11-24T22:00:00+01:00";
const AT_8D: &str = "2026-11-30T10:00:00+01:00";
const AT_30D: &str = "2026-12-22T10:00:00+01:00";

const REFLECTION: &str =
    "kapj: when you have rested, a few words of reflection — kapj write reflection";
const MEANING_30H: &str =
    "kapj: meaning-making is open for about 42 more hours — kapj write meaning";
const MEANING_60H: &str =
    "kapj: meaning-making is open for about 12 more hours — kapj write meaning";
const EMBODIMENT: &str =
    "kapj: embodiment, carrying the session into daily life — kapj write embodiment";

fn kapj() -> PathBuf {
    assert_cmd::cargo::cargo_bin("kapj")
}

/// A home with one session at SESSION, recorded half an hour after it.
fn home_with_session() -> Home {
    let mut h = Home::new();
    h.now = "2026-11-22T10:30:00+01:00".into();
    h.ok(&["session", "add", "--at", SESSION]);
    h
}

#[derive(Clone, Copy, PartialEq)]
enum Sh {
    Bash,
    Zsh,
    Fish,
}

impl Sh {
    fn name(self) -> &'static str {
        match self {
            Sh::Bash => "bash",
            Sh::Zsh => "zsh",
            Sh::Fish => "fish",
        }
    }
}

/// Whether the shell can be tested here: a missing shell is a note
/// locally, and a failure in CI.
fn have(sh: Sh) -> bool {
    let found = Command::new(sh.name())
        .args(["-c", "exit 0"])
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !ci,
            "{} is not installed; CI needs it (.ci/run installs it)",
            sh.name()
        );
        eprintln!(
            "note: {} is not installed, so its hook test is skipped",
            sh.name()
        );
    }
    found
}

/// Writes the shell's start-up file (a known prompt, then the hook as the
/// README says to load it) into `dir`; returns the command that starts it.
fn shell_command(h: &Home, sh: Sh, dir: &Path, init_args: &str, interactive: bool) -> Command {
    std::fs::create_dir_all(dir).unwrap();
    let k = kapj();
    let k = k.to_str().unwrap();
    let mut c = Command::new(sh.name());
    c.env_clear()
        .env("KAPJ_HOME", h.path())
        .env("KAPJ_NOW", &h.now)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", h.dir.path())
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"));
    match sh {
        Sh::Bash => {
            let rc = dir.join("bashrc");
            std::fs::write(
                &rc,
                format!("PS1='PROMPT> '\neval \"$('{k}' init bash {init_args})\"\n"),
            )
            .unwrap();
            if interactive {
                c.args(["--noprofile", "--rcfile"]).arg(&rc).arg("-i");
            } else {
                c.env("BASH_ENV", &rc);
            }
        }
        Sh::Zsh => {
            let rc = format!(
                "PS1='PROMPT> '\nunsetopt PROMPT_SP\neval \"$('{k}' init zsh {init_args})\"\n"
            );
            std::fs::write(dir.join(".zshrc"), &rc).unwrap();
            // .zshenv is read by every zsh, interactive or not.
            std::fs::write(dir.join(".zshenv"), &rc).unwrap();
            c.env("ZDOTDIR", dir).arg("-d");
            if interactive {
                c.arg("-i");
            }
        }
        Sh::Fish => {
            let conf = dir.join("config").join("fish");
            std::fs::create_dir_all(&conf).unwrap();
            std::fs::write(
                conf.join("config.fish"),
                format!(
                    "set -g fish_greeting ''\nfunction fish_prompt; echo -n 'PROMPT> '; end\n'{k}' init fish {init_args} | source\n"
                ),
            )
            .unwrap();
            if interactive {
                c.arg("-i");
            }
        }
    }
    c
}

/// Starts the shell interactively at `now`, waits for its prompt, types
/// each of `lines` with Enter at a prompt of its own, exits; returns all it
/// showed.
fn prompts(h: &Home, sh: Sh, init_args: &str, lines: &[&str]) -> String {
    let dir = h.dir.path().join(format!("sh-{}", sh.name()));
    let c = shell_command(h, sh, &dir, init_args, true);
    let mut s = Session::spawn(c).expect("start the shell in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    let mut seen = Vec::new();
    // The last entry is `exit`, typed at the last prompt.
    for (i, line) in lines.iter().chain(&["exit"]).enumerate() {
        match s.expect("PROMPT> ") {
            Ok(c) => seen.extend_from_slice(c.as_bytes()),
            Err(e) => panic!(
                "{}: waiting for prompt {i}: {e}; seen so far:\n{}",
                sh.name(),
                String::from_utf8_lossy(&seen)
            ),
        }
        s.send(*line).unwrap();
        s.send("\r").unwrap();
    }
    match s.expect(expectrl::Eof) {
        Ok(c) => seen.extend_from_slice(c.as_bytes()),
        Err(expectrl::Error::Eof) => {}
        Err(e) => panic!("{}: waiting for the shell to end: {e}", sh.name()),
    }
    let _ = s.get_process().wait();
    String::from_utf8_lossy(&seen).into_owned()
}

/// The hook's lines among what the shell showed.
fn hook_lines(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| l.find("kapj:").map(|i| l[i..].trim_end().to_string()))
        .collect()
}

/// Through one session's window in one shell: the right line at each
/// moment, or none; never more than one for several prompts; and the
/// stamp holds it back across shells for the hours `--every` says.
fn window_in(sh: Sh) {
    if !have(sh) {
        return;
    }
    let mut h = home_with_session();
    let steps: [(&str, Option<&str>); 7] = [
        (AT_1H, Some(REFLECTION)),
        // Two hours later, in a new shell: held back (at most every 4 h).
        (AT_3H, None),
        (AT_30H, Some(MEANING_30H)),
        (AT_60H, Some(MEANING_60H)),
        (AT_8D, Some(EMBODIMENT)),
        // A month on, nothing is pressed on anyone.
        (AT_30D, None),
        ("2026-12-22T16:00:00+01:00", None),
    ];
    for (now, want) in steps {
        h.now = now.into();
        let screen = prompts(&h, sh, "", &["", ""]);
        let lines = hook_lines(&screen);
        let want: Vec<String> = want.into_iter().map(String::from).collect();
        assert_eq!(
            lines,
            want,
            "{} at {now}; the terminal showed:\n{screen}",
            sh.name()
        );
    }
}

#[test]
fn the_bash_hook_follows_the_window() {
    window_in(Sh::Bash);
}

#[test]
fn the_zsh_hook_follows_the_window() {
    window_in(Sh::Zsh);
}

#[test]
fn the_fish_hook_follows_the_window() {
    window_in(Sh::Fish);
}

#[test]
fn every_sets_how_often_the_line_may_come() {
    if !have(Sh::Bash) {
        return;
    }
    let mut h = home_with_session();
    h.now = AT_30H.into();
    assert_eq!(
        hook_lines(&prompts(&h, Sh::Bash, "--every 8h", &[""])),
        [MEANING_30H]
    );
    // Five hours on: quiet with --every 8h…
    h.now = "2026-11-23T21:00:00+01:00".into();
    assert!(hook_lines(&prompts(&h, Sh::Bash, "--every 8h", &[""])).is_empty());
    // …and shown with the default of 4 h.
    assert_eq!(
        hook_lines(&prompts(&h, Sh::Bash, "", &[""])),
        ["kapj: meaning-making is open for about 37 more hours — kapj write meaning"]
    );
}

/// A shell that runs a script shows no prompt and gets no line, even when
/// its start-up file loads the hook and something is due.
fn silent_without_a_terminal(sh: Sh) {
    if !have(sh) {
        return;
    }
    let mut h = home_with_session();
    h.now = AT_30H.into();
    let dir = h.dir.path().join(format!("sh-{}", sh.name()));
    let mut c = shell_command(&h, sh, &dir, "", false);
    let script = match sh {
        Sh::Fish => "echo done; functions -q __kapj_hook; and echo defined; true",
        _ => "echo done; type __kapj_hook >/dev/null 2>&1 && echo defined; true",
    };
    c.args(["-c", script]);
    let out = c.output().expect("run the shell");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "done\n",
        "{}",
        sh.name()
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{}", sh.name());
    // Something was due all along: the hook itself would have said so.
    let out = h.run(&["hook"]);
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), MEANING_30H);
}

#[test]
fn no_line_in_a_shell_that_runs_a_script() {
    silent_without_a_terminal(Sh::Bash);
    silent_without_a_terminal(Sh::Zsh);
    silent_without_a_terminal(Sh::Fish);
}

#[test]
fn the_uninstall_lines_take_the_hook_out_of_the_running_shell() {
    if !have(Sh::Bash) {
        return;
    }
    let mut h = home_with_session();
    h.now = AT_30H.into();
    let again = "rm -f \"$KAPJ_HOME/nudged\"";
    // Without them, the line comes back once its stamp is gone…
    let screen = prompts(&h, Sh::Bash, "", &[again]);
    assert_eq!(hook_lines(&screen), [MEANING_30H, MEANING_30H], "{screen}");
    // …with them, it does not.
    let k = kapj();
    let out = format!(
        "eval \"$('{}' init bash --uninstall)\"; {again}",
        k.display()
    );
    // (The first prompt is quiet: the stamp of the run above.)
    let screen = prompts(&h, Sh::Bash, "", &[again, &out]);
    assert_eq!(hook_lines(&screen), [MEANING_30H], "{screen}");
    let text = h.ok(&["init", "bash", "--uninstall"]);
    assert!(
        text.contains("eval \"$(kapj init bash)\"   in ~/.bashrc"),
        "{text}"
    );
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        assert!(
            line.contains("__kapj_hook"),
            "every line of code only takes the hook out: {line}"
        );
    }
    let all = h.ok(&["init", "--uninstall"]);
    for rc in ["~/.bashrc", "~/.zshrc", "~/.config/fish/config.fish"] {
        assert!(all.contains(rc), "{all}");
    }
    assert!(all.lines().all(|l| l.starts_with('#')), "{all}");
}

#[test]
fn the_due_file_holds_times_and_phase_names_and_never_a_word() {
    let h = home_with_session();
    let mut h = h;
    h.now = AT_30H.into();
    let out = h
        .cmd()
        .args(["write", "meaning", "--private", "--tag", "quillwort"])
        .write_stdin("the zephyrine heron came back in the night")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    h.ok(&["status"]);
    h.ok(&[
        "session",
        "add",
        "--at",
        "2026-12-01 10:00",
        "--note",
        "quillwort",
    ]);
    // The hook's stamp, and `kapj notify`'s.
    h.now = AT_8D.into();
    let out = h.run(&["hook"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "kapj: the next session is in about 24 hours; an intention could go with it — kapj write intention"
    );
    let (path, _) = fake_notifier(&h);
    let out = h.cmd().env("PATH", &path).arg("notify").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The remind timer's files too.
    let cfg = h.dir.path().join("config");
    let out = h
        .cmd()
        .env("XDG_CONFIG_HOME", &cfg)
        .env("KAPJ_NO_SYSTEMCTL", "1")
        .args(["remind", "system"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut written = Vec::new();
    files(&h.path(), &mut written);
    files(&cfg, &mut written);
    written.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy();
        !name.starts_with("kapj.db") || name.ends_with(".sealed")
    });
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"due".to_string()), "{names:?}");
    assert!(names.contains(&"nudged".to_string()), "{names:?}");
    assert!(names.contains(&"notified".to_string()), "{names:?}");
    for p in &written {
        let bytes = std::fs::read(p).unwrap();
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for word in ["zephyrine", "heron", "quillwort", "ketamine", "medicine"] {
            assert!(!text.contains(word), "{} holds {word}", p.display());
        }
    }
    // Each line of the due file: numbers, dashes and phase names only.
    let due = std::fs::read_to_string(h.path().join("due")).unwrap();
    let mut lines = due.lines();
    assert_eq!(lines.next(), Some("kapj-due 1"));
    for line in lines.filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split(' ').collect();
        assert_eq!(f.len(), 6, "{line}");
        for (i, w) in f.iter().enumerate() {
            let ok = if i == 2 || i == 3 {
                [
                    "-",
                    "session",
                    "intention",
                    "reflection",
                    "meaning",
                    "embodiment",
                ]
                .contains(w)
            } else {
                *w == "-" || w.bytes().all(|b| b.is_ascii_digit())
            };
            assert!(ok, "unexpected {w:?} in the due file line {line:?}");
        }
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn kapj_hook_and_kapj_hook_the_small_program_agree() {
    let mut h = home_with_session();
    h.now = AT_30H.into();
    let small = kapj().with_file_name("kapj-hook");
    let runs: [Vec<String>; 5] = [
        vec!["hook".into()],
        vec!["hook".into(), "--every".into(), "1m".into()],
        // Through the full command line parser (off the fast path).
        vec!["--json".into(), "hook".into()],
        vec![
            "--home".into(),
            h.path().display().to_string(),
            "hook".into(),
        ],
        vec!["hook".into(), "--every=2h".into()],
    ];
    for args in &runs {
        let out = h.cmd().args(args).output().unwrap();
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim_end(),
            MEANING_30H,
            "{args:?}"
        );
        assert_eq!(out.stdout, b"");
        std::fs::remove_file(h.path().join("nudged")).unwrap();
    }
    let out = Command::new(&small)
        .env_clear()
        .env("KAPJ_NOW", &h.now)
        .args(["--home", h.path().to_str().unwrap(), "--every", "4h"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), MEANING_30H);
    // Held back now, by either.
    assert_eq!(h.run(&["hook"]).stderr, b"");
    let out = Command::new(&small).arg("--what").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_hook_never_opens_the_journal() {
    let mut h = home_with_session();
    // A journal that cannot be read at all: the hook does not notice.
    std::fs::write(h.db(), b"not a journal, and not to be touched").unwrap();
    let before = std::fs::read(h.db()).unwrap();
    h.now = AT_30H.into();
    let out = h.run(&["hook"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), MEANING_30H);
    assert_eq!(out.stdout, b"");
    assert_eq!(std::fs::read(h.db()).unwrap(), before);
}

#[test]
fn an_encrypted_journal_nudges_without_its_passphrase() {
    let mut h = Home::new();
    h.now = "2026-11-22T10:30:00+01:00".into();
    let pass = h.file("pass", "correct horse battery staple");
    let with_pass = |h: &Home, args: &[&str]| {
        let out = h
            .cmd()
            .env("KAPJ_PASSPHRASE_FILE", &pass)
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    h.ok(&["status"]);
    with_pass(&h, &["encrypt"]);
    with_pass(&h, &["session", "add", "--at", SESSION]);
    // Without the passphrase the journal does not open…
    h.now = AT_30H.into();
    h.fails(&["status"]);
    // …and the prompt still knows what is due.
    let out = h.run(&["hook"]);
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), MEANING_30H);
    if have(Sh::Bash) {
        h.now = AT_8D.into();
        assert_eq!(hook_lines(&prompts(&h, Sh::Bash, "", &[])), [EMBODIMENT]);
    }
}

#[test]
fn the_due_file_follows_every_change() {
    let mut h = home_with_session();
    let due = |h: &Home| std::fs::read_to_string(h.path().join("due")).unwrap();
    assert!(due(&h).contains(" reflection reflection "), "{}", due(&h));
    h.ok(&["write", "reflection", "--answer", "body=heavy, warm"]);
    assert!(due(&h).contains(" reflection - "), "{}", due(&h));
    // Written: no line about it.
    h.now = AT_1H.into();
    assert_eq!(h.run(&["hook"]).stderr, b"");
    h.ok(&["delete", "1", "--yes"]);
    assert!(due(&h).contains(" reflection reflection "), "{}", due(&h));
    // A lost due file comes back with the next status.
    std::fs::remove_file(h.path().join("due")).unwrap();
    h.ok(&["status"]);
    assert!(due(&h).contains(" reflection reflection "), "{}", due(&h));
    // Import brings an entry, and the due file knows.
    let backup = h.file(
        "in.json",
        r#"{"format":"kapj-journal","version":1,"entries":[{"phase":"reflection","session":1,"at":"2026-11-22T11:30:00+01:00","answers":[{"text":"imported"}]}]}"#,
    );
    h.ok(&["import", backup.to_str().unwrap()]);
    assert!(due(&h).contains(" reflection - "), "{}", due(&h));
}

#[test]
fn a_planned_session_is_known_to_the_hook_for_days_without_kapj() {
    let h = Home::new();
    // Planned two days ahead, and kapj not run again after that.
    h.ok(&["session", "add", "--at", "2026-11-24 10:00"]);
    let hook_at = |now: &str| {
        let out = Command::new(kapj())
            .env_clear()
            .env("KAPJ_HOME", h.path())
            .env("KAPJ_NOW", now)
            .arg("hook")
            .output()
            .unwrap();
        let _ = std::fs::remove_file(h.path().join("nudged"));
        String::from_utf8_lossy(&out.stderr).trim_end().to_string()
    };
    // More than two days before: nothing pressed yet.
    assert_eq!(hook_at("2026-11-21T09:00:00+01:00"), "");
    assert_eq!(
        hook_at("2026-11-23T14:00:00+01:00"),
        "kapj: the next session is in about 20 hours; an intention could go with it — kapj write intention"
    );
    assert_eq!(hook_at("2026-11-24T11:00:00+01:00"), REFLECTION);
    assert_eq!(
        hook_at("2026-11-25T16:00:00+01:00"),
        "kapj: meaning-making is open for about 42 more hours — kapj write meaning"
    );
}

#[test]
fn an_unknown_shell_is_one_clear_line_and_changes_nothing() {
    let h = home_with_session();
    let before = h.snapshot();
    let err = h.fails(&["init", "tcsh"]);
    assert_eq!(err, "kapj init knows bash, zsh and fish, not \"tcsh\".\n");
    let err = h.fails(&["init", "bash", "--every", "often"]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("\"often\""), "{err}");
    let err = h.fails(&["init"]);
    assert!(err.starts_with("Which shell"), "{err}");
    assert_eq!(h.snapshot(), before);
    // Nothing is made for a home that does not exist yet, either.
    let fresh = Home::new();
    fresh.fails(&["init", "tcsh"]);
    assert!(!fresh.path().exists());
}

#[test]
fn init_prints_code_each_shell_reads() {
    let h = Home::new();
    for (sh, guard) in [
        ("bash", "if [[ $- == *i* ]]; then"),
        ("zsh", "if [[ -o interactive ]]; then"),
        ("fish", "if status is-interactive"),
    ] {
        let code = h.ok(&["init", sh]);
        assert!(code.contains(guard), "{code}");
        // The small kapj-hook beside kapj does the check.
        let small = kapj().with_file_name("kapj-hook");
        assert!(
            code.contains(&format!("'{}' --every '4h'", small.display())),
            "{code}"
        );
        let check = match sh {
            "fish" => vec!["--no-execute"],
            _ => vec!["-n"],
        };
        if Command::new(sh).arg("-c").arg("true").status().is_ok() {
            let file = h.file(&format!("hook.{sh}"), &code);
            let out = Command::new(sh).args(&check).arg(&file).output().unwrap();
            assert!(
                out.status.success(),
                "{sh} does not read the hook: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    // With --home, the hook reads that home's due file.
    let code = h.ok(&["--home", "/tmp/a b/it's", "init", "bash"]);
    assert!(
        code.contains(r"-hook' --home '/tmp/a b/it'\''s' --every"),
        "{code}"
    );
    // A relative --home is made whole: the hook runs in other folders.
    let code = h
        .cmd()
        .current_dir(h.dir.path())
        .args(["--home", "rel", "init", "fish"])
        .output()
        .unwrap();
    let code = String::from_utf8(code.stdout).unwrap();
    let whole = std::fs::canonicalize(h.dir.path()).unwrap().join("rel");
    let whole_raw = h.dir.path().join("rel");
    assert!(
        code.contains(&format!("--home '{}'", whole.display()))
            || code.contains(&format!("--home '{}'", whole_raw.display())),
        "{code}"
    );
    // `kapj init $SHELL` works with a path.
    assert!(h.ok(&["init", "/usr/bin/zsh"]).contains("precmd_functions"));
}

#[test]
fn remind_system_writes_a_user_timer_and_removes_it() {
    let h = Home::new();
    let cfg = h.dir.path().join("config");
    let run = |args: &[&str]| {
        let out = h
            .cmd()
            .env("XDG_CONFIG_HOME", &cfg)
            .env("KAPJ_NO_SYSTEMCTL", "1")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let units = cfg.join("systemd/user");
    // Nothing is installed unasked: other commands leave no unit.
    run(&["status"]);
    assert!(!units.exists());
    let said = run(&["remind", "system"]);
    assert!(said.contains("kapj remind system --remove"), "{said}");
    let notifier = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .any(|d| d.join("notify-send").is_file());
    assert_eq!(said.contains("libnotify-bin"), !notifier, "{said}");
    let timer = std::fs::read_to_string(units.join("kapj-notify.timer")).unwrap();
    assert!(timer.contains("\nPersistent=true\n"), "{timer}");
    assert!(
        timer.contains("\nOnCalendar=*-*-* 09..21:00:00\n"),
        "{timer}"
    );
    assert!(timer.contains("\nWantedBy=timers.target\n"), "{timer}");
    let service = std::fs::read_to_string(units.join("kapj-notify.service")).unwrap();
    let exec = format!(
        "\nExecStart=\"{}\" --home \"{}\" notify\n",
        kapj().display(),
        h.path().display()
    );
    assert!(service.contains(&exec), "{service}");
    assert!(service.contains("\nType=oneshot\n"), "{service}");
    assert!(
        service.contains("Description=Journal check-in"),
        "{service}"
    );
    // Running it again rewrites the same files.
    run(&["remind", "system"]);
    assert_eq!(
        std::fs::read_to_string(units.join("kapj-notify.timer")).unwrap(),
        timer
    );
    let said = run(&["remind", "system", "--remove"]);
    assert!(said.contains("removed"), "{said}");
    assert!(!units.join("kapj-notify.timer").exists());
    assert!(!units.join("kapj-notify.service").exists());
    let said = run(&["remind", "system", "--remove"]);
    assert_eq!(said, "There is no kapj timer to remove.\n");
}

/// A `notify-send` that notes its arguments: the PATH that finds it, and
/// the file it writes.
fn fake_notifier(h: &Home) -> (String, PathBuf) {
    let log = h.dir.path().join("notifications");
    let bin = h.dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let fake = script::script(
        h,
        "notify-send",
        &format!(
            "printf '%s|' \"$@\" >> '{}'; echo >> '{}'",
            log.display(),
            log.display()
        ),
    );
    std::fs::rename(&fake, bin.join("notify-send")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    (path, log)
}

#[test]
fn notify_shows_one_generic_notification_for_each_part_of_the_window() {
    let mut h = home_with_session();
    let (path, log) = fake_notifier(&h);
    let notify = |h: &Home| {
        let out = h.cmd().env("PATH", &path).arg("notify").output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let shown = || std::fs::read_to_string(&log).unwrap_or_default();
    h.now = AT_30H.into();
    assert_eq!(notify(&h), "Shown: Journal check-in.\n");
    assert_eq!(
        shown(),
        "--app-name=kapj|Journal check-in|A few quiet minutes for your journal, when you are ready.|\n"
    );
    // Once for the meaning-making part of the window, however often it runs.
    h.now = AT_60H.into();
    notify(&h);
    assert_eq!(shown().lines().count(), 1);
    h.now = AT_8D.into();
    notify(&h);
    assert_eq!(shown().lines().count(), 2);
    h.now = AT_30D.into();
    assert_eq!(notify(&h), "Nothing is due now; no notification.\n");
    assert_eq!(shown().lines().count(), 2);
    assert!(!shown().contains("meaning") && !shown().contains("session"));
}

#[test]
fn notify_without_a_notifier_says_what_to_install() {
    let mut h = home_with_session();
    h.now = AT_30H.into();
    let out = h
        .cmd()
        .env("PATH", "/nonexistent")
        .arg("notify")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("notify-send"), "{err}");
    crate::common::assert_plain_error(&err);
    // Not marked as shown: the next run tries again.
    assert!(!h.path().join("notified").exists());
}

/// The hook leaves the last command's exit status alone: prompts and
/// scripts at the prompt that show `$?` still see it.
#[test]
fn the_hook_keeps_the_exit_status() {
    for sh in [Sh::Bash, Sh::Zsh, Sh::Fish] {
        if !have(sh) {
            continue;
        }
        let mut h = home_with_session();
        h.now = AT_30H.into();
        let show = match sh {
            Sh::Fish => "echo st=$status",
            _ => "echo st=$?",
        };
        // The line is due at every prompt here (the stamp is removed), so
        // the hook runs in full between `false` and the echo.
        let screen = prompts(&h, sh, "", &["rm -f \"$KAPJ_HOME/nudged\"; false", show]);
        assert!(screen.contains("st=1"), "{}: {screen}", sh.name());
        assert_eq!(hook_lines(&screen).len(), 2, "{}: {screen}", sh.name());
    }
}

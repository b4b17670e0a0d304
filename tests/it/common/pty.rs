//! Driving kapj through a pseudo-terminal, as a person at a keyboard would.

use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::Duration;

use expectrl::Session;

use crate::common::Home;

pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";
pub const CTRL_D: &str = "\x04";

/// `kapj ARGS` on a terminal, with the same environment as the harness
/// (plus `TERM`) and any extra variables.
pub fn spawn(h: &Home, args: &[&str], extra_env: &[(&str, &str)]) -> Session {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("kapj"));
    c.args(args)
        .env_clear()
        .env("KAPJ_HOME", h.path())
        .env("KAPJ_NOW", &h.now)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", h.dir.path())
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm");
    for (k, v) in extra_env {
        c.env(k, v);
    }
    // The pty crate starts the child with echo off; a person's terminal has
    // it on. Without this, `wait_raw` could not tell a prompt that is reading
    // (echo off) from one that has not begun, and a line typed too early is
    // thrown away when a passphrase prompt flushes the input queue.
    // SAFETY: runs in the forked child before exec and calls only
    // tcgetattr/tcsetattr, which are async-signal-safe.
    unsafe {
        c.pre_exec(|| {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &raw mut t) == 0 {
                t.c_lflag |= libc::ECHO;
                libc::tcsetattr(0, libc::TCSANOW, &raw const t);
            }
            Ok(())
        });
    }
    let mut s = Session::spawn(c).expect("spawn kapj in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(10)));
    s
}

/// Waits for `text` on the terminal, failing the test with what was seen.
pub fn wait_for(s: &mut Session, text: &str) {
    if let Err(e) = s.expect(text) {
        panic!("waiting for {text:?} on the terminal: {e}");
    }
}

/// Waits for a prompt, then types a line and presses Enter.
pub fn answer(s: &mut Session, prompt: &str, line: &str) {
    wait_for(s, prompt);
    wait_raw(s);
    s.send(line).expect("type");
    s.send(ENTER).expect("enter");
}

/// Reads everything until the program ends; returns it (lossy UTF-8) and the exit code.
pub fn finish(mut s: Session) -> (String, i32) {
    let out = match s.expect(expectrl::Eof) {
        Ok(c) => String::from_utf8_lossy(c.as_bytes()).into_owned(),
        Err(expectrl::Error::Eof) => String::new(),
        Err(e) => panic!("waiting for kapj to finish: {e}"),
    };
    let code = match s.get_process().wait().expect("wait for kapj") {
        expectrl::WaitStatus::Exited(_, c) => c,
        other => panic!("kapj did not exit normally: {other:?}"),
    };
    (out, code)
}

/// Waits until the prompt reads keys one by one (the terminal is in raw
/// mode, echo off), so a control key reaches kapj as a key and not as a
/// signal from the terminal driver.
pub fn wait_raw(s: &mut Session) {
    let start = std::time::Instant::now();
    while s.get_process().get_echo().expect("terminal settings") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the prompt never started reading keys"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

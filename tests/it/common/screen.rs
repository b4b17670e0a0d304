//! kapj on a pseudo-terminal of a given size, with everything it writes fed
//! into a terminal emulator (vt100), so tests assert on the screen a person
//! sees, scrollback included.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;

use crate::common::Home;

pub struct Screen {
    pub session: Session,
    pub vt: vt100::Parser,
    rows: u16,
    cols: u16,
}

impl Screen {
    /// `kapj ARGS` on a `cols`×`rows` terminal (set before kapj starts).
    pub fn spawn(h: &Home, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Screen {
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
        for (k, v) in env {
            c.env(k, v);
        }
        // SAFETY: runs in the forked child before exec and calls only
        // tcgetattr/tcsetattr/ioctl, which are async-signal-safe. Echo on, as
        // in a person's terminal (see pty.rs), and the window size set.
        unsafe {
            c.pre_exec(move || {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(0, &raw mut t) == 0 {
                    t.c_lflag |= libc::ECHO;
                    libc::tcsetattr(0, libc::TCSANOW, &raw const t);
                }
                let ws = libc::winsize {
                    ws_row: rows,
                    ws_col: cols,
                    ws_xpixel: 0,
                    ws_ypixel: 0,
                };
                libc::ioctl(0, libc::TIOCSWINSZ, &ws);
                Ok(())
            });
        }
        let mut session = Session::spawn(c).expect("spawn kapj in a pty");
        // Set from this side too: kapj takes far longer to reach its first
        // prompt than this takes.
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("window size");
        Screen {
            session,
            vt: vt100::Parser::new(rows, cols, 10_000),
            rows,
            cols,
        }
    }

    /// Feeds whatever kapj has written so far into the emulator; false at EOF.
    pub fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return false,
                Ok(n) => self.vt.process(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return true,
                Err(_) => return false,
            }
        }
    }

    /// The visible screen as text.
    pub fn text(&self) -> String {
        self.vt.screen().contents()
    }

    /// Waits until `text` is on the visible screen.
    pub fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        loop {
            let open = self.pump();
            if self.text().contains(text) {
                return;
            }
            if !open || start.elapsed() > Duration::from_secs(10) {
                panic!("waiting for {text:?}; the screen shows:\n{}", self.text());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the prompt reads keys one by one (raw mode, echo off).
    pub fn wait_raw(&mut self) {
        let start = Instant::now();
        while self
            .session
            .get_process()
            .get_echo()
            .expect("terminal settings")
        {
            self.pump();
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the prompt never started reading keys"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Types keys, then lets the screen settle.
    pub fn keys(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).expect("type");
        self.settle();
    }

    /// Types keys one at a time, as a person does.
    pub fn type_slowly(&mut self, text: &str) {
        for ch in text.chars() {
            let mut b = [0u8; 4];
            self.session
                .write_all(ch.encode_utf8(&mut b).as_bytes())
                .expect("type");
            std::thread::sleep(Duration::from_millis(15));
            self.pump();
        }
        self.settle();
    }

    /// Reads until kapj has been quiet for a moment.
    pub fn settle(&mut self) {
        let mut last = self.vt.screen().contents_formatted();
        for _ in 0..20 {
            std::thread::sleep(Duration::from_millis(40));
            self.pump();
            let now = self.vt.screen().contents_formatted();
            if now == last {
                return;
            }
            last = now;
        }
    }

    /// Every line written, scrollback first, then the visible screen.
    pub fn history(&mut self) -> Vec<String> {
        let rows = self.rows as usize;
        self.vt.screen_mut().set_scrollback(usize::MAX);
        let len = self.vt.screen().scrollback();
        let mut lines = vec![String::new(); len + rows];
        let mut offset = len;
        loop {
            self.vt.screen_mut().set_scrollback(offset);
            let top = len - offset;
            for (i, row) in self.vt.screen().rows(0, self.cols).enumerate() {
                lines[top + i] = row;
            }
            if offset == 0 {
                break;
            }
            offset = offset.saturating_sub(rows);
        }
        self.vt.screen_mut().set_scrollback(0);
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        lines
    }

    /// Reads until kapj ends; returns its exit code.
    pub fn finish(&mut self) -> i32 {
        let start = Instant::now();
        while self.pump() {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "kapj did not finish; the screen shows:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        match self.session.get_process().wait().expect("wait for kapj") {
            expectrl::WaitStatus::Exited(_, c) => c,
            other => panic!("kapj did not exit normally: {other:?}"),
        }
    }
}

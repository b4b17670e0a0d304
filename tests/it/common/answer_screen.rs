//! What a person sees: everything kapj writes to its pty, parsed by the
//! `vt100` terminal emulator into a screen grid, so tests assert on rows
//! and columns rather than on escape sequences.

use std::time::{Duration, Instant};

use expectrl::Session;

pub struct Screen {
    pub parser: vt100::Parser,
    eof: bool,
}

impl Screen {
    /// A screen of `rows`×`cols`; the pty is set to the same size.
    pub fn new(s: &mut Session, rows: u16, cols: u16) -> Screen {
        s.get_process_mut()
            .set_window_size(cols, rows)
            .expect("set the pty size");
        Screen {
            parser: vt100::Parser::new(rows, cols, 0),
            eof: false,
        }
    }

    /// Feeds whatever kapj has written so far into the screen.
    pub fn pump(&mut self, s: &mut Session) {
        let mut buf = [0u8; 8192];
        loop {
            match s.try_read(&mut buf) {
                Ok(0) => {
                    self.eof = true;
                    return;
                }
                Ok(n) => self.parser.process(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return,
                Err(_) => {
                    self.eof = true;
                    return;
                }
            }
        }
    }

    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until `text` is on the screen, failing with the screen if it never is.
    pub fn wait_for(&mut self, s: &mut Session, text: &str) {
        let start = Instant::now();
        loop {
            self.pump(s);
            if self.contents().contains(text) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10) && !self.eof,
                "waiting for {text:?}; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until kapj has written nothing for a moment.
    pub fn settle(&mut self, s: &mut Session) {
        let mut last = self.parser.screen().contents_formatted();
        let mut quiet_since = Instant::now();
        let start = Instant::now();
        while quiet_since.elapsed() < Duration::from_millis(300)
            && start.elapsed() < Duration::from_secs(10)
        {
            std::thread::sleep(Duration::from_millis(20));
            self.pump(s);
            let now = self.parser.screen().contents_formatted();
            if now != last {
                last = now;
                quiet_since = Instant::now();
            }
        }
    }

    /// Resizes the pty (the kernel sends kapj SIGWINCH) and the screen.
    pub fn resize(&mut self, s: &mut Session, rows: u16, cols: u16) {
        self.pump(s);
        self.parser.screen_mut().set_size(rows, cols);
        s.get_process_mut()
            .set_window_size(cols, rows)
            .expect("resize the pty");
        self.settle(s);
    }

    /// Reads to the end and returns kapj's exit code.
    pub fn finish(&mut self, s: &mut Session) -> i32 {
        let start = Instant::now();
        while !self.eof {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "kapj did not finish; the screen:\n{}",
                self.contents()
            );
            self.pump(s);
            std::thread::sleep(Duration::from_millis(10));
        }
        match s.get_process().wait().expect("wait for kapj") {
            expectrl::WaitStatus::Exited(_, c) => c,
            other => panic!("kapj did not exit normally: {other:?}"),
        }
    }

    /// The answer shown under the question whose text ends with
    /// `question_end`: its indented rows, joined with single spaces (a soft
    /// wrap is drawn at a space). Blank rows end it.
    pub fn answer_under(&self, question_end: &str) -> String {
        let contents = self.contents();
        let lines: Vec<&str> = contents.lines().collect();
        let at = lines
            .iter()
            .rposition(|l| l.trim_end().ends_with(question_end))
            .unwrap_or_else(|| panic!("no {question_end:?} on the screen:\n{contents}"));
        lines[at + 1..]
            .iter()
            .take_while(|l| l.starts_with("  ") && !l.trim().is_empty())
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// How many times `needle` is on the screen, ignoring where rows wrap.
    pub fn count(&self, needle: &str) -> usize {
        squash(&self.contents()).matches(&squash(needle)).count()
    }
}

/// Text without any whitespace, so a comparison does not depend on where
/// rows wrap.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Types `text` a character at a time, at roughly typing speed.
pub fn type_slowly(s: &mut Session, text: &str) {
    for c in text.chars() {
        s.send(c.to_string()).expect("type");
        std::thread::sleep(Duration::from_millis(4));
    }
}

/// `text` as a terminal delivers a paste: inside bracketed-paste markers.
pub fn paste(s: &mut Session, text: &str) {
    s.send(format!("\x1b[200~{text}\x1b[201~")).expect("paste");
}

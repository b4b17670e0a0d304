//! The answer box: one guided answer (or a free-writing page) edited in a
//! soft-wrapping box on the terminal.
//!
//! Why not a crate: ratatui-textarea needs ratatui's inline viewport, whose
//! horizontal resize is still an open bug (ratatui #2086, #2666), and it
//! brings all of ratatui for one widget; reedline wraps by character, and
//! rustyline has neither word wrap nor a paste that stays one edit. The
//! terminal crates that read keys (crossterm) bring mio with its network
//! feature, which `ci/no-network` keeps out. So the box is small parts that
//! each own one thing: `model` (text and cursor), `layout` (word wrap by
//! display width), `keys` (bytes to keys), `screen` (drawing) and
//! `terminal` (raw mode), the first three pure and unit-tested.

mod keys;
mod layout;
mod model;
mod screen;
mod terminal;

use std::io::BufRead;
use std::time::{Duration, Instant};

use anyhow::Result;

use keys::{Decoder, Input};
pub use model::Model;
pub use screen::Transcript;
use screen::{Frame, Screen};
pub use terminal::KeysHeld;

/// An answer box asks for one answer; Enter saves it. A page is for free
/// writing: Enter starts a new line and Ctrl+D saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Answer,
    Page,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Saved(String),
    Skipped,
    /// Ctrl+C: the text and cursor as they were, for the draft.
    Stopped(Model),
}

/// What the box needs from the write command.
pub trait Host {
    /// Keeps the text being typed in the draft (at new lines, and every few
    /// seconds while typing), so a closed terminal loses at most that much.
    fn checkpoint(&mut self, model: &Model) -> Result<()>;
    /// Runs the editor on `text`; Ok(new text), or Err(why it failed).
    fn edit(&mut self, question: &str, text: &str) -> Result<std::result::Result<String, String>>;
}

const CHECKPOINT_EVERY: Duration = Duration::from_secs(3);

fn hints(mode: Mode) -> &'static [&'static str] {
    match mode {
        Mode::Answer => &[
            "Enter saves · Alt+Enter new line · Ctrl+E editor · Esc skips",
            "Enter saves · Alt+Enter new line · Esc skips",
            "Enter saves · Esc skips",
        ],
        Mode::Page => &[
            "Ctrl+D saves · Enter new line · Ctrl+E editor · Esc skips",
            "Ctrl+D saves · Enter new line",
            "Ctrl+D saves",
        ],
    }
}

fn hint(mode: Mode, cols: usize) -> &'static str {
    let all = hints(mode);
    all.iter()
        .find(|h| layout::text_width(h) < cols)
        .unwrap_or(&all[all.len() - 1])
}

/// Whether the terminal can draw the box (it draws on standard error); on
/// a dumb terminal, or with standard error sent elsewhere, plain line input.
pub fn usable() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// Asks `question` in the box, starting from `start` (a resumed draft).
/// `transcript` holds what this write showed before, to draw again after a
/// resize; the question and its answer are added to it.
pub fn ask(
    question: &str,
    mode: Mode,
    color: bool,
    start: Model,
    transcript: &mut Transcript,
    host: &mut dyn Host,
) -> Result<Outcome> {
    if !usable() {
        return ask_plain(question, start, host);
    }
    crate::app::stop_requested(); // only a Ctrl-C from now on stops this box
    let mut session = Session::begin(question, mode, color, start, transcript)?;
    let outcome = session.run(host);
    session.end();
    outcome
}

/// How long to wait after a lone ESC for the rest of an Alt+key sequence
/// before taking it as the Esc key (terminals send sequences in one go).
const ESC_WAIT: Duration = Duration::from_millis(30);

struct Session<'q> {
    question: &'q str,
    transcript: &'q mut Transcript,
    mode: Mode,
    model: Model,
    screen: Screen,
    /// A passing word in place of the hint (after Esc on text, a failed editor).
    note: Option<String>,
    raw: Option<terminal::RawMode>,
    keys: Decoder,
    unsaved_since: Option<Instant>,
}

enum Step {
    Continue,
    Done(Outcome),
    Editor,
}

impl<'q> Session<'q> {
    fn begin(
        question: &'q str,
        mode: Mode,
        color: bool,
        model: Model,
        transcript: &'q mut Transcript,
    ) -> Result<Session<'q>> {
        let (cols, rows) = terminal::size().unwrap_or((80, 24));
        Ok(Session {
            question,
            transcript,
            mode,
            model,
            screen: Screen::new(cols, rows, color),
            note: None,
            raw: Some(terminal::RawMode::enter()?),
            keys: Decoder::default(),
            unsaved_since: None,
        })
    }

    fn end(&mut self) {
        self.raw = None;
    }

    fn hint(&self) -> String {
        match &self.note {
            Some(n) => n.clone(),
            None => hint(self.mode, self.screen.cols).to_string(),
        }
    }

    fn draw(&mut self) -> Result<()> {
        let hint = self.hint();
        let frame = Frame {
            question: self.question,
            hint: &hint,
            model: &self.model,
        };
        self.screen.draw(&frame)?;
        Ok(())
    }

    fn resize(&mut self, cols: usize, rows: usize) -> Result<()> {
        // The hint is chosen for the new width.
        self.screen.cols = cols;
        let hint = self.hint();
        let frame = Frame {
            question: self.question,
            hint: &hint,
            model: &self.model,
        };
        self.screen.resized(cols, rows, self.transcript, &frame)?;
        Ok(())
    }

    fn run(&mut self, host: &mut dyn Host) -> Result<Outcome> {
        self.draw()?;
        loop {
            if crate::app::stop_requested() {
                return self.stop();
            }
            if terminal::resized() {
                if let Some((cols, rows)) = terminal::size() {
                    self.resize(cols, rows)?;
                }
            }
            // Everything that has arrived is handled before one redraw, so
            // fast typing and pastes never fall behind the screen.
            let wait = if self.keys.waiting() {
                ESC_WAIT
            } else {
                Duration::from_millis(200)
            };
            // A closed terminal: nothing can be drawn or typed any more, and
            // the words go to the draft.
            let bytes = match terminal::read(wait) {
                Ok(_) | Err(_) if terminal::hung_up() => {
                    return Ok(Outcome::Stopped(self.model.clone()))
                }
                Ok(bytes) => bytes,
                Err(_) => return Ok(Outcome::Stopped(self.model.clone())),
            };
            let mut inputs = Vec::new();
            if bytes.is_empty() {
                inputs.extend(self.keys.flush());
            } else {
                self.keys.feed(&bytes);
            }
            while let Some(input) = self.keys.next() {
                inputs.push(input);
            }
            // Only a change is drawn: an idle box writes nothing.
            let mut redraw = !inputs.is_empty();
            let mut step = Step::Continue;
            for input in inputs {
                let before = self.model.edits();
                step = self.handle(input);
                if self.model.edits() != before && self.unsaved_since.is_none() {
                    self.unsaved_since = Some(Instant::now());
                }
                if !matches!(step, Step::Continue) {
                    break;
                }
            }
            match step {
                Step::Continue => {}
                Step::Done(Outcome::Stopped(_)) => return self.stop(),
                Step::Done(outcome) => {
                    let shown = match &outcome {
                        Outcome::Saved(text) => Some(text.as_str()),
                        _ => None,
                    };
                    self.screen.finish(self.question, shown, self.transcript)?;
                    return Ok(outcome);
                }
                Step::Editor => {
                    self.run_editor(host)?;
                    redraw = true;
                }
            }
            let note = self.note.clone();
            self.checkpoint_if_due(host);
            if redraw || self.note != note {
                self.draw()?;
            }
        }
    }

    fn stop(&mut self) -> Result<Outcome> {
        let shown = Some(self.model.text()).filter(|t| !t.is_empty());
        self.screen.finish(self.question, shown, self.transcript)?;
        Ok(Outcome::Stopped(self.model.clone()))
    }

    /// A draft that cannot be written just now (a full disk) must not end
    /// the writing: the words stay in the box, the person is told, and the
    /// draft is tried again a few seconds later.
    fn checkpoint_if_due(&mut self, host: &mut dyn Host) {
        if self
            .unsaved_since
            .is_some_and(|t| t.elapsed() >= CHECKPOINT_EVERY)
        {
            self.checkpoint(host);
        }
    }

    fn checkpoint(&mut self, host: &mut dyn Host) {
        match host.checkpoint(&self.model) {
            Ok(()) => self.unsaved_since = None,
            Err(e) => {
                self.note = Some(format!(
                    "The draft could not be kept just now ({e}); your words are still here."
                ));
                self.unsaved_since = Some(Instant::now());
            }
        }
    }

    fn run_editor(&mut self, host: &mut dyn Host) -> Result<()> {
        self.checkpoint(host);
        self.screen.clear()?;
        self.raw = None;
        // `\e` asks for the editor; it is not part of the answer.
        if self.model.text().trim() == "\\e" {
            self.model = Model::default();
        }
        let result = host.edit(self.question, self.model.text())?;
        // A Ctrl-C pressed inside the editor reached kapj too (same
        // terminal); it was meant for the editor, not for this entry.
        crate::app::stop_requested();
        self.raw = Some(terminal::RawMode::enter()?);
        match result {
            Ok(edited) => {
                self.model = Model::new(&edited, edited.len());
                self.note = None;
                self.checkpoint(host);
            }
            Err(why) => self.note = Some(format!("{why}; your words are here as they were.")),
        }
        Ok(())
    }

    fn newline(&mut self) {
        self.model.insert("\n");
        // A finished line is a moment to keep the draft current.
        self.unsaved_since = Some(Instant::now() - CHECKPOINT_EVERY);
    }

    fn submit(&mut self) -> Step {
        match self.model.text().trim() {
            "\\e" => Step::Editor,
            "" => Step::Done(Outcome::Skipped),
            // Trailing blank lines and spaces are not part of the answer (as
            // on every write path), so the screen shows exactly what is saved.
            _ => Step::Done(Outcome::Saved(self.model.text().trim_end().to_string())),
        }
    }

    fn handle(&mut self, input: Input) -> Step {
        let width = self.screen.answer_width();
        if input != Input::Ignored {
            self.note = None;
        }
        let m = &mut self.model;
        match input {
            Input::Paste(text) => {
                m.insert(&text);
                if text.contains(['\n', '\r']) {
                    self.unsaved_since = Some(Instant::now() - CHECKPOINT_EVERY);
                }
            }
            Input::NewLine | Input::Ctrl('j') => self.newline(),
            Input::Enter => {
                if self.mode == Mode::Answer || m.text().trim() == "\\e" {
                    return self.submit();
                }
                self.newline();
            }
            Input::Ctrl('d') => return self.submit(),
            Input::Ctrl('c') => return Step::Done(Outcome::Stopped(m.clone())),
            Input::Esc if m.is_blank() => return Step::Done(Outcome::Skipped),
            Input::Esc => {
                self.note = Some(match self.mode {
                    Mode::Answer => "Esc skips an empty answer; Enter saves this one.".into(),
                    Mode::Page => "Esc skips an empty page; Ctrl+D saves this one.".into(),
                });
            }
            // Ctrl+E is both readline's "end of line" and the editor key:
            // it goes to the end of the row first, and from there opens the
            // editor (typing at the end, the usual case, opens it at once).
            Input::Ctrl('e') => {
                if m.at_row_end(width) {
                    return Step::Editor;
                }
                m.row_end(width);
            }
            Input::Ctrl('a') | Input::Home => m.row_start(width),
            Input::End => m.row_end(width),
            Input::WordLeft => m.word_left(),
            Input::WordRight => m.word_right(),
            Input::Left | Input::Ctrl('b') => m.left(),
            Input::Right | Input::Ctrl('f') => m.right(),
            Input::Up | Input::Ctrl('p') => m.vertical(width, false),
            Input::Down | Input::Ctrl('n') => m.vertical(width, true),
            Input::WordBackspace | Input::Ctrl('w') => m.delete_word_before(),
            Input::Backspace => m.backspace(),
            Input::Delete => m.delete(),
            Input::Ctrl('u') => m.delete_to_paragraph_start(),
            Input::Ctrl('k') => m.delete_to_paragraph_end(),
            Input::Tab => m.insert("\t"),
            Input::Char(c) => m.insert(c.encode_utf8(&mut [0; 4])),
            Input::Ctrl(_) | Input::Ignored => {}
        }
        Step::Continue
    }
}

/// A dumb terminal: the question, then one plain line (`\e` still opens
/// the editor). Words from a resumed draft come first; what is typed now
/// follows them.
fn ask_plain(question: &str, start: Model, host: &mut dyn Host) -> Result<Outcome> {
    eprintln!("{question}");
    let so_far = start.text().trim_end();
    if !so_far.is_empty() {
        eprintln!("(Your words so far: {so_far}. What you type now follows them.)");
    }
    loop {
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line)? == 0 {
            return Ok(Outcome::Stopped(start));
        }
        let typed = line.trim_end_matches(['\n', '\r']);
        if typed.trim() == "\\e" {
            match host.edit(question, so_far)? {
                Ok(t) if t.trim().is_empty() => return Ok(Outcome::Skipped),
                Ok(t) => return Ok(Outcome::Saved(t)),
                // A failing editor ends nothing: the question is asked again.
                Err(why) => {
                    eprintln!("{why}; type the answer here instead.");
                    continue;
                }
            }
        }
        let text = match (so_far.is_empty(), typed.is_empty()) {
            (true, _) => typed.to_string(),
            (false, true) => so_far.to_string(),
            (false, false) => format!("{so_far} {typed}"),
        };
        return Ok(if text.trim().is_empty() {
            Outcome::Skipped
        } else {
            Outcome::Saved(text)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_fits_the_width_and_names_the_key_that_saves() {
        for cols in [12, 30, 50, 80] {
            for mode in [Mode::Answer, Mode::Page] {
                let h = hint(mode, cols);
                assert!(layout::text_width(h) < cols || cols < 20, "{h:?} at {cols}");
            }
        }
        assert!(hint(Mode::Answer, 50).starts_with("Enter saves"));
        assert!(hint(Mode::Page, 50).starts_with("Ctrl+D saves"));
        assert!(hint(Mode::Answer, 80).contains("Ctrl+E editor"));
    }
}

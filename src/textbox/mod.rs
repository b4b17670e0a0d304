//! The answer box: one guided answer (or a free-writing page) edited in a
//! soft-wrapping box on the terminal.
//!
//! Why not a crate: ratatui-textarea needs ratatui's inline viewport, whose
//! horizontal resize is still an open bug (ratatui #2086, #2666), and it
//! brings all of ratatui for one widget; reedline wraps by character, and
//! rustyline has neither word wrap nor a paste that stays one edit. So the
//! editing is a small pure model (`model`, `layout`) and the keys and paste
//! come from crossterm, which is built for this.

mod layout;
mod model;
mod screen;

use std::io::BufRead;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use model::Model;
pub use screen::Transcript;
use screen::{Frame, Screen};

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

/// Raw mode and bracketed paste, undone on every way out (Drop).
struct RawTerminal;

impl RawTerminal {
    fn enter() -> Result<RawTerminal> {
        crossterm::terminal::enable_raw_mode()?;
        eprint!("\x1b[?2004h");
        Ok(RawTerminal)
    }
}

impl Drop for RawTerminal {
    fn drop(&mut self) {
        eprint!("\x1b[?2004l\x1b[?25h");
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

struct Session<'q> {
    question: &'q str,
    transcript: &'q mut Transcript,
    mode: Mode,
    model: Model,
    screen: Screen,
    /// A passing word in place of the hint (after Esc on text, a failed editor).
    note: Option<String>,
    raw: Option<RawTerminal>,
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
        let (cols, rows) = crossterm::terminal::size().unwrap_or((80, 24));
        Ok(Session {
            question,
            transcript,
            mode,
            model,
            screen: Screen::new(cols as usize, rows as usize, color),
            note: None,
            raw: Some(RawTerminal::enter()?),
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

    fn resize(&mut self, cols: u16, rows: u16) -> Result<()> {
        // The hint is chosen for the new width.
        self.screen.cols = cols as usize;
        let hint = self.hint();
        let frame = Frame {
            question: self.question,
            hint: &hint,
            model: &self.model,
        };
        self.screen
            .resized(cols as usize, rows as usize, self.transcript, &frame)?;
        Ok(())
    }

    fn run(&mut self, host: &mut dyn Host) -> Result<Outcome> {
        self.draw()?;
        loop {
            if crate::app::stop_requested() {
                return self.stop();
            }
            if !event::poll(Duration::from_millis(200))? {
                self.checkpoint_if_due(host);
                continue;
            }
            // Everything already waiting is handled before one redraw, so
            // fast typing and pastes never fall behind the screen.
            let step = loop {
                let before = self.model.edits();
                let step = self.handle(event::read()?)?;
                if self.model.edits() != before && self.unsaved_since.is_none() {
                    self.unsaved_since = Some(Instant::now());
                }
                if !matches!(step, Step::Continue) || !event::poll(Duration::ZERO)? {
                    break step;
                }
            };
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
                Step::Editor => self.run_editor(host)?,
            }
            self.checkpoint_if_due(host);
            self.draw()?;
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
        self.raw = Some(RawTerminal::enter()?);
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

    fn handle(&mut self, ev: Event) -> Result<Step> {
        let key = match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => k,
            Event::Paste(text) => {
                self.model.insert(&text);
                if text.contains(['\n', '\r']) {
                    self.unsaved_since = Some(Instant::now() - CHECKPOINT_EVERY);
                }
                self.note = None;
                return Ok(Step::Continue);
            }
            Event::Resize(cols, rows) => {
                self.resize(cols, rows)?;
                return Ok(Step::Continue);
            }
            _ => return Ok(Step::Continue),
        };
        self.note = None;
        Ok(self.key(key))
    }

    fn key(&mut self, key: KeyEvent) -> Step {
        let width = self.screen.answer_width();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        let m = &mut self.model;
        match key.code {
            KeyCode::Enter if alt || shift || ctrl => self.newline(),
            KeyCode::Char('j') if ctrl => self.newline(),
            KeyCode::Enter => {
                if self.mode == Mode::Answer || m.text().trim() == "\\e" {
                    return self.submit();
                }
                self.newline();
            }
            KeyCode::Char('d') if ctrl => return self.submit(),
            KeyCode::Char('c') if ctrl => return Step::Done(Outcome::Stopped(m.clone())),
            KeyCode::Esc if m.is_blank() => return Step::Done(Outcome::Skipped),
            KeyCode::Esc => {
                self.note = Some(match self.mode {
                    Mode::Answer => "Esc skips an empty answer; Enter saves this one.".into(),
                    Mode::Page => "Esc skips an empty page; Ctrl+D saves this one.".into(),
                })
            }
            // Ctrl+E is both readline's "end of line" and the editor key:
            // it goes to the end of the row first, and from there opens the
            // editor (typing at the end, the usual case, opens it at once).
            KeyCode::Char('e') if ctrl => {
                if m.at_row_end(width) {
                    return Step::Editor;
                }
                m.row_end(width);
            }
            KeyCode::Char('a') if ctrl => m.row_start(width),
            KeyCode::Home => m.row_start(width),
            KeyCode::End => m.row_end(width),
            KeyCode::Left if ctrl || alt => m.word_left(),
            KeyCode::Right if ctrl || alt => m.word_right(),
            KeyCode::Char('b') if alt => m.word_left(),
            KeyCode::Char('f') if alt => m.word_right(),
            KeyCode::Left => m.left(),
            KeyCode::Char('b') if ctrl => m.left(),
            KeyCode::Right => m.right(),
            KeyCode::Char('f') if ctrl => m.right(),
            KeyCode::Up => m.vertical(width, false),
            KeyCode::Down => m.vertical(width, true),
            KeyCode::Backspace if alt || ctrl => m.delete_word_before(),
            KeyCode::Char('w') if ctrl => m.delete_word_before(),
            KeyCode::Char('h') if ctrl => m.backspace(),
            KeyCode::Backspace => m.backspace(),
            KeyCode::Delete => m.delete(),
            KeyCode::Char('u') if ctrl => m.delete_to_paragraph_start(),
            KeyCode::Char('k') if ctrl => m.delete_to_paragraph_end(),
            KeyCode::Tab => m.insert("\t"),
            KeyCode::Char(c) if !ctrl && !alt => m.insert(c.encode_utf8(&mut [0; 4])),
            _ => {}
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

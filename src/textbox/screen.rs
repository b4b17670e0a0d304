//! Drawing the box on the terminal: the question, a hint, and the answer's
//! rows, redrawn in place below where the prompt began.
//!
//! Every frame goes back to the top of the area kapj drew last, clears to
//! the end of the screen and writes the whole area again, in one write. The
//! area is never taller than the screen, so "back to the top" is always a
//! plain cursor-up; that is what keeps rows from being doubled or left stale
//! when an answer wraps, grows or shrinks.

use std::fmt::Write as _;
use std::io::Write;

use super::layout::{self, Row};
use super::model::Model;

/// Columns kept free: two for the answer's indent, one at the right edge so
/// a full row never makes the terminal wrap on its own.
const INDENT: &str = "  ";

pub struct Screen {
    pub cols: usize,
    pub rows: usize,
    color: bool,
    /// The cursor's row within the drawn area, counted from its top.
    cursor_row: usize,
    /// The first answer row shown when the answer is taller than the box.
    scroll: usize,
}

/// What this write has shown so far, to draw again after a resize.
#[derive(Debug, Default)]
pub struct Transcript {
    blocks: Vec<Block>,
}

#[derive(Debug)]
enum Block {
    Text {
        text: String,
        bold: bool,
    },
    Answered {
        question: String,
        answer: Option<String>,
    },
}

impl Transcript {
    /// A question answered earlier (in a resumed draft), shown again after a resize.
    pub fn answered(&mut self, question: &str, answer: Option<&str>) {
        self.blocks.push(Block::Answered {
            question: question.to_string(),
            answer: answer.map(str::to_string),
        });
    }

    /// A line printed before the questions (the title, the introduction).
    pub fn text(&mut self, text: &str, bold: bool) {
        self.blocks.push(Block::Text {
            text: text.to_string(),
            bold,
        });
    }
}

/// What one frame shows.
pub struct Frame<'a> {
    pub question: &'a str,
    pub hint: &'a str,
    pub model: &'a Model,
}

impl Screen {
    pub fn new(cols: usize, rows: usize, color: bool) -> Screen {
        Screen {
            cols: cols.max(12),
            rows: rows.max(4),
            color,
            cursor_row: 0,
            scroll: 0,
        }
    }

    pub fn answer_width(&self) -> usize {
        self.cols - INDENT.len() - 1
    }

    fn question_rows(&self, question: &str) -> Vec<String> {
        layout::wrap(question, self.cols - 1)
            .iter()
            .map(|r| self.style(&clip(question, *r, self.cols - 1), "1"))
            .collect()
    }

    fn style(&self, s: &str, sgr: &str) -> String {
        if self.color && !s.is_empty() {
            format!("\x1b[{sgr}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// The lines of the frame while the answer is being written, and where
    /// the cursor goes among them.
    fn frame_lines(&mut self, f: &Frame) -> (Vec<String>, (usize, usize)) {
        let mut lines = self.question_rows(f.question);
        lines.push(self.style(&clip_str(f.hint, self.cols - 1), "2"));
        let (rows, row, column) = f.model.layout(self.answer_width());
        let height = self.rows.saturating_sub(lines.len() + 1).max(1);
        if row < self.scroll {
            self.scroll = row;
        }
        if row >= self.scroll + height {
            self.scroll = row + 1 - height;
        }
        self.scroll = self.scroll.min(rows.len().saturating_sub(height));
        let top = lines.len();
        for r in rows.iter().skip(self.scroll).take(height) {
            lines.push(indented(&clip(f.model.text(), *r, self.answer_width())));
        }
        let column = column.min(self.answer_width());
        (lines, (top + row - self.scroll, INDENT.len() + column))
    }

    /// The frame while the answer is being written.
    pub fn draw(&mut self, f: &Frame) -> std::io::Result<()> {
        let (lines, cursor) = self.frame_lines(f);
        self.paint(&lines, Some(cursor))
    }

    /// What stays on the screen for an answered question: the question and
    /// the whole answer, once.
    fn answered_lines(&self, question: &str, answer: Option<&str>) -> Vec<String> {
        let mut lines = self.question_rows(question);
        match answer {
            Some(text) => {
                for r in layout::wrap(text, self.answer_width()) {
                    lines.push(indented(&clip(text, r, self.answer_width())));
                }
            }
            None => lines.push(self.style(&format!("{INDENT}(skipped)"), "2")),
        }
        lines
    }

    /// The frame left behind, also kept in the transcript.
    pub fn finish(
        &mut self,
        question: &str,
        answer: Option<&str>,
        transcript: &mut Transcript,
    ) -> std::io::Result<()> {
        let lines = self.answered_lines(question, answer);
        transcript.blocks.push(Block::Answered {
            question: question.to_string(),
            answer: answer.map(str::to_string),
        });
        self.paint(&lines, None)
    }

    /// After a resize, where the old area now sits depends on whether the
    /// terminal re-wrapped its lines (tmux and most modern terminals do,
    /// xterm does not), so kapj cannot move back to it reliably. Instead
    /// the screen is cleared and this write's transcript is drawn again at
    /// the new width, as much of it as fits above the box: every question
    /// and answer once, whatever the terminal did.
    pub fn resized(
        &mut self,
        cols: usize,
        rows: usize,
        transcript: &Transcript,
        f: &Frame,
    ) -> std::io::Result<()> {
        *self = Screen::new(cols, rows, self.color);
        let (frame, cursor) = self.frame_lines(f);
        let mut earlier = Vec::new();
        for block in &transcript.blocks {
            match block {
                Block::Text { text, bold } => {
                    for r in layout::wrap(text, self.cols - 1) {
                        let row = clip(text, r, self.cols - 1);
                        earlier.push(if *bold { self.style(&row, "1") } else { row });
                    }
                }
                Block::Answered { question, answer } => {
                    earlier.extend(self.answered_lines(question, answer.as_deref()));
                }
            }
        }
        let room = self.rows.saturating_sub(frame.len());
        let shown = &earlier[earlier.len().saturating_sub(room)..];
        let mut out = String::from("\x1b[H\x1b[2J");
        for line in shown {
            out.push_str(line);
            out.push_str("\r\n");
        }
        write_all(&out)?;
        self.paint(&frame, Some(cursor))
    }

    /// Removes the area, so something else (the editor) starts on a clean row.
    pub fn clear(&mut self) -> std::io::Result<()> {
        let mut out = String::from("\r");
        if self.cursor_row > 0 {
            let _ = write!(out, "\x1b[{}A", self.cursor_row);
        }
        out.push_str("\x1b[J");
        self.cursor_row = 0;
        write_all(&out)
    }

    fn paint(&mut self, lines: &[String], cursor: Option<(usize, usize)>) -> std::io::Result<()> {
        let mut out = String::from("\x1b[?25l\r");
        if self.cursor_row > 0 {
            let _ = write!(out, "\x1b[{}A", self.cursor_row);
        }
        out.push_str("\x1b[J");
        out.push_str(&lines.join("\r\n"));
        match cursor {
            Some((row, column)) => {
                let up = lines.len() - 1 - row;
                if up > 0 {
                    let _ = write!(out, "\x1b[{up}A");
                }
                out.push('\r');
                if column > 0 {
                    let _ = write!(out, "\x1b[{column}C");
                }
                self.cursor_row = row;
            }
            None => {
                out.push_str("\r\n");
                self.cursor_row = 0;
            }
        }
        out.push_str("\x1b[?25h");
        write_all(&out)
    }
}

/// An answer row under its question; a blank row stays truly empty, so a
/// copied transcript has no stray spaces.
fn indented(row: &str) -> String {
    if row.is_empty() {
        String::new()
    } else {
        format!("{INDENT}{row}")
    }
}

fn write_all(s: &str) -> std::io::Result<()> {
    let mut err = std::io::stderr().lock();
    err.write_all(s.as_bytes())?;
    err.flush()
}

/// A row's text as drawn: control characters as spaces, nothing past `width`
/// columns (only hanging spaces can reach there), never half a character.
fn clip(text: &str, row: Row, width: usize) -> String {
    clip_str(&text[row.start..row.end], width)
}

fn clip_str(s: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = layout::grapheme_width(g);
        if used + w > width {
            break;
        }
        used += w;
        out.push_str(layout::shown(g));
    }
    out
}

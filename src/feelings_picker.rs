//! The feelings picker at a terminal: type to find a feeling and Enter to
//! choose it (or arrows and Space to tick), Enter on an empty search to
//! finish. Words that are not in the vocabulary, several if need be, can be
//! added as the person's own.
//!
//! dialoguer's MultiSelect reprinted its heading on every key when the
//! heading was wider than the window, and its single-letter commands (`a`
//! selects all) ticked every feeling as soon as someone typed "sad". This
//! picker draws lines that always fit the window, redraws them in place,
//! and treats every typed letter as part of the search.
//!
//! `Picker` is the state and what it looks like, with no I/O; `pick` runs
//! it on the terminal.

use std::io;

use console::{Key, Term};

use crate::care::feelings;

/// What a key did.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    Continue,
    Done,
}

pub struct Picker {
    words: Vec<&'static str>,
    query: String,
    /// Position of the highlight among the current matches.
    cursor: usize,
    /// First match shown (the list scrolls with the highlight).
    top: usize,
    /// Chosen feelings in the order chosen: vocabulary words, or the person's own.
    chosen: Vec<String>,
}

const TITLE: &str = "Any feelings you want to name?";
const HINT: &str = "Type to find, Enter to choose; Enter when done";

impl Picker {
    pub fn new(chosen: Vec<String>) -> Picker {
        Picker {
            words: feelings::all(),
            query: String::new(),
            cursor: 0,
            top: 0,
            chosen,
        }
    }

    pub fn chosen(&self) -> &[String] {
        &self.chosen
    }

    /// Vocabulary words matching the search: words starting with it first,
    /// then words or families containing it, then the word it stands for
    /// ("gratitude" finds "grateful").
    pub fn matches(&self) -> Vec<&'static str> {
        let q = self.query.trim().to_lowercase();
        if q.is_empty() {
            return self.words.clone();
        }
        let family = |w: &str| feelings::family_of(w).unwrap_or("");
        let mut out: Vec<&'static str> = self
            .words
            .iter()
            .copied()
            .filter(|w| w.starts_with(&q))
            .collect();
        for w in &self.words {
            if !out.contains(w) && (w.contains(&q) || family(w).starts_with(&q)) {
                out.push(w);
            }
        }
        if let Some(w) = feelings::normalise(&q) {
            if !out.contains(&w) {
                out.insert(0, w);
            }
        }
        out
    }

    fn is_chosen(&self, word: &str) -> bool {
        self.chosen.iter().any(|c| c == word)
    }

    fn toggle(&mut self, word: &str) {
        match self.chosen.iter().position(|c| c == word) {
            Some(i) => {
                self.chosen.remove(i);
            }
            None => self.chosen.push(word.to_string()),
        }
    }

    fn choose(&mut self, word: &str) {
        if !self.is_chosen(word) {
            self.chosen.push(word.to_string());
        }
    }

    fn set_query(&mut self, q: String) {
        self.query = q;
        self.cursor = 0;
        self.top = 0;
    }

    pub fn key(&mut self, key: &Key) -> Step {
        let matches = self.matches();
        let highlighted = matches.get(self.cursor).copied();
        match key {
            Key::Enter => match (self.query.trim().is_empty(), highlighted) {
                (true, _) => return Step::Done,
                // A search that finds a feeling: Enter chooses it.
                (false, Some(w)) => {
                    self.choose(w);
                    self.set_query(String::new());
                }
                // A word of their own.
                (false, None) => {
                    let own = own_word(&self.query);
                    if !own.is_empty() {
                        self.choose(&own);
                    }
                    self.set_query(String::new());
                }
            },
            Key::Char(' ') => match highlighted {
                // While browsing (nothing typed), Space ticks or unticks
                // the highlighted feeling.
                Some(w) if self.query.is_empty() => self.toggle(w),
                // In a search, a space is part of it: a feeling of several
                // words ("a bit lost") is typed whole, and never chooses
                // what its first letters happen to find.
                _ if self.query.is_empty() => {}
                _ => {
                    let mut q = self.query.clone();
                    q.push(' ');
                    self.query = q;
                }
            },
            Key::Escape => {
                if self.query.is_empty() {
                    return Step::Done;
                }
                self.set_query(String::new());
            }
            Key::Backspace => {
                let mut q = self.query.clone();
                q.pop();
                self.set_query(q);
            }
            Key::ArrowDown | Key::Tab if self.cursor + 1 < matches.len() => {
                self.cursor += 1;
            }
            Key::ArrowUp | Key::BackTab => {
                self.cursor = self.cursor.saturating_sub(1);
            }
            Key::Char(c) if !c.is_control() => {
                let mut q = self.query.clone();
                q.push(*c);
                self.set_query(q);
            }
            _ => {}
        }
        Step::Continue
    }

    /// The picker as lines, each at most `width` columns, at most `height` lines.
    pub fn lines(&mut self, width: usize, height: usize) -> Vec<String> {
        let fit = |s: &str| console::truncate_str(s, width.max(10) - 1, "…").into_owned();
        let matches = self.matches();
        // Title, hint, search, list, "more", chosen.
        let room = height.saturating_sub(5).clamp(3, 12);
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + room {
            self.top = self.cursor + 1 - room;
        }
        let mut out = vec![fit(TITLE), fit(HINT), fit(&format!("Find: {}", self.query))];
        if matches.is_empty() {
            out.push(fit(&format!(
                "  Enter adds \"{}\" as your own word.",
                own_word(&self.query)
            )));
        }
        for (i, w) in matches.iter().enumerate().skip(self.top).take(room) {
            let mark = if i == self.cursor { '›' } else { ' ' };
            let tick = if self.is_chosen(w) { 'x' } else { ' ' };
            let family = feelings::family_of(w)
                .map(|f| format!(" ({f})"))
                .unwrap_or_default();
            out.push(fit(&format!("{mark} [{tick}] {w}{family}")));
        }
        let hidden = matches.len().saturating_sub(self.top + room);
        if hidden > 0 {
            out.push(fit(&format!("  … {hidden} more below")));
        }
        out.push(fit(&chosen_line(&self.chosen)));
        out
    }
}

/// The person's own word, tidied: lower case, single spaces.
fn own_word(q: &str) -> String {
    match feelings::normalise(q) {
        Some(w) => w.to_string(),
        None => q
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    }
}

fn chosen_line(chosen: &[String]) -> String {
    if chosen.is_empty() {
        "Chosen: none yet".to_string()
    } else {
        format!("Chosen: {}", chosen.join(", "))
    }
}

/// Runs the picker on `term` with `chosen` chosen; afterwards `chosen`
/// holds the feelings chosen, also when the result is an error because the
/// person stopped (Ctrl-C) or the terminal went away, so a draft keeps them.
pub fn pick(term: &Term, chosen: &mut Vec<String>) -> io::Result<()> {
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        *chosen = pick_on_a_line(term, std::mem::take(chosen))?;
        return Ok(());
    }
    let mut p = Picker::new(std::mem::take(chosen));
    let keys = crate::textbox::KeysHeld::hold();
    let _ = term.hide_cursor();
    let mut drawn: Vec<String> = Vec::new();
    let result = loop {
        let (rows, cols) = term.size();
        let lines = p.lines(cols as usize, rows as usize);
        clear(term, &drawn, cols as usize)?;
        for l in &lines {
            term.write_line(l)?;
        }
        drawn = lines;
        match term.read_key() {
            Ok(Key::CtrlC) => break Err(io::Error::from(io::ErrorKind::Interrupted)),
            Ok(k) => {
                if p.key(&k) == Step::Done {
                    break Ok(());
                }
            }
            Err(e) => break Err(e),
        }
    };
    drop(keys);
    *chosen = p.chosen().to_vec();
    let cols = term.size().1 as usize;
    clear(term, &drawn, cols)?;
    let _ = term.show_cursor();
    result?;
    let summary = if chosen.is_empty() {
        "Feelings: none named".to_string()
    } else {
        format!("Feelings: {}", chosen.join(", "))
    };
    term.write_line(&console::truncate_str(&summary, cols.max(10) - 1, "…"))?;
    Ok(())
}

/// A terminal that cannot move the cursor (TERM=dumb): one plain line,
/// feelings separated by commas.
fn pick_on_a_line(term: &Term, mut chosen: Vec<String>) -> io::Result<Vec<String>> {
    term.write_line(TITLE)?;
    term.write_str("Feelings, separated by commas (Enter to skip): ")?;
    let line = term.read_line()?;
    for word in line.split(',') {
        let own = own_word(word);
        if !own.is_empty() && !chosen.contains(&own) {
            chosen.push(own);
        }
    }
    Ok(chosen)
}

/// Erases what was drawn, counting the rows each line takes now (the window
/// may have become narrower since).
fn clear(term: &Term, drawn: &[String], cols: usize) -> io::Result<()> {
    let rows: usize = drawn
        .iter()
        .map(|l| console::measure_text_width(l).max(1).div_ceil(cols.max(1)))
        .sum();
    term.clear_last_lines(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(p: &mut Picker, s: &str) {
        for c in s.chars() {
            p.key(&Key::Char(c));
        }
    }

    #[test]
    fn typing_a_word_searches_and_never_selects_everything() {
        let mut p = Picker::new(Vec::new());
        typed(&mut p, "sad");
        assert!(p.chosen().is_empty());
        assert_eq!(p.matches()[0], "sad");
        p.key(&Key::Enter);
        assert_eq!(p.chosen(), ["sad"]);
        typed(&mut p, "a");
        typed(&mut p, "a");
        assert_eq!(p.chosen(), ["sad"], "letters never change what is chosen");
        p.key(&Key::Escape);
        assert_eq!(p.key(&Key::Enter), Step::Done);
        assert_eq!(p.chosen(), ["sad"]);
    }

    #[test]
    fn a_space_in_a_search_never_chooses() {
        let mut p = Picker::new(Vec::new());
        typed(&mut p, "a bit lost");
        assert!(p.chosen().is_empty());
        p.key(&Key::Enter);
        assert_eq!(p.chosen(), ["a bit lost"]);
        // Browsing, with nothing typed, Space ticks the highlighted feeling.
        p.key(&Key::Char(' '));
        assert_eq!(p.chosen(), ["a bit lost", "joyful"]);
    }

    #[test]
    fn a_word_of_ones_own_can_be_added() {
        let mut p = Picker::new(Vec::new());
        typed(&mut p, "Wobbly");
        assert!(p.matches().is_empty());
        typed(&mut p, " inside");
        p.key(&Key::Enter);
        assert_eq!(p.chosen(), ["wobbly inside"]);
        // An alias is the vocabulary word.
        typed(&mut p, "gratitude");
        p.key(&Key::Enter);
        assert_eq!(p.chosen(), ["wobbly inside", "grateful"]);
    }

    #[test]
    fn lines_fit_the_width_and_the_height() {
        let mut p = Picker::new(vec!["a very long feeling of my own, written out".into()]);
        for (w, h) in [(80, 24), (50, 24), (30, 10)] {
            let lines = p.lines(w, h);
            assert!(lines.len() <= h, "{w}x{h}: {lines:?}");
            for l in &lines {
                assert!(console::measure_text_width(l) < w, "{w}: {l}");
            }
        }
    }
}

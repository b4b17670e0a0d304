//! The answer being written: its text and a cursor, and every edit a key can
//! make. No terminal here; the cursor is a byte offset that only ever rests
//! on a grapheme boundary, so the text saved is exactly the text typed.

use unicode_segmentation::UnicodeSegmentation;

use super::layout::{self, Row};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Model {
    text: String,
    cursor: usize,
    /// The column that Up and Down aim for, kept across short rows.
    goal_column: Option<usize>,
    /// How many edits the text has had, so the box knows when the draft is behind.
    edits: u64,
}

impl Model {
    /// A model holding `text`, the cursor at `cursor` (moved back to the
    /// nearest grapheme boundary, or the end when out of range).
    pub fn new(text: &str, cursor: usize) -> Model {
        let mut m = Model {
            text: text.to_string(),
            cursor: text.len(),
            goal_column: None,
            edits: 0,
        };
        if cursor < text.len() {
            m.cursor = m
                .boundaries()
                .take_while(|&b| b <= cursor)
                .last()
                .unwrap_or(0);
        }
        m
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn edits(&self) -> u64 {
        self.edits
    }

    /// Replaces `range` of the text with `with`, leaving the cursor after it.
    fn splice(&mut self, range: std::ops::Range<usize>, with: &str) {
        self.cursor = range.start + with.len();
        self.text.replace_range(range, with);
        self.goal_column = None;
        self.edits += 1;
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    fn boundaries(&self) -> impl Iterator<Item = usize> + '_ {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(self.text.len()))
    }

    fn previous_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// Typing or pasting: `s` goes in at the cursor as one edit. Line ends
    /// from other systems become `\n`; other control characters (stray
    /// escape sequences in a paste) are left out, since they would be
    /// invisible in the journal and disturb the screen.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
            .collect();
        self.splice(self.cursor..self.cursor, &clean);
        // A combining mark typed after a letter joins it: stay on a boundary.
        self.cursor = Model::new(&self.text, self.cursor).cursor;
    }

    pub fn backspace(&mut self) {
        self.splice(self.previous_boundary()..self.cursor, "");
    }

    pub fn delete(&mut self) {
        let at = self.cursor;
        self.splice(at..self.next_boundary(), "");
    }

    pub fn left(&mut self) {
        self.cursor = self.previous_boundary();
        self.goal_column = None;
    }

    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
        self.goal_column = None;
    }

    /// The start of the word before the cursor (Alt+B, Ctrl+W).
    fn word_start_before(&self) -> usize {
        let before = &self.text[..self.cursor];
        let mut at = self.cursor;
        let mut seen_word = false;
        for (i, g) in before.grapheme_indices(true).rev() {
            let in_word = g.chars().any(char::is_alphanumeric);
            if seen_word && !in_word {
                break;
            }
            seen_word |= in_word;
            at = i;
        }
        at
    }

    /// The end of the word after the cursor (Alt+F).
    fn word_end_after(&self) -> usize {
        let mut at = self.cursor;
        let mut seen_word = false;
        for g in self.text[self.cursor..].graphemes(true) {
            let in_word = g.chars().any(char::is_alphanumeric);
            if seen_word && !in_word {
                break;
            }
            seen_word |= in_word;
            at += g.len();
        }
        at
    }

    pub fn word_left(&mut self) {
        self.cursor = self.word_start_before();
        self.goal_column = None;
    }

    pub fn word_right(&mut self) {
        self.cursor = self.word_end_after();
        self.goal_column = None;
    }

    /// Ctrl+W: the word before the cursor and the spaces after it, as readline does.
    pub fn delete_word_before(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end_matches([' ', '\t']).len();
        let start = before[..trimmed].rfind(char::is_whitespace).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        self.splice(start..self.cursor, "");
    }

    fn paragraph_start(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1)
    }

    fn paragraph_end(&self) -> usize {
        self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i)
    }

    /// Ctrl+U: from the start of the paragraph to the cursor.
    pub fn delete_to_paragraph_start(&mut self) {
        self.splice(self.paragraph_start()..self.cursor, "");
    }

    /// Ctrl+K: from the cursor to the end of the paragraph.
    pub fn delete_to_paragraph_end(&mut self) {
        let at = self.cursor;
        self.splice(at..self.paragraph_end(), "");
    }

    /// Home, Ctrl+A: the start of the screen row.
    pub fn row_start(&mut self, width: usize) {
        let rows = layout::wrap(&self.text, width);
        let (row, _) = layout::locate(&self.text, &rows, self.cursor);
        self.cursor = rows[row].start;
        self.goal_column = None;
    }

    /// End, Ctrl+E: the end of the screen row.
    pub fn row_end(&mut self, width: usize) {
        let rows = layout::wrap(&self.text, width);
        let (row, _) = layout::locate(&self.text, &rows, self.cursor);
        self.cursor = layout::offset_at_column(&self.text, rows[row], usize::MAX);
        self.goal_column = None;
    }

    pub fn at_row_end(&self, width: usize) -> bool {
        let mut probe = self.clone();
        probe.row_end(width);
        probe.cursor == self.cursor
    }

    /// Up and Down move by screen row, aiming at the same column.
    pub fn vertical(&mut self, width: usize, down: bool) {
        let rows = layout::wrap(&self.text, width);
        let (row, column) = layout::locate(&self.text, &rows, self.cursor);
        let goal = *self.goal_column.get_or_insert(column);
        let target = match (down, row) {
            (true, r) if r + 1 < rows.len() => r + 1,
            (false, r) if r > 0 => r - 1,
            (true, _) => {
                self.cursor = self.text.len();
                return;
            }
            (false, _) => {
                self.cursor = 0;
                return;
            }
        };
        self.cursor = layout::offset_at_column(&self.text, rows[target], goal);
    }

    /// The rows at `width`, and the cursor's row and column among them.
    pub fn layout(&self, width: usize) -> (Vec<Row>, usize, usize) {
        let rows = layout::wrap(&self.text, width);
        let (row, column) = layout::locate(&self.text, &rows, self.cursor);
        (rows, row, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Model {
        let mut m = Model::default();
        for c in s.chars() {
            m.insert(&c.to_string());
        }
        m
    }

    #[test]
    fn typing_then_saving_gives_back_the_same_bytes() {
        let s = "Tränen, 父のこと 🌊 e\u{301}";
        assert_eq!(typed(s).text(), s);
    }

    #[test]
    fn backspace_takes_one_whole_character_even_double_width_or_combined() {
        let mut m = typed("父のことを考えていました🌊e\u{301}");
        m.backspace();
        assert_eq!(m.text(), "父のことを考えていました🌊");
        m.backspace();
        assert_eq!(m.text(), "父のことを考えていました");
        m.backspace();
        assert_eq!(m.text(), "父のことを考えていまし");
    }

    #[test]
    fn backspace_across_a_wrap_joins_the_rows() {
        let mut m = typed("at four most");
        for _ in 0.."most".len() {
            m.left();
        }
        assert_eq!(m.layout(8).1, 1, "the cursor is at the start of row two");
        m.backspace();
        assert_eq!(m.text(), "at fourmost");
        m.insert(" ");
        assert_eq!(m.text(), "at four most");
    }

    #[test]
    fn typing_in_the_middle_keeps_the_rest_in_order() {
        let mut m = typed("in my fingertips");
        for _ in 0.."fingertips".len() {
            m.left();
        }
        m.insert("[ins]");
        assert_eq!(m.text(), "in my [ins]fingertips");
        assert_eq!(m.cursor(), "in my [ins]".len());
    }

    #[test]
    fn a_paste_is_one_insert_and_its_line_ends_stay_inside() {
        let mut m = typed("first ");
        m.insert("line one\r\nline two\rthree\x1b[31m");
        assert_eq!(m.text(), "first line one\nline two\nthree[31m");
    }

    #[test]
    fn word_keys_move_and_delete_by_word() {
        let mut m = typed("a quiet walk");
        m.word_left();
        assert_eq!(m.cursor(), "a quiet ".len());
        m.word_left();
        assert_eq!(m.cursor(), "a ".len());
        m.word_right();
        assert_eq!(m.cursor(), "a quiet".len());
        let mut m = typed("a quiet walk  ");
        m.delete_word_before();
        assert_eq!(m.text(), "a quiet ");
    }

    #[test]
    fn ctrl_u_and_ctrl_k_stay_inside_the_paragraph() {
        let mut m = typed("one\ntwo three");
        m.word_left();
        m.delete_to_paragraph_start();
        assert_eq!(m.text(), "one\nthree");
        m.delete_to_paragraph_end();
        assert_eq!(m.text(), "one\n");
    }

    #[test]
    fn home_and_end_work_on_the_screen_row() {
        // Rows at width 8: "at four ", "most ", "days".
        let mut m = typed("at four most days");
        m.row_start(8);
        assert_eq!(m.cursor(), "at four most ".len());
        m.vertical(8, false);
        m.row_end(8);
        assert_eq!(m.cursor(), "at four most".len(), "before the hanging space");
        assert!(m.at_row_end(8));
    }

    #[test]
    fn up_and_down_keep_their_column_and_never_split_a_character() {
        let mut m = typed("abcdef\n父のこと");
        m.vertical(20, false);
        assert_eq!(m.cursor(), "abcdef".len());
        m.left();
        m.left();
        m.left(); // column 3
        m.vertical(20, true);
        assert_eq!(m.cursor(), "abcdef\n父".len(), "not inside の");
    }

    #[test]
    fn a_saved_cursor_is_moved_onto_a_character_boundary() {
        let m = Model::new("e\u{301}x", 1);
        assert_eq!(m.cursor(), 0);
        assert_eq!(Model::new("abc", 99).cursor(), 3);
    }
}

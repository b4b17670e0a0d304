//! Soft wrapping by display width at word boundaries: where each screen row
//! of a text begins and ends, and where a byte offset lands on screen.
//!
//! Pure and terminal-free, so it is tested on its own. Rows are byte ranges
//! into the text, always on grapheme boundaries, so nothing drawn or deleted
//! ever splits an accent from its letter or half of a double-width character.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One screen row: the bytes `start..end` of the text. `end` excludes the
/// `\n` that ends a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// Whether the next row continues the same paragraph (a soft wrap).
    pub wrapped: bool,
}

/// How many columns a grapheme takes. Tabs and other control characters are
/// drawn as one space (see `shown`), so they count as one column.
pub fn grapheme_width(g: &str) -> usize {
    if g.chars().next().is_some_and(|c| c.is_control()) {
        1
    } else {
        g.width()
    }
}

/// What is drawn for a grapheme: control characters (a pasted tab) as a space.
pub fn shown(g: &str) -> &str {
    if g.chars().next().is_some_and(|c| c.is_control()) {
        " "
    } else {
        g
    }
}

pub fn text_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Wraps `text` into rows of at most `width` columns. Words move whole to the
/// next row; a word wider than the row is broken between graphemes; spaces at
/// a wrap stay at the end of their row (they may hang past the edge, and are
/// not drawn there), as in every word processor.
pub fn wrap(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(2);
    let mut rows = Vec::new();
    let mut para_start = 0;
    for para in text.split('\n') {
        wrap_paragraph(para, para_start, width, &mut rows);
        para_start += para.len() + 1;
    }
    rows
}

fn wrap_paragraph(para: &str, offset: usize, width: usize, rows: &mut Vec<Row>) {
    let mut row_start = 0;
    let mut row_width = 0;
    // Byte offset just after the last space in this row: the preferred break.
    let mut last_break: Option<usize> = None;
    // Width of the row up to `last_break`.
    let mut width_at_break = 0;
    for (at, g) in para.grapheme_indices(true) {
        let w = grapheme_width(g);
        let space = g.chars().all(char::is_whitespace);
        if !space && row_width + w > width && at > row_start {
            let cut = match last_break {
                Some(b) if b > row_start => b,
                _ => at,
            };
            rows.push(Row {
                start: offset + row_start,
                end: offset + cut,
                wrapped: true,
            });
            row_width = if cut == at {
                0
            } else {
                row_width - width_at_break
            };
            row_start = cut;
            last_break = None;
        }
        row_width += w;
        if space {
            last_break = Some(at + g.len());
            width_at_break = row_width;
        }
    }
    rows.push(Row {
        start: offset + row_start,
        end: offset + para.len(),
        wrapped: false,
    });
}

/// The row and column where a cursor at byte `at` is drawn. A cursor at a
/// soft wrap shows at the start of the next row, where the next letter goes.
pub fn locate(text: &str, rows: &[Row], at: usize) -> (usize, usize) {
    let index = rows
        .iter()
        .position(|r| at >= r.start && (at < r.end || (at == r.end && !r.wrapped)))
        .unwrap_or(rows.len().saturating_sub(1));
    let row = rows[index];
    let column = text_width(&text[row.start..at.clamp(row.start, row.end)]);
    (index, column)
}

/// The byte offset in `row` closest to `column` without passing it, never
/// inside a grapheme. On a wrapped row the offset stays before the row's last
/// grapheme, since its end is drawn at the start of the next row.
pub fn offset_at_column(text: &str, row: Row, column: usize) -> usize {
    let mut x = 0;
    let mut last_start = row.start;
    for (i, g) in text[row.start..row.end].grapheme_indices(true) {
        let at = row.start + i;
        last_start = at;
        let w = grapheme_width(g);
        if x + w > column {
            return at;
        }
        x += w;
    }
    if row.wrapped {
        last_start
    } else {
        row.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect()
    }

    #[test]
    fn words_move_whole_to_the_next_row() {
        assert_eq!(
            lines("at four most days it eases", 10),
            ["at four ", "most days ", "it eases"]
        );
    }

    #[test]
    fn a_word_wider_than_the_row_is_broken_between_letters() {
        assert_eq!(lines("abcdefghij kl", 4), ["abcd", "efgh", "ij ", "kl"]);
    }

    #[test]
    fn spaces_hang_at_the_edge_instead_of_starting_a_row() {
        assert_eq!(lines("abc   def", 4), ["abc   ", "def"]);
    }

    #[test]
    fn paragraphs_start_new_rows_and_empty_ones_keep_a_row() {
        assert_eq!(lines("one\n\ntwo", 10), ["one", "", "two"]);
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("end\n", 10), ["end", ""]);
    }

    #[test]
    fn double_width_characters_are_measured_by_their_columns() {
        // Each of these takes two columns: four fit in eight.
        assert_eq!(lines("父のことを考え", 8), ["父のこと", "を考え"]);
        assert_eq!(lines("🌊🌊🌊 🌿", 6), ["🌊🌊🌊 ", "🌿"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let text = "cafe\u{301} cafe\u{301}";
        assert_eq!(lines(text, 4), ["cafe\u{301} ", "cafe\u{301}"]);
        let rows = wrap(text, 4);
        assert_eq!(locate(text, &rows, 6), (0, 4));
    }

    #[test]
    fn a_cursor_at_a_soft_wrap_shows_at_the_start_of_the_next_row() {
        let text = "at four most";
        let rows = wrap(text, 8);
        assert_eq!(locate(text, &rows, 8), (1, 0));
        assert_eq!(locate(text, &rows, 7), (0, 7));
        assert_eq!(locate(text, &rows, text.len()), (1, 4));
    }

    #[test]
    fn a_column_maps_back_to_an_offset_never_inside_a_character() {
        let text = "父のこと abc";
        let rows = wrap(text, 20);
        // Column 3 is the right half of the second character: stay before it.
        assert_eq!(offset_at_column(text, rows[0], 3), "父".len());
        assert_eq!(offset_at_column(text, rows[0], 99), text.len());
    }
}

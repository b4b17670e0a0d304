//! The bytes a terminal sends, decoded into the keys the answer box knows.
//!
//! Pure (no terminal), so every sequence is tested. It knows what xterm,
//! VTE, tmux, kitty and the Linux console send for the keys the box uses,
//! bracketed paste (a paste arrives whole between `ESC [200~` and
//! `ESC [201~`), and that Alt+key arrives as ESC then the key. Anything
//! else is consumed and ignored, never typed into an answer.

/// One thing the person did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Char(char),
    Paste(String),
    Enter,
    /// Alt+Enter, Shift+Enter (where reported), Ctrl+J.
    NewLine,
    Esc,
    Tab,
    Backspace,
    /// Alt+Backspace, Ctrl+Backspace.
    WordBackspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    /// Alt+B, Ctrl+Left, Alt+Left.
    WordLeft,
    /// Alt+F, Ctrl+Right, Alt+Right.
    WordRight,
    /// Ctrl with a letter: `Ctrl('a')`.
    Ctrl(char),
    /// A sequence the box has no use for.
    Ignored,
}

const ESC: u8 = 0x1b;
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Default)]
pub struct Decoder {
    buf: Vec<u8>,
}

enum Parsed {
    /// An input, and how many bytes it took.
    Done(Input, usize),
    /// The bytes so far begin a sequence that is not complete yet.
    Incomplete,
}

impl Decoder {
    pub fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// The next complete input, if the bytes so far hold one.
    pub fn next(&mut self) -> Option<Input> {
        match parse(&self.buf) {
            Parsed::Done(input, used) => {
                self.buf.drain(..used);
                Some(input)
            }
            Parsed::Incomplete => None,
        }
    }

    /// Bytes are waiting that may still become a sequence (an Esc that may
    /// be the start of Alt+key, half a character, a paste still arriving).
    pub fn waiting(&self) -> bool {
        !self.buf.is_empty()
    }

    /// Nothing more came: a lone ESC was the Esc key; a sequence cut short is
    /// dropped. A paste still arriving is kept, since its end will come.
    pub fn flush(&mut self) -> Option<Input> {
        if self.buf.starts_with(b"\x1b[200~") {
            return None;
        }
        let lone_escape = self.buf == [ESC];
        self.buf.clear();
        lone_escape.then_some(Input::Esc)
    }
}

fn parse(buf: &[u8]) -> Parsed {
    let Some(&first) = buf.first() else {
        return Parsed::Incomplete;
    };
    match first {
        ESC => parse_escape(buf),
        b'\r' => Parsed::Done(Input::Enter, 1),
        b'\n' => Parsed::Done(Input::NewLine, 1),
        0x7f | 0x08 => Parsed::Done(Input::Backspace, 1),
        b'\t' => Parsed::Done(Input::Tab, 1),
        0x01..=0x1a => Parsed::Done(Input::Ctrl((first + b'a' - 1) as char), 1),
        0x00..=0x1f => Parsed::Done(Input::Ignored, 1),
        _ => parse_char(buf),
    }
}

fn parse_char(buf: &[u8]) -> Parsed {
    let len = match buf[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Parsed::Done(Input::Ignored, 1),
    };
    if buf.len() < len {
        return Parsed::Incomplete;
    }
    match std::str::from_utf8(&buf[..len]) {
        Ok(s) => Parsed::Done(Input::Char(s.chars().next().expect("one char")), len),
        Err(_) => Parsed::Done(Input::Ignored, 1),
    }
}

fn parse_escape(buf: &[u8]) -> Parsed {
    match buf.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => parse_csi(buf),
        Some(b'O') => match buf.get(2) {
            None => Parsed::Incomplete,
            Some(&b) => Parsed::Done(cursor_key(b, "").unwrap_or(Input::Ignored), 3),
        },
        Some(&ESC) => Parsed::Done(Input::Esc, 1),
        Some(_) => match parse(&buf[1..]) {
            Parsed::Incomplete => Parsed::Incomplete,
            Parsed::Done(key, used) => Parsed::Done(with_alt(key), used + 1),
        },
    }
}

fn with_alt(key: Input) -> Input {
    match key {
        Input::Enter => Input::NewLine,
        Input::Char('b') => Input::WordLeft,
        Input::Char('f') => Input::WordRight,
        Input::Backspace => Input::WordBackspace,
        Input::Left => Input::WordLeft,
        Input::Right => Input::WordRight,
        _ => Input::Ignored,
    }
}

/// `ESC [ params final`, and the paste that `ESC [200~` opens.
fn parse_csi(buf: &[u8]) -> Parsed {
    let Some(end) = buf[2..]
        .iter()
        .position(|b| (0x40..=0x7e).contains(b))
        .map(|i| i + 2)
    else {
        return Parsed::Incomplete;
    };
    let params = std::str::from_utf8(&buf[2..end]).unwrap_or("");
    let last = buf[end];
    let used = end + 1;
    if params == "200" && last == b'~' {
        return match find(&buf[used..], PASTE_END) {
            None => Parsed::Incomplete,
            Some(at) => {
                let text = String::from_utf8_lossy(&buf[used..used + at]).into_owned();
                Parsed::Done(Input::Paste(text), used + at + PASTE_END.len())
            }
        };
    }
    let input = match (params, last) {
        // Shift+Enter, as kitty's protocol and xterm's modifyOtherKeys send it.
        ("13;2", b'u') | ("27;2;13", b'~') => Input::NewLine,
        ("1" | "7", b'~') => Input::Home,
        ("4" | "8", b'~') => Input::End,
        ("3", b'~') => Input::Delete,
        (p, b) => cursor_key(b, p).unwrap_or(Input::Ignored),
    };
    Parsed::Done(input, used)
}

/// Arrows, Home and End; with Ctrl or Alt (`1;5`, `1;3`) the side arrows move by word.
fn cursor_key(last: u8, params: &str) -> Option<Input> {
    let modified = matches!(params, "1;3" | "1;5" | "3" | "5");
    Some(match (last, modified) {
        (b'A', _) => Input::Up,
        (b'B', _) => Input::Down,
        (b'C', false) => Input::Right,
        (b'D', false) => Input::Left,
        (b'C', true) => Input::WordRight,
        (b'D', true) => Input::WordLeft,
        (b'H', _) => Input::Home,
        (b'F', _) => Input::End,
        _ => return None,
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> Vec<Input> {
        let mut d = Decoder::default();
        d.feed(bytes);
        let mut out = Vec::new();
        while let Some(i) = d.next() {
            out.push(i);
        }
        out.extend(d.flush());
        out
    }

    #[test]
    fn letters_and_utf8_arrive_as_characters() {
        assert_eq!(
            all("aé父🌊".as_bytes()),
            [
                Input::Char('a'),
                Input::Char('é'),
                Input::Char('父'),
                Input::Char('🌊')
            ]
        );
    }

    #[test]
    fn half_a_character_waits_for_the_rest() {
        let mut d = Decoder::default();
        let bytes = "父".as_bytes();
        d.feed(&bytes[..2]);
        assert_eq!(d.next(), None);
        d.feed(&bytes[2..]);
        assert_eq!(d.next(), Some(Input::Char('父')));
    }

    #[test]
    fn enter_newline_and_control_keys() {
        assert_eq!(
            all(b"\r\n\x7f\x01\x05\x17\x15\x03\t"),
            [
                Input::Enter,
                Input::NewLine,
                Input::Backspace,
                Input::Ctrl('a'),
                Input::Ctrl('e'),
                Input::Ctrl('w'),
                Input::Ctrl('u'),
                Input::Ctrl('c'),
                Input::Tab
            ]
        );
    }

    #[test]
    fn alt_keys_arrive_as_escape_then_the_key() {
        assert_eq!(
            all(b"\x1b\r\x1bb\x1bf\x1b\x7f"),
            [
                Input::NewLine,
                Input::WordLeft,
                Input::WordRight,
                Input::WordBackspace
            ]
        );
        assert_eq!(all(b"\x1bx"), [Input::Ignored], "never typed");
    }

    #[test]
    fn a_lone_escape_is_the_esc_key_once_nothing_follows() {
        let mut d = Decoder::default();
        d.feed(b"\x1b");
        assert_eq!(d.next(), None, "it may be Alt+key");
        assert_eq!(d.flush(), Some(Input::Esc));
        assert!(!d.waiting());
    }

    #[test]
    fn arrows_home_end_delete_in_every_dialect() {
        assert_eq!(
            all(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOH\x1bOF\x1b[H\x1b[F\x1b[1~\x1b[4~\x1b[7~\x1b[8~\x1b[3~"),
            [
                Input::Up,
                Input::Down,
                Input::Right,
                Input::Left,
                Input::Home,
                Input::End,
                Input::Home,
                Input::End,
                Input::Home,
                Input::End,
                Input::Home,
                Input::End,
                Input::Delete
            ]
        );
        assert_eq!(
            all(b"\x1b[1;5D\x1b[1;5C\x1b[1;3D"),
            [Input::WordLeft, Input::WordRight, Input::WordLeft]
        );
        assert_eq!(
            all(b"\x1b[13;2u\x1b[27;2;13~"),
            [Input::NewLine, Input::NewLine]
        );
        assert_eq!(all(b"\x1b[15~x"), [Input::Ignored, Input::Char('x')]);
    }

    #[test]
    fn a_paste_is_one_input_even_when_it_arrives_in_pieces() {
        let mut d = Decoder::default();
        d.feed(b"\x1b[200~line one\r\nline");
        assert_eq!(d.next(), None);
        assert_eq!(d.flush(), None, "a paste still arriving is kept");
        d.feed(" two\x1b[201~\r".as_bytes());
        assert_eq!(d.next(), Some(Input::Paste("line one\r\nline two".into())));
        assert_eq!(d.next(), Some(Input::Enter));
    }
}

//! Reads text one entry per line on standard input and prints the lines on
//! which the safety note would appear, with their severity. For measuring
//! the detector on text nobody on the project wrote (for example the corpora
//! in ../shared/data/corpora), without copying any of it into the repository:
//!
//!     cut -f1 ../shared/data/corpora/goemotions/data_original_test.tsv \
//!         | cargo run --release --example safety_scan
//!
//! The last line is a count: lines read and lines that raised the note.

use std::io::{BufRead, Write};

use kapj::care::safety::assess;

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    let (mut read, mut raised) = (0usize, 0usize);
    for line in stdin.lock().lines().map_while(Result::ok) {
        read += 1;
        if let Some(f) = assess(&line) {
            raised += 1;
            let _ = writeln!(out, "{:?}\t{line}", f.severity);
        }
    }
    let _ = writeln!(out, "# {read} lines, {raised} raised the note");
}

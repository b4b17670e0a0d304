//! Reads text one entry per line on standard input and prints the lines on
//! which the safety note would appear, with their severity. For measuring
//! the detector on text nobody on the project wrote (for example the corpora
//! in ../shared/data/corpora), without copying any of it into the repository:
//!
//!     cut -f1 ../shared/data/corpora/goemotions/data_original_test.tsv \
//!         | cargo run --release --example safety_scan
//!
//! With `--rules`, each printed line says which layers raised it instead:
//! `R` the hand-written rules alone, `M` the whole detector (rules and the
//! learned layer), `-` not that one.
//!
//! The last line is a count: lines read and lines that raised the note.

use std::io::{BufRead, Write};

use kapj::care::safety::{assess, assess_rules};

fn main() {
    let by_layer = std::env::args().nth(1).as_deref() == Some("--rules");
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    let (mut read, mut rules, mut raised) = (0usize, 0usize, 0usize);
    for line in stdin.lock().lines().map_while(Result::ok) {
        read += 1;
        let found = assess(&line);
        raised += usize::from(found.is_some());
        if by_layer {
            let r = assess_rules(&line).is_some();
            rules += usize::from(r);
            if r || found.is_some() {
                let (r, m) = (
                    if r { "R" } else { "-" },
                    if found.is_some() { "M" } else { "-" },
                );
                let _ = writeln!(out, "{r}{m}\t{line}");
            }
        } else if let Some(f) = found {
            let _ = writeln!(out, "{:?}\t{line}", f.severity);
        }
    }
    if by_layer {
        let _ = writeln!(out, "# {read} lines, rules {rules}, rules+model {raised}");
    } else {
        let _ = writeln!(out, "# {read} lines, {raised} raised the note");
    }
}

//! Like safety_scan, but reports the hand-written rules alone and the rules
//! plus the learned layer side by side: `R` rules, `M` full assess.
use std::io::{BufRead, Write};

use kapj::care::safety::{assess, assess_rules};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    let (mut read, mut rules, mut full) = (0usize, 0usize, 0usize);
    for line in stdin.lock().lines().map_while(Result::ok) {
        read += 1;
        let r = assess_rules(&line).is_some();
        let m = assess(&line).is_some();
        rules += usize::from(r);
        full += usize::from(m);
        if r || m {
            let _ = writeln!(
                out,
                "{}{}\t{line}",
                if r { "R" } else { "-" },
                if m { "M" } else { "-" }
            );
        }
    }
    let _ = writeln!(out, "# {read} lines, rules {rules}, rules+model {full}");
}

//! Measures the safety detector on a set of sentences in the fixture format
//! (`category<TAB>text`, `\n` for a line break, `#` comments), for a set
//! that does not live in the repository yet (a fresh writer's set, measured
//! untouched before it becomes a fixture):
//!
//!     cargo run --release --example safety_measure -- risk D-risk.tsv near D-near.tsv
//!
//! Each file is preceded by `risk` (the note should appear) or `near` (it
//! should not). Prints per-category counts and the texts that went the
//! wrong way.

use std::collections::BTreeMap;

use kapj::care::safety::assess;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let [kind, path] = pair else {
            eprintln!("usage: safety_measure (risk|near) FILE ...");
            std::process::exit(2);
        };
        let should = kind == "risk";
        let raw = std::fs::read_to_string(path).expect("a readable tsv file");
        let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut wrong = Vec::new();
        for l in raw.lines() {
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            let (cat, text) = l.split_once('\t').unwrap_or(("?", l));
            let fired = assess(&text.replace("\\n", "\n")).is_some();
            let e = by.entry(cat.to_string()).or_default();
            e.0 += usize::from(fired);
            e.1 += 1;
            if fired != should {
                wrong.push(format!("  [{cat}] {text}"));
            }
        }
        let (mut f, mut n) = (0, 0);
        println!("{path} ({kind}: the note appears)");
        for (cat, (a, b)) in &by {
            println!(
                "  {cat:<14} {a:>4}/{b:<4} {:>6.1}%",
                100.0 * *a as f64 / *b as f64
            );
            f += a;
            n += b;
        }
        println!(
            "  {:<14} {f:>4}/{n:<4} {:>6.1}%",
            "all",
            100.0 * f as f64 / n.max(1) as f64
        );
        println!("{}", if should { "missed:" } else { "raised:" });
        for w in &wrong {
            println!("{w}");
        }
    }
}

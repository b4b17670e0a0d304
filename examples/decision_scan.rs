//! Measures the decision detector on a pair of sentence files written by
//! someone else: `decision_scan DECISIONS OTHERS [--show]`. Each line is
//! `category<TAB>text`; every line of DECISIONS should be noticed, none of
//! OTHERS. Prints the counts; `--show` also prints what went the wrong way.

use kapj::care::decisions::speaks_of_decision;

fn lines(path: &str) -> Vec<(String, String)> {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    raw.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (cat, text) = l.split_once('\t').unwrap_or(("", l));
            (cat.trim().to_string(), text.trim().to_string())
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [yes, no] = files[..] else {
        eprintln!("usage: decision_scan DECISIONS OTHERS [--show]");
        std::process::exit(2);
    };
    let yes = lines(yes);
    let no = lines(no);
    let tp = yes.iter().filter(|(_, t)| speaks_of_decision(t)).count();
    let fp = no.iter().filter(|(_, t)| speaks_of_decision(t)).count();
    if show {
        for (cat, t) in &yes {
            if !speaks_of_decision(t) {
                println!("missed [{cat}]: {t}");
            }
        }
        for (cat, t) in &no {
            if speaks_of_decision(t) {
                println!("false positive [{cat}]: {t}");
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "decisions {}, others {}: precision {:.1}% ({tp}/{}), recall {:.1}% ({tp}/{})",
        yes.len(),
        no.len(),
        pct(tp, tp + fp),
        tp + fp,
        pct(tp, yes.len()),
        yes.len()
    );
}

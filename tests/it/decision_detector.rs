//! Issue 19: the decision detector measured on sentences of both kinds.
//!
//! `tests/fixtures/decisions/dev.tsv` is the development set the rules were
//! built against; `heldout.tsv` was written before the rules and never tuned
//! on; `dev2.tsv` was written after them, measured once untouched, then used
//! for development, and so was `dev3`; `heldout3.tsv`, written after the
//! last round, is measured and not tuned on (see
//! `tests/fixtures/decisions/README.md`).
//! Each line is `label<TAB>text`: 1 for a sentence that weighs a big life
//! decision, 0 for one that does not. Run with `--nocapture` for the numbers
//! and the sentences that went the wrong way.

use std::path::Path;

use kapj::care::decisions::speaks_of_decision;

fn load(name: &str) -> Vec<(bool, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/decisions")
        .join(name);
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    raw.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (label, text) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{name}: no tab in {l:?}"));
            assert!(label == "0" || label == "1", "{name}: label {label:?}");
            (label == "1", text.replace("\\n", "\n"))
        })
        .collect()
}

/// (precision, recall) on a set, printing what went the wrong way.
fn measure(name: &str) -> (f64, f64) {
    let cases = load(name);
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (want, text) in &cases {
        let got = speaks_of_decision(text);
        match (want, got) {
            (true, true) => tp += 1,
            (false, true) => {
                fp += 1;
                println!("  {name} false positive: {text}");
            }
            (true, false) => {
                fneg += 1;
                println!("  {name} missed: {text}");
            }
            (false, false) => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    println!(
        "{name}: {} sentences, precision {:.1}% ({tp}/{}), recall {:.1}% ({tp}/{})",
        cases.len(),
        precision * 100.0,
        tp + fp,
        recall * 100.0,
        tp + fneg
    );
    (precision, recall)
}

fn check(name: &str, min_precision: f64, min_recall: f64) {
    let cases = load(name);
    let yes = cases.iter().filter(|c| c.0).count();
    assert!(
        yes >= 40 && cases.len() - yes >= 40,
        "{name}: too small a set"
    );
    let (p, r) = measure(name);
    assert!(
        p >= min_precision,
        "{name}: precision {p:.3} < {min_precision}"
    );
    assert!(r >= min_recall, "{name}: recall {r:.3} < {min_recall}");
}

#[test]
fn development_set() {
    assert!(load("dev.tsv").iter().filter(|c| c.0).count() >= 80);
    assert!(load("dev.tsv").iter().filter(|c| !c.0).count() >= 80);
    check("dev.tsv", DEV_PRECISION_FLOOR, DEV_RECALL_FLOOR);
}

/// The second set: written after the rules, measured once untouched
/// (precision 94.1%, recall 53.3%), then used for development.
#[test]
fn second_development_set() {
    let (p, r) = measure("dev2.tsv");
    assert!(
        p >= DEV_PRECISION_FLOOR && r >= DEV2_RECALL_FLOOR,
        "dev2: {p:.3} {r:.3}"
    );
}

/// The held-out set, never tuned on: floors just under what it measured.
#[test]
fn held_out_set() {
    check("heldout.tsv", HELDOUT_PRECISION_FLOOR, HELDOUT_RECALL_FLOOR);
}

const DEV_PRECISION_FLOOR: f64 = 0.97;
const DEV_RECALL_FLOOR: f64 = 0.97;
const DEV2_RECALL_FLOOR: f64 = 0.8;
const HELDOUT_PRECISION_FLOOR: f64 = 0.95;
const HELDOUT_RECALL_FLOOR: f64 = 0.95;

/// The third set: written after the round on `dev2`, measured once
/// untouched (precision 100%, recall 50.0%), then used for development.
#[test]
fn third_development_set() {
    let (p, r) = measure("dev3.tsv");
    assert!(p >= DEV_PRECISION_FLOOR, "dev3: precision {p:.3}");
    assert!(r >= DEV3_RECALL_FLOOR, "dev3: recall {r:.3}");
}

const DEV3_RECALL_FLOOR: f64 = 0.88;

/// The fourth set, written after the round on `dev3`, measured once and
/// not tuned on: the honest estimate. Floors just under what it measured.
#[test]
fn second_held_out_set() {
    let (p, r) = measure("heldout3.tsv");
    assert!(p >= HELDOUT3_PRECISION_FLOOR, "heldout3: precision {p:.3}");
    assert!(r >= HELDOUT3_RECALL_FLOOR, "heldout3: recall {r:.3}");
}

const HELDOUT3_PRECISION_FLOOR: f64 = 0.9;
const HELDOUT3_RECALL_FLOOR: f64 = 0.45;

//! Issue 14: the safety detector measured on sentences of both kinds.
//!
//! `tests/fixtures/safety/dev-*.tsv` is the development set the rules were
//! built against. `dev2`, `dev3` and `dev4` were each written as a held-out set
//! after a round of design, measured once untouched, and only then used for
//! development (`dev4` and `dev5` likewise); `holdout` is the latest such set, measured
//! and not tuned on (see `tests/fixtures/safety/README.md` for every
//! measurement). Each file
//! holds one sentence or entry a line: `category<TAB>text`, `\n` for a line
//! break, `#` comments.
//!
//! Run with `--nocapture` to see the per-category table.

use std::collections::BTreeMap;
use std::path::Path;

use kapj::care::safety::assess;

struct Case {
    category: String,
    text: String,
}

fn load(name: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/safety")
        .join(name);
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    raw.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (category, text) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{name}: no tab in {l:?}"));
            Case {
                category: category.to_string(),
                text: text.replace("\\n", "\n"),
            }
        })
        .collect()
}

/// Per category: (fired, total), plus the texts that went the wrong way.
fn measure(cases: &[Case], should_fire: bool) -> (BTreeMap<String, (usize, usize)>, Vec<String>) {
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for c in cases {
        let fired = assess(&c.text).is_some();
        let e = by.entry(c.category.clone()).or_default();
        e.0 += usize::from(fired);
        e.1 += 1;
        if fired != should_fire {
            wrong.push(format!("  [{}] {}", c.category, c.text.replace('\n', " ")));
        }
    }
    (by, wrong)
}

fn table(title: &str, by: &BTreeMap<String, (usize, usize)>) -> f64 {
    println!("{title}");
    let (mut fired, mut total) = (0, 0);
    for (cat, (f, n)) in by {
        println!(
            "  {cat:<14} {f:>4}/{n:<4} {:>6.1}%",
            100.0 * *f as f64 / *n as f64
        );
        fired += f;
        total += n;
    }
    let rate = fired as f64 / total as f64;
    println!(
        "  {:<14} {fired:>4}/{total:<4} {:>6.1}%",
        "all",
        100.0 * rate
    );
    rate
}

/// Measures a set and holds it to a floor: recall at least `min_recall`,
/// near-misses at most `max_near`.
fn check(set: &str, min_recall: f64, max_near: f64) {
    let risk = load(&format!("{set}-risk.tsv"));
    let near = load(&format!("{set}-near.tsv"));
    let (by, missed) = measure(&risk, true);
    let recall = table(&format!("{set}: the note appears (recall)"), &by);
    let (by, false_alarms) = measure(&near, false);
    let fp = table(&format!("{set}: near-misses that raise the note"), &by);
    println!("{set} missed:\n{}", missed.join("\n"));
    println!("{set} raised on near-misses:\n{}", false_alarms.join("\n"));
    assert!(
        recall >= min_recall,
        "{set}: recall {recall:.3} < {min_recall}; missed:\n{}",
        missed.join("\n")
    );
    assert!(
        fp <= max_near,
        "{set}: near-miss rate {fp:.3} > {max_near}; raised on:\n{}",
        false_alarms.join("\n")
    );
}

#[test]
fn development_set() {
    check("dev", 0.95, 0.03);
}

#[test]
fn second_development_set() {
    check("dev2", 0.95, 0.03);
}

#[test]
fn third_development_set() {
    check("dev3", 0.95, 0.03);
}

#[test]
fn fourth_development_set() {
    check("dev4", 0.95, 0.03);
}

#[test]
fn fifth_development_set() {
    check("dev5", 0.95, 0.03);
}

/// Written by an independent writer who never saw the rules; measured
/// untouched at 66.0% recall and 2.6% near-misses, then used for development.
#[test]
fn sixth_development_set() {
    check("dev6", 0.95, 0.03);
}

/// The held-out set is not tuned on, so it is not held to the goal (95% and
/// 3%); this floor, just under what it measured when it was written, catches
/// a change that makes the detector worse on text it has never seen.
#[test]
fn held_out_set() {
    check("holdout", HOLDOUT_RECALL_FLOOR, HOLDOUT_NEAR_CEILING);
}

/// What the held-out set measured when it was first run (93.0% recall, no
/// near-misses raised), less a little.
const HOLDOUT_RECALL_FLOOR: f64 = 0.91;
const HOLDOUT_NEAR_CEILING: f64 = 0.03;

/// A second independent writer's set (set B), never looked at while building
/// the rules until round seven: untouched it measured 73.3% recall and 4.0%
/// near-misses (tests/fixtures/safety/README.md); since then a development set.
#[test]
fn seventh_development_set() {
    check("dev7", 0.92, 0.03);
}

/// Set D, a fresh writer's set written for round seven by someone who never
/// saw the code or any other set. Measured untouched before any tuning:
/// 37.0% recall (74/200) and 5.6% near-misses (9/160); since then a
/// development set: 60.0% after round seven, 73.5% after round eight.
#[test]
fn eighth_development_set() {
    check("dev8", 0.72, 0.03);
}

/// Set C, a fresh writer's set written for round seven by someone who never
/// saw the code or any other set, and held out through round seven: measured
/// once, untouched, after it: 60.5% recall (121/200) and 8.1% near-misses
/// (13/160), most of them past thoughts told as over, and denials. A
/// development set in round eight, which took it to 84.0% and 1.2%.
#[test]
fn set_c_measured_untouched_after_round_seven() {
    check("setc", 0.83, 0.03);
}

/// Set E, a fresh writer's set that arrived during round eight, from someone
/// who never saw the code or any other set. Measured untouched the moment it
/// was complete: 47.5% recall (95/200) and 4.4% near-misses (7/160) on main
/// as round seven left it (fbbd0ba); 54.0% and 6.2% with round eight's first
/// step. Since then a development set; the floor is what round eight reached
/// (76.0% recall, 0.6% near-misses).
#[test]
fn ninth_development_set() {
    check("dev9", 0.75, 0.03);
}

/// Everyday sentences written in round eight in the very shapes its entry
/// reading looks for (a place with a time and "I'll go", errands, a welcomed
/// harm, long sleeves, a goodbye), to probe it for false alarms. Written
/// after the rules, so this is a development check, not an unseen one:
/// 3 of 55 raise the note, 2 of them on main as well.
#[test]
fn round_eight_probes_stay_mostly_quiet() {
    let probes = load("round8-probes.tsv");
    let (by, raised) = measure(&probes, false);
    let rate = table("round eight probes that raise the note", &by);
    println!("raised:\n{}", raised.join("\n"));
    assert!(raised.len() <= 3, "probes raised:\n{}", raised.join("\n"));
    assert!(rate < 0.06);
}

/// Set E, a fresh writer's set that arrived while the learned layer was
/// built: measured once, untouched, with the rules of round seven (47.5%
/// recall, 4.4% near-misses) and with the layer as trained before it was
/// seen (rules or model: 65.0% recall, 4.4% near-misses; the model added no
/// near-miss). Since then a training and development set; this floor (the
/// rules', as the layer ships switched off) only catches a step back.
#[test]
fn set_e_after_the_learned_layer() {
    check("dev9", 0.46, 0.05);
}

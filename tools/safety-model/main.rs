//! Trains and measures the safety note's learned layer
//! (`src/care/safety/model.rs`). Run with the optimised build:
//!
//!     cargo run --release --example safety_model -- cv
//!     cargo run --release --example safety_model -- write
//!     cargo run --release --example safety_model -- measure risk E-risk.tsv near E-near.tsv
//!     cut -f1 goemotions/data_original_test.tsv | cargo run --release --example safety_model -- scan
//!
//! `cv`: leave-one-writer-out. For each fresh writer's set, trains on every
//! other set, picks thresholds from inner folds that leave that set out
//! entirely, and prints recall and near-misses on it: rules, model, both.
//! `write`: trains on everything and writes `src/care/safety/model.txt`
//! (threshold from the same inner folds). `measure`: the shipped model on
//! sets that are not fixtures yet. `scan`: ordinary text, one a line on
//! standard input: how many lines each raises the note on.
//!
//! Training data: `tests/fixtures/safety/*-{risk,near}.tsv` and
//! `tests/fixtures/safety/ordinary-goemotions.txt` (a sample of GoEmotions
//! training comments, Apache-2.0; see that folder's README) and four in
//! five lines of `ordinary-kap.txt` (ordinary KAP journal prose); the fifth
//! line of each five is held out (`kap-held-out` prints them, for `scan`;
//! `kap-cv` measures all 700 lines, a fifth at a time).

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::PathBuf;

use kapj::care::safety::assess_rules;
use kapj::care::safety::model::{self, read_tsv, train, Labelled, Model, Settings, SETTINGS};

/// Near-misses the model may add in the inner folds: for the model alone,
/// all it raises; for the combination, those the rules leave quiet (the
/// rules' own near-misses are not the model's to spend).
const NEAR_BUDGET: f64 = 0.01;
/// Ordinary texts the model may add to the rules' in the inner folds: an
/// ordinary entry raising the note is worse than a hard near-miss.
const ORDINARY_BUDGET: f64 = 0.0005;
/// Ordinary KAP journal lines the model may add in the inner folds.
const KAP_BUDGET: f64 = 0.003;
/// Sets written by writers who never saw the rules, each measured alone.
const FRESH: &[&str] = &["dev6", "dev7", "dev8", "setc", "dev9"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The writer group a set belongs to: the first author's sets are one.
fn group(set: &str) -> String {
    if FRESH.contains(&set) {
        set.to_string()
    } else if set == "ordinary" {
        "ordinary".to_string()
    } else {
        "author".to_string()
    }
}

/// The settings, or others for trying (SAFETY_MODEL_SETTINGS="epochs,rate,l2,min_docs,risk_weight,ordinary_weight[,kap_weight]";
/// `write` always uses the shipped ones).
fn settings() -> Settings {
    let Ok(v) = std::env::var("SAFETY_MODEL_SETTINGS") else {
        return SETTINGS;
    };
    let f: Vec<f64> = v.split(',').filter_map(|x| x.parse().ok()).collect();
    let (e, r, l2, md, rw, ow, kw) = match f.as_slice() {
        [e, r, l2, md, rw, ow] => (e, r, l2, md, rw, ow, &SETTINGS.kap_weight),
        [e, r, l2, md, rw, ow, kw] => (e, r, l2, md, rw, ow, kw),
        _ => return SETTINGS,
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Settings {
        epochs: *e as usize,
        rate: *r,
        l2: *l2,
        min_docs: *md as usize,
        risk_weight: *rw,
        ordinary_weight: *ow,
        kap_weight: *kw,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = model::training_data(&root());
    match args.first().map(String::as_str) {
        Some("cv") => cv(&data),
        Some("write") => write(&data),
        Some("measure") => measure(&args[1..]),
        Some("scan") => scan(),
        Some("quiet") => quiet(),
        Some("kap-cv") => kap_cv(&data),
        Some("kap-held-out") => {
            for l in model::ordinary_kap(&root(), true) {
                println!("{l}");
            }
        }
        _ => {
            eprintln!("usage: safety_model (cv | write | measure (risk|near) FILE ... | scan | quiet | kap-cv | kap-held-out)");
            std::process::exit(2);
        }
    }
}

struct Scored {
    risk: bool,
    ordinary: bool,
    kap: bool,
    rules: bool,
    score: f64,
}

/// Thresholds picked on held-out inner folds: (model alone, rules or model).
fn pick(scored: &[Scored]) -> (f64, f64) {
    let near: Vec<&Scored> = scored.iter().filter(|s| !s.risk && !s.ordinary).collect();
    let ord: Vec<&Scored> = scored.iter().filter(|s| s.ordinary && !s.kap).collect();
    let kap: Vec<&Scored> = scored.iter().filter(|s| s.kap).collect();
    // What the model adds on ordinary text the rules leave quiet.
    let added = |v: &[&Scored], t: f64| {
        v.iter().filter(|s| s.score >= t && !s.rules).count() as f64 / v.len().max(1) as f64
    };
    let rate = |v: &[&Scored], t: f64, with_rules: bool| {
        v.iter()
            .filter(|s| s.score >= t && !(with_rules && s.rules))
            .count() as f64
            / v.len().max(1) as f64
    };
    let mut cands: Vec<f64> = scored
        .iter()
        .map(|s| s.score)
        .filter(|s| s.is_finite())
        .collect();
    cands.sort_by(f64::total_cmp);
    cands.dedup();
    let find = |with_rules: bool| {
        cands
            .iter()
            .copied()
            .find(|&t| {
                rate(&near, t, with_rules) <= NEAR_BUDGET
                    && added(&ord, t) <= ORDINARY_BUDGET
                    && added(&kap, t) <= KAP_BUDGET
            })
            .unwrap_or(f64::INFINITY)
    };
    (find(false), find(true))
}

/// Scores held-out texts with a model trained on the rest.
fn held_out(train_on: &[Labelled], test: &[Labelled]) -> Vec<Scored> {
    let m = train(train_on, settings()).model(0.0);
    test.iter().map(|l| score(&m, l)).collect()
}

fn score(m: &Model, l: &Labelled) -> Scored {
    Scored {
        risk: l.risk,
        ordinary: l.set == "ordinary",
        kap: l.category == "kap",
        rules: assess_rules(&l.text).is_some(),
        score: m.score(&l.text),
    }
}

/// Inner folds over `data`: each writer group held out in turn, with a
/// slice of the ordinary texts; returns the thresholds they pick.
fn inner_thresholds(data: &[Labelled]) -> (f64, f64) {
    let mut groups: Vec<String> = data
        .iter()
        .map(|l| group(&l.set))
        .filter(|g| g != "ordinary")
        .collect();
    groups.sort();
    groups.dedup();
    let k = groups.len();
    let mut all = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let mut ord_i = 0usize;
        let (mut tr, mut te) = (Vec::new(), Vec::new());
        for l in data {
            let out = if l.set == "ordinary" {
                ord_i += 1;
                ord_i % k == gi
            } else {
                group(&l.set) == *g
            };
            if out {
                te.push(l.clone());
            } else {
                tr.push(l.clone());
            }
        }
        all.extend(held_out(&tr, &te));
    }
    pick(&all)
}

fn rate(v: &[&Scored], f: impl Fn(&Scored) -> bool) -> (usize, usize) {
    (v.iter().filter(|s| f(s)).count(), v.len())
}

fn pct((a, b): (usize, usize)) -> String {
    format!("{a}/{b} {:.1}%", 100.0 * a as f64 / b.max(1) as f64)
}

fn cv(data: &[Labelled]) {
    println!("leave-one-writer-out (settings {:?}, near budget {NEAR_BUDGET}, ordinary budget {ORDINARY_BUDGET}, KAP budget {KAP_BUDGET})", settings());
    println!("| set | rules recall | rules near | model recall | model near | both recall | both near | thresholds |");
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    let mut pooled: Vec<(Scored, f64, f64)> = Vec::new();
    for x in FRESH {
        if !data.iter().any(|l| l.set == *x) {
            continue;
        }
        let tr: Vec<Labelled> = data.iter().filter(|l| l.set != *x).cloned().collect();
        let te: Vec<Labelled> = data.iter().filter(|l| l.set == *x).cloned().collect();
        let (t_model, t_both) = inner_thresholds(&tr);
        let scored = held_out(&tr, &te);
        let risk: Vec<&Scored> = scored.iter().filter(|s| s.risk).collect();
        let near: Vec<&Scored> = scored.iter().filter(|s| !s.risk).collect();
        println!(
            "| {x} | {} | {} | {} | {} | {} | {} | {t_model:.2} / {t_both:.2} |",
            pct(rate(&risk, |s| s.rules)),
            pct(rate(&near, |s| s.rules)),
            pct(rate(&risk, |s| s.score >= t_model)),
            pct(rate(&near, |s| s.score >= t_model)),
            pct(rate(&risk, |s| s.rules || s.score >= t_both)),
            pct(rate(&near, |s| s.rules || s.score >= t_both)),
        );
        if std::env::var_os("SAFETY_MODEL_VERBOSE").is_some() {
            for (l, s) in te.iter().zip(&scored) {
                let both = s.rules || s.score >= t_both;
                if both != l.risk {
                    println!(
                        "    {} [{}] {:.2} {}",
                        if l.risk { "missed" } else { "raised" },
                        l.category,
                        s.score,
                        l.text.replace('\n', " / ")
                    );
                }
            }
        }
        pooled.extend(scored.into_iter().map(|s| (s, t_model, t_both)));
    }
    let risk: Vec<&(Scored, f64, f64)> = pooled.iter().filter(|s| s.0.risk).collect();
    let near: Vec<&(Scored, f64, f64)> = pooled.iter().filter(|s| !s.0.risk).collect();
    let r = |v: &[&(Scored, f64, f64)], f: &dyn Fn(&(Scored, f64, f64)) -> bool| {
        (v.iter().filter(|s| f(s)).count(), v.len())
    };
    println!(
        "| all fresh | {} | {} | {} | {} | {} | {} | |",
        pct(r(&risk, &|s| s.0.rules)),
        pct(r(&near, &|s| s.0.rules)),
        pct(r(&risk, &|s| s.0.score >= s.1)),
        pct(r(&near, &|s| s.0.score >= s.1)),
        pct(r(&risk, &|s| s.0.rules || s.0.score >= s.2)),
        pct(r(&near, &|s| s.0.rules || s.0.score >= s.2)),
    );
    // The price of a stricter threshold: both, with the inner folds'
    // threshold raised by a fixed margin.
    for margin in [0.5, 1.0, 1.5, 2.0] {
        println!(
            "| all fresh, threshold +{margin} | | | | | {} | {} | |",
            pct(r(&risk, &|s| s.0.rules || s.0.score >= s.2 + margin)),
            pct(r(&near, &|s| s.0.rules || s.0.score >= s.2 + margin)),
        );
    }
}

/// Ordinary KAP lines, cross-validated: each fifth of `ordinary-kap.txt`
/// (by line number) is left out of training in turn, the threshold picked
/// on inner folds without it, and the lines the model adds to the rules'
/// counted. The fifth that `write` never trains on is one of the five.
fn kap_cv(data: &[Labelled]) {
    let raw = std::fs::read_to_string(root().join("tests/fixtures/safety/ordinary-kap.txt"))
        .expect("ordinary-kap.txt");
    let lines: Vec<&str> = raw
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    let rest: Vec<Labelled> = data
        .iter()
        .filter(|l| l.category != "kap")
        .cloned()
        .collect();
    let (mut rules, mut added) = (0usize, 0usize);
    for fold in 0..5 {
        let mut tr = rest.clone();
        let mut te = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let lab = Labelled {
                text: (*l).to_string(),
                risk: false,
                set: "ordinary".to_string(),
                category: "kap".to_string(),
            };
            if i % 5 == fold {
                te.push(lab);
            } else {
                tr.push(lab);
            }
        }
        let (_, t_both) = inner_thresholds(&tr);
        for (l, s) in te.iter().zip(held_out(&tr, &te)) {
            rules += usize::from(s.rules);
            if !s.rules && s.score >= t_both {
                added += 1;
                println!(
                    "fold {fold} threshold {t_both:.2} model {:.2}\t{}",
                    s.score, l.text
                );
            }
        }
    }
    println!(
        "# {} KAP lines, five folds: rules {rules}, model adds {added} ({:.2}%)",
        lines.len(),
        100.0 * added as f64 / lines.len().max(1) as f64
    );
}

fn write(data: &[Labelled]) {
    let (t_model, t_both) = inner_thresholds(data);
    let trained = train(data, SETTINGS);
    let sets: std::collections::BTreeSet<&str> = data.iter().map(|l| l.set.as_str()).collect();
    let header = format!(
        "kapj safety note, learned layer: logistic regression weights (src/care/safety/model.rs).\n\
         Written by `cargo run --release --example safety_model -- write`; do not edit by hand.\n\
         Trained on {} texts: {}; inputs {}.\n\
         Ordinary text: a sample of GoEmotions (Apache-2.0, Google Research) and four in five lines of ordinary-kap.txt, see tests/fixtures/safety/README.md.\n\
         threshold: rules or model, picked on inner leave-one-writer-out folds (model alone would be {t_model:.3}).",
        data.len(),
        sets.into_iter().collect::<Vec<_>>().join(", "),
        model::inputs_fingerprint(data)
    );
    let text = trained.to_text(t_both, &header);
    let path = root().join("src/care/safety/model.txt");
    std::fs::write(&path, &text).expect("writable weights file");
    println!(
        "wrote {} ({} features, {} bytes), threshold {t_both:.3} (model alone {t_model:.3})",
        path.display(),
        text.lines().count() - 7,
        text.len()
    );
}

fn measure(args: &[String]) {
    let m = model::model();
    for pair in args.chunks(2) {
        let [kind, path] = pair else {
            eprintln!("usage: safety_model measure (risk|near) FILE ...");
            std::process::exit(2);
        };
        let risk = kind == "risk";
        let raw = std::fs::read_to_string(path).expect("a readable tsv file");
        let texts = read_tsv(&raw, risk, "measured");
        let mut by: BTreeMap<String, [usize; 4]> = BTreeMap::new();
        let mut wrong = Vec::new();
        for l in &texts {
            let rules = assess_rules(&l.text).is_some();
            let s = m.score(&l.text);
            let model = s >= m.threshold;
            let e = by.entry(l.category.clone()).or_default();
            e[0] += usize::from(rules);
            e[1] += usize::from(model);
            e[2] += usize::from(rules || model);
            e[3] += 1;
            if (rules || model) != risk {
                wrong.push(format!(
                    "  [{}] {s:.2} {}",
                    l.category,
                    l.text.replace('\n', "\\n")
                ));
            }
        }
        println!("{path} ({kind}): rules / model / both");
        let mut tot = [0usize; 4];
        for (cat, c) in &by {
            println!(
                "  {cat:<14} {:>4} {:>4} {:>4} of {}",
                c[0], c[1], c[2], c[3]
            );
            for i in 0..4 {
                tot[i] += c[i];
            }
        }
        let p = |a: usize| 100.0 * a as f64 / tot[3].max(1) as f64;
        println!(
            "  {:<14} {} ({:.1}%) / {} ({:.1}%) / {} ({:.1}%) of {}",
            "all",
            tot[0],
            p(tot[0]),
            tot[1],
            p(tot[1]),
            tot[2],
            p(tot[2]),
            tot[3]
        );
        println!("{}", if risk { "missed by both:" } else { "raised:" });
        for w in &wrong {
            println!("{w}");
        }
    }
}

fn scan() {
    let m = model::model();
    let (mut n, mut rules, mut model_only, mut both) = (0usize, 0usize, 0usize, 0usize);
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        n += 1;
        // A line the rules cannot read is counted and shown, not fatal.
        let Ok(r) = std::panic::catch_unwind(|| assess_rules(&line).is_some()) else {
            println!("rules panicked\t{line}");
            continue;
        };
        let s = m.score(&line);
        let md = s >= m.threshold;
        rules += usize::from(r);
        both += usize::from(r || md);
        if md && !r {
            model_only += 1;
            println!("model {s:.2}\t{line}");
        }
    }
    let p = |a: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "# {n} lines: rules {rules} ({:.2}%), model adds {model_only}, both {both} ({:.2}%)",
        p(rules),
        p(both)
    );
}

/// Prints the lines of standard input the rules leave quiet (for making
/// the ordinary sample: a comment that raises the note may be real).
fn quiet() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if assess_rules(&line).is_none() {
            println!("{line}");
        }
    }
}

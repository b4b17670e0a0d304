//! How long the safety detector takes on a long entry (issue 14: under 2 ms
//! on 5,000 words). Run with the optimised build:
//!
//!     cargo run --release --example safety_bench
//!
//! By default the entry is built from the near-miss development set, the
//! hardest text there is for it: every sentence is full of dying, killing,
//! cutting and pills, so nearly every rule runs in full. With a kapj journal
//! JSON file as argument (for example one written by `bench/run
//! --generate-only`), the entry is built from that journal's answers instead:
//! ordinary journal prose. Either way it is cut at 5,000 words, with one risk
//! sentence at the end so the whole text is read.
//!
//!     cargo run --release --example safety_bench -- /tmp/journals/journal-10000.json

use std::time::{Duration, Instant};

use kapj::care::safety::{assess, assess_rules, model};

fn main() {
    let near = include_str!("../tests/fixtures/safety/dev-near.tsv");
    let journal: Option<Vec<String>> = std::env::args().nth(1).map(|path| {
        let text = std::fs::read_to_string(&path).expect("a readable journal file");
        let doc: serde_json::Value = serde_json::from_str(&text).expect("kapj journal JSON");
        doc["entries"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|e| e["answers"].as_array().into_iter().flatten())
            .filter_map(|a| a["text"].as_str().map(str::to_string))
            .take(2_000)
            .collect()
    });
    let source = if journal.is_some() {
        "journal prose"
    } else {
        "near-miss sentences"
    };
    let prose: Vec<&str> = match &journal {
        Some(answers) => answers.iter().map(String::as_str).collect(),
        None => near
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t').map(|(_, t)| t))
            .collect(),
    };
    let mut entry = String::new();
    let mut words = 0;
    'fill: loop {
        for p in &prose {
            entry.push_str(p);
            entry.push(' ');
            words += p.split_whitespace().count();
            if words >= 4_990 {
                break 'fill;
            }
        }
    }
    // An entry of only the texts that raise nothing alone: nothing is found
    // sentence by sentence, so the entry-level reading (round eight) runs
    // over every sentence as well.
    let mut quiet = String::new();
    let mut quiet_words = 0;
    'quiet: loop {
        for p in prose.iter().filter(|p| assess(p).is_none()) {
            quiet.push_str(p);
            quiet.push(' ');
            quiet_words += p.split_whitespace().count();
            if quiet_words >= 5_000 {
                break 'quiet;
            }
        }
    }
    entry.push_str("I keep thinking about taking all my pills.");
    let words = entry.split_whitespace().count();
    assert!(assess(&entry).is_some());
    println!("safety detector on a {words}-word entry of {source}, 200 runs:");
    time(&entry);
    println!(
        "a {quiet_words}-word entry of the {source} that raise nothing alone ({}):",
        if assess(&quiet).is_some() {
            "raises the note as a whole"
        } else {
            "raises nothing"
        }
    );
    time(&quiet);
}

/// Times the detector on one entry, whole and in parts (the rules, the
/// learned layer, the normaliser they share), and prints CPU and wall-clock
/// medians.
fn time(entry: &str) {
    let runs: [(&str, &Run); 4] = [
        ("rules and model", &|e| {
            std::hint::black_box(assess(e));
        }),
        ("rules alone", &|e| {
            std::hint::black_box(assess_rules(e));
        }),
        ("model alone", &|e| {
            std::hint::black_box(model::model().score(e));
        }),
        ("words alone", &|e| {
            std::hint::black_box(model::sentence_count(e));
        }),
    ];
    for (name, run) in runs {
        // Warm up (the lexicon table and the weights are read on first
        // use), then time.
        for _ in 0..20 {
            run(std::hint::black_box(entry));
        }
        // Wall time suffers from whatever else the machine runs; the
        // thread's own CPU time is what the detector costs.
        let mut wall: Vec<Duration> = Vec::new();
        let mut cpu: Vec<Duration> = Vec::new();
        for _ in 0..200 {
            let (t, c) = (Instant::now(), thread_cpu());
            run(std::hint::black_box(entry));
            cpu.push(thread_cpu() - c);
            wall.push(t.elapsed());
        }
        wall.sort();
        cpu.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "  {name:<16} CPU time: median {:.3} ms, p95 {:.3} ms, min {:.3} ms; wall: median {:.3} ms, min {:.3} ms",
            ms(cpu[100]),
            ms(cpu[190]),
            ms(cpu[0]),
            ms(wall[100]),
            ms(wall[0])
        );
    }
}

type Run = dyn Fn(&str);

/// CPU time used by this thread so far.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into memory we own.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &raw mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

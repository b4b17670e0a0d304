//! How long the safety detector takes on a long entry (issue 14: under 2 ms
//! on 5,000 words). Run with the optimised build:
//!
//!     cargo run --release --example safety_bench
//!
//! The entry is ordinary journal prose from the near-miss development set
//! (so every rule's cheap checks run and most of its cancelling context is
//! exercised), repeated to 5,000 words, with one risk sentence at the end so
//! the whole text is read.

use std::time::{Duration, Instant};

use kapj::care::safety::assess;

fn main() {
    let near = include_str!("../tests/fixtures/safety/dev-near.tsv");
    let prose: Vec<&str> = near
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, t)| t))
        .collect();
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
    entry.push_str("I keep thinking about taking all my pills.");
    let words = entry.split_whitespace().count();
    assert!(assess(&entry).is_some());

    // Warm up (the lexicon table is built on first use), then time.
    for _ in 0..20 {
        std::hint::black_box(assess(std::hint::black_box(&entry)));
    }
    let mut times: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(assess(std::hint::black_box(&entry)));
            t.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "safety detector on a {words}-word entry: median {:.3} ms, p95 {:.3} ms, max {:.3} ms (200 runs)",
        ms(times[100]),
        ms(times[190]),
        ms(times[199])
    );
}

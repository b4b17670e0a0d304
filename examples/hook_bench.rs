//! The work `kapj hook` does inside kapj at a prompt (issue 17: under 1 ms),
//! without the cost of starting a process: read the due file and the stamp,
//! decide. Run with the optimised build:
//!
//!     cargo run --release --example hook_bench
//!
//! Two cases: the usual prompt (a line was shown a moment ago, so the stamp
//! holds the next one back) and a prompt with nothing due. `bench/hook`
//! runs this and times the whole command and a shell's prompt.

use std::time::Instant;

use kapj::due_file::{self, Row};

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path();
    let now: i64 = 1_795_424_400 + 6 * 3600;
    let t = now - 30 * 3600;
    let h = 3600;
    let row = |from: i64, until: Option<i64>, phase: &str, closes: Option<i64>| Row {
        from: Some(from),
        until,
        stage: phase.into(),
        write: Some(phase.into()),
        opens: Some(from),
        closes,
    };
    let rows = vec![
        row(t, Some(t + 24 * h), "reflection", Some(t + 24 * h)),
        row(t + 24 * h, Some(t + 72 * h), "meaning", Some(t + 72 * h)),
        row(t + 72 * h, None, "embodiment", None),
    ];
    std::fs::write(home.join(due_file::FILE), due_file::render(&rows)).unwrap();
    let every = 4 * 3600;
    assert!(
        due_file::hook(home, now, every).is_some(),
        "the first prompt shows the line"
    );

    const N: u32 = 20_000;
    let mut times = Vec::with_capacity(N as usize);
    for _ in 0..N {
        let start = Instant::now();
        let line = due_file::hook(home, now, every);
        times.push(start.elapsed());
        assert!(line.is_none());
    }
    report("held back by the stamp (the usual prompt)", &mut times);

    let empty = tempfile::tempdir().expect("temp dir");
    times.clear();
    for _ in 0..N {
        let start = Instant::now();
        let line = due_file::hook(empty.path(), now, every);
        times.push(start.elapsed());
        assert!(line.is_none());
    }
    report("no due file (no journal yet)", &mut times);
}

fn report(what: &str, times: &mut [std::time::Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e6;
    println!(
        "kapj hook work, {what}: median {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

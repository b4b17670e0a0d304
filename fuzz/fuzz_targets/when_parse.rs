//! The date parser, on a fixed clock: any input gives a When or help text,
//! and every When gives its instant, start and end without a panic.
#![no_main]

use chrono::DateTime;
use kapj::clock::Clock;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let now = DateTime::parse_from_rfc3339("2026-11-22T21:00:00+01:00").expect("fixed now");
    let clock = Clock::fixed(now);
    if let Ok(w) = kapj::when::parse(text, &clock) {
        let _ = w.at(&clock);
        let _ = w.start(&clock);
        let _ = w.end(&clock);
    }
});

//! The import parser must answer every input with a Doc or a sentence, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = kapj::journal::parse(text);
    }
});

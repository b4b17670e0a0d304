//! The end-to-end tests, one module per area, compiled into one test binary
//! (`cargo test --test it`; one area: `cargo test --test it writing::`).
//! One binary links kapj's test dependencies once instead of once per file,
//! and the shared helpers in `common` are compiled once.

mod common;
mod durability_support;

mod backup;
mod care;
mod core;
mod drafts;
mod durability;
mod durability_upgrade;
mod edit;
mod export;
mod first_run;
mod first_week;
mod guided;
mod import_stream;
mod newcomer;
mod pickers;
mod review;
mod safety_detector;
mod safety_note;
mod settings;
mod smoke;
mod themes;
mod width;
mod writing;

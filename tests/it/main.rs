//! The end-to-end tests, one module per area, compiled into one test binary
//! (`cargo test --test it`; one area: `cargo test --test it writing::`).
//! One binary links kapj's test dependencies once instead of once per file,
//! and the shared helpers in `common` are compiled once.

mod common;
mod durability_support;

mod actions_own;
mod backup;
mod care;
mod core;
mod decision_detector;
mod decision_ids;
mod decisions;
mod drafts;
mod durability;
mod durability_upgrade;
mod edit;
mod export;
mod export_parts;
mod first_run;
mod first_week;
mod guided;
mod import_fast;
mod import_other;
mod import_stream;
mod man_page;
mod narrow;
mod newcomer;
mod nudge;
mod pager;
mod pickers;
mod readme;
mod reminders;
mod review;
mod safety_detector;
mod safety_model;
mod safety_note;
mod settings;
mod smoke;
mod status_notices;
mod templates_own;
mod themes;
mod trigram_index;
mod width;
mod writing;

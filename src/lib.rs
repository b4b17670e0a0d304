//! kapj as a library: the binary in `main.rs` is a thin shell around
//! [`cmd::run`]; fuzz targets and benchmarks reach the parsers through here.

pub mod app;
pub mod atomic_file;
pub mod backup;
pub mod care;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod decision_note;
pub mod domain;
pub mod drafts;
pub mod due_file;
pub mod editor;
pub mod error;
pub mod export;
pub mod feelings_picker;
pub mod foreign;
pub mod journal;
pub mod on_this_day;
pub mod pager;
pub mod reminders;
pub mod render;
pub mod review;
pub mod safety_note;
pub mod settings;
pub mod store;
pub mod templates;
pub mod term_text;
pub mod text;
pub mod textbox;
pub mod themes;
pub mod when;

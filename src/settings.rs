//! The few things a person can switch off, in one place (`kapj settings`).
//!
//! Each setting is on or off, lives in the journal's `meta` table (so it is
//! encrypted with the journal and travels nowhere else), and has a default
//! that is right for most people. New settings are added to [`SETTINGS`]:
//! the command, its help and its checks all come from that list.

use anyhow::Result;

use crate::error::user_hint;
use crate::store::Store;

/// One setting: its name as typed, what it does, and its default.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    pub key: &'static str,
    pub about: &'static str,
    pub default: bool,
}

/// Every setting kapj knows.
pub const SETTINGS: &[Setting] = &[
    Setting {
        key: "notes.decisions",
        about: "a calm line after an entry that weighs a big decision in the days after a session",
        default: true,
    },
    Setting {
        key: "notes.uneven_sessions",
        about: "a calm sentence in status and review when a session was quieter or harder than the one before",
        default: true,
    },
    Setting {
        key: "status.on_this_day",
        about: "status shows the first line of an entry from a month, three months or a year ago",
        default: true,
    },
];

/// Where a setting's value is kept in `meta`.
fn meta_key(key: &str) -> String {
    format!("setting.{key}")
}

/// The setting with this name, or one sentence listing the names there are.
pub fn find(key: &str) -> Result<&'static Setting> {
    let wanted = key.trim().to_lowercase();
    SETTINGS.iter().find(|s| s.key == wanted).ok_or_else(|| {
        let names: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
        user_hint(
            format!("\"{}\" is not a setting.", key.trim()),
            format!("The settings are: {}.", names.join(", ")),
        )
    })
}

/// Reads `on`/`off` and the usual spellings of yes and no.
pub fn parse_value(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Some(true),
        "off" | "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// How a value is shown.
pub fn show_value(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}

/// Whether a setting is on: the stored choice, else its default. A value
/// that cannot be read (written by hand, say) counts as the default.
pub fn enabled(store: &Store, key: &str) -> Result<bool> {
    let setting = find(key)?;
    Ok(store
        .meta_get(&meta_key(setting.key))?
        .as_deref()
        .and_then(parse_value)
        .unwrap_or(setting.default))
}

/// Whether the person chose this value, rather than leaving the default.
pub fn is_chosen(store: &Store, setting: &Setting) -> Result<bool> {
    Ok(store.meta_get(&meta_key(setting.key))?.is_some())
}

pub fn set(store: &Store, setting: &Setting, on: bool) -> Result<()> {
    store.meta_set(&meta_key(setting.key), show_value(on))
}

pub fn reset(store: &Store, setting: &Setting) -> Result<()> {
    store.meta_remove(&meta_key(setting.key))
}

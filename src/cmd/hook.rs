//! `kapj hook`: the prompt hook's check (see `init`). It runs at every
//! prompt, so it does as little as it can: it reads the due file and the
//! stamp, and prints at most one line to standard error. It never opens the
//! journal, never prints an error (a prompt is no place for one) and always
//! succeeds.
//!
//! `main` calls [`fast`] before anything else (no command line parser, no
//! panic hook), which answers the forms the printed hook uses; anything
//! else goes through clap to [`run`].

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::app::App;
use crate::cli::HookArgs;
use crate::due_file;

const DEFAULT_EVERY_SECS: i64 = 4 * 3600;

fn every_secs(every: Option<&str>) -> i64 {
    every
        .and_then(due_file::parse_every)
        .filter(|s| *s > 0)
        .unwrap_or(DEFAULT_EVERY_SECS)
}

fn say(line: Option<String>) {
    if let Some(line) = line {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

/// Through clap (`kapj hook` in a form [`fast`] did not take).
pub fn run(app: &mut App, a: HookArgs) -> Result<()> {
    let now = app.clock.now().timestamp();
    say(due_file::hook(
        &app.home,
        now,
        every_secs(a.every.as_deref()),
    ));
    Ok(())
}

/// `kapj [--home DIR] hook [--every D]`, answered without starting the rest
/// of kapj. `None` when the arguments are anything else.
pub fn fast(args: impl IntoIterator<Item = OsString>) -> Option<()> {
    let mut args = args.into_iter().skip(1);
    let mut home: Option<PathBuf> = None;
    let mut first = args.next()?;
    if first == "--home" {
        home = Some(args.next()?.into());
        first = args.next()?;
    } else if let Some(h) = first.to_str().and_then(|s| s.strip_prefix("--home=")) {
        home = Some(h.into());
        first = args.next()?;
    }
    if first != "hook" {
        return None;
    }
    let mut every: Option<String> = None;
    match args.next() {
        None => {}
        Some(a) if a == "--every" => every = Some(args.next()?.into_string().ok()?),
        Some(a) => every = Some(a.to_str()?.strip_prefix("--every=")?.to_string()),
    }
    if args.next().is_some() {
        return None;
    }
    let home = home.or_else(|| {
        std::env::var_os("KAPJ_HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
    });
    let Some(home) = home.or_else(|| crate::app::default_home().ok()) else {
        return Some(());
    };
    if let Some(now) = now() {
        say(due_file::hook(
            Path::new(&home),
            now,
            every_secs(every.as_deref()),
        ));
    }
    Some(())
}

/// Unix seconds: `KAPJ_NOW` when set (tests), else the system clock. A
/// `KAPJ_NOW` that does not read is no time at all: the hook stays quiet.
fn now() -> Option<i64> {
    match std::env::var("KAPJ_NOW") {
        Ok(v) if !v.trim().is_empty() => chrono::DateTime::parse_from_rfc3339(v.trim())
            .ok()
            .map(|t| t.timestamp()),
        _ => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| i64::try_from(d.as_secs()).ok()),
    }
}

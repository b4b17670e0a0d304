//! `kapj notify`: a desktop notification when something is due, shown once
//! for each part of the window. `kapj remind system` installs a timer that
//! runs it; it can also be run by hand.
//!
//! Like the prompt hook it reads only the due file, never the journal, and
//! the notification says only "Journal check-in": a notification shows on
//! a lock screen and may be mirrored to a phone, so it names no phase, no
//! session and nothing written.
//!
//! It shows the notification with `notify-send` (libnotify) on Linux and
//! `osascript` on macOS. The `notify-rust` crate would do it in-process, but
//! it reaches D-Bus through zbus, which pulls in socket2 and a TCP transport:
//! kapj keeps no network code at all (ci/no-network refuses socket2).

use std::process::Command;

use anyhow::Result;

use crate::app::App;
use crate::due_file;
use crate::error::{user, user_hint};

pub const TITLE: &str = "Journal check-in";
pub const BODY: &str = "A few quiet minutes for your journal, when you are ready.";

pub fn run(app: &mut App) -> Result<()> {
    let now = app.clock.now().timestamp();
    let rows = due_file::read(&app.home);
    let Some(row) = due_file::due_at(&rows, now) else {
        app.line("Nothing is due now; no notification.");
        return Ok(());
    };
    // One notification for each part of the window: the span's start and
    // phase name it.
    let key = format!(
        "{}:{}",
        row.from.map_or_else(|| "-".to_string(), |f| f.to_string()),
        row.write.as_deref().unwrap_or("-")
    );
    if due_file::read_stamp(&app.home, due_file::NOTIFY_STAMP).as_deref() == Some(key.as_str()) {
        app.line("A notification was shown already for what is due now.");
        return Ok(());
    }
    show()?;
    due_file::write_stamp(&app.home, due_file::NOTIFY_STAMP, &key)?;
    app.line(format!("Shown: {TITLE}."));
    Ok(())
}

/// The command that shows a notification on this system.
fn command() -> (Command, &'static str) {
    if cfg!(target_os = "macos") {
        let mut c = Command::new("osascript");
        c.arg("-e").arg(format!(
            "display notification \"{BODY}\" with title \"{TITLE}\""
        ));
        (c, "osascript")
    } else {
        let mut c = Command::new("notify-send");
        c.args(["--app-name=kapj", TITLE, BODY]);
        (c, "notify-send")
    }
}

fn show() -> Result<()> {
    let (mut c, name) = command();
    match c.output() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(_) => Err(user(format!(
            "{name} could not show the notification; is a desktop session running?"
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(user_hint(
            format!("kapj notify needs {name}, which is not installed."),
            "On Debian or Ubuntu: sudo apt install libnotify-bin",
        )),
        Err(e) => Err(user(format!(
            "{name} could not be started: {}.",
            crate::store::plain_io(&e)
        ))),
    }
}

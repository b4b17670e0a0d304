//! `kapj remind system [--remove]`: a per-user timer that runs `kapj notify`
//! (a systemd user timer on Linux, a LaunchAgent on macOS). Installed only
//! when this command is run, and taken out again with `--remove`.
//!
//! The timer runs hourly in the day (09:00 to 21:00); `kapj notify` shows a
//! notification only when something is due, once for each part of the
//! window. `Persistent=true` catches up on a run missed while the machine
//! was off. KAPJ_NO_SYSTEMCTL=1 writes or removes the files without asking
//! systemctl or launchctl to load them (tests, or to load them by hand).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

use crate::app::App;
use crate::atomic_file;
use crate::cli::RemindSystemArgs;
use crate::error::{user, user_hint};

const UNIT: &str = "kapj-notify";
const AGENT: &str = "org.kapj.notify";
/// The hours of the day the timer runs at.
const FIRST_HOUR: u32 = 9;
const LAST_HOUR: u32 = 21;

pub fn run(app: &mut App, a: RemindSystemArgs) -> Result<()> {
    let exe = std::env::current_exe()
        .map_err(|_| user("kapj could not tell where its own program file is."))?;
    let manage = std::env::var_os("KAPJ_NO_SYSTEMCTL").is_none_or(|v| v.is_empty());
    if cfg!(target_os = "macos") {
        launch_agent(app, &exe, a.remove, manage)
    } else {
        systemd(app, &exe, a.remove, manage)
    }
}

fn config_dir() -> Result<PathBuf> {
    directories::BaseDirs::new()
        .map(|d| d.config_dir().to_path_buf())
        .ok_or_else(|| user("kapj could not find your configuration folder; set HOME."))
}

/// A word for a systemd command line: double-quoted, with `\`, `"`, `%`
/// (specifiers) and `$` (variables) kept literal.
fn systemd_word(s: &str) -> String {
    let s = s
        .replace('\\', r"\\")
        .replace('"', "\\\"")
        .replace('%', "%%")
        .replace('$', "$$");
    format!("\"{s}\"")
}

pub fn service_unit(exe: &Path, home: &Path) -> String {
    format!(
        "# Written by `kapj remind system`; `kapj remind system --remove` takes it out.\n\
         [Unit]\n\
         Description=Journal check-in\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={} --home {} notify\n",
        systemd_word(&exe.to_string_lossy()),
        systemd_word(&home.to_string_lossy())
    )
}

pub fn timer_unit() -> String {
    format!(
        "# Written by `kapj remind system`; `kapj remind system --remove` takes it out.\n\
         [Unit]\n\
         Description=Journal check-in\n\
         \n\
         [Timer]\n\
         OnCalendar=*-*-* {FIRST_HOUR:02}..{LAST_HOUR:02}:00:00\n\
         Persistent=true\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n"
    )
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| could_not(path, &e))?;
    }
    atomic_file::write(path, text.as_bytes()).map_err(|e| could_not(path, &e))
}

fn could_not(path: &Path, e: &std::io::Error) -> anyhow::Error {
    user(format!(
        "Could not write {}: {}.",
        path.display(),
        crate::store::plain_io(e)
    ))
}

/// Runs systemctl/launchctl; `false` when it could not be run or failed.
fn ask(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn systemd(app: &mut App, exe: &Path, remove: bool, manage: bool) -> Result<()> {
    let dir = config_dir()?.join("systemd").join("user");
    let service = dir.join(format!("{UNIT}.service"));
    let timer = dir.join(format!("{UNIT}.timer"));
    let timer_name = format!("{UNIT}.timer");
    if remove {
        if !service.exists() && !timer.exists() {
            app.line("There is no kapj timer to remove.");
            return Ok(());
        }
        if manage {
            ask("systemctl", &["--user", "disable", "--now", &timer_name]);
        }
        for f in [&timer, &service] {
            match std::fs::remove_file(f) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(user(format!(
                        "Could not remove {}: {}.",
                        f.display(),
                        crate::store::plain_io(&e)
                    )))
                }
            }
        }
        if manage {
            ask("systemctl", &["--user", "daemon-reload"]);
        }
        app.line(format!(
            "The kapj timer is removed ({} and {}).",
            timer.display(),
            service.display()
        ));
        return Ok(());
    }
    write_file(&service, &service_unit(exe, &app.home))?;
    write_file(&timer, &timer_unit())?;
    app.line(format!(
        "Wrote {} and {}.",
        timer.display(),
        service.display()
    ));
    let started = manage
        && ask("systemctl", &["--user", "daemon-reload"])
        && ask("systemctl", &["--user", "enable", "--now", &timer_name]);
    if started {
        app.line(format!(
            "The timer runs `kapj notify` hourly from {FIRST_HOUR:02}:00 to {LAST_HOUR:02}:00; a notification shows only when something is due."
        ));
    } else {
        app.line(format!(
            "To start it: systemctl --user daemon-reload && systemctl --user enable --now {timer_name}"
        ));
    }
    if !on_path("notify-send") {
        app.line("kapj notify shows notifications with notify-send, which is not installed (Debian and Ubuntu: apt install libnotify-bin).");
    }
    app.line("To take it out again: kapj remind system --remove");
    Ok(())
}

/// Whether a program of this name is on PATH.
fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn plist(exe: &Path, home: &Path) -> String {
    let hours: String = (FIRST_HOUR..=LAST_HOUR)
        .map(|h| {
            format!(
                "    <dict><key>Hour</key><integer>{h}</integer><key>Minute</key><integer>0</integer></dict>\n"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <!-- Written by `kapj remind system`; `kapj remind system --remove` takes it out. -->\n\
         <plist version=\"1.0\">\n\
         <dict>\n\
         \x20 <key>Label</key><string>{AGENT}</string>\n\
         \x20 <key>ProgramArguments</key>\n\
         \x20 <array>\n\
         \x20   <string>{}</string>\n\
         \x20   <string>--home</string>\n\
         \x20   <string>{}</string>\n\
         \x20   <string>notify</string>\n\
         \x20 </array>\n\
         \x20 <key>StartCalendarInterval</key>\n\
         \x20 <array>\n{hours}\
         \x20 </array>\n\
         </dict>\n\
         </plist>\n",
        xml(&exe.to_string_lossy()),
        xml(&home.to_string_lossy())
    )
}

fn launch_agent(app: &mut App, exe: &Path, remove: bool, manage: bool) -> Result<()> {
    let home_dir = directories::BaseDirs::new()
        .map(|d| d.home_dir().to_path_buf())
        .ok_or_else(|| user_hint("kapj could not find your home folder.", "Set HOME."))?;
    let path = home_dir
        .join("Library")
        .join("LaunchAgents")
        .join(format!("{AGENT}.plist"));
    let p = path.to_string_lossy().into_owned();
    if remove {
        if !path.exists() {
            app.line("There is no kapj notification agent to remove.");
            return Ok(());
        }
        if manage {
            ask("launchctl", &["unload", "-w", &p]);
        }
        std::fs::remove_file(&path).map_err(|e| {
            user(format!(
                "Could not remove {}: {}.",
                path.display(),
                crate::store::plain_io(&e)
            ))
        })?;
        app.line(format!("The kapj notification agent is removed ({p})."));
        return Ok(());
    }
    write_file(&path, &plist(exe, &app.home))?;
    app.line(format!("Wrote {p}."));
    if !(manage && ask("launchctl", &["load", "-w", &p])) {
        app.line(format!("To start it: launchctl load -w {p}"));
    }
    app.line("To take it out again: kapj remind system --remove");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systemd_words_keep_their_characters() {
        assert_eq!(systemd_word(r#"/a b/%h$x"q\"#), r#""/a b/%%h$$x\"q\\""#);
    }

    #[test]
    fn the_agent_escapes_its_paths() {
        let p = plist(Path::new("/bin/kapj"), Path::new("/x/<&>"));
        assert!(p.contains("<string>/x/&lt;&amp;&gt;</string>"), "{p}");
        assert_eq!(p.matches("<key>Hour</key>").count(), 13);
    }
}

//! `kapj backup [DIR] [--auto DIR|off] [--keep N]`: a checked copy of the
//! journal now, and the automatic daily one (see `crate::backup`).

use anyhow::Result;

use crate::app::App;
use crate::backup::{self, Config};
use crate::cli::BackupArgs;
use crate::error::user_hint;
use crate::render;

pub fn run(app: &mut App, a: &BackupArgs) -> Result<()> {
    let mut config = Config::load(&app.home);
    let before = config.clone();
    if let Some(k) = a.keep {
        config.keep = Some(k as usize);
    }
    let auto_off = a.auto.as_deref().is_some_and(|p| p.as_os_str() == "off");
    match &a.auto {
        Some(_) if auto_off => config.auto_dir = None,
        Some(dir) => config.auto_dir = Some(backup::absolute(dir)),
        None => {}
    }
    if auto_off && a.dir.is_none() {
        config.save(&app.home)?;
        if before.auto_dir.is_some() {
            app.line("Automatic backups are off. The backups already written stay where they are.");
        } else {
            app.line("Automatic backups were already off.");
        }
        return Ok(());
    }
    if !app.journal_exists() {
        return Err(user_hint(
            format!(
                "There is no journal to back up yet in {}.",
                app.home.display()
            ),
            "Write an entry first; `kapj write` starts one.",
        ));
    }
    let dir = match (&a.dir, &a.auto) {
        (Some(d), _) => backup::absolute(d),
        (None, _) => config.folder(&app.home),
    };
    let now = app.clock.now();
    let keep = config.keep();
    let store = app.store()?;
    let encrypted = store.encrypted;
    let done = backup::write_into(&dir, now, keep, |p| store.copy_to(p))?;
    // Settings change only once the folder has taken a backup.
    config.last_at = Some(now);
    config.last_path = Some(done.path.clone());
    config.save(&app.home)?;
    app.line(format!(
        "Backed up {} to {}{}.",
        render::count(done.check.entries as usize, "entry", "entries"),
        done.path.display(),
        if encrypted {
            " (encrypted with your passphrase)"
        } else {
            ""
        }
    ));
    let kept = render::count(keep, "backup is", "backups are");
    if a.auto.is_some() && !auto_off {
        app.para(format!(
            "From now on kapj keeps a copy there once a day, after you write; the last {keep} are kept. `kapj backup --auto off` stops it."
        ));
    } else if done.removed > 0 {
        app.para(format!(
            "The last {kept} kept there; {} let go.",
            render::count(done.removed, "older one was", "older ones were")
        ));
    }
    Ok(())
}

//! `kapj restore FILE`: brings back a backup in place of the journal.
//!
//! The file is checked first (a kapj journal this kapj can read, opened
//! with the passphrase, passing `quick_check`); then the journal as it is
//! is kept as a backup; then the backup's content replaces the journal's in
//! one SQLite transaction. A wrong or damaged file changes nothing.

use std::path::Path;

use anyhow::Result;

use crate::app::{passphrase, App};
use crate::backup::{self, Config};
use crate::error::user_hint;
use crate::render;
use crate::store::{self, backup::check_file, FileKind, Store};

pub fn run(app: &mut App, file: &Path) -> Result<()> {
    let file = backup::absolute(file);
    let db = app.db_path();
    if let (Ok(a), Ok(b)) = (file.canonicalize(), db.canonicalize()) {
        if a == b {
            return Err(user_hint(
                format!(
                    "{} is the journal itself. Nothing was changed.",
                    file.display()
                ),
                "Name a backup file, such as one `kapj backup` wrote.",
            ));
        }
    }
    let exists = app.journal_exists();
    let (encrypted, journal_key) = if exists {
        let s = app.store()?;
        (
            s.encrypted,
            s.passphrase()
                .map(|k| zeroize::Zeroizing::new(k.to_owned())),
        )
    } else {
        (false, None)
    };
    // The backup of an encrypted journal opens with its passphrase: the
    // journal's, or (for a plain journal) asked for.
    let file_key = match store::file_kind(&file)? {
        FileKind::Opaque => match &journal_key {
            Some(k) => Some(k.clone()),
            None => Some(passphrase(&file, false)?),
        },
        _ => None,
    };
    let check = check_file(&file, file_key.as_deref().map(String::as_str))?;
    let now = app.clock.now();
    let mut kept = None;
    if exists {
        let config = Config::load(&app.home);
        let folder = config.folder(&app.home);
        let store = app.store()?;
        // Nothing is written to the journal between its backup and the
        // restore: other windows wait.
        let lock = store.lock_writers()?;
        let done =
            backup::write_into(&folder, now, config.keep(), |p| store.copy_to(p)).map_err(|e| {
                match e.downcast::<crate::error::UserError>() {
                    Ok(u) => user_hint(
                        format!(
                            "kapj keeps the journal as a backup before a restore. {}",
                            u.message
                        ),
                        u.hint.unwrap_or_default(),
                    ),
                    Err(e) => e,
                }
            })?;
        drop(lock);
        let _ = Config::note(&app.home, &done, now);
        kept = Some(done.path);
    }
    let src_key = file_key.as_deref().map(String::as_str);
    if exists {
        app.store()?.replace_with(&file, src_key)?;
    } else {
        // A new journal, encrypted with the backup's passphrase if it is.
        crate::app::ensure_home(&app.home)?;
        Store::open(&db, src_key)?.replace_with(&file, src_key)?;
    }
    // Opened again: a backup from an older kapj is upgraded now, and the
    // journal is checked as any journal changed behind kapj's back.
    app.close_store();
    app.offer_passphrase = false;
    app.store()?;
    app.line(format!(
        "Restored {} from {}.",
        render::count(check.entries as usize, "entry", "entries"),
        file.display()
    ));
    if let Some(p) = kept {
        app.line(format!("The journal as it was is kept in {}.", p.display()));
    }
    if encrypted {
        app.line("The journal keeps your passphrase.");
    } else if file_key.is_some() {
        app.line("The backup was encrypted; the journal stays as it was, not encrypted. `kapj encrypt` protects it.");
    }
    Ok(())
}

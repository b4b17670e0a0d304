//! `kapj encrypt` / `kapj decrypt`: convert the journal safely. The new file
//! is written beside the old one, verified, then swapped in with a rename, so
//! the journal is never left half converted.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::app::{passphrase, App};
use crate::error::user;
use crate::store::{restrict_permissions, Store};

pub fn encrypt(app: &mut App) -> Result<()> {
    let encrypted = app.store()?.encrypted;
    if encrypted {
        return Err(user("The journal is already encrypted."));
    }
    let pass = passphrase(&app.db_path(), true)?;
    convert(app, Some(&pass))?;
    app.line("Your journal is now encrypted. kapj will ask for the passphrase each time (or read KAPJ_PASSPHRASE_FILE).");
    app.line("If the passphrase is lost, the journal cannot be opened: keep it somewhere safe.");
    Ok(())
}

pub fn decrypt(app: &mut App) -> Result<()> {
    let encrypted = app.store()?.encrypted;
    if !encrypted {
        return Err(user("The journal is not encrypted."));
    }
    convert(app, None)?;
    app.line("The passphrase is removed; the journal is a plain SQLite file again, readable by your user only.");
    Ok(())
}

fn convert(app: &mut App, new_key: Option<&str>) -> Result<()> {
    let path = app.db_path();
    let tmp = sibling(&path, "converting");
    let _ = std::fs::remove_file(&tmp);
    let (entries, version) = {
        let store = app.store()?;
        let entries = store.count_entries()?;
        let version = store.schema_version()?;
        store.export_copy(&tmp, new_key.unwrap_or(""), version)?;
        (entries, version)
    };
    app.close_store();
    // Verify the copy opens with the new key and holds every entry.
    let check = Store::open(&tmp, new_key).and_then(|s| {
        let ok = s.count_entries()? == entries && s.schema_version()? == version;
        s.checkpoint()?;
        Ok(ok)
    });
    match check {
        Ok(true) => {}
        _ => {
            remove_with_sidecars(&tmp);
            anyhow::bail!("the converted copy did not verify");
        }
    }
    remove_sidecars(&tmp);
    restrict_permissions(&tmp);
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, &path)?;
    // The old WAL was checkpointed into the old file before copying; its
    // sidecars must not be applied to the new file.
    remove_sidecars(&path);
    if let Some(dir) = path.parent() {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}.{suffix}", path.display()))
}

fn remove_sidecars(path: &Path) {
    for s in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{s}", path.display()));
    }
}

fn remove_with_sidecars(path: &Path) {
    let _ = std::fs::remove_file(path);
    remove_sidecars(path);
}

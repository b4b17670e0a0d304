//! `kapj encrypt` / `kapj decrypt`: convert the journal safely. The new file
//! is written beside the old one, verified, then swapped in with a rename, so
//! the journal is never left half converted.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::app::{passphrase, App};
use crate::atomic_file;
use crate::drafts::{self, DraftKey};
use crate::error::user;
use crate::store::{restrict_permissions, Store};

pub fn encrypt(app: &mut App) -> Result<()> {
    let encrypted = app.store()?.encrypted;
    if encrypted {
        return Err(user("The journal is already encrypted."));
    }
    let pass = passphrase(&app.db_path(), true)?;
    let key = DraftKey::generate()?;
    convert(app, Some(&pass), Some(&key))?;
    // Drafts kept so far were plain, like the journal: seal them too.
    drafts::reseal_all(&app.home, None, Some(&key))?;
    app.line("Your journal is now encrypted. kapj will ask for the passphrase each time (or read KAPJ_PASSPHRASE_FILE).");
    app.line("If the passphrase is lost, the journal cannot be opened: keep it somewhere safe.");
    Ok(())
}

pub fn decrypt(app: &mut App) -> Result<()> {
    let encrypted = app.store()?.encrypted;
    if !encrypted {
        return Err(user("The journal is not encrypted."));
    }
    let key = app.drafts_key()?;
    convert(app, None, None)?;
    // A plain journal keeps plain drafts: unseal them so they stay readable.
    drafts::reseal_all(&app.home, key.as_ref(), None)?;
    app.line("The passphrase is removed; the journal is a plain SQLite file again, readable by your user only.");
    Ok(())
}

/// `drafts_key`: for an encrypted copy, the key its drafts will be sealed
/// with, written into the copy before it is swapped in.
fn convert(app: &mut App, new_key: Option<&str>, drafts_key: Option<&DraftKey>) -> Result<()> {
    let path = app.db_path();
    let tmp = sibling(&path, "converting");
    // A copy left by a conversion that was stopped is only ever a copy.
    remove_with_sidecars(&tmp);
    let result = convert_locked(app, &path, &tmp, new_key, drafts_key);
    if result.is_err() {
        remove_with_sidecars(&tmp);
    }
    app.close_store();
    result
}

/// Copies, verifies and swaps in the new file while holding the journal's
/// write lock, so an entry saved in another window lands either in the old
/// file before the copy is made, or (after waiting) is refused by the new
/// file check in the store's commit hook: never in a file being thrown away.
fn convert_locked(
    app: &mut App,
    path: &Path,
    tmp: &Path,
    new_key: Option<&str>,
    drafts_key: Option<&DraftKey>,
) -> Result<()> {
    let store = app.store()?;
    let lock = store.lock_writers()?;
    let entries = store.count_entries()?;
    let version = store.schema_version()?;
    store.export_copy(tmp, new_key.unwrap_or(""), version)?;
    // Verify the copy opens with the new key and holds every entry.
    let check = Store::open(tmp, new_key).and_then(|s| {
        if let Some(k) = drafts_key {
            s.set_drafts_key(k)?;
        }
        let ok = s.count_entries()? == entries && s.schema_version()? == version;
        s.checkpoint()?;
        Ok(ok)
    });
    if !matches!(check, Ok(true)) {
        anyhow::bail!("the converted copy did not verify");
    }
    // The verifying connection is closed: its WAL was folded in and removed.
    remove_sidecars(tmp);
    restrict_permissions(tmp);
    atomic_file::replace(tmp, path)?;
    // The old WAL and SHM belong to the old file (still open here, by
    // descriptor); under these names they must never meet the new one,
    // not even after a crash.
    remove_sidecars(path);
    atomic_file::sync_folder(path);
    lock.release_replaced();
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

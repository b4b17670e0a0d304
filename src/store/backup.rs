//! Copies of the journal: written with SQLite's online backup API from one
//! read snapshot (so other kapj processes go on writing meanwhile), with the
//! journal's own key (an encrypted journal gives an encrypted copy), and
//! checked before they count as a backup. Naming, keeping the last N and
//! where they go are in `crate::backup`; the SQL is here.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{Connection, OpenFlags};

use super::{highest_migration, plain_io, Store, APPLICATION_ID, BUSY_TIMEOUT};
use crate::error::user_hint;

/// What a checked copy holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyCheck {
    pub entries: i64,
    pub version: i64,
}

impl Store {
    /// Writes a consistent copy of the journal to `dest` (a new file) and
    /// checks it; returns what it holds. On failure `dest` is removed.
    pub fn copy_to(&self, dest: &Path) -> Result<CopyCheck> {
        copy_connection(&self.conn, self.key.as_deref().map(String::as_str), dest)
    }

    /// Whether this command changed anything in the journal (an automatic
    /// backup follows a write, not a read).
    pub fn wrote_anything(&self) -> bool {
        self.conn.total_changes() > 0
    }
}

impl Store {
    /// Replaces the whole journal with the kapj journal at `src` (opened
    /// with `src_key`), in one transaction through the journal's own
    /// connection: other kapj processes, and a crash, see the journal
    /// before or after, never between. The journal keeps its own key. Check
    /// `src` with [`check_file`] first. Returns the entries it now holds.
    pub fn replace_with(&mut self, src: &Path, src_key: Option<&str>) -> Result<i64> {
        let src_encrypted = super::file_kind(src)? == super::FileKind::Opaque;
        let own = self.key.clone();
        let same_key = match (&own, src_encrypted) {
            (None, false) => true,
            (Some(k), true) => src_key == Some(k.as_str()),
            _ => false,
        };
        // The backup API copies pages only between files with the same key:
        // a copy under another key (or none) is first re-encrypted with the
        // journal's, beside it.
        let converted = PathBuf::from(format!("{}.restoring", self.path.display()));
        remove_with_sidecars(&converted);
        let result = (|| -> Result<i64> {
            let from = if same_key {
                open_checked_source(src, src_key)?
            } else {
                let plain = open_source_to_convert(src, src_key)?;
                let version: i64 = plain.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                plain.execute(
                    "ATTACH DATABASE ?1 AS converted KEY ?2",
                    rusqlite::params![
                        converted.to_string_lossy(),
                        own.as_deref().map_or("", String::as_str)
                    ],
                )?;
                plain.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
                plain.pragma_update(Some("converted"), "user_version", version)?;
                plain.pragma_update(Some("converted"), "application_id", APPLICATION_ID)?;
                plain.execute_batch("DETACH DATABASE converted;")?;
                drop(plain);
                open_checked_source(&converted, own.as_deref().map(String::as_str))?
            };
            {
                let b = rusqlite::backup::Backup::new(&from, &mut self.conn)?;
                match b.step(-1)? {
                    rusqlite::backup::StepResult::Done => {}
                    other => anyhow::bail!("the restore did not finish ({other:?})"),
                }
            }
            Ok(self
                .conn
                .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?)
        })();
        remove_with_sidecars(&converted);
        result
    }
}

/// The source read-only (by its URI), on a connection that can still
/// attach and write the converted copy.
fn open_source_to_convert(src: &Path, key: Option<&str>) -> Result<Connection> {
    let mut uri = String::from("file:");
    for c in src.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?mode=ro");
    let conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    if let (Some(k), Ok(super::FileKind::Opaque)) = (key, super::file_kind(src)) {
        conn.pragma_update(None, "key", k)?;
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn open_checked_source(src: &Path, key: Option<&str>) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        src,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    if let (Some(k), Ok(super::FileKind::Opaque)) = (key, super::file_kind(src)) {
        conn.pragma_update(None, "key", k)?;
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// The copy itself, from any open connection to a kapj journal (the store's,
/// or the raw one `Store::open` has before it migrates).
pub(super) fn copy_connection(
    src: &Connection,
    key: Option<&str>,
    dest: &Path,
) -> Result<CopyCheck> {
    let result = copy_and_check(src, key, dest);
    if result.is_err() {
        remove_with_sidecars(dest);
    }
    result
}

fn copy_and_check(src: &Connection, key: Option<&str>, dest: &Path) -> Result<CopyCheck> {
    // One read transaction: the entry count and the pages copied come from
    // the same snapshot, whatever other processes commit meanwhile (in WAL
    // mode they are not held up by it).
    src.execute_batch("BEGIN DEFERRED")?;
    let copied = (|| -> Result<i64> {
        let entries: i64 = src.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?;
        let mut to = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
        .map_err(|e| unwritable(dest, &e))?;
        to.pragma_update(None, "cipher_log_level", "NONE")?;
        if let Some(k) = key {
            to.pragma_update(None, "key", k)?;
        }
        {
            let b = rusqlite::backup::Backup::new(src, &mut to)?;
            // All pages in one step: a step-wise copy restarts whenever
            // another process commits, and could chase a busy journal.
            match b.step(-1).map_err(|e| unwritable(dest, &e))? {
                rusqlite::backup::StepResult::Done => {}
                other => anyhow::bail!("the backup did not finish ({other:?})"),
            }
        }
        // The copy is a rollback-journal file: complete in itself, with no
        // WAL beside it to lose when it is copied or synced elsewhere.
        let _: String = to.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))?;
        to.close().map_err(|(_, e)| e)?;
        Ok(entries)
    })();
    let _ = src.execute_batch("COMMIT");
    let entries = copied?;
    let check = check_file(dest, key)?;
    if check.entries != entries {
        anyhow::bail!(
            "the copy holds {} entries, the journal {entries}",
            check.entries
        );
    }
    let f = std::fs::File::open(dest)?;
    f.sync_all()?;
    Ok(check)
}

/// Checks that `path` is a kapj journal this kapj can read, opened with
/// `key`, passing `quick_check`; reads it without changing it.
pub fn check_file(path: &Path, key: Option<&str>) -> Result<CopyCheck> {
    let bad = |why: &str| {
        user_hint(
            format!("{} {why}. Nothing was changed.", path.display()),
            "Choose another backup file.",
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        user_hint(
            format!("Could not read {}: {}.", path.display(), plain_io(&e)),
            "Check the path; nothing was changed.",
        )
    })?;
    if !meta.is_file() {
        return Err(bad("is not a file"));
    }
    let kind = super::file_kind(path)?;
    match (&kind, key) {
        (super::FileKind::Empty | super::FileKind::Missing, _) => {
            return Err(bad("is empty, not a kapj journal"))
        }
        (super::FileKind::Opaque, None) => {
            return Err(bad(
                "is not a kapj journal (or is encrypted, and the journal is not)",
            ))
        }
        _ => {}
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| bad("cannot be opened"))?;
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    // A plain copy of a plain journal is read plainly, even when a key is at hand.
    if let (Some(k), super::FileKind::Opaque) = (key, &kind) {
        conn.pragma_update(None, "key", k)?;
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|_| {
            if kind == super::FileKind::Opaque {
                bad("does not open with this passphrase, or is not a kapj journal")
            } else {
                bad("is not a kapj journal, or is damaged")
            }
        })?;
    if app != APPLICATION_ID {
        return Err(bad("is not a kapj journal"));
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > highest_migration() {
        return Err(bad("was written by a newer kapj"));
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .unwrap_or_default();
    if verdict != "ok" {
        return Err(bad("is damaged"));
    }
    let entries: i64 = conn
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .map_err(|_| bad("is not a kapj journal, or is damaged"))?;
    Ok(CopyCheck { entries, version })
}

fn unwritable(dest: &Path, e: &rusqlite::Error) -> anyhow::Error {
    let folder = dest.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let why = match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DiskFull => {
            "the disk is full".to_string()
        }
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::ReadOnly
                    | rusqlite::ErrorCode::PermissionDenied
            ) =>
        {
            "it cannot be written".to_string()
        }
        other => other.to_string(),
    };
    user_hint(
        format!(
            "Could not write a backup to {}: {why}. Nothing was changed.",
            folder.display()
        ),
        "Choose a folder you can write to.",
    )
}

pub(crate) fn remove_with_sidecars(path: &Path) {
    let _ = std::fs::remove_file(path);
    for s in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{s}", path.display()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal(dir: &Path, name: &str, key: Option<&str>, n: usize) -> Store {
        let s = Store::open(&dir.join(name), key).unwrap();
        for i in 0..n {
            s.conn
                .execute(
                    "INSERT INTO entries(uuid, phase, at, at_ts) VALUES (?1, 'free', '2026-11-20T10:00:00+01:00', 0)",
                    [format!("u{i}")],
                )
                .unwrap();
        }
        s
    }

    #[test]
    fn a_copy_of_an_encrypted_journal_is_encrypted_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let s = journal(dir.path(), "secret.db", Some("pass"), 7);
        let dest = dir.path().join("copy.db");
        let c = s.copy_to(&dest).unwrap();
        assert_eq!(c.entries, 7);
        let head = std::fs::read(&dest).unwrap();
        assert!(
            !head.starts_with(b"SQLite format 3"),
            "the copy is encrypted"
        );
        assert_eq!(check_file(&dest, Some("pass")).unwrap().entries, 7);
        assert!(check_file(&dest, Some("wrong")).is_err());
        assert!(check_file(&dest, None).is_err());
    }

    #[test]
    fn a_restore_keeps_the_journals_own_key_whatever_the_copys() {
        let dir = tempfile::tempdir().unwrap();
        let plain = journal(dir.path(), "plain.db", None, 3);
        let other = journal(dir.path(), "other.db", Some("other"), 5);
        let plain_copy = dir.path().join("plain-copy.db");
        let other_copy = dir.path().join("other-copy.db");
        plain.copy_to(&plain_copy).unwrap();
        other.copy_to(&other_copy).unwrap();
        let mut secret = journal(dir.path(), "secret.db", Some("pass"), 7);
        assert_eq!(secret.replace_with(&plain_copy, None).unwrap(), 3);
        assert_eq!(secret.replace_with(&other_copy, Some("other")).unwrap(), 5);
        drop(secret);
        let again = Store::open(&dir.path().join("secret.db"), Some("pass")).unwrap();
        assert_eq!(again.count_entries().unwrap(), 5);
        let mut plain = plain;
        assert_eq!(plain.replace_with(&other_copy, Some("other")).unwrap(), 5);
        drop(plain);
        assert!(std::fs::read(dir.path().join("plain.db"))
            .unwrap()
            .starts_with(b"SQLite format 3\0"));
        let again = Store::open(&dir.path().join("plain.db"), None).unwrap();
        assert_eq!(again.count_entries().unwrap(), 5);
    }

    #[test]
    fn a_copy_of_a_plain_journal_is_plain() {
        let dir = tempfile::tempdir().unwrap();
        let s = journal(dir.path(), "plain.db", None, 3);
        let dest = dir.path().join("copy.db");
        assert_eq!(s.copy_to(&dest).unwrap().entries, 3);
        assert!(std::fs::read(&dest)
            .unwrap()
            .starts_with(b"SQLite format 3\0"));
        assert!(!dir.path().join("copy.db-wal").exists());
    }
}

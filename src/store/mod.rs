//! The journal store: one SQLite file. All SQL in kapj lives under this module.
//!
//! Opening is careful: a file that is not a kapj journal, is damaged, or was
//! written by a newer kapj is refused before anything is written to it.

mod entries;
mod import;
mod misc;
mod sessions;

use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::error::{user, user_hint};

pub use entries::{EntryExtras, SearchHit};
pub use import::ImportCounts;

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// `PRAGMA application_id` of a kapj journal: "kapj" in ASCII.
pub const APPLICATION_ID: i32 = 0x6b61_706a;
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

pub const DB_FILE: &str = "kapj.db";

pub struct Store {
    pub conn: Connection,
    pub path: PathBuf,
    pub encrypted: bool,
    pub created: bool,
}

/// What kind of file sits at the journal path, judged from its first bytes only.
#[derive(Debug, PartialEq, Eq)]
pub enum FileKind {
    Missing,
    Empty,
    PlainSqlite,
    /// Not plain SQLite: an encrypted journal, or something else entirely.
    Opaque,
}

pub fn file_kind(path: &Path) -> Result<FileKind> {
    let mut f = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Missing),
        Err(e) => {
            return Err(user_hint(
                format!("Could not open {}: {}.", path.display(), plain_io(&e)),
                "Check that the file is yours and readable.",
            ))
        }
    };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(match n {
        0 => FileKind::Empty,
        16 if &head == SQLITE_HEADER => FileKind::PlainSqlite,
        _ => FileKind::Opaque,
    })
}

pub fn plain_io(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s.to_lowercase(),
    }
}

impl Store {
    /// Opens (or creates) the journal at `path`, keyed with `passphrase` when given.
    pub fn open(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        let kind = file_kind(path)?;
        let created = matches!(kind, FileKind::Missing | FileKind::Empty);
        if kind == FileKind::Opaque && passphrase.is_none() {
            return Err(needs_passphrase(path));
        }
        if kind == FileKind::PlainSqlite && passphrase.is_some() && !created {
            // A plain journal with a passphrase supplied: open it plainly.
            return Store::open(path, None);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, &e))?;
        if let Some(p) = passphrase {
            crate::quiet::stderr_silenced(|| conn.pragma_update(None, "key", p))
                .map_err(|e| open_error(path, &e))?;
        }
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            encrypted: passphrase.is_some(),
            created,
        };
        store.check_identity(kind)?;
        store.configure()?;
        store.migrate()?;
        restrict_permissions(path);
        Ok(store)
    }

    /// Refuses foreign, damaged and future files before anything is written.
    fn check_identity(&self, kind: FileKind) -> Result<()> {
        let probe = crate::quiet::stderr_silenced(|| {
            let app: i32 = self
                .conn
                .query_row("PRAGMA application_id", [], |r| r.get(0))?;
            let version: i64 = self
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let tables: i64 =
                self.conn
                    .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            Ok::<_, rusqlite::Error>((app, version, tables))
        });
        let (app, version, tables) = match probe {
            Ok(v) => v,
            Err(e) if kind == FileKind::Opaque && is_not_a_database(&e) => {
                return Err(user_hint(
                    format!(
                        "The passphrase does not open {}, or the file is not a kapj journal. Nothing was changed.",
                        self.path.display()
                    ),
                    "Check the passphrase (KAPJ_PASSPHRASE_FILE or the prompt) and try again.",
                ))
            }
            Err(e) => return Err(open_error(&self.path, &e)),
        };
        if app != APPLICATION_ID && !(app == 0 && tables == 0) {
            return Err(user_hint(
                format!(
                    "{} is an SQLite database of another program, not a kapj journal. kapj left it untouched.",
                    self.path.display()
                ),
                "Point kapj at another folder with --home or KAPJ_HOME.",
            ));
        }
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(user_hint(
                format!(
                    "This journal was written by a newer kapj (schema {version}; this kapj knows up to {known}). kapj left it untouched."
                ),
                "Install the newer kapj to open it.",
            ));
        }
        Ok(())
    }

    fn configure(&self) -> Result<()> {
        let c = &self.conn;
        // temp_store=MEMORY keeps sorts and indexes of plaintext out of temp files.
        c.pragma_update(None, "temp_store", "MEMORY")?;
        let mode: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            anyhow::bail!("could not switch to WAL (got {mode})");
        }
        // FULL: a word the user saw saved survives a power cut too.
        c.pragma_update(None, "synchronous", "FULL")?;
        c.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    /// Applies each numbered migration in its own transaction, recording it in
    /// `user_version`. Re-reads the version inside the transaction so two
    /// processes opening a new journal at once do not both migrate.
    fn migrate(&self) -> Result<()> {
        for (i, (name, sql)) in MIGRATIONS.iter().enumerate() {
            let target = i as i64 + 1;
            let current: i64 = self
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if current >= target {
                continue;
            }
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if current >= target {
                continue;
            }
            tx.execute_batch(sql)
                .with_context(|| format!("migration {name}"))?;
            tx.pragma_update(None, "user_version", target)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.commit()?;
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn meta_get(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn meta_set(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// The database and its WAL/SHM files are the user's alone, whatever the umask.
pub fn restrict_permissions(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            let _ = fs::set_permissions(&p, fs::Permissions::from_mode(0o600));
        }
    }
}

fn needs_passphrase(path: &Path) -> anyhow::Error {
    user_hint(
        format!(
            "{} is encrypted, or is not a kapj journal.",
            path.display()
        ),
        "Run kapj in a terminal to be asked for the passphrase, or set KAPJ_PASSPHRASE_FILE to a file holding it.",
    )
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase)
}

/// Turns SQLite's failures on open into a sentence a user can act on.
pub fn open_error(path: &Path, e: &rusqlite::Error) -> anyhow::Error {
    use rusqlite::ErrorCode as C;
    let code = match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    };
    match code {
        Some(C::NotADatabase) => user_hint(
            format!(
                "{} is not a kapj journal, or it is damaged. kapj left it untouched.",
                path.display()
            ),
            "Point kapj at another folder with --home or KAPJ_HOME, or restore the file from a backup.",
        ),
        Some(C::DatabaseCorrupt) => user_hint(
            format!("{} is damaged. kapj left it untouched.", path.display()),
            "Restore it from a backup (kapj export --format json makes one).",
        ),
        Some(C::CannotOpen) | Some(C::PermissionDenied) | Some(C::ReadOnly) => user_hint(
            format!("Could not open {} for writing.", path.display()),
            "Check that the folder and the file belong to you.",
        ),
        Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => user(
            "The journal is busy in another kapj window. Try again in a moment.",
        ),
        _ => anyhow::anyhow!("opening the journal failed: {e}"),
    }
}

/// Parses a stored RFC 3339 time; stored values were written by kapj itself.
pub(crate) fn parse_time(s: &str) -> rusqlite::Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Store {
    /// Writes a full copy of the journal to `dest`, encrypted with `key`
    /// (an empty key writes a plain file). Used by encrypt and decrypt.
    pub fn export_copy(&self, dest: &Path, key: &str, version: i64) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.conn.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            rusqlite::params![dest.to_string_lossy(), key],
        )?;
        let result = (|| -> Result<()> {
            self.conn
                .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
            self.conn
                .pragma_update(Some("converted"), "user_version", version)?;
            self.conn
                .pragma_update(Some("converted"), "application_id", APPLICATION_ID)?;
            Ok(())
        })();
        self.conn.execute_batch("DETACH DATABASE converted;")?;
        result
    }

    /// Folds the WAL into the main file, so the file alone holds everything.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }
}

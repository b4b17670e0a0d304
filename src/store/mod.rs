//! The journal store: one SQLite file. All SQL in kapj lives under this module.
//!
//! Opening is careful: a file that is not a kapj journal, is damaged, or was
//! written by a newer kapj is refused before anything is written to it.

pub mod backup;
mod decisions;
mod entries;
mod filter;
mod foreign;
mod import;
mod misc;
mod sessions;
mod terms;
mod theme_choices;

use std::fs;
use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use zeroize::Zeroizing;

use crate::error::{user, user_hint};

pub use entries::{EntryExtras, SearchHit};
pub use foreign::{
    new_entry as foreign_new_entry, plan_without_journal, ForeignCounts, STARRED_TAG,
};
pub use import::ImportCounts;
pub use terms::{IndexedTerm, Occurrence};
pub use theme_choices::{Choice, MergedTheme, NamedTheme, ResetCounts, ThemeChoices};

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// How long a command waits for another kapj window's write to finish.
pub(crate) const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// `PRAGMA application_id` of a kapj journal: "kapj" in ASCII.
pub const APPLICATION_ID: i32 = 0x6b61_706a;
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

pub const DB_FILE: &str = "kapj.db";

/// The GLOB pattern an answer's text matches when it holds a character
/// that search looks for as a substring (see `cmd::search::substring_char`,
/// of which this is a superset): only such answers are in the trigram index
/// (migrations/14, whose triggers spell the same pattern). Imports use the
/// faster `store::import::in_trigram_index`, tested to agree with it.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const TRIGRAM_GLOB: &str = "'*[' || char(0x0E00) || '-' || char(0x0EFF) || char(0x1000) || '-' || char(0x109F) || char(0x1100) || '-' || char(0x11FF) || char(0x1780) || '-' || char(0x17FF) || char(0x200D) || char(0x20E3) || char(0x2100) || '-' || char(0x10FFFF) || ']*'";

/// The `meta` row holding the key that seals drafts of an encrypted journal.
const DRAFTS_KEY: &str = "drafts_key";

pub struct Store {
    /// Private: SQL stays in the store, behind methods that say what they do.
    conn: Connection,
    pub path: PathBuf,
    pub encrypted: bool,
    pub created: bool,
    /// The passphrase, kept only so `lock_writers` can open a second connection.
    key: Option<Zeroizing<String>>,
    /// Which file the connection opened (the commit hook holds a copy).
    file: FileId,
    /// Where opening kept a copy of the journal before upgrading its schema.
    pub upgrade_backup: Option<PathBuf>,
}

/// The journal file a connection opened, by device and inode. `kapj encrypt`
/// and `kapj decrypt` swap a new file in under the same name; a connection to
/// the old file must then neither commit nor, on close, delete the new
/// file's WAL and SHM (which SQLite finds by name).
#[derive(Clone)]
struct FileId {
    path: PathBuf,
    dev: u64,
    ino: u64,
}

impl FileId {
    fn of(path: &Path) -> FileId {
        let (dev, ino) = fs::metadata(path)
            .map(|m| (m.dev(), m.ino()))
            .unwrap_or((0, 0));
        FileId {
            path: path.to_path_buf(),
            dev,
            ino,
        }
    }

    fn still_there(&self) -> bool {
        fs::metadata(&self.path).is_ok_and(|m| m.dev() == self.dev && m.ino() == self.ino)
    }
}

/// Extended result code of a commit refused by the commit hook.
pub const COMMIT_REFUSED: std::ffi::c_int = rusqlite::ffi::SQLITE_CONSTRAINT_COMMITHOOK;

/// A scan that reads one table whole maps the file (`themes show`): SQLite
/// otherwise copies every page it reads out of the OS cache. Only there:
/// mapped pages count as the process's memory (an export of 100k entries
/// read through the map peaked at 250 MB instead of 70 MB).
const MMAP_SIZE: i64 = 1 << 30;

impl Store {
    /// Whether the file at the journal's path is still the one this store opened
    /// (encrypt or decrypt in another window replaces it).
    pub fn is_current_file(&self) -> bool {
        self.file.still_there()
    }

    /// Maps up to `bytes` of the file for reading (0: none): a read of
    /// most of a journal (export) then finds its pages in place instead of
    /// copying each out of the OS cache. Mapped pages count as the
    /// process's memory, hence the bound (and see [`MMAP_SIZE`]). SQLCipher
    /// never maps an encrypted journal, whatever is asked.
    pub fn map_file(&self, bytes: i64) -> Result<()> {
        self.conn
            .pragma_update(None, "mmap_size", bytes.min(MMAP_SIZE))?;
        Ok(())
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        if !self.file.still_there() {
            keep_wal_on_close(&self.conn);
        }
    }
}

/// Where kapj notes the size, inode and modification time of the journal
/// as it left it.
fn seal_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.sealed", db.display()))
}

fn fingerprint(db: &Path) -> Option<String> {
    let m = fs::metadata(db).ok()?;
    Some(format!(
        "{} {} {} {}",
        m.len(),
        m.ino(),
        m.mtime(),
        m.mtime_nsec()
    ))
}

/// Whether the journal is exactly as kapj last closed it.
fn sealed(db: &Path) -> bool {
    match (fs::read_to_string(seal_path(db)), fingerprint(db)) {
        (Ok(seal), Some(now)) => seal.trim() == now,
        _ => false,
    }
}

/// Notes the journal's fingerprint once its last connection has closed, so
/// the next open can skip the full integrity check.
pub fn seal(db: &Path) {
    if let Some(f) = fingerprint(db) {
        let _ = fs::write(seal_path(db), f);
        let _ = fs::set_permissions(seal_path(db), fs::Permissions::from_mode(0o600));
    }
}

/// Tells SQLite not to delete the WAL and SHM by name when this connection
/// closes: those names may belong to a newer file by now.
fn keep_wal_on_close(conn: &Connection) {
    let mut on: std::ffi::c_int = 1;
    // Why unsafe remains: rusqlite has no safe wrapper for
    // sqlite3_file_control.
    // SAFETY: a documented file-control call on a live connection handle;
    // `on` outlives the call, which only reads it.
    unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&raw mut on).cast::<std::ffi::c_void>(),
        );
    }
}

/// A second connection holding the journal's write lock (see `Store::lock_writers`).
pub struct WriterLock {
    conn: Connection,
}

impl WriterLock {
    /// Releases the lock on a file that has just been replaced: closes
    /// without touching the WAL and SHM names, which now belong to the new file.
    pub fn release_replaced(self) {
        keep_wal_on_close(&self.conn);
        let _ = self.conn.execute_batch("ROLLBACK");
    }
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

/// What the 100-byte header of a plain SQLite file says, read without SQLite.
struct Header {
    page_size: u64,
    user_version: u32,
    application_id: u32,
}

fn read_header(path: &Path) -> Option<Header> {
    let mut f = fs::File::open(path).ok()?;
    let mut h = [0u8; 100];
    f.read_exact(&mut h).ok()?;
    let be32 = |i: usize| u32::from_be_bytes([h[i], h[i + 1], h[i + 2], h[i + 3]]);
    let page_size = match u16::from_be_bytes([h[16], h[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    Some(Header {
        page_size,
        user_version: be32(60),
        application_id: be32(68),
    })
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

impl Store {
    /// Opens (or creates) the journal at `path`, keyed with `passphrase` when given.
    ///
    /// Nothing is written to an existing file until it is known to be a kapj
    /// journal this kapj can read: the header is judged from its raw bytes
    /// first (so another program's database, or a newer journal, is refused
    /// before SQLite opens it at all), then through SQLite, then checked for
    /// damage. Only then is WAL mode set and are migrations applied.
    pub fn open(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        // Opening (identity checks, WAL switch, migrations) is serialised
        // across kapj processes: several starting at once on a new journal
        // otherwise race to create it and can see each other half done.
        let _opening = OpenLock::acquire(path);
        let kind = file_kind(path)?;
        let created = matches!(kind, FileKind::Missing | FileKind::Empty);
        if kind == FileKind::Opaque && passphrase.is_none() {
            return Err(needs_passphrase(path));
        }
        if kind == FileKind::PlainSqlite && passphrase.is_some() && !created {
            // A plain journal with a passphrase supplied: open it plainly.
            return Store::open(path, None);
        }
        if kind == FileKind::PlainSqlite {
            check_raw_header(path)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, &e))?;
        // SQLCipher logs a wrong key's failed page checks to stderr; the user
        // should see only kapj's one sentence. The level is process-wide and
        // set before any key is tried.
        conn.pragma_update(None, "cipher_log_level", "NONE")
            .map_err(|e| open_error(path, &e))?;
        if let Some(p) = passphrase {
            conn.pragma_update(None, "key", p)
                .map_err(|e| open_error(path, &e))?;
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // temp_store=MEMORY keeps sorts and indexes of plaintext out of temp
        // files, from the first query on (it writes nothing to the journal).
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        let file = FileId::of(path);
        // A commit to a file that has been replaced since (encrypt or decrypt
        // in another window) is turned into a rollback: `true` refuses it.
        let ours = file.clone();
        conn.commit_hook(Some(move || !ours.still_there()))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            encrypted: passphrase.is_some(),
            created,
            key: passphrase.map(|p| Zeroizing::new(p.to_owned())),
            file,
            upgrade_backup: None,
        };
        store.check_identity(kind)?;
        // A full integrity check reads every page (130 ms at 10k entries), so
        // it runs only when the file is not exactly as kapj left it: changed
        // by another program, copied in, or left by a crash mid-command.
        if !created && !sealed(path) {
            store.check_integrity()?;
        }
        store.configure()?;
        let mut store = store;
        if !created && store.upgrade_pending()? {
            store.upgrade_backup = Some(store.backup_before_upgrade()?);
        }
        store.migrate()?;
        restrict_permissions(path);
        Ok(store)
    }

    /// A second, read-only connection to the same journal for reading on
    /// another thread (SQLite connections are not shared across threads).
    /// Only for a journal that is not encrypted: a keyed connection would
    /// pay the passphrase's key derivation again, which costs more than the
    /// reading it would overlap.
    pub fn sibling_reader(&self) -> Result<Option<Store>> {
        if self.key.is_some() {
            return Ok(None);
        }
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(&self.path, &e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        rusqlite::vtab::array::load_module(&conn)?;
        Ok(Some(Store {
            conn,
            path: self.path.clone(),
            encrypted: false,
            created: false,
            key: None,
            file: FileId::of(&self.path),
            upgrade_backup: None,
        }))
    }

    /// A second connection that holds the write lock until it is dropped or
    /// released: other kapj processes wait (or give up, saying the journal is
    /// busy) instead of writing to a file that is about to be replaced.
    pub fn lock_writers(&self) -> Result<WriterLock> {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        if let Some(k) = &self.key {
            conn.pragma_update(None, "key", k.as_str())?;
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(WriterLock { conn })
    }

    /// Damaged pages anywhere in the file are found before anything is written.
    fn check_integrity(&self) -> Result<()> {
        let verdict = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0));
        match verdict {
            Ok(v) if v == "ok" => Ok(()),
            Ok(_) => Err(damaged(&self.path)),
            Err(e) => Err(open_error(&self.path, &e)),
        }
    }

    /// Refuses foreign, damaged and future files before anything is written.
    fn check_identity(&self, kind: FileKind) -> Result<()> {
        let probe = (|| {
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
        })();
        let (app, version, tables) = match probe {
            Ok(v) => v,
            Err(e) if kind == FileKind::Opaque && is_not_a_database(&e) => {
                return Err(user_hint(
                    format!(
                        "{WRONG_PASSPHRASE} {}, or the file is not a kapj journal. Nothing was changed.",
                        self.path.display()
                    ),
                    "Check the passphrase (KAPJ_PASSPHRASE_FILE or the prompt) and try again.",
                ))
            }
            Err(e) => return Err(open_error(&self.path, &e)),
        };
        if app != APPLICATION_ID && !(app == 0 && tables == 0) {
            return Err(foreign(&self.path));
        }
        if version > highest_migration() {
            return Err(newer(version));
        }
        let unknown = applied_migrations(&self.conn)?
            .into_iter()
            .find(|n| !MIGRATIONS.iter().any(|m| m.0 == *n));
        if let Some(n) = unknown {
            return Err(newer(n));
        }
        Ok(())
    }

    /// The passphrase the journal was opened with (restore opens a backup
    /// of it with the same one).
    pub fn passphrase(&self) -> Option<&str> {
        self.key.as_deref().map(String::as_str)
    }

    /// Whether this kapj has migrations the journal lacks.
    fn upgrade_pending(&self) -> Result<bool> {
        let applied = applied_migrations(&self.conn)?;
        Ok(MIGRATIONS.iter().any(|m| !applied.contains(&m.0)))
    }

    /// Before a schema upgrade: a checked copy of the journal as it is, in
    /// the backup folder (see `crate::backup`). If it cannot be written, the
    /// journal is not upgraded.
    fn backup_before_upgrade(&self) -> Result<PathBuf> {
        let home = self
            .path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let config = crate::backup::Config::load(home);
        let now = crate::clock::Clock::from_env()?.now();
        let key = self.key.as_deref().map(String::as_str);
        let done = crate::backup::write_into(&config.folder(home), now, config.keep(), |p| {
            backup::copy_connection(&self.conn, key, p)
        })
        .map_err(|e| match e.downcast::<crate::error::UserError>() {
            Ok(u) => user_hint(
                format!(
                    "This kapj needs to upgrade the journal, and keeps a copy first. {}",
                    u.message
                ),
                u.hint.unwrap_or_default(),
            ),
            Err(e) => e,
        })?;
        let _ = crate::backup::Config::note(home, &done, now);
        Ok(done.path)
    }

    fn configure(&self) -> Result<()> {
        let c = &self.conn;
        let mode: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            anyhow::bail!("could not switch to WAL (got {mode})");
        }
        // FULL: a word the user saw saved survives a power cut too.
        c.pragma_update(None, "synchronous", "FULL")?;
        c.pragma_update(None, "foreign_keys", "ON")?;
        // Checkpoint-on-close stays on: after every command kapj.db alone
        // holds the whole journal (a copied file is a complete backup), and the
        // next process need not replay a large WAL. The size limit truncates
        // the WAL after a big import instead of leaving it at full size.
        c.pragma_update(None, "journal_size_limit", 4 * 1024 * 1024)?;
        // `rarray(?)`: a list of ids as one parameter (see entries.rs).
        rusqlite::vtab::array::load_module(c)?;
        Ok(())
    }

    /// Applies each numbered migration not yet applied, in number order, in
    /// its own transaction, recording it in `schema_migrations` and the
    /// highest number applied in `user_version`. Numbers may have gaps (a
    /// folder from a parallel branch merged later fills them): a journal
    /// that has 05 still gets 03 when a later kapj brings it. Re-reads what
    /// is applied inside the transaction so two processes opening a new
    /// journal at once do not both migrate.
    fn migrate(&self) -> Result<()> {
        let applied = applied_migrations(&self.conn)?;
        for &(number, name, sql) in MIGRATIONS {
            if applied.contains(&number) {
                continue;
            }
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let mut applied = applied_migrations(&tx)?;
            if applied.contains(&number) {
                continue;
            }
            tx.execute_batch(sql)
                .with_context(|| format!("migration {name}"))?;
            // Older journals have no list yet: their version said how many
            // of the first migrations they had.
            tx.execute_batch(
                "CREATE TABLE IF NOT EXISTS schema_migrations (
                     number INTEGER PRIMARY KEY,
                     name   TEXT NOT NULL
                 );",
            )?;
            applied.push(number);
            for &n in &applied {
                let name = MIGRATIONS.iter().find(|m| m.0 == n).map_or("", |m| m.1);
                tx.execute(
                    "INSERT OR IGNORE INTO schema_migrations(number, name) VALUES (?1, ?2)",
                    rusqlite::params![n, name],
                )?;
            }
            let highest = applied.iter().copied().max().unwrap_or(number);
            tx.pragma_update(None, "user_version", highest)?;
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

    /// The key that seals this journal's drafts (see `drafts`), made on
    /// first use. Kept in the journal, so it is as safe as the journal is.
    pub fn drafts_key(&self) -> Result<crate::drafts::DraftKey> {
        if let Some(k) = self.existing_drafts_key()? {
            return Ok(k);
        }
        let k = crate::drafts::DraftKey::generate()?;
        self.set_drafts_key(&k)?;
        Ok(k)
    }

    /// The drafts key, if one was made.
    pub fn existing_drafts_key(&self) -> Result<Option<crate::drafts::DraftKey>> {
        Ok(self
            .meta_get(DRAFTS_KEY)?
            .and_then(|h| crate::drafts::DraftKey::from_hex(&h)))
    }

    pub fn set_drafts_key(&self, k: &crate::drafts::DraftKey) -> Result<()> {
        self.meta_set(DRAFTS_KEY, &k.to_hex())
    }

    pub fn meta_set(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    pub fn meta_remove(&self, key: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM meta WHERE key = ?1", [key])?;
        Ok(())
    }
}

/// The highest migration number this kapj knows.
fn highest_migration() -> i64 {
    MIGRATIONS.iter().map(|m| m.0).max().unwrap_or(0)
}

/// The numbers of the migrations a journal has: listed in
/// `schema_migrations`, or, in a journal from before that list, the first
/// `user_version` of them (numbered without gaps then).
fn applied_migrations(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let listed: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        [],
        |r| r.get(0),
    )?;
    if listed {
        let mut st = conn.prepare("SELECT number FROM schema_migrations ORDER BY number")?;
        let rows = st.query_map([], |r| r.get(0))?;
        return rows.collect();
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((1..=version).collect())
}

/// An advisory lock (flock) on `.kapj-open.lock` beside the journal, held
/// while a store opens. The OS releases it when the file is closed (the
/// lock is dropped) or the process dies; where the file cannot be made (a
/// read-only folder), opening goes on without it.
struct OpenLock {
    /// Held only to be closed on drop, which releases the lock.
    _file: Option<fs::File>,
}

impl OpenLock {
    fn acquire(db: &Path) -> OpenLock {
        use rustix::fs::{flock, FlockOperation};
        use std::os::unix::fs::OpenOptionsExt;
        let dir = db
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(dir.join(".kapj-open.lock"));
        match file {
            Ok(f) if flock(&f, FlockOperation::LockExclusive).is_ok() => {
                OpenLock { _file: Some(f) }
            }
            _ => OpenLock { _file: None },
        }
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

/// Refuses, from the raw header alone, another program's SQLite file and a
/// journal of a newer kapj, so SQLite never opens them (not even to create
/// a WAL or SHM file beside them).
///
/// kapj writes its application id and schema version in the same transaction
/// as the schema itself, so page 1 of a kapj journal only ever holds an id of
/// 0 or kapj's own, and a version no higher than the true one, even while
/// newer pages wait in the WAL.
fn check_raw_header(path: &Path) -> Result<()> {
    // "More than one page, no kapj id, no WAL" is how another program's
    // database looks, but also, for an instant, a new kapj journal while
    // another kapj process checkpoints it on close (the file grows before
    // page 1 carries the id, and the WAL is reset). A foreign file stays that
    // way; a journal mid-checkpoint does not, so that case is read again.
    for attempt in 0..5 {
        match raw_header_verdict(path)? {
            HeaderVerdict::Kapj => return Ok(()),
            HeaderVerdict::LooksForeign if attempt < 4 => {
                std::thread::sleep(std::time::Duration::from_millis(40));
            }
            HeaderVerdict::LooksForeign => return Err(foreign(path)),
        }
    }
    Ok(())
}

enum HeaderVerdict {
    Kapj,
    LooksForeign,
}

fn raw_header_verdict(path: &Path) -> Result<HeaderVerdict> {
    let Some(h) = read_header(path) else {
        return Err(damaged(path));
    };
    let len = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let wal_has_frames = fs::metadata(sidecar(path, "-wal")).is_ok_and(|m| m.len() > 0);
    let app = h.application_id as i32;
    if app != 0 && app != APPLICATION_ID {
        return Err(foreign(path));
    }
    if i64::from(h.user_version) > highest_migration() {
        return Err(newer(i64::from(h.user_version)));
    }
    // With no WAL, the file is all there is: more than one page without
    // kapj's id means tables that kapj did not make.
    let foreign_tables = app == 0 && !wal_has_frames && h.page_size > 0 && len > h.page_size;
    Ok(if foreign_tables {
        HeaderVerdict::LooksForeign
    } else {
        HeaderVerdict::Kapj
    })
}

fn foreign(path: &Path) -> anyhow::Error {
    user_hint(
        format!(
            "{} is an SQLite database of another program, not a kapj journal. kapj left it untouched.",
            path.display()
        ),
        "Point kapj at another folder with --home or KAPJ_HOME.",
    )
}

fn newer(version: i64) -> anyhow::Error {
    let known = highest_migration();
    user_hint(
        format!(
            "This journal was written by a newer kapj (schema {version}; this kapj knows up to {known}). kapj left it untouched."
        ),
        "Install the newer kapj to open it.",
    )
}

fn damaged(path: &Path) -> anyhow::Error {
    user_hint(
        format!("{} is damaged. kapj left it untouched.", path.display()),
        "Restore it from a backup (kapj export --format json makes one).",
    )
}

/// How the error for a passphrase that does not open the journal begins.
const WRONG_PASSPHRASE: &str = "The passphrase does not open";

/// The journal was refused because the passphrase does not open it (so a
/// person at a terminal may try again).
pub fn is_wrong_passphrase(e: &anyhow::Error) -> bool {
    e.downcast_ref::<crate::error::UserError>()
        .is_some_and(|u| u.message.starts_with(WRONG_PASSPHRASE))
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
        Some(C::DatabaseCorrupt) => damaged(path),
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
    /// Reads through the WAL, so it works while `lock_writers` holds the lock.
    pub fn export_copy(&self, dest: &Path, key: &str, version: i64) -> Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(s: &Store) -> Vec<i64> {
        applied_migrations(&s.conn).unwrap()
    }

    #[test]
    fn migrations_are_known_by_number_and_a_missing_one_is_applied_later() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kapj.db");
        let s = Store::open(&path, None).unwrap();
        let all: Vec<i64> = MIGRATIONS.iter().map(|m| m.0).collect();
        assert_eq!(applied(&s), all);
        assert_eq!(s.schema_version().unwrap(), highest_migration());
        // A journal that has a later migration but lacks an earlier one (a
        // folder merged from a parallel branch after a release): it is
        // applied on the next open, although user_version is past it.
        s.conn
            .execute_batch(
                "DROP TABLE theme_merges; DROP TABLE theme_choices;
                 DELETE FROM schema_migrations WHERE number = 5;",
            )
            .unwrap();
        drop(s);
        let s = Store::open(&path, None).unwrap();
        assert_eq!(applied(&s), all);
        assert!(s.theme_choices().unwrap().is_empty());
        // A journal with a migration this kapj does not know is refused.
        s.conn
            .execute(
                "INSERT INTO schema_migrations(number, name) VALUES (999, '999-later')",
                [],
            )
            .unwrap();
        drop(s);
        let err = Store::open(&path, None).err().expect("refused").to_string();
        assert!(err.contains("newer kapj"), "{err}");
    }

    #[test]
    fn a_journal_from_before_the_list_counts_its_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kapj.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0].2).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
        }
        let s = Store::open(&path, None).unwrap();
        let all: Vec<i64> = MIGRATIONS.iter().map(|m| m.0).collect();
        assert_eq!(applied(&s), all);
    }

    #[test]
    fn plain_and_encrypted_journals_keep_temp_data_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        for (name, key) in [("plain.db", None), ("secret.db", Some("pass"))] {
            let s = Store::open(&dir.path().join(name), key).unwrap();
            let t: i64 = s
                .conn
                .query_row("PRAGMA temp_store", [], |r| r.get(0))
                .unwrap();
            assert_eq!(t, 2, "{name}: temp_store should be MEMORY");
            assert_eq!(s.encrypted, key.is_some());
        }
    }
}

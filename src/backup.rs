//! Backups of the journal: where they go, what they are called, how many
//! are kept, and the automatic daily one. The copy itself (SQLite's online
//! backup API, checked afterwards) is in `store::backup`.
//!
//! A backup is one file, `kapj-YYYY-MM-DD-HHMMSS.db` (local time), written
//! as a hidden temporary file in the same folder, checked, flushed, then
//! renamed: a folder never holds half a backup under a backup's name. Only
//! files named like that are ever removed when older ones are let go.
//!
//! The settings (the automatic folder, how many to keep) and the time of the
//! last backup live in `backup.json` in the kapj home, beside the journal
//! rather than inside it: they are needed before the journal is opened (a
//! backup before a schema upgrade) and must outlive a restore.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::error::user_hint;
use crate::store::backup::CopyCheck;
use crate::store::plain_io;

/// How many backups a folder keeps unless told otherwise.
pub const DEFAULT_KEEP: usize = 10;

const CONFIG_FILE: &str = "backup.json";

/// What `backup.json` holds.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Config {
    /// The folder for the automatic daily backup; None while it is off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_dir: Option<PathBuf>,
    /// How many backups to keep in a folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep: Option<usize>,
    /// When the last backup (of any kind) was written, and where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_at: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_path: Option<PathBuf>,
}

impl Config {
    /// Reads the home's settings; a missing or unreadable file is the defaults.
    pub fn load(home: &Path) -> Config {
        fs::read(home.join(CONFIG_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, home: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self)? + "\n";
        crate::atomic_file::write(&home.join(CONFIG_FILE), text.as_bytes()).map_err(|e| {
            user_hint(
                format!(
                    "Could not save the backup settings in {}: {}.",
                    home.display(),
                    plain_io(&e)
                ),
                "Check that the kapj home belongs to you.",
            )
        })?;
        Ok(())
    }

    pub fn keep(&self) -> usize {
        self.keep.unwrap_or(DEFAULT_KEEP)
    }

    /// Where a backup goes when no folder is named: the automatic folder,
    /// else `backups/` in the kapj home.
    pub fn folder(&self, home: &Path) -> PathBuf {
        self.auto_dir
            .clone()
            .unwrap_or_else(|| home.join("backups"))
    }

    /// Notes a finished backup.
    pub fn note(home: &Path, done: &Done, at: DateTime<FixedOffset>) -> Result<()> {
        let mut c = Config::load(home);
        c.last_at = Some(at);
        c.last_path = Some(done.path.clone());
        c.save(home)
    }
}

/// A finished, checked backup.
#[derive(Debug)]
pub struct Done {
    pub path: PathBuf,
    pub check: CopyCheck,
    /// Older backups let go to keep the last N.
    pub removed: usize,
}

/// Writes a backup into `dir` (created if need be) with `copy`, which
/// writes and checks a copy at the path it is given; keeps the last `keep`.
pub fn write_into(
    dir: &Path,
    now: DateTime<FixedOffset>,
    keep: usize,
    copy: impl FnOnce(&Path) -> Result<CopyCheck>,
) -> Result<Done> {
    let dir = absolute(dir);
    let cannot = |e: &std::io::Error| {
        user_hint(
            format!(
                "Could not write a backup to {}: {}. Nothing was changed.",
                dir.display(),
                plain_io(e)
            ),
            "Choose a folder you can write to.",
        )
    };
    if dir.exists() && !dir.is_dir() {
        return Err(user_hint(
            format!(
                "Could not write a backup to {}: it is a file, not a folder. Nothing was changed.",
                dir.display()
            ),
            "Choose a folder.",
        ));
    }
    let made = !dir.exists();
    fs::create_dir_all(&dir).map_err(|e| cannot(&e))?;
    if made {
        let _ = fs::set_permissions(&dir, fs::Permissions::from_mode(0o700));
    }
    forget_stale_partials(&dir);
    let tmp = dir.join(format!(
        ".kapj-backup-{}.partial",
        &uuid::Uuid::new_v4().simple().to_string()[..12]
    ));
    // Made here first, so a folder that cannot be written is named as such.
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(|e| cannot(&e))?;
    let _ = fs::remove_file(&tmp);
    let check = match copy(&tmp) {
        Ok(c) => c,
        Err(e) => {
            crate::store::backup::remove_with_sidecars(&tmp);
            return Err(e);
        }
    };
    let _ = fs::set_permissions(&tmp, fs::Permissions::from_mode(0o600));
    // No overwrite, ever: the name is taken with a hard link, which fails
    // if another process took it meanwhile (then the next number is tried).
    // A folder without hard links (some synced or FAT folders) gets a rename.
    let mut placed = None;
    let mut failure = None;
    for _ in 0..20 {
        let path = free_name(&dir, now);
        match fs::hard_link(&tmp, &path) {
            Ok(()) => {
                placed = Some(path);
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) => {
                match fs::rename(&tmp, &path) {
                    Ok(()) => placed = Some(path),
                    Err(e) => failure = Some(e),
                }
                break;
            }
        }
    }
    let _ = fs::remove_file(&tmp);
    let path = match (placed, failure) {
        (Some(p), _) => p,
        (None, Some(e)) => return Err(cannot(&e)),
        (None, None) => return Err(cannot(&std::io::Error::other("no free name"))),
    };
    crate::atomic_file::sync_folder(&path);
    let removed = keep_last(&dir, keep.max(1));
    Ok(Done {
        path,
        check,
        removed,
    })
}

/// The name for a backup made now; with `-2`, `-3`, … after the highest
/// number taken at the same second, so the newest always sorts last.
fn free_name(dir: &Path, now: DateTime<FixedOffset>) -> PathBuf {
    let time = now.format("%Y-%m-%d-%H%M%S").to_string();
    let taken = list(dir)
        .iter()
        .filter_map(|p| backup_key(&p.file_name()?.to_string_lossy()))
        .filter(|(t, _)| *t == time)
        .map(|(_, n)| n)
        .max();
    let name = match taken {
        None if !dir.join(format!("kapj-{time}.db")).exists() => format!("kapj-{time}.db"),
        None => format!("kapj-{time}-2.db"),
        Some(n) => format!("kapj-{time}-{}.db", n + 1),
    };
    dir.join(name)
}

/// The order of a backup's name: its time, then its number; None for a
/// file that is not a kapj backup.
fn backup_key(name: &str) -> Option<(String, u32)> {
    let core = name.strip_prefix("kapj-")?.strip_suffix(".db")?;
    let (time, n) = match core.get(17..) {
        Some("") => (core, 1),
        Some(rest) => (&core[..17], rest.strip_prefix('-')?.parse().ok()?),
        None => return None,
    };
    let ok = time.len() == 17
        && time.char_indices().all(|(i, c)| match i {
            4 | 7 | 10 => c == '-',
            _ => c.is_ascii_digit(),
        });
    ok.then(|| (time.to_string(), n))
}

/// The kapj backups in a folder, oldest first.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<((String, u32), PathBuf)> = rd
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            backup_key(&name).map(|k| (k, e.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// Lets go of the oldest backups beyond `keep`; returns how many.
fn keep_last(dir: &Path, keep: usize) -> usize {
    let all = list(dir);
    let extra = all.len().saturating_sub(keep);
    all.iter()
        .take(extra)
        .filter(|p| fs::remove_file(p).is_ok())
        .count()
}

/// A temporary copy left by a backup that was stopped (kill -9, power cut)
/// is never a backup; those older than an hour are removed (a younger one
/// may belong to a backup still being written by another process).
fn forget_stale_partials(dir: &Path) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.starts_with(".kapj-backup-") {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if old {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// The folder as an absolute path, so it means the same from any directory.
pub fn absolute(dir: &Path) -> PathBuf {
    std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// Whether the automatic backup is due: it is on, and no backup was
/// written today (local date).
pub fn auto_due(c: &Config, now: DateTime<FixedOffset>) -> bool {
    c.auto_dir.is_some() && c.last_at.is_none_or(|t| t.date_naive() != now.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn backup_names_sort_by_time_then_number() {
        assert_eq!(
            backup_key("kapj-2026-11-22-210000.db"),
            Some(("2026-11-22-210000".into(), 1))
        );
        assert_eq!(
            backup_key("kapj-2026-11-22-210000-12.db"),
            Some(("2026-11-22-210000".into(), 12))
        );
        for other in [
            "kapj.db",
            "kapj-2026-11-22.db",
            "kapj-2026-11-22-210000.db-wal",
            "kapj-2026-11-22-2100x0.db",
            "kapj-2026-11-22-210000-x.db",
            "notes-2026-11-22-210000.db",
        ] {
            assert_eq!(backup_key(other), None, "{other}");
        }
    }

    #[test]
    fn only_the_last_n_backups_are_kept_and_other_files_are_never_touched() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("notes.txt"), "mine").unwrap();
        let mut made = Vec::new();
        for i in 0..5 {
            let now = t(&format!("2026-11-2{i}T21:00:00+01:00"));
            for _ in 0..2 {
                let done = write_into(d, now, 4, |p| {
                    fs::write(p, "copy").unwrap();
                    Ok(CopyCheck {
                        entries: 0,
                        version: 1,
                    })
                })
                .unwrap();
                made.push(done.path);
            }
        }
        let left = list(d);
        assert_eq!(left, made[6..].to_vec());
        assert!(made[7].ends_with("kapj-2026-11-23-210000-2.db"));
        assert_eq!(fs::read_to_string(d.join("notes.txt")).unwrap(), "mine");
        assert_eq!(fs::read_dir(d).unwrap().count(), 5);
    }

    #[test]
    fn the_automatic_backup_is_due_once_a_day() {
        let mut c = Config::default();
        let now = t("2026-11-22T21:00:00+01:00");
        assert!(!auto_due(&c, now), "off until asked");
        c.auto_dir = Some("/b".into());
        assert!(auto_due(&c, now));
        c.last_at = Some(t("2026-11-22T00:10:00+01:00"));
        assert!(!auto_due(&c, now));
        c.last_at = Some(t("2026-11-21T23:50:00+01:00"));
        assert!(auto_due(&c, now));
    }
}

//! Replacing a file so that whoever reads it, even after a crash or a power
//! cut, finds the old file or the whole new one, never half of it; and the
//! new one is readable by the user alone. Drafts, exports and the journal
//! conversion (`kapj encrypt`/`decrypt`) all write this way.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`: into a new file (mode 0600) in the same folder,
/// flushed to disk, then renamed over `path` (see [`replace`]). On failure
/// the temporary file is removed and `path` is as it was.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temporary_beside(path);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        replace(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A file written bit by bit that appears at its path only when finished:
/// it is written to a temporary file beside it, which [`Writer::commit`]
/// puts in place as [`write`] does. Dropped uncommitted (an error, a
/// panic), the temporary file is removed and the path is as it was.
pub struct Writer {
    file: Option<io::BufWriter<fs::File>>,
    tmp: PathBuf,
    path: PathBuf,
}

impl Writer {
    pub fn create(path: &Path) -> io::Result<Writer> {
        let tmp = temporary_beside(path);
        let f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        Ok(Writer {
            file: Some(io::BufWriter::with_capacity(1 << 16, f)),
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// Flushes the file to disk and puts it in place.
    pub fn commit(mut self) -> io::Result<()> {
        let f = self.file.take().expect("committed once");
        let result = f
            .into_inner()
            .map_err(io::IntoInnerError::into_error)
            .and_then(|f| f.sync_all())
            .and_then(|()| replace(&self.tmp, &self.path));
        if result.is_err() {
            let _ = fs::remove_file(&self.tmp);
        }
        result
    }
}

impl Write for Writer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.as_mut().expect("open until committed").write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file
            .as_mut()
            .expect("open until committed")
            .write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.as_mut().expect("open until committed").flush()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Like [`write`], for a file kapj can always rebuild (the due file): the
/// same whole-or-nothing rename and mode 0600, without flushing to disk.
/// After a power cut it may be the old file, or on some file systems an
/// empty one, which its reader takes as nothing known; the next command
/// rewrites it. Saves the three flushes that a command would otherwise wait for.
pub fn write_rebuildable(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temporary_beside(path);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(bytes)?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Puts the finished file `from` in place of `to` (same folder): flushes
/// `from` to disk, renames it, then flushes the folder so the rename itself
/// survives a crash.
pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
    fs::File::open(from)?.sync_all()?;
    fs::rename(from, to)?;
    sync_folder(to);
    Ok(())
}

/// Flushes the folder holding `path`, so renames and removals in it survive
/// a crash. Called once the new file is in place, so a folder that cannot
/// be flushed (some file systems refuse fsync on a directory) is not a
/// failure to report: the rename is done and cannot be taken back.
pub fn sync_folder(path: &Path) {
    let _ = fs::File::open(folder_of(path)).and_then(|d| d.sync_all());
}

/// A name for a temporary file beside `path`: hidden, and unique, so two
/// writers never share one and a leftover never passes for the real file.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    folder_of(path).join(format!(
        ".{name}.kapj-{}",
        &uuid::Uuid::new_v4().to_string()[..8]
    ))
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn writes_the_whole_file_for_the_user_alone_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        fs::write(&path, "old").unwrap();
        write(&path, b"new text").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new text");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should go: the rename fails.
        let path = dir.path().join("taken");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "kept").unwrap();
        assert!(write(&path, b"new").is_err());
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

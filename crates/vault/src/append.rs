//! An append-only log file (the audit log's): opened O_APPEND, created 0600, never
//! through a symlink, only a regular file, refused when others may read it; each line is
//! one `write(2)`, so concurrent writers (several servers, CLI processes) interleave
//! whole lines; reopened when its path comes to name another file (log rotation). It
//! knows lines of bytes, nothing of what they say.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use super::error::VaultError;

/// One append-only file, open for the life of its holder, and reopened whenever its path
/// names another file.
#[derive(Debug)]
pub struct AppendLog {
    path: PathBuf,
    open: RwLock<Open>,
}

/// The file open now and its identity.
#[derive(Debug)]
struct Open {
    file: File,
    id: Option<FileId>,
}

/// A file's identity: its device and inode.
type FileId = (u64, u64);

fn id_of(meta: &std::fs::Metadata) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

const HINT: &str =
    "name a regular file (smvault creates it, mode 0600); not a link, a directory or a device";

impl AppendLog {
    /// Opens `path` for appending, creating it with mode 0600. Refused: a symlink there
    /// (O_NOFOLLOW: a planted link must not make smvault create or append to the file it
    /// names), anything but a regular file (a FIFO would block, a device holds no log),
    /// and an existing file whose mode lets group or others read it: as with the
    /// identity, smvault does not change a mode behind the user's back, it says how.
    pub fn open(path: &Path) -> Result<AppendLog, VaultError> {
        Ok(AppendLog {
            path: path.to_path_buf(),
            open: RwLock::new(open(path)?),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `line` (which must end with its newline) in one `write(2)`: O_APPEND puts
    /// it at the end whoever else appends, and a regular file takes it whole. A short
    /// write (a file-size limit or a full disk reached mid-line) is an error: the torn
    /// line stays, and a reader reports it as malformed. Not fsynced: once this returns
    /// the line is in the kernel's hands, so it outlives the process, not a power cut
    /// (docs/audit.md, "The file", says why: an fsync costs 100-160 µs a line, measured).
    ///
    /// First the path is looked at (one `lstat`): when it no longer names the open file
    /// (logrotate's rename and create, a `mv` and a new file, a removal), the file there
    /// is opened (created when missing) as [`AppendLog::open`] opens it and the line goes
    /// there, so no rotation needs a signal or a restart. Refused as `open` refuses (a
    /// link, a file others may read): the line fails, and so does the next, until the
    /// path is fixed. A rotation between the look and the write puts that one line at
    /// the end of the renamed file, where it is kept, not lost. `copytruncate` keeps
    /// the file: O_APPEND writes at its new end.
    pub fn append(&self, line: &[u8]) -> Result<(), VaultError> {
        let failed = |source| VaultError::LogWrite {
            path: self.path.clone(),
            source,
        };
        let read = self.open.read().unwrap_or_else(PoisonError::into_inner);
        let read = if self.names(&read) {
            read
        } else {
            drop(read);
            let mut write = self.open.write().unwrap_or_else(PoisonError::into_inner);
            // Another thread may have reopened it meanwhile.
            if !self.names(&write) {
                *write = open(&self.path)?;
            }
            drop(write);
            self.open.read().unwrap_or_else(PoisonError::into_inner)
        };
        match (&read.file).write(line) {
            Ok(n) if n == line.len() => Ok(()),
            Ok(n) => Err(failed(std::io::Error::other(format!(
                "only {n} of the line's {} bytes were written",
                line.len()
            )))),
            Err(e) => Err(failed(e)),
        }
    }
}

impl AppendLog {
    /// Whether the path still names `open`'s file (one `lstat`: the path is opened
    /// without following links, so it is looked at the same way). Where files have no
    /// identity to compare (not Unix), it always does.
    fn names(&self, open: &Open) -> bool {
        let Some(id) = open.id else { return true };
        std::fs::symlink_metadata(&self.path)
            .ok()
            .and_then(|m| id_of(&m))
            == Some(id)
    }
}

/// Opens `path` for appending as [`AppendLog::open`] says.
fn open(path: &Path) -> Result<Open, VaultError> {
    let mut options = OpenOptions::new();
    options.append(true);
    let (file, meta) = super::files::open_own(
        path,
        &mut options,
        "audit log",
        HINT,
        "cannot open the audit log",
    )?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            return Err(VaultError::LogExposed {
                path: path.to_path_buf(),
                mode: mode & 0o7777,
            });
        }
    }
    Ok(Open {
        id: id_of(&meta),
        file,
    })
}

/// Opens the log at `path` for reading, if there is one; only a regular file (a FIFO
/// would block the reader).
pub fn open_for_reading(path: &Path) -> Result<Option<std::io::BufReader<File>>, VaultError> {
    Ok(super::files::open_regular(
        path,
        "audit log",
        "cannot read the audit log",
        "name the audit log a serve --audit or SMVAULT_AUDIT_LOG wrote",
    )?
    .map(|f| std::io::BufReader::with_capacity(64 * 1024, f)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    #[cfg(unix)]
    fn a_new_log_is_0600_and_lines_are_appended() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let log = AppendLog::open(&path).unwrap();
        assert_eq!(mode(&path), 0o600);
        log.append(b"one\n").unwrap();
        // A second opener appends after the first's line, never over it.
        AppendLog::open(&path).unwrap().append(b"two\n").unwrap();
        log.append(b"three\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one\ntwo\nthree\n");
    }

    #[test]
    #[cfg(unix)]
    fn a_log_others_can_read_is_refused_and_left_as_it_is() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        std::fs::write(&path, b"old\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let err = AppendLog::open(&path).unwrap_err();
        assert!(
            matches!(err, VaultError::LogExposed { mode: 0o640, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("chmod 600"), "{err}");
        assert_eq!(mode(&path), 0o640);
        assert_eq!(std::fs::read(&path).unwrap(), b"old\n");
    }

    #[test]
    #[cfg(unix)]
    fn a_link_a_directory_or_a_device_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere.log");
        let link = dir.path().join("audit.log");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = AppendLog::open(&link).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(!target.exists(), "the link's target was created");
        let err = AppendLog::open(dir.path()).unwrap_err();
        assert!(err.to_string().contains("directory"), "{err}");
        let err = AppendLog::open(Path::new("/dev/null")).unwrap_err();
        assert!(err.to_string().contains("device"), "{err}");
    }

    #[test]
    #[cfg(unix)]
    fn a_rotated_or_removed_log_is_reopened_at_its_path_for_the_next_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let rotated = dir.path().join("audit.log.1");
        let log = AppendLog::open(&path).unwrap();
        log.append(b"one\n").unwrap();
        // logrotate's default: rename, then create the new file (here, empty, 0600).
        std::fs::rename(&path, &rotated).unwrap();
        std::fs::write(&path, b"").unwrap();
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap();
        log.append(b"two\n").unwrap();
        assert_eq!(std::fs::read(&rotated).unwrap(), b"one\n");
        assert_eq!(std::fs::read(&path).unwrap(), b"two\n");
        // Renamed with nothing created in its place: made again, 0600.
        std::fs::rename(&path, &rotated).unwrap();
        log.append(b"three\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three\n");
        assert_eq!(mode(&path), 0o600);
        // Truncated in place (copytruncate): the same file, written at its new end.
        std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&path)
            .unwrap();
        log.append(b"four\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"four\n");
    }

    #[test]
    #[cfg(unix)]
    fn a_file_put_in_its_place_that_open_refuses_fails_each_line_until_it_is_fixed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let log = AppendLog::open(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, b"").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        for _ in 0..2 {
            let err = log.append(b"line\n").unwrap_err();
            assert!(matches!(err, VaultError::LogExposed { .. }), "{err}");
        }
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        log.append(b"line\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"line\n");
        // A link planted there is not followed.
        let elsewhere = dir.path().join("elsewhere");
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
        assert!(log.append(b"line\n").is_err());
        assert!(!elsewhere.exists());
    }

    #[test]
    #[cfg(unix)]
    fn concurrent_appenders_interleave_whole_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let log = AppendLog::open(&path).unwrap();
                    let line = format!("{}\n", t.to_string().repeat(3000));
                    for _ in 0..200 {
                        log.append(line.as_bytes()).unwrap();
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 1600);
        for line in text.lines() {
            assert_eq!(line.len(), 3000);
            assert!(line.bytes().all(|b| b == line.as_bytes()[0]), "a torn line");
        }
    }

    #[test]
    #[cfg(unix)]
    fn lines_appended_while_the_log_is_rotated_are_all_kept_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let log = std::sync::Arc::new(AppendLog::open(&path).unwrap());
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let log = log.clone();
                std::thread::spawn(move || {
                    let line = format!("{}\n", t.to_string().repeat(1000));
                    for _ in 0..500 {
                        log.append(line.as_bytes()).unwrap();
                    }
                })
            })
            .collect();
        let mut rotated = 0;
        while !threads.iter().all(|t| t.is_finished()) {
            if path.exists() {
                rotated += 1;
                std::fs::rename(&path, dir.path().join(format!("audit.log.{rotated}"))).unwrap();
            }
            std::thread::yield_now();
        }
        threads.into_iter().for_each(|t| t.join().unwrap());
        let mut total = 0;
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                assert_eq!(line.len(), 1000);
                assert!(line.bytes().all(|b| b == line.as_bytes()[0]), "a torn line");
                total += 1;
            }
        }
        assert_eq!(total, 2000, "after {rotated} rotations");
    }
}

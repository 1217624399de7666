//! Replacing the vault atomically: temp file in the same directory, fsync, rename, fsync the directory.

use std::io::Write;
use std::path::Path;

use super::FileId;
use super::error::VaultError;

/// Points where a test build may abort a write, to prove a crash at any of
/// them leaves the old or the new vault, never a broken one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrashPoint {
    AfterTempWrite,
    AfterFsync,
    AfterRename,
}

impl CrashPoint {
    pub fn parse(s: &str) -> Option<CrashPoint> {
        match s {
            "after-temp-write" => Some(CrashPoint::AfterTempWrite),
            "after-fsync" => Some(CrashPoint::AfterFsync),
            "after-rename" => Some(CrashPoint::AfterRename),
            _ => None,
        }
    }
}

fn crash_if(at: Option<CrashPoint>, here: CrashPoint) {
    if at == Some(here) {
        std::process::abort();
    }
}

/// The prefix of this vault's temp files, so a cleanup never touches another vault's.
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.tmp-")
}

/// Removes temp files a crashed writer left. Only called under the lock, when
/// no other writer can have a temp file in flight.
pub fn remove_stale_temps(path: &Path) {
    let dir = parent(path);
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` so that readers see the old file or the new one.
/// A new file gets mode 0600; an existing one keeps its mode.
pub fn write(path: &Path, bytes: &[u8], crash_at: Option<CrashPoint>) -> Result<(), VaultError> {
    write_with(path, crash_at, |out| out.write_all(bytes)).map(|_| ())
}

/// [`write`], with the content produced by `fill` straight into the temp file
/// (so a large vault is never held twice in memory).
pub fn write_with(
    path: &Path,
    crash_at: Option<CrashPoint>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<Option<FileId>, VaultError> {
    replace(path, crash_at, true, fill)
}

/// Writes a file only its owner can read: mode 0600 whatever an old file's mode was,
/// replaced atomically as [`write`] replaces the vault (for rendered secret values).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), VaultError> {
    replace(path, None, false, |out| out.write_all(bytes)).map(|_| ())
}

fn replace(
    path: &Path,
    crash_at: Option<CrashPoint>,
    keep_mode: bool,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<Option<FileId>, VaultError> {
    let dir = parent(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .tempfile_in(dir)
        .map_err(|e| VaultError::io("cannot create a temporary file in", dir, e))?;
    // tempfile creates it 0600.
    #[cfg(unix)]
    if keep_mode && let Ok(meta) = std::fs::metadata(path) {
        // Keep a mode the user chose for an existing vault.
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    let temp_path = temp.path().to_path_buf();
    fill(temp.as_file_mut()).map_err(|e| VaultError::io("cannot write", &temp_path, e))?;
    crash_if(crash_at, CrashPoint::AfterTempWrite);
    temp.as_file()
        .sync_all()
        .map_err(|e| VaultError::io("cannot sync", &temp_path, e))?;
    crash_if(crash_at, CrashPoint::AfterFsync);
    let written = temp
        .as_file()
        .metadata()
        .ok()
        .map(|m| FileId::from_meta(&m));
    let file = temp
        .persist(path)
        .map_err(|e| VaultError::io("cannot replace", path, e.error))?;
    // The identity of what was written, as a stat of `path` will see it: taken from the
    // file itself after the rename (which moves its ctime), and only if nothing changed
    // it since it was synced.
    let id = file
        .metadata()
        .ok()
        .map(|m| FileId::from_meta(&m))
        .filter(|after| written.is_some_and(|before| before.same_contents(after)));
    crash_if(crash_at, CrashPoint::AfterRename);
    // Without this the rename itself may not survive a power loss.
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| VaultError::io("cannot sync the directory", dir, e))?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.age");
        write(&path, b"one", None).unwrap();
        write(&path, b"two", None).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn new_file_is_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.age");
        write(&path, b"x", None).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[cfg(unix)]
    #[test]
    fn private_write_is_0600_even_over_a_readable_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn stale_temps_of_this_vault_only_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.age");
        std::fs::write(dir.path().join(".v.age.tmp-abc"), b"x").unwrap();
        std::fs::write(dir.path().join(".other.age.tmp-abc"), b"x").unwrap();
        remove_stale_temps(&path);
        assert!(!dir.path().join(".v.age.tmp-abc").exists());
        assert!(dir.path().join(".other.age.tmp-abc").exists());
    }
}

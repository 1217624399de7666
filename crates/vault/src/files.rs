//! Opening the files smvault is pointed at without falling into traps: a vault reached
//! through symlinks is resolved to its target (so writes replace the target, not the
//! link), only regular files are read (a FIFO would block forever), the lock is never
//! opened through a symlink, and files others can change are not trusted to run.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::error::VaultError;

/// How many links [`resolve_links`] follows, as the kernel does (`MAXSYMLINKS`).
const MAX_LINKS: usize = 40;

/// `path` with its last component's symlinks followed to the file they name (which need
/// not exist yet), as editors and sops write through a link. A link loop is left as it
/// is, for the open to report.
pub fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let Ok(target) = std::fs::read_link(&current) else {
            return current;
        };
        current = match current.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    path.to_path_buf()
}

/// What a file that is not a regular file is, in words.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    if t.is_dir() {
        return "a directory";
    }
    "not a file"
}

/// Opens (creating it, mode 0600) the file smvault keeps beside its data, `what` (the
/// lock file, the audit log), with `options`' access: never through a symlink
/// (O_NOFOLLOW: a link planted there must not make smvault create or touch the file it
/// names), without waiting on a FIFO (O_NONBLOCK), and only a regular file. `hint` says
/// what to do instead; `action` heads an I/O error.
pub(crate) fn open_own(
    path: &Path,
    options: &mut OpenOptions,
    what: &'static str,
    hint: &'static str,
    action: &'static str,
) -> Result<(File, std::fs::Metadata), VaultError> {
    options.create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let not_regular = |kind| VaultError::NotRegular {
        what,
        path: path.to_path_buf(),
        kind,
        hint,
    };
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) => {
            // O_NOFOLLOW fails with ELOOP on a link; say what is there.
            if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) {
                return Err(not_regular("a symbolic link"));
            }
            return Err(VaultError::io(action, path, e));
        }
    };
    let meta = file
        .metadata()
        .map_err(|e| VaultError::io(action, path, e))?;
    if !meta.is_file() {
        return Err(not_regular(kind(&meta)));
    }
    Ok((file, meta))
}

/// Opens `path` for reading if it is a regular file; `None` if it does not exist.
/// O_NONBLOCK keeps the open of a FIFO from waiting for a writer (it changes nothing for
/// a regular file). A directory keeps the I/O error it always gave.
pub fn open_regular(
    path: &Path,
    what: &'static str,
    action: &'static str,
    hint: &'static str,
) -> Result<Option<File>, VaultError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(VaultError::io(action, path, e)),
    };
    let meta = file
        .metadata()
        .map_err(|e| VaultError::io(action, path, e))?;
    if meta.is_file() {
        return Ok(Some(file));
    }
    if meta.is_dir() {
        return Err(VaultError::io(action, path, is_a_directory()));
    }
    Err(VaultError::NotRegular {
        what,
        path: path.to_path_buf(),
        kind: kind(&meta),
        hint,
    })
}

fn is_a_directory() -> std::io::Error {
    #[cfg(unix)]
    {
        std::io::Error::from_raw_os_error(libc::EISDIR)
    }
    #[cfg(not(unix))]
    {
        std::io::ErrorKind::IsADirectory.into()
    }
}

/// An identity file is a few hundred bytes; a bigger one is refused unread.
pub const MAX_IDENTITY: u64 = 64 * 1024;

/// Reads an identity file: only a regular file, readable by its owner alone (as ssh
/// insists for a private key), at most [`MAX_IDENTITY`] bytes; `None` if it is missing.
pub fn read_identity_file(path: &Path) -> Result<Option<Zeroizing<Vec<u8>>>, VaultError> {
    use std::io::Read;
    const HINT: &str = "point SMVAULT_AGE_KEY_FILE (or --identity) at an identity file, or put the key itself in SMVAULT_AGE_KEY";
    let action = "cannot read the identity";
    let Some(file) = open_regular(path, "age identity", action, HINT)? else {
        return Ok(None);
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file
            .metadata()
            .map_err(|e| VaultError::io(action, path, e))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            return Err(VaultError::IdentityExposed {
                path: path.to_path_buf(),
                mode: mode & 0o7777,
            });
        }
    }
    let mut bytes = Zeroizing::new(Vec::new());
    file.take(MAX_IDENTITY + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| VaultError::io(action, path, e))?;
    if bytes.len() as u64 > MAX_IDENTITY {
        return Err(VaultError::BadIdentity {
            source_name: path.display().to_string(),
            reason: format!(
                "it is larger than {MAX_IDENTITY} bytes, far more than an identity holds"
            ),
        });
    }
    Ok(Some(bytes))
}

/// Opens (creating, mode 0600) the lock file `path` for writing, never through a
/// symlink (O_NOFOLLOW: a link planted there must not make smvault create or lock the
/// file it names), and refuses anything that is not a regular file.
pub fn open_lock(path: &Path) -> Result<File, VaultError> {
    const HINT: &str = "remove it; smvault creates the lock file itself, beside the vault";
    let mut options = OpenOptions::new();
    options.read(true).write(true).truncate(false);
    let (file, _) = open_own(
        path,
        &mut options,
        "lock file",
        HINT,
        "cannot open the lock file",
    )?;
    Ok(file)
}

/// Why a file others can change is not trusted to run as this user (a rotation
/// function, or the directory it is in): `None` when it is owned by this user or root
/// and writable by no one else.
pub fn untrusted(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return Some(format!("cannot be checked ({e})")),
        };
        let me = rustix::process::geteuid().as_raw();
        if meta.uid() != me && meta.uid() != 0 {
            return Some(format!(
                "is owned by user {}, neither you nor root",
                meta.uid()
            ));
        }
        let mode = meta.mode();
        if mode & 0o022 != 0 {
            return Some(format!(
                "is writable by other users (mode {:04o})",
                mode & 0o7777
            ));
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_resolve_to_their_target_even_a_missing_one() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("real")).unwrap();
        std::os::unix::fs::symlink("real/v.age", d.join("a")).unwrap();
        std::os::unix::fs::symlink(d.join("a"), d.join("b")).unwrap();
        assert_eq!(resolve_links(&d.join("b")), d.join("real/v.age"));
        assert_eq!(resolve_links(&d.join("plain")), d.join("plain"));
        std::os::unix::fs::symlink("loop2", d.join("loop1")).unwrap();
        std::os::unix::fs::symlink("loop1", d.join("loop2")).unwrap();
        assert_eq!(resolve_links(&d.join("loop1")), d.join("loop1"));
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"x").unwrap();
        assert!(
            open_regular(&file, "vault", "cannot read", "h")
                .unwrap()
                .is_some()
        );
        assert!(
            open_regular(&dir.path().join("none"), "vault", "cannot read", "h")
                .unwrap()
                .is_none()
        );
        let e = open_regular(Path::new("/dev/null"), "vault", "cannot read", "h").unwrap_err();
        assert!(e.to_string().contains("a character device"), "{e}");
        assert!(matches!(
            open_regular(dir.path(), "vault", "cannot read", "h").unwrap_err(),
            VaultError::Io { .. }
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_link_is_refused_and_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let lock = dir.path().join("v.age.lock");
        let victim = dir.path().join("victim");
        std::os::unix::fs::symlink(&victim, &lock).unwrap();
        let e = open_lock(&lock).unwrap_err();
        assert!(e.to_string().contains("a symbolic link"), "{e}");
        assert!(!victim.exists());
        std::fs::remove_file(&lock).unwrap();
        open_lock(&lock).unwrap();
        open_lock(&lock).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn files_others_can_write_are_untrusted() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f");
        std::fs::write(&f, b"x").unwrap();
        for (mode, trusted) in [(0o755, true), (0o700, true), (0o775, false), (0o757, false)] {
            std::fs::set_permissions(&f, std::fs::Permissions::from_mode(mode)).unwrap();
            assert_eq!(untrusted(&f).is_none(), trusted, "{mode:o}");
        }
        assert!(untrusted(&f).unwrap().contains("0757"));
    }
}

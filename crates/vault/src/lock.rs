//! The writers' lock: an exclusive lock on `<vault>.lock`, never on the vault itself
//! (the vault is replaced by rename, and a lock on the old inode would protect nothing).

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::VaultError;

/// Held while a writer loads, changes and saves the vault; unlocks on drop.
#[derive(Debug)]
pub struct LockGuard {
    _file: File,
}

pub fn lock_path(vault: &Path) -> PathBuf {
    let mut name = vault
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    vault.with_file_name(name)
}

/// Takes the exclusive lock, waiting up to `timeout`.
pub fn acquire(vault: &Path, timeout: Duration) -> Result<LockGuard, VaultError> {
    let path = lock_path(vault);
    let file = super::files::open_lock(&path)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(LockGuard { _file: file }),
            Err(TryLockError::WouldBlock) => {
                if start.elapsed() >= timeout {
                    return Err(VaultError::Locked {
                        path,
                        seconds: timeout.as_secs(),
                    });
                }
                // Polling keeps the timeout simple; contention is rare and short.
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TryLockError::Error(e)) => {
                return Err(VaultError::io("cannot lock", &path, e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_locker_times_out_then_succeeds_after_release() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("v.age");
        let first = acquire(&vault, Duration::from_secs(1)).unwrap();
        let e = acquire(&vault, Duration::ZERO).unwrap_err();
        assert!(matches!(e, VaultError::Locked { .. }));
        drop(first);
        acquire(&vault, Duration::ZERO).unwrap();
    }
}

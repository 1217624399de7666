//! The vault file: age encryption, the versioned envelope, the writers' lock and
//! atomic replacement. Generic over the data it stores; it knows nothing of secrets.

// Held to clippy.toml: the environment and the clock only where `#[allow]` says why.
#![deny(clippy::disallowed_methods)]

pub mod append;
pub mod atomic;
pub mod envelope;
pub mod error;
pub mod files;
pub mod identity;
pub mod keys;
pub mod lock;
pub mod recipients;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use smvault_wipe::{WipedBytes, WipedString};

pub use atomic::CrashPoint;
pub use error::VaultError;
pub use identity::Identity;
pub use lock::LockGuard;
pub use recipients::Entry as Recipient;

/// Creates the directory that will hold `file`, if missing, readable by its owner only.
pub fn create_private_dir(file: &Path) -> Result<(), VaultError> {
    let Some(dir) = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    else {
        return Ok(());
    };
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| VaultError::io("cannot create the directory", dir, e))
}

/// What tells one version of the vault file from another: an atomic write makes a
/// new file (a new inode), and any change moves the size, the modification time or the
/// change time. The mtime alone is not enough: `cp` over the file then `touch -r` keeps
/// the inode and size and restores the mtime, but no user can set the ctime back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
    size: u64,
    mtime_ns: i128,
    ctime_ns: i128,
}

impl FileId {
    /// The identity of the file at `path` as it is now, symlinks followed (the file a
    /// [`Store`] of `path` reads: its path is `path` with its links resolved); `None` if
    /// it does not exist. One `stat`: a server checks it on every request.
    pub fn of(path: &Path) -> Result<Option<FileId>, VaultError> {
        match std::fs::metadata(path) {
            Ok(meta) => Ok(Some(FileId::from_meta(&meta))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(VaultError::io("cannot read", path, e)),
        }
    }

    /// The identity in `meta`.
    pub(crate) fn from_meta(meta: &std::fs::Metadata) -> FileId {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        #[cfg(unix)]
        let (dev, ino, ctime_ns) = {
            use std::os::unix::fs::MetadataExt;
            let ctime_ns = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
            (meta.dev(), meta.ino(), ctime_ns)
        };
        #[cfg(not(unix))]
        let (dev, ino, ctime_ns) = (0, 0, 0);
        FileId {
            dev,
            ino,
            size: meta.len(),
            mtime_ns,
            ctime_ns,
        }
    }

    /// Whether `self` and `other` are the same file with the same contents, whatever its
    /// change time: a rename moves the ctime of the file it renames.
    pub(crate) fn same_contents(&self, other: &FileId) -> bool {
        (self.dev, self.ino, self.size, self.mtime_ns)
            == (other.dev, other.ino, other.size, other.mtime_ns)
    }
}

/// One vault file and the identity that opens it.
pub struct Store {
    path: PathBuf,
    identity: Identity,
    /// The recipient list of the vault as last read, or as set for the next
    /// write: a write re-encrypts to the recipients of the vault it replaces.
    recipients: std::sync::Mutex<Option<Vec<Recipient>>>,
    /// Test builds only: abort a write at this point.
    pub crash_at: Option<CrashPoint>,
}

impl Store {
    /// A vault path that is a symlink is resolved here: reads, the lock, the temp
    /// file and the rename all happen at the target, so a write replaces the target
    /// and the link stays a link.
    pub fn new(path: PathBuf, identity: impl Into<Identity>) -> Self {
        Store {
            path: files::resolve_links(&path),
            identity: identity.into(),
            recipients: std::sync::Mutex::new(None),
            crash_at: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn public_key(&self) -> String {
        self.identity.recipient().to_string()
    }

    /// Opens the vault file for reading if it is there; only a regular file.
    fn open_file(&self) -> Result<Option<std::fs::File>, VaultError> {
        files::open_regular(
            &self.path,
            "vault",
            "cannot read the vault",
            "SMVAULT_FILE (or --vault) must name a vault file written by smvault",
        )
    }

    /// Reads and decrypts the vault's text; `None` if it does not exist yet.
    pub fn read(&self) -> Result<Option<WipedBytes>, VaultError> {
        use std::io::{BufRead, Read, Seek, SeekFrom};
        let io = |e| VaultError::io("cannot read the vault", &self.path, e);
        let Some(file) = self.open_file()? else {
            return Ok(None);
        };
        // Decrypt straight from the file into one buffer of the final size: no
        // copy of the ciphertext in memory, no regrowth leaving secrets behind.
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, file);
        if !reader
            .fill_buf()
            .map_err(io)?
            .starts_with(b"age-encryption.org/")
        {
            return Err(VaultError::NotAge {
                path: self.path.clone(),
            });
        }
        let decryptor = age::Decryptor::new_buffered(reader).map_err(|e| self.decrypt_error(e))?;
        let mut stream = decryptor
            .decrypt(std::iter::once(self.identity.as_age()))
            .map_err(|e| self.decrypt_error(e))?;
        // The size is the plaintext's as age authenticates it (by decrypting the last
        // chunk), never the file's length (a sparse file can claim any), and a size
        // that does not fit in memory is an error, not an abort.
        let len = stream
            .seek(SeekFrom::End(0))
            .and_then(|len| stream.rewind().map(|()| len))
            .map_err(|e| self.stream_error(e))?;
        let mut plaintext = WipedBytes(Vec::new());
        usize::try_from(len)
            .ok()
            .and_then(|len| plaintext.try_reserve_exact(len).ok())
            .ok_or_else(|| {
                io(std::io::Error::new(
                    std::io::ErrorKind::OutOfMemory,
                    format!("its {len} bytes of plaintext do not fit in memory"),
                ))
            })?;
        stream
            .read_to_end(&mut plaintext)
            .map_err(|e| self.decrypt_error(age::DecryptError::Io(e)))?;
        self.remember_recipients(&plaintext)?;
        Ok(Some(plaintext))
    }

    /// The decrypted vault as a stream that can seek (age decrypts and checks only
    /// the 64 KiB chunks that are read); `None` if the vault does not exist.
    pub fn open(&self) -> Result<Option<impl std::io::Read + std::io::Seek + use<>>, VaultError> {
        use std::io::BufRead;
        let io = |e| VaultError::io("cannot read the vault", &self.path, e);
        let Some(file) = self.open_file()? else {
            return Ok(None);
        };
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, file);
        if !reader
            .fill_buf()
            .map_err(io)?
            .starts_with(b"age-encryption.org/")
        {
            return Err(VaultError::NotAge {
                path: self.path.clone(),
            });
        }
        let decryptor = age::Decryptor::new_buffered(reader).map_err(|e| self.decrypt_error(e))?;
        decryptor
            .decrypt(std::iter::once(self.identity.as_age()))
            .map(Some)
            .map_err(|e| self.decrypt_error(e))
    }

    /// Maps a failure while reading the stream from [`Store::open`].
    pub fn stream_error(&self, e: std::io::Error) -> VaultError {
        self.decrypt_error(age::DecryptError::Io(e))
    }

    /// The identity of the file as it is now; `None` if it does not exist.
    pub fn file_id(&self) -> Result<Option<FileId>, VaultError> {
        FileId::of(&self.path)
    }

    /// The data inside text from [`Store::read`], which it may borrow from.
    pub fn decode<'a, T: Deserialize<'a>>(&self, plaintext: &'a [u8]) -> Result<T, VaultError> {
        envelope::decode(plaintext).map_err(|e| self.envelope_error(e))
    }

    /// The data's JSON text inside text from [`Store::read`], which it may borrow from.
    pub fn decode_text<'a>(&self, plaintext: &'a [u8]) -> Result<Cow<'a, [u8]>, VaultError> {
        envelope::data_text(plaintext).map_err(|e| self.envelope_error(e))
    }

    fn envelope_error(&self, e: envelope::EnvelopeError) -> VaultError {
        match e {
            envelope::EnvelopeError::UnknownFormat(found) => VaultError::UnknownFormat {
                path: self.path.clone(),
                found,
            },
            envelope::EnvelopeError::Corrupt { line, column } => VaultError::Corrupt {
                path: self.path.clone(),
                line,
                column,
            },
        }
    }

    /// Reads, decrypts and decodes the vault; `None` if it does not exist yet.
    pub fn load<T: DeserializeOwned>(&self) -> Result<Option<T>, VaultError> {
        match self.read()? {
            Some(plaintext) => self.decode(&plaintext).map(Some),
            None => Ok(None),
        }
    }

    fn decrypt_error(&self, e: age::DecryptError) -> VaultError {
        let reason = match e {
            // A failing disk is an I/O error, not a damaged vault.
            age::DecryptError::Io(e) if e.raw_os_error().is_some() => {
                return VaultError::io("cannot read the vault", &self.path, e);
            }
            age::DecryptError::NoMatchingKeys => "it was not encrypted to this identity",
            age::DecryptError::InvalidHeader | age::DecryptError::UnknownFormat => {
                "its age header is damaged"
            }
            // Payload failures (a cut-off file, a flipped byte) surface as
            // authentication or data errors of the stream.
            _ => "it is truncated or was altered",
        };
        VaultError::Decrypt {
            path: self.path.clone(),
            reason: reason.to_string(),
        }
    }

    /// Creates the vault's directory (mode 0700) if it is missing.
    fn create_dir(&self) -> Result<(), VaultError> {
        create_private_dir(&self.path)
    }

    /// Takes the writers' lock; hold the guard across load, change and save.
    pub fn lock(&self, timeout: Duration) -> Result<LockGuard, VaultError> {
        self.create_dir()?;
        let guard = lock::acquire(&self.path, timeout)?;
        atomic::remove_stale_temps(&self.path);
        Ok(guard)
    }

    /// Encrypts `data` and atomically replaces the vault. Needs the lock.
    pub fn save<T: Serialize>(&self, guard: &LockGuard, data: &T) -> Result<(), VaultError> {
        let text = WipedString(
            serde_json::to_string(data).map_err(|e| VaultError::Encrypt(e.to_string()))?,
        );
        self.save_text(Some(guard), text.as_bytes())
    }

    /// Encrypts data already written as JSON text and atomically replaces the
    /// vault. `guard` is `None` only for the debug-build switch that proves the
    /// concurrency test fails without locking.
    pub fn save_text(&self, guard: Option<&LockGuard>, data: &[u8]) -> Result<(), VaultError> {
        self.save_parts(guard, |write| write(data))
    }

    /// [`Store::save_text`] in the given envelope format.
    pub fn save_text_as(
        &self,
        guard: Option<&LockGuard>,
        format: envelope::Format,
        data: &[u8],
    ) -> Result<(), VaultError> {
        self.save_parts_as(guard, format, |write| write(data))
    }

    /// Like [`Store::save_text`], with the data handed over piece by piece by
    /// `parts`, encrypted straight into the temp file: the new plaintext is never
    /// held whole, and no ciphertext buffer either.
    pub fn save_parts(
        &self,
        guard: Option<&LockGuard>,
        parts: impl FnOnce(&mut dyn FnMut(&[u8])),
    ) -> Result<(), VaultError> {
        self.save_parts_as(guard, envelope::Format::Current, parts)
    }

    /// [`Store::save_parts`] in the given envelope format.
    pub fn save_parts_as(
        &self,
        guard: Option<&LockGuard>,
        format: envelope::Format,
        parts: impl FnOnce(&mut dyn FnMut(&[u8])),
    ) -> Result<(), VaultError> {
        self.encrypt_to_file(guard, format, parts, None).map(|_| ())
    }

    /// [`Store::save_parts_as`] for a server that keeps the version it wrote: also
    /// returns the plaintext as [`Store::read`] would read it back, and the identity of
    /// the file written, `None` if that file changed again before it could be told (a
    /// writer that ignores the lock).
    /// `expected` is about how long the plaintext will be (the old one's length): a buffer
    /// of the right size from the start is neither copied nor faulted in twice.
    pub fn save_parts_kept(
        &self,
        guard: Option<&LockGuard>,
        format: envelope::Format,
        expected: usize,
        parts: impl FnOnce(&mut dyn FnMut(&[u8])),
    ) -> Result<(Option<FileId>, WipedBytes), VaultError> {
        let mut kept = WipedBytes::default();
        // Room for the old text, a few records more and the envelope; a failed reservation
        // only means the buffer grows as it goes.
        let _ = kept.try_reserve_exact(expected.saturating_add(expected / 16 + 64 * 1024));
        let id = self.encrypt_to_file(guard, format, parts, Some(&mut kept))?;
        Ok((id, kept))
    }

    /// Takes `plaintext` as the vault's text as it is on disk now, read by another
    /// [`Store`] of the same file (a server's cache): a write then keeps its recipients
    /// without reading the file again.
    pub fn adopt(&self, plaintext: &[u8]) -> Result<(), VaultError> {
        self.remember_recipients(plaintext)
    }

    fn encrypt_to_file(
        &self,
        _guard: Option<&LockGuard>,
        format: envelope::Format,
        parts: impl FnOnce(&mut dyn FnMut(&[u8])),
        mut keep: Option<&mut WipedBytes>,
    ) -> Result<Option<FileId>, VaultError> {
        use std::io::Write;
        self.create_dir()?;
        let list = self.write_recipients()?;
        let keys = list
            .iter()
            .map(|e| recipients::to_age(&e.key))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| VaultError::BadRecipients(e.0))?;
        let list_text =
            serde_json::to_vec(&list).map_err(|e| VaultError::Encrypt(e.to_string()))?;
        atomic::write_with(&self.path, self.crash_at, |out| {
            let encryptor = age::Encryptor::with_recipients(
                keys.iter().map(|k| k.as_ref() as &dyn age::Recipient),
            )
            .map_err(std::io::Error::other)?;
            let mut w = encryptor.wrap_output(std::io::BufWriter::with_capacity(64 * 1024, out))?;
            let [prefix, _, trailer, list_text, suffix] =
                envelope::encode_parts_as(format, b"", &list_text);
            let mut failed = None;
            let mut put = |piece: &[u8]| {
                if failed.is_none() {
                    failed = w.write_all(piece).err();
                    if let Some(kept) = keep.as_deref_mut() {
                        kept.extend_wiping(piece);
                    }
                }
            };
            put(prefix);
            parts(&mut put);
            put(trailer);
            put(list_text);
            put(suffix);
            if let Some(e) = failed {
                return Err(e);
            }
            w.finish()?.flush()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::x25519;

    fn store(dir: &Path) -> Store {
        Store::new(dir.join("v.age"), x25519::Identity::generate())
    }

    #[test]
    fn save_then_load_round_trips_and_file_is_age() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        assert_eq!(s.load::<Vec<String>>().unwrap(), None);
        let guard = s.lock(Duration::from_secs(1)).unwrap();
        s.save(&guard, &vec!["canary-value".to_string()]).unwrap();
        let raw = std::fs::read(s.path()).unwrap();
        assert!(raw.starts_with(b"age-encryption.org/v1"));
        assert!(!raw.windows(12).any(|w| w == b"canary-value"));
        assert_eq!(
            s.load::<Vec<String>>().unwrap(),
            Some(vec!["canary-value".to_string()])
        );
    }

    #[test]
    fn a_kept_save_returns_what_a_read_reads_back_and_the_files_identity() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let guard = s.lock(Duration::from_secs(1)).unwrap();
        let (id, kept) = s
            .save_parts_kept(Some(&guard), envelope::Format::Current, 3, |write| {
                write(b"{\"a\":");
                write(b"[1,2,3]}");
            })
            .unwrap();
        assert_eq!(&kept[..], &s.read().unwrap().unwrap()[..]);
        assert_eq!(id, s.file_id().unwrap());
        assert!(id.is_some());
    }

    #[test]
    fn other_key_cannot_decrypt() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let guard = s.lock(Duration::from_secs(1)).unwrap();
        s.save(&guard, &1).unwrap();
        let other = Store::new(s.path().to_path_buf(), x25519::Identity::generate());
        assert!(matches!(
            other.load::<i32>().unwrap_err(),
            VaultError::Decrypt { .. }
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_same_size_rewrite_in_place_with_the_mtime_restored_is_a_new_version() {
        use std::io::Write;
        use std::os::unix::fs::MetadataExt;
        let ctime = |p: &Path| {
            let m = std::fs::metadata(p).unwrap();
            (m.ctime(), m.ctime_nsec())
        };
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        std::fs::write(s.path(), b"version one").unwrap();
        let before = s.file_id().unwrap().unwrap();
        let mtime = std::fs::metadata(s.path()).unwrap().modified().unwrap();
        // The kernel stamps the change time from a coarse clock: let it move on first
        // (polled, bounded), as it has between any two real writes of the vault.
        let probe = dir.path().join("probe");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            std::fs::write(&probe, b"x").unwrap();
            if ctime(&probe) != ctime(s.path()) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the clock never moved"
            );
        }
        // `cp` over the file, then `touch -r`: same inode, same size, same mtime.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(s.path())
            .unwrap();
        f.write_all(b"version two").unwrap();
        f.set_modified(mtime).unwrap();
        drop(f);
        let after = s.file_id().unwrap().unwrap();
        assert_eq!(
            (after.dev, after.ino, after.size, after.mtime_ns),
            (before.dev, before.ino, before.size, before.mtime_ns),
            "the rewrite keeps everything but the change time"
        );
        assert_ne!(after, before);
    }

    #[test]
    fn foreign_file_is_not_age() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        std::fs::write(s.path(), b"{\"plain\": true}").unwrap();
        assert!(matches!(
            s.load::<i32>().unwrap_err(),
            VaultError::NotAge { .. }
        ));
    }
}

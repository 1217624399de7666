//! The identity file (age X25519, or an ssh private key): reading it, creating it, and warning
//! when others can read it.

use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use age::x25519;
use zeroize::Zeroizing;

use super::error::VaultError;
use super::identity::Identity;

/// Parses identity text in age-keygen's format (`#` comments and one
/// `AGE-SECRET-KEY-1...` line), or an unprotected ssh private key.
pub fn parse_identity(text: &str, source_name: &str) -> Result<Identity, VaultError> {
    if Identity::is_ssh_key(text.as_bytes()) {
        return Identity::from_ssh(text.as_bytes(), source_name, &mut || {
            Err(no_passphrase(source_name))
        });
    }
    let bad = |reason: &str| VaultError::BadIdentity {
        source_name: source_name.to_string(),
        reason: reason.to_string(),
    };
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or_else(|| {
            bad(if text.trim().is_empty() {
                "it is empty"
            } else {
                "it holds no key"
            })
        })?;
    if !line.starts_with("AGE-SECRET-KEY-1") {
        return Err(bad("it is not an age X25519 identity"));
    }
    x25519::Identity::from_str(line)
        .map(Identity::from)
        .map_err(|_| bad("the key is malformed"))
}

fn no_passphrase(source_name: &str) -> VaultError {
    VaultError::Passphrase {
        source_name: source_name.to_string(),
        reason: "none was given".into(),
    }
}

/// The scrypt work factor (log2 N) of a new passphrase-protected identity:
/// about half a second to a second here, paid once per command.
pub const WORK_FACTOR: u8 = 18;
/// A passphrase-protected identity demanding more than this is refused, so a
/// hostile file cannot make every command spend seconds and a GiB of memory.
pub const MAX_WORK_FACTOR: u8 = 22;

/// Asks for the passphrase of a protected identity, only when one is met.
pub type Passphrase<'a> = &'a mut dyn FnMut() -> Result<Zeroizing<String>, VaultError>;

/// Reads an identity file: plain age-keygen text, or that text encrypted to a
/// passphrase (age's scrypt recipient), which `passphrase` is asked for.
pub fn read_identity_with(path: &Path, passphrase: Passphrase<'_>) -> Result<Identity, VaultError> {
    let Some(bytes) = super::files::read_identity_file(path)? else {
        return Err(VaultError::NoIdentity {
            path: path.to_path_buf(),
        });
    };
    let name = path.display().to_string();
    if Identity::is_ssh_key(&bytes) {
        return Identity::from_ssh(&bytes, &name, passphrase);
    }
    if bytes.starts_with(b"age-encryption.org/") {
        let text = decrypt_protected(&bytes, &name, passphrase()?)?;
        return parse_identity(&text, &name);
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| VaultError::BadIdentity {
        source_name: name.clone(),
        reason: "it is not text".into(),
    })?;
    parse_identity(text, &name)
}

/// [`read_identity_with`] for identities that need no passphrase.
pub fn read_identity(path: &Path) -> Result<Identity, VaultError> {
    read_identity_with(path, &mut || {
        Err(no_passphrase(&path.display().to_string()))
    })
}

fn decrypt_protected(
    bytes: &[u8],
    name: &str,
    pass: Zeroizing<String>,
) -> Result<Zeroizing<String>, VaultError> {
    let bad = |reason: String| VaultError::Passphrase {
        source_name: name.to_string(),
        reason,
    };
    let mut id = age::scrypt::Identity::new(age::secrecy::SecretString::from(pass.as_str()));
    id.set_max_work_factor(MAX_WORK_FACTOR);
    let plain = age::decrypt(&id, bytes).map_err(|e| match e {
        age::DecryptError::ExcessiveWork { required, .. } => bad(format!(
            "its passphrase work factor is {required}, above the {MAX_WORK_FACTOR} smvault accepts"
        )),
        age::DecryptError::DecryptionFailed
        | age::DecryptError::NoMatchingKeys
        | age::DecryptError::KeyDecryptionFailed => bad("the passphrase is wrong".into()),
        other => bad(format!("it cannot be decrypted ({other})")),
    })?;
    String::from_utf8(plain)
        .map(Zeroizing::new)
        .map_err(|_| bad("it does not hold an identity".into()))
}

/// Whether the file's mode lets group or others read it.
pub fn readable_by_others(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Creates a new identity file (mode 0600, never overwriting) in age-keygen's
/// format, encrypted to `passphrase` when one is given, and returns the public key.
pub fn create_identity(
    path: &Path,
    created: &str,
    passphrase: Option<&str>,
) -> Result<String, VaultError> {
    let identity = x25519::Identity::generate();
    let public = identity.to_public().to_string();
    // Only the owner may list where the key lives.
    super::create_private_dir(path)?;
    let secret = identity.to_string();
    let text = Zeroizing::new(format!(
        "# created: {created}\n# public key: {public}\n{}\n",
        secret.expose_secret()
    ));
    let bytes: Zeroizing<Vec<u8>> = match passphrase {
        None => Zeroizing::new(text.as_bytes().to_vec()),
        Some(pass) => {
            let mut recipient = age::scrypt::Recipient::new(age::secrecy::SecretString::from(pass));
            recipient.set_work_factor(WORK_FACTOR);
            Zeroizing::new(
                age::encrypt(&recipient, text.as_bytes())
                    .map_err(|e| VaultError::Encrypt(e.to_string()))?,
            )
        }
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| VaultError::io("cannot create the identity", path, e))?;
    file.write_all(&bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| VaultError::io("cannot write the identity", path, e))?;
    Ok(public)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_identity_reads_back_with_mode_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/id.txt");
        let public = create_identity(&path, "now", None).unwrap();
        let id = read_identity(&path).unwrap();
        assert_eq!(id.recipient(), public);
        assert!(!readable_by_others(&path));
        assert!(
            create_identity(&path, "now", None).is_err(),
            "never overwrites"
        );
    }

    #[test]
    fn passphrase_protected_identity_needs_the_right_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("id.age");
        let public = create_identity(&path, "now", Some("correct horse")).unwrap();
        assert!(
            std::fs::read(&path)
                .unwrap()
                .starts_with(b"age-encryption.org/v1")
        );
        let ok =
            read_identity_with(&path, &mut || Ok(Zeroizing::new("correct horse".into()))).unwrap();
        assert_eq!(ok.recipient(), public);
        let Err(e) = read_identity_with(&path, &mut || Ok(Zeroizing::new("wrong".into()))) else {
            panic!("a wrong passphrase must fail")
        };
        assert!(e.to_string().contains("passphrase is wrong"), "{e}");
        let Err(e) = read_identity(&path) else {
            panic!("needs a passphrase")
        };
        assert!(e.to_string().contains("SMVAULT_PASSPHRASE"), "{e}");
        assert!(matches!(e, VaultError::Passphrase { .. }));
    }

    #[test]
    fn excessive_work_factor_is_refused() {
        // A header asking for log N = 23 (8 GiB of scrypt); age refuses it before any work.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("id.age");
        let a43 = "A".repeat(43);
        let mut file = format!(
            "age-encryption.org/v1\n-> scrypt {} 23\n{a43}\n--- {a43}\n",
            "A".repeat(22)
        )
        .into_bytes();
        file.extend_from_slice(&[0u8; 48]);
        std::fs::write(&path, file).unwrap();
        #[cfg(unix)]
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap();
        let Err(e) = read_identity_with(&path, &mut || Ok(Zeroizing::new("p".into()))) else {
            panic!("work factor above the maximum")
        };
        assert!(e.to_string().contains("above the 22"), "{e}");
    }

    #[test]
    fn missing_identity_says_how_to_fix_it() {
        let Err(e) = read_identity(Path::new("/nonexistent/id.txt")) else {
            panic!("no identity there")
        };
        assert!(matches!(e, VaultError::NoIdentity { .. }));
        assert!(e.to_string().contains("smvault init"));
    }

    #[test]
    fn garbage_identity_is_refused() {
        assert!(parse_identity("# only a comment\n", "x").is_err());
        assert!(parse_identity("", "x").is_err());
        assert!(parse_identity("AGE-SECRET-KEY-1XYZ", "x").is_err());
        assert!(parse_identity("hello", "x").is_err());
    }
}

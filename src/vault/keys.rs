//! The age X25519 identity: reading it, creating it, and warning when others can read it.

use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use age::x25519;
use zeroize::Zeroizing;

use super::error::VaultError;

/// Parses identity text in age-keygen's format: `#` comments and one
/// `AGE-SECRET-KEY-1...` line.
pub fn parse_identity(text: &str, source_name: &str) -> Result<x25519::Identity, VaultError> {
    let bad = |reason: &str| VaultError::BadIdentity {
        source_name: source_name.to_string(),
        reason: reason.to_string(),
    };
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or_else(|| bad("it holds no key"))?;
    if !line.starts_with("AGE-SECRET-KEY-1") {
        return Err(bad("it is not an age X25519 identity"));
    }
    x25519::Identity::from_str(line).map_err(|_| bad("the key is malformed"))
}

pub fn read_identity(path: &Path) -> Result<x25519::Identity, VaultError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => Zeroizing::new(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(VaultError::NoIdentity {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(VaultError::io("cannot read the identity", path, e)),
    };
    parse_identity(&text, &path.display().to_string())
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
/// format and returns the public key.
pub fn create_identity(path: &Path, created: &str) -> Result<String, VaultError> {
    let identity = x25519::Identity::generate();
    let public = identity.to_public().to_string();
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        // Only the owner may list where the key lives.
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(dir)
            .map_err(|e| VaultError::io("cannot create the directory", dir, e))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| VaultError::io("cannot create the identity", path, e))?;
    let secret = identity.to_string();
    let text = Zeroizing::new(format!(
        "# created: {created}\n# public key: {public}\n{}\n",
        secret.expose_secret()
    ));
    file.write_all(text.as_bytes())
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
        let public = create_identity(&path, "now").unwrap();
        let id = read_identity(&path).unwrap();
        assert_eq!(id.to_public().to_string(), public);
        assert!(!readable_by_others(&path));
        assert!(create_identity(&path, "now").is_err(), "never overwrites");
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

//! What can go wrong with the vault file, its identity and its lock, and what to do about it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error(
        "no age identity at {path}\n  hint: run `smvault init` to create one, or point SMVAULT_AGE_KEY_FILE (or --identity) at your identity file"
    )]
    NoIdentity { path: PathBuf },
    #[error(
        "the age identity {source_name} is unusable: {reason}\n  hint: it must hold an `AGE-SECRET-KEY-1...` line, as written by `smvault init` or `age-keygen`, or be an ssh-ed25519 or ssh-rsa private key"
    )]
    BadIdentity { source_name: String, reason: String },
    #[error(
        "the age identity {source_name} is protected by a passphrase: {reason}\n  hint: set SMVAULT_PASSPHRASE to its passphrase, or run smvault on a terminal to be asked"
    )]
    Passphrase { source_name: String, reason: String },
    #[error(
        "cannot decrypt the vault {path}: {reason}\n  hint: this vault was encrypted for another identity, or is damaged; restore it from a backup or use the identity it was made with"
    )]
    Decrypt { path: PathBuf, reason: String },
    #[error(
        "the vault {path} is not an age-encrypted file\n  hint: SMVAULT_FILE (or --vault) must name a vault written by smvault"
    )]
    NotAge { path: PathBuf },
    #[error(
        "the vault {path} has format {found}, which this smvault does not know\n  hint: upgrade smvault; the file was left untouched"
    )]
    UnknownFormat { path: PathBuf, found: String },
    #[error(
        "the vault {path} decrypts but its contents are damaged (line {line}, column {column})\n  hint: restore it from a backup"
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// Parses, but breaks a rule of the service; `rule` names the secret, never a value.
    #[error(
        "the vault {path} is inconsistent: {rule}\n  hint: restore it from a backup; the file was left untouched"
    )]
    Inconsistent { path: PathBuf, rule: String },
    #[error(
        "the vault {path} decrypts but its contents are damaged: {reason}\n  hint: restore it from a backup; smvault left it untouched"
    )]
    Invalid { path: PathBuf, reason: String },
    #[error("the {what} {path} is {kind}, not a regular file\n  hint: {hint}")]
    NotRegular {
        what: &'static str,
        path: PathBuf,
        kind: &'static str,
        hint: &'static str,
    },
    #[error(
        "the age identity {path} can be read by other users (mode {mode:04o})\n  hint: run `chmod 600 {path}`; like ssh with a private key, smvault refuses an identity others can read"
    )]
    IdentityExposed { path: PathBuf, mode: u32 },
    /// Who read which secret is for the owner only, as the identity is.
    #[error(
        "the audit log {path} can be read by other users (mode {mode:04o})\n  hint: run `chmod 600 {path}`; smvault appends only to an audit log no one else can read"
    )]
    LogExposed { path: PathBuf, mode: u32 },
    #[error(
        "timed out after {seconds} s waiting for the lock {path}\n  hint: another smvault is writing this vault; try again"
    )]
    Locked { path: PathBuf, seconds: u64 },
    #[error(
        "{action} {path}: {source}\n  hint: check the free space and the permissions there; a failed write leaves the vault as it was"
    )]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An audit line that was not written whole; unlike [`VaultError::Io`] it says
    /// nothing of the vault, which the request may have changed.
    #[error(
        "cannot write to the audit log {path}: {source}\n  hint: check the free space, the quota and the file-size limit there"
    )]
    LogWrite {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot encrypt the vault: {0}")]
    Encrypt(String),
    #[error("{0}\n  hint: the vault was left untouched")]
    BadRecipients(String),
    #[error(
        "refusing to leave the vault {path} without a recipient your identity ({public}) decrypts for: you could not read it again\n  hint: add your own recipient too, or pass --force if someone else will open it"
    )]
    LockOut { path: PathBuf, public: String },
    #[error(
        "refusing to remove the last recipient of the vault {path}: nobody could open it\n  hint: add the new recipient first, then remove this one"
    )]
    LastRecipient { path: PathBuf },
}

impl VaultError {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        VaultError::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// Whether the problem is the identity or the vault file itself (AWS CLI
    /// exit 253, "configuration") rather than an I/O failure or a busy lock.
    pub fn is_configuration(&self) -> bool {
        !matches!(
            self,
            VaultError::Locked { .. }
                | VaultError::Io { .. }
                | VaultError::Encrypt(_)
                | VaultError::LogWrite { .. }
        )
    }
}

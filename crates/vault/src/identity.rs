//! The identity that opens a vault: an age X25519 key or an ssh private key (ed25519 or
//! rsa, a passphrase-protected one unlocked once up front), with the recipient it answers to.

use std::str::FromStr;

use age::x25519;
use zeroize::Zeroizing;

use super::error::VaultError;

#[derive(Clone)]
enum Kind {
    X25519(x25519::Identity),
    /// Always unencrypted: a protected key is unlocked when it is read.
    Ssh(age::ssh::Identity),
}

/// A private key that decrypts the vault, and its public recipient in canonical form.
#[derive(Clone)]
pub struct Identity {
    kind: Kind,
    recipient: String,
}

impl From<x25519::Identity> for Identity {
    fn from(id: x25519::Identity) -> Self {
        let recipient = id.to_public().to_string();
        Identity {
            kind: Kind::X25519(id),
            recipient,
        }
    }
}

impl Identity {
    /// The recipient this identity decrypts for (`age1…` or `ssh-… AAAA…`, no comment).
    pub fn recipient(&self) -> &str {
        &self.recipient
    }

    /// The age X25519 key, when the identity is one.
    pub fn x25519(&self) -> Option<&x25519::Identity> {
        match &self.kind {
            Kind::X25519(id) => Some(id),
            Kind::Ssh(_) => None,
        }
    }

    pub fn as_age(&self) -> &dyn age::Identity {
        match &self.kind {
            Kind::X25519(id) => id,
            Kind::Ssh(id) => id,
        }
    }

    /// Whether `text` is an ssh private key (the formats age reads), not an age identity.
    pub fn is_ssh_key(text: &[u8]) -> bool {
        let start = text.trim_ascii_start();
        start.starts_with(b"-----BEGIN OPENSSH PRIVATE KEY-----")
            || start.starts_with(b"-----BEGIN RSA PRIVATE KEY-----")
    }

    /// Reads an ssh private key; `passphrase` is asked only for a protected one.
    pub fn from_ssh(
        text: &[u8],
        source_name: &str,
        passphrase: super::keys::Passphrase<'_>,
    ) -> Result<Identity, VaultError> {
        let bad = |reason: String| VaultError::BadIdentity {
            source_name: source_name.to_string(),
            reason,
        };
        let parsed = age::ssh::Identity::from_buffer(text, Some(source_name.to_string()))
            .map_err(|_| bad("it is not a valid ssh private key".into()))?;
        let recipient = age::ssh::Recipient::try_from(parsed.clone())
            .map_err(|e| bad(unsupported(&e, &parsed)))?
            .to_string();
        let key = match parsed {
            age::ssh::Identity::Unencrypted(key) => key,
            age::ssh::Identity::Encrypted(enc) => {
                let pass: Zeroizing<String> = passphrase()?;
                enc.decrypt(age::secrecy::SecretString::from(pass.as_str()))
                    .map_err(|_| VaultError::Passphrase {
                        source_name: source_name.to_string(),
                        reason: "the passphrase is wrong".into(),
                    })?
            }
            age::ssh::Identity::Unsupported(_) => {
                return Err(bad(unsupported(
                    &age::ssh::ParseRecipientKeyError::Ignore,
                    &parsed,
                )));
            }
        };
        Ok(Identity {
            kind: Kind::Ssh(age::ssh::Identity::Unencrypted(key)),
            recipient,
        })
    }
}

fn unsupported(e: &age::ssh::ParseRecipientKeyError, id: &age::ssh::Identity) -> String {
    use age::ssh::{ParseRecipientKeyError as P, UnsupportedKey as U};
    if let age::ssh::Identity::Unsupported(k) = id {
        return match k {
            U::EncryptedPem => {
                "it is an encrypted PEM key, which age cannot read; convert it with `ssh-keygen -o -p`"
                    .into()
            }
            U::EncryptedSsh(cipher) => format!("it is encrypted with {cipher}, which age cannot read"),
            U::Hardware(t) => format!("{t} keys live on a hardware token, which age cannot use"),
            U::Type(t) => format!("age supports ssh-ed25519 and ssh-rsa keys, not {t}"),
        };
    }
    match e {
        P::Unsupported(t) => format!("age supports ssh-ed25519 and ssh-rsa keys, not {t}"),
        P::RsaModulusTooSmall => "its RSA key is shorter than the 2048 bits age requires".into(),
        P::RsaModulusTooLarge => "its RSA key is longer than age supports".into(),
        _ => "it is not a key age supports".into(),
    }
}

/// An age X25519 identity line (`AGE-SECRET-KEY-1…`).
pub fn x25519_from_line(line: &str) -> Option<Identity> {
    x25519::Identity::from_str(line).ok().map(Identity::from)
}

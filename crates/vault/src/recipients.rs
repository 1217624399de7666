//! The vault's recipients: the list kept inside it, parsing what a user gives (age X25519,
//! ssh-ed25519, ssh-rsa, a `.pub` file), and the three-way merge of two branches' lists.

use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::VaultError;

/// One recipient the vault is encrypted to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The public key in canonical form: `age1…`, or `ssh-… AAAA…` without a comment.
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Why a recipient cannot be used. Never holds the text given, only its shape:
/// someone may paste a private key by mistake.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct RecipientError(pub String);

/// A recipient files larger than this is not a recipients file.
const MAX_FILE: u64 = 64 * 1024;

const SUPPORTED: &str = "give an age X25519 key (age1…), an ssh-ed25519 or ssh-rsa public key, or a .pub file holding one";

/// What the user typed: a key, or the path of a file holding exactly one. The
/// ssh comment, if any, comes back as a label.
pub fn from_arg(arg: &str) -> Result<(Entry, Option<String>), RecipientError> {
    let t = arg.trim();
    if looks_like_key(t) {
        return parse_line(t).map_err(RecipientError);
    }
    if t.starts_with("AGE-SECRET-KEY-") || t.contains("PRIVATE KEY") {
        return Err(RecipientError(
            "that is a private key, not a recipient; give its public key (`age-keygen -y FILE`, or the .pub file)".into(),
        ));
    }
    let path = Path::new(arg);
    if path.is_file() {
        return from_file(path);
    }
    Err(RecipientError(format!(
        "the recipient is not a key, nor a file that exists; {SUPPORTED}"
    )))
}

fn looks_like_key(t: &str) -> bool {
    t.starts_with("age1")
        || t.starts_with("ssh-")
        || t.starts_with("ecdsa-")
        || t.starts_with("sk-")
}

fn from_file(path: &Path) -> Result<(Entry, Option<String>), RecipientError> {
    let name = path.display();
    let fail = |why: String| RecipientError(format!("the recipient file {name} {why}"));
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot be read: {e}")))?;
    if meta.len() > MAX_FILE {
        return Err(fail(format!("is larger than {} KiB", MAX_FILE / 1024)));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot be read: {e}")))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| fail("is not text".into()))?;
    if text.contains("PRIVATE KEY") || text.contains("AGE-SECRET-KEY-") {
        return Err(fail(
            "holds a private key; give the public key (the .pub file) instead".into(),
        ));
    }
    // age's recipients-file rules: blank lines and lines starting with `#` are skipped.
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    match lines.as_slice() {
        [] => Err(fail("holds no key".into())),
        [(n, line)] => {
            parse_line(line.trim()).map_err(|why| fail(format!("line {}: {why}", n + 1)))
        }
        more => Err(fail(format!(
            "holds {} keys; add one recipient at a time",
            more.len()
        ))),
    }
}

/// Parses one key; the ssh comment, if any, is returned as a label.
fn parse_line(line: &str) -> Result<(Entry, Option<String>), String> {
    if line.starts_with("age1") {
        return age::x25519::Recipient::from_str(line)
            .map(|r| {
                (
                    Entry {
                        key: r.to_string(),
                        label: None,
                    },
                    None,
                )
            })
            .map_err(|_| {
                "it is not an age X25519 recipient (plugin and post-quantum recipients are not supported)".to_string()
            });
    }
    let mut words = line.split_whitespace();
    let key_type = words.next().unwrap_or_default();
    let (_, comment) = (words.next(), words.collect::<Vec<_>>().join(" "));
    use age::ssh::ParseRecipientKeyError as P;
    match age::ssh::Recipient::from_str(line) {
        Ok(r) => Ok((
            Entry {
                key: r.to_string(),
                label: None,
            },
            Some(comment).filter(|c| !c.is_empty()),
        )),
        Err(P::Unsupported(t)) => Err(format!(
            "age supports ssh-ed25519 and ssh-rsa keys, not {}",
            printable(&t)
        )),
        Err(_) if looks_like_key(key_type) && !matches!(key_type, "ssh-ed25519" | "ssh-rsa") => {
            Err(format!(
                "age supports ssh-ed25519 and ssh-rsa keys, not {}",
                printable(key_type)
            ))
        }
        Err(P::RsaModulusTooSmall) => {
            Err("the RSA key is shorter than the 2048 bits age requires".into())
        }
        Err(P::RsaModulusTooLarge) => Err("the RSA key is longer than age supports".into()),
        Err(_) => Err(format!("it is not a valid public key; {SUPPORTED}")),
    }
}

/// A key type name as typed, if it looks like one; never arbitrary text.
fn printable(t: &str) -> String {
    if t.len() <= 64
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-@._".contains(&b))
    {
        t.to_string()
    } else {
        "this key type".into()
    }
}

/// The age recipient for a stored key.
pub fn to_age(key: &str) -> Result<Box<dyn age::Recipient + Send>, RecipientError> {
    let bad = || RecipientError("the vault's recipient list holds a key that is not valid".into());
    if key.starts_with("age1") {
        return age::x25519::Recipient::from_str(key)
            .map(|r| Box::new(r) as Box<dyn age::Recipient + Send>)
            .map_err(|_| bad());
    }
    age::ssh::Recipient::from_str(key)
        .map(|r| Box::new(r) as Box<dyn age::Recipient + Send>)
        .map_err(|_| bad())
}

/// Finds the recipients a user named by key (with or without comment) or by label.
pub fn find(list: &[Entry], what: &str) -> Result<usize, RecipientError> {
    let canonical = if looks_like_key(what.trim()) {
        parse_line(what.trim()).ok().map(|(e, _)| e.key)
    } else {
        None
    };
    if let Some(key) = canonical {
        return list
            .iter()
            .position(|e| e.key == key)
            .ok_or_else(|| RecipientError("that key is not a recipient of this vault".into()));
    }
    let by_label: Vec<usize> = (0..list.len())
        .filter(|&i| list[i].label.as_deref() == Some(what))
        .collect();
    match by_label.as_slice() {
        [i] => Ok(*i),
        [] => Err(RecipientError(format!(
            "no recipient has the label '{}'; `smvault recipients list` shows them",
            printable_label(what)
        ))),
        _ => Err(RecipientError(format!(
            "{} recipients have the label '{}'; name the key instead",
            by_label.len(),
            printable_label(what)
        ))),
    }
}

fn printable_label(l: &str) -> String {
    l.chars().filter(|c| !c.is_control()).take(80).collect()
}

/// Three-way merge of recipient lists: a recipient is kept when both sides
/// have it, or when one side added it; one removed on either side is gone.
/// A label changed on one side only takes that side's change; ours wins a tie.
pub fn merge3(base: &[Entry], ours: &[Entry], theirs: &[Entry]) -> Vec<Entry> {
    let find = |list: &[Entry], key: &str| list.iter().find(|e| e.key == key).cloned();
    let mut out = Vec::new();
    for o in ours {
        let b = find(base, &o.key);
        match (find(theirs, &o.key), &b) {
            (Some(t), Some(b)) => {
                let label = if o.label == b.label {
                    t.label
                } else {
                    o.label.clone()
                };
                out.push(Entry {
                    key: o.key.clone(),
                    label,
                });
            }
            (Some(_), None) | (None, None) => out.push(o.clone()),
            // In the base and ours, gone from theirs: they removed it.
            (None, Some(_)) => {}
        }
    }
    for t in theirs {
        if find(ours, &t.key).is_none() && find(base, &t.key).is_none() {
            out.push(t.clone());
        }
    }
    out
}

impl super::Store {
    /// The recipient list the next write encrypts to: the vault's own, or, for a
    /// vault written before lists were kept (or not written yet), this identity's
    /// (an empty list is never kept: it is read as none).
    pub fn recipients(&self) -> Vec<Entry> {
        self.recipients
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| {
                vec![Entry {
                    key: self.identity.recipient().to_string(),
                    label: None,
                }]
            })
    }

    /// Sets the list the next write encrypts to, after the lock-out guard: never
    /// an empty list, and one this identity decrypts for unless `force`.
    pub fn set_recipients(&self, list: Vec<Entry>, force: bool) -> Result<(), VaultError> {
        if list.is_empty() {
            return Err(VaultError::LastRecipient {
                path: self.path.clone(),
            });
        }
        if !force && !list.iter().any(|e| e.key == self.identity.recipient()) {
            return Err(VaultError::LockOut {
                path: self.path.clone(),
                public: self.identity.recipient().to_string(),
            });
        }
        *self
            .recipients
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(list);
        Ok(())
    }

    /// A store for another vault file opened by the same identity.
    pub fn with_path(&self, path: std::path::PathBuf) -> super::Store {
        super::Store::new(path, self.identity.clone())
    }

    /// Whether this identity is one of the vault's recipients.
    pub fn is_recipient(&self) -> bool {
        self.recipients()
            .iter()
            .any(|e| e.key == self.identity.recipient())
    }

    /// Records the list kept in plaintext just read.
    pub(super) fn remember_recipients(&self, plaintext: &[u8]) -> Result<(), VaultError> {
        let list = super::envelope::recipients(plaintext)
            .map_err(|e| self.envelope_error(e))?
            .unwrap_or_default();
        *self
            .recipients
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(list);
        Ok(())
    }

    /// The list for a write: a vault on disk that was not read yet is read first,
    /// so that a write never drops the recipients it does not know of.
    pub(super) fn write_recipients(&self) -> Result<Vec<Entry>, VaultError> {
        let known = self
            .recipients
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .is_some();
        if !known && self.path.exists() {
            self.read()?;
        }
        Ok(self.recipients())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(k: &str, l: Option<&str>) -> Entry {
        Entry {
            key: k.into(),
            label: l.map(Into::into),
        }
    }

    const ED: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZs+VbrmF2Z0zTGOUYYMn4oJcOqJfNVMPAFTgBxErcK";

    #[test]
    fn age_key_is_canonical_and_has_no_label() {
        let id = age::x25519::Identity::generate();
        let public = id.to_public().to_string();
        let (entry, label) = from_arg(&format!("  {public} ")).unwrap();
        assert_eq!(entry.key, public);
        assert_eq!(label, None);
    }

    #[test]
    fn ssh_comment_becomes_the_label_and_leaves_the_key() {
        let (entry, label) = from_arg(&format!("{ED} alice@laptop")).unwrap();
        assert_eq!(entry.key, ED);
        assert_eq!(label.as_deref(), Some("alice@laptop"));
    }

    #[test]
    fn not_a_key_is_refused_without_echo() {
        let e = from_arg("hunter2-not-a-key").unwrap_err();
        assert!(!e.0.contains("hunter2"), "{e}");
        let e = from_arg("age1notakey").unwrap_err();
        assert!(e.0.contains("not an age X25519 recipient"), "{e}");
        let e = from_arg("AGE-SECRET-KEY-1ABC").unwrap_err();
        assert!(e.0.contains("private key") && !e.0.contains("1ABC"), "{e}");
    }

    #[test]
    fn unsupported_ssh_type_is_named() {
        let e = from_arg(
            "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFake= me",
        )
        .unwrap_err();
        assert!(e.0.contains("not ecdsa-sha2-nistp256"), "{e}");
    }

    #[test]
    fn pub_file_must_hold_exactly_one_key() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("one.pub");
        std::fs::write(&one, format!("# comment\n\n{ED} bob\n")).unwrap();
        assert_eq!(from_arg(one.to_str().unwrap()).unwrap().0.key, ED);
        let two = dir.path().join("two.pub");
        std::fs::write(&two, format!("{ED} a\n{ED} b\n")).unwrap();
        let e = from_arg(two.to_str().unwrap()).unwrap_err();
        assert!(e.0.contains("holds 2 keys"), "{e}");
        let bad = dir.path().join("bad.pub");
        std::fs::write(&bad, "garbage-line\n").unwrap();
        let e = from_arg(bad.to_str().unwrap()).unwrap_err();
        assert!(e.0.contains("line 1") && !e.0.contains("garbage"), "{e}");
    }

    #[test]
    fn find_by_key_or_unique_label() {
        let list = vec![
            e("age1a", Some("alice")),
            e(ED, Some("bob")),
            e("age1c", Some("bob")),
        ];
        assert_eq!(find(&list, "alice").unwrap(), 0);
        assert_eq!(find(&list, &format!("{ED} other-comment")).unwrap(), 1);
        assert!(find(&list, "bob").unwrap_err().0.contains("2 recipients"));
        assert!(find(&list, "carol").is_err());
    }

    #[test]
    fn merge_keeps_additions_from_both_sides_and_honours_removals() {
        let base = vec![e("a", None), e("b", None)];
        let ours = vec![e("a", None), e("b", None), e("c", None)];
        let theirs = vec![e("a", None), e("d", None)];
        let keys: Vec<String> = merge3(&base, &ours, &theirs)
            .into_iter()
            .map(|e| e.key)
            .collect();
        assert_eq!(keys, ["a", "c", "d"]);
    }

    #[test]
    fn merge_takes_a_label_changed_on_one_side() {
        let base = vec![e("a", Some("old"))];
        let ours = vec![e("a", Some("old"))];
        let theirs = vec![e("a", Some("new"))];
        assert_eq!(
            merge3(&base, &ours, &theirs)[0].label.as_deref(),
            Some("new")
        );
        assert_eq!(
            merge3(&base, &theirs, &ours)[0].label.as_deref(),
            Some("new")
        );
    }
}

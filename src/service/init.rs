//! `smvault init`: the identity (made when missing, protected by a passphrase if asked) and
//! the vault's own settings and recipients, written in the writers' transaction.

use std::path::PathBuf;

use zeroize::Zeroizing;

use super::txn::locked_in;
use super::{AskPassphrase, Env, Error, IdentitySource};
use crate::core::stored::Scope;
use crate::vault::keys;

/// What `init` is asked to set; what is not given stays as it is.
#[derive(Default)]
pub struct Init {
    /// The account id in ARNs: 12 digits.
    pub account_id: Option<String>,
    pub default_region: Option<String>,
    /// Public keys to encrypt to as well (as `recipients add` takes them).
    pub recipients: Vec<String>,
    /// Make the identity, which must not exist yet, protected by the passphrase this asks
    /// for (naming the file it protects).
    pub passphrase: Option<AskPassphrase>,
}

/// Where the vault is, the public key it is encrypted to for this identity, its account.
pub struct Initialized {
    pub vault: PathBuf,
    pub public_key: String,
    pub account_id: String,
}

/// Checks the request before anything else (nothing is made for one refused), makes a
/// protected identity if asked, then sets what is given in one transaction; the vault is
/// written only when it is missing or changed.
pub fn init(env: &Env, request: &Init) -> Result<Initialized, Error> {
    if let Some(id) = &request.account_id
        && (id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(Error::ParamValidation(format!(
            "--account-id must be 12 digits, got '{id}'"
        )));
    }
    if let Some(ask) = request.passphrase {
        create_protected_identity(env, ask)?;
    }
    // The whole vault is loaded and checked: rewriting one that breaks the rules would
    // carry the damage on.
    locked_in(env, &Scope::All, false, |opened, selection| {
        let recipients_changed = !request.recipients.is_empty()
            && super::recipients::add_for_init(opened.store, &request.recipients)?;
        let vault = &mut selection.vault;
        let before = (vault.account_id.clone(), vault.default_region.clone());
        if let Some(id) = &request.account_id {
            vault.account_id = Some(id.clone());
        }
        if let Some(region) = &request.default_region {
            vault.default_region = Some(region.clone());
        }
        let settings_changed = before != (vault.account_id.clone(), vault.default_region.clone());
        if recipients_changed || settings_changed || !opened.existed {
            vault.dirty = true;
        }
        Ok(Initialized {
            vault: opened.store.path().to_path_buf(),
            public_key: opened.store.public_key(),
            account_id: vault.account_id().to_string(),
        })
    })
}

/// `init --passphrase`: a new identity file encrypted to a passphrase.
fn create_protected_identity(env: &Env, ask: AskPassphrase) -> Result<(), Error> {
    let IdentitySource::File(path) = &env.identity else {
        return Err(Error::ParamValidation(
            "--passphrase protects an identity file; SMVAULT_AGE_KEY holds the key itself".into(),
        ));
    };
    if path.exists() {
        return Err(Error::ParamValidation(format!(
            "--passphrase protects a new identity, and {} exists already",
            path.display()
        )));
    }
    let what = path.display().to_string();
    let pass: Zeroizing<String> = ask(&what).map_err(|e| Error::Vault(e.for_identity(&what)))?;
    let created = chrono::DateTime::from_timestamp_millis(env.now)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default();
    keys::create_identity(path, &created, Some(&pass))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::stored::Scope;

    /// A refused request makes nothing: not the identity, not the vault, even when the
    /// identity is missing and would be made for a good one.
    #[test]
    fn a_refused_init_makes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut env = Env::for_tests(dir.path());
        let identity = dir.path().join("identity.txt");
        env.identity = IdentitySource::File(identity.clone());
        for id in ["12", "12345678901x", "1234567890123"] {
            let request = Init {
                account_id: Some(id.into()),
                passphrase: Some(|_| unreachable!("asked before the request was checked")),
                ..Init::default()
            };
            let e = init(&env, &request).err().expect("refused");
            assert_eq!(
                e.to_string(),
                format!(
                    "An error occurred (ParamValidation): --account-id must be 12 digits, got '{id}'"
                )
            );
            assert!(!identity.exists() && !env.vault_path.exists(), "{id}");
        }
    }

    /// A missing vault is written; an unchanged one is left as it is (every write encrypts
    /// anew, so its bytes would differ); a changed setting is written and kept.
    #[test]
    fn init_writes_a_missing_vault_and_rewrites_only_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::for_tests(dir.path());
        let first = init(&env, &Init::default()).unwrap();
        assert_eq!(first.vault, env.vault_path);
        assert_eq!(first.account_id, "123456789012");
        let bytes = std::fs::read(&env.vault_path).unwrap();
        init(&env, &Init::default()).unwrap();
        assert_eq!(std::fs::read(&env.vault_path).unwrap(), bytes, "unchanged");
        let request = Init {
            account_id: Some("210987654321".into()),
            default_region: Some("eu-west-1".into()),
            ..Init::default()
        };
        assert_eq!(init(&env, &request).unwrap().account_id, "210987654321");
        assert_ne!(std::fs::read(&env.vault_path).unwrap(), bytes);
        let kept = super::super::txn::read_only(&env, &Scope::Nothing, |v, _| {
            Ok((v.account_id.clone(), v.default_region.clone()))
        })
        .unwrap();
        assert_eq!(
            kept,
            (Some("210987654321".into()), Some("eu-west-1".into()))
        );
    }
}

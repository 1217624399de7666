//! Changing who the vault is encrypted to: under the writers' lock, the data copied byte for
//! byte, the new list checked by the lock-out guard.

use std::path::Path;

use super::txn::open_store;
use super::{Env, Error};
use crate::core::model::Vault;
use crate::core::stored::{Scope, StoredVault, write_vault};
use crate::vault::recipients;
/// One recipient: its public key and label (the edges name it here, not in the vault).
pub use crate::vault::recipients::Entry;
use crate::vault::{Store, VaultError};

/// The vault's recipients and the one this identity decrypts for; `None` when
/// there is neither a vault nor an identity yet.
pub fn list(env: &Env) -> Result<Option<(Vec<Entry>, String)>, Error> {
    let Some(store) = open_store(env, false)? else {
        return Ok(None);
    };
    store.read()?;
    Ok(Some((store.recipients(), store.public_key())))
}

/// A secret a removed recipient could read: its name, ARN, and whether it has a
/// rotation function.
pub struct Exposed {
    pub name: String,
    pub arn: String,
    pub has_function: bool,
}

fn param(e: recipients::RecipientError) -> Error {
    Error::ParamValidation(e.0)
}

/// `init --recipient`: adds these keys to the list the next write of `store` uses;
/// whether the list changed.
pub(super) fn add_for_init(store: &Store, given: &[String]) -> Result<bool, Error> {
    let mut list = store.recipients();
    let before = list.clone();
    for arg in given {
        let (entry, comment) = recipients::from_arg(arg).map_err(param)?;
        if !list.iter().any(|e| e.key == entry.key) {
            list.push(Entry {
                label: comment,
                ..entry
            });
        }
    }
    let changed = list != before;
    store.set_recipients(list, false)?;
    Ok(changed)
}

/// Adds a recipient (or relabels one); `false` when it was there already.
pub fn add(env: &Env, arg: &str, label: Option<String>, force: bool) -> Result<bool, Error> {
    let (entry, comment) = recipients::from_arg(arg).map_err(param)?;
    let label = label.or(comment);
    let mut changed = false;
    change(env, force, |list, _| {
        match list.iter_mut().find(|e| e.key == entry.key) {
            Some(e) if label.is_none() || e.label == label => return Ok(false),
            Some(e) => e.label = label.clone(),
            None => list.push(Entry {
                key: entry.key.clone(),
                label: label.clone(),
            }),
        }
        changed = true;
        Ok(true)
    })?;
    Ok(changed)
}

/// Removes the recipient named by key or label; returns it and the secrets it could read.
pub fn remove(env: &Env, what: &str, force: bool) -> Result<(Entry, Vec<Exposed>), Error> {
    let mut removed = None;
    let exposed = change(env, force, |list, path| {
        let i = recipients::find(list, what).map_err(param)?;
        if list.len() == 1 {
            return Err(VaultError::LastRecipient {
                path: path.to_path_buf(),
            }
            .into());
        }
        removed = Some(list.remove(i));
        Ok(true)
    })?;
    let gone = removed.ok_or_else(|| Error::General("internal: no recipient removed".into()))?;
    Ok((gone, exposed))
}

/// Under the lock: loads the vault, lets `edit` change its recipient list and,
/// if it did, rewrites the vault (its data byte for byte) to the new list after
/// the lock-out guard. Returns the secrets that are not deleted.
fn change(
    env: &Env,
    force: bool,
    edit: impl FnOnce(&mut Vec<Entry>, &Path) -> Result<bool, Error>,
) -> Result<Vec<Exposed>, Error> {
    let store = open_store(env, true)?.ok_or_else(|| Error::General("no vault".into()))?;
    let guard = store.lock(env.lock_timeout)?;
    let plaintext = store.read()?;
    let text = match &plaintext {
        Some(p) => crate::wipe::WipedBytes(store.decode_text(p)?.into_owned()),
        None => write_vault(&Vault::default())
            .map_err(|e| Error::General(format!("cannot write the vault: {e}")))?,
    };
    let mut list = store.recipients();
    if !edit(&mut list, store.path())? {
        return Ok(Vec::new());
    }
    let corrupt = |e| super::txn::corrupt(&store, &e);
    let stored = StoredVault::parse(&text).map_err(corrupt)?;
    store.set_recipients(list, force)?;
    // The data is copied as it is, in the format it needs.
    let format = super::txn::envelope_format(&stored.principals);
    store.save_text_as(Some(&guard), format, &text)?;
    let vault = stored.select(&Scope::All, env.now).map_err(corrupt)?.vault;
    Ok(vault
        .secrets
        .iter()
        .filter(|s| s.deletion_date.is_none())
        .map(|s| Exposed {
            name: s.name.clone(),
            arn: crate::core::ids::arn(s, &s.region, vault.account_id()),
            has_function: s.rotation.as_ref().is_some_and(|r| r.lambda_arn.is_some()),
        })
        .collect())
}

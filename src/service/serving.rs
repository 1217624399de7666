//! The credentials `smvault serve` accepts from the vault's owner: made once per vault (from
//! the OS RNG), kept encrypted in the vault's settings, never beside it; and the key pairs
//! made the same way for its other principals.

use zeroize::Zeroizing;

use super::{Env, Error, txn};
use crate::core::model::{Serving, Vault};
use crate::core::principals;
use crate::core::stored::Scope;

/// The vault's serving credentials, made and saved on first use.
pub fn credentials(env: &Env) -> Result<Serving, Error> {
    if let Some(s) = txn::read_only(env, &Scope::Nothing, |vault, _| Ok(vault.serving.clone()))? {
        return Ok(s);
    }
    // Under the lock: a concurrent first serve must not make a second pair.
    txn::write_with(env, &Scope::Nothing, |vault, _| {
        vault.dirty = true;
        if let Some(s) = &vault.serving {
            return Ok(s.clone());
        }
        let mut made = generate();
        made.access_key_id = unclaimed(vault, made.access_key_id.clone(), new_access_key_id);
        vault.serving = Some(made.clone());
        Ok(made)
    })
}

/// The serving credentials with the owner's key pair replaced by one the server was given
/// (`serve`'s SMVAULT_ACCESS_KEY_ID/SMVAULT_SECRET_ACCESS_KEY): used, never saved, so the
/// vault keeps its own pair for when none is given. Refused when a principal holds that
/// key id: a signature must name one principal.
pub fn credentials_with(env: &Env, key: Option<(&str, &str)>) -> Result<Serving, Error> {
    let mut serving = credentials(env)?;
    let Some((id, secret)) = key else {
        return Ok(serving);
    };
    let holder = txn::read_only(env, &Scope::Nothing, |vault, _| {
        Ok(vault
            .principals
            .iter()
            .find(|u| u.access_key_id == id)
            .map(|u| u.name.clone()))
    })?;
    if let Some(name) = holder {
        return Err(Error::ParamValidation(format!(
            "SMVAULT_ACCESS_KEY_ID {id} is principal {name}'s key id; give the owner another"
        )));
    }
    serving.access_key_id = id.to_string();
    serving.secret_access_key = secret.to_string();
    Ok(serving)
}

const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URLSAFE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `n` letters of `alphabet` from the OS RNG. Alphabets of 32 and 64 letters divide
/// 256: every letter is equally likely.
fn pick(alphabet: &[u8], n: usize) -> String {
    let mut rng = rand::rng();
    (0..n)
        .map(|_| {
            let b: u8 = rand::RngExt::random(&mut rng);
            char::from(alphabet[usize::from(b) % alphabet.len()])
        })
        .collect()
}

/// `id`, or the first of `next()`'s ids that nobody in `vault` holds: a key id names one
/// principal (80 random bits make a clash all but impossible, but a principal's id was
/// perhaps given by hand).
pub(super) fn unclaimed(vault: &Vault, mut id: String, mut next: impl FnMut() -> String) -> String {
    while principals::by_access_key(vault, &id).is_some() {
        id = next();
    }
    id
}

/// `AKIA` and 16 base32 characters: the shape of AWS's access key ids.
pub(super) fn new_access_key_id() -> String {
    format!("AKIA{}", pick(BASE32, 16))
}

/// A 40-character secret key of AWS's alphabet, wiped when dropped.
pub(super) fn new_secret_access_key() -> Zeroizing<String> {
    Zeroizing::new(pick(BASE64, 40))
}

/// An access key id, a 40-character secret key, a 43-character token: the shapes of
/// AWS's own, so tools that check them accept ours.
fn generate() -> Serving {
    Serving {
        access_key_id: new_access_key_id(),
        secret_access_key: new_secret_access_key().to_string(),
        agent_token: pick(URLSAFE, 43),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_key_id_is_never_one_a_principal_holds() {
        let mut vault = Vault::default();
        vault.principals.push(crate::core::model::User {
            name: "ci".into(),
            access_key_id: "AKIATAKEN".into(),
            secret_access_key: "s".into(),
            policy: None,
            created: 0,
            key_created: 0,
        });
        let mut offered = vec!["AKIAFREE".to_string(), "AKIATAKEN".to_string()];
        let id = unclaimed(&vault, "AKIATAKEN".into(), || offered.pop().unwrap());
        assert_eq!(id, "AKIAFREE");
        assert_eq!(
            unclaimed(&vault, "AKIAOTHER".into(), || unreachable!()),
            "AKIAOTHER"
        );
    }

    #[test]
    fn generated_credentials_have_aws_shapes_and_differ() {
        let a = generate();
        let b = generate();
        assert!(a.access_key_id.starts_with("AKIA") && a.access_key_id.len() == 20);
        assert_eq!(a.secret_access_key.len(), 40);
        assert_eq!(a.agent_token.len(), 43);
        assert_ne!(a.secret_access_key, b.secret_access_key);
        assert_ne!(a.agent_token, b.agent_token);
    }
}

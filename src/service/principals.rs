//! `smvault principals`: the vault's other principals added, listed, changed and removed in
//! a transaction (the rules are the core's, [`crate::core::principals`]), their key pairs
//! made from the OS RNG here, and `principals can` answered on the vault as stored.

use zeroize::Zeroizing;

use super::serving::{new_access_key_id, new_secret_access_key, unclaimed};
use super::{Env, Error, txn};
use crate::core::access::Principal;
use crate::core::model::{Millis, User, Vault};
use crate::core::principals::{self, NewPrincipal, Refused};
use crate::core::stored::Scope;

pub use crate::core::principals::Answer;

/// A principal as listed: never its secret key.
pub struct Listed {
    pub name: String,
    pub arn: String,
    /// `aws:userid`: the `AIDA…` unique id policies can name.
    pub user_id: String,
    pub access_key_id: String,
    pub created: Millis,
    pub key_created: Millis,
    /// `none`, or its statements by effect.
    pub policy: String,
}

/// A key pair just made or stored, as `aws iam create-access-key` shows it once.
pub struct AccessKey {
    pub user_name: String,
    pub access_key_id: String,
    pub secret_access_key: Zeroizing<String>,
    pub created: Millis,
}

/// A refusal of the core's rules: bad input, exit 252, the vault unchanged.
fn refused(e: Refused) -> Error {
    Error::ParamValidation(e.0)
}

/// What [`add`] is given: a name, an optional identity policy (JSON text) and an optional
/// key pair (made here when `None`).
pub struct Add {
    pub name: String,
    pub policy: Option<String>,
    pub key: Option<(String, Zeroizing<String>)>,
}

/// A key pair no one in `vault` holds.
fn fresh_pair(vault: &Vault) -> (String, Zeroizing<String>) {
    let id = unclaimed(vault, new_access_key_id(), new_access_key_id);
    (id, new_secret_access_key())
}

fn access_key(user: &User) -> AccessKey {
    AccessKey {
        user_name: user.name.clone(),
        access_key_id: user.access_key_id.clone(),
        secret_access_key: Zeroizing::new(user.secret_access_key.clone()),
        created: user.key_created,
    }
}

/// Adds a principal; answers its key pair (the given one, or one made here).
pub fn add(env: &Env, request: Add) -> Result<AccessKey, Error> {
    // Checked before the vault is opened: bad input neither waits for the lock nor
    // creates a missing vault.
    principals::check_name(&request.name).map_err(refused)?;
    if let Some(p) = &request.policy {
        principals::check_policy(p).map_err(refused)?;
    }
    if let Some((id, secret)) = &request.key {
        principals::check_key_id(id).map_err(refused)?;
        principals::check_secret_key(secret).map_err(refused)?;
    }
    txn::write_with(env, &Scope::Nothing, |vault, _| {
        let (access_key_id, secret) = match &request.key {
            Some((id, secret)) => (id.clone(), secret.clone()),
            None => fresh_pair(vault),
        };
        let new = NewPrincipal {
            name: request.name.clone(),
            access_key_id,
            secret_access_key: secret.to_string(),
            policy: request.policy.clone(),
        };
        let user = principals::add(vault, &new, env.now).map_err(refused)?;
        Ok(access_key(user))
    })
}

/// How `list` (and git-diff's view) shows a principal.
pub fn listed(vault: &Vault, u: &User) -> Listed {
    let p = principals::principal_of(vault, u);
    Listed {
        name: u.name.clone(),
        arn: p.arn,
        user_id: p.user_id,
        access_key_id: u.access_key_id.clone(),
        created: u.created,
        key_created: u.key_created,
        policy: principals::policy_summary(u.policy.as_deref()),
    }
}

/// Every principal, in the order they were added.
pub fn list(env: &Env) -> Result<Vec<Listed>, Error> {
    txn::read_only(env, &Scope::Nothing, |vault, _| {
        Ok(vault.principals.iter().map(|u| listed(vault, u)).collect())
    })
}

/// Removes a principal; answers its ARN.
pub fn remove(env: &Env, name: &str) -> Result<String, Error> {
    txn::write_with(env, &Scope::Nothing, |vault, _| {
        let gone = principals::remove(vault, name).map_err(refused)?;
        Ok(principals::principal_of(vault, &gone).arn)
    })
}

/// Gives a principal a new key pair, made here; its old key stops working.
pub fn rotate_key(env: &Env, name: &str) -> Result<AccessKey, Error> {
    txn::write_with(env, &Scope::Nothing, |vault, _| {
        let (id, secret) = fresh_pair(vault);
        let user = principals::rotate_key(vault, name, &id, &secret, env.now).map_err(refused)?;
        Ok(access_key(user))
    })
}

/// Sets a principal's identity policy, or clears it with `None`.
pub fn set_policy(env: &Env, name: &str, policy: Option<&str>) -> Result<(), Error> {
    if let Some(p) = policy {
        principals::check_policy(p).map_err(refused)?;
    }
    txn::write_with(env, &Scope::Nothing, |vault, _| {
        principals::set_policy(vault, name, policy).map_err(refused)
    })
}

/// `principals can`: loads the secret the question names (every secret of that name, so
/// the region decides as a request's would) and answers as serve would decide.
pub fn can(
    env: &Env,
    name: &str,
    action: &str,
    secret_id: Option<&str>,
    context: &[String],
) -> Result<Answer, Error> {
    let context = context
        .iter()
        .map(|w| principals::parse_context_word(w))
        .collect::<Result<Vec<_>, _>>()
        .map_err(refused)?;
    let scope = match secret_id {
        Some(id) => Scope::of_ids([id]),
        None => Scope::Nothing,
    };
    txn::read_only(env, &scope, |vault, ctx| {
        principals::can(
            vault,
            &principals::Question {
                name,
                action,
                secret_id,
                context: &context,
                region: &ctx.region,
                now: env.now,
            },
        )
        .map_err(refused)
    })
}

/// The credentials of principal `name`, for `serve --print-env --principal NAME`: its ARN,
/// its key id and its secret key (nobody else's).
pub fn credentials_of(env: &Env, name: &str) -> Result<(Principal, AccessKey), Error> {
    txn::read_only(env, &Scope::Nothing, |vault, _| {
        let i = principals::find_or_refuse(vault, name).map_err(refused)?;
        let user = &vault.principals[i];
        Ok((principals::principal_of(vault, user), access_key(user)))
    })
}

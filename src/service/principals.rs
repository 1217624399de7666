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

/// What [`apply`] did: principals added, changed (key pair or policy), already as given.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    pub added: usize,
    pub changed: usize,
    pub same: usize,
}

/// Makes the vault hold each principal of `wanted` with exactly its key pair and policy
/// (`serve`'s principals file, issue 19): added when missing, its key and policy set
/// when they differ; principals the list does not name are left alone. One transaction:
/// one refusal changes nothing.
pub fn apply(env: &Env, wanted: &[Add]) -> Result<Applied, Error> {
    for w in wanted {
        principals::check_name(&w.name).map_err(refused)?;
        if let Some(p) = &w.policy {
            principals::check_policy(p).map_err(refused)?;
        }
        let Some((id, secret)) = &w.key else {
            return Err(Error::ParamValidation(format!(
                "principal {}: a key pair is required",
                w.name
            )));
        };
        principals::check_key_id(id).map_err(refused)?;
        principals::check_secret_key(secret).map_err(refused)?;
    }
    txn::write_with(env, &Scope::Nothing, |vault, _| {
        let mut done = Applied::default();
        for w in wanted {
            let Some((id, secret)) = &w.key else {
                continue;
            };
            let Some(i) = principals::find(vault, &w.name) else {
                let new = NewPrincipal {
                    name: w.name.clone(),
                    access_key_id: id.clone(),
                    secret_access_key: secret.to_string(),
                    policy: w.policy.clone(),
                };
                principals::add(vault, &new, env.now).map_err(refused)?;
                done.added += 1;
                continue;
            };
            let u = &vault.principals[i];
            let key_same = u.access_key_id == *id && u.secret_access_key == secret.as_str();
            let policy_same = u.policy == w.policy;
            if key_same && policy_same {
                done.same += 1;
                continue;
            }
            if !key_same {
                if u.access_key_id == *id {
                    // Same id, new secret: the id is this principal's own, so it is free.
                    let u = &mut vault.principals[i];
                    zeroize::Zeroize::zeroize(&mut u.secret_access_key);
                    u.secret_access_key = secret.to_string();
                    u.key_created = env.now;
                    vault.dirty = true;
                } else {
                    principals::rotate_key(vault, &w.name, id, secret, env.now).map_err(refused)?;
                }
            }
            if !policy_same {
                principals::set_policy(vault, &w.name, w.policy.as_deref()).map_err(refused)?;
            }
            done.changed += 1;
        }
        Ok(done)
    })
}

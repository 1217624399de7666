//! Who a request is, resolved once per request: a signed request's key id names the
//! owner (serve's own credentials) or a principal of the vault as the file is now, and its
//! signature is checked with that one's key; the Agent route's token is the owner's, or
//! the principal `--agent-principal` names. One place for every route that signs.

use std::sync::Arc;

use super::{State, blocking, sigv4};
use crate::service::access::{Caller, Member};
use crate::service::txn::{Found, Pinned};
use crate::service::{self, Error};

/// The vault's principals as the file is now, their identity policies parsed once per
/// version, and that decrypted version: from the decrypted copy when it is current, else
/// off the async workers (a decryption, once per version whoever asks).
pub async fn keyring(state: &State) -> Result<Found, Error> {
    if let Some(found) = service::txn::keyring(&state.env, true)? {
        return Ok(found);
    }
    let env = state.env.clone();
    blocking(move || service::txn::keyring(&env, false))
        .await
        .ok_or_else(|| Error::General("reading the principals stopped unexpectedly".into()))?
        .map(|found| {
            found.unwrap_or_else(|| Found {
                keyring: Arc::default(),
                version: None,
            })
        })
}

/// Who sent a request, and the decrypted vault version a principal was found in (`None`
/// for the owner, who is known without the vault).
pub struct Resolved {
    pub caller: Caller,
    pub version: Option<Pinned>,
}

/// The caller of a SigV4-signed request and the region it is signed for; the
/// signature's refusal when it does not hold (nothing was read or changed for it). The
/// owner's key is known without the vault; any other key id is looked up among the
/// principals.
pub async fn authenticate(
    state: &State,
    req: &sigv4::Request<'_>,
    now_seconds: i64,
) -> Result<Result<(Resolved, String), sigv4::AuthError>, Error> {
    let owner = &state.serving;
    let (principal, version) = match sigv4::key_id(req) {
        Some(id) if id != owner.access_key_id => {
            let found = keyring(state).await?;
            (found.keyring.by_key_id(id).cloned(), found.version)
        }
        _ => (None, None),
    };
    let (caller, key) = match &principal {
        Some(member) => (
            Caller::Principal(member.clone()),
            sigv4::Key {
                access_key_id: &member.access_key_id,
                secret_access_key: member.secret_access_key(),
            },
        ),
        None => (
            Caller::Owner,
            sigv4::Key {
                access_key_id: &owner.access_key_id,
                secret_access_key: &owner.secret_access_key,
            },
        ),
    };
    Ok(sigv4::verify(req, Some(&key), now_seconds)
        .map(|region| (Resolved { caller, version }, region)))
}

/// The Agent route's caller once its token holds: the owner, or the principal
/// `--agent-principal` names (one removed since may do nothing).
pub async fn agent(state: &State) -> Result<Resolved, Error> {
    let Some(name) = &state.options.agent_principal else {
        return Ok(Resolved {
            caller: Caller::Agent(None),
            version: None,
        });
    };
    let found = keyring(state).await?;
    let member = match found.keyring.by_name(name) {
        Some(member) => member.clone(),
        None => Arc::new(Member::removed(&found.keyring.account, name)),
    };
    Ok(Resolved {
        caller: Caller::Agent(Some(member)),
        version: found.version,
    })
}

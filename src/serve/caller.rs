//! Who a request is, resolved once per request: a signed request's key id names the
//! owner (serve's own credentials, known without the vault) or a principal of the vault
//! as the file is now, and its signature is checked with that one's key; the Agent
//! route's token is the owner's, or the principal `--agent-principal` names. One resolver
//! for every route that signs (Secrets Manager's and STS's, each with its scope's service).

use std::sync::Arc;

use super::{State, blocking, sigv4};
use crate::service::access::{Caller, Member};
use crate::service::txn::{Found, Pinned};
use crate::service::{self, Env, Error};

/// The vault's principals as the file is now, their identity policies parsed once per
/// version, and that decrypted version: from the decrypted copy when it is current, else
/// off the async workers (a decryption, once per version whoever asks).
pub async fn keyring(env: &Env) -> Result<Found, Error> {
    if let Some(found) = service::txn::keyring(env, true)? {
        return Ok(found);
    }
    let env = env.clone();
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

/// The caller of a SigV4-signed request to `service` (the route's: `secretsmanager` or
/// [`sigv4::STS`]) and the region it is signed for; the signature's refusal when it
/// does not hold (nothing was read or changed for it). In AWS's order: the request's
/// form, date and credential scope are checked first, with no key; then its key id is
/// resolved: the owner's is known without the vault, any other is looked up among the
/// principals (the decrypted copy's, [`keyring`]), so a malformed request or the owner's
/// reads nothing at all.
pub async fn authenticate(
    state: &State,
    env: &Env,
    req: &sigv4::Request<'_>,
    service: &str,
) -> Result<Result<(Resolved, String), sigv4::AuthError>, Error> {
    let formed = match sigv4::well_formed(req, env.now.div_euclid(1000), service) {
        Ok(formed) => formed,
        Err(e) => return Ok(Err(e)),
    };
    let owner = &state.serving;
    if formed.key_id() == owner.access_key_id {
        let resolved = Resolved {
            caller: Caller::Owner,
            version: None,
        };
        return Ok(formed
            .verify(Some(&owner.secret_access_key))
            .map(|region| (resolved, region)));
    }
    let found = keyring(env).await?;
    let member = found.keyring.by_key_id(formed.key_id()).cloned();
    let region = match formed.verify(member.as_deref().map(Member::secret_access_key)) {
        Ok(region) => region,
        Err(e) => return Ok(Err(e)),
    };
    let member = member.ok_or_else(|| Error::General("The signature held for nobody".into()))?;
    let resolved = Resolved {
        caller: Caller::Principal(member),
        version: found.version,
    };
    Ok(Ok((resolved, region)))
}

/// The Agent route's caller once its token holds: the owner, or the principal
/// `--agent-principal` names (one removed since may do nothing).
pub async fn agent(state: &State, env: &Env) -> Result<Resolved, Error> {
    let Some(name) = &state.options.agent_principal else {
        return Ok(Resolved {
            caller: Caller::Agent(None),
            version: None,
        });
    };
    let found = keyring(env).await?;
    let member = match found.keyring.by_name(name) {
        Some(member) => member.clone(),
        None => Arc::new(Member::removed(&found.keyring.account, name)),
    };
    Ok(Resolved {
        caller: Caller::Agent(Some(member)),
        version: found.version,
    })
}

//! Who a request acts as (the vault's owner, one of its principals, the Agent's token,
//! nobody) and the check of an operation for a principal: made inside the operation's
//! transaction, on the state it runs on, before it reads anything for the caller or
//! changes anything. The rules are the core's ([`crate::core::access`]); here are the
//! principals of one vault version with their identity policies parsed once, the secret a
//! request names and its parsed resource policy, and the verdict kept for the edge.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use zeroize::Zeroizing;

use super::{Env, Error};
use crate::core::access::{
    self, Check, Decision, Policy, Principal, Target, Verdict, resource_arn,
};
use crate::core::ctx::Ctx;
use crate::core::model::{Secret, User, Vault};
use crate::core::ops::create_secret::arn_to_create;
use crate::core::{ids, principals};

/// A principal as serve knows it in one version of the vault: its key pair and its
/// identity policy, parsed once for that version (not per request).
pub struct Member {
    pub principal: Principal,
    pub access_key_id: String,
    secret_access_key: Zeroizing<String>,
    identity: Identity,
}

enum Identity {
    None,
    Parsed(Policy),
    /// A stored policy the evaluation cannot read (written by hand or by an older
    /// smvault), or a principal that is gone: every request is denied (fail closed: the
    /// policy could hold a Deny).
    Nothing,
}

impl Member {
    fn of(vault: &Vault, user: &User) -> Member {
        Member {
            principal: principals::principal_of(vault, user),
            access_key_id: user.access_key_id.clone(),
            secret_access_key: Zeroizing::new(user.secret_access_key.clone()),
            identity: match user.policy.as_deref().map(Policy::parse) {
                None => Identity::None,
                Some(Ok(p)) => Identity::Parsed(p),
                Some(Err(_)) => Identity::Nothing,
            },
        }
    }

    /// A principal named for the Agent's route that the vault no longer holds: it may do
    /// nothing.
    pub fn removed(account: &str, name: &str) -> Member {
        Member {
            principal: Principal::user(account, name),
            access_key_id: String::new(),
            secret_access_key: Zeroizing::new(String::new()),
            identity: Identity::Nothing,
        }
    }

    pub fn secret_access_key(&self) -> &str {
        &self.secret_access_key
    }
}

/// The principals of one version of the vault, by key id and by name.
#[derive(Default)]
pub struct Keyring {
    members: Vec<Arc<Member>>,
    /// The vault's account id, for the owner's identity and a removed principal's ARN.
    pub account: String,
}

impl Keyring {
    pub fn of(vault: &Vault) -> Keyring {
        Keyring {
            members: vault
                .principals
                .iter()
                .map(|u| Arc::new(Member::of(vault, u)))
                .collect(),
            account: vault.account_id().to_string(),
        }
    }

    /// The principal holding access key id `id` (compared exactly, as SigV4 names it).
    pub fn by_key_id(&self, id: &str) -> Option<&Arc<Member>> {
        self.members.iter().find(|m| m.access_key_id == id)
    }

    /// The principal named `name`, ignoring case as IAM compares user names.
    pub fn by_name(&self, name: &str) -> Option<&Arc<Member>> {
        self.members
            .iter()
            .find(|m| m.principal.name.eq_ignore_ascii_case(name))
    }
}

/// Who a request acts as, resolved once per request from its credentials.
#[derive(Clone)]
pub enum Caller {
    /// No credentials that hold (a failed signature, a bad Agent token).
    Anonymous,
    /// The serving credentials: the vault's owner, as an account's root user is in AWS;
    /// never restricted.
    Owner,
    /// The Agent route's token: the owner's, unless `serve --agent-principal` names a
    /// principal the route acts as.
    Agent(Option<Arc<Member>>),
    Principal(Arc<Member>),
}

impl Caller {
    /// The principal whose policies decide, `None` for the unrestricted owner.
    pub fn restricted(&self) -> Option<&Arc<Member>> {
        match self {
            Caller::Principal(m) | Caller::Agent(Some(m)) => Some(m),
            Caller::Anonymous | Caller::Owner | Caller::Agent(None) => None,
        }
    }

    /// How a record names the caller: a principal's ARN, else `owner`, `agent` or
    /// `anonymous`.
    pub fn label(&self) -> &str {
        match self {
            Caller::Principal(m) | Caller::Agent(Some(m)) => &m.principal.arn,
            Caller::Owner => "owner",
            Caller::Agent(None) => "agent",
            Caller::Anonymous => "anonymous",
        }
    }

    /// The caller's ARN and unique id as STS's GetCallerIdentity answers them; `None` for
    /// nobody. The owner is the account's root user: `arn:aws:iam::ACCOUNT:root`, whose
    /// unique id (`aws:userid`) is the account id (IAM user guide, "AWS global condition
    /// context keys", aws:userid: "AWS account root user ... the account ID").
    pub fn identity(&self, account: &str) -> Option<(String, String)> {
        match self {
            Caller::Principal(m) | Caller::Agent(Some(m)) => {
                Some((m.principal.arn.clone(), m.principal.user_id.clone()))
            }
            Caller::Owner | Caller::Agent(None) => {
                Some((format!("arn:aws:iam::{account}:root"), account.to_string()))
            }
            Caller::Anonymous => None,
        }
    }
}

/// One request's caller and what its checks decided: the edge puts it in the request's
/// [`Env`] and reads the verdict back once answered (an audit record's decision).
pub struct Acting {
    pub caller: Caller,
    /// The client's address (`aws:SourceIp`).
    pub source_ip: Option<IpAddr>,
    verdict: Mutex<Option<Verdict>>,
}

impl Acting {
    pub fn new(caller: Caller, source_ip: Option<IpAddr>) -> Arc<Acting> {
        Arc::new(Acting {
            caller,
            source_ip,
            verdict: Mutex::new(None),
        })
    }

    /// What decided the request: `None` when no policy was evaluated (the owner, or a
    /// request refused before its operation ran).
    pub fn verdict(&self) -> Option<Verdict> {
        self.verdict
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn record(&self, verdict: Verdict) {
        *self.verdict.lock().unwrap_or_else(|p| p.into_inner()) = Some(verdict);
    }
}

/// A resource policy as the evaluation reads it, parsed once per vault version through
/// the server's cache (`None`: one it cannot read, which denies).
fn resource_policy(env: &Env, text: &str) -> Option<Arc<Policy>> {
    match &env.cache {
        Some(cache) => cache.policy(text),
        None => Policy::parse(text).ok().map(Arc::new),
    }
}

/// Nothing allows: what an unreadable policy or a removed principal gets.
fn nothing() -> Verdict {
    Verdict {
        decision: Decision::ImplicitDeny,
        by: None,
    }
}

/// The secret a check is about, as the evaluation needs it.
struct Resource<'v> {
    secret: Option<&'v Secret>,
    arn: String,
    policy: Option<Option<Arc<Policy>>>,
}

impl Resource<'_> {
    /// The request's one check against this secret for `member`.
    fn decide(
        &self,
        member: &Member,
        caller: &access::Caller,
        operation: &str,
        input: &Value,
        check: &Check,
    ) -> Verdict {
        if matches!(member.identity, Identity::Nothing) {
            return nothing();
        }
        let policy = match (&self.policy, check.target) {
            (Some(None), Target::Secret) => return nothing(),
            (Some(Some(p)), _) => Some(&**p),
            _ => None,
        };
        caller.authorize(
            operation,
            input,
            check,
            self.secret,
            Some(&self.arn),
            policy,
        )
    }
}

fn identity_of(member: &Member) -> Option<&Policy> {
    match &member.identity {
        Identity::Parsed(p) => Some(p),
        Identity::None | Identity::Nothing => None,
    }
}

/// The secret `id` names in `vault`, its ARN (the stored one, else what the id spells)
/// and its resource policy.
fn resource<'v>(env: &Env, vault: &'v Vault, id: &str, region: &str) -> Resource<'v> {
    let account = vault.account_id();
    let secret = ids::find(vault, id, region).ok().map(|i| &vault.secrets[i]);
    let stored = secret.map(|s| ids::arn(s, region, account));
    Resource {
        secret,
        arn: resource_arn(id, stored.as_deref(), region, account),
        policy: secret
            .and_then(|s| s.policy.as_deref())
            .map(|text| resource_policy(env, text)),
    }
}

/// Checks operation `op` with `request` for the request's principal on `vault` as the
/// transaction loaded it, before the operation runs: every action it needs
/// ([`access::checks`]) on the secret it names. Ok at once for the owner and the CLI. A
/// denied request is the AccessDeniedException AWS answers, naming the secret as sent;
/// nothing was read for it or changed. CreateSecret is checked on the ARN the secret
/// will get (its suffix drawn here, kept in `ctx`); BatchGetSecretValue also gets its
/// check of each secret in `ctx` (denied ones go into its `Errors`).
pub(super) fn authorize(
    env: &Env,
    op: &'static str,
    request: &Value,
    vault: &Vault,
    ctx: &mut Ctx,
) -> Result<(), Error> {
    let Some(acting) = &env.acting else {
        return Ok(());
    };
    let Some(member) = acting.caller.restricted() else {
        return Ok(());
    };
    let region = ctx.region.clone();
    let caller = access::Caller {
        principal: &member.principal,
        identity: identity_of(member),
        source_ip: acting.source_ip,
        secure_transport: false,
        region: &region,
        now: env.now,
    };
    let create = op == "CreateSecret";
    let id = request
        .get(if create { "Name" } else { "SecretId" })
        .and_then(Value::as_str);
    let target = match id {
        Some(name) if create => Resource {
            secret: None,
            arn: arn_to_create(vault, name, ctx),
            policy: None,
        },
        Some(id) => resource(env, vault, id, &region),
        None => Resource {
            secret: None,
            arn: "*".into(),
            policy: None,
        },
    };
    let mut first = None;
    for check in access::checks(op, request) {
        let verdict = target.decide(member, &caller, op, request, &check);
        if !verdict.allowed() {
            let sent = match check.target {
                Target::Secret => id,
                Target::Any => None,
            };
            let err = access::denied(&member.principal, &check.action, sent, &verdict);
            acting.record(verdict);
            return Err(Error::Service { op, err });
        }
        first.get_or_insert(verdict);
    }
    if let Some(verdict) = first {
        acting.record(verdict);
    }
    if op == "BatchGetSecretValue" {
        ctx.may_read = Some(batch_check(env, member.clone(), acting.source_ip, region));
    }
    Ok(())
}

/// BatchGetSecretValue's check of each secret: `secretsmanager:GetSecretValue` on it with
/// its resource policy, as AWS filters the batch (a denied secret is an entry of
/// `Errors`, the call goes on).
fn batch_check(
    env: &Env,
    member: Arc<Member>,
    source_ip: Option<IpAddr>,
    region: String,
) -> crate::core::ctx::MayRead {
    let env = env.clone();
    Box::new(move |secret: Option<&Secret>, id: &str| {
        let caller = access::Caller {
            principal: &member.principal,
            identity: identity_of(&member),
            source_ip,
            secure_transport: false,
            region: &region,
            now: env.now,
        };
        let account = member.principal.account.as_str();
        let stored = secret.map(|s| ids::arn(s, &region, account));
        let target = Resource {
            secret,
            arn: resource_arn(id, stored.as_deref(), &region, account),
            policy: secret
                .and_then(|s| s.policy.as_deref())
                .map(|text| resource_policy(&env, text)),
        };
        let check = Check {
            action: "secretsmanager:GetSecretValue".into(),
            target: Target::Secret,
        };
        let input = serde_json::json!({ "SecretId": target.arn });
        let verdict = target.decide(&member, &caller, "GetSecretValue", &input, &check);
        if verdict.allowed() {
            Ok(())
        } else {
            Err(access::denied(
                &member.principal,
                &check.action,
                Some(id),
                &verdict,
            ))
        }
    })
}

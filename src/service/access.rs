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

use super::txn::Pinned;
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
    /// unique id is the account id (IAM user guide, "AWS global condition context keys":
    /// `aws:userid` of the root user is the account id; CloudTrail's `userIdentity` of type
    /// `Root` has `principalId` the account id; `aws sts get-caller-identity` as root
    /// answers `"UserId": "123456789012"` beside that ARN).
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
    /// The decrypted vault version the caller was found in, a moment ago in this request:
    /// a quick read uses it rather than looking at the file a second time.
    pub version: Option<Pinned>,
    verdict: Mutex<Option<Verdict>>,
}

impl Acting {
    pub fn new(caller: Caller, source_ip: Option<IpAddr>, version: Option<Pinned>) -> Arc<Acting> {
        Arc::new(Acting {
            caller,
            source_ip,
            version,
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
    /// `None`: the secret has no resource policy; `Some(None)`: one the evaluation cannot
    /// read (which denies).
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

/// The secret `id` names (`secret`, as stored, when it exists), its ARN (the stored one,
/// else what the id spells) and its resource policy.
fn resource<'v>(
    env: &Env,
    secret: Option<&'v Secret>,
    id: &str,
    region: &str,
    account: &str,
) -> Resource<'v> {
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
    authorize_memo(env, op, request, vault, ctx, None)
}

/// A principal's allowed verdicts on one kept answer (its records, request and day fixed),
/// by the principal's ARN and the client's address: the rest of what the evaluation reads
/// is fixed with the answer, but for the clock, so a verdict whose policies read
/// `aws:CurrentTime` or `aws:EpochTime` is never kept. A denial is always evaluated
/// afresh (its error text is made from it). Bounded: beyond [`MAX_VERDICTS`] callers
/// the rest are evaluated every time.
#[derive(Default)]
pub struct Verdicts(Mutex<Vec<(String, Option<IpAddr>, Verdict)>>);

const MAX_VERDICTS: usize = 16;

impl Verdicts {
    fn get(&self, arn: &str, ip: Option<IpAddr>) -> Option<Verdict> {
        let held = self.0.lock().unwrap_or_else(|p| p.into_inner());
        held.iter()
            .find(|(a, i, _)| a == arn && *i == ip)
            .map(|(_, _, v)| v.clone())
    }

    fn keep(&self, arn: &str, ip: Option<IpAddr>, verdict: Verdict) {
        let mut held = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if held.len() < MAX_VERDICTS && !held.iter().any(|(a, i, _)| a == arn && *i == ip) {
            held.push((arn.to_string(), ip, verdict));
        }
    }
}

/// Whether `policy` reads the request's time.
fn reads_clock(policy: Option<&Policy>) -> bool {
    policy.is_some_and(|p| {
        p.keys
            .iter()
            .any(|k| k == "aws:currenttime" || k == "aws:epochtime")
    })
}

/// [`authorize`] for a kept answer: the same check, its allowed verdict remembered in
/// `memo` ([`Verdicts`] says when) and taken from there next time.
pub(super) fn authorize_kept(
    env: &Env,
    op: &'static str,
    request: &Value,
    vault: &Vault,
    ctx: &mut Ctx,
    memo: &Verdicts,
) -> Result<(), Error> {
    authorize_memo(env, op, request, vault, ctx, Some(memo))
}

fn authorize_memo(
    env: &Env,
    op: &'static str,
    request: &Value,
    vault: &Vault,
    ctx: &mut Ctx,
    memo: Option<&Verdicts>,
) -> Result<(), Error> {
    let Some(acting) = &env.acting else {
        return Ok(());
    };
    let Some(member) = acting.caller.restricted() else {
        return Ok(());
    };
    if let Some(verdict) = memo.and_then(|m| m.get(&member.principal.arn, acting.source_ip)) {
        acting.record(verdict);
        return Ok(());
    }
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
        Some(id) => {
            let secret = ids::find(vault, id, &region)
                .ok()
                .map(|i| &vault.secrets[i]);
            resource(env, secret, id, &region, vault.account_id())
        }
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
        let resource_policy = target.policy.as_ref().and_then(|p| p.as_deref());
        if let Some(memo) = memo
            && op != "BatchGetSecretValue"
            && !reads_clock(identity_of(member))
            && !reads_clock(resource_policy)
        {
            memo.keep(&member.principal.arn, acting.source_ip, verdict.clone());
        }
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
        let target = resource(&env, secret, id, &region, &member.principal.account);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::stored::Scope;
    use crate::service::txn::{self, Job};
    use crate::service::{ReadCache, run};
    use serde_json::json;

    const READ_APP: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"ReadApp","Effect":"Allow","Action":["secretsmanager:GetSecretValue","secretsmanager:PutSecretValue"],"Resource":"arn:aws:secretsmanager:*:*:secret:app/*"}]}"#;

    /// A vault with secrets app/db and prod/db and principal `ci` (policy `policy`), and
    /// the environment of a request by `ci`.
    fn setup(dir: &std::path::Path, policy: Option<&str>) -> (Env, Env) {
        let owner = Env::for_tests(dir);
        for name in ["app/db", "prod/db"] {
            run(
                "CreateSecret",
                json!({"Name": name, "SecretString": "v", "ClientRequestToken": uuid::Uuid::new_v4().to_string()}),
                &owner,
            )
            .unwrap();
        }
        txn::write_with(&owner, &Scope::Nothing, |vault, _| {
            vault.principals.push(User {
                name: "ci".into(),
                access_key_id: "ci".into(),
                secret_access_key: "s".into(),
                policy: policy.map(str::to_string),
                created: 0,
                key_created: 0,
            });
            vault.dirty = true;
            Ok(())
        })
        .unwrap();
        (owner.clone(), as_ci(&owner))
    }

    fn as_ci(owner: &Env) -> Env {
        let keyring = txn::keyring(owner, false).unwrap().unwrap().keyring;
        let member = keyring.by_key_id("ci").unwrap().clone();
        Env {
            acting: Some(Acting::new(Caller::Principal(member), None, None)),
            ..owner.clone()
        }
    }

    fn code(r: Result<Value, Error>) -> String {
        match r {
            Ok(_) => "OK".into(),
            Err(Error::Service { err, .. }) => format!("{}: {}", err.code.as_str(), err.message),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn the_owner_is_the_account_root_and_a_principal_its_iam_user_and_nobody_has_no_identity() {
        let mut vault = Vault {
            account_id: Some("111122223333".into()),
            ..Vault::default()
        };
        vault.principals.push(User {
            name: "ci".into(),
            access_key_id: "test".into(),
            secret_access_key: "s".into(),
            policy: None,
            created: 0,
            key_created: 0,
        });
        let root = Some((
            "arn:aws:iam::111122223333:root".to_string(),
            "111122223333".to_string(),
        ));
        assert_eq!(Caller::Owner.identity("111122223333"), root);
        assert_eq!(Caller::Agent(None).identity("111122223333"), root);
        let keyring = Keyring::of(&vault);
        // Key ids are compared exactly, as the credential scope names them.
        assert!(keyring.by_key_id("TEST").is_none());
        let ci = keyring.by_key_id("test").unwrap().clone();
        let (arn, user_id) = Caller::Principal(ci).identity("999999999999").unwrap();
        assert_eq!(arn, "arn:aws:iam::111122223333:user/ci");
        assert_eq!(user_id, Principal::user("111122223333", "ci").user_id);
        assert!(user_id.starts_with("AIDA"));
        assert_eq!(Caller::Anonymous.identity("111122223333"), None);
    }

    #[test]
    fn the_owner_and_the_cli_are_never_checked() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, _) = setup(dir.path(), None);
        let get = json!({"SecretId": "prod/db"});
        assert_eq!(code(run("GetSecretValue", get.clone(), &owner)), "OK");
        let as_owner = Env {
            acting: Some(Acting::new(Caller::Owner, None, None)),
            ..owner.clone()
        };
        assert_eq!(code(run("GetSecretValue", get.clone(), &as_owner)), "OK");
        assert!(
            as_owner.acting.unwrap().verdict().is_none(),
            "no policy decided"
        );
        let agent = Env {
            acting: Some(Acting::new(Caller::Agent(None), None, None)),
            ..owner
        };
        assert_eq!(code(run("GetSecretValue", get, &agent)), "OK");
    }

    #[test]
    fn a_principal_gets_what_its_policy_allows_and_the_verdict_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let (_, ci) = setup(dir.path(), Some(READ_APP));
        assert_eq!(
            code(run("GetSecretValue", json!({"SecretId": "app/db"}), &ci)),
            "OK"
        );
        let verdict = ci.acting.as_ref().unwrap().verdict().unwrap();
        assert_eq!(
            verdict.by.unwrap().to_string(),
            "identity-based policy, statement 1 (ReadApp)"
        );
        assert_eq!(
            code(run("GetSecretValue", json!({"SecretId": "prod/db"}), &ci)),
            "AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:GetSecretValue on resource: prod/db because no identity-based policy allows the secretsmanager:GetSecretValue action"
        );
        let verdict = ci.acting.as_ref().unwrap().verdict().unwrap();
        assert_eq!(verdict.decision, Decision::ImplicitDeny);
    }

    /// A denied read is refused before the operation runs: the secret's access day is not
    /// recorded, so the vault file is not even rewritten.
    #[test]
    fn a_denied_read_records_no_access_and_leaves_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, ci) = setup(dir.path(), Some(READ_APP));
        let before = std::fs::read(&owner.vault_path).unwrap();
        assert!(run("GetSecretValue", json!({"SecretId": "prod/db"}), &ci).is_err());
        assert_eq!(std::fs::read(&owner.vault_path).unwrap(), before);
        let described = run("DescribeSecret", json!({"SecretId": "prod/db"}), &owner).unwrap();
        assert!(described.get("LastAccessedDate").is_none(), "{described}");
    }

    /// In a group commit, a denied write runs not at all and the others commit.
    #[test]
    fn a_denied_write_in_a_batch_changes_nothing_and_the_others_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, ci) = setup(dir.path(), Some(READ_APP));
        let put = |id: &str, env: &Env| Job {
            op: crate::service::operation("PutSecretValue").unwrap(),
            request: json!({"SecretId": id, "SecretString": "new", "ClientRequestToken": uuid::Uuid::new_v4().to_string()}),
            env: env.clone(),
        };
        let results = txn::write_batch(&owner, vec![put("prod/db", &ci), put("app/db", &ci)]);
        assert!(
            code(results.into_iter().next().unwrap())
                .starts_with("AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:PutSecretValue on resource: prod/db")
        );
        let value = |id: &str| {
            run("GetSecretValue", json!({"SecretId": id}), &owner).unwrap()["SecretString"].clone()
        };
        assert_eq!(value("prod/db"), "v");
        assert_eq!(value("app/db"), "new");
    }

    /// A denied write leaves the file as it was even when a write would also purge an
    /// expired deletion.
    #[test]
    fn a_denied_write_leaves_the_file_even_with_a_deletion_to_purge() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, ci) = setup(dir.path(), Some(READ_APP));
        run(
            "DeleteSecret",
            json!({"SecretId": "prod/db", "RecoveryWindowInDays": 7}),
            &owner,
        )
        .unwrap();
        let later = |env: &Env| Env {
            now: env.now + 8 * 86_400_000,
            ..env.clone()
        };
        let before = std::fs::read(&owner.vault_path).unwrap();
        let put = Job {
            op: crate::service::operation("PutSecretValue").unwrap(),
            request: json!({"SecretId": "other", "SecretString": "x", "ClientRequestToken": uuid::Uuid::new_v4().to_string()}),
            env: later(&ci),
        };
        let results = txn::write_batch(&later(&owner), vec![put]);
        assert!(code(results.into_iter().next().unwrap()).starts_with("AccessDeniedException"));
        assert_eq!(std::fs::read(&owner.vault_path).unwrap(), before);
    }

    /// A stored identity policy the evaluation cannot read denies everything (it could
    /// hold a Deny), as does a principal removed since (the Agent route's).
    #[test]
    fn an_unreadable_identity_policy_or_a_removed_principal_may_do_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let unreadable = r#"{"Statement": 5}"#;
        assert!(Policy::parse(unreadable).is_err());
        let (owner, _) = setup(dir.path(), Some(unreadable));
        // The resource policy alone would grant it.
        let grant = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/ci"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#;
        run(
            "PutResourcePolicy",
            json!({"SecretId": "app/db", "ResourcePolicy": grant}),
            &owner,
        )
        .unwrap();
        let get = json!({"SecretId": "app/db"});
        let ci = as_ci(&owner);
        assert!(code(run("GetSecretValue", get.clone(), &ci)).starts_with("AccessDeniedException"));
        txn::write_with(&owner, &Scope::Nothing, |vault, _| {
            vault.principals[0].policy = None;
            vault.dirty = true;
            Ok(())
        })
        .unwrap();
        let ci = as_ci(&owner);
        assert_eq!(code(run("GetSecretValue", get, &ci)), "OK");
        let gone = Env {
            acting: Some(Acting::new(
                Caller::Agent(Some(Arc::new(Member::removed("123456789012", "old")))),
                None,
                None,
            )),
            ..owner
        };
        assert!(
            code(run("GetSecretValue", json!({"SecretId": "app/db"}), &gone))
                .starts_with("AccessDeniedException: User: arn:aws:iam::123456789012:user/old ")
        );
    }

    /// A resource policy that cannot be read denies its secret to every principal, even
    /// one its identity policy allows (fail closed: it could hold a Deny).
    #[test]
    fn an_unreadable_resource_policy_denies_its_secret() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, ci) = setup(dir.path(), Some(READ_APP));
        txn::write_with(&owner, &Scope::of_ids(["app/db"]), |vault, _| {
            vault.secrets[0].policy = Some(r#"{"Statement": 5}"#.into());
            vault.dirty = true;
            Ok(())
        })
        .unwrap();
        assert!(
            code(run("GetSecretValue", json!({"SecretId": "app/db"}), &ci))
                .starts_with("AccessDeniedException")
        );
    }

    /// A GetSecretValue answer kept with its vault version is the same bytes for whoever
    /// asks, but a principal gets it only once its policies allow it, on every request.
    #[test]
    fn a_kept_answer_is_given_to_a_principal_only_when_its_policy_allows_it() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, _) = setup(dir.path(), Some(READ_APP));
        let owner = Env {
            cache: Some(Arc::new(ReadCache::default())),
            ..owner
        };
        let get = crate::service::operation("GetSecretValue").unwrap();
        let render = |v: Value| v.to_string().into_bytes();
        let quick = |env: &Env, id: &str| {
            txn::answer_quick(get, &json!({"SecretId": id}), env, "t", render).expect("a warm read")
        };
        for id in ["app/db", "prod/db"] {
            // Recorded today, then decrypted: the owner's answer is kept.
            for _ in 0..2 {
                run("GetSecretValue", json!({"SecretId": id}), &owner).unwrap();
            }
            quick(&owner, id).unwrap();
        }
        let ci = as_ci(&owner);
        let allowed = quick(&ci, "app/db").unwrap();
        assert!(Arc::ptr_eq(&allowed, &quick(&owner, "app/db").unwrap()));
        assert!(ci.acting.as_ref().unwrap().verdict().unwrap().allowed());
        let ci = as_ci(&owner);
        match quick(&ci, "prod/db") {
            Err(Error::Service { err, .. }) => {
                assert_eq!(err.code.as_str(), "AccessDeniedException");
            }
            other => panic!("the kept answer was given: {:?}", other.is_ok()),
        }
        assert!(!ci.acting.as_ref().unwrap().verdict().unwrap().allowed());
    }

    /// A principal's allowed verdict on a kept answer is remembered with it, but only as
    /// far as it cannot change: per client address, and never when a policy reads the
    /// clock (the same day's later request is evaluated again).
    #[test]
    fn a_kept_answers_verdict_is_remembered_per_address_and_never_across_the_clock() {
        let before_one_second = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:01Z"}}}]}"#;
        let ten_net = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}"#;
        let get = crate::service::operation("GetSecretValue").unwrap();
        let render = |v: Value| v.to_string().into_bytes();
        for (policy, first, second) in [
            (before_one_second, (0, None), (2_000, None)),
            (ten_net, (0, Some([10, 0, 0, 1])), (0, Some([127, 0, 0, 1]))),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let (owner, _) = setup(dir.path(), Some(policy));
            let owner = Env {
                cache: Some(Arc::new(ReadCache::default())),
                ..owner
            };
            for _ in 0..2 {
                run("GetSecretValue", json!({"SecretId": "app/db"}), &owner).unwrap();
            }
            let quick = |env: &Env| {
                txn::answer_quick(get, &json!({"SecretId": "app/db"}), env, "t", render)
                    .expect("a warm read")
            };
            quick(&owner).unwrap();
            let ci = |(later, ip): (i64, Option<[u8; 4]>)| {
                let plain = as_ci(&owner);
                let Some(Caller::Principal(member)) =
                    plain.acting.as_ref().map(|a| a.caller.clone())
                else {
                    panic!("ci is a principal")
                };
                Env {
                    now: owner.now + later,
                    acting: Some(Acting::new(
                        Caller::Principal(member),
                        ip.map(IpAddr::from),
                        None,
                    )),
                    ..plain
                }
            };
            assert!(quick(&ci(first)).is_ok(), "{policy}");
            // Asked twice: the second may come from the remembered verdict.
            assert!(quick(&ci(first)).is_ok(), "{policy}");
            match quick(&ci(second)) {
                Err(Error::Service { err, .. }) => {
                    assert_eq!(err.code.as_str(), "AccessDeniedException", "{policy}")
                }
                other => panic!(
                    "{policy}: a remembered verdict was given: {}",
                    other.is_ok()
                ),
            }
        }
    }

    /// Policies are parsed once per vault version: the keyring (identity policies) and a
    /// resource policy come back as the very same parsed values until the file changes.
    #[test]
    fn policies_are_parsed_once_per_vault_version() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, _) = setup(dir.path(), Some(READ_APP));
        let owner = Env {
            cache: Some(Arc::new(ReadCache::default())),
            ..owner
        };
        let first = txn::keyring(&owner, false).unwrap().unwrap().keyring;
        let again = txn::keyring(&owner, true).unwrap().unwrap().keyring;
        assert!(Arc::ptr_eq(&first, &again));
        let cache = owner.cache.as_ref().unwrap();
        let p = cache.policy(READ_APP).unwrap();
        assert!(Arc::ptr_eq(&p, &cache.policy(READ_APP).unwrap()));
        run("CreateSecret", json!({"Name": "x", "SecretString": "v", "ClientRequestToken": uuid::Uuid::new_v4().to_string()}), &owner).unwrap();
        let after = txn::keyring(&owner, false).unwrap().unwrap().keyring;
        assert!(!Arc::ptr_eq(&first, &after), "a new version, a new keyring");
        assert!(!Arc::ptr_eq(&p, &cache.policy(READ_APP).unwrap()));
    }
}

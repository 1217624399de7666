//! Who may do what: IAM policy evaluation for a same-account request, the request
//! context it tests, and the AccessDeniedException AWS answers.
//!
//! Written here rather than taken from iam-rs 0.8.0 (the kept crate) because that crate
//! answers differently from AWS on 26 of the 129 rules in `rules_table.rs` (measured by
//! running that table against it; the list is in the commit that says so): a Deny naming
//! the account does not reach the account's users, a NotPrincipal Deny listing only the
//! user spares it, a resource-policy statement without Principal applies to anyone, `*`
//! (ListSecrets' resource) is refused, `ArnLike` wildcards cross ARN segments and
//! `ArnEquals` takes none, `BinaryEquals` ignores base64's case, a negated operator on a
//! multivalued key means "some value differs", variables are substituted neither in
//! condition values nor as `${*}`/`${?}`/`${$}` nor with defaults yet before the ARN's
//! fifth colon and to "" when missing, date-only values and unknown or `IfExists`-on-set
//! operators make the whole policy or evaluation an error, and it has no policy kinds
//! (identity vs resource) nor says which statement decided.
//!
//! The rules, from the IAM user guide ("Policy evaluation logic", "Policy evaluation for
//! requests within a single account"): an explicit `Deny` in the identity policy or the
//! resource policy denies; otherwise an `Allow` in either allows; otherwise the request
//! is implicitly denied. A resource policy naming the account (`123456789012` or
//! `arn:aws:iam::123456789012:root`) "delegates authority to the account" (IAM user
//! guide, Principal element): it grants the account's users nothing unless their identity
//! policy also allows (a same-account user with only such a grant is denied: repost.aws
//! "account identifier (":root" suffix) principal ... is not granting access";
//! zenn.dev/dannykitadani's measured table), while a Deny naming the account applies to
//! all of its principals (S3 changed its bucket policies to this in October 2023 "to make
//! it consistent with how similar policies are evaluated across AWS", k9security.io).
//! Pure: no clock, no network; the caller supplies both.

mod condition;
pub mod context;
mod document;
pub mod glob;
mod vars;

use std::fmt;
// libcore's address types: values only, no sockets.
use core::net::IpAddr;

use serde_json::Value;

pub use condition::{Operator, cidr_contains, parse_date};
pub use context::{Context, RequestInfo, request_context, resource_arn};
pub use document::{Effect, Policy};

use condition::Outcome;
use document::{Element, PrincipalId, Statement};

use crate::error::{ErrorCode, ServiceError};
use crate::model::{Millis, Secret};

/// An IAM-user-like principal of the vault: `arn:aws:iam::ACCOUNT:user/NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub account: String,
    pub name: String,
    pub arn: String,
    /// `aws:userid`: an IAM user's unique id, `AIDA` and 17 characters of base32.
    pub user_id: String,
}

impl Principal {
    pub fn user(account: &str, name: &str) -> Principal {
        Principal {
            account: account.to_string(),
            name: name.to_string(),
            arn: format!("arn:aws:iam::{account}:user/{name}"),
            user_id: user_id(account, name),
        }
    }
}

/// A deterministic unique id in the form IAM gives users (`AIDA` + 17 of `A-Z2-7`), from
/// two FNV-1a hashes of the account and name: the same principal always gets the same id,
/// and no clock or randomness is needed.
fn user_id(account: &str, name: &str) -> String {
    let fnv = |seed: u64| {
        let mut h = seed;
        for b in account.bytes().chain([0]).chain(name.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    };
    let bits =
        (u128::from(fnv(0xcbf2_9ce4_8422_2325)) << 64) | u128::from(fnv(0x8422_2325_cbf2_9ce4));
    const B32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut id = String::from("AIDA");
    for i in 0..17 {
        id.push(B32[((bits >> (i * 5)) & 31) as usize] as char);
    }
    id
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    Identity,
    Resource,
}

impl PolicyKind {
    /// As AWS names it in its messages.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity-based policy",
            PolicyKind::Resource => "resource-based policy",
        }
    }
}

/// The statement that decided a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decider {
    pub kind: PolicyKind,
    /// 1-based position of the statement in its policy.
    pub index: usize,
    pub sid: Option<String>,
}

impl fmt::Display for Decider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, statement {}", self.kind.as_str(), self.index)?;
        if let Some(sid) = &self.sid {
            write!(f, " ({sid})")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    ExplicitDeny,
    /// No statement allows.
    ImplicitDeny,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub decision: Decision,
    /// The statement that allowed or explicitly denied; `None` for an implicit deny.
    pub by: Option<Decider>,
}

impl Verdict {
    pub fn allowed(&self) -> bool {
        self.decision == Decision::Allow
    }
}

/// One authorization question: may `principal` perform `action` on `resource`?
pub struct Request<'a> {
    pub principal: &'a Principal,
    /// `secretsmanager:GetSecretValue`.
    pub action: &'a str,
    /// The secret's ARN, or `*` for the actions without a resource.
    pub resource: &'a str,
    pub context: &'a Context,
}

/// How a statement's principal element names the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Nobody,
    /// Through the account (id or root ARN): delegation.
    Account,
    /// The user itself, or everyone.
    Direct,
}

fn who(el: &Element<PrincipalId>, p: &Principal) -> Who {
    // `arn:aws:iam::ACCOUNT:root`, compared without making it.
    let is_root = |s: &str| {
        s.strip_prefix("arn:aws:iam::")
            .and_then(|r| r.strip_suffix(":root"))
            == Some(p.account.as_str())
    };
    let user = el.values.iter().any(|v| {
        matches!(v, PrincipalId::Anyone) || matches!(v, PrincipalId::Aws(s) if *s == p.arn)
    });
    let account = el.values.iter().any(|v| {
        matches!(v, PrincipalId::Anyone)
            || matches!(v, PrincipalId::Aws(s) if *s == p.account || is_root(s))
    });
    if el.not {
        // A request by a user carries two principals, the account and the user: a
        // NotPrincipal spares it only if it lists both ("When you use NotPrincipal, you
        // must also specify the account ARN of the not-denied principal. Otherwise, the
        // policy might deny access to the entire account", IAM user guide).
        if user && account {
            Who::Nobody
        } else {
            Who::Direct
        }
    } else if user {
        Who::Direct
    } else if account {
        Who::Account
    } else {
        Who::Nobody
    }
}

/// Whether a statement applies to the request; for a resource policy, how it names the
/// caller.
fn applies(st: &Statement, kind: PolicyKind, variables: bool, req: &Request) -> Who {
    let subject = match kind {
        // An identity policy's subject is its principal (IAM refuses a Principal there).
        PolicyKind::Identity => Who::Direct,
        PolicyKind::Resource => match &st.principal {
            Some(el) => who(el, req.principal),
            None => Who::Nobody,
        },
    };
    if subject == Who::Nobody {
        return Who::Nobody;
    }
    // Actions compare case-insensitively, service prefix included.
    let Some(action) = &st.action else {
        return Who::Nobody;
    };
    let named = action
        .patterns
        .iter()
        .any(|a| glob::matches_ignore_case(a, req.action));
    if named == action.not {
        return Who::Nobody;
    }
    // Resources compare case-sensitively, with variables after the ARN's fifth colon.
    let Some(resource) = &st.resource else {
        return Who::Nobody;
    };
    let mut named = false;
    for (i, r) in resource.values.iter().enumerate() {
        if let Some(Some(literal)) = st.resource_literals.get(i) {
            named = named || glob::matches(literal, req.resource);
            continue;
        }
        match vars::resource_pattern(r, req.context, variables) {
            vars::Resolved::Tokens(t) => named |= glob::matches(&t, req.resource),
            vars::Resolved::Unresolved => return Who::Nobody,
        }
    }
    if named == resource.not {
        return Who::Nobody;
    }
    for c in &st.conditions {
        if c.op.is_none() {
            // An operator IAM does not know: IAM refuses such a policy when it is written
            // ("Invalid Condition type"); one stored anyway fails closed: it allows
            // nothing and its Deny holds.
            if st.effect == Effect::Deny {
                continue;
            }
            return Who::Nobody;
        }
        if c.test(req.context, variables) != Outcome::True {
            return Who::Nobody;
        }
    }
    subject
}

/// Evaluates a same-account request against the principal's identity policy and the
/// secret's resource policy. An explicit Deny in either wins (the identity policy's is
/// reported when both deny: AWS names only one policy type); then the first Allow,
/// the identity policy's first.
pub fn evaluate(req: &Request, identity: Option<&Policy>, resource: Option<&Policy>) -> Verdict {
    let mut allow: Option<Decider> = None;
    for (kind, policy) in [
        (PolicyKind::Identity, identity),
        (PolicyKind::Resource, resource),
    ] {
        let Some(policy) = policy else { continue };
        for st in &policy.statements {
            let w = applies(st, kind, policy.variables, req);
            let decider = || Decider {
                kind,
                index: st.index,
                sid: st.sid.clone(),
            };
            match (st.effect, w) {
                (_, Who::Nobody) => {}
                (Effect::Deny, _) => {
                    return Verdict {
                        decision: Decision::ExplicitDeny,
                        by: Some(decider()),
                    };
                }
                // A grant to the account alone is delegation: no grant for the user.
                (Effect::Allow, Who::Account) => {}
                (Effect::Allow, Who::Direct) => {
                    if allow.is_none() {
                        allow = Some(decider());
                    }
                }
            }
        }
    }
    match allow {
        Some(by) => Verdict {
            decision: Decision::Allow,
            by: Some(by),
        },
        None => Verdict {
            decision: Decision::ImplicitDeny,
            by: None,
        },
    }
}

/// AWS's AccessDeniedException message for a denied request. `resource` is the secret
/// as the request named it (captures show the SecretId as sent: `on resource:
/// cfn/atlas/profile/development`, mongodb/awscdk-resources-mongodbatlas#207; `on
/// resource: settings`, amzn/selling-partner-api-samples#76; the full ARN when that was
/// sent, binbashar/le-tf-infra-aws#874), `None` for the actions without a resource, whose
/// message has no "on resource" (`... perform: secretsmanager:ListSecrets because no
/// identity-based policy allows ...`, Kralizek/AWSSecretsManagerConfigurationExtensions#78).
/// Explicit denies: `with an explicit deny in a resource-based policy`
/// (cloud-custodian/cloud-custodian#10055) and `... in an identity-based policy` (the
/// IAM user guide's "Troubleshoot access denied error messages" format). Within one
/// account an implicit deny names the identity-based policy.
pub fn denied_message(
    principal_arn: &str,
    action: &str,
    resource: Option<&str>,
    verdict: &Verdict,
) -> String {
    let on = resource
        .map(|r| format!(" on resource: {r}"))
        .unwrap_or_default();
    let why = match (&verdict.decision, &verdict.by) {
        (Decision::ExplicitDeny, Some(by)) => match by.kind {
            PolicyKind::Identity => " with an explicit deny in an identity-based policy".into(),
            PolicyKind::Resource => " with an explicit deny in a resource-based policy".into(),
        },
        _ => format!(" because no identity-based policy allows the {action} action"),
    };
    format!("User: {principal_arn} is not authorized to perform: {action}{on}{why}")
}

/// The AccessDeniedException for a denied request (HTTP 400, as the captures show).
pub fn denied(
    principal: &Principal,
    action: &str,
    resource: Option<&str>,
    verdict: &Verdict,
) -> ServiceError {
    ServiceError::new(
        ErrorCode::AccessDenied,
        denied_message(&principal.arn, action, resource, verdict),
    )
}

/// What one authorization is about: a secret, or nothing (`*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Secret,
    Any,
}

/// One action an operation needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub action: String,
    pub target: Target,
}

/// The actions an operation needs, from the Service Authorization Reference's "API
/// operations" table: CreateSecret also needs TagResource when it tags and
/// ReplicateSecretToRegions when it replicates; ValidateResourcePolicy needs
/// PutResourcePolicy too; BatchGetSecretValue needs its own action (resource `*`), and
/// ListSecrets when it lists by filter; then GetSecretValue per secret (see
/// [`Caller::batch_member`]). ListSecrets and GetRandomPassword have no resource.
pub fn checks(operation: &str, input: &Value) -> Vec<Check> {
    let check = |op: &str, target| Check {
        action: format!("secretsmanager:{op}"),
        target,
    };
    match operation {
        "ListSecrets" | "GetRandomPassword" => vec![check(operation, Target::Any)],
        "BatchGetSecretValue" => {
            let mut v = vec![check("BatchGetSecretValue", Target::Any)];
            if input.get("Filters").is_some() {
                v.push(check("ListSecrets", Target::Any));
            }
            v
        }
        "CreateSecret" => {
            let mut v = vec![check("CreateSecret", Target::Secret)];
            if input
                .get("Tags")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
            {
                v.push(check("TagResource", Target::Secret));
            }
            if input
                .get("AddReplicaRegions")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
            {
                v.push(check("ReplicateSecretToRegions", Target::Secret));
            }
            v
        }
        "ValidateResourcePolicy" => {
            let target = if input.get("SecretId").is_some() {
                Target::Secret
            } else {
                Target::Any
            };
            vec![
                check("PutResourcePolicy", target),
                check("ValidateResourcePolicy", target),
            ]
        }
        op => vec![check(op, Target::Secret)],
    }
}

/// A non-owner caller of serve (or the principal `principals can` asks about): who it is,
/// its identity policy, and where and when it asks from.
pub struct Caller<'a> {
    pub principal: &'a Principal,
    pub identity: Option<&'a Policy>,
    pub source_ip: Option<IpAddr>,
    pub secure_transport: bool,
    pub region: &'a str,
    pub now: Millis,
}

impl Caller<'_> {
    /// Authorizes one [`Check`] of an operation. `secret` is the stored secret the request
    /// names (None if it names none or it does not exist), `resource` its ARN from
    /// [`resource_arn`] (ignored for [`Target::Any`]), `resource_policy` the secret's
    /// parsed policy.
    pub fn authorize(
        &self,
        operation: &str,
        input: &Value,
        check: &Check,
        secret: Option<&Secret>,
        resource: Option<&str>,
        resource_policy: Option<&Policy>,
    ) -> Verdict {
        // Only the keys the two policies can test are made (the evaluation reads no other).
        self.decide(
            operation,
            input,
            check,
            (secret, resource, resource_policy),
            true,
            &Context::new(),
        )
        .0
    }

    /// [`Caller::authorize`] with the keys of `extra` set over the request's own (`smvault
    /// principals can --context`: what if the request carried these), answering the
    /// context it evaluated too: every key the request carries.
    #[allow(clippy::too_many_arguments)]
    pub fn authorize_with(
        &self,
        operation: &str,
        input: &Value,
        check: &Check,
        secret: Option<&Secret>,
        resource: Option<&str>,
        resource_policy: Option<&Policy>,
        extra: &Context,
    ) -> (Verdict, Context) {
        self.decide(
            operation,
            input,
            check,
            (secret, resource, resource_policy),
            false,
            extra,
        )
    }

    /// The request's context (only the keys the policies can read when `narrow`), `extra`
    /// set over it, and the verdict on it.
    fn decide(
        &self,
        operation: &str,
        input: &Value,
        check: &Check,
        target: (Option<&Secret>, Option<&str>, Option<&Policy>),
        narrow: bool,
        extra: &Context,
    ) -> (Verdict, Context) {
        let (secret, resource, resource_policy) = match check.target {
            Target::Any => (None, None, None),
            Target::Secret => target,
        };
        let info = RequestInfo {
            operation,
            input,
            secret,
            resource,
            principal: self.principal,
            source_ip: self.source_ip,
            secure_transport: self.secure_transport,
            region: self.region,
            now: self.now,
        };
        let mut ctx = if narrow {
            let none: &[String] = &[];
            context::request_context_for(
                &info,
                &[
                    self.identity.map_or(none, |p| &p.keys),
                    resource_policy.map_or(none, |p| &p.keys),
                ],
            )
        } else {
            request_context(&info)
        };
        ctx.override_with(extra);
        let verdict = evaluate(
            &Request {
                principal: self.principal,
                action: &check.action,
                resource: resource.unwrap_or("*"),
                context: &ctx,
            },
            self.identity,
            resource_policy,
        );
        (verdict, ctx)
    }

    /// BatchGetSecretValue's check of one secret: `secretsmanager:GetSecretValue` on it,
    /// with its resource policy. A denied secret goes into the response's `Errors` (see
    /// [`batch_error`]) and the call goes on.
    pub fn batch_member(
        &self,
        secret: &Secret,
        arn: &str,
        resource_policy: Option<&Policy>,
    ) -> Verdict {
        let input = serde_json::json!({ "SecretId": arn });
        self.authorize(
            "GetSecretValue",
            &input,
            &Check {
                action: "secretsmanager:GetSecretValue".into(),
                target: Target::Secret,
            },
            Some(secret),
            Some(arn),
            resource_policy,
        )
    }
}

/// The `Errors` entry of BatchGetSecretValue for a secret the caller may not read.
pub fn batch_error(principal: &Principal, secret_id: &str, verdict: &Verdict) -> Value {
    serde_json::json!({
        "SecretId": secret_id,
        "ErrorCode": ErrorCode::AccessDenied.as_str(),
        "Message": denied_message(&principal.arn, "secretsmanager:GetSecretValue", Some(secret_id), verdict),
    })
}

#[cfg(test)]
mod rules;

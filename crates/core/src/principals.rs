//! The vault's principals besides its owner (`smvault principals`): IAM's rules for their
//! names, access keys and identity policies, finding one by name or by access key id, and
//! `principals can`'s question put to the access module against a secret as stored.
//!
//! The owner holds the serving credentials ([`Serving`]) and, as an account's root in
//! AWS, may do everything; every other principal is an IAM-user-like identity whose
//! requests the access module evaluates. One access key id names one principal: a key id
//! is never the owner's and another principal's at once.

use zeroize::Zeroize;

use crate::access::{self, Caller, Check, Context, Decision, Policy, Principal, Target, Verdict};
use crate::model::{Millis, Serving, User, Vault};

/// IAM's user names: 1 to 64 characters of `[\w+=,.@-]` (CreateUser's UserName pattern;
/// `\w` is ASCII letters, digits and `_`).
pub const MAX_NAME: usize = 64;
/// IAM's AccessKeyId is at most 128 characters. Its minimum of 16 is not kept: dev stacks
/// hard-code ids such as `test` (LocalStack, testcontainers).
pub const MAX_KEY_ID: usize = 128;
/// A secret key given by hand: AWS's are 40 characters; this leaves room for any dev
/// stack's while bounding what is stored.
pub const MAX_SECRET_KEY: usize = 128;
/// IAM's quota for a managed policy, whitespace not counted (IAM answers `LimitExceeded:
/// Cannot exceed quota for PolicySize: 6144`, ministryofjustice/cloud-platform-environments
/// #14473): a policy accepted here can be deployed.
pub const MAX_POLICY: usize = 6144;

/// Why a principal command is refused: bad input, a clash with what the vault holds, or
/// no such principal. Never holds a secret key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

fn refuse<T>(message: impl Into<String>) -> Result<T, Refused> {
    Err(Refused(message.into()))
}

/// At most `max` characters of `s`, for echoing what was given without echoing a flood.
fn shown(s: &str, max: usize) -> String {
    let cut: String = s.chars().take(max).collect();
    if cut.len() < s.len() {
        format!("{cut:?}…")
    } else {
        format!("{cut:?}")
    }
}

/// IAM's user-name rule.
pub fn check_name(name: &str) -> Result<(), Refused> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c);
    if name.is_empty() || name.chars().count() > MAX_NAME || !name.chars().all(allowed) {
        return refuse(format!(
            "invalid principal name {}: a name is 1 to {MAX_NAME} letters, digits and _+=,.@- (IAM's user names)",
            shown(name, MAX_NAME + 8)
        ));
    }
    Ok(())
}

/// An access key id: 1 to 128 ASCII letters and digits. Not echoed: a secret key pasted
/// in its place must not reach a terminal log.
pub fn check_key_id(id: &str) -> Result<(), Refused> {
    if id.is_empty() || id.len() > MAX_KEY_ID || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return refuse(format!(
            "invalid access key id: 1 to {MAX_KEY_ID} letters and digits (such as AKIA… or test)"
        ));
    }
    Ok(())
}

/// A secret key given by hand: 1 to 128 printable ASCII characters without spaces (it
/// goes into shell exports and ~/.aws/credentials, which trim spaces). Never echoed.
pub fn check_secret_key(key: &str) -> Result<(), Refused> {
    if key.is_empty() || key.len() > MAX_SECRET_KEY || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return refuse(format!(
            "invalid secret access key: 1 to {MAX_SECRET_KEY} printable characters, no spaces"
        ));
    }
    Ok(())
}

/// An identity policy: within IAM's size quota, and accepted by `validate-resource-policy`'s
/// checks as an identity policy ([`crate::policy::check_identity`]: no Principal, only
/// operators IAM knows) and by the evaluation's reader. The first problem found is the
/// answer.
pub fn check_policy(text: &str) -> Result<(), Refused> {
    let size = text.chars().filter(|c| !c.is_whitespace()).count();
    if size > MAX_POLICY {
        return refuse(format!(
            "invalid identity policy: {size} characters (whitespace not counted) is over IAM's quota: LimitExceeded: Cannot exceed quota for PolicySize: {MAX_POLICY}"
        ));
    }
    let Some(doc) = crate::policy::parse(text) else {
        return refuse("invalid identity policy: it is not a JSON object");
    };
    if let Some((_, finding)) = crate::policy::check_identity(&doc).into_iter().next() {
        return refuse(format!("invalid identity policy: {finding}"));
    }
    Policy::parse(text)
        .map(|_| ())
        .map_err(|e| Refused(format!("invalid identity policy: {e}")))
}

/// The principal named `name`, compared as IAM compares user names: ignoring case.
pub fn find(vault: &Vault, name: &str) -> Option<usize> {
    vault
        .principals
        .iter()
        .position(|u| u.name.eq_ignore_ascii_case(name))
}

/// [`find`], or the refusal naming what is missing.
pub fn find_or_refuse(vault: &Vault, name: &str) -> Result<usize, Refused> {
    find(vault, name).ok_or_else(|| {
        Refused(format!(
            "no principal named {} (`smvault principals list` shows them)",
            shown(name, MAX_NAME + 8)
        ))
    })
}

/// Who holds an access key id.
#[derive(Debug, Clone, Copy)]
pub enum KeyHolder<'v> {
    /// The serving credentials: the vault's owner.
    Owner(&'v Serving),
    Principal(&'v User),
}

/// The holder of access key id `id` (compared exactly, as SigV4's credential scope names
/// it); `None` when no one holds it.
pub fn by_access_key<'v>(vault: &'v Vault, id: &str) -> Option<KeyHolder<'v>> {
    if let Some(s) = vault.serving.as_ref().filter(|s| s.access_key_id == id) {
        return Some(KeyHolder::Owner(s));
    }
    vault
        .principals
        .iter()
        .find(|u| u.access_key_id == id)
        .map(KeyHolder::Principal)
}

/// Refuses key id `id` if anyone holds it already.
fn key_is_free(vault: &Vault, id: &str) -> Result<(), Refused> {
    match by_access_key(vault, id) {
        None => Ok(()),
        Some(KeyHolder::Owner(_)) => refuse(
            "that access key id is the owner's (serve's own credentials): a key names one principal",
        ),
        Some(KeyHolder::Principal(u)) => refuse(format!(
            "that access key id is principal {}'s already: a key names one principal",
            u.name
        )),
    }
}

/// What `principals add` asks for.
pub struct NewPrincipal {
    pub name: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub policy: Option<String>,
}

impl Drop for NewPrincipal {
    fn drop(&mut self) {
        self.secret_access_key.zeroize();
    }
}

/// Adds a principal: its name, key pair and policy checked, its name and key id unused.
/// Nothing changes when it is refused.
pub fn add<'v>(vault: &'v mut Vault, new: &NewPrincipal, now: Millis) -> Result<&'v User, Refused> {
    check_name(&new.name)?;
    if let Some(i) = find(vault, &new.name) {
        return refuse(format!(
            "a principal named {} exists already (names are compared ignoring case, as IAM compares user names)",
            vault.principals[i].name
        ));
    }
    check_key_id(&new.access_key_id)?;
    check_secret_key(&new.secret_access_key)?;
    if let Some(p) = &new.policy {
        check_policy(p)?;
    }
    key_is_free(vault, &new.access_key_id)?;
    vault.principals.push(User {
        name: new.name.clone(),
        access_key_id: new.access_key_id.clone(),
        secret_access_key: new.secret_access_key.clone(),
        policy: new.policy.clone(),
        created: now,
        key_created: now,
    });
    vault.dirty = true;
    Ok(&vault.principals[vault.principals.len() - 1])
}

/// Removes a principal; its key stops working with it.
pub fn remove(vault: &mut Vault, name: &str) -> Result<User, Refused> {
    let i = find_or_refuse(vault, name)?;
    vault.dirty = true;
    Ok(vault.principals.remove(i))
}

/// Gives a principal a new key pair; the old one stops working.
pub fn rotate_key<'v>(
    vault: &'v mut Vault,
    name: &str,
    access_key_id: &str,
    secret_access_key: &str,
    now: Millis,
) -> Result<&'v User, Refused> {
    let i = find_or_refuse(vault, name)?;
    check_key_id(access_key_id)?;
    check_secret_key(secret_access_key)?;
    key_is_free(vault, access_key_id)?;
    let u = &mut vault.principals[i];
    u.secret_access_key.zeroize();
    u.secret_access_key = secret_access_key.to_string();
    u.access_key_id = access_key_id.to_string();
    u.key_created = now;
    vault.dirty = true;
    Ok(&vault.principals[i])
}

/// Sets (or with `None` clears) a principal's identity policy.
pub fn set_policy(vault: &mut Vault, name: &str, policy: Option<&str>) -> Result<(), Refused> {
    let i = find_or_refuse(vault, name)?;
    if let Some(p) = policy {
        check_policy(p)?;
    }
    vault.principals[i].policy = policy.map(str::to_string);
    vault.dirty = true;
    Ok(())
}

/// `principals list`'s line on a policy: `none`, or its statements by effect.
pub fn policy_summary(policy: Option<&str>) -> String {
    let Some(text) = policy else {
        return "none".into();
    };
    match Policy::parse(text) {
        Ok(p) => {
            let n = p.statements.len();
            let deny = p
                .statements
                .iter()
                .filter(|s| s.effect == access::Effect::Deny)
                .count();
            let plural = if n == 1 { "" } else { "s" };
            format!("{n} statement{plural}: {} Allow, {deny} Deny", n - deny)
        }
        Err(_) => "unreadable (set it again)".into(),
    }
}

/// The access module's view of a principal of this vault.
pub fn principal_of(vault: &Vault, user: &User) -> Principal {
    Principal::user(vault.account_id(), &user.name)
}

/// `principals can NAME ACTION [SECRET-ID]`: the question.
pub struct Question<'a> {
    pub name: &'a str,
    /// `secretsmanager:GetSecretValue` or `GetSecretValue` (any case).
    pub action: &'a str,
    /// The secret as a request would name it (name or ARN); `None` for the actions
    /// that act on no secret.
    pub secret_id: Option<&'a str>,
    /// Condition keys to set over the request's own, `key=value` each; a key given twice
    /// has several values.
    pub context: &'a [(String, String)],
    pub region: &'a str,
    pub now: Millis,
}

/// The answer: the verdict and what it was about.
pub struct Answer {
    pub principal: Principal,
    /// `secretsmanager:GetSecretValue`.
    pub action: String,
    /// The ARN evaluated, or `*`.
    pub resource: String,
    /// Whether the secret exists in the region (its tags and resource policy were used).
    pub found: bool,
    pub verdict: Verdict,
    /// What serve would answer a denied request with.
    pub denied_message: Option<String>,
    /// Every key the evaluation could test, with its values.
    pub context: Context,
}

/// The operation an action names: `secretsmanager:` (any case) and the API name (any case).
fn operation_of(action: &str) -> Result<&'static str, Refused> {
    let name = match action.split_once(':') {
        Some((service, name)) if service.eq_ignore_ascii_case("secretsmanager") => name,
        Some(_) => {
            return refuse(format!(
                "unknown action {}: only secretsmanager actions are evaluated here",
                shown(action, 80)
            ));
        }
        None => action,
    };
    crate::ops::OPERATIONS
        .iter()
        .find(|op| op.name.eq_ignore_ascii_case(name))
        .map(|op| op.name)
        .ok_or_else(|| {
            Refused(format!(
                "unknown action {}: an action is secretsmanager:<Operation>, such as secretsmanager:GetSecretValue",
                shown(action, 80)
            ))
        })
}

/// The condition keys of `--context`: a key given once has one value, a key given twice
/// (or one of the keys AWS types as lists) has them all.
fn context_of(pairs: &[(String, String)]) -> Context {
    const LISTS: &[&str] = &["aws:TagKeys", "secretsmanager:AddReplicaRegions"];
    let mut keys: Vec<(&str, Vec<String>)> = Vec::new();
    for (k, v) in pairs {
        match keys.iter_mut().find(|(key, _)| key.eq_ignore_ascii_case(k)) {
            Some((_, values)) => values.push(v.clone()),
            None => keys.push((k, vec![v.clone()])),
        }
    }
    let mut ctx = Context::new();
    for (k, mut values) in keys {
        if values.len() > 1 || LISTS.iter().any(|l| l.eq_ignore_ascii_case(k)) {
            ctx.set_list(k, values);
        } else if let Some(v) = values.pop() {
            ctx.set(k, v);
        }
    }
    ctx
}

/// Answers `principals can` as serve would decide the request: the principal's identity
/// policy and the secret's resource policy, through [`Caller::authorize_with`], on the
/// secret as stored (its ARN, tags and policy) when it exists in the region, else on the
/// ARN its id spells.
pub fn can(vault: &Vault, q: &Question) -> Result<Answer, Refused> {
    let user = &vault.principals[find_or_refuse(vault, q.name)?];
    let operation = operation_of(q.action)?;
    let action = format!("secretsmanager:{operation}");
    let secret_id = q.secret_id.filter(|id| *id != "*");
    let key = if operation == "CreateSecret" {
        "Name"
    } else {
        "SecretId"
    };
    let input = match secret_id {
        Some(id) => serde_json::json!({ key: id }),
        None => serde_json::json!({}),
    };
    let check: Check = access::checks(operation, &input)
        .into_iter()
        .find(|c| c.action == action)
        .unwrap_or(Check {
            action: action.clone(),
            target: Target::Secret,
        });
    match (check.target, secret_id) {
        (Target::Secret, None) => {
            return refuse(format!(
                "{action} acts on a secret: give its SECRET-ID (name or ARN)"
            ));
        }
        (Target::Any, Some(_)) => {
            return refuse(format!(
                "{action} acts on no secret (its resource is *): leave SECRET-ID out"
            ));
        }
        _ => {}
    }
    let identity = match &user.policy {
        Some(text) => Some(Policy::parse(text).map_err(|e| {
            Refused(format!(
                "the stored identity policy of principal {} cannot be read: {e}",
                user.name
            ))
        })?),
        None => None,
    };
    let account = vault.account_id();
    let secret = secret_id
        .and_then(|id| crate::ids::find(vault, id, q.region).ok())
        .map(|i| &vault.secrets[i]);
    let stored_arn = secret.map(|s| crate::ids::arn(s, q.region, account));
    let arn =
        secret_id.map(|id| access::resource_arn(id, stored_arn.as_deref(), q.region, account));
    let resource_policy = match secret.and_then(|s| s.policy.as_deref()) {
        Some(text) => Some(Policy::parse(text).map_err(|e| {
            Refused(format!(
                "the resource policy of secret {} cannot be read: {e}",
                secret.map_or("", |s| s.name.as_str())
            ))
        })?),
        None => None,
    };
    let principal = principal_of(vault, user);
    let caller = Caller {
        principal: &principal,
        identity: identity.as_ref(),
        source_ip: None,
        secure_transport: false,
        region: q.region,
        now: q.now,
    };
    let (verdict, context) = caller.authorize_with(
        operation,
        &input,
        &check,
        secret,
        arn.as_deref(),
        resource_policy.as_ref(),
        &context_of(q.context),
    );
    let denied_message = (verdict.decision != Decision::Allow)
        .then(|| access::denied_message(&principal.arn, &action, secret_id, &verdict));
    Ok(Answer {
        resource: match check.target {
            Target::Secret => arn.unwrap_or_default(),
            Target::Any => "*".into(),
        },
        principal,
        action,
        found: secret.is_some(),
        verdict,
        denied_message,
        context,
    })
}

/// The context values of `--context` as `key=value` words: the key is everything before
/// the first `=`.
pub fn parse_context_word(word: &str) -> Result<(String, String), Refused> {
    match word.split_once('=') {
        Some((k, v)) if !k.is_empty() && k.contains(':') => Ok((k.to_string(), v.to_string())),
        _ => refuse(format!(
            "invalid --context {}: give a condition key and its value, such as aws:SourceIp=10.0.0.1",
            shown(word, 80)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    const READ_APP: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"ReadApp","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:*:*:secret:app/*"}]}"#;

    fn new(name: &str, id: &str) -> NewPrincipal {
        NewPrincipal {
            name: name.into(),
            access_key_id: id.into(),
            secret_access_key: "s3cr3t-key".into(),
            policy: None,
        }
    }

    fn owner() -> Serving {
        Serving {
            access_key_id: "AKIAOWNER00000000000".into(),
            secret_access_key: "owner-secret".into(),
            agent_token: "token".into(),
        }
    }

    /// A vault with two secrets and the owner's credentials; `ci` reads `app/*`.
    fn vault() -> Vault {
        let mut v = vault_with(&[("app/db", "1"), ("prod/db", "2")]);
        v.serving = Some(owner());
        let mut ci = new("ci", "AKIACI");
        ci.policy = Some(READ_APP.into());
        add(&mut v, &ci, 5).unwrap();
        v.dirty = false;
        v
    }

    fn refused_unchanged(
        v: &mut Vault,
        f: impl FnOnce(&mut Vault) -> Result<(), Refused>,
    ) -> String {
        let before = v.clone();
        let e = f(v).unwrap_err();
        assert_eq!(*v, before, "a refused change changes nothing");
        e.0
    }

    #[test]
    fn names_follow_iams_user_name_rule() {
        for ok in ["ci", "a", "Bob.Smith+ci=1,x@y_z-w", &"n".repeat(64)] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "with space",
            "slash/name",
            "é",
            "tab\t",
            &"n".repeat(65),
        ] {
            let e = check_name(bad).unwrap_err().0;
            assert!(e.contains("1 to 64 letters, digits and _+=,.@-"), "{e}");
        }
        // A huge name is not echoed whole.
        assert!(check_name(&"x/".repeat(5000)).unwrap_err().0.len() < 300);
    }

    #[test]
    fn access_key_ids_are_1_to_128_alphanumerics_short_ones_accepted() {
        for ok in ["test", "AKIAIOSFODNN7EXAMPLE", "a", &"A".repeat(128)] {
            assert!(check_key_id(ok).is_ok(), "{ok}");
        }
        for bad in ["", "AKIA_X", "has space", "ключ", &"A".repeat(129)] {
            let e = check_key_id(bad).unwrap_err().0;
            assert!(e.contains("1 to 128 letters and digits"), "{e}");
            assert!(
                bad.is_empty() || !e.contains(bad),
                "the id is not echoed: {e}"
            );
        }
    }

    #[test]
    fn secret_keys_are_printable_without_spaces_and_never_echoed() {
        assert!(check_secret_key("test").is_ok());
        assert!(check_secret_key("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").is_ok());
        for bad in ["", "has space", "tab\tx", "nl\nx", &"k".repeat(129)] {
            let e = check_secret_key(bad).unwrap_err().0;
            assert!(e.contains("printable characters, no spaces"), "{e}");
            assert!(bad.len() < 3 || !e.contains(bad), "{e}");
        }
    }

    #[test]
    fn identity_policies_are_checked_as_identity_policies() {
        assert!(check_policy(READ_APP).is_ok());
        let with_principal = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#;
        assert!(
            check_policy(with_principal)
                .unwrap_err()
                .0
                .contains("Policy document should not specify a principal"),
        );
        let unknown_op = r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"stringEquals":{"aws:username":"x"}}}]}"#;
        assert!(
            check_policy(unknown_op)
                .unwrap_err()
                .0
                .contains("Invalid Condition type : stringEquals")
        );
        assert!(
            check_policy("[1]")
                .unwrap_err()
                .0
                .contains("not a JSON object")
        );
        assert!(
            check_policy("{")
                .unwrap_err()
                .0
                .contains("not a JSON object")
        );
        let no_effect = r#"{"Statement":[{"Action":"*","Resource":"*"}]}"#;
        assert!(check_policy(no_effect).unwrap_err().0.contains("Effect"));
    }

    #[test]
    fn identity_policies_over_iams_size_quota_are_refused_whitespace_not_counted() {
        let statement = r#"{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:123456789012:secret:app/x"}"#;
        let policy = |n: usize, pad: &str| {
            let list: Vec<&str> = std::iter::repeat_n(statement, n).collect();
            format!(r#"{{"Statement":[{}]}}"#, list.join(&format!(",{pad}")))
        };
        let big = policy(60, "");
        assert!(big.len() > MAX_POLICY);
        let e = check_policy(&big).unwrap_err().0;
        assert!(
            e.contains("Cannot exceed quota for PolicySize: 6144"),
            "{e}"
        );
        // Spaces and newlines do not count, as in IAM.
        let spaced = policy(45, "\n            ");
        assert!(spaced.len() > MAX_POLICY);
        assert!(check_policy(&spaced).is_ok());
    }

    #[test]
    fn a_name_is_unique_ignoring_case_and_a_refusal_changes_nothing() {
        let mut v = vault();
        let e = refused_unchanged(&mut v, |v| add(v, &new("CI", "OTHER"), 9).map(|_| ()));
        assert!(e.contains("a principal named ci exists already"), "{e}");
        assert_eq!(find(&v, "Ci"), Some(0));
    }

    #[test]
    fn a_key_id_names_one_principal_never_the_owners() {
        let mut v = vault();
        let e = refused_unchanged(&mut v, |v| add(v, &new("other", "AKIACI"), 9).map(|_| ()));
        assert!(e.contains("principal ci's already"), "{e}");
        let e = refused_unchanged(&mut v, |v| {
            add(v, &new("other", "AKIAOWNER00000000000"), 9).map(|_| ())
        });
        assert!(e.contains("the owner's"), "{e}");
        let e = refused_unchanged(&mut v, |v| {
            rotate_key(v, "ci", "AKIAOWNER00000000000", "k", 9).map(|_| ())
        });
        assert!(e.contains("the owner's"), "{e}");
    }

    #[test]
    fn bad_input_to_add_is_refused_with_the_vault_unchanged() {
        let mut v = vault();
        for (p, needle) in [
            (new("bad name", "X1"), "invalid principal name"),
            (new("ok", ""), "invalid access key id"),
            (new("ok", "X_1"), "invalid access key id"),
            (
                {
                    let mut p = new("ok", "X1");
                    p.secret_access_key.clear();
                    p
                },
                "invalid secret access key",
            ),
            (
                {
                    let mut p = new("ok", "X1");
                    p.policy = Some(r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#.into());
                    p
                },
                "should not specify a principal",
            ),
        ] {
            let e = refused_unchanged(&mut v, |v| add(v, &p, 9).map(|_| ()));
            assert!(e.contains(needle), "{e}");
        }
    }

    #[test]
    fn add_keeps_the_pair_as_given_with_its_dates() {
        let mut v = vault();
        let u = add(&mut v, &new("dev", "test"), 42).unwrap().clone();
        assert_eq!(
            (u.access_key_id.as_str(), u.secret_access_key.as_str()),
            ("test", "s3cr3t-key")
        );
        assert_eq!((u.created, u.key_created), (42, 42));
        assert!(v.dirty);
        assert_eq!(v.principals.len(), 2);
    }

    #[test]
    fn the_lookup_by_key_id_finds_the_owner_or_one_principal() {
        let v = vault();
        assert!(matches!(
            by_access_key(&v, "AKIAOWNER00000000000"),
            Some(KeyHolder::Owner(_))
        ));
        assert!(matches!(
            by_access_key(&v, "AKIACI"),
            Some(KeyHolder::Principal(u)) if u.name == "ci"
        ));
        // Exact: case matters in a key id, as in SigV4's credential.
        assert!(by_access_key(&v, "akiaci").is_none());
        assert!(by_access_key(&v, "").is_none());
    }

    #[test]
    fn rotate_key_replaces_the_pair_so_the_old_id_finds_no_one() {
        let mut v = vault();
        let u = rotate_key(&mut v, "CI", "AKIANEW", "new-secret", 77).unwrap();
        assert_eq!((u.key_created, u.created), (77, 5));
        assert!(by_access_key(&v, "AKIACI").is_none());
        assert!(matches!(
            by_access_key(&v, "AKIANEW"),
            Some(KeyHolder::Principal(_))
        ));
        let e = refused_unchanged(&mut v, |v| {
            rotate_key(v, "nobody", "X2", "k", 1).map(|_| ())
        });
        assert!(e.contains("no principal named \"nobody\""), "{e}");
    }

    #[test]
    fn remove_and_set_policy_name_a_principal_ignoring_case() {
        let mut v = vault();
        set_policy(&mut v, "Ci", None).unwrap();
        assert_eq!(v.principals[0].policy, None);
        let e = refused_unchanged(&mut v, |v| set_policy(v, "ci", Some("{}")));
        assert!(e.contains("invalid identity policy"), "{e}");
        set_policy(&mut v, "ci", Some(READ_APP)).unwrap();
        assert_eq!(v.principals[0].policy.as_deref(), Some(READ_APP));
        assert_eq!(remove(&mut v, "CI").unwrap().name, "ci");
        assert!(v.principals.is_empty());
        let e = refused_unchanged(&mut v, |v| remove(v, "ci").map(|_| ()));
        assert!(e.contains("no principal named"), "{e}");
    }

    #[test]
    fn the_policy_summary_counts_statements_by_effect() {
        assert_eq!(policy_summary(None), "none");
        assert_eq!(
            policy_summary(Some(READ_APP)),
            "1 statement: 1 Allow, 0 Deny"
        );
        let two = r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"secretsmanager:DeleteSecret","Resource":"*"}]}"#;
        assert_eq!(policy_summary(Some(two)), "2 statements: 1 Allow, 1 Deny");
    }

    #[test]
    fn debug_output_never_shows_a_secret_key() {
        let v = vault();
        let dump = format!("{:?}", v.principals);
        assert!(dump.contains("AKIACI"), "{dump}");
        assert!(!dump.contains("s3cr3t-key"), "{dump}");
        assert!(
            !dump.contains("ReadApp"),
            "the policy is summarized away: {dump}"
        );
    }

    fn ask<'a>(
        name: &'a str,
        action: &'a str,
        id: Option<&'a str>,
        context: &'a [(String, String)],
    ) -> Question<'a> {
        Question {
            name,
            action,
            secret_id: id,
            context,
            region: "us-east-1",
            now: 0,
        }
    }

    #[test]
    fn can_answers_as_the_access_module_decides_with_the_statement() {
        let v = vault();
        let a = can(
            &v,
            &ask("ci", "secretsmanager:GetSecretValue", Some("app/db"), &[]),
        )
        .unwrap();
        assert!(a.verdict.allowed());
        assert!(a.found);
        let suffix = &v.secrets[0].suffix;
        assert_eq!(
            a.resource,
            format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-{suffix}")
        );
        assert_eq!(
            a.verdict.by.unwrap().to_string(),
            "identity-based policy, statement 1 (ReadApp)"
        );
        assert!(a.denied_message.is_none());
        // Other secrets, other actions: implicitly denied, with serve's message.
        let a = can(&v, &ask("ci", "getsecretvalue", Some("prod/db"), &[])).unwrap();
        assert_eq!(a.verdict.decision, Decision::ImplicitDeny);
        assert_eq!(
            a.denied_message.as_deref(),
            Some(
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:GetSecretValue on resource: prod/db because no identity-based policy allows the secretsmanager:GetSecretValue action"
            )
        );
        let a = can(&v, &ask("ci", "PutSecretValue", Some("app/db"), &[])).unwrap();
        assert!(!a.verdict.allowed());
    }

    #[test]
    fn can_uses_the_stored_resource_policy_and_tags() {
        let mut v = vault();
        let deny_tagged = r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoProdTag","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:user/ci"},"Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}]}"#;
        let s = &mut v.secrets[0];
        s.policy = Some(deny_tagged.into());
        let before = can(&v, &ask("ci", "GetSecretValue", Some("app/db"), &[])).unwrap();
        assert!(
            before.verdict.allowed(),
            "untagged: the identity policy allows"
        );
        v.secrets[0].tags = Some(vec![crate::model::Tag {
            key: "env".into(),
            value: "prod".into(),
        }]);
        let after = can(&v, &ask("ci", "GetSecretValue", Some("app/db"), &[])).unwrap();
        assert_eq!(after.verdict.decision, Decision::ExplicitDeny);
        assert_eq!(
            after.verdict.by.unwrap().to_string(),
            "resource-based policy, statement 1 (NoProdTag)"
        );
    }

    #[test]
    fn can_takes_context_keys_over_the_requests_own() {
        let mut v = vault();
        let from_lan = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}"#;
        set_policy(&mut v, "ci", Some(from_lan)).unwrap();
        let no_ip = can(&v, &ask("ci", "DescribeSecret", Some("prod/db"), &[])).unwrap();
        assert!(!no_ip.verdict.allowed());
        let lan = [("aws:SourceIp".to_string(), "10.1.2.3".to_string())];
        let a = can(&v, &ask("ci", "DescribeSecret", Some("prod/db"), &lan)).unwrap();
        assert!(a.verdict.allowed());
        assert_eq!(a.context.get("aws:sourceip").unwrap().values, ["10.1.2.3"]);
        let wan = [("aws:SourceIp".to_string(), "192.0.2.1".to_string())];
        assert!(
            !can(&v, &ask("ci", "DescribeSecret", Some("prod/db"), &wan))
                .unwrap()
                .verdict
                .allowed()
        );
        // Repeated keys and list keys are lists.
        let tags = [
            ("aws:TagKeys".to_string(), "a".to_string()),
            ("aws:TagKeys".to_string(), "b".to_string()),
        ];
        let ctx = context_of(&tags);
        assert_eq!(ctx.get("aws:tagkeys").unwrap().values, ["a", "b"]);
        assert!(context_of(&tags[..1]).get("aws:TagKeys").unwrap().multi);
    }

    #[test]
    fn can_refuses_unknown_actions_and_a_missing_or_needless_secret_id() {
        let v = vault();
        for (action, id, needle) in [
            ("s3:GetObject", Some("x"), "only secretsmanager actions"),
            ("GetSecret", Some("x"), "unknown action"),
            ("GetSecretValue", None, "give its SECRET-ID"),
            ("ListSecrets", Some("app/db"), "leave SECRET-ID out"),
        ] {
            let e = can(&v, &ask("ci", action, id, &[])).err().unwrap().0;
            assert!(e.contains(needle), "{action}: {e}");
        }
        assert!(can(&v, &ask("nobody", "ListSecrets", None, &[])).is_err());
        // ListSecrets acts on `*`.
        let a = can(&v, &ask("ci", "ListSecrets", Some("*"), &[])).unwrap();
        assert_eq!(a.resource, "*");
        assert_eq!(
            a.denied_message.as_deref(),
            Some(
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action"
            )
        );
    }

    #[test]
    fn can_evaluates_a_missing_secret_by_the_arn_its_id_spells() {
        let v = vault();
        let a = can(&v, &ask("ci", "GetSecretValue", Some("app/new"), &[])).unwrap();
        assert!(!a.found);
        assert_eq!(
            a.resource,
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/new"
        );
        assert!(a.verdict.allowed(), "app/* matches the name's ARN");
        let a = can(&v, &ask("ci", "CreateSecret", Some("app/new"), &[])).unwrap();
        assert_eq!(
            a.context.get("secretsmanager:Name").unwrap().values,
            ["app/new"]
        );
    }

    #[test]
    fn context_words_are_key_equals_value() {
        assert_eq!(
            parse_context_word("aws:SourceIp=10.0.0.1").unwrap(),
            ("aws:SourceIp".into(), "10.0.0.1".into())
        );
        assert_eq!(
            parse_context_word("aws:RequestTag/a=b=c").unwrap(),
            ("aws:RequestTag/a".into(), "b=c".into())
        );
        for bad in ["novalue", "=x", "nokey=1"] {
            assert!(parse_context_word(bad).is_err(), "{bad}");
        }
    }
}

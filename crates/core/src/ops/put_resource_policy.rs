//! PutResourcePolicy: store a checked IAM policy with a secret.

use serde::Deserialize;

use super::update_secret_version_stage::ArnAndName;
use crate::ctx::Ctx;
use crate::error::{ErrorCode, ServiceError};
use crate::model::Vault;
use crate::{ids, policy};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutResourcePolicyRequest {
    pub secret_id: String,
    pub resource_policy: String,
    pub block_public_policy: Option<bool>,
}

pub const SYNTAX_ERROR: &str = "This resource policy contains a syntax error.";

pub fn put_resource_policy(
    vault: &mut Vault,
    req: PutResourcePolicyRequest,
    ctx: &mut Ctx,
) -> Result<ArnAndName, ServiceError> {
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let doc = policy::parse(&req.resource_policy)
        .ok_or_else(|| ServiceError::new(ErrorCode::MalformedPolicyDocument, SYNTAX_ERROR))?;
    if let Some((_, message)) = policy::check(&doc).into_iter().next() {
        return Err(ServiceError::new(
            ErrorCode::MalformedPolicyDocument,
            message,
        ));
    }
    if req.block_public_policy.unwrap_or(false) && policy::is_public(&doc) {
        return Err(ServiceError::new(
            ErrorCode::PublicPolicy,
            "BlockPublicPolicy is enabled and this resource policy grants public access to the secret.",
        ));
    }
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    secret.policy = Some(req.resource_policy);
    vault.touch(i, ctx.now);
    Ok(ArnAndName::of(&vault.secrets[i], &ctx.region, &account))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    fn put(v: &mut Vault, policy: &str, block: bool) -> Result<ArnAndName, ServiceError> {
        let req = PutResourcePolicyRequest {
            secret_id: "a".into(),
            resource_policy: policy.into(),
            block_public_policy: Some(block),
        };
        put_resource_policy(v, req, &mut Ctx::fixed())
    }

    #[test]
    fn non_object_policy_is_malformed() {
        let mut v = vault_with(&[("a", "x")]);
        let e = put(&mut v, "not json", false).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (ErrorCode::MalformedPolicyDocument, SYNTAX_ERROR)
        );
        assert!(v.secrets[0].policy.is_none());
    }

    #[test]
    fn public_policy_is_refused_when_blocked() {
        let mut v = vault_with(&[("a", "x")]);
        let public = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:*","Resource":"*"}]}"#;
        assert_eq!(
            put(&mut v, public, true).unwrap_err().code,
            ErrorCode::PublicPolicy
        );
        put(&mut v, public, false).unwrap();
        assert!(v.secrets[0].policy.is_some());
    }
}

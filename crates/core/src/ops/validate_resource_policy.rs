//! ValidateResourcePolicy: report every problem of a policy document without storing it.

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::{ErrorCode, ServiceError};
use crate::model::Vault;
use crate::{ids, policy};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ValidateResourcePolicyRequest {
    pub secret_id: Option<String>,
    pub resource_policy: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ValidationError {
    pub check_name: String,
    pub error_message: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ValidateResourcePolicyResponse {
    pub policy_validation_passed: bool,
    pub validation_errors: Vec<ValidationError>,
}

pub fn validate_resource_policy(
    vault: &mut Vault,
    req: ValidateResourcePolicyRequest,
    ctx: &mut Ctx,
) -> Result<ValidateResourcePolicyResponse, ServiceError> {
    if let Some(id) = &req.secret_id {
        ids::find(vault, id, &ctx.region)?;
    }
    let doc = policy::parse(&req.resource_policy).ok_or_else(|| {
        ServiceError::new(
            ErrorCode::MalformedPolicyDocument,
            super::put_resource_policy::SYNTAX_ERROR,
        )
    })?;
    let mut findings = policy::check(&doc);
    // AWS's automated reasoning also flags policies open to everyone.
    if policy::is_public(&doc) {
        findings.push((
            "BROAD_ACCESS_CHECKING",
            "This resource policy grants access to every principal (\"*\") without a condition."
                .to_string(),
        ));
    }
    let validation_errors: Vec<ValidationError> = findings
        .into_iter()
        .map(|(c, m)| ValidationError {
            check_name: c.to_string(),
            error_message: m,
        })
        .collect();
    Ok(ValidateResourcePolicyResponse {
        policy_validation_passed: validation_errors.is_empty(),
        validation_errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validate(policy: &str) -> ValidateResourcePolicyResponse {
        let req = ValidateResourcePolicyRequest {
            secret_id: None,
            resource_policy: policy.into(),
        };
        validate_resource_policy(&mut Vault::default(), req, &mut Ctx::fixed()).unwrap()
    }

    #[test]
    fn valid_policy_passes_with_no_errors() {
        let r = validate(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#,
        );
        assert!(r.policy_validation_passed);
        assert!(r.validation_errors.is_empty());
    }

    #[test]
    fn wildcard_principal_fails_broad_access_check() {
        let r = validate(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"x","Resource":"*"}]}"#,
        );
        assert!(!r.policy_validation_passed);
        assert_eq!(r.validation_errors[0].check_name, "BROAD_ACCESS_CHECKING");
    }

    #[test]
    fn syntax_problems_are_listed() {
        let r = validate(r#"{"Statement":[{"Effect":"Perhaps"}]}"#);
        assert!(!r.policy_validation_passed);
        assert!(r.validation_errors.len() >= 2);
    }
}

//! ValidateResourcePolicy: report every problem of a policy document without storing it.

use serde::{Deserialize, Serialize};

use crate::core::ctx::Ctx;
use crate::core::error::{ErrorCode, ServiceError, check_max_len};
use crate::core::model::Vault;
use crate::core::{ids, policy};

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
    check_max_len(&req.resource_policy, "resourcePolicy", 20480)?;
    if let Some(id) = &req.secret_id {
        ids::find(vault, id, &ctx.region)?;
    }
    let doc = policy::parse(&req.resource_policy).ok_or_else(|| {
        ServiceError::new(
            ErrorCode::MalformedPolicyDocument,
            super::put_resource_policy::SYNTAX_ERROR,
        )
    })?;
    let validation_errors: Vec<ValidationError> = policy::check(&doc)
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

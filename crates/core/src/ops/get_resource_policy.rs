//! GetResourcePolicy: the stored policy, laid out as AWS returns it.

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::model::Vault;
use crate::{ids, policy};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SecretIdRequest {
    pub secret_id: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetResourcePolicyResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_policy: Option<String>,
}

pub fn get_resource_policy(
    vault: &mut Vault,
    req: SecretIdRequest,
    ctx: &mut Ctx,
) -> Result<GetResourcePolicyResponse, ServiceError> {
    let i = ids::find_active(vault, &req.secret_id, &ctx.region)?;
    let secret = &vault.secrets[i];
    let resource_policy = secret
        .policy
        .as_deref()
        .map(|p| match serde_json::from_str(p) {
            Ok(v) => policy::pretty(&v),
            Err(_) => p.to_string(),
        });
    Ok(GetResourcePolicyResponse {
        arn: ids::arn(secret, &ctx.region, vault.account_id()),
        name: secret.name.clone(),
        resource_policy,
    })
}

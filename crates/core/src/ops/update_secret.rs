//! UpdateSecret: description, KMS key, type, and optionally a new AWSCURRENT value.

use serde::{Deserialize, Serialize};

use super::put_secret_value::write_version;
use crate::blob::Blob;
use crate::ctx::Ctx;
use crate::error::{ErrorCode, ServiceError};
use crate::model::Vault;
use crate::{ids, values};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateSecretRequest {
    pub secret_id: String,
    pub client_request_token: Option<String>,
    pub description: Option<String>,
    pub kms_key_id: Option<String>,
    pub secret_binary: Option<Blob>,
    pub secret_string: Option<String>,
    #[serde(rename = "Type")]
    pub secret_type: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateSecretResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
}

pub fn update_secret(
    vault: &mut Vault,
    req: UpdateSecretRequest,
    ctx: &mut Ctx,
) -> Result<UpdateSecretResponse, ServiceError> {
    // The request's own checks come before the secret is looked up.
    let value = values::new_value(req.secret_string, req.secret_binary)?;
    let token = match &value {
        Some(_) => Some(values::require_token(
            req.client_request_token,
            ErrorCode::InvalidRequest,
        )?),
        None => None,
    };
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    let arn = ids::arn(secret, &ctx.region, &account);
    let mut changed = false;
    if let Some(d) = req.description {
        // An empty description clears it.
        secret.description = Some(d).filter(|d| !d.is_empty());
        changed = true;
    }
    if let Some(k) = req.kms_key_id {
        // "" means the default key, which DescribeSecret does not show.
        secret.kms_key_id = Some(k).filter(|k| !k.is_empty());
        changed = true;
    }
    if let Some(t) = req.secret_type {
        secret.secret_type = Some(t).filter(|t| !t.is_empty());
        changed = true;
    }
    let version_id = match (value, token) {
        (Some(value), Some(token)) => {
            let v = write_version(secret, &arn, token, value, None, ctx.now)?;
            changed = true;
            Some(secret.versions[v].id.clone())
        }
        _ => None,
    };
    if changed {
        secret.last_changed = ctx.now;
        vault.dirty = true;
    }
    Ok(UpdateSecretResponse {
        arn,
        name: vault.secrets[i].name.clone(),
        version_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    #[test]
    fn description_only_creates_no_version() {
        let mut v = vault_with(&[("a", "x")]);
        let req = UpdateSecretRequest {
            secret_id: "a".into(),
            description: Some("d".into()),
            ..Default::default()
        };
        let r = update_secret(&mut v, req, &mut Ctx::fixed()).unwrap();
        assert!(r.version_id.is_none());
        assert_eq!(v.secrets[0].description.as_deref(), Some("d"));
        assert_eq!(v.secrets[0].versions.len(), 1);
    }

    #[test]
    fn empty_description_clears_it() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].description = Some("old".into());
        let req = UpdateSecretRequest {
            secret_id: "a".into(),
            description: Some(String::new()),
            ..Default::default()
        };
        update_secret(&mut v, req, &mut Ctx::fixed()).unwrap();
        assert!(v.secrets[0].description.is_none());
    }

    #[test]
    fn value_moves_current_and_returns_version() {
        let mut v = vault_with(&[("a", "x")]);
        let req = UpdateSecretRequest {
            secret_id: "a".into(),
            secret_string: Some("y".into()),
            client_request_token: Some("33333333-3333-3333-3333-333333333333".into()),
            ..Default::default()
        };
        let r = update_secret(&mut v, req, &mut Ctx::fixed()).unwrap();
        assert_eq!(
            r.version_id.as_deref(),
            Some("33333333-3333-3333-3333-333333333333")
        );
        assert_eq!(v.secrets[0].versions[0].stages, ["AWSPREVIOUS"]);
    }

    #[test]
    fn no_parameters_change_nothing() {
        let mut v = vault_with(&[("a", "x")]);
        v.dirty = false;
        let req = UpdateSecretRequest {
            secret_id: "a".into(),
            ..Default::default()
        };
        update_secret(&mut v, req, &mut Ctx::fixed()).unwrap();
        assert!(!v.dirty);
    }
}

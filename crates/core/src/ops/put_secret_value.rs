//! PutSecretValue: a new version, moving the labels it is given (AWSCURRENT by default).

use serde::{Deserialize, Serialize};

use crate::blob::Blob;
use crate::ctx::Ctx;
use crate::error::{ErrorCode, ServiceError};
use crate::model::{Secret, SecretValue, Vault, Version};
use crate::{ids, labels, values};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutSecretValueRequest {
    pub secret_id: String,
    pub client_request_token: Option<String>,
    pub secret_binary: Option<Blob>,
    pub secret_string: Option<String>,
    pub version_stages: Option<Vec<String>>,
    pub rotation_token: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutSecretValueResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
    pub version_id: String,
    pub version_stages: Vec<String>,
}

pub fn put_secret_value(
    vault: &mut Vault,
    req: PutSecretValueRequest,
    ctx: &mut Ctx,
) -> Result<PutSecretValueResponse, ServiceError> {
    // The request's own checks come before the secret is looked up.
    let token = values::require_token(req.client_request_token, ErrorCode::InvalidRequest)?;
    let value = values::new_value(req.secret_string, req.secret_binary)?.ok_or_else(|| {
        ServiceError::invalid_request("You must provide either SecretString or SecretBinary.")
    })?;
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    let arn = ids::arn(secret, &ctx.region, &account);
    let v = write_version(
        secret,
        &arn,
        token,
        value,
        req.version_stages.as_deref(),
        ctx.now,
    )?;
    vault.dirty = true;
    let secret = &vault.secrets[i];
    Ok(PutSecretValueResponse {
        arn,
        name: secret.name.clone(),
        version_id: secret.versions[v].id.clone(),
        version_stages: secret.versions[v].stages.clone(),
    })
}

/// Stores `value` as version `token` (the idempotent retry of an identical
/// request changes nothing) and returns the version's index.
pub fn write_version(
    secret: &mut Secret,
    arn: &str,
    token: String,
    value: SecretValue,
    stages: Option<&[String]>,
    now: i64,
) -> Result<usize, ServiceError> {
    if let Some(v) = labels::version_index(secret, &token) {
        if secret.versions[v].value.as_ref() == Some(&value) {
            return Ok(v);
        }
        // The AWSPENDING placeholder RotateSecret made has no value yet: the
        // rotation function's createSecret fills it in with the same token.
        if secret.versions[v].value.is_none() {
            secret.versions[v].value = Some(value);
            for label in stages.unwrap_or(&[crate::model::AWSCURRENT.to_string()]) {
                labels::attach(secret, label, v)?;
            }
            secret.last_changed = now;
            return Ok(v);
        }
        return Err(ServiceError::exists(format!(
            "You can't use ClientRequestToken {token} because that value is already in use for a version of secret {arn}."
        )));
    }
    if secret.purged_versions.contains(&token) {
        return Err(labels::missing_version(secret, &token));
    }
    let version = Version {
        id: token.clone(),
        value: Some(value),
        stages: vec![],
        created: now,
        last_accessed: None,
    };
    labels::add_version(secret, version, stages, now);
    secret.last_changed = now;
    labels::version_index(secret, &token).ok_or_else(|| labels::missing_version(secret, &token))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    const T2: &str = "22222222-2222-2222-2222-222222222222";

    fn put(
        v: &mut Vault,
        value: &str,
        token: &str,
        stages: Option<Vec<&str>>,
    ) -> Result<PutSecretValueResponse, ServiceError> {
        let req = PutSecretValueRequest {
            secret_id: "a".into(),
            client_request_token: Some(token.into()),
            secret_string: Some(value.into()),
            version_stages: stages.map(|s| s.into_iter().map(Into::into).collect()),
            ..Default::default()
        };
        put_secret_value(v, req, &mut Ctx::fixed())
    }

    #[test]
    fn new_version_becomes_current_old_one_previous() {
        let mut v = vault_with(&[("a", "x")]);
        let r = put(&mut v, "y", T2, None).unwrap();
        assert_eq!(r.version_stages, ["AWSCURRENT"]);
        assert_eq!(v.secrets[0].versions[0].stages, ["AWSPREVIOUS"]);
    }

    #[test]
    fn same_token_same_value_is_idempotent() {
        let mut v = vault_with(&[("a", "x")]);
        put(&mut v, "y", T2, None).unwrap();
        let again = put(&mut v, "y", T2, None).unwrap();
        assert_eq!(again.version_id, T2);
        assert_eq!(v.secrets[0].versions.len(), 2);
    }

    #[test]
    fn same_token_other_value_is_resource_exists() {
        let mut v = vault_with(&[("a", "x")]);
        put(&mut v, "y", T2, None).unwrap();
        let e = put(&mut v, "z", T2, None).unwrap_err();
        assert_eq!(e.code, ErrorCode::ResourceExists);
    }

    #[test]
    fn pending_label_leaves_current_alone() {
        let mut v = vault_with(&[("a", "x")]);
        let r = put(&mut v, "y", T2, Some(vec!["AWSPENDING"])).unwrap();
        assert_eq!(r.version_stages, ["AWSPENDING"]);
        assert_eq!(v.secrets[0].versions[0].stages, ["AWSCURRENT"]);
    }

    #[test]
    fn value_fills_a_rotation_placeholder_with_the_same_token() {
        let mut v = vault_with(&[("a", "x")]);
        crate::rotation::start(&mut v, 0, T2, true, 0).unwrap();
        let r = put(&mut v, "new", T2, Some(vec!["AWSPENDING"])).unwrap();
        assert_eq!(r.version_stages, ["AWSPENDING"]);
        assert_eq!(v.secrets[0].versions.len(), 2);
    }

    #[test]
    fn neither_value_is_invalid_request() {
        let mut v = vault_with(&[("a", "x")]);
        let req = PutSecretValueRequest {
            secret_id: "a".into(),
            client_request_token: Some(T2.into()),
            ..Default::default()
        };
        let e = put_secret_value(&mut v, req, &mut Ctx::fixed()).unwrap_err();
        assert_eq!(
            e.message,
            "You must provide either SecretString or SecretBinary."
        );
    }

    #[test]
    fn put_on_secret_pending_deletion_is_invalid_request() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].deletion_date = Some(i64::MAX);
        assert_eq!(
            put(&mut v, "y", T2, None).unwrap_err().code,
            ErrorCode::InvalidRequest
        );
    }
}

//! GetSecretValue: one version's value, chosen by id, label or AWSCURRENT; records the access day.

use serde::{Deserialize, Serialize};

use crate::blob::Blob;
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::model::{AWSCURRENT, Millis, Secret, SecretValue, Vault};
use crate::{ids, labels, values};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetSecretValueRequest {
    pub secret_id: String,
    pub version_id: Option<String>,
    pub version_stage: Option<String>,
}

/// Also the shape of a BatchGetSecretValue entry (SecretValueEntry).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetSecretValueResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
    pub version_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_binary: Option<Blob>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_string: Option<String>,
    pub version_stages: Vec<String>,
    pub created_date: Millis,
}

impl Drop for GetSecretValueResponse {
    fn drop(&mut self) {
        if let Some(s) = &mut self.secret_string {
            zeroize::Zeroize::zeroize(s);
        }
    }
}

pub fn get_secret_value(
    vault: &mut Vault,
    req: GetSecretValueRequest,
    ctx: &mut Ctx,
) -> Result<GetSecretValueResponse, ServiceError> {
    let i = ids::find_active(vault, &req.secret_id, &ctx.region)?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    let v = select_version(
        secret,
        req.version_id.as_deref(),
        req.version_stage.as_deref(),
    )?;
    let today = values::day_of(ctx.now);
    // Day resolution: a read writes the vault at most once a day per version.
    if secret.last_accessed != Some(today) || secret.versions[v].last_accessed != Some(today) {
        secret.last_accessed = Some(today);
        secret.versions[v].last_accessed = Some(today);
        vault.dirty = true;
    }
    let secret = &vault.secrets[i];
    Ok(value_entry(secret, v, &ctx.region, &account))
}

/// The version a request names: VersionId, VersionStage, both, or AWSCURRENT.
pub fn select_version(
    secret: &Secret,
    version_id: Option<&str>,
    stage: Option<&str>,
) -> Result<usize, ServiceError> {
    if let Some(id) = version_id {
        let v =
            labels::version_index(secret, id).ok_or_else(|| labels::missing_version(secret, id))?;
        if let Some(stage) = stage
            && !secret.versions[v].has_stage(stage)
        {
            return Err(ServiceError::invalid_request(
                "You provided a VersionStage that is not associated to the provided VersionId.",
            ));
        }
        if secret.versions[v].value.is_none() {
            return Err(ServiceError::not_found_msg(format!(
                "Secrets Manager can't find the specified secret value for VersionId: {id}"
            )));
        }
        return Ok(v);
    }
    let stage = stage.unwrap_or(AWSCURRENT);
    let missing = || {
        ServiceError::not_found_msg(format!(
            "Secrets Manager can't find the specified secret value for staging label: {stage}"
        ))
    };
    let v = labels::holder(secret, stage).ok_or_else(missing)?;
    if secret.versions[v].value.is_none() {
        return Err(missing());
    }
    Ok(v)
}

pub fn value_entry(
    secret: &Secret,
    v: usize,
    region: &str,
    account: &str,
) -> GetSecretValueResponse {
    let version = &secret.versions[v];
    let (secret_string, secret_binary) = match &version.value {
        Some(SecretValue::String(s)) => (Some(s.clone()), None),
        Some(SecretValue::Binary(b)) => (None, Some(Blob(b.clone()))),
        None => (None, None),
    };
    GetSecretValueResponse {
        arn: ids::arn(secret, region, account),
        name: secret.name.clone(),
        version_id: version.id.clone(),
        secret_binary,
        secret_string,
        version_stages: version.stages.clone(),
        created_date: version.created,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::testing::vault_with;

    fn get(
        v: &mut Vault,
        id: &str,
        vid: Option<&str>,
        stage: Option<&str>,
    ) -> Result<GetSecretValueResponse, ServiceError> {
        let req = GetSecretValueRequest {
            secret_id: id.into(),
            version_id: vid.map(Into::into),
            version_stage: stage.map(Into::into),
        };
        get_secret_value(v, req, &mut Ctx::fixed())
    }

    #[test]
    fn default_is_awscurrent() {
        let mut v = vault_with(&[("a", "x")]);
        let r = get(&mut v, "a", None, None).unwrap();
        assert_eq!(r.secret_string.as_deref(), Some("x"));
        assert_eq!(r.version_stages, ["AWSCURRENT"]);
    }

    #[test]
    fn unknown_stage_is_not_found_without_period() {
        let mut v = vault_with(&[("a", "x")]);
        let e = get(&mut v, "a", None, Some("AWSPREVIOUS")).unwrap_err();
        assert_eq!(e.code, ErrorCode::ResourceNotFound);
        assert_eq!(
            e.message,
            "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS"
        );
    }

    #[test]
    fn unknown_version_id_is_not_found() {
        let mut v = vault_with(&[("a", "x")]);
        let e = get(
            &mut v,
            "a",
            Some("cccccccc-cccc-cccc-cccc-cccccccccccc"),
            None,
        )
        .unwrap_err();
        assert!(
            e.message
                .ends_with("for VersionId: cccccccc-cccc-cccc-cccc-cccccccccccc")
        );
    }

    #[test]
    fn stage_not_on_version_is_invalid_request() {
        let mut v = vault_with(&[("a", "x")]);
        let id = v.secrets[0].versions[0].id.clone();
        let e = get(&mut v, "a", Some(&id), Some("AWSPENDING")).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidRequest);
    }

    #[test]
    fn value_of_secret_pending_deletion_is_invalid_request() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].deletion_date = Some(i64::MAX);
        let e = get(&mut v, "a", None, None).unwrap_err();
        assert_eq!(e.message, crate::error::MARKED_FOR_DELETION);
    }

    #[test]
    fn access_is_recorded_once_a_day() {
        let mut v = vault_with(&[("a", "x")]);
        v.dirty = false;
        get(&mut v, "a", None, None).unwrap();
        assert!(v.dirty);
        assert_eq!(
            v.secrets[0].last_accessed,
            Some(values::day_of(Ctx::fixed().now))
        );
        v.dirty = false;
        get(&mut v, "a", None, None).unwrap();
        assert!(!v.dirty, "a second read the same day writes nothing");
    }

    #[test]
    fn secret_without_value_has_no_awscurrent() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].versions.clear();
        let e = get(&mut v, "a", None, None).unwrap_err();
        assert_eq!(
            e.message,
            "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT"
        );
    }
}

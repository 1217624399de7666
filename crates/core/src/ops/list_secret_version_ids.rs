//! ListSecretVersionIds: versions with a value, newest first; deprecated ones on request.

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::{ErrorCode, ServiceError};
use crate::ids;
use crate::model::{Millis, Vault};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListSecretVersionIdsRequest {
    pub secret_id: String,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
    pub include_deprecated: Option<bool>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VersionEntry {
    pub version_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_stages: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_accessed_date: Option<Millis>,
    pub created_date: Millis,
    pub kms_key_ids: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListSecretVersionIdsResponse {
    pub versions: Vec<VersionEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
}

pub fn list_secret_version_ids(
    vault: &mut Vault,
    req: ListSecretVersionIdsRequest,
    ctx: &mut Ctx,
) -> Result<ListSecretVersionIdsResponse, ServiceError> {
    let i = ids::find(vault, &req.secret_id, &ctx.region)?;
    let max = page_size(req.max_results, 100)?;
    let start = parse_token(req.next_token.as_deref())?;
    let secret = &vault.secrets[i];
    let include_deprecated = req.include_deprecated.unwrap_or(false);
    let kms = secret
        .kms_key_id
        .clone()
        .unwrap_or_else(|| "DefaultEncryptionKey".into());
    let all: Vec<VersionEntry> = secret
        .versions
        .iter()
        .rev()
        .filter(|v| v.value.is_some() && (include_deprecated || !v.stages.is_empty()))
        .map(|v| VersionEntry {
            version_id: v.id.clone(),
            version_stages: (!v.stages.is_empty()).then(|| v.stages.clone()),
            last_accessed_date: v.last_accessed,
            created_date: v.created,
            kms_key_ids: vec![kms.clone()],
        })
        .collect();
    let (versions, next_token) = page(all, start, max);
    Ok(ListSecretVersionIdsResponse {
        versions,
        next_token,
        arn: ids::arn(secret, &ctx.region, vault.account_id()),
        name: secret.name.clone(),
    })
}

/// MaxResults, 1..=`limit` (its range is the model's, checked before the operation
/// starts; an operation called directly gets it clamped).
pub fn page_size(max_results: Option<i64>, limit: i64) -> Result<usize, ServiceError> {
    let n = max_results.unwrap_or(limit).clamp(1, limit);
    Ok(usize::try_from(n).unwrap_or(1))
}

/// Our NextToken is the offset of the next entry, in decimal.
pub fn parse_token(token: Option<&str>) -> Result<usize, ServiceError> {
    match token {
        None => Ok(0),
        Some(t) => t.parse::<usize>().map_err(|_| {
            ServiceError::new(
                ErrorCode::InvalidNextToken,
                "The NextToken value is invalid.",
            )
        }),
    }
}

pub fn page<T>(all: Vec<T>, start: usize, max: usize) -> (Vec<T>, Option<String>) {
    let total = all.len();
    let end = start.saturating_add(max).min(total);
    let items: Vec<T> = all.into_iter().skip(start).take(max).collect();
    let next = (end < total).then(|| end.to_string());
    (items, next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::put_secret_value::{PutSecretValueRequest, put_secret_value};
    use crate::testing::vault_with;

    fn setup() -> Vault {
        let mut v = vault_with(&[("a", "x")]);
        let mut ctx = Ctx::fixed();
        for i in 0..2 {
            let token = format!("{i:036}");
            let req = PutSecretValueRequest {
                secret_id: "a".into(),
                client_request_token: Some(token),
                secret_string: Some("y".into()),
                ..Default::default()
            };
            put_secret_value(&mut v, req, &mut ctx).unwrap();
        }
        v
    }

    fn list(
        v: &mut Vault,
        deprecated: bool,
        max: Option<i64>,
        token: Option<&str>,
    ) -> Result<ListSecretVersionIdsResponse, ServiceError> {
        let req = ListSecretVersionIdsRequest {
            secret_id: "a".into(),
            include_deprecated: Some(deprecated),
            max_results: max,
            next_token: token.map(Into::into),
        };
        list_secret_version_ids(v, req, &mut Ctx::fixed())
    }

    #[test]
    fn newest_first_and_deprecated_hidden() {
        let mut v = setup();
        let r = list(&mut v, false, None, None).unwrap();
        assert_eq!(r.versions.len(), 2);
        assert_eq!(
            r.versions[0].version_stages.as_deref(),
            Some(&["AWSCURRENT".to_string()][..])
        );
    }

    #[test]
    fn deprecated_listed_without_stages_on_request() {
        let mut v = setup();
        let r = list(&mut v, true, None, None).unwrap();
        assert_eq!(r.versions.len(), 3);
        assert!(r.versions[2].version_stages.is_none());
    }

    #[test]
    fn max_results_pages_with_next_token() {
        let mut v = setup();
        let r = list(&mut v, true, Some(2), None).unwrap();
        assert_eq!(r.versions.len(), 2);
        let t = r.next_token.unwrap();
        let r2 = list(&mut v, true, Some(2), Some(&t)).unwrap();
        assert_eq!(r2.versions.len(), 1);
        assert!(r2.next_token.is_none());
    }

    #[test]
    fn bad_token_is_an_error() {
        // MaxResults' range is the model's: core::validate's tests.
        let mut v = setup();
        assert_eq!(
            list(&mut v, false, None, Some("zz")).unwrap_err().code,
            ErrorCode::InvalidNextToken
        );
    }
}

//! BatchGetSecretValue: current values of listed or filtered secrets; per-secret failures
//! go into Errors and never fail the call.

use serde::{Deserialize, Serialize};

use super::get_secret_value::{GetSecretValueResponse, select_version, value_entry};
use super::list_secret_version_ids::{page, page_size, parse_token};
use super::list_secrets::{FilterRequest, checked_filters, matches};
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::model::Vault;
use crate::{ids, values};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchGetSecretValueRequest {
    pub secret_id_list: Option<Vec<String>>,
    pub filters: Option<Vec<FilterRequest>>,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct APIErrorType {
    pub secret_id: String,
    pub error_code: String,
    pub message: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchGetSecretValueResponse {
    pub secret_values: Vec<GetSecretValueResponse>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    pub errors: Vec<APIErrorType>,
}

pub fn batch_get_secret_value(
    vault: &mut Vault,
    req: BatchGetSecretValueRequest,
    ctx: &mut Ctx,
) -> Result<BatchGetSecretValueResponse, ServiceError> {
    let ids_given = req.secret_id_list.is_some();
    if ids_given == req.filters.is_some() {
        return Err(ServiceError::invalid_parameter(
            "Either 'SecretIdList' or 'Filters' must be provided, but not both.",
        ));
    }
    if req.max_results.is_some() && req.filters.is_none() {
        return Err(ServiceError::invalid_parameter(
            "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.",
        ));
    }
    let today = values::day_of(ctx.now);
    let account = vault.account_id().to_string();
    let (targets, next_token, mut errors) = if let Some(list) = &req.secret_id_list {
        let mut found = Vec::new();
        let mut errors = Vec::new();
        for id in list {
            // The caller's permission first: a secret it may not read is denied whether
            // or not it exists (AWS authorizes before it looks the secret up).
            let read = match &ctx.may_read {
                Some(may_read) => may_read(
                    ids::find(vault, id, &ctx.region)
                        .ok()
                        .map(|i| &vault.secrets[i]),
                    id,
                ),
                None => Ok(()),
            };
            match read
                .and_then(|()| ids::find_active(vault, id, &ctx.region))
                .and_then(|i| select_version(&vault.secrets[i], None, None).map(|v| (i, v)))
            {
                Ok(hit) => found.push(hit),
                Err(e) => errors.push(APIErrorType {
                    secret_id: id.clone(),
                    error_code: e.code.as_str().to_string(),
                    message: e.message,
                }),
            }
        }
        (found, None, errors)
    } else {
        let filters = checked_filters(req.filters.as_deref())?;
        let max = page_size(req.max_results, 20)?;
        let start = parse_token(req.next_token.as_deref())?;
        let matching: Vec<usize> = (0..vault.secrets.len())
            .filter(|&i| {
                let s = &vault.secrets[i];
                s.visible_in(&ctx.region) && s.deletion_date.is_none() && matches(&filters, s)
            })
            .collect();
        let (page_ids, next) = page(matching, start, max);
        let mut found = Vec::new();
        let mut errors = Vec::new();
        for i in page_ids {
            let read = match &ctx.may_read {
                Some(may_read) => may_read(Some(&vault.secrets[i]), &vault.secrets[i].name),
                None => Ok(()),
            };
            match read.and_then(|()| select_version(&vault.secrets[i], None, None)) {
                Ok(v) => found.push((i, v)),
                Err(e) => errors.push(APIErrorType {
                    secret_id: vault.secrets[i].name.clone(),
                    error_code: e.code.as_str().to_string(),
                    message: e.message,
                }),
            }
        }
        (found, next, errors)
    };
    let mut secret_values = Vec::new();
    for (i, v) in targets {
        let secret = &mut vault.secrets[i];
        if secret.last_accessed != Some(today) || secret.versions[v].last_accessed != Some(today) {
            secret.last_accessed = Some(today);
            secret.versions[v].last_accessed = Some(today);
            vault.dirty = true;
        }
        secret_values.push(value_entry(&vault.secrets[i], v, &ctx.region, &account));
    }
    errors.shrink_to_fit();
    Ok(BatchGetSecretValueResponse {
        secret_values,
        next_token,
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::testing::vault_with;

    #[test]
    fn missing_secrets_go_to_errors() {
        let mut v = vault_with(&[("a", "x")]);
        let req = BatchGetSecretValueRequest {
            secret_id_list: Some(vec!["a".into(), "nope".into()]),
            ..Default::default()
        };
        let r = batch_get_secret_value(&mut v, req, &mut Ctx::fixed()).unwrap();
        assert_eq!(r.secret_values.len(), 1);
        assert_eq!(r.errors[0].error_code, "ResourceNotFoundException");
    }

    /// The caller's check of each secret: a denied one (existing or not) is an entry of
    /// Errors with the check's error, is not read, and records no access; the call goes on.
    #[test]
    fn a_secret_the_caller_may_not_read_goes_to_errors_unread() {
        let mut v = vault_with(&[("app/a", "x"), ("prod/b", "y")]);
        let mut ctx = Ctx::fixed();
        ctx.may_read = Some(Box::new(|_, id: &str| {
            if id.starts_with("app/") {
                Ok(())
            } else {
                Err(ServiceError::new(
                    ErrorCode::AccessDenied,
                    format!("no {id}"),
                ))
            }
        }));
        let req = BatchGetSecretValueRequest {
            secret_id_list: Some(vec!["app/a".into(), "prod/b".into(), "prod/nope".into()]),
            ..Default::default()
        };
        let r = batch_get_secret_value(&mut v, req, &mut ctx).unwrap();
        assert_eq!(r.secret_values.len(), 1);
        assert_eq!(r.secret_values[0].name, "app/a");
        let denied: Vec<_> = r
            .errors
            .iter()
            .map(|e| {
                (
                    e.secret_id.as_str(),
                    e.error_code.as_str(),
                    e.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            denied,
            [
                ("prod/b", "AccessDeniedException", "no prod/b"),
                ("prod/nope", "AccessDeniedException", "no prod/nope")
            ]
        );
        assert!(
            v.secrets[1].last_accessed.is_none(),
            "a denied secret records no access"
        );
        assert!(v.secrets[0].last_accessed.is_some());
        // By filter, the same check by name.
        let req = BatchGetSecretValueRequest {
            filters: Some(vec![FilterRequest {
                key: Some("all".into()),
                values: Some(vec!["b".into()]),
            }]),
            ..Default::default()
        };
        let r = batch_get_secret_value(&mut v, req, &mut ctx).unwrap();
        assert!(r.secret_values.is_empty());
        assert_eq!(r.errors[0].secret_id, "prod/b");
        assert!(v.secrets[1].last_accessed.is_none());
    }

    #[test]
    fn ids_and_filters_are_exclusive() {
        let mut v = vault_with(&[("a", "x")]);
        let e = batch_get_secret_value(
            &mut v,
            BatchGetSecretValueRequest::default(),
            &mut Ctx::fixed(),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidParameter);
    }

    #[test]
    fn filters_select_secrets() {
        let mut v = vault_with(&[("dev/a", "x"), ("prod/b", "y")]);
        let req = BatchGetSecretValueRequest {
            filters: Some(vec![FilterRequest {
                key: Some("name".into()),
                values: Some(vec!["dev".into()]),
            }]),
            ..Default::default()
        };
        let r = batch_get_secret_value(&mut v, req, &mut Ctx::fixed()).unwrap();
        assert_eq!(r.secret_values.len(), 1);
        assert_eq!(r.secret_values[0].name, "dev/a");
    }
}

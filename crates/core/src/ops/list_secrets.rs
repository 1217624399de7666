//! ListSecrets: filters, sort order, planned deletions and service-side pages.

use serde::{Deserialize, Serialize};

use super::list_secret_version_ids::{page, page_size, parse_token};
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::filters::{self, Filter, FilterView};
use crate::model::{Secret, Vault};
use crate::view::{SecretDescription, describe};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FilterRequest {
    pub key: Option<String>,
    pub values: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListSecretsRequest {
    pub include_planned_deletion: Option<bool>,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
    pub filters: Option<Vec<FilterRequest>>,
    pub sort_order: Option<String>,
    pub sort_by: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListSecretsResponse {
    pub secret_list: Vec<SecretDescription>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The request's filters (their keys, counts and values were checked against the model
/// before the operation started).
pub fn checked_filters(requested: Option<&[FilterRequest]>) -> Result<Vec<Filter>, ServiceError> {
    Ok(requested
        .unwrap_or_default()
        .iter()
        .map(|f| Filter {
            key: f.key.clone().unwrap_or_default(),
            values: f.values.clone().unwrap_or_default(),
        })
        .collect())
}

/// Whether `secret`, seen from `region`, passes the filters.
pub fn matches(filters: &[Filter], secret: &Secret) -> bool {
    if filters.is_empty() {
        return true;
    }
    let tags: Vec<(&str, &str)> = secret
        .tags
        .iter()
        .flatten()
        .map(|t| (t.key.as_str(), t.value.as_str()))
        .collect();
    let replicated = !secret.replicas.is_empty();
    let view = FilterView {
        name: &secret.name,
        description: secret.description.as_deref(),
        tags: &tags,
        primary_region: replicated.then_some(secret.region.as_str()),
        owning_service: None,
    };
    filters::matches(filters, &view)
}

pub fn list_secrets(
    vault: &mut Vault,
    req: ListSecretsRequest,
    ctx: &mut Ctx,
) -> Result<ListSecretsResponse, ServiceError> {
    let max = page_size(req.max_results, 100)?;
    let filters = checked_filters(req.filters.as_deref())?;
    let start = parse_token(req.next_token.as_deref())?;
    let include_deleted = req.include_planned_deletion.unwrap_or(false);
    let mut selected: Vec<&Secret> = vault
        .secrets
        .iter()
        .filter(|s| s.visible_in(&ctx.region))
        .filter(|s| include_deleted || s.deletion_date.is_none())
        .filter(|s| matches(&filters, s))
        .collect();
    // The vault keeps creation order, the default; sorts are stable.
    match req.sort_by.as_deref() {
        Some("name") => selected.sort_by(|a, b| a.name.cmp(&b.name)),
        Some("last-accessed-date") => selected.sort_by_key(|s| s.last_accessed),
        Some("last-changed-date") => selected.sort_by_key(|s| s.last_changed),
        _ => selected.sort_by_key(|s| s.created),
    }
    if req.sort_order.as_deref() == Some("desc") {
        selected.reverse();
    }
    let account = vault.account_id();
    let all: Vec<SecretDescription> = selected
        .into_iter()
        .map(|s| describe(s, &ctx.region, account, true))
        .collect();
    let (secret_list, next_token) = page(all, start, max);
    Ok(ListSecretsResponse {
        secret_list,
        next_token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    fn names(v: &mut Vault, req: ListSecretsRequest) -> Vec<String> {
        list_secrets(v, req, &mut Ctx::fixed())
            .unwrap()
            .secret_list
            .into_iter()
            .map(|d| d.name)
            .collect()
    }

    #[test]
    fn default_order_is_creation_and_desc_reverses() {
        let mut v = vault_with(&[("b", "1"), ("a", "2")]);
        assert_eq!(names(&mut v, ListSecretsRequest::default()), ["b", "a"]);
        let req = ListSecretsRequest {
            sort_order: Some("desc".into()),
            ..Default::default()
        };
        assert_eq!(names(&mut v, req), ["a", "b"]);
        let req = ListSecretsRequest {
            sort_by: Some("name".into()),
            ..Default::default()
        };
        assert_eq!(names(&mut v, req), ["a", "b"]);
    }

    #[test]
    fn planned_deletions_hidden_unless_asked() {
        let mut v = vault_with(&[("a", "1"), ("b", "2")]);
        v.secrets[0].deletion_date = Some(i64::MAX);
        assert_eq!(names(&mut v, ListSecretsRequest::default()), ["b"]);
        let req = ListSecretsRequest {
            include_planned_deletion: Some(true),
            ..Default::default()
        };
        assert_eq!(names(&mut v, req), ["a", "b"]);
    }

    #[test]
    fn name_filter_is_a_prefix() {
        let mut v = vault_with(&[("dev/a", "1"), ("prod/a", "2")]);
        let req = ListSecretsRequest {
            filters: Some(vec![FilterRequest {
                key: Some("name".into()),
                values: Some(vec!["dev".into()]),
            }]),
            ..Default::default()
        };
        assert_eq!(names(&mut v, req), ["dev/a"]);
    }

    #[test]
    fn pages_carry_next_token() {
        let mut v = vault_with(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let req = ListSecretsRequest {
            max_results: Some(2),
            ..Default::default()
        };
        let r = list_secrets(&mut v, req, &mut Ctx::fixed()).unwrap();
        assert_eq!(r.secret_list.len(), 2);
        assert_eq!(r.next_token.as_deref(), Some("2"));
    }
}

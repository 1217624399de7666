//! CreateSecret: a new secret, with a first version when a value is given.

use serde::{Deserialize, Serialize};

use crate::blob::Blob;
use crate::ctx::Ctx;
use crate::error::{ErrorCode, ServiceError};
use crate::model::{Secret, Tag, Vault, Version};
use crate::view::ReplicationStatus;
use crate::{ids, labels, replication, tags, values};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateSecretRequest {
    pub name: String,
    pub client_request_token: Option<String>,
    pub description: Option<String>,
    pub kms_key_id: Option<String>,
    pub secret_binary: Option<Blob>,
    pub secret_string: Option<String>,
    pub tags: Option<Vec<Tag>>,
    pub add_replica_regions: Option<Vec<replication::ReplicaRegion>>,
    pub force_overwrite_replica_secret: Option<bool>,
    #[serde(rename = "Type")]
    pub secret_type: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateSecretResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replication_status: Option<Vec<ReplicationStatus>>,
}

/// The ARN CreateSecret will give a new secret named `name` in the context's region: its
/// suffix is drawn now and kept in `ctx` for the secret, so an authorization evaluates the
/// very ARN the secret gets ("Using the '??????' syntax enables you to securely grant
/// permissions to a secret that doesn't yet exist", Secrets Manager user guide,
/// permissions_grant-limited-resources).
pub fn arn_to_create(vault: &Vault, name: &str, ctx: &mut Ctx) -> String {
    let suffix = ids::new_suffix(ctx);
    let arn = format!(
        "arn:aws:secretsmanager:{}:{}:secret:{name}-{suffix}",
        ctx.region,
        vault.account_id()
    );
    ctx.new_suffix = Some(suffix);
    arn
}

pub fn create_secret(
    vault: &mut Vault,
    req: CreateSecretRequest,
    ctx: &mut Ctx,
) -> Result<CreateSecretResponse, ServiceError> {
    ids::validate_name(&req.name)?;
    let value = values::new_value(req.secret_string, req.secret_binary)?;
    let token = match &value {
        Some(_) => Some(values::require_token(
            req.client_request_token,
            ErrorCode::InvalidRequest,
        )?),
        None => req.client_request_token,
    };
    if let Some(t) = &req.tags {
        tags::validate(t)?;
        if t.len() > tags::MAX_TAGS {
            return Err(ServiceError::new(
                ErrorCode::LimitExceeded,
                format!("A resource can have at most {} tags.", tags::MAX_TAGS),
            ));
        }
    }
    let account = vault.account_id().to_string();
    // A name is unique in a region, replicas included.
    if let Some(h) = replication::holder(vault, &req.name, &ctx.region) {
        let existing = &vault.secrets[h];
        if existing.deletion_date.is_some() {
            return Err(ServiceError::invalid_request(
                "You can't create this secret because a secret with this name is already scheduled for deletion.",
            ));
        }
        // Idempotency: a retry with the same token and value answers as the first call did.
        if let Some(token) = &token
            && existing.region == ctx.region
            && let Some(v) = existing.versions.iter().find(|v| &v.id == token)
        {
            if v.value == value {
                return Ok(CreateSecretResponse {
                    arn: ids::arn(existing, &ctx.region, &account),
                    name: existing.name.clone(),
                    version_id: Some(v.id.clone()),
                    replication_status: None,
                });
            }
            return Err(ServiceError::exists(format!(
                "You can't use ClientRequestToken {token} because that value is already in use for a version of secret {}.",
                ids::arn(existing, &ctx.region, &account)
            )));
        }
        return Err(ServiceError::exists(format!(
            "The operation failed because the secret {} already exists.",
            req.name
        )));
    }
    let requested = req.add_replica_regions.as_deref().unwrap_or_default();
    replication::check_regions(&ctx.region, requested)?;
    let replicas = replication::replicate(
        vault,
        &req.name,
        requested,
        req.force_overwrite_replica_secret.unwrap_or(false),
    );
    let mut secret = Secret {
        name: req.name,
        region: ctx.region.clone(),
        suffix: match ctx.new_suffix.take() {
            Some(drawn) => drawn,
            None => ids::new_suffix(ctx),
        },
        description: req.description.filter(|d| !d.is_empty()),
        kms_key_id: req.kms_key_id.filter(|k| !k.is_empty()),
        secret_type: req.secret_type.filter(|t| !t.is_empty()),
        created: ctx.now,
        last_changed: ctx.now,
        last_accessed: None,
        deletion_date: None,
        deletion_requested: None,
        tags: req.tags.filter(|t| !t.is_empty()),
        versions: vec![],
        purged_versions: vec![],
        policy: None,
        rotation: None,
        replicas,
    };
    let version_id = match value {
        Some(value) => {
            let id = token.expect("invariant: a token is required with a value");
            let version = Version {
                id: id.clone(),
                value: Some(value),
                stages: vec![],
                created: ctx.now,
                last_accessed: None,
            };
            labels::add_version(&mut secret, version, None, ctx.now);
            Some(id)
        }
        None => None,
    };
    let response = CreateSecretResponse {
        arn: ids::arn(&secret, &ctx.region, &account),
        name: secret.name.clone(),
        version_id,
        replication_status: (!secret.replicas.is_empty())
            .then(|| crate::view::replication_status(&secret)),
    };
    vault.secrets.push(secret);
    vault.dirty = true;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    fn req(name: &str, value: &str, token: &str) -> CreateSecretRequest {
        CreateSecretRequest {
            name: name.into(),
            secret_string: Some(value.into()),
            client_request_token: Some(token.into()),
            ..Default::default()
        }
    }

    const T1: &str = "11111111-1111-1111-1111-111111111111";

    /// An authorization evaluates the ARN CreateSecret will give: the suffix drawn for it
    /// is the secret's, so a grant on `secret:app/db-??????` is a grant on what is made.
    #[test]
    fn the_arn_to_create_is_the_arn_created() {
        let mut v = Vault::default();
        let mut ctx = Ctx::fixed();
        let planned = arn_to_create(&v, "app/db", &mut ctx);
        let made = create_secret(&mut v, req("app/db", "x", "t1"), &mut ctx).unwrap();
        assert_eq!(made.arn, planned);
        assert!(ctx.new_suffix.is_none(), "the drawn suffix is used once");
        // The next one draws its own.
        let other = create_secret(&mut v, req("app/other", "x", "t2"), &mut ctx).unwrap();
        assert!(!other.arn.ends_with(&planned[planned.len() - 6..]));
    }

    #[test]
    fn first_version_is_current_and_id_is_the_token() {
        let mut v = Vault::default();
        let r = create_secret(&mut v, req("a", "x", T1), &mut Ctx::fixed()).unwrap();
        assert_eq!(r.version_id.as_deref(), Some(T1));
        assert_eq!(v.secrets[0].versions[0].stages, ["AWSCURRENT"]);
        assert!(
            r.arn
                .starts_with("arn:aws:secretsmanager:us-east-1:123456789012:secret:a-")
        );
    }

    #[test]
    fn without_value_no_version_is_created() {
        let mut v = Vault::default();
        let r = create_secret(
            &mut v,
            CreateSecretRequest {
                name: "a".into(),
                ..Default::default()
            },
            &mut Ctx::fixed(),
        )
        .unwrap();
        assert!(r.version_id.is_none());
        assert!(v.secrets[0].versions.is_empty());
    }

    #[test]
    fn existing_name_is_resource_exists() {
        let mut v = vault_with(&[("a", "x")]);
        let e = create_secret(&mut v, req("a", "y", T1), &mut Ctx::fixed()).unwrap_err();
        assert_eq!(e.code, ErrorCode::ResourceExists);
        assert_eq!(
            e.message,
            "The operation failed because the secret a already exists."
        );
    }

    #[test]
    fn same_token_same_value_is_idempotent() {
        let mut v = Vault::default();
        let first = create_secret(&mut v, req("a", "x", T1), &mut Ctx::fixed()).unwrap();
        let again = create_secret(&mut v, req("a", "x", T1), &mut Ctx::fixed()).unwrap();
        assert_eq!(first.arn, again.arn);
        assert_eq!(v.secrets[0].versions.len(), 1);
    }

    #[test]
    fn same_token_other_value_is_resource_exists() {
        let mut v = Vault::default();
        create_secret(&mut v, req("a", "x", T1), &mut Ctx::fixed()).unwrap();
        let e = create_secret(&mut v, req("a", "other", T1), &mut Ctx::fixed()).unwrap_err();
        assert_eq!(e.code, ErrorCode::ResourceExists);
        assert!(
            e.message
                .starts_with(&format!("You can't use ClientRequestToken {T1}"))
        );
    }

    #[test]
    fn name_of_secret_scheduled_for_deletion_is_invalid_request() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].deletion_date = Some(1);
        let e = create_secret(&mut v, req("a", "y", T1), &mut Ctx::fixed()).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidRequest);
    }

    #[test]
    fn a_name_held_by_a_replica_in_the_region_is_taken() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].region = "eu-west-1".into();
        v.secrets[0].replicas = vec![crate::model::Replica {
            region: "us-east-1".into(),
            kms_key_id: None,
            last_accessed: None,
            failed: None,
        }];
        let e = create_secret(&mut v, req("a", "x", T1), &mut Ctx::fixed()).unwrap_err();
        assert_eq!(e.code, ErrorCode::ResourceExists);
        assert_eq!(v.secrets.len(), 1);
        // A replica that failed holds nothing there.
        v.secrets[0].replicas[0].failed = Some("failed".into());
        create_secret(&mut v, req("a", "x", T1), &mut Ctx::fixed()).unwrap();
        assert_eq!(crate::replication::duplicate_name(&v), None);
    }

    #[test]
    fn empty_description_is_stored_as_absent() {
        let mut v = Vault::default();
        let mut r = req("a", "x", T1);
        r.description = Some(String::new());
        create_secret(&mut v, r, &mut Ctx::fixed()).unwrap();
        assert!(v.secrets[0].description.is_none());
    }

    #[test]
    fn invalid_name_is_validation_error() {
        let mut v = Vault::default();
        let e = create_secret(&mut v, req("bad name", "x", T1), &mut Ctx::fixed()).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert!(v.secrets.is_empty());
    }
}

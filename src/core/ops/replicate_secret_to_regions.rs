//! ReplicateSecretToRegions: add read-only replicas in other regions.

use serde::{Deserialize, Serialize};

use crate::core::ctx::Ctx;
use crate::core::error::ServiceError;
use crate::core::ids;
use crate::core::model::Vault;
use crate::core::replication::{ReplicaRegion, new_replicas};
use crate::core::view::{ReplicationStatus, replication_status};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicateSecretToRegionsRequest {
    pub secret_id: String,
    pub add_replica_regions: Vec<ReplicaRegion>,
    pub force_overwrite_replica_secret: Option<bool>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicationResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub replication_status: Vec<ReplicationStatus>,
}

pub fn replicate_secret_to_regions(
    vault: &mut Vault,
    req: ReplicateSecretToRegionsRequest,
    ctx: &mut Ctx,
) -> Result<ReplicationResponse, ServiceError> {
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let name = vault.secrets[i].name.clone();
    let mut wanted = req.add_replica_regions.clone();
    wanted.retain(|r| {
        !vault.secrets[i]
            .replicas
            .iter()
            .any(|x| Some(&x.region) == r.region.as_ref())
    });
    let added = new_replicas(
        vault,
        &name,
        &ctx.region,
        &wanted,
        req.force_overwrite_replica_secret.unwrap_or(false),
    )?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    secret.replicas.extend(added);
    secret.last_changed = ctx.now;
    vault.dirty = true;
    let secret = &vault.secrets[i];
    Ok(ReplicationResponse {
        arn: ids::arn(secret, &ctx.region, &account),
        replication_status: replication_status(secret),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::vault_with;

    fn replicate(v: &mut Vault, region: &str) -> Result<ReplicationResponse, ServiceError> {
        let req = ReplicateSecretToRegionsRequest {
            secret_id: "a".into(),
            add_replica_regions: vec![ReplicaRegion {
                region: Some(region.into()),
                kms_key_id: None,
            }],
            force_overwrite_replica_secret: None,
        };
        replicate_secret_to_regions(v, req, &mut Ctx::fixed())
    }

    #[test]
    fn replica_is_readable_but_not_writable_in_its_region() {
        let mut v = vault_with(&[("a", "x")]);
        let r = replicate(&mut v, "eu-west-1").unwrap();
        assert_eq!(r.replication_status[0].status, "InSync");
        assert!(ids::find_active(&v, "a", "eu-west-1").is_ok());
        assert_eq!(
            ids::find_writable(&v, "a", "eu-west-1").unwrap_err(),
            ids::replica_error()
        );
    }

    #[test]
    fn replicating_to_own_region_is_invalid() {
        let mut v = vault_with(&[("a", "x")]);
        assert!(replicate(&mut v, "us-east-1").is_err());
    }
}

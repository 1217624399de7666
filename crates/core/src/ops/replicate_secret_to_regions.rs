//! ReplicateSecretToRegions: add read-only replicas in other regions.

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::ids;
use crate::model::Vault;
use crate::replication::{self, ReplicaRegion};
use crate::view::{ReplicationStatus, replication_status};

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
    replication::check_regions(&ctx.region, &req.add_replica_regions)?;
    let name = vault.secrets[i].name.clone();
    // A region already in sync is left as it is; a failed one is tried again.
    let mut wanted = req.add_replica_regions.clone();
    wanted.retain(|r| {
        !vault.secrets[i]
            .replicas
            .iter()
            .any(|x| Some(&x.region) == r.region.as_ref() && x.failed.is_none())
    });
    let added = replication::replicate(
        vault,
        &name,
        &wanted,
        req.force_overwrite_replica_secret.unwrap_or(false),
    );
    // An overwritten secret was removed: find ours again.
    let i = replication::holder(vault, &name, &ctx.region).ok_or_else(ServiceError::not_found)?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    for replica in added {
        // A failed region tried again keeps its place in ReplicationStatus.
        match secret
            .replicas
            .iter_mut()
            .find(|x| x.region == replica.region)
        {
            Some(slot) => *slot = replica,
            None => secret.replicas.push(replica),
        }
    }
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
    use crate::error::ErrorCode;
    use crate::replication::{INVALID_REGION, NAME_TAKEN, ON_REPLICA};
    use crate::testing::vault_with;

    fn replicate_with(
        v: &mut Vault,
        region: &str,
        force: bool,
    ) -> Result<ReplicationResponse, ServiceError> {
        let req = ReplicateSecretToRegionsRequest {
            secret_id: "a".into(),
            add_replica_regions: vec![ReplicaRegion {
                region: Some(region.into()),
                kms_key_id: None,
            }],
            force_overwrite_replica_secret: Some(force),
        };
        replicate_secret_to_regions(v, req, &mut Ctx::fixed())
    }

    fn replicate(v: &mut Vault, region: &str) -> Result<ReplicationResponse, ServiceError> {
        replicate_with(v, region, false)
    }

    /// `a` in us-east-1, and another `a` whose primary is eu-west-1.
    fn clash() -> Vault {
        let mut v = vault_with(&[("a", "x"), ("b", "y")]);
        v.secrets[1].name = "a".into();
        v.secrets[1].region = "eu-west-1".into();
        v
    }

    #[test]
    fn replica_is_readable_but_not_writable_in_its_region() {
        let mut v = vault_with(&[("a", "x")]);
        let r = replicate(&mut v, "eu-west-1").unwrap();
        assert_eq!(r.replication_status[0].status, "InSync");
        assert!(ids::find_active(&v, "a", "eu-west-1").is_ok());
        let e = ids::find_writable(&v, "a", "eu-west-1").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (ErrorCode::InvalidParameter, ON_REPLICA)
        );
    }

    #[test]
    fn replicating_to_own_region_is_invalid_replica_region() {
        let mut v = vault_with(&[("a", "x")]);
        let e = replicate(&mut v, "us-east-1").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (ErrorCode::InvalidParameter, INVALID_REGION)
        );
    }

    #[test]
    fn a_name_taken_in_the_region_answers_failed_without_force() {
        let mut v = clash();
        let r = replicate(&mut v, "eu-west-1").unwrap();
        let status = &r.replication_status[0];
        assert_eq!(status.status, "Failed");
        assert_eq!(status.status_message.as_deref(), Some(NAME_TAKEN));
        assert_eq!(v.secrets.len(), 2);
        assert_eq!(
            ids::find(&v, "a", "eu-west-1").unwrap(),
            1,
            "the other one stays"
        );
    }

    #[test]
    fn force_overwrite_replaces_the_secret_in_the_region() {
        let mut v = clash();
        replicate(&mut v, "eu-west-1").unwrap();
        let r = replicate_with(&mut v, "eu-west-1", true).unwrap();
        assert_eq!(
            r.replication_status.len(),
            1,
            "the failed replica is tried again"
        );
        assert_eq!(r.replication_status[0].status, "InSync");
        assert_eq!(v.secrets.len(), 1);
        assert_eq!(ids::find(&v, "a", "eu-west-1").unwrap(), 0);
        assert_eq!(crate::replication::duplicate_name(&v), None);
    }
}

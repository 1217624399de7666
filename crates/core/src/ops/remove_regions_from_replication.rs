//! RemoveRegionsFromReplication: drop replicas; the primary is unchanged.

use serde::Deserialize;

use super::replicate_secret_to_regions::ReplicationResponse;
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::ids;
use crate::model::Vault;
use crate::view::replication_status;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RemoveRegionsFromReplicationRequest {
    pub secret_id: String,
    pub remove_replica_regions: Vec<String>,
}

pub fn remove_regions_from_replication(
    vault: &mut Vault,
    req: RemoveRegionsFromReplicationRequest,
    ctx: &mut Ctx,
) -> Result<ReplicationResponse, ServiceError> {
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    secret
        .replicas
        .retain(|r| !req.remove_replica_regions.contains(&r.region));
    secret.last_changed = ctx.now;
    vault.dirty = true;
    let secret = &vault.secrets[i];
    Ok(ReplicationResponse {
        arn: ids::arn(secret, &ctx.region, &account),
        replication_status: replication_status(secret),
    })
}

//! StopReplicationToReplica: called in a replica's region, makes it an independent secret there.

use serde::Serialize;

use super::get_resource_policy::SecretIdRequest;
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::ids;
use crate::model::Vault;

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StopReplicationResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
}

pub fn stop_replication_to_replica(
    vault: &mut Vault,
    req: SecretIdRequest,
    ctx: &mut Ctx,
) -> Result<StopReplicationResponse, ServiceError> {
    let i = ids::find_active(vault, &req.secret_id, &ctx.region)?;
    if vault.secrets[i].region == ctx.region {
        return Err(ServiceError::invalid_request(
            "You can't stop replication on a primary secret. Call this operation in the replica's Region.",
        ));
    }
    let account = vault.account_id().to_string();
    let primary = &mut vault.secrets[i];
    primary.replicas.retain(|r| r.region != ctx.region);
    let mut copy = primary.clone();
    copy.region = ctx.region.clone();
    copy.replicas.clear();
    copy.last_changed = ctx.now;
    let arn = ids::arn(&copy, &ctx.region, &account);
    vault.secrets.push(copy);
    vault.dirty = true;
    Ok(StopReplicationResponse { arn })
}

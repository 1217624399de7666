//! Replica regions: a replica is the same secret, readable (not writable) under its region's ARN.

use serde::Deserialize;

use super::error::ServiceError;
use super::model::{Replica, Vault};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaRegion {
    pub region: Option<String>,
    pub kms_key_id: Option<String>,
}

/// Checks requested replica regions for a secret named `name` whose primary is
/// `primary`, and returns them as replicas.
pub fn new_replicas(
    vault: &Vault,
    name: &str,
    primary: &str,
    requested: &[ReplicaRegion],
    force_overwrite: bool,
) -> Result<Vec<Replica>, ServiceError> {
    let mut out: Vec<Replica> = Vec::new();
    for r in requested {
        let region = r.region.clone().unwrap_or_default();
        if region.is_empty()
            || !region
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(ServiceError::invalid_parameter(format!(
                "Invalid replica region: {region}"
            )));
        }
        if region == primary {
            return Err(ServiceError::invalid_parameter(
                "You can't replicate a secret to the Region where the primary secret is stored.",
            ));
        }
        if out.iter().any(|o| o.region == region) {
            continue;
        }
        let clash = vault.secrets.iter().any(|s| {
            s.name == name && (s.region == region || s.replicas.iter().any(|x| x.region == region))
        });
        if clash && !force_overwrite {
            return Err(ServiceError::exists(format!(
                "The operation failed because the secret {name} already exists in the destination Region {region}."
            )));
        }
        out.push(Replica {
            region,
            kms_key_id: r.kms_key_id.clone().filter(|k| !k.is_empty()),
            last_accessed: None,
        });
    }
    Ok(out)
}

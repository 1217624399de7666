//! Replica regions, as AWS runs them: a replica is the same secret, readable (never writable)
//! under its region's ARN, and a secret's name is unique in each region, replicas included.

use std::collections::HashSet;

use serde::Deserialize;

use super::error::ServiceError;
use super::ids;
use super::model::{Replica, Secret, Vault};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaRegion {
    pub region: Option<String>,
    pub kms_key_id: Option<String>,
}

/// AWS's answer to any change made through a replica (quoted from real runs, e.g.
/// gruntwork-io/cloud-nuke#435 for DeleteSecret, lgallard/terraform-aws-secrets-manager#188
/// for PutResourcePolicy).
pub const ON_REPLICA: &str =
    "Operation not permitted on a replica secret. Call must be made in primary secret's region.";

/// AWS's answer to a replica region that is the primary's own (or no region at all),
/// quoted from real runs (aws-samples/aws-health-aware#32: `InvalidParameterException:
/// Invalid replica region.`).
pub const INVALID_REGION: &str = "Invalid replica region.";

/// The StatusMessage of a replica that failed because the name is taken in its region;
/// the API reference's own example (ReplicationStatusType.StatusMessage,
/// docs.aws.amazon.com/secretsmanager/latest/apireference/API_ReplicationStatusType.html).
pub const NAME_TAKEN: &str = "Secret with this name already exists in this region";

/// The one rule every write obeys: a secret seen in `region` may be changed there only
/// if `region` is its primary region.
pub fn writable_in(secret: &Secret, region: &str) -> Result<(), ServiceError> {
    if secret.region == region {
        Ok(())
    } else {
        Err(ServiceError::invalid_parameter(ON_REPLICA))
    }
}

/// DeleteSecret on a primary that still has replicas (failed ones too: they stay in the
/// replication list until removed). Wording, the ARN, `, ` and the final period as AWS
/// answered in gruntwork-io/cloud-nuke#435; the regions in the secret's own replication
/// order, not sorted, as AWS listed them in rebuy-de/aws-nuke#1127 (`[eu-west-2,
/// eu-south-1, eu-west-1, eu-central-1, us-east-1, ...]`).
pub fn check_no_replicas(secret: &Secret, arn: &str) -> Result<(), ServiceError> {
    if secret.replicas.is_empty() {
        return Ok(());
    }
    let regions: Vec<&str> = secret.replicas.iter().map(|r| r.region.as_str()).collect();
    Err(ServiceError::invalid_parameter(format!(
        "You can't delete secret {arn} that still has replica regions [{}].",
        regions.join(", ")
    )))
}

/// The secret that holds `name` in `region`: the primary there, or a replica there.
pub fn holder(vault: &Vault, name: &str, region: &str) -> Option<usize> {
    vault
        .secrets
        .iter()
        .position(|s| s.name == name && s.visible_in(region))
}

/// A name held twice in one region, as `(name, region)`; vaults are checked on load.
pub fn duplicate_name(vault: &Vault) -> Option<(String, String)> {
    let mut seen: HashSet<(&str, &str)> = HashSet::with_capacity(vault.secrets.len());
    for s in &vault.secrets {
        let regions = std::iter::once(s.region.as_str()).chain(
            s.replicas
                .iter()
                .filter(|r| r.failed.is_none())
                .map(|r| r.region.as_str()),
        );
        for region in regions {
            if !seen.insert((s.name.as_str(), region)) {
                return Some((s.name.clone(), region.to_string()));
            }
        }
    }
    None
}

/// Checks the regions requested for a secret whose primary region is `primary`, before
/// anything changes: an invalid one fails the whole call.
pub fn check_regions(primary: &str, requested: &[ReplicaRegion]) -> Result<(), ServiceError> {
    for r in requested {
        let region = r.region.as_deref().unwrap_or_default();
        let well_formed = !region.is_empty()
            && region
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed || region == primary {
            return Err(ServiceError::invalid_parameter(INVALID_REGION));
        }
    }
    Ok(())
}

/// Replicates the secret named `name` (primary in `primary`) to the requested regions
/// (checked by [`check_regions`]) and returns the new replicas. A region where another
/// secret holds the name gets a `Failed` replica, as AWS reports it (the call itself
/// succeeds: ReplicateSecretToRegions has no ResourceExistsException among its errors),
/// unless `force_overwrite`: then that secret is deleted and the replica takes its place.
pub fn replicate(
    vault: &mut Vault,
    name: &str,
    requested: &[ReplicaRegion],
    force_overwrite: bool,
) -> Vec<Replica> {
    let account = vault.account_id().to_string();
    let mut out: Vec<Replica> = Vec::new();
    for r in requested {
        let region = r.region.clone().unwrap_or_default();
        if out.iter().any(|o| o.region == region) {
            continue;
        }
        let mut failed = None;
        if let Some(h) = holder(vault, name, &region) {
            let other = &vault.secrets[h];
            failed = if !force_overwrite {
                Some(NAME_TAKEN.to_string())
            } else if other.region != region {
                // A replica of another primary is changed only through that primary.
                Some(ON_REPLICA.to_string())
            } else if let Err(e) = check_no_replicas(other, &ids::arn(other, &region, &account)) {
                Some(e.message)
            } else {
                vault.secrets.remove(h);
                vault.dirty = true;
                None
            };
        }
        out.push(Replica {
            region,
            kms_key_id: r.kms_key_id.clone().filter(|k| !k.is_empty()),
            last_accessed: None,
            failed,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::testing::vault_with;

    fn regions(list: &[&str]) -> Vec<ReplicaRegion> {
        list.iter()
            .map(|r| ReplicaRegion {
                region: Some(r.to_string()),
                kms_key_id: None,
            })
            .collect()
    }

    /// `a` in us-east-1, and another secret `a` whose primary is eu-west-1.
    fn clash() -> Vault {
        let mut v = vault_with(&[("a", "x"), ("b", "y")]);
        v.secrets[1].name = "a".into();
        v.secrets[1].region = "eu-west-1".into();
        v
    }

    #[test]
    fn a_replica_is_not_writable_in_its_region() {
        let mut v = vault_with(&[("a", "x")]);
        let e = writable_in(&v.secrets[0], "eu-west-1").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (ErrorCode::InvalidParameter, ON_REPLICA)
        );
        writable_in(&v.secrets[0], "us-east-1").unwrap();
        v.secrets[0].region = "eu-west-1".into();
        writable_in(&v.secrets[0], "eu-west-1").unwrap();
    }

    #[test]
    fn the_primary_region_or_a_malformed_one_is_an_invalid_replica_region() {
        for bad in ["us-east-1", "", "US-EAST-2", "eu west"] {
            let e = check_regions("us-east-1", &regions(&[bad])).unwrap_err();
            assert_eq!(
                (e.code, e.message.as_str()),
                (ErrorCode::InvalidParameter, INVALID_REGION),
                "{bad:?}"
            );
        }
        check_regions("us-east-1", &regions(&["us-east-2", "eu-west-1"])).unwrap();
    }

    #[test]
    fn delete_with_replicas_names_the_arn_and_the_regions_in_replication_order() {
        // rebuy-de/aws-nuke#1127: AWS lists them unsorted, as they were replicated.
        let mut v = vault_with(&[("a", "x")]);
        check_no_replicas(&v.secrets[0], "ARN").unwrap();
        let replicas = regions(&["us-west-2", "eu-south-1", "us-east-2"]);
        v.secrets[0].replicas = replicate(&mut v, "a", &replicas, false);
        let e = check_no_replicas(&v.secrets[0], "ARN").unwrap_err();
        assert_eq!(
            e.message,
            "You can't delete secret ARN that still has replica regions [us-west-2, eu-south-1, us-east-2]."
        );
    }

    #[test]
    fn a_taken_name_fails_that_region_only_without_force() {
        let mut v = clash();
        let before = v.clone();
        let out = replicate(&mut v, "a", &regions(&["eu-west-1", "us-east-2"]), false);
        assert_eq!(out[0].failed.as_deref(), Some(NAME_TAKEN));
        assert_eq!(out[1].failed, None);
        assert_eq!(v, before, "nothing is overwritten without force");
    }

    #[test]
    fn force_overwrite_deletes_the_secret_holding_the_name() {
        let mut v = clash();
        let out = replicate(&mut v, "a", &regions(&["eu-west-1"]), true);
        assert_eq!(out[0].failed, None);
        assert_eq!(v.secrets.len(), 1);
        assert_eq!(v.secrets[0].region, "us-east-1");
    }

    #[test]
    fn force_overwrite_never_takes_a_replica_of_another_primary() {
        let mut v = clash();
        v.secrets[1].replicas = vec![Replica {
            region: "us-west-2".into(),
            kms_key_id: None,
            last_accessed: None,
            failed: None,
        }];
        let out = replicate(&mut v, "a", &regions(&["us-west-2", "eu-west-1"]), true);
        assert_eq!(out[0].failed.as_deref(), Some(ON_REPLICA));
        assert!(
            out[1]
                .failed
                .as_deref()
                .unwrap()
                .starts_with("You can't delete secret")
        );
        assert_eq!(v.secrets.len(), 2, "neither is overwritten");
    }

    #[test]
    fn a_name_twice_in_one_region_is_found() {
        let mut v = clash();
        assert_eq!(duplicate_name(&v), None);
        v.secrets[1].replicas = vec![Replica {
            region: "us-east-1".into(),
            kms_key_id: None,
            last_accessed: None,
            failed: None,
        }];
        assert_eq!(duplicate_name(&v), Some(("a".into(), "us-east-1".into())));
        v.secrets[1].replicas[0].failed = Some(NAME_TAKEN.into());
        assert_eq!(duplicate_name(&v), None, "a failed replica holds nothing");
    }
}

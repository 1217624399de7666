//! One file per API operation; this module maps an operation name to its function.

pub mod batch_get_secret_value;
pub mod cancel_rotate_secret;
pub mod create_secret;
pub mod delete_resource_policy;
pub mod delete_secret;
pub mod describe_secret;
pub mod get_random_password;
pub mod get_resource_policy;
pub mod get_secret_value;
pub mod list_secret_version_ids;
pub mod list_secrets;
pub mod put_resource_policy;
pub mod put_secret_value;
pub mod remove_regions_from_replication;
pub mod replicate_secret_to_regions;
pub mod restore_secret;
pub mod rotate_secret;
pub mod stop_replication_to_replica;
pub mod tag_resource;
pub mod untag_resource;
pub mod update_secret;
pub mod update_secret_version_stage;
pub mod validate_resource_policy;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::ctx::Ctx;
use super::error::ServiceError;
use super::model::Vault;

/// How an operation touches the vault, which decides locking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Never opens the vault (GetRandomPassword).
    None,
    /// Reads; may record an access (GetSecretValue), then it is written back.
    Read,
    /// Changes the vault: runs under the lock.
    Write,
    /// Changes the vault in several transactions with the secret's rotation function run
    /// between them, outside the vault and its lock (RotateSecret). The service carries
    /// it out; `run` is its first transaction only, which answers the
    /// [`rotate_secret::RotationPlan`] the service follows, never a client's answer. So it
    /// is neither committed with other writes nor answered as a quick read.
    Rotation,
}

type Handler = fn(&mut Vault, Value, &mut Ctx) -> Result<Value, ServiceError>;

pub struct Operation {
    /// The API name, e.g. `GetSecretValue`.
    pub name: &'static str,
    pub access: Access,
    /// What the operation does to the vault in one transaction (for [`Access::Rotation`],
    /// in its first one).
    pub run: Handler,
}

/// Adapts a typed operation to the generic request/response form the CLI speaks.
fn call<Req, Resp>(
    f: fn(&mut Vault, Req, &mut Ctx) -> Result<Resp, ServiceError>,
    vault: &mut Vault,
    request: Value,
    ctx: &mut Ctx,
) -> Result<Value, ServiceError>
where
    Req: DeserializeOwned,
    Resp: Serialize,
{
    // The CLI validated the request against the model already; a mismatch
    // here is a request the model allows but the operation cannot take.
    let req: Req = serde_json::from_value(request)
        .map_err(|e| ServiceError::validation(format!("Invalid request: {e}")))?;
    let resp = f(vault, req, ctx)?;
    serde_json::to_value(resp)
        .map_err(|e| ServiceError::validation(format!("Invalid response: {e}")))
}

macro_rules! operations {
    ($($name:literal, $access:ident, $module:ident :: $func:ident;)*) => {
        pub const OPERATIONS: &[Operation] = &[$(
            Operation {
                name: $name,
                access: Access::$access,
                run: |vault, request, ctx| call($module::$func, vault, request, ctx),
            },
        )*];
    };
}

operations! {
    "BatchGetSecretValue", Read, batch_get_secret_value::batch_get_secret_value;
    "CancelRotateSecret", Write, cancel_rotate_secret::cancel_rotate_secret;
    "CreateSecret", Write, create_secret::create_secret;
    "DeleteResourcePolicy", Write, delete_resource_policy::delete_resource_policy;
    "DeleteSecret", Write, delete_secret::delete_secret;
    "DescribeSecret", Read, describe_secret::describe_secret;
    "GetRandomPassword", None, get_random_password::get_random_password;
    "GetResourcePolicy", Read, get_resource_policy::get_resource_policy;
    "GetSecretValue", Read, get_secret_value::get_secret_value;
    "ListSecretVersionIds", Read, list_secret_version_ids::list_secret_version_ids;
    "ListSecrets", Read, list_secrets::list_secrets;
    "PutResourcePolicy", Write, put_resource_policy::put_resource_policy;
    "PutSecretValue", Write, put_secret_value::put_secret_value;
    "RemoveRegionsFromReplication", Write, remove_regions_from_replication::remove_regions_from_replication;
    "ReplicateSecretToRegions", Write, replicate_secret_to_regions::replicate_secret_to_regions;
    "StopReplicationToReplica", Write, stop_replication_to_replica::stop_replication_to_replica;
    "ValidateResourcePolicy", Read, validate_resource_policy::validate_resource_policy;
    "RestoreSecret", Write, restore_secret::restore_secret;
    "RotateSecret", Rotation, rotate_secret::rotate_secret;
    "TagResource", Write, tag_resource::tag_resource;
    "UntagResource", Write, untag_resource::untag_resource;
    "UpdateSecret", Write, update_secret::update_secret;
    "UpdateSecretVersionStage", Write, update_secret_version_stage::update_secret_version_stage;
}

pub fn lookup(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::error::ErrorCode;
    use crate::replication::ON_REPLICA;
    use crate::testing::vault_with;

    /// A request each write operation would accept for secret `a` in its primary region.
    fn write_request(op: &str) -> Option<Value> {
        let id = json!("a");
        let token = json!("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
        Some(match op {
            "CancelRotateSecret" | "DeleteResourcePolicy" | "DeleteSecret" | "RestoreSecret" => {
                json!({"SecretId": id})
            }
            "PutResourcePolicy" => {
                let policy = json!({"Version": "2012-10-17", "Statement": [{
                    "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
                    "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Resource": "*"
                }]});
                json!({"SecretId": id, "ResourcePolicy": policy.to_string()})
            }
            "PutSecretValue" => {
                json!({"SecretId": id, "SecretString": "v", "ClientRequestToken": token})
            }
            "RemoveRegionsFromReplication" => {
                json!({"SecretId": id, "RemoveReplicaRegions": ["eu-west-1"]})
            }
            "ReplicateSecretToRegions" => {
                json!({"SecretId": id, "AddReplicaRegions": [{"Region": "eu-west-2"}]})
            }
            "TagResource" => json!({"SecretId": id, "Tags": [{"Key": "k", "Value": "v"}]}),
            "UntagResource" => json!({"SecretId": id, "TagKeys": ["k"]}),
            "UpdateSecret" => json!({"SecretId": id, "Description": "d"}),
            "UpdateSecretVersionStage" => json!({"SecretId": id, "VersionStage": "X"}),
            // Its function is the one stored below.
            "RotateSecret" => json!({"SecretId": id, "ClientRequestToken": token}),
            _ => return None,
        })
    }

    /// Every operation that changes a secret refuses to through a replica, with AWS's
    /// code and message, and changes nothing; a new write operation must be listed here.
    #[test]
    fn every_write_on_a_replica_is_refused() {
        let mut primary = vault_with(&[("a", "x")]);
        let mut ctx = Ctx::fixed();
        let replicate = json!({"SecretId": "a", "AddReplicaRegions": [{"Region": "eu-west-1"}]});
        (lookup("ReplicateSecretToRegions").unwrap().run)(&mut primary, replicate, &mut ctx)
            .unwrap();
        primary.dirty = false;
        primary.secrets[0].rotation = Some(crate::model::Rotation {
            enabled: true,
            lambda_arn: Some("f".into()),
            ..Default::default()
        });
        let in_replica = || {
            let mut ctx = Ctx::fixed();
            ctx.region = "eu-west-1".into();
            ctx
        };
        let refused = |e: ServiceError, op: &str| {
            assert_eq!(
                (e.code, e.message.as_str()),
                (ErrorCode::InvalidParameter, ON_REPLICA),
                "{op}"
            );
        };
        // Creating a secret and stopping replication (called in the replica's region) are
        // not changes to a replica.
        let exempt = ["CreateSecret", "StopReplicationToReplica"];
        let mut checked = 0;
        for op in OPERATIONS.iter().filter(|op| {
            matches!(op.access, Access::Write | Access::Rotation) && !exempt.contains(&op.name)
        }) {
            let request = write_request(op.name)
                .unwrap_or_else(|| panic!("{} is not covered by this test", op.name));
            // The request is good: on the primary it passes (DeleteSecret stops
            // only at the replicas still there).
            let on_primary = (op.run)(&mut primary.clone(), request.clone(), &mut Ctx::fixed());
            match on_primary {
                Err(e) if op.name == "DeleteSecret" => {
                    assert!(e.message.contains("still has replica regions"), "{e}")
                }
                other => assert!(other.is_ok(), "{} on the primary: {other:?}", op.name),
            }
            let mut vault = primary.clone();
            refused(
                (op.run)(&mut vault, request, &mut in_replica()).unwrap_err(),
                op.name,
            );
            assert_eq!(vault, primary, "{} changed the vault", op.name);
            checked += 1;
        }
        assert_eq!(checked, 13, "every write operation but the exempt ones");
    }
}

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
}

type Handler = fn(&mut Vault, Value, &mut Ctx) -> Result<Value, ServiceError>;

pub struct Operation {
    /// The API name, e.g. `GetSecretValue`.
    pub name: &'static str,
    pub access: Access,
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
    "TagResource", Write, tag_resource::tag_resource;
    "UntagResource", Write, untag_resource::untag_resource;
    "UpdateSecret", Write, update_secret::update_secret;
    "UpdateSecretVersionStage", Write, update_secret_version_stage::update_secret_version_stage;
}

pub fn lookup(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

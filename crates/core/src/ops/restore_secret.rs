//! RestoreSecret: cancel a scheduled deletion.

use serde::Deserialize;

use super::update_secret_version_stage::ArnAndName;
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::ids;
use crate::model::Vault;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RestoreSecretRequest {
    pub secret_id: String,
}

pub fn restore_secret(
    vault: &mut Vault,
    req: RestoreSecretRequest,
    ctx: &mut Ctx,
) -> Result<ArnAndName, ServiceError> {
    let i = ids::find_primary(vault, &req.secret_id, &ctx.region)?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    // Restoring a secret that is not scheduled for deletion changes nothing.
    if secret.cancel_deletion() {
        vault.touch(i, ctx.now);
    }
    Ok(ArnAndName::of(&vault.secrets[i], &ctx.region, &account))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::testing::vault_with;

    #[test]
    fn restore_cancels_deletion() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].deletion_date = Some(99);
        restore_secret(
            &mut v,
            RestoreSecretRequest {
                secret_id: "a".into(),
            },
            &mut Ctx::fixed(),
        )
        .unwrap();
        assert!(v.secrets[0].deletion_date.is_none());
    }

    #[test]
    fn restore_of_active_secret_is_a_no_op() {
        let mut v = vault_with(&[("a", "x")]);
        v.dirty = false;
        restore_secret(
            &mut v,
            RestoreSecretRequest {
                secret_id: "a".into(),
            },
            &mut Ctx::fixed(),
        )
        .unwrap();
        assert!(!v.dirty);
    }

    #[test]
    fn restore_of_unknown_secret_is_not_found() {
        let mut v = Vault::default();
        let e = restore_secret(
            &mut v,
            RestoreSecretRequest {
                secret_id: "x".into(),
            },
            &mut Ctx::fixed(),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::ResourceNotFound);
    }
}

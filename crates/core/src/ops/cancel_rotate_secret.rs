//! CancelRotateSecret: turn rotation off, keeping the function and rules; AWSPENDING stays.

use serde::Deserialize;

use super::rotate_secret::RotateSecretResponse;
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::model::{AWSCURRENT, AWSPENDING, Vault};
use crate::{ids, labels};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CancelRotateSecretRequest {
    pub secret_id: String,
}

pub const NEVER_CONFIGURED: &str = "You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call.";

pub fn cancel_rotate_secret(
    vault: &mut Vault,
    req: CancelRotateSecretRequest,
    ctx: &mut Ctx,
) -> Result<RotateSecretResponse, ServiceError> {
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    let rotation = secret
        .rotation
        .as_mut()
        .filter(|r| r.lambda_arn.is_some())
        .ok_or_else(|| ServiceError::invalid_request(NEVER_CONFIGURED))?;
    rotation.enabled = false;
    rotation.next_rotation = None;
    secret.last_changed = ctx.now;
    vault.dirty = true;
    let pending =
        labels::holder(secret, AWSPENDING).filter(|&p| !secret.versions[p].has_stage(AWSCURRENT));
    Ok(RotateSecretResponse {
        arn: ids::arn(secret, &ctx.region, &account),
        name: secret.name.clone(),
        version_id: pending.map(|p| secret.versions[p].id.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rotation;
    use crate::testing::vault_with;

    fn cancel(v: &mut Vault) -> Result<RotateSecretResponse, ServiceError> {
        cancel_rotate_secret(
            v,
            CancelRotateSecretRequest {
                secret_id: "a".into(),
            },
            &mut Ctx::fixed(),
        )
    }

    #[test]
    fn never_rotated_secret_cannot_cancel() {
        let mut v = vault_with(&[("a", "x")]);
        assert_eq!(cancel(&mut v).unwrap_err().message, NEVER_CONFIGURED);
    }

    #[test]
    fn cancel_keeps_function_and_rules() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].rotation = Some(Rotation {
            enabled: true,
            lambda_arn: Some("f".into()),
            next_rotation: Some(5),
            ..Default::default()
        });
        cancel(&mut v).unwrap();
        let r = v.secrets[0].rotation.as_ref().unwrap();
        assert!(!r.enabled);
        assert_eq!(r.lambda_arn.as_deref(), Some("f"));
        assert!(r.next_rotation.is_none());
    }
}

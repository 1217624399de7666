//! DeleteResourcePolicy: forget a secret's policy; deleting none is fine.

use super::get_resource_policy::SecretIdRequest;
use super::update_secret_version_stage::ArnAndName;
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::ids;
use crate::model::Vault;

pub fn delete_resource_policy(
    vault: &mut Vault,
    req: SecretIdRequest,
    ctx: &mut Ctx,
) -> Result<ArnAndName, ServiceError> {
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    if secret.policy.take().is_some() {
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
    fn deleting_on_a_deleted_secret_is_invalid_request() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].deletion_date = Some(i64::MAX);
        let e = delete_resource_policy(
            &mut v,
            SecretIdRequest {
                secret_id: "a".into(),
            },
            &mut Ctx::fixed(),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidRequest);
    }
}

//! DescribeSecret: everything about a secret but its value; works while scheduled for deletion.

use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::ids;
use crate::model::Vault;
use crate::view::{SecretDescription, describe};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeSecretRequest {
    pub secret_id: String,
}

pub fn describe_secret(
    vault: &mut Vault,
    req: DescribeSecretRequest,
    ctx: &mut Ctx,
) -> Result<SecretDescription, ServiceError> {
    let i = ids::find(vault, &req.secret_id, &ctx.region)?;
    Ok(describe(
        &vault.secrets[i],
        &ctx.region,
        vault.account_id(),
        false,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    fn d(v: &mut Vault) -> SecretDescription {
        describe_secret(
            v,
            DescribeSecretRequest {
                secret_id: "a".into(),
            },
            &mut Ctx::fixed(),
        )
        .unwrap()
    }

    #[test]
    fn deprecated_versions_are_not_listed() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].versions[0].stages.clear();
        assert!(d(&mut v).version_ids_to_stages.is_none());
    }

    #[test]
    fn works_while_scheduled_for_deletion_and_shows_deleted_date() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].deletion_date = Some(42);
        assert_eq!(d(&mut v).deleted_date, Some(42));
    }

    #[test]
    fn tags_absent_until_tagged_and_empty_after_all_removed() {
        let mut v = vault_with(&[("a", "x")]);
        assert!(d(&mut v).tags.is_none());
        v.secrets[0].tags = Some(vec![]);
        assert_eq!(d(&mut v).tags, Some(vec![]));
    }
}

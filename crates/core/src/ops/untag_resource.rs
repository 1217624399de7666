//! UntagResource: remove tags by key; missing keys are not an error.

use serde::Deserialize;

use super::tag_resource::Empty;
use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::ids;
use crate::model::Vault;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UntagResourceRequest {
    pub secret_id: String,
    pub tag_keys: Vec<String>,
}

pub fn untag_resource(
    vault: &mut Vault,
    req: UntagResourceRequest,
    ctx: &mut Ctx,
) -> Result<Empty, ServiceError> {
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let secret = &mut vault.secrets[i];
    // A secret never tagged keeps Tags absent; once tagged, [] stays visible.
    if let Some(tags) = &mut secret.tags {
        tags.retain(|t| !req.tag_keys.contains(&t.key));
        secret.last_changed = ctx.now;
        vault.dirty = true;
    }
    Ok(Empty {})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tag;
    use crate::testing::vault_with;

    fn untag(v: &mut Vault, keys: &[&str]) {
        let req = UntagResourceRequest {
            secret_id: "a".into(),
            tag_keys: keys.iter().map(|k| k.to_string()).collect(),
        };
        untag_resource(v, req, &mut Ctx::fixed()).unwrap();
    }

    #[test]
    fn untag_is_idempotent_and_leaves_empty_list() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].tags = Some(vec![Tag {
            key: "k".into(),
            value: "v".into(),
        }]);
        untag(&mut v, &["k", "nonexistent"]);
        untag(&mut v, &["k"]);
        assert_eq!(v.secrets[0].tags, Some(vec![]));
    }

    #[test]
    fn untag_of_never_tagged_secret_keeps_tags_absent() {
        let mut v = vault_with(&[("a", "x")]);
        untag(&mut v, &["k"]);
        assert!(v.secrets[0].tags.is_none());
    }
}

//! TagResource: add tags or overwrite their values; prints nothing.

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::model::{Tag, Vault};
use crate::{ids, tags};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TagResourceRequest {
    pub secret_id: String,
    pub tags: Vec<Tag>,
}

/// TagResource and UntagResource answer with an empty body.
#[derive(Debug, Serialize)]
pub struct Empty {}

pub fn tag_resource(
    vault: &mut Vault,
    req: TagResourceRequest,
    ctx: &mut Ctx,
) -> Result<Empty, ServiceError> {
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let secret = &mut vault.secrets[i];
    let mut current = secret.tags.clone().unwrap_or_default();
    tags::merge(&mut current, &req.tags)?;
    secret.tags = Some(current);
    secret.last_changed = ctx.now;
    vault.dirty = true;
    Ok(Empty {})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::testing::vault_with;

    fn tag(v: &mut Vault, id: &str) -> Result<Empty, ServiceError> {
        let req = TagResourceRequest {
            secret_id: id.into(),
            tags: vec![Tag {
                key: "k".into(),
                value: "v".into(),
            }],
        };
        tag_resource(v, req, &mut Ctx::fixed())
    }

    #[test]
    fn tags_are_appended() {
        let mut v = vault_with(&[("a", "x")]);
        tag(&mut v, "a").unwrap();
        assert_eq!(v.secrets[0].tags.as_ref().map(Vec::len), Some(1));
    }

    #[test]
    fn tagging_a_deleted_secret_is_invalid_request() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].deletion_date = Some(i64::MAX);
        assert_eq!(
            tag(&mut v, "a").unwrap_err().code,
            ErrorCode::InvalidRequest
        );
    }

    #[test]
    fn tagging_a_missing_secret_is_not_found() {
        let mut v = Vault::default();
        assert_eq!(
            tag(&mut v, "a").unwrap_err().code,
            ErrorCode::ResourceNotFound
        );
    }
}

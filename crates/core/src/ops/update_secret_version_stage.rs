//! UpdateSecretVersionStage: attach, move or remove one staging label.

use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::model::{AWSCURRENT, Vault};
pub use crate::view::ArnAndName;
use crate::{ids, labels};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateSecretVersionStageRequest {
    pub secret_id: String,
    pub version_stage: String,
    pub remove_from_version_id: Option<String>,
    pub move_to_version_id: Option<String>,
}

pub fn update_secret_version_stage(
    vault: &mut Vault,
    req: UpdateSecretVersionStageRequest,
    ctx: &mut Ctx,
) -> Result<ArnAndName, ServiceError> {
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let label = req.version_stage.as_str();
    let account = vault.account_id().to_string();
    let secret = &mut vault.secrets[i];
    let index_of = |id: &str| {
        labels::version_index(secret, id).ok_or_else(|| labels::missing_version(secret, id))
    };
    let to = req
        .move_to_version_id
        .as_deref()
        .map(index_of)
        .transpose()?;
    let from = req
        .remove_from_version_id
        .as_deref()
        .map(index_of)
        .transpose()?;
    let holder = labels::holder(secret, label);
    if from.is_some() && from != holder {
        return Err(ServiceError::invalid_parameter(format!(
            "When you move staging label {label}, if you specify RemoveFromVersionId, it must be set to the version that currently has the staging label {label}."
        )));
    }
    match (to, holder) {
        (Some(to), Some(h)) if h != to && from.is_none() => {
            return Err(ServiceError::invalid_parameter(format!(
                "The parameter RemoveFromVersionId can't be empty. Staging label {label} is currently attached to version {}, so you must explicitly reference that version in RemoveFromVersionId.",
                secret.versions[h].id
            )));
        }
        (Some(to), _) => labels::attach(secret, label, to)?,
        (None, _) => {
            if let Some(from) = from {
                if label == AWSCURRENT {
                    return Err(ServiceError::invalid_parameter(
                        "You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.",
                    ));
                }
                secret.versions[from].stages.retain(|s| s != label);
            }
        }
    }
    vault.touch(i, ctx.now);
    Ok(ArnAndName::of(&vault.secrets[i], &ctx.region, &account))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::ops::put_secret_value::{PutSecretValueRequest, put_secret_value};
    use crate::testing::vault_with;

    const A: &str = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";
    const B: &str = "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb";

    /// "a" with version A = AWSCURRENT and version B = AWSPENDING.
    fn setup() -> Vault {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].versions[0].id = A.into();
        let req = PutSecretValueRequest {
            secret_id: "a".into(),
            client_request_token: Some(B.into()),
            secret_string: Some("y".into()),
            version_stages: Some(vec!["AWSPENDING".into()]),
            ..Default::default()
        };
        put_secret_value(&mut v, req, &mut Ctx::fixed()).unwrap();
        v
    }

    fn stage(
        v: &mut Vault,
        label: &str,
        remove: Option<&str>,
        mv: Option<&str>,
    ) -> Result<ArnAndName, ServiceError> {
        let req = UpdateSecretVersionStageRequest {
            secret_id: "a".into(),
            version_stage: label.into(),
            remove_from_version_id: remove.map(Into::into),
            move_to_version_id: mv.map(Into::into),
        };
        update_secret_version_stage(v, req, &mut Ctx::fixed())
    }

    #[test]
    fn move_stage_requires_remove_from_when_attached() {
        let mut v = setup();
        let e = stage(&mut v, "AWSCURRENT", None, Some(B)).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidParameter);
        assert!(
            e.message
                .contains(&format!("currently attached to version {A}"))
        );
    }

    #[test]
    fn moving_current_puts_previous_on_old_version_and_keeps_pending() {
        let mut v = setup();
        stage(&mut v, "AWSCURRENT", Some(A), Some(B)).unwrap();
        let s = &v.secrets[0];
        assert_eq!(s.versions[0].stages, ["AWSPREVIOUS"]);
        assert!(s.versions[1].has_stage("AWSCURRENT") && s.versions[1].has_stage("AWSPENDING"));
    }

    #[test]
    fn wrong_remove_from_is_invalid_parameter() {
        let mut v = setup();
        let e = stage(&mut v, "AWSCURRENT", Some(B), Some(B)).unwrap_err();
        assert!(
            e.message
                .starts_with("When you move staging label AWSCURRENT")
        );
    }

    #[test]
    fn unknown_version_is_not_found() {
        let mut v = setup();
        let e = stage(
            &mut v,
            "X",
            None,
            Some("cccccccc-cccc-cccc-cccc-cccccccccccc"),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::ResourceNotFound);
    }

    #[test]
    fn custom_label_attach_and_remove() {
        let mut v = setup();
        stage(&mut v, "MYLABEL", None, Some(A)).unwrap();
        assert!(v.secrets[0].versions[0].has_stage("MYLABEL"));
        stage(&mut v, "MYLABEL", Some(A), None).unwrap();
        assert!(!v.secrets[0].versions[0].has_stage("MYLABEL"));
    }

    #[test]
    fn awscurrent_cannot_be_removed_outright() {
        let mut v = setup();
        assert_eq!(
            stage(&mut v, "AWSCURRENT", Some(A), None).unwrap_err().code,
            ErrorCode::InvalidParameter
        );
    }
}

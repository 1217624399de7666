//! DeleteSecret: schedule deletion after a 7–30 day window, or delete now with force.

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::ServiceError;
use crate::model::{DAY_MS, Millis, Vault};
use crate::{ids, replication};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteSecretRequest {
    pub secret_id: String,
    pub recovery_window_in_days: Option<i64>,
    pub force_delete_without_recovery: Option<bool>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteSecretResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
    pub deletion_date: Millis,
}

pub const DEFAULT_WINDOW_DAYS: i64 = 30;

pub fn delete_secret(
    vault: &mut Vault,
    req: DeleteSecretRequest,
    ctx: &mut Ctx,
) -> Result<DeleteSecretResponse, ServiceError> {
    let force = req.force_delete_without_recovery.unwrap_or(false);
    if let Some(days) = req.recovery_window_in_days {
        // Checked even with force: a window of 0 is never the way to say "now".
        if !(7..=30).contains(&days) {
            return Err(ServiceError::invalid_parameter(
                "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
            ));
        }
        if force {
            return Err(ServiceError::invalid_parameter(
                "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
            ));
        }
    }
    let account = vault.account_id().to_string();
    let found = ids::find_primary(vault, &req.secret_id, &ctx.region);
    if force {
        return Ok(match found {
            Ok(i) => {
                has_no_replicas(vault, i, &ctx.region)?;
                let secret = vault.secrets.remove(i);
                vault.dirty = true;
                DeleteSecretResponse {
                    arn: ids::arn(&secret, &ctx.region, &account),
                    name: secret.name.clone(),
                    deletion_date: ctx.now,
                }
            }
            // AWS answers a forced delete of an unknown secret as if it existed.
            Err(e) if e.code == crate::error::ErrorCode::ResourceNotFound => {
                let suffix = ids::new_suffix(ctx);
                DeleteSecretResponse {
                    arn: format!(
                        "arn:aws:secretsmanager:{}:{account}:secret:{}-{suffix}",
                        ctx.region, req.secret_id
                    ),
                    name: req.secret_id,
                    deletion_date: ctx.now,
                }
            }
            Err(e) => return Err(e),
        });
    }
    let i = found?;
    if vault.secrets[i].deletion_date.is_some() {
        return Err(ServiceError::marked_for_deletion());
    }
    has_no_replicas(vault, i, &ctx.region)?;
    let days = req.recovery_window_in_days.unwrap_or(DEFAULT_WINDOW_DAYS);
    vault.secrets[i].schedule_deletion(ctx.now, days * DAY_MS);
    vault.dirty = true;
    let secret = &vault.secrets[i];
    Ok(DeleteSecretResponse {
        arn: ids::arn(secret, &ctx.region, &account),
        name: secret.name.clone(),
        // DeleteSecret answers with the purge date, unlike DescribeSecret.
        deletion_date: ctx.now + days * DAY_MS,
    })
}

fn has_no_replicas(vault: &Vault, i: usize, region: &str) -> Result<(), ServiceError> {
    let s = &vault.secrets[i];
    replication::check_no_replicas(s, &ids::arn(s, region, vault.account_id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::testing::vault_with;

    fn del(
        v: &mut Vault,
        id: &str,
        days: Option<i64>,
        force: bool,
    ) -> Result<DeleteSecretResponse, ServiceError> {
        let req = DeleteSecretRequest {
            secret_id: id.into(),
            recovery_window_in_days: days,
            force_delete_without_recovery: Some(force),
        };
        delete_secret(v, req, &mut Ctx::fixed())
    }

    #[test]
    fn recovery_window_outside_7_30_is_invalid_parameter() {
        let mut v = vault_with(&[("a", "x")]);
        for d in [0, 6, 31] {
            assert_eq!(
                del(&mut v, "a", Some(d), false).unwrap_err().code,
                ErrorCode::InvalidParameter
            );
        }
        assert!(
            del(&mut v, "a", Some(0), true)
                .unwrap_err()
                .message
                .contains("between 7 and 30")
        );
    }

    #[test]
    fn force_delete_conflicts_with_window() {
        let mut v = vault_with(&[("a", "x")]);
        let e = del(&mut v, "a", Some(10), true).unwrap_err();
        assert!(e.message.contains("in conjunction with"));
    }

    #[test]
    fn default_window_is_30_days() {
        let mut v = vault_with(&[("a", "x")]);
        let r = del(&mut v, "a", None, false).unwrap();
        assert_eq!(r.deletion_date, Ctx::fixed().now + 30 * DAY_MS);
        assert_eq!(v.secrets[0].deletion_date, Some(r.deletion_date));
    }

    #[test]
    fn scheduled_delete_records_the_request_time_and_answers_the_purge_date() {
        let mut v = vault_with(&[("a", "x")]);
        let now = Ctx::fixed().now + 5;
        let mut ctx = Ctx::fixed();
        ctx.now = now;
        let req = DeleteSecretRequest {
            secret_id: "a".into(),
            recovery_window_in_days: Some(7),
            force_delete_without_recovery: None,
        };
        let r = delete_secret(&mut v, req, &mut ctx).unwrap();
        assert_eq!(r.deletion_date, now + 7 * DAY_MS);
        let s = &v.secrets[0];
        assert_eq!((s.deleted_date(), s.last_changed), (Some(now), now));
    }

    #[test]
    fn second_delete_while_scheduled_is_invalid_request() {
        let mut v = vault_with(&[("a", "x")]);
        del(&mut v, "a", None, false).unwrap();
        assert_eq!(
            del(&mut v, "a", None, false).unwrap_err().code,
            ErrorCode::InvalidRequest
        );
        del(&mut v, "a", None, true).unwrap();
        assert!(
            v.secrets.is_empty(),
            "a forced delete of a scheduled secret purges it"
        );
    }

    #[test]
    fn force_delete_of_unknown_secret_succeeds() {
        let mut v = Vault::default();
        let r = del(&mut v, "ghost", None, true).unwrap();
        assert_eq!(r.name, "ghost");
        assert!(r.arn.contains(":secret:ghost-"));
    }

    #[test]
    fn invalid_name_is_validation_error_even_with_force() {
        let mut v = Vault::default();
        assert_eq!(
            del(&mut v, "bad name", None, true).unwrap_err().code,
            ErrorCode::Validation
        );
    }

    #[test]
    fn purge_after_window() {
        let mut v = vault_with(&[("a", "x")]);
        let r = del(&mut v, "a", Some(7), false).unwrap();
        let when = v.secrets[0].deletion_date;
        assert!(!crate::model::expired(when, r.deletion_date - 1));
        assert!(crate::model::expired(when, r.deletion_date));
    }
}

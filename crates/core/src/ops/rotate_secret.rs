//! RotateSecret, the state part: checks, configuration and the AWSPENDING version. The
//! service runs the rotation function's steps between [`rotate_secret`] (the operations
//! table's entry, [`super::Access::Rotation`]) and [`finish_rotate_secret`].

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::{ErrorCode, ServiceError};
use crate::model::{Millis, Rotation, RotationRules, Tag, Vault};
use crate::rotation::{self, NO_FUNCTION, Start};
use crate::{ids, values};

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RotateSecretRequest {
    pub secret_id: String,
    pub client_request_token: Option<String>,
    #[serde(rename = "RotationLambdaARN")]
    pub rotation_lambda_arn: Option<String>,
    pub rotation_rules: Option<RotationRules>,
    pub external_secret_rotation_metadata: Option<Vec<Tag>>,
    pub external_secret_rotation_role_arn: Option<String>,
    pub rotate_immediately: Option<bool>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RotateSecretResponse {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
}

/// What the caller must do next.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RotationPlan {
    pub index: usize,
    pub arn: String,
    pub name: String,
    /// The function to run: a Lambda ARN or bare name.
    pub function: String,
    /// The version the steps work on.
    pub token: String,
    pub start: Start,
}

/// The function a rotation would use: the request's, else the stored one.
pub fn function_for(vault: &Vault, req: &RotateSecretRequest, region: &str) -> Option<String> {
    req.rotation_lambda_arn
        .clone()
        .filter(|f| !f.is_empty())
        .or_else(|| {
            let i = ids::find(vault, &req.secret_id, region).ok()?;
            vault.secrets[i].rotation.as_ref()?.lambda_arn.clone()
        })
}

/// The request's own checks that the model does not make (its constraints were checked
/// before the operation started): the SecretId's name rules, the token, the rules'
/// meaning, checked before any state is looked at, as every operation does: a bad
/// request is refused the same way whether or not its rotation function exists.
/// Returns the token and the new rules, if any.
pub fn check_request(
    req: &RotateSecretRequest,
    now: Millis,
) -> Result<(String, Option<RotationRules>), ServiceError> {
    ids::check_secret_id(&req.secret_id)?;
    let token = values::require_token(
        req.client_request_token.clone(),
        ErrorCode::InvalidParameter,
    )?;
    let rules = req
        .rotation_rules
        .as_ref()
        .map(|r| rotation::checked_rules(r, now))
        .transpose()?;
    Ok((token, rules))
}

/// What RotateSecret would run, once the request and the secret allow it: the
/// function is looked for only after every check that needs no function.
pub fn function_to_run(
    vault: &Vault,
    req: &RotateSecretRequest,
    ctx: &Ctx,
) -> Result<String, ServiceError> {
    check_request(req, ctx.now)?;
    ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    function_for(vault, req, &ctx.region).ok_or_else(|| ServiceError::invalid_request(NO_FUNCTION))
}

pub fn rotate_secret(
    vault: &mut Vault,
    req: RotateSecretRequest,
    ctx: &mut Ctx,
) -> Result<RotationPlan, ServiceError> {
    let (token, new_rules) = check_request(&req, ctx.now)?;
    let i = ids::find_writable(vault, &req.secret_id, &ctx.region)?;
    let function = function_for(vault, &req, &ctx.region)
        .ok_or_else(|| ServiceError::invalid_request(NO_FUNCTION))?;
    let stored = vault.secrets[i].rotation.clone().unwrap_or_default();
    // Stored rules were checked when they were given (and carry the derived
    // AutomaticallyAfterDays of a schedule expression); only new ones are checked.
    let rules = new_rules.or_else(|| stored.rules.clone());
    let immediately = req.rotate_immediately.unwrap_or(true);
    let account = vault.account_id().to_string();
    let start = rotation::start(vault, i, &token, immediately, ctx.now)?;
    let secret = &mut vault.secrets[i];
    secret.rotation = Some(Rotation {
        enabled: true,
        lambda_arn: Some(function.clone()),
        rules,
        last_rotated: stored.last_rotated,
        next_rotation: stored.next_rotation,
    });
    let token = match &start {
        Start::Reattempt(pending) => pending.clone(),
        _ => token,
    };
    Ok(RotationPlan {
        index: i,
        arn: ids::arn(secret, &ctx.region, &account),
        name: secret.name.clone(),
        function,
        token,
        start,
    })
}

/// Completes a rotation whose steps all succeeded. `true` in the answer means
/// it was an earlier rotation, reattempted: the call still reports that
/// error (after the state is saved), as AWS does.
pub fn finish_rotate_secret(
    vault: &mut Vault,
    plan: &RotationPlan,
    ctx: &mut Ctx,
) -> Result<(RotateSecretResponse, bool), ServiceError> {
    let i = ids::find(vault, &plan.arn, &ctx.region)?;
    let response = |version_id| RotateSecretResponse {
        arn: plan.arn.clone(),
        name: plan.name.clone(),
        version_id,
    };
    match plan.start {
        Start::TestOnly => {
            rotation::finish_test_only(vault, i, &plan.token, ctx.now);
            Ok((response(None), false))
        }
        Start::Fresh | Start::Reattempt(_) => {
            rotation::finish(vault, i, &plan.token, ctx.now)?;
            let reattempt = matches!(plan.start, Start::Reattempt(_));
            Ok((response(Some(plan.token.clone())), reattempt))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    fn req(function: Option<&str>) -> RotateSecretRequest {
        RotateSecretRequest {
            secret_id: "a".into(),
            client_request_token: Some("77777777-7777-7777-7777-777777777777".into()),
            rotation_lambda_arn: function.map(Into::into),
            ..Default::default()
        }
    }

    #[test]
    fn no_function_given_or_stored_is_invalid_request_and_stores_nothing() {
        let mut v = vault_with(&[("a", "x")]);
        let e = rotate_secret(&mut v, req(None), &mut Ctx::fixed()).unwrap_err();
        assert_eq!(e.message, NO_FUNCTION);
        assert!(v.secrets[0].rotation.is_none());
    }

    #[test]
    fn missing_token_is_invalid_parameter() {
        let mut v = vault_with(&[("a", "x")]);
        let mut r = req(Some("f"));
        r.client_request_token = None;
        assert_eq!(
            rotate_secret(&mut v, r, &mut Ctx::fixed())
                .unwrap_err()
                .code,
            ErrorCode::InvalidParameter
        );
    }

    #[test]
    fn second_rotation_reuses_stored_function_and_rules() {
        let mut v = vault_with(&[("a", "x")]);
        let mut r = req(Some("smvault-random-password"));
        r.rotation_rules = Some(RotationRules {
            automatically_after_days: Some(30),
            ..Default::default()
        });
        let mut ctx = Ctx::fixed();
        let plan = rotate_secret(&mut v, r, &mut ctx).unwrap();
        for step in rotation::STEPS {
            rotation::builtin_step(&mut v, plan.index, &plan.token, step, &mut ctx).unwrap();
        }
        finish_rotate_secret(&mut v, &plan, &mut ctx).unwrap();
        let mut again = req(None);
        again.client_request_token = Some("99999999-9999-9999-9999-999999999999".into());
        let plan2 = rotate_secret(&mut v, again, &mut ctx).unwrap();
        assert_eq!(plan2.function, "smvault-random-password");
        let rot = v.secrets[0].rotation.as_ref().unwrap();
        assert_eq!(
            rot.rules.as_ref().unwrap().automatically_after_days,
            Some(30)
        );
        assert!(rot.last_rotated.is_some() && rot.next_rotation.is_some());
    }

    #[test]
    fn bad_rules_are_refused_before_anything_is_stored() {
        let mut v = vault_with(&[("a", "x")]);
        let mut r = req(Some("f"));
        r.rotation_rules = Some(RotationRules {
            automatically_after_days: Some(1001),
            ..Default::default()
        });
        assert!(rotate_secret(&mut v, r, &mut Ctx::fixed()).is_err());
        assert!(v.secrets[0].rotation.is_none());
    }

    #[test]
    fn request_constraints_are_checked_before_the_secret_and_the_function() {
        let v = vault_with(&[("a", "x")]);
        for days in [0, 1001] {
            for id in ["a", "missing"] {
                let mut r = req(None);
                r.secret_id = id.into();
                r.rotation_rules = Some(RotationRules {
                    automatically_after_days: Some(days),
                    ..Default::default()
                });
                let e = function_to_run(&v, &r, &Ctx::fixed()).unwrap_err();
                assert_eq!(e.code, ErrorCode::Validation, "{days} {id}: {e}");
                assert!(e.message.contains("automaticallyAfterDays"), "{e}");
            }
        }
        let e = function_to_run(&v, &req(None), &Ctx::fixed()).unwrap_err();
        assert_eq!(e.message, NO_FUNCTION, "the function is looked for last");
        assert_eq!(
            function_to_run(&v, &req(Some("f")), &Ctx::fixed()).unwrap(),
            "f"
        );
    }
}

//! Rotation state rules: starting a rotation (AWSPENDING), finishing it, the schedule's
//! next date, and the built-in `smvault-random-password` rotator's steps.

use chrono::{DateTime, Utc};

use super::ctx::Ctx;
use super::error::{ErrorCode, ServiceError};
use super::model::{
    AWSCURRENT, AWSPENDING, Millis, RotationRules, Secret, SecretValue, Vault, Version,
};
use super::password::{PasswordSpec, generate};
use super::{labels, schedule};

/// The name of the rotator built into smvault; it needs no executable.
pub const BUILTIN: &str = "smvault-random-password";

/// The four Lambda steps, in the order Secrets Manager calls them.
pub const STEPS: [&str; 4] = ["createSecret", "setSecret", "testSecret", "finishSecret"];

pub const NO_FUNCTION: &str = "No Lambda rotation function ARN is associated with this secret.";
pub const NOT_COMPLETE: &str =
    "A previous rotation isn't complete. That rotation will be reattempted.";

fn to_schedule_rules(r: &RotationRules) -> schedule::RotationRules {
    schedule::RotationRules {
        automatically_after_days: r.automatically_after_days,
        duration: r.duration.clone(),
        schedule_expression: r.schedule_expression.clone(),
    }
}

fn utc(ms: Millis) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
}

/// Checks rules and returns them as DescribeSecret shows them: with a schedule
/// expression, AutomaticallyAfterDays is derived from it.
pub fn checked_rules(rules: &RotationRules, now: Millis) -> Result<RotationRules, ServiceError> {
    let parsed = schedule::parse(&to_schedule_rules(rules))
        .map_err(|e| ServiceError::new(ErrorCode::from_aws(e.code()), e.to_string()))?;
    let mut shown = rules.clone();
    if rules.schedule_expression.is_some() {
        shown.automatically_after_days =
            utc(now).and_then(|t| schedule::equivalent_days(&parsed.schedule, t));
    }
    Ok(shown)
}

/// The end of the next rotation window after `last`, as NextRotationDate.
pub fn next_date(rules: &RotationRules, last: Millis) -> Option<Millis> {
    let mut r = to_schedule_rules(rules);
    if r.schedule_expression.is_some() {
        r.automatically_after_days = None;
    }
    let parsed = schedule::parse(&r).ok()?;
    schedule::next_rotation_date(&parsed, utc(last)?).map(|t| t.timestamp_millis())
}

/// Where a rotation stands when it starts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Start {
    /// A new AWSPENDING version `token` was created; run all four steps.
    Fresh,
    /// AWSPENDING already sat on another version: that rotation is reattempted
    /// (with its own token) and the call then reports it was not complete.
    Reattempt(String),
    /// RotateImmediately=false: only testSecret runs, against a temporary
    /// AWSPENDING copy of the current value, removed afterwards.
    TestOnly,
}

/// Starts a rotation of secret `i` with version `token`.
pub fn start(
    vault: &mut Vault,
    i: usize,
    token: &str,
    immediately: bool,
    now: Millis,
) -> Result<Start, ServiceError> {
    let secret = &mut vault.secrets[i];
    let current = labels::holder(secret, AWSCURRENT);
    let pending = labels::holder(secret, AWSPENDING);
    vault.dirty = true;
    if let Some(p) = pending.filter(|p| Some(*p) != current) {
        let id = secret.versions[p].id.clone();
        if id == token {
            return Ok(Start::Fresh);
        }
        return Ok(Start::Reattempt(id));
    }
    if let Some(p) = pending {
        // AWSPENDING left on the current version by an earlier rotation means nothing now.
        secret.versions[p].stages.retain(|s| s != AWSPENDING);
    }
    if labels::version_index(secret, token).is_some() {
        return Err(ServiceError::exists(format!(
            "You can't use ClientRequestToken {token} because that value is already in use for a version of secret {}.",
            secret.name
        )));
    }
    let value = if immediately {
        None
    } else {
        current.and_then(|c| secret.versions[c].value.clone())
    };
    let version = Version {
        id: token.to_string(),
        value,
        stages: vec![],
        created: now,
        last_accessed: None,
    };
    labels::add_version(secret, version, Some(&[AWSPENDING.to_string()]), now);
    Ok(if immediately {
        Start::Fresh
    } else {
        Start::TestOnly
    })
}

/// After all steps ran: AWSCURRENT must be on `token`; AWSPENDING is removed and the dates set.
pub fn finish(vault: &mut Vault, i: usize, token: &str, now: Millis) -> Result<(), ServiceError> {
    let secret = &mut vault.secrets[i];
    let v = labels::version_index(secret, token)
        .ok_or_else(|| labels::missing_version(secret, token))?;
    if !secret.versions[v].has_stage(AWSCURRENT) {
        return Err(ServiceError::new(
            ErrorCode::InvalidRequest,
            format!(
                "The rotation function's finishSecret step did not move AWSCURRENT to version {token}; AWSPENDING stays on it."
            ),
        ));
    }
    secret.versions[v].stages.retain(|s| s != AWSPENDING);
    mark_rotated(secret, now);
    vault.dirty = true;
    Ok(())
}

/// After a test-only rotation: drop the temporary version, schedule the next rotation.
pub fn finish_test_only(vault: &mut Vault, i: usize, token: &str, now: Millis) {
    let secret = &mut vault.secrets[i];
    secret.versions.retain(|v| v.id != token);
    if let Some(r) = secret.rotation.as_mut() {
        r.next_rotation = r.rules.as_ref().and_then(|rules| next_date(rules, now));
    }
    vault.dirty = true;
}

fn mark_rotated(secret: &mut Secret, now: Millis) {
    secret.last_changed = now;
    if let Some(r) = secret.rotation.as_mut() {
        r.last_rotated = Some(now);
        r.next_rotation = r.rules.as_ref().and_then(|rules| next_date(rules, now));
    }
}

/// One step of the built-in rotator: createSecret puts a new random password
/// on the AWSPENDING version (only the `password` key of a JSON object);
/// finishSecret moves AWSCURRENT to it. setSecret and testSecret have nothing to do.
pub fn builtin_step(
    vault: &mut Vault,
    i: usize,
    token: &str,
    step: &str,
    ctx: &mut Ctx,
) -> Result<(), ServiceError> {
    let secret = &mut vault.secrets[i];
    let v = labels::version_index(secret, token)
        .ok_or_else(|| labels::missing_version(secret, token))?;
    match step {
        "createSecret" if secret.versions[v].value.is_none() => {
            let password = generate(&PasswordSpec::default(), &mut ctx.rng)
                .map_err(|e| ServiceError::new(ErrorCode::from_aws(e.code()), e.to_string()))?;
            let current =
                labels::holder(secret, AWSCURRENT).and_then(|c| secret.versions[c].value.clone());
            let new_value = match &current {
                Some(SecretValue::String(s)) => {
                    match serde_json::from_str::<serde_json::Value>(s) {
                        Ok(serde_json::Value::Object(mut obj)) if obj.contains_key("password") => {
                            obj.insert("password".into(), serde_json::Value::String(password));
                            serde_json::Value::Object(obj).to_string()
                        }
                        _ => password,
                    }
                }
                _ => password,
            };
            secret.versions[v].value = Some(SecretValue::String(new_value));
            vault.dirty = true;
        }
        "finishSecret" => {
            labels::make_current(secret, v);
            vault.dirty = true;
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    const T: &str = "77777777-7777-7777-7777-777777777777";

    #[test]
    fn start_creates_pending_version_without_value() {
        let mut v = vault_with(&[("a", "x")]);
        assert_eq!(start(&mut v, 0, T, true, 0).unwrap(), Start::Fresh);
        let s = &v.secrets[0];
        let p = labels::holder(s, AWSPENDING).unwrap();
        assert_eq!(s.versions[p].id, T);
        assert!(s.versions[p].value.is_none());
    }

    #[test]
    fn pending_on_other_version_is_reattempted() {
        let mut v = vault_with(&[("a", "x")]);
        start(&mut v, 0, T, true, 0).unwrap();
        let other = "88888888-8888-8888-8888-888888888888";
        assert_eq!(
            start(&mut v, 0, other, true, 0).unwrap(),
            Start::Reattempt(T.into())
        );
    }

    #[test]
    fn builtin_rotator_changes_only_the_password_key() {
        let mut v = vault_with(&[("a", r#"{"user":"admin","password":"old"}"#)]);
        let mut ctx = Ctx::fixed();
        start(&mut v, 0, T, true, 0).unwrap();
        for step in STEPS {
            builtin_step(&mut v, 0, T, step, &mut ctx).unwrap();
        }
        finish(&mut v, 0, T, 0).unwrap();
        let s = &v.secrets[0];
        let cur = labels::holder(s, AWSCURRENT).unwrap();
        assert_eq!(s.versions[cur].id, T);
        let Some(SecretValue::String(val)) = &s.versions[cur].value else {
            panic!("string")
        };
        let obj: serde_json::Value = serde_json::from_str(val).unwrap();
        assert_eq!(obj["user"], "admin");
        assert_eq!(obj["password"].as_str().unwrap().len(), 32);
        assert_eq!(s.versions[0].stages, ["AWSPREVIOUS"]);
        assert!(labels::holder(s, AWSPENDING).is_none());
    }

    #[test]
    fn finish_without_current_move_fails_and_keeps_pending() {
        let mut v = vault_with(&[("a", "x")]);
        start(&mut v, 0, T, true, 0).unwrap();
        assert!(finish(&mut v, 0, T, 0).is_err());
        assert!(labels::holder(&v.secrets[0], AWSPENDING).is_some());
    }

    #[test]
    fn next_date_of_30_days_is_end_of_that_day() {
        let rules = RotationRules {
            automatically_after_days: Some(30),
            ..Default::default()
        };
        let now = Ctx::fixed().now; // 2026-01-01T00:00:00Z
        let next = next_date(&rules, now).unwrap();
        assert_eq!(
            DateTime::from_timestamp_millis(next).unwrap().to_rfc3339(),
            "2026-01-31T23:59:59+00:00"
        );
    }

    #[test]
    fn schedule_expression_derives_days() {
        let rules = RotationRules {
            schedule_expression: Some("rate(10 days)".into()),
            ..Default::default()
        };
        assert_eq!(
            checked_rules(&rules, Ctx::fixed().now)
                .unwrap()
                .automatically_after_days,
            Some(10)
        );
    }
}

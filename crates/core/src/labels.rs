//! Staging labels: AWSCURRENT/AWSPREVIOUS moves, one version per label, and the version cleanup.

use super::error::{ErrorCode, ServiceError};
use super::model::{AWSCURRENT, AWSPENDING, AWSPREVIOUS, DAY_MS, Millis, Secret, Version};

/// AWS keeps at most this many versions, except those younger than a day.
pub const MAX_VERSIONS: usize = 100;
/// Labels per version (SecretVersionStagesType max).
pub const MAX_LABELS: usize = 20;
/// Remembered ids of cleaned-up versions.
const MAX_PURGED_IDS: usize = 1000;

pub fn holder(secret: &Secret, label: &str) -> Option<usize> {
    secret.versions.iter().position(|v| v.has_stage(label))
}

pub fn version_index(secret: &Secret, id: &str) -> Option<usize> {
    secret.versions.iter().position(|v| v.id == id)
}

fn remove_label(secret: &mut Secret, label: &str) {
    for v in &mut secret.versions {
        v.stages.retain(|s| s != label);
    }
}

/// Attaches `label` to version `to`, taking it from wherever it was. A label
/// added to an existing version goes in front (the order AWS shows).
pub fn attach(secret: &mut Secret, label: &str, to: usize) -> Result<(), ServiceError> {
    if secret.versions[to].has_stage(label) {
        return Ok(());
    }
    if label == AWSCURRENT {
        make_current(secret, to);
        return Ok(());
    }
    if secret.versions[to].stages.len() >= MAX_LABELS {
        return Err(too_many_labels());
    }
    remove_label(secret, label);
    secret.versions[to].stages.insert(0, label.to_string());
    Ok(())
}

pub fn too_many_labels() -> ServiceError {
    ServiceError::new(
        ErrorCode::LimitExceeded,
        format!("A version can have at most {MAX_LABELS} staging labels."),
    )
}

/// Moves AWSCURRENT to version `to`; the version it leaves gets AWSPREVIOUS,
/// which leaves its former holder, and loses AWSPENDING.
///
/// AWSPENDING beside AWSCURRENT marks a finished rotation; left on a version that is no
/// longer current it would mark one in progress, and the next RotateSecret would refuse
/// ("A previous rotation isn't complete"). Recorded from AWS (LocalStack snapshot
/// `test_update_secret_version_stages_current_pending`, 2022-09): `[AWSCURRENT, AWSPENDING]`
/// becomes `[AWSPREVIOUS]` when PutSecretValue makes a new version current; custom labels
/// stay (`..._custom_stages_1`, `_2`), and the version that gains AWSCURRENT keeps its own
/// AWSPENDING (`..._current_pending`). Applied wherever AWSCURRENT moves (PutSecretValue,
/// UpdateSecret, UpdateSecretVersionStage, rotation): no recording shows it kept anywhere.
pub fn make_current(secret: &mut Secret, to: usize) {
    match holder(secret, AWSCURRENT) {
        Some(old) if old == to => {}
        Some(old) => {
            remove_label(secret, AWSPREVIOUS);
            secret.versions[old]
                .stages
                .retain(|s| s != AWSCURRENT && s != AWSPENDING);
            secret.versions[old]
                .stages
                .insert(0, AWSPREVIOUS.to_string());
            secret.versions[to].stages.insert(0, AWSCURRENT.to_string());
        }
        None => secret.versions[to].stages.insert(0, AWSCURRENT.to_string()),
    }
}

/// Adds a new version with `stages` (AWSCURRENT when none are given), moving
/// each label from its former holder, as PutSecretValue does. The first
/// version of a secret always gets AWSCURRENT.
pub fn add_version(
    secret: &mut Secret,
    mut version: Version,
    stages: Option<&[String]>,
    now: Millis,
) {
    let wanted: Vec<String> = match stages {
        Some(s) => dedup(s),
        None => vec![AWSCURRENT.to_string()],
    };
    let first = holder(secret, AWSCURRENT).is_none();
    version.stages.clear();
    secret.versions.push(version);
    let at = secret.versions.len() - 1;
    for label in &wanted {
        if label == AWSCURRENT {
            make_current(secret, at);
        } else {
            remove_label(secret, label);
            secret.versions[at].stages.push(label.clone());
        }
    }
    if first && !secret.versions[at].has_stage(AWSCURRENT) {
        secret.versions[at].stages.push(AWSCURRENT.to_string());
    }
    // Keep request order with AWSCURRENT first, as AWS shows a new version.
    let stages = &mut secret.versions[at].stages;
    if let Some(p) = stages.iter().position(|s| s == AWSCURRENT) {
        let c = stages.remove(p);
        stages.insert(0, c);
    }
    cleanup(secret, now);
}

fn dedup(labels: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in labels {
        if !out.contains(l) {
            out.push(l.clone());
        }
    }
    out
}

/// Removes the oldest unlabelled versions while there are more than 100,
/// sparing those created in the last 24 hours.
pub fn cleanup(secret: &mut Secret, now: Millis) {
    while secret.versions.len() > MAX_VERSIONS {
        let Some(i) = secret
            .versions
            .iter()
            .position(|v| v.stages.is_empty() && now - v.created >= DAY_MS)
        else {
            break;
        };
        let gone = secret.versions.remove(i);
        secret.purged_versions.push(gone.id.clone());
        if secret.purged_versions.len() > MAX_PURGED_IDS {
            secret.purged_versions.remove(0);
        }
    }
}

/// The error for a VersionId that names no version.
pub fn missing_version(secret: &Secret, id: &str) -> ServiceError {
    if secret.purged_versions.iter().any(|p| p == id) {
        ServiceError::invalid_request(format!(
            "You can't perform this operation on secret version {id} because it was deleted."
        ))
    } else {
        ServiceError::not_found_msg(format!(
            "Secrets Manager can't find the specified secret value for VersionId: {id}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SecretValue;
    use crate::testing::secret_named;

    fn version(id: &str, created: Millis) -> Version {
        Version {
            id: id.into(),
            value: Some(SecretValue::String(id.into())),
            stages: vec![],
            created,
            last_accessed: None,
        }
    }

    fn stages(s: &Secret, id: &str) -> Vec<String> {
        s.versions[version_index(s, id).unwrap()].stages.clone()
    }

    #[test]
    fn first_version_gets_current_even_with_other_labels() {
        let mut s = secret_named("a");
        add_version(&mut s, version("v1", 0), Some(&["X".into()]), 0);
        assert_eq!(stages(&s, "v1"), ["AWSCURRENT", "X"]);
    }

    #[test]
    fn put_moves_current_to_previous() {
        let mut s = secret_named("a");
        add_version(&mut s, version("v1", 0), None, 0);
        add_version(&mut s, version("v2", 0), None, 0);
        add_version(&mut s, version("v3", 0), None, 0);
        assert_eq!(stages(&s, "v3"), ["AWSCURRENT"]);
        assert_eq!(stages(&s, "v2"), ["AWSPREVIOUS"]);
        assert!(stages(&s, "v1").is_empty(), "v1 is deprecated");
    }

    #[test]
    fn labels_without_current_move_and_leave_current_alone() {
        let mut s = secret_named("a");
        add_version(&mut s, version("v1", 0), None, 0);
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        add_version(
            &mut s,
            version("v2", 0),
            Some(&l(&["one", "two", "three"])),
            0,
        );
        add_version(
            &mut s,
            version("v3", 0),
            Some(&l(&["one", "two", "four"])),
            0,
        );
        assert_eq!(stages(&s, "v1"), ["AWSCURRENT"]);
        assert_eq!(stages(&s, "v2"), ["three"]);
        assert_eq!(stages(&s, "v3"), ["one", "two", "four"]);
    }

    #[test]
    fn current_move_keeps_other_labels_on_old_version() {
        let mut s = secret_named("a");
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        add_version(
            &mut s,
            version("v1", 0),
            Some(&l(&["AWSCURRENT", "PUT1"])),
            0,
        );
        add_version(&mut s, version("v2", 0), None, 0);
        assert_eq!(stages(&s, "v1"), ["AWSPREVIOUS", "PUT1"]);
    }

    #[test]
    fn the_version_that_loses_current_loses_pending_too() {
        // Recorded from AWS: [AWSCURRENT, AWSPENDING] -> [AWSPREVIOUS] after a put.
        let mut s = secret_named("a");
        add_version(&mut s, version("v1", 0), None, 0);
        add_version(&mut s, version("v2", 0), Some(&["AWSPENDING".into()]), 0);
        attach(&mut s, AWSCURRENT, 1).unwrap();
        assert_eq!(stages(&s, "v2"), ["AWSCURRENT", "AWSPENDING"]);
        add_version(&mut s, version("v3", 0), None, 0);
        assert_eq!(stages(&s, "v2"), ["AWSPREVIOUS"]);
        assert_eq!(stages(&s, "v3"), ["AWSCURRENT"]);
        assert!(stages(&s, "v1").is_empty(), "v1 is deprecated");
    }

    #[test]
    fn a_staged_move_of_current_takes_pending_off_the_old_version_only() {
        let mut s = secret_named("a");
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        add_version(
            &mut s,
            version("v1", 0),
            Some(&l(&["AWSCURRENT", "AWSPENDING", "KEEP"])),
            0,
        );
        add_version(&mut s, version("v2", 0), Some(&l(&["OTHER"])), 0);
        attach(&mut s, AWSCURRENT, 1).unwrap();
        assert_eq!(stages(&s, "v1"), ["AWSPREVIOUS", "KEEP"]);
        assert_eq!(stages(&s, "v2"), ["AWSCURRENT", "OTHER"]);
        // The version that gains AWSCURRENT keeps its AWSPENDING (recorded from AWS).
        attach(&mut s, "AWSPENDING", 0).unwrap();
        attach(&mut s, AWSCURRENT, 0).unwrap();
        assert_eq!(stages(&s, "v1"), ["AWSCURRENT", "AWSPENDING", "KEEP"]);
        assert_eq!(stages(&s, "v2"), ["AWSPREVIOUS", "OTHER"]);
    }

    #[test]
    fn attach_moves_a_custom_label() {
        let mut s = secret_named("a");
        add_version(&mut s, version("v1", 0), None, 0);
        add_version(&mut s, version("v2", 0), Some(&["L".into()]), 0);
        attach(&mut s, "L", 0).unwrap();
        assert_eq!(stages(&s, "v1"), ["L", "AWSCURRENT"]);
        assert!(stages(&s, "v2").is_empty());
    }

    #[test]
    fn more_than_20_labels_is_limit_exceeded() {
        let mut s = secret_named("a");
        add_version(&mut s, version("v1", 0), None, 0);
        for i in 0..19 {
            attach(&mut s, &format!("L{i}"), 0).unwrap();
        }
        assert_eq!(
            attach(&mut s, "L19", 0).unwrap_err().code,
            ErrorCode::LimitExceeded
        );
    }

    #[test]
    fn cleanup_keeps_100_versions_but_spares_young_ones() {
        let mut s = secret_named("a");
        for i in 0..105 {
            add_version(&mut s, version(&format!("v{i}"), 0), None, 0);
        }
        assert_eq!(s.versions.len(), 105, "all younger than a day");
        cleanup(&mut s, DAY_MS);
        assert_eq!(s.versions.len(), 100);
        assert!(version_index(&s, "v0").is_none());
        assert!(
            missing_version(&s, "v0")
                .message
                .contains("because it was deleted")
        );
        assert!(version_index(&s, "v104").is_some());
    }
}

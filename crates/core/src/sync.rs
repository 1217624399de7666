//! Moving secrets between two Secrets Manager stores (`push` to an endpoint, `pull` from
//! one): how a secret compares with its namesake on the other side, and the steps that
//! make the destination match it. Pure, so idempotence and resume are provable offline.

use std::collections::{BTreeMap, BTreeSet};

use super::labels;
use super::model::{AWSCURRENT, AWSPREVIOUS, Millis, Secret, SecretValue, Tag, Vault, Version};

/// The label a pushed version that is deprecated at the source carries between its
/// PutSecretValue (which needs a label to leave AWSCURRENT alone) and the label fix-up
/// that removes it. A run interrupted in between leaves it; the next run removes it.
pub const TRANSIT_LABEL: &str = "smvault-transit";

/// One version, without its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionMeta {
    pub id: String,
    pub stages: Vec<String>,
    pub created: Option<Millis>,
    /// False for a version that cannot be copied: the AWSPENDING placeholder a
    /// rotation leaves, which has no value.
    pub has_value: bool,
}

/// What one side holds of a secret, without values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub name: String,
    pub description: Option<String>,
    pub tags: Vec<Tag>,
    pub policy: Option<String>,
    /// Oldest first.
    pub versions: Vec<VersionMeta>,
    /// Scheduled for deletion.
    pub deleted: bool,
}

impl Snapshot {
    /// The local secret as the other side would see it.
    pub fn of_secret(secret: &Secret) -> Snapshot {
        Snapshot {
            name: secret.name.clone(),
            description: secret.description.clone(),
            tags: secret.tags.clone().unwrap_or_default(),
            policy: secret.policy.clone(),
            versions: secret
                .versions
                .iter()
                .map(|v| VersionMeta {
                    id: v.id.clone(),
                    stages: v.stages.clone(),
                    created: Some(v.created),
                    has_value: v.value.is_some(),
                })
                .collect(),
            deleted: secret.deletion_date.is_some(),
        }
    }

    fn version(&self, id: &str) -> Option<&VersionMeta> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// The versions that can be copied, oldest first.
    pub fn copyable(&self) -> impl Iterator<Item = &VersionMeta> {
        self.versions.iter().filter(|v| v.has_value)
    }

    /// Where each label must end: the labels of the copyable versions.
    pub fn desired_labels(&self) -> Vec<(String, Vec<String>)> {
        self.copyable()
            .map(|v| (v.id.clone(), v.stages.clone()))
            .collect()
    }

    fn labels(&self) -> Vec<(String, Vec<String>)> {
        self.versions
            .iter()
            .map(|v| (v.id.clone(), v.stages.clone()))
            .collect()
    }
}

/// Why a destination secret is left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// The destination secret is scheduled for deletion.
    Deleted,
    /// The destination has versions the source does not (it was written by
    /// someone else, or changed since the last copy).
    ForeignVersions(usize),
    /// The destination has no versions but other metadata: not an earlier copy.
    Different,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Conflict::Deleted => f.write_str("it is scheduled for deletion at the destination"),
            Conflict::ForeignVersions(1) => {
                f.write_str("the destination has 1 version the source does not have")
            }
            Conflict::ForeignVersions(n) => {
                write!(
                    f,
                    "the destination has {n} versions the source does not have"
                )
            }
            Conflict::Different => {
                f.write_str("the destination has different content and no version in common")
            }
        }
    }
}

/// What to do with one secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Absent at the destination.
    Create,
    /// The destination already matches: nothing to do.
    Identical,
    /// The destination holds part of the source (an earlier or interrupted copy):
    /// add what is missing and set labels, tags, description and policy.
    Complete,
    /// `--overwrite` of a conflict: make the destination match, keeping its own
    /// versions as deprecated ones.
    Overwrite,
    Conflict(Conflict),
    /// The source secret is scheduled for deletion: never copied.
    SourceDeleted,
}

fn same_description(a: Option<&str>, b: Option<&str>) -> bool {
    a.unwrap_or_default() == b.unwrap_or_default()
}

fn same_tags(a: &[Tag], b: &[Tag]) -> bool {
    let set = |t: &[Tag]| {
        t.iter()
            .map(|t| (t.key.clone(), t.value.clone()))
            .collect::<BTreeSet<_>>()
    };
    set(a) == set(b)
}

/// Policies compare as JSON documents: an endpoint may reformat the text.
fn same_policy(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            match (
                serde_json::from_str::<serde_json::Value>(a),
                serde_json::from_str::<serde_json::Value>(b),
            ) {
                (Ok(x), Ok(y)) => x == y,
                _ => a == b,
            }
        }
        _ => false,
    }
}

fn label_set(stages: &[String]) -> BTreeSet<&str> {
    stages.iter().map(String::as_str).collect()
}

/// Whether the destination's versions carry exactly the source's copyable
/// versions and labels. Versions are known by id: the API refuses to reuse an id
/// for another value, so the same id is the same value.
fn same_versions(source: &Snapshot, dest: &Snapshot) -> bool {
    dest.versions.len() == source.copyable().count()
        && source.copyable().all(|v| {
            dest.version(&v.id)
                .is_some_and(|d| label_set(&d.stages) == label_set(&v.stages))
        })
}

fn same_metadata(source: &Snapshot, dest: &Snapshot) -> bool {
    same_description(source.description.as_deref(), dest.description.as_deref())
        && same_tags(&source.tags, &dest.tags)
        && same_policy(source.policy.as_deref(), dest.policy.as_deref())
}

/// Compares `source` with its namesake at the destination (`None`: absent).
pub fn decide(source: &Snapshot, dest: Option<&Snapshot>, overwrite: bool) -> Decision {
    if source.deleted {
        return Decision::SourceDeleted;
    }
    let Some(dest) = dest else {
        return Decision::Create;
    };
    let conflict = |c| {
        if overwrite {
            Decision::Overwrite
        } else {
            Decision::Conflict(c)
        }
    };
    if dest.deleted {
        return conflict(Conflict::Deleted);
    }
    if same_versions(source, dest) && same_metadata(source, dest) {
        return Decision::Identical;
    }
    let foreign = dest
        .versions
        .iter()
        .filter(|d| source.version(&d.id).is_none())
        .count();
    if foreign > 0 {
        return conflict(Conflict::ForeignVersions(foreign));
    }
    // A copy creates the secret with its first version, its description and tags,
    // so an empty destination secret was made by one only when the source has no
    // version to copy and those match (the policy may not be there yet).
    if dest.versions.is_empty() {
        let ours = source.copyable().next().is_none()
            && same_description(source.description.as_deref(), dest.description.as_deref())
            && same_tags(&source.tags, &dest.tags);
        if !ours {
            return conflict(Conflict::Different);
        }
    }
    Decision::Complete
}

/// One write at the destination of a push. Version numbers index `source.versions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// RestoreSecret (an `--overwrite` of a secret scheduled for deletion).
    Restore,
    /// CreateSecret with the description and tags, and this version's value with
    /// its id as ClientRequestToken (it gets AWSCURRENT).
    Create {
        version: Option<usize>,
    },
    /// PutSecretValue of this version, its id as ClientRequestToken.
    Put {
        version: usize,
        stages: Vec<String>,
    },
    /// UpdateSecret of the description (`None`: clear it).
    Describe(Option<String>),
    Tag(Vec<Tag>),
    Untag(Vec<String>),
    /// UpdateSecretVersionStage moves until the labels are where the source has
    /// them (see [`label_moves`]); the destination's labels are read first.
    Labels,
    PutPolicy(String),
    DeletePolicy,
}

/// The stages a version is put with: its own, or the transit label for a
/// deprecated one (PutSecretValue with no stages would make it current).
fn put_stages(v: &VersionMeta) -> Vec<String> {
    if v.stages.is_empty() {
        vec![TRANSIT_LABEL.to_string()]
    } else {
        v.stages.clone()
    }
}

/// The writes that make the destination match `source`, in order: the secret,
/// the versions oldest first, labels, tags and description, the policy last.
pub fn push_steps(source: &Snapshot, dest: Option<&Snapshot>, decision: &Decision) -> Vec<Step> {
    let copyable: Vec<usize> = (0..source.versions.len())
        .filter(|&i| source.versions[i].has_value)
        .collect();
    let mut steps = Vec::new();
    match (decision, dest) {
        (Decision::Create, _) => {
            let first = copyable.first().copied();
            steps.push(Step::Create { version: first });
            for &i in copyable.iter().skip(1) {
                steps.push(Step::Put {
                    version: i,
                    stages: put_stages(&source.versions[i]),
                });
            }
            // CreateSecret's version gets AWSCURRENT: nothing to move when that
            // is the only version and where the source has it.
            let simple = copyable.len() <= 1
                && first
                    .is_none_or(|i| label_set(&source.versions[i].stages) == [AWSCURRENT].into());
            if !simple {
                steps.push(Step::Labels);
            }
            if let Some(p) = &source.policy {
                steps.push(Step::PutPolicy(p.clone()));
            }
        }
        (Decision::Complete | Decision::Overwrite, Some(dest)) => {
            if dest.deleted {
                steps.push(Step::Restore);
            }
            let mut put_any = false;
            for &i in &copyable {
                let v = &source.versions[i];
                if dest.version(&v.id).is_none() {
                    steps.push(Step::Put {
                        version: i,
                        stages: put_stages(v),
                    });
                    put_any = true;
                }
            }
            if !same_description(source.description.as_deref(), dest.description.as_deref()) {
                steps.push(Step::Describe(source.description.clone()));
            }
            let stale: Vec<String> = dest
                .tags
                .iter()
                .filter(|d| !source.tags.iter().any(|s| s.key == d.key))
                .map(|d| d.key.clone())
                .collect();
            if !stale.is_empty() {
                steps.push(Step::Untag(stale));
            }
            let new: Vec<Tag> = source
                .tags
                .iter()
                .filter(|s| !dest.tags.contains(s))
                .cloned()
                .collect();
            if !new.is_empty() {
                steps.push(Step::Tag(new));
            }
            if put_any || !label_moves(&dest.labels(), &source.desired_labels()).is_empty() {
                steps.push(Step::Labels);
            }
            if !same_policy(source.policy.as_deref(), dest.policy.as_deref()) {
                steps.push(match &source.policy {
                    Some(p) => Step::PutPolicy(p.clone()),
                    None => Step::DeletePolicy,
                });
            }
        }
        _ => {}
    }
    steps
}

/// One UpdateSecretVersionStage call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub label: String,
    pub to: Option<String>,
    pub from: Option<String>,
}

/// The UpdateSecretVersionStage calls that take the labels from `current` (each
/// version id with its labels) to `desired`. AWSCURRENT moves first, and the
/// service then gives AWSPREVIOUS to the version it left, so AWSPREVIOUS is
/// settled after it; labels no desired version has are removed last.
pub fn label_moves(
    current: &[(String, Vec<String>)],
    desired: &[(String, Vec<String>)],
) -> Vec<Move> {
    let holders = |map: &[(String, Vec<String>)]| {
        let mut out: BTreeMap<String, String> = BTreeMap::new();
        for (id, stages) in map {
            for s in stages {
                out.insert(s.clone(), id.clone());
            }
        }
        out
    };
    let mut cur = holders(current);
    let want = holders(desired);
    let mut moves = Vec::new();
    if let Some(target) = want.get(AWSCURRENT)
        && cur.get(AWSCURRENT) != Some(target)
    {
        let from = cur.insert(AWSCURRENT.to_string(), target.clone());
        if let Some(old) = &from {
            cur.insert(AWSPREVIOUS.to_string(), old.clone());
        }
        moves.push(Move {
            label: AWSCURRENT.to_string(),
            to: Some(target.clone()),
            from,
        });
    }
    for (label, target) in &want {
        if label == AWSCURRENT || cur.get(label) == Some(target) {
            continue;
        }
        let from = cur.insert(label.clone(), target.clone());
        moves.push(Move {
            label: label.clone(),
            to: Some(target.clone()),
            from,
        });
    }
    for (label, holder) in &cur {
        if !want.contains_key(label) && label != AWSCURRENT {
            moves.push(Move {
                label: label.clone(),
                to: None,
                from: Some(holder.clone()),
            });
        }
    }
    moves
}

/// The ids of the source's versions whose values a pull must fetch: those the
/// destination does not have.
pub fn values_needed(
    source: &Snapshot,
    dest: Option<&Snapshot>,
    decision: &Decision,
) -> Vec<String> {
    match decision {
        Decision::Create | Decision::Complete | Decision::Overwrite => source
            .copyable()
            .filter(|v| dest.is_none_or(|d| d.version(&v.id).is_none()))
            .map(|v| v.id.clone())
            .collect(),
        _ => Vec::new(),
    }
}

/// A secret read from an endpoint, with the values of the versions a pull needs.
#[derive(Debug)]
pub struct Incoming {
    pub snapshot: Snapshot,
    /// The six characters after the name in the endpoint's ARN, kept so the
    /// local ARN is the same.
    pub suffix: String,
    pub created: Option<Millis>,
    pub last_changed: Option<Millis>,
    /// Values by version id; a needed version missing here could not be read (a
    /// placeholder without a value) and is not copied.
    pub values: Vec<(String, SecretValue)>,
}

/// Writes a pulled secret into the local vault (in `region`) as `decision` says.
/// Returns whether anything changed.
pub fn apply_pull(
    vault: &mut Vault,
    region: &str,
    incoming: Incoming,
    decision: &Decision,
    now: Millis,
) -> bool {
    let Incoming {
        snapshot: remote,
        suffix,
        created,
        last_changed,
        mut values,
    } = incoming;
    let mut take = |id: &str| {
        values
            .iter()
            .position(|(v, _)| v == id)
            .map(|i| values.swap_remove(i).1)
    };
    let tags = (!remote.tags.is_empty()).then(|| remote.tags.clone());
    match decision {
        Decision::Create => {
            let versions: Vec<Version> = remote
                .versions
                .iter()
                .filter_map(|v| {
                    take(&v.id).map(|value| Version {
                        id: v.id.clone(),
                        value: Some(value),
                        stages: v.stages.clone(),
                        created: v.created.unwrap_or(now),
                        last_accessed: None,
                    })
                })
                .collect();
            vault.secrets.push(Secret {
                name: remote.name.clone(),
                region: region.to_string(),
                suffix,
                deletion_date: None,
                deletion_requested: None,
                description: remote.description.clone().filter(|d| !d.is_empty()),
                kms_key_id: None,
                secret_type: None,
                created: created.unwrap_or(now),
                last_changed: last_changed.unwrap_or(now),
                last_accessed: None,
                tags,
                versions,
                purged_versions: vec![],
                policy: remote.policy.clone(),
                rotation: None,
                replicas: vec![],
            });
            vault.dirty = true;
            true
        }
        Decision::Complete | Decision::Overwrite => {
            let Some(i) = vault
                .secrets
                .iter()
                .position(|s| s.name == remote.name && s.region == region)
            else {
                return false;
            };
            let secret = &mut vault.secrets[i];
            secret.cancel_deletion();
            for v in &remote.versions {
                if labels::version_index(secret, &v.id).is_some() {
                    continue;
                }
                if let Some(value) = take(&v.id) {
                    secret.versions.push(Version {
                        id: v.id.clone(),
                        value: Some(value),
                        stages: vec![],
                        created: v.created.unwrap_or(now),
                        last_accessed: None,
                    });
                }
            }
            secret.versions.sort_by_key(|v| v.created);
            for v in &mut secret.versions {
                v.stages = remote
                    .version(&v.id)
                    .filter(|r| r.has_value)
                    .map(|r| r.stages.clone())
                    .unwrap_or_default();
            }
            // A label whose version could not be copied stays off every version;
            // AWSCURRENT must stay somewhere: on the newest version then.
            if labels::holder(secret, AWSCURRENT).is_none() && !secret.versions.is_empty() {
                let newest = secret.versions.len() - 1;
                labels::make_current(secret, newest);
            }
            secret.description = remote.description.clone().filter(|d| !d.is_empty());
            secret.tags = tags;
            secret.policy = remote.policy.clone();
            labels::cleanup(secret, now);
            vault.touch(i, now);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: &str, stages: &[&str]) -> VersionMeta {
        VersionMeta {
            id: id.into(),
            stages: stages.iter().map(|s| s.to_string()).collect(),
            created: None,
            has_value: true,
        }
    }

    fn snap(versions: Vec<VersionMeta>) -> Snapshot {
        Snapshot {
            name: "app/db".into(),
            versions,
            ..Default::default()
        }
    }

    fn tag(k: &str, v: &str) -> Tag {
        Tag {
            key: k.into(),
            value: v.into(),
        }
    }

    fn three() -> Snapshot {
        snap(vec![
            v("v1", &[]),
            v("v2", &[AWSPREVIOUS]),
            v("v3", &[AWSCURRENT, "blue"]),
        ])
    }

    /// Applies steps to a destination as the service would (the core's label
    /// rules), so a plan can be run twice and checked offline.
    fn run(source: &Snapshot, dest: Option<Snapshot>, steps: &[Step]) -> Snapshot {
        let mut secret = crate::testing::secret_named(&source.name);
        let mut dest_snapshot = dest.unwrap_or_else(|| snap(vec![]));
        for d in &dest_snapshot.versions {
            secret.versions.push(Version {
                id: d.id.clone(),
                value: Some(SecretValue::String("x".into())),
                stages: d.stages.clone(),
                created: 0,
                last_accessed: None,
            });
        }
        let put = |secret: &mut Secret, i: usize, stages: Option<&[String]>| {
            let version = Version {
                id: source.versions[i].id.clone(),
                value: Some(SecretValue::String("x".into())),
                stages: vec![],
                created: 0,
                last_accessed: None,
            };
            labels::add_version(secret, version, stages, 0);
        };
        for step in steps {
            match step {
                Step::Restore => dest_snapshot.deleted = false,
                Step::Create { version } => {
                    dest_snapshot.description = source.description.clone();
                    dest_snapshot.tags = source.tags.clone();
                    if let Some(i) = version {
                        put(&mut secret, *i, None);
                    }
                }
                Step::Put { version, stages } => put(&mut secret, *version, Some(stages)),
                Step::Describe(d) => dest_snapshot.description = d.clone(),
                Step::Tag(t) => {
                    dest_snapshot
                        .tags
                        .retain(|d| !t.iter().any(|n| n.key == d.key));
                    dest_snapshot.tags.extend(t.iter().cloned());
                }
                Step::Untag(keys) => dest_snapshot.tags.retain(|d| !keys.contains(&d.key)),
                Step::Labels => {
                    let current: Vec<_> = secret
                        .versions
                        .iter()
                        .map(|v| (v.id.clone(), v.stages.clone()))
                        .collect();
                    for m in label_moves(&current, &source.desired_labels()) {
                        if let Some(from) = &m.from {
                            let i = labels::version_index(&secret, from).unwrap();
                            assert!(secret.versions[i].has_stage(&m.label), "{m:?}");
                            if m.to.is_none() {
                                secret.versions[i].stages.retain(|s| *s != m.label);
                            }
                        }
                        if let Some(to) = &m.to {
                            let i = labels::version_index(&secret, to).unwrap();
                            labels::attach(&mut secret, &m.label, i).unwrap();
                        }
                    }
                }
                Step::PutPolicy(p) => dest_snapshot.policy = Some(p.clone()),
                Step::DeletePolicy => dest_snapshot.policy = None,
            }
        }
        dest_snapshot.versions = secret
            .versions
            .iter()
            .map(|v| VersionMeta {
                id: v.id.clone(),
                stages: v.stages.clone(),
                created: None,
                has_value: true,
            })
            .collect();
        dest_snapshot
    }

    #[test]
    fn an_absent_secret_is_created() {
        assert_eq!(decide(&three(), None, false), Decision::Create);
    }

    #[test]
    fn a_source_scheduled_for_deletion_is_never_copied() {
        let mut s = three();
        s.deleted = true;
        assert_eq!(decide(&s, None, true), Decision::SourceDeleted);
    }

    #[test]
    fn create_puts_every_version_oldest_first_with_its_id() {
        let steps = push_steps(&three(), None, &Decision::Create);
        assert_eq!(
            steps,
            vec![
                Step::Create { version: Some(0) },
                Step::Put {
                    version: 1,
                    stages: vec![AWSPREVIOUS.into()]
                },
                Step::Put {
                    version: 2,
                    stages: vec![AWSCURRENT.into(), "blue".into()]
                },
                Step::Labels,
            ]
        );
    }

    #[test]
    fn a_single_current_version_needs_no_label_moves() {
        let s = snap(vec![v("v1", &[AWSCURRENT])]);
        assert_eq!(
            push_steps(&s, None, &Decision::Create),
            vec![Step::Create { version: Some(0) }]
        );
    }

    #[test]
    fn a_pushed_secret_ends_identical_and_a_second_run_does_nothing() {
        let mut source = three();
        source.description = Some("db".into());
        source.tags = vec![tag("team", "a")];
        source.policy = Some(r#"{"Version":"2012-10-17","Statement":[]}"#.into());
        let steps = push_steps(&source, None, &Decision::Create);
        let dest = run(&source, None, &steps);
        assert_eq!(dest.versions[0].stages, Vec::<String>::new());
        assert_eq!(decide(&source, Some(&dest), false), Decision::Identical);
        assert!(push_steps(&source, Some(&dest), &Decision::Identical).is_empty());
    }

    #[test]
    fn every_interrupted_push_is_completed_by_a_rerun() {
        let mut source = three();
        source.tags = vec![tag("team", "a")];
        source.policy = Some(r#"{"Statement":[]}"#.into());
        let steps = push_steps(&source, None, &Decision::Create);
        for stop in 1..steps.len() {
            let partial = run(&source, None, &steps[..stop]);
            let decision = decide(&source, Some(&partial), false);
            assert_eq!(decision, Decision::Complete, "stopped after {stop} steps");
            let rest = push_steps(&source, Some(&partial), &decision);
            assert!(
                !rest.iter().any(|s| matches!(s, Step::Create { .. })),
                "nothing created twice"
            );
            let done = run(&source, Some(partial), &rest);
            assert_eq!(decide(&source, Some(&done), false), Decision::Identical);
        }
    }

    #[test]
    fn a_transit_label_left_by_an_interruption_is_removed() {
        let source = three();
        let partial = snap(vec![v("v1", &[TRANSIT_LABEL])]);
        assert_eq!(decide(&source, Some(&partial), false), Decision::Complete);
        let done = run(
            &source,
            Some(partial.clone()),
            &push_steps(&source, Some(&partial), &Decision::Complete),
        );
        assert!(
            !done
                .versions
                .iter()
                .any(|v| v.stages.iter().any(|s| s == TRANSIT_LABEL))
        );
    }

    #[test]
    fn foreign_versions_are_a_conflict_left_alone() {
        let dest = snap(vec![v("other", &[AWSCURRENT])]);
        let d = decide(&three(), Some(&dest), false);
        assert_eq!(d, Decision::Conflict(Conflict::ForeignVersions(1)));
        assert!(push_steps(&three(), Some(&dest), &d).is_empty());
    }

    #[test]
    fn overwrite_makes_the_destination_match_and_keeps_its_versions_deprecated() {
        let source = three();
        let dest = snap(vec![v("other", &[AWSCURRENT, "blue"])]);
        let d = decide(&source, Some(&dest), true);
        assert_eq!(d, Decision::Overwrite);
        let done = run(
            &source,
            Some(dest.clone()),
            &push_steps(&source, Some(&dest), &d),
        );
        let other = done.version("other").unwrap();
        assert!(other.stages.is_empty());
        assert_eq!(done.version("v3").unwrap().stages.len(), 2);
        // Still a conflict without --overwrite afterwards, since "other" stays.
        assert_eq!(
            decide(&source, Some(&done), false),
            Decision::Conflict(Conflict::ForeignVersions(1))
        );
    }

    #[test]
    fn a_destination_scheduled_for_deletion_is_a_conflict_or_restored() {
        let mut dest = three();
        dest.deleted = true;
        assert_eq!(
            decide(&three(), Some(&dest), false),
            Decision::Conflict(Conflict::Deleted)
        );
        let steps = push_steps(&three(), Some(&dest), &Decision::Overwrite);
        assert_eq!(steps.first(), Some(&Step::Restore));
    }

    #[test]
    fn an_empty_destination_with_other_metadata_is_a_conflict() {
        let mut dest = snap(vec![]);
        dest.description = Some("not ours".into());
        assert_eq!(
            decide(&three(), Some(&dest), false),
            Decision::Conflict(Conflict::Different)
        );
    }

    #[test]
    fn a_secret_without_versions_is_resumed_when_its_policy_is_missing() {
        let mut source = snap(vec![]);
        source.tags = vec![tag("a", "1")];
        source.policy = Some("{}".into());
        let steps = push_steps(&source, None, &Decision::Create);
        assert_eq!(
            steps,
            vec![Step::Create { version: None }, Step::PutPolicy("{}".into())]
        );
        let partial = run(&source, None, &steps[..1]);
        assert_eq!(decide(&source, Some(&partial), false), Decision::Complete);
        assert_eq!(
            push_steps(&source, Some(&partial), &Decision::Complete),
            vec![Step::PutPolicy("{}".into())]
        );
    }

    #[test]
    fn changed_tags_description_and_policy_are_brought_back() {
        let mut source = snap(vec![v("v1", &[AWSCURRENT])]);
        source.tags = vec![tag("a", "1"), tag("b", "2")];
        source.description = Some("d".into());
        let mut dest = source.clone();
        dest.tags = vec![tag("a", "0"), tag("c", "3")];
        dest.description = None;
        dest.policy = Some("{}".into());
        assert_eq!(decide(&source, Some(&dest), false), Decision::Complete);
        let steps = push_steps(&source, Some(&dest), &Decision::Complete);
        assert_eq!(
            steps,
            vec![
                Step::Describe(Some("d".into())),
                Step::Untag(vec!["c".into()]),
                Step::Tag(vec![tag("a", "1"), tag("b", "2")]),
                Step::DeletePolicy,
            ]
        );
    }

    #[test]
    fn policies_compare_as_json_and_tags_as_sets() {
        let mut a = snap(vec![v("v1", &[AWSCURRENT])]);
        a.policy = Some(r#"{"Version": "2012-10-17"}"#.into());
        a.tags = vec![tag("x", "1"), tag("y", "2")];
        let mut b = a.clone();
        b.policy = Some(r#"{"Version":"2012-10-17"}"#.into());
        b.tags.reverse();
        assert_eq!(decide(&a, Some(&b), false), Decision::Identical);
    }

    #[test]
    fn a_version_without_a_value_is_not_copied_nor_its_labels() {
        let mut source = snap(vec![v("v1", &[AWSCURRENT])]);
        source.versions.push(VersionMeta {
            has_value: false,
            ..v("pending", &["AWSPENDING"])
        });
        assert_eq!(
            push_steps(&source, None, &Decision::Create),
            vec![Step::Create { version: Some(0) }]
        );
        let dest = snap(vec![v("v1", &[AWSCURRENT])]);
        assert_eq!(decide(&source, Some(&dest), false), Decision::Identical);
    }

    #[test]
    fn moving_awscurrent_accounts_for_the_awsprevious_it_leaves() {
        let current = vec![
            ("v1".to_string(), vec![AWSCURRENT.to_string()]),
            ("v2".to_string(), vec![]),
        ];
        let desired = vec![
            ("v1".to_string(), vec![AWSPREVIOUS.to_string()]),
            ("v2".to_string(), vec![AWSCURRENT.to_string()]),
        ];
        assert_eq!(
            label_moves(&current, &desired),
            vec![Move {
                label: AWSCURRENT.into(),
                to: Some("v2".into()),
                from: Some("v1".into())
            }]
        );
    }

    #[test]
    fn labels_no_source_version_has_are_removed() {
        let current = vec![("v1".to_string(), vec![AWSCURRENT.into(), "old".into()])];
        let desired = vec![("v1".to_string(), vec![AWSCURRENT.to_string()])];
        assert_eq!(
            label_moves(&current, &desired),
            vec![Move {
                label: "old".into(),
                to: None,
                from: Some("v1".into())
            }]
        );
    }

    fn incoming(snapshot: Snapshot) -> Incoming {
        let values = snapshot
            .versions
            .iter()
            .map(|v| (v.id.clone(), SecretValue::Binary(vec![0, 1, 2])))
            .collect();
        Incoming {
            snapshot,
            suffix: "Xy12Zq".into(),
            created: Some(5),
            last_changed: Some(6),
            values,
        }
    }

    #[test]
    fn a_pulled_secret_keeps_ids_labels_dates_tags_and_suffix() {
        let mut remote = three();
        remote.tags = vec![tag("t", "1")];
        remote.versions[0].created = Some(1);
        let mut vault = Vault::default();
        assert!(apply_pull(
            &mut vault,
            "eu-west-1",
            incoming(remote.clone()),
            &Decision::Create,
            9
        ));
        let s = &vault.secrets[0];
        assert_eq!(
            (s.suffix.as_str(), s.region.as_str(), s.created),
            ("Xy12Zq", "eu-west-1", 5)
        );
        assert_eq!(s.versions[0].created, 1);
        assert_eq!(Snapshot::of_secret(s).versions.len(), 3);
        assert_eq!(
            decide(&remote, Some(&Snapshot::of_secret(s)), false),
            Decision::Identical
        );
    }

    #[test]
    fn a_pull_completes_a_local_copy_and_overwrite_deprecates_local_versions() {
        let remote = three();
        let mut vault = Vault::default();
        let partial = snap(vec![v("v1", &[AWSCURRENT])]);
        apply_pull(
            &mut vault,
            "us-east-1",
            incoming(partial),
            &Decision::Create,
            0,
        );
        let local = Snapshot::of_secret(&vault.secrets[0]);
        let d = decide(&remote, Some(&local), false);
        assert_eq!(d, Decision::Complete);
        let needed = values_needed(&remote, Some(&local), &d);
        assert_eq!(needed, vec!["v2".to_string(), "v3".to_string()]);
        apply_pull(&mut vault, "us-east-1", incoming(remote.clone()), &d, 0);
        let local = Snapshot::of_secret(&vault.secrets[0]);
        assert_eq!(decide(&remote, Some(&local), false), Decision::Identical);

        let other = snap(vec![v("w1", &[AWSCURRENT])]);
        assert_eq!(
            decide(&other, Some(&local), false),
            Decision::Conflict(Conflict::ForeignVersions(3))
        );
        apply_pull(
            &mut vault,
            "us-east-1",
            incoming(other),
            &Decision::Overwrite,
            0,
        );
        let s = &vault.secrets[0];
        assert_eq!(s.versions.len(), 4);
        assert_eq!(
            labels::holder(s, AWSCURRENT).map(|i| s.versions[i].id.as_str()),
            Some("w1")
        );
        assert_eq!(s.versions.iter().filter(|v| v.stages.is_empty()).count(), 3);
    }
}

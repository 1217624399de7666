//! What DescribeSecret and ListSecrets show of a secret, in the API model's member order.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::ids;
use super::model::{Millis, RotationRules, Secret, Tag};

/// The response of operations that name the secret they changed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ArnAndName {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
}

impl ArnAndName {
    pub fn of(secret: &Secret, region: &str, account: &str) -> Self {
        ArnAndName {
            arn: ids::arn(secret, region, account),
            name: secret.name.clone(),
        }
    }
}

/// Version id → labels, oldest version first, deprecated versions left out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StageMap(pub Vec<(String, Vec<String>)>);

impl Serialize for StageMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl StageMap {
    pub fn of(secret: &Secret) -> Option<StageMap> {
        let entries: Vec<_> = secret
            .versions
            .iter()
            .filter(|v| !v.stages.is_empty())
            .map(|v| (v.id.clone(), v.stages.clone()))
            .collect();
        (!entries.is_empty()).then_some(StageMap(entries))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicationStatus {
    pub region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_accessed_date: Option<Millis>,
}

/// DescribeSecretResponse and SecretListEntry share this shape; they differ
/// in the name of the stage map and in ReplicationStatus.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SecretDescription {
    #[serde(rename = "ARN")]
    pub arn: String,
    pub name: String,
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub secret_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotation_enabled: Option<bool>,
    #[serde(rename = "RotationLambdaARN", skip_serializing_if = "Option::is_none")]
    pub rotation_lambda_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotation_rules: Option<RotationRules>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_rotated_date: Option<Millis>,
    pub last_changed_date: Millis,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_accessed_date: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted_date: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_rotation_date: Option<Millis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_ids_to_stages: Option<StageMap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_versions_to_stages: Option<StageMap>,
    pub created_date: Millis,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replication_status: Option<Vec<ReplicationStatus>>,
}

/// The description of `secret` as seen from `region`.
pub fn describe(
    secret: &Secret,
    region: &str,
    account: &str,
    list_entry: bool,
) -> SecretDescription {
    let rotation = secret.rotation.as_ref();
    let stages = StageMap::of(secret);
    let replicated = !secret.replicas.is_empty();
    let replication_status = (replicated && !list_entry).then(|| replication_status(secret));
    SecretDescription {
        arn: ids::arn(secret, region, account),
        name: secret.name.clone(),
        secret_type: secret.secret_type.clone(),
        description: secret.description.clone(),
        kms_key_id: secret.kms_key_id.clone(),
        rotation_enabled: rotation.map(|r| r.enabled),
        rotation_lambda_arn: rotation.and_then(|r| r.lambda_arn.clone()),
        rotation_rules: rotation.and_then(|r| r.rules.clone()),
        last_rotated_date: rotation.and_then(|r| r.last_rotated),
        last_changed_date: secret.last_changed,
        last_accessed_date: secret.last_accessed,
        deleted_date: secret.deleted_date(),
        next_rotation_date: rotation.filter(|r| r.enabled).and_then(|r| r.next_rotation),
        tags: secret.tags.clone(),
        version_ids_to_stages: if list_entry { None } else { stages.clone() },
        secret_versions_to_stages: if list_entry { stages } else { None },
        created_date: secret.created,
        primary_region: replicated.then(|| secret.region.clone()),
        replication_status,
    }
}

pub fn replication_status(secret: &Secret) -> Vec<ReplicationStatus> {
    secret
        .replicas
        .iter()
        .map(|r| ReplicationStatus {
            region: r.region.clone(),
            kms_key_id: Some(
                r.kms_key_id
                    .clone()
                    .unwrap_or_else(|| "alias/aws/secretsmanager".into()),
            ),
            status: if r.failed.is_some() {
                "Failed"
            } else {
                "InSync"
            }
            .into(),
            status_message: Some(
                r.failed
                    .clone()
                    .unwrap_or_else(|| "Replication succeeded".into()),
            ),
            last_accessed_date: r.last_accessed,
        })
        .collect()
}

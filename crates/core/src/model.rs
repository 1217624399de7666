//! The stored state of a vault: secrets, their versions, labels, tags and dates.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// Milliseconds since the Unix epoch: AWS timestamps have millisecond precision.
pub type Millis = i64;

pub const DAY_MS: Millis = 86_400_000;
pub const DEFAULT_ACCOUNT_ID: &str = "123456789012";
pub const AWSCURRENT: &str = "AWSCURRENT";
pub const AWSPREVIOUS: &str = "AWSPREVIOUS";
pub const AWSPENDING: &str = "AWSPENDING";

/// Everything one vault file holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Vault {
    /// The account id used in ARNs; `None` means the default, 123456789012.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The region used when neither --region nor AWS_REGION says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_region: Option<String>,
    /// The credentials `smvault serve` accepts; made on first serve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serving: Option<Serving>,
    /// The other principals `smvault serve` knows, in the order they were added
    /// (`smvault principals`; the rules are in [`crate::principals`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principals: Vec<User>,
    /// In creation order, oldest first (ListSecrets' default order).
    #[serde(default)]
    pub secrets: Vec<Secret>,
    /// Set by an operation that changed the state, so a read that records an
    /// access knows it must be written back.
    #[serde(skip)]
    pub dirty: bool,
}

impl Vault {
    pub fn account_id(&self) -> &str {
        self.account_id.as_deref().unwrap_or(DEFAULT_ACCOUNT_ID)
    }

    /// Records that secret `i` changed at `now` (LastChangedDate) and must be saved.
    pub fn touch(&mut self, i: usize, now: Millis) {
        self.secrets[i].last_changed = now;
        self.dirty = true;
    }
}

/// What a client of `smvault serve` must hold: the SigV4 key pair and the
/// Secrets Manager Agent's token. Kept with the vault's settings, apart from secrets.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Serving {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub agent_token: String,
}

impl std::fmt::Debug for Serving {
    // Never the secret parts, even in a debug dump.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Serving")
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.secret_access_key.zeroize();
        self.agent_token.zeroize();
    }
}

/// A principal of `smvault serve` besides the owner: an IAM-user-like identity
/// (`arn:aws:iam::ACCOUNT:user/NAME`) with one access key pair and an optional identity
/// policy. Kept with the vault's settings, apart from secrets (the whole vault is
/// encrypted, so the secret key is too).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    /// The identity policy's JSON text as given; `None` when it has none (it may then do
    /// only what a secret's resource policy grants it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    pub created: Millis,
    /// When the current key pair was made (its CreateDate).
    pub key_created: Millis,
}

impl std::fmt::Debug for User {
    // Never the secret key, even in a debug dump.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("name", &self.name)
            .field("access_key_id", &self.access_key_id)
            .field("policy", &self.policy.as_ref().map(|_| "<policy>"))
            .field("created", &self.created)
            .finish_non_exhaustive()
    }
}

impl Drop for User {
    fn drop(&mut self) {
        self.secret_access_key.zeroize();
    }
}

/// Whether a secret scheduled for deletion at `deletion_date` is past its recovery
/// window at `now`. AWS purges such secrets "at some later time"; smvault leaves
/// them out of every read and drops them on the next write.
pub fn expired(deletion_date: Option<Millis>, now: Millis) -> bool {
    deletion_date.is_some_and(|when| when <= now)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Secret {
    pub name: String,
    pub region: String,
    /// The six random characters AWS appends to the name in the ARN.
    pub suffix: String,
    /// When the secret is scheduled to be purged; `Some` while deleted. Kept
    /// right after the name so a lazy load reads it without parsing the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<Millis>,
    /// When DeleteSecret was called; `Some` while deleted. Vaults written before
    /// this was kept hold only `deletion_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_requested: Option<Millis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_type: Option<String>,
    pub created: Millis,
    pub last_changed: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_accessed: Option<Millis>,
    /// `None` until the secret is first tagged; `Some(vec![])` after all tags
    /// are removed, which DescribeSecret shows as `"Tags": []`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// Oldest first.
    #[serde(default)]
    pub versions: Vec<Version>,
    /// Ids of versions removed by the 100-version cleanup, newest last, so a
    /// request for one gets AWS's "because it was deleted" answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purged_versions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation: Option<Rotation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replicas: Vec<Replica>,
}

impl Secret {
    /// A secret is seen in its own region and, read-only, in its replicas' (those
    /// that did not fail).
    pub fn visible_in(&self, region: &str) -> bool {
        self.region == region
            || self
                .replicas
                .iter()
                .any(|r| r.region == region && r.failed.is_none())
    }

    /// Schedules the purge `window` ms after `now`, as DeleteSecret does: AWS's
    /// DeletedDate is the moment of the call and LastChangedDate moves to it
    /// (research/wire-and-references.md §8, a recording of real responses).
    pub fn schedule_deletion(&mut self, now: Millis, window: Millis) {
        self.deletion_requested = Some(now);
        self.deletion_date = Some(now + window);
        self.last_changed = now;
    }

    /// Cancels a scheduled deletion (RestoreSecret); whether there was one.
    pub fn cancel_deletion(&mut self) -> bool {
        self.deletion_requested = None;
        self.deletion_date.take().is_some()
    }

    /// DescribeSecret's and ListSecrets' DeletedDate: when the deletion was
    /// requested. A secret deleted by an older smvault, which kept only the purge
    /// date, shows that stored date rather than a guess.
    pub fn deleted_date(&self) -> Option<Millis> {
        self.deletion_date
            .map(|purge| self.deletion_requested.unwrap_or(purge))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub id: String,
    /// `None` for the AWSPENDING placeholder a rotation creates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<SecretValue>,
    /// Staging labels; empty means deprecated.
    #[serde(default)]
    pub stages: Vec<String>,
    pub created: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_accessed: Option<Millis>,
}

impl Version {
    pub fn has_stage(&self, stage: &str) -> bool {
        self.stages.iter().any(|s| s == stage)
    }
}

/// A secret's value. Wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretValue {
    String(String),
    Binary(#[serde(with = "crate::blob::base64_bytes")] Vec<u8>),
}

impl std::fmt::Debug for SecretValue {
    // Never print a secret, not even in a debug dump.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretValue::String(_) => f.write_str("SecretValue::String(<redacted>)"),
            SecretValue::Binary(_) => f.write_str("SecretValue::Binary(<redacted>)"),
        }
    }
}

impl Drop for SecretValue {
    fn drop(&mut self) {
        match self {
            SecretValue::String(s) => s.zeroize(),
            SecretValue::Binary(b) => b.zeroize(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Rotation {
    pub enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambda_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<RotationRules>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_rotated: Option<Millis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_rotation: Option<Millis>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
pub struct RotationRules {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automatically_after_days: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_expression: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Replica {
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_accessed: Option<Millis>,
    /// Why replication to this region failed (ReplicationStatus `Failed` and this
    /// StatusMessage); a failed replica holds nothing in its region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::secret_named;

    #[test]
    fn deleted_date_is_the_request_and_last_changed_moves_to_it() {
        let mut s = secret_named("a");
        s.schedule_deletion(1_000, 7 * DAY_MS);
        assert_eq!(s.deleted_date(), Some(1_000));
        assert_eq!(s.last_changed, 1_000);
        assert_eq!(s.deletion_date, Some(1_000 + 7 * DAY_MS));
        assert!(s.cancel_deletion());
        assert_eq!((s.deleted_date(), s.deletion_date), (None, None));
        assert!(!s.cancel_deletion());
    }

    #[test]
    fn older_vaults_show_the_stored_purge_date_as_deleted_date() {
        let mut s = secret_named("a");
        s.deletion_date = Some(99);
        let old = serde_json::to_string(&s).unwrap();
        assert!(!old.contains("deletion_requested"), "{old}");
        let read: Secret = serde_json::from_str(&old).unwrap();
        assert_eq!(read.deleted_date(), Some(99));
    }
}

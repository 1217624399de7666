//! The vault as stored, loaded lazily: each secret stays raw JSON (borrowed from the
//! decrypted text) until an operation needs it, so an operation on one secret parses one
//! secret, and a write copies the others through untouched.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::ids;
use super::model::{Millis, Secret, Vault};

/// What a vault file holds, with the secrets left unparsed.
#[derive(Debug, Default, Deserialize)]
pub struct StoredVault<'a> {
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(default)]
    pub default_region: Option<String>,
    #[serde(borrow, default)]
    pub secrets: Vec<&'a RawValue>,
}

#[derive(Serialize)]
struct StoredVaultOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    account_id: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_region: &'a Option<String>,
    secrets: Vec<&'a RawValue>,
}

/// Which secrets an operation may look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// None (the vault's settings only).
    Nothing,
    /// Secrets with one of these names, in any region.
    Names(Vec<String>),
    /// Every secret.
    All,
}

impl Scope {
    /// The secrets a SecretId (or a new secret's name) can name.
    pub fn of_ids<'s>(ids: impl IntoIterator<Item = &'s str>) -> Scope {
        Scope::Names(ids.into_iter().flat_map(ids::candidate_names).collect())
    }
}

/// The part of a stored secret a lazy load reads: what selection and purging need.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    name: String,
    deletion_date: Option<Millis>,
}

#[derive(Deserialize)]
struct HeadFields {
    name: String,
    #[serde(default)]
    deletion_date: Option<Millis>,
}

/// Reads the head from the start of the record: `{"name":..,"region":..,"suffix":..`
/// then an optional `"deletion_date"`, the order [`Secret`] is written in. Anything
/// else (an older layout) is parsed in full.
fn head(raw: &RawValue) -> Result<Head, serde_json::Error> {
    fast_head(raw.get()).map_or_else(
        || {
            serde_json::from_str::<HeadFields>(raw.get()).map(|h| Head {
                name: h.name,
                deletion_date: h.deletion_date,
            })
        },
        Ok,
    )
}

fn fast_head(s: &str) -> Option<Head> {
    let mut rest = s.strip_prefix("{\"name\":")?;
    let name: String = next_value(&mut rest)?;
    rest = rest.strip_prefix(",\"region\":")?;
    let _: String = next_value(&mut rest)?;
    rest = rest.strip_prefix(",\"suffix\":")?;
    let _: String = next_value(&mut rest)?;
    let deletion_date = match rest.strip_prefix(",\"deletion_date\":") {
        Some(mut r) => Some(next_value::<Millis>(&mut r)?),
        None => None,
    };
    Some(Head {
        name,
        deletion_date,
    })
}

/// Parses one JSON value at the start of `rest` and moves past it.
fn next_value<T: serde::de::DeserializeOwned>(rest: &mut &str) -> Option<T> {
    let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<T>();
    let value = stream.next()?.ok()?;
    *rest = &rest[stream.byte_offset()..];
    Some(value)
}

/// A partial core vault and where its secrets came from.
pub struct Selection {
    pub vault: Vault,
    /// For each secret of `vault`, its index in the stored list.
    positions: Vec<usize>,
    /// Stored secrets past their recovery window, dropped on the next write.
    expired: Vec<usize>,
}

impl<'a> StoredVault<'a> {
    /// The secrets in `scope` as a core vault (expired ones left out). The vault
    /// is marked changed when expired secrets are waiting to be purged.
    pub fn select(&self, scope: &Scope, now: Millis) -> Result<Selection, serde_json::Error> {
        let mut vault = Vault {
            account_id: self.account_id.clone(),
            default_region: self.default_region.clone(),
            secrets: Vec::new(),
            dirty: false,
        };
        let mut positions = Vec::new();
        let mut expired = Vec::new();
        for (i, raw) in self.secrets.iter().enumerate() {
            let h = head(raw)?;
            if h.deletion_date.is_some_and(|d| d <= now) {
                expired.push(i);
                continue;
            }
            let wanted = match scope {
                Scope::Nothing => false,
                Scope::Names(names) => names.contains(&h.name),
                Scope::All => true,
            };
            if wanted {
                vault
                    .secrets
                    .push(serde_json::from_str::<Secret>(raw.get())?);
                positions.push(i);
            }
        }
        vault.dirty = !expired.is_empty();
        Ok(Selection {
            vault,
            positions,
            expired,
        })
    }
}

impl Selection {
    /// The stored form of the vault after the operation: untouched secrets copied
    /// through, changed ones rewritten, removed and expired ones dropped, new ones
    /// appended, all in their order.
    pub fn merge(&self, stored: &StoredVault<'_>) -> Result<StoredData, serde_json::Error> {
        let Selection {
            vault,
            positions,
            expired,
        } = self;
        let mut rewritten: Vec<Option<Box<RawValue>>> = vec![None; stored.secrets.len()];
        let mut removed = vec![false; stored.secrets.len()];
        for &e in expired {
            removed[e] = true;
        }
        for &p in positions {
            removed[p] = true;
        }
        let mut appended = Vec::new();
        // A selected secret is matched back by its position: same name and region
        // and suffix means the same secret (the core never renames one).
        for secret in &vault.secrets {
            let raw = RawValue::from_string(serde_json::to_string(secret)?)?;
            let origin = positions.iter().copied().find(|&p| {
                rewritten[p].is_none()
                    && stored
                        .secrets
                        .get(p)
                        .is_some_and(|r| same_secret(r, secret))
            });
            match origin {
                Some(p) => {
                    removed[p] = false;
                    rewritten[p] = Some(raw);
                }
                None => appended.push(raw),
            }
        }
        Ok(StoredData {
            account_id: vault.account_id.clone(),
            default_region: vault.default_region.clone(),
            rewritten,
            removed,
            appended,
        })
    }
}

fn same_secret(raw: &RawValue, secret: &Secret) -> bool {
    #[derive(Deserialize)]
    struct Identity {
        name: String,
        region: String,
        suffix: String,
    }
    serde_json::from_str::<Identity>(raw.get()).is_ok_and(|i| {
        i.name == secret.name && i.region == secret.region && i.suffix == secret.suffix
    })
}

/// What [`Selection::merge`] produces; serialize it with [`StoredData::to_json`].
pub struct StoredData {
    account_id: Option<String>,
    default_region: Option<String>,
    rewritten: Vec<Option<Box<RawValue>>>,
    removed: Vec<bool>,
    appended: Vec<Box<RawValue>>,
}

impl StoredData {
    /// Serializes the data next to the stored secrets it copies through.
    pub fn to_json_value<'b>(&'b self, stored: &'b StoredVault<'_>) -> impl Serialize + 'b {
        let mut secrets: Vec<&RawValue> =
            Vec::with_capacity(stored.secrets.len() + self.appended.len());
        for (i, raw) in stored.secrets.iter().enumerate() {
            match &self.rewritten[i] {
                Some(new) => secrets.push(new),
                None if self.removed[i] => {}
                None => secrets.push(raw),
            }
        }
        secrets.extend(self.appended.iter().map(|b| &**b));
        StoredVaultOut {
            account_id: &self.account_id,
            default_region: &self.default_region,
            secrets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::vault_with;

    fn stored_json(v: &Vault) -> String {
        serde_json::to_string(v).unwrap()
    }

    fn round(json: &str, scope: Scope, now: Millis, change: impl FnOnce(&mut Vault)) -> Vault {
        let stored: StoredVault = serde_json::from_str(json).unwrap();
        let mut sel = stored.select(&scope, now).unwrap();
        change(&mut sel.vault);
        let data = sel.merge(&stored).unwrap();
        let out = serde_json::to_string(&data.to_json_value(&stored)).unwrap();
        serde_json::from_str(&out).unwrap()
    }

    #[test]
    fn head_is_read_from_the_start_of_a_record() {
        let v = vault_with(&[("app/db", "x")]);
        let mut s = v.secrets[0].clone();
        s.deletion_date = Some(42);
        let raw = RawValue::from_string(serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(
            fast_head(raw.get()),
            Some(Head {
                name: "app/db".into(),
                deletion_date: Some(42)
            })
        );
        let other_order =
            RawValue::from_string(r#"{"region":"r","name":"n","suffix":"s"}"#.into()).unwrap();
        assert_eq!(
            head(&other_order).unwrap(),
            Head {
                name: "n".into(),
                deletion_date: None
            }
        );
    }

    #[test]
    fn only_named_secrets_are_parsed_and_others_copied_through() {
        let v = vault_with(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let json = stored_json(&v);
        let out = round(&json, Scope::Names(vec!["b".into()]), 0, |p| {
            assert_eq!(p.secrets.len(), 1);
            p.secrets[0].description = Some("changed".into());
        });
        assert_eq!(out.secrets.len(), 3);
        assert_eq!(out.secrets[1].description.as_deref(), Some("changed"));
        assert_eq!(out.secrets[0], v.secrets[0]);
        assert_eq!(out.secrets[2], v.secrets[2]);
    }

    #[test]
    fn removed_and_new_secrets_are_merged_in_order() {
        let v = vault_with(&[("a", "1"), ("b", "2")]);
        let json = stored_json(&v);
        let extra = vault_with(&[("z", "9")]).secrets.remove(0);
        let out = round(&json, Scope::Names(vec!["a".into()]), 0, |p| {
            p.secrets.remove(0);
            p.secrets.push(extra.clone());
        });
        let names: Vec<_> = out.secrets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["b", "z"]);
    }

    #[test]
    fn expired_secrets_are_left_out_and_dropped_on_write() {
        let mut v = vault_with(&[("a", "1"), ("b", "2")]);
        v.secrets[0].deletion_date = Some(10);
        let json = stored_json(&v);
        let stored: StoredVault = serde_json::from_str(&json).unwrap();
        let sel = stored.select(&Scope::All, 10).unwrap();
        assert_eq!(sel.vault.secrets.len(), 1);
        assert!(sel.vault.dirty, "the purge must be written");
        let out = round(&json, Scope::Nothing, 10, |_| {});
        assert_eq!(out.secrets.len(), 1);
        assert_eq!(out.secrets[0].name, "b");
    }
}

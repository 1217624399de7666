//! The three-way merge of two vaults that grew from one base (git branches): per secret, per
//! version, per tag and per staging label, and per principal; what both sides changed
//! differently is a conflict.

use std::collections::{BTreeSet, HashMap};

use zeroize::Zeroize;

use super::labels;
use super::model::{AWSCURRENT, AWSPREVIOUS, Millis, Secret, Serving, Tag, User, Vault, Version};
use super::stored::StoredVault;

/// What both sides changed differently: the secret (name and region), or the principal, or
/// (both empty) the vault's own settings, and the field. Never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub secret: String,
    pub region: String,
    /// The principal's name, for a conflict on a principal (`secret` is then empty).
    pub principal: Option<String>,
    pub field: String,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(name) = &self.principal {
            write!(f, "principal {name}: {}", self.field)
        } else if self.secret.is_empty() {
            write!(f, "vault settings: {}", self.field)
        } else {
            write!(
                f,
                "secret {} ({}): {}",
                self.secret, self.region, self.field
            )
        }
    }
}

/// The merged vault, and the conflicts found. With conflicts the vault is a
/// provisional result (ours wins each conflict, every version of both sides
/// kept) that still satisfies every label rule; callers keep ours instead.
#[derive(Debug)]
pub struct Merged {
    pub vault: Vault,
    pub conflicts: Vec<Conflict>,
}

/// A vault's own settings: account id and default region.
type Settings<'v> = (&'v Option<String>, &'v Option<String>);

/// The vault-wide settings, merged as fields: a change on one side wins, different
/// changes on both sides conflict (ours is kept).
fn merge_settings(
    base: Settings<'_>,
    ours: Settings<'_>,
    theirs: Settings<'_>,
    conflicts: &mut Vec<Conflict>,
) -> (Option<String>, Option<String>) {
    let mut setting = |field: &str, b: &Option<String>, o: &Option<String>, t: &Option<String>| {
        pick(b, o, t).unwrap_or_else(|| {
            conflicts.push(Conflict {
                secret: String::new(),
                region: String::new(),
                principal: None,
                field: format!("{field} changed on both sides"),
            });
            o.clone()
        })
    };
    (
        setting("account id", base.0, ours.0, theirs.0),
        setting("default region", base.1, ours.1, theirs.1),
    )
}

/// Merges `ours` and `theirs`, which both grew from `base`. `now` drives the
/// version cleanup (at most 100 versions, as every write keeps).
pub fn merge3(base: &Vault, ours: &Vault, theirs: &Vault, now: Millis) -> Merged {
    let mut conflicts = Vec::new();
    let (account_id, default_region) = merge_settings(
        (&base.account_id, &base.default_region),
        (&ours.account_id, &ours.default_region),
        (&theirs.account_id, &theirs.default_region),
        &mut conflicts,
    );
    let key = |s: &Secret| (s.region.clone(), s.name.clone());
    let index = |v: &Vault| -> HashMap<(String, String), usize> {
        v.secrets
            .iter()
            .enumerate()
            .map(|(i, s)| (key(s), i))
            .collect()
    };
    let (bi, oi, ti) = (index(base), index(ours), index(theirs));
    let mut secrets = Vec::new();
    let mut merge_one = |k: &(String, String), o: Option<&Secret>, t: Option<&Secret>| {
        let b = bi.get(k).map(|&i| &base.secrets[i]);
        let mut c = SecretConflicts {
            name: &k.1,
            region: &k.0,
            out: &mut conflicts,
        };
        if let Some(s) = merge_secret(b, o, t, now, &mut c) {
            secrets.push(s);
        }
    };
    for s in &ours.secrets {
        let k = key(s);
        merge_one(&k, Some(s), ti.get(&k).map(|&i| &theirs.secrets[i]));
    }
    for s in &theirs.secrets {
        let k = key(s);
        if !oi.contains_key(&k) {
            merge_one(&k, None, Some(s));
        }
    }
    // Secrets in the base that both sides removed (purged) stay removed.
    // The server's credentials belong to the vault: either side's, ours first.
    let serving = ours.serving.clone().or_else(|| theirs.serving.clone());
    let principals = merge_principals(
        &base.principals,
        &ours.principals,
        &theirs.principals,
        serving.as_ref(),
        &mut conflicts,
    );
    Merged {
        vault: Vault {
            account_id,
            default_region,
            serving,
            principals,
            secrets,
            dirty: true,
        },
        conflicts,
    }
}

/// One record of a merge of stored vaults: copied as it was on one side, or merged anew.
pub enum Record<'a> {
    Kept(&'a [u8]),
    Merged(Box<Secret>),
}

/// A merge of stored vaults: settings, records in order, and the conflicts found.
pub struct StoredMerge<'a> {
    pub account_id: Option<String>,
    pub default_region: Option<String>,
    pub serving: Option<Serving>,
    pub principals: Vec<User>,
    pub records: Vec<Record<'a>>,
    pub conflicts: Vec<Conflict>,
}

/// [`merge3`] on the stored text: a record the same on both sides, or changed on
/// one side only, is copied as it is; only records changed on both sides are
/// parsed and merged. Same result, without parsing a whole vault three times.
pub fn merge_stored<'a>(
    base: &StoredVault<'_>,
    ours: &'a StoredVault<'_>,
    theirs: &'a StoredVault<'_>,
    now: Millis,
) -> Result<StoredMerge<'a>, serde_json::Error> {
    let mut conflicts = Vec::new();
    let (account_id, default_region) = merge_settings(
        (&base.account_id, &base.default_region),
        (&ours.account_id, &ours.default_region),
        (&theirs.account_id, &theirs.default_region),
        &mut conflicts,
    );
    let (rb, ro, rt) = (
        base.keyed_records()?,
        ours.keyed_records()?,
        theirs.keyed_records()?,
    );
    let bmap: HashMap<&(String, String), &[u8]> = rb.iter().map(|(k, r)| (k, *r)).collect();
    let tmap: HashMap<&(String, String), &'a [u8]> = rt.iter().map(|(k, r)| (k, *r)).collect();
    let omap: HashMap<&(String, String), &'a [u8]> = ro.iter().map(|(k, r)| (k, *r)).collect();
    let mut records = Vec::new();
    let mut one = |k: &(String, String), o: Option<&'a [u8]>, t: Option<&'a [u8]>| {
        let b = bmap.get(k).copied();
        let kept = if o == t || t == b {
            Some(o)
        } else if o == b {
            Some(t)
        } else {
            None
        };
        if let Some(side) = kept {
            records.extend(side.map(Record::Kept));
            return Ok::<(), serde_json::Error>(());
        }
        let parse = |r: Option<&[u8]>| r.map(serde_json::from_slice::<Secret>).transpose();
        let (b, o, t) = (parse(b)?, parse(o)?, parse(t)?);
        let mut c = SecretConflicts {
            name: &k.1,
            region: &k.0,
            out: &mut conflicts,
        };
        if let Some(s) = merge_secret(b.as_ref(), o.as_ref(), t.as_ref(), now, &mut c) {
            records.push(Record::Merged(Box::new(s)));
        }
        Ok(())
    };
    for (k, o) in &ro {
        one(k, Some(*o), tmap.get(k).copied())?;
    }
    for (k, t) in &rt {
        if !omap.contains_key(k) {
            one(k, None, Some(*t))?;
        }
    }
    let serving = ours.serving.clone().or_else(|| theirs.serving.clone());
    let principals = merge_principals(
        &base.principals,
        &ours.principals,
        &theirs.principals,
        serving.as_ref(),
        &mut conflicts,
    );
    Ok(StoredMerge {
        account_id,
        default_region,
        serving,
        principals,
        records,
        conflicts,
    })
}

/// The principals of both sides: the union, each principal merged per field (its access
/// key, its identity policy) by the three-way rule. Names are compared as IAM compares
/// them, ignoring case. A key id that ends up held twice (two principals added with the
/// same given key, or a principal's equal to the owner's) is a conflict too: a key must
/// name one principal.
fn merge_principals(
    base: &[User],
    ours: &[User],
    theirs: &[User],
    serving: Option<&Serving>,
    conflicts: &mut Vec<Conflict>,
) -> Vec<User> {
    let find = |list: &'_ [User], name: &str| -> Option<usize> {
        list.iter().position(|u| u.name.eq_ignore_ascii_case(name))
    };
    let mut add = |name: &str, field: &str| {
        conflicts.push(Conflict {
            secret: String::new(),
            region: String::new(),
            principal: Some(name.to_string()),
            field: field.to_string(),
        });
    };
    let mut names: Vec<&str> = ours.iter().map(|u| u.name.as_str()).collect();
    for u in theirs {
        if find(ours, &u.name).is_none() {
            names.push(&u.name);
        }
    }
    let mut merged: Vec<User> = Vec::new();
    for name in names {
        let b = find(base, name).map(|i| &base[i]);
        let o = find(ours, name).map(|i| &ours[i]);
        let t = find(theirs, name).map(|i| &theirs[i]);
        let user = match (b, o, t) {
            (_, None, None) => None,
            (None, Some(x), None) | (None, None, Some(x)) => Some(x.clone()),
            // Removed on one side: gone, unless the other side changed it.
            (Some(b), Some(x), None) | (Some(b), None, Some(x)) => {
                if x != b {
                    add(name, "removed on one side and changed on the other");
                    o.cloned()
                } else {
                    None
                }
            }
            (None, Some(o), Some(t)) => {
                if o != t {
                    add(name, "added on both sides differently");
                }
                Some(o.clone())
            }
            (Some(b), Some(o), Some(t)) => {
                // Compared by reference: no copy of a secret key that is not wiped.
                let same = |x: &User, y: &User| {
                    x.access_key_id == y.access_key_id
                        && x.secret_access_key == y.secret_access_key
                        && x.key_created == y.key_created
                };
                let mut u = o.clone();
                if !same(o, t) && same(o, b) {
                    // Only theirs changed the key: theirs' pair (the old one is wiped).
                    u.secret_access_key.zeroize();
                    u.secret_access_key = t.secret_access_key.clone();
                    u.access_key_id = t.access_key_id.clone();
                    u.key_created = t.key_created;
                } else if !same(o, t) && !same(t, b) {
                    add(name, "access key changed on both sides");
                }
                match pick(&b.policy, &o.policy, &t.policy) {
                    Some(p) => u.policy = p,
                    None => add(name, "identity policy changed on both sides"),
                }
                Some(u)
            }
        };
        merged.extend(user);
    }
    for (i, u) in merged.iter().enumerate() {
        let owner = serving.is_some_and(|s| s.access_key_id == u.access_key_id);
        let other = merged[..i]
            .iter()
            .find(|v| v.access_key_id == u.access_key_id);
        if owner {
            add(
                &u.name,
                "access key id is also the owner's (serve's own credentials)",
            );
        } else if let Some(v) = other {
            add(
                &u.name,
                &format!("access key id is also principal {}'s", v.name),
            );
        }
    }
    merged
}

struct SecretConflicts<'a> {
    name: &'a str,
    region: &'a str,
    out: &'a mut Vec<Conflict>,
}

impl SecretConflicts<'_> {
    fn add(&mut self, field: String) {
        self.out.push(Conflict {
            secret: self.name.to_string(),
            region: self.region.to_string(),
            principal: None,
            field,
        });
    }
}

/// The three-way rule for one value: the side that changed it wins; `None`
/// when both changed it differently.
fn pick<T: PartialEq + Clone>(b: &T, o: &T, t: &T) -> Option<T> {
    if o == t || t == b {
        Some(o.clone())
    } else if o == b {
        Some(t.clone())
    } else {
        None
    }
}

fn pick_or_conflict<T: PartialEq + Clone>(
    b: &T,
    o: &T,
    t: &T,
    field: &str,
    c: &mut SecretConflicts<'_>,
) -> T {
    pick(b, o, t).unwrap_or_else(|| {
        c.add(format!("{field} changed on both sides"));
        o.clone()
    })
}

fn merge_secret(
    b: Option<&Secret>,
    o: Option<&Secret>,
    t: Option<&Secret>,
    now: Millis,
    c: &mut SecretConflicts<'_>,
) -> Option<Secret> {
    match (b, o, t) {
        (_, None, None) => None,
        // Added on one side only, or removed on one side and untouched on the other.
        (None, Some(x), None) | (None, None, Some(x)) => Some(x.clone()),
        (Some(b), Some(x), None) | (Some(b), None, Some(x)) => {
            if x == b {
                None
            } else {
                c.add("removed on one side and changed on the other".into());
                o.cloned()
            }
        }
        (None, Some(o), Some(t)) => {
            if o.suffix != t.suffix {
                if o != t {
                    c.add("created on both sides".into());
                }
                return Some(o.clone());
            }
            // The same secret (same ARN) came in from both: merge with nothing in common.
            let empty = Secret {
                versions: Vec::new(),
                tags: None,
                purged_versions: Vec::new(),
                ..o.clone()
            };
            Some(merge_fields(&empty, o, t, now, c))
        }
        (Some(b), Some(o), Some(t)) => Some(merge_fields(b, o, t, now, c)),
    }
}

fn merge_fields(
    b: &Secret,
    o: &Secret,
    t: &Secret,
    now: Millis,
    c: &mut SecretConflicts<'_>,
) -> Secret {
    if o == t {
        return o.clone();
    }
    let mut s = o.clone();
    s.suffix = pick_or_conflict(&b.suffix, &o.suffix, &t.suffix, "ARN (recreated)", c);
    s.created = pick_or_conflict(&b.created, &o.created, &t.created, "creation date", c);
    s.description = pick_or_conflict(
        &b.description,
        &o.description,
        &t.description,
        "description",
        c,
    );
    s.kms_key_id = pick_or_conflict(&b.kms_key_id, &o.kms_key_id, &t.kms_key_id, "KMS key id", c);
    s.secret_type = pick_or_conflict(&b.secret_type, &o.secret_type, &t.secret_type, "type", c);
    s.policy = pick_or_conflict(&b.policy, &o.policy, &t.policy, "resource policy", c);
    s.rotation = pick_or_conflict(&b.rotation, &o.rotation, &t.rotation, "rotation", c);
    s.deletion_date = pick_or_conflict(
        &b.deletion_date,
        &o.deletion_date,
        &t.deletion_date,
        "scheduled deletion",
        c,
    );
    s.replicas = pick_or_conflict(&b.replicas, &o.replicas, &t.replicas, "replicas", c);
    s.last_changed = o.last_changed.max(t.last_changed);
    s.last_accessed = o.last_accessed.max(t.last_accessed);
    s.tags = merge_tags(&b.tags, &o.tags, &t.tags, c);
    s.purged_versions = o.purged_versions.clone();
    for id in &t.purged_versions {
        if !s.purged_versions.contains(id) {
            s.purged_versions.push(id.clone());
        }
    }
    s.versions = merge_versions(b, o, t, c);
    labels::cleanup(&mut s, now);
    s
}

/// Tags merge per key: each key's value follows the three-way rule.
fn merge_tags(
    b: &Option<Vec<Tag>>,
    o: &Option<Vec<Tag>>,
    t: &Option<Vec<Tag>>,
    c: &mut SecretConflicts<'_>,
) -> Option<Vec<Tag>> {
    if o.is_none() && t.is_none() {
        return None;
    }
    let get = |list: &Option<Vec<Tag>>, k: &str| {
        list.as_ref()
            .and_then(|l| l.iter().find(|t| t.key == k))
            .map(|t| t.value.clone())
    };
    let mut keys: Vec<&str> = Vec::new();
    for list in [o, t].into_iter().flatten() {
        for tag in list {
            if !keys.contains(&tag.key.as_str()) {
                keys.push(&tag.key);
            }
        }
    }
    let mut out = Vec::new();
    for k in keys {
        let (bv, ov, tv) = (get(b, k), get(o, k), get(t, k));
        let v = pick(&bv, &ov, &tv).unwrap_or_else(|| {
            c.add(format!("tag '{k}' changed on both sides"));
            ov.clone()
        });
        if let Some(value) = v {
            out.push(Tag {
                key: k.to_string(),
                value,
            });
        }
    }
    Some(out)
}

/// Versions from both sides (a version is never changed, only labelled), minus
/// those the cleanup removed on either side; labels follow the three-way rule
/// per label, and the result keeps AWS's label rules.
fn merge_versions(b: &Secret, o: &Secret, t: &Secret, c: &mut SecretConflicts<'_>) -> Vec<Version> {
    let in_base = |id: &str| b.versions.iter().any(|v| v.id == id);
    let find = |s: &Secret, id: &str| s.versions.iter().find(|v| v.id == id).cloned();
    let mut versions: Vec<Version> = Vec::new();
    for v in &o.versions {
        match find(t, &v.id) {
            Some(tv) => {
                if tv.value != v.value || tv.created != v.created {
                    c.add(format!("version {} differs between the sides", v.id));
                }
                let mut merged = v.clone();
                merged.last_accessed = v.last_accessed.max(tv.last_accessed);
                versions.push(merged);
            }
            // Removed by theirs' cleanup, or new in ours.
            None if in_base(&v.id) => {}
            None => versions.push(v.clone()),
        }
    }
    for v in &t.versions {
        if find(o, &v.id).is_none() && !in_base(&v.id) {
            versions.push(v.clone());
        }
    }
    // Oldest first, as every write keeps them; ours' order breaks ties.
    versions.sort_by_key(|v| v.created);
    let holders = |s: &Secret| -> HashMap<String, String> {
        s.versions
            .iter()
            .flat_map(|v| v.stages.iter().map(|l| (l.clone(), v.id.clone())))
            .collect()
    };
    let (hb, ho, ht) = (holders(b), holders(o), holders(t));
    let all: BTreeSet<&String> = ho.keys().chain(ht.keys()).collect();
    let mut placed: HashMap<String, String> = HashMap::new();
    for label in all {
        let (lb, lo, lt) = (hb.get(label), ho.get(label), ht.get(label));
        let at = pick(&lb, &lo, &lt).unwrap_or_else(|| {
            c.add(format!(
                "staging label {label} moved differently on both sides"
            ));
            lo
        });
        // A label on a version the other side's cleanup removed cannot stay.
        if let Some(id) = at.filter(|id| versions.iter().any(|v| &v.id == *id)) {
            placed.insert(label.clone(), id.clone());
        }
    }
    if !versions.is_empty() && !placed.contains_key(AWSCURRENT) {
        c.add(format!("staging label {AWSCURRENT} would be on no version"));
        if let Some(id) = ho.get(AWSCURRENT).or(ht.get(AWSCURRENT)) {
            placed.insert(AWSCURRENT.into(), id.clone());
        }
    }
    if placed.contains_key(AWSPREVIOUS) && placed.get(AWSPREVIOUS) == placed.get(AWSCURRENT) {
        c.add(format!(
            "staging label {AWSPREVIOUS} would share a version with {AWSCURRENT}"
        ));
        placed.remove(AWSPREVIOUS);
    }
    for v in &mut versions {
        let mine = |l: &String| placed.get(l) == Some(&v.id);
        let mut stages: Vec<String> = Vec::new();
        let sides = [find(o, &v.id), find(t, &v.id)];
        for side in sides.iter().flatten() {
            for l in &side.stages {
                if mine(l) && !stages.contains(l) {
                    stages.push(l.clone());
                }
            }
        }
        let mut rest: Vec<&String> = placed
            .iter()
            .filter(|(l, id)| **id == v.id && !stages.contains(l))
            .map(|(l, _)| l)
            .collect();
        rest.sort();
        stages.extend(rest.into_iter().cloned());
        // AWSCURRENT first, as AWS shows it.
        if let Some(p) = stages.iter().position(|s| s == AWSCURRENT) {
            let cur = stages.remove(p);
            stages.insert(0, cur);
        }
        if stages.len() > labels::MAX_LABELS {
            c.add(format!(
                "version {} would have more than {} labels",
                v.id,
                labels::MAX_LABELS
            ));
        }
        v.stages = stages;
    }
    versions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SecretValue;
    use crate::testing::vault_with;

    fn put(vault: &mut Vault, name: &str, id: &str, created: Millis) {
        let s = vault.secrets.iter_mut().find(|s| s.name == name).unwrap();
        let created = s.created + created;
        let v = Version {
            id: id.into(),
            value: Some(SecretValue::String(format!("value-{id}"))),
            stages: vec![],
            created,
            last_accessed: None,
        };
        labels::add_version(s, v, None, created);
    }

    fn secret<'v>(v: &'v Vault, name: &str) -> &'v Secret {
        v.secrets.iter().find(|s| s.name == name).unwrap()
    }

    fn holder(s: &Secret, label: &str) -> Option<String> {
        labels::holder(s, label).map(|i| s.versions[i].id.clone())
    }

    /// Every AWS label rule: one holder per label, AWSCURRENT on exactly one
    /// version, AWSPREVIOUS never with it, at most 20 labels per version.
    fn assert_label_invariants(v: &Vault) {
        for s in &v.secrets {
            let mut seen = BTreeSet::new();
            for ver in &s.versions {
                assert!(ver.stages.len() <= labels::MAX_LABELS);
                for l in &ver.stages {
                    assert!(seen.insert(l.clone()), "{l} twice in {}", s.name);
                }
                assert!(!(ver.has_stage(AWSCURRENT) && ver.has_stage(AWSPREVIOUS)));
            }
            if !s.versions.is_empty() {
                assert!(seen.contains(AWSCURRENT), "{} has no AWSCURRENT", s.name);
            }
        }
    }

    #[test]
    fn new_secrets_from_both_sides_are_kept() {
        let base = vault_with(&[("shared", "s")]);
        let mut ours = base.clone();
        ours.secrets
            .push(vault_with(&[("ours", "o")]).secrets.remove(0));
        let mut theirs = base.clone();
        theirs
            .secrets
            .push(vault_with(&[("theirs", "t")]).secrets.remove(0));
        let m = merge3(&base, &ours, &theirs, 0);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let names: Vec<&str> = m.vault.secrets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["shared", "ours", "theirs"]);
        assert_label_invariants(&m.vault);
    }

    #[test]
    fn a_new_version_on_one_side_is_taken_with_its_labels() {
        let base = vault_with(&[("db", "1")]);
        let ours = base.clone();
        let mut theirs = base.clone();
        put(&mut theirs, "db", "v2", 10);
        let m = merge3(&base, &ours, &theirs, 10);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let s = secret(&m.vault, "db");
        assert_eq!(holder(s, AWSCURRENT).as_deref(), Some("v2"));
        assert_eq!(
            holder(s, AWSPREVIOUS),
            holder(secret(&base, "db"), AWSCURRENT)
        );
        assert_label_invariants(&m.vault);
    }

    #[test]
    fn new_versions_on_both_sides_are_kept_and_awscurrent_conflicts() {
        let base = vault_with(&[("db", "1")]);
        let mut ours = base.clone();
        put(&mut ours, "db", "v-ours", 10);
        let mut theirs = base.clone();
        put(&mut theirs, "db", "v-theirs", 11);
        let m = merge3(&base, &ours, &theirs, 11);
        let s = secret(&m.vault, "db");
        let ids: Vec<&str> = s.versions.iter().map(|v| v.id.as_str()).collect();
        assert!(
            ids.contains(&"v-ours") && ids.contains(&"v-theirs"),
            "{ids:?}"
        );
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
        assert_eq!(m.conflicts[0].secret, "db");
        assert!(m.conflicts[0].field.contains("AWSCURRENT"));
        assert_eq!(holder(s, AWSCURRENT).as_deref(), Some("v-ours"));
        assert_label_invariants(&m.vault);
    }

    #[test]
    fn tags_merge_per_key() {
        let tag = |k: &str, v: &str| Tag {
            key: k.into(),
            value: v.into(),
        };
        let mut base = vault_with(&[("db", "1")]);
        base.secrets[0].tags = Some(vec![tag("team", "a"), tag("env", "dev")]);
        let mut ours = base.clone();
        ours.secrets[0].tags = Some(vec![tag("team", "b"), tag("env", "dev"), tag("o", "1")]);
        let mut theirs = base.clone();
        theirs.secrets[0].tags = Some(vec![tag("team", "a"), tag("t", "2")]);
        let m = merge3(&base, &ours, &theirs, 0);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(
            m.vault.secrets[0].tags,
            Some(vec![tag("team", "b"), tag("o", "1"), tag("t", "2")])
        );
    }

    #[test]
    fn the_same_tag_changed_differently_is_a_conflict() {
        let tag = |v: &str| {
            Some(vec![Tag {
                key: "team".into(),
                value: v.into(),
            }])
        };
        let mut base = vault_with(&[("db", "1")]);
        base.secrets[0].tags = tag("a");
        let mut ours = base.clone();
        ours.secrets[0].tags = tag("b");
        let mut theirs = base.clone();
        theirs.secrets[0].tags = tag("c");
        let m = merge3(&base, &ours, &theirs, 0);
        assert_eq!(m.conflicts.len(), 1);
        assert!(m.conflicts[0].field.contains("tag 'team'"));
    }

    #[test]
    fn descriptions_and_policies_merge_per_field() {
        let base = vault_with(&[("db", "1")]);
        let mut ours = base.clone();
        ours.secrets[0].description = Some("ours".into());
        let mut theirs = base.clone();
        theirs.secrets[0].policy = Some("{}".into());
        let m = merge3(&base, &ours, &theirs, 0);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.vault.secrets[0].description.as_deref(), Some("ours"));
        assert_eq!(m.vault.secrets[0].policy.as_deref(), Some("{}"));
    }

    #[test]
    fn the_same_description_changed_differently_is_a_conflict_without_values() {
        let base = vault_with(&[("db", "1")]);
        let mut ours = base.clone();
        ours.secrets[0].description = Some("secret-ours-text".into());
        let mut theirs = base.clone();
        theirs.secrets[0].description = Some("secret-theirs-text".into());
        let m = merge3(&base, &ours, &theirs, 0);
        assert_eq!(m.conflicts.len(), 1);
        let line = m.conflicts[0].to_string();
        assert!(
            line.contains("db") && line.contains("description"),
            "{line}"
        );
        assert!(!line.contains("secret-ours") && !line.contains("secret-theirs"));
    }

    #[test]
    fn a_secret_removed_on_one_side_and_changed_on_the_other_conflicts() {
        let base = vault_with(&[("db", "1"), ("keep", "2")]);
        let mut ours = base.clone();
        ours.secrets.retain(|s| s.name != "db");
        let mut theirs = base.clone();
        put(&mut theirs, "db", "v2", 10);
        let m = merge3(&base, &ours, &theirs, 10);
        assert_eq!(m.conflicts.len(), 1);
        assert!(m.conflicts[0].field.contains("removed on one side"));
        // Removed on one side and untouched on the other: removed.
        let m = merge3(&base, &ours, &base, 10);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.vault.secrets.len(), 1);
    }

    #[test]
    fn labels_moved_differently_conflict_and_moved_alike_do_not() {
        let mut base = vault_with(&[("db", "1")]);
        put(&mut base, "db", "v2", 10);
        put(&mut base, "db", "v3", 20);
        let first = base.secrets[0].versions[0].id.clone();
        let stage = |v: &mut Vault, label: &str, id: &str| {
            let s = &mut v.secrets[0];
            let i = labels::version_index(s, id).unwrap();
            labels::attach(s, label, i).unwrap();
        };
        let mut ours = base.clone();
        stage(&mut ours, "BLUE", "v2");
        let mut theirs = base.clone();
        stage(&mut theirs, "BLUE", "v2");
        let m = merge3(&base, &ours, &theirs, 20);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let mut theirs = base.clone();
        stage(&mut theirs, "BLUE", &first);
        let m = merge3(&base, &ours, &theirs, 20);
        assert_eq!(m.conflicts.len(), 1);
        assert!(m.conflicts[0].field.contains("BLUE"));
        assert_label_invariants(&m.vault);
    }

    #[test]
    fn a_secret_created_on_both_sides_with_different_arns_conflicts() {
        let base = Vault::default();
        let ours = vault_with(&[("db", "1")]);
        let mut theirs = vault_with(&[("db", "2")]);
        theirs.secrets[0].suffix = "zzzzzz".into();
        let m = merge3(&base, &ours, &theirs, 0);
        assert_eq!(m.conflicts.len(), 1);
        assert!(m.conflicts[0].field.contains("created on both sides"));
    }

    #[test]
    fn the_stored_merge_gives_the_model_merge() {
        use crate::stored::{Scope, write_records, write_vault};
        let base = vault_with(&[("a", "1"), ("b", "2"), ("gone", "3")]);
        let mut ours = base.clone();
        put(&mut ours, "a", "va", 10);
        ours.secrets.retain(|s| s.name != "gone");
        ours.secrets
            .push(vault_with(&[("new-ours", "o")]).secrets.remove(0));
        let mut theirs = base.clone();
        put(&mut theirs, "b", "vb", 10);
        put(&mut theirs, "a", "va2", 20);
        theirs
            .secrets
            .push(vault_with(&[("new-theirs", "t")]).secrets.remove(0));
        let model = merge3(&base, &ours, &theirs, 20);
        let texts = [&base, &ours, &theirs].map(|v| write_vault(v).unwrap());
        let [sb, so, st] = [0, 1, 2].map(|i| StoredVault::parse(&texts[i]).unwrap());
        let merged = merge_stored(&sb, &so, &st, 20).unwrap();
        assert_eq!(merged.conflicts, model.conflicts);
        let owned: Vec<Vec<u8>> = merged
            .records
            .iter()
            .map(|r| match r {
                Record::Kept(raw) => raw.to_vec(),
                Record::Merged(s) => serde_json::to_vec(s).unwrap(),
            })
            .collect();
        let refs: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
        let text = write_records(
            merged.account_id,
            merged.default_region,
            merged.serving,
            merged.principals,
            &refs,
        )
        .unwrap();
        let back = StoredVault::parse(&text)
            .unwrap()
            .select(&Scope::All, 20)
            .unwrap();
        assert_eq!(back.vault.secrets, model.vault.secrets);
    }

    #[test]
    fn vault_settings_merge_too() {
        let base = Vault::default();
        let mut ours = base.clone();
        ours.default_region = Some("eu-west-1".into());
        let mut theirs = base.clone();
        theirs.account_id = Some("111122223333".into());
        let m = merge3(&base, &ours, &theirs, 0);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.vault.account_id.as_deref(), Some("111122223333"));
        assert_eq!(m.vault.default_region.as_deref(), Some("eu-west-1"));
    }

    #[test]
    fn the_servers_credentials_survive_a_merge_from_either_side() {
        let serving = crate::model::Serving {
            access_key_id: "AKIAEXAMPLE".into(),
            secret_access_key: "k".into(),
            agent_token: "t".into(),
        };
        let base = Vault::default();
        let mut theirs = base.clone();
        theirs.serving = Some(serving.clone());
        assert_eq!(
            merge3(&base, &base, &theirs, 0).vault.serving,
            Some(serving.clone())
        );
        let texts = [&base, &base, &theirs].map(|v| crate::stored::write_vault(v).unwrap());
        let [sb, so, st] = [0, 1, 2].map(|i| StoredVault::parse(&texts[i]).unwrap());
        assert_eq!(
            merge_stored(&sb, &so, &st, 0).unwrap().serving,
            Some(serving)
        );
    }

    fn user(name: &str, id: &str, policy: Option<&str>) -> User {
        User {
            name: name.into(),
            access_key_id: id.into(),
            secret_access_key: format!("secret-of-{name}-{id}"),
            policy: policy.map(str::to_string),
            created: 1,
            key_created: 1,
        }
    }

    fn holding(principals: Vec<User>) -> Vault {
        Vault {
            principals,
            ..Vault::default()
        }
    }

    fn names(v: &Vault) -> Vec<&str> {
        v.principals.iter().map(|u| u.name.as_str()).collect()
    }

    #[test]
    fn principals_added_on_either_side_are_united() {
        let mut base = Vault::default();
        base.principals.push(user("ci", "K1", None));
        let mut ours = base.clone();
        ours.principals.push(user("ours", "K2", None));
        let mut theirs = base.clone();
        theirs.principals.push(user("theirs", "K3", Some("{}")));
        let m = merge3(&base, &ours, &theirs, 0);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(names(&m.vault), ["ci", "ours", "theirs"]);
        // The same principal added identically on both sides is one.
        let m = merge3(&Vault::default(), &ours, &ours, 0);
        assert!(m.conflicts.is_empty());
        assert_eq!(names(&m.vault), ["ci", "ours"]);
    }

    #[test]
    fn a_principal_changed_on_one_side_takes_that_change_per_field() {
        let mut base = Vault::default();
        base.principals.push(user("ci", "K1", Some("base")));
        let mut ours = base.clone();
        ours.principals[0].policy = Some("ours".into());
        let mut theirs = base.clone();
        theirs.principals[0] = user("ci", "K9", Some("base"));
        theirs.principals[0].key_created = 5;
        let m = merge3(&base, &ours, &theirs, 0);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let u = &m.vault.principals[0];
        assert_eq!(u.policy.as_deref(), Some("ours"));
        assert_eq!((u.access_key_id.as_str(), u.key_created), ("K9", 5));
        assert_eq!(u.secret_access_key, "secret-of-ci-K9");
    }

    #[test]
    fn a_principal_removed_on_one_side_is_gone_unless_the_other_changed_it() {
        let mut base = Vault::default();
        base.principals.push(user("ci", "K1", None));
        let ours = Vault::default();
        let m = merge3(&base, &ours, &base, 0);
        assert!(m.conflicts.is_empty());
        assert!(m.vault.principals.is_empty());
        let mut theirs = base.clone();
        theirs.principals[0].policy = Some("new".into());
        let m = merge3(&base, &ours, &theirs, 0);
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(
            m.conflicts[0].to_string(),
            "principal ci: removed on one side and changed on the other"
        );
    }

    #[test]
    fn a_principals_key_or_policy_changed_differently_is_a_conflict_naming_no_value() {
        let mut base = Vault::default();
        base.principals.push(user("ci", "K1", Some("base-policy")));
        let mut ours = base.clone();
        ours.principals[0] = user("ci", "K2", Some("ours-policy"));
        let mut theirs = base.clone();
        theirs.principals[0] = user("ci", "K3", Some("theirs-policy"));
        let m = merge3(&base, &ours, &theirs, 0);
        let said: Vec<String> = m.conflicts.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "principal ci: access key changed on both sides",
                "principal ci: identity policy changed on both sides"
            ]
        );
        for s in &said {
            assert!(
                !s.contains("secret-of") && !s.contains("K2") && !s.contains("policy\""),
                "{s}"
            );
        }
        // Added differently on both sides (names ignore case).
        let ours = holding(vec![user("Dev", "K5", None)]);
        let theirs = holding(vec![user("dev", "K6", None)]);
        let m = merge3(&Vault::default(), &ours, &theirs, 0);
        assert_eq!(
            m.conflicts[0].to_string(),
            "principal Dev: added on both sides differently"
        );
    }

    #[test]
    fn a_key_id_held_twice_after_a_merge_is_a_conflict() {
        let ours = holding(vec![user("a", "test", None)]);
        let theirs = holding(vec![user("b", "test", None)]);
        let m = merge3(&Vault::default(), &ours, &theirs, 0);
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(
            m.conflicts[0].to_string(),
            "principal b: access key id is also principal a's"
        );
        let theirs = Vault {
            serving: Some(crate::model::Serving {
                access_key_id: "test".into(),
                secret_access_key: "s".into(),
                agent_token: "t".into(),
            }),
            ..Vault::default()
        };
        let m = merge3(&Vault::default(), &ours, &theirs, 0);
        assert_eq!(
            m.conflicts[0].to_string(),
            "principal a: access key id is also the owner's (serve's own credentials)"
        );
    }

    #[test]
    fn the_stored_merge_merges_principals_as_the_model_merge() {
        use crate::stored::write_vault;
        let mut base = vault_with(&[("a", "1")]);
        base.principals.push(user("ci", "K1", None));
        let mut ours = base.clone();
        ours.principals.push(user("ours", "K2", None));
        let mut theirs = base.clone();
        theirs.principals[0].policy = Some("p".into());
        let model = merge3(&base, &ours, &theirs, 0);
        let texts = [&base, &ours, &theirs].map(|v| write_vault(v).unwrap());
        let [sb, so, st] = [0, 1, 2].map(|i| StoredVault::parse(&texts[i]).unwrap());
        let merged = merge_stored(&sb, &so, &st, 0).unwrap();
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.principals, model.vault.principals);
        assert_eq!(names(&model.vault), ["ci", "ours"]);
        assert_eq!(model.vault.principals[0].policy.as_deref(), Some("p"));
    }
}

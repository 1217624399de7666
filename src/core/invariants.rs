//! The rules every vault obeys between operations (a staging label marks one version at
//! most; a name is unique in each region), checked on the secrets read from a file, so a
//! vault that breaks them is refused instead of carried on.

use std::collections::HashMap;
use std::fmt;

use super::model::Secret;

/// A broken rule: the secret, the region and the rule; never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub secret: String,
    pub region: String,
    pub rule: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "secret {:?} in {} breaks a rule: {}",
            self.secret, self.region, self.rule
        )
    }
}

/// Checks `secrets` (any subset of a vault that holds every secret of the names it
/// holds): each label on one version at most, each name once per region.
pub fn check(secrets: &[Secret]) -> Result<(), Violation> {
    secrets.iter().try_for_each(check_labels)?;
    check_names(secrets)
}

/// A staging label marks one version at most (AWSCURRENT included).
pub fn check_labels(secret: &Secret) -> Result<(), Violation> {
    let mut holders: Vec<(&str, usize)> = Vec::new();
    for version in &secret.versions {
        let mut seen_here: Vec<&str> = Vec::new();
        for label in &version.stages {
            // A label listed twice on one version is still on one version.
            if seen_here.contains(&label.as_str()) {
                continue;
            }
            seen_here.push(label);
            match holders.iter_mut().find(|(l, _)| *l == label) {
                Some((_, n)) => *n += 1,
                None => holders.push((label, 1)),
            }
        }
    }
    match holders.into_iter().find(|&(_, n)| n > 1) {
        Some((label, n)) => Err(Violation {
            secret: secret.name.clone(),
            region: secret.region.clone(),
            rule: format!(
                "the staging label {label} is on {n} versions; a label marks one version at most"
            ),
        }),
        None => Ok(()),
    }
}

/// A name is unique in each region: a secret is seen in its own region and in its
/// replicas', so two secrets of one name may not share any of those.
pub fn check_names(secrets: &[Secret]) -> Result<(), Violation> {
    let mut seen: HashMap<(&str, &str), ()> = HashMap::new();
    for secret in secrets {
        let regions = std::iter::once(secret.region.as_str())
            .chain(secret.replicas.iter().map(|r| r.region.as_str()));
        let mut own: Vec<&str> = Vec::new();
        for region in regions {
            if own.contains(&region) {
                continue;
            }
            own.push(region);
            if seen.insert((secret.name.as_str(), region), ()).is_some() {
                return Err(Violation {
                    secret: secret.name.clone(),
                    region: region.to_string(),
                    rule: "two secrets have this name in this region; a name is unique in a region"
                        .into(),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{AWSCURRENT, AWSPREVIOUS, Replica};
    use crate::core::testing::vault_with;

    fn with_second_version(stages: &[&str]) -> Secret {
        let mut s = vault_with(&[("app/db", "v1")]).secrets.remove(0);
        let mut v = s.versions[0].clone();
        v.id = "second".into();
        v.stages = stages.iter().map(|l| l.to_string()).collect();
        s.versions.push(v);
        s
    }

    #[test]
    fn a_label_marks_one_version_at_most() {
        assert_eq!(check_labels(&with_second_version(&[AWSPREVIOUS])), Ok(()));
        let e = check_labels(&with_second_version(&[AWSCURRENT])).unwrap_err();
        assert_eq!(e.secret, "app/db");
        assert!(e.rule.contains("AWSCURRENT is on 2 versions"), "{e}");
        let mut custom = with_second_version(&["prod"]);
        custom.versions[0].stages.push("prod".into());
        assert!(check_labels(&custom).unwrap_err().rule.contains("prod"));
        let mut repeated = with_second_version(&[]);
        repeated.versions[0].stages.push(AWSCURRENT.into());
        assert_eq!(check_labels(&repeated), Ok(()), "twice on one version");
    }

    #[test]
    fn a_name_is_unique_in_each_region_replicas_included() {
        let v = vault_with(&[("a", "1"), ("b", "2")]);
        assert_eq!(check(&v.secrets), Ok(()));
        let mut twice = v.secrets.clone();
        let mut again = twice[0].clone();
        again.suffix = "other1".into();
        twice.push(again);
        let e = check(&twice).unwrap_err();
        assert_eq!((e.secret.as_str(), e.region.as_str()), ("a", "us-east-1"));
        assert!(e.rule.contains("unique"), "{e}");
        // The same name in two regions is allowed, until a replica lands on the other.
        twice[2].region = "eu-west-1".into();
        assert_eq!(check(&twice), Ok(()));
        twice[0].replicas.push(Replica {
            region: "eu-west-1".into(),
            kms_key_id: None,
            last_accessed: None,
        });
        assert_eq!(check(&twice).unwrap_err().region, "eu-west-1");
    }

    #[test]
    fn the_message_names_secret_region_and_rule_only() {
        let mut s = with_second_version(&[AWSCURRENT]);
        s.versions[0].value = Some(crate::core::model::SecretValue::String("s3cr3t".into()));
        let text = check(&[s]).unwrap_err().to_string();
        assert!(text.contains("\"app/db\" in us-east-1"), "{text}");
        assert!(!text.contains("s3cr3t"));
    }
}

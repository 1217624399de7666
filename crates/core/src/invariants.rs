//! The rules every vault obeys between operations (a staging label marks one version at
//! most; a name is unique in each region, [`super::replication::duplicate_name`]), checked
//! on the secrets read from a file, so a vault that breaks them is refused, not carried on.

use std::fmt;

use super::model::{Secret, Vault};

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

/// The first rule `vault` breaks, in words naming the secret, region and rule (never a
/// value); `None` when it keeps them all. `vault` may be a partial load that holds every
/// secret of each name it holds, so a clash of names is seen.
pub fn broken_rule(vault: &Vault) -> Option<String> {
    if let Some((name, region)) = super::replication::duplicate_name(vault) {
        return Some(format!(
            "the name {name} is held by two secrets in {region}"
        ));
    }
    vault
        .secrets
        .iter()
        .try_for_each(check_labels)
        .err()
        .map(|v| v.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AWSCURRENT, AWSPREVIOUS};
    use crate::testing::vault_with;

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
    fn broken_rule_names_a_clash_of_names_then_a_label_on_two_versions() {
        let v = vault_with(&[("a", "1"), ("b", "2")]);
        assert_eq!(broken_rule(&v), None);
        let mut twice = v.clone();
        let mut again = twice.secrets[0].clone();
        again.suffix = "other1".into();
        twice.secrets.push(again);
        assert_eq!(
            broken_rule(&twice).as_deref(),
            Some("the name a is held by two secrets in us-east-1")
        );
        let mut labels = v.clone();
        labels.secrets[1] = with_second_version(&[AWSCURRENT]);
        let rule = broken_rule(&labels).unwrap();
        assert!(
            rule.contains("\"app/db\" in us-east-1") && rule.contains("AWSCURRENT"),
            "{rule}"
        );
    }

    #[test]
    fn the_message_names_secret_region_and_rule_only() {
        let mut s = with_second_version(&[AWSCURRENT]);
        s.versions[0].value = Some(crate::model::SecretValue::String("s3cr3t".into()));
        let text = check_labels(&s).unwrap_err().to_string();
        assert!(text.contains("\"app/db\" in us-east-1"), "{text}");
        assert!(!text.contains("s3cr3t"));
    }
}

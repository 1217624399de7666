//! `smvault git-merge BASE OURS THEIRS` (a git merge driver) and `smvault git-diff FILE` (a git
//! textconv): vaults merged per secret and shown as text, values never printed.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Arg, ArgMatches, Command};

use super::exit::CliError;
use super::settings::Settings;
use crate::core::model::{SecretValue, Vault};
use crate::service::git_merge;
use crate::service::recipients::Entry;

const GIT_SETUP: &str = "  # .gitattributes (committed)\n  \
    *.age merge=smvault diff=smvault\n  \
    # each clone\n  \
    git config merge.smvault.driver \"smvault git-merge %O %A %B\"\n  \
    git config diff.smvault.textconv \"smvault git-diff\"";

pub fn merge_command() -> Command {
    let file = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .required(true)
            .value_name(name.to_uppercase())
            .value_parser(clap::value_parser!(PathBuf))
            .help(help)
    };
    Command::new("git-merge")
        .about("Merge two branches' vaults (a git merge driver: %O %A %B)")
        .long_about(
            "Merge two branches' vaults, as a git merge driver.\n\n\
             The three vaults are decrypted and merged per secret: new secrets and new versions \
             from both sides are kept; tags, descriptions and policies merge per key; recipients \
             added on either side are kept and those removed on either side are dropped; \
             principals (`smvault principals`) merge per principal, their access key and \
             identity policy as fields. The \
             result is written into OURS, encrypted to the merged recipient list. When both \
             sides changed the same field differently, or moved a staging label differently, \
             OURS is left untouched, the conflicting secrets and fields (never values) are \
             printed, and the exit status is 1.",
        )
        .after_long_help(super::args::sections(&[("Git setup", GIT_SETUP)]))
        .arg(file("base", "The common ancestor's vault (%O)"))
        .arg(file("ours", "Our vault (%A), replaced by the merged vault"))
        .arg(file("theirs", "Their vault (%B)"))
}

pub fn diff_command() -> Command {
    Command::new("git-diff")
        .about("Print a vault as text for diffs (a git textconv); values are never shown")
        .long_about(
            "Print a vault as text for diffs, as a git textconv: recipients, principals (their access key id and identity policy), then each secret's \
             name, description, tags, policy, rotation and versions with their staging labels. \
             Values are never printed, nor any hash of them: a new value shows as a new version.",
        )
        .after_long_help(super::args::sections(&[("Git setup", GIT_SETUP)]))
        .arg(
            Arg::new("file")
                .required(true)
                .value_name("FILE")
                .value_parser(clap::value_parser!(PathBuf)),
        )
}

pub fn merge(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let path = |k: &str| m.get_one::<PathBuf>(k).expect("required");
    let ours = path("ours");
    let conflicts = git_merge::merge(&settings.env, path("base"), ours, path("theirs"))?;
    if conflicts.is_empty() {
        return Ok(());
    }
    let mut text = format!(
        "{} conflict(s) merging the vault; {} was left as ours:",
        conflicts.len(),
        ours.display()
    );
    for c in &conflicts {
        let _ = write!(text, "\n  {c}");
    }
    text.push_str(
        "\n  hint: keep one side (`git checkout --ours FILE` or `--theirs FILE`), redo the other side's change with smvault, then `git add FILE`",
    );
    Err(CliError::MergeConflict(text))
}

pub fn diff(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let file = m.get_one::<PathBuf>("file").expect("required");
    let (vault, list) = git_merge::load(&settings.env, file)?;
    super::print(&render(&vault, &list))
}

/// Free text on one line: a newline in a description must not fake a line of the diff.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            c if c.is_control() => " ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn date(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| ms.to_string())
}

/// A policy on one line (JSON compacted; text that is not JSON, made one line).
fn compact(policy: &str) -> String {
    serde_json::from_str::<serde_json::Value>(policy)
        .map(|v| v.to_string())
        .unwrap_or_else(|_| one_line(policy))
}

/// The text a diff compares. Access dates are left out: a read would show as a change.
fn render(vault: &Vault, list: &[Entry]) -> String {
    let mut out = String::new();
    if let Some(a) = &vault.account_id {
        let _ = writeln!(out, "account id: {a}");
    }
    if let Some(r) = &vault.default_region {
        let _ = writeln!(out, "default region: {r}");
    }
    for e in list {
        let label = e
            .label
            .as_deref()
            .map(|l| format!("  # {}", one_line(l)))
            .unwrap_or_default();
        let _ = writeln!(out, "recipient: {}{label}", e.key);
    }
    // A principal's key shows by its id and date, never its secret key.
    for u in &vault.principals {
        let _ = writeln!(
            out,
            "principal: {} access key {} created {}",
            u.name,
            u.access_key_id,
            date(u.key_created)
        );
        if let Some(p) = &u.policy {
            let _ = writeln!(out, "  identity policy: {}", compact(p));
        }
    }
    for s in &vault.secrets {
        let _ = writeln!(
            out,
            "\nsecret {} ({}) created {}",
            s.name,
            s.region,
            date(s.created)
        );
        if let Some(d) = &s.description {
            let _ = writeln!(out, "  description: {}", one_line(d));
        }
        if let Some(k) = &s.kms_key_id {
            let _ = writeln!(out, "  kms key id: {k}");
        }
        if let Some(d) = s.deletion_date {
            let _ = writeln!(out, "  deleted, purged after {}", date(d));
        }
        for t in s.tags.iter().flatten() {
            let _ = writeln!(out, "  tag {} = {}", one_line(&t.key), one_line(&t.value));
        }
        if let Some(p) = &s.policy {
            let _ = writeln!(out, "  resource policy: {}", compact(p));
        }
        if let Some(r) = &s.rotation {
            let _ = writeln!(
                out,
                "  rotation: {} function {} rules {}",
                if r.enabled { "enabled" } else { "disabled" },
                r.lambda_arn.as_deref().unwrap_or("-"),
                r.rules
                    .as_ref()
                    .and_then(|r| serde_json::to_string(r).ok())
                    .unwrap_or_else(|| "-".into())
            );
        }
        for r in &s.replicas {
            let _ = writeln!(out, "  replica: {}", r.region);
        }
        for v in &s.versions {
            let kind = match &v.value {
                Some(SecretValue::String(_)) => "string value",
                Some(SecretValue::Binary(_)) => "binary value",
                None => "no value",
            };
            let stages = if v.stages.is_empty() {
                String::new()
            } else {
                format!(" [{}]", v.stages.join(", "))
            };
            let _ = writeln!(
                out,
                "  version {} created {}: {kind}{stages}",
                v.id,
                date(v.created)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::vault_with;

    #[test]
    fn textconv_shows_structure_and_never_a_value() {
        let mut vault = vault_with(&[("app/db", "hunter2-canary")]);
        vault.secrets[0].description = Some("the database\nsecret evil (us-east-1)".into());
        let list = vec![Entry {
            key: "age1xyz".into(),
            label: Some("alice".into()),
        }];
        let text = render(&vault, &list);
        assert!(text.contains("recipient: age1xyz  # alice"), "{text}");
        assert!(text.contains("secret app/db (us-east-1)"), "{text}");
        assert!(
            text.contains("description: the database\\nsecret evil"),
            "{text}"
        );
        assert!(text.contains(": string value [AWSCURRENT]"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
    }

    #[test]
    fn textconv_shows_principals_by_key_id_never_their_secret_key() {
        let mut vault = vault_with(&[]);
        vault.principals.push(crate::core::model::User {
            name: "ci".into(),
            access_key_id: "AKIACI".into(),
            secret_access_key: "ci-secret-canary".into(),
            policy: Some("{\n \"Statement\": []\n}".into()),
            created: 0,
            key_created: 1_000,
        });
        let text = render(&vault, &[]);
        assert!(
            text.contains("principal: ci access key AKIACI created 1970-01-01T00:00:01Z\n  identity policy: {\"Statement\":[]}\n"),
            "{text}"
        );
        assert!(!text.contains("ci-secret-canary"), "{text}");
    }
}

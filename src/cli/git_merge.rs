//! `smvault git-merge BASE OURS THEIRS` (a git merge driver) and `smvault git-diff FILE` (a git
//! textconv): vaults merged per secret and shown as text, values never printed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Arg, ArgMatches, Command};

use super::exit::CliError;
use super::settings::Settings;
use super::txn::open_store;
use crate::core::merge::{Record, merge_stored};
use crate::core::model::{SecretValue, Vault};
use crate::core::stored::{Scope, StoredVault, write_records};
use crate::vault::recipients::{self, Entry};
use crate::vault::{Store, VaultError};
use crate::wipe::WipedBytes;

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
             added on either side are kept and those removed on either side are dropped. The \
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
            "Print a vault as text for diffs, as a git textconv: recipients, then each secret's \
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

/// One side of a merge: its secrets and recipients (an empty or missing file, as git
/// passes for a vault both sides created, is an empty vault with no recipients).
fn load(store: &Store, settings: &Settings) -> Result<(Vault, Vec<Entry>), CliError> {
    if std::fs::metadata(store.path()).is_ok_and(|m| m.len() == 0) {
        return Ok((Vault::default(), Vec::new()));
    }
    let Some(plaintext) = store.read()? else {
        return Ok((Vault::default(), Vec::new()));
    };
    let text = store.decode_text(&plaintext)?;
    let corrupt = |e: serde_json::Error| {
        CliError::Vault(VaultError::Corrupt {
            path: store.path().to_path_buf(),
            line: e.line(),
            column: e.column(),
        })
    };
    let stored = StoredVault::parse(&text).map_err(corrupt)?;
    let vault = stored
        .select(&Scope::All, settings.now)
        .map_err(corrupt)?
        .vault;
    Ok((vault, store.recipients()))
}

fn store_at(settings: &Settings, path: &Path) -> Result<Store, CliError> {
    let mut here = settings.clone();
    here.vault_path = path.to_path_buf();
    open_store(&here, false)?.ok_or_else(|| {
        CliError::Vault(VaultError::NoIdentity {
            path: match &settings.identity {
                super::settings::IdentitySource::File(p) => p.clone(),
                super::settings::IdentitySource::Text(_) => PathBuf::from("SMVAULT_AGE_KEY"),
            },
        })
    })
}

/// The decrypted text of one side (`None`: an empty or missing file, as git passes
/// for a vault both sides created) and its recipients (none then).
fn read_side(store: &Store) -> Result<(Option<WipedBytes>, Vec<Entry>), CliError> {
    if std::fs::metadata(store.path()).is_ok_and(|m| m.len() == 0) {
        return Ok((None, Vec::new()));
    }
    match store.read()? {
        Some(p) => Ok((Some(p), store.recipients())),
        None => Ok((None, Vec::new())),
    }
}

fn parse<'t>(store: &Store, text: Option<&'t [u8]>) -> Result<StoredVault<'t>, CliError> {
    match text {
        Some(t) => StoredVault::parse(t).map_err(|e| corrupt(store, &e)),
        None => Ok(StoredVault::default()),
    }
}

fn corrupt(store: &Store, e: &serde_json::Error) -> CliError {
    CliError::Vault(VaultError::Corrupt {
        path: store.path().to_path_buf(),
        line: e.line(),
        column: e.column(),
    })
}

pub fn merge(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let path = |k: &str| m.get_one::<PathBuf>(k).expect("required").clone();
    let ours_path = path("ours");
    let ours_store = store_at(settings, &ours_path)?;
    let stores = [
        ours_store.with_path(path("base")),
        ours_store.with_path(path("theirs")),
    ];
    let [(pb, rb), (pt, rt)] = [read_side(&stores[0])?, read_side(&stores[1])?];
    let (po, ro) = read_side(&ours_store)?;
    let texts = [(&stores[0], &pb), (&ours_store, &po), (&stores[1], &pt)]
        .map(|(store, p)| p.as_ref().map(|p| store.decode_text(p)).transpose());
    let [tb, to, tt] = texts;
    let (tb, to, tt) = (tb?, to?, tt?);
    let (sb, so, st) = (
        parse(&stores[0], tb.as_deref())?,
        parse(&ours_store, to.as_deref())?,
        parse(&stores[1], tt.as_deref())?,
    );
    let merged = merge_stored(&sb, &so, &st, settings.now).map_err(|e| corrupt(&ours_store, &e))?;
    if !merged.conflicts.is_empty() {
        let mut text = format!(
            "{} conflict(s) merging the vault; {} was left as ours:",
            merged.conflicts.len(),
            ours_path.display()
        );
        for c in &merged.conflicts {
            let _ = write!(text, "\n  {c}");
        }
        text.push_str(
            "\n  hint: keep one side (`git checkout --ours FILE` or `--theirs FILE`), redo the other side's change with smvault, then `git add FILE`",
        );
        return Err(CliError::MergeConflict(text));
    }
    ours_store.set_recipients(recipients::merge3(&rb, &ro, &rt), false)?;
    let fail = |e: serde_json::Error| CliError::General(format!("cannot write the vault: {e}"));
    let fresh: Vec<WipedBytes> = merged
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Merged(s) => Some(serde_json::to_vec(s).map(WipedBytes)),
            Record::Kept(_) => None,
        })
        .collect::<Result<_, _>>()
        .map_err(fail)?;
    let mut fresh_iter = fresh.iter();
    let records: Vec<&[u8]> = merged
        .records
        .iter()
        .map(|r| match r {
            Record::Kept(raw) => *raw,
            Record::Merged(_) => fresh_iter.next().map_or(&b""[..], |w| w.as_slice()),
        })
        .collect();
    let data = write_records(
        merged.account_id.clone(),
        merged.default_region.clone(),
        &records,
    )
    .map_err(fail)?;
    // OURS is git's temporary file, not a shared vault: no lock, the same atomic write.
    ours_store.save_text(None, &data)?;
    Ok(())
}

pub fn diff(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let file = m.get_one::<PathBuf>("file").expect("required");
    let store = store_at(settings, file)?;
    let (vault, list) = load(&store, settings)?;
    super::print(&render(&vault, &list))
}

fn date(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| ms.to_string())
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
            .map(|l| format!("  # {l}"))
            .unwrap_or_default();
        let _ = writeln!(out, "recipient: {}{label}", e.key);
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
            let _ = writeln!(out, "  description: {d}");
        }
        if let Some(k) = &s.kms_key_id {
            let _ = writeln!(out, "  kms key id: {k}");
        }
        if let Some(d) = s.deletion_date {
            let _ = writeln!(out, "  deleted, purged after {}", date(d));
        }
        for t in s.tags.iter().flatten() {
            let _ = writeln!(out, "  tag {} = {}", t.key, t.value);
        }
        if let Some(p) = &s.policy {
            let compact = serde_json::from_str::<serde_json::Value>(p)
                .map(|v| v.to_string())
                .unwrap_or_else(|_| p.clone());
            let _ = writeln!(out, "  resource policy: {compact}");
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
        vault.secrets[0].description = Some("the database".into());
        let list = vec![Entry {
            key: "age1xyz".into(),
            label: Some("alice".into()),
        }];
        let text = render(&vault, &list);
        assert!(text.contains("recipient: age1xyz  # alice"), "{text}");
        assert!(text.contains("secret app/db (us-east-1)"), "{text}");
        assert!(text.contains("description: the database"), "{text}");
        assert!(text.contains(": string value [AWSCURRENT]"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
    }
}

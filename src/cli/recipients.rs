//! `smvault recipients list|add|remove` and `init --recipient`: who the vault is encrypted to,
//! with the lock-out guard and the warning that removing someone is not revoking them.

use std::io::Write;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{Value, json};

use super::exit::CliError;
use super::settings::Settings;
use super::txn::open_store;
use crate::core::model::Vault;
use crate::core::stored::{Scope, StoredVault};
use crate::vault::recipients::{self, Entry};
use crate::vault::{Store, VaultError};

const RECIPIENT_FORMS: &str = "RECIPIENT is an age X25519 public key (age1…), an ssh-ed25519 or \
ssh-rsa public key (quoted, as in a .pub file), or the path of a file holding one key.";

pub fn command() -> Command {
    let force = Arg::new("force").long("force").action(ArgAction::SetTrue).help(
        "Allow a list that your own identity cannot decrypt (you will not be able to read the vault)",
    );
    Command::new("recipients")
        .about("List, add or remove the public keys the vault is encrypted to (a team's vault)")
        .long_about(
            "List, add or remove the public keys the vault is encrypted to.\n\n\
             Every recipient's identity (age identity file or ssh private key) opens the vault, \
             with smvault or with `age -d`. The list is kept inside the encrypted vault; each \
             change rewrites the vault, under the lock, encrypted to the new list.",
        )
        .subcommand_required(true)
        .subcommand(
            Command::new("list")
                .about("Print the recipients, as an age recipients file (labels as # comments)"),
        )
        .subcommand(
            Command::new("add")
                .about("Add a recipient and re-encrypt the vault to the new list")
                .long_about(format!(
                    "Add a recipient and re-encrypt the vault to the new list.\n\n{RECIPIENT_FORMS} \
                     An ssh key's comment becomes its label unless --label is given."
                ))
                .arg(Arg::new("recipient").required(true).value_name("RECIPIENT"))
                .arg(
                    Arg::new("label")
                        .long("label")
                        .value_name("LABEL")
                        .help("A name for the recipient, e.g. an email address"),
                )
                .arg(force.clone()),
        )
        .subcommand(
            Command::new("remove")
                .about("Remove a recipient (by key or label) and re-encrypt the vault without it")
                .long_about(
                    "Remove a recipient (by key or label) and re-encrypt the vault without it.\n\n\
                     Removing is not revoking: the removed person may keep copies of the vault \
                     (git history, backups) and the secret values in them. smvault lists those \
                     secrets on stderr; rotate them (--rotate runs every stored rotation function). \
                     The last recipient is never removed; removing your own needs --force.",
                )
                .arg(
                    Arg::new("recipient")
                        .required(true)
                        .value_name("RECIPIENT|LABEL"),
                )
                .arg(
                    Arg::new("rotate")
                        .long("rotate")
                        .action(ArgAction::SetTrue)
                        .help("Then rotate every secret that has a rotation function"),
                )
                .arg(force),
        )
}

/// The `init --recipient` option.
pub fn init_arg() -> Arg {
    Arg::new("recipient")
        .long("recipient")
        .value_name("RECIPIENT")
        .action(ArgAction::Append)
        .help(
            "Also encrypt the vault to this public key (repeatable); see `smvault recipients add`",
        )
}

pub fn run(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    match m.subcommand() {
        Some(("add", m)) => add(m, settings),
        Some(("remove", m)) => remove(m, settings),
        _ => list(settings),
    }
}

fn param(e: recipients::RecipientError) -> CliError {
    CliError::ParamValidation(e.0)
}

fn list(settings: &Settings) -> Result<(), CliError> {
    let Some(store) = open_store(settings, false)? else {
        return Ok(());
    };
    store.read()?;
    let me = store.public_key();
    let mut out = String::new();
    for e in store.recipients() {
        let you = if e.key == me { " (your identity)" } else { "" };
        match &e.label {
            Some(l) => out.push_str(&format!("# {}{you}\n", one_line(l))),
            None if !you.is_empty() => out.push_str(&format!("#{you}\n")),
            None => {}
        }
        out.push_str(&e.key);
        out.push('\n');
    }
    super::print(&out)
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Adds the `init --recipient` keys to the list the next write uses; whether it changed.
pub fn add_for_init(m: &ArgMatches, store: &Store) -> Result<bool, CliError> {
    let Some(given) = m.get_many::<String>("recipient") else {
        return Ok(false);
    };
    let mut list = store.recipients();
    let before = list.clone();
    for arg in given {
        let (entry, comment) = recipients::from_arg(arg).map_err(param)?;
        if !list.iter().any(|e| e.key == entry.key) {
            list.push(Entry {
                label: comment,
                ..entry
            });
        }
    }
    let changed = list != before;
    store.set_recipients(list, false)?;
    Ok(changed)
}

fn add(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let arg = m.get_one::<String>("recipient").expect("required");
    let (entry, comment) = recipients::from_arg(arg).map_err(param)?;
    let label = m.get_one::<String>("label").cloned().or(comment);
    rewrite(settings, m.get_flag("force"), |list, _| {
        match list.iter_mut().find(|e| e.key == entry.key) {
            Some(e) if label.is_none() || e.label == label => {
                note(&format!("{} is already a recipient", entry.key));
                return Ok(false);
            }
            Some(e) => e.label = label.clone(),
            None => list.push(Entry {
                key: entry.key.clone(),
                label: label.clone(),
            }),
        }
        Ok(true)
    })?;
    Ok(())
}

fn remove(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let arg = m.get_one::<String>("recipient").expect("required");
    let mut removed = None;
    let secrets = rewrite(settings, m.get_flag("force"), |list, path| {
        let i = recipients::find(list, arg).map_err(param)?;
        if list.len() == 1 {
            return Err(VaultError::LastRecipient {
                path: path.to_path_buf(),
            }
            .into());
        }
        removed = Some(list.remove(i));
        Ok(true)
    })?;
    let Some(gone) = removed else { return Ok(()) };
    let who = match &gone.label {
        Some(l) => format!("{} ({})", one_line(l), gone.key),
        None => gone.key.clone(),
    };
    let names: Vec<&str> = secrets.iter().map(|(n, _, _)| n.as_str()).collect();
    note(&format!(
        "removed {who}. Removing is not revoking: they may keep copies of the vault made before now \
         (git history, backups) and can read the {} secret(s) in them{}{}",
        names.len(),
        if names.is_empty() { "" } else { ": " },
        names.join(", ")
    ));
    if !m.get_flag("rotate") {
        if !names.is_empty() {
            note(
                "rotate those values: `smvault recipients remove … --rotate` runs each stored rotation function; change the others with put-secret-value",
            );
        }
        return Ok(());
    }
    rotate_all(&secrets, settings)
}

/// Rotates each secret that has a rotation function; names the ones that have none.
fn rotate_all(secrets: &[(String, String, bool)], settings: &Settings) -> Result<(), CliError> {
    let mut failures = 0;
    for (name, arn, has_function) in secrets {
        if !has_function {
            note(&format!(
                "{name} has no rotation function: change its value with put-secret-value"
            ));
            continue;
        }
        let region = arn.split(':').nth(3).unwrap_or_default().to_string();
        let mut here = settings.clone();
        here.region = Some(region);
        let request: Value =
            json!({"SecretId": arn, "ClientRequestToken": uuid::Uuid::new_v4().to_string()});
        match super::rotate::run(request, &here) {
            Ok(resp) => {
                let version = resp.get("VersionId").and_then(Value::as_str).unwrap_or("");
                super::print(&format!("rotated\t{arn}\t{version}\n"))?;
            }
            Err(e) => {
                failures += 1;
                note(&format!("rotation of {name} failed: {e}"));
            }
        }
    }
    if failures > 0 {
        return Err(CliError::General(format!("{failures} rotation(s) failed")));
    }
    Ok(())
}

fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "smvault: {text}");
}

/// Under the lock: loads the vault, lets `change` edit its recipient list and,
/// if it changed, rewrites the vault (its data byte for byte) to the new list
/// after the lock-out guard. Returns each secret as (name, ARN, has a rotation
/// function), not deleted ones.
fn rewrite(
    settings: &Settings,
    force: bool,
    change: impl FnOnce(&mut Vec<Entry>, &std::path::Path) -> Result<bool, CliError>,
) -> Result<Vec<(String, String, bool)>, CliError> {
    let store = open_store(settings, true)?.expect("invariant: created when missing");
    let guard = store.lock(settings.lock_timeout)?;
    let plaintext = store.read()?;
    let text = match &plaintext {
        Some(p) => store.decode_text(p)?.into_owned(),
        None => crate::core::stored::write_vault(&Vault::default())
            .map_err(|e| CliError::General(format!("cannot write the vault: {e}")))?
            .to_vec(),
    };
    let text = crate::wipe::WipedBytes(text);
    let mut list = store.recipients();
    if !change(&mut list, store.path())? {
        return Ok(Vec::new());
    }
    store.set_recipients(list, force)?;
    store.save_text(Some(&guard), &text)?;
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
    Ok(vault
        .secrets
        .iter()
        .filter(|s| s.deletion_date.is_none())
        .map(|s| {
            let arn = crate::core::ids::arn(s, &s.region, vault.account_id());
            let has = s.rotation.as_ref().is_some_and(|r| r.lambda_arn.is_some());
            (s.name.clone(), arn, has)
        })
        .collect())
}

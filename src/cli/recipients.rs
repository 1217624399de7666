//! `smvault recipients list|add|remove` and `init --recipient`: who the vault is encrypted to,
//! with the lock-out guard and the warning that removing someone is not revoking them.

use std::io::Write;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{Value, json};

use super::exit::CliError;
use super::settings::Settings;
use crate::service;
use crate::service::recipients::{self, Exposed};

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

fn list(settings: &Settings) -> Result<(), CliError> {
    let Some((list, me)) = recipients::list(&settings.env)? else {
        return Ok(());
    };
    let mut out = String::new();
    for e in list {
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

fn add(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let arg = m.get_one::<String>("recipient").expect("required");
    let label = m.get_one::<String>("label").cloned();
    if !recipients::add(&settings.env, arg, label, m.get_flag("force"))? {
        note("that key is already a recipient, with that label");
    }
    Ok(())
}

fn remove(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let arg = m.get_one::<String>("recipient").expect("required");
    let (gone, secrets) = recipients::remove(&settings.env, arg, m.get_flag("force"))?;
    let who = match &gone.label {
        Some(l) => format!("{} ({})", one_line(l), gone.key),
        None => gone.key.clone(),
    };
    let names: Vec<&str> = secrets.iter().map(|s| s.name.as_str()).collect();
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
fn rotate_all(secrets: &[Exposed], settings: &Settings) -> Result<(), CliError> {
    let mut failures = 0;
    for s in secrets {
        if !s.has_function {
            note(&format!(
                "{} has no rotation function: change its value with put-secret-value",
                s.name
            ));
            continue;
        }
        let mut here = settings.env.clone();
        here.region = Some(s.arn.split(':').nth(3).unwrap_or_default().to_string());
        let request: Value =
            json!({"SecretId": s.arn, "ClientRequestToken": uuid::Uuid::new_v4().to_string()});
        match service::run("RotateSecret", request, &here) {
            Ok(resp) => {
                let version = resp.get("VersionId").and_then(Value::as_str).unwrap_or("");
                super::print(&format!("rotated\t{}\t{version}\n", s.arn))?;
            }
            Err(e) => {
                failures += 1;
                note(&format!("rotation of {} failed: {e}", s.name));
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

//! smvault's own commands: `init` (identity and empty vault) and the hidden `generate`
//! (completions and man pages from the clap definitions).

use std::path::Path;

use clap::ArgMatches;

use super::exit::CliError;
use super::settings::{IdentitySource, Settings};
use super::txn::open_store;
use crate::core::model::Vault;

pub fn run(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let store = open_store(settings, true)?.expect("invariant: created when missing");
    let guard = store.lock(settings.lock_timeout)?;
    let existing = store.load::<Vault>()?;
    let mut vault = existing.clone().unwrap_or_default();
    if let Some(id) = m.get_one::<String>("account-id") {
        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CliError::ParamValidation(format!(
                "--account-id must be 12 digits, got '{id}'"
            )));
        }
        vault.account_id = Some(id.clone());
    }
    if let Some(region) = m.get_one::<String>("default-region") {
        vault.default_region = Some(region.clone());
    }
    if existing.as_ref() != Some(&vault) {
        store.save(&guard, &vault)?;
    }
    let identity = match &settings.identity {
        IdentitySource::File(p) => p.display().to_string(),
        IdentitySource::Text(_) => "SMVAULT_AGE_KEY (environment)".into(),
    };
    super::print(&format!(
        "vault: {}\nidentity: {identity}\npublic key: {}\naccount: {}\n",
        store.path().display(),
        store.public_key(),
        vault.account_id()
    ))
}

pub fn generate(m: &ArgMatches, prog: &str) -> Result<(), CliError> {
    let what = m
        .get_one::<String>("what")
        .map(String::as_str)
        .unwrap_or_default();
    let target = m.get_one::<String>("target").cloned().unwrap_or_default();
    let mut cmd = super::args::command(prog);
    match what {
        "completions" => {
            let shell: clap_complete::Shell = target
                .parse()
                .map_err(|_| CliError::ParamValidation(format!("unknown shell '{target}'")))?;
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, prog, &mut out);
            super::print(&String::from_utf8_lossy(&out))
        }
        _ => clap_mangen::generate_to(cmd, Path::new(&target))
            .map_err(|e| CliError::General(format!("cannot write man pages to {target}: {e}"))),
    }
}

//! Resolving references for `exec` and `inject`: every one from a single read of the vault,
//! through GetSecretValue; then, at most once a day, the access recorded as get-secret-value
//! records it.

use std::io::Write;

use zeroize::Zeroizing;

use super::exit::CliError;
use super::settings::Settings;
use super::txn;
use crate::core::ctx::Ctx;
use crate::core::model::Vault;
use crate::core::reference::{self, Failure, Reference};
use crate::core::stored::Scope;

/// The SecretString each reference points at (or why it has none), in order.
pub fn secret_strings(
    settings: &Settings,
    refs: &[&Reference],
) -> Result<Vec<Result<Zeroizing<String>, Failure>>, CliError> {
    if refs.is_empty() {
        return Ok(Vec::new());
    }
    let scope = Scope::of_ids(refs.iter().map(|r| r.secret_id.as_str()));
    let (values, recorded) = read_vault(settings, &scope, |vault, ctx| {
        vault.dirty = false;
        let values: Vec<_> = refs
            .iter()
            .map(|r| reference::fetch(vault, r, ctx))
            .collect();
        Ok((values, vault.dirty))
    })?;
    if recorded {
        record_access(settings, &scope, refs);
    }
    Ok(values)
}

/// The one read of the vault, without the lock (the service layer's read-only transaction).
fn read_vault<R>(
    settings: &Settings,
    scope: &Scope,
    f: impl FnOnce(&mut Vault, &mut Ctx) -> Result<R, CliError>,
) -> Result<R, CliError> {
    txn::read_only(settings, scope, f)
}

/// LastAccessedDate, as get-secret-value keeps it: redone under the lock so a concurrent
/// writer's change is not lost. Best effort: a program never fails to start because the
/// vault cannot be written (read-only folder, full disk, busy lock).
fn record_access(settings: &Settings, scope: &Scope, refs: &[&Reference]) {
    let result = txn::write_with(settings, scope, |vault, ctx| {
        for r in refs {
            let _ = reference::fetch(vault, r, ctx);
        }
        Ok(())
    });
    if let Err(e) = result
        && settings.debug
    {
        let _ = writeln!(
            std::io::stderr(),
            "smvault: debug: access date not recorded: {e}"
        );
    }
}

//! Resolving references for `exec` and `inject`: every one from a single read of the vault,
//! through GetSecretValue; then, at most once a day, the access recorded as get-secret-value
//! records it.

use std::io::Write;

use zeroize::Zeroizing;

use super::exit::CliError;
use super::settings::Settings;
use crate::core::reference::{self, Failure, Reference};
use crate::core::stored::Scope;
use crate::service::txn;

/// The access days a read would record, kept until the command has succeeded: a
/// command that fails leaves the vault as it was.
#[must_use]
pub struct Access {
    scope: Scope,
    new: bool,
}

impl Access {
    /// Records the access days (best effort, at most once a day per secret).
    pub fn record(self, settings: &Settings, refs: &[&Reference]) {
        if self.new {
            record_access(settings, &self.scope, refs);
        }
    }
}

/// A reference's SecretString, or why it has none.
pub type SecretString = Result<Zeroizing<String>, Failure>;

/// The SecretString each reference points at (or why it has none), in order.
pub fn secret_strings(
    settings: &Settings,
    refs: &[&Reference],
) -> Result<(Vec<SecretString>, Access), CliError> {
    let scope = Scope::of_ids(refs.iter().map(|r| r.secret_id.as_str()));
    if refs.is_empty() {
        let access = Access { scope, new: false };
        return Ok((Vec::new(), access));
    }
    let scope = Scope::of_ids(refs.iter().map(|r| r.secret_id.as_str()));
    // The one read of the vault: the service layer's read-only transaction.
    let (values, recorded) = txn::read_only(&settings.env, &scope, |vault, ctx| {
        vault.dirty = false;
        let values: Vec<_> = refs
            .iter()
            .map(|r| reference::fetch(vault, r, ctx))
            .collect();
        Ok((values, vault.dirty))
    })?;
    let access = Access {
        scope,
        new: recorded,
    };
    Ok((values, access))
}

/// Appends one audit line per reference read (SMVAULT_AUDIT_LOG), as
/// `exec:GetSecretValue` or `inject:GetSecretValue`, before any value is handed on: a line
/// that cannot be written fails the command before the program runs or the file is written.
pub fn audit(
    settings: &Settings,
    command: &str,
    refs: &[&Reference],
    strings: &[SecretString],
) -> Result<(), CliError> {
    use crate::service::audit::{self, Log};
    let Some(path) = settings.audit_log.as_deref() else {
        return Ok(());
    };
    let log = Log::open(path)?;
    let operation = format!("{command}:GetSecretValue");
    let request_id = audit::request_id();
    for (r, string) in refs.iter().zip(strings) {
        let result = match string {
            Ok(_) => "OK",
            Err(Failure::Service(e)) => e.code.as_str(),
            Err(Failure::Value(_)) => "ValueNotUsable",
            Err(Failure::Syntax(_)) => "ParamValidation",
        };
        let entry = super::owner_entry(
            settings,
            &request_id,
            &operation,
            Some(&r.secret_id),
            result,
        );
        log.record(&entry).map_err(|e| {
            CliError::General(format!(
                "{command} was not run: its audit record could not be written: {e}"
            ))
        })?;
    }
    Ok(())
}

/// LastAccessedDate, as get-secret-value keeps it: redone under the lock so a concurrent
/// writer's change is not lost. Best effort: a program never fails to start because the
/// vault cannot be written (read-only folder, full disk, busy lock).
fn record_access(settings: &Settings, scope: &Scope, refs: &[&Reference]) {
    let result = txn::write_with(&settings.env, scope, |vault, ctx| {
        for r in refs {
            let _ = reference::fetch(vault, r, ctx);
        }
        Ok(())
    });
    if let Err(e) = result
        && settings.env.debug
    {
        let _ = writeln!(
            std::io::stderr(),
            "smvault: debug: access date not recorded: {e}"
        );
    }
}

//! Running an operation against the vault: readers load without the lock; writers lock,
//! load, purge, apply and save; a failed operation leaves the file untouched.

use std::io::Write;

use serde_json::Value;

use super::exit::CliError;
use super::settings::{DEFAULT_REGION, IdentitySource, Settings};
use crate::core::model::Vault;
use crate::core::ops::{Access, Operation};
use crate::vault::{Store, VaultError, keys};

/// Opens the store; `create` makes a missing identity (for a write to a
/// missing vault) and says so on stderr, since the user must back it up.
pub fn open_store(settings: &Settings, create: bool) -> Result<Option<Store>, CliError> {
    let identity = match &settings.identity {
        IdentitySource::Text(text) => keys::parse_identity(text, "SMVAULT_AGE_KEY")?,
        IdentitySource::File(path) => match keys::read_identity(path) {
            Ok(id) => {
                if keys::readable_by_others(path) {
                    let _ = writeln!(
                        std::io::stderr(),
                        "smvault: warning: the identity {} can be read by other users; run `chmod 600 {}`",
                        path.display(),
                        path.display()
                    );
                }
                id
            }
            Err(VaultError::NoIdentity { .. }) if !settings.vault_path.exists() => {
                if !create {
                    return Ok(None);
                }
                let created = chrono::DateTime::from_timestamp_millis(settings.now)
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                    .unwrap_or_default();
                keys::create_identity(path, &created)?;
                let _ = writeln!(
                    std::io::stderr(),
                    "smvault: created a new age identity at {}; back it up: without it the vault cannot be opened",
                    path.display()
                );
                keys::read_identity(path)?
            }
            Err(e) => return Err(e.into()),
        },
    };
    let mut store = Store::new(settings.vault_path.clone(), identity);
    store.crash_at = settings.crash_at;
    Ok(Some(store))
}

fn region_for(settings: &Settings, vault: &Vault) -> String {
    settings
        .region
        .clone()
        .or_else(|| vault.default_region.clone())
        .unwrap_or_else(|| DEFAULT_REGION.to_string())
}

/// Runs `op` with `request`, returning the response as the API shapes it.
pub fn execute(op: &Operation, request: Value, settings: &Settings) -> Result<Value, CliError> {
    let service = |err| CliError::Service { op: op.name, err };
    match op.access {
        Access::None => {
            let mut vault = Vault::default();
            let mut ctx = settings.ctx(&region_for(settings, &vault));
            (op.run)(&mut vault, request, &mut ctx).map_err(service)
        }
        Access::Read => {
            let store = open_store(settings, false)?;
            let mut vault = match &store {
                Some(s) => s.load::<Vault>()?.unwrap_or_default(),
                None => Vault::default(),
            };
            vault.purge_expired(settings.now);
            vault.dirty = false;
            let mut ctx = settings.ctx(&region_for(settings, &vault));
            let response = (op.run)(&mut vault, request.clone(), &mut ctx).map_err(service)?;
            match store {
                // The read recorded an access day: redo it under the lock so a
                // concurrent writer's change is not lost.
                Some(store) if vault.dirty => write(op, request, settings, &store),
                _ => Ok(response),
            }
        }
        Access::Write => {
            let store = open_store(settings, true)?.expect("invariant: created when missing");
            write(op, request, settings, &store)
        }
    }
}

fn write(
    op: &Operation,
    request: Value,
    settings: &Settings,
    store: &Store,
) -> Result<Value, CliError> {
    write_in(settings, store, |vault, ctx| {
        (op.run)(vault, request, ctx).map_err(|err| CliError::Service { op: op.name, err })
    })
}

/// Runs `f` under the writers' lock on the freshly loaded vault, and saves
/// what it changed if it succeeds; a failure leaves the file as it was.
pub fn write_with<R>(
    settings: &Settings,
    f: impl FnOnce(&mut Vault, &mut crate::core::ctx::Ctx) -> Result<R, CliError>,
) -> Result<R, CliError> {
    let store = open_store(settings, true)?.expect("invariant: created when missing");
    write_in(settings, &store, f)
}

fn write_in<R>(
    settings: &Settings,
    store: &Store,
    f: impl FnOnce(&mut Vault, &mut crate::core::ctx::Ctx) -> Result<R, CliError>,
) -> Result<R, CliError> {
    let guard = if settings.no_lock {
        None
    } else {
        Some(store.lock(settings.lock_timeout)?)
    };
    let mut vault = store.load::<Vault>()?.unwrap_or_default();
    vault.purge_expired(settings.now);
    let mut ctx = settings.ctx(&region_for(settings, &vault));
    let result = f(&mut vault, &mut ctx)?;
    if vault.dirty {
        match &guard {
            Some(g) => store.save(g, &vault)?,
            None => store.save_unlocked(&vault)?,
        }
    }
    Ok(result)
}

/// Runs `f` on the vault as it is on disk, without the lock and without
/// writing anything back (several pages of a listing share one decryption).
pub fn read_only<R>(
    settings: &Settings,
    f: impl FnOnce(&mut Vault, &mut crate::core::ctx::Ctx) -> Result<R, CliError>,
) -> Result<R, CliError> {
    let store = open_store(settings, false)?;
    let mut vault = match &store {
        Some(s) => s.load::<Vault>()?.unwrap_or_default(),
        None => Vault::default(),
    };
    vault.purge_expired(settings.now);
    let mut ctx = settings.ctx(&region_for(settings, &vault));
    f(&mut vault, &mut ctx)
}

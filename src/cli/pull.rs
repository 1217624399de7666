//! `smvault pull`: copies a Secrets Manager endpoint's secrets into the local vault in
//! one locked write, with the conflict rules of core::sync.

use aws_sdk_secretsmanager::Client;
use clap::ArgMatches;
use indicatif::ProgressBar;

use super::exit::CliError;
use super::push::plural;
use super::remote::{self, Listed, SyncArgs, Tally};
use super::settings::Settings;
use crate::core::ctx::Ctx;
use crate::core::ids;
use crate::core::model::{Millis, SecretValue, Vault};
use crate::core::sync::{self, Conflict, Decision, Incoming, Snapshot};

pub fn run(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let args = SyncArgs::from(m)?;
    let rt = remote::runtime()?;
    let sdk_region = match &settings.env.region {
        Some(_) => None,
        None => rt.block_on(remote::sdk_region(args.profile.as_deref())),
    };
    let work = |vault: &mut Vault, ctx: &mut Ctx| {
        let region = remote::region(settings, sdk_region, vault);
        let client = rt.block_on(remote::client(&args, &region));
        let tally = rt.block_on(pull(&client, vault, ctx, &region, &args, settings.env.now))?;
        Ok((tally, region))
    };
    // One locked write for the whole pull; the secrets that were copied are
    // saved even when others conflict or fail.
    let (tally, region) = if args.dry_run {
        remote::vault_read(settings, work)?
    } else {
        remote::vault_write(settings, work)?
    };
    super::print(&tally.line("pull", &region, args.dry_run))?;
    tally.result()
}

fn announce(bar: &ProgressBar, args: &SyncArgs, what: &str, name: &str, detail: &str) {
    if args.dry_run {
        bar.suspend(|| {
            let _ = super::print(&format!("{what:<9}{name}  ({detail})\n"));
        });
    } else if what == "conflict" || what == "note" {
        remote::report(bar, &format!("smvault: {what}: {name}: {detail}"));
    }
}

async fn pull(
    client: &Client,
    vault: &mut Vault,
    ctx: &mut Ctx,
    region: &str,
    args: &SyncArgs,
    now: Millis,
) -> Result<Tally, CliError> {
    let listed = remote::list_all(client, &args.filters, false)
        .await
        .map_err(CliError::General)?;
    let mut ahead = remote::ReadAhead::new(client, listed.clone());
    let bar = remote::progress(listed.len());
    let mut tally = Tally::default();
    for entry in &listed {
        bar.set_message(entry.name.clone());
        let source = ahead.take(entry).await;
        let done = match source {
            Ok(source) => {
                pull_one(client, vault, ctx, region, entry, source, args, now, &bar).await
            }
            Err(e) => Err(e),
        };
        match done {
            Ok(Decision::Create) => tally.created += 1,
            Ok(Decision::Complete | Decision::Overwrite) => tally.updated += 1,
            Ok(Decision::Conflict(_)) => tally.conflicts += 1,
            Ok(Decision::Identical | Decision::SourceDeleted) => tally.skipped += 1,
            Err(e) => {
                tally.failed += 1;
                remote::report(&bar, &format!("smvault: failed: {}: {e}", entry.name));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(tally)
}

#[allow(clippy::too_many_arguments)]
async fn pull_one(
    client: &Client,
    vault: &mut Vault,
    ctx: &mut Ctx,
    region: &str,
    entry: &Listed,
    mut source: Snapshot,
    args: &SyncArgs,
    now: Millis,
    bar: &ProgressBar,
) -> Result<Decision, String> {
    let dest = vault
        .secrets
        .iter()
        .find(|s| s.name == entry.name && s.region == region)
        .map(Snapshot::of_secret);
    let decision = sync::decide(&source, dest.as_ref(), args.overwrite);
    if entry.rotation_enabled {
        announce(
            bar,
            args,
            "note",
            &entry.name,
            "rotation configuration not copied",
        );
    }
    let needed = sync::values_needed(&source, dest.as_ref(), &decision);
    match &decision {
        Decision::Identical | Decision::SourceDeleted => {
            announce(bar, args, "skip", &entry.name, "identical");
            return Ok(decision);
        }
        Decision::Conflict(c) => {
            announce(bar, args, "conflict", &entry.name, &conflict_text(c));
            return Ok(decision);
        }
        Decision::Create => {
            announce(
                bar,
                args,
                "create",
                &entry.name,
                &plural(needed.len(), "version"),
            );
        }
        Decision::Complete | Decision::Overwrite => {
            announce(
                bar,
                args,
                "update",
                &entry.name,
                &plural(needed.len(), "version"),
            );
        }
    }
    if args.dry_run {
        return Ok(decision);
    }
    let mut values = Vec::new();
    for id in &needed {
        match value(client, &entry.name, id).await? {
            Some(v) => values.push((id.clone(), v)),
            // A placeholder without a value (a rotation in progress): not copied.
            None => {
                if let Some(v) = source.versions.iter_mut().find(|v| v.id == *id) {
                    v.has_value = false;
                }
            }
        }
    }
    let suffix = ids::arn_suffix(&entry.arn, &entry.name)
        .map_or_else(|| ids::new_suffix(ctx), str::to_owned);
    let incoming = Incoming {
        snapshot: source,
        suffix,
        created: entry.created,
        last_changed: entry.last_changed,
        values,
    };
    sync::apply_pull(vault, region, incoming, &decision, now);
    Ok(decision)
}

fn conflict_text(c: &Conflict) -> String {
    let c = c.to_string().replace("the destination", "the vault");
    let c = c.replace("the source", "the endpoint");
    format!("{c}; --overwrite makes it match")
}

/// One version's value; `None` when the endpoint has no value for it.
async fn value(client: &Client, name: &str, id: &str) -> Result<Option<SecretValue>, String> {
    let out = match client
        .get_secret_value()
        .secret_id(name)
        .version_id(id)
        .send()
        .await
    {
        Ok(out) => out,
        Err(e) if remote::code_of(&e) == Some("ResourceNotFoundException") => return Ok(None),
        Err(e) => return Err(format!("GetSecretValue: {}", remote::error_text(&e))),
    };
    let mut out = out;
    if let Some(s) = out.secret_string.take() {
        return Ok(Some(SecretValue::String(s)));
    }
    Ok(out
        .secret_binary
        .take()
        .map(|b| SecretValue::Binary(b.into_inner())))
}

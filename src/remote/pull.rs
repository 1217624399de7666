//! `smvault pull`: copies a Secrets Manager endpoint's secrets into the local vault, with
//! the conflict rules of core::sync. Everything is read from the endpoint first, without
//! the writers' lock (1,000 secrets take seconds, and other writers would time out behind
//! it); then one short locked write applies it, planned again against the vault as it is
//! under the lock, so a change made locally meanwhile is a conflict, never overwritten.

use std::collections::HashMap;

use aws_sdk_secretsmanager::Client;
use indicatif::ProgressBar;

use super::push::plural;
use super::{Listed, Options, Summary, Tally};
use crate::core::ctx::Ctx;
use crate::core::ids;
use crate::core::model::{Millis, SecretValue, Vault};
use crate::core::stored::Scope;
use crate::core::sync::{self, Conflict, Decision, Incoming, Snapshot};
use crate::service::{Env, Error, txn};

pub fn pull(env: &Env, options: &Options) -> Result<Summary, Error> {
    // A read of the vault, without the lock: the region (its default may decide it) and
    // what the vault holds there, which decides what values to fetch. A failure to
    // connect is passed through as the read's result, as push does.
    let (remote, local) = txn::read_only(env, &Scope::All, |vault, _ctx| {
        Ok(super::connect(env, options, vault).map(|remote| {
            let local = local_snapshots(vault, &remote.region);
            (remote, local)
        }))
    })??;
    let (fetched, mut tally) = remote
        .rt
        .block_on(fetch_all(&remote.client, &local, options))?;
    drop(local);
    if !options.dry_run {
        // The secrets that were copied are saved even when others conflict or fail.
        let applied = txn::write_with(env, &Scope::All, |vault, ctx| {
            Ok(apply_all(
                vault,
                ctx,
                fetched,
                &remote.region,
                options,
                env.now,
            ))
        })?;
        tally.created += applied.created;
        tally.updated += applied.updated;
        tally.skipped += applied.skipped;
        tally.conflicts += applied.conflicts;
        tally.failed += applied.failed;
    }
    Ok(Summary {
        verb: "pull",
        region: remote.region,
        dry_run: options.dry_run,
        tally,
    })
}

/// The vault's secrets in `region`, by name, without their values.
fn local_snapshots(vault: &Vault, region: &str) -> HashMap<String, Snapshot> {
    vault
        .secrets
        .iter()
        .filter(|s| s.region == region)
        .map(|s| (s.name.clone(), Snapshot::of_secret(s)))
        .collect()
}

/// One secret read from the endpoint, with the values a pull into the vault as it was
/// read needs.
struct Fetched {
    listed: Listed,
    /// As the endpoint lists it: the plan under the lock is made against this, as the
    /// plan of the fetch was.
    source: Snapshot,
    values: Vec<(String, SecretValue)>,
    /// Versions the endpoint has no value for (a rotation in progress): not copied.
    without_value: Vec<String>,
}

impl Fetched {
    fn was_read(&self, id: &str) -> bool {
        self.values.iter().any(|(v, _)| v == id) || self.without_value.iter().any(|v| v == id)
    }
}

fn announce(bar: &ProgressBar, args: &Options, what: &str, name: &str, detail: &str) {
    if args.dry_run {
        super::plan_line(bar, what, name, detail);
    } else if what == "conflict" || what == "note" {
        super::report(bar, &format!("smvault: {what}: {name}: {detail}"));
    }
}

/// Reads every listed secret and the values a pull needs, one secret at a time. With
/// --dry-run, prints the plan against `local` and counts it instead.
async fn fetch_all(
    client: &Client,
    local: &HashMap<String, Snapshot>,
    args: &Options,
) -> Result<(Vec<Fetched>, Tally), Error> {
    let listed = super::list_all(client, &args.filters, false)
        .await
        .map_err(Error::General)?;
    let mut ahead = super::ReadAhead::new(client, listed.clone());
    let bar = super::progress(listed.len());
    let mut tally = Tally::default();
    let mut fetched = Vec::new();
    for entry in listed {
        bar.set_message(entry.name.clone());
        let done = match ahead.take(&entry).await {
            Ok(source) => fetch_one(client, local, entry.clone(), source, args, &bar).await,
            Err(e) => Err(e),
        };
        match done {
            Ok(Planned::Fetched(f)) => fetched.push(*f),
            Ok(Planned::DryRun(decision)) => count(&mut tally, &decision),
            Err(e) => {
                tally.failed += 1;
                super::report(&bar, &format!("smvault: failed: {}: {e}", entry.name));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok((fetched, tally))
}

enum Planned {
    Fetched(Box<Fetched>),
    /// --dry-run: the plan line was printed.
    DryRun(Decision),
}

fn count(tally: &mut Tally, decision: &Decision) {
    match decision {
        Decision::Create => tally.created += 1,
        Decision::Complete | Decision::Overwrite => tally.updated += 1,
        Decision::Conflict(_) => tally.conflicts += 1,
        Decision::Identical | Decision::SourceDeleted => tally.skipped += 1,
    }
}

/// Plans one secret against the vault as read, and reads the values that plan needs.
async fn fetch_one(
    client: &Client,
    local: &HashMap<String, Snapshot>,
    entry: Listed,
    source: Snapshot,
    args: &Options,
    bar: &ProgressBar,
) -> Result<Planned, String> {
    let dest = local.get(&entry.name);
    let decision = sync::decide(&source, dest, args.overwrite);
    if entry.rotation_enabled {
        announce(
            bar,
            args,
            "note",
            &entry.name,
            "rotation configuration not copied",
        );
    }
    let needed = sync::values_needed(&source, dest, &decision);
    if args.dry_run {
        match &decision {
            Decision::Identical | Decision::SourceDeleted => {
                announce(bar, args, "skip", &entry.name, "identical");
            }
            Decision::Conflict(c) => {
                announce(bar, args, "conflict", &entry.name, &conflict_text(c));
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
        return Ok(Planned::DryRun(decision));
    }
    let mut values = Vec::new();
    let mut without_value = Vec::new();
    for id in needed {
        match value(client, &entry.name, &id).await? {
            Some(v) => values.push((id, v)),
            None => without_value.push(id),
        }
    }
    Ok(Planned::Fetched(Box::new(Fetched {
        listed: entry,
        source,
        values,
        without_value,
    })))
}

/// Applies what was fetched to the vault as it is under the lock: each secret is planned
/// again against it, so what changed locally since the read is a conflict (or, when the
/// new plan needs values that were not fetched, a failure to pull again), never lost.
fn apply_all(
    vault: &mut Vault,
    ctx: &mut Ctx,
    fetched: Vec<Fetched>,
    region: &str,
    args: &Options,
    now: Millis,
) -> Tally {
    let quiet = ProgressBar::hidden();
    let mut tally = Tally::default();
    for f in fetched {
        let name = f.listed.name.clone();
        let dest = vault
            .secrets
            .iter()
            .find(|s| s.name == name && s.region == region)
            .map(Snapshot::of_secret);
        let decision = sync::decide(&f.source, dest.as_ref(), args.overwrite);
        match &decision {
            Decision::Identical | Decision::SourceDeleted => {}
            Decision::Conflict(c) => {
                announce(&quiet, args, "conflict", &name, &conflict_text(c));
            }
            Decision::Create | Decision::Complete | Decision::Overwrite => {
                let needed = sync::values_needed(&f.source, dest.as_ref(), &decision);
                if !needed.iter().all(|id| f.was_read(id)) {
                    tally.failed += 1;
                    super::report(
                        &quiet,
                        &format!(
                            "smvault: failed: {name}: changed in the vault during the pull; pull again"
                        ),
                    );
                    continue;
                }
                apply_one(vault, ctx, f, region, &decision, now);
            }
        }
        count(&mut tally, &decision);
    }
    tally
}

fn apply_one(
    vault: &mut Vault,
    ctx: &mut Ctx,
    fetched: Fetched,
    region: &str,
    decision: &Decision,
    now: Millis,
) {
    let Fetched {
        listed,
        mut source,
        values,
        without_value,
    } = fetched;
    // A placeholder without a value is not copied.
    for v in &mut source.versions {
        if without_value.contains(&v.id) {
            v.has_value = false;
        }
    }
    let suffix = ids::arn_suffix(&listed.arn, &listed.name)
        .map_or_else(|| ids::new_suffix(ctx), str::to_owned);
    let incoming = Incoming {
        snapshot: source,
        suffix,
        created: listed.created,
        last_changed: listed.last_changed,
        values,
    };
    sync::apply_pull(vault, region, incoming, decision, now);
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
        Err(e) if super::code_of(&e) == Some("ResourceNotFoundException") => return Ok(None),
        Err(e) => return Err(format!("GetSecretValue: {}", super::error_text(&e))),
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

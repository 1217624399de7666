//! `smvault push`: copies the vault's secrets into a Secrets Manager endpoint, running
//! the plan of core::sync one secret at a time through the AWS SDK.

use std::collections::HashMap;

use aws_sdk_secretsmanager::Client;
use aws_sdk_secretsmanager::primitives::Blob;
use indicatif::ProgressBar;

use super::{Options, Summary, Tally};
use crate::core::model::{Secret, SecretValue, Vault};
use crate::core::ops::list_secrets;
use crate::core::stored::Scope;
use crate::core::sync::{self, Decision, Snapshot, Step};
use crate::service::{Env, Error, txn};

/// Pushes the secrets of the region from a read of the vault (no lock: a push changes
/// nothing local).
pub fn push(env: &Env, options: &Options) -> Result<Summary, Error> {
    // The push's own failure is passed through the read as its result, so that a
    // missing vault's notice is kept for a failed read of the vault itself.
    txn::read_only(env, &Scope::All, |vault, _ctx| {
        Ok(push_vault(env, options, vault))
    })?
}

fn push_vault(env: &Env, options: &Options, vault: &Vault) -> Result<Summary, Error> {
    let remote = super::connect(env, options, vault)?;
    let tally = remote
        .rt
        .block_on(push_all(&remote.client, vault, &remote.region, options))?;
    Ok(Summary {
        verb: "push",
        region: remote.region,
        dry_run: options.dry_run,
        tally,
    })
}

struct Writes {
    done: usize,
    stop_after: Option<usize>,
}

impl Writes {
    fn count(&mut self) {
        self.done += 1;
        if self.stop_after.is_some_and(|n| self.done >= n) {
            std::process::exit(130);
        }
    }
}

async fn push_all(
    client: &Client,
    vault: &Vault,
    region: &str,
    args: &Options,
) -> Result<Tally, Error> {
    let chosen: Vec<&Secret> = vault
        .secrets
        .iter()
        .filter(|s| s.region == region && list_secrets::matches(&args.filters, s))
        .collect();
    let listed: HashMap<String, super::Listed> = super::list_all(client, &[], true)
        .await
        .map_err(Error::General)?
        .into_iter()
        .map(|l| (l.name.clone(), l))
        .collect();
    let mut ahead = super::ReadAhead::new(
        client,
        chosen
            .iter()
            .filter_map(|s| listed.get(&s.name).cloned())
            .collect(),
    );
    let bar = super::progress(chosen.len());
    let mut tally = Tally::default();
    let mut writes = Writes {
        done: 0,
        stop_after: args.stop_after,
    };
    for secret in chosen {
        bar.set_message(secret.name.clone());
        for note in notes(secret) {
            announce(&bar, args, "note", &secret.name, &note);
        }
        let dest = match listed.get(&secret.name) {
            Some(l) => ahead.take(l).await.map(Some),
            None => Ok(None),
        };
        let done = match dest {
            Ok(dest) => push_one(client, secret, dest, args, &bar, &mut writes).await,
            Err(e) => Err(e),
        };
        match done {
            Ok(decision) => match decision {
                Decision::Create => tally.created += 1,
                Decision::Complete | Decision::Overwrite => tally.updated += 1,
                Decision::Identical | Decision::SourceDeleted => tally.skipped += 1,
                Decision::Conflict(_) => tally.conflicts += 1,
            },
            Err(e) => {
                tally.failed += 1;
                super::report(&bar, &format!("smvault: failed: {}: {e}", secret.name));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(tally)
}

/// A plan line on stdout (--dry-run) or a line on stderr.
fn announce(bar: &ProgressBar, args: &Options, what: &str, name: &str, detail: &str) {
    if args.dry_run {
        super::plan_line(bar, what, name, detail);
    } else if what != "create" && what != "update" && what != "skip" {
        super::report(bar, &format!("smvault: {what}: {name}: {detail}"));
    }
}

/// What is not copied, said once per secret.
fn notes(secret: &Secret) -> Vec<String> {
    let mut out = Vec::new();
    if secret.rotation.as_ref().is_some_and(|r| r.enabled) {
        out.push("rotation configuration not copied: the destination cannot run local rotation functions".into());
    }
    if !secret.replicas.is_empty() {
        out.push("replica regions not copied".into());
    }
    if secret.kms_key_id.is_some() {
        out.push("KMS key not copied: the destination's default key encrypts it".into());
    }
    if secret.versions.iter().any(|v| v.value.is_none()) {
        out.push("a version without a value (a rotation in progress) not copied".into());
    }
    out
}

/// `1 version`, `2 versions`: a count and its noun.
pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The plan of one secret in words, for --dry-run.
fn describe(decision: &Decision, steps: &[Step]) -> String {
    match decision {
        Decision::Identical => return "identical".into(),
        Decision::SourceDeleted => return "scheduled for deletion in the vault".into(),
        Decision::Conflict(c) => return format!("{c}; --overwrite makes it match"),
        _ => {}
    }
    let versions = steps
        .iter()
        .filter(|s| matches!(s, Step::Put { .. } | Step::Create { version: Some(_) }))
        .count();
    let mut parts = vec![plural(versions, "version")];
    for step in steps {
        let part = match step {
            Step::Restore => "restore",
            Step::Labels => "labels",
            Step::Describe(_) => "description",
            Step::Tag(_) | Step::Untag(_) => "tags",
            Step::PutPolicy(_) | Step::DeletePolicy => "policy",
            Step::Create { .. } | Step::Put { .. } => continue,
        };
        if !parts.iter().any(|p| p == part) {
            parts.push(part.into());
        }
    }
    parts.join(", ")
}

/// Plans and (unless --dry-run) copies one secret; `dest` is what the endpoint
/// holds of it.
async fn push_one(
    client: &Client,
    secret: &Secret,
    mut dest: Option<Snapshot>,
    args: &Options,
    bar: &ProgressBar,
    writes: &mut Writes,
) -> Result<Decision, String> {
    let source = Snapshot::of_secret(secret);
    loop {
        let decision = sync::decide(&source, dest.as_ref(), args.overwrite);
        let steps = sync::push_steps(&source, dest.as_ref(), &decision);
        let (what, detail) = match &decision {
            Decision::Create => ("create", describe(&decision, &steps)),
            Decision::Complete | Decision::Overwrite => ("update", describe(&decision, &steps)),
            Decision::Identical | Decision::SourceDeleted => ("skip", describe(&decision, &steps)),
            Decision::Conflict(_) => ("conflict", describe(&decision, &steps)),
        };
        announce(bar, args, what, &secret.name, &detail);
        if args.dry_run {
            return Ok(decision);
        }
        match execute(client, secret, &source, &steps, writes).await {
            Ok(()) => return Ok(decision),
            // Listed as absent, yet there (the listing is eventually consistent,
            // or another writer was quicker): plan again against what is there.
            Err(Failure::Exists) if dest.is_none() => {
                dest = Some(super::snapshot(client, &secret.name, false).await?);
            }
            Err(Failure::Exists) => return Err("the secret exists already".into()),
            Err(Failure::Call(e)) => return Err(e),
        }
    }
}

enum Failure {
    Exists,
    Call(String),
}

fn call<E, R>(op: &str) -> impl FnOnce(aws_sdk_secretsmanager::error::SdkError<E, R>) -> Failure
where
    E: aws_sdk_secretsmanager::error::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    move |e| Failure::Call(format!("{op}: {}", super::error_text(&e)))
}

/// Runs the steps of one secret in order; the first failure stops it (a rerun
/// picks up from what is there).
async fn execute(
    client: &Client,
    secret: &Secret,
    source: &Snapshot,
    steps: &[Step],
    writes: &mut Writes,
) -> Result<(), Failure> {
    let name = secret.name.as_str();
    for step in steps {
        match step {
            Step::Restore => {
                client
                    .restore_secret()
                    .secret_id(name)
                    .send()
                    .await
                    .map_err(call("RestoreSecret"))?;
            }
            Step::Create { version } => {
                let mut req = client
                    .create_secret()
                    .name(name)
                    .set_description(secret.description.clone());
                if let Some(tags) = secret.tags.as_ref().filter(|t| !t.is_empty()) {
                    req = req.set_tags(Some(super::sdk_tags(tags)));
                }
                if let Some(v) = version.map(|i| &secret.versions[i]) {
                    req = req.client_request_token(&v.id);
                    req = match &v.value {
                        Some(SecretValue::String(s)) => req.secret_string(s.clone()),
                        Some(SecretValue::Binary(b)) => req.secret_binary(Blob::new(b.clone())),
                        None => req,
                    };
                }
                if let Err(e) = req.send().await {
                    if super::code_of(&e) == Some("ResourceExistsException") {
                        return Err(Failure::Exists);
                    }
                    return Err(call("CreateSecret")(e));
                }
            }
            Step::Put { version, stages } => {
                let v = &secret.versions[*version];
                let mut req = client
                    .put_secret_value()
                    .secret_id(name)
                    .client_request_token(&v.id)
                    .set_version_stages(Some(stages.clone()));
                req = match &v.value {
                    Some(SecretValue::String(s)) => req.secret_string(s.clone()),
                    Some(SecretValue::Binary(b)) => req.secret_binary(Blob::new(b.clone())),
                    None => continue,
                };
                req.send().await.map_err(call("PutSecretValue"))?;
            }
            Step::Describe(d) => {
                client
                    .update_secret()
                    .secret_id(name)
                    .description(d.clone().unwrap_or_default())
                    .send()
                    .await
                    .map_err(call("UpdateSecret"))?;
            }
            Step::Tag(tags) => {
                client
                    .tag_resource()
                    .secret_id(name)
                    .set_tags(Some(super::sdk_tags(tags)))
                    .send()
                    .await
                    .map_err(call("TagResource"))?;
            }
            Step::Untag(keys) => {
                client
                    .untag_resource()
                    .secret_id(name)
                    .set_tag_keys(Some(keys.clone()))
                    .send()
                    .await
                    .map_err(call("UntagResource"))?;
            }
            Step::Labels => fix_labels(client, name, source, writes).await?,
            Step::PutPolicy(p) => {
                client
                    .put_resource_policy()
                    .secret_id(name)
                    .resource_policy(p)
                    .send()
                    .await
                    .map_err(call("PutResourcePolicy"))?;
            }
            Step::DeletePolicy => {
                client
                    .delete_resource_policy()
                    .secret_id(name)
                    .send()
                    .await
                    .map_err(call("DeleteResourcePolicy"))?;
            }
        }
        writes.count();
    }
    Ok(())
}

/// Reads the labels at the destination and moves them where the source has
/// them; reads again to check, so an endpoint that moves AWSPREVIOUS in its own
/// way still ends right.
async fn fix_labels(
    client: &Client,
    name: &str,
    source: &Snapshot,
    writes: &mut Writes,
) -> Result<(), Failure> {
    let desired = source.desired_labels();
    for _ in 0..3 {
        let current: Vec<(String, Vec<String>)> = super::versions(client, name)
            .await
            .map_err(Failure::Call)?
            .into_iter()
            .map(|v| (v.id, v.stages))
            .collect();
        let moves = sync::label_moves(&current, &desired);
        if moves.is_empty() {
            return Ok(());
        }
        for m in moves {
            client
                .update_secret_version_stage()
                .secret_id(name)
                .version_stage(&m.label)
                .set_move_to_version_id(m.to)
                .set_remove_from_version_id(m.from)
                .send()
                .await
                .map_err(call("UpdateSecretVersionStage"))?;
            writes.count();
        }
    }
    Err(Failure::Call(
        "the endpoint does not keep the staging labels where they were moved".into(),
    ))
}

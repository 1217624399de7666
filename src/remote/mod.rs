//! The `remote` edge: `push` and `pull` between the vault and a Secrets Manager endpoint,
//! through the AWS SDK (its own credential and region chain). Built only with the
//! default-on `aws` cargo feature, so a `--no-default-features` build carries no SDK, TLS
//! or HTTP client stack, and linked only into the `smvault-remote` binary
//! (src/cli/binaries.rs); the CLI parses the command line and dispatches here. This module
//! holds what both commands share: the client, reading a secret's state from the endpoint,
//! the progress bar and the summary.

pub mod pull;
pub mod push;

use std::io::{IsTerminal, Write};

use aws_config::{BehaviorVersion, Region, retry::RetryConfig};
use aws_sdk_secretsmanager::Client;
use aws_sdk_secretsmanager::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_secretsmanager::primitives::DateTime;
use aws_sdk_secretsmanager::types::{Filter as SdkFilter, FilterNameStringType};
use indicatif::{ProgressBar, ProgressStyle};

use crate::core::filters::Filter;
use crate::core::model::{Millis, Tag, Vault};
use crate::core::sync::{Snapshot, VersionMeta};
use crate::service::{DEFAULT_REGION, Env, Error};

pub use pull::pull;
pub use push::push;

/// What both commands are asked to do; the CLI fills it in from its arguments and
/// environment.
pub struct Options {
    pub endpoint_url: Option<String>,
    pub profile: Option<String>,
    /// ListSecrets filters, already checked ([`crate::core::filters::validate`]).
    pub filters: Vec<Filter>,
    pub dry_run: bool,
    pub overwrite: bool,
    /// Attempts per call (AWS_MAX_ATTEMPTS as the SDKs read it, else 8: a bulk copy
    /// meets throttling more than one call does; backoff is exponential with jitter).
    pub max_attempts: u32,
    /// Debug builds only: exit abruptly after this many writes to the endpoint, as if
    /// it or the process died half way (the interrupted-push tests).
    pub stop_after: Option<usize>,
}

/// The region secrets are copied in: --region or AWS_REGION/AWS_DEFAULT_REGION,
/// else the SDK's profile, else the vault's default, else us-east-1.
fn region(env: &Env, sdk_region: Option<String>, vault: &Vault) -> String {
    env.region
        .clone()
        .or(sdk_region)
        .or_else(|| vault.default_region.clone())
        .unwrap_or_else(|| DEFAULT_REGION.to_string())
}

/// A single-threaded runtime: one secret at a time (with [`ReadAhead`] reading the
/// next ones' metadata). A push holds one secret's values beside the vault; a pull
/// holds the values it will write until its locked write takes them.
fn runtime() -> Result<tokio::runtime::Runtime, Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::General(format!("cannot start the network runtime: {e}")))
}

/// The runtime, the region secrets are copied in ([`region`]) and the client.
fn connect(env: &Env, options: &Options, vault: &Vault) -> Result<Connection, Error> {
    let rt = runtime()?;
    let sdk_region = match &env.region {
        Some(_) => None,
        None => rt.block_on(sdk_region(options.profile.as_deref())),
    };
    let region = region(env, sdk_region, vault);
    let client = rt.block_on(client(options, &region));
    Ok(Connection { rt, region, client })
}

struct Connection {
    rt: tokio::runtime::Runtime,
    region: String,
    client: Client,
}

/// The region the SDK's own chain finds (AWS_REGION, the profile's `region`).
async fn sdk_region(profile: Option<&str>) -> Option<String> {
    let mut chain = aws_config::default_provider::region::DefaultRegionChain::builder();
    if let Some(p) = profile {
        chain = chain.profile_name(p);
    }
    chain.build().region().await.map(|r| r.to_string())
}

/// A client with the SDK's default credential chain (environment, shared files
/// and profiles, SSO, process, container and instance roles), TLS by rustls,
/// and the standard retry mode, which backs off on ThrottlingException.
async fn client(options: &Options, region: &str) -> Client {
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(
            aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring,
        ))
        .build_https();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .http_client(http)
        .region(Region::new(region.to_string()))
        .retry_config(RetryConfig::standard().with_max_attempts(options.max_attempts.max(1)));
    if let Some(url) = &options.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    if let Some(profile) = &options.profile {
        loader = loader.profile_name(profile);
    }
    Client::new(&loader.load().await)
}

/// An SDK error as one line: the service's code and message, or the transport's
/// reason. Neither ever carries a request's secret value.
pub fn error_text<E, R>(err: &SdkError<E, R>) -> String
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    match err.as_service_error() {
        Some(e) => format!(
            "{}: {}",
            e.code().unwrap_or("UnknownError"),
            e.message().unwrap_or_default()
        ),
        None => DisplayErrorContext(err).to_string(),
    }
}

pub fn code_of<E: ProvideErrorMetadata, R>(err: &SdkError<E, R>) -> Option<&str> {
    err.as_service_error().and_then(|e| e.code())
}

pub fn millis(t: Option<&DateTime>) -> Option<Millis> {
    t.and_then(|t| t.to_millis().ok())
}

pub fn sdk_tags(tags: &[Tag]) -> Vec<aws_sdk_secretsmanager::types::Tag> {
    tags.iter()
        .map(|t| {
            aws_sdk_secretsmanager::types::Tag::builder()
                .key(&t.key)
                .value(&t.value)
                .build()
        })
        .collect()
}

pub fn local_tags(tags: &[aws_sdk_secretsmanager::types::Tag]) -> Vec<Tag> {
    tags.iter()
        .map(|t| Tag {
            key: t.key().unwrap_or_default().to_string(),
            value: t.value().unwrap_or_default().to_string(),
        })
        .collect()
}

pub fn sdk_filters(filters: &[Filter]) -> Vec<SdkFilter> {
    filters
        .iter()
        .map(|f| {
            SdkFilter::builder()
                .key(FilterNameStringType::from(f.key.as_str()))
                .set_values(Some(f.values.clone()))
                .build()
        })
        .collect()
}

/// A failure of one call, as the line printed for its secret.
pub type CallError = String;

/// A secret as ListSecrets returns it.
#[derive(Clone)]
pub struct Listed {
    pub name: String,
    pub description: Option<String>,
    pub tags: Vec<Tag>,
    pub arn: String,
    pub deleted: bool,
    pub created: Option<Millis>,
    pub last_changed: Option<Millis>,
    pub rotation_enabled: bool,
}

/// Every secret the endpoint lists (with those scheduled for deletion when
/// `deleted`), a page of 100 at a time.
pub async fn list_all(
    client: &Client,
    filters: &[Filter],
    deleted: bool,
) -> Result<Vec<Listed>, CallError> {
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut req = client
            .list_secrets()
            .max_results(100)
            .set_next_token(token.take());
        if deleted {
            req = req.include_planned_deletion(true);
        }
        if !filters.is_empty() {
            req = req.set_filters(Some(sdk_filters(filters)));
        }
        let page = req
            .send()
            .await
            .map_err(|e| format!("ListSecrets: {}", error_text(&e)))?;
        for s in page.secret_list() {
            out.push(Listed {
                name: s.name().unwrap_or_default().to_string(),
                description: s.description().map(str::to_string),
                tags: local_tags(s.tags()),
                arn: s.arn().unwrap_or_default().to_string(),
                deleted: s.deleted_date().is_some(),
                created: millis(s.created_date()),
                last_changed: millis(s.last_changed_date()),
                rotation_enabled: s.rotation_enabled().unwrap_or(false),
            });
        }
        match page.next_token() {
            Some(t) if !t.is_empty() => token = Some(t.to_string()),
            _ => return Ok(out),
        }
    }
}

/// What the endpoint holds of one secret: description, tags, every version
/// (deprecated ones too) with its labels and date, and the policy.
pub async fn snapshot(client: &Client, name: &str, deleted: bool) -> Result<Snapshot, CallError> {
    let described = client
        .describe_secret()
        .secret_id(name)
        .send()
        .await
        .map_err(|e| format!("DescribeSecret: {}", error_text(&e)))?;
    let versions = versions(client, name).await?;
    let policy = policy(client, name).await?;
    Ok(Snapshot {
        name: name.to_string(),
        description: described.description().map(str::to_string),
        tags: local_tags(described.tags()),
        policy,
        versions,
        deleted: deleted || described.deleted_date().is_some(),
    })
}

/// How many secrets' state is read ahead of the one being copied. Those reads
/// carry no secret value, so reading ahead keeps the one-secret memory bound.
const READ_AHEAD: usize = 8;

/// The snapshots of the named secrets, read [`READ_AHEAD`] at a time on the
/// runtime and handed out in order.
pub struct ReadAhead {
    client: Client,
    waiting: std::vec::IntoIter<Listed>,
    running:
        std::collections::VecDeque<(String, tokio::task::JoinHandle<Result<Snapshot, CallError>>)>,
}

impl ReadAhead {
    /// `names`: each secret to read, in the order [`ReadAhead::take`] will ask
    /// for them. Call within the runtime.
    pub fn new(client: &Client, names: Vec<Listed>) -> ReadAhead {
        let mut ahead = ReadAhead {
            client: client.clone(),
            waiting: names.into_iter(),
            running: Default::default(),
        };
        ahead.fill();
        ahead
    }

    fn fill(&mut self) {
        while self.running.len() < READ_AHEAD {
            let Some(listed) = self.waiting.next() else {
                return;
            };
            let client = self.client.clone();
            let name = listed.name.clone();
            let task = tokio::spawn(async move { snapshot_of(&client, &listed).await });
            self.running.push_back((name, task));
        }
    }

    /// The snapshot of `name`, the next in order (read now if it was not queued).
    pub async fn take(&mut self, listed: &Listed) -> Result<Snapshot, CallError> {
        if self.running.front().is_some_and(|(n, _)| *n == listed.name) {
            let (_, task) = self.running.pop_front().expect("checked");
            self.fill();
            return task
                .await
                .unwrap_or_else(|e| Err(format!("reading the secret failed: {e}")));
        }
        snapshot_of(&self.client, listed).await
    }
}

/// What the endpoint holds of a listed secret: ListSecrets' description and tags,
/// with every version and the policy read now.
pub async fn snapshot_of(client: &Client, listed: &Listed) -> Result<Snapshot, CallError> {
    let versions = versions(client, &listed.name).await?;
    let policy = policy(client, &listed.name).await?;
    Ok(Snapshot {
        name: listed.name.clone(),
        description: listed.description.clone(),
        tags: listed.tags.clone(),
        policy,
        versions,
        deleted: listed.deleted,
    })
}

async fn policy(client: &Client, name: &str) -> Result<Option<String>, CallError> {
    Ok(client
        .get_resource_policy()
        .secret_id(name)
        .send()
        .await
        .map_err(|e| format!("GetResourcePolicy: {}", error_text(&e)))?
        .resource_policy()
        .map(str::to_string))
}

/// Every version of a secret, oldest first, with its labels.
pub async fn versions(client: &Client, name: &str) -> Result<Vec<VersionMeta>, CallError> {
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client
            .list_secret_version_ids()
            .secret_id(name)
            .include_deprecated(true)
            .max_results(100)
            .set_next_token(token.take())
            .send()
            .await
            .map_err(|e| format!("ListSecretVersionIds: {}", error_text(&e)))?;
        for v in page.versions() {
            out.push(VersionMeta {
                id: v.version_id().unwrap_or_default().to_string(),
                stages: v.version_stages().to_vec(),
                created: millis(v.created_date()),
                has_value: true,
            });
        }
        match page.next_token() {
            Some(t) if !t.is_empty() => token = Some(t.to_string()),
            _ => break,
        }
    }
    out.sort_by_key(|v| v.created);
    Ok(out)
}

/// A progress bar on stderr when it is a terminal; names only, never values.
pub fn progress(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// A line on stderr that does not break the progress bar.
pub fn report(bar: &ProgressBar, line: &str) {
    if bar.is_hidden() {
        let _ = writeln!(std::io::stderr(), "{line}");
    } else {
        bar.println(line);
    }
}

/// The counts of one run.
#[derive(Default)]
pub struct Tally {
    pub created: usize,
    pub updated: usize,
    pub skipped: usize,
    pub conflicts: usize,
    pub failed: usize,
}

/// What a run did, for the summary line and the exit code.
pub struct Summary {
    pub verb: &'static str,
    pub region: String,
    pub dry_run: bool,
    pub tally: Tally,
}

impl Summary {
    pub fn line(&self) -> String {
        let would = if self.dry_run {
            "dry run, would have "
        } else {
            ""
        };
        let t = &self.tally;
        format!(
            "{} ({}): {would}created {}, updated {}, skipped {}, conflicts {}, failed {}\n",
            self.verb, self.region, t.created, t.updated, t.skipped, t.conflicts, t.failed
        )
    }

    /// False when some secrets were not copied (conflicts or failures): the CLI then
    /// exits 1, as `aws s3 sync` does for failed transfers.
    pub fn all_copied(&self) -> bool {
        self.tally.conflicts + self.tally.failed == 0
    }
}

/// A plan line of --dry-run on stdout, kept clear of the progress bar. Like the
/// summary, it is best effort on a closed pipe (`| head`).
fn plan_line(bar: &ProgressBar, what: &str, name: &str, detail: &str) {
    bar.suspend(|| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{what:<9}{name}  ({detail})").and_then(|()| out.flush());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_every_outcome_and_conflicts_are_not_all_copied() {
        let summary = Summary {
            verb: "push",
            region: "eu-west-1".into(),
            dry_run: true,
            tally: Tally {
                created: 1,
                updated: 2,
                skipped: 3,
                conflicts: 4,
                failed: 0,
            },
        };
        assert_eq!(
            summary.line(),
            "push (eu-west-1): dry run, would have created 1, updated 2, skipped 3, conflicts 4, failed 0\n"
        );
        assert!(!summary.all_copied());
        let failed = Summary {
            tally: Tally {
                failed: 1,
                ..Tally::default()
            },
            ..summary
        };
        assert!(!failed.all_copied());
        let clean = Summary {
            tally: Tally::default(),
            ..failed
        };
        assert!(clean.all_copied());
    }
}

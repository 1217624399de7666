//! What `push` and `pull` share at the edge: the AWS SDK client (the SDK's own
//! credential and region chain), reading a secret's state from the endpoint, the
//! local vault transactions, the progress bar and the summary.

use std::io::{IsTerminal, Write};

use aws_config::{BehaviorVersion, Region, retry::RetryConfig};
use aws_sdk_secretsmanager::Client;
use aws_sdk_secretsmanager::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_secretsmanager::primitives::DateTime;
use aws_sdk_secretsmanager::types::{Filter as SdkFilter, FilterNameStringType};
use clap::ArgMatches;
use indicatif::{ProgressBar, ProgressStyle};

use super::exit::CliError;
use super::settings::Settings;
use crate::core::ctx::Ctx;
use crate::core::filters::{self, Filter};
use crate::core::model::{Millis, Tag, Vault};
use crate::core::stored::Scope;
use crate::core::sync::{Snapshot, VersionMeta};
use crate::service::DEFAULT_REGION;

/// Reads the whole local vault. With [`vault_write`], the one door from push/pull
/// to the service layer's transactions.
pub fn vault_read<R>(
    settings: &Settings,
    f: impl FnOnce(&mut Vault, &mut Ctx) -> Result<R, CliError>,
) -> Result<R, CliError> {
    crate::service::txn::read_only(&settings.env, &Scope::All, |vault, ctx| Ok(f(vault, ctx)))?
}

/// Changes the whole local vault in one locked write; nothing is written when
/// `f` fails.
pub fn vault_write<R>(
    settings: &Settings,
    f: impl FnOnce(&mut Vault, &mut Ctx) -> Result<R, CliError>,
) -> Result<R, CliError> {
    crate::service::txn::write_with(&settings.env, &Scope::All, |vault, ctx| {
        let result = f(vault, ctx);
        if result.is_err() {
            vault.dirty = false;
        }
        Ok(result)
    })?
}

/// The options both commands take.
pub struct SyncArgs {
    pub endpoint_url: Option<String>,
    pub profile: Option<String>,
    pub filters: Vec<Filter>,
    pub dry_run: bool,
    pub overwrite: bool,
}

impl SyncArgs {
    pub fn from(m: &ArgMatches) -> Result<SyncArgs, CliError> {
        let filters = m
            .get_many::<String>("filter")
            .into_iter()
            .flatten()
            .map(|f| parse_filter(f))
            .collect::<Result<Vec<_>, _>>()?;
        filters::validate(&filters).map_err(|e| CliError::ParamValidation(e.to_string()))?;
        Ok(SyncArgs {
            endpoint_url: m.get_one::<String>("endpoint-url").cloned(),
            profile: m.get_one::<String>("profile").cloned(),
            filters,
            dry_run: m.get_flag("dry-run"),
            overwrite: m.get_flag("overwrite"),
        })
    }
}

/// `--filter KEY=VALUE[,VALUE…]`: one ListSecrets filter (values ORed; a
/// leading `!` negates a value, as in `list-secrets --filters`).
pub fn parse_filter(text: &str) -> Result<Filter, CliError> {
    let Some((key, values)) = text.split_once('=') else {
        return Err(CliError::ParamValidation(format!(
            "--filter '{text}': expected KEY=VALUE[,VALUE...], with KEY one of {}",
            filters::FILTER_KEYS.join(", ")
        )));
    };
    Ok(Filter {
        key: key.to_string(),
        values: values.split(',').map(str::to_string).collect(),
    })
}

/// The region secrets are copied in: --region or AWS_REGION/AWS_DEFAULT_REGION,
/// else the SDK's profile, else the vault's default, else us-east-1.
pub fn region(settings: &Settings, sdk_region: Option<String>, vault: &Vault) -> String {
    settings
        .env
        .region
        .clone()
        .or(sdk_region)
        .or_else(|| vault.default_region.clone())
        .unwrap_or_else(|| DEFAULT_REGION.to_string())
}

/// A single-threaded runtime: one secret at a time, so at most one secret's
/// values are in flight beside the vault.
pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::General(format!("cannot start the network runtime: {e}")))
}

/// The region the SDK's own chain finds (AWS_REGION, the profile's `region`).
pub async fn sdk_region(profile: Option<&str>) -> Option<String> {
    let mut chain = aws_config::default_provider::region::DefaultRegionChain::builder();
    if let Some(p) = profile {
        chain = chain.profile_name(p);
    }
    chain.build().region().await.map(|r| r.to_string())
}

/// A client with the SDK's default credential chain (environment, shared files
/// and profiles, SSO, process, container and instance roles), TLS by rustls,
/// and the standard retry mode, which backs off on ThrottlingException.
pub async fn client(args: &SyncArgs, region: &str) -> Client {
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(
            aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring,
        ))
        .build_https();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .http_client(http)
        .region(Region::new(region.to_string()))
        .retry_config(RetryConfig::standard().with_max_attempts(max_attempts()));
    if let Some(url) = &args.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    if let Some(profile) = &args.profile {
        loader = loader.profile_name(profile);
    }
    Client::new(&loader.load().await)
}

/// Attempts per call: AWS_MAX_ATTEMPTS as the SDKs read it, else 8 (a bulk copy
/// meets throttling more than one call does; backoff is exponential with jitter).
fn max_attempts() -> u32 {
    crate::cli::settings::Settings::env_lookup("AWS_MAX_ATTEMPTS")
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(8)
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

impl Tally {
    pub fn line(&self, verb: &str, region: &str, dry_run: bool) -> String {
        let would = if dry_run { "dry run, would have " } else { "" };
        format!(
            "{verb} ({region}): {would}created {}, updated {}, skipped {}, conflicts {}, failed {}\n",
            self.created, self.updated, self.skipped, self.conflicts, self.failed
        )
    }

    /// Exit 1 when some secrets were not copied, as `aws s3 sync` does for
    /// failed transfers.
    pub fn result(&self) -> Result<(), CliError> {
        if self.conflicts + self.failed > 0 {
            Err(CliError::Partial)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_filter_is_its_key_and_its_comma_separated_values(
            key in "[a-z-]{1,14}",
            values in proptest::collection::vec("!?[a-zA-Z0-9/_.@+=-]{0,10}", 1..5),
        ) {
            let f = parse_filter(&format!("{key}={}", values.join(","))).unwrap();
            prop_assert_eq!(f.key, key);
            prop_assert_eq!(f.values, values);
        }

        #[test]
        fn any_filter_text_parses_or_is_refused_without_a_panic(text in "\\PC*") {
            let _ = parse_filter(&text);
        }
    }

    #[test]
    fn a_filter_without_a_key_is_refused_with_the_keys() {
        let e = parse_filter("prod/").unwrap_err().to_string();
        assert!(
            e.contains("expected KEY=VALUE") && e.contains("tag-key"),
            "{e}"
        );
    }

    #[test]
    fn the_summary_counts_every_outcome_and_conflicts_exit_1() {
        let t = Tally {
            created: 1,
            updated: 2,
            skipped: 3,
            conflicts: 4,
            failed: 0,
        };
        assert_eq!(
            t.line("push", "eu-west-1", true),
            "push (eu-west-1): dry run, would have created 1, updated 2, skipped 3, conflicts 4, failed 0\n"
        );
        assert_eq!(t.result().unwrap_err().exit_code(), 1);
        assert!(Tally::default().result().is_ok());
    }
}

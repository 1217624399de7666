//! The request context a policy's conditions are tested against: which keys a request
//! carries and their values, built the same way for serve and the CLI's `principals can`.
//!
//! Which operation supplies which key is AWS's Service Authorization Reference for Secrets
//! Manager ("Actions, resources, and condition keys for AWS Secrets Manager",
//! docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html):
//! every action on a Secret carries `secretsmanager:SecretId`, the secret's tags
//! (`aws:ResourceTag/*`, `secretsmanager:ResourceTag/*`), `secretsmanager:resource/*` and
//! `secretsmanager:SecretPrimaryRegion`; the keys named after request parameters are
//! present only when the request passes that parameter (Secrets Manager user guide,
//! "Permissions reference": "callers ... must pass the matching parameter or they are
//! denied access ... add IfExists").

use std::collections::BTreeMap;
// libcore's address types: values only, no sockets.
use core::net::IpAddr;

use serde_json::Value;

use super::Principal;
use super::document::scalar as text;
use crate::model::{Millis, Secret};

/// The values of one key; `multi` marks keys AWS types `ArrayOf...` (aws:TagKeys,
/// secretsmanager:AddReplicaRegions), which can't be policy variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Values {
    pub values: Vec<String>,
    pub multi: bool,
}

/// Condition keys and their values. Key names are case-insensitive ("Key names are
/// case-insensitive. For example, aws:CurrentTime is equivalent to AWS:currenttime", IAM
/// user guide, policy variables), tag keys inside them included.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    keys: BTreeMap<String, Values>,
}

impl Context {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a single-valued key.
    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        self.keys.insert(
            key.to_ascii_lowercase(),
            Values {
                values: vec![value.into()],
                multi: false,
            },
        );
    }

    /// Sets a multivalued key (an empty list is a key the request does not carry).
    pub fn set_list(&mut self, key: &str, values: Vec<String>) {
        if values.is_empty() {
            return;
        }
        self.keys.insert(
            key.to_ascii_lowercase(),
            Values {
                values,
                multi: true,
            },
        );
    }

    pub fn get(&self, key: &str) -> Option<&Values> {
        self.keys.get(&key.to_ascii_lowercase())
    }

    /// Sets every key of `other` over this context's own (`principals can --context`:
    /// what a request would carry).
    pub fn override_with(&mut self, other: &Context) {
        for (k, v) in &other.keys {
            self.keys.insert(k.clone(), v.clone());
        }
    }

    /// Every key and its values, for `principals can` to show what was tested.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Values)> {
        self.keys.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// What the context of one request is made from. The caller resolves the secret (None
/// when the request names no secret or it does not exist) and supplies the clock and the
/// peer's address: the core reads neither.
pub struct RequestInfo<'a> {
    /// The API operation, as in the `X-Amz-Target` header: `GetSecretValue`.
    pub operation: &'a str,
    /// The request's JSON input.
    pub input: &'a Value,
    pub secret: Option<&'a Secret>,
    /// The secret's ARN as the service evaluates it (see [`resource_arn`]); `None` for
    /// the actions without a resource (ListSecrets, GetRandomPassword, BatchGetSecretValue).
    pub resource: Option<&'a str>,
    pub principal: &'a Principal,
    pub source_ip: Option<IpAddr>,
    /// Whether the request came over TLS (`aws:SecureTransport`); serve speaks plain HTTP.
    pub secure_transport: bool,
    /// The region the request is signed for (`aws:RequestedRegion`).
    pub region: &'a str,
    pub now: Millis,
}

/// The resource AWS evaluates for a request naming `secret_id`: the stored secret's ARN
/// when it exists (its six-character suffix included, so a grant on `secret:app/db-??????`
/// matches a request by name), else the ARN the id spells: itself if it is an ARN, or the
/// suffix-less ARN of that name. AWS authorizes before it looks the secret up for the
/// operation, so a missing secret is still checked (and denied) as this ARN.
pub fn resource_arn(
    secret_id: &str,
    stored_arn: Option<&str>,
    region: &str,
    account: &str,
) -> String {
    match stored_arn {
        Some(arn) => arn.to_string(),
        None if secret_id.starts_with("arn:") => secret_id.to_string(),
        None => format!("arn:aws:secretsmanager:{region}:{account}:secret:{secret_id}"),
    }
}

/// `aws:CurrentTime`'s form: ISO 8601 in UTC, to the second.
fn iso(now: Millis) -> String {
    chrono::DateTime::from_timestamp_millis(now)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// Builds the request context of one request: every key it carries.
pub fn request_context(info: &RequestInfo) -> Context {
    build(info, &|_| true)
}

/// The request context with only the keys of `wanted` (lowercase, as
/// [`super::Policy::keys`] lists what a policy can test): what an evaluation against those
/// policies reads, without making the keys none of them names.
pub fn request_context_for(info: &RequestInfo, wanted: &[&[String]]) -> Context {
    build(info, &|key: &str| {
        wanted
            .iter()
            .any(|keys| keys.iter().any(|k| k.eq_ignore_ascii_case(key)))
    })
}

/// Sets `key` to what `value` makes, if `want`ed.
fn put(ctx: &mut Context, want: Want, key: &str, value: impl FnOnce() -> String) {
    if want(key) {
        ctx.set(key, value());
    }
}

/// Which keys to make.
type Want<'w> = &'w dyn Fn(&str) -> bool;

fn build(info: &RequestInfo, want: Want) -> Context {
    let mut ctx = Context::new();
    let p = info.principal;
    // Global keys of a request by an IAM user (IAM user guide, "AWS global condition
    // context keys" and the principal key values table).
    put(&mut ctx, want, "aws:CurrentTime", || iso(info.now));
    put(&mut ctx, want, "aws:EpochTime", || {
        info.now.div_euclid(1000).to_string()
    });
    put(&mut ctx, want, "aws:SecureTransport", || {
        info.secure_transport.to_string()
    });
    put(&mut ctx, want, "aws:PrincipalArn", || p.arn.clone());
    put(&mut ctx, want, "aws:PrincipalAccount", || p.account.clone());
    put(&mut ctx, want, "aws:PrincipalType", || "User".to_string());
    put(&mut ctx, want, "aws:username", || p.name.clone());
    put(&mut ctx, want, "aws:userid", || p.user_id.clone());
    put(&mut ctx, want, "aws:RequestedRegion", || {
        info.region.to_string()
    });
    if let Some(ip) = info.source_ip {
        put(&mut ctx, want, "aws:SourceIp", || {
            canonical_ip(ip).to_string()
        });
    }

    // Keys of the secret the request acts on.
    if let Some(arn) = info.resource {
        put(&mut ctx, want, "secretsmanager:SecretId", || {
            arn.to_string()
        });
        if let Some(secret) = info.secret {
            for tag in secret.tags.iter().flatten() {
                for prefix in ["aws:ResourceTag/", "secretsmanager:ResourceTag/"] {
                    let key = format!("{prefix}{}", tag.key);
                    put(&mut ctx, want, &key, || tag.value.clone());
                }
            }
            if let Some(lambda) = secret.rotation.as_ref().and_then(|r| r.lambda_arn.as_ref()) {
                put(
                    &mut ctx,
                    want,
                    "secretsmanager:resource/AllowRotationLambdaArn",
                    || lambda.clone(),
                );
            }
            if let Some(t) = &secret.secret_type {
                put(&mut ctx, want, "secretsmanager:resource/Type", || t.clone());
            }
            // "primary region in which the secret is created if the secret is a
            // multi-Region secret": only replicated secrets carry it.
            if !secret.replicas.is_empty() {
                put(&mut ctx, want, "secretsmanager:SecretPrimaryRegion", || {
                    secret.region.clone()
                });
            }
        }
    }

    let input = info.input;
    let param = |name: &str| input.get(name).and_then(text);
    let from_param = |ctx: &mut Context, key: &str, name: &str| {
        if want(key)
            && let Some(v) = param(name)
        {
            ctx.set(key, v);
        }
    };
    match info.operation {
        "CreateSecret" => {
            from_param(&mut ctx, "secretsmanager:Name", "Name");
            from_param(&mut ctx, "secretsmanager:Description", "Description");
            kms_keys(&mut ctx, want, input);
            from_param(&mut ctx, "secretsmanager:Type", "Type");
            from_param(
                &mut ctx,
                "secretsmanager:ForceOverwriteReplicaSecret",
                "ForceOverwriteReplicaSecret",
            );
            replica_regions(&mut ctx, want, input);
            request_tags(&mut ctx, want, input);
        }
        "UpdateSecret" => {
            from_param(&mut ctx, "secretsmanager:Description", "Description");
            kms_keys(&mut ctx, want, input);
            from_param(&mut ctx, "secretsmanager:Type", "Type");
        }
        "DeleteSecret" => {
            from_param(
                &mut ctx,
                "secretsmanager:ForceDeleteWithoutRecovery",
                "ForceDeleteWithoutRecovery",
            );
            from_param(
                &mut ctx,
                "secretsmanager:RecoveryWindowInDays",
                "RecoveryWindowInDays",
            );
        }
        "GetSecretValue" => {
            from_param(&mut ctx, "secretsmanager:VersionId", "VersionId");
            from_param(&mut ctx, "secretsmanager:VersionStage", "VersionStage");
        }
        "UpdateSecretVersionStage" => {
            from_param(&mut ctx, "secretsmanager:VersionStage", "VersionStage");
        }
        "PutResourcePolicy" => {
            from_param(
                &mut ctx,
                "secretsmanager:BlockPublicPolicy",
                "BlockPublicPolicy",
            );
        }
        "ReplicateSecretToRegions" => {
            replica_regions(&mut ctx, want, input);
            from_param(
                &mut ctx,
                "secretsmanager:ForceOverwriteReplicaSecret",
                "ForceOverwriteReplicaSecret",
            );
        }
        "RotateSecret" => {
            from_param(
                &mut ctx,
                "secretsmanager:RotationLambdaARN",
                "RotationLambdaARN",
            );
            from_param(
                &mut ctx,
                "secretsmanager:RotateImmediately",
                "RotateImmediately",
            );
            from_param(
                &mut ctx,
                "secretsmanager:ExternalSecretRotationRoleArn",
                "ExternalSecretRotationRoleArn",
            );
            // "whether the rotation rules of the secret are to be modified": derived from
            // the request, so always present on RotateSecret.
            put(&mut ctx, want, "secretsmanager:ModifyRotationRules", || {
                input.get("RotationRules").is_some().to_string()
            });
        }
        "TagResource" => request_tags(&mut ctx, want, input),
        "UntagResource" => {
            let keys = input
                .get("TagKeys")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(text).collect())
                .unwrap_or_default();
            if want("aws:TagKeys") {
                ctx.set_list("aws:TagKeys", keys);
            }
        }
        _ => {}
    }
    ctx
}

/// `secretsmanager:KmsKeyId` as sent, and `secretsmanager:KmsKeyArn` when that is an ARN
/// (the vault holds no KMS keys to resolve an alias or key id to).
fn kms_keys(ctx: &mut Context, want: Want, input: &Value) {
    if let Some(id) = input.get("KmsKeyId").and_then(text) {
        if id.starts_with("arn:") {
            put(ctx, want, "secretsmanager:KmsKeyArn", || id.clone());
        }
        put(ctx, want, "secretsmanager:KmsKeyId", || id);
    }
}

fn replica_regions(ctx: &mut Context, want: Want, input: &Value) {
    if !want("secretsmanager:AddReplicaRegions") {
        return;
    }
    let regions = input
        .get("AddReplicaRegions")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| r.get("Region").and_then(text))
                .collect()
        })
        .unwrap_or_default();
    ctx.set_list("secretsmanager:AddReplicaRegions", regions);
}

/// `aws:RequestTag/<key>` for each tag of the request and `aws:TagKeys` listing them.
fn request_tags(ctx: &mut Context, want: Want, input: &Value) {
    let mut keys = Vec::new();
    for tag in input
        .get("Tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(k), Some(v)) = (
            tag.get("Key").and_then(text),
            tag.get("Value").and_then(text),
        ) {
            put(ctx, want, &format!("aws:RequestTag/{k}"), || v);
            keys.push(k);
        }
    }
    if want("aws:TagKeys") {
        ctx.set_list("aws:TagKeys", keys);
    }
}

/// An IPv4 client seen on a dual-stack socket arrives as `::ffff:a.b.c.d`; policies name
/// it as IPv4.
pub fn canonical_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

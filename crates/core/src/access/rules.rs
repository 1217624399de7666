//! A named test per evaluation rule (the table in `rules_table.rs`), and the tests of the
//! context builder, the messages and the edges' helpers.

use super::*;
use crate::model::{Replica, Rotation, Tag};
use crate::testing::secret_named;

macro_rules! rules {
    ($($name:ident: $case:expr;)*) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name), $case);
            }
        )*
    };
}

include!("rules_table.rs");

fn check(name: &str, case: Case) {
    let principal = Principal::user(ACCOUNT, case.principal);
    let mut ctx = request_context(&RequestInfo {
        operation: "ListSecrets",
        input: &Value::Null,
        secret: None,
        resource: None,
        principal: &principal,
        source_ip: None,
        secure_transport: false,
        region: "us-east-1",
        now: 0,
    });
    for (k, v, multi) in &case.context {
        let v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
        if *multi {
            ctx.set_list(k, v);
        } else {
            ctx.set(k, v[0].clone());
        }
    }
    let parse =
        |p: Option<&str>| p.map(|p| Policy::parse(p).unwrap_or_else(|e| panic!("{name}: {e}")));
    let (identity, resource) = (parse(case.identity), parse(case.resource_policy));
    let verdict = evaluate(
        &Request {
            principal: &principal,
            action: case.action,
            resource: case.resource,
            context: &ctx,
        },
        identity.as_ref(),
        resource.as_ref(),
    );
    assert_eq!(verdict.decision, case.expect, "{name}: {verdict:?}");
    // With only the keys the policies can read (what serve builds, Policy::keys): the
    // same verdict, so no key an evaluation reads is left out.
    let wanted: Vec<&String> = identity
        .iter()
        .chain(&resource)
        .flat_map(|p| &p.keys)
        .collect();
    let mut only = Context::new();
    for (k, v) in ctx.iter() {
        if wanted.iter().any(|w| w.eq_ignore_ascii_case(k)) {
            if v.multi {
                only.set_list(k, v.values.clone());
            } else {
                only.set(k, v.values[0].clone());
            }
        }
    }
    let narrow = evaluate(
        &Request {
            principal: &principal,
            action: case.action,
            resource: case.resource,
            context: &only,
        },
        identity.as_ref(),
        resource.as_ref(),
    );
    assert_eq!(narrow, verdict, "{name}: with only the policies' keys");
    // Whatever allows or explicitly denies is named; an implicit deny names nothing.
    assert_eq!(
        verdict.by.is_some(),
        case.expect != Decision::ImplicitDeny,
        "{name}"
    );
}

// --- Which statement decided ---

#[test]
fn the_deciding_statement_is_named_with_its_sid() {
    let p = Principal::user(ACCOUNT, "ci");
    let ctx = Context::new();
    let identity = Policy::parse(r#"{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"secretsmanager:Describe*","Resource":"*"},{"Sid":"ReadValue","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#).unwrap();
    let resource =
        Policy::parse(res_deny!(r#"{"AWS":"arn:aws:iam::123456789012:user/ci"}"#)).unwrap();
    let req = Request {
        principal: &p,
        action: "secretsmanager:GetSecretValue",
        resource: SECRET,
        context: &ctx,
    };
    let allowed = evaluate(&req, Some(&identity), None);
    assert_eq!(
        allowed.by,
        Some(Decider {
            kind: PolicyKind::Identity,
            index: 2,
            sid: Some("ReadValue".into())
        })
    );
    assert_eq!(
        allowed.by.unwrap().to_string(),
        "identity-based policy, statement 2 (ReadValue)"
    );
    let denied = evaluate(&req, Some(&identity), Some(&resource));
    assert_eq!(denied.decision, Decision::ExplicitDeny);
    assert_eq!(
        denied.by.unwrap().to_string(),
        "resource-based policy, statement 1"
    );
}

// --- Messages ---

fn verdict(decision: Decision, kind: Option<PolicyKind>) -> Verdict {
    Verdict {
        decision,
        by: kind.map(|kind| Decider {
            kind,
            index: 1,
            sid: None,
        }),
    }
}

#[test]
fn implicit_deny_message_names_the_secret_as_sent() {
    assert_eq!(
        denied_message(
            "arn:aws:iam::123456789012:user/ci",
            "secretsmanager:GetSecretValue",
            Some("app/db"),
            &verdict(Decision::ImplicitDeny, None)
        ),
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:GetSecretValue on resource: app/db because no identity-based policy allows the secretsmanager:GetSecretValue action"
    );
}

#[test]
fn message_of_an_action_without_resource_has_no_on_resource() {
    assert_eq!(
        denied_message(
            "arn:aws:iam::123456789012:user/ci",
            "secretsmanager:ListSecrets",
            None,
            &verdict(Decision::ImplicitDeny, None)
        ),
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action"
    );
}

#[test]
fn explicit_deny_messages_name_the_policy_type() {
    let m = |k| {
        denied_message(
            "arn:aws:iam::123456789012:user/test",
            "secretsmanager:DescribeSecret",
            Some("my-example-secret"),
            &verdict(Decision::ExplicitDeny, Some(k)),
        )
    };
    assert_eq!(
        m(PolicyKind::Resource),
        "User: arn:aws:iam::123456789012:user/test is not authorized to perform: secretsmanager:DescribeSecret on resource: my-example-secret with an explicit deny in a resource-based policy"
    );
    assert_eq!(
        m(PolicyKind::Identity),
        "User: arn:aws:iam::123456789012:user/test is not authorized to perform: secretsmanager:DescribeSecret on resource: my-example-secret with an explicit deny in an identity-based policy"
    );
}

#[test]
fn denied_is_an_access_denied_exception() {
    let e = denied(
        &Principal::user(ACCOUNT, "ci"),
        "secretsmanager:GetSecretValue",
        Some("x"),
        &verdict(Decision::ImplicitDeny, None),
    );
    assert_eq!(e.code.as_str(), "AccessDeniedException");
    assert!(
        e.message
            .starts_with("User: arn:aws:iam::123456789012:user/ci is not authorized")
    );
}

// --- Principals ---

#[test]
fn user_id_is_deterministic_and_shaped_like_iams() {
    let a = Principal::user(ACCOUNT, "ci");
    assert_eq!(a.user_id, Principal::user(ACCOUNT, "ci").user_id);
    assert_ne!(a.user_id, Principal::user(ACCOUNT, "app").user_id);
    assert_ne!(a.user_id, Principal::user("210987654321", "ci").user_id);
    assert_eq!(a.user_id.len(), 21);
    assert!(a.user_id.starts_with("AIDA"));
    assert!(
        a.user_id[4..]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b)),
        "{}",
        a.user_id
    );
    assert_eq!(a.arn, "arn:aws:iam::123456789012:user/ci");
}

// --- The request context ---

fn info<'a>(
    op: &'a str,
    input: &'a Value,
    secret: Option<&'a Secret>,
    p: &'a Principal,
) -> RequestInfo<'a> {
    RequestInfo {
        operation: op,
        input,
        secret,
        resource: Some(SECRET),
        principal: p,
        source_ip: Some("::ffff:127.0.0.1".parse().unwrap()),
        secure_transport: false,
        region: "us-east-1",
        now: 1_767_225_600_500,
    }
}

/// Asserts each key's first value (`None`: the request does not carry the key).
fn has(ctx: &Context, expected: &[(&str, Option<&str>)]) {
    for (key, want) in expected {
        let got = ctx.get(key).map(|v| v.values[0].as_str());
        assert_eq!(got, *want, "{key}");
    }
}

#[test]
fn context_has_the_principal_time_and_source() {
    let p = Principal::user(ACCOUNT, "ci");
    let ctx = request_context(&info("DescribeSecret", &Value::Null, None, &p));
    has(
        &ctx,
        &[
            (
                "aws:PrincipalArn",
                Some("arn:aws:iam::123456789012:user/ci"),
            ),
            ("aws:PrincipalAccount", Some(ACCOUNT)),
            ("aws:username", Some("ci")),
            ("aws:userid", Some(p.user_id.as_str())),
            ("aws:PrincipalType", Some("User")),
            ("aws:CurrentTime", Some("2026-01-01T00:00:00Z")),
            ("aws:EpochTime", Some("1767225600")),
            ("aws:SecureTransport", Some("false")),
        ],
    );
    // An IPv4 client on a dual-stack socket is named as IPv4.
    has(
        &ctx,
        &[
            ("aws:SourceIp", Some("127.0.0.1")),
            ("aws:RequestedRegion", Some("us-east-1")),
            ("secretsmanager:SecretId", Some(SECRET)),
            ("aws:ResourceTag/env", None),
        ],
    );
}

#[test]
fn context_has_the_secrets_tags_rotation_function_and_primary_region() {
    let p = Principal::user(ACCOUNT, "ci");
    let mut s = secret_named("app/db");
    s.tags = Some(vec![Tag {
        key: "Env".into(),
        value: "dev".into(),
    }]);
    s.rotation = Some(Rotation {
        lambda_arn: Some("arn:aws:lambda:us-east-1:123456789012:function:rot".into()),
        ..Default::default()
    });
    let ctx = request_context(&info("GetSecretValue", &Value::Null, Some(&s), &p));
    has(&ctx, &[("aws:ResourceTag/Env", Some("dev"))]);
    // Tag keys in condition keys compare case-insensitively.
    has(
        &ctx,
        &[
            ("secretsmanager:ResourceTag/env", Some("dev")),
            (
                "secretsmanager:resource/AllowRotationLambdaArn",
                Some("arn:aws:lambda:us-east-1:123456789012:function:rot"),
            ),
            ("secretsmanager:SecretPrimaryRegion", None),
        ],
    );
    s.replicas = vec![Replica {
        region: "eu-west-1".into(),
        kms_key_id: None,
        last_accessed: None,
        failed: None,
    }];
    let ctx = request_context(&info("GetSecretValue", &Value::Null, Some(&s), &p));
    has(
        &ctx,
        &[("secretsmanager:SecretPrimaryRegion", Some("us-east-1"))],
    );
}

#[test]
fn context_of_get_secret_value_has_version_keys_only_when_sent() {
    let p = Principal::user(ACCOUNT, "ci");
    let input = serde_json::json!({"SecretId": "app/db", "VersionStage": "AWSPREVIOUS"});
    let ctx = request_context(&info("GetSecretValue", &input, None, &p));
    has(
        &ctx,
        &[
            ("secretsmanager:VersionStage", Some("AWSPREVIOUS")),
            ("secretsmanager:VersionId", None),
        ],
    );
}

#[test]
fn context_of_create_secret_has_request_tags_and_parameters() {
    let p = Principal::user(ACCOUNT, "ci");
    let input = serde_json::json!({
        "Name": "app/new", "Description": "d", "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/k",
        "Tags": [{"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "ops"}],
        "AddReplicaRegions": [{"Region": "eu-west-1"}], "ForceOverwriteReplicaSecret": true
    });
    let mut i = info("CreateSecret", &input, None, &p);
    i.resource = Some("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/new");
    let ctx = request_context(&i);
    has(
        &ctx,
        &[
            ("secretsmanager:Name", Some("app/new")),
            ("secretsmanager:Description", Some("d")),
            (
                "secretsmanager:KmsKeyArn",
                Some("arn:aws:kms:us-east-1:123456789012:key/k"),
            ),
            ("aws:RequestTag/env", Some("dev")),
        ],
    );
    assert_eq!(
        ctx.get("aws:TagKeys").map(|v| (v.values.clone(), v.multi)),
        Some((vec!["env".into(), "team".into()], true))
    );
    assert_eq!(
        ctx.get("secretsmanager:AddReplicaRegions")
            .map(|v| v.values.clone()),
        Some(vec!["eu-west-1".into()])
    );
    has(
        &ctx,
        &[("secretsmanager:ForceOverwriteReplicaSecret", Some("true"))],
    );
}

#[test]
fn context_of_delete_untag_rotate_and_put_policy() {
    let p = Principal::user(ACCOUNT, "ci");
    let del = serde_json::json!({"SecretId": "x", "RecoveryWindowInDays": 7, "ForceDeleteWithoutRecovery": false});
    let ctx = request_context(&info("DeleteSecret", &del, None, &p));
    has(
        &ctx,
        &[
            ("secretsmanager:RecoveryWindowInDays", Some("7")),
            ("secretsmanager:ForceDeleteWithoutRecovery", Some("false")),
        ],
    );
    let untag = serde_json::json!({"SecretId": "x", "TagKeys": ["a", "b"]});
    let ctx = request_context(&info("UntagResource", &untag, None, &p));
    assert_eq!(ctx.get("aws:TagKeys").map(|v| v.values.len()), Some(2));
    let rot = serde_json::json!({"SecretId": "x", "RotationLambdaARN": "arn:aws:lambda:us-east-1:1:function:f", "RotateImmediately": false});
    let ctx = request_context(&info("RotateSecret", &rot, None, &p));
    has(
        &ctx,
        &[
            (
                "secretsmanager:RotationLambdaARN",
                Some("arn:aws:lambda:us-east-1:1:function:f"),
            ),
            ("secretsmanager:RotateImmediately", Some("false")),
            ("secretsmanager:ModifyRotationRules", Some("false")),
        ],
    );
    let put =
        serde_json::json!({"SecretId": "x", "ResourcePolicy": "{}", "BlockPublicPolicy": true});
    let ctx = request_context(&info("PutResourcePolicy", &put, None, &p));
    has(&ctx, &[("secretsmanager:BlockPublicPolicy", Some("true"))]);
}

#[test]
fn resource_arn_is_the_stored_arn_or_what_the_id_spells() {
    assert_eq!(
        resource_arn("app/db", Some(SECRET), "us-east-1", ACCOUNT),
        SECRET
    );
    assert_eq!(
        resource_arn("app/db", None, "us-east-1", ACCOUNT),
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db"
    );
    assert_eq!(resource_arn(SECRET, None, "eu-west-1", ACCOUNT), SECRET);
}

// --- What an operation needs, and BatchGetSecretValue ---

#[test]
fn checks_follow_the_service_authorization_reference() {
    let actions = |op: &str, input: Value| {
        checks(op, &input)
            .into_iter()
            .map(|c| (c.action, c.target))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        actions("GetSecretValue", Value::Null),
        vec![("secretsmanager:GetSecretValue".into(), Target::Secret)]
    );
    assert_eq!(
        actions("ListSecrets", Value::Null),
        vec![("secretsmanager:ListSecrets".into(), Target::Any)]
    );
    assert_eq!(
        actions(
            "CreateSecret",
            serde_json::json!({"Name": "x", "Tags": [{"Key": "a", "Value": "b"}]})
        )
        .len(),
        2
    );
    assert_eq!(
        actions("CreateSecret", serde_json::json!({"Name": "x"})).len(),
        1
    );
    assert_eq!(
        actions("BatchGetSecretValue", serde_json::json!({"Filters": []})),
        vec![
            ("secretsmanager:BatchGetSecretValue".into(), Target::Any),
            ("secretsmanager:ListSecrets".into(), Target::Any)
        ]
    );
    assert_eq!(
        actions(
            "ValidateResourcePolicy",
            serde_json::json!({"ResourcePolicy": "{}"})
        )[0]
        .0,
        "secretsmanager:PutResourcePolicy"
    );
}

#[test]
fn a_check_without_resource_ignores_the_secrets_policy() {
    let p = Principal::user(ACCOUNT, "ci");
    let grant =
        Policy::parse(res_allow!(r#"{"AWS":"arn:aws:iam::123456789012:user/ci"}"#)).unwrap();
    let caller = Caller {
        principal: &p,
        identity: None,
        source_ip: None,
        secure_transport: false,
        region: "us-east-1",
        now: 0,
    };
    let list = &checks("ListSecrets", &Value::Null)[0];
    let v = caller.authorize(
        "ListSecrets",
        &Value::Null,
        list,
        None,
        Some(SECRET),
        Some(&grant),
    );
    assert_eq!(v.decision, Decision::ImplicitDeny);
}

#[test]
fn batch_member_denied_secret_becomes_an_errors_entry() {
    let p = Principal::user(ACCOUNT, "ci");
    let identity = Policy::parse(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["secretsmanager:BatchGetSecretValue","secretsmanager:GetSecretValue"],"Resource":"*"}]}"#).unwrap();
    let lock = Policy::parse(res_deny!(r#""*""#)).unwrap();
    let caller = Caller {
        principal: &p,
        identity: Some(&identity),
        source_ip: None,
        secure_transport: false,
        region: "us-east-1",
        now: 0,
    };
    let own = &checks(
        "BatchGetSecretValue",
        &serde_json::json!({"SecretIdList": ["a", "b"]}),
    )[0];
    assert!(
        caller
            .authorize("BatchGetSecretValue", &Value::Null, own, None, None, None)
            .allowed()
    );
    let (a, b) = (secret_named("a"), secret_named("b"));
    let arn_b = "arn:aws:secretsmanager:us-east-1:123456789012:secret:b-AbC123";
    assert!(
        caller
            .batch_member(
                &a,
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:a-AbC123",
                None
            )
            .allowed()
    );
    let v = caller.batch_member(&b, arn_b, Some(&lock));
    assert_eq!(v.decision, Decision::ExplicitDeny);
    assert_eq!(
        batch_error(&p, "b", &v),
        serde_json::json!({"SecretId": "b", "ErrorCode": "AccessDeniedException",
            "Message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:GetSecretValue on resource: b with an explicit deny in a resource-based policy"})
    );
}

#[test]
fn a_resource_tag_condition_through_the_caller() {
    // The issue's example: read only secrets tagged env=dev, from loopback.
    let p = Principal::user(ACCOUNT, "ci");
    let identity = Policy::parse(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"dev"},"IpAddress":{"aws:SourceIp":"127.0.0.0/8"}}}]}"#).unwrap();
    let caller = Caller {
        principal: &p,
        identity: Some(&identity),
        source_ip: Some("127.0.0.1".parse().unwrap()),
        secure_transport: false,
        region: "us-east-1",
        now: 0,
    };
    let input = serde_json::json!({"SecretId": "app/db"});
    let check = &checks("GetSecretValue", &input)[0];
    let mut s = secret_named("app/db");
    assert!(
        !caller
            .authorize(
                "GetSecretValue",
                &input,
                check,
                Some(&s),
                Some(SECRET),
                None
            )
            .allowed()
    );
    s.tags = Some(vec![Tag {
        key: "env".into(),
        value: "dev".into(),
    }]);
    assert!(
        caller
            .authorize(
                "GetSecretValue",
                &input,
                check,
                Some(&s),
                Some(SECRET),
                None
            )
            .allowed()
    );
    let far = Caller {
        source_ip: Some("10.1.2.3".parse().unwrap()),
        ..caller
    };
    assert!(
        !far.authorize(
            "GetSecretValue",
            &input,
            check,
            Some(&s),
            Some(SECRET),
            None
        )
        .allowed()
    );
}

// --- Reading policies ---

#[test]
fn malformed_policies_are_refused_with_a_reason() {
    assert!(Policy::parse("[]").unwrap_err().contains("JSON object"));
    assert!(Policy::parse("{").unwrap_err().contains("not valid JSON"));
    assert!(
        Policy::parse(r#"{"Statement":[1]}"#)
            .unwrap_err()
            .contains("Statement 1 must be an object")
    );
    assert!(Policy::parse(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":null}}}}"#).unwrap_err().contains("strings, numbers or booleans"));
    let p = Policy::parse(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"k":"v"},"Bool":{"k":"true"}}}}"#).unwrap();
    assert_eq!(p.unknown_operators(), vec!["StringEqualz"]);
}

#[test]
fn dates_in_the_forms_iam_accepts() {
    let t = parse_date("2026-01-01T00:00:00Z").unwrap();
    assert_eq!(parse_date("2026-01-01"), Some(t));
    assert_eq!(parse_date("2026-01-01T00:00Z"), Some(t));
    assert_eq!(parse_date("2026-01-01T01:00:00+01:00"), Some(t));
    assert_eq!(parse_date("1767225600"), Some(t));
    assert_eq!(parse_date("2026-01-01T00:00:00.250Z"), Some(t + 250));
    assert_eq!(parse_date("soon"), None);
    assert_eq!(parse_date("1e400"), None);
}

#[test]
fn cidrs_of_both_families() {
    let ip = |s: &str| s.parse::<IpAddr>().unwrap();
    assert!(cidr_contains("0.0.0.0/0", ip("8.8.8.8")));
    assert!(cidr_contains("127.0.0.1", ip("::ffff:127.0.0.1")));
    assert!(!cidr_contains("127.0.0.0/33", ip("127.0.0.1")));
    assert!(!cidr_contains("::/0", ip("127.0.0.1")));
    assert!(cidr_contains("::/0", ip("::1")));
    assert!(!cidr_contains("nonsense", ip("::1")));
}

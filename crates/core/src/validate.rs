//! Service-side request validation, as AWS's front end does it before an operation runs and
//! before anything is looked up: the JSON types of the members, every constraint of the API
//! model ([`super::shapes`]), then the ClientRequestToken rule that raw HTTP clients meet.
//!
//! AWS's wording, and where it comes from (each a real answer quoted in a public issue):
//! - `1 validation error detected: Value '<v>' at '<path>' failed to satisfy constraint:
//!   Member must <...>`, `N validation errors detected: ...; ...` for several
//!   (jenkinsci/aws-secrets-manager-credentials-provider-plugin#235, Secrets Manager:
//!   `Value '[...]' at 'filters.1.member.values' ... Member must have length less than or
//!   equal to 10`).
//! - A missing required member: `Value null at 'secretId' failed to satisfy constraint: Member
//!   must not be null` (aws/aws-sdk-kotlin#1469, Secrets Manager).
//! - A sensitive member (`"sensitive": true` in the model: SecretString, SecretBinary,
//!   RotationToken) is never echoed: `Value at 'secretString' failed to satisfy constraint: ...`
//!   (seen from Secrets Manager through CloudFormation; the same form for Cognito's sensitive
//!   `password`, aws-amplify/amplify-hosting#1336, and `username`, massif-press/compcon#1951).
//! - Paths are the members' names with a lower-case first letter, joined by `.`; a list item
//!   is `<list>.<n>.member`, counted from 1 (`filters.1.member.values`, above).
//! - Patterns are quoted as the model writes them and must match the whole value (Cognito
//!   refused `bar ` for `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`, which a partial match would accept).
//! - Order: members in model order, depth first; a list's own length before its items; on
//!   one value, the pattern before the length (DynamoDB `tableName`, Firehose, Cognito
//!   `userCode` captures list them so; one Cognito capture has the reverse, so AWS's order is
//!   not strict, and this one is kept stable).
//! - Lists of values render as Java's `List.toString()` (`[a, b]`), structures as the AWS
//!   Java SDK's `toString()` (`{Key: name,Values: [a]}`).
//! - A value of the wrong JSON type is a `SerializationException`, before any constraint, as
//!   the front end fails while reading the body (`Start of list found where not expected`,
//!   `NUMBER_VALUE cannot be converted to String`, seen from DynamoDB's front end; the other
//!   type names follow the same form).
//! - Lengths count characters (Unicode scalar values, as Smithy defines `length`), blobs
//!   their decoded bytes.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::blob;
use super::error::{ErrorCode, ServiceError};
use super::shapes::{ShapeDef, model};
use super::values;

/// Checks `request` (the JSON input of operation `op`, its API name) as the service does
/// before the operation starts. Unknown members are ignored, as AWS ignores them.
pub fn request(op: &str, request: &Value) -> Result<(), ServiceError> {
    let m = model();
    let Some(shape) = m.input_of(op) else {
        return Ok(());
    };
    let mut violations = Vec::new();
    walk(request, shape, "", &mut violations)
        .map_err(|message| ServiceError::new(ErrorCode::Serialization, message))?;
    if !violations.is_empty() {
        return Err(ServiceError::validation(message(&violations)));
    }
    token_rule(op, request)
}

/// AWS's envelope around constraint violations: `N validation error(s) detected: a; b`.
pub fn message(violations: &[String]) -> String {
    let n = violations.len();
    let noun = if n == 1 { "error" } else { "errors" };
    format!("{n} validation {noun} detected: {}", violations.join("; "))
}

/// One violation: the value (never a sensitive one) at `path` breaks `constraint`.
pub fn violation(value: Option<&str>, path: &str, constraint: &str) -> String {
    match value {
        Some(v) => format!(
            "Value '{v}' at '{path}' failed to satisfy constraint: Member must {constraint}"
        ),
        None => format!("Value at '{path}' failed to satisfy constraint: Member must {constraint}"),
    }
}

/// SDKs fill the token in; a raw request without one is refused before the secret is looked
/// up (LocalStack's AWS-validated snapshot `test_no_client_request_token`, 2023-05: 400
/// InvalidRequestException for CreateSecret, UpdateSecret and PutSecretValue on secrets that
/// do not exist, InvalidParameterException for RotateSecret). CreateSecret and UpdateSecret
/// make a version, and need the token, only when they carry a value (the model: "If you
/// include SecretString or SecretBinary, then Secrets Manager creates ... a version").
fn token_rule(op: &str, request: &Value) -> Result<(), ServiceError> {
    let given = |k: &str| request.get(k).is_some_and(|v| !v.is_null());
    let code = match op {
        "PutSecretValue" => ErrorCode::InvalidRequest,
        "RotateSecret" => ErrorCode::InvalidParameter,
        "CreateSecret" | "UpdateSecret" if given("SecretString") || given("SecretBinary") => {
            ErrorCode::InvalidRequest
        }
        _ => return Ok(()),
    };
    if given("ClientRequestToken") {
        Ok(())
    } else {
        Err(values::missing_token(code))
    }
}

/// `SecretId` → `secretId`, as AWS names members in these messages.
fn camel(member: &str) -> String {
    let mut chars = member.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The whole-value matcher of each pattern in the model, compiled once.
fn pattern_matches(pattern: &str, value: &str) -> bool {
    static COMPILED: OnceLock<HashMap<&'static str, Option<regex_lite::Regex>>> = OnceLock::new();
    let compiled = COMPILED.get_or_init(|| {
        model()
            .shapes
            .values()
            .filter_map(|s| s.pattern.as_deref())
            .map(|p| (p, regex_lite::Regex::new(&format!("^(?:{p})$")).ok()))
            .collect()
    });
    // A pattern that does not compile (a unit test proves none) checks nothing.
    match compiled.get(pattern) {
        Some(Some(re)) => re.is_match(value),
        _ => true,
    }
}

/// The JSON type's name in the front end's "cannot be converted" message.
fn token_name(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "STRING_VALUE",
        Value::Number(_) => "NUMBER_VALUE",
        Value::Bool(true) => "TRUE_VALUE",
        Value::Bool(false) => "FALSE_VALUE",
        Value::Null => "NULL_VALUE",
        Value::Array(_) => "START_ARRAY",
        Value::Object(_) => "START_OBJECT",
    }
}

/// The front end's complaint about a value of the wrong JSON type for `want`.
fn wrong_type(v: &Value, want: &str) -> String {
    match v {
        Value::Array(_) => "Start of list found where not expected".into(),
        Value::Object(_) => "Start of structure or map found where not expected".into(),
        other => format!("{} cannot be converted to {want}", token_name(other)),
    }
}

/// A value as AWS echoes it; sensitive parts of a composite value are redacted.
fn render(v: &Value, shape: &ShapeDef) -> String {
    let m = model();
    if shape.sensitive {
        return "***Sensitive Data Redacted***".into();
    }
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let item_shape = shape.member.as_ref().map(|r| m.shape(&r.shape));
            let parts: Vec<String> = items
                .iter()
                .map(|x| match item_shape {
                    Some(s) => render(x, s),
                    None => x.to_string(),
                })
                .collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(obj) if shape.kind == "map" => {
            let value_shape = shape.value.as_ref().map(|r| m.shape(&r.shape));
            let parts: Vec<String> = obj
                .iter()
                .map(|(k, x)| match value_shape {
                    Some(s) => format!("{k}={}", render(x, s)),
                    None => format!("{k}={x}"),
                })
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        Value::Object(obj) => {
            let parts: Vec<String> = shape
                .members
                .iter()
                .filter_map(|(name, r)| {
                    let x = obj.get(name).filter(|x| !x.is_null())?;
                    Some(format!("{name}: {}", render(x, m.shape(&r.shape))))
                })
                .collect();
            format!("{{{}}}", parts.join(","))
        }
    }
}

/// Checks `v` against `shape` at `path`, adding each violation to `out`; a value of the
/// wrong JSON type stops the walk with the front end's message.
fn walk(v: &Value, shape: &ShapeDef, path: &str, out: &mut Vec<String>) -> Result<(), String> {
    let m = model();
    let shown = || (!shape.sensitive && shape.kind != "blob").then(|| render(v, shape));
    let mut fail = |constraint: String| out.push(violation(shown().as_deref(), path, &constraint));
    match shape.kind.as_str() {
        "structure" => {
            let Value::Object(obj) = v else {
                return Err(wrong_type(v, "Structure"));
            };
            for (name, r) in shape.members.iter() {
                let sub = if path.is_empty() {
                    camel(name)
                } else {
                    format!("{path}.{}", camel(name))
                };
                let member_shape = m.shape(&r.shape);
                match obj.get(name).filter(|x| !x.is_null()) {
                    Some(x) => walk(x, member_shape, &sub, out)?,
                    None if shape.required.contains(name) => {
                        out.push(if member_shape.sensitive {
                            violation(None, &sub, "not be null")
                        } else {
                            format!(
                                "Value null at '{sub}' failed to satisfy constraint: Member must not be null"
                            )
                        });
                    }
                    None => {}
                }
            }
        }
        "list" => {
            let Value::Array(items) = v else {
                return Err(wrong_type(v, "List"));
            };
            length(items.len(), shape, &mut fail);
            if let Some(r) = &shape.member {
                let item = m.shape(&r.shape);
                for (i, x) in items.iter().enumerate() {
                    // A null item is as AWS reads it: absent from the list it is in.
                    if !x.is_null() {
                        walk(x, item, &format!("{path}.{}.member", i + 1), out)?;
                    }
                }
            }
        }
        "map" => {
            let Value::Object(obj) = v else {
                return Err(wrong_type(v, "Map"));
            };
            length(obj.len(), shape, &mut fail);
            if let Some(r) = &shape.value {
                let value = m.shape(&r.shape);
                for (k, x) in obj {
                    if !x.is_null() {
                        walk(x, value, &format!("{path}.{k}"), out)?;
                    }
                }
            }
        }
        "string" => {
            let Value::String(s) = v else {
                return Err(wrong_type(v, "String"));
            };
            if let Some(p) = &shape.pattern
                && !pattern_matches(p, s)
            {
                fail(format!("satisfy regular expression pattern: {p}"));
            }
            length(s.chars().count(), shape, &mut fail);
            if !shape.enum_values.is_empty() && !shape.enum_values.iter().any(|e| e == s) {
                fail(format!(
                    "satisfy enum value set: [{}]",
                    shape.enum_values.join(", ")
                ));
            }
        }
        "blob" => {
            let Value::String(text) = v else {
                return Err(wrong_type(v, "ByteBuffer"));
            };
            let Some(bytes) = blob::decode(text).map(zeroize::Zeroizing::new) else {
                return Err(format!("Value at '{path}' is not valid base64 text"));
            };
            length(bytes.len(), shape, &mut fail);
        }
        "integer" | "long" => {
            let Some(n) = v.as_i64() else {
                return Err(wrong_type(
                    v,
                    if shape.kind == "long" {
                        "Long"
                    } else {
                        "Integer"
                    },
                ));
            };
            bounds(n, shape, "value", &mut fail);
        }
        "boolean" if !v.is_boolean() => return Err(wrong_type(v, "Boolean")),
        _ => {}
    }
    Ok(())
}

/// A length (of a string, blob, list or map) against the shape's `min`/`max`.
fn length(len: usize, shape: &ShapeDef, fail: &mut impl FnMut(String)) {
    bounds(
        i64::try_from(len).unwrap_or(i64::MAX),
        shape,
        "length",
        fail,
    );
}

/// `n` (a `length` or a `value`) against the shape's `min`/`max`.
fn bounds(n: i64, shape: &ShapeDef, what: &str, fail: &mut impl FnMut(String)) {
    if let Some(min) = shape.min
        && n < min
    {
        fail(format!("have {what} greater than or equal to {min}"));
    }
    if let Some(max) = shape.max
        && n > max
    {
        fail(format!("have {what} less than or equal to {max}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TOKEN: &str = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    fn err(op: &str, v: Value) -> ServiceError {
        request(op, &v).expect_err("refused")
    }

    /// The message of a request refused with ValidationException.
    fn invalid(op: &str, v: Value) -> String {
        let e = err(op, v);
        assert_eq!(e.code, ErrorCode::Validation, "{e}");
        e.message
    }

    fn one(value: Option<&str>, path: &str, constraint: &str) -> String {
        message(&[violation(value, path, constraint)])
    }

    #[test]
    fn every_pattern_of_the_model_compiles() {
        for (name, shape) in &model().shapes {
            if let Some(p) = &shape.pattern {
                assert!(
                    regex_lite::Regex::new(&format!("^(?:{p})$")).is_ok(),
                    "{name}: {p}"
                );
            }
        }
    }

    #[test]
    fn good_requests_pass() {
        for (op, v) in [
            ("GetSecretValue", json!({"SecretId": "a"})),
            (
                "CreateSecret",
                json!({"Name": "a", "SecretString": "v", "ClientRequestToken": TOKEN,
                       "Tags": [{"Key": "k", "Value": ""}], "AddReplicaRegions": [{"Region": "eu-west-1"}]}),
            ),
            ("CreateSecret", json!({"Name": "a", "Description": ""})),
            (
                "PutSecretValue",
                json!({"SecretId": "a", "SecretBinary": "AA==", "ClientRequestToken": TOKEN,
                       "VersionStages": ["AWSCURRENT", "x"]}),
            ),
            (
                "ListSecrets",
                json!({"MaxResults": 100, "SortOrder": "desc", "SortBy": "name",
                       "Filters": [{"Key": "all", "Values": ["!a b:_@/+=.-!"]}]}),
            ),
            (
                "RotateSecret",
                json!({"SecretId": "a", "ClientRequestToken": TOKEN,
                       "RotationRules": {"ScheduleExpression": "rate(10 days)", "Duration": "2h"}}),
            ),
            ("GetRandomPassword", json!({})),
        ] {
            assert_eq!(request(op, &v), Ok(()), "{op} {v}");
        }
    }

    #[test]
    fn a_missing_required_member_must_not_be_null() {
        // aws/aws-sdk-kotlin#1469, from Secrets Manager.
        assert_eq!(
            invalid("GetSecretValue", json!({})),
            "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null"
        );
        // A JSON null is an absent member.
        assert_eq!(
            invalid("GetSecretValue", json!({"SecretId": null})),
            invalid("GetSecretValue", json!({}))
        );
    }

    #[test]
    fn string_lengths() {
        assert_eq!(
            invalid("GetSecretValue", json!({"SecretId": ""})),
            one(
                Some(""),
                "secretId",
                "have length greater than or equal to 1"
            )
        );
        let long = "d".repeat(2049);
        assert_eq!(
            invalid(
                "UpdateSecret",
                json!({"SecretId": "a", "Description": long})
            ),
            one(
                Some(&long),
                "description",
                "have length less than or equal to 2048"
            )
        );
        // Characters, not bytes.
        let accents = "é".repeat(2048);
        assert_eq!(
            request(
                "UpdateSecret",
                &json!({"SecretId": "a", "Description": accents})
            ),
            Ok(())
        );
    }

    #[test]
    fn a_version_id_shorter_than_32_is_refused() {
        for (op, member) in [
            ("UpdateSecretVersionStage", "MoveToVersionId"),
            ("UpdateSecretVersionStage", "RemoveFromVersionId"),
            ("GetSecretValue", "VersionId"),
        ] {
            let mut v = json!({"SecretId": "a", "VersionStage": "L"});
            v[member] = json!("short");
            assert_eq!(
                invalid(op, v),
                one(
                    Some("short"),
                    &camel(member),
                    "have length greater than or equal to 32"
                ),
                "{op} {member}"
            );
        }
        assert_eq!(
            invalid(
                "PutSecretValue",
                json!({"SecretId": "a", "SecretString": "v", "ClientRequestToken": "short"})
            ),
            one(
                Some("short"),
                "clientRequestToken",
                "have length greater than or equal to 32"
            )
        );
    }

    #[test]
    fn sensitive_values_are_never_echoed() {
        // Value at 'secretString' (no value), as AWS answers for sensitive members.
        assert_eq!(
            invalid(
                "PutSecretValue",
                json!({"SecretId": "a", "SecretString": "", "ClientRequestToken": TOKEN})
            ),
            "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length greater than or equal to 1"
        );
        let long = "s".repeat(65537);
        let m = invalid(
            "CreateSecret",
            json!({"Name": "a", "SecretString": long, "ClientRequestToken": TOKEN}),
        );
        assert_eq!(
            m,
            one(
                None,
                "secretString",
                "have length less than or equal to 65536"
            )
        );
        let m = invalid(
            "PutSecretValue",
            json!({"SecretId": "a", "SecretString": "v", "ClientRequestToken": TOKEN,
                   "RotationToken": "not a token, and secret"}),
        );
        assert!(!m.contains("secret'"), "{m}");
        assert!(
            m.starts_with("2 validation errors detected: Value at 'rotationToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9\\-]+$; Value at 'rotationToken' "),
            "{m}"
        );
    }

    #[test]
    fn blob_lengths_count_bytes() {
        assert_eq!(
            invalid(
                "PutSecretValue",
                json!({"SecretId": "a", "SecretBinary": "", "ClientRequestToken": TOKEN})
            ),
            one(
                None,
                "secretBinary",
                "have length greater than or equal to 1"
            )
        );
        let big = blob::encode(&vec![7u8; 65537]);
        assert_eq!(
            invalid(
                "UpdateSecret",
                json!({"SecretId": "a", "SecretBinary": big, "ClientRequestToken": TOKEN})
            ),
            one(
                None,
                "secretBinary",
                "have length less than or equal to 65536"
            )
        );
        let most = blob::encode(&vec![7u8; 65536]);
        assert_eq!(
            request(
                "UpdateSecret",
                &json!({"SecretId": "a", "SecretBinary": most, "ClientRequestToken": TOKEN})
            ),
            Ok(())
        );
    }

    #[test]
    fn number_ranges() {
        // The conformance scenario's text (08-random-password).
        assert_eq!(
            invalid("GetRandomPassword", json!({"PasswordLength": 4097})),
            "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096"
        );
        assert_eq!(
            invalid("GetRandomPassword", json!({"PasswordLength": 0})),
            one(
                Some("0"),
                "passwordLength",
                "have value greater than or equal to 1"
            )
        );
        assert_eq!(
            invalid(
                "ListSecretVersionIds",
                json!({"SecretId": "a", "MaxResults": 101})
            ),
            one(
                Some("101"),
                "maxResults",
                "have value less than or equal to 100"
            )
        );
        assert_eq!(
            invalid(
                "BatchGetSecretValue",
                json!({"Filters": [], "MaxResults": 21})
            ),
            one(
                Some("21"),
                "maxResults",
                "have value less than or equal to 20"
            )
        );
    }

    #[test]
    fn patterns_are_quoted_as_the_model_writes_them_and_match_whole_values() {
        assert_eq!(
            invalid(
                "RemoveRegionsFromReplication",
                json!({"SecretId": "a", "RemoveReplicaRegions": ["eu-west-1", "EU-WEST-1"]})
            ),
            one(
                Some("EU-WEST-1"),
                "removeReplicaRegions.2.member",
                r"satisfy regular expression pattern: ^([a-z]+-)+\d+$"
            )
        );
        // `[0-9]+h` is found inside "x2h" but does not match it whole.
        assert_eq!(
            invalid(
                "RotateSecret",
                json!({"SecretId": "a", "ClientRequestToken": TOKEN,
                       "RotationRules": {"AutomaticallyAfterDays": 1, "Duration": "x2h"}})
            ),
            one(
                Some("x2h"),
                "rotationRules.duration",
                "satisfy regular expression pattern: [0-9]+h"
            )
        );
    }

    #[test]
    fn enums() {
        assert_eq!(
            invalid("ListSecrets", json!({"SortOrder": "bogus"})),
            one(
                Some("bogus"),
                "sortOrder",
                "satisfy enum value set: [asc, desc]"
            )
        );
        assert_eq!(
            invalid("ListSecrets", json!({"SortBy": "Name"})),
            one(
                Some("Name"),
                "sortBy",
                "satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]"
            )
        );
    }

    #[test]
    fn staging_labels_list_and_members() {
        let put = |stages: Value| json!({"SecretId": "a", "SecretString": "v", "ClientRequestToken": TOKEN, "VersionStages": stages});
        assert_eq!(
            invalid("PutSecretValue", put(json!([]))),
            one(
                Some("[]"),
                "versionStages",
                "have length greater than or equal to 1"
            )
        );
        assert_eq!(
            invalid("PutSecretValue", put(json!(["AWSCURRENT", ""]))),
            one(
                Some(""),
                "versionStages.2.member",
                "have length greater than or equal to 1"
            )
        );
        let many: Vec<String> = (0..21).map(|i| format!("L{i}")).collect();
        assert_eq!(
            invalid("PutSecretValue", put(json!(many))),
            one(
                Some(&format!("[{}]", many.join(", "))),
                "versionStages",
                "have length less than or equal to 20"
            )
        );
        assert_eq!(
            invalid(
                "UpdateSecretVersionStage",
                json!({"SecretId": "a", "VersionStage": ""})
            ),
            one(
                Some(""),
                "versionStage",
                "have length greater than or equal to 1"
            )
        );
    }

    #[test]
    fn structures_in_lists_have_member_paths() {
        assert_eq!(
            invalid(
                "TagResource",
                json!({"SecretId": "a", "Tags": [{"Key": "ok", "Value": "v"}, {"Key": "", "Value": "v"}]})
            ),
            one(
                Some(""),
                "tags.2.member.key",
                "have length greater than or equal to 1"
            )
        );
        let long = "k".repeat(129);
        assert_eq!(
            invalid("UntagResource", json!({"SecretId": "a", "TagKeys": [long]})),
            one(
                Some(&long),
                "tagKeys.1.member",
                "have length less than or equal to 128"
            )
        );
        assert_eq!(
            invalid(
                "RotateSecret",
                json!({"SecretId": "a", "ClientRequestToken": TOKEN,
                       "ExternalSecretRotationMetadata": [{"Key": "k", "Value": ""}]})
            ),
            one(
                Some(""),
                "externalSecretRotationMetadata.1.member.value",
                "have length greater than or equal to 1"
            )
        );
    }

    // The filter checks filters.rs made for ListSecrets and BatchGetSecretValue, now the model's.

    fn filters(f: Value) -> String {
        invalid("ListSecrets", json!({"Filters": f}))
    }

    const KEYS: &str =
        "[description, name, tag-key, tag-value, primary-region, owning-service, all]";
    const VALUE_PATTERN: &str = r"^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$";

    #[test]
    fn filter_key_outside_the_enum() {
        assert_eq!(
            filters(json!([{"Key": "name", "Values": ["a"]}, {"Key": "bogus", "Values": ["a"]}])),
            one(
                Some("bogus"),
                "filters.2.member.key",
                &format!("satisfy enum value set: {KEYS}")
            )
        );
        assert!(
            request(
                "ListSecrets",
                &json!({"Filters": [{"Key": "Name", "Values": ["a"]}]})
            )
            .is_err()
        );
    }

    #[test]
    fn filter_value_counts() {
        // Real AWS text, jenkinsci/aws-secrets-manager-credentials-provider-plugin#235.
        let vals: Vec<String> = (1..=11).map(|i| format!("s{i}")).collect();
        assert_eq!(
            filters(json!([{"Key": "name", "Values": vals}])),
            "1 validation error detected: Value '[s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11]' at 'filters.1.member.values' failed to satisfy constraint: Member must have length less than or equal to 10"
        );
        assert_eq!(
            filters(json!([{"Key": "name", "Values": []}])),
            one(
                Some("[]"),
                "filters.1.member.values",
                "have length greater than or equal to 1"
            )
        );
        let many: Vec<Value> = (0..11)
            .map(|_| json!({"Key": "name", "Values": ["a"]}))
            .collect();
        let m = filters(json!(many));
        assert!(
            m.starts_with("1 validation error detected: Value '[{Key: name,Values: [a]}, "),
            "{m}"
        );
        assert!(m.ends_with("' at 'filters' failed to satisfy constraint: Member must have length less than or equal to 10"), "{m}");
    }

    #[test]
    fn filter_value_length_and_pattern() {
        let long = "a".repeat(513);
        assert_eq!(
            filters(json!([{"Key": "name", "Values": [long]}])),
            one(
                Some(&long),
                "filters.1.member.values.1.member",
                "have length less than or equal to 512"
            )
        );
        for bad in ["a*", "x?", "é", "tab\t", "#"] {
            assert_eq!(
                filters(json!([{"Key": "name", "Values": ["ok", bad]}])),
                one(
                    Some(bad),
                    "filters.1.member.values.2.member",
                    &format!("satisfy regular expression pattern: {VALUE_PATTERN}")
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn several_violations_are_reported_together_in_member_order() {
        assert_eq!(
            filters(json!([{"Key": "bogus", "Values": ["a*"]}])),
            format!(
                "2 validation errors detected: Value 'bogus' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: {KEYS}; Value 'a*' at 'filters.1.member.values.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: {VALUE_PATTERN}"
            )
        );
        let x = "x".repeat(4097);
        assert_eq!(
            invalid(
                "GetRandomPassword",
                json!({"ExcludeCharacters": x, "PasswordLength": 5000})
            ),
            format!(
                "2 validation errors detected: Value '5000' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096; Value '{x}' at 'excludeCharacters' failed to satisfy constraint: Member must have length less than or equal to 4096"
            )
        );
    }

    // The rotation rules' model checks schedule.rs made, now the model's.

    fn rules(r: Value) -> String {
        invalid(
            "RotateSecret",
            json!({"SecretId": "a", "ClientRequestToken": TOKEN, "RotationRules": r}),
        )
    }

    #[test]
    fn rotation_rules_ranges_lengths_and_patterns() {
        assert_eq!(
            rules(json!({"AutomaticallyAfterDays": 1001})),
            "1 validation error detected: Value '1001' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value less than or equal to 1000"
        );
        assert_eq!(
            rules(json!({"AutomaticallyAfterDays": 1, "Duration": "100h"})),
            one(
                Some("100h"),
                "rotationRules.duration",
                "have length less than or equal to 3"
            )
        );
        // The pattern before the length, on one value.
        assert_eq!(
            rules(json!({"AutomaticallyAfterDays": 1, "Duration": ""})),
            "2 validation errors detected: Value '' at 'rotationRules.duration' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+h; Value '' at 'rotationRules.duration' failed to satisfy constraint: Member must have length greater than or equal to 2"
        );
        assert_eq!(
            rules(json!({"ScheduleExpression": "rate(10 days);"})),
            r"1 validation error detected: Value 'rate(10 days);' at 'rotationRules.scheduleExpression' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9A-Za-z\(\)#\?\*\-\/, ]+"
        );
        let m = rules(
            json!({"ScheduleExpression": "bad;", "Duration": "2 h", "AutomaticallyAfterDays": 0}),
        );
        assert!(m.starts_with("3 validation errors detected: "), "{m}");
        let at = |member: &str| m.find(&format!("'rotationRules.{member}'")).unwrap();
        assert!(at("automaticallyAfterDays") < at("duration"), "{m}");
        assert!(at("duration") < at("scheduleExpression"), "{m}");
    }

    #[test]
    fn a_value_of_the_wrong_type_is_a_serialization_error() {
        for (v, text) in [
            (
                json!({"SecretId": 12}),
                "NUMBER_VALUE cannot be converted to String",
            ),
            (
                json!({"SecretId": ["a"]}),
                "Start of list found where not expected",
            ),
            (
                json!({"SecretId": "a", "VersionStage": {"a": 1}}),
                "Start of structure or map found where not expected",
            ),
        ] {
            let e = err("GetSecretValue", v);
            assert_eq!(
                (e.code, e.message.as_str()),
                (ErrorCode::Serialization, text)
            );
        }
        let e = err("ListSecrets", json!({"MaxResults": "10"}));
        assert_eq!(e.message, "STRING_VALUE cannot be converted to Integer");
        let e = err("ListSecrets", json!({"IncludePlannedDeletion": "yes"}));
        assert_eq!(e.message, "STRING_VALUE cannot be converted to Boolean");
        // A sensitive member of the wrong type is not echoed either.
        let e = err(
            "PutSecretValue",
            json!({"SecretId": "a", "SecretBinary": "not base64!", "ClientRequestToken": TOKEN}),
        );
        assert_eq!(e.code, ErrorCode::Serialization);
        assert!(!e.message.contains("not base64"), "{e}");
        // The type is read before any constraint is checked.
        assert_eq!(
            err("GetSecretValue", json!({"SecretId": "", "VersionId": 5})).code,
            ErrorCode::Serialization
        );
    }

    #[test]
    fn unknown_members_are_ignored() {
        assert_eq!(
            request("GetSecretValue", &json!({"SecretId": "a", "Bogus": [1, 2]})),
            Ok(())
        );
    }

    #[test]
    fn a_raw_request_without_a_token_is_refused_with_the_operation_s_code() {
        let missing =
            "You must provide a ClientRequestToken value. We recommend a UUID-type value.";
        for (op, v, code) in [
            (
                "PutSecretValue",
                json!({"SecretId": "a", "SecretString": "v"}),
                ErrorCode::InvalidRequest,
            ),
            (
                "UpdateSecret",
                json!({"SecretId": "a", "SecretString": "v"}),
                ErrorCode::InvalidRequest,
            ),
            (
                "CreateSecret",
                json!({"Name": "a", "SecretBinary": "AA=="}),
                ErrorCode::InvalidRequest,
            ),
            (
                "RotateSecret",
                json!({"SecretId": "a"}),
                ErrorCode::InvalidParameter,
            ),
        ] {
            let e = err(op, v);
            assert_eq!((e.code, e.message.as_str()), (code, missing), "{op}");
        }
        // No value, no version, no token needed.
        assert_eq!(request("CreateSecret", &json!({"Name": "a"})), Ok(()));
        assert_eq!(
            request(
                "UpdateSecret",
                &json!({"SecretId": "a", "Description": "d"})
            ),
            Ok(())
        );
        // The model's constraints come first.
        assert_eq!(
            err(
                "PutSecretValue",
                json!({"SecretId": "a", "SecretString": ""})
            )
            .code,
            ErrorCode::Validation
        );
    }
}

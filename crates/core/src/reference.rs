//! AWS's two ways to point at a secret, ECS `valueFrom` and CloudFormation's
//! `{{resolve:secretsmanager:…}}`, parsed by their own rules, resolved through GetSecretValue,
//! and the value taken out (whole, one json-key, or every key as a variable). Hand-written:
//! no kept crate knows these grammars.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::value::RawValue;
use zeroize::Zeroizing;

use super::ctx::Ctx;
use super::error::ServiceError;
use super::model::Vault;
use super::ops::get_secret_value::{GetSecretValueRequest, get_secret_value};

/// Which grammar a reference was written in; it decides the words of a missing-key error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// ECS/EKS `valueFrom`: `SECRET[:json-key:version-stage:version-id]`.
    Ecs,
    /// CloudFormation: `{{resolve:secretsmanager:SECRET[:SecretString[:json-key[:version-stage[:version-id]]]]}}`.
    Cfn,
}

/// What a reference asks for: a GetSecretValue request and, optionally, one top-level key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub syntax: Syntax,
    pub secret_id: String,
    pub json_key: Option<String>,
    pub version_stage: Option<String>,
    pub version_id: Option<String>,
}

/// Why a reference gave no value. Never holds a secret value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The reference does not parse (nothing was read).
    Syntax(String),
    /// GetSecretValue refused it, with the service's code and message.
    Service(ServiceError),
    /// The value is there but cannot give what was asked (binary, not JSON, no such key, NUL).
    Value(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Syntax(m) | Failure::Value(m) => f.write_str(m),
            Failure::Service(e) => write!(
                f,
                "An error occurred ({}) when calling the GetSecretValue operation: {}",
                e.code.as_str(),
                e.message
            ),
        }
    }
}

/// A failed reference with where it came from (`--env DB`, `line 3 of app.tpl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub origin: String,
    pub reference: String,
    pub failure: Failure,
}

impl fmt::Display for Unresolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: reference '{}': {}",
            self.origin, self.reference, self.failure
        )
    }
}

/// The amazon-ecs-agent's words for a valueFrom it cannot split (asmsecret.go).
pub const ECS_INVALID_ARN: &str = "an invalid ARN format for the AWS Secrets Manager secret was specified. Specify a valid ARN and try again.";
/// The ecs-agent's words for a missing key are [`ecs_missing_key`]; CloudFormation's are these.
pub const CFN_MISSING_KEY: &str = "Could not find a value associated with JSONKey in SecretString";
/// CloudFormation's documentation on the second field.
pub const CFN_SECRET_STRING_ONLY: &str = "Currently, the only supported value is SecretString.";
pub const BINARY: &str =
    "the secret's value is a SecretBinary; only a SecretString can be used here";
pub const NUL: &str =
    "the value contains a NUL character, which an environment variable cannot hold";

const ECS_HINT: &str = "A reference is SECRET or SECRET:json-key:version-stage:version-id, where SECRET is a name or an ARN and empty fields are allowed (prod/db:password::).";

pub fn ecs_missing_key(key: &str) -> String {
    format!("retrieved secret from Secrets Manager did not contain json key {key}")
}

fn syntax(message: impl Into<String>) -> Failure {
    Failure::Syntax(message.into())
}

fn field(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Parses an ECS `valueFrom` (or a name or partial ARN with the same trailing fields), as
/// the ecs-agent's `getASMParametersFromInput` does: the part after the secret is split on
/// `:` and must be absent or exactly `json-key:version-stage:version-id`; empty is unset.
pub fn parse_ecs(text: &str) -> Result<Reference, Failure> {
    let invalid = || syntax(format!("{ECS_INVALID_ARN} {ECS_HINT}"));
    if text.is_empty() {
        return Err(syntax("the reference is empty"));
    }
    let (secret_id, fields): (String, Vec<&str>) = if text.starts_with("arn:") {
        // arn.Parse: six sections, the sixth (the resource) keeping its colons.
        let sections: Vec<&str> = text.splitn(6, ':').collect();
        if sections.len() < 6 {
            return Err(invalid());
        }
        let resource: Vec<&str> = sections[5].split(':').collect();
        match resource.len() {
            2 => (text.to_string(), vec![]),
            5 => (
                format!(
                    "{}:{}:{}",
                    sections[..5].join(":"),
                    resource[0],
                    resource[1]
                ),
                resource[2..].to_vec(),
            ),
            _ => return Err(invalid()),
        }
    } else {
        let parts: Vec<&str> = text.split(':').collect();
        match parts.len() {
            1 => (text.to_string(), vec![]),
            4 => (parts[0].to_string(), parts[1..].to_vec()),
            _ => return Err(invalid()),
        }
    };
    if secret_id.is_empty() {
        return Err(syntax(format!("the secret is missing. {ECS_HINT}")));
    }
    let get = |i: usize| fields.get(i).and_then(|s| field(s));
    Ok(Reference {
        syntax: Syntax::Ecs,
        secret_id,
        json_key: get(0),
        version_stage: get(1),
        version_id: get(2),
    })
}

/// The start of every CloudFormation Secrets Manager reference.
pub const CFN_OPEN: &[u8] = b"{{resolve:secretsmanager:";
const CFN_CLOSE: &[u8] = b"}}";

/// Parses the inside of `{{…}}` (`resolve:secretsmanager:…`) by cfn-lint's rules
/// (DynamicReference.py): split on `:`; an `arn` id takes seven fields (the sixth `secret`),
/// any other id one; then at most four fields, the first `SecretString` or empty. Fields
/// are printable ASCII; version-stage and version-id exclude each other, as documented.
pub fn parse_cfn(body: &str) -> Result<Reference, Failure> {
    const FORM: &str = "A reference is {{resolve:secretsmanager:SECRET:SecretString:json-key:version-stage:version-id}}, every field after SECRET optional.";
    if !body.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Err(syntax(
            "a dynamic reference holds printable ASCII only (is a closing }} missing?)",
        ));
    }
    let parts: Vec<&str> = body.split(':').collect();
    if parts.len() < 3 || parts[0] != "resolve" || parts[1] != "secretsmanager" {
        return Err(syntax(format!("not a Secrets Manager reference. {FORM}")));
    }
    let (secret_id, rest) = if parts[2] == "arn" {
        if parts.len() < 9 || parts[7] != "secret" {
            return Err(syntax(format!(
                "an ARN in a reference is arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME. {FORM}"
            )));
        }
        (parts[2..9].join(":"), &parts[9..])
    } else {
        (parts[2].to_string(), &parts[3..])
    };
    if secret_id.is_empty() {
        return Err(syntax(format!("the secret is missing. {FORM}")));
    }
    if rest.len() > 4 {
        return Err(syntax(format!(
            "too many fields (fields may not include the colon character). {FORM}"
        )));
    }
    let get = |i: usize| rest.get(i).and_then(|s| field(s));
    if let Some(kind) = rest
        .first()
        .filter(|k| !k.is_empty() && **k != "SecretString")
    {
        return Err(syntax(format!(
            "'{kind}' where SecretString belongs: {CFN_SECRET_STRING_ONLY}"
        )));
    }
    let (version_stage, version_id) = (get(2), get(3));
    if version_stage.is_some() && version_id.is_some() {
        return Err(syntax(
            "give version-stage or version-id, not both (CloudFormation: \"If you use version-stage then don't specify version-id\")",
        ));
    }
    Ok(Reference {
        syntax: Syntax::Cfn,
        secret_id,
        json_key: get(1),
        version_stage,
        version_id,
    })
}

/// One `{{resolve:secretsmanager:…}}` found in a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the whole reference, braces included.
    pub start: usize,
    pub end: usize,
    /// 1-based line of its start.
    pub line: usize,
    pub parsed: Result<Reference, Failure>,
}

impl Found {
    /// The reference as written (or its first line, when it is not closed).
    pub fn text<'t>(&self, template: &'t [u8]) -> std::borrow::Cow<'t, str> {
        let bytes = &template[self.start..self.end];
        let cut = bytes
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(bytes.len());
        String::from_utf8_lossy(&bytes[..cut.min(200)])
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Every Secrets Manager reference in `template`, in order. Anything else (other
/// `{{resolve:…}}` kinds included) is text to copy; the template need not be UTF-8.
pub fn scan_template(template: &[u8]) -> Vec<Found> {
    let mut found = Vec::new();
    let (mut at, mut line, mut counted) = (0, 1, 0);
    while let Some(start) = find(template, CFN_OPEN, at) {
        line += template[counted..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = start;
        let (end, parsed) = match find(template, CFN_CLOSE, start + CFN_OPEN.len()) {
            Some(close) => {
                let body = &template[start + 2..close];
                let parsed = match std::str::from_utf8(body) {
                    Ok(body) => parse_cfn(body),
                    Err(_) => parse_cfn("\u{1}"),
                };
                (close + CFN_CLOSE.len(), parsed)
            }
            None => (
                template.len(),
                Err(syntax("the reference is not closed with }}")),
            ),
        };
        found.push(Found {
            start,
            end,
            line,
            parsed,
        });
        at = end;
    }
    found
}

/// GetSecretValue for `r` (every AWS rule of that operation applies, and the access is
/// recorded as it records it); the SecretString, or a failure if there is none.
pub fn fetch(
    vault: &mut Vault,
    r: &Reference,
    ctx: &mut Ctx,
) -> Result<Zeroizing<String>, Failure> {
    let request = GetSecretValueRequest {
        secret_id: r.secret_id.clone(),
        version_id: r.version_id.clone(),
        version_stage: r.version_stage.clone(),
    };
    let mut response = get_secret_value(vault, request, ctx).map_err(Failure::Service)?;
    match response.secret_string.take() {
        Some(s) => Ok(Zeroizing::new(s)),
        None => Err(Failure::Value(BINARY.into())),
    }
}

/// The value `r` names within its secret's SecretString: the whole text, or one key's.
pub fn value_of(secret_string: &str, r: &Reference) -> Result<Zeroizing<String>, Failure> {
    let Some(key) = &r.json_key else {
        return Ok(Zeroizing::new(secret_string.to_string()));
    };
    let members = object(secret_string, &format!("so it has no json key {key}"))?;
    match members.get(key.as_str()) {
        Some(raw) => Ok(member_text(raw)),
        None => Err(Failure::Value(match r.syntax {
            Syntax::Ecs => ecs_missing_key(key),
            Syntax::Cfn => CFN_MISSING_KEY.to_string(),
        })),
    }
}

/// Every top-level key of a JSON-object SecretString with its value, sorted by key.
pub fn all_keys(secret_string: &str) -> Result<Vec<(String, Zeroizing<String>)>, Failure> {
    let members = object(secret_string, "so it has no keys to make variables of")?;
    Ok(members
        .into_iter()
        .map(|(k, raw)| (k, member_text(raw)))
        .collect())
}

/// The members of a JSON object (the last of a repeated key wins, as in Go and Python).
/// The parser's own error is dropped: it may quote the text, which is secret.
fn object<'t>(text: &'t str, why: &str) -> Result<BTreeMap<String, &'t RawValue>, Failure> {
    serde_json::from_str(text)
        .map_err(|_| Failure::Value(format!("the SecretString is not a JSON object, {why}")))
}

/// A string member's text; any other member's JSON text as written.
fn member_text(raw: &RawValue) -> Zeroizing<String> {
    let text = raw.get();
    if text.starts_with('"') {
        // A RawValue that starts with a quote is a valid JSON string.
        Zeroizing::new(serde_json::from_str::<String>(text).unwrap_or_default())
    } else {
        Zeroizing::new(text.to_string())
    }
}

/// A JSON key as an environment variable name: upper case, and every character outside
/// `[A-Z0-9_]` replaced by `_` (one per character).
pub fn env_name(key: &str) -> String {
    key.chars()
        .map(|c| match c.to_ascii_uppercase() {
            u @ ('A'..='Z' | '0'..='9' | '_') => u,
            _ => '_',
        })
        .collect()
}

/// Whether `name` can be an environment variable's name: not empty, and no `=`, NUL or
/// whitespace.
pub fn valid_env_name(name: &str) -> bool {
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c == '=' || c == '\0' || c.is_whitespace())
}

/// `NAME=REF`, split at the first `=` (a secret name may hold `=`, a variable's may not).
pub fn assignment(text: &str) -> Result<(&str, &str), String> {
    let Some((name, reference)) = text.split_once('=') else {
        return Err(format!("'{text}' is not NAME=REF"));
    };
    if !valid_env_name(name) {
        return Err(format!(
            "'{name}' cannot name an environment variable (empty, or holds whitespace or NUL)"
        ));
    }
    Ok((name, reference))
}

/// One `NAME=REF` line of an env file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvLine {
    pub line: usize,
    pub name: String,
    pub reference: String,
}

/// An env file: `NAME=REF` lines; blank lines and `#` comment lines are skipped; an
/// `export ` prefix and quotes around REF are allowed, as dotenv files have them.
pub fn parse_env_file(text: &str) -> Result<Vec<EnvLine>, (usize, String)> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").map_or(line, str::trim_start);
        // `NAME = REF` too: the spaces around `=` are layout, not part of the name.
        let (name, reference) = assignment(line)
            .or_else(|e| match line.split_once('=') {
                Some((n, r)) if valid_env_name(n.trim_end()) => Ok((n.trim_end(), r)),
                _ => Err(e),
            })
            .map_err(|e| (i + 1, e))?;
        let reference = reference.trim();
        let reference = [('"', '"'), ('\'', '\'')]
            .iter()
            .find_map(|(open, close)| {
                reference
                    .strip_prefix(*open)
                    .and_then(|r| r.strip_suffix(*close))
            })
            .unwrap_or(reference);
        out.push(EnvLine {
            line: i + 1,
            name: name.to_string(),
            reference: reference.to_string(),
        });
    }
    Ok(out)
}

/// Whether a failure is in the reference itself (exit 252) rather than the vault's answer.
pub fn is_syntax(f: &Failure) -> bool {
    matches!(f, Failure::Syntax(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::error::MARKED_FOR_DELETION;
    use crate::testing::vault_with;
    use proptest::prelude::*;

    fn is_not_found(f: &Failure) -> bool {
        matches!(f, Failure::Service(e) if e.code == ErrorCode::ResourceNotFound)
    }

    const ARN: &str = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123";

    fn ecs(id: &str, key: Option<&str>, stage: Option<&str>, vid: Option<&str>) -> Reference {
        Reference {
            syntax: Syntax::Ecs,
            secret_id: id.into(),
            json_key: key.map(Into::into),
            version_stage: stage.map(Into::into),
            version_id: vid.map(Into::into),
        }
    }

    fn cfn(id: &str, key: Option<&str>, stage: Option<&str>, vid: Option<&str>) -> Reference {
        Reference {
            syntax: Syntax::Cfn,
            ..ecs(id, key, stage, vid)
        }
    }

    #[test]
    fn ecs_name_alone_is_the_whole_secret() {
        assert_eq!(
            parse_ecs("prod/db").unwrap(),
            ecs("prod/db", None, None, None)
        );
    }

    #[test]
    fn ecs_name_with_three_fields() {
        assert_eq!(
            parse_ecs("prod/db:password:AWSPREVIOUS:v1").unwrap(),
            ecs("prod/db", Some("password"), Some("AWSPREVIOUS"), Some("v1"))
        );
        assert_eq!(
            parse_ecs("prod/db:password::").unwrap(),
            ecs("prod/db", Some("password"), None, None)
        );
        assert_eq!(
            parse_ecs("prod/db:::v1").unwrap(),
            ecs("prod/db", None, None, Some("v1"))
        );
    }

    #[test]
    fn ecs_full_arn_alone_and_with_fields() {
        assert_eq!(parse_ecs(ARN).unwrap(), ecs(ARN, None, None, None));
        assert_eq!(
            parse_ecs(&format!("{ARN}:password:AWSCURRENT:")).unwrap(),
            ecs(ARN, Some("password"), Some("AWSCURRENT"), None)
        );
    }

    #[test]
    fn ecs_partial_arn_is_passed_on_as_the_id() {
        let partial = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db";
        assert_eq!(
            parse_ecs(&format!("{partial}:user::")).unwrap(),
            ecs(partial, Some("user"), None, None)
        );
    }

    #[test]
    fn ecs_one_or_two_trailing_fields_are_refused_with_the_agents_words() {
        for bad in [
            "prod/db:password",
            "prod/db:password:AWSCURRENT",
            "prod/db:a:b:c:d",
            &format!("{ARN}:password"),
            &format!("{ARN}:a:b:c:d"),
            "arn:aws:secretsmanager",
            "arn:aws:secretsmanager:us-east-1:1:secret",
        ] {
            let e = parse_ecs(bad).unwrap_err();
            assert!(is_syntax(&e), "{bad}");
            assert!(e.to_string().starts_with(ECS_INVALID_ARN), "{bad}: {e}");
        }
    }

    #[test]
    fn ecs_empty_reference_or_secret_is_refused() {
        assert!(is_syntax(&parse_ecs("").unwrap_err()));
        assert!(is_syntax(&parse_ecs(":k::").unwrap_err()));
    }

    #[test]
    fn cfn_id_alone_and_every_field() {
        let p = |s: &str| parse_cfn(s).unwrap();
        assert_eq!(
            p("resolve:secretsmanager:MySecret"),
            cfn("MySecret", None, None, None)
        );
        assert_eq!(
            p("resolve:secretsmanager:MySecret:SecretString"),
            cfn("MySecret", None, None, None)
        );
        assert_eq!(
            p("resolve:secretsmanager:MySecret::password"),
            cfn("MySecret", Some("password"), None, None)
        );
        assert_eq!(
            p("resolve:secretsmanager:MySecret:SecretString:password:AWSPREVIOUS"),
            cfn("MySecret", Some("password"), Some("AWSPREVIOUS"), None)
        );
        assert_eq!(
            p("resolve:secretsmanager:MySecret:SecretString:::v1"),
            cfn("MySecret", None, None, Some("v1"))
        );
        assert_eq!(
            p("resolve:secretsmanager:MySecret:SecretString:password::"),
            cfn("MySecret", Some("password"), None, None)
        );
    }

    #[test]
    fn cfn_arn_takes_seven_fields() {
        assert_eq!(
            parse_cfn(&format!(
                "resolve:secretsmanager:{ARN}:SecretString:password"
            ))
            .unwrap(),
            cfn(ARN, Some("password"), None, None)
        );
        assert_eq!(
            parse_cfn(&format!("resolve:secretsmanager:{ARN}")).unwrap(),
            cfn(ARN, None, None, None)
        );
        assert!(parse_cfn("resolve:secretsmanager:arn:aws:secretsmanager:r:1:secret").is_err());
        assert!(parse_cfn("resolve:secretsmanager:arn:aws:ssm:r:1:parameter:x").is_err());
    }

    #[test]
    fn cfn_refuses_other_kinds_too_many_fields_both_versions_and_non_ascii() {
        for bad in [
            "resolve:secretsmanager:S:SecretBinary",
            "resolve:secretsmanager:S:SecretString:k:stage:id:extra",
            "resolve:secretsmanager:S:SecretString:k:AWSCURRENT:v1",
            "resolve:secretsmanager:",
            "resolve:secretsmanager:S\n",
            "resolve:secretsmanager:Sé",
            "resolve:ssm:S",
        ] {
            assert!(is_syntax(&parse_cfn(bad).unwrap_err()), "{bad:?}");
        }
        let e = parse_cfn("resolve:secretsmanager:S:SecretBinary").unwrap_err();
        assert!(e.to_string().contains(CFN_SECRET_STRING_ONLY));
    }

    #[test]
    fn scan_finds_references_lines_and_leaves_other_resolves() {
        let t =
            b"a={{resolve:secretsmanager:A}}\n{{resolve:ssm:x}}\nb={{resolve:secretsmanager:B::k}}";
        let f = scan_template(t);
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].start, f[0].end, f[0].line), (2, 30, 1));
        assert_eq!(f[1].line, 3);
        assert_eq!(f[1].parsed, Ok(cfn("B", Some("k"), None, None)));
        assert_eq!(f[1].text(t), "{{resolve:secretsmanager:B::k}}");
    }

    #[test]
    fn scan_reports_an_unclosed_reference() {
        let t = b"x {{resolve:secretsmanager:A\nmore";
        let f = scan_template(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].end, t.len());
        assert!(is_syntax(f[0].parsed.as_ref().unwrap_err()));
        assert_eq!(f[0].text(t), "{{resolve:secretsmanager:A");
    }

    #[test]
    fn scan_of_binary_without_references_finds_nothing() {
        assert!(scan_template(&[0xff, 0, b'{', b'{', 0xfe]).is_empty());
    }

    #[test]
    fn scan_reference_spanning_lines_is_refused() {
        let f = scan_template(b"{{resolve:secretsmanager:A\n}}");
        assert!(is_syntax(f[0].parsed.as_ref().unwrap_err()));
    }

    #[test]
    fn value_without_key_is_the_whole_string() {
        let r = ecs("s", None, None, None);
        assert_eq!(value_of("not json", &r).unwrap().as_str(), "not json");
    }

    #[test]
    fn value_of_key_strings_raw_others_as_json_text() {
        let text = r#"{"user":"a\"b","port":5432,"on":true,"nil":null,"obj":{"x": [1, 2]}}"#;
        let v = |k: &str| value_of(text, &ecs("s", Some(k), None, None)).unwrap();
        assert_eq!(v("user").as_str(), "a\"b");
        assert_eq!(v("port").as_str(), "5432");
        assert_eq!(v("on").as_str(), "true");
        assert_eq!(v("nil").as_str(), "null");
        assert_eq!(v("obj").as_str(), r#"{"x": [1, 2]}"#);
    }

    #[test]
    fn missing_key_uses_each_services_words() {
        let e = value_of("{}", &ecs("s", Some("pw"), None, None)).unwrap_err();
        assert_eq!(
            e,
            Failure::Value(
                "retrieved secret from Secrets Manager did not contain json key pw".into()
            )
        );
        let e = value_of("{}", &cfn("s", Some("pw"), None, None)).unwrap_err();
        assert_eq!(e, Failure::Value(CFN_MISSING_KEY.into()));
    }

    #[test]
    fn key_of_non_json_or_non_object_fails_without_quoting_the_value() {
        for text in [
            "hunter2-secret",
            "[\"hunter2-secret\"]",
            "\"hunter2-secret\"",
        ] {
            let e = value_of(text, &ecs("s", Some("pw"), None, None)).unwrap_err();
            assert!(!e.to_string().contains("hunter2"), "{e}");
            assert!(e.to_string().contains("not a JSON object"), "{e}");
        }
    }

    #[test]
    fn all_keys_sorted_with_values() {
        let keys = all_keys(r#"{"b":"2","a":1}"#).unwrap();
        let keys: Vec<(&str, &str)> = keys.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(keys, [("a", "1"), ("b", "2")]);
        assert!(all_keys("x").is_err());
    }

    #[test]
    fn env_names_are_upper_case_with_underscores() {
        assert_eq!(env_name("db-host"), "DB_HOST");
        assert_eq!(env_name("a.b c/d"), "A_B_C_D");
        assert_eq!(env_name("Ünï"), "_N_");
        assert_eq!(env_name("already_OK_9"), "ALREADY_OK_9");
    }

    #[test]
    fn assignment_splits_at_the_first_equals() {
        assert_eq!(assignment("A=x=y").unwrap(), ("A", "x=y"));
        assert_eq!(assignment("A=").unwrap(), ("A", ""));
        assert!(assignment("A").is_err());
        assert!(assignment("=x").is_err());
        assert!(assignment("A B=x").is_err());
    }

    #[test]
    fn env_file_skips_comments_and_blanks_and_takes_export_and_quotes() {
        let text = "# refs\n\nDB=prod/db:password::\n  export API = \"api/key\"  \nQ='q'\n";
        let lines = parse_env_file(text).unwrap();
        let got: Vec<(usize, &str, &str)> = lines
            .iter()
            .map(|l| (l.line, l.name.as_str(), l.reference.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (3, "DB", "prod/db:password::"),
                (4, "API", "api/key"),
                (5, "Q", "q")
            ]
        );
    }

    #[test]
    fn env_file_line_without_equals_names_its_line() {
        let e = parse_env_file("A=b\njunk\n").unwrap_err();
        assert_eq!(e.0, 2);
    }

    #[test]
    fn fetch_applies_get_secret_value_rules() {
        let mut v = vault_with(&[("a", "x")]);
        let mut ctx = Ctx::fixed();
        assert_eq!(
            fetch(&mut v, &ecs("a", None, None, None), &mut ctx)
                .unwrap()
                .as_str(),
            "x"
        );
        let e = fetch(&mut v, &ecs("nope", None, None, None), &mut ctx).unwrap_err();
        assert!(is_not_found(&e));
        assert_eq!(
            e.to_string(),
            "An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret."
        );
        let e = fetch(&mut v, &ecs("a", None, Some("AWSPREVIOUS"), None), &mut ctx).unwrap_err();
        assert!(is_not_found(&e));
        v.secrets[0].deletion_date = Some(i64::MAX);
        let e = fetch(&mut v, &ecs("a", None, None, None), &mut ctx).unwrap_err();
        assert!(e.to_string().ends_with(MARKED_FOR_DELETION));
    }

    #[test]
    fn fetch_of_binary_is_a_value_failure() {
        let mut v = vault_with(&[("a", "x")]);
        v.secrets[0].versions[0].value = Some(crate::model::SecretValue::Binary(vec![1]));
        let e = fetch(&mut v, &ecs("a", None, None, None), &mut Ctx::fixed()).unwrap_err();
        assert_eq!(e, Failure::Value(BINARY.into()));
    }

    #[test]
    fn unresolved_names_origin_reference_and_reason() {
        let u = Unresolved {
            origin: "--env DB".into(),
            reference: "prod/db:pw::".into(),
            failure: Failure::Value(ecs_missing_key("pw")),
        };
        assert_eq!(
            u.to_string(),
            "--env DB: reference 'prod/db:pw::': retrieved secret from Secrets Manager did not contain json key pw"
        );
    }

    fn name() -> impl Strategy<Value = String> {
        "[A-Za-z0-9/_+=.@-]{1,20}"
    }

    fn part() -> impl Strategy<Value = String> {
        "[A-Za-z0-9_ .-]{0,8}"
    }

    proptest! {
        #[test]
        fn parsers_never_panic(s in ".*") {
            let _ = parse_ecs(&s);
            let _ = parse_cfn(&s);
            let _ = parse_env_file(&s);
        }

        #[test]
        fn scan_never_panics_and_ranges_are_ordered(bytes in proptest::collection::vec(any::<u8>(), 0..200),
                                                     at in 0usize..200, tail in ".{0,30}") {
            let mut t = bytes.clone();
            let at = at.min(t.len());
            let insert = format!("{{{{resolve:secretsmanager:{tail}");
            t.splice(at..at, insert.bytes());
            let found = scan_template(&t);
            prop_assert!(!found.is_empty());
            let mut last = 0;
            for f in &found {
                prop_assert!(last <= f.start && f.start < f.end && f.end <= t.len());
                last = f.end;
            }
        }

        #[test]
        fn ecs_fields_round_trip(id in name(), k in part(), s in part(), v in part()) {
            let r = parse_ecs(&format!("{id}:{k}:{s}:{v}")).unwrap();
            prop_assert_eq!(r, ecs(&id, field(&k).as_deref(), field(&s).as_deref(), field(&v).as_deref()));
            let arn = format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:{id}");
            let r = parse_ecs(&format!("{arn}:{k}:{s}:{v}")).unwrap();
            prop_assert_eq!(r.secret_id, arn);
        }

        #[test]
        fn cfn_fields_round_trip(id in name(), k in part(), s in part()) {
            prop_assume!(id != "arn");
            let r = parse_cfn(&format!("resolve:secretsmanager:{id}:SecretString:{k}:{s}")).unwrap();
            prop_assert_eq!(r, cfn(&id, field(&k).as_deref(), field(&s).as_deref(), None));
        }

        #[test]
        fn env_name_is_always_a_posix_word(key in ".*") {
            let n = env_name(&key);
            prop_assert_eq!(n.chars().count(), key.chars().count());
            prop_assert!(n.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'));
        }
    }
}

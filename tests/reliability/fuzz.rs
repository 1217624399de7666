//! Property tests for the two parsers fed from outside: the vault envelope decoder (bytes
//! from disk) and the `--query` compiler and evaluator (text from argv). Neither may panic,
//! and whatever the decoder accepts must survive a re-encode unchanged.
//! `PROPTEST_CASES` raises the number of cases (default 512 per property).

use proptest::prelude::*;
use serde_json::{Value, json};
use smvault::core::model::Vault;
use smvault::render::Query;
use smvault::vault::envelope::{decode, encode_parts};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(512);
    ProptestConfig {
        cases,
        // A failure is a finding to report, not a file to commit.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The model's own field names and enum tags, so random JSON often almost fits.
const KEYS: &[&str] = &[
    "format",
    "data",
    "secrets",
    "account_id",
    "default_region",
    "name",
    "region",
    "suffix",
    "description",
    "created",
    "last_changed",
    "last_accessed",
    "deletion_date",
    "tags",
    "versions",
    "id",
    "value",
    "string",
    "binary",
    "stages",
    "Key",
    "Value",
    "policy",
    "rotation",
    "enabled",
    "rules",
    "replicas",
    "purged_versions",
    "AWSCURRENT",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::from)),
        "\\PC{0,12}".prop_map(Value::from),
        prop::sample::select(KEYS).prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// A valid vault's plaintext, the seed the mutations start from.
fn sample_plaintext() -> Vec<u8> {
    let data = json!({
        "account_id": "123456789012",
        "secrets": [{
            "name": "app/db", "region": "us-east-1", "suffix": "AbCdEf",
            "description": "d", "created": 1_700_000_000_000_i64, "last_changed": 1_700_000_000_000_i64,
            "tags": [{"Key": "env", "Value": "prod"}],
            "versions": [
                {"id": "v1", "value": {"string": "s3cr3t"}, "stages": ["AWSPREVIOUS"], "created": 1},
                {"id": "v2", "value": {"binary": "AAEC"}, "stages": ["AWSCURRENT"], "created": 2}
            ]
        }]
    });
    let vault: Vault = serde_json::from_value(data).expect("the sample is a valid vault");
    encode(&vault)
}

/// The plaintext smvault writes for `vault` (the envelope around its JSON).
fn encode(vault: &Vault) -> Vec<u8> {
    encode_parts(
        &serde_json::to_vec(vault).expect("a vault serializes"),
        b"[]",
    )
    .concat()
}

/// Decoding never panics; an accepted vault re-encodes to itself.
fn check_decode(bytes: &[u8]) -> Result<(), TestCaseError> {
    let _ = decode::<Value>(bytes);
    if let Ok(vault) = decode::<Vault>(bytes) {
        let again = decode::<Vault>(&encode(&vault));
        prop_assert_eq!(again.as_ref().ok(), Some(&vault));
    }
    Ok(())
}

/// Tokens of the JMESPath grammar, plus the legacy-literal and multibyte corners the
/// compiler's own rewriting (`upgrade_legacy_literals`) walks through.
const TOKENS: &[&str] = &[
    "Name",
    "SecretList",
    "VersionStages",
    "Tags",
    "Key",
    "foo",
    "@",
    "*",
    ".",
    "[",
    "]",
    "[*]",
    "[]",
    "[?",
    "[0]",
    "[-1]",
    "[1:]",
    "[::-1]",
    "[:2:0]",
    "|",
    "||",
    "&&",
    "!",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "(",
    ")",
    "{",
    "}",
    ":",
    ",",
    "&",
    "`",
    "'",
    "\"",
    "\\",
    "`\"x\"`",
    "`[1,2]`",
    "`{}`",
    "`nope`",
    "`1e400`",
    "'lit'",
    "\"quoted\"",
    "length(",
    "sort_by(",
    "max_by(",
    "min_by(",
    "contains(",
    "to_string(",
    "to_number(",
    "starts_with(",
    "ends_with(",
    "keys(",
    "values(",
    "abs(",
    "not_null(",
    "reverse(",
    "join(",
    "map(",
    "merge(",
    "sum(",
    "avg(",
    "floor(",
    "ceil(",
    "type(",
    "sort(",
    "max(",
    "min(",
    "to_array(",
    "nosuch(",
    "1",
    "-0",
    "0",
    " ",
    "é",
    "\u{1F600}",
    "\u{0}",
];

fn expression() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..16).prop_map(|t| t.concat())
}

fn documents() -> Vec<Value> {
    vec![
        json!({
            "SecretList": [
                {"Name": "b", "Tags": [{"Key": "k", "Value": "v"}], "VersionStages": ["AWSCURRENT"], "Size": 3},
                {"Name": "a", "Tags": [], "VersionStages": [], "Size": -1.5},
                {"Name": null, "foo": {"bar": [1, "x", null, true]}}
            ],
            "NextToken": "t"
        }),
        json!([1, "two", null, [3], {"a": 1}]),
        json!("just a string"),
        Value::Null,
    ]
}

fn check_query(expr: &str, extra: &Value) {
    if let Ok(q) = Query::compile(expr) {
        for doc in documents().iter().chain(std::iter::once(extra)) {
            let _ = q.apply(doc);
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn envelope_decode_survives_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        check_decode(&bytes)?;
    }

    #[test]
    fn envelope_decode_survives_any_json(format in json_value(), data in json_value()) {
        let with_format = serde_json::to_vec(&json!({"format": format, "data": data})).unwrap();
        check_decode(&with_format)?;
        let as_v1 = serde_json::to_vec(&json!({"format": 1, "data": data})).unwrap();
        check_decode(&as_v1)?;
    }

    #[test]
    fn envelope_decode_survives_a_mutated_vault(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..4u8), 1..6)
    ) {
        let mut bytes = sample_plaintext();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 if i < bytes.len() => { bytes.remove(i); }
                _ => bytes.truncate(i),
            }
        }
        check_decode(&bytes)?;
    }

    #[test]
    fn query_survives_grammar_soup(expr in expression(), doc in json_value()) {
        check_query(&expr, &doc);
    }

    #[test]
    fn query_survives_any_text(expr in "\\PC{0,40}") {
        check_query(&expr, &Value::Null);
    }
}

#[test]
fn the_sample_vault_decodes() {
    let bytes = sample_plaintext();
    let vault = decode::<Vault>(&bytes).unwrap();
    assert_eq!(vault.secrets[0].versions.len(), 2);
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    // serde_json stops at 128 levels; an overflow would abort the whole test process.
    let deep = format!(
        r#"{{"format":1,"data":{{"secrets":{}{}}}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(decode::<Vault>(deep.as_bytes()).is_err());
    let query = format!("{}Name{}", "(".repeat(2_000), ")".repeat(2_000));
    check_query(&query, &Value::Null);
}

/// Product bug, kept as a failing test for the fix. Run as a child process because a
/// stack overflow aborts the whole process, which no in-process test survives: the
/// jmespath parser recurses once per `[` (10 000 overflow the 8 MiB main stack), and a
/// 20 000-step `a.a.…` chain overflows after parsing. Expected: exit 252 with a message.
#[test]
fn a_deeply_nested_query_is_refused_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    for query in ["[".repeat(10_000), format!("{}b", "a.".repeat(20_000))] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_smvault"))
            .args(["list-secrets", "--query", &query])
            .env("SMVAULT_FILE", dir.path().join("vault.age"))
            .env("SMVAULT_AGE_KEY_FILE", dir.path().join("identity.txt"))
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(252),
            "{}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

//! Every way a value reaches a request: file:// and fileb://, base64 blobs, shorthand and
//! JSON structures, --cli-input-json/yaml, skeletons, and the argparse habits scripts rely on.

use crate::support::cli;

use cli::{Env, param_validation};
use serde_json::json;

/// The stored SecretString of `id`, through JSON so every byte is visible.
fn secret_string(env: &Env, id: &str) -> String {
    let v = env.run(&["get-secret-value", "--secret-id", id]).json();
    v["SecretString"]
        .as_str()
        .unwrap_or_else(|| panic!("{id} has no SecretString: {v}"))
        .to_string()
}

/// The stored SecretBinary of `id`, as the base64 text the CLI prints.
fn secret_binary(env: &Env, id: &str) -> String {
    let v = env.run(&["get-secret-value", "--secret-id", id]).json();
    v["SecretBinary"]
        .as_str()
        .unwrap_or_else(|| panic!("{id} has no SecretBinary: {v}"))
        .to_string()
}

fn tags(env: &Env, id: &str) -> serde_json::Value {
    env.run(&["describe-secret", "--secret-id", id]).json()["Tags"].clone()
}

// ------------------------------------------------------------------ file:// and fileb://

#[test]
fn file_reads_text_with_universal_newlines_and_keeps_the_trailing_newline() {
    let env = Env::new();
    env.write("crlf.txt", "a\r\nb\r\n");
    env.write("cr.txt", "a\rb");
    env.write("pass.txt", "pass\n");
    env.ok(&[
        "create-secret",
        "--name",
        "crlf",
        "--secret-string",
        "file://crlf.txt",
    ]);
    env.ok(&[
        "create-secret",
        "--name",
        "cr",
        "--secret-string",
        "file://cr.txt",
    ]);
    env.ok(&[
        "create-secret",
        "--name",
        "pass",
        "--secret-string",
        "file://pass.txt",
    ]);
    assert_eq!(secret_string(&env, "crlf"), "a\nb\n");
    assert_eq!(secret_string(&env, "cr"), "a\nb");
    assert_eq!(secret_string(&env, "pass"), "pass\n");
}

#[test]
fn file_paths_expand_home_and_variables_and_are_relative_to_the_current_folder() {
    let env = Env::new();
    std::fs::create_dir(env.path("sub")).unwrap();
    env.write("sub/v.txt", "from home");
    env.ok(&[
        "create-secret",
        "--name",
        "tilde",
        "--secret-string",
        "file://~/sub/v.txt",
    ]);
    assert_eq!(secret_string(&env, "tilde"), "from home");

    let dir = env.dir().display().to_string();
    let run = env.run_with(
        &[("SECRETS_DIR", &dir)],
        &[
            "create-secret",
            "--name",
            "var",
            "--secret-string",
            "file://$SECRETS_DIR/sub/v.txt",
        ],
    );
    run.ok();
    assert_eq!(secret_string(&env, "var"), "from home");

    env.ok(&[
        "create-secret",
        "--name",
        "rel",
        "--secret-string",
        "file://sub/v.txt",
    ]);
    assert_eq!(secret_string(&env, "rel"), "from home");

    // The absolute form.
    let abs = format!("file://{}", env.path("sub/v.txt").display());
    env.ok(&["update-secret", "--secret-id", "rel", "--description", &abs]);
    let d = env.run(&["describe-secret", "--secret-id", "rel"]).json();
    assert_eq!(d["Description"], "from home");
}

#[test]
fn fileb_reads_raw_bytes_for_a_blob() {
    let env = Env::new();
    env.write(
        "b.bin",
        [0u8, 1, 2, b'b', b'i', b'n', b'a', b'r', b'y', 0xff],
    );
    env.ok(&[
        "create-secret",
        "--name",
        "bin",
        "--secret-binary",
        "fileb://b.bin",
    ]);
    assert_eq!(secret_binary(&env, "bin"), "AAECYmluYXJ5/w==");
    // Never base64-decoded, even if the file looks like base64.
    env.write("b64.txt", "aGk=");
    env.ok(&[
        "put-secret-value",
        "--secret-id",
        "bin",
        "--secret-binary",
        "fileb://b64.txt",
    ]);
    assert_eq!(secret_binary(&env, "bin"), "YUdrPQ==");
}

#[test]
fn file_for_a_blob_is_base64_text() {
    let env = Env::new();
    env.write("b64.txt", "aGVsbG8=\n");
    env.ok(&[
        "create-secret",
        "--name",
        "b",
        "--secret-binary",
        "file://b64.txt",
    ]);
    assert_eq!(secret_binary(&env, "b"), "aGVsbG8=");
}

// ------------------------------------------------------------------------------- blobs

#[test]
fn secret_binary_is_base64_by_default() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--name",
        "b1",
        "--secret-binary",
        "aGVsbG8gd29ybGQ=",
    ]);
    assert_eq!(secret_binary(&env, "b1"), "aGVsbG8gd29ybGQ=");
    // Python's b64decode without validate: characters outside the alphabet are dropped.
    env.ok(&[
        "create-secret",
        "--name",
        "b2",
        "--secret-binary",
        "aGVs bG8=",
    ]);
    assert_eq!(secret_binary(&env, "b2"), "aGVsbG8=");
    // The text form of the output is the same base64, for `base64 --decode`.
    let out = env.ok(&[
        "get-secret-value",
        "--secret-id",
        "b1",
        "--query",
        "SecretBinary",
        "--output",
        "text",
    ]);
    assert_eq!(out, "aGVsbG8gd29ybGQ=\n");
}

#[test]
fn raw_in_base64_out_takes_the_bytes_as_given() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--name",
        "raw",
        "--secret-binary",
        "hello world",
        "--cli-binary-format",
        "raw-in-base64-out",
    ]);
    assert_eq!(secret_binary(&env, "raw"), "aGVsbG8gd29ybGQ=");
    // A base64-looking value is stored as its own ASCII bytes.
    env.ok(&[
        "--cli-binary-format",
        "raw-in-base64-out",
        "put-secret-value",
        "--secret-id",
        "raw",
        "--secret-binary",
        "aGk=",
    ]);
    assert_eq!(secret_binary(&env, "raw"), "YUdrPQ==");
}

// ------------------------------------------------------------------ shorthand and JSON

#[test]
fn tags_in_shorthand() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--name",
        "t",
        "--secret-string",
        "v",
        "--tags",
        "Key=a,Value=b",
        "Key=c,Value=d",
    ]);
    assert_eq!(
        tags(&env, "t"),
        json!([{"Key": "a", "Value": "b"}, {"Key": "c", "Value": "d"}])
    );
    // Escaped and quoted commas, an empty value, spaces around the separators.
    env.ok(&[
        "tag-resource",
        "--secret-id",
        "t",
        "--tags",
        "Key=e,Value=x\\,y",
        "Key=f,Value='p,q'",
        "Key=g,Value=",
        "Key = h , Value = i",
    ]);
    assert_eq!(
        tags(&env, "t"),
        json!([
            {"Key": "a", "Value": "b"},
            {"Key": "c", "Value": "d"},
            {"Key": "e", "Value": "x,y"},
            {"Key": "f", "Value": "p,q"},
            {"Key": "g", "Value": ""},
            {"Key": "h", "Value": "i"}
        ])
    );
}

#[test]
fn tags_in_json() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--name",
        "t",
        "--secret-string",
        "v",
        "--tags",
        r#"[{"Key":"a","Value":"b"},{"Key":"c","Value":"d"}]"#,
    ]);
    assert_eq!(
        tags(&env, "t"),
        json!([{"Key": "a", "Value": "b"}, {"Key": "c", "Value": "d"}])
    );
    // One JSON object per word works too.
    env.ok(&[
        "tag-resource",
        "--secret-id",
        "t",
        "--tags",
        r#"{"Key":"e","Value":"f"}"#,
    ]);
    assert_eq!(tags(&env, "t")[2], json!({"Key": "e", "Value": "f"}));
}

#[test]
fn a_list_of_strings_is_space_separated_and_commas_do_not_split() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--name",
        "t",
        "--secret-string",
        "v",
        "--tags",
        "Key=a,Value=1",
        "Key=b,Value=2",
        "Key=a\\,b,Value=3",
        "Key=c,Value=4",
    ]);
    env.ok(&[
        "untag-resource",
        "--secret-id",
        "t",
        "--tag-keys",
        "a,b",
        "c",
    ]);
    assert_eq!(
        tags(&env, "t"),
        json!([{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}])
    );
    env.ok(&[
        "untag-resource",
        "--secret-id",
        "t",
        "--tag-keys",
        r#"["a","b"]"#,
    ]);
    assert_eq!(tags(&env, "t"), json!([]));
}

#[test]
fn filters_in_shorthand_with_several_values() {
    let env = Env::new();
    for name in ["alpha/1", "beta/1", "gamma/1"] {
        env.create(name, "v");
    }
    let names = |filters: &[&str]| {
        let mut args = vec!["list-secrets", "--query", "SecretList[].Name", "--filters"];
        args.extend_from_slice(filters);
        env.run(&args).json()
    };
    assert_eq!(
        names(&["Key=name,Values=alpha,beta"]),
        json!(["alpha/1", "beta/1"])
    );
    assert_eq!(
        names(&["Key=name,Values=[gamma,beta]"]),
        json!(["beta/1", "gamma/1"])
    );
    assert_eq!(
        names(&[r#"[{"Key":"name","Values":["gamma"]}]"#]),
        json!(["gamma/1"])
    );
    // Two filters are ANDed.
    assert_eq!(
        names(&["Key=name,Values=alpha,beta", "Key=name,Values=beta"]),
        json!(["beta/1"])
    );
}

// ----------------------------------------------------------- --cli-input-json / -yaml

#[test]
fn cli_input_json_inline_and_command_line_options_win() {
    let env = Env::new();
    let out = env.ok(&[
        "create-secret",
        "--cli-input-json",
        r#"{"Name":"input/json","SecretString":"from-json","Description":"json desc"}"#,
        "--description",
        "cli wins",
        "--query",
        "Name",
    ]);
    assert_eq!(out, "\"input/json\"\n");
    let d = env
        .run(&["describe-secret", "--secret-id", "input/json"])
        .json();
    assert_eq!(d["Description"], "cli wins");
    assert_eq!(secret_string(&env, "input/json"), "from-json");
}

#[test]
fn cli_input_json_from_a_file_and_no_required_options_needed() {
    let env = Env::new();
    env.write(
        "in.json",
        r#"{"Name": "from/file", "SecretString": "s", "Tags": [{"Key": "k", "Value": "v"}]}"#,
    );
    env.ok(&["create-secret", "--cli-input-json", "file://in.json"]);
    assert_eq!(secret_string(&env, "from/file"), "s");
    assert_eq!(tags(&env, "from/file"), json!([{"Key": "k", "Value": "v"}]));
    // Also for an operation whose required option is only in the document.
    let out = env.ok(&[
        "get-secret-value",
        "--cli-input-json",
        r#"{"SecretId": "from/file"}"#,
        "--query",
        "SecretString",
        "--output",
        "text",
    ]);
    assert_eq!(out, "s\n");
}

#[test]
fn cli_input_json_with_an_unknown_key() {
    let env = Env::new();
    env.fails_unchanged(
        &["create-secret", "--cli-input-json", r#"{"Name":"x","Bogus":1}"#],
        252,
        &param_validation(
            "Parameter validation failed:\nUnknown parameter in input: \"Bogus\", must be one of: Name, ClientRequestToken, Description, KmsKeyId, SecretBinary, SecretString, Tags, AddReplicaRegions, ForceOverwriteReplicaSecret, Type",
        ),
    );
}

#[test]
fn cli_input_json_blob_is_base64() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--cli-input-json",
        r#"{"Name":"jb","SecretBinary":"aGk="}"#,
    ]);
    assert_eq!(secret_binary(&env, "jb"), "aGk=");
}

#[test]
fn cli_input_yaml_inline_and_from_a_file() {
    let env = Env::new();
    env.write(
        "in.yaml",
        "Name: y1\nSecretString: ys\nTags:\n- Key: k\n  Value: v\n",
    );
    env.ok(&["create-secret", "--cli-input-yaml", "file://in.yaml"]);
    assert_eq!(secret_string(&env, "y1"), "ys");
    assert_eq!(tags(&env, "y1"), json!([{"Key": "k", "Value": "v"}]));
    env.ok(&[
        "put-secret-value",
        "--cli-input-yaml",
        "SecretId: y1\nSecretString: second",
    ]);
    assert_eq!(secret_string(&env, "y1"), "second");
}

// --------------------------------------------------------------- --generate-cli-skeleton

const CREATE_SECRET_SKELETON: &str = r#"{
    "Name": "",
    "ClientRequestToken": "",
    "Description": "",
    "KmsKeyId": "",
    "SecretBinary": null,
    "SecretString": "",
    "Tags": [
        {
            "Key": "",
            "Value": ""
        }
    ],
    "AddReplicaRegions": [
        {
            "Region": "",
            "KmsKeyId": ""
        }
    ],
    "ForceOverwriteReplicaSecret": true,
    "Type": ""
}
"#;

const GET_RANDOM_PASSWORD_SKELETON: &str = r#"{
    "PasswordLength": 0,
    "ExcludeCharacters": "",
    "ExcludeNumbers": true,
    "ExcludePunctuation": true,
    "ExcludeUppercase": true,
    "ExcludeLowercase": true,
    "IncludeSpace": true,
    "RequireEachIncludedType": true
}
"#;

#[test]
fn generate_cli_skeleton_input_is_the_aws_template() {
    let env = Env::new();
    let before = env.vault_bytes();
    assert_eq!(
        env.ok(&["create-secret", "--generate-cli-skeleton"]),
        CREATE_SECRET_SKELETON
    );
    assert_eq!(
        env.ok(&["create-secret", "--generate-cli-skeleton", "input"]),
        CREATE_SECRET_SKELETON
    );
    assert_eq!(
        env.ok(&["get-random-password", "--generate-cli-skeleton"]),
        GET_RANDOM_PASSWORD_SKELETON
    );
    let delete: serde_json::Value =
        serde_json::from_str(&env.ok(&["delete-secret", "--generate-cli-skeleton"])).unwrap();
    assert_eq!(
        delete,
        json!({"SecretId": "", "RecoveryWindowInDays": 0, "ForceDeleteWithoutRecovery": true})
    );
    // No call was made.
    assert!(before == env.vault_bytes());
}

#[test]
fn a_skeleton_fed_back_is_a_valid_input_document() {
    let env = Env::new();
    let skeleton = env.ok(&["get-random-password", "--generate-cli-skeleton"]);
    let mut doc: serde_json::Value = serde_json::from_str(&skeleton).unwrap();
    doc["PasswordLength"] = json!(12);
    doc["ExcludeCharacters"] = json!("");
    doc["IncludeSpace"] = json!(false);
    doc["RequireEachIncludedType"] = json!(false);
    doc["ExcludeNumbers"] = json!(true);
    doc["ExcludePunctuation"] = json!(true);
    doc["ExcludeUppercase"] = json!(true);
    doc["ExcludeLowercase"] = json!(false);
    let out = env.ok(&[
        "get-random-password",
        "--cli-input-json",
        &doc.to_string(),
        "--output",
        "text",
    ]);
    let pw = out.strip_suffix('\n').unwrap();
    assert_eq!(pw.len(), 12, "{pw:?}");
    assert!(pw.chars().all(|c| c.is_ascii_lowercase()), "{pw:?}");
}

#[test]
fn generate_cli_skeleton_yaml_input_starts_with_the_required_member() {
    let env = Env::new();
    let out = env.ok(&["create-secret", "--generate-cli-skeleton", "yaml-input"]);
    assert!(out.starts_with("Name: ''  # [REQUIRED]"), "{out}");
    let doc: serde_json::Value = serde_yaml_ng::from_str(&out).unwrap();
    assert_eq!(doc["Name"], "");
    assert_eq!(doc["ForceOverwriteReplicaSecret"], true);
}

#[test]
fn generate_cli_skeleton_yaml_input_keeps_model_order_and_comments() {
    let env = Env::new();
    let out = env.ok(&["create-secret", "--generate-cli-skeleton", "yaml-input"]);
    // Comments are our own help text (the AWS CLI quotes the model's documentation).
    assert!(out.contains("AddReplicaRegions: # "), "{out}");
    assert!(out.contains("\n- Region: ''  # "), "{out}");
    assert!(out.contains("\n  KmsKeyId: '' # "), "{out}");
}

#[test]
fn generate_cli_skeleton_yaml_input_writes_enum_values_bare() {
    let env = Env::new();
    let out = env.ok(&["list-secrets", "--generate-cli-skeleton", "yaml-input"]);
    // As ruamel writes them in the AWS CLI: plain when they can be, '' for empty.
    assert!(out.contains("\nSortOrder: asc # "), "{out}");
    assert!(out.contains("\nSortBy: created-date # "), "{out}");
    assert!(out.contains("\n- Key: description  # "), "{out}");
    assert!(out.contains("\nNextToken: '' # "), "{out}");
    let doc: serde_json::Value = serde_yaml_ng::from_str(&out).unwrap();
    assert_eq!(doc["SortOrder"], "asc");
    assert_eq!(doc["Filters"][0]["Key"], "description");
}

#[test]
fn generate_cli_skeleton_output_checks_the_command_first() {
    let env = Env::new();
    env.create("s", "v");
    let usage = |message: &str| {
        format!("\nsmvault: [ERROR]: An error occurred (ParamValidation): {message}\n\nusage: ")
    };
    // The input skeletons need no required option; the output one does (AWS CLI v2).
    env.ok(&["get-secret-value", "--generate-cli-skeleton"]);
    env.fails_unchanged_starting(
        &["get-secret-value", "--generate-cli-skeleton", "output"],
        252,
        &usage("the following arguments are required: --secret-id"),
    );
    env.fails_unchanged_starting(
        &[
            "update-secret-version-stage",
            "--generate-cli-skeleton",
            "output",
        ],
        252,
        &usage("the following arguments are required: --secret-id, --version-stage"),
    );
    // The parameters are validated too, from an input document as well.
    env.fails_unchanged(
        &[
            "get-secret-value",
            "--generate-cli-skeleton",
            "output",
            "--cli-input-json",
            "{}",
        ],
        252,
        &param_validation(
            "Parameter validation failed:\nMissing required parameter in input: \"SecretId\"",
        ),
    );
    env.fails_unchanged(
        &[
            "get-secret-value",
            "--generate-cli-skeleton",
            "output",
            "--secret-id",
            "",
        ],
        252,
        &param_validation(
            "Parameter validation failed:\nInvalid length for parameter SecretId, value: 0, valid min length: 1",
        ),
    );
    let out = env.ok(&[
        "get-secret-value",
        "--secret-id",
        "s",
        "--generate-cli-skeleton",
        "output",
    ]);
    assert!(out.starts_with("{\n    \"ARN\": \"\","), "{out}");
}

// ------------------------------------------------------------------ argparse behaviours

#[test]
fn unique_prefixes_of_long_options_are_accepted() {
    let env = Env::new();
    env.create("pre", "v");
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret",
            "pre",
            "--quer",
            "SecretString",
            "--out",
            "text"
        ]),
        "v\n"
    );
}

#[test]
fn the_equals_form_and_values_starting_with_a_dash() {
    let env = Env::new();
    env.ok(&["create-secret", "--name=eq", "--secret-string=-abc"]);
    assert_eq!(secret_string(&env, "eq"), "-abc");
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id=eq",
            "--query=SecretString",
            "--output=text"
        ]),
        "-abc\n"
    );
    // A value may itself contain `=`.
    env.ok(&[
        "put-secret-value",
        "--secret-id",
        "eq",
        "--secret-string=a=b",
    ]);
    assert_eq!(secret_string(&env, "eq"), "a=b");
}

#[test]
fn dash_values_argparse_accepts() {
    let env = Env::new();
    env.ok(&["create-secret", "--name", "neg", "--secret-string", "-5"]);
    assert_eq!(secret_string(&env, "neg"), "-5");
    env.ok(&[
        "put-secret-value",
        "--secret-id",
        "neg",
        "--secret-string",
        "-a b",
    ]);
    assert_eq!(secret_string(&env, "neg"), "-a b");
}

#[test]
fn the_last_repeat_of_an_option_wins() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--name",
        "rep",
        "--secret-string",
        "first",
        "--secret-string",
        "last",
        "--tags",
        "Key=a,Value=b",
        "--tags",
        "Key=c,Value=d",
    ]);
    assert_eq!(secret_string(&env, "rep"), "last");
    assert_eq!(tags(&env, "rep"), json!([{"Key": "c", "Value": "d"}]));
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id",
            "rep",
            "--output",
            "json",
            "--output",
            "text",
            "--query",
            "SecretString"
        ]),
        "last\n"
    );
}

fn password(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["get-random-password", "--output", "text"];
    all.extend_from_slice(args);
    let out = env.run_with(&[("SMVAULT_TEST_SEED", "42")], &all);
    out.ok().strip_suffix('\n').unwrap().to_string()
}

#[test]
fn boolean_pairs_the_last_one_wins() {
    let env = Env::new();
    let punct = |s: &str| s.chars().any(|c| c.is_ascii_punctuation());
    // RequireEachIncludedType (default true) guarantees punctuation when it is allowed.
    let pw = password(
        &env,
        &[
            "--password-length",
            "20",
            "--exclude-punctuation",
            "--no-exclude-punctuation",
        ],
    );
    assert!(punct(&pw), "{pw:?}");
    let pw = password(
        &env,
        &[
            "--password-length",
            "200",
            "--no-exclude-punctuation",
            "--exclude-punctuation",
        ],
    );
    assert!(!punct(&pw), "{pw:?}");

    let pw = password(
        &env,
        &[
            "--password-length",
            "4096",
            "--no-include-space",
            "--include-space",
        ],
    );
    assert!(
        pw.contains(' '),
        "a 4096-character password with spaces allowed has one"
    );
    let pw = password(
        &env,
        &[
            "--password-length",
            "4096",
            "--include-space",
            "--no-include-space",
        ],
    );
    assert!(!pw.contains(' '));

    // --no-require-each-included-type with everything but digits excluded.
    let pw = password(
        &env,
        &[
            "--password-length",
            "8",
            "--exclude-punctuation",
            "--exclude-uppercase",
            "--exclude-lowercase",
            "--no-require-each-included-type",
        ],
    );
    assert!(pw.chars().all(|c| c.is_ascii_digit()), "{pw:?}");
}

#[test]
fn the_secretsmanager_word_and_global_options_anywhere() {
    let env = Env::new();
    env.create("g", "v");
    for args in [
        &[
            "secretsmanager",
            "get-secret-value",
            "--secret-id",
            "g",
            "--query",
            "SecretString",
            "--output",
            "text",
        ][..],
        &[
            "--output",
            "text",
            "secretsmanager",
            "get-secret-value",
            "--secret-id",
            "g",
            "--query",
            "SecretString",
        ],
        &[
            "secretsmanager",
            "--output",
            "text",
            "get-secret-value",
            "--query",
            "SecretString",
            "--secret-id",
            "g",
        ],
        &[
            "get-secret-value",
            "--query",
            "SecretString",
            "--secret-id",
            "g",
            "--output",
            "text",
            "--region",
            "us-east-1",
        ],
    ] {
        assert_eq!(env.ok(args), "v\n", "{args:?}");
    }
}

#[test]
fn options_accepted_for_compatibility() {
    let env = Env::new();
    env.create("c", "v");
    let out = env.ok(&[
        "get-secret-value",
        "--secret-id",
        "c",
        "--query",
        "SecretString",
        "--output",
        "text",
        "--no-cli-pager",
        "--endpoint-url",
        "http://localhost:4566",
        "--no-verify-ssl",
        "--no-cli-auto-prompt",
        "--color",
        "off",
    ]);
    assert_eq!(out, "v\n");
}

#[test]
fn help_as_the_last_word_shows_help_and_exits_0() {
    let env = Env::new();
    let before = env.vault_bytes();
    for args in [
        &["get-secret-value", "help"][..],
        &["secretsmanager", "create-secret", "help"],
        &["get-secret-value", "--help"],
    ] {
        let out = env.run(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(!out.stdout.is_empty(), "{args:?} printed no help");
        assert!(
            out.stdout.contains("--secret-id") || out.stdout.contains("--name"),
            "{}",
            out.stdout
        );
    }
    assert!(before == env.vault_bytes());
}

#[test]
fn version_exits_0() {
    let env = Env::new();
    env.create("x", "v");
    let run = env.run(&["get-secret-value", "--secret-id", "x", "--version"]);
    let out = run.ok();
    assert!(out.starts_with("smvault/"), "{out}");
    assert!(
        !out.contains("SecretString"),
        "--version runs nothing: {out}"
    );
}

#[test]
fn version_alone_exits_0() {
    let env = Env::new();
    assert!(env.ok(&["--version"]).starts_with("smvault/"));
    assert!(
        env.ok(&["get-secret-value", "--version"])
            .starts_with("smvault/")
    );
}

#[test]
fn an_idempotent_retry_with_the_same_token_and_value() {
    let env = Env::new();
    let token = "44444444-4444-4444-8444-444444444444";
    let args = [
        "create-secret",
        "--name",
        "idem",
        "--secret-string",
        "v",
        "--client-request-token",
        token,
    ];
    let first = env.ok(&args);
    assert_eq!(env.ok(&args), first);
    let v = env.run(&["get-secret-value", "--secret-id", "idem"]).json();
    assert_eq!(v["VersionId"], token);
}

#[test]
fn client_request_token_is_generated_as_a_uuid_v4() {
    let env = Env::new();
    let v = env.create("gen", "v");
    let id = v["VersionId"].as_str().unwrap();
    assert_eq!(id.len(), 36, "{id}");
    assert_eq!(id.as_bytes()[14], b'4', "{id}");
    assert!(
        id.chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c)),
        "{id}"
    );
    let w = env
        .run(&[
            "put-secret-value",
            "--secret-id",
            "gen",
            "--secret-string",
            "v",
        ])
        .json();
    assert_ne!(w["VersionId"], v["VersionId"], "each call gets a new token");
}

#[test]
fn blob_in_cli_input_json_is_base64_like_the_option() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--cli-input-json",
        r#"{"Name":"b64","SecretBinary":"aGVsbG8="}"#,
    ]);
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id",
            "b64",
            "--query",
            "SecretBinary",
            "--output",
            "text"
        ]),
        "aGVsbG8=\n"
    );
    let bad = env.run(&[
        "create-secret",
        "--cli-input-json",
        r#"{"Name":"bad","SecretBinary":"hello world"}"#,
    ]);
    bad.fails(255);
    env.ok(&[
        "create-secret",
        "--cli-binary-format",
        "raw-in-base64-out",
        "--cli-input-json",
        r#"{"Name":"raw","SecretBinary":"hello world"}"#,
    ]);
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id",
            "raw",
            "--query",
            "SecretBinary",
            "--output",
            "text"
        ]),
        "aGVsbG8gd29ybGQ=\n"
    );
}

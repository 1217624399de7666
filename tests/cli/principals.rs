//! `smvault principals` and `serve --print-env --principal`, as real processes: what each
//! command prints, that a refused one exits 252 with the vault byte for byte as it was,
//! and that a secret access key shows only where it must (once, when made) and never in
//! the vault's bytes, another file, an error or a debug line.

use crate::support::cli::{Env, hooks, param_validation};
use crate::support::{all_files, contains};

const READ_APP: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"ReadApp","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:*:*:secret:app/*"}]}"#;

/// `principals add NAME ARGS...`; returns the printed `AccessKey` object.
fn add(env: &Env, name: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["principals", "add", name];
    all.extend_from_slice(args);
    env.run(&all).json()["AccessKey"].clone()
}

/// The value of `export NAME='value'` in print-env's output.
fn export<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let prefix = format!("export {name}='");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(|v| v.trim_end_matches('\''))
}

/// No file under the test's folder holds `needle` (the vault is encrypted; nothing else
/// may have it either), and neither did `stderr`.
fn nowhere(env: &Env, needle: &str) {
    for (path, bytes) in all_files(env.dir()) {
        assert!(
            !contains(&bytes, needle.as_bytes()),
            "{} holds the secret key",
            path.display()
        );
    }
}

#[test]
fn add_prints_a_new_pair_once_in_create_access_keys_shape() {
    let env = Env::new();
    let run = env.run(&["principals", "add", "ci", "--policy", READ_APP]);
    let text = run.ok();
    let out: serde_json::Value = serde_json::from_str(text).unwrap();
    let key = &out["AccessKey"];
    // `aws iam create-access-key`'s members, in its output shape's order.
    let members: Vec<&str> = key
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        members,
        [
            "UserName",
            "AccessKeyId",
            "Status",
            "SecretAccessKey",
            "CreateDate"
        ]
    );
    assert_eq!(key["UserName"], "ci");
    assert_eq!(key["Status"], "Active");
    let id = key["AccessKeyId"].as_str().unwrap();
    assert!(id.starts_with("AKIA") && id.len() == 20, "{id}");
    let secret = key["SecretAccessKey"].as_str().unwrap();
    assert_eq!(secret.len(), 40);
    // Whole seconds, in the AWS CLI v2's ISO form.
    let date = key["CreateDate"].as_str().unwrap();
    assert!(date.ends_with("+00:00") && !date.contains('.'), "{date}");
    // Printed once: never again by list, nor in any file.
    let list = env.ok(&["principals", "list"]);
    assert!(list.contains(id) && !list.contains(secret), "{list}");
    nowhere(&env, secret);
    // The text output is the AWS CLI's for this shape.
    let text = env.ok(&["principals", "add", "dev", "--output", "text"]);
    let fields: Vec<&str> = text.trim_end().split('\t').collect();
    assert_eq!(fields[0], "ACCESSKEY");
    assert_eq!((fields[4], fields[5]), ("Active", "dev"));
}

#[test]
fn a_given_pair_is_stored_as_given_and_printed_without_its_secret() {
    let env = Env::new();
    let key = add(
        &env,
        "app",
        &[
            "--access-key-id",
            "test",
            "--secret-access-key",
            "given-secret",
        ],
    );
    assert_eq!(key["AccessKeyId"], "test");
    assert!(
        key.get("SecretAccessKey").is_none(),
        "a given secret key is not echoed: {key}"
    );
    let exports = env.ok(&["serve", "--print-env", "--principal", "app"]);
    assert_eq!(export(&exports, "AWS_ACCESS_KEY_ID"), Some("test"));
    assert_eq!(
        export(&exports, "AWS_SECRET_ACCESS_KEY"),
        Some("given-secret")
    );
    // From a file (kept out of argv), the newline `echo` leaves dropped.
    let file = env.write("key.txt", "from-a-file\n");
    add(
        &env,
        "other",
        &[
            "--access-key-id",
            "test2",
            "--secret-access-key",
            &format!("file://{}", file.display()),
        ],
    );
    let exports = env.ok(&["serve", "--print-env", "--principal", "other"]);
    assert_eq!(
        export(&exports, "AWS_SECRET_ACCESS_KEY"),
        Some("from-a-file")
    );
    std::fs::remove_file(file).unwrap();
    nowhere(&env, "given-secret");
    nowhere(&env, "from-a-file");
}

#[test]
fn bad_input_exits_252_with_the_reason_and_the_vault_unchanged() {
    let env = Env::new();
    add(&env, "ci", &[]);
    add(
        &env,
        "dev",
        &["--access-key-id", "test", "--secret-access-key", "test"],
    );
    let owner = env.ok(&["serve", "--print-env"]);
    let owner_id = export(&owner, "AWS_ACCESS_KEY_ID").unwrap().to_string();
    let with_principal =
        r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#;
    let unknown_operator = r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"aws:username":"ci"}}}]}"#;
    let long_id = "A".repeat(129);
    let long_name = "n".repeat(65);
    let name_rule = "a name is 1 to 64 letters, digits and _+=,.@- (IAM's user names)";
    let id_rule = "invalid access key id: 1 to 128 letters and digits (such as AKIA… or test)";
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["principals", "add", "bad name"],
            format!("invalid principal name \"bad name\": {name_rule}"),
        ),
        (
            vec!["principals", "add", &long_name],
            format!("invalid principal name \"{long_name}\": {name_rule}"),
        ),
        (
            vec!["principals", "add", "CI"],
            "a principal named ci exists already (names are compared ignoring case, as IAM compares user names)".into(),
        ),
        (
            vec!["principals", "add", "x", "--access-key-id", "test", "--secret-access-key", "k"],
            "that access key id is principal dev's already: a key names one principal".into(),
        ),
        (
            vec!["principals", "add", "x", "--access-key-id", &owner_id, "--secret-access-key", "k"],
            "that access key id is the owner's (serve's own credentials): a key names one principal".into(),
        ),
        (
            vec!["principals", "add", "x", "--access-key-id", "", "--secret-access-key", "k"],
            id_rule.into(),
        ),
        (
            vec!["principals", "add", "x", "--access-key-id", &long_id, "--secret-access-key", "k"],
            id_rule.into(),
        ),
        (
            vec!["principals", "add", "x", "--access-key-id", "AKIA-1", "--secret-access-key", "k"],
            id_rule.into(),
        ),
        (
            vec!["principals", "add", "x", "--access-key-id", "ok", "--secret-access-key", "has space"],
            "invalid secret access key: 1 to 128 printable characters, no spaces".into(),
        ),
        (
            vec!["principals", "add", "x", "--policy", with_principal],
            "invalid identity policy: Statement 1: Policy document should not specify a principal.".into(),
        ),
        (
            vec!["principals", "add", "x", "--policy", unknown_operator],
            "invalid identity policy: Statement 1: Invalid Condition type : StringEqualz".into(),
        ),
        (
            vec!["principals", "add", "x", "--policy", "not json"],
            "invalid identity policy: it is not a JSON object".into(),
        ),
        (
            vec!["principals", "remove", "nobody"],
            "no principal named \"nobody\" (`smvault principals list` shows them)".into(),
        ),
        (
            vec!["principals", "rotate-key", "nobody"],
            "no principal named \"nobody\" (`smvault principals list` shows them)".into(),
        ),
        (
            vec!["principals", "set-policy", "ci", "[]"],
            "invalid identity policy: it is not a JSON object".into(),
        ),
        (
            vec!["principals", "set-policy", "nobody", "--clear"],
            "no principal named \"nobody\" (`smvault principals list` shows them)".into(),
        ),
        (
            vec!["serve", "--print-env", "--principal", "nobody"],
            "no principal named \"nobody\" (`smvault principals list` shows them)".into(),
        ),
    ];
    for (args, message) in &cases {
        env.fails_unchanged(args, 252, &param_validation(message));
    }
    // One half of a pair is a usage error.
    for args in [
        ["principals", "add", "x", "--access-key-id", "abc"],
        ["principals", "add", "x", "--secret-access-key", "abc"],
    ] {
        env.fails_unchanged_starting(
            &args,
            252,
            "\nsmvault: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --",
        );
    }
    // A refused secret key is never echoed.
    let run = env.run(&[
        "principals",
        "add",
        "x",
        "--access-key-id",
        "ok2",
        "--secret-access-key",
        "sp ace-canary",
    ]);
    assert!(!run.stderr.contains("canary"), "{}", run.stderr);
}

#[test]
fn rotate_key_prints_a_new_pair_and_the_old_key_is_gone() {
    let env = Env::new();
    let old = add(&env, "ci", &[]);
    let new = env.run(&["principals", "rotate-key", "ci"]).json()["AccessKey"].clone();
    assert_eq!(new["UserName"], "ci");
    assert_ne!(new["AccessKeyId"], old["AccessKeyId"]);
    assert_ne!(new["SecretAccessKey"], old["SecretAccessKey"]);
    let exports = env.ok(&["serve", "--print-env", "--principal", "ci"]);
    assert_eq!(
        export(&exports, "AWS_ACCESS_KEY_ID"),
        new["AccessKeyId"].as_str()
    );
    let list = env.ok(&["principals", "list"]);
    assert!(
        !list.contains(old["AccessKeyId"].as_str().unwrap()),
        "{list}"
    );
    nowhere(&env, old["SecretAccessKey"].as_str().unwrap());
    nowhere(&env, new["SecretAccessKey"].as_str().unwrap());
}

#[test]
fn list_set_policy_clear_and_remove() {
    let env = Env::new();
    assert_eq!(
        env.ok(&["principals", "list"]),
        "{\n    \"Principals\": []\n}\n"
    );
    add(&env, "ci", &[]);
    let policy = env.write("p.json", READ_APP);
    let arg = format!("file://{}", policy.display());
    env.ok(&["principals", "set-policy", "ci", &arg]);
    let list = env.run(&["principals", "list"]).json();
    let row = &list["Principals"][0];
    assert_eq!(row["UserName"], "ci");
    assert_eq!(row["Arn"], "arn:aws:iam::123456789012:user/ci");
    assert!(row["UserId"].as_str().unwrap().starts_with("AIDA"));
    assert_eq!(row["Policy"], "1 statement: 1 Allow, 0 Deny");
    let summary = env.ok(&[
        "principals",
        "list",
        "--query",
        "Principals[].[UserName,Policy]",
        "--output",
        "text",
    ]);
    assert_eq!(summary, "ci\t1 statement: 1 Allow, 0 Deny\n");
    env.ok(&["principals", "set-policy", "CI", "--clear"]);
    assert_eq!(
        env.ok(&[
            "principals",
            "list",
            "--query",
            "Principals[0].Policy",
            "--output",
            "text"
        ]),
        "none\n"
    );
    env.ok(&["principals", "remove", "ci"]);
    assert_eq!(
        env.ok(&["principals", "list"]),
        "{\n    \"Principals\": []\n}\n"
    );
}

#[test]
fn can_prints_the_decision_the_statement_and_serves_answer() {
    let env = Env::new();
    add(&env, "ci", &["--policy", READ_APP]);
    env.create("app/db", "v");
    env.create("prod/db", "v");
    let yes = env
        .run(&[
            "principals",
            "can",
            "ci",
            "secretsmanager:GetSecretValue",
            "app/db",
        ])
        .json();
    assert_eq!(yes["Decision"], "Allow");
    assert_eq!(
        yes["DecidedBy"],
        "identity-based policy, statement 1 (ReadApp)"
    );
    assert_eq!(yes["SecretFound"], true);
    assert!(yes.get("DeniedMessage").is_none());
    assert_eq!(yes["Context"]["aws:username"][0], "ci");
    let no = env
        .run(&["principals", "can", "ci", "GetSecretValue", "prod/db"])
        .json();
    assert_eq!(no["Decision"], "Deny");
    assert_eq!(no["DecidedBy"], "no statement allows it (implicit deny)");
    assert_eq!(
        no["DeniedMessage"],
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:GetSecretValue on resource: prod/db because no identity-based policy allows the secretsmanager:GetSecretValue action"
    );
    // The secret's resource policy as stored: an explicit deny on a tag beats the allow.
    env.ok(&[
        "tag-resource",
        "--secret-id",
        "app/db",
        "--tags",
        "Key=env,Value=prod",
    ]);
    let deny = r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoProd","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:user/ci"},"Action":"secretsmanager:*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}]}"#;
    env.ok(&[
        "put-resource-policy",
        "--secret-id",
        "app/db",
        "--resource-policy",
        deny,
    ]);
    let denied = env
        .run(&[
            "principals",
            "can",
            "ci",
            "GetSecretValue",
            "app/db",
            "--query",
            "[Decision,DecidedBy]",
            "--output",
            "text",
        ])
        .ok()
        .to_string();
    assert_eq!(
        denied,
        "Deny\tresource-based policy, statement 1 (NoProd)\n"
    );
    // --context sets condition keys; a bad one is refused.
    let ip = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:ListSecrets","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}"#;
    env.ok(&["principals", "set-policy", "ci", ip]);
    let decision = |extra: &[&str]| {
        let mut args = vec![
            "principals",
            "can",
            "ci",
            "ListSecrets",
            "--query",
            "Decision",
            "--output",
            "text",
        ];
        args.extend_from_slice(extra);
        env.ok(&args)
    };
    assert_eq!(decision(&[]), "Deny\n");
    assert_eq!(decision(&["--context", "aws:SourceIp=10.9.8.7"]), "Allow\n");
    env.fails_unchanged(
        &["principals", "can", "ci", "ListSecrets", "--context", "novalue"],
        252,
        &param_validation("invalid --context \"novalue\": give a condition key and its value, such as aws:SourceIp=10.0.0.1"),
    );
    env.fails_unchanged(
        &["principals", "can", "ci", "GetSecretValue"],
        252,
        &param_validation(
            "secretsmanager:GetSecretValue acts on a secret: give its SECRET-ID (name or ARN)",
        ),
    );
}

#[test]
fn print_env_for_a_principal_holds_its_keys_and_nothing_of_the_owners() {
    let env = Env::new();
    let key = add(&env, "ci", &[]);
    let owner = env.ok(&["serve", "--print-env"]);
    let mine = env.ok(&["serve", "--print-env", "--principal", "ci"]);
    assert_eq!(
        export(&mine, "AWS_ACCESS_KEY_ID"),
        key["AccessKeyId"].as_str()
    );
    assert_eq!(
        export(&mine, "AWS_SECRET_ACCESS_KEY"),
        key["SecretAccessKey"].as_str()
    );
    for owners in ["AWS_SECRET_ACCESS_KEY", "AWS_TOKEN"] {
        let value = export(&owner, owners).unwrap();
        assert!(!mine.contains(value), "the owner's {owners} in {mine}");
    }
    assert!(
        mine.ends_with("unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_TOKEN\n"),
        "{mine}"
    );
    assert_eq!(export(&mine, "AWS_REGION"), export(&owner, "AWS_REGION"));
    // --print-env alone is still the owner's, unchanged.
    assert_eq!(env.ok(&["serve", "--print-env"]), owner);
    assert!(owner.contains("export AWS_TOKEN="), "{owner}");
    // --principal needs --print-env.
    env.fails_unchanged_starting(
        &["serve", "--principal", "ci"],
        252,
        "\nsmvault: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --print-env",
    );
}

/// The envelope's format: 3 while the vault holds principals (an older smvault refuses it
/// rather than drop them on its next write), 2 again once none is left.
#[test]
fn a_vault_with_principals_is_format_3_and_without_them_format_2() {
    let env = Env::new();
    let format = || {
        let identity = smvault::vault::keys::read_identity(&env.identity()).unwrap();
        let store = smvault::vault::Store::new(env.vault(), identity);
        let plain = store.read().unwrap().unwrap();
        String::from_utf8_lossy(&plain[..20]).to_string()
    };
    env.create("s", "v");
    assert!(format().starts_with(r#"{"format":2,"#), "{}", format());
    add(&env, "ci", &[]);
    assert!(format().starts_with(r#"{"format":3,"#), "{}", format());
    // Every writer keeps it: an operation, a recipient change.
    env.create("t", "v");
    assert!(format().starts_with(r#"{"format":3,"#));
    let other = age::x25519::Identity::generate().to_public().to_string();
    env.ok(&["recipients", "add", &other]);
    assert!(format().starts_with(r#"{"format":3,"#), "{}", format());
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id",
            "t",
            "--query",
            "SecretString",
            "--output",
            "text"
        ]),
        "v\n"
    );
    env.ok(&["principals", "remove", "ci"]);
    assert!(format().starts_with(r#"{"format":2,"#), "{}", format());
}

#[test]
fn debug_output_and_errors_never_show_a_secret_key() {
    if !hooks() {
        return;
    }
    let env = Env::new();
    let run = env.run(&[
        "--debug",
        "principals",
        "add",
        "ci",
        "--access-key-id",
        "dbg",
        "--secret-access-key",
        "debug-canary-key",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("debug-canary-key"), "{}", run.stderr);
    let run = env.run(&["--debug", "serve", "--print-env", "--principal", "nobody"]);
    assert!(!run.stderr.contains("debug-canary-key"), "{}", run.stderr);
    nowhere(&env, "debug-canary-key");
}

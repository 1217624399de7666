//! Rotation without Lambda, end to end: a shell-script rotation function for a pretend
//! database, a failing step, the built-in rotator, and rotate-due with a controlled clock.

use crate::support::cli;

use cli::Env;

/// A rotation function for a pretend database whose password lives in `db-password`:
/// createSecret stores a new password as AWSPENDING, setSecret writes it to the
/// "database", testSecret checks the database accepts it, finishSecret moves AWSCURRENT.
const DB_FUNCTION: &str = r#"#!/bin/sh
set -eu
event=$(cat)
field() { printf '%s' "$event" | sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p"; }
step=$(field Step); id=$(field SecretId); token=$(field ClientRequestToken)
db="$(dirname "$0")/../db-password"
echo "$step" >> "$(dirname "$0")/../steps.log"
case "$step" in
  createSecret)
    "$SMVAULT" put-secret-value --secret-id "$id" --client-request-token "$token" \
      --secret-string "pw-$token" --version-stages AWSPENDING > /dev/null ;;
  setSecret)
    "$SMVAULT" get-secret-value --secret-id "$id" --version-stage AWSPENDING \
      --query SecretString --output text > "$db" ;;
  testSecret)
    [ "$(cat "$db")" = "pw-$token" ] || { echo "database refused the new password" >&2; exit 3; } ;;
  finishSecret)
    current=$("$SMVAULT" list-secret-version-ids --secret-id "$id" \
      --query "Versions[?contains(VersionStages, 'AWSCURRENT')].VersionId | [0]" --output text)
    "$SMVAULT" update-secret-version-stage --secret-id "$id" --version-stage AWSCURRENT \
      --move-to-version-id "$token" --remove-from-version-id "$current" > /dev/null ;;
esac
"#;

fn with_function(env: Env, name: &str, script: &str) -> Env {
    let dir = env.path("functions");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let functions = dir.to_string_lossy().into_owned();
    env.with("SMVAULT_FUNCTIONS_DIR", &functions)
}

fn current_value(env: &Env, id: &str) -> String {
    env.ok(&[
        "get-secret-value",
        "--secret-id",
        id,
        "--query",
        "SecretString",
        "--output",
        "text",
    ])
    .trim_end()
    .to_string()
}

fn stages(env: &Env, id: &str) -> serde_json::Value {
    env.run(&[
        "describe-secret",
        "--secret-id",
        id,
        "--query",
        "VersionIdsToStages",
    ])
    .json()
}

#[test]
fn shell_function_rotates_a_pretend_database() {
    let env = with_function(Env::new(), "db-rotator", DB_FUNCTION);
    env.write("db-password", "old-password");
    env.ok(&[
        "create-secret",
        "--name",
        "db",
        "--secret-string",
        "old-password",
    ]);
    let first = env.run(&[
        "list-secret-version-ids",
        "--secret-id",
        "db",
        "--query",
        "Versions[0].VersionId",
        "--output",
        "text",
    ]);
    let old_version = first.ok().trim_end().to_string();
    let out = env
        .run(&[
            "rotate-secret",
            "--secret-id",
            "db",
            "--rotation-lambda-arn",
            "arn:aws:lambda:us-east-1:123456789012:function:db-rotator",
            "--rotation-rules",
            "AutomaticallyAfterDays=30",
        ])
        .json();
    let new_version = out["VersionId"].as_str().unwrap().to_string();
    let steps = std::fs::read_to_string(env.path("steps.log")).unwrap();
    assert_eq!(steps, "createSecret\nsetSecret\ntestSecret\nfinishSecret\n");
    assert_eq!(current_value(&env, "db"), format!("pw-{new_version}"));
    assert_eq!(
        std::fs::read_to_string(env.path("db-password"))
            .unwrap()
            .trim_end(),
        format!("pw-{new_version}")
    );
    let map = stages(&env, "db");
    assert_eq!(
        map[&new_version],
        serde_json::json!(["AWSCURRENT"]),
        "AWSPENDING removed: {map}"
    );
    assert_eq!(map[&old_version], serde_json::json!(["AWSPREVIOUS"]));
    let d = env.run(&["describe-secret", "--secret-id", "db"]).json();
    assert_eq!(d["RotationEnabled"], true);
    assert_eq!(
        d["RotationLambdaARN"],
        "arn:aws:lambda:us-east-1:123456789012:function:db-rotator"
    );
    assert_eq!(d["RotationRules"]["AutomaticallyAfterDays"], 30);
    assert!(
        d["LastRotatedDate"].is_string() && d["NextRotationDate"].is_string(),
        "{d}"
    );
}

#[test]
fn failing_step_leaves_awscurrent_and_the_next_call_reattempts() {
    let env = with_function(Env::new(), "flaky", DB_FUNCTION);
    env.write("db-password", "old");
    env.ok(&["create-secret", "--name", "db", "--secret-string", "old"]);
    // The "database" is read-only: setSecret cannot store the new password.
    std::fs::remove_file(env.path("db-password")).unwrap();
    std::fs::create_dir(env.path("db-password")).unwrap();
    let failed = env.run(&[
        "rotate-secret",
        "--secret-id",
        "db",
        "--rotation-lambda-arn",
        "flaky",
    ]);
    assert_ne!(failed.code, 0);
    assert!(
        failed.stderr.contains("at step setSecret"),
        "{}",
        failed.stderr
    );
    assert!(failed.stdout.is_empty());
    assert_eq!(current_value(&env, "db"), "old", "AWSCURRENT did not move");
    let map = stages(&env, "db");
    let pending: Vec<_> = map
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| v.as_array().unwrap().iter().any(|s| s == "AWSPENDING"))
        .collect();
    assert_eq!(
        pending.len(),
        1,
        "AWSPENDING stays on the new version: {map}"
    );
    let pending_id = pending[0].0.clone();
    // Fix the database; the next rotate-secret reattempts the same version.
    std::fs::remove_dir(env.path("db-password")).unwrap();
    let again = env.run(&["rotate-secret", "--secret-id", "db"]);
    assert_eq!(again.code, 254, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("A previous rotation isn't complete. That rotation will be reattempted.")
    );
    assert_eq!(current_value(&env, "db"), format!("pw-{pending_id}"));
    assert_eq!(
        stages(&env, "db")[&pending_id],
        serde_json::json!(["AWSCURRENT"])
    );
}

#[test]
fn missing_function_is_aws_access_denied_names_the_path_with_debug_and_stores_nothing() {
    let env = Env::new().with("SMVAULT_FUNCTIONS_DIR", "/nonexistent/functions");
    env.ok(&["create-secret", "--name", "db", "--secret-string", "v"]);
    let before = env.vault_bytes();
    let args = [
        "rotate-secret",
        "--secret-id",
        "db",
        "--rotation-lambda-arn",
        "nope",
    ];
    env.run(&args).fails_with(
        254,
        &cli::service_error(
            "RotateSecret",
            "AccessDeniedException",
            "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.",
        ),
    );
    let debug = env.run(&[&args[..], &["--debug"]].concat());
    assert!(
        debug.stderr.contains("/nonexistent/functions/nope"),
        "{}",
        debug.stderr
    );
    assert_eq!(env.vault_bytes(), before);
    let d = env.run(&["describe-secret", "--secret-id", "db"]).json();
    assert!(d.get("RotationEnabled").is_none(), "{d}");
}

/// The request is checked before the secret, and both before the function is looked
/// for: a bad request to a missing function is a bad request (issue 9 §3).
#[test]
fn request_and_secret_are_checked_before_the_function_is_looked_for() {
    let env = Env::new().with("SMVAULT_FUNCTIONS_DIR", "/nonexistent/functions");
    env.ok(&["create-secret", "--name", "db", "--secret-string", "v"]);
    let too_many_days = cli::service_error(
        "RotateSecret",
        "ValidationException",
        "1 validation error detected: Value '1001' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    for id in ["db", "missing"] {
        env.fails_unchanged(
            &[
                "rotate-secret",
                "--secret-id",
                id,
                "--rotation-lambda-arn",
                "nope",
                "--rotation-rules",
                "AutomaticallyAfterDays=1001",
            ],
            254,
            &too_many_days,
        );
    }
    let long_arn = "f".repeat(2049);
    env.fails_unchanged_starting(
        &["rotate-secret", "--secret-id", "db", "--rotation-lambda-arn", &long_arn],
        254,
        "\nsmvault: [ERROR]: An error occurred (ValidationException) when calling the RotateSecret operation: 1 validation error detected: Value 'fff",
    );
    env.fails_unchanged(
        &[
            "rotate-secret",
            "--secret-id",
            "missing",
            "--rotation-lambda-arn",
            "nope",
        ],
        254,
        &cli::service_error("RotateSecret", "ResourceNotFoundException", cli::NOT_FOUND),
    );
}

#[test]
fn builtin_rotator_changes_only_the_password_key() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--name",
        "db",
        "--secret-string",
        r#"{"username":"admin","password":"old"}"#,
    ]);
    let out = env
        .run(&[
            "rotate-secret",
            "--secret-id",
            "db",
            "--rotation-lambda-arn",
            "smvault-random-password",
            "--rotation-rules",
            "AutomaticallyAfterDays=30",
        ])
        .json();
    let value: serde_json::Value = serde_json::from_str(&current_value(&env, "db")).unwrap();
    assert_eq!(value["username"], "admin");
    let pw = value["password"].as_str().unwrap();
    assert_eq!(pw.chars().count(), 32);
    assert_ne!(pw, "old");
    let map = stages(&env, "db");
    assert_eq!(
        map[out["VersionId"].as_str().unwrap()],
        serde_json::json!(["AWSCURRENT"])
    );
    assert_eq!(map.as_object().unwrap().len(), 2);
}

#[test]
fn builtin_rotator_replaces_a_plain_string() {
    let env = Env::new();
    env.ok(&["create-secret", "--name", "tok", "--secret-string", "plain"]);
    env.ok(&[
        "rotate-secret",
        "--secret-id",
        "tok",
        "--rotation-lambda-arn",
        "smvault-random-password",
    ]);
    let v = current_value(&env, "tok");
    assert_eq!(v.chars().count(), 32);
}

#[test]
fn cancel_keeps_function_and_rules_and_rotate_reuses_them() {
    let env = Env::new();
    env.ok(&["create-secret", "--name", "db", "--secret-string", "x"]);
    env.ok(&[
        "rotate-secret",
        "--secret-id",
        "db",
        "--rotation-lambda-arn",
        "smvault-random-password",
        "--rotation-rules",
        "ScheduleExpression=rate(10 days)",
    ]);
    env.ok(&["cancel-rotate-secret", "--secret-id", "db"]);
    let d = env.run(&["describe-secret", "--secret-id", "db"]).json();
    assert_eq!(d["RotationEnabled"], false);
    assert_eq!(d["RotationLambdaARN"], "smvault-random-password");
    assert_eq!(d["RotationRules"]["ScheduleExpression"], "rate(10 days)");
    assert!(d.get("NextRotationDate").is_none(), "{d}");
    env.ok(&["rotate-secret", "--secret-id", "db"]);
    let d = env.run(&["describe-secret", "--secret-id", "db"]).json();
    assert_eq!(d["RotationEnabled"], true);
    assert_eq!(d["RotationRules"]["AutomaticallyAfterDays"], 10);
}

#[test]
fn rotate_immediately_false_changes_no_value() {
    let env = Env::new();
    env.ok(&["create-secret", "--name", "db", "--secret-string", "keep"]);
    let out = env
        .run(&[
            "rotate-secret",
            "--secret-id",
            "db",
            "--rotation-lambda-arn",
            "smvault-random-password",
            "--rotation-rules",
            "AutomaticallyAfterDays=7",
            "--no-rotate-immediately",
        ])
        .json();
    assert!(out.get("VersionId").is_none(), "{out}");
    assert_eq!(current_value(&env, "db"), "keep");
    assert_eq!(
        stages(&env, "db").as_object().unwrap().len(),
        1,
        "the temporary AWSPENDING copy is gone"
    );
    let d = env.run(&["describe-secret", "--secret-id", "db"]).json();
    assert!(d["NextRotationDate"].is_string(), "{d}");
}

#[test]
fn rotate_due_rotates_only_what_is_due() {
    if !cli::hooks() {
        return;
    }
    let env = Env::new().with("SMVAULT_TEST_NOW", "2026-01-01T12:00:00Z");
    env.ok(&["create-secret", "--name", "monthly", "--secret-string", "m"]);
    env.ok(&["create-secret", "--name", "weekly", "--secret-string", "w"]);
    env.ok(&["create-secret", "--name", "manual", "--secret-string", "x"]);
    env.ok(&[
        "rotate-secret",
        "--secret-id",
        "monthly",
        "--rotation-lambda-arn",
        "smvault-random-password",
        "--rotation-rules",
        "AutomaticallyAfterDays=30",
    ]);
    env.ok(&[
        "rotate-secret",
        "--secret-id",
        "weekly",
        "--rotation-lambda-arn",
        "smvault-random-password",
        "--rotation-rules",
        "AutomaticallyAfterDays=7",
    ]);
    let nothing = env.run(&["rotate-due"]);
    assert_eq!(nothing.ok(), "", "nothing is due yet");
    let ten_days_later = env.run_with(&[("SMVAULT_TEST_ADVANCE_DAYS", "10")], &["rotate-due"]);
    let out = ten_days_later.ok();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("rotated\tarn:aws:secretsmanager:us-east-1:123456789012:secret:weekly-"),
        "{out}"
    );
    let again = env.run_with(&[("SMVAULT_TEST_ADVANCE_DAYS", "10")], &["rotate-due"]);
    assert_eq!(again.ok(), "", "just rotated: due again only a week later");
    let later = env.run_with(&[("SMVAULT_TEST_ADVANCE_DAYS", "40")], &["rotate-due"]);
    assert_eq!(later.ok().lines().count(), 2);
}

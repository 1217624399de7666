//! Every error path of the command line: exit code, the exact stderr line, an empty
//! stdout and, for every failed command, a vault file left byte for byte unchanged.

use crate::support::cli;

use cli::{Env, INVALID_NAME, MARKED_FOR_DELETION, NOT_FOUND, param_validation, service_error};

const V1: &str = "11111111-1111-4111-8111-111111111111";
const V2: &str = "22222222-2222-4222-8222-222222222222";
const V3: &str = "33333333-3333-4333-8333-333333333333";
const NO_SUCH: &str = "99999999-9999-4999-8999-999999999999";

/// The first line of a usage error, then the usage block.
fn usage_error(message: &str) -> String {
    format!("\nsmvault: [ERROR]: An error occurred (ParamValidation): {message}\n\nusage: ")
}

// ---------------------------------------------------------------- service errors (254)

#[test]
fn secret_not_found_for_every_operation_taking_a_secret_id() {
    let env = Env::new();
    env.create("exists", "v");
    let cases: &[(&[&str], &str)] = &[
        (
            &["get-secret-value", "--secret-id", "nope"],
            "GetSecretValue",
        ),
        (
            &["describe-secret", "--secret-id", "nope"],
            "DescribeSecret",
        ),
        (
            &[
                "put-secret-value",
                "--secret-id",
                "nope",
                "--secret-string",
                "x",
            ],
            "PutSecretValue",
        ),
        (
            &["update-secret", "--secret-id", "nope", "--description", "d"],
            "UpdateSecret",
        ),
        (&["delete-secret", "--secret-id", "nope"], "DeleteSecret"),
        (&["restore-secret", "--secret-id", "nope"], "RestoreSecret"),
        (
            &[
                "tag-resource",
                "--secret-id",
                "nope",
                "--tags",
                "Key=a,Value=b",
            ],
            "TagResource",
        ),
        (
            &["untag-resource", "--secret-id", "nope", "--tag-keys", "a"],
            "UntagResource",
        ),
        (
            &["list-secret-version-ids", "--secret-id", "nope"],
            "ListSecretVersionIds",
        ),
        (
            &[
                "update-secret-version-stage",
                "--secret-id",
                "nope",
                "--version-stage",
                "L",
                "--move-to-version-id",
                V1,
            ],
            "UpdateSecretVersionStage",
        ),
        (
            &[
                "put-resource-policy",
                "--secret-id",
                "nope",
                "--resource-policy",
                "{}",
            ],
            "PutResourcePolicy",
        ),
        (
            &["get-resource-policy", "--secret-id", "nope"],
            "GetResourcePolicy",
        ),
        (
            &["delete-resource-policy", "--secret-id", "nope"],
            "DeleteResourcePolicy",
        ),
        (
            &["cancel-rotate-secret", "--secret-id", "nope"],
            "CancelRotateSecret",
        ),
    ];
    for (args, op) in cases {
        env.fails_unchanged(
            args,
            254,
            &service_error(op, "ResourceNotFoundException", NOT_FOUND),
        );
    }
}

#[test]
fn not_found_also_for_a_partial_arn_of_an_unknown_secret() {
    let env = Env::new();
    env.fails_unchanged(
        &[
            "get-secret-value",
            "--secret-id",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:ghost",
        ],
        254,
        &service_error("GetSecretValue", "ResourceNotFoundException", NOT_FOUND),
    );
}

#[test]
fn invalid_names_are_a_validation_exception() {
    let env = Env::new();
    env.create("good", "v");
    for bad in [
        "bad name",
        "a*b",
        "what?",
        "bang!",
        "back\\slash",
        "br]acket",
    ] {
        env.fails_unchanged(
            &["create-secret", "--name", bad, "--secret-string", "x"],
            254,
            &service_error("CreateSecret", "ValidationException", INVALID_NAME),
        );
    }
    let cases: &[(&[&str], &str)] = &[
        (
            &["get-secret-value", "--secret-id", "bad name"],
            "GetSecretValue",
        ),
        (
            &["describe-secret", "--secret-id", "bad name"],
            "DescribeSecret",
        ),
        (
            &[
                "put-secret-value",
                "--secret-id",
                "bad name",
                "--secret-string",
                "x",
            ],
            "PutSecretValue",
        ),
        (
            &[
                "update-secret",
                "--secret-id",
                "bad name",
                "--description",
                "d",
            ],
            "UpdateSecret",
        ),
        (
            &["delete-secret", "--secret-id", "bad name"],
            "DeleteSecret",
        ),
        (
            &[
                "delete-secret",
                "--secret-id",
                "bad name",
                "--force-delete-without-recovery",
            ],
            "DeleteSecret",
        ),
        (
            &[
                "tag-resource",
                "--secret-id",
                "bad name",
                "--tags",
                "Key=a,Value=b",
            ],
            "TagResource",
        ),
        (
            &[
                "untag-resource",
                "--secret-id",
                "bad name",
                "--tag-keys",
                "a",
            ],
            "UntagResource",
        ),
        (
            &[
                "list-secret-version-ids",
                "--secret-id",
                "bad name",
                "--include-deprecated",
            ],
            "ListSecretVersionIds",
        ),
        (
            &[
                "validate-resource-policy",
                "--secret-id",
                "bad name",
                "--resource-policy",
                "{}",
            ],
            "ValidateResourcePolicy",
        ),
    ];
    for (args, op) in cases {
        env.fails_unchanged(
            args,
            254,
            &service_error(op, "ValidationException", INVALID_NAME),
        );
    }
}

#[test]
fn creating_an_existing_name_is_resource_exists() {
    let env = Env::new();
    env.create("dup", "one");
    env.fails_unchanged(
        &["create-secret", "--name", "dup", "--secret-string", "two"],
        254,
        &service_error(
            "CreateSecret",
            "ResourceExistsException",
            "The operation failed because the secret dup already exists.",
        ),
    );
    // Without a value too.
    env.fails_unchanged(
        &["create-secret", "--name", "dup"],
        254,
        &service_error(
            "CreateSecret",
            "ResourceExistsException",
            "The operation failed because the secret dup already exists.",
        ),
    );
}

#[test]
fn creating_a_name_scheduled_for_deletion_is_refused() {
    let env = Env::new();
    env.create("gone", "one");
    env.ok(&["delete-secret", "--secret-id", "gone"]);
    env.fails_unchanged(
        &["create-secret", "--name", "gone", "--secret-string", "two"],
        254,
        &service_error(
            "CreateSecret",
            "InvalidRequestException",
            "You can't create this secret because a secret with this name is already scheduled for deletion.",
        ),
    );
}

#[test]
fn operations_on_a_secret_scheduled_for_deletion_are_refused() {
    let env = Env::new();
    let created = env.create("doomed", "v");
    let version = created["VersionId"].as_str().unwrap().to_string();
    env.ok(&[
        "delete-secret",
        "--secret-id",
        "doomed",
        "--recovery-window-in-days",
        "7",
    ]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["get-secret-value", "--secret-id", "doomed"],
            "GetSecretValue",
        ),
        (
            &[
                "put-secret-value",
                "--secret-id",
                "doomed",
                "--secret-string",
                "y",
            ],
            "PutSecretValue",
        ),
        (
            &[
                "update-secret",
                "--secret-id",
                "doomed",
                "--secret-string",
                "y",
            ],
            "UpdateSecret",
        ),
        (
            &[
                "update-secret",
                "--secret-id",
                "doomed",
                "--description",
                "d",
            ],
            "UpdateSecret",
        ),
        (
            &[
                "tag-resource",
                "--secret-id",
                "doomed",
                "--tags",
                "Key=a,Value=b",
            ],
            "TagResource",
        ),
        (
            &["untag-resource", "--secret-id", "doomed", "--tag-keys", "a"],
            "UntagResource",
        ),
        (
            &[
                "update-secret-version-stage",
                "--secret-id",
                "doomed",
                "--version-stage",
                "L",
                "--move-to-version-id",
                &version,
            ],
            "UpdateSecretVersionStage",
        ),
        (
            &[
                "put-resource-policy",
                "--secret-id",
                "doomed",
                "--resource-policy",
                "{}",
            ],
            "PutResourcePolicy",
        ),
        (
            &["get-resource-policy", "--secret-id", "doomed"],
            "GetResourcePolicy",
        ),
        (
            &["delete-resource-policy", "--secret-id", "doomed"],
            "DeleteResourcePolicy",
        ),
        // A second, non-forced delete.
        (&["delete-secret", "--secret-id", "doomed"], "DeleteSecret"),
    ];
    for (args, op) in cases {
        env.fails_unchanged(
            args,
            254,
            &service_error(op, "InvalidRequestException", MARKED_FOR_DELETION),
        );
    }
    // describe-secret still works, and restore-secret brings it back.
    env.ok(&["describe-secret", "--secret-id", "doomed"]);
    env.ok(&["restore-secret", "--secret-id", "doomed"]);
    env.ok(&["get-secret-value", "--secret-id", "doomed"]);
}

#[test]
fn recovery_window_outside_7_to_30_days() {
    let env = Env::new();
    env.create("w", "v");
    let msg = service_error(
        "DeleteSecret",
        "InvalidParameterException",
        "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
    );
    env.fails_unchanged(
        &[
            "delete-secret",
            "--secret-id",
            "w",
            "--recovery-window-in-days=-1",
        ],
        254,
        &msg,
    );
    for days in ["6", "31", "0"] {
        env.fails_unchanged(
            &[
                "delete-secret",
                "--secret-id",
                "w",
                "--recovery-window-in-days",
                days,
            ],
            254,
            &msg,
        );
    }
    // Checked even with a forced delete.
    env.fails_unchanged(
        &[
            "delete-secret",
            "--secret-id",
            "w",
            "--recovery-window-in-days",
            "0",
            "--force-delete-without-recovery",
        ],
        254,
        &msg,
    );
    // The bounds themselves are fine (on two fresh secrets).
    env.create("w7", "v");
    env.create("w30", "v");
    env.ok(&[
        "delete-secret",
        "--secret-id",
        "w7",
        "--recovery-window-in-days",
        "7",
    ]);
    env.ok(&[
        "delete-secret",
        "--secret-id",
        "w30",
        "--recovery-window-in-days",
        "30",
    ]);
}

#[test]
fn force_delete_with_a_recovery_window_is_refused() {
    let env = Env::new();
    env.create("f", "v");
    env.fails_unchanged(
        &[
            "delete-secret",
            "--secret-id",
            "f",
            "--recovery-window-in-days",
            "10",
            "--force-delete-without-recovery",
        ],
        254,
        &service_error(
            "DeleteSecret",
            "InvalidParameterException",
            "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
        ),
    );
}

#[test]
fn both_string_and_binary_are_refused() {
    let env = Env::new();
    env.create("sb", "v");
    env.write("b.bin", [0u8, 0xff, 0x10]);
    let msg = "You can't specify both a binary secret value and a string secret value in the same secret.";
    env.fails_unchanged(
        &[
            "create-secret",
            "--name",
            "both",
            "--secret-string",
            "a",
            "--secret-binary",
            "fileb://b.bin",
        ],
        254,
        &service_error("CreateSecret", "InvalidParameterException", msg),
    );
    env.fails_unchanged(
        &[
            "put-secret-value",
            "--secret-id",
            "sb",
            "--secret-string",
            "a",
            "--secret-binary",
            "aGk=",
        ],
        254,
        &service_error("PutSecretValue", "InvalidParameterException", msg),
    );
    env.fails_unchanged(
        &[
            "update-secret",
            "--secret-id",
            "sb",
            "--secret-string",
            "a",
            "--secret-binary",
            "aGk=",
        ],
        254,
        &service_error("UpdateSecret", "InvalidParameterException", msg),
    );
}

#[test]
fn put_secret_value_without_a_value() {
    let env = Env::new();
    env.create("p", "v");
    env.fails_unchanged(
        &["put-secret-value", "--secret-id", "p"],
        254,
        &service_error(
            "PutSecretValue",
            "InvalidRequestException",
            "You must provide either SecretString or SecretBinary.",
        ),
    );
}

#[test]
fn a_client_request_token_reused_with_another_value() {
    let env = Env::new();
    let arn = env.run(&[
        "create-secret",
        "--name",
        "tok",
        "--secret-string",
        "one",
        "--client-request-token",
        V1,
    ]);
    let arn = arn.json()["ARN"].as_str().unwrap().to_string();
    let msg = format!(
        "You can't use ClientRequestToken {V1} because that value is already in use for a version of secret {arn}."
    );
    env.fails_unchanged(
        &[
            "put-secret-value",
            "--secret-id",
            "tok",
            "--secret-string",
            "two",
            "--client-request-token",
            V1,
        ],
        254,
        &service_error("PutSecretValue", "ResourceExistsException", &msg),
    );
    env.fails_unchanged(
        &[
            "update-secret",
            "--secret-id",
            "tok",
            "--secret-string",
            "two",
            "--client-request-token",
            V1,
        ],
        254,
        &service_error("UpdateSecret", "ResourceExistsException", &msg),
    );
    env.fails_unchanged(
        &[
            "create-secret",
            "--name",
            "tok",
            "--secret-string",
            "two",
            "--client-request-token",
            V1,
        ],
        254,
        &service_error("CreateSecret", "ResourceExistsException", &msg),
    );
}

#[test]
fn unknown_version_id_and_version_stage() {
    let env = Env::new();
    env.run(&[
        "create-secret",
        "--name",
        "ver",
        "--secret-string",
        "one",
        "--client-request-token",
        V1,
    ])
    .ok();
    env.fails_unchanged(
        &[
            "get-secret-value",
            "--secret-id",
            "ver",
            "--version-id",
            NO_SUCH,
        ],
        254,
        &service_error(
            "GetSecretValue",
            "ResourceNotFoundException",
            &format!(
                "Secrets Manager can't find the specified secret value for VersionId: {NO_SUCH}"
            ),
        ),
    );
    for stage in ["NOPE", "AWSPREVIOUS", "AWSPENDING"] {
        env.fails_unchanged(
            &["get-secret-value", "--secret-id", "ver", "--version-stage", stage],
            254,
            &service_error(
                "GetSecretValue",
                "ResourceNotFoundException",
                &format!("Secrets Manager can't find the specified secret value for staging label: {stage}"),
            ),
        );
    }
    env.run(&[
        "put-secret-value",
        "--secret-id",
        "ver",
        "--secret-string",
        "two",
        "--client-request-token",
        V2,
    ])
    .ok();
    env.fails_unchanged(
        &[
            "get-secret-value",
            "--secret-id",
            "ver",
            "--version-id",
            V1,
            "--version-stage",
            "AWSCURRENT",
        ],
        254,
        &service_error(
            "GetSecretValue",
            "InvalidRequestException",
            "You provided a VersionStage that is not associated to the provided VersionId.",
        ),
    );
}

#[test]
fn get_secret_value_of_a_secret_without_a_value() {
    let env = Env::new();
    env.ok(&[
        "create-secret",
        "--name",
        "empty",
        "--description",
        "no value",
    ]);
    env.fails_unchanged(
        &["get-secret-value", "--secret-id", "empty"],
        254,
        &service_error(
            "GetSecretValue",
            "ResourceNotFoundException",
            "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
        ),
    );
}

#[test]
fn update_secret_version_stage_errors() {
    let env = Env::new();
    for (args, token) in [
        (
            vec!["create-secret", "--name", "st", "--secret-string", "one"],
            V1,
        ),
        (
            vec![
                "put-secret-value",
                "--secret-id",
                "st",
                "--secret-string",
                "two",
            ],
            V2,
        ),
        (
            vec![
                "put-secret-value",
                "--secret-id",
                "st",
                "--secret-string",
                "three",
                "--version-stages",
                "LBL",
            ],
            V3,
        ),
    ] {
        let mut args = args;
        args.extend(["--client-request-token", token]);
        env.run(&args).ok();
    }
    fn usvs<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut a = vec!["update-secret-version-stage", "--secret-id", "st"];
        a.extend_from_slice(extra);
        a
    }
    // Moving a label that is attached elsewhere without naming where it is.
    env.fails_unchanged(
        &usvs(&["--version-stage", "AWSCURRENT", "--move-to-version-id", V1]),
        254,
        &service_error(
            "UpdateSecretVersionStage",
            "InvalidParameterException",
            &format!(
                "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version {V2}, so you must explicitly reference that version in RemoveFromVersionId."
            ),
        ),
    );
    env.fails_unchanged(
        &usvs(&["--version-stage", "LBL", "--move-to-version-id", V1]),
        254,
        &service_error(
            "UpdateSecretVersionStage",
            "InvalidParameterException",
            &format!(
                "The parameter RemoveFromVersionId can't be empty. Staging label LBL is currently attached to version {V3}, so you must explicitly reference that version in RemoveFromVersionId."
            ),
        ),
    );
    // Naming a version that does not hold the label.
    env.fails_unchanged(
        &usvs(&[
            "--version-stage",
            "AWSCURRENT",
            "--remove-from-version-id",
            V1,
            "--move-to-version-id",
            V3,
        ]),
        254,
        &service_error(
            "UpdateSecretVersionStage",
            "InvalidParameterException",
            "When you move staging label AWSCURRENT, if you specify RemoveFromVersionId, it must be set to the version that currently has the staging label AWSCURRENT.",
        ),
    );
    // Version ids that name no version.
    for extra in [
        [
            "--move-to-version-id",
            NO_SUCH,
            "--remove-from-version-id",
            V2,
        ],
        [
            "--remove-from-version-id",
            NO_SUCH,
            "--move-to-version-id",
            V1,
        ],
    ] {
        let mut a = usvs(&["--version-stage", "AWSCURRENT"]);
        a.extend_from_slice(&extra);
        env.fails_unchanged(
            &a,
            254,
            &service_error(
                "UpdateSecretVersionStage",
                "ResourceNotFoundException",
                &format!(
                    "Secrets Manager can't find the specified secret value for VersionId: {NO_SUCH}"
                ),
            ),
        );
    }
    // A missing --version-stage is a usage error.
    env.fails_unchanged_starting(
        &usvs(&["--move-to-version-id", V1]),
        252,
        "\nsmvault: [ERROR]: ",
    );
}

#[test]
fn password_length_zero_is_client_side_and_above_4096_is_the_service() {
    let env = Env::new();
    env.fails_unchanged(
        &["get-random-password", "--password-length", "0"],
        252,
        &param_validation(
            "Parameter validation failed:\nInvalid value for parameter PasswordLength, value: 0, valid min value: 1",
        ),
    );
    env.fails_unchanged(
        &["get-random-password", "--password-length", "4097"],
        254,
        &service_error(
            "GetRandomPassword",
            "ValidationException",
            "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096",
        ),
    );
    env.ok(&[
        "get-random-password",
        "--password-length",
        "4096",
        "--output",
        "off",
    ]);
}

#[test]
fn impossible_password_constraints() {
    let env = Env::new();
    env.fails_unchanged(
        &["get-random-password", "--password-length", "2"],
        254,
        &service_error(
            "GetRandomPassword",
            "InvalidParameterException",
            "Password length is too short based on the required types.",
        ),
    );
    env.fails_unchanged(
        &[
            "get-random-password",
            "--exclude-characters",
            "abcdefghijklmnopqrstuvwxyz",
        ],
        254,
        &service_error(
            "GetRandomPassword",
            "InvalidParameterException",
            "All characters of the desired type have been excluded",
        ),
    );
}

// ------------------------------------------------ client-side parameter validation (252)

#[test]
fn botocore_minimums_are_checked_before_anything_else() {
    let env = Env::new();
    env.create("m", "v");
    let cases: &[(&[&str], &str)] = &[
        (
            &["get-secret-value", "--secret-id", ""],
            "Invalid length for parameter SecretId, value: 0, valid min length: 1",
        ),
        (
            &["create-secret", "--name", "n", "--secret-string", ""],
            "Invalid length for parameter SecretString, value: 0, valid min length: 1",
        ),
        (
            &[
                "create-secret",
                "--name",
                "n",
                "--secret-string",
                "a",
                "--client-request-token",
                "short",
            ],
            "Invalid length for parameter ClientRequestToken, value: 5, valid min length: 32",
        ),
        (
            &[
                "list-secret-version-ids",
                "--secret-id",
                "m",
                "--max-results",
                "0",
            ],
            "Invalid value for parameter MaxResults, value: 0, valid min value: 1",
        ),
    ];
    for (args, line) in cases {
        env.fails_unchanged(
            args,
            252,
            &param_validation(&format!("Parameter validation failed:\n{line}")),
        );
    }
}

#[test]
fn missing_required_option_is_a_usage_error() {
    let env = Env::new();
    for args in [
        &["get-secret-value"][..],
        &["create-secret", "--secret-string", "x"],
        &["put-resource-policy"],
        &["tag-resource", "--secret-id", "x"],
    ] {
        env.fails_unchanged_starting(
            args,
            252,
            "\nsmvault: [ERROR]: An error occurred (ParamValidation): ",
        );
    }
}

#[test]
fn missing_required_option_names_the_options() {
    let env = Env::new();
    env.fails_unchanged_starting(
        &["get-secret-value"],
        252,
        &usage_error("the following arguments are required: --secret-id"),
    );
    env.fails_unchanged_starting(
        &["put-resource-policy"],
        252,
        &usage_error("the following arguments are required: --secret-id, --resource-policy"),
    );
}

#[test]
fn unknown_option_is_a_usage_error() {
    let env = Env::new();
    env.create("u", "v");
    env.fails_unchanged_starting(
        &["get-secret-value", "--secret-id", "u", "--bogus"],
        252,
        "\nusage: smvault [options] ",
    );
    // A boolean flag takes no value: the value is a stray word.
    env.fails_unchanged_starting(
        &["get-random-password", "--include-space", "true"],
        252,
        "\nusage: smvault [options] ",
    );
    env.fails_unchanged_starting(
        &[
            "put-secret-value",
            "--secret-id",
            "u",
            "--secret-string",
            "x",
            "--bogus",
            "1",
        ],
        252,
        "\nusage: smvault [options] ",
    );
}

#[test]
fn unknown_option_message_is_the_aws_one() {
    let env = Env::new();
    env.create("u", "v");
    let stderr = env
        .run(&["get-secret-value", "--secret-id", "u", "--bogus"])
        .fails(252)
        .to_string();
    assert!(
        stderr.ends_with("\nsmvault: [ERROR]: Unknown options: --bogus\n"),
        "{stderr:?}"
    );
    let stderr = env
        .run(&["get-random-password", "--include-space", "true"])
        .fails(252)
        .to_string();
    assert!(
        stderr.ends_with("\nsmvault: [ERROR]: Unknown options: true\n"),
        "{stderr:?}"
    );
}

#[test]
fn an_unknown_operation_is_a_usage_error() {
    let env = Env::new();
    env.fails_unchanged_starting(
        &["get-secret-valu", "--secret-id", "x"],
        252,
        "\nsmvault: [ERROR]: ",
    );
}

#[test]
fn bad_output_choice_is_a_usage_error() {
    let env = Env::new();
    env.create("o", "v");
    env.fails_unchanged_starting(
        &["get-secret-value", "--secret-id", "o", "--output", "xml"],
        252,
        "\nsmvault: [ERROR]: An error occurred (ParamValidation): ",
    );
    // Nothing is written when the command line is refused.
    env.fails_unchanged_starting(
        &[
            "create-secret",
            "--name",
            "new",
            "--secret-string",
            "v",
            "--output",
            "xml",
        ],
        252,
        "\nsmvault: [ERROR]: An error occurred (ParamValidation): ",
    );
}

#[test]
fn bad_output_choice_message_is_the_aws_one() {
    let env = Env::new();
    env.create("o", "v");
    env.fails_unchanged_starting(
        &["get-secret-value", "--secret-id", "o", "--output", "xml"],
        252,
        &usage_error("argument --output: Found invalid choice 'xml'\n"),
    );
}

#[test]
fn an_invalid_choice_suggests_the_closest_ones_as_aws_cli_v2() {
    let env = Env::new();
    env.create("o", "v");
    // Operations: the exact bytes of AWS CLI v2.36 (research/aws-cli-conventions.md 5.4.6).
    env.fails_unchanged_starting(
        &["get-secret-valu", "--secret-id", "o"],
        252,
        &usage_error(
            "argument operation: Found invalid choice 'get-secret-valu'\n\nMaybe you meant:\n\n  * get-secret-value\n  * put-secret-value\n  * batch-get-secret-value",
        ),
    );
    // No close choice: the bare line (and argparse's trailing newline).
    env.fails_unchanged_starting(
        &["frobnicate"],
        252,
        &usage_error("argument operation: Found invalid choice 'frobnicate'\n"),
    );
    // Every option with choices, by the same rule.
    for (args, line) in [
        (
            &["get-secret-value", "--secret-id", "o", "--output", "jsn"][..],
            "argument --output: Found invalid choice 'jsn'\n\nMaybe you meant:\n\n  * json",
        ),
        (
            &[
                "get-secret-value",
                "--secret-id",
                "o",
                "--output",
                "yaml-strem",
            ],
            "argument --output: Found invalid choice 'yaml-strem'\n\nMaybe you meant:\n\n  * yaml-stream",
        ),
        (
            &["get-secret-value", "--secret-id", "o", "--color", "auto2"],
            "argument --color: Found invalid choice 'auto2'\n\nMaybe you meant:\n\n  * auto",
        ),
    ] {
        env.fails_unchanged_starting(args, 252, &usage_error(line));
    }
}

#[test]
fn bad_query_is_refused_before_anything_runs() {
    let env = Env::new();
    env.create("q", "v");
    env.fails_unchanged(
        &["list-secrets", "--query", "SecretList["],
        252,
        &param_validation(
            "Bad value for --query SecretList[: Invalid jmespath expression: Incomplete expression:\n\"SecretList[\"\n            ^",
        ),
    );
    // A write with a bad query does not happen.
    let run = env.run(&[
        "create-secret",
        "--name",
        "never",
        "--secret-string",
        "v",
        "--query",
        "Name[",
    ]);
    run.fails_starting(
        252,
        "\nsmvault: [ERROR]: An error occurred (ParamValidation): Bad value for --query Name[: Invalid jmespath expression: ",
    );
    env.run(&["describe-secret", "--secret-id", "never"])
        .fails(254);
}

#[test]
fn a_long_option_with_a_non_integer_is_an_argparse_error() {
    let env = Env::new();
    env.create("x", "v");
    env.fails_unchanged_starting(
        &[
            "delete-secret",
            "--secret-id",
            "x",
            "--recovery-window-in-days",
            "abc",
        ],
        252,
        &usage_error("argument --recovery-window-in-days: invalid int value: 'abc'"),
    );
    env.fails_unchanged_starting(
        &["get-random-password", "--password-length", "ten"],
        252,
        &usage_error("argument --password-length: invalid int value: 'ten'"),
    );
    // The CLI's own integer options, by the same rule (not as a choice).
    for (option, op) in [
        ("--max-items", "list-secrets"),
        ("--page-size", "list-secrets"),
        ("--cli-read-timeout", "list-secrets"),
    ] {
        env.fails_unchanged_starting(
            &[op, option, "abc"],
            252,
            &usage_error(&format!("argument {option}: invalid int value: 'abc'")),
        );
    }
}

#[test]
fn an_integer_option_with_a_non_integer_is_a_general_error() {
    let env = Env::new();
    env.create("x", "v");
    env.fails_unchanged(
        &[
            "list-secret-version-ids",
            "--secret-id",
            "x",
            "--max-results",
            "abc",
        ],
        255,
        "\nsmvault: [ERROR]: invalid literal for int() with base 10: 'abc'\n",
    );
}

#[test]
fn secret_binary_that_is_not_base64_is_a_general_error_without_echoing_it() {
    let env = Env::new();
    env.fails_unchanged(
        &[
            "create-secret",
            "--name",
            "b",
            "--secret-binary",
            "hello world",
        ],
        255,
        "\nsmvault: [ERROR]: Invalid base64: \"<11 characters redacted>\"\n",
    );
    env.run(&["describe-secret", "--secret-id", "b"]).fails(254);
}

#[test]
fn no_paginate_with_paging_arguments() {
    let env = Env::new();
    env.fails_unchanged(
        &["list-secrets", "--no-paginate", "--max-items", "2"],
        252,
        &param_validation(
            "Cannot specify --no-paginate along with pagination arguments: --max-items",
        ),
    );
    env.fails_unchanged(
        &["list-secrets", "--no-paginate", "--page-size", "2", "--max-items", "3"],
        252,
        &param_validation(
            "Cannot specify --no-paginate along with pagination arguments: --page-size, --max-items",
        ),
    );
}

#[test]
fn parameter_syntax_errors() {
    let env = Env::new();
    env.fails_unchanged(
        &["create-secret", "--name", "t1", "--tags", "Key"],
        252,
        &param_validation(
            "Error parsing parameter '--tags': Expected: '=', received: 'EOF' for input:\n Key\n   ^",
        ),
    );
    env.fails_unchanged(
        &["create-secret", "--name", "t1", "--secret-string", "file://nonexistent.txt"],
        252,
        &param_validation(
            "Error parsing parameter '--secret-string': Unable to load paramfile file://nonexistent.txt: [Errno 2] No such file or directory: 'nonexistent.txt'",
        ),
    );
    env.fails_unchanged(
        &["create-secret", "--cli-input-json", "{bad"],
        252,
        &param_validation("Error parsing parameter 'cli-input-json': Invalid JSON received."),
    );
    env.fails_unchanged(
        &["get-secret-value", "--cli-input-json", "{}"],
        252,
        &param_validation(
            "Parameter validation failed:\nMissing required parameter in input: \"SecretId\"",
        ),
    );
    env.fails_unchanged(
        &[
            "create-secret",
            "--cli-input-json",
            "{\"Name\":\"x\"}",
            "--cli-input-yaml",
            "Name: y",
        ],
        252,
        &param_validation("Only one --cli-input- parameter may be specified."),
    );
    env.fails_unchanged(
        &["create-secret", "--cli-input-json", "[1]"],
        252,
        &param_validation("Invalid type: expecting map, received <class 'list'>"),
    );
}

#[test]
fn a_value_starting_with_a_dash_needs_the_equals_form() {
    let env = Env::new();
    env.create("d", "v");
    env.fails_unchanged_starting(
        &[
            "put-secret-value",
            "--secret-id",
            "d",
            "--secret-string",
            "-abc",
        ],
        252,
        "\nsmvault: [ERROR]: An error occurred (ParamValidation): ",
    );
}

#[test]
fn a_value_starting_with_a_dash_message_is_the_aws_one() {
    let env = Env::new();
    env.create("d", "v");
    env.fails_unchanged_starting(
        &[
            "put-secret-value",
            "--secret-id",
            "d",
            "--secret-string",
            "-abc",
        ],
        252,
        &usage_error("argument --secret-string: expected one argument"),
    );
}

#[test]
fn an_ambiguous_prefix_names_the_candidates() {
    let env = Env::new();
    env.create("a", "v");
    env.fails_unchanged_starting(
        &["get-secret-value", "--secret-id", "a", "--version-", "x"],
        252,
        &usage_error("ambiguous option: --version- could match --version-id, --version-stage"),
    );
}

#[test]
fn a_negative_number_is_an_option_value() {
    let env = Env::new();
    env.create("w", "v");
    env.fails_unchanged(
        &[
            "delete-secret",
            "--secret-id",
            "w",
            "--recovery-window-in-days",
            "-1",
        ],
        254,
        &service_error(
            "DeleteSecret",
            "InvalidParameterException",
            "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
        ),
    );
}

// ------------------------------------------------------------ vault and identity (253)

fn first_line_error(env: &Env, args: &[&str], code: i32, first_line: &str) -> String {
    let before = env.vault_bytes();
    let run = env.run(args);
    let stderr = run.fails(code).to_string();
    assert!(
        stderr.starts_with(&format!("\nsmvault: [ERROR]: {first_line}\n")),
        "stderr of {args:?}:\n{stderr:?}\nexpected first line:\n{first_line:?}"
    );
    assert!(stderr.ends_with('\n'), "{stderr:?}");
    assert!(before == env.vault_bytes(), "{args:?} changed the vault");
    stderr
}

#[test]
fn a_missing_identity_with_an_existing_vault() {
    let env = Env::new();
    env.create("s", "v");
    std::fs::remove_file(env.identity()).unwrap();
    let first = format!("no age identity at {}", env.identity().display());
    for args in [
        &["get-secret-value", "--secret-id", "s"][..],
        &["create-secret", "--name", "t", "--secret-string", "v"],
        &["list-secrets"],
    ] {
        let stderr = first_line_error(&env, args, 253, &first);
        assert!(
            stderr.contains("must be restored from your backup"),
            "{stderr}"
        );
        assert!(
            stderr.contains(&env.vault().display().to_string()),
            "{stderr}"
        );
        // Never a command that cannot help: init would fail with this very message.
        assert!(!stderr.contains("smvault init"), "{stderr}");
    }
    let stderr = first_line_error(&env, &["init"], 253, &first);
    assert!(!stderr.contains("smvault init"), "{stderr}");
    // No new identity was made behind the user's back.
    assert!(!env.identity().exists());
}

#[test]
fn a_write_to_a_missing_vault_says_where_it_created_one() {
    let env = Env::new();
    let typo = env.path("vualt.age");
    let typo_var = typo.display().to_string();
    let vars = [("SMVAULT_FILE", typo_var.as_str())];
    // A refused write creates nothing and says nothing of a vault.
    let run = env.run_with(
        &vars,
        &[
            "create-secret",
            "--name",
            "bad name",
            "--secret-string",
            "v",
        ],
    );
    run.fails_with(
        254,
        &service_error("CreateSecret", "ValidationException", INVALID_NAME),
    );
    assert!(!typo.exists());
    let run = env.run_with(
        &vars,
        &["create-secret", "--name", "s", "--secret-string", "v"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        format!("smvault: created a new vault at {}\n", typo.display())
    );
    assert!(typo.exists());
    // Said once: the next write finds the vault.
    let run = env.run_with(
        &vars,
        &[
            "put-secret-value",
            "--secret-id",
            "s",
            "--secret-string",
            "w",
        ],
    );
    run.ok();
    // With no identity either, both are said.
    let bare = Env::bare();
    let run = bare.run(&["create-secret", "--name", "s", "--secret-string", "v"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .starts_with("smvault: created a new age identity at ")
            && run.stderr.ends_with(&format!(
                "smvault: created a new vault at {}\n",
                bare.vault().display()
            )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_read_of_a_missing_vault_keeps_aws_line_and_hints_with_debug() {
    let env = Env::bare();
    let aws_line = service_error("GetSecretValue", "ResourceNotFoundException", NOT_FOUND);
    // Scripts see AWS's answer, byte for byte (stderr is not a terminal here).
    env.run(&["get-secret-value", "--secret-id", "s"])
        .fails_with(254, &aws_line);
    let run = env.run(&["get-secret-value", "--secret-id", "s", "--debug"]);
    let stderr = run.fails(254);
    assert!(
        stderr.contains(&format!("smvault: no vault at {}", env.vault().display())),
        "{stderr}"
    );
    assert!(stderr.ends_with(&aws_line), "{stderr}");
    // A read that succeeds on the empty vault needs no hint; nothing was created.
    env.ok(&["list-secrets"]);
    assert!(!env.vault().exists() && !env.identity().exists());
}

/// On a terminal (a pseudo-terminal from python3's `pty`, which the conformance
/// harness needs anyway), the hint comes without --debug.
#[cfg(unix)]
#[test]
fn a_read_of_a_missing_vault_hints_on_a_terminal() {
    let env = Env::bare();
    let out = env
        .command_for(std::path::Path::new("python3"))
        .args([
            "-c",
            "import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))",
            cli::BIN,
            "get-secret-value",
            "--secret-id",
            "s",
        ])
        .output();
    let Ok(out) = out.map_err(|e| eprintln!("skipped: python3 does not run: {e}")) else {
        return;
    };
    // Everything the terminal showed (stdout and stderr share it).
    let shown = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    assert_eq!(out.status.code(), Some(254), "{shown}");
    assert!(
        shown.starts_with(&format!("smvault: no vault at {} ", env.vault().display())),
        "{shown}"
    );
    assert!(
        shown.ends_with(&service_error(
            "GetSecretValue",
            "ResourceNotFoundException",
            NOT_FOUND
        )),
        "{shown}"
    );
}

#[test]
fn a_vault_encrypted_to_another_identity() {
    let env = Env::new();
    env.create("s", "v");
    let other = Env::new();
    let other_id = other.identity().display().to_string();
    let before = env.vault_bytes();
    for args in [
        &["get-secret-value", "--secret-id", "s"][..],
        &[
            "put-secret-value",
            "--secret-id",
            "s",
            "--secret-string",
            "w",
        ],
    ] {
        let run = env.run_with(&[("SMVAULT_AGE_KEY_FILE", &other_id)], args);
        run.fails_starting(
            253,
            &format!(
                "\nsmvault: [ERROR]: cannot decrypt the vault {}: it was not encrypted to this identity\n",
                env.vault().display()
            ),
        );
    }
    assert!(before == env.vault_bytes());
}

#[test]
fn a_truncated_vault() {
    let env = Env::new();
    env.create("s", "v");
    let bytes = env.vault_bytes();
    // Cut inside the payload (the header is intact).
    env.write("vault.age", &bytes[..bytes.len() - 16]);
    let prefix = format!(
        "\nsmvault: [ERROR]: cannot decrypt the vault {}: ",
        env.vault().display()
    );
    env.fails_unchanged_starting(&["get-secret-value", "--secret-id", "s"], 253, &prefix);
    env.fails_unchanged_starting(
        &["create-secret", "--name", "t", "--secret-string", "v"],
        253,
        &prefix,
    );
    // Cut inside the header.
    env.write("vault.age", &bytes[..40]);
    env.fails_unchanged_starting(&["describe-secret", "--secret-id", "s"], 253, &prefix);
}

#[test]
fn a_vault_that_is_not_an_age_file() {
    let env = Env::new();
    let first = format!(
        "the vault {} is not an age-encrypted file",
        env.vault().display()
    );
    for content in [&b"{\"format\": 1, \"data\": {}}"[..], b"hello\n", b""] {
        env.write("vault.age", content);
        first_line_error(&env, &["get-secret-value", "--secret-id", "s"], 253, &first);
        first_line_error(
            &env,
            &["create-secret", "--name", "t", "--secret-string", "v"],
            253,
            &first,
        );
    }
}

#[test]
fn a_vault_with_an_unknown_envelope_format() {
    let env = Env::new();
    let identity = smvault::vault::keys::read_identity(&env.identity()).unwrap();
    let ciphertext = age::encrypt(
        &identity.x25519().unwrap().to_public(),
        br#"{"format": 4, "data": {"secrets": []}}"#,
    )
    .unwrap();
    env.write("vault.age", ciphertext);
    let first = format!(
        "the vault {} has format 4, which this smvault does not know",
        env.vault().display()
    );
    first_line_error(&env, &["list-secrets"], 253, &first);
    first_line_error(
        &env,
        &["create-secret", "--name", "t", "--secret-string", "v"],
        253,
        &first,
    );
}

#[test]
fn an_identity_file_that_is_garbage() {
    let env = Env::new();
    env.create("s", "v");
    let path = env.identity().display().to_string();
    for (content, reason) in [
        ("garbage\n", "it is not an age X25519 identity"),
        ("# only a comment\n\n", "it holds no key"),
        ("AGE-SECRET-KEY-1NOTAKEY\n", "the key is malformed"),
    ] {
        env.write("identity.txt", content);
        let first = format!("the age identity {path} is unusable: {reason}");
        first_line_error(&env, &["get-secret-value", "--secret-id", "s"], 253, &first);
        first_line_error(
            &env,
            &[
                "put-secret-value",
                "--secret-id",
                "s",
                "--secret-string",
                "w",
            ],
            253,
            &first,
        );
    }
}

// ------------------------------------------------------------------- run as `aws`

#[cfg(unix)]
fn aws_link(env: &Env) -> std::path::PathBuf {
    let link = env.path("aws");
    std::os::unix::fs::symlink(cli::BIN, &link).unwrap();
    link
}

#[cfg(unix)]
#[test]
fn errors_are_printed_under_the_name_aws_through_a_link() {
    let env = Env::new();
    let aws = aws_link(&env);
    let before = env.vault_bytes();
    let run = env.run_program(
        &aws,
        &["secretsmanager", "get-secret-value", "--secret-id", "nope"],
    );
    run.fails_with(
        254,
        &format!(
            "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: {NOT_FOUND}\n"
        ),
    );
    let run = env.run_program(
        &aws,
        &[
            "secretsmanager",
            "get-random-password",
            "--password-length",
            "0",
        ],
    );
    run.fails_with(
        252,
        "\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid value for parameter PasswordLength, value: 0, valid min value: 1\n",
    );
    assert!(before == env.vault_bytes());
}

#[cfg(unix)]
#[test]
fn help_through_the_link_shows_usage_lines_that_work() {
    let env = Env::new();
    env.create("h", "v");
    let aws = aws_link(&env);
    for (args, usage) in [
        (
            &["secretsmanager", "get-secret-value", "help"][..],
            "Usage: aws secretsmanager get-secret-value [OPTIONS]",
        ),
        (
            &["secretsmanager", "get-secret-value", "--help"],
            "Usage: aws secretsmanager get-secret-value [OPTIONS]",
        ),
        (
            &["secretsmanager", "help"],
            "Usage: aws secretsmanager [OPTIONS] <COMMAND>",
        ),
    ] {
        let out = env.run_program(&aws, args).ok().to_string();
        assert!(out.contains(usage), "{args:?}:\n{out}");
        // The line works: run as it says (plus the required option), it answers.
        let words: Vec<&str> = usage
            .trim_start_matches("Usage: aws ")
            .split(' ')
            .take_while(|w| !w.starts_with('['))
            .collect();
        if words.len() == 2 {
            let mut run = words.clone();
            run.extend([
                "--secret-id",
                "h",
                "--query",
                "SecretString",
                "--output",
                "text",
            ]);
            assert_eq!(env.run_program(&aws, &run).ok(), "v\n");
        }
    }
    let out = env
        .run_program(&aws, &["secretsmanager", "get-secret-value", "help"])
        .ok()
        .to_string();
    assert!(
        out.contains("Example:\n  aws secretsmanager get-secret-value --secret-id "),
        "{out}"
    );
    // Under its own name, smvault's usage is its own.
    let out = env.ok(&["get-secret-value", "help"]);
    assert!(
        out.contains("Usage: smvault get-secret-value [OPTIONS]"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn other_aws_services_are_refused_through_the_link() {
    let env = Env::new();
    let aws = aws_link(&env);
    let run = env.run_program(&aws, &["s3", "ls"]);
    run.fails_starting(
        252,
        "\naws: [ERROR]: An error occurred (ParamValidation): argument command: Found invalid choice 's3'",
    );
    let run = env.run_program(
        &aws,
        &["--region", "eu-west-1", "sts", "get-caller-identity"],
    );
    run.fails_starting(
        252,
        "\naws: [ERROR]: An error occurred (ParamValidation): argument command: Found invalid choice 'sts'",
    );
}

#[test]
fn limits_the_cli_leaves_to_the_service_are_the_service_s_refusal() {
    let env = Env::new();
    env.create("lim", "v");
    // Above the maximum: the service's ValidationException, a sensitive value never echoed.
    let long = "s".repeat(65537);
    env.fails_unchanged(
        &["put-secret-value", "--secret-id", "lim", "--secret-string", &long],
        254,
        &service_error(
            "PutSecretValue",
            "ValidationException",
            "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
        ),
    );
    // Checked before the secret is looked up: no such secret, and still the limit.
    let id = "v".repeat(65);
    env.fails_unchanged(
        &["get-secret-value", "--secret-id", "nope", "--version-id", &id],
        254,
        &service_error(
            "GetSecretValue",
            "ValidationException",
            &format!(
                "1 validation error detected: Value '{id}' at 'versionId' failed to satisfy constraint: Member must have length less than or equal to 64"
            ),
        ),
    );
    // Below the minimum stays the CLI's own check, first, as the AWS CLI's.
    env.fails_unchanged(
        &["put-secret-value", "--secret-id", "lim", "--secret-string", ""],
        252,
        &param_validation(
            "Parameter validation failed:\nInvalid length for parameter SecretString, value: 0, valid min length: 1",
        ),
    );
}

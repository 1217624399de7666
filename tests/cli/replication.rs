//! Replica regions through the CLI, as AWS answers them: writes through a replica, the
//! primary's own region, deleting a replicated secret, a name taken in the destination
//! region (with and without --force-overwrite-replica-secret), and a vault breaking the
//! one-name-per-region rule. Every refused command leaves the vault byte for byte.

use crate::support::cli;

use cli::{Env, service_error};
use serde_json::Value;
use smvault::core::model::Vault;
use smvault::vault::{Store, keys};

const ON_REPLICA: &str =
    "Operation not permitted on a replica secret. Call must be made in primary secret's region.";
const INVALID_REGION: &str = "Invalid replica region.";
const NAME_TAKEN: &str = "Secret with this name already exists in this region";

/// `rep/s` in us-east-1, replicated to eu-west-1; returns its ARN.
fn replicated() -> (Env, String) {
    let env = Env::new();
    let created = env
        .run(&[
            "create-secret",
            "--name",
            "rep/s",
            "--secret-string",
            "v1",
            "--add-replica-regions",
            "Region=eu-west-1",
        ])
        .json();
    assert_eq!(created["ReplicationStatus"][0]["Status"], "InSync");
    (env, created["ARN"].as_str().unwrap().to_string())
}

fn in_region<'a>(region: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(["--region", region]);
    all
}

#[test]
fn every_write_through_a_replica_is_refused_and_changes_nothing() {
    let (env, _) = replicated();
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#;
    let id = ["--secret-id", "rep/s"];
    let writes: &[(&str, &[&str])] = &[
        ("UpdateSecret", &["update-secret", "--description", "d"]),
        (
            "PutSecretValue",
            &["put-secret-value", "--secret-string", "v2"],
        ),
        (
            "UpdateSecretVersionStage",
            &["update-secret-version-stage", "--version-stage", "X"],
        ),
        ("TagResource", &["tag-resource", "--tags", "Key=k,Value=v"]),
        ("UntagResource", &["untag-resource", "--tag-keys", "k"]),
        (
            "PutResourcePolicy",
            &["put-resource-policy", "--resource-policy", policy],
        ),
        ("DeleteResourcePolicy", &["delete-resource-policy"]),
        (
            "RotateSecret",
            &[
                "rotate-secret",
                "--rotation-lambda-arn",
                "smvault-random-password",
            ],
        ),
        ("CancelRotateSecret", &["cancel-rotate-secret"]),
        (
            "ReplicateSecretToRegions",
            &[
                "replicate-secret-to-regions",
                "--add-replica-regions",
                "Region=us-west-2",
            ],
        ),
        (
            "RemoveRegionsFromReplication",
            &[
                "remove-regions-from-replication",
                "--remove-replica-regions",
                "eu-west-1",
            ],
        ),
        ("DeleteSecret", &["delete-secret"]),
        (
            "DeleteSecret",
            &["delete-secret", "--force-delete-without-recovery"],
        ),
        ("RestoreSecret", &["restore-secret"]),
    ];
    for (op, args) in writes {
        let mut argv = vec![args[0]];
        argv.extend(id);
        argv.extend(&args[1..]);
        env.fails_unchanged(
            &in_region("eu-west-1", &argv),
            254,
            &service_error(op, "InvalidParameterException", ON_REPLICA),
        );
    }
    // Reads work there, under the replica's ARN.
    let got = env
        .run(&in_region(
            "eu-west-1",
            &["get-secret-value", "--secret-id", "rep/s"],
        ))
        .json();
    assert_eq!(got["SecretString"], "v1");
    assert!(got["ARN"].as_str().unwrap().contains(":eu-west-1:"));
}

#[test]
fn the_primary_region_is_an_invalid_replica_region() {
    let env = Env::new();
    env.create("other", "x");
    env.fails_unchanged(
        &[
            "create-secret",
            "--name",
            "same",
            "--secret-string",
            "v",
            "--add-replica-regions",
            "Region=us-east-1",
        ],
        254,
        &service_error("CreateSecret", "InvalidParameterException", INVALID_REGION),
    );
    env.fails_unchanged(
        &[
            "replicate-secret-to-regions",
            "--secret-id",
            "other",
            "--add-replica-regions",
            "Region=eu-west-1",
            "Region=us-east-1",
        ],
        254,
        &service_error(
            "ReplicateSecretToRegions",
            "InvalidParameterException",
            INVALID_REGION,
        ),
    );
}

#[test]
fn a_primary_with_replicas_cannot_be_deleted_until_they_are_removed() {
    let (env, arn) = replicated();
    env.ok(&[
        "replicate-secret-to-regions",
        "--secret-id",
        "rep/s",
        "--add-replica-regions",
        "Region=us-west-2",
    ]);
    let refusal = service_error(
        "DeleteSecret",
        "InvalidParameterException",
        &format!(
            "You can't delete secret {arn} that still has replica regions [eu-west-1, us-west-2]."
        ),
    );
    env.fails_unchanged(&["delete-secret", "--secret-id", "rep/s"], 254, &refusal);
    env.fails_unchanged(
        &[
            "delete-secret",
            "--secret-id",
            "rep/s",
            "--force-delete-without-recovery",
        ],
        254,
        &refusal,
    );
    env.ok(&[
        "remove-regions-from-replication",
        "--secret-id",
        "rep/s",
        "--remove-replica-regions",
        "eu-west-1",
        "us-west-2",
    ]);
    env.ok(&["delete-secret", "--secret-id", "rep/s"]);
}

fn value_in(env: &Env, region: &str, id: &str) -> Value {
    env.run(&in_region(region, &["get-secret-value", "--secret-id", id]))
        .json()
}

#[test]
fn a_name_taken_in_the_destination_fails_that_region_without_failing_the_call() {
    let env = Env::new();
    env.ok(&in_region(
        "eu-west-1",
        &[
            "create-secret",
            "--name",
            "dup",
            "--secret-string",
            "theirs",
        ],
    ));
    let created = env
        .run(&[
            "create-secret",
            "--name",
            "dup",
            "--secret-string",
            "ours",
            "--add-replica-regions",
            "Region=eu-west-1",
            "Region=us-west-2",
        ])
        .json();
    let status = &created["ReplicationStatus"];
    assert_eq!(status[0]["Region"], "eu-west-1");
    assert_eq!(status[0]["Status"], "Failed");
    assert_eq!(status[0]["StatusMessage"], NAME_TAKEN);
    assert_eq!(status[1]["Status"], "InSync");
    assert_eq!(value_in(&env, "eu-west-1", "dup")["SecretString"], "theirs");
    assert_eq!(value_in(&env, "us-west-2", "dup")["SecretString"], "ours");
    let described = env.run(&["describe-secret", "--secret-id", "dup"]).json();
    assert_eq!(described["ReplicationStatus"], *status);

    // The same again without the flag: still failed, nothing overwritten.
    let again = env
        .run(&[
            "replicate-secret-to-regions",
            "--secret-id",
            "dup",
            "--add-replica-regions",
            "Region=eu-west-1",
        ])
        .json();
    assert_eq!(again["ReplicationStatus"][0]["Status"], "Failed");
    assert_eq!(value_in(&env, "eu-west-1", "dup")["SecretString"], "theirs");
}

#[test]
fn force_overwrite_replaces_the_secret_in_the_destination() {
    for at_create in [true, false] {
        let env = Env::new();
        env.ok(&in_region(
            "eu-west-1",
            &[
                "create-secret",
                "--name",
                "dup",
                "--secret-string",
                "theirs",
            ],
        ));
        let arn = if at_create {
            let created = env
                .run(&[
                    "create-secret",
                    "--name",
                    "dup",
                    "--secret-string",
                    "ours",
                    "--add-replica-regions",
                    "Region=eu-west-1",
                    "--force-overwrite-replica-secret",
                ])
                .json();
            assert_eq!(created["ReplicationStatus"][0]["Status"], "InSync");
            created["ARN"].as_str().unwrap().to_string()
        } else {
            let arn = env.create("dup", "ours")["ARN"]
                .as_str()
                .unwrap()
                .to_string();
            let out = env
                .run(&[
                    "replicate-secret-to-regions",
                    "--secret-id",
                    "dup",
                    "--add-replica-regions",
                    "Region=eu-west-1",
                    "--force-overwrite-replica-secret",
                ])
                .json();
            assert_eq!(out["ReplicationStatus"][0]["Status"], "InSync");
            arn
        };
        let there = value_in(&env, "eu-west-1", "dup");
        assert_eq!(there["SecretString"], "ours", "at_create={at_create}");
        assert_eq!(there["ARN"], arn.replace(":us-east-1:", ":eu-west-1:"));
        let names = env.ok(&in_region(
            "eu-west-1",
            &[
                "list-secrets",
                "--query",
                "SecretList[].Name",
                "--output",
                "text",
            ],
        ));
        assert_eq!(names, "dup\n", "one secret of the name in the region");
    }
}

#[test]
fn a_vault_holding_a_name_twice_in_a_region_is_refused() {
    let env = Env::new();
    env.ok(&in_region(
        "eu-west-1",
        &[
            "create-secret",
            "--name",
            "dup",
            "--secret-string",
            "theirs",
        ],
    ));
    env.create("dup", "ours");
    // Written by hand (or an older smvault): the us-east-1 secret claims a replica
    // in eu-west-1, where the other one holds the name.
    let store = Store::new(env.vault(), keys::read_identity(&env.identity()).unwrap());
    let mut vault: Vault = store.load().unwrap().unwrap();
    let ours = vault
        .secrets
        .iter_mut()
        .find(|s| s.region == "us-east-1")
        .unwrap();
    ours.replicas.push(smvault::core::model::Replica {
        region: "eu-west-1".into(),
        kms_key_id: None,
        last_accessed: None,
        failed: None,
    });
    let guard = store.lock(std::time::Duration::from_secs(10)).unwrap();
    store.save(&guard, &vault).unwrap();
    drop(guard);
    let refusal = format!(
        "\nsmvault: [ERROR]: the vault {} is inconsistent: the name dup is held by two secrets in eu-west-1\n  hint: restore it from a backup; the file was left untouched\n",
        env.vault().display()
    );
    for args in [
        &["get-secret-value", "--secret-id", "dup"][..],
        &[
            "put-secret-value",
            "--secret-id",
            "dup",
            "--secret-string",
            "x",
        ],
        &["list-secrets"],
    ] {
        let before = env.vault_bytes();
        let stderr = env.run(args).fails(253).to_string();
        assert_eq!(stderr, refusal, "{args:?}");
        assert!(before == env.vault_bytes());
    }
}

//! A passphrase-protected identity: created by `init --passphrase`, opened with
//! SMVAULT_PASSPHRASE, refused (exit 253, vault unchanged) with a wrong or missing one.

use crate::support::cli;

use cli::Env;

#[test]
fn protected_identity_round_trip_and_refusals() {
    let env = Env::bare().with("SMVAULT_PASSPHRASE", "correct horse battery");
    env.ok(&["init", "--passphrase"]);
    let id = std::fs::read(env.identity()).unwrap();
    assert!(
        id.starts_with(b"age-encryption.org/v1"),
        "the identity file is encrypted"
    );
    assert!(!id.windows(14).any(|w| w == b"AGE-SECRET-KEY"));
    env.ok(&["create-secret", "--name", "p", "--secret-string", "v"]);
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id",
            "p",
            "--query",
            "SecretString",
            "--output",
            "text"
        ]),
        "v\n"
    );
    let before = env.vault_bytes();
    let wrong = env.run_with(
        &[("SMVAULT_PASSPHRASE", "wrong")],
        &[
            "put-secret-value",
            "--secret-id",
            "p",
            "--secret-string",
            "w",
        ],
    );
    let stderr = wrong.fails(253);
    assert!(stderr.contains("the passphrase is wrong"), "{stderr}");
    assert_eq!(env.vault_bytes(), before);
}

#[test]
fn passphrase_needed_but_not_given_is_a_configuration_error() {
    let env = Env::bare().with("SMVAULT_PASSPHRASE", "pw");
    env.ok(&["init", "--passphrase"]);
    // Without the variable and without a terminal (stdin/tty are not one here).
    let mut cmd = env.command();
    cmd.env_remove("SMVAULT_PASSPHRASE").args(["list-secrets"]);
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(253), "{stderr}");
    assert!(stderr.contains("SMVAULT_PASSPHRASE"), "{stderr}");
}

#[test]
fn passphrase_for_an_existing_identity_is_refused() {
    let env = Env::new();
    let r = env.run_with(&[("SMVAULT_PASSPHRASE", "pw")], &["init", "--passphrase"]);
    assert!(r.fails(252).contains("exists already"), "{}", r.stderr);
}

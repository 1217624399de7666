//! `smvault inject` as real processes: every field combination of a CloudFormation dynamic
//! reference, a 1,000-reference template, failures that leave the output untouched,
//! byte-for-byte passthrough of non-UTF-8 text, and the 0600 output file.

use crate::support::{self, cli};

use std::os::unix::fs::PermissionsExt;

use cli::{Env, NOT_FOUND};

const DB: &str = r#"{"user":"admin","password":"p1","port":5432}"#;

/// A vault with `prod/db` at two versions (AWSPREVIOUS password p0, AWSCURRENT p1);
/// returns it with the full ARN and the (current, previous) version ids.
fn setup() -> (Env, String, String, String) {
    let env = Env::new();
    env.create("prod/db", r#"{"user":"old","password":"p0","port":1}"#);
    env.ok(&[
        "put-secret-value",
        "--secret-id",
        "prod/db",
        "--secret-string",
        DB,
    ]);
    let current = env
        .run(&["get-secret-value", "--secret-id", "prod/db"])
        .json();
    let previous = env
        .run(&[
            "get-secret-value",
            "--secret-id",
            "prod/db",
            "--version-stage",
            "AWSPREVIOUS",
        ])
        .json();
    let field = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap().to_string();
    (
        env,
        field(&current, "ARN"),
        field(&current, "VersionId"),
        field(&previous, "VersionId"),
    )
}

/// Renders `template` through stdin/stdout.
fn render(env: &Env, template: &[u8]) -> std::process::Output {
    env.command()
        .arg("inject")
        .write_stdin(template)
        .output()
        .unwrap()
}

fn rendered(env: &Env, template: &str) -> String {
    let out = render(env, template.as_bytes());
    assert!(
        out.status.success(),
        "{template}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_field_combination_resolves() {
    let (env, arn, current, previous) = setup();
    let partial = arn[..arn.len() - 7].to_string();
    // (field text after the id, expected value)
    let tails: Vec<(String, &str)> = vec![
        (String::new(), DB),
        (":SecretString".into(), DB),
        (":".into(), DB),
        (":SecretString:password".into(), "p1"),
        ("::password".into(), "p1"),
        (":SecretString:password::".into(), "p1"),
        (":SecretString:password:AWSPREVIOUS".into(), "p0"),
        (":SecretString:password:AWSCURRENT:".into(), "p1"),
        (format!(":SecretString:password::{previous}"), "p0"),
        (format!(":SecretString:password::{current}"), "p1"),
        (
            ":SecretString::AWSPREVIOUS".into(),
            r#"{"user":"old","password":"p0","port":1}"#,
        ),
        (format!(":SecretString:::{current}"), DB),
        (":SecretString:port".into(), "5432"),
    ];
    for id in ["prod/db", arn.as_str(), partial.as_str()] {
        for (tail, expected) in &tails {
            let template = format!("<{{{{resolve:secretsmanager:{id}{tail}}}}}>");
            assert_eq!(
                rendered(&env, &template),
                format!("<{expected}>"),
                "{template}"
            );
        }
    }
}

#[test]
fn malformed_references_are_refused_before_reading_the_vault() {
    let (env, _, current, _) = setup();
    let cases = [
        (
            format!(
                "{{{{resolve:secretsmanager:prod/db:SecretString:password:AWSCURRENT:{current}}}}}"
            ),
            "not both",
        ),
        (
            "{{resolve:secretsmanager:prod/db:SecretBinary}}".to_string(),
            "Currently, the only supported value is SecretString.",
        ),
        (
            "{{resolve:secretsmanager:prod/db:SecretString:a:b:c:d}}".to_string(),
            "too many fields",
        ),
        (
            "{{resolve:secretsmanager:}}".to_string(),
            "the secret is missing",
        ),
        (
            "x\n{{resolve:secretsmanager:prod/db".to_string(),
            "not closed",
        ),
    ];
    for (template, reason) in cases {
        let out = render(&env, template.as_bytes());
        assert_eq!(out.status.code(), Some(252), "{template}");
        assert!(out.stdout.is_empty(), "{template}");
        let e = String::from_utf8_lossy(&out.stderr);
        assert!(e.contains("stdin:"), "{e}");
        assert!(e.contains(reason), "{template}: {e}");
    }
}

#[test]
fn unresolvable_references_name_the_line_and_use_cloudformations_words() {
    let (env, _, _, _) = setup();
    env.create("plain", "text");
    let template = "a\n{{resolve:secretsmanager:prod/db:SecretString:nokey}}\n{{resolve:secretsmanager:nope}}\n{{resolve:secretsmanager:plain::k}}";
    let out = render(&env, template.as_bytes());
    assert_eq!(out.status.code(), Some(254));
    assert!(out.stdout.is_empty());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("3 references cannot be resolved"), "{e}");
    assert!(
        e.contains("stdin:2: reference '{{resolve:secretsmanager:prod/db:SecretString:nokey}}': Could not find a value associated with JSONKey in SecretString"),
        "{e}"
    );
    assert!(
        e.contains(&format!("stdin:3: reference '{{{{resolve:secretsmanager:nope}}}}': An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: {NOT_FOUND}")),
        "{e}"
    );
    assert!(e.contains("stdin:4:"), "{e}");
}

#[test]
fn a_thousand_references_render() {
    let env = Env::new();
    let mut template = String::new();
    let mut expected = String::new();
    for s in 0..10 {
        let members: Vec<String> = (0..100).map(|k| format!("\"k{k}\":\"v{s}-{k}\"")).collect();
        env.create(&format!("svc/{s}"), &format!("{{{}}}", members.join(",")));
        for k in 0..100 {
            template.push_str(&format!(
                "K{s}_{k}={{{{resolve:secretsmanager:svc/{s}:SecretString:k{k}}}}}\n"
            ));
            expected.push_str(&format!("K{s}_{k}=v{s}-{k}\n"));
        }
    }
    env.write("big.tpl", &template);
    env.ok(&["inject", "-i", "big.tpl", "-o", "big.env"]);
    assert_eq!(
        std::fs::read_to_string(env.path("big.env")).unwrap(),
        expected
    );
}

#[test]
fn a_failure_leaves_the_output_file_untouched_and_no_temp_file() {
    let (env, _, _, _) = setup();
    let output = env.write("app.env", "old content\n");
    std::fs::set_permissions(&output, std::fs::Permissions::from_mode(0o640)).unwrap();
    env.write(
        "app.env.tpl",
        "A={{resolve:secretsmanager:prod/db:SecretString:user}}\nB={{resolve:secretsmanager:nope}}\n",
    );
    let before: Vec<_> = support::names_in(env.dir());
    let vault = env.vault_bytes();
    let out = env.run(&["inject", "-i", "app.env.tpl", "-o", "app.env"]);
    let e = out.fails(254);
    assert!(
        vault == env.vault_bytes(),
        "the failed inject changed the vault"
    );
    assert!(
        e.contains("app.env.tpl:2: reference '{{resolve:secretsmanager:nope}}'"),
        "{e}"
    );
    assert_eq!(std::fs::read(&output).unwrap(), b"old content\n");
    let mode = std::fs::metadata(&output).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(
        support::names_in(env.dir()),
        before,
        "a temp file was left behind"
    );
    // A syntax error, and an output in a missing folder, leave nothing either.
    env.write("bad.tpl", "{{resolve:secretsmanager:prod/db:SecretBinary}}");
    env.run(&["inject", "-i", "bad.tpl", "-o", "app.env"])
        .fails(252);
    assert_eq!(std::fs::read(&output).unwrap(), b"old content\n");
    env.run(&["inject", "-i", "app.env.tpl", "-o", "no/such/dir/x"])
        .fails(254);
    env.write(
        "good.tpl",
        "{{resolve:secretsmanager:prod/db:SecretString:user}}",
    );
    env.run(&["inject", "-i", "good.tpl", "-o", "no/such/dir/x"])
        .fails(255);
    env.run(&["inject", "-i", "missing.tpl"]).fails(252);
}

#[test]
fn output_is_0600_new_or_replacing_a_readable_file() {
    let (env, _, _, _) = setup();
    env.write(
        "t.tpl",
        "u={{resolve:secretsmanager:prod/db:SecretString:user}}\n",
    );
    env.ok(&["inject", "-i", "t.tpl", "-o", "new.env"]);
    let mode = |p: &str| std::fs::metadata(env.path(p)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode("new.env"), 0o600);
    assert_eq!(std::fs::read(env.path("new.env")).unwrap(), b"u=admin\n");
    let old = env.write("old.env", "x");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.ok(&["inject", "-i", "t.tpl", "-o", "old.env"]);
    assert_eq!(mode("old.env"), 0o600);
    assert_eq!(std::fs::read(&old).unwrap(), b"u=admin\n");
}

#[test]
fn text_around_references_passes_through_byte_for_byte() {
    let (env, _, _, _) = setup();
    let mut template: Vec<u8> = (0..=255u8).collect();
    template.extend_from_slice(b"{{resolve:secretsmanager:prod/db:SecretString:user}}");
    template.extend_from_slice(
        b"\r\n{{ not a reference }} {{resolve:ssm:/x}} {{resolve:secretsmanager",
    );
    template.extend((0..=255u8).rev());
    template
        .extend_from_slice(b"\xff{{resolve:secretsmanager:prod/db:SecretString:password}}\xfe\x00");
    let out = render(&env, &template);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut expected: Vec<u8> = (0..=255u8).collect();
    expected.extend_from_slice(b"admin");
    expected.extend_from_slice(
        b"\r\n{{ not a reference }} {{resolve:ssm:/x}} {{resolve:secretsmanager",
    );
    expected.extend((0..=255u8).rev());
    expected.extend_from_slice(b"\xffp1\xfe\x00");
    assert_eq!(out.stdout, expected);
}

#[test]
fn a_template_without_references_needs_no_vault() {
    let env = Env::bare();
    let out = render(&env, b"plain text, {{resolve:ssm:x}}\n");
    assert!(out.status.success());
    assert_eq!(out.stdout, b"plain text, {{resolve:ssm:x}}\n");
    assert!(!env.identity().exists(), "no identity was created");
}

#[test]
fn inject_through_the_aws_link() {
    let (env, _, _, _) = setup();
    let link = env.path("aws");
    std::os::unix::fs::symlink(cli::BIN, &link).unwrap();
    env.write(
        "t.tpl",
        "{{resolve:secretsmanager:prod/db:SecretString:user}}",
    );
    assert_eq!(
        env.run_program(&link, &["inject", "-i", "t.tpl"]).ok(),
        "admin"
    );
    assert_eq!(
        env.run_program(&link, &["secretsmanager", "inject", "-i", "t.tpl"])
            .ok(),
        "admin"
    );
}

//! `smvault exec` as real processes: every reference form, every failure (nothing starts:
//! a program that would create a marker file never runs), name mangling and collisions,
//! env files, exit status, signals and PID, identity variables; and the canary: no value
//! in argv, on disk or in a message.

use crate::support::{self, cli};

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use cli::{Env, MARKED_FOR_DELETION, NOT_FOUND, Run};

const DB: &str = r#"{"user":"admin","password":"p1","db-host":"db.local","port":5432,"tls":true,"opts":{"a":1}}"#;

/// A vault with `prod/db` (JSON) and `plain` (text); returns it with prod/db's full ARN.
fn setup() -> (Env, String) {
    let env = Env::new();
    let arn = env.create("prod/db", DB)["ARN"]
        .as_str()
        .unwrap()
        .to_string();
    env.create("plain", "hello world");
    (env, arn)
}

/// `smvault exec ARGS -- sh -c SCRIPT`.
fn exec(env: &Env, args: &[&str], script: &str) -> Run {
    let mut all = vec!["exec"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--", "sh", "-c", script]);
    env.run(&all)
}

/// The value the program sees in `$SMV_VALUE` for `--env SMV_VALUE=<reference>`.
fn value(env: &Env, reference: &str) -> String {
    let assignment = format!("SMV_VALUE={reference}");
    exec(env, &["--env", &assignment], "printf %s \"$SMV_VALUE\"")
        .ok()
        .to_string()
}

/// Runs exec with a program that would create `marker`; asserts it failed with `code`,
/// started nothing, and named `reference` in its one error; returns stderr.
fn fails_before_start(env: &Env, args: &[&str], code: i32, reference: &str) -> String {
    let marker = env.path("marker");
    let out = exec(env, args, &format!("touch '{}'", marker.display()));
    let stderr = out.fails(code).to_string();
    assert!(!marker.exists(), "{args:?} started the program");
    assert!(
        stderr.starts_with("\nsmvault: [ERROR]: "),
        "{args:?}: {stderr:?}"
    );
    assert!(
        stderr.contains(reference),
        "{args:?}: the message does not name {reference}: {stderr}"
    );
    stderr
}

fn version_ids(env: &Env, name: &str) -> (String, String) {
    let current = env.run(&["get-secret-value", "--secret-id", name]).json()["VersionId"]
        .as_str()
        .unwrap()
        .to_string();
    let previous = env
        .run(&[
            "get-secret-value",
            "--secret-id",
            name,
            "--version-stage",
            "AWSPREVIOUS",
        ])
        .json()["VersionId"]
        .as_str()
        .unwrap()
        .to_string();
    (current, previous)
}

#[test]
fn every_reference_form_resolves() {
    let (env, arn) = setup();
    let partial = &arn[..arn.len() - 7];
    assert_eq!(value(&env, "plain"), "hello world");
    assert_eq!(value(&env, "prod/db"), DB);
    assert_eq!(value(&env, &arn), DB);
    assert_eq!(value(&env, partial), DB);
    assert_eq!(value(&env, "prod/db:password::"), "p1");
    assert_eq!(value(&env, &format!("{arn}:user::")), "admin");
    assert_eq!(value(&env, &format!("{partial}:db-host::")), "db.local");
    // Non-string values are their JSON text.
    assert_eq!(value(&env, "prod/db:port::"), "5432");
    assert_eq!(value(&env, "prod/db:tls::"), "true");
    assert_eq!(value(&env, "prod/db:opts::"), r#"{"a":1}"#);
}

#[test]
fn version_stage_and_version_id_select_a_version() {
    let (env, arn) = setup();
    env.ok(&[
        "put-secret-value",
        "--secret-id",
        "prod/db",
        "--secret-string",
        r#"{"password":"p2"}"#,
    ]);
    let (current, previous) = version_ids(&env, "prod/db");
    assert_eq!(value(&env, "prod/db:password::"), "p2");
    assert_eq!(value(&env, "prod/db:password:AWSPREVIOUS:"), "p1");
    assert_eq!(value(&env, &format!("prod/db:password::{previous}")), "p1");
    assert_eq!(value(&env, &format!("{arn}:password::{current}")), "p2");
    assert_eq!(
        value(&env, &format!("prod/db:password:AWSCURRENT:{current}")),
        "p2"
    );
    assert_eq!(value(&env, "prod/db::AWSPREVIOUS:"), DB);
    // Stage and id of different versions: GetSecretValue's own refusal.
    let e = fails_before_start(
        &env,
        &[
            "--env",
            &format!("V=prod/db:password:AWSCURRENT:{previous}"),
        ],
        254,
        "--env V",
    );
    assert!(
        e.contains("(InvalidRequestException) when calling the GetSecretValue operation: You provided a VersionStage that is not associated to the provided VersionId."),
        "{e}"
    );
}

#[test]
fn each_failure_starts_nothing_and_names_the_reference() {
    let (env, _) = setup();
    env.create("gone", "x");
    env.ok(&["delete-secret", "--secret-id", "gone"]);
    env.ok(&["create-secret", "--name", "bin", "--secret-binary", "aGk="]);
    env.ok(&[
        "create-secret",
        "--cli-input-json",
        r#"{"Name":"nul","SecretString":"a\u0000b"}"#,
    ]);
    let cases: &[(&str, i32, &str)] = &[
        ("nope", 254, NOT_FOUND),
        ("gone", 254, MARKED_FOR_DELETION),
        (
            "prod/db:nokey::",
            254,
            "retrieved secret from Secrets Manager did not contain json key nokey",
        ),
        ("bin", 254, "SecretBinary"),
        ("plain:k::", 254, "not a JSON object"),
        (
            "prod/db::AWSPENDING:",
            254,
            "can't find the specified secret value for staging label: AWSPENDING",
        ),
        ("nul", 254, "NUL"),
        (
            "prod/db:password",
            252,
            "an invalid ARN format for the AWS Secrets Manager secret was specified. Specify a valid ARN and try again.",
        ),
        (
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db:password",
            252,
            "an invalid ARN format",
        ),
        ("", 252, "the reference is empty"),
    ];
    for (reference, code, reason) in cases {
        let before = env.vault_bytes();
        let e = fails_before_start(
            &env,
            &["--env", &format!("V={reference}")],
            *code,
            &format!("--env V: reference '{reference}'"),
        );
        assert!(e.contains(reason), "{reference}: {e}");
        assert_eq!(before, env.vault_bytes(), "{reference} changed the vault");
    }
}

#[test]
fn every_failing_reference_is_reported_and_one_failure_stops_all() {
    let (env, _) = setup();
    let e = fails_before_start(
        &env,
        &["--env", "A=plain", "--env", "B=nope", "--env", "C=x/y"],
        254,
        "--env B: reference 'nope'",
    );
    assert!(e.contains("2 references cannot be resolved"), "{e}");
    assert!(e.contains("--env C: reference 'x/y'"), "{e}");
    assert!(!e.contains("--env A"), "{e}");
}

#[test]
fn a_bad_identity_starts_nothing_with_253() {
    let (env, _) = setup();
    let other = Env::new();
    let out = env.run_with(
        &[("SMVAULT_AGE_KEY_FILE", other.identity().to_str().unwrap())],
        &["exec", "--env", "A=plain", "--", "touch", "marker"],
    );
    out.fails(253);
    assert!(!env.path("marker").exists());
}

#[test]
fn secret_keys_become_mangled_names_with_the_prefix() {
    let env = Env::new();
    env.create(
        "app",
        r#"{"db-host":"h","a.b c":"x","Mixed_case9":"m","n":7,"o":{"k":[1]}}"#,
    );
    let out = exec(
        &env,
        &["--secret", "app", "--prefix", "APP_"],
        "printf '%s|' \"$APP_DB_HOST\" \"$APP_A_B_C\" \"$APP_MIXED_CASE9\" \"$APP_N\" \"$APP_O\"",
    );
    assert_eq!(out.ok(), r#"h|x|m|7|{"k":[1]}|"#);
    let out = exec(&env, &["--secret", "app"], "printf %s \"$DB_HOST\"");
    assert_eq!(out.ok(), "h");
}

#[test]
fn secret_refuses_a_json_key_and_a_non_json_secret() {
    let (env, _) = setup();
    fails_before_start(
        &env,
        &["--secret", "prod/db:user::"],
        252,
        "--secret: reference 'prod/db:user::'",
    );
    let e = fails_before_start(&env, &["--secret", "plain"], 254, "reference 'plain'");
    assert!(e.contains("not a JSON object"), "{e}");
}

#[test]
fn conflicting_names_are_errors_not_overwrites() {
    let env = Env::new();
    env.create("one", r#"{"db-host":"a","db_host":"b"}"#);
    env.create("two", r#"{"user":"u"}"#);
    env.create("s", "v");
    let e = fails_before_start(&env, &["--secret", "one"], 252, "DB_HOST is given twice");
    assert!(e.contains("--secret one (key db-host)"), "{e}");
    assert!(e.contains("--secret one (key db_host)"), "{e}");
    let e = fails_before_start(
        &env,
        &["--env", "A=s", "--env", "A=s"],
        252,
        "A is given twice",
    );
    assert!(e.contains("by --env A and by --env A"), "{e}");
    fails_before_start(
        &env,
        &["--env", "P_USER=s", "--secret", "two", "--prefix", "P_"],
        252,
        "P_USER is given twice: by --env P_USER and by --secret two (key user)",
    );
}

#[test]
fn a_variable_already_set_needs_override() {
    let env = Env::new();
    env.create("s", "from-vault");
    let marker = env.path("marker");
    let out = env.run_with(
        &[("TOKEN", "from-env")],
        &[
            "exec",
            "--env",
            "TOKEN=s",
            "--",
            "touch",
            marker.to_str().unwrap(),
        ],
    );
    let e = out.fails(252);
    assert!(
        e.contains("TOKEN (--env TOKEN) is set in the environment already; --override"),
        "{e}"
    );
    assert!(!marker.exists());
    let out = env.run_with(
        &[("TOKEN", "from-env")],
        &[
            "exec",
            "--override",
            "--env",
            "TOKEN=s",
            "--",
            "sh",
            "-c",
            "printf %s \"$TOKEN\"",
        ],
    );
    assert_eq!(out.ok(), "from-vault");
}

#[test]
fn env_file_lines_comments_quotes_and_errors() {
    let (env, _) = setup();
    let file = env.write(
        "app.refs",
        "# committed: references only\n\nDB_PASSWORD=prod/db:password::\nexport GREETING = \"plain\"\n  USER_NAME='prod/db:user::'\n",
    );
    let out = exec(
        &env,
        &["--env-file", file.to_str().unwrap(), "--env", "X=plain"],
        "printf '%s|' \"$DB_PASSWORD\" \"$GREETING\" \"$USER_NAME\" \"$X\"",
    );
    assert_eq!(out.ok(), "p1|hello world|admin|hello world|");

    let bad = env.write("bad.refs", "A=plain\nthis is not an assignment\n");
    let e = fails_before_start(
        &env,
        &["--env-file", bad.to_str().unwrap()],
        252,
        "bad.refs:2",
    );
    assert!(e.contains("is not NAME=REF"), "{e}");
    let missing = env.path("missing.refs");
    fails_before_start(
        &env,
        &["--env-file", missing.to_str().unwrap()],
        252,
        "cannot read --env-file",
    );
    let nokey = env.write("nokey.refs", "\n\nK=prod/db:nokey::\n");
    fails_before_start(
        &env,
        &["--env-file", nokey.to_str().unwrap()],
        254,
        "nokey.refs:3 K: reference 'prod/db:nokey::': retrieved secret from Secrets Manager did not contain json key nokey",
    );
    let twice = env.write("twice.refs", "A=plain\n");
    fails_before_start(
        &env,
        &["--env-file", twice.to_str().unwrap(), "--env", "A=plain"],
        252,
        "A is given twice",
    );
}

#[test]
fn the_programs_exit_status_stdin_and_arguments_are_its_own() {
    let (env, _) = setup();
    assert_eq!(exec(&env, &["--env", "A=plain"], "exit 7").code, 7);
    // Arguments argparse-style normalising would touch pass through untouched.
    let out = env.run(&[
        "exec", "--env", "A=plain", "--", "printf", "%s|", "-5", "--x", "-a b", "help",
    ]);
    assert_eq!(out.ok(), "-5|--x|-a b|help|");
    // Bytes that are not UTF-8 are the program's business, not smvault's.
    use std::os::unix::ffi::OsStrExt;
    let raw = std::ffi::OsStr::from_bytes(b"\xff\xfe");
    let out = env
        .command()
        .args(["exec", "--", "printf", "%s"])
        .arg(raw)
        .output()
        .unwrap();
    assert_eq!(out.stdout, b"\xff\xfe", "{out:?}");
    let out = env
        .command()
        .args(["exec", "--", "cat"])
        .write_stdin("piped in")
        .output()
        .unwrap();
    assert_eq!(out.stdout, b"piped in");
}

#[test]
fn a_missing_program_is_127_and_one_that_cannot_run_126() {
    let (env, _) = setup();
    let e = env.run(&["exec", "--env", "A=plain", "--", "no-such-program-here"]);
    assert!(e.fails(127).contains("cannot run no-such-program-here"));
    let script = env.write("not-executable.sh", "#!/bin/sh\n");
    env.run(&["exec", "--", script.to_str().unwrap()])
        .fails(126);
    let e = env.run(&["exec", "--env", "A=plain"]);
    e.fails(252);
}

/// The same environment as cli::Env's runs, for a process the test must talk to.
fn raw_command(env: &Env) -> Command {
    let mut cmd = Command::new(cli::BIN);
    for (name, _) in std::env::vars_os() {
        let n = name.to_string_lossy();
        if n.starts_with("AWS_") || n.starts_with("SMVAULT_") {
            cmd.env_remove(&name);
        }
    }
    cmd.env("SMVAULT_FILE", env.vault())
        .env("SMVAULT_AGE_KEY_FILE", env.identity())
        .env("HOME", env.dir())
        .env("AWS_REGION", "us-east-1")
        .current_dir(env.dir());
    cmd
}

/// `kill -TERM pid`, with the shell's builtin (no procps needed).
fn sigterm(pid: u32) -> std::process::ExitStatus {
    Command::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status()
        .unwrap()
}

#[test]
fn the_program_has_smvaults_pid_and_receives_its_signals() {
    let (env, _) = setup();
    // The script reports its PID, then becomes `sleep` (same PID again) and waits.
    let mut child = raw_command(&env)
        .args([
            "exec",
            "--env",
            "A=plain",
            "--",
            "sh",
            "-c",
            "echo $$; exec sleep 600",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(
        line.trim(),
        child.id().to_string(),
        "the program runs in smvault's process"
    );
    let killed = sigterm(child.id());
    assert!(killed.success());
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(15), "SIGTERM reached the program");
}

#[test]
fn a_trapped_signal_is_handled_by_the_program() {
    let (env, _) = setup();
    let mut child = raw_command(&env)
        .args([
            "exec",
            "--",
            "sh",
            "-c",
            "trap 'echo got TERM; exit 42' TERM; echo ready; while :; do sleep 1; done",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "ready\n");
    assert!(sigterm(child.id()).success());
    line.clear();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "got TERM\n");
    assert_eq!(child.wait().unwrap().code(), Some(42));
}

#[test]
fn identity_variables_are_stripped_unless_kept() {
    let (env, _) = setup();
    let identity = std::fs::read_to_string(env.identity()).unwrap();
    let key = identity
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap()
        .to_string();
    let run = |keep: bool| {
        let mut cmd = env.command();
        cmd.env_remove("SMVAULT_AGE_KEY_FILE")
            .env("SMVAULT_AGE_KEY", &key)
            .env("SMVAULT_PASSPHRASE", "pp")
            .arg("exec");
        if keep {
            cmd.arg("--keep-identity-env");
        }
        let out = cmd
            .args([
                "--env",
                "A=plain",
                "--",
                "sh",
                "-c",
                "printf '%s|%s|%s' \"${SMVAULT_AGE_KEY-unset}\" \"${SMVAULT_PASSPHRASE-unset}\" \"$A\"",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run(false), "unset|unset|hello world");
    assert_eq!(run(true), format!("{key}|pp|hello world"));
}

#[cfg(target_os = "linux")]
#[test]
fn the_program_gets_the_users_core_file_limit_and_signal_dispositions() {
    let (env, _) = setup();
    let probe = "ulimit -Hc; ulimit -c; grep -E '^Sig(Ign|Blk)' /proc/self/status";
    let direct = Command::new("sh").args(["-c", probe]).output().unwrap();
    let through = exec(&env, &["--env", "A=plain"], probe);
    assert_eq!(through.ok(), String::from_utf8_lossy(&direct.stdout));
}

#[test]
fn the_aws_link_runs_exec_in_both_spellings() {
    let (env, _) = setup();
    let link = env.path("aws");
    std::os::unix::fs::symlink(cli::BIN, &link).unwrap();
    for prefix in [&["exec"][..], &["secretsmanager", "exec"][..]] {
        let mut args = prefix.to_vec();
        args.extend(["--env", "A=plain", "--", "sh", "-c", "printf %s \"$A\""]);
        assert_eq!(env.run_program(&link, &args).ok(), "hello world");
    }
    let out = env.run_program(&link, &["exec", "--env", "A=nope", "--", "true"]);
    assert!(
        out.fails(254)
            .starts_with("\naws: [ERROR]: --env A: reference 'nope'")
    );
}

#[test]
fn exec_records_the_access_day_like_get_secret_value() {
    let (env, _) = setup();
    let before = env.run(&["describe-secret", "--secret-id", "plain"]).json();
    assert!(before.get("LastAccessedDate").is_none());
    value(&env, "plain");
    let after = env.run(&["describe-secret", "--secret-id", "plain"]).json();
    assert!(after.get("LastAccessedDate").is_some(), "{after}");
}

#[test]
fn canary_values_reach_only_the_program_and_the_requested_output() {
    let env = Env::new();
    let canary = |tag: &str| format!("CANARY-{tag}-{:x}", std::process::id());
    let (json_value, text_value, key_value) = (canary("json"), canary("text"), canary("key"));
    env.create(
        "c/json",
        &format!(r#"{{"k":"{key_value}","other":"{json_value}","o-ther":"x"}}"#),
    );
    env.create("c/text", &text_value);
    let values = [&json_value, &text_value, &key_value];
    let mut messages = Vec::new();
    // Successes (with --debug) print the values only to the program; it echoes its argv.
    let ok = env.run(&[
        "--debug",
        "exec",
        "--env",
        "K=c/json:k::",
        "--env",
        "T=c/text",
        "--",
        "sh",
        "-c",
        "tr '\\0' ' ' </proc/$$/cmdline",
    ]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    messages.push(ok.stdout.clone());
    messages.push(ok.stderr.clone());
    env.write(
        "app.env.tpl",
        "K={{resolve:secretsmanager:c/json:SecretString:k}}\nT={{resolve:secretsmanager:c/text}}\n",
    );
    let ok = env.run(&["--debug", "inject", "-i", "app.env.tpl", "-o", "out.env"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    messages.push(ok.stdout.clone());
    messages.push(ok.stderr.clone());
    let rendered = std::fs::read(env.path("out.env")).unwrap();
    assert_eq!(
        rendered,
        format!("K={key_value}\nT={text_value}\n").as_bytes()
    );
    std::fs::remove_file(env.path("out.env")).unwrap();
    // Failures whose secrets hold the canaries.
    for args in [
        &["exec", "--env", "K=c/text:k::", "--", "true"][..],
        &["exec", "--env", "K=c/json:nokey::", "--", "true"],
        &["exec", "--secret", "c/text", "--", "true"],
        &[
            "exec",
            "--env",
            "O_THER=c/text",
            "--secret",
            "c/json",
            "--",
            "true",
        ],
        &[
            "exec",
            "--env",
            "OTHER=c/json:k::",
            "--secret",
            "c/json",
            "--",
            "true",
        ],
        &["exec", "--env", "T=c/text", "--", "/nonexistent/program"],
    ] {
        let out = env.run(args);
        assert_ne!(out.code, 0, "{args:?}");
        messages.push(out.stdout.clone());
        messages.push(out.stderr.clone());
    }
    let out = env
        .command()
        .args(["--debug", "inject"])
        .write_stdin("{{resolve:secretsmanager:c/text:SecretString:k}}")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(254));
    messages.push(String::from_utf8_lossy(&out.stderr).into_owned());
    for m in &messages {
        for v in values {
            assert!(!m.contains(v.as_str()), "a message shows a value: {m}");
        }
    }
    for (path, bytes) in support::all_files(env.dir()) {
        for v in values {
            assert!(
                !support::contains(&bytes, v.as_bytes()),
                "{} holds a value",
                path.display()
            );
        }
    }
}

//! The audit log as real processes: `serve --audit` over a real socket (boto3, the Agent
//! route, a bad signature) and `SMVAULT_AUDIT_LOG` for CLI operations; one line per
//! request with its fields and no value; 0600; a log that cannot be written fails the
//! request and changes nothing; concurrent writers interleave whole lines; `smvault audit`.

use crate::support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use support::serve::{Server, python, raw};
use support::{Env, bin, canary, stderr, stdout};

/// The log's lines, each parsed.
fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Runs boto3 `script` (statements using `c`, an owner's client that never retries)
/// against `server`; returns stdout.
fn boto3(server: &Server, env: &Env, py: &Path, script: &str) -> String {
    let prelude = "import boto3, botocore.config, json, sys\n\
        c = boto3.client('secretsmanager', config=botocore.config.Config(retries={'mode': 'standard', 'total_max_attempts': 1}))\n\
        def call(f, **kw):\n\
        \x20   try:\n\
        \x20       r = getattr(c, f)(**kw); print('OK', r.get('SecretString', ''))\n\
        \x20   except botocore.exceptions.ClientError as e:\n\
        \x20       print(e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'])\n";
    let out = env
        .command(py, ["-c", &format!("{prelude}{script}")])
        .envs(server.sdk_env(env))
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn agent(server: &Server, token: &str, id: &str) -> String {
    raw(
        server,
        &format!(
            "GET /secretsmanager/get?secretId={id} HTTP/1.1\r\nHost: x\r\nX-Aws-Parameters-Secrets-Token: {token}\r\nConnection: close\r\n\r\n"
        ),
    )
}

fn token(server: &Server, env: &Env) -> String {
    server
        .sdk_env(env)
        .into_iter()
        .find_map(|(k, v)| (k == "AWS_TOKEN").then_some(v))
        .expect("AWS_TOKEN")
}

fn audit(env: &Env, args: &[&str]) -> Output {
    env.run(&bin(), ["audit"].iter().chain(args))
}

#[test]
fn serve_writes_one_line_per_request_with_its_fields_and_never_a_value() {
    let Some(py) = python() else { return };
    let env = Env::init();
    let first = support::canary_secret(&env, "audit-first");
    let second = canary("audit-second");
    let log = env.path().join("audit.log");
    let server = Server::start_with(&env, &["--audit", log.to_str().unwrap()]);
    let out = boto3(
        &server,
        &env,
        &py,
        &format!(
            "call('get_secret_value', SecretId='app/db')\n\
             call('put_secret_value', SecretId='app/db', SecretString='{second}')\n\
             call('describe_secret', SecretId='nope')\n\
             bad = boto3.client('secretsmanager', aws_access_key_id='AKIAWRONG', aws_secret_access_key='x')\n\
             try:\n    bad.list_secrets()\nexcept botocore.exceptions.ClientError as e:\n    print(e.response['Error']['Code'])\n"
        ),
    );
    assert!(out.contains(&first), "the read was answered: {out}");
    let token = token(&server, &env);
    assert!(agent(&server, &token, "app/db").contains(&second));
    assert!(agent(&server, "wrong", "app/db").starts_with("HTTP/1.1 403"));
    // Health checks touch no vault and no credentials: not audited.
    assert!(
        raw(
            &server,
            "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .contains("healthy")
    );
    assert_eq!(server.stop().code(), Some(0));

    let got = lines(&log);
    let row = |v: &Value| {
        [
            "principal",
            "operation",
            "secret_id",
            "decision",
            "decided_by",
            "result",
        ]
        .map(|k| v[k].as_str().unwrap_or("-").to_string())
    };
    let rows: Vec<[String; 6]> = got.iter().map(row).collect();
    let want = [
        [
            "owner",
            "GetSecretValue",
            "app/db",
            "allowed",
            "owner (full access)",
            "OK",
        ],
        [
            "owner",
            "PutSecretValue",
            "app/db",
            "allowed",
            "owner (full access)",
            "OK",
        ],
        [
            "owner",
            "DescribeSecret",
            "nope",
            "allowed",
            "owner (full access)",
            "ResourceNotFoundException",
        ],
        [
            "anonymous",
            "ListSecrets",
            "-",
            "denied",
            "authentication",
            "UnrecognizedClientException",
        ],
        [
            "agent",
            "agent:GetSecretValue",
            "app/db",
            "allowed",
            "agent token",
            "OK",
        ],
        [
            "anonymous",
            "agent:GetSecretValue",
            "-",
            "denied",
            "authentication",
            "403",
        ],
    ]
    .map(|r| r.map(String::from));
    assert_eq!(rows, want);
    let mut ids: Vec<&str> = got
        .iter()
        .map(|v| v["request_id"].as_str().unwrap())
        .collect();
    for v in &got {
        assert!(
            v["source"].as_str().unwrap().starts_with("127.0.0.1:"),
            "{v}"
        );
        assert!(v["time"].as_str().unwrap().ends_with('Z'), "{v}");
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), got.len(), "one request id per request");
    assert_eq!(mode(&log), 0o600);
    let text = std::fs::read(&log).unwrap();
    for value in [&first, &second] {
        assert!(
            !support::contains(&text, value.as_bytes()),
            "the log holds {value}"
        );
    }
    assert!(
        !support::contains(&text, token.as_bytes()),
        "the log holds the token"
    );

    // smvault audit filters what was written.
    let json = |out: Output| -> Vec<Value> {
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let path = log.to_str().unwrap();
    let anonymous = json(audit(
        &env,
        &[
            "--file",
            path,
            "--principal",
            "anonymous",
            "--output",
            "json",
        ],
    ));
    assert_eq!(anonymous.len(), 2);
    let db = json(audit(
        &env,
        &["--file", path, "--secret-id", "app/db", "--output", "json"],
    ));
    assert_eq!(db.len(), 3);
    let later = json(audit(
        &env,
        &["--file", path, "--since", "2999-01-01", "--output", "json"],
    ));
    assert!(later.is_empty());
    let recent = json(audit(
        &env,
        &["--file", path, "--since", "1h", "--output", "json"],
    ));
    assert_eq!(recent.len(), 6);
    let table = audit(&env, &["--file", path, "--principal", "anonymous"]);
    let table = stdout(&table);
    assert_eq!(table.lines().count(), 3, "a head and two rows:\n{table}");
    assert!(table.starts_with("TIME "), "{table}");
}

/// A command under `ulimit -f` (512-byte blocks): a write past it fails with EFBIG
/// (smvault ignores SIGXFSZ), the way a full disk or a quota fails an append.
fn limited(env: &Env, blocks: u32, program: &Path) -> std::process::Command {
    let mut cmd = env.command(
        Path::new("sh"),
        [
            "-c".to_string(),
            format!("ulimit -f {blocks} && exec \"$0\" \"$@\""),
        ],
    );
    cmd.arg(program);
    cmd
}

/// An audit log already at the size limit `limited(.., 32, ..)` sets: no line fits.
fn full_log(env: &Env) -> PathBuf {
    let log = env.path().join("full.log");
    std::fs::write(&log, vec![b'\n'; 32 * 512]).unwrap();
    std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o600)).unwrap();
    log
}

#[test]
fn a_failing_audit_log_fails_reads_without_a_value_and_serve_runs_nothing_until_it_writes_again() {
    let Some(py) = python() else { return };
    let env = Env::init();
    let value = support::canary_secret(&env, "audit-full");
    // Today's access day recorded now, so a read leaves the vault byte-identical.
    env.ok(&bin(), ["get-secret-value", "--secret-id", "app/db"]);
    env.ok(&bin(), ["serve", "--print-env"]);
    let log = full_log(&env);
    let mut cmd = limited(&env, 32, &bin());
    cmd.args(["serve", "--listen", "127.0.0.1:0", "--log", "--audit"])
        .arg(&log);
    let server = Server::from_command(cmd);
    let before = std::fs::read(&env.vault).unwrap();
    let out = boto3(
        &server,
        &env,
        &py,
        "call('get_secret_value', SecretId='app/db')\n\
         call('put_secret_value', SecretId='app/db', SecretString='changed')\n\
         call('get_secret_value', SecretId='app/db')\n",
    );
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        ["InternalServiceError 500"; 3],
        "no value, no change"
    );
    assert!(!out.contains(&value));
    let token = token(&server, &env);
    let agent_answer = agent(&server, &token, "app/db");
    assert!(agent_answer.starts_with("HTTP/1.1 500"), "{agent_answer}");
    assert!(!agent_answer.contains(&value));
    // An STS request is refused in STS's XML.
    let sts = raw(
        &server,
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 43\r\nConnection: close\r\n\r\nAction=GetCallerIdentity&Version=2011-06-15",
    );
    assert!(sts.starts_with("HTTP/1.1 500"), "{sts}");
    assert!(
        sts.contains("<Type>Receiver</Type>\n    <Code>InternalFailure</Code>"),
        "{sts}"
    );
    assert_eq!(
        std::fs::read(&env.vault).unwrap(),
        before,
        "the vault is unchanged"
    );
    let said = server.log.lock().unwrap().join("\n");
    assert!(said.contains("AUDIT FAILURE"), "{said}");
    assert!(!said.contains(&value));

    // Room again: the next request is refused, its line the probe; then all is served.
    std::fs::write(&log, b"").unwrap();
    let out = boto3(
        &server,
        &env,
        &py,
        "call('get_secret_value', SecretId='app/db')\n\
         call('get_secret_value', SecretId='app/db')\n",
    );
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got[0], "InternalServiceError 500");
    assert_eq!(got[1], format!("OK {value}"));
    let written = lines(&log);
    assert_eq!(written.len(), 2, "{written:?}");
    assert_eq!(
        written[0]["decided_by"],
        "audit log (its last write failed)"
    );
    assert_eq!(written[0]["result"], "InternalServiceError");
    assert_eq!(written[1]["result"], "OK");
    server.stop();
}

#[test]
fn cli_operations_write_one_line_each_and_a_failing_log_fails_the_command() {
    let env = Env::init();
    let log = env.path().join("cli.log");
    let value = canary("audit-cli");
    let run = |args: &[&str]| {
        env.command(&bin(), args)
            .env("SMVAULT_AUDIT_LOG", &log)
            .output()
            .unwrap()
    };
    assert!(
        run(&[
            "create-secret",
            "--name",
            "app/db",
            "--secret-string",
            &value
        ])
        .status
        .success()
    );
    let read = run(&["get-secret-value", "--secret-id", "app/db"]);
    assert!(stdout(&read).contains(&value));
    assert_eq!(
        run(&["get-secret-value", "--secret-id", "nope"])
            .status
            .code(),
        Some(254)
    );
    assert_eq!(
        run(&["list-secrets", "--max-results", "0"]).status.code(),
        Some(252)
    );
    assert!(run(&["list-secrets"]).status.success());
    let got = lines(&log);
    let row = |v: &Value| {
        ["principal", "operation", "secret_id", "result"]
            .map(|k| v[k].as_str().unwrap_or("-").to_string())
    };
    assert_eq!(
        got.iter().map(row).collect::<Vec<_>>(),
        [
            ["owner", "CreateSecret", "app/db", "OK"],
            ["owner", "GetSecretValue", "app/db", "OK"],
            [
                "owner",
                "GetSecretValue",
                "nope",
                "ResourceNotFoundException"
            ],
            ["owner", "ListSecrets", "-", "ParamValidation"],
            ["owner", "ListSecrets", "-", "OK"],
        ]
        .map(|r| r.map(String::from))
    );
    assert!(got.iter().all(|v| v["source"].is_null()));
    assert_eq!(mode(&log), 0o600);
    assert!(!support::contains(
        &std::fs::read(&log).unwrap(),
        value.as_bytes()
    ));

    // The log full: a read prints nothing and fails; a write fails saying it was made.
    let full = full_log(&env);
    let before = std::fs::read(&env.vault).unwrap();
    let out = limited(&env, 32, &bin())
        .args(["get-secret-value", "--secret-id", "app/db"])
        .env("SMVAULT_AUDIT_LOG", &full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(255));
    assert_eq!(stdout(&out), "", "no value without its audit line");
    assert!(
        stderr(&out).contains("its audit record could not be written"),
        "{}",
        stderr(&out)
    );
    assert!(
        std::fs::read(&env.vault).unwrap() == before,
        "the vault changed"
    );
    let out = limited(&env, 32, &bin())
        .args([
            "put-secret-value",
            "--secret-id",
            "app/db",
            "--secret-string",
            "v2",
        ])
        .env("SMVAULT_AUDIT_LOG", &full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(255));
    assert!(stderr(&out).contains("change WAS made"), "{}", stderr(&out));
}

#[test]
fn an_audit_log_others_can_read_a_link_or_a_device_is_refused_before_anything_runs() {
    let env = Env::init();
    let exposed = env.path().join("exposed.log");
    std::fs::write(&exposed, b"").unwrap();
    std::fs::set_permissions(&exposed, std::fs::Permissions::from_mode(0o644)).unwrap();
    let link = env.path().join("link.log");
    std::os::unix::fs::symlink("/dev/full", &link).unwrap();
    let before = std::fs::read(&env.vault).unwrap();
    for (log, says) in [(&exposed, "chmod 600"), (&link, "symbolic link")] {
        let out = env
            .command(
                &bin(),
                ["create-secret", "--name", "x", "--secret-string", "v"],
            )
            .env("SMVAULT_AUDIT_LOG", log)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(253), "{}", stderr(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert!(
            std::fs::read(&env.vault).unwrap() == before,
            "something ran"
        );
        let out = env.run(
            &bin(),
            [
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--audit",
                log.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(253), "serve does not start");
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }
    assert_eq!(mode(&exposed), 0o644, "the mode is the user's to change");
}

#[test]
fn a_server_and_cli_processes_appending_at_once_interleave_whole_lines() {
    let Some(py) = python() else { return };
    let env = Env::init();
    support::canary_secret(&env, "audit-many");
    let log = env.path().join("shared.log");
    let server = Server::start_with(&env, &["--audit", log.to_str().unwrap()]);
    let sdk = env
        .command(
            &py,
            [
                "-c",
                "import boto3, concurrent.futures as f\n\
                 c = boto3.client('secretsmanager')\n\
                 with f.ThreadPoolExecutor(8) as p:\n\
                 \x20   list(p.map(lambda i: c.describe_secret(SecretId='app/db'), range(200)))\n",
            ],
        )
        .envs(server.sdk_env(&env))
        .spawn()
        .unwrap();
    let clis: Vec<_> = (0..4)
        .map(|_| {
            env.command(
                Path::new("sh"),
                ["-c", "for i in 1 2 3 4 5 6 7 8 9 10; do \"$0\" describe-secret --secret-id app/db >/dev/null || exit 1; done"],
            )
            .arg(bin())
            .env("SMVAULT_AUDIT_LOG", &log)
            .spawn()
            .unwrap()
        })
        .collect();
    assert!(sdk.wait_with_output().unwrap().status.success());
    for mut c in clis {
        assert!(c.wait().unwrap().success());
    }
    server.stop();
    let got = lines(&log);
    assert_eq!(got.len(), 240, "every line whole, none lost");
    let from_serve = got.iter().filter(|v| v["source"].is_string()).count();
    assert_eq!(from_serve, 200);
}

#[test]
fn a_principals_lines_name_its_arn_and_the_statement_that_decided() {
    let Some(py) = python() else { return };
    let env = Env::init();
    let policy = env.path().join("reader.json");
    std::fs::write(
        &policy,
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"ReadApp","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:*:*:secret:app/*"}]}"#,
    )
    .unwrap();
    for name in ["app/db", "prod/db"] {
        let made = env.run(
            &bin(),
            ["create-secret", "--name", name, "--secret-string", "v"],
        );
        assert!(made.status.success(), "{}", stderr(&made));
    }
    let added = env.run(
        &bin(),
        [
            "principals",
            "add",
            "reader",
            "--policy",
            &format!("file://{}", policy.display()),
        ],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let key: Value = serde_json::from_str(&stdout(&added)).unwrap();
    let key = &key["AccessKey"];
    let log = env.path().join("audit.log");
    let server = Server::start_with(&env, &["--audit", log.to_str().unwrap()]);
    let out = env
        .command(
            &py,
            [
                "-c",
                "import boto3, botocore\n\
                 c = boto3.client('secretsmanager')\n\
                 for i in ('app/db', 'prod/db'):\n\
                 \x20   try:\n\
                 \x20       c.get_secret_value(SecretId=i); print('OK')\n\
                 \x20   except botocore.exceptions.ClientError as e:\n\
                 \x20       print(e.response['Error']['Code'])\n",
            ],
        )
        .envs(server.sdk_env(&env))
        .env("AWS_ACCESS_KEY_ID", key["AccessKeyId"].as_str().unwrap())
        .env(
            "AWS_SECRET_ACCESS_KEY",
            key["SecretAccessKey"].as_str().unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out),
        "OK\nAccessDeniedException\n",
        "{}",
        stderr(&out)
    );
    let lines = lines(&log);
    assert_eq!(lines.len(), 2, "{lines:?}");
    let arn = "arn:aws:iam::123456789012:user/reader";
    let fields = |l: &Value| {
        ["principal", "secret_id", "decision", "decided_by", "result"]
            .map(|k| l[k].as_str().unwrap_or("").to_string())
    };
    assert_eq!(
        fields(&lines[0]),
        [
            arn,
            "app/db",
            "allowed",
            "identity-based policy, statement 1 (ReadApp)",
            "OK"
        ]
    );
    assert_eq!(
        fields(&lines[1]),
        [
            arn,
            "prod/db",
            "denied",
            "no policy allows (implicit deny)",
            "AccessDeniedException"
        ]
    );
}

#[test]
fn exec_and_inject_write_a_line_per_reference_before_handing_a_value_on() {
    let env = Env::init();
    let log = env.path().join("cli.log");
    let value = canary("audit-exec");
    let made = env.run(
        &bin(),
        [
            "create-secret",
            "--name",
            "app/db",
            "--secret-string",
            &value,
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let marker = env.path().join("ran");
    let exec = |log: &Path| {
        env.command(
            &bin(),
            [
                "exec",
                "--env",
                "DB=app/db",
                "--",
                "touch",
                marker.to_str().unwrap(),
            ],
        )
        .env("SMVAULT_AUDIT_LOG", log)
        .output()
        .unwrap()
    };
    let ran = exec(&log);
    assert!(ran.status.success(), "{}", stderr(&ran));
    assert!(marker.exists());
    let template = env.path().join("app.tpl");
    std::fs::write(
        &template,
        "a={{resolve:secretsmanager:app/db}}\nb={{resolve:secretsmanager:nope}}\n",
    )
    .unwrap();
    let injected = env
        .command(&bin(), ["inject", "--in-file", template.to_str().unwrap()])
        .env("SMVAULT_AUDIT_LOG", &log)
        .output()
        .unwrap();
    assert!(!injected.status.success());
    let rows: Vec<[String; 3]> = lines(&log)
        .iter()
        .map(|v| {
            ["operation", "secret_id", "result"].map(|k| v[k].as_str().unwrap_or("-").to_string())
        })
        .collect();
    assert_eq!(
        rows,
        [
            ["exec:GetSecretValue", "app/db", "OK"],
            ["inject:GetSecretValue", "app/db", "OK"],
            ["inject:GetSecretValue", "nope", "ResourceNotFoundException"],
        ]
        .map(|r| r.map(str::to_string))
    );
    assert!(!std::fs::read_to_string(&log).unwrap().contains(&value));
    // A log that cannot be written: the program never runs.
    std::fs::remove_file(&marker).unwrap();
    let dir = env.path().join("no-such-dir").join("cli.log");
    let refused = exec(&dir);
    assert!(!refused.status.success());
    assert!(!marker.exists(), "the program ran without its audit line");
}

#[test]
fn after_logrotates_rename_and_create_serve_writes_to_the_new_file() {
    let env = Env::init();
    env.ok(
        &bin(),
        ["create-secret", "--name", "rotated", "--secret-string", "v"],
    );
    let log = env.path().join("audit.log");
    let rotated = env.path().join("audit.log.1");
    let server = Server::start_with(&env, &["--audit", log.to_str().unwrap()]);
    let token = token(&server, &env);
    assert!(agent(&server, &token, "rotated").starts_with("HTTP/1.1 200"));
    // logrotate's default (`create 0600`): rename, then a new empty file at the path.
    std::fs::rename(&log, &rotated).unwrap();
    std::fs::write(&log, b"").unwrap();
    std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(agent(&server, &token, "rotated").starts_with("HTTP/1.1 200"));
    assert_eq!(lines(&rotated).len(), 1, "the line before the rotation");
    let after = lines(&log);
    assert_eq!(after.len(), 1, "the line after it goes to the new file");
    assert_eq!(after[0]["operation"], "agent:GetSecretValue");
    // Renamed and never created again: serve makes it, 0600.
    std::fs::rename(&log, &rotated).unwrap();
    assert!(agent(&server, &token, "rotated").starts_with("HTTP/1.1 200"));
    assert_eq!(lines(&log).len(), 1);
    assert_eq!(mode(&log), 0o600);
}

//! `smvault push` and `smvault pull` against local Secrets Manager endpoints: moto
//! server (an independent implementation of the API, from scripts/pyenv.sh's venv) and
//! `smvault serve` on a second vault, each started per test on a free loopback port.
//! No network beyond loopback. Needs the SDK: built with the default `aws` feature only.
#![cfg(feature = "aws")]

use crate::support;

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use smvault::core::model::{AWSCURRENT, AWSPREVIOUS, Secret, SecretValue, Tag, Vault, Version};
use support::{Env, bin, debug_bin, stderr, stdout};

/// The venv of scripts/pyenv.sh (made by `.ci/run`; made here when missing).
fn pyenv() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("bash")
        .arg(root.join("scripts/pyenv.sh"))
        .stdout(Stdio::null())
        .status()
        .expect("bash runs scripts/pyenv.sh");
    assert!(status.success(), "scripts/pyenv.sh failed");
    root.join("target/pyenv")
}

/// A moto server on a free loopback port, stopped when dropped.
struct Moto {
    child: Child,
    url: String,
}

impl Moto {
    fn start() -> Moto {
        let server = pyenv().join("bin/moto_server");
        // Bind port 0 to learn a free port; moto binds it right after.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(server)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto_server starts");
        let moto = Moto {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        // Readiness, not timing: wait until the port accepts, up to a minute.
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "moto did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        moto
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `smvault push|pull …` against `url`, with throwaway credentials and no
/// instance-metadata look-up.
fn sync(env: &Env, url: &str, args: &[&str]) -> Output {
    sync_with(env, url, args, &[])
}

fn sync_with(env: &Env, url: &str, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let program = if vars.is_empty() { bin() } else { debug_bin() };
    let mut cmd = env.command(&program, args);
    cmd.args(["--endpoint-url", url, "--region", "us-east-1"])
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.output().expect("smvault runs")
}

/// One attempt per call: a refused connection is not retried for a minute.
fn sync_env(env: &Env, url: &str, args: &[&str]) -> Output {
    let mut cmd = env.command(&bin(), args);
    cmd.args(["--endpoint-url", url, "--region", "us-east-1"])
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_MAX_ATTEMPTS", "1");
    cmd.output().expect("smvault runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed with {}:\nstdout: {}\nstderr: {}",
        out.status,
        stdout(out),
        stderr(out)
    );
    stdout(out)
}

fn version(id: String, value: SecretValue, stages: &[&str], created: i64) -> Version {
    Version {
        id,
        value: Some(value),
        stages: stages.iter().map(|s| s.to_string()).collect(),
        created,
        last_accessed: None,
    }
}

fn uuid(i: usize, v: usize) -> String {
    format!("{i:08x}-0000-4000-8000-{v:012x}")
}

/// `n` secrets of every shape: string and binary values, one to four versions
/// with AWSPREVIOUS, custom labels and deprecated ones, tags, descriptions and
/// resource policies.
fn rich_vault(n: usize, tag: &str) -> Vault {
    let mut vault = Vault::default();
    for i in 0..n {
        let mut s = support_secret(&format!("app/{tag}/s{i:04}"));
        let value = |v: usize| {
            if i % 3 == 0 {
                SecretValue::Binary(vec![0, 255, (i % 256) as u8, v as u8, 10, 13])
            } else {
                SecretValue::String(format!("{tag}-value-{i}-{v}"))
            }
        };
        s.versions = match i % 4 {
            0 => vec![version(uuid(i, 1), value(1), &[AWSCURRENT], 1_000)],
            1 => vec![
                version(uuid(i, 1), value(1), &[AWSPREVIOUS], 1_000),
                version(uuid(i, 2), value(2), &[AWSCURRENT], 2_000),
            ],
            2 => vec![
                version(uuid(i, 1), value(1), &[], 1_000),
                version(uuid(i, 2), value(2), &[AWSPREVIOUS, "blue"], 2_000),
                version(uuid(i, 3), value(3), &[AWSCURRENT], 3_000),
                version(uuid(i, 4), value(4), &["green"], 4_000),
            ],
            _ => vec![
                version(uuid(i, 1), value(1), &[AWSCURRENT, "stable"], 1_000),
                version(uuid(i, 2), value(2), &[], 2_000),
            ],
        };
        if i % 2 == 0 {
            s.description = Some(format!("secret number {i}"));
            s.tags = Some(vec![
                Tag {
                    key: "team".into(),
                    value: tag.into(),
                },
                Tag {
                    key: "n".into(),
                    value: i.to_string(),
                },
            ]);
        }
        if i % 5 == 0 {
            s.policy = Some(format!(
                r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::123456789012:root"}},"Action":"secretsmanager:GetSecretValue","Resource":"*","Sid":"s{i}"}}]}}"#
            ));
        }
        vault.secrets.push(s);
    }
    vault
}

fn support_secret(name: &str) -> Secret {
    Secret {
        name: name.into(),
        region: "us-east-1".into(),
        suffix: "AbC123".into(),
        deletion_date: None,
        deletion_requested: None,
        description: None,
        kms_key_id: None,
        secret_type: None,
        created: 1_000,
        last_changed: 1_000,
        last_accessed: None,
        tags: None,
        versions: vec![],
        purged_versions: vec![],
        policy: None,
        rotation: None,
        replicas: vec![],
    }
}

fn vault_env(vault: &Vault) -> Env {
    let env = Env::init();
    env.save(vault);
    env
}

/// What must survive a round trip, in a comparable form.
fn essence(vault: &Vault) -> Vec<String> {
    let mut out: Vec<String> = vault
        .secrets
        .iter()
        .map(|s| {
            let mut versions: Vec<String> = s
                .versions
                .iter()
                .map(|v| {
                    let mut stages = v.stages.clone();
                    stages.sort();
                    let value = match &v.value {
                        Some(SecretValue::String(t)) => format!("s:{t}"),
                        Some(SecretValue::Binary(b)) => format!("b:{b:?}"),
                        None => "none".into(),
                    };
                    format!("{}={stages:?}={value}", v.id)
                })
                .collect();
            versions.sort();
            let mut tags: Vec<String> = s
                .tags
                .iter()
                .flatten()
                .map(|t| format!("{}={}", t.key, t.value))
                .collect();
            tags.sort();
            let policy = s.policy.as_deref().map(|p| {
                serde_json::from_str::<serde_json::Value>(p)
                    .unwrap()
                    .to_string()
            });
            format!(
                "{} {} {:?} {tags:?} {policy:?} {versions:?}",
                s.name, s.region, s.description
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_vault_pushed_to_moto_and_pulled_into_an_empty_vault_is_the_same() {
    let moto = Moto::start();
    let a = vault_env(&rich_vault(200, "a"));
    let out = ok(&sync(&a, &moto.url, &["push"]));
    assert_eq!(
        out,
        "push (us-east-1): created 200, updated 0, skipped 0, conflicts 0, failed 0\n"
    );
    let c = Env::init();
    let out = ok(&sync(&c, &moto.url, &["pull"]));
    assert_eq!(
        out,
        "pull (us-east-1): created 200, updated 0, skipped 0, conflicts 0, failed 0\n"
    );
    assert_eq!(essence(&c.load()), essence(&a.load()));
    // Both ways again: nothing left to do.
    let out = ok(&sync(&a, &moto.url, &["push"]));
    assert_eq!(
        out,
        "push (us-east-1): created 0, updated 0, skipped 200, conflicts 0, failed 0\n"
    );
    let before = std::fs::read(&c.vault).unwrap();
    let out = ok(&sync(&c, &moto.url, &["pull"]));
    assert!(out.contains("skipped 200"), "{out}");
    assert_eq!(
        std::fs::read(&c.vault).unwrap(),
        before,
        "an identical pull writes nothing"
    );
}

#[test]
fn pulled_secrets_keep_version_dates_and_the_arn_suffix() {
    let moto = Moto::start();
    let a = vault_env(&rich_vault(4, "d"));
    ok(&sync(&a, &moto.url, &["push"]));
    let c = Env::init();
    ok(&sync(&c, &moto.url, &["pull"]));
    let describe = c.ok(&bin(), ["describe-secret", "--secret-id", "app/d/s0001"]);
    let arn = support::field(&describe, "ARN");
    let pulled = c.load();
    let s = support::secret(&pulled, "app/d/s0001").unwrap();
    assert!(arn.ends_with(&format!("app/d/s0001-{}", s.suffix)), "{arn}");
    assert!(s.versions.iter().all(|v| v.created > 0));
    assert!(s.versions.windows(2).all(|w| w[0].created <= w[1].created));
}

#[test]
fn an_interrupted_push_is_completed_by_a_rerun_with_nothing_duplicated() {
    let moto = Moto::start();
    let a = vault_env(&rich_vault(24, "i"));
    for stop in ["7", "31"] {
        let out = sync_with(
            &a,
            &moto.url,
            &["push"],
            &[("SMVAULT_TEST_PUSH_STOP_AFTER", stop)],
        );
        assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    }
    let out = ok(&sync(&a, &moto.url, &["push"]));
    assert!(
        out.contains("failed 0") && out.contains("conflicts 0"),
        "{out}"
    );
    let again = ok(&sync(&a, &moto.url, &["push"]));
    assert!(again.contains("skipped 24"), "{again}");
    let c = Env::init();
    ok(&sync(&c, &moto.url, &["pull"]));
    assert_eq!(
        essence(&c.load()),
        essence(&a.load()),
        "every version once, labels in place"
    );
}

#[test]
fn a_conflict_is_left_alone_unless_overwrite() {
    let moto = Moto::start();
    let mut theirs = rich_vault(2, "c");
    theirs.secrets[1].versions[1].id = uuid(99, 9);
    let b = vault_env(&theirs);
    ok(&sync(&b, &moto.url, &["push"]));

    let a = vault_env(&rich_vault(2, "c"));
    let out = sync(&a, &moto.url, &["push"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "push (us-east-1): created 0, updated 0, skipped 1, conflicts 1, failed 0\n"
    );
    let err = stderr(&out);
    assert!(
        err.contains(
            "smvault: conflict: app/c/s0001: the destination has 1 version the source does not have"
        ),
        "{err}"
    );
    assert!(!err.contains("c-value"), "no value in messages");

    // The endpoint still holds the other vault's secret.
    let c = Env::init();
    ok(&sync(&c, &moto.url, &["pull"]));
    assert_eq!(essence(&c.load()), essence(&b.load()));

    let out = ok(&sync(&a, &moto.url, &["push", "--overwrite"]));
    assert!(out.contains("updated 1"), "{out}");
    let d = Env::init();
    ok(&sync(&d, &moto.url, &["pull"]));
    let pulled = d.load();
    let s = support::secret(&pulled, "app/c/s0001").unwrap();
    assert_eq!(support::current(s).as_deref(), Some("c-value-1-2"));
    assert_eq!(support::previous(s).as_deref(), Some("c-value-1-1"));
    let theirs = s.versions.iter().find(|v| v.id == uuid(99, 9)).unwrap();
    assert!(theirs.stages.is_empty(), "their version stays, deprecated");
}

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let moto = Moto::start();
    let a = vault_env(&rich_vault(3, "p"));
    let out = ok(&sync(&a, &moto.url, &["push", "--dry-run"]));
    assert_eq!(
        out,
        "create   app/p/s0000  (1 version, policy)\n\
         create   app/p/s0001  (2 versions, labels)\n\
         create   app/p/s0002  (4 versions, labels)\n\
         push (us-east-1): dry run, would have created 3, updated 0, skipped 0, conflicts 0, failed 0\n"
    );
    // The endpoint saw no write: a pull finds nothing.
    let c = Env::init();
    let out = ok(&sync(&c, &moto.url, &["pull"]));
    assert!(out.contains("created 0, updated 0, skipped 0"), "{out}");

    ok(&sync(&a, &moto.url, &["push"]));
    let before = std::fs::read(&c.vault).unwrap();
    let out = ok(&sync(&c, &moto.url, &["pull", "--dry-run"]));
    assert!(
        out.starts_with("create   app/p/s0000  (1 version)\n"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "dry run, would have created 3, updated 0, skipped 0, conflicts 0, failed 0\n"
        ),
        "{out}"
    );
    assert_eq!(
        std::fs::read(&c.vault).unwrap(),
        before,
        "a dry-run pull writes nothing"
    );
}

#[test]
fn a_pull_conflict_keeps_the_local_secret_unless_overwrite() {
    let moto = Moto::start();
    let a = vault_env(&rich_vault(2, "l"));
    ok(&sync(&a, &moto.url, &["push"]));
    let mut mine = rich_vault(2, "l");
    mine.secrets[0].versions[0].id = uuid(77, 7);
    mine.secrets[0].versions[0].value = Some(SecretValue::String("mine".into()));
    let c = vault_env(&mine);
    let out = sync(&c, &moto.url, &["pull"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "smvault: conflict: app/l/s0000: the vault has 1 version the endpoint does not have"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        support::current(support::secret(&c.load(), "app/l/s0000").unwrap()).as_deref(),
        Some("mine")
    );
    ok(&sync(&c, &moto.url, &["pull", "--overwrite"]));
    let pulled = c.load();
    let s = support::secret(&pulled, "app/l/s0000").unwrap();
    assert_eq!(s.versions.len(), 2);
    let cur = s.versions.iter().find(|v| v.has_stage(AWSCURRENT)).unwrap();
    assert_eq!(cur.id, uuid(0, 1));
    assert!(
        s.versions
            .iter()
            .find(|v| v.id == uuid(77, 7))
            .unwrap()
            .stages
            .is_empty()
    );
}

#[test]
fn filters_choose_the_secrets_both_ways() {
    let moto = Moto::start();
    let mut vault = rich_vault(3, "f");
    vault.secrets.extend(rich_vault(2, "g").secrets);
    let a = vault_env(&vault);
    let out = ok(&sync(&a, &moto.url, &["push", "--filter", "name=app/g/"]));
    assert!(out.contains("created 2,"), "{out}");
    ok(&sync(&a, &moto.url, &["push"]));
    let c = Env::init();
    let out = ok(&sync(
        &c,
        &moto.url,
        &[
            "pull",
            "--filter",
            "name=app/f/",
            "--filter",
            "tag-key=team",
        ],
    ));
    assert!(out.contains("created 2,"), "{out}");
    let names: Vec<String> = c.load().secrets.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names, ["app/f/s0000", "app/f/s0002"]);
}

#[test]
fn a_bad_filter_is_a_usage_error() {
    let env = Env::init();
    let out = sync(
        &env,
        "http://127.0.0.1:9",
        &["push", "--filter", "nonsense"],
    );
    assert_eq!(out.status.code(), Some(252));
    assert!(
        stderr(&out).contains("expected KEY=VALUE"),
        "{}",
        stderr(&out)
    );
    let out = sync(
        &env,
        "http://127.0.0.1:9",
        &["pull", "--filter", "colour=red"],
    );
    assert_eq!(out.status.code(), Some(252));
    assert!(
        stderr(&out).contains("Member must satisfy enum value set"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unreachable_endpoint_fails_cleanly_and_leaves_the_vault() {
    let a = vault_env(&rich_vault(1, "u"));
    let before = std::fs::read(&a.vault).unwrap();
    // Port 9 (discard) on loopback: nothing listens there.
    let out = sync_env(&a, "http://127.0.0.1:9", &["pull"]);
    assert_eq!(out.status.code(), Some(255));
    assert!(stderr(&out).contains("ListSecrets"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&a.vault).unwrap(), before);
    let out = sync_env(&a, "http://127.0.0.1:9", &["push"]);
    assert_eq!(out.status.code(), Some(255));
    let _ = AWSPREVIOUS;
}

/// An endpoint that throttles: ListSecrets answers ThrottlingException twice, then an
/// empty list; it prints one line per request.
const THROTTLING_STUB: &str = r#"
import http.server, json, sys
calls = 0
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global calls
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        op = self.headers.get("X-Amz-Target", "").split(".")[-1]
        calls += 1
        if op == "ListSecrets" and calls <= 2:
            code, body = 400, {"__type": "ThrottlingException", "Message": "Rate exceeded"}
        else:
            code, body = 200, {"SecretList": []}
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        print(op, code, flush=True)
    def log_message(self, *a):
        pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
"#;

#[test]
fn throttling_is_retried_with_backoff() {
    let python = pyenv().join("bin/python");
    let mut stub = Command::new(python)
        .args(["-c", THROTTLING_STUB])
        .stdout(Stdio::piped())
        .spawn()
        .expect("python runs");
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stub.stdout.take().unwrap()));
    let port = lines.next().unwrap().unwrap();
    let env = Env::init();
    let out = sync(&env, &format!("http://127.0.0.1:{port}"), &["pull"]);
    let _ = stub.kill();
    let _ = stub.wait();
    assert_eq!(
        ok(&out),
        "pull (us-east-1): created 0, updated 0, skipped 0, conflicts 0, failed 0\n"
    );
    let seen: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(
        seen,
        ["ListSecrets 400", "ListSecrets 400", "ListSecrets 200"],
        "two throttled calls, then the retry that succeeds"
    );
}

/// `smvault serve` on vault B, on a free loopback port; stopped when dropped.
struct Serve {
    child: Child,
    url: String,
    /// The served vault's credentials (`serve --print-env`).
    creds: Vec<(String, String)>,
}

impl Serve {
    fn start(env: &Env) -> Serve {
        let mut child = env
            .command(&bin(), ["serve", "--listen", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("smvault serve starts");
        let mut first = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(child.stderr.take().expect("piped")),
            &mut first,
        )
        .unwrap();
        let url = first
            .trim()
            .rsplit(" at ")
            .next()
            .filter(|u| u.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("unexpected first line: {first}"))
            .to_string();
        let listen = url.trim_start_matches("http://").to_string();
        let creds = env
            .ok(&bin(), ["serve", "--print-env", "--listen", &listen])
            .lines()
            .filter_map(|l| l.strip_prefix("export "))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.trim_matches('\'').to_string()))
            .filter(|(k, _)| k.starts_with("AWS_") && k != "AWS_ENDPOINT_URL_SECRETS_MANAGER")
            .collect();
        Serve { child, url, creds }
    }

    fn sync(&self, env: &Env, args: &[&str]) -> Output {
        let mut cmd = env.command(&bin(), args);
        cmd.args(["--endpoint-url", &self.url, "--region", "us-east-1"])
            .env("AWS_EC2_METADATA_DISABLED", "true");
        for (k, v) in &self.creds {
            cmd.env(k, v);
        }
        cmd.output().expect("smvault runs")
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_vault_pushed_through_smvault_serve_and_pulled_into_an_empty_vault_is_the_same() {
    let b = Env::init();
    let serve = Serve::start(&b);
    let a = vault_env(&rich_vault(200, "s"));
    let out = ok(&serve.sync(&a, &["push"]));
    assert_eq!(
        out,
        "push (us-east-1): created 200, updated 0, skipped 0, conflicts 0, failed 0\n"
    );
    let c = Env::init();
    let out = ok(&serve.sync(&c, &["pull"]));
    assert_eq!(
        out,
        "pull (us-east-1): created 200, updated 0, skipped 0, conflicts 0, failed 0\n"
    );
    // The served vault itself and the pulled copy both match the original.
    assert_eq!(essence(&b.load()), essence(&a.load()));
    assert_eq!(essence(&c.load()), essence(&a.load()));
    let out = ok(&serve.sync(&a, &["push"]));
    assert!(out.contains("skipped 200"), "{out}");
}

/// A loopback proxy in front of `upstream` that keeps every byte clients send through it,
/// so a test can check what left the machine's client. Ends with the test process.
fn recording_proxy(upstream: &str) -> (String, std::sync::Arc<std::sync::Mutex<Vec<u8>>>) {
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    let upstream = upstream.trim_start_matches("http://").to_string();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let sent = Arc::new(Mutex::new(Vec::new()));
    let keep = sent.clone();
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(mut client) = client else { continue };
            let Ok(mut server) = TcpStream::connect(&upstream) else {
                continue;
            };
            let (mut client_back, mut server_in) =
                (client.try_clone().unwrap(), server.try_clone().unwrap());
            let keep = keep.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                while let Ok(n) = client.read(&mut buf) {
                    if n == 0 || server_in.write_all(&buf[..n]).is_err() {
                        break;
                    }
                    keep.lock().unwrap().extend_from_slice(&buf[..n]);
                }
                let _ = server_in.shutdown(std::net::Shutdown::Write);
            });
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut server, &mut client_back);
                let _ = client_back.shutdown(std::net::Shutdown::Write);
            });
        }
    });
    (url, sent)
}

/// Principals belong to the vault and to serve, never to AWS: push sends its secrets and
/// nothing of a principal (name, key, policy), and the receiving vault has none.
#[test]
fn push_never_sends_principals() {
    let b = Env::init();
    let serve = Serve::start(&b);
    let a = vault_env(&rich_vault(3, "p"));
    let policy = r#"{"Statement":[{"Sid":"PolicyCanary","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#;
    a.ok(
        &bin(),
        [
            "principals",
            "add",
            "principal-canary",
            "--access-key-id",
            "KeyIdCanary",
            "--secret-access-key",
            "secret-key-canary",
            "--policy",
            policy,
        ],
    );
    let (url, sent) = recording_proxy(&serve.url);
    let mut cmd = a.command(&bin(), ["push"]);
    cmd.args(["--endpoint-url", &url, "--region", "us-east-1"])
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_MAX_ATTEMPTS", "1");
    for (k, v) in &serve.creds {
        cmd.env(k, v);
    }
    let out = ok(&cmd.output().expect("smvault runs"));
    assert!(out.contains("created 3"), "{out}");
    let sent = sent.lock().unwrap().clone();
    // The recording holds the push itself...
    assert!(support::contains(&sent, b"app/p/s0001"), "nothing recorded");
    // ... and nothing of the principal.
    for canary in [
        "principal-canary",
        "KeyIdCanary",
        "secret-key-canary",
        "PolicyCanary",
    ] {
        assert!(
            !support::contains(&sent, canary.as_bytes()),
            "push sent {canary}"
        );
    }
    assert!(b.load().principals.is_empty());
    assert!(
        !a.load().principals.is_empty(),
        "the pushing vault keeps them"
    );
}

/// An endpoint holding one secret (argv[1]: its name) whose calls of one operation
/// (argv[2]) wait: the stub prints `waiting <op>` and answers once a line arrives on its
/// stdin, so a test can act while a pull is reading from the endpoint.
const GATED_STUB: &str = r#"
import http.server, json, sys
NAME, GATED = sys.argv[1], sys.argv[2]
VERSION = "aaaaaaaa-0000-4000-8000-000000000001"
ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + NAME + "-AbC123"
WHEN = 1700000000.0
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        op = self.headers.get("X-Amz-Target", "").split(".")[-1]
        if op == GATED:
            print("waiting " + op, flush=True)
            sys.stdin.readline()
        if op == "ListSecrets":
            body = {"SecretList": [{"ARN": ARN, "Name": NAME, "CreatedDate": WHEN, "LastChangedDate": WHEN}]}
        elif op == "ListSecretVersionIds":
            body = {"ARN": ARN, "Name": NAME, "Versions": [
                {"VersionId": VERSION, "VersionStages": ["AWSCURRENT"], "CreatedDate": WHEN}]}
        elif op == "GetSecretValue":
            body = {"ARN": ARN, "Name": NAME, "VersionId": VERSION, "SecretString": "from-the-endpoint",
                    "VersionStages": ["AWSCURRENT"], "CreatedDate": WHEN}
        else:
            body = {"ARN": ARN, "Name": NAME}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *a):
        pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
"#;

/// The version id and value [`GATED_STUB`] serves.
const GATED_VERSION: &str = "aaaaaaaa-0000-4000-8000-000000000001";

/// [`GATED_STUB`] running, with its printed lines arriving on a channel.
struct Gated {
    child: Child,
    url: String,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Gated {
    fn start(name: &str, gated_op: &str) -> Gated {
        let mut child = Command::new(pyenv().join("bin/python"))
            .args(["-c", GATED_STUB, name, gated_op])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python runs");
        let stdout = child.stdout.take().expect("piped");
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut gated = Gated {
            child,
            url: String::new(),
            lines,
        };
        let port = gated.next_line();
        gated.url = format!("http://127.0.0.1:{port}");
        gated
    }

    /// The stub's next line, waiting for it up to a minute (readiness, not timing).
    fn next_line(&self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(60))
            .expect("the stub printed nothing for a minute")
    }

    /// Lets the waiting call answer.
    fn release(&mut self) {
        use std::io::Write;
        let stdin = self.child.stdin.as_mut().expect("piped");
        stdin
            .write_all(b"go\n")
            .and_then(|()| stdin.flush())
            .unwrap();
    }
}

impl Drop for Gated {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `smvault pull` against a [`GATED_STUB`] serving `remote/one`, and runs the local
/// command `meanwhile` (which must succeed) while the stub holds the pull's `gated_op`
/// call. Returns the stub (for another run) and the pull's output.
fn pull_with_a_write_meanwhile(env: &Env, gated_op: &str, meanwhile: &[&str]) -> (Gated, Output) {
    let mut stub = Gated::start("remote/one", gated_op);
    let pull = env
        .command(&bin(), ["pull"])
        .args(["--endpoint-url", &stub.url, "--region", "us-east-1"])
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("smvault pull starts");
    assert_eq!(stub.next_line(), format!("waiting {gated_op}"));
    // Holding the writers' lock across the fetch made this wait out its 10 s and fail.
    env.ok(&bin(), meanwhile);
    stub.release();
    let out = pull.wait_with_output().unwrap();
    (stub, out)
}

/// A pull that left a secret out: exit 1, the summary, and the line saying why.
fn assert_left_out(out: &Output, summary: &str, line: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    assert_eq!(stdout(out), summary);
    assert!(stderr(out).contains(line), "{}", stderr(out));
}

#[test]
fn a_writer_is_not_blocked_while_a_pull_reads_the_endpoint() {
    let env = Env::init();
    let write = [
        "create-secret",
        "--name",
        "local/meanwhile",
        "--secret-string",
        "mine",
    ];
    // The pull is reading a value from the endpoint: the local write goes through at once.
    let (_stub, out) = pull_with_a_write_meanwhile(&env, "GetSecretValue", &write);
    assert_eq!(
        ok(&out),
        "pull (us-east-1): created 1, updated 0, skipped 0, conflicts 0, failed 0\n"
    );
    let vault = env.load();
    let pulled = support::secret(&vault, "remote/one").expect("pulled");
    assert_eq!(
        support::current(pulled).as_deref(),
        Some("from-the-endpoint")
    );
    assert_eq!(pulled.suffix, "AbC123");
    let written = support::secret(&vault, "local/meanwhile").expect("the local write is kept");
    assert_eq!(support::current(written).as_deref(), Some("mine"));
}

#[test]
fn a_secret_written_locally_while_a_pull_reads_it_is_a_conflict_not_overwritten() {
    let env = Env::init();
    // When the pull read the vault, remote/one was not there; now it is, with another version.
    let write = [
        "create-secret",
        "--name",
        "remote/one",
        "--secret-string",
        "mine",
    ];
    let (_stub, out) = pull_with_a_write_meanwhile(&env, "GetSecretValue", &write);
    assert_left_out(
        &out,
        "pull (us-east-1): created 0, updated 0, skipped 0, conflicts 1, failed 0\n",
        "smvault: conflict: remote/one: the vault has 1 version the endpoint does not have",
    );
    let vault = env.load();
    let kept = support::secret(&vault, "remote/one").unwrap();
    assert_eq!(support::current(kept).as_deref(), Some("mine"));
    assert_eq!(
        kept.versions.len(),
        1,
        "nothing of the endpoint's was added"
    );
}

#[test]
fn a_secret_removed_locally_while_a_pull_reads_the_endpoint_is_left_for_the_next_pull() {
    // The vault holds the endpoint's secret as it is there: the pull plans to skip it
    // and fetches no value.
    let mut same = support_secret("remote/one");
    same.versions = vec![version(
        GATED_VERSION.into(),
        SecretValue::String("from-the-endpoint".into()),
        &[AWSCURRENT],
        1_700_000_000_000,
    )];
    let env = vault_env(&Vault {
        secrets: vec![same],
        ..Vault::default()
    });
    let remove = [
        "delete-secret",
        "--secret-id",
        "remote/one",
        "--force-delete-without-recovery",
    ];
    let (mut stub, out) = pull_with_a_write_meanwhile(&env, "ListSecretVersionIds", &remove);
    // Now the secret would be created, and its value was never fetched: reported, not
    // half-written.
    assert_left_out(
        &out,
        "pull (us-east-1): created 0, updated 0, skipped 0, conflicts 0, failed 1\n",
        "smvault: failed: remote/one: changed in the vault during the pull; pull again",
    );
    assert!(support::secret(&env.load(), "remote/one").is_none());
    // The next pull, with nothing in between, copies it.
    stub.release();
    let out = sync(&env, &stub.url, &["pull"]);
    assert!(ok(&out).contains("created 1,"), "{}", stdout(&out));
}

#[test]
fn the_smvault_binary_carries_no_sdk_and_hands_push_and_pull_to_smvault_remote() {
    // A string only the SDK's request path uses (the header it sends its user agent in).
    let marker = "x-amz-user-agent";
    assert!(
        support::file_has(&bin().with_file_name("smvault-remote"), marker),
        "smvault-remote links the SDK"
    );
    assert!(
        !support::file_has(&bin(), marker),
        "smvault does not: every command would pay for it"
    );

    // Without smvault-remote beside it, smvault says where it looked, exit 252.
    let env = Env::init();
    let lone = support::lone_smvault(&env);
    for verb in ["push", "pull"] {
        let out = env.run(&lone, [verb]);
        assert_eq!(out.status.code(), Some(252), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!(
                "push and pull run in smvault-remote, which is not beside this smvault (no {})",
                lone.with_file_name("smvault-remote").display()
            )),
            "{}",
            stderr(&out)
        );
    }
}

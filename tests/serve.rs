//! `smvault serve` as real processes: boto3 and the AWS CLI v1 (tests/py/test_serve.py, in
//! the venv scripts/pyenv.sh makes) against a server on a free port with a fresh vault;
//! kill -9 and SIGTERM during writes; the server's own refusals.
//!
//! The venv is made when missing; where it cannot be (no PyPI) the SDK tests print a line
//! and pass, except in CI (`CI` set), where they fail.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use support::{Env, bin};

fn python() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let p = root.join("target/pyenv/bin/python");
    if !p.exists() {
        // Made here when missing, so `cargo test` alone runs these tests on a fresh machine.
        let made = Command::new("bash")
            .arg(root.join("scripts/pyenv.sh"))
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            made || std::env::var_os("CI").is_none(),
            "scripts/pyenv.sh failed in CI: the boto3 and AWS CLI tests need target/pyenv"
        );
    }
    if p.exists() {
        return Some(p);
    }
    eprintln!("skipped: no target/pyenv (scripts/pyenv.sh could not make it: no PyPI?)");
    None
}

/// A running `smvault serve` on a free loopback port, and everything it logged.
struct Server {
    child: Child,
    url: String,
    log: Arc<Mutex<Vec<String>>>,
    lines: mpsc::Receiver<String>,
}

impl Server {
    fn start(env: &Env) -> Server {
        let mut child = env
            .command(&bin(), ["serve", "--listen", "127.0.0.1:0", "--log"])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("smvault serve starts");
        let stderr = child.stderr.take().expect("piped stderr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, lines) = mpsc::channel();
        let keep = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                keep.lock().unwrap().push(line.clone());
                let _ = tx.send(line);
            }
        });
        let first = lines
            .recv()
            .expect("the server says where it serves before anything else");
        let url = first
            .rsplit(" at ")
            .next()
            .filter(|u| u.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("unexpected first line: {first}"))
            .to_string();
        Server {
            child,
            url,
            log,
            lines,
        }
    }

    fn port(&self) -> u16 {
        self.url.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// The `export` lines of `serve --print-env`, as (name, value) pairs.
    fn sdk_env(&self, env: &Env) -> Vec<(String, String)> {
        let listen = format!("127.0.0.1:{}", self.port());
        let out = env.ok(&bin(), ["serve", "--print-env", "--listen", &listen]);
        out.lines()
            .filter_map(|l| l.strip_prefix("export "))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.trim_matches('\'').to_string()))
            .collect()
    }

    /// Runs one group of tests/py/test_serve.py against this server.
    fn python(&self, env: &Env, py: &Path, group: &str) -> Child {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/test_serve.py");
        let mut cmd = env.command(py, [script.as_os_str(), group.as_ref()]);
        cmd.envs(self.sdk_env(env))
            .env("SMVAULT_BIN", bin())
            .env("SMVAULT_TMP", env.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd.spawn().expect("python runs")
    }

    fn stop(mut self) -> std::process::ExitStatus {
        signal(&self.child, "TERM");
        self.child.wait().expect("server exits")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

/// Runs a python group to the end and asserts it passed.
fn python_group(group: &str) {
    let Some(py) = python() else { return };
    let env = Env::init();
    let server = Server::start(&env);
    let out = server
        .python(&env, &py, group)
        .wait_with_output()
        .expect("python finishes");
    let log = server.log.lock().unwrap().join("\n");
    assert!(
        out.status.success(),
        "{group} failed:\n{}\nserver log:\n{log}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.stop().code(), Some(0), "SIGTERM exits 0");
}

#[test]
fn boto3_every_operation_pagination_binary_and_exceptions() {
    python_group("Sdk");
}

#[test]
fn sigv4_failures_by_code_and_message() {
    python_group("Auth");
}

#[test]
fn agent_route_tokens_and_body() {
    python_group("Agent");
}

#[test]
fn aws_cli_v1_prints_what_smvault_prints() {
    python_group("AwsCli");
}

#[test]
fn eight_sdk_clients_and_four_cli_writers_lose_nothing() {
    python_group("Concurrency");
}

/// Starts the writer group and waits until it has `n` acknowledged writes.
fn writer_until(
    server: &Server,
    env: &Env,
    py: &Path,
    n: usize,
) -> (Child, mpsc::Receiver<String>) {
    let mut writer = server.python(env, py, "Writer");
    let stdout = writer.stdout.take().unwrap();
    let (tx, acks) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("ack ") {
                let _ = tx.send(name.to_string());
            }
        }
    });
    let mut seen = Vec::new();
    while seen.len() < n {
        seen.push(acks.recv().expect("the writer acknowledges writes"));
    }
    // Put them back in front of the rest.
    let (tx2, rx2) = mpsc::channel();
    for s in seen {
        tx2.send(s).unwrap();
    }
    std::thread::spawn(move || {
        for s in acks {
            if tx2.send(s).is_err() {
                break;
            }
        }
    });
    (writer, rx2)
}

#[test]
fn kill_9_during_writes_leaves_a_vault_that_opens_with_every_acknowledged_write() {
    let Some(py) = python() else { return };
    let env = Env::init();
    let server = Server::start(&env);
    let (mut writer, acks) = writer_until(&server, &env, &py, 5);
    signal(&server.child, "KILL");
    let _ = writer.wait();
    drop(server);
    let acked: Vec<String> = acks.try_iter().collect();
    let vault = env.load();
    for name in &acked {
        assert!(
            support::secret(&vault, name).is_some(),
            "{name} was acknowledged but is not in the vault"
        );
    }
    assert!(env.temp_files().is_empty() || env.lock_is_free());
    // And the CLI goes on using it.
    env.ok(
        &bin(),
        ["create-secret", "--name", "after", "--secret-string", "x"],
    );
}

#[test]
fn sigterm_during_writes_finishes_them_and_exits_0() {
    let Some(py) = python() else { return };
    let env = Env::init();
    let server = Server::start(&env);
    let (mut writer, acks) = writer_until(&server, &env, &py, 5);
    let mut server = server;
    signal(&server.child, "TERM");
    let status = server.child.wait().expect("server exits");
    assert_eq!(status.code(), Some(0));
    let _ = writer.wait();
    let acked: Vec<String> = acks.try_iter().collect();
    let vault = env.load();
    for name in &acked {
        assert!(support::secret(&vault, name).is_some(), "{name} lost");
    }
    assert!(env.temp_files().is_empty(), "{:?}", env.temp_files());
}

/// A raw HTTP/1.1 exchange, for what no SDK sends.
fn raw(server: &Server, request: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[test]
fn ping_no_cors_bounded_bodies_and_loopback_only() {
    let env = Env::init();
    let server = Server::start(&env);
    let ping = raw(
        &server,
        "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(ping.starts_with("HTTP/1.1 200"), "{ping}");
    assert!(ping.ends_with("healthy"));
    let preflight = raw(
        &server,
        "OPTIONS / HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n",
    );
    assert!(
        !preflight.to_ascii_lowercase().contains("access-control"),
        "{preflight}"
    );
    let big = raw(
        &server,
        &format!(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
            600 * 1024,
            "a".repeat(600 * 1024)
        ),
    );
    assert!(
        big.starts_with("HTTP/1.1 413"),
        "{}",
        &big[..big.len().min(200)]
    );
    let unsigned = raw(
        &server,
        "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: secretsmanager.ListSecrets\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    );
    assert!(unsigned.starts_with("HTTP/1.1 400"));
    assert!(unsigned.ends_with(
        r#"{"__type":"MissingAuthenticationTokenException","message":"Missing Authentication Token"}"#
    ));
    // One line per request: operation, secret, status, latency.
    while !server
        .log
        .lock()
        .unwrap()
        .iter()
        .any(|l| l.starts_with("ListSecrets - 400 "))
    {
        server.lines.recv().expect("the server logs the request");
    }
    assert!(
        server
            .log
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.starts_with("ping - 200 "))
    );
    let out = env.run(&bin(), ["serve", "--listen", "0.0.0.0:0"]);
    assert_eq!(out.status.code(), Some(252));
    assert!(support::stderr(&out).contains("--allow-remote"));
}

#[test]
fn print_env_is_stable_and_credentials_stay_encrypted() {
    let env = Env::init();
    let a = env.ok(&bin(), ["serve", "--print-env"]);
    let b = env.ok(&bin(), ["serve", "--print-env"]);
    assert_eq!(a, b, "credentials are made once per vault");
    for name in [
        "AWS_ENDPOINT_URL_SECRETS_MANAGER='http://127.0.0.1:2773'",
        "AWS_ACCESS_KEY_ID='AKIA",
        "AWS_SECRET_ACCESS_KEY=",
        "AWS_REGION='us-east-1'",
        "AWS_DEFAULT_REGION='us-east-1'",
        "AWS_TOKEN=",
    ] {
        assert!(a.contains(&format!("export {name}")), "{name} in {a}");
    }
    let secret = a
        .lines()
        .find_map(|l| l.strip_prefix("export AWS_SECRET_ACCESS_KEY='"))
        .unwrap()
        .trim_end_matches('\'');
    let bytes = std::fs::read(&env.vault).unwrap();
    assert!(!support::contains(&bytes, secret.as_bytes()));
    // A secret written after keeps them.
    env.ok(
        &bin(),
        ["create-secret", "--name", "s", "--secret-string", "x"],
    );
    assert_eq!(env.ok(&bin(), ["serve", "--print-env"]), a);
}

#[test]
fn a_client_that_never_finishes_its_headers_or_stays_idle_is_cut_off() {
    let env = Env::init();
    let server = Server::start(&env);
    let limit = std::time::Duration::from_secs(30);
    // Idle after a keep-alive answer, and stuck halfway through a request's headers.
    let mut idle = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    idle.write_all(b"GET /ping HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut slow = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    slow.write_all(b"GET /ping HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    for (what, mut s) in [("idle", idle), ("slow", slow)] {
        s.set_read_timeout(Some(limit)).unwrap();
        let mut all = Vec::new();
        // The server closes it (end of stream) well before our own 30 s limit.
        s.read_to_end(&mut all)
            .unwrap_or_else(|e| panic!("{what} connection still open after {limit:?}: {e}"));
        assert_eq!(
            all.starts_with(b"HTTP/1.1 200"),
            what == "idle",
            "{what}: {}",
            String::from_utf8_lossy(&all)
        );
    }
}

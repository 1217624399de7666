//! `smvault serve` as real processes: boto3 and the AWS CLI v1 (tests/py/test_serve.py, in
//! the venv scripts/pyenv.sh makes) against a server on a free port with a fresh vault;
//! kill -9 and SIGTERM during writes; the server's own refusals. The harness is
//! tests/support/serve.rs.

use crate::support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Child;
use std::sync::mpsc;

use support::serve::{Server, python, python_group, raw, signal};
use support::{Env, bin};

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
fn sts_get_caller_identity_for_each_principal_and_every_sts_error() {
    python_group("Sts");
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
        "AWS_ENDPOINT_URL_STS='http://127.0.0.1:2773'",
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

#[test]
fn a_server_whose_stderr_is_closed_keeps_serving() {
    let env = Env::init();
    let mut child = env
        .command(&bin(), ["serve", "--listen", "127.0.0.1:0", "--log"])
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("smvault serve starts");
    let mut first = String::new();
    // Read the address, then close our end: every later line (the limits, one per
    // request with --log) meets a broken pipe.
    BufReader::new(child.stderr.take().expect("piped"))
        .read_line(&mut first)
        .unwrap();
    let port: u16 = first.trim().rsplit(':').next().unwrap().parse().unwrap();
    for _ in 0..3 {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("still listening");
        s.write_all(b"GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        assert!(out.ends_with("healthy"), "{out}");
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the server is still running"
    );
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn the_smvault_binary_carries_no_server_and_hands_serve_to_smvault_serve() {
    // A text only tokio's runtime has (every server runs on it).
    let marker = "Cannot start a runtime from within a runtime";
    assert!(
        support::file_has(&bin().with_file_name("smvault-serve"), marker),
        "smvault-serve runs the server"
    );
    assert!(
        !support::file_has(&bin(), marker),
        "smvault does not: every command would pay for it"
    );

    // Without smvault-serve beside it, smvault says where it looked, exit 252.
    let env = Env::init();
    let lone = support::lone_smvault(&env);
    let out = env.run(&lone, ["serve", "--print-env"]);
    assert_eq!(out.status.code(), Some(252));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "serve runs in smvault-serve, which is not beside this smvault (no {})",
            lone.with_file_name("smvault-serve").display()
        )),
        "{err}"
    );
}

//! `smvault serve` against clients that try to stall, exhaust or stop it, as real processes
//! over real sockets: stalled and slow bodies, too many connections, the body budget,
//! SIGTERM with a stalled client; and the smaller things issue 17 found: a stale read after
//! a same-size rewrite with the mtime put back, forged log lines, a malformed body's status;
//! and every other way a vault changes under the server (issue 21: answers are kept).
//! Small limits (`--request-timeout`, `--max-connections`, ...) keep each test to seconds.

use crate::support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::serve::{Server, python, raw};
use support::{Env, bin};

/// The Agent token `serve --print-env` prints for this server.
fn token(server: &Server, env: &Env) -> String {
    server
        .sdk_env(env)
        .into_iter()
        .find_map(|(k, v)| (k == "AWS_TOKEN").then_some(v))
        .expect("AWS_TOKEN in --print-env")
}

/// A secret's value through the Agent route.
fn agent_get(server: &Server, token: &str, id: &str) -> String {
    raw(
        server,
        &format!(
            "GET /secretsmanager/get?secretId={id} HTTP/1.1\r\nHost: x\r\nX-Aws-Parameters-Secrets-Token: {token}\r\nConnection: close\r\n\r\n"
        ),
    )
}

/// A secret's value through a SigV4-signed GetSecretValue (boto3).
fn sdk_get(server: &Server, env: &Env, py: &Path, id: &str) -> String {
    let out = env
        .command(
            py,
            [
                "-c",
                "import boto3, sys\nprint(boto3.client('secretsmanager').get_secret_value(SecretId=sys.argv[1])['SecretString'])",
                id,
            ],
        )
        .envs(server.sdk_env(env))
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", support::stderr(&out));
    support::stdout(&out).trim().to_string()
}

#[test]
fn a_same_size_rewrite_in_place_with_the_mtime_put_back_is_read_on_both_routes() {
    let Some(py) = python() else { return };
    let env = Env::init();
    // The serving credentials and the secret exist before the two versions part.
    env.ok(&bin(), ["serve", "--print-env"]);
    env.ok(
        &bin(),
        ["create-secret", "--name", "s", "--secret-string", "zero"],
    );
    for args in [
        vec![
            "put-secret-value",
            "--secret-id",
            "s",
            "--secret-string",
            "one1",
        ],
        // Records today's access, so the server's reads write nothing.
        vec!["get-secret-value", "--secret-id", "s"],
    ] {
        env.ok(&bin(), args);
    }
    // The same vault with "two2" for "one1", encrypted until it is also the same size
    // (age adds a random-length grease stanza to each file).
    let identity = || smvault::vault::keys::read_identity(&env.identity).unwrap();
    let vault = smvault::vault::Store::new(env.vault.clone(), identity());
    let plaintext = vault.read().unwrap().unwrap();
    let data = String::from_utf8(vault.decode_text(&plaintext).unwrap().into_owned())
        .unwrap()
        .replace(r#""one1""#, r#""two2""#);
    let other = env.path().join("other.age");
    let store = smvault::vault::Store::new(other.clone(), identity());
    let size = |p: &Path| std::fs::metadata(p).unwrap().len();
    for _ in 0..10_000 {
        let guard = store.lock(Duration::from_secs(5)).unwrap();
        store.save_text(Some(&guard), data.as_bytes()).unwrap();
        if size(&other) == size(&env.vault) {
            break;
        }
    }
    assert_eq!(size(&env.vault), size(&other), "two versions of one size");

    let server = Server::start(&env);
    let token = token(&server, &env);
    assert!(agent_get(&server, &token, "s").contains(r#""SecretString":"one1""#));
    assert_eq!(sdk_get(&server, &env, &py, "s"), "one1");

    // `cp` writes over the file in place (same inode); `touch -r` puts the mtime back.
    use std::os::unix::fs::MetadataExt;
    let before = std::fs::metadata(&env.vault).unwrap();
    let reference = env.path().join("mtime.ref");
    std::fs::write(&reference, b"").unwrap();
    let run = |tool: &str, args: [&Path; 3]| {
        assert!(Command::new(tool).args(args).status().unwrap().success());
    };
    run("touch", [Path::new("-r"), &env.vault, &reference]);
    run("cp", [Path::new("--no-preserve=all"), &other, &env.vault]);
    run("touch", [Path::new("-r"), &reference, &env.vault]);
    let after = std::fs::metadata(&env.vault).unwrap();
    assert_eq!(
        (after.ino(), after.len(), after.mtime(), after.mtime_nsec()),
        (
            before.ino(),
            before.len(),
            before.mtime(),
            before.mtime_nsec()
        ),
        "the rewrite kept inode, size and mtime"
    );
    assert!(
        agent_get(&server, &token, "s").contains(r#""SecretString":"two2""#),
        "the Agent route served the old value"
    );
    assert_eq!(
        sdk_get(&server, &env, &py, "s"),
        "two2",
        "GetSecretValue served the old value"
    );
}

/// The value the Agent route and a signed GetSecretValue answer for `s`, each asked twice
/// (the second answer is the one the server kept rendered); all four must agree.
fn both_routes(server: &Server, env: &Env, py: &Path, token: &str) -> String {
    let value = |answer: String| {
        let body = answer
            .split("\r\n\r\n")
            .nth(1)
            .unwrap_or_default()
            .to_string();
        let v: serde_json::Value =
            serde_json::from_str(&body).unwrap_or_else(|_| panic!("{answer}"));
        v["SecretString"].as_str().unwrap_or_default().to_string()
    };
    let agent = [
        value(agent_get(server, token, "s")),
        value(agent_get(server, token, "s")),
    ];
    let sdk = [sdk_get(server, env, py, "s"), sdk_get(server, env, py, "s")];
    assert_eq!(agent[0], agent[1], "the Agent route's kept answer differs");
    assert_eq!(sdk[0], sdk[1], "GetSecretValue's kept answer differs");
    assert_eq!(agent[0], sdk[0], "the two routes disagree");
    agent[0].clone()
}

#[test]
fn every_way_the_vault_changes_under_the_server_is_read_by_the_next_request() {
    let Some(py) = python() else { return };
    let env = Env::init();
    env.ok(&bin(), ["serve", "--print-env"]);
    // The vault path becomes a link to a.age; b.age and c.age are the same vault with
    // other values. Each is read once by the CLI, so the server's reads record nothing
    // and its answers are kept (issue 21).
    let file = |name: &str| env.path().join(name);
    let write = |vault: &Path, value: &str, create: bool| {
        let args: Vec<&str> = if create {
            vec!["create-secret", "--name", "s", "--secret-string", value]
        } else {
            vec![
                "put-secret-value",
                "--secret-id",
                "s",
                "--secret-string",
                value,
            ]
        };
        for args in [args, vec!["get-secret-value", "--secret-id", "s"]] {
            let out = env
                .command(&bin(), args)
                .env("SMVAULT_FILE", vault)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", support::stderr(&out));
        }
    };
    write(&env.vault, "one", true);
    std::fs::rename(&env.vault, file("a.age")).unwrap();
    for (name, value) in [("b.age", "two"), ("c.age", "three")] {
        std::fs::copy(file("a.age"), file(name)).unwrap();
        write(&file(name), value, false);
    }
    std::os::unix::fs::symlink("a.age", &env.vault).unwrap();

    let server = Server::start(&env);
    let token = token(&server, &env);
    assert_eq!(both_routes(&server, &env, &py, &token), "one");

    // A symlink swap: a new link renamed over the vault's path.
    std::os::unix::fs::symlink("b.age", file("link.tmp")).unwrap();
    std::fs::rename(file("link.tmp"), &env.vault).unwrap();
    assert_eq!(
        both_routes(&server, &env, &py, &token),
        "two",
        "after a symlink swap"
    );

    // A new inode at the path the link names (removed, then copied anew).
    std::fs::remove_file(file("b.age")).unwrap();
    std::fs::copy(file("c.age"), file("b.age")).unwrap();
    assert_eq!(
        both_routes(&server, &env, &py, &token),
        "three",
        "after a new inode"
    );

    // A write by another process: its temp file renamed over the link's target.
    write(&env.vault, "four", false);
    assert_eq!(
        both_routes(&server, &env, &py, &token),
        "four",
        "after a rename over"
    );
}

/// One keep-alive connection's Agent-route read of `id`: the value it answers.
fn keep_alive_get(s: &mut TcpStream, token: &str, id: &str) -> String {
    let request = format!(
        "GET /secretsmanager/get?secretId={id} HTTP/1.1\r\nHost: x\r\nX-Aws-Parameters-Secrets-Token: {token}\r\n\r\n"
    );
    s.write_all(request.as_bytes()).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = s.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "closed mid-answer: {}",
            String::from_utf8_lossy(&got)
        );
        got.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&got);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length: "))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or_else(|| panic!("no length: {head}"));
            if body.len() >= length {
                assert!(head.starts_with("HTTP/1.1 200"), "{text}");
                let v: serde_json::Value = serde_json::from_str(body).unwrap();
                return v["SecretString"].as_str().unwrap().to_string();
            }
        }
    }
}

#[test]
fn with_many_clients_reading_every_request_sent_after_a_write_returned_reads_it() {
    // One look at the file serves every request received before it began (issue 21):
    // with eight keep-alive clients reading as fast as they can, a request sent after the
    // CLI's write returned must still get that write, never what the look before it saw.
    let env = Env::init();
    env.ok(&bin(), ["serve", "--print-env"]);
    env.ok(
        &bin(),
        ["create-secret", "--name", "s", "--secret-string", "0"],
    );
    let server = Server::start(&env);
    let (port, token) = (server.port(), token(&server, &env));
    let token = token.as_str();
    let written = std::sync::atomic::AtomicU64::new(0);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let reads = std::sync::atomic::AtomicU64::new(0);
    use std::sync::atomic::Ordering::SeqCst;
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                while !stop.load(SeqCst) {
                    let returned = written.load(SeqCst);
                    let value: u64 = keep_alive_get(&mut s, token, "s").parse().unwrap();
                    assert!(
                        value >= returned,
                        "read {value} in a request sent after write {returned} returned"
                    );
                    reads.fetch_add(1, SeqCst);
                }
            });
        }
        for n in 1..=30u64 {
            let value = n.to_string();
            env.ok(
                &bin(),
                [
                    "put-secret-value",
                    "--secret-id",
                    "s",
                    "--secret-string",
                    &value,
                ],
            );
            written.store(n, SeqCst);
        }
        stop.store(true, SeqCst);
    });
    // The readers did read all along (not one request each).
    assert!(reads.load(SeqCst) > 8 * 30, "{} reads", reads.load(SeqCst));
}

/// Waits (bounded) for a log line that `pred` accepts; all lines so far on failure.
fn wait_for_log(server: &Server, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(line) = server.log.lock().unwrap().iter().find(|l| pred(l)) {
            return line.clone();
        }
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(
            !left.is_zero(),
            "no log line {what}; the log:\n{}",
            server.log.lock().unwrap().join("\n")
        );
        let _ = server.lines.recv_timeout(left);
    }
}

#[test]
fn a_secret_id_with_control_characters_cannot_forge_a_log_line() {
    let env = Env::init();
    let server = Server::start(&env);
    let token = token(&server, &env);
    let answer = agent_get(&server, &token, "a%0Aping%20-%20200%200.1ms%0D%1B[2J");
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let line = wait_for_log(&server, "for the Agent request", |l| {
        l.starts_with("agent:GetSecretValue ")
    });
    assert_eq!(
        line.split(' ').take(3).collect::<Vec<_>>(),
        [
            "agent:GetSecretValue",
            r"a\u{a}ping\u{20}-\u{20}200\u{20}0.1ms\u{d}\u{1b}[2J",
            "400"
        ],
        "{line}"
    );
    let log = server.log.lock().unwrap().join("\n");
    assert!(!log.contains("\nping - 200"), "a forged line: {log}");
    assert!(!log.contains('\u{1b}'), "a terminal escape: {log}");
}

/// A connection that sends `POST /` declaring a `declared`-byte body, sends `sent` bytes
/// of it, and stalls (unless the server refused it first).
fn stalled_body(server: &Server, declared: usize, sent: usize) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    let head = format!("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {declared}\r\n\r\n");
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(&vec![b'a'; sent]);
    s
}

/// Everything the server sends until it closes the connection, if it does within
/// `limit` (a generous bound: the server's own limits in these tests are seconds).
fn until_closed(s: &mut TcpStream, limit: Duration) -> Result<String, String> {
    s.set_read_timeout(Some(limit)).unwrap();
    let mut all = Vec::new();
    match s.read_to_end(&mut all) {
        Ok(_) => Ok(String::from_utf8_lossy(&all).into_owned()),
        // Closed with unread bytes: a reset, after what it answered.
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
            Ok(String::from_utf8_lossy(&all).into_owned())
        }
        Err(e) => Err(format!(
            "still open after {limit:?} ({e}); got {:?}",
            String::from_utf8_lossy(&all)
        )),
    }
}

const GENEROUS: Duration = Duration::from_secs(30);

#[test]
fn a_body_still_arriving_at_the_request_deadline_is_answered_408_and_closed() {
    let env = Env::init();
    let server = Server::start_with(&env, &["--request-timeout", "2"]);
    // 500 KiB sent at once keeps well ahead of the minimum rate (a minute's worth):
    // only the request's own deadline can end it.
    let mut s = stalled_body(&server, 510 * 1024, 500 * 1024);
    let answer = until_closed(&mut s, GENEROUS).unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("RequestTimeoutException"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("connection: close"),
        "{answer}"
    );
    // The server goes on answering.
    assert!(
        raw(
            &server,
            "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .ends_with("healthy")
    );
}

#[test]
fn a_body_that_stalls_is_cut_off_at_the_minimum_rate_long_before_the_deadline() {
    let env = Env::init();
    let server = Server::start_with(&env, &["--request-timeout", "3600"]);
    // The issue's attack: `Content-Length: 100` and one byte.
    let mut s = stalled_body(&server, 100, 1);
    let answer = until_closed(&mut s, GENEROUS).unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}

#[test]
fn a_malformed_chunked_body_is_400_and_an_oversized_one_still_413() {
    let env = Env::init();
    let server = Server::start(&env);
    let bad = raw(
        &server,
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    );
    assert!(bad.starts_with("HTTP/1.1 400"), "{bad}");
    // The same key as the SerializationException of a member of the wrong type, which
    // the service raises (`Message`): one code, one key.
    assert!(
        bad.contains(r#""__type":"SerializationException","Message":"#),
        "{bad}"
    );
    // Chunked, too long: found out while reading, still 413.
    let chunk = "a".repeat(64 * 1024);
    let mut long = String::from(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    );
    for _ in 0..9 {
        long.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
    }
    long.push_str("0\r\n\r\n");
    let long = raw(&server, &long);
    assert!(
        long.starts_with("HTTP/1.1 413"),
        "{}",
        &long[..long.len().min(300)]
    );
}

/// A connection that sends `head` (its request line and headers, without the blank line)
/// declaring a `declared`-byte body, sends `sent` bytes of it, and stalls.
fn stalled_with(server: &Server, head: &str, declared: usize, sent: usize) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    let head = format!("{head}Content-Length: {declared}\r\n\r\n");
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(&vec![b'a'; sent]);
    s
}

/// Asserts `answer` is STS's error document with `status` and `code` (a Sender's fault
/// below 500), and that its connection closes.
fn sts_refused(answer: &str, status: u16, code: &str) {
    assert!(
        answer.starts_with(&format!("HTTP/1.1 {status}")),
        "{}",
        &answer[..answer.len().min(400)]
    );
    let lower = answer.to_ascii_lowercase();
    assert!(lower.contains("content-type: text/xml"), "{answer}");
    assert!(lower.contains("connection: close"), "{answer}");
    let fault = if status >= 500 { "Receiver" } else { "Sender" };
    assert!(
        answer.contains(&format!(
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n    <Type>{fault}</Type>\n    <Code>{code}</Code>\n    <Message>"
        )),
        "{answer}"
    );
}

const STS_FORM: &str = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\n";
const STS_SCOPE: &str = "POST / HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00\r\n";
const STS_PRESIGNED: &str = "POST /?X-Amz-Credential=AKIAX%2F20260101%2Fus-east-1%2Fsts%2Faws4_request HTTP/1.1\r\nHost: x\r\n";
const STS_ACTION: &str =
    "POST /?Action=GetCallerIdentity&Version=2011-06-15 HTTP/1.1\r\nHost: x\r\n";

#[test]
fn sts_requests_refused_before_routing_get_stss_xml() {
    let env = Env::init();
    let server = Server::start_with(&env, &["--request-timeout", "2"]);
    // Too large, declared: each way a request names STS.
    for head in [STS_FORM, STS_SCOPE, STS_PRESIGNED, STS_ACTION] {
        let mut s = stalled_with(&server, head, 600 * 1024, 0);
        let answer = until_closed(&mut s, GENEROUS).unwrap();
        sts_refused(&answer, 413, "RequestEntityTooLarge");
        assert!(
            answer.contains("Request body is larger than 524288 bytes"),
            "{answer}"
        );
    }
    // A broken chunked body.
    let bad = raw(
        &server,
        &format!(
            "{STS_FORM}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n"
        ),
    );
    sts_refused(&bad, 400, "InvalidQueryParameter");
    // Still arriving at the deadline: 408, as a retryable RequestTimeout.
    let mut s = stalled_with(&server, STS_SCOPE, 510 * 1024, 500 * 1024);
    let late = until_closed(&mut s, GENEROUS).unwrap();
    sts_refused(&late, 408, "RequestTimeout");
    // A JSON request stays JSON, whatever else it carries.
    let json = format!(
        "{STS_FORM}X-Amz-Target: secretsmanager.ListSecrets\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        600 * 1024
    );
    let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    s.write_all(json.as_bytes()).unwrap();
    let answer = until_closed(&mut s, GENEROUS).unwrap();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(
        answer.contains(r#""__type":"RequestEntityTooLargeException""#),
        "{answer}"
    );
}

/// A connection stuck halfway through its request's headers.
fn stalled_headers(server: &Server) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    let _ = s.write_all(b"POST / HTTP/1.1\r\nHost: x\r\n");
    s
}

/// Asks `request` on new connections until an answer `pred` accepts (bounded).
fn ask_until(server: &Server, request: &str, pred: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + GENEROUS;
    loop {
        let answer = ask(server, request, Duration::from_secs(10));
        if pred(&answer) {
            return answer;
        }
        assert!(
            Instant::now() < deadline,
            "{request:?} still answered: {answer}"
        );
    }
}

/// A one-off request on a connection of its own, answered within `limit`.
fn ask(server: &Server, request: &str, limit: Duration) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    until_closed(&mut s, limit).unwrap_or_else(|e| panic!("{request:?}: {e}"))
}

const PING: &str = "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

#[test]
fn under_ulimit_the_cap_is_derived_and_stalled_clients_cannot_lock_out_ping_or_a_reader() {
    let env = Env::init();
    env.ok(
        &bin(),
        ["create-secret", "--name", "s", "--secret-string", "v"],
    );
    let server = Server::from_command(env.command(
        Path::new("bash"),
        [
            "-c".as_ref(),
            "ulimit -n 256 && exec \"$0\" serve --listen 127.0.0.1:0 --log --request-timeout 3600"
                .as_ref(),
            bin().as_os_str(),
        ],
    ));
    let limits = wait_for_log(&server, "with the limits", |l| {
        l.starts_with("smvault: limits: ")
    });
    // 256 less 64 kept for the vault and the server, less 16 overflow places.
    assert!(
        limits.contains("176 connections (open files: 256)"),
        "{limits}"
    );
    let token = token(&server, &env);
    // More stalled clients than the process has file descriptors, stuck in their headers
    // for the hour's deadline (stalled bodies would be cut at the minimum rate anyway).
    let mut stalled: Vec<TcpStream> = (0..300).map(|_| stalled_headers(&server)).collect();
    // Once they have waited a moment (50 ms) they can be displaced: a health
    // check and a reader get in (refused at once until then: 503, 429 as the Agent does).
    ask_until(&server, PING, |a| a.ends_with("healthy"));
    let agent = format!(
        "GET /secretsmanager/get?secretId=s HTTP/1.1\r\nHost: x\r\nX-Aws-Parameters-Secrets-Token: {token}\r\nConnection: close\r\n\r\n"
    );
    let read = ask_until(&server, &agent, |a| a.starts_with("HTTP/1.1 200"));
    assert!(read.starts_with("HTTP/1.1 200"), "{read}");
    assert!(read.contains(r#""SecretString":"v""#), "{read}");
    // The one that waited longest made room: closed, without an answer.
    let first = until_closed(&mut stalled[0], GENEROUS).unwrap();
    assert_eq!(first, "", "displaced, not answered");
}

/// `n` signed CreateSecret requests (botocore's SigV4 signer) as raw HTTP, to send later.
fn signed_creates(server: &Server, env: &Env, py: &Path, n: usize) -> Vec<String> {
    let script = "import botocore.auth, botocore.awsrequest, botocore.credentials, json, os, sys, uuid\n\
        url = os.environ['AWS_ENDPOINT_URL_SECRETS_MANAGER']\n\
        creds = botocore.credentials.Credentials(os.environ['AWS_ACCESS_KEY_ID'], os.environ['AWS_SECRET_ACCESS_KEY'])\n\
        for i in range(int(sys.argv[1])):\n\
        \x20   body = json.dumps({'Name': f'w{i}', 'SecretString': 'x', 'ClientRequestToken': str(uuid.uuid4())})\n\
        \x20   req = botocore.awsrequest.AWSRequest(method='POST', url=url + '/', data=body, headers={'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'secretsmanager.CreateSecret'})\n\
        \x20   botocore.auth.SigV4Auth(creds, 'secretsmanager', os.environ['AWS_REGION']).add_auth(req)\n\
        \x20   head = ''.join(f'{k}: {v}\\r\\n' for k, v in req.headers.items())\n\
        \x20   host = url.split('://')[1]\n\
        \x20   print(json.dumps(f'POST / HTTP/1.1\\r\\nHost: {host}\\r\\n{head}Content-Length: {len(body)}\\r\\n\\r\\n{body}'))";
    let out = env
        .command(py, ["-c", script, &n.to_string()])
        .envs(server.sdk_env(env))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", support::stderr(&out));
    support::stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<String>(l).unwrap())
        .collect()
}

#[test]
fn when_every_connection_is_busy_ping_is_answered_and_the_rest_refused_at_once() {
    let Some(py) = python() else { return };
    let env = Env::init();
    let mut command = env.command(
        &bin(),
        [
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--log",
            "--max-connections",
            "2",
        ],
    );
    // The writes below wait for the lock the test holds, not the default 10 s.
    command.env("SMVAULT_TEST_LOCK_TIMEOUT", "120");
    let server = Server::from_command(command);
    let token = token(&server, &env);
    let creates = signed_creates(&server, &env, &py, 2);
    // Two writes waiting for the vault's lock: both connections busy.
    let lock = smvault::vault::lock::acquire(&env.vault, Duration::from_secs(5)).unwrap();
    let mut busy: Vec<TcpStream> = creates
        .iter()
        .map(|request| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
            s.write_all(request.as_bytes()).unwrap();
            s
        })
        .collect();
    let quick = Duration::from_secs(10);
    let agent = format!(
        "GET /secretsmanager/get?secretId=w0 HTTP/1.1\r\nHost: x\r\nX-Aws-Parameters-Secrets-Token: {token}\r\nConnection: close\r\n\r\n"
    );
    let refused = ask(&server, &agent, quick);
    assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
    assert!(refused.ends_with("Connection limit exceeded"), "{refused}");
    assert!(ask(&server, PING, quick).ends_with("healthy"));
    let api = ask(
        &server,
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
        quick,
    );
    assert!(api.starts_with("HTTP/1.1 503"), "{api}");
    assert!(api.to_ascii_lowercase().contains("retry-after: 1"), "{api}");
    assert!(api.contains(r#""__type":"ServiceUnavailable""#), "{api}");
    // STS's requests are refused in STS's XML.
    let sts = ask(
        &server,
        &format!(
            "{STS_FORM}Content-Length: 43\r\nConnection: close\r\n\r\nAction=GetCallerIdentity&Version=2011-06-15"
        ),
        quick,
    );
    sts_refused(&sts, 503, "ServiceUnavailable");
    assert!(sts.to_ascii_lowercase().contains("retry-after: 1"), "{sts}");
    // Busy connections were never displaced: both writes are answered once the lock goes.
    drop(lock);
    for s in &mut busy {
        s.set_read_timeout(Some(GENEROUS)).unwrap();
        let mut answer = [0u8; 12];
        s.read_exact(&mut answer).unwrap();
        assert_eq!(&answer, b"HTTP/1.1 200");
    }
    let vault = env.load();
    assert!(support::secret(&vault, "w0").is_some() && support::secret(&vault, "w1").is_some());
}

/// The server's resident memory, in KiB.
fn rss_kib(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

#[test]
fn bodies_beyond_the_memory_budget_are_refused_503_while_small_requests_go_on() {
    let env = Env::init();
    let server = Server::start_with(
        &env,
        &["--max-body-memory", "1", "--request-timeout", "3600"],
    );
    // Each holds 400 KiB (and 16 KiB of connection buffers) of the 1 MiB budget: two fit,
    // one of the three is refused at once.
    let mut holders: Vec<TcpStream> = (0..3)
        .map(|_| stalled_body(&server, 400 * 1024, 100 * 1024))
        .collect();
    let deadline = Instant::now() + GENEROUS;
    let refused = 'found: loop {
        for (i, h) in holders.iter_mut().enumerate() {
            h.set_nonblocking(true).unwrap();
            let mut buf = [0u8; 4096];
            if let Ok(n) = h.read(&mut buf)
                && n > 0
            {
                break 'found (i, String::from_utf8_lossy(&buf[..n]).into_owned());
            }
        }
        assert!(Instant::now() < deadline, "no body was refused");
        std::thread::sleep(Duration::from_millis(20));
    };
    let (i, answer) = refused;
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("retry-after: 1"),
        "{answer}"
    );
    assert!(answer.contains("--max-body-memory"), "{answer}");
    // Small bodies are not charged: a request goes on being answered (here, refused for
    // its missing signature, not for memory).
    let quick = Duration::from_secs(10);
    let small = ask(
        &server,
        "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: secretsmanager.ListSecrets\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
        quick,
    );
    assert!(
        small.contains("MissingAuthenticationTokenException"),
        "{small}"
    );
    // Once the holders go, their memory is free for the next large body.
    holders.remove(i);
    drop(holders);
    let body = "a".repeat(500 * 1024);
    let deadline = Instant::now() + GENEROUS;
    loop {
        let large = ask(
            &server,
            &format!(
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ),
            quick,
        );
        if large.contains("MissingAuthenticationTokenException") {
            break;
        }
        assert!(large.starts_with("HTTP/1.1 503"), "{large}");
        assert!(Instant::now() < deadline, "the budget was never given back");
    }
}

#[test]
fn after_bursts_of_large_bodies_the_memory_goes_back_to_the_system() {
    let env = Env::init();
    let server = Server::start_with(&env, &["--request-timeout", "3600"]);
    let idle = rss_kib(&server);
    let mut peak = idle;
    // Two bursts of 100 bodies of 500 KiB held half-sent (about 48 MiB of the 64 MiB
    // budget): the second one's buffers come from the heap the first one's left free.
    for _ in 0..2 {
        let holders: Vec<TcpStream> = (0..100)
            .map(|_| stalled_body(&server, 510 * 1024, 500 * 1024))
            .collect();
        let deadline = Instant::now() + GENEROUS;
        while rss_kib(&server) < idle + 40 * 1024 {
            assert!(
                Instant::now() < deadline,
                "the bodies never arrived: {} KiB",
                rss_kib(&server)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        peak = peak.max(rss_kib(&server));
        drop(holders);
        // Each closed holder's body gives its share back before the next burst comes: a
        // body that arrived while the last burst's were still held would be refused (503)
        // and never be buffered.
        let deadline = Instant::now() + GENEROUS;
        while rss_kib(&server) > idle + 16 * 1024 {
            assert!(
                Instant::now() < deadline,
                "the burst's memory never came back: {} KiB",
                rss_kib(&server)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(ask(&server, PING, GENEROUS).ends_with("healthy"));
    }
    // The serve budget: 20 MB + 3x the plaintext (a few hundred bytes here), within a few
    // seconds of the bursts ending.
    let budget = 20 * 1024;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = rss_kib(&server);
        if now < budget {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "RSS still {now} KiB 10 s after the bursts (idle {idle}, peak {peak}; budget {budget})"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn sigterm_with_stalled_clients_stops_accepting_at_once_and_exits_0_after_the_grace_period() {
    let Some(py) = python() else { return };
    let env = Env::init();
    let mut server = Server::start_with(
        &env,
        &["--shutdown-timeout", "2", "--request-timeout", "3600"],
    );
    let mut writer = server.python(&env, &py, "Writer");
    let stdout = writer.stdout.take().unwrap();
    let (tx, acks) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if let Some(name) = line.strip_prefix("ack ") {
                let _ = tx.send(name.to_string());
            }
        }
    });
    let mut acked = Vec::new();
    while acked.len() < 5 {
        acked.push(
            acks.recv_timeout(GENEROUS)
                .expect("the writer acknowledges writes"),
        );
    }
    // A body a minute ahead of the minimum rate, an hour before its deadline; and an
    // idle connection.
    let _stalled = stalled_body(&server, 510 * 1024, 500 * 1024);
    let _idle = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    support::serve::signal(&server.child, "TERM");
    let signalled = Instant::now();
    // New connections are refused while the stalled one is still being waited for.
    loop {
        match TcpStream::connect(("127.0.0.1", server.port())) {
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => break,
            _ => {
                assert!(
                    server.child.try_wait().unwrap().is_none(),
                    "exited before refusing"
                );
                assert!(signalled.elapsed() < GENEROUS, "still accepting");
            }
        }
    }
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            signalled.elapsed() < GENEROUS,
            "still running {GENEROUS:?} after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    let _ = writer.wait();
    acked.extend(acks.try_iter());
    let vault = env.load();
    for name in &acked {
        assert!(
            support::secret(&vault, name).is_some(),
            "{name} was acknowledged, then lost"
        );
    }
    assert!(env.temp_files().is_empty(), "{:?}", env.temp_files());
}

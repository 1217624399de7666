//! `smvault serve` against clients that try to stall, exhaust or stop it, as real processes
//! over real sockets: stalled and slow bodies, too many connections, the body budget,
//! SIGTERM with a stalled client; and the smaller things issue 17 found: a stale read after
//! a same-size rewrite with the mtime put back, forged log lines, a malformed body's status.
//! Small limits (`--request-timeout`, `--max-connections`, ...) keep each test to seconds.

mod support;

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

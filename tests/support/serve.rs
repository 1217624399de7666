//! `smvault serve` as a real process for the serve tests: a server on a free loopback port
//! with a fresh vault, its log, raw HTTP exchanges, and the Python venv for boto3 tests.
//!
//! The venv is made when missing; where it cannot be (no PyPI) the SDK tests print a line
//! and pass, except in CI (`CI` set), where they fail.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use super::{Env, bin};

pub fn python() -> Option<PathBuf> {
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
pub struct Server {
    pub child: Child,
    pub url: String,
    pub log: Arc<Mutex<Vec<String>>>,
    pub lines: mpsc::Receiver<String>,
}

impl Server {
    pub fn start(env: &Env) -> Server {
        Server::start_with(env, &[])
    }

    /// A server started with further `serve` options.
    pub fn start_with(env: &Env, extra: &[&str]) -> Server {
        Server::from_command(
            env.command(
                &bin(),
                ["serve", "--listen", "127.0.0.1:0", "--log"]
                    .iter()
                    .chain(extra),
            ),
        )
    }

    /// A server from a command of one's own (a wrapper, further environment), which must
    /// run `smvault serve --listen 127.0.0.1:0`.
    pub fn from_command(mut command: Command) -> Server {
        let mut child = command
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

    pub fn port(&self) -> u16 {
        self.url.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// The `export` lines of `serve --print-env`, as (name, value) pairs.
    pub fn sdk_env(&self, env: &Env) -> Vec<(String, String)> {
        let listen = format!("127.0.0.1:{}", self.port());
        let out = env.ok(&bin(), ["serve", "--print-env", "--listen", &listen]);
        out.lines()
            .filter_map(|l| l.strip_prefix("export "))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.trim_matches('\'').to_string()))
            .collect()
    }

    /// Runs one group of tests/py/test_serve.py against this server.
    pub fn python(&self, env: &Env, py: &Path, group: &str) -> Child {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/test_serve.py");
        let mut cmd = env.command(py, [script.as_os_str(), group.as_ref()]);
        cmd.envs(self.sdk_env(env))
            .env("SMVAULT_BIN", bin())
            .env("SMVAULT_TMP", env.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd.spawn().expect("python runs")
    }

    pub fn stop(mut self) -> std::process::ExitStatus {
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

pub fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

/// Runs a python group to the end and asserts it passed.
pub fn python_group(group: &str) {
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

/// A raw HTTP/1.1 exchange, for what no SDK sends.
pub fn raw(server: &Server, request: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

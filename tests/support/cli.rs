//! The harness of the tests about what a command prints: one fresh folder per test with
//! its own vault and identity, the environment of the conformance harness (the caller's
//! AWS_* and SMVAULT_* removed, then region, TZ and HOME set), and exact-output helpers.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub use super::BIN;

/// A fixed instant for tests that print timestamps (whole milliseconds, so the
/// ISO form has a fraction).
pub const NOW: &str = "2024-01-02T03:04:05.678Z";

/// The debug-build test hooks (SMVAULT_TEST_NOW, _SEED, ...) exist only when the
/// binary was built with debug assertions, which is when this test crate is.
pub fn hooks() -> bool {
    cfg!(debug_assertions)
}

/// The stderr of a service error, exactly as AWS CLI v2 (>= 2.34) prints it.
pub fn service_error(op: &str, code: &str, message: &str) -> String {
    format!(
        "\nsmvault: [ERROR]: An error occurred ({code}) when calling the {op} operation: {message}\n"
    )
}

/// The stderr of a client-side (botocore) parameter validation failure.
pub fn param_validation(message: &str) -> String {
    format!("\nsmvault: [ERROR]: An error occurred (ParamValidation): {message}\n")
}

pub const NOT_FOUND: &str = "Secrets Manager can't find the specified secret.";
pub const MARKED_FOR_DELETION: &str =
    "You can't perform this operation on the secret because it was marked for deletion.";
pub const INVALID_NAME: &str = "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!";

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout_bytes: Vec<u8>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Exit 0, nothing on stderr; returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(
            self.code, 0,
            "{:?} failed:\nstdout: {}\nstderr: {}",
            self.args, self.stdout, self.stderr
        );
        assert_eq!(self.stderr, "", "{:?} wrote to stderr", self.args);
        &self.stdout
    }

    /// The exit code, an empty stdout and exactly this stderr.
    pub fn fails_with(&self, code: i32, stderr: &str) {
        self.fails(code);
        assert_eq!(self.stderr, stderr, "stderr of {:?}", self.args);
    }

    /// The exit code and an empty stdout; returns stderr.
    pub fn fails(&self, code: i32) -> &str {
        assert_eq!(
            self.code, code,
            "exit code of {:?}\nstdout: {}\nstderr: {}",
            self.args, self.stdout, self.stderr
        );
        assert!(
            self.stdout_bytes.is_empty(),
            "stdout of failed {:?} is not empty: {:?}",
            self.args,
            self.stdout
        );
        &self.stderr
    }

    /// The exit code, an empty stdout and a stderr starting with `prefix`.
    pub fn fails_starting(&self, code: i32, prefix: &str) {
        let stderr = self.fails(code);
        assert!(
            stderr.starts_with(prefix),
            "stderr of {:?}:\n{stderr:?}\ndoes not start with\n{prefix:?}",
            self.args
        );
    }

    /// The parsed JSON of stdout (after checking success).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok()).unwrap_or_else(|e| {
            panic!(
                "stdout of {:?} is not JSON ({e}): {}",
                self.args, self.stdout
            )
        })
    }
}

/// One test's world: a temporary folder holding the vault, the identity and HOME.
pub struct Env {
    dir: tempfile::TempDir,
    extra: Vec<(String, String)>,
}

impl Env {
    /// A fresh folder where `smvault init` has run.
    pub fn new() -> Env {
        let env = Env::bare();
        let init = env.run(&["init"]);
        assert_eq!(init.code, 0, "init failed: {}", init.stderr);
        env
    }

    /// A fresh folder, nothing created yet.
    pub fn bare() -> Env {
        Env {
            dir: tempfile::tempdir().expect("a temporary folder"),
            extra: Vec::new(),
        }
    }

    /// Adds an environment variable to every later run.
    pub fn with(mut self, name: &str, value: &str) -> Env {
        self.extra.push((name.into(), value.into()));
        self
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn vault(&self) -> PathBuf {
        self.path("vault.age")
    }

    pub fn identity(&self) -> PathBuf {
        self.path("identity.txt")
    }

    pub fn vault_bytes(&self) -> Vec<u8> {
        std::fs::read(self.vault()).expect("the vault exists")
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write a test file");
        p
    }

    /// The binary (or `program`, e.g. a link to it) with this test's environment:
    /// everything AWS_*/SMVAULT_* of the caller removed, then the harness contract.
    pub fn command_for(&self, program: &Path) -> Command {
        let mut cmd = Command::new(program);
        for (name, _) in std::env::vars_os() {
            let n = name.to_string_lossy();
            if n.starts_with("AWS_") || n.starts_with("SMVAULT_") {
                cmd.env_remove(&name);
            }
        }
        cmd.env_remove("TZ")
            .env("SMVAULT_FILE", self.vault())
            .env("SMVAULT_AGE_KEY_FILE", self.identity())
            .env("HOME", self.dir())
            .env("AWS_REGION", "us-east-1")
            .env("TZ", "UTC")
            .current_dir(self.dir());
        for (k, v) in &self.extra {
            cmd.env(k, v);
        }
        cmd
    }

    pub fn command(&self) -> Command {
        self.command_for(Path::new(BIN))
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(&[], args)
    }

    /// Runs with extra environment variables for this run only.
    pub fn run_with(&self, vars: &[(&str, &str)], args: &[&str]) -> Run {
        let mut cmd = self.command();
        for (k, v) in vars {
            cmd.env(k, v);
        }
        finish(cmd, args)
    }

    /// Runs `program` (e.g. a link named `aws`) in this environment.
    pub fn run_program(&self, program: &Path, args: &[&str]) -> Run {
        finish(self.command_for(program), args)
    }

    /// Runs and requires success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        self.run(args).ok().to_string()
    }

    /// `create-secret --name <name> --secret-string <value>`; returns the response.
    pub fn create(&self, name: &str, value: &str) -> serde_json::Value {
        self.run(&["create-secret", "--name", name, "--secret-string", value])
            .json()
    }

    /// Runs a command that must fail with `code` and exactly `stderr`, print nothing
    /// on stdout and leave the vault file byte for byte as it was.
    pub fn fails_unchanged(&self, args: &[&str], code: i32, stderr: &str) {
        let before = self.vault_bytes();
        self.run(args).fails_with(code, stderr);
        assert!(
            before == self.vault_bytes(),
            "the failed {args:?} changed the vault"
        );
    }

    /// As [`Env::fails_unchanged`], for a stderr known only by its start.
    pub fn fails_unchanged_starting(&self, args: &[&str], code: i32, prefix: &str) {
        let before = self.vault_bytes();
        self.run(args).fails_starting(code, prefix);
        assert!(
            before == self.vault_bytes(),
            "the failed {args:?} changed the vault"
        );
    }
}

fn finish(mut cmd: Command, args: &[&str]) -> Run {
    let out = cmd.args(args).output().expect("the binary runs");
    Run {
        args: args.iter().map(|s| s.to_string()).collect(),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stdout_bytes: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

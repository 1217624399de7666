//! The one support module of the integration tests. Each test binary (a folder under
//! tests/ with a `main.rs`) includes it as `#[path = "../support/mod.rs"] mod support;`.
//!
//! - Here: the binaries to run, a hermetic [`Env`] (the environment cleared, HOME inside a
//!   temp dir, the vault readable and writable through the library) for the reliability
//!   and serve tests, and helpers on outputs, files and bytes.
//! - [`cli`]: the conformance harness's environment (`cli::Env`, `cli::Run`), with the
//!   exact-output assertions of tests about what a command prints.
//! - [`serve`]: `smvault serve` as a process, raw HTTP and the Python venv.

// Each test binary compiles this module on its own and uses only part of it.
#![allow(dead_code)]

pub mod cli;
pub mod serve;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use smvault::core::model::{AWSCURRENT, AWSPREVIOUS, Secret, SecretValue, Vault};
use smvault::vault::{Store, keys};

/// The binary cargo built for this test run: the release one under `cargo test --release`,
/// which is what ships, so tests that need no test hook run against it.
pub const BIN: &str = env!("CARGO_BIN_EXE_smvault");

/// [`BIN`] as a path.
pub fn bin() -> PathBuf {
    PathBuf::from(BIN)
}

/// A binary with the test hooks (`SMVAULT_TEST_*`), which only debug builds read.
/// Under `cargo test` that is [`bin`]; under `cargo test --release` the debug binary is
/// built here with the same cargo, once per test process (a no-op when it is up to date),
/// with `smvault-remote` beside it, which its push and pull become.
pub fn debug_bin() -> PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        if cfg!(debug_assertions) {
            return bin();
        }
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| env!("CARGO").into());
        let started = std::time::Instant::now();
        let out = Command::new(cargo)
            .args(["build", "--bins", "--message-format=json"])
            .arg("--manifest-path")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .stderr(Stdio::inherit())
            .output()
            .expect("cargo runs");
        assert!(
            out.status.success(),
            "building the debug binary for the test hooks failed"
        );
        let exe = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "smvault")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the smvault executable");
        eprintln!(
            "debug binary for the test hooks: {} (cargo build took {:.1} s)",
            exe.display(),
            started.elapsed().as_secs_f64()
        );
        exe
    })
    .clone()
}

/// A fresh directory holding a vault, its identity and a HOME, so nothing a command
/// writes can land outside it (the canary test scans all of it).
pub struct Env {
    pub dir: tempfile::TempDir,
    pub vault: PathBuf,
    pub identity: PathBuf,
    pub home: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().join("home");
        std::fs::create_dir(&home).unwrap();
        Env {
            vault: dir.path().join("vault.age"),
            identity: dir.path().join("identity.txt"),
            home,
            dir,
        }
    }

    /// A new empty vault and identity (`smvault init`).
    pub fn init() -> Env {
        let env = Env::new();
        env.ok(&bin(), ["init"]);
        env
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `program args` with only this environment's settings: no SMVAULT_*, AWS_* or
    /// XDG_* variable of the developer's leaks in, and HOME is inside the temp dir.
    pub fn command<I, S>(&self, program: &Path, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new(program);
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("SMVAULT_FILE", &self.vault)
            .env("SMVAULT_AGE_KEY_FILE", &self.identity)
            .stdin(Stdio::null());
        cmd
    }

    pub fn run<I, S>(&self, program: &Path, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command(program, args).output().expect("spawn smvault")
    }

    /// Runs and asserts success; returns stdout.
    pub fn ok<I, S>(&self, program: &Path, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<_> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        let out = self.run(program, &args);
        assert!(
            out.status.success(),
            "{args:?} failed with {}:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// The vault as the library reads it: the canonical form states are compared in.
    pub fn load(&self) -> Vault {
        self.try_load().expect("the vault opens")
    }

    pub fn try_load(&self) -> Result<Vault, String> {
        let id = keys::read_identity(&self.identity).map_err(|e| e.to_string())?;
        Store::new(self.vault.clone(), id)
            .load::<Vault>()
            .map_err(|e| e.to_string())?
            .ok_or_else(|| "no vault file".to_string())
    }

    /// Saves `vault` through the library, under the writers' lock.
    pub fn save(&self, vault: &Vault) {
        let id = keys::read_identity(&self.identity).unwrap();
        let store = Store::new(self.vault.clone(), id);
        let guard = store.lock(Duration::from_secs(10)).unwrap();
        store.save(&guard, vault).unwrap();
    }

    /// Names of this vault's temp files (`.<vault>.tmp-*`, beside it), which no finished
    /// write leaves.
    pub fn temp_files(&self) -> Vec<String> {
        let prefix = smvault::vault::atomic::temp_prefix(&self.vault);
        names_in(self.vault.parent().unwrap())
            .into_iter()
            .filter(|n| n.starts_with(&prefix))
            .collect()
    }

    /// Whether the writers' lock is free right now (a killed writer must not hold it).
    pub fn lock_is_free(&self) -> bool {
        smvault::vault::lock::acquire(&self.vault, Duration::ZERO).is_ok()
    }
}

/// The names in `dir` (not below it), sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file below `dir`, with its bytes.
pub fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            out.extend(all_files(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    out
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A JSON response's field, e.g. the VersionId a write returned.
pub fn field(stdout: &str, name: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(stdout).expect("JSON response");
    v[name].as_str().unwrap_or_default().to_string()
}

pub fn secret<'a>(vault: &'a Vault, name: &str) -> Option<&'a Secret> {
    vault.secrets.iter().find(|s| s.name == name)
}

/// The string value staged as `stage` (AWSCURRENT, AWSPREVIOUS) on a secret.
pub fn staged(secret: &Secret, stage: &str) -> Option<String> {
    let v = secret.versions.iter().find(|v| v.has_stage(stage))?;
    match &v.value {
        Some(SecretValue::String(s)) => Some(s.clone()),
        _ => None,
    }
}

pub fn current(secret: &Secret) -> Option<String> {
    staged(secret, AWSCURRENT)
}

pub fn previous(secret: &Secret) -> Option<String> {
    staged(secret, AWSPREVIOUS)
}

/// Whether `haystack` contains `needle` anywhere (files and outputs are bytes).
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether the file at `path` holds `text` anywhere (a binary: what it links).
pub fn file_has(path: &Path, text: &str) -> bool {
    contains(
        &std::fs::read(path).expect("readable file"),
        text.as_bytes(),
    )
}

/// A copy of the `smvault` binary alone in a folder of `env`: without the binaries
/// (smvault-serve, smvault-remote) it hands commands to.
pub fn lone_smvault(env: &Env) -> PathBuf {
    let lone = env.path().join("lone/smvault");
    std::fs::create_dir(lone.parent().expect("in a folder")).unwrap();
    std::fs::copy(bin(), &lone).unwrap();
    lone
}

/// Whether this process runs as root (read from /proc, so no libc is needed).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(2))
            == Some("0")
    })
}

/// A small deterministic generator (splitmix64): enough for kill timings and
/// unique names, and the seed can be printed to replay a failure.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// Seeded from `var` if set, else from the clock; prints the seed either way.
    pub fn from_env(var: &str) -> Rng {
        let seed = std::env::var(var)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        eprintln!("{var}={seed}");
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// Creates the secret `app/db` in `env`'s vault with a new [`canary`] as its value, which
/// it returns.
pub fn canary_secret(env: &Env, tag: &str) -> String {
    let secret = canary(tag);
    env.ok(
        &bin(),
        [
            "create-secret",
            "--name",
            "app/db",
            "--secret-string",
            &secret,
        ],
    );
    secret
}

/// A value no command output or file should contain by chance.
pub fn canary(tag: &str) -> String {
    let mut rng = Rng::new(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            ^ u64::from(std::process::id()),
    );
    format!("CANARY-{tag}-{:016x}", rng.next_u64())
}

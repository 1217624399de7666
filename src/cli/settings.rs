//! Where the vault and identity are, which region and output, and the test hooks:
//! the CLI's only place that reads the command line, the environment and the clock
//! (clippy.toml's `disallowed-methods` holds every other place to it). What the service
//! layer needs is its [`Env`]; the rest is presentation.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::ArgMatches;
use zeroize::Zeroizing;

use crate::core::model::{DAY_MS, Millis};
use crate::service::{CrashPoint, Env, IdentitySource};

#[derive(Clone)]
pub struct Settings {
    /// What the service layer runs the operation with.
    pub env: Env,
    pub output: String,
    pub query: Option<String>,
    pub raw_binary: bool,
    pub color: bool,
    pub no_paginate: bool,
    /// SMVAULT_AUDIT_LOG: the audit log each operation appends its line to.
    pub audit_log: Option<PathBuf>,
}

/// The process's arguments, `argv[0]` first.
#[allow(
    clippy::disallowed_methods,
    reason = "settings.rs is where the CLI reads its command line"
)]
pub fn argv() -> Vec<OsString> {
    std::env::args_os().collect()
}

/// A variable of the environment as text; `None` when unset or not UTF-8.
#[allow(
    clippy::disallowed_methods,
    reason = "settings.rs is where the CLI reads the environment"
)]
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// A variable of the environment as the OS holds it (UTF-8 or not).
#[allow(
    clippy::disallowed_methods,
    reason = "settings.rs is where the CLI reads the environment"
)]
fn var_os(name: &str) -> Option<OsString> {
    std::env::var_os(name)
}

/// The wall clock, in epoch milliseconds.
#[allow(
    clippy::disallowed_methods,
    reason = "settings.rs is where the CLI reads the clock; `now` adds the test hooks"
)]
fn clock() -> Millis {
    chrono::Utc::now().timestamp_millis()
}

fn env(name: &str) -> Option<String> {
    var(name).filter(|v| !v.is_empty())
}

/// A path from the environment, which need not be UTF-8: `env` would drop such a
/// value and silently fall back to the default vault or identity.
fn env_path(name: &str) -> Option<PathBuf> {
    var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// Test hooks exist only in debug builds, so a release binary can never be
/// made to produce predictable passwords or skip its lock.
pub(crate) fn test_env(name: &str) -> Option<String> {
    if cfg!(debug_assertions) {
        env(name)
    } else {
        None
    }
}

/// A test hook's value as the OS holds it, in debug builds only (set but empty counts).
pub(crate) fn test_env_os(name: &str) -> Option<OsString> {
    var_os(name).filter(|_| cfg!(debug_assertions))
}

/// The time now: the clock, or in debug builds the test hooks' fixed time
/// (SMVAULT_TEST_NOW) moved on by SMVAULT_TEST_ADVANCE_DAYS. `serve` reads it too, for
/// every request (its signature's time included).
pub fn now() -> Millis {
    let mut now = test_env("SMVAULT_TEST_NOW")
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| t.timestamp_millis())
        .unwrap_or_else(clock);
    if let Some(days) = test_env("SMVAULT_TEST_ADVANCE_DAYS").and_then(|d| d.parse::<i64>().ok()) {
        now += days * DAY_MS;
    }
    now
}

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "smvault")
}

impl Settings {
    pub fn resolve(m: &ArgMatches) -> Settings {
        let get = |id: &str| m.get_one::<String>(id).cloned();
        let vault_path = get("vault")
            .map(PathBuf::from)
            .or_else(|| env_path("SMVAULT_FILE"))
            .or_else(|| dirs().map(|d| d.data_dir().join("vault.age")))
            .unwrap_or_else(|| PathBuf::from("vault.age"));
        let identity = if let Some(p) = get("identity")
            .map(PathBuf::from)
            .or_else(|| env_path("SMVAULT_AGE_KEY_FILE"))
        {
            IdentitySource::File(p)
        } else if let Some(text) = var_os("SMVAULT_AGE_KEY") {
            // Set but empty is a mistake to report, not "unset": that would quietly
            // create a new identity.
            IdentitySource::Text(Zeroizing::new(text.to_string_lossy().into_owned()))
        } else {
            IdentitySource::File(
                dirs()
                    .map(|d| d.config_dir().join("identity.txt"))
                    .unwrap_or_else(|| PathBuf::from("identity.txt")),
            )
        };
        let region = get("region")
            .or_else(|| env("AWS_REGION"))
            .or_else(|| env("AWS_DEFAULT_REGION"));
        let output = get("output")
            .or_else(|| env("AWS_DEFAULT_OUTPUT"))
            .unwrap_or_else(|| "json".into());
        let color = match m.get_one::<String>("color").map(String::as_str) {
            Some("on") => true,
            Some("off") | None => false,
            // auto: colour only on a terminal (and only tables use it).
            Some(_) => std::io::IsTerminal::is_terminal(&std::io::stdout()),
        };
        let env = Env {
            vault_path,
            identity,
            region,
            debug: m.get_flag("debug"),
            now: now(),
            lock_timeout: Duration::from_secs(
                test_env("SMVAULT_TEST_LOCK_TIMEOUT")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(10),
            ),
            functions_dir: Settings::functions_dir(),
            ask_passphrase: |what| super::passphrase::ask(what, false),
            seed: test_env("SMVAULT_TEST_SEED").and_then(|s| s.parse().ok()),
            crash_at: test_env("SMVAULT_TEST_CRASH_AT").and_then(|s| CrashPoint::parse(&s)),
            no_lock: test_env("SMVAULT_TEST_NO_LOCK").is_some(),
            cache: None,
            acting: None,
            arrival: None,
        };
        Settings {
            env,
            output,
            query: get("query"),
            raw_binary: m.get_one::<String>("cli-binary-format").map(String::as_str)
                == Some("raw-in-base64-out"),
            color,
            no_paginate: m.get_flag("no-paginate"),
            audit_log: env_path("SMVAULT_AUDIT_LOG"),
        }
    }

    /// Width for tables: the terminal's, or 80 when stdout is not a terminal, as the AWS CLI does.
    pub fn table_width(&self) -> usize {
        // The AWS CLI asks stdout itself (TIOCGWINSZ) and ignores COLUMNS; a terminal that
        // reports no size counts as none.
        #[cfg(unix)]
        if let Ok(size) = rustix::termios::tcgetwinsize(std::io::stdout())
            && size.ws_col > 0
        {
            return usize::from(size.ws_col);
        }
        80
    }

    /// push/pull's attempts per call: AWS_MAX_ATTEMPTS as the SDKs read it, else 8.
    #[cfg(feature = "aws")]
    pub fn max_attempts() -> u32 {
        env("AWS_MAX_ATTEMPTS")
            .and_then(|n| n.parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or(8)
    }

    /// A variable of the environment as text (unset or not UTF-8: `None`), for `$VAR` in
    /// `file://` paths and the SDK's settings.
    pub fn env_lookup(name: &str) -> Option<String> {
        var(name)
    }

    /// Whether the environment sets `name` (to anything, even empty or not UTF-8).
    pub fn env_has(name: &str) -> bool {
        var_os(name).is_some()
    }

    /// SMVAULT_PASSPHRASE, when set (even empty): a protected identity's passphrase.
    pub fn passphrase() -> Option<Zeroizing<String>> {
        var_os("SMVAULT_PASSPHRASE").map(|p| Zeroizing::new(p.to_string_lossy().into_owned()))
    }

    pub fn home() -> Option<String> {
        env("HOME")
    }

    /// `serve`'s settings from a container's environment (read in [`super::serve_env`]).
    pub fn serve_vars() -> super::serve_env::Vars {
        super::serve_env::Vars {
            listen: var_os("SMVAULT_LISTEN"),
            seed_dir: var_os("SMVAULT_SEED_DIR"),
            principals_file: var_os("SMVAULT_PRINCIPALS_FILE"),
            allow_remote: var_os("SMVAULT_ALLOW_REMOTE"),
            access_key_id: var_os("SMVAULT_ACCESS_KEY_ID"),
            // Not UTF-8 turns into U+FFFD, which the key's alphabet refuses.
            secret_access_key: var_os("SMVAULT_SECRET_ACCESS_KEY")
                .map(|v| Zeroizing::new(v.to_string_lossy().into_owned())),
        }
    }

    /// The AWS config and credentials files as the SDKs find them: AWS_CONFIG_FILE and
    /// AWS_SHARED_CREDENTIALS_FILE, else `~/.aws/config` and `~/.aws/credentials`
    /// (`None` without a HOME to put them in).
    pub fn aws_files() -> Option<(PathBuf, PathBuf)> {
        let home = env_path("HOME");
        let pick = |var: &str, name: &str| {
            // botocore expands a leading `~` in these variables.
            let given = env_path(var).map(|p| match (p.strip_prefix("~"), &home) {
                (Ok(rest), Some(h)) => h.join(rest),
                _ => p,
            });
            given.or_else(|| home.as_ref().map(|h| h.join(".aws").join(name)))
        };
        Some((
            pick("AWS_CONFIG_FILE", "config")?,
            pick("AWS_SHARED_CREDENTIALS_FILE", "credentials")?,
        ))
    }

    /// Where rotation functions live: SMVAULT_FUNCTIONS_DIR, else `<config dir>/functions`.
    pub fn functions_dir() -> PathBuf {
        env_path("SMVAULT_FUNCTIONS_DIR")
            .or_else(|| dirs().map(|d| d.config_dir().join("functions")))
            .unwrap_or_else(|| PathBuf::from("functions"))
    }
}

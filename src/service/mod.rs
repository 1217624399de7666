//! Runs an operation against the vault in a transaction, for every edge (the CLI, the server):
//! what a request needs besides its parameters ([`Env`]) and what can go wrong ([`Error`]).

pub mod git_merge;
pub mod notice;
pub mod recipients;
pub mod rotate;
pub mod txn;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use rand::SeedableRng;
use rand::rngs::StdRng;
use zeroize::Zeroizing;

use crate::core::ctx::Ctx;
use crate::core::error::ServiceError;
use crate::core::model::Millis;
use crate::vault::{CrashPoint, VaultError};

pub const DEFAULT_REGION: &str = "us-east-1";

#[derive(Clone)]
pub enum IdentitySource {
    File(PathBuf),
    /// The key text itself, from SMVAULT_AGE_KEY.
    Text(Zeroizing<String>),
    /// An identity already read (a server reads it once, passphrase and all).
    Key(Arc<crate::vault::Identity>),
}

/// Asks for the passphrase of a protected identity file named by its argument.
pub type AskPassphrase = fn(&str) -> Result<Zeroizing<String>, VaultError>;

/// Everything an operation needs from outside the request: the edge fills it in
/// (the CLI from argv and the environment, the server once plus the clock per request).
#[derive(Clone)]
pub struct Env {
    pub vault_path: PathBuf,
    pub identity: IdentitySource,
    /// From --region, the environment or the request's signature; `None` lets the
    /// vault's default decide.
    pub region: Option<String>,
    /// Extra diagnostics on stderr.
    pub debug: bool,
    pub now: Millis,
    pub lock_timeout: Duration,
    /// Where rotation functions live.
    pub functions_dir: PathBuf,
    pub ask_passphrase: AskPassphrase,
    /// Debug builds only: a fixed RNG seed (predictable passwords and ids in tests).
    pub seed: Option<u64>,
    /// Debug builds only: abort a write at this point (crash tests).
    pub crash_at: Option<CrashPoint>,
    /// Debug builds only: skip the writers' lock (proves the concurrency test can fail).
    pub no_lock: bool,
}

impl Env {
    /// The context the core runs in; the region is settled once the vault is read.
    pub fn ctx(&self, region: &str) -> Ctx {
        let rng = match self.seed {
            Some(seed) => StdRng::seed_from_u64(seed),
            None => rand::make_rng(),
        };
        Ctx::new(self.now, region, rng)
    }
}

/// Why an operation failed; each edge maps it to its own form (an exit code, an HTTP answer).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A service error from the core, for operation `op` (API name).
    #[error("An error occurred ({}) when calling the {op} operation: {err}", err.code.as_str())]
    Service { op: &'static str, err: ServiceError },
    /// A request the operation cannot take (the CLI validates first; the server may not).
    #[error("An error occurred (ParamValidation): {0}")]
    ParamValidation(String),
    /// Identity or vault problems.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The vault exists but the identity it was encrypted to does not: only a backup can
    /// help (a new identity, as `smvault init` would make, cannot open it).
    #[error(
        "no age identity at {}\n  hint: the vault {} was encrypted to this identity; it is missing and must be restored from your backup (or point SMVAULT_AGE_KEY_FILE or --identity at it)",
        identity.display(),
        vault.display()
    )]
    IdentityLost { identity: PathBuf, vault: PathBuf },
    /// Anything else (a rotation function that failed, I/O).
    #[error("{0}")]
    General(String),
}

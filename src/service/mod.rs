//! Runs an operation against the vault in a transaction, for every edge (the CLI, the server):
//! the one way in ([`execute`], [`run`]), what a request needs besides its parameters
//! ([`Env`]) and what can go wrong ([`Error`]).

pub mod access;
pub mod audit;
pub mod git_merge;
pub mod init;
pub mod looks;
pub mod notice;
pub mod principals;
pub mod recipients;
pub mod rotate;
pub mod serving;
pub mod txn;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

use rand::SeedableRng;
use rand::rngs::StdRng;
use serde_json::Value;
use zeroize::Zeroizing;

use crate::core::ctx::Ctx;
use crate::core::error::ServiceError;
use crate::core::model::Millis;
pub use crate::core::ops::{Access, Operation};
use crate::core::stored::Layout;
use crate::vault::{FileId, Store, keys};
use crate::wipe::WipedBytes;
// Types of the service's own interface that the vault crate defines: a vault's errors
// reach the edges inside [`Error::Vault`], and a crash point is a field of [`Env`]. The
// edges name them here: they never reach the vault itself.
pub use crate::vault::{CrashPoint, VaultError};

pub const DEFAULT_REGION: &str = "us-east-1";

/// The operation with API name `name` (e.g. `GetSecretValue`), RotateSecret included;
/// `None` when the API has no such operation.
pub fn operation(name: &str) -> Option<&'static Operation> {
    crate::core::ops::lookup(name)
}

/// The way in for every edge and every operation: the model's checks first (a request
/// they refuse reads and changes nothing), then the transaction the operation's access
/// needs; RotateSecret's function runs between its transactions. Answers as the API
/// shapes it. A server's fast paths keep to the same rules: [`txn::execute_quick`] for
/// a warm read, [`txn::write_batch`] to commit writes together.
pub fn execute(op: &'static Operation, request: Value, env: &Env) -> Result<Value, Error> {
    txn::execute(op, request, env)
}

/// [`execute`] by API name.
pub fn run(name: &str, request: Value, env: &Env) -> Result<Value, Error> {
    let op = operation(name)
        .ok_or_else(|| Error::General(format!("internal: no operation named {name}")))?;
    execute(op, request, env)
}

#[derive(Clone)]
pub enum IdentitySource {
    File(PathBuf),
    /// The key text itself, from SMVAULT_AGE_KEY.
    Text(Zeroizing<String>),
    /// An identity already read (a server reads it once, passphrase and all).
    Key(Arc<crate::vault::Identity>),
}

/// Asks for the passphrase of a protected identity file named by its argument.
pub type AskPassphrase = fn(&str) -> Result<Zeroizing<String>, NoPassphrase>;

/// Why an edge has no passphrase to give for a protected identity.
#[derive(Debug)]
pub enum NoPassphrase {
    /// None can be had; the reason says why (no terminal to ask on, two that differ).
    Refused(String),
    /// Reading it from this file (the terminal) failed.
    Unreadable {
        from: PathBuf,
        source: std::io::Error,
    },
}

impl NoPassphrase {
    /// The error of the identity `what` that this passphrase was to unlock.
    fn for_identity(self, what: &str) -> VaultError {
        match self {
            NoPassphrase::Refused(reason) => VaultError::Passphrase {
                source_name: what.to_string(),
                reason,
            },
            NoPassphrase::Unreadable { from, source } => {
                VaultError::io("cannot read the passphrase from", from, source)
            }
        }
    }
}

/// Writes a file only its owner can read (mode 0600 whatever an old file's mode was),
/// replaced atomically as the vault is: for an edge's output that holds secret values.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    Ok(crate::vault::atomic::write_private(path, bytes)?)
}

/// Creates the directory that will hold `file`, if missing, readable by its owner only.
pub fn create_private_dir(file: &Path) -> Result<(), Error> {
    Ok(crate::vault::create_private_dir(file)?)
}

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
    /// A long-running edge's decrypted copy of the vault, for reads.
    pub cache: Option<Arc<ReadCache>>,
    /// Who a server's request acts as, and what its checks decided; `None` for the CLI,
    /// which is the vault's owner and never restricted.
    pub acting: Option<Arc<access::Acting>>,
    /// When a server's request was received whole: it may share a look at the vault
    /// file begun after that ([`looks`]); `None` looks for itself.
    pub arrival: Option<looks::Arrival>,
}

/// The decrypted vault as of one version of the file, for a server's reads: used only
/// while the file's identity (device, inode, size, modification and change times) is
/// unchanged, so never stale; wiped when replaced or dropped.
#[derive(Default)]
pub struct ReadCache {
    held: RwLock<Option<(FileId, Arc<Cached>)>>,
    /// Resource policies parsed, by their text (`None`: one the evaluation cannot read),
    /// emptied when a new version is held: each is parsed once per vault version, not
    /// per request.
    policies: Mutex<HashMap<String, Option<Arc<crate::core::access::Policy>>>>,
    /// The file's identity, looked at once for the requests that arrived before.
    pub looks: looks::Looks,
}

/// One version's plaintext and where its records lie.
pub struct Cached {
    pub plaintext: WipedBytes,
    /// `None` when the data is not in the indexed layout (it is then parsed whole).
    pub layout: Option<Layout>,
    /// This version's principals, their identity policies parsed once, when first asked.
    pub keyring: OnceLock<Arc<access::Keyring>>,
    /// Answers already rendered from this version ([`txn::answer_quick`]): dropped (and
    /// wiped) with it, so an answer is never older than the file it is served for.
    pub answers: Answers,
}

impl Cached {
    fn of(store: &Store, plaintext: WipedBytes) -> Result<Cached, VaultError> {
        let layout = Layout::of(&store.decode_text(&plaintext)?);
        Ok(Cached {
            plaintext,
            layout,
            keyring: OnceLock::new(),
            answers: Answers::default(),
        })
    }
}

/// An answer's bytes as sent (they hold a secret value): wiped when the last request
/// sending them and the version they were rendered from are both done with them.
pub struct Answer(WipedBytes);

impl Answer {
    pub fn new(bytes: Vec<u8>) -> Answer {
        Answer(WipedBytes(bytes))
    }
}

impl AsRef<[u8]> for Answer {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// Rendered answers of one version, by what decides their bytes (the edge's form, the
/// region, the request), each with the day it is good for (a read on another day records
/// that day: a write, so it is answered afresh) and the records it was read from (a
/// principal's request is authorized on them, every time). Bounded in bytes.
#[derive(Default)]
pub struct Answers {
    /// The bytes held (answers, their records, keys), and each key's answer.
    held: RwLock<(usize, HashMap<String, Kept>)>,
}

/// An answer, the day it is good for, and the records (the request's scope) it was
/// read from.
#[derive(Clone)]
pub struct Kept {
    pub day: Millis,
    pub answer: Arc<Answer>,
    pub records: Arc<crate::core::model::Vault>,
    /// Principals' allowed verdicts on it (access::Verdicts says when one is kept).
    pub verdicts: Arc<access::Verdicts>,
}

impl Kept {
    /// What it holds, counted as twice its answer (the records hold the value and the
    /// metadata the answer shows) and its key.
    fn size(&self, key: &str) -> usize {
        2 * self.answer.0.len() + key.len()
    }
}

/// The bytes a version's rendered answers may hold together, beyond [`Answers`]'s share
/// of the plaintext: a client that reads many secrets has the table emptied, not grown.
const ANSWERS_FLOOR: usize = 256 * 1024;

impl Answers {
    /// What is kept for `key`, if it was rendered on `day`.
    pub fn get(&self, key: &str, day: Millis) -> Option<Kept> {
        let held = self.held.read().unwrap_or_else(|p| p.into_inner());
        held.1.get(key).filter(|k| k.day == day).cloned()
    }

    /// Keeps `kept` as `key`'s; the table is emptied first when it would hold more than
    /// `limit` bytes (an answer larger than that is not kept).
    pub fn keep(&self, key: String, kept: Kept, limit: usize) {
        let size = kept.size(&key);
        if size > limit {
            return;
        }
        let mut held = self.held.write().unwrap_or_else(|p| p.into_inner());
        if held.0 + size > limit {
            *held = (0, HashMap::new());
        }
        if let Some(old) = held.1.get(&key) {
            let freed = old.size(&key);
            held.0 -= freed;
        }
        held.1.insert(key, kept);
        held.0 += size;
    }

    /// The limit for a version whose plaintext is `plaintext` bytes: a fraction of it, so
    /// the server's memory stays within its budget of 3× the plaintext (issue 21).
    pub fn limit_for(plaintext: usize) -> usize {
        ANSWERS_FLOOR + plaintext / 2
    }
}

/// At most this many parsed resource policies are kept between two versions (a server's
/// writes parse the policies of the versions they load too).
const MAX_POLICIES: usize = 10_000;

impl ReadCache {
    /// The vault as the file is now; `None` if there is no file.
    pub fn get(&self, store: &Store) -> Result<Option<Arc<Cached>>, VaultError> {
        // The identity is taken before reading: what is read is at least that new.
        let Some(id) = store.file_id()? else {
            return Ok(None);
        };
        if let Some(cached) = self.held_at(&id) {
            return Ok(Some(cached));
        }
        let mut held = self.held.write().unwrap_or_else(|p| p.into_inner());
        if let Some((at, cached)) = held.as_ref()
            && *at == id
        {
            return Ok(Some(cached.clone()));
        }
        *held = None;
        self.policies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        let Some(plaintext) = store.read()? else {
            return Ok(None);
        };
        let cached = Arc::new(Cached::of(store, plaintext)?);
        *held = Some((id, cached.clone()));
        Ok(Some(cached))
    }

    /// Holds `plaintext` as the version of the file `id`: what this server just wrote
    /// there ([`vault::Store::save_parts_kept`]), so neither its next write nor its next
    /// read decrypts what it already has.
    pub fn put(&self, store: &Store, id: FileId, plaintext: WipedBytes) -> Result<(), VaultError> {
        let cached = Arc::new(Cached::of(store, plaintext)?);
        let mut held = self.held.write().unwrap_or_else(|p| p.into_inner());
        self.policies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        *held = Some((id, cached));
        Ok(())
    }

    /// The vault as the file is now if that version is already decrypted; `None` when
    /// it is not (or there is no file): answering then takes a decryption.
    pub fn current(&self, store: &Store) -> Result<Option<Arc<Cached>>, VaultError> {
        Ok(store.file_id()?.and_then(|id| self.held_at(&id)))
    }

    /// The version decrypted already if it is the file `path` names as it is now for a
    /// request that arrived at `arrival` (one `stat`, links followed, shared by the
    /// requests that arrived before it began: [`looks`]; the identity of the file a
    /// [`Store`] of `path` would read, without resolving its links first); `None`
    /// otherwise, or when it cannot be told.
    pub fn current_at(&self, path: &Path, arrival: Option<looks::Arrival>) -> Option<Arc<Cached>> {
        self.looks
            .file_id(path, arrival)
            .ok()
            .flatten()
            .and_then(|id| self.held_at(&id))
    }

    /// The resource policy `text` as the evaluation reads it, parsed on its first use in
    /// this version; `None` when it cannot be read.
    pub fn policy(&self, text: &str) -> Option<Arc<crate::core::access::Policy>> {
        let mut policies = self.policies.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(parsed) = policies.get(text) {
            return parsed.clone();
        }
        if policies.len() >= MAX_POLICIES {
            policies.clear();
        }
        let parsed = crate::core::access::Policy::parse(text).ok().map(Arc::new);
        policies.insert(text.to_string(), parsed.clone());
        parsed
    }

    /// The held version if it is `id` (a shared lock: readers do not queue behind each other).
    fn held_at(&self, id: &FileId) -> Option<Arc<Cached>> {
        let held = self.held.read().unwrap_or_else(|p| p.into_inner());
        match held.as_ref() {
            Some((at, cached)) if at == id => Some(cached.clone()),
            _ => None,
        }
    }
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

    /// A vault `v.age` in `dir` with a new identity in memory (never a passphrase), at a
    /// fixed time.
    #[cfg(test)]
    pub(crate) fn for_tests(dir: &Path) -> Env {
        let key = age::x25519::Identity::generate();
        Env {
            vault_path: dir.join("v.age"),
            identity: IdentitySource::Key(Arc::new(key.into())),
            region: None,
            debug: false,
            now: 1_767_225_600_000,
            lock_timeout: Duration::from_secs(5),
            functions_dir: dir.join("functions"),
            ask_passphrase: |_| Err(NoPassphrase::Refused("none in tests".into())),
            seed: None,
            crash_at: None,
            no_lock: false,
            cache: None,
            acting: None,
            arrival: None,
        }
    }

    /// The passphrase of the protected identity file at `path`, asked of the edge.
    pub(crate) fn passphrase_for(&self, path: &Path) -> Result<Zeroizing<String>, VaultError> {
        let what = path.display().to_string();
        (self.ask_passphrase)(&what).map_err(|e| e.for_identity(&what))
    }

    /// The same, with the identity read now (a passphrase asked once), for an edge
    /// that runs many operations.
    pub fn with_identity_loaded(mut self) -> Result<Env, Error> {
        let key = match &self.identity {
            IdentitySource::Key(_) => return Ok(self),
            IdentitySource::Text(text) => keys::parse_identity(text, "SMVAULT_AGE_KEY")?,
            IdentitySource::File(path) => {
                keys::read_identity_with(path, &mut || self.passphrase_for(path))?
            }
        };
        self.identity = IdentitySource::Key(Arc::new(key));
        Ok(self)
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

impl Error {
    /// Whether the identity or the vault file itself is the problem (the AWS CLI's
    /// "configuration" exit code), rather than a request, an I/O failure or a busy lock.
    pub fn is_configuration(&self) -> bool {
        match self {
            Error::Vault(e) => e.is_configuration(),
            Error::IdentityLost { .. } => true,
            Error::Service { .. } | Error::ParamValidation(_) | Error::General(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_answers_are_for_their_day_and_bounded_in_bytes() {
        let answers = Answers::default();
        let kept = |day, n| Kept {
            day,
            answer: Arc::new(Answer::new(vec![b'x'; n])),
            records: Arc::default(),
            verdicts: Arc::default(),
        };
        // Each entry below counts 2 x 5 + 1 = 11 bytes of a limit of 40.
        let a = kept(1, 5);
        answers.keep("a".into(), a.clone(), 40);
        assert!(Arc::ptr_eq(&a.answer, &answers.get("a", 1).unwrap().answer));
        assert!(
            answers.get("a", 2).is_none(),
            "another day is answered afresh"
        );
        assert!(answers.get("b", 1).is_none());
        // Replacing an entry frees its bytes: 11 held, then 22.
        answers.keep("a".into(), kept(2, 5), 40);
        answers.keep("b".into(), kept(2, 5), 40);
        assert!(answers.get("a", 2).is_some() && answers.get("b", 2).is_some());
        // Past the limit the table is emptied, then holds the newcomer (21 bytes).
        answers.keep("c".into(), kept(2, 10), 40);
        assert!(answers.get("a", 2).is_none() && answers.get("b", 2).is_none());
        assert!(answers.get("c", 2).is_some());
        // An answer larger than the limit is not kept.
        answers.keep("d".into(), kept(2, 20), 40);
        assert!(answers.get("d", 2).is_none() && answers.get("c", 2).is_some());
        assert_eq!(Answers::limit_for(1 << 20), ANSWERS_FLOOR + (1 << 19));
    }

    #[test]
    fn the_read_cache_follows_every_write_and_a_removed_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("v.age"), age::x25519::Identity::generate());
        let cache = ReadCache::default();
        assert!(cache.get(&store).unwrap().is_none());
        let write = |text: &str| {
            let guard = store.lock(Duration::from_secs(5)).unwrap();
            store.save_text(Some(&guard), text.as_bytes()).unwrap();
        };
        write(r#"{"a":1}"#);
        let first = cache.get(&store).unwrap().unwrap();
        // A hit is the very same buffer, not a new decryption.
        assert!(Arc::ptr_eq(&first, &cache.get(&store).unwrap().unwrap()));
        // Same size, written at once: the new file (inode) still shows.
        write(r#"{"a":2}"#);
        let second = cache.get(&store).unwrap().unwrap();
        assert_ne!(first.plaintext.as_slice(), second.plaintext.as_slice());
        std::fs::remove_file(store.path()).unwrap();
        assert!(cache.get(&store).unwrap().is_none());
    }
}

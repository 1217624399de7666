//! Running an operation against the vault: readers load without the lock; writers lock,
//! load, purge, apply and save; a failed operation leaves the file untouched.

use std::io::Write;
use std::sync::Arc;

use serde_json::Value;

use super::access::Keyring;
use super::{Cached, DEFAULT_REGION, Env, Error, IdentitySource, ReadCache};
use crate::core::ctx::Ctx;
use crate::core::model::{User, Vault};
use crate::core::ops::{Access, Operation};
use crate::core::stored::{Scope, Selection, StoredError, StoredVault};
use crate::vault::envelope::Format;
use crate::vault::{Store, VaultError, keys};

/// Opens the store; `create` makes a missing identity (for a write to a
/// missing vault) and says so on stderr, since the user must back it up.
pub fn open_store(settings: &Env, create: bool) -> Result<Option<Store>, Error> {
    let identity = match &settings.identity {
        IdentitySource::Text(text) => keys::parse_identity(text, "SMVAULT_AGE_KEY")?,
        IdentitySource::File(path) => {
            match keys::read_identity_with(path, &mut || settings.passphrase_for(path)) {
                Ok(id) => id,
                Err(VaultError::NoIdentity { .. }) if !settings.vault_path.exists() => {
                    if !create {
                        return Ok(None);
                    }
                    let created = chrono::DateTime::from_timestamp_millis(settings.now)
                        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                        .unwrap_or_default();
                    let public = keys::create_identity(path, &created, None)?;
                    // With its public key: in a container's log this is the one place
                    // the new identity is announced (issue 19).
                    let _ = writeln!(
                        std::io::stderr(),
                        "smvault: created a new age identity at {} (public key {public}); back it up: without it the vault cannot be opened",
                        path.display()
                    );
                    keys::read_identity_with(path, &mut || settings.passphrase_for(path))?
                }
                Err(VaultError::NoIdentity { path }) => {
                    return Err(Error::IdentityLost {
                        identity: path,
                        vault: settings.vault_path.clone(),
                    });
                }
                Err(e) => return Err(e.into()),
            }
        }
        IdentitySource::Key(key) => (**key).clone(),
    };
    let mut store = Store::new(settings.vault_path.clone(), identity);
    store.crash_at = settings.crash_at;
    Ok(Some(store))
}

fn region_for(settings: &Env, vault: &Vault) -> String {
    settings
        .region
        .clone()
        .or_else(|| vault.default_region.clone())
        .unwrap_or_else(|| DEFAULT_REGION.to_string())
}

/// The secrets a request can touch, so the vault is parsed only that far.
pub fn scope_of(op: &str, request: &Value) -> Scope {
    let text = |k: &str| request.get(k).and_then(Value::as_str);
    if op == "ListSecrets" {
        return Scope::All;
    }
    if let Some(list) = request.get("SecretIdList").and_then(Value::as_array) {
        return Scope::of_ids(list.iter().filter_map(Value::as_str));
    }
    if request.get("Filters").is_some() {
        return Scope::All;
    }
    match text("SecretId").or_else(|| text("Name")) {
        Some(id) => Scope::of_ids([id]),
        None => Scope::Nothing,
    }
}

/// The checks of a request that need no state (the model's constraints, the token rule:
/// [`crate::core::validate`]), made before anything else, so a request they refuse reads
/// and changes nothing.
pub fn check(op: &'static str, request: &Value) -> Result<(), Error> {
    crate::core::validate::request(op, request).map_err(|err| Error::Service { op, err })
}

/// Runs `op` with `request`, returning the response as the API shapes it: the checks,
/// then the transaction its access needs ([`super::execute`], the edges' way in).
pub(super) fn execute(op: &Operation, request: Value, settings: &Env) -> Result<Value, Error> {
    check(op.name, &request)?;
    let scope = scope_of(op.name, &request);
    let run = |vault: &mut Vault, ctx: &mut Ctx, request: Value| {
        run_op(op, vault, request, ctx, settings)
    };
    match op.access {
        Access::None => {
            let mut vault = Vault::default();
            let mut ctx = settings.ctx(&region_for(settings, &vault));
            run(&mut vault, &mut ctx, request)
        }
        Access::Read => {
            let (response, recorded) = read_only(settings, &scope, |vault, ctx| {
                vault.dirty = false;
                let response = run(vault, ctx, request.clone())?;
                Ok((response, vault.dirty))
            })?;
            if !recorded {
                return Ok(response);
            }
            // The read recorded an access day: redo it under the lock so a
            // concurrent writer's change is not lost. Recording is best effort:
            // a read never fails because the vault cannot be written (a
            // read-only folder, a full disk, a busy lock); it answers unrecorded.
            // Readers never wait: the lock is taken only if it is free at once.
            let mut at_once = settings.clone();
            at_once.lock_timeout = std::time::Duration::ZERO;
            match write_with(&at_once, &scope, |vault, ctx| run(vault, ctx, request)) {
                Err(Error::Vault(e)) if !e.is_configuration() => {
                    if settings.debug {
                        let _ = writeln!(
                            std::io::stderr(),
                            "smvault: debug: access date not recorded: {e}"
                        );
                    }
                    Ok(response)
                }
                other => other,
            }
        }
        Access::Write => write_with(settings, &scope, |vault, ctx| run(vault, ctx, request)),
        // Its function runs between transactions, outside the lock.
        Access::Rotation => super::rotate::run(request, settings),
    }
}

/// Runs `op` on the vault a transaction loaded: the caller's permission first
/// ([`super::access::authorize`]: a denied request reads nothing for the caller and
/// changes nothing), then the operation. Every operation of every edge runs through here.
fn run_op(
    op: &Operation,
    vault: &mut Vault,
    request: Value,
    ctx: &mut Ctx,
    settings: &Env,
) -> Result<Value, Error> {
    super::access::authorize(settings, op.name, &request, vault, ctx)?;
    (op.run)(vault, request, ctx).map_err(|err| Error::Service { op: op.name, err })
}

/// Several calls of read operation `op` on one reading of the vault, as a paginating
/// client makes them (so its pages agree with each other): `pages` is given a function
/// that checks one page's request as a single call's is and answers it. Like any read
/// here, it records no access day.
pub fn read_pages<R>(
    op: &Operation,
    request: &Value,
    settings: &Env,
    pages: impl FnOnce(&mut dyn FnMut(Value) -> Result<Value, Error>) -> Result<R, Error>,
) -> Result<R, Error> {
    check(op.name, request)?;
    if op.access != Access::Read {
        return Err(Error::General(format!(
            "internal: {} is not a read, it cannot be paginated",
            op.name
        )));
    }
    read_only(settings, &scope_of(op.name, request), |vault, ctx| {
        pages(&mut |page: Value| {
            check(op.name, &page)?;
            run_op(op, vault, page, ctx, settings)
        })
    })
}

/// A read answered on the caller's thread when it is quick: the vault's current version
/// is already decrypted in the cache (the file's identity is still checked, so never
/// stale), the read names its secrets and records no access day. `None` when it would take slow work
/// (a decryption, a write, no cache): run [`execute`] then, off any async worker.
pub fn execute_quick(
    op: &Operation,
    request: &Value,
    settings: &Env,
) -> Option<Result<Value, Error>> {
    let cache = settings.cache.as_ref()?;
    if op.access != Access::Read {
        return None;
    }
    if let Err(e) = check(op.name, request) {
        return Some(Err(e));
    }
    let scope = scope_of(op.name, request);
    // Reading every secret is long enough to belong on a blocking thread.
    if scope == Scope::All {
        return None;
    }
    on_quick_version(settings, cache, |store, cached| {
        Ok(run_quick(op, request, settings, store, cached)?.map(|(response, _)| response))
    })
}

/// `f` on the decrypted version that is current for this request (the one its caller
/// was found in, else the file's as it is now); `None` when that version is not
/// decrypted yet.
fn on_quick_version<R>(
    settings: &Env,
    cache: &ReadCache,
    f: impl FnOnce(&Store, &Arc<Cached>) -> Result<Option<R>, Error>,
) -> Option<Result<R, Error>> {
    let answer = (|| -> Result<Option<R>, Error> {
        // The version the request's caller was found in was current a moment ago, in this
        // request: it is not looked up again.
        match settings.acting.as_ref().and_then(|a| a.version.as_ref()) {
            Some(pinned) => match &pinned.store {
                Some(store) => f(store, &pinned.cached),
                // Found by the file's identity alone: the store (its path resolved) is
                // opened only now that the read needs it.
                None => match open_store(settings, false)? {
                    Some(store) => f(&store, &pinned.cached),
                    None => Ok(None),
                },
            },
            None => {
                let Some(store) = open_store(settings, false)? else {
                    return Ok(None);
                };
                let Some(cached) = cache.current(&store)? else {
                    return Ok(None);
                };
                f(&store, &cached)
            }
        }
    })();
    answer.transpose()
}

/// [`execute_quick`]'s read on version `cached` of `store`, and the records it read (as
/// they were: a read that records nothing changes nothing); `None` when it records an
/// access day.
fn run_quick(
    op: &Operation,
    request: &Value,
    settings: &Env,
    store: &Store,
    cached: &Cached,
) -> Result<Option<(Value, Vault)>, Error> {
    let scope = scope_of(op.name, request);
    let text = store.decode_text(&cached.plaintext)?;
    let mut vault = match &cached.layout {
        Some(layout) => layout
            .select(&text, &scope, settings.now)
            .map_err(|e| corrupt(store, &e.into()))?,
        None => select(store, Some(&text), &scope, settings)?.1.vault,
    };
    check_rules(store, &vault)?;
    let mut ctx = settings.ctx(&region_for(settings, &vault));
    vault.dirty = false;
    let response = run_op(op, &mut vault, request.clone(), &mut ctx, settings)?;
    // An access day to record is a write: that is the slow path's.
    Ok((!vault.dirty).then_some((response, vault)))
}

/// [`execute_quick`] with its answer rendered by the edge (`render`, the edge's `form` of
/// a response), GetSecretValue's kept rendered with the decrypted version it was read
/// from: the same request on the same day of the same file version is then a lookup.
/// Exact, not a second cache: the entry lives and dies with the version (whose file
/// identity every request still checks), it is kept only for a read that recorded
/// nothing (the access day is today's already) and used only on that day; a
/// GetSecretValue's bytes depend on nothing else but the region (in the key) and not on
/// who asks — a secret scheduled for deletion is refused, never kept, and no error is
/// kept. A principal's request is authorized on the records the answer was read from
/// before it is given, every time (its verdict recorded for the audit line as before);
/// a denial is the same error the full read gives.
pub fn answer_quick(
    op: &Operation,
    request: &Value,
    settings: &Env,
    form: &'static str,
    render: impl FnOnce(Value) -> Vec<u8>,
) -> Option<Result<Arc<super::Answer>, Error>> {
    let cache = settings.cache.as_ref()?;
    if op.name != "GetSecretValue" {
        return execute_quick(op, request, settings)
            .map(|answer| answer.map(|v| Arc::new(super::Answer::new(render(v)))));
    }
    let day = crate::core::values::day_of(settings.now);
    let key = answer_key(form, settings.region.as_deref(), request);
    // A kept answer needs only the file's identity (one `stat` through any links, shared
    // by the requests that arrived before it began: [`super::looks`]): the vault is
    // neither opened nor its path resolved. A principal's request comes with
    // the version its caller was found in (looked at in this request already).
    let held = match settings.acting.as_ref().and_then(|a| a.version.as_ref()) {
        Some(pinned) => Some(pinned.cached.clone()),
        None => cache.current_at(&settings.vault_path, settings.arrival),
    };
    // Kept only for a request that passed its checks: this same one (the key is all of it).
    if let Some(kept) = held.and_then(|cached| cached.answers.get(&key, day)) {
        return Some(authorized(op, request, settings, kept));
    }
    if let Err(e) = check(op.name, request) {
        return Some(Err(e));
    }
    on_quick_version(settings, cache, |store, cached| {
        if let Some(kept) = cached.answers.get(&key, day) {
            return authorized(op, request, settings, kept).map(Some);
        }
        let Some((response, records)) = run_quick(op, request, settings, store, cached)? else {
            return Ok(None);
        };
        let kept = super::Kept {
            day,
            answer: Arc::new(super::Answer::new(render(response))),
            records: Arc::new(records),
            verdicts: Arc::default(),
        };
        let answer = kept.answer.clone();
        let limit = super::Answers::limit_for(cached.plaintext.len());
        cached.answers.keep(key, kept, limit);
        Ok(Some(answer))
    })
}

/// What a kept answer is found by: the route's form, the region (`None` apart from any
/// name) and the request, written into one buffer (this is on every read's path).
fn answer_key(form: &str, region: Option<&str>, request: &Value) -> String {
    use std::fmt::Write;
    let mut key = String::with_capacity(form.len() + 64);
    key.push_str(form);
    match region {
        Some(region) => {
            key.push_str("\n+");
            key.push_str(region);
        }
        None => key.push_str("\n-"),
    }
    key.push('\n');
    let _ = write!(key, "{request}");
    key
}

/// A kept answer, once the request's caller is allowed it: the same check as the read's
/// own ([`run_op`]), on the records it was read from, at this request's time and source.
fn authorized(
    op: &Operation,
    request: &Value,
    settings: &Env,
    kept: super::Kept,
) -> Result<Arc<super::Answer>, Error> {
    if settings
        .acting
        .as_ref()
        .is_some_and(|a| a.caller.restricted().is_some())
    {
        let mut ctx = settings.ctx(&region_for(settings, &kept.records));
        super::access::authorize_kept(
            settings,
            op.name,
            request,
            &kept.records,
            &mut ctx,
            &kept.verdicts,
        )?;
    }
    Ok(kept.answer)
}

/// The vault's principals as the file is now, their identity policies parsed once per
/// version (kept with the server's decrypted copy), and that decrypted version (for
/// [`super::access::Acting::new`]: the request's reads then use the version its caller was
/// found in, without looking at the file again). With `quick`, only if that version is
/// decrypted already (`None` otherwise: asking may take a decryption, which belongs off
/// any async worker).
pub fn keyring(settings: &Env, quick: bool) -> Result<Option<Found>, Error> {
    let found = |keyring, version| Ok(Some(Found { keyring, version }));
    let Some(cache) = &settings.cache else {
        let keyring = read_only(settings, &Scope::Nothing, |vault, _| {
            Ok(Arc::new(Keyring::of(vault)))
        })?;
        return found(keyring, None);
    };
    // Quick and already known: the file's identity alone finds it (one `stat` through
    // any links, no path resolved), as a kept answer is found.
    if quick
        && let Some(cached) = cache.current_at(&settings.vault_path, settings.arrival)
        && let Some(keyring) = cached.keyring.get()
    {
        let keyring = keyring.clone();
        return found(
            keyring,
            Some(Pinned {
                store: None,
                cached,
            }),
        );
    }
    let Some(store) = open_store(settings, false)? else {
        return found(Arc::default(), None);
    };
    let cached = if quick {
        cache.current(&store)?
    } else {
        cache.get(&store)?
    };
    let Some(cached) = cached else {
        return if quick {
            Ok(None)
        } else {
            found(Arc::default(), None)
        };
    };
    if let Some(keyring) = cached.keyring.get() {
        return found(
            keyring.clone(),
            Some(Pinned {
                store: Some(store),
                cached,
            }),
        );
    }
    let text = store.decode_text(&cached.plaintext)?;
    let vault = match &cached.layout {
        Some(layout) => layout
            .select(&text, &Scope::Nothing, settings.now)
            .map_err(|e| corrupt(&store, &e.into()))?,
        None => {
            select(&store, Some(&text), &Scope::Nothing, settings)?
                .1
                .vault
        }
    };
    let keyring = cached
        .keyring
        .get_or_init(|| Arc::new(Keyring::of(&vault)))
        .clone();
    found(
        keyring,
        Some(Pinned {
            store: Some(store),
            cached,
        }),
    )
}

/// What [`keyring`] found: the principals, and the decrypted version they are from.
pub struct Found {
    pub keyring: Arc<Keyring>,
    pub version: Option<Pinned>,
}

/// A decrypted version of the vault found current during a request, and the file it
/// was read from (`None` when it was found by the file's identity alone: opened when a
/// read needs it).
pub struct Pinned {
    pub store: Option<Store>,
    pub cached: Arc<Cached>,
}

/// Runs `f` under the writers' lock on the freshly loaded vault (the secrets in
/// `scope`), and saves what it changed if it succeeds; a failure leaves the file
/// as it was.
pub fn write_with<R>(
    settings: &Env,
    scope: &Scope,
    f: impl FnOnce(&mut Vault, &mut Ctx) -> Result<R, Error>,
) -> Result<R, Error> {
    locked(settings, scope, |selection| {
        let mut ctx = settings.ctx(&region_for(settings, &selection.vault));
        f(&mut selection.vault, &mut ctx)
    })
}

/// The writers' transaction under [`write_with`] and [`write_batch`]: lock, load the
/// secrets in `scope`, run `f`, and save only if it succeeded and changed something.
fn locked<R>(
    settings: &Env,
    scope: &Scope,
    f: impl FnOnce(&mut Selection) -> Result<R, Error>,
) -> Result<R, Error> {
    locked_in(settings, scope, true, |_, selection| f(selection))
}

/// What a writer sees of the file in [`locked_in`] besides its secrets.
pub(super) struct Opened<'s> {
    /// The vault's file: its path, its identity, the recipients the save encrypts to.
    pub store: &'s Store,
    /// Whether the file existed before this transaction.
    pub existed: bool,
}

/// [`locked`], with the file in view for a writer of more than secrets (`init`); a save
/// that creates the vault says so on stderr only if `announce` (`init` says it itself).
pub(super) fn locked_in<R>(
    settings: &Env,
    scope: &Scope,
    announce: bool,
    f: impl FnOnce(&Opened, &mut Selection) -> Result<R, Error>,
) -> Result<R, Error> {
    let store = open_store(settings, true)?.ok_or_else(|| {
        // open_store makes a missing identity when asked to create; this is unreachable.
        Error::General("internal: no store opened".into())
    })?;
    let guard = if settings.no_lock {
        None
    } else {
        Some(store.lock(settings.lock_timeout)?)
    };
    // A server reads the version it holds already (the one it last wrote, or read for a
    // request) instead of decrypting the file again; the cache checks that it is the file
    // as it is now, under the lock.
    let (held, read) = match &settings.cache {
        Some(cache) => (cache.get(&store)?, None),
        None => (None, store.read()?),
    };
    let plaintext = held
        .as_ref()
        .map(|c| &c.plaintext[..])
        .or(read.as_deref().map(|p| &p[..]));
    if let Some(cached) = &held {
        store.adopt(&cached.plaintext)?;
    }
    let text = plaintext.map(|p| store.decode_text(p)).transpose()?;
    let (stored, mut selection) = select(&store, text.as_deref(), scope, settings)?;
    let opened = Opened {
        store: &store,
        existed: plaintext.is_some(),
    };
    let result = f(&opened, &mut selection)?;
    if selection.vault.dirty {
        let data = selection.merge(&stored).map_err(|e| corrupt(&store, &e))?;
        let format = envelope_format(&selection.vault.principals);
        let save = |write: &mut dyn FnMut(&[u8])| data.for_each_part(write);
        match &settings.cache {
            Some(cache) => {
                let (id, written) = store.save_parts_kept(
                    guard.as_ref(),
                    format,
                    plaintext.map_or(0, <[u8]>::len),
                    save,
                )?;
                // The write is on disk: a version that cannot be held is read again
                // when next asked for, never an error for this write.
                if let Some(id) = id {
                    cache.put(&store, id, written).ok();
                }
            }
            None => store.save_parts_as(guard.as_ref(), format, save)?,
        }
        if plaintext.is_none() && announce {
            super::notice::vault_created(store.path());
        }
    }
    Ok(result)
}

/// The envelope a vault's data is written in: one holding principals is refused by an
/// smvault that predates them (format 3), which would read it and drop them on its next
/// write; any other stays readable by every version (format 2).
pub(super) fn envelope_format(principals: &[User]) -> Format {
    if principals.is_empty() {
        Format::Current
    } else {
        Format::NewerOnly
    }
}

/// Runs `f` on the vault as it is on disk (the secrets in `scope`), without the
/// lock and without writing anything back.
pub fn read_only<R>(
    settings: &Env,
    scope: &Scope,
    f: impl FnOnce(&mut Vault, &mut Ctx) -> Result<R, Error>,
) -> Result<R, Error> {
    let Some(store) = open_store(settings, false)? else {
        return read_only_empty(settings, f);
    };
    if let Some(cache) = &settings.cache {
        let Some(cached) = cache.get(&store)? else {
            return read_only_empty(settings, f);
        };
        let text = store.decode_text(&cached.plaintext)?;
        let mut vault = match &cached.layout {
            Some(layout) => layout
                .select(&text, scope, settings.now)
                .map_err(|e| corrupt(&store, &e.into()))?,
            None => select(&store, Some(&text), scope, settings)?.1.vault,
        };
        check_rules(&store, &vault)?;
        let mut ctx = settings.ctx(&region_for(settings, &vault));
        return f(&mut vault, &mut ctx);
    }
    // Named secrets are read by seeking through the decrypted stream to their
    // records (age decrypts only the chunks read); everything else reads it all.
    if *scope != Scope::All {
        let Some(mut stream) = store.open()? else {
            return read_only_empty(settings, f);
        };
        let partial =
            StoredVault::read_partial(&mut stream, crate::vault::envelope::PREFIXES, scope)
                .map_err(|e| store.stream_error(e))?;
        if let Some(stored) = partial {
            let mut selection = stored
                .select(scope, settings.now)
                .map_err(|e| corrupt(&store, &e))?;
            check_rules(&store, &selection.vault)?;
            let mut ctx = settings.ctx(&region_for(settings, &selection.vault));
            return f(&mut selection.vault, &mut ctx);
        }
    }
    let plaintext = store.read()?;
    let text = plaintext
        .as_ref()
        .map(|p| store.decode_text(p))
        .transpose()?;
    let (_, mut selection) = select(&store, text.as_deref(), scope, settings)?;
    let mut ctx = settings.ctx(&region_for(settings, &selection.vault));
    f(&mut selection.vault, &mut ctx)
}

/// A read of a vault that does not exist: an empty one.
fn read_only_empty<R>(
    settings: &Env,
    f: impl FnOnce(&mut Vault, &mut Ctx) -> Result<R, Error>,
) -> Result<R, Error> {
    let mut vault = Vault::default();
    let mut ctx = settings.ctx(&region_for(settings, &vault));
    let result = f(&mut vault, &mut ctx);
    if result.is_err() {
        super::notice::no_vault(settings);
    }
    result
}

/// Reads the vault data text (absent: an empty vault) and parses the secrets in `scope`.
fn select<'p>(
    store: &Store,
    text: Option<&'p [u8]>,
    scope: &Scope,
    settings: &Env,
) -> Result<(StoredVault<'p>, Selection), Error> {
    let stored = match text {
        Some(t) => StoredVault::parse(t).map_err(|e| corrupt(store, &e))?,
        None => StoredVault::default(),
    };
    let selection = stored
        .select(scope, settings.now)
        .map_err(|e| corrupt(store, &e))?;
    check_rules(store, &selection.vault)?;
    Ok((stored, selection))
}

/// The service's rules that loaded secrets must keep (every secret of a name is
/// loaded together, so a partial load sees every clash of the names it loaded).
fn check_rules(store: &Store, vault: &Vault) -> Result<(), Error> {
    match crate::core::invariants::broken_rule(vault) {
        Some(rule) => Err(Error::Vault(VaultError::Inconsistent {
            path: store.path().to_path_buf(),
            rule,
        })),
        None => Ok(()),
    }
}

/// A secret record that does not parse (position only, never content), or an index
/// that lies about where the records are.
pub(super) fn corrupt(store: &Store, e: &StoredError) -> Error {
    let path = store.path().to_path_buf();
    Error::Vault(match e {
        StoredError::Json(e) => VaultError::Corrupt {
            path,
            line: e.line(),
            column: e.column(),
        },
        StoredError::Invalid(reason) => VaultError::Invalid {
            path,
            reason: reason.clone(),
        },
    })
}

/// One write of a batch: the operation, its request, and that request's own
/// settings (its clock reading and region).
pub struct Job {
    pub op: &'static Operation,
    pub request: Value,
    pub env: Env,
}

/// The secrets any of `scopes` can touch.
fn union(scopes: impl Iterator<Item = Scope>) -> Scope {
    let mut names = Vec::new();
    for scope in scopes {
        match scope {
            Scope::All => return Scope::All,
            Scope::Names(n) => names.extend(n),
            Scope::Nothing => {}
        }
    }
    if names.is_empty() {
        Scope::Nothing
    } else {
        Scope::Names(names)
    }
}

/// Runs writes together (group commit): one lock, one decryption, each operation in
/// turn on the same state (a failed one leaves it as it was before that operation),
/// then one encryption and fsync for all. The results hold only once all is on disk:
/// if the save fails, every job fails.
///
/// Only [`Access::Write`] operations share a commit; any other job is answered on its
/// own, in turn, as [`super::execute`] answers it.
pub fn write_batch(settings: &Env, jobs: Vec<Job>) -> Vec<Result<Value, Error>> {
    // A refused request takes no part: it neither waits for the lock nor reads the vault.
    let mut results: Vec<Option<Result<Value, Error>>> = Vec::with_capacity(jobs.len());
    let mut valid = Vec::with_capacity(jobs.len());
    for job in jobs {
        if job.op.access != Access::Write {
            results.push(Some(execute(job.op, job.request, &job.env)));
            continue;
        }
        match check(job.op.name, &job.request) {
            Ok(()) => {
                results.push(None);
                valid.push(job);
            }
            Err(e) => results.push(Some(Err(e))),
        }
    }
    let mut ran = if valid.is_empty() {
        Vec::new()
    } else {
        run_batch(settings, valid)
    }
    .into_iter();
    results
        .into_iter()
        .map(|r| {
            r.or_else(|| ran.next())
                .unwrap_or_else(|| Err(Error::General("the write did not run".into())))
        })
        .collect()
}

/// [`write_batch`] of requests already checked.
fn run_batch(settings: &Env, jobs: Vec<Job>) -> Vec<Result<Value, Error>> {
    let count = jobs.len();
    let scope = union(jobs.iter().map(|j| scope_of(j.op.name, &j.request)));
    let run = || {
        locked(settings, &scope, |selection| {
            let mut results = Vec::with_capacity(count);
            for job in jobs {
                let before = selection.vault.clone();
                let mut ctx = job.env.ctx(&region_for(&job.env, &selection.vault));
                match run_op(
                    job.op,
                    &mut selection.vault,
                    job.request,
                    &mut ctx,
                    &job.env,
                ) {
                    Ok(response) => results.push(Ok(response)),
                    Err(err) => {
                        selection.vault = before;
                        results.push(Err(err));
                    }
                }
            }
            // A batch whose every write failed or was denied saves nothing, not even the
            // purge of expired deletions, as a single failed write does not: a refused
            // request leaves the file as it was.
            if results.iter().all(Result::is_err) {
                selection.vault.dirty = false;
            }
            Ok(results)
        })
    };
    match run() {
        Ok(results) => results,
        Err(e) => {
            let text = e.to_string();
            let mut all = vec![Err(e)];
            all.extend((1..count).map(|_| Err(Error::General(text.clone()))));
            all
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ops::lookup;
    use serde_json::json;

    fn env(dir: &std::path::Path) -> Env {
        Env::for_tests(dir)
    }

    /// A server's settings: the env with a read cache.
    fn served(dir: &std::path::Path) -> Env {
        let mut env = env(dir);
        env.cache = Some(std::sync::Arc::new(super::super::ReadCache::default()));
        env
    }

    /// Whether the server's cache holds the file's version as it is now.
    fn holds_current(env: &Env) -> bool {
        let store = open_store(env, false).unwrap().unwrap();
        let cache = env.cache.as_ref().unwrap();
        cache.current(&store).unwrap().is_some()
    }

    fn create(env: &Env, name: &str) -> Job {
        Job {
            op: lookup("CreateSecret").unwrap(),
            request: json!({"Name": name, "SecretString": "v", "ClientRequestToken": uuid::Uuid::new_v4().to_string()}),
            env: env.clone(),
        }
    }

    #[test]
    fn the_owners_get_secret_value_is_kept_with_its_version_for_its_day_and_form() {
        use std::sync::Arc;
        let dir = tempfile::tempdir().unwrap();
        let env = served(dir.path());
        let get = lookup("GetSecretValue").unwrap();
        let request = json!({"SecretId": "a"});
        let render = |v: Value| v["SecretString"].to_string().into_bytes();
        let quick = |env: &Env, form| answer_quick(get, &request, env, form, render);
        write_batch(&env, vec![create(&env, "a")]);
        // Recorded today (a write, which holds the version it wrote): quick from now on.
        execute(get, request.clone(), &env).unwrap();
        execute(get, request.clone(), &env).unwrap();
        let first = quick(&env, "x").unwrap().unwrap();
        assert_eq!(first.as_ref().as_ref(), b"\"v\"");
        // The same request on the same version and day: the very same bytes, not rendered again.
        assert!(Arc::ptr_eq(&first, &quick(&env, "x").unwrap().unwrap()));
        // Another form is rendered on its own; another day records the access (slow).
        assert!(!Arc::ptr_eq(&first, &quick(&env, "y").unwrap().unwrap()));
        let tomorrow = Env {
            now: env.now + 86_400_000,
            ..env.clone()
        };
        assert!(quick(&tomorrow, "x").is_none());
        // Other reads are rendered each time.
        let describe = lookup("DescribeSecret").unwrap();
        let described =
            |env: &Env| answer_quick(describe, &request, env, "x", |v| v.to_string().into_bytes());
        let d = described(&env).unwrap().unwrap();
        assert!(!Arc::ptr_eq(&d, &described(&env).unwrap().unwrap()));
        // A write is a new version: its answer is read afresh, never the kept one.
        let put = Job {
            op: lookup("PutSecretValue").unwrap(),
            request: json!({"SecretId": "a", "SecretString": "w", "ClientRequestToken": uuid::Uuid::new_v4().to_string()}),
            env: env.clone(),
        };
        assert!(write_batch(&env, vec![put])[0].is_ok());
        assert!(quick(&env, "x").is_none());
        execute(get, request.clone(), &env).unwrap();
        execute(get, request.clone(), &env).unwrap();
        assert_eq!(
            quick(&env, "x").unwrap().unwrap().as_ref().as_ref(),
            b"\"w\""
        );
        // Errors are never kept; a bad request is refused before any lookup.
        assert!(matches!(
            answer_quick(get, &json!({"SecretId": "nope"}), &env, "x", render),
            Some(Err(Error::Service { .. }))
        ));
        assert!(matches!(
            answer_quick(get, &json!({}), &env, "x", render),
            Some(Err(_))
        ));
    }

    #[test]
    fn a_servers_write_holds_the_very_bytes_it_wrote_as_the_files_current_version() {
        let dir = tempfile::tempdir().unwrap();
        let env = served(dir.path());
        write_batch(&env, vec![create(&env, "a"), create(&env, "b")]);
        let store = open_store(&env, false).unwrap().unwrap();
        let held = env
            .cache
            .as_ref()
            .unwrap()
            .current(&store)
            .unwrap()
            .unwrap();
        assert_eq!(&held.plaintext[..], &store.read().unwrap().unwrap()[..]);
        // A write without a cache (the CLI) is a version the server does not hold.
        let cli = Env {
            cache: None,
            ..env.clone()
        };
        assert!(write_batch(&cli, vec![create(&cli, "c")])[0].is_ok());
        assert!(!holds_current(&env));
    }

    #[test]
    fn a_servers_write_after_another_process_wrote_starts_from_the_file_not_what_it_held() {
        let dir = tempfile::tempdir().unwrap();
        let env = served(dir.path());
        write_batch(&env, vec![create(&env, "a")]);
        // Another process (no cache of its own) writes between two of the server's writes.
        let other = Env {
            cache: None,
            ..env.clone()
        };
        assert!(write_batch(&other, vec![create(&other, "b")])[0].is_ok());
        assert!(write_batch(&env, vec![create(&env, "c")])[0].is_ok());
        let list = lookup("ListSecrets").unwrap();
        let names = execute(list, json!({}), &other).unwrap()["SecretList"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["Name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>();
        assert_eq!(names.len(), 3, "{names:?}");
        for name in ["a", "b", "c"] {
            assert!(names.iter().any(|n| n == name), "{name} lost: {names:?}");
        }
    }

    #[test]
    fn a_quick_read_needs_a_warm_cache_an_unrecorded_day_and_sees_every_write() {
        let dir = tempfile::tempdir().unwrap();
        let env = served(dir.path());
        let get = lookup("GetSecretValue").unwrap();
        let request = json!({"SecretId": "a"});
        // No cache: always the slow path.
        let uncached = Env {
            cache: None,
            ..env.clone()
        };
        assert!(execute_quick(get, &request, &uncached).is_none());
        // No file yet, then a cold cache: the slow path decrypts.
        assert!(execute_quick(get, &request, &env).is_none());
        write_batch(&env, vec![create(&env, "a")]);
        assert!(execute_quick(get, &request, &env).is_none());
        // The first read of the day records it: a write, so the slow path's, which holds
        // the version it wrote: the next read is quick, with nothing to decrypt.
        execute(get, request.clone(), &env).unwrap();
        let quick = execute_quick(get, &request, &env).unwrap().unwrap();
        assert_eq!(quick["SecretString"], "v");
        // A day later the access is recorded again, so not quick.
        let tomorrow = Env {
            now: env.now + 86_400_000,
            ..env.clone()
        };
        assert!(execute_quick(get, &request, &tomorrow).is_none());
        // A write is seen by the very next quick read (the cache follows the file), and a
        // missing secret is the service's error.
        let put = Job {
            op: lookup("PutSecretValue").unwrap(),
            request: json!({"SecretId": "a", "SecretString": "w", "ClientRequestToken": uuid::Uuid::new_v4().to_string()}),
            env: env.clone(),
        };
        assert!(write_batch(&env, vec![put])[0].is_ok());
        assert!(holds_current(&env));
        // The new version's first read records its day (slow); the one after is quick.
        assert!(execute_quick(get, &request, &env).is_none());
        execute(get, request.clone(), &env).unwrap();
        assert_eq!(
            execute_quick(get, &request, &env).unwrap().unwrap()["SecretString"],
            "w"
        );
        assert!(matches!(
            execute_quick(get, &json!({"SecretId": "nope"}), &env),
            Some(Err(Error::Service { .. }))
        ));
        // Writes and reads of every secret never run here.
        let list = lookup("ListSecrets").unwrap();
        assert!(execute_quick(list, &json!({}), &env).is_none());
        let create_op = lookup("CreateSecret").unwrap();
        assert!(
            execute_quick(create_op, &json!({"Name": "b", "SecretString": "x"}), &env).is_none()
        );
    }

    /// RotateSecret is an operation like the others: by name through the way in, and in a
    /// batch it is answered on its own with the API's answer (not its plan).
    #[test]
    fn rotate_secret_runs_through_the_one_way_in_and_a_batch() {
        let dir = tempfile::tempdir().unwrap();
        let env = env(dir.path());
        write_batch(&env, vec![create(&env, "a")]);
        let rotate = |token: &str| {
            json!({"SecretId": "a", "ClientRequestToken": token,
                "RotationLambdaARN": "smvault-random-password"})
        };
        let first = "11111111-1111-4111-8111-111111111111";
        let answer = super::super::run("RotateSecret", rotate(first), &env).unwrap();
        assert_eq!(answer["VersionId"], first, "{answer}");
        assert_eq!(answer["Name"], "a");
        let second = "22222222-2222-4222-8222-222222222222";
        let batched = Job {
            op: super::super::operation("RotateSecret").unwrap(),
            request: rotate(second),
            env: env.clone(),
        };
        let results = write_batch(&env, vec![batched, create(&env, "b")]);
        let answer = results[0].as_ref().unwrap();
        assert_eq!(answer["VersionId"], second, "{answer}");
        assert!(answer.get("Start").is_none(), "{answer}");
        assert!(results[1].is_ok());
        // The rotation ran: its version is AWSCURRENT.
        let current = execute(
            lookup("GetSecretValue").unwrap(),
            json!({"SecretId": "a"}),
            &env,
        )
        .unwrap();
        assert_eq!(current["VersionId"], second);
        // The request is checked first, as every operation's is.
        let bad = super::super::run("RotateSecret", json!({"SecretId": ""}), &env).unwrap_err();
        assert!(
            matches!(
                bad,
                Error::Service {
                    op: "RotateSecret",
                    ..
                }
            ),
            "{bad}"
        );
    }

    #[test]
    fn a_batch_applies_each_write_in_turn_and_failures_stay_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let env = env(dir.path());
        let bad = Job {
            op: lookup("PutSecretValue").unwrap(),
            request: json!({"SecretId": "missing", "SecretString": "x", "ClientRequestToken": uuid::Uuid::new_v4().to_string()}),
            env: env.clone(),
        };
        let mut west = create(&env, "w");
        west.env.region = Some("eu-west-1".into());
        let results = write_batch(
            &env,
            vec![
                create(&env, "a"),
                create(&env, "a"),
                bad,
                create(&env, "b"),
                west,
            ],
        );
        assert!(results[0].is_ok());
        assert!(
            matches!(&results[1], Err(Error::Service { err, .. }) if err.code.as_str() == "ResourceExistsException")
        );
        assert!(results[3].is_ok() && results[4].is_ok());
        let names = read_only(&env, &Scope::All, |v, _| {
            Ok(v.secrets
                .iter()
                .map(|s| format!("{}@{}:{}", s.name, s.region, s.versions.len()))
                .collect::<Vec<_>>())
        })
        .unwrap();
        assert!(results[2].is_err());
        assert_eq!(
            names,
            [
                "a@us-east-1:1".to_string(),
                "b@us-east-1:1".to_string(),
                "w@eu-west-1:1".to_string()
            ]
        );
    }
}

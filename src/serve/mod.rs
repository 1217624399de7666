//! `smvault serve`: the vault as a Secrets Manager endpoint (AWS JSON 1.1, SigV4) and as
//! the Secrets Manager Agent's local API, over hyper on tokio. A thin edge: HTTP in,
//! the service layer runs the operation, HTTP out; within the bounds of [`limits`], so
//! nobody without credentials can stall, exhaust or stop it.

/// A line on stderr that never stops the server: `eprintln!` panics when stderr is gone
/// (a closed pipe, a terminal that went away), and a log line is not worth a service.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod agent;
mod api;
mod body;
mod caller;
mod conns;
pub mod limits;
mod memory;
pub mod sigv4;
mod sts;

use std::convert::Infallible;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::http::request::Parts;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;

use zeroize::Zeroizing;

use crate::core::model::{Millis, Serving};
use crate::service::audit::{Decision, Principal};
use crate::service::looks::Arrival;
use crate::service::{self, Access, Env, Error};
use body::BodyError;
use conns::{Admission, Slot};
use limits::{
    CONNECTION_COST, Limits, MAX_BODY, OVERFLOW_CONNECTIONS, OVERFLOW_TIMEOUT, READ_BUFFER,
};

/// After a request's deadline, the time its connection gets to deliver the 408 before it
/// is closed anyway (a client that does not read its answer cannot hold it either).
const ANSWER_SLACK: Duration = Duration::from_secs(1);
/// How long the accept loop waits when the process is out of file descriptors, rather
/// than retrying a listener that stays readable in a busy loop.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);
/// Written to a health check beyond the cap and the overflow before it is closed.
const HEALTHY: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nhealthy";
/// Written to any other connection beyond the cap and the overflow before it is closed.
const REFUSED: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

/// How the server was asked to run.
pub struct Options {
    pub listen: String,
    /// Allow an address other than loopback.
    pub allow_remote: bool,
    /// One line per request on stderr.
    pub log: bool,
    /// `--audit FILE`: one JSON line per request appended there (service::audit).
    pub audit: Option<std::path::PathBuf>,
    /// Reads the time for each request (the CLI's clock, test hooks included).
    pub clock: fn() -> Millis,
    /// The principal the Agent route acts as (`--agent-principal`); `None`: the owner.
    pub agent_principal: Option<String>,
    pub limits: Limits,
    /// The owner's key pair given to the server (SMVAULT_ACCESS_KEY_ID/...), used instead
    /// of the vault's own.
    pub owner_keys: Option<OwnerKeys>,
}

/// A key pair for the owner, given rather than made (`test`/`test` for a compose stack).
#[derive(PartialEq)]
pub struct OwnerKeys {
    pub access_key_id: String,
    pub secret_access_key: Zeroizing<String>,
}

impl std::fmt::Debug for OwnerKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret key.
        write!(f, "OwnerKeys({})", self.access_key_id)
    }
}

/// The owner's credentials: the vault's, with the key pair the server was given if any.
fn owner_credentials(env: &Env, options: &Options) -> Result<Serving, Error> {
    let key = options
        .owner_keys
        .as_ref()
        .map(|k| (k.access_key_id.as_str(), k.secret_access_key.as_str()));
    service::serving::credentials_with(env, key)
}

/// What every request shares.
struct State {
    env: Env,
    serving: Serving,
    /// The vault's account id as serve started: the owner's (the account root's)
    /// identity, known like its key pair without reading the vault again.
    account: String,
    options: Options,
    writes: Batcher,
    /// The memory request bodies may hold together.
    bodies: Arc<body::Budget>,
    /// `--audit`'s log, open for the server's life.
    audit: Option<service::audit::Log>,
}

/// A write and where its answer goes.
type Queued = (
    service::txn::Job,
    tokio::sync::oneshot::Sender<Result<serde_json::Value, Error>>,
);

/// Commits concurrent writes together: one thread takes every write queued while the
/// last batch was on its way to disk, and runs them as one batch (one re-encryption,
/// one fsync); each request is answered once its batch is saved.
struct Batcher {
    queue: std::sync::mpsc::Sender<Queued>,
}

/// At most this many writes share one commit, so one batch's wait stays short.
const MAX_BATCH: usize = 256;

/// How long a batch waits for the writers of the last one to come back. Their answers go
/// out together and their next requests arrive within a fraction of a millisecond, but
/// not together: taken at once, the first of them made a batch of its own and the rest
/// waited a whole commit (16 writers on 5,000 secrets: batches of 7.7 on average).
const GATHER: Duration = Duration::from_millis(2);

/// The batch that starts with `first`: every write already queued, and while fewer than
/// `expected` (the last batch's size), those arriving within `wait`; at most [`MAX_BATCH`].
/// A lone writer (a last batch of one) never waits.
fn gather<T>(
    jobs: &std::sync::mpsc::Receiver<T>,
    first: T,
    expected: usize,
    wait: Duration,
) -> Vec<T> {
    use std::sync::mpsc::RecvTimeoutError;
    let mut batch = vec![first];
    let deadline = Instant::now() + wait;
    while batch.len() < MAX_BATCH {
        let next = match jobs.try_recv() {
            Ok(job) => Ok(job),
            Err(_) if batch.len() < expected => {
                let left = deadline.saturating_duration_since(Instant::now());
                jobs.recv_timeout(left)
            }
            Err(_) => Err(RecvTimeoutError::Timeout),
        };
        match next {
            Ok(job) => batch.push(job),
            Err(_) => break,
        }
    }
    batch
}

impl Batcher {
    /// The batcher and its thread, which ends once every write queued is done and the
    /// batcher is dropped.
    fn start(env: Env, clock: fn() -> Millis) -> (Batcher, std::thread::JoinHandle<()>) {
        let (queue, jobs) = std::sync::mpsc::channel::<Queued>();
        let thread = std::thread::spawn(move || {
            let mut expected = 1;
            while let Ok(first) = jobs.recv() {
                let batch = gather(&jobs, first, expected, GATHER);
                expected = batch.len();
                let (work, replies): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
                let mut env = env.clone();
                env.now = clock();
                for (result, reply) in service::txn::write_batch(&env, work)
                    .into_iter()
                    .zip(replies)
                {
                    let _ = reply.send(result);
                }
            }
        });
        (Batcher { queue }, thread)
    }

    async fn write(&self, job: service::txn::Job) -> Option<Result<serde_json::Value, Error>> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.queue.send((job, reply)).ok()?;
        answer.await.ok()
    }
}

/// The addresses `listen` names, refused unless loopback or explicitly allowed.
fn addresses(options: &Options) -> Result<Vec<SocketAddr>, Error> {
    let addrs: Vec<SocketAddr> = options
        .listen
        .to_socket_addrs()
        .map_err(|e| {
            Error::ParamValidation(format!(
                "--listen {}: not a HOST:PORT address ({e})",
                options.listen
            ))
        })?
        .collect();
    let remote: Vec<String> = addrs
        .iter()
        .filter(|a| !a.ip().is_loopback())
        .map(ToString::to_string)
        .collect();
    if !remote.is_empty() {
        if !options.allow_remote {
            return Err(Error::ParamValidation(format!(
                "--listen {} is reachable from other machines; add --allow-remote to serve there anyway",
                options.listen
            )));
        }
        say!(
            "smvault: warning: serving on {} beyond this machine; anyone who can reach it can try the credentials, and traffic is not encrypted",
            remote.join(", ")
        );
    }
    Ok(addrs)
}

/// The URL clients use for `address`: an unspecified address is reached on loopback.
fn endpoint_url(address: SocketAddr) -> String {
    let mut a = address;
    if a.ip().is_unspecified() {
        a.set_ip(match a {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    format!("http://{a}")
}

/// The region clients should use: the one `--region`/AWS_REGION names, else the vault's default.
fn default_region(env: &Env) -> Result<String, Error> {
    if let Some(r) = &env.region {
        return Ok(r.clone());
    }
    let from_vault = service::txn::read_only(env, &crate::core::stored::Scope::Nothing, |v, _| {
        Ok(v.default_region.clone())
    })?;
    Ok(from_vault.unwrap_or_else(|| service::DEFAULT_REGION.to_string()))
}

/// Single-quoted for a POSIX shell.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// What a client needs to reach the server: the endpoint, a key pair, the region, and
/// the Agent token when the keys are the owner's.
pub struct ClientSettings {
    pub endpoint: String,
    pub access_key_id: String,
    pub secret_access_key: Zeroizing<String>,
    pub region: String,
    pub agent_token: Option<Zeroizing<String>>,
}

/// The [`ClientSettings`] for the owner, or for principal `principal` (its own key pair
/// and nothing of anyone else's: the Agent token is the owner's).
pub fn client_settings(
    env: &Env,
    options: &Options,
    principal: Option<&str>,
) -> Result<ClientSettings, Error> {
    let address = *addresses(options)?.first().ok_or_else(|| {
        Error::ParamValidation(format!("--listen {}: no address", options.listen))
    })?;
    let (access_key_id, secret_access_key, agent_token) = match principal {
        None => {
            let s = owner_credentials(env, options)?;
            let secret = Zeroizing::new(s.secret_access_key.clone());
            let token = Zeroizing::new(s.agent_token.clone());
            (s.access_key_id.clone(), secret, Some(token))
        }
        Some(name) => {
            let (_, key) = service::principals::credentials_of(env, name)?;
            (key.access_key_id, key.secret_access_key, None)
        }
    };
    Ok(ClientSettings {
        endpoint: endpoint_url(address),
        access_key_id,
        secret_access_key,
        region: default_region(env)?,
        agent_token,
    })
}

/// `smvault serve --print-env [--principal NAME]`: the exports that point an SDK at the
/// server, with the owner's credentials, or with principal `principal`'s key pair and
/// nothing of anyone else's (the Agent token is the owner's: it is unset instead).
pub fn print_env(env: &Env, options: &Options, principal: Option<&str>) -> Result<String, Error> {
    let c = client_settings(env, options, principal)?;
    let token = c.agent_token;
    let mut out = String::new();
    for (name, value) in [
        (
            "AWS_ENDPOINT_URL_SECRETS_MANAGER",
            Some(c.endpoint.as_str()),
        ),
        // GetCallerIdentity on the same endpoint (sts.rs): Terraform and the Agent ask it.
        ("AWS_ENDPOINT_URL_STS", Some(c.endpoint.as_str())),
        ("AWS_ACCESS_KEY_ID", Some(c.access_key_id.as_str())),
        ("AWS_SECRET_ACCESS_KEY", Some(c.secret_access_key.as_str())),
        ("AWS_REGION", Some(c.region.as_str())),
        ("AWS_DEFAULT_REGION", Some(c.region.as_str())),
        ("AWS_TOKEN", token.as_ref().map(|t| t.as_str())),
    ] {
        if let Some(value) = value {
            out.push_str(&format!("export {name}={}\n", shell_quote(value)));
        }
    }
    // A session token left in the environment would be sent with every request and refused;
    // a principal's environment keeps no owner's Agent token from an earlier export.
    let unset = if token.is_some() { "" } else { " AWS_TOKEN" };
    out.push_str(&format!(
        "unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN{unset}\n"
    ));
    Ok(out)
}

/// Runs the server until SIGINT or SIGTERM, then lets the requests in flight finish for
/// the grace period, commits every write queued, and returns.
pub fn run(env: Env, options: Options) -> Result<(), Error> {
    let addrs = addresses(&options)?;
    let max_connections = limits::max_connections(options.limits.max_connections)?;
    // Opened first: a log that cannot be opened stops the server before it reads or
    // changes anything (the first serve makes its credentials).
    let audit = options
        .audit
        .as_deref()
        .map(service::audit::Log::open)
        .transpose()?;
    let serving = owner_credentials(&env, &options)?;
    if let Some(name) = &options.agent_principal {
        // Named wrong, the route would deny everything: refused before serving.
        service::principals::credentials_of(&env, name)?;
    }
    // The identity is read once: a protected one asks its passphrase here, not per request.
    let mut env = env.with_identity_loaded()?;
    env.cache = Some(Arc::new(service::ReadCache::default()));
    // The account id (set when the vault is made, `init`, never changed by an operation)
    // from the vault's principals as the first request would find them: this decryption is
    // kept for it, not made twice.
    let account = service::txn::keyring(&env, false)?
        .map(|found| found.keyring.account.clone())
        .filter(|account| !account.is_empty())
        .unwrap_or_else(|| crate::core::model::DEFAULT_ACCOUNT_ID.to_string());
    memory::prepare();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(limits::worker_threads())
        .max_blocking_threads(limits::BLOCKING_THREADS)
        .enable_all()
        .build()
        .map_err(|e| Error::General(format!("cannot start the server: {e}")))?;
    let (writes, writer) = Batcher::start(env.clone(), options.clock);
    let state = Arc::new(State {
        env,
        serving,
        account,
        bodies: body::Budget::new(options.limits.max_body_memory),
        audit,
        options,
        writes,
    });
    let served = runtime.block_on(serve(state, addrs, max_connections));
    // Connections still open after the grace period are dropped with their tasks here; a
    // blocking read or rotation function still running gets one more second.
    runtime.shutdown_timeout(Duration::from_secs(1));
    // With every request gone the batcher's queue is closed: it commits what is queued
    // (a write is acknowledged only once committed, so none acknowledged is lost) and ends.
    let _ = writer.join();
    served
}

async fn serve(
    state: Arc<State>,
    addrs: Vec<SocketAddr>,
    max_connections: usize,
) -> Result<(), Error> {
    let listener = tokio::net::TcpListener::bind(&addrs[..])
        .await
        .map_err(|e| Error::General(format!("cannot listen on {}: {e}", state.options.listen)))?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::General(format!("cannot listen: {e}")))?;
    // Watched before the line below announces the server: a SIGTERM sent as soon as it is
    // ready (a `docker stop` right after start) must stop it cleanly, not kill it.
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(|e| Error::General(format!("cannot watch for SIGTERM: {e}")))?;
    let mut int = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
        .map_err(|e| Error::General(format!("cannot watch for SIGINT: {e}")))?;
    say!(
        "smvault: serving {} at {}",
        state.env.vault_path.display(),
        endpoint_url(local)
    );
    say!(
        "smvault: {}",
        limits::describe(&state.options.limits, max_connections)
    );
    let limits = state.options.limits;
    let table = conns::Table::new(max_connections, OVERFLOW_CONNECTIONS);
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    // No header timer of hyper's: `watch_over` closes a connection whose client has been
    // waited for longer than the request timeout (idle, or mid-head, or mid-body), and one
    // timer per request less is about 2% of an answer's time.
    http.header_read_timeout(None).max_buf_size(READ_BUFFER);
    let mut overflow = hyper::server::conn::http1::Builder::new();
    overflow
        .timer(TokioTimer::new())
        .header_read_timeout(OVERFLOW_TIMEOUT)
        .max_buf_size(READ_BUFFER)
        .keep_alive(false);
    let trimmer = tokio::spawn(memory::give_back_after_bursts(state.bodies.clone()));
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let _ = stream.set_nodelay(true);
                    match table.admit() {
                        Admission::Served(ticket) => {
                            // Its buffers count in the memory budget while it is open.
                            let buffer = state.bodies.hold(CONNECTION_COST);
                            let slot = ticket.slot.clone();
                            let st = state.clone();
                            let service = hyper::service::service_fn(move |req| {
                                handle(st.clone(), slot.clone(), peer, req)
                            });
                            let conn = graceful.watch(http.serve_connection(TokioIo::new(conns::Coalesced::new(stream)), service));
                            tokio::spawn(async move {
                                watch_over(conn, ticket, limits.request_timeout).await;
                                drop(buffer);
                            });
                        }
                        Admission::Overflow(ticket) => {
                            let buffer = state.bodies.hold(CONNECTION_COST);
                            let st = state.clone();
                            let service = hyper::service::service_fn(move |req| over_cap(st.clone(), req));
                            let conn = graceful.watch(overflow.serve_connection(TokioIo::new(stream), service));
                            tokio::spawn(async move {
                                let _ = tokio::time::timeout(OVERFLOW_TIMEOUT + ANSWER_SLACK, conn).await;
                                drop((ticket, buffer));
                            });
                        }
                        // Closed at once, after a look at what it has sent already: a
                        // health check that came with its request is still answered.
                        Admission::Refused => {
                            let mut head = [0u8; 10];
                            let ping = stream.try_read(&mut head).is_ok_and(|n| head[..n] == *b"GET /ping ");
                            let _ = stream.try_write(if ping { HEALTHY } else { REFUSED });
                        }
                    }
                }
                Err(e) if limits::out_of_descriptors(&e) => tokio::time::sleep(ACCEPT_BACKOFF).await,
                Err(_) => {}
            },
            _ = int.recv() => break,
            _ = term.recv() => break,
        }
    }
    // Stop accepting at once; idle connections close now; a request in flight (a write
    // with it) gets the grace period to finish.
    drop(listener);
    trimmer.abort();
    let grace = limits.shutdown_timeout;
    if tokio::time::timeout(grace, graceful.shutdown())
        .await
        .is_err()
    {
        let (open, over) = table.open();
        say!(
            "smvault: {} connections still open after the {} s grace period: closing them",
            open + over,
            grace.as_secs_f64()
        );
    }
    Ok(())
}

/// Serves one connection until it ends, is displaced by a newer one at the cap, or
/// overruns its request's deadline (headers, body, and the answer read back included).
async fn watch_over<C: std::future::Future>(conn: C, ticket: conns::Ticket, timeout: Duration) {
    tokio::pin!(conn);
    let slot = ticket.slot.clone();
    loop {
        let overdue = |now: Instant| {
            slot.deadline(timeout)
                .map(|d| d + ANSWER_SLACK)
                .filter(|d| *d <= now)
        };
        // Busy: nothing to enforce until the answer is given; look again in `timeout`.
        let wake = slot
            .deadline(timeout)
            .map_or(Instant::now() + timeout, |d| d + ANSWER_SLACK);
        tokio::select! {
            _ = &mut conn => break,
            _ = slot.displaced() => break,
            _ = tokio::time::sleep_until(wake.into()) => {
                if overdue(Instant::now()).is_some() {
                    break;
                }
            }
        }
    }
    drop(ticket);
}

/// A response with the headers every answer carries, and never a CORS header.
fn respond(
    status: StatusCode,
    content_type: Option<&str>,
    body: impl Into<Bytes>,
) -> Response<Full<Bytes>> {
    let mut builder = Response::builder().status(status);
    if let Some(t) = content_type {
        builder = builder.header("content-type", t);
    }
    builder
        .body(Full::new(body.into()))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::new())))
}

/// What the log line and the audit line say of a request.
#[derive(Default)]
struct Logged {
    operation: String,
    secret: Option<String>,
    /// Who the request proved to be (anonymous until its signature or token holds).
    principal: Principal,
    /// What decided it, when a policy did; else [`Decision::of`] the principal.
    decision: Option<Decision>,
}

impl Logged {
    /// Takes what the policies decided for a principal's request, once it has run (the
    /// owner's and the Agent token's decisions need no policy).
    fn decided(&mut self, acting: &service::access::Acting) {
        if let Some(verdict) = acting.verdict() {
            self.decision = Some(Decision::of_verdict(&verdict));
        }
    }
}

/// A field of a log line as sent, but on one line and unambiguous: a client's control
/// characters (a `%0A` in a secret id), whitespace (the field separator), invisible
/// format characters and the backslash itself are written as escapes, so no request can
/// forge a line or a field.
pub fn log_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii_graphic() => out.push(c),
            c if c.is_ascii() || c.is_whitespace() || c.is_control() => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            // Non-ASCII letters stay; what Rust's Debug escapes (format, unassigned) does not.
            c => out.extend(c.escape_debug()),
        }
    }
    out.into()
}

async fn handle(
    state: Arc<State>,
    slot: Arc<Slot>,
    peer: SocketAddr,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    // Read only for the log line: one clock reading less per request without `--log`.
    let started = state.options.log.then(Instant::now);
    let at = state.audit.as_ref().map(|_| now(&state));
    let mut logged = Logged::default();
    let front = Front::of(&req);
    let response = match &state.audit {
        // The last audit line failed: nothing runs until one is written again, this
        // request's own line being the probe (service::audit says why).
        Some(audit) if audit.failing() && req.uri().path() != "/ping" => {
            unaudited(&req, front, &mut logged)
        }
        _ => route(&state, &slot, peer, req, front, &mut logged).await,
    };
    let response = match (&state.audit, at) {
        (Some(audit), Some(at)) => audited(audit, at, peer, front, &logged, response),
        _ => response,
    };
    // Answered: from now on the connection waits for its client again.
    slot.end();
    log(&logged, &response, started);
    Ok(response)
}

/// Which of the server's fronts a request is for, from its head alone: whose error
/// format its refusals take, even those given before it is routed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Front {
    /// The Agent's local API (`/secretsmanager/get`, `/v1/...`).
    Agent,
    /// STS's Query protocol: [`sts::recognised`].
    Sts,
    /// Secrets Manager's JSON protocol, and anything else.
    Api,
}

impl Front {
    fn of<B>(req: &Request<B>) -> Front {
        if is_agent_path(req.uri().path()) {
            Front::Agent
        } else if sts::recognised(req.method(), req.uri(), req.headers()) {
            Front::Sts
        } else {
            Front::Api
        }
    }

    /// A refusal in this front's format: STS's XML (in the Query protocol's names), else
    /// the JSON protocol's `{"__type","message"}` ([`api::error`] says which key).
    fn refusal(self, status: StatusCode, code: &str, message: &str) -> Response<Full<Bytes>> {
        if self == Front::Sts {
            sts::refusal(status, code, message)
        } else {
            api::error(status, code, message)
        }
    }
}

/// The answer of a request the audit log cannot take: the server's fault (500), in the
/// route's own error format, and the connection closes.
fn audit_failed(front: Front, message: &str) -> Response<Full<Bytes>> {
    closing(match front {
        Front::Agent => respond(
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
            r#"{"__type":"InternalFailure"}"#,
        ),
        Front::Sts | Front::Api => front.refusal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServiceError",
            message,
        ),
    })
}

/// A request refused, unread, while the audit log is failing.
fn unaudited(req: &Request<Incoming>, front: Front, logged: &mut Logged) -> Response<Full<Bytes>> {
    let target = req
        .headers()
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    logged.operation = match front {
        Front::Agent => "agent:GetSecretValue".into(),
        // Its body (where a POST's `Action` is) is not read.
        Front::Sts => "sts:-".into(),
        Front::Api => target
            .strip_prefix("secretsmanager.")
            .unwrap_or(target)
            .into(),
    };
    logged.decision = Some(Decision::Denied {
        by: "audit log (its last write failed)".into(),
    });
    audit_failed(
        front,
        "The server's audit log cannot be written; nothing was read or changed",
    )
}

/// Writes the request's audit line before it is answered; when the line cannot be
/// written the answer becomes a 500 (no value leaves), and a write already committed is
/// said so, to the client and on stderr. `/ping` (no vault, no credentials) has none.
fn audited(
    audit: &service::audit::Log,
    at: Millis,
    peer: SocketAddr,
    front: Front,
    logged: &Logged,
    response: Response<Full<Bytes>>,
) -> Response<Full<Bytes>> {
    use service::audit::{Entry, Request};
    if logged.operation == "ping" {
        return response;
    }
    let request_id = response
        .headers()
        .get("x-amzn-requestid")
        .and_then(|v| v.to_str().ok())
        .map_or_else(service::audit::request_id, str::to_string);
    let result = if response.status() == StatusCode::OK {
        "OK".to_string()
    } else {
        error_code(&response)
    };
    let decision = logged
        .decision
        .clone()
        .unwrap_or_else(|| Decision::of(&logged.principal));
    let entry = Entry::new(Request {
        at,
        request_id: &request_id,
        principal: &logged.principal,
        source: Some(peer.to_string()),
        operation: &logged.operation,
        secret_id: logged.secret.as_deref(),
        decision: &decision,
        result: &result,
    });
    let Err(e) = audit.record(&entry) else {
        return response;
    };
    let committed = response.status() == StatusCode::OK
        && service::operation(&logged.operation)
            .is_some_and(|op| matches!(op.access, Access::Write | Access::Rotation));
    say!(
        "smvault: AUDIT FAILURE: request {request_id} ({} {}){}: {e}",
        log_field(&entry.operation),
        entry.secret_id.as_deref().map_or("-".into(), log_field),
        if committed {
            " was committed to the vault, but its audit line could not be written; it was answered as failed"
        } else {
            " was refused, its audit line could not be written"
        }
    );
    audit_failed(
        front,
        if committed {
            "The change was made, but its audit record could not be written; see the server's log"
        } else {
            "The request was not answered: its audit record could not be written"
        },
    )
}

/// The error code of an answer: its `__type` (AWS JSON 1.1 and the Agent's JSON errors),
/// its `<Code>` (STS's XML), or its HTTP status (the Agent's plain-text refusals: `Bad Token` is `403`).
fn error_code(response: &Response<Full<Bytes>>) -> String {
    use hyper::body::Body as _;
    // A `Full` body is one frame, ready at once: no waker is ever needed.
    let mut body = response.body().clone();
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    let code = match std::pin::Pin::new(&mut body).poll_frame(&mut cx) {
        std::task::Poll::Ready(Some(Ok(frame))) => frame.into_data().ok().and_then(|b| {
            let json = serde_json::from_slice::<serde_json::Value>(&b).ok();
            match json {
                Some(v) => v.get("__type").and_then(|t| t.as_str()).map(str::to_string),
                None => sts::error_code(&b),
            }
        }),
        _ => None,
    };
    code.unwrap_or_else(|| response.status().as_u16().to_string())
}

/// The `--log` line of a request: operation, secret, status, latency.
fn log(logged: &Logged, response: &Response<Full<Bytes>>, started: Option<Instant>) {
    if let Some(started) = started {
        say!(
            "{} {} {} {:.3}ms",
            if logged.operation.is_empty() {
                "-".into()
            } else {
                log_field(&logged.operation)
            },
            logged.secret.as_deref().map_or("-".into(), log_field),
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// `GET /ping`: no token, no vault.
fn ping(req: &Request<Incoming>) -> Response<Full<Bytes>> {
    if req.method() == hyper::Method::GET {
        respond(StatusCode::OK, None, "healthy")
    } else {
        respond(StatusCode::METHOD_NOT_ALLOWED, None, "Not allowed")
    }
}

fn is_agent_path(path: &str) -> bool {
    path == "/secretsmanager/get" || path.starts_with(agent::PATH_PREFIX)
}

async fn route(
    state: &Arc<State>,
    slot: &Slot,
    peer: SocketAddr,
    req: Request<Incoming>,
    front: Front,
    logged: &mut Logged,
) -> Response<Full<Bytes>> {
    let path = req.uri().path().to_string();
    let api = path != "/ping" && !is_agent_path(&path);
    if api && (req.method() == hyper::Method::POST || sts::is_query_get(req.method(), req.uri())) {
        let (parts, body) = req.into_parts();
        let timeout = state.options.limits.request_timeout;
        let deadline = slot
            .deadline(timeout)
            .unwrap_or_else(|| Instant::now() + timeout);
        let body = match body::read(body, deadline, &state.bodies).await {
            Ok(body) => body,
            Err(e) => return body_refused(e, &state.options.limits, front),
        };
        if !slot.begin() {
            return displaced(front);
        }
        let arrival = arrive(state, slot).await;
        // The body (and its share of the memory budget) is held until answered.
        if front == Front::Sts {
            return sts::handle(state, arrival, parts, body.bytes.clone(), logged).await;
        }
        return api::handle(state, arrival, peer, parts, body.bytes.clone(), logged).await;
    }
    // Nothing more to read: the request is whole.
    if !slot.begin() {
        return displaced(front);
    }
    if path == "/ping" {
        logged.operation = "ping".into();
        return ping(&req);
    }
    if is_agent_path(&path) {
        let arrival = arrive(state, slot).await;
        return agent::handle(state, arrival, peer, req, logged).await;
    }
    respond(StatusCode::NOT_FOUND, None, "Not found")
}

/// Counts a request received whole ([`service::looks`]: it may share a look at the vault
/// file begun from now on). When other connections are open, their requests may be in
/// too: one turn of the scheduler lets them be received before any of them looks, so one
/// `stat` serves them all; a lone connection's request does not wait.
async fn arrive(state: &State, slot: &Slot) -> Option<Arrival> {
    let arrival = state.env.cache.as_ref().map(|c| c.looks.arrive());
    if !slot.alone() {
        Requeue(false).await;
    }
    arrival
}

/// Puts the task at the back of its worker's queue, behind the tasks already woken
/// (those of the other connections whose requests came in), without polling for more
/// I/O first as `tokio::task::yield_now` does: a task woken while it runs is requeued
/// behind the others.
struct Requeue(bool);

impl std::future::Future for Requeue {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

/// A request on a connection beyond the cap (none could be displaced): `/ping` is
/// answered, the Agent's route refused as the Agent refuses (429 `Connection limit
/// exceeded`, research §3), anything else with 503 and `Retry-After`, which SDKs retry.
async fn over_cap(
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let started = state.options.log.then(Instant::now);
    let path = req.uri().path();
    let mut logged = Logged {
        operation: "over-cap".into(),
        ..Logged::default()
    };
    let response = if path == "/ping" {
        logged.operation = "ping".into();
        ping(&req)
    } else if is_agent_path(path) {
        respond(
            StatusCode::TOO_MANY_REQUESTS,
            None,
            "Connection limit exceeded",
        )
    } else {
        unavailable(
            Front::of(&req),
            "The server is at its connection limit (--max-connections); retry shortly",
        )
    };
    log(&logged, &response, started);
    Ok(closing(response))
}

/// The answer for a temporary failure (`ServiceUnavailable`, 503, in AWS's common errors
/// of Secrets Manager and of STS alike:
/// docs.aws.amazon.com/secretsmanager/latest/apireference/CommonErrors.html), in `front`'s
/// format, with a `Retry-After`.
fn unavailable(front: Front, message: &str) -> Response<Full<Bytes>> {
    let mut response = front.refusal(
        StatusCode::SERVICE_UNAVAILABLE,
        "ServiceUnavailable",
        message,
    );
    response.headers_mut().insert(
        hyper::header::RETRY_AFTER,
        hyper::header::HeaderValue::from_static("1"),
    );
    response
}

/// The answer when the connection was displaced while its request arrived: it closes.
fn displaced(front: Front) -> Response<Full<Bytes>> {
    closing(unavailable(
        front,
        "The server is at its connection limit (--max-connections); retry shortly",
    ))
}

/// `response`, and the connection closes after it.
fn closing(mut response: Response<Full<Bytes>>) -> Response<Full<Bytes>> {
    response.headers_mut().insert(
        hyper::header::CONNECTION,
        hyper::header::HeaderValue::from_static("close"),
    );
    response
}

/// The answer to a body that was not taken; the connection closes after it, as what is
/// left of the body is not read.
fn body_refused(e: BodyError, limits: &Limits, front: Front) -> Response<Full<Bytes>> {
    closing(match e {
        BodyError::TooLarge => front.refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            "RequestEntityTooLargeException",
            &format!("Request body is larger than {MAX_BODY} bytes"),
        ),
        // Smithy's awsJson1_1 servers answer a request body they cannot read this way.
        BodyError::Malformed => front.refusal(
            StatusCode::BAD_REQUEST,
            "SerializationException",
            "The request body is malformed (bad chunked encoding) or was cut short",
        ),
        BodyError::TimedOut => front.refusal(
            StatusCode::REQUEST_TIMEOUT,
            "RequestTimeoutException",
            &format!(
                "The request did not arrive whole within {} s, or its body came slower than {} bytes/s",
                limits.request_timeout.as_secs_f64(),
                limits::MIN_BODY_RATE
            ),
        ),
        BodyError::NoMemory => unavailable(
            front,
            "The server is holding as many request bodies as it may (--max-body-memory); retry shortly",
        ),
    })
}

/// A request's headers as the SigV4 verifier reads them.
fn header_pairs(parts: &Parts) -> Vec<(&str, &[u8])> {
    parts
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_bytes()))
        .collect()
}

/// The request `parts` and `body` as the SigV4 verifier sees it; `headers` from
/// [`header_pairs`].
fn sigv4_request<'a>(
    parts: &'a Parts,
    headers: &'a [(&'a str, &'a [u8])],
    body: &'a [u8],
) -> sigv4::Request<'a> {
    sigv4::Request {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        query: parts.uri.query().unwrap_or(""),
        headers,
        body,
    }
}

/// Runs blocking vault work off the async workers.
async fn blocking<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> Option<R> {
    tokio::task::spawn_blocking(f).await.ok()
}

/// An answer rendered by the service as a body, without a copy: its bytes are wiped once
/// it is sent and the vault version it was kept with is gone.
/// A read, answered in `form` (the route's): a warm one here (GetSecretValue's answer kept
/// rendered with the vault version it was read from), as handing it to a blocking thread
/// costs more than it does; anything else (a cold read, RotateSecret's function) on a
/// blocking thread. `None`: that thread stopped.
async fn read(
    op: &'static service::Operation,
    request: serde_json::Value,
    env: service::Env,
    form: &'static str,
    render: fn(serde_json::Value) -> Vec<u8>,
) -> Option<Result<Bytes, Error>> {
    match service::txn::answer_quick(op, &request, &env, form, render) {
        Some(quick) => Some(quick.map(answer_body)),
        None => blocking(move || service::execute(op, request, &env).map(render))
            .await
            .map(|r| r.map(Bytes::from)),
    }
}

fn answer_body(answer: Arc<service::Answer>) -> Bytes {
    struct Sent(Arc<service::Answer>);
    impl AsRef<[u8]> for Sent {
        fn as_ref(&self) -> &[u8] {
            self.0.as_ref().as_ref()
        }
    }
    Bytes::from_owner(Sent(answer))
}

/// This moment, by the clock the server was given (the CLI's, with its test hooks): the
/// server reads the time nowhere else, its signatures' check included.
fn now(state: &State) -> Millis {
    (state.options.clock)()
}

/// The service environment for one request: at `now` (its one reading of the clock),
/// received whole at `arrival`; a signed request's region is set once its signature holds.
fn env_for(state: &State, now: Millis, arrival: Option<Arrival>) -> Env {
    let mut env = state.env.clone();
    env.now = now;
    env.arrival = arrival;
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_takes_what_is_queued_and_waits_only_for_as_many_as_the_last_one_had() {
        let (send, jobs) = std::sync::mpsc::channel();
        for i in 1..4 {
            send.send(i).unwrap();
        }
        // Everything queued is taken, however few the last batch had.
        assert_eq!(gather(&jobs, 0, 1, Duration::ZERO), [0, 1, 2, 3]);
        // Short of the last batch's size with nothing arriving: it goes with what it has.
        assert_eq!(gather(&jobs, 0, 16, Duration::from_millis(1)), [0]);
        // Writers coming back one by one join it until it is as large as the last one,
        // and it does not wait out its time once it is (a minute, were it to).
        let late = std::thread::spawn(move || {
            for i in 1..3 {
                send.send(i).unwrap();
            }
            send
        });
        assert_eq!(gather(&jobs, 0, 3, Duration::from_secs(60)), [0, 1, 2]);
        let send = late.join().unwrap();
        // Never more than MAX_BATCH in one commit.
        for i in 0..MAX_BATCH + 5 {
            send.send(i).unwrap();
        }
        assert_eq!(gather(&jobs, 0, 1, Duration::ZERO).len(), MAX_BATCH);
    }

    #[test]
    fn a_logged_field_cannot_break_the_line_or_the_fields() {
        assert_eq!(log_field("prod/db-1"), "prod/db-1");
        assert_eq!(
            log_field("a\nping - 200 0.1ms\r\u{1b}[2J"),
            r"a\u{a}ping\u{20}-\u{20}200\u{20}0.1ms\u{d}\u{1b}[2J"
        );
        assert_eq!(
            log_field(r"a\u{a}"),
            r"a\\u{a}",
            "an escape sent as text stays text"
        );
        // A letter stays; a bidi override, a line separator and a no-break space do not.
        assert_eq!(
            log_field("caf\u{e9}\u{202e}\u{2028}\u{a0}"),
            "caf\u{e9}\\u{202e}\\u{2028}\\u{a0}"
        );
    }
}

//! `smvault serve`: the vault as a Secrets Manager endpoint (AWS JSON 1.1, SigV4) and as
//! the Secrets Manager Agent's local API, over hyper on tokio. A thin edge: HTTP in,
//! the service layer runs the operation, HTTP out.

mod agent;
mod api;
pub mod sigv4;

use std::convert::Infallible;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;

use crate::core::model::{Millis, Serving};
use crate::service::{self, Env, Error};

/// The largest request body taken: a 64 KiB secret written with JSON's `\uXXXX`
/// escapes, with room for the other members (the Agent allows 321 KiB in all).
const MAX_BODY: usize = 512 * 1024;
/// A client gets this long to send a request's headers; idle keep-alive
/// connections are closed after it too, so a slow client cannot hold a worker.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How the server was asked to run.
pub struct Options {
    pub listen: String,
    /// Allow an address other than loopback.
    pub allow_remote: bool,
    /// One line per request on stderr.
    pub log: bool,
    /// Reads the time for each request (the CLI's clock, test hooks included).
    pub clock: fn() -> Millis,
}

/// What every request shares.
struct State {
    env: Env,
    serving: Serving,
    options: Options,
    writes: Batcher,
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

impl Batcher {
    fn start(env: Env, clock: fn() -> Millis) -> Batcher {
        let (queue, jobs) = std::sync::mpsc::channel::<Queued>();
        std::thread::spawn(move || {
            while let Ok(first) = jobs.recv() {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match jobs.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
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
        Batcher { queue }
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
        eprintln!(
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

/// `smvault serve --print-env`: the exports that point an SDK at the server.
pub fn print_env(env: &Env, options: &Options) -> Result<String, Error> {
    let address = *addresses(options)?.first().ok_or_else(|| {
        Error::ParamValidation(format!("--listen {}: no address", options.listen))
    })?;
    let serving = service::serving::credentials(env)?;
    let region = default_region(env)?;
    let mut out = String::new();
    for (name, value) in [
        (
            "AWS_ENDPOINT_URL_SECRETS_MANAGER",
            endpoint_url(address).as_str(),
        ),
        ("AWS_ACCESS_KEY_ID", serving.access_key_id.as_str()),
        ("AWS_SECRET_ACCESS_KEY", serving.secret_access_key.as_str()),
        ("AWS_REGION", region.as_str()),
        ("AWS_DEFAULT_REGION", region.as_str()),
        ("AWS_TOKEN", serving.agent_token.as_str()),
    ] {
        out.push_str(&format!("export {name}={}\n", shell_quote(value)));
    }
    // A session token left in the environment would be sent with every request and refused.
    out.push_str("unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN\n");
    Ok(out)
}

/// Runs the server until SIGINT or SIGTERM, then lets the requests in flight finish.
pub fn run(env: Env, options: Options) -> Result<(), Error> {
    let addrs = addresses(&options)?;
    let serving = service::serving::credentials(&env)?;
    // The identity is read once: a protected one asks its passphrase here, not per request.
    let mut env = env.with_identity_loaded()?;
    env.cache = Some(Arc::new(service::ReadCache::default()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::General(format!("cannot start the server: {e}")))?;
    let writes = Batcher::start(env.clone(), options.clock);
    let state = Arc::new(State {
        env,
        serving,
        options,
        writes,
    });
    runtime.block_on(serve(state, addrs))
}

async fn serve(state: Arc<State>, addrs: Vec<SocketAddr>) -> Result<(), Error> {
    let listener = tokio::net::TcpListener::bind(&addrs[..])
        .await
        .map_err(|e| Error::General(format!("cannot listen on {}: {e}", state.options.listen)))?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::General(format!("cannot listen: {e}")))?;
    eprintln!(
        "smvault: serving {} at {}",
        state.env.vault_path.display(),
        endpoint_url(local)
    );
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(|e| Error::General(format!("cannot watch for SIGTERM: {e}")))?;
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(64 * 1024);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let state = state.clone();
                let service = hyper::service::service_fn(move |req| handle(state.clone(), req));
                let conn = http.serve_connection(TokioIo::new(stream), service);
                let watched = graceful.watch(conn);
                tokio::spawn(async move {
                    let _ = watched.await;
                });
            }
            _ = tokio::signal::ctrl_c() => break,
            _ = term.recv() => break,
        }
    }
    drop(listener);
    // Idle connections close now; a request in flight (a write with it) runs to its end.
    graceful.shutdown().await;
    Ok(())
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

/// What the log line says of a request.
#[derive(Default)]
struct Logged {
    operation: String,
    secret: Option<String>,
}

/// A field of a log line as sent, but on one line and unambiguous: a client's control
/// characters (a `%0A` in a secret id), whitespace (the field separator), invisible
/// format characters and the backslash itself are written as escapes, so no request can
/// forge a line or a field.
fn log_field(s: &str) -> std::borrow::Cow<'_, str> {
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
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let started = Instant::now();
    let mut logged = Logged::default();
    let response = route(&state, req, &mut logged).await;
    if state.options.log {
        eprintln!(
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
    Ok(response)
}

async fn route(
    state: &Arc<State>,
    req: Request<Incoming>,
    logged: &mut Logged,
) -> Response<Full<Bytes>> {
    let path = req.uri().path().to_string();
    if path == "/ping" {
        logged.operation = "ping".into();
        return if req.method() == hyper::Method::GET {
            respond(StatusCode::OK, None, "healthy")
        } else {
            respond(StatusCode::METHOD_NOT_ALLOWED, None, "Not allowed")
        };
    }
    if path == "/secretsmanager/get" || path.starts_with(agent::PATH_PREFIX) {
        return agent::handle(state, req, logged).await;
    }
    if req.method() == hyper::Method::POST {
        let (parts, body) = req.into_parts();
        let body = match Limited::new(body, MAX_BODY).collect().await {
            Ok(b) => b.to_bytes(),
            Err(_) => {
                return api::error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "RequestEntityTooLargeException",
                    "message",
                    &format!("Request body is larger than {MAX_BODY} bytes"),
                );
            }
        };
        return api::handle(state, parts, body, logged).await;
    }
    respond(StatusCode::NOT_FOUND, None, "Not found")
}

/// Runs blocking vault work off the async workers.
async fn blocking<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> Option<R> {
    tokio::task::spawn_blocking(f).await.ok()
}

/// The service environment for one request: this moment, in `region`.
fn env_for(state: &State, region: Option<String>) -> Env {
    let mut env = state.env.clone();
    env.now = (state.options.clock)();
    if region.is_some() {
        env.region = region;
    }
    env
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! The bounds that keep `smvault serve` answering whoever can reach its port: how long a
//! request may take to arrive, how fast its body must come, how many connections are
//! served, how much body memory all requests may hold, and how long SIGTERM waits; with
//! the connection cap's default, derived from the file descriptors the process may open.

use std::time::Duration;

use crate::service::Error;

/// A request's headers and body must arrive within this long of the server starting to
/// wait for it (the connection opening, or the previous answer on a kept-alive one);
/// an idle kept-alive connection is closed after it too.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long SIGTERM lets the requests in flight finish.
pub const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(10);
/// The memory buffered for requests: each connection's buffers and every body. A
/// body larger than [`SMALL_BODY`] is taken only while the total stays within it.
pub const MAX_BODY_MEMORY: usize = 64 * 1024 * 1024;
/// The largest request body taken: a 64 KiB secret written with JSON's `\uXXXX`
/// escapes, with room for the other members (the Agent allows 321 KiB in all).
pub const MAX_BODY: usize = 512 * 1024;
/// A body this small is always taken (it is counted in the budget all the same): every
/// read and most writes fit, so they are never refused for memory another client holds.
pub const SMALL_BODY: usize = 16 * 1024;
/// A body gets this long to start, then must keep ahead of [`MIN_BODY_RATE`]: a client
/// that stalls mid-body loses its connection in seconds, not at the request deadline
/// (the rule Apache's mod_reqtimeout applies: an initial time extended by a minimum rate).
pub const BODY_GRACE: Duration = Duration::from_secs(2);
/// Bytes per second, on average from the body's start, after [`BODY_GRACE`].
pub const MIN_BODY_RATE: u64 = 8 * 1024;
/// hyper's buffer per connection (its smallest), which bounds a request's headers (431
/// beyond; a signed request's are about 1.5 KiB): hundreds of connections receiving
/// bodies at once cost little besides the bodies themselves.
pub const READ_BUFFER: usize = 8 * 1024;
/// What an open connection is counted for in the memory budget: not only hyper's read and
/// write buffers (8 KiB each) but what the connection costs in all, its task, hyper's state
/// and the allocator's share, as measured by bench/attack.sh (RSS grew 21 KB per idle
/// connection and 25 KB per stalled body's connection at the cap); counting only the two
/// buffers let 600 half-sent bodies take RSS 2 MB past the budget.
pub const CONNECTION_COST: usize = 32 * 1024;
/// Connections beyond the cap, when none can be displaced, that are still read briefly:
/// `/ping` is answered on them and anything else refused with 503/429 (the Agent keeps
/// extra connections for `/ping` the same way).
pub const OVERFLOW_CONNECTIONS: usize = 16;
/// How long an overflow connection has to send its request: a health check sends it at
/// once, and a client that sends nothing frees its place quickly.
pub const OVERFLOW_TIMEOUT: Duration = Duration::from_millis(500);
/// File descriptors kept for everything but client connections: stdio, the listener, the
/// runtime's own, and each blocking thread's vault, lock and temp files (and a rotation
/// function's pipes).
pub const RESERVED_FDS: u64 = 64;
/// Threads for blocking vault work (decryption, writes of access days, rotation): they
/// hold the reserved file descriptors, so their number is bounded too.
pub const BLOCKING_THREADS: usize = 16;

/// Request-serving threads never exceed this: answers take microseconds and writes go
/// through one file lock, so more threads would add memory (a malloc arena each), not speed.
pub const MAX_WORKER_THREADS: usize = 8;

/// One worker per CPU this process may run on (its affinity mask and cgroup quota, so
/// `taskset -c 0` or a container's `--cpus 1` gets one), at most [`MAX_WORKER_THREADS`].
/// More workers than CPUs preempt each other mid-request: two workers pinned to one core
/// took p99 from 0.6 ms to 3.8 ms with the client on the other core (issue 21).
pub fn worker_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(MAX_WORKER_THREADS)
}
/// The default cap never goes above this, whatever `ulimit -n` allows: each connection
/// costs up to its read buffer, its small body and hyper's write buffer in memory.
pub const DEFAULT_MAX_CONNECTIONS_CEILING: u64 = 1024;

/// The server's limits, from the `serve` options.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub request_timeout: Duration,
    /// `None`: derived from RLIMIT_NOFILE ([`max_connections`]).
    pub max_connections: Option<usize>,
    pub max_body_memory: usize,
    pub shutdown_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            request_timeout: REQUEST_TIMEOUT,
            max_connections: None,
            max_body_memory: MAX_BODY_MEMORY,
            shutdown_timeout: SHUTDOWN_TIMEOUT,
        }
    }
}

/// The file descriptors all connections may use besides the reserved ones.
fn descriptors_needed(connections: u64) -> u64 {
    connections + OVERFLOW_CONNECTIONS as u64 + RESERVED_FDS
}

/// The connection cap for a soft RLIMIT_NOFILE of `soft` (`None`: unlimited).
pub fn derived_max_connections(soft: Option<u64>) -> usize {
    let fds = soft.unwrap_or(u64::MAX);
    let free = fds.saturating_sub(descriptors_needed(0));
    free.clamp(1, DEFAULT_MAX_CONNECTIONS_CEILING) as usize
}

/// The connection cap: `--max-connections` if given, the soft limit raised up to the hard
/// one when it needs more descriptors; else derived from the soft limit as it is.
pub fn max_connections(asked: Option<usize>) -> Result<usize, Error> {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    let Some(asked) = asked else {
        return Ok(derived_max_connections(limit.current));
    };
    let needed = descriptors_needed(asked as u64);
    if limit.current.is_none_or(|soft| soft >= needed) {
        return Ok(asked);
    }
    if limit.maximum.is_none_or(|hard| hard >= needed) {
        let raised = rustix::process::Rlimit {
            current: Some(needed),
            maximum: limit.maximum,
        };
        if setrlimit(Resource::Nofile, raised).is_ok() {
            return Ok(asked);
        }
    }
    Err(Error::ParamValidation(format!(
        "--max-connections {asked} needs {needed} open files, and this process may open only {} (ulimit -n; hard limit {}); lower it or raise the limit",
        limit.current.map_or("unlimited".into(), |n| n.to_string()),
        limit.maximum.map_or("unlimited".into(), |n| n.to_string()),
    )))
}

/// The line `serve` prints at start: the limits in force.
pub fn describe(limits: &Limits, max_connections: usize) -> String {
    let open_files = rustix::process::getrlimit(rustix::process::Resource::Nofile)
        .current
        .map_or("unlimited".into(), |n| n.to_string());
    format!(
        "limits: {max_connections} connections (open files: {open_files}), {} s per request, {} MiB for request bodies, {} s to finish on SIGTERM",
        limits.request_timeout.as_secs_f64(),
        limits.max_body_memory as f64 / (1024.0 * 1024.0),
        limits.shutdown_timeout.as_secs_f64(),
    )
}

/// Whether `accept` failed for want of file descriptors or memory: the listener stays
/// readable, so retrying at once would spin; the accept loop waits a little instead.
pub fn out_of_descriptors(e: &std::io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_cap_leaves_descriptors_for_the_vault_and_stays_bounded() {
        assert_eq!(
            derived_max_connections(Some(1024)),
            1024 - 64 - OVERFLOW_CONNECTIONS
        );
        assert_eq!(derived_max_connections(Some(256)), 256 - 64 - 16);
        assert_eq!(derived_max_connections(Some(1_048_576)), 1024);
        assert_eq!(derived_max_connections(None), 1024);
        // Even a tiny limit serves someone.
        assert_eq!(derived_max_connections(Some(20)), 1);
    }

    #[test]
    fn running_out_of_descriptors_is_told_from_other_accept_errors() {
        assert!(out_of_descriptors(&std::io::Error::from_raw_os_error(
            libc::EMFILE
        )));
        assert!(!out_of_descriptors(&std::io::Error::from_raw_os_error(
            libc::ECONNABORTED
        )));
    }
}

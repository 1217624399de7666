//! `smvault health [URL]`: asks a running `serve` for `GET /ping` and exits 0 when it
//! answers 200 `healthy`, 1 otherwise: the health check of a container image built FROM
//! scratch, which has no curl or wget (Docker's HEALTHCHECK and compose's `healthcheck`
//! treat exit 0 as healthy and 1 as unhealthy). One HTTP/1.1 GET over a std TcpStream,
//! with a deadline on every step, is all it takes: no HTTP client crate, and nothing of
//! tokio or hyper in the `smvault` binary (src/cli/binaries.rs says why that matters).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use clap::{Arg, ArgMatches, Command};

use super::exit::CliError;

/// Where `serve` listens unless told otherwise (its `--listen` default).
const DEFAULT_LISTEN: &str = "127.0.0.1:2773";
/// The most of an answer read: the status line and `healthy` fit many times over.
const MAX_ANSWER: usize = 4096;

pub fn command() -> Command {
    Command::new("health")
        .about("Exit 0 if a running `smvault serve` answers GET /ping, else 1 (a container's health check)")
        .long_about(
            "Exit 0 if a running `smvault serve` answers GET /ping with 200 healthy, else 1: the \
             health check for a container image that has no curl (Docker's HEALTHCHECK, \
             compose's healthcheck). The URL defaults to the address SMVAULT_LISTEN names (an \
             address on all interfaces is asked on loopback), else http://127.0.0.1:2773; a URL \
             without a path asks /ping. Plain http only, as serve speaks it.",
        )
        .arg(
            Arg::new("url")
                .value_name("URL")
                .help("http://HOST:PORT[/PATH] of the server (default: from SMVAULT_LISTEN, else http://127.0.0.1:2773/ping)"),
        )
        .arg(
            Arg::new("timeout")
                .long("timeout")
                .value_name("SECONDS")
                .value_parser(clap::value_parser!(u64).range(1..=300))
                .default_value("5")
                .help("Time the whole check may take"),
        )
}

/// Host (as given, for the Host header), port and path of an `http://` URL.
#[derive(Debug, PartialEq)]
struct Target {
    host: String,
    port: u16,
    path: String,
}

fn parse_url(url: &str) -> Result<Target, String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("{url}: not an http:// URL (serve speaks plain HTTP)"))?;
    let (authority, path) = match rest.find(['/', '?']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let path = match path {
        "" | "/" => "/ping".to_string(),
        p if p.starts_with('?') => format!("/ping{p}"),
        p => p.to_string(),
    };
    if path.bytes().any(|b| b.is_ascii_control() || b == b' ') {
        return Err(format!("{url}: the path has spaces or control characters"));
    }
    // [v6]:port, host:port, or host alone (port 80, as a URL means).
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, after) = v6
            .split_once(']')
            .ok_or_else(|| format!("{url}: unclosed '[' in the address"))?;
        let port = match after {
            "" => None,
            p => Some(
                p.strip_prefix(':')
                    .ok_or_else(|| format!("{url}: not HOST:PORT"))?,
            ),
        };
        (h.to_string(), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (authority.to_string(), None),
        }
    };
    if host.is_empty() || host.contains(['@', ' ']) {
        return Err(format!("{url}: no host"));
    }
    let port = match port {
        None => 80,
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|&p| p > 0)
            .ok_or_else(|| format!("{url}: '{p}' is not a port"))?,
    };
    Ok(Target { host, port, path })
}

/// The URL for a `--listen`-style address: all interfaces are asked on loopback.
fn url_for_listen(listen: &str) -> String {
    match listen.parse::<SocketAddr>() {
        Ok(mut a) => {
            if a.ip().is_unspecified() {
                a.set_ip(match a {
                    SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                    SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
                });
            }
            format!("http://{a}/ping")
        }
        // A host name: asked as it is.
        Err(_) => format!("http://{listen}/ping"),
    }
}

/// Whether an answer is `serve`'s healthy one: status 200 (any HTTP/1.x) and the body
/// `healthy`.
fn is_healthy(answer: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(answer);
    let status = text.lines().next().unwrap_or("");
    let mut words = status.split(' ');
    let (version, code) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    if !version.starts_with("HTTP/1.") {
        return Err("the answer is not HTTP".into());
    }
    if code != "200" {
        return Err(format!("answered {}", status.escape_default()));
    }
    let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    if body.trim() != "healthy" {
        return Err("answered 200 without `healthy` (is this smvault serve?)".into());
    }
    Ok(())
}

/// Whether `answer` holds the whole response its Content-Length announces (a server
/// that keeps the connection open would otherwise hold the check until its deadline).
fn is_complete(answer: &[u8]) -> bool {
    let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&answer[..end]);
    head.lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
        .is_some_and(|len| answer.len() >= end + 4 + len)
}

/// One GET with `deadline` for the whole of it.
fn check(target: &Target, timeout: Duration) -> Result<(), String> {
    let deadline = Instant::now() + timeout;
    let left = || {
        deadline
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
            .ok_or_else(|| format!("no answer within {} s", timeout.as_secs()))
    };
    let addrs: Vec<SocketAddr> = (target.host.as_str(), target.port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {}: {e}", target.host))?
        .collect();
    let mut last = format!("{} resolves to no address", target.host);
    let mut stream = None;
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, left()?) {
            Ok(s) => {
                stream = Some(s);
                break;
            }
            Err(e) => last = format!("cannot connect to {addr}: {e}"),
        }
    }
    let mut stream = stream.ok_or(last)?;
    let host = if target.host.contains(':') {
        format!("[{}]:{}", target.host, target.port)
    } else {
        format!("{}:{}", target.host, target.port)
    };
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: smvault-health\r\nConnection: close\r\n\r\n",
        target.path
    );
    stream
        .set_write_timeout(Some(left()?))
        .and_then(|()| stream.write_all(request.as_bytes()))
        .map_err(|e| format!("cannot send the request: {e}"))?;
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    while answer.len() < MAX_ANSWER {
        stream
            .set_read_timeout(Some(left()?))
            .map_err(|e| e.to_string())?;
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                answer.extend_from_slice(&buf[..n]);
                if is_complete(&answer) {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Err(format!("no answer within {} s", timeout.as_secs()));
            }
            Err(e) => return Err(format!("cannot read the answer: {e}")),
        }
    }
    is_healthy(&answer)
}

/// `smvault health`: prints `healthy` and returns, or fails with exit 1.
pub fn run(m: &ArgMatches, listen_from_env: Option<String>) -> Result<(), CliError> {
    let url = m
        .get_one::<String>("url")
        .cloned()
        .unwrap_or_else(|| url_for_listen(listen_from_env.as_deref().unwrap_or(DEFAULT_LISTEN)));
    let timeout = Duration::from_secs(m.get_one::<u64>("timeout").copied().unwrap_or(5));
    let target = parse_url(&url).map_err(CliError::Unhealthy)?;
    check(&target, timeout).map_err(|e| CliError::Unhealthy(format!("{url}: {e}")))?;
    super::print("healthy\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(host: &str, port: u16, path: &str) -> Target {
        Target {
            host: host.into(),
            port,
            path: path.into(),
        }
    }

    #[test]
    fn a_url_without_a_path_asks_ping() {
        assert_eq!(
            parse_url("http://smvault:2773").unwrap(),
            target("smvault", 2773, "/ping")
        );
        assert_eq!(
            parse_url("http://127.0.0.1:2773/").unwrap(),
            target("127.0.0.1", 2773, "/ping")
        );
        assert_eq!(
            parse_url("http://[::1]:9/x?y").unwrap(),
            target("::1", 9, "/x?y")
        );
        assert_eq!(parse_url("http://h").unwrap(), target("h", 80, "/ping"));
    }

    #[test]
    fn urls_health_cannot_ask_are_refused() {
        for url in [
            "https://h:1",
            "h:1",
            "http://:1",
            "http://h:0",
            "http://h:x",
            "http://[::1",
            "http://h:1/a b",
            "http://u@h:1",
        ] {
            assert!(parse_url(url).is_err(), "{url}");
        }
    }

    #[test]
    fn all_interfaces_are_asked_on_loopback() {
        assert_eq!(url_for_listen("0.0.0.0:2773"), "http://127.0.0.1:2773/ping");
        assert_eq!(url_for_listen("[::]:2773"), "http://[::1]:2773/ping");
        assert_eq!(url_for_listen("10.0.0.5:80"), "http://10.0.0.5:80/ping");
        assert_eq!(
            url_for_listen("localhost:2773"),
            "http://localhost:2773/ping"
        );
    }

    #[test]
    fn an_answer_is_complete_at_its_content_length() {
        assert!(is_complete(
            b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nhealthy"
        ));
        assert!(!is_complete(
            b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nheal"
        ));
        assert!(is_complete(b"HTTP/1.1 503 x\r\ncontent-length: 0\r\n\r\n"));
        // Without a length the answer ends when the server closes.
        assert!(!is_complete(b"HTTP/1.1 200 OK\r\n\r\nhealthy"));
        assert!(!is_complete(b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\n"));
    }

    #[test]
    fn only_200_healthy_is_healthy() {
        let ok = b"HTTP/1.1 200 OK\r\ncontent-length: 7\r\n\r\nhealthy";
        assert!(is_healthy(ok).is_ok());
        assert!(is_healthy(b"HTTP/1.1 503 Service Unavailable\r\n\r\n").is_err());
        assert!(is_healthy(b"HTTP/1.1 200 OK\r\n\r\nsomething else").is_err());
        assert!(is_healthy(b"SSH-2.0-OpenSSH\r\n").is_err());
        assert!(is_healthy(b"").is_err());
    }
}

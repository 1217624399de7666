//! The audit log: one JSON line per request ([`Entry`]: when, its request id, who, from
//! where, the operation, the secret as sent, the decision and what made it, the result
//! code), never a value, a key, a token, a password or a request body; appended through
//! the vault crate's append-only file, shared by every serve and CLI process, and opened
//! again when its path comes to name another file (log rotation: no signal, no restart).
//!
//! An audit that can be lost is not an audit, so a line that cannot be written fails
//! its request: a read is answered with an error and no value. A write is committed
//! before its line can say how it ended, so "committed but not audited" is kept to one
//! request and never silent: while the last append failed ([`Log::failing`]) serve runs
//! no request at all (the refused request's own line is the probe that clears it), and
//! the write whose line fails after its commit is answered as failed, saying the change
//! was made, with a line on serve's stderr. The CLI opens the log before it runs anything.

use std::io::BufRead;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Error;
use super::access::Caller;
use crate::core::access::Verdict;
use crate::core::model::Millis;
use crate::vault::append::AppendLog;

/// Who made a request, as the log names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Principal {
    /// The vault's owner: serve's own credentials, or the CLI on this machine.
    Owner,
    /// The Agent route's token.
    Agent,
    /// Nobody proven: a signature or token that failed, or none.
    #[default]
    Anonymous,
    /// A principal of the vault, by its ARN (`arn:aws:iam::ACCOUNT:user/NAME`).
    User(String),
}

impl Principal {
    /// How the log names a request's caller: the Agent route acting as a principal
    /// (`serve --agent-principal`) is that principal.
    pub fn of(caller: &Caller) -> Principal {
        match caller {
            Caller::Owner => Principal::Owner,
            Caller::Agent(None) => Principal::Agent,
            Caller::Anonymous => Principal::Anonymous,
            Caller::Principal(m) | Caller::Agent(Some(m)) => {
                Principal::User(m.principal.arn.clone())
            }
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Principal::Owner => "owner",
            Principal::Agent => "agent",
            Principal::Anonymous => "anonymous",
            Principal::User(arn) => arn,
        }
    }
}

/// Whether the request was let through, and what decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Allowed { by: String },
    Denied { by: String },
}

impl Decision {
    /// The decision when no policy was evaluated: the owner and the Agent's token may
    /// do everything, a request nobody signed may do nothing.
    pub fn of(principal: &Principal) -> Decision {
        match principal {
            Principal::Owner => Decision::Allowed {
                by: "owner (full access)".into(),
            },
            Principal::Agent => Decision::Allowed {
                by: "agent token".into(),
            },
            Principal::Anonymous => Decision::Denied {
                by: "authentication".into(),
            },
            Principal::User(_) => Decision::Denied {
                by: "not evaluated (refused before the policy check)".into(),
            },
        }
    }

    /// What the policies decided for a principal's request.
    pub fn of_verdict(verdict: &Verdict) -> Decision {
        let by = match &verdict.by {
            Some(decider) => decider.to_string(),
            None => "no policy allows (implicit deny)".into(),
        };
        if verdict.allowed() {
            Decision::Allowed { by }
        } else {
            Decision::Denied { by }
        }
    }
}

/// One line of the log, as written and as read back. Field by field: never anything
/// but names, ids and codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When the request came in: RFC 3339, UTC, milliseconds.
    pub time: String,
    /// serve's `x-amzn-RequestId` (the CLI makes one).
    pub request_id: String,
    /// `owner`, `agent`, `anonymous` or a principal's ARN.
    pub principal: String,
    /// The client's address and port (serve); `null` for the CLI.
    pub source: Option<String>,
    /// The API name (`GetSecretValue`), as sent, or what the route is (`agent:GetSecretValue`).
    pub operation: String,
    /// `SecretId` (or `Name`) exactly as the request sent it.
    pub secret_id: Option<String>,
    /// `allowed` or `denied`.
    pub decision: String,
    /// What decided: `owner (full access)`, `authentication`, a policy statement.
    pub decided_by: String,
    /// `OK`, or the error code answered (`AccessDeniedException`, `InvalidSignatureException`).
    pub result: String,
}

/// Fields a client sends are kept to this many bytes (an API name is at most 2048,
/// every longer one was refused): a line stays small enough to be written whole.
const MAX_FIELD: usize = 2048;

/// `s`, cut at a character boundary to at most [`MAX_FIELD`] bytes, marked when cut.
fn clipped(s: &str) -> String {
    if s.len() <= MAX_FIELD {
        return s.to_string();
    }
    let mut end = MAX_FIELD;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...(clipped)", &s[..end])
}

/// Epoch milliseconds as the log writes them.
pub fn time_text(at: Millis) -> String {
    chrono::DateTime::from_timestamp_millis(at)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_else(|| at.to_string())
}

/// The time of a line, in epoch milliseconds; `None` when it is not RFC 3339.
pub fn parse_time(text: &str) -> Option<Millis> {
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp_millis())
}

/// A new request id, as AWS's look (a UUID).
pub fn request_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// What a request is, for [`Entry::new`].
pub struct Request<'a> {
    pub at: Millis,
    pub request_id: &'a str,
    pub principal: &'a Principal,
    pub source: Option<String>,
    pub operation: &'a str,
    pub secret_id: Option<&'a str>,
    pub decision: &'a Decision,
    pub result: &'a str,
}

impl Entry {
    pub fn new(r: Request<'_>) -> Entry {
        let (decision, by) = match r.decision {
            Decision::Allowed { by } => ("allowed", by),
            Decision::Denied { by } => ("denied", by),
        };
        Entry {
            time: time_text(r.at),
            request_id: clipped(r.request_id),
            principal: clipped(r.principal.as_str()),
            source: r.source,
            operation: clipped(if r.operation.is_empty() {
                "-"
            } else {
                r.operation
            }),
            secret_id: r.secret_id.map(clipped),
            decision: decision.into(),
            decided_by: by.clone(),
            result: clipped(r.result),
        }
    }
}

/// The result code of an operation's outcome: `OK`, or the code the edge answers.
pub fn result_code(result: &Result<Value, Error>) -> &str {
    match result {
        Ok(_) => "OK",
        Err(Error::Service { err, .. }) => err.code.as_str(),
        Err(Error::ParamValidation(_)) => "ValidationException",
        Err(_) => "InternalServiceError",
    }
}

/// The open audit log of a process.
#[derive(Debug)]
pub struct Log {
    file: AppendLog,
    /// Whether the last append failed.
    failing: AtomicBool,
}

impl Log {
    /// Opens (creating, mode 0600) the log at `path`; refused as
    /// [`AppendLog::open`] says.
    pub fn open(path: &Path) -> Result<Log, Error> {
        Ok(Log {
            file: AppendLog::open(path)?,
            failing: AtomicBool::new(false),
        })
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Whether the last line could not be written: until one is, nothing more should run.
    pub fn failing(&self) -> bool {
        self.failing.load(Ordering::Relaxed)
    }

    /// Appends `entry` as one line.
    pub fn record(&self, entry: &Entry) -> Result<(), Error> {
        let mut line = serde_json::to_vec(entry)
            .map_err(|e| Error::General(format!("cannot write the audit line: {e}")))?;
        line.push(b'\n');
        let written = self.file.append(&line);
        self.failing.store(written.is_err(), Ordering::Relaxed);
        Ok(written?)
    }
}

/// Which lines `smvault audit` shows.
#[derive(Debug, Default)]
pub struct Filter {
    /// A principal's name (its ARN's `user/NAME`), its ARN, or `owner`/`agent`/`anonymous`.
    pub principal: Option<String>,
    /// A secret's name or ARN: a line matches when it names the same secret, by name or
    /// by ARN (a full ARN's random suffix aside).
    pub secret_id: Option<String>,
    /// Lines at or after this time.
    pub since: Option<Millis>,
}

/// The name a secret id spells: a secret ARN's name without its `-XXXXXX` suffix, or
/// the id itself.
fn secret_name(id: &str) -> &str {
    match id.split_once(":secret:") {
        Some((prefix, rest)) if prefix.starts_with("arn:") => rest
            .rsplit_once('-')
            .filter(|(_, suffix)| suffix.len() == 6)
            .map_or(rest, |(name, _)| name),
        _ => id,
    }
}

impl Filter {
    pub fn matches(&self, e: &Entry) -> bool {
        if let Some(p) = &self.principal
            && e.principal != *p
            && e.principal
                .rsplit_once(":user/")
                .is_none_or(|(_, name)| name != p)
        {
            return false;
        }
        if let Some(id) = &self.secret_id {
            let Some(sent) = &e.secret_id else {
                return false;
            };
            if sent != id && secret_name(sent) != secret_name(id) {
                return false;
            }
        }
        if let Some(since) = self.since
            && parse_time(&e.time).is_none_or(|t| t < since)
        {
            return false;
        }
        true
    }
}

/// The lines of a log that `filter` keeps, and how many lines were not an entry.
#[derive(Debug, Default)]
pub struct Read {
    pub entries: Vec<Entry>,
    pub malformed: usize,
}

/// Reads the log at `path`, keeping what `filter` matches; `None` when there is none.
pub fn read(path: &Path, filter: &Filter) -> Result<Option<Read>, Error> {
    let mut read = Read::default();
    let Some(reader) = crate::vault::append::open_for_reading(path)? else {
        return Ok(None);
    };
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| {
            Error::Vault(crate::vault::VaultError::io(
                "cannot read the audit log",
                path,
                e,
            ))
        })?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Entry>(&line) {
            Ok(entry) if filter.matches(&entry) => read.entries.push(entry),
            Ok(_) => {}
            Err(_) => read.malformed += 1,
        }
    }
    Ok(Some(read))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(principal: &Principal, secret: Option<&str>, at: Millis) -> Entry {
        Entry::new(Request {
            at,
            request_id: "r-1",
            principal,
            source: Some("127.0.0.1:40000".into()),
            operation: "GetSecretValue",
            secret_id: secret,
            decision: &Decision::of(principal),
            result: "OK",
        })
    }

    #[test]
    fn a_line_has_every_field_and_nothing_else() {
        let e = entry(&Principal::Owner, Some("app/db"), 1_767_225_600_123);
        let line = serde_json::to_value(&e).unwrap();
        assert_eq!(
            line,
            serde_json::json!({
                "time": "2026-01-01T00:00:00.123Z",
                "request_id": "r-1",
                "principal": "owner",
                "source": "127.0.0.1:40000",
                "operation": "GetSecretValue",
                "secret_id": "app/db",
                "decision": "allowed",
                "decided_by": "owner (full access)",
                "result": "OK"
            })
        );
    }

    #[test]
    fn an_unauthenticated_request_is_denied_by_authentication() {
        let e = entry(&Principal::Anonymous, None, 0);
        assert_eq!(
            (e.decision.as_str(), e.decided_by.as_str()),
            ("denied", "authentication")
        );
        assert_eq!(e.principal, "anonymous");
    }

    #[test]
    fn a_long_field_is_clipped_on_a_character_boundary() {
        let long = "é".repeat(MAX_FIELD);
        let e = entry(&Principal::Owner, Some(&long), 0);
        let kept = e.secret_id.unwrap();
        assert!(kept.ends_with("...(clipped)"));
        assert!(kept.len() <= MAX_FIELD + 12);
    }

    #[test]
    fn the_filter_matches_a_principal_by_name_or_arn_and_a_secret_by_name_or_arn() {
        let ci = Principal::User("arn:aws:iam::123456789012:user/ci".into());
        let by_arn = entry(
            &ci,
            Some("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf"),
            1000,
        );
        let by_name = entry(&Principal::Owner, Some("app/db"), 5000);
        let other = entry(&Principal::Owner, Some("app/db2"), 5000);
        let f = |principal: Option<&str>, secret: Option<&str>, since: Option<Millis>| Filter {
            principal: principal.map(String::from),
            secret_id: secret.map(String::from),
            since,
        };
        assert!(f(Some("ci"), None, None).matches(&by_arn));
        assert!(f(Some("arn:aws:iam::123456789012:user/ci"), None, None).matches(&by_arn));
        assert!(!f(Some("c"), None, None).matches(&by_arn));
        assert!(!f(Some("ci"), None, None).matches(&by_name));
        assert!(f(Some("owner"), None, None).matches(&by_name));
        assert!(f(None, Some("app/db"), None).matches(&by_arn));
        assert!(f(None, Some("app/db"), None).matches(&by_name));
        assert!(!f(None, Some("app/db"), None).matches(&other));
        assert!(
            f(
                None,
                Some("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-XyZ123"),
                None
            )
            .matches(&by_name)
        );
        assert!(!f(None, Some("app/db"), None).matches(&entry(&Principal::Owner, None, 0)));
        assert!(f(None, None, Some(5000)).matches(&by_name));
        assert!(!f(None, None, Some(5001)).matches(&by_name));
    }

    #[test]
    fn reading_keeps_what_the_filter_matches_and_counts_malformed_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let log = Log::open(&path).unwrap();
        log.record(&entry(&Principal::Owner, Some("a"), 0)).unwrap();
        log.record(&entry(&Principal::Agent, Some("b"), 0)).unwrap();
        log.file.append(b"{\"torn\": \n").unwrap();
        log.file.append(b"not json at all\n").unwrap();
        let all = read(&path, &Filter::default()).unwrap().unwrap();
        assert_eq!((all.entries.len(), all.malformed), (2, 2));
        let agent = Filter {
            principal: Some("agent".into()),
            ..Filter::default()
        };
        let only = read(&path, &agent).unwrap().unwrap();
        assert_eq!(only.entries.len(), 1);
        assert_eq!(only.entries[0].secret_id.as_deref(), Some("b"));
        assert!(
            read(&dir.path().join("none.log"), &Filter::default())
                .unwrap()
                .is_none()
        );
    }
}

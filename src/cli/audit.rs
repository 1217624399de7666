//! `smvault audit`: the audit log (`serve --audit`, SMVAULT_AUDIT_LOG) as a table, or
//! as JSON with `--output json`, filtered by principal, secret and time; lines that are
//! not entries are skipped and counted on stderr.

use std::io::Write;

use clap::{Arg, ArgMatches, Command};

use super::exit::CliError;
use super::output::Printer;
use super::settings::Settings;
use crate::core::model::Millis;
use crate::service::audit::{self, Entry, Filter};

pub fn command() -> Command {
    Command::new("audit")
        .about("Print the audit log (serve --audit, SMVAULT_AUDIT_LOG) as a table, filtered by principal, secret or time")
        .long_about(
            "Print the audit log that `smvault serve --audit FILE` and the commands run with \
             SMVAULT_AUDIT_LOG=FILE append to: one row per request, with its time, principal \
             (owner, agent, anonymous or a principal's ARN), source address, operation, the \
             secret as the request named it, the decision and what made it, the result code \
             and the request id. A table by default; --output json (or yaml, text) prints the \
             entries as they are stored. Lines that are not entries (torn by a failed write, or \
             not smvault's) are skipped and counted on stderr.",
        )
        .arg(
            Arg::new("file")
                .long("file")
                .value_name("FILE")
                .help("The audit log to read (default: SMVAULT_AUDIT_LOG)"),
        )
        .arg(
            Arg::new("principal")
                .long("principal")
                .value_name("NAME")
                .help("Only requests of this principal: its name or ARN, or owner, agent or anonymous"),
        )
        .arg(
            Arg::new("secret-id")
                .long("secret-id")
                .value_name("ID")
                .help("Only requests naming this secret, by name or ARN (a request that named it either way matches)"),
        )
        .arg(
            Arg::new("since")
                .long("since")
                .value_name("TIME")
                .help("Only requests at or after TIME: ISO 8601 (2026-01-31, 2026-01-31T08:00:00Z) or a time ago (45s, 30m, 1h, 2d, 1w)"),
        )
}

/// `--since`: an ISO 8601 time (UTC unless it says otherwise), a date (its midnight,
/// UTC), or a span back from `now`.
fn since(text: &str, now: Millis) -> Result<Millis, CliError> {
    let t = text.trim();
    if let Some(unit) = t.chars().last().filter(char::is_ascii_alphabetic)
        && let Ok(n) = t[..t.len() - 1].parse::<i64>()
    {
        let ms = match unit {
            's' => 1_000,
            'm' => 60_000,
            'h' => 3_600_000,
            'd' => 86_400_000,
            'w' => 7 * 86_400_000,
            _ => 0,
        };
        if ms > 0 && n >= 0 {
            return Ok(now.saturating_sub(n.saturating_mul(ms)));
        }
    }
    if let Some(at) = audit::parse_time(t) {
        return Ok(at);
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(at) = chrono::NaiveDateTime::parse_from_str(t, format) {
            return Ok(at.and_utc().timestamp_millis());
        }
    }
    if let Ok(day) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        && let Some(midnight) = day.and_hms_opt(0, 0, 0)
    {
        return Ok(midnight.and_utc().timestamp_millis());
    }
    Err(CliError::ParamValidation(format!(
        "argument --since: '{text}' is neither an ISO 8601 time (2026-01-31T08:00:00Z, 2026-01-31) nor a time ago (45s, 30m, 1h, 2d, 1w)"
    )))
}

pub fn run(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let get = |id: &str| m.get_one::<String>(id).cloned();
    let path = get("file")
        .map(std::path::PathBuf::from)
        .or_else(|| settings.audit_log.clone())
        .ok_or_else(|| {
            CliError::ParamValidation(
                "no audit log to read: pass --file FILE or set SMVAULT_AUDIT_LOG".into(),
            )
        })?;
    let filter = Filter {
        principal: get("principal"),
        secret_id: get("secret-id"),
        since: get("since")
            .map(|t| since(&t, settings.env.now))
            .transpose()?,
    };
    let Some(read) = audit::read(&path, &filter)? else {
        return Err(CliError::General(format!(
            "there is no audit log at {}",
            path.display()
        )));
    };
    if read.malformed > 0 {
        let _ = writeln!(
            std::io::stderr(),
            "smvault: skipped {} malformed line{} of {} (not audit entries: torn by a failed write, or not written by smvault)",
            read.malformed,
            if read.malformed == 1 { "" } else { "s" },
            path.display(),
        );
    }
    // A table unless --output asks otherwise (AWS_DEFAULT_OUTPUT is for the API's answers).
    match m.get_one::<String>("output").map(String::as_str) {
        None | Some("table") => super::print(&table(&read.entries)),
        Some(format) => {
            let entries = serde_json::to_value(&read.entries)
                .map_err(|e| CliError::General(format!("cannot print the entries: {e}")))?;
            let printer = Printer::new(
                format,
                settings.query.as_deref(),
                "Audit",
                settings.table_width(),
                settings.color,
            )?;
            super::print(&printer.render(&entries)?)
        }
    }
}

/// The entries in aligned columns, one row each, every field escaped for the terminal
/// (a secret id is the client's text).
fn table(entries: &[Entry]) -> String {
    const HEAD: [&str; 9] = [
        "TIME",
        "PRINCIPAL",
        "SOURCE",
        "OPERATION",
        "SECRET",
        "DECISION",
        "DECIDED BY",
        "RESULT",
        "REQUEST ID",
    ];
    // serve's log escaping, but a space stays a space (decisions are words).
    let field = |s: &str| {
        s.split(' ')
            .map(crate::serve::log_field)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rows: Vec<[String; 9]> = entries
        .iter()
        .map(|e| {
            [
                field(&e.time),
                field(&e.principal),
                field(e.source.as_deref().unwrap_or("-")),
                field(&e.operation),
                field(e.secret_id.as_deref().unwrap_or("-")),
                field(&e.decision),
                field(&e.decided_by),
                field(&e.result),
                field(&e.request_id),
            ]
        })
        .collect();
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([HEAD[i].len()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..HEAD.len()).map(width).collect();
    let line = |cells: &[&str]| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                out.push_str(cell);
            } else {
                out.push_str(&format!("{cell:<w$}  ", w = widths[i]));
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    };
    let mut out = line(&HEAD);
    for row in &rows {
        out.push_str(&line(&row.iter().map(String::as_str).collect::<Vec<_>>()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Millis = 1_767_225_600_000; // 2026-01-01T00:00:00Z

    #[test]
    fn since_takes_a_time_ago_an_iso_time_or_a_date() {
        assert_eq!(since("30m", NOW).unwrap(), NOW - 1_800_000);
        assert_eq!(since("1h", NOW).unwrap(), NOW - 3_600_000);
        assert_eq!(since("2d", NOW).unwrap(), NOW - 2 * 86_400_000);
        assert_eq!(since("45s", NOW).unwrap(), NOW - 45_000);
        assert_eq!(since("2026-01-01T00:00:00Z", 0).unwrap(), NOW);
        assert_eq!(since("2026-01-01T01:00:00+01:00", 0).unwrap(), NOW);
        assert_eq!(since("2026-01-01T00:00:00", 0).unwrap(), NOW);
        assert_eq!(since("2026-01-01", 0).unwrap(), NOW);
        for bad in ["", "1y", "-1h", "h", "yesterday", "2026-13-01"] {
            assert!(since(bad, NOW).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_table_aligns_columns_and_escapes_what_a_client_sent() {
        let e = Entry {
            time: "2026-01-01T00:00:00.000Z".into(),
            request_id: "r".into(),
            principal: "owner".into(),
            source: None,
            operation: "GetSecretValue".into(),
            secret_id: Some("a\nb".into()),
            decision: "allowed".into(),
            decided_by: "owner (full access)".into(),
            result: "OK".into(),
        };
        let text = table(&[e]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[1].contains(r"a\u{a}b"), "{text}");
        assert!(lines[1].contains("owner (full access)"), "{text}");
        assert_eq!(lines[0].find("SECRET"), lines[1].find(r"a\u{a}b"));
    }
}

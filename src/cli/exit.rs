//! The one place that turns an error into the AWS CLI's stderr line and exit code.

use std::io::Write;
use std::process::ExitCode;

use crate::core::error::ServiceError;
use crate::core::reference::{Unresolved, is_syntax};

/// The AWS CLI v2 return codes (`aws help return-codes`).
pub mod code {
    /// The command line or a parameter value is invalid.
    pub const USAGE: u8 = 252;
    /// The environment is unusable: here, the identity or the vault file.
    pub const CONFIG: u8 = 253;
    /// push/pull: some secrets were not copied (conflicts or failures), as
    /// `aws s3 sync` exits 1 when some transfers failed.
    pub const PARTIAL: u8 = 1;
    /// The service (the vault's state rules) refused the request.
    pub const SERVICE: u8 = 254;
    /// Anything else: I/O, a busy lock, an internal error.
    pub const GENERAL: u8 = 255;
    /// `exec`: the program exists but cannot be started (as env(1) and shells say it).
    pub const CANNOT_RUN: u8 = 126;
    /// `exec`: no such program.
    pub const NO_PROGRAM: u8 = 127;
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A service error from the core, for operation `op` (API name).
    #[error("An error occurred ({}) when calling the {op} operation: {err}", err.code.as_str())]
    Service { op: &'static str, err: ServiceError },
    /// A parameter the CLI itself rejects (botocore validation, shorthand, file://).
    #[error("An error occurred (ParamValidation): {0}")]
    ParamValidation(String),
    /// An argparse-style usage error; the usage text follows the message.
    #[error("An error occurred (ParamValidation): {0}")]
    Usage(String),
    /// Words the parser could not place; argparse prints the usage first.
    #[error("Unknown options: {0}")]
    UnknownOptions(String),
    /// Identity or vault problems (the service's `Vault` and `IdentityLost`).
    #[error(transparent)]
    Vault(crate::service::Error),
    /// push/pull finished, but some secrets were not copied; each was reported
    /// on its own line and in the summary.
    #[error("some secrets were not copied (see the lines above)")]
    Partial,
    /// Errors the AWS CLI reports with exit 255 and the bare message.
    #[error("{0}")]
    General(String),
    /// A command this build leaves out (push/pull without the `aws` feature): 252, as
    /// for any command the CLI does not have.
    #[error("{0}")]
    Unavailable(String),
    /// `git-merge` found conflicts: exit 1, git's "conflicted" (not "crashed").
    #[error("{0}")]
    MergeConflict(String),
    /// `health`: the server did not answer healthy (exit 1, a health check's "unhealthy").
    #[error("{0}")]
    Unhealthy(String),
    /// References (`exec`, `inject`) that gave no value, each with where it came from.
    #[error("{}", unresolved_text(.0))]
    Unresolved(Vec<Unresolved>),
    /// The program `exec` was to become could not be started.
    #[error("cannot run {program}: {source}")]
    NotRun {
        program: String,
        source: std::io::Error,
    },
}

fn unresolved_text(list: &[Unresolved]) -> String {
    match list {
        [one] => one.to_string(),
        _ => {
            let lines: Vec<String> = list.iter().map(|u| format!("  {u}")).collect();
            format!(
                "{} references cannot be resolved:\n{}",
                list.len(),
                lines.join("\n")
            )
        }
    }
}

/// argparse's usage block, under the name the program runs as.
pub fn usage(prog: &str) -> String {
    format!(
        "{prog} [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  {prog} help\n  {prog} <command> help\n  {prog} <command> <subcommand> help\n"
    )
}

impl From<crate::service::Error> for CliError {
    fn from(e: crate::service::Error) -> Self {
        use crate::service::Error;
        match e {
            Error::Service { op, err } => CliError::Service { op, err },
            Error::ParamValidation(m) => CliError::ParamValidation(m),
            Error::General(m) => CliError::General(m),
            vault @ (Error::Vault(_) | Error::IdentityLost { .. }) => CliError::Vault(vault),
        }
    }
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Service { .. } => code::SERVICE,
            CliError::ParamValidation(_)
            | CliError::Usage(_)
            | CliError::UnknownOptions(_)
            | CliError::Unavailable(_) => code::USAGE,
            CliError::Vault(e) if e.is_configuration() => code::CONFIG,
            CliError::Vault(_) | CliError::General(_) => code::GENERAL,
            // A reference that does not parse is a bad parameter; one the vault cannot
            // answer is a refusal, as GetSecretValue's own would be.
            CliError::Unresolved(list) if list.iter().any(|u| is_syntax(&u.failure)) => code::USAGE,
            CliError::Unresolved(_) => code::SERVICE,
            CliError::NotRun { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                code::NO_PROGRAM
            }
            CliError::NotRun { .. } => code::CANNOT_RUN,
            CliError::MergeConflict(_) | CliError::Unhealthy(_) => 1,
            CliError::Partial => code::PARTIAL,
        }
    }
}

/// Prints `\n<prog>: [ERROR]: <message>\n` and returns the exit code. Nothing
/// goes to stdout; a closed stderr is ignored rather than turned into a panic.
pub fn report(prog: &str, err: &CliError) -> ExitCode {
    let text = match err {
        // Each secret left out has been reported already.
        CliError::Partial => String::new(),
        // The AWS CLI v2 (2.34+) layouts: message then usage, or usage then message.
        CliError::Usage(_) => format!("\n{prog}: [ERROR]: {err}\n\nusage: {}", usage(prog)),
        CliError::UnknownOptions(_) => {
            format!("\nusage: {}\n{prog}: [ERROR]: {err}\n", usage(prog))
        }
        _ => format!("\n{prog}: [ERROR]: {}\n", err.to_string().trim_end()),
    };
    let _ = std::io::stderr().write_all(text.as_bytes());
    ExitCode::from(err.exit_code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_error_line_is_the_aws_cli_one() {
        let e = CliError::Service {
            op: "GetSecretValue",
            err: ServiceError::not_found(),
        };
        assert_eq!(
            e.to_string(),
            "An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret."
        );
        assert_eq!(e.exit_code(), 254);
    }

    #[test]
    fn exit_codes_by_kind() {
        assert_eq!(CliError::ParamValidation("x".into()).exit_code(), 252);
        assert_eq!(CliError::General("x".into()).exit_code(), 255);
        use crate::service::{Error, VaultError};
        let locked = VaultError::Locked {
            path: "v".into(),
            seconds: 10,
        };
        assert_eq!(CliError::from(Error::Vault(locked)).exit_code(), 255);
        let no_id = VaultError::NoIdentity { path: "i".into() };
        assert_eq!(CliError::from(Error::Vault(no_id)).exit_code(), 253);
        let lost = Error::IdentityLost {
            identity: "i".into(),
            vault: "v".into(),
        };
        assert_eq!(CliError::from(lost).exit_code(), 253);
    }

    #[test]
    fn unresolved_references_are_252_when_one_does_not_parse_else_254() {
        use crate::core::reference::Failure;
        let u = |failure| Unresolved {
            origin: "--env A".into(),
            reference: "r".into(),
            failure,
        };
        let value = u(Failure::Value("no key".into()));
        let bad = u(Failure::Syntax("bad".into()));
        assert_eq!(CliError::Unresolved(vec![value.clone()]).exit_code(), 254);
        let both = CliError::Unresolved(vec![value, bad]);
        assert_eq!(both.exit_code(), 252);
        assert_eq!(
            both.to_string(),
            "2 references cannot be resolved:\n  --env A: reference 'r': no key\n  --env A: reference 'r': bad"
        );
    }

    #[test]
    fn a_missing_program_is_127_one_that_cannot_run_126() {
        let not_run = |kind| CliError::NotRun {
            program: "p".into(),
            source: std::io::Error::from(kind),
        };
        assert_eq!(not_run(std::io::ErrorKind::NotFound).exit_code(), 127);
        assert_eq!(
            not_run(std::io::ErrorKind::PermissionDenied).exit_code(),
            126
        );
    }
}

//! `smvault exec`: resolves every reference (`--env`, `--env-file`, `--secret`) from one read
//! of the vault, then becomes the program (exec(2)) with the values in its environment.
//! Any failure starts nothing.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use clap::ArgMatches;
use zeroize::Zeroizing;

use super::exit::CliError;
use super::resolve;
use super::settings::Settings;
use crate::core::reference::{self, Failure, Reference, Unresolved};

/// The variables that hold (or unlock) the identity: never passed on unless asked.
pub const IDENTITY_VARS: [&str; 2] = ["SMVAULT_AGE_KEY", "SMVAULT_PASSPHRASE"];

/// What one source asks for: a variable from a reference, or every key of a secret.
struct Wanted {
    /// `Some(NAME)` for `--env`/`--env-file`; `None` for `--secret`.
    name: Option<String>,
    /// Where it was given, for messages: `--env DB`, `refs.env:3 DB`, `--secret`.
    origin: String,
    text: String,
    parsed: Result<Reference, Failure>,
}

impl Wanted {
    fn unresolved(&self, failure: Failure) -> Unresolved {
        Unresolved {
            origin: self.origin.clone(),
            reference: self.text.clone(),
            failure,
        }
    }
}

/// One variable for the program, and where it came from.
struct Var {
    name: String,
    origin: String,
    value: Zeroizing<String>,
}

pub fn run(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let wanted = wanted(m)?;
    let syntax: Vec<Unresolved> = wanted
        .iter()
        .filter_map(|w| w.parsed.as_ref().err().map(|f| w.unresolved(f.clone())))
        .collect();
    if !syntax.is_empty() {
        return Err(CliError::Unresolved(syntax));
    }
    let keep_identity = m.get_flag("keep-identity-env");
    let replace = m.get_flag("override");
    // Names known before reading anything are checked before reading anything.
    let named: Vec<(&str, &str)> = wanted
        .iter()
        .filter_map(|w| w.name.as_deref().map(|n| (n, w.origin.as_str())))
        .collect();
    check_names(&named, replace, keep_identity)?;

    let refs: Vec<&Reference> = wanted
        .iter()
        .filter_map(|w| w.parsed.as_ref().ok())
        .collect();
    if settings.env.debug {
        let _ = writeln!(
            std::io::stderr(),
            "smvault: debug: exec: {} references, vault={} region={}",
            refs.len(),
            settings.env.vault_path.display(),
            settings.env.region.as_deref().unwrap_or("(default)")
        );
    }
    let (strings, access) = resolve::secret_strings(settings, &refs)?;
    resolve::audit(settings, "exec", &refs, &strings)?;
    let prefix = m.get_one::<String>("prefix").map_or("", String::as_str);
    let (vars, failures) = variables(&wanted, strings, prefix);
    if !failures.is_empty() {
        return Err(CliError::Unresolved(failures));
    }
    let all: Vec<(&str, &str)> = vars
        .iter()
        .map(|v| (v.name.as_str(), v.origin.as_str()))
        .collect();
    check_names(&all, replace, keep_identity)?;

    let mut command = m
        .get_many::<OsString>("command")
        .expect("invariant: clap requires a command");
    let program = command.next().expect("invariant: at least one word");
    let mut cmd = Command::new(program);
    cmd.args(command);
    if !keep_identity {
        for name in IDENTITY_VARS {
            cmd.env_remove(name);
        }
    }
    for v in &vars {
        cmd.env(&v.name, v.value.as_str());
        if settings.env.debug {
            let _ = writeln!(
                std::io::stderr(),
                "smvault: debug: exec: {} from {}",
                v.name,
                v.origin
            );
        }
    }
    access.record(settings, &refs);
    let program = program.to_string_lossy().into_owned();
    Err(CliError::NotRun {
        program,
        source: become_program(cmd),
    })
}

/// Every source on the command line, parsed, in the order env files, `--env`, `--secret`.
fn wanted(m: &ArgMatches) -> Result<Vec<Wanted>, CliError> {
    let mut out = Vec::new();
    for path in m.get_many::<PathBuf>("env-file").into_iter().flatten() {
        let text = std::fs::read_to_string(path).map_err(|e| {
            CliError::ParamValidation(format!("cannot read --env-file {}: {e}", path.display()))
        })?;
        let lines = reference::parse_env_file(&text).map_err(|(line, e)| {
            CliError::ParamValidation(format!("{}:{line}: {e}", path.display()))
        })?;
        for l in lines {
            out.push(Wanted {
                origin: format!("{}:{} {}", path.display(), l.line, l.name),
                parsed: reference::parse_ecs(&l.reference),
                name: Some(l.name),
                text: l.reference,
            });
        }
    }
    for pair in m.get_many::<String>("env").into_iter().flatten() {
        let (name, text) = reference::assignment(pair)
            .map_err(|e| CliError::ParamValidation(format!("argument --env: {e}")))?;
        out.push(Wanted {
            name: Some(name.to_string()),
            origin: format!("--env {name}"),
            text: text.to_string(),
            parsed: reference::parse_ecs(text),
        });
    }
    for text in m.get_many::<String>("secret").into_iter().flatten() {
        let parsed = reference::parse_ecs(text).and_then(|r| match r.json_key {
            Some(_) => Err(Failure::Syntax(
                "--secret takes a whole secret (every key becomes a variable); for one json-key use --env NAME=REF".into(),
            )),
            None => Ok(r),
        });
        out.push(Wanted {
            name: None,
            origin: "--secret".into(),
            text: text.clone(),
            parsed,
        });
    }
    if let Some(prefix) = m.get_one::<String>("prefix")
        && prefix.chars().any(|c| c == '=' || c == '\0')
    {
        return Err(CliError::ParamValidation(format!(
            "argument --prefix: '{prefix}' cannot start a variable name (it holds '=' or NUL)"
        )));
    }
    Ok(out)
}

/// The variables the resolved values give, or every reason some cannot.
fn variables(
    wanted: &[Wanted],
    strings: Vec<Result<Zeroizing<String>, Failure>>,
    prefix: &str,
) -> (Vec<Var>, Vec<Unresolved>) {
    let mut vars = Vec::new();
    let mut failures = Vec::new();
    let parsed = wanted
        .iter()
        .filter_map(|w| w.parsed.as_ref().ok().map(|r| (w, r)));
    for ((w, r), string) in parsed.zip(strings) {
        let got = string.and_then(|s| match &w.name {
            Some(name) => reference::value_of(&s, r).map(|value| {
                vec![Var {
                    name: name.clone(),
                    origin: w.origin.clone(),
                    value,
                }]
            }),
            None => reference::all_keys(&s).map(|keys| {
                keys.into_iter()
                    .map(|(key, value)| Var {
                        name: format!("{prefix}{}", reference::env_name(&key)),
                        origin: format!("--secret {} (key {key})", w.text),
                        value,
                    })
                    .collect()
            }),
        });
        match got {
            Ok(got) => {
                for v in got {
                    if v.value.contains('\0') {
                        failures.push(w.unresolved(Failure::Value(format!(
                            "{}: {}",
                            v.name,
                            reference::NUL
                        ))));
                    } else {
                        vars.push(v);
                    }
                }
            }
            Err(f) => failures.push(w.unresolved(f)),
        }
    }
    (vars, failures)
}

/// Each variable once, each a usable name, and none already set unless `--override`.
fn check_names(names: &[(&str, &str)], replace: bool, keep_identity: bool) -> Result<(), CliError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for &(name, origin) in names {
        if !reference::valid_env_name(name) {
            return Err(CliError::ParamValidation(format!(
                "{origin} gives the variable name '{name}', which an environment cannot hold"
            )));
        }
        if let Some(first) = seen.insert(name, origin) {
            return Err(CliError::ParamValidation(format!(
                "{name} is given twice: by {first} and by {origin}; give each variable once"
            )));
        }
        let inherited = keep_identity || !IDENTITY_VARS.contains(&name);
        if !replace && inherited && Settings::env_has(name) {
            return Err(CliError::ParamValidation(format!(
                "{name} ({origin}) is set in the environment already; --override lets the secret replace it"
            )));
        }
    }
    Ok(())
}

/// Replaces this process with the user's program, which gets the user's core-file limit
/// and SIGXFSZ disposition back. Returns only if that fails.
fn become_program(cmd: Command) -> std::io::Error {
    super::harden::restore_core_limit();
    super::harden::restore_file_size_signal();
    replace_process(cmd)
}

/// Replaces this process with `cmd`: same PID, signals, stdio and exit status.
/// Returns only if that fails.
#[cfg(unix)]
pub(crate) fn replace_process(mut cmd: Command) -> std::io::Error {
    use std::os::unix::process::CommandExt;
    cmd.exec()
}

/// Without exec(2): runs the program, passes stdio through and exits with its status.
#[cfg(not(unix))]
pub(crate) fn replace_process(mut cmd: Command) -> std::io::Error {
    match cmd.status() {
        Ok(status) => std::process::exit(status.code().unwrap_or(1)),
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_given_twice_names_both_origins() {
        let e =
            check_names(&[("A", "--env A"), ("B", "x"), ("A", "f:3 A")], true, false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "An error occurred (ParamValidation): A is given twice: by --env A and by f:3 A; give each variable once"
        );
        assert_eq!(e.exit_code(), 252);
    }

    #[test]
    fn a_name_an_environment_cannot_hold_is_refused() {
        for bad in ["", "A B", "A\0B"] {
            assert!(check_names(&[(bad, "--secret s (key k)")], true, false).is_err());
        }
        assert!(check_names(&[("a.b-c", "--env a.b-c")], true, false).is_ok());
    }

    #[test]
    fn secret_keys_take_the_prefix_and_nul_values_fail() {
        let wanted = vec![Wanted {
            name: None,
            origin: "--secret".into(),
            text: "s".into(),
            parsed: reference::parse_ecs("s"),
        }];
        let strings = vec![Ok(Zeroizing::new(
            r#"{"db-host":"h","bad":"a\u0000b"}"#.to_string(),
        ))];
        let (vars, failures) = variables(&wanted, strings, "P_");
        let names: Vec<&str> = vars.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["P_DB_HOST"]);
        assert_eq!(vars[0].value.as_str(), "h");
        assert_eq!(failures.len(), 1);
        assert!(
            failures[0]
                .to_string()
                .contains("P_BAD: the value contains a NUL")
        );
    }
}

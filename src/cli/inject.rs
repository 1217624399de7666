//! `smvault inject`: renders a template, replacing every `{{resolve:secretsmanager:…}}` with
//! its value; all are resolved before anything is written, and an output file is replaced
//! atomically (mode 0600) only on success. Other bytes pass through untouched.

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::ArgMatches;

use super::exit::CliError;
use super::resolve;
use super::settings::Settings;
use crate::core::reference::{self, Reference, Unresolved};
use crate::wipe::WipedBytes;

/// `-` (or nothing) is stdin / stdout.
fn path_arg(m: &ArgMatches, id: &str) -> Option<PathBuf> {
    m.get_one::<PathBuf>(id)
        .filter(|p| p.as_os_str() != "-")
        .cloned()
}

pub fn run(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let input = path_arg(m, "in-file");
    let output = path_arg(m, "out-file");
    let label = input
        .as_ref()
        .map_or_else(|| "stdin".to_string(), |p| p.display().to_string());
    let template = read_template(input.as_ref())?;
    let found = reference::scan_template(&template);
    let unresolved = |f: &reference::Found, failure| Unresolved {
        origin: format!("{label}:{}", f.line),
        reference: f.text(&template).into_owned(),
        failure,
    };
    let syntax: Vec<Unresolved> = found
        .iter()
        .filter_map(|f| f.parsed.as_ref().err().map(|e| unresolved(f, e.clone())))
        .collect();
    if !syntax.is_empty() {
        return Err(CliError::Unresolved(syntax));
    }
    let refs: Vec<&Reference> = found
        .iter()
        .filter_map(|f| f.parsed.as_ref().ok())
        .collect();
    if settings.env.debug {
        let _ = writeln!(
            std::io::stderr(),
            "smvault: debug: inject: {} references in {label}, vault={} region={}",
            refs.len(),
            settings.env.vault_path.display(),
            settings.env.region.as_deref().unwrap_or("(default)")
        );
    }
    let (strings, access) = resolve::secret_strings(settings, &refs)?;
    resolve::audit(settings, "inject", &refs, &strings)?;

    let mut rendered = WipedBytes(Vec::with_capacity(template.len()));
    let mut failures = Vec::new();
    let mut copied = 0;
    for ((f, r), string) in found.iter().zip(&refs).zip(strings) {
        rendered.extend_from_slice(&template[copied..f.start]);
        copied = f.end;
        match string.and_then(|s| reference::value_of(&s, r)) {
            Ok(value) => rendered.extend_from_slice(value.as_bytes()),
            Err(e) => failures.push(unresolved(f, e)),
        }
    }
    if !failures.is_empty() {
        return Err(CliError::Unresolved(failures));
    }
    rendered.extend_from_slice(&template[copied..]);
    match output {
        Some(path) => crate::service::write_private(&path, &rendered)?,
        None => write_stdout(&rendered)?,
    }
    access.record(settings, &refs);
    Ok(())
}

fn read_template(input: Option<&PathBuf>) -> Result<Vec<u8>, CliError> {
    match input {
        Some(path) => std::fs::read(path).map_err(|e| {
            CliError::ParamValidation(format!("cannot read the template {}: {e}", path.display()))
        }),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| CliError::General(format!("cannot read stdin: {e}")))?;
            Ok(bytes)
        }
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::General(format!("cannot write to stdout: {e}"))),
    }
}

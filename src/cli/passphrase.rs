//! The passphrase of a protected identity: SMVAULT_PASSPHRASE, else asked on the terminal
//! with echo off. Never taken from argv.

use std::io::{BufRead, Write};

use zeroize::Zeroizing;

use crate::vault::VaultError;

/// Reads the passphrase for the identity at `what`.
pub fn ask(what: &str, confirm: bool) -> Result<Zeroizing<String>, VaultError> {
    if let Some(p) = std::env::var_os("SMVAULT_PASSPHRASE") {
        return Ok(Zeroizing::new(p.to_string_lossy().into_owned()));
    }
    let first = prompt(what, &format!("Passphrase for {what}: "))?;
    if confirm {
        let again = prompt(what, "Repeat the passphrase: ")?;
        if *again != *first {
            return Err(no_passphrase(what, "the two passphrases typed differ"));
        }
    }
    Ok(first)
}

fn no_passphrase(what: &str, reason: &str) -> VaultError {
    VaultError::Passphrase {
        source_name: what.to_string(),
        reason: reason.to_string(),
    }
}

#[cfg(unix)]
fn prompt(what: &str, text: &str) -> Result<Zeroizing<String>, VaultError> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    // Ask only someone who can see the question: with stderr captured (a script,
    // a test), fail at once rather than wait on a terminal nobody watches.
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return Err(no_passphrase(what, "there is no terminal to ask it on"));
    }
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| no_passphrase(what, "there is no terminal to ask it on"))?;
    let saved = tcgetattr(&tty)
        .map_err(|_| no_passphrase(what, "the terminal cannot hide what is typed"))?;
    let mut quiet = saved.clone();
    quiet.local_modes.remove(LocalModes::ECHO);
    let _ = tcsetattr(&tty, OptionalActions::Now, &quiet);
    let mut out = &tty;
    let _ = out.write_all(text.as_bytes());
    let mut line = Zeroizing::new(String::new());
    let read = std::io::BufReader::new(&tty).read_line(&mut line);
    let _ = tcsetattr(&tty, OptionalActions::Now, &saved);
    let _ = out.write_all(b"\n");
    read.map_err(|e| VaultError::io("cannot read the passphrase from", "/dev/tty", e))?;
    while line.ends_with('\n') || line.ends_with('\r') {
        line.pop();
    }
    Ok(line)
}

#[cfg(not(unix))]
fn prompt(what: &str, _text: &str) -> Result<Zeroizing<String>, VaultError> {
    Err(no_passphrase(what, "there is no terminal to ask it on"))
}

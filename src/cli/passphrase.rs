//! The passphrase of a protected identity: SMVAULT_PASSPHRASE, else asked on the terminal
//! with echo off. Never taken from argv.

use std::io::{BufRead, Write};

use zeroize::Zeroizing;

use crate::service::NoPassphrase;

/// Reads the passphrase for the identity at `what`.
pub fn ask(what: &str, confirm: bool) -> Result<Zeroizing<String>, NoPassphrase> {
    if let Some(p) = super::settings::Settings::passphrase() {
        return Ok(p);
    }
    let first = prompt(&format!("Passphrase for {what}: "))?;
    if confirm {
        let again = prompt("Repeat the passphrase: ")?;
        if *again != *first {
            return Err(refused("the two passphrases typed differ"));
        }
    }
    Ok(first)
}

fn refused(reason: &str) -> NoPassphrase {
    NoPassphrase::Refused(reason.to_string())
}

#[cfg(unix)]
fn prompt(text: &str) -> Result<Zeroizing<String>, NoPassphrase> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    // Ask only someone who can see the question: with stderr captured (a script,
    // a test), fail at once rather than wait on a terminal nobody watches.
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return Err(refused("there is no terminal to ask it on"));
    }
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| refused("there is no terminal to ask it on"))?;
    let saved = tcgetattr(&tty).map_err(|_| refused("the terminal cannot hide what is typed"))?;
    let mut quiet = saved.clone();
    quiet.local_modes.remove(LocalModes::ECHO);
    let _ = tcsetattr(&tty, OptionalActions::Now, &quiet);
    let mut out = &tty;
    let _ = out.write_all(text.as_bytes());
    let mut line = Zeroizing::new(String::new());
    let read = std::io::BufReader::new(&tty).read_line(&mut line);
    let _ = tcsetattr(&tty, OptionalActions::Now, &saved);
    let _ = out.write_all(b"\n");
    read.map_err(|source| NoPassphrase::Unreadable {
        from: "/dev/tty".into(),
        source,
    })?;
    while line.ends_with('\n') || line.ends_with('\r') {
        line.pop();
    }
    Ok(line)
}

#[cfg(not(unix))]
fn prompt(_text: &str) -> Result<Zeroizing<String>, NoPassphrase> {
    Err(refused("there is no terminal to ask it on"))
}

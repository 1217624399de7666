//! Which binary runs which command. The edges with a heavy stack run in a binary of their
//! own: `serve` (tokio, hyper) in `smvault-serve`, `push` and `pull` (the AWS SDK) in
//! `smvault-remote`. Every command pays at each start for the binary it runs in (the
//! kernel maps its code in large page-cache folios, and the loader reads all its
//! relocations), so the `smvault` binary links neither stack: it hands those commands'
//! command lines to the binary beside it that does (exec), after checking them.
//! Measured on a 100-secret vault: get-secret-value's peak RSS 8.8 MB with both stacks
//! linked, 7.3 MB without the SDK, 5.4 MB without either (with the release profile's LTO).

use std::ffi::OsString;

use clap::ArgMatches;

use super::exit::CliError;
use super::settings::Settings;

/// Runs a command in this process: (command word, its arguments, the settings).
pub type RunHere = fn(&str, &ArgMatches, &Settings) -> Result<(), CliError>;

/// The edges a binary runs itself; the others are handed to their binary.
#[derive(Clone, Copy, Default)]
pub struct Linked {
    /// `serve`: in `smvault-serve`.
    pub serve: Option<RunHere>,
    /// `push` and `pull`: in `smvault-remote` (built with the `aws` feature).
    pub remote: Option<RunHere>,
}

/// The binary that runs `serve`.
pub const SERVE: &str = "smvault-serve";
/// The binary that runs `push` and `pull`.
pub const REMOTE: &str = "smvault-remote";

/// Becomes `binary`, found beside this one, with the same command line: the command's
/// stdio, PID, signals and exit status are its own, and `ps` shows the same command line.
/// Returns (the error to report) only if it cannot. `what` says which commands run there.
pub fn hand_over(binary: &str, what: &str, argv: &[OsString]) -> CliError {
    let path = match std::env::current_exe() {
        Ok(exe) => exe.with_file_name(binary),
        Err(e) => return CliError::General(format!("cannot find {binary}: {e}")),
    };
    if !path.is_file() {
        return CliError::Unavailable(format!(
            "{what} in {binary}, which is not beside this smvault (no {}); install it with smvault (cargo install smvault installs both)",
            path.display()
        ));
    }
    let mut cmd = std::process::Command::new(&path);
    #[cfg(unix)]
    if let Some(name) = argv.first() {
        std::os::unix::process::CommandExt::arg0(&mut cmd, name);
    }
    cmd.args(argv.iter().skip(1));
    let err = super::exec::replace_process(cmd);
    CliError::General(format!("cannot run {}: {err}", path.display()))
}

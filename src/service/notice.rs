//! What smvault tells a person on stderr beside AWS's answer: that a write created a new
//! vault, and that a read found no vault. AWS's own lines stay byte for byte as they are.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::Env;

/// Said on every write that created the vault file, so a typo in SMVAULT_FILE
/// (or --vault) shows at once instead of as secrets that seem to vanish.
pub fn vault_created(path: &Path) {
    let _ = writeln!(
        std::io::stderr(),
        "smvault: created a new vault at {}",
        path.display()
    );
}

/// A read of a vault that does not exist answers as an empty vault would (scripts
/// depend on AWS's ResourceNotFoundException line); a person at a terminal, or
/// `--debug`, is also told that there is no vault where smvault looked.
pub fn no_vault(settings: &Env) {
    if settings.debug || std::io::stderr().is_terminal() {
        let _ = writeln!(
            std::io::stderr(),
            "smvault: no vault at {} (set SMVAULT_FILE or --vault to use another)",
            settings.vault_path.display()
        );
    }
}

//! The `smvault` binary: everything happens in [`smvault::cli::main`].

// Held to clippy.toml: the environment and the clock only where `#[allow]` says why.
#![deny(clippy::disallowed_methods)]

fn main() -> std::process::ExitCode {
    smvault::cli::main()
}

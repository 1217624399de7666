//! The `smvault` binary: everything happens in [`smvault::cli::main`].

fn main() -> std::process::ExitCode {
    smvault::cli::main()
}

//! The `smvault-remote` binary: the smvault CLI with the AWS SDK linked, which runs
//! `push` and `pull` in-process. `smvault push|pull` becomes it (exec) so that the
//! `smvault` binary, which every other command starts, carries no SDK code.

fn main() -> std::process::ExitCode {
    smvault::cli::main_with(smvault::cli::Remote::Here(smvault::cli::sync::run_here))
}

//! The `smvault-remote` binary: the smvault CLI with the AWS SDK linked, which runs `push`
//! and `pull` itself; `smvault push|pull` becomes it (src/cli/binaries.rs), so that the
//! `smvault` binary, which every other command starts, carries no SDK.

fn main() -> std::process::ExitCode {
    smvault::cli::main_with(smvault::cli::Linked {
        remote: Some(smvault::cli::sync::run_here),
        ..Default::default()
    })
}

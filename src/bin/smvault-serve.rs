//! The `smvault-serve` binary: the smvault CLI with the server's stack (tokio, hyper)
//! linked, which runs `serve` itself; `smvault serve` becomes it (src/cli/binaries.rs), so
//! that the `smvault` binary, which every other command starts, carries no server.

fn main() -> std::process::ExitCode {
    smvault::cli::main_with(smvault::cli::Linked {
        serve: Some(smvault::cli::serve),
        ..Default::default()
    })
}

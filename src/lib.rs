//! smvault: `aws secretsmanager`, offline, on one age-encrypted vault file.
//!
//! Layers, each depending only on those listed before it:
//! - [`core`]: the model and every AWS state rule, pure;
//! - [`vault`]: the encrypted file, its lock and atomic writes; knows nothing of secrets;
//! - [`render`]: json/text/table/yaml output and `--query`; knows neither;
//! - [`service`]: runs an operation against the vault in a transaction;
//! - [`cli`]: arguments, environment, clock, printing and exit codes;
//! - [`serve`]: the same operations over HTTP (AWS JSON 1.1 with SigV4, the Agent's API);
//! - `remote`: push/pull to a Secrets Manager endpoint through the AWS SDK, only with the
//!   default-on `aws` cargo feature;
//! - [`wipe`]: buffers zeroed on drop, shared by all.
//!
//! Binaries: `smvault` runs every command but `serve`, which runs in `smvault-serve`, and
//! `push`/`pull`, in `smvault-remote` (with the `aws` feature); `smvault` hands those to
//! them, so it links neither the server's stack nor the SDK (src/cli/binaries.rs).

// Held to clippy.toml: the environment and the clock only where `#[allow]` says why.
#![deny(clippy::disallowed_methods)]

pub mod cli;
#[cfg(feature = "aws")]
pub mod remote;
pub mod serve;
pub mod service;

pub use smvault_core as core;
pub use smvault_render as render;
pub use smvault_vault as vault;
pub use smvault_wipe as wipe;

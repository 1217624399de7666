//! smvault: `aws secretsmanager`, offline, on one age-encrypted vault file.
//!
//! Layers, each depending only on those listed before it:
//! - [`core`]: the model and every AWS state rule, pure;
//! - [`vault`]: the encrypted file, its lock and atomic writes; knows nothing of secrets;
//! - [`render`]: json/text/table/yaml output and `--query`; knows neither;
//! - [`cli`]: arguments, environment, clock, printing and exit codes;
//! - [`wipe`]: buffers zeroed on drop, shared by all.

pub mod cli;
pub mod core;
pub mod render;
pub mod service;
pub mod vault;
pub mod wipe;

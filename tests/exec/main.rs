//! Secrets into other programs: `smvault exec` (a program run with secrets in its
//! environment) and `smvault inject` (a template rendered with secrets), as real processes.
//!
//! Where a new test goes: `exec` for anything about the child process (its environment,
//! signals, exit codes), `inject` for templates and their output file.

#[path = "../support/mod.rs"]
mod support;

mod exec;
mod inject;

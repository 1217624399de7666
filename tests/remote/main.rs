//! `smvault push` and `pull` against another Secrets Manager endpoint: moto server, from the
//! venv of scripts/pyenv.sh.
//!
//! Where a new test goes: `push_pull`, or a new module here for another remote command.

#[path = "../support/mod.rs"]
mod support;

mod push_pull;

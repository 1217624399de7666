//! `smvault serve` as a real process on a free loopback port (the harness is
//! `support::serve`).
//!
//! Where a new test goes:
//! - `access`: principals' requests allowed and denied by their policies;
//! - `server`: boto3 and the AWS CLI v1 against it (tests/py/test_serve.py, in the venv
//!   of scripts/pyenv.sh), kill -9 and SIGTERM during writes, its own refusals;
//! - `auth`: SigV4, with captured requests changed and replayed;
//! - `limits`: deadlines, connection caps, body and memory budgets, floods;
//! - `validation`: the model's constraints checked before any lookup.
//! - `container`: settings from a container's environment, `smvault health`.

#[path = "../support/mod.rs"]
mod support;

mod access;
mod audit;
mod auth;
mod container;
mod limits;
mod server;
mod validation;

//! The `aws secretsmanager` surface, as real processes of the built binary: what each
//! command prints, reads and refuses, byte for byte as AWS CLI v2.
//!
//! Where a new test goes:
//! - `errors`: a failure's exit code and exact stderr (service errors, parameter
//!   validation, usage errors);
//! - `inputs`: how options and their values are read (shorthand, JSON, `file://`,
//!   `fileb://`, `--cli-input-json`/`-yaml`, skeletons);
//! - `outputs`: what a success prints (`--output`, `--query`, pagination, timestamps);
//! - `replication`, `rotation`, `passphrase`, `principals`: those features end to end;
//! - `conformance`: the shared AWS CLI conformance scenarios (`tests/cli/conformance.txt`).
//!
//! Each test gets a fresh folder with its own vault and identity: `support::cli::Env`.

#[path = "../support/mod.rs"]
mod support;

mod conformance;
mod errors;
mod inputs;
mod outputs;
mod passphrase;
mod principals;
mod replication;
mod rotation;

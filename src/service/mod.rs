//! Runs an operation against the vault in a transaction, for every edge (the CLI, the server).

pub mod rotate;
pub mod txn;

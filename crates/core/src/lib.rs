//! The pure core: the vault model and every AWS state rule. No files, environment,
//! clock, OS randomness or printing here; the caller supplies them through [`ctx::Ctx`].

// Held to crates/core/clippy.toml: pure, in its tests too (a test that needs more says why).
#![deny(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    clippy::disallowed_macros
)]

pub mod access;
pub mod blob;
pub mod ctx;
pub mod error;
pub mod filters;
pub mod ids;
pub mod invariants;
pub mod labels;
pub mod merge;
pub mod model;
pub mod ops;
pub mod password;
pub mod policy;
pub mod principals;
pub mod reference;
pub mod replication;
pub mod rotation;
pub mod schedule;
pub mod shapes;
pub mod stored;
pub mod sync;
pub mod tags;
pub mod validate;
pub mod values;
pub mod view;

/// Vaults built for tests, here and in the crates above (feature `testing`).
#[cfg(any(test, feature = "testing"))]
pub mod testing;

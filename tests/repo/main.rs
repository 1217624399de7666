//! Checks of the repository itself: the layering rules the crate graph cannot express
//! (`layers`), and the committed completions and man pages being current (`generated`).
//!
//! Where a new test goes: here when it reads the source tree rather than running smvault.

mod generated;
mod layers;

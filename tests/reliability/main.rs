//! What must hold whatever happens: crashes and kills mid-write, concurrent writers,
//! hostile inputs and files, traps (links, permissions, full disks), secrets that must never
//! leak (canary), panics that never print a value, and property tests of the parsers.
//!
//! Where a new test goes: `crash` (a process killed or failing mid-write), `concurrency`
//! (writers at once), `hostile` (inputs and files made to break us), `traps` (the file
//! system's tricks), `canary` (a value seen where it must not be), `panics` (the panic
//! hook), `fuzz` (proptest properties of in-process parsers).

#[path = "../support/mod.rs"]
mod support;

mod canary;
mod concurrency;
mod crash;
mod fuzz;
mod hostile;
mod panics;
mod traps;

//! Vaults shared by a team: recipients (age and ssh identities), `git merge` of two vaults,
//! as real processes with `git`, `ssh-keygen` and `age` (each check that needs a missing
//! one says `skipped` outside CI).
//!
//! Where a new test goes: `team`, or a new module here for a new team feature.

#[path = "../support/mod.rs"]
mod support;

mod team;

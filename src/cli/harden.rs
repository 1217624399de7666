//! Process hardening at start-up: no core dumps, so decrypted secrets in memory never reach a disk.
//!
//! Both steps are best-effort: a sandbox that forbids them must not stop the CLI
//! from working, and there is nothing useful to tell the user if they fail.

/// Turns core dumps off for this process: `PR_SET_DUMPABLE` 0 (which also keeps
/// other same-user processes from attaching with ptrace or reading `/proc/<pid>/mem`)
/// and `RLIMIT_CORE` 0 (so no core file is written even if something re-enables dumping).
pub fn disable_core_dumps() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{
            DumpableBehavior, Resource, Rlimit, set_dumpable_behavior, setrlimit,
        };
        // The hard limit too: a crash handler or library cannot raise it back.
        // Set before dumpability goes, so whoever sees the process non-dumpable
        // also sees the limit.
        let _ = setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        );
        let _ = set_dumpable_behavior(DumpableBehavior::NotDumpable);
    }
}

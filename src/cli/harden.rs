//! Process hardening at start-up: no core dumps, so decrypted secrets in memory never reach a
//! disk, and SIGXFSZ ignored, so a file size limit fails a write instead of killing smvault.
//!
//! Every step is best-effort: a sandbox that forbids them must not stop the CLI from
//! working, and there is nothing useful to tell the user if they fail. Ignoring SIGXFSZ is
//! this crate's one `unsafe` call: neither std nor rustix (without its experimental
//! runtime API, unsafe too) can set a signal's disposition.

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

/// Ignores SIGXFSZ, so a write past `ulimit -f` fails with EFBIG, which is reported
/// (exit 255) and cleaned up like any failed write (the temp file removed, the vault
/// untouched), instead of the kernel killing the process with no message and a temp
/// file left behind.
pub fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: SIG_IGN installs no handler, so no code of ours ever runs in signal
    // context; this runs first thing in main, before any thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

//! Process hardening at start-up: no core dumps, so decrypted secrets in memory never reach a disk.
//! `exec` turns them off too, but so that the program it becomes gets the user's limit back.
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

/// The core-file limit `exec` found, given back to the program it becomes.
#[cfg(target_os = "linux")]
static SAVED_CORE_LIMIT: std::sync::OnceLock<rustix::process::Rlimit> = std::sync::OnceLock::new();

/// As [`disable_core_dumps`] for `exec`: the soft limit goes to 0 but the hard one stays, so
/// [`restore_core_limit`] can give the program the limit the user set. (Non-dumpable ends
/// with execve by itself.)
pub fn disable_core_dumps_restorably() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{
            DumpableBehavior, Resource, Rlimit, getrlimit, set_dumpable_behavior, setrlimit,
        };
        let old = getrlimit(Resource::Core);
        let _ = setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: old.maximum,
            },
        );
        let _ = SAVED_CORE_LIMIT.set(old);
        let _ = set_dumpable_behavior(DumpableBehavior::NotDumpable);
    }
}

/// Puts back the core-file limit saved by [`disable_core_dumps_restorably`], just before exec.
pub fn restore_core_limit() {
    #[cfg(target_os = "linux")]
    if let Some(old) = SAVED_CORE_LIMIT.get() {
        let _ = rustix::process::setrlimit(rustix::process::Resource::Core, *old);
    }
}

/// Ignores SIGXFSZ, so a write past `ulimit -f` fails with EFBIG, which is reported
/// (exit 255) and cleaned up like any failed write (the temp file removed, the vault
/// untouched), instead of the kernel killing the process with no message and a temp
/// file left behind.
pub fn ignore_file_size_signal() {
    set_file_size_signal(true);
}

/// Gives SIGXFSZ its default action back just before `exec`, as the program it becomes
/// would have had it without smvault (an ignored signal stays ignored across execve).
pub fn restore_file_size_signal() {
    set_file_size_signal(false);
}

// The one signal disposition no safe API sets (unsafe_code is denied elsewhere).
#[allow(unsafe_code)]
fn set_file_size_signal(ignore: bool) {
    #[cfg(unix)]
    // SAFETY: SIG_IGN and SIG_DFL install no handler, so no code of ours ever runs in
    // signal context; called first thing in main (before any thread exists) and just
    // before exec.
    unsafe {
        libc::signal(
            libc::SIGXFSZ,
            if ignore { libc::SIG_IGN } else { libc::SIG_DFL },
        );
    }
    #[cfg(not(unix))]
    let _ = ignore;
}

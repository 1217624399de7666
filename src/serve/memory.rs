//! Gives the memory a burst of connections and bodies freed back to the system. glibc's
//! malloc keeps freed blocks inside its heaps (and per-thread arenas) rather than
//! returning them: after 600 half-sent 500 KiB bodies the server stayed at 321 MB
//! (issue 17), and even with each body in one buffer of its own, 15 s of 2,000 idle
//! connections churning left it at 41 MB instead of 11 MB (bench/attack.sh with this
//! turned off). Two glibc calls no safe API offers do it: a fixed mmap threshold, so a
//! large body is its own mapping, unmapped the moment it is freed, and `malloc_trim`,
//! which hands back the free pages of the heaps, called after a burst on a blocking
//! thread, at most once a second.

use std::sync::Arc;
use std::time::Duration;

use super::body::Budget;

/// Freed memory worth handing back.
const WORTH_TRIMMING: usize = 4 * 1024 * 1024;

/// Ticks to keep trimming after the last one that freed memory: a connection's budget and
/// its buffers and task are freed at different moments, and on a loaded machine a burst's
/// connections close over several seconds (a CI run once kept 36 MB of a 65 MB peak when
/// trimming stopped one tick after the burst).
const SETTLE_TICKS: u8 = 3;

/// Freed in one tick, what counts as a burst still ending (a steady trickle of small
/// requests frees less and does not keep the trims going).
const STILL_FREEING: usize = 256 * 1024;

/// Bodies larger than this get a mapping of their own. glibc starts there too but raises the
/// threshold to the largest mapped block ever freed (up to 32 MiB), after which a second
/// burst of large bodies stays in the heap; fixing it keeps every such body returnable.
/// Requests this service answers are far below it (a secret is at most 64 KiB).
const MMAP_THRESHOLD: i32 = 128 * 1024;

/// Sets the allocator up for [`give_back_after_bursts`]; call before the runtime starts
/// its threads (glibc reads the setting under its own lock, but arenas made before it keep
/// nothing stale either way).
pub fn prepare() {
    fix_mmap_threshold();
}

/// Runs for the server's life: every second, if connection buffers and bodies worth
/// [`WORTH_TRIMMING`] (as the budget counts them) have been freed since the last trim,
/// gives the free pages back, and goes on doing so each second while memory is still
/// being freed and for [`SETTLE_TICKS`] after.
pub async fn give_back_after_bursts(budget: Arc<Budget>) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut pending = 0usize;
    let mut settle = 0u8;
    loop {
        tick.tick().await;
        let held = budget.used();
        let freed = budget.take_peak().saturating_sub(held);
        pending = pending.saturating_add(freed);
        if pending >= WORTH_TRIMMING || (settle > 0 && freed >= STILL_FREEING) {
            settle = SETTLE_TICKS;
        } else if settle == 0 {
            continue;
        } else {
            settle -= 1;
        }
        pending = 0;
        let _ = tokio::task::spawn_blocking(trim).await;
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
// glibc keeps freed pages without it; no safe API asks it to return them.
#[allow(unsafe_code)]
fn trim() {
    // SAFETY: malloc_trim takes no pointer and touches only glibc's own heaps, under their
    // locks; glibc documents it as thread-safe (MT-Safe). It cannot free memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
// glibc's mmap threshold has no safe setter.
#[allow(unsafe_code)]
fn fix_mmap_threshold() {
    // SAFETY: mallopt takes two integers and changes one allocator parameter under glibc's
    // arena lock; it touches no memory of ours. Failure (0) leaves glibc's default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fix_mmap_threshold() {}

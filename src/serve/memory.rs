//! Gives the memory a burst of connections and bodies freed back to the system. glibc's
//! malloc keeps freed blocks inside its heaps (and per-thread arenas) rather than
//! returning them: after 600 half-sent 500 KiB bodies the server stayed at 321 MB
//! (issue 17), and even with each body in one buffer of its own, 15 s of 2,000 idle
//! connections churning left it at 41 MB instead of 11 MB (bench/attack.sh with this
//! turned off). `malloc_trim` hands the free pages back; it is called only after such a
//! burst, on a blocking thread, at most once a second.

use std::sync::Arc;
use std::time::Duration;

use super::body::Budget;

/// Freed memory worth handing back.
const WORTH_TRIMMING: usize = 4 * 1024 * 1024;

/// Runs for the server's life: every second, if connection buffers and bodies worth
/// [`WORTH_TRIMMING`] (as the budget counts them) have been freed since the last time,
/// gives the free pages back, and once more a second later: a connection's budget and its
/// buffers are freed at different moments, so the first trim at a burst's end may come
/// before the last of its memory is free (a loaded test run once kept 40 MB that way).
pub async fn give_back_after_bursts(budget: Arc<Budget>) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut freed = 0usize;
    let mut settle = false;
    loop {
        tick.tick().await;
        let held = budget.used();
        freed = freed.saturating_add(budget.take_peak().saturating_sub(held));
        let burst_ended = freed >= WORTH_TRIMMING;
        if burst_ended || settle {
            freed = 0;
            settle = burst_ended;
            let _ = tokio::task::spawn_blocking(trim).await;
        }
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

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}

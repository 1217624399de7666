//! Reading a request body within the server's bounds: its size (413 beyond
//! [`MAX_BODY`]), its deadline and minimum rate (408), its well-formedness (400), and the
//! memory budget shared by all requests (503 when a large body does not fit). The budget
//! counts every byte buffered for requests: each connection's buffers and every body;
//! those and small bodies are always taken (their number is bounded by the connection cap),
//! a body larger than [`SMALL_BODY`] only while the total stays within the budget.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::Incoming;

use super::limits::{BODY_GRACE, MAX_BODY, MIN_BODY_RATE, SMALL_BODY};

/// The bytes buffered for requests, and how many may be.
pub struct Budget {
    used: AtomicUsize,
    max: usize,
    /// The most held at once since [`Budget::take_peak`] last asked.
    peak: AtomicUsize,
}

impl Budget {
    pub fn new(max: usize) -> Arc<Budget> {
        Arc::new(Budget {
            used: AtomicUsize::new(0),
            max,
            peak: AtomicUsize::new(0),
        })
    }

    /// Holds `bytes` whatever the total (a connection's buffer).
    pub fn hold(self: &Arc<Self>, bytes: usize) -> Charge {
        let mut charge = None;
        self.grow(&mut charge, bytes, false);
        charge.unwrap_or(Charge {
            budget: self.clone(),
            bytes: 0,
        })
    }

    /// `bytes` more for `charge`: if they fit, or always unless `only_within`.
    fn grow(
        self: &Arc<Self>,
        charge: &mut Option<Charge>,
        bytes: usize,
        only_within: bool,
    ) -> bool {
        let fits = self
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                let total = used.saturating_add(bytes);
                (!only_within || total <= self.max).then_some(total)
            });
        match fits {
            Ok(before) => {
                self.peak.fetch_max(before + bytes, Ordering::AcqRel);
                charge
                    .get_or_insert_with(|| Charge {
                        budget: self.clone(),
                        bytes: 0,
                    })
                    .bytes += bytes;
                true
            }
            Err(_) => false,
        }
    }

    /// Bytes held now.
    pub fn used(&self) -> usize {
        self.used.load(Ordering::Acquire)
    }

    /// The most held at once since the last call.
    pub fn take_peak(&self) -> usize {
        self.peak.swap(self.used(), Ordering::AcqRel)
    }
}

/// A body's share of the budget, given back when dropped.
pub struct Charge {
    budget: Arc<Budget>,
    bytes: usize,
}

impl Drop for Charge {
    fn drop(&mut self) {
        self.budget.used.fetch_sub(self.bytes, Ordering::AcqRel);
    }
}

/// A body read whole, and its hold on the budget (for as long as it is used).
pub struct Body {
    pub bytes: Bytes,
    _charge: Option<Charge>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum BodyError {
    /// Longer than [`MAX_BODY`] (declared or sent).
    TooLarge,
    /// Not well formed (a bad chunk size), or cut short by the client.
    Malformed,
    /// Not whole by the request's deadline, or slower than the minimum rate.
    TimedOut,
    /// It does not fit in the memory budget now.
    NoMemory,
}

/// When a body that started at `started` and has `received` bytes so far must have sent
/// its next one: after [`BODY_GRACE`] it must keep ahead of [`MIN_BODY_RATE`].
fn rate_deadline(started: Instant, received: usize) -> Instant {
    started + BODY_GRACE + Duration::from_secs_f64(received as f64 / MIN_BODY_RATE as f64)
}

/// Reads `body` whole by `deadline` (and the minimum rate), its buffer charged to
/// `budget`; the declared length, when there is one, is charged up front so a body never
/// fails half-way for memory.
pub async fn read(
    body: Incoming,
    deadline: Instant,
    budget: &Arc<Budget>,
) -> Result<Body, BodyError> {
    read_frames(body, deadline, budget).await
}

async fn read_frames<B>(
    mut body: B,
    deadline: Instant,
    budget: &Arc<Budget>,
) -> Result<Body, BodyError>
where
    B: hyper::body::Body<Data = Bytes> + Unpin,
{
    let declared = body.size_hint().exact().map(|n| n as usize);
    if declared.is_some_and(|n| n > MAX_BODY) {
        return Err(BodyError::TooLarge);
    }
    let mut charge = None;
    let capacity_declared = declared.unwrap_or(0);
    if !budget.grow(
        &mut charge,
        capacity_declared,
        capacity_declared > SMALL_BODY,
    ) {
        return Err(BodyError::NoMemory);
    }
    let mut capacity = capacity_declared;
    let mut buffer = Vec::with_capacity(capacity);
    let started = Instant::now();
    loop {
        let until = deadline.min(rate_deadline(started, buffer.len()));
        let frame = match tokio::time::timeout_at(until.into(), body.frame()).await {
            Err(_) => return Err(BodyError::TimedOut),
            Ok(None) => break,
            Ok(Some(Err(_))) => return Err(BodyError::Malformed),
            Ok(Some(Ok(frame))) => frame,
        };
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        let len = buffer.len() + data.len();
        if len > MAX_BODY {
            return Err(BodyError::TooLarge);
        }
        if len > capacity {
            // Only a body of no declared length grows: by doubling, each step charged.
            let grown = len.max(capacity * 2).min(MAX_BODY);
            if !budget.grow(&mut charge, grown - capacity, grown > SMALL_BODY) {
                return Err(BodyError::NoMemory);
            }
            buffer.reserve_exact(grown - buffer.len());
            capacity = grown;
        }
        buffer.extend_from_slice(&data);
    }
    Ok(Body {
        bytes: Bytes::from(buffer),
        _charge: charge,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::Full;
    use hyper::body::Frame;
    use std::collections::VecDeque;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    /// A body sent frame by frame with no declared length, that may then stall.
    struct Sent {
        frames: VecDeque<Result<Frame<Bytes>, &'static str>>,
        then_stall: bool,
    }

    impl hyper::body::Body for Sent {
        type Data = Bytes;
        type Error = &'static str;
        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            match self.frames.pop_front() {
                Some(f) => Poll::Ready(Some(f)),
                None if self.then_stall => Poll::Pending,
                None => Poll::Ready(None),
            }
        }
    }

    fn sent(chunks: &[&[u8]], then_stall: bool) -> Sent {
        Sent {
            frames: chunks
                .iter()
                .map(|c| Ok(Frame::data(Bytes::copy_from_slice(c))))
                .collect(),
            then_stall,
        }
    }

    fn run<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
            .block_on(f)
    }

    fn later() -> Instant {
        Instant::now() + Duration::from_secs(3600)
    }

    #[test]
    fn a_small_body_is_taken_and_counted_even_with_the_budget_spent() {
        let budget = Budget::new(0);
        let connection = budget.hold(8192);
        let body = run(read_frames(
            Full::new(Bytes::from_static(b"{}")),
            later(),
            &budget,
        ))
        .unwrap();
        assert_eq!(body.bytes, "{}");
        assert_eq!(budget.used(), 8192 + 2);
        drop(body);
        let body = run(read_frames(sent(&[b"{", b"}"], false), later(), &budget));
        assert_eq!(body.unwrap().bytes, "{}");
        drop(connection);
        assert_eq!(budget.used(), 0);
    }

    #[test]
    fn a_large_body_is_charged_while_held_and_refused_when_it_does_not_fit() {
        let budget = Budget::new(100 * 1024);
        let data = Bytes::from(vec![b'a'; 60 * 1024]);
        let held = run(read_frames(Full::new(data.clone()), later(), &budget)).unwrap();
        assert_eq!(budget.used(), 60 * 1024, "a large body is charged in full");
        let second = run(read_frames(Full::new(data.clone()), later(), &budget));
        assert_eq!(second.err(), Some(BodyError::NoMemory));
        drop(held);
        assert_eq!(budget.used(), 0);
        assert_eq!(budget.take_peak(), 60 * 1024);
        // With no declared length, the charge grows with the body.
        let chunks: Vec<&[u8]> = data.chunks(4096).collect();
        let held = run(read_frames(sent(&chunks, false), later(), &budget)).unwrap();
        assert_eq!(held.bytes, data);
        assert!(budget.used() >= 60 * 1024 && budget.used() <= 100 * 1024);
        drop(held);
        assert_eq!(budget.used(), 0);
    }

    #[test]
    fn a_body_over_the_limit_is_too_large_declared_or_not() {
        let budget = Budget::new(usize::MAX);
        let big = vec![b'a'; MAX_BODY + 1];
        let declared = run(read_frames(
            Full::new(Bytes::from(big.clone())),
            later(),
            &budget,
        ));
        assert_eq!(declared.err(), Some(BodyError::TooLarge));
        let chunks: Vec<&[u8]> = big.chunks(64 * 1024).collect();
        let streamed = run(read_frames(sent(&chunks, false), later(), &budget));
        assert_eq!(streamed.err(), Some(BodyError::TooLarge));
        assert_eq!(budget.used(), 0, "a refused body gives its charge back");
    }

    #[test]
    fn after_the_grace_a_body_must_keep_ahead_of_the_minimum_rate() {
        let t = Instant::now();
        assert_eq!(rate_deadline(t, 0), t + BODY_GRACE);
        // 64 KiB sent buys 8 s more at 8 KiB/s.
        assert_eq!(
            rate_deadline(t, 64 * 1024),
            t + BODY_GRACE + Duration::from_secs(8)
        );
    }

    #[test]
    fn a_body_not_whole_by_the_deadline_times_out() {
        let budget = Budget::new(usize::MAX);
        let started = Instant::now();
        let deadline = started + Duration::from_millis(100);
        let out = run(read_frames(sent(&[b"{"], true), deadline, &budget));
        assert_eq!(out.err(), Some(BodyError::TimedOut));
        // The deadline, not the rate's grace, ended it.
        assert!(started.elapsed() < BODY_GRACE, "{:?}", started.elapsed());
    }

    #[test]
    fn a_broken_body_is_malformed() {
        let budget = Budget::new(usize::MAX);
        let mut broken = sent(&[b"{"], false);
        broken.frames.push_back(Err("invalid chunk size"));
        assert_eq!(
            run(read_frames(broken, later(), &budget)).err(),
            Some(BodyError::Malformed)
        );
    }
}

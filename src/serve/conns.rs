//! The open connections and the cap on them. Each connection holds a slot that says
//! whether its request is being answered or since when the server has waited for its
//! client (to open, to send a request, to finish one, to read an answer). At the cap, a
//! new connection displaces the one that has waited longest, so clients that stall (or
//! just sit there) cannot lock out a health check or a real client; a connection whose
//! request is being answered is never displaced, nor one that has waited less than
//! [`MIN_WAIT`] (a client that has just connected gets to send its request). When none
//! can be, a few overflow connections answer `/ping` and refuse the rest; beyond those a
//! connection is closed at once. A served connection's socket writes a small answer in one
//! `write` ([`Coalesced`]: 4% less CPU per answer than hyper's `writev` of head and body).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::Notify;

/// A connection is displaced only once the server has waited this long for its client:
/// enough for one that has just connected to send its request, short enough that a flood
/// of connects cannot keep every slot young for long (at the default cap it takes about
/// 19,000 connects a second).
pub const MIN_WAIT: Duration = Duration::from_millis(50);

/// `waiting_since` while a request is being answered.
const BUSY: u64 = u64::MAX;
/// `waiting_since` once displaced: the connection is being closed.
const DISPLACED: u64 = u64::MAX - 1;

/// One connection's state, shared by its task and its requests.
pub struct Slot {
    /// Milliseconds after the table's epoch since which the server has waited for this
    /// client, or [`BUSY`], or [`DISPLACED`].
    waiting_since: AtomicU64,
    displaced: Notify,
    epoch: Instant,
    /// The table's count of served connections.
    open: Arc<AtomicUsize>,
}

impl Slot {
    fn now(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    /// The request has arrived whole and is answered now: the connection can no longer be
    /// displaced. False if it already was (its connection is closing: do nothing).
    pub fn begin(&self) -> bool {
        let mut seen = self.waiting_since.load(Ordering::Acquire);
        loop {
            if seen == DISPLACED {
                return false;
            }
            match self.waiting_since.compare_exchange(
                seen,
                BUSY,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return true,
                Err(now) => seen = now,
            }
        }
    }

    /// The answer is given: from now on the server waits for the client again.
    pub fn end(&self) {
        let now = self.now();
        let _ = self
            .waiting_since
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |v| {
                (v != DISPLACED).then_some(now)
            });
    }

    /// When the request now awaited must have arrived whole: `timeout` after the server
    /// began to wait. `None` while a request is being answered.
    pub fn deadline(&self, timeout: Duration) -> Option<Instant> {
        match self.waiting_since.load(Ordering::Acquire) {
            BUSY => None,
            DISPLACED => Some(self.epoch),
            since => Some(self.epoch + Duration::from_millis(since) + timeout),
        }
    }

    /// Whether this is the only connection served now: no other client can have a
    /// request in at the same time.
    pub fn alone(&self) -> bool {
        self.open.load(Ordering::Relaxed) <= 1
    }

    /// Resolves once the connection is displaced.
    pub async fn displaced(&self) {
        self.displaced.notified().await;
    }
}

/// What a new connection gets.
pub enum Admission {
    /// A slot: it is served. The slot is given back when the ticket drops.
    Served(Ticket),
    /// Beyond the cap: answered once, briefly (`/ping`, or a refusal).
    Overflow(OverflowTicket),
    /// Beyond that: closed at once.
    Refused,
}

pub struct Table {
    inner: Mutex<Inner>,
    max: usize,
    max_overflow: usize,
    epoch: Instant,
    /// `slots.len()`, readable without the lock.
    open: Arc<AtomicUsize>,
}

#[derive(Default)]
struct Inner {
    next_id: u64,
    slots: HashMap<u64, Arc<Slot>>,
    overflow: usize,
}

impl Table {
    pub fn new(max: usize, max_overflow: usize) -> Arc<Table> {
        Table::since(Instant::now(), max, max_overflow)
    }

    /// A table whose clock starts at `epoch`.
    fn since(epoch: Instant, max: usize, max_overflow: usize) -> Arc<Table> {
        Arc::new(Table {
            inner: Mutex::new(Inner::default()),
            max: max.max(1),
            max_overflow,
            epoch,
            open: Arc::default(),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A place for a new connection: a free slot, else the slot of the connection that has
    /// waited longest (it is told to close), else an overflow place, else none.
    pub fn admit(self: &Arc<Self>) -> Admission {
        let mut inner = self.lock();
        let now = self.epoch.elapsed().as_millis() as u64;
        let min_wait = MIN_WAIT.as_millis() as u64;
        while inner.slots.len() >= self.max {
            let oldest = inner
                .slots
                .iter()
                .map(|(id, slot)| (slot.waiting_since.load(Ordering::Acquire), *id))
                .filter(|(since, _)| *since < DISPLACED && now.saturating_sub(*since) >= min_wait)
                .min();
            let Some((since, id)) = oldest else { break };
            let slot = &inner.slots[&id];
            // It may have begun a request meanwhile: then look again.
            if slot
                .waiting_since
                .compare_exchange(since, DISPLACED, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                slot.displaced.notify_one();
                inner.slots.remove(&id);
                self.counted(&inner);
            }
        }
        if inner.slots.len() < self.max {
            inner.next_id += 1;
            let id = inner.next_id;
            let slot = Arc::new(Slot {
                waiting_since: AtomicU64::new(now),
                displaced: Notify::new(),
                epoch: self.epoch,
                open: self.open.clone(),
            });
            inner.slots.insert(id, slot.clone());
            self.counted(&inner);
            return Admission::Served(Ticket {
                table: self.clone(),
                id,
                slot,
            });
        }
        if inner.overflow < self.max_overflow {
            inner.overflow += 1;
            return Admission::Overflow(OverflowTicket {
                table: self.clone(),
            });
        }
        Admission::Refused
    }

    /// Publishes the served count after `inner.slots` changed (under the lock).
    fn counted(&self, inner: &Inner) {
        self.open.store(inner.slots.len(), Ordering::Relaxed);
    }

    /// Connections open now (served, overflow).
    pub fn open(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.slots.len(), inner.overflow)
    }
}

/// A served connection's hold on its slot.
pub struct Ticket {
    table: Arc<Table>,
    id: u64,
    pub slot: Arc<Slot>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        // A displaced slot was taken out already when it was displaced.
        let mut inner = self.table.lock();
        inner.slots.remove(&self.id);
        self.table.counted(&inner);
    }
}

/// An overflow connection's place.
pub struct OverflowTicket {
    table: Arc<Table>,
}

impl Drop for OverflowTicket {
    fn drop(&mut self) {
        self.table.lock().overflow -= 1;
    }
}

/// A served connection's socket, whose small answers go out in one `write`: hyper hands
/// an answer over as its head and its body (zero-copy, so a large body is never copied into
/// a buffer the connection keeps), and an answer of at most [`COALESCE`] bytes is copied
/// into one buffer and written with `write` rather than `writev`.
pub struct Coalesced {
    stream: TcpStream,
    /// Where a small answer is put together: kept with the connection (at most
    /// [`COALESCE`] bytes), so no answer allocates or clears one.
    one: Vec<u8>,
}

impl Coalesced {
    pub fn new(stream: TcpStream) -> Coalesced {
        Coalesced {
            stream,
            one: Vec::new(),
        }
    }
}

/// The largest answer written from one buffer (a typical answer is under 1 KiB).
pub const COALESCE: usize = 4096;

impl AsyncRead for Coalesced {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Coalesced {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let total: usize = bufs.iter().map(|b| b.len()).sum();
        if bufs.len() > 1 && total <= COALESCE {
            this.one.clear();
            for b in bufs {
                this.one.extend_from_slice(b);
            }
            return std::pin::Pin::new(&mut this.stream).poll_write(cx, &this.one);
        }
        std::pin::Pin::new(&mut this.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        true
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_answer_goes_out_whole_from_one_buffer_and_a_large_one_as_given() {
        use std::io::IoSlice;
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let client = TcpStream::connect(listener.local_addr().unwrap());
            let (client, accepted) = tokio::join!(client, listener.accept());
            let (mut client, mut server) = (client.unwrap(), Coalesced::new(accepted.unwrap().0));
            assert!(server.is_write_vectored());
            let body = vec![b'b'; COALESCE - 4];
            let small = [IoSlice::new(b"head"), IoSlice::new(&body)];
            // One write of all of it: the socket takes 4 KiB at once.
            assert_eq!(server.write_vectored(&small).await.unwrap(), COALESCE);
            let large_body = vec![b'c'; COALESCE * 4];
            let large = [IoSlice::new(b"head"), IoSlice::new(&large_body)];
            let mut sent = server.write_vectored(&large).await.unwrap();
            assert!(sent > 0);
            let all: Vec<u8> = [b"head".as_slice(), &large_body].concat();
            while sent < all.len() {
                sent += server.write(&all[sent..]).await.unwrap();
            }
            server.shutdown().await.unwrap();
            let mut got = Vec::new();
            client.read_to_end(&mut got).await.unwrap();
            let want = [b"head".as_slice(), &body, &all].concat();
            assert_eq!(got, want);
        });
    }

    fn served(a: Admission) -> Ticket {
        match a {
            Admission::Served(t) => t,
            _ => panic!("not served"),
        }
    }

    /// A table started 10 s ago: its slots can be made to have waited long enough.
    fn table(max: usize, overflow: usize) -> Arc<Table> {
        Table::since(Instant::now() - Duration::from_secs(10), max, overflow)
    }

    #[test]
    fn at_the_cap_the_connection_waiting_longest_is_displaced() {
        let table = table(2, 1);
        let first = served(table.admit());
        let second = served(table.admit());
        // The first has waited longer; make that visible at millisecond resolution.
        first.slot.waiting_since.store(0, Ordering::Release);
        second.slot.waiting_since.store(5, Ordering::Release);
        let third = served(table.admit());
        assert_eq!(first.slot.waiting_since.load(Ordering::Acquire), DISPLACED);
        assert!(
            !first.slot.begin(),
            "a displaced connection answers nothing"
        );
        assert!(second.slot.begin());
        assert_eq!(table.open(), (2, 0));
        drop(first);
        assert_eq!(
            table.open(),
            (2, 0),
            "its slot was given to the third already"
        );
        drop(third);
        assert_eq!(table.open(), (1, 0));
    }

    #[test]
    fn a_connection_is_alone_only_while_no_other_is_served() {
        let table = table(2, 1);
        let first = served(table.admit());
        assert!(first.slot.alone());
        let second = served(table.admit());
        assert!(!first.slot.alone() && !second.slot.alone());
        // Displaced, a connection no longer counts.
        first.slot.waiting_since.store(0, Ordering::Release);
        second.slot.waiting_since.store(5, Ordering::Release);
        let third = served(table.admit());
        assert!(!third.slot.alone());
        drop(second);
        assert!(third.slot.alone());
        drop(first);
        assert!(third.slot.alone());
    }

    #[test]
    fn a_connection_that_has_just_opened_is_not_displaced() {
        let table = table(1, 1);
        let young = served(table.admit());
        assert!(matches!(table.admit(), Admission::Overflow(_)));
        young.slot.waiting_since.store(0, Ordering::Release);
        assert!(matches!(table.admit(), Admission::Served(_)));
    }

    #[test]
    fn a_connection_being_answered_is_never_displaced() {
        let table = table(1, 1);
        let busy = served(table.admit());
        assert!(busy.slot.begin());
        let overflow = match table.admit() {
            Admission::Overflow(o) => o,
            _ => panic!("the only slot is busy: overflow"),
        };
        assert!(matches!(table.admit(), Admission::Refused));
        assert_eq!(table.open(), (1, 1));
        drop(overflow);
        busy.slot.end();
        // Waiting again (long enough), so it can be displaced again.
        busy.slot.waiting_since.store(0, Ordering::Release);
        let _next = served(table.admit());
        assert_eq!(busy.slot.waiting_since.load(Ordering::Acquire), DISPLACED);
        assert!(busy.slot.deadline(Duration::from_secs(1)).is_some());
    }

    #[test]
    fn the_deadline_runs_from_when_the_server_began_to_wait() {
        let table = table(1, 0);
        let t = served(table.admit());
        t.slot.waiting_since.store(1000, Ordering::Release);
        assert_eq!(
            t.slot.deadline(Duration::from_secs(10)),
            Some(table.epoch + Duration::from_millis(11_000))
        );
        assert!(t.slot.begin());
        assert_eq!(t.slot.deadline(Duration::from_secs(10)), None);
    }
}

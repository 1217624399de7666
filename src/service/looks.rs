//! Looks at the vault file's identity on a server's behalf, one look shared by every
//! request that arrived before it began: never stale (a write whose rename returned
//! before a request arrived is seen by that request), with one `stat` per batch of
//! requests rather than one each.
//!
//! Why it holds: a request takes its [`Arrival`] once it has been received whole, so a
//! write its client saw finish (its rename returned) happened before that. A look records
//! the arrivals counted just before its `stat` began; a request may use it only if its own
//! arrival is among them, so its `stat` began after that write and names the new file.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::vault::{FileId, VaultError};

/// When a request was received whole, in the order of the server's requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Arrival(u64);

/// The arrivals counted so far and the last look at the file.
#[derive(Default)]
pub struct Looks {
    arrivals: AtomicU64,
    last: Mutex<Option<Look>>,
}

struct Look {
    /// The arrivals counted before its `stat` began: a request that arrived by then
    /// (`Arrival <= covers`) may use it.
    covers: u64,
    path: PathBuf,
    id: Option<FileId>,
}

impl Looks {
    /// Counts a request that has just been received whole.
    pub fn arrive(&self) -> Arrival {
        Arrival(self.arrivals.fetch_add(1, Ordering::SeqCst) + 1)
    }

    /// The identity of the file at `path` as a request that arrived at `arrival` (or,
    /// with `None`, one arriving now) must see it: the last look if it began after the
    /// request arrived, else a new look (one `stat`), kept for the requests that arrived
    /// before it.
    pub fn file_id(
        &self,
        path: &Path,
        arrival: Option<Arrival>,
    ) -> Result<Option<FileId>, VaultError> {
        if let Some(arrival) = arrival
            && let Some(look) = self.lock().as_ref()
            && look.covers >= arrival.0
            && look.path == path
        {
            return Ok(look.id);
        }
        // Counted before the `stat` begins: every request counted by then arrived before it.
        let covers = self.arrivals.load(Ordering::SeqCst);
        let id = FileId::of(path)?;
        let mut last = self.lock();
        // A later look (another worker's) stays: it covers more.
        if last.as_ref().is_none_or(|look| look.covers < covers) {
            *last = Some(Look {
                covers,
                path: path.to_path_buf(),
                id,
            });
        }
        Ok(id)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Look>> {
        self.last.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(path: &Path, text: &str) {
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, path).unwrap();
    }

    /// A folder with `v.age` holding `text`, and the path.
    fn vault(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.age");
        rewrite(&path, text);
        (dir, path)
    }

    #[test]
    fn a_request_that_arrived_before_a_look_began_uses_it() {
        let (_dir, path) = vault("one");
        let looks = Looks::default();
        let (a, b) = (looks.arrive(), looks.arrive());
        let first = looks.file_id(&path, Some(a)).unwrap();
        // b arrived before the look began: a change since is one b's client never saw
        // finish, so b may be answered from the look without a `stat` of its own.
        rewrite(&path, "two, longer");
        assert_eq!(looks.file_id(&path, Some(b)).unwrap(), first);
    }

    #[test]
    fn a_request_that_arrived_after_a_change_never_gets_an_older_look() {
        let (_dir, path) = vault("one");
        let looks = Looks::default();
        let a = looks.arrive();
        let first = looks.file_id(&path, Some(a)).unwrap();
        rewrite(&path, "two, longer");
        let c = looks.arrive();
        let seen = looks.file_id(&path, Some(c)).unwrap();
        assert_ne!(seen, first);
        assert_eq!(seen, FileId::of(&path).unwrap());
        // Without an arrival, every call looks.
        rewrite(&path, "three, longer still");
        assert_eq!(
            looks.file_id(&path, None).unwrap(),
            FileId::of(&path).unwrap()
        );
    }

    #[test]
    fn a_look_at_another_path_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let (one, two) = (dir.path().join("one.age"), dir.path().join("two.age"));
        rewrite(&one, "one");
        rewrite(&two, "two, longer");
        let looks = Looks::default();
        let a = looks.arrive();
        looks.file_id(&one, None).unwrap();
        assert_eq!(
            looks.file_id(&two, Some(a)).unwrap(),
            FileId::of(&two).unwrap()
        );
    }

    #[test]
    fn an_earlier_look_never_replaces_a_later_one() {
        let (_dir, path) = vault("one");
        let looks = Looks::default();
        looks.arrive();
        looks.arrive();
        looks.file_id(&path, None).unwrap();
        // A look that began when fewer requests had arrived (as another worker's may,
        // finishing last) leaves the one covering more in place.
        let first = looks.lock().as_ref().map(|l| l.covers);
        *looks.lock() = Some(Look {
            covers: 5,
            path: path.clone(),
            id: None,
        });
        looks.file_id(&path, None).unwrap();
        assert_eq!(looks.lock().as_ref().map(|l| l.covers), Some(5));
        assert_eq!(first, Some(2));
    }
}

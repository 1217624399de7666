//! The vault as stored, loaded lazily. The data is laid out so that one secret can be
//! found without reading the others:
//!
//! `{"index":[[name, deletion_date, offset, length], ...],"account_id":..,"default_region":..,"serving":{..},"principals":[..],"secrets":[...]}`
//!
//! where each index entry locates its secret's JSON text inside the `secrets` array.
//! Only the secrets an operation names are parsed; a write copies the others through.
//! Data without an index (hand-made, or older) is read by scanning it once.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use smvault_wipe::WipedBytes;

use super::ids;
use super::model::{Millis, Secret, Serving, User, Vault};

/// Why stored data cannot be used: a record that does not parse (its position only, as
/// serde_json reports it), or data that contradicts itself or breaks a rule (what and
/// where, never a value).
#[derive(Debug, thiserror::Error)]
pub enum StoredError {
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Invalid(String),
}

/// The data of a vault file, with each secret still JSON text borrowed from it.
#[derive(Debug, Default)]
pub struct StoredVault<'a> {
    pub account_id: Option<String>,
    pub default_region: Option<String>,
    pub serving: Option<Serving>,
    pub principals: Vec<User>,
    secrets: Vec<Cow<'a, [u8]>>,
    /// From the index when there was one; otherwise read from each record's start.
    heads: Option<Vec<Head>>,
}

impl Drop for StoredVault<'_> {
    // Records read on their own (not borrowed from a wiped text) held secrets.
    fn drop(&mut self) {
        for record in &mut self.secrets {
            if let Cow::Owned(bytes) = record {
                drop(smvault_wipe::WipedBytes(std::mem::take(bytes)));
            }
        }
    }
}

/// Which secrets an operation may look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// None (the vault's settings only).
    Nothing,
    /// Secrets with one of these names, in any region.
    Names(Vec<String>),
    /// Every secret.
    All,
}

impl Scope {
    /// The secrets a SecretId (or a new secret's name) can name.
    pub fn of_ids<'s>(ids: impl IntoIterator<Item = &'s str>) -> Scope {
        Scope::Names(ids.into_iter().flat_map(ids::candidate_names).collect())
    }
}

/// What selection and purging need of a secret, kept in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Head {
    name: String,
    deletion_date: Option<Millis>,
}

/// `[name, deletion_date, offset, length]`: offsets count bytes from the `[` of `secrets`.
type IndexEntry = (String, Option<Millis>, usize, usize);

/// The vault's settings, stored before the records.
#[derive(Default)]
struct Settings {
    account_id: Option<String>,
    default_region: Option<String>,
    serving: Option<Serving>,
    principals: Vec<User>,
}

/// What precedes the records: the index, the settings, and where the `secrets`
/// array starts.
type Header = (Vec<IndexEntry>, Settings, usize);

#[derive(Deserialize)]
struct Unindexed<'a> {
    #[serde(default)]
    account_id: Option<String>,
    #[serde(default)]
    default_region: Option<String>,
    #[serde(default)]
    serving: Option<Serving>,
    #[serde(default)]
    principals: Vec<User>,
    #[serde(borrow, default)]
    secrets: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct HeadFields {
    name: String,
    #[serde(default)]
    deletion_date: Option<Millis>,
}

/// Refuses an index entry that places a record beyond the `len` bytes the records
/// really have: a length read from a file is never trusted to size anything.
fn check_index(index: &[IndexEntry], len: usize) -> Result<(), StoredError> {
    match index.iter().find(|e| e.2 > len || e.3 > len) {
        Some((name, _, offset, record)) => Err(StoredError::Invalid(format!(
            "its index places secret {name:?} at byte {offset} with a length of {record} bytes, beyond the {len} bytes of records"
        ))),
        None => Ok(()),
    }
}

/// Reads the head from the start of a record: `{"name":..,"region":..,"suffix":..`
/// then an optional `"deletion_date"`, the order [`Secret`] is written in; anything
/// else is parsed in full.
fn head(raw: &[u8]) -> Result<Head, serde_json::Error> {
    match fast_head(raw) {
        Some(h) => Ok(h),
        None => serde_json::from_slice::<HeadFields>(raw).map(|h| Head {
            name: h.name,
            deletion_date: h.deletion_date,
        }),
    }
}

fn fast_head(s: &[u8]) -> Option<Head> {
    let mut rest = s.strip_prefix(b"{\"name\":")?;
    let name: String = next_value(&mut rest)?;
    rest = rest.strip_prefix(b",\"region\":")?;
    let _: String = next_value(&mut rest)?;
    rest = rest.strip_prefix(b",\"suffix\":")?;
    let _: String = next_value(&mut rest)?;
    let deletion_date = match rest.strip_prefix(b",\"deletion_date\":") {
        Some(mut r) => Some(next_value::<Millis>(&mut r)?),
        None => None,
    };
    Some(Head {
        name,
        deletion_date,
    })
}

/// Parses one JSON value at the start of `rest` and moves past it.
fn next_value<T: serde::de::DeserializeOwned>(rest: &mut &[u8]) -> Option<T> {
    let mut stream = serde_json::Deserializer::from_slice(rest).into_iter::<T>();
    let value = stream.next()?.ok()?;
    *rest = &rest[stream.byte_offset()..];
    Some(value)
}

impl<'a> StoredVault<'a> {
    /// Reads vault data text: through its index when it has one, else by one scan.
    pub fn parse(text: &'a [u8]) -> Result<StoredVault<'a>, StoredError> {
        if let Some(v) = Self::parse_indexed(text)? {
            return Ok(v);
        }
        let u: Unindexed<'a> = serde_json::from_slice(text)?;
        Ok(StoredVault {
            account_id: u.account_id,
            default_region: u.default_region,
            serving: u.serving,
            principals: u.principals,
            secrets: u
                .secrets
                .into_iter()
                .map(|r| Cow::Borrowed(r.get().as_bytes()))
                .collect(),
            heads: None,
        })
    }

    /// The indexed layout; `None` when `text` is not in it, or the index does not fit
    /// the records (then it is scanned). An entry placing a record beyond the end of the
    /// data is no slip of an edit but a lie: refused.
    fn parse_indexed(text: &'a [u8]) -> Result<Option<StoredVault<'a>>, StoredError> {
        let Some((index, settings, array_at)) = Self::parse_header(text) else {
            return Ok(None);
        };
        let array = &text[array_at..];
        check_index(&index, array.len())?;
        let mut end = 1;
        let mut secrets = Vec::with_capacity(index.len());
        let mut heads = Vec::with_capacity(index.len());
        for (name, deletion_date, offset, len) in index {
            // Every record must sit where the index says, right after the last.
            let sep: &[u8] = if secrets.is_empty() { b"[" } else { b"," };
            let fits = offset == end && array.get(offset - 1..offset) == Some(sep);
            let Some(raw) = array.get(offset..offset + len).filter(|_| fits) else {
                return Ok(None);
            };
            if !raw.starts_with(b"{") || !raw.ends_with(b"}") {
                return Ok(None);
            }
            secrets.push(Cow::Borrowed(raw));
            heads.push(Head {
                name,
                deletion_date,
            });
            end = offset + len + 1;
        }
        let closing: &[u8] = if secrets.is_empty() { b"[]}" } else { b"]}" };
        if array.get(end - 1..) != Some(closing) {
            return Ok(None);
        }
        Ok(Some(StoredVault {
            account_id: settings.account_id,
            default_region: settings.default_region,
            serving: settings.serving,
            principals: settings.principals,
            secrets,
            heads: Some(heads),
        }))
    }

    /// Reads only what `scope` needs from a seekable stream of the vault's
    /// plaintext (one of the envelope prefixes, all of one length, such as
    /// `{"format":2,"data":`, and then the data): the index,
    /// the settings, and the records it names. `Ok(None)` when the data is not in
    /// the indexed layout (or `scope` is all of it): then read the whole text.
    /// For reading only: what it returns cannot be merged back.
    pub fn read_partial<R: std::io::Read + std::io::Seek>(
        stream: &mut R,
        envelope_prefixes: &[&[u8]],
        scope: &Scope,
    ) -> std::io::Result<Option<StoredVault<'static>>> {
        use std::io::SeekFrom;
        let Scope::Names(names) = scope else {
            if *scope == Scope::All {
                return Ok(None);
            }
            return Self::read_partial(stream, envelope_prefixes, &Scope::Names(Vec::new()));
        };
        // The plaintext's real length (age authenticates it by decrypting the last
        // chunk): no length read from the text may reach past it.
        let total = stream.seek(SeekFrom::End(0))?;
        stream.seek(SeekFrom::Start(0))?;
        // The head of the text, doubled until the index and settings parse whole
        // (filled before each try, so the index is parsed a few times at most). It may
        // reach into the records: wiped however this returns, and on each growth.
        let mut head = WipedBytes(vec![0; 64 * 1024]);
        let mut have = 0;
        let layout = loop {
            let mut eof = false;
            while have < head.len() {
                let n = stream.read(&mut head[have..])?;
                if n == 0 {
                    eof = true;
                    break;
                }
                have += n;
            }
            let Some(data) = envelope_prefixes
                .iter()
                .find_map(|p| head[..have].strip_prefix(*p))
            else {
                return Ok(None);
            };
            if !data.starts_with(&b"{\"index\":"[..data.len().min(9)]) {
                return Ok(None);
            }
            if let Some(layout) = Self::parse_header(data) {
                break layout;
            }
            if eof {
                return Ok(None);
            }
            let mut bigger = WipedBytes(vec![0; head.len() * 2]);
            bigger[..have].copy_from_slice(&head[..have]);
            head = bigger;
        };
        let (index, settings, array_at) = layout;
        // Every prefix has one length; the data follows it.
        let prefix_len = envelope_prefixes.first().map_or(0, |p| p.len());
        let base = (prefix_len + array_at) as u64;
        // Built up in place, so records already read are wiped if this gives up.
        let mut out = StoredVault {
            account_id: settings.account_id,
            default_region: settings.default_region,
            serving: settings.serving,
            principals: settings.principals,
            secrets: Vec::with_capacity(index.len()),
            heads: None,
        };
        let mut heads = Vec::with_capacity(index.len());
        for (name, deletion_date, offset, len) in index {
            let record = if names.contains(&name) {
                // A record reaching past the text is not read (nor its buffer sized):
                // the whole read finds the lie and reports it.
                let start = base.checked_add(offset as u64);
                if start
                    .and_then(|s| s.checked_add(len as u64))
                    .is_none_or(|e| e > total)
                {
                    return Ok(None);
                }
                let mut buf = WipedBytes(vec![0; len]);
                // A chunk that fails to decrypt: the whole read reports the damage.
                let read = stream
                    .seek(SeekFrom::Start(base + offset as u64))
                    .and_then(|_| stream.read_exact(&mut buf));
                if read.is_err() || !buf.starts_with(b"{") || !buf.ends_with(b"}") {
                    return Ok(None);
                }
                Cow::Owned(std::mem::take(&mut buf.0))
            } else {
                Cow::Borrowed(&b""[..])
            };
            out.secrets.push(record);
            heads.push(Head {
                name,
                deletion_date,
            });
        }
        out.heads = Some(heads);
        Ok(Some(out))
    }

    /// The index and settings at the start of indexed data, and where the
    /// `secrets` array starts; `None` if `data` does not hold them whole yet.
    fn parse_header(data: &[u8]) -> Option<Header> {
        let mut rest = data.strip_prefix(b"{\"index\":")?;
        let index: Vec<IndexEntry> = next_value(&mut rest)?;
        let mut settings = Settings::default();
        if let Some(mut r) = rest.strip_prefix(b",\"account_id\":") {
            settings.account_id = Some(next_value::<String>(&mut r)?);
            rest = r;
        }
        if let Some(mut r) = rest.strip_prefix(b",\"default_region\":") {
            settings.default_region = Some(next_value::<String>(&mut r)?);
            rest = r;
        }
        if let Some(mut r) = rest.strip_prefix(b",\"serving\":") {
            settings.serving = Some(next_value::<Serving>(&mut r)?);
            rest = r;
        }
        if let Some(mut r) = rest.strip_prefix(b",\"principals\":") {
            settings.principals = next_value::<Vec<User>>(&mut r)?;
            rest = r;
        }
        let array = rest.strip_prefix(b",\"secrets\":")?;
        Some((index, settings, data.len() - array.len()))
    }

    fn heads(&self) -> Result<Cow<'_, [Head]>, serde_json::Error> {
        match &self.heads {
            Some(h) => Ok(Cow::Borrowed(h)),
            None => self
                .secrets
                .iter()
                .map(|s| head(s))
                .collect::<Result<Vec<_>, _>>()
                .map(Cow::Owned),
        }
    }

    /// The secrets in `scope` as a core vault (expired ones left out). The vault
    /// is marked changed when expired secrets are waiting to be purged.
    pub fn select(&self, scope: &Scope, now: Millis) -> Result<Selection, StoredError> {
        let heads = self.heads()?;
        let mut vault = Vault {
            account_id: self.account_id.clone(),
            default_region: self.default_region.clone(),
            serving: self.serving.clone(),
            principals: self.principals.clone(),
            secrets: Vec::new(),
            dirty: false,
        };
        let mut positions = Vec::new();
        let mut expired = Vec::new();
        for (i, h) in heads.iter().enumerate() {
            if super::model::expired(h.deletion_date, now) {
                expired.push(i);
                continue;
            }
            let wanted = match scope {
                Scope::Nothing => false,
                Scope::Names(names) => names.contains(&h.name),
                Scope::All => true,
            };
            if wanted {
                vault
                    .secrets
                    .push(serde_json::from_slice::<Secret>(&self.secrets[i])?);
                positions.push(i);
            }
        }
        vault.dirty = !expired.is_empty();
        Ok(Selection {
            vault,
            positions,
            expired,
        })
    }
}

/// Where each record of one indexed data text lies, found once, so that later reads
/// of that same text parse only the records they name: a read's cost stays the same
/// however many secrets the vault holds. For reading only.
pub struct Layout {
    settings: Settings,
    heads: Vec<Head>,
    /// Each record's byte range in the data text.
    ranges: Vec<(usize, usize)>,
    /// The records of each name (a name may exist in several regions), in order.
    by_name: std::collections::HashMap<String, Vec<usize>>,
}

impl Layout {
    /// The layout of indexed data text; `None` for any other (then parse it whole).
    pub fn of(text: &[u8]) -> Option<Layout> {
        // parse_indexed checks every record sits where the index says.
        let stored = StoredVault::parse_indexed(text).ok().flatten()?;
        let base = text.as_ptr() as usize;
        let ranges = stored
            .secrets
            .iter()
            .map(|r| {
                let start = r.as_ptr() as usize - base;
                (start, start + r.len())
            })
            .collect();
        let heads = stored.heads.clone().unwrap_or_default();
        let mut by_name: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, h) in heads.iter().enumerate() {
            by_name.entry(h.name.clone()).or_default().push(i);
        }
        Some(Layout {
            settings: Settings {
                account_id: stored.account_id.clone(),
                default_region: stored.default_region.clone(),
                serving: stored.serving.clone(),
                principals: stored.principals.clone(),
            },
            heads,
            ranges,
            by_name,
        })
    }

    /// The secrets in `scope` of `text` (the text this layout was made from), expired
    /// ones left out, as [`StoredVault::select`] gives them.
    pub fn select(
        &self,
        text: &[u8],
        scope: &Scope,
        now: Millis,
    ) -> Result<Vault, serde_json::Error> {
        let mut wanted: Vec<usize> = match scope {
            Scope::Nothing => Vec::new(),
            Scope::All => (0..self.heads.len()).collect(),
            Scope::Names(names) => names
                .iter()
                .filter_map(|n| self.by_name.get(n))
                .flatten()
                .copied()
                .collect(),
        };
        wanted.sort_unstable();
        wanted.dedup();
        let mut vault = Vault {
            account_id: self.settings.account_id.clone(),
            default_region: self.settings.default_region.clone(),
            serving: self.settings.serving.clone(),
            principals: self.settings.principals.clone(),
            secrets: Vec::with_capacity(wanted.len()),
            dirty: false,
        };
        for i in wanted {
            if super::model::expired(self.heads[i].deletion_date, now) {
                continue;
            }
            let (start, end) = self.ranges[i];
            vault
                .secrets
                .push(serde_json::from_slice::<Secret>(&text[start..end])?);
        }
        Ok(vault)
    }
}

/// A partial core vault and where its secrets came from.
pub struct Selection {
    pub vault: Vault,
    /// For each secret of `vault`, its index in the stored list.
    positions: Vec<usize>,
    /// Stored secrets past their recovery window, dropped on the next write.
    expired: Vec<usize>,
}

impl Selection {
    /// The vault data after the operation: untouched secrets copied through,
    /// changed ones rewritten, removed and expired ones dropped, new ones appended,
    /// in their order, with a fresh index. Streamed by [`Merged::for_each_part`].
    pub fn merge<'s, 'a>(
        &self,
        stored: &'s StoredVault<'a>,
    ) -> Result<Merged<'s, 'a>, StoredError> {
        let n = stored.secrets.len();
        let heads = stored.heads()?;
        let mut rewritten: Vec<Option<usize>> = vec![None; n];
        let mut removed = vec![false; n];
        for &e in &self.expired {
            removed[e] = true;
        }
        for &p in &self.positions {
            removed[p] = true;
        }
        let mut owned = Vec::new();
        let mut owned_heads = Vec::new();
        let mut appended = Vec::new();
        for secret in &self.vault.secrets {
            owned.push(WipedBytes(serde_json::to_vec(secret)?));
            owned_heads.push(Head {
                name: secret.name.clone(),
                deletion_date: secret.deletion_date,
            });
            let k = owned.len() - 1;
            // The same name, region and suffix is the same secret (the core never renames one).
            let origin = self
                .positions
                .iter()
                .copied()
                .find(|&p| rewritten[p].is_none() && same_secret(&stored.secrets[p], secret));
            match origin {
                Some(p) => {
                    removed[p] = false;
                    rewritten[p] = Some(k);
                }
                None => appended.push(k),
            }
        }
        let mut order = Vec::with_capacity(n + appended.len());
        for i in 0..n {
            match rewritten[i] {
                Some(k) => order.push(Source::Owned(k)),
                None if removed[i] => {}
                None => order.push(Source::Stored(i)),
            }
        }
        order.extend(appended.into_iter().map(Source::Owned));
        let record = |src: &Source| match *src {
            Source::Stored(i) => (&*stored.secrets[i], &heads[i]),
            Source::Owned(k) => (owned[k].as_slice(), &owned_heads[k]),
        };
        let head = header(&self.vault, order.iter().map(record))?;
        Ok(Merged {
            stored,
            owned,
            order,
            head,
        })
    }
}

enum Source {
    Stored(usize),
    Owned(usize),
}

/// Vault data ready to be written: the index and settings, then each record,
/// either copied from the stored text or newly serialized.
pub struct Merged<'s, 'a> {
    stored: &'s StoredVault<'a>,
    owned: Vec<WipedBytes>,
    order: Vec<Source>,
    head: WipedBytes,
}

impl Merged<'_, '_> {
    /// Hands the data to `write` piece by piece, so it is never copied whole.
    pub fn for_each_part(&self, mut write: impl FnMut(&[u8])) {
        write(&self.head);
        for (i, src) in self.order.iter().enumerate() {
            if i > 0 {
                write(b",");
            }
            write(match *src {
                Source::Stored(s) => &self.stored.secrets[s],
                Source::Owned(k) => &self.owned[k],
            });
        }
        write(b"]}");
    }

    /// The whole data as one buffer (for `init` and tests).
    pub fn to_bytes(&self) -> WipedBytes {
        let mut out = WipedBytes::default();
        self.for_each_part(|p| out.extend_from_slice(p));
        out
    }
}

/// `{"index":[...],"account_id":..,"default_region":..,"serving":..,"principals":..,"secrets":[`
/// for these records.
fn header<'r>(
    vault: &Vault,
    records: impl Iterator<Item = (&'r [u8], &'r Head)>,
) -> Result<WipedBytes, serde_json::Error> {
    let mut offset = 1;
    let index: Vec<IndexEntry> = records
        .map(|(text, h)| {
            let entry = (h.name.clone(), h.deletion_date, offset, text.len());
            offset += text.len() + 1;
            entry
        })
        .collect();
    // Wiped: it carries the serving credentials and the principals' keys.
    let mut out = WipedBytes(Vec::with_capacity(index.len() * 64 + 64));
    out.extend_from_slice(b"{\"index\":");
    out.extend_from_slice(&serde_json::to_vec(&index)?);
    if let Some(a) = &vault.account_id {
        out.extend_from_slice(b",\"account_id\":");
        out.extend_from_slice(&serde_json::to_vec(a)?);
    }
    if let Some(r) = &vault.default_region {
        out.extend_from_slice(b",\"default_region\":");
        out.extend_from_slice(&serde_json::to_vec(r)?);
    }
    if let Some(s) = &vault.serving {
        out.extend_from_slice(b",\"serving\":");
        serde_json::to_writer(&mut out.0, s)?;
    }
    if !vault.principals.is_empty() {
        out.extend_from_slice(b",\"principals\":");
        serde_json::to_writer(&mut out.0, &vault.principals)?;
    }
    out.extend_from_slice(b",\"secrets\":[");
    Ok(out)
}

fn same_secret(raw: &[u8], secret: &Secret) -> bool {
    #[derive(Deserialize)]
    struct Identity {
        name: String,
        region: String,
        suffix: String,
    }
    serde_json::from_slice::<Identity>(raw).is_ok_and(|i| {
        i.name == secret.name && i.region == secret.region && i.suffix == secret.suffix
    })
}

/// Each record's (region, name), read from its start when it is in the order
/// [`Secret`] is written in, else parsed.
fn record_key(raw: &[u8]) -> Result<RecordKey, serde_json::Error> {
    let fast = || {
        let mut rest = raw.strip_prefix(b"{\"name\":")?;
        let name: String = next_value(&mut rest)?;
        let mut rest = rest.strip_prefix(b",\"region\":")?;
        let region: String = next_value(&mut rest)?;
        Some((region, name))
    };
    if let Some(key) = fast() {
        return Ok(key);
    }
    #[derive(Deserialize)]
    struct Key {
        name: String,
        region: String,
    }
    serde_json::from_slice::<Key>(raw).map(|k| (k.region, k.name))
}

/// A secret's (region, name): what tells two vaults' records of one secret.
pub type RecordKey = (String, String);

impl StoredVault<'_> {
    /// Every record's text with its (region, name), in order: what a merge
    /// compares before it parses only the records that differ.
    pub fn keyed_records(&self) -> Result<Vec<(RecordKey, &[u8])>, serde_json::Error> {
        self.secrets
            .iter()
            .map(|r| record_key(r).map(|k| (k, &**r)))
            .collect()
    }
}

/// The data text of a vault with these settings and these records (JSON text
/// each, as [`StoredVault::keyed_records`] gives them or serialized anew).
pub fn write_records(
    account_id: Option<String>,
    default_region: Option<String>,
    serving: Option<Serving>,
    principals: Vec<User>,
    records: &[&[u8]],
) -> Result<WipedBytes, serde_json::Error> {
    let settings = Vault {
        account_id,
        default_region,
        serving,
        principals,
        secrets: Vec::new(),
        dirty: false,
    };
    let heads = records
        .iter()
        .map(|r| head(r))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = header(&settings, records.iter().copied().zip(heads.iter()))?;
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(r);
    }
    out.extend_from_slice(b"]}");
    Ok(out)
}

/// The data text of a whole vault (used by `init`, and by tests).
pub fn write_vault(vault: &Vault) -> Result<WipedBytes, StoredError> {
    let empty = StoredVault::default();
    let selection = Selection {
        vault: vault.clone(),
        positions: Vec::new(),
        expired: Vec::new(),
    };
    Ok(selection.merge(&empty)?.to_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    fn text_of(b: &WipedBytes) -> String {
        String::from_utf8(b.to_vec()).unwrap()
    }

    fn round(
        text: &str,
        scope: Scope,
        now: Millis,
        change: impl FnOnce(&mut Vault),
    ) -> (Vault, String) {
        let stored = StoredVault::parse(text.as_bytes()).unwrap();
        let mut sel = stored.select(&scope, now).unwrap();
        change(&mut sel.vault);
        let out = text_of(&sel.merge(&stored).unwrap().to_bytes());
        (serde_json::from_str(&out).unwrap(), out)
    }

    #[test]
    fn a_layout_selects_what_a_full_parse_selects() {
        let mut v = vault_with(&[("a", "1"), ("b", "2"), ("c", "3")]);
        v.secrets[2].deletion_date = Some(5);
        let text = text_of(&write_vault(&v).unwrap());
        let layout = Layout::of(text.as_bytes()).unwrap();
        let stored = StoredVault::parse(text.as_bytes()).unwrap();
        for scope in [
            Scope::Nothing,
            Scope::All,
            Scope::Names(vec!["b".into(), "a".into(), "zz".into()]),
            Scope::Names(vec!["c".into()]),
        ] {
            let full = stored.select(&scope, 10).unwrap().vault;
            let quick = layout.select(text.as_bytes(), &scope, 10).unwrap();
            assert_eq!(quick.secrets, full.secrets, "{scope:?}");
            assert_eq!(quick.account_id, full.account_id);
        }
        // Only the indexed layout has one.
        assert!(Layout::of(br#"{"secrets":[]}"#).is_none());
    }

    #[test]
    fn serving_credentials_survive_writes_and_partial_reads() {
        let mut v = vault_with(&[("a", "x")]);
        v.serving = Some(Serving {
            access_key_id: "AKIAEXAMPLE".into(),
            secret_access_key: "k".into(),
            agent_token: "t".into(),
        });
        let text = text_of(&write_vault(&v).unwrap());
        // A write that touches a secret keeps them.
        let (after, _) = round(&text, Scope::All, 0, |v| v.dirty = true);
        assert_eq!(after.serving, v.serving);
        // So does a read of the settings alone, through the stream.
        let mut stream = std::io::Cursor::new(text.into_bytes());
        let partial = StoredVault::read_partial(&mut stream, &[b""], &Scope::Nothing)
            .unwrap()
            .unwrap();
        assert_eq!(partial.serving, v.serving);
        assert!(!format!("{:?}", partial.serving).contains("\"k\""));
    }

    #[test]
    fn principals_survive_writes_partial_reads_and_the_layout() {
        let mut v = vault_with(&[("a", "x")]);
        v.serving = Some(Serving {
            access_key_id: "AKIAOWNER".into(),
            secret_access_key: "k".into(),
            agent_token: "t".into(),
        });
        v.principals.push(User {
            name: "ci".into(),
            access_key_id: "AKIACI".into(),
            secret_access_key: "ci-secret".into(),
            policy: Some(r#"{"Statement":[]}"#.into()),
            created: 1,
            key_created: 2,
        });
        let text = text_of(&write_vault(&v).unwrap());
        // In the header, after the serving credentials and before the records.
        let (at_serving, at_principals, at_secrets) = (
            text.find(",\"serving\":").unwrap(),
            text.find(",\"principals\":").unwrap(),
            text.find(",\"secrets\":").unwrap(),
        );
        assert!(
            at_serving < at_principals && at_principals < at_secrets,
            "{text}"
        );
        let (after, _) = round(&text, Scope::Names(vec!["a".into()]), 0, |v| v.dirty = true);
        assert_eq!(after.principals, v.principals);
        let mut stream = std::io::Cursor::new(envelope(text.as_bytes()));
        let partial = StoredVault::read_partial(&mut stream, &[PREFIX], &Scope::Nothing)
            .unwrap()
            .expect("read through the index");
        assert_eq!(partial.principals, v.principals);
        // Any of the envelope's prefixes (one length) leads to the data.
        let v3 = [&b"{\"format\":3,\"data\":"[..], text.as_bytes(), b"}"].concat();
        let scope = Scope::Names(vec!["a".into()]);
        let prefixes: &[&[u8]] = &[PREFIX, b"{\"format\":3,\"data\":"];
        let partial = StoredVault::read_partial(&mut std::io::Cursor::new(v3), prefixes, &scope)
            .unwrap()
            .expect("read through the index");
        assert_eq!(partial.select(&scope, 0).unwrap().vault.secrets, v.secrets);
        let layout = Layout::of(text.as_bytes()).unwrap();
        let quick = layout.select(text.as_bytes(), &Scope::Nothing, 0).unwrap();
        assert_eq!(quick.principals, v.principals);
        // A vault without principals writes no member for them: older readers' layout.
        v.principals.clear();
        assert!(!text_of(&write_vault(&v).unwrap()).contains("principals"));
        let unindexed = serde_json::to_string(&v).unwrap();
        assert!(!unindexed.contains("principals"));
    }

    #[test]
    fn written_data_is_plain_json_of_the_vault_with_an_index() {
        let v = vault_with(&[("a", "1"), ("b", "2")]);
        let text = text_of(&write_vault(&v).unwrap());
        let back: Vault = serde_json::from_str(&text).unwrap();
        assert_eq!(back.secrets, v.secrets);
        let stored = StoredVault::parse(text.as_bytes()).unwrap();
        assert!(stored.heads.is_some(), "read through the index");
    }

    #[test]
    fn head_is_read_from_the_start_of_a_record() {
        let v = vault_with(&[("app/db", "x")]);
        let mut s = v.secrets[0].clone();
        s.deletion_date = Some(42);
        let raw = serde_json::to_vec(&s).unwrap();
        assert_eq!(
            fast_head(&raw),
            Some(Head {
                name: "app/db".into(),
                deletion_date: Some(42)
            })
        );
        assert_eq!(
            head(br#"{"region":"r","name":"n","suffix":"s"}"#).unwrap(),
            Head {
                name: "n".into(),
                deletion_date: None
            }
        );
    }

    #[test]
    fn only_named_secrets_are_parsed_and_others_copied_through() {
        let v = vault_with(&[("a", "1"), ("b", "2"), ("c", "3")]);
        for text in [
            text_of(&write_vault(&v).unwrap()),
            serde_json::to_string(&v).unwrap(),
        ] {
            let (out, _) = round(&text, Scope::Names(vec!["b".into()]), 0, |p| {
                assert_eq!(p.secrets.len(), 1);
                p.secrets[0].description = Some("changed".into());
            });
            assert_eq!(out.secrets.len(), 3);
            assert_eq!(out.secrets[1].description.as_deref(), Some("changed"));
            assert_eq!(out.secrets[0], v.secrets[0]);
            assert_eq!(out.secrets[2], v.secrets[2]);
        }
    }

    #[test]
    fn removed_and_new_secrets_are_merged_in_order_with_a_true_index() {
        let v = vault_with(&[("a", "1"), ("b", "2")]);
        let text = text_of(&write_vault(&v).unwrap());
        let extra = vault_with(&[("z", "9")]).secrets.remove(0);
        let (out, written) = round(&text, Scope::Names(vec!["a".into()]), 0, |p| {
            p.secrets.remove(0);
            p.secrets.push(extra.clone());
        });
        let names: Vec<_> = out.secrets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["b", "z"]);
        let again = StoredVault::parse(written.as_bytes()).unwrap();
        assert!(again.heads.is_some(), "the new index locates every record");
        assert_eq!(
            again.select(&Scope::All, 0).unwrap().vault.secrets,
            out.secrets
        );
    }

    #[test]
    fn expired_secrets_are_left_out_and_dropped_on_write() {
        let mut v = vault_with(&[("a", "1"), ("b", "2")]);
        v.secrets[0].deletion_date = Some(10);
        let text = text_of(&write_vault(&v).unwrap());
        let stored = StoredVault::parse(text.as_bytes()).unwrap();
        let sel = stored.select(&Scope::All, 10).unwrap();
        assert_eq!(sel.vault.secrets.len(), 1);
        assert!(sel.vault.dirty, "the purge must be written");
        let (out, _) = round(&text, Scope::Nothing, 10, |_| {});
        assert_eq!(out.secrets.len(), 1);
        assert_eq!(out.secrets[0].name, "b");
    }

    #[test]
    fn a_wrong_index_falls_back_to_scanning() {
        let v = vault_with(&[("a", "1"), ("b", "2")]);
        let text = text_of(&write_vault(&v).unwrap()).replacen(",1,", ",2,", 1);
        let stored = StoredVault::parse(text.as_bytes()).unwrap();
        assert!(
            stored.heads.is_none(),
            "offsets that do not fit are not trusted"
        );
        assert_eq!(
            stored.select(&Scope::All, 0).unwrap().vault.secrets.len(),
            2
        );
    }

    const PREFIX: &[u8] = b"{\"format\":1,\"data\":";

    fn envelope(data: &[u8]) -> Vec<u8> {
        [PREFIX, data, b"}"].concat()
    }

    #[test]
    fn partial_read_seeks_to_the_named_records_only() {
        let names: Vec<String> = (0..3000).map(|i| format!("s{i}")).collect();
        let pairs: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
        let v = vault_with(&pairs);
        let plain = envelope(&write_vault(&v).unwrap());
        let prefix = b"{\"format\":1,\"data\":";
        let mut cursor = std::io::Cursor::new(&plain);
        let scope = Scope::Names(vec!["s2999".into()]);
        let stored = StoredVault::read_partial(&mut cursor, &[prefix], &scope)
            .unwrap()
            .expect("indexed");
        let sel = stored.select(&scope, 0).unwrap();
        assert_eq!(sel.vault.secrets.len(), 1);
        assert_eq!(sel.vault.secrets[0], v.secrets[2999]);
        assert!(stored.secrets[0].is_empty(), "other records are not read");
    }

    #[test]
    fn partial_read_declines_other_layouts_and_whole_scopes() {
        let v = vault_with(&[("a", "1")]);
        let prefix = b"{\"format\":1,\"data\":";
        let unindexed = envelope(&serde_json::to_vec(&v).unwrap());
        let mut c = std::io::Cursor::new(&unindexed);
        assert!(
            StoredVault::read_partial(&mut c, &[prefix], &Scope::Names(vec!["a".into()]))
                .unwrap()
                .is_none()
        );
        let indexed = envelope(&write_vault(&v).unwrap());
        let mut c = std::io::Cursor::new(&indexed);
        assert!(
            StoredVault::read_partial(&mut c, &[prefix], &Scope::All)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn an_index_entry_beyond_the_records_is_refused_not_trusted() {
        let v = vault_with(&[("a", "1"), ("b", "2")]);
        let text = text_of(&write_vault(&v).unwrap());
        let entry = "[\"b\",null,";
        let at = text.find(entry).unwrap() + entry.len();
        let comma = at + text[at..].find(',').unwrap();
        let end = comma + text[comma..].find(']').unwrap();
        for (offset, len) in [
            (&text[at..comma], "1000000000000000"),
            (&text[at..comma], "18446744073709551615"),
            ("18446744073709551615", "1"),
        ] {
            let lying = format!("{}{offset},{len}{}", &text[..at], &text[end..]);
            let Err(StoredError::Invalid(why)) = StoredVault::parse(lying.as_bytes()) else {
                panic!("an impossible index entry is refused")
            };
            assert!(why.contains("\"b\"") && why.contains("beyond"), "{why}");
            let plain = envelope(lying.as_bytes());
            let scope = Scope::Names(vec!["b".into()]);
            let mut c = std::io::Cursor::new(&plain);
            assert!(
                StoredVault::read_partial(&mut c, &[PREFIX], &scope)
                    .unwrap()
                    .is_none(),
                "the seeking read leaves the lie to the whole read"
            );
        }
    }

    proptest::proptest! {
        /// Any numbers in an index entry: the whole read and the seeking read neither
        /// panic nor size a buffer by them (an allocation of such a size would abort).
        #[test]
        fn any_index_numbers_are_read_without_panic_or_huge_allocation(
            offset in proptest::prop_oneof![0..600usize, proptest::num::usize::ANY],
            len in proptest::prop_oneof![0..600usize, proptest::num::usize::ANY],
        ) {
            let v = vault_with(&[("a", "1"), ("b", "2")]);
            let text = text_of(&write_vault(&v).unwrap());
            let entry = "[\"b\",null,";
            let at = text.find(entry).unwrap() + entry.len();
            let end = at + text[at..].find(']').unwrap();
            let lying = format!("{}{offset},{len}{}", &text[..at], &text[end..]);
            let _ = StoredVault::parse(lying.as_bytes()).map(|s| s.select(&Scope::All, 0).is_ok());
            let plain = envelope(lying.as_bytes());
            let mut c = std::io::Cursor::new(&plain);
            let _ = StoredVault::read_partial(&mut c, &[PREFIX], &Scope::Names(vec!["b".into()]));
        }
    }

    #[test]
    fn empty_vault_round_trips() {
        let text = text_of(&write_vault(&Vault::default()).unwrap());
        let stored = StoredVault::parse(text.as_bytes()).unwrap();
        assert!(stored.heads.is_some());
        assert!(
            stored
                .select(&Scope::All, 0)
                .unwrap()
                .vault
                .secrets
                .is_empty()
        );
    }
}

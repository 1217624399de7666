//! Merging three vault files as git's merge driver asks (base, ours, theirs; the result
//! replaces ours) and reading one whole for a textconv.

use std::path::Path;

use super::txn::{corrupt, open_store};
use super::{Env, Error, IdentitySource};
use crate::core::merge::{Conflict, Record, merge_stored};
use crate::core::model::Vault;
use crate::core::stored::{Scope, StoredVault, write_records};
use crate::vault::recipients::{self, Entry};
use crate::vault::{Store, VaultError};
use crate::wipe::WipedBytes;

/// A store for `path` opened with `env`'s identity, which must exist.
fn store_at(env: &Env, path: &Path) -> Result<Store, Error> {
    let mut here = env.clone();
    here.vault_path = path.to_path_buf();
    open_store(&here, false)?.ok_or_else(|| {
        Error::Vault(VaultError::NoIdentity {
            path: match &env.identity {
                IdentitySource::File(p) => p.clone(),
                _ => "SMVAULT_AGE_KEY".into(),
            },
        })
    })
}

/// The decrypted text of one side (`None`: an empty or missing file, as git passes
/// for a vault both sides created) and its recipients (none then).
fn read_side(store: &Store) -> Result<(Option<WipedBytes>, Vec<Entry>), Error> {
    if std::fs::metadata(store.path()).is_ok_and(|m| m.len() == 0) {
        return Ok((None, Vec::new()));
    }
    match store.read()? {
        Some(p) => Ok((Some(p), store.recipients())),
        None => Ok((None, Vec::new())),
    }
}

fn text<'p>(
    store: &Store,
    p: &'p Option<WipedBytes>,
) -> Result<Option<std::borrow::Cow<'p, [u8]>>, Error> {
    Ok(p.as_ref().map(|p| store.decode_text(p)).transpose()?)
}

fn parse<'t>(store: &Store, text: Option<&'t [u8]>) -> Result<StoredVault<'t>, Error> {
    match text {
        Some(t) => StoredVault::parse(t).map_err(|e| corrupt(store, &e)),
        None => Ok(StoredVault::default()),
    }
}

/// Merges `theirs` into `ours` (both grown from `base`). Without conflicts the
/// result replaces `ours`, encrypted to the merged recipient list, and the list
/// returned is empty; with conflicts `ours` is left as it was.
pub fn merge(env: &Env, base: &Path, ours: &Path, theirs: &Path) -> Result<Vec<Conflict>, Error> {
    let ours_store = store_at(env, ours)?;
    let (base_store, theirs_store) = (
        ours_store.with_path(base.to_path_buf()),
        ours_store.with_path(theirs.to_path_buf()),
    );
    let (pb, rb) = read_side(&base_store)?;
    let (po, ro) = read_side(&ours_store)?;
    let (pt, rt) = read_side(&theirs_store)?;
    let (tb, to, tt) = (
        text(&base_store, &pb)?,
        text(&ours_store, &po)?,
        text(&theirs_store, &pt)?,
    );
    let sb = parse(&base_store, tb.as_deref())?;
    let so = parse(&ours_store, to.as_deref())?;
    let st = parse(&theirs_store, tt.as_deref())?;
    let merged =
        merge_stored(&sb, &so, &st, env.now).map_err(|e| corrupt(&ours_store, &e.into()))?;
    if !merged.conflicts.is_empty() {
        return Ok(merged.conflicts);
    }
    ours_store.set_recipients(recipients::merge3(&rb, &ro, &rt), false)?;
    let fail = |e: serde_json::Error| Error::General(format!("cannot write the vault: {e}"));
    let fresh: Vec<WipedBytes> = merged
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Merged(s) => Some(serde_json::to_vec(s).map(WipedBytes)),
            Record::Kept(_) => None,
        })
        .collect::<Result<_, _>>()
        .map_err(fail)?;
    let mut fresh_iter = fresh.iter();
    let records: Vec<&[u8]> = merged
        .records
        .iter()
        .map(|r| match r {
            Record::Kept(raw) => *raw,
            Record::Merged(_) => fresh_iter.next().map_or(&b""[..], |w| w.as_slice()),
        })
        .collect();
    let format = super::txn::envelope_format(&merged.principals);
    let data = write_records(
        merged.account_id,
        merged.default_region,
        merged.serving,
        merged.principals,
        &records,
    )
    .map_err(fail)?;
    // Ours is git's temporary file, not a shared vault: no lock, the same atomic write.
    ours_store.save_text_as(None, format, &data)?;
    Ok(Vec::new())
}

/// The whole vault in `file` and its recipients (an empty file: nothing).
pub fn load(env: &Env, file: &Path) -> Result<(Vault, Vec<Entry>), Error> {
    let store = store_at(env, file)?;
    let (plaintext, list) = read_side(&store)?;
    let text = plaintext
        .as_ref()
        .map(|p| store.decode_text(p))
        .transpose()?;
    let stored = parse(&store, text.as_deref())?;
    let vault = stored
        .select(&Scope::All, env.now)
        .map_err(|e| corrupt(&store, &e))?
        .vault;
    Ok((vault, list))
}

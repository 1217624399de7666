//! The plaintext inside the age file: `{"format": 2, "data": ..., "recipients": [...]}` (format 1,
//! without recipients, is still read; format 3 is format 2 for data an older smvault must not
//! read), refusing formats it does not know.

use std::borrow::Cow;

use serde::Deserialize;

use super::recipients::Entry;

pub const FORMAT: u64 = 2;
/// Vaults written before the recipient list was kept inside them.
const FORMAT_V1: u64 = 1;
/// The layout of format 2, for data that an smvault knowing only formats 1 and 2 must
/// refuse rather than read: it would drop part of the data on its next write. The
/// writer says when ([`Format`]); this crate does not look inside the data.
pub const FORMAT_V3: u64 = 3;

/// The format a write uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Readable by every smvault since recipient lists (format 2).
    #[default]
    Current,
    /// Refused by an smvault that predates it (format 3): for data it would lose.
    NewerOnly,
}

impl Format {
    fn prefix(self) -> &'static [u8] {
        match self {
            Format::Current => PREFIX,
            Format::NewerOnly => PREFIX_V3,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    /// A format other than ours; the string is what was found.
    UnknownFormat(String),
    /// Not valid JSON or not our shape; position only, never content.
    Corrupt { line: usize, column: usize },
}

#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Envelope<T> {
    #[allow(dead_code)]
    format: u64,
    data: T,
}

#[derive(Deserialize)]
struct RecipientsOnly {
    #[serde(default)]
    recipients: Option<Vec<Entry>>,
}

fn corrupt(e: &serde_json::Error) -> EnvelopeError {
    EnvelopeError::Corrupt {
        line: e.line(),
        column: e.column(),
    }
}

/// What smvault writes first: reading the data straight after it takes one
/// pass over the text instead of two.
pub const PREFIX: &[u8] = b"{\"format\":2,\"data\":";
const PREFIX_V3: &[u8] = b"{\"format\":3,\"data\":";
/// Every prefix smvault writes; all of one length, so the data starts at one offset.
pub const PREFIXES: &[&[u8]] = &[PREFIX, PREFIX_V3];
const PREFIX_V1: &[u8] = b"{\"format\":1,\"data\":";
/// Between the data and the recipient list, which comes last so that the data
/// starts at a fixed offset (reads seek to it) whatever the list holds.
const TRAILER: &[u8] = b",\"recipients\":";

/// Our own layout split into the data text and the recipient list's text. No
/// string in the list can hold `,"` (quotes are escaped in JSON strings), so
/// the last [`TRAILER`] is the list's own; a list that does not parse sends the
/// caller to the general JSON path.
fn split(plaintext: &[u8]) -> Option<(&[u8], Option<&[u8]>)> {
    if let Some(inner) = plaintext
        .strip_prefix(PREFIX_V1)
        .and_then(|r| r.strip_suffix(b"}"))
    {
        return Some((inner, None));
    }
    let inner = PREFIXES
        .iter()
        .find_map(|p| plaintext.strip_prefix(*p))?
        .strip_suffix(b"}")?;
    let at = inner.windows(TRAILER.len()).rposition(|w| w == TRAILER)?;
    let list = &inner[at + TRAILER.len()..];
    serde_json::from_slice::<serde::de::IgnoredAny>(list).ok()?;
    Some((&inner[..at], Some(list)))
}

/// The recipient list kept in the vault; `None` for a vault written before lists were kept.
pub fn recipients(plaintext: &[u8]) -> Result<Option<Vec<Entry>>, EnvelopeError> {
    if let Some((_, list)) = split(plaintext) {
        return match list {
            None => Ok(None),
            Some(l) => serde_json::from_slice(l).map(Some).map_err(|e| corrupt(&e)),
        };
    }
    check_format(plaintext)?;
    let only: RecipientsOnly = serde_json::from_slice(plaintext).map_err(|e| corrupt(&e))?;
    Ok(only.recipients)
}

/// The data member's JSON text, borrowed from our own layout (no JSON pass at
/// all: the reader of the data checks it as it parses), or extracted from any
/// other layout.
pub fn data_text(plaintext: &[u8]) -> Result<Cow<'_, [u8]>, EnvelopeError> {
    if let Some((inner, _)) = split(plaintext) {
        return Ok(Cow::Borrowed(inner));
    }
    let raw: Box<serde_json::value::RawValue> = decode(plaintext)?;
    Ok(Cow::Owned(raw.get().as_bytes().to_vec()))
}

/// The plaintext for data already written as JSON text and the recipient
/// list's JSON text, in the pieces it is made of.
pub fn encode_parts<'a>(data: &'a [u8], recipients: &'a [u8]) -> [&'a [u8]; 5] {
    encode_parts_as(Format::Current, data, recipients)
}

/// [`encode_parts`] in the given format.
pub fn encode_parts_as<'a>(format: Format, data: &'a [u8], recipients: &'a [u8]) -> [&'a [u8]; 5] {
    [format.prefix(), data, TRAILER, recipients, b"}"]
}

pub fn decode<'a, T: Deserialize<'a>>(plaintext: &'a [u8]) -> Result<T, EnvelopeError> {
    if let Some((inner, _)) = split(plaintext) {
        return serde_json::from_slice(inner).map_err(|e| EnvelopeError::Corrupt {
            line: e.line(),
            column: if e.line() == 1 {
                e.column() + PREFIX.len()
            } else {
                e.column()
            },
        });
    }
    check_format(plaintext)?;
    let envelope: Envelope<T> = serde_json::from_slice(plaintext).map_err(|e| corrupt(&e))?;
    Ok(envelope.data)
}

fn check_format(plaintext: &[u8]) -> Result<(), EnvelopeError> {
    let header: Header = serde_json::from_slice(plaintext).map_err(|e| corrupt(&e))?;
    match header.format {
        Some(serde_json::Value::Number(n))
            if [FORMAT, FORMAT_V1, FORMAT_V3].contains(&n.as_u64().unwrap_or(0)) => {}
        // Echo a little of what was found, never a whole foreign document.
        Some(other) => {
            return Err(EnvelopeError::UnknownFormat(
                other.to_string().chars().take(40).collect(),
            ));
        }
        None => return Err(EnvelopeError::UnknownFormat("(none)".into())),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let bytes = encode_parts(b"[1,2]", br#"[{"key":"age1x"}]"#).concat();
        assert_eq!(decode::<Vec<i32>>(&bytes).unwrap(), vec![1, 2]);
        let list = recipients(&bytes).unwrap().unwrap();
        assert_eq!(list[0].key, "age1x");
    }

    /// Format 3 is format 2's layout under another number: this version reads both, and
    /// one that knows only 1 and 2 refuses it (its `check_format`, as `unknown_format_is_refused`
    /// shows for 4 here).
    #[test]
    fn format_3_is_written_on_request_and_read_as_format_2() {
        let bytes = encode_parts_as(Format::NewerOnly, b"[5]", br#"[{"key":"k"}]"#).concat();
        assert!(bytes.starts_with(br#"{"format":3,"data":"#));
        assert_eq!(decode::<Vec<i32>>(&bytes).unwrap(), vec![5]);
        assert_eq!(&*data_text(&bytes).unwrap(), b"[5]");
        assert_eq!(recipients(&bytes).unwrap().unwrap()[0].key, "k");
        let other = br#"{ "data": [6], "format": 3 }"#;
        assert_eq!(decode::<Vec<i32>>(other).unwrap(), vec![6]);
        assert!(PREFIXES.iter().all(|p| p.len() == PREFIX.len()));
        assert!(encode_parts(b"[1]", b"[]").concat().starts_with(PREFIX));
    }

    #[test]
    fn format_1_has_no_recipient_list() {
        let v1 = br#"{"format":1,"data":[7]}"#;
        assert_eq!(decode::<Vec<i32>>(v1).unwrap(), vec![7]);
        assert_eq!(recipients(v1).unwrap(), None);
        assert_eq!(&*data_text(v1).unwrap(), b"[7]");
    }

    #[test]
    fn recipients_text_inside_the_data_is_not_the_list() {
        // Data that itself holds the trailer's bytes, followed by the real list.
        let data = br#"{"a":","recipients":[]","recipients":[1]}"#;
        let bytes = encode_parts(data, br#"[{"key":"k","label":"l"}]"#).concat();
        assert_eq!(&*data_text(&bytes).unwrap(), &data[..]);
        assert_eq!(
            recipients(&bytes).unwrap().unwrap()[0].label.as_deref(),
            Some("l")
        );
    }

    #[test]
    fn another_layout_of_format_2_is_read_too() {
        let text = br#"{ "recipients": [{"key":"k"}], "data": [3], "format": 2 }"#;
        assert_eq!(decode::<Vec<i32>>(text).unwrap(), vec![3]);
        assert_eq!(recipients(text).unwrap().unwrap()[0].key, "k");
    }

    #[test]
    fn data_text_of_our_layout_and_of_another() {
        assert_eq!(
            &*data_text(&encode_parts(b"[1]", b"[]").concat()).unwrap(),
            b"[1]"
        );
        assert_eq!(
            &*data_text(br#"{ "data": [2], "format": 1 }"#).unwrap(),
            b"[2]"
        );
        assert!(data_text(br#"{"format":4,"data":[]}"#).is_err());
    }

    #[test]
    fn foreign_layout_is_read_too() {
        let text = br#"{ "data": [3], "format": 1 }"#;
        assert_eq!(decode::<Vec<i32>>(text).unwrap(), vec![3]);
    }

    #[test]
    fn unknown_format_is_refused() {
        let e = decode::<Vec<i32>>(br#"{"format": 4, "data": []}"#).unwrap_err();
        assert_eq!(e, EnvelopeError::UnknownFormat("4".into()));
        assert!(decode::<Vec<i32>>(br#"{"data": []}"#).is_err());
    }

    #[test]
    fn corrupt_json_reports_position_only() {
        let e = decode::<Vec<String>>(b"{\"format\": 1, \"data\": [\"s3cr3t\"").unwrap_err();
        assert!(matches!(e, EnvelopeError::Corrupt { line: 1, .. }));
    }
}

//! The plaintext inside the age file: `{"format": 1, "data": ...}`, refusing formats it does not know.

use std::borrow::Cow;

use serde::Deserialize;

pub const FORMAT: u64 = 1;

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

fn corrupt(e: &serde_json::Error) -> EnvelopeError {
    EnvelopeError::Corrupt {
        line: e.line(),
        column: e.column(),
    }
}

/// What smvault writes first: reading the data straight after it takes one
/// pass over the text instead of two.
pub const PREFIX: &[u8] = b"{\"format\":1,\"data\":";

/// The data member's JSON text, borrowed from our own layout (no JSON pass at
/// all: the reader of the data checks it as it parses), or extracted from any
/// other layout.
pub fn data_text(plaintext: &[u8]) -> Result<Cow<'_, [u8]>, EnvelopeError> {
    if let Some(inner) = plaintext
        .strip_prefix(PREFIX)
        .and_then(|r| r.strip_suffix(b"}"))
    {
        return Ok(Cow::Borrowed(inner));
    }
    let raw: Box<serde_json::value::RawValue> = decode(plaintext)?;
    Ok(Cow::Owned(raw.get().as_bytes().to_vec()))
}

/// The plaintext for data already written as JSON text, in the pieces it is made of.
pub fn encode_parts(data: &[u8]) -> [&[u8]; 3] {
    [PREFIX, data, b"}"]
}

pub fn decode<'a, T: Deserialize<'a>>(plaintext: &'a [u8]) -> Result<T, EnvelopeError> {
    if let Some(inner) = plaintext
        .strip_prefix(PREFIX)
        .and_then(|r| r.strip_suffix(b"}"))
    {
        return serde_json::from_slice(inner).map_err(|e| EnvelopeError::Corrupt {
            line: e.line(),
            column: if e.line() == 1 {
                e.column() + PREFIX.len()
            } else {
                e.column()
            },
        });
    }
    let header: Header = serde_json::from_slice(plaintext).map_err(|e| corrupt(&e))?;
    match header.format {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(FORMAT) => {}
        // Echo a little of what was found, never a whole foreign document.
        Some(other) => {
            return Err(EnvelopeError::UnknownFormat(
                other.to_string().chars().take(40).collect(),
            ));
        }
        None => return Err(EnvelopeError::UnknownFormat("(none)".into())),
    }
    let envelope: Envelope<T> = serde_json::from_slice(plaintext).map_err(|e| corrupt(&e))?;
    Ok(envelope.data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let bytes = encode_parts(b"[1,2]").concat();
        assert_eq!(decode::<Vec<i32>>(&bytes).unwrap(), vec![1, 2]);
    }

    #[test]
    fn data_text_of_our_layout_and_of_another() {
        assert_eq!(&*data_text(&encode_parts(b"[1]").concat()).unwrap(), b"[1]");
        assert_eq!(
            &*data_text(br#"{ "data": [2], "format": 1 }"#).unwrap(),
            b"[2]"
        );
        assert!(data_text(br#"{"format":3,"data":[]}"#).is_err());
    }

    #[test]
    fn foreign_layout_is_read_too() {
        let text = br#"{ "data": [3], "format": 1 }"#;
        assert_eq!(decode::<Vec<i32>>(text).unwrap(), vec![3]);
    }

    #[test]
    fn unknown_format_is_refused() {
        let e = decode::<Vec<i32>>(br#"{"format": 2, "data": []}"#).unwrap_err();
        assert_eq!(e, EnvelopeError::UnknownFormat("2".into()));
        assert!(decode::<Vec<i32>>(br#"{"data": []}"#).is_err());
    }

    #[test]
    fn corrupt_json_reports_position_only() {
        let e = decode::<Vec<String>>(b"{\"format\": 1, \"data\": [\"s3cr3t\"").unwrap_err();
        assert!(matches!(e, EnvelopeError::Corrupt { line: 1, .. }));
    }
}

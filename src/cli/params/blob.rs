//! Blob arguments under AWS CLI v2's default `cli_binary_format=base64`: Python's lenient `base64.b64decode` (binaryformat.py `Base64DecodeVisitor`).

/// The value of a blob argument could not be decoded. v2 reports this as a general
/// error (rc 255), not a parameter-validation one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidBase64 {
    /// `binascii.Error`, which v2 wraps as `InvalidBase64Error`.
    #[error("Invalid base64: \"{0}\"")]
    Invalid(String),
    /// `b64decode` of a `str` first encodes it as ASCII; that `ValueError` is not caught
    /// by v2, so its own text is what the user sees.
    #[error("string argument should contain only ASCII characters")]
    NonAscii(String),
}

/// AWS CLI v2 default (cli_binary_format=base64): Python `base64.b64decode(value)` WITHOUT
/// `validate=True` — characters outside the base64 alphabet are silently dropped before the
/// padding check; so `'abcd efgh'` decodes but `'hello world'` fails.
pub fn decode_lenient(value: &str) -> Result<Vec<u8>, InvalidBase64> {
    if !value.is_ascii() {
        return Err(InvalidBase64::NonAscii(value.to_string()));
    }
    a2b_base64(value.as_bytes()).ok_or_else(|| InvalidBase64::Invalid(value.to_string()))
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// CPython's non-strict `binascii.a2b_base64`, step for step: padding only counts once two
/// data characters of a quad are seen, enough `=` ends decoding (ignoring the rest), and
/// an unfinished quad is an error.
fn a2b_base64(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    let mut quad_pos = 0u8;
    let mut left: u8 = 0;
    let mut pads = 0u8;
    for &c in data {
        if c == b'=' {
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    return Some(out);
                }
            }
            continue;
        }
        let Some(v) = sextet(c) else {
            continue;
        };
        pads = 0;
        match quad_pos {
            0 => {
                left = v;
                quad_pos = 1;
            }
            1 => {
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
                quad_pos = 2;
            }
            2 => {
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
                quad_pos = 3;
            }
            _ => {
                out.push((left << 6) | v);
                left = 0;
                quad_pos = 0;
            }
        }
    }
    (quad_pos == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use proptest::prelude::*;

    #[test]
    fn captured_cases() {
        assert_eq!(decode_lenient("aGVsbG8gd29ybGQ=").unwrap(), b"hello world");
        let err = decode_lenient("hello world").unwrap_err();
        assert_eq!(err.to_string(), "Invalid base64: \"hello world\"");
    }

    #[test]
    fn non_alphabet_characters_are_dropped() {
        // 'abcd efgh' → 'abcdefgh': two full quads.
        assert_eq!(
            decode_lenient("abcd efgh").unwrap(),
            base64::engine::general_purpose::STANDARD
                .decode("abcdefgh")
                .unwrap()
        );
        assert_eq!(decode_lenient("aGVs\nbG8=\n").unwrap(), b"hello");
        assert_eq!(decode_lenient("a-G_V*s").unwrap(), b"hel");
        assert_eq!(decode_lenient("").unwrap(), b"");
        assert_eq!(decode_lenient("   ").unwrap(), b"");
    }

    #[test]
    fn padding_rules() {
        // Missing padding is an error, as in Python.
        assert!(decode_lenient("aGVsbG8").is_err());
        assert!(decode_lenient("aGVsbG").is_err());
        // One data character over a multiple of four is always an error.
        assert!(decode_lenient("aGVsb").is_err());
        assert!(decode_lenient("aGVsb===").is_err());
        // Early padding is ignored, enough padding ends the input.
        assert_eq!(decode_lenient("=aGVs").unwrap(), b"hel");
        assert_eq!(decode_lenient("aGVsbG8=trailing junk").unwrap(), b"hello");
        assert_eq!(decode_lenient("aGVsbA==bG8=").unwrap(), b"hell");
        // '=' after a single data char neither counts nor ends.
        assert_eq!(decode_lenient("aG=Vs").unwrap(), b"hel");
        // Non-alphabet characters between pads do not reset the pad count.
        assert_eq!(decode_lenient("aGVsbA= =").unwrap(), b"hell");
        // With three data characters one '=' completes the quad and ends decoding.
        assert_eq!(decode_lenient("aGV=s").unwrap(), b"he");
    }

    #[test]
    fn non_ascii_is_a_value_error() {
        let err = decode_lenient("héllo").unwrap_err();
        assert_eq!(
            err.to_string(),
            "string argument should contain only ASCII characters"
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in ".*") {
            let _ = decode_lenient(&s);
        }

        #[test]
        fn round_trips_standard_encoding(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let encoded = base64::engine::general_purpose::STANDARD.encode(&bytes);
            prop_assert_eq!(decode_lenient(&encoded).unwrap(), bytes);
        }
    }
}

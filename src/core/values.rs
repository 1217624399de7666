//! Request checks shared by the operations that write a value: tokens, values and their limits.

use super::blob::Blob;
use super::error::{ErrorCode, ServiceError, check_max_len};
use super::model::{DAY_MS, Millis, SecretValue};

pub const MAX_VALUE: usize = 65536;
const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// A ClientRequestToken is required on the wire (the CLI always fills one in).
pub fn require_token(token: Option<String>, code: ErrorCode) -> Result<String, ServiceError> {
    let token = token.ok_or_else(|| {
        ServiceError::new(
            code,
            "You must provide a ClientRequestToken value. We recommend a UUID-type value.",
        )
    })?;
    check_max_len(&token, "clientRequestToken", 64)?;
    Ok(token)
}

/// The value a request carries: at most one of SecretString and SecretBinary.
pub fn new_value(
    string: Option<String>,
    binary: Option<Blob>,
) -> Result<Option<SecretValue>, ServiceError> {
    match (string, binary) {
        (Some(_), Some(_)) => Err(ServiceError::invalid_parameter(
            "You can't specify both a binary secret value and a string secret value in the same secret.",
        )),
        (Some(s), None) => {
            // Never echo a secret in an error, unlike the generic constraint message.
            if s.chars().count() > MAX_VALUE {
                return Err(ServiceError::too_long(REDACTED, "secretString", MAX_VALUE));
            }
            Ok(Some(SecretValue::String(s)))
        }
        (None, Some(b)) => {
            if b.0.len() > MAX_VALUE {
                return Err(ServiceError::too_long(REDACTED, "secretBinary", MAX_VALUE));
            }
            Ok(Some(SecretValue::Binary(b.0.clone())))
        }
        (None, None) => Ok(None),
    }
}

/// 00:00 UTC of the day of `now`: LastAccessedDate has day resolution.
pub fn day_of(now: Millis) -> Millis {
    now - now.rem_euclid(DAY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_values_is_invalid_parameter() {
        let e = new_value(Some("a".into()), Some(Blob(vec![1]))).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidParameter);
    }

    #[test]
    fn too_long_value_error_does_not_echo_it() {
        let e = new_value(Some("s".repeat(MAX_VALUE + 1)), None).unwrap_err();
        assert!(!e.message.contains("sss"));
        assert!(e.message.contains("65536"));
    }

    #[test]
    fn missing_token_is_an_error_with_the_given_code() {
        let e = require_token(None, ErrorCode::InvalidParameter).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidParameter);
    }

    #[test]
    fn access_day_is_midnight_utc() {
        assert_eq!(day_of(DAY_MS * 3 + 5000), DAY_MS * 3);
    }
}

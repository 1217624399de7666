//! Request checks shared by the operations that write a value: tokens, values and their limits.

use super::blob::Blob;
use super::error::{ErrorCode, ServiceError};
use super::model::{DAY_MS, Millis, SecretValue};

/// The refusal of a request that should carry a ClientRequestToken and does not (the CLI
/// and the SDKs always fill one in); [`super::validate`] says which requests.
pub fn missing_token(code: ErrorCode) -> ServiceError {
    ServiceError::new(
        code,
        "You must provide a ClientRequestToken value. We recommend a UUID-type value.",
    )
}

/// The token of a request that needs one (its presence is checked before the operation
/// starts; an operation called directly gets the same refusal).
pub fn require_token(token: Option<String>, code: ErrorCode) -> Result<String, ServiceError> {
    token.ok_or_else(|| missing_token(code))
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
        // Their lengths are the model's, checked before the operation starts.
        (Some(s), None) => Ok(Some(SecretValue::String(s))),
        (None, Some(b)) => Ok(Some(SecretValue::Binary(b.0.clone()))),
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
    fn missing_token_is_an_error_with_the_given_code() {
        let e = require_token(None, ErrorCode::InvalidParameter).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidParameter);
    }

    #[test]
    fn access_day_is_midnight_utc() {
        assert_eq!(day_of(DAY_MS * 3 + 5000), DAY_MS * 3);
    }
}

//! The errors the service answers with: an AWS error code and AWS's exact message.

use std::fmt;

/// The `__type` of an AWS error response, without the `Exception` suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    ResourceNotFound,
    ResourceExists,
    InvalidParameter,
    InvalidRequest,
    Validation,
    LimitExceeded,
    MalformedPolicyDocument,
    PublicPolicy,
    InvalidNextToken,
    AccessDenied,
    PreconditionNotMet,
    /// The front end could not read the body as the operation's input (a member of the
    /// wrong JSON type): a `SerializationException`.
    Serialization,
}

impl ErrorCode {
    /// The code for an AWS `__type` string; unknown ones are validation errors.
    pub fn from_aws(code: &str) -> ErrorCode {
        [
            ErrorCode::ResourceNotFound,
            ErrorCode::ResourceExists,
            ErrorCode::InvalidParameter,
            ErrorCode::InvalidRequest,
            ErrorCode::LimitExceeded,
            ErrorCode::MalformedPolicyDocument,
            ErrorCode::PublicPolicy,
            ErrorCode::InvalidNextToken,
            ErrorCode::AccessDenied,
            ErrorCode::PreconditionNotMet,
            ErrorCode::Serialization,
        ]
        .into_iter()
        .find(|c| c.as_str() == code)
        .unwrap_or(ErrorCode::Validation)
    }

    /// The code exactly as the AWS CLI prints it in `An error occurred (<code>)`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::ResourceNotFound => "ResourceNotFoundException",
            ErrorCode::ResourceExists => "ResourceExistsException",
            ErrorCode::InvalidParameter => "InvalidParameterException",
            ErrorCode::InvalidRequest => "InvalidRequestException",
            ErrorCode::Validation => "ValidationException",
            ErrorCode::LimitExceeded => "LimitExceededException",
            ErrorCode::MalformedPolicyDocument => "MalformedPolicyDocumentException",
            ErrorCode::PublicPolicy => "PublicPolicyException",
            ErrorCode::InvalidNextToken => "InvalidNextTokenException",
            ErrorCode::AccessDenied => "AccessDeniedException",
            ErrorCode::PreconditionNotMet => "PreconditionNotMetException",
            ErrorCode::Serialization => "SerializationException",
        }
    }
}

/// An error as the service returns it. Display is the message alone: the CLI
/// adds `An error occurred (Code) when calling the Op operation: `.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ServiceError {
    pub code: ErrorCode,
    pub message: String,
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

pub const NOT_FOUND: &str = "Secrets Manager can't find the specified secret.";
pub const MARKED_FOR_DELETION: &str =
    "You can't perform this operation on the secret because it was marked for deletion.";
pub const INVALID_NAME: &str = "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!";

impl ServiceError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ServiceError {
            code,
            message: message.into(),
        }
    }
    pub fn not_found() -> Self {
        Self::new(ErrorCode::ResourceNotFound, NOT_FOUND)
    }
    pub fn not_found_msg(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::ResourceNotFound, message)
    }
    pub fn exists(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::ResourceExists, message)
    }
    pub fn invalid_parameter(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidParameter, message)
    }
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidRequest, message)
    }
    pub fn validation(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Validation, message)
    }
    pub fn marked_for_deletion() -> Self {
        Self::invalid_request(MARKED_FOR_DELETION)
    }
    pub fn invalid_name() -> Self {
        Self::validation(INVALID_NAME)
    }
    /// The service's generic constraint message (`1 validation error detected: ...`).
    pub fn constraint(value: &str, path: &str, constraint: &str) -> Self {
        Self::validation(super::validate::message(&[super::validate::violation(
            Some(value),
            path,
            constraint,
        )]))
    }
    /// A string longer than the model's maximum.
    pub fn too_long(value: &str, path: &str, max: usize) -> Self {
        Self::constraint(
            value,
            path,
            &format!("have length less than or equal to {max}"),
        )
    }
}

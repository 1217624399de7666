//! GetRandomPassword: AWS's generator rules, from the caller's RNG; never touches the vault.

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::{ErrorCode, ServiceError};
use crate::model::Vault;
use crate::password::{PasswordSpec, generate};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetRandomPasswordRequest {
    pub password_length: Option<i64>,
    pub exclude_characters: Option<String>,
    pub exclude_numbers: Option<bool>,
    pub exclude_punctuation: Option<bool>,
    pub exclude_uppercase: Option<bool>,
    pub exclude_lowercase: Option<bool>,
    pub include_space: Option<bool>,
    pub require_each_included_type: Option<bool>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetRandomPasswordResponse {
    pub random_password: String,
}

impl Drop for GetRandomPasswordResponse {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.random_password);
    }
}

pub fn get_random_password(
    _vault: &mut Vault,
    req: GetRandomPasswordRequest,
    ctx: &mut Ctx,
) -> Result<GetRandomPasswordResponse, ServiceError> {
    let defaults = PasswordSpec::default();
    let spec = PasswordSpec {
        length: req.password_length.unwrap_or(defaults.length),
        exclude_characters: req.exclude_characters.unwrap_or_default(),
        exclude_numbers: req.exclude_numbers.unwrap_or(false),
        exclude_punctuation: req.exclude_punctuation.unwrap_or(false),
        exclude_uppercase: req.exclude_uppercase.unwrap_or(false),
        exclude_lowercase: req.exclude_lowercase.unwrap_or(false),
        include_space: req.include_space.unwrap_or(false),
        require_each_included_type: req.require_each_included_type.unwrap_or(true),
    };
    generate(&spec, &mut ctx.rng)
        .map(|random_password| GetRandomPasswordResponse { random_password })
        .map_err(|e| ServiceError::new(ErrorCode::from_aws(e.code()), e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_32_characters() {
        let r = get_random_password(
            &mut Vault::default(),
            GetRandomPasswordRequest::default(),
            &mut Ctx::fixed(),
        )
        .unwrap();
        assert_eq!(r.random_password.chars().count(), 32);
    }

    #[test]
    fn impossible_request_is_invalid_parameter() {
        let req = GetRandomPasswordRequest {
            password_length: Some(3),
            ..Default::default()
        };
        let e = get_random_password(&mut Vault::default(), req, &mut Ctx::fixed()).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidParameter);
    }
}

//! The API model as the CLI uses it: the core's shapes ([`crate::core::shapes`]) and
//! botocore's names for the options derived from them.

pub use crate::core::shapes::{MemberRef, ShapeDef, model};

/// botocore's `xform_name(name, '-')`: `GetSecretValue` → `get-secret-value`,
/// `RotationLambdaARN` → `rotation-lambda-arn`.
pub fn xform_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_transform_like_botocore() {
        assert_eq!(xform_name("GetSecretValue"), "get-secret-value");
        assert_eq!(xform_name("RotationLambdaARN"), "rotation-lambda-arn");
        assert_eq!(xform_name("SecretIdList"), "secret-id-list");
        assert_eq!(
            xform_name("ExternalSecretRotationRoleArn"),
            "external-secret-rotation-role-arn"
        );
        assert_eq!(xform_name("KmsKeyId"), "kms-key-id");
    }
}

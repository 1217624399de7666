//! Secret names, ARNs and how a SecretId (name, full ARN or partial ARN) finds its secret.

use rand::RngExt;

use super::ctx::Ctx;
use super::error::ServiceError;
use super::model::{Secret, Vault};
use super::replication;

const SUFFIX_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Names may hold ASCII letters, digits and `/_+=.@-` (the message also lists
/// `!`, but the service rejects it).
pub fn validate_name(name: &str) -> Result<(), ServiceError> {
    if name.is_empty() || !name.bytes().all(is_name_byte) {
        return Err(ServiceError::invalid_name());
    }
    if name.len() > 512 {
        return Err(ServiceError::too_long(name, "name", 512));
    }
    Ok(())
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"/_+=.@-".contains(&b)
}

/// Six random alphanumerics, mixed case, as in `MyTestSecret-Ca8JGt`.
pub fn new_suffix(ctx: &mut Ctx) -> String {
    (0..6)
        .map(|_| SUFFIX_CHARS[ctx.rng.random_range(0..SUFFIX_CHARS.len())] as char)
        .collect()
}

pub fn arn(secret: &Secret, region: &str, account: &str) -> String {
    format!(
        "arn:aws:secretsmanager:{region}:{account}:secret:{}-{}",
        secret.name, secret.suffix
    )
}

/// Whether `s` has the shape of an ARN's random suffix: six ASCII letters or digits.
fn is_suffix(s: &[u8]) -> bool {
    s.len() == 6 && s.iter().all(u8::is_ascii_alphanumeric)
}

/// Whether `rest` ends like a full ARN: `-` and six alphanumerics.
fn has_suffix_shape(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() > 7 && b[b.len() - 7] == b'-' && is_suffix(&b[b.len() - 6..])
}

/// The six characters after `name` in an ARN of that secret (`…:secret:NAME-AbCdEf`), as
/// another endpoint made them; `None` when the ARN does not end that way.
pub fn arn_suffix<'a>(arn: &'a str, name: &str) -> Option<&'a str> {
    let tail = arn.rsplit_once(":secret:")?.1;
    let suffix = tail.strip_prefix(name)?.strip_prefix('-')?;
    is_suffix(suffix.as_bytes()).then_some(suffix)
}

/// What a SecretId names, once parsed.
enum Target<'a> {
    Name(&'a str),
    /// `name-XXXXXX` of a full ARN.
    FullArn(&'a str),
}

/// The input checks of a SecretId, which need no state: a name's rules, or an ARN's length.
pub fn check_secret_id(id: &str) -> Result<(), ServiceError> {
    if id.starts_with("arn:") {
        if id.len() > 2048 {
            return Err(ServiceError::too_long(id, "secretId", 2048));
        }
        Ok(())
    } else {
        validate_name(id)
    }
}

fn parse_id<'a>(
    id: &'a str,
    region: &str,
    account: &str,
) -> Result<Option<Target<'a>>, ServiceError> {
    check_secret_id(id)?;
    let Some(arn) = id.strip_prefix("arn:") else {
        return Ok(Some(Target::Name(id)));
    };
    let mut parts = arn.splitn(6, ':');
    let (partition, service, arn_region, arn_account, resource) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    );
    let rest = parts.next();
    if partition != Some("aws")
        || service != Some("secretsmanager")
        || resource != Some("secret")
        || arn_region != Some(region)
        || arn_account != Some(account)
    {
        // An ARN of another region, account or service names nothing here.
        return Ok(None);
    }
    let Some(rest) = rest.filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    // AWS's trap: a partial ARN whose name ends in "-" + 6 characters is read
    // as a full ARN, so it only matches a secret named without those 7 chars.
    if has_suffix_shape(rest) {
        Ok(Some(Target::FullArn(rest)))
    } else {
        Ok(Some(Target::Name(rest)))
    }
}

/// The secret names a SecretId can refer to: the name itself, or for an ARN the
/// part after `secret:` with and without a 7-character suffix. Lets a lazy load
/// parse only those secrets.
pub fn candidate_names(id: &str) -> Vec<String> {
    if !id.starts_with("arn:") {
        return vec![id.to_string()];
    }
    let Some(rest) = id.splitn(7, ':').nth(6) else {
        return vec![];
    };
    let mut names = vec![rest.to_string()];
    if rest.len() > 7 && rest.is_char_boundary(rest.len() - 7) {
        names.push(rest[..rest.len() - 7].to_string());
    }
    names
}

/// Finds the index of the secret a SecretId names in the caller's region.
/// Secrets scheduled for deletion are found too; each operation decides.
pub fn find(vault: &Vault, id: &str, region: &str) -> Result<usize, ServiceError> {
    let account = vault.account_id();
    let target = parse_id(id, region, account)?.ok_or_else(ServiceError::not_found)?;
    vault
        .secrets
        .iter()
        .position(|s| {
            s.visible_in(region)
                && match target {
                    Target::Name(n) => s.name == n,
                    Target::FullArn(full) => {
                        full.len() == s.name.len() + 7
                            && full.starts_with(s.name.as_str())
                            && full.ends_with(s.suffix.as_str())
                            && full.as_bytes()[s.name.len()] == b'-'
                    }
                }
        })
        .ok_or_else(ServiceError::not_found)
}

/// Like [`find`], but a secret scheduled for deletion is AWS's InvalidRequestException.
pub fn find_active(vault: &Vault, id: &str, region: &str) -> Result<usize, ServiceError> {
    let i = find(vault, id, region)?;
    if vault.secrets[i].deletion_date.is_some() {
        return Err(ServiceError::marked_for_deletion());
    }
    Ok(i)
}

/// [`find`] for every operation that changes a secret: a replica is read-only
/// ([`replication::writable_in`], the one rule).
pub fn find_primary(vault: &Vault, id: &str, region: &str) -> Result<usize, ServiceError> {
    let i = find(vault, id, region)?;
    replication::writable_in(&vault.secrets[i], region)?;
    Ok(i)
}

/// [`find_primary`], and a secret scheduled for deletion is AWS's InvalidRequestException.
pub fn find_writable(vault: &Vault, id: &str, region: &str) -> Result<usize, ServiceError> {
    let i = find_primary(vault, id, region)?;
    if vault.secrets[i].deletion_date.is_some() {
        return Err(ServiceError::marked_for_deletion());
    }
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vault_with;

    #[test]
    fn the_arn_suffix_is_the_six_characters_after_the_name() {
        assert_eq!(
            arn_suffix(
                "arn:aws:secretsmanager:us-east-1:1:secret:a/b-c-AbC123",
                "a/b-c"
            ),
            Some("AbC123")
        );
        assert_eq!(
            arn_suffix("arn:aws:secretsmanager:us-east-1:1:secret:x", "x"),
            None
        );
        assert_eq!(
            arn_suffix("arn:aws:secretsmanager:us-east-1:1:secret:x-AbC12", "x"),
            None
        );
        assert_eq!(
            arn_suffix("arn:aws:secretsmanager:us-east-1:1:secret:x-AbC12!", "x"),
            None
        );
    }

    #[test]
    fn name_with_space_or_bang_is_invalid() {
        for bad in ["bad name", "a*b", "wow!", "", "a]"] {
            let e = validate_name(bad).unwrap_err();
            assert_eq!(e.code, crate::error::ErrorCode::Validation, "{bad}");
        }
        validate_name("Valid/_+=.@-Name-a1b2c3-").unwrap();
    }

    #[test]
    fn name_longer_than_512_is_validation_error() {
        let long = "a".repeat(513);
        assert!(validate_name(&long).unwrap_err().message.contains("512"));
    }

    #[test]
    fn full_and_partial_arn_find_the_secret() {
        let v = vault_with(&[("app/db", "x")]);
        let s = &v.secrets[0];
        let full = arn(s, "us-east-1", "123456789012");
        assert_eq!(find(&v, &full, "us-east-1").unwrap(), 0);
        let partial = &full[..full.len() - 7];
        assert_eq!(find(&v, partial, "us-east-1").unwrap(), 0);
        assert_eq!(find(&v, "app/db", "us-east-1").unwrap(), 0);
    }

    #[test]
    fn partial_arn_of_name_ending_in_six_chars_is_not_found() {
        let v = vault_with(&[("Name-a1b2c3", "x")]);
        let full = arn(&v.secrets[0], "us-east-1", "123456789012");
        let partial = &full[..full.len() - 7];
        assert!(find(&v, partial, "us-east-1").is_err());
        assert_eq!(find(&v, &full, "us-east-1").unwrap(), 0);
        assert_eq!(find(&v, "Name-a1b2c3", "us-east-1").unwrap(), 0);
    }

    #[test]
    fn arn_of_other_region_or_account_is_not_found() {
        let v = vault_with(&[("x", "v")]);
        let s = &v.secrets[0];
        assert!(find(&v, &arn(s, "eu-west-1", "123456789012"), "us-east-1").is_err());
        assert!(find(&v, &arn(s, "us-east-1", "999999999999"), "us-east-1").is_err());
        assert!(find(&v, "x", "eu-west-1").is_err());
    }

    #[test]
    fn candidates_of_an_arn_are_with_and_without_suffix() {
        assert_eq!(candidate_names("app/db"), ["app/db"]);
        assert_eq!(
            candidate_names("arn:aws:secretsmanager:us-east-1:1:secret:app/db-AbC123"),
            ["app/db-AbC123", "app/db"]
        );
    }

    #[test]
    fn suffix_is_six_alphanumerics() {
        let mut ctx = Ctx::fixed();
        let s = new_suffix(&mut ctx);
        assert_eq!(s.len(), 6);
        assert!(s.bytes().all(|b| b.is_ascii_alphanumeric()));
    }
}

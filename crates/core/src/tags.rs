//! Tag rules: 50 per secret, `aws:` reserved (the lengths of keys and values are the
//! model's, checked before an operation starts).

use super::error::{ErrorCode, ServiceError};
use super::model::Tag;

pub const MAX_TAGS: usize = 50;

pub fn validate(tags: &[Tag]) -> Result<(), ServiceError> {
    for t in tags {
        if t.key.to_ascii_lowercase().starts_with("aws:") {
            return Err(ServiceError::invalid_parameter(
                "Tag keys prefixed with aws: are reserved for AWS use.",
            ));
        }
    }
    Ok(())
}

/// Adds or overwrites tags, keeping the first position of each key.
pub fn merge(existing: &mut Vec<Tag>, new: &[Tag]) -> Result<(), ServiceError> {
    validate(new)?;
    let mut merged = existing.clone();
    for t in new {
        match merged.iter_mut().find(|e| e.key == t.key) {
            Some(e) => e.value = t.value.clone(),
            None => merged.push(t.clone()),
        }
    }
    if merged.len() > MAX_TAGS {
        return Err(ServiceError::new(
            ErrorCode::LimitExceeded,
            format!("A resource can have at most {MAX_TAGS} tags."),
        ));
    }
    *existing = merged;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(k: &str, v: &str) -> Tag {
        Tag {
            key: k.into(),
            value: v.into(),
        }
    }

    #[test]
    fn merge_overwrites_existing_keys_in_place() {
        let mut t = vec![tag("env", "dev"), tag("team", "core")];
        merge(&mut t, &[tag("env", "prod"), tag("owner", "alice")]).unwrap();
        assert_eq!(
            t,
            vec![
                tag("env", "prod"),
                tag("team", "core"),
                tag("owner", "alice")
            ]
        );
    }

    #[test]
    fn more_than_50_tags_is_limit_exceeded() {
        let mut t: Vec<Tag> = (0..50).map(|i| tag(&format!("k{i}"), "v")).collect();
        let e = merge(&mut t, &[tag("one-more", "v")]).unwrap_err();
        assert_eq!(e.code, ErrorCode::LimitExceeded);
        assert_eq!(t.len(), 50, "unchanged after a failed merge");
    }

    #[test]
    fn aws_prefix_is_reserved() {
        assert_eq!(
            validate(&[tag("aws:x", "v")]).unwrap_err().code,
            ErrorCode::InvalidParameter
        );
    }
}

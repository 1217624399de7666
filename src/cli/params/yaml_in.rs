//! `--cli-input-yaml`: a YAML request document read into the same JSON form as `--cli-input-json`.

use serde_json::Value;

/// Parses YAML into a JSON value; binary (`!!binary`) scalars stay base64 text,
/// which is how blobs travel inside a request.
pub fn parse(text: &str) -> Result<Value, String> {
    let doc: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(text).map_err(|_| "Invalid YAML received.".to_string())?;
    serde_json::to_value(doc).map_err(|_| "Invalid YAML received.".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_becomes_the_json_request() {
        let v = parse("SecretId: a\nVersionStages:\n- X\n").unwrap();
        assert_eq!(
            v,
            serde_json::json!({"SecretId": "a", "VersionStages": ["X"]})
        );
    }

    #[test]
    fn bad_yaml_is_an_error() {
        assert!(parse("a: [").is_err());
    }
}

//! Client-side parameter validation, as botocore's ParamValidator does it: required and
//! unknown members, types, minimum lengths and values (maximums are the service's business).

use serde_json::Value;

use super::exit::CliError;
use super::model::{ShapeDef, model};

pub fn validate(request: &Value, input_shape: &str) -> Result<(), CliError> {
    let mut errors = Vec::new();
    walk(request, model().shape(input_shape), "", &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CliError::ParamValidation(format!(
            "Parameter validation failed:\n{}",
            errors.join("\n")
        )))
    }
}

/// Python's `str()` of a JSON value as botocore prints it (never of a sensitive one).
fn py(v: &Value, sensitive: bool) -> String {
    if sensitive {
        return "<redacted>".into();
    }
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        Value::Array(a) => format!(
            "[{}]",
            a.iter()
                .map(|x| match x {
                    Value::String(s) => format!("'{s}'"),
                    other => py(other, false),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

fn py_type(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "<class 'str'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_f64() => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
        Value::Null => "<class 'NoneType'>",
    }
}

fn type_error(path: &str, v: &Value, valid: &str, sensitive: bool, errors: &mut Vec<String>) {
    errors.push(format!(
        "Invalid type for parameter {path}, value: {}, type: {}, valid types: {valid}",
        py(v, sensitive),
        py_type(v)
    ));
}

fn walk(v: &Value, shape: &ShapeDef, path: &str, errors: &mut Vec<String>) {
    let m = model();
    match shape.kind.as_str() {
        "structure" => {
            let Value::Object(obj) = v else {
                return type_error(path, v, "<class 'dict'>", false, errors);
            };
            let name = if path.is_empty() { "input" } else { path };
            for r in &shape.required {
                if !obj.contains_key(r) {
                    errors.push(format!("Missing required parameter in {name}: \"{r}\""));
                }
            }
            for k in obj.keys() {
                if shape.members.get(k).is_none() {
                    let all: Vec<&str> = shape.members.iter().map(|(n, _)| n.as_str()).collect();
                    errors.push(format!(
                        "Unknown parameter in {name}: \"{k}\", must be one of: {}",
                        all.join(", ")
                    ));
                }
            }
            for (k, x) in obj {
                if let Some(r) = shape.members.get(k) {
                    let sub = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(x, m.shape(&r.shape), &sub, errors);
                }
            }
        }
        "list" => {
            let Value::Array(items) = v else {
                return type_error(path, v, "<class 'list'>, <class 'tuple'>", false, errors);
            };
            if let Some(min) = shape.min
                && (items.len() as i64) < min
            {
                errors.push(format!(
                    "Invalid length for parameter {path}, value: {}, valid min length: {min}",
                    items.len()
                ));
            }
            if let Some(member) = &shape.member {
                for (i, x) in items.iter().enumerate() {
                    walk(x, m.shape(&member.shape), &format!("{path}[{i}]"), errors);
                }
            }
        }
        "map" => {
            let Value::Object(obj) = v else {
                return type_error(path, v, "<class 'dict'>", false, errors);
            };
            if let Some(value) = &shape.value {
                for (k, x) in obj {
                    walk(
                        x,
                        m.shape(&value.shape),
                        &format!("{path} (key: {k})"),
                        errors,
                    );
                }
            }
        }
        "string" => {
            let Value::String(s) = v else {
                return type_error(path, v, "<class 'str'>", shape.sensitive, errors);
            };
            check_min_len(path, s.chars().count(), shape, errors);
        }
        "blob" => {
            // Blobs travel as base64 text; their length is that of the bytes.
            let Value::String(s) = v else {
                return type_error(
                    path,
                    v,
                    "<class 'bytes'>, <class 'bytearray'>, file-like object",
                    true,
                    errors,
                );
            };
            let len = crate::core::blob::decode(s).map_or(0, |b| b.len());
            check_min_len(path, len, shape, errors);
        }
        "integer" | "long" => {
            let Some(n) = v.as_i64().filter(|_| !v.is_boolean()) else {
                return type_error(path, v, "<class 'int'>", false, errors);
            };
            if let Some(min) = shape.min
                && n < min
            {
                errors.push(format!(
                    "Invalid value for parameter {path}, value: {n}, valid min value: {min}"
                ));
            }
        }
        "boolean" if !v.is_boolean() => {
            type_error(path, v, "<class 'bool'>", false, errors);
        }
        _ => {}
    }
}

fn check_min_len(path: &str, len: usize, shape: &ShapeDef, errors: &mut Vec<String>) {
    if let Some(min) = shape.min
        && (len as i64) < min
    {
        errors.push(format!(
            "Invalid length for parameter {path}, value: {len}, valid min length: {min}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err(v: Value, shape: &str) -> String {
        match validate(&v, shape).unwrap_err() {
            CliError::ParamValidation(m) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_required_member() {
        assert_eq!(
            err(json!({}), "GetSecretValueRequest"),
            "Parameter validation failed:\nMissing required parameter in input: \"SecretId\""
        );
    }

    #[test]
    fn unknown_member_lists_the_known_ones() {
        let m = err(
            json!({"SecretId": "a", "Bogus": 1}),
            "GetSecretValueRequest",
        );
        assert!(m.contains("Unknown parameter in input: \"Bogus\", must be one of: SecretId, VersionId, VersionStage"), "{m}");
    }

    #[test]
    fn min_length_and_min_value() {
        assert!(
            err(json!({"SecretId": ""}), "GetSecretValueRequest")
                .contains("Invalid length for parameter SecretId, value: 0, valid min length: 1")
        );
        assert!(
            err(json!({"PasswordLength": 0}), "GetRandomPasswordRequest").contains(
                "Invalid value for parameter PasswordLength, value: 0, valid min value: 1"
            )
        );
        assert!(
            err(
                json!({"Name": "a", "ClientRequestToken": "short"}),
                "CreateSecretRequest"
            )
            .contains("valid min length: 32")
        );
    }

    #[test]
    fn nested_type_error_has_a_path() {
        let m = err(
            json!({"Name": "a", "Tags": [{"Key": ["a", "Value"]}]}),
            "CreateSecretRequest",
        );
        assert!(m.contains("Invalid type for parameter Tags[0].Key, value: ['a', 'Value'], type: <class 'list'>, valid types: <class 'str'>"), "{m}");
    }

    #[test]
    fn sensitive_values_are_not_echoed() {
        let m = err(
            json!({"Name": "a", "SecretString": 12345}),
            "CreateSecretRequest",
        );
        assert!(!m.contains("12345"), "{m}");
    }
}

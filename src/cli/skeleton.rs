//! `--generate-cli-skeleton`: request (or response) templates derived from the API model.

use serde_json::{Map, Value};

use super::model::{ShapeDef, model};

/// A placeholder value per botocore's ArgumentGenerator: "" for strings (the
/// first enum value for enums), 0 for numbers, true for booleans, null for
/// blobs, one-element lists.
pub fn template(shape_name: &str, depth: usize) -> Value {
    let m = model();
    let s: &ShapeDef = m.shape(shape_name);
    if depth > 8 {
        return Value::Null;
    }
    match s.kind.as_str() {
        "structure" => Value::Object(
            s.members
                .iter()
                .map(|(k, r)| (k.clone(), template(&r.shape, depth + 1)))
                .collect::<Map<_, _>>(),
        ),
        "list" => Value::Array(vec![template(
            &s.member
                .as_ref()
                .expect("invariant: lists have members")
                .shape,
            depth + 1,
        )]),
        "map" => {
            let mut obj = Map::new();
            obj.insert(
                "KeyName".into(),
                template(&s.value.as_ref().expect("invariant").shape, depth + 1),
            );
            Value::Object(obj)
        }
        "string" => Value::String(s.enum_values.first().cloned().unwrap_or_default()),
        "integer" | "long" => Value::from(0),
        "boolean" => Value::Bool(true),
        "timestamp" => Value::String("1970-01-01T00:00:00".into()),
        _ => Value::Null,
    }
}

/// The `yaml-input` skeleton: one member per line, required ones marked.
pub fn yaml_input(input: &str) -> String {
    let m = model();
    let s = m.shape(input);
    let mut out = String::new();
    for (k, r) in s.members.iter() {
        let v = template(&r.shape, 1);
        let required = if s.required.contains(k) {
            "  # [REQUIRED]"
        } else {
            ""
        };
        match v {
            Value::Array(_) | Value::Object(_) => {
                let body = crate::render::yaml::yaml(&serde_json::json!({ k.as_str(): v }));
                out.push_str(&body);
            }
            Value::Null => out.push_str(&format!("{k}: !!binary ''{required}\n")),
            Value::String(ref t) => out.push_str(&format!("{k}: '{t}'{required}\n")),
            other => out.push_str(&format!("{k}: {other}{required}\n")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_random_password_skeleton() {
        let v = template("GetRandomPasswordRequest", 0);
        assert_eq!(
            crate::render::json(&v),
            "{\n    \"PasswordLength\": 0,\n    \"ExcludeCharacters\": \"\",\n    \"ExcludeNumbers\": true,\n    \"ExcludePunctuation\": true,\n    \"ExcludeUppercase\": true,\n    \"ExcludeLowercase\": true,\n    \"IncludeSpace\": true,\n    \"RequireEachIncludedType\": true\n}\n"
        );
    }

    #[test]
    fn enums_take_their_first_value() {
        let v = template("ListSecretsRequest", 0);
        assert_eq!(v["SortOrder"], "asc");
        assert_eq!(v["Filters"][0]["Key"], "description");
    }
}

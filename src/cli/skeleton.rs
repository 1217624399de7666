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

/// The `yaml-input` skeleton: members in model order (the AWS CLI's), blobs as
/// `!!binary ''`, each member followed by a comment (our help text; `[REQUIRED]` first
/// for required ones), laid out as the AWS CLI lays it out.
pub fn yaml_input(op: &str, input: &str) -> String {
    let m = model();
    let s = m.shape(input);
    let mut out = String::new();
    for (k, r) in s.members.iter() {
        let required = s.required.contains(k);
        yaml_member(op, k, &r.shape, 0, false, required, &mut out);
    }
    out
}

fn comment(op: &str, member: &str, required: bool) -> String {
    let text = super::help::member(op, member).unwrap_or(member);
    if required {
        format!("  # [REQUIRED] {text}")
    } else {
        format!(" # {text}")
    }
}

/// Writes `key: value  # comment` at `indent`; `dash` puts a list item's `- ` before it.
fn yaml_member(
    op: &str,
    key: &str,
    shape_name: &str,
    indent: usize,
    dash: bool,
    required: bool,
    out: &mut String,
) {
    let m = model();
    let s = m.shape(shape_name);
    let pad = if dash {
        format!("{}- ", " ".repeat(indent.saturating_sub(2)))
    } else {
        " ".repeat(indent)
    };
    // The AWS CLI puts two spaces before the first member's comment of a list item.
    let note = if dash {
        format!(" {}", comment(op, key, required))
    } else {
        comment(op, key, required)
    };
    match s.kind.as_str() {
        "structure" => {
            out.push_str(&format!("{pad}{key}:{note}\n"));
            for (k, r) in s.members.iter() {
                yaml_member(op, k, &r.shape, indent + 2, false, false, out);
            }
        }
        "list" => {
            out.push_str(&format!("{pad}{key}:{note}\n"));
            let member = &s
                .member
                .as_ref()
                .expect("invariant: lists have members")
                .shape;
            let item = m.shape(member);
            if item.kind == "structure" {
                for (i, (k, r)) in item.members.iter().enumerate() {
                    yaml_member(op, k, &r.shape, indent + 2, i == 0, false, out);
                }
            } else {
                out.push_str(&format!("{}- {}\n", " ".repeat(indent), scalar(member)));
            }
        }
        _ => out.push_str(&format!("{pad}{key}: {}{note}\n", scalar(shape_name))),
    }
}

/// A placeholder as ruamel writes it: plain when it can be (`asc`), quoted when
/// it must be (`''`); the YAML renderer makes the same choice for output.
fn scalar(shape_name: &str) -> String {
    match template(shape_name, 0) {
        Value::String(t) => {
            let line = crate::render::yaml::yaml(&serde_json::json!({ "k": t }));
            line.strip_prefix("k: ")
                .unwrap_or(&line)
                .trim_end_matches('\n')
                .to_string()
        }
        Value::Null => "!!binary ''".into(),
        other => other.to_string(),
    }
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
    fn yaml_input_keeps_model_order() {
        let y = yaml_input("CreateSecret", "CreateSecretRequest");
        let bare: Vec<&str> = y
            .lines()
            .map(|l| l.split(" #").next().unwrap_or(l).trim_end())
            .collect();
        assert_eq!(
            &bare[..5],
            [
                "Name: ''",
                "ClientRequestToken: ''",
                "Description: ''",
                "KmsKeyId: ''",
                "SecretBinary: !!binary ''"
            ]
        );
        assert!(
            bare.join("\n").contains(
                "Tags:\n- Key: ''\n  Value: ''\nAddReplicaRegions:\n- Region: ''\n  KmsKeyId: ''"
            ),
            "{y}"
        );
        assert!(y.starts_with("Name: ''  # [REQUIRED] "), "{y}");
    }

    #[test]
    fn enums_take_their_first_value() {
        let v = template("ListSecretsRequest", 0);
        assert_eq!(v["SortOrder"], "asc");
        assert_eq!(v["Filters"][0]["Key"], "description");
    }
}

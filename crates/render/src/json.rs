//! `--output json`: the bytes of Python `json.dump(v, indent=4, ensure_ascii=False)` plus `"\n"`.
//!
//! Written by hand rather than with serde_json's pretty printer because floats must come out as
//! Python's `repr` (`1e+16`, not `1e16`) and the escaping rules must stay Python's exactly.

use serde_json::Value;

use super::py;

const INDENT: &str = "    ";

/// Render `v` as the AWS CLI JSON formatter does; a top-level `{}` prints nothing at all.
pub fn render(v: &Value) -> String {
    if matches!(v, Value::Object(m) if m.is_empty()) {
        return String::new();
    }
    let mut out = String::new();
    write_value(&mut out, v, 0);
    out.push('\n');
    out
}

fn write_value(out: &mut String, v: &Value, level: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&py::number(n)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                push_indent(out, level + 1);
                write_value(out, item, level + 1);
            }
            out.push('\n');
            push_indent(out, level);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                push_indent(out, level + 1);
                write_string(out, k);
                out.push_str(": ");
                write_value(out, item, level + 1);
            }
            out.push('\n');
            push_indent(out, level);
            out.push('}');
        }
    }
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str(INDENT);
    }
}

/// Python `py_encode_basestring`: only `"`, `\` and C0 controls are escaped; everything else,
/// including non-ASCII, DEL and U+2028, is written raw.
pub(crate) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn get_secret_value_v2() {
        let v = json!({
            "ARN": "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3",
            "Name": "MyTestSecret",
            "VersionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "SecretString": "{\"user\":\"diegor\",\"password\":\"EXAMPLE-PASSWORD\"}",
            "VersionStages": ["AWSCURRENT"],
            "CreatedDate": "2018-04-11T20:05:45.713000+00:00"
        });
        let want = r#"{
    "ARN": "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3",
    "Name": "MyTestSecret",
    "VersionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
    "SecretString": "{\"user\":\"diegor\",\"password\":\"EXAMPLE-PASSWORD\"}",
    "VersionStages": [
        "AWSCURRENT"
    ],
    "CreatedDate": "2018-04-11T20:05:45.713000+00:00"
}
"#;
        assert_eq!(render(&v), want);
    }

    #[test]
    fn v1_float_timestamps() {
        let v = json!({"LastAccessedDate": 1523491200.0, "CreatedDate": 1523477145.713});
        assert_eq!(
            render(&v),
            "{\n    \"LastAccessedDate\": 1523491200.0,\n    \"CreatedDate\": 1523477145.713\n}\n"
        );
    }

    #[test]
    fn unicode_string_bytes() {
        let v = json!("café 😀 tab\there\nnewline \"q\" back\\slash \u{1} /slash");
        assert_eq!(
            render(&v).as_bytes(),
            b"\"caf\xc3\xa9 \xf0\x9f\x98\x80 tab\\there\\nnewline \\\"q\\\" back\\\\slash \\u0001 /slash\"\n"
        );
    }

    #[test]
    fn other_escapes_and_raw_characters() {
        let v = json!("\u{8}\u{c}\r\u{1f}\u{7f}\u{2028}/");
        assert_eq!(render(&v), "\"\\b\\f\\r\\u001f\u{7f}\u{2028}/\"\n");
    }

    #[test]
    fn empties_and_scalars() {
        assert_eq!(render(&json!({})), "");
        assert_eq!(render(&json!([])), "[]\n");
        assert_eq!(render(&json!(null)), "null\n");
        assert_eq!(render(&json!("")), "\"\"\n");
        assert_eq!(render(&json!(5)), "5\n");
        assert_eq!(render(&json!(false)), "false\n");
        assert_eq!(render(&json!(1e16)), "1e+16\n");
        assert_eq!(
            render(&json!({"a": [], "b": {}, "c": [{}]})),
            "{\n    \"a\": [],\n    \"b\": {},\n    \"c\": [\n        {}\n    ]\n}\n"
        );
    }

    #[test]
    fn key_order_is_insertion_order() {
        let v = json!({"Versions": [], "NextToken": "t", "ARN": "a", "Name": "n"});
        assert_eq!(
            render(&v),
            "{\n    \"Versions\": [],\n    \"NextToken\": \"t\",\n    \"ARN\": \"a\",\n    \"Name\": \"n\"\n}\n"
        );
    }

    #[test]
    fn matches_serde_json_pretty_for_plain_documents() {
        // Cross-check the layout against serde_json's pretty printer (2-space indent, no floats).
        let v = json!({"Names": ["page/s1", "page/s2"], "NextToken": "eyJ=", "n": 3, "t": true,
                       "nested": {"x": [1, [2, []], {"y": null}]}});
        let two = serde_json::to_string_pretty(&v).expect("serialize");
        let mut want = String::new();
        for line in two.lines() {
            let body = line.trim_start_matches(' ');
            want.push_str(&" ".repeat(2 * (line.len() - body.len())));
            want.push_str(body);
            want.push('\n');
        }
        assert_eq!(render(&v), want);
    }
}

//! `--output text`: a line-for-line port of `awscli/text.py` (same in CLI v1 and v2).
//!
//! Keys are sorted (code-point order), nested members are prefixed with their upper-cased key,
//! rows of a list of objects carry the union of the list's scalar keys.

use serde_json::{Map, Value};

use super::py;

/// Render one document. `{}` and `[]` print nothing; a scalar prints `str(v)` and a newline.
pub fn render(v: &Value) -> String {
    let mut out = String::new();
    format_item(&mut out, v, None, None);
    out
}

/// Render one page of a paginated result; the caller concatenates the pages (each page computes
/// its own column union, exactly as the CLI formats every page independently).
pub fn text_page(v: &Value) -> String {
    render(v)
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

fn format_item(out: &mut String, item: &Value, ident: Option<&str>, scalar_keys: Option<&[&str]>) {
    match item {
        Value::Object(map) => format_dict(out, map, ident, scalar_keys),
        Value::Array(items) => format_list(out, items, ident),
        scalar => {
            out.push_str(&py::str_of(scalar));
            out.push('\n');
        }
    }
}

fn format_list(out: &mut String, items: &[Value], ident: Option<&str>) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        let keys = all_scalar_keys(items);
        for item in items {
            format_item(out, item, ident, Some(&keys));
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, rest): (Vec<&Value>, Vec<&Value>) = items.iter().partition(|v| is_scalar(v));
        if !scalars.is_empty() {
            format_scalar_list(out, &scalars, ident);
        }
        for item in rest {
            format_item(out, item, ident, None);
        }
    } else {
        let all: Vec<&Value> = items.iter().collect();
        format_scalar_list(out, &all, ident);
    }
}

fn format_scalar_list(out: &mut String, items: &[&Value], ident: Option<&str>) {
    match ident {
        // Under a key: one line per element, so `VERSIONSTAGES\tAWSCURRENT` greps cleanly.
        Some(id) => {
            let id = id.to_uppercase();
            for item in items {
                out.push_str(&id);
                out.push('\t');
                out.push_str(&py::str_of(item));
                out.push('\n');
            }
        }
        // A bare list (usually from --query) is one tab-joined line.
        None => {
            let cells: Vec<String> = items.iter().map(|v| py::str_of(v)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
}

fn format_dict(
    out: &mut String,
    map: &Map<String, Value>,
    ident: Option<&str>,
    scalar_keys: Option<&[&str]>,
) {
    let mut scalars: Vec<String> = Vec::new();
    let mut nested: Vec<(&str, &Value)> = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (k, v) in entries {
                if is_scalar(v) {
                    scalars.push(py::str_of(v));
                } else {
                    nested.push((k.as_str(), v));
                }
            }
        }
        Some(keys) => {
            // Missing keys print as empty cells so every row of the list has the same columns.
            for k in keys {
                scalars.push(map.get(*k).map(py::str_of).unwrap_or_default());
            }
            let mut remaining: Vec<(&str, &Value)> = map
                .iter()
                .filter(|(k, _)| !keys.contains(&k.as_str()))
                .map(|(k, v)| (k.as_str(), v))
                .collect();
            remaining.sort_by(|a, b| a.0.cmp(b.0));
            nested = remaining;
        }
    }
    if !scalars.is_empty() {
        if let Some(id) = ident {
            scalars.insert(0, id.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (k, v) in nested {
        format_item(out, v, Some(k), None);
    }
}

/// Sorted union of the keys holding scalars in any object of the list.
fn all_scalar_keys(items: &[Value]) -> Vec<&str> {
    let mut keys: Vec<&str> = items
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|m| {
            m.iter()
                .filter(|(_, v)| is_scalar(v))
                .map(|(k, _)| k.as_str())
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A float halfway between two shortest spellings prints as Python's `str()`: ties to even.
    #[test]
    fn floats_print_as_python_str_ties_to_even() {
        assert_eq!(
            render(&json!([5_757_546_257_220_481.0 / 4.0, 1523477145.713])),
            "1439386564305120.2\t1523477145.713\n"
        );
    }

    #[test]
    fn get_secret_value_v1_bytes() {
        let v = json!({
            "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-eCcVmK",
            "Name": "MyTestSecret",
            "VersionId": "7c4b9aab-eb7a-45d2-8b45-8db440a76724",
            "SecretString": "{\"user\":\"diegor\",\"password\":\"EXAMPLE-PASSWORD\"}",
            "VersionStages": ["AWSCURRENT"],
            "CreatedDate": 1795830929
        });
        assert_eq!(
            render(&v).as_bytes(),
            &b"arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-eCcVmK\t1795830929\tMyTestSecret\t{\"user\":\"diegor\",\"password\":\"EXAMPLE-PASSWORD\"}\t7c4b9aab-eb7a-45d2-8b45-8db440a76724\nVERSIONSTAGES\tAWSCURRENT\n"[..]
        );
    }

    #[test]
    fn get_secret_value_v2_bytes() {
        let v = json!({
            "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-eCcVmK",
            "Name": "MyTestSecret",
            "VersionId": "7c4b9aab-eb7a-45d2-8b45-8db440a76724",
            "SecretString": "{\"user\":\"diegor\",\"password\":\"EXAMPLE-PASSWORD\"}",
            "VersionStages": ["AWSCURRENT"],
            "CreatedDate": "2026-11-28T01:55:29+00:00"
        });
        assert_eq!(
            render(&v).as_bytes(),
            &b"arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-eCcVmK\t2026-11-28T01:55:29+00:00\tMyTestSecret\t{\"user\":\"diegor\",\"password\":\"EXAMPLE-PASSWORD\"}\t7c4b9aab-eb7a-45d2-8b45-8db440a76724\nVERSIONSTAGES\tAWSCURRENT\n"[..]
        );
    }

    #[test]
    fn describe_secret_v1_bytes() {
        let v = json!({
            "ARN": "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3",
            "Name": "MyTestSecret",
            "Description": "My test secret",
            "KmsKeyId": "arn:aws:kms:us-west-2:123456789012:key/EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE",
            "RotationEnabled": true,
            "RotationLambdaARN": "arn:aws:lambda:us-west-2:123456789012:function:MyTestRotationLambda",
            "RotationRules": {"AutomaticallyAfterDays": 14, "Duration": "2h",
                              "ScheduleExpression": "cron(0 16 1,15 * ? *)"},
            "LastRotatedDate": 1525747253.72,
            "LastChangedDate": 1523477145.729,
            "LastAccessedDate": 1524556800.0,
            "NextRotationDate": 1700000000.0,
            "Tags": [{"Key": "SecondTag", "Value": "AnotherValue"},
                     {"Key": "FirstTag", "Value": "SomeValue"}],
            "VersionIdsToStages": {
                "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111": ["AWSPREVIOUS"],
                "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222": ["AWSCURRENT"]
            },
            "CreatedDate": 1521534252.66,
            "PrimaryRegion": "us-west-2"
        });
        assert_eq!(
            render(&v).as_bytes(),
            &b"arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3\t1521534252.66\tMy test secret\tarn:aws:kms:us-west-2:123456789012:key/EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE\t1524556800.0\t1523477145.729\t1525747253.72\tMyTestSecret\t1700000000.0\tus-west-2\tTrue\tarn:aws:lambda:us-west-2:123456789012:function:MyTestRotationLambda\nROTATIONRULES\t14\t2h\tcron(0 16 1,15 * ? *)\nTAGS\tSecondTag\tAnotherValue\nTAGS\tFirstTag\tSomeValue\nA1B2C3D4-5678-90AB-CDEF-EXAMPLE11111\tAWSPREVIOUS\nA1B2C3D4-5678-90AB-CDEF-EXAMPLE22222\tAWSCURRENT\n"[..]
        );
    }

    #[test]
    fn list_secret_version_ids_v1_bytes() {
        let v = json!({
            "Versions": [
                {"VersionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "VersionStages": ["AWSPREVIOUS"],
                 "LastAccessedDate": 1523491200.0, "CreatedDate": 1523477145.713,
                 "KmsKeyIds": ["DefaultEncryptionKey"]},
                {"VersionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222", "VersionStages": ["AWSCURRENT"],
                 "CreatedDate": 1523486221.391, "KmsKeyIds": ["DefaultEncryptionKey"]}
            ],
            "NextToken": "AQICAHhEXAMPLETOKEN",
            "ARN": "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3",
            "Name": "MyTestSecret"
        });
        assert_eq!(
            render(&v).as_bytes(),
            &b"arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3\tMyTestSecret\tAQICAHhEXAMPLETOKEN\nVERSIONS\t1523477145.713\t1523491200.0\ta1b2c3d4-5678-90ab-cdef-EXAMPLE11111\nKMSKEYIDS\tDefaultEncryptionKey\nVERSIONSTAGES\tAWSPREVIOUS\nVERSIONS\t1523486221.391\t\ta1b2c3d4-5678-90ab-cdef-EXAMPLE22222\nKMSKEYIDS\tDefaultEncryptionKey\nVERSIONSTAGES\tAWSCURRENT\n"[..]
        );
    }

    #[test]
    fn scalar_results() {
        assert_eq!(
            render(&json!("/Qjw^5pdx4;-bc{XrP5\"")),
            "/Qjw^5pdx4;-bc{XrP5\"\n"
        );
        assert_eq!(
            render(&json!(
                "café 😀 tab\there\nnewline \"q\" back\\slash \u{1} /slash"
            ))
            .as_bytes(),
            b"caf\xc3\xa9 \xf0\x9f\x98\x80 tab\there\nnewline \"q\" back\\slash \x01 /slash\n"
        );
        assert_eq!(render(&json!(null)), "None\n");
        assert_eq!(render(&json!("")), "\n");
        assert_eq!(render(&json!(1)), "1\n");
        assert_eq!(render(&json!({})), "");
        assert_eq!(render(&json!([])), "");
    }

    #[test]
    fn query_shapes() {
        assert_eq!(render(&json!(["MyTestSecret"])), "MyTestSecret\n");
        assert_eq!(
            render(&json!([["MyTestSecret", "My test secret"]])),
            "MyTestSecret\tMy test secret\n"
        );
        assert_eq!(
            render(&json!([["prod/api"], ["dev/api"], ["dev/db"]])),
            "prod/api\ndev/api\ndev/db\n"
        );
        assert_eq!(render(&json!(["env", "tier"])), "env\ttier\n");
        // sort_by(Tags, &Key) --output text: a bare list of objects has no prefix.
        assert_eq!(
            render(&json!([{"Key": "env", "Value": "prod"}, {"Key": "owner", "Value": "alice"}])),
            "env\tprod\nowner\talice\n"
        );
        // Mixed list: the scalars first on one line, then each nested list.
        assert_eq!(render(&json!(["a", ["b", "c"], "d"])), "a\td\nb\tc\n");
    }

    /// Per-page values as the paginator hands them to the formatter (§6, --page-size 2 --max-items 3).
    #[test]
    fn paginated_text_pages() {
        let entry = |n: u32, suffix: &str, created: u64, vid: &str| {
            json!({
                "ARN": format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:page/s{n}-{suffix}"),
                "Name": format!("page/s{n}"),
                "Description": format!("d{n}"),
                "LastChangedDate": created,
                "SecretVersionsToStages": {vid: ["AWSCURRENT"]},
                "CreatedDate": created
            })
        };
        let p1 = json!({"SecretList": [
            entry(1, "CEHwwt", 1795831432, "e18f971d-9cfe-443d-97c2-e4e3b7e1909b"),
            entry(2, "paDnpK", 1795831433, "10204185-fe3f-4252-8263-7fdd11854423")]});
        let p2 = json!({"SecretList": [
            entry(3, "JsGjRu", 1795831433, "4390a7bd-d2ef-4bfc-a6c7-005c23855125")]});
        let tok = json!({"NextToken": {"NextToken": "eyJOZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9"}});
        let all = format!("{}{}{}", text_page(&p1), text_page(&p2), text_page(&tok));
        assert_eq!(
            all.as_bytes(),
            &b"SECRETLIST\tarn:aws:secretsmanager:us-east-1:123456789012:secret:page/s1-CEHwwt\t1795831432\td1\t1795831432\tpage/s1\nE18F971D-9CFE-443D-97C2-E4E3B7E1909B\tAWSCURRENT\nSECRETLIST\tarn:aws:secretsmanager:us-east-1:123456789012:secret:page/s2-paDnpK\t1795831433\td2\t1795831433\tpage/s2\n10204185-FE3F-4252-8263-7FDD11854423\tAWSCURRENT\nSECRETLIST\tarn:aws:secretsmanager:us-east-1:123456789012:secret:page/s3-JsGjRu\t1795831433\td3\t1795831433\tpage/s3\n4390A7BD-D2EF-4BFC-A6C7-005C23855125\tAWSCURRENT\nNEXTTOKEN\teyJOZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9\n"[..]
        );

        // --query 'SecretList[].Name' applied per page, including the NextToken pseudo-page.
        let pages = [
            json!(["page/s1", "page/s2"]),
            json!(["page/s3"]),
            json!(null),
        ];
        let all: String = pages.iter().map(text_page).collect();
        assert_eq!(all.as_bytes(), b"page/s1\tpage/s2\npage/s3\nNone\n");
    }

    #[test]
    fn union_of_scalar_keys_leaves_trailing_tabs() {
        let v = json!({"SecretList": [
            {"ARN": "a1", "Name": "n1", "Description": "d", "RotationEnabled": true},
            {"ARN": "a2", "Name": "n2"}
        ]});
        assert_eq!(
            render(&v),
            "SECRETLIST\ta1\td\tn1\tTrue\nSECRETLIST\ta2\t\tn2\t\n"
        );
    }

    #[test]
    fn conformance_describe_secret_shape() {
        let v = json!({
            "ARN": "arn:x", "Name": "fmt", "Description": "formats",
            "LastChangedDate": "T1", "Tags": [{"Key": "k", "Value": "v"}],
            "VersionIdsToStages": {"u-1": ["AWSCURRENT"]}, "CreatedDate": "T0"
        });
        assert_eq!(
            render(&v),
            "arn:x\tT0\tformats\tT1\tfmt\nTAGS\tk\tv\nU-1\tAWSCURRENT\n"
        );
    }
}

//! The model-aware layer: turns the words argparse gave one option into its request value, like aws-cli's `unpack_argument` (paramfile loading) + `ParamShorthandParser` with `BackCompatVisitor` + `unpack_cli_arg` (argprocess.py).
//!
//! Blob values come out as strings: `fileb://` bytes as their standard base64 text, other
//! text as given. Under v2's default `cli_binary_format=base64` every blob string is then
//! decoded with `super::blob::decode_lenient` (v2 does that after parsing, in
//! binaryformat.py), which gives `fileb://` content back byte for byte.

use base64::Engine;
use serde_json::{Map, Number, Value};

use super::paramfile::{self, ParamFile};
use super::pyjson;
use super::shorthand::{self, Node, ShorthandError};
use crate::render::py;

/// The parts of an API shape the parsers need.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    String,
    Integer,
    Long,
    Boolean,
    Blob,
    Timestamp,
    List(Box<Shape>),
    Map(Box<Shape>, Box<Shape>),
    Structure(Vec<(String, Shape)>),
}

impl Shape {
    /// argprocess.py `_supports_shorthand_syntax`: structures, maps, and lists of those.
    fn supports_shorthand(&self) -> bool {
        match self {
            Shape::Structure(_) | Shape::Map(..) => true,
            Shape::List(member) => matches!(
                **member,
                Shape::Structure(_) | Shape::Map(..) | Shape::List(_)
            ),
            _ => false,
        }
    }

    /// The `valid types` botocore's validator lists for a shape.
    fn python_types(&self) -> &'static str {
        match self {
            Shape::String => "<class 'str'>",
            Shape::Integer | Shape::Long => "<class 'int'>",
            Shape::Boolean => "<class 'bool'>",
            Shape::Blob => "<class 'bytes'>, <class 'bytearray'>, file-like object",
            Shape::Timestamp => "<class 'datetime.datetime'>, timestamp-string",
            Shape::List(_) => "<class 'list'>, <class 'tuple'>",
            Shape::Map(..) | Shape::Structure(_) => "<class 'dict'>",
        }
    }
}

/// Why an option value was rejected. Which class an error is decides the exit status:
/// v2 reports `Parameter` and `Bytes` as ParamValidation errors (rc 252), `General` as a
/// plain error (rc 255, no "An error occurred (…)" wrapper).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamError {
    /// awscli's `ParamError`: a shorthand syntax error, invalid JSON, an unloadable
    /// `file://`, …
    #[error("Error parsing parameter '{option}': {message}")]
    Parameter { option: String, message: String },
    /// A Python exception the CLI lets through unwrapped: `int()` failures in shorthand
    /// or scalar conversion, a failing `key@=file://…`, recursion limits.
    #[error("{message}")]
    General { message: String },
    /// `fileb://` content where the model wants no blob. The CLI passes the bytes on and
    /// botocore's validator rejects them; this is that validator's line (the caller adds
    /// "Parameter validation failed:\n"). `path` is botocore's, e.g. `Tags[0].Key`, with
    /// the member name derived from the option (`--secret-string` → `SecretString`).
    #[error(
        "Invalid type for parameter {path}, value: {}, type: <class 'bytes'>, valid types: {valid_types}",
        py::repr_bytes(.bytes)
    )]
    Bytes {
        path: String,
        bytes: Vec<u8>,
        valid_types: String,
    },
}

impl ParamError {
    fn parameter(option: &str, message: impl Into<String>) -> Self {
        ParamError::Parameter {
            option: option.to_string(),
            message: message.into(),
        }
    }

    fn general(message: impl Into<String>) -> Self {
        ParamError::General {
            message: message.into(),
        }
    }

    /// True for the classes v2 reports as `ParamValidation` (rc 252).
    pub fn is_validation(&self) -> bool {
        !matches!(self, ParamError::General { .. })
    }
}

/// Converts the raw words given for one option (after argparse: one word for
/// scalar/structure options, 0..n words for list options) into the request value, like
/// aws-cli's unpack_argument + unpack_cli_arg + shorthand BackCompatVisitor:
/// - a single word (the only word of a list option) with a `file://`/`fileb://` prefix is
///   replaced by the file's content first;
/// - structure: one word; JSON if it starts (after whitespace strip) with `{` or `[`, else
///   shorthand.
/// - list of structures: each word is one element; each word JSON object or shorthand; if
///   exactly one word and it starts with `[` it is a JSON list.
/// - list of scalars: words as elements; a single word starting with `[` is a JSON array.
///   A comma does not split.
/// - BackCompatVisitor: a scalar where the shape has a list → one-element list; strings →
///   ints for integer/long members, → bools for boolean (case-insensitive true/false).
///
/// Uses the process environment for `~`/`$VAR` in paths; see [`parse_option_value_with`].
pub fn parse_option_value(
    option: &str,
    words: &[String],
    shape: &Shape,
) -> Result<Value, ParamError> {
    parse_option_value_with(option, words, shape, &paramfile::process_env)
}

/// [`parse_option_value`] with an explicit environment lookup.
pub fn parse_option_value_with(
    option: &str,
    words: &[String],
    shape: &Shape,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Value, ParamError> {
    let mut raw = match (shape, words) {
        (Shape::List(member), _) => Raw::Words(words.to_vec(), member),
        (_, [word]) => Raw::Text(word.clone()),
        _ => {
            return Err(ParamError::general(format!(
                "argument {option}: expected one argument"
            )));
        }
    };
    // paramfile.py URIArgumentHandler: a list option is checked only when it has exactly
    // one word, and a loaded file replaces the whole list by one string.
    if let [word] = words {
        match paramfile::load(word, env) {
            Ok(Some(ParamFile::Text(text))) => raw = Raw::Text(text),
            Ok(Some(ParamFile::Bytes(bytes))) => raw = Raw::Bytes(bytes),
            Ok(None) => {}
            Err(e) => return Err(ParamError::parameter(option, e.to_string())),
        }
    }
    let path = member_name(option);
    match raw {
        Raw::Bytes(bytes) => bytes_value(bytes, shape, &path),
        Raw::Text(text) => {
            if !looks_like_json(&text) && shape.supports_shorthand() {
                let mut node = Node::Map(parse_shorthand(option, &text, env)?);
                back_compat_top(&mut node, shape)?;
                node_to_value(node, Some(shape), &path)
            } else {
                unpack(option, shape, &text).map_err(Fail::into_top)
            }
        }
        Raw::Words(words, member) => {
            let first_is_json = words.first().is_some_and(|w| looks_like_json(w));
            if !first_is_json && shape.supports_shorthand() {
                let items = words
                    .iter()
                    .map(|w| parse_shorthand(option, w, env).map(Node::Map))
                    .collect::<Result<Vec<_>, _>>()?;
                let mut node = Node::List(items);
                back_compat_top(&mut node, shape)?;
                node_to_value(node, Some(shape), &path)
            } else {
                unpack_list(option, member, Unpack::Words(&words)).map_err(Fail::into_top)
            }
        }
    }
}

/// The option's value between argparse and the parsers: what the user typed, or what a
/// `file://` / `fileb://` prefix loaded. Only list options have words (with their member).
enum Raw<'a> {
    Text(String),
    Bytes(Vec<u8>),
    Words(Vec<String>, &'a Shape),
}

/// `--secret-string` → `SecretString`: secretsmanager's option names are the member
/// names run through botocore's `xform_name`, so this inverts it for error paths.
fn member_name(option: &str) -> String {
    option
        .trim_start_matches('-')
        .split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect()
}

fn py_strip(s: &str) -> &str {
    s.trim_matches(py::isspace)
}

/// `_should_parse_as_shorthand`'s JSON sniff.
fn looks_like_json(s: &str) -> bool {
    py_strip(s).starts_with(['[', '{'])
}

fn parse_shorthand(
    option: &str,
    word: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<(String, Node)>, ParamError> {
    shorthand::parse_nodes(word, env).map_err(|e| match e {
        ShorthandError::Syntax { .. } | ShorthandError::DuplicateKey { .. } => {
            ParamError::parameter(option, e.to_string())
        }
        // Only ShorthandParseError is wrapped by the CLI; these escape as they are.
        ShorthandError::ParamFile(_) | ShorthandError::TooDeep => {
            ParamError::general(e.to_string())
        }
    })
}

/// `fileb://` content for a whole option: fine for a blob, convertible by `int()`/`bool()`
/// for those scalars, a validation failure elsewhere.
fn bytes_value(bytes: Vec<u8>, shape: &Shape, path: &str) -> Result<Value, ParamError> {
    match shape {
        Shape::Blob => Ok(Value::String(
            base64::engine::general_purpose::STANDARD.encode(bytes),
        )),
        Shape::Integer | Shape::Long => py_int_bytes(&bytes).map(Value::Number).map_err(|()| {
            ParamError::general(format!(
                "invalid literal for int() with base 10: {}",
                py::repr_bytes(&bytes)
            ))
        }),
        Shape::Boolean => Ok(Value::Bool(!bytes.is_empty())),
        _ => Err(ParamError::Bytes {
            path: path.to_string(),
            valid_types: shape.python_types().to_string(),
            bytes,
        }),
    }
}

// ---------------------------------------------------------------------------------------
// BackCompatVisitor

/// The visitor starts from a throw-away parent, so the list-wrapping it does for a
/// top-level value is lost: a shorthand word loaded from `file://` into a list option
/// stays a single object (and botocore later rejects it).
fn back_compat_top(node: &mut Node, shape: &Shape) -> Result<(), ParamError> {
    if matches!(shape, Shape::List(_)) && !matches!(node, Node::List(_)) {
        return Ok(());
    }
    back_compat(node, shape)
}

fn back_compat(node: &mut Node, shape: &Shape) -> Result<(), ParamError> {
    match shape {
        Shape::Structure(members) => {
            if let Node::Map(entries) = node {
                for (name, member) in members {
                    if let Some((_, child)) = entries.iter_mut().find(|(k, _)| k == name) {
                        back_compat(child, member)?;
                    }
                }
            }
        }
        Shape::List(member) => match node {
            Node::List(items) => {
                for item in items {
                    back_compat(item, member)?;
                }
            }
            // `Values=page` means ["page"]. The element itself is not visited further.
            other => {
                let inner = std::mem::replace(other, Node::List(Vec::new()));
                *other = Node::List(vec![inner]);
            }
        },
        Shape::Map(_, value_shape) => {
            if let Node::Map(entries) = node {
                for (_, child) in entries {
                    back_compat(child, value_shape)?;
                }
            }
        }
        Shape::Integer | Shape::Long => *node = Node::Int(node_to_int(node)?),
        Shape::Boolean => {
            let flag = match node {
                Node::Str(s) => match s.to_lowercase().as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                },
                Node::List(_) | Node::Map(_) => {
                    return Err(ParamError::general(format!(
                        "'{}' object has no attribute 'lower'",
                        python_type(node)
                    )));
                }
                _ => None,
            };
            // Anything else stays a string for the validator to reject.
            if let Some(flag) = flag {
                *node = Node::Bool(flag);
            }
        }
        Shape::String | Shape::Blob | Shape::Timestamp => {}
    }
    Ok(())
}

fn python_type(node: &Node) -> &'static str {
    match node {
        Node::Str(_) => "str",
        Node::Bytes(_) => "bytes",
        Node::List(_) => "list",
        Node::Map(_) => "dict",
        Node::Int(_) => "int",
        Node::Bool(_) => "bool",
    }
}

/// Python `int(value)` as the visitor calls it.
fn node_to_int(node: &Node) -> Result<Number, ParamError> {
    match node {
        Node::Str(s) => py_int(s).map_err(|()| invalid_int(s)),
        Node::Bytes(b) => py_int_bytes(b).map_err(|()| {
            ParamError::general(format!(
                "invalid literal for int() with base 10: {}",
                py::repr_bytes(b)
            ))
        }),
        Node::Int(n) => Ok(n.clone()),
        Node::Bool(b) => Ok(Number::from(u8::from(*b))),
        Node::List(_) | Node::Map(_) => Err(ParamError::general(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            python_type(node)
        ))),
    }
}

fn invalid_int(s: &str) -> ParamError {
    ParamError::general(format!(
        "invalid literal for int() with base 10: {}",
        py::repr_str(s)
    ))
}

/// Python `int(str)`: surrounding whitespace, a sign, ASCII digits with single `_`
/// between them. Beyond 64 bits the value degrades to a float (JSON has no big ints here).
fn py_int(s: &str) -> Result<Number, ()> {
    parse_int_body(py_strip(s))
}

fn py_int_bytes(b: &[u8]) -> Result<Number, ()> {
    let s = std::str::from_utf8(b).map_err(|_| ())?;
    parse_int_body(s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{b}'))
}

fn parse_int_body(s: &str) -> Result<Number, ()> {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let valid = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__");
    if !valid {
        return Err(());
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    let signed = if negative { format!("-{clean}") } else { clean };
    if let Ok(n) = signed.parse::<i64>() {
        return Ok(Number::from(n));
    }
    if let Ok(n) = signed.parse::<u64>() {
        return Ok(Number::from(n));
    }
    signed
        .parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .ok_or(())
}

/// Final conversion; bytes are only acceptable where the model has a blob.
fn node_to_value(node: Node, shape: Option<&Shape>, path: &str) -> Result<Value, ParamError> {
    Ok(match node {
        Node::Str(s) => Value::String(s),
        Node::Int(n) => Value::Number(n),
        Node::Bool(b) => Value::Bool(b),
        Node::Bytes(bytes) => match shape {
            Some(Shape::Blob) => {
                Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
            }
            _ => {
                return Err(ParamError::Bytes {
                    path: path.to_string(),
                    valid_types: shape.unwrap_or(&Shape::String).python_types().to_string(),
                    bytes,
                });
            }
        },
        Node::List(items) => {
            let member = match shape {
                Some(Shape::List(m)) => Some(&**m),
                _ => None,
            };
            Value::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| node_to_value(item, member, &format!("{path}[{i}]")))
                    .collect::<Result<_, _>>()?,
            )
        }
        Node::Map(entries) => {
            let mut map = Map::new();
            for (key, child) in entries {
                let child_shape = match shape {
                    Some(Shape::Structure(members)) => {
                        members.iter().find(|(n, _)| *n == key).map(|(_, s)| s)
                    }
                    Some(Shape::Map(_, v)) => Some(&**v),
                    _ => None,
                };
                let child = node_to_value(child, child_shape, &format!("{path}.{key}"))?;
                map.insert(key, child);
            }
            Value::Object(map)
        }
    })
}

// ---------------------------------------------------------------------------------------
// unpack_cli_arg: values that are not shorthand

/// What a list is unpacked from: a string (loaded from a file), or the option's words.
#[derive(Clone, Copy)]
enum Unpack<'a> {
    Str(&'a str),
    Words(&'a [String]),
}

/// Failures inside unpacking. `Value` is a Python ValueError/TypeError: the list branch
/// catches those and blames its first element; anywhere else they escape unwrapped.
enum Fail {
    Value(String),
    Final(ParamError),
}

impl Fail {
    fn into_top(self) -> ParamError {
        match self {
            Fail::Value(message) => ParamError::general(message),
            Fail::Final(e) => e,
        }
    }
}

/// `_unpack_cli_arg` for one string.
fn unpack(option: &str, shape: &Shape, text: &str) -> Result<Value, Fail> {
    match shape {
        Shape::String | Shape::Blob | Shape::Timestamp => Ok(Value::String(text.to_string())),
        Shape::Integer | Shape::Long => py_int(text).map(Value::Number).map_err(|()| {
            Fail::Value(format!(
                "invalid literal for int() with base 10: {}",
                py::repr_str(text)
            ))
        }),
        Shape::Boolean => Ok(Value::Bool(
            !text.is_empty() && text.to_lowercase() != "false",
        )),
        Shape::Structure(_) | Shape::Map(..) => match first_after_lstrip(text)? {
            '{' => json(option, text),
            _ => Err(Fail::Final(ParamError::parameter(
                option,
                format!("Invalid JSON:\n{text}"),
            ))),
        },
        Shape::List(member) => unpack_list(option, member, Unpack::Str(text)),
    }
}

/// `_unpack_complex_cli_arg` for lists.
fn unpack_list(option: &str, member: &Shape, value: Unpack<'_>) -> Result<Value, Fail> {
    // The elements: the words, or — for a string that came from a file — its characters,
    // since Python iterates a str character by character.
    let elements: Vec<String> = match value {
        Unpack::Str(text) => {
            if first_after_lstrip(text)? == '[' {
                return json(option, text);
            }
            text.chars().map(String::from).collect()
        }
        Unpack::Words(words) => {
            if let [word] = words
                && py_strip(word).starts_with('[')
            {
                return json(option, word);
            }
            words.to_vec()
        }
    };
    let mut out = Vec::with_capacity(elements.len());
    for element in &elements {
        match unpack(option, member, element) {
            Ok(v) => out.push(v),
            Err(Fail::Value(_)) => {
                let first = elements.first().map(String::as_str).unwrap_or_default();
                return Err(Fail::Final(ParamError::parameter(option, first)));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Value::Array(out))
}

/// `value.lstrip()[0]`, whose IndexError on a blank value escapes the CLI unwrapped.
fn first_after_lstrip(text: &str) -> Result<char, Fail> {
    text.trim_start_matches(py::isspace)
        .chars()
        .next()
        .ok_or_else(|| Fail::Final(ParamError::general("string index out of range")))
}

/// `_unpack_json_cli_arg`.
fn json(option: &str, text: &str) -> Result<Value, Fail> {
    pyjson::loads(text).map_err(|e| match e {
        pyjson::JsonError::Decode { .. } => Fail::Final(ParamError::parameter(
            option,
            format!("Invalid JSON: {e}\nJSON received: {text}"),
        )),
        pyjson::JsonError::TooDeep(_) | pyjson::JsonError::NonFinite => {
            Fail::Final(ParamError::general(e.to_string()))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn tags() -> Shape {
        Shape::List(Box::new(Shape::Structure(vec![
            ("Key".into(), Shape::String),
            ("Value".into(), Shape::String),
        ])))
    }

    fn filters() -> Shape {
        Shape::List(Box::new(Shape::Structure(vec![
            ("Key".into(), Shape::String),
            ("Values".into(), Shape::List(Box::new(Shape::String))),
        ])))
    }

    fn rotation_rules() -> Shape {
        Shape::Structure(vec![
            ("AutomaticallyAfterDays".into(), Shape::Long),
            ("Duration".into(), Shape::String),
            ("ScheduleExpression".into(), Shape::String),
        ])
    }

    fn words(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    fn parse(option: &str, ws: &[&str], shape: &Shape) -> Result<Value, ParamError> {
        parse_option_value_with(option, &words(ws), shape, &no_env)
    }

    fn ok(option: &str, ws: &[&str], shape: &Shape) -> Value {
        parse(option, ws, shape).unwrap()
    }

    fn err(option: &str, ws: &[&str], shape: &Shape) -> ParamError {
        parse(option, ws, shape).unwrap_err()
    }

    fn tmpdir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("params-value-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn filters_as_captured() {
        assert_eq!(
            ok(
                "--filters",
                &["Key=name,Values=page", "Key=tag-key,Values=env,team"],
                &filters()
            ),
            json!([{"Key": "name", "Values": ["page"]}, {"Key": "tag-key", "Values": ["env", "team"]}])
        );
        assert_eq!(
            ok("--filters", &["Key=name,Values=[page,MyTest]"], &filters()),
            json!([{"Key": "name", "Values": ["page", "MyTest"]}])
        );
    }

    #[test]
    fn rotation_rules_as_captured() {
        assert_eq!(
            ok(
                "--rotation-rules",
                &[
                    "AutomaticallyAfterDays=30,Duration=2h,ScheduleExpression=\"cron(0 16 1,15 * ? *)\""
                ],
                &rotation_rules()
            ),
            json!({"AutomaticallyAfterDays": 30, "Duration": "2h", "ScheduleExpression": "cron(0 16 1,15 * ? *)"})
        );
        assert_eq!(
            ok(
                "--rotation-rules",
                &["ScheduleExpression=rate(10 days)"],
                &rotation_rules()
            ),
            json!({"ScheduleExpression": "rate(10 days)"})
        );
    }

    #[test]
    fn tags_as_captured() {
        for w in ["Key=a,Value=x\\,y", "Key=a,Value='x,y'"] {
            assert_eq!(
                ok("--tags", &[w], &tags()),
                json!([{"Key": "a", "Value": "x,y"}])
            );
        }
        assert_eq!(
            ok("--tags", &["Key=a,Value="], &tags()),
            json!([{"Key": "a", "Value": ""}])
        );
        assert_eq!(
            ok("--tags", &["[{\"Key\":\"a\",\"Value\":\"b\"}]"], &tags()),
            json!([{"Key": "a", "Value": "b"}])
        );
        assert_eq!(
            ok("--tags", &["{\"Key\":\"a\",\"Value\":\"b\"}"], &tags()),
            json!([{"Key": "a", "Value": "b"}])
        );
        // Left for the validator: Key is a list.
        assert_eq!(
            ok("--tags", &["Key=a,Value"], &tags()),
            json!([{"Key": ["a", "Value"]}])
        );
    }

    #[test]
    fn shorthand_errors_are_prefixed() {
        let e = err("--tags", &["Key"], &tags());
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--tags': Expected: '=', received: 'EOF' for input:\n Key\n   ^"
        );
        assert!(e.is_validation());
        let e = err("--tags", &["Key=a,Value=b,Key=c"], &tags());
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--tags': Second instance of key \"Key\" encountered for input:\nKey=a,Value=b,Key=c\n              ^\nThis is often because there is a preceding \",\" instead of a space."
        );
    }

    #[test]
    fn invalid_json_text() {
        let e = err("--tags", &["[{\"Key\":\"a\",\"Value\":}]"], &tags());
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--tags': Invalid JSON: Expecting value: line 1 column 21 (char 20)\nJSON received: [{\"Key\":\"a\",\"Value\":}]"
        );
        assert!(e.is_validation());
        let e = err("--rotation-rules", &["{bad"], &rotation_rules());
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--rotation-rules': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\nJSON received: {bad"
        );
        // A structure given a JSON list is not even tried.
        let e = err("--rotation-rules", &["[1]"], &rotation_rules());
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--rotation-rules': Invalid JSON:\n[1]"
        );
        // Once the first word is JSON, every word must be a JSON object.
        let e = err("--tags", &["{\"Key\":\"a\"}", "Key=b"], &tags());
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--tags': Invalid JSON:\nKey=b"
        );
        // …and once it is shorthand, every word is shorthand.
        let e = err("--tags", &["Key=b", "{\"Key\":\"a\"}"], &tags());
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--tags': Expected: '=', received: '{' for input:\n {\"Key\":\"a\"}\n^"
        );
    }

    #[test]
    fn json_keeps_member_order_and_types() {
        let v = ok(
            "--rotation-rules",
            &["  {\"ScheduleExpression\": \"rate(1 day)\", \"AutomaticallyAfterDays\": \"7\"}"],
            &rotation_rules(),
        );
        // No shorthand-style conversion for JSON: "7" stays a string.
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"ScheduleExpression":"rate(1 day)","AutomaticallyAfterDays":"7"}"#
        );
    }

    #[test]
    fn back_compat_conversions() {
        let shape = Shape::Structure(vec![
            ("N".into(), Shape::Integer),
            ("B".into(), Shape::Boolean),
            ("L".into(), Shape::List(Box::new(Shape::Integer))),
            (
                "M".into(),
                Shape::Map(Box::new(Shape::String), Box::new(Shape::Long)),
            ),
            (
                "S".into(),
                Shape::Structure(vec![("X".into(), Shape::Boolean)]),
            ),
        ]);
        assert_eq!(
            ok(
                "--x",
                &["N= 42 ,B=TRUE,L=[1,2],M={a=3},S={X=false},Other=7"],
                &shape
            ),
            json!({"N": 42, "B": true, "L": [1, 2], "M": {"a": 3}, "S": {"X": false}, "Other": "7"})
        );
        // A scalar for a list member is wrapped (and then not converted further).
        assert_eq!(ok("--x", &["L=5"], &shape), json!({"L": ["5"]}));
        // Booleans other than true/false stay strings for the validator.
        assert_eq!(ok("--x", &["B=yes"], &shape), json!({"B": "yes"}));
        assert_eq!(ok("--x", &["N=-1_000"], &shape), json!({"N": -1000}));
    }

    #[test]
    fn back_compat_failures_are_general_errors() {
        let e = err(
            "--rotation-rules",
            &["AutomaticallyAfterDays=abc"],
            &rotation_rules(),
        );
        assert_eq!(
            e.to_string(),
            "invalid literal for int() with base 10: 'abc'"
        );
        assert!(!e.is_validation());
        let e = err(
            "--rotation-rules",
            &["AutomaticallyAfterDays=1,2"],
            &rotation_rules(),
        );
        assert_eq!(
            e.to_string(),
            "int() argument must be a string, a bytes-like object or a real number, not 'list'"
        );
        let e = err(
            "--rotation-rules",
            &["AutomaticallyAfterDays="],
            &rotation_rules(),
        );
        assert_eq!(e.to_string(), "invalid literal for int() with base 10: ''");
        let shape = Shape::Structure(vec![("B".into(), Shape::Boolean)]);
        let e = err("--x", &["B=[a]"], &shape);
        assert_eq!(e.to_string(), "'list' object has no attribute 'lower'");
    }

    #[test]
    fn list_of_scalars() {
        let keys = Shape::List(Box::new(Shape::String));
        assert_eq!(
            ok("--tag-keys", &["owner", "team"], &keys),
            json!(["owner", "team"])
        );
        assert_eq!(ok("--tag-keys", &["a,b"], &keys), json!(["a,b"]));
        assert_eq!(
            ok("--tag-keys", &["[\"a\",\"b\"]"], &keys),
            json!(["a", "b"])
        );
        assert_eq!(ok("--tag-keys", &[" [\"a\"] "], &keys), json!(["a"]));
        // Only a single word is sniffed for JSON.
        assert_eq!(ok("--tag-keys", &["[x", "y"], &keys), json!(["[x", "y"]));
        assert_eq!(ok("--tag-keys", &[], &keys), json!([]));
        let e = err("--tag-keys", &["[x"], &keys);
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--tag-keys': Invalid JSON: Expecting value: line 1 column 2 (char 1)\nJSON received: [x"
        );
        let ints = Shape::List(Box::new(Shape::Integer));
        assert_eq!(ok("--n", &["1", "2"], &ints), json!([1, 2]));
        // A failed int() in a list blames the first word.
        let e = err("--n", &["1", "x"], &ints);
        assert_eq!(e.to_string(), "Error parsing parameter '--n': 1");
    }

    #[test]
    fn scalars() {
        assert_eq!(
            ok("--secret-string", &[" a,b=c "], &Shape::String),
            json!(" a,b=c ")
        );
        assert_eq!(ok("--max-results", &["10"], &Shape::Integer), json!(10));
        let e = err("--max-results", &["abc"], &Shape::Integer);
        assert_eq!(
            e.to_string(),
            "invalid literal for int() with base 10: 'abc'"
        );
        assert!(!e.is_validation());
        assert_eq!(ok("--flag", &["False"], &Shape::Boolean), json!(false));
        assert_eq!(ok("--flag", &["no"], &Shape::Boolean), json!(true));
        assert_eq!(ok("--flag", &[""], &Shape::Boolean), json!(false));
        assert_eq!(
            ok("--secret-binary", &["aGk="], &Shape::Blob),
            json!("aGk=")
        );
        let e = err("--secret-string", &[], &Shape::String);
        assert_eq!(
            e.to_string(),
            "argument --secret-string: expected one argument"
        );
    }

    #[test]
    fn file_values() {
        let dir = tmpdir("files");
        std::fs::write(dir.join("s.txt"), "pass\r\n").unwrap();
        std::fs::write(
            dir.join("tags.json"),
            "[{\"Key\": \"k\", \"Value\": \"v\"}]\n",
        )
        .unwrap();
        std::fs::write(dir.join("rules.txt"), "AutomaticallyAfterDays=7\n").unwrap();
        std::fs::write(dir.join("tag.txt"), "Key=k,Value=v").unwrap();
        std::fs::write(dir.join("blob.bin"), b"\x00\xffhi").unwrap();
        std::fs::write(dir.join("n.txt"), "12\n").unwrap();
        let d = dir.display().to_string();
        let env = move |n: &str| (n == "D").then(|| d.clone());
        let run = |option: &str, word: &str, shape: &Shape| {
            parse_option_value_with(option, &[word.to_string()], shape, &env)
        };
        assert_eq!(
            run("--secret-string", "file://$D/s.txt", &Shape::String).unwrap(),
            json!("pass\n")
        );
        assert_eq!(
            run("--tags", "file://$D/tags.json", &tags()).unwrap(),
            json!([{"Key": "k", "Value": "v"}])
        );
        assert_eq!(
            run("--rotation-rules", "file://$D/rules.txt", &rotation_rules()).unwrap(),
            json!({"AutomaticallyAfterDays": 7})
        );
        // A shorthand file for a list option stays one object, as in the CLI.
        assert_eq!(
            run("--tags", "file://$D/tag.txt", &tags()).unwrap(),
            json!({"Key": "k", "Value": "v"})
        );
        // A file for a list of strings is iterated character by character, as in the CLI.
        let keys = Shape::List(Box::new(Shape::String));
        assert_eq!(
            run("--tag-keys", "file://$D/n.txt", &keys).unwrap(),
            json!(["1", "2", "\n"])
        );
        assert_eq!(
            run("--max-results", "file://$D/n.txt", &Shape::Integer).unwrap(),
            json!(12)
        );
        assert_eq!(
            run("--max-results", "fileb://$D/n.txt", &Shape::Integer).unwrap(),
            json!(12)
        );
        assert_eq!(
            run("--secret-binary", "fileb://$D/blob.bin", &Shape::Blob).unwrap(),
            json!("AP9oaQ==")
        );
        assert_eq!(
            run("--secret-binary", "file://$D/n.txt", &Shape::Blob).unwrap(),
            json!("12\n")
        );

        let e = run("--secret-string", "fileb://$D/s.txt", &Shape::String).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Invalid type for parameter SecretString, value: b'pass\\r\\n', type: <class 'bytes'>, valid types: <class 'str'>"
        );
        assert!(e.is_validation());
        let e = run("--tags", "Key=k,Value@=fileb://$D/blob.bin", &tags()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Invalid type for parameter Tags[0].Value, value: b'\\x00\\xffhi', type: <class 'bytes'>, valid types: <class 'str'>"
        );
        assert_eq!(
            run("--tags", "Key=k,Value@=file://$D/s.txt", &tags()).unwrap(),
            json!([{"Key": "k", "Value": "pass\n"}])
        );
        let e = run("--tags", "Key=k,Value@=file://nonexistent.txt", &tags()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Unable to load paramfile file://nonexistent.txt: [Errno 2] No such file or directory: 'nonexistent.txt'"
        );
        assert!(!e.is_validation());
    }

    #[test]
    fn missing_file_is_a_parameter_error() {
        let e = err(
            "--secret-string",
            &["file://nonexistent.txt"],
            &Shape::String,
        );
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--secret-string': Unable to load paramfile file://nonexistent.txt: [Errno 2] No such file or directory: 'nonexistent.txt'"
        );
        // A list option is only checked for a prefix when it has a single word.
        let keys = Shape::List(Box::new(Shape::String));
        assert_eq!(
            ok("--tag-keys", &["file://nonexistent.txt", "x"], &keys),
            json!(["file://nonexistent.txt", "x"])
        );
    }

    #[test]
    fn member_names() {
        assert_eq!(member_name("--secret-string"), "SecretString");
        assert_eq!(member_name("--tags"), "Tags");
        assert_eq!(member_name("--add-replica-regions"), "AddReplicaRegions");
    }

    #[test]
    fn python_int_rules() {
        let n = |s: &str| py_int(s).ok().map(Value::Number);
        assert_eq!(n(" 42\n"), Some(json!(42)));
        assert_eq!(n("+7"), Some(json!(7)));
        assert_eq!(n("1_000"), Some(json!(1000)));
        assert_eq!(
            n("18446744073709551615"),
            Some(json!(18446744073709551615u64))
        );
        for bad in ["", " ", "_1", "1_", "1__0", "1.0", "0x10", "- 1", "١"] {
            assert_eq!(n(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(ws in proptest::collection::vec(".*", 0..3)) {
            for shape in [tags(), filters(), rotation_rules(), Shape::List(Box::new(Shape::String)),
                          Shape::Integer, Shape::Boolean, Shape::Blob, Shape::String] {
                let _ = parse_option_value_with("--x", &ws, &shape, &no_env);
            }
        }

        #[test]
        fn never_panics_on_syntax_chars(w in "[\\[\\]{}\"',=: a-z0-9\\\\@]{0,30}") {
            for shape in [tags(), filters(), rotation_rules(), Shape::List(Box::new(Shape::Integer))] {
                let _ = parse_option_value_with("--x", std::slice::from_ref(&w), &shape, &no_env);
            }
        }

        #[test]
        fn tag_round_trips(k in "[A-Za-z0-9]{1,20}", v in "[A-Za-z0-9]{1,20}") {
            let got = parse_option_value_with("--tags", &[format!("Key={k},Value={v}")], &tags(), &no_env).unwrap();
            prop_assert_eq!(got, json!([{"Key": k, "Value": v}]));
        }
    }
}

//! AWS shorthand syntax (`Key=a,Value=b`): a port of aws-cli v2's purely syntactic `ShorthandParser` (awscli/shorthand.py), with `@=` values loaded through `super::paramfile`.
//!
//! Positions are counted in `char`s because the Python parser indexes code points and the
//! caret under the input in error texts depends on it. The model-aware post-processing
//! (`BackCompatVisitor`) lives in `super::value`.

use serde_json::{Map, Value};

use super::paramfile::{self, ParamFile, ParamFileError};
use crate::render::py;

/// A parse failure, displayed exactly as the CLI prints it after
/// `Error parsing parameter '--x': ` (AWS CLI v2 wording).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShorthandError {
    /// `ShorthandParseSyntaxError`. v2 puts one space before the echoed input, but not
    /// before the caret line, so the caret sits one column left of the echoed character.
    #[error("Expected: '{expected}', received: '{actual}' for input:\n {}", error_location(.input, *.index))]
    Syntax {
        input: String,
        expected: String,
        actual: String,
        /// Char index of the failure in `input`.
        index: usize,
    },
    /// `DuplicateKeyInObjectError`, only raised for top-level keys of a word.
    #[error(
        "Second instance of key \"{key}\" encountered for input:\n{}\nThis is often because there is a preceding \",\" instead of a space.",
        error_location(.input, *.index)
    )]
    DuplicateKey {
        input: String,
        key: String,
        index: usize,
    },
    /// A `key@=file://…` that could not be loaded. Not a shorthand error in the CLI: it
    /// escapes the shorthand handler and is printed without the parameter prefix.
    #[error(transparent)]
    ParamFile(#[from] ParamFileError),
    /// Python's `RecursionError` on absurdly deep `[`/`{` nesting; also unprefixed.
    #[error("maximum recursion depth exceeded")]
    TooDeep,
}

/// The input echoed with a caret under `index`; with newlines, only the line holding the
/// failure gets the caret (shorthand.py `_error_location`).
fn error_location(input: &str, index: usize) -> String {
    let chars: Vec<char> = input.chars().collect();
    let index = index.min(chars.len());
    let before = &chars[..index];
    let num_spaces = match before.iter().rposition(|&c| c == '\n') {
        Some(nl) => index - nl - 1,
        None => index,
    };
    let (consumed, remaining): (String, String) =
        match chars[index..].iter().position(|&c| c == '\n') {
            Some(off) => (
                chars[..index + off].iter().collect(),
                chars[index + off..].iter().collect(),
            ),
            None => (input.to_string(), String::new()),
        };
    format!("{consumed}\n{}^{remaining}", " ".repeat(num_spaces))
}

/// What the parser builds: Python's str / bytes / list / dict, plus the int and bool the
/// model-aware layer converts strings into. Maps keep insertion order like Python dicts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Str(String),
    /// `key@=fileb://…` content.
    Bytes(Vec<u8>),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
    Int(serde_json::Number),
    Bool(bool),
}

impl Node {
    /// Python's `dict[key] = value`: a new key goes last, an existing one keeps its place.
    pub(crate) fn insert(entries: &mut Vec<(String, Node)>, key: String, value: Node) {
        match entries.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => entries.push((key, value)),
        }
    }

    /// Shape-less conversion: `fileb://` bytes become their standard base64 text, the form
    /// a blob takes in a JSON request (`super::value` instead checks them against the model).
    fn into_value(self) -> Value {
        use base64::Engine;
        match self {
            Node::Str(s) => Value::String(s),
            Node::Bytes(b) => Value::String(base64::engine::general_purpose::STANDARD.encode(b)),
            Node::List(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::Map(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, v.into_value()))
                    .collect(),
            ),
            Node::Int(n) => Value::Number(n),
            Node::Bool(b) => Value::Bool(b),
        }
    }
}

/// Parses one shorthand word like `Key=a,Value=b` or `Key=name,Values=a,b` or
/// `AutomaticallyAfterDays=30,ScheduleExpression="cron(0 16 1,15 * ? *)"` into a JSON
/// object (values are strings, lists of strings, or nested objects, exactly as
/// ShorthandParser returns them — no type conversion here). `key@=file://…` values are
/// loaded using the process environment for path expansion; `fileb://` bytes come back as
/// base64 text.
pub fn parse(input: &str) -> Result<Map<String, Value>, ShorthandError> {
    parse_with(input, &paramfile::process_env)
}

/// [`parse`] with an explicit environment lookup for `@=` path expansion.
pub fn parse_with(
    input: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Map<String, Value>, ShorthandError> {
    Ok(parse_nodes(input, env)?
        .into_iter()
        .map(|(k, v)| (k, v.into_value()))
        .collect())
}

/// The parser proper, keeping bytes as bytes for the model-aware layer.
pub(crate) fn parse_nodes(
    input: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<(String, Node)>, ShorthandError> {
    let mut parser = Parser {
        input,
        chars: input.chars().collect(),
        index: 0,
        resolve_paramfiles: false,
        depth: 0,
        env,
    };
    parser.parameter()
}

/// Python's default recursion limit is 1000 frames and every nesting level costs two
/// (`_explicit_list` → `_explicit_values`), less what the CLI itself has on the stack.
const MAX_DEPTH: usize = 480;

/// `string.whitespace`, what `_consume_whitespace` skips (ASCII only, unlike regex `\s`).
fn is_ascii_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

/// `_START_WORD`: what may begin an unquoted value. Excludes controls, space, `"`, `'`,
/// `,`, `=`, `[`, `{` and everything beyond U+FFFF.
fn is_start_char(c: char) -> bool {
    matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='<' | '>'..='Z' | '\\'..='z' | '|'..='\u{ffff}')
}

/// `_FIRST_FOLLOW_CHARS`: the rest of a first value. Like the start set plus whitespace,
/// `=`, `[` and `{`, but without `]` and `}` (which close explicit lists / hashes).
fn is_first_follow_char(c: char) -> bool {
    py::isspace(c)
        || matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='\\' | '^'..='|' | '~'..='\u{ffff}')
}

/// `_SECOND_FOLLOW_CHARS`: the rest of a later csv value; stops at `=` so that `name=`
/// after a comma can be recognised as the next key.
fn is_second_follow_char(c: char) -> bool {
    py::isspace(c) || matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='<' | '>'..='\u{ffff}')
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

struct Parser<'a> {
    input: &'a str,
    chars: Vec<char>,
    index: usize,
    /// shorthand.py keeps this on the instance: set per key, and a nested `{…}` leaves its
    /// last key's setting behind for the rest of an enclosing explicit list.
    resolve_paramfiles: bool,
    depth: usize,
    env: &'a dyn Fn(&str) -> Option<String>,
}

type Res<T> = Result<T, ShorthandError>;

impl Parser<'_> {
    fn current(&self) -> Option<char> {
        self.chars.get(self.index).copied()
    }

    fn at_eof(&self) -> bool {
        self.index >= self.chars.len()
    }

    fn syntax(&self, expected: &str, actual: String) -> ShorthandError {
        ShorthandError::Syntax {
            input: self.input.to_string(),
            expected: expected.to_string(),
            actual,
            index: self.index,
        }
    }

    // parameter = keyval *("," keyval)
    fn parameter(&mut self) -> Res<Vec<(String, Node)>> {
        let mut params = Vec::new();
        let (key, value) = self.keyval()?;
        params.push((key, value));
        let mut last_index = self.index;
        while !self.at_eof() {
            self.expect(',', true)?;
            let (key, value) = self.keyval()?;
            if params.iter().any(|(k, _)| *k == key) {
                return Err(ShorthandError::DuplicateKey {
                    input: self.input.to_string(),
                    key,
                    index: last_index + 1,
                });
            }
            params.push((key, value));
            last_index = self.index;
        }
        Ok(params)
    }

    // keyval = key "=" [values] / key "@=" [file-optional-values]
    fn keyval(&mut self) -> Res<(String, Node)> {
        let key = self.key();
        self.assignment()?;
        let values = self.values()?;
        Ok((key, values))
    }

    /// `=` or `@=`. The `@` is tried first and a miss is swallowed, so a missing `=` is
    /// reported as "Expected: '='".
    fn assignment(&mut self) -> Res<()> {
        self.resolve_paramfiles = self.expect('@', true).is_ok();
        self.expect('=', true)
    }

    fn key(&mut self) -> String {
        let start = self.index;
        while self.current().is_some_and(is_key_char) {
            self.index += 1;
        }
        self.chars[start..self.index].iter().collect()
    }

    // values = csv-list / explicit-list / hash-literal
    fn values(&mut self) -> Res<Node> {
        match self.current() {
            None => Ok(Node::Str(String::new())),
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            Some(_) => self.csv_value(),
        }
    }

    /// `foo=bar` → "bar", `foo=bar,baz` → ["bar", "baz"]; a later value followed by `=`
    /// is really the next key, so the parser backtracks to the comma before it.
    fn csv_value(&mut self) -> Res<Node> {
        let first = self.first_value()?;
        self.consume_whitespace();
        if self.current() != Some(',') {
            return Ok(first);
        }
        self.expect(',', true)?;
        let mut list = vec![first];
        loop {
            match self.csv_item() {
                Ok((value, last)) => {
                    list.push(value);
                    if last {
                        break;
                    }
                }
                Err(e @ ShorthandError::Syntax { .. }) => {
                    if self.at_eof() {
                        return Err(e);
                    }
                    self.backtrack_to(',');
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if list.len() == 1 {
            return Ok(list.swap_remove(0));
        }
        Ok(Node::List(list))
    }

    /// One later csv value and its delimiter; `true` when it ended the input.
    fn csv_item(&mut self) -> Res<(Node, bool)> {
        let value = self.second_value()?;
        self.consume_whitespace();
        if self.at_eof() {
            return Ok((value, true));
        }
        self.expect(',', true)?;
        Ok((value, false))
    }

    fn backtrack_to(&mut self, c: char) {
        // A comma was always consumed before the failed value, so this finds one.
        while self.index > 0 && self.chars.get(self.index) != Some(&c) {
            self.index -= 1;
        }
    }

    fn value(&mut self) -> Res<Node> {
        match self.match_word(is_first_follow_char) {
            Some(raw) => self.finish_unquoted(&raw),
            None => Ok(Node::Str(String::new())),
        }
    }

    // explicit-list = "[" [value *("," value)] "]"
    fn explicit_list(&mut self) -> Res<Node> {
        self.enter()?;
        self.expect('[', true)?;
        let mut values = Vec::new();
        while self.current() != Some(']') {
            values.push(self.explicit_values()?);
            self.consume_whitespace();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
        }
        self.expect(']', false)?;
        self.depth -= 1;
        Ok(Node::List(values))
    }

    fn explicit_values(&mut self) -> Res<Node> {
        match self.current() {
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            _ => self.first_value(),
        }
    }

    fn hash_literal(&mut self) -> Res<Node> {
        self.enter()?;
        self.expect('{', true)?;
        let mut entries = Vec::new();
        while self.current() != Some('}') {
            let key = self.key();
            self.assignment()?;
            let value = self.explicit_values()?;
            self.consume_whitespace();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
            // Unlike top-level keys, a repeated key inside {…} silently wins.
            Node::insert(&mut entries, key, value);
        }
        self.expect('}', false)?;
        self.depth -= 1;
        Ok(Node::Map(entries))
    }

    fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ShorthandError::TooDeep);
        }
        Ok(())
    }

    // first-value = value / single-quoted-val / double-quoted-val
    fn first_value(&mut self) -> Res<Node> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => self.value(),
        }
    }

    fn second_value(&mut self) -> Res<Node> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => match self.match_word(is_second_follow_char) {
                Some(raw) => self.finish_unquoted(&raw),
                None => Err(self.syntax("<second>", "<none>".to_string())),
            },
        }
    }

    /// `\,` is a literal comma; trailing whitespace is not part of the value.
    fn finish_unquoted(&self, raw: &str) -> Res<Node> {
        let value = raw.replace("\\,", ",");
        let value = value.trim_end_matches(py::isspace);
        self.resolve(value.to_string())
    }

    /// The `first`/`second` regexes: `(\\,|[start])(\\,|[follow])*`, matched greedily at
    /// the current index. Nothing follows the repetition, so greedy is also final.
    fn match_word(&mut self, follow: fn(char) -> bool) -> Option<String> {
        let start = self.index;
        let mut i = start;
        let mut first = true;
        while let Some(&c) = self.chars.get(i) {
            if c == '\\' && self.chars.get(i + 1) == Some(&',') {
                i += 2;
            } else if (first && is_start_char(c)) || (!first && follow(c)) {
                i += 1;
            } else {
                break;
            }
            first = false;
        }
        if i == start {
            return None;
        }
        self.index = i;
        Some(self.chars[start..i].iter().collect())
    }

    /// `'(?:\\'|[^'])*'` (and the `"` twin), matched like Python's backtracking engine:
    /// the first unescaped closing quote ends the value; without one, the quote of the last
    /// `\'` pair does. Then `\'` → `'` and `\\` → `\`.
    fn quoted(&mut self, q: char) -> Res<Node> {
        let open = self.index;
        let mut i = open + 1;
        let mut last_escaped_quote = None;
        let close = loop {
            match self.chars.get(i) {
                None => match last_escaped_quote {
                    Some(pos) => break pos,
                    None => {
                        let name = if q == '\'' {
                            "<singled quoted>"
                        } else {
                            "<double quoted>"
                        };
                        return Err(self.syntax(name, "<none>".to_string()));
                    }
                },
                Some(&'\\') if self.chars.get(i + 1) == Some(&q) => {
                    last_escaped_quote = Some(i + 1);
                    i += 2;
                }
                Some(&c) if c == q => break i,
                Some(_) => i += 1,
            }
        };
        self.index = close + 1;
        let inner: String = self.chars[open + 1..close].iter().collect();
        let value = inner
            .replace(&format!("\\{q}"), &q.to_string())
            .replace("\\\\", "\\");
        self.resolve(value)
    }

    /// After `key@=`, a value with a `file://`/`fileb://` prefix is replaced by the file.
    fn resolve(&self, value: String) -> Res<Node> {
        if !self.resolve_paramfiles {
            return Ok(Node::Str(value));
        }
        Ok(match paramfile::load(&value, self.env)? {
            Some(ParamFile::Text(text)) => Node::Str(text),
            Some(ParamFile::Bytes(bytes)) => Node::Bytes(bytes),
            None => Node::Str(value),
        })
    }

    fn expect(&mut self, c: char, consume_whitespace: bool) -> Res<()> {
        if consume_whitespace {
            self.consume_whitespace();
        }
        match self.current() {
            None => return Err(self.syntax(&c.to_string(), "EOF".to_string())),
            Some(actual) if actual != c => {
                return Err(self.syntax(&c.to_string(), actual.to_string()));
            }
            Some(_) => self.index += 1,
        }
        if consume_whitespace {
            self.consume_whitespace();
        }
        Ok(())
    }

    fn consume_whitespace(&mut self) {
        while self.current().is_some_and(is_ascii_ws) {
            self.index += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn p(input: &str) -> Value {
        Value::Object(parse_with(input, &no_env).unwrap())
    }

    fn err(input: &str) -> String {
        parse_with(input, &no_env).unwrap_err().to_string()
    }

    #[test]
    fn key_value_pairs() {
        assert_eq!(p("Key=a,Value=b"), json!({"Key": "a", "Value": "b"}));
        assert_eq!(p("a=b"), json!({"a": "b"}));
        assert_eq!(p("a=b,c"), json!({"a": ["b", "c"]}));
    }

    #[test]
    fn order_is_kept() {
        let got = parse_with("Z=1,A=2,M=3", &no_env).unwrap();
        assert_eq!(got.keys().collect::<Vec<_>>(), ["Z", "A", "M"]);
    }

    #[test]
    fn filters_csv_values_with_backtracking() {
        assert_eq!(
            p("Key=name,Values=page"),
            json!({"Key": "name", "Values": "page"})
        );
        assert_eq!(
            p("Key=tag-key,Values=env,team"),
            json!({"Key": "tag-key", "Values": ["env", "team"]})
        );
        assert_eq!(
            p("Values=a,b,Key=c"),
            json!({"Values": ["a", "b"], "Key": "c"})
        );
        assert_eq!(
            p("foo=a,b,c=d,e=f"),
            json!({"foo": ["a", "b"], "c": "d", "e": "f"})
        );
    }

    #[test]
    fn explicit_lists() {
        assert_eq!(
            p("Key=name,Values=[page,MyTest]"),
            json!({"Key": "name", "Values": ["page", "MyTest"]})
        );
        assert_eq!(p("a=[]"), json!({"a": []}));
        assert_eq!(p("a=[ x , y ]"), json!({"a": ["x", "y"]}));
        assert_eq!(p("a=[[x],{b=c}]"), json!({"a": [["x"], {"b": "c"}]}));
        assert_eq!(p("a=['x,y',\"z]\"]"), json!({"a": ["x,y", "z]"]}));
        assert_eq!(p("a=[x],b=y"), json!({"a": ["x"], "b": "y"}));
    }

    #[test]
    fn hash_literals() {
        assert_eq!(p("a={b=c,d=e}"), json!({"a": {"b": "c", "d": "e"}}));
        assert_eq!(p("a={b=[x,y]}"), json!({"a": {"b": ["x", "y"]}}));
        assert_eq!(p("a={b={c=d}}"), json!({"a": {"b": {"c": "d"}}}));
        assert_eq!(p("a={}"), json!({"a": {}}));
        // `}` may start a value, so an empty value cannot end a hash.
        assert_eq!(
            err("a={b=}"),
            "Expected: ',', received: 'EOF' for input:\n a={b=}\n      ^"
        );
        assert_eq!(p("a={b=,c=d}"), json!({"a": {"b": "", "c": "d"}}));
        // Repeats inside {…} are not an error; the later value wins in the first place.
        assert_eq!(p("a={b=1,c=2,b=3}"), json!({"a": {"b": "3", "c": "2"}}));
    }

    #[test]
    fn rotation_rules() {
        assert_eq!(
            p("AutomaticallyAfterDays=30,Duration=2h,ScheduleExpression=\"cron(0 16 1,15 * ? *)\""),
            json!({"AutomaticallyAfterDays": "30", "Duration": "2h", "ScheduleExpression": "cron(0 16 1,15 * ? *)"})
        );
        assert_eq!(
            p("ScheduleExpression=rate(10 days)"),
            json!({"ScheduleExpression": "rate(10 days)"})
        );
    }

    #[test]
    fn tags_escaped_and_quoted_commas_and_empty_value() {
        assert_eq!(p("Key=a,Value=x\\,y"), json!({"Key": "a", "Value": "x,y"}));
        assert_eq!(p("Key=a,Value='x,y'"), json!({"Key": "a", "Value": "x,y"}));
        assert_eq!(
            p("Key=a,Value=\"x,y\""),
            json!({"Key": "a", "Value": "x,y"})
        );
        assert_eq!(p("Key=a,Value="), json!({"Key": "a", "Value": ""}));
        assert_eq!(p("Key=,Value=b"), json!({"Key": "", "Value": "b"}));
    }

    #[test]
    fn trailing_key_without_equals_joins_the_list() {
        // The validator later rejects Key for being a list.
        assert_eq!(p("Key=a,Value"), json!({"Key": ["a", "Value"]}));
    }

    #[test]
    fn quote_escapes() {
        assert_eq!(p(r"a='it\'s'"), json!({"a": "it's"}));
        assert_eq!(p(r#"a="say \"hi\"""#), json!({"a": "say \"hi\""}));
        assert_eq!(p(r"a='back\\slash'"), json!({"a": "back\\slash"}));
        assert_eq!(p(r#"a="it's""#), json!({"a": "it's"}));
        // No real closing quote: the quote of the last \' pair closes the value.
        assert_eq!(p(r"a='x\'"), json!({"a": "x\\"}));
        assert_eq!(p(r"a='x\'y\'"), json!({"a": "x'y\\"}));
    }

    #[test]
    fn whitespace_handling() {
        assert_eq!(p("a = b , c = d"), json!({"a": "b", "c": "d"}));
        assert_eq!(p("a=b  "), json!({"a": "b"}));
        assert_eq!(p("a=x y"), json!({"a": "x y"}));
        assert_eq!(p("a= "), json!({"a": ""}));
        assert_eq!(p("a=b, c ,d=e"), json!({"a": ["b", "c"], "d": "e"}));
    }

    #[test]
    fn key_characters() {
        assert_eq!(p("aws:tag/x-y_z.#1=v"), json!({"aws:tag/x-y_z.#1": "v"}));
    }

    #[test]
    fn value_characters() {
        assert_eq!(p("a=b=c"), json!({"a": "b=c"}));
        // `]` ends a first value (it closes explicit lists), leaving a stray character.
        assert_eq!(
            err("a=x[y]{z}"),
            "Expected: ',', received: ']' for input:\n a=x[y]{z}\n     ^"
        );
        assert_eq!(p("a=héllo wörld"), json!({"a": "héllo wörld"}));
        assert_eq!(p("a=back\\slash"), json!({"a": "back\\slash"}));
    }

    #[test]
    fn eof_error_text_v2() {
        assert_eq!(
            err("Key"),
            "Expected: '=', received: 'EOF' for input:\n Key\n   ^"
        );
    }

    #[test]
    fn duplicate_key_error_text() {
        assert_eq!(
            err("Key=a,Value=b,Key=c"),
            "Second instance of key \"Key\" encountered for input:\nKey=a,Value=b,Key=c\n              ^\nThis is often because there is a preceding \",\" instead of a space."
        );
    }

    #[test]
    fn other_syntax_errors() {
        assert_eq!(
            err("a=b,c==d"),
            "Expected: ',', received: '=' for input:\n a=b,c==d\n      ^"
        );
        assert_eq!(
            err("a=b,"),
            "Expected: '<second>', received: '<none>' for input:\n a=b,\n    ^"
        );
        assert_eq!(
            err("a='x"),
            "Expected: '<singled quoted>', received: '<none>' for input:\n a='x\n  ^"
        );
        assert_eq!(
            err("a=\"x"),
            "Expected: '<double quoted>', received: '<none>' for input:\n a=\"x\n  ^"
        );
        assert_eq!(
            err("a=[x"),
            "Expected: ',', received: 'EOF' for input:\n a=[x\n    ^"
        );
        assert_eq!(
            err("{\"Key\":\"a\"}"),
            "Expected: '=', received: '{' for input:\n {\"Key\":\"a\"}\n^"
        );
        assert_eq!(err(""), "Expected: '=', received: 'EOF' for input:\n \n^");
    }

    #[test]
    fn error_location_with_newlines() {
        assert_eq!(
            err("a=b,\nc==d"),
            "Expected: ',', received: '=' for input:\n a=b,\nc==d\n  ^"
        );
        assert_eq!(
            err("a==b,\nc=d"),
            "Expected: ',', received: '=' for input:\n a==b,\n  ^\nc=d"
        );
    }

    #[test]
    fn at_equals_loads_files() {
        let dir = std::env::temp_dir().join(format!("params-shorthand-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("v.txt"), "line1\r\nline2\n").unwrap();
        std::fs::write(dir.join("v.bin"), b"\x00\x01").unwrap();
        let d = dir.display().to_string();
        let env = move |n: &str| (n == "D").then(|| d.clone());
        let got = parse_with("Key=k,Value@=file://$D/v.txt", &env).unwrap();
        assert_eq!(
            Value::Object(got),
            json!({"Key": "k", "Value": "line1\nline2\n"})
        );
        // Without the @ the value is taken literally.
        let got = parse_with("Value=file://$D/v.txt", &env).unwrap();
        assert_eq!(Value::Object(got), json!({"Value": "file://$D/v.txt"}));
        let got = parse_nodes("V@=fileb://$D/v.bin", &env).unwrap();
        assert_eq!(got, vec![("V".to_string(), Node::Bytes(vec![0, 1]))]);
        let got = parse_with("V@=fileb://$D/v.bin", &env).unwrap();
        assert_eq!(Value::Object(got), json!({"V": "AAE="}));
        let got = parse_with("V @= ['file://$D/v.txt',plain]", &env).unwrap();
        assert_eq!(
            Value::Object(got),
            json!({"V": ["line1\nline2\n", "plain"]})
        );
        let got = parse_with("V@={a@=file://$D/v.txt,b=file://x}", &env).unwrap();
        assert_eq!(
            Value::Object(got),
            json!({"V": {"a": "line1\nline2\n", "b": "file://x"}})
        );
        let e = parse_with("V@=file://nonexistent.txt", &env).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Unable to load paramfile file://nonexistent.txt: [Errno 2] No such file or directory: 'nonexistent.txt'"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("a={}", "[".repeat(5000));
        assert_eq!(
            parse_with(&deep, &no_env).unwrap_err(),
            ShorthandError::TooDeep
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in ".*") {
            let _ = parse_with(&s, &no_env);
        }

        #[test]
        fn never_panics_on_shorthand_alphabet(s in "[a-zA-Z=,\\[\\]{}'\"\\\\ @\n:/.-]{0,40}") {
            let _ = parse_with(&s, &no_env);
        }

        #[test]
        fn key_value_round_trips(k in "[A-Za-z0-9]{1,20}", v in "[A-Za-z0-9]{1,20}") {
            let got = parse_with(&format!("Key={k},Value={v}"), &no_env).unwrap();
            prop_assert_eq!(Value::Object(got), json!({"Key": k, "Value": v}));
        }

        #[test]
        fn arbitrary_key_value_round_trips(k in "[A-Za-z0-9]{1,20}", v in "[A-Za-z0-9]{1,20}") {
            let got = parse_with(&format!("{k}={v}"), &no_env).unwrap();
            prop_assert_eq!(Value::Object(got), json!({k: v}));
        }
    }
}

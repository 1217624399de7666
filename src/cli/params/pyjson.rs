//! Python's `json.loads(s, object_pairs_hook=OrderedDict)` (the C scanner of CPython 3.11's `_json`), so that "Invalid JSON: …" texts match the CLI's character for character.
//!
//! Deviations, all for values a JSON request could not carry anyway: `NaN`/`Infinity`
//! are rejected as "Expecting value", a number overflowing to infinity (`1e999`) fails
//! the whole document once it has parsed, integers beyond 64 bits become floats, and lone
//! surrogate escapes become U+FFFD.

use std::cell::Cell;

use serde_json::{Map, Number, Value};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum JsonError {
    /// `json.JSONDecodeError`: `<msg>: line L column C (char P)`.
    #[error("{msg}: line {line} column {column} (char {pos})")]
    Decode {
        msg: String,
        line: usize,
        column: usize,
        pos: usize,
    },
    /// A float that overflowed to infinity: Python accepts it, but it has no JSON form.
    #[error("Out of range float values are not JSON compliant")]
    NonFinite,
    /// Python's `RecursionError`, which the CLI does not catch.
    #[error("maximum recursion depth exceeded while decoding a JSON {0} from a unicode string")]
    TooDeep(&'static str),
}

/// Nesting Python reaches before its recursion limit (1000, less the CLI's own frames).
const MAX_DEPTH: usize = 900;

pub(crate) fn loads(s: &str) -> Result<Value, JsonError> {
    let chars: Vec<char> = s.chars().collect();
    let scanner = Scanner {
        s: &chars,
        non_finite: Cell::new(false),
    };
    if chars.first() == Some(&'\u{feff}') {
        return Err(scanner.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
    }
    let start = scanner.skip_ws(0);
    let (value, end) = match scanner.scan_once(start, 0) {
        Ok(ok) => ok,
        Err(Fail::Stop(pos)) => return Err(scanner.error("Expecting value", pos)),
        Err(Fail::Error(e)) => return Err(e),
    };
    let end = scanner.skip_ws(end);
    if end != chars.len() {
        return Err(scanner.error("Extra data", end));
    }
    if scanner.non_finite.get() {
        return Err(JsonError::NonFinite);
    }
    Ok(value)
}

enum Fail {
    /// The C scanner's StopIteration: no value starts here. Only the outermost call turns
    /// it into "Expecting value", so nested failures report the inner position.
    Stop(usize),
    Error(JsonError),
}

impl From<JsonError> for Fail {
    fn from(e: JsonError) -> Self {
        Fail::Error(e)
    }
}

struct Scanner<'a> {
    s: &'a [char],
    /// Set when a number overflowed; reported only after the syntax checks, which win.
    non_finite: Cell<bool>,
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl Scanner<'_> {
    fn error(&self, msg: &str, pos: usize) -> JsonError {
        let before = &self.s[..pos.min(self.s.len())];
        let line = before.iter().filter(|&&c| c == '\n').count() + 1;
        let column = match before.iter().rposition(|&c| c == '\n') {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        JsonError::Decode {
            msg: msg.to_string(),
            line,
            column,
            pos,
        }
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.s.get(i).copied().is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn literal_at(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        self.s.len() >= i + n && self.s[i..i + n].iter().copied().eq(word.chars())
    }

    fn scan_once(&self, idx: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let Some(c) = self.at(idx) else {
            return Err(Fail::Stop(idx));
        };
        match c {
            '"' => {
                let (s, end) = self.scanstring(idx + 1)?;
                return Ok((Value::String(s), end));
            }
            '{' => {
                if depth >= MAX_DEPTH {
                    return Err(JsonError::TooDeep("object").into());
                }
                return self.parse_object(idx + 1, depth + 1);
            }
            '[' => {
                if depth >= MAX_DEPTH {
                    return Err(JsonError::TooDeep("array").into());
                }
                return self.parse_array(idx + 1, depth + 1);
            }
            'n' if self.literal_at(idx, "null") => return Ok((Value::Null, idx + 4)),
            't' if self.literal_at(idx, "true") => return Ok((Value::Bool(true), idx + 4)),
            'f' if self.literal_at(idx, "false") => return Ok((Value::Bool(false), idx + 5)),
            _ => {}
        }
        self.match_number(idx)
    }

    fn match_number(&self, start: usize) -> Result<(Value, usize), Fail> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('1'..='9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        // An exponent needs at least one digit, otherwise the 'e' is left unread.
        if matches!(self.at(i), Some('e' | 'E')) {
            let e_start = i;
            i += 1;
            if matches!(self.at(i), Some('-' | '+')) {
                i += 1;
            }
            let digits_start = i;
            while digit(i) {
                i += 1;
            }
            if i > digits_start {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        let text: String = self.s[start..i].iter().collect();
        let number = if is_float {
            text.parse::<f64>().ok().and_then(Number::from_f64)
        } else if let Ok(n) = text.parse::<i64>() {
            Some(Number::from(n))
        } else if let Ok(n) = text.parse::<u64>() {
            Some(Number::from(n))
        } else {
            text.parse::<f64>().ok().and_then(Number::from_f64)
        };
        match number {
            Some(n) => Ok((Value::Number(n), i)),
            None => {
                self.non_finite.set(true);
                Ok((Value::Null, i))
            }
        }
    }

    /// `end` is just past the opening quote; returns the string and the index past the
    /// closing quote.
    fn scanstring(&self, mut end: usize) -> Result<(String, usize), JsonError> {
        let begin = end - 1;
        let mut out = String::new();
        loop {
            let mut next = end;
            let terminator = loop {
                match self.at(next) {
                    None => return Err(self.error("Unterminated string starting at", begin)),
                    Some(c @ ('"' | '\\')) => break c,
                    Some(c) if (c as u32) <= 0x1f => {
                        return Err(self.error("Invalid control character at", next));
                    }
                    Some(_) => next += 1,
                }
            };
            out.extend(&self.s[end..next]);
            next += 1;
            if terminator == '"' {
                return Ok((out, next));
            }
            let Some(esc) = self.at(next) else {
                return Err(self.error("Unterminated string starting at", begin));
            };
            if esc != 'u' {
                end = next + 1;
                out.push(match esc {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(self.error("Invalid \\escape", end - 2)),
                });
                continue;
            }
            next += 1;
            end = next + 4;
            if end >= self.s.len() {
                return Err(self.error("Invalid \\uXXXX escape", next - 1));
            }
            let mut code = self
                .hex4(next)
                .ok_or_else(|| self.error("Invalid \\uXXXX escape", end - 5))?;
            if (0xd800..=0xdbff).contains(&code)
                && end + 6 < self.s.len()
                && self.at(end) == Some('\\')
                && self.at(end + 1) == Some('u')
            {
                let low = self
                    .hex4(end + 2)
                    .ok_or_else(|| self.error("Invalid \\uXXXX escape", end + 1))?;
                if (0xdc00..=0xdfff).contains(&low) {
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00));
                    end += 6;
                }
            }
            // Python keeps lone surrogates in str; Rust strings cannot hold them.
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let mut code = 0;
        for i in at..at + 4 {
            code = (code << 4) | self.at(i)?.to_digit(16)?;
        }
        Some(code)
    }

    fn parse_object(&self, mut idx: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let mut map = Map::new();
        idx = self.skip_ws(idx);
        if self.at(idx) != Some('}') {
            loop {
                if self.at(idx) != Some('"') {
                    return Err(self
                        .error("Expecting property name enclosed in double quotes", idx)
                        .into());
                }
                let (key, next) = self.scanstring(idx + 1)?;
                idx = self.skip_ws(next);
                if self.at(idx) != Some(':') {
                    return Err(self.error("Expecting ':' delimiter", idx).into());
                }
                idx = self.skip_ws(idx + 1);
                let (value, next) = self.scan_once(idx, depth)?;
                // OrderedDict(pairs): a repeated key keeps its first place, last value.
                map.insert(key, value);
                idx = self.skip_ws(next);
                if self.at(idx) == Some('}') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(self.error("Expecting ',' delimiter", idx).into());
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Value::Object(map), idx + 1))
    }

    fn parse_array(&self, mut idx: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let mut items = Vec::new();
        idx = self.skip_ws(idx);
        if self.at(idx) != Some(']') {
            loop {
                let (value, next) = self.scan_once(idx, depth)?;
                items.push(value);
                idx = self.skip_ws(next);
                if self.at(idx) == Some(']') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(self.error("Expecting ',' delimiter", idx).into());
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Value::Array(items), idx + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn msg(s: &str) -> String {
        loads(s).unwrap_err().to_string()
    }

    #[test]
    fn parses_values_keeping_order() {
        let v =
            loads(r#" {"z": 1, "a": [true, false, null, -1.5e3, "x\u00e9\n"], "m": {}} "#).unwrap();
        assert_eq!(
            v,
            json!({"z": 1, "a": [true, false, null, -1500.0, "xé\n"], "m": {}})
        );
        let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn duplicate_keys_keep_first_place_last_value() {
        let v = loads(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"a":3,"b":2}"#);
    }

    #[test]
    fn surrogate_pairs() {
        assert_eq!(loads(r#""\ud83d\ude00""#).unwrap(), json!("😀"));
        assert_eq!(loads(r#""\ud83d""#).unwrap(), json!("\u{fffd}"));
    }

    #[test]
    fn python_error_texts() {
        // Captured from the CLI.
        assert_eq!(
            msg(r#"[{"Key":"a","Value":}]"#),
            "Expecting value: line 1 column 21 (char 20)"
        );
        assert_eq!(
            msg("{bad"),
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
        // The rest as printed by CPython 3.11.
        assert_eq!(msg("["), "Expecting value: line 1 column 2 (char 1)");
        assert_eq!(msg(""), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(
            msg("[1 2]"),
            "Expecting ',' delimiter: line 1 column 4 (char 3)"
        );
        assert_eq!(
            msg("{\"a\" 1}"),
            "Expecting ':' delimiter: line 1 column 6 (char 5)"
        );
        assert_eq!(msg("[1,]"), "Expecting value: line 1 column 4 (char 3)");
        assert_eq!(
            msg("{\"a\":1,}"),
            "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"
        );
        assert_eq!(msg("[1] x"), "Extra data: line 1 column 5 (char 4)");
        assert_eq!(
            msg("[\"abc"),
            "Unterminated string starting at: line 1 column 2 (char 1)"
        );
        assert_eq!(
            msg("[\"a\tb\"]"),
            "Invalid control character at: line 1 column 4 (char 3)"
        );
        assert_eq!(
            msg(r#"["\x"]"#),
            "Invalid \\escape: line 1 column 3 (char 2)"
        );
        assert_eq!(
            msg("[\n  {\"a\": }\n]"),
            "Expecting value: line 2 column 9 (char 10)"
        );
        assert_eq!(msg("[NaN]"), "Expecting value: line 1 column 2 (char 1)");
        assert_eq!(
            msg("[1e999, 2"),
            "Expecting ',' delimiter: line 1 column 10 (char 9)"
        );
        assert_eq!(loads("[1e999]").unwrap_err(), JsonError::NonFinite);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(loads(&deep).unwrap_err(), JsonError::TooDeep("array"));
    }

    proptest! {
        #[test]
        fn never_panics(s in ".*") {
            let _ = loads(&s);
        }

        #[test]
        fn never_panics_on_json_alphabet(s in "[\\[\\]{}\",:0-9eE.+\\-\\\\u tfnalrs]{0,30}") {
            let _ = loads(&s);
        }

        #[test]
        fn agrees_with_serde_on_valid_json(v in any::<i64>(), s in "[a-z ]{0,10}") {
            let doc = json!({"n": v, "s": s, "l": [v, s]});
            let text = serde_json::to_string(&doc).unwrap();
            prop_assert_eq!(loads(&text).unwrap(), doc);
        }
    }
}

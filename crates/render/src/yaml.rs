//! `--output yaml` / `yaml-stream`: byte-exact port of the YAML that AWS CLI v2 prints.
//!
//! AWS CLI v2 dumps with ruamel.yaml `YAML(typ='safe')`, which (with the bundled
//! `ruamel.yaml.clib`) drives libyaml's C emitter with ruamel's YAML 1.2 resolver: block
//! style, keys sorted, indent 2, width 80, unicode allowed. The pure-Python emitter
//! differs (e.g. it prints emoji raw where libyaml writes `\U0001F600`), so what follows
//! mirrors libyaml's `emitter.c`: `yaml_emitter_analyze_scalar`,
//! `yaml_emitter_select_scalar_style`, the three scalar writers and `write_indent`.
//! Only what JSON values can reach is ported: no tags, block scalars or non-empty flow
//! collections. Not reproduced: the `&id001`/`*id001` aliases ruamel writes when a
//! `--query` result holds the same Python object twice (JSON values have no identity).

use serde_json::{Map, Number, Value};

/// The AWS CLI v2 yaml formatter: "" for an empty top-level object; a top-level scalar
/// (string, number, bool, null) is written as JSON (`json.dumps`) + "\n" instead of YAML
/// (e.g. `"MyTestSecret"`, `null`).
pub fn yaml(v: &Value) -> String {
    match v {
        Value::Object(m) if m.is_empty() => String::new(),
        Value::Object(_) | Value::Array(_) => dump(Root::Value(v)),
        _ => {
            let mut s = json_scalar(v);
            s.push('\n');
            s
        }
    }
}

/// One page for --output yaml-stream: the value dumped as a one-element list
/// (`- SecretList: ...`).
///
/// The CLI skips a non-paginated response that is `{}` before calling this; a page that
/// is `{}` (or a `--query` miss, `null`) is still dumped, as `- {}` / `- null`.
pub fn yaml_stream_page(v: &Value) -> String {
    dump(Root::Page(v))
}

/// Width past which libyaml breaks lines (`best_width`, ruamel passes none so 80).
const BEST_WIDTH: usize = 80;
/// Indentation step (`best_indent`).
const BEST_INDENT: i64 = 2;
/// libyaml's limit, in UTF-8 bytes, for a key to be written as `key:` rather than `? key`.
const MAX_SIMPLE_KEY_BYTES: usize = 128;

/// What a document holds: a value, or a value wrapped in a one-element list (saves
/// cloning a whole page just to wrap it).
enum Root<'a> {
    Value(&'a Value),
    Page(&'a Value),
}

fn dump(root: Root<'_>) -> String {
    let mut e = Emitter {
        out: String::new(),
        column: 0,
        indent: -1,
        indents: Vec::new(),
        whitespace: true,
        indention: true,
    };
    match root {
        Root::Value(v) => e.node(v, false),
        Root::Page(v) => e.block_sequence(std::slice::from_ref(v), false),
    }
    // Document end: implicit, so just finish the last line.
    e.write_indent();
    e.out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
}

/// libyaml's emitter state, minus what flow collections and anchors would need.
struct Emitter {
    out: String,
    /// Column in code points, as libyaml counts them.
    column: usize,
    /// Current indentation; -1 before the root node.
    indent: i64,
    indents: Vec<i64>,
    /// The last character written was whitespace (so no separating space is needed).
    whitespace: bool,
    /// Only indentation (and indicators like `-`) written on this line so far.
    indention: bool,
}

impl Emitter {
    /// `yaml_emitter_emit_node`; `mapping_context` is true for mapping keys and values.
    fn node(&mut self, v: &Value, mapping_context: bool) {
        match v {
            Value::Array(a) if a.is_empty() => self.empty_flow("[", "]"),
            Value::Object(m) if m.is_empty() => self.empty_flow("{", "}"),
            Value::Array(a) => self.block_sequence(a, mapping_context),
            Value::Object(m) => self.block_mapping(m),
            Value::String(s) => self.scalar(s, !resolves_to_non_str(s), false),
            other => self.scalar(&yaml_scalar(other), true, false),
        }
    }

    /// libyaml writes an empty collection in flow style whatever the requested style.
    fn empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn block_sequence(&mut self, items: &[Value], mapping_context: bool) {
        // A sequence that is a mapping value sits at the key's indentation (`key:\n- x`).
        let indentless = mapping_context && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.node(item, false);
        }
        self.pop_indent();
    }

    fn block_mapping(&mut self, m: &Map<String, Value>) {
        self.increase_indent(false, false);
        // ruamel's SafeRepresenter sorts keys; byte order of UTF-8 is code-point order.
        let mut entries: Vec<(&String, &Value)> = m.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        for (k, v) in entries {
            self.write_indent();
            let plain_implicit = !resolves_to_non_str(k);
            let simple = !analyze(k).multiline && k.len() <= MAX_SIMPLE_KEY_BYTES;
            if simple {
                self.scalar(k, plain_implicit, true);
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.scalar(k, plain_implicit, false);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.node(v, true);
        }
        self.pop_indent();
    }

    /// `yaml_emitter_emit_scalar`. `plain_implicit`: reading the text back plain gives the
    /// same type (for strings: the resolver does not take it for a bool/number/null/...).
    fn scalar(&mut self, s: &str, plain_implicit: bool, simple_key: bool) {
        let a = analyze(s);
        let mut style = Style::Plain;
        if simple_key && a.multiline {
            style = Style::Double;
        }
        if style == Style::Plain
            && (!a.block_plain_allowed || (s.is_empty() && simple_key) || !plain_implicit)
        {
            style = Style::Single;
        }
        if style == Style::Single && !a.single_quoted_allowed {
            style = Style::Double;
        }
        self.increase_indent(true, false);
        let allow_breaks = !simple_key;
        let chars: Vec<char> = s.chars().collect();
        match style {
            Style::Plain => self.write_plain(&chars, allow_breaks),
            Style::Single => self.write_single_quoted(&chars, allow_breaks),
            Style::Double => self.write_double_quoted(&chars, allow_breaks),
        }
        self.pop_indent();
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        // Every pop pairs with a push in the same function, so the stack is never empty.
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// `WRITE_BREAK`: '\n' is normalised, other breaks (U+2028/U+2029) copied raw.
    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    fn write_indent(&mut self) {
        let indent = usize::try_from(self.indent.max(0)).unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for c in indicator.chars() {
            self.put(c);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    fn write_plain(&mut self, s: &[char], allow_breaks: bool) {
        if !self.whitespace && !s.is_empty() {
            self.put(' ');
        }
        let mut spaces = false;
        let mut breaks = false;
        for (i, &c) in s.iter().enumerate() {
            if c == ' ' {
                // Fold at the first single space once past the width: lines may run over 80.
                if allow_breaks && !spaces && self.column > BEST_WIDTH && s.get(i + 1) != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_single_quoted(&mut self, s: &[char], allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let mut spaces = false;
        let mut breaks = false;
        for (i, &c) in s.iter().enumerate() {
            if c == ' ' {
                // Never fold the first or last space: the quotes would swallow it.
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i != 0
                    && i + 1 != s.len()
                    && s.get(i + 1) != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                // A line break inside quotes is written as an empty line (folding).
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if breaks {
            self.write_indent();
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double_quoted(&mut self, s: &[char], allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let mut spaces = false;
        for (i, &c) in s.iter().enumerate() {
            if !is_printable(c) || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                match escape_letter(c) {
                    Some(l) => self.put(l),
                    None => {
                        let code = u32::from(c);
                        let (letter, width) = match code {
                            0..=0xFF => ('x', 2),
                            0x100..=0xFFFF => ('u', 4),
                            _ => ('U', 8),
                        };
                        self.put(letter);
                        for k in (0..width).rev() {
                            let digit = (code >> (k * 4)) & 0xF;
                            self.put(
                                char::from_digit(digit, 16).map_or('0', |d| d.to_ascii_uppercase()),
                            );
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && i + 1 != s.len()
                {
                    self.write_indent();
                    // A leading space on the continuation line would be folded away.
                    if s.get(i + 1) == Some(&' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }
}

/// libyaml's short escapes in double-quoted scalars.
fn escape_letter(c: char) -> Option<char> {
    Some(match c {
        '\0' => '0',
        '\u{7}' => 'a',
        '\u{8}' => 'b',
        '\t' => 't',
        '\n' => 'n',
        '\u{b}' => 'v',
        '\u{c}' => 'f',
        '\r' => 'r',
        '\u{1b}' => 'e',
        '"' => '"',
        '\\' => '\\',
        '\u{85}' => 'N',
        '\u{a0}' => '_',
        '\u{2028}' => 'L',
        '\u{2029}' => 'P',
        _ => return None,
    })
}

/// libyaml `IS_PRINTABLE`: no C0/C1 controls (but '\n'), DEL, BOM, U+FFFE/F, nor
/// anything outside the BMP, which is why emoji end up double-quoted.
fn is_printable(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        && c != '\u{feff}'
}

/// libyaml `IS_BREAK`.
fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// libyaml `IS_BLANKZ` (the NUL case also covers the end of the string).
fn is_blankz(c: Option<&char>) -> bool {
    match c {
        None => true,
        Some(&c) => matches!(c, ' ' | '\t' | '\0') || is_break(c),
    }
}

/// What `yaml_emitter_analyze_scalar` decides, for block context.
struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
}

fn analyze(s: &str) -> Analysis {
    if s.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
        };
    }
    let chars: Vec<char> = s.chars().collect();
    let last = chars.len() - 1;
    let mut block_indicators = s.starts_with("---") || s.starts_with("...");
    let mut line_breaks = false;
    let mut special_characters = false;
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_whitespace = is_blankz(chars.get(i + 1));
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else if (c == ':' && followed_by_whitespace) || (c == '#' && preceded_by_whitespace) {
            block_indicators = true;
        }
        if !is_printable(c) {
            special_characters = true;
        }
        if is_break(c) {
            line_breaks = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= i == last;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            leading_break |= i == 0;
            trailing_break |= i == last;
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blankz(Some(&c));
    }
    let quoted_only = break_space || space_break || special_characters;
    Analysis {
        multiline: line_breaks,
        block_plain_allowed: !(leading_space
            || leading_break
            || trailing_space
            || trailing_break
            || line_breaks
            || block_indicators
            || quoted_only),
        single_quoted_allowed: !quoted_only,
    }
}

/// ruamel's YAML 1.2 `Resolver`: would this text, read back as a plain scalar, be
/// something other than a string? (1.1-only forms such as `yes`/`On` stay strings.)
fn resolves_to_non_str(s: &str) -> bool {
    matches!(
        s,
        "" | "~"
            | "null"
            | "Null"
            | "NULL"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "<<"
            | "="
            | "!"
            | "&"
            | "*"
    ) || is_int(s)
        || is_float(s)
        || is_timestamp(s)
}

/// End of the run of bytes from `i` that satisfy `f`.
fn span(b: &[u8], i: usize, f: impl Fn(u8) -> bool) -> usize {
    let mut j = i;
    while j < b.len() && f(b[j]) {
        j += 1;
    }
    j
}

fn digit_(c: u8) -> bool {
    c.is_ascii_digit() || c == b'_'
}

fn skip_sign(b: &[u8]) -> usize {
    usize::from(matches!(b.first(), Some(b'-' | b'+')))
}

/// `[-+]?(?:0b[0-1_]+|0o?[0-7_]+|[0-9_]+|0x[0-9a-fA-F_]+)`, tried only on text
/// starting with a sign or digit (the resolver dispatches on the first character, so
/// `_1` stays a string).
fn is_int(s: &str) -> bool {
    if !matches!(s.as_bytes().first(), Some(b'-' | b'+' | b'0'..=b'9')) {
        return false;
    }
    let b = &s.as_bytes()[skip_sign(s.as_bytes())..];
    let all = |rest: &[u8], f: fn(u8) -> bool| !rest.is_empty() && rest.iter().all(|&c| f(c));
    all(b, digit_)
        || b.strip_prefix(b"0b")
            .is_some_and(|r| all(r, |c| matches!(c, b'0' | b'1' | b'_')))
        || b.strip_prefix(b"0o")
            .is_some_and(|r| all(r, |c| matches!(c, b'0'..=b'7' | b'_')))
        || b.strip_prefix(b"0x")
            .is_some_and(|r| all(r, |c| c.is_ascii_hexdigit() || c == b'_'))
}

/// `[eE][-+]?[0-9]+` running to the end of `b` from `i`.
fn exponent_to_end(b: &[u8], i: usize, sign_required: bool) -> bool {
    if !matches!(b.get(i), Some(b'e' | b'E')) {
        return false;
    }
    let mut j = i + 1;
    if matches!(b.get(j), Some(b'-' | b'+')) {
        j += 1;
    } else if sign_required {
        return false;
    }
    let k = span(b, j, |c| c.is_ascii_digit());
    k > j && k == b.len()
}

/// ```text
/// [-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)? | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
/// | [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)? | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
/// ```
fn is_float(s: &str) -> bool {
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let b = s.as_bytes();
    let i = skip_sign(b);
    if matches!(&b[i..], b".inf" | b".Inf" | b".INF") {
        return true;
    }
    match b.get(i) {
        Some(c) if c.is_ascii_digit() => {
            let j = span(b, i + 1, digit_);
            if b.get(j) == Some(&b'.') {
                let k = span(b, j + 1, digit_);
                k == b.len() || exponent_to_end(b, k, false)
            } else {
                exponent_to_end(b, j, false)
            }
        }
        Some(b'.') => {
            let k = span(b, i + 1, digit_);
            k > i + 1 && (k == b.len() || exponent_to_end(b, k, true))
        }
        _ => false,
    }
}

/// ```text
/// [0-9]{4}-[0-9]{2}-[0-9]{2}
/// | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
///   (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?
/// ```
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    // Fixed count of digits at `i`; returns the position after them.
    let fixed = |i: usize, n: usize| -> Option<usize> {
        (i + n <= b.len() && b[i..i + n].iter().all(u8::is_ascii_digit)).then_some(i + n)
    };
    // One or two digits (greedy, then the caller demands a non-digit).
    let one_or_two = |i: usize| -> Option<usize> {
        let j = fixed(i, 1)?;
        Some(fixed(j, 1).unwrap_or(j))
    };
    let lit = |i: usize, c: u8| -> Option<usize> { (b.get(i) == Some(&c)).then_some(i + 1) };
    let date_only =
        || -> Option<usize> { fixed(lit(fixed(lit(fixed(0, 4)?, b'-')?, 2)?, b'-')?, 2) };
    if date_only() == Some(b.len()) {
        return true;
    }
    let full = || -> Option<usize> {
        let mut i = lit(fixed(0, 4)?, b'-')?;
        i = lit(one_or_two(i)?, b'-')?;
        i = one_or_two(i)?;
        i = match b.get(i) {
            Some(b'T' | b't') => i + 1,
            Some(b' ' | b'\t') => span(b, i, |c| c == b' ' || c == b'\t'),
            _ => return None,
        };
        i = lit(one_or_two(i)?, b':')?;
        i = lit(fixed(i, 2)?, b':')?;
        i = fixed(i, 2)?;
        if b.get(i) == Some(&b'.') {
            i = span(b, i + 1, |c| c.is_ascii_digit());
        }
        if i == b.len() {
            return Some(i);
        }
        i = span(b, i, |c| c == b' ' || c == b'\t');
        match b.get(i) {
            Some(b'Z') => Some(i + 1),
            Some(b'-' | b'+') => {
                let j = one_or_two(i + 1)?;
                if b.get(j) == Some(&b':') {
                    fixed(j + 1, 2)
                } else {
                    Some(j)
                }
            }
            _ => None,
        }
    };
    full() == Some(b.len())
}

/// How ruamel's SafeRepresenter writes a non-string scalar.
fn yaml_scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_repr(n, true),
        // Strings and collections never get here; JSON text is a safe fallback.
        other => other.to_string(),
    }
}

/// Python's `json.dumps(v, ensure_ascii=False)` for a scalar.
fn json_scalar(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let mut out = String::with_capacity(s.len() + 2);
            super::json::write_string(&mut out, s);
            out
        }
        Value::Number(n) => number_repr(n, false),
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Python's `repr()` of an int or float (`yaml` picks ruamel's spelling of inf/nan).
fn number_repr(n: &Number, yaml: bool) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let f = n.as_f64().unwrap_or(f64::NAN);
    if f.is_nan() {
        return if yaml { ".nan" } else { "NaN" }.to_owned();
    }
    if f.is_infinite() {
        return match (yaml, f > 0.0) {
            (true, true) => ".inf",
            (true, false) => "-.inf",
            (false, true) => "Infinity",
            (false, false) => "-Infinity",
        }
        .to_owned();
    }
    super::py::float_repr(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spec_examples() {
        let v = json!({
            "Name": "MyTestSecret",
            "CreatedDate": "2026-11-28T01:55:29+00:00",
            "SecretString": "{\"user\":\"diegor\",\"password\":\"EXAMPLE-PASSWORD\"}",
            "VersionStages": ["AWSCURRENT"],
            "RotationRules": {"AutomaticallyAfterDays": 14, "ScheduleExpression": "cron(0 16 1,15 * ? *)"},
            "RotationLambdaARN": "",
            "Tags": [{"Key": "env", "Value": "prod"}],
            "VersionIdsToStages": {"a1b2": ["AWSPREVIOUS"]},
        });
        assert_eq!(
            yaml(&v),
            "CreatedDate: '2026-11-28T01:55:29+00:00'\nName: MyTestSecret\nRotationLambdaARN: ''\n\
             RotationRules:\n  AutomaticallyAfterDays: 14\n  ScheduleExpression: cron(0 16 1,15 * ? *)\n\
             SecretString: '{\"user\":\"diegor\",\"password\":\"EXAMPLE-PASSWORD\"}'\n\
             Tags:\n- Key: env\n  Value: prod\nVersionIdsToStages:\n  a1b2:\n  - AWSPREVIOUS\n\
             VersionStages:\n- AWSCURRENT\n"
        );
        assert_eq!(
            yaml_stream_page(&json!({"SecretList": [{"Name": "a"}]})),
            "- SecretList:\n  - Name: a\n"
        );
        assert_eq!(
            yaml_stream_page(&json!(["page/s1", "page/s2"])),
            "- - page/s1\n  - page/s2\n"
        );
    }

    /// Shapes from shared/conformance/expected/17-yaml.json.
    #[test]
    fn conformance_17_yaml() {
        let versions = json!({
            "ARN": "arn:x", "Name": "y/app",
            "Versions": [{"VersionId": "u1", "VersionStages": ["AWSCURRENT"],
                          "CreatedDate": "2026-11-28T09:15:02.118000+00:00",
                          "KmsKeyIds": ["DefaultEncryptionKey"]}],
        });
        assert_eq!(
            yaml_stream_page(&versions),
            "- ARN: arn:x\n  Name: y/app\n  Versions:\n  - CreatedDate: '2026-11-28T09:15:02.118000+00:00'\n\
             \x20   KmsKeyIds:\n    - DefaultEncryptionKey\n    VersionId: u1\n    VersionStages:\n    - AWSCURRENT\n"
        );
        assert_eq!(
            yaml(&json!([{"n": "y/app", "d": "yaml: quoting"}])),
            "- d: 'yaml: quoting'\n  n: y/app\n"
        );
        assert_eq!(
            yaml(&json!({"SecretString": "{\"k\":\"v: x\"}"})),
            "SecretString: '{\"k\":\"v: x\"}'\n"
        );
    }

    #[test]
    fn top_level_scalars_are_json() {
        assert_eq!(yaml(&json!("MyTestSecret")), "\"MyTestSecret\"\n");
        assert_eq!(yaml(&json!(null)), "null\n");
        assert_eq!(yaml(&json!("café\t")), "\"café\\t\"\n");
        assert_eq!(yaml(&json!({})), "");
        assert_eq!(yaml(&json!([])), "[]\n");
    }

    #[test]
    fn scalar_styles() {
        let one = |s: &str| yaml(&json!({ "k": s }));
        assert_eq!(one("yes"), "k: yes\n");
        assert_eq!(one("True"), "k: 'True'\n");
        assert_eq!(one("1e5"), "k: '1e5'\n");
        assert_eq!(one("a: b"), "k: 'a: b'\n");
        assert_eq!(one("it's"), "k: it's\n");
        assert_eq!(one("'x'"), "k: '''x'''\n");
        assert_eq!(one("a\tb"), "k: \"a\\tb\"\n");
        assert_eq!(one("a😀"), "k: \"a\\U0001F600\"\n");
        assert_eq!(one("line1\nline2"), "k: 'line1\n\n  line2'\n");
    }

    #[test]
    fn float_repr() {
        for (f, s) in [
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (1e-4, "0.0001"),
            (-0.0, "-0.0"),
            (1523477145.713, "1523477145.713"),
            (2.5e-300, "2.5e-300"),
            (5e-324, "5e-324"),
            (1e22, "1e+22"),
            (123456789.125, "123456789.125"),
            // Exact ties (x.25, x.75) between two shortest candidates: Python rounds half to even.
            (5_757_546_257_220_481.0 / 4.0, "1439386564305120.2"),
            (5_757_546_257_220_483.0 / 4.0, "1439386564305120.8"),
            (-5_757_546_257_220_485.0 / 4.0, "-1439386564305121.2"),
        ] {
            let n = serde_json::Number::from_f64(f).unwrap();
            assert_eq!(number_repr(&n, true), s);
        }
    }
}

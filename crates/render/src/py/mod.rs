//! Python-compatible text, the one place for it: `str()` and `repr()` of the values the AWS
//! CLI prints (its text and table formatters, its error messages), `str.isprintable`,
//! `str.isspace` and `float.__repr__`. The CLI is Python; where its bytes come from a Python
//! builtin, this module is that builtin.

use serde_json::{Number, Value};

mod printable;

/// Python `str(v)`: strings raw, `True`/`False`, `None`, numbers as Python prints them,
/// containers as their `repr` (only reachable through odd `--query` shapes).
pub fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// Python `repr(v)` of the object `json.loads` would build.
pub fn repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, v);
    out
}

fn write_repr(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => write_str_repr(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str_repr(out, k);
                out.push_str(": ");
                write_repr(out, item);
            }
            out.push('}');
        }
    }
}

/// Python `repr(str)`: single quotes unless the text has `'` and no `"`; the backslash, the
/// quote, `\t`, `\n`, `\r` and every non-printable character escaped, as CPython's
/// `unicode_repr` does.
pub fn repr_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_repr(&mut out, s);
    out
}

fn write_str_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if isprintable(c) => out.push(c),
            c => {
                let cp = u32::from(c);
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
}

/// Python `repr(bytes)`: `b'...'` with ASCII printables kept and everything else `\xNN`.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            q if q == quote => {
                out.push('\\');
                out.push(q as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Python `str.isprintable()` of one character: false for the general categories Cc, Cf, Cs,
/// Co, Cn (unassigned), Zl, Zp and Zs except the ASCII space, from the generated table of
/// Unicode 16.0.0 (Python 3.14's, which the AWS CLI v2 bundles; scripts/py-printable.py).
pub fn isprintable(c: char) -> bool {
    let cp = u32::from(c);
    (0x20..0x7f).contains(&cp) || !in_ranges(&printable::NON_PRINTABLE, cp)
}

/// Python `str.isspace()` (what `str.strip()`, `str.split()` and a regex `\s` use): Unicode
/// White_Space plus the ASCII separators U+001C..U+001F (bidirectional class B or S).
pub fn isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Whether `cp` is in one of `ranges`: inclusive ranges flattened as start, end, start, end, …
/// and sorted (the generated Unicode tables of this crate).
pub(crate) fn in_ranges(ranges: &[u32], cp: u32) -> bool {
    // The number of bounds at or below `cp`: odd means past a start and before its end;
    // even means past an end, which is still inside when it is `cp` itself.
    let below = ranges.partition_point(|&bound| bound <= cp);
    below % 2 == 1 || (below > 0 && ranges[below - 1] == cp)
}

/// A JSON number as Python prints it: ints in decimal, floats as `repr(float)`.
pub fn number(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        // Without arbitrary_precision every non-integer Number is a finite f64.
        float_repr(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// Python `float.__repr__`: the shortest digits that read back as `f` (ties to even, as
/// Python's dtoa breaks them); positional when the decimal exponent is in [-4, 16), else
/// `d.ddde+XX` with a signed exponent of at least two digits; `nan`, `inf`, `-inf`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // Rust's `{:e}` gives the shortest round-trip digits, e.g. "1.523477145713e9".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if let Some(even) = half_even_digits(f, &digits, exp) {
        digits = even;
    }
    let mut out = sign.to_owned();
    if !(-4..16).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    } else if exp >= 0 {
        let int_len = usize::try_from(exp).unwrap_or(0) + 1;
        if digits.len() <= int_len {
            out.push_str(&digits);
            out.push_str(&"0".repeat(int_len - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    } else {
        out.push_str("0.");
        out.push_str(&"0".repeat(usize::try_from(-exp - 1).unwrap_or(0)));
        out.push_str(&digits);
    }
    out
}

/// Rust's shortest digits break an exact tie between two equally short candidates
/// upwards, Python's dtoa to the even digit (1439386564305120.25 is `...120.2` in
/// Python). Returns the digits Python picks when they differ.
fn half_even_digits(f: f64, digits: &str, exp: i32) -> Option<String> {
    // Enough precision to print any f64 exactly (at most 767 significant digits).
    let exact = format!("{:.1100e}", f.abs());
    let (mantissa, exact_exp) = exact.split_once('e')?;
    if exact_exp.parse::<i32>().ok()? != exp {
        return None;
    }
    let exact_digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len();
    let tail = exact_digits.get(n..)?;
    let is_tie = tail.starts_with('5') && tail[1..].bytes().all(|c| c == b'0');
    let truncated = exact_digits.get(..n)?;
    let last_even = truncated
        .bytes()
        .last()
        .is_some_and(|c| matches!(c, b'0' | b'2' | b'4' | b'6' | b'8'));
    if !is_tie || !last_even || truncated == digits {
        return None;
    }
    // Only if the truncated candidate reads back as the same float.
    let candidate = format!("{}.{}e{}", &truncated[..1], &truncated[1..], exp);
    (candidate.parse::<f64>().ok()? == f.abs()).then(|| truncated.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::process::Command;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1700000000.0, "1700000000.0"),
            (1523477145.713, "1523477145.713"),
            (1521534252.66, "1521534252.66"),
            (1525747253.72, "1525747253.72"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.2345e20, "1.2345e+20"),
            (-2.5, "-2.5"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (1e100, "1e+100"),
            (2.5e-300, "2.5e-300"),
            (5e-324, "5e-324"),
            (1e22, "1e+22"),
            (123456789.125, "123456789.125"),
            (f64::NAN, "nan"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want, "{f}");
        }
    }

    #[test]
    fn float_repr_breaks_exact_ties_to_even() {
        // Two equally short candidates: Python's dtoa picks the even digit, Rust's `{:e}` rounds up.
        assert_eq!(
            float_repr(5_757_546_257_220_481.0 / 4.0),
            "1439386564305120.2"
        );
        assert_eq!(
            float_repr(5_757_546_257_220_483.0 / 4.0),
            "1439386564305120.8"
        );
        assert_eq!(
            float_repr(-5_757_546_257_220_485.0 / 4.0),
            "-1439386564305121.2"
        );
    }

    #[test]
    fn str_of_scalars() {
        assert_eq!(str_of(&json!("a\tb")), "a\tb");
        assert_eq!(str_of(&json!(true)), "True");
        assert_eq!(str_of(&json!(false)), "False");
        assert_eq!(str_of(&json!(null)), "None");
        assert_eq!(str_of(&json!(30)), "30");
        assert_eq!(str_of(&json!(-3)), "-3");
        assert_eq!(str_of(&json!(u64::MAX)), "18446744073709551615");
        assert_eq!(str_of(&json!(1.0)), "1.0");
    }

    #[test]
    fn repr_of_containers() {
        assert_eq!(
            str_of(&json!(["a", 1, null, {"k": "it's"}])),
            "['a', 1, None, {'k': \"it's\"}]"
        );
        assert_eq!(str_of(&json!(["a\n\u{1}\"'"])), "['a\\n\\x01\"\\'']");
    }

    #[test]
    fn repr_of_str_and_bytes() {
        assert_eq!(repr_str("a.txt"), "'a.txt'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("a'\"b"), "'a\\'\"b'");
        assert_eq!(repr_str("tab\there\\"), "'tab\\there\\\\'");
        assert_eq!(repr_str("\u{1}é"), "'\\x01é'");
        assert_eq!(repr_bytes(b"pass\n\x00'"), "b\"pass\\n\\x00'\"");
        assert_eq!(repr_bytes(b"\xff"), "b'\\xff'");
    }

    /// The categories CPython escapes, one character each; the two hand-written tables this
    /// replaced got U+0600 (Cf) and U+F0000 (Co) or U+0890 (Cf) and U+0378 (Cn) wrong.
    #[test]
    fn printable_follows_the_general_category() {
        for (c, printable) in [
            (' ', true),
            ('~', true),
            ('é', true),
            ('\u{301}', true),    // Mn: combining marks print
            ('\u{1F600}', true),  // So
            ('\u{10D40}', true),  // Garay, new in Unicode 16.0
            ('\u{7F}', false),    // Cc
            ('\u{85}', false),    // Cc
            ('\u{A0}', false),    // Zs
            ('\u{AD}', false),    // Cf
            ('\u{378}', false),   // Cn
            ('\u{600}', false),   // Cf
            ('\u{890}', false),   // Cf
            ('\u{2028}', false),  // Zl
            ('\u{2029}', false),  // Zp
            ('\u{3000}', false),  // Zs
            ('\u{E000}', false),  // Co
            ('\u{F0000}', false), // Co
            ('\u{FFFF}', false),  // Cn (a noncharacter)
            ('\u{E0001}', false), // Cf
            ('\u{10FFFF}', false),
        ] {
            assert_eq!(isprintable(c), printable, "U+{:04X}", u32::from(c));
        }
        assert_eq!(
            repr_str("\u{AD}\u{2028}\u{F0000}"),
            "'\\xad\\u2028\\U000f0000'"
        );
        assert!(
            printable::NON_PRINTABLE.windows(2).all(|w| w[0] <= w[1]),
            "the ranges are sorted"
        );
    }

    #[test]
    fn isspace_is_white_space_and_the_ascii_separators() {
        for c in [
            '\t', '\u{b}', '\u{1c}', '\u{1f}', '\u{85}', '\u{a0}', '\u{3000}',
        ] {
            assert!(isspace(c), "U+{:04X}", u32::from(c));
        }
        for c in ['a', '\u{0}', '\u{180e}', '\u{200b}', '\u{feff}'] {
            assert!(!isspace(c), "U+{:04X}", u32::from(c));
        }
    }

    /// What the machine's python3 prints, per code point (surrogates aside, which a Rust
    /// string cannot hold): its Unicode version, then one line per code point: `repr(c)`,
    /// a tab, `s` when `c.isspace()`, and `n` when its category is Cn (unassigned).
    const CPYTHON: &str = r#"
import sys, unicodedata
out = [unicodedata.unidata_version]
for cp in range(0x110000):
    if 0xD800 <= cp <= 0xDFFF:
        continue
    c = chr(cp)
    flags = ("s" if c.isspace() else "") + ("n" if unicodedata.category(c) == "Cn" else "")
    out.append(repr(c) + "\t" + flags)
sys.stdout.write("\n".join(out) + "\n")
"#;

    /// Every code point's `repr` and `isspace` against CPython's, when python3 is on the
    /// machine (CI always has it). A python3 with another Unicode database may differ only on
    /// code points one of the two databases leaves unassigned.
    #[test]
    #[allow(
        clippy::disallowed_methods,
        reason = "a test that must not skip in CI asks whether it runs in CI"
    )]
    fn repr_matches_cpython_for_every_code_point() {
        let out = match Command::new("python3")
            .args(["-c", CPYTHON])
            .env("PYTHONIOENCODING", "utf-8")
            .output()
        {
            Ok(out) if out.status.success() => out,
            other => {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "CI must have python3: {other:?}"
                );
                eprintln!("skipped: no python3 to compare str.isprintable with");
                return;
            }
        };
        let text = String::from_utf8(out.stdout).expect("python3 wrote UTF-8");
        let mut lines = text.lines();
        let version = lines.next().expect("the Unicode version line");
        let ours_newer = version_key(printable::UNICODE_VERSION) > version_key(version);
        let ours_older = version_key(printable::UNICODE_VERSION) < version_key(version);
        let mut checked = 0;
        let mut excused = 0;
        let chars = (0..=0x10FFFF).filter_map(char::from_u32);
        for (c, line) in chars.zip(lines.by_ref()) {
            let (want, flags) = line.rsplit_once('\t').expect("repr, tab, flags");
            let cp = u32::from(c);
            assert_eq!(isspace(c), flags.contains('s'), "isspace(U+{cp:04X})");
            let ours = repr_str(&c.to_string());
            checked += 1;
            if ours == want {
                continue;
            }
            // A character assigned since the older database: printable in the newer one,
            // unassigned (so escaped) in the older.
            let escaped_by_python = want.contains('\\') && !ours.contains('\\');
            let escaped_by_us = ours.contains('\\') && !want.contains('\\');
            if (ours_newer && flags.contains('n') && escaped_by_python)
                || (ours_older && escaped_by_us)
            {
                excused += 1;
                continue;
            }
            panic!(
                "repr(U+{cp:04X}): CPython (Unicode {version}) {want}, ours (Unicode {}) {ours}",
                printable::UNICODE_VERSION
            );
        }
        assert_eq!(lines.next(), None, "CPython printed more code points");
        assert_eq!(
            checked,
            0x110000 - 0x800,
            "every code point but the surrogates"
        );
        eprintln!(
            "repr of {checked} code points matches CPython (Unicode {version}); \
             {excused} assigned only in the newer database"
        );
    }

    fn version_key(v: &str) -> Vec<u32> {
        v.split('.').map(|n| n.parse().unwrap_or(0)).collect()
    }
}

//! Condition operators and how a `Condition` block is tested against a request context,
//! as the IAM user guide's "Condition operators" and "Single-valued vs. multivalued context
//! keys" pages define them.
//!
//! - Several keys under one operator, and several operators, must all hold (AND); several
//!   values for one key: any may match (OR); for a negated operator (`StringNotEquals`,
//!   `NotIpAddress`, ...) none may match (NOR).
//! - A key the request does not carry fails the condition, except for a negated operator,
//!   `...IfExists` (true when the key is absent) and `Null` (which tests just that).
//! - `ForAnyValue:` holds when some request value satisfies the operator, and is false for
//!   a missing key; `ForAllValues:` holds when every request value does, and is true for a
//!   missing key or an empty value set.
//! - A key with several values under a plain operator is tested like `ForAnyValue:`, and
//!   its negated form is the negation of that (no value matches).
//! - Policy variables work in the string and ARN operators only.

// libcore's address types: values only, no sockets.
use core::net::IpAddr;

use base64::Engine;

use super::context::{Context, canonical_ip};
use super::glob::{self, Token};
use super::vars::{self, Resolved};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

const BASES: &[(&str, Base)] = &[
    ("StringEquals", Base::StringEquals),
    ("StringNotEquals", Base::StringNotEquals),
    ("StringEqualsIgnoreCase", Base::StringEqualsIgnoreCase),
    ("StringNotEqualsIgnoreCase", Base::StringNotEqualsIgnoreCase),
    ("StringLike", Base::StringLike),
    ("StringNotLike", Base::StringNotLike),
    ("NumericEquals", Base::NumericEquals),
    ("NumericNotEquals", Base::NumericNotEquals),
    ("NumericLessThan", Base::NumericLessThan),
    ("NumericLessThanEquals", Base::NumericLessThanEquals),
    ("NumericGreaterThan", Base::NumericGreaterThan),
    ("NumericGreaterThanEquals", Base::NumericGreaterThanEquals),
    ("DateEquals", Base::DateEquals),
    ("DateNotEquals", Base::DateNotEquals),
    ("DateLessThan", Base::DateLessThan),
    ("DateLessThanEquals", Base::DateLessThanEquals),
    ("DateGreaterThan", Base::DateGreaterThan),
    ("DateGreaterThanEquals", Base::DateGreaterThanEquals),
    ("Bool", Base::Bool),
    ("BinaryEquals", Base::BinaryEquals),
    ("IpAddress", Base::IpAddress),
    ("NotIpAddress", Base::NotIpAddress),
    ("ArnEquals", Base::ArnEquals),
    ("ArnLike", Base::ArnLike),
    ("ArnNotEquals", Base::ArnNotEquals),
    ("ArnNotLike", Base::ArnNotLike),
    ("Null", Base::Null),
];

impl Base {
    fn negated(self) -> bool {
        matches!(
            self,
            Base::StringNotEquals
                | Base::StringNotEqualsIgnoreCase
                | Base::StringNotLike
                | Base::NumericNotEquals
                | Base::DateNotEquals
                | Base::NotIpAddress
                | Base::ArnNotEquals
                | Base::ArnNotLike
        )
    }

    /// "You can use a policy variable for Condition values in any condition that
    /// involves the string operators or the ARN operators" (IAM user guide).
    fn takes_variables(self) -> bool {
        matches!(
            self,
            Base::StringEquals
                | Base::StringNotEquals
                | Base::StringEqualsIgnoreCase
                | Base::StringNotEqualsIgnoreCase
                | Base::StringLike
                | Base::StringNotLike
                | Base::ArnEquals
                | Base::ArnLike
                | Base::ArnNotEquals
                | Base::ArnNotLike
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOp {
    None,
    ForAnyValue,
    ForAllValues,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    pub base: Base,
    pub set: SetOp,
    pub if_exists: bool,
}

impl Operator {
    /// Reads an operator name. Names are case-sensitive, as IAM reads them
    /// (`MalformedPolicyDocument: Invalid Condition type : stringEquals`,
    /// ministryofjustice/modernisation-platform-environments#8893); `Null` takes neither
    /// a set qualifier nor `IfExists`.
    pub fn parse(name: &str) -> Option<Operator> {
        let (set, rest) = if let Some(r) = name.strip_prefix("ForAnyValue:") {
            (SetOp::ForAnyValue, r)
        } else if let Some(r) = name.strip_prefix("ForAllValues:") {
            (SetOp::ForAllValues, r)
        } else {
            (SetOp::None, name)
        };
        let (if_exists, rest) = match rest.strip_suffix("IfExists") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let base = BASES.iter().find(|(n, _)| *n == rest)?.1;
        if base == Base::Null && (if_exists || set != SetOp::None) {
            return None;
        }
        Some(Operator {
            base,
            set,
            if_exists,
        })
    }
}

/// One key tested by one operator against the policy's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// `None`: an operator IAM does not know. Such a policy is refused when it is
    /// written (see `policy::check_identity`); one that is stored anyway fails closed.
    pub op: Option<Operator>,
    pub op_name: String,
    pub key: String,
    pub values: Vec<String>,
}

/// The result of testing a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    True,
    False,
    /// A policy variable with no value and no default: "any attempt to match it fails and
    /// causes the statement to be invalid" (IAM user guide, policy variables).
    Invalid,
}

impl Condition {
    pub fn test(&self, ctx: &Context, variables: bool) -> Outcome {
        let Some(op) = self.op else {
            return Outcome::False;
        };
        let present = ctx.get(&self.key);
        if op.base == Base::Null {
            // "true": the key must be absent; "false": present. Any value may match.
            let absent = present.is_none();
            return to_outcome(
                self.values
                    .iter()
                    .any(|v| v.eq_ignore_ascii_case(if absent { "true" } else { "false" })),
            );
        }
        // Resolve the policy's values once: variables in the string and ARN operators.
        let mut patterns = Vec::with_capacity(self.values.len());
        for v in &self.values {
            if variables && op.base.takes_variables() {
                match vars::interpolate(v, ctx) {
                    Resolved::Tokens(t) => patterns.push(t),
                    Resolved::Unresolved => return Outcome::Invalid,
                }
            } else {
                patterns.push(vars::literal(v));
            }
        }
        let Some(present) = present else {
            return to_outcome(match op.set {
                SetOp::ForAllValues => true,
                SetOp::ForAnyValue => op.if_exists,
                SetOp::None => op.if_exists || op.base.negated(),
            });
        };
        // Per request value: does it satisfy the operator against the policy values?
        let satisfies = |value: &str| {
            let any = patterns.iter().any(|p| positive(op.base, value, p));
            if op.base.negated() { !any } else { any }
        };
        let values = &present.values;
        to_outcome(match op.set {
            SetOp::ForAllValues => values.iter().all(|v| v.is_empty() || satisfies(v)),
            SetOp::ForAnyValue => values.iter().any(|v| satisfies(v)),
            SetOp::None => {
                let any = values
                    .iter()
                    .any(|v| patterns.iter().any(|p| positive(op.base, v, p)));
                if op.base.negated() { !any } else { any }
            }
        })
    }
}

fn to_outcome(b: bool) -> Outcome {
    if b { Outcome::True } else { Outcome::False }
}

/// Whether a request value matches one policy value under the operator's positive form
/// (`StringNotLike` is tested as `StringLike` and negated by the caller). A value that
/// can't be read as the operator's type (a number, a date, an address) does not match.
fn positive(base: Base, value: &str, pattern: &[Token]) -> bool {
    use Base::*;
    let plain = || vars::plain(pattern);
    match base {
        StringEquals | StringNotEquals => plain() == value,
        StringEqualsIgnoreCase | StringNotEqualsIgnoreCase => {
            plain().to_lowercase() == value.to_lowercase()
        }
        StringLike | StringNotLike => glob::matches(pattern, value),
        ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => arn_like(pattern, value),
        NumericEquals
        | NumericNotEquals
        | NumericLessThan
        | NumericLessThanEquals
        | NumericGreaterThan
        | NumericGreaterThanEquals => {
            let num = |s: &str| s.trim().parse::<f64>().ok();
            ordered(
                base,
                num(value)
                    .zip(num(&plain()))
                    .and_then(|(v, p)| v.partial_cmp(&p)),
            )
        }
        DateEquals
        | DateNotEquals
        | DateLessThan
        | DateLessThanEquals
        | DateGreaterThan
        | DateGreaterThanEquals => ordered(
            base,
            parse_date(value)
                .zip(parse_date(&plain()))
                .map(|(v, p)| v.cmp(&p)),
        ),
        Bool => value.eq_ignore_ascii_case(&plain()),
        // "compares the value of the specified key byte for byte against a base-64
        // encoded representation of the binary value in the policy".
        BinaryEquals => {
            let b64 = base64::engine::general_purpose::STANDARD;
            match (b64.decode(value.trim()), b64.decode(plain().trim())) {
                (Ok(v), Ok(p)) => v == p,
                _ => false,
            }
        }
        IpAddress | NotIpAddress => match value.trim().parse::<IpAddr>() {
            Ok(ip) => cidr_contains(&plain(), ip),
            Err(_) => false,
        },
        Null => false,
    }
}

/// A numeric or date operator's verdict on how the request value compares with the
/// policy's; `None` (a value that is no number or date) matches nothing.
fn ordered(base: Base, ord: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::*;
    let Some(ord) = ord else { return false };
    match base {
        Base::NumericLessThan | Base::DateLessThan => ord == Less,
        Base::NumericLessThanEquals | Base::DateLessThanEquals => ord != Greater,
        Base::NumericGreaterThan | Base::DateGreaterThan => ord == Greater,
        Base::NumericGreaterThanEquals | Base::DateGreaterThanEquals => ord != Less,
        _ => ord == Equal,
    }
}

/// `ArnLike`/`ArnEquals`: "Each of the six colon-delimited components of the ARN is
/// checked separately and each can include multi-character match wildcards (*) or
/// single-character match wildcards (?)" (both operators take wildcards). The sixth
/// component, the resource, may itself hold colons.
fn arn_like(pattern: &[Token], value: &str) -> bool {
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    let mut segs: Vec<&[Token]> = Vec::with_capacity(6);
    let mut start = 0;
    for (i, t) in pattern.iter().enumerate() {
        if *t == Token::Char(':') && segs.len() < 5 {
            segs.push(&pattern[start..i]);
            start = i + 1;
        }
    }
    segs.push(&pattern[start..]);
    parts.len() == 6 && segs.len() == 6 && segs.iter().zip(&parts).all(|(s, p)| glob::matches(s, p))
}

/// Milliseconds since the epoch of a W3C ISO 8601 date or an epoch time in seconds, the
/// two forms the date operators accept.
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && !s[1..].contains('-')
    {
        let secs: f64 = s.parse().ok()?;
        if !secs.is_finite() || secs.abs() > 1e14 {
            return None;
        }
        return Some((secs * 1000.0).round() as i64);
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.timestamp_millis());
    }
    // The shorter W3C profiles: a date, or a time to the minute or second with a zone.
    for fmt in ["%Y-%m-%dT%H:%M%#z", "%Y-%m-%dT%H:%M:%S%#z"] {
        if let Ok(t) = chrono::DateTime::parse_from_str(s, fmt) {
            return Some(t.timestamp_millis());
        }
    }
    if let Some(naive) = s.strip_suffix('Z') {
        for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S%.f"] {
            if let Ok(t) = chrono::NaiveDateTime::parse_from_str(naive, fmt) {
                return Some(t.and_utc().timestamp_millis());
            }
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc().timestamp_millis());
        }
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
}

/// Whether `ip` is in `cidr` (`203.0.113.0/24`, `2001:db8::/32`; an address alone is
/// its /32 or /128, as IAM reads it).
pub fn cidr_contains(cidr: &str, ip: IpAddr) -> bool {
    let cidr = cidr.trim();
    let (addr, len) = match cidr.split_once('/') {
        Some((a, l)) => match l.parse::<u32>() {
            Ok(l) => (a, Some(l)),
            Err(_) => return false,
        },
        None => (cidr, None),
    };
    let Ok(net) = addr.parse::<IpAddr>() else {
        return false;
    };
    match (canonical_ip(net), canonical_ip(ip)) {
        (IpAddr::V4(n), IpAddr::V4(i)) => {
            let len = len.unwrap_or(32);
            len <= 32
                && prefix_eq(
                    u128::from(u32::from(n)) << 96,
                    u128::from(u32::from(i)) << 96,
                    len,
                )
        }
        (IpAddr::V6(n), IpAddr::V6(i)) => {
            let len = len.unwrap_or(128);
            len <= 128 && prefix_eq(u128::from(n), u128::from(i), len)
        }
        _ => false,
    }
}

fn prefix_eq(a: u128, b: u128, len: u32) -> bool {
    len == 0 || (a ^ b) >> (128 - len) == 0
}

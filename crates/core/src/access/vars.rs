//! Policy variables: `${aws:username}` and the other single-valued keys of the request,
//! `${key, 'default'}`, and `${*}`, `${?}`, `${$}` for a literal `*`, `?` and `$` (IAM
//! user guide, "IAM policy elements: Variables and tags"). Only a `2012-10-17` policy has
//! variables; in older ones `${...}` is literal text.

use super::context::Context;
use super::glob::{self, Token};

pub enum Resolved {
    Tokens(Vec<Token>),
    /// A variable whose key the request does not carry (or carries with several values,
    /// which "can't be used as a policy variable"), and no default.
    Unresolved,
}

/// A pattern with no variables.
pub fn literal(text: &str) -> Vec<Token> {
    glob::compile(text)
}

/// The pattern as plain text, for the operators that take no wildcards (`StringEquals`
/// compares a policy's `*` as a `*`).
pub fn plain(tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| match t {
            Token::Char(c) => *c,
            Token::Any => '*',
            Token::One => '?',
        })
        .collect()
}

/// Substitutes the variables of `text`; a substituted value matches only itself (a tag
/// value holding `*` is no wildcard).
pub fn interpolate(text: &str, ctx: &Context) -> Resolved {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.extend(glob::compile(&rest[..start]));
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            // An unclosed `${` is text.
            out.extend(glob::compile(&rest[start..]));
            return Resolved::Tokens(out);
        };
        let inner = &after[..end];
        match resolve(inner, ctx) {
            Some(value) => out.extend(value.chars().map(Token::Char)),
            None => return Resolved::Unresolved,
        }
        rest = &after[end + 1..];
    }
    out.extend(glob::compile(rest));
    Resolved::Tokens(out)
}

fn resolve(inner: &str, ctx: &Context) -> Option<String> {
    match inner {
        "*" | "?" | "$" => return Some(inner.to_string()),
        _ => {}
    }
    let (key, default) = match inner.split_once(',') {
        Some((k, d)) => {
            let d = d.trim();
            let d = d
                .strip_prefix('\'')
                .and_then(|d| d.strip_suffix('\''))
                .map(|d| d.replace("''", "'"));
            (k.trim(), d)
        }
        None => (inner.trim(), None),
    };
    match ctx.get(key) {
        Some(v) if !v.multi && v.values.len() == 1 => Some(v.values[0].clone()),
        _ => default,
    }
}

/// A `Resource` pattern: variables only in the resource part, after the fifth colon
/// ("You can't use a variable to replace parts of the ARN before the fifth colon").
pub fn resource_pattern(text: &str, ctx: &Context, variables: bool) -> Resolved {
    if !variables {
        return Resolved::Tokens(literal(text));
    }
    match text.match_indices(':').nth(4) {
        Some((i, _)) => match interpolate(&text[i + 1..], ctx) {
            Resolved::Tokens(tail) => {
                let mut head = literal(&text[..=i]);
                head.extend(tail);
                Resolved::Tokens(head)
            }
            Resolved::Unresolved => Resolved::Unresolved,
        },
        None => Resolved::Tokens(literal(text)),
    }
}

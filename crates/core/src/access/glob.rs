//! IAM's wildcard patterns: `*` matches any run of characters (`/` and `:` included),
//! `?` exactly one; everything else, including the characters a `${*}`, `${?}` or
//! `${$}` variable stands for, matches itself.

/// One element of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Char(char),
    /// `*`: any run of characters, possibly empty.
    Any,
    /// `?`: exactly one character.
    One,
}

/// A pattern read literally except for `*` and `?`.
pub fn compile(pattern: &str) -> Vec<Token> {
    pattern
        .chars()
        .map(|c| match c {
            '*' => Token::Any,
            '?' => Token::One,
            c => Token::Char(c),
        })
        .collect()
}

/// Whether `text` matches `pattern`, comparing characters with `eq`.
///
/// Greedy matching with a single backtrack point (the last `*` seen): linear in
/// practice and O(len(text) × len(pattern)) at worst, with no recursion, so no
/// policy can make it blow the stack or run away.
pub fn matches_by(pattern: &[Token], text: &str, eq: impl Fn(char, char) -> bool) -> bool {
    // Positions in `text` are byte offsets on char boundaries: no copy of the text.
    let next = |t: usize| text[t..].chars().next();
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while let Some(c) = next(t) {
        match pattern.get(p) {
            Some(Token::Any) => {
                star = Some((p, t));
                p += 1;
            }
            Some(Token::One) => {
                p += 1;
                t += c.len_utf8();
            }
            Some(Token::Char(x)) if eq(*x, c) => {
                p += 1;
                t += c.len_utf8();
            }
            _ => match star {
                // Let the last `*` swallow one more character and retry.
                Some((sp, st)) => {
                    let st = st + next(st).map_or(1, char::len_utf8);
                    p = sp + 1;
                    t = st;
                    star = Some((sp, st));
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..]
        .iter()
        .all(|tok| *tok == Token::Any)
}

/// Case-sensitive match (resources, `StringLike`, `ArnLike`).
pub fn matches(pattern: &[Token], text: &str) -> bool {
    matches_by(pattern, text, |a, b| a == b)
}

/// Case-insensitive match (actions: `secretsmanager:getsecretvalue` is the same action).
pub fn matches_ignore_case(pattern: &[Token], text: &str) -> bool {
    matches_by(pattern, text, |a, b| {
        // ASCII against ASCII needs no Unicode tables (an action's every character).
        a == b
            || if a.is_ascii() && b.is_ascii() {
                a.eq_ignore_ascii_case(&b)
            } else {
                a.to_lowercase().eq(b.to_lowercase())
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(p: &str, t: &str) -> bool {
        matches(&compile(p), t)
    }

    #[test]
    fn star_matches_any_run_including_separators() {
        assert!(m(
            "arn:aws:secretsmanager:*:secret:app/*",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbC123"
        ));
        assert!(m("*", ""));
        assert!(m("a*", "a"));
        assert!(!m("app/*", "prod/db"));
    }

    #[test]
    fn question_mark_matches_exactly_one_character() {
        assert!(m("db-??????", "db-AbC123"));
        assert!(!m("db-??????", "db-AbC12"));
        assert!(!m("db-??????", "db-AbC1234"));
    }

    #[test]
    fn literal_characters_are_case_sensitive_unless_asked() {
        assert!(!m("App/*", "app/x"));
        assert!(matches_ignore_case(
            &compile("SecretsManager:Get*"),
            "secretsmanager:GetSecretValue"
        ));
    }

    #[test]
    fn escaped_tokens_match_only_themselves() {
        let p = vec![Token::Char('*'), Token::Char('?')];
        assert!(matches(&p, "*?"));
        assert!(!matches(&p, "ab"));
    }

    /// A reference matcher: plain recursion over the definition.
    fn reference(p: &[Token], t: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some((Token::Any, rest)) => (0..=t.len()).any(|i| reference(rest, &t[i..])),
            Some((Token::One, rest)) => !t.is_empty() && reference(rest, &t[1..]),
            Some((Token::Char(c), rest)) => t.first() == Some(c) && reference(rest, &t[1..]),
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_definition(p in "[aé*?]{0,8}", t in "[aé]{0,10}") {
            let pat = compile(&p);
            let chars: Vec<char> = t.chars().collect();
            prop_assert_eq!(matches(&pat, &t), reference(&pat, &chars));
        }

        #[test]
        fn a_text_matches_itself_and_star(t in "[a-z:/*?-]{0,20}") {
            let literal: Vec<Token> = t.chars().map(Token::Char).collect();
            prop_assert!(matches(&literal, &t));
            prop_assert!(matches(&compile("*"), &t));
        }

        #[test]
        fn stars_never_panic_on_long_inputs(p in "[a*]{0,40}", t in "a{0,200}") {
            let _ = matches(&compile(&p), &t);
        }
    }
}

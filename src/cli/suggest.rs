//! Python's `difflib.get_close_matches`, exactly: the AWS CLI v2 picks its "Maybe you
//! meant:" choices with it, and no kept crate computes `SequenceMatcher.ratio()` (strsim's
//! measures rank differently), so it is written out here from difflib's algorithm.

/// The best `n` (at most 3, as difflib's default) choices whose similarity to `word` is
/// at least `cutoff`, best first; ties go to the greater string, as `heapq.nlargest` on
/// `(score, choice)` pairs does.
pub fn close_matches<'c>(word: &str, choices: &[&'c str], cutoff: f64) -> Vec<&'c str> {
    let b: Vec<char> = word.chars().collect();
    let mut scored: Vec<(f64, &str)> = choices
        .iter()
        .map(|c| (ratio(&c.chars().collect::<Vec<_>>(), &b), *c))
        .filter(|(score, _)| *score >= cutoff)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| y.1.cmp(x.1)));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// `SequenceMatcher(None, a, b).ratio()`: 2·M / (|a| + |b|), M the characters in the
/// matching blocks. Without junk, and below 200 characters (no "popular" elements),
/// exactly as difflib computes it.
fn ratio(a: &[char], b: &[char]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let mut matched = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, b, alo, ahi, blo, bhi);
        if k > 0 {
            matched += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    2.0 * matched as f64 / total as f64
}

/// `find_longest_match`: the longest common run, the earliest in `a` (then in `b`) on ties.
fn longest_match(
    a: &[char],
    b: &[char],
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut best_i, mut best_j, mut best) = (alo, blo, 0);
    // Run lengths ending at each j for the previous i (difflib's j2len), 1-based.
    let mut previous = vec![0usize; b.len() + 1];
    for (i, ai) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut current = vec![0usize; b.len() + 1];
        for (j, bj) in b.iter().enumerate().take(bhi).skip(blo) {
            if ai == bj {
                let k = previous[j] + 1;
                current[j + 1] = k;
                if k > best {
                    (best_i, best_j, best) = (i + 1 - k, j + 1 - k, k);
                }
            }
        }
        previous = current;
    }
    (best_i, best_j, best)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from CPython 3's difflib.
    #[test]
    fn ratios_are_difflibs() {
        let r = |a: &str, b: &str| {
            ratio(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(r("abcd", "bcde"), 0.75);
        assert_eq!(r("", ""), 1.0);
        assert_eq!(r("get-secret-value", "get-secret-valu"), 30.0 / 31.0);
        // difflib's blocks, not the longest common subsequence: "ab" then nothing.
        assert_eq!(r("abxcd", "cdxab"), 0.4);
    }

    #[test]
    fn the_aws_cli_suggestions_for_a_misspelled_operation() {
        let ops = [
            "batch-get-secret-value",
            "cancel-rotate-secret",
            "create-secret",
            "get-secret-value",
            "put-secret-value",
            "list-secrets",
            "help",
        ];
        assert_eq!(
            close_matches("get-secret-valu", &ops, 0.8),
            [
                "get-secret-value",
                "put-secret-value",
                "batch-get-secret-value"
            ]
        );
        assert!(close_matches("s3", &ops, 0.8).is_empty());
        assert_eq!(
            close_matches("jsn", &["json", "text", "table", "yaml"], 0.8),
            ["json"]
        );
        assert_eq!(close_matches("ñ", &["json"], 0.8), Vec::<&str>::new());
    }
}

//! ListSecrets / BatchGetSecretValue `Filters`: service-side validation and per-secret matching.

/// One request filter: a key and the values to match (ORed together).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub key: String,
    pub values: Vec<String>,
}

/// What the matcher may look at of one secret.
///
/// Tags are borrowed pairs so callers can build them from any storage
/// without cloning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterView<'a> {
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub tags: &'a [(&'a str, &'a str)],
    pub primary_region: Option<&'a str>,
    pub owning_service: Option<&'a str>,
}

/// A rejected `Filters` parameter. `Display` is the exact AWS message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// Model constraint violations; holds the whole
    /// `N validation error(s) detected: ...` message.
    #[error("{0}")]
    Validation(String),
}

impl FilterError {
    /// The AWS error code (`__type`) that goes with the message.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation(_) => "ValidationException",
        }
    }
}

/// The `FilterNameStringType` enum, in model order (the order AWS prints).
pub const FILTER_KEYS: [&str; 7] = [
    "description",
    "name",
    "tag-key",
    "tag-value",
    "primary-region",
    "owning-service",
    "all",
];
pub const MAX_FILTERS: usize = 10;
pub const MAX_VALUES: usize = 10;
pub const MAX_VALUE_LENGTH: usize = 512;
pub const VALUE_PATTERN: &str = r"^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$";

/// Separators of secret names; the `all` filter splits words on them.
const NAME_SEPARATORS: [char; 7] = ['/', '_', '+', '=', '.', '@', '-'];

// Variant names mirror the AWS key strings (`tag-key` -> TagKey).
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Description,
    Name,
    TagKey,
    TagValue,
    PrimaryRegion,
    OwningService,
    All,
}

impl Key {
    /// Keys are case-sensitive: the model enum lists lowercase values only.
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "description" => Self::Description,
            "name" => Self::Name,
            "tag-key" => Self::TagKey,
            "tag-value" => Self::TagValue,
            "primary-region" => Self::PrimaryRegion,
            "owning-service" => Self::OwningService,
            "all" => Self::All,
            _ => return None,
        })
    }
}

/// Checks filters given outside a request (push and pull's `--filter`) against the
/// model's constraints (enum, counts, length, pattern), in the words and order of
/// [`super::validate`], which checks a request's filters before the operation starts.
pub fn validate(filters: &[Filter]) -> Result<(), FilterError> {
    let mut violations = Vec::new();
    if filters.len() > MAX_FILTERS {
        violations.push(format!(
            "Value '{}' at 'filters' failed to satisfy constraint: Member must have length less than or equal to {MAX_FILTERS}",
            render_filters(filters)
        ));
    }
    for (i, filter) in filters.iter().enumerate() {
        let at = format!("filters.{}.member", i + 1);
        if Key::parse(&filter.key).is_none() {
            violations.push(format!(
                "Value '{}' at '{at}.key' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
                filter.key,
                FILTER_KEYS.join(", ")
            ));
        }
        if filter.values.is_empty() {
            violations.push(format!(
                "Value '[]' at '{at}.values' failed to satisfy constraint: Member must have length greater than or equal to 1"
            ));
        } else if filter.values.len() > MAX_VALUES {
            violations.push(format!(
                "Value '{}' at '{at}.values' failed to satisfy constraint: Member must have length less than or equal to {MAX_VALUES}",
                render_list(&filter.values)
            ));
        }
        for (j, value) in filter.values.iter().enumerate() {
            let at = format!("{at}.values.{}.member", j + 1);
            // Java counts UTF-16 units; non-ASCII fails the pattern anyway.
            if value.encode_utf16().count() > MAX_VALUE_LENGTH {
                violations.push(format!(
                    "Value '{value}' at '{at}' failed to satisfy constraint: Member must have length less than or equal to {MAX_VALUE_LENGTH}"
                ));
            }
            if !value_matches_pattern(value) {
                violations.push(format!(
                    "Value '{value}' at '{at}' failed to satisfy constraint: Member must satisfy regular expression pattern: {VALUE_PATTERN}"
                ));
            }
        }
    }
    if violations.is_empty() {
        Ok(())
    } else {
        Err(FilterError::Validation(super::validate::message(
            &violations,
        )))
    }
}

/// `^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$`: `!` is in the class too, so the
/// optional leading `!` needs no special case.
fn value_matches_pattern(value: &str) -> bool {
    value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || " :_@/+=.-!".contains(c))
}

/// Java's `List.toString()`, which AWS echoes for list-valued members.
fn render_list(values: &[String]) -> String {
    format!("[{}]", values.join(", "))
}

/// How a list of filter structures is echoed is unrecorded; this follows
/// the AWS Java SDK's `toString()` shape.
fn render_filters(filters: &[Filter]) -> String {
    let items: Vec<String> = filters
        .iter()
        .map(|f| format!("{{Key: {},Values: {}}}", f.key, render_list(&f.values)))
        .collect();
    format!("[{}]", items.join(", "))
}

/// True when the secret passes every filter: filters are ANDed (even with
/// the same key), the values of one filter ORed. An unknown key matches
/// nothing; call [`validate`] first to report it.
pub fn matches(filters: &[Filter], s: &FilterView) -> bool {
    filters.iter().all(|f| filter_matches(f, s))
}

fn filter_matches(filter: &Filter, s: &FilterView) -> bool {
    let Some(key) = Key::parse(&filter.key) else {
        return false;
    };
    filter.values.iter().any(|v| value_matches(key, v, s))
}

/// A leading `!` negates the rest of the value. The negation is of the whole
/// positive test, so a secret lacking the attribute (no description, no
/// tags) passes it (conformance README item 3), and `tag-key=!x` drops any
/// secret that has a tag key starting with `x`.
fn value_matches(key: Key, value: &str, s: &FilterView) -> bool {
    match value.strip_prefix('!') {
        Some(rest) => !positive_match(key, rest, s),
        None => positive_match(key, value, s),
    }
}

fn positive_match(key: Key, value: &str, s: &FilterView) -> bool {
    match key {
        // Case-sensitive prefix of the whole attribute (no word splitting).
        Key::Name => s.name.starts_with(value),
        Key::TagKey => s.tags.iter().any(|(k, _)| k.starts_with(value)),
        Key::TagValue => s.tags.iter().any(|(_, v)| v.starts_with(value)),
        Key::PrimaryRegion => s.primary_region.is_some_and(|r| r.starts_with(value)),
        Key::OwningService => s.owning_service.is_some_and(|o| o.starts_with(value)),
        Key::Description => s
            .description
            .is_some_and(|d| every_word_prefixes(&whitespace_words(value), &whitespace_words(d))),
        Key::All => {
            let mut haystack = search_words(s.name);
            if let Some(d) = s.description {
                haystack.extend(search_words(d));
            }
            for (k, v) in s.tags {
                haystack.extend(search_words(k));
                haystack.extend(search_words(v));
            }
            every_word_prefixes(&search_words(value), &haystack)
        }
    }
}

/// Word-wise search (AND over the value's words): each wanted word must be a
/// prefix of some word of the attribute. A value with no words at all (empty,
/// blank, a lone separator such as `+`) matches nothing.
fn every_word_prefixes(wanted: &[String], have: &[String]) -> bool {
    !wanted.is_empty()
        && wanted
            .iter()
            .all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
}

/// The `description` filter's words: whitespace-separated, case-folded
/// (observed: "a" matches "an secret" but "a secret" does not match "asecret").
fn whitespace_words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

/// The `all` filter's words, case-folded. Whitespace always separates. In a
/// whitespace-free chunk, the name separators `/ _ + = . @ -` and any other
/// non-alphanumeric character separate, then case changes split further
/// (see [`split_case`]). Exception, per aws-behavior.md §6.3: a chunk mixing
/// two different name separators (`prod-AppBeta/x`) stays one unsplit word.
/// Value and attributes go through the same splitter, so any whole word or
/// name always finds itself.
fn search_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    for chunk in s.split_whitespace() {
        let mut seps = chunk.chars().filter(|c| NAME_SEPARATORS.contains(c));
        if let Some(first) = seps.next()
            && seps.any(|c| c != first)
        {
            words.push(chunk.to_lowercase());
            continue;
        }
        for run in chunk.split(|c: char| !c.is_alphanumeric()) {
            split_case(run, &mut words);
        }
    }
    words
}

/// Splits an alphanumeric run on case and letter/digit changes, as the AWS
/// user guide describes and the verified `all` tests pin down. A word starts:
/// - after a lowercase letter at a non-lowercase one (`credsDatabase`, `abc1`);
/// - at an uppercase letter followed by a lowercase one, so `COMPANYthings`
///   is `COMPAN` + `Ythings` (verified: `Ythings` matches, `things` does not);
/// - at a digit after any letter (`ABC123` → `ABC`, `123`).
///
/// A digit followed by lowercase letters stays one word (`3fa`), which keeps
/// random hex suffixes from producing one-letter words.
fn split_case(run: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = run.chars().collect();
    let mut start = 0;
    for i in 1..chars.len() {
        let (prev, cur) = (chars[i - 1], chars[i]);
        let next_is_lower = chars.get(i + 1).is_some_and(|c| c.is_lowercase());
        let boundary = (prev.is_lowercase() && !cur.is_lowercase())
            || (cur.is_uppercase() && next_is_lower)
            || (prev.is_alphabetic() && cur.is_numeric());
        if boundary {
            out.push(chars[start..i].iter().collect::<String>().to_lowercase());
            start = i;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect::<String>().to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(key: &str, values: &[&str]) -> Filter {
        Filter {
            key: key.to_string(),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    /// A test secret; `tags` pairs are (key, value).
    struct Secret {
        name: &'static str,
        description: Option<&'static str>,
        tags: Vec<(&'static str, &'static str)>,
        primary_region: Option<&'static str>,
        owning_service: Option<&'static str>,
    }

    fn secret(name: &'static str) -> Secret {
        Secret {
            name,
            description: None,
            tags: Vec::new(),
            primary_region: None,
            owning_service: None,
        }
    }

    fn described(name: &'static str, description: &'static str) -> Secret {
        Secret {
            description: Some(description),
            ..secret(name)
        }
    }

    fn tagged(name: &'static str, tags: &[(&'static str, &'static str)]) -> Secret {
        Secret {
            tags: tags.to_vec(),
            ..secret(name)
        }
    }

    impl Secret {
        fn view(&self) -> FilterView<'_> {
            FilterView {
                name: self.name,
                description: self.description,
                tags: &self.tags,
                primary_region: self.primary_region,
                owning_service: self.owning_service,
            }
        }
    }

    /// Names of `secrets` (in order) that pass `filters`.
    fn listed(filters: &[Filter], secrets: &[Secret]) -> Vec<&'static str> {
        secrets
            .iter()
            .filter(|s| matches(filters, &s.view()))
            .map(|s| s.name)
            .collect()
    }

    /// Table runner: (filters, expected names) against one set of secrets.
    fn check_table(secrets: &[Secret], table: &[(Vec<Filter>, Vec<&str>)]) {
        for (filters, expected) in table {
            assert_eq!(&listed(filters, secrets), expected, "filters {filters:?}");
        }
    }

    fn words(s: &str) -> Vec<String> {
        search_words(s)
    }

    // ---- combination ----

    #[test]
    fn no_filters_match_everything() {
        assert!(matches(&[], &secret("x").view()));
    }

    #[test]
    fn filters_with_the_same_key_are_anded() {
        // MOTO-V test_with_duplicate_filter_keys
        let secrets = [
            described("foo", "one two"),
            described("bar", "one"),
            described("baz", "two"),
            described("qux", "unrelated"),
        ];
        check_table(
            &secrets,
            &[(
                vec![f("description", &["one"]), f("description", &["two"])],
                vec!["foo"],
            )],
        );
    }

    #[test]
    fn filters_with_different_keys_are_anded() {
        // LS-T test_list_secrets_filtering: description=a AND name=secret -> none
        let secrets = [
            described("a-secret", "a secret"),
            described("secret", "asecret"),
        ];
        check_table(
            &secrets,
            &[(
                vec![f("description", &["a"]), f("name", &["nomatch"])],
                vec![],
            )],
        );
        let secrets = [
            tagged("foo", &[("right", "right")]),
            tagged("bar", &[("right", "wrong")]),
            tagged("baz", &[("wrong", "right")]),
        ];
        check_table(
            &secrets,
            &[(
                vec![f("tag-key", &["right"]), f("tag-value", &["right"])],
                vec!["foo"],
            )],
        );
    }

    #[test]
    fn values_of_one_filter_are_ored() {
        let secrets = [secret("foo"), secret("bar"), secret("baz")];
        check_table(
            &secrets,
            &[(vec![f("name", &["foo", "bar"])], vec!["foo", "bar"])],
        );
    }

    #[test]
    fn unknown_key_matches_nothing() {
        assert!(!matches(&[f("Name", &["x"])], &secret("x").view()));
    }

    // ---- name ----

    #[test]
    fn name_is_a_case_sensitive_prefix_of_the_whole_name() {
        // DOC manage_search-secret; LS-T "/", "!/", "testing1 one"
        let secrets = [
            secret("DatabaseSecret"),
            secret("databaseSecret"),
            secret("MyData"),
            secret("/slash/first"),
            secret("testing1"),
        ];
        check_table(
            &secrets,
            &[
                (vec![f("name", &["Data"])], vec!["DatabaseSecret"]),
                (vec![f("name", &["/"])], vec!["/slash/first"]),
                (
                    vec![f("name", &["!/"])],
                    vec!["DatabaseSecret", "databaseSecret", "MyData", "testing1"],
                ),
                (vec![f("name", &["testing1 one"])], vec![]),
                (vec![f("name", &["Secret"])], vec![]),
            ],
        );
    }

    // ---- description ----

    fn ls_descriptions() -> [Secret; 4] {
        [
            described("s1", "a secret"),
            described("s2", "an secret"),
            described("s3", "asecret"),
            described("s4", "thesecret"),
        ]
    }

    #[test]
    fn description_matches_word_prefixes() {
        // LS-T test_list_secrets_filtering
        check_table(
            &ls_descriptions(),
            &[
                (vec![f("description", &["a"])], vec!["s1", "s2", "s3"]),
                (vec![f("description", &["a secret"])], vec!["s1", "s2"]),
                (vec![f("description", &["secret"])], vec!["s1", "s2"]),
            ],
        );
    }

    #[test]
    fn description_negation() {
        // LS-T: !a -> only "thesecret"; !c -> all four
        check_table(
            &ls_descriptions(),
            &[
                (vec![f("description", &["!a"])], vec!["s4"]),
                (
                    vec![f("description", &["!c"])],
                    vec!["s1", "s2", "s3", "s4"],
                ),
            ],
        );
    }

    #[test]
    fn description_every_value_word_must_match() {
        // MOTO-V test_with_filter_with_value_with_multiple_words
        let secrets = [
            described("foo", "one two"),
            described("bar", "one and two"),
            described("baz", "one"),
            described("qux", "two"),
            described("none", "unrelated"),
        ];
        check_table(
            &secrets,
            &[
                (vec![f("description", &["one two"])], vec!["foo", "bar"]),
                (vec![f("description", &["o t"])], vec!["foo", "bar"]),
                (vec![f("description", &["t"])], vec!["foo", "bar", "qux"]),
            ],
        );
    }

    #[test]
    fn description_is_case_insensitive_and_order_free() {
        // DOC: "My Description" matches all of these
        let secrets = [
            described("a", "My Description"),
            described("b", "my description"),
            described("c", "My basic description"),
            described("d", "Description of my secret"),
            described("e", "Mine only"),
        ];
        check_table(
            &secrets,
            &[(
                vec![f("description", &["My Description"])],
                vec!["a", "b", "c", "d"],
            )],
        );
    }

    #[test]
    fn description_missing_never_matches_but_negation_keeps_it() {
        let s = secret("plain");
        assert!(!matches(&[f("description", &["a"])], &s.view()));
        assert!(matches(&[f("description", &["!a"])], &s.view()));
    }

    #[test]
    fn blank_description_value_matches_nothing() {
        let s = described("x", "anything");
        assert!(!matches(&[f("description", &[""])], &s.view()));
        assert!(!matches(&[f("description", &["   "])], &s.view()));
    }

    // ---- tags, region, owning service ----

    #[test]
    fn tag_key_and_value_are_case_sensitive_prefixes() {
        let secrets = [
            tagged("prod", &[("env", "prod")]),
            tagged("dev", &[("Env", "dev")]),
            secret("untagged"),
        ];
        check_table(
            &secrets,
            &[
                (vec![f("tag-key", &["en"])], vec!["prod"]),
                (vec![f("tag-key", &["E"])], vec!["dev"]),
                (vec![f("tag-value", &["pr"])], vec!["prod"]),
                (vec![f("tag-value", &["Prod"])], vec![]),
                (vec![f("tag-value", &["rod"])], vec![]),
            ],
        );
    }

    #[test]
    fn tag_negation_keeps_untagged_and_drops_any_matching_tag() {
        let secrets = [
            tagged("a", &[("env", "prod"), ("team", "x")]),
            tagged("b", &[("team", "y")]),
            secret("c"),
        ];
        check_table(&secrets, &[(vec![f("tag-key", &["!env"])], vec!["b", "c"])]);
    }

    #[test]
    fn primary_region_and_owning_service_are_case_sensitive_prefixes() {
        let replicated = Secret {
            primary_region: Some("us-east-1"),
            owning_service: Some("rds"),
            ..secret("r")
        };
        let plain = secret("p");
        let secrets = [replicated, plain];
        check_table(
            &secrets,
            &[
                (vec![f("primary-region", &["us-east"])], vec!["r"]),
                (vec![f("primary-region", &["US"])], vec![]),
                (vec![f("primary-region", &["!us"])], vec!["p"]),
                (vec![f("owning-service", &["rd"])], vec!["r"]),
                (vec![f("owning-service", &["RDS"])], vec![]),
                (vec![f("owning-service", &["!rds"])], vec!["p"]),
            ],
        );
    }

    // ---- conformance 09 ----

    #[test]
    fn conformance_09_list_secrets_filters() {
        let secrets = [
            Secret {
                description: Some("prod api key"),
                tags: vec![("env", "prod")],
                ..secret("prod/api")
            },
            tagged("dev/api", &[("env", "dev")]),
            secret("dev/db"),
        ];
        check_table(
            &secrets,
            &[
                (vec![f("name", &["dev"])], vec!["dev/api", "dev/db"]),
                (vec![f("tag-value", &["prod"])], vec!["prod/api"]),
                (vec![f("description", &["prod"])], vec!["prod/api"]),
            ],
        );
    }

    // ---- all ----

    /// MOTO-V test_with_all_filter, with a fixed stand-in for the uuid part.
    fn all_filter_secrets() -> [Secret; 6] {
        [
            secret("SecretOne3fa2b1"),
            described("SecretTwo3fa2b1", "DescTwo"),
            secret("Thirdsecret3fa2b1"),
            tagged("SecretFTag3fa2b1", &[("1", "foo")]),
            tagged("SecretFValue3fa2b1", &[("foo", "v")]),
            secret("none3fa2b1"),
        ]
    }

    #[test]
    fn all_matches_word_prefixes_case_insensitively() {
        let four = vec![
            "SecretOne3fa2b1",
            "SecretTwo3fa2b1",
            "SecretFTag3fa2b1",
            "SecretFValue3fa2b1",
        ];
        check_table(
            &all_filter_secrets(),
            &[
                (vec![f("all", &["SecretOne"])], vec!["SecretOne3fa2b1"]),
                (
                    vec![f("all", &["foo"])],
                    vec!["SecretFTag3fa2b1", "SecretFValue3fa2b1"],
                ),
                (vec![f("all", &["Secret"])], four.clone()),
                (vec![f("all", &["secret"])], four.clone()),
                (vec![f("all", &["sec"])], four),
                (vec![f("all", &["ret"])], vec![]),
                (vec![f("all", &["SomeSecret"])], vec![]),
            ],
        );
    }

    #[test]
    fn all_single_letters_hit_word_starts() {
        check_table(
            &all_filter_secrets(),
            &[
                (vec![f("all", &["d"])], vec!["SecretTwo3fa2b1"]),
                (
                    vec![f("all", &["t"])],
                    vec!["SecretTwo3fa2b1", "Thirdsecret3fa2b1", "SecretFTag3fa2b1"],
                ),
            ],
        );
    }

    #[test]
    fn all_multi_word_value_requires_every_word() {
        // "d t": only DescTwo has both a d-word and a t-word.
        check_table(
            &all_filter_secrets(),
            &[(vec![f("all", &["d t"])], vec!["SecretTwo3fa2b1"])],
        );
    }

    fn special_char_secrets() -> [Secret; 10] {
        [
            secret("prod/AppBeta/x1y2z3"),
            secret("prod_AppBeta_x1y2z3"),
            secret("prod+AppBeta+x1y2z3"),
            secret("prod=AppBeta=x1y2z3"),
            secret("prod.AppBeta.x1y2z3"),
            secret("prod@AppBeta@x1y2z3"),
            secret("prod-AppBeta-x1y2z3"),
            secret("prod-AppBeta/x1y2z3"),
            secret("uat/COMPANY/x1y2z3"),
            secret("uat/COMPANYthings/x1y2z3"),
        ]
    }

    const SEPARATED: [&str; 7] = [
        "prod/AppBeta/x1y2z3",
        "prod_AppBeta_x1y2z3",
        "prod+AppBeta+x1y2z3",
        "prod=AppBeta=x1y2z3",
        "prod.AppBeta.x1y2z3",
        "prod@AppBeta@x1y2z3",
        "prod-AppBeta-x1y2z3",
    ];

    #[test]
    fn all_splits_on_each_name_separator() {
        // MOTO-V test_with_all_filter_special_characters
        check_table(
            &special_char_secrets(),
            &[
                (vec![f("all", &["AppBeta"])], SEPARATED.to_vec()),
                (vec![f("all", &["Beta"])], SEPARATED.to_vec()),
                (vec![f("all", &["beta"])], SEPARATED.to_vec()),
                // Splitting happens before case folding: `appbeta` is one
                // word, and no word of these names starts with it.
                (vec![f("all", &["appbeta"])], vec![]),
            ],
        );
    }

    #[test]
    fn all_never_splits_a_name_mixing_two_separators() {
        check_table(
            &special_char_secrets(),
            &[
                (
                    vec![f("all", &["prod-AppBeta/x1y2z3"])],
                    vec!["prod-AppBeta/x1y2z3"],
                ),
                (vec![f("all", &["x1y2z3"])], {
                    let mut v = SEPARATED.to_vec();
                    v.extend(["uat/COMPANY/x1y2z3", "uat/COMPANYthings/x1y2z3"]);
                    v
                }),
            ],
        );
        assert_eq!(words("prod-AppBeta/x"), vec!["prod-appbeta/x"]);
    }

    #[test]
    fn all_splits_uppercase_run_before_lowercase() {
        check_table(
            &special_char_secrets(),
            &[
                (vec![f("all", &["company"])], vec!["uat/COMPANY/x1y2z3"]),
                (
                    vec![f("all", &["Ythings"])],
                    vec!["uat/COMPANYthings/x1y2z3"],
                ),
                (vec![f("all", &["things"])], vec![]),
                (vec![f("all", &["N"])], vec![]),
                (vec![f("all", &["pany"])], vec![]),
            ],
        );
    }

    #[test]
    fn all_lone_special_character_matches_nothing() {
        check_table(&special_char_secrets(), &[(vec![f("all", &["+"])], vec![])]);
        assert!(words("+").is_empty());
    }

    #[test]
    fn all_searches_description_and_tags_too() {
        // MOTO test_with_all_filter (implicit OR over attributes)
        let secrets = [
            secret("foo"),
            described("bar", "foo"),
            tagged("baz", &[("foo", "1")]),
            tagged("qux", &[("1", "foo")]),
            tagged("multi", &[("foo", "foo")]),
            secret("none"),
        ];
        check_table(
            &secrets,
            &[(
                vec![f("all", &["foo"])],
                vec!["foo", "bar", "baz", "qux", "multi"],
            )],
        );
    }

    #[test]
    fn all_negation_excludes_matches() {
        check_table(
            &all_filter_secrets(),
            &[(
                vec![f("all", &["!secret"])],
                vec!["Thirdsecret3fa2b1", "none3fa2b1"],
            )],
        );
    }

    #[test]
    fn search_word_splitting_rules() {
        let table: &[(&str, &[&str])] = &[
            ("credsDatabase#892", &["creds", "database", "892"]),
            ("SecretOne3fa2b1", &["secret", "one", "3fa", "2b", "1"]),
            ("SecretFTag", &["secret", "f", "tag"]),
            ("COMPANYthings", &["compan", "ythings"]),
            ("ABC123", &["abc", "123"]),
            ("My_Secret", &["my", "secret"]),
            ("one and two", &["one", "and", "two"]),
            ("a/b c-d e", &["a", "b", "c", "d", "e"]),
            ("x/y-z and w", &["x/y-z", "and", "w"]),
            ("//", &[]),
            ("", &[]),
        ];
        for (input, expected) in table {
            assert_eq!(words(input), *expected, "input {input:?}");
        }
    }

    // ---- validation ----

    fn err(filters: &[Filter]) -> String {
        match validate(filters) {
            Err(e) => {
                assert_eq!(e.code(), "ValidationException");
                e.to_string()
            }
            Ok(()) => panic!("expected an error for {filters:?}"),
        }
    }

    #[test]
    fn valid_filters_pass() {
        let all_keys: Vec<Filter> = FILTER_KEYS
            .iter()
            .map(|k| f(k, &["!a b:_@/+=.-!"]))
            .collect();
        assert_eq!(validate(&all_keys), Ok(()));
        assert_eq!(validate(&[]), Ok(()));
        assert_eq!(validate(&[f("name", &[""])]), Ok(()));
    }

    #[test]
    fn unknown_key_is_an_enum_violation() {
        assert_eq!(
            err(&[f("name", &["a"]), f("bogus", &["a"])]),
            "1 validation error detected: Value 'bogus' at 'filters.2.member.key' failed to satisfy constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]"
        );
    }

    #[test]
    fn keys_are_case_sensitive() {
        assert!(validate(&[f("Name", &["a"])]).is_err());
    }

    #[test]
    fn more_than_ten_values_is_rejected() {
        // Real AWS text quoted in jenkinsci/aws-secrets-manager-credentials-provider-plugin#235
        let vals: Vec<String> = (1..=11).map(|i| format!("s{i}")).collect();
        let refs: Vec<&str> = vals.iter().map(String::as_str).collect();
        assert_eq!(
            err(&[f("name", &refs)]),
            "1 validation error detected: Value '[s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11]' at 'filters.1.member.values' failed to satisfy constraint: Member must have length less than or equal to 10"
        );
        assert_eq!(validate(&[f("name", &refs[..10])]), Ok(()));
    }

    #[test]
    fn empty_values_is_rejected() {
        assert_eq!(
            err(&[f("name", &[])]),
            "1 validation error detected: Value '[]' at 'filters.1.member.values' failed to satisfy constraint: Member must have length greater than or equal to 1"
        );
    }

    #[test]
    fn more_than_ten_filters_is_rejected() {
        let many: Vec<Filter> = (0..11).map(|_| f("name", &["a"])).collect();
        let msg = err(&many);
        assert!(msg.starts_with("1 validation error detected: Value '[{Key: name,Values: [a]}, "));
        assert!(msg.ends_with("' at 'filters' failed to satisfy constraint: Member must have length less than or equal to 10"));
        assert_eq!(validate(&many[..10]), Ok(()));
    }

    #[test]
    fn value_longer_than_512_is_rejected() {
        let long = "a".repeat(513);
        assert_eq!(
            err(&[f("name", &[&long])]),
            format!(
                "1 validation error detected: Value '{long}' at 'filters.1.member.values.1.member' failed to satisfy constraint: Member must have length less than or equal to 512"
            )
        );
        assert_eq!(validate(&[f("name", &[&"a".repeat(512)])]), Ok(()));
    }

    #[test]
    fn value_outside_the_pattern_is_rejected() {
        for bad in ["a*", "x?", "é", "tab\t", "#"] {
            assert_eq!(
                err(&[f("name", &["ok", bad])]),
                format!(
                    "1 validation error detected: Value '{bad}' at 'filters.1.member.values.2.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$"
                )
            );
        }
    }

    #[test]
    fn several_violations_are_reported_together() {
        assert_eq!(
            err(&[f("bogus", &["a*"])]),
            "2 validation errors detected: Value 'bogus' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]; Value 'a*' at 'filters.1.member.values.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$"
        );
    }
}

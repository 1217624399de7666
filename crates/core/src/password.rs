//! GetRandomPassword: request checks, character pool and the random generator (pure: the caller supplies the RNG).

use rand::Rng;
use rand::distr::{Distribution, Uniform};

/// The GetRandomPassword request, with AWS's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordSpec {
    pub length: i64,
    pub exclude_characters: String,
    pub exclude_numbers: bool,
    pub exclude_punctuation: bool,
    pub exclude_uppercase: bool,
    pub exclude_lowercase: bool,
    pub include_space: bool,
    pub require_each_included_type: bool,
}

impl Default for PasswordSpec {
    /// AWS defaults: 32 characters, every class included and required.
    fn default() -> Self {
        Self {
            length: DEFAULT_LENGTH,
            exclude_characters: String::new(),
            exclude_numbers: false,
            exclude_punctuation: false,
            exclude_uppercase: false,
            exclude_lowercase: false,
            include_space: false,
            require_each_included_type: true,
        }
    }
}

/// Why a password cannot be generated. `Display` is the exact AWS message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Model constraints the CLI does not check locally (max values, lengths);
    /// holds the whole `N validation error(s) detected: ...` message.
    #[error("{0}")]
    Validation(String),
    #[error("All characters of the desired type have been excluded")]
    RequiredTypeExcluded,
    #[error("All characters have been excluded from selection")]
    AllCharactersExcluded,
    #[error("Password length is too short based on the required types.")]
    TooShortForRequiredTypes,
}

impl PasswordError {
    /// The AWS error code (`__type`) that goes with the message.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation(_) => "ValidationException",
            Self::RequiredTypeExcluded
            | Self::AllCharactersExcluded
            | Self::TooShortForRequiredTypes => "InvalidParameterException",
        }
    }
}

pub const DEFAULT_LENGTH: i64 = 32;
pub const MIN_LENGTH: i64 = 1;
pub const MAX_LENGTH: i64 = 4096;
/// Model max of ExcludeCharacters (Java string length, i.e. UTF-16 units).
pub const MAX_EXCLUDE_CHARACTERS: usize = 4096;

const UPPERCASE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWERCASE: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const DIGITS: &[u8] = b"0123456789";
/// Exactly the 32 characters AWS documents (= Python's `string.punctuation`).
const PUNCTUATION: &[u8] = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const SPACE: u8 = b' ';

/// Rejection sampling is exactly uniform over valid passwords, but its
/// acceptance rate can be made arbitrarily small (short length, classes cut
/// down to one character each), so the loop is bounded to guarantee
/// termination. For any realistic spec the chance of exhausting it is nil.
const MAX_REJECTION_ATTEMPTS: usize = 1000;

/// Generates a password for `spec`, drawing every character uniformly
/// (no modulo bias) from the allowed pool with the caller's RNG.
pub fn generate<R: Rng + ?Sized>(
    spec: &PasswordSpec,
    rng: &mut R,
) -> Result<String, PasswordError> {
    let plan = plan(spec)?;
    Ok(sample(&plan, rng))
}

/// What survives the checks: the pool, the classes that must appear, the length.
#[derive(Debug)]
struct Plan {
    length: usize,
    pool: Vec<u8>,
    required: Vec<Vec<u8>>,
}

/// Runs AWS's checks in the order of conformance README item 10: model
/// constraints first (they are rejected before the service logic runs), then
/// an emptied required class, an empty pool, and a length below the number of
/// required classes.
fn plan(spec: &PasswordSpec) -> Result<Plan, PasswordError> {
    let length = check_constraints(spec)?;

    let mut excluded = [false; 128];
    for c in spec.exclude_characters.chars() {
        // Non-ASCII characters cannot be in any class, so ignoring them is exact.
        if let Some(slot) = usize::try_from(u32::from(c))
            .ok()
            .and_then(|i| excluded.get_mut(i))
        {
            *slot = true;
        }
    }
    let keep = |class: &[u8]| -> Vec<u8> {
        class
            .iter()
            .copied()
            .filter(|&b| !excluded[usize::from(b)])
            .collect()
    };

    // (class turned off by a flag?, what exclude_characters leaves of it)
    let classes = [
        (spec.exclude_uppercase, keep(UPPERCASE)),
        (spec.exclude_lowercase, keep(LOWERCASE)),
        (spec.exclude_numbers, keep(DIGITS)),
        (spec.exclude_punctuation, keep(PUNCTUATION)),
    ];
    let included: Vec<Vec<u8>> = classes
        .into_iter()
        .filter(|(off, _)| !off)
        .map(|(_, chars)| chars)
        .collect();

    if spec.require_each_included_type && included.iter().any(Vec::is_empty) {
        return Err(PasswordError::RequiredTypeExcluded);
    }

    let mut pool: Vec<u8> = included.concat();
    // Space is only ever allowed, never required (aws-behavior.md §7).
    if spec.include_space && !excluded[usize::from(SPACE)] {
        pool.push(SPACE);
    }
    if pool.is_empty() {
        return Err(PasswordError::AllCharactersExcluded);
    }

    let required: Vec<Vec<u8>> = if spec.require_each_included_type {
        included.into_iter().filter(|c| !c.is_empty()).collect()
    } else {
        Vec::new()
    };
    if length < required.len() {
        return Err(PasswordError::TooShortForRequiredTypes);
    }

    Ok(Plan {
        length,
        pool,
        required,
    })
}

/// The generator's own bounds, the model's limits (a request's were checked by
/// [`super::validate`] already): no caller, rotation's included, can make it allocate
/// without bound. Reported as the service reports them.
fn check_constraints(spec: &PasswordSpec) -> Result<usize, PasswordError> {
    let mut violations = Vec::new();
    if spec.length > MAX_LENGTH {
        violations.push(format!(
            "Value '{}' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to {MAX_LENGTH}",
            spec.length
        ));
    } else if spec.length < MIN_LENGTH {
        // The CLI rejects this before sending; kept for callers that skip it.
        violations.push(format!(
            "Value '{}' at 'passwordLength' failed to satisfy constraint: Member must have value greater than or equal to {MIN_LENGTH}",
            spec.length
        ));
    }
    if spec.exclude_characters.encode_utf16().count() > MAX_EXCLUDE_CHARACTERS {
        violations.push(format!(
            "Value '{}' at 'excludeCharacters' failed to satisfy constraint: Member must have length less than or equal to {MAX_EXCLUDE_CHARACTERS}",
            spec.exclude_characters
        ));
    }
    if !violations.is_empty() {
        return Err(PasswordError::Validation(super::validate::message(
            &violations,
        )));
    }
    usize::try_from(spec.length).map_err(|_| {
        // Unreachable after the range check; an error beats a panic.
        PasswordError::Validation(super::validate::message(&[format!(
            "Value '{}' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to {MAX_LENGTH}",
            spec.length
        )]))
    })
}

/// Draws the password: rejection sampling first (exactly uniform over all
/// valid passwords), then the bounded fallback.
fn sample<R: Rng + ?Sized>(plan: &Plan, rng: &mut R) -> String {
    // `plan` guarantees a non-empty pool; an empty one can only yield "".
    let Ok(pick) = Uniform::new(0, plan.pool.len()) else {
        return String::new();
    };
    let mut buf = vec![0u8; plan.length];
    for _ in 0..MAX_REJECTION_ATTEMPTS {
        for slot in buf.iter_mut() {
            *slot = plan.pool[pick.sample(rng)];
        }
        if has_every_class(&buf, &plan.required) {
            return to_string(&buf);
        }
    }
    fallback(plan, &pick, rng)
}

/// Guarantees each required class by seeding one character of it at a
/// distinct random position and filling the rest uniformly. Slightly favours
/// passwords where a rare class appears once, which is acceptable because it
/// only runs when rejection sampling kept failing (acceptance < ~1%).
fn fallback<R: Rng + ?Sized>(plan: &Plan, pick: &Uniform<usize>, rng: &mut R) -> String {
    let mut buf: Vec<u8> = (0..plan.length)
        .map(|_| plan.pool[pick.sample(rng)])
        .collect();
    // Partial Fisher-Yates: the first k entries become k distinct uniform positions.
    let mut positions: Vec<usize> = (0..plan.length).collect();
    for (i, class) in plan.required.iter().enumerate() {
        let (Ok(pos_dist), Ok(char_dist)) =
            (Uniform::new(i, plan.length), Uniform::new(0, class.len()))
        else {
            // `plan` ensures length >= required classes and no empty class.
            continue;
        };
        positions.swap(i, pos_dist.sample(rng));
        buf[positions[i]] = class[char_dist.sample(rng)];
    }
    to_string(&buf)
}

fn has_every_class(buf: &[u8], required: &[Vec<u8>]) -> bool {
    required
        .iter()
        .all(|class| buf.iter().any(|b| class.contains(b)))
}

/// Every pool byte is ASCII, so each byte is one char.
fn to_string(buf: &[u8]) -> String {
    buf.iter().copied().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn rng() -> StdRng {
        StdRng::seed_from_u64(7)
    }

    fn gen_ok(spec: &PasswordSpec) -> String {
        match generate(spec, &mut rng()) {
            Ok(p) => p,
            Err(e) => panic!("unexpected error {e} for {spec:?}"),
        }
    }

    fn spec(f: impl FnOnce(&mut PasswordSpec)) -> PasswordSpec {
        let mut s = PasswordSpec::default();
        f(&mut s);
        s
    }

    const LOWER_ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz";
    const UPPER_ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    #[test]
    fn default_spec_matches_aws_defaults() {
        let s = PasswordSpec::default();
        assert_eq!(s.length, 32);
        assert!(s.require_each_included_type);
        assert!(s.exclude_characters.is_empty());
        assert!(!s.exclude_numbers && !s.exclude_punctuation && !s.exclude_uppercase);
        assert!(!s.exclude_lowercase && !s.include_space);
    }

    #[test]
    fn punctuation_is_exactly_the_32_documented_characters() {
        assert_eq!(PUNCTUATION.len(), 32);
        let expected: Vec<u8> = (0x21u8..=0x7e)
            .filter(|b| b.is_ascii_punctuation())
            .collect();
        assert_eq!(PUNCTUATION, expected.as_slice());
    }

    #[test]
    fn default_password_has_32_chars_and_every_class() {
        let p = gen_ok(&PasswordSpec::default());
        assert_eq!(p.len(), 32);
        assert!(p.bytes().any(|b| b.is_ascii_uppercase()));
        assert!(p.bytes().any(|b| b.is_ascii_lowercase()));
        assert!(p.bytes().any(|b| b.is_ascii_digit()));
        assert!(p.bytes().any(|b| PUNCTUATION.contains(&b)));
        assert!(!p.contains(' '));
    }

    #[test]
    #[allow(
        clippy::disallowed_methods,
        reason = "the point of the test: an OS-seeded rng, as the service passes in, works"
    )]
    fn accepts_thread_rng_and_seeded_std_rng() {
        let s = PasswordSpec::default();
        assert!(generate(&s, &mut rand::rng()).is_ok());
        assert!(generate(&s, &mut StdRng::seed_from_u64(1)).is_ok());
    }

    #[test]
    fn same_seed_gives_same_password() {
        let s = PasswordSpec::default();
        assert_eq!(
            generate(&s, &mut StdRng::seed_from_u64(42)),
            generate(&s, &mut StdRng::seed_from_u64(42))
        );
    }

    #[test]
    fn length_above_4096_is_a_validation_exception() {
        let e = generate(&spec(|s| s.length = 4097), &mut rng()).unwrap_err();
        assert_eq!(e.code(), "ValidationException");
        assert_eq!(
            e.to_string(),
            "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096"
        );
    }

    #[test]
    fn length_4096_is_allowed() {
        assert_eq!(gen_ok(&spec(|s| s.length = 4096)).len(), 4096);
    }

    #[test]
    fn length_below_1_is_a_validation_exception() {
        for len in [0, -5, i64::MIN] {
            let e = generate(&spec(|s| s.length = len), &mut rng()).unwrap_err();
            assert_eq!(e.code(), "ValidationException");
            assert_eq!(
                e.to_string(),
                format!(
                    "1 validation error detected: Value '{len}' at 'passwordLength' failed to satisfy constraint: Member must have value greater than or equal to 1"
                )
            );
        }
    }

    #[test]
    fn exclude_characters_over_4096_is_a_validation_exception() {
        let long = "x".repeat(4097);
        let e = generate(&spec(|s| s.exclude_characters = long.clone()), &mut rng()).unwrap_err();
        assert_eq!(e.code(), "ValidationException");
        assert_eq!(
            e.to_string(),
            format!(
                "1 validation error detected: Value '{long}' at 'excludeCharacters' failed to satisfy constraint: Member must have length less than or equal to 4096"
            )
        );
        assert!(
            generate(
                &spec(|s| s.exclude_characters = "x".repeat(4096)),
                &mut rng()
            )
            .is_ok()
        );
    }

    #[test]
    fn several_constraint_violations_are_reported_together() {
        let long = "x".repeat(4097);
        let e = generate(
            &spec(|s| {
                s.length = 5000;
                s.exclude_characters = long.clone();
            }),
            &mut rng(),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with(
            "2 validation errors detected: Value '5000' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096; Value 'xxx"
        ));
    }

    #[test]
    fn validation_comes_before_parameter_checks() {
        let s = spec(|s| {
            s.length = 5000;
            s.exclude_characters = LOWER_ALPHABET.into();
        });
        assert_eq!(
            generate(&s, &mut rng()).unwrap_err().code(),
            "ValidationException"
        );
    }

    #[test]
    fn required_class_emptied_by_exclude_characters_is_rejected() {
        // conformance 08 line 6
        let s = spec(|s| {
            s.length = 4;
            s.exclude_characters = LOWER_ALPHABET.into();
        });
        let e = generate(&s, &mut rng()).unwrap_err();
        assert_eq!(e, PasswordError::RequiredTypeExcluded);
        assert_eq!(e.code(), "InvalidParameterException");
        assert_eq!(
            e.to_string(),
            "All characters of the desired type have been excluded"
        );
    }

    #[test]
    fn emptied_class_is_fine_when_not_required() {
        let s = spec(|s| {
            s.exclude_characters = LOWER_ALPHABET.into();
            s.require_each_included_type = false;
        });
        let p = gen_ok(&s);
        assert!(!p.bytes().any(|b| b.is_ascii_lowercase()));
    }

    #[test]
    fn emptied_class_is_fine_when_its_flag_excludes_it() {
        let s = spec(|s| {
            s.exclude_characters = LOWER_ALPHABET.into();
            s.exclude_lowercase = true;
        });
        assert_eq!(gen_ok(&s).len(), 32);
    }

    #[test]
    fn emptied_class_check_precedes_too_short() {
        let s = spec(|s| {
            s.length = 1;
            s.exclude_characters = "0123456789".into();
        });
        assert_eq!(
            generate(&s, &mut rng()),
            Err(PasswordError::RequiredTypeExcluded)
        );
    }

    #[test]
    fn all_classes_excluded_by_flags_is_an_empty_pool() {
        // conformance 08 line 9
        let s = spec(|s| {
            s.exclude_uppercase = true;
            s.exclude_lowercase = true;
            s.exclude_numbers = true;
            s.exclude_punctuation = true;
        });
        let e = generate(&s, &mut rng()).unwrap_err();
        assert_eq!(e, PasswordError::AllCharactersExcluded);
        assert_eq!(e.code(), "InvalidParameterException");
        assert_eq!(
            e.to_string(),
            "All characters have been excluded from selection"
        );
    }

    #[test]
    fn everything_excluded_by_characters_without_requirement_is_an_empty_pool() {
        let all: String = [UPPERCASE, LOWERCASE, DIGITS, PUNCTUATION]
            .concat()
            .into_iter()
            .map(char::from)
            .collect();
        let s = spec(|s| {
            s.exclude_characters = all.clone();
            s.require_each_included_type = false;
        });
        assert_eq!(
            generate(&s, &mut rng()),
            Err(PasswordError::AllCharactersExcluded)
        );
        // With the requirement on, the emptied-class check wins (item 10 order).
        let s = spec(|s| s.exclude_characters = all);
        assert_eq!(
            generate(&s, &mut rng()),
            Err(PasswordError::RequiredTypeExcluded)
        );
    }

    #[test]
    fn space_alone_is_a_valid_pool() {
        let s = spec(|s| {
            s.exclude_uppercase = true;
            s.exclude_lowercase = true;
            s.exclude_numbers = true;
            s.exclude_punctuation = true;
            s.include_space = true;
            s.length = 5;
        });
        assert_eq!(gen_ok(&s), "     ");
    }

    #[test]
    fn excluding_space_removes_it_from_the_pool() {
        let s = spec(|s| {
            s.include_space = true;
            s.exclude_characters = " ".into();
            s.length = 4096;
        });
        assert!(!gen_ok(&s).contains(' '));
    }

    #[test]
    fn length_below_required_classes_is_too_short() {
        // conformance 08 line 10
        let e = generate(&spec(|s| s.length = 3), &mut rng()).unwrap_err();
        assert_eq!(e, PasswordError::TooShortForRequiredTypes);
        assert_eq!(e.code(), "InvalidParameterException");
        assert_eq!(
            e.to_string(),
            "Password length is too short based on the required types."
        );
    }

    #[test]
    fn too_short_counts_only_required_classes() {
        // moto wrongly rejects every length < 4; only included classes count.
        let s = spec(|s| {
            s.length = 2;
            s.exclude_numbers = true;
            s.exclude_punctuation = true;
        });
        let p = gen_ok(&s);
        assert!(p.bytes().any(|b| b.is_ascii_uppercase()));
        assert!(p.bytes().any(|b| b.is_ascii_lowercase()));
        assert_eq!(
            generate(
                &spec(|s| {
                    s.length = 1;
                    s.exclude_numbers = true;
                    s.exclude_punctuation = true;
                }),
                &mut rng()
            ),
            Err(PasswordError::TooShortForRequiredTypes)
        );
    }

    #[test]
    fn short_length_is_fine_without_requirement() {
        let s = spec(|s| {
            s.length = 1;
            s.require_each_included_type = false;
        });
        assert_eq!(gen_ok(&s).len(), 1);
    }

    #[test]
    fn empty_pool_check_precedes_too_short() {
        let s = spec(|s| {
            s.length = 1;
            s.exclude_uppercase = true;
            s.exclude_lowercase = true;
            s.exclude_numbers = true;
            s.exclude_punctuation = true;
        });
        assert_eq!(
            generate(&s, &mut rng()),
            Err(PasswordError::AllCharactersExcluded)
        );
    }

    #[test]
    fn exclude_punctuation_keeps_three_classes() {
        // conformance 08 line 3
        let p = gen_ok(&spec(|s| {
            s.length = 64;
            s.exclude_punctuation = true;
        }));
        assert_eq!(p.len(), 64);
        assert!(p.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert!(p.bytes().any(|b| b.is_ascii_uppercase()));
        assert!(p.bytes().any(|b| b.is_ascii_lowercase()));
        assert!(p.bytes().any(|b| b.is_ascii_digit()));
    }

    #[test]
    fn only_uppercase_left() {
        // conformance 08 line 4
        let p = gen_ok(&spec(|s| {
            s.length = 20;
            s.exclude_numbers = true;
            s.exclude_lowercase = true;
            s.exclude_punctuation = true;
        }));
        assert_eq!(p.len(), 20);
        assert!(p.bytes().all(|b| b.is_ascii_uppercase()));
    }

    #[test]
    fn include_space_never_forces_a_space() {
        // conformance 08 line 5: four required classes fill all four slots.
        for seed in 0..200 {
            let s = spec(|s| {
                s.length = 4;
                s.include_space = true;
            });
            let p = generate(&s, &mut StdRng::seed_from_u64(seed)).unwrap();
            assert_eq!(p.len(), 4);
            assert!(!p.contains(' '));
        }
    }

    #[test]
    fn include_space_makes_space_possible() {
        let p = gen_ok(&spec(|s| {
            s.length = 4096;
            s.include_space = true;
        }));
        assert!(p.contains(' '));
    }

    #[test]
    fn lowercase_only_without_requirement() {
        // conformance 08 line 11
        let p = gen_ok(&spec(|s| {
            s.length = 12;
            s.require_each_included_type = false;
            s.exclude_punctuation = true;
            s.exclude_numbers = true;
            s.exclude_characters = UPPER_ALPHABET.into();
        }));
        assert_eq!(p.len(), 12);
        assert!(p.bytes().all(|b| b.is_ascii_lowercase()));
    }

    #[test]
    fn exclude_characters_removes_chars_from_every_class() {
        // LS-T test_get_random_exclude_characters_and_symbols
        let p = gen_ok(&spec(|s| {
            s.length = 120;
            s.exclude_characters = "xyzDje@?!.".into();
        }));
        assert_eq!(p.chars().count(), 120);
        assert!(!p.chars().any(|c| "xyzDje@?!.".contains(c)));
    }

    #[test]
    fn non_ascii_exclusions_are_ignored() {
        let p = gen_ok(&spec(|s| s.exclude_characters = "éß€😀".into()));
        assert_eq!(p.len(), 32);
    }

    #[test]
    fn characters_are_drawn_uniformly() {
        // Seeded, so deterministic: each of the 95 characters should get
        // ~N/95 hits; a modulo-biased or skewed draw would leave the band.
        let s = spec(|s| {
            s.length = 4096;
            s.include_space = true;
            s.require_each_included_type = false;
        });
        let mut counts = [0usize; 128];
        let mut r = StdRng::seed_from_u64(99);
        for _ in 0..50 {
            for b in generate(&s, &mut r).unwrap().bytes() {
                counts[usize::from(b)] += 1;
            }
        }
        let total = 50 * 4096;
        let expected = total as f64 / 95.0;
        let chi2: f64 = (0x20..0x7f)
            .map(|i| {
                let d = counts[i] as f64 - expected;
                d * d / expected
            })
            .sum();
        // 94 degrees of freedom: p = 0.001 critical value is ~141.
        assert!(chi2 < 141.0, "chi-square {chi2}");
        assert!(counts[0x20..0x7f].iter().all(|&c| c > 0));
    }

    #[test]
    fn fallback_places_every_required_class() {
        // Call the fallback directly: rejection sampling rarely reaches it.
        let plan = Plan {
            length: 4,
            pool: [UPPERCASE, LOWERCASE, DIGITS, PUNCTUATION].concat(),
            required: vec![b"A".to_vec(), b"b".to_vec(), b"7".to_vec(), b"~".to_vec()],
        };
        let pick = Uniform::new(0, plan.pool.len()).unwrap();
        for seed in 0..100 {
            let p = fallback(&plan, &pick, &mut StdRng::seed_from_u64(seed));
            let mut chars: Vec<char> = p.chars().collect();
            chars.sort_unstable();
            assert_eq!(chars, vec!['7', 'A', 'b', '~']);
        }
    }

    #[test]
    fn fallback_keeps_length_and_pool() {
        let plan = Plan {
            length: 50,
            pool: b"Ab7~".to_vec(),
            required: vec![b"A".to_vec(), b"~".to_vec()],
        };
        let pick = Uniform::new(0, plan.pool.len()).unwrap();
        let p = fallback(&plan, &pick, &mut rng());
        assert_eq!(p.len(), 50);
        assert!(p.contains('A') && p.contains('~'));
        assert!(p.chars().all(|c| "Ab7~".contains(c)));
    }

    #[test]
    fn hard_spec_still_meets_requirements() {
        // Each required class cut to one character inside a large pool: the
        // acceptance rate is ~1/2000, so the fallback is exercised too.
        let excl: String = [&UPPERCASE[1..], &LOWERCASE[1..], &DIGITS[1..]]
            .concat()
            .into_iter()
            .map(char::from)
            .collect();
        for seed in 0..20 {
            let s = spec(|s| {
                s.length = 4;
                s.exclude_characters = excl.clone();
            });
            let p = generate(&s, &mut StdRng::seed_from_u64(seed)).unwrap();
            assert!(p.contains('A') && p.contains('a') && p.contains('0'));
            assert!(p.bytes().any(|b| PUNCTUATION.contains(&b)));
        }
    }

    // ---- property tests ----

    /// How much of one class `exclude_characters` removes. Biased towards the
    /// edges (nothing, all but one, everything) so impossible specs are common.
    fn class_exclusion(class: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            3 => Just(Vec::new()),
            3 => proptest::sample::subsequence(class.to_vec(), 0..class.len()),
            1 => proptest::sample::select(class.to_vec()).prop_map(move |keep| {
                class.iter().copied().filter(|&b| b != keep).collect()
            }),
            1 => Just(class.to_vec()),
        ]
    }

    prop_compose! {
        fn any_spec()(
            length in prop_oneof![1i64..=8, 1i64..=4096],
            ex in (
                class_exclusion(UPPERCASE),
                class_exclusion(LOWERCASE),
                class_exclusion(DIGITS),
                class_exclusion(PUNCTUATION),
                prop::bool::weighted(0.1),
            ),
            extra in "[ -~é€]{0,5}",
            // The second arm turns every class off, so empty pools show up.
            flags in prop_oneof![
                4 => prop::array::uniform6(prop::bool::weighted(0.3)),
                1 => prop::array::uniform2(prop::bool::weighted(0.3))
                    .prop_map(|[a, b]| [true, true, true, true, a, b]),
            ],
            require in prop::bool::weighted(0.7),
        ) -> PasswordSpec {
            let mut exclude: String = [ex.0, ex.1, ex.2, ex.3].concat().into_iter().map(char::from).collect();
            if ex.4 { exclude.push(' '); }
            exclude.push_str(&extra);
            PasswordSpec {
                length,
                exclude_characters: exclude,
                exclude_uppercase: flags[0],
                exclude_lowercase: flags[1],
                exclude_numbers: flags[2],
                exclude_punctuation: flags[3],
                include_space: flags[4] || flags[5],
                require_each_included_type: require,
            }
        }
    }

    /// Independent oracle: which outcome AWS gives for `s`.
    fn expected_outcome(s: &PasswordSpec) -> Result<(Vec<char>, Vec<Vec<char>>), PasswordError> {
        let remaining = |class: &[u8]| -> Vec<char> {
            class
                .iter()
                .map(|&b| char::from(b))
                .filter(|c| !s.exclude_characters.contains(*c))
                .collect()
        };
        let included: Vec<Vec<char>> = [
            (s.exclude_uppercase, UPPERCASE),
            (s.exclude_lowercase, LOWERCASE),
            (s.exclude_numbers, DIGITS),
            (s.exclude_punctuation, PUNCTUATION),
        ]
        .iter()
        .filter(|(off, _)| !off)
        .map(|(_, c)| remaining(c))
        .collect();
        if s.require_each_included_type && included.iter().any(|c| c.is_empty()) {
            return Err(PasswordError::RequiredTypeExcluded);
        }
        let mut allowed: Vec<char> = included.concat();
        if s.include_space && !s.exclude_characters.contains(' ') {
            allowed.push(' ');
        }
        if allowed.is_empty() {
            return Err(PasswordError::AllCharactersExcluded);
        }
        let required = if s.require_each_included_type {
            included
        } else {
            Vec::new()
        };
        if (s.length as usize) < required.len() {
            return Err(PasswordError::TooShortForRequiredTypes);
        }
        Ok((allowed, required))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn prop_generate_obeys_spec(s in any_spec(), seed in any::<u64>()) {
            let got = generate(&s, &mut StdRng::seed_from_u64(seed));
            match expected_outcome(&s) {
                Err(e) => prop_assert_eq!(got, Err(e)),
                Ok((allowed, required)) => {
                    let p = got.map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(p.chars().count() as i64, s.length);
                    prop_assert!(p.chars().all(|c| allowed.contains(&c)), "disallowed char in {:?}", p);
                    prop_assert!(!p.chars().any(|c| s.exclude_characters.contains(c)));
                    for class in &required {
                        prop_assert!(p.chars().any(|c| class.contains(&c)), "missing {:?} in {:?}", class, p);
                    }
                }
            }
        }

        #[test]
        fn prop_out_of_range_length_is_validation(len in prop_oneof![i64::MIN..1i64, 4097i64..=i64::MAX], s in any_spec()) {
            let s = PasswordSpec { length: len, ..s };
            let e = generate(&s, &mut StdRng::seed_from_u64(0)).unwrap_err();
            prop_assert_eq!(e.code(), "ValidationException");
            let expected_value = format!("Value '{len}' at 'passwordLength'");
            prop_assert!(e.to_string().contains(&expected_value));
        }
    }
}

//! No command line makes smvault panic: values that start with a multi-byte character,
//! arguments that are not UTF-8, and whole random argument vectors built from the real
//! option names. A panic that does happen prints one fixed line, never its payload.
//! `PROPTEST_CASES` sets the argv proptest's cases (default 256), `SMVAULT_FUZZ_CASES`
//! the fuzz run's vectors (default 2,000).

use crate::support::cli;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::sync::OnceLock;
use std::time::Duration;

use cli::{Env, INVALID_NAME, service_error};
use proptest::prelude::*;

// ---------------------------------------------------------------- the examples

#[test]
fn values_starting_with_a_multibyte_character_work() {
    let env = Env::new();
    env.create("x", "ñandú");
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id",
            "x",
            "--query",
            "SecretString",
            "--output",
            "text"
        ]),
        "ñandú\n"
    );
    env.ok(&[
        "create-secret",
        "--name",
        "y",
        "--description",
        "ünïcödé",
        "--secret-string",
        "€uro",
    ]);
    assert_eq!(
        env.ok(&[
            "describe-secret",
            "--secret-id",
            "y",
            "--query",
            "Description",
            "--output",
            "text"
        ]),
        "ünïcödé\n"
    );
    // A value glued to its option, and a "-" value with a multi-byte character.
    env.ok(&["put-secret-value", "--secret-id", "y", "--secret-string=ñ"]);
    env.ok(&[
        "put-secret-value",
        "--secret-id",
        "y",
        "--secret-string",
        "-ñ 1",
    ]);
}

#[test]
fn a_non_ascii_name_is_aws_validation_exception() {
    let env = Env::new();
    for name in ["ünï", "ñ", "秘密", "a😀"] {
        env.fails_unchanged(
            &["create-secret", "--name", name, "--secret-string", "v"],
            254,
            &service_error("CreateSecret", "ValidationException", INVALID_NAME),
        );
    }
}

fn run_os(env: &Env, args: &[OsString]) -> (i32, String, Vec<u8>) {
    let out = env
        .command()
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.stdout,
    )
}

fn os(words: &[&[u8]]) -> Vec<OsString> {
    words
        .iter()
        .map(|w| OsString::from_vec(w.to_vec()))
        .collect()
}

#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error_naming_its_option() {
    let env = Env::new();
    env.create("x", "v");
    let before = env.vault_bytes();
    let cases: &[(&[&[u8]], &str)] = &[
        (
            &[
                b"create-secret",
                b"--name",
                b"\xff",
                b"--secret-string",
                b"v",
            ],
            "--name",
        ),
        (
            &[
                b"put-secret-value",
                b"--secret-id",
                b"x",
                b"--secret-string",
                b"s3cr\xffet",
            ],
            "--secret-string",
        ),
        (
            &[
                b"put-secret-value",
                b"--secret-id",
                b"x",
                b"--secret-string=s3cr\xffet",
            ],
            "--secret-string",
        ),
        (
            &[
                b"untag-resource",
                b"--secret-id",
                b"x",
                b"--tag-keys",
                b"a",
                b"\xc3",
            ],
            "--tag-keys",
        ),
        (&[b"get-secret-val\xffue", b"--secret-id", b"x"], "#1"),
    ];
    for (args, option) in cases {
        let (code, stderr, stdout) = run_os(&env, &os(args));
        assert_eq!(code, 252, "{args:?}: {stderr}");
        assert!(stdout.is_empty());
        assert!(
            stderr.starts_with(&format!(
                "\nsmvault: [ERROR]: An error occurred (ParamValidation): argument {option}: not valid UTF-8"
            )),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("s3cr"), "the value leaked: {stderr}");
        assert!(!stderr.contains('\u{fffd}'), "{stderr}");
    }
    assert!(before == env.vault_bytes());
}

#[test]
fn a_vault_path_from_the_environment_that_is_not_utf8_is_used_not_ignored() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let before = env.vault_bytes();
    let mut odd = env.dir().as_os_str().to_owned();
    odd.push(std::ffi::OsStr::from_bytes(b"/v\xff.age"));
    let out = env
        .command()
        .env("SMVAULT_FILE", &odd)
        .args(["create-secret", "--name", "s", "--secret-string", "v"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // The write went where SMVAULT_FILE said, not to the default vault.
    assert!(std::path::Path::new(&odd).exists());
    assert!(before == env.vault_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("smvault: created a new vault at "),
        "{stderr}"
    );
}

#[test]
fn a_panic_prints_its_place_never_its_payload() {
    if !cli::hooks() {
        return;
    }
    let env = Env::new();
    let run = env.run_with(&[("SMVAULT_TEST_PANIC", "hunter2")], &["list-secrets"]);
    assert_eq!(run.code, 255, "{run:?}");
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .starts_with("\nsmvault: [ERROR]: internal error at src/cli/mod.rs:"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 2, "one line: {}", run.stderr);
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // Even when the user asks for backtraces.
    let run = env.run_with(
        &[
            ("SMVAULT_TEST_PANIC", "hunter2"),
            ("RUST_BACKTRACE", "full"),
        ],
        &["list-secrets"],
    );
    assert_eq!(run.code, 255);
    assert!(!run.stderr.contains("hunter2") && !run.stderr.contains("backtrace"));
}

// ---------------------------------------------------------------- whole argv, random

/// Every subcommand with its long options (and whether each takes a value), and the
/// global options, from the same clap definition the binary uses.
struct Grammar {
    commands: Vec<Subcommand>,
    globals: Vec<(String, bool)>,
}

struct Subcommand {
    name: String,
    options: Vec<(String, bool)>,
    required: Vec<String>,
}

fn grammar() -> &'static Grammar {
    static G: OnceLock<Grammar> = OnceLock::new();
    G.get_or_init(|| {
        let cmd = smvault::cli::args::command("smvault");
        let longs = |c: &clap::Command, global: bool| -> Vec<(String, bool)> {
            c.get_arguments()
                .filter(|a| a.is_global_set() == global)
                .filter_map(|a| {
                    let takes = a.get_num_args().is_some_and(|n| n.takes_values());
                    a.get_long().map(|l| (format!("--{l}"), takes))
                })
                .collect()
        };
        Grammar {
            globals: longs(&cmd, true),
            // `serve` runs until it is signalled (tests/serve/server.rs runs it as a server).
            commands: cmd
                .get_subcommands()
                .filter(|s| s.get_name() != "serve")
                .map(|s| Subcommand {
                    name: s.get_name().to_string(),
                    options: longs(s, false),
                    required: s
                        .get_arguments()
                        .filter(|a| a.is_required_set())
                        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                        .collect(),
                })
                .collect(),
        }
    })
}

/// What a value can be: printable Unicode, any Unicode (controls, marks, RTL, astral),
/// arbitrary bytes, a word that looks like an option, a path or a number, an integer
/// at or past the 64-bit limits, or shorthand and JSON with non-ASCII text.
fn value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => "\\PC{0,12}".prop_map(String::into_bytes),
        4 => any::<String>().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..12),
        1 => "-[0-9.eñ€ ]{0,6}".prop_map(String::into_bytes),
        1 => "(file|fileb)://[a-zñ/]{0,6}".prop_map(String::into_bytes),
        1 => Just(b"help".to_vec()),
        1 => "[-+]?[0-9]{1,25}".prop_map(String::into_bytes),
        1 => prop::sample::select(vec![
            "9223372036854775807", "-9223372036854775808", "18446744073709551616",
            "0", "-1", "1e308", "nan", "Key=ñ,Value=ü", "{\"Key\": \"ñ\"}", "[\"ñ\"]",
        ])
        .prop_map(|v| v.as_bytes().to_vec()),
    ]
}

/// A whole argument vector: an operation (or a random word), usually its required
/// options (the existing secret `x` or a random value, so that many runs get past the
/// parser), then options of that operation and global ones, each as `--opt value`,
/// `--opt=value`, a bare flag or a stray value.
fn argv() -> impl Strategy<Value = Vec<Vec<u8>>> {
    let g = grammar();
    let n = g.commands.len();
    (
        0..n + 1,
        value(),
        prop::collection::vec(prop_oneof![Just(b"x".to_vec()), value()], 4),
        prop::collection::vec((any::<prop::sample::Index>(), 0..8u8, value()), 0..7),
    )
        .prop_map(move |(c, stray, required_values, words)| {
            let mut out = Vec::new();
            let options: Vec<(String, bool)> = match g.commands.get(c) {
                Some(sub) => {
                    out.push(sub.name.clone().into_bytes());
                    for (name, value) in sub.required.iter().zip(required_values) {
                        out.push(name.clone().into_bytes());
                        out.push(value);
                    }
                    sub.options.iter().chain(&g.globals).cloned().collect()
                }
                None => {
                    out.push(stray);
                    g.globals.clone()
                }
            };
            for (pick, form, value) in words {
                let (name, takes) = pick.get(&options);
                match (form, takes) {
                    (0, _) => out.push(value),
                    (1, true) => {
                        let mut glued = format!("{name}=").into_bytes();
                        glued.extend(value);
                        out.push(glued);
                    }
                    (_, true) => {
                        out.push(name.clone().into_bytes());
                        out.push(value);
                    }
                    (_, false) => out.push(name.clone().into_bytes()),
                }
            }
            out
        })
}

/// One shared world for the random runs (made once, so each case costs one process).
fn fuzz_env() -> &'static Env {
    static E: OnceLock<Env> = OnceLock::new();
    E.get_or_init(|| {
        let env = Env::new().with("SMVAULT_PASSPHRASE", "fuzz");
        env.create("x", "v");
        env
    })
}

/// Runs one vector; returns its exit code, or an error describing the panic (the argv
/// printed with escapes).
fn check(args: &[Vec<u8>]) -> Result<i32, String> {
    // argv cannot hold a NUL byte: the kernel ends the word there.
    let args: Vec<OsString> = args
        .iter()
        .map(|a| OsString::from_vec(a.iter().copied().filter(|b| *b != 0).collect()))
        .collect();
    let (code, stderr, _) = run_os(fuzz_env(), &args);
    // `health` says "unhealthy" with 1, a health check's code (none serves here).
    let health = args.first().is_some_and(|a| a == "health");
    let panicked = code == 101
        || !(matches!(code, 0 | 252..=255) || (health && code == 1))
        || stderr.contains("panicked")
        || stderr.contains("internal error at");
    if panicked {
        return Err(format!("{args:?} exited {code}:\n{stderr}"));
    }
    Ok(code)
}

fn cases(var: &str, default: u32) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases("PROPTEST_CASES", 256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_argument_vector_panics(args in argv()) {
        check(&args).map_err(TestCaseError::fail)?;
    }
}

/// The fuzz run: many random vectors from a fixed seed (so a finding reproduces); half
/// get a non-ASCII word and a quarter a non-UTF-8 word at a random place, on top of the
/// values the strategy makes. Prints its counts.
#[test]
fn fuzz_random_argument_vectors_never_panic() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
    let total = cases("SMVAULT_FUZZ_CASES", 2000);
    let seed = cases("SMVAULT_FUZZ_SEED", 9) as u8;
    let mut runner = TestRunner::new_with_rng(
        ProptestConfig::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
    );
    let strategy = (
        argv(),
        0..4u8,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
    );
    let mut panics = Vec::new();
    let mut codes = std::collections::BTreeMap::new();
    let (mut non_ascii, mut non_utf8) = (0, 0);
    for _ in 0..total {
        let (mut args, extra, at1, at2) =
            strategy.new_tree(&mut runner).expect("a vector").current();
        if extra % 2 == 0 {
            args.insert(1 + at1.index(args.len()), "ñ€😀".as_bytes().to_vec());
        }
        if extra == 0 {
            args.insert(1 + at2.index(args.len()), vec![0xff, b'x', 0xc3]);
        }
        non_ascii += usize::from(args.iter().any(|a| a.iter().any(|b| *b >= 0x80)));
        non_utf8 += usize::from(args.iter().any(|a| std::str::from_utf8(a).is_err()));
        match check(&args) {
            Ok(code) => *codes.entry(code).or_insert(0) += 1,
            Err(e) => panics.push(e),
        }
    }
    // Written past the test harness's capture: the counts belong in the log.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "fuzz: {total} argument vectors (seed {seed}), {non_ascii} with a non-ASCII word, {non_utf8} with a non-UTF-8 word: {} panics; exit codes {codes:?}",
        panics.len()
    );
    assert!(panics.is_empty(), "{}", panics.join("\n"));
}

//! Files that are not what they seem, as real processes meet them: lengths in a valid
//! vault that lie, a sparse giant vault, a vault reached through a symlink, a lock file
//! planted as a symlink, a vault or identity that is a FIFO or a device, a file size
//! limit, an empty key variable, a vault that breaks AWS's rules, an identity others can
//! read, rotation functions others can change, and a reader meeting a busy lock.
//!
//! Each refusal must name the problem, exit with the documented code, never panic, never
//! print the secret and leave every file as it was.

use crate::support;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use smvault::core::model::{AWSCURRENT, Replica, Vault};
use smvault::vault::keys;
use support::{Env, bin, canary, contains, is_root, stderr, stdout};

/// AWS CLI return codes (src/cli/exit.rs).
const CONFIG: i32 = 253;
const GENERAL: i32 = 255;

/// How long a command may take before the test calls it stuck. Far above any normal
/// run; only a command blocked on a FIFO or waiting for a lock ever reaches it.
const STUCK: Duration = Duration::from_secs(60);

/// A vault with one secret, `app/db`, whose value is a canary.
fn fixture() -> (Env, String) {
    let env = Env::init();
    let secret = support::canary_secret(&env, "trap");
    (env, secret)
}

fn args(v: &[&str]) -> Vec<String> {
    v.iter().map(|a| a.to_string()).collect()
}

/// A read of one secret (the seeking path), a read of all (the whole-file path) and a write.
fn commands() -> [Vec<String>; 3] {
    [
        args(&["get-secret-value", "--secret-id", "app/db"]),
        args(&["list-secrets"]),
        args(&[
            "put-secret-value",
            "--secret-id",
            "app/db",
            "--secret-string",
            "new-value",
        ]),
    ]
}

/// Runs `cmd` to the end, or kills it and fails the test once it has run for [`STUCK`].
fn run_bounded(mut cmd: Command, what: &str) -> Output {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(STUCK) {
        Ok(out) => out.expect("wait"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("{what}: still running after {STUCK:?}; it blocked");
        }
    }
}

/// Checks a refusal: exit code, every needle on stderr, no panic, nothing on stdout, no
/// secret; returns stderr.
fn refused(out: &Output, what: &str, code: i32, needles: &[&str], secret: &str) -> String {
    let err = stderr(out);
    eprintln!("{what}: {err}");
    assert_eq!(out.status.code(), Some(code), "{what}: {err}");
    for needle in needles {
        assert!(
            err.contains(needle),
            "{what}: {needle:?} missing from:\n{err}"
        );
    }
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(out.stdout.is_empty(), "{what}: stdout {}", stdout(out));
    assert!(
        !contains(&out.stderr, secret.as_bytes()),
        "{what}: the secret leaked: {err}"
    );
    err
}

fn identity(env: &Env) -> age::x25519::Identity {
    keys::read_identity(&env.identity)
        .unwrap()
        .x25519()
        .expect("tests make age identities")
        .clone()
}

fn plaintext(env: &Env) -> String {
    let bytes = age::decrypt(&identity(env), &std::fs::read(&env.vault).unwrap()).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn set_plaintext(env: &Env, text: &[u8]) {
    let bytes = age::encrypt(&identity(env).to_public(), text).unwrap();
    std::fs::write(&env.vault, bytes).unwrap();
}

/// §1: an index entry claiming a record of 10^15 bytes or u64::MAX bytes (in a vault that
/// decrypts and authenticates) must be refused as damage, not allocated.
#[test]
fn an_index_giving_a_record_an_impossible_length_is_refused() {
    let (env, secret) = fixture();
    let text = plaintext(&env);
    let entry = "[\"app/db\",null,1,";
    let at = text.find(entry).expect("the indexed layout") + entry.len();
    let end = at + text[at..].find(']').unwrap();
    for huge in ["1000000000000000", "18446744073709551615"] {
        let lying = format!("{}{huge}{}", &text[..at], &text[end..]);
        set_plaintext(&env, lying.as_bytes());
        let before = std::fs::read(&env.vault).unwrap();
        for cmd in commands() {
            let what = format!("length {huge}, {}", cmd[0]);
            let out = env.run(&bin(), &cmd);
            let err = refused(
                &out,
                &what,
                CONFIG,
                &["contents are damaged", "index", "restore it from a backup"],
                &secret,
            );
            assert!(err.contains(&env.vault.display().to_string()), "{err}");
            assert_eq!(std::fs::read(&env.vault).unwrap(), before, "{what}");
            assert_eq!(env.temp_files(), Vec::<String>::new(), "{what}");
        }
    }
}

/// §1: a 200 GB sparse vault (a valid vault, then extended with a hole) must be refused
/// without sizing a buffer by the file's length.
#[test]
fn a_sparse_giant_vault_is_refused_without_allocating_its_size() {
    let (env, secret) = fixture();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&env.vault)
        .unwrap();
    let giant = 200u64 << 30;
    file.set_len(giant).unwrap();
    drop(file);
    for cmd in commands() {
        let out = env.run(&bin(), &cmd);
        refused(
            &out,
            &cmd[0],
            CONFIG,
            &["cannot decrypt the vault", "truncated or was altered"],
            &secret,
        );
        assert_eq!(std::fs::metadata(&env.vault).unwrap().len(), giant);
        assert_eq!(env.temp_files(), Vec::<String>::new());
    }
}

/// §2: a vault path that is a symlink (or a chain of them, relative or absolute) is
/// written through to its target, with the lock and the temp file beside the target;
/// the links stay links.
#[test]
fn a_symlinked_vault_is_written_through_to_its_target() {
    let (mut env, _secret) = fixture();
    let real_dir = env.path().join("real");
    std::fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("vault.age");
    std::fs::rename(&env.vault, &target).unwrap();
    let _ = std::fs::remove_file(env.path().join("vault.age.lock"));
    // vault.age -> real/vault.age (relative); chain.age -> <abs>/vault.age (absolute).
    std::os::unix::fs::symlink("real/vault.age", env.path().join("vault.age")).unwrap();
    let chain = env.path().join("chain.age");
    std::os::unix::fs::symlink(env.path().join("vault.age"), &chain).unwrap();
    for link in [env.path().join("vault.age"), chain] {
        env.vault = link.clone();
        let value = canary("through-link");
        env.ok(
            &bin(),
            [
                "put-secret-value",
                "--secret-id",
                "app/db",
                "--secret-string",
                &value,
            ],
        );
        for l in [env.path().join("vault.age"), env.path().join("chain.age")] {
            assert!(
                std::fs::symlink_metadata(&l).unwrap().is_symlink(),
                "{} must stay a link",
                l.display()
            );
        }
        let got = env.ok(
            &bin(),
            [
                "get-secret-value",
                "--secret-id",
                "app/db",
                "--query",
                "SecretString",
                "--output",
                "text",
            ],
        );
        assert_eq!(got.trim_end(), value);
        // The target itself holds the new value.
        let id = identity(&env);
        let raw = age::decrypt(&id, &std::fs::read(&target).unwrap()).unwrap();
        assert!(contains(&raw, value.as_bytes()));
        assert!(
            real_dir.join("vault.age.lock").exists(),
            "lock beside the target"
        );
        assert!(
            !env.path().join("vault.age.lock").exists()
                && !env.path().join("chain.age.lock").exists(),
            "no lock beside the link"
        );
        let mut names = support::names_in(&real_dir);
        names.retain(|n| n.contains(".tmp-"));
        assert_eq!(names, Vec::<String>::new(), "no temp file left");
    }
}

/// §2: a `<vault>.lock` planted as a symlink (or a FIFO) is never followed or used.
#[test]
fn a_lock_file_planted_as_a_symlink_is_not_followed() {
    let (env, secret) = fixture();
    let lock = env.path().join("vault.age.lock");
    let victim = env.path().join("victim");
    let before = std::fs::read(&env.vault).unwrap();
    let _ = std::fs::remove_file(&lock);
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    let put = &commands()[2];
    let out = env.run(&bin(), put);
    let err = refused(
        &out,
        "symlink",
        CONFIG,
        &[&lock.display().to_string(), "symbolic link"],
        &secret,
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(!victim.exists(), "the link was followed");
    assert_eq!(std::fs::read(&env.vault).unwrap(), before);

    std::fs::remove_file(&lock).unwrap();
    mkfifo(&lock);
    let mut cmd = env.command(&bin(), put);
    cmd.stdin(Stdio::null());
    let out = run_bounded(cmd, "FIFO lock");
    refused(&out, "FIFO lock", CONFIG, &["named pipe"], &secret);
    assert_eq!(std::fs::read(&env.vault).unwrap(), before);
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success(), "mkfifo");
}

/// §2: a vault or identity that is a FIFO (or a device) is refused at once, never read
/// (which would block forever); `file://` parameters on a FIFO or /dev/stdin still work.
#[test]
fn a_vault_or_identity_that_is_not_a_regular_file_is_refused() {
    let (env, secret) = fixture();
    let saved = env.path().join("saved.age");
    std::fs::rename(&env.vault, &saved).unwrap();
    mkfifo(&env.vault);
    for cmd in commands() {
        let out = run_bounded(env.command(&bin(), &cmd), "FIFO vault");
        refused(
            &out,
            &cmd[0],
            CONFIG,
            &[
                &env.vault.display().to_string(),
                "named pipe",
                "regular file",
            ],
            &secret,
        );
    }
    std::fs::remove_file(&env.vault).unwrap();
    std::fs::rename(&saved, &env.vault).unwrap();

    let saved_id = env.path().join("saved-id.txt");
    std::fs::rename(&env.identity, &saved_id).unwrap();
    mkfifo(&env.identity);
    for cmd in commands() {
        let out = run_bounded(env.command(&bin(), &cmd), "FIFO identity");
        refused(&out, &cmd[0], CONFIG, &["named pipe", "identity"], &secret);
    }
    // A device too (not /dev/zero: a regression would read it until memory runs out).
    let mut cmd = env.command(&bin(), &commands()[0]);
    cmd.env("SMVAULT_AGE_KEY_FILE", "/dev/null");
    let out = run_bounded(cmd, "/dev/null");
    refused(
        &out,
        "/dev/null",
        CONFIG,
        &["/dev/null", "character device"],
        &secret,
    );
    std::fs::remove_file(&env.identity).unwrap();
    std::fs::rename(&saved_id, &env.identity).unwrap();

    // Parameters from a FIFO and from /dev/stdin keep working.
    let from_stdin = canary("stdin");
    let mut cmd = env.command(
        &bin(),
        [
            "put-secret-value",
            "--secret-id",
            "app/db",
            "--secret-string",
            "file:///dev/stdin",
        ],
    );
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(from_stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let fifo = env.path().join("param.fifo");
    mkfifo(&fifo);
    let from_fifo = canary("fifo");
    let writer = {
        let (fifo, value) = (fifo.clone(), from_fifo.clone());
        std::thread::spawn(move || std::fs::write(fifo, value).unwrap())
    };
    let url = format!("file://{}", fifo.display());
    let out = run_bounded(
        env.command(
            &bin(),
            [
                "put-secret-value",
                "--secret-id",
                "app/db",
                "--secret-string",
                &url,
            ],
        ),
        "FIFO parameter",
    );
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let got = env.ok(
        &bin(),
        [
            "get-secret-value",
            "--secret-id",
            "app/db",
            "--query",
            "SecretString",
            "--output",
            "text",
        ],
    );
    assert_eq!(got.trim_end(), from_fifo);
}

/// §2: under `ulimit -f` the write fails with EFBIG (exit 255, named) instead of the
/// process dying of SIGXFSZ, and the temp file is removed.
#[test]
fn a_file_size_limit_fails_the_write_cleanly() {
    let (env, secret) = fixture();
    let before = std::fs::read(&env.vault).unwrap();
    // 60 KB of value (AWS allows 64 KiB), against a limit of 16 blocks (8 or 16 KiB).
    let big = env.path().join("big.txt");
    std::fs::write(&big, canary("big").repeat(60_000 / 30)).unwrap();
    let url = format!("file://{}", big.display());
    let mut cmd = env.command(Path::new("sh"), ["-c", "ulimit -f 16 && exec \"$@\"", "sh"]);
    cmd.arg(bin()).args([
        "put-secret-value",
        "--secret-id",
        "app/db",
        "--secret-string",
        &url,
    ]);
    let out = run_bounded(cmd, "ulimit -f");
    refused(
        &out,
        "ulimit -f",
        GENERAL,
        &["cannot write", "File too large"],
        &secret,
    );
    assert_eq!(std::fs::read(&env.vault).unwrap(), before);
    assert_eq!(env.temp_files(), Vec::<String>::new());
}

/// §2: an empty SMVAULT_AGE_KEY is an error, not "unset" (which would invent an identity).
#[test]
fn an_empty_age_key_variable_is_an_error() {
    let env = Env::new();
    let mut cmd = env.command(
        &bin(),
        ["create-secret", "--name", "x", "--secret-string", "v"],
    );
    cmd.env_remove("SMVAULT_AGE_KEY_FILE")
        .env("SMVAULT_AGE_KEY", "");
    let out = run_bounded(cmd, "empty key");
    refused(
        &out,
        "empty key",
        CONFIG,
        &["SMVAULT_AGE_KEY", "empty"],
        "v-none",
    );
    assert!(!env.vault.exists(), "no vault was made");
    let made: Vec<_> = walk(&env.home);
    assert!(
        made.iter().all(|p| p.is_dir()),
        "no identity was made: {made:?}"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        all.push(entry.path());
        if entry.file_type().unwrap().is_dir() {
            all.extend(walk(&entry.path()));
        }
    }
    all
}

/// §2: a vault whose secrets break AWS's rules (a label on two versions, a name twice
/// in one region) is refused when loaded, naming the secret and the rule, never a value;
/// in the indexed layout smvault writes and in a plain one.
#[test]
fn a_vault_breaking_the_label_and_name_rules_is_refused() {
    let (env, secret) = fixture();
    env.ok(
        &bin(),
        [
            "put-secret-value",
            "--secret-id",
            "app/db",
            "--secret-string",
            &format!("{secret}-2"),
            "--version-stages",
            "AWSCURRENT",
            "prod",
        ],
    );
    let good = env.load();
    let mut two_current = good.clone();
    for v in &mut two_current.secrets[0].versions {
        v.stages = vec![AWSCURRENT.to_string()];
    }
    let mut two_prod = good.clone();
    for v in &mut two_prod.secrets[0].versions {
        if !v.has_stage("prod") {
            v.stages.push("prod".into());
        }
    }
    let mut twice = good.clone();
    let mut other = twice.secrets[0].clone();
    other.suffix = "Zz9Zz9".into();
    twice.secrets.push(other);
    let mut replica_clash = twice.clone();
    replica_clash.secrets[1].region = "eu-west-1".into();
    replica_clash.secrets[0].replicas.push(Replica {
        region: "eu-west-1".into(),
        kms_key_id: None,
        last_accessed: None,
        failed: None,
    });
    let cases: [(&str, Vault, &[&str]); 4] = [
        (
            "AWSCURRENT twice",
            two_current,
            &["AWSCURRENT", "2 versions"],
        ),
        ("a label twice", two_prod, &["prod", "2 versions"]),
        ("a name twice", twice, &["held by two secrets in us-east-1"]),
        (
            "a replica's name taken",
            replica_clash,
            &["held by two secrets in eu-west-1"],
        ),
    ];
    for (what, vault, rule) in cases {
        let data = smvault::core::stored::write_vault(&vault).unwrap();
        let indexed = [&b"{\"format\":1,\"data\":"[..], &data[..], b"}"].concat();
        let plain = serde_json::to_vec(&serde_json::json!({"format": 1, "data": vault})).unwrap();
        for (layout, text) in [("indexed", indexed), ("plain", plain)] {
            set_plaintext(&env, &text);
            let before = std::fs::read(&env.vault).unwrap();
            for cmd in commands() {
                let what = format!("{what}, {layout}, {}", cmd[0]);
                let mut cmd = env.command(&bin(), &cmd);
                if what.contains("replica") {
                    cmd.env("AWS_REGION", "eu-west-1");
                }
                let out = run_bounded(cmd, &what);
                let mut needles = vec!["is inconsistent", "app/db", "restore it from a backup"];
                needles.extend_from_slice(rule);
                refused(&out, &what, CONFIG, &needles, &secret);
                assert_eq!(std::fs::read(&env.vault).unwrap(), before, "{what}");
            }
        }
    }
}

/// §2: an identity file others can read is refused, with the remedy, as ssh refuses a
/// private key others can read.
#[test]
fn an_identity_others_can_read_is_refused() {
    let (env, secret) = fixture();
    let path = env.identity.display().to_string();
    for mode in [0o640, 0o604, 0o644] {
        std::fs::set_permissions(&env.identity, std::fs::Permissions::from_mode(mode)).unwrap();
        for cmd in commands() {
            let what = format!("{mode:o}, {}", cmd[0]);
            let out = env.run(&bin(), &cmd);
            refused(
                &out,
                &what,
                CONFIG,
                &[&path, "other users", &format!("chmod 600 {path}")],
                &secret,
            );
        }
    }
    std::fs::set_permissions(&env.identity, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.ok(&bin(), ["get-secret-value", "--secret-id", "app/db"]);
}

/// A rotation function that records that it ran and then fails.
const MARKER_FUNCTION: &str =
    "#!/bin/sh\ncat > /dev/null\necho ran >> \"$(dirname \"$0\")/../ran.log\"\nexit 7\n";

/// §2: a rotation function, or the functions directory, that others can change is
/// refused before it runs (exit 255, naming the path and the reason).
#[test]
fn rotation_functions_others_can_change_are_refused() {
    let (env, secret) = fixture();
    let dir = env.path().join("functions");
    std::fs::create_dir(&dir).unwrap();
    let function = dir.join("rot");
    std::fs::write(&function, MARKER_FUNCTION).unwrap();
    let ran = env.path().join("ran.log");
    let rotate = |what: &str| {
        let mut cmd = env.command(
            &bin(),
            [
                "rotate-secret",
                "--secret-id",
                "app/db",
                "--rotation-lambda-arn",
                "rot",
            ],
        );
        cmd.env("SMVAULT_FUNCTIONS_DIR", &dir);
        run_bounded(cmd, what)
    };
    let mode = |p: &Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    };
    let dir_s = dir.display().to_string();
    let fn_s = function.display().to_string();
    // (what, directory mode, function mode, function owner, path named, reason)
    type Case<'a> = (&'a str, u32, u32, Option<u32>, &'a str, &'a str);
    let writable = "writable by other users";
    let mut cases: Vec<Case> = vec![
        (
            "world-writable directory",
            0o777,
            0o755,
            None,
            &dir_s,
            writable,
        ),
        (
            "group-writable directory",
            0o775,
            0o755,
            None,
            &dir_s,
            writable,
        ),
        (
            "world-writable function",
            0o755,
            0o757,
            None,
            &fn_s,
            writable,
        ),
        (
            "group-writable function",
            0o755,
            0o775,
            None,
            &fn_s,
            writable,
        ),
    ];
    if is_root() {
        let nobody = Some(65534);
        cases.push((
            "owned by nobody",
            0o755,
            0o755,
            nobody,
            &fn_s,
            "owned by user 65534",
        ));
    }
    let before = std::fs::read(&env.vault).unwrap();
    for (what, dir_mode, fn_mode, owner, path, reason) in cases {
        mode(&dir, dir_mode);
        mode(&function, fn_mode);
        if let Some(uid) = owner {
            std::os::unix::fs::chown(&function, Some(uid), None).unwrap();
        }
        let out = rotate(what);
        refused(&out, what, GENERAL, &[path, reason], &secret);
        assert!(!ran.exists(), "{what}: the function ran");
        assert_eq!(std::fs::read(&env.vault).unwrap(), before, "{what}");
        if owner.is_some() {
            std::os::unix::fs::chown(&function, Some(0), None).unwrap();
        }
    }
    // The control: the same function, no longer writable by others, runs.
    mode(&dir, 0o755);
    mode(&function, 0o755);
    let out = rotate("trusted");
    assert!(ran.exists(), "the trusted function runs: {}", stderr(&out));
}

/// §2: a reader never waits for the lock: with a writer holding it, a read that would
/// record an access day answers at once without recording it; with the lock free, it
/// records.
#[test]
fn a_reader_never_waits_for_a_busy_lock() {
    let (env, secret) = fixture();
    // The clock hook needs the debug binary.
    let later = |days: &str| {
        let mut cmd = env.command(
            &support::debug_bin(),
            ["--debug", "get-secret-value", "--secret-id", "app/db"],
        );
        cmd.env("SMVAULT_TEST_ADVANCE_DAYS", days)
            .env("SMVAULT_TEST_LOCK_TIMEOUT", "3600");
        cmd
    };
    let before = std::fs::read(&env.vault).unwrap();
    let held = smvault::vault::lock::acquire(&env.vault, Duration::ZERO).unwrap();
    let out = run_bounded(later("2"), "read under a busy lock");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&secret));
    assert!(stderr(&out).contains("not recorded"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&env.vault).unwrap(),
        before,
        "nothing recorded"
    );
    drop(held);
    let out = run_bounded(later("2"), "read with the lock free");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(
        std::fs::read(&env.vault).unwrap(),
        before,
        "the access day is recorded"
    );
}

/// smvault ignores SIGXFSZ for itself only: a program `exec` becomes gets the default
/// action back (an ignored signal would stay ignored across execve).
#[test]
fn exec_gives_its_program_the_default_file_size_signal() {
    let (env, _) = fixture();
    let status = env.ok(
        &bin(),
        [
            "exec",
            "--env",
            "A=app/db",
            "--",
            "sh",
            "-c",
            "grep SigIgn /proc/self/status",
        ],
    );
    let mask = status.split_whitespace().nth(1).expect("SigIgn: <mask>");
    let mask = u64::from_str_radix(mask, 16).unwrap();
    // SIGXFSZ is signal 25 on Linux: bit 24 of the mask.
    assert_eq!(
        mask & (1 << 24),
        0,
        "SIGXFSZ ignored in the program: {status}"
    );
}

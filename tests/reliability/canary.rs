//! Secrets stay secret: a canary value given by argv, `file://` or `fileb://` never appears
//! in any file the tool writes (except encrypted, in the vault), in stderr, in `--debug`
//! output or in an error; the files are 0600 whatever the umask; core dumps are off.

use crate::support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine;
use support::{Env, all_files, bin, canary, contains, debug_bin, is_root, stderr, stdout};

#[test]
fn secret_values_never_reach_a_file_stderr_or_debug_output() {
    let env = Env::new();
    // The `file://` sources live outside the scanned directory: they hold the values by design.
    let sources = tempfile::tempdir().unwrap();
    let source = |name: &str, bytes: &[u8]| {
        let p = sources.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    let argv = canary("argv");
    let file = canary("file");
    let binary = canary("binary");
    let put_file = canary("put-file");
    let put_argv = canary("put-argv");
    let update = canary("update");
    let refused = canary("refused");
    let crashed = canary("crashed");
    let f_file = source("file", file.as_bytes());
    let f_binary = source("binary", binary.as_bytes());
    let f_put = source("put", put_file.as_bytes());
    let secrets = [
        &argv, &file, &binary, &put_file, &put_argv, &update, &refused, &crashed,
    ];

    // (args, whether stdout may show a value: only the two reads of values)
    let long = format!("{}{refused}", "a".repeat(65_537));
    let commands: Vec<(Vec<String>, bool)> = [
        (vec!["init"], false),
        (
            vec!["create-secret", "--name", "argv", "--secret-string", &argv],
            false,
        ),
        (
            vec![
                "create-secret",
                "--name",
                "file",
                "--secret-string",
                &format!("file://{f_file}"),
            ],
            false,
        ),
        (
            vec![
                "create-secret",
                "--name",
                "bin",
                "--secret-binary",
                &format!("fileb://{f_binary}"),
            ],
            false,
        ),
        (
            vec![
                "put-secret-value",
                "--secret-id",
                "argv",
                "--secret-string",
                &format!("file://{f_put}"),
            ],
            false,
        ),
        (
            vec![
                "put-secret-value",
                "--secret-id",
                "file",
                "--secret-string",
                &put_argv,
            ],
            false,
        ),
        (
            vec![
                "update-secret",
                "--secret-id",
                "bin",
                "--secret-string",
                &update,
            ],
            false,
        ),
        (vec!["describe-secret", "--secret-id", "argv"], false),
        (vec!["list-secrets"], false),
        (
            vec![
                "list-secret-version-ids",
                "--secret-id",
                "argv",
                "--include-deprecated",
            ],
            false,
        ),
        (vec!["get-secret-value", "--secret-id", "argv"], true),
        (
            vec![
                "get-secret-value",
                "--secret-id",
                "bin",
                "--version-stage",
                "AWSPREVIOUS",
            ],
            true,
        ),
        (
            vec![
                "batch-get-secret-value",
                "--secret-id-list",
                "argv",
                "file",
                "bin",
            ],
            true,
        ),
        // Refusals that carry a secret: none may echo it.
        (
            vec![
                "put-secret-value",
                "--secret-id",
                "missing",
                "--secret-string",
                &refused,
            ],
            false,
        ),
        (
            vec![
                "create-secret",
                "--name",
                "argv",
                "--secret-string",
                &refused,
            ],
            false,
        ),
        (
            vec![
                "create-secret",
                "--name",
                "both",
                "--secret-string",
                &refused,
                "--secret-binary",
                &format!("fileb://{f_binary}"),
            ],
            false,
        ),
        (
            vec!["create-secret", "--name", "long", "--secret-string", &long],
            false,
        ),
        (
            vec![
                "create-secret",
                "--name",
                "j",
                "--cli-input-json",
                &format!(r#"{{"SecretString": "{refused}""#),
            ],
            false,
        ),
        (
            vec![
                "create-secret",
                "--name",
                "j",
                "--cli-input-json",
                &format!(r#"{{"SecretString": "{refused}", "Bogus": 1}}"#),
            ],
            false,
        ),
        (
            vec![
                "create-secret",
                "--name",
                "y",
                "--cli-input-yaml",
                &format!("SecretString: [{refused}"),
            ],
            false,
        ),
    ]
    .into_iter()
    .map(|(args, shows)| (args.into_iter().map(String::from).collect(), shows))
    .collect();

    let mut shown = Vec::new();
    for (args, shows_value) in &commands {
        let mut full = vec!["--debug".to_string()];
        full.extend(args.iter().cloned());
        // Every operation appends its audit line to a file the scan below reads.
        let out = env
            .command(&bin(), &full)
            .env("SMVAULT_AUDIT_LOG", env.path().join("audit.log"))
            .output()
            .unwrap();
        let what = format!("{:?}", &args[..args.len().min(2)]);
        for s in secrets {
            assert!(
                !contains(&out.stderr, s.as_bytes()),
                "{what}: stderr shows {s}"
            );
            if !shows_value {
                assert!(
                    !contains(&out.stdout, s.as_bytes()),
                    "{what}: stdout shows {s}"
                );
            }
        }
        if *shows_value {
            shown.push(stdout(&out));
        }
    }
    // The reads did return the values, so the scan below looks for the right bytes.
    let shown = shown.concat();
    for s in [&put_file, &put_argv, &update] {
        assert!(shown.contains(s.as_str()), "{s} was stored");
    }

    // A crash mid-write leaves a temp file: it must be ciphertext too.
    let out = env
        .command(
            &debug_bin(),
            [
                "create-secret",
                "--name",
                "crashed",
                "--secret-string",
                &crashed,
            ],
        )
        .env("SMVAULT_TEST_CRASH_AT", "after-temp-write")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(env.temp_files().len(), 1);

    let audited = std::fs::read_to_string(env.path().join("audit.log")).unwrap();
    assert!(
        audited.lines().count() >= commands.len() - 1,
        "a line per operation: {audited}"
    );
    let b64 = base64::engine::general_purpose::STANDARD;
    let files = all_files(env.path());
    assert!(files.len() >= 4, "vault, lock, identity, temp: {files:?}");
    for (path, bytes) in &files {
        for s in secrets {
            assert!(
                !contains(bytes, s.as_bytes()),
                "{} holds {s}",
                path.display()
            );
            let encoded = b64.encode(s.as_bytes());
            assert!(
                !contains(bytes, encoded.as_bytes()),
                "{} holds {s}",
                path.display()
            );
        }
    }
}

/// `program args` to run under `umask 000`, the worst a user can set.
fn with_umask_000(env: &Env, program: &Path, args: &[&str]) -> std::process::Command {
    let mut cmd = env.command(Path::new("sh"), ["-c", "umask 000 && exec \"$0\" \"$@\""]);
    cmd.arg(program).args(args);
    cmd
}

#[test]
fn every_file_and_directory_is_private_whatever_the_umask() {
    let mut env = Env::new();
    // Default locations: the tool creates the directories too.
    env.vault = env.home.join("data/smvault/vault.age");
    env.identity = env.home.join("config/smvault/identity.txt");
    let audit = env.home.join("data/smvault/audit.log");
    for args in [
        &["init"][..],
        &["create-secret", "--name", "a", "--secret-string", "x"],
        &[
            "put-secret-value",
            "--secret-id",
            "a",
            "--secret-string",
            "y",
        ],
    ] {
        let out = with_umask_000(&env, &bin(), args)
            .env("SMVAULT_AUDIT_LOG", &audit)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    // A crash leaves a temp file; it is private too.
    let crash = env
        .command(Path::new("sh"), ["-c", "umask 000 && exec \"$0\" \"$@\""])
        .arg(debug_bin())
        .args([
            "put-secret-value",
            "--secret-id",
            "a",
            "--secret-string",
            "w",
        ])
        .env("SMVAULT_TEST_CRASH_AT", "after-fsync")
        .output()
        .unwrap();
    assert!(!crash.status.success());
    assert_eq!(env.temp_files().len(), 1);

    let mut checked = 0;
    for dir in [env.vault.parent().unwrap(), env.identity.parent().unwrap()] {
        let mode = std::fs::metadata(dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "{} is {mode:o}", dir.display());
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{} is {mode:o}", entry.path().display());
            checked += 1;
        }
    }
    assert_eq!(checked, 5, "vault, lock, temp, audit log and identity");
}

/// Whether `/proc/<pid>/status` is owned by root while the process runs as another user:
/// the kernel does that exactly when the process is not dumpable (PR_SET_DUMPABLE 0).
fn proc_owner(pid: u32) -> Option<u32> {
    std::fs::metadata(format!("/proc/{pid}/status"))
        .ok()
        .map(|m| m.uid())
}

#[test]
fn core_dumps_are_off_in_a_running_process() {
    if !Path::new("/proc/self/limits").exists() {
        eprintln!("skipped: no /proc (core-dump hardening is Linux-only)");
        return;
    }
    let root = is_root();
    if root
        && !std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    {
        eprintln!(
            "skipped: as root the check needs setpriv (util-linux) to run the tool as nobody"
        );
        return;
    }
    let env = Env::new();
    // The process blocks opening this FIFO (`file://` is read before the vault is touched),
    // which holds it still while /proc is inspected.
    let fifo = env.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for p in [env.path(), fifo.as_path()] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    let value = format!("file://{}", fifo.display());
    let args = [
        "create-secret",
        "--name",
        "x",
        "--secret-string",
        value.as_str(),
    ];
    // A dumpable process run as root would look the same as a hardened one, so as root
    // the tool runs as nobody.
    let mut cmd = if root {
        let mut c = env.command(
            Path::new("setpriv"),
            ["--reuid=65534", "--regid=65534", "--clear-groups"],
        );
        c.arg(bin()).args(args);
        c
    } else {
        env.command(&bin(), args)
    };
    let mut child = cmd.spawn().unwrap();
    let pid = child.id();
    let exe = std::fs::canonicalize(bin()).unwrap();
    // Poll until the process is smvault itself (not setpriv before its exec) and its
    // /proc entry shows root ownership; give up after 10 s.
    let deadline = Instant::now() + Duration::from_secs(10);
    let hardened = loop {
        let is_smvault = std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|e| e == exe);
        if is_smvault && proc_owner(pid) == Some(0) {
            break true;
        }
        if Instant::now() >= deadline || child.try_wait().unwrap().is_some() {
            break false;
        }
        std::thread::yield_now();
    };
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap_or_default();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        hardened,
        "smvault stayed dumpable (PR_SET_DUMPABLE was not set to 0)"
    );
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .expect("core limit listed");
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&fields[4..6], ["0", "0"], "{core}");
}

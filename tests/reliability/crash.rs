//! Crash safety: a write aborted at each crash point (debug-only hook), and hundreds of
//! SIGKILLs at random moments of real writes, always leave a vault that opens and holds
//! the state before or after the write; a temp file a crash leaves never outlives the next write.

use crate::support;

use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use smvault::core::model::{AWSCURRENT, AWSPREVIOUS, Secret, Vault};
use support::{Env, Rng, bin, current, debug_bin, secret, stderr};

const SIGABRT: i32 = 6;
const SIGKILL: i32 = 9;

/// Fixed clock and randomness, so the same write on a copy of the vault gives the
/// exact state an uninterrupted write would have left.
fn hooked(env: &Env, args: &[&str], crash_at: Option<&str>) -> std::process::Output {
    let mut cmd = env.command(&debug_bin(), args);
    cmd.env("SMVAULT_TEST_SEED", "42")
        .env("SMVAULT_TEST_NOW", "2025-03-01T12:00:00Z");
    if let Some(point) = crash_at {
        cmd.env("SMVAULT_TEST_CRASH_AT", point);
    }
    cmd.output().expect("spawn smvault")
}

fn copy_of(env: &Env) -> Env {
    let copy = Env::new();
    std::fs::copy(&env.identity, &copy.identity).unwrap();
    std::fs::copy(&env.vault, &copy.vault).unwrap();
    copy
}

#[test]
fn every_crash_point_leaves_the_old_or_the_new_vault() {
    // Explicit tokens: the CLI draws missing ones from the OS, not from the test seed.
    const TOKEN: &str = "00000000-0000-4000-8000-00000000c4a5";
    let writes: [&[&str]; 3] = [
        &[
            "create-secret",
            "--name",
            "new",
            "--secret-string",
            "n1",
            "--client-request-token",
            TOKEN,
        ],
        &[
            "put-secret-value",
            "--secret-id",
            "a",
            "--secret-string",
            "a2",
            "--client-request-token",
            TOKEN,
        ],
        &[
            "delete-secret",
            "--secret-id",
            "b",
            "--force-delete-without-recovery",
        ],
    ];
    // A crash before the rename must leave the old vault; after it, the new one.
    let points = [
        ("after-temp-write", false),
        ("after-fsync", false),
        ("after-rename", true),
    ];
    for write in writes {
        for (point, new_expected) in points {
            let env = Env::new();
            for setup in [
                &["init"][..],
                &["create-secret", "--name", "a", "--secret-string", "a1"],
                &["create-secret", "--name", "b", "--secret-string", "b1"],
            ] {
                let out = hooked(&env, setup, None);
                assert!(out.status.success(), "{setup:?}: {}", stderr(&out));
            }
            let old_bytes = std::fs::read(&env.vault).unwrap();
            let old = env.load();
            let expected_new = {
                let copy = copy_of(&env);
                let out = hooked(&copy, write, None);
                assert!(out.status.success(), "{write:?}: {}", stderr(&out));
                copy.load()
            };
            assert_ne!(old, expected_new, "{write:?} changes the vault");

            let out = hooked(&env, write, Some(point));
            let what = format!("{write:?} crashed {point}");
            assert_eq!(out.status.signal(), Some(SIGABRT), "{what}: {}", out.status);
            assert!(env.lock_is_free(), "{what}: the lock died with the writer");
            let now = env.try_load().unwrap_or_else(|e| panic!("{what}: {e}"));
            if new_expected {
                assert_eq!(now, expected_new, "{what}: not the new state");
                assert!(env.temp_files().is_empty(), "{what}: the temp was renamed");
            } else {
                assert_eq!(now, old, "{what}: not the old state");
                assert_eq!(std::fs::read(&env.vault).unwrap(), old_bytes, "{what}");
                assert_eq!(env.temp_files().len(), 1, "{what}: the crash left its temp");
            }
            // The CLI opens it too, and its next write sweeps the crash's temp file.
            env.ok(&bin(), ["get-secret-value", "--secret-id", "a"]);
            env.ok(
                &bin(),
                ["create-secret", "--name", "after", "--secret-string", "x"],
            );
            assert_eq!(env.temp_files(), Vec::<String>::new(), "{what}");
        }
    }
}

#[test]
fn a_release_binary_ignores_the_crash_hook() {
    if cfg!(debug_assertions) {
        eprintln!("skipped: this test checks the release binary (run `cargo test --release`)");
        return;
    }
    let env = Env::init();
    let out = env
        .command(
            &bin(),
            ["create-secret", "--name", "a", "--secret-string", "x"],
        )
        .env("SMVAULT_TEST_CRASH_AT", "after-temp-write")
        .env("SMVAULT_TEST_NO_LOCK", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(secret(&env.load(), "a").is_some());
}

/// The probe's write was applied exactly once on top of `before`: every other secret
/// is unchanged, one new version holds `value` as AWSCURRENT, and the old current
/// became AWSPREVIOUS.
fn applied_once(before: &Vault, after: &Vault, value: &str) -> Result<(), String> {
    let others = |v: &Vault| -> Vec<Secret> {
        v.secrets
            .iter()
            .filter(|s| s.name != "k/probe")
            .cloned()
            .collect()
    };
    if others(before) != others(after) {
        return Err("other secrets changed".into());
    }
    let (b, a) = (
        secret(before, "k/probe").ok_or("probe missing before")?,
        secret(after, "k/probe").ok_or("probe missing after")?,
    );
    let new: Vec<_> = a
        .versions
        .iter()
        .filter(|v| !b.versions.iter().any(|o| o.id == v.id))
        .collect();
    if new.len() != 1 || a.versions.len() != b.versions.len() + 1 {
        return Err(format!("{} new versions", new.len()));
    }
    let old_current = b.versions.iter().find(|v| v.has_stage(AWSCURRENT)).unwrap();
    let now_previous = a.versions.iter().find(|v| v.has_stage(AWSPREVIOUS));
    if current(a).as_deref() != Some(value)
        || !new[0].has_stage(AWSCURRENT)
        || now_previous.map(|v| &v.id) != Some(&old_current.id)
    {
        return Err("labels not moved as one put-secret-value moves them".into());
    }
    Ok(())
}

/// A vault big enough that a write takes tens of milliseconds, so random kills land in
/// every phase: read, decrypt, encrypt, temp write, fsync, rename.
fn big_vault(secrets: usize) -> Env {
    let env = Env::init();
    env.ok(
        &bin(),
        [
            "create-secret",
            "--name",
            "k/probe",
            "--secret-string",
            "v-initial",
        ],
    );
    env.ok(
        &bin(),
        [
            "create-secret",
            "--name",
            "template",
            "--description",
            "filler so the vault has a realistic size",
            "--secret-string",
            r#"{"username":"app","password":"correct horse battery staple","host":"db.internal","port":5432}"#,
        ],
    );
    let mut vault = env.load();
    let template = secret(&vault, "template").unwrap().clone();
    for i in 0..secrets {
        let mut s = template.clone();
        s.name = format!("filler/{i:06}");
        s.suffix = format!("{i:06}");
        for v in &mut s.versions {
            v.id = format!("{i:08}-0000-4000-8000-{}", &v.id[24..]);
        }
        vault.secrets.push(s);
    }
    env.save(&vault);
    env
}

fn put_probe(env: &Env, value: &str) -> std::process::Command {
    let mut cmd = env.command(
        &bin(),
        [
            "put-secret-value",
            "--secret-id",
            "k/probe",
            "--secret-string",
            value,
        ],
    );
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

#[test]
fn random_sigkills_during_writes_never_break_the_vault() {
    let kills: usize = std::env::var("SMVAULT_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let env = big_vault(3000);
    let mut rng = Rng::from_env("SMVAULT_KILL_SEED");
    // How long one uninterrupted put takes here; kills are spread over 1.2 times that.
    let mut times: Vec<Duration> = (0..4)
        .map(|i| {
            let t = Instant::now();
            assert!(
                put_probe(&env, &format!("warm-{i}"))
                    .status()
                    .unwrap()
                    .success()
            );
            t.elapsed()
        })
        .collect();
    times.sort();
    let window_us = (times[2].as_micros() as u64 * 12 / 10).max(1);
    let (mut unchanged, mut applied, mut finished, mut stale) = (0, 0, 0, 0);
    let mut before = env.load();
    let started = Instant::now();
    for i in 0..kills {
        let value = format!("v{i}");
        let mut child = put_probe(&env, &value).spawn().unwrap();
        let deadline = Instant::now() + Duration::from_micros(rng.below(window_us));
        // Poll the child until the random deadline: no sleep, the kill time is the experiment.
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() >= deadline {
                child.kill().unwrap();
                break child.wait().unwrap();
            }
            std::thread::yield_now();
        };
        let what = format!("kill {i} ({status})");
        if status.signal() == Some(SIGKILL) {
            assert!(env.lock_is_free(), "{what}: the lock outlived its holder");
        } else {
            assert!(status.success(), "{what}: an unkilled put failed");
            finished += 1;
        }
        let after = env
            .try_load()
            .unwrap_or_else(|e| panic!("{what}: the vault does not open: {e}"));
        if after == before {
            assert!(status.signal() == Some(SIGKILL), "{what}: put not applied");
            unchanged += 1;
        } else {
            applied_once(&before, &after, &value)
                .unwrap_or_else(|e| panic!("{what}: not the old state nor the new one: {e}"));
            applied += 1;
        }
        if !env.temp_files().is_empty() {
            // The kill landed between temp creation and rename; the next write must sweep it.
            stale += 1;
            assert!(
                put_probe(&env, &format!("sweep-{i}"))
                    .status()
                    .unwrap()
                    .success()
            );
            assert_eq!(env.temp_files(), Vec::<String>::new(), "{what}");
            before = env.load();
        } else {
            before = after;
        }
    }
    eprintln!(
        "{kills} kills in {:.1} s (window {} ms): {unchanged} unchanged, {applied} applied \
         ({finished} finished before the kill), {stale} left a temp file",
        started.elapsed().as_secs_f64(),
        window_us / 1000
    );
    assert!(
        unchanged > 0 && applied > 0,
        "kills must land on both sides"
    );
    env.ok(&bin(), ["get-secret-value", "--secret-id", "k/probe"]);
}

/// A tmpfs mounted for one test and unmounted on drop (even when the test fails).
struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `options` at `dir`, or says why not (not root, no mount(8),
    /// a container without CAP_SYS_ADMIN).
    fn mount(dir: &std::path::Path, options: &str) -> Result<Tmpfs, String> {
        std::fs::create_dir_all(dir).unwrap();
        let out = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(format!("mount failed: {}", stderr(&out).trim()));
        }
        Ok(Tmpfs(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// Writes zeros to `path` until the file system refuses; returns the bytes written.
fn fill(path: &std::path::Path) -> u64 {
    use std::io::Write;
    let mut f = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 4096];
    let mut written = 0;
    while let Ok(n) = f.write(&chunk) {
        if n == 0 {
            break;
        }
        written += n as u64;
    }
    written
}

/// The write-failure contract: the documented exit code (255), a message naming the
/// failing step and the OS reason, the vault byte-identical and no temp file left.
fn assert_write_fails_cleanly(env: &Env, out: &std::process::Output, needles: &[&str], old: &[u8]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(255), "{}: {err}", out.status);
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} missing from:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(std::fs::read(&env.vault).unwrap(), old, "the vault changed");
    assert_eq!(
        env.temp_files(),
        Vec::<String>::new(),
        "a temp file was left"
    );
}

/// A put whose stderr fails in three ways: closed (`2>&-`), /dev/full (ENOSPC) and a
/// pipe nobody reads (EPIPE). The error report must not turn into a panic (exit 101).
fn puts_with_failing_stderr(env: &Env, value: &str) -> Vec<(&'static str, std::process::Output)> {
    let program = bin();
    let args = [
        "put-secret-value",
        "--secret-id",
        "big",
        "--secret-string",
        value,
    ];
    let mut closed = env.command(
        std::path::Path::new("sh"),
        ["-c", "exec \"$0\" \"$@\" 2>&-"],
    );
    closed.arg(&program).args(args);
    let mut full = env.command(&program, args);
    full.stderr(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap(),
    );
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut broken = env.command(&program, args);
    broken.stderr(writer);
    [
        ("closed", closed),
        ("/dev/full", full),
        ("broken pipe", broken),
    ]
    .into_iter()
    .map(|(what, mut cmd)| (what, cmd.output().unwrap()))
    .collect()
}

#[test]
fn a_full_disk_fails_the_write_and_keeps_the_vault() {
    let mut env = Env::new();
    let mount = match Tmpfs::mount(&env.path().join("fs"), "size=1m,mode=0700") {
        Ok(m) => m,
        Err(reason) => {
            eprintln!("skipped: no tmpfs to fill ({reason})");
            return;
        }
    };
    env.vault = mount.0.join("vault.age");
    env.ok(&bin(), ["init"]);
    let big = "x".repeat(60_000);
    env.ok(
        &bin(),
        ["create-secret", "--name", "big", "--secret-string", &big],
    );
    let old = std::fs::read(&env.vault).unwrap();
    let filler = mount.0.join("filler");

    // Completely full, then with room for part of the new vault only.
    for leave in [0u64, old.len() as u64 / 2] {
        let size = fill(&filler);
        std::fs::File::options()
            .write(true)
            .open(&filler)
            .unwrap()
            .set_len(size - leave)
            .unwrap();
        let new = format!("{big}-{leave}");
        let out = env.run(
            &bin(),
            [
                "put-secret-value",
                "--secret-id",
                "big",
                "--secret-string",
                &new,
            ],
        );
        assert_write_fails_cleanly(&env, &out, &["No space left on device", "cannot"], &old);
        for (what, out) in puts_with_failing_stderr(&env, &new) {
            assert_eq!(
                out.status.code(),
                Some(255),
                "stderr {what}: {}",
                out.status
            );
            assert_eq!(std::fs::read(&env.vault).unwrap(), old, "stderr {what}");
            assert_eq!(env.temp_files(), Vec::<String>::new(), "stderr {what}");
        }
        // Reads still work on a full disk.
        env.ok(&bin(), ["describe-secret", "--secret-id", "big"]);
        std::fs::remove_file(&filler).unwrap();
    }
    env.ok(
        &bin(),
        [
            "put-secret-value",
            "--secret-id",
            "big",
            "--secret-string",
            "after",
        ],
    );
    assert_eq!(
        current(secret(&env.load(), "big").unwrap()).as_deref(),
        Some("after")
    );
}

#[test]
fn no_free_inode_fails_the_write_and_keeps_the_vault() {
    let mut env = Env::new();
    let mount = match Tmpfs::mount(&env.path().join("fs"), "size=1m,nr_inodes=8,mode=0700") {
        Ok(m) => m,
        Err(reason) => {
            eprintln!("skipped: no tmpfs to fill ({reason})");
            return;
        }
    };
    env.vault = mount.0.join("vault.age");
    env.ok(&bin(), ["init"]);
    env.ok(
        &bin(),
        ["create-secret", "--name", "big", "--secret-string", "v1"],
    );
    let old = std::fs::read(&env.vault).unwrap();
    let mut used = 0;
    while std::fs::File::create(mount.0.join(format!("f{used}"))).is_ok() {
        used += 1;
    }
    let out = env.run(
        &bin(),
        [
            "put-secret-value",
            "--secret-id",
            "big",
            "--secret-string",
            "v2",
        ],
    );
    assert_write_fails_cleanly(
        &env,
        &out,
        &[
            "cannot create a temporary file in",
            "No space left on device",
        ],
        &old,
    );
}

/// Whether strace can inject faults here (it needs ptrace, which some sandboxes forbid).
fn strace_works() -> Result<(), String> {
    match std::process::Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .output()
    {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(format!("strace cannot trace: {}", stderr(&o).trim())),
        Err(e) => Err(format!("strace is not installed ({e})")),
    }
}

#[test]
fn injected_io_errors_fail_the_write_and_keep_the_vault() {
    if let Err(reason) = strace_works() {
        eprintln!("skipped: {reason}");
        return;
    }
    let env = Env::init();
    env.ok(
        &bin(),
        ["create-secret", "--name", "big", "--secret-string", "v1"],
    );
    let old = std::fs::read(&env.vault).unwrap();
    // (syscall fault, the step the message must name)
    let faults = [
        ("write:error=EIO:when=1", "cannot write"),
        ("write:error=ENOSPC:when=1", "cannot write"),
        ("fsync:error=EIO:when=1", "cannot sync"),
        ("rename,renameat,renameat2:error=EXDEV", "cannot replace"),
    ];
    for (fault, step) in faults {
        let mut cmd = env.command(
            std::path::Path::new("strace"),
            [
                "-f",
                "-qq",
                "-o",
                "/dev/null",
                "-e",
                &format!("inject={fault}"),
            ],
        );
        cmd.arg(bin()).args([
            "put-secret-value",
            "--secret-id",
            "big",
            "--secret-string",
            "v2",
        ]);
        let out = cmd.output().unwrap();
        eprintln!("{fault}: {}", stderr(&out).trim());
        assert_write_fails_cleanly(&env, &out, &[step], &old);
    }
    env.ok(
        &bin(),
        [
            "put-secret-value",
            "--secret-id",
            "big",
            "--secret-string",
            "v3",
        ],
    );
}

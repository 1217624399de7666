//! Hostile and broken inputs: damaged, foreign, other-key, unknown-format and corrupt vaults,
//! bad identities and unusable directories. Every read and write must fail with a message
//! that names the problem (and, for the vault and identity, the remedy), leave every file
//! byte-identical, leave no temp file, and never print a secret.

use crate::support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use smvault::vault::keys;
use support::{Env, bin, contains, is_root, stderr};

/// AWS CLI return codes (src/cli/exit.rs): the vault or identity is unusable; anything else.
const CONFIG: i32 = 253;
const GENERAL: i32 = 255;

/// A vault holding one secret whose value is a canary no message may contain.
struct Fixture {
    env: Env,
    secret: String,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::in_env(Env::new())
    }

    fn in_env(env: Env) -> Fixture {
        env.ok(&bin(), ["init"]);
        let secret = support::canary_secret(&env, "hostile");
        Fixture { env, secret }
    }

    /// A read, a write to the same secret and a write of a new secret: a write must not
    /// treat a vault it cannot read as empty and replace it.
    fn commands(&self) -> [Vec<String>; 3] {
        let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        let new = format!("{}-new", self.secret);
        [
            s(&["get-secret-value", "--secret-id", "app/db"]),
            s(&[
                "put-secret-value",
                "--secret-id",
                "app/db",
                "--secret-string",
                &new,
            ]),
            s(&["create-secret", "--name", "other", "--secret-string", &new]),
        ]
    }

    fn recipient(&self) -> age::x25519::Recipient {
        let id = keys::read_identity(&self.env.identity).unwrap();
        id.x25519().unwrap().to_public()
    }

    /// The vault's plaintext envelope, as the product wrote it.
    fn plaintext(&self) -> Vec<u8> {
        let id = keys::read_identity(&self.env.identity).unwrap();
        age::decrypt(
            id.x25519().unwrap(),
            &std::fs::read(&self.env.vault).unwrap(),
        )
        .unwrap()
    }

    fn encrypt(&self, plaintext: &[u8]) -> Vec<u8> {
        age::encrypt(&self.recipient(), plaintext).unwrap()
    }

    /// Runs every command with `run` and checks the refusal contract.
    fn all_refused(&self, run: &dyn Fn(&[String]) -> Output, code: i32, needles: &[&str]) {
        for args in self.commands() {
            self.refused(run, &args, code, needles);
        }
    }

    fn refused(
        &self,
        run: &dyn Fn(&[String]) -> Output,
        args: &[String],
        code: i32,
        needles: &[&str],
    ) -> String {
        let vault_before = std::fs::read(&self.env.vault).ok();
        let identity_before = std::fs::read(&self.env.identity).ok();
        let out = run(args);
        let err = stderr(&out);
        let what = format!("{:?}", &args[..2]);
        assert_eq!(out.status.code(), Some(code), "{what}: {err}");
        for needle in needles {
            assert!(
                err.contains(needle),
                "{what}: {needle:?} missing from:\n{err}"
            );
        }
        assert!(!err.contains("panicked"), "{what}: {err}");
        assert!(
            out.stdout.is_empty(),
            "{what}: a failure prints nothing on stdout"
        );
        assert!(
            !contains(&out.stderr, self.secret.as_bytes()),
            "{what}: the secret leaked: {err}"
        );
        assert_eq!(std::fs::read(&self.env.vault).ok(), vault_before, "{what}");
        assert_eq!(
            std::fs::read(&self.env.identity).ok(),
            identity_before,
            "{what}: the identity changed"
        );
        assert_eq!(self.env.temp_files(), Vec::<String>::new(), "{what}");
        err
    }

    fn run(&self) -> impl Fn(&[String]) -> Output + '_ {
        |args| self.env.run(&bin(), args)
    }

    fn set_vault(&self, bytes: &[u8]) {
        std::fs::write(&self.env.vault, bytes).unwrap();
    }
}

fn flip(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut b = bytes.to_vec();
    b[at] ^= 0x01;
    b
}

#[test]
fn damaged_vaults_are_refused_and_left_alone() {
    let fx = Fixture::new();
    let good = std::fs::read(&fx.env.vault).unwrap();
    let path = fx.env.vault.display().to_string();
    // (what, bytes, message): each message names the vault; the hint says what to do.
    let header_end = good.windows(4).position(|w| w == b"\n---").unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated to 100 bytes",
            good[..100].to_vec(),
            "cannot decrypt the vault",
        ),
        (
            "last byte cut",
            good[..good.len() - 1].to_vec(),
            "cannot decrypt the vault",
        ),
        (
            "payload byte flipped",
            flip(&good, good.len() - 20),
            "cannot decrypt the vault",
        ),
        (
            "header byte flipped",
            flip(&good, header_end - 5),
            "cannot decrypt the vault",
        ),
        ("empty", Vec::new(), "is not an age-encrypted file"),
        (
            "plain JSON",
            br#"{"format":1,"data":{}}"#.to_vec(),
            "is not an age-encrypted file",
        ),
        (
            "zip file",
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec(),
            "is not an age-encrypted file",
        ),
    ];
    for (what, bytes, message) in cases {
        eprintln!("case: {what}");
        fx.set_vault(&bytes);
        fx.all_refused(&fx.run(), CONFIG, &[message, &path, "hint:"]);
    }
    fx.set_vault(&good);
    fx.env
        .ok(&bin(), ["get-secret-value", "--secret-id", "app/db"]);
}

#[test]
fn a_vault_for_another_key_is_refused() {
    let fx = Fixture::new();
    let plaintext = fx.plaintext();
    let other = age::x25519::Identity::generate().to_public();
    fx.set_vault(&age::encrypt(&other, &plaintext).unwrap());
    fx.all_refused(
        &fx.run(),
        CONFIG,
        &[
            "not encrypted to this identity",
            "hint:",
            "identity it was made with",
        ],
    );
}

#[test]
fn an_unknown_format_is_refused_with_upgrade_advice() {
    let fx = Fixture::new();
    fx.set_vault(&fx.encrypt(br#"{"format":4,"data":{}}"#));
    fx.all_refused(&fx.run(), CONFIG, &["has format 4", "upgrade smvault"]);
    fx.set_vault(&fx.encrypt(br#"{"data":{}}"#));
    fx.all_refused(&fx.run(), CONFIG, &["format", "upgrade smvault"]);
}

#[test]
fn corrupt_json_inside_is_refused_without_echoing_content() {
    let fx = Fixture::new();
    let plaintext = fx.plaintext();
    // serde_json's own messages quote the offending value; the secret must not
    // follow (the refusal contract checks stderr for it).
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated JSON", plaintext[..plaintext.len() / 2].to_vec()),
        ("not JSON", b"\x00\x01binary".to_vec()),
        ("wrong shape", br#"{"format":1,"data":"vault"}"#.to_vec()),
        (
            "secrets not a list",
            br#"{"format":1,"data":{"secrets":{}}}"#.to_vec(),
        ),
    ];
    // A damaged secret record is found when an operation touches it (a lazy
    // load parses only the secrets it needs); see damaged_record_* below.
    for (what, bytes) in cases {
        eprintln!("case: {what}");
        fx.set_vault(&fx.encrypt(&bytes));
        fx.all_refused(
            &fx.run(),
            CONFIG,
            &["contents are damaged", "restore it from a backup"],
        );
    }
}

/// One damaged secret record: operations on that secret are refused with the
/// damage named; operations on other secrets work and copy the damaged record
/// through byte for byte, so nothing more is lost.
#[test]
fn damaged_record_is_refused_when_touched_and_kept_otherwise() {
    let fx = Fixture::new();
    let secret = &fx.secret;
    let plaintext = String::from_utf8(fx.plaintext()).unwrap();
    let damaged_record = format!(
        r#"{{"name":"app/db","region":"us-east-1","suffix":"abcdef","created":"{secret}","last_changed":0}}"#
    );
    let cases = [
        format!(r#"{{"format":1,"data":{{"secrets":[{damaged_record}]}}}}"#),
        plaintext.replace(r#""string":"#, r#""unknown-kind":"#),
    ];
    for bytes in cases {
        fx.set_vault(&fx.encrypt(bytes.as_bytes()));
        let [get, put, create] = fx.commands();
        for args in [get, put] {
            fx.refused(
                &fx.run(),
                &args,
                CONFIG,
                &["contents are damaged", "restore it from a backup"],
            );
        }
        let out = fx.run()(&create);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let after = String::from_utf8(fx.plaintext()).unwrap();
        let kept = if bytes.contains(&damaged_record) {
            damaged_record.clone()
        } else {
            r#""unknown-kind":"#.to_string()
        };
        assert!(
            after.contains(&kept),
            "the damaged record is kept as it was"
        );
    }
}

#[test]
fn a_vault_that_is_a_directory_is_refused() {
    let fx = Fixture::new();
    std::fs::remove_file(&fx.env.vault).unwrap();
    std::fs::create_dir(&fx.env.vault).unwrap();
    fx.all_refused(
        &fx.run(),
        GENERAL,
        &["cannot read the vault", "Is a directory"],
    );
}

#[test]
fn identity_problems_are_named_and_never_replace_the_identity() {
    let fx = Fixture::new();
    let good = std::fs::read(&fx.env.identity).unwrap();
    let public = fx.recipient();
    // Missing while the vault exists: creating a fresh one would lock the user out.
    std::fs::remove_file(&fx.env.identity).unwrap();
    fx.all_refused(
        &fx.run(),
        CONFIG,
        &["no age identity", "must be restored from your backup"],
    );
    assert!(!fx.env.identity.exists(), "no identity was invented");

    for (what, text) in [
        ("garbage", "hello\n".to_string()),
        ("comment only", "# created: today\n".to_string()),
        ("empty", String::new()),
        ("public key", format!("{public}\n")),
    ] {
        eprintln!("case: {what}");
        write_identity(&fx.env.identity, text.as_bytes());
        fx.all_refused(&fx.run(), CONFIG, &["is unusable", "AGE-SECRET-KEY-1"]);
    }

    let other = age::x25519::Identity::generate();
    use age::secrecy::ExposeSecret;
    write_identity(
        &fx.env.identity,
        format!("{}\n", other.to_string().expose_secret()).as_bytes(),
    );
    fx.all_refused(&fx.run(), CONFIG, &["not encrypted to this identity"]);
    write_identity(&fx.env.identity, &good);
}

fn write_identity(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// Root ignores directory permissions, so as root the commands run as `nobody` (setpriv)
/// on files handed to nobody. `None`, with the reason printed, when that is impossible.
fn unprivileged(env: &Env) -> Option<impl Fn(&[String]) -> Output + '_> {
    let root = is_root();
    if root {
        let setpriv = std::process::Command::new("setpriv")
            .arg("--version")
            .output();
        if !setpriv.is_ok_and(|o| o.status.success()) {
            eprintln!("skipped: running as root and setpriv (util-linux) is missing");
            return None;
        }
        for entry in walk(env.path()) {
            std::os::unix::fs::chown(&entry, Some(65534), Some(65534)).unwrap();
        }
    }
    // The temp dir is 0700; the child must be able to reach the identity and HOME.
    std::fs::set_permissions(env.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    Some(move |args: &[String]| {
        let program = bin();
        let mut cmd = if root {
            let mut c = env.command(Path::new("setpriv"), ["--reuid=65534", "--regid=65534"]);
            c.arg("--clear-groups").arg(&program);
            c
        } else {
            env.command(&program, std::iter::empty::<&str>())
        };
        cmd.args(args).output().unwrap()
    })
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            all.extend(walk(&entry.path()));
        } else {
            all.push(entry.path());
        }
    }
    all
}

/// A fixture whose vault sits in its own directory `v/`, so that directory's mode can
/// change while the identity stays readable.
fn fixture_in_subdir() -> Fixture {
    let mut env = Env::new();
    std::fs::create_dir(env.path().join("v")).unwrap();
    env.vault = env.path().join("v/vault.age");
    Fixture::in_env(env)
}

/// Restores the directory's mode on drop, so the temp dir can be removed even on failure.
struct Mode<'a>(&'a Path);

impl<'a> Mode<'a> {
    fn set(dir: &'a Path, mode: u32) -> Mode<'a> {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
        Mode(dir)
    }
}

impl Drop for Mode<'_> {
    fn drop(&mut self) {
        let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn an_unreadable_directory_is_named() {
    let fx = fixture_in_subdir();
    let Some(run) = unprivileged(&fx.env) else {
        return;
    };
    let dir = fx.env.vault.parent().unwrap();
    let _mode = Mode::set(dir, 0o000);
    let path = dir.display().to_string();
    // Root can still read it, so the byte-identical check runs; the child cannot.
    fx.all_refused(&run, GENERAL, &[&path, "Permission denied"]);
}

#[test]
fn a_write_in_a_read_only_directory_is_refused_cleanly() {
    let fx = fixture_in_subdir();
    let Some(run) = unprivileged(&fx.env) else {
        return;
    };
    let dir = fx.env.vault.parent().unwrap();
    let _mode = Mode::set(dir, 0o555);
    let [_, put, create] = fx.commands();
    for args in [put, create] {
        let err = fx.refused(&run, &args, GENERAL, &["Permission denied"]);
        assert!(err.contains(&dir.display().to_string()), "{err}");
    }
}

/// Product bug, kept as a failing test for the fix: a read records the access day and
/// writes it back, so in a read-only directory (a read-only mount, a vault shipped in an
/// image) `get-secret-value` fails with exit 255 "cannot create a temporary file in ...".
#[test]
fn a_read_in_a_read_only_directory_succeeds() {
    let fx = fixture_in_subdir();
    let Some(run) = unprivileged(&fx.env) else {
        return;
    };
    let _mode = Mode::set(fx.env.vault.parent().unwrap(), 0o555);
    let [get, _, _] = fx.commands();
    let out = run(&get);
    assert!(out.status.success(), "{}", stderr(&out));
}

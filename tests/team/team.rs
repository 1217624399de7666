//! A vault shared by a team, as real processes: an age and an ssh-ed25519 identity (made with
//! ssh-keygen), stock `age -d`, the lock-out guard, hostile recipients, and the git merge driver
//! and textconv in a real repository.

use crate::support::cli;

use std::path::{Path, PathBuf};
use std::process::Command;

use cli::{BIN, Env};

/// Whether `tool` can be run. Outside CI a missing tool skips its check with a
/// printed line; in CI (`.ci/run` installs them) it fails the test.
fn have(tool: &str) -> bool {
    if Command::new(tool).arg("--help").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is not installed; .ci/run installs it"
    );
    eprintln!("skipping the checks that need {tool}: it is not installed");
    false
}

/// A new ssh key pair at `env.path(name)`; returns the private key's path.
fn ssh_key(env: &Env, name: &str, kind: &str) -> PathBuf {
    let path = env.path(name);
    let out = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            kind,
            "-N",
            "",
            "-C",
            &format!("{name}@test"),
            "-f",
        ])
        .arg(&path)
        .output()
        .expect("ssh-keygen runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

/// The `age1…` public key of an identity file written by smvault.
fn public_key(identity: &Path) -> String {
    let text = std::fs::read_to_string(identity).unwrap();
    let at = text.find("age1").expect("a public key comment");
    text[at..].split_whitespace().next().unwrap().to_string()
}

/// Another person's age identity, in `env`'s folder.
fn other_identity(env: &Env, name: &str) -> PathBuf {
    let other = Env::new();
    let path = env.path(name);
    std::fs::copy(other.identity(), &path).unwrap();
    path
}

fn get_as(env: &Env, identity: &Path, name: &str) -> cli::Run {
    env.run_with(
        &[("SMVAULT_AGE_KEY_FILE", identity.to_str().unwrap())],
        &[
            "get-secret-value",
            "--secret-id",
            name,
            "--query",
            "SecretString",
            "--output",
            "text",
        ],
    )
}

fn put(env: &Env, name: &str, value: &str) {
    env.ok(&[
        "put-secret-value",
        "--secret-id",
        name,
        "--secret-string",
        value,
    ]);
}

fn age_decrypts(env: &Env, identity: &Path) -> Option<bool> {
    if !have("age") {
        return None;
    }
    let out = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(identity)
        .arg(env.vault())
        .output()
        .unwrap();
    if out.status.success() {
        assert!(
            out.stdout.starts_with(br#"{"format":2,"data":"#),
            "the plaintext is smvault's envelope"
        );
    }
    Some(out.status.success())
}

#[test]
fn an_age_and_an_ssh_identity_share_the_vault_until_one_is_removed() {
    if !have("ssh-keygen") {
        return;
    }
    let env = Env::new();
    env.create("app/db", "first-value");
    let bob = ssh_key(&env, "bob", "ed25519");
    let added = env.run(&["recipients", "add", &format!("{}.pub", bob.display())]);
    added.ok();
    let listed = env.ok(&["recipients", "list"]);
    assert!(listed.contains("# bob@test\nssh-ed25519 AAAA"), "{listed}");
    assert!(listed.contains("(your identity)"), "{listed}");
    // Both read; the ssh identity writes too, and the age one reads that.
    assert_eq!(
        get_as(&env, &env.identity(), "app/db").ok(),
        "first-value\n"
    );
    assert_eq!(get_as(&env, &bob, "app/db").ok(), "first-value\n");
    env.run_with(
        &[("SMVAULT_AGE_KEY_FILE", bob.to_str().unwrap())],
        &[
            "put-secret-value",
            "--secret-id",
            "app/db",
            "--secret-string",
            "from-bob",
        ],
    )
    .ok();
    assert_eq!(get_as(&env, &env.identity(), "app/db").ok(), "from-bob\n");
    if age_decrypts(&env, &env.identity()).is_some() {
        assert_eq!(
            age_decrypts(&env, &bob),
            Some(true),
            "age -d -i the ssh key"
        );
        assert_eq!(age_decrypts(&env, &env.identity()), Some(true));
    }
    let old_copy = env.vault_bytes();

    let removed = env.run(&["recipients", "remove", "bob@test"]);
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    assert!(
        removed.stderr.contains("not revoking"),
        "{}",
        removed.stderr
    );
    assert!(removed.stderr.contains("app/db"), "{}", removed.stderr);
    assert!(removed.stderr.contains("rotate"), "{}", removed.stderr);
    assert!(!removed.stderr.contains("from-bob"), "never a value");
    put(&env, "app/db", "after-bob");
    let refused = get_as(&env, &bob, "app/db");
    assert!(
        refused
            .fails(253)
            .contains("not encrypted to this identity")
    );
    assert_ne!(
        age_decrypts(&env, &bob),
        Some(true),
        "age -d -i the removed key"
    );
    assert_eq!(get_as(&env, &env.identity(), "app/db").ok(), "after-bob\n");
    // What bob copied before still opens for him: why rotation is suggested.
    std::fs::write(env.vault(), old_copy).unwrap();
    assert_eq!(get_as(&env, &bob, "app/db").ok(), "from-bob\n");
}

#[test]
fn a_passphrase_protected_ssh_key_is_an_identity() {
    if !have("ssh-keygen") {
        return;
    }
    let env = Env::new();
    env.create("s", "v");
    let carol = env.path("carol");
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "sesame", "-f"])
        .arg(&carol)
        .output()
        .unwrap();
    assert!(out.status.success());
    env.ok(&["recipients", "add", &format!("{}.pub", carol.display())]);
    let read = env.run_with(
        &[
            ("SMVAULT_AGE_KEY_FILE", carol.to_str().unwrap()),
            ("SMVAULT_PASSPHRASE", "sesame"),
        ],
        &[
            "get-secret-value",
            "--secret-id",
            "s",
            "--query",
            "SecretString",
            "--output",
            "text",
        ],
    );
    assert_eq!(read.ok(), "v\n");
    let wrong = env.run_with(
        &[
            ("SMVAULT_AGE_KEY_FILE", carol.to_str().unwrap()),
            ("SMVAULT_PASSPHRASE", "nope"),
        ],
        &["get-secret-value", "--secret-id", "s"],
    );
    assert!(wrong.fails(253).contains("passphrase is wrong"));
}

#[test]
fn the_lock_out_guard_refuses_and_force_overrides() {
    let env = Env::new();
    env.create("s", "v");
    let me = public_key(&env.identity());
    // The last recipient is never removed, not even with --force.
    let before = env.vault_bytes();
    let last = env.run(&["recipients", "remove", &me, "--force"]);
    assert!(
        last.fails(253).contains("last recipient"),
        "{}",
        last.stderr
    );
    assert_eq!(env.vault_bytes(), before);

    let other = other_identity(&env, "other.txt");
    env.ok(&["recipients", "add", &public_key(&other), "--label", "other"]);
    let before = env.vault_bytes();
    let out = env.run(&["recipients", "remove", &me]);
    let stderr = out.fails(253);
    assert!(
        stderr.contains("could not read it again") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(env.vault_bytes(), before, "the vault is unchanged");
    assert_eq!(get_as(&env, &env.identity(), "s").ok(), "v\n");

    let forced = env.run(&["recipients", "remove", &me, "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    get_as(&env, &env.identity(), "s").fails(253);
    assert_eq!(get_as(&env, &other, "s").ok(), "v\n");
}

#[test]
fn init_with_recipients_starts_a_shared_vault() {
    let env = Env::bare();
    let other = other_identity(&env, "other.txt");
    let third = other_identity(&env, "third.txt");
    let init = env.run(&[
        "init",
        "--recipient",
        &public_key(&other),
        "--recipient",
        &public_key(&third),
    ]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    env.create("s", "v");
    let listed = env.ok(&["recipients", "list"]);
    assert_eq!(listed.matches("age1").count(), 3, "{listed}");
    for id in [env.identity(), other, third] {
        assert_eq!(get_as(&env, &id, "s").ok(), "v\n");
    }
}

#[test]
fn hostile_recipients_are_refused_and_change_nothing() {
    let env = Env::new();
    env.create("s", "v");
    let before = env.vault_bytes();
    let refuse = |arg: &str, needle: &str| {
        let out = env.run(&["recipients", "add", arg]);
        let stderr = out.fails(252).to_string();
        assert!(stderr.contains(needle), "{arg}: {stderr}");
        assert_eq!(env.vault_bytes(), before, "{arg} changed the vault");
        stderr
    };
    let stderr = refuse("not-a-key-hunter2", "not a key");
    assert!(!stderr.contains("hunter2"), "the input is not echoed");
    refuse("age1qqqqqqqqqqqq", "not an age X25519 recipient");
    let secret = std::fs::read_to_string(env.identity()).unwrap();
    let line = secret
        .lines()
        .find(|l| l.starts_with("AGE-SECRET"))
        .unwrap();
    let stderr = refuse(line, "private key");
    assert!(!stderr.contains(&line[20..]), "a private key is not echoed");
    let dir = env.path("garbage.pub");
    std::fs::write(&dir, "this is not a key\n").unwrap();
    refuse(dir.to_str().unwrap(), "line 1");
    if have("ssh-keygen") {
        let a = ssh_key(&env, "a", "ed25519");
        let b = ssh_key(&env, "b", "ed25519");
        let both = env.path("both.pub");
        let text = std::fs::read_to_string(a.with_extension("pub")).unwrap()
            + &std::fs::read_to_string(b.with_extension("pub")).unwrap();
        std::fs::write(&both, text).unwrap();
        refuse(both.to_str().unwrap(), "holds 2 keys");
        let ecdsa = ssh_key(&env, "e", "ecdsa");
        refuse(
            ecdsa.with_extension("pub").to_str().unwrap(),
            "not ecdsa-sha2-nistp256",
        );
        refuse(a.to_str().unwrap(), "private key");
        // An ssh identity of a type age cannot use: a clear configuration error.
        let out = env.run_with(
            &[("SMVAULT_AGE_KEY_FILE", ecdsa.to_str().unwrap())],
            &["get-secret-value", "--secret-id", "s"],
        );
        let stderr = out.fails(253);
        assert!(stderr.contains("ecdsa-sha2-nistp256"), "{stderr}");
        assert_eq!(env.vault_bytes(), before);
    }
    assert_eq!(env.ok(&["recipients", "list"]).matches("age1").count(), 1);
}

#[test]
fn a_vault_made_before_recipient_lists_opens_and_records_its_recipient() {
    let env = Env::new();
    let id = smvault::vault::keys::read_identity(&env.identity()).unwrap();
    let v1 = br#"{"format":1,"data":{"secrets":[]}}"#;
    let ciphertext = age::encrypt(&id.x25519().unwrap().to_public(), v1).unwrap();
    env.write("vault.age", ciphertext);
    assert!(
        env.ok(&["recipients", "list"])
            .contains(&public_key(&env.identity()))
    );
    env.create("s", "v");
    let plain = age::decrypt(id.x25519().unwrap(), &env.vault_bytes()).unwrap();
    let text = String::from_utf8(plain).unwrap();
    assert!(text.starts_with(r#"{"format":2,"data":"#), "{text}");
    assert!(
        text.ends_with(&format!(
            r#","recipients":[{{"key":"{}"}}]}}"#,
            id.recipient()
        )),
        "{text}"
    );
}

/// A git repository in `env`'s folder whose vault.age uses the merge driver and textconv.
struct Repo<'e> {
    env: &'e Env,
    dir: PathBuf,
}

impl Repo<'_> {
    fn new(env: &Env) -> Option<Repo<'_>> {
        if !have("git") {
            return None;
        }
        let dir = env.path("repo");
        std::fs::create_dir(&dir).unwrap();
        let repo = Repo { env, dir };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.email", "t@example.com"]);
        repo.git(&["config", "user.name", "t"]);
        repo.git(&[
            "config",
            "merge.smvault.driver",
            &format!("{BIN} git-merge %O %A %B"),
        ]);
        repo.git(&[
            "config",
            "diff.smvault.textconv",
            &format!("{BIN} git-diff"),
        ]);
        std::fs::write(
            repo.dir.join(".gitattributes"),
            "*.age merge=smvault diff=smvault\n",
        )
        .unwrap();
        Some(repo)
    }

    fn vault(&self) -> PathBuf {
        self.dir.join("vault.age")
    }

    fn output(&self, args: &[&str]) -> std::process::Output {
        let mut cmd = self.env.command_for(Path::new("git"));
        cmd.current_dir(&self.dir)
            .env("SMVAULT_FILE", self.vault())
            .env_remove("GIT_DIR")
            .args(args);
        cmd.output().unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        let out = self.output(args);
        assert!(
            out.status.success(),
            "git {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs smvault on the repository's vault; the first write may say it made it.
    fn sm(&self, args: &[&str]) -> String {
        let out = self
            .env
            .run_with(&[("SMVAULT_FILE", self.vault().to_str().unwrap())], args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let said = out.stderr.replace(
            &format!(
                "smvault: created a new vault at {}\n",
                self.vault().display()
            ),
            "",
        );
        assert_eq!(said, "", "{args:?} wrote to stderr");
        out.stdout
    }

    /// Merges `branch`, which must conflict: leaves ours byte for byte, aborts the merge,
    /// and returns what git and the driver said.
    fn merge_conflicted(&self, branch: &str) -> String {
        let ours = std::fs::read(self.vault()).unwrap();
        let out = self.output(&["merge", "--no-edit", branch]);
        assert!(!out.status.success(), "the merge conflicts");
        assert_eq!(
            std::fs::read(self.vault()).unwrap(),
            ours,
            "ours is untouched"
        );
        self.git(&["merge", "--abort"]);
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn names(&self) -> Vec<String> {
        let out = self.sm(&[
            "list-secrets",
            "--query",
            "SecretList[].Name",
            "--output",
            "text",
        ]);
        let mut names: Vec<String> = out.split_whitespace().map(String::from).collect();
        names.sort();
        names
    }
}

#[test]
fn branches_adding_different_secrets_merge_cleanly_and_diff_as_text() {
    let env = Env::new();
    let Some(repo) = Repo::new(&env) else { return };
    repo.sm(&["create-secret", "--name", "s0", "--secret-string", "v0"]);
    repo.commit("s0");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.sm(&[
        "create-secret",
        "--name",
        "s1",
        "--secret-string",
        "value-one",
    ]);
    repo.sm(&[
        "tag-resource",
        "--secret-id",
        "s0",
        "--tags",
        "Key=team,Value=blue",
    ]);
    repo.commit("s1");
    repo.git(&["checkout", "-q", "main"]);
    repo.sm(&["create-secret", "--name", "s2", "--secret-string", "v2"]);
    repo.sm(&[
        "update-secret",
        "--secret-id",
        "s0",
        "--description",
        "the first",
    ]);
    repo.commit("s2");
    repo.git(&["merge", "-q", "--no-edit", "feature"]);
    assert_eq!(repo.names(), ["s0", "s1", "s2"]);
    let s0 = repo.sm(&["describe-secret", "--secret-id", "s0"]);
    assert!(s0.contains("the first") && s0.contains("blue"), "{s0}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    let diff = repo.git(&["show", "--format=", "HEAD^2", "--", "vault.age"]);
    assert!(diff.contains("+secret s1 (us-east-1)"), "{diff}");
    assert!(diff.contains("tag team = blue"), "{diff}");
    assert!(!diff.contains("value-one"), "a value in the diff: {diff}");
}

#[test]
fn new_versions_on_both_branches_conflict_on_awscurrent_and_leave_ours() {
    let env = Env::new();
    let Some(repo) = Repo::new(&env) else { return };
    repo.sm(&["create-secret", "--name", "db", "--secret-string", "base"]);
    repo.commit("db");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.sm(&[
        "put-secret-value",
        "--secret-id",
        "db",
        "--secret-string",
        "theirs-value",
    ]);
    repo.commit("theirs");
    repo.git(&["checkout", "-q", "main"]);
    repo.sm(&[
        "put-secret-value",
        "--secret-id",
        "db",
        "--secret-string",
        "ours-value",
    ]);
    repo.commit("ours");
    let said = repo.merge_conflicted("feature");
    assert!(said.contains("secret db (us-east-1)"), "{said}");
    assert!(said.contains("AWSCURRENT moved differently"), "{said}");
    assert!(
        !said.contains("ours-value") && !said.contains("theirs-value"),
        "{said}"
    );
}

#[test]
fn a_recipient_added_on_one_branch_survives_the_merge() {
    let env = Env::new();
    let Some(repo) = Repo::new(&env) else { return };
    let other = other_identity(&env, "other.txt");
    repo.sm(&["create-secret", "--name", "s0", "--secret-string", "v0"]);
    repo.commit("s0");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.sm(&["recipients", "add", &public_key(&other), "--label", "other"]);
    repo.commit("add other");
    repo.git(&["checkout", "-q", "main"]);
    repo.sm(&["create-secret", "--name", "s2", "--secret-string", "v2"]);
    repo.commit("s2");
    repo.git(&["merge", "-q", "--no-edit", "feature"]);
    assert!(repo.sm(&["recipients", "list"]).contains("# other\nage1"));
    let read = env.run_with(
        &[
            ("SMVAULT_FILE", repo.vault().to_str().unwrap()),
            ("SMVAULT_AGE_KEY_FILE", other.to_str().unwrap()),
        ],
        &[
            "get-secret-value",
            "--secret-id",
            "s2",
            "--query",
            "SecretString",
            "--output",
            "text",
        ],
    );
    assert_eq!(read.ok(), "v2\n");
}

#[test]
fn remove_with_rotate_rotates_the_secrets_that_have_a_function() {
    let env = Env::new();
    env.create("rotated", "old-1");
    env.create("manual", "old-2");
    env.ok(&[
        "rotate-secret",
        "--secret-id",
        "rotated",
        "--rotation-lambda-arn",
        "smvault-random-password",
    ]);
    let before = get_as(&env, &env.identity(), "rotated").ok().to_string();
    let other = other_identity(&env, "other.txt");
    env.ok(&[
        "recipients",
        "add",
        &public_key(&other),
        "--label",
        "leaver",
    ]);
    let out = env.run(&["recipients", "remove", "leaver", "--rotate"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("rotated\tarn:aws:secretsmanager:"),
        "{}",
        out.stdout
    );
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(
        out.stderr.contains("manual has no rotation function"),
        "{}",
        out.stderr
    );
    let after = get_as(&env, &env.identity(), "rotated").ok().to_string();
    assert_ne!(before, after, "a new value");
    assert_eq!(get_as(&env, &env.identity(), "manual").ok(), "old-2\n");
    get_as(&env, &other, "rotated").fails(253);
}

/// `(name, AccessKeyId, Policy summary)` of every principal, through `principals list`.
fn principal_rows(repo: &Repo) -> Vec<(String, String, String)> {
    let out = repo.sm(&[
        "principals",
        "list",
        "--query",
        "Principals[].[UserName,AccessKeyId,Policy]",
        "--output",
        "text",
    ]);
    out.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string(), f[2].to_string())
        })
        .collect()
}

#[test]
fn principals_added_and_changed_on_two_branches_are_united_by_the_merge() {
    let env = Env::new();
    let Some(repo) = Repo::new(&env) else { return };
    let key = |out: &str| -> (String, String) {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        (
            v["AccessKey"]["AccessKeyId"].as_str().unwrap().to_string(),
            v["AccessKey"]["SecretAccessKey"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        )
    };
    let (ci_id, ci_secret) = key(&repo.sm(&["principals", "add", "ci"]));
    repo.commit("ci");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    let policy = r#"{"Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#;
    repo.sm(&["principals", "set-policy", "ci", policy]);
    let (_, deploy_secret) = key(&repo.sm(&["principals", "add", "deploy"]));
    repo.commit("feature: ci's policy, deploy");
    repo.git(&["checkout", "-q", "main"]);
    repo.sm(&[
        "principals",
        "add",
        "dev",
        "--access-key-id",
        "test",
        "--secret-access-key",
        "test",
    ]);
    repo.commit("main: dev");
    repo.git(&["merge", "-q", "--no-edit", "feature"]);
    let rows = principal_rows(&repo);
    let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["ci", "dev", "deploy"]);
    assert_eq!(rows[0].1, ci_id, "ci's key is untouched");
    assert_eq!(rows[0].2, "1 statement: 1 Allow, 0 Deny");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    // Written in the format an smvault from before principals refuses.
    let id = smvault::vault::keys::read_identity(&env.identity()).unwrap();
    let merged = std::fs::read(repo.vault()).unwrap();
    let plain = age::decrypt(id.x25519().unwrap(), &merged).unwrap();
    assert!(plain.starts_with(br#"{"format":3,"#));
    // Each key still works as it was made: the merged vault holds the secret keys.
    let exports = repo.sm(&["serve", "--print-env", "--principal", "deploy"]);
    assert!(exports.contains(&deploy_secret), "{exports}");
    // The diff shows principals by key id, never a secret key.
    let diff = repo.git(&["log", "-p", "--format=", "--", "vault.age"]);
    assert!(
        diff.contains("+principal: deploy access key AKIA"),
        "{diff}"
    );
    assert!(
        diff.contains("+  identity policy: {\"Statement\""),
        "{diff}"
    );
    for secret in [&ci_secret, &deploy_secret] {
        assert!(!diff.contains(secret.as_str()), "a secret key in the diff");
    }
}

#[test]
fn a_principals_key_rotated_on_both_branches_conflicts_and_leaves_ours() {
    let env = Env::new();
    let Some(repo) = Repo::new(&env) else { return };
    repo.sm(&["principals", "add", "ci"]);
    repo.commit("ci");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    let theirs = repo.sm(&["principals", "rotate-key", "ci"]);
    repo.commit("theirs");
    repo.git(&["checkout", "-q", "main"]);
    let ours_key = repo.sm(&["principals", "rotate-key", "ci"]);
    repo.commit("ours");
    let said = repo.merge_conflicted("feature");
    assert!(
        said.contains("principal ci: access key changed on both sides"),
        "{said}"
    );
    for printed in [&theirs, &ours_key] {
        let v: serde_json::Value = serde_json::from_str(printed).unwrap();
        for member in ["AccessKeyId", "SecretAccessKey"] {
            let value = v["AccessKey"][member].as_str().unwrap();
            assert!(
                !said.contains(value),
                "{member} in the conflict report: {said}"
            );
        }
    }
}

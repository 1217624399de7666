//! `serve` configured by a container's environment (issue 19: SMVAULT_LISTEN,
//! SMVAULT_ALLOW_REMOTE, the owner's keys from SMVAULT_ACCESS_KEY_ID and
//! SMVAULT_SECRET_ACCESS_KEY, the new identity announced with its public key) and
//! `smvault health`, the image's health check.

use crate::support;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;

use support::serve::{Server, python};
use support::{Env, bin};

fn with_vars(mut cmd: Command, vars: &[(&str, &str)]) -> Command {
    cmd.envs(vars.iter().copied());
    cmd
}

/// `serve --print-env` with `vars`, as (name, value) pairs, or the failed output.
fn print_env(env: &Env, vars: &[(&str, &str)]) -> std::process::Output {
    with_vars(env.command(&bin(), ["serve", "--print-env"]), vars)
        .output()
        .unwrap()
}

fn export(out: &str, name: &str) -> String {
    out.lines()
        .find_map(|l| l.strip_prefix(&format!("export {name}=")))
        .unwrap_or_else(|| panic!("{name} in {out}"))
        .trim_matches('\'')
        .to_string()
}

#[test]
fn listen_and_allow_remote_come_from_the_environment_and_the_command_line_wins() {
    let env = Env::init();
    let out = print_env(&env, &[("SMVAULT_LISTEN", "127.0.0.1:4566")]);
    let stdout = support::stdout(&out);
    assert_eq!(
        export(&stdout, "AWS_ENDPOINT_URL_SECRETS_MANAGER"),
        "http://127.0.0.1:4566"
    );
    // All interfaces need the explicit allowance, from either place.
    let refused = print_env(&env, &[("SMVAULT_LISTEN", "0.0.0.0:2773")]);
    assert_eq!(refused.status.code(), Some(252));
    assert!(support::stderr(&refused).contains("--allow-remote"));
    let allowed = print_env(
        &env,
        &[
            ("SMVAULT_LISTEN", "0.0.0.0:2773"),
            ("SMVAULT_ALLOW_REMOTE", "1"),
        ],
    );
    assert!(allowed.status.success(), "{}", support::stderr(&allowed));
    assert_eq!(
        export(
            &support::stdout(&allowed),
            "AWS_ENDPOINT_URL_SECRETS_MANAGER"
        ),
        "http://127.0.0.1:2773"
    );
    let bad = print_env(&env, &[("SMVAULT_ALLOW_REMOTE", "maybe")]);
    assert_eq!(bad.status.code(), Some(252));
    assert!(support::stderr(&bad).contains("SMVAULT_ALLOW_REMOTE"));
    // --listen on the command line beats the variable.
    let out = with_vars(
        env.command(&bin(), ["serve", "--print-env", "--listen", "127.0.0.1:9"]),
        &[("SMVAULT_LISTEN", "0.0.0.0:2773")],
    )
    .output()
    .unwrap();
    assert_eq!(
        export(&support::stdout(&out), "AWS_ENDPOINT_URL_SECRETS_MANAGER"),
        "http://127.0.0.1:9"
    );
    // And a real server listens where the variable says.
    let mut cmd = env.command(&bin(), ["serve"]);
    cmd.env("SMVAULT_LISTEN", "127.0.0.1:0");
    let server = Server::from_command(cmd);
    assert!(
        support::serve::raw(
            &server,
            "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .ends_with("healthy")
    );
    assert_eq!(server.stop().code(), Some(0));
}

#[test]
fn the_owners_keys_from_the_environment_sign_requests_and_are_never_saved() {
    let env = Env::init();
    let own = support::stdout(&print_env(&env, &[]));
    let vault_before = std::fs::read(&env.vault).unwrap();
    let keys = [
        ("SMVAULT_ACCESS_KEY_ID", "test"),
        ("SMVAULT_SECRET_ACCESS_KEY", "test"),
    ];
    let given = support::stdout(&print_env(&env, &keys));
    assert_eq!(export(&given, "AWS_ACCESS_KEY_ID"), "test");
    assert_eq!(export(&given, "AWS_SECRET_ACCESS_KEY"), "test");
    // The Agent token is still the vault's.
    assert_eq!(export(&given, "AWS_TOKEN"), export(&own, "AWS_TOKEN"));
    assert_eq!(
        std::fs::read(&env.vault).unwrap(),
        vault_before,
        "the given keys are used, not saved"
    );
    // One without the other is refused, naming the missing one; the secret never shows.
    let half = print_env(&env, &[("SMVAULT_SECRET_ACCESS_KEY", "hunter2-secret")]);
    assert_eq!(half.status.code(), Some(252));
    assert!(support::stderr(&half).contains("without SMVAULT_ACCESS_KEY_ID"));
    assert!(!support::stderr(&half).contains("hunter2"));
    // A server started with them accepts them and refuses the vault's own pair.
    let Some(py) = python() else { return };
    let mut cmd = env.command(&bin(), ["serve", "--listen", "127.0.0.1:0"]);
    cmd.envs(keys);
    let server = Server::from_command(cmd);
    let script = r#"
import sys, boto3, botocore.exceptions
url, key_id, secret = sys.argv[1:4]
def client(k, s):
    return boto3.client("secretsmanager", endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id=k, aws_secret_access_key=s)
client(key_id, secret).create_secret(Name="app/db", SecretString="from-test-keys")
print(client(key_id, secret).get_secret_value(SecretId="app/db")["SecretString"])
try:
    client(sys.argv[4], sys.argv[5]).list_secrets()
    print("vault keys accepted")
except botocore.exceptions.ClientError as e:
    print(e.response["Error"]["Code"])
"#;
    let out = Command::new(&py)
        .args([
            "-c",
            script,
            &server.url,
            "test",
            "test",
            &export(&own, "AWS_ACCESS_KEY_ID"),
            &export(&own, "AWS_SECRET_ACCESS_KEY"),
        ])
        .env_clear()
        .env("HOME", &env.home)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", support::stderr(&out));
    assert_eq!(
        support::stdout(&out),
        "from-test-keys\nUnrecognizedClientException\n"
    );
    assert_eq!(server.stop().code(), Some(0));
}

#[test]
fn an_owner_key_id_a_principal_holds_is_refused() {
    let env = Env::init();
    let added = env.ok(&bin(), ["principals", "add", "ci"]);
    let id = added
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| w.starts_with("AKIA"))
        .unwrap_or_else(|| panic!("a key id in {added}"))
        .to_string();
    let out = print_env(
        &env,
        &[
            ("SMVAULT_ACCESS_KEY_ID", &id),
            ("SMVAULT_SECRET_ACCESS_KEY", "test"),
        ],
    );
    assert_eq!(out.status.code(), Some(252));
    assert!(support::stderr(&out).contains("principal ci's key id"));
}

#[test]
fn a_first_start_announces_the_new_identity_with_its_public_key() {
    let env = Env::new();
    let out = print_env(&env, &[]);
    assert!(out.status.success(), "{}", support::stderr(&out));
    let identity = std::fs::read_to_string(&env.identity).unwrap();
    let public = identity
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap();
    assert!(
        support::stderr(&out).contains(&format!(
            "created a new age identity at {} (public key {public})",
            env.identity.display()
        )),
        "{}",
        support::stderr(&out)
    );
}

#[test]
fn health_exits_0_on_a_serving_server_and_1_otherwise() {
    let env = Env::init();
    let server = Server::start(&env);
    let port = server.port().to_string();
    let out = env.run(&bin(), ["health", &server.url]);
    assert_eq!(out.status.code(), Some(0), "{}", support::stderr(&out));
    assert_eq!(support::stdout(&out), "healthy\n");
    // Without a URL: the address SMVAULT_LISTEN names, all interfaces asked on loopback.
    let out = with_vars(
        env.command(&bin(), ["health"]),
        &[("SMVAULT_LISTEN", &format!("0.0.0.0:{port}"))],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", support::stderr(&out));
    assert_eq!(server.stop().code(), Some(0));
    // Nobody listening: unhealthy.
    let out = env.run(&bin(), ["health", &format!("http://127.0.0.1:{port}")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(support::stderr(&out).contains("cannot connect"));
    // Something else listening, answering 503 or not at all: unhealthy, within the timeout.
    let other = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/ping",
        other.local_addr().unwrap().port()
    );
    let answering = std::thread::spawn(move || {
        let (mut s, _) = other.accept().unwrap();
        let mut buf = [0u8; 1024];
        let _ = s.read(&mut buf);
        let _ = s.write_all(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
        // The second never answers: the health check's deadline ends it.
        let (silent, _) = other.accept().unwrap();
        let mut buf = [0u8; 1024];
        let mut silent = silent;
        let _ = silent.read(&mut buf);
        let _ = silent.read(&mut buf);
    });
    let out = env.run(&bin(), ["health", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        support::stderr(&out).contains("answered HTTP/1.1 503"),
        "{}",
        support::stderr(&out)
    );
    let out = env.run(&bin(), ["health", "--timeout", "1", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        support::stderr(&out).contains("no answer within 1 s"),
        "{}",
        support::stderr(&out)
    );
    answering.join().unwrap();
    let out = env.run(&bin(), ["health", "https://127.0.0.1:1"]);
    assert_eq!(out.status.code(), Some(1));
}

/// Starts `serve` with `vars`, returns its stderr up to the line saying where it serves
/// (or all of it, when it exits first) and stops it.
fn start_and_stop(env: &Env, vars: &[(&str, &str)]) -> (Option<i32>, String) {
    use std::io::BufRead;
    let mut cmd = with_vars(
        env.command(&bin(), ["serve", "--listen", "127.0.0.1:0"]),
        vars,
    );
    let mut child = cmd.stderr(std::process::Stdio::piped()).spawn().unwrap();
    let mut said = String::new();
    for line in std::io::BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        said.push_str(&line);
        said.push('\n');
        if line.contains(" at http://") {
            support::serve::signal(&child, "TERM");
        }
    }
    (child.wait().unwrap().code(), said)
}

#[test]
fn a_seed_folder_creates_the_secrets_the_vault_lacks_and_never_overwrites() {
    let env = Env::init();
    env.ok(
        &bin(),
        [
            "create-secret",
            "--name",
            "kept",
            "--secret-string",
            "changed-by-a-client",
        ],
    );
    let seed = env.path().join("seed");
    std::fs::create_dir_all(seed.join("app")).unwrap();
    std::fs::write(seed.join("app/db"), "p1\n").unwrap();
    std::fs::write(seed.join("kept"), "from-the-seed").unwrap();
    std::fs::write(seed.join(".hidden"), "no").unwrap();
    let dir = seed.to_str().unwrap();
    let (code, said) = start_and_stop(&env, &[("SMVAULT_SEED_DIR", dir)]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains(&format!(
            "seeded 1 secrets from {dir} (1 already in the vault"
        )),
        "{said}"
    );
    let value = |id: &str| {
        env.ok(
            &bin(),
            [
                "get-secret-value",
                "--secret-id",
                id,
                "--query",
                "SecretString",
                "--output",
                "text",
            ],
        )
    };
    assert_eq!(value("app/db"), "p1\n");
    assert_eq!(value("kept"), "changed-by-a-client\n");
    assert_eq!(
        env.run(&bin(), ["describe-secret", "--secret-id", ".hidden"])
            .status
            .code(),
        Some(254)
    );
    // A second start seeds nothing new.
    let (_, said) = start_and_stop(&env, &[("SMVAULT_SEED_DIR", dir)]);
    assert!(said.contains("seeded 0 secrets"), "{said}");
    // A file CreateSecret refuses stops the start, naming it; nothing is served.
    std::fs::write(seed.join("bad name!"), "x").unwrap();
    let (code, said) = start_and_stop(&env, &[("SMVAULT_SEED_DIR", dir)]);
    assert_eq!(code, Some(252), "{said}");
    assert!(
        said.contains("bad name!") && !said.contains(" at http://"),
        "{said}"
    );
}

#[test]
fn write_profile_reaches_serve_by_name_and_leaves_other_profiles_alone() {
    let env = Env::init();
    let server = Server::start(&env);
    let config = env.path().join("aws/config");
    let credentials = env.path().join("aws/credentials");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    let other_config = "[default]\nregion = us-west-2\n\n[profile work]\nsso_session = corp\n";
    let other_credentials =
        "[default]\naws_access_key_id = AKIAREALREALREALREAL\naws_secret_access_key = real\n";
    std::fs::write(&config, other_config).unwrap();
    std::fs::write(&credentials, other_credentials).unwrap();
    let files = [
        ("AWS_CONFIG_FILE", config.to_str().unwrap()),
        ("AWS_SHARED_CREDENTIALS_FILE", credentials.to_str().unwrap()),
    ];
    let listen = format!("127.0.0.1:{}", server.port());
    let write = || {
        with_vars(
            env.command(
                &bin(),
                ["serve", "--write-profile", "smv", "--listen", &listen],
            ),
            &files,
        )
        .output()
        .unwrap()
    };
    let out = write();
    assert!(out.status.success(), "{}", support::stderr(&out));
    let written = (
        std::fs::read_to_string(&config).unwrap(),
        std::fs::read_to_string(&credentials).unwrap(),
    );
    // Other profiles byte for byte; the secret key never printed; mode 0600.
    assert!(written.0.starts_with(other_config), "{}", written.0);
    assert!(written.1.starts_with(other_credentials), "{}", written.1);
    assert!(
        written
            .0
            .contains("secrets_manager =\n  endpoint_url = http://127.0.0.1:")
    );
    let keys = support::stdout(&print_env(&env, &[]));
    assert!(!support::stdout(&out).contains(&export(&keys, "AWS_SECRET_ACCESS_KEY")));
    for f in [&config, &credentials] {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(f).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    // Written again: the same files, not a second copy.
    assert!(write().status.success());
    assert_eq!(
        written,
        (
            std::fs::read_to_string(&config).unwrap(),
            std::fs::read_to_string(&credentials).unwrap()
        )
    );
    let Some(py) = python() else { return };
    // The shell's own (real) credentials stay in the environment: the profile still wins
    // when named, and a client without it still points at AWS.
    let run = |program: &std::path::Path, args: &[&str]| {
        let out = Command::new(program)
            .args(args)
            .env_clear()
            .env("HOME", &env.home)
            .envs(files)
            .env("AWS_ACCESS_KEY_ID", "AKIAREALREALREALREAL")
            .env("AWS_SECRET_ACCESS_KEY", "real")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", support::stderr(&out));
        support::stdout(&out)
    };
    let script = r#"
import boto3
sm = boto3.Session(profile_name="smv").client("secretsmanager")
sm.create_secret(Name="via/profile", SecretString="from-boto3")
print(sm.meta.endpoint_url, sm.get_secret_value(SecretId="via/profile")["SecretString"])
print(boto3.client("secretsmanager", region_name="us-east-1").meta.endpoint_url)
"#;
    assert_eq!(
        run(&py, &["-c", script]),
        format!(
            "{} from-boto3\nhttps://secretsmanager.us-east-1.amazonaws.com\n",
            server.url
        )
    );
    // The AWS CLI v1 (botocore's services sections) reaches it the same way.
    let aws = py.with_file_name("aws");
    let got = run(
        &aws,
        &[
            "--profile",
            "smv",
            "secretsmanager",
            "get-secret-value",
            "--secret-id",
            "via/profile",
            "--query",
            "SecretString",
            "--output",
            "text",
        ],
    );
    assert_eq!(got, "from-boto3\n");
    // A name a section header cannot hold is refused before anything is written.
    let out = with_vars(
        env.command(&bin(), ["serve", "--write-profile", "a]b"]),
        &files,
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(252));
    assert_eq!(std::fs::read_to_string(&config).unwrap(), written.0);
    assert_eq!(server.stop().code(), Some(0));
}

#[test]
fn a_principals_file_makes_the_vault_hold_its_keys_and_policies() {
    let env = Env::init();
    let file = env.path().join("principals.json");
    let list = |secret: &str| {
        format!(
            r#"[{{"name": "ci", "access_key_id": "AKIACIFROMAFILE00001", "secret_access_key": "{secret}",
                 "policy": {{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}}]}}}}]"#
        )
    };
    std::fs::write(&file, list("first-secret-key-0000000000000000000000")).unwrap();
    let vars = [("SMVAULT_PRINCIPALS_FILE", file.to_str().unwrap())];
    let (code, said) = start_and_stop(&env, &vars);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("1 added, 0 changed, 0 as they were"),
        "{said}"
    );
    let keys = with_vars(
        env.command(&bin(), ["serve", "--print-env", "--principal", "ci"]),
        &[],
    )
    .output()
    .unwrap();
    let keys = support::stdout(&keys);
    assert_eq!(export(&keys, "AWS_ACCESS_KEY_ID"), "AKIACIFROMAFILE00001");
    assert_eq!(
        export(&keys, "AWS_SECRET_ACCESS_KEY"),
        "first-secret-key-0000000000000000000000"
    );
    let (_, said) = start_and_stop(&env, &vars);
    assert!(
        said.contains("0 added, 0 changed, 1 as they were"),
        "{said}"
    );
    // A new secret key in the file replaces the stored one at the next start.
    std::fs::write(&file, list("second-secret-key-000000000000000000000")).unwrap();
    let (_, said) = start_and_stop(&env, &vars);
    assert!(said.contains("0 added, 1 changed"), "{said}");
    // A bad file stops the start, names the file, quotes no secret, changes nothing.
    let before = std::fs::read(&env.vault).unwrap();
    std::fs::write(
        &file,
        r#"[{"name": "bad name", "access_key_id": "AKIAX", "secret_access_key": "hunter2-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]"#,
    )
    .unwrap();
    let (code, said) = start_and_stop(&env, &vars);
    assert_eq!(code, Some(252), "{said}");
    assert!(
        said.contains("principals.json") && !said.contains("hunter2"),
        "{said}"
    );
    assert!(!said.contains(" at http://"), "{said}");
    assert_eq!(std::fs::read(&env.vault).unwrap(), before);
}

#[test]
fn a_stop_signal_as_soon_as_it_is_ready_exits_0() {
    // `docker stop` right after the container came up: the signal may arrive the moment
    // the server has said where it serves.
    let env = Env::init();
    for round in 0..10 {
        use std::io::BufRead;
        let signal = if round % 2 == 0 { "TERM" } else { "INT" };
        let mut child = env
            .command(&bin(), ["serve", "--listen", "127.0.0.1:0"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        for line in std::io::BufReader::new(stderr).lines() {
            if line.unwrap().contains(" at http://") {
                support::serve::signal(&child, signal);
            }
        }
        assert_eq!(
            child.wait().unwrap().code(),
            Some(0),
            "SIG{signal}, round {round}"
        );
    }
}

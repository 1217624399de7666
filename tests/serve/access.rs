//! Who may do what through `smvault serve`: principals' requests decided by their identity
//! policies and the secrets' resource policies (boto3 clients of three principals against
//! one server, tests/py/test_serve.py's `Access` group), the Agent route acting as
//! `--agent-principal`, and a principal's key following the vault while serving.

use crate::support;

use support::serve::{Server, python_group, raw};
use support::{Env, bin};

#[test]
fn principals_are_allowed_and_denied_as_aws_decides() {
    python_group("Access");
}

const READ_APP: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:*:*:secret:app/*"}]}"#;

/// An Agent-route GET with the owner's token; the status line and the body.
fn agent_get(server: &Server, token: &str, id: &str) -> (String, String) {
    let answer = raw(
        server,
        &format!(
            "GET /secretsmanager/get?secretId={id} HTTP/1.1\r\nHost: localhost\r\nX-Aws-Parameters-Secrets-Token: {token}\r\nConnection: close\r\n\r\n"
        ),
    );
    let status = answer.lines().next().unwrap_or_default().to_string();
    let body = answer
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    (status, body)
}

#[test]
fn the_agent_route_acts_as_agent_principal_and_a_denial_changes_nothing() {
    let env = Env::init();
    for (name, value) in [("app/db", "app-value"), ("prod/db", "prod-value")] {
        env.ok(
            &bin(),
            ["create-secret", "--name", name, "--secret-string", value],
        );
    }
    env.ok(&bin(), ["principals", "add", "app", "--policy", READ_APP]);
    // A principal the vault does not hold is refused before serving.
    let out = env.run(
        &bin(),
        [
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--agent-principal",
            "nobody",
        ],
    );
    assert_eq!(out.status.code(), Some(252), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains(r#"no principal named "nobody""#));

    let server = Server::start_with(&env, &["--agent-principal", "app"]);
    let token = server
        .sdk_env(&env)
        .into_iter()
        .find(|(k, _)| k == "AWS_TOKEN")
        .map(|(_, v)| v)
        .unwrap();
    let (status, body) = agent_get(&server, &token, "app/db");
    assert!(status.contains(" 200 "), "{status} {body}");
    assert!(body.contains(r#""SecretString":"app-value""#), "{body}");
    let before = std::fs::read(&env.vault).unwrap();
    let (status, body) = agent_get(&server, &token, "prod/db");
    assert!(status.contains(" 400 "), "{status} {body}");
    assert_eq!(
        body,
        r#"{"__type":"AccessDeniedException", "message":"User: arn:aws:iam::123456789012:user/app is not authorized to perform: secretsmanager:GetSecretValue on resource: prod/db because no identity-based policy allows the secretsmanager:GetSecretValue action"}"#
    );
    assert!(!body.contains("prod-value"));
    assert_eq!(
        std::fs::read(&env.vault).unwrap(),
        before,
        "a denied read records no access"
    );
    // Without --agent-principal the token is the owner's: everything.
    drop(server);
    let server = Server::start(&env);
    let (status, body) = agent_get(&server, &token, "prod/db");
    assert!(status.contains(" 200 "), "{status} {body}");
}

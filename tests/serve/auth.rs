//! `smvault serve`'s SigV4 as an attacker meets it: requests signed by smvault's own signer
//! and by aws-sigv4 (the Rust SDK's), captured, then changed and replayed over a raw socket.
//! A changed request is refused with AWS's code and message and leaves the vault
//! byte-identical. The harness is tests/support/serve.rs.

use crate::support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{
    PayloadChecksumKind, SignableBody, SignableRequest, SigningSettings,
};
use serde_json::Value;
use sha2::{Digest, Sha256};
use smvault::serve::sigv4;
use support::serve::Server;
use support::{Env, bin, debug_bin};

const MISMATCH: &str = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/// The server's key pair and region, from `serve --print-env`.
struct Keys {
    id: String,
    secret: String,
    region: String,
}

fn keys(server: &Server, env: &Env) -> Keys {
    let vars = server.sdk_env(env);
    let get = |name: &str| {
        vars.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{name} in serve --print-env"))
    };
    Keys {
        id: get("AWS_ACCESS_KEY_ID"),
        secret: get("AWS_SECRET_ACCESS_KEY"),
        region: get("AWS_REGION"),
    }
}

/// A request as it goes on the wire; header names in lower case.
#[derive(Clone)]
struct Wire {
    path: String,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

impl Wire {
    /// `POST /` for `operation` with `body`, as botocore sends it before signing.
    fn new(server: &Server, operation: &str, body: &str) -> Wire {
        Wire {
            path: "/".into(),
            headers: vec![
                (
                    "content-type".into(),
                    b"application/x-amz-json-1.1".to_vec(),
                ),
                (
                    "host".into(),
                    format!("127.0.0.1:{}", server.port()).into_bytes(),
                ),
                (
                    "x-amz-target".into(),
                    format!("secretsmanager.{operation}").into_bytes(),
                ),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

    fn with(mut self, name: &str, value: &[u8]) -> Wire {
        self.headers.push((name.into(), value.to_vec()));
        self
    }

    /// With `x-amz-content-sha256` naming its body, as S3-style clients sign.
    fn with_body_hash(self) -> Wire {
        let hash = sha256_hex(&self.body);
        self.with("x-amz-content-sha256", hash.as_bytes())
    }

    fn set(&mut self, name: &str, value: &[u8]) {
        for (n, v) in &mut self.headers {
            if n == name {
                *v = value.to_vec();
            }
        }
    }

    /// Signed by smvault's signer over every header it holds, now.
    fn signed(self, keys: &Keys) -> Wire {
        let date = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
        self.signed_at(keys, &date)
    }

    /// Signed as at `date` (ISO 8601 basic format).
    fn signed_at(self, keys: &Keys, date: &str) -> Wire {
        self.signed_for(keys, date, "secretsmanager")
    }

    /// An STS `GetCallerIdentity` in the Query protocol (a form POST), unsigned.
    fn sts(server: &Server) -> Wire {
        Wire {
            path: "/".into(),
            headers: vec![
                (
                    "content-type".into(),
                    b"application/x-www-form-urlencoded; charset=utf-8".to_vec(),
                ),
                (
                    "host".into(),
                    format!("127.0.0.1:{}", server.port()).into_bytes(),
                ),
            ],
            body: b"Action=GetCallerIdentity&Version=2011-06-15".to_vec(),
        }
    }

    /// Signed now for `service`'s credential scope.
    fn signed_for_now(self, keys: &Keys, service: &str) -> Wire {
        let date = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
        self.signed_for(keys, &date, service)
    }

    /// Signed as at `date` for `service`'s credential scope.
    fn signed_for(mut self, keys: &Keys, date: &str, service: &str) -> Wire {
        let date = date.to_string();
        self.headers
            .push(("x-amz-date".into(), date.clone().into_bytes()));
        let mut names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        let view: Vec<(&str, &[u8])> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_slice()))
            .collect();
        let req = sigv4::Request {
            method: "POST",
            path: &self.path,
            query: "",
            headers: &view,
            body: &self.body,
        };
        let key = sigv4::Key {
            access_key_id: &keys.id,
            secret_access_key: &keys.secret,
        };
        let auth = sigv4::sign(&key, &keys.region, service, &date, &req, &names);
        self.with("authorization", auth.as_bytes())
    }

    /// Signed by aws-sigv4, now, over `payload` with `settings`.
    fn signed_by_sdk(
        mut self,
        keys: &Keys,
        payload: SignableBody,
        settings: SigningSettings,
    ) -> Wire {
        let texts: Vec<(String, String)> = self
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.clone(),
                    String::from_utf8(v.clone()).expect("text header"),
                )
            })
            .collect();
        let host = texts.iter().find(|(n, _)| n == "host").unwrap().1.clone();
        let request = SignableRequest::new(
            "POST",
            format!("http://{host}{}", self.path),
            texts.iter().map(|(n, v)| (n.as_str(), v.as_str())),
            payload,
        )
        .expect("signable");
        let identity = Credentials::new(&keys.id, &keys.secret, None, None, "test").into();
        let params = aws_sigv4::sign::v4::SigningParams::builder()
            .identity(&identity)
            .region(&keys.region)
            .name("secretsmanager")
            .time(SystemTime::now())
            .settings(settings)
            .build()
            .expect("signing parameters")
            .into();
        let (instructions, _) = aws_sigv4::http_request::sign(request, &params)
            .expect("aws-sigv4 signs it")
            .into_parts();
        for (name, value) in instructions.headers() {
            self.headers
                .push((name.to_ascii_lowercase(), value.as_bytes().to_vec()));
        }
        self
    }

    fn bytes(&self) -> Vec<u8> {
        let mut out = format!("POST {} HTTP/1.1\r\n", self.path).into_bytes();
        for (n, v) in &self.headers {
            out.extend_from_slice(n.as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(v);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(
            format!(
                "content-length: {}\r\nconnection: close\r\n\r\n",
                self.body.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(&self.body);
        out
    }

    /// Sends it: the status and the JSON answer.
    fn send(&self, server: &Server) -> (u16, Value) {
        let (status, body) = self.send_text(server);
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// Sends it: the status and the answer's body as text.
    fn send_text(&self, server: &Server) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s.write_all(&self.bytes()).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw)
            .expect("the server answers and closes");
        let text = String::from_utf8_lossy(&raw);
        let status = text
            .get(9..12)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP answer: {text}"));
        let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        (status, body.to_string())
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Asserts `wire` is refused with `code` and `message`, and the vault is as it was.
fn refused(server: &Server, env: &Env, wire: &Wire, code: &str, message: &str) {
    let before = std::fs::read(&env.vault).unwrap();
    let (status, answer) = wire.send(server);
    assert_eq!(
        (
            status,
            answer["__type"].as_str(),
            answer["message"].as_str()
        ),
        (400, Some(code), Some(message)),
        "{answer}"
    );
    assert!(
        std::fs::read(&env.vault).unwrap() == before,
        "a refused request changed the vault"
    );
}

/// Asserts `wire` is refused as a signature that does not match, changing nothing.
fn mismatch(server: &Server, env: &Env, wire: &Wire) {
    refused(server, env, wire, "InvalidSignatureException", MISMATCH);
}

/// A server over a vault holding secrets `a` and `b`.
fn server_with_two_secrets() -> (Env, Server, Keys) {
    let env = Env::init();
    for (name, value) in [("a", "value-of-a"), ("b", "value-of-b")] {
        env.ok(
            &bin(),
            ["create-secret", "--name", name, "--secret-string", value],
        );
    }
    let server = Server::start(&env);
    let keys = keys(&server, &env);
    (env, server, keys)
}

#[test]
fn a_captured_request_replayed_with_another_body_is_refused() {
    let (env, server, keys) = server_with_two_secrets();
    let read_a = r#"{"SecretId":"a"}"#;
    let captured = Wire::new(&server, "GetSecretValue", read_a)
        .with_body_hash()
        .signed(&keys);
    let (status, answer) = captured.send(&server);
    assert_eq!(
        (status, answer["SecretString"].as_str()),
        (200, Some("value-of-a"))
    );
    // Another secret read with it.
    let mut replay = captured.clone();
    replay.body = br#"{"SecretId":"b"}"#.to_vec();
    mismatch(&server, &env, &replay);
    // Another name created with a captured CreateSecret.
    let create = r#"{"Name":"c","SecretString":"x","ClientRequestToken":"11111111-1111-4111-8111-111111111111"}"#;
    let captured = Wire::new(&server, "CreateSecret", create)
        .with_body_hash()
        .signed(&keys);
    let mut replay = captured.clone();
    replay.body = create.replace(r#""c""#, r#""evil""#).into_bytes();
    mismatch(&server, &env, &replay);
    assert!(support::secret(&env.load(), "evil").is_none());
    // The captured request itself is good.
    assert_eq!(captured.send(&server).0, 200);
}

#[test]
fn unsigned_and_streaming_payloads_and_a_false_body_hash_are_refused() {
    let (env, server, keys) = server_with_two_secrets();
    let body = r#"{"SecretId":"a","ForceDeleteWithoutRecovery":true}"#;
    let s3_style = || {
        let mut s = SigningSettings::default();
        s.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
        s
    };
    // aws-sigv4 signs `x-amz-content-sha256: <mode>` and the mode as the payload hash.
    for payload in [
        SignableBody::UnsignedPayload,
        SignableBody::StreamingUnsignedPayloadTrailer,
        SignableBody::Precomputed(sha256_hex(br#"{"SecretId":"b"}"#)),
    ] {
        let what = format!("{payload:?}");
        let wire =
            Wire::new(&server, "DeleteSecret", body).signed_by_sdk(&keys, payload, s3_style());
        mismatch(&server, &env, &wire);
        assert!(support::secret(&env.load(), "a").is_some(), "{what}");
    }
    // The same signer over the body itself is good (a read, so nothing is deleted).
    let read = Wire::new(&server, "GetSecretValue", r#"{"SecretId":"a"}"#);
    let good = read
        .clone()
        .signed_by_sdk(&keys, SignableBody::Bytes(&read.body), s3_style());
    assert_eq!(good.send(&server).0, 200);
}

#[test]
fn a_request_whose_target_or_any_amz_header_is_not_signed_is_refused() {
    let (env, server, keys) = server_with_two_secrets();
    let body = r#"{"SecretId":"a","ForceDeleteWithoutRecovery":true}"#;
    // Each signed without that header, then sent to DeleteSecret.
    for (left_out, added) in [
        ("x-amz-target", None),
        ("x-amz-date", None),
        ("x-amz-user-agent", Some(&b"aws-sdk-rust/1.3"[..])),
        ("host", None),
    ] {
        let mut wire = Wire::new(&server, "DeleteSecret", body);
        if let Some(value) = added {
            wire = wire.with(left_out, value);
        }
        let mut settings = SigningSettings::default();
        settings
            .excluded_headers
            .get_or_insert_with(Vec::new)
            .push(left_out.into());
        let payload = wire.body.clone();
        let wire = wire.signed_by_sdk(&keys, SignableBody::Bytes(&payload), settings);
        let message = if left_out == "host" {
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.".into()
        } else {
            format!("'{left_out}' must be a 'SignedHeader' in the AWS Authorization.")
        };
        refused(&server, &env, &wire, "InvalidSignatureException", &message);
    }
    assert!(support::secret(&env.load(), "a").is_some());
}

#[test]
fn a_signed_header_or_path_changed_after_signing_is_refused() {
    let (env, server, keys) = server_with_two_secrets();
    let read = r#"{"SecretId":"a"}"#;
    let captured = Wire::new(&server, "GetSecretValue", read)
        .with("x-note", b"caf\xe9")
        .signed(&keys);
    assert_eq!(captured.send(&server).0, 200);
    let changes: [fn(&mut Wire); 3] = [
        // One byte of a signed value that is not UTF-8 (obs-text, which HTTP allows).
        |w| w.set("x-note", b"caf\xe8"),
        // The operation.
        |w| w.set("x-amz-target", b"secretsmanager.DeleteSecret"),
        |w| w.path = "/other".into(),
    ];
    for change in changes {
        let mut changed = captured.clone();
        change(&mut changed);
        mismatch(&server, &env, &changed);
    }
    assert!(support::secret(&env.load(), "a").is_some());
}

/// The server reads the time only from the clock the CLI gives it, so the CLI's test hook
/// governs the signature check too: a request signed at SMVAULT_TEST_NOW is on time, one
/// signed at the real time (years later) is refused, measured against the hook's time.
#[test]
fn the_test_clock_governs_the_signature_check() {
    let env = Env::init();
    env.ok(
        &bin(),
        [
            "create-secret",
            "--name",
            "a",
            "--secret-string",
            "value-of-a",
        ],
    );
    let mut serve = env.command(&debug_bin(), ["serve", "--listen", "127.0.0.1:0", "--log"]);
    serve.env("SMVAULT_TEST_NOW", "2020-01-02T03:04:05Z");
    let server = Server::from_command(serve);
    let keys = keys(&server, &env);
    let read = Wire::new(&server, "GetSecretValue", r#"{"SecretId":"a"}"#);
    let (status, answer) = read
        .clone()
        .signed_at(&keys, "20200102T030705Z")
        .send(&server);
    assert_eq!(
        (status, answer["SecretString"].as_str()),
        (200, Some("value-of-a")),
        "{answer}"
    );
    let date = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let message = format!(
        "Signature not yet current: {date} is still later than 20200102T030905Z (20200102T030405Z + 5 min.)"
    );
    let late = read.signed_at(&keys, &date);
    refused(&server, &env, &late, "InvalidSignatureException", &message);
}

/// The vault file replaced (a new file at its path) by bytes no vault has: whatever reads
/// the vault from now on fails, so an answer that is not a failure read nothing.
fn spoil_vault(env: &Env) {
    let spoiled = env.vault.with_extension("spoiled");
    std::fs::write(&spoiled, b"not a vault").unwrap();
    std::fs::rename(&spoiled, &env.vault).unwrap();
}

/// An Authorization naming `key_id` for `service` with no `SignedHeaders` or `Signature`.
fn incomplete(wire: Wire, key_id: &str, service: &str) -> Wire {
    let date = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential={key_id}/{}/us-east-1/{service}/aws4_request",
        &date[..8]
    );
    wire.with("x-amz-date", date.as_bytes())
        .with("authorization", auth.as_bytes())
}

#[test]
fn a_malformed_request_with_an_unknown_key_gets_its_format_error_having_read_nothing() {
    let (env, server, _) = server_with_two_secrets();
    spoil_vault(&env);
    let message = |auth: &str| {
        format!(
            "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization={auth}"
        )
    };
    // Secrets Manager's route: before, the unknown key was looked up first, and the
    // unreadable vault made it a 500.
    let wire = incomplete(
        Wire::new(&server, "GetSecretValue", r#"{"SecretId":"a"}"#),
        "AKIANOBODYNOBODY0000",
        "secretsmanager",
    );
    let auth = String::from_utf8(wire.headers.last().unwrap().1.clone()).unwrap();
    let (status, answer) = wire.send(&server);
    assert_eq!(
        (
            status,
            answer["__type"].as_str(),
            answer["message"].as_str()
        ),
        (
            400,
            Some("IncompleteSignatureException"),
            Some(message(&auth).as_str())
        ),
        "{answer}"
    );
    // A scope for the wrong service is a format error too, found before any key.
    let wrong = incomplete(
        Wire::new(&server, "GetSecretValue", r#"{"SecretId":"a"}"#),
        "AKIANOBODYNOBODY0000",
        "sts",
    );
    assert_eq!(wrong.send(&server).0, 400);
    // STS's route, in STS's XML.
    let wire = incomplete(Wire::sts(&server), "AKIANOBODYNOBODY0000", "sts");
    let (status, answer) = wire.send_text(&server);
    assert_eq!(status, 400, "{answer}");
    assert!(
        answer.contains("<Code>IncompleteSignature</Code>")
            && answer.contains("Authorization header requires &apos;Signature&apos; parameter."),
        "{answer}"
    );
    assert_eq!(std::fs::read(&env.vault).unwrap(), b"not a vault");
}

#[test]
fn the_owners_get_caller_identity_reads_no_vault_and_a_principals_does() {
    let (env, server, keys) = server_with_two_secrets();
    let added = env.ok(&bin(), ["principals", "add", "ci"]);
    let added: Value = serde_json::from_str(&added).unwrap();
    let principal = Keys {
        id: added["AccessKey"]["AccessKeyId"].as_str().unwrap().into(),
        secret: added["AccessKey"]["SecretAccessKey"]
            .as_str()
            .unwrap()
            .into(),
        region: keys.region.clone(),
    };
    let (status, answer) = Wire::sts(&server)
        .signed_for_now(&principal, "sts")
        .send_text(&server);
    assert_eq!(status, 200, "{answer}");
    let account = answer
        .split_once("<Account>")
        .and_then(|(_, rest)| rest.split_once("</Account>"))
        .map(|(a, _)| a.to_string())
        .expect("an account in the answer");
    spoil_vault(&env);
    // The owner is serve's own key pair, known since it started: GetCallerIdentity needs
    // no permission and reads no secret, so it answers whatever the file now holds.
    let (status, answer) = Wire::sts(&server)
        .signed_for_now(&keys, "sts")
        .send_text(&server);
    assert_eq!(status, 200, "{answer}");
    assert!(
        answer.contains(&format!("<Arn>arn:aws:iam::{account}:root</Arn>"))
            && answer.contains(&format!("<UserId>{account}</UserId>")),
        "{answer}"
    );
    // A principal is found in the vault as it is now: unreadable, the server's trouble.
    let (status, answer) = Wire::sts(&server)
        .signed_for_now(&principal, "sts")
        .send_text(&server);
    assert_eq!(status, 500, "{answer}");
    assert!(answer.contains("<Code>InternalFailure</Code>"), "{answer}");
}

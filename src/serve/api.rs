//! The AWS JSON 1.1 protocol: `POST /` with `X-Amz-Target: secretsmanager.<Operation>`,
//! answered as the service answers (epoch-second timestamps, `{"__type","Message"}` errors,
//! `message` for the front door's).

use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::Full;
use hyper::http::request::Parts;
use hyper::{Response, StatusCode};
use serde_json::Value;

use super::{Logged, State, env_for, respond, sigv4};
use crate::service::Access;
use crate::service::access::Acting;
use crate::service::looks::Arrival;
use crate::service::{self, Error};

const JSON_11: &str = "application/x-amz-json-1.1";

/// The key of an error's message, one per code, so every error with a code says it the
/// same way. AWS's front door (the SigV4 checks, the request's bounds) says `message`:
/// research §1.4 (Cognito's `UnrecognizedClientException`, aws/aws-sdk-php#2444), and
/// AWS's own fixtures in aws/aws-secretsmanager-agent (`InvalidSignatureException`,
/// aws_secretsmanager_agent/src/cache_manager.rs). Everything else says `Message`: every
/// error shape of Secrets Manager's model declares a `Message` member (research §1.4, a
/// captured `InvalidRequestException`), and `AccessDeniedException`, which the model
/// does not declare, is written `Message` in AWS's own Secrets Manager fixtures
/// (aws/aws-secretsmanager-agent@4b1852d, aws_secretsmanager_caching/src/lib.rs:
/// `KMS_ACCESS_DENIED_BODY`, and `SECRETSMANAGER_ACCESS_DENIED_BODY` for "is not
/// authorized to perform: secretsmanager:DescribeSecret") and in a recorded IAM denial of
/// another JSON 1.1 service (EMR's, cloudydeno/deno-aws_api lib/client/client_test.ts);
/// so are the request's own deserialisation errors (`SerializationException`), whether
/// a member's type or the body itself is wrong. botocore reads either key (research §1.5).
fn message_key(code: &str) -> &'static str {
    match code {
        sigv4::MISSING
        | sigv4::INCOMPLETE
        | sigv4::INVALID
        | sigv4::UNRECOGNIZED
        | "RequestEntityTooLargeException"
        | "RequestTimeoutException"
        | "ServiceUnavailable" => "message",
        _ => "Message",
    }
}

/// An error answer: `{"__type":code,KEY:message}`, KEY as [`message_key`] says.
pub fn error(status: StatusCode, code: &str, message: &str) -> Response<Full<Bytes>> {
    let mut body = serde_json::Map::new();
    body.insert("__type".into(), Value::from(code));
    body.insert(message_key(code).into(), Value::from(message));
    with_request_id(respond(
        status,
        Some(JSON_11),
        Value::Object(body).to_string(),
    ))
}

fn with_request_id(mut response: Response<Full<Bytes>>) -> Response<Full<Bytes>> {
    if let Ok(id) = uuid::Uuid::new_v4().to_string().parse() {
        response.headers_mut().insert("x-amzn-requestid", id);
    }
    response
}

/// A service error as AWS sends it (400); the server's own trouble is a 500.
fn service_error(err: &Error) -> Response<Full<Bytes>> {
    match err {
        Error::Service { err, .. } => {
            error(StatusCode::BAD_REQUEST, err.code.as_str(), &err.message)
        }
        Error::ParamValidation(m) => error(StatusCode::BAD_REQUEST, "ValidationException", m),
        // The vault or its identity failed: the server's fault, not the request's.
        Error::Vault(e) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServiceError",
            &e.to_string(),
        ),
        Error::IdentityLost { .. } => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServiceError",
            &err.to_string(),
        ),
        Error::General(m) => error(StatusCode::INTERNAL_SERVER_ERROR, "InternalServiceError", m),
    }
}

/// The core gives timestamps as epoch milliseconds under members named `...Date`;
/// the wire wants epoch seconds, a number with millisecond precision.
pub fn epoch_seconds(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                if k.ends_with("Date")
                    && let Some(ms) = x.as_i64()
                {
                    if let Some(n) = serde_json::Number::from_f64(ms as f64 / 1000.0) {
                        *x = Value::Number(n);
                    }
                    continue;
                }
                epoch_seconds(x);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(epoch_seconds),
        _ => {}
    }
}

pub async fn handle(
    state: &Arc<State>,
    arrival: Option<Arrival>,
    peer: SocketAddr,
    parts: Parts,
    body: Bytes,
    logged: &mut Logged,
) -> Response<Full<Bytes>> {
    let headers = super::header_pairs(&parts);
    let req = super::sigv4_request(&parts, &headers, &body);
    // The request's one reading of the server's clock (SMVAULT_TEST_NOW governs it in
    // debug builds): its signature is checked and its operation run at that time.
    let now = super::now(state);
    let target = parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    logged.operation = target
        .strip_prefix("secretsmanager.")
        .unwrap_or(target)
        .to_string();
    let mut env = env_for(state, now, arrival);
    // Nothing is read or changed before the signature holds.
    let (who, region) =
        match super::caller::authenticate(state, &env, &req, super::sigv4::SERVICE).await {
            Ok(Ok(signed)) => signed,
            Ok(Err(e)) => return error(StatusCode::BAD_REQUEST, e.code, &e.message),
            Err(e) => return service_error(&e),
        };
    logged.principal = crate::service::audit::Principal::of(&who.caller);
    let Some(op) = target
        .strip_prefix("secretsmanager.")
        .and_then(service::operation)
    else {
        let body = serde_json::json!({"__type": "UnknownOperationException"}).to_string();
        return with_request_id(respond(StatusCode::BAD_REQUEST, Some(JSON_11), body));
    };
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v @ Value::Object(_)) => v,
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "SerializationException",
                "The request body is not a JSON object",
            );
        }
    };
    logged.secret = ["SecretId", "Name"]
        .iter()
        .find_map(|k| request.get(*k).and_then(Value::as_str))
        .map(str::to_string);
    env.region = Some(region);
    // The operation is authorized for the caller inside its transaction; once answered,
    // `acting.caller` and `acting.verdict()` say who asked and what decided.
    let acting = Acting::new(who.caller, Some(peer.ip()), who.version);
    env.acting = Some(acting.clone());
    let render = |mut response: Value| {
        epoch_seconds(&mut response);
        response.to_string().into_bytes()
    };
    let result = if op.access == Access::Write {
        // Writes are committed together (group commit).
        state
            .writes
            .write(service::txn::Job { op, request, env })
            .await
            .map(|r| r.map(|v| Bytes::from(render(v))))
    } else {
        super::read(op, request, env, "api", render).await
    };
    logged.decided(&acting);
    match result {
        Some(Ok(body)) => with_request_id(respond(StatusCode::OK, Some(JSON_11), body)),
        Some(Err(e)) => service_error(&e),
        None => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServiceError",
            "The operation stopped unexpectedly",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_has_one_message_key_message_for_the_front_doors_refusals() {
        for code in [
            "AccessDeniedException",
            "ResourceNotFoundException",
            "ValidationException",
            "SerializationException",
            "InternalServiceError",
        ] {
            assert_eq!(message_key(code), "Message", "{code}");
        }
        for code in [
            sigv4::MISSING,
            sigv4::INCOMPLETE,
            sigv4::INVALID,
            sigv4::UNRECOGNIZED,
            "RequestEntityTooLargeException",
            "RequestTimeoutException",
            "ServiceUnavailable",
        ] {
            assert_eq!(message_key(code), "message", "{code}");
        }
    }

    #[test]
    fn timestamps_become_epoch_seconds_with_milliseconds() {
        let mut v = serde_json::json!({"CreatedDate": 1767225600123_i64, "SecretValues": [{"CreatedDate": 1000}], "Name": "x"});
        epoch_seconds(&mut v);
        assert_eq!(
            v.to_string(),
            r#"{"CreatedDate":1767225600.123,"SecretValues":[{"CreatedDate":1.0}],"Name":"x"}"#
        );
    }
}

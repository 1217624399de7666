//! The Secrets Manager Agent's local API (`GET /secretsmanager/get?secretId=…` and
//! `/v1/<id>`), answered as AWS's Agent 2.0 answers: its token check, its status codes,
//! its body (research §3). Never stale: every answer is read from the vault.

use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use serde::Serialize;
use serde_json::{Map, Value};
use subtle::ConstantTimeEq;

use super::{Logged, State, env_for, now, respond};
use crate::service::access::Acting;
use crate::service::looks::Arrival;
use crate::service::{self, Error};

/// The Agent's default path prefix for the path-style route.
pub const PATH_PREFIX: &str = "/v1/";
/// The headers the Agent takes its token from.
const TOKEN_HEADERS: [&str; 2] = ["x-aws-parameters-secrets-token", "x-vault-token"];

/// `{"__type":"<code>", "message":"<msg>"}`, the Agent's layout (with the space);
/// unlike the Agent's, the message is JSON-escaped.
fn agent_error(status: StatusCode, code: &str, message: &str) -> Response<Full<Bytes>> {
    let body = format!(
        "{{\"__type\":{}, \"message\":{}}}",
        Value::from(code),
        Value::from(message)
    );
    respond(status, None, body)
}

fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    respond(status, None, text)
}

/// Query parameters, URL-decoded (`+` is a space).
pub(super) fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        if !s.contains(['+', '%']) {
            return s.to_string();
        }
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The Agent's body: `ARN`, `Name`, `VersionId` always (null when absent), then
/// `SecretString`/`SecretBinary`/`VersionStages` when present, `CreatedDate` as a string.
/// Written straight from the response (no copy of the value into a new map).
fn agent_body(response: &Value) -> String {
    static NULL: Value = Value::Null;
    #[derive(Serialize)]
    struct Body<'a> {
        #[serde(rename = "ARN")]
        arn: &'a Value,
        #[serde(rename = "Name")]
        name: &'a Value,
        #[serde(rename = "VersionId")]
        version_id: &'a Value,
        #[serde(rename = "SecretString", skip_serializing_if = "Option::is_none")]
        secret_string: Option<&'a Value>,
        #[serde(rename = "SecretBinary", skip_serializing_if = "Option::is_none")]
        secret_binary: Option<&'a Value>,
        #[serde(rename = "VersionStages", skip_serializing_if = "Option::is_none")]
        version_stages: Option<&'a Value>,
        #[serde(rename = "CreatedDate", skip_serializing_if = "Option::is_none")]
        created_date: Option<String>,
    }
    let body = Body {
        arn: response.get("ARN").unwrap_or(&NULL),
        name: response.get("Name").unwrap_or(&NULL),
        version_id: response.get("VersionId").unwrap_or(&NULL),
        secret_string: response.get("SecretString"),
        secret_binary: response.get("SecretBinary"),
        version_stages: response.get("VersionStages"),
        created_date: response
            .get("CreatedDate")
            .and_then(Value::as_i64)
            .map(|ms| format!("{}.{:03}", ms.div_euclid(1000), ms.rem_euclid(1000))),
    };
    serde_json::to_string(&body).unwrap_or_default()
}

pub async fn handle(
    state: &Arc<State>,
    arrival: Option<Arrival>,
    peer: SocketAddr,
    req: Request<Incoming>,
    logged: &mut Logged,
) -> Response<Full<Bytes>> {
    logged.operation = "agent:GetSecretValue".into();
    let headers = req.headers();
    // The Agent's order: forwarded, token, method, route.
    if headers.contains_key("x-forwarded-for") {
        return plain(StatusCode::BAD_REQUEST, "Forwarded");
    }
    let expected = state.serving.agent_token.as_bytes();
    let token_ok = TOKEN_HEADERS.iter().any(|name| {
        headers
            .get_all(*name)
            .iter()
            .any(|v| bool::from(v.as_bytes().ct_eq(expected)))
    });
    if !token_ok {
        return plain(StatusCode::FORBIDDEN, "Bad Token");
    }
    logged.principal = crate::service::audit::Principal::Agent;
    if req.method() != hyper::Method::GET {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "Not allowed");
    }
    let path = req.uri().path();
    let path_style = path.strip_prefix(PATH_PREFIX);
    let mut request = Map::new();
    if let Some(id) = path_style {
        // As the Agent does: the rest of the path, not percent-decoded.
        if id.is_empty() {
            return plain(StatusCode::BAD_REQUEST, "missing secret ID");
        }
        request.insert("SecretId".into(), Value::from(id));
    }
    for (name, value) in query_pairs(req.uri().query().unwrap_or("")) {
        match name.as_str() {
            "secretId" if path_style.is_none() => {
                request.insert("SecretId".into(), Value::from(value));
            }
            "versionId" => {
                request.insert("VersionId".into(), Value::from(value));
            }
            "versionStage" => {
                request.insert("VersionStage".into(), Value::from(value));
            }
            // Every answer is fresh already: refreshNow only has to be well formed.
            "refreshNow" => {
                if !matches!(
                    value.to_ascii_lowercase().as_str(),
                    "true" | "1" | "false" | "0"
                ) {
                    return plain(StatusCode::BAD_REQUEST, "invalid refreshNow value");
                }
            }
            _ => {
                return respond(
                    StatusCode::BAD_REQUEST,
                    None,
                    format!("unknown parameter: {name}"),
                );
            }
        }
    }
    match request.get("SecretId").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => logged.secret = Some(id.to_string()),
        _ => return plain(StatusCode::BAD_REQUEST, "missing parameter secretId"),
    }
    let mut env = env_for(state, now(state), arrival);
    // The token is the owner's; the route acts as --agent-principal when it names one.
    let who = match super::caller::agent(state, &env).await {
        Ok(who) => who,
        Err(_) => return internal_failure(),
    };
    logged.principal = crate::service::audit::Principal::of(&who.caller);
    let acting = Acting::new(who.caller, Some(peer.ip()), who.version);
    env.acting = Some(acting.clone());
    let op = service::operation("GetSecretValue").expect("invariant: a core operation");
    let request = Value::Object(request);
    let render = |response: Value| agent_body(&response).into_bytes();
    let result = super::read(op, request, env, "agent", render).await;
    logged.decided(&acting);
    match result {
        Some(Ok(body)) => respond(StatusCode::OK, None, body),
        Some(Err(Error::Service { err, .. })) => {
            agent_error(StatusCode::BAD_REQUEST, err.code.as_str(), &err.message)
        }
        _ => internal_failure(),
    }
}

/// The Agent's answer for anything that is not the service's: a bare 500.
fn internal_failure() -> Response<Full<Bytes>> {
    respond(
        StatusCode::INTERNAL_SERVER_ERROR,
        None,
        r#"{"__type":"InternalFailure"}"#,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_body_keeps_the_agents_keys_order_and_string_date() {
        let r = serde_json::json!({"ARN": "a", "Name": "n", "SecretString": "s", "VersionStages": ["AWSCURRENT"], "CreatedDate": 1569534789046_i64});
        assert_eq!(
            agent_body(&r),
            r#"{"ARN":"a","Name":"n","VersionId":null,"SecretString":"s","VersionStages":["AWSCURRENT"],"CreatedDate":"1569534789.046"}"#
        );
    }

    #[test]
    fn query_is_url_decoded() {
        assert_eq!(
            query_pairs("secretId=a%2Fb+c&versionStage=AWSPREVIOUS"),
            vec![
                ("secretId".into(), "a/b c".into()),
                ("versionStage".into(), "AWSPREVIOUS".into())
            ]
        );
    }
}

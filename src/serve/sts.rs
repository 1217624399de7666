//! STS on serve's endpoint: `GetCallerIdentity` in the AWS Query protocol (a form-encoded
//! POST, or a GET with a query string, signed for service `sts`), answered in STS's XML
//! with who signed: the owner's serving key is the account root, a principal's key that
//! principal. Every other action, and every SigV4 failure, is answered as STS answers it.
//!
//! The bytes follow AWS's: the API reference's sample response
//! (docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html) and a capture
//! from real STS (salrashid123/aws_hmac `example/rest/README.md`): `Arn`, `UserId`,
//! `Account` in that order, two-space indents, `Content-Type: text/xml`, the request id in
//! `x-amzn-RequestId` and in `ResponseMetadata`.

use std::sync::Arc;

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::HeaderMap;
use hyper::http::request::Parts;
use hyper::{Method, Response, StatusCode, Uri};

use super::agent::query_pairs;
use super::{Logged, State, caller, header_pairs, respond, sigv4, sigv4_request};
#[cfg(doc)]
use crate::service::access::Caller;
use crate::service::looks::Arrival;

const NAMESPACE: &str = "https://sts.amazonaws.com/doc/2011-06-15/";
/// The namespace of the errors the Query front end raises before STS itself (an action
/// or a version it does not know), as real STS answers them.
const FAULT_NAMESPACE: &str = "http://webservices.amazon.com/AWSFault/2005-15-09";
const VERSION: &str = "2011-06-15";
const FORM: &str = "application/x-www-form-urlencoded";

/// Whether a request to an API path is an STS request: a GET whose query names an
/// `Action` (the Query protocol's GET form, which the Go SDK v1, curl's `--aws-sigv4` and
/// hand-rolled signers use; botocore POSTs).
pub fn is_query_get(method: &Method, uri: &Uri) -> bool {
    *method == Method::GET && names_action(uri)
}

fn names_action(uri: &Uri) -> bool {
    uri.query()
        .is_some_and(|q| q.split('&').any(|p| p.starts_with("Action=")))
}

/// Whether a request is for STS, from its head alone (what routes it, and what chooses
/// the format of a refusal given before its body is read): never with an `X-Amz-Target`
/// (that is the JSON protocol, Secrets Manager's, whatever its scope says: a JSON request
/// signed for `sts` is refused there for its scope); else a credential scope for `sts`
/// (in the Authorization header, or a presigned query's `X-Amz-Credential`), an `Action`
/// in the query, or a POSTed form (the Query protocol's body).
pub fn recognised(method: &Method, uri: &Uri, headers: &HeaderMap) -> bool {
    if headers.contains_key("x-amz-target") {
        return false;
    }
    let header_scope = headers
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(sigv4::claimed_scope)
        .is_some_and(|(_, service)| service == sigv4::STS);
    let query_scope = uri.query().is_some_and(|q| {
        query_pairs(q)
            .iter()
            .any(|(k, v)| k == "X-Amz-Credential" && v.split('/').nth(3) == Some(sigv4::STS))
    });
    let form = *method == Method::POST
        && headers
            .get(hyper::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| {
                t.split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case(FORM))
            });
    header_scope || query_scope || names_action(uri) || form
}

/// A request refused before it was routed (its body too large, late, broken; the server
/// at a bound), in STS's error document. The Query protocol's names for the JSON
/// protocol's (`json_code`), where AWS's common errors for Query services have one
/// (docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html): `ServiceUnavailable`
/// (503) as is; a body that cannot be read is `InvalidQueryParameter` (400: "The AWS
/// query string is malformed", the form body being the Query protocol's query string).
/// The list has no entry for the other two, so they take the Query front door's way of
/// naming (`IncompleteSignature` for `IncompleteSignatureException`): a late request is
/// `RequestTimeout` (408), the code AWS's XML front door sends for it (S3's `<Code>
/// RequestTimeout</Code>`, which botocore's standard retry mode treats as transient), and
/// a body too large `RequestEntityTooLarge` (413).
pub fn refusal(status: StatusCode, json_code: &str, message: &str) -> Response<Full<Bytes>> {
    let code = match json_code {
        "SerializationException" => "InvalidQueryParameter",
        "RequestTimeoutException" => "RequestTimeout",
        "RequestEntityTooLargeException" => "RequestEntityTooLarge",
        "InternalServiceError" => "InternalFailure",
        other => other,
    };
    error(status, NAMESPACE, code, message)
}

/// `text` with XML's five special characters escaped.
fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out.into()
}

fn xml(status: StatusCode, body: String, request_id: &str) -> Response<Full<Bytes>> {
    let mut response = respond(status, Some("text/xml"), body);
    if let Ok(id) = request_id.parse() {
        response.headers_mut().insert("x-amzn-requestid", id);
    }
    response
}

fn new_request_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// STS's error document: `Sender` for the client's fault, `Receiver` for the server's.
fn error(status: StatusCode, namespace: &str, code: &str, message: &str) -> Response<Full<Bytes>> {
    let request_id = new_request_id();
    let fault = if status.is_server_error() {
        "Receiver"
    } else {
        "Sender"
    };
    let body = format!(
        "<ErrorResponse xmlns=\"{namespace}\">\n  <Error>\n    <Type>{fault}</Type>\n    <Code>{code}</Code>\n    <Message>{}</Message>\n  </Error>\n  <RequestId>{request_id}</RequestId>\n</ErrorResponse>\n",
        escape(message)
    );
    xml(status, body, &request_id)
}

/// The `<Code>` of an error document [`error`] wrote (for the audit line's result).
pub fn error_code(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    let (_, rest) = text.split_once("<Code>")?;
    rest.split_once("</Code>").map(|(code, _)| code.to_string())
}

/// A SigV4 failure as the Query protocol names it (AWS's common errors for Query services,
/// e.g. docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html): the JSON
/// protocol's `...Exception` codes become `MissingAuthenticationToken` (403),
/// `IncompleteSignature` (400), `SignatureDoesNotMatch` (403; `Signature expired` comes
/// with it, aws/aws-cli#6676) and `InvalidClientTokenId` (403). The messages are the same
/// checks' but for the missing token: STS says `Request is missing Authentication Token`.
fn refused(e: &sigv4::AuthError) -> Response<Full<Bytes>> {
    let (status, code) = match e.code {
        sigv4::MISSING => (StatusCode::FORBIDDEN, "MissingAuthenticationToken"),
        sigv4::INCOMPLETE => (StatusCode::BAD_REQUEST, "IncompleteSignature"),
        sigv4::UNRECOGNIZED => (StatusCode::FORBIDDEN, "InvalidClientTokenId"),
        _ => (StatusCode::FORBIDDEN, "SignatureDoesNotMatch"),
    };
    let message = if e.code == sigv4::MISSING {
        "Request is missing Authentication Token"
    } else {
        e.message.as_str()
    };
    error(status, NAMESPACE, code, message)
}

/// The Query protocol's parameters: the form body's, then the query string's; the first
/// of a name counts, as STS takes the first `Action` and `Version` it is sent.
fn params(query: &str, body: &[u8]) -> Vec<(String, String)> {
    let mut all = query_pairs(&String::from_utf8_lossy(body));
    all.extend(query_pairs(query));
    all
}

fn first<'p>(params: &'p [(String, String)], name: &str) -> Option<&'p str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// What the request asks, once its signature holds.
#[derive(Debug, PartialEq, Eq)]
enum Asked<'p> {
    GetCallerIdentity,
    /// No `Action` at all. Real STS redirects that to aws.amazon.com/iam (302); a local
    /// endpoint answers AWS's common error `MissingAction` instead.
    Missing,
    /// An action (or a version) this endpoint does not implement, as `for version V`
    /// names it.
    Unknown {
        action: &'p str,
        version: &'p str,
    },
}

/// An unknown action or version is one error: `Could not find operation NoSuchAction for
/// version 2011-06-15`, and with no version `... for version NO_VERSION_SPECIFIED`
/// (aws/session-manager-plugin#116 shows the first from real STS).
fn asked(params: &[(String, String)]) -> Asked<'_> {
    let Some(action) = first(params, "Action") else {
        return Asked::Missing;
    };
    let version = first(params, "Version").unwrap_or("NO_VERSION_SPECIFIED");
    if action == "GetCallerIdentity" && version == VERSION {
        Asked::GetCallerIdentity
    } else {
        Asked::Unknown { action, version }
    }
}

/// The answer for `arn`, `user_id` in `account` (what [`Caller::identity`] says).
fn caller_identity(arn: &str, user_id: &str, account: &str) -> Response<Full<Bytes>> {
    let request_id = new_request_id();
    let body = format!(
        "<GetCallerIdentityResponse xmlns=\"{NAMESPACE}\">\n  <GetCallerIdentityResult>\n    <Arn>{}</Arn>\n    <UserId>{}</UserId>\n    <Account>{}</Account>\n  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>{request_id}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n",
        escape(arn),
        escape(user_id),
        escape(account)
    );
    xml(StatusCode::OK, body, &request_id)
}

/// The server's own trouble, as STS answers it.
fn internal(message: &str) -> Response<Full<Bytes>> {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        NAMESPACE,
        "InternalFailure",
        message,
    )
}

pub async fn handle(
    state: &Arc<State>,
    arrival: Option<Arrival>,
    parts: Parts,
    body: Bytes,
    logged: &mut Logged,
) -> Response<Full<Bytes>> {
    let pairs = params(parts.uri.query().unwrap_or(""), &body);
    logged.operation = format!("sts:{}", first(&pairs, "Action").unwrap_or("-"));
    // The request's one reading of the server's clock, as for Secrets Manager's requests.
    let now = super::now(state);
    let headers = header_pairs(&parts);
    let req = sigv4_request(&parts, &headers, &body);
    // The same resolver as Secrets Manager's route: well formed first, then the owner
    // with no vault read, a principal through the decrypted copy.
    let env = super::env_for(state, now, arrival);
    let who = match caller::authenticate(state, &env, &req, sigv4::STS).await {
        Ok(Ok((who, _region))) => who,
        Ok(Err(e)) => return refused(&e),
        Err(e) => return internal(&e.to_string()),
    };
    logged.principal = crate::service::audit::Principal::of(&who.caller);
    let account = match who.caller.restricted() {
        Some(member) => member.principal.account.clone(),
        None => state.account.clone(),
    };
    let Some((arn, user_id)) = who.caller.identity(&account) else {
        return internal("The signature held for nobody");
    };
    match asked(&pairs) {
        Asked::GetCallerIdentity => caller_identity(&arn, &user_id, &account),
        Asked::Missing => error(
            StatusCode::BAD_REQUEST,
            FAULT_NAMESPACE,
            "MissingAction",
            "The request is missing an action or a required parameter.",
        ),
        Asked::Unknown { action, version } => error(
            StatusCode::BAD_REQUEST,
            FAULT_NAMESPACE,
            "InvalidAction",
            &format!("Could not find operation {action} for version {version}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_get_caller_identity_of_2011_06_15_is_implemented() {
        let p = pairs(&[("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]);
        assert_eq!(asked(&p), Asked::GetCallerIdentity);
        let p = pairs(&[("Action", "AssumeRole"), ("Version", "2011-06-15")]);
        assert_eq!(
            asked(&p),
            Asked::Unknown {
                action: "AssumeRole",
                version: "2011-06-15"
            }
        );
        let p = pairs(&[("Action", "GetCallerIdentity"), ("Version", "2000-01-01")]);
        assert_eq!(
            asked(&p),
            Asked::Unknown {
                action: "GetCallerIdentity",
                version: "2000-01-01"
            }
        );
        let p = pairs(&[("Action", "GetCallerIdentity")]);
        assert_eq!(
            asked(&p),
            Asked::Unknown {
                action: "GetCallerIdentity",
                version: "NO_VERSION_SPECIFIED"
            }
        );
        assert_eq!(asked(&pairs(&[("Version", "2011-06-15")])), Asked::Missing);
    }

    #[test]
    fn the_first_of_a_parameter_counts_and_the_body_comes_before_the_query() {
        let p = params(
            "Action=AssumeRole",
            b"Action=GetCallerIdentity&Version=2011-06-15&Action=Nope",
        );
        assert_eq!(asked(&p), Asked::GetCallerIdentity);
        let p = params("Action=GetCallerIdentity&Version=2011-06-15", b"");
        assert_eq!(asked(&p), Asked::GetCallerIdentity);
        // Form encoding: `+` is a space, escapes are decoded.
        let p = params("", b"Action=Get+Caller%49dentity&Version=2011-06-15");
        assert_eq!(first(&p, "Action"), Some("Get CallerIdentity"));
    }

    fn wants(parts: &Parts) -> bool {
        recognised(&parts.method, &parts.uri, &parts.headers)
    }

    fn head(method: &str, headers: &[(&str, &str)]) -> Parts {
        let mut b = hyper::Request::builder().method(method).uri("/");
        for (n, v) in headers {
            b = b.header(*n, *v);
        }
        b.body(()).unwrap().into_parts().0
    }

    #[test]
    fn a_form_or_a_scope_for_sts_routes_here_and_a_json_target_never_does() {
        let sts_auth = "AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00";
        let sm_auth = "AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=00";
        let form = (
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        );
        assert!(wants(&head("POST", &[form])));
        assert!(wants(&head(
            "POST",
            &[("content-type", "Application/X-WWW-Form-Urlencoded")]
        )));
        assert!(wants(&head("POST", &[("authorization", sts_auth)])));
        let mut get = head("GET", &[]);
        get.uri = "/?Action=GetCallerIdentity&Version=2011-06-15"
            .parse()
            .unwrap();
        assert!(wants(&get));
        // A presigned query's scope names STS too.
        let mut presigned = head("POST", &[]);
        presigned.uri = "/?X-Amz-Credential=AKIA%2F20260101%2Fus-east-1%2Fsts%2Faws4_request"
            .parse()
            .unwrap();
        assert!(wants(&presigned));
        presigned.uri =
            "/?X-Amz-Credential=AKIA%2F20260101%2Fus-east-1%2Fsecretsmanager%2Faws4_request"
                .parse()
                .unwrap();
        assert!(!wants(&presigned));
        assert!(!wants(&head("POST", &[])));
        assert!(!wants(&head("POST", &[("authorization", sm_auth)])));
        assert!(!wants(&head(
            "POST",
            &[("content-type", "application/x-amz-json-1.1")]
        )));
        let target = ("x-amz-target", "secretsmanager.GetSecretValue");
        assert!(!wants(&head(
            "POST",
            &[target, ("authorization", sts_auth)]
        )));
        assert!(!wants(&head("POST", &[target, form])));
        assert!(is_query_get(
            &Method::GET,
            &"/?Version=1&Action=GetCallerIdentity".parse().unwrap()
        ));
        assert!(!is_query_get(&Method::GET, &"/?XAction=1".parse().unwrap()));
        assert!(!is_query_get(&Method::GET, &"/".parse().unwrap()));
        assert!(!is_query_get(
            &Method::PUT,
            &"/?Action=GetCallerIdentity".parse().unwrap()
        ));
    }

    fn body_of(response: Response<Full<Bytes>>) -> (StatusCode, String, String) {
        use http_body_util::BodyExt as _;
        let status = response.status();
        let id = response.headers()["x-amzn-requestid"]
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(response.headers()["content-type"], "text/xml");
        let Ok(collected) = block_on(response.into_body().collect());
        let bytes = collected.to_bytes();
        (status, id, String::from_utf8(bytes.to_vec()).unwrap())
    }

    /// A ready future's output (the body is in memory).
    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn the_answer_is_stss_xml_with_one_request_id_in_header_and_body() {
        let (status, id, body) = body_of(caller_identity(
            "arn:aws:iam::111122223333:user/a&b",
            "AIDAEXAMPLE",
            "111122223333",
        ));
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            body,
            format!(
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <GetCallerIdentityResult>\n    <Arn>arn:aws:iam::111122223333:user/a&amp;b</Arn>\n    <UserId>AIDAEXAMPLE</UserId>\n    <Account>111122223333</Account>\n  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>{id}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n"
            )
        );
    }

    #[test]
    fn sigv4_failures_get_the_query_protocols_codes_and_statuses() {
        for (code, status, query_code) in [
            (sigv4::MISSING, 403, "MissingAuthenticationToken"),
            (sigv4::INCOMPLETE, 400, "IncompleteSignature"),
            (sigv4::INVALID, 403, "SignatureDoesNotMatch"),
            (sigv4::UNRECOGNIZED, 403, "InvalidClientTokenId"),
        ] {
            let e = sigv4::AuthError {
                code,
                message: "it <failed> & 'why'".into(),
            };
            let (got, id, body) = body_of(refused(&e));
            assert_eq!(got.as_u16(), status, "{code}");
            let message = if code == sigv4::MISSING {
                "Request is missing Authentication Token"
            } else {
                "it &lt;failed&gt; &amp; &apos;why&apos;"
            };
            assert_eq!(
                body,
                format!(
                    "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>{query_code}</Code>\n    <Message>{message}</Message>\n  </Error>\n  <RequestId>{id}</RequestId>\n</ErrorResponse>\n"
                )
            );
        }
    }
}

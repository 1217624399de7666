//! Resource and identity policies: the IAM policy document checks, and the layout AWS
//! returns them in. Evaluating them against a request is `access`.

use serde_json::Value;

/// One finding of ValidateResourcePolicy: (CheckName, ErrorMessage).
pub type Finding = (&'static str, String);

const ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

/// Parses a policy document; `None` when it is not a JSON object.
pub fn parse(text: &str) -> Option<serde_json::Map<String, Value>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => Some(m),
        _ => None,
    }
}

fn strings_or_list(v: &Value) -> bool {
    match v {
        Value::String(_) => true,
        Value::Array(a) => !a.is_empty() && a.iter().all(Value::is_string),
        _ => false,
    }
}

/// The problems of a parsed policy, in document order; empty when it is valid.
pub fn check(doc: &serde_json::Map<String, Value>) -> Vec<Finding> {
    let mut out = Vec::new();
    let syntax = |m: String| ("SYNTAX_CHECKING", m);
    for k in doc.keys() {
        if !matches!(k.as_str(), "Version" | "Id" | "Statement") {
            out.push(syntax(format!("Unknown policy element: {k}")));
        }
    }
    match doc.get("Version") {
        None | Some(Value::String(_)) => {}
        Some(_) => out.push(syntax(
            "Version must be a string, 2012-10-17 or 2008-10-17".into(),
        )),
    }
    if let Some(Value::String(v)) = doc.get("Version")
        && v != "2012-10-17"
        && v != "2008-10-17"
    {
        out.push(syntax(format!(
            "Invalid policy version: {v}; use 2012-10-17"
        )));
    }
    let statements: Vec<&Value> = match doc.get("Statement") {
        Some(Value::Array(a)) if !a.is_empty() => a.iter().collect(),
        Some(s @ Value::Object(_)) => vec![s],
        _ => {
            out.push(syntax(
                "The policy must have a Statement: an object or a non-empty list of objects".into(),
            ));
            return out;
        }
    };
    for (i, st) in statements.iter().enumerate() {
        let n = i + 1;
        let Value::Object(st) = st else {
            out.push(syntax(format!("Statement {n} must be an object")));
            continue;
        };
        for k in st.keys() {
            if !ELEMENTS.contains(&k.as_str()) {
                out.push(syntax(format!("Statement {n}: unknown element {k}")));
            }
        }
        match st.get("Effect").and_then(Value::as_str) {
            Some("Allow" | "Deny") => {}
            _ => out.push(syntax(format!(
                "Statement {n}: Effect must be Allow or Deny"
            ))),
        }
        let pair =
            |a: &str, b: &str, out: &mut Vec<Finding>, required: bool| match (st.get(a), st.get(b))
            {
                (Some(_), Some(_)) => out.push(syntax(format!(
                    "Statement {n}: {a} and {b} cannot both be present"
                ))),
                (None, None) if required => out.push(syntax(format!(
                    "Statement {n}: one of {a} or {b} is required"
                ))),
                _ => {}
            };
        pair("Principal", "NotPrincipal", &mut out, true);
        pair("Action", "NotAction", &mut out, true);
        pair("Resource", "NotResource", &mut out, true);
        for key in ["Action", "NotAction", "Resource", "NotResource"] {
            if let Some(v) = st.get(key)
                && !strings_or_list(v)
            {
                out.push(syntax(format!(
                    "Statement {n}: {key} must be a string or a list of strings"
                )));
            }
        }
        for key in ["Principal", "NotPrincipal"] {
            match st.get(key) {
                None | Some(Value::String(_)) => {}
                Some(Value::Object(p)) if !p.is_empty() && p.values().all(strings_or_list) => {}
                Some(_) => out.push(syntax(format!(
                    "Statement {n}: {key} must be \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::123456789012:root\"}}"
                ))),
            }
        }
        if let Some(c) = st.get("Condition")
            && !c.is_object()
        {
            out.push(syntax(format!(
                "Statement {n}: Condition must be an object"
            )));
        }
    }
    out
}

/// The problems of an identity policy (a principal's, for `principals add --policy` and
/// `set-policy`): ValidateResourcePolicy's checks, except that an identity policy names no
/// principal (IAM: `MalformedPolicyDocument: Policy document should not specify a
/// principal.`), and every condition operator must be one IAM knows, as IAM refuses the
/// others when a policy is written (`MalformedPolicyDocument: Invalid Condition type :
/// stringEquals`, ministryofjustice/modernisation-platform-environments#8893).
pub fn check_identity(doc: &serde_json::Map<String, Value>) -> Vec<Finding> {
    let mut out: Vec<Finding> = check(doc)
        .into_iter()
        .filter(|(_, m)| !m.ends_with("one of Principal or NotPrincipal is required"))
        .collect();
    let statements: Vec<&Value> = match doc.get("Statement") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(s @ Value::Object(_)) => vec![s],
        _ => vec![],
    };
    for (i, st) in statements.iter().enumerate() {
        let Value::Object(st) = st else { continue };
        let n = i + 1;
        if st.contains_key("Principal") || st.contains_key("NotPrincipal") {
            out.push((
                "SYNTAX_CHECKING",
                format!("Statement {n}: Policy document should not specify a principal."),
            ));
        }
        if let Some(Value::Object(ops)) = st.get("Condition") {
            for op in ops.keys() {
                if crate::access::Operator::parse(op).is_none() {
                    out.push((
                        "SYNTAX_CHECKING",
                        format!("Statement {n}: Invalid Condition type : {op}"),
                    ));
                }
            }
        }
    }
    out
}

/// Whether an Allow statement grants access to everyone (`Principal: "*"` or `{"AWS": "*"}`)
/// without a Condition that narrows it.
pub fn is_public(doc: &serde_json::Map<String, Value>) -> bool {
    let statements: Vec<&Value> = match doc.get("Statement") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(s) => vec![s],
        None => vec![],
    };
    let star = |v: &Value| match v {
        Value::String(s) => s == "*",
        Value::Array(a) => a.iter().any(|x| x == "*"),
        _ => false,
    };
    statements.iter().any(|st| {
        st.get("Effect").and_then(Value::as_str) == Some("Allow")
            && st.get("Condition").is_none()
            && match st.get("Principal") {
                Some(p @ Value::String(_)) => star(p),
                Some(Value::Object(m)) => m.values().any(star),
                _ => false,
            }
    })
}

/// The policy as GetResourcePolicy returns it: Jackson's pretty printer
/// (2-space indent per object level, `"key" : value`, arrays inline as `[ a, b ]`).
pub fn pretty(v: &Value) -> String {
    let mut out = String::new();
    write(v, 0, &mut out);
    out
}

fn write(v: &Value, depth: usize, out: &mut String) {
    match v {
        Value::Object(m) if m.is_empty() => out.push_str("{ }"),
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                out.push_str(&"  ".repeat(depth + 1));
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(" : ");
                write(x, depth + 1, out);
            }
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
            out.push('}');
        }
        Value::Array(a) if a.is_empty() => out.push_str("[ ]"),
        Value::Array(a) => {
            out.push_str("[ ");
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(x, depth, out);
            }
            out.push_str(" ]");
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#;

    #[test]
    fn pretty_matches_what_aws_returns() {
        let v: Value = serde_json::from_str(POLICY).unwrap();
        assert_eq!(
            pretty(&v),
            "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\n    \"Effect\" : \"Allow\",\n    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::123456789012:root\"\n    },\n    \"Action\" : \"secretsmanager:GetSecretValue\",\n    \"Resource\" : \"*\"\n  } ]\n}"
        );
    }

    #[test]
    fn valid_policy_has_no_findings() {
        assert!(check(&parse(POLICY).unwrap()).is_empty());
        assert!(!is_public(&parse(POLICY).unwrap()));
    }

    #[test]
    fn each_problem_is_reported() {
        let doc = parse(r#"{"Statement":[{"Effect":"Maybe","Action":1,"Principal":"*","NotPrincipal":"*","Bogus":1}]}"#).unwrap();
        let findings = check(&doc);
        let text: Vec<&str> = findings.iter().map(|f| f.1.as_str()).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("Effect must be Allow or Deny")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("unknown element Bogus")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("cannot both be present")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("Resource or NotResource is required")),
            "{text:?}"
        );
    }

    #[test]
    fn identity_policy_needs_no_principal_and_refuses_one() {
        let ok = parse(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*","Condition":{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":"a*"}}}}"#).unwrap();
        assert!(check_identity(&ok).is_empty(), "{:?}", check_identity(&ok));
        assert!(
            !check(&ok).is_empty(),
            "a resource policy needs a principal"
        );
        let with_principal = parse(POLICY).unwrap();
        let text: Vec<String> = check_identity(&with_principal)
            .into_iter()
            .map(|f| f.1)
            .collect();
        assert_eq!(
            text,
            vec!["Statement 1: Policy document should not specify a principal."]
        );
    }

    #[test]
    fn identity_policy_with_an_unknown_operator_is_refused() {
        let doc = parse(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"stringEquals":{"aws:username":"ci"}}}}"#).unwrap();
        let text: Vec<String> = check_identity(&doc).into_iter().map(|f| f.1).collect();
        assert_eq!(
            text,
            vec!["Statement 1: Invalid Condition type : stringEquals"]
        );
    }

    #[test]
    fn star_principal_is_public() {
        let doc = parse(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}}"#).unwrap();
        assert!(is_public(&doc));
    }

    #[test]
    fn non_object_is_not_a_policy() {
        assert!(parse("[1]").is_none());
        assert!(parse("{bad").is_none());
    }
}

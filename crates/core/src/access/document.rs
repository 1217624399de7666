//! A policy document read once into the form the evaluation walks, so a server can keep
//! it parsed between requests.

use serde_json::Value;

use super::condition::{Condition, Operator};
use super::glob::{self, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// `Action`/`Resource`/`Principal` or their `Not` forms: the values and whether they are
/// negated.
#[derive(Debug, Clone, PartialEq)]
pub struct Element<T> {
    pub not: bool,
    pub values: Vec<T>,
}

/// An `Action`/`NotAction` element, its patterns compiled once.
#[derive(Debug, Clone, PartialEq)]
pub struct Actions {
    pub not: bool,
    pub patterns: Vec<Vec<Token>>,
}

/// One entry of a `Principal` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrincipalId {
    /// `"*"` or `{"AWS": "*"}`: everyone.
    Anyone,
    /// An `AWS` value: account id, account root ARN or an IAM ARN.
    Aws(String),
    /// `Service`, `Federated`, `CanonicalUser`: never an IAM user of the vault.
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// 1-based position in the policy, for "which statement decided".
    pub index: usize,
    pub sid: Option<String>,
    pub effect: Effect,
    pub principal: Option<Element<PrincipalId>>,
    pub action: Option<Actions>,
    pub resource: Option<Element<String>>,
    /// Each `resource` value compiled once when it holds no variable to substitute (the
    /// policy's version has none, or the value no `${`), so a request does not compile it.
    pub resource_literals: Vec<Option<Vec<Token>>>,
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// `Version` is `2012-10-17`: policy variables are substituted.
    pub variables: bool,
    pub statements: Vec<Statement>,
    /// Every request-context key an evaluation of this policy can read, lowercase: each
    /// condition's key and each variable's (`${aws:username}`) in a Resource or a
    /// condition value. A server builds only these keys of a request's context.
    pub keys: Vec<String>,
}

/// The keys of the variables in `text` (`${key}`, `${key, 'default'}`); not `${*}`,
/// `${?}` or `${$}`.
fn variable_keys<'t>(text: &'t str, out: &mut Vec<String>) {
    let mut rest: &'t str = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { return };
        let key = after[..end].split(',').next().unwrap_or_default().trim();
        if !matches!(key, "*" | "?" | "$") {
            out.push(key.to_ascii_lowercase());
        }
        rest = &after[end + 1..];
    }
}

/// [`Policy::keys`] of `statements`.
fn keys_of(statements: &[Statement]) -> Vec<String> {
    let mut keys = Vec::new();
    for st in statements {
        for r in st.resource.iter().flat_map(|r| &r.values) {
            variable_keys(r, &mut keys);
        }
        for c in &st.conditions {
            keys.push(c.key.to_ascii_lowercase());
            for v in &c.values {
                variable_keys(v, &mut keys);
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(a) => a.iter().map(|x| x.as_str().map(str::to_string)).collect(),
        _ => None,
    }
}

/// A condition value as IAM reads it: strings, numbers and booleans all compare as text.
pub(super) fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn element(
    st: &serde_json::Map<String, Value>,
    name: &str,
    n: usize,
) -> Result<Option<Element<String>>, String> {
    let not_name = format!("Not{name}");
    match (st.get(name), st.get(&not_name)) {
        (Some(_), Some(_)) => Err(format!(
            "Statement {n}: {name} and {not_name} cannot both be present"
        )),
        (Some(v), None) | (None, Some(v)) => {
            let values = strings(v).ok_or_else(|| {
                format!("Statement {n}: {name} must be a string or a list of strings")
            })?;
            Ok(Some(Element {
                not: st.contains_key(&not_name),
                values,
            }))
        }
        (None, None) => Ok(None),
    }
}

fn principal(v: &Value, n: usize) -> Result<Vec<PrincipalId>, String> {
    let bad = || {
        format!(
            "Statement {n}: Principal must be \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::123456789012:root\"}}"
        )
    };
    match v {
        Value::String(s) if s == "*" => Ok(vec![PrincipalId::Anyone]),
        Value::Object(m) => {
            let mut out = Vec::new();
            for (kind, ids) in m {
                for id in strings(ids).ok_or_else(bad)? {
                    out.push(match kind.as_str() {
                        "AWS" if id == "*" => PrincipalId::Anyone,
                        "AWS" => PrincipalId::Aws(id),
                        _ => PrincipalId::Other,
                    });
                }
            }
            Ok(out)
        }
        _ => Err(bad()),
    }
}

impl Policy {
    /// Reads a policy document; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<Policy, String> {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| format!("The policy is not valid JSON: {e}"))?;
        Policy::from_value(&doc)
    }

    pub fn from_value(doc: &Value) -> Result<Policy, String> {
        let Value::Object(doc) = doc else {
            return Err("The policy must be a JSON object".into());
        };
        let variables = doc.get("Version").and_then(Value::as_str) == Some("2012-10-17");
        let list: Vec<&Value> = match doc.get("Statement") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(s @ Value::Object(_)) => vec![s],
            _ => {
                return Err(
                    "The policy must have a Statement: an object or a list of objects".into(),
                );
            }
        };
        let mut statements = Vec::with_capacity(list.len());
        for (i, st) in list.into_iter().enumerate() {
            let n = i + 1;
            let Value::Object(st) = st else {
                return Err(format!("Statement {n} must be an object"));
            };
            let effect = match st.get("Effect").and_then(Value::as_str) {
                Some("Allow") => Effect::Allow,
                Some("Deny") => Effect::Deny,
                _ => return Err(format!("Statement {n}: Effect must be Allow or Deny")),
            };
            let principal = match (st.get("Principal"), st.get("NotPrincipal")) {
                (Some(_), Some(_)) => {
                    return Err(format!(
                        "Statement {n}: Principal and NotPrincipal cannot both be present"
                    ));
                }
                (Some(p), None) => Some(Element {
                    not: false,
                    values: principal(p, n)?,
                }),
                (None, Some(p)) => Some(Element {
                    not: true,
                    values: principal(p, n)?,
                }),
                (None, None) => None,
            };
            let mut conditions = Vec::new();
            match st.get("Condition") {
                None => {}
                Some(Value::Object(ops)) => {
                    for (op_name, keys) in ops {
                        let Value::Object(keys) = keys else {
                            return Err(format!(
                                "Statement {n}: the condition {op_name} must map keys to values"
                            ));
                        };
                        for (key, vals) in keys {
                            let values = match vals {
                                Value::Array(a) => a.iter().map(scalar).collect::<Option<Vec<_>>>(),
                                v => scalar(v).map(|s| vec![s]),
                            }
                            .ok_or_else(|| format!("Statement {n}: the values of {op_name} {key} must be strings, numbers or booleans"))?;
                            conditions.push(Condition {
                                op: Operator::parse(op_name),
                                op_name: op_name.clone(),
                                key: key.clone(),
                                values,
                            });
                        }
                    }
                }
                Some(_) => return Err(format!("Statement {n}: Condition must be an object")),
            }
            let resource = element(st, "Resource", n)?;
            statements.push(Statement {
                index: n,
                sid: st.get("Sid").and_then(Value::as_str).map(str::to_string),
                effect,
                principal,
                action: element(st, "Action", n)?.map(|a| Actions {
                    not: a.not,
                    patterns: a.values.iter().map(|v| glob::compile(v)).collect(),
                }),
                resource_literals: resource
                    .as_ref()
                    .map(|r| {
                        r.values
                            .iter()
                            .map(|v| (!variables || !v.contains("${")).then(|| glob::compile(v)))
                            .collect()
                    })
                    .unwrap_or_default(),
                resource,
                conditions,
            });
        }
        Ok(Policy {
            variables,
            keys: keys_of(&statements),
            statements,
        })
    }

    /// The condition operators this policy names that IAM does not know.
    pub fn unknown_operators(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in self.statements.iter().flat_map(|s| &s.conditions) {
            if c.op.is_none() && !out.contains(&c.op_name.as_str()) {
                out.push(&c.op_name);
            }
        }
        out
    }
}

//! `--query`: JMESPath via the `jmespath` crate, with Python's object key order restored.
//!
//! The crate stores objects in a `BTreeMap`, so results come back with sorted keys, while the
//! AWS CLI (Python dicts) keeps the input's member order for objects passed through and the
//! expression's order for multi-select hashes (`{id: Name, stages: VersionStages}`). After the
//! search every result object is re-ordered from the best matching known key sequence.

use std::collections::{HashMap, HashSet};
use std::fmt;

use jmespath::ast::Ast;
use jmespath::{ErrorReason, JmespathError, RuntimeError};
use serde_json::{Map, Value};

/// A `--query` failure, worded like the AWS CLI's messages.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The expression does not parse; the CLI reports this before sending any request.
    #[error("Bad value for --query {expr}: Invalid jmespath expression: {detail}")]
    Syntax { expr: String, detail: String },
    /// Evaluation failed (bad function argument type, unknown function, ...).
    #[error("{0}")]
    Runtime(String),
}

/// A compiled `--query` expression.
pub struct Query {
    expr: jmespath::Expression<'static>,
    /// The expression as the user wrote it (before legacy literals were rewritten).
    source: String,
    /// Key lists of every multi-select hash in the expression, in source order.
    hash_orders: Vec<Vec<String>>,
}

impl fmt::Debug for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query").field("expr", &self.source).finish()
    }
}

const MAX_LEN: usize = 4096;
const MAX_DEPTH: usize = 128;

/// The deepest the parser can recurse for `expr`: open brackets plus chained
/// sub-expressions, counted generously.
fn nesting(expr: &str) -> usize {
    let (mut depth, mut max, mut links) = (0usize, 0usize, 0usize);
    for c in expr.chars() {
        match c {
            '[' | '(' | '{' => {
                depth += 1;
                max = max.max(depth);
            }
            ']' | ')' | '}' => depth = depth.saturating_sub(1),
            '.' | '|' | '&' => links += 1,
            _ => {}
        }
    }
    max.max(links / 4)
}

impl Query {
    /// Parse `expr`; syntax errors carry the CLI's `Bad value for --query` text.
    pub fn compile(expr: &str) -> Result<Query, QueryError> {
        // jmespath's parser and interpreter recurse once per nesting level and
        // per `.`/`|` link; past a few hundred the stack overflows and the process
        // aborts. Real queries are far below these limits.
        if expr.len() > MAX_LEN || nesting(expr) > MAX_DEPTH {
            return Err(QueryError::Syntax {
                expr: expr.to_owned(),
                detail: format!(
                    "the expression is too long or too deeply nested (at most {MAX_LEN} characters and {MAX_DEPTH} levels)"
                ),
            });
        }
        let compiled = jmespath::compile(&upgrade_legacy_literals(expr))
            .map_err(|e| syntax_error(expr, &e))?;
        let mut hash_orders = Vec::new();
        collect_hash_orders(compiled.as_ast(), &mut hash_orders);
        Ok(Query {
            expr: compiled,
            source: expr.to_owned(),
            hash_orders,
        })
    }

    /// The expression text as given.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Evaluate against `v`, returning a document whose objects are ordered as Python's would be.
    pub fn apply(&self, v: &Value) -> Result<Value, QueryError> {
        let result = self
            .expr
            .search(v)
            .map_err(|e| runtime_error(self.expr.as_ast(), &e))?;
        let out = serde_json::to_value(&*result)
            .map_err(|e| QueryError::Runtime(format!("cannot convert query result: {e}")))?;
        let orders = KeyOrders::new(v, &self.hash_orders);
        Ok(orders.reorder(out))
    }
}

/// Python jmespath still accepts the deprecated JEP-12 form where a backtick literal that is not
/// JSON is a string (`` Name==`nope` `` means `'nope'`); the crate rejects it. Rewrite such
/// literals into JSON strings, scanning tokens the way the crate's lexer does (quotes, raw strings
/// and literals are delimited, with `\` escaping the next character).
fn upgrade_legacy_literals(expr: &str) -> String {
    let mut out = String::with_capacity(expr.len());
    let mut chars = expr.chars();
    while let Some(c) = chars.next() {
        if !matches!(c, '"' | '\'' | '`') {
            out.push(c);
            continue;
        }
        let mut body = String::new();
        let mut closed = false;
        while let Some(d) = chars.next() {
            if d == c {
                closed = true;
                break;
            }
            body.push(d);
            if d == '\\'
                && let Some(e) = chars.next()
            {
                body.push(e);
            }
        }
        if c == '`' && closed {
            let lexeme = body.replace("\\`", "`");
            if serde_json::from_str::<Value>(&lexeme).is_err() {
                // Python: json.loads('"%s"' % lexeme.lstrip()).
                let quoted = format!("\"{}\"", lexeme.trim_start());
                if let Ok(text) = serde_json::from_str::<String>(&quoted) {
                    let json = Value::String(text).to_string();
                    body = json.replace('`', "\\`");
                }
            }
        }
        out.push(c);
        out.push_str(&body);
        if closed {
            out.push(c);
        }
    }
    out
}

/// Candidate key sequences: from multi-select hashes and from the objects of the input.
struct KeyOrders<'a> {
    /// Sorted key set -> order, first occurrence wins.
    hash_exact: HashMap<Vec<&'a str>, &'a [String]>,
    input_exact: HashMap<Vec<&'a str>, Vec<&'a str>>,
    /// Every distinct key sequence, input first, for the superset fallback.
    all: Vec<Vec<&'a str>>,
}

impl<'a> KeyOrders<'a> {
    fn new(input: &'a Value, hash_orders: &'a [Vec<String>]) -> KeyOrders<'a> {
        let mut input_lists: Vec<Vec<&'a str>> = Vec::new();
        collect_input_orders(input, &mut input_lists);
        let mut seen: HashSet<Vec<&'a str>> = HashSet::new();
        let mut all = Vec::new();
        let mut input_exact = HashMap::new();
        for list in input_lists {
            if seen.insert(list.clone()) {
                input_exact
                    .entry(sorted(&list))
                    .or_insert_with(|| list.clone());
                all.push(list);
            }
        }
        let mut hash_exact = HashMap::new();
        for list in hash_orders {
            let refs: Vec<&'a str> = list.iter().map(String::as_str).collect();
            hash_exact.entry(sorted(&refs)).or_insert(list.as_slice());
            if seen.insert(refs.clone()) {
                all.push(refs);
            }
        }
        KeyOrders {
            hash_exact,
            input_exact,
            all,
        }
    }

    fn reorder(&self, v: Value) -> Value {
        match v {
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|i| self.reorder(i)).collect())
            }
            Value::Object(map) => {
                let keys: Vec<&str> = map.keys().map(String::as_str).collect();
                let order = self.order_for(&keys);
                let mut entries: Vec<(String, Value)> =
                    map.into_iter().map(|(k, v)| (k, self.reorder(v))).collect();
                if let Some(order) = order {
                    // Keys missing from the order cannot happen (exact or superset match).
                    entries.sort_by_key(|(k, _)| order.iter().position(|o| o == k));
                }
                Value::Object(entries.into_iter().collect::<Map<String, Value>>())
            }
            scalar => scalar,
        }
    }

    /// A multi-select hash always yields exactly its keys, so an exact match with one is the
    /// strongest signal (`{Name: Name, ARN: ARN}` must not take the input's ARN-first order);
    /// then an input object with the same key set (pass-through), then any superset.
    fn order_for(&self, keys: &[&str]) -> Option<Vec<String>> {
        let set = sorted(keys);
        if let Some(order) = self.hash_exact.get(&set) {
            return Some(order.to_vec());
        }
        if let Some(order) = self.input_exact.get(&set) {
            return Some(order.iter().map(|s| (*s).to_owned()).collect());
        }
        self.all
            .iter()
            .find(|cand| keys.iter().all(|k| cand.contains(k)))
            .map(|cand| cand.iter().map(|s| (*s).to_owned()).collect())
    }
}

fn sorted<'a>(keys: &[&'a str]) -> Vec<&'a str> {
    let mut v = keys.to_vec();
    v.sort_unstable();
    v
}

fn collect_input_orders<'a>(v: &'a Value, out: &mut Vec<Vec<&'a str>>) {
    match v {
        Value::Object(map) => {
            out.push(map.keys().map(String::as_str).collect());
            for child in map.values() {
                collect_input_orders(child, out);
            }
        }
        Value::Array(items) => {
            for child in items {
                collect_input_orders(child, out);
            }
        }
        _ => {}
    }
}

fn collect_hash_orders(ast: &Ast, out: &mut Vec<Vec<String>>) {
    match ast {
        Ast::MultiHash { elements, .. } => {
            out.push(elements.iter().map(|kv| kv.key.clone()).collect());
            for kv in elements {
                collect_hash_orders(&kv.value, out);
            }
        }
        Ast::Comparison { lhs, rhs, .. }
        | Ast::Projection { lhs, rhs, .. }
        | Ast::And { lhs, rhs, .. }
        | Ast::Or { lhs, rhs, .. }
        | Ast::Subexpr { lhs, rhs, .. } => {
            collect_hash_orders(lhs, out);
            collect_hash_orders(rhs, out);
        }
        Ast::Condition {
            predicate, then, ..
        } => {
            collect_hash_orders(predicate, out);
            collect_hash_orders(then, out);
        }
        Ast::Expref { ast, .. } => collect_hash_orders(ast, out),
        Ast::Flatten { node, .. } | Ast::Not { node, .. } | Ast::ObjectValues { node, .. } => {
            collect_hash_orders(node, out);
        }
        Ast::Function { args, .. } => args.iter().for_each(|a| collect_hash_orders(a, out)),
        Ast::MultiList { elements, .. } => {
            elements.iter().for_each(|a| collect_hash_orders(a, out));
        }
        Ast::Identity { .. }
        | Ast::Field { .. }
        | Ast::Index { .. }
        | Ast::Literal { .. }
        | Ast::Slice { .. } => {}
    }
}

/// Python jmespath's parse error text (what follows "Invalid jmespath expression: ").
fn syntax_error(expr: &str, e: &JmespathError) -> QueryError {
    let msg = match &e.reason {
        ErrorReason::Parse(m) => m.clone(),
        ErrorReason::Runtime(r) => r.to_string(),
    };
    let found = msg.rsplit_once(" -- found ").map(|(_, t)| t.to_owned());
    let detail = match found.as_deref() {
        // The parser ran out of tokens: Python's IncompleteExpressionError.
        Some("Eof") => {
            let pos = expr.chars().count();
            format!(
                "Incomplete expression:\n\"{expr}\"\n{}^",
                " ".repeat(pos + 1)
            )
        }
        Some(token) => {
            let (value, kind) = python_token(token);
            format!(
                "Parse error at column {} near token \"{value}\" ({kind}) for expression:\n\"{expr}\"\n{}^",
                e.offset,
                " ".repeat(e.offset + 1)
            )
        }
        // Lexer errors (unclosed quote, bad character) carry their own message.
        None => format!("{msg}:\n\"{expr}\"\n{}^", " ".repeat(e.offset + 1)),
    };
    QueryError::Syntax {
        expr: expr.to_owned(),
        detail,
    }
}

/// Map the crate's `Token` debug text to Python jmespath's token value and upper-cased type.
fn python_token(debug: &str) -> (String, String) {
    let simple = |v: &str, t: &str| (v.to_owned(), t.to_owned());
    let inner = |prefix: &str| {
        debug
            .strip_prefix(prefix)
            .and_then(|s| s.strip_suffix(')'))
            .map(|s| s.trim_matches('"').to_owned())
    };
    if let Some(v) = inner("Identifier(") {
        return (v, "UNQUOTED_IDENTIFIER".to_owned());
    }
    if let Some(v) = inner("QuotedIdentifier(") {
        return (v, "QUOTED_IDENTIFIER".to_owned());
    }
    if let Some(v) = inner("Number(") {
        return (v, "NUMBER".to_owned());
    }
    if debug.starts_with("Literal(") {
        return simple("", "LITERAL");
    }
    match debug {
        "Dot" => simple(".", "DOT"),
        "Star" => simple("*", "STAR"),
        "Flatten" => simple("[]", "FLATTEN"),
        "And" => simple("&&", "AND"),
        "Or" => simple("||", "OR"),
        "Pipe" => simple("|", "PIPE"),
        "Filter" => simple("[?", "FILTER"),
        "Lbracket" => simple("[", "LBRACKET"),
        "Rbracket" => simple("]", "RBRACKET"),
        "Comma" => simple(",", "COMMA"),
        "Colon" => simple(":", "COLON"),
        "Not" => simple("!", "NOT"),
        "Ne" => simple("!=", "NE"),
        "Eq" => simple("==", "EQ"),
        "Gt" => simple(">", "GT"),
        "Gte" => simple(">=", "GTE"),
        "Lt" => simple("<", "LT"),
        "Lte" => simple("<=", "LTE"),
        "At" => simple("@", "CURRENT"),
        "Ampersand" => simple("&", "EXPREF"),
        "Lparen" => simple("(", "LPAREN"),
        "Rparen" => simple(")", "RPAREN"),
        "Lbrace" => simple("{", "LBRACE"),
        "Rbrace" => simple("}", "RBRACE"),
        other => simple(other, "UNKNOWN"),
    }
}

/// Python jmespath's runtime error wording where the crate gives enough to reproduce it.
fn runtime_error(ast: &Ast, e: &JmespathError) -> QueryError {
    let name = function_at(ast, e.offset).unwrap_or_default();
    let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
    let text = match &e.reason {
        ErrorReason::Runtime(RuntimeError::UnknownFunction(f)) => {
            format!("Unknown function: {f}()")
        }
        ErrorReason::Runtime(RuntimeError::NotEnoughArguments { expected, actual })
        | ErrorReason::Runtime(RuntimeError::TooManyArguments { expected, actual }) => format!(
            "Expected {expected} {} for function {name}(), received {actual}",
            plural(*expected)
        ),
        // Python also prints the offending value; the crate only reports its type.
        ErrorReason::Runtime(RuntimeError::InvalidType {
            expected, actual, ..
        }) => format!(
            "In function {name}(), invalid type for value: <{actual}>, expected one of: {expected}, received: \"{actual}\""
        ),
        ErrorReason::Runtime(other) => other.to_string(),
        ErrorReason::Parse(m) => m.clone(),
    };
    QueryError::Runtime(text)
}

/// Name of the function call node at `offset` (the crate reports errors at the call's offset).
fn function_at(ast: &Ast, offset: usize) -> Option<String> {
    match ast {
        Ast::Function {
            name,
            args,
            offset: o,
        } => {
            if *o == offset {
                return Some(name.clone());
            }
            args.iter().find_map(|a| function_at(a, offset))
        }
        Ast::Comparison { lhs, rhs, .. }
        | Ast::Projection { lhs, rhs, .. }
        | Ast::And { lhs, rhs, .. }
        | Ast::Or { lhs, rhs, .. }
        | Ast::Subexpr { lhs, rhs, .. } => {
            function_at(lhs, offset).or_else(|| function_at(rhs, offset))
        }
        Ast::Condition {
            predicate, then, ..
        } => function_at(predicate, offset).or_else(|| function_at(then, offset)),
        Ast::Expref { ast, .. }
        | Ast::Flatten { node: ast, .. }
        | Ast::Not { node: ast, .. }
        | Ast::ObjectValues { node: ast, .. } => function_at(ast, offset),
        Ast::MultiList { elements, .. } => elements.iter().find_map(|a| function_at(a, offset)),
        Ast::MultiHash { elements, .. } => elements
            .iter()
            .find_map(|kv| function_at(&kv.value, offset)),
        Ast::Identity { .. }
        | Ast::Field { .. }
        | Ast::Index { .. }
        | Ast::Literal { .. }
        | Ast::Slice { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_or_huge_expressions_are_refused_not_a_crash() {
        assert!(Query::compile(&"[".repeat(10_000)).is_err());
        assert!(Query::compile(&format!("{}b", "a.".repeat(20_000))).is_err());
        assert!(Query::compile(&format!("{}b", "a.".repeat(300))).is_ok());
        assert!(Query::compile(&format!("{}1{}", "[".repeat(100), "]".repeat(100))).is_ok());
    }
    use serde_json::json;

    fn keys(v: &Value) -> Vec<&str> {
        v.as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect()
    }

    fn list_secrets() -> Value {
        json!({"SecretList": [
            {
                "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf",
                "Name": "dev/db",
                "Description": "d",
                "LastChangedDate": "2026-01-01T00:00:00+00:00",
                "Tags": [{"Key": "tier", "Value": "db"}, {"Key": "env", "Value": "prod"}],
                "SecretVersionsToStages": {"zz-1": ["AWSCURRENT"], "aa-2": ["AWSPREVIOUS"]},
                "CreatedDate": "2026-01-01T00:00:00+00:00"
            }
        ]})
    }

    fn run(expr: &str, v: &Value) -> Value {
        Query::compile(expr)
            .expect("compiles")
            .apply(v)
            .expect("applies")
    }

    #[test]
    fn pass_through_object_keeps_model_order() {
        let out = run("SecretList[0]", &list_secrets());
        assert_eq!(
            keys(&out),
            [
                "ARN",
                "Name",
                "Description",
                "LastChangedDate",
                "Tags",
                "SecretVersionsToStages",
                "CreatedDate"
            ]
        );
        // Nested maps keep their wire order too.
        assert_eq!(keys(&out["SecretVersionsToStages"]), ["zz-1", "aa-2"]);
        assert_eq!(keys(&out["Tags"][0]), ["Key", "Value"]);
        let filtered = run("SecretList[?Name=='dev/db']", &list_secrets());
        assert_eq!(keys(&filtered[0])[..2], ["ARN", "Name"]);
    }

    #[test]
    fn multi_select_hash_keeps_expression_order() {
        let gsv = json!({"ARN": "a", "Name": "q/one", "VersionId": "v",
                         "SecretString": "s", "VersionStages": ["AWSCURRENT"], "CreatedDate": "t"});
        let out = run("{id: Name, stages: VersionStages}", &gsv);
        assert_eq!(keys(&out), ["id", "stages"]);
        assert_eq!(
            super::super::json::render(&out),
            "{\n    \"id\": \"q/one\",\n    \"stages\": [\n        \"AWSCURRENT\"\n    ]\n}\n"
        );
        assert_eq!(keys(&run("{z: Name, a: ARN}", &gsv)), ["z", "a"]);
        // Same key set as an input object: the expression's order still wins, as in Python.
        assert_eq!(keys(&run("{Name: Name, ARN: ARN}", &gsv)), ["Name", "ARN"]);
        let nested = run(
            "SecretList[].{n: Name, t: Tags[].{v: Value, k: Key}}",
            &list_secrets(),
        );
        assert_eq!(keys(&nested[0]), ["n", "t"]);
        assert_eq!(keys(&nested[0]["t"][0]), ["v", "k"]);
    }

    #[test]
    fn sort_by_keeps_key_value_order() {
        let out = run("sort_by(SecretList[0].Tags, &Key)", &list_secrets());
        assert_eq!(
            out,
            json!([{"Key": "env", "Value": "prod"}, {"Key": "tier", "Value": "db"}])
        );
        assert_eq!(keys(&out[0]), ["Key", "Value"]);
    }

    #[test]
    fn scalar_and_list_results() {
        let v = list_secrets();
        assert_eq!(run("length(SecretList)", &v), json!(1));
        assert_eq!(run("SecretList[0].Tags[*].Key", &v), json!(["tier", "env"]));
        assert_eq!(run("SecretList[?Name==`nope`] | [0]", &v), json!(null));
        assert_eq!(run("SecretList[?Name==`nope`]", &v), json!([]));
        assert_eq!(
            run("SecretList[0].Tags[?Key==`tier`].Value | [0]", &v),
            json!("db")
        );
        assert_eq!(run("join(',', SecretList[].Name)", &v), json!("dev/db"));
        let versions = json!({"Versions": [
            {"VersionId": "v1", "VersionStages": ["AWSPREVIOUS"]},
            {"VersionId": "v2", "VersionStages": ["AWSCURRENT"]}]});
        assert_eq!(
            run(
                "Versions[?contains(VersionStages,'AWSCURRENT')].VersionId",
                &versions
            ),
            json!(["v2"])
        );
        // Pagination pseudo-page: no match gives null (printed as "None" in text).
        assert_eq!(
            run(
                "SecretList[].Name",
                &json!({"NextToken": {"NextToken": "x"}})
            ),
            json!(null)
        );
    }

    #[test]
    fn legacy_backtick_string_literals() {
        assert_eq!(
            upgrade_legacy_literals("a[?N==`nope`]"),
            "a[?N==`\"nope\"`]"
        );
        assert_eq!(upgrade_legacy_literals("a[?N==` x y`]"), "a[?N==`\"x y\"`]");
        // Valid JSON literals, raw strings and quoted identifiers are left alone.
        for expr in [
            "`5`",
            "`\"s\"`",
            "`[1, 2]`",
            "'`x`'",
            "\"`k\\\"`\"",
            "`{\"a\": 1}`",
        ] {
            assert_eq!(upgrade_legacy_literals(expr), expr);
        }
        assert_eq!(upgrade_legacy_literals("`a\\`b`"), "`\"a\\`b\"`");
        let v = json!({"SecretList": [{"Name": "nope"}, {"Name": "yes"}]});
        assert_eq!(run("SecretList[?Name==`nope`].Name", &v), json!(["nope"]));
        assert_eq!(run("SecretList[?Name==`a\\`b`]", &v), json!([]));
    }

    #[test]
    fn syntax_errors() {
        let e = Query::compile("SecretList[").expect_err("incomplete");
        assert_eq!(
            e.to_string(),
            "Bad value for --query SecretList[: Invalid jmespath expression: Incomplete expression:\n\"SecretList[\"\n            ^"
        );
        let e = Query::compile("a]").expect_err("bad token");
        assert!(matches!(e, QueryError::Syntax { .. }), "{e:?}");
        assert!(e.to_string().contains("(RBRACKET)"), "{e}");
        let e = Query::compile("`abc").expect_err("lexer");
        assert!(
            e.to_string().starts_with("Bad value for --query `abc: "),
            "{e}"
        );
    }

    #[test]
    fn runtime_errors() {
        let q = Query::compile("length(`5`)").expect("compiles");
        let e = q.apply(&json!({})).expect_err("bad type");
        assert!(matches!(e, QueryError::Runtime(_)));
        assert!(
            e.to_string()
                .starts_with("In function length(), invalid type for value"),
            "{e}"
        );
        let e = Query::compile("nope(@)")
            .expect("compiles")
            .apply(&json!({}));
        assert_eq!(
            e.expect_err("unknown").to_string(),
            "Unknown function: nope()"
        );
        let e = Query::compile("length(@, @)")
            .expect("compiles")
            .apply(&json!([]));
        assert_eq!(
            e.expect_err("arity").to_string(),
            "Expected 1 argument for function length(), received 2"
        );
    }

    #[test]
    fn source_round_trips() {
        let q = Query::compile("SecretList[].Name").expect("compiles");
        assert_eq!(q.source(), "SecretList[].Name");
        assert!(format!("{q:?}").contains("SecretList[].Name"));
    }
}

//! The AWS CLI's paginator for list-secrets: pages merged for json/table/yaml, printed one by
//! one for text/yaml-stream, `--max-items` truncation with botocore's resumable NextToken.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value, json};

#[derive(Debug, Default, Clone)]
pub struct PagingArgs {
    pub starting_token: Option<String>,
    pub page_size: Option<i64>,
    pub max_items: Option<i64>,
}

/// Where to resume: the service's NextToken and how many entries of that page were already printed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Resume {
    pub next_token: Option<String>,
    pub truncate: usize,
}

/// botocore's token: base64 of `json.dumps({"NextToken": ..., "boto_truncate_amount": n})`.
pub fn encode_token(r: &Resume) -> String {
    let token = match &r.next_token {
        Some(t) => serde_json::to_string(t).expect("invariant: a string serializes"),
        None => "null".into(),
    };
    let text = if r.truncate > 0 {
        format!(
            "{{\"NextToken\": {token}, \"boto_truncate_amount\": {}}}",
            r.truncate
        )
    } else {
        format!("{{\"NextToken\": {token}}}")
    };
    STANDARD.encode(text)
}

/// Reads a token from [`encode_token`]; anything else is taken as a raw service token,
/// as botocore does with legacy tokens.
pub fn decode_token(token: &str) -> Resume {
    let parsed = STANDARD
        .decode(token)
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .filter(Value::is_object);
    match parsed {
        Some(v) => Resume {
            next_token: v
                .get("NextToken")
                .and_then(Value::as_str)
                .map(str::to_string),
            truncate: v
                .get("boto_truncate_amount")
                .and_then(Value::as_u64)
                .unwrap_or(0) as usize,
        },
        None => Resume {
            next_token: Some(token.to_string()),
            truncate: 0,
        },
    }
}

/// One page as printed, and the CLI token to print after the last one.
pub struct Pages {
    pub pages: Vec<Value>,
    pub next_token: Option<String>,
}

impl Pages {
    /// The single document json, table and yaml print.
    pub fn merged(&self, result_key: &str) -> Value {
        let mut out = Map::new();
        let all: Vec<Value> = self
            .pages
            .iter()
            .flat_map(|p| {
                p.get(result_key)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        out.insert(result_key.to_string(), Value::Array(all));
        if let Some(t) = &self.next_token {
            out.insert("NextToken".into(), json!(t));
        }
        Value::Object(out)
    }
}

/// Calls `fetch(max_results, next_token)` page after page, as the CLI paginator does.
pub fn paginate<E>(
    args: &PagingArgs,
    result_key: &str,
    mut fetch: impl FnMut(Option<i64>, Option<String>) -> Result<Value, E>,
) -> Result<Pages, E> {
    let start = args
        .starting_token
        .as_deref()
        .map(decode_token)
        .unwrap_or_default();
    let mut token = start.next_token;
    let mut skip = start.truncate;
    let mut remaining = args.max_items.filter(|n| *n > 0).map(|n| n as usize);
    let mut pages = Vec::new();
    loop {
        let mut page = fetch(args.page_size, token.clone())?;
        let next = page
            .get("NextToken")
            .and_then(Value::as_str)
            .map(str::to_string);
        let Some(obj) = page.as_object_mut() else {
            break;
        };
        obj.remove("NextToken");
        let mut entries = obj
            .get(result_key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let consumed_before = skip.min(entries.len());
        entries.drain(..consumed_before);
        skip = 0;
        if let Some(left) = remaining {
            if entries.len() > left {
                entries.truncate(left);
                obj.insert(result_key.into(), Value::Array(entries));
                pages.push(page);
                let resume = Resume {
                    next_token: token,
                    truncate: consumed_before + left,
                };
                return Ok(Pages {
                    pages,
                    next_token: Some(encode_token(&resume)),
                });
            }
            remaining = Some(left - entries.len());
        }
        obj.insert(result_key.into(), Value::Array(entries));
        pages.push(page);
        match next {
            Some(n) => {
                if remaining == Some(0) {
                    let resume = Resume {
                        next_token: Some(n),
                        truncate: 0,
                    };
                    return Ok(Pages {
                        pages,
                        next_token: Some(encode_token(&resume)),
                    });
                }
                token = Some(n);
            }
            None => {
                return Ok(Pages {
                    pages,
                    next_token: None,
                });
            }
        }
    }
    Ok(Pages {
        pages,
        next_token: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::exit::CliError;

    #[test]
    fn tokens_match_botocore_bytes() {
        let t = encode_token(&Resume {
            next_token: None,
            truncate: 2,
        });
        assert_eq!(
            t,
            "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ=="
        );
        let t = encode_token(&Resume {
            next_token: Some("2".into()),
            truncate: 1,
        });
        assert_eq!(
            t,
            "eyJOZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9"
        );
        assert_eq!(
            decode_token(&t),
            Resume {
                next_token: Some("2".into()),
                truncate: 1
            }
        );
    }

    /// A fake service over `n` items with pages of `size`.
    fn service(n: usize) -> impl FnMut(Option<i64>, Option<String>) -> Result<Value, CliError> {
        move |size, token| {
            let size = size.unwrap_or(100) as usize;
            let start: usize = token.map(|t| t.parse().unwrap()).unwrap_or(0);
            let end = (start + size).min(n);
            let items: Vec<Value> = (start..end).map(|i| json!(i)).collect();
            let mut page = json!({"SecretList": items});
            if end < n {
                page["NextToken"] = json!(end.to_string());
            }
            Ok(page)
        }
    }

    fn args(page: Option<i64>, max: Option<i64>, start: Option<String>) -> PagingArgs {
        PagingArgs {
            starting_token: start,
            page_size: page,
            max_items: max,
        }
    }

    #[test]
    fn max_items_mid_page_resumes_exactly() {
        let p = paginate(&args(Some(2), Some(3), None), "SecretList", service(5)).unwrap();
        assert_eq!(p.merged("SecretList")["SecretList"], json!([0, 1, 2]));
        let tok = p.next_token.unwrap();
        assert_eq!(
            tok,
            "eyJOZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9"
        );
        let rest = paginate(&args(Some(2), None, Some(tok)), "SecretList", service(5)).unwrap();
        assert_eq!(rest.merged("SecretList")["SecretList"], json!([3, 4]));
    }

    #[test]
    fn all_pages_without_max_items() {
        let p = paginate(&args(Some(2), None, None), "SecretList", service(5)).unwrap();
        assert_eq!(p.pages.len(), 3);
        assert!(p.next_token.is_none());
    }

    #[test]
    fn max_items_on_page_boundary_gives_plain_token() {
        let p = paginate(&args(Some(2), Some(2), None), "SecretList", service(5)).unwrap();
        assert_eq!(
            decode_token(&p.next_token.unwrap()),
            Resume {
                next_token: Some("2".into()),
                truncate: 0
            }
        );
    }
}

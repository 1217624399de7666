//! From an API response to stdout: ISO timestamps, `--query`, then the chosen format.

use serde_json::Value;

use super::exit::CliError;
use crate::core::model::Millis;
use crate::render::{self, Query};

/// `datetime.fromtimestamp(ms / 1000, tzlocal()).isoformat()`: local zone,
/// `+00:00` rather than `Z`, microseconds only when non-zero.
pub fn iso8601(ms: Millis) -> String {
    use chrono::TimeZone;
    let Some(t) = chrono::Local.timestamp_millis_opt(ms).single() else {
        return ms.to_string();
    };
    let micros = t.timestamp_subsec_micros();
    let offset = t.format("%:z");
    if micros == 0 {
        format!("{}{offset}", t.format("%Y-%m-%dT%H:%M:%S"))
    } else {
        format!("{}.{micros:06}{offset}", t.format("%Y-%m-%dT%H:%M:%S"))
    }
}

/// Every timestamp member of the Secrets Manager model ends in `Date`; the
/// core gives them as epoch milliseconds, the CLI prints them as ISO strings.
pub fn convert_timestamps(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                if k.ends_with("Date")
                    && let Some(ms) = x.as_i64()
                {
                    *x = Value::String(iso8601(ms));
                    continue;
                }
                convert_timestamps(x);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(convert_timestamps),
        _ => {}
    }
}

pub struct Printer {
    pub format: String,
    pub query: Option<Query>,
    pub title: String,
    pub table_width: usize,
    pub color: bool,
}

impl Printer {
    pub fn new(
        format: &str,
        query: Option<&str>,
        title: &str,
        table_width: usize,
        color: bool,
    ) -> Result<Printer, CliError> {
        let query = query
            .map(Query::compile)
            .transpose()
            .map_err(|e| CliError::ParamValidation(e.to_string()))?;
        Ok(Printer {
            format: format.to_string(),
            query,
            title: title.to_string(),
            table_width,
            color,
        })
    }

    fn apply(&self, v: &Value) -> Result<Value, CliError> {
        match &self.query {
            Some(q) => q.apply(v).map_err(|e| CliError::General(e.to_string())),
            None => Ok(v.clone()),
        }
    }

    /// Renders a whole response (json, table, yaml, and text of an unpaginated one).
    pub fn render(&self, response: &Value) -> Result<String, CliError> {
        let v = self.apply(response)?;
        Ok(match self.format.as_str() {
            "json" => render::json(&v),
            "text" => render::text(&v),
            "table" => render::try_table(&v, &self.title, self.table_width, self.color)
                .map_err(|e| CliError::General(e.to_string()))?,
            "yaml" => render::yaml::yaml(&v),
            "yaml-stream" => render::yaml::yaml_stream_page(&v),
            "off" => String::new(),
            other => return Err(CliError::General(format!("Unknown output type: {other}"))),
        })
    }

    /// Whether pages are printed one by one (text and yaml-stream) rather than merged.
    pub fn per_page(&self) -> bool {
        matches!(self.format.as_str(), "text" | "yaml-stream")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_has_fraction_only_when_non_zero() {
        // These run with the process's zone; the conformance harness sets TZ=UTC.
        let whole = iso8601(1_523_477_145_000);
        assert!(!whole.contains('.'), "{whole}");
        let frac = iso8601(1_523_477_145_713);
        assert!(frac.contains(".713000"), "{frac}");
    }

    #[test]
    fn only_date_members_are_converted() {
        let mut v = serde_json::json!({"CreatedDate": 0, "Versions": [{"LastAccessedDate": 0}], "Count": 5});
        convert_timestamps(&mut v);
        assert!(v["CreatedDate"].is_string());
        assert!(v["Versions"][0]["LastAccessedDate"].is_string());
        assert_eq!(v["Count"], 5);
    }
}

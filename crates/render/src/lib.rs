//! Output renderers (json, text, table, yaml) and the `--query` wrapper, byte-compatible with
//! AWS CLI v2. Knows nothing of secrets or vaults.
//!
//! Every renderer takes a `serde_json::Value` whose objects are in AWS model order and whose
//! timestamps the caller has already turned into strings.

// Held to clippy.toml: the environment and the clock only where `#[allow]` says why.
#![deny(clippy::disallowed_methods)]

pub mod json;
pub mod py;
pub mod query;
pub mod table;
pub mod text;
pub mod yaml;

mod width;

pub use query::{Query, QueryError};
pub use table::TableError;
pub use text::text_page;

use serde_json::Value;

/// Python `json.dumps(v, indent=4, ensure_ascii=False)` + "\n"; "" for a top-level `{}`.
pub fn json(v: &Value) -> String {
    json::render(v)
}

/// AWS text formatter; "" for `{}` and `[]`. A top-level scalar prints `str(v)` + "\n"
/// (so null -> "None\n", "" -> "\n").
pub fn text(v: &Value) -> String {
    text::render(v)
}

/// AWS table formatter. `title` = API operation name (e.g. "DescribeSecret"); `max_width` =
/// terminal columns (80 when stdout is not a TTY); `color` = ANSI styling as with `--color on`.
/// Prints "" where the CLI would fail on ragged `--query` rows; use [`try_table`] to get that error.
pub fn table(v: &Value, title: &str, max_width: usize, color: bool) -> String {
    table::render(v, title, max_width, color)
}

/// [`table`], but reporting the CLI's `Row should have N elements, instead it has M` failure.
pub fn try_table(
    v: &Value,
    title: &str,
    max_width: usize,
    color: bool,
) -> Result<String, TableError> {
    table::try_render(v, title, max_width, color)
}

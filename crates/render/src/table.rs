//! `--output table`: a port of `awscli/formatter.py TableFormatter` (building sections) and
//! `awscli/table.py MultiTable` (rendering them), identical in CLI v1 and v2.
//!
//! Hand-written on purpose: comfy-table (or any table crate) cannot reproduce these bytes — the
//! CLI scales every section to the widest one with Python's round-half-even, flips one-row
//! sections vertically when the table is wider than the terminal, centres titles with its own
//! off-by-one formula and counts East-Asian ambiguous characters as two columns.

use serde_json::{Map, Value};

use super::py;
use super::width::text_width;

/// The CLI's `ValueError` when a `--query` yields rows of different lengths in one section.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Row should have {expected} elements, instead it has {actual}")]
pub struct TableError {
    pub expected: usize,
    pub actual: usize,
}

/// Render `v` as a table titled `title`; "" when `v` is falsy (`{}`, `[]`, `""`, `0`, null, false).
/// Rows of unequal length (only possible through `--query`) make the CLI fail with [`TableError`].
pub fn try_render(
    v: &Value,
    title: &str,
    max_width: usize,
    color: bool,
) -> Result<String, TableError> {
    let mut table = MultiTable::default();
    if !table.build(Some(title), v, 0)? {
        return Ok(String::new());
    }
    Ok(table.render(max_width, color))
}

/// Like [`try_render`] but prints nothing when the CLI would have failed.
pub fn render(v: &Value, title: &str, max_width: usize, color: bool) -> String {
    try_render(v, title, max_width, color).unwrap_or_default()
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

/// Python truthiness: the formatter skips falsy values entirely.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

#[derive(Debug, Default)]
struct Section {
    /// `None` is Python's `None` title (nested lists without a key): never printed, but its
    /// `str()` ("None", 4 columns) still counts towards the section width.
    title: Option<String>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    num_cols: Option<usize>,
    max_widths: Vec<usize>,
}

impl Section {
    fn new(title: Option<&str>, indent: usize) -> Section {
        Section {
            title: title.map(str::to_owned),
            indent,
            ..Section::default()
        }
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.update_max_widths(&headers);
        if self.num_cols.is_none() {
            self.num_cols = Some(headers.len());
        }
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), TableError> {
        let expected = *self.num_cols.get_or_insert(row.len());
        if row.len() != expected {
            return Err(TableError {
                expected,
                actual: row.len(),
            });
        }
        self.update_max_widths(&row);
        self.rows.push(row);
        Ok(())
    }

    fn update_max_widths(&mut self, cells: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = cells.iter().map(|c| text_width(c)).collect();
        } else {
            for (w, c) in self.max_widths.iter_mut().zip(cells) {
                *w = (*w).max(text_width(c));
            }
        }
    }

    fn title_width(&self) -> usize {
        self.title.as_deref().map_or(4, text_width)
    }

    /// `Section.total_width(padding=4, with_border=True, outer_padding=indent)`.
    fn total_width(&self) -> usize {
        let cols: usize = self.max_widths.iter().map(|w| w + 4).sum();
        let total = cols + 2 + 2 * self.indent;
        total.max(self.title_width() + 2 + 2 * self.indent)
    }

    /// `calculate_column_widths(padding=4, max_width)`: scale to `max_width`, then nudge.
    fn column_widths(&self, max_width: usize) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + 4).collect();
        if unscaled.is_empty() {
            return unscaled;
        }
        let sum: usize = unscaled.iter().sum();
        let scale = max_width as f64 / sum as f64;
        // Python 3 round() is round-half-even on the float product.
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|&u| (scale * u as f64).round_ties_even() as i64)
            .collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max_width as i64;
        let n = scaled.len();
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..n).rev().collect()
            } else {
                (0..n).collect()
            };
            for i in order {
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
            .into_iter()
            .map(|w| usize::try_from(w).unwrap_or(0))
            .collect()
    }
}

#[derive(Debug, Default)]
struct MultiTable {
    sections: Vec<Section>,
}

impl MultiTable {
    fn new_section(&mut self, title: Option<&str>, indent: usize) {
        self.sections.push(Section::new(title, indent));
    }

    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            // Unreachable through `try_render` (the top-level build always opens a section),
            // but an implicit first section mirrors MultiTable(initial_section=True).
            self.sections.push(Section::default());
        }
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), TableError> {
        self.current().add_row(row)
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.current().add_header(headers);
    }

    /// `TableFormatter._build_table`.
    fn build(
        &mut self,
        title: Option<&str>,
        cur: &Value,
        indent: usize,
    ) -> Result<bool, TableError> {
        if !truthy(cur) {
            return Ok(false);
        }
        if title.is_some() {
            self.new_section(title, indent);
        }
        match cur {
            Value::Array(items) => {
                if items.first().is_some_and(Value::is_object) {
                    self.table_from_list(items, indent, title)?;
                } else {
                    for item in items {
                        match item {
                            Value::Array(inner) if !inner.iter().all(is_scalar) => {
                                // Python passes no indent here, so nested lists restart at 0.
                                self.build(None, item, 0)?;
                            }
                            Value::Array(inner) => {
                                self.add_row(inner.iter().map(py::str_of).collect())?;
                            }
                            // Iterating a dict yields its keys, which the CLI prints as the row.
                            Value::Object(m) => self.add_row(m.keys().cloned().collect())?,
                            scalar => self.add_row(vec![py::str_of(scalar)])?,
                        }
                    }
                }
            }
            Value::Object(map) => self.table_from_dict(map, indent)?,
            // A scalar (e.g. --query Name) renders only the title.
            _ => {}
        }
        Ok(true)
    }

    fn table_from_dict(
        &mut self,
        map: &Map<String, Value>,
        indent: usize,
    ) -> Result<(), TableError> {
        let (scalars, nested) = group_members(map);
        if let [(key, value)] = scalars.as_slice() {
            // A single scalar member becomes a key/value row without a header line.
            self.add_row(vec![(*key).clone(), py::str_of(value)])?;
        } else if !scalars.is_empty() {
            let row = scalars.iter().map(|(_, v)| py::str_of(v)).collect();
            self.add_header(scalars.iter().map(|(k, _)| (*k).clone()).collect());
            self.add_row(row)?;
        }
        for (k, v) in nested {
            self.build(Some(k), v, indent + 1)?;
        }
        Ok(())
    }

    fn table_from_list(
        &mut self,
        items: &[Value],
        indent: usize,
        title: Option<&str>,
    ) -> Result<(), TableError> {
        let mut headers: Vec<String> = Vec::new();
        let mut more: Vec<String> = Vec::new();
        // Python would crash on non-object elements here; they are skipped instead.
        for m in items.iter().filter_map(Value::as_object) {
            let (h, n) = group_members(m);
            headers.extend(h.into_iter().map(|(k, _)| k.clone()));
            more.extend(n.into_iter().map(|(k, _)| k.clone()));
        }
        headers.sort();
        headers.dedup();
        more.sort();
        more.dedup();
        self.add_header(headers.clone());
        let empty = Map::new();
        for (i, item) in items.iter().enumerate() {
            // Elements with nested members each get their own section so the nesting is legible.
            if i > 0 && !more.is_empty() {
                self.new_section(title, indent);
                self.add_header(headers.clone());
            }
            let m = item.as_object().unwrap_or(&empty);
            let row = headers
                .iter()
                .map(|h| m.get(h).map(py::str_of).unwrap_or_default())
                .collect();
            self.add_row(row)?;
            for k in &more {
                if let Some(v) = m.get(k) {
                    self.build(Some(k), v, indent + 1)?;
                }
            }
        }
        Ok(())
    }

    fn max_width(&self) -> usize {
        self.sections
            .iter()
            .map(Section::total_width)
            .max()
            .unwrap_or(0)
    }

    /// `MultiTable.render`.
    fn render(&mut self, terminal_width: usize, color: bool) -> String {
        let mut width = self.max_width();
        if width > terminal_width {
            convert_to_vertical(&mut self.sections);
            width = self.max_width();
        }
        let mut out = Out::new(color);
        // One write, so colour mode emits a single reset after the newline.
        out.write(&format!("{}\n", "-".repeat(width)));
        for s in &self.sections {
            render_section(&mut out, s, width);
        }
        out.buf
    }
}

/// Scalar-valued and container-valued members of an object, each sorted by key.
type Members<'a> = Vec<(&'a String, &'a Value)>;

fn group_members(map: &Map<String, Value>) -> (Members<'_>, Members<'_>) {
    let (mut scalars, mut nested): (Members<'_>, Members<'_>) =
        map.iter().partition(|(_, v)| is_scalar(v));
    scalars.sort_by(|a, b| a.0.cmp(b.0));
    nested.sort_by(|a, b| a.0.cmp(b.0));
    (scalars, nested)
}

/// Too wide for the terminal: every one-row section with headers becomes header/value rows.
fn convert_to_vertical(sections: &mut [Section]) {
    for s in sections.iter_mut() {
        if s.rows.len() == 1 && !s.headers.is_empty() {
            let mut flipped = Section::new(s.title.as_deref(), s.indent);
            for (h, cell) in s.headers.iter().zip(&s.rows[0]) {
                // Two cells per row always, so this cannot fail.
                let _ = flipped.add_row(vec![h.clone(), cell.clone()]);
            }
            *s = flipped;
        }
    }
}

const BRIGHT_BLUE: &str = "\x1b[1m\x1b[34m";
const DIM_YELLOW: &str = "\x1b[2m\x1b[33m";
const RESET: &str = "\x1b[0m";

/// Output sink reproducing colorama's `autoreset`: in colour mode every `write()` of the CLI is
/// followed by a reset sequence, so the write boundaries matter.
struct Out {
    buf: String,
    color: bool,
}

impl Out {
    fn new(color: bool) -> Out {
        Out {
            buf: String::new(),
            color,
        }
    }

    fn write(&mut self, s: &str) {
        self.buf.push_str(s);
        if self.color {
            self.buf.push_str(RESET);
        }
    }

    /// `IndentedStream.write(line + "\n")`: left bars, line, right bars, newline — four writes.
    fn line(&mut self, indent: usize, line: &str) {
        let bar = if self.color {
            format!("{DIM_YELLOW}|{RESET}")
        } else {
            "|".to_owned()
        };
        let bars = bar.repeat(indent);
        self.write(&bars);
        self.write(line);
        self.write(&bars);
        self.write("\n");
    }

    fn cell(&self, text: &str) -> String {
        if self.color {
            format!("{BRIGHT_BLUE}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }
}

fn render_section(out: &mut Out, s: &Section, total: usize) {
    let width = total.saturating_sub(2 * s.indent);
    if let Some(title) = s.title.as_deref().filter(|t| !t.is_empty()) {
        out.line(s.indent, &center(title, text_width(title), width, "|", "|"));
        if s.headers.is_empty() && s.rows.is_empty() {
            out.line(s.indent, &format!("+{}+", dashes(width as i64 - 2)));
        }
    }
    if !s.headers.is_empty() {
        let widths = s.column_widths(width);
        out.line(s.indent, &rule(&widths));
        let mut line = String::new();
        for (i, (w, h)) in widths.iter().zip(&s.headers).enumerate() {
            let left = if i == 0 { "|" } else { "" };
            line.push_str(&center(h, text_width(h), *w, left, "|"));
        }
        out.line(s.indent, &line);
    }
    if !s.rows.is_empty() {
        let widths = s.column_widths(width);
        if widths.is_empty() {
            return;
        }
        out.line(s.indent, &rule(&widths));
        for row in &s.rows {
            let mut line = String::new();
            for (i, (w, cell)) in widths.iter().zip(row).enumerate() {
                let left = if i == 0 { "|" } else { "" };
                line.push_str(&align_left(
                    &out.cell(cell),
                    text_width(cell),
                    *w,
                    left,
                    "|",
                ));
            }
            out.line(s.indent, &line);
        }
        out.line(s.indent, &rule(&widths));
    }
}

/// Python `'-' * n` (negative counts give "").
fn dashes(n: i64) -> String {
    "-".repeat(usize::try_from(n).unwrap_or(0))
}

fn spaces(n: i64) -> String {
    " ".repeat(usize::try_from(n).unwrap_or(0))
}

/// `_write_line_break`: `+---+----+----+`.
fn rule(widths: &[usize]) -> String {
    let mut s = String::new();
    for (i, &w) in widths.iter().enumerate() {
        if i == 0 {
            s.push('+');
            s.push_str(&dashes(w as i64 - 2));
            s.push('+');
        } else {
            s.push_str(&dashes(w as i64 - 1));
            s.push('+');
        }
    }
    s
}

/// `center_text`: the start offset may go negative, and the right padding uses it unclamped.
fn center(text: &str, text_len: usize, length: usize, left: &str, right: &str) -> String {
    let (length, text_len) = (length as i64, text_len as i64);
    let start = length / 2 - text_len / 2 - 1;
    let so_far = text_width(left) as i64 + start + text_len;
    let right_spaces = length - text_width(right) as i64 - so_far;
    format!(
        "{left}{}{text}{}{right}",
        spaces(start),
        spaces(right_spaces)
    )
}

/// `align_left` with a 2-space left padding that is dropped when the cell is too narrow.
fn align_left(text: &str, text_len: usize, length: usize, left: &str, right: &str) -> String {
    let (length, text_len) = (length as i64, text_len as i64);
    let computed = text_len + 2 + text_width(left) as i64 + text_width(right) as i64;
    let pad = if length - computed >= 0 { 2 } else { 0 };
    let so_far = left.len() as i64 + pad + text_len;
    let fill = length - so_far - right.len() as i64;
    format!("{left}{}{text}{}{right}", spaces(pad), spaces(fill))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table(v: &Value, title: &str) -> String {
        render(v, title, 80, false)
    }

    #[test]
    fn get_random_password_bytes() {
        let v = json!({"RandomPassword": "eadiOml6wnSj3qQ7"});
        assert_eq!(
            table(&v, "GetRandomPassword").as_bytes(),
            &b"----------------------------------------\n|           GetRandomPassword          |\n+-----------------+--------------------+\n|  RandomPassword |  eadiOml6wnSj3qQ7  |\n+-----------------+--------------------+\n"[..]
        );
    }

    #[test]
    fn get_random_password_colour_bytes() {
        let v = json!({"RandomPassword": ")3UYvE2'"});
        assert_eq!(
            render(&v, "GetRandomPassword", 80, true).as_bytes(),
            &b"--------------------------------\n\x1b[0m\x1b[0m|       GetRandomPassword      |\x1b[0m\x1b[0m\n\x1b[0m\x1b[0m+-----------------+------------+\x1b[0m\x1b[0m\n\x1b[0m\x1b[0m|  \x1b[1m\x1b[34mRandomPassword\x1b[0m |  \x1b[1m\x1b[34m)3UYvE2'\x1b[0m  |\x1b[0m\x1b[0m\n\x1b[0m\x1b[0m+-----------------+------------+\x1b[0m\x1b[0m\n\x1b[0m"[..]
        );
    }

    // Expected bytes below were produced by the CLI's table.py/formatter.py code run under Python.
    #[test]
    fn colour_indent_bars() {
        let v = json!({"A": {"B": "c"}});
        let bar = "\x1b[2m\x1b[33m|\x1b[0m";
        let want = format!(
            concat!(
                "--------------\n\x1b[0m",
                "\x1b[0m|      T     |\x1b[0m\x1b[0m\n\x1b[0m",
                "\x1b[0m+------------+\x1b[0m\x1b[0m\n\x1b[0m",
                "{b}\x1b[0m|     A    |\x1b[0m{b}\x1b[0m\n\x1b[0m",
                "{b}\x1b[0m+----+-----+\x1b[0m{b}\x1b[0m\n\x1b[0m",
                "{b}\x1b[0m|  \x1b[1m\x1b[34mB\x1b[0m |  \x1b[1m\x1b[34mc\x1b[0m  |\x1b[0m{b}\x1b[0m\n\x1b[0m",
                "{b}\x1b[0m+----+-----+\x1b[0m{b}\x1b[0m\n\x1b[0m",
            ),
            b = bar
        );
        assert_eq!(render(&v, "T", 80, true), want);
    }

    #[test]
    fn describe_secret() {
        let v = json!({
            "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-eCcVmK",
            "Name": "MyTestSecret",
            "Description": "My test secret",
            "RotationEnabled": true,
            "RotationLambdaARN": "",
            "RotationRules": {"AutomaticallyAfterDays": 30},
            "LastRotatedDate": 1795830935,
            "LastChangedDate": 1795830929,
            "NextRotationDate": 1798422935,
            "Tags": [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "platform"}],
            "VersionIdsToStages": {
                "7c4b9aab-eb7a-45d2-8b45-8db440a76724": ["AWSPREVIOUS"],
                "ceb7b34d-2576-4a6b-adc2-811c550e42ff": ["AWSCURRENT"]
            },
            "CreatedDate": 1795830929
        });
        let want = "\
---------------------------------------------------------------------------------------------------
|                                         DescribeSecret                                          |
+-------------------+-----------------------------------------------------------------------------+
|  ARN              |  arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-eCcVmK   |
|  CreatedDate      |  1795830929                                                                 |
|  Description      |  My test secret                                                             |
|  LastChangedDate  |  1795830929                                                                 |
|  LastRotatedDate  |  1795830935                                                                 |
|  Name             |  MyTestSecret                                                               |
|  NextRotationDate |  1798422935                                                                 |
|  RotationEnabled  |  True                                                                       |
|  RotationLambdaARN|                                                                             |
+-------------------+-----------------------------------------------------------------------------+
||                                         RotationRules                                         ||
|+-----------------------------------------------------------------------------+-----------------+|
||  AutomaticallyAfterDays                                                     |  30             ||
|+-----------------------------------------------------------------------------+-----------------+|
||                                             Tags                                              ||
|+-------------------------------------+---------------------------------------------------------+|
||                 Key                 |                          Value                          ||
|+-------------------------------------+---------------------------------------------------------+|
||  env                                |  prod                                                   ||
||  team                               |  platform                                               ||
|+-------------------------------------+---------------------------------------------------------+|
||                                      VersionIdsToStages                                       ||
|+-----------------------------------------------------------------------------------------------+|
|||                            7c4b9aab-eb7a-45d2-8b45-8db440a76724                             |||
||+---------------------------------------------------------------------------------------------+||
|||  AWSPREVIOUS                                                                                |||
||+---------------------------------------------------------------------------------------------+||
|||                            ceb7b34d-2576-4a6b-adc2-811c550e42ff                             |||
||+---------------------------------------------------------------------------------------------+||
|||  AWSCURRENT                                                                                 |||
||+---------------------------------------------------------------------------------------------+||
";
        assert_eq!(table(&v, "DescribeSecret"), want);
    }

    #[test]
    fn list_secrets() {
        let v = json!({"SecretList": [
            {
                "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-eCcVmK",
                "Name": "MyTestSecret",
                "Description": "My test secret",
                "RotationEnabled": true,
                "RotationLambdaARN": "",
                "RotationRules": {"AutomaticallyAfterDays": 30},
                "LastRotatedDate": 1795830935,
                "LastChangedDate": 1795830929,
                "NextRotationDate": 1798422935,
                "Tags": [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "platform"}],
                "SecretVersionsToStages": {
                    "7c4b9aab-eb7a-45d2-8b45-8db440a76724": ["AWSPREVIOUS"],
                    "ceb7b34d-2576-4a6b-adc2-811c550e42ff": ["AWSCURRENT"]
                },
                "CreatedDate": 1795830929
            },
            {
                "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyBinarySecret-JSNYqK",
                "Name": "MyBinarySecret",
                "LastChangedDate": 1795830933,
                "SecretVersionsToStages": {"c1b0edb3-fbe5-4383-917c-1cace2036243": ["AWSCURRENT"]},
                "CreatedDate": 1795830933
            }
        ]});
        let want = "\
-------------------------------------------------------------------------------------------------------
|                                             ListSecrets                                             |
+-----------------------------------------------------------------------------------------------------+
||                                            SecretList                                             ||
|+--------------------+------------------------------------------------------------------------------+|
||  ARN               |  arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-eCcVmK    ||
||  CreatedDate       |  1795830929                                                                  ||
||  Description       |  My test secret                                                              ||
||  LastChangedDate   |  1795830929                                                                  ||
||  LastRotatedDate   |  1795830935                                                                  ||
||  Name              |  MyTestSecret                                                                ||
||  NextRotationDate  |  1798422935                                                                  ||
||  RotationEnabled   |  True                                                                        ||
||  RotationLambdaARN |                                                                              ||
|+--------------------+------------------------------------------------------------------------------+|
|||                                          RotationRules                                          |||
||+------------------------------------------------------------------------------+------------------+||
|||  AutomaticallyAfterDays                                                      |  30              |||
||+------------------------------------------------------------------------------+------------------+||
|||                                     SecretVersionsToStages                                      |||
||+-------------------------------------------------------------------------------------------------+||
||||                             7c4b9aab-eb7a-45d2-8b45-8db440a76724                              ||||
|||+-----------------------------------------------------------------------------------------------+|||
||||  AWSPREVIOUS                                                                                  ||||
|||+-----------------------------------------------------------------------------------------------+|||
||||                             ceb7b34d-2576-4a6b-adc2-811c550e42ff                              ||||
|||+-----------------------------------------------------------------------------------------------+|||
||||  AWSCURRENT                                                                                   ||||
|||+-----------------------------------------------------------------------------------------------+|||
|||                                              Tags                                               |||
||+--------------------------------------+----------------------------------------------------------+||
|||                  Key                 |                          Value                           |||
||+--------------------------------------+----------------------------------------------------------+||
|||  env                                 |  prod                                                    |||
|||  team                                |  platform                                                |||
||+--------------------------------------+----------------------------------------------------------+||
||                                            SecretList                                             ||
|+-------------------+-------------------------------------------------------------------------------+|
||  ARN              |  arn:aws:secretsmanager:us-east-1:123456789012:secret:MyBinarySecret-JSNYqK   ||
||  CreatedDate      |  1795830933                                                                   ||
||  Description      |                                                                               ||
||  LastChangedDate  |  1795830933                                                                   ||
||  LastRotatedDate  |                                                                               ||
||  Name             |  MyBinarySecret                                                               ||
||  NextRotationDate |                                                                               ||
||  RotationEnabled  |                                                                               ||
||  RotationLambdaARN|                                                                               ||
|+-------------------+-------------------------------------------------------------------------------+|
|||                                     SecretVersionsToStages                                      |||
||+-------------------------------------------------------------------------------------------------+||
||||                             c1b0edb3-fbe5-4383-917c-1cace2036243                              ||||
|||+-----------------------------------------------------------------------------------------------+|||
||||  AWSCURRENT                                                                                   ||||
|||+-----------------------------------------------------------------------------------------------+|||
";
        assert_eq!(table(&v, "ListSecrets"), want);
    }

    #[test]
    fn list_secret_version_ids() {
        let v = json!({
            "Versions": [
                {"VersionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "VersionStages": ["AWSPREVIOUS"],
                 "LastAccessedDate": 1523491200.0, "CreatedDate": 1523477145.713,
                 "KmsKeyIds": ["DefaultEncryptionKey"]},
                {"VersionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222", "VersionStages": ["AWSCURRENT"],
                 "CreatedDate": 1523486221.391, "KmsKeyIds": ["DefaultEncryptionKey"]}
            ],
            "NextToken": "AQICAHhEXAMPLETOKEN",
            "ARN": "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3",
            "Name": "MyTestSecret"
        });
        let want = "\
-------------------------------------------------------------------------------------------
|                                  ListSecretVersionIds                                   |
+-----------+-----------------------------------------------------------------------------+
|  ARN      |  arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3   |
|  Name     |  MyTestSecret                                                               |
|  NextToken|  AQICAHhEXAMPLETOKEN                                                        |
+-----------+-----------------------------------------------------------------------------+
||                                       Versions                                        ||
|+----------------------------+----------------------------------------------------------+|
||  CreatedDate               |  1523477145.713                                          ||
||  LastAccessedDate          |  1523491200.0                                            ||
||  VersionId                 |  a1b2c3d4-5678-90ab-cdef-EXAMPLE11111                    ||
|+----------------------------+----------------------------------------------------------+|
|||                                      KmsKeyIds                                      |||
||+-------------------------------------------------------------------------------------+||
|||  DefaultEncryptionKey                                                               |||
||+-------------------------------------------------------------------------------------+||
|||                                    VersionStages                                    |||
||+-------------------------------------------------------------------------------------+||
|||  AWSPREVIOUS                                                                        |||
||+-------------------------------------------------------------------------------------+||
||                                       Versions                                        ||
|+----------------------------+----------------------------------------------------------+|
||  CreatedDate               |  1523486221.391                                          ||
||  LastAccessedDate          |                                                          ||
||  VersionId                 |  a1b2c3d4-5678-90ab-cdef-EXAMPLE22222                    ||
|+----------------------------+----------------------------------------------------------+|
|||                                      KmsKeyIds                                      |||
||+-------------------------------------------------------------------------------------+||
|||  DefaultEncryptionKey                                                               |||
||+-------------------------------------------------------------------------------------+||
|||                                    VersionStages                                    |||
||+-------------------------------------------------------------------------------------+||
|||  AWSCURRENT                                                                         |||
||+-------------------------------------------------------------------------------------+||
";
        assert_eq!(table(&v, "ListSecretVersionIds"), want);
    }

    #[test]
    fn empty_list_secrets_bytes() {
        let v = json!({"SecretList": []});
        assert_eq!(
            table(&v, "ListSecrets").as_bytes(),
            b"-------------\n|ListSecrets|\n+-----------+\n"
        );
    }

    #[test]
    fn query_list_of_lists() {
        let v = json!([["MyTestSecret", "My test secret"]]);
        let want = "\
------------------------------------
|            ListSecrets           |
+---------------+------------------+
|  MyTestSecret |  My test secret  |
+---------------+------------------+
";
        assert_eq!(table(&v, "ListSecrets"), want);
    }

    #[test]
    fn falsy_and_scalar_results() {
        for v in [
            json!({}),
            json!([]),
            json!(""),
            json!(0),
            json!(null),
            json!(false),
        ] {
            assert_eq!(table(&v, "ListSecrets"), "", "{v}");
        }
        // A scalar (--query Name) renders only the title.
        assert_eq!(
            table(&json!("MyTestSecret"), "DescribeSecret"),
            "----------------\n|DescribeSecret|\n+--------------+\n"
        );
    }

    #[test]
    fn narrow_tables_keep_header_rows() {
        // Fits in 80 columns: a multi-column header section stays horizontal.
        let v = json!({"ARN": "a", "Name": "n"});
        let want = "\
-----------------
|   PutPolicy   |
+------+--------+
|  ARN | Name   |
+------+--------+
|  a   |  n     |
+------+--------+
";
        assert_eq!(table(&v, "PutPolicy"), want);
        // The same document at 10 columns flips vertically.
        let want = "\
---------------
|  PutPolicy  |
+-------+-----+
|  ARN  |  a  |
|  Name |  n  |
+-------+-----+
";
        assert_eq!(render(&v, "PutPolicy", 10, false), want);
    }

    #[test]
    fn east_asian_width_counts_two() {
        let want = "\
---------------
|      T      |
+----+--------+
|  K |  日本  |
+----+--------+
";
        assert_eq!(table(&json!({"K": "日本"}), "T"), want);
        // Ambiguous (é) counts 2 as well, which visibly misaligns the row, as in the CLI.
        let want = "\
-------------
|     T     |
+-----+-----+
|  K  |  L  |
+-----+-----+
|  é |  x  |
+-----+-----+
";
        assert_eq!(table(&json!({"K": "é", "L": "x"}), "T"), want);
    }

    #[test]
    fn sections_without_scalar_columns() {
        let v = json!({"SecretList": [
            {"Tags": [{"Key": "k", "Value": "v"}]},
            {"Tags": [{"Key": "k2", "Value": "v2"}]}
        ]});
        let want = "\
----------------------
|     ListSecrets    |
+--------------------+
||    SecretList    ||
|||      Tags      |||
||+------+---------+||
|||  Key |  Value  |||
||+------+---------+||
|||  k   |  v      |||
||+------+---------+||
||    SecretList    ||
|||      Tags      |||
||+------+---------+||
|||  Key |  Value  |||
||+------+---------+||
|||  k2  |  v2     |||
||+------+---------+||
";
        assert_eq!(table(&v, "ListSecrets"), want);
    }

    #[test]
    fn mismatched_rows_are_the_cli_value_error() {
        let v = json!([["a"], ["b", "c"]]);
        assert_eq!(
            try_render(&v, "ListSecrets", 80, false),
            Err(TableError {
                expected: 1,
                actual: 2
            })
        );
        assert_eq!(
            TableError {
                expected: 1,
                actual: 2
            }
            .to_string(),
            "Row should have 1 elements, instead it has 2"
        );
        assert_eq!(render(&v, "ListSecrets", 80, false), "");
    }

    #[test]
    fn round_half_even_column_widths() {
        let s = Section {
            max_widths: vec![14, 32],
            ..Section::default()
        };
        assert_eq!(s.column_widths(56), vec![19, 37]);
        // 18.5 rounds to 18 and 19.5 to 20 (Python round), then the sum is fixed up.
        let s = Section {
            max_widths: vec![33, 35],
            ..Section::default()
        };
        assert_eq!(s.column_widths(76).iter().sum::<usize>(), 76);
    }

    /// The conformance harness's table normalisation: runs of spaces and dashes collapsed,
    /// trailing blanks stripped, run-dependent values replaced by placeholders.
    fn collapse(out: &str, subst: &[(&str, &str)]) -> String {
        let mut text = out.to_owned();
        for (from, to) in subst {
            text = text.replace(from, to);
        }
        let squeeze = |line: &str, c: char, keep: &str| {
            let mut res = String::new();
            let mut run = 0;
            for ch in line.chars().chain(std::iter::once('\0')) {
                if ch == c {
                    run += 1;
                    continue;
                }
                match run {
                    0 => {}
                    1 => res.push(c),
                    _ => res.push_str(keep),
                }
                run = 0;
                if ch != '\0' {
                    res.push(ch);
                }
            }
            res
        };
        text.lines()
            .map(|l| {
                squeeze(&squeeze(l, ' ', " "), '-', "--")
                    .trim_end()
                    .to_owned()
                    + "\n"
            })
            .collect()
    }

    const ARN: &str = "arn:aws:secretsmanager:us-east-1:123456789012:secret:fmt-AbCdEf";
    const UUID: &str = "0a1b2c3d-0000-4000-8000-000000000001";
    const T: &str = "2026-05-09T07:35:25.123000+00:00";
    const SUBST: [(&str, &str); 3] = [
        (
            ARN,
            "arn:aws:secretsmanager:us-east-1:<ACCOUNT>:secret:fmt-<SUFFIX>",
        ),
        (UUID, "<UUID-1>"),
        (T, "<TIME>"),
    ];

    #[test]
    fn conformance_13_describe_secret() {
        let v = json!({"ARN": ARN, "Name": "fmt", "Description": "formats", "LastChangedDate": T,
                       "Tags": [{"Key": "k", "Value": "v"}],
                       "VersionIdsToStages": {UUID: ["AWSCURRENT"]}, "CreatedDate": T});
        let want = "--\n| DescribeSecret |\n+--+--+\n| ARN | arn:aws:secretsmanager:us-east-1:<ACCOUNT>:secret:fmt-<SUFFIX> |\n| CreatedDate | <TIME> |\n| Description | formats |\n| LastChangedDate| <TIME> |\n| Name | fmt |\n+--+--+\n|| Tags ||\n|+--+--+|\n|| Key | k ||\n|| Value | v ||\n|+--+--+|\n|| VersionIdsToStages ||\n|+--+|\n||| <UUID-1> |||\n||+--+||\n||| AWSCURRENT |||\n||+--+||\n";
        assert_eq!(collapse(&table(&v, "DescribeSecret"), &SUBST), want);
    }

    #[test]
    fn conformance_13_list_secret_version_ids() {
        let v = json!({"Versions": [{"VersionId": UUID, "VersionStages": ["AWSCURRENT"],
                                     "CreatedDate": T, "KmsKeyIds": ["DefaultEncryptionKey"]}],
                       "ARN": ARN, "Name": "fmt"});
        let want = "--\n| ListSecretVersionIds |\n+--+--+\n| ARN | Name |\n+--+--+\n| arn:aws:secretsmanager:us-east-1:<ACCOUNT>:secret:fmt-<SUFFIX> | fmt |\n+--+--+\n|| Versions ||\n|+--+--+|\n|| CreatedDate | VersionId ||\n|+--+--+|\n|| <TIME> | <UUID-1> ||\n|+--+--+|\n||| KmsKeyIds |||\n||+--+||\n||| DefaultEncryptionKey |||\n||+--+||\n||| VersionStages |||\n||+--+||\n||| AWSCURRENT |||\n||+--+||\n";
        assert_eq!(collapse(&table(&v, "ListSecretVersionIds"), &SUBST), want);
    }

    #[test]
    fn conformance_13_list_secrets() {
        let v = json!({"SecretList": [{"ARN": ARN, "Name": "fmt", "Description": "formats",
                       "LastChangedDate": T, "LastAccessedDate": T,
                       "Tags": [{"Key": "k", "Value": "v"}],
                       "SecretVersionsToStages": {UUID: ["AWSCURRENT"]}, "CreatedDate": T}]});
        let want = "--\n| ListSecrets |\n+--+\n|| SecretList ||\n|+--+--+|\n|| ARN | arn:aws:secretsmanager:us-east-1:<ACCOUNT>:secret:fmt-<SUFFIX> ||\n|| CreatedDate | <TIME> ||\n|| Description | formats ||\n|| LastAccessedDate| <TIME> ||\n|| LastChangedDate | <TIME> ||\n|| Name | fmt ||\n|+--+--+|\n||| SecretVersionsToStages |||\n||+--+||\n|||| <UUID-1> ||||\n|||+--+|||\n|||| AWSCURRENT ||||\n|||+--+|||\n||| Tags |||\n||+--+--+||\n||| Key | k |||\n||| Value | v |||\n||+--+--+||\n";
        assert_eq!(collapse(&table(&v, "ListSecrets"), &SUBST), want);
    }
}

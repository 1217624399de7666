//! `serve --principals FILE` / SMVAULT_PRINCIPALS_FILE (issue 19): the identity's other
//! principals from a mounted file (a compose or Kubernetes secret), so a stack gives each
//! client its own keys and policy without running `smvault principals add`. The file is a
//! JSON array of `{"name", "access_key_id", "secret_access_key", "policy"}` (the policy
//! optional, an IAM policy document as an object or as text); at each start the vault is
//! made to hold exactly those keys and policies for those names (service::principals::apply).

use std::path::Path;

use serde::Deserialize;
use zeroize::Zeroizing;

use super::exit::CliError;
use crate::service::Env;
use crate::service::principals::{Add, apply};

/// The most a principals file may hold: a list, not a data set.
const MAX_FILE: u64 = 1024 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    access_key_id: String,
    // Moved into a Zeroizing at once (zeroize's serde feature is not on).
    secret_access_key: String,
    #[serde(default)]
    policy: Option<serde_json::Value>,
}

/// The entries of a principals file's text; errors name the file, never a value.
fn parse(text: &str, file: &Path) -> Result<Vec<Add>, CliError> {
    let bad = |why: String| CliError::ParamValidation(format!("{}: {why}", file.display()));
    let entries: Vec<Entry> = serde_json::from_str(text).map_err(|e| {
        // serde's message names the line and column and what was expected; for a
        // misplaced value it may quote it, so only its position is kept.
        bad(format!(
            "not a JSON list of {{\"name\", \"access_key_id\", \"secret_access_key\", \"policy\"}} (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    let mut names = std::collections::HashSet::new();
    entries
        .into_iter()
        .map(|e| {
            if !names.insert(e.name.clone()) {
                return Err(bad(format!("principal {} is listed twice", e.name)));
            }
            let policy = match e.policy {
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(text)) => Some(text),
                Some(doc @ serde_json::Value::Object(_)) => Some(doc.to_string()),
                Some(_) => {
                    return Err(bad(format!(
                        "principal {}: policy must be a policy document (an object or its text)",
                        e.name
                    )));
                }
            };
            Ok(Add {
                name: e.name,
                policy,
                key: Some((e.access_key_id, Zeroizing::new(e.secret_access_key))),
            })
        })
        .collect()
}

/// Applies `file` to the vault and says on stderr what changed.
pub fn load(env: &Env, file: &Path) -> Result<(), CliError> {
    use std::io::Read;
    let mut text = Zeroizing::new(String::new());
    std::fs::File::open(file)
        .and_then(|f| f.take(MAX_FILE + 1).read_to_string(&mut text))
        .map_err(|e| CliError::General(format!("cannot read {}: {e}", file.display())))?;
    if text.len() as u64 > MAX_FILE {
        return Err(CliError::ParamValidation(format!(
            "{}: more than {MAX_FILE} bytes",
            file.display()
        )));
    }
    let wanted = parse(&text, file)?;
    let done = apply(env, &wanted).map_err(|e| match e {
        crate::service::Error::ParamValidation(m) => {
            CliError::ParamValidation(format!("{}: {m}", file.display()))
        }
        other => other.into(),
    })?;
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!(
            "smvault: principals from {}: {} added, {} changed, {} as they were\n",
            file.display(),
            done.added,
            done.changed,
            done.same
        )
        .as_bytes(),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> &'static Path {
        Path::new("p.json")
    }

    #[test]
    fn entries_with_a_policy_object_text_or_none() {
        let text = r#"[
            {"name": "ci", "access_key_id": "AKIACI", "secret_access_key": "s1",
             "policy": {"Version": "2012-10-17", "Statement": []}},
            {"name": "app", "access_key_id": "AKIAAPP", "secret_access_key": "s2", "policy": "{}"},
            {"name": "ops", "access_key_id": "AKIAOPS", "secret_access_key": "s3"}
        ]"#;
        let got = parse(text, file()).unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[0].policy.as_deref(),
            Some(r#"{"Version":"2012-10-17","Statement":[]}"#)
        );
        assert_eq!(got[1].policy.as_deref(), Some("{}"));
        assert_eq!(got[2].policy, None);
        let (id, secret) = got[2].key.as_ref().unwrap();
        assert_eq!((id.as_str(), secret.as_str()), ("AKIAOPS", "s3"));
    }

    #[test]
    fn a_malformed_file_is_refused_without_quoting_a_secret() {
        for text in [
            r#"{"name": "ci"}"#,
            r#"[{"name": "ci", "access_key_id": "A"}]"#,
            r#"[{"name": "ci", "access_key_id": "A", "secret_access_key": "hunter2", "extra": 1}]"#,
            r#"[{"name": "ci", "access_key_id": "A", "secret_access_key": 7}]"#,
        ] {
            let err = parse(text, file()).err().expect(text).to_string();
            assert!(err.contains("p.json") && !err.contains("hunter2"), "{err}");
        }
        let twice = r#"[{"name": "a", "access_key_id": "A", "secret_access_key": "s"},
                        {"name": "a", "access_key_id": "B", "secret_access_key": "t"}]"#;
        assert!(
            parse(twice, file())
                .err()
                .unwrap()
                .to_string()
                .contains("twice")
        );
        let bad_policy =
            r#"[{"name": "a", "access_key_id": "A", "secret_access_key": "s", "policy": 1}]"#;
        assert!(parse(bad_policy, file()).is_err());
    }
}

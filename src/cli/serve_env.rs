//! `serve` configured by a container's environment (issue 19), so a compose file needs no
//! command line: SMVAULT_LISTEN, SMVAULT_ALLOW_REMOTE, and the owner's key pair from
//! SMVAULT_ACCESS_KEY_ID / SMVAULT_SECRET_ACCESS_KEY (as MinIO takes its root user from
//! MINIO_ROOT_USER / MINIO_ROOT_PASSWORD), the seed folder from SMVAULT_SEED_DIR,
//! principals from SMVAULT_PRINCIPALS_FILE. Read in settings.rs, checked here; an option
//! on the command line beats its variable.

use std::ffi::OsString;

use clap::ArgMatches;
use clap::parser::ValueSource;
use zeroize::Zeroizing;

use super::exit::CliError;
use crate::serve::OwnerKeys;

/// The variables as the environment holds them (unset: `None`).
#[derive(Default)]
pub struct Vars {
    pub listen: Option<OsString>,
    pub seed_dir: Option<OsString>,
    pub principals_file: Option<OsString>,
    pub allow_remote: Option<OsString>,
    pub access_key_id: Option<OsString>,
    pub secret_access_key: Option<Zeroizing<String>>,
}

/// What `serve` takes from them, checked.
#[derive(Debug, PartialEq)]
pub struct FromEnv {
    pub listen: Option<String>,
    pub seed_dir: Option<std::path::PathBuf>,
    pub principals_file: Option<std::path::PathBuf>,
    pub allow_remote: bool,
    pub owner_keys: Option<OwnerKeys>,
}

/// The longest key id and secret key taken: IAM's AccessKeyId is at most 128 characters.
const MAX_KEY: usize = 128;

fn text(name: &str, value: &OsString) -> Result<String, CliError> {
    value
        .to_str()
        .map(str::to_string)
        .ok_or_else(|| CliError::ParamValidation(format!("{name}: not valid UTF-8")))
}

/// Checks the variables; every mistake is refused before anything is read or listened on.
pub fn check(vars: Vars) -> Result<FromEnv, CliError> {
    let listen = match &vars.listen {
        None => None,
        Some(v) => {
            let v = text("SMVAULT_LISTEN", v)?;
            if v.is_empty() {
                return Err(CliError::ParamValidation(
                    "SMVAULT_LISTEN is set but empty: give HOST:PORT, or unset it".into(),
                ));
            }
            Some(v)
        }
    };
    let path = |name: &str, v: Option<OsString>| match v {
        Some(v) if v.is_empty() => Err(CliError::ParamValidation(format!(
            "{name} is set but empty: give a path, or unset it"
        ))),
        v => Ok(v.map(std::path::PathBuf::from)),
    };
    let seed_dir = path("SMVAULT_SEED_DIR", vars.seed_dir)?;
    let principals_file = path("SMVAULT_PRINCIPALS_FILE", vars.principals_file)?;
    let allow_remote = match &vars.allow_remote {
        None => false,
        Some(v) => match text("SMVAULT_ALLOW_REMOTE", v)?
            .to_ascii_lowercase()
            .as_str()
        {
            "1" | "true" | "yes" | "on" => true,
            "" | "0" | "false" | "no" | "off" => false,
            other => {
                return Err(CliError::ParamValidation(format!(
                    "SMVAULT_ALLOW_REMOTE must be 1 or 0 (true/false, yes/no, on/off), got '{other}'"
                )));
            }
        },
    };
    let owner_keys = match (vars.access_key_id, vars.secret_access_key) {
        (None, None) => None,
        (Some(_), None) => {
            return Err(CliError::ParamValidation(
                "SMVAULT_ACCESS_KEY_ID is set without SMVAULT_SECRET_ACCESS_KEY: set both, or neither to use the vault's own keys".into(),
            ));
        }
        (None, Some(_)) => {
            return Err(CliError::ParamValidation(
                "SMVAULT_SECRET_ACCESS_KEY is set without SMVAULT_ACCESS_KEY_ID: set both, or neither to use the vault's own keys".into(),
            ));
        }
        (Some(id), Some(secret)) => {
            let id = text("SMVAULT_ACCESS_KEY_ID", &id)?;
            // The key id is a word of the signature's Credential=ID/date/region/... list.
            if id.is_empty()
                || id.len() > MAX_KEY
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
            {
                return Err(CliError::ParamValidation(format!(
                    "SMVAULT_ACCESS_KEY_ID must be 1 to {MAX_KEY} letters, digits, '-', '_' or '.', got '{}'",
                    id.escape_default()
                )));
            }
            // The secret is never repeated in a message.
            if secret.is_empty()
                || secret.len() > MAX_KEY
                || !secret.bytes().all(|b| b.is_ascii_graphic())
            {
                return Err(CliError::ParamValidation(format!(
                    "SMVAULT_SECRET_ACCESS_KEY must be 1 to {MAX_KEY} printable ASCII characters without spaces"
                )));
            }
            Some(OwnerKeys {
                access_key_id: id,
                secret_access_key: secret,
            })
        }
    };
    Ok(FromEnv {
        listen,
        seed_dir,
        principals_file,
        allow_remote,
        owner_keys,
    })
}

/// `--listen` when given on the command line, else SMVAULT_LISTEN, else the default.
pub fn listen(m: &ArgMatches, from_env: &FromEnv) -> String {
    let given = m.value_source("listen") == Some(ValueSource::CommandLine);
    let default = m.get_one::<String>("listen").cloned().unwrap_or_default();
    match &from_env.listen {
        Some(v) if !given => v.clone(),
        _ => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<OsString> {
        Some(s.into())
    }

    fn keys(id: &str, secret: &str) -> Vars {
        Vars {
            access_key_id: os(id),
            secret_access_key: Some(Zeroizing::new(secret.into())),
            ..Vars::default()
        }
    }

    #[test]
    fn nothing_set_changes_nothing() {
        let got = check(Vars::default()).unwrap();
        assert_eq!(
            got,
            FromEnv {
                listen: None,
                seed_dir: None,
                principals_file: None,
                allow_remote: false,
                owner_keys: None
            }
        );
    }

    #[test]
    fn allow_remote_takes_the_usual_booleans_and_refuses_others() {
        for (value, want) in [("1", true), ("TRUE", true), ("yes", true), ("0", false)] {
            let vars = Vars {
                allow_remote: os(value),
                ..Vars::default()
            };
            assert_eq!(check(vars).unwrap().allow_remote, want, "{value}");
        }
        let vars = Vars {
            allow_remote: os("maybe"),
            ..Vars::default()
        };
        assert!(check(vars).unwrap_err().to_string().contains("'maybe'"));
    }

    #[test]
    fn an_empty_listen_is_refused() {
        let vars = Vars {
            listen: os(""),
            ..Vars::default()
        };
        assert!(check(vars).is_err());
    }

    #[test]
    fn owner_keys_come_in_pairs() {
        let only_id = Vars {
            access_key_id: os("test"),
            ..Vars::default()
        };
        assert!(
            check(only_id)
                .unwrap_err()
                .to_string()
                .contains("without SMVAULT_SECRET_ACCESS_KEY")
        );
        let only_secret = Vars {
            secret_access_key: Some(Zeroizing::new("test".into())),
            ..Vars::default()
        };
        assert!(check(only_secret).is_err());
        let got = check(keys("test", "test")).unwrap().owner_keys.unwrap();
        assert_eq!(got.access_key_id, "test");
        assert_eq!(got.secret_access_key.as_str(), "test");
    }

    #[test]
    fn a_key_id_that_cannot_be_a_credential_word_is_refused() {
        for id in ["", "a/b", "a b", "a,b", &"A".repeat(129)] {
            assert!(check(keys(id, "s")).is_err(), "{id:?}");
        }
    }

    #[test]
    fn a_bad_secret_is_refused_without_being_repeated() {
        let err = check(keys("test", "top secret")).unwrap_err().to_string();
        assert!(!err.contains("top secret") && !err.contains("top"), "{err}");
        assert!(check(keys("test", "")).is_err());
        assert!(check(keys("test", "\u{fffd}")).is_err());
    }
}

//! `smvault serve --write-profile NAME`: a named AWS profile that reaches `serve`, so the
//! local endpoint and its keys stay apart from the shell's real AWS credentials
//! (`--print-env`'s exports replace them for every tool in that shell). The profile's
//! keys go into the credentials file as `[NAME]`; its region and a `services` section
//! whose `secrets_manager` and `sts` entries set `endpoint_url` go into the config file
//! (the SDKs' service-specific endpoints, botocore 1.31+ and the AWS CLI v2: the key is
//! the service id in snake case, `secrets_manager`). Every other section and line of both
//! files is kept byte for byte; each file is replaced atomically with mode 0600.

use std::path::Path;

use super::exit::CliError;
use crate::serve::ClientSettings;

/// The services section the profile names: one per profile, so two profiles for two
/// servers do not share endpoints.
fn services_name(profile: &str) -> String {
    format!("smvault-{profile}")
}

/// A profile name the files can hold: a section header's word.
pub fn check_name(name: &str) -> Result<(), CliError> {
    if name.is_empty()
        || name.len() > 64
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.@+".contains(&b))
    {
        return Err(CliError::ParamValidation(format!(
            "--write-profile: '{}' is not a profile name (1 to 64 letters, digits, '-', '_', '.', '@', '+')",
            name.escape_default()
        )));
    }
    Ok(())
}

/// The header of a section line, `[ name ]` → `name`; `None` for any other line.
fn header(line: &str) -> Option<&str> {
    let t = line.trim();
    t.strip_prefix('[')?
        .strip_suffix(']')
        .map(|n| n.trim())
        .or_else(|| {
            // A comment after the header: `[name] # note`.
            let inner = t.strip_prefix('[')?;
            let (name, rest) = inner.split_once(']')?;
            let rest = rest.trim_start();
            (rest.starts_with('#') || rest.starts_with(';')).then_some(name.trim())
        })
}

/// `text` with section `name` (its header and body up to the next header) replaced by
/// `section`, or with `section` appended when there is none. Other lines stay as they are.
fn set_section(text: &str, name: &str, section: &str) -> String {
    let mut out = String::with_capacity(text.len() + section.len() + 1);
    let mut skipping = false;
    let mut placed = false;
    for line in text.split_inclusive('\n') {
        if let Some(h) = header(line) {
            skipping = h == name;
            if skipping {
                if !placed {
                    out.push_str(section);
                    placed = true;
                }
                continue;
            }
        }
        if !skipping {
            out.push_str(line);
        }
    }
    if !placed {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(section);
    }
    out
}

/// The config file with the profile's section and its services section set.
fn config_text(old: &str, profile: &str, c: &ClientSettings) -> String {
    let services = services_name(profile);
    // The config file names every profile but the default `profile NAME`.
    let header = if profile == "default" {
        "default".to_string()
    } else {
        format!("profile {profile}")
    };
    let text = set_section(
        old,
        &header,
        &format!(
            "[{header}]\nregion = {}\nservices = {services}\n\n",
            c.region
        ),
    );
    set_section(
        &text,
        &format!("services {services}"),
        &format!(
            "[services {services}]\nsecrets_manager =\n  endpoint_url = {0}\nsts =\n  endpoint_url = {0}\n\n",
            c.endpoint
        ),
    )
}

/// The credentials file with the profile's key pair set.
fn credentials_text(old: &str, profile: &str, c: &ClientSettings) -> String {
    set_section(
        old,
        profile,
        &format!(
            "[{profile}]\naws_access_key_id = {}\naws_secret_access_key = {}\n\n",
            c.access_key_id,
            c.secret_access_key.as_str()
        ),
    )
}

fn read(path: &Path) -> Result<String, CliError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            CliError::General(format!(
                "{}: not UTF-8 text; left unchanged",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(CliError::General(format!(
            "cannot read {}: {e}",
            path.display()
        ))),
    }
}

/// Where a file's content goes: through a link to the file it names (a dotfiles
/// checkout), so the link stays one.
fn target_of(path: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn write(path: &Path, text: &str) -> Result<(), CliError> {
    crate::service::create_private_dir(path)?;
    Ok(crate::service::write_private(
        &target_of(path),
        text.as_bytes(),
    )?)
}

/// Writes profile `profile` into `config` and `credentials`; returns the line to print.
pub fn write_profile(
    profile: &str,
    c: &ClientSettings,
    config: &Path,
    credentials: &Path,
) -> Result<String, CliError> {
    check_name(profile)?;
    // Both read before either is written: an unreadable file changes nothing.
    let old_config = read(config)?;
    let old_credentials = read(credentials)?;
    write(credentials, &credentials_text(&old_credentials, profile, c))?;
    write(config, &config_text(&old_config, profile, c))?;
    Ok(format!(
        "profile {profile}: {} ({}) with key {} in {} and {}; use AWS_PROFILE={profile} or --profile {profile}\n",
        c.endpoint,
        c.region,
        c.access_key_id,
        config.display(),
        credentials.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use zeroize::Zeroizing;

    fn settings() -> ClientSettings {
        ClientSettings {
            endpoint: "http://127.0.0.1:2773".into(),
            access_key_id: "AKIAEXAMPLE".into(),
            secret_access_key: Zeroizing::new("s3cret".into()),
            region: "eu-west-1".into(),
            agent_token: None,
        }
    }

    #[test]
    fn a_new_profile_is_appended_and_others_are_kept_byte_for_byte() {
        let old = "[default]\nregion = us-east-1\n# a comment\n\n[profile work]\nregion=eu-central-1\nsso_session = corp\n";
        let new = config_text(old, "smv", &settings());
        assert!(new.starts_with(old), "{new}");
        assert_eq!(
            &new[old.len()..],
            "\n[profile smv]\nregion = eu-west-1\nservices = smvault-smv\n\n[services smvault-smv]\nsecrets_manager =\n  endpoint_url = http://127.0.0.1:2773\nsts =\n  endpoint_url = http://127.0.0.1:2773\n\n"
        );
    }

    #[test]
    fn writing_again_replaces_the_profile_in_place() {
        let old =
            "[a]\nx = 1\n[smv]\naws_access_key_id = OLD\naws_secret_access_key = OLD\n[b]\ny = 2\n";
        let new = credentials_text(old, "smv", &settings());
        assert_eq!(
            new,
            "[a]\nx = 1\n[smv]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = s3cret\n\n[b]\ny = 2\n"
        );
        assert_eq!(credentials_text(&new, "smv", &settings()), new);
    }

    #[test]
    fn the_default_profile_is_named_without_the_profile_word() {
        let new = config_text("", "default", &settings());
        assert!(new.starts_with("[default]\nregion = eu-west-1\n"), "{new}");
    }

    #[test]
    fn a_similar_name_or_a_commented_header_is_told_apart() {
        let old = "[smv2]\nk = 1\n[ smv ] # old\nk = 2\n";
        let new = set_section(old, "smv", "[smv]\nk = 3\n");
        assert_eq!(new, "[smv2]\nk = 1\n[smv]\nk = 3\n");
    }

    #[test]
    fn names_a_section_header_cannot_hold_are_refused() {
        for bad in ["", "a b", "a]", "[a", "x\ny", &"a".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_name("smvault-local").is_ok());
    }
}

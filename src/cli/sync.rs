//! `push` and `pull` at the CLI, in the `smvault-remote` binary ([`super::binaries`]): their
//! options and environment become the `remote` edge's `Options`; a build without the
//! `aws` feature refuses them.

#[cfg(feature = "aws")]
use clap::ArgMatches;

use super::exit::CliError;
#[cfg(feature = "aws")]
use super::settings::Settings;

/// push/pull in the `smvault-remote` binary, the one that links the SDK.
#[cfg(feature = "aws")]
pub fn run_here(verb: &str, m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let options = options(m)?;
    let summary = match verb {
        "push" => crate::remote::push(&settings.env, &options)?,
        _ => crate::remote::pull(&settings.env, &options)?,
    };
    super::print(&summary.line())?;
    if summary.all_copied() {
        Ok(())
    } else {
        Err(CliError::Partial)
    }
}

/// Without the SDK (`cargo build --no-default-features`), the commands stay in the
/// command line (its help, completions and man pages are the same in every build) and
/// say why they cannot run.
pub fn not_built(command: &str) -> CliError {
    CliError::Unavailable(format!(
        "`{command}` needs the AWS SDK, which this build of smvault leaves out (it was built without the default cargo feature `aws`); install a build with it: cargo install smvault"
    ))
}

#[cfg(feature = "aws")]
fn options(m: &ArgMatches) -> Result<crate::remote::Options, CliError> {
    use crate::core::filters;
    let filters = m
        .get_many::<String>("filter")
        .into_iter()
        .flatten()
        .map(|f| parse_filter(f))
        .collect::<Result<Vec<_>, _>>()?;
    filters::validate(&filters).map_err(|e| CliError::ParamValidation(e.to_string()))?;
    Ok(crate::remote::Options {
        endpoint_url: m.get_one::<String>("endpoint-url").cloned(),
        profile: m.get_one::<String>("profile").cloned(),
        filters,
        dry_run: m.get_flag("dry-run"),
        overwrite: m.get_flag("overwrite"),
        max_attempts: Settings::max_attempts(),
        stop_after: super::settings::test_env("SMVAULT_TEST_PUSH_STOP_AFTER")
            .and_then(|n| n.parse().ok()),
    })
}

/// `--filter KEY=VALUE[,VALUE…]`: one ListSecrets filter (values ORed; a
/// leading `!` negates a value, as in `list-secrets --filters`).
#[cfg(feature = "aws")]
fn parse_filter(text: &str) -> Result<crate::core::filters::Filter, CliError> {
    use crate::core::filters;
    let Some((key, values)) = text.split_once('=') else {
        return Err(CliError::ParamValidation(format!(
            "--filter '{text}': expected KEY=VALUE[,VALUE...], with KEY one of {}",
            filters::FILTER_KEYS.join(", ")
        )));
    };
    Ok(filters::Filter {
        key: key.to_string(),
        values: values.split(',').map(str::to_string).collect(),
    })
}

#[cfg(all(test, feature = "aws"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_filter_is_its_key_and_its_comma_separated_values(
            key in "[a-z-]{1,14}",
            values in proptest::collection::vec("!?[a-zA-Z0-9/_.@+=-]{0,10}", 1..5),
        ) {
            let f = parse_filter(&format!("{key}={}", values.join(","))).unwrap();
            prop_assert_eq!(f.key, key);
            prop_assert_eq!(f.values, values);
        }

        #[test]
        fn any_filter_text_parses_or_is_refused_without_a_panic(text in "\\PC*") {
            let _ = parse_filter(&text);
        }
    }

    #[test]
    fn a_filter_without_a_key_is_refused_with_the_keys() {
        let e = parse_filter("prod/").unwrap_err().to_string();
        assert!(
            e.contains("expected KEY=VALUE") && e.contains("tag-key"),
            "{e}"
        );
    }

    #[test]
    fn a_run_with_secrets_left_out_exits_1() {
        assert_eq!(CliError::Partial.exit_code(), 1);
    }
}

#[cfg(test)]
mod build_tests {
    use super::*;

    #[test]
    fn a_build_without_the_sdk_refuses_push_and_pull_with_252_and_the_reason() {
        for command in ["push", "pull"] {
            let e = not_built(command);
            assert_eq!(e.exit_code(), 252);
            let text = e.to_string();
            assert!(
                text.contains(&format!("`{command}`")) && text.contains("feature `aws`"),
                "{text}"
            );
        }
    }
}

//! The command line, built with clap from the API model: one subcommand per operation,
//! one option per input member, the AWS CLI's global options, and smvault's own commands.

use clap::{Arg, ArgAction, Command};

use super::help;
use super::model::{MemberRef, model, xform_name};

/// Global options of the AWS CLI that take a value (needed to find the
/// service word in `aws --region x secretsmanager ...`).
pub const GLOBAL_VALUE_OPTIONS: &[&str] = &[
    "--region",
    "--output",
    "--query",
    "--profile",
    "--endpoint-url",
    "--ca-bundle",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--cli-binary-format",
    "--color",
    "--cli-error-format",
    "--vault",
    "--identity",
];

/// Operations the CLI paginates itself (botocore's paginators-1.json).
pub fn is_paginated(op: &str) -> bool {
    op == "ListSecrets"
}

fn global(arg: Arg) -> Arg {
    arg.global(true).help_heading("Global options")
}

fn global_args() -> Vec<Arg> {
    let ignored = "Accepted for compatibility; no effect on a local vault";
    vec![
        global(Arg::new("output").long("output").value_name("FORMAT").value_parser(["json", "text", "table", "yaml", "yaml-stream", "off"]).help("Output format (default: AWS_DEFAULT_OUTPUT, else json)")),
        global(Arg::new("query").long("query").value_name("JMESPATH").help("JMESPath expression applied to the response")),
        global(Arg::new("region").long("region").value_name("REGION").help("Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault's, us-east-1)")),
        global(Arg::new("no-paginate").long("no-paginate").action(ArgAction::SetTrue).help("Return one page only (list-secrets)")),
        global(Arg::new("debug").long("debug").action(ArgAction::SetTrue).help("Log what smvault does to stderr (never a secret value)")),
        global(Arg::new("color").long("color").value_name("on|off|auto").value_parser(["on", "off", "auto"]).help("Colour table output")),
        global(Arg::new("cli-binary-format").long("cli-binary-format").value_parser(["base64", "raw-in-base64-out"]).help("How blob arguments are read: base64 (default) or raw bytes")),
        global(Arg::new("version").long("version").action(ArgAction::SetTrue).help("Print the version")),
        global(Arg::new("vault").long("vault").value_name("PATH").help("Vault file (default: SMVAULT_FILE, else the user data directory)")),
        global(Arg::new("identity").long("identity").value_name("PATH").help("age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)")),
        global(Arg::new("profile").long("profile").value_name("NAME").help(ignored)),
        global(Arg::new("endpoint-url").long("endpoint-url").value_name("URL").help(ignored)),
        global(Arg::new("no-cli-pager").long("no-cli-pager").action(ArgAction::SetTrue).help(ignored)),
        global(Arg::new("no-verify-ssl").long("no-verify-ssl").action(ArgAction::SetTrue).hide(true)),
        global(Arg::new("no-sign-request").long("no-sign-request").action(ArgAction::SetTrue).hide(true)),
        global(Arg::new("ca-bundle").long("ca-bundle").hide(true)),
        global(Arg::new("cli-read-timeout").long("cli-read-timeout").value_parser(clap::value_parser!(i64)).hide(true)),
        global(Arg::new("cli-connect-timeout").long("cli-connect-timeout").value_parser(clap::value_parser!(i64)).hide(true)),
        global(Arg::new("no-cli-auto-prompt").long("no-cli-auto-prompt").action(ArgAction::SetTrue).hide(true)),
        global(Arg::new("cli-auto-prompt").long("cli-auto-prompt").action(ArgAction::SetTrue).hide(true)),
        global(Arg::new("cli-error-format").long("cli-error-format").hide(true)),
    ]
}

/// The whole command line.
pub fn command(prog: &str) -> Command {
    let m = model();
    let mut cmd = Command::new(prog.to_string())
        .about("aws secretsmanager, offline, on one age-encrypted vault file")
        .version(env!("CARGO_PKG_VERSION"))
        .disable_version_flag(true)
        .subcommand_required(true)
        .infer_long_args(true)
        .args_override_self(true)
        .allow_negative_numbers(true)
        .args(global_args());
    for (i, (name, op)) in m.operations.iter().enumerate() {
        cmd = cmd.subcommand(operation_command(name, &op.input).display_order(i));
    }
    cmd.subcommand(
        Command::new("init")
            .about("Create the identity (if missing) and an empty vault, and print where they are")
            .display_order(100)
            .arg(
                Arg::new("account-id")
                    .long("account-id")
                    .value_name("ID")
                    .help("Account id used in ARNs (default 123456789012)"),
            )
            .arg(
                Arg::new("default-region")
                    .long("default-region")
                    .value_name("REGION")
                    .help("Region used when neither --region nor AWS_REGION is set"),
            ),
    )
    .subcommand(
        Command::new("generate")
            .about("Write shell completions or man pages")
            .hide(true)
            .arg(
                Arg::new("what")
                    .required(true)
                    .value_parser(["completions", "man"]),
            )
            .arg(
                Arg::new("target")
                    .required(true)
                    .help("A shell name for completions, a directory for man pages"),
            ),
    )
}

fn operation_command(op: &str, input: &str) -> Command {
    let m = model();
    let shape = m.shape(input);
    let mut cmd = Command::new(xform_name(op)).about(help::operation(op));
    let input_args = ["cli-input-json", "cli-input-yaml", "generate-cli-skeleton"];
    for (member, r) in shape.members.iter() {
        if is_paginated(op) && (member == "MaxResults" || member == "NextToken") {
            // The paginator takes over these; they stay usable but hidden, like the AWS CLI's.
            cmd = cmd.arg(value_arg(member, r).hide(true));
            continue;
        }
        let required = shape.required.contains(member) && !r.idempotency_token;
        match m.shape(&r.shape).kind.as_str() {
            "boolean" => {
                let no = format!("no-{member}");
                cmd = cmd
                    .arg(
                        Arg::new(member.clone())
                            .long(xform_name(member))
                            .action(ArgAction::SetTrue)
                            .overrides_with(&no)
                            .help(member_help(member, r)),
                    )
                    .arg(
                        Arg::new(no.clone())
                            .long(format!("no-{}", xform_name(member)))
                            .action(ArgAction::SetTrue)
                            .overrides_with(member)
                            .hide(true),
                    );
            }
            _ => {
                let mut arg = value_arg(member, r);
                if required {
                    arg = arg.required_unless_present_any(input_args);
                }
                cmd = cmd.arg(arg);
            }
        }
    }
    if is_paginated(op) {
        cmd = cmd
            .arg(
                Arg::new("starting-token")
                    .long("starting-token")
                    .value_name("TOKEN")
                    .help("Token printed by a previous call as NextToken")
                    .help_heading("Pagination"),
            )
            .arg(
                Arg::new("page-size")
                    .long("page-size")
                    .value_name("N")
                    .value_parser(clap::value_parser!(i64))
                    .help("Entries fetched per page")
                    .help_heading("Pagination"),
            )
            .arg(
                Arg::new("max-items")
                    .long("max-items")
                    .value_name("N")
                    .value_parser(clap::value_parser!(i64))
                    .help("Most entries to print; prints a NextToken when there are more")
                    .help_heading("Pagination"),
            );
    }
    cmd.arg(
        Arg::new("cli-input-json")
            .long("cli-input-json")
            .value_name("JSON")
            .help("Read the request from JSON (or file://PATH); options given override it")
            .help_heading("Input"),
    )
    .arg(
        Arg::new("cli-input-yaml")
            .long("cli-input-yaml")
            .value_name("YAML")
            .help("Read the request from YAML (or file://PATH)")
            .help_heading("Input"),
    )
    .arg(
        Arg::new("generate-cli-skeleton")
            .long("generate-cli-skeleton")
            .num_args(0..=1)
            .default_missing_value("input")
            .value_parser(["input", "output", "yaml-input"])
            .help("Print a request template instead of running")
            .help_heading("Input"),
    )
}

fn value_arg(member: &str, r: &MemberRef) -> Arg {
    let m = model();
    let kind = m.shape(&r.shape).kind.as_str();
    let arg = Arg::new(member.to_string())
        .long(xform_name(member))
        .value_name(value_name(kind))
        .help(member_help(member, r));
    match kind {
        "list" | "map" => arg.num_args(0..).action(ArgAction::Set),
        _ => arg.num_args(1).action(ArgAction::Set),
    }
}

fn value_name(kind: &str) -> &'static str {
    match kind {
        "list" => "VALUES",
        "structure" | "map" => "SHORTHAND|JSON",
        "long" | "integer" => "N",
        "blob" => "BASE64|fileb://PATH",
        _ => "STRING",
    }
}

fn member_help(member: &str, r: &MemberRef) -> String {
    help::member(member).map(str::to_string).unwrap_or_else(|| {
        let kind = &model().shape(&r.shape).kind;
        format!("{member} ({kind})")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_is_consistent() {
        command("smvault").debug_assert();
    }

    #[test]
    fn unique_prefixes_and_last_repeat_win() {
        let m = command("smvault")
            .try_get_matches_from([
                "smvault",
                "get-secret-value",
                "--secret",
                "a",
                "--secret-id",
                "b",
                "--quer",
                "Name",
            ])
            .unwrap();
        let (_, sub) = m.subcommand().unwrap();
        assert_eq!(sub.get_one::<String>("SecretId").unwrap(), "b");
        assert_eq!(sub.get_one::<String>("query").unwrap(), "Name");
    }

    #[test]
    fn boolean_pairs_last_wins() {
        let m = command("smvault")
            .try_get_matches_from([
                "smvault",
                "get-random-password",
                "--exclude-punctuation",
                "--no-exclude-punctuation",
            ])
            .unwrap();
        let (_, sub) = m.subcommand().unwrap();
        assert!(!sub.get_flag("ExcludePunctuation"));
        assert!(sub.get_flag("no-ExcludePunctuation"));
    }

    #[test]
    fn list_options_take_many_words_and_repeat_replaces() {
        let m = command("smvault")
            .try_get_matches_from([
                "smvault",
                "untag-resource",
                "--secret-id",
                "a",
                "--tag-keys",
                "x",
                "y",
                "--tag-keys",
                "z",
            ])
            .unwrap();
        let (_, sub) = m.subcommand().unwrap();
        let keys: Vec<&String> = sub.get_many::<String>("TagKeys").unwrap().collect();
        assert_eq!(keys, ["z"]);
    }

    #[test]
    fn missing_required_option_is_an_error() {
        assert!(
            command("smvault")
                .try_get_matches_from(["smvault", "get-secret-value"])
                .is_err()
        );
        assert!(
            command("smvault")
                .try_get_matches_from(["smvault", "get-secret-value", "--cli-input-json", "{}"])
                .is_ok()
        );
    }
}

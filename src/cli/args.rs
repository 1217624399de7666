//! The command line, built with clap from the API model: one subcommand per operation,
//! one option per input member, the AWS CLI's global options, and smvault's own commands.

use clap::builder::{StyledStr, Styles};
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

/// An AWS CLI global option that means nothing offline: accepted (with the same value
/// checks) so that AWS CLI command lines work, shown by `--help` but not by `-h`.
fn ignored(arg: Arg, why: &'static str) -> Arg {
    global(arg).help(why).hide_short_help(true)
}

fn global_args() -> Vec<Arg> {
    vec![
        global(Arg::new("output").long("output").value_name("FORMAT").value_parser(["json", "text", "table", "yaml", "yaml-stream", "off"]).help("Output format (default: AWS_DEFAULT_OUTPUT, else json)")),
        global(Arg::new("query").long("query").value_name("JMESPATH").help("JMESPath expression applied to the response")),
        global(Arg::new("region").long("region").value_name("REGION").help("Region in ARNs and of the secrets used (default: AWS_REGION, AWS_DEFAULT_REGION, the vault's, us-east-1)")),
        global(Arg::new("no-paginate").long("no-paginate").action(ArgAction::SetTrue).help("Return one page only (list-secrets)")),
        global(Arg::new("debug").long("debug").action(ArgAction::SetTrue).help("Log the operation, vault path and region to stderr (never a secret value)")),
        global(Arg::new("color").long("color").value_name("on|off|auto").value_parser(["on", "off", "auto"]).help("Colour table output")),
        global(Arg::new("cli-binary-format").long("cli-binary-format").value_name("FORMAT").value_parser(["base64", "raw-in-base64-out"]).help("How blob arguments are read: base64 (default) or raw bytes")),
        global(Arg::new("version").long("version").action(ArgAction::SetTrue).help("Print the version")),
        global(Arg::new("vault").long("vault").value_name("PATH").help("Vault file (default: SMVAULT_FILE, else the user data directory)")),
        global(Arg::new("identity").long("identity").value_name("PATH").help("age identity file (default: SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY, else the user config directory)")),
        ignored(Arg::new("profile").long("profile").value_name("NAME"), "The AWS profile of push and pull; no effect on the other commands (~/.aws is not read)"),
        ignored(Arg::new("endpoint-url").long("endpoint-url").value_name("URL"), "The endpoint of push and pull; no effect on the other commands, which work on the vault"),
        ignored(Arg::new("no-cli-pager").long("no-cli-pager").action(ArgAction::SetTrue), "No effect on a local vault: output is never paged"),
        ignored(Arg::new("no-verify-ssl").long("no-verify-ssl").action(ArgAction::SetTrue), "No effect on a local vault: there is no TLS"),
        ignored(Arg::new("ca-bundle").long("ca-bundle").value_name("PATH"), "No effect on a local vault: there is no TLS"),
        ignored(Arg::new("no-sign-request").long("no-sign-request").action(ArgAction::SetTrue), "No effect on a local vault: requests are not signed"),
        ignored(Arg::new("cli-read-timeout").long("cli-read-timeout").value_name("SECONDS").value_parser(clap::value_parser!(i64)), "No effect on a local vault: there is no network"),
        ignored(Arg::new("cli-connect-timeout").long("cli-connect-timeout").value_name("SECONDS").value_parser(clap::value_parser!(i64)), "No effect on a local vault: there is no network"),
        ignored(Arg::new("cli-auto-prompt").long("cli-auto-prompt").action(ArgAction::SetTrue), "No effect on a local vault: smvault never prompts"),
        ignored(Arg::new("no-cli-auto-prompt").long("no-cli-auto-prompt").action(ArgAction::SetTrue), "No effect on a local vault: smvault never prompts"),
        ignored(Arg::new("cli-error-format").long("cli-error-format").value_name("FORMAT"), "No effect on a local vault: errors have one format"),
    ]
}

/// The command line for running `sub`: the root's settings and global options with only
/// that subcommand, for an AWS operation or smvault's `exec` and `inject`. Building every
/// operation's subcommand from the API model and rendering the root help's lists cost most
/// of a command's start (half its instructions, and the code pages they touch). Anything
/// else, or no subcommand, gets [`command`]. The result parses `sub`'s command lines as
/// [`command`] does; for help and errors the caller asks [`command`] again, so their text
/// stays the whole command line's.
pub fn command_for(prog: &str, sub: Option<&str>) -> Command {
    let one = match sub {
        Some("exec") => exec_command(),
        Some("inject") => inject_command(),
        Some("health") => super::health::command(),
        Some(word) => match model()
            .operations
            .iter()
            .find(|(name, _)| xform_name(name) == word)
        {
            Some((name, op)) => operation_command(prog, name, &op.input),
            None => return command(prog),
        },
        None => return command(prog),
    };
    with_bin_name(prog, root(prog).subcommand(one))
}

/// The root's parsing settings and the global options, shared by [`command`] and
/// [`command_for`] so both parse alike.
fn root(prog: &str) -> Command {
    Command::new(prog.to_string())
        .version(env!("CARGO_PKG_VERSION"))
        .disable_version_flag(true)
        .subcommand_required(true)
        .infer_long_args(true)
        .args_override_self(true)
        .allow_negative_numbers(true)
        .args(global_args())
}

fn with_bin_name(prog: &str, cmd: Command) -> Command {
    if prog == "aws" {
        // Through the `aws` link only `aws secretsmanager <operation>` works, so every
        // usage line (clap derives the subcommands' from this) says so.
        cmd.bin_name("aws secretsmanager")
    } else {
        cmd
    }
}

/// The whole command line.
pub fn command(prog: &str) -> Command {
    let m = model();
    let mut cmd = root(prog)
        .about(help::ABOUT)
        .long_about(help::LONG_ABOUT)
        .after_long_help(sections(help::AFTER_LONG_HELP));
    for (i, (name, op)) in m.operations.iter().enumerate() {
        cmd = cmd.subcommand(operation_command(prog, name, &op.input).display_order(i));
    }
    cmd = cmd
        .subcommand(
            Command::new("init")
                .about("Create the identity (if missing) and an empty vault, and print where they are")
                .long_about(
                    "Create the identity (if missing) and an empty vault, and print where they are.\n\n\
                     The vault and identity paths are resolved as for every command (--vault, \
                     SMVAULT_FILE, --identity, SMVAULT_AGE_KEY_FILE, SMVAULT_AGE_KEY). Running it \
                     again is harmless: it creates nothing that exists, and only changes the \
                     account id or default region when they are given.",
                )
                .display_order(OWN_COMMANDS_ORDER)
                .arg(
                    Arg::new("account-id")
                        .long("account-id")
                        .value_name("ID")
                        .help("Account id used in ARNs, 12 digits (default 123456789012)"),
                )
                .arg(
                    Arg::new("default-region")
                        .long("default-region")
                        .value_name("REGION")
                        .help("Region used when neither --region nor AWS_REGION is set"),
                )
                .arg(
                    Arg::new("passphrase")
                        .long("passphrase")
                        .action(ArgAction::SetTrue)
                        .help("Protect a new identity with a passphrase (asked on the terminal, or SMVAULT_PASSPHRASE)")
                        .long_help(
                            "Protect a new identity with a passphrase: the identity file is encrypted with                              age's scrypt recipient at work factor 18, which costs about a second on every                              command that opens the vault. The passphrase is asked on the terminal, or taken                              from SMVAULT_PASSPHRASE; files asking for a work factor above 22 are refused.",
                        ),
                )
                .arg(super::recipients::init_arg()),
        )
        .subcommand(
            Command::new("rotate-due")
                .about("Rotate every secret whose NextRotationDate has passed (for cron or a systemd timer)")
                .long_about(
                    "Rotate every secret whose NextRotationDate has passed (for cron or a systemd timer).\n\n\
                     Each due secret, in every region, is rotated as rotate-secret would, with its \
                     stored function; one line is printed per rotation. Exits 0 when nothing is due.",
                )
                .after_long_help(sections(&[(
                    "Example",
                    "  # crontab: every hour at 17 minutes past\n  \
                     17 * * * * SMVAULT_FILE=$HOME/.local/share/smvault/vault.age smvault rotate-due",
                )]))
                .display_order(OWN_COMMANDS_ORDER + 1),
        )
        .subcommand(exec_command().display_order(OWN_COMMANDS_ORDER + 2))
        .subcommand(inject_command().display_order(OWN_COMMANDS_ORDER + 3))
        .subcommand(super::recipients::command().display_order(OWN_COMMANDS_ORDER + 4))
        .subcommand(super::principals::command().display_order(OWN_COMMANDS_ORDER + 4))
        .subcommand(super::audit::command().display_order(OWN_COMMANDS_ORDER + 4))
        .subcommand(super::git_merge::merge_command().display_order(OWN_COMMANDS_ORDER + 5))
        .subcommand(super::git_merge::diff_command().display_order(OWN_COMMANDS_ORDER + 6))
        .subcommand(sync_command(
            "push",
            "Copy the vault's secrets into AWS Secrets Manager (or another endpoint)",
            "Copy the vault's secrets into AWS Secrets Manager (or another endpoint).\n\n\
             Every secret of the region (--region, AWS_REGION, the AWS profile's, the vault's \
             default) is created with its description and tags, then every version oldest first \
             with its own version id, then its staging labels where the vault has them, then its \
             resource policy. Credentials come from the AWS SDK's chain (environment, \
             ~/.aws files and profiles, SSO, roles); --endpoint-url or \
             AWS_ENDPOINT_URL_SECRETS_MANAGER sends the calls elsewhere. A secret that is there \
             already with the same versions is skipped; one with versions the vault does not \
             have is a conflict, left alone unless --overwrite; one holding part of the \
             secret (an interrupted push) is completed. Rotation configuration, replicas and \
             KMS keys are reported, not copied. Exits 1 when some secret conflicted or failed.",
            OWN_COMMANDS_ORDER + 7,
        ))
        .subcommand(sync_command(
            "pull",
            "Copy secrets from AWS Secrets Manager (or another endpoint) into the vault",
            "Copy secrets from AWS Secrets Manager (or another endpoint) into the vault.\n\n\
             Every secret the endpoint lists (ListSecrets with the --filter options) is read \
             with all its versions, deprecated ones included, and written into the vault in \
             one locked write, in the region used: version ids, staging labels, creation dates, \
             tags, description, resource policy and the ARN's suffix are kept. The conflict \
             rules are push's, the other way round. Exits 1 when some secret conflicted or \
             failed; the others are saved.",
            OWN_COMMANDS_ORDER + 8,
        ))
        .subcommand(
            Command::new("serve")
                .about("Serve the vault as a Secrets Manager endpoint for AWS SDKs, the AWS CLI and the Agent's API")
                .long_about(
                    "Serve the vault as a Secrets Manager endpoint for AWS SDKs, the AWS CLI and code \
                     written for the Secrets Manager Agent.\n\n\
                     Every API request must be signed (SigV4) with the vault's serving credentials, \
                     made on first use and kept encrypted in the vault; `--print-env` prints them as \
                     shell exports. The Agent's route, GET /secretsmanager/get?secretId=..., needs \
                     the X-Aws-Parameters-Secrets-Token header set to AWS_TOKEN. Runs until SIGINT or \
                     SIGTERM, then finishes the requests in flight and exits 0.\n\n\
                     In a container it takes its settings from the environment as well (an option \
                     on the command line wins): SMVAULT_LISTEN (--listen), SMVAULT_ALLOW_REMOTE=1 \
                     (--allow-remote), SMVAULT_SEED_DIR (--seed), SMVAULT_PRINCIPALS_FILE \
                     (--principals), and the owner's key pair \
                     SMVAULT_ACCESS_KEY_ID with SMVAULT_SECRET_ACCESS_KEY, used instead of the \
                     vault's own (never saved).",
                )
                .arg(
                    Arg::new("listen")
                        .long("listen")
                        .value_name("HOST:PORT")
                        .default_value("127.0.0.1:2773")
                        .help("Address to listen on (the Agent's port by default)"),
                )
                .arg(
                    Arg::new("allow-remote")
                        .long("allow-remote")
                        .action(ArgAction::SetTrue)
                        .help("Allow a --listen address other than loopback (anyone who can reach it may try the credentials)"),
                )
                .arg(
                    Arg::new("log")
                        .long("log")
                        .action(ArgAction::SetTrue)
                        .help("Print one line per request on stderr: operation, secret, status, latency (never a value)"),
                )
                .arg(
                    Arg::new("audit")
                        .long("audit")
                        .value_name("FILE")
                        .help("Append one JSON line per request to FILE (created 0600): time, request id, principal, source address, operation, secret id as sent, decision, result code; never a value. A request whose line cannot be written fails; read it with `smvault audit`"),
                )
                .arg(
                    Arg::new("request-timeout")
                        .long("request-timeout")
                        .value_name("SECONDS")
                        .value_parser(clap::value_parser!(u64).range(1..=3600))
                        .default_value("10")
                        .help("Time a client has to send a whole request (headers and body) once the server waits for it; idle connections close after it too. Past it: 408, connection closed"),
                )
                .arg(
                    Arg::new("max-connections")
                        .long("max-connections")
                        .value_name("N")
                        .value_parser(clap::value_parser!(u64).range(1..=1_000_000))
                        .help("Connections served at once (default: what `ulimit -n` leaves after 80 descriptors for the vault and the server, at most 1024). At the cap a new connection displaces the one that has waited longest for its client; if every one is busy, /ping is still answered and other requests get 503 (429 on the Agent's route)"),
                )
                .arg(
                    Arg::new("max-body-memory")
                        .long("max-body-memory")
                        .value_name("MIB")
                        .value_parser(clap::value_parser!(u64).range(1..=65_536))
                        .default_value("64")
                        .help("Memory all requests may hold at once (32 KiB for each open connection, and bodies), in MiB. A body over 16 KiB that does not fit gets 503 with Retry-After"),
                )
                .arg(
                    Arg::new("shutdown-timeout")
                        .long("shutdown-timeout")
                        .value_name("SECONDS")
                        .value_parser(clap::value_parser!(u64).range(0..=3600))
                        .default_value("10")
                        .help("On SIGTERM or SIGINT, how long the requests in flight get to finish before the server exits 0 (every acknowledged write is on disk)"),
                )
                .arg(
                    Arg::new("principals")
                        .long("principals")
                        .value_name("FILE")
                        .help("Before serving, make the vault hold the principals FILE lists, a JSON array of {\"name\", \"access_key_id\", \"secret_access_key\", \"policy\"} (policy optional): added when missing, key pair and policy set when they differ, others left alone (also SMVAULT_PRINCIPALS_FILE)"),
                )
                .arg(
                    Arg::new("seed")
                        .long("seed")
                        .value_name("DIR")
                        .help("Before serving, create a secret for each file under DIR, named by its path there (DIR/app/db is app/db), unless the vault has it: never overwritten. One final newline is dropped; bytes that are not UTF-8 become SecretBinary (also SMVAULT_SEED_DIR)"),
                )
                .arg(
                    Arg::new("print-env")
                        .long("print-env")
                        .action(ArgAction::SetTrue)
                        .help("Print `export` lines for an SDK (endpoint, credentials, region, Agent token) and exit"),
                )
                .arg(
                    Arg::new("write-profile")
                        .long("write-profile")
                        .value_name("NAME")
                        .help("Write AWS profile NAME and exit: its keys into the AWS credentials file, its region and a services section pointing secrets_manager and sts at this server into the config file (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws), other profiles untouched; then AWS_PROFILE=NAME reaches the server while the shell's own credentials still reach AWS"),
                )
                .group(
                    clap::ArgGroup::new("client")
                        .args(["print-env", "write-profile"])
                        .multiple(false),
                )
                .arg(
                    Arg::new("principal")
                        .long("principal")
                        .value_name("NAME")
                        .help("With --print-env or --write-profile: principal NAME's key pair (and no Agent token, which is yours) instead of yours"),
                )
                .arg(
                    Arg::new("agent-principal")
                        .long("agent-principal")
                        .value_name("NAME")
                        .conflicts_with("print-env")
                        .help("Authorize the Agent route (whose token is yours) as principal NAME, with its policies, instead of as you"),
                )
                .after_long_help(sections(&[(
                    "Example",
                    "  smvault serve &\n  \
                     eval \"$(smvault serve --print-env)\"\n  \
                     python3 -c 'import boto3; print(boto3.client(\"secretsmanager\").list_secrets())'",
                )]))
                .display_order(OWN_COMMANDS_ORDER + 7),
        )
        .subcommand(super::health::command().display_order(OWN_COMMANDS_ORDER + 8))
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
        );
    let template = root_template(&cmd);
    with_bin_name(prog, cmd.help_template(template))
}

fn exec_command() -> Command {
    Command::new("exec")
        .about("Run a program with secrets in its environment (ECS valueFrom references)")
        .long_about(
            "Run a program with secrets in its environment.\n\n\
             Every reference is resolved from one read of the vault, by GetSecretValue's rules, \
             before the program starts; if any fails, nothing starts. smvault then becomes the \
             program (exec), so its PID, signals, stdin/stdout/stderr and exit status are the \
             program's own. SMVAULT_AGE_KEY and SMVAULT_PASSPHRASE are removed from its \
             environment unless --keep-identity-env is given.",
        )
        .override_usage("smvault exec [OPTIONS] -- <COMMAND> [ARGS]...")
        .arg(
            Arg::new("env")
                .long("env")
                .value_name("NAME=REF")
                .action(ArgAction::Append)
                .help("Set NAME to the value REF points at (repeatable)"),
        )
        .arg(
            Arg::new("secret")
                .long("secret")
                .value_name("REF")
                .action(ArgAction::Append)
                .help("Set a variable for every key of a JSON secret: KEY upper-cased, other characters `_` (repeatable)"),
        )
        .arg(
            Arg::new("prefix")
                .long("prefix")
                .value_name("PREFIX")
                .help("Put PREFIX before every name --secret makes"),
        )
        .arg(
            Arg::new("env-file")
                .long("env-file")
                .value_name("FILE")
                .action(ArgAction::Append)
                .value_parser(clap::value_parser!(std::path::PathBuf))
                .help("Read NAME=REF lines from FILE (# comments, blank lines; repeatable)"),
        )
        .arg(
            Arg::new("override")
                .long("override")
                .action(ArgAction::SetTrue)
                .help("Let secrets replace variables already set (otherwise that is an error)"),
        )
        .arg(
            Arg::new("keep-identity-env")
                .long("keep-identity-env")
                .action(ArgAction::SetTrue)
                .help("Pass SMVAULT_AGE_KEY and SMVAULT_PASSPHRASE on to the program"),
        )
        .arg(
            Arg::new("command")
                .value_name("COMMAND")
                .num_args(1..)
                .last(true)
                .required(true)
                .value_parser(clap::value_parser!(std::ffi::OsString))
                .help("The program and its arguments, after --"),
        )
        .after_long_help(sections(&[
            (
                "References (as ECS valueFrom)",
                "  \
  REF is a secret name, a full ARN or a partial ARN, optionally followed by
  :json-key:version-stage:version-id (all three, empty ones allowed; version-stage
  and version-id must name the same version):
    prod/db                          the whole SecretString
    prod/db:password::               one top-level key of a JSON SecretString
    prod/db::AWSPREVIOUS:            the previous version
    arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password::
  A key's non-string value is passed as its JSON text.",
            ),
            (
                "Exit codes",
                "  \
  any  once the program runs, its own exit status (smvault is no longer there)
  126  the program exists but cannot be run
  127  no such program
  252  a bad option, reference or env file line; a variable given twice, or already
       set without --override; nothing started
  253  no usable identity or vault; nothing started
  254  a reference did not resolve: GetSecretValue refused it (no such secret or
       version, marked for deletion), or its value is a SecretBinary, is not a JSON
       object where a key is asked for, lacks the key, or holds a NUL; nothing started
  255  anything else (I/O); nothing started",
            ),
            (
                "Examples",
                "  \
  smvault exec --env DB_PASSWORD=prod/db:password:: -- ./server
  smvault exec --secret prod/db --prefix DB_ -- psql
  smvault exec --env-file app.refs -- npm start",
            ),
        ]))
}

fn inject_command() -> Command {
    Command::new("inject")
        .about("Render a template: each resolve:secretsmanager reference becomes its value")
        .long_about(
            "Render a template: every {{resolve:secretsmanager:...}} becomes its value.\n\n\
             References follow CloudFormation's dynamic reference rules. All of them are \
             resolved before anything is written; the output file is replaced atomically, \
             with mode 0600, and only when every reference resolved. Everything else in the \
             template passes through byte for byte (it need not be text).",
        )
        .arg(
            Arg::new("in-file")
                .short('i')
                .long("in-file")
                .value_name("TEMPLATE")
                .value_parser(clap::value_parser!(std::path::PathBuf))
                .help("The template (default: stdin)"),
        )
        .arg(
            Arg::new("out-file")
                .short('o')
                .long("out-file")
                .value_name("OUTPUT")
                .value_parser(clap::value_parser!(std::path::PathBuf))
                .help("Where to write the result, mode 0600 (default: stdout)"),
        )
        .after_long_help(sections(&[
            (
                "References (as CloudFormation dynamic references)",
                "  \
  {{resolve:secretsmanager:SECRET:SecretString:json-key:version-stage:version-id}}
  SECRET is a name or an ARN; every later field is optional and may be empty.
  SecretString is the only kind; version-stage and version-id exclude each other.
    {{resolve:secretsmanager:prod/db}}                          the whole SecretString
    {{resolve:secretsmanager:prod/db:SecretString:password}}    one key of a JSON secret
    {{resolve:secretsmanager:prod/db:SecretString:password:AWSPREVIOUS}}",
            ),
            (
                "Exit codes",
                "  \
  0    every reference resolved and the output was written
  252  a reference does not parse, or the template cannot be read
  253  no usable identity or vault
  254  a reference did not resolve (as for exec); nothing was written
  255  anything else, e.g. the output cannot be written",
            ),
            ("Example", "  smvault inject -i .env.tpl -o .env"),
        ]))
}

/// `push` and `pull`: the same options, the other way round.
fn sync_command(
    name: &'static str,
    about: &'static str,
    long: &'static str,
    order: usize,
) -> Command {
    Command::new(name)
        .about(about)
        .long_about(long)
        .display_order(order)
        .arg(
            Arg::new("filter")
                .long("filter")
                .value_name("KEY=VALUE[,VALUE...]")
                .action(ArgAction::Append)
                .help("Only secrets matching this list-secrets filter (repeatable; keys: name, description, tag-key, tag-value, primary-region, owning-service, all; a value starting with ! negates)"),
        )
        .arg(
            Arg::new("dry-run")
                .long("dry-run")
                .action(ArgAction::SetTrue)
                .help("Print the plan (one line per secret) and write nothing"),
        )
        .arg(
            Arg::new("overwrite")
                .long("overwrite")
                .action(ArgAction::SetTrue)
                .help("Make conflicting secrets match; their other versions stay, deprecated"),
        )
        .after_long_help(sections(&[(
            "Examples",
            if name == "push" {
                "  smvault push --region eu-west-1 --dry-run\n  \
                 smvault push --filter name=prod/ --filter tag-key=team"
            } else {
                "  smvault pull --region eu-west-1 --filter name=dev/\n  \
                 smvault pull --endpoint-url http://127.0.0.1:2773"
            },
        )]))
}

/// Where smvault's own commands sort: after every AWS operation.
const OWN_COMMANDS_ORDER: usize = 1000;

/// `smvault --help` lists the AWS operations and smvault's own commands under two
/// headings, which clap cannot do (one heading per command), so the two lists are rendered
/// by clap from stand-in commands and laid into the template. Man pages and completions
/// ignore templates and still see every subcommand.
fn root_template(cmd: &Command) -> StyledStr {
    let (aws, own): (Vec<&Command>, Vec<&Command>) = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .partition(|c| c.get_display_order() < OWN_COMMANDS_ORDER);
    let help =
        Command::new("help").about("Print this help, or an operation's (also: <operation> help)");
    let own: Vec<&Command> = own.into_iter().chain([&help]).collect();
    let header = cmd.get_styles().get_header();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n\
         {{usage-heading}} {{usage}}\n\n\
         {header}AWS Secrets Manager operations:{header:#}\n{}\n\n\
         {header}smvault commands:{header:#}\n{}\n\n\
         {header}Global options:{header:#}\n{{options}}{{after-help}}",
        command_list(&aws),
        command_list(&own),
    );
    StyledStr::from(template)
}

/// The `name  about` lines of the given commands, as clap lays out a command list.
fn command_list(commands: &[&Command]) -> String {
    let stand_ins = commands.iter().enumerate().map(|(i, c)| {
        Command::new(c.get_name().to_string())
            .about(c.get_about().cloned().unwrap_or_default())
            .display_order(i)
    });
    let mut list = Command::new("list")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template("{subcommands}")
        .subcommands(stand_ins);
    list.render_help().ansi().to_string().trim_end().to_string()
}

/// Titled paragraphs for the end of `--help` (and a man page section each).
pub fn sections(parts: &[(&str, &str)]) -> StyledStr {
    let header = Styles::default().get_header().to_owned();
    let text: Vec<String> = parts
        .iter()
        .map(|(title, body)| format!("{header}{title}:{header:#}\n{body}"))
        .collect();
    StyledStr::from(text.join("\n\n"))
}

fn operation_command(prog: &str, op: &str, input: &str) -> Command {
    let m = model();
    let shape = m.shape(input);
    let text = help::operation(op);
    let about = text.as_ref().map(|t| t.about).unwrap_or_default();
    let mut cmd = Command::new(xform_name(op)).about(about);
    if let Some(t) = &text {
        cmd = cmd
            .long_about(format!("{}.\n\n{}", t.about, t.details))
            .after_long_help(sections(&[(
                "Example",
                &format!("  {}", example(prog, t.example)),
            )]));
    }
    let input_args = ["cli-input-json", "cli-input-yaml", "generate-cli-skeleton"];
    for (member, r) in shape.members.iter() {
        if is_paginated(op) && (member == "MaxResults" || member == "NextToken") {
            // The paginator takes over these; they stay usable but hidden, like the AWS CLI's.
            cmd = cmd.arg(value_arg(op, member, r).hide(true));
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
                            .help(member_help(op, member, r)),
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
                let mut arg = value_arg(op, member, r);
                if required {
                    // Usage lines show [OPTIONS] only, so the help says which are required.
                    let line = format!("{} (required)", member_help(op, member, r));
                    arg = arg.required_unless_present_any(input_args).help(line);
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
                    .help("Start where an earlier, cut-short call stopped: its NextToken")
                    .help_heading("Pagination"),
            )
            .arg(
                Arg::new("page-size")
                    .long("page-size")
                    .value_name("N")
                    .value_parser(clap::value_parser!(i64))
                    .help("Entries fetched per page (the output is the same)")
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
            .help("Read the request from YAML (or file://PATH); options given override it")
            .help_heading("Input"),
    )
    .arg(
        Arg::new("generate-cli-skeleton")
            .long("generate-cli-skeleton")
            .value_name("KIND")
            .num_args(0..=1)
            .default_missing_value("input")
            .value_parser(["input", "output", "yaml-input"])
            .help("Print a request (or response) template instead of running")
            .help_heading("Input"),
    )
}

/// An example command line as the program is run: through the `aws` link,
/// `aws secretsmanager <operation> ...`.
fn example(prog: &str, text: &str) -> String {
    match text.strip_prefix("smvault ") {
        Some(rest) if prog == "aws" => format!("aws secretsmanager {rest}"),
        _ => text.to_string(),
    }
}

fn value_arg(op: &str, member: &str, r: &MemberRef) -> Arg {
    let m = model();
    let kind = m.shape(&r.shape).kind.as_str();
    let arg = Arg::new(member.to_string())
        .long(xform_name(member))
        .value_name(value_name(r))
        .help(member_help(op, member, r));
    let arg = match help::member_long(member) {
        Some(long) => arg.long_help(long),
        None => arg,
    };
    match kind {
        "list" | "map" => arg.num_args(0..).action(ArgAction::Set),
        _ => arg.num_args(1).action(ArgAction::Set),
    }
}

/// What a value looks like: a list names what one of its words is.
fn value_name(r: &MemberRef) -> &'static str {
    let m = model();
    let shape = m.shape(&r.shape);
    match shape.kind.as_str() {
        "list" => match shape
            .member
            .as_ref()
            .map(|e| m.shape(&e.shape).kind.as_str())
        {
            Some("structure") => "SHORTHAND|JSON",
            _ => "STRING",
        },
        "structure" | "map" => "SHORTHAND|JSON",
        "long" | "integer" => "N",
        "blob" => "BASE64|fileb://PATH",
        _ => "STRING",
    }
}

fn member_help(op: &str, member: &str, r: &MemberRef) -> String {
    // help.rs covers every member (a unit test checks); the type is a last resort for a
    // member a newer model adds.
    help::member(op, member)
        .map(str::to_string)
        .unwrap_or_else(|| {
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
    fn help_lists_aws_operations_then_smvault_commands() {
        let help = command("smvault").render_long_help().to_string();
        let aws = help.find("AWS Secrets Manager operations:").unwrap();
        let own = help.find("smvault commands:").unwrap();
        let globals = help.find("Global options:").unwrap();
        assert!(aws < own && own < globals, "{help}");
        for (name, _) in model().operations.iter() {
            let at = help.find(&format!("  {} ", xform_name(name))).unwrap();
            assert!(aws < at && at < own, "{name} is not under the AWS heading");
        }
        for own_command in [
            "init",
            "rotate-due",
            "exec",
            "inject",
            "recipients",
            "principals",
            "audit",
            "git-merge",
            "git-diff",
            "serve",
            "health",
            "push",
            "pull",
            "help",
        ] {
            let at = help.find(&format!("  {own_command} ")).unwrap();
            assert!(
                own < at && at < globals,
                "{own_command} is not under smvault's heading"
            );
        }
        assert!(
            !help.contains("generate"),
            "the generate command stays hidden"
        );
        assert!(
            !help.contains('\x1b'),
            "styles are stripped when rendered as text"
        );
    }

    #[test]
    fn long_help_tells_paths_exit_codes_and_the_aws_link() {
        let help = command("smvault").render_long_help().to_string();
        for needle in [
            "SMVAULT_FILE",
            "SMVAULT_AGE_KEY_FILE",
            "SMVAULT_AGE_KEY",
            "SMVAULT_FUNCTIONS_DIR",
            "Exit codes:",
            "252",
            "253",
            "254",
            "255",
            "link named `aws`",
            "--profile <NAME>",
            "--endpoint-url <URL>",
        ] {
            assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
        }
        let short = command("smvault").render_help().to_string();
        assert!(
            !short.contains("--profile"),
            "-h leaves out the ignored options"
        );
    }

    #[test]
    fn operation_help_has_details_example_and_required_marks() {
        let mut cmd = command("smvault");
        let sub = cmd.find_subcommand_mut("put-resource-policy").unwrap();
        let help = sub.render_long_help().to_string();
        assert!(
            help.contains("Example:\n  smvault put-resource-policy"),
            "{help}"
        );
        assert!(help.contains("(required)"), "{help}");
        assert!(help.contains("checked as an IAM policy"), "{help}");
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
    fn own_commands_parse_alike_without_the_operations() {
        let argv = [
            "smvault",
            "--region",
            "eu-west-1",
            "exec",
            "--env",
            "A=b",
            "--override",
            "--",
            "p",
            "-x",
        ];
        let full = command("smvault").try_get_matches_from(argv).unwrap();
        let light = command_for("smvault", Some("exec"))
            .try_get_matches_from(argv)
            .unwrap();
        for m in [&full, &light] {
            let (sub, m) = m.subcommand().unwrap();
            assert_eq!(sub, "exec");
            assert_eq!(m.get_one::<String>("region").unwrap(), "eu-west-1");
            assert_eq!(m.get_one::<String>("env").unwrap(), "A=b");
            assert!(m.get_flag("override"));
            let words: Vec<_> = m
                .get_many::<std::ffi::OsString>("command")
                .unwrap()
                .collect();
            assert_eq!(words, ["p", "-x"]);
        }
        command_for("smvault", Some("inject")).debug_assert();
        assert!(
            command_for("smvault", Some("list-secrets"))
                .find_subcommand("list-secrets")
                .is_some()
        );
    }

    /// What a parse found, level by level: each argument's id, where its value came from
    /// and its words (ArgMatches' own equality also compares the subcommands it knew).
    fn matched(m: &clap::ArgMatches) -> Vec<String> {
        let mut out: Vec<String> = m
            .ids()
            .map(|id| {
                let words: Vec<String> = m
                    .get_raw(id.as_str())
                    .into_iter()
                    .flatten()
                    .map(|w| w.to_string_lossy().into_owned())
                    .collect();
                format!("{id}={:?}{words:?}", m.value_source(id.as_str()))
            })
            .collect();
        if let Some((name, sub)) = m.subcommand() {
            out.push(format!("> {name}"));
            out.extend(matched(sub));
        }
        out
    }

    #[test]
    fn an_operation_parses_alike_with_only_its_own_subcommand() {
        for prog in ["smvault", "aws"] {
            for (name, _) in model().operations.iter() {
                let op = xform_name(name);
                let light = command_for(prog, Some(&op));
                assert_eq!(light.get_subcommands().count(), 1, "{op}");
                for argv in [
                    vec![prog, &op, "--cli-input-json", "{}"],
                    vec![
                        prog,
                        "--region",
                        "eu-west-1",
                        &op,
                        "--cli-input-json",
                        "{}",
                        "--outp",
                        "text",
                        "--query",
                        "x",
                        "--no-paginate",
                    ],
                    vec![prog, &op, "--generate-cli-skeleton"],
                ] {
                    let full = command(prog).try_get_matches_from(&argv).unwrap();
                    let one = light.clone().try_get_matches_from(&argv).unwrap();
                    assert_eq!(matched(&full), matched(&one), "{argv:?}");
                }
            }
        }
        // Anything else is the whole command line.
        for sub in [None, Some("init"), Some("serve"), Some("nonsense")] {
            assert!(command_for("smvault", sub).get_subcommands().count() > 30);
        }
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

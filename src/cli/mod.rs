//! The edge: arguments, environment, clock, printing and exit codes. Maps a command line
//! to a core request, runs it in a vault transaction and renders the response.

pub mod args;
pub mod audit;
pub mod binaries;
pub mod exec;
pub mod exit;
pub mod git_merge;
pub mod harden;
pub mod health;
pub mod help;
pub mod init;
pub mod inject;
pub mod model;
pub mod output;
pub mod paginate;
pub mod panic_hook;
pub mod params;
pub mod passphrase;
pub mod principals;
pub mod principals_file;
pub mod profile;
pub mod recipients;
pub mod request;
pub mod resolve;
pub mod rotate_due;
pub mod seed;
pub mod serve_env;
pub mod settings;
pub mod skeleton;
pub mod suggest;
pub mod sync;
pub mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::ArgMatches;
use serde_json::Value;

use crate::service;
pub use binaries::Linked;
use exit::CliError;
use model::{model, xform_name};
use output::Printer;
use settings::Settings;

/// The name errors are printed under: `aws` when run through a link named
/// `aws`, as scripts written for the AWS CLI expect.
fn program_name(argv0: Option<&OsString>) -> String {
    let name = argv0
        .and_then(|a| {
            std::path::Path::new(a)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    if name == "aws" {
        "aws".into()
    } else {
        "smvault".into()
    }
}

/// Finds the first word that is not an option or an option's value.
fn first_word(args: &[OsString]) -> Option<usize> {
    let mut i = 1;
    while i < args.len() {
        let a = args[i].to_string_lossy();
        if !a.starts_with('-') {
            return Some(i);
        }
        if args::GLOBAL_VALUE_OPTIONS.contains(&a.as_ref()) {
            i += 1;
        }
        i += 1;
    }
    None
}

/// The command word, past global options and a leading `secretsmanager`.
fn command_word(args: &[OsString]) -> Option<&OsString> {
    let i = first_word(args)?;
    if args[i] == "secretsmanager" {
        first_word(&args[i..]).map(|j| &args[i + j])
    } else {
        Some(&args[i])
    }
}

/// `smvault secretsmanager <op>` and `aws secretsmanager <op>` are `smvault <op>`;
/// a trailing `help` word asks for help as in the AWS CLI.
fn normalize(prog: &str, mut args: Vec<OsString>) -> Result<Vec<OsString>, CliError> {
    if let Some(i) = first_word(&args) {
        if args[i] == "secretsmanager" {
            args.remove(i);
        } else if prog == "aws" {
            let service = args[i].to_string_lossy().into_owned();
            if !matches!(
                service.as_str(),
                "help" | "init" | "generate" | "exec" | "inject"
            ) {
                return Err(CliError::Usage(format!(
                    "argument command: Found invalid choice '{service}': this `aws` is smvault, which implements only `aws secretsmanager`"
                )));
            }
        }
    }
    // Words after `--` are exec's program and its arguments: passed on untouched.
    let mut end = args.iter().position(|a| a == "--").unwrap_or(args.len());
    not_utf8(&args[..end])?;
    // argparse takes "-5" and "-a b" (a space inside) as option values; clap would
    // read them as options, so glue them to their option as --opt=value.
    let mut i = 2;
    while i < end {
        let (Some(word), Some(prev)) = (args[i].to_str(), args[i - 1].to_str()) else {
            i += 1;
            continue;
        };
        // Char-wise, never by byte index: a value may start with any character.
        let numeric = word
            .strip_prefix('-')
            .is_some_and(|rest| !rest.is_empty() && rest.parse::<f64>().is_ok());
        if word.starts_with('-')
            && (numeric || word.contains(' '))
            && prev.starts_with("--")
            && !prev.contains('=')
        {
            args[i - 1] = format!("{prev}={word}").into();
            args.remove(i);
            end -= 1;
            continue;
        }
        i += 1;
    }
    if args.len() > 2 && end == args.len() && args.last().is_some_and(|a| a == "help") {
        args.pop();
        args.push("--help".into());
    }
    Ok(args)
}

/// Every parameter is text in the AWS API, so an argument that is not UTF-8 (the
/// shell's `$'\xff'`) is refused up front, naming its option and never its bytes
/// (which may be a secret); bytes go in through `fileb://`.
fn not_utf8(args: &[OsString]) -> Result<(), CliError> {
    let Some(i) = args.iter().skip(1).position(|a| a.to_str().is_none()) else {
        return Ok(());
    };
    let i = i + 1;
    let lossy = args[i].to_string_lossy();
    // The option the word belongs to: itself (`--opt=value`), else the nearest option
    // before it (list options take several words).
    let name = match lossy.split_once('=').filter(|_| lossy.starts_with("--")) {
        Some((option, _)) => option.to_string(),
        None => args[1..i]
            .iter()
            .rev()
            .filter_map(|a| a.to_str())
            .find(|a| a.starts_with("--") && !a.contains('='))
            .map_or_else(|| format!("#{i}"), str::to_string),
    };
    Err(CliError::Usage(format!(
        "argument {name}: not valid UTF-8 (pass raw bytes with fileb://)"
    )))
}

/// The `smvault` binary's entry point: every command but those of the edges that run in
/// a binary of their own ([`binaries`]).
pub fn main() -> ExitCode {
    main_with(Linked::default())
}

/// The entry point of a binary that runs the edges `linked` names itself.
pub fn main_with(linked: Linked) -> ExitCode {
    let argv: Vec<OsString> = settings::argv();
    // `exec` hands the user's core-file limit on to its program.
    if command_word(&argv).is_some_and(|w| w == "exec") {
        harden::disable_core_dumps_restorably();
    } else {
        harden::disable_core_dumps();
    }
    harden::ignore_file_size_signal();
    let prog = program_name(argv.first());
    panic_hook::install(&prog);
    // Debug builds only: a panic carrying a value, to prove the hook never prints it.
    if let Some(value) = settings::test_env_os("SMVAULT_TEST_PANIC") {
        panic!("test panic with a value: {}", value.to_string_lossy());
    }
    match run(&prog, argv, linked) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => exit::report(&prog, &e),
    }
}

fn run(prog: &str, argv: Vec<OsString>, linked: Linked) -> Result<(), CliError> {
    let original = argv.clone();
    let argv = normalize(prog, argv)?;
    // The AWS CLI's top-level parser owns --version: anywhere, it wins.
    if argv.iter().skip(1).any(|a| a == "--version") {
        return print(&version_line());
    }
    let argv_copy: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let sub = first_word(&argv).map(|i| argv[i].to_string_lossy().into_owned());
    let matches = match args::command_for(prog, sub.as_deref()).try_get_matches_from(&argv) {
        Ok(m) => m,
        // Help and errors come from the whole command line, whose texts they are.
        Err(_) => {
            let full = args::command(prog);
            match full.clone().try_get_matches_from(argv) {
                Ok(m) => m,
                Err(e) => return clap_error(e, &full, &argv_copy),
            }
        }
    };
    let (sub, m) = matches
        .subcommand()
        .expect("invariant: a subcommand is required");
    if let Some(url) = m
        .get_one::<String>("endpoint-url")
        .filter(|u| !u.contains("://"))
    {
        // Accepted and unused offline, but checked as the AWS CLI checks it.
        return Err(CliError::ParamValidation(format!(
            "Bad value for --endpoint-url \"{url}\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"
        )));
    }
    let settings = Settings::resolve(m);
    match sub {
        "init" => init::run(m, &settings),
        "generate" => init::generate(m, prog),
        "rotate-due" => rotate_due::rotate_due(&settings),
        "exec" => exec::run(m, &settings),
        "inject" => inject::run(m, &settings),
        "recipients" => recipients::run(m, &settings),
        "principals" => principals::run(m, &settings),
        "audit" => audit::run(m, &settings),
        "git-merge" => git_merge::merge(m, &settings),
        "git-diff" => git_merge::diff(m, &settings),
        "health" => health::run(
            m,
            Settings::serve_vars()
                .listen
                .map(|v| v.to_string_lossy().into_owned()),
        ),
        "serve" => match linked.serve {
            Some(serve) => serve(sub, m, &settings),
            None => Err(binaries::hand_over(
                binaries::SERVE,
                "serve runs",
                &original,
            )),
        },
        "push" | "pull" => match linked.remote {
            Some(remote) => remote(sub, m, &settings),
            None if cfg!(feature = "aws") => Err(binaries::hand_over(
                binaries::REMOTE,
                "push and pull run",
                &original,
            )),
            None => Err(sync::not_built(sub)),
        },
        _ => run_operation(sub, m, &settings),
    }
}

/// `smvault serve`: runs the server, or prints its environment (in `smvault-serve`).
pub fn serve(_command: &str, m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    // --principal goes with either; clap's group requirement would name both unreadably.
    if m.contains_id("principal") && !m.get_flag("print-env") && !m.contains_id("write-profile") {
        return Err(CliError::Usage(
            "the following arguments are required: --print-env (or --write-profile)".into(),
        ));
    }
    let from_env = serve_env::check(Settings::serve_vars())?;
    let options = crate::serve::Options {
        listen: serve_env::listen(m, &from_env),
        allow_remote: m.get_flag("allow-remote") || from_env.allow_remote,
        log: m.get_flag("log"),
        audit: m.get_one::<String>("audit").map(std::path::PathBuf::from),
        clock: settings::now,
        agent_principal: m.get_one::<String>("agent-principal").cloned(),
        limits: serve_limits(m),
        owner_keys: from_env.owner_keys,
    };
    if let Some(name) = m.get_one::<String>("write-profile") {
        profile::check_name(name)?;
        let principal = m.get_one::<String>("principal").map(String::as_str);
        let client = crate::serve::client_settings(&settings.env, &options, principal)?;
        let (config, credentials) = Settings::aws_files().ok_or_else(|| {
            CliError::General(
                "--write-profile: no HOME for ~/.aws; set AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE".into(),
            )
        })?;
        return print(&profile::write_profile(
            name,
            &client,
            &config,
            &credentials,
        )?);
    }
    if m.get_flag("print-env") {
        let principal = m.get_one::<String>("principal").map(String::as_str);
        return print(&crate::serve::print_env(
            &settings.env,
            &options,
            principal,
        )?);
    }
    let principals = m
        .get_one::<String>("principals")
        .map(std::path::PathBuf::from);
    if let Some(file) = principals.or(from_env.principals_file) {
        principals_file::load(&settings.env, &file)?;
    }
    let seed_dir = m.get_one::<String>("seed").map(std::path::PathBuf::from);
    if let Some(dir) = seed_dir.or(from_env.seed_dir) {
        seed::seed(&settings.env, &dir)?;
    }
    Ok(crate::serve::run(settings.env.clone(), options)?)
}

/// `serve`'s limits from its options (clap gives the defaults and checks the ranges).
fn serve_limits(m: &ArgMatches) -> crate::serve::limits::Limits {
    use std::time::Duration;
    let defaults = crate::serve::limits::Limits::default();
    let number = |name: &str| m.get_one::<u64>(name).copied();
    crate::serve::limits::Limits {
        request_timeout: number("request-timeout")
            .map_or(defaults.request_timeout, Duration::from_secs),
        max_connections: number("max-connections").map(|n| n as usize),
        max_body_memory: number("max-body-memory")
            .map_or(defaults.max_body_memory, |mib| mib as usize * 1024 * 1024),
        shutdown_timeout: number("shutdown-timeout")
            .map_or(defaults.shutdown_timeout, Duration::from_secs),
    }
}

/// The long options of the subcommand named in `argv` (with whether they take a value).
fn long_options(cmd: &clap::Command, argv: &[String]) -> Vec<(String, bool)> {
    let sub = argv
        .iter()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .and_then(|s| cmd.find_subcommand(s));
    let args = cmd
        .get_arguments()
        .chain(sub.into_iter().flat_map(|s| s.get_arguments()));
    args.filter_map(|a| {
        let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
        a.get_long().map(|l| (format!("--{l}"), takes_value))
    })
    .collect()
}

/// Turns a clap error into argparse's message for the same mistake.
fn clap_error(e: clap::Error, cmd: &clap::Command, argv: &[String]) -> Result<(), CliError> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => vec![],
    };
    // "--secret-id <STRING>" → "--secret-id", as argparse names options.
    let option = |s: &String| s.split([' ', '=']).next().unwrap_or_default().to_string();
    let message = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return Ok(());
        }
        ErrorKind::MissingRequiredArgument => format!(
            "the following arguments are required: {}",
            context(ContextKind::InvalidArg)
                .iter()
                .map(option)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ErrorKind::UnknownArgument => {
            let word = context(ContextKind::InvalidArg).join(", ");
            let options = long_options(cmd, argv);
            let candidates: Vec<&str> = options
                .iter()
                .filter(|(o, _)| word.starts_with("--") && o.starts_with(&word))
                .map(|(o, _)| o.as_str())
                .collect();
            // The word the option's value should have been, e.g. `--secret-string -abc`.
            let position = argv
                .iter()
                .position(|a| a.starts_with(&word) && !word.is_empty());
            let previous = position
                .and_then(|p| p.checked_sub(1))
                .map(|p| argv[p].as_str());
            let wants_value = previous.and_then(|p| options.iter().find(|(o, v)| o == p && *v));
            let subcommand = argv.iter().skip(1).find(|a| !a.starts_with('-'));
            if subcommand.is_some_and(|s| s == "exec") && !word.starts_with('-') {
                // `smvault exec --env A=b prog`: the program's words need a `--` first.
                return Err(CliError::Usage(format!(
                    "put -- before the program: exec [OPTIONS] -- COMMAND [ARGS]... (found '{word}')"
                )));
            }
            if candidates.len() > 1 {
                format!(
                    "ambiguous option: {word} could match {}",
                    candidates.join(", ")
                )
            } else if let (Some((option, _)), true) = (wants_value, word.starts_with('-')) {
                format!("argument {option}: expected one argument")
            } else {
                return Err(CliError::UnknownOptions(word));
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = context(ContextKind::InvalidArg)
                .first()
                .map(option)
                .unwrap_or_default();
            match context(ContextKind::InvalidValue).first() {
                // Only the integer options (--max-items, --page-size, --cli-*-timeout)
                // have a value parser that can fail; choices fail as InvalidValue.
                Some(v) if e.kind() == ErrorKind::ValueValidation => {
                    format!("argument {arg}: invalid int value: '{v}'")
                }
                Some(v) if !v.is_empty() => {
                    let choices = context(ContextKind::ValidValue);
                    let choices: Vec<&str> = choices.iter().map(String::as_str).collect();
                    format!("argument {arg}: {}", invalid_choice(v, &choices))
                }
                _ => format!("argument {arg}: expected one argument"),
            }
        }
        ErrorKind::InvalidSubcommand => {
            let word = context(ContextKind::InvalidSubcommand).join(", ");
            // argparse's choices: the operations (and smvault's commands), then help.
            let choices: Vec<&str> = cmd
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| c.get_name())
                .chain(["help"])
                .collect();
            format!("argument operation: {}", invalid_choice(&word, &choices))
        }
        _ => {
            let text = e.render().to_string();
            text.lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string()
        }
    };
    Err(CliError::Usage(message))
}

/// The AWS CLI v2's invalid-choice text (awscli/argparser.py `_check_value`): the
/// value, then up to three close choices (difflib, cutoff 0.8) under "Maybe you meant:".
fn invalid_choice(value: &str, choices: &[&str]) -> String {
    let mut lines = vec![format!("Found invalid choice '{value}'\n")];
    let possible = suggest::close_matches(value, choices, 0.8);
    if !possible.is_empty() {
        lines.push("Maybe you meant:\n".to_string());
        lines.extend(possible.iter().map(|p| format!("  * {p}")));
    }
    lines.join("\n")
}

fn version_line() -> String {
    format!(
        "smvault/{} (aws-cli/2 compatible)\n",
        env!("CARGO_PKG_VERSION")
    )
}

pub fn print(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not an error for a script.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::General(format!("cannot write to stdout: {e}"))),
    }
}

fn debug(settings: &Settings, what: &str) {
    if settings.env.debug {
        let _ = writeln!(std::io::stderr(), "smvault: debug: {what}");
    }
}

/// The API name of a subcommand (`get-secret-value` → `GetSecretValue`).
fn api_name(sub: &str) -> Option<&'static str> {
    model()
        .operations
        .iter()
        .map(|(n, _)| n.as_str())
        .find(|n| xform_name(n) == sub)
}

fn run_operation(sub: &str, m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let name = api_name(sub).ok_or_else(|| {
        CliError::Usage(format!("argument operation: Found invalid choice '{sub}'"))
    })?;
    let op_def = model()
        .operations
        .get(name)
        .expect("invariant: known operation");
    if let Some(kind) = m.get_one::<String>("generate-cli-skeleton") {
        if kind == "output" {
            // Unlike the input skeletons, the AWS CLI validates the command first.
            required_given(&op_def.input, m)?;
            request::build(name, m, settings)?;
        }
        return print(&skeleton_text(
            kind,
            name,
            &op_def.input,
            op_def.output.as_deref(),
        ));
    }
    // Opened before anything runs: a log that cannot be opened stops the command.
    let audit = settings
        .audit_log
        .as_deref()
        .map(service::audit::Log::open)
        .transpose()?;
    let mut secret = None;
    let answer = answer_operation(name, m, settings, &mut secret);
    if let Some(audit) = &audit {
        audited(audit, name, secret.as_deref(), &answer, settings)?;
    }
    print(&answer?)
}

/// Runs operation `name` and renders its answer; `secret` gets the secret the request
/// names, for the audit line.
fn answer_operation(
    name: &'static str,
    m: &ArgMatches,
    settings: &Settings,
    secret: &mut Option<String>,
) -> Result<String, CliError> {
    let printer = Printer::new(
        &settings.output,
        settings.query.as_deref(),
        name,
        settings.table_width(),
        settings.color,
    )?;
    let request = request::build(name, m, settings)?;
    *secret = ["SecretId", "Name"]
        .iter()
        .find_map(|k| request.get(*k).and_then(Value::as_str))
        .map(str::to_string);
    debug(
        settings,
        &format!(
            "operation={name} vault={} region={}",
            settings.env.vault_path.display(),
            settings.env.region.as_deref().unwrap_or("(default)")
        ),
    );
    if args::is_paginated(name) {
        return run_paginated(name, request, m, settings, &printer);
    }
    let mut response = service::run(name, request, &settings.env)?;
    output::convert_timestamps(&mut response);
    printer.render(&response)
}

/// An audit line of the CLI: the machine's owner, from no address, allowed as the owner.
fn owner_entry(
    settings: &Settings,
    request_id: &str,
    operation: &str,
    secret_id: Option<&str>,
    result: &str,
) -> service::audit::Entry {
    use service::audit::{Decision, Entry, Principal, Request};
    Entry::new(Request {
        at: settings.env.now,
        request_id,
        principal: &Principal::Owner,
        source: None,
        operation,
        secret_id,
        decision: &Decision::of(&Principal::Owner),
        result,
    })
}

/// Appends the operation's audit line (SMVAULT_AUDIT_LOG) before anything is printed:
/// a line that cannot be written fails the command (exit 255) with nothing on stdout,
/// saying so when the change was made (service::audit says why).
fn audited(
    audit: &service::audit::Log,
    name: &str,
    secret: Option<&str>,
    answer: &Result<String, CliError>,
    settings: &Settings,
) -> Result<(), CliError> {
    let result = match answer {
        Ok(_) => "OK".to_string(),
        Err(CliError::Service { err, .. }) => err.code.as_str().to_string(),
        Err(CliError::ParamValidation(_) | CliError::Usage(_) | CliError::UnknownOptions(_)) => {
            "ParamValidation".into()
        }
        Err(CliError::Vault(e)) if e.is_configuration() => "ConfigurationError".into(),
        Err(_) => "Error".into(),
    };
    let entry = owner_entry(
        settings,
        &service::audit::request_id(),
        name,
        secret,
        &result,
    );
    let Err(e) = audit.record(&entry) else {
        return Ok(());
    };
    let committed = answer.is_ok()
        && service::operation(name).is_some_and(|op| {
            matches!(
                op.access,
                service::Access::Write | service::Access::Rotation
            )
        });
    Err(CliError::General(if committed {
        format!(
            "the {name} change WAS made to the vault, but its audit record could not be written: {e}"
        )
    } else {
        format!("{name} was not answered: its audit record could not be written: {e}")
    }))
}

/// argparse's check for required options, which clap skips when
/// `--generate-cli-skeleton` is given (the input skeletons need none).
fn required_given(input: &str, m: &ArgMatches) -> Result<(), CliError> {
    if ["cli-input-json", "cli-input-yaml"]
        .iter()
        .any(|id| request::given(m, id))
    {
        // The document may hold them; building the request checks it.
        return Ok(());
    }
    let shape = model().shape(input);
    let missing: Vec<String> = shape
        .members
        .iter()
        .filter(|(member, r)| {
            shape.required.contains(*member)
                && !r.idempotency_token
                && model().shape(&r.shape).kind != "boolean"
                && !request::given(m, member)
        })
        .map(|(member, _)| format!("--{}", xform_name(member)))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(CliError::Usage(format!(
        "the following arguments are required: {}",
        missing.join(", ")
    )))
}

fn skeleton_text(kind: &str, op: &str, input: &str, output: Option<&str>) -> String {
    match kind {
        "yaml-input" => skeleton::yaml_input(op, input),
        "output" => output
            .map(|o| crate::render::json(&skeleton::template(o, 0)))
            .unwrap_or_default(),
        _ => crate::render::json(&skeleton::template(input, 0)),
    }
}

fn run_paginated(
    name: &str,
    request: Value,
    m: &ArgMatches,
    settings: &Settings,
    printer: &Printer,
) -> Result<String, CliError> {
    let paging = paginate::PagingArgs {
        starting_token: m.get_one::<String>("starting-token").cloned(),
        page_size: m.get_one::<i64>("page-size").copied(),
        max_items: m.get_one::<i64>("max-items").copied(),
    };
    let paging_given: Vec<&str> = [
        ("--starting-token", paging.starting_token.is_some()),
        ("--page-size", paging.page_size.is_some()),
        ("--max-items", paging.max_items.is_some()),
    ]
    .iter()
    .filter(|(_, g)| *g)
    .map(|(n, _)| *n)
    .collect();
    if settings.no_paginate && !paging_given.is_empty() {
        return Err(CliError::ParamValidation(format!(
            "Cannot specify --no-paginate along with pagination arguments: {}",
            paging_given.join(", ")
        )));
    }
    if paging.max_items.is_some_and(|n| n <= 0) {
        let _ = writeln!(
            std::io::stderr(),
            "warning: Non-positive values for --max-items may result in undefined behavior."
        );
    }
    // Raw MaxResults/NextToken (or --no-paginate) mean one plain call, as in the AWS CLI.
    let raw = request.get("MaxResults").is_some() || request.get("NextToken").is_some();
    if settings.no_paginate || raw {
        let mut response = service::run(name, request, &settings.env)?;
        output::convert_timestamps(&mut response);
        return printer.render(&response);
    }
    let op = service::operation(name)
        .ok_or_else(|| CliError::General(format!("internal: no operation named {name}")))?;
    // Every page from one reading of the vault; each page's request is checked as a
    // single call's is (--page-size too).
    let pages = service::txn::read_pages(op, &request, &settings.env, |call| {
        paginate::paginate(&paging, "SecretList", |size, token| {
            let mut req = request.clone();
            if let Some(obj) = req.as_object_mut() {
                if let Some(size) = size {
                    obj.insert("MaxResults".into(), Value::from(size));
                }
                if let Some(token) = token {
                    obj.insert("NextToken".into(), Value::from(token));
                }
            }
            let mut page = call(req)?;
            output::convert_timestamps(&mut page);
            Ok(page)
        })
    })?;
    if printer.per_page() {
        let mut out = String::new();
        for page in &pages.pages {
            out.push_str(&printer.render(page)?);
        }
        if let (Some(token), "text") = (&pages.next_token, printer.format.as_str()) {
            // The CLI prints a last page {"NextToken": {"NextToken": ...}}: a NEXTTOKEN row.
            out.push_str(&printer.render(&serde_json::json!({"NextToken": {"NextToken": token}}))?);
        }
        return Ok(out);
    }
    printer.render(&pages.merged("SecretList"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn command_word_skips_global_options_and_the_service_word() {
        let word = |v: &[&str]| command_word(&words(v)).map(|w| w.to_string_lossy().into_owned());
        assert_eq!(
            word(&["smvault", "exec", "--", "env"]).as_deref(),
            Some("exec")
        );
        assert_eq!(
            word(&["aws", "--region", "exec", "secretsmanager", "exec"]).as_deref(),
            Some("exec")
        );
        assert_eq!(
            word(&["smvault", "get-secret-value", "--secret-id", "exec"]).as_deref(),
            Some("get-secret-value")
        );
        assert_eq!(word(&["smvault", "--debug"]), None);
    }

    #[test]
    fn normalize_glues_values_before_a_double_dash_only() {
        let got = normalize(
            "smvault",
            words(&[
                "smvault", "exec", "--prefix", "-5", "--", "p", "--n", "-5", "help",
            ]),
        )
        .unwrap();
        assert_eq!(
            got,
            words(&[
                "smvault",
                "exec",
                "--prefix=-5",
                "--",
                "p",
                "--n",
                "-5",
                "help"
            ])
        );
    }

    #[test]
    fn aws_link_takes_exec_and_inject() {
        for sub in ["exec", "inject"] {
            assert!(normalize("aws", words(&["aws", sub])).is_ok());
        }
        assert!(normalize("aws", words(&["aws", "s3"])).is_err());
    }

    proptest! {
        #[test]
        fn words_after_double_dash_pass_through(tail in proptest::collection::vec(".*", 0..6)) {
            let mut argv = words(&["smvault", "exec", "--env", "A=b", "--"]);
            argv.extend(tail.iter().map(OsString::from));
            let got = normalize("smvault", argv.clone()).unwrap();
            prop_assert_eq!(got, argv);
        }
    }
}

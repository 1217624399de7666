//! `smvault principals add|list|remove|rotate-key|set-policy|can`: who besides the owner may
//! call `smvault serve`, with what key and which identity policy; a new key pair printed
//! once, as `aws iam create-access-key` prints it.

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{Value, json};
use zeroize::{Zeroize, Zeroizing};

use super::exit::CliError;
use super::output::{Printer, convert_timestamps};
use super::request::text_param;
use super::settings::Settings;
use crate::core::model::Millis;
use crate::service::principals::{self, AccessKey, Add};

const ABOUT: &str = "Add, list, change or remove who besides you may call `smvault serve` (IAM-user-like principals)";

const LONG_ABOUT: &str = "Add, list, change or remove who besides you may call `smvault serve`.\n\n\
    A principal is an IAM user of the vault's account, arn:aws:iam::ACCOUNT:user/NAME, with one \
    access key pair and an optional identity policy. It is kept encrypted in the vault beside \
    serve's own credentials (yours: you may do everything, as an account's root), carried by \
    `smvault git-merge`, and never sent to AWS by `push`. Its requests to serve are allowed as \
    AWS allows a same-account request: an explicit Deny in its identity policy or the secret's \
    resource policy denies; otherwise an Allow in either allows; otherwise it is denied. \
    `principals can` asks that question without a request.";

const EXAMPLES: &str = "  smvault principals add ci --policy file://ci-policy.json\n  \
    smvault principals add app --access-key-id test --secret-access-key test\n  \
    smvault principals can ci secretsmanager:GetSecretValue prod/db\n  \
    eval \"$(smvault serve --print-env --principal ci)\"";

const POLICY_FORMS: &str =
    "POLICY is the JSON text itself or file://PATH, as for every AWS CLI parameter";

fn name_arg() -> Arg {
    Arg::new("name")
        .required(true)
        .value_name("NAME")
        .help("The principal's name (IAM's user-name rules: 1 to 64 of A-Z a-z 0-9 _+=,.@-)")
}

pub fn command() -> Command {
    Command::new("principals")
        .about(ABOUT)
        .long_about(LONG_ABOUT)
        .after_long_help(super::args::sections(&[("Examples", EXAMPLES)]))
        .subcommand_required(true)
        .subcommand(
            Command::new("add")
                .about("Add a principal and print its new access key pair once")
                .long_about(
                    "Add a principal and print its access key pair as `aws iam create-access-key` \
                     prints it: the secret access key is shown this once (smvault keeps it \
                     encrypted in the vault, as serve needs it, but never prints it again). A pair \
                     given with --access-key-id and --secret-access-key (for dev stacks whose \
                     clients hard-code keys, such as test/test) is stored as given and printed \
                     without its secret key.",
                )
                .arg(name_arg())
                .arg(
                    Arg::new("policy")
                        .long("policy")
                        .value_name("POLICY")
                        .help(format!(
                            "The principal's identity policy (none: it may do only what resource policies grant it). {POLICY_FORMS}"
                        )),
                )
                .arg(
                    Arg::new("access-key-id")
                        .long("access-key-id")
                        .value_name("ID")
                        .requires("secret-access-key")
                        .help("Use this access key id (1 to 128 letters and digits) instead of a new one"),
                )
                .arg(
                    Arg::new("secret-access-key")
                        .long("secret-access-key")
                        .value_name("KEY")
                        .requires("access-key-id")
                        .help("Use this secret access key (1 to 128 printable characters, no spaces; or file://PATH, a trailing newline dropped)"),
                ),
        )
        .subcommand(
            Command::new("list")
                .about("List the principals: names, ARNs, user ids, access key ids and policy summaries (never a secret key)"),
        )
        .subcommand(
            Command::new("remove")
                .about("Remove a principal; its access key stops working")
                .arg(name_arg()),
        )
        .subcommand(
            Command::new("rotate-key")
                .about("Give a principal a new access key pair, printed once; the old one stops working")
                .arg(name_arg()),
        )
        .subcommand(
            Command::new("set-policy")
                .about("Set a principal's identity policy, or remove it with --clear")
                .arg(name_arg())
                .arg(
                    Arg::new("policy")
                        .value_name("POLICY")
                        .required_unless_present("clear")
                        .conflicts_with("clear")
                        .help(POLICY_FORMS),
                )
                .arg(
                    Arg::new("clear")
                        .long("clear")
                        .action(ArgAction::SetTrue)
                        .help("Remove the identity policy: the principal may then do only what resource policies grant it"),
                ),
        )
        .subcommand(
            Command::new("can")
                .about("Whether a principal may perform an action on a secret, and the statement that decides")
                .long_about(
                    "Whether a principal may perform an action on a secret, as serve would decide \
                     a request: its identity policy and the secret's resource policy, evaluated \
                     against the secret as stored (its ARN, tags and policy) in the region. Prints \
                     Allow or Deny, the statement that decided, what serve would answer a denied \
                     request, and the condition keys the request carries. A secret that does not \
                     exist is evaluated by the ARN its id spells.",
                )
                .arg(name_arg())
                .arg(
                    Arg::new("action")
                        .required(true)
                        .value_name("ACTION")
                        .help("secretsmanager:<Operation> (or the operation's name), such as secretsmanager:GetSecretValue"),
                )
                .arg(
                    Arg::new("secret-id")
                        .value_name("SECRET-ID")
                        .help("The secret's name or ARN; left out for the actions on no secret (ListSecrets, GetRandomPassword, BatchGetSecretValue)"),
                )
                .arg(
                    Arg::new("context")
                        .long("context")
                        .value_name("KEY=VALUE")
                        .action(ArgAction::Append)
                        .help("A condition key the request carries, over its own (repeatable; a key given twice has both values), such as aws:SourceIp=10.0.0.1"),
                ),
        )
}

pub fn run(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    match m.subcommand() {
        Some(("add", m)) => add(m, settings),
        Some(("remove", m)) => {
            principals::remove(&settings.env, name(m))?;
            Ok(())
        }
        Some(("rotate-key", m)) => {
            let key = principals::rotate_key(&settings.env, name(m))?;
            print_key(&key, true, settings)
        }
        Some(("set-policy", m)) => {
            let policy = match m.get_one::<String>("policy") {
                Some(p) => Some(text_param("POLICY", p)?),
                None => None,
            };
            principals::set_policy(&settings.env, name(m), policy.as_deref())?;
            Ok(())
        }
        Some(("can", m)) => can(m, settings),
        _ => list(settings),
    }
}

fn name(m: &ArgMatches) -> &str {
    m.get_one::<String>("name").expect("required")
}

fn printer(settings: &Settings, title: &str) -> Result<Printer, CliError> {
    Printer::new(
        &settings.output,
        settings.query.as_deref(),
        title,
        settings.table_width(),
        settings.color,
    )
}

/// A key or id read from a file ends with the newline `echo` left: dropped, since
/// neither may hold whitespace.
fn key_param(option: &str, m: &ArgMatches) -> Result<Option<Zeroizing<String>>, CliError> {
    let Some(value) = m.get_one::<String>(option) else {
        return Ok(None);
    };
    let mut text = Zeroizing::new(text_param(&format!("--{option}"), value)?);
    let keep = text.trim_end_matches(['\n', '\r']).len();
    text.truncate(keep);
    Ok(Some(text))
}

fn add(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let policy = match m.get_one::<String>("policy") {
        Some(p) => Some(text_param("--policy", p)?),
        None => None,
    };
    let id = key_param("access-key-id", m)?;
    let secret = key_param("secret-access-key", m)?;
    let given = id.is_some();
    let key = match (id, secret) {
        (Some(id), Some(secret)) => Some((id.to_string(), secret)),
        // clap's `requires` makes these go together.
        _ => None,
    };
    let created = principals::add(
        &settings.env,
        Add {
            name: name(m).to_string(),
            policy,
            key,
        },
    )?;
    print_key(&created, !given, settings)
}

/// IAM's timestamps are whole seconds.
fn whole_seconds(ms: Millis) -> Millis {
    ms.div_euclid(1000) * 1000
}

/// The key pair as `aws iam create-access-key` prints it (its output shape's member
/// order: UserName, AccessKeyId, Status, SecretAccessKey, CreateDate); the secret key
/// only when smvault made it, since a given one is known to whoever gave it.
fn print_key(key: &AccessKey, with_secret: bool, settings: &Settings) -> Result<(), CliError> {
    let mut access_key = serde_json::Map::new();
    access_key.insert("UserName".into(), json!(key.user_name));
    access_key.insert("AccessKeyId".into(), json!(key.access_key_id));
    access_key.insert("Status".into(), json!("Active"));
    if with_secret {
        access_key.insert(
            "SecretAccessKey".into(),
            Value::String(key.secret_access_key.to_string()),
        );
    }
    access_key.insert("CreateDate".into(), json!(whole_seconds(key.created)));
    let mut response = json!({ "AccessKey": access_key });
    convert_timestamps(&mut response);
    let rendered = printer(settings, "CreateAccessKey")?.render(&response);
    if let Some(Value::String(s)) = response.pointer_mut("/AccessKey/SecretAccessKey") {
        s.zeroize();
    }
    super::print(&Zeroizing::new(rendered?))
}

fn list(settings: &Settings) -> Result<(), CliError> {
    let rows: Vec<Value> = principals::list(&settings.env)?
        .into_iter()
        .map(|p| {
            json!({
                "UserName": p.name,
                "Arn": p.arn,
                "UserId": p.user_id,
                "AccessKeyId": p.access_key_id,
                "CreateDate": whole_seconds(p.created),
                "AccessKeyCreateDate": whole_seconds(p.key_created),
                "Policy": p.policy,
            })
        })
        .collect();
    let mut response = json!({ "Principals": rows });
    convert_timestamps(&mut response);
    super::print(&printer(settings, "ListPrincipals")?.render(&response)?)
}

fn can(m: &ArgMatches, settings: &Settings) -> Result<(), CliError> {
    let context: Vec<String> = m
        .get_many::<String>("context")
        .map(|v| v.cloned().collect())
        .unwrap_or_default();
    let secret_id = m.get_one::<String>("secret-id").map(String::as_str);
    let action = m.get_one::<String>("action").expect("required");
    let answer = principals::can(&settings.env, name(m), action, secret_id, &context)?;
    let decided_by = match &answer.verdict.by {
        Some(by) => by.to_string(),
        None => "no statement allows it (implicit deny)".into(),
    };
    let mut out = serde_json::Map::new();
    let decision = if answer.verdict.allowed() {
        "Allow"
    } else {
        "Deny"
    };
    out.insert("Decision".into(), json!(decision));
    out.insert("DecidedBy".into(), json!(decided_by));
    out.insert("Principal".into(), json!(answer.principal.arn));
    out.insert("Action".into(), json!(answer.action));
    out.insert("Resource".into(), json!(answer.resource));
    if secret_id.is_some_and(|id| id != "*") {
        out.insert("SecretFound".into(), json!(answer.found));
    }
    if let Some(message) = &answer.denied_message {
        out.insert("DeniedMessage".into(), json!(message));
    }
    let context: serde_json::Map<String, Value> = answer
        .context
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v.values)))
        .collect();
    out.insert("Context".into(), Value::Object(context));
    super::print(&printer(settings, "Can")?.render(&Value::Object(out))?)
}

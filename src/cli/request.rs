//! From parsed arguments to an API request: `--cli-input-json`, each option converted by its
//! model type (file://, fileb://, shorthand, JSON, base64 blobs), idempotency tokens, validation.

use clap::ArgMatches;
use clap::parser::ValueSource;
use serde_json::{Map, Value};

use super::exit::CliError;
use super::model::{ShapeDef, model, xform_name};
use super::params::{self, ParamError, ParamFile, Shape};
use super::settings::Settings;
use crate::core::blob;

pub fn given(m: &ArgMatches, id: &str) -> bool {
    matches!(m.value_source(id), Some(ValueSource::CommandLine))
}

fn parse_error(option: &str, e: impl std::fmt::Display) -> CliError {
    CliError::ParamValidation(format!("Error parsing parameter '{option}': {e}"))
}

/// Loads a `file://`/`fileb://` value; `None` when the value has no such prefix.
fn load_file(option: &str, value: &str) -> Result<Option<ParamFile>, CliError> {
    params::paramfile::load(value, Settings::env_lookup).map_err(|e| parse_error(option, e))
}

/// A text option of smvault's own commands as the AWS CLI reads any parameter: the value
/// itself, or a `file://` file's text (`fileb://` is refused: text is wanted).
pub fn text_param(option: &str, value: &str) -> Result<String, CliError> {
    match load_file(option, value)? {
        None => Ok(value.to_string()),
        Some(ParamFile::Text(text)) => Ok(text),
        Some(ParamFile::Bytes(_)) => Err(parse_error(
            option,
            "give text (a value or file://), not fileb://",
        )),
    }
}

/// The model's shape as the value parsers need it.
pub fn param_shape(name: &str) -> Shape {
    let m = model();
    let s = m.shape(name);
    match s.kind.as_str() {
        "structure" => Shape::Structure(
            s.members
                .iter()
                .map(|(k, r)| (k.clone(), param_shape(&r.shape)))
                .collect(),
        ),
        "list" => Shape::List(Box::new(param_shape(
            &s.member
                .as_ref()
                .expect("invariant: lists have members")
                .shape,
        ))),
        "map" => Shape::Map(
            Box::new(param_shape(
                &s.key.as_ref().expect("invariant: maps have keys").shape,
            )),
            Box::new(param_shape(
                &s.value.as_ref().expect("invariant: maps have values").shape,
            )),
        ),
        "integer" => Shape::Integer,
        "long" => Shape::Long,
        "boolean" => Shape::Boolean,
        "blob" => Shape::Blob,
        "timestamp" => Shape::Timestamp,
        _ => Shape::String,
    }
}

/// Builds the request of operation `op` (API name) from its subcommand's matches.
pub fn build(op: &str, m: &ArgMatches, settings: &Settings) -> Result<Value, CliError> {
    let model = model();
    let input = &model
        .operations
        .get(op)
        .expect("invariant: known operation")
        .input;
    let shape = model.shape(input);
    let mut request = input_document(m)?;
    // A blob in the input document is read like --secret-binary: base64 text by
    // default (AWS CLI v2), raw text with --cli-binary-format raw-in-base64-out.
    for (member, r) in shape.members.iter() {
        if model.shape(&r.shape).kind == "blob"
            && let Some(Value::String(text)) = request.get(member)
        {
            let bytes = decode_blob_text(text, settings)?;
            request.insert(member.clone(), Value::String(blob::encode(&bytes)));
        }
    }
    for (member, r) in shape.members.iter() {
        let member_shape = model.shape(&r.shape);
        let option = format!("--{}", xform_name(member));
        if member_shape.kind == "boolean" {
            if given(m, member) {
                request.insert(member.clone(), Value::Bool(true));
            } else if given(m, &format!("no-{member}")) {
                request.insert(member.clone(), Value::Bool(false));
            }
            continue;
        }
        if !given(m, member) {
            continue;
        }
        let words: Vec<String> = m
            .get_many::<String>(member)
            .map(|v| v.cloned().collect())
            .unwrap_or_default();
        let value = convert(&option, &words, &r.shape, member_shape, settings)?;
        request.insert(member.clone(), value);
    }
    for (member, r) in shape.members.iter() {
        if r.idempotency_token && !request.contains_key(member) {
            request.insert(
                member.clone(),
                Value::String(uuid::Uuid::new_v4().to_string()),
            );
        }
    }
    let request = Value::Object(request);
    super::validate::validate(&request, input)?;
    Ok(request)
}

/// `--cli-input-json`/`--cli-input-yaml`: the request's starting point; options override it.
fn input_document(m: &ArgMatches) -> Result<Map<String, Value>, CliError> {
    let json = m.get_one::<String>("cli-input-json");
    let yaml = m.get_one::<String>("cli-input-yaml");
    let (option, raw) = match (json, yaml) {
        (Some(_), Some(_)) => {
            return Err(CliError::ParamValidation(
                "Only one --cli-input- parameter may be specified.".into(),
            ));
        }
        (Some(j), None) => ("cli-input-json", j),
        (None, Some(y)) => ("cli-input-yaml", y),
        (None, None) => return Ok(Map::new()),
    };
    let text = match load_file(&format!("--{option}"), raw)? {
        Some(ParamFile::Text(t)) => t,
        Some(ParamFile::Bytes(b)) => {
            String::from_utf8(b).map_err(|_| parse_error(option, "Invalid JSON received."))?
        }
        None => raw.clone(),
    };
    let doc: Value = if option == "cli-input-json" {
        serde_json::from_str(&text).map_err(|_| parse_error(option, "Invalid JSON received."))?
    } else {
        params::yaml_in::parse(&text).map_err(|e| parse_error(option, e))?
    };
    match doc {
        Value::Object(map) => Ok(map),
        other => Err(CliError::ParamValidation(format!(
            "Invalid type: expecting map, received {}",
            match other {
                Value::Array(_) => "<class 'list'>",
                Value::String(_) => "<class 'str'>",
                _ => "<class 'int'>",
            }
        ))),
    }
}

fn convert(
    option: &str,
    words: &[String],
    shape_name: &str,
    shape: &ShapeDef,
    settings: &Settings,
) -> Result<Value, CliError> {
    let single = || words.first().cloned().unwrap_or_default();
    match shape.kind.as_str() {
        "string" => match load_file(option, &single())? {
            Some(ParamFile::Text(t)) => Ok(Value::String(t)),
            Some(ParamFile::Bytes(_)) => Err(CliError::ParamValidation(format!(
                "Parameter validation failed:\nInvalid type for parameter {}, value: <bytes>, type: <class 'bytes'>, valid types: <class 'str'>",
                option_member(option)
            ))),
            None => Ok(Value::String(single())),
        },
        "blob" => {
            let bytes = match load_file(option, &single())? {
                Some(ParamFile::Bytes(b)) => b,
                Some(ParamFile::Text(t)) => decode_blob_text(&t, settings)?,
                None => decode_blob_text(&single(), settings)?,
            };
            Ok(Value::String(blob::encode(&bytes)))
        }
        "integer" | "long" => {
            let w = single();
            w.trim().parse::<i64>().map(Value::from).map_err(|_| {
                if shape.kind == "long" {
                    // argparse's own conversion (type=int): a usage error.
                    CliError::Usage(format!("argument {option}: invalid int value: '{w}'"))
                } else {
                    CliError::General(format!("invalid literal for int() with base 10: '{w}'"))
                }
            })
        }
        _ => {
            params::parse_option_value(option, words, &param_shape(shape_name)).map_err(|e| match e
            {
                ParamError::General { message } => CliError::General(message),
                ParamError::Bytes { .. } => {
                    CliError::ParamValidation(format!("Parameter validation failed:\n{e}"))
                }
                ParamError::Parameter { .. } => CliError::ParamValidation(e.to_string()),
            })
        }
    }
}

/// `--secret-binary`: base64 text by default (AWS CLI v2), raw text with
/// `--cli-binary-format raw-in-base64-out`.
fn decode_blob_text(text: &str, settings: &Settings) -> Result<Vec<u8>, CliError> {
    if settings.raw_binary {
        return Ok(text.as_bytes().to_vec());
    }
    // The AWS CLI echoes the value here; a secret must not reach stderr.
    params::blob::decode_lenient(text).map_err(|_| {
        CliError::General(format!(
            "Invalid base64: \"<{} characters redacted>\"",
            text.chars().count()
        ))
    })
}

fn option_member(option: &str) -> String {
    option
        .trim_start_matches("--")
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

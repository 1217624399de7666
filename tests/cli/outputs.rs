//! Every output format on secrets with known content, --query, time zones, and the
//! pagination of list-secrets, checked byte for byte where AWS CLI v2's bytes are known.

use crate::support::cli;

use cli::{Env, NOW, hooks, param_validation};
use serde_json::{Value, json};

const TOKEN: &str = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const NOW_ISO: &str = "2024-01-02T03:04:05.678000+00:00";

/// A vault with the secret `out/s` = `hello`, version TOKEN, created at NOW; returns its ARN.
fn known_secret() -> (Env, String) {
    let env = Env::new().with("SMVAULT_TEST_NOW", NOW);
    let created = env
        .run(&[
            "create-secret",
            "--name",
            "out/s",
            "--secret-string",
            "hello",
            "--client-request-token",
            TOKEN,
        ])
        .json();
    let arn = created["ARN"].as_str().unwrap().to_string();
    assert!(
        arn.starts_with("arn:aws:secretsmanager:us-east-1:123456789012:secret:out/s-"),
        "{arn}"
    );
    (env, arn)
}

fn get(env: &Env, extra: &[&str]) -> String {
    let mut args = vec!["get-secret-value", "--secret-id", "out/s"];
    args.extend_from_slice(extra);
    env.ok(&args)
}

// ------------------------------------------------------------------------------- json

#[test]
fn json_layout_and_member_order() {
    if !hooks() {
        return;
    }
    let (env, arn) = known_secret();
    let expected = format!(
        "{{\n    \"ARN\": \"{arn}\",\n    \"Name\": \"out/s\",\n    \"VersionId\": \"{TOKEN}\",\n    \"SecretString\": \"hello\",\n    \"VersionStages\": [\n        \"AWSCURRENT\"\n    ],\n    \"CreatedDate\": \"{NOW_ISO}\"\n}}\n"
    );
    assert_eq!(get(&env, &[]), expected);
    assert_eq!(get(&env, &["--output", "json"]), expected);
}

#[test]
fn json_member_order_of_describe_secret() {
    let (env, _) = known_secret();
    env.ok(&[
        "update-secret",
        "--secret-id",
        "out/s",
        "--description",
        "d",
    ]);
    env.ok(&[
        "tag-resource",
        "--secret-id",
        "out/s",
        "--tags",
        "Key=k,Value=v",
    ]);
    get(&env, &["--output", "off"]);
    let v = env.run(&["describe-secret", "--secret-id", "out/s"]).json();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "ARN",
            "Name",
            "Description",
            "LastChangedDate",
            "LastAccessedDate",
            "Tags",
            "VersionIdsToStages",
            "CreatedDate"
        ]
    );
    assert_eq!(v["VersionIdsToStages"], json!({TOKEN: ["AWSCURRENT"]}));
}

#[test]
fn json_escapes_like_python_with_ensure_ascii_off() {
    let env = Env::new();
    let value = "café 😀 tab\there\nnewline \"q\" back\\slash \u{1} /slash";
    env.create("unicode/test", value);
    let out = env.run(&[
        "get-secret-value",
        "--secret-id",
        "unicode/test",
        "--query",
        "SecretString",
    ]);
    assert_eq!(
        out.stdout_bytes,
        b"\"caf\xc3\xa9 \xf0\x9f\x98\x80 tab\\there\\nnewline \\\"q\\\" back\\\\slash \\u0001 /slash\"\n"
    );
    // text prints the raw value.
    let text = env.ok(&[
        "get-secret-value",
        "--secret-id",
        "unicode/test",
        "--query",
        "SecretString",
        "--output",
        "text",
    ]);
    assert_eq!(text, format!("{value}\n"));
}

// ------------------------------------------------------------------------------- text

#[test]
fn text_sorts_scalars_onto_one_line_and_lists_get_a_prefix_line() {
    if !hooks() {
        return;
    }
    let (env, arn) = known_secret();
    assert_eq!(
        get(&env, &["--output", "text"]),
        format!("{arn}\t{NOW_ISO}\tout/s\thello\t{TOKEN}\nVERSIONSTAGES\tAWSCURRENT\n")
    );
}

#[test]
fn text_upper_cases_map_keys_as_row_prefixes() {
    let (env, _) = known_secret();
    let out = env.ok(&[
        "describe-secret",
        "--secret-id",
        "out/s",
        "--output",
        "text",
        "--query",
        "VersionIdsToStages",
    ]);
    assert_eq!(out, format!("{}\tAWSCURRENT\n", TOKEN.to_uppercase()));
}

#[test]
fn text_of_a_random_password_is_the_bare_value() {
    let env = Env::new();
    let out = env.ok(&[
        "get-random-password",
        "--password-length",
        "20",
        "--output",
        "text",
    ]);
    assert_eq!(out.len(), 21, "{out:?}");
    assert!(out.ends_with('\n') && !out[..20].contains('\n'));
}

// ------------------------------------------------------------------------------ table

#[test]
fn table_of_a_random_password_is_byte_exact() {
    if !hooks() {
        return;
    }
    let env = Env::new().with("SMVAULT_TEST_SEED", "3");
    let args = [
        "get-random-password",
        "--password-length",
        "16",
        "--exclude-punctuation",
    ];
    let pw = env.ok(&[&args[..], &["--output", "text"]].concat());
    let pw = pw.trim_end_matches('\n');
    assert_eq!(pw.len(), 16);
    let table = env.ok(&[&args[..], &["--output", "table"]].concat());
    assert_eq!(
        table,
        format!(
            "----------------------------------------\n|           GetRandomPassword          |\n+-----------------+--------------------+\n|  RandomPassword |  {pw}  |\n+-----------------+--------------------+\n"
        )
    );
}

#[test]
fn table_of_a_secret_value() {
    let (env, arn) = known_secret();
    let out = get(&env, &["--output", "table"]);
    let lines: Vec<&str> = out.lines().collect();
    let width = lines[0].chars().count();
    assert!(lines[0].chars().all(|c| c == '-'), "{out}");
    assert!(lines.iter().all(|l| l.chars().count() == width), "{out}");
    assert!(
        lines[1].trim_matches(['|', ' ']) == "GetSecretValue",
        "{out}"
    );
    // Wider than 80 columns: the one-row section is laid out key/value.
    for (key, value) in [
        ("ARN", arn.as_str()),
        ("Name", "out/s"),
        ("SecretString", "hello"),
        ("VersionId", TOKEN),
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("|  {key}")) && l.contains(&format!("|  {value} "))),
            "no row {key} = {value} in\n{out}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| l.trim_matches(['|', ' ']) == "VersionStages")
    );
    assert!(lines.iter().any(|l| l.starts_with("||  AWSCURRENT ")));
}

#[test]
fn table_of_an_empty_list() {
    let env = Env::new();
    assert_eq!(
        env.ok(&["list-secrets", "--output", "table"]),
        "-------------\n|ListSecrets|\n+-----------+\n"
    );
}

// ------------------------------------------------------------------------------- yaml

fn yaml_value(text: &str) -> Value {
    serde_yaml_ng::from_str(text).unwrap_or_else(|e| panic!("not YAML ({e}):\n{text}"))
}

#[test]
fn yaml_is_the_json_document_with_sorted_keys() {
    let (env, arn) = known_secret();
    let json: Value = serde_json::from_str(&get(&env, &[])).unwrap();
    let yaml = get(&env, &["--output", "yaml"]);
    assert_eq!(yaml_value(&yaml), json);
    if hooks() {
        assert_eq!(
            yaml,
            format!(
                "ARN: {arn}\nCreatedDate: '{NOW_ISO}'\nName: out/s\nSecretString: hello\nVersionId: {TOKEN}\nVersionStages:\n- AWSCURRENT\n"
            )
        );
    }
    // Same for a richer response.
    env.ok(&[
        "update-secret",
        "--secret-id",
        "out/s",
        "--description",
        "a: b # c",
    ]);
    env.ok(&[
        "tag-resource",
        "--secret-id",
        "out/s",
        "--tags",
        "Key=n,Value=123",
        "Key=e,Value=",
    ]);
    let json = env.run(&["describe-secret", "--secret-id", "out/s"]).json();
    let yaml = env.ok(&[
        "describe-secret",
        "--secret-id",
        "out/s",
        "--output",
        "yaml",
    ]);
    assert_eq!(yaml_value(&yaml), json);
    let keys: Vec<&str> = yaml
        .lines()
        .filter(|l| !l.starts_with([' ', '-']))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "{yaml}");
}

#[test]
fn yaml_stream_is_a_one_element_list() {
    let (env, _) = known_secret();
    let json: Value = serde_json::from_str(&get(&env, &[])).unwrap();
    let stream = get(&env, &["--output", "yaml-stream"]);
    assert!(stream.starts_with("- ARN: "), "{stream}");
    assert_eq!(yaml_value(&stream), json!([json]));
}

#[test]
fn yaml_prints_a_scalar_query_result_as_json() {
    let (env, _) = known_secret();
    assert_eq!(
        get(&env, &["--output", "yaml", "--query", "Name"]),
        "\"out/s\"\n"
    );
    assert_eq!(
        get(&env, &["--output", "yaml", "--query", "Nope"]),
        "null\n"
    );
}

// -------------------------------------------------------------------- off and defaults

#[test]
fn output_off_prints_nothing_but_still_runs() {
    let env = Env::new();
    let run = env.run(&[
        "create-secret",
        "--name",
        "quiet",
        "--secret-string",
        "v",
        "--output",
        "off",
    ]);
    run.ok();
    assert!(run.stdout_bytes.is_empty());
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id",
            "quiet",
            "--output",
            "off"
        ]),
        ""
    );
    assert_eq!(
        env.ok(&[
            "get-secret-value",
            "--secret-id",
            "quiet",
            "--query",
            "SecretString",
            "--output",
            "text"
        ]),
        "v\n"
    );
}

#[test]
fn aws_default_output_is_honoured_and_the_option_wins() {
    let (env, _) = known_secret();
    let env = env.with("AWS_DEFAULT_OUTPUT", "text");
    assert_eq!(get(&env, &["--query", "SecretString"]), "hello\n");
    assert_eq!(
        get(&env, &["--query", "SecretString", "--output", "json"]),
        "\"hello\"\n"
    );
    let yaml = env.run_with(
        &[("AWS_DEFAULT_OUTPUT", "yaml")],
        &[
            "get-secret-value",
            "--secret-id",
            "out/s",
            "--query",
            "VersionStages",
        ],
    );
    assert_eq!(yaml.ok(), "- AWSCURRENT\n");
}

#[test]
fn an_unknown_output_from_the_environment_fails_after_the_call() {
    let env = Env::new();
    let run = env.run_with(
        &[("AWS_DEFAULT_OUTPUT", "xml")],
        &["create-secret", "--name", "late", "--secret-string", "v"],
    );
    run.fails_with(255, "\nsmvault: [ERROR]: Unknown output type: xml\n");
    // As in the AWS CLI, the request was made before the formatter failed.
    env.ok(&["describe-secret", "--secret-id", "late"]);
}

// ------------------------------------------------------------------------------ --query

#[test]
fn query_scalar_list_hash_and_null() {
    let (env, _) = known_secret();
    assert_eq!(get(&env, &["--query", "Name"]), "\"out/s\"\n");
    assert_eq!(
        get(&env, &["--query", "Name", "--output", "text"]),
        "out/s\n"
    );
    assert_eq!(get(&env, &["--query", "length(VersionStages)"]), "1\n");
    assert_eq!(
        get(&env, &["--query", "VersionStages"]),
        "[\n    \"AWSCURRENT\"\n]\n"
    );
    assert_eq!(
        get(&env, &["--query", "VersionStages", "--output", "text"]),
        "AWSCURRENT\n"
    );
    assert_eq!(
        get(&env, &["--query", "{n: Name, s: SecretString}"]),
        "{\n    \"n\": \"out/s\",\n    \"s\": \"hello\"\n}\n"
    );
    assert_eq!(
        get(
            &env,
            &["--query", "{s: SecretString, n: Name}", "--output", "text"]
        ),
        "out/s\thello\n"
    );
    assert_eq!(
        get(
            &env,
            &["--query", "[Name, SecretString]", "--output", "text"]
        ),
        "out/s\thello\n"
    );
    assert_eq!(get(&env, &["--query", "Nope"]), "null\n");
    assert_eq!(
        get(&env, &["--query", "Nope", "--output", "text"]),
        "None\n"
    );
    assert_eq!(
        get(
            &env,
            &[
                "--query",
                "contains(VersionStages, 'AWSCURRENT')",
                "--output",
                "text"
            ]
        ),
        "True\n"
    );
    assert_eq!(
        get(&env, &["--query", "Name", "--output", "table"]),
        "----------------\n|GetSecretValue|\n+--------------+\n"
    );
}

#[test]
fn query_idioms_scripts_use() {
    let env = Env::new();
    env.create("q/one", "1");
    env.create("q/two", "2");
    env.ok(&[
        "put-secret-value",
        "--secret-id",
        "q/one",
        "--secret-string",
        "1b",
    ]);
    assert_eq!(
        env.ok(&[
            "list-secrets",
            "--query",
            "SecretList[].Name",
            "--output",
            "text"
        ]),
        "q/one\tq/two\n"
    );
    assert_eq!(
        env.ok(&[
            "list-secrets",
            "--query",
            "join(',', SecretList[].Name)",
            "--output",
            "text"
        ]),
        "q/one,q/two\n"
    );
    assert_eq!(
        env.ok(&["list-secrets", "--query", "SecretList[?Name==`nope`]"]),
        "[]\n"
    );
    assert_eq!(
        env.ok(&[
            "list-secrets",
            "--query",
            "SecretList[?Name==`nope`] | [0]",
            "--output",
            "text"
        ]),
        "None\n"
    );
    let current = env
        .run(&["get-secret-value", "--secret-id", "q/one"])
        .json()["VersionId"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        env.ok(&[
            "list-secret-version-ids",
            "--secret-id",
            "q/one",
            "--query",
            "Versions[?contains(VersionStages, 'AWSCURRENT')].VersionId",
            "--output",
            "text"
        ]),
        format!("{current}\n")
    );
}

#[test]
fn query_giving_an_empty_object_prints_nothing() {
    let (env, _) = known_secret();
    for output in ["json", "text", "yaml", "table"] {
        assert_eq!(
            get(&env, &["--query", "`{}`", "--output", output]),
            "",
            "{output}"
        );
    }
    // An empty list is `[]` in JSON and nothing in text.
    assert_eq!(get(&env, &["--query", "`[]`"]), "[]\n");
    assert_eq!(get(&env, &["--query", "`[]`", "--output", "text"]), "");
}

// ------------------------------------------------------------------------- timestamps

#[test]
fn timestamps_are_iso_in_the_local_zone() {
    if !hooks() {
        return;
    }
    let (env, _) = known_secret();
    let created = |tz: &str| {
        env.run_with(
            &[("TZ", tz)],
            &[
                "get-secret-value",
                "--secret-id",
                "out/s",
                "--query",
                "CreatedDate",
                "--output",
                "text",
            ],
        )
        .ok()
        .to_string()
    };
    assert_eq!(created("UTC"), "2024-01-02T03:04:05.678000+00:00\n");
    assert_eq!(
        created("Asia/Kolkata"),
        "2024-01-02T08:34:05.678000+05:30\n"
    );
    assert_eq!(
        created("America/New_York"),
        "2024-01-01T22:04:05.678000-05:00\n"
    );
    // In JSON it is a string; in YAML a single-quoted one.
    let json = env.run_with(
        &[("TZ", "Asia/Kolkata")],
        &[
            "get-secret-value",
            "--secret-id",
            "out/s",
            "--query",
            "CreatedDate",
        ],
    );
    assert_eq!(json.ok(), "\"2024-01-02T08:34:05.678000+05:30\"\n");
}

#[test]
fn a_whole_second_has_no_fraction() {
    if !hooks() {
        return;
    }
    let env = Env::new().with("SMVAULT_TEST_NOW", "2018-04-24T08:00:00Z");
    env.create("whole", "v");
    assert_eq!(
        env.ok(&[
            "describe-secret",
            "--secret-id",
            "whole",
            "--query",
            "CreatedDate",
            "--output",
            "text"
        ]),
        "2018-04-24T08:00:00+00:00\n"
    );
    let deleted = env
        .run(&[
            "delete-secret",
            "--secret-id",
            "whole",
            "--recovery-window-in-days",
            "7",
        ])
        .json();
    assert_eq!(deleted["DeletionDate"], "2018-05-01T08:00:00+00:00");
}

/// AWS's DeletedDate is when DeleteSecret was called and LastChangedDate moves to
/// it; DeleteSecret itself answers with the purge date (issue 14; research §8).
#[test]
fn deleted_date_is_when_the_delete_was_requested() {
    if !hooks() {
        return;
    }
    let env = Env::new();
    env.run_with(
        &[("SMVAULT_TEST_NOW", "2023-12-01T00:00:00Z")],
        &["create-secret", "--name", "del/s", "--secret-string", "v"],
    )
    .ok();
    let env = env.with("SMVAULT_TEST_NOW", NOW);
    let deleted = env
        .run(&[
            "delete-secret",
            "--secret-id",
            "del/s",
            "--recovery-window-in-days",
            "7",
        ])
        .json();
    assert_eq!(deleted["DeletionDate"], "2024-01-09T03:04:05.678000+00:00");
    let dates = "[DeletedDate, LastChangedDate]";
    let described = env.ok(&[
        "describe-secret",
        "--secret-id",
        "del/s",
        "--query",
        dates,
        "--output",
        "text",
    ]);
    assert_eq!(described, format!("{NOW_ISO}\t{NOW_ISO}\n"));
    let listed = env.ok(&[
        "list-secrets",
        "--include-planned-deletion",
        "--query",
        &format!("SecretList[].{dates}"),
        "--output",
        "text",
    ]);
    assert_eq!(listed, described);
    env.ok(&["restore-secret", "--secret-id", "del/s"]);
    let restored = env.run(&["describe-secret", "--secret-id", "del/s"]).json();
    assert!(restored.get("DeletedDate").is_none(), "{restored}");
}

#[test]
fn last_accessed_date_is_the_day_of_the_read() {
    if !hooks() {
        return;
    }
    let (env, _) = known_secret();
    get(&env, &[]);
    let out = env.ok(&[
        "describe-secret",
        "--secret-id",
        "out/s",
        "--query",
        "LastAccessedDate",
        "--output",
        "text",
    ]);
    assert_eq!(out, "2024-01-02T00:00:00+00:00\n");
}

// ------------------------------------------------------------------- list-secrets paging

/// Five secrets page/s1..s5 created a day apart, so the listing order is known.
fn five_secrets() -> Env {
    let env = Env::new();
    for i in 1..=5 {
        let now = format!("2024-01-0{i}T00:00:00Z");
        env.run_with(
            &[("SMVAULT_TEST_NOW", &now)],
            &[
                "create-secret",
                "--name",
                &format!("page/s{i}"),
                "--secret-string",
                &format!("v{i}"),
                "--description",
                &format!("d{i}"),
            ],
        )
        .ok();
    }
    env
}

fn list(env: &Env, extra: &[&str]) -> String {
    let mut args = vec!["list-secrets", "--filters", "Key=name,Values=page/"];
    args.extend_from_slice(extra);
    env.ok(&args)
}

const TOKEN_AFTER_2: &str = "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==";
const TOKEN_PAGE2_AFTER_1: &str = "eyJOZXh0VG9rZW4iOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9";
const NAMES_AND_TOKEN: &str = "{Names: SecretList[].Name, NextToken: NextToken}";

#[test]
fn max_items_prints_the_cli_next_token() {
    let env = five_secrets();
    let v: Value = serde_json::from_str(&list(
        &env,
        &["--max-items", "2", "--query", NAMES_AND_TOKEN],
    ))
    .unwrap();
    assert_eq!(
        v,
        json!({"Names": ["page/s1", "page/s2"], "NextToken": TOKEN_AFTER_2})
    );
    // Without a query NextToken is the last member of the merged document.
    let v: Value = serde_json::from_str(&list(&env, &["--max-items", "2"])).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["SecretList", "NextToken"]);
    // Not truncated: no NextToken.
    let v: Value = serde_json::from_str(&list(&env, &["--max-items", "5"])).unwrap();
    assert!(v.get("NextToken").is_none(), "{v}");
}

#[test]
fn starting_token_resumes_where_max_items_stopped() {
    let env = five_secrets();
    let v: Value = serde_json::from_str(&list(
        &env,
        &[
            "--starting-token",
            TOKEN_AFTER_2,
            "--query",
            NAMES_AND_TOKEN,
        ],
    ))
    .unwrap();
    assert_eq!(
        v,
        json!({"Names": ["page/s3", "page/s4", "page/s5"], "NextToken": null})
    );
    // Walk the whole listing two at a time.
    let mut names = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..10 {
        let mut args = vec!["--max-items", "2", "--query", NAMES_AND_TOKEN];
        if let Some(t) = &token {
            args.extend(["--starting-token", t.as_str()]);
        }
        let v: Value = serde_json::from_str(&list(&env, &args)).unwrap();
        names.extend(
            v["Names"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().to_string()),
        );
        match v["NextToken"].as_str() {
            Some(t) => token = Some(t.to_string()),
            None => break,
        }
    }
    assert_eq!(
        names,
        ["page/s1", "page/s2", "page/s3", "page/s4", "page/s5"]
    );
}

#[test]
fn page_size_changes_the_calls_not_the_result() {
    let env = five_secrets();
    let all = list(&env, &["--query", "SecretList[].Name"]);
    assert_eq!(
        list(&env, &["--page-size", "2", "--query", "SecretList[].Name"]),
        all
    );
    let v: Value = serde_json::from_str(&list(
        &env,
        &[
            "--page-size",
            "2",
            "--max-items",
            "3",
            "--query",
            NAMES_AND_TOKEN,
        ],
    ))
    .unwrap();
    assert_eq!(
        v,
        json!({"Names": ["page/s1", "page/s2", "page/s3"], "NextToken": TOKEN_PAGE2_AFTER_1})
    );
    let v: Value = serde_json::from_str(&list(
        &env,
        &[
            "--page-size",
            "2",
            "--starting-token",
            TOKEN_PAGE2_AFTER_1,
            "--query",
            "SecretList[].Name",
        ],
    ))
    .unwrap();
    assert_eq!(v, json!(["page/s4", "page/s5"]));
}

#[test]
fn text_output_is_per_page() {
    let env = five_secrets();
    assert_eq!(
        list(
            &env,
            &[
                "--page-size",
                "2",
                "--output",
                "text",
                "--query",
                "SecretList[].Name"
            ]
        ),
        "page/s1\tpage/s2\npage/s3\tpage/s4\npage/s5\n"
    );
    // The NextToken pseudo-page does not match the query: a stray None.
    assert_eq!(
        list(
            &env,
            &[
                "--page-size",
                "2",
                "--max-items",
                "3",
                "--output",
                "text",
                "--query",
                "SecretList[].Name"
            ]
        ),
        "page/s1\tpage/s2\npage/s3\nNone\n"
    );
    let text = list(
        &env,
        &["--page-size", "2", "--max-items", "3", "--output", "text"],
    );
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("SECRETLIST\t"))
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(
        rows[0].ends_with("\td1\t2024-01-01T00:00:00+00:00\tpage/s1"),
        "{text}"
    );
}

#[test]
fn text_output_ends_with_a_nexttoken_line() {
    let env = five_secrets();
    let text = list(
        &env,
        &["--page-size", "2", "--max-items", "3", "--output", "text"],
    );
    assert!(
        text.ends_with(&format!("\nNEXTTOKEN\t{TOKEN_PAGE2_AFTER_1}\n")),
        "{text}"
    );
}

#[test]
fn yaml_stream_prints_one_document_per_page() {
    let env = five_secrets();
    let out = list(
        &env,
        &[
            "--page-size",
            "2",
            "--output",
            "yaml-stream",
            "--query",
            "SecretList[].Name",
        ],
    );
    assert_eq!(
        out,
        "- - page/s1\n  - page/s2\n- - page/s3\n  - page/s4\n- - page/s5\n"
    );
    // yaml merges the pages.
    let out = list(
        &env,
        &[
            "--page-size",
            "2",
            "--output",
            "yaml",
            "--query",
            "SecretList[].Name",
        ],
    );
    assert_eq!(
        out,
        "- page/s1\n- page/s2\n- page/s3\n- page/s4\n- page/s5\n"
    );
}

#[test]
fn raw_max_results_turns_pagination_off_and_shows_the_service_token() {
    let env = five_secrets();
    let v: Value = serde_json::from_str(&list(
        &env,
        &["--max-results", "2", "--query", NAMES_AND_TOKEN],
    ))
    .unwrap();
    assert_eq!(v["Names"], json!(["page/s1", "page/s2"]));
    let token = v["NextToken"]
        .as_str()
        .expect("a service NextToken")
        .to_string();
    let v: Value = serde_json::from_str(&list(
        &env,
        &[
            "--max-results",
            "2",
            "--next-token",
            &token,
            "--query",
            "SecretList[].Name",
        ],
    ))
    .unwrap();
    assert_eq!(v, json!(["page/s3", "page/s4"]));
}

#[test]
fn no_paginate_with_max_items_is_refused() {
    let env = five_secrets();
    let before = env.vault_bytes();
    env.run(&["list-secrets", "--no-paginate", "--max-items", "2"])
        .fails_with(
            252,
            &param_validation(
                "Cannot specify --no-paginate along with pagination arguments: --max-items",
            ),
        );
    assert!(before == env.vault_bytes());
}

#[test]
fn non_positive_max_items_warns() {
    let env = five_secrets();
    let run = env.run(&[
        "list-secrets",
        "--max-items",
        "0",
        "--query",
        "length(SecretList)",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: Non-positive values for --max-items may result in undefined behavior."
        ),
        "{}",
        run.stderr
    );
}

// --------------------------------------------------------------- commands without output

#[test]
fn tag_and_untag_print_nothing() {
    let env = Env::new();
    env.create("t", "v");
    for args in [
        &[
            "tag-resource",
            "--secret-id",
            "t",
            "--tags",
            "Key=owner,Value=alice",
        ][..],
        &[
            "untag-resource",
            "--secret-id",
            "t",
            "--tag-keys",
            "owner",
            "team",
        ],
        &[
            "tag-resource",
            "--secret-id",
            "t",
            "--tags",
            "Key=a,Value=b",
            "--output",
            "text",
        ],
        &[
            "tag-resource",
            "--secret-id",
            "t",
            "--tags",
            "Key=a,Value=b",
            "--output",
            "yaml",
        ],
        &[
            "tag-resource",
            "--secret-id",
            "t",
            "--tags",
            "Key=a,Value=b",
            "--output",
            "table",
        ],
    ] {
        let run = env.run(args);
        run.ok();
        assert!(
            run.stdout_bytes.is_empty(),
            "{args:?} printed {:?}",
            run.stdout
        );
    }
    assert_eq!(
        env.run(&["describe-secret", "--secret-id", "t"]).json()["Tags"],
        json!([{"Key": "a", "Value": "b"}])
    );
}

#[test]
fn other_responses_have_their_aws_members() {
    let env = Env::new();
    let created = env.create("m", "v");
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&created), ["ARN", "Name", "VersionId"]);
    let put = env
        .run(&[
            "put-secret-value",
            "--secret-id",
            "m",
            "--secret-string",
            "w",
        ])
        .json();
    assert_eq!(keys(&put), ["ARN", "Name", "VersionId", "VersionStages"]);
    let upd = env
        .run(&["update-secret", "--secret-id", "m", "--description", "d"])
        .json();
    assert_eq!(keys(&upd), ["ARN", "Name"]);
    let del = env.run(&["delete-secret", "--secret-id", "m"]).json();
    assert_eq!(keys(&del), ["ARN", "Name", "DeletionDate"]);
    let res = env.run(&["restore-secret", "--secret-id", "m"]).json();
    assert_eq!(keys(&res), ["ARN", "Name"]);
    let versions = env
        .run(&["list-secret-version-ids", "--secret-id", "m"])
        .json();
    assert_eq!(keys(&versions), ["Versions", "ARN", "Name"]);
}

// ------------------------------------------------------------------ yaml scalar styles

#[test]
fn yaml_quotes_strings_the_way_ruamel_does() {
    let env = Env::new();
    env.ok(&["create-secret", "--name", "y"]);
    let cases: &[(&str, &str)] = &[
        // Plain.
        ("a:b", "a:b"),
        ("a#b", "a#b"),
        ("-x", "-x"),
        ("?x", "?x"),
        ("<x", "<x"),
        ("a,b", "a,b"),
        ("yes", "yes"),
        ("no", "no"),
        ("On", "On"),
        ("cron(0 16 1,15 * ? *)", "cron(0 16 1,15 * ? *)"),
        ("back\\slash", "back\\slash"),
        ("café", "café"),
        // Single-quoted: would be misread plain.
        (" lead", "' lead'"),
        ("trail ", "'trail '"),
        ("123", "'123'"),
        ("1.5", "'1.5'"),
        ("1e5", "'1e5'"),
        ("0x1F", "'0x1F'"),
        ("True", "'True'"),
        ("null", "'null'"),
        ("~", "'~'"),
        ("2024-01-01", "'2024-01-01'"),
        ("2024-01-01T00:00:00Z", "'2024-01-01T00:00:00Z'"),
        ("*x", "'*x'"),
        ("&x", "'&x'"),
        ("!x", "'!x'"),
        ("%x", "'%x'"),
        ("@x", "'@x'"),
        ("`x", "'`x'"),
        ("{x", "'{x'"),
        ("[x", "'[x'"),
        ("|x", "'|x'"),
        (">x", "'>x'"),
        ("\"x\"", "'\"x\"'"),
        ("'x'", "'''x'''"),
        ("- x", "'- x'"),
        ("-", "'-'"),
        ("---", "'---'"),
        ("...", "'...'"),
        ("=", "'='"),
        ("a: b", "'a: b'"),
        ("a #b", "'a #b'"),
        ("{\"user\":\"u\"}", "'{\"user\":\"u\"}'"),
        // Double-quoted with escapes.
        ("a\tb", "\"a\\tb\""),
        ("a\rb", "\"a\\rb\""),
        ("a\u{1}b", "\"a\\x01b\""),
        ("😀", "\"\\U0001F600\""),
        // A newline folds into a blank line.
        ("line1\nline2", "'line1\n\n  line2'"),
    ];
    let mut failures = Vec::new();
    for (value, rendered) in cases {
        env.ok(&[
            "put-secret-value",
            "--secret-id",
            "y",
            &format!("--secret-string={value}"),
        ]);
        let out = env.ok(&[
            "get-secret-value",
            "--secret-id",
            "y",
            "--query",
            "{v: SecretString}",
            "--output",
            "yaml",
        ]);
        if out != format!("v: {rendered}\n") {
            failures.push(format!(
                "{value:?}: got {out:?}, want {:?}",
                format!("v: {rendered}\n")
            ));
        }
        assert_eq!(
            yaml_value(&out),
            json!({"v": value}),
            "{value:?} does not read back"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn yaml_wraps_long_strings_at_80_columns() {
    let env = Env::new();
    let long = "word ".repeat(24) + "end";
    env.ok(&["create-secret", "--name", "long", "--description", &long]);
    let out = env.ok(&[
        "describe-secret",
        "--secret-id",
        "long",
        "--query",
        "{Description: Description}",
        "--output",
        "yaml",
    ]);
    // PyYAML's emitter breaks at the first space once the column is past 80.
    let first = format!("Description: {}", ["word"; 14].join(" "));
    let second = format!("  {} end", ["word"; 10].join(" "));
    assert_eq!(out, format!("{first}\n{second}\n"));
    assert_eq!(yaml_value(&out), json!({"Description": long}));
}

#[test]
fn a_put_takes_awspending_off_the_version_that_loses_awscurrent() {
    // Recorded from AWS: [AWSCURRENT, AWSPENDING] becomes [AWSPREVIOUS] (core::labels).
    let env = Env::new();
    let v1 = "11111111-1111-4111-8111-111111111111";
    let v2 = "22222222-2222-4222-8222-222222222222";
    let v3 = "33333333-3333-4333-8333-333333333333";
    let token = |v| ["--client-request-token", v];
    env.ok(&[
        &["create-secret", "--name", "p", "--secret-string", "1"][..],
        &token(v1),
    ]
    .concat());
    env.ok(&[
        &[
            "put-secret-value",
            "--secret-id",
            "p",
            "--secret-string",
            "2",
            "--version-stages",
            "AWSPENDING",
        ][..],
        &token(v2),
    ]
    .concat());
    env.ok(&[
        "update-secret-version-stage",
        "--secret-id",
        "p",
        "--version-stage",
        "AWSCURRENT",
        "--move-to-version-id",
        v2,
        "--remove-from-version-id",
        v1,
    ]);
    env.ok(&[
        &[
            "put-secret-value",
            "--secret-id",
            "p",
            "--secret-string",
            "3",
        ][..],
        &token(v3),
    ]
    .concat());
    let stages: Value = serde_json::from_str(&env.ok(&[
        "describe-secret",
        "--secret-id",
        "p",
        "--query",
        "VersionIdsToStages",
    ]))
    .unwrap();
    assert_eq!(stages, json!({v2: ["AWSPREVIOUS"], v3: ["AWSCURRENT"]}));
}

//! The layering rules the crate graph cannot express, checked on the source.
//!
//! The crates enforce most of the architecture: `smvault-core` cannot name the vault, the
//! renderer or an edge, and clippy (clippy.toml, crates/core/clippy.toml) keeps the
//! environment, the clock and the core's purity. What is left is inside the `smvault`
//! package, which re-exports every crate: the edges (`src/cli`, `src/serve`, and any other
//! folder of `src/` but `service`) never name the vault, they go through the service
//! layer; the service layer names no edge, no renderer and no edge's framework (clap,
//! tokio, hyper, the AWS SDK). And the manifests keep the graph what it is: the core
//! depends on no file, network or async crate, and no crate below the package depends
//! on one beside it.
//!
//! Paths are read from the code with comments and literals removed, `use` trees expanded
//! (nested groups, `self`, renames, globs) and `super`/`self`/aliases resolved against the
//! file's module. Every line of a file counts, its test module too: an edge's tests drive
//! it through the service as its code does.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Crates an edge must not name: the vault, whatever it is called.
const EDGE_FORBIDDEN_CRATES: &[&str] = &["smvault_vault"];
/// Modules of the package an edge must not name.
const EDGE_FORBIDDEN_MODULES: &[&str] = &["vault"];
/// Crates the service layer must not name: the edges' frameworks and the renderer.
const SERVICE_FORBIDDEN_CRATES: &[&str] = &[
    "clap",
    "clap_complete",
    "clap_mangen",
    "tokio",
    "hyper",
    "hyper_util",
    "http_body_util",
    "axum",
    "aws_config",
    "aws_sdk_secretsmanager",
    "aws_smithy_http_client",
    "smvault_render",
];
/// Modules of the package the service layer must not name: the edges and the renderer.
const SERVICE_FORBIDDEN_MODULES: &[&str] = &["cli", "serve", "remote", "render"];

/// Dependencies the pure core must not have: files, processes, the network, async
/// runtimes, the OS's randomness and the other layers.
const CORE_FORBIDDEN_DEPENDENCIES: &[&str] = &[
    "tokio",
    "async-std",
    "smol",
    "futures",
    "mio",
    "hyper",
    "hyper-util",
    "reqwest",
    "socket2",
    "libc",
    "rustix",
    "nix",
    "tempfile",
    "fs-err",
    "fs2",
    "fs4",
    "walkdir",
    "directories",
    "dirs",
    "getrandom",
    "age",
    "clap",
    "smvault-vault",
    "smvault-render",
];
/// Features of allowed dependencies that read the clock or the OS's randomness.
const CORE_FORBIDDEN_FEATURES: &[(&str, &str)] = &[
    ("chrono", "clock"),
    ("chrono", "now"),
    ("rand", "thread_rng"),
    ("rand", "os_rng"),
    ("rand", "sys_rng"),
    ("rand", "getrandom"),
    ("uuid", "v4"),
    ("uuid", "v7"),
    ("uuid", "fast-rng"),
];

/// The code of a Rust file with comments removed and every string, byte-string, raw
/// string and char literal emptied: what is left are the tokens that name things.
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let at = |k: usize| c.get(i + k).copied().unwrap_or('\0');
        if at(0) == '/' && at(1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if at(0) == '/' && at(1) == '*' {
            // Block comments nest.
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if (i == 0 || !ident(c[i - 1])) && raw_string_start(&c, i).is_some() {
            // r"..", r#".."#, br#".."#: no escapes; ends at `"` and as many `#`.
            let (hashes, body) = raw_string_start(&c, i).unwrap_or_default();
            i = body;
            while i < c.len() && !(c[i] == '"' && (1..=hashes).all(|h| c.get(i + h) == Some(&'#')))
            {
                i += 1;
            }
            i += 1 + hashes;
            out.push_str("\"\"");
        } else if at(0) == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if at(0) == '\'' && (at(1) == '\\' || (at(1) != '\'' && at(2) == '\'')) {
            // A char literal ('x', '\n', '\u{..}'); otherwise a lifetime or a label.
            i += 1;
            while i < c.len() && c[i] != '\'' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// At `r"`, `r#"`, `br"`, `cr#"`...: the number of `#` and where the body starts.
fn raw_string_start(c: &[char], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if matches!(c.get(j), Some('b' | 'c')) {
        j += 1;
    }
    if c.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = c[j..].iter().take_while(|&&ch| ch == '#').count();
    (c.get(j + hashes) == Some(&'"')).then_some((hashes, j + hashes + 1))
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Path, // `::`
    Punct(char),
}

fn tokens(code: &str) -> Vec<Token> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_alphabetic() || c[i] == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            // A raw identifier `r#type` is the identifier `type`.
            if word == "r" && c.get(i) == Some(&'#') {
                i += 1;
                continue;
            }
            out.push(Token::Ident(word));
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push(Token::Path);
            i += 2;
        } else {
            if !c[i].is_whitespace() {
                out.push(Token::Punct(c[i]));
            }
            i += 1;
        }
    }
    out
}

/// A path as written, segment by segment (`::x` starts with an empty segment), the
/// name it is bound to when it is imported, and the inline modules (`mod tests { .. }`)
/// it is written in.
#[derive(Debug, Clone)]
struct Named {
    segments: Vec<String>,
    binds: Option<String>,
    inside: Vec<String>,
}

/// Every path named in `code`: each `use` tree expanded to its full paths, and every
/// `a::b` path of the code.
fn paths(code: &str) -> Vec<Named> {
    let toks = tokens(code);
    let mut out = Vec::new();
    // The inline modules open here, with the brace depth each opened at.
    let mut inside: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let after_path = i > 0 && toks[i - 1] == Token::Path;
        let first = out.len();
        match &toks[i] {
            Token::Ident(w) if w == "use" && !after_path => {
                i += 1;
                use_tree(&toks, &mut i, Vec::new(), &mut out);
            }
            Token::Ident(w) if w == "mod" && !after_path => {
                if let (Some(Token::Ident(name)), Some(Token::Punct('{'))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    inside.push((name.clone(), depth));
                    depth += 1;
                    i += 3;
                } else {
                    i += 1;
                }
            }
            Token::Punct('{') => {
                depth += 1;
                i += 1;
            }
            Token::Punct('}') => {
                depth = depth.saturating_sub(1);
                if inside.last().is_some_and(|(_, d)| *d == depth) {
                    inside.pop();
                }
                i += 1;
            }
            Token::Ident(_) | Token::Path if !after_path => {
                let mut segments = Vec::new();
                if toks[i] == Token::Path {
                    segments.push(String::new());
                    i += 1;
                }
                while let Some(Token::Ident(w)) = toks.get(i) {
                    segments.push(w.clone());
                    if toks.get(i + 1) == Some(&Token::Path)
                        && matches!(toks.get(i + 2), Some(Token::Ident(_)))
                    {
                        i += 2;
                    } else {
                        i += 1;
                        break;
                    }
                }
                if segments.len() > 1 {
                    out.push(Named {
                        segments,
                        binds: None,
                        inside: Vec::new(),
                    });
                }
            }
            _ => i += 1,
        }
        for named in &mut out[first..] {
            named.inside = inside.iter().map(|(name, _)| name.clone()).collect();
        }
    }
    out
}

/// Expands one use tree at `toks[*i]` under `prefix` into `out`, leaving `*i` after it.
fn use_tree(toks: &[Token], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Named>) {
    let mut segments = prefix;
    loop {
        match toks.get(*i) {
            Some(Token::Path) => {
                if segments.is_empty() {
                    segments.push(String::new());
                }
                *i += 1;
            }
            Some(Token::Punct('{')) => {
                *i += 1;
                loop {
                    match toks.get(*i) {
                        None => return,
                        Some(Token::Punct('}')) => {
                            *i += 1;
                            return;
                        }
                        Some(Token::Punct(',')) => *i += 1,
                        Some(_) => use_tree(toks, i, segments.clone(), out),
                    }
                }
            }
            Some(Token::Punct('*')) => {
                *i += 1;
                segments.push("*".into());
                out.push(Named {
                    segments,
                    binds: None,
                    inside: Vec::new(),
                });
                return;
            }
            Some(Token::Ident(w)) if w != "as" => {
                if w != "self" {
                    segments.push(w.clone());
                }
                *i += 1;
                if toks.get(*i) == Some(&Token::Path) {
                    continue;
                }
                let mut binds = segments.last().cloned();
                if toks.get(*i) == Some(&Token::Ident("as".into())) {
                    binds = match toks.get(*i + 1) {
                        Some(Token::Ident(name)) if name != "_" => Some(name.clone()),
                        _ => None,
                    };
                    *i += 2;
                }
                out.push(Named {
                    segments,
                    binds,
                    inside: Vec::new(),
                });
                return;
            }
            // `;`, `,`, `}` or the end: the tree is over.
            _ => return,
        }
    }
}

/// Where a path leads: into this package (its module path from the crate root), or to
/// another crate (its name).
#[derive(Debug, PartialEq)]
enum Target {
    Package(Vec<String>),
    Crate(String),
}

/// Resolves `segments`, written in module `module`, through `crate`, `super`, `self`
/// and the names `aliases` binds (a name imported by a `use` of the same file).
fn resolve(
    segments: &[String],
    module: &[String],
    aliases: &HashMap<String, Vec<String>>,
    depth: usize,
) -> Target {
    let first = segments.first().map(String::as_str).unwrap_or_default();
    let rest = || segments[1..].to_vec();
    match first {
        // The package's own name is the crate root from its binary.
        "crate" | "smvault" => Target::Package(rest()),
        "super" => {
            let up = segments.iter().take_while(|s| *s == "super").count();
            let mut at = module[..module.len().saturating_sub(up)].to_vec();
            at.extend_from_slice(&segments[up..]);
            Target::Package(at)
        }
        "self" => {
            let mut at = module.to_vec();
            at.extend(rest());
            Target::Package(at)
        }
        "" => Target::Crate(segments.get(1).cloned().unwrap_or_default()),
        name => match aliases.get(name) {
            Some(full) if depth < 8 && full.first().map(String::as_str) != Some(name) => {
                let mut at = full.clone();
                at.extend(rest());
                resolve(&at, module, aliases, depth + 1)
            }
            _ => Target::Crate(name.to_string()),
        },
    }
}

/// What layer `file` belongs to, by the folder of `src/` it is in.
fn layer_of(rel: &Path) -> Option<&'static str> {
    let top = rel.components().next()?.as_os_str().to_str()?;
    match top {
        "service" => Some("service"),
        // The crate root re-exports; the binary only calls the CLI.
        "lib.rs" | "main.rs" => None,
        _ => Some("edge"),
    }
}

/// The module path of a file under `src/`: `cli/params/value.rs` is `cli::params::value`,
/// `cli/mod.rs` is `cli`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every reach of `layer`'s code (in `module`) beyond what the layer may name.
fn violations(layer: &str, module: &[String], text: &str) -> Vec<String> {
    let (crates, modules) = match layer {
        "edge" => (EDGE_FORBIDDEN_CRATES, EDGE_FORBIDDEN_MODULES),
        "service" => (SERVICE_FORBIDDEN_CRATES, SERVICE_FORBIDDEN_MODULES),
        _ => return Vec::new(),
    };
    let named = paths(&strip(text));
    let aliases: HashMap<String, Vec<String>> = named
        .iter()
        .filter_map(|n| Some((n.binds.clone()?, n.segments.clone())))
        .collect();
    let mut found = Vec::new();
    for n in &named {
        let shown = n.segments.join("::");
        let here = [module, &n.inside[..]].concat();
        match resolve(&n.segments, &here, &aliases, 0) {
            Target::Crate(name) if crates.contains(&name.as_str()) => {
                found.push(format!("names the crate {name} ({shown})"));
            }
            Target::Package(at) => match at.first().map(String::as_str) {
                Some(top) if modules.contains(&top) => {
                    found.push(format!("names crate::{top} ({shown})"));
                }
                // Everything of the crate root, the vault included.
                Some("*") => found.push(format!("imports the whole crate root ({shown})")),
                _ => {}
            },
            Target::Crate(_) => {}
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn edges_never_name_the_vault_and_the_service_names_no_edge() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    let mut checked: HashMap<&str, usize> = HashMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let Some(layer) = layer_of(rel) else {
            continue;
        };
        *checked.entry(layer).or_default() += 1;
        let text = std::fs::read_to_string(&file).expect("readable source");
        for v in violations(layer, &module_of(rel), &text) {
            problems.push(format!("{}: the {layer} {v}", file.display()));
        }
    }
    assert!(
        checked.get("edge").is_some_and(|n| *n > 20)
            && checked.get("service").is_some_and(|n| *n > 5),
        "the layers' folders were not found: {checked:?}"
    );
    assert!(
        problems.is_empty(),
        "layering broken (go through src/service; ARCHITECTURE.md):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_catches_each_kind_of_reach() {
    let cli = |file: &str| module_of(Path::new(file));
    let edge = |code: &str| violations("edge", &cli("cli/exec.rs"), code);
    let reaches = [
        "use crate::vault::Store;",
        "use crate::vault;",
        "use crate::{service, vault};",
        "use crate::{service::{txn, Env}, vault::{self, Store}};",
        "use crate::{\n    // not this: vault\n    service,\n    vault as v, // but this\n};",
        "pub(crate) use crate::vault::atomic::write_private as w;",
        "fn f() { crate::vault::atomic::write_private(p, b); }",
        "fn f() { let s = ::smvault_vault::Store::new(p, k); }",
        "use smvault_vault::keys;",
        "use super::super::vault::Store;",
        "fn f() { super::super::vault::keys::read_identity(p); }",
        "use crate::*;",
        "use crate as root; fn f() { root::vault::keys::x(); }",
        "use crate::{self as root}; fn f() { root::vault::x(); }",
        "fn a() {}\n#[cfg(test)]\nmod tests { use crate::vault::VaultError; }",
        "fn f() { let t = r#\"text\"#; crate::vault::x(); }",
        "fn f<'a>(x: &'a str) -> char { let c = '\"'; crate::vault::y(); c }",
    ];
    for code in reaches {
        assert!(!edge(code).is_empty(), "missed in an edge: {code}");
    }
    // From serve/mod.rs one `super` is the crate root, two from its test module.
    let serve = |code: &str| violations("edge", &cli("serve/mod.rs"), code);
    assert!(!serve("use super::vault;").is_empty());
    assert!(!serve("#[cfg(test)]\nmod tests { use super::super::vault; }").is_empty());
    assert!(serve("#[cfg(test)]\nmod tests {\n    use super::*;\n}\nfn after() {}").is_empty());
    assert!(!serve("mod a { mod b {} }\nuse super::*;").is_empty());
    let service = |code: &str| violations("service", &cli("service/txn.rs"), code);
    for code in [
        "use clap::ArgMatches;",
        "fn f() { tokio::spawn(async {}); }",
        "use hyper_util::rt::TokioIo;",
        "use crate::render::json;",
        "use crate::{core, cli::exit::CliError};",
        "fn f() { super::super::serve::run(); }",
        "use crate::remote::push;",
        "use aws_sdk_secretsmanager::Client;",
    ] {
        assert!(!service(code).is_empty(), "missed in the service: {code}");
    }
    // Allowed: the service's own names, names that merely contain a word, comments,
    // strings, a local variable, and the service reaching the vault.
    for code in [
        "use crate::service::{self, VaultError, txn};",
        "use super::settings::Settings; // crate::vault",
        "/* crate::vault::Store /* nested */ crate::vault */ fn f() {}",
        "fn f() { let s = \"crate::vault::x\"; let vault = 1; g(vault); }",
        "fn f() { let p = env.vault_path.clone(); }",
        "use crate::service::recipients::Entry;",
    ] {
        assert!(
            edge(code).is_empty(),
            "not a reach: {code}: {:?}",
            edge(code)
        );
    }
    assert!(service("use crate::vault::{Store, keys};").is_empty());
    assert!(service("use crate::core::ops::Operation;").is_empty());
}

/// The `[dependencies]` of a manifest (target-specific ones too, not dev- or build-
/// dependencies): each name with the features it asks for.
fn dependencies(manifest: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut section = String::new();
    for line in manifest.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_string();
            // `[dependencies.name]`: a dependency of its own section.
            if let Some(dep) = section
                .strip_prefix("dependencies.")
                .or_else(|| section.split_once(".dependencies.").map(|(_, d)| d))
            {
                out.push((dep.to_string(), Vec::new()));
            }
            continue;
        }
        let features = |text: &str| -> Vec<String> {
            text.split_once("features")
                .and_then(|(_, f)| f.split_once('[')?.1.split_once(']'))
                .map(|(list, _)| {
                    list.split(',')
                        .map(|f| f.trim().trim_matches('"').to_string())
                        .filter(|f| !f.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let is_deps = section == "dependencies" || section.ends_with(".dependencies");
        let own = section.starts_with("dependencies.") || section.contains(".dependencies.");
        if is_deps {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let name = key.trim().split('.').next().unwrap_or_default().trim();
            out.push((name.trim_matches('"').to_string(), features(value)));
        } else if own
            && line.starts_with("features")
            && let Some(last) = out.last_mut()
        {
            last.1.extend(features(line));
        }
    }
    out
}

/// Why the core's manifest breaks its purity, if it does.
fn impure(manifest: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (name, features) in dependencies(manifest) {
        if CORE_FORBIDDEN_DEPENDENCIES.contains(&name.as_str()) || name.starts_with("aws-") {
            found.push(format!("depends on {name}"));
        }
        for f in features {
            if CORE_FORBIDDEN_FEATURES.contains(&(name.as_str(), f.as_str())) {
                found.push(format!("asks {name} for its {f} feature"));
            }
        }
    }
    found
}

#[test]
fn the_crate_graph_stays_the_architecture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = |c: &str| {
        std::fs::read_to_string(root.join("crates").join(c).join("Cargo.toml"))
            .expect("crate manifest")
    };
    let core = manifest("core");
    assert!(
        dependencies(&core).iter().any(|(n, _)| n == "serde"),
        "the manifest was read"
    );
    assert_eq!(
        impure(&core),
        Vec::<String>::new(),
        "crates/core/Cargo.toml"
    );
    // Below the package, no layer knows the one beside it.
    for (krate, never) in [
        ("vault", ["smvault-core", "smvault-render"]),
        ("render", ["smvault-core", "smvault-vault"]),
    ] {
        let deps = dependencies(&manifest(krate));
        for name in never {
            assert!(
                !deps.iter().any(|(n, _)| n == name),
                "crates/{krate}/Cargo.toml depends on {name}"
            );
        }
    }
}

#[test]
fn the_manifest_check_catches_each_kind_of_impurity() {
    let pure = "[dependencies]\nserde.workspace = true\nrand = { workspace = true, features = [\"std\", \"std_rng\"] }\n\
                [dev-dependencies]\nrand = { workspace = true, features = [\"thread_rng\"] }\ntempfile = \"3\"\n";
    assert_eq!(impure(pure), Vec::<String>::new());
    for manifest in [
        "[dependencies]\ntokio = { version = \"1\" }\n",
        "[dependencies]\ntempfile.workspace = true\n",
        "[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n",
        "[dependencies]\nrand = { workspace = true, features = [\"std\", \"thread_rng\"] }\n",
        "[dependencies]\nchrono = { version = \"0.4\", features = [\"clock\"] } # the clock\n",
        "[dependencies.uuid]\nversion = \"1\"\nfeatures = [\"v4\"]\n",
        "[dependencies]\nsmvault-vault.workspace = true\n",
        "[dependencies]\naws-config = \"1\"\n",
    ] {
        assert!(!impure(manifest).is_empty(), "missed: {manifest}");
    }
}

//! The layering rule, checked on the source text: no layer reaches above itself.
//!
//! `core` is pure (no vault, service or edges, no clap, file system, environment,
//! clock or OS randomness, no printing); `vault` knows nothing of secrets; `render`
//! knows neither; the service layer knows no edge. Test modules (`#[cfg(test)]`
//! onwards) are exempt: a test may use a real RNG.

use std::path::{Path, PathBuf};

const EDGES: &[&str] = &["crate::cli", "crate::serve"];

/// What each layer must not name.
fn forbidden(layer: &str) -> Vec<&'static str> {
    let mut words = match layer {
        "core" => vec![
            "crate::vault",
            "crate::service",
            "crate::render",
            "clap",
            "std::fs",
            "std::env",
            "std::process",
            "std::net",
            "SystemTime",
            "Instant::now",
            "Utc::now",
            "Local::now",
            "OsRng",
            "rand::rng(",
            "make_rng",
            "thread_rng",
            "getrandom",
            "println!",
            "eprintln!",
            "std::io::stdout",
            "std::io::stderr",
            "tokio",
            "hyper",
            "axum",
        ],
        "vault" => vec!["crate::core", "crate::service", "crate::render"],
        "render" => vec!["crate::core", "crate::vault", "crate::service"],
        "service" => vec!["clap", "crate::render", "tokio", "hyper", "axum"],
        _ => vec![],
    };
    words.extend_from_slice(EDGES);
    words
}

/// The code of a file up to its test module, with comments dropped.
fn code_of(text: &str) -> String {
    let body = text.split("#[cfg(test)]").next().unwrap_or_default();
    body.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The forbidden names in `code`, also when written as `use std::{fs, ...}` or
/// reached with enough `super::` to climb out of the layer.
fn violations(layer: &str, depth: usize, code: &str) -> Vec<String> {
    let mut found: Vec<String> = forbidden(layer)
        .into_iter()
        .filter(|w| code.contains(w))
        .map(str::to_string)
        .collect();
    let compact: String = code.split_whitespace().collect();
    for group in compact.split("std::{").skip(1) {
        let inner = group.split('}').next().unwrap_or_default();
        for name in inner.split(',') {
            let name = name.split("::").next().unwrap_or_default();
            if layer == "core" && matches!(name, "fs" | "env" | "process" | "net") {
                found.push(format!("std::{{{name}}}"));
            }
        }
    }
    // A file `depth` folders below src/<layer>/ climbs to the crate root with depth+1 `super::`.
    let climb = "super::".repeat(depth + 1);
    if code.contains(&climb) {
        found.push(climb);
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
fn no_layer_reaches_above_itself() {
    let top = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for (layer, dir) in [
        ("core", "crates/core/src"),
        ("vault", "crates/vault/src"),
        ("render", "crates/render/src"),
        ("service", "src/service"),
    ] {
        let root = top.join(dir);
        let mut files = Vec::new();
        rust_files(&root, &mut files);
        assert!(!files.is_empty(), "no sources under {}", root.display());
        for file in files {
            let rel = file.strip_prefix(&root).expect("under the layer");
            // mod.rs and lib.rs sit at their folder's level; other files one below it.
            let depth = rel.components().count() - 1
                + usize::from(
                    file.file_name()
                        .is_some_and(|n| n != "mod.rs" && n != "lib.rs"),
                );
            let text = std::fs::read_to_string(&file).expect("readable source");
            for v in violations(layer, depth, &code_of(&text)) {
                problems.push(format!("{}: {layer} names {v}", file.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_catches_each_kind_of_reach() {
    assert!(!violations("core", 1, "use crate::vault::Store;").is_empty());
    assert!(!violations("core", 1, "use std::{collections::HashMap, fs};").is_empty());
    assert!(!violations("core", 1, "let t = std::time::SystemTime::now();").is_empty());
    assert!(!violations("core", 2, "use super::super::super::cli::exit;").is_empty());
    assert!(!violations("vault", 1, "use crate::core::model::Vault;").is_empty());
    assert!(!violations("render", 1, "use crate::vault::VaultError;").is_empty());
    assert!(!violations("service", 1, "use crate::cli::exit::CliError;").is_empty());
    // Allowed: core's own modules, a comment, and a test module's RNG.
    let commented = code_of("use super::model::Vault; // not crate::vault");
    assert!(violations("core", 1, &commented).is_empty());
    assert!(code_of("fn a() {}\n#[cfg(test)]\nmod t { fn b() { rand::rng(); } }").len() < 12);
}

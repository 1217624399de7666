//! The committed shell completions (completions/) and man pages (man/) match the command line
//! they are generated from; `SMVAULT_BLESS=1 cargo test --test repo generated` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap_complete::{Generator, Shell};
use smvault::cli::init::{completion_script, man_pages};

const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// Every generated file, by path relative to the repository root.
fn expected() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for shell in SHELLS {
        let path = Path::new("completions").join(shell.file_name("smvault"));
        files.insert(path, completion_script(shell, "smvault"));
    }
    for (name, page) in man_pages("smvault").expect("man pages render in memory") {
        files.insert(Path::new("man").join(name), page);
    }
    files
}

fn bless() -> bool {
    std::env::var_os("SMVAULT_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

#[test]
fn committed_completions_and_man_pages_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected = expected();
    let mut stale = Vec::new();
    for (rel, content) in &expected {
        let path = root.join(rel);
        if std::fs::read(&path).ok().as_deref() == Some(content.as_slice()) {
            continue;
        }
        if bless() {
            std::fs::create_dir_all(path.parent().expect("a file in a folder")).unwrap();
            std::fs::write(&path, content).unwrap();
        } else {
            let why = if path.exists() { "differs" } else { "missing" };
            stale.push(format!("{} ({why})", rel.display()));
        }
    }
    // A page for a command that no longer exists must go too.
    for dir in ["completions", "man"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries {
            let rel = Path::new(dir).join(entry.unwrap().file_name());
            if expected.contains_key(&rel) {
                continue;
            }
            if bless() {
                std::fs::remove_file(root.join(&rel)).unwrap();
            } else {
                stale.push(format!("{} (no longer generated)", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated files are stale: {}\n\
         The command line changed; regenerate them with `SMVAULT_BLESS=1 cargo test --test \
         repo generated` (or scripts/regen.sh) and commit the result.",
        stale.join(", ")
    );
}

/// The hidden `smvault generate` command writes what the committed files were made from.
#[test]
fn generate_command_writes_the_same_files() {
    let bin = env!("CARGO_BIN_EXE_smvault");
    let expected = expected();
    for shell in SHELLS {
        let out = Command::new(bin)
            .args(["generate", "completions", &shell.to_string()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}: {out:?}");
        let path = Path::new("completions").join(shell.file_name("smvault"));
        assert!(out.stdout == expected[&path], "{shell} completions differ");
    }
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new(bin)
        .args(["generate", "man"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let mut written = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let entry = entry.unwrap();
        let rel = Path::new("man").join(entry.file_name());
        let page = std::fs::read(entry.path()).unwrap();
        assert!(
            expected.get(&rel) == Some(&page),
            "{} differs",
            rel.display()
        );
        written += 1;
    }
    let pages = expected.keys().filter(|p| p.starts_with("man")).count();
    assert_eq!(written, pages, "one man page per visible command");
}

//! Runs the AWS CLI conformance scenarios this project claims (tests/cli/conformance.txt)
//! against the built binary, with the shared harness. Whether they ran or were skipped
//! is always written to the test log (past libtest's capture), so a green `cargo test`
//! never hides a skip.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The harness: `SMVAULT_CONFORMANCE` (the path of conformance.py) if set, else the
/// project's shared folder beside the checkout (`../shared/conformance/conformance.py`).
fn harness(root: &Path) -> PathBuf {
    std::env::var_os("SMVAULT_CONFORMANCE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/conformance/conformance.py"))
}

/// Written to the real stderr: `eprintln!` in a passing test is swallowed by libtest.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

#[test]
fn claimed_conformance_scenarios_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let harness = harness(root);
    if !harness.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the conformance harness ({})",
            harness.display()
        );
        say(&format!(
            "conformance: SKIPPED, the scenarios did not run: {} not found (it comes with the project's shared folder; set SMVAULT_CONFORMANCE to its path)",
            harness.display()
        ));
        return;
    }
    let claimed = std::fs::read_to_string(root.join("tests/cli/conformance.txt")).unwrap();
    let mut cmd = Command::new("python3");
    cmd.arg(&harness)
        .args(["check", "-v", "--cmd", env!("CARGO_BIN_EXE_smvault")]);
    let names: Vec<&str> = claimed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    for name in &names {
        cmd.args(["--only", name]);
    }
    let out = cmd.output().expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "conformance failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(&format!("{} passed, 0 failed", names.len())),
        "{stdout}"
    );
    say(&format!(
        "conformance: ran {} scenarios with {}: all passed",
        names.len(),
        harness.display()
    ));
}

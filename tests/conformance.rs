//! Runs the AWS CLI conformance scenarios this project claims (tests/conformance.txt)
//! against the built binary, with the shared harness.

use std::path::Path;
use std::process::Command;

#[test]
fn claimed_conformance_scenarios_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let harness = root.join("../shared/conformance/conformance.py");
    if !harness.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/conformance"
        );
        eprintln!(
            "skipped: {} not found (it comes with the project's shared folder)",
            harness.display()
        );
        return;
    }
    let claimed = std::fs::read_to_string(root.join("tests/conformance.txt")).unwrap();
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
}

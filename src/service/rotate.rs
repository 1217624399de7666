//! Rotation without Lambda: runs a secret's rotation function (a local executable, or the
//! built-in random-password rotator) through the four Lambda steps.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

use super::txn;
use super::{Env, Error, IdentitySource};
use crate::core::error::{ErrorCode, ServiceError};
use crate::core::ids;
use crate::core::model::Vault;
use crate::core::ops::rotate_secret::{
    RotateSecretRequest, RotationPlan, finish_rotate_secret, function_to_run, rotate_secret,
};
use crate::core::rotation::{self, STEPS, Start};
use crate::core::stored::Scope;

const OP: &str = "RotateSecret";

fn service(err: ServiceError) -> Error {
    Error::Service { op: OP, err }
}

/// How a rotation function runs.
enum Runner {
    Builtin,
    Executable(PathBuf),
}

/// `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]` or a bare NAME.
fn function_name(function: &str) -> &str {
    match function.strip_prefix("arn:") {
        Some(rest) => rest.split(':').nth(5).unwrap_or(""),
        None => function,
    }
}

pub const CANNOT_INVOKE: &str = "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.";

fn resolve(function: &str, settings: &Env) -> Result<Runner, Error> {
    let name = function_name(function);
    if name == rotation::BUILTIN {
        return Ok(Runner::Builtin);
    }
    let path = settings.functions_dir.join(name);
    let valid_name = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid_name && is_executable(&path) {
        // It would run as this user: refuse one that someone else could have changed.
        for p in [&settings.functions_dir, &path] {
            if let Some(reason) = crate::vault::files::untrusted(p) {
                return Err(Error::General(format!(
                    "refusing to run the rotation function {}: {} {reason}\n  hint: a rotation function runs as you, so it and its directory must be owned by you or root and writable by no one else",
                    path.display(),
                    p.display(),
                )));
            }
        }
        return Ok(Runner::Executable(path));
    }
    // The error line stays AWS's, byte for byte, for scripts; a person at a
    // terminal (or --debug) is also told where smvault looked.
    if settings.debug || std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        let _ = writeln!(
            std::io::stderr(),
            "smvault: no executable rotation function at {} (set SMVAULT_FUNCTIONS_DIR, or use {})",
            path.display(),
            rotation::BUILTIN
        );
    }
    Err(service(ServiceError::new(
        ErrorCode::AccessDenied,
        CANNOT_INVOKE,
    )))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// RotateSecret, its request already checked ([`super::execute`] runs it): resolve the
/// function (nothing is stored if it cannot run), start under the lock, run the steps
/// without it, finish under the lock.
pub(super) fn run(request: Value, settings: &Env) -> Result<Value, Error> {
    let req: RotateSecretRequest = serde_json::from_value(request.clone())
        .map_err(|e| Error::ParamValidation(format!("Invalid request: {e}")))?;
    let scope = Scope::of_ids([req.secret_id.as_str()]);
    // The caller's permission, the request and the secret are checked before the
    // function is looked for.
    let function = txn::read_only(settings, &scope, |vault, ctx| {
        super::access::authorize(settings, OP, &request, vault, ctx)?;
        function_to_run(vault, &req, ctx).map_err(service)
    })?;
    let runner = resolve(&function, settings)?;
    let plan = txn::write_with(settings, &scope, |vault, ctx| {
        rotate_secret(vault, req, ctx).map_err(service)
    })?;
    let steps: &[&str] = if plan.start == Start::TestOnly {
        &["testSecret"]
    } else {
        &STEPS
    };
    for step in steps {
        if let Err(e) = run_step(&runner, &plan, step, settings) {
            if plan.start == Start::TestOnly {
                // The temporary AWSPENDING copy never outlives the test.
                let _ = txn::write_with(settings, &scope, |vault, ctx| {
                    let i = ids::find(vault, &plan.arn, &ctx.region).map_err(service)?;
                    rotation::finish_test_only(vault, i, &plan.token, ctx.now);
                    Ok(())
                });
            }
            return Err(e);
        }
    }
    let (response, reattempted) = txn::write_with(settings, &scope, |vault, ctx| {
        finish_rotate_secret(vault, &plan, ctx).map_err(service)
    })?;
    if reattempted {
        return Err(service(ServiceError::invalid_request(
            rotation::NOT_COMPLETE,
        )));
    }
    serde_json::to_value(response).map_err(|e| Error::General(e.to_string()))
}

fn run_step(runner: &Runner, plan: &RotationPlan, step: &str, settings: &Env) -> Result<(), Error> {
    let scope = Scope::of_ids([plan.arn.as_str()]);
    match runner {
        Runner::Builtin => txn::write_with(settings, &scope, |vault: &mut Vault, ctx| {
            let i = ids::find(vault, &plan.arn, &ctx.region).map_err(service)?;
            rotation::builtin_step(vault, i, &plan.token, step, ctx).map_err(service)
        }),
        Runner::Executable(path) => run_executable(path, plan, step, settings),
    }
}

/// Runs one step: the Lambda event on stdin, the calling vault's environment,
/// the function's own stderr passed through to ours.
fn run_executable(
    path: &Path,
    plan: &RotationPlan,
    step: &str,
    settings: &Env,
) -> Result<(), Error> {
    let event = json!({"Step": step, "SecretId": plan.arn, "ClientRequestToken": plan.token});
    let region = plan.arn.split(':').nth(3).unwrap_or_default().to_string();
    let mut cmd = Command::new(path);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .env("SMVAULT_FILE", absolute(&settings.vault_path))
        .env("AWS_REGION", &region)
        .env("AWS_DEFAULT_REGION", &region);
    if let IdentitySource::File(p) = &settings.identity {
        cmd.env("SMVAULT_AGE_KEY_FILE", absolute(p));
    }
    if let Ok(me) = std::env::current_exe() {
        cmd.env("SMVAULT", me);
    }
    let failed = |what: String| {
        Error::General(format!(
            "rotation function {} {what} at step {step}; AWSCURRENT did not move and AWSPENDING stays on version {} (run rotate-secret again to retry)",
            path.display(),
            plan.token
        ))
    };
    let mut child = cmd
        .spawn()
        .map_err(|e| failed(format!("could not start ({e})")))?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(event.to_string().as_bytes());
    }
    let status = child
        .wait()
        .map_err(|e| failed(format!("could not be waited for ({e})")))?;
    if !status.success() {
        return Err(failed(match status.code() {
            Some(c) => format!("exited with status {c}"),
            None => "was killed by a signal".into(),
        }));
    }
    Ok(())
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_names_from_arns_and_bare_names() {
        assert_eq!(
            function_name("arn:aws:lambda:us-east-1:123456789012:function:rot"),
            "rot"
        );
        assert_eq!(
            function_name("arn:aws:lambda:us-east-1:123456789012:function:rot:PROD"),
            "rot"
        );
        assert_eq!(function_name("rot"), "rot");
    }

    #[test]
    fn path_like_names_are_refused() {
        let settings = Env {
            vault_path: "vault.age".into(),
            identity: IdentitySource::File("identity.txt".into()),
            region: None,
            debug: false,
            now: 0,
            lock_timeout: std::time::Duration::from_secs(1),
            functions_dir: "/bin".into(),
            ask_passphrase: |_| unreachable!(),
            seed: None,
            crash_at: None,
            no_lock: false,
            cache: None,
            acting: None,
            arrival: None,
        };
        assert!(resolve("../../bin/sh", &settings).is_err());
        assert!(resolve("sh/../sh", &settings).is_err());
    }
}

//! `smvault rotate-due`: every rotation whose date has passed, through the service layer.

use std::io::Write;

use serde_json::{Value, json};

use super::exit::CliError;
use super::settings::Settings;
use crate::core::ids;
use crate::core::stored::Scope;
use crate::service::{self, txn};

/// `smvault rotate-due`: rotates every secret whose NextRotationDate has passed,
/// in every region, one line per rotation. Exit 0 when nothing is due.
pub fn rotate_due(settings: &Settings) -> Result<(), CliError> {
    let due: Vec<(String, String)> = txn::read_only(&settings.env, &Scope::All, |vault, ctx| {
        Ok(vault
            .secrets
            .iter()
            .filter(|s| s.deletion_date.is_none())
            .filter(|s| {
                s.rotation
                    .as_ref()
                    .is_some_and(|r| r.enabled && r.next_rotation.is_some_and(|n| n <= ctx.now))
            })
            .map(|s| (s.region.clone(), ids::arn(s, &s.region, vault.account_id())))
            .collect())
    })?;
    let mut failures = 0;
    for (region, arn) in due {
        let mut here = settings.env.clone();
        here.region = Some(region);
        let request =
            json!({"SecretId": arn, "ClientRequestToken": uuid::Uuid::new_v4().to_string()});
        match service::run("RotateSecret", request, &here) {
            Ok(resp) => {
                let version = resp.get("VersionId").and_then(Value::as_str).unwrap_or("");
                super::print(&format!("rotated\t{arn}\t{version}\n"))?;
            }
            Err(e) => {
                failures += 1;
                let _ = writeln!(std::io::stderr(), "smvault: rotation of {arn} failed: {e}");
            }
        }
    }
    if failures > 0 {
        return Err(CliError::General(format!("{failures} rotation(s) failed")));
    }
    Ok(())
}

//! Test builders: small vaults and a fixed context.

use super::ctx::Ctx;
use super::model::{Secret, Vault};
use super::ops::create_secret::{CreateSecretRequest, create_secret};

pub fn secret_named(name: &str) -> Secret {
    Secret {
        name: name.into(),
        region: "us-east-1".into(),
        suffix: "AbC123".into(),
        description: None,
        kms_key_id: None,
        secret_type: None,
        created: 0,
        last_changed: 0,
        last_accessed: None,
        deletion_date: None,
        deletion_requested: None,
        tags: None,
        versions: vec![],
        purged_versions: vec![],
        policy: None,
        rotation: None,
        replicas: vec![],
    }
}

/// A vault holding one string secret per `(name, value)`, created through CreateSecret.
pub fn vault_with(secrets: &[(&str, &str)]) -> Vault {
    let mut vault = Vault::default();
    let mut ctx = Ctx::fixed();
    for (name, value) in secrets {
        let token = ctx.new_token();
        create_secret(
            &mut vault,
            CreateSecretRequest {
                name: name.to_string(),
                client_request_token: Some(token),
                secret_string: Some(value.to_string()),
                ..Default::default()
            },
            &mut ctx,
        )
        .expect("test secret is valid");
    }
    vault
}

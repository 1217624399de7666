//! The Secrets Manager API model (botocore's, documentation stripped): operations, shapes,
//! limits. The CLI surface is derived from it, as the AWS CLI derives its own.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

const SERVICE_JSON: &str = include_str!("service.json");

#[derive(Debug, Deserialize)]
pub struct Model {
    pub operations: indexmap_like::Ordered<OperationDef>,
    pub shapes: HashMap<String, ShapeDef>,
}

#[derive(Debug, Deserialize)]
pub struct OperationDef {
    pub input: String,
    pub output: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct MemberRef {
    pub shape: String,
    #[serde(default, rename = "idempotencyToken")]
    pub idempotency_token: bool,
}

#[derive(Debug, Deserialize)]
pub struct ShapeDef {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub members: indexmap_like::Ordered<MemberRef>,
    pub member: Option<MemberRef>,
    pub key: Option<MemberRef>,
    pub value: Option<MemberRef>,
    #[serde(default)]
    pub required: Vec<String>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    #[serde(default, rename = "enum")]
    pub enum_values: Vec<String>,
    #[serde(default)]
    pub sensitive: bool,
}

/// A JSON object read in document order (the model's member order matters).
pub mod indexmap_like {
    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use std::fmt;
    use std::marker::PhantomData;

    #[derive(Debug)]
    pub struct Ordered<T>(pub Vec<(String, T)>);

    impl<T> Default for Ordered<T> {
        fn default() -> Self {
            Ordered(Vec::new())
        }
    }

    impl<T> Ordered<T> {
        pub fn get(&self, key: &str) -> Option<&T> {
            self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
        }
        pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
            self.0.iter().map(|(k, v)| (k, v))
        }
    }

    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<T>(PhantomData<T>);
            impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
                type Value = Ordered<T>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a map")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                    let mut out = Vec::new();
                    while let Some((k, v)) = map.next_entry()? {
                        out.push((k, v));
                    }
                    Ok(Ordered(out))
                }
            }
            d.deserialize_map(V(PhantomData))
        }
    }
}

pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        serde_json::from_str(SERVICE_JSON).expect("invariant: the bundled model parses")
    })
}

impl Model {
    pub fn shape(&self, name: &str) -> &ShapeDef {
        self.shapes
            .get(name)
            .unwrap_or_else(|| panic!("invariant: shape {name} is in the bundled model"))
    }
}

/// botocore's `xform_name(name, '-')`: `GetSecretValue` → `get-secret-value`,
/// `RotationLambdaARN` → `rotation-lambda-arn`.
pub fn xform_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_transform_like_botocore() {
        assert_eq!(xform_name("GetSecretValue"), "get-secret-value");
        assert_eq!(xform_name("RotationLambdaARN"), "rotation-lambda-arn");
        assert_eq!(xform_name("SecretIdList"), "secret-id-list");
        assert_eq!(
            xform_name("ExternalSecretRotationRoleArn"),
            "external-secret-rotation-role-arn"
        );
        assert_eq!(xform_name("KmsKeyId"), "kms-key-id");
    }

    #[test]
    fn every_operation_has_a_core_function() {
        for (name, _) in model().operations.iter() {
            // RotateSecret runs through service::rotate, around its function's steps.
            assert!(
                name == "RotateSecret" || crate::core::ops::lookup(name).is_some(),
                "{name}"
            );
        }
    }

    #[test]
    fn bundled_model_has_every_operation_in_order() {
        let m = model();
        assert_eq!(m.operations.0.len(), 23);
        let create = m.shape(&m.operations.get("CreateSecret").unwrap().input);
        let names: Vec<_> = create.members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(&names[..3], ["Name", "ClientRequestToken", "Description"]);
    }
}

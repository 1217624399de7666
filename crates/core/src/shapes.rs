//! The Secrets Manager API model (botocore's, documentation stripped), as data: operations,
//! shapes and their constraints. The CLI derives its surface from it; the service checks
//! every request against it ([`super::validate`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use indexmap::IndexMap;
use serde::Deserialize;

const SERVICE_JSON: &str = include_str!("service.json");

#[derive(Debug, Deserialize)]
/// Operations and members are [`IndexMap`]s: their order in the document matters (the CLI's
/// help and skeletons list them as the model does).
pub struct Model {
    pub operations: IndexMap<String, OperationDef>,
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
    pub members: IndexMap<String, MemberRef>,
    pub member: Option<MemberRef>,
    pub key: Option<MemberRef>,
    pub value: Option<MemberRef>,
    #[serde(default)]
    pub required: Vec<String>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// A Java regular expression the whole value must match, as the model writes it.
    pub pattern: Option<String>,
    #[serde(default, rename = "enum")]
    pub enum_values: Vec<String>,
    #[serde(default)]
    pub sensitive: bool,
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

    /// The input shape of operation `op` (its API name), if the model has it.
    pub fn input_of(&self, op: &str) -> Option<&ShapeDef> {
        self.operations.get(op).map(|o| self.shape(&o.input))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_a_core_function() {
        for (name, _) in model().operations.iter() {
            assert!(crate::ops::lookup(name).is_some(), "{name}");
        }
    }

    #[test]
    fn bundled_model_has_every_operation_in_order() {
        let m = model();
        assert_eq!(m.operations.len(), 23);
        let create = m.shape(&m.operations.get("CreateSecret").unwrap().input);
        let names: Vec<_> = create.members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(&names[..3], ["Name", "ClientRequestToken", "Description"]);
    }

    /// Every shape a member or list names exists, so walking the model never panics.
    #[test]
    fn every_referenced_shape_exists() {
        let m = model();
        for (name, shape) in &m.shapes {
            let refs = shape
                .members
                .iter()
                .map(|(_, r)| r)
                .chain(shape.member.iter())
                .chain(shape.key.iter())
                .chain(shape.value.iter());
            for r in refs {
                assert!(m.shapes.contains_key(&r.shape), "{name} -> {}", r.shape);
            }
        }
        for (op, def) in m.operations.iter() {
            assert!(m.shapes.contains_key(&def.input), "{op}");
        }
    }
}

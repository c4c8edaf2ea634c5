use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Body;
use crate::error::QuorumError;

/// Everything Quorum holds, as one document: the format of `quorum export`, `quorum import`
/// and `POST /api/import` (documented in `docs/import-format.md`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version, so that later versions can read older files.
    pub format: u32,
    #[serde(default)]
    pub bodies: Vec<Body>,
}

/// The format version this build writes.
pub const DATASET_FORMAT: u32 = 1;

impl Dataset {
    /// Checks every record and every reference between records, collecting all errors so that
    /// an import can report them together before writing anything.
    pub fn validate(&self) -> Result<(), QuorumError> {
        let mut errors = Vec::new();
        if self.format != DATASET_FORMAT {
            errors.push(QuorumError::invalid(
                "dataset",
                "format",
                format!("unsupported format {}, expected {DATASET_FORMAT}", self.format),
            ));
        }
        let mut codes = BTreeSet::new();
        for body in &self.bodies {
            if let Err(e) = body.validate() {
                errors.push(e);
            }
            if !codes.insert(&body.code) {
                errors.push(QuorumError::invalid(
                    format!("body {}", body.code),
                    "code",
                    "appears more than once",
                ));
            }
        }
        for body in &self.bodies {
            if let Some(parent) = &body.parent {
                if !codes.contains(parent) {
                    errors.push(QuorumError::invalid(
                        format!("body {}", body.code),
                        "parent",
                        format!("unknown body {parent}"),
                    ));
                }
            }
        }
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            _ => Err(QuorumError::InvalidMany(errors)),
        }
    }

    /// Parents before children, so that inserts satisfy foreign keys.
    pub fn bodies_parents_first(&self) -> Vec<&Body> {
        let mut ordered: Vec<&Body> = Vec::with_capacity(self.bodies.len());
        let mut placed = BTreeSet::new();
        while ordered.len() < self.bodies.len() {
            let before = ordered.len();
            for body in &self.bodies {
                let ready = body.parent.as_ref().is_none_or(|p| placed.contains(p));
                if !placed.contains(&body.code) && ready {
                    placed.insert(body.code.clone());
                    ordered.push(body);
                }
            }
            if ordered.len() == before {
                break; // a cycle: validation reports it through the unknown or self parent
            }
        }
        ordered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Dataset {
        serde_json::from_str(include_str!("../../data/demo.json")).expect("demo parses")
    }

    #[test]
    fn the_demo_dataset_is_valid() {
        demo().validate().expect("demo is valid");
    }

    #[test]
    fn the_demo_has_the_conference_and_its_four_subsidiary_bodies() {
        let demo = demo();
        let codes: Vec<&str> = demo.bodies.iter().map(|b| b.code.as_str()).collect();
        assert_eq!(codes, ["COSP", "IRG", "WG-PREV", "WG-AR", "EM-IC"]);
        assert!(demo.bodies[1..]
            .iter()
            .all(|b| b.parent.as_ref().map(|p| p.as_str()) == Some("COSP")));
    }

    #[test]
    fn an_unknown_parent_is_reported_with_the_body_and_field() {
        let mut data = demo();
        data.bodies[1].parent = Some(super::super::BodyCode::parse("NOPE").unwrap());
        let err = data.validate().unwrap_err();
        assert_eq!(err.to_string(), "body IRG: parent: unknown body NOPE");
    }

    #[test]
    fn duplicate_body_codes_are_refused() {
        let mut data = demo();
        let copy = data.bodies[2].clone();
        data.bodies.push(copy);
        let errors = data.validate().unwrap_err().all();
        assert!(errors
            .iter()
            .any(|e| e.to_string() == "body WG-PREV: code: appears more than once"));
    }

    #[test]
    fn parents_come_before_children() {
        let mut data = demo();
        data.bodies.reverse();
        let order: Vec<&str> = data.bodies_parents_first().iter().map(|b| b.code.as_str()).collect();
        assert_eq!(order[0], "COSP");
        assert_eq!(order.len(), 5);
    }
}

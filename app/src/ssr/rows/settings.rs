//! Accepted conflict warnings and the conflict rules in the settings table.

use sea_orm::IntoActiveModel;

use super::{corrupt, Result};
use crate::domain::conflicts::{Acceptance, ConflictRules};
use crate::ssr::entities::{conflict_acceptance, setting};

pub fn acceptance_row(a: &Acceptance) -> conflict_acceptance::ActiveModel {
    conflict_acceptance::Model {
        conflict_id: a.conflict.clone(),
        fingerprint: a.fingerprint.clone(),
        reason: a.reason.clone(),
        accepted_by: a.accepted_by.clone(),
        accepted_at: a.accepted_at,
    }
    .into_active_model()
}

pub fn acceptance_of(m: conflict_acceptance::Model) -> Acceptance {
    Acceptance {
        conflict: m.conflict_id,
        fingerprint: m.fingerprint,
        reason: m.reason,
        accepted_by: m.accepted_by,
        accepted_at: m.accepted_at,
    }
}

/// The settings row holding the conflict rules.
pub const CONFLICT_RULES_KEY: &str = "conflict_rules";

pub fn rules_row(rules: &ConflictRules) -> setting::ActiveModel {
    setting::Model {
        key: CONFLICT_RULES_KEY.into(),
        value: serde_json::to_value(rules).expect("rules serialise"),
    }
    .into_active_model()
}

pub fn rules_of(m: setting::Model) -> Result<ConflictRules> {
    serde_json::from_value(m.value).map_err(|e| corrupt("settings", e))
}

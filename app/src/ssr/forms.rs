//! What every form of Quorum answers: done with a message, or the problems by field, so the
//! page shows each beside its field and keeps what was typed.

use crate::wire::planning::*;

use crate::error::QuorumError;

/// Field errors from a Quorum error: a validation error names its field; anything else is
/// shown at the top of the form.
pub fn field_errors(err: &QuorumError) -> Vec<FieldError> {
    match err {
        QuorumError::Invalid { field, message, .. } => {
            vec![FieldError::new(field, message.clone())]
        }
        QuorumError::InvalidMany(all) => all.iter().flat_map(field_errors).collect(),
        other => vec![FieldError::new("form", other.to_string())],
    }
}

/// A service's answer to a form: done with its message, or — for broken rules and taken keys —
/// errors by field; anything else stays an error.
pub fn form_outcome(
    result: Result<String, QuorumError>,
) -> Result<crate::wire::nominations::FormOutcome, QuorumError> {
    use crate::wire::nominations::FormOutcome;
    match result {
        Ok(message) => Ok(FormOutcome {
            errors: vec![],
            done: Some(message),
        }),
        Err(
            e @ (QuorumError::Invalid { .. }
            | QuorumError::InvalidMany(_)
            | QuorumError::Conflict(_)),
        ) => Ok(FormOutcome {
            errors: field_errors(&e),
            done: None,
        }),
        Err(e) => Err(e),
    }
}

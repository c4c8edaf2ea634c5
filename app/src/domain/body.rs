use serde::{Deserialize, Serialize};

use crate::error::QuorumError;
use crate::wire_enum;

wire_enum!(
    /// How a body's sessions are titled: "tenth session of the Conference …", or, for the
    /// expert meeting, "twelfth open-ended intergovernmental expert meeting …".
    TitleStyle {
        SessionOf = "session_of",
        NumberedMeeting = "numbered_meeting",
    }
);

impl Default for TitleStyle {
    fn default() -> Self {
        TitleStyle::SessionOf
    }
}

/// The short code of a body, such as `COSP` or `IRG`: upper-case letters, digits and dashes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BodyCode(String);

impl BodyCode {
    /// Parses a body code, refusing empty, over-long or lower-case codes.
    pub fn parse(code: &str) -> Result<Self, String> {
        let valid_chars = code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if code.is_empty() || code.len() > 32 || !valid_chars {
            return Err(format!(
                "{code:?} is not a body code (1–32 upper-case letters, digits or dashes)"
            ));
        }
        Ok(BodyCode(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::string_newtype!(BodyCode);

/// A treaty body: the Conference of the States Parties or one of its subsidiary bodies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub code: BodyCode,
    /// The full name, as used in session titles ("the Implementation Review Group").
    pub name: String,
    /// A short name for tight spaces ("Implementation Review Group").
    pub short_name: String,
    /// The body it reports to; `None` for the Conference itself.
    pub parent: Option<BodyCode>,
    /// Open to all States parties: such bodies must not meet in parallel, since small
    /// delegations cover every one of them.
    pub open_to_all_states: bool,
    #[serde(default)]
    pub title_style: TitleStyle,
    /// Display order.
    pub position: i32,
}

impl Body {
    /// Checks the body's own fields; references to other bodies are checked by [`crate::domain::Dataset`].
    pub fn validate(&self) -> Result<(), QuorumError> {
        let record = format!("body {}", self.code);
        if self.name.trim().is_empty() {
            return Err(QuorumError::invalid(record, "name", "must not be empty"));
        }
        if self.short_name.trim().is_empty() {
            return Err(QuorumError::invalid(
                record,
                "short_name",
                "must not be empty",
            ));
        }
        if self.parent.as_ref() == Some(&self.code) {
            return Err(QuorumError::invalid(
                record,
                "parent",
                "a body cannot be its own parent",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_codes_are_upper_case_letters_digits_and_dashes() {
        assert!(BodyCode::parse("COSP").is_ok());
        assert!(BodyCode::parse("WG-PREV").is_ok());
        assert!(BodyCode::parse("").is_err());
        assert!(BodyCode::parse("irg").is_err());
        assert!(BodyCode::parse("A B").is_err());
    }

    #[test]
    fn a_body_cannot_be_its_own_parent() {
        let body = Body {
            code: BodyCode::parse("IRG").unwrap(),
            name: "Implementation Review Group".into(),
            short_name: "IRG".into(),
            parent: Some(BodyCode::parse("IRG").unwrap()),
            open_to_all_states: true,
            title_style: TitleStyle::SessionOf,
            position: 1,
        };
        let err = body.validate().unwrap_err();
        assert_eq!(
            err.to_string(),
            "body IRG: parent: a body cannot be its own parent"
        );
    }
}

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Id, Language};
use crate::wire_enum;

wire_enum!(
    AgendaStatus {
        Provisional = "provisional",
        Adopted = "adopted",
    }
);

/// An item of a session's agenda, numbered as in the document ("7", "2 (a)").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub session: Id,
    pub number: String,
    pub title: String,
    /// A standing item, repeated at every session.
    pub standing: bool,
    pub status: AgendaStatus,
    /// True where the number or status is plausible rather than given by the seed.
    #[serde(default)]
    pub illustrative: bool,
}

/// A document by its United Nations symbol, e.g. `CAC/COSP/IRG/2023/7`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub symbol: String,
    pub title: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub languages: Vec<Language>,
    /// The session it was issued for, and the agenda item there.
    #[serde(default)]
    pub session: Option<Id>,
    #[serde(default)]
    pub agenda_item: Option<String>,
}

/// Whether a symbol has the form of a UN document symbol: two or more parts separated by
/// slashes, each of upper-case letters, digits, dots or dashes (`A/RES/S-32/1`).
pub fn is_document_symbol(symbol: &str) -> bool {
    let parts: Vec<&str> = symbol.split('/').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::is_document_symbol;

    #[test]
    fn document_symbols_are_slash_separated_upper_case_parts() {
        for good in [
            "CAC/COSP/2023/1",
            "CAC/COSP/IRG/2023/7",
            "A/RES/S-32/1",
            "CAC/COSP/2021/17",
        ] {
            assert!(is_document_symbol(good), "{good}");
        }
        for bad in ["", "CAC", "cac/cosp/2023/1", "CAC//2023", "CAC/COSP 2023"] {
            assert!(!is_document_symbol(bad), "{bad}");
        }
    }
}

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Affiliation, BodyCode, Id};
use crate::wire_enum;

wire_enum!(
    /// Gender, as recorded for balance on panels.
    Gender {
        Female = "female",
        Male = "male",
        Other = "other",
        Undisclosed = "undisclosed",
    }
);

wire_enum!(
    /// A seat in a Bureau.
    BureauRole {
        Chair = "chair",
        ViceChair = "vice_chair",
        Rapporteur = "rapporteur",
        Member = "member",
    }
);

/// Someone Quorum plans with: a Bureau member, panellist, moderator or nominee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Id,
    pub name: String,
    /// Form of address or function, e.g. "Ambassador", "Director, Financial Intelligence Unit".
    #[serde(default)]
    pub title: Option<String>,
    pub gender: Gender,
    pub affiliation: Option<Affiliation>,
    #[serde(default)]
    pub email: Option<String>,
}

/// A person's seat in the Bureau (or extended Bureau) of a body, for a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BureauMember {
    pub body: BodyCode,
    pub person: Id,
    pub role: BureauRole,
    /// Member of the extended Bureau only (the Bureau of the Conference plus the chairs of
    /// the subsidiary bodies and regional group representatives).
    pub extended: bool,
    pub term_start: NaiveDate,
    #[serde(default)]
    pub term_end: Option<NaiveDate>,
}

use serde::{Deserialize, Serialize};

use super::Id;
use crate::wire_enum;

wire_enum!(
    /// The five United Nations regional groups.
    RegionalGroup {
        African = "african",
        AsiaPacific = "asia_pacific",
        EasternEuropean = "eastern_european",
        LatinAmericanCaribbean = "latin_american_caribbean",
        WesternEuropeanOthers = "western_european_others",
    }
);

impl RegionalGroup {
    /// The group's name, as the United Nations writes it.
    pub fn display_name(&self) -> &'static str {
        match self {
            RegionalGroup::African => "African States",
            RegionalGroup::AsiaPacific => "Asia-Pacific States",
            RegionalGroup::EasternEuropean => "Eastern European States",
            RegionalGroup::LatinAmericanCaribbean => "Latin American and Caribbean States",
            RegionalGroup::WesternEuropeanOthers => "Western European and other States",
        }
    }
}

wire_enum!(
    /// What kind of organisation a non-State participant belongs to.
    OrganisationKind {
        UnSystem = "un_system",
        Intergovernmental = "intergovernmental",
        CivilSociety = "civil_society",
        Academia = "academia",
        PrivateSector = "private_sector",
    }
);

/// A State party to the Convention, keyed by its ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateParty {
    pub iso_code: String,
    pub name: String,
    pub regional_group: RegionalGroup,
}

/// An organisation taking part in the Conference's work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Id,
    pub name: String,
    pub kind: OrganisationKind,
}

/// Whom a person speaks for, or who nominates: a State party or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Affiliation {
    /// ISO 3166-1 alpha-2 code of a State party.
    State(String),
    Organisation(Id),
}

/// Whether a string is an ISO 3166-1 alpha-2 code in form (two upper-case letters).
pub fn is_iso_alpha2(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
}

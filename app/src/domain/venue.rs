use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

/// A place where bodies meet, with its IANA time zone: meeting windows and holidays are
/// reckoned in the venue's local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    pub id: Id,
    pub name: String,
    pub city: String,
    /// ISO 3166-1 alpha-2 code of the host country.
    pub country: String,
    /// IANA time zone name, e.g. `Europe/Vienna`.
    pub time_zone: String,
    #[serde(default)]
    pub rooms: Vec<Room>,
    #[serde(default)]
    pub closures: Vec<Closure>,
    /// True where the seed gives no such details and the data is plausible, not sourced.
    #[serde(default)]
    pub illustrative: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    pub id: Id,
    pub name: String,
    pub capacity: u32,
    /// Interpretation booths; six serve all the official languages.
    pub interpretation_booths: u32,
}

/// Days on which a venue is closed (holidays, maintenance), inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub reason: String,
}

impl Venue {
    /// The venue's time zone, or why its name is not one.
    pub fn tz(&self) -> Result<chrono_tz::Tz, String> {
        self.time_zone
            .parse::<chrono_tz::Tz>()
            .map_err(|_| format!("{:?} is not an IANA time zone", self.time_zone))
    }
}

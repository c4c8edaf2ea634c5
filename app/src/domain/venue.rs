use chrono::{NaiveDate, NaiveTime};
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
    /// How many meetings with interpretation the venue can serve at once.
    #[serde(default = "default_interpretation_teams")]
    pub interpretation_teams: u32,
    /// Local times meetings may take; empty means the Conference's defaults
    /// ([`TimeWindow::defaults`]: 10:00–13:00 and 15:00–18:00).
    #[serde(default)]
    pub meeting_windows: Vec<TimeWindow>,
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

fn default_interpretation_teams() -> u32 {
    2
}

/// A span of local wall-clock time in which meetings may be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeWindow {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl TimeWindow {
    /// The usual United Nations meeting times: 10:00–13:00 and 15:00–18:00.
    pub fn defaults() -> Vec<TimeWindow> {
        let at = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("valid hour");
        vec![
            TimeWindow {
                start: at(10),
                end: at(13),
            },
            TimeWindow {
                start: at(15),
                end: at(18),
            },
        ]
    }
}

impl Venue {
    /// The venue's meeting windows, or the defaults.
    pub fn windows(&self) -> Vec<TimeWindow> {
        if self.meeting_windows.is_empty() {
            TimeWindow::defaults()
        } else {
            self.meeting_windows.clone()
        }
    }

    /// The venue's time zone, or why its name is not one.
    pub fn tz(&self) -> Result<chrono_tz::Tz, String> {
        self.time_zone
            .parse::<chrono_tz::Tz>()
            .map_err(|_| format!("{:?} is not an IANA time zone", self.time_zone))
    }
}

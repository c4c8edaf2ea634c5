use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ordinal::ordinal_word, Body, BodyCode, Id, TitleStyle};
use crate::wire_enum;

wire_enum!(
    /// What kind of session: numbered regular sessions, their resumed parts, special sessions
    /// and intersessional meetings.
    SessionKind {
        Regular = "regular",
        Resumed = "resumed",
        Special = "special",
        Intersessional = "intersessional",
    }
);

impl crate::domain::label::Label for SessionKind {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

wire_enum!(
    SessionFormat {
        InPerson = "in_person",
        Hybrid = "hybrid",
        Online = "online",
    }
);

impl crate::domain::label::Label for SessionFormat {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

wire_enum!(
    SessionStatus {
        Planned = "planned",
        Confirmed = "confirmed",
        Held = "held",
        Postponed = "postponed",
        Cancelled = "cancelled",
    }
);

impl crate::domain::label::Label for SessionStatus {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

wire_enum!(
    /// The six official languages of the United Nations, by ISO 639-1 code.
    Language {
        Arabic = "ar",
        Chinese = "zh",
        English = "en",
        French = "fr",
        Russian = "ru",
        Spanish = "es",
    }
);

/// When a session takes place: known days, only a year, or not yet decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionDates {
    /// First and last day, inclusive, in the venue's local calendar.
    Days {
        start: NaiveDate,
        end: NaiveDate,
    },
    Year(i32),
    ToBeDetermined,
}

impl SessionDates {
    /// The year, when known.
    pub fn year(&self) -> Option<i32> {
        match self {
            SessionDates::Days { start, .. } => Some(start.year()),
            SessionDates::Year(year) => Some(*year),
            SessionDates::ToBeDetermined => None,
        }
    }

    /// Where the session stands in date order: by its first day; a session with only a year
    /// after that year's dated ones; one without dates last.
    pub fn order_key(&self) -> (i32, NaiveDate) {
        match self {
            SessionDates::Days { start, .. } => (start.year(), *start),
            SessionDates::Year(year) => (
                *year,
                NaiveDate::from_ymd_opt(*year, 12, 31).unwrap_or(NaiveDate::MAX),
            ),
            SessionDates::ToBeDetermined => (i32::MAX, NaiveDate::MAX),
        }
    }

    /// Whether a local day falls within the session: `None` when the dates do not say.
    pub fn contains_day(&self, day: NaiveDate) -> Option<bool> {
        match self {
            SessionDates::Days { start, end } => Some(*start <= day && day <= *end),
            SessionDates::Year(year) => Some(day.year() == *year),
            SessionDates::ToBeDetermined => None,
        }
    }
}

/// How many registered, by category; the seed gives lower bounds ("over 730").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    #[serde(default)]
    pub total: Option<u32>,
    pub governments: u32,
    pub civil_society: u32,
    /// The United Nations system and other international organisations.
    pub international_organisations: u32,
    /// The figures are lower bounds ("more than 560").
    #[serde(default)]
    pub at_least: bool,
}

/// A session of a body: numbered, possibly resumed, special or intersessional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub id: Id,
    pub body: BodyCode,
    pub kind: SessionKind,
    /// The session's number ("thirteenth"); a resumed part carries its original's number.
    #[serde(default)]
    pub number: Option<u32>,
    /// For a resumed part: first, second … resumed.
    #[serde(default)]
    pub resumed: Option<u32>,
    /// What a special session is about, completing its title ("on asset recovery").
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub venue: Option<Id>,
    pub format: SessionFormat,
    pub dates: SessionDates,
    pub status: SessionStatus,
    #[serde(default)]
    pub languages: Vec<Language>,
    #[serde(default)]
    pub registration: Option<Registration>,
    /// True where dates, venue or figures are plausible rather than given by the seed.
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub notes: Option<String>,
}

impl Session {
    /// The session's title in correct English, lower-case as in running text:
    /// The session as a calendar cell names it, where the full title does not fit: "IRG 14",
    /// "IRG 13, resumed 2", "COSP special session", "COSP intersessional 2022".
    pub fn short_label(&self) -> String {
        let number = self.number.map(|n| format!(" {n}")).unwrap_or_default();
        match (self.kind, self.resumed) {
            (SessionKind::Regular, _) => format!("{}{number}", self.body),
            (SessionKind::Resumed, Some(part)) => format!("{}{number}, resumed {part}", self.body),
            (SessionKind::Resumed, None) => format!("{}{number}, resumed", self.body),
            (SessionKind::Special, _) => format!("{} special session", self.body),
            (SessionKind::Intersessional, _) => {
                let year = self
                    .dates
                    .year()
                    .map(|y| format!(" {y}"))
                    .unwrap_or_default();
                format!("{} intersessional{year}", self.body)
            }
        }
    }

    /// "second resumed thirteenth session of the Implementation Review Group".
    /// `resumptions` is how many resumed parts the original session has: a lone one is
    /// simply "resumed fourteenth session".
    pub fn title(&self, body: &Body, resumptions: u32) -> String {
        let ordinal = self.number.and_then(ordinal_word);
        let numbered = |noun: &str| match &ordinal {
            Some(word) => format!("{word} {noun}"),
            None => noun.to_owned(),
        };
        let core = match (self.kind, body.title_style) {
            (SessionKind::Regular | SessionKind::Resumed, TitleStyle::NumberedMeeting) => {
                numbered(&body.name)
            }
            (SessionKind::Regular | SessionKind::Resumed, TitleStyle::SessionOf) => {
                format!("{} of the {}", numbered("session"), body.name)
            }
            (SessionKind::Special, _) => {
                format!("{} of the {}", numbered("special session"), body.name)
            }
            (SessionKind::Intersessional, _) => {
                format!(
                    "{} of the {}",
                    numbered("intersessional meeting"),
                    body.name
                )
            }
        };
        let mut title = match (self.kind, self.resumed) {
            (SessionKind::Resumed, Some(part)) if resumptions > 1 => {
                let part = ordinal_word(part).unwrap_or_default();
                format!("{part} resumed {core}")
            }
            (SessionKind::Resumed, _) => format!("resumed {core}"),
            _ => core,
        };
        if let Some(subject) = &self.subject {
            title.push(' ');
            title.push_str(subject);
        }
        title
    }
}

/// The first letter in upper case, for headings: "Tenth session of the Conference …".
pub fn capitalized(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_short_label_names_the_body_and_the_number() {
        let session = |kind, number, resumed| Session {
            dates: SessionDates::Year(2022),
            ..session(kind, number, resumed)
        };
        assert_eq!(
            session(SessionKind::Regular, Some(14), None).short_label(),
            "IRG 14"
        );
        assert_eq!(
            session(SessionKind::Resumed, Some(13), Some(2)).short_label(),
            "IRG 13, resumed 2"
        );
        assert_eq!(
            session(SessionKind::Intersessional, None, None).short_label(),
            "IRG intersessional 2022"
        );
    }

    use super::*;

    fn body(code: &str, name: &str, style: TitleStyle) -> Body {
        Body {
            code: BodyCode::parse(code).unwrap(),
            name: name.into(),
            short_name: name.into(),
            parent: None,
            open_to_all_states: true,
            title_style: style,
            position: 0,
        }
    }

    fn session(kind: SessionKind, number: Option<u32>, resumed: Option<u32>) -> Session {
        Session {
            id: Id::parse("s").unwrap(),
            body: BodyCode::parse("IRG").unwrap(),
            kind,
            number,
            resumed,
            subject: None,
            venue: None,
            format: SessionFormat::InPerson,
            dates: SessionDates::ToBeDetermined,
            status: SessionStatus::Planned,
            languages: vec![],
            registration: None,
            illustrative: false,
            notes: None,
        }
    }

    const COSP: &str =
        "Conference of the States Parties to the United Nations Convention against Corruption";

    #[test]
    fn regular_sessions_are_titled_with_their_ordinal() {
        let cosp = body("COSP", COSP, TitleStyle::SessionOf);
        assert_eq!(
            session(SessionKind::Regular, Some(10), None).title(&cosp, 0),
            "tenth session of the Conference of the States Parties to the United Nations Convention against Corruption"
        );
    }

    #[test]
    fn resumed_sessions_name_their_part_when_there_are_several() {
        let irg = body("IRG", "Implementation Review Group", TitleStyle::SessionOf);
        assert_eq!(
            session(SessionKind::Resumed, Some(13), Some(2)).title(&irg, 2),
            "second resumed thirteenth session of the Implementation Review Group"
        );
        assert_eq!(
            session(SessionKind::Resumed, Some(13), Some(1)).title(&irg, 2),
            "first resumed thirteenth session of the Implementation Review Group"
        );
        assert_eq!(
            session(SessionKind::Resumed, Some(14), Some(1)).title(&irg, 1),
            "resumed fourteenth session of the Implementation Review Group"
        );
    }

    #[test]
    fn titles_for_every_ordinal_from_1_to_100_and_their_resumed_parts() {
        let irg = body("IRG", "Implementation Review Group", TitleStyle::SessionOf);
        for n in 1..=100 {
            let word = ordinal_word(n).unwrap();
            assert_eq!(
                session(SessionKind::Regular, Some(n), None).title(&irg, 0),
                format!("{word} session of the Implementation Review Group")
            );
            for part in 1..=3 {
                assert_eq!(
                    session(SessionKind::Resumed, Some(n), Some(part)).title(&irg, 3),
                    format!(
                        "{} resumed {word} session of the Implementation Review Group",
                        ordinal_word(part).unwrap()
                    )
                );
            }
        }
    }

    #[test]
    fn expert_meetings_are_numbered_meetings_not_sessions() {
        let em = body(
            "EM-IC",
            "open-ended intergovernmental expert meeting to enhance international cooperation under the United Nations Convention against Corruption",
            TitleStyle::NumberedMeeting,
        );
        assert_eq!(
            session(SessionKind::Regular, Some(12), None).title(&em, 0),
            "twelfth open-ended intergovernmental expert meeting to enhance international cooperation under the United Nations Convention against Corruption"
        );
    }

    #[test]
    fn special_and_intersessional_sessions_read_naturally() {
        let cosp = body("COSP", COSP, TitleStyle::SessionOf);
        let mut special = session(SessionKind::Special, None, None);
        special.subject = Some("on asset recovery".into());
        assert_eq!(
            special.title(&cosp, 0),
            format!("special session of the {COSP} on asset recovery")
        );
        assert_eq!(
            session(SessionKind::Intersessional, None, None).title(&cosp, 0),
            format!("intersessional meeting of the {COSP}")
        );
    }

    #[test]
    fn headings_capitalise_the_first_letter_only() {
        assert_eq!(
            capitalized("tenth session of the Conference"),
            "Tenth session of the Conference"
        );
        assert_eq!(capitalized(""), "");
    }
}

//! The meeting, session and panel forms as they travel, their choices, the live check and the
//! outcome of a save. Times travel as the venue's wall time; the server converts them.

use serde::{Deserialize, Serialize};

use super::calendar::Choice;
use crate::domain::conflicts::ConflictView;

/// A meeting as the planner's form holds it: text as typed, times local to the venue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingForm {
    pub id: String,
    pub title: String,
    pub kind: String,
    /// One session per body taking part; two or more bodies make a joint meeting.
    pub sessions: Vec<String>,
    pub venue: String,
    pub room: String,
    /// YYYY-MM-DD at the venue.
    pub date: String,
    /// HH:MM at the venue.
    pub start: String,
    pub end: String,
    pub interpretation: bool,
    pub status: String,
    /// The revision the planner opened (empty for a new meeting); a save over a newer one is
    /// refused.
    #[serde(default)]
    pub opened_at: String,
}

impl MeetingForm {
    /// The form as a browser without JavaScript sends it — its fields as name and value pairs,
    /// a body or an address — and whether it creates a meeting (`create`).
    pub fn from_pairs<K: AsRef<str>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> (MeetingForm, bool) {
        let mut form = MeetingForm::default();
        let mut create = false;
        for (name, value) in pairs {
            let value: String = value.into();
            match name.as_ref() {
                "id" => form.id = value,
                "title" => form.title = value,
                "kind" => form.kind = value,
                "sessions" => form.sessions.push(value),
                "venue" => form.venue = value,
                "room" => form.room = value,
                "date" => form.date = value,
                "start" => form.start = value,
                "end" => form.end = value,
                // A checkbox is sent only when it is ticked.
                "interpretation" => form.interpretation = true,
                "status" => form.status = value,
                "opened_at" => form.opened_at = value,
                "create" => create = value == "true",
                _ => {}
            }
        }
        (form, create)
    }

    /// The planner's address holding this form as a draft, as typed: where a refused save
    /// without JavaScript returns, and where a free slot found without it links.
    pub fn draft_address(&self, create: bool) -> String {
        let mut pairs: Vec<(&str, &str)> = vec![
            ("draft", "1"),
            ("create", if create { "true" } else { "false" }),
        ];
        pairs.extend([
            ("id", self.id.as_str()),
            ("title", &self.title),
            ("kind", &self.kind),
            ("venue", &self.venue),
            ("room", &self.room),
            ("date", &self.date),
            ("start", &self.start),
            ("end", &self.end),
            ("status", &self.status),
            ("opened_at", &self.opened_at),
        ]);
        pairs.extend(self.sessions.iter().map(|s| ("sessions", s.as_str())));
        if self.interpretation {
            pairs.push(("interpretation", "on"));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .map(|(name, value)| {
                let value = percent_encoding::utf8_percent_encode(
                    value,
                    percent_encoding::NON_ALPHANUMERIC,
                );
                format!("{name}={value}")
            })
            .collect();
        format!("/plan?{}", query.join("&"))
    }
}

/// A problem with one field of a form, shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    /// The problem with one field (`"form"` for the form as a whole).
    pub fn new(field: &str, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The messages for `field` among `errors`, each said once, if there are any.
    pub fn messages_for(errors: &[FieldError], field: &str) -> Option<String> {
        said_once(
            errors
                .iter()
                .filter(|e| e.field == field)
                .map(|e| e.message.as_str()),
        )
    }
}

pub use crate::error::said_once;

#[cfg(test)]
mod said_once_tests {
    use super::*;

    #[test]
    fn a_message_found_twice_is_said_once() {
        let errors = [
            FieldError::new("state", "unknown State party DE"),
            FieldError::new("state", "unknown State party DE"),
            FieldError::new("name", "must not be empty"),
            FieldError::new("state", "no focal point"),
        ];
        assert_eq!(
            FieldError::messages_for(&errors, "state").as_deref(),
            Some("unknown State party DE; no focal point")
        );
        assert_eq!(FieldError::messages_for(&errors, "email"), None);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionOption {
    pub id: String,
    pub body: String,
    pub title: String,
    pub dates: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueOption {
    pub id: String,
    pub label: String,
    pub zone: String,
    pub rooms: Vec<Choice>,
}

/// What the planner's form offers, and who is planning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannerChoices {
    pub sessions: Vec<SessionOption>,
    pub venues: Vec<VenueOption>,
    pub kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    /// "Name (role)" of the signed-in planner, if any.
    pub planner: Option<String>,
    /// Meetings the planner may open: (id, "date — title").
    pub meetings: Vec<(String, String)>,
}

/// The live check's answer: form errors, or the conflicts the meeting would have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckOutcome {
    pub errors: Vec<FieldError>,
    pub conflicts: Vec<ConflictView>,
    pub blocking: bool,
}

/// A suggested slot, in the venue's wall time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotOption {
    pub date: String,
    pub start: String,
    pub end: String,
    pub label: String,
    pub warnings: usize,
}

/// What saving answers: the saved meeting's key, or why not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveOutcome {
    pub saved: Option<String>,
    pub errors: Vec<FieldError>,
    /// Set when another planner saved the meeting after this one opened it: what they changed.
    pub changed_since: Vec<String>,
    /// The revision now stored, for the next save.
    pub opened_at: String,
}

/// A session as the session form holds it: text as typed (a field not sent is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    pub id: String,
    pub body: String,
    pub kind: String,
    pub number: String,
    pub resumed: String,
    pub subject: String,
    pub venue: String,
    pub format: String,
    /// First and last day; or only `year` when the days are not yet known.
    pub start: String,
    pub end: String,
    pub year: String,
    pub status: String,
    pub notes: String,
}

/// A panel discussion as the panel form holds it: text as typed. Panellists come through
/// nominations and are not part of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PanelForm {
    pub id: String,
    /// The meeting that holds the panel.
    pub meeting: String,
    pub topic: String,
    pub workplan_entry: String,
    /// The moderator's person key.
    pub moderator: String,
    pub planned_size: String,
    pub notes: String,
}

/// What the panel form offers: the panels to open, workplan entries and moderators.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelChoices {
    pub panels: Vec<Choice>,
    pub workplan_entries: Vec<Choice>,
    pub persons: Vec<Choice>,
}

#[cfg(test)]
mod tests {
    use super::MeetingForm;

    #[test]
    fn a_draft_address_gives_back_the_form_as_typed() {
        let form = MeetingForm {
            id: "irg-14-informals".into(),
            title: "Briefing 50% & <more> ✓".into(),
            kind: "informal_consultation".into(),
            sessions: vec!["irg-14".into(), "wg-prev-14".into()],
            venue: "vienna-vic".into(),
            room: String::new(),
            date: "2023-06-13".into(),
            start: "10:00".into(),
            end: "11:00".into(),
            interpretation: true,
            status: "planned".into(),
            opened_at: r#"{"id":"x"}"#.into(),
        };
        let address = form.draft_address(true);
        let query = address.strip_prefix("/plan?").unwrap();
        let pairs: Vec<(String, String)> = query
            .split('&')
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap();
                let value = percent_encoding::percent_decode_str(value)
                    .decode_utf8()
                    .unwrap();
                (name.to_owned(), value.into_owned())
            })
            .collect();
        assert_eq!(MeetingForm::from_pairs(pairs), (form.clone(), true));
        // An unticked checkbox is not sent at all.
        let plain = MeetingForm {
            interpretation: false,
            ..form
        };
        let (read, create) = MeetingForm::from_pairs([("id", "x"), ("create", "false")]);
        assert!(!read.interpretation && !create && read.id == "x");
        assert!(!plain.draft_address(false).contains("interpretation"));
    }
}

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Id;
use crate::wire_enum;

wire_enum!(
    MeetingType {
        Plenary = "plenary",
        JointMeeting = "joint_meeting",
        PanelDiscussion = "panel_discussion",
        InformalConsultation = "informal_consultation",
        SideEvent = "side_event",
    }
);

impl crate::domain::label::Label for MeetingType {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

wire_enum!(
    /// Whether a meeting will take place: planned meetings are tentative in calendars.
    MeetingStatus {
        Planned = "planned",
        Confirmed = "confirmed",
        Cancelled = "cancelled",
    }
);

impl Default for MeetingStatus {
    fn default() -> Self {
        MeetingStatus::Planned
    }
}

/// A time block of one or more sessions. A joint meeting belongs to the sessions of all its
/// bodies at once, so its bodies are those of its sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: Id,
    pub title: String,
    pub kind: MeetingType,
    /// One session per body taking part.
    pub sessions: Vec<Id>,
    pub venue: Id,
    #[serde(default)]
    pub room: Option<Id>,
    /// Instants; shown in the venue's time zone.
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Persons taking part in a role other than on a panel: presiding officers, Bureau members.
    #[serde(default)]
    pub participants: Vec<Id>,
    /// Held with interpretation (uses one of the venue's interpretation teams).
    #[serde(default)]
    pub interpretation: bool,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub status: MeetingStatus,
    /// Rises with every change a calendar shows (iCalendar SEQUENCE).
    #[serde(default)]
    pub sequence: u32,
    /// When it last changed; set on import when absent.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

impl Meeting {
    /// Whether `other` differs from this meeting in anything a calendar shows.
    pub fn visibly_differs(&self, other: &Meeting) -> bool {
        let mut sessions = self.sessions.clone();
        let mut other_sessions = other.sessions.clone();
        sessions.sort();
        other_sessions.sort();
        self.title != other.title
            || self.kind != other.kind
            || sessions != other_sessions
            || self.venue != other.venue
            || self.room != other.room
            || self.start != other.start
            || self.end != other.end
            || self.status != other.status
            || self.interpretation != other.interpretation
    }
}

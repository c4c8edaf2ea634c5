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
}

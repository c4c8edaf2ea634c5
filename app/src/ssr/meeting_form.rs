//! The planner's meeting form: what a planner typed turned into a meeting on top of the stored
//! one (each problem named by its field), a stored meeting turned back into a form, and what
//! changed between two forms.

use chrono::{NaiveDate, NaiveTime, TimeZone};

use crate::wire::planning::*;

use crate::domain::{Dataset, Id, Meeting, MeetingStatus, MeetingType};

/// The meeting a form describes, on top of the stored one it edits (which keeps what the form
/// does not show: participants, sequence). Every field at fault is reported at once.
pub fn meeting_of(data: &Dataset, form: &MeetingForm) -> Result<Meeting, Vec<FieldError>> {
    let mut errors = vec![];
    // A new meeting's key, left blank, is made from its title.
    let id = match (form.id.trim(), form.title.trim()) {
        ("", "") => None,
        ("", title) => Some(super::forms::key_from_title(title, "meeting", |key| {
            data.meetings.iter().any(|m| m.id.as_str() == key)
        })),
        (key, _) => Id::parse(key)
            .map_err(|why| errors.push(FieldError::new("id", why)))
            .ok(),
    };
    if form.title.trim().is_empty() {
        errors.push(FieldError::new("title", "give the meeting a title"));
    }
    let kind = MeetingType::parse(&form.kind)
        .map_err(|why| errors.push(FieldError::new("kind", why)))
        .ok();
    let status = if form.status.is_empty() {
        Some(MeetingStatus::Planned)
    } else {
        MeetingStatus::parse(&form.status)
            .map_err(|why| errors.push(FieldError::new("status", why)))
            .ok()
    };
    let mut sessions = vec![];
    for s in &form.sessions {
        match data.sessions.iter().find(|x| x.id.as_str() == s) {
            Some(session) => sessions.push(session),
            None => errors.push(FieldError::new(
                "sessions",
                format!("there is no session {s:?}"),
            )),
        }
    }
    if form.sessions.is_empty() {
        errors.push(FieldError::new(
            "sessions",
            "choose the session of each body taking part",
        ));
    }
    let mut bodies: Vec<_> = sessions.iter().map(|s| s.body.clone()).collect();
    bodies.sort();
    if bodies.windows(2).any(|w| w[0] == w[1]) {
        errors.push(FieldError::new("sessions", "choose one session per body"));
    }
    let venue = data.venues.iter().find(|v| v.id.as_str() == form.venue);
    if venue.is_none() {
        errors.push(FieldError::new("venue", "choose a venue"));
    }
    let room = match (venue, form.room.trim()) {
        (_, "") => None,
        (Some(v), room) => match v.rooms.iter().find(|r| r.id.as_str() == room) {
            Some(r) => Some(r.id.clone()),
            None => {
                errors.push(FieldError::new(
                    "room",
                    format!("{} has no room {room:?}", v.name),
                ));
                None
            }
        },
        (None, _) => None,
    };
    let date = form
        .date
        .parse::<NaiveDate>()
        .map_err(|_| errors.push(FieldError::new("date", "give the day as YYYY-MM-DD")))
        .ok();
    let time = |field: &str, text: &str, errors: &mut Vec<FieldError>| {
        NaiveTime::parse_from_str(text, "%H:%M")
            .map_err(|_| errors.push(FieldError::new(field, "give the time as HH:MM")))
            .ok()
    };
    let start = time("start", &form.start, &mut errors);
    let end = time("end", &form.end, &mut errors);
    if let (Some(s), Some(e)) = (start, end) {
        if e <= s {
            errors.push(FieldError::new(
                "end",
                "the meeting must end after it starts",
            ));
        }
    }
    let tz = venue.and_then(|v| v.tz().ok()).unwrap_or(chrono_tz::UTC);
    let instant = |field: &str, t: Option<NaiveTime>, errors: &mut Vec<FieldError>| {
        let local = date?.and_time(t?);
        match tz.from_local_datetime(&local).earliest() {
            Some(at) => Some(at.with_timezone(&chrono::Utc)),
            None => {
                errors.push(FieldError::new(
                    field,
                    format!(
                        "{local} does not exist in {} (the clocks go forward)",
                        tz.name()
                    ),
                ));
                None
            }
        }
    };
    let start = instant("start", start, &mut errors);
    let end = instant("end", end, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (Some(id), Some(kind), Some(status), Some(venue), Some(start), Some(end)) =
        (id, kind, status, venue, start, end)
    else {
        return Err(vec![FieldError::new("form", "the form is incomplete")]);
    };
    let stored = data.meetings.iter().find(|m| m.id == id);
    Ok(Meeting {
        id,
        title: form.title.trim().to_owned(),
        kind,
        sessions: sessions.iter().map(|s| s.id.clone()).collect(),
        venue: venue.id.clone(),
        room,
        start,
        end,
        participants: stored.map(|m| m.participants.clone()).unwrap_or_default(),
        interpretation: form.interpretation,
        illustrative: stored.is_some_and(|m| m.illustrative),
        status,
        sequence: stored.map_or(0, |m| m.sequence),
        updated_at: stored.and_then(|m| m.updated_at),
    })
}

/// The form showing a stored meeting, with its venue's wall times.
pub fn form_from(data: &Dataset, meeting: &Meeting) -> MeetingForm {
    let tz = data.venue_zone(&meeting.venue);
    let (start, end) = (
        meeting.start.with_timezone(&tz),
        meeting.end.with_timezone(&tz),
    );
    let mut form = MeetingForm {
        id: meeting.id.to_string(),
        title: meeting.title.clone(),
        kind: meeting.kind.as_str().into(),
        sessions: meeting.sessions.iter().map(|s| s.to_string()).collect(),
        venue: meeting.venue.to_string(),
        room: meeting
            .room
            .as_ref()
            .map(|r| r.to_string())
            .unwrap_or_default(),
        date: start.format("%Y-%m-%d").to_string(),
        start: start.format("%H:%M").to_string(),
        end: end.format("%H:%M").to_string(),
        interpretation: meeting.interpretation,
        status: meeting.status.as_str().into(),
        opened_at: String::new(),
    };
    form.opened_at = serde_json::to_string(&form).unwrap_or_default();
    form
}

/// What differs between the meeting as a planner opened it and as it is stored now, in words.
pub fn changes(opened: &MeetingForm, now: &MeetingForm) -> Vec<String> {
    let fields: [(&str, &dyn Fn(&MeetingForm) -> String); 10] = [
        ("title", &|f| f.title.clone()),
        ("type", &|f| f.kind.clone()),
        ("sessions", &|f| f.sessions.join(", ")),
        ("venue", &|f| f.venue.clone()),
        ("room", &|f| f.room.clone()),
        ("date", &|f| f.date.clone()),
        ("start", &|f| f.start.clone()),
        ("end", &|f| f.end.clone()),
        ("interpretation", &|f| {
            if f.interpretation {
                "yes".into()
            } else {
                "no".into()
            }
        }),
        ("status", &|f| f.status.clone()),
    ];
    fields
        .iter()
        .filter(|(_, get)| get(opened) != get(now))
        .map(|(name, get)| format!("{name}: {:?} → {:?}", get(opened), get(now)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Dataset {
        serde_json::from_str(include_str!("../../data/demo.json")).unwrap()
    }

    fn joint_form() -> MeetingForm {
        MeetingForm {
            id: "joint-2023-06-extra".into(),
            title: "Joint briefing".into(),
            kind: "joint_meeting".into(),
            sessions: vec!["irg-14".into(), "wg-prev-14".into()],
            venue: "vienna-vic".into(),
            room: "vic-boardroom-d".into(),
            date: "2023-06-14".into(),
            start: "10:00".into(),
            end: "13:00".into(),
            interpretation: true,
            status: "planned".into(),
            opened_at: String::new(),
        }
    }

    #[test]
    fn a_form_becomes_a_meeting_in_the_venues_time() {
        let m = meeting_of(&demo(), &joint_form()).unwrap();
        // Vienna is two hours ahead of UTC in June.
        assert_eq!(m.start.to_rfc3339(), "2023-06-14T08:00:00+00:00");
        assert_eq!(m.sessions.len(), 2);
        assert_eq!(m.status, MeetingStatus::Planned);
    }

    #[test]
    fn every_field_at_fault_is_named() {
        let mut form = joint_form();
        form.title = " ".into();
        form.room = "atlanta-plenary".into();
        form.start = "25:00".into();
        form.sessions = vec!["irg-14".into(), "irg-15".into()];
        let errors = meeting_of(&demo(), &form).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "sessions", "room", "start"], "{errors:?}");
    }

    #[test]
    fn a_time_skipped_by_the_clocks_is_refused() {
        let mut form = joint_form();
        form.date = "2023-03-26".into();
        form.start = "02:30".into();
        let errors = meeting_of(&demo(), &form).unwrap_err();
        assert_eq!(errors[0].field, "start");
        assert!(errors[0].message.contains("does not exist"));
    }

    #[test]
    fn a_stored_meeting_round_trips_through_its_form() {
        let data = demo();
        let stored = data
            .meetings
            .iter()
            .find(|m| m.id.as_str() == "cosp-10-opening")
            .unwrap();
        let form = form_from(&data, stored);
        assert_eq!(
            (form.date.as_str(), form.start.as_str()),
            ("2023-12-11", "10:00")
        );
        assert_eq!(&meeting_of(&data, &form).unwrap(), stored);
        let mut moved = form.clone();
        moved.start = "11:00".into();
        assert_eq!(changes(&form, &moved), ["start: \"10:00\" → \"11:00\""]);
    }
}

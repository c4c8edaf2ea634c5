//! Data for the session and meeting pages, read from the whole dataset.

use sea_orm::DatabaseConnection;

use crate::domain::label::Label;
use crate::domain::session::capitalized;
use crate::domain::wording::dates;
use crate::domain::{Dataset, Meeting, Panel};
use crate::error::QuorumError;
use crate::wire::detail_pages::{FeedLinks, MeetingLine, MeetingPage, SessionPage};

fn line(data: &Dataset, m: &Meeting, viewer: Option<chrono_tz::Tz>) -> MeetingLine {
    let venue = data.venues.iter().find(|v| v.id == m.venue);
    let tz = venue.and_then(|v| v.tz().ok()).unwrap_or(chrono_tz::UTC);
    let room = venue.and_then(|v| {
        m.room
            .as_ref()
            .and_then(|r| v.rooms.iter().find(|x| &x.id == r))
    });
    let mut place = vec![];
    if let Some(room) = room {
        place.push(room.name.clone());
    }
    if let Some(venue) = venue {
        place.push(crate::domain::wording::place_name(&venue.name, &venue.city));
    }
    let bodies = data.bodies_of(m).iter().map(|b| b.to_string()).collect();
    MeetingLine {
        id: m.id.to_string(),
        title: m.title.clone(),
        kind: m.kind.label(),
        status: m.status.to_string(),
        when: format!(
            "{}, {}",
            dates::weekday_and_day(m.start.with_timezone(&tz).date_naive()),
            dates::hours_in(m.start, m.end, tz, None)
        ),
        viewer_time: super::page_parts::viewer_time(m, tz, viewer),
        start_utc: m.start.to_rfc3339(),
        place: place.join(", "),
        bodies,
    }
}

fn panels_of(data: &Dataset, meeting: &Meeting) -> Vec<(Panel, Vec<String>)> {
    data.panels
        .iter()
        .filter(|p| p.meeting == meeting.id)
        .map(|p| {
            let names = p
                .panellists
                .iter()
                .map(|id| {
                    data.persons
                        .iter()
                        .find(|x| &x.id == id)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| id.to_string())
                })
                .collect();
            (p.clone(), names)
        })
        .collect()
}

pub async fn session(
    db: &DatabaseConnection,
    id: &str,
    base: &str,
    viewer: Option<chrono_tz::Tz>,
) -> Result<Option<SessionPage>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let Some(session) = data.sessions.iter().find(|s| s.id.as_str() == id) else {
        return Ok(None);
    };
    let title = capitalized(&data.session_title(session));
    let meetings: Vec<&Meeting> = data
        .meetings
        .iter()
        .filter(|m| m.sessions.contains(&session.id))
        .collect();
    let dates = dates::session_dates(&session.dates);
    let venue = session
        .venue
        .as_ref()
        .and_then(|v| data.venues.iter().find(|x| &x.id == v))
        .map(|v| crate::domain::wording::place_name(&v.name, &v.city))
        .unwrap_or_else(|| "Venue to be determined".into());
    let registration = session.registration.as_ref().map(|r| {
        let more = if r.at_least { "more than " } else { "" };
        let total = r.total.map(|t| format!("{more}{t} participants: ")).unwrap_or_default();
        format!(
            "{total}{more}{} from Governments, {more}{} from civil society, {more}{} from the United Nations system and other international organizations",
            r.governments, r.civil_society, r.international_organisations
        )
    });
    Ok(Some(SessionPage {
        id: session.id.to_string(),
        feed: FeedLinks::new(
            base,
            &format!("/feeds/sessions/{}.ics", session.id),
            &format!("Quorum — {title}"),
        ),
        title,
        dates,
        venue,
        status: session.status.to_string(),
        format: session.format.label(),
        notes: session.notes.clone(),
        registration,
        agenda: data
            .agenda_items
            .iter()
            .filter(|a| a.session == session.id)
            .cloned()
            .collect(),
        documents: data
            .documents
            .iter()
            .filter(|d| d.session.as_ref() == Some(&session.id))
            .cloned()
            .collect(),
        panels: meetings.iter().flat_map(|m| panels_of(&data, m)).collect(),
        meetings: meetings.iter().map(|m| line(&data, m, viewer)).collect(),
    }))
}

pub async fn meeting(
    db: &DatabaseConnection,
    id: &str,
    base: &str,
    viewer: Option<chrono_tz::Tz>,
) -> Result<Option<MeetingPage>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let Some(meeting) = data.meetings.iter().find(|m| m.id.as_str() == id) else {
        return Ok(None);
    };
    let sessions: Vec<(String, String)> = meeting
        .sessions
        .iter()
        .filter_map(|s| data.sessions.iter().find(|x| &x.id == s))
        .map(|s| (s.id.to_string(), capitalized(&data.session_title(s))))
        .collect();
    let first = sessions
        .first()
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    Ok(Some(MeetingPage {
        feed: FeedLinks::new(
            base,
            &format!("/feeds/sessions/{first}.ics"),
            &format!("Quorum — {}", meeting.title),
        ),
        meeting: line(&data, meeting, viewer),
        panels: panels_of(&data, meeting),
        sessions,
    }))
}

pub async fn body(
    db: &DatabaseConnection,
    code: &str,
    base: &str,
) -> Result<Option<crate::wire::detail_pages::BodyPage>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let Some(body) = data.bodies.iter().find(|b| b.code.as_str() == code) else {
        return Ok(None);
    };
    let sessions =
        super::sessions_page::in_date_order(data.sessions.iter().filter(|s| s.body == body.code));
    Ok(Some(crate::wire::detail_pages::BodyPage {
        code: body.code.to_string(),
        name: capitalized(&body.name),
        parent: body
            .parent
            .as_ref()
            .and_then(|p| data.bodies.iter().find(|b| &b.code == p))
            .map(|p| (p.code.to_string(), p.short_name.clone())),
        open_to_all_states: body.open_to_all_states,
        sessions: sessions
            .into_iter()
            .map(|s| super::sessions_page::session_line(&data, s))
            .collect(),
        workplan: data
            .workplan_entries
            .iter()
            .filter(|e| e.bodies.contains(&body.code))
            .map(|e| {
                let when = e
                    .year
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| "To be scheduled".into());
                format!(
                    "{when}: paragraphs {} — {}",
                    e.paragraphs,
                    e.topics.join("; ")
                )
            })
            .collect(),
        feed: FeedLinks::new(
            base,
            &format!("/feeds/bodies/{}.ics", body.code),
            &format!("Quorum — {}", body.short_name),
        ),
    }))
}

pub async fn venue(
    db: &DatabaseConnection,
    id: &str,
    base: &str,
) -> Result<Option<crate::wire::detail_pages::VenuePage>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let Some(venue) = data.venues.iter().find(|v| v.id.as_str() == id) else {
        return Ok(None);
    };
    let mut meetings: Vec<&Meeting> = data
        .meetings
        .iter()
        .filter(|m| m.venue == venue.id)
        .collect();
    meetings.sort_by_key(|m| m.start);
    Ok(Some(crate::wire::detail_pages::VenuePage {
        id: venue.id.to_string(),
        name: venue.name.clone(),
        place: format!("{}, {}", venue.city, venue.country),
        zone: venue.time_zone.clone(),
        interpretation_teams: venue.interpretation_teams,
        rooms: venue
            .rooms
            .iter()
            .map(|r| {
                format!(
                    "{} — {} seats, {} interpretation booths",
                    r.name, r.capacity, r.interpretation_booths
                )
            })
            .collect(),
        closures: venue
            .closures
            .iter()
            .map(|c| format!("{}: {}", dates::day_span(c.start, c.end), c.reason))
            .collect(),
        meetings: meetings.iter().map(|m| line(&data, m, None)).collect(),
        feed: FeedLinks::new(
            base,
            &format!("/feeds/venues/{}.ics", venue.id),
            &format!("Quorum — {}", venue.name),
        ),
    }))
}

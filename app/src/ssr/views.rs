//! Lays out the calendar, timeline and daily programme pages from the whole dataset. The
//! builders are plain functions of the dataset, so they are unit-tested on the demo data.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::DatabaseConnection;

use crate::wire::calendar::*;
use crate::domain::calendar_view::{timeline_position, CalendarLayout};
use crate::domain::conflicts::ConflictView;
use crate::domain::session::capitalized;
use crate::domain::{Dataset, Meeting, MeetingType, Session, SessionDates};
use crate::error::QuorumError;

/// Zones offered to viewers; any other IANA name works in the address.
const VIEWER_ZONES: &[&str] = &[
    "UTC",
    "Europe/Vienna",
    "Europe/London",
    "Europe/Paris",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "Africa/Cairo",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Africa/Johannesburg",
    "Asia/Qatar",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Bangkok",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
];

/// Meetings in an unresolved (not accepted) conflict.
fn conflicted(conflicts: &[ConflictView]) -> BTreeSet<String> {
    conflicts
        .iter()
        .filter(|c| c.accepted.is_none())
        .flat_map(|c| c.meetings.iter().cloned())
        .collect()
}

fn venue_zone(data: &Dataset, meeting: &Meeting) -> Tz {
    data.venue_zone(&meeting.venue)
}

/// "10:00–13:00 CEST" in `tz`; the end carries its date when it falls on another day.
fn time_span(start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> String {
    let (start, end) = (start.with_timezone(&tz), end.with_timezone(&tz));
    let end_text = if start.date_naive() == end.date_naive() {
        end.format("%H:%M").to_string()
    } else {
        end.format("%-d %b %H:%M").to_string()
    };
    format!(
        "{}–{} {}",
        start.format("%H:%M"),
        end_text,
        start.format("%Z")
    )
}

fn bodies_of(data: &Dataset, meeting: &Meeting) -> Vec<String> {
    data.bodies_of(meeting)
        .iter()
        .map(|b| b.to_string())
        .collect()
}

fn place_of(data: &Dataset, meeting: &Meeting) -> (String, String) {
    let venue = data.venues.iter().find(|v| v.id == meeting.venue);
    let room = venue
        .and_then(|v| {
            meeting
                .room
                .as_ref()
                .and_then(|r| v.rooms.iter().find(|x| &x.id == r))
        })
        .map(|r| r.name.clone())
        .unwrap_or_else(|| "Room to be announced".into());
    let venue = venue
        .map(|v| format!("{}, {}", v.name, v.city))
        .unwrap_or_else(|| meeting.venue.to_string());
    (room, venue)
}

fn event(data: &Dataset, meeting: &Meeting, viewer: Option<Tz>, conflict: bool) -> CalendarEvent {
    let tz = venue_zone(data, meeting);
    let viewer_time = viewer
        .filter(|v| {
            v.offset_from_utc_datetime(&meeting.start.naive_utc()).fix()
                != tz
                    .offset_from_utc_datetime(&meeting.start.naive_utc())
                    .fix()
        })
        .map(|v| {
            format!(
                "{} your time ({})",
                time_span(meeting.start, meeting.end, v),
                v.name()
            )
        });
    let (room, venue) = place_of(data, meeting);
    let bodies = bodies_of(data, meeting);
    CalendarEvent {
        id: meeting.id.to_string(),
        title: meeting.title.clone(),
        kind: meeting.kind.as_str().replace('_', " "),
        status: meeting.status.to_string(),
        joint: bodies.len() > 1,
        bodies,
        time: time_span(meeting.start, meeting.end, tz),
        viewer_time,
        place: format!("{room}, {venue}"),
        conflict,
    }
}

fn session_days(session: &Session) -> Option<(NaiveDate, NaiveDate)> {
    match session.dates {
        SessionDates::Days { start, end } => Some((start, end)),
        _ => None,
    }
}

fn choices(data: &Dataset) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    let mut bodies = data.bodies.clone();
    bodies.sort_by_key(|b| b.position);
    (
        bodies
            .iter()
            .map(|b| Choice {
                value: b.code.to_string(),
                label: b.short_name.clone(),
            })
            .collect(),
        data.venues
            .iter()
            .map(|v| Choice {
                value: v.id.to_string(),
                label: format!("{}, {}", v.name, v.city),
            })
            .collect(),
        MeetingType::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: capitalized(&k.as_str().replace('_', " ")),
            })
            .collect(),
    )
}

fn blank_to_none(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// The calendar page: days of a month, week or year with the sessions and meetings on them,
/// after the filters of `query`. Unknown filter values are reported, not fatal.
pub fn calendar_page(
    data: &Dataset,
    conflicts: &[ConflictView],
    query: CalendarQuery,
    today: NaiveDate,
) -> CalendarPage {
    let mut query = CalendarQuery {
        view: blank_to_none(query.view),
        date: blank_to_none(query.date),
        body: blank_to_none(query.body),
        venue: blank_to_none(query.venue),
        kind: blank_to_none(query.kind),
        tz: blank_to_none(query.tz),
    };
    let mut notices = vec![];
    let layout = CalendarLayout::parse(query.view.as_deref());
    let anchor = match query.date.as_deref().map(|d| d.parse::<NaiveDate>()) {
        Some(Ok(day)) => day,
        Some(Err(_)) => {
            notices.push(format!(
                "{:?} is not a date (YYYY-MM-DD)",
                query.date.take().unwrap_or_default()
            ));
            today
        }
        None => today,
    };
    let viewer = match query.tz.as_deref().map(|z| z.parse::<Tz>()) {
        Some(Ok(tz)) => Some(tz),
        Some(Err(_)) => {
            notices.push(format!(
                "{:?} is not an IANA time zone",
                query.tz.take().unwrap_or_default()
            ));
            None
        }
        None => None,
    };
    let (bodies, venues, kinds) = choices(data);
    for (name, value, known) in [
        ("body", &mut query.body, &bodies),
        ("venue", &mut query.venue, &venues),
        ("meeting type", &mut query.kind, &kinds),
    ] {
        if let Some(v) = value
            .as_ref()
            .filter(|v| !known.iter().any(|c| &c.value == *v))
        {
            notices.push(format!("there is no {name} {v:?}; showing all"));
            *value = None;
        }
    }
    let hot = conflicted(conflicts);
    let (from, to) = layout.range(anchor);
    let session_shown = |s: &Session| {
        query.body.as_deref().is_none_or(|b| s.body.as_str() == b)
            && query
                .venue
                .as_deref()
                .is_none_or(|v| s.venue.as_ref().is_some_and(|x| x.as_str() == v))
    };
    let meeting_shown = |m: &Meeting| {
        query
            .body
            .as_deref()
            .is_none_or(|b| bodies_of(data, m).iter().any(|x| x == b))
            && query.venue.as_deref().is_none_or(|v| m.venue.as_str() == v)
            && query.kind.as_deref().is_none_or(|k| m.kind.as_str() == k)
    };
    let mut meetings: Vec<&Meeting> = data.meetings.iter().filter(|m| meeting_shown(m)).collect();
    meetings.sort_by_key(|m| (m.start, m.id.clone()));
    let mut days = vec![];
    let mut day = from;
    while day <= to {
        let sessions = data
            .sessions
            .iter()
            .filter(|s| query.kind.is_none() && session_shown(s))
            .filter_map(|s| {
                let (start, end) = session_days(s)?;
                (start <= day && day <= end).then(|| SessionChip {
                    id: s.id.to_string(),
                    body: s.body.to_string(),
                    title: capitalized(&data.session_title(s)),
                    day_of: format!(
                        "day {} of {}",
                        (day - start).num_days() + 1,
                        (end - start).num_days() + 1
                    ),
                })
            })
            .collect::<Vec<_>>();
        let events = meetings
            .iter()
            .filter(|m| m.start.with_timezone(&venue_zone(data, m)).date_naive() == day)
            .map(|m| event(data, m, viewer, hot.contains(m.id.as_str())))
            .collect::<Vec<_>>();
        // The list view shows only days with something on them.
        if layout != CalendarLayout::List || !sessions.is_empty() || !events.is_empty() {
            days.push(CalendarDay {
                date: day.to_string(),
                day_number: day.day(),
                label: day.format("%A %-d %B %Y").to_string(),
                in_period: layout.in_period(anchor, day),
                today: day == today,
                sessions,
                events,
            });
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    CalendarPage {
        view: layout.as_str().into(),
        anchor: anchor.to_string(),
        label: layout.label(anchor),
        prev: layout.step(anchor, false).to_string(),
        next: layout.step(anchor, true).to_string(),
        today: today.to_string(),
        days,
        bodies,
        venues,
        kinds,
        zones: VIEWER_ZONES.iter().map(|z| z.to_string()).collect(),
        notice: (!notices.is_empty()).then(|| notices.join("; ")),
        query,
    }
}

/// The multi-year timeline: a row per body, a bar per session (year-only sessions drawn faint
/// across their year) and per joint meeting, conflicts marked.
pub fn timeline_page(
    data: &Dataset,
    conflicts: &[ConflictView],
    query: TimelineQuery,
) -> TimelinePage {
    let from_year = query.from.unwrap_or(2022).clamp(1990, 2100);
    let to_year = query.to.unwrap_or(2026).clamp(from_year, from_year + 20);
    let first = NaiveDate::from_ymd_opt(from_year, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(to_year, 12, 31).unwrap_or_default();
    let hot = conflicted(conflicts);
    let mut bodies = data.bodies.clone();
    bodies.sort_by_key(|b| b.position);
    let rows = bodies
        .iter()
        .filter(|b| {
            query
                .body
                .as_deref()
                .is_none_or(|q| q.is_empty() || b.code.as_str() == q)
        })
        .map(|body| {
            let mut bars = vec![];
            for session in data.sessions.iter().filter(|s| s.body == body.code) {
                let (start, end, tentative, dates) = match session.dates {
                    SessionDates::Days { start, end } => (
                        start,
                        end,
                        false,
                        format!(
                            "{} – {}",
                            start.format("%-d %b %Y"),
                            end.format("%-d %b %Y")
                        ),
                    ),
                    SessionDates::Year(year) => (
                        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
                        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
                        true,
                        format!("{year}, dates to be determined"),
                    ),
                    SessionDates::ToBeDetermined => continue,
                };
                if end < first || start > last {
                    continue;
                }
                let (left, width) = timeline_position(start, end, first, last);
                let own_meetings = data
                    .meetings
                    .iter()
                    .filter(|m| m.sessions.contains(&session.id));
                bars.push(TimelineBar {
                    href: format!("/sessions/{}", session.id),
                    label: capitalized(&data.session_title(session)),
                    dates,
                    left,
                    width,
                    joint_with: vec![],
                    conflict: own_meetings.clone().any(|m| hot.contains(m.id.as_str())),
                    tentative,
                });
            }
            for meeting in data.meetings.iter() {
                let codes = bodies_of(data, meeting);
                if codes.len() < 2 || !codes.iter().any(|c| c == body.code.as_str()) {
                    continue;
                }
                let day = meeting
                    .start
                    .with_timezone(&venue_zone(data, meeting))
                    .date_naive();
                if day < first || day > last {
                    continue;
                }
                let (left, width) = timeline_position(day, day, first, last);
                bars.push(TimelineBar {
                    href: format!("/meetings/{}", meeting.id),
                    label: meeting.title.clone(),
                    dates: day.format("%-d %b %Y").to_string(),
                    left,
                    width,
                    joint_with: codes
                        .into_iter()
                        .filter(|c| c != body.code.as_str())
                        .collect(),
                    conflict: hot.contains(meeting.id.as_str()),
                    tentative: false,
                });
            }
            bars.sort_by(|a, b| a.left.total_cmp(&b.left));
            TimelineRow {
                body: body.code.to_string(),
                name: body.short_name.clone(),
                bars,
            }
        })
        .collect();
    let years = (from_year..=to_year)
        .map(|y| {
            let day = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default();
            (y, timeline_position(day, day, first, last).0)
        })
        .collect();
    TimelinePage {
        from: from_year,
        to: to_year,
        years,
        rows,
        conflicts: conflicts.iter().filter(|c| c.accepted.is_none()).count(),
    }
}

/// The daily programme of one venue, like the UN Journal: meetings in time order with their
/// rooms, agenda items and documents. Without a date it opens on the first day with meetings
/// on or after `today`, else the last one.
pub fn programme_page(
    data: &Dataset,
    query: ProgrammeQuery,
    today: NaiveDate,
) -> Result<ProgrammePage, QuorumError> {
    let venue = match blank_to_none(query.venue) {
        Some(id) => data
            .venues
            .iter()
            .find(|v| v.id.as_str() == id)
            .ok_or_else(|| {
                QuorumError::invalid("programme", "venue", format!("there is no venue {id:?}"))
            })?,
        None => data
            .venues
            .first()
            .ok_or_else(|| QuorumError::NotFound("any venue".into()))?,
    };
    let tz = venue.tz().unwrap_or(chrono_tz::UTC);
    let local_day = |m: &Meeting| m.start.with_timezone(&tz).date_naive();
    let mut meetings: Vec<&Meeting> = data
        .meetings
        .iter()
        .filter(|m| m.venue == venue.id)
        .collect();
    meetings.sort_by_key(|m| (m.start, m.id.clone()));
    let meeting_days: BTreeSet<NaiveDate> = meetings.iter().map(|m| local_day(m)).collect();
    let date = match blank_to_none(query.date) {
        Some(text) => text.parse::<NaiveDate>().map_err(|_| {
            QuorumError::invalid(
                "programme",
                "date",
                format!("{text:?} is not a date (YYYY-MM-DD)"),
            )
        })?,
        None => meeting_days
            .range(today..)
            .next()
            .or(meeting_days.iter().next_back())
            .copied()
            .unwrap_or(today),
    };
    let items = meetings
        .iter()
        .filter(|m| local_day(m) == date)
        .map(|m| {
            let sessions: Vec<&Session> = m
                .sessions
                .iter()
                .filter_map(|s| data.sessions.iter().find(|x| &x.id == s))
                .collect();
            let (room, _) = place_of(data, m);
            ProgrammeItem {
                id: m.id.to_string(),
                time: time_span(m.start, m.end, tz),
                room,
                title: m.title.clone(),
                kind: m.kind.as_str().replace('_', " "),
                status: m.status.to_string(),
                sessions: sessions
                    .iter()
                    .map(|s| capitalized(&data.session_title(s)))
                    .collect(),
                agenda: joint_agenda(data, &sessions),
                documents: data
                    .documents
                    .iter()
                    .filter(|d| d.session.as_ref().is_some_and(|s| m.sessions.contains(s)))
                    .map(|d| (d.symbol.clone(), d.title.clone()))
                    .collect(),
                panels: data
                    .panels
                    .iter()
                    .filter(|p| p.meeting == m.id)
                    .map(|p| p.topic.clone())
                    .collect(),
            }
        })
        .collect();
    Ok(ProgrammePage {
        date: date.to_string(),
        label: date.format("%A %-d %B %Y").to_string(),
        venue: venue.id.to_string(),
        venue_name: format!("{}, {}", venue.name, venue.city),
        zone: tz.name().into(),
        items,
        venues: choices(data).1,
        days: meeting_days
            .iter()
            .map(|d| (d.to_string(), d.format("%a %-d %b %Y").to_string()))
            .collect(),
    })
}

/// The agenda items of a meeting's sessions; an item several bodies share appears once,
/// naming them: "Item 5 (IRG, WG-AR): Follow-up to …".
fn joint_agenda(data: &Dataset, sessions: &[&Session]) -> Vec<String> {
    let mut items: Vec<(String, String, Vec<String>)> = vec![];
    for a in data.agenda_items.iter() {
        let Some(session) = sessions.iter().find(|s| s.id == a.session) else {
            continue;
        };
        match items
            .iter_mut()
            .find(|(n, t, _)| n == &a.number && t == &a.title)
        {
            Some((_, _, bodies)) => bodies.push(session.body.to_string()),
            None => items.push((
                a.number.clone(),
                a.title.clone(),
                vec![session.body.to_string()],
            )),
        }
    }
    items
        .into_iter()
        .map(|(number, title, bodies)| format!("Item {number} ({}): {title}", bodies.join(", ")))
        .collect()
}

/// Today, in UTC: the default anchor of calendar pages.
fn today() -> NaiveDate {
    Utc::now().date_naive()
}

pub async fn calendar(
    db: &DatabaseConnection,
    query: CalendarQuery,
) -> Result<CalendarPage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let conflicts = super::conflicts::scan(db).await?;
    Ok(calendar_page(&data, &conflicts, query, today()))
}

pub async fn timeline(
    db: &DatabaseConnection,
    query: TimelineQuery,
) -> Result<TimelinePage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let conflicts = super::conflicts::scan(db).await?;
    Ok(timeline_page(&data, &conflicts, query))
}

pub async fn programme(
    db: &DatabaseConnection,
    query: ProgrammeQuery,
) -> Result<ProgrammePage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    programme_page(&data, query, today())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Dataset {
        serde_json::from_str(include_str!("../../data/demo.json")).unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn query(view: &str, date: &str) -> CalendarQuery {
        CalendarQuery {
            view: Some(view.into()),
            date: Some(date.into()),
            ..Default::default()
        }
    }

    #[test]
    fn the_month_of_cosp_10_shows_its_opening_in_atlanta_time_and_the_viewers() {
        let data = demo();
        let mut q = query("month", "2023-12-11");
        q.tz = Some("Europe/Vienna".into());
        let page = calendar_page(&data, &[], q, day("2026-11-26"));
        assert_eq!(page.label, "December 2023");
        assert_eq!(page.days.len(), 35);
        let opening = page.days.iter().find(|d| d.date == "2023-12-11").unwrap();
        let event = opening
            .events
            .iter()
            .find(|e| e.id == "cosp-10-opening")
            .unwrap();
        assert!(event.time.starts_with("10:00–"), "{}", event.time);
        assert!(event.time.ends_with("EST"), "{}", event.time);
        assert_eq!(
            event
                .viewer_time
                .as_deref()
                .map(|t| t.starts_with("16:00–")),
            Some(true)
        );
        assert!(opening
            .sessions
            .iter()
            .any(|s| s.id == "cosp-10" && s.day_of == "day 1 of 5"));
        // Same zone as the venue: nothing beside it.
        let mut q = query("month", "2023-12-11");
        q.tz = Some("America/New_York".into());
        let page = calendar_page(&data, &[], q, day("2026-11-26"));
        assert!(page
            .days
            .iter()
            .flat_map(|d| &d.events)
            .all(|e| e.viewer_time.is_none()));
    }

    #[test]
    fn filters_narrow_the_calendar_and_unknown_values_are_reported() {
        let data = demo();
        let mut q = query("list", "2023-01-01");
        q.body = Some("WG-PREV".into());
        let page = calendar_page(&data, &[], q, day("2026-11-26"));
        assert!(!page.days.is_empty());
        assert!(page
            .days
            .iter()
            .flat_map(|d| &d.sessions)
            .all(|s| s.body == "WG-PREV"));
        assert!(page
            .days
            .iter()
            .flat_map(|d| &d.events)
            .all(|e| e.bodies.contains(&"WG-PREV".to_string())));
        let mut q = query("list", "2023-01-01");
        q.body = Some("NOPE".into());
        q.tz = Some("Mars/Olympus".into());
        let page = calendar_page(&data, &[], q, day("2026-11-26"));
        let notice = page.notice.unwrap();
        assert!(
            notice.contains("\"NOPE\"") && notice.contains("Mars/Olympus"),
            "{notice}"
        );
        assert_eq!(page.query.body, None);
    }

    #[test]
    fn the_timeline_puts_joint_meetings_in_each_of_their_bodies_rows() {
        let data = demo();
        let page = timeline_page(&data, &[], TimelineQuery::default());
        assert_eq!((page.from, page.to), (2022, 2026));
        assert_eq!(page.years.len(), 5);
        let joint_in = |code: &str| {
            page.rows
                .iter()
                .find(|r| r.body == code)
                .unwrap()
                .bars
                .iter()
                .any(|b| b.href == "/meetings/joint-2023-09-morning" && !b.joint_with.is_empty())
        };
        assert!(joint_in("IRG") && joint_in("WG-AR") && joint_in("EM-IC"));
        assert!(!joint_in("COSP"));
        assert!(page
            .rows
            .iter()
            .flat_map(|r| &r.bars)
            .all(|b| b.left >= 0.0 && b.left + b.width <= 100.0 + 1e-9));
    }

    #[test]
    fn the_daily_programme_lists_a_days_meetings_with_rooms_in_time_order() {
        let data = demo();
        let page = programme_page(
            &data,
            ProgrammeQuery {
                date: Some("2023-09-06".into()),
                venue: Some("vienna-vic".into()),
            },
            day("2026-11-26"),
        )
        .unwrap();
        let ids: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["joint-2023-09-morning", "joint-2023-09-afternoon"]);
        assert!(page.items[0].time.starts_with("10:00–"));
        assert_eq!(page.items[0].sessions.len(), 3);
        let err = programme_page(
            &data,
            ProgrammeQuery {
                date: Some("6 Sept".into()),
                venue: None,
            },
            day("2026-11-26"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("date"), "{err}");
    }
}

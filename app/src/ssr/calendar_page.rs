//! The calendar page (month, week or list of days) laid out from the whole dataset, times in the
//! venue's zone with the viewer's beside them.

use chrono::{Datelike, NaiveDate};

use chrono_tz::Tz;

use sea_orm::DatabaseConnection;

use crate::wire::calendar::*;

use crate::domain::page_dates::CalendarLayout;

use crate::domain::conflicts::ConflictView;

use crate::domain::session::capitalized;

use crate::domain::{Dataset, Meeting, Session};

use crate::error::QuorumError;

use super::page_parts::{
    blank_to_none, bodies_of, choices, conflicted, event, session_days, today, venue_zone,
    VIEWER_ZONES,
};

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
    // No day asked for: today, or — for a filtered calendar — the day of its next meeting
    // (its latest when none is ahead), chosen once the meetings are known.
    let asked = match query.date.as_deref().map(|d| d.parse::<NaiveDate>()) {
        Some(Ok(day)) => Some(day),
        Some(Err(_)) => {
            notices.push(format!(
                "{:?} is not a date (YYYY-MM-DD)",
                query.date.take().unwrap_or_default()
            ));
            Some(today)
        }
        None => None,
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
    let local_day = |m: &Meeting| m.start.with_timezone(&venue_zone(data, m)).date_naive();
    let filtered = query.body.is_some() || query.venue.is_some() || query.kind.is_some();
    let anchor = asked.unwrap_or_else(|| {
        let next = meetings.iter().map(|m| local_day(m)).find(|d| *d >= today);
        match (filtered, next, meetings.last()) {
            (true, Some(next), _) => next,
            (true, None, Some(latest)) => local_day(latest),
            _ => today,
        }
    });
    let (from, to) = layout.range(anchor);
    // An empty period says where the nearest meeting is, with a link to it.
    let nearest = (!meetings.iter().any(|m| (from..=to).contains(&local_day(m))))
        .then(|| {
            meetings
                .iter()
                .min_by_key(|m| (local_day(m) - anchor).num_days().abs())
        })
        .flatten()
        .map(|m| {
            let day = local_day(m);
            (
                format!(
                    "The nearest meeting is “{}”, on {}.",
                    m.title,
                    crate::domain::wording::dates::day(day)
                ),
                day.to_string(),
            )
        });
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
                    short: s.short_label(),
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
                label: crate::domain::wording::dates::weekday_and_day(day),
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
        nearest,
        query,
    }
}

pub async fn load(
    db: &DatabaseConnection,
    query: CalendarQuery,
) -> Result<CalendarPage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let conflicts = super::conflicts::scan(db).await?;
    Ok(calendar_page(&data, &conflicts, query, today()))
}

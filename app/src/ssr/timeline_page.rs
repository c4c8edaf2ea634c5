//! The multi-year timeline laid out from the whole dataset: a row per body, sessions and joint
//! meetings as bars, conflicts marked.

use chrono::NaiveDate;

use sea_orm::DatabaseConnection;

use crate::wire::calendar::*;

use crate::domain::page_dates::timeline_position;

use crate::domain::conflicts::ConflictView;

use crate::domain::session::capitalized;

use crate::domain::{Dataset, SessionDates};

use crate::error::QuorumError;

use super::page_parts::{bodies_of, conflicted, venue_zone};

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
                    // The row names the body: the bar keeps what follows it ("IRG 14" → "14").
                    short: session
                        .short_label()
                        .trim_start_matches(session.body.as_str())
                        .trim_start()
                        .to_owned(),
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
                    // Striped, and explained by the legend: a label would cover its session's.
                    short: String::new(),
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
            keep_labels_apart(&mut bars);
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

pub async fn load(
    db: &DatabaseConnection,
    query: TimelineQuery,
) -> Result<TimelinePage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let conflicts = super::conflicts::scan(db).await?;
    Ok(timeline_page(&data, &conflicts, query))
}

/// About how much of the track one character of a bar's label takes, in percent (0.7 rem
/// type on a track of some 1,000 px).
const LABEL_CHAR_WIDTH: f64 = 0.6;

/// Drops the label of a bar that would run into the next bar, the label before it or the
/// track's end, so that labels never cover each other or a bar; the bar keeps its full title
/// as tooltip and accessible name.
fn keep_labels_apart(bars: &mut [TimelineBar]) {
    let mut free_from = f64::MIN;
    for i in 0..bars.len() {
        if bars[i].short.is_empty() {
            continue;
        }
        let end =
            bars[i].left + bars[i].width + LABEL_CHAR_WIDTH * bars[i].short.chars().count() as f64;
        // The next bar beyond this one (a joint meeting within its session lies under it).
        let own_end = bars[i].left + bars[i].width;
        let next_bar = bars[i + 1..]
            .iter()
            .map(|next| next.left)
            .find(|left| *left >= own_end)
            .unwrap_or(100.0)
            .min(100.0);
        if bars[i].left < free_from || end > next_bar {
            bars[i].short.clear();
        } else {
            free_from = end + 0.5;
        }
    }
}

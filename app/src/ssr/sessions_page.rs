//! The sessions page: every session of every body, with its venue and dates, in date order,
//! filtered by body, venue and year.

use crate::domain::session::capitalized;
use crate::domain::wording::{dates, place_name};
use crate::domain::{Dataset, Session};
use crate::wire::calendar::Choice;
use crate::wire::detail_pages::{SessionLine, SessionsPage, SessionsQuery};

/// A session as a list shows it.
pub fn session_line(data: &Dataset, session: &Session) -> SessionLine {
    let venue = session.venue.as_ref().map(|id| {
        let name = data
            .venues
            .iter()
            .find(|v| &v.id == id)
            .map(|v| place_name(&v.name, &v.city))
            .unwrap_or_else(|| id.to_string());
        (id.to_string(), name)
    });
    SessionLine {
        id: session.id.to_string(),
        body: session.body.to_string(),
        title: capitalized(&data.session_title(session)),
        venue,
        dates: dates::session_dates(&session.dates),
    }
}

/// Sessions in date order: by first day, a year-only session after that year's dated ones,
/// undated ones last.
pub fn in_date_order<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Vec<&'a Session> {
    let mut sessions: Vec<&Session> = sessions.into_iter().collect();
    sessions.sort_by_key(|s| (s.dates.order_key(), s.id.to_string()));
    sessions
}

/// The page for `query`. A filter value that names nothing is ignored and said in the notice.
pub fn sessions_page(data: &Dataset, query: SessionsQuery) -> SessionsPage {
    fn given(value: &Option<String>) -> Option<&str> {
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }
    let mut unknown = vec![];
    let body = given(&query.body).and_then(|code| {
        let found = data.bodies.iter().find(|b| b.code.as_str() == code);
        if found.is_none() {
            unknown.push(format!("there is no body with the code “{code}”"));
        }
        found.map(|b| b.code.clone())
    });
    let venue = given(&query.venue).and_then(|id| {
        let found = data.venues.iter().find(|v| v.id.as_str() == id);
        if found.is_none() {
            unknown.push(format!("there is no venue “{id}”"));
        }
        found.map(|v| v.id.clone())
    });
    let year = given(&query.year).and_then(|text| {
        let year = text.parse::<i32>().ok();
        if year.is_none() {
            unknown.push(format!("“{text}” is not a year"));
        }
        year
    });
    let kept = data.sessions.iter().filter(|s| {
        body.as_ref().is_none_or(|b| &s.body == b)
            && venue.as_ref().is_none_or(|v| s.venue.as_ref() == Some(v))
            && year.is_none_or(|y| s.dates.year() == Some(y))
    });
    let sessions: Vec<SessionLine> = in_date_order(kept)
        .into_iter()
        .map(|s| session_line(data, s))
        .collect();
    let bodies = data
        .bodies
        .iter()
        .map(|b| Choice {
            value: b.code.to_string(),
            label: format!("{} ({})", b.short_name, b.code),
        })
        .collect();
    let mut venues: Vec<Choice> = data
        .venues
        .iter()
        .filter(|v| {
            data.sessions
                .iter()
                .any(|s| s.venue.as_ref() == Some(&v.id))
        })
        .map(|v| Choice {
            value: v.id.to_string(),
            label: place_name(&v.name, &v.city),
        })
        .collect();
    venues.sort_by(|a, b| a.label.cmp(&b.label));
    let mut years: Vec<i32> = data
        .sessions
        .iter()
        .filter_map(|s| s.dates.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    let years = years
        .into_iter()
        .map(|y| Choice {
            value: y.to_string(),
            label: y.to_string(),
        })
        .collect();
    let notice = (!unknown.is_empty()).then(|| {
        format!(
            "Some filters were left out: {}. The list shows every session they do not narrow.",
            unknown.join("; ")
        )
    });
    SessionsPage {
        query,
        sessions,
        bodies,
        venues,
        years,
        notice,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Dataset {
        serde_json::from_str(include_str!("../../data/demo.json")).unwrap()
    }

    fn query(body: &str, venue: &str, year: &str) -> SessionsQuery {
        let some = |v: &str| (!v.is_empty()).then(|| v.to_owned());
        SessionsQuery {
            body: some(body),
            venue: some(venue),
            year: some(year),
        }
    }

    #[test]
    fn sessions_read_in_date_order_with_undated_ones_last() {
        let page = sessions_page(&demo(), SessionsQuery::default());
        let first = &page.sessions[0];
        assert_eq!(first.id, "cosp-9");
        assert_eq!(first.dates, "13–17 December 2021");
        let last = page.sessions.last().unwrap();
        assert_eq!(last.dates, "Dates to be determined");
        let keys: Vec<(i32, chrono::NaiveDate)> = page
            .sessions
            .iter()
            .map(|l| {
                let session = demo().sessions.into_iter().find(|s| s.id.as_str() == l.id);
                session.unwrap().dates.order_key()
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
        assert!(page.notice.is_none());
    }

    #[test]
    fn filters_keep_a_body_a_venue_and_a_year() {
        let page = sessions_page(&demo(), query("IRG", "", "2023"));
        let ids: Vec<&str> = page.sessions.iter().map(|s| s.id.as_str()).collect();
        assert!(!ids.is_empty());
        assert!(page.sessions.iter().all(|s| s.body == "IRG"), "{ids:?}");
        assert!(
            page.sessions.iter().all(|s| s.dates.ends_with("2023")),
            "{ids:?}"
        );
        let in_vienna = sessions_page(&demo(), query("", "vienna-vic", ""));
        assert!(!in_vienna.sessions.is_empty());
        assert!(in_vienna
            .sessions
            .iter()
            .all(|s| s.venue.as_ref().map(|v| v.0.as_str()) == Some("vienna-vic")));
        assert!(in_vienna.venues.iter().any(|v| v.value == "vienna-vic"));
    }

    #[test]
    fn a_filter_that_names_nothing_is_said_and_left_out() {
        let page = sessions_page(&demo(), query("XYZ", "", "soon"));
        let notice = page.notice.unwrap();
        assert!(notice.contains("no body with the code “XYZ”"), "{notice}");
        assert!(notice.contains("“soon” is not a year"), "{notice}");
        assert_eq!(page.sessions.len(), demo().sessions.len());
    }
}

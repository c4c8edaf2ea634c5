//! Dates as delegates read them: "11 December 2023", "13–17 December 2021", "Mon 11 Dec" —
//! never an ISO string on a page. One place, so that every page says a date the same way.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::domain::session::SessionDates;

/// "11 December 2023".
pub fn day(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "Monday 11 December 2023", for a day's heading.
pub fn weekday_and_day(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "Mon 11 Dec", where the year is clear from the page.
pub fn short_day(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// A span of days, naming the month and year once where they are shared: "11 December 2023",
/// "13–17 December 2021", "30 November – 2 December 2022", "28 December 2022 – 3 January 2023".
pub fn day_span(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        day(start)
    } else if start.year() != end.year() {
        format!("{} – {}", day(start), day(end))
    } else if start.month() != end.month() {
        format!("{} – {}", start.format("%-d %B"), day(end))
    } else {
        format!("{}–{}", start.day(), day(end))
    }
}

/// A session's dates: its days, its year alone, or "Dates to be determined".
pub fn session_dates(dates: &SessionDates) -> String {
    match dates {
        SessionDates::Days { start, end } => day_span(*start, *end),
        SessionDates::Year(year) => format!("{year}, dates to be determined"),
        SessionDates::ToBeDetermined => "Dates to be determined".into(),
    }
}

/// A meeting's hours in one zone, "10:00–13:00 EST". `listed_on` is the day a page lists the
/// meeting under (its day at the venue): where the zone's clock reads another day, that day is
/// named first, "Tue 12 Dec 00:00–03:00 JST", so that nobody arrives a day late. A meeting that
/// ends on a later day names the day it ends.
pub fn hours_in(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: Tz,
    listed_on: Option<NaiveDate>,
) -> String {
    let (start, end) = (start.with_timezone(&zone), end.with_timezone(&zone));
    let start_day = match listed_on {
        Some(listed) if listed != start.date_naive() => {
            format!("{} ", short_day(start.date_naive()))
        }
        _ => String::new(),
    };
    let end_text = if start.date_naive() == end.date_naive() {
        end.format("%H:%M").to_string()
    } else {
        format!("{} {}", short_day(end.date_naive()), end.format("%H:%M"))
    };
    format!(
        "{start_day}{}–{end_text} {}",
        start.format("%H:%M"),
        start.format("%Z")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_day_reads_day_month_year() {
        assert_eq!(day(d(2023, 12, 11)), "11 December 2023");
        assert_eq!(day(d(2024, 6, 1)), "1 June 2024");
        assert_eq!(weekday_and_day(d(2023, 12, 11)), "Monday 11 December 2023");
        assert_eq!(short_day(d(2023, 12, 11)), "Mon 11 Dec");
    }

    #[test]
    fn a_span_names_its_month_and_year_once_where_shared() {
        for ((start, end), said) in [
            ((d(2023, 12, 11), d(2023, 12, 11)), "11 December 2023"),
            ((d(2021, 12, 13), d(2021, 12, 17)), "13–17 December 2021"),
            (
                (d(2022, 11, 30), d(2022, 12, 2)),
                "30 November – 2 December 2022",
            ),
            (
                (d(2022, 12, 28), d(2023, 1, 3)),
                "28 December 2022 – 3 January 2023",
            ),
        ] {
            assert_eq!(day_span(start, end), said);
        }
    }

    #[test]
    fn hours_elsewhere_name_the_day_when_the_clock_there_reads_another() {
        // The opening of the Conference's tenth session, Atlanta, 11 December 2023.
        let start = "2023-12-11T15:00:00Z".parse().unwrap();
        let end = "2023-12-11T18:00:00Z".parse().unwrap();
        let atlanta = Some(d(2023, 12, 11));
        for (zone, said) in [
            (chrono_tz::America::New_York, "10:00–13:00 EST"),
            (chrono_tz::Asia::Tokyo, "Tue 12 Dec 00:00–03:00 JST"),
            (chrono_tz::Europe::Vienna, "16:00–19:00 CET"),
            // Across midnight where it is seen: the day it ends is named.
            (chrono_tz::Asia::Bangkok, "22:00–Tue 12 Dec 01:00 +07"),
        ] {
            assert_eq!(hours_in(start, end, zone, atlanta), said, "{zone}");
        }
    }

    #[test]
    fn a_session_without_days_says_so() {
        assert_eq!(
            session_dates(&SessionDates::Year(2026)),
            "2026, dates to be determined"
        );
        assert_eq!(
            session_dates(&SessionDates::ToBeDetermined),
            "Dates to be determined"
        );
        assert_eq!(
            session_dates(&SessionDates::Days {
                start: d(2022, 9, 9),
                end: d(2022, 9, 9)
            }),
            "9 September 2022"
        );
    }
}

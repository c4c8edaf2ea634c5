//! The arithmetic of calendar pages: which days a month, week or list view covers, where the
//! previous and next pages start, and where a span sits on the multi-year timeline.

use chrono::{Datelike, Days, Months, NaiveDate};

/// How the calendar page lays out its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarLayout {
    /// Whole weeks, Monday first, covering one month.
    Month,
    /// One week, Monday to Sunday.
    Week,
    /// Every day of one year that has something on it, as a list.
    List,
}

impl CalendarLayout {
    /// Reads the `view` query value; anything unknown is the month view.
    pub fn parse(value: Option<&str>) -> CalendarLayout {
        match value {
            Some("week") => CalendarLayout::Week,
            Some("list") => CalendarLayout::List,
            _ => CalendarLayout::Month,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CalendarLayout::Month => "month",
            CalendarLayout::Week => "week",
            CalendarLayout::List => "list",
        }
    }

    /// The first and last day the page shows around `anchor`, inclusive.
    pub fn range(self, anchor: NaiveDate) -> (NaiveDate, NaiveDate) {
        match self {
            CalendarLayout::Month => {
                let first = first_of_month(anchor);
                let last = last_of_month(anchor);
                (monday_of(first), monday_of(last) + Days::new(6))
            }
            CalendarLayout::Week => {
                let monday = monday_of(anchor);
                (monday, monday + Days::new(6))
            }
            CalendarLayout::List => (
                NaiveDate::from_ymd_opt(anchor.year(), 1, 1).unwrap_or(anchor),
                NaiveDate::from_ymd_opt(anchor.year(), 12, 31).unwrap_or(anchor),
            ),
        }
    }

    /// Whether `day` belongs to the page's own period (a month grid also shows its neighbours'
    /// days, greyed).
    pub fn in_period(self, anchor: NaiveDate, day: NaiveDate) -> bool {
        match self {
            CalendarLayout::Month => day.year() == anchor.year() && day.month() == anchor.month(),
            CalendarLayout::Week | CalendarLayout::List => {
                let (from, to) = self.range(anchor);
                from <= day && day <= to
            }
        }
    }

    /// The anchor of the previous (`forward` false) or next page.
    pub fn step(self, anchor: NaiveDate, forward: bool) -> NaiveDate {
        let moved = match (self, forward) {
            (CalendarLayout::Month, true) => anchor.checked_add_months(Months::new(1)),
            (CalendarLayout::Month, false) => anchor.checked_sub_months(Months::new(1)),
            (CalendarLayout::Week, true) => anchor.checked_add_days(Days::new(7)),
            (CalendarLayout::Week, false) => anchor.checked_sub_days(Days::new(7)),
            (CalendarLayout::List, true) => anchor.checked_add_months(Months::new(12)),
            (CalendarLayout::List, false) => anchor.checked_sub_months(Months::new(12)),
        };
        moved.unwrap_or(anchor)
    }

    /// The page's heading: "December 2023", "Week of 11 December 2023", "2023".
    pub fn label(self, anchor: NaiveDate) -> String {
        match self {
            CalendarLayout::Month => anchor.format("%B %Y").to_string(),
            CalendarLayout::Week => {
                format!("Week of {}", super::wording::dates::day(monday_of(anchor)))
            }
            CalendarLayout::List => anchor.year().to_string(),
        }
    }
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn last_of_month(day: NaiveDate) -> NaiveDate {
    first_of_month(day)
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day)
}

/// The Monday of the week holding `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// Where a span of days sits on a timeline running from `from` to `to` (inclusive), as
/// percentages of its width: (left, width). Spans outside are clipped to the edges.
pub fn timeline_position(
    start: NaiveDate,
    end: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> (f64, f64) {
    let total = (to - from).num_days() as f64 + 1.0;
    let start = start.max(from);
    let end = end.min(to).max(start);
    let left = (start - from).num_days() as f64 / total * 100.0;
    let width = ((end - start).num_days() as f64 + 1.0) / total * 100.0;
    (left, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_month_grid_is_whole_weeks_from_monday() {
        // December 2023 starts on a Friday and ends on a Sunday.
        let (from, to) = CalendarLayout::Month.range(day(2023, 12, 11));
        assert_eq!(from, day(2023, 11, 27));
        assert_eq!(to, day(2023, 12, 31));
        assert!(CalendarLayout::Month.in_period(day(2023, 12, 11), day(2023, 12, 1)));
        assert!(!CalendarLayout::Month.in_period(day(2023, 12, 11), day(2023, 11, 30)));
    }

    #[test]
    fn a_week_runs_monday_to_sunday() {
        assert_eq!(
            CalendarLayout::Week.range(day(2023, 6, 14)),
            (day(2023, 6, 12), day(2023, 6, 18))
        );
        assert_eq!(
            CalendarLayout::Week.label(day(2023, 6, 14)),
            "Week of 12 June 2023"
        );
    }

    #[test]
    fn paging_keeps_the_day_within_the_month_when_it_can() {
        assert_eq!(
            CalendarLayout::Month.step(day(2024, 1, 31), true),
            day(2024, 2, 29)
        );
        assert_eq!(
            CalendarLayout::Month.step(day(2024, 1, 15), false),
            day(2023, 12, 15)
        );
        assert_eq!(
            CalendarLayout::Week.step(day(2023, 12, 29), true),
            day(2024, 1, 5)
        );
        assert_eq!(
            CalendarLayout::List.step(day(2023, 5, 1), true),
            day(2024, 5, 1)
        );
        assert_eq!(
            CalendarLayout::List.range(day(2023, 5, 1)),
            (day(2023, 1, 1), day(2023, 12, 31))
        );
    }

    #[test]
    fn unknown_views_are_the_month() {
        assert_eq!(CalendarLayout::parse(Some("year")), CalendarLayout::Month);
        assert_eq!(CalendarLayout::parse(Some("week")).as_str(), "week");
    }

    #[test]
    fn timeline_positions_are_clipped_percentages() {
        let (from, to) = (day(2022, 1, 1), day(2026, 12, 31));
        let (left, width) = timeline_position(day(2022, 1, 1), day(2022, 1, 1), from, to);
        assert_eq!(left, 0.0);
        assert!((width - 100.0 / 1826.0).abs() < 1e-9);
        let (left, width) = timeline_position(day(2021, 6, 1), day(2022, 1, 2), from, to);
        assert_eq!(left, 0.0);
        assert!((width - 200.0 / 1826.0).abs() < 1e-9);
        let (left, _) = timeline_position(day(2024, 7, 2), day(2024, 7, 2), from, to);
        assert!((left - (365.0 * 2.0 + 366.0 / 2.0) / 1826.0 * 100.0).abs() < 0.1);
    }
}

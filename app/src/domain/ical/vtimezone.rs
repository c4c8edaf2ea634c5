//! VTIMEZONE components generated from the time-zone database (chrono-tz) for any IANA zone,
//! in the shape Outlook accepts: one STANDARD and at most one DAYLIGHT, each a yearly RRULE
//! whose onset is the local wall time before the change.

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc, Weekday,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::text::{write_folded, Line};

/// One change of offset, as a yearly rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Onset {
    pub daylight: bool,
    pub offset_from: i32,
    pub offset_to: i32,
    pub name: String,
    pub month: u32,
    /// 1–4 for the nth weekday of the month, -1 for the last.
    pub week: i32,
    pub weekday: Weekday,
    /// Local wall time before the change.
    pub time: chrono::NaiveTime,
}

/// A zone's rules: no change at all (`onsets` holds one STANDARD with equal offsets) or a
/// DAYLIGHT and a STANDARD onset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneRules {
    pub tzid: String,
    pub onsets: Vec<Onset>,
}

fn offset_at(tz: Tz, instant: i64) -> i32 {
    tz.offset_from_utc_datetime(&utc(instant).naive_utc())
        .fix()
        .local_minus_utc()
}

fn utc(instant: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(instant, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// Instants within `year` at which the zone's offset changes: the first second of each new offset.
fn transitions(tz: Tz, year: i32) -> Vec<i64> {
    let start = Utc
        .with_ymd_and_hms(year, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let end = Utc
        .with_ymd_and_hms(year + 1, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let mut found = Vec::new();
    let mut at = start;
    // Offsets change at most a few times a year and never twice within six hours.
    let step = 6 * 3600;
    while at < end {
        let next = (at + step).min(end);
        if offset_at(tz, at) != offset_at(tz, next) {
            let (mut lo, mut hi) = (at, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid) == offset_at(tz, at) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            found.push(hi);
        }
        at = next;
    }
    found
}

fn onset_at(tz: Tz, instant: i64) -> Onset {
    let from = offset_at(tz, instant - 1);
    let to = offset_at(tz, instant);
    let offset = tz.offset_from_utc_datetime(&utc(instant).naive_utc());
    let before: NaiveDateTime = utc(instant).naive_utc() + Duration::seconds(i64::from(from));
    let day = before.day();
    let days_in_month = days_in_month(before.year(), before.month());
    Onset {
        daylight: !offset.dst_offset().is_zero(),
        offset_from: from,
        offset_to: to,
        name: offset.abbreviation().unwrap_or("").to_owned(),
        month: before.month(),
        week: if day + 7 > days_in_month {
            -1
        } else {
            ((day - 1) / 7 + 1) as i32
        },
        weekday: before.weekday(),
        time: before.time(),
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
        .map(|d| d.day())
        .unwrap_or(28)
}

/// The day in `year` a rule falls on.
pub fn rule_day(year: i32, month: u32, week: i32, weekday: Weekday) -> NaiveDate {
    if week > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, week as u8).expect("valid week")
    } else {
        let last =
            NaiveDate::from_ymd_opt(year, month, days_in_month(year, month)).expect("valid day");
        let back = (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
        last - Duration::days(i64::from(back))
    }
}

impl ZoneRules {
    /// The zone's rules as in force in `year`; a zone that changed its rules that year is
    /// described by the nearest year with a regular pattern.
    pub fn for_year(tz: Tz, year: i32) -> ZoneRules {
        for distance in 0..6 {
            for candidate in [year + distance, year - distance] {
                let changes = transitions(tz, candidate);
                match changes.len() {
                    0 => {
                        let instant = Utc
                            .with_ymd_and_hms(candidate, 7, 1, 0, 0, 0)
                            .unwrap()
                            .timestamp();
                        let offset = offset_at(tz, instant);
                        let name = tz
                            .offset_from_utc_datetime(&utc(instant).naive_utc())
                            .abbreviation()
                            .unwrap_or("")
                            .to_owned();
                        return ZoneRules {
                            tzid: tz.name().to_owned(),
                            onsets: vec![Onset {
                                daylight: false,
                                offset_from: offset,
                                offset_to: offset,
                                name,
                                month: 1,
                                week: 1,
                                weekday: Weekday::Thu,
                                time: chrono::NaiveTime::MIN,
                            }],
                        };
                    }
                    2 => {
                        let onsets: Vec<Onset> = changes.iter().map(|t| onset_at(tz, *t)).collect();
                        if onsets.iter().filter(|o| o.daylight).count() == 1 {
                            return ZoneRules {
                                tzid: tz.name().to_owned(),
                                onsets,
                            };
                        }
                    }
                    _ => {}
                }
            }
        }
        // No regular pattern near that year: describe the offset in force at its middle.
        let instant = Utc
            .with_ymd_and_hms(year, 7, 1, 0, 0, 0)
            .unwrap()
            .timestamp();
        let offset = offset_at(tz, instant);
        ZoneRules {
            tzid: tz.name().to_owned(),
            onsets: vec![Onset {
                daylight: false,
                offset_from: offset,
                offset_to: offset,
                name: String::new(),
                month: 1,
                week: 1,
                weekday: Weekday::Thu,
                time: chrono::NaiveTime::MIN,
            }],
        }
    }

    /// The UTC offset these rules give a local wall time (as a reader of the VTIMEZONE would
    /// compute it): the offset of the latest onset at or before it.
    pub fn offset_for_local(&self, local: NaiveDateTime) -> i32 {
        if self.onsets.len() == 1 {
            return self.onsets[0].offset_to;
        }
        let year = local.year();
        let mut latest: Option<(NaiveDateTime, &Onset)> = None;
        for onset in &self.onsets {
            for y in [year - 1, year] {
                let at = rule_day(y, onset.month, onset.week, onset.weekday).and_time(onset.time);
                // The onset is wall time before the change, in the offset it changes from.
                if at <= local && latest.is_none_or(|(l, _)| at > l) {
                    latest = Some((at, onset));
                }
            }
        }
        latest
            .map(|(_, o)| o.offset_to)
            .unwrap_or(self.onsets[0].offset_from)
    }

    /// Writes the VTIMEZONE component.
    pub fn write(&self, out: &mut String) {
        write_folded(out, "BEGIN:VTIMEZONE");
        write_folded(out, &Line::new("TZID").raw(&self.tzid));
        for onset in &self.onsets {
            let kind = if onset.daylight {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            write_folded(out, &format!("BEGIN:{kind}"));
            let start = if self.onsets.len() == 1 {
                NaiveDate::from_ymd_opt(1970, 1, 1)
                    .unwrap()
                    .and_time(chrono::NaiveTime::MIN)
            } else {
                rule_day(1970, onset.month, onset.week, onset.weekday).and_time(onset.time)
            };
            write_folded(
                out,
                &Line::new("DTSTART").raw(&start.format("%Y%m%dT%H%M%S").to_string()),
            );
            if self.onsets.len() > 1 {
                write_folded(
                    out,
                    &Line::new("RRULE").raw(&format!(
                        "FREQ=YEARLY;BYMONTH={};BYDAY={}{}",
                        onset.month,
                        onset.week,
                        weekday_code(onset.weekday)
                    )),
                );
            }
            write_folded(
                out,
                &Line::new("TZOFFSETFROM").raw(&offset_text(onset.offset_from)),
            );
            write_folded(
                out,
                &Line::new("TZOFFSETTO").raw(&offset_text(onset.offset_to)),
            );
            if !onset.name.is_empty() {
                write_folded(out, &Line::new("TZNAME").text(&onset.name));
            }
            write_folded(out, &format!("END:{kind}"));
        }
        write_folded(out, "END:VTIMEZONE");
    }
}

fn weekday_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// "+0100", "-0430"; seconds are dropped (no zone in use has them).
pub fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.abs();
    format!("{sign}{:02}{:02}", abs / 3600, (abs % 3600) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Around every change in the year, and at each hour of it, the VTIMEZONE's rules give the
    /// same offset as the time-zone database for the same local wall time (unambiguous times).
    fn agrees_with_chrono_tz(zone: &str, year: i32) {
        let tz: Tz = zone.parse().unwrap();
        let rules = ZoneRules::for_year(tz, year);
        let mut instants: Vec<i64> = transitions(tz, year)
            .iter()
            .flat_map(|t| [-7200, -3601, -3600, -1, 0, 1, 3600, 3601, 7200].map(|d| t + d))
            .collect();
        let start = Utc
            .with_ymd_and_hms(year, 1, 1, 0, 0, 0)
            .unwrap()
            .timestamp();
        instants.extend((0..365 * 24).map(|h| start + h * 3600));
        for instant in instants {
            let local = tz
                .from_utc_datetime(&utc(instant).naive_utc())
                .naive_local();
            // Skip wall times that occur twice (the hour repeated when clocks go back).
            if tz.from_local_datetime(&local).single().is_none() {
                continue;
            }
            assert_eq!(
                rules.offset_for_local(local),
                offset_at(tz, instant),
                "{zone} at {local} ({})",
                utc(instant)
            );
        }
    }

    #[test]
    fn vtimezone_rules_match_the_time_zone_database_around_changes() {
        for zone in [
            "Europe/Vienna",
            "America/New_York",
            "Australia/Sydney",
            "America/Santiago",
            "Africa/Cairo",
            "Asia/Tokyo",
            "Asia/Qatar",
            "Europe/London",
        ] {
            for year in [2023, 2024, 2025] {
                agrees_with_chrono_tz(zone, year);
            }
        }
    }

    #[test]
    fn vienna_is_written_in_the_shape_outlook_accepts() {
        let mut out = String::new();
        ZoneRules::for_year("Europe/Vienna".parse().unwrap(), 2023).write(&mut out);
        assert_eq!(
            out,
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Vienna\r\n\
             BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
             TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n\
             BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
             TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        );
    }

    #[test]
    fn zones_without_daylight_saving_have_one_standard_part() {
        let rules = ZoneRules::for_year("Asia/Tokyo".parse().unwrap(), 2023);
        assert_eq!(rules.onsets.len(), 1);
        assert_eq!(offset_text(rules.onsets[0].offset_to), "+0900");
        let ny = ZoneRules::for_year("America/New_York".parse().unwrap(), 2023);
        let daylight = ny.onsets.iter().find(|o| o.daylight).unwrap();
        assert_eq!(
            (daylight.month, daylight.week, daylight.weekday),
            (3, 2, Weekday::Sun)
        );
    }
}

//! iCalendar (RFC 5545) feeds: the model of a feed and its rendering to bytes. Pure and
//! deterministic: the same data always gives the same bytes — nothing depends on the time of
//! the request.

pub mod text;
pub mod vtimezone;

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use text::{write_folded, Line};
use vtimezone::ZoneRules;

/// How a calendar shows an event's certainty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    Tentative,
    Confirmed,
    Cancelled,
}

impl EventStatus {
    fn as_str(self) -> &'static str {
        match self {
            EventStatus::Tentative => "TENTATIVE",
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// A meeting in a feed, at its venue's local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimedEvent {
    /// Never changes when the meeting changes.
    pub uid: String,
    pub summary: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub tz: Tz,
    pub location: String,
    pub url: String,
    pub categories: Vec<String>,
    pub description: String,
    pub status: EventStatus,
    pub sequence: u32,
    pub last_modified: DateTime<Utc>,
}

/// A deadline: a whole day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllDayEvent {
    pub uid: String,
    pub summary: String,
    pub day: NaiveDate,
    pub description: String,
    pub url: String,
    pub categories: Vec<String>,
    pub sequence: u32,
    pub last_modified: DateTime<Utc>,
}

/// A whole feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub name: String,
    /// How often clients should poll.
    pub refresh_minutes: u32,
    pub events: Vec<TimedEvent>,
    pub all_day: Vec<AllDayEvent>,
}

/// `20231211T150000`: written by hand, as chrono's format strings are parsed on every call.
fn basic_date_time(t: &impl chrono::Timelike, d: &impl Datelike) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        d.year(),
        d.month(),
        d.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn utc_stamp(instant: DateTime<Utc>) -> String {
    let mut text = basic_date_time(&instant, &instant);
    text.push('Z');
    text
}

impl Feed {
    /// The latest change of anything in the feed: its Last-Modified.
    pub fn last_modified(&self) -> DateTime<Utc> {
        self.events
            .iter()
            .map(|e| e.last_modified)
            .chain(self.all_day.iter().map(|e| e.last_modified))
            .max()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
    }

    /// The feed as iCalendar bytes: CRLF lines folded at 75 octets, a VTIMEZONE for every TZID.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(4096 + self.events.len() * 1024);
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Quorum//Quorum meeting planner//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ] {
            write_folded(&mut out, line);
        }
        write_folded(&mut out, &Line::new("NAME").text(&self.name));
        write_folded(&mut out, &Line::new("X-WR-CALNAME").text(&self.name));
        let refresh = format!("PT{}M", self.refresh_minutes);
        write_folded(
            &mut out,
            &Line::new("REFRESH-INTERVAL")
                .param("VALUE", "DURATION")
                .raw(&refresh),
        );
        write_folded(&mut out, &Line::new("X-PUBLISHED-TTL").raw(&refresh));

        // Each zone's rules as in force in the latest year it is used.
        let mut zones: BTreeMap<&str, (Tz, i32)> = BTreeMap::new();
        for event in &self.events {
            let year = event.start.with_timezone(&event.tz).year();
            let entry = zones.entry(event.tz.name()).or_insert((event.tz, year));
            entry.1 = entry.1.max(year);
        }
        for (tz, year) in zones.values() {
            ZoneRules::for_year(*tz, *year).write(&mut out);
        }

        let mut events: Vec<&TimedEvent> = self.events.iter().collect();
        events.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
        for event in events {
            self.write_event(&mut out, event);
        }
        let mut days: Vec<&AllDayEvent> = self.all_day.iter().collect();
        days.sort_by(|a, b| (a.day, &a.uid).cmp(&(b.day, &b.uid)));
        for day in days {
            write_all_day(&mut out, day);
        }
        write_folded(&mut out, "END:VCALENDAR");
        out
    }

    fn write_event(&self, out: &mut String, e: &TimedEvent) {
        let local = |instant: DateTime<Utc>| {
            let at = e.tz.from_utc_datetime(&instant.naive_utc());
            basic_date_time(&at, &at)
        };
        write_folded(out, "BEGIN:VEVENT");
        write_folded(out, &Line::new("UID").text(&e.uid));
        write_folded(out, &Line::new("DTSTAMP").raw(&utc_stamp(e.last_modified)));
        write_folded(
            out,
            &Line::new("DTSTART")
                .param("TZID", e.tz.name())
                .raw(&local(e.start)),
        );
        write_folded(
            out,
            &Line::new("DTEND")
                .param("TZID", e.tz.name())
                .raw(&local(e.end)),
        );
        write_folded(out, &Line::new("SUMMARY").text(&e.summary));
        write_common(out, &e.location, &e.description, &e.url, &e.categories);
        write_folded(out, &Line::new("STATUS").raw(e.status.as_str()));
        write_folded(out, &Line::new("SEQUENCE").raw(&e.sequence.to_string()));
        write_folded(
            out,
            &Line::new("LAST-MODIFIED").raw(&utc_stamp(e.last_modified)),
        );
        write_folded(out, "END:VEVENT");
    }
}

fn write_common(
    out: &mut String,
    location: &str,
    description: &str,
    url: &str,
    categories: &[String],
) {
    if !location.is_empty() {
        write_folded(out, &Line::new("LOCATION").text(location));
    }
    if !description.is_empty() {
        write_folded(out, &Line::new("DESCRIPTION").text(description));
    }
    if !url.is_empty() {
        write_folded(out, &Line::new("URL").param("VALUE", "URI").raw(url));
    }
    if !categories.is_empty() {
        let list: Vec<String> = categories.iter().map(|c| text::escape_text(c)).collect();
        write_folded(out, &Line::new("CATEGORIES").raw(&list.join(",")));
    }
}

fn write_all_day(out: &mut String, e: &AllDayEvent) {
    write_folded(out, "BEGIN:VEVENT");
    write_folded(out, &Line::new("UID").text(&e.uid));
    write_folded(out, &Line::new("DTSTAMP").raw(&utc_stamp(e.last_modified)));
    write_folded(
        out,
        &Line::new("DTSTART")
            .param("VALUE", "DATE")
            .raw(&e.day.format("%Y%m%d").to_string()),
    );
    // The end of an all-day event is exclusive: the next day.
    let next = e.day.succ_opt().unwrap_or(e.day);
    write_folded(
        out,
        &Line::new("DTEND")
            .param("VALUE", "DATE")
            .raw(&next.format("%Y%m%d").to_string()),
    );
    write_folded(out, &Line::new("SUMMARY").text(&e.summary));
    write_common(out, "", &e.description, &e.url, &e.categories);
    write_folded(out, "TRANSP:TRANSPARENT");
    write_folded(out, &Line::new("SEQUENCE").raw(&e.sequence.to_string()));
    write_folded(
        out,
        &Line::new("LAST-MODIFIED").raw(&utc_stamp(e.last_modified)),
    );
    write_folded(out, "END:VEVENT");
}

#[cfg(test)]
mod tests;

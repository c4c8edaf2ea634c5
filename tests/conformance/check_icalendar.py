"""Parses iCalendar files with Python's icalendar package and prints, as JSON, every event's UID
with its start and end as UTC instants (or all-day dates). Fails on a parse error, a TZID
without its VTIMEZONE, or a floating time."""

import json
import sys
from datetime import date, datetime, timezone

import icalendar


def main(files):
    out = {}
    for name in files:
        with open(name, "rb") as handle:
            calendar = icalendar.Calendar.from_ical(handle.read())
        zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
        for event in calendar.walk("VEVENT"):
            uid = str(event["UID"])
            instants = []
            for key in ("DTSTART", "DTEND"):
                prop = event[key]
                value = prop.dt
                if isinstance(value, date) and not isinstance(value, datetime):
                    instants.append(value.isoformat())
                    continue
                tzid = prop.params.get("TZID")
                if tzid is not None and str(tzid) not in zones:
                    raise SystemExit(f"{name}: {uid}: TZID {tzid} has no VTIMEZONE")
                if value.tzinfo is None:
                    raise SystemExit(f"{name}: {uid}: {key} is a floating time")
                instants.append(value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
            out[uid] = instants
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])

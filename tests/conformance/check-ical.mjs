// Parses iCalendar files with Mozilla's ical.js (Thunderbird's parser) and prints, as JSON,
// every event's UID with its start and end as UTC instants (or all-day dates). Fails on a parse
// error, a TZID without its VTIMEZONE, or a floating time.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const out = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = new Map();
  for (const vtz of root.getAllSubcomponents("vtimezone")) {
    const zone = new ICAL.Timezone(vtz);
    zones.set(zone.tzid, zone);
  }
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const uid = vevent.getFirstPropertyValue("uid");
    const instants = [];
    for (const name of ["dtstart", "dtend"]) {
      const prop = vevent.getFirstProperty(name);
      const value = prop.getFirstValue();
      if (value.isDate) {
        instants.push(value.toString());
        continue;
      }
      const tzid = prop.getParameter("tzid");
      if (tzid) {
        if (!zones.has(tzid)) throw new Error(`${file}: ${uid}: TZID ${tzid} has no VTIMEZONE`);
        value.zone = zones.get(tzid);
      } else if (value.zone !== ICAL.Timezone.utcTimezone) {
        throw new Error(`${file}: ${uid}: ${name} is a floating time`);
      }
      instants.push(new Date(value.toUnixTime() * 1000).toISOString().replace(".000Z", "Z"));
    }
    out[uid] = instants;
  }
}
console.log(JSON.stringify(out));

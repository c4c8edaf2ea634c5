//! The public calendar (month, week, list), the multi-year timeline and the daily programme.
//! Filters are plain GET forms and links, so every page works without JavaScript.

use leptos::prelude::*;

use crate::error::QuorumError;
use leptos_router::hooks::use_query_map;

use crate::api::calendar::*;
use crate::wire::calendar::*;

fn query_value(key: &str) -> Option<String> {
    use_query_map().read_untracked().get(key)
}

/// Shows a server error as an alert.
fn failure(e: QuorumError) -> AnyView {
    view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any()
}

#[component]
pub(super) fn Select(
    id: &'static str,
    label: &'static str,
    name: &'static str,
    all: &'static str,
    choices: Vec<Choice>,
    selected: Option<String>,
) -> impl IntoView {
    view! {
        <p class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="">{all}</option>
                {choices.into_iter().map(|c| {
                    let chosen = selected.as_deref() == Some(c.value.as_str());
                    view! { <option value=c.value selected=chosen>{c.label}</option> }
                }).collect_view()}
            </select>
        </p>
    }
}

#[component]
fn Event(event: CalendarEvent) -> impl IntoView {
    let mut class = format!("event status-{}", event.status);
    // Coloured by its (first) body, as the sessions are and as the legend says.
    if let Some(body) = event.bodies.first() {
        class.push_str(&format!(" body-{}", body.to_lowercase()));
    }
    if event.conflict {
        class.push_str(" in-conflict");
    }
    if event.joint {
        class.push_str(" joint");
    }
    view! {
        <li class=class data-id=event.id.clone()>
            <a href=format!("/meetings/{}", event.id)>
                <span class="time">{event.time}</span>
                " "
                <span class="title">{event.title}</span>
            </a>
            {event.viewer_time.map(|t| view! { <span class="viewer-time">{t}</span> })}
            <span class="meta">
                {event.bodies.join(" + ")} " · " {event.kind} " · " {event.place}
                {(event.status != "confirmed").then(|| format!(" · {}", event.status))}
            </span>
            {event.conflict.then(|| view! { <a class="conflict-mark" href="/conflicts">"⚠ conflict"</a> })}
        </li>
    }
}

#[component]
fn Day(day: CalendarDay, compact: bool) -> impl IntoView {
    let mut class = String::from("day");
    if !day.in_period {
        class.push_str(" other-period");
    }
    if day.today {
        class.push_str(" today");
    }
    let heading = if compact {
        day.day_number.to_string()
    } else {
        day.label.clone()
    };
    view! {
        <div class=class data-date=day.date>
            <h3 class="day-heading"><time datetime=day.date.clone() title=day.label.clone()>{heading}</time></h3>
            <ul class="sessions-on-day">
                {day.sessions.into_iter().map(|s| {
                    // A month's cells name a session shortly ("IRG 14"); its full title is the
                    // link's accessible name and tooltip.
                    let shown = if compact { s.short.clone() } else { s.title.clone() };
                    view! {
                        <li class=format!("session-chip body-{}", s.body.to_lowercase())>
                            <a href=format!("/sessions/{}", s.id) title=s.title.clone() aria-label=format!("{} ({})", s.title, s.day_of)>{shown}</a>
                            <span class="day-of" aria-hidden="true">{format!(" ({})", s.day_of)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ul class="events">
                {day.events.into_iter().map(|e| view! { <Event event=e/> }).collect_view()}
            </ul>
        </div>
    }
}

/// The calendar: month, week or list, filtered by body, venue and meeting type.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = CalendarQuery {
        view: query_value("view"),
        date: query_value("date"),
        body: query_value("body"),
        venue: query_value("venue"),
        kind: query_value("kind"),
        tz: query_value("tz"),
    };
    let page = Resource::new(move || query.clone(), load_calendar);
    view! {
        <leptos_meta::Title text="Calendar"/>
        <h1>"Calendar"</h1>
        <Suspense fallback=|| view! { <p>"Loading the calendar…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <CalendarBody page=p/> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CalendarBody(page: CalendarPage) -> impl IntoView {
    let q = page.query.clone();
    let views = ["month", "week", "list"].map(|v| {
        let current = page.view == v;
        view! {
            <a href=q.href(v, &page.anchor) class:current=current aria-current=current.then_some("page")>
                {match v { "month" => "Month", "week" => "Week", _ => "List" }}
            </a>
        }
    });
    let grid = page.view != "list";
    let compact = page.view == "month";
    view! {
        <form method="get" action="/calendar" class="filters" aria-label="Filters">
            <input type="hidden" name="view" value=page.view.clone()/>
            <p class="field">
                <label for="cal-date">"Date"</label>
                <input id="cal-date" type="date" name="date" value=page.anchor.clone()/>
            </p>
            <Select id="cal-body" label="Body" name="body" all="All bodies" choices=page.bodies.clone() selected=q.body.clone()/>
            <Select id="cal-venue" label="Venue" name="venue" all="All venues" choices=page.venues.clone() selected=q.venue.clone()/>
            <Select id="cal-kind" label="Meeting type" name="kind" all="All types" choices=page.kinds.clone() selected=q.kind.clone()/>
            <p class="field">
                <label for="cal-tz">"Also show times in"</label>
                <input id="cal-tz" name="tz" list="zones" value=q.tz.clone().unwrap_or_default() placeholder="e.g. Europe/London" autocomplete="off"/>
                <datalist id="zones">
                    {page.zones.iter().map(|z| view! { <option value=z.clone()/> }).collect_view()}
                </datalist>
            </p>
            <button type="submit">"Show"</button>
        </form>
        <ViewerZone has_zone=q.tz.is_some()/>
        {page.notice.clone().map(|n| view! { <p class="notice" role="status">{format!("Note: {n}.")}</p> })}
        <nav class="calendar-nav" aria-label="Calendar pages">
            <a href=q.href(&page.view, &page.prev) rel="prev">"← Previous"</a>
            <h2 class="period">{page.label.clone()}</h2>
            <a href=q.href(&page.view, &page.next) rel="next">"Next →"</a>
            <a href=q.href(&page.view, &page.today)>"Today"</a>
            <span class="views">{views}</span>
            <a href="/timeline">"Timeline"</a>
        </nav>
        <ul class="legend" aria-label="Colours of the bodies">
            {page.bodies.iter().map(|b| view! {
                <li class=format!("swatch body-{}", b.value.to_lowercase())>{format!("{} — {}", b.value, b.label)}</li>
            }).collect_view()}
        </ul>
        {page.nearest.clone().map(|(said, day)| view! {
            <p class="nearest" role="status">"No meeting in this period. " {said} " " <a href=q.href(&page.view, &day)>"Show it"</a></p>
        })}
        {if grid {
            view! {
                <div class=format!("calendar-grid {}", page.view) role="list">
                    {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(|d| view! { <div class="weekday" aria-hidden="true">{d}</div> })}
                    {page.days.into_iter().map(|d| view! { <div role="listitem" class="cell"><Day day=d compact/></div> }).collect_view()}
                </div>
            }.into_any()
        } else if page.days.is_empty() {
            view! { <p class="empty">"Nothing is scheduled in this period."</p> }.into_any()
        } else {
            view! {
                <div class="calendar-list">
                    {page.days.into_iter().map(|d| view! { <Day day=d compact=false/> }).collect_view()}
                </div>
            }.into_any()
        }}
    }
}

/// Once hydrated, offers the browser's own zone when the address names none.
#[island]
pub(super) fn ViewerZone(has_zone: bool) -> impl IntoView {
    let (zone, set_zone) = signal(None::<String>);
    Effect::new(move |_| {
        if !has_zone {
            set_zone.set(browser_zone());
        }
    });
    move || {
        zone.get().map(|z| {
            let href = {
                let location = window_location();
                let joiner = if location.contains('?') { "&" } else { "?" };
                format!("{location}{joiner}tz={}", crate::wire::detail_pages::encode(&z))
            };
            view! { <p class="viewer-zone"><a href=href>{format!("Show times also in your zone ({z})")}</a></p> }
        })
    }
}

#[cfg(feature = "hydrate")]
fn browser_zone() -> Option<String> {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()?
        .as_string()
}

#[cfg(not(feature = "hydrate"))]
fn browser_zone() -> Option<String> {
    None
}

#[cfg(feature = "hydrate")]
fn window_location() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

#[cfg(not(feature = "hydrate"))]
fn window_location() -> String {
    "/calendar".into()
}

/// Every body's sessions and joint meetings from 2022 to 2026 on one picture.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let query = TimelineQuery {
        from: query_value("from").and_then(|v| v.parse().ok()),
        to: query_value("to").and_then(|v| v.parse().ok()),
        body: query_value("body"),
    };
    let page = Resource::new(move || query.clone(), load_timeline);
    view! {
        <leptos_meta::Title text="Timeline"/>
        <h1>"Programme of the Conference and its subsidiary bodies"</h1>
        <Suspense fallback=|| view! { <p>"Loading the timeline…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <Timeline page=p/> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Timeline(page: TimelinePage) -> impl IntoView {
    let summary = format!(
        "{}–{}: one row per body; solid bars are sessions with dates, faint bars sessions whose dates are not yet set, striped bars joint meetings. {}",
        page.from,
        page.to,
        match page.conflicts {
            0 => "No unresolved conflicts.".to_owned(),
            n => format!("{n} unresolved conflicts, marked ⚠."),
        }
    );
    view! {
        <p class="summary">{summary}</p>
        <nav class="calendar-nav" aria-label="Timeline years">
            <a href=format!("/timeline?from={}&to={}", page.from - 1, page.to - 1)>"← Earlier"</a>
            <a href=format!("/timeline?from={}&to={}", page.from + 1, page.to + 1)>"Later →"</a>
            <a href="/calendar">"Calendar"</a>
        </nav>
        <ul class="legend timeline-legend" aria-label="What the bars show">
            <li><span class="key bar"></span>"Session with dates"</li>
            <li><span class="key bar tentative"></span>"Session whose dates are not yet set"</li>
            <li><span class="key bar joint"></span>"Joint meeting, in each of its bodies' rows"</li>
            <li>"⚠ in conflict"</li>
        </ul>
        <div class="timeline" role="table" aria-label="Sessions by body and year">
            <div class="timeline-row years" role="row">
                <span class="timeline-body" role="columnheader">"Body"</span>
                <div class="timeline-track" role="columnheader">
                    {page.years.iter().map(|(year, left)| view! {
                        <span class="year" style=format!("left:{left:.3}%")>{year.to_string()}</span>
                    }).collect_view()}
                </div>
            </div>
            {page.rows.into_iter().map(|row| view! {
                <div class="timeline-row" role="row" data-body=row.body>
                    <span class="timeline-body" role="rowheader">
                        <a href=format!("/calendar?view=list&body={}", row.body)>{row.name}</a>
                    </span>
                    <div class="timeline-cell" role="cell"><ul class="timeline-track">
                        {page.years.iter().map(|(_, left)| view! { <li class="year-line" aria-hidden="true" style=format!("left:{left:.3}%")></li> }).collect_view()}
                        {row.bars.into_iter().map(|bar| {
                            let mut class = String::from("bar");
                            if bar.tentative { class.push_str(" tentative"); }
                            if !bar.joint_with.is_empty() { class.push_str(" joint"); }
                            if bar.conflict { class.push_str(" in-conflict"); }
                            let joint = (!bar.joint_with.is_empty()).then(|| format!(", joint with {}", bar.joint_with.join(", ")));
                            let title = format!("{} — {}{}{}", bar.label, bar.dates, joint.unwrap_or_default(), if bar.conflict { " — in conflict" } else { "" });
                            view! {
                                <li class=class style=format!("left:{:.3}%;width:{:.3}%", bar.left, bar.width)>
                                    <a href=bar.href title=title.clone() aria-label=title>
                                        {bar.conflict.then_some("⚠")}
                                    </a>
                                    <span class="bar-label" aria-hidden="true">{bar.short}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul></div>
                </div>
            }).collect_view()}
        </div>
    }
}

/// The day's meetings at one venue, printable like the Journal of the United Nations.
#[component]
pub fn ProgrammePage() -> impl IntoView {
    let query = ProgrammeQuery {
        date: query_value("date"),
        venue: query_value("venue"),
    };
    let page = Resource::new(move || query.clone(), load_programme);
    view! {
        <Suspense fallback=|| view! { <p>"Loading the programme…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <Programme page=p/> }.into_any(),
                    Err(e) => view! { <h1>"Daily programme"</h1> {failure(e)} }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Programme(page: ProgrammePage) -> impl IntoView {
    let venue = page.venue.clone();
    view! {
        <article class="programme">
            <header class="programme-head">
                <p class="journal">"Programme of meetings"</p>
                <leptos_meta::Title text={format!("Daily programme, {}", page.label)}/>
                <h1>{page.label.clone()}</h1>
                <p class="facts"><a href=format!("/venues/{}", page.venue)>{page.venue_name.clone()}</a>{format!(" · times in {}", page.zone)}</p>
            </header>
            <form method="get" action="/programme" class="filters no-print" aria-label="Choose day and venue">
                <p class="field">
                    <label for="prog-venue">"Venue"</label>
                    <select id="prog-venue" name="venue">
                        {page.venues.iter().map(|v| view! { <option value=v.value.clone() selected=v.value == venue>{v.label.clone()}</option> }).collect_view()}
                    </select>
                </p>
                <p class="field">
                    <label for="prog-date">"Day"</label>
                    <input id="prog-date" type="date" name="date" value=page.date.clone()/>
                </p>
                <button type="submit">"Show"</button>
                <button type="button" class="print">"Print"</button>
            </form>
            {if page.items.is_empty() {
                view! { <p class="empty">"No meetings at this venue on this day."</p> }.into_any()
            } else {
                view! {
                    <ol class="programme-items">
                        {page.items.into_iter().map(|item| view! {
                            <li class="programme-item" data-id=item.id.clone()>
                                <p class="slot"><span class="time">{item.time}</span> <span class="room">{item.room}</span></p>
                                <h2><a href=format!("/meetings/{}", item.id)>{item.title}</a></h2>
                                <p class="meta">{format!("{} · {}", item.kind, item.status)}</p>
                                <p class="of-sessions">{item.sessions.join("; ")}</p>
                                {(!item.panels.is_empty()).then(|| view! {
                                    <ul class="panels">{item.panels.into_iter().map(|p| view! { <li>{format!("Panel: {p}")}</li> }).collect_view()}</ul>
                                })}
                                {(!item.agenda.is_empty()).then(|| view! {
                                    <h3>"Agenda"</h3>
                                    <ul class="agenda">{item.agenda.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
                                })}
                                {(!item.documents.is_empty()).then(|| view! {
                                    <h3>"Documents"</h3>
                                    <ul class="documents">{item.documents.into_iter().map(|(symbol, title)| view! { <li><span class="symbol">{symbol}</span>{format!(" — {title}")}</li> }).collect_view()}</ul>
                                })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <nav class="no-print" aria-label="Days with meetings at this venue">
                <h2>"Days with meetings here"</h2>
                <ul class="day-links">
                    {page.days.into_iter().map(|(date, label)| {
                        let current = date == page.date;
                        view! { <li><a href=format!("/programme?venue={venue}&date={date}") aria-current=current.then_some("page")>{label}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
        </article>
    }
}

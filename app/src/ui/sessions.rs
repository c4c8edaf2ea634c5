use leptos::prelude::*;

use crate::error::QuorumError;
use leptos_router::hooks::use_params_map;

use super::subscribe::SubscribeLinks;
use crate::api::detail_pages::{
    load_body_page, load_meeting_page, load_session_page, load_sessions_page, load_venue_page,
};
use crate::domain::Panel;
use crate::wire::detail_pages::{MeetingLine, SessionLine, SessionsPage, SessionsQuery};

/// Every session of every body, in date order, filtered by body, venue and year with a plain
/// GET form, so that it works without JavaScript.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let query_map = leptos_router::hooks::use_query_map();
    let value = move |key: &str| query_map.read_untracked().get(key);
    let query = SessionsQuery {
        body: value("body"),
        venue: value("venue"),
        year: value("year"),
    };
    let page = Resource::new(move || query.clone(), load_sessions_page);
    view! {
        <leptos_meta::Title text="Sessions"/>
        <h1>"Sessions"</h1>
        <Suspense fallback=|| view! { <p>"Loading sessions…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <SessionsList page/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SessionsList(page: SessionsPage) -> impl IntoView {
    use super::calendar::Select;
    let q = page.query.clone();
    let count = match page.sessions.len() {
        0 => "No session matches these filters.".to_owned(),
        1 => "1 session.".to_owned(),
        n => format!("{n} sessions, in date order; those without dates last."),
    };
    view! {
        <form method="get" action="/sessions" class="filters" aria-label="Filters">
            <Select id="sessions-body" label="Body" name="body" all="All bodies" choices=page.bodies selected=q.body/>
            <Select id="sessions-venue" label="Venue" name="venue" all="All venues" choices=page.venues selected=q.venue/>
            <Select id="sessions-year" label="Year" name="year" all="All years" choices=page.years selected=q.year/>
            <button type="submit">"Show"</button>
        </form>
        {page.notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <p class="count" role="status">{count}</p>
        <SessionTable sessions=page.sessions with_body=true/>
    }
}

/// Sessions as a table: title, venue and dates, and the body where several bodies' show.
#[component]
fn SessionTable(sessions: Vec<SessionLine>, with_body: bool) -> impl IntoView {
    (!sessions.is_empty()).then(|| view! {
        <table class="sessions">
            <thead>
                <tr>
                    {with_body.then(|| view! { <th scope="col">"Body"</th> })}
                    <th scope="col">"Session"</th>
                    <th scope="col">"Venue"</th>
                    <th scope="col">"Dates"</th>
                </tr>
            </thead>
            <tbody>
                {sessions.into_iter().map(|s| view! {
                    <tr>
                        {with_body.then(|| view! { <td data-label="Body">{s.body.clone()}</td> })}
                        <td class="title"><a href=format!("/sessions/{}", s.id)>{s.title}</a></td>
                        <td data-label="Venue">{match s.venue {
                            Some((id, name)) => view! { <a href=format!("/venues/{id}")>{name}</a> }.into_any(),
                            None => view! { <span>"To be determined"</span> }.into_any(),
                        }}</td>
                        <td data-label="Dates">{s.dates}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    })
}

#[component]
fn MeetingList(meetings: Vec<MeetingLine>) -> impl IntoView {
    view! {
        <ul class="meetings">
            {meetings.into_iter().map(|m| view! {
                <li class="meeting" data-id=m.id>
                    <a href=format!("/meetings/{}", m.id)>{m.title}</a>
                    <span class="when">{format!(" — {}", m.when)}</span>
                    {m.viewer_time.map(|t| view! { <span class="viewer-time">{format!(" ({t})")}</span> })}
                    <span class="where">{format!(" — {}", m.place)}</span>
                    <span class="status">{format!(" ({}, {})", m.kind, m.status)}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Panels(panels: Vec<(Panel, Vec<String>)>) -> impl IntoView {
    view! {
        <ul class="panels">
            {panels.into_iter().map(|(p, names)| {
                let people = if names.is_empty() { "Panellists to be confirmed".to_owned() } else { format!("Panellists: {}", names.join(", ")) };
                view! {
                    <li class="panel" data-id=p.id.to_string()>
                        <strong>{p.topic}</strong>
                        <p class="panellists">{people}</p>
                        {p.notes.map(|n| view! { <p class="notes">{n}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// A session: dates, venue, agenda with document symbols, meetings, panels, registration and
/// subscribe links.
#[component]
pub fn SessionPage() -> impl IntoView {
    let tz = viewer_zone();
    let load = move |id| load_session_page(id, tz.clone());
    keyed_page("id", load, "Loading the session…", |s| {
        view! {
            <article class="session">
                <leptos_meta::Title text={s.title.clone()}/>
                <h1>{s.title.clone()}</h1>
                <p class="facts">{format!("{} · {} · {} · {}", s.dates, s.venue, s.format, s.status)}</p>
                {s.notes.clone().map(|n| view! { <p class="notes">{n}</p> })}
                {s.registration.clone().map(|r| view! { <p class="registration">{format!("Registration: {r}.")}</p> })}
                <SubscribeLinks links=s.feed.clone() label="this session".into()/>
                <h2>"Agenda"</h2>
                {or_empty(s.agenda.is_empty(), "No agenda has been issued for this session yet.", || view! {
                    <ol class="agenda">
                        {s.agenda.iter().map(|a| view! {
                            <li value=a.number.clone()>{format!("{} ({})", a.title, a.status)}</li>
                        }).collect_view()}
                    </ol>
                }.into_any())}
                <h2>"Documents"</h2>
                {or_empty(s.documents.is_empty(), "No documents have been issued for this session yet.", || view! {
                    <ul class="documents">
                        {s.documents.iter().map(|d| view! {
                            <li><span class="symbol">{d.symbol.clone()}</span>{format!(" — {}", d.title)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any())}
                <h2>"Meetings"</h2>
                <super::calendar::ViewerZone has_zone=viewer_zone().is_some()/>
                {or_empty(s.meetings.is_empty(), "No meetings are planned in this session yet.", || view! { <MeetingList meetings=s.meetings.clone()/> }.into_any())}
                <h2>"Panels"</h2>
                {or_empty(s.panels.is_empty(), "No panels planned yet.", || view! { <Panels panels=s.panels.clone()/> }.into_any())}
            </article>
        }.into_any()
    })
}

/// One meeting, with its sessions and panels.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let tz = viewer_zone();
    let load = move |id| load_meeting_page(id, tz.clone());
    keyed_page("id", load, "Loading the meeting…", |m| {
        view! {
            <article class="meeting-page">
                <leptos_meta::Title text={m.meeting.title.clone()}/>
                <h1>{m.meeting.title.clone()}</h1>
                <p class="facts">{format!("{} · {} · {} · {}", m.meeting.when, m.meeting.place, m.meeting.kind, m.meeting.status)}</p>
                {m.meeting.viewer_time.clone().map(|t| view! { <p class="viewer-time">{t}</p> })}
                <super::calendar::ViewerZone has_zone=viewer_zone().is_some()/>
                <ul class="part-of">
                    {m.sessions.iter().map(|(id, title)| view! {
                        <li><a href=format!("/sessions/{id}")>{title.clone()}</a></li>
                    }).collect_view()}
                </ul>
                <SubscribeLinks links=m.feed.clone() label="its session".into()/>
                <h2>"Panels"</h2>
                {or_empty(m.panels.is_empty(), "No panels planned in this meeting yet.", || view! { <Panels panels=m.panels.clone()/> }.into_any())}
            </article>
        }.into_any()
    })
}

/// A body: its sessions, its part of the workplan and its feed.
#[component]
pub fn BodyPage() -> impl IntoView {
    keyed_page("code", load_body_page, "Loading the body…", |b| {
        view! {
            <article class="body-page">
                <leptos_meta::Title text={b.name.clone()}/>
                <h1>{b.name.clone()}</h1>
                <p class="facts">
                    {b.code.clone()}
                    {b.parent.clone().map(|(code, name)| view! { " · reports to " <a href=format!("/bodies/{code}")>{name}</a> })}
                    {b.open_to_all_states.then_some(" · open to all States parties")}
                </p>
                <SubscribeLinks links=b.feed.clone() label=b.name.clone()/>
                <p><a href=format!("/calendar?view=list&body={}", b.code)>"This body in the calendar"</a></p>
                <h2>"Sessions"</h2>
                {if b.sessions.is_empty() {
                    view! { <p class="empty">"No session of this body is planned yet."</p> }.into_any()
                } else {
                    view! { <SessionTable sessions=b.sessions.clone() with_body=false/> }.into_any()
                }}
                <h2>"In the workplan"</h2>
                {if b.workplan.is_empty() {
                    view! { <p class="empty">"No workplan entry names this body."</p> }.into_any()
                } else {
                    view! { <ul class="workplan-lines">{b.workplan.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul> }.into_any()
                }}
            </article>
        }.into_any()
    })
}

/// A venue: rooms, closures, meetings and its feed.
#[component]
pub fn VenuePage() -> impl IntoView {
    keyed_page("id", load_venue_page, "Loading the venue…", |v| {
        view! {
            <article class="venue-page">
                <leptos_meta::Title text={v.name.clone()}/>
                <h1>{v.name.clone()}</h1>
                <p class="facts">{format!("{} · times in {} · {} interpretation team(s)", v.place, v.zone, v.interpretation_teams)}</p>
                <SubscribeLinks links=v.feed.clone() label=v.name.clone()/>
                <p><a href=format!("/programme?venue={}", v.id)>"Daily programme"</a></p>
                <h2>"Rooms"</h2>
                {or_empty(v.rooms.is_empty(), "No rooms are recorded for this venue yet.", || view! {
                    <ul class="rooms">{v.rooms.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                }.into_any())}
                {(!v.closures.is_empty()).then(|| view! {
                    <h2>"Closures"</h2>
                    <ul class="closures">{v.closures.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                })}
                <h2>"Meetings"</h2>
                {or_empty(v.meetings.is_empty(), "No meetings are planned at this venue yet.", || view! { <MeetingList meetings=v.meetings.clone()/> }.into_any())}
            </article>
        }.into_any()
    })
}

/// The zone the reader asked to see times in (`?tz=Asia/Tokyo`), if any.
fn viewer_zone() -> Option<String> {
    leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("tz")
        .filter(|z| !z.is_empty())
}

/// A section's content, or a sentence saying that there is none yet: never a bare heading.
fn or_empty(empty: bool, none_yet: &'static str, content: impl FnOnce() -> AnyView) -> AnyView {
    if empty {
        view! { <p class="empty">{none_yet}</p> }.into_any()
    } else {
        content()
    }
}

/// A page read by a key in its address: "loading" until the server answered, then the page,
/// the 404 page for an unknown key, or the error.
fn keyed_page<T, F>(
    key: &'static str,
    load: impl Fn(String) -> F + Send + Sync + 'static,
    loading: &'static str,
    render: fn(T) -> AnyView,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: std::future::Future<Output = Result<Option<T>, QuorumError>> + Send + 'static,
{
    let params = use_params_map();
    let page = Resource::new(move || params.read().get(key).unwrap_or_default(), load);
    view! {
        <Suspense fallback=move || view! { <p>{loading}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(p)) => render(p),
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

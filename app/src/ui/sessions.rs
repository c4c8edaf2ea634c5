use leptos::prelude::*;

use crate::error::QuorumError;
use leptos_router::hooks::use_params_map;

use super::subscribe::SubscribeLinks;
use crate::api::detail_pages::{
    list_session_lines, load_body_page, load_meeting_page, load_session_page, load_venue_page,
};
use crate::domain::Panel;
use crate::wire::detail_pages::MeetingLine;

/// Every session of every body, in date order.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let sessions = Resource::new(|| (), |_| list_session_lines());
    view! {
        <h1>"Sessions"</h1>
        <Suspense fallback=|| view! { <p>"Loading sessions…"</p> }>
            {move || Suspend::new(async move {
                match sessions.await {
                    Ok(list) => view! {
                        <table class="sessions">
                            <thead><tr><th scope="col">"Body"</th><th scope="col">"Session"</th><th scope="col">"Dates"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|s| view! {
                                    <tr>
                                        <td>{s.body}</td>
                                        <td><a href=format!("/sessions/{}", s.id)>{s.title}</a></td>
                                        <td>{s.dates}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MeetingList(meetings: Vec<MeetingLine>) -> impl IntoView {
    view! {
        <ul class="meetings">
            {meetings.into_iter().map(|m| view! {
                <li class="meeting" data-id=m.id>
                    <a href=format!("/meetings/{}", m.id)>{m.title}</a>
                    <span class="when">{format!(" — {}", m.when)}</span>
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
    keyed_page("id", load_session_page, "Loading the session…", |s| {
        view! {
            <article class="session">
                <h1>{s.title.clone()}</h1>
                <p class="facts">{format!("{} · {} · {} · {}", s.dates, s.venue, s.format, s.status)}</p>
                {s.notes.clone().map(|n| view! { <p class="notes">{n}</p> })}
                {s.registration.clone().map(|r| view! { <p class="registration">{format!("Registration: {r}.")}</p> })}
                <SubscribeLinks links=s.feed.clone() label="this session".into()/>
                <h2>"Agenda"</h2>
                <ol class="agenda">
                    {s.agenda.iter().map(|a| view! {
                        <li value=a.number.clone()>{format!("{} ({})", a.title, a.status)}</li>
                    }).collect_view()}
                </ol>
                <h2>"Documents"</h2>
                <ul class="documents">
                    {s.documents.iter().map(|d| view! {
                        <li><span class="symbol">{d.symbol.clone()}</span>{format!(" — {}", d.title)}</li>
                    }).collect_view()}
                </ul>
                <h2>"Meetings"</h2>
                <MeetingList meetings=s.meetings.clone()/>
                <h2>"Panels"</h2>
                <Panels panels=s.panels.clone()/>
            </article>
        }.into_any()
    })
}

/// One meeting, with its sessions and panels.
#[component]
pub fn MeetingPage() -> impl IntoView {
    keyed_page("id", load_meeting_page, "Loading the meeting…", |m| {
        view! {
            <article class="meeting-page">
                <h1>{m.meeting.title.clone()}</h1>
                <p class="facts">{format!("{} · {} · {} · {}", m.meeting.when, m.meeting.place, m.meeting.kind, m.meeting.status)}</p>
                <ul class="part-of">
                    {m.sessions.iter().map(|(id, title)| view! {
                        <li><a href=format!("/sessions/{id}")>{title.clone()}</a></li>
                    }).collect_view()}
                </ul>
                <SubscribeLinks links=m.feed.clone() label="its session".into()/>
                <Panels panels=m.panels.clone()/>
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
                <h1>{b.name.clone()}</h1>
                <p class="facts">
                    {b.code.clone()}
                    {b.parent.clone().map(|(code, name)| view! { " · reports to " <a href=format!("/bodies/{code}")>{name}</a> })}
                    {b.open_to_all_states.then_some(" · open to all States parties")}
                </p>
                <SubscribeLinks links=b.feed.clone() label=b.name.clone()/>
                <p><a href=format!("/calendar?view=list&body={}", b.code)>"This body in the calendar"</a></p>
                <h2>"Sessions"</h2>
                <table class="sessions">
                    <thead><tr><th scope="col">"Session"</th><th scope="col">"Dates"</th></tr></thead>
                    <tbody>
                        {b.sessions.iter().map(|s| view! {
                            <tr><td><a href=format!("/sessions/{}", s.id)>{s.title.clone()}</a></td><td>{s.dates.clone()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
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
                <h1>{v.name.clone()}</h1>
                <p class="facts">{format!("{} · times in {} · {} interpretation team(s)", v.place, v.zone, v.interpretation_teams)}</p>
                <SubscribeLinks links=v.feed.clone() label=v.name.clone()/>
                <p><a href=format!("/programme?venue={}", v.id)>"Daily programme"</a></p>
                <h2>"Rooms"</h2>
                <ul class="rooms">{v.rooms.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                {(!v.closures.is_empty()).then(|| view! {
                    <h2>"Closures"</h2>
                    <ul class="closures">{v.closures.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                })}
                <h2>"Meetings"</h2>
                <MeetingList meetings=v.meetings.clone()/>
            </article>
        }.into_any()
    })
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

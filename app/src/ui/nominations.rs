//! Calls for nominations with the focal point's forms, and the Bureau's review board with the
//! balance of each call's selection.

use leptos::prelude::*;

use super::forms::{emptied_when_done, error_beside, outcome_view, PageField, PlainPost, TextArea};
use crate::api::nominations::*;
use crate::wire::nominations::*;

const NOMINATE_FIELDS: &[&str] = &[
    "nominee_name",
    "nominee_gender",
    "nominee_email",
    "justification",
];

/// Open and past calls; a focal point nominates, edits and withdraws here.
#[component]
pub fn NominationsPage() -> impl IntoView {
    view! {
        <leptos_meta::Title text="Calls for nominations"/>
        <h1>"Calls for nominations"</h1>
        <NominationsBoard post=PlainPost::here()/>
    }
}

/// The calls and the focal point's forms: an island, refreshed after each step.
#[island]
fn NominationsBoard(post: PlainPost) -> impl IntoView {
    let nominate = ServerAction::<Nominate>::new();
    let step = ServerAction::<NominationStep>::new();
    post.show(nominate);
    post.show(step);
    let page = Resource::new(
        move || (nominate.version().get(), step.version().get()),
        |_| load_nominations(),
    );
    view! {
        <Transition fallback=|| view! { <p>"Loading the calls…"</p> }>
            {move || { let post = post.clone(); Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <Calls page=p nominate step post/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}}
        </Transition>
    }
}

#[component]
fn Calls(
    page: NominationsPage,
    nominate: ServerAction<Nominate>,
    step: ServerAction<NominationStep>,
    post: PlainPost,
) -> impl IntoView {
    // What was typed into the nomination form, kept when it was refused.
    let typed = |field: &str| post.kept::<Nominate>(field, "");
    let (chosen_call, chosen_gender) = (typed("call"), typed("nominee_gender"));
    let (name, title, email) = (
        typed("nominee_name"),
        typed("nominee_title"),
        typed("nominee_email"),
    );
    let (why, biography) = (typed("justification"), typed("biography"));
    let form_page = post.page.clone();
    let open: Vec<CallLine> = page.calls.iter().filter(|c| c.open).cloned().collect();
    let mine = page.mine.clone();
    let mine_post = post.clone();
    // The withdrawal's confirmation names the call by its topic.
    let topics: Vec<(String, String)> = page
        .calls
        .iter()
        .map(|c| (c.id.clone(), c.topic.clone()))
        .collect();
    let error = move |field: &'static str| error_beside(nominate, field, format!("error-{field}"));
    view! {
        {if page.calls.is_empty() {
            view! { <p class="empty">"No call for nominations has been issued."</p> }.into_any()
        } else {
            view! {
                <ul class="calls">
                    {page.calls.iter().map(|c| view! {
                        <li class=if c.open { "call open" } else { "call closed" } data-id=c.id.clone()>
                            <strong>{c.topic.clone()}</strong>
                            <p>
                                {c.meeting_href.clone().map(|href| view! { <a href=href>{c.panel.clone()}</a> })}
                                {format!(" · deadline {}{}", c.deadline, if c.open { "" } else { " (closed)" })}
                                {c.quota.map(|q| format!(" · at most {q} per State"))}
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {match page.nominator.clone() {
            None => view! {
                <p class="hint">"Focal points of States parties nominate panellists here after they " <super::header::SignInLink text="sign in"/> "."</p>
            }.into_any(),
            Some(_) if open.is_empty() => view! { <p>"No call is open for nominations now."</p> }.into_any(),
            Some(nominator) => view! {
                <section aria-labelledby="nominate-heading">
                    <h2 id="nominate-heading">{format!("Nominate a panellist for {nominator}")}</h2>
                    <ActionForm action=nominate node_ref=emptied_when_done(nominate) attr:class="nominate" attr:autocomplete="off">
                        <PageField page=form_page/>
                        <p class="field">
                            <label for="n-call">"Call"</label>
                            <select id="n-call" name="call">
                                {open.iter().map(|c| view! { <option value=c.id.clone() selected=c.id == chosen_call>{format!("{} (until {})", c.topic, c.deadline)}</option> }).collect_view()}
                            </select>
                            {error("call")}
                        </p>
                        <p class="field">
                            <label for="n-name">"Nominee's name"</label>
                            <input id="n-name" name="nominee_name" value=name required aria-describedby="error-nominee_name"/>
                            {error("nominee_name")}
                        </p>
                        <p class="field">
                            <label for="n-title">"Title or position"</label>
                            <input id="n-title" name="nominee_title" value=title/>
                        </p>
                        <p class="field">
                            <label for="n-gender">"Gender"</label>
                            <select id="n-gender" name="nominee_gender">
                                {page.genders.iter().map(|g| view! { <option value=g.value.clone() selected=g.value == chosen_gender>{g.label.clone()}</option> }).collect_view()}
                            </select>
                            {error("nominee_gender")}
                        </p>
                        <p class="field">
                            <label for="n-email">"Nominee's e-mail"</label>
                            <input id="n-email" name="nominee_email" type="email" value=email aria-describedby="error-nominee_email"/>
                            {error("nominee_email")}
                        </p>
                        <p class="field">
                            <label for="n-why">"Why this nominee"</label>
                            <TextArea id="n-why" name="justification" value=why required=true rows="3" described_by="error-justification"/>
                            {error("justification")}
                        </p>
                        <p class="field">
                            <label for="n-bio">"Short biography"</label>
                            <TextArea id="n-bio" name="biography" value=biography rows="3"/>
                        </p>
                        <button type="submit" class="primary">"Nominate"</button>
                    </ActionForm>
                    {move || outcome_view(nominate.value().get(), NOMINATE_FIELDS)}
                </section>
            }.into_any(),
        }}
        {(!mine.is_empty()).then(move || { let post = mine_post; view! {
            <section aria-labelledby="mine-heading">
                <h2 id="mine-heading">"Your nominations"</h2>
                {move || outcome_view(step.value().get(), &[])}
                <ul class="my-nominations">
                    {mine.into_iter().map(|n| {
                        let (edit_id, submit_id, withdraw_id) = (n.id.clone(), n.id.clone(), n.id.clone());
                        // An edit refused without JavaScript comes back as it was typed.
                        let justification = post.of_row::<NominationStep>("id", &n.id).filter(|echo| echo.refused() && echo.value("step") == Some("edit")).and_then(|echo| echo.value("justification")).map_or_else(|| n.justification.clone(), str::to_owned);
                        let biography = n.biography.clone();
                        let (page_edit, page_submit, page_withdraw) = (post.page.clone(), post.page.clone(), post.page.clone());
                        // As the workflow's rules have it: editable until the Bureau takes it
                        // under review, withdrawable until withdrawn or declined.
                        let editable = matches!(n.status.as_str(), "draft" | "submitted");
                        let withdrawable = n.status != "withdrawn" && n.status != "declined";
                        let why_id = format!("why-{}", n.id);
                        let topic = topics.iter().find(|(id, _)| *id == n.call).map_or_else(|| n.call.clone(), |(_, t)| t.clone());
                        let withdrawal = withdrawal_words(&n.nominee, &topic, &n.status);
                        let nominee = n.nominee.clone();
                        view! {
                            <li class="nomination" data-id=n.id>
                                <strong>{n.nominee.clone()}</strong>
                                {format!(" — {}", n.status)}
                                {n.message.clone().map(|message| view! { <p class="note">"Message from the Bureau: "{message}</p> })}
                                {editable.then(move || view! {
                                    <ActionForm action=step attr:class="edit-nomination">
                                        <PageField page=page_edit/>
                                        <input type="hidden" name="id" value=edit_id/>
                                        <input type="hidden" name="step" value="edit"/>
                                        <label for=why_id.clone()>"Why this nominee"</label>
                                        <TextArea id=why_id name="justification" value=justification/>
                                        <input type="hidden" name="biography" value=biography/>
                                        <button type="submit">"Save changes"</button>
                                    </ActionForm>
                                })}
                                {(n.status == "draft").then(move || view! {
                                    <ActionForm action=step>
                                        <PageField page=page_submit/>
                                        <input type="hidden" name="id" value=submit_id/>
                                        <input type="hidden" name="step" value="submit"/>
                                        <button type="submit">"Submit"</button>
                                    </ActionForm>
                                })}
                                {withdrawable.then(move || view! {
                                    <ActionForm action=step attr:class="withdraw">
                                        <PageField page=page_withdraw/>
                                        <input type="hidden" name="id" value=withdraw_id/>
                                        <input type="hidden" name="step" value="withdraw"/>
                                        // The first click opens the warning; only the button inside withdraws.
                                        <details class="confirm">
                                            <summary>{format!("Withdraw the nomination of {nominee}…")}</summary>
                                            <p>{withdrawal}</p>
                                            <button type="submit" class="danger">"Withdraw the nomination now"</button>
                                        </details>
                                    </ActionForm>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }})}
    }
}

/// What withdrawing a nomination does, in the words of the one who withdraws it: its status as
/// the State sees it decides what is given up.
fn withdrawal_words(nominee: &str, topic: &str, status: &str) -> String {
    let consequence = match status {
        "draft" => "The draft can then no longer be submitted.".to_owned(),
        "confirmed" => format!(
            "{nominee} will leave the panel, and the seat will be offered to the next nominee on the waiting list."
        ),
        "accepted" => format!(
            "{nominee} will give up the place the Bureau offered; it will go to the next nominee on the waiting list."
        ),
        "waitlisted" => format!("{nominee} will leave the waiting list."),
        _ => "The Bureau will no longer consider it.".to_owned(),
    };
    format!("The nomination of {nominee} to “{topic}” will be withdrawn. {consequence} This cannot be undone.")
}

/// The Bureau's review board: each call's nominations with their decisions, the balance of
/// those selected, releasing decisions, confirming participation, opening calls.
#[component]
pub fn ReviewPage() -> impl IntoView {
    view! {
        <leptos_meta::Title text="Review board"/>
        <h1>"Review board"</h1>
        <ReviewBoard post=PlainPost::here()/>
    }
}

/// The board's calls and forms: an island, refreshed after each decision.
#[island]
fn ReviewBoard(post: PlainPost) -> impl IntoView {
    let step = ServerAction::<NominationStep>::new();
    let release = ServerAction::<ReleaseDecisions>::new();
    let open = ServerAction::<OpenCallFor>::new();
    post.show(step);
    post.show(release);
    post.show(open);
    let page = Resource::new(
        move || {
            (
                step.version().get(),
                release.version().get(),
                open.version().get(),
            )
        },
        |_| load_review(),
    );
    view! {
        <Transition fallback=|| view! { <p>"Loading the nominations…"</p> }>
            {move || { let post = post.clone(); Suspend::new(async move {
                match page.await {
                    Ok(p) if p.who.is_none() => view! { <p role="alert">"The review board is for Bureau members and the secretariat: " <a href="/login?next=%2Freview">"sign in"</a> "."</p> }.into_any(),
                    Ok(p) => view! { <Board page=p step release open post/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}}
        </Transition>
    }
}

#[component]
fn Board(
    page: ReviewPage,
    step: ServerAction<NominationStep>,
    release: ServerAction<ReleaseDecisions>,
    open: ServerAction<OpenCallFor>,
    post: PlainPost,
) -> impl IntoView {
    let typed = |field: &str| post.kept::<OpenCallFor>(field, "");
    let (chosen_panel, deadline, quota) = (typed("panel"), typed("deadline"), typed("quota"));
    let form_page = post.page.clone();
    let open_error =
        move |field: &'static str| error_beside(open, field, format!("call-error-{field}"));
    view! {
        <p class="who">{format!("Reviewing as {}.", page.who.clone().unwrap_or_default())}</p>
        {move || outcome_view(step.value().get(), &[])}
        {move || outcome_view(release.value().get(), &[])}
        {if page.calls.is_empty() {
            view! { <p class="empty">"No call of yours has nominations to review."</p> }.into_any()
        } else {
            page.calls.into_iter().map(|c| view! { <ReviewCallView review=c step release post=post.clone()/> }).collect_view().into_any()
        }}
        {(!page.panels.is_empty()).then(|| view! {
            <section aria-labelledby="open-call-heading">
                <h2 id="open-call-heading">"Open a call for nominations"</h2>
                <ActionForm action=open node_ref=emptied_when_done(open) attr:class="open-call" attr:autocomplete="off">
                    <PageField page=form_page/>
                    <p class="field">
                        <label for="c-panel">"Panel"</label>
                        <select id="c-panel" name="panel">
                            {page.panels.iter().map(|p| view! { <option value=p.value.clone() selected=p.value == chosen_panel>{p.label.clone()}</option> }).collect_view()}
                        </select>
                        {open_error("panel")}
                    </p>
                    <p class="field">
                        <label for="c-deadline">"Deadline"</label>
                        <input id="c-deadline" name="deadline" type="date" value=deadline required/>
                        {open_error("deadline")}
                    </p>
                    <p class="field">
                        <label for="c-quota">"Nominations per State (empty: no limit)"</label>
                        <input id="c-quota" name="quota" inputmode="numeric" value=quota/>
                        {open_error("quota")}
                    </p>
                    <button type="submit">"Open the call"</button>
                </ActionForm>
                {move || outcome_view(open.value().get(), &["panel", "deadline", "quota"])}
            </section>
        })}
    }
}

#[component]
fn ReviewCallView(
    review: ReviewCall,
    step: ServerAction<NominationStep>,
    release: ServerAction<ReleaseDecisions>,
    post: PlainPost,
) -> impl IntoView {
    let page = post.page.clone();
    let call_id = review.call.id.clone();
    // The decisions a release sends, named in its confirmation.
    let to_release: Vec<String> = review
        .nominations
        .iter()
        .filter(|n| {
            !n.released && matches!(n.status.as_str(), "accepted" | "waitlisted" | "declined")
        })
        .map(|n| format!("{} ({}): {}", n.nominee, n.nominator, n.status))
        .collect();
    let decisions = match review.unreleased {
        1 => "the decision".to_owned(),
        n => format!("the {n} decisions"),
    };
    let (topic, panel) = (review.call.topic.clone(), review.call.panel.clone());
    view! {
        <section class="review-call" data-id=review.call.id.clone() aria-label=review.call.topic.clone()>
            <h2>{review.call.topic.clone()}</h2>
            <p class="facts">{format!("{} · deadline {}", review.call.panel, review.call.deadline)}</p>
            <div class="balance" role="group" aria-label="Balance of the selection">
                <ul>{review.balance.lines.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view()}</ul>
                <p class=if review.balance.meets { "balance-ok" } else { "balance-verdict" }>{review.balance.verdict.clone()}</p>
                {(!review.warnings.is_empty()).then(|| view! {
                    <ul class="balance-warnings">{review.warnings.iter().map(|w| view! { <li>{format!("⚠ {w}")}</li> }).collect_view()}</ul>
                })}
            </div>
            {if review.nominations.is_empty() {
                view! { <p class="empty">"No nominations submitted yet."</p> }.into_any()
            } else {
                view! {
                    <table class="nominations">
                        <thead><tr>
                            <th scope="col">"Nominee"</th><th scope="col">"Nominated by"</th><th scope="col">"Gender"</th>
                            <th scope="col">"Why"</th><th scope="col">"Status"</th><th scope="col">"Decide"</th>
                        </tr></thead>
                        <tbody>
                            {review.nominations.into_iter().map(|n| {
                                let decidable = matches!(n.status.as_str(), "submitted" | "under review") || (!n.released && matches!(n.status.as_str(), "accepted" | "waitlisted" | "declined")) || n.status == "waitlisted";
                                let confirmable = n.status == "accepted" && n.released;
                                let (decide_id, confirm_id) = (n.id.clone(), n.id.clone());
                                let (seen_decide, seen_confirm) = (n.seen.clone(), n.seen.clone());
                                let (page_decide, page_confirm) = (page.clone(), page.clone());
                                // A decision refused without JavaScript comes back as it was typed.
                                let refused = post.of_row::<NominationStep>("id", &n.id).filter(|echo| echo.refused()).cloned();
                                let typed = move |field: &str, stored: Option<String>| refused.as_ref().and_then(|echo| echo.value(field)).map(str::to_owned).or(stored).unwrap_or_default();
                                let (note, message) = (typed("note", n.note.clone()), typed("message", n.message.clone()));
                                let chosen = typed("step", None);
                                let status = format!("{}{}", n.status, if !n.released && matches!(n.status.as_str(), "accepted" | "waitlisted" | "declined") { " (not released)" } else { "" });
                                view! {
                                    <tr data-id=n.id>
                                        <th scope="row">{n.nominee.clone()}</th>
                                        <td data-label="Nominated by">{n.nominator.clone()}</td>
                                        <td data-label="Gender">{n.gender.clone()}</td>
                                        <td data-label="Why">{n.justification.clone()}</td>
                                        <td class="status" data-label="Status">{status}</td>
                                        <td>
                                            {decidable.then(move || view! {
                                                <ActionForm action=step attr:class="decide">
                                                    <PageField page=page_decide/>
                                                    <input type="hidden" name="id" value=decide_id.clone()/>
                                                    <input type="hidden" name="seen" value=seen_decide/>
                                                    <label for=format!("note-{decide_id}")>"Internal note (Bureau and secretariat only; never shown to the State)"</label>
                                                    <input id=format!("note-{decide_id}") name="note" value=note/>
                                                    <label for=format!("message-{decide_id}")>"Message to the State (sent when the decision is released)"</label>
                                                    <input id=format!("message-{decide_id}") name="message" value=message/>
                                                    <label class="visually-hidden" for=format!("decision-{decide_id}")>"Decision"</label>
                                                    <select id=format!("decision-{decide_id}") name="step">
                                                        <option value="accept" selected=chosen == "accept">"Accept"</option>
                                                        <option value="waitlist" selected=chosen == "waitlist">"Waitlist"</option>
                                                        <option value="decline" selected=chosen == "decline">"Decline"</option>
                                                    </select>
                                                    <button type="submit">"Record decision"</button>
                                                </ActionForm>
                                            })}
                                            {confirmable.then(move || view! {
                                                <ActionForm action=step attr:class="confirm">
                                                    <PageField page=page_confirm/>
                                                    <input type="hidden" name="id" value=confirm_id/>
                                                    <input type="hidden" name="seen" value=seen_confirm/>
                                                    <input type="hidden" name="step" value="confirm"/>
                                                    <button type="submit">"Confirm participation"</button>
                                                </ActionForm>
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {(review.unreleased > 0).then(move || view! {
                <ActionForm action=release attr:class="release">
                    <PageField page=page/>
                    <input type="hidden" name="call" value=call_id/>
                    // The first click opens what the release sends; only the button inside sends it.
                    <details class="confirm">
                        <summary>
                            {format!("Release {decisions}")}
                            <span class="visually-hidden">{format!(" on “{topic}”")}</span>
                            " to the States…"
                        </summary>
                        <p>{format!("{} on nominations to “{topic}” ({panel}) will go to those who nominated:", capitalised(&decisions))}</p>
                        <ul class="to-release">{to_release.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                        <p>"Those who nominated will see each decision on their nominations page at once, and each State's focal points will be sent it by e-mail with the Bureau's message. Internal notes are not sent. This cannot be undone."</p>
                        <button type="submit" class="primary">{format!("Release {decisions} now")}</button>
                    </details>
                </ActionForm>
            })}
        </section>
    }
}

/// "the 3 decisions" → "The 3 decisions".
fn capitalised(words: &str) -> String {
    let mut letters = words.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

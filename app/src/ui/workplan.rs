//! The workplan: its approval status, the entries, the coverage of the declaration by body and
//! year, and the editor (Bureau members for their bodies, the secretariat for all).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::forms::{
    emptied_when_done, error_beside, field_message, outcome_view, PageField, PlainPost, TextArea,
};
use crate::api::workplan::*;
use crate::wire::nominations::FormOutcome;
use crate::wire::workplan::*;

/// The entry form's fields, whose errors show beside them.
const FIELDS: &[&str] = &["id", "bodies", "year", "paragraphs", "topics"];

#[component]
pub fn WorkplanPage() -> impl IntoView {
    let editing = use_query_map().read_untracked().get("entry");
    view! { <WorkplanBoard editing post=PlainPost::here()/> }
}

/// The workplan and its editor: an island, refreshed after each save.
#[island]
fn WorkplanBoard(editing: Option<String>, post: PlainPost) -> impl IntoView {
    let save = ServerAction::<SaveWorkplanEntry>::new();
    let decide = ServerAction::<DecideWorkplan>::new();
    post.show(save);
    post.show(decide);
    let page = Resource::new(
        move || (save.version().get(), decide.version().get()),
        |_| load_workplan(),
    );
    view! {
        <Transition fallback=|| view! { <p>"Loading the workplan…"</p> }>
            {move || {
                let (editing, post) = (editing.clone(), post.clone());
                Suspend::new(async move {
                    match page.await {
                        Ok(p) => view! { <Workplan page=p editing save decide post/> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn Workplan(
    page: WorkplanPage,
    editing: Option<String>,
    save: ServerAction<SaveWorkplanEntry>,
    decide: ServerAction<DecideWorkplan>,
    post: PlainPost,
) -> impl IntoView {
    let years = page.coverage.years.clone();
    let uncovered = page.coverage.uncovered.clone();
    let chosen = editing
        .as_ref()
        .and_then(|id| page.entries.iter().find(|e| &e.id == id).cloned());
    // An entry refused without JavaScript comes back as it was typed.
    let (form, create) = match post.of::<SaveWorkplanEntry>().filter(|echo| echo.refused()) {
        Some(echo) => {
            let typed = |field: &str| echo.value(field).unwrap_or_default().to_owned();
            let form = EntryLine {
                id: typed("id"),
                bodies: typed("bodies"),
                year: typed("year"),
                paragraphs: typed("paragraphs"),
                topics: typed("topics"),
                agreed: echo.value("agreed").is_some(),
                notes: typed("notes"),
                ..Default::default()
            };
            (form, echo.value("create") == Some("true"))
        }
        None => (chosen.clone().unwrap_or_default(), chosen.is_none()),
    };
    let (decided_action, decided_date) = (
        post.kept::<DecideWorkplan>("action", ""),
        post.kept::<DecideWorkplan>("date", ""),
    );
    let (decide_page, entry_page) = (post.page.clone(), post.page);
    let error =
        move |field: &'static str| error_beside(save, field, format!("entry-error-{field}"));
    view! {
        <leptos_meta::Title text="Workplan"/>
        <h1>"Workplan"</h1>
        <p class="lead">{page.title.clone()}</p>
        <p class=format!("workplan-status status-{}", page.status)>{page.status_text.clone()}</p>
        {page.may_decide.then(|| view! {
            <ActionForm action=decide attr:class="decide-workplan">
                <PageField page=decide_page/>
                <label for="wp-action">"Record"</label>
                <select id="wp-action" name="action">
                    <option value="start_silence" selected=decided_action == "start_silence">"Silence procedure started, until"</option>
                    <option value="break_silence" selected=decided_action == "break_silence">"Silence broken on"</option>
                    <option value="approve" selected=decided_action == "approve">"Approved on"</option>
                </select>
                <label class="visually-hidden" for="wp-date">"Day"</label>
                <input id="wp-date" name="date" type="date" value=decided_date required/>
                <button type="submit">"Record"</button>
            </ActionForm>
            {move || field_message(&decide.value().get(), "action").or_else(|| field_message(&decide.value().get(), "date")).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            {move || outcome_view(decide.value().get().filter(|r| matches!(r, Ok(FormOutcome { done: Some(_), .. }) | Err(_))), &["action", "date"])}
        })}
        <h2>"Entries"</h2>
        <table class="workplan-entries">
            <thead><tr>
                <th scope="col">"Bodies"</th><th scope="col">"When"</th><th scope="col">"Paragraphs"</th>
                <th scope="col">"Topics"</th><th scope="col">"Agreed"</th>
                {page.may_edit.then(|| view! { <th scope="col">"Edit"</th> })}
            </tr></thead>
            <tbody>
                {page.entries.iter().map(|e| view! {
                    <tr data-id=e.id.clone()>
                        <td>{e.bodies.clone()}</td>
                        <td>{e.when.clone()}</td>
                        <td>{if e.sections.is_empty() { e.paragraphs.clone() } else { format!("{} (sections: {})", e.paragraphs, e.sections) }}</td>
                        <td>{e.topics.clone()}</td>
                        <td>{if e.agreed { "yes" } else { "not yet" }}</td>
                        {page.may_edit.then(|| view! { <td><a href=format!("/workplan?entry={}#entry-form", e.id)>"Edit"</a></td> })}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <h2>"Coverage of the political declaration"</h2>
        <p class="summary" role="status">{match uncovered.len() {
            0 => "Every paragraph is assigned to a body.".to_owned(),
            n => format!("{n} paragraph(s) not yet covered: {}.", uncovered.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ")),
        }}</p>
        <div class="coverage-wrap" tabindex="0" role="region" aria-label="Coverage of the declaration, scrollable">
            <table class="coverage">
                <thead><tr>
                    <th scope="col">"Paragraph"</th>
                    {years.iter().map(|y| view! { <th scope="col">{y.to_string()}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {page.coverage.rows.iter().map(|row| {
                        let open = row.by_year.iter().all(Vec::is_empty);
                        view! {
                            <tr class:uncovered=open data-paragraph=row.paragraph.to_string()>
                                <th scope="row">{row.paragraph.to_string()}{open.then_some(" (not covered)")}</th>
                                {row.by_year.iter().map(|bodies| view! {
                                    <td>{bodies.iter().map(|b| b.as_str()).collect::<Vec<_>>().join(", ")}</td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {page.may_edit.then(|| view! {
            <section id="entry-form" aria-labelledby="entry-heading">
                <h2 id="entry-heading">{if create { "Add an entry".to_owned() } else { format!("Change entry {}", form.id) }}</h2>
                <ActionForm action=save node_ref=emptied_when_done(save) attr:class="entry-form" attr:autocomplete="off">
                    <PageField page=entry_page/>
                    <input type="hidden" name="create" value=create.to_string()/>
                    <p class="field">
                        <label for="e-id">"Key"</label>
                        <input id="e-id" name="id" value=form.id.clone() readonly=!create required/>
                        {error("id")}
                    </p>
                    <p class="field">
                        <label for="e-bodies">{format!("Bodies (codes, comma-separated: {})", page.body_codes.join(", "))}</label>
                        <input id="e-bodies" name="bodies" value=form.bodies.clone() required/>
                        {error("bodies")}
                    </p>
                    <p class="field">
                        <label for="e-year">"Year"</label>
                        <input id="e-year" name="year" inputmode="numeric" value=form.year.clone()/>
                        {error("year")}
                    </p>
                    <p class="field">
                        <label for="e-paragraphs">"Paragraphs (e.g. 11, 13, 16–19)"</label>
                        <input id="e-paragraphs" name="paragraphs" value=form.paragraphs.clone()/>
                        {error("paragraphs")}
                    </p>
                    <p class="field">
                        <label for="e-topics">"Topics (separated by semicolons)"</label>
                        <input id="e-topics" name="topics" value=form.topics.clone() required/>
                        {error("topics")}
                    </p>
                    <p class="field">
                        <label class="check"><input type="checkbox" name="agreed" checked=form.agreed/>" Agreed by the extended Bureau"</label>
                    </p>
                    <p class="field">
                        <label for="e-notes">"Notes"</label>
                        <TextArea id="e-notes" name="notes" value=form.notes.clone()/>
                    </p>
                    <button type="submit" class="primary">"Save the entry"</button>
                </ActionForm>
                {move || outcome_view(save.value().get(), FIELDS)}
            </section>
        })}
    }
}

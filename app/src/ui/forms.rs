//! What every form shows after the server answered: a field's own error beside it, and the
//! outcome (done, or what went wrong) under the form.

use leptos::prelude::*;

use crate::error::QuorumError;

use crate::wire::calendar::Choice;
use crate::wire::nominations::FormOutcome;

/// The answer of a server function behind a form, once it came.
pub type Answer = Option<Result<FormOutcome, QuorumError>>;

/// The answer to a form of server function `F` sent without JavaScript, when this page is
/// written as that answer (`server/src/plain_forms.rs`); read while the server writes the page,
/// and handed to islands as a prop so that they hydrate with the same answer.
pub fn form_echo<F: server_fn::ServerFn>() -> Option<crate::wire::form_echo::FormEcho> {
    use_context::<crate::wire::form_echo::FormEcho>().filter(|echo| echo.endpoint == F::PATH)
}

/// Where a form page starts: the stored record (or a blank one), or — when the page answers its
/// form sent without JavaScript — the fields as typed and the server's answer. After a record
/// was created that way the form goes on to edit it.
pub struct FormStart<T> {
    pub form: T,
    pub create: bool,
    pub answer: Answer,
}

impl<T: serde::de::DeserializeOwned + Default> FormStart<T> {
    pub fn of(
        echo: Option<crate::wire::form_echo::FormEcho>,
        stored: Option<T>,
        blank: impl FnOnce() -> T,
    ) -> FormStart<T> {
        match echo {
            Some(echo) => {
                let answer: Result<FormOutcome, QuorumError> = echo.answer();
                let created = matches!(&answer, Ok(outcome) if outcome.done.is_some());
                FormStart {
                    form: echo.form(),
                    create: echo.value("create") == Some("true") && !created,
                    answer: Some(answer),
                }
            }
            None => FormStart {
                create: stored.is_none(),
                form: stored.unwrap_or_else(blank),
                answer: None,
            },
        }
    }
}

/// The page being written, as a path and query: read where the router is (pages, not islands).
pub fn current_page() -> String {
    let location = leptos_router::hooks::use_location();
    let search = location.search.get_untracked();
    match search.is_empty() {
        true => location.pathname.get_untracked(),
        false => format!("{}?{search}", location.pathname.get_untracked()),
    }
}

/// The page a form is on (from [`current_page`]), sent with it: a browser without JavaScript
/// shows the answer at the server function's address, so the next post from there names its
/// page here rather than by the address it was sent from (`server/src/plain_forms.rs`).
#[component]
pub fn PageField(page: String) -> impl IntoView {
    view! { <input type="hidden" name=crate::wire::form_echo::PAGE_FIELD value=page/> }
}

/// What the islands of a page need so that their forms work without JavaScript: the page's
/// address, sent back with every form ([`PageField`]), and — when this page is the answer to
/// one of its forms — that form's echo. Read by the page ([`PlainPost::here`]) and handed to
/// its islands as a prop, so that they hydrate with the same answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlainPost {
    pub page: String,
    pub echo: Option<crate::wire::form_echo::FormEcho>,
}

impl PlainPost {
    /// The page being written and the echo it answers with, if any: read where the router is.
    pub fn here() -> PlainPost {
        PlainPost {
            page: current_page(),
            echo: use_context::<crate::wire::form_echo::FormEcho>()
                .map(|echo| echo.without_secrets()),
        }
    }

    /// The echo, when it answers a form of server function `F`.
    pub fn of<F: server_fn::ServerFn>(&self) -> Option<&crate::wire::form_echo::FormEcho> {
        self.echo.as_ref().filter(|echo| echo.endpoint == F::PATH)
    }

    /// The echo, when it answers the one form of `F` on the page whose `field` holds `value`
    /// (one form per row: only that row shows the answer).
    pub fn of_row<F: server_fn::ServerFn>(
        &self,
        field: &str,
        value: &str,
    ) -> Option<&crate::wire::form_echo::FormEcho> {
        self.of::<F>()
            .filter(|echo| echo.value(field) == Some(value))
    }

    /// The echo, when it answers the form of `F` that `is_this_form` tells apart from the
    /// page's other forms of `F` (by a field only that form sends).
    pub fn of_form<F: server_fn::ServerFn>(
        &self,
        is_this_form: impl Fn(&crate::wire::form_echo::FormEcho) -> bool,
    ) -> Option<&crate::wire::form_echo::FormEcho> {
        self.of::<F>().filter(|echo| is_this_form(echo))
    }

    /// What was typed into `field` of `F`'s form when `F` refused it; after a success, or on
    /// a page that answers nothing, the field starts from `otherwise`.
    pub fn kept<F: server_fn::ServerFn>(&self, field: &str, otherwise: &str) -> String {
        kept_in(self.of::<F>(), field, otherwise)
    }

    /// Shows, in `action`, the answer its form had without JavaScript.
    pub fn show<F>(&self, action: ServerAction<F>)
    where
        F: server_fn::ServerFn<Error = QuorumError> + Clone + Send + Sync + 'static,
        F::Output: serde::de::DeserializeOwned + Send + Sync + 'static,
    {
        show_echo(action, self.of::<F>());
    }

    /// Shows, in `action`, the answer of the form of its row ([`PlainPost::of_row`]).
    pub fn show_row<F>(&self, action: ServerAction<F>, field: &str, value: &str)
    where
        F: server_fn::ServerFn<Error = QuorumError> + Clone + Send + Sync + 'static,
        F::Output: serde::de::DeserializeOwned + Send + Sync + 'static,
    {
        show_echo(action, self.of_row::<F>(field, value));
    }
}

/// What was typed into `field` when the form `echo` answers was refused; otherwise `otherwise`.
pub fn kept_in(
    echo: Option<&crate::wire::form_echo::FormEcho>,
    field: &str,
    otherwise: &str,
) -> String {
    echo.filter(|echo| echo.refused())
        .map(|echo| echo.value(field).unwrap_or_default().to_owned())
        .unwrap_or_else(|| otherwise.to_owned())
}

/// Shows, in `action`, the answer `echo` holds, if any (see [`PlainPost::of_form`]).
pub fn show_echo<F>(action: ServerAction<F>, echo: Option<&crate::wire::form_echo::FormEcho>)
where
    F: server_fn::ServerFn<Error = QuorumError> + Clone + Send + Sync + 'static,
    F::Output: serde::de::DeserializeOwned + Send + Sync + 'static,
{
    if let Some(echo) = echo {
        action.value().set(Some(echo.answer()));
    }
}

/// A server function behind a form: it answers with a [`FormOutcome`].
pub trait FormFn:
    server_fn::ServerFn<Output = FormOutcome, Error = QuorumError> + Clone + Send + Sync + 'static
{
}

impl<A> FormFn for A where
    A: server_fn::ServerFn<Output = FormOutcome, Error = QuorumError>
        + Clone
        + Send
        + Sync
        + 'static
{
}

/// Shows, in an island's action, the answer its form had without JavaScript.
pub fn show_answer<A>(action: ServerAction<A>, answer: Answer)
where
    A: FormFn,
{
    if answer.is_some() {
        action.value().set(answer);
    }
}

/// A form that empties itself once its server function says it is done, as the page written
/// without JavaScript comes back with a blank form: the next nomination, call or entry starts
/// afresh. Give the node to the `ActionForm` as `node_ref`.
pub fn emptied_when_done<A>(action: ServerAction<A>) -> NodeRef<leptos::html::Form>
where
    A: FormFn,
{
    let form = NodeRef::new();
    Effect::new(move |_| {
        let done = action
            .value()
            .with(|answer| matches!(answer, Some(Ok(FormOutcome { done: Some(_), .. }))));
        if done {
            if let Some(form) = form.get_untracked() {
                let form: leptos::web_sys::HtmlFormElement = form;
                form.reset();
            }
        }
    });
    form
}

/// The error messages for `field`, joined, if the answer has any.
pub fn field_message(answer: &Answer, field: &str) -> Option<String> {
    let Some(Ok(outcome)) = answer else {
        return None;
    };
    crate::wire::planning::FieldError::messages_for(&outcome.errors, field)
}

/// The error the answer of `action` gives `field`, to stand beside the field (as a span with
/// id `id`, which the field may name in `aria-describedby`), once the answer came.
pub fn error_beside<A>(
    action: ServerAction<A>,
    field: &'static str,
    id: impl Into<String>,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static
where
    A: FormFn,
{
    let id: String = id.into();
    move || {
        field_message(&action.value().get(), field).map(|m| {
            // A page written as the answer to a refused form opens at its top, far from the
            // form: the browser brings the first error into view and focus (`autofocus` is
            // honoured once, when a page loads, so it does nothing to a page that hydrated).
            view! { <span id=id.clone() class="field-error" role="alert" tabindex="-1" autofocus>{m}</span> }.into_any()
        })
    }
}

/// What was done, or the errors not shown beside a field among `fields` (all of them when
/// `fields` is empty), or the failure.
pub fn outcome_view(answer: Answer, fields: &'static [&'static str]) -> Option<AnyView> {
    Some(match answer? {
        Ok(FormOutcome {
            done: Some(done), ..
        }) => view! { <p class="done" role="status">{done}</p> }.into_any(),
        Ok(FormOutcome { errors, .. }) => {
            let general: Vec<String> = errors
                .into_iter()
                .filter(|e| !fields.contains(&e.field.as_str()))
                .map(|e| {
                    if fields.is_empty() {
                        format!("{}: {}", e.field, e.message)
                    } else {
                        e.message
                    }
                })
                .collect();
            let general = crate::wire::planning::said_once(general.iter().map(String::as_str));
            if let Some(general) = general {
                // Into view on an answered page, as [`error_beside`] does.
                view! { <p class="field-error" role="alert" tabindex="-1" autofocus>{general}</p> }
                    .into_any()
            } else {
                view! { <p class="field-error" role="alert">"Correct the fields whose errors stand beside them."</p> }
                    .into_any()
            }
        }
        Err(e) => view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any(),
    })
}

/// A `<textarea>` holding `value`. Leptos 0.8 writes a textarea's children unescaped (as it
/// does a script's), so stored text holding `</textarea>` would close the element and inject
/// markup into the page of whoever opens the form. The server escapes the text here; the
/// browser decodes it once, so what a person typed — `&lt;` included — comes back as typed.
/// Every textarea of Quorum is this component (a test holds the pages to it).
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    name: &'static str,
    #[prop(into)] value: String,
    #[prop(default = "2")] rows: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] described_by: Option<String>,
    #[prop(optional)] cols: Option<&'static str>,
    #[prop(optional)] spellcheck: Option<&'static str>,
) -> impl IntoView {
    view! {
        <textarea id=id name=name rows=rows cols=cols required=required
            aria-describedby=described_by spellcheck=spellcheck>{textarea_text(value)}</textarea>
    }
}

/// The text as the server must write it inside `<textarea>`.
#[cfg(feature = "ssr")]
fn textarea_text(value: String) -> String {
    html_escape::encode_text(&value).into_owned()
}

/// In the browser the text becomes a text node, which needs no escaping.
#[cfg(not(feature = "ssr"))]
fn textarea_text(value: String) -> String {
    value
}

/// A select of `choices` with `chosen` selected, and a first blank option when `blank` names it.
pub fn choice_select(
    id: &'static str,
    name: &'static str,
    choices: Vec<Choice>,
    chosen: String,
    blank: Option<&'static str>,
) -> impl IntoView {
    view! {
        <select id=id name=name>
            {blank.map(|b| view! { <option value="">{b}</option> })}
            {choices.into_iter().map(|c| { let on = c.value == chosen; view! { <option value=c.value selected=on>{c.label}</option> } }).collect_view()}
        </select>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    /// Every page source of the interface.
    const PAGES: [(&str, &str); 16] = [
        ("account", include_str!("account.rs")),
        ("admin", include_str!("admin.rs")),
        ("bodies", include_str!("bodies.rs")),
        ("calendar", include_str!("calendar.rs")),
        ("conflicts", include_str!("conflicts.rs")),
        ("meeting_planner", include_str!("meeting_planner.rs")),
        ("meeting_checks", include_str!("meeting_checks.rs")),
        ("mod", include_str!("mod.rs")),
        ("nominations", include_str!("nominations.rs")),
        ("panel_planner", include_str!("panel_planner.rs")),
        ("session_planner", include_str!("session_planner.rs")),
        ("sessions", include_str!("sessions.rs")),
        ("subscribe", include_str!("subscribe.rs")),
        ("workplan", include_str!("workplan.rs")),
        ("forms", include_str!("forms.rs")),
        ("header", include_str!("header.rs")),
    ];

    #[test]
    fn every_textarea_is_the_escaping_component() {
        let count = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui"))
            .unwrap()
            .count();
        assert_eq!(count, PAGES.len(), "a page file is missing from PAGES");
        for (page, source) in PAGES {
            if page != "forms" {
                assert!(
                    !source.contains("<textarea"),
                    "ui/{page}.rs writes a textarea itself: use TextArea"
                );
            }
        }
    }

    #[test]
    fn every_password_field_is_one_a_page_never_writes_back() {
        let mut seen = 0;
        for (page, source) in PAGES {
            for input in source.split("<input").skip(1) {
                let tag = &input[..input.find('>').unwrap_or(input.len())];
                if !tag.contains(r#"type="password""#) {
                    continue;
                }
                let name = tag
                    .split(r#"name=""#)
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or_else(|| panic!("ui/{page}.rs: a password field without a name"));
                assert!(
                    crate::wire::form_echo::SECRET_FIELDS.contains(&name),
                    "ui/{page}.rs: password field {name} is not in SECRET_FIELDS"
                );
                seen += 1;
            }
        }
        // The account's three and the first password of a new user, at least.
        assert!(seen >= 4, "only {seen} password fields found");
    }

    #[test]
    fn textarea_text_cannot_close_the_element_and_keeps_what_was_typed() {
        let text = super::textarea_text("</textarea><b>x</b> &lt; & \"".into());
        assert!(!text.contains('<'), "{text}");
        assert_eq!(
            html_escape::decode_html_entities(&text),
            "</textarea><b>x</b> &lt; & \""
        );
    }
}

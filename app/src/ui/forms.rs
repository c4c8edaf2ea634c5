//! What every form shows after the server answered: a field's own error beside it, and the
//! outcome (done, or what went wrong) under the form.

use leptos::prelude::*;

use crate::api::nominations::FormOutcome;

/// The answer of a server function behind a form, once it came.
pub type Answer = Option<Result<FormOutcome, ServerFnError>>;

/// The error messages for `field`, joined, if the answer has any.
pub fn field_message(answer: &Answer, field: &str) -> Option<String> {
    let Some(Ok(outcome)) = answer else {
        return None;
    };
    let found: Vec<&str> = outcome
        .errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| e.message.as_str())
        .collect();
    (!found.is_empty()).then(|| found.join("; "))
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
            if general.is_empty() {
                view! { <p class="field-error" role="alert">"Correct the fields marked below."</p> }
                    .into_any()
            } else {
                view! { <p class="field-error" role="alert">{general.join("; ")}</p> }.into_any()
            }
        }
        Err(e) => view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any(),
    })
}

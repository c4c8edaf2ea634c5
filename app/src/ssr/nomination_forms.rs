//! The forms of the nominations page and the review board over the nomination workflow: a focal
//! point nominates; a focal point or the Bureau takes a step; the Bureau or the secretariat opens
//! a call. Rule refusals come back as field errors, not failures.

use sea_orm::DatabaseConnection;

use super::forms::{field_errors, form_outcome};
use super::nomination_pages::today;
use super::nominations::{NewNomination, Step};
use super::{nomination_calls, nomination_steps as workflow};
use crate::domain::account::Account;
use crate::domain::{CallForNominations, Gender, Id, Nomination, NominationStatus};
use crate::error::QuorumError;
use crate::wire::nominations::*;

/// The texts a step's form sends: what a focal point edits, the Bureau's internal note and its
/// message to the State, and the nomination as the form's reader saw it (empty: not checked).
#[derive(Debug, Clone, Default)]
pub struct StepTexts {
    pub justification: String,
    pub biography: String,
    pub note: String,
    pub message: String,
    pub seen: String,
}

/// The nominate form as typed.
pub struct NominateForm {
    pub call: String,
    pub nominee_name: String,
    pub nominee_title: String,
    pub nominee_gender: String,
    pub nominee_email: String,
    pub justification: String,
    pub biography: String,
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn optional(text: String) -> Option<String> {
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// Drafts the nomination and submits it. The rules (deadline, quota) are checked first, so a
/// refused nomination writes nothing.
pub async fn nominate(
    db: &DatabaseConnection,
    actor: &Account,
    form: NominateForm,
) -> Result<FormOutcome, QuorumError> {
    let mut errors = vec![];
    let call = Id::parse(form.call.trim())
        .map_err(|why| errors.push(crate::wire::planning::FieldError::new("call", why)))
        .ok();
    let gender = Gender::parse(&form.nominee_gender)
        .map_err(|why| {
            errors.push(crate::wire::planning::FieldError::new(
                "nominee_gender",
                why,
            ));
        })
        .ok();
    if form.nominee_name.trim().is_empty() {
        errors.push(crate::wire::planning::FieldError::new(
            "nominee_name",
            "give the nominee's name",
        ));
    }
    if form.justification.trim().is_empty() {
        errors.push(crate::wire::planning::FieldError::new(
            "justification",
            "say why this nominee",
        ));
    }
    if let Some(email) = optional(form.nominee_email.clone()) {
        if !email.contains('@') {
            errors.push(crate::wire::planning::FieldError::new(
                "nominee_email",
                "not an e-mail address",
            ));
        }
    }
    let (Some(call), Some(gender), true) = (call, gender, errors.is_empty()) else {
        return Ok(FormOutcome { errors, done: None });
    };
    let data = super::dataset::snapshot(db).await?;
    let Some(stored_call) = data.calls_for_nominations.iter().find(|c| c.id == call) else {
        return Ok(FormOutcome {
            errors: vec![crate::wire::planning::FieldError::new(
                "call",
                format!("there is no call {call}"),
            )],
            done: None,
        });
    };
    let Some(nominator) = actor.nominator() else {
        return Err(QuorumError::Forbidden(
            "only a focal point nominates, for their own State or organisation".into(),
        ));
    };
    let prefix = workflow::nomination_key_prefix(&nominator);
    let id = Id::parse(&format!("{prefix}{}-{}", call, super::random_hex(4)?))
        .map_err(|why| QuorumError::invalid("nomination", "id", why))?;
    // The deadline and quota are checked before anything is written.
    {
        let mut trial = Nomination {
            id: id.clone(),
            call: call.clone(),
            nominator,
            nominee: id.clone(),
            justification: String::new(),
            biography: None,
            status: NominationStatus::Draft,
            submitted_at: None,
            decision_note: None,
            message_to_state: None,
            released: false,
        };
        let nominator = data.affiliation_named(&trial.nominator);
        if let Err(why) = crate::domain::nominations::submit(
            &mut trial,
            stored_call,
            &data.nominations,
            chrono::Utc::now(),
            &nominator,
        ) {
            return Ok(FormOutcome {
                errors: vec![crate::wire::planning::FieldError::new("call", why)],
                done: None,
            });
        }
    }
    let new = NewNomination {
        id: id.clone(),
        call,
        nominee_name: form.nominee_name.trim().to_owned(),
        nominee_title: optional(form.nominee_title),
        nominee_gender: gender,
        nominee_email: optional(form.nominee_email),
        justification: form.justification.trim().to_owned(),
        biography: optional(form.biography),
    };
    let name = new.nominee_name.clone();
    match workflow::create(db, actor, new).await {
        Ok(_) => {}
        Err(e @ (QuorumError::Invalid { .. } | QuorumError::InvalidMany(_))) => {
            return Ok(FormOutcome {
                errors: field_errors(&e),
                done: None,
            })
        }
        Err(e) => return Err(e),
    }
    match workflow::step(db, actor, id.as_str(), Step::Submit, None).await {
        Ok(_) => Ok(FormOutcome {
            errors: vec![],
            done: Some(format!(
                "{name} is nominated; the Bureau will review the nomination."
            )),
        }),
        // Another nomination filled the quota in between: the draft stays, with its reason.
        Err(QuorumError::Invalid { message, .. }) => Ok(FormOutcome {
            errors: vec![crate::wire::planning::FieldError::new(
                "call",
                format!("{message}; your draft is kept"),
            )],
            done: None,
        }),
        Err(e) => Err(e),
    }
}

/// One step from a form button.
pub async fn step(
    db: &DatabaseConnection,
    actor: &Account,
    id: &str,
    step: &str,
    texts: StepTexts,
) -> Result<FormOutcome, QuorumError> {
    let StepTexts {
        justification,
        biography,
        note,
        message,
        seen,
    } = texts;
    let seen = match seen.trim() {
        "" => None,
        text => match serde_json::from_str::<NominationSeen>(text) {
            Ok(seen) => Some(seen),
            Err(_) => {
                return Ok(FormOutcome {
                    errors: vec![crate::wire::planning::FieldError::new(
                        "seen",
                        "not a nomination as seen on the board",
                    )],
                    done: None,
                })
            }
        },
    };
    let decide = |decision| Step::Decide {
        decision,
        note: optional(note.clone()),
        message: optional(message.clone()),
    };
    let (step, done) = match step {
        "edit" => {
            if justification.trim().is_empty() {
                return Ok(FormOutcome {
                    errors: vec![crate::wire::planning::FieldError::new(
                        "justification",
                        "say why this nominee",
                    )],
                    done: None,
                });
            }
            (
                Step::Edit {
                    justification: justification.trim().to_owned(),
                    biography: optional(biography),
                },
                "Nomination updated.",
            )
        }
        "withdraw" => (Step::Withdraw, "Nomination withdrawn."),
        "submit" => (Step::Submit, "Nomination submitted."),
        "accept" => (
            decide(NominationStatus::Accepted),
            "Accepted; release the call's decisions to tell the States.",
        ),
        "waitlist" => (decide(NominationStatus::Waitlisted), "Waitlisted."),
        "decline" => (decide(NominationStatus::Declined), "Declined."),
        "confirm" => (
            Step::Confirm,
            "Participation confirmed: the nominee is on the panel.",
        ),
        other => {
            return Ok(FormOutcome {
                errors: vec![crate::wire::planning::FieldError::new(
                    "step",
                    format!("unknown step {other:?}"),
                )],
                done: None,
            })
        }
    };
    let outcome = workflow::step(db, actor, id, step, seen.as_ref()).await;
    // A change in between is the reader's to look at again, beside the form.
    if let Err(QuorumError::Conflict(why)) = &outcome {
        return Ok(FormOutcome {
            errors: vec![crate::wire::planning::FieldError::new(
                "form",
                capitalised(why),
            )],
            done: None,
        });
    }
    form_outcome(outcome.map(|(_, warnings)| {
        if warnings.is_empty() {
            done.to_owned()
        } else {
            format!("{done} Balance: {}", warnings.join("; "))
        }
    }))
}

/// Opens a call for nominations for a panel, from the review board's form.
pub async fn open_call(
    db: &DatabaseConnection,
    actor: &Account,
    panel: &str,
    deadline: &str,
    quota: &str,
) -> Result<FormOutcome, QuorumError> {
    let mut errors = vec![];
    let panel_id = Id::parse(panel.trim())
        .map_err(|why| errors.push(crate::wire::planning::FieldError::new("panel", why)))
        .ok();
    let deadline = deadline
        .parse::<chrono::NaiveDate>()
        .map_err(|_| {
            errors.push(crate::wire::planning::FieldError::new(
                "deadline",
                "give the deadline as YYYY-MM-DD",
            ));
        })
        .ok();
    if deadline.is_some_and(|d| d < today()) {
        errors.push(crate::wire::planning::FieldError::new(
            "deadline",
            "the deadline has passed",
        ));
    }
    let quota = match quota.trim() {
        "" => None,
        q => q
            .parse::<u32>()
            .map_err(|_| {
                errors.push(crate::wire::planning::FieldError::new(
                    "quota",
                    "a whole number, or empty",
                ));
            })
            .ok(),
    };
    let (Some(panel_id), Some(deadline), true) = (panel_id, deadline, errors.is_empty()) else {
        return Ok(FormOutcome { errors, done: None });
    };
    let call = CallForNominations {
        id: Id::parse(&format!("call-{panel_id}"))
            .map_err(|why| QuorumError::invalid("call", "panel", why))?,
        note_verbale_date: today(),
        deadline,
        panel: Some(panel_id),
        topic: None,
        quota_per_state: quota,
    };
    let opened = match nomination_calls::open_call(db, actor, call).await {
        Ok(call) => call,
        Err(e) => return form_outcome(Err(e)),
    };
    // What the new call raises is said at once, on the form: a deadline after the panel.
    super::data_version::forget();
    let raised: Vec<String> = super::conflicts::scan(db)
        .await?
        .into_iter()
        .filter(|v| v.id == format!("deadline_after_panel:{}", opened.id))
        .map(|v| format!(" Warning: {}", v.explanation))
        .collect();
    let data = super::dataset::snapshot(db).await?;
    form_outcome(Ok(format!(
        "Opened {} until {}.{}",
        data.call_named(&opened),
        crate::domain::wording::dates::day(opened.deadline),
        raised.concat()
    )))
}

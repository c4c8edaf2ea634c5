//! What the nominations page and the review board show, and their forms over the nomination
//! workflow (`super::nominations`). Rule refusals come back as field errors, not failures.

use sea_orm::DatabaseConnection;

use super::forms::{field_errors, form_outcome};
use super::nominations::{self as workflow, NewNomination, Step};
use crate::domain::account::{Account, Role};
use crate::domain::label::Label;
use crate::domain::{
    Affiliation, CallForNominations, Dataset, Gender, Id, Nomination, NominationStatus,
};
use crate::error::QuorumError;
use crate::wire::calendar::Choice;
use crate::wire::nominations::*;

fn who(account: &Account) -> String {
    format!("{} ({})", account.name, account.role.label())
}

fn affiliation_name(data: &Dataset, a: &Affiliation) -> String {
    match a {
        Affiliation::State(code) => data
            .states_parties
            .iter()
            .find(|s| &s.iso_code == code)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| code.clone()),
        Affiliation::Organisation(id) => data
            .organisations
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| id.to_string()),
    }
}

fn call_line(data: &Dataset, call: &CallForNominations, today: chrono::NaiveDate) -> CallLine {
    let panel = call
        .panel
        .as_ref()
        .and_then(|p| data.panels.iter().find(|x| &x.id == p));
    let meeting = panel.and_then(|p| data.meetings.iter().find(|m| m.id == p.meeting));
    CallLine {
        id: call.id.to_string(),
        topic: call
            .topic
            .clone()
            .or_else(|| panel.map(|p| p.topic.clone()))
            .unwrap_or_else(|| call.id.to_string()),
        panel: match (panel, meeting) {
            (Some(p), Some(m)) => format!(
                "Panel {} of {}, {}",
                p.position,
                m.title,
                m.start.format("%-d %B %Y")
            ),
            _ => "No panel named".into(),
        },
        meeting_href: meeting.map(|m| format!("/meetings/{}", m.id)),
        deadline: call.deadline.format("%-d %B %Y").to_string(),
        open: today <= call.deadline,
        quota: call.quota_per_state,
    }
}

fn nomination_line(data: &Dataset, n: &Nomination) -> NominationLine {
    let person = data.persons.iter().find(|p| p.id == n.nominee);
    NominationLine {
        id: n.id.to_string(),
        call: n.call.to_string(),
        nominee: person
            .map(|p| p.name.clone())
            .unwrap_or_else(|| n.nominee.to_string()),
        gender: person
            .map(|p| p.gender.as_str().to_owned())
            .unwrap_or_default(),
        nominator: affiliation_name(data, &n.nominator),
        status: n.status.label(),
        released: n.released,
        justification: n.justification.clone(),
        biography: n.biography.clone().unwrap_or_default(),
        note: n.decision_note.clone(),
        message: n.message_to_state.clone(),
        seen: serde_json::to_string(&NominationSeen::of(n)).unwrap_or_default(),
    }
}

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

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub async fn nominations(
    db: &DatabaseConnection,
    account: Option<&Account>,
) -> Result<NominationsPage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let today = today();
    let mut calls: Vec<&CallForNominations> = data.calls_for_nominations.iter().collect();
    calls.sort_by_key(|c| std::cmp::Reverse(c.deadline));
    let mine = match account {
        Some(a) if a.role == Role::FocalPoint => workflow::list(db, a)
            .await?
            .iter()
            .map(|v| nomination_line(&data, &v.nomination))
            .collect(),
        _ => vec![],
    };
    Ok(NominationsPage {
        who: account.map(who),
        nominator: account
            .and_then(|a| a.nominator())
            .map(|n| affiliation_name(&data, &n)),
        calls: calls.iter().map(|c| call_line(&data, c, today)).collect(),
        mine,
        genders: Gender::ALL
            .iter()
            .map(|g| Choice {
                value: g.as_str().into(),
                label: crate::domain::session::capitalized(g.as_str()),
            })
            .collect(),
    })
}

/// Counts as "Label: a 2, b 1" lines.
fn counted(label: &str, counts: &std::collections::BTreeMap<String, u32>) -> String {
    if counts.is_empty() {
        return format!("{label}: none yet");
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|(k, n)| format!("{} {n}", k.replace('_', " ")))
        .collect();
    format!("{label}: {}", parts.join(", "))
}

pub async fn review(
    db: &DatabaseConnection,
    account: Option<&Account>,
) -> Result<ReviewPage, QuorumError> {
    let Some(actor) = account.filter(|a| a.role != Role::FocalPoint) else {
        return Ok(ReviewPage {
            who: account.map(who),
            calls: vec![],
            panels: vec![],
        });
    };
    let data = super::dataset::snapshot(db).await?;
    let today = today();
    let visible = workflow::list(db, actor).await?;
    let mut calls = vec![];
    for call in &data.calls_for_nominations {
        // Only the calls this Bureau handles: balance_of refuses the others.
        let Ok(balance) = workflow::balance_of(db, actor, call.id.as_str()).await else {
            continue;
        };
        let nominations: Vec<&Nomination> = visible
            .iter()
            .map(|v| &v.nomination)
            .filter(|n| n.call == call.id && n.status != NominationStatus::Draft)
            .collect();
        calls.push(ReviewCall {
            call: call_line(&data, call, today),
            unreleased: nominations
                .iter()
                .filter(|n| {
                    !n.released
                        && matches!(
                            n.status,
                            NominationStatus::Accepted
                                | NominationStatus::Waitlisted
                                | NominationStatus::Declined
                        )
                })
                .count(),
            nominations: nominations
                .iter()
                .map(|n| nomination_line(&data, n))
                .collect(),
            balance: vec![
                format!("Selected: {}", balance.composition.total),
                counted("Regional groups", &balance.composition.by_regional_group),
                counted("Gender", &balance.composition.by_gender),
                counted("Stakeholders", &balance.composition.by_stakeholder),
            ],
            warnings: balance.warnings,
        });
    }
    calls.sort_by(|a, b| {
        b.call
            .open
            .cmp(&a.call.open)
            .then(a.call.id.cmp(&b.call.id))
    });
    let panels = data
        .panels
        .iter()
        .filter(|p| {
            !data
                .calls_for_nominations
                .iter()
                .any(|c| c.panel.as_ref() == Some(&p.id))
        })
        .filter_map(|p| {
            let meeting = data.meetings.iter().find(|m| m.id == p.meeting)?;
            actor.may_plan(&data.bodies_of(meeting)).then(|| Choice {
                value: p.id.to_string(),
                label: format!("{} — {}", meeting.start.format("%Y-%m-%d"), p.topic),
            })
        })
        .collect();
    Ok(ReviewPage {
        who: Some(who(actor)),
        calls,
        panels,
    })
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
            ))
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
        if let Err(why) = crate::domain::nominations::submit(
            &mut trial,
            stored_call,
            &data.nominations,
            chrono::Utc::now(),
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
            ))
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
                ))
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
    form_outcome(
        workflow::open_call(db, actor, call)
            .await
            .map(|call| format!("Call {} opened until {}.", call.id, call.deadline)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_lines_name_each_count() {
        let mut counts = std::collections::BTreeMap::new();
        counts.insert("african_states".to_owned(), 2);
        counts.insert("weog".to_owned(), 1);
        assert_eq!(
            counted("Regional groups", &counts),
            "Regional groups: african states 2, weog 1"
        );
        assert_eq!(counted("Gender", &Default::default()), "Gender: none yet");
    }
}

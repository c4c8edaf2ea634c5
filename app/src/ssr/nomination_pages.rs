//! What the nominations page shows — the calls for nominations open to a State party's focal
//! point and their own nominations — and the lines of calls and nominations it shares with the
//! review board (`review_board`). The forms of both pages are in `nomination_forms`.

use sea_orm::DatabaseConnection;

use super::nominations as workflow;
use crate::domain::account::{Account, Role};
use crate::domain::label::Label;
use crate::domain::{Affiliation, CallForNominations, Dataset, Gender, Nomination};
use crate::error::QuorumError;
use crate::wire::calendar::Choice;
use crate::wire::nominations::*;

/// Who is signed in, as the pages name them.
pub(super) fn who(account: &Account) -> String {
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

/// A call as both pages list it.
pub(super) fn call_line(
    data: &Dataset,
    call: &CallForNominations,
    today: chrono::NaiveDate,
) -> CallLine {
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
                crate::domain::wording::dates::day(m.start.date_naive())
            ),
            _ => "No panel named".into(),
        },
        meeting_href: meeting.map(|m| format!("/meetings/{}", m.id)),
        deadline: crate::domain::wording::dates::day(call.deadline),
        open: today <= call.deadline,
        quota: call.quota_per_state,
    }
}

/// A nomination as both pages list it.
pub(super) fn nomination_line(data: &Dataset, n: &Nomination) -> NominationLine {
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

/// Today, in UTC.
pub(super) fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The nominations page: the calls, and a focal point's own nominations.
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

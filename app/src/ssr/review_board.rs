//! The review board of the Bureau and the secretariat: each call they handle, with its submitted
//! nominations, the decisions not yet released and the selection's balance; and the panels a
//! call may still be opened for.

use sea_orm::DatabaseConnection;

use super::nomination_balance::balance_of;
use super::nomination_pages::{call_line, nomination_line, today, who};
use super::nominations as workflow;
use crate::domain::account::{Account, Role};
use crate::domain::{Nomination, NominationStatus};
use crate::error::QuorumError;
use crate::wire::calendar::Choice;
use crate::wire::nominations::*;

/// The review board; empty for a focal point or a visitor.
pub async fn review(
    db: &DatabaseConnection,
    account: Option<&Account>,
) -> Result<ReviewPage, QuorumError> {
    // A focal point reviews nothing: the board greets only the Bureau and the secretariat.
    let Some(actor) = account.filter(|a| a.role != Role::FocalPoint) else {
        return Ok(ReviewPage {
            who: None,
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
        let Ok(balance) = balance_of(db, actor, call.id.as_str()).await else {
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
            balance: crate::domain::balance::summary(&balance.composition, &balance.targets),
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
                label: format!(
                    "{} — {}",
                    crate::domain::wording::dates::day(
                        meeting
                            .start
                            .with_timezone(&data.venue_zone(&meeting.venue))
                            .date_naive()
                    ),
                    p.topic
                ),
            })
        })
        .collect();
    Ok(ReviewPage {
        who: Some(who(actor)),
        calls,
        panels,
    })
}

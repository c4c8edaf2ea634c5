//! The nomination workflow: a call is opened; a focal point drafts and submits nominations for
//! their own State; the Bureau reviews them and decides (accepted, waitlisted, declined), then
//! releases the decisions together; accepted nominees confirm and become the panel's
//! panellists. A withdrawal after acceptance gives the seat to the first on the waitlist.
//!
//! This file holds the steps; what a reader sees of a nomination, and what changed since they saw
//! it, is in `nomination_seen.rs`.

use crate::domain::label::Label;
use chrono::{DateTime, Utc};

pub use super::nomination_seen::{visible_status, NominationSeen};
use super::{CallForNominations, Nomination, NominationStatus, Panel};

/// Why a step of the workflow is refused, in words for the person who tried it.
pub type Refusal = String;

/// Whether a nomination still counts towards its nominator's quota.
fn counts(n: &Nomination) -> bool {
    !matches!(
        n.status,
        NominationStatus::Draft | NominationStatus::Withdrawn
    )
}

/// Submits a draft: refused after the deadline, and beyond the call's quota per nominator
/// (named in the refusal as `nominator`, "Austria").
pub fn submit(
    n: &mut Nomination,
    call: &CallForNominations,
    all: &[Nomination],
    now: DateTime<Utc>,
    nominator: &str,
) -> Result<(), Refusal> {
    if n.status != NominationStatus::Draft {
        return Err(format!(
            "This nomination was already submitted: it is {}.",
            n.status.label()
        ));
    }
    if now.date_naive() > call.deadline {
        return Err(format!(
            "The deadline for nominations to this call was {}: late nominations are refused.",
            crate::domain::wording::dates::day(call.deadline)
        ));
    }
    if let Some(quota) = call.quota_per_state {
        let used = all
            .iter()
            .filter(|o| o.id != n.id && o.call == n.call && o.nominator == n.nominator && counts(o))
            .count();
        if used as u32 >= quota {
            let nominations = match used {
                1 => "1 nomination".to_owned(),
                n => format!("{n} nominations"),
            };
            return Err(format!(
                "{nominator} has already submitted {nominations} to this call, which is its quota."
            ));
        }
    }
    n.status = NominationStatus::Submitted;
    n.submitted_at = Some(now);
    Ok(())
}

/// Whether the nominating focal point may still edit: until the Bureau takes it under review.
/// (Once it has, the State sees "under review" whether or not an unreleased decision exists, so
/// editing must be closed for both alike.)
pub fn editable(n: &Nomination) -> Result<(), Refusal> {
    match n.status {
        NominationStatus::Draft | NominationStatus::Submitted => Ok(()),
        NominationStatus::UnderReview => Err(
            "This nomination is under review by the Bureau and can no longer be changed.".into(),
        ),
        status => Err(format!(
            "This nomination is {} and can no longer be changed.",
            status.label()
        )),
    }
}

/// The Bureau starts reviewing a submitted nomination.
pub fn review(n: &mut Nomination) -> Result<(), Refusal> {
    match n.status {
        NominationStatus::Submitted => {
            n.status = NominationStatus::UnderReview;
            Ok(())
        }
        status => Err(format!(
            "Only a submitted nomination can go under review; this one is {}.",
            status.label()
        )),
    }
}

/// The Bureau decides, with its internal note and its message to the State; the decision stays
/// unreleased until [`release`].
pub fn decide(
    n: &mut Nomination,
    decision: NominationStatus,
    note: Option<String>,
    message_to_state: Option<String>,
) -> Result<(), Refusal> {
    if !matches!(
        decision,
        NominationStatus::Accepted | NominationStatus::Waitlisted | NominationStatus::Declined
    ) {
        return Err(format!(
            "“{}” is not a decision: choose accepted, waitlisted or declined.",
            decision.label()
        ));
    }
    match n.status {
        NominationStatus::Submitted
        | NominationStatus::UnderReview
        | NominationStatus::Waitlisted
        | NominationStatus::Accepted
        | NominationStatus::Declined
            if !n.released || n.status == NominationStatus::Waitlisted =>
        {
            n.status = decision;
            n.decision_note = note;
            n.message_to_state = message_to_state;
            n.released = false;
            Ok(())
        }
        status => Err(format!(
            "This nomination cannot be decided now: it is {}.",
            status.label()
        )),
    }
}

/// Releases every unreleased decision of a call; returns the nominations released.
pub fn release(call: &CallForNominations, all: &mut [Nomination]) -> Vec<String> {
    let mut released = Vec::new();
    for n in all.iter_mut().filter(|n| n.call == call.id && !n.released) {
        if matches!(
            n.status,
            NominationStatus::Accepted | NominationStatus::Waitlisted | NominationStatus::Declined
        ) {
            n.released = true;
            released.push(n.id.to_string());
        }
    }
    released
}

/// The nominee confirms their participation: they join the panel.
pub fn confirm(n: &mut Nomination, panel: Option<&mut Panel>) -> Result<(), Refusal> {
    if n.status != NominationStatus::Accepted || !n.released {
        return Err(format!(
            "Only an acceptance the Bureau has released can be confirmed; this nomination is {}.",
            n.status.label()
        ));
    }
    n.status = NominationStatus::Confirmed;
    if let Some(panel) = panel {
        if !panel.panellists.contains(&n.nominee) {
            panel.panellists.push(n.nominee.clone());
        }
    }
    Ok(())
}

/// Withdraws a nomination. After acceptance the seat goes to the earliest waitlisted nomination
/// of the same call, whose id is returned; a confirmed nominee leaves the panel. An unreleased
/// decline can be withdrawn like any nomination under review: the State does not know of it.
pub fn withdraw(
    id: &str,
    all: &mut [Nomination],
    panel: Option<&mut Panel>,
) -> Result<Option<String>, Refusal> {
    let n = all
        .iter_mut()
        .find(|n| n.id.as_str() == id)
        .ok_or_else(|| "This nomination does not exist (any more).".to_owned())?;
    let was = n.status;
    if was == NominationStatus::Withdrawn || (was == NominationStatus::Declined && n.released) {
        return Err(format!("This nomination is already {}.", was.label()));
    }
    n.status = NominationStatus::Withdrawn;
    let call = n.call.clone();
    let nominee = n.nominee.clone();
    if was == NominationStatus::Confirmed {
        if let Some(panel) = panel {
            panel.panellists.retain(|p| p != &nominee);
        }
    }
    if !matches!(
        was,
        NominationStatus::Accepted | NominationStatus::Confirmed
    ) {
        return Ok(None);
    }
    let next = all
        .iter_mut()
        .filter(|n| n.call == call && n.status == NominationStatus::Waitlisted)
        .min_by_key(|n| (n.submitted_at, n.id.clone()));
    Ok(next.map(|n| {
        n.status = NominationStatus::Accepted;
        n.id.to_string()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Affiliation;
    use crate::domain::Id;

    fn call(quota: Option<u32>) -> CallForNominations {
        CallForNominations {
            id: Id::parse("call").unwrap(),
            note_verbale_date: "2024-03-01".parse().unwrap(),
            deadline: "2024-04-15".parse().unwrap(),
            panel: Some(Id::parse("panel").unwrap()),
            topic: None,
            quota_per_state: quota,
        }
    }

    fn nomination(id: &str, state: &str) -> Nomination {
        Nomination {
            id: Id::parse(id).unwrap(),
            call: Id::parse("call").unwrap(),
            nominator: Affiliation::State(state.into()),
            nominee: Id::parse(&format!("person-{id}")).unwrap(),
            justification: "Expert".into(),
            biography: None,
            status: NominationStatus::Draft,
            submitted_at: None,
            decision_note: None,
            message_to_state: None,
            released: false,
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn late_submissions_are_refused_with_the_deadline() {
        let mut n = nomination("n1", "AT");
        let err = submit(&mut n, &call(None), &[], at("2024-04-16T09:00:00Z"), "AT").unwrap_err();
        assert_eq!(
            err,
            "The deadline for nominations to this call was 15 April 2024: late nominations are refused."
        );
        submit(&mut n, &call(None), &[], at("2024-04-15T23:00:00Z"), "AT").unwrap();
        assert_eq!(n.status, NominationStatus::Submitted);
    }

    #[test]
    fn submissions_over_the_quota_are_refused() {
        let mut first = nomination("n1", "AT");
        submit(
            &mut first,
            &call(Some(1)),
            &[],
            at("2024-04-01T00:00:00Z"),
            "AT",
        )
        .unwrap();
        let mut second = nomination("n2", "AT");
        let err = submit(
            &mut second,
            &call(Some(1)),
            &[first.clone()],
            at("2024-04-01T00:00:00Z"),
            "Austria",
        )
        .unwrap_err();
        assert_eq!(
            err,
            "Austria has already submitted 1 nomination to this call, which is its quota."
        );
        let mut other_state = nomination("n3", "FR");
        submit(
            &mut other_state,
            &call(Some(1)),
            &[first],
            at("2024-04-01T00:00:00Z"),
            "France",
        )
        .unwrap();
    }

    #[test]
    fn decisions_are_hidden_from_the_focal_point_until_released() {
        let mut all = vec![nomination("n1", "AT")];
        submit(
            &mut all[0],
            &call(None),
            &[],
            at("2024-04-01T00:00:00Z"),
            "AT",
        )
        .unwrap();
        review(&mut all[0]).unwrap();
        decide(
            &mut all[0],
            NominationStatus::Accepted,
            Some("Strong profile".into()),
            None,
        )
        .unwrap();
        assert_eq!(visible_status(&all[0]), NominationStatus::UnderReview);
        assert!(editable(&all[0]).is_err());
        assert_eq!(release(&call(None), &mut all), ["n1"]);
        assert_eq!(visible_status(&all[0]), NominationStatus::Accepted);
    }

    #[test]
    fn confirmed_nominees_join_the_panel_and_a_withdrawal_frees_the_seat_for_the_waitlist() {
        let mut panel = Panel {
            id: Id::parse("panel").unwrap(),
            meeting: Id::parse("m").unwrap(),
            topic: "Topic".into(),
            workplan_entry: None,
            moderator: None,
            panellists: vec![],
            planned_size: Some(1),
            notes: None,
            position: 1,
        };
        let mut all = vec![
            nomination("n1", "AT"),
            nomination("n2", "FR"),
            nomination("n3", "BR"),
        ];
        for (i, n) in all.iter_mut().enumerate() {
            submit(
                n,
                &call(None),
                &[],
                at(&format!("2024-04-0{}T00:00:00Z", i + 1)),
                "a State party",
            )
            .unwrap();
        }
        decide(&mut all[0], NominationStatus::Accepted, None, None).unwrap();
        decide(&mut all[1], NominationStatus::Waitlisted, None, None).unwrap();
        decide(&mut all[2], NominationStatus::Waitlisted, None, None).unwrap();
        release(&call(None), &mut all);
        confirm(&mut all[0], Some(&mut panel)).unwrap();
        assert_eq!(panel.panellists, [Id::parse("person-n1").unwrap()]);
        let promoted = withdraw("n1", &mut all, Some(&mut panel)).unwrap();
        assert_eq!(
            promoted.as_deref(),
            Some("n2"),
            "the earliest on the waitlist"
        );
        assert!(panel.panellists.is_empty());
        assert_eq!(all[1].status, NominationStatus::Accepted);
        assert!(confirm(&mut all[2], None).is_err(), "still waitlisted");
    }
}

//! Who may read what. Every door (REST routes, server functions, pages, feeds, exports) asks
//! here before a nomination, a person's address or a Bureau's note leaves the server, so that
//! a new endpoint cannot disclose more than the existing ones.
//!
//! Nominations are diplomatic material: a State's drafts, its justifications, its nominees'
//! e-mail addresses and the Bureau's decisions before release reach only those entitled.

use std::collections::BTreeSet;

use super::account::{Account, Role};
use super::nominations::visible_status;
use super::{BodyCode, CallForNominations, Dataset, Id, Nomination, NominationStatus};

/// The bodies whose Bureaus handle a call: those of its panel's meeting. A call without a
/// panel names no body, and only the secretariat handles it.
pub fn call_bodies(data: &Dataset, call: &CallForNominations) -> Vec<BodyCode> {
    let Some(panel) = call
        .panel
        .as_ref()
        .and_then(|p| data.panels.iter().find(|x| &x.id == p))
    else {
        return vec![];
    };
    data.meetings
        .iter()
        .find(|m| m.id == panel.meeting)
        .map(|meeting| data.bodies_of(meeting))
        .unwrap_or_default()
}

/// Whether the actor handles a call as its Bureau: the secretariat always, a Bureau member when
/// its body is one of the call's; nobody else, and no Bureau for a call that names no body.
pub fn handles_call(actor: &Account, data: &Dataset, call: &CallForNominations) -> bool {
    match actor.role {
        Role::Secretariat => true,
        Role::Bureau => {
            let bodies = call_bodies(data, call);
            !bodies.is_empty() && actor.may_plan(&bodies)
        }
        Role::FocalPoint => false,
    }
}

/// Whether the actor is the focal point of the State or organisation that made a nomination.
pub fn is_nominator(actor: &Account, n: &Nomination) -> bool {
    actor.nominator().is_some_and(|own| n.nominator == own)
}

/// How a reader sees a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NominationReader {
    /// The secretariat, or the Bureau handling the call: everything, the internal note included.
    Reviewer,
    /// The nominating State's focal point: its own text, decisions only once released, the
    /// Bureau's message to it only once released, never the internal note.
    Nominator,
}

/// How `actor` may read `n`, or `None` when the nomination must stay unseen — it then does not
/// exist for them. A State's draft is its own until submitted: no Bureau reads it, nor a
/// draft withdrawn without ever being submitted.
pub fn nomination_reader(
    actor: &Account,
    data: &Dataset,
    n: &Nomination,
) -> Option<NominationReader> {
    if actor.is_secretariat() {
        return Some(NominationReader::Reviewer);
    }
    if is_nominator(actor, n) {
        return Some(NominationReader::Nominator);
    }
    let call = data.calls_for_nominations.iter().find(|c| c.id == n.call)?;
    let submitted = n.status != NominationStatus::Draft && n.submitted_at.is_some();
    (submitted && handles_call(actor, data, call)).then_some(NominationReader::Reviewer)
}

/// The nomination as this reader may see it.
pub fn redact_nomination(reader: NominationReader, n: &Nomination) -> Nomination {
    let mut seen = n.clone();
    if reader == NominationReader::Nominator {
        seen.status = visible_status(n);
        seen.decision_note = None;
        if !n.released {
            seen.message_to_state = None;
        }
    }
    seen
}

/// The nomination as `actor` may see it, or `None`.
pub fn nomination_for(actor: &Account, data: &Dataset, n: &Nomination) -> Option<Nomination> {
    nomination_reader(actor, data, n).map(|reader| redact_nomination(reader, n))
}

/// The persons whose names may be shown to anyone, and offered in any list: everyone but a
/// nominee, who becomes public only as a panellist (once confirmed). Until then a nominee is
/// the nominating State's and the Bureau's to know of.
pub fn public_persons(data: &Dataset) -> BTreeSet<&Id> {
    let nominees: BTreeSet<&Id> = data.nominations.iter().map(|n| &n.nominee).collect();
    let panellists: BTreeSet<&Id> = data.panels.iter().flat_map(|p| &p.panellists).collect();
    data.persons
        .iter()
        .map(|p| &p.id)
        .filter(|id| !nominees.contains(id) || panellists.contains(id))
        .collect()
}

/// The calendar as anyone may read it: no nomination, no nominee who is not on a panel, no
/// person's e-mail address. Everything else of the dataset is public.
pub fn public_dataset(data: &Dataset) -> Dataset {
    let public: BTreeSet<Id> = public_persons(data).into_iter().cloned().collect();
    let mut open = data.clone();
    open.nominations.clear();
    open.persons.retain(|p| public.contains(&p.id));
    for person in &mut open.persons {
        person.email = None;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::account;
    use crate::domain::{Affiliation, Gender, Person};

    fn demo() -> Dataset {
        serde_json::from_str(include_str!("../../data/demo.json")).unwrap()
    }

    /// The demo with a call for the panel "money-laundering-1" (a COSP meeting).
    fn demo_with_call() -> (Dataset, Id) {
        let mut data = demo();
        let call = CallForNominations {
            id: Id::parse("call-ml").unwrap(),
            note_verbale_date: "2026-01-01".parse().unwrap(),
            deadline: "2026-02-01".parse().unwrap(),
            panel: Some(Id::parse("money-laundering-1").unwrap()),
            topic: None,
            quota_per_state: None,
        };
        data.calls_for_nominations.push(call.clone());
        (data, call.id)
    }

    fn nomination(call: &Id, state: &str, status: NominationStatus) -> Nomination {
        Nomination {
            id: Id::parse("n-1").unwrap(),
            call: call.clone(),
            nominator: Affiliation::State(state.into()),
            nominee: Id::parse("nominee-n-1").unwrap(),
            justification: "Expert".into(),
            biography: None,
            status,
            submitted_at: None,
            decision_note: Some("Gender balance".into()),
            message_to_state: Some("Thank you".into()),
            released: false,
        }
    }

    #[test]
    fn a_call_without_a_panel_belongs_to_the_secretariat_only() {
        let data = demo();
        let call = CallForNominations {
            id: Id::parse("topic-call").unwrap(),
            note_verbale_date: "2026-01-01".parse().unwrap(),
            deadline: "2026-02-01".parse().unwrap(),
            panel: None,
            topic: Some("Prevention".into()),
            quota_per_state: None,
        };
        assert!(handles_call(
            &account(Role::Secretariat, None, None),
            &data,
            &call
        ));
        assert!(!handles_call(
            &account(Role::Bureau, Some("IRG"), None),
            &data,
            &call
        ));
    }

    #[test]
    fn states_see_their_own_nominations_without_the_bureaus_unreleased_work() {
        let (data, call) = demo_with_call();
        let mut n = nomination(&call, "AT", NominationStatus::Accepted);
        let austria = account(Role::FocalPoint, None, Some("AT"));
        let france = account(Role::FocalPoint, None, Some("FR"));
        let seen = nomination_for(&austria, &data, &n).unwrap();
        assert_eq!(seen.status, NominationStatus::UnderReview);
        assert_eq!((seen.decision_note, seen.message_to_state), (None, None));
        assert_eq!(nomination_for(&france, &data, &n), None);
        n.released = true;
        let seen = nomination_for(&austria, &data, &n).unwrap();
        assert_eq!(seen.status, NominationStatus::Accepted);
        assert_eq!(
            seen.decision_note, None,
            "the internal note never reaches the State"
        );
        assert_eq!(seen.message_to_state.as_deref(), Some("Thank you"));
        let secretariat = account(Role::Secretariat, None, None);
        assert_eq!(nomination_for(&secretariat, &data, &n), Some(n));
    }

    #[test]
    fn no_bureau_reads_a_draft_nor_one_withdrawn_unsubmitted() {
        let (data, call) = demo_with_call();
        let secretariat = account(Role::Secretariat, None, None);
        let mut n = nomination(&call, "AT", NominationStatus::Draft);
        let bodies = call_bodies(&data, &data.calls_for_nominations[0]);
        assert!(!bodies.is_empty());
        let bureau = account(Role::Bureau, Some(bodies[0].as_str()), None);
        assert_eq!(nomination_for(&bureau, &data, &n), None);
        assert!(nomination_for(&secretariat, &data, &n).is_some());
        n.status = NominationStatus::Withdrawn;
        assert_eq!(
            nomination_for(&bureau, &data, &n),
            None,
            "withdrawn, never submitted"
        );
        n.status = NominationStatus::Submitted;
        n.submitted_at = Some("2026-01-10T09:00:00Z".parse().unwrap());
        assert!(nomination_for(&bureau, &data, &n).is_some());
    }

    #[test]
    fn the_public_dataset_holds_no_nomination_and_no_address() {
        let (mut data, call) = demo_with_call();
        data.nominations
            .push(nomination(&call, "AT", NominationStatus::Submitted));
        data.persons.push(Person {
            id: Id::parse("nominee-n-1").unwrap(),
            name: "Unreleased Nominee".into(),
            title: None,
            gender: Gender::Female,
            affiliation: None,
            email: Some("nominee@example.org".into()),
        });
        let open = public_dataset(&data);
        assert!(open.nominations.is_empty());
        assert!(open.persons.iter().all(|p| p.email.is_none()));
        assert!(!open.persons.iter().any(|p| p.name == "Unreleased Nominee"));
        assert_eq!(open.meetings, data.meetings);
    }
}

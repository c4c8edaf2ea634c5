//! Who takes part: the bodies, the States parties and organisations, persons and Bureau seats.

use std::collections::BTreeSet;

use super::Errors;
use crate::domain::conflicts::MAX_BODIES;
use crate::domain::dataset::SHORT_TEXT_MAX;
use crate::domain::party::is_iso_alpha2;
use crate::domain::{Affiliation, BodyCode, Dataset, Id};

/// The bodies: no more than the conflict engine holds, each valid in itself with short texts,
/// its code given once and its parent, if any, among them. Returns the codes.
pub(super) fn bodies(data: &Dataset, e: &mut Errors) -> BTreeSet<BodyCode> {
    // The conflict engine holds each body as one bit of a word: one more would leave every
    // calendar and conflict page unable to answer.
    if data.bodies.len() > MAX_BODIES {
        e.add(
            "dataset",
            "bodies",
            format!(
                "Quorum holds at most {MAX_BODIES} bodies, and this would make {}; remove one before adding another",
                data.bodies.len()
            ),
        );
    }
    let mut bodies = BTreeSet::new();
    for body in &data.bodies {
        if let Err(err) = body.validate() {
            e.0.push(err);
        }
        let record = format!("body {}", body.code);
        e.text(&body.name, SHORT_TEXT_MAX, &record, "name");
        e.text(&body.short_name, SHORT_TEXT_MAX, &record, "short_name");
        e.unique(
            &mut bodies,
            &body.code,
            &format!("body {}", body.code),
            "code",
        );
    }
    for body in &data.bodies {
        if let Some(parent) = &body.parent {
            e.known(
                &bodies,
                parent,
                &format!("body {}", body.code),
                "parent",
                "body",
            );
        }
    }
    bodies
}

/// The keys of States parties and organisations, for the records that name one.
pub(super) struct Parties {
    states: BTreeSet<String>,
    organisations: BTreeSet<Id>,
}

impl Parties {
    /// Checks that an affiliation names a known State party or organisation.
    pub(super) fn affiliation(
        &self,
        e: &mut Errors,
        affiliation: &Affiliation,
        record: &str,
        field: &str,
    ) {
        match affiliation {
            Affiliation::State(code) => e.known(&self.states, code, record, field, "State party"),
            Affiliation::Organisation(id) => {
                e.known(&self.organisations, id, record, field, "organisation");
            }
        }
    }
}

/// States parties and organisations: each given once, named, with short texts, and States
/// parties by their ISO 3166-1 alpha-2 code. Returns their keys.
pub(super) fn parties(data: &Dataset, e: &mut Errors) -> Parties {
    let mut states = BTreeSet::new();
    for state in &data.states_parties {
        let record = format!("State party {}", state.iso_code);
        if !is_iso_alpha2(&state.iso_code) {
            e.add(
                &record,
                "iso_code",
                "must be an ISO 3166-1 alpha-2 code such as AT",
            );
        }
        e.unique(&mut states, &state.iso_code, &record, "iso_code");
        e.not_empty(&state.name, &record, "name");
        e.text(&state.name, SHORT_TEXT_MAX, &record, "name");
    }
    let mut organisations = BTreeSet::new();
    for org in &data.organisations {
        let record = format!("organisation {}", org.id);
        e.unique(&mut organisations, &org.id, &record, "id");
        e.not_empty(&org.name, &record, "name");
        e.text(&org.name, SHORT_TEXT_MAX, &record, "name");
    }
    Parties {
        states,
        organisations,
    }
}

/// Persons and Bureau seats: each person given once, named, with short texts, an e-mail
/// address that looks like one and a known affiliation; each seat of a known body and person,
/// ending no earlier than it starts. Returns the persons' keys.
pub(super) fn persons(
    data: &Dataset,
    bodies: &BTreeSet<BodyCode>,
    parties: &Parties,
    e: &mut Errors,
) -> BTreeSet<Id> {
    let mut persons = BTreeSet::new();
    for person in &data.persons {
        let record = format!("person {}", person.id);
        e.unique(&mut persons, &person.id, &record, "id");
        e.not_empty(&person.name, &record, "name");
        e.text(&person.name, SHORT_TEXT_MAX, &record, "name");
        e.text_opt(person.title.as_deref(), SHORT_TEXT_MAX, &record, "title");
        e.text_opt(person.email.as_deref(), SHORT_TEXT_MAX, &record, "email");
        if let Some(affiliation) = &person.affiliation {
            parties.affiliation(e, affiliation, &record, "affiliation");
        }
        if let Some(Err(why)) = person
            .email
            .as_deref()
            .map(|m| crate::domain::account::check_email(&m.trim().to_lowercase()))
        {
            e.add(&record, "email", why);
        }
    }
    for (i, seat) in data.bureau_members.iter().enumerate() {
        let record = format!("bureau member {} ({} of {})", i + 1, seat.person, seat.body);
        e.known(bodies, &seat.body, &record, "body", "body");
        e.known(&persons, &seat.person, &record, "person", "person");
        if seat.term_end.is_some_and(|end| end < seat.term_start) {
            e.add(&record, "term_end", "end before start");
        }
    }
    persons
}

//! State parties, organisations, persons and bureau members.

use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::IntoActiveModel;

use super::{affiliation_columns, affiliation_from_columns, code, id, wire, Result};
use crate::domain::{
    BureauMember, BureauRole, Gender, Organisation, OrganisationKind, Person, RegionalGroup,
    StateParty,
};
use crate::ssr::entities::{bureau_member, organisation, person, state_party};

pub fn state_party_row(s: &StateParty) -> state_party::ActiveModel {
    state_party::Model {
        iso_code: s.iso_code.clone(),
        name: s.name.clone(),
        regional_group: s.regional_group.as_str().into(),
    }
    .into_active_model()
}

pub fn state_party_of(m: state_party::Model) -> Result<StateParty> {
    Ok(StateParty {
        regional_group: wire("states_parties", RegionalGroup::parse, &m.regional_group)?,
        iso_code: m.iso_code,
        name: m.name,
    })
}

pub fn organisation_row(o: &Organisation) -> organisation::ActiveModel {
    organisation::Model {
        id: o.id.to_string(),
        name: o.name.clone(),
        kind: o.kind.as_str().into(),
    }
    .into_active_model()
}

pub fn organisation_of(m: organisation::Model) -> Result<Organisation> {
    Ok(Organisation {
        id: id("organisations", &m.id)?,
        kind: wire("organisations", OrganisationKind::parse, &m.kind)?,
        name: m.name,
    })
}

pub fn person_row(p: &Person) -> person::ActiveModel {
    let (state_code, organisation_id) = affiliation_columns(p.affiliation.as_ref());
    person::Model {
        id: p.id.to_string(),
        name: p.name.clone(),
        title: p.title.clone(),
        gender: p.gender.as_str().into(),
        state_code,
        organisation_id,
        email: p.email.clone(),
    }
    .into_active_model()
}

pub fn person_of(m: person::Model) -> Result<Person> {
    const T: &str = "persons";
    Ok(Person {
        id: id(T, &m.id)?,
        gender: wire(T, Gender::parse, &m.gender)?,
        affiliation: affiliation_from_columns(T, m.state_code, m.organisation_id)?,
        name: m.name,
        title: m.title,
        email: m.email,
    })
}

pub fn bureau_member_row(b: &BureauMember) -> bureau_member::ActiveModel {
    bureau_member::ActiveModel {
        id: NotSet,
        body_code: Set(b.body.to_string()),
        person_id: Set(b.person.to_string()),
        role: Set(b.role.as_str().into()),
        extended: Set(b.extended),
        term_start: Set(b.term_start),
        term_end: Set(b.term_end),
    }
}

pub fn bureau_member_of(m: bureau_member::Model) -> Result<BureauMember> {
    const T: &str = "bureau_members";
    Ok(BureauMember {
        body: code(T, &m.body_code)?,
        person: id(T, &m.person_id)?,
        role: wire(T, BureauRole::parse, &m.role)?,
        extended: m.extended,
        term_start: m.term_start,
        term_end: m.term_end,
    })
}

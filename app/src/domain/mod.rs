//! Quorum's domain: the bodies of the Conference, their sessions and meetings, agendas and
//! documents, the workplan of the political declaration, panels, nominations and contributions.
//!
//! Pure code only — no leptos, sea-orm, axum or tokio — so it compiles to WASM for instant hints.

/// Accounts and what each role may do.
pub mod account;
/// Agenda items and documents.
pub mod agenda;
/// Balance of selections against the Bureau's targets.
pub mod balance;
/// The Conference and its subsidiary bodies.
pub mod body;
/// The conflict engine and free-slot finder, across every body.
pub mod conflicts;
/// The whole dataset as one document: what import and export carry, and its validation.
pub mod dataset;
/// Which meetings and deadlines each feed holds.
pub mod feeds;
/// iCalendar feeds: model, rendering, time zones.
pub mod ical;
/// Record keys and the closed lists of values.
pub mod id;
/// The words a person reads for a coded value.
pub mod label;
/// Meetings, joint meetings included.
pub mod meeting;
/// What a reader sees of a nomination, and what changed since they saw it.
pub mod nomination_seen;
/// The nomination workflow's rules.
pub mod nominations;
/// English ordinal words for session titles.
pub mod ordinal;
/// Days and positions of calendar pages and the timeline.
pub mod page_dates;
/// Panels, calls for nominations, nominations and contributions.
pub mod panel;
/// Sets of paragraphs of the political declaration ("11, 13, 18", "16–19").
pub mod paragraphs;
/// States parties, organisations and affiliations.
pub mod party;
/// Persons and Bureau seats.
pub mod person;
/// Who may read which records and fields.
pub mod policy;
/// Sessions and their titles.
pub mod session;
/// Venues, rooms and closures.
pub mod venue;
/// How dates and other values read on a page.
pub mod wording;
/// The political declaration and the multi-year workplan.
pub mod workplan;

pub use agenda::{AgendaItem, AgendaStatus, Document};
pub use body::{Body, BodyCode, TitleStyle};
pub use dataset::Dataset;
pub use id::Id;
pub use meeting::{Meeting, MeetingStatus, MeetingType};
pub use panel::{
    CallForNominations, Contribution, ContributionTally, Nomination, NominationStatus, Panel,
};
pub use party::{Affiliation, Organisation, OrganisationKind, RegionalGroup, StateParty};
pub use person::{BureauMember, BureauRole, Gender, Person};
pub use session::{
    Language, Registration, Session, SessionDates, SessionFormat, SessionKind, SessionStatus,
};
pub use venue::{Closure, Room, TimeWindow, Venue};
pub use workplan::{
    DeclarationParagraph, DeclarationSection, ParagraphSet, Workplan, WorkplanEntry, WorkplanStatus,
};

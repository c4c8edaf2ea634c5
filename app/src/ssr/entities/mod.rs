//! One module per table, each in a file of its own, written to match the migrations. Relations
//! are expressed as explicit queries in the services rather than sea-orm relation enums: the
//! joins Quorum needs are few.

pub mod body;

/// The parts every entity without sea-orm relations repeats; declared before the modules that
/// use it.
macro_rules! plain_entity {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}
        impl ActiveModelBehavior for ActiveModel {}
    };
}

pub mod agenda_item;
pub mod audit_entry;
pub mod auth_session;
pub mod bureau_member;
pub mod call_for_nominations;
pub mod conflict_acceptance;
pub mod contribution;
pub mod contribution_tally;
pub mod data_version;
pub mod declaration_paragraph;
pub mod declaration_section;
pub mod document;
pub mod failed_login;
pub mod feed_token;
pub mod meeting;
pub mod meeting_participant;
pub mod meeting_session;
pub mod nomination;
pub mod organisation;
pub mod outbox_message;
pub mod panel;
pub mod panel_panellist;
pub mod person;
pub mod room;
pub mod session;
pub mod setting;
pub mod state_party;
pub mod throttle_lock;
pub mod user;
pub mod venue;
pub mod venue_closure;
pub mod workplan;
pub mod workplan_entry;
pub mod workplan_entry_body;

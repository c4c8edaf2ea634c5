//! One module per table, written to match the migrations. Relations are expressed as explicit
//! queries in the services rather than sea-orm relation enums: the joins Quorum needs are few.

pub mod body;

/// The parts every entity without sea-orm relations repeats.
macro_rules! plain_entity {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}
        impl ActiveModelBehavior for ActiveModel {}
    };
}

pub mod state_party {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "states_parties")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub iso_code: String,
        pub name: String,
        pub regional_group: String,
    }
    plain_entity!();
}

pub mod organisation {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "organisations")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub kind: String,
    }
    plain_entity!();
}

pub mod person {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "persons")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub title: Option<String>,
        pub gender: String,
        pub state_code: Option<String>,
        pub organisation_id: Option<String>,
        pub email: Option<String>,
    }
    plain_entity!();
}

pub mod bureau_member {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "bureau_members")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub body_code: String,
        pub person_id: String,
        pub role: String,
        pub extended: bool,
        pub term_start: Date,
        pub term_end: Option<Date>,
    }
    plain_entity!();
}

pub mod venue {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
    #[sea_orm(table_name = "venues")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub city: String,
        pub country: String,
        pub time_zone: String,
        pub interpretation_teams: i32,
        pub meeting_windows: Json,
        pub illustrative: bool,
    }
    plain_entity!();
}

pub mod room {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "rooms")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub venue_id: String,
        pub name: String,
        pub capacity: i32,
        pub interpretation_booths: i32,
    }
    plain_entity!();
}

pub mod venue_closure {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "venue_closures")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub venue_id: String,
        pub start_date: Date,
        pub end_date: Date,
        pub reason: String,
    }
    plain_entity!();
}

pub mod session {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub body_code: String,
        pub kind: String,
        pub number: Option<i32>,
        pub resumed: Option<i32>,
        pub subject: Option<String>,
        pub venue_id: Option<String>,
        pub format: String,
        pub start_date: Option<Date>,
        pub end_date: Option<Date>,
        pub year: Option<i32>,
        pub status: String,
        pub languages: String,
        pub registration: Option<Json>,
        pub illustrative: bool,
        pub notes: Option<String>,
    }
    plain_entity!();
}

pub mod meeting {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "meetings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub title: String,
        pub kind: String,
        pub venue_id: String,
        pub room_id: Option<String>,
        pub starts_at: DateTimeUtc,
        pub ends_at: DateTimeUtc,
        pub interpretation: bool,
        pub illustrative: bool,
        pub status: String,
        pub sequence: i32,
        pub updated_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod meeting_session {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "meeting_sessions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub meeting_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub session_id: String,
    }
    plain_entity!();
}

pub mod agenda_item {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "agenda_items")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub session_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub number: String,
        pub title: String,
        pub standing: bool,
        pub status: String,
        pub illustrative: bool,
    }
    plain_entity!();
}

pub mod document {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "documents")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub symbol: String,
        pub title: String,
        pub date: Option<Date>,
        pub languages: String,
        pub session_id: Option<String>,
        pub agenda_item: Option<String>,
    }
    plain_entity!();
}

pub mod declaration_section {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "declaration_sections")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub title: String,
        pub position: i32,
    }
    plain_entity!();
}

pub mod declaration_paragraph {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "declaration_paragraphs")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub number: i32,
        pub section_id: Option<String>,
    }
    plain_entity!();
}

pub mod workplan {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "workplans")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub title: String,
        pub status: String,
        pub silence_deadline: Option<Date>,
        pub decided_on: Option<Date>,
    }
    plain_entity!();
}

pub mod workplan_entry {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
    #[sea_orm(table_name = "workplan_entries")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub year: Option<i32>,
        pub session_id: Option<String>,
        pub paragraphs: String,
        pub sections: String,
        pub topics: Json,
        pub agreed_by_extended_bureau: bool,
        pub notes: Option<String>,
        pub position: i32,
    }
    plain_entity!();
}

pub mod workplan_entry_body {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "workplan_entry_bodies")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub entry_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub body_code: String,
    }
    plain_entity!();
}

pub mod panel {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "panels")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub meeting_id: String,
        pub topic: String,
        pub workplan_entry_id: Option<String>,
        pub moderator_id: Option<String>,
        pub planned_size: Option<i32>,
        pub notes: Option<String>,
        pub position: i32,
    }
    plain_entity!();
}

pub mod panel_panellist {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "panel_panellists")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub panel_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub person_id: String,
        pub position: i32,
    }
    plain_entity!();
}

pub mod call_for_nominations {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "calls_for_nominations")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub note_verbale_date: Date,
        pub deadline: Date,
        pub panel_id: Option<String>,
        pub topic: Option<String>,
        pub quota_per_state: Option<i32>,
    }
    plain_entity!();
}

pub mod nomination {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "nominations")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub call_id: String,
        pub nominator_state: Option<String>,
        pub nominator_organisation: Option<String>,
        pub nominee_id: String,
        pub justification: String,
        pub biography: Option<String>,
        pub status: String,
        pub submitted_at: Option<DateTimeUtc>,
        pub decision_note: Option<String>,
        pub message_to_state: Option<String>,
        pub released: bool,
    }
    plain_entity!();
}

pub mod contribution {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "contributions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub contributor_state: Option<String>,
        pub contributor_organisation: Option<String>,
        pub date: Date,
        pub title: String,
        pub link: Option<String>,
        pub paragraphs: String,
    }
    plain_entity!();
}

pub mod contribution_tally {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "contribution_tallies")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub as_of: Date,
        pub states_parties: i32,
        pub organisations: i32,
        pub note: String,
    }
    plain_entity!();
}

pub mod meeting_participant {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "meeting_participants")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub meeting_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub person_id: String,
    }
    plain_entity!();
}

pub mod setting {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
    #[sea_orm(table_name = "settings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub key: String,
        pub value: Json,
    }
    plain_entity!();
}

pub mod conflict_acceptance {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "conflict_acceptances")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub conflict_id: String,
        pub fingerprint: String,
        pub reason: String,
        pub accepted_by: String,
        pub accepted_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod feed_token {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "feed_tokens")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub kind: String,
        pub subject: String,
        pub created_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod data_version {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "data_version")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub version: i64,
    }
    plain_entity!();
}

pub mod user {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "users")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub email: String,
        pub name: String,
        pub password_hash: String,
        pub role: String,
        pub body_code: Option<String>,
        pub state_code: Option<String>,
        pub organisation_id: Option<String>,
        pub person_id: Option<String>,
        pub created_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod auth_session {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "auth_sessions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub user_id: i32,
        pub csrf_token: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod failed_login {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "failed_logins")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub email: String,
        /// The client's address, as the throttle keys it (`throttle::Client`); rows of
        /// backups from before it count for a client no request is, as the migration's do.
        #[serde(default = "before_clients")]
        pub client: String,
        pub at: DateTimeUtc,
    }
    fn before_clients() -> String {
        "before-clients".into()
    }
    plain_entity!();
}

/// One row per client, locked while an attempt of that client is counted and recorded, so that
/// parallel attempts are counted one after another (`throttle::begin_attempt`). It holds no
/// data worth a backup.
pub mod throttle_lock {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "throttle_locks")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub client: String,
        pub at: DateTimeUtc,
    }
    plain_entity!();
}

pub mod audit_entry {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub at: DateTimeUtc,
        pub actor: String,
        pub action: String,
        pub record: String,
        pub before: Option<Json>,
        pub after: Option<Json>,
    }
    plain_entity!();
}

pub mod outbox_message {
    use sea_orm::entity::prelude::*;
    #[derive(
        Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize,
    )]
    #[sea_orm(table_name = "outbox")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub created_at: DateTimeUtc,
        pub kind: String,
        pub recipient: String,
        pub subject: String,
        pub body: String,
    }
    plain_entity!();
}

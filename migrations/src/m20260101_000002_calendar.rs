//! The calendar of the Conference: States parties, organisations, persons and Bureaus, venues,
//! sessions, meetings, agendas, documents, the political declaration and its workplan, panels,
//! calls for nominations, nominations and contributions.
//!
//! Keys are the stable text keys people use (`irg-14`, `CAC/COSP/2023/1`); lists that are never
//! queried on their own (languages, topics) are stored as text in one column.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(
    name: &str,
    from: (impl IntoIden + 'static, impl IntoIden + 'static),
    to: (impl IntoIden + 'static, impl IntoIden + 'static),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn key(col: impl IntoIden) -> ColumnDef {
    string_len(col, 64)
}

fn key_null(col: impl IntoIden) -> ColumnDef {
    string_len_null(col, 64)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            Table::create()
                .table(StatesParties::Table)
                .col(string_len(StatesParties::IsoCode, 2).primary_key())
                .col(string(StatesParties::Name))
                .col(string_len(StatesParties::RegionalGroup, 32))
                .to_owned(),
            Table::create()
                .table(Organisations::Table)
                .col(key(Organisations::Id).primary_key())
                .col(string(Organisations::Name))
                .col(string_len(Organisations::Kind, 32))
                .to_owned(),
            Table::create()
                .table(Persons::Table)
                .col(key(Persons::Id).primary_key())
                .col(string(Persons::Name))
                .col(string_null(Persons::Title))
                .col(string_len(Persons::Gender, 16))
                .col(string_len_null(Persons::StateCode, 2))
                .col(key_null(Persons::OrganisationId))
                .col(string_null(Persons::Email))
                .foreign_key(&mut fk(
                    "fk_persons_state",
                    (Persons::Table, Persons::StateCode),
                    (StatesParties::Table, StatesParties::IsoCode),
                ))
                .foreign_key(&mut fk(
                    "fk_persons_organisation",
                    (Persons::Table, Persons::OrganisationId),
                    (Organisations::Table, Organisations::Id),
                ))
                .to_owned(),
            Table::create()
                .table(BureauMembers::Table)
                .col(pk_auto(BureauMembers::Id))
                .col(string_len(BureauMembers::BodyCode, 32))
                .col(key(BureauMembers::PersonId))
                .col(string_len(BureauMembers::Role, 16))
                .col(boolean(BureauMembers::Extended))
                .col(date(BureauMembers::TermStart))
                .col(date_null(BureauMembers::TermEnd))
                .foreign_key(&mut fk(
                    "fk_bureau_body",
                    (BureauMembers::Table, BureauMembers::BodyCode),
                    (Bodies::Table, Bodies::Code),
                ))
                .foreign_key(&mut fk(
                    "fk_bureau_person",
                    (BureauMembers::Table, BureauMembers::PersonId),
                    (Persons::Table, Persons::Id),
                ))
                .to_owned(),
            Table::create()
                .table(Venues::Table)
                .col(key(Venues::Id).primary_key())
                .col(string(Venues::Name))
                .col(string(Venues::City))
                .col(string_len(Venues::Country, 2))
                .col(string_len(Venues::TimeZone, 64))
                .col(integer(Venues::InterpretationTeams))
                .col(json(Venues::MeetingWindows))
                .col(boolean(Venues::Illustrative))
                .to_owned(),
            Table::create()
                .table(Rooms::Table)
                .col(key(Rooms::Id).primary_key())
                .col(key(Rooms::VenueId))
                .col(string(Rooms::Name))
                .col(integer(Rooms::Capacity))
                .col(integer(Rooms::InterpretationBooths))
                .foreign_key(&mut fk(
                    "fk_rooms_venue",
                    (Rooms::Table, Rooms::VenueId),
                    (Venues::Table, Venues::Id),
                ))
                .to_owned(),
            Table::create()
                .table(VenueClosures::Table)
                .col(pk_auto(VenueClosures::Id))
                .col(key(VenueClosures::VenueId))
                .col(date(VenueClosures::StartDate))
                .col(date(VenueClosures::EndDate))
                .col(string(VenueClosures::Reason))
                .foreign_key(&mut fk(
                    "fk_closures_venue",
                    (VenueClosures::Table, VenueClosures::VenueId),
                    (Venues::Table, Venues::Id),
                ))
                .to_owned(),
            Table::create()
                .table(Sessions::Table)
                .col(key(Sessions::Id).primary_key())
                .col(string_len(Sessions::BodyCode, 32))
                .col(string_len(Sessions::Kind, 16))
                .col(integer_null(Sessions::Number))
                .col(integer_null(Sessions::Resumed))
                .col(string_null(Sessions::Subject))
                .col(key_null(Sessions::VenueId))
                .col(string_len(Sessions::Format, 16))
                .col(date_null(Sessions::StartDate))
                .col(date_null(Sessions::EndDate))
                .col(integer_null(Sessions::Year))
                .col(string_len(Sessions::Status, 16))
                .col(string_len(Sessions::Languages, 32))
                .col(json_null(Sessions::Registration))
                .col(boolean(Sessions::Illustrative))
                .col(text_null(Sessions::Notes))
                .foreign_key(&mut fk(
                    "fk_sessions_body",
                    (Sessions::Table, Sessions::BodyCode),
                    (Bodies::Table, Bodies::Code),
                ))
                .foreign_key(&mut fk(
                    "fk_sessions_venue",
                    (Sessions::Table, Sessions::VenueId),
                    (Venues::Table, Venues::Id),
                ))
                .to_owned(),
            Table::create()
                .table(Meetings::Table)
                .col(key(Meetings::Id).primary_key())
                .col(string(Meetings::Title))
                .col(string_len(Meetings::Kind, 32))
                .col(key(Meetings::VenueId))
                .col(key_null(Meetings::RoomId))
                .col(timestamp_with_time_zone(Meetings::StartsAt))
                .col(timestamp_with_time_zone(Meetings::EndsAt))
                .col(boolean(Meetings::Interpretation))
                .col(boolean(Meetings::Illustrative))
                .col(string_len(Meetings::Status, 16))
                .col(integer(Meetings::Sequence))
                .col(timestamp_with_time_zone(Meetings::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_meetings_venue",
                    (Meetings::Table, Meetings::VenueId),
                    (Venues::Table, Venues::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_meetings_room",
                    (Meetings::Table, Meetings::RoomId),
                    (Rooms::Table, Rooms::Id),
                ))
                .to_owned(),
            Table::create()
                .table(MeetingSessions::Table)
                .col(key(MeetingSessions::MeetingId))
                .col(key(MeetingSessions::SessionId))
                .primary_key(
                    Index::create()
                        .col(MeetingSessions::MeetingId)
                        .col(MeetingSessions::SessionId),
                )
                .foreign_key(&mut fk(
                    "fk_meeting_sessions_meeting",
                    (MeetingSessions::Table, MeetingSessions::MeetingId),
                    (Meetings::Table, Meetings::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_meeting_sessions_session",
                    (MeetingSessions::Table, MeetingSessions::SessionId),
                    (Sessions::Table, Sessions::Id),
                ))
                .to_owned(),
            Table::create()
                .table(MeetingParticipants::Table)
                .col(key(MeetingParticipants::MeetingId))
                .col(key(MeetingParticipants::PersonId))
                .primary_key(
                    Index::create()
                        .col(MeetingParticipants::MeetingId)
                        .col(MeetingParticipants::PersonId),
                )
                .foreign_key(&mut fk(
                    "fk_participants_meeting",
                    (MeetingParticipants::Table, MeetingParticipants::MeetingId),
                    (Meetings::Table, Meetings::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_participants_person",
                    (MeetingParticipants::Table, MeetingParticipants::PersonId),
                    (Persons::Table, Persons::Id),
                ))
                .to_owned(),
            Table::create()
                .table(AgendaItems::Table)
                .col(key(AgendaItems::SessionId))
                .col(string_len(AgendaItems::Number, 16))
                .col(text(AgendaItems::Title))
                .col(boolean(AgendaItems::Standing))
                .col(string_len(AgendaItems::Status, 16))
                .col(boolean(AgendaItems::Illustrative))
                .primary_key(
                    Index::create()
                        .col(AgendaItems::SessionId)
                        .col(AgendaItems::Number),
                )
                .foreign_key(&mut fk(
                    "fk_agenda_session",
                    (AgendaItems::Table, AgendaItems::SessionId),
                    (Sessions::Table, Sessions::Id),
                ))
                .to_owned(),
            Table::create()
                .table(Documents::Table)
                .col(string_len(Documents::Symbol, 64).primary_key())
                .col(text(Documents::Title))
                .col(date_null(Documents::Date))
                .col(string_len(Documents::Languages, 32))
                .col(key_null(Documents::SessionId))
                .col(string_len_null(Documents::AgendaItem, 16))
                .foreign_key(&mut fk(
                    "fk_documents_session",
                    (Documents::Table, Documents::SessionId),
                    (Sessions::Table, Sessions::Id),
                ))
                .to_owned(),
            Table::create()
                .table(DeclarationSections::Table)
                .col(key(DeclarationSections::Id).primary_key())
                .col(string(DeclarationSections::Title))
                .col(integer(DeclarationSections::Position))
                .to_owned(),
            Table::create()
                .table(DeclarationParagraphs::Table)
                .col(integer(DeclarationParagraphs::Number).primary_key())
                .col(key_null(DeclarationParagraphs::SectionId))
                .foreign_key(&mut fk(
                    "fk_paragraphs_section",
                    (
                        DeclarationParagraphs::Table,
                        DeclarationParagraphs::SectionId,
                    ),
                    (DeclarationSections::Table, DeclarationSections::Id),
                ))
                .to_owned(),
            Table::create()
                .table(Workplans::Table)
                .col(integer(Workplans::Id).primary_key())
                .col(text(Workplans::Title))
                .col(string_len(Workplans::Status, 32))
                .col(date_null(Workplans::SilenceDeadline))
                .col(date_null(Workplans::DecidedOn))
                .to_owned(),
            Table::create()
                .table(WorkplanEntries::Table)
                .col(key(WorkplanEntries::Id).primary_key())
                .col(integer_null(WorkplanEntries::Year))
                .col(key_null(WorkplanEntries::SessionId))
                .col(string(WorkplanEntries::Paragraphs))
                .col(string(WorkplanEntries::Sections))
                .col(json(WorkplanEntries::Topics))
                .col(boolean(WorkplanEntries::AgreedByExtendedBureau))
                .col(text_null(WorkplanEntries::Notes))
                .col(integer(WorkplanEntries::Position))
                .foreign_key(&mut fk(
                    "fk_workplan_session",
                    (WorkplanEntries::Table, WorkplanEntries::SessionId),
                    (Sessions::Table, Sessions::Id),
                ))
                .to_owned(),
            Table::create()
                .table(WorkplanEntryBodies::Table)
                .col(key(WorkplanEntryBodies::EntryId))
                .col(string_len(WorkplanEntryBodies::BodyCode, 32))
                .primary_key(
                    Index::create()
                        .col(WorkplanEntryBodies::EntryId)
                        .col(WorkplanEntryBodies::BodyCode),
                )
                .foreign_key(&mut fk(
                    "fk_entry_bodies_entry",
                    (WorkplanEntryBodies::Table, WorkplanEntryBodies::EntryId),
                    (WorkplanEntries::Table, WorkplanEntries::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_entry_bodies_body",
                    (WorkplanEntryBodies::Table, WorkplanEntryBodies::BodyCode),
                    (Bodies::Table, Bodies::Code),
                ))
                .to_owned(),
            Table::create()
                .table(Panels::Table)
                .col(key(Panels::Id).primary_key())
                .col(key(Panels::MeetingId))
                .col(text(Panels::Topic))
                .col(key_null(Panels::WorkplanEntryId))
                .col(key_null(Panels::ModeratorId))
                .col(integer_null(Panels::PlannedSize))
                .col(text_null(Panels::Notes))
                .col(integer(Panels::Position))
                .foreign_key(&mut fk(
                    "fk_panels_meeting",
                    (Panels::Table, Panels::MeetingId),
                    (Meetings::Table, Meetings::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_panels_entry",
                    (Panels::Table, Panels::WorkplanEntryId),
                    (WorkplanEntries::Table, WorkplanEntries::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_panels_moderator",
                    (Panels::Table, Panels::ModeratorId),
                    (Persons::Table, Persons::Id),
                ))
                .to_owned(),
            Table::create()
                .table(PanelPanellists::Table)
                .col(key(PanelPanellists::PanelId))
                .col(key(PanelPanellists::PersonId))
                .col(integer(PanelPanellists::Position))
                .primary_key(
                    Index::create()
                        .col(PanelPanellists::PanelId)
                        .col(PanelPanellists::PersonId),
                )
                .foreign_key(&mut fk(
                    "fk_panellists_panel",
                    (PanelPanellists::Table, PanelPanellists::PanelId),
                    (Panels::Table, Panels::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_panellists_person",
                    (PanelPanellists::Table, PanelPanellists::PersonId),
                    (Persons::Table, Persons::Id),
                ))
                .to_owned(),
            Table::create()
                .table(CallsForNominations::Table)
                .col(key(CallsForNominations::Id).primary_key())
                .col(date(CallsForNominations::NoteVerbaleDate))
                .col(date(CallsForNominations::Deadline))
                .col(key_null(CallsForNominations::PanelId))
                .col(text_null(CallsForNominations::Topic))
                .col(integer_null(CallsForNominations::QuotaPerState))
                .foreign_key(&mut fk(
                    "fk_calls_panel",
                    (CallsForNominations::Table, CallsForNominations::PanelId),
                    (Panels::Table, Panels::Id),
                ))
                .to_owned(),
            Table::create()
                .table(Nominations::Table)
                .col(key(Nominations::Id).primary_key())
                .col(key(Nominations::CallId))
                .col(string_len_null(Nominations::NominatorState, 2))
                .col(key_null(Nominations::NominatorOrganisation))
                .col(key(Nominations::NomineeId))
                .col(text(Nominations::Justification))
                .col(text_null(Nominations::Biography))
                .col(string_len(Nominations::Status, 16))
                .col(timestamp_with_time_zone_null(Nominations::SubmittedAt))
                .col(text_null(Nominations::DecisionNote))
                .col(boolean(Nominations::Released))
                .foreign_key(&mut fk(
                    "fk_nominations_call",
                    (Nominations::Table, Nominations::CallId),
                    (CallsForNominations::Table, CallsForNominations::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_nominations_state",
                    (Nominations::Table, Nominations::NominatorState),
                    (StatesParties::Table, StatesParties::IsoCode),
                ))
                .foreign_key(&mut fk(
                    "fk_nominations_organisation",
                    (Nominations::Table, Nominations::NominatorOrganisation),
                    (Organisations::Table, Organisations::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_nominations_nominee",
                    (Nominations::Table, Nominations::NomineeId),
                    (Persons::Table, Persons::Id),
                ))
                .to_owned(),
            Table::create()
                .table(Contributions::Table)
                .col(key(Contributions::Id).primary_key())
                .col(string_len_null(Contributions::ContributorState, 2))
                .col(key_null(Contributions::ContributorOrganisation))
                .col(date(Contributions::Date))
                .col(text(Contributions::Title))
                .col(text_null(Contributions::Link))
                .col(string(Contributions::Paragraphs))
                .foreign_key(&mut fk(
                    "fk_contributions_state",
                    (Contributions::Table, Contributions::ContributorState),
                    (StatesParties::Table, StatesParties::IsoCode),
                ))
                .foreign_key(&mut fk(
                    "fk_contributions_organisation",
                    (Contributions::Table, Contributions::ContributorOrganisation),
                    (Organisations::Table, Organisations::Id),
                ))
                .to_owned(),
            Table::create()
                .table(ContributionTallies::Table)
                .col(pk_auto(ContributionTallies::Id))
                .col(date(ContributionTallies::AsOf))
                .col(integer(ContributionTallies::StatesParties))
                .col(integer(ContributionTallies::Organisations))
                .col(text(ContributionTallies::Note))
                .to_owned(),
            Table::create()
                .table(FeedTokens::Table)
                .col(string_len(FeedTokens::TokenHash, 64).primary_key())
                .col(string_len(FeedTokens::Kind, 16))
                .col(string_len(FeedTokens::Subject, 64))
                .col(timestamp_with_time_zone(FeedTokens::CreatedAt))
                .index(
                    Index::create()
                        .name("idx_feed_tokens_subject")
                        .col(FeedTokens::Kind)
                        .col(FeedTokens::Subject)
                        .unique(),
                )
                .to_owned(),
            Table::create()
                .table(DataVersion::Table)
                .col(integer(DataVersion::Id).primary_key())
                .col(big_integer(DataVersion::Version))
                .to_owned(),
            Table::create()
                .table(Settings::Table)
                .col(string_len(Settings::Key, 64).primary_key())
                .col(json(Settings::Value))
                .to_owned(),
            Table::create()
                .table(ConflictAcceptances::Table)
                .col(string_len(ConflictAcceptances::ConflictId, 255).primary_key())
                .col(text(ConflictAcceptances::Fingerprint))
                .col(text(ConflictAcceptances::Reason))
                .col(string(ConflictAcceptances::AcceptedBy))
                .col(timestamp_with_time_zone(ConflictAcceptances::AcceptedAt))
                .to_owned(),
        ];
        for table in tables {
            m.create_table(table).await?;
        }
        let indexes = [
            Index::create()
                .name("idx_sessions_body")
                .table(Sessions::Table)
                .col(Sessions::BodyCode)
                .to_owned(),
            Index::create()
                .name("idx_sessions_start")
                .table(Sessions::Table)
                .col(Sessions::StartDate)
                .to_owned(),
            Index::create()
                .name("idx_meetings_start")
                .table(Meetings::Table)
                .col(Meetings::StartsAt)
                .to_owned(),
            Index::create()
                .name("idx_meeting_sessions_session")
                .table(MeetingSessions::Table)
                .col(MeetingSessions::SessionId)
                .to_owned(),
            Index::create()
                .name("idx_panels_meeting")
                .table(Panels::Table)
                .col(Panels::MeetingId)
                .to_owned(),
            Index::create()
                .name("idx_nominations_call")
                .table(Nominations::Table)
                .col(Nominations::CallId)
                .to_owned(),
        ];
        for index in indexes {
            m.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables: [DynIden; 27] = [
            FeedTokens::Table.into_iden(),
            DataVersion::Table.into_iden(),
            ConflictAcceptances::Table.into_iden(),
            Settings::Table.into_iden(),
            ContributionTallies::Table.into_iden(),
            Contributions::Table.into_iden(),
            Nominations::Table.into_iden(),
            CallsForNominations::Table.into_iden(),
            PanelPanellists::Table.into_iden(),
            Panels::Table.into_iden(),
            WorkplanEntryBodies::Table.into_iden(),
            WorkplanEntries::Table.into_iden(),
            Workplans::Table.into_iden(),
            DeclarationParagraphs::Table.into_iden(),
            DeclarationSections::Table.into_iden(),
            Documents::Table.into_iden(),
            AgendaItems::Table.into_iden(),
            MeetingParticipants::Table.into_iden(),
            MeetingSessions::Table.into_iden(),
            Meetings::Table.into_iden(),
            Sessions::Table.into_iden(),
            VenueClosures::Table.into_iden(),
            Rooms::Table.into_iden(),
            Venues::Table.into_iden(),
            BureauMembers::Table.into_iden(),
            Persons::Table.into_iden(),
            Organisations::Table.into_iden(),
        ];
        for table in tables {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        m.drop_table(Table::drop().table(StatesParties::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Bodies {
    Table,
    Code,
}
#[derive(DeriveIden)]
enum StatesParties {
    Table,
    IsoCode,
    Name,
    RegionalGroup,
}
#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    Kind,
}
#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
    Name,
    Title,
    Gender,
    StateCode,
    OrganisationId,
    Email,
}
#[derive(DeriveIden)]
enum BureauMembers {
    Table,
    Id,
    BodyCode,
    PersonId,
    Role,
    Extended,
    TermStart,
    TermEnd,
}
#[derive(DeriveIden)]
enum Venues {
    Table,
    Id,
    Name,
    City,
    Country,
    TimeZone,
    InterpretationTeams,
    MeetingWindows,
    Illustrative,
}
#[derive(DeriveIden)]
enum Rooms {
    Table,
    Id,
    VenueId,
    Name,
    Capacity,
    InterpretationBooths,
}
#[derive(DeriveIden)]
enum VenueClosures {
    Table,
    Id,
    VenueId,
    StartDate,
    EndDate,
    Reason,
}
#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    BodyCode,
    Kind,
    Number,
    Resumed,
    Subject,
    VenueId,
    Format,
    StartDate,
    EndDate,
    Year,
    Status,
    Languages,
    Registration,
    Illustrative,
    Notes,
}
#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
    Title,
    Kind,
    VenueId,
    RoomId,
    StartsAt,
    EndsAt,
    Interpretation,
    Illustrative,
    Status,
    Sequence,
    UpdatedAt,
}
#[derive(DeriveIden)]
enum MeetingSessions {
    Table,
    MeetingId,
    SessionId,
}
#[derive(DeriveIden)]
enum AgendaItems {
    Table,
    SessionId,
    Number,
    Title,
    Standing,
    Status,
    Illustrative,
}
#[derive(DeriveIden)]
enum Documents {
    Table,
    Symbol,
    Title,
    Date,
    Languages,
    SessionId,
    AgendaItem,
}
#[derive(DeriveIden)]
enum DeclarationSections {
    Table,
    Id,
    Title,
    Position,
}
#[derive(DeriveIden)]
enum DeclarationParagraphs {
    Table,
    Number,
    SectionId,
}
#[derive(DeriveIden)]
enum Workplans {
    Table,
    Id,
    Title,
    Status,
    SilenceDeadline,
    DecidedOn,
}
#[derive(DeriveIden)]
enum WorkplanEntries {
    Table,
    Id,
    Year,
    SessionId,
    Paragraphs,
    Sections,
    Topics,
    AgreedByExtendedBureau,
    Notes,
    Position,
}
#[derive(DeriveIden)]
enum WorkplanEntryBodies {
    Table,
    EntryId,
    BodyCode,
}
#[derive(DeriveIden)]
enum Panels {
    Table,
    Id,
    MeetingId,
    Topic,
    WorkplanEntryId,
    ModeratorId,
    PlannedSize,
    Notes,
    Position,
}
#[derive(DeriveIden)]
enum PanelPanellists {
    Table,
    PanelId,
    PersonId,
    Position,
}
#[derive(DeriveIden)]
enum CallsForNominations {
    Table,
    Id,
    NoteVerbaleDate,
    Deadline,
    PanelId,
    Topic,
    QuotaPerState,
}
#[derive(DeriveIden)]
enum Nominations {
    Table,
    Id,
    CallId,
    NominatorState,
    NominatorOrganisation,
    NomineeId,
    Justification,
    Biography,
    Status,
    SubmittedAt,
    DecisionNote,
    Released,
}
#[derive(DeriveIden)]
enum Contributions {
    Table,
    Id,
    ContributorState,
    ContributorOrganisation,
    Date,
    Title,
    Link,
    Paragraphs,
}
#[derive(DeriveIden)]
enum ContributionTallies {
    Table,
    Id,
    AsOf,
    StatesParties,
    Organisations,
    Note,
}
#[derive(DeriveIden)]
enum MeetingParticipants {
    Table,
    MeetingId,
    PersonId,
}
#[derive(DeriveIden)]
enum Settings {
    Table,
    Key,
    Value,
}
#[derive(DeriveIden)]
enum ConflictAcceptances {
    Table,
    ConflictId,
    Fingerprint,
    Reason,
    AcceptedBy,
    AcceptedAt,
}
#[derive(DeriveIden)]
enum FeedTokens {
    Table,
    TokenHash,
    Kind,
    Subject,
    CreatedAt,
}
#[derive(DeriveIden)]
enum DataVersion {
    Table,
    Id,
    Version,
}

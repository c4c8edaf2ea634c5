use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    TransactionTrait,
};

use super::rows::*;

use super::entities::*;

use super::{bodies, queries};

use crate::domain::{dataset::DATASET_FORMAT, Dataset};

use crate::error::QuorumError;

/// Rows per INSERT: well under the bound-parameter limits of SQLite and PostgreSQL.
const INSERT_CHUNK: usize = 200;

/// Reads the whole database into one document, in canonical order, inside one transaction so
/// that the export is consistent while others write.
/// The whole stored dataset as of the current data version, shared between requests: read
/// again from the database only when a write (through any instance) raised the version, so a
/// page costs one small query while nothing changes.
pub async fn snapshot(db: &DatabaseConnection) -> Result<std::sync::Arc<Dataset>, QuorumError> {
    let version = super::data_version::recent(db).await?;
    snapshot_since(db, version).await
}

/// The whole stored dataset as of `version` or later. After a write, many requests miss at
/// once: one of them reads the database while the others wait for its result, so a burst of
/// readers costs one read, not one each (which would starve writers of connections).
pub async fn snapshot_since(
    db: &DatabaseConnection,
    version: i64,
) -> Result<std::sync::Arc<Dataset>, QuorumError> {
    static SNAPSHOT: super::data_version::VersionCache<Dataset> =
        super::data_version::VersionCache::new();
    static READING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    if let Some(data) = SNAPSHOT.get_at_least(version) {
        return Ok(data);
    }
    let _reading = READING.lock().await;
    if let Some(data) = SNAPSHOT.get_at_least(version) {
        return Ok(data);
    }
    let (version, data) = export_versioned(db).await?;
    Ok(SNAPSHOT.put(version, data))
}

/// The whole stored dataset as of now, read in one snapshot: every write has been checked
/// against it. Shares the read of this version with pages and feeds when they made it already.
pub async fn export(db: &DatabaseConnection) -> Result<Dataset, QuorumError> {
    let version = super::data_version::current(db).await?;
    Ok((*snapshot_since(db, version).await?).clone())
}

/// The dataset and the data version it was read at, from one snapshot.
async fn export_versioned(db: &DatabaseConnection) -> Result<(i64, Dataset), QuorumError> {
    let txn = begin_snapshot(db).await?;
    let version = super::data_version::current(&txn).await?;
    let mut data = load(&txn).await?;
    txn.commit().await?;
    data.canonicalize();
    Ok((version, data))
}

/// A read-only transaction that sees one snapshot of the database while others write.
pub async fn begin_snapshot(
    db: &DatabaseConnection,
) -> Result<sea_orm::DatabaseTransaction, QuorumError> {
    // PostgreSQL's default isolation gives each statement its own snapshot: ask for one snapshot
    // for the whole read. A SQLite transaction reads one snapshot already.
    Ok(match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            db.begin_with_config(
                Some(sea_orm::IsolationLevel::RepeatableRead),
                Some(sea_orm::AccessMode::ReadOnly),
            )
            .await?
        }
        _ => db.begin().await?,
    })
}

async fn load(db: &impl ConnectionTrait) -> Result<Dataset, QuorumError> {
    Ok(Dataset {
        format: DATASET_FORMAT,
        bodies: bodies::list(db).await?,
        states_parties: all(db, state_party::Entity, state_party_of).await?,
        organisations: all(db, organisation::Entity, organisation_of).await?,
        persons: all(db, person::Entity, person_of).await?,
        bureau_members: all(db, bureau_member::Entity, bureau_member_of).await?,
        venues: queries::venues(db).await?,
        sessions: all(db, session::Entity, session_of).await?,
        meetings: queries::meetings(db, &queries::Filter::default()).await?,
        agenda_items: all(db, agenda_item::Entity, agenda_item_of).await?,
        documents: all(db, document::Entity, document_of).await?,
        declaration_sections: all(db, declaration_section::Entity, section_of).await?,
        declaration_paragraphs: all(db, declaration_paragraph::Entity, paragraph_of).await?,
        workplan: workplan::Entity::find()
            .one(db)
            .await?
            .map(workplan_of)
            .transpose()?,
        workplan_entries: queries::workplan_entries(db, &queries::Filter::default()).await?,
        panels: queries::panels(db, &queries::Filter::default()).await?,
        calls_for_nominations: all(db, call_for_nominations::Entity, call_of).await?,
        nominations: all(db, nomination::Entity, nomination_of).await?,
        contributions: all(db, contribution::Entity, contribution_of).await?,
        contribution_tallies: contribution_tally::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(tally_of)
            .collect(),
        conflict_rules: super::conflict_rules::stored_rules(db).await?,
        conflict_acceptances: conflict_acceptance::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(acceptance_of)
            .collect(),
    })
}

/// Every row of a table, converted.
async fn all<E, T>(
    db: &impl ConnectionTrait,
    _entity: E,
    convert: fn(E::Model) -> Result<T, QuorumError>,
) -> Result<Vec<T>, QuorumError>
where
    E: EntityTrait,
{
    E::find().all(db).await?.into_iter().map(convert).collect()
}

/// Parses a document, naming the line and column of a syntax error.
pub fn parse(json: &str) -> Result<Dataset, QuorumError> {
    serde_json::from_str(json).map_err(|e| QuorumError::BadRequest(format!("import JSON: {e}")))
}

/// Whether the database holds no data yet.
pub async fn is_empty(db: &impl ConnectionTrait) -> Result<bool, QuorumError> {
    Ok(body::Entity::find().count(db).await? == 0)
}

/// Validates the whole document, then writes it in one transaction into an empty database:
/// all or nothing.
pub async fn import(db: &DatabaseConnection, data: &Dataset) -> Result<(), QuorumError> {
    data.validate()?;
    let mut data = data.clone();
    let now = chrono::Utc::now();
    for meeting in &mut data.meetings {
        meeting.updated_at.get_or_insert(now);
    }
    let data = &data;
    let txn = db.begin().await?;
    if !is_empty(&txn).await? {
        return Err(QuorumError::invalid(
            "dataset",
            "bodies",
            "the database already holds data; import needs an empty database",
        ));
    }
    insert_all(
        &txn,
        data.bodies_parents_first()
            .into_iter()
            .map(body::ActiveModel::from)
            .collect(),
    )
    .await?;
    insert_all(
        &txn,
        data.states_parties.iter().map(state_party_row).collect(),
    )
    .await?;
    insert_all(
        &txn,
        data.organisations.iter().map(organisation_row).collect(),
    )
    .await?;
    insert_all(&txn, data.persons.iter().map(person_row).collect()).await?;
    insert_all(
        &txn,
        data.bureau_members.iter().map(bureau_member_row).collect(),
    )
    .await?;
    insert_all(&txn, data.venues.iter().map(venue_row).collect()).await?;
    insert_all(
        &txn,
        data.venues
            .iter()
            .flat_map(|v| v.rooms.iter().map(move |r| room_row(v, r)))
            .collect(),
    )
    .await?;
    insert_all(
        &txn,
        data.venues
            .iter()
            .flat_map(|v| v.closures.iter().map(move |c| closure_row(v, c)))
            .collect(),
    )
    .await?;
    insert_all(&txn, data.sessions.iter().map(session_row).collect()).await?;
    insert_all(&txn, data.meetings.iter().map(meeting_row).collect()).await?;
    insert_all(
        &txn,
        data.meetings
            .iter()
            .flat_map(meeting_session_rows)
            .collect(),
    )
    .await?;
    insert_all(
        &txn,
        data.agenda_items.iter().map(agenda_item_row).collect(),
    )
    .await?;
    insert_all(&txn, data.documents.iter().map(document_row).collect()).await?;
    insert_all(
        &txn,
        data.declaration_sections.iter().map(section_row).collect(),
    )
    .await?;
    insert_all(
        &txn,
        data.declaration_paragraphs
            .iter()
            .map(paragraph_row)
            .collect(),
    )
    .await?;
    insert_all(&txn, data.workplan.iter().map(workplan_row).collect()).await?;
    insert_all(
        &txn,
        data.workplan_entries
            .iter()
            .map(workplan_entry_row)
            .collect(),
    )
    .await?;
    insert_all(
        &txn,
        data.workplan_entries
            .iter()
            .flat_map(workplan_entry_body_rows)
            .collect(),
    )
    .await?;
    insert_all(&txn, data.panels.iter().map(panel_row).collect()).await?;
    insert_all(&txn, data.panels.iter().flat_map(panellist_rows).collect()).await?;
    insert_all(
        &txn,
        data.calls_for_nominations.iter().map(call_row).collect(),
    )
    .await?;
    insert_all(&txn, data.nominations.iter().map(nomination_row).collect()).await?;
    insert_all(
        &txn,
        data.contributions.iter().map(contribution_row).collect(),
    )
    .await?;
    insert_all(
        &txn,
        data.contribution_tallies.iter().map(tally_row).collect(),
    )
    .await?;
    insert_all(&txn, data.conflict_rules.iter().map(rules_row).collect()).await?;
    insert_all(
        &txn,
        data.conflict_acceptances
            .iter()
            .map(acceptance_row)
            .collect(),
    )
    .await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Inserts rows in chunks of [`INSERT_CHUNK`].
async fn insert_all<A>(db: &impl ConnectionTrait, rows: Vec<A>) -> Result<(), QuorumError>
where
    A: ActiveModelTrait + Send,
    <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(INSERT_CHUNK).collect();
        A::Entity::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// An import by a signed-in user: the secretariat only, recorded in the audit log.
pub async fn import_as(
    db: &DatabaseConnection,
    actor: &crate::domain::account::Account,
    data: &Dataset,
) -> Result<(), QuorumError> {
    if !actor.is_secretariat() {
        return Err(QuorumError::Forbidden(
            "only the secretariat imports data".into(),
        ));
    }
    import(db, data).await?;
    let counts = serde_json::to_value(data.counts()).ok();
    super::audit::record(db, actor, "dataset imported", "dataset", None, counts).await
}

//! Backup and restore of everything Quorum stores — the calendar, nominations, accounts, audit
//! log, outbox, feed tokens and settings — as one JSON file that either backend reads.
//!
//! A backup reads one snapshot while the servers go on writing, so it is consistent without
//! stopping them. A restore writes every row in one transaction: into an empty database, or,
//! when asked, over the current contents, which it removes in the same transaction. Either all
//! of the backup is there afterwards or nothing changed.

use std::collections::BTreeMap;

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, IntoActiveModel, PaginatorTrait, TransactionTrait,
};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::entities::*;
use crate::error::QuorumError;

/// The version of the backup format this build writes and reads.
pub const BACKUP_FORMAT: u32 = 1;

/// Rows per INSERT: well under the bound-parameter limits of SQLite and PostgreSQL.
const INSERT_CHUNK: usize = 100;

/// A whole database: each table's rows by table name.
#[derive(Debug, Serialize, Deserialize)]
pub struct Backup {
    pub quorum_backup: u32,
    pub taken_at: chrono::DateTime<chrono::Utc>,
    pub tables: BTreeMap<String, Vec<serde_json::Value>>,
}

impl Backup {
    /// Rows per table, for reports.
    pub fn counts(&self) -> BTreeMap<&str, usize> {
        self.tables
            .iter()
            .map(|(table, rows)| (table.as_str(), rows.len()))
            .collect()
    }
}

/// Runs `$step::<Entity>($txn, $arg)` for every table, parents before children, so that a
/// restore in this order meets every foreign key.
macro_rules! every_table {
    ($step:ident, $txn:expr, $arg:expr) => {{
        $step::<body::Entity>($txn, $arg).await?;
        $step::<state_party::Entity>($txn, $arg).await?;
        $step::<organisation::Entity>($txn, $arg).await?;
        $step::<person::Entity>($txn, $arg).await?;
        $step::<bureau_member::Entity>($txn, $arg).await?;
        $step::<venue::Entity>($txn, $arg).await?;
        $step::<room::Entity>($txn, $arg).await?;
        $step::<venue_closure::Entity>($txn, $arg).await?;
        $step::<session::Entity>($txn, $arg).await?;
        $step::<meeting::Entity>($txn, $arg).await?;
        $step::<meeting_session::Entity>($txn, $arg).await?;
        $step::<meeting_participant::Entity>($txn, $arg).await?;
        $step::<agenda_item::Entity>($txn, $arg).await?;
        $step::<document::Entity>($txn, $arg).await?;
        $step::<declaration_section::Entity>($txn, $arg).await?;
        $step::<declaration_paragraph::Entity>($txn, $arg).await?;
        $step::<workplan::Entity>($txn, $arg).await?;
        $step::<workplan_entry::Entity>($txn, $arg).await?;
        $step::<workplan_entry_body::Entity>($txn, $arg).await?;
        $step::<panel::Entity>($txn, $arg).await?;
        $step::<panel_panellist::Entity>($txn, $arg).await?;
        $step::<call_for_nominations::Entity>($txn, $arg).await?;
        $step::<nomination::Entity>($txn, $arg).await?;
        $step::<contribution::Entity>($txn, $arg).await?;
        $step::<contribution_tally::Entity>($txn, $arg).await?;
        $step::<feed_token::Entity>($txn, $arg).await?;
        $step::<data_version::Entity>($txn, $arg).await?;
        $step::<setting::Entity>($txn, $arg).await?;
        $step::<conflict_acceptance::Entity>($txn, $arg).await?;
        $step::<user::Entity>($txn, $arg).await?;
        $step::<auth_session::Entity>($txn, $arg).await?;
        $step::<failed_login::Entity>($txn, $arg).await?;
        $step::<outbox_message::Entity>($txn, $arg).await?;
        $step::<audit_entry::Entity>($txn, $arg).await?;
    }};
}

/// Tables whose key the database numbers, and whose counters a restore on PostgreSQL moves past
/// the restored keys.
const NUMBERED_TABLES: [&str; 7] = [
    "bureau_members",
    "venue_closures",
    "contribution_tallies",
    "users",
    "failed_logins",
    "outbox",
    "audit_log",
];

async fn dump<E>(
    txn: &DatabaseTransaction,
    tables: &mut BTreeMap<String, Vec<serde_json::Value>>,
) -> Result<(), QuorumError>
where
    E: EntityTrait,
    E::Model: Serialize,
{
    let rows = E::find()
        .all(txn)
        .await?
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| QuorumError::internal(format!("{}: {e}", E::default().table_name())))?;
    tables.insert(E::default().table_name().to_owned(), rows);
    Ok(())
}

/// Reads every table in one snapshot, while servers go on writing.
pub async fn take(db: &DatabaseConnection) -> Result<Backup, QuorumError> {
    let txn = super::dataset::begin_snapshot(db).await?;
    let mut tables = BTreeMap::new();
    every_table!(dump, &txn, &mut tables);
    txn.commit().await?;
    Ok(Backup {
        quorum_backup: BACKUP_FORMAT,
        taken_at: chrono::Utc::now(),
        tables,
    })
}

/// Parses a backup file, naming what is wrong with it.
pub fn parse(json: &str) -> Result<Backup, QuorumError> {
    let backup: Backup = serde_json::from_str(json)
        .map_err(|e| QuorumError::invalid("backup", "file", format!("not a Quorum backup: {e}")))?;
    if backup.quorum_backup != BACKUP_FORMAT {
        return Err(QuorumError::invalid(
            "backup",
            "quorum_backup",
            format!(
                "format {} is not the format {BACKUP_FORMAT} this version reads",
                backup.quorum_backup
            ),
        ));
    }
    Ok(backup)
}

/// Bodies reporting to another body come after it, so the parent key exists when they arrive.
fn parents_first(rows: &[serde_json::Value]) -> Vec<serde_json::Value> {
    let parent_of: BTreeMap<&str, Option<&str>> = rows
        .iter()
        .filter_map(|r| Some((r["code"].as_str()?, r["parent_code"].as_str())))
        .collect();
    let depth = |code: &str| {
        let mut depth = 0;
        let mut at = parent_of.get(code).copied().flatten();
        while let Some(parent) = at {
            depth += 1;
            if depth > parent_of.len() {
                break; // a cycle: the insert will name it
            }
            at = parent_of.get(parent).copied().flatten();
        }
        depth
    };
    let mut sorted = rows.to_vec();
    sorted.sort_by_key(|r| depth(r["code"].as_str().unwrap_or_default()));
    sorted
}

async fn load<E>(
    txn: &DatabaseTransaction,
    tables: &BTreeMap<String, Vec<serde_json::Value>>,
) -> Result<(), QuorumError>
where
    E: EntityTrait,
    E::Model: DeserializeOwned + IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + ActiveModelBehavior + Send,
{
    let table = E::default().table_name().to_owned();
    let Some(rows) = tables.get(&table) else {
        return Ok(()); // a table this backup did not have stays empty
    };
    let rows = if table == "bodies" {
        parents_first(rows)
    } else {
        rows.clone()
    };
    for (chunk_index, chunk) in rows.chunks(INSERT_CHUNK).enumerate() {
        let models = chunk
            .iter()
            .enumerate()
            .map(|(i, row)| {
                serde_json::from_value::<E::Model>(row.clone())
                    .map(IntoActiveModel::into_active_model)
                    .map_err(|e| {
                        QuorumError::invalid(
                            format!("{table} row {}", chunk_index * INSERT_CHUNK + i + 1),
                            "row",
                            e.to_string(),
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        E::insert_many(models).exec(txn).await?;
    }
    Ok(())
}

async fn table_name<E: EntityTrait>(
    _: &DatabaseTransaction,
    names: &mut Vec<String>,
) -> Result<(), QuorumError> {
    names.push(E::default().table_name().to_owned());
    Ok(())
}

/// Whether the database holds anything a restore would overwrite.
async fn holds_data(db: &impl ConnectionTrait) -> Result<bool, QuorumError> {
    Ok(body::Entity::find().count(db).await? > 0 || user::Entity::find().count(db).await? > 0)
}

/// Writes a backup into the database in one transaction. Without `replace`, the database must
/// be empty; with it, the current contents are removed in the same transaction.
pub async fn restore(
    db: &DatabaseConnection,
    backup: &Backup,
    replace: bool,
) -> Result<(), QuorumError> {
    let txn = db.begin().await?;
    let version_before = super::data_version::current(&txn).await?;
    if holds_data(&txn).await? {
        if !replace {
            return Err(QuorumError::Conflict(
                "the database is not empty: restore into a new database, or pass --replace to \
                 replace its contents"
                    .into(),
            ));
        }
        // A body's parent is itself a body: cut those links so that bodies go at once.
        body::Entity::update_many()
            .col_expr(
                body::Column::ParentCode,
                sea_orm::sea_query::Expr::value(Option::<String>::None),
            )
            .exec(&txn)
            .await?;
        clear_in_reverse(&txn).await?;
    }
    every_table!(load, &txn, &backup.tables);
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        for table in NUMBERED_TABLES {
            txn.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .await?;
        }
    }
    // Pages and feeds cached by running servers read again, under a number never used before.
    super::data_version::raise_past(&txn, version_before).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes every row, children before parents: the reverse of the insert order.
async fn clear_in_reverse(txn: &DatabaseTransaction) -> Result<(), QuorumError> {
    let mut names = Vec::new();
    every_table!(table_name, txn, &mut names);
    for table in names.iter().rev() {
        txn.execute_unprepared(&format!("DELETE FROM {table}"))
            .await?;
    }
    Ok(())
}

//! The nomination workflow over the stored calendar: what a State party's focal point drafts, the
//! steps a nomination goes through, the nominations each reader may see, and the one write every
//! change ends with — load → apply the domain's rule (in `nomination_steps`, `nomination_calls`)
//! → check the whole dataset → write what changed, with an audit entry, in one transaction.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};
use serde::{Deserialize, Serialize};

use super::entities::{call_for_nominations, nomination, panel, panel_panellist, person};
use super::rows::{call_row, nomination_row, panellist_rows, person_row};
use crate::domain::account::Account;
use crate::domain::policy;
use crate::domain::{Dataset, Gender, Id, Nomination, NominationStatus, Person};
use crate::error::QuorumError;

/// A nomination as a focal point drafts it: the nominee's details and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewNomination {
    pub id: Id,
    pub call: Id,
    pub nominee_name: String,
    #[serde(default)]
    pub nominee_title: Option<String>,
    pub nominee_gender: Gender,
    #[serde(default)]
    pub nominee_email: Option<String>,
    pub justification: String,
    #[serde(default)]
    pub biography: Option<String>,
}

/// A step of the workflow on one nomination.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Step {
    Edit {
        justification: String,
        biography: Option<String>,
    },
    Submit,
    Withdraw,
    Review,
    Decide {
        decision: NominationStatus,
        /// The Bureau's internal note, never shown to the State.
        note: Option<String>,
        /// The Bureau's message to the State, shown once released.
        message: Option<String>,
    },
    Confirm,
}

/// A nomination as its reader may see it.
#[derive(Debug, Clone, Serialize)]
pub struct NominationView {
    #[serde(flatten)]
    pub nomination: Nomination,
    pub nominee: Option<Person>,
}

/// Writes what changed between `before` and `after` (calls, persons, nominations, panellists)
/// with an audit entry, in one transaction.
pub(super) async fn persist(
    db: &DatabaseConnection,
    actor: &Account,
    before: &Dataset,
    after: &Dataset,
    action: &str,
    record: &str,
) -> Result<(), QuorumError> {
    after.validate()?;
    let txn = db.begin().await?;
    for call in after
        .calls_for_nominations
        .iter()
        .filter(|c| !before.calls_for_nominations.contains(c))
    {
        call_for_nominations::Entity::delete_by_id(call.id.to_string())
            .exec(&txn)
            .await?;
        call_for_nominations::Entity::insert(call_row(call))
            .exec(&txn)
            .await?;
    }
    for p in after
        .persons
        .iter()
        .filter(|p| !before.persons.iter().any(|b| b.id == p.id))
    {
        person::Entity::insert(person_row(p)).exec(&txn).await?;
    }
    let mut changed = None;
    for n in after
        .nominations
        .iter()
        .filter(|n| !before.nominations.contains(n))
    {
        let old = before.nominations.iter().find(|b| b.id == n.id);
        if let Some(old) = old {
            // Only the row as it was read: when another reviewer's step landed in between,
            // nothing matches and the whole change is refused rather than overwriting it.
            let replaced = nomination::Entity::delete_many()
                .filter(nomination::Column::Id.eq(n.id.to_string()))
                .filter(nomination::Column::Status.eq(old.status.as_str()))
                .filter(nomination::Column::Released.eq(old.released))
                .filter(nomination::Column::Justification.eq(old.justification.clone()))
                .exec(&txn)
                .await?;
            if replaced.rows_affected != 1 {
                return Err(QuorumError::Conflict(format!(
                    "nomination {} changed since you opened it; look again and decide",
                    n.id
                )));
            }
        }
        nomination::Entity::insert(nomination_row(n))
            .exec(&txn)
            .await?;
        if n.id.as_str() == record.trim_start_matches("nomination ") {
            changed = Some((
                old.and_then(|o| serde_json::to_value(o).ok()),
                serde_json::to_value(n).ok(),
            ));
        }
    }
    for panel in after.panels.iter().filter(|p| !before.panels.contains(p)) {
        super::validated_write::lock::<panel::Entity>(&txn, panel.id.to_string()).await?;
        panel_panellist::Entity::delete_many()
            .filter(panel_panellist::Column::PanelId.eq(panel.id.to_string()))
            .exec(&txn)
            .await?;
        for row in panellist_rows(panel) {
            panel_panellist::Entity::insert(row).exec(&txn).await?;
        }
    }
    let (old, new) = changed.unwrap_or((None, None));
    super::audit::record(&txn, actor, action, record, old, new).await?;
    super::data_version::bump(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// The nominations a user may see, as they may see them ([`policy::nomination_for`]): all for
/// the secretariat, their calls' submitted ones for a Bureau member, their own State's for a
/// focal point — with decisions shown only once released.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Account,
) -> Result<Vec<NominationView>, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    Ok(data
        .nominations
        .iter()
        .filter_map(|n| policy::nomination_for(actor, &data, n))
        .map(|nomination| NominationView {
            nominee: data
                .persons
                .iter()
                .find(|p| p.id == nomination.nominee)
                .cloned(),
            nomination,
        })
        .collect())
}

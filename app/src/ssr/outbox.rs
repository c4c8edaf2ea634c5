//! Outgoing messages. No mail server is assumed: messages (decisions, reminders before
//! deadlines) wait in the outbox, which the secretariat reads and exports.

use chrono::{Days, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::entities::{outbox_message, user};
use crate::domain::account::{Account, Role};
use crate::domain::label::Label;
use crate::domain::{Affiliation, Dataset, Nomination};
use crate::error::QuorumError;

/// Adds a message unless the same one to the same recipient is already waiting.
async fn enqueue(
    db: &impl ConnectionTrait,
    kind: &str,
    recipient: &str,
    subject: &str,
    body: &str,
) -> Result<bool, QuorumError> {
    let exists = outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(recipient))
        .filter(outbox_message::Column::Subject.eq(subject))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(false);
    }
    let message = outbox_message::ActiveModel {
        created_at: Set(Utc::now()),
        kind: Set(kind.into()),
        recipient: Set(recipient.into()),
        subject: Set(subject.into()),
        body: Set(body.into()),
        ..Default::default()
    };
    outbox_message::Entity::insert(message).exec(db).await?;
    Ok(true)
}

/// Tells an account holder their password changed, so that a change they did not make is
/// noticed. The message says nothing a reader of the mailbox could use.
pub async fn password_changed(db: &impl ConnectionTrait, email: &str) -> Result<(), QuorumError> {
    let at = Utc::now().format("%Y-%m-%d %H:%M UTC");
    enqueue(
        db,
        "security",
        email,
        &format!("Your Quorum password was changed ({at})"),
        "The password of your Quorum account was changed, and your other sign-ins were ended. \
         If you did not do this, tell the secretariat at once.",
    )
    .await?;
    Ok(())
}

/// The e-mail addresses of a State's focal points.
async fn focal_points(db: &impl ConnectionTrait, state: &str) -> Result<Vec<String>, QuorumError> {
    Ok(user::Entity::find()
        .filter(user::Column::Role.eq(Role::FocalPoint.as_str()))
        .filter(user::Column::StateCode.eq(state))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect())
}

/// Tells the nominating State's focal points of each released decision, naming the nominee
/// and the call: a focal point reads "Decision on the nomination of Anna Berger: accepted".
pub async fn decisions_released(
    db: &impl ConnectionTrait,
    data: &Dataset,
    released: &[Nomination],
) -> Result<(), QuorumError> {
    for n in released {
        let Affiliation::State(state) = &n.nominator else {
            continue;
        };
        let nominee = data
            .persons
            .iter()
            .find(|p| p.id == n.nominee)
            .map_or_else(|| "your nominee".to_owned(), |p| p.name.clone());
        let call = data
            .calls_for_nominations
            .iter()
            .find(|c| c.id == n.call)
            .map_or_else(|| "the call".to_owned(), |c| data.call_named(c));
        let decision = n.status.label();
        let subject = format!("Decision on the nomination of {nominee}: {decision}");
        let decided =
            format!("The Bureau has decided on the nomination of {nominee} to {call}: {decision}.");
        // The Bureau's message to the State, never its internal note.
        let body = match &n.message_to_state {
            Some(note) => format!("{decided}\n\nThe Bureau's message:\n{note}"),
            None => decided,
        };
        for recipient in focal_points(db, state).await? {
            enqueue(db, "decision", &recipient, &subject, &body).await?;
        }
    }
    Ok(())
}

/// The longest look-ahead of reminders, in days: a year, leap day included. Bounded so that
/// the last day reminded of is always a date.
pub const REMINDER_DAYS_MAX: i64 = 366;

/// Reminds every focal point of calls closing within `days` (1 to [`REMINDER_DAYS_MAX`]);
/// returns how many were queued.
pub async fn remind(
    db: &DatabaseConnection,
    actor: &Account,
    days: i64,
) -> Result<usize, QuorumError> {
    if !actor.is_secretariat() {
        return Err(QuorumError::Forbidden(
            "only the secretariat sends reminders".into(),
        ));
    }
    if !(1..=REMINDER_DAYS_MAX).contains(&days) {
        return Err(QuorumError::invalid(
            "reminders",
            "days",
            format!("must be a number of days from 1 to {REMINDER_DAYS_MAX}, not {days}"),
        ));
    }
    let today = Utc::now().date_naive();
    let Some(last_day) = today.checked_add_days(Days::new(days.unsigned_abs())) else {
        return Err(QuorumError::invalid(
            "reminders",
            "days",
            "reaches past the last date Quorum knows",
        ));
    };
    let data: Dataset = super::dataset::export(db).await?;
    let recipients: Vec<String> = user::Entity::find()
        .filter(user::Column::Role.eq(Role::FocalPoint.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect();
    let mut queued = 0;
    for call in data
        .calls_for_nominations
        .iter()
        .filter(|c| c.deadline >= today && c.deadline <= last_day)
    {
        let deadline = crate::domain::wording::dates::day(call.deadline);
        let call_named = data.call_named(call);
        let subject = format!("Reminder: nominations to {call_named} close on {deadline}");
        let body = format!(
            "Nominations to {call_named} close on {deadline}. Focal points nominate on Quorum's \
             nominations page."
        );
        for recipient in &recipients {
            queued += usize::from(enqueue(db, "reminder", recipient, &subject, &body).await?);
        }
    }
    Ok(queued)
}

/// The outbox, oldest first: the secretariat only.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Account,
) -> Result<Vec<outbox_message::Model>, QuorumError> {
    if !actor.is_secretariat() {
        return Err(QuorumError::Forbidden(
            "only the secretariat reads the outbox".into(),
        ));
    }
    Ok(outbox_message::Entity::find()
        .order_by_asc(outbox_message::Column::Id)
        .all(db)
        .await?)
}

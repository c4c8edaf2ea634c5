//! The secretariat's administration page: the accounts, bodies, venues with their rooms and
//! closures, and the conflict rules, as the page lists them; and what its forms answer. The
//! forms are in `admin_accounts`, `admin_bodies` and `admin_places`: each change is checked,
//! written with its audit entry, and answered with errors by field.

use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

use super::entities::user;
use crate::domain::account::{Account, Role};
use crate::error::QuorumError;
use crate::wire::admin::{AdminPage, BodyLine, RoomLine, UserLine, VenueLine};
use crate::wire::nominations::FormOutcome;
use crate::wire::planning::FieldError;

/// A form refused: why, beside the field.
pub(crate) fn refused(field: &str, message: impl Into<String>) -> FormOutcome {
    FormOutcome {
        errors: vec![FieldError {
            field: field.into(),
            message: message.into(),
        }],
        done: None,
    }
}

/// A form done: what was done.
pub(super) fn done(message: String) -> FormOutcome {
    FormOutcome {
        errors: vec![],
        done: Some(message),
    }
}

/// What the administration page lists.
pub async fn page(db: &DatabaseConnection, _actor: &Account) -> Result<AdminPage, QuorumError> {
    let data = super::dataset::snapshot(db).await?;
    let users = user::Entity::find()
        .order_by_asc(user::Column::Email)
        .all(db)
        .await?;
    let rules = super::conflict_rules::rules(db).await?;
    let mut bodies = data.bodies.clone();
    bodies.sort_by_key(|b| b.position);
    Ok(AdminPage {
        users: users
            .into_iter()
            .map(|u| UserLine {
                scope: u
                    .body_code
                    .clone()
                    .or(u.state_code.clone())
                    .or(u.organisation_id.clone())
                    .unwrap_or_default(),
                // Names, with the code an administrator types beside them.
                scope_named: match (&u.body_code, &u.state_code, &u.organisation_id) {
                    (Some(body), ..) => data
                        .bodies
                        .iter()
                        .find(|b| b.code.as_str() == body)
                        .map_or_else(|| body.clone(), |b| format!("{} ({body})", b.short_name)),
                    (None, Some(state), _) => {
                        let named = data
                            .affiliation_named(&crate::domain::Affiliation::State(state.clone()));
                        format!("{named} ({state})")
                    }
                    (None, None, Some(organisation)) => organisation.clone(),
                    _ => String::new(),
                },
                role: Role::parse(&u.role).map_or(u.role, |r| r.display_name().to_owned()),
                email: u.email,
                name: u.name,
            })
            .collect(),
        bodies: bodies
            .iter()
            .map(|b| BodyLine {
                code: b.code.to_string(),
                name: b.name.clone(),
                short_name: b.short_name.clone(),
                parent: b.parent.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                open_to_all_states: b.open_to_all_states,
            })
            .collect(),
        venues: data
            .venues
            .iter()
            .map(|v| VenueLine {
                id: v.id.to_string(),
                name: v.name.clone(),
                city: v.city.clone(),
                country: v.country.clone(),
                zone: v.time_zone.clone(),
                interpretation_teams: v.interpretation_teams,
                rooms: v
                    .rooms
                    .iter()
                    .map(|r| RoomLine {
                        id: r.id.to_string(),
                        name: r.name.clone(),
                        capacity: r.capacity,
                        booths: r.interpretation_booths,
                    })
                    .collect(),
                closures: v
                    .closures
                    .iter()
                    .map(|c| (c.start.to_string(), c.end.to_string(), c.reason.clone()))
                    .collect(),
            })
            .collect(),
        rules: serde_json::to_string_pretty(&rules).unwrap_or_default(),
    })
}

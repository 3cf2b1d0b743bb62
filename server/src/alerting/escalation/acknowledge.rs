//! Acknowledging an outage: someone has it, so its escalation stops. A member does it in the
//! app or over the API; anyone holding an alert's signed link does it without logging in (the
//! link names one outage and expires). Either way it lands on the outage's timeline.

use chrono::{DateTime, Utc};
use entity::incident_events::IncidentEventKind;
use entity::memberships::Role;
use entity::{incidents, monitors, tenants, users};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::runner;
use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::auth::tokens::TokenKeys;
use crate::kernel::{Actor, ApiError};
use crate::monitoring::timeline;

/// Who acknowledged through a link in an alert.
pub const BY_LINK: &str = "link in alert";

/// Acknowledges `outage_id` for a member (or an API key). An outage already acknowledged or
/// over is returned as it is.
pub async fn by_member(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    outage_id: Uuid,
) -> Result<incidents::Model, ApiError> {
    scope.require(Role::Member)?;
    let who = match scope.actor() {
        Actor::User(user) => users::Entity::find_by_id(user)
            .one(db)
            .await?
            .map_or_else(|| "a member".to_owned(), |user| user.display_name),
        Actor::ApiKey(_) => "an API key".to_owned(),
        Actor::System => "Beacon".to_owned(),
    };
    let txn = crate::db::begin_write(db).await?;
    let outage = scope.get::<incidents::Entity>(&txn, outage_id).await?;
    if outage.acknowledged_at.is_some() || outage.resolved_at.is_some() {
        return Ok(outage);
    }
    let outage = acknowledge(&txn, outage, &who, now).await?;
    let changes = serde_json::json!({ "by": who });
    audit::record_in(&txn, audit, scope, actions::INCIDENT_ACKNOWLEDGED, ("incident", outage_id), changes)
        .await?;
    txn.commit().await?;
    Ok(outage)
}

async fn acknowledge(
    txn: &sea_orm::DatabaseTransaction,
    outage: incidents::Model,
    who: &str,
    now: DateTime<Utc>,
) -> Result<incidents::Model, sea_orm::DbErr> {
    let mut active: incidents::ActiveModel = outage.into();
    active.acknowledged_at = Set(Some(now));
    active.acknowledged_by = Set(Some(who.chars().take(200).collect()));
    let outage = active.update(txn).await?;
    runner::stop(txn, outage.id, now).await?;
    timeline::record(txn, &outage, IncidentEventKind::Acknowledged, format!("Acknowledged by {who}"), now)
        .await?;
    Ok(outage)
}

/// What an acknowledge link is about, for the page that asks before acting.
#[derive(Debug, Clone)]
pub struct LinkView {
    pub outage: incidents::Model,
    pub monitor_name: String,
    pub organization_name: String,
}

/// The outage behind `token`; an invalid or expired token, or an outage gone since, is
/// `NOT_FOUND` (the same answer for all three).
pub async fn view(
    db: &DatabaseConnection,
    keys: &TokenKeys,
    now: DateTime<Utc>,
    token: &str,
) -> Result<LinkView, ApiError> {
    let not_found = || ApiError::NotFound { entity: "acknowledge link" };
    let claims = keys.verify_acknowledge(token.trim(), now).map_err(|_| not_found())?;
    let outage = incidents::Entity::find_by_id(claims.sub)
        .filter(incidents::Column::TenantId.eq(claims.ten))
        .one(db)
        .await?
        .ok_or_else(not_found)?;
    let monitor = monitors::Entity::find_by_id(outage.monitor_id).one(db).await?.ok_or_else(not_found)?;
    let tenant = tenants::Entity::find_by_id(outage.tenant_id).one(db).await?.ok_or_else(not_found)?;
    Ok(LinkView { outage, monitor_name: monitor.name, organization_name: tenant.name })
}

/// Acknowledges the outage behind `token` (see [`view`] for refusals).
pub async fn by_link(
    db: &DatabaseConnection,
    keys: &TokenKeys,
    now: DateTime<Utc>,
    token: &str,
) -> Result<LinkView, ApiError> {
    let mut view = view(db, keys, now, token).await?;
    if view.outage.acknowledged_at.is_some() || view.outage.resolved_at.is_some() {
        return Ok(view);
    }
    let txn = crate::db::begin_write(db).await?;
    let current = incidents::Entity::find_by_id(view.outage.id).one(&txn).await?;
    if let Some(current) = current.filter(|o| o.acknowledged_at.is_none() && o.resolved_at.is_none()) {
        view.outage = acknowledge(&txn, current, BY_LINK, now).await?;
    }
    txn.commit().await?;
    Ok(view)
}

//! Which monitors notify a channel, for which events. A channel either follows every monitor
//! of the organization (now and later), or chosen ones and every monitor with chosen tags (now
//! and later); the events are [`EVENTS`].

use chrono::{DateTime, Utc};
use entity::alert_routes;
use entity::memberships::Role;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};
use uuid::Uuid;

use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::kernel::ApiError;

/// The events a route can ask for: outages starting and ending, degradations, expiring
/// certificates and status page incident updates.
pub const EVENTS: [&str; 5] = ["down", "up", "degraded", "certificate", "incident"];

/// A channel's routing, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routing {
    /// `None`: every monitor (then `tags` are ignored).
    pub monitors: Option<Vec<Uuid>>,
    /// Every monitor with one of these tags (parsed by the monitor tag rule).
    pub tags: Vec<String>,
    pub events: Vec<&'static str>,
}

/// The routes of these channels (for a list of channels: one query).
pub async fn of_channels(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    channel_ids: Vec<Uuid>,
) -> Result<Vec<alert_routes::Model>, sea_orm::DbErr> {
    if channel_ids.is_empty() {
        return Ok(Vec::new());
    }
    alert_routes::Entity::find()
        .filter(alert_routes::Column::TenantId.eq(tenant_id))
        .filter(alert_routes::Column::ChannelId.is_in(channel_ids))
        .all(db)
        .await
}

pub async fn of_channel(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    channel_id: Uuid,
) -> Result<Vec<alert_routes::Model>, sea_orm::DbErr> {
    alert_routes::Entity::find()
        .filter(alert_routes::Column::TenantId.eq(tenant_id))
        .filter(alert_routes::Column::ChannelId.eq(channel_id))
        .all(db)
        .await
}

/// Replaces the channel's routes. Admins and owners. Monitors must be the organization's
/// (another's is `NOT_FOUND`, like a missing one).
pub async fn set(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    channel_id: Uuid,
    routing: Routing,
) -> Result<Vec<alert_routes::Model>, ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    scope.get::<entity::alert_channels::Entity>(&txn, channel_id).await?;
    if let Some(monitors) = &routing.monitors {
        for monitor in monitors {
            scope.get::<entity::monitors::Entity>(&txn, *monitor).await?;
        }
    }
    alert_routes::Entity::delete_many()
        .filter(alert_routes::Column::TenantId.eq(scope.tenant_id()))
        .filter(alert_routes::Column::ChannelId.eq(channel_id))
        .exec(&txn)
        .await?;
    let events = routing.events.join(",");
    let targets: Vec<(Option<Uuid>, Option<String>)> = match &routing.monitors {
        None => vec![(None, None)],
        Some(monitors) => monitors
            .iter()
            .map(|monitor| (Some(*monitor), None))
            .chain(routing.tags.iter().map(|tag| (None, Some(tag.clone()))))
            .collect(),
    };
    let mut routes = Vec::with_capacity(targets.len());
    if !routing.events.is_empty() {
        for (monitor_id, tag) in targets {
            let route = alert_routes::ActiveModel {
                id: Set(Uuid::now_v7()),
                tenant_id: Set(scope.tenant_id()),
                channel_id: Set(channel_id),
                monitor_id: Set(monitor_id),
                tag: Set(tag),
                events: Set(events.clone()),
                created_at: Set(now),
            }
            .insert(&txn)
            .await?;
            routes.push(route);
        }
    }
    let changes = serde_json::json!({
        "monitors": routing.monitors.as_ref().map(|m| m.iter().map(Uuid::to_string).collect::<Vec<_>>()),
        "tags": routing.tags,
        "events": routing.events,
    });
    audit::record_in(
        &txn,
        audit,
        scope,
        actions::ALERT_ROUTES_CHANGED,
        ("alert_channel", channel_id),
        changes,
    )
    .await?;
    txn.commit().await?;
    Ok(routes)
}

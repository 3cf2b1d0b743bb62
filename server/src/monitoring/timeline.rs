//! An outage's timeline: what happened to it and who was told, oldest first. Written in the
//! transaction of the event itself (opening, notifying, escalating, acknowledging, resolving).

use chrono::{DateTime, Utc};
use entity::incident_events::{self, IncidentEventKind};
use entity::incidents;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

/// Appends an event to `outage`'s timeline (the message is cut to the column's 500 characters).
pub async fn record(
    db: &impl ConnectionTrait,
    outage: &incidents::Model,
    kind: IncidentEventKind,
    message: impl Into<String>,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let message: String = message.into().chars().take(500).collect();
    incident_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(outage.tenant_id),
        incident_id: Set(outage.id),
        at: Set(at),
        kind: Set(kind),
        message: Set(message),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The timeline of `outage_id` in `tenant_id`, oldest first.
pub async fn of(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    outage_id: Uuid,
) -> Result<Vec<incident_events::Model>, DbErr> {
    incident_events::Entity::find()
        .filter(incident_events::Column::TenantId.eq(tenant_id))
        .filter(incident_events::Column::IncidentId.eq(outage_id))
        .order_by_asc(incident_events::Column::At)
        .order_by_asc(incident_events::Column::Id)
        .all(db)
        .await
}

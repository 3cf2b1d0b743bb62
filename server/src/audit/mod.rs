//! The append-only audit trail. [`record`] runs inside the mutation's transaction, so an event
//! exists exactly when its change does.

pub mod graphql;

use chrono::Utc;
use entity::audit_events;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use uuid::Uuid;

use crate::graphql::RequestContext;

/// Who acted.
#[derive(Debug, Clone, Copy)]
pub enum Actor {
    User(Uuid),
    ApiKey(Uuid),
}

pub struct AuditEvent<'a> {
    pub tenant_id: Uuid,
    pub actor: Actor,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: Option<Uuid>,
    /// Changed fields; never secrets.
    pub changes: serde_json::Value,
}

pub async fn record(
    db: &impl ConnectionTrait,
    request: &RequestContext,
    event: AuditEvent<'_>,
) -> Result<(), DbErr> {
    let (actor_user_id, actor_api_key_id) = match event.actor {
        Actor::User(id) => (Some(id), None),
        Actor::ApiKey(id) => (None, Some(id)),
    };
    audit_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(event.tenant_id),
        actor_user_id: Set(actor_user_id),
        actor_api_key_id: Set(actor_api_key_id),
        action: Set(event.action.to_owned()),
        entity_type: Set(event.entity_type.to_owned()),
        entity_id: Set(event.entity_id),
        request_id: Set(request.request_id.chars().take(100).collect()),
        client_ip: Set(request.client_ip.to_string()),
        changes: Set(event.changes.to_string()),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .map(drop)
}

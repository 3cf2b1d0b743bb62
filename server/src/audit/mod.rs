//! The append-only audit trail. [`record`] runs inside the mutation's transaction, so an event
//! exists exactly when its change does. Owners and admins page through it ([`service::list`]).

pub mod actions;
pub mod graphql;
pub mod service;

use chrono::Utc;
use entity::audit_events;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use uuid::Uuid;

use crate::auth::TenantScope;
use crate::kernel::{Actor, RequestMeta};

/// Where a change came from, for the trail: the request's id and client address, or the
/// system task that made it.
#[derive(Debug, Clone)]
pub struct AuditContext {
    request_id: String,
    client_ip: String,
}

impl AuditContext {
    pub fn system(task: &str) -> Self {
        Self { request_id: format!("system:{task}"), client_ip: String::new() }
    }
}

impl From<&RequestMeta> for AuditContext {
    fn from(request: &RequestMeta) -> Self {
        Self { request_id: request.request_id.clone(), client_ip: request.client_ip.to_string() }
    }
}

pub struct AuditEvent<'a> {
    pub tenant_id: Uuid,
    pub actor: Actor,
    /// One of [`actions`].
    pub action: &'static str,
    pub entity_type: &'a str,
    pub entity_id: Option<Uuid>,
    /// Changed fields as plain values (`"owner"`, not `Owner`); never secrets.
    pub changes: serde_json::Value,
}

pub async fn record(
    db: &impl ConnectionTrait,
    context: &AuditContext,
    event: AuditEvent<'_>,
) -> Result<(), DbErr> {
    audit_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(event.tenant_id),
        actor_user_id: Set(event.actor.user_id()),
        actor_api_key_id: Set(event.actor.api_key_id()),
        action: Set(event.action.to_owned()),
        entity_type: Set(event.entity_type.to_owned()),
        entity_id: Set(event.entity_id),
        request_id: Set(context.request_id.chars().take(100).collect()),
        client_ip: Set(context.client_ip.clone()),
        changes: Set(event.changes.to_string()),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .map(drop)
}

/// Records an action of the scope's actor in the scope's tenant.
pub async fn record_in(
    db: &impl ConnectionTrait,
    context: &AuditContext,
    scope: &TenantScope,
    action: &'static str,
    entity: (&str, Uuid),
    changes: serde_json::Value,
) -> Result<(), DbErr> {
    let event = AuditEvent {
        tenant_id: scope.tenant_id(),
        actor: scope.actor(),
        action,
        entity_type: entity.0,
        entity_id: Some(entity.1),
        changes,
    };
    record(db, context, event).await
}

//! `auditEvents`: the organization's trail as a connection, newest first.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{ComplexObject, Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::audit_events;
use sea_orm::DatabaseConnection;

use super::service::{self, AuditFilter};
use crate::auth::graphql::scope;
use crate::graphql::{PageConnection, connection};
use crate::kernel::ApiError;
use crate::kernel::ids::parse_filter_id;
use crate::kernel::paging::PageRequest;

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct AuditEvent {
    pub id: ID,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<ID>,
    pub actor_user_id: Option<ID>,
    pub actor_api_key_id: Option<ID>,
    pub request_id: String,
    pub client_ip: String,
    /// Changed fields as a JSON object.
    pub changes: String,
    pub created_at: DateTime<Utc>,
}

/// Who acted, in words: a user's name, an API key's name, or Beacon itself.
#[ComplexObject]
impl AuditEvent {
    async fn actor_name(&self, ctx: &Context<'_>) -> Result<String, ApiError> {
        let loaded = |err: std::sync::Arc<sea_orm::DbErr>| ApiError::internal(err.to_string());
        if let Some(user) = &self.actor_user_id {
            let id = uuid::Uuid::parse_str(user).map_err(|_| ApiError::internal("a stored actor id"))?;
            let name = ctx
                .data_unchecked::<DataLoader<ActorNames>>()
                .load_one(ActorId::User(id))
                .await
                .map_err(loaded)?;
            return Ok(name.unwrap_or_else(|| "A former member".to_owned()));
        }
        if let Some(key) = &self.actor_api_key_id {
            let id = uuid::Uuid::parse_str(key).map_err(|_| ApiError::internal("a stored actor id"))?;
            let name = ctx
                .data_unchecked::<DataLoader<ActorNames>>()
                .load_one(ActorId::ApiKey(id))
                .await
                .map_err(loaded)?;
            return Ok(name.map_or_else(|| "An API key".to_owned(), |name| format!("API key “{name}”")));
        }
        Ok("Beacon".to_owned())
    }
}

/// An actor to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorId {
    User(uuid::Uuid),
    ApiKey(uuid::Uuid),
}

/// Batches the actor names of a page of events into two queries.
pub struct ActorNames(pub DatabaseConnection);

impl Loader<ActorId> for ActorNames {
    type Value = String;
    type Error = std::sync::Arc<sea_orm::DbErr>;

    async fn load(&self, keys: &[ActorId]) -> Result<HashMap<ActorId, String>, Self::Error> {
        let users: Vec<_> =
            keys.iter().filter_map(|k| if let ActorId::User(id) = k { Some(*id) } else { None }).collect();
        let api_keys: Vec<_> =
            keys.iter().filter_map(|k| if let ActorId::ApiKey(id) = k { Some(*id) } else { None }).collect();
        let mut names = HashMap::new();
        if !users.is_empty() {
            let rows = service::user_names(&self.0, &users).await.map_err(std::sync::Arc::new)?;
            names.extend(rows.into_iter().map(|(id, name)| (ActorId::User(id), name)));
        }
        if !api_keys.is_empty() {
            let rows = service::key_names(&self.0, &api_keys).await.map_err(std::sync::Arc::new)?;
            names.extend(rows.into_iter().map(|(id, name)| (ActorId::ApiKey(id), name)));
        }
        Ok(names)
    }
}

impl From<audit_events::Model> for AuditEvent {
    fn from(event: audit_events::Model) -> Self {
        let id = |uuid: uuid::Uuid| ID(uuid.to_string());
        Self {
            id: id(event.id),
            action: event.action,
            entity_type: event.entity_type,
            entity_id: event.entity_id.map(id),
            actor_user_id: event.actor_user_id.map(id),
            actor_api_key_id: event.actor_api_key_id.map(id),
            request_id: event.request_id,
            client_ip: event.client_ip,
            changes: event.changes,
            created_at: event.created_at,
        }
    }
}

#[derive(InputObject, Default)]
#[graphql(name = "AuditFilter")]
pub struct AuditFilterInput {
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<ID>,
    pub actor_user_id: Option<ID>,
}

impl AuditFilterInput {
    fn parse(self) -> Result<AuditFilter, ApiError> {
        Ok(AuditFilter {
            action: self.action,
            entity_type: self.entity_type,
            entity_id: self.entity_id.map(|id| parse_filter_id(&id, "filter.entityId")).transpose()?,
            actor_user_id: self
                .actor_user_id
                .map(|id| parse_filter_id(&id, "filter.actorUserId"))
                .transpose()?,
        })
    }
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The organization's audit trail, newest first, `first` ≤ 100 per page. Owners and admins.
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<PageConnection<AuditEvent>, ApiError> {
        let scope = scope(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())?;
        let filter = filter.unwrap_or_default().parse()?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let events = service::list(db, &scope, filter, page).await?;
        Ok(connection(events, service::cursor, AuditEvent::from))
    }
}

//! `auditEvents`: the organization's trail as a connection, newest first.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
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

//! Owners and admins page through their organization's audit trail, newest first.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::audit_events;
use entity::memberships::Role;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::accounts::scope::TenantScope;
use crate::graphql::ApiError;

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
        let id = |uuid: Uuid| ID(uuid.to_string());
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
pub struct AuditFilter {
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<ID>,
    pub actor_user_id: Option<ID>,
}

#[derive(SimpleObject)]
pub struct AuditPage {
    pub events: Vec<AuditEvent>,
    /// Pass as `after` for the next (older) page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The organization's audit trail, newest first, `first` ≤ 100 per page. Owners and admins.
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditFilter>,
        #[graphql(default = 50)] first: i32,
        after: Option<String>,
    ) -> async_graphql::Result<AuditPage> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        if !(1..=100).contains(&first) {
            return Err(ApiError::field("first", "must be between 1 and 100").into());
        }
        let filter = filter.unwrap_or_default();
        let uuid = |field: &str, id: &Option<ID>| -> Result<Option<Uuid>, ApiError> {
            id.as_ref()
                .map(|id| Uuid::parse_str(id).map_err(|_| ApiError::field(field, "is not an id")))
                .transpose()
        };
        let mut query =
            audit_events::Entity::find().filter(audit_events::Column::TenantId.eq(scope.tenant_id()));
        if let Some(action) = filter.action {
            query = query.filter(audit_events::Column::Action.eq(action));
        }
        if let Some(entity_type) = filter.entity_type {
            query = query.filter(audit_events::Column::EntityType.eq(entity_type));
        }
        if let Some(entity_id) = uuid("filter.entityId", &filter.entity_id)? {
            query = query.filter(audit_events::Column::EntityId.eq(entity_id));
        }
        if let Some(actor) = uuid("filter.actorUserId", &filter.actor_user_id)? {
            query = query.filter(audit_events::Column::ActorUserId.eq(actor));
        }
        if let Some(cursor) = after {
            let (at, id) =
                decode_cursor(&cursor).ok_or_else(|| ApiError::field("after", "is not a cursor"))?;
            query = query.filter(
                Condition::any().add(audit_events::Column::CreatedAt.lt(at)).add(
                    Condition::all()
                        .add(audit_events::Column::CreatedAt.eq(at))
                        .add(audit_events::Column::Id.lt(id)),
                ),
            );
        }
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let mut rows = query
            .order_by_desc(audit_events::Column::CreatedAt)
            .order_by_desc(audit_events::Column::Id)
            .limit(first as u64 + 1)
            .all(db)
            .await
            .map_err(ApiError::from)?;
        let has_more = rows.len() > first as usize;
        rows.truncate(first as usize);
        let next_cursor = has_more
            .then(|| rows.last().map(|e| format!("{}|{}", e.created_at.to_rfc3339(), e.id)))
            .flatten();
        Ok(AuditPage { events: rows.into_iter().map(AuditEvent::from).collect(), next_cursor })
    }
}

fn decode_cursor(cursor: &str) -> Option<(DateTime<Utc>, Uuid)> {
    let (at, id) = cursor.split_once('|')?;
    Some((DateTime::parse_from_rfc3339(at).ok()?.with_timezone(&Utc), Uuid::parse_str(id).ok()?))
}

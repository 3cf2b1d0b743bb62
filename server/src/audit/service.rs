//! Reading the trail: owners and admins page through their organization's events, newest
//! first, optionally filtered.

use entity::audit_events;
use entity::memberships::Role;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use uuid::Uuid;

use crate::auth::TenantScope;
use crate::kernel::ApiError;
use crate::kernel::paging::{Cursor, Page, PageRequest};

#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub actor_user_id: Option<Uuid>,
}

pub async fn list(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    filter: AuditFilter,
    page: PageRequest,
) -> Result<Page<audit_events::Model>, ApiError> {
    scope.require(Role::Admin)?;
    let mut query = scope.find::<audit_events::Entity>();
    if let Some(action) = filter.action {
        query = query.filter(audit_events::Column::Action.eq(action));
    }
    if let Some(entity_type) = filter.entity_type {
        query = query.filter(audit_events::Column::EntityType.eq(entity_type));
    }
    if let Some(entity_id) = filter.entity_id {
        query = query.filter(audit_events::Column::EntityId.eq(entity_id));
    }
    if let Some(actor) = filter.actor_user_id {
        query = query.filter(audit_events::Column::ActorUserId.eq(actor));
    }
    let order = (audit_events::Column::CreatedAt, audit_events::Column::Id);
    Ok(crate::db::paging::newest_first(db, query, order, &page).await?)
}

/// An event's position in the trail, for paging.
pub fn cursor(event: &audit_events::Model) -> Cursor {
    Cursor { at: event.created_at, id: event.id }
}

/// Display names of the users among `ids` (for naming actors; nothing else of them).
pub async fn user_names(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String)>, sea_orm::DbErr> {
    use sea_orm::{EntityTrait, QuerySelect};
    entity::users::Entity::find()
        .select_only()
        .column(entity::users::Column::Id)
        .column(entity::users::Column::DisplayName)
        .filter(entity::users::Column::Id.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await
}

/// Names of the API keys among `ids`.
pub async fn key_names(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String)>, sea_orm::DbErr> {
    use sea_orm::{EntityTrait, QuerySelect};
    entity::api_keys::Entity::find()
        .select_only()
        .column(entity::api_keys::Column::Id)
        .column(entity::api_keys::Column::Name)
        .filter(entity::api_keys::Column::Id.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await
}

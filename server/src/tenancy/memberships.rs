//! Who belongs to which tenant, with which role.

use chrono::{DateTime, Utc};
use entity::memberships::{self, Role};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::kernel::ApiError;

pub async fn insert(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    user_id: Uuid,
    role: Role,
    now: DateTime<Utc>,
) -> Result<memberships::Model, ApiError> {
    Ok(memberships::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant_id),
        user_id: Set(user_id),
        role: Set(role),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn find(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    user_id: Uuid,
) -> Result<Option<memberships::Model>, ApiError> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::TenantId.eq(tenant_id))
        .filter(memberships::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// The tenants a user belongs to, with the user's role in each, oldest membership first.
pub async fn of_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<(memberships::Model, entity::tenants::Model)>, ApiError> {
    let rows = memberships::Entity::find()
        .filter(memberships::Column::UserId.eq(user_id))
        .find_also_related(entity::tenants::Entity)
        .order_by_asc(memberships::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(membership, tenant)| tenant.map(|t| (membership, t))).collect())
}

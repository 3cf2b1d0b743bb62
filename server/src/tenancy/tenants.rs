//! Creating and reading tenants. A tenant is always created together with its subdomain.

use chrono::{DateTime, Utc};
use entity::tenant_domains::{self, DomainKind};
use entity::tenants::{self, TenantStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::domain::Slug;
use crate::auth::TenantScope;
use crate::db::ResultExt;
use crate::kernel::{ApiError, Links};

/// Creates an active tenant and its verified `<slug>.<BASE_DOMAIN>` host. A taken slug is a
/// `CONFLICT` on `field`.
pub async fn create_with_subdomain(
    db: &impl ConnectionTrait,
    links: &Links,
    slug: &Slug,
    name: &str,
    now: DateTime<Utc>,
    field: &str,
) -> Result<tenants::Model, ApiError> {
    let tenant = tenants::ActiveModel {
        id: Set(Uuid::now_v7()),
        slug: Set(slug.as_str().to_owned()),
        name: Set(name.to_owned()),
        status: Set(TenantStatus::Active),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .on_constraint("tenants_slug_key", || ApiError::conflict(field, "this address is taken"))?;
    tenant_domains::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant.id),
        hostname: Set(links.tenant_host(slug.as_str())),
        kind: Set(DomainKind::Subdomain),
        verified_at: Set(Some(now)),
        created_at: Set(now),
        page_id: Set(None),
        verification_token: Set(None),
    }
    .insert(db)
    .await?;
    Ok(tenant)
}

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<tenants::Model>, ApiError> {
    Ok(tenants::Entity::find().filter(tenants::Column::Slug.eq(slug)).one(db).await?)
}

/// The scope's own tenant.
pub async fn current(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<tenants::Model, ApiError> {
    tenants::Entity::find_by_id(scope.tenant_id()).one(db).await?.ok_or(ApiError::Unauthenticated)
}

pub async fn by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<tenants::Model>, ApiError> {
    Ok(tenants::Entity::find_by_id(id).one(db).await?)
}

pub async fn by_ids(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<tenants::Model>, sea_orm::DbErr> {
    tenants::Entity::find().filter(tenants::Column::Id.is_in(ids.iter().copied())).all(db).await
}

/// Whether a live reservation holds `slug` (see `accounts::signup`).
pub async fn slug_reserved(
    db: &impl ConnectionTrait,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    use entity::slug_reservations;
    Ok(slug_reservations::Entity::find_by_id(slug.to_owned())
        .filter(slug_reservations::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .is_some())
}

/// Holds `slug` until `until` (replacing an expired reservation of it).
pub async fn reserve_slug(
    db: &impl ConnectionTrait,
    slug: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<(), ApiError> {
    use entity::slug_reservations;
    use sea_orm::sea_query::OnConflict;
    let reservation = slug_reservations::ActiveModel {
        slug: Set(slug.to_owned()),
        created_at: Set(now),
        expires_at: Set(until),
    };
    slug_reservations::Entity::insert(reservation)
        .on_conflict(
            OnConflict::column(slug_reservations::Column::Slug)
                .update_columns([slug_reservations::Column::CreatedAt, slug_reservations::Column::ExpiresAt])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

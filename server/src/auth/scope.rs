//! The tenant scope: the only way to reach tenant-owned data. It is obtained from an
//! authenticated principal whose tenant is active, whose membership (or key) still exists, and
//! whose tenant matches the tenant host the request came to — or, for background work, from
//! [`TenantScope::system`]. Every query it builds carries `tenant_id = <its tenant>`, so a
//! foreign id answers exactly like a missing one.

use entity::TenantOwned;
use entity::api_keys::KeyScope;
use entity::memberships::{self, Role};
use entity::tenants::{self, TenantStatus};
use sea_orm::sea_query::{Expr, IntoCondition};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, JoinType, QueryFilter, QuerySelect, RelationTrait,
    Select, UpdateMany,
};
use uuid::Uuid;

use super::Principal;
use crate::kernel::{Actor, ApiError};

#[derive(Debug, Clone)]
pub struct TenantScope {
    tenant_id: Uuid,
    actor: Actor,
    role: Role,
    slug: String,
}

impl TenantScope {
    /// The scope of an authenticated principal, in one query. `host_slug` is the tenant of the
    /// host the request came to (`<slug>.<BASE_DOMAIN>`), if any: a credential of another
    /// tenant is refused there.
    pub async fn resolve(
        db: &impl ConnectionTrait,
        principal: &Principal,
        host_slug: Option<&str>,
    ) -> Result<Self, ApiError> {
        let (tenant_id, actor, member) = match principal {
            Principal::User { user_id, tenant_id } => (*tenant_id, Actor::User(*user_id), *user_id),
            Principal::ApiKey { key_id, tenant_id, .. } => (*tenant_id, Actor::ApiKey(*key_id), Uuid::nil()),
            Principal::Anonymous => return Err(ApiError::Unauthenticated),
        };
        let row = tenants::Entity::find_by_id(tenant_id)
            .select_only()
            .column(tenants::Column::Slug)
            .column(tenants::Column::Status)
            .column(memberships::Column::Role)
            .join(
                JoinType::LeftJoin,
                tenants::Relation::Memberships.def().on_condition(move |_, membership| {
                    Expr::col((membership, memberships::Column::UserId)).eq(member).into_condition()
                }),
            )
            .into_tuple::<(String, TenantStatus, Option<Role>)>()
            .one(db)
            .await?;
        let (slug, status, membership_role) = row.ok_or(ApiError::Unauthenticated)?;
        if status != TenantStatus::Active {
            return Err(ApiError::Forbidden);
        }
        if host_slug.is_some_and(|host| host != slug) {
            return Err(ApiError::Unauthenticated);
        }
        let role = match principal {
            // The role comes from the database, not the token: a demotion takes effect at once.
            Principal::User { .. } => membership_role.ok_or(ApiError::Unauthenticated)?,
            // A key acts at most as a member; a read key as a viewer.
            Principal::ApiKey { scope: KeyScope::ReadWrite, .. } => Role::Member,
            _ => Role::Viewer,
        };
        Ok(Self { tenant_id, actor, role, slug })
    }

    /// Beacon's own work in a tenant (scheduler, heartbeats, workers): acts as the system with
    /// an owner's reach. `NOT_FOUND` when the tenant does not exist.
    pub async fn system(db: &impl ConnectionTrait, tenant_id: Uuid) -> Result<Self, ApiError> {
        let tenant =
            tenants::Entity::find_by_id(tenant_id).one(db).await?.ok_or(ApiError::not_found("tenant"))?;
        Ok(Self { tenant_id, actor: Actor::System, role: Role::Owner, slug: tenant.slug })
    }

    /// `FORBIDDEN` unless the caller's role is at least `minimum`.
    pub fn require(&self, minimum: Role) -> Result<(), ApiError> {
        if self.role.at_least(minimum) { Ok(()) } else { Err(ApiError::Forbidden) }
    }

    pub fn tenant_id(&self) -> Uuid {
        self.tenant_id
    }

    pub fn actor(&self) -> Actor {
        self.actor
    }

    /// The calling user; API keys and the system are refused (`FORBIDDEN`) for user-only
    /// operations.
    pub fn user(&self) -> Result<Uuid, ApiError> {
        self.actor.user_id().ok_or(ApiError::Forbidden)
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn slug(&self) -> &str {
        &self.slug
    }

    /// `SELECT … FROM <E> WHERE tenant_id = <this tenant>`.
    pub fn find<E: TenantOwned>(&self) -> Select<E> {
        E::find().filter(E::TENANT_ID.eq(self.tenant_id))
    }

    /// One row of this tenant by id; a foreign or missing id is `NOT_FOUND`.
    pub async fn get<E: TenantOwned>(
        &self,
        db: &impl ConnectionTrait,
        id: Uuid,
    ) -> Result<E::Model, ApiError> {
        self.find::<E>().filter(E::ID.eq(id)).one(db).await?.ok_or(ApiError::NotFound { entity: E::NOUN })
    }

    /// `UPDATE <E> … WHERE tenant_id = <this tenant>`.
    pub fn update_many<E: TenantOwned>(&self) -> UpdateMany<E> {
        E::update_many().filter(E::TENANT_ID.eq(self.tenant_id))
    }

    /// `DELETE FROM <E> WHERE tenant_id = <this tenant>` (add the row's id).
    pub fn delete_many<E: TenantOwned>(&self) -> sea_orm::DeleteMany<E> {
        E::delete_many().filter(E::TENANT_ID.eq(self.tenant_id))
    }
}

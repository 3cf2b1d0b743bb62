//! The tenant scope: the only way to reach tenant-owned data. It can be obtained only from an
//! authenticated principal whose tenant is active, whose membership (or key) still exists, and
//! whose tenant matches the tenant host the request came to.

use async_graphql::Context;
use entity::api_keys::KeyScope;
use entity::memberships::Role;
use entity::tenants::TenantStatus;
use entity::{memberships, tenants};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::Principal;
use crate::audit::Actor;
use crate::graphql::{ApiError, RequestContext};
use crate::mail::templates::Links;

#[derive(Debug, Clone)]
pub struct TenantScope {
    tenant_id: Uuid,
    actor: Actor,
    role: Role,
    slug: String,
}

/// Higher is more privileged: owner > admin > member > viewer.
pub fn rank(role: Role) -> u8 {
    match role {
        Role::Owner => 3,
        Role::Admin => 2,
        Role::Member => 1,
        Role::Viewer => 0,
    }
}

impl TenantScope {
    pub async fn from_ctx(ctx: &Context<'_>) -> Result<Self, ApiError> {
        let (tenant_id, actor) = match ctx.data_opt::<Principal>() {
            Some(Principal::User { user_id, tenant_id, .. }) => (*tenant_id, Actor::User(*user_id)),
            Some(Principal::ApiKey { key_id, tenant_id, .. }) => (*tenant_id, Actor::ApiKey(*key_id)),
            _ => return Err(ApiError::Unauthenticated),
        };
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let tenant =
            tenants::Entity::find_by_id(tenant_id).one(db).await?.ok_or(ApiError::Unauthenticated)?;
        if tenant.status != TenantStatus::Active {
            return Err(ApiError::Forbidden);
        }
        if let Some(host_slug) = host_slug(ctx)
            && host_slug != tenant.slug
        {
            return Err(ApiError::Unauthenticated);
        }
        let role = match (actor, ctx.data_opt::<Principal>()) {
            // The role comes from the database, not the token: a demotion takes effect at once.
            (Actor::User(user_id), _) => {
                memberships::Entity::find()
                    .filter(memberships::Column::TenantId.eq(tenant.id))
                    .filter(memberships::Column::UserId.eq(user_id))
                    .one(db)
                    .await?
                    .ok_or(ApiError::Unauthenticated)?
                    .role
            }
            // A key acts at most as a member; a read key as a viewer.
            (Actor::ApiKey(_), Some(Principal::ApiKey { scope: KeyScope::ReadWrite, .. })) => Role::Member,
            (Actor::ApiKey(_), _) => Role::Viewer,
        };
        Ok(Self { tenant_id: tenant.id, actor, role, slug: tenant.slug })
    }

    /// The scope, if the caller's role is at least `minimum`; `FORBIDDEN` otherwise.
    pub async fn require(ctx: &Context<'_>, minimum: Role) -> Result<Self, ApiError> {
        let scope = Self::from_ctx(ctx).await?;
        if rank(scope.role) < rank(minimum) {
            return Err(ApiError::Forbidden);
        }
        Ok(scope)
    }

    pub fn tenant_id(&self) -> Uuid {
        self.tenant_id
    }

    pub fn actor(&self) -> Actor {
        self.actor
    }

    /// The calling user; API keys are refused (`FORBIDDEN`) for user-only operations.
    pub fn user(&self) -> Result<Uuid, ApiError> {
        match self.actor {
            Actor::User(id) => Ok(id),
            Actor::ApiKey(_) => Err(ApiError::Forbidden),
        }
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn slug(&self) -> &str {
        &self.slug
    }
}

/// The tenant slug when the request came to `<slug>.<BASE_DOMAIN>`.
pub fn host_slug(ctx: &Context<'_>) -> Option<String> {
    let host = ctx.data_opt::<RequestContext>()?.host.as_deref()?;
    crate::tenancy::hostnames::tenant_slug(host, ctx.data_opt::<Links>()?.base_domain())
}

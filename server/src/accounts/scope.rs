//! The tenant scope: the only way to reach tenant-owned data. It can be obtained only from an
//! authenticated principal whose tenant is active, whose membership still exists, and whose
//! tenant matches the tenant host the request came to.

use async_graphql::Context;
use entity::memberships::Role;
use entity::tenants::TenantStatus;
use entity::{memberships, tenants};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::Principal;
use crate::graphql::{ApiError, RequestContext};
use crate::mail::templates::Links;

#[derive(Debug, Clone)]
pub struct TenantScope {
    tenant_id: Uuid,
    user_id: Uuid,
    role: Role,
    slug: String,
}

impl TenantScope {
    pub async fn from_ctx(ctx: &Context<'_>) -> Result<Self, ApiError> {
        let Some(Principal::User { user_id, tenant_id, .. }) = ctx.data_opt::<Principal>() else {
            return Err(ApiError::Unauthenticated);
        };
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let tenant =
            tenants::Entity::find_by_id(*tenant_id).one(db).await?.ok_or(ApiError::Unauthenticated)?;
        if tenant.status != TenantStatus::Active {
            return Err(ApiError::Forbidden);
        }
        if let Some(host_slug) = host_slug(ctx)
            && host_slug != tenant.slug
        {
            return Err(ApiError::Unauthenticated);
        }
        // The role comes from the database, not the token: a demotion takes effect at once.
        let membership = memberships::Entity::find()
            .filter(memberships::Column::TenantId.eq(tenant.id))
            .filter(memberships::Column::UserId.eq(*user_id))
            .one(db)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        Ok(Self { tenant_id: tenant.id, user_id: *user_id, role: membership.role, slug: tenant.slug })
    }

    pub fn tenant_id(&self) -> Uuid {
        self.tenant_id
    }

    pub fn user_id(&self) -> Uuid {
        self.user_id
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
    let host = ctx.data_opt::<RequestContext>()?.host.clone()?;
    let base = ctx.data_opt::<Links>()?.base_domain().to_owned();
    let slug = host.strip_suffix(&base)?.strip_suffix('.')?;
    (!slug.is_empty() && !slug.contains('.')).then(|| slug.to_owned())
}

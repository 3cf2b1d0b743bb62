//! Tenants over GraphQL: the caller's organization, the `Role` enum, and the platform-admin
//! operations (hidden from everyone else's introspection).

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::tenants;
use sea_orm::DatabaseConnection;

use super::admin;
use super::hostnames::HostnameRegistry;
use crate::audit::AuditContext;
use crate::auth::graphql::{platform_admin, scope};
use crate::graphql::{PageConnection, connection};
use crate::kernel::ids::parse_id;
use crate::kernel::paging::PageRequest;
use crate::kernel::{ApiError, Links, RequestMeta};

/// A member's role: owner > admin > member > viewer.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::memberships::Role")]
pub enum Role {
    Owner,
    Admin,
    Member,
    Viewer,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::tenants::TenantStatus")]
pub enum TenantStatus {
    Active,
    Suspended,
}

/// An organization.
#[derive(SimpleObject)]
pub struct Tenant {
    pub id: ID,
    pub slug: String,
    pub name: String,
    /// `<slug>.<BASE_DOMAIN>`.
    pub host: String,
    pub status: TenantStatus,
    pub created_at: DateTime<Utc>,
}

impl Tenant {
    pub fn new(tenant: tenants::Model, links: &Links) -> Self {
        Self {
            id: ID(tenant.id.to_string()),
            host: links.tenant_host(&tenant.slug),
            slug: tenant.slug,
            name: tenant.name,
            status: tenant.status.into(),
            created_at: tenant.created_at,
        }
    }
}

/// What anyone may know of the organization whose host they are on (its login page names it).
#[derive(SimpleObject)]
pub struct PublicTenant {
    pub slug: String,
    pub name: String,
}

#[derive(Default)]
pub struct TenantQuery;

#[Object]
impl TenantQuery {
    /// The organization the caller (a user or an API key) acts in.
    async fn current_tenant(&self, ctx: &Context<'_>) -> Result<Tenant, ApiError> {
        let scope = scope(ctx).await?;
        let tenant = super::tenants::current(ctx.data_unchecked::<DatabaseConnection>(), &scope).await?;
        Ok(Tenant::new(tenant, ctx.data_unchecked::<Links>()))
    }

    /// The active organization whose host (`<slug>.<BASE_DOMAIN>`) this request came to, if any.
    /// Needs no login.
    async fn host_tenant(&self, ctx: &Context<'_>) -> Result<Option<PublicTenant>, ApiError> {
        let Some(slug) = crate::auth::graphql::host_slug(ctx) else { return Ok(None) };
        let tenant = super::tenants::find_by_slug(ctx.data_unchecked::<DatabaseConnection>(), &slug).await?;
        Ok(tenant
            .filter(|tenant| tenant.status == entity::tenants::TenantStatus::Active)
            .map(|tenant| PublicTenant { slug: tenant.slug, name: tenant.name }))
    }

    /// Every organization, newest first, optionally by status. Platform admins only.
    #[graphql(visible = "crate::auth::guards::platform_admin_visible")]
    async fn tenants(
        &self,
        ctx: &Context<'_>,
        status: Option<TenantStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<PageConnection<Tenant>, ApiError> {
        let admin = platform_admin(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let tenants = admin::list(db, &admin, status.map(Into::into), page).await?;
        let links = ctx.data_unchecked::<Links>();
        Ok(connection(tenants, admin::cursor, |tenant| Tenant::new(tenant, links)))
    }
}

#[derive(Default)]
pub struct TenantMutation;

#[Object]
impl TenantMutation {
    /// Suspends an organization: its users and keys get `FORBIDDEN`, its hosts lose TLS.
    #[graphql(visible = "crate::auth::guards::platform_admin_visible")]
    async fn suspend_tenant(&self, ctx: &Context<'_>, id: ID) -> Result<Tenant, ApiError> {
        set_status(ctx, &id, entity::tenants::TenantStatus::Suspended).await
    }

    /// Lifts a suspension.
    #[graphql(visible = "crate::auth::guards::platform_admin_visible")]
    async fn reactivate_tenant(&self, ctx: &Context<'_>, id: ID) -> Result<Tenant, ApiError> {
        set_status(ctx, &id, entity::tenants::TenantStatus::Active).await
    }
}

async fn set_status(
    ctx: &Context<'_>,
    id: &ID,
    status: entity::tenants::TenantStatus,
) -> Result<Tenant, ApiError> {
    let admin = platform_admin(ctx).await?;
    let id = parse_id(id, "tenant")?;
    let db = ctx.data_unchecked::<DatabaseConnection>();
    let audit = AuditContext::from(ctx.data_unchecked::<RequestMeta>());
    let hostnames = ctx.data_unchecked::<HostnameRegistry>();
    let tenant = admin::set_status(db, hostnames, &audit, &admin, id, status).await?;
    Ok(Tenant::new(tenant, ctx.data_unchecked::<Links>()))
}

/// Batches per-row tenant lookups (e.g. each session's organization) into one query.
pub struct TenantLoader(pub DatabaseConnection);

impl async_graphql::dataloader::Loader<uuid::Uuid> for TenantLoader {
    type Value = tenants::Model;
    type Error = std::sync::Arc<sea_orm::DbErr>;

    async fn load(
        &self,
        keys: &[uuid::Uuid],
    ) -> Result<std::collections::HashMap<uuid::Uuid, tenants::Model>, Self::Error> {
        let rows = super::tenants::by_ids(&self.0, keys).await.map_err(std::sync::Arc::new)?;
        Ok(rows.into_iter().map(|tenant| (tenant.id, tenant)).collect())
    }
}

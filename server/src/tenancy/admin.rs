//! Platform administration: list organizations, suspend and reactivate them. Platform admins
//! only (the `PlatformAdmin` guard); a suspension takes effect at once for users and API keys,
//! and the TLS ask cache forgets the tenant's hosts.

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::tenants::{self, TenantStatus};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::accounts::Principal;
use crate::accounts::guards::PlatformAdmin;
use crate::audit::{self, Actor, AuditEvent};
use crate::graphql::{ApiError, RequestContext};
use crate::tenancy::hostnames::HostnameRegistry;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum TenantState {
    Active,
    Suspended,
}

#[derive(SimpleObject)]
pub struct AdminTenant {
    pub id: ID,
    pub slug: String,
    pub name: String,
    pub status: TenantState,
    pub created_at: DateTime<Utc>,
}

impl From<tenants::Model> for AdminTenant {
    fn from(tenant: tenants::Model) -> Self {
        Self {
            id: ID(tenant.id.to_string()),
            slug: tenant.slug,
            name: tenant.name,
            status: match tenant.status {
                TenantStatus::Active => TenantState::Active,
                TenantStatus::Suspended => TenantState::Suspended,
            },
            created_at: tenant.created_at,
        }
    }
}

#[derive(Default)]
pub struct AdminQuery;

#[Object]
impl AdminQuery {
    /// Every organization, newest first, optionally by status. Platform admins only.
    #[graphql(guard = "PlatformAdmin", visible = "crate::accounts::guards::platform_admin_visible")]
    async fn tenants(
        &self,
        ctx: &Context<'_>,
        status: Option<TenantState>,
        #[graphql(default = 50)] first: i32,
    ) -> async_graphql::Result<Vec<AdminTenant>> {
        if !(1..=100).contains(&first) {
            return Err(ApiError::field("first", "must be between 1 and 100").into());
        }
        let mut query = tenants::Entity::find();
        if let Some(status) = status {
            query = query.filter(tenants::Column::Status.eq(match status {
                TenantState::Active => TenantStatus::Active,
                TenantState::Suspended => TenantStatus::Suspended,
            }));
        }
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let rows = query
            .order_by_desc(tenants::Column::CreatedAt)
            .limit(first as u64)
            .all(db)
            .await
            .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(AdminTenant::from).collect())
    }
}

#[derive(Default)]
pub struct AdminMutation;

#[Object]
impl AdminMutation {
    /// Suspends an organization: its users and keys get `FORBIDDEN`, its hosts lose TLS.
    #[graphql(guard = "PlatformAdmin", visible = "crate::accounts::guards::platform_admin_visible")]
    async fn suspend_tenant(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<AdminTenant> {
        set_status(ctx, &id, TenantStatus::Suspended).await
    }

    /// Lifts a suspension.
    #[graphql(guard = "PlatformAdmin", visible = "crate::accounts::guards::platform_admin_visible")]
    async fn reactivate_tenant(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<AdminTenant> {
        set_status(ctx, &id, TenantStatus::Active).await
    }
}

async fn set_status(ctx: &Context<'_>, id: &ID, status: TenantStatus) -> async_graphql::Result<AdminTenant> {
    let not_found = || ApiError::NotFound { entity: "tenant" };
    let id = Uuid::parse_str(id).map_err(|_| not_found())?;
    let Some(Principal::User { user_id, .. }) = ctx.data_opt::<Principal>() else {
        return Err(ApiError::Unauthenticated.into());
    };
    let db = ctx.data_unchecked::<DatabaseConnection>();
    let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
    let tenant =
        tenants::Entity::find_by_id(id).one(&txn).await.map_err(ApiError::from)?.ok_or_else(not_found)?;
    let previous = tenant.status;
    let mut active: tenants::ActiveModel = tenant.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    let tenant = active.update(&txn).await.map_err(ApiError::from)?;
    audit::record(
        &txn,
        ctx.data_unchecked::<RequestContext>(),
        AuditEvent {
            tenant_id: tenant.id,
            actor: Actor::User(*user_id),
            action: if status == TenantStatus::Suspended { "tenant.suspended" } else { "tenant.reactivated" },
            entity_type: "tenant",
            entity_id: Some(tenant.id),
            changes: serde_json::json!({ "status": { "from": format!("{previous:?}"), "to": format!("{status:?}") } }),
        },
    )
    .await
    .map_err(ApiError::from)?;
    txn.commit().await.map_err(ApiError::from)?;
    ctx.data_unchecked::<HostnameRegistry>().invalidate_all();
    Ok(tenant.into())
}

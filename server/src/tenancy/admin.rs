//! Platform administration: list organizations, suspend and reactivate them. A suspension
//! takes effect at once for users and API keys, and the TLS ask cache forgets the tenant's hosts.

use chrono::Utc;
use entity::tenants::{self, TenantStatus};
use sea_orm::{ActiveEnum, ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::hostnames::HostnameRegistry;
use crate::audit::{self, AuditContext, AuditEvent, actions};
use crate::auth::guards::PlatformAdmin;
use crate::kernel::paging::{Cursor, Page, PageRequest};
use crate::kernel::{Actor, ApiError};

/// Every organization, newest first, optionally by status.
pub async fn list(
    db: &DatabaseConnection,
    _admin: &PlatformAdmin,
    status: Option<TenantStatus>,
    page: PageRequest,
) -> Result<Page<tenants::Model>, ApiError> {
    let mut query = tenants::Entity::find();
    if let Some(status) = status {
        query = query.filter(tenants::Column::Status.eq(status));
    }
    let order = (tenants::Column::CreatedAt, tenants::Column::Id);
    Ok(crate::db::paging::newest_first(db, query, order, &page).await?)
}

pub fn cursor(tenant: &tenants::Model) -> Cursor {
    Cursor { at: tenant.created_at, id: tenant.id }
}

/// Suspends or reactivates a tenant; audited in the tenant's own trail.
pub async fn set_status(
    db: &DatabaseConnection,
    hostnames: &HostnameRegistry,
    audit: &AuditContext,
    admin: &PlatformAdmin,
    id: Uuid,
    status: TenantStatus,
) -> Result<tenants::Model, ApiError> {
    let txn = crate::db::begin_write(db).await?;
    let tenant = tenants::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::not_found("tenant"))?;
    let previous = tenant.status;
    let mut active: tenants::ActiveModel = tenant.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    let tenant = active.update(&txn).await?;
    let action = if status == TenantStatus::Suspended {
        actions::TENANT_SUSPENDED
    } else {
        actions::TENANT_REACTIVATED
    };
    let event = AuditEvent {
        tenant_id: tenant.id,
        actor: Actor::User(admin.user_id()),
        action,
        entity_type: "tenant",
        entity_id: Some(tenant.id),
        changes: serde_json::json!({ "status": { "from": previous.to_value(), "to": status.to_value() } }),
    };
    audit::record(&txn, audit, event).await?;
    txn.commit().await?;
    if let Err(err) = hostnames.refresh().await {
        // Other processes' polling (and this one's) picks the change up shortly.
        tracing::warn!(error = %err, "could not reload the hostname set after a status change");
    }
    Ok(tenant)
}

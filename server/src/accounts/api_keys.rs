//! Tenant API keys for integrators: created by owners and admins (as themselves, not with a
//! key), the secret shown once and stored as SHA-256, scoped read or read-write, revocable with
//! immediate effect.

use chrono::Utc;
use entity::api_keys::{self, KeyScope};
use entity::memberships::Role;
use sea_orm::{ActiveEnum, ActiveModelTrait, DatabaseConnection, QueryOrder, Set};
use uuid::Uuid;

use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::auth::crypto::{random_token, sha256_hex};
use crate::auth::principal::API_KEY_PREFIX;
use crate::kernel::ApiError;

/// This organization's keys, newest first. Owners and admins.
pub async fn list(db: &DatabaseConnection, scope: &TenantScope) -> Result<Vec<api_keys::Model>, ApiError> {
    scope.require(Role::Admin)?;
    Ok(scope.find::<api_keys::Entity>().order_by_desc(api_keys::Column::CreatedAt).all(db).await?)
}

/// A new key and its secret (shown this once).
pub async fn create(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    name: String,
    key_scope: KeyScope,
) -> Result<(api_keys::Model, String), ApiError> {
    scope.require(Role::Admin)?;
    let user_id = scope.user()?;
    let secret = format!("{API_KEY_PREFIX}{}", random_token());
    let txn = crate::db::begin_write(db).await?;
    let key = api_keys::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(scope.tenant_id()),
        name: Set(name.chars().take(80).collect()),
        prefix: Set(secret.chars().take(11).collect()),
        key_hash: Set(sha256_hex(&secret)),
        scope: Set(key_scope),
        created_by: Set(Some(user_id)),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let changes =
        serde_json::json!({ "name": key.name, "scope": key_scope.to_value(), "prefix": key.prefix });
    audit::record_in(&txn, audit, scope, actions::API_KEY_CREATED, ("api_key", key.id), changes).await?;
    txn.commit().await?;
    Ok((key, secret))
}

/// Revokes a key at once (revoking a revoked key keeps its first revocation time). Another
/// organization's key is `NOT_FOUND`.
pub async fn revoke(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    id: Uuid,
) -> Result<api_keys::Model, ApiError> {
    scope.require(Role::Admin)?;
    let txn = crate::db::begin_write(db).await?;
    let key = scope.get::<api_keys::Entity>(&txn, id).await?;
    let revoked_at = key.revoked_at.unwrap_or_else(Utc::now);
    let mut active: api_keys::ActiveModel = key.into();
    active.revoked_at = Set(Some(revoked_at));
    let key = active.update(&txn).await?;
    let changes = serde_json::json!({ "revoked_at": key.revoked_at });
    audit::record_in(&txn, audit, scope, actions::API_KEY_REVOKED, ("api_key", key.id), changes).await?;
    txn.commit().await?;
    Ok(key)
}

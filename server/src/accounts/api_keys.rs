//! Tenant API keys for integrators: created by owners and admins, the secret shown once and
//! stored as SHA-256, scoped read or read-write, revocable with immediate effect.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::api_keys::{self, KeyScope};
use entity::memberships::Role;
use entity::tenants::{self, TenantStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use super::Principal;
use super::crypto::{random_token, sha256_hex};
use super::domain::parse_name;
use super::scope::TenantScope;
use crate::audit::{self, AuditEvent};
use crate::graphql::{ApiError, RequestContext};

pub const KEY_PREFIX: &str = "bk_";

/// The principal for a presented key; `None` when unknown, revoked or its tenant is suspended.
pub async fn authenticate(db: &DatabaseConnection, key: &str) -> Result<Option<Principal>, sea_orm::DbErr> {
    let found = api_keys::Entity::find()
        .filter(api_keys::Column::KeyHash.eq(sha256_hex(key)))
        .filter(api_keys::Column::RevokedAt.is_null())
        .find_also_related(tenants::Entity)
        .one(db)
        .await?;
    let Some((key, Some(tenant))) = found else { return Ok(None) };
    if tenant.status != TenantStatus::Active {
        return Ok(None);
    }
    api_keys::Entity::update_many()
        .col_expr(api_keys::Column::LastUsedAt, Some(Utc::now()).into())
        .filter(api_keys::Column::Id.eq(key.id))
        .exec(db)
        .await?;
    Ok(Some(Principal::ApiKey { key_id: key.id, tenant_id: key.tenant_id, scope: key.scope }))
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum ApiKeyScope {
    Read,
    ReadWrite,
}

#[derive(SimpleObject)]
pub struct ApiKey {
    pub id: ID,
    pub name: String,
    /// The first characters of the key, to recognise it.
    pub prefix: String,
    pub scope: ApiKeyScope,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<api_keys::Model> for ApiKey {
    fn from(key: api_keys::Model) -> Self {
        Self {
            id: ID(key.id.to_string()),
            name: key.name,
            prefix: key.prefix,
            scope: match key.scope {
                KeyScope::Read => ApiKeyScope::Read,
                KeyScope::ReadWrite => ApiKeyScope::ReadWrite,
            },
            created_at: key.created_at,
            last_used_at: key.last_used_at,
            revoked_at: key.revoked_at,
        }
    }
}

/// A new key: `secret` is shown this once and never again.
#[derive(SimpleObject)]
pub struct CreatedApiKey {
    pub key: ApiKey,
    pub secret: String,
}

#[derive(InputObject)]
pub struct CreateApiKeyInput {
    pub name: String,
    pub scope: ApiKeyScope,
}

#[derive(Default)]
pub struct ApiKeysQuery;

#[Object]
impl ApiKeysQuery {
    /// This organization's API keys, newest first. Owners and admins.
    async fn api_keys(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ApiKey>> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let keys = api_keys::Entity::find()
            .filter(api_keys::Column::TenantId.eq(scope.tenant_id()))
            .order_by_desc(api_keys::Column::CreatedAt)
            .all(db)
            .await
            .map_err(ApiError::from)?;
        Ok(keys.into_iter().map(ApiKey::from).collect())
    }
}

#[derive(Default)]
pub struct ApiKeysMutation;

#[Object]
impl ApiKeysMutation {
    /// Creates a key for integrators. Owners and admins, signed in as themselves (not with a key).
    async fn create_api_key(
        &self,
        ctx: &Context<'_>,
        input: CreateApiKeyInput,
    ) -> async_graphql::Result<CreatedApiKey> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        let user_id = scope.user()?;
        let name = parse_name(&input.name).map_err(|message| ApiError::field("name", message))?;
        let secret = format!("{KEY_PREFIX}{}", random_token());
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        let key = api_keys::ActiveModel {
            id: Set(Uuid::now_v7()),
            tenant_id: Set(scope.tenant_id()),
            name: Set(name.chars().take(80).collect()),
            prefix: Set(secret.chars().take(11).collect()),
            key_hash: Set(sha256_hex(&secret)),
            scope: Set(match input.scope {
                ApiKeyScope::Read => KeyScope::Read,
                ApiKeyScope::ReadWrite => KeyScope::ReadWrite,
            }),
            created_by: Set(Some(user_id)),
            created_at: Set(Utc::now()),
            last_used_at: Set(None),
            revoked_at: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(ApiError::from)?;
        audit::record(
            &txn,
            ctx.data_unchecked::<RequestContext>(),
            AuditEvent {
                tenant_id: scope.tenant_id(),
                actor: scope.actor(),
                action: "api_key.created",
                entity_type: "api_key",
                entity_id: Some(key.id),
                changes: serde_json::json!({ "name": key.name, "scope": format!("{:?}", input.scope), "prefix": key.prefix }),
            },
        )
        .await
        .map_err(ApiError::from)?;
        txn.commit().await.map_err(ApiError::from)?;
        Ok(CreatedApiKey { key: key.into(), secret })
    }

    /// Revokes a key at once. Owners and admins. Another organization's key is `NOT_FOUND`.
    async fn revoke_api_key(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ApiKey> {
        let scope = TenantScope::require(ctx, Role::Admin).await?;
        let not_found = || ApiError::NotFound { entity: "API key" };
        let id = Uuid::parse_str(&id).map_err(|_| not_found())?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        let key = api_keys::Entity::find_by_id(id)
            .filter(api_keys::Column::TenantId.eq(scope.tenant_id()))
            .one(&txn)
            .await
            .map_err(ApiError::from)?
            .ok_or_else(not_found)?;
        let mut active: api_keys::ActiveModel = key.clone().into();
        active.revoked_at = Set(Some(key.revoked_at.unwrap_or_else(Utc::now)));
        let key = active.update(&txn).await.map_err(ApiError::from)?;
        audit::record(
            &txn,
            ctx.data_unchecked::<RequestContext>(),
            AuditEvent {
                tenant_id: scope.tenant_id(),
                actor: scope.actor(),
                action: "api_key.revoked",
                entity_type: "api_key",
                entity_id: Some(key.id),
                changes: serde_json::json!({ "revoked_at": key.revoked_at }),
            },
        )
        .await
        .map_err(ApiError::from)?;
        txn.commit().await.map_err(ApiError::from)?;
        Ok(key.into())
    }
}

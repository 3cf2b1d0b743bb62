//! The authenticated caller of one request, from `Authorization: Bearer <access token | bk_ key>`.

use chrono::Utc;
use entity::api_keys::{self, KeyScope};
use entity::tenants::{self, TenantStatus};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::crypto::sha256_hex;
use super::tokens::TokenKeys;

/// Every tenant API key starts with this, so a bearer credential says what it is.
pub const API_KEY_PREFIX: &str = "bk_";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    /// A user with a verified access token bound to one tenant. The token's `role` claim is
    /// deliberately not kept: the role is read from the database on every request.
    User {
        user_id: Uuid,
        tenant_id: Uuid,
    },
    /// An integrator's tenant API key.
    ApiKey {
        key_id: Uuid,
        tenant_id: Uuid,
        scope: KeyScope,
    },
}

/// What a presented credential turned out to be.
pub enum Credential {
    /// No `Authorization` header: anonymous.
    Absent,
    Valid(Principal),
    /// A credential that does not verify: answered with 401, never silently anonymous.
    Invalid,
}

/// Records `last_used_at` of API keys at most once per [`KEY_USAGE_RESOLUTION`] per key, so a
/// read with a key is not a committed write every time. `lastUsedAt` is accurate to that.
#[derive(Clone)]
pub struct KeyUsage(moka::sync::Cache<Uuid, ()>);

pub const KEY_USAGE_RESOLUTION: std::time::Duration = std::time::Duration::from_secs(60);

impl Default for KeyUsage {
    fn default() -> Self {
        Self(moka::sync::Cache::builder().max_capacity(100_000).time_to_live(KEY_USAGE_RESOLUTION).build())
    }
}

impl KeyUsage {
    /// Whether this use should be written (the first in the current window).
    fn first_use_in_window(&self, key_id: Uuid) -> bool {
        let entry = self.0.entry(key_id).or_insert(());
        entry.is_fresh()
    }
}

/// Verifies the `Authorization` header's value.
pub async fn authenticate(
    db: &DatabaseConnection,
    tokens: &TokenKeys,
    usage: &KeyUsage,
    authorization: Option<&str>,
) -> Result<Credential, DbErr> {
    let Some(value) = authorization else { return Ok(Credential::Absent) };
    let Some(token) = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")) else {
        return Ok(Credential::Invalid);
    };
    let token = token.trim();
    if token.starts_with(API_KEY_PREFIX) {
        return Ok(match api_key_principal(db, usage, token).await? {
            Some(principal) => Credential::Valid(principal),
            None => Credential::Invalid,
        });
    }
    Ok(match tokens.verify_access(token) {
        Ok(claims) => Credential::Valid(Principal::User { user_id: claims.sub, tenant_id: claims.tid }),
        Err(_) => Credential::Invalid,
    })
}

/// The principal for a presented key; `None` when unknown, revoked or its tenant is suspended.
async fn api_key_principal(
    db: &DatabaseConnection,
    usage: &KeyUsage,
    key: &str,
) -> Result<Option<Principal>, DbErr> {
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
    if usage.first_use_in_window(key.id) {
        api_keys::Entity::update_many()
            .col_expr(api_keys::Column::LastUsedAt, Some(Utc::now()).into())
            .filter(api_keys::Column::Id.eq(key.id))
            .exec(db)
            .await?;
    }
    Ok(Some(Principal::ApiKey { key_id: key.id, tenant_id: key.tenant_id, scope: key.scope }))
}

//! API keys over GraphQL.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::api_keys;

use super::{audit, db};
use crate::accounts::api_keys as service;
use crate::auth::graphql::scope;
use crate::kernel::ApiError;
use crate::kernel::ids::parse_id;
use crate::kernel::input::parse_name;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::api_keys::KeyScope")]
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
            scope: key.scope.into(),
            created_at: key.created_at,
            last_used_at: key.last_used_at,
            revoked_at: key.revoked_at,
        }
    }
}

/// A new key: `secret` is shown this once and never again.
#[derive(SimpleObject)]
pub struct CreateApiKeyPayload {
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
    async fn api_keys(&self, ctx: &Context<'_>) -> Result<Vec<ApiKey>, ApiError> {
        let scope = scope(ctx).await?;
        Ok(service::list(db(ctx), &scope).await?.into_iter().map(ApiKey::from).collect())
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
    ) -> Result<CreateApiKeyPayload, ApiError> {
        let scope = scope(ctx).await?;
        let name = parse_name(&input.name).map_err(|message| ApiError::field("name", message))?;
        let (key, secret) = service::create(db(ctx), &audit(ctx), &scope, name, input.scope.into()).await?;
        Ok(CreateApiKeyPayload { key: key.into(), secret })
    }

    /// Revokes a key at once. Owners and admins. Another organization's key is `NOT_FOUND`.
    async fn revoke_api_key(&self, ctx: &Context<'_>, id: ID) -> Result<ApiKey, ApiError> {
        let scope = scope(ctx).await?;
        let id = parse_id(&id, "API key")?;
        Ok(service::revoke(db(ctx), &audit(ctx), &scope, id).await?.into())
    }
}

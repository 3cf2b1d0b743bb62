//! The account types of the API. Naming: objects are named for what they are (`User`,
//! `Session`), the results of mutations that are not such an object `<Mutation>Payload`, inputs
//! `<Mutation>Input`.

use async_graphql::dataloader::DataLoader;
use async_graphql::{ComplexObject, Context, ID, InputObject, SimpleObject, Union};
use chrono::{DateTime, Utc};
use entity::refresh_tokens;
use uuid::Uuid;

use crate::accounts::users::Profile;
use crate::kernel::ApiError;
use crate::tenancy::graphql::{Role, Tenant, TenantLoader};

#[derive(SimpleObject)]
pub struct User {
    pub id: ID,
    pub email: String,
    pub name: String,
    pub email_verified: bool,
}

impl From<Profile> for User {
    fn from(user: Profile) -> Self {
        Self {
            id: ID(user.id.to_string()),
            email: user.email,
            name: user.display_name,
            email_verified: user.email_verified_at.is_some(),
        }
    }
}

/// A logged-in session. The refresh token is set as an HttpOnly cookie, never returned.
#[derive(SimpleObject)]
pub struct SessionPayload {
    pub access_token: String,
    /// Seconds until the access token expires; refresh before then.
    pub expires_in: i32,
    pub user: User,
    pub tenant: Tenant,
    pub role: Role,
}

/// An organization a user belongs to.
#[derive(SimpleObject)]
pub struct TenantOption {
    pub slug: String,
    pub name: String,
    pub role: Role,
    /// `<slug>.<BASE_DOMAIN>`, where its members log in.
    pub host: String,
}

#[derive(SimpleObject)]
pub struct VerifyEmailPayload {
    /// The address is verified.
    pub verified: bool,
    /// It already was: the link had been used before.
    pub already_verified: bool,
}

/// The user belongs to several organizations: log in again with one of these `tenantSlug`s.
#[derive(SimpleObject)]
pub struct TenantChoicePayload {
    pub tenants: Vec<TenantOption>,
}

#[derive(Union)]
pub enum LogInResult {
    Session(SessionPayload),
    ChooseTenant(TenantChoicePayload),
}

#[derive(SimpleObject)]
pub struct SignUpPayload {
    /// What to tell the user (the same whether or not the email was already registered).
    pub message: String,
    /// The organization's address, `<slug>.<BASE_DOMAIN>`.
    pub tenant_host: String,
}

#[derive(SimpleObject)]
pub struct Me {
    pub user: User,
    pub tenant: Tenant,
    pub role: Role,
}

/// A signed-in browser or device.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Session {
    /// The session (refresh-token family) id.
    pub id: ID,
    /// When its token was last issued (at login or the last refresh).
    pub last_active_at: DateTime<Utc>,
    pub user_agent: Option<String>,
    /// The session of this very browser.
    pub current: bool,
    #[graphql(skip)]
    pub tenant_id: Uuid,
}

#[ComplexObject]
impl Session {
    /// The organization it is bound to.
    async fn tenant_slug(&self, ctx: &Context<'_>) -> Result<String, ApiError> {
        let loader = ctx.data_unchecked::<DataLoader<TenantLoader>>();
        let tenant =
            loader.load_one(self.tenant_id).await.map_err(|err| ApiError::internal(err.to_string()))?;
        Ok(tenant.map(|t| t.slug).unwrap_or_default())
    }
}

impl Session {
    pub fn new(head: refresh_tokens::Model, current: Option<Uuid>) -> Self {
        Self {
            id: ID(head.family_id.to_string()),
            last_active_at: head.created_at,
            user_agent: head.user_agent,
            current: Some(head.family_id) == current,
            tenant_id: head.tenant_id,
        }
    }
}

#[derive(InputObject)]
pub struct SignUpInput {
    pub email: String,
    pub password: String,
    pub name: String,
    pub tenant_name: String,
    pub tenant_slug: String,
}

#[derive(InputObject)]
pub struct LogInInput {
    pub email: String,
    pub password: String,
    /// Which organization; optional on a tenant host or for members of one organization.
    pub tenant_slug: Option<String>,
}

#[derive(InputObject)]
pub struct ResetPasswordInput {
    pub token: String,
    pub new_password: String,
}

#[derive(InputObject)]
pub struct ChangePasswordInput {
    pub current_password: String,
    pub new_password: String,
}

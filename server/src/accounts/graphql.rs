//! Sign up, verify, log in (with tenant choice), sessions and passwords over GraphQL.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject, Union};
use entity::{tenants, users};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::limits::{Action, AuthLimits};
use super::scope::TenantScope;
use super::service::{self, Env, LogIn, Session, SignUpInput};
use super::sessions;
use super::tokens::{ACCESS_TTL, TokenKeys};
use crate::config::MailSettings;
use crate::graphql::{ApiError, RequestContext};
use crate::mail::Mailer;
use crate::mail::templates::Links;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "Role")]
pub enum RoleView {
    Owner,
    Admin,
    Member,
    Viewer,
}

impl From<entity::memberships::Role> for RoleView {
    fn from(role: entity::memberships::Role) -> Self {
        use entity::memberships::Role;
        match role {
            Role::Owner => RoleView::Owner,
            Role::Admin => RoleView::Admin,
            Role::Member => RoleView::Member,
            Role::Viewer => RoleView::Viewer,
        }
    }
}

impl From<RoleView> for entity::memberships::Role {
    fn from(role: RoleView) -> Self {
        use entity::memberships::Role;
        match role {
            RoleView::Owner => Role::Owner,
            RoleView::Admin => Role::Admin,
            RoleView::Member => Role::Member,
            RoleView::Viewer => Role::Viewer,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "User")]
pub struct UserView {
    pub id: ID,
    pub email: String,
    pub name: String,
    pub email_verified: bool,
}

impl From<users::Model> for UserView {
    fn from(user: users::Model) -> Self {
        Self {
            id: ID(user.id.to_string()),
            email: user.email,
            name: user.display_name,
            email_verified: user.email_verified_at.is_some(),
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Tenant")]
pub struct TenantView {
    pub id: ID,
    pub slug: String,
    pub name: String,
    /// `<slug>.<BASE_DOMAIN>`.
    pub host: String,
}

fn tenant_view(tenant: tenants::Model, links: &Links) -> TenantView {
    TenantView {
        id: ID(tenant.id.to_string()),
        host: format!("{}.{}", tenant.slug, links.base_domain()),
        slug: tenant.slug,
        name: tenant.name,
    }
}

/// A logged-in session. The refresh token is set as an HttpOnly cookie, never returned.
#[derive(SimpleObject)]
pub struct SessionPayload {
    pub access_token: String,
    /// Seconds until the access token expires; refresh before then.
    pub expires_in: i32,
    pub user: UserView,
    pub tenant: TenantView,
    pub role: RoleView,
}

#[derive(SimpleObject)]
pub struct TenantOption {
    pub slug: String,
    pub name: String,
    pub role: RoleView,
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
    pub user: UserView,
    pub tenant: TenantView,
    pub role: RoleView,
}

/// A signed-in browser or device.
#[derive(SimpleObject)]
pub struct SessionInfo {
    /// The session (refresh-token family) id.
    pub id: ID,
    /// When its token was last issued (at login or the last refresh).
    pub last_active_at: chrono::DateTime<chrono::Utc>,
    pub user_agent: Option<String>,
    /// The organization it is bound to.
    pub tenant_slug: String,
    /// The session of this very browser.
    pub current: bool,
}

#[derive(InputObject)]
#[graphql(name = "SignUpInput")]
pub struct SignUpInputGql {
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

fn env<'a>(ctx: &'a Context<'_>) -> Env<'a> {
    let links = ctx.data_unchecked::<Links>();
    Env {
        db: ctx.data_unchecked::<DatabaseConnection>(),
        request: ctx.data_unchecked::<RequestContext>(),
        mail: ctx.data_unchecked::<MailSettings>(),
        links,
        base_domain: links.base_domain(),
    }
}

fn limit(ctx: &Context<'_>, action: Action, account: Option<&str>) -> Result<(), ApiError> {
    let request = ctx.data_unchecked::<RequestContext>();
    ctx.data_unchecked::<AuthLimits>().check(action, request.client_ip, account)
}

fn session_payload(ctx: &Context<'_>, session: Session) -> SessionPayload {
    let tokens = ctx.data_unchecked::<TokenKeys>();
    let links = ctx.data_unchecked::<Links>();
    let role = sea_orm::ActiveEnum::to_value(&session.role);
    let access_token = tokens.issue_access(session.user.id, session.tenant.id, &role);
    ctx.append_http_header("set-cookie", sessions::set_cookie(&session.refresh.token));
    SessionPayload {
        access_token,
        expires_in: ACCESS_TTL.as_secs() as i32,
        user: session.user.into(),
        tenant: tenant_view(session.tenant, links),
        role: session.role.into(),
    }
}

#[derive(Default)]
pub struct AccountsQuery;

#[Object]
impl AccountsQuery {
    /// The caller, their organization and role.
    async fn me(&self, ctx: &Context<'_>) -> async_graphql::Result<Me> {
        let scope = TenantScope::from_ctx(ctx).await?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let user = users::Entity::find_by_id(scope.user()?).one(db).await.map_err(ApiError::from)?;
        let tenant = tenants::Entity::find_by_id(scope.tenant_id()).one(db).await.map_err(ApiError::from)?;
        let (Some(user), Some(tenant)) = (user, tenant) else {
            return Err(ApiError::Unauthenticated.into());
        };
        Ok(Me {
            user: user.into(),
            tenant: tenant_view(tenant, ctx.data_unchecked::<Links>()),
            role: scope.role().into(),
        })
    }
    /// Your signed-in sessions in every organization, newest first.
    async fn my_sessions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<SessionInfo>> {
        let scope = TenantScope::from_ctx(ctx).await?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let request = ctx.data_unchecked::<RequestContext>();
        let current = match sessions::token_from_cookies(request.cookies.as_deref()) {
            Some(token) => sessions::family_of(db, &token).await.map_err(ApiError::from)?,
            None => None,
        };
        let heads = sessions::active_for_user(db, scope.user()?).await.map_err(ApiError::from)?;
        let mut out = Vec::with_capacity(heads.len());
        for head in heads {
            let tenant = tenants::Entity::find_by_id(head.tenant_id).one(db).await.map_err(ApiError::from)?;
            out.push(SessionInfo {
                id: ID(head.family_id.to_string()),
                last_active_at: head.created_at,
                user_agent: head.user_agent,
                tenant_slug: tenant.map(|t| t.slug).unwrap_or_default(),
                current: Some(head.family_id) == current,
            });
        }
        Ok(out)
    }
}

#[derive(Default)]
pub struct AccountsMutation;

#[derive(Default)]
pub struct TenantQuery;

#[Object]
impl TenantQuery {
    /// The organization the caller (a user or an API key) acts in.
    async fn current_tenant(&self, ctx: &Context<'_>) -> async_graphql::Result<TenantView> {
        let scope = TenantScope::from_ctx(ctx).await?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let tenant = tenants::Entity::find_by_id(scope.tenant_id()).one(db).await.map_err(ApiError::from)?;
        let tenant = tenant.ok_or(ApiError::Unauthenticated)?;
        Ok(tenant_view(tenant, ctx.data_unchecked::<Links>()))
    }
}

#[Object]
impl AccountsMutation {
    /// Creates an organization at `<tenantSlug>.<BASE_DOMAIN>` with you as its owner, and emails
    /// a verification link.
    async fn sign_up(
        &self,
        ctx: &Context<'_>,
        input: SignUpInputGql,
    ) -> async_graphql::Result<SignUpPayload> {
        limit(ctx, Action::SignUp, Some(&input.email))?;
        let host = service::sign_up(
            &env(ctx),
            SignUpInput {
                email: input.email,
                password: input.password,
                name: input.name,
                tenant_name: input.tenant_name,
                tenant_slug: input.tenant_slug,
            },
        )
        .await?;
        ctx.data_unchecked::<Mailer>().wake();
        Ok(SignUpPayload {
            message: "Check your email for a link to verify your address.".into(),
            tenant_host: host,
        })
    }

    /// Confirms an email address with the token from the verification link (single use).
    async fn verify_email(&self, ctx: &Context<'_>, token: String) -> async_graphql::Result<bool> {
        limit(ctx, Action::Verification, None)?;
        service::verify_email(&env(ctx), &token).await?;
        Ok(true)
    }

    /// Logs in; a member of several organizations first gets the choice.
    async fn log_in(&self, ctx: &Context<'_>, input: LogInInput) -> async_graphql::Result<LogInResult> {
        limit(ctx, Action::LogIn, Some(&input.email))?;
        let result =
            service::log_in(&env(ctx), &input.email, &input.password, input.tenant_slug.as_deref()).await?;
        Ok(match result {
            LogIn::Session(session) => LogInResult::Session(session_payload(ctx, *session)),
            LogIn::Choose(choices) => LogInResult::ChooseTenant(TenantChoicePayload {
                tenants: choices
                    .into_iter()
                    .map(|c| TenantOption { slug: c.tenant.slug, name: c.tenant.name, role: c.role.into() })
                    .collect(),
            }),
        })
    }

    /// Exchanges the refresh-token cookie for a new access token (and a new cookie).
    async fn refresh_session(&self, ctx: &Context<'_>) -> async_graphql::Result<SessionPayload> {
        match service::refresh(&env(ctx)).await {
            Ok(session) => Ok(session_payload(ctx, session)),
            Err(err) => {
                ctx.append_http_header("set-cookie", sessions::clear_cookie());
                Err(err.into())
            }
        }
    }

    /// Ends this browser's session.
    async fn log_out(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        service::log_out(&env(ctx)).await?;
        ctx.append_http_header("set-cookie", sessions::clear_cookie());
        Ok(true)
    }

    /// Ends every session of yours, in every organization. Returns how many were ended.
    async fn log_out_everywhere(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        let scope = TenantScope::from_ctx(ctx).await?;
        let revoked = service::log_out_everywhere(&env(ctx), scope.user()?, scope.tenant_id()).await?;
        ctx.append_http_header("set-cookie", sessions::clear_cookie());
        Ok(revoked as i32)
    }

    /// Ends one of your sessions (another browser or device). Someone else's is `NOT_FOUND`.
    async fn revoke_session(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<bool> {
        let scope = TenantScope::from_ctx(ctx).await?;
        let user_id = scope.user()?;
        let not_found = || ApiError::NotFound { entity: "session" };
        let family = uuid::Uuid::parse_str(&id).map_err(|_| not_found())?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        if !sessions::revoke_for_user(&txn, user_id, family).await.map_err(ApiError::from)? {
            return Err(not_found().into());
        }
        crate::audit::record(
            &txn,
            ctx.data_unchecked::<RequestContext>(),
            crate::audit::AuditEvent {
                tenant_id: scope.tenant_id(),
                actor: scope.actor(),
                action: "session.revoked",
                entity_type: "session",
                entity_id: Some(family),
                changes: serde_json::json!({}),
            },
        )
        .await
        .map_err(ApiError::from)?;
        txn.commit().await.map_err(ApiError::from)?;
        Ok(true)
    }

    /// Emails a reset link if the address has an account. Always answers `true`.
    async fn request_password_reset(&self, ctx: &Context<'_>, email: String) -> async_graphql::Result<bool> {
        limit(ctx, Action::PasswordReset, Some(&email))?;
        service::request_password_reset(&env(ctx), &email).await?;
        ctx.data_unchecked::<Mailer>().wake();
        Ok(true)
    }

    /// Sets a new password with the token from a reset link; ends every session.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        input: ResetPasswordInput,
    ) -> async_graphql::Result<bool> {
        limit(ctx, Action::PasswordReset, None)?;
        service::reset_password(&env(ctx), &input.token, &input.new_password).await?;
        Ok(true)
    }

    /// Changes your password; your other sessions end.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        input: ChangePasswordInput,
    ) -> async_graphql::Result<bool> {
        let scope = TenantScope::from_ctx(ctx).await?;
        let user_id = scope.user()?;
        limit(ctx, Action::LogIn, Some(&user_id.to_string()))?;
        service::change_password(
            &env(ctx),
            user_id,
            scope.tenant_id(),
            &input.current_password,
            &input.new_password,
        )
        .await?;
        Ok(true)
    }
}

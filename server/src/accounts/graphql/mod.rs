//! Sign up, verify, log in (with tenant choice), sessions and passwords over GraphQL.

mod api_keys;
pub mod types;

use async_graphql::{Context, ID, Object};
use sea_orm::{ActiveEnum, DatabaseConnection};

pub use api_keys::{ApiKeysMutation, ApiKeysQuery};
use types::{
    ChangePasswordInput, LogInInput, LogInResult, Me, ResetPasswordInput, Session, SessionPayload,
    SignUpInput, SignUpPayload, TenantChoicePayload, TenantOption, VerifyEmailPayload,
};

use super::domain::{EmailAddress, Password};
use super::login::{self, Credentials, LogIn};
use super::signup::{self, NewSignUp};
use super::worker::AccountJobs;
use super::{password, sessions};
use crate::audit::AuditContext;
use crate::auth::graphql::{host_slug, scope};
use crate::auth::limits::{Action, AuthLimits};
use crate::auth::tokens::{ACCESS_TTL, TokenKeys};
use crate::kernel::ids::parse_id;
use crate::kernel::input::parse_name;
use crate::kernel::{ApiError, FieldErrors, Links, RequestMeta, SharedClock};
use crate::mail::Outbox;
use crate::tenancy::domain::Slug;
use crate::tenancy::graphql::Tenant;

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn request<'a>(ctx: &'a Context<'_>) -> &'a RequestMeta {
    ctx.data_unchecked::<RequestMeta>()
}

fn audit(ctx: &Context<'_>) -> AuditContext {
    AuditContext::from(request(ctx))
}

fn refresh_token(ctx: &Context<'_>) -> Option<String> {
    sessions::token_from_cookies(request(ctx).cookies.as_deref())
}

/// Counts one attempt against the per-IP limit and, when `email` is an address, against that
/// address's budget — keyed on the parsed address, so `" Ann@X.io"` and `"ann@x.io"` share it.
fn limit(ctx: &Context<'_>, action: Action, email: Option<&str>) -> Result<(), ApiError> {
    let account = email.and_then(|raw| EmailAddress::parse(raw).ok());
    let account = account.as_ref().map(EmailAddress::as_str);
    ctx.data_unchecked::<AuthLimits>().check(action, request(ctx).client_ip, account)
}

/// Issues the access token and sets the refresh cookie.
fn session_payload(ctx: &Context<'_>, session: login::Session) -> SessionPayload {
    let role = session.role.to_value();
    let access_token = ctx.data_unchecked::<TokenKeys>().issue_access(
        session.user.id,
        session.tenant.id,
        session.refresh.family_id,
        &role,
    );
    ctx.append_http_header("set-cookie", sessions::set_cookie(&session.refresh.token));
    SessionPayload {
        access_token,
        expires_in: ACCESS_TTL.as_secs() as i32,
        user: session.user.into(),
        tenant: Tenant::new(session.tenant, ctx.data_unchecked::<Links>()),
        role: session.role.into(),
    }
}

fn tenant_option(ctx: &Context<'_>, choice: login::TenantChoice) -> TenantOption {
    TenantOption {
        host: ctx.data_unchecked::<Links>().tenant_host(&choice.tenant.slug),
        slug: choice.tenant.slug,
        name: choice.tenant.name,
        role: choice.role.into(),
    }
}

fn parse_password(field: &str, raw: &str) -> Result<Password, ApiError> {
    Password::parse(raw).map_err(|message| ApiError::field(field, message))
}

impl SignUpInput {
    fn parse(self) -> Result<NewSignUp, ApiError> {
        let mut errors = FieldErrors::default();
        let email = errors.check("email", EmailAddress::parse(&self.email));
        let password = errors.check("password", Password::parse(&self.password));
        let name = errors.check("name", parse_name(&self.name));
        let tenant_name = errors.check("tenantName", parse_name(&self.tenant_name));
        let slug = errors.check("tenantSlug", Slug::parse(&self.tenant_slug));
        match (email, password, name, tenant_name, slug) {
            (Some(email), Some(password), Some(name), Some(tenant_name), Some(slug)) => {
                Ok(NewSignUp { email, password, name, tenant_name, slug })
            }
            _ => Err(errors.into_result().expect_err("a field failed to parse")),
        }
    }
}

#[derive(Default)]
pub struct AccountsQuery;

#[Object]
impl AccountsQuery {
    /// The caller, their organization and role.
    async fn me(&self, ctx: &Context<'_>) -> Result<Me, ApiError> {
        let scope = scope(ctx).await?;
        let (user, tenant) = login::whoami(db(ctx), &scope).await?;
        let tenant = Tenant::new(tenant, ctx.data_unchecked::<Links>());
        Ok(Me { user: user.into(), tenant, role: scope.role().into() })
    }

    /// The active organizations you belong to (for switching between them), oldest first.
    async fn my_organizations(&self, ctx: &Context<'_>) -> Result<Vec<TenantOption>, ApiError> {
        let scope = scope(ctx).await?;
        let choices = login::my_organizations(db(ctx), &scope).await?;
        Ok(choices.into_iter().map(|choice| tenant_option(ctx, choice)).collect())
    }

    /// Your signed-in sessions in every organization, newest first.
    async fn my_sessions(&self, ctx: &Context<'_>) -> Result<Vec<Session>, ApiError> {
        let scope = scope(ctx).await?;
        let (heads, current) = login::my_sessions(db(ctx), &scope, refresh_token(ctx).as_deref()).await?;
        Ok(heads.into_iter().map(|head| Session::new(head, current)).collect())
    }
}

#[derive(Default)]
pub struct AccountsMutation;

#[Object]
impl AccountsMutation {
    /// Creates an organization at `<tenantSlug>.<BASE_DOMAIN>` with you as its owner, and emails
    /// a verification link.
    async fn sign_up(&self, ctx: &Context<'_>, input: SignUpInput) -> Result<SignUpPayload, ApiError> {
        limit(ctx, Action::SignUp, Some(&input.email))?;
        let input = input.parse()?;
        let (outbox, links) = (ctx.data_unchecked::<Outbox>(), ctx.data_unchecked::<Links>());
        let host = signup::sign_up(db(ctx), outbox, links, &audit(ctx), input).await?;
        Ok(SignUpPayload {
            message: "Check your email for a link to verify your address.".into(),
            tenant_host: host,
        })
    }

    /// Confirms an email address with the token from the verification link. A link opened a
    /// second time answers `alreadyVerified` when the address is verified.
    async fn verify_email(&self, ctx: &Context<'_>, token: String) -> Result<VerifyEmailPayload, ApiError> {
        limit(ctx, Action::Verification, None)?;
        let verified = signup::verify_email(db(ctx), &audit(ctx), &token).await?;
        Ok(VerifyEmailPayload { verified: true, already_verified: verified == signup::Verified::Already })
    }

    /// Emails a fresh verification link if the address has an unverified account. Always answers
    /// `true`, the same way whether or not it has one.
    async fn resend_verification_email(&self, ctx: &Context<'_>, email: String) -> Result<bool, ApiError> {
        limit(ctx, Action::Verification, Some(&email))?;
        let (clock, worker) = (ctx.data_unchecked::<SharedClock>(), ctx.data_unchecked::<AccountJobs>());
        signup::resend_verification(db(ctx), clock, worker, &email).await?;
        Ok(true)
    }

    /// Logs in; a member of several organizations first gets the choice.
    async fn log_in(&self, ctx: &Context<'_>, input: LogInInput) -> Result<LogInResult, ApiError> {
        limit(ctx, Action::LogIn, Some(&input.email))?;
        let credentials = Credentials {
            email: &input.email,
            password: &input.password,
            tenant_slug: input.tenant_slug.clone().or_else(|| host_slug(ctx)),
            user_agent: request(ctx).user_agent.clone(),
        };
        Ok(match login::log_in(db(ctx), &audit(ctx), credentials).await? {
            LogIn::Session(session) => LogInResult::Session(session_payload(ctx, *session)),
            LogIn::Choose(choices) => LogInResult::ChooseTenant(TenantChoicePayload {
                tenants: choices.into_iter().map(|choice| tenant_option(ctx, choice)).collect(),
            }),
        })
    }

    /// Exchanges the refresh-token cookie for a new access token (and a new cookie).
    async fn refresh_session(&self, ctx: &Context<'_>) -> Result<SessionPayload, ApiError> {
        let user_agent = request(ctx).user_agent.clone();
        let (keys, now) = (ctx.data_unchecked::<TokenKeys>(), ctx.data_unchecked::<SharedClock>().now());
        match login::refresh(db(ctx), keys.successor_key(), now, refresh_token(ctx).as_deref(), user_agent)
            .await
        {
            Ok(session) => Ok(session_payload(ctx, session)),
            Err(err) => {
                ctx.append_http_header("set-cookie", sessions::clear_cookie());
                Err(err)
            }
        }
    }

    /// Ends this browser's session.
    async fn log_out(&self, ctx: &Context<'_>) -> Result<bool, ApiError> {
        login::log_out(db(ctx), &audit(ctx), refresh_token(ctx).as_deref()).await?;
        ctx.append_http_header("set-cookie", sessions::clear_cookie());
        Ok(true)
    }

    /// Ends every session of yours, in every organization. Returns how many were ended.
    async fn log_out_everywhere(&self, ctx: &Context<'_>) -> Result<i32, ApiError> {
        let scope = scope(ctx).await?;
        let revoked = login::log_out_everywhere(db(ctx), &audit(ctx), &scope).await?;
        ctx.append_http_header("set-cookie", sessions::clear_cookie());
        Ok(revoked as i32)
    }

    /// Ends one of your sessions (another browser or device). Someone else's is `NOT_FOUND`.
    async fn revoke_session(&self, ctx: &Context<'_>, id: ID) -> Result<bool, ApiError> {
        let scope = scope(ctx).await?;
        scope.user()?;
        let family = parse_id(&id, "session")?;
        login::revoke_session(db(ctx), &audit(ctx), &scope, family).await?;
        Ok(true)
    }

    /// Emails a reset link if the address has an account. Always answers `true`.
    async fn request_password_reset(&self, ctx: &Context<'_>, email: String) -> Result<bool, ApiError> {
        limit(ctx, Action::PasswordReset, Some(&email))?;
        let (clock, worker) = (ctx.data_unchecked::<SharedClock>(), ctx.data_unchecked::<AccountJobs>());
        password::request_reset(db(ctx), clock, worker, &email).await?;
        Ok(true)
    }

    /// Sets a new password with the token from a reset link; ends every session.
    async fn reset_password(&self, ctx: &Context<'_>, input: ResetPasswordInput) -> Result<bool, ApiError> {
        limit(ctx, Action::PasswordReset, None)?;
        let new_password = parse_password("newPassword", &input.new_password)?;
        password::reset(db(ctx), &audit(ctx), &input.token, new_password).await?;
        Ok(true)
    }

    /// Changes your password; your other sessions end.
    async fn change_password(&self, ctx: &Context<'_>, input: ChangePasswordInput) -> Result<bool, ApiError> {
        let scope = scope(ctx).await?;
        let user_id = scope.user()?;
        ctx.data_unchecked::<AuthLimits>().check(
            Action::LogIn,
            request(ctx).client_ip,
            Some(&user_id.to_string()),
        )?;
        let new_password = parse_password("newPassword", &input.new_password)?;
        let keep = refresh_token(ctx);
        password::change(
            db(ctx),
            &audit(ctx),
            &scope,
            &input.current_password,
            new_password,
            keep.as_deref(),
        )
        .await?;
        Ok(true)
    }
}

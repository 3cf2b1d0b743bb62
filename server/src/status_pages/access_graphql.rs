//! Restricted status pages over GraphQL: the organization sets who may see a page; a visitor
//! unlocks it with its password or asks for a link by email, on the page's host, without login.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{status_pages, tenants};
use sea_orm::DatabaseConnection;

use super::access::{self, Grant};
use super::graphql::{changed, page_out};
use super::subscriber_graphql::SubscribePayload;
use super::subscribers::SubscriberMail;
use super::{pages, public};
use crate::audit::AuditContext;
use crate::auth::graphql::scope;
use crate::auth::limits::{Action, AuthLimits};
use crate::auth::tokens::TokenKeys;
use crate::kernel::ids::parse_id;
use crate::kernel::input::EmailAddress;
use crate::kernel::{ApiError, Links, RequestMeta, SharedClock};
use crate::tenancy::hostnames::HostnameRegistry;

fn db<'a>(ctx: &'a Context<'_>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

fn now(ctx: &Context<'_>) -> DateTime<Utc> {
    ctx.data_unchecked::<SharedClock>().now()
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entity::status_pages::Access")]
pub enum StatusPageAccessMode {
    /// Anyone.
    Public,
    /// Visitors who give the page's password.
    Password,
    /// Visitors who open a link mailed to an address in one of `emailDomains`.
    EmailDomain,
}

/// Who may see a page (its password is never returned).
#[derive(SimpleObject)]
pub struct StatusPageAccess {
    pub mode: StatusPageAccessMode,
    pub email_domains: Vec<String>,
    /// Whether a password is set (switching to `PASSWORD` then needs no new one).
    pub has_password: bool,
}

impl StatusPageAccess {
    pub fn of(page: &status_pages::Model) -> Self {
        Self {
            mode: page.access.into(),
            email_domains: page
                .email_domains
                .split(',')
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
                .collect(),
            has_password: page.password_hash.is_some(),
        }
    }
}

#[derive(InputObject)]
pub struct StatusPageAccessInput {
    pub mode: StatusPageAccessMode,
    /// A new password (8 to 128 characters); omit to keep the current one.
    pub password: Option<String>,
    /// For `EMAIL_DOMAIN`: domains such as `example.com` (at most 20).
    #[graphql(default)]
    pub email_domains: Vec<String>,
}

/// What opens a restricted page: pass `token` as `publicStatusPage(accessToken:)`.
#[derive(SimpleObject)]
pub struct StatusPageAccessGrant {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

impl From<Grant> for StatusPageAccessGrant {
    fn from(grant: Grant) -> Self {
        Self { token: grant.token, expires_at: grant.expires_at }
    }
}

/// The page at `slug` on this request's host, for a visitor; `NOT_FOUND` when there is none.
pub(super) async fn visited_page(
    ctx: &Context<'_>,
    slug: &str,
) -> Result<(tenants::Model, status_pages::Model), ApiError> {
    let not_found = || ApiError::not_found("status page");
    let slug = pages::parse_slug(slug).map_err(|_| not_found())?;
    let host = ctx.data_unchecked::<RequestMeta>().host.clone().ok_or_else(not_found)?;
    let (links, registry) = (ctx.data_unchecked::<Links>(), ctx.data_unchecked::<HostnameRegistry>());
    public::page_by_host(db(ctx), links, registry, &host, &slug).await?.ok_or_else(not_found)
}

#[derive(Default)]
pub struct AccessMutation;

#[Object]
impl AccessMutation {
    /// Sets who may see a page. Members and above. Any change (a new password, other domains)
    /// ends the access visitors were given before it.
    async fn set_status_page_access(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        input: StatusPageAccessInput,
    ) -> Result<super::graphql::StatusPage, ApiError> {
        let scope = scope(ctx).await?;
        let page_id = parse_id(&page_id, "status page")?;
        let draft = access::parse_draft(input.mode.into(), input.password.as_deref(), &input.email_domains)?;
        let audit = AuditContext::from(ctx.data_unchecked::<RequestMeta>());
        let page = access::set(db(ctx), &audit, &scope, now(ctx), page_id, draft).await?;
        changed(ctx, scope.tenant_id()).await;
        page_out(ctx, page).await
    }

    /// Opens a password-protected page at `slug` of this host's organization. No login; limited
    /// per client IP. A wrong password is `BAD_USER_INPUT` on `password`.
    async fn unlock_status_page(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] slug: String,
        password: String,
    ) -> Result<StatusPageAccessGrant, ApiError> {
        let request = ctx.data_unchecked::<RequestMeta>();
        ctx.data_unchecked::<AuthLimits>().check(Action::PageAccess, request.client_ip, None)?;
        let (_, page) = visited_page(ctx, &slug).await?;
        let keys = ctx.data_unchecked::<TokenKeys>();
        Ok(access::unlock(keys, &page, password, now(ctx)).await?.into())
    }

    /// Mails a link that opens the page at `slug` when `email` is in one of its domains. The
    /// answer is the same whether or not it is (no enumeration). Limited per IP and address.
    async fn request_status_page_access(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] slug: String,
        email: String,
    ) -> Result<SubscribePayload, ApiError> {
        let request = ctx.data_unchecked::<RequestMeta>();
        let email = EmailAddress::parse(&email).map_err(|message| ApiError::field("email", message))?;
        ctx.data_unchecked::<AuthLimits>().check(
            Action::PageAccess,
            request.client_ip,
            Some(email.as_str()),
        )?;
        let (tenant, page) = visited_page(ctx, &slug).await?;
        let (mail, keys) = (ctx.data_unchecked::<SubscriberMail>(), ctx.data_unchecked::<TokenKeys>());
        access::request_link(db(ctx), mail, keys, &tenant, &page, &email, now(ctx)).await?;
        Ok(SubscribePayload {
            message: format!("If {} may view this page, a link to open it is on its way.", email.as_str()),
        })
    }
}

//! The request-side of auth for resolvers: the principal, the tenant scope (resolved once per
//! request and reused by every resolver of it) and the platform-admin proof. Only resolvers call
//! these; services receive the scope or proof they return.

use async_graphql::Context;
use entity::memberships::Role;
use sea_orm::DatabaseConnection;
use tokio::sync::OnceCell;

use super::guards::PlatformAdmin;
use super::{Principal, TenantScope};
use crate::kernel::{ApiError, Links, RequestMeta};

/// Per-request memo of the resolved scope and admin proof (inserted by the HTTP edge).
#[derive(Default)]
pub struct RequestAuth {
    scope: OnceCell<TenantScope>,
    admin: OnceCell<PlatformAdmin>,
}

pub fn principal<'a>(ctx: &'a Context<'_>) -> &'a Principal {
    ctx.data_opt::<Principal>().unwrap_or(&Principal::Anonymous)
}

/// The caller's tenant scope; `UNAUTHENTICATED`/`FORBIDDEN` when there is none.
pub async fn scope(ctx: &Context<'_>) -> Result<TenantScope, ApiError> {
    let resolve = || async {
        let db = ctx.data_unchecked::<DatabaseConnection>();
        TenantScope::resolve(db, principal(ctx), host_slug(ctx).as_deref()).await
    };
    match ctx.data_opt::<RequestAuth>() {
        Some(memo) => memo.scope.get_or_try_init(resolve).await.cloned(),
        None => resolve().await,
    }
}

/// The scope, if the caller's role is at least `minimum`; `FORBIDDEN` otherwise.
pub async fn require(ctx: &Context<'_>, minimum: Role) -> Result<TenantScope, ApiError> {
    let scope = scope(ctx).await?;
    scope.require(minimum)?;
    Ok(scope)
}

/// Proof that the caller is a platform admin; `UNAUTHENTICATED` for anonymous callers,
/// `FORBIDDEN` for everyone else.
pub async fn platform_admin(ctx: &Context<'_>) -> Result<PlatformAdmin, ApiError> {
    let verify = || async {
        let db = ctx.data_unchecked::<DatabaseConnection>();
        PlatformAdmin::verify(db, principal(ctx)).await
    };
    match ctx.data_opt::<RequestAuth>() {
        Some(memo) => memo.admin.get_or_try_init(verify).await.cloned(),
        None => verify().await,
    }
}

/// The tenant slug when the request came to `<slug>.<BASE_DOMAIN>`.
pub fn host_slug(ctx: &Context<'_>) -> Option<String> {
    let host = ctx.data_opt::<RequestMeta>()?.host.as_deref()?;
    ctx.data_opt::<Links>()?.tenant_slug_of(host)
}

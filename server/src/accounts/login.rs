//! Logging in (with a choice of organization), refreshing, logging out, and the signed-in
//! sessions of a user.

use entity::memberships::Role;
use entity::tenants::TenantStatus;
use entity::{refresh_tokens, tenants};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::sessions::{self, IssuedRefresh, Rotation};
use super::users::Profile;
use crate::audit::{self, AuditContext, AuditEvent, actions};
use crate::auth::{TenantScope, crypto};
use crate::kernel::{Actor, ApiError};
use crate::tenancy::memberships;

/// A tenant the user may log in to.
#[derive(Debug, Clone)]
pub struct TenantChoice {
    pub tenant: tenants::Model,
    pub role: Role,
}

pub enum LogIn {
    Session(Box<Session>),
    Choose(Vec<TenantChoice>),
}

/// A session bound to one tenant; the caller issues the access token and sets the cookie.
pub struct Session {
    pub user: Profile,
    pub tenant: tenants::Model,
    pub role: Role,
    pub refresh: IssuedRefresh,
}

pub struct Credentials<'a> {
    pub email: &'a str,
    pub password: &'a str,
    /// The organization asked for, or the one whose host the request came to.
    pub tenant_slug: Option<String>,
    pub user_agent: Option<String>,
}

const INVALID_LOGIN: &str = "email or password is wrong";

/// Checks the password; picks the tenant from `tenant_slug`, or the only one; otherwise
/// returns the choice.
pub async fn log_in(
    db: &DatabaseConnection,
    audit: &AuditContext,
    login: Credentials<'_>,
) -> Result<LogIn, ApiError> {
    let email = login.email.trim().to_lowercase();
    let user = super::users::account_by_email(db, &email).await?;
    let stored = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| crypto::dummy_hash().to_owned());
    let password_ok = crypto::verify_password(login.password.to_owned(), stored).await;
    let user = match user {
        Some(user) if password_ok && user.password_hash.is_some() => user,
        _ => return Err(ApiError::field("password", INVALID_LOGIN)),
    };
    if user.email_verified_at.is_none() {
        return Err(ApiError::Forbidden);
    }
    let mut choices = tenant_choices(db, user.id).await?;
    choices.retain(|choice| choice.tenant.status == TenantStatus::Active);
    let chosen = match login.tenant_slug {
        Some(slug) => match choices.into_iter().find(|choice| choice.tenant.slug == slug) {
            Some(choice) => choice,
            None => return Err(ApiError::field("tenantSlug", "you are not a member of this organization")),
        },
        None if choices.len() == 1 => choices.remove(0),
        None if choices.is_empty() => return Err(ApiError::Forbidden),
        None => return Ok(LogIn::Choose(choices)),
    };
    let txn = crate::db::begin_write(db).await?;
    let refresh = sessions::create(&txn, chosen.tenant.id, user.id, None, login.user_agent).await?;
    let event = AuditEvent {
        tenant_id: chosen.tenant.id,
        actor: Actor::User(user.id),
        action: actions::SESSION_CREATED,
        entity_type: "user",
        entity_id: Some(user.id),
        changes: serde_json::json!({ "family": refresh.family_id }),
    };
    audit::record(&txn, audit, event).await?;
    txn.commit().await?;
    Ok(LogIn::Session(Box::new(Session {
        user: user.into(),
        tenant: chosen.tenant,
        role: chosen.role,
        refresh,
    })))
}

pub async fn tenant_choices(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<TenantChoice>, ApiError> {
    let rows = memberships::of_user(db, user_id).await?;
    Ok(rows.into_iter().map(|(membership, tenant)| TenantChoice { tenant, role: membership.role }).collect())
}

/// Rotates the refresh token into a new session of the same tenant.
pub async fn refresh(
    db: &DatabaseConnection,
    successor_key: &[u8; 32],
    now: chrono::DateTime<chrono::Utc>,
    refresh_token: Option<&str>,
    user_agent: Option<String>,
) -> Result<Session, ApiError> {
    let token = refresh_token.ok_or(ApiError::Unauthenticated)?;
    let txn = crate::db::begin_write(db).await?;
    let (session, next) = match sessions::rotate(&txn, successor_key, token, user_agent, now).await? {
        Rotation::Rotated { session, next } => (session, next),
        Rotation::ReuseDetected => {
            txn.commit().await?; // keep the family revoked
            tracing::warn!("refresh token reuse detected: its session family is revoked");
            return Err(ApiError::Unauthenticated);
        }
        Rotation::Invalid => return Err(ApiError::Unauthenticated),
    };
    let user = super::users::profile(&txn, session.user_id).await?.ok_or(ApiError::Unauthenticated)?;
    let tenant =
        crate::tenancy::tenants::by_id(&txn, session.tenant_id).await?.ok_or(ApiError::Unauthenticated)?;
    let membership = memberships::find(&txn, tenant.id, user.id).await?;
    let Some(membership) = membership.filter(|_| tenant.status == TenantStatus::Active) else {
        sessions::revoke_family(&txn, session.family_id, now).await?;
        txn.commit().await?;
        return Err(ApiError::Unauthenticated);
    };
    txn.commit().await?;
    Ok(Session { user, tenant, role: membership.role, refresh: next })
}

/// Revokes the refresh token's session family.
pub async fn log_out(
    db: &DatabaseConnection,
    audit: &AuditContext,
    refresh_token: Option<&str>,
) -> Result<(), ApiError> {
    let Some(token) = refresh_token else { return Ok(()) };
    let txn = crate::db::begin_write(db).await?;
    if let Some(session) = sessions::find_by_token(&txn, token).await? {
        sessions::revoke_family(&txn, session.family_id, chrono::Utc::now()).await?;
        let event = AuditEvent {
            tenant_id: session.tenant_id,
            actor: Actor::User(session.user_id),
            action: actions::SESSION_ENDED,
            entity_type: "session",
            entity_id: Some(session.family_id),
            changes: serde_json::json!({}),
        };
        audit::record(&txn, audit, event).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Revokes every session of the caller, in every tenant; returns how many.
pub async fn log_out_everywhere(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
) -> Result<u64, ApiError> {
    let user_id = scope.user()?;
    let txn = crate::db::begin_write(db).await?;
    let revoked = sessions::revoke_user(&txn, user_id, None).await?;
    let changes = serde_json::json!({ "sessions_revoked": revoked });
    audit::record_in(&txn, audit, scope, actions::SESSION_REVOKED_ALL, ("user", user_id), changes).await?;
    txn.commit().await?;
    Ok(revoked)
}

/// The caller's signed-in sessions (one per browser) in every organization, newest first, and
/// which of them is the one presenting `current_token`.
pub async fn my_sessions(
    db: &DatabaseConnection,
    scope: &TenantScope,
    current_token: Option<&str>,
) -> Result<(Vec<refresh_tokens::Model>, Option<Uuid>), ApiError> {
    let user_id = scope.user()?;
    let current = match current_token {
        Some(token) => sessions::family_of(db, token).await?,
        None => None,
    };
    Ok((sessions::active_for_user(db, user_id).await?, current))
}

/// Ends one of the caller's sessions; another user's (or a missing one) is `NOT_FOUND`.
pub async fn revoke_session(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    family_id: Uuid,
) -> Result<(), ApiError> {
    let user_id = scope.user()?;
    let txn = crate::db::begin_write(db).await?;
    if !sessions::revoke_for_user(&txn, user_id, family_id).await? {
        return Err(ApiError::not_found("session"));
    }
    let changes = serde_json::json!({});
    audit::record_in(&txn, audit, scope, actions::SESSION_REVOKED, ("session", family_id), changes).await?;
    txn.commit().await?;
    Ok(())
}

/// The calling user and their organization.
pub async fn whoami(
    db: &DatabaseConnection,
    scope: &TenantScope,
) -> Result<(Profile, tenants::Model), ApiError> {
    let user = super::users::profile(db, scope.user()?).await?;
    let tenant = crate::tenancy::tenants::current(db, scope).await?;
    user.map(|user| (user, tenant)).ok_or(ApiError::Unauthenticated)
}

/// The caller's active organizations.
pub async fn my_organizations(
    db: &DatabaseConnection,
    scope: &TenantScope,
) -> Result<Vec<TenantChoice>, ApiError> {
    let mut choices = tenant_choices(db, scope.user()?).await?;
    choices.retain(|choice| choice.tenant.status == TenantStatus::Active);
    Ok(choices)
}

//! Account flows: sign up, verify email, log in (with tenant choice), refresh, log out,
//! password reset and change. Each opens one transaction; the audit event and any email go in
//! it. Callers wake the mailer after a commit.

use chrono::{Duration, Utc};
use entity::memberships::Role;
use entity::one_time_tokens::TokenPurpose;
use entity::tenant_domains::DomainKind;
use entity::tenants::TenantStatus;
use entity::{memberships, one_time_tokens, tenant_domains, tenants, users};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use super::crypto::{self, random_token, sha256_hex};
use super::domain::{EmailAddress, FieldErrors, Password, Slug, parse_name};
use super::sessions::{self, IssuedRefresh, Rotation};
use crate::audit::{self, Actor, AuditEvent};
use crate::config::MailSettings;
use crate::graphql::{ApiError, RequestContext};
use crate::mail::outbox::{self, NewEmail};
use crate::mail::templates::{AccountExists, Links, PasswordReset, Verification};

pub const VERIFICATION_HOURS: u32 = 48;
pub const RESET_HOURS: u32 = 24;

/// What the flows need besides the database.
pub struct Env<'a> {
    pub db: &'a DatabaseConnection,
    pub request: &'a RequestContext,
    pub mail: &'a MailSettings,
    pub links: &'a Links,
    pub base_domain: &'a str,
}

pub struct SignUpInput {
    pub email: String,
    pub password: String,
    pub name: String,
    pub tenant_name: String,
    pub tenant_slug: String,
}

/// Creates user, tenant, subdomain and owner membership, and queues the verification email.
/// An email that already has an account gets a notice instead, and the same answer, so the
/// response never reveals whether an address is registered.
pub async fn sign_up(env: &Env<'_>, input: SignUpInput) -> Result<String, ApiError> {
    let mut errors = FieldErrors::default();
    let email = errors.check("email", EmailAddress::parse(&input.email));
    let password = errors.check("password", Password::parse(&input.password));
    let name = errors.check("name", parse_name(&input.name));
    let tenant_name = errors.check("tenantName", parse_name(&input.tenant_name));
    let slug = errors.check("tenantSlug", Slug::parse(&input.tenant_slug));
    errors.into_result()?;
    let (email, password, name, tenant_name, slug) =
        (email.unwrap(), password.unwrap(), name.unwrap(), tenant_name.unwrap(), slug.unwrap());
    let host = format!("{}.{}", slug.as_str(), env.base_domain);

    let hash = crypto::hash_password(password.expose().to_owned()).await?;
    let txn = crate::db::begin_write(env.db).await?;
    if tenants::Entity::find().filter(tenants::Column::Slug.eq(slug.as_str())).one(&txn).await?.is_some() {
        return Err(ApiError::Conflict {
            field: "tenantSlug".into(),
            message: "this address is taken".into(),
        });
    }
    let existing = users::Entity::find().filter(users::Column::Email.eq(email.as_str())).one(&txn).await?;
    if let Some(user) = existing {
        let content = AccountExists {
            login_link: env.links.app("/login"),
            reset_link: env.links.app("/forgot-password"),
        }
        .email();
        let notice = NewEmail {
            tenant_id: None,
            kind: "signup_existing",
            recipient: user.email,
            content,
            dedup_key: None,
        };
        outbox::enqueue(&txn, notice, env.mail.max_attempts).await?;
        txn.commit().await?;
        return Ok(host);
    }

    let now = Utc::now();
    let user = users::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.as_str().to_owned()),
        display_name: Set(name.clone()),
        password_hash: Set(Some(hash)),
        email_verified_at: Set(None),
        is_platform_admin: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let tenant = tenants::ActiveModel {
        id: Set(Uuid::now_v7()),
        slug: Set(slug.as_str().to_owned()),
        name: Set(tenant_name.clone()),
        status: Set(TenantStatus::Active),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(|err| unique_violation(err, "tenantSlug", "this address is taken"))?;
    tenant_domains::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant.id),
        hostname: Set(host.clone()),
        kind: Set(DomainKind::Subdomain),
        verified_at: Set(Some(now)),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    memberships::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(tenant.id),
        user_id: Set(user.id),
        role: Set(Role::Owner),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let token = issue_one_time(&txn, user.id, TokenPurpose::EmailVerification, VERIFICATION_HOURS).await?;
    let content = Verification {
        name,
        tenant_name: tenant_name.clone(),
        link: env.links.app(&format!("/verify-email?token={token}")),
        valid_hours: VERIFICATION_HOURS,
    }
    .email();
    let verification = NewEmail {
        tenant_id: Some(tenant.id),
        kind: "verification",
        recipient: user.email.clone(),
        content,
        dedup_key: None,
    };
    outbox::enqueue(&txn, verification, env.mail.max_attempts).await?;
    audit::record(
        &txn,
        env.request,
        AuditEvent {
            tenant_id: tenant.id,
            actor: Actor::User(user.id),
            action: "tenant.signed_up",
            entity_type: "tenant",
            entity_id: Some(tenant.id),
            changes: serde_json::json!({ "slug": slug.as_str(), "name": tenant_name, "owner": user.email }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(host)
}

/// Marks the token's user verified. Single use; expired or unknown tokens are `BAD_USER_INPUT`.
pub async fn verify_email(env: &Env<'_>, token: &str) -> Result<(), ApiError> {
    let txn = crate::db::begin_write(env.db).await?;
    let user_id = consume_one_time(&txn, token, TokenPurpose::EmailVerification).await?;
    let user =
        users::Entity::find_by_id(user_id).one(&txn).await?.ok_or(ApiError::NotFound { entity: "user" })?;
    let mut active: users::ActiveModel = user.into();
    let now = Utc::now();
    active.email_verified_at = Set(Some(now));
    active.updated_at = Set(now);
    active.update(&txn).await?;
    audit_in_every_tenant(&txn, env, user_id, "user.email_verified").await?;
    txn.commit().await?;
    Ok(())
}

/// A user-level change, recorded in the audit log of every organization the user belongs to.
async fn audit_in_every_tenant(
    db: &impl ConnectionTrait,
    env: &Env<'_>,
    user_id: Uuid,
    action: &str,
) -> Result<(), ApiError> {
    for membership in
        memberships::Entity::find().filter(memberships::Column::UserId.eq(user_id)).all(db).await?
    {
        audit::record(
            db,
            env.request,
            AuditEvent {
                tenant_id: membership.tenant_id,
                actor: Actor::User(user_id),
                action,
                entity_type: "user",
                entity_id: Some(user_id),
                changes: serde_json::json!({}),
            },
        )
        .await?;
    }
    Ok(())
}

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

/// A session bound to one tenant.
pub struct Session {
    pub user: users::Model,
    pub tenant: tenants::Model,
    pub role: Role,
    pub refresh: IssuedRefresh,
}

const INVALID_LOGIN: &str = "email or password is wrong";

/// Checks the password; picks the tenant from `tenant_slug` (or the request's tenant host), or
/// the only one; otherwise returns the choice.
pub async fn log_in(
    env: &Env<'_>,
    email: &str,
    password: &str,
    tenant_slug: Option<&str>,
) -> Result<LogIn, ApiError> {
    let email = email.trim().to_lowercase();
    let user = users::Entity::find().filter(users::Column::Email.eq(&email)).one(env.db).await?;
    let stored = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| crypto::dummy_hash().to_owned());
    let password_ok = crypto::verify_password(password.to_owned(), stored).await;
    let user = match user {
        Some(user) if password_ok && user.password_hash.is_some() => user,
        _ => return Err(ApiError::field("password", INVALID_LOGIN)),
    };
    if user.email_verified_at.is_none() {
        return Err(ApiError::Forbidden);
    }
    let mut choices = tenant_choices(env.db, user.id).await?;
    choices.retain(|choice| choice.tenant.status == TenantStatus::Active);
    let wanted = tenant_slug.map(str::to_owned).or_else(|| host_slug(env));
    let chosen = match wanted {
        Some(slug) => match choices.into_iter().find(|choice| choice.tenant.slug == slug) {
            Some(choice) => choice,
            None => return Err(ApiError::field("tenantSlug", "you are not a member of this organization")),
        },
        None if choices.len() == 1 => choices.remove(0),
        None if choices.is_empty() => return Err(ApiError::Forbidden),
        None => return Ok(LogIn::Choose(choices)),
    };
    let txn = crate::db::begin_write(env.db).await?;
    let refresh =
        sessions::create(&txn, chosen.tenant.id, user.id, None, env.request.user_agent.clone()).await?;
    audit::record(
        &txn,
        env.request,
        AuditEvent {
            tenant_id: chosen.tenant.id,
            actor: Actor::User(user.id),
            action: "session.created",
            entity_type: "user",
            entity_id: Some(user.id),
            changes: serde_json::json!({ "family": refresh.family_id }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(LogIn::Session(Box::new(Session { user, tenant: chosen.tenant, role: chosen.role, refresh })))
}

/// Rotates the refresh token from the cookie into a new session of the same tenant.
pub async fn refresh(env: &Env<'_>) -> Result<Session, ApiError> {
    let token =
        sessions::token_from_cookies(env.request.cookies.as_deref()).ok_or(ApiError::Unauthenticated)?;
    let txn = crate::db::begin_write(env.db).await?;
    let rotation = sessions::rotate(&txn, &token, env.request.user_agent.clone()).await?;
    let (session, next) = match rotation {
        Rotation::Rotated { session, next } => (session, next),
        Rotation::ReuseDetected => {
            txn.commit().await?; // keep the family revoked
            tracing::warn!("refresh token reuse detected: its session family is revoked");
            return Err(ApiError::Unauthenticated);
        }
        Rotation::Invalid => return Err(ApiError::Unauthenticated),
    };
    let user =
        users::Entity::find_by_id(session.user_id).one(&txn).await?.ok_or(ApiError::Unauthenticated)?;
    let tenant =
        tenants::Entity::find_by_id(session.tenant_id).one(&txn).await?.ok_or(ApiError::Unauthenticated)?;
    let membership = memberships::Entity::find()
        .filter(memberships::Column::TenantId.eq(tenant.id))
        .filter(memberships::Column::UserId.eq(user.id))
        .one(&txn)
        .await?;
    let Some(membership) = membership.filter(|_| tenant.status == TenantStatus::Active) else {
        sessions::revoke_family(&txn, session.family_id).await?;
        txn.commit().await?;
        return Err(ApiError::Unauthenticated);
    };
    txn.commit().await?;
    Ok(Session { user, tenant, role: membership.role, refresh: next })
}

/// Revokes the cookie's session family.
pub async fn log_out(env: &Env<'_>) -> Result<(), ApiError> {
    let Some(token) = sessions::token_from_cookies(env.request.cookies.as_deref()) else {
        return Ok(());
    };
    let txn = crate::db::begin_write(env.db).await?;
    let session = entity::refresh_tokens::Entity::find()
        .filter(entity::refresh_tokens::Column::TokenHash.eq(sha256_hex(&token)))
        .one(&txn)
        .await?;
    if let Some(session) = session {
        sessions::revoke_family(&txn, session.family_id).await?;
        audit::record(
            &txn,
            env.request,
            AuditEvent {
                tenant_id: session.tenant_id,
                actor: Actor::User(session.user_id),
                action: "session.ended",
                entity_type: "session",
                entity_id: Some(session.family_id),
                changes: serde_json::json!({}),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Always succeeds (the answer never reveals whether the email exists); a known user gets a
/// single-use link valid 24 hours.
pub async fn request_password_reset(env: &Env<'_>, email: &str) -> Result<(), ApiError> {
    let email = email.trim().to_lowercase();
    let txn = crate::db::begin_write(env.db).await?;
    if let Some(user) = users::Entity::find().filter(users::Column::Email.eq(&email)).one(&txn).await? {
        let token = issue_one_time(&txn, user.id, TokenPurpose::PasswordReset, RESET_HOURS).await?;
        let content = PasswordReset {
            link: env.links.app(&format!("/reset-password?token={token}")),
            valid_hours: RESET_HOURS,
        }
        .email();
        let mail = NewEmail {
            tenant_id: None,
            kind: "password_reset",
            recipient: user.email,
            content,
            dedup_key: None,
        };
        outbox::enqueue(&txn, mail, env.mail.max_attempts).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Sets a new password from a reset link and revokes every session of the user.
pub async fn reset_password(env: &Env<'_>, token: &str, new_password: &str) -> Result<(), ApiError> {
    let password =
        Password::parse(new_password).map_err(|message| ApiError::field("newPassword", message))?;
    let hash = crypto::hash_password(password.expose().to_owned()).await?;
    let txn = crate::db::begin_write(env.db).await?;
    let user_id = consume_one_time(&txn, token, TokenPurpose::PasswordReset).await?;
    set_password(&txn, user_id, hash).await?;
    sessions::revoke_user(&txn, user_id, None).await?;
    audit_in_every_tenant(&txn, env, user_id, "user.password_reset").await?;
    txn.commit().await?;
    Ok(())
}

/// Changes the caller's password and revokes their other sessions.
pub async fn change_password(
    env: &Env<'_>,
    user_id: Uuid,
    tenant_id: Uuid,
    current: &str,
    new_password: &str,
) -> Result<(), ApiError> {
    let password =
        Password::parse(new_password).map_err(|message| ApiError::field("newPassword", message))?;
    let user = users::Entity::find_by_id(user_id).one(env.db).await?.ok_or(ApiError::Unauthenticated)?;
    let stored = user.password_hash.clone().unwrap_or_default();
    if !crypto::verify_password(current.to_owned(), stored).await {
        return Err(ApiError::field("currentPassword", "is wrong"));
    }
    let hash = crypto::hash_password(password.expose().to_owned()).await?;
    let txn = crate::db::begin_write(env.db).await?;
    set_password(&txn, user_id, hash).await?;
    let keep = match sessions::token_from_cookies(env.request.cookies.as_deref()) {
        Some(token) => sessions::family_of(&txn, &token).await?,
        None => None,
    };
    let revoked = sessions::revoke_user(&txn, user_id, keep).await?;
    audit::record(
        &txn,
        env.request,
        AuditEvent {
            tenant_id,
            actor: Actor::User(user_id),
            action: "user.password_changed",
            entity_type: "user",
            entity_id: Some(user_id),
            changes: serde_json::json!({ "sessions_revoked": revoked }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Revokes every session of the caller, in every tenant.
pub async fn log_out_everywhere(env: &Env<'_>, user_id: Uuid, tenant_id: Uuid) -> Result<u64, ApiError> {
    let txn = crate::db::begin_write(env.db).await?;
    let revoked = sessions::revoke_user(&txn, user_id, None).await?;
    audit::record(
        &txn,
        env.request,
        AuditEvent {
            tenant_id,
            actor: Actor::User(user_id),
            action: "session.revoked_all",
            entity_type: "user",
            entity_id: Some(user_id),
            changes: serde_json::json!({ "sessions_revoked": revoked }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(revoked)
}

pub async fn tenant_choices(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<TenantChoice>, ApiError> {
    let rows = memberships::Entity::find()
        .filter(memberships::Column::UserId.eq(user_id))
        .find_also_related(tenants::Entity)
        .order_by_asc(memberships::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(m, t)| t.map(|tenant| TenantChoice { tenant, role: m.role })).collect())
}

/// The tenant slug when the request came to `<slug>.<BASE_DOMAIN>`.
pub fn host_slug(env: &Env<'_>) -> Option<String> {
    crate::tenancy::hostnames::tenant_slug(env.request.host.as_deref()?, env.base_domain)
}

async fn issue_one_time(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    purpose: TokenPurpose,
    valid_hours: u32,
) -> Result<String, ApiError> {
    let now = Utc::now();
    // A new link replaces the user's earlier unused ones of the same purpose.
    one_time_tokens::Entity::update_many()
        .col_expr(one_time_tokens::Column::UsedAt, Some(now).into())
        .filter(one_time_tokens::Column::UserId.eq(user_id))
        .filter(one_time_tokens::Column::Purpose.eq(purpose))
        .filter(one_time_tokens::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let token = random_token();
    one_time_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        purpose: Set(purpose),
        user_id: Set(user_id),
        token_hash: Set(sha256_hex(&token)),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(i64::from(valid_hours))),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Marks a one-time token used and returns its user; the same error for unknown, used and
/// expired tokens.
async fn consume_one_time(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: TokenPurpose,
) -> Result<Uuid, ApiError> {
    let now = Utc::now();
    let invalid = || ApiError::field("token", "this link is invalid or has expired");
    let row = one_time_tokens::Entity::find()
        .filter(one_time_tokens::Column::TokenHash.eq(sha256_hex(token.trim())))
        .filter(one_time_tokens::Column::Purpose.eq(purpose))
        .one(db)
        .await?
        .ok_or_else(invalid)?;
    if row.used_at.is_some() || row.expires_at <= now {
        return Err(invalid());
    }
    let used = one_time_tokens::Entity::update_many()
        .col_expr(one_time_tokens::Column::UsedAt, Some(now).into())
        .filter(one_time_tokens::Column::Id.eq(row.id))
        .filter(one_time_tokens::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if used.rows_affected != 1 {
        return Err(invalid());
    }
    Ok(row.user_id)
}

async fn set_password(db: &impl ConnectionTrait, user_id: Uuid, hash: String) -> Result<(), ApiError> {
    let now = Utc::now();
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Some(hash).into())
        .col_expr(users::Column::UpdatedAt, now.into())
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// A unique violation becomes a `CONFLICT` on `field`; anything else stays internal.
fn unique_violation(err: sea_orm::DbErr, field: &str, message: &str) -> ApiError {
    match err.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            ApiError::Conflict { field: field.to_owned(), message: message.to_owned() }
        }
        _ => ApiError::from(err),
    }
}

/// `server create-admin`: creates (or promotes) a verified platform admin, who owns the
/// organization `tenant_slug` (created if missing) so they can log in like anyone else.
pub async fn create_platform_admin(
    db: &DatabaseConnection,
    base_domain: &str,
    email: &str,
    name: &str,
    password: &str,
    tenant_slug: &str,
) -> Result<Uuid, ApiError> {
    let mut errors = FieldErrors::default();
    let email = errors.check("email", EmailAddress::parse(email));
    let password = errors.check("password", Password::parse(password));
    let name = errors.check("name", parse_name(name));
    let slug = errors.check("tenant-slug", Slug::parse(tenant_slug));
    errors.into_result()?;
    let (email, password, name, slug) = (email.unwrap(), password.unwrap(), name.unwrap(), slug.unwrap());
    let hash = crypto::hash_password(password.expose().to_owned()).await?;
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let user = match users::Entity::find().filter(users::Column::Email.eq(email.as_str())).one(&txn).await? {
        Some(user) => {
            let mut active: users::ActiveModel = user.into();
            active.is_platform_admin = Set(true);
            active.password_hash = Set(Some(hash));
            active.email_verified_at = Set(Some(now));
            active.updated_at = Set(now);
            active.update(&txn).await?
        }
        None => {
            users::ActiveModel {
                id: Set(Uuid::now_v7()),
                email: Set(email.as_str().to_owned()),
                display_name: Set(name),
                password_hash: Set(Some(hash)),
                email_verified_at: Set(Some(now)),
                is_platform_admin: Set(true),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    let tenant =
        match tenants::Entity::find().filter(tenants::Column::Slug.eq(slug.as_str())).one(&txn).await? {
            Some(tenant) => tenant,
            None => {
                let tenant = tenants::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    slug: Set(slug.as_str().to_owned()),
                    name: Set("Platform operations".to_owned()),
                    status: Set(TenantStatus::Active),
                    created_at: Set(now),
                    updated_at: Set(now),
                }
                .insert(&txn)
                .await?;
                tenant_domains::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    tenant_id: Set(tenant.id),
                    hostname: Set(format!("{}.{base_domain}", slug.as_str())),
                    kind: Set(DomainKind::Subdomain),
                    verified_at: Set(Some(now)),
                    created_at: Set(now),
                }
                .insert(&txn)
                .await?;
                tenant
            }
        };
    let member = memberships::Entity::find()
        .filter(memberships::Column::TenantId.eq(tenant.id))
        .filter(memberships::Column::UserId.eq(user.id))
        .one(&txn)
        .await?;
    if member.is_none() {
        memberships::ActiveModel {
            id: Set(Uuid::now_v7()),
            tenant_id: Set(tenant.id),
            user_id: Set(user.id),
            role: Set(Role::Owner),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(user.id)
}

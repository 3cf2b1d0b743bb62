//! Forgotten and changed passwords.

use entity::one_time_tokens::TokenPurpose;
use sea_orm::DatabaseConnection;

use super::domain::Password;
use super::{audit_in_every_tenant, one_time, sessions, users};
use crate::audit::{self, AuditContext, actions};
use crate::auth::{TenantScope, crypto};
use crate::kernel::{ApiError, Links};
use crate::mail::templates::PasswordReset;
use crate::mail::{NewEmail, Outbox};

pub const RESET_HOURS: u32 = 24;

/// Always succeeds (the answer never reveals whether the email exists); a known user gets a
/// single-use link valid 24 hours.
pub async fn request_reset(
    db: &DatabaseConnection,
    outbox: &Outbox,
    links: &Links,
    email: &str,
) -> Result<(), ApiError> {
    let email = email.trim().to_lowercase();
    let txn = crate::db::begin_write(db).await?;
    if let Some(user) = users::find_by_email(&txn, &email).await? {
        let token = one_time::issue(&txn, user.id, TokenPurpose::PasswordReset, RESET_HOURS).await?;
        let content = PasswordReset {
            link: links.app(&format!("/reset-password?token={token}")),
            valid_hours: RESET_HOURS,
        };
        let mail = NewEmail {
            tenant_id: None,
            kind: "password_reset",
            recipient: user.email,
            content: content.email(),
            dedup_key: None,
        };
        outbox.enqueue(&txn, mail).await?;
    }
    txn.commit().await?;
    outbox.wake();
    Ok(())
}

/// Sets a new password from a reset link and revokes every session of the user.
pub async fn reset(
    db: &DatabaseConnection,
    audit: &AuditContext,
    token: &str,
    password: Password,
) -> Result<(), ApiError> {
    let hash = crypto::hash_password(password.expose().to_owned()).await?;
    let txn = crate::db::begin_write(db).await?;
    let user_id = one_time::consume(&txn, token, TokenPurpose::PasswordReset).await?;
    users::set_password(&txn, user_id, hash).await?;
    sessions::revoke_user(&txn, user_id, None).await?;
    audit_in_every_tenant(&txn, audit, user_id, actions::USER_PASSWORD_RESET).await?;
    txn.commit().await?;
    Ok(())
}

/// Changes the caller's password and revokes their other sessions (all but the one presenting
/// `keep_token`).
pub async fn change(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    current: &str,
    password: Password,
    keep_token: Option<&str>,
) -> Result<(), ApiError> {
    let user_id = scope.user()?;
    if !users::password_matches(db, user_id, current.to_owned()).await? {
        return Err(ApiError::field("currentPassword", "is wrong"));
    }
    let hash = crypto::hash_password(password.expose().to_owned()).await?;
    let txn = crate::db::begin_write(db).await?;
    users::set_password(&txn, user_id, hash).await?;
    let keep = match keep_token {
        Some(token) => sessions::family_of(&txn, token).await?,
        None => None,
    };
    let revoked = sessions::revoke_user(&txn, user_id, keep).await?;
    let changes = serde_json::json!({ "sessions_revoked": revoked });
    audit::record_in(&txn, audit, scope, actions::USER_PASSWORD_CHANGED, ("user", user_id), changes).await?;
    txn.commit().await?;
    Ok(())
}

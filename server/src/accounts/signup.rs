//! Sign up (user, organization, subdomain, owner membership, verification email — one
//! transaction) and email verification.

use chrono::Utc;
use entity::memberships::Role;
use entity::one_time_tokens::TokenPurpose;
use sea_orm::DatabaseConnection;

use super::domain::{EmailAddress, Password};
use super::users::{self, NewUser};
use super::{audit_in_every_tenant, one_time};
use crate::audit::{self, AuditContext, AuditEvent, actions};
use crate::auth::crypto;
use crate::kernel::{Actor, ApiError, Links};
use crate::mail::templates::{AccountExists, Verification};
use crate::mail::{NewEmail, Outbox};
use crate::tenancy::domain::Slug;
use crate::tenancy::{memberships, tenants};

pub const VERIFICATION_HOURS: u32 = 48;

pub struct NewSignUp {
    pub email: EmailAddress,
    pub password: Password,
    pub name: String,
    pub tenant_name: String,
    pub slug: Slug,
}

/// Creates user, tenant, subdomain and owner membership, and queues the verification email;
/// returns the tenant's host. An email that already has an account gets a notice instead, and
/// the same answer, so the response never reveals whether an address is registered.
pub async fn sign_up(
    db: &DatabaseConnection,
    outbox: &Outbox,
    links: &Links,
    audit: &AuditContext,
    input: NewSignUp,
) -> Result<String, ApiError> {
    let host = links.tenant_host(input.slug.as_str());
    let hash = crypto::hash_password(input.password.expose().to_owned()).await?;
    let txn = crate::db::begin_write(db).await?;
    let now = Utc::now();
    if tenants::find_by_slug(&txn, input.slug.as_str()).await?.is_some()
        || tenants::slug_reserved(&txn, input.slug.as_str(), now).await?
    {
        return Err(ApiError::conflict("tenantSlug", "this address is taken"));
    }
    if let Some(user) = users::find_by_email(&txn, input.email.as_str()).await? {
        // Hold the slug exactly as long as an unverified new sign-up would (the sweep releases
        // both after the verification link expires), so a second sign-up with this slug gets
        // the same CONFLICT whether or not this address had an account.
        let until = now + chrono::Duration::hours(i64::from(VERIFICATION_HOURS));
        tenants::reserve_slug(&txn, input.slug.as_str(), now, until).await?;
        let content =
            AccountExists { login_link: links.app("/login"), reset_link: links.app("/forgot-password") };
        let notice = NewEmail {
            tenant_id: None,
            kind: "signup_existing",
            recipient: user.email,
            content: content.email(),
            dedup_key: None,
            list_unsubscribe: None,
        };
        outbox.enqueue(&txn, notice).await?;
        txn.commit().await?;
        outbox.wake();
        return Ok(host);
    }

    let new_user = NewUser {
        email: &input.email,
        name: input.name.clone(),
        password_hash: hash,
        verified_at: None,
        platform_admin: false,
    };
    let user = users::insert(&txn, new_user, now).await?;
    let tenant =
        tenants::create_with_subdomain(&txn, links, &input.slug, &input.tenant_name, now, "tenantSlug")
            .await?;
    memberships::insert(&txn, tenant.id, user.id, Role::Owner, now).await?;
    let token = one_time::issue(&txn, user.id, TokenPurpose::EmailVerification, VERIFICATION_HOURS).await?;
    let content = Verification {
        name: input.name,
        tenant_name: input.tenant_name.clone(),
        link: links.app(&format!("/verify-email?token={token}")),
        valid_hours: VERIFICATION_HOURS,
    };
    let verification = NewEmail {
        tenant_id: Some(tenant.id),
        kind: "verification",
        recipient: user.email.clone(),
        content: content.email(),
        dedup_key: None,
        list_unsubscribe: None,
    };
    outbox.enqueue(&txn, verification).await?;
    let event = AuditEvent {
        tenant_id: tenant.id,
        actor: Actor::User(user.id),
        action: actions::TENANT_SIGNED_UP,
        entity_type: "tenant",
        entity_id: Some(tenant.id),
        changes: serde_json::json!({ "slug": input.slug.as_str(), "name": input.tenant_name, "owner": user.email }),
    };
    audit::record(&txn, audit, event).await?;
    txn.commit().await?;
    outbox.wake();
    Ok(host)
}

/// What a verification link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    Now,
    /// The link was used before and the address is verified: a second click is not an error.
    Already,
}

/// Marks the token's user verified. Single use; expired or unknown tokens are `BAD_USER_INPUT`,
/// and so is a used one unless its address is verified by now.
pub async fn verify_email(
    db: &DatabaseConnection,
    audit: &AuditContext,
    token: &str,
) -> Result<Verified, ApiError> {
    let txn = crate::db::begin_write(db).await?;
    let user_id = match one_time::consume(&txn, token, TokenPurpose::EmailVerification).await {
        Ok(user_id) => user_id,
        Err(invalid) => {
            let used_by = one_time::used_by(&txn, token, TokenPurpose::EmailVerification).await?;
            let verified = match used_by {
                Some(user_id) => {
                    users::profile(&txn, user_id).await?.is_some_and(|u| u.email_verified_at.is_some())
                }
                None => false,
            };
            return if verified { Ok(Verified::Already) } else { Err(invalid) };
        }
    };
    users::mark_verified(&txn, user_id, Utc::now()).await?;
    audit_in_every_tenant(&txn, audit, user_id, actions::USER_EMAIL_VERIFIED).await?;
    txn.commit().await?;
    Ok(Verified::Now)
}

/// Queues another verification link for an unverified account. Always succeeds and does the
/// same work whatever the address (the account worker does the rest).
pub async fn resend_verification(
    db: &DatabaseConnection,
    clock: &crate::kernel::SharedClock,
    worker: &super::worker::AccountJobs,
    email: &str,
) -> Result<(), ApiError> {
    let email = email.trim().to_lowercase();
    let txn = crate::db::begin_write(db).await?;
    super::worker::enqueue(&txn, clock, entity::account_jobs::AccountJobKind::VerificationResend, &email)
        .await?;
    txn.commit().await?;
    worker.wake();
    Ok(())
}

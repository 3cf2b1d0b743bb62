//! Users and their credentials: sign up, verify email, log in (with a choice of organization),
//! sessions and refresh, passwords, API keys, and the CLI's platform-admin creation.
//!
//! Services here take a connection, the caller's `TenantScope` (where there is one) and an
//! `AuditContext`; they open and commit their own transaction (the audit event and any email go
//! in it) and wake the outbox after committing. `graphql` parses inputs, calls one service and
//! shapes the answer.

pub mod admin;
pub mod api_keys;
pub mod domain;
pub mod graphql;
pub mod login;
pub mod one_time;
pub mod password;
pub mod sessions;
pub mod signup;
pub mod users;

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::audit::{self, AuditContext, AuditEvent};
use crate::kernel::{Actor, ApiError};

/// A user-level change, recorded in the audit trail of every organization the user belongs to.
async fn audit_in_every_tenant(
    db: &impl ConnectionTrait,
    context: &AuditContext,
    user_id: Uuid,
    action: &'static str,
) -> Result<(), ApiError> {
    for (membership, _) in crate::tenancy::memberships::of_user(db, user_id).await? {
        let event = AuditEvent {
            tenant_id: membership.tenant_id,
            actor: Actor::User(user_id),
            action,
            entity_type: "user",
            entity_id: Some(user_id),
            changes: serde_json::json!({}),
        };
        audit::record(db, context, event).await?;
    }
    Ok(())
}

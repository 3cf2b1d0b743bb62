//! Account work done off the request, as a `jobs` queue: a password-reset request writes one
//! `account_jobs` row whether or not the address has an account (so the answer takes the same
//! time either way), and this worker looks the address up and, for a real account, issues the
//! link and queues the email.

use chrono::Utc;
use entity::account_jobs::{self, AccountJobKind, JobStatus};
use entity::one_time_tokens::TokenPurpose;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, Set};
use uuid::Uuid;

use super::password::RESET_HOURS;
use super::signup::VERIFICATION_HOURS;
use super::{one_time, users};
use crate::jobs::{JobError, LeasedTable, Queue};
use crate::kernel::{Links, SharedClock};
use crate::mail::templates::{PasswordReset, Verification};
use crate::mail::{NewEmail, Outbox};

pub const TABLE: LeasedTable = LeasedTable {
    table: "account_jobs",
    queued: "queued",
    running: "running",
    done: "done",
    dead: "dead",
    done_at: None,
};

const MAX_ATTEMPTS: i32 = 5;

/// Wakes the account worker after a commit that queued work (cheap to clone).
#[derive(Clone, Default)]
pub struct AccountJobs(std::sync::Arc<tokio::sync::Notify>);

impl AccountJobs {
    pub fn wake(&self) {
        self.0.notify_one();
    }

    pub(crate) fn wake_signal(&self) -> std::sync::Arc<tokio::sync::Notify> {
        self.0.clone()
    }
}

/// Queues `kind` for `email` in the caller's transaction.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    clock: &SharedClock,
    kind: AccountJobKind,
    email: &str,
) -> Result<(), DbErr> {
    let now = clock.now();
    account_jobs::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(kind),
        email: Set(email.chars().take(254).collect()),
        status: Set(JobStatus::Queued),
        attempts: Set(0),
        max_attempts: Set(MAX_ATTEMPTS),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .map(drop)
}

pub struct AccountQueue {
    pub db: DatabaseConnection,
    pub outbox: Outbox,
    pub links: Links,
}

impl Queue for AccountQueue {
    type Entity = account_jobs::Entity;

    const NAME: &'static str = "account_jobs";
    const TABLE: LeasedTable = TABLE;

    fn id(job: &account_jobs::Model) -> Uuid {
        job.id
    }

    fn attempts(job: &account_jobs::Model) -> (i32, i32) {
        (job.attempts, job.max_attempts)
    }

    async fn perform(&self, job: &account_jobs::Model) -> Result<(), JobError> {
        let failed = |err: crate::kernel::ApiError| JobError {
            message: format!("{err:#}"),
            permanent: false,
            retry_after: None,
            deferred: false,
        };
        match job.kind {
            AccountJobKind::PasswordReset => self.password_reset(&job.email).await.map_err(failed),
            AccountJobKind::VerificationResend => self.resend_verification(&job.email).await.map_err(failed),
        }
    }
}

impl AccountQueue {
    /// An unverified account gets a fresh verification link (earlier ones stop working); a
    /// verified or unknown address gets nothing.
    async fn resend_verification(&self, email: &str) -> Result<(), crate::kernel::ApiError> {
        let txn = crate::db::begin_write(&self.db).await?;
        let Some(user) = users::find_by_email(&txn, email).await? else { return Ok(()) };
        if user.email_verified_at.is_some() {
            return Ok(());
        }
        let tenant =
            crate::tenancy::memberships::of_user(&txn, user.id).await?.into_iter().next().map(|(_, t)| t);
        let token =
            one_time::issue(&txn, user.id, TokenPurpose::EmailVerification, VERIFICATION_HOURS).await?;
        let content = Verification {
            name: user.display_name,
            tenant_name: tenant.as_ref().map(|t| t.name.clone()).unwrap_or_else(|| "Beacon".to_owned()),
            link: self.links.app(&format!("/verify-email?token={token}")),
            valid_hours: VERIFICATION_HOURS,
        };
        let mail = NewEmail {
            tenant_id: tenant.map(|t| t.id),
            kind: "verification",
            recipient: user.email,
            content: content.email(),
            dedup_key: None,
            list_unsubscribe: None,
        };
        self.outbox.enqueue(&txn, mail).await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// A known address gets a single-use link valid [`RESET_HOURS`]; an unknown one nothing.
    async fn password_reset(&self, email: &str) -> Result<(), crate::kernel::ApiError> {
        let txn = crate::db::begin_write(&self.db).await?;
        let Some(user) = users::find_by_email(&txn, email).await? else {
            return Ok(());
        };
        let token = one_time::issue(&txn, user.id, TokenPurpose::PasswordReset, RESET_HOURS).await?;
        let content = PasswordReset {
            link: self.links.app(&format!("/reset-password?token={token}")),
            valid_hours: RESET_HOURS,
        };
        let mail = NewEmail {
            tenant_id: None,
            kind: "password_reset",
            recipient: user.email,
            content: content.email(),
            dedup_key: None,
            list_unsubscribe: None,
        };
        self.outbox.enqueue(&txn, mail).await?;
        txn.commit().await?;
        self.outbox.wake();
        tracing::debug!(at = %Utc::now(), "password reset link queued");
        Ok(())
    }
}

//! Platform-admin operations on the outbox: see dead messages, requeue one, send a test email.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::email_outbox;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::Mailer;
use super::outbox::{self, Enqueued, NewEmail};
use super::templates::{Links, TestEmail};
use crate::accounts::guards::PlatformAdmin;
use crate::config::MailSettings;
use crate::graphql::ApiError;

/// A message in the email outbox.
#[derive(SimpleObject)]
pub struct OutboxEmail {
    pub id: ID,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    /// `QUEUED`, `SENDING`, `SENT` or `DEAD`.
    pub status: String,
    pub attempts: i32,
    pub max_attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<email_outbox::Model> for OutboxEmail {
    fn from(email: email_outbox::Model) -> Self {
        use sea_orm::ActiveEnum;
        Self {
            id: ID(email.id.to_string()),
            kind: email.kind,
            recipient: email.recipient,
            subject: email.subject,
            status: email.status.to_value().to_uppercase(),
            attempts: email.attempts,
            max_attempts: email.max_attempts,
            last_error: email.last_error,
            next_attempt_at: email.next_attempt_at,
            created_at: email.created_at,
            sent_at: email.sent_at,
        }
    }
}

#[derive(Default)]
pub struct MailQuery;

#[Object]
impl MailQuery {
    /// Messages that failed their last attempt, newest first. Platform admins only.
    #[graphql(guard = "PlatformAdmin", visible = "crate::accounts::guards::platform_admin_visible")]
    async fn dead_emails(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: i32,
    ) -> async_graphql::Result<Vec<OutboxEmail>> {
        if !(1..=100).contains(&first) {
            return Err(ApiError::field("first", "must be between 1 and 100").into());
        }
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let dead = outbox::list_dead(db, first as u64).await.map_err(ApiError::from)?;
        Ok(dead.into_iter().map(OutboxEmail::from).collect())
    }

    /// One outbox message by id. Platform admins only.
    #[graphql(guard = "PlatformAdmin", visible = "crate::accounts::guards::platform_admin_visible")]
    async fn outbox_email(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<OutboxEmail> {
        let id = parse_id(&id)?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let email = outbox::find(db, id).await.map_err(ApiError::from)?;
        email.map(OutboxEmail::from).ok_or_else(|| ApiError::NotFound { entity: "email" }.into())
    }
}

#[derive(InputObject)]
pub struct SendTestEmailInput {
    /// Where to send the test message.
    pub to: String,
}

#[derive(Default)]
pub struct MailMutation;

#[Object]
impl MailMutation {
    /// Gives a dead message a fresh set of attempts. Platform admins only.
    #[graphql(guard = "PlatformAdmin", visible = "crate::accounts::guards::platform_admin_visible")]
    async fn requeue_email(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<OutboxEmail> {
        let id = parse_id(&id)?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let email = outbox::requeue(db, id).await.map_err(ApiError::from)?;
        let email = email.ok_or(ApiError::NotFound { entity: "dead email" })?;
        ctx.data_unchecked::<Mailer>().wake();
        Ok(email.into())
    }

    /// Queues a test message to check that delivery works; returns at once, before sending.
    /// Platform admins only.
    #[graphql(guard = "PlatformAdmin", visible = "crate::accounts::guards::platform_admin_visible")]
    async fn send_test_email(
        &self,
        ctx: &Context<'_>,
        input: SendTestEmailInput,
    ) -> async_graphql::Result<OutboxEmail> {
        let to = input.to.trim().to_owned();
        if to.len() > 254 || to.parse::<lettre::Address>().is_err() {
            return Err(ApiError::field("to", "must be an email address").into());
        }
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let settings = ctx.data_unchecked::<MailSettings>();
        let links = ctx.data_unchecked::<Links>();
        let content = TestEmail { requested_by: "a platform admin".into(), app_url: links.app("/") }.email();

        let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
        let new = NewEmail { tenant_id: None, kind: "test", recipient: to, content, dedup_key: None };
        let Enqueued::Queued(id) =
            outbox::enqueue(&txn, new, settings.max_attempts).await.map_err(ApiError::from)?
        else {
            return Err(ApiError::Internal(anyhow::anyhow!(
                "a test email without a dedup key was deduplicated"
            ))
            .into());
        };
        let email = outbox::find(&txn, id).await.map_err(ApiError::from)?;
        txn.commit().await.map_err(ApiError::from)?;
        ctx.data_unchecked::<Mailer>().wake();
        email
            .map(OutboxEmail::from)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("queued email vanished")).into())
    }
}

fn parse_id(id: &ID) -> Result<Uuid, ApiError> {
    // A malformed id is indistinguishable from a missing one.
    Uuid::parse_str(id).map_err(|_| ApiError::NotFound { entity: "email" })
}

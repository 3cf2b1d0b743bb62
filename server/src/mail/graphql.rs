//! Platform-admin GraphQL over the outbox (hidden from everyone else's introspection).

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::email_outbox;
use sea_orm::DatabaseConnection;

use super::{Outbox, admin, outbox};
use crate::auth::graphql::platform_admin;
use crate::graphql::{PageConnection, connection};
use crate::kernel::ids::parse_id;
use crate::kernel::paging::PageRequest;
use crate::kernel::{ApiError, Links, SharedClock};

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "entity::email_outbox::EmailStatus")]
pub enum EmailStatus {
    Queued,
    Sending,
    Sent,
    Dead,
}

/// A message in the email outbox.
#[derive(SimpleObject)]
pub struct OutboxEmail {
    pub id: ID,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub status: EmailStatus,
    pub attempts: i32,
    pub max_attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<email_outbox::Model> for OutboxEmail {
    fn from(email: email_outbox::Model) -> Self {
        Self {
            id: ID(email.id.to_string()),
            kind: email.kind,
            recipient: email.recipient,
            subject: email.subject,
            status: email.status.into(),
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
    /// Messages that failed their last attempt, the most recent first. Platform admins only.
    #[graphql(visible = "crate::auth::guards::platform_admin_visible")]
    async fn dead_emails(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<PageConnection<OutboxEmail>, ApiError> {
        let admin = platform_admin(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())?;
        let dead = admin::dead(ctx.data_unchecked::<DatabaseConnection>(), &admin, page).await?;
        Ok(connection(dead, outbox::dead_cursor, OutboxEmail::from))
    }

    /// One outbox message by id. Platform admins only.
    #[graphql(visible = "crate::auth::guards::platform_admin_visible")]
    async fn outbox_email(&self, ctx: &Context<'_>, id: ID) -> Result<OutboxEmail, ApiError> {
        let admin = platform_admin(ctx).await?;
        let id = parse_id(&id, "email")?;
        Ok(admin::find(ctx.data_unchecked::<DatabaseConnection>(), &admin, id).await?.into())
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
    #[graphql(visible = "crate::auth::guards::platform_admin_visible")]
    async fn requeue_email(&self, ctx: &Context<'_>, id: ID) -> Result<OutboxEmail, ApiError> {
        let admin = platform_admin(ctx).await?;
        let id = parse_id(&id, "dead email")?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let (outbox, clock) = (ctx.data_unchecked::<Outbox>(), ctx.data_unchecked::<SharedClock>());
        Ok(admin::requeue(db, outbox, clock.as_ref(), &admin, id).await?.into())
    }

    /// Queues a test message to check that delivery works; returns at once, before sending.
    /// Platform admins only.
    #[graphql(visible = "crate::auth::guards::platform_admin_visible")]
    async fn send_test_email(
        &self,
        ctx: &Context<'_>,
        input: SendTestEmailInput,
    ) -> Result<OutboxEmail, ApiError> {
        let admin = platform_admin(ctx).await?;
        let to = input.to.trim();
        let to = (to.len() <= 254).then(|| to.parse::<lettre::Address>().ok()).flatten();
        let to = to.ok_or_else(|| ApiError::field("to", "must be an email address"))?;
        let db = ctx.data_unchecked::<DatabaseConnection>();
        let (outbox, links) = (ctx.data_unchecked::<Outbox>(), ctx.data_unchecked::<Links>());
        Ok(admin::send_test(db, outbox, links, &admin, to).await?.into())
    }
}

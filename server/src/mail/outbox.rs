//! The outbox table: inserting messages, reading them for admins and metrics. Claiming and
//! recording outcomes is the `jobs` lease protocol ([`TABLE`]).

use chrono::{DateTime, Utc};
use entity::email_outbox::{self, EmailStatus};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::templates::RenderedEmail;
use crate::jobs::LeasedTable;
use crate::kernel::paging::{Cursor, Page, PageRequest};

/// The outbox as a leased job table.
pub const TABLE: LeasedTable = LeasedTable {
    table: "email_outbox",
    queued: "queued",
    running: "sending",
    done: "sent",
    dead: "dead",
    done_at: Some("sent_at"),
};

/// One email to send.
#[derive(Debug, Clone)]
pub struct NewEmail {
    pub tenant_id: Option<Uuid>,
    /// A short machine name: `verification`, `monitor_down`, `test`, ...
    pub kind: &'static str,
    pub recipient: String,
    pub content: RenderedEmail,
    /// Identifies the event that caused the email; a second enqueue with the same key is ignored.
    pub dedup_key: Option<String>,
    /// A subscriber's one-click unsubscribe URL (sent as `List-Unsubscribe`, RFC 8058).
    pub list_unsubscribe: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    Queued(Uuid),
    /// The de-duplication key was already used: nothing new was queued.
    Duplicate,
}

/// Inserts the message (through [`super::Outbox::enqueue`]); a repeated `dedup_key` is ignored.
pub(super) async fn insert(
    db: &impl ConnectionTrait,
    email: NewEmail,
    max_attempts: u32,
    now: DateTime<Utc>,
) -> Result<Enqueued, DbErr> {
    let id = Uuid::now_v7();
    let row = email_outbox::ActiveModel {
        id: Set(id),
        tenant_id: Set(email.tenant_id),
        kind: Set(email.kind.to_owned()),
        recipient: Set(email.recipient),
        subject: Set(email.content.subject),
        body_text: Set(email.content.text),
        body_html: Set(email.content.html),
        status: Set(EmailStatus::Queued),
        attempts: Set(0),
        max_attempts: Set(max_attempts as i32),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(None),
        dedup_key: Set(email.dedup_key),
        list_unsubscribe: Set(email.list_unsubscribe),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(None),
    };
    let inserted = email_outbox::Entity::insert(row)
        .on_conflict_do_nothing_on([email_outbox::Column::DedupKey])
        .exec(db)
        .await?;
    Ok(match inserted {
        sea_orm::TryInsertResult::Inserted(_) => {
            metrics::counter!("outbox_enqueued_total", "kind" => email.kind).increment(1);
            Enqueued::Queued(id)
        }
        _ => Enqueued::Duplicate,
    })
}

/// Dead messages, the most recently failed first.
pub async fn list_dead(
    db: &impl ConnectionTrait,
    page: PageRequest,
) -> Result<Page<email_outbox::Model>, DbErr> {
    let dead = email_outbox::Entity::find().filter(email_outbox::Column::Status.eq(EmailStatus::Dead));
    let order = (email_outbox::Column::UpdatedAt, email_outbox::Column::Id);
    crate::db::paging::newest_first(db, dead, order, &page).await
}

/// A dead message's position in [`list_dead`].
pub fn dead_cursor(email: &email_outbox::Model) -> Cursor {
    Cursor { at: email.updated_at, id: email.id }
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<email_outbox::Model>, DbErr> {
    email_outbox::Entity::find_by_id(id).one(db).await
}

/// Depth of the outbox for metrics: (pending = queued + sending, dead, oldest pending's creation).
pub async fn stats(db: &impl ConnectionTrait) -> Result<(u64, u64, Option<DateTime<Utc>>), DbErr> {
    let pending = email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.is_in([EmailStatus::Queued, EmailStatus::Sending]))
        .count(db)
        .await?;
    let dead = email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.eq(EmailStatus::Dead))
        .count(db)
        .await?;
    let oldest = email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.is_in([EmailStatus::Queued, EmailStatus::Sending]))
        .order_by_asc(email_outbox::Column::CreatedAt)
        .one(db)
        .await?
        .map(|email| email.created_at);
    Ok((pending, dead, oldest))
}

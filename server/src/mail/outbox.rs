//! The outbox table's operations. Everything here takes a connection or transaction, never a
//! web type, so callers enqueue inside their own transaction.

use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::email_outbox::{self, EmailStatus};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, Statement,
};
use uuid::Uuid;

use super::templates::RenderedEmail;

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    Queued(Uuid),
    /// The de-duplication key was already used: nothing new was queued.
    Duplicate,
}

/// Writes the message in the caller's transaction: a rollback sends nothing, a commit always
/// sends (eventually).
pub async fn enqueue(
    db: &impl ConnectionTrait,
    email: NewEmail,
    max_attempts: u32,
) -> Result<Enqueued, DbErr> {
    let now = Utc::now();
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

/// Claims up to `limit` due messages for `worker_id` until `now + lease`: queued ones whose time
/// has come, and `sending` ones whose lease expired (their worker died mid-send: at-least-once).
/// Each claim counts as an attempt.
pub async fn claim_due(
    db: &impl ConnectionTrait,
    worker_id: &str,
    lease: Duration,
    limit: u64,
) -> Result<Vec<email_outbox::Model>, DbErr> {
    let now = Utc::now();
    let locked_until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::minutes(2));
    let backend = db.get_database_backend();

    // A lease that expired on the last allowed attempt cannot be retried: that message is dead.
    email_outbox::Entity::update_many()
        .col_expr(email_outbox::Column::Status, status_expr(EmailStatus::Dead))
        .col_expr(email_outbox::Column::LockedUntil, Option::<DateTime<Utc>>::None.into())
        .col_expr(email_outbox::Column::LockedBy, Option::<String>::None.into())
        .col_expr(
            email_outbox::Column::LastError,
            Some("the worker stopped while sending the last attempt".to_owned()).into(),
        )
        .col_expr(email_outbox::Column::UpdatedAt, now.into())
        .filter(email_outbox::Column::Status.eq(EmailStatus::Sending))
        .filter(email_outbox::Column::LockedUntil.lt(now))
        .filter({
            use sea_orm::ExprTrait;
            sea_orm::sea_query::Expr::col(email_outbox::Column::Attempts)
                .gte(sea_orm::sea_query::Expr::col(email_outbox::Column::MaxAttempts))
        })
        .exec(db)
        .await?;

    let sql = match backend {
        DatabaseBackend::Postgres => {
            "UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, locked_by = $1, \
               locked_until = $2, updated_at = $3 \
             WHERE id IN (SELECT id FROM email_outbox \
               WHERE ((status = 'queued' AND next_attempt_at <= $3) OR (status = 'sending' AND locked_until < $3)) \
                 AND attempts < max_attempts \
               ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) \
             RETURNING *"
        }
        // SQLite has one writer at a time: the UPDATE is atomic, so no row is claimed twice.
        _ => {
            "UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, locked_by = ?1, \
               locked_until = ?2, updated_at = ?3 \
             WHERE id IN (SELECT id FROM email_outbox \
               WHERE ((status = 'queued' AND next_attempt_at <= ?3) OR (status = 'sending' AND locked_until < ?3)) \
                 AND attempts < max_attempts \
               ORDER BY next_attempt_at LIMIT ?4) \
             RETURNING *"
        }
    };
    let statement = Statement::from_sql_and_values(
        backend,
        sql,
        [worker_id.into(), locked_until.into(), now.into(), (limit as i64).into()],
    );
    email_outbox::Entity::find().from_raw_sql(statement).all(db).await
}

/// Marks a claimed message sent; does nothing if this worker no longer holds its lease.
pub async fn mark_sent(db: &impl ConnectionTrait, id: Uuid, worker_id: &str) -> Result<bool, DbErr> {
    let now = Utc::now();
    let result = email_outbox::Entity::update_many()
        .col_expr(email_outbox::Column::Status, status_expr(EmailStatus::Sent))
        .col_expr(email_outbox::Column::SentAt, Some(now).into())
        .col_expr(email_outbox::Column::LockedUntil, Option::<DateTime<Utc>>::None.into())
        .col_expr(email_outbox::Column::LockedBy, Option::<String>::None.into())
        .col_expr(email_outbox::Column::UpdatedAt, now.into())
        .filter(email_outbox::Column::Id.eq(id))
        .filter(email_outbox::Column::Status.eq(EmailStatus::Sending))
        .filter(email_outbox::Column::LockedBy.eq(worker_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// What became of a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureOutcome {
    RetryAt(DateTime<Utc>),
    Dead,
}

/// Records a failed attempt: back to `queued` at `retry_at`, or `dead` after the last attempt.
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    email: &email_outbox::Model,
    worker_id: &str,
    error: &str,
    retry_at: DateTime<Utc>,
) -> Result<FailureOutcome, DbErr> {
    let now = Utc::now();
    let dead = email.attempts >= email.max_attempts;
    let (status, next_attempt_at, outcome) = if dead {
        (EmailStatus::Dead, email.next_attempt_at, FailureOutcome::Dead)
    } else {
        (EmailStatus::Queued, retry_at, FailureOutcome::RetryAt(retry_at))
    };
    let error: String = error.chars().take(2000).collect();
    email_outbox::Entity::update_many()
        .col_expr(email_outbox::Column::Status, status_expr(status))
        .col_expr(email_outbox::Column::NextAttemptAt, next_attempt_at.into())
        .col_expr(email_outbox::Column::LastError, Some(error).into())
        .col_expr(email_outbox::Column::LockedUntil, Option::<DateTime<Utc>>::None.into())
        .col_expr(email_outbox::Column::LockedBy, Option::<String>::None.into())
        .col_expr(email_outbox::Column::UpdatedAt, now.into())
        .filter(email_outbox::Column::Id.eq(email.id))
        .filter(email_outbox::Column::Status.eq(EmailStatus::Sending))
        .filter(email_outbox::Column::LockedBy.eq(worker_id))
        .exec(db)
        .await?;
    Ok(outcome)
}

/// Dead messages, newest first.
pub async fn list_dead(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<email_outbox::Model>, DbErr> {
    email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.eq(EmailStatus::Dead))
        .order_by_desc(email_outbox::Column::UpdatedAt)
        .limit(limit)
        .all(db)
        .await
}

/// Gives a dead message a fresh set of attempts. `None` when no dead message has this id.
pub async fn requeue(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<email_outbox::Model>, DbErr> {
    let now = Utc::now();
    let result = email_outbox::Entity::update_many()
        .col_expr(email_outbox::Column::Status, status_expr(EmailStatus::Queued))
        .col_expr(email_outbox::Column::Attempts, 0.into())
        .col_expr(email_outbox::Column::NextAttemptAt, now.into())
        .col_expr(email_outbox::Column::UpdatedAt, now.into())
        .filter(email_outbox::Column::Id.eq(id))
        .filter(email_outbox::Column::Status.eq(EmailStatus::Dead))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Ok(None);
    }
    email_outbox::Entity::find_by_id(id).one(db).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<email_outbox::Model>, DbErr> {
    email_outbox::Entity::find_by_id(id).one(db).await
}

/// Depth of the outbox for metrics: (pending = queued + sending, dead, oldest pending's creation).
pub async fn stats(db: &impl ConnectionTrait) -> Result<(u64, u64, Option<DateTime<Utc>>), DbErr> {
    use sea_orm::PaginatorTrait;
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

fn status_expr(status: EmailStatus) -> sea_orm::sea_query::Expr {
    use sea_orm::ActiveEnum;
    sea_orm::sea_query::Expr::value(status.to_value())
}

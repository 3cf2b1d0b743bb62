//! Platform-admin operations on the outbox: see dead messages, requeue one, send a test email.
//! Each takes a [`PlatformAdmin`] proof.

use entity::email_outbox;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::Outbox;
use super::outbox::{self, Enqueued, NewEmail, TABLE};
use super::templates::TestEmail;
use crate::auth::guards::PlatformAdmin;
use crate::kernel::paging::{Page, PageRequest};
use crate::kernel::{ApiError, Clock, Links};

pub async fn dead(
    db: &DatabaseConnection,
    _admin: &PlatformAdmin,
    page: PageRequest,
) -> Result<Page<email_outbox::Model>, ApiError> {
    Ok(outbox::list_dead(db, page).await?)
}

pub async fn find(
    db: &DatabaseConnection,
    _admin: &PlatformAdmin,
    id: Uuid,
) -> Result<email_outbox::Model, ApiError> {
    outbox::find(db, id).await?.ok_or(ApiError::not_found("email"))
}

/// Gives a dead message a fresh set of attempts and wakes the worker.
pub async fn requeue(
    db: &DatabaseConnection,
    outbox: &Outbox,
    clock: &dyn Clock,
    _admin: &PlatformAdmin,
    id: Uuid,
) -> Result<email_outbox::Model, ApiError> {
    if !crate::jobs::lease::requeue(db, &TABLE, id, clock.now()).await? {
        return Err(ApiError::not_found("dead email"));
    }
    // Read it back before waking the worker, so the answer is the requeued row, not one the
    // worker has already claimed.
    let email = outbox::find(db, id).await?.ok_or(ApiError::not_found("dead email"))?;
    outbox.wake();
    Ok(email)
}

/// Queues a test message; returns at once, before sending.
pub async fn send_test(
    db: &DatabaseConnection,
    outbox: &Outbox,
    links: &Links,
    _admin: &PlatformAdmin,
    to: lettre::Address,
) -> Result<email_outbox::Model, ApiError> {
    let content = TestEmail { requested_by: "a platform admin".into(), app_url: links.app("/") }.email();
    let txn = crate::db::begin_write(db).await?;
    let new = NewEmail {
        tenant_id: None,
        kind: "test",
        recipient: to.to_string(),
        content,
        dedup_key: None,
        list_unsubscribe: None,
    };
    let Enqueued::Queued(id) = outbox.enqueue(&txn, new).await? else {
        return Err(ApiError::internal("a test email without a dedup key was deduplicated"));
    };
    let email = outbox::find(&txn, id).await?.ok_or(ApiError::internal("the queued email vanished"))?;
    txn.commit().await?;
    outbox.wake();
    Ok(email)
}

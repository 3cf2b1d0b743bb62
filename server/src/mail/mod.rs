//! Email that never blocks a request and never loses a message (DESIGN §7).
//!
//! A change that causes an email calls [`Outbox::enqueue`] inside its own transaction, commits,
//! then [`Outbox::wake`]s the worker. The [`worker`] is a `jobs` queue: it claims due rows with a
//! lease, sends them through the [`transport`] (SMTP via lettre, or `.eml` files in
//! development), and retries with backoff until the message is sent or `dead`.

pub mod admin;
pub mod graphql;
pub mod outbox;
pub mod templates;
pub mod transport;
pub mod worker;

use std::sync::Arc;

use sea_orm::{ConnectionTrait, DbErr};
use tokio::sync::Notify;

pub use outbox::{Enqueued, NewEmail};

use crate::kernel::SharedClock;

/// The handle services write mail through; cheap to clone.
#[derive(Clone)]
pub struct Outbox {
    max_attempts: u32,
    clock: SharedClock,
    wake: Arc<Notify>,
}

impl Outbox {
    pub fn new(max_attempts: u32, clock: SharedClock) -> Self {
        Self { max_attempts, clock, wake: Arc::default() }
    }

    /// Writes the message in the caller's transaction: a rollback sends nothing, a commit always
    /// sends (eventually).
    pub async fn enqueue(&self, db: &impl ConnectionTrait, email: NewEmail) -> Result<Enqueued, DbErr> {
        outbox::insert(db, email, self.max_attempts, self.clock.now()).await
    }

    /// Call after committing a transaction that enqueued mail, so it goes out at once rather
    /// than at the next poll.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    pub(crate) fn wake_signal(&self) -> Arc<Notify> {
        self.wake.clone()
    }
}

//! Email that never blocks a request and never loses a message (DESIGN §7).
//!
//! A change that causes an email calls [`outbox::enqueue`] inside its own transaction, commits,
//! then [`Mailer::wake`]s the worker. The [`worker`] claims due rows with a lease (PostgreSQL:
//! `FOR UPDATE SKIP LOCKED`, so several processes share the work), sends through the
//! [`transport`] (SMTP via lettre, or `.eml` files in development), and retries with
//! exponential backoff and jitter until the message is sent or `dead`.

pub mod graphql;
pub mod outbox;
pub mod templates;
pub mod transport;
pub mod worker;

use std::sync::Arc;

use tokio::sync::Notify;

/// Cheap handle shared by request handlers and the worker.
#[derive(Clone, Default)]
pub struct Mailer {
    wake: Arc<Notify>,
    pub heartbeat: worker::Heartbeat,
}

impl Mailer {
    /// Call after committing a transaction that enqueued mail, so it goes out at once rather
    /// than at the next poll.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    pub(crate) fn wake_signal(&self) -> Arc<Notify> {
        self.wake.clone()
    }
}

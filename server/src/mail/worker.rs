//! The outbox as a `jobs` queue: performing a job sends one message through the transport.

use chrono::Utc;
use entity::email_outbox;
use lettre::message::Mailbox;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::outbox::{self, TABLE};
use super::transport::Transport;
use crate::jobs::runner::Outcome;
use crate::jobs::{JobError, LeasedTable, Queue};

pub struct OutboxQueue {
    pub transport: Transport,
    pub from: Mailbox,
    /// Domain for `Message-ID`s.
    pub message_domain: String,
}

impl Queue for OutboxQueue {
    type Entity = email_outbox::Entity;

    const NAME: &'static str = "email_outbox";
    const TABLE: LeasedTable = TABLE;

    fn id(email: &email_outbox::Model) -> Uuid {
        email.id
    }

    fn attempts(email: &email_outbox::Model) -> (i32, i32) {
        (email.attempts, email.max_attempts)
    }

    async fn perform(&self, email: &email_outbox::Model) -> Result<(), JobError> {
        self.transport.send(email, &self.from, &self.message_domain).await.map_err(|failure| JobError {
            message: failure.message,
            permanent: failure.permanent,
            retry_after: None,
            deferred: false,
        })
    }

    fn on_outcome(&self, email: &email_outbox::Model, outcome: &Outcome) {
        let span = tracing::info_span!("deliver", email_id = %email.id, kind = %email.kind, attempt = email.attempts);
        let _entered = span.enter();
        let kind = email.kind.clone();
        match outcome {
            Outcome::Done => {
                metrics::counter!("outbox_sent_total", "kind" => kind).increment(1);
                tracing::info!("email sent");
            }
            Outcome::LeaseLost => tracing::warn!("email sent, but its lease had passed to another worker"),
            Outcome::Retry { at, error } => {
                metrics::counter!("outbox_retried_total", "kind" => kind).increment(1);
                tracing::warn!(error = %error.message, permanent = error.permanent, retry_at = %at, "email not sent; will retry");
            }
            Outcome::Deferred { at } => tracing::info!(retry_at = %at, "email deferred"),
            Outcome::Dead { error } => {
                metrics::counter!("outbox_dead_total", "kind" => kind).increment(1);
                tracing::error!(error = %error.message, permanent = error.permanent, "email is dead after its last attempt");
            }
            // Sent (or failed) but not recorded: it is sent again after the lease (at-least-once).
            Outcome::Unrecorded { error } => {
                tracing::error!(error = %error, "email outcome not recorded; it is retried after its lease")
            }
        }
    }

    async fn after_round(&self, db: &DatabaseConnection) {
        if let Ok((pending, dead, oldest)) = outbox::stats(db).await {
            metrics::gauge!("outbox_pending").set(pending as f64);
            metrics::gauge!("outbox_dead").set(dead as f64);
            let age = oldest
                .map_or(0.0, |created| (Utc::now() - created).num_milliseconds().max(0) as f64 / 1000.0);
            metrics::gauge!("outbox_oldest_pending_age_seconds").set(age);
        }
    }
}

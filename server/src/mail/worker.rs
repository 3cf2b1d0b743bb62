//! The outbox worker: claim due messages with a lease, send them with bounded concurrency,
//! record the outcome. Wakes on [`super::Mailer::wake`] or every `MAIL_POLL_INTERVAL`.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use chrono::Utc;
use entity::email_outbox;
use futures_util::StreamExt;
use lettre::message::Mailbox;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;

use super::Mailer;
use super::outbox::{self, FailureOutcome};
use super::transport::{Transport, backoff};
use crate::config::MailSettings;

/// When the worker last completed a loop, for readiness.
#[derive(Clone, Default)]
pub struct Heartbeat(Arc<AtomicI64>);

impl Heartbeat {
    fn beat(&self) {
        self.0.store(Utc::now().timestamp_millis(), Ordering::Relaxed);
    }

    /// Milliseconds since the last beat; `None` before the first.
    pub fn age(&self) -> Option<Duration> {
        let last = self.0.load(Ordering::Relaxed);
        (last > 0).then(|| Duration::from_millis((Utc::now().timestamp_millis() - last).max(0) as u64))
    }
}

pub struct Worker {
    pub db: DatabaseConnection,
    pub transport: Transport,
    pub settings: MailSettings,
    pub from: Mailbox,
    /// Domain for `Message-ID`s.
    pub message_domain: String,
    pub mailer: Mailer,
    pub id: String,
}

impl Worker {
    /// Runs until `stop` turns true; in-flight sends finish first (each is bounded by
    /// `MAIL_SEND_TIMEOUT`).
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        tracing::info!(worker = %self.id, transport = %self.transport.describe(), "mail worker started");
        let wake = self.mailer.wake_signal();
        loop {
            self.mailer.heartbeat.beat();
            let claimed = match self.run_once().await {
                Ok(claimed) => claimed,
                Err(err) => {
                    tracing::warn!(error = %err, "mail worker: database unavailable; will retry");
                    0
                }
            };
            self.update_depth_metrics().await;
            if *stop.borrow() {
                break;
            }
            // A full batch means more may be waiting: go again at once.
            if claimed >= self.batch_size() {
                continue;
            }
            tokio::select! {
                () = wake.notified() => {}
                () = tokio::time::sleep(self.settings.poll_interval) => {}
                _ = stop.changed() => {}
            }
            if *stop.borrow() {
                break;
            }
        }
        tracing::info!(worker = %self.id, "mail worker stopped");
    }

    fn batch_size(&self) -> usize {
        self.settings.concurrency * 4
    }

    /// Claims one batch and sends it; returns how many messages were claimed.
    pub async fn run_once(&self) -> Result<usize, sea_orm::DbErr> {
        let batch =
            outbox::claim_due(&self.db, &self.id, self.settings.lease, self.batch_size() as u64).await?;
        let claimed = batch.len();
        futures_util::stream::iter(batch)
            .for_each_concurrent(self.settings.concurrency, |email| async move {
                self.deliver(email).await;
                self.mailer.heartbeat.beat();
            })
            .await;
        Ok(claimed)
    }

    async fn deliver(&self, email: email_outbox::Model) {
        let started = Instant::now();
        let result = self.transport.send(&email, &self.from, &self.message_domain).await;
        metrics::histogram!("outbox_send_duration_seconds").record(started.elapsed().as_secs_f64());
        let span = tracing::info_span!("deliver", email_id = %email.id, kind = %email.kind, attempt = email.attempts);
        let _entered = span.enter();
        match result {
            Ok(()) => match outbox::mark_sent(&self.db, email.id, &self.id).await {
                Ok(true) => {
                    metrics::counter!("outbox_sent_total", "kind" => email.kind.clone()).increment(1);
                    tracing::info!("email sent");
                }
                Ok(false) => tracing::warn!("email sent, but its lease had passed to another worker"),
                // Sent but not recorded: it will be sent again after the lease (at-least-once).
                Err(err) => tracing::error!(error = %err, "email sent but not recorded"),
            },
            Err(failure) => {
                let delay = backoff(email.attempts as u32, self.settings.retry_base, self.settings.retry_max);
                let retry_at =
                    Utc::now() + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(1));
                match outbox::mark_failed(&self.db, &email, &self.id, &failure.message, retry_at).await {
                    Ok(FailureOutcome::Dead) => {
                        metrics::counter!("outbox_dead_total", "kind" => email.kind.clone()).increment(1);
                        tracing::error!(error = %failure.message, permanent = failure.permanent, "email is dead after its last attempt");
                    }
                    Ok(FailureOutcome::RetryAt(at)) => {
                        metrics::counter!("outbox_retried_total", "kind" => email.kind.clone()).increment(1);
                        tracing::warn!(error = %failure.message, permanent = failure.permanent, retry_at = %at, "email not sent; will retry");
                    }
                    Err(err) => {
                        tracing::error!(error = %err, "could not record a failed send; the lease will expire and it is retried")
                    }
                }
            }
        }
    }

    async fn update_depth_metrics(&self) {
        if let Ok((pending, dead, oldest)) = outbox::stats(&self.db).await {
            metrics::gauge!("outbox_pending").set(pending as f64);
            metrics::gauge!("outbox_dead").set(dead as f64);
            let age = oldest
                .map_or(0.0, |created| (Utc::now() - created).num_milliseconds().max(0) as f64 / 1000.0);
            metrics::gauge!("outbox_oldest_pending_age_seconds").set(age);
        }
    }
}

/// A worker id unique across processes: host, pid and a random suffix.
pub fn worker_id() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_else(|_| "host".into());
    format!("{host}-{}-{:04x}", std::process::id(), rand::random::<u16>())
}

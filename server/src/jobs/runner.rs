//! The loop every leased queue runs: claim a batch, perform it with bounded concurrency, record
//! each outcome; sleep until woken, the poll interval passes, or the runner is cancelled.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use sea_orm::{DatabaseConnection, DbErr, EntityTrait};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use super::backoff::backoff;
use super::heartbeat::Heartbeat;
use super::lease::{self, FailureOutcome, LeasedTable};
use crate::kernel::SharedClock;

/// A failed attempt. `permanent` failures are still retried up to the attempt limit (a
/// receiver's 5xx can be a misconfiguration fixed minutes later) but are logged as such.
#[derive(Debug, Default)]
pub struct JobError {
    pub message: String,
    pub permanent: bool,
    /// The receiver asked to be left alone this long (HTTP 429 or 503 with `Retry-After`): the
    /// next attempt waits at least this (capped at an hour), whatever the backoff says.
    pub retry_after: Option<Duration>,
    /// Not attempted at all (a rate limit on our side): the job waits `retry_after` and keeps
    /// the attempt it was claimed with.
    pub deferred: bool,
}

impl JobError {
    /// Not attempted: run it again after `wait`, without using up an attempt.
    pub fn deferred(message: impl Into<String>, wait: Duration) -> Self {
        Self { message: message.into(), permanent: false, retry_after: Some(wait), deferred: true }
    }
}

/// One kind of leased job, stored in its own table.
pub trait Queue: Send + Sync + 'static {
    /// The job table's entity; its rows are the jobs.
    type Entity: EntityTrait;

    /// The queue's name in logs and the `queue` label of the `jobs_*` metrics.
    const NAME: &'static str;
    const TABLE: LeasedTable;

    fn id(job: &<Self::Entity as EntityTrait>::Model) -> Uuid;
    /// Attempts so far, this one included, and the limit.
    fn attempts(job: &<Self::Entity as EntityTrait>::Model) -> (i32, i32);

    fn perform(
        &self,
        job: &<Self::Entity as EntityTrait>::Model,
    ) -> impl Future<Output = Result<(), JobError>> + Send;

    /// Called after each recorded outcome (queue-specific metrics and logs).
    fn on_outcome(&self, _job: &<Self::Entity as EntityTrait>::Model, _outcome: &Outcome) {}

    /// Called after every round (queue depth gauges).
    fn after_round(&self, _db: &DatabaseConnection) -> impl Future<Output = ()> + Send {
        async {}
    }
}

/// What happened to one claimed job.
#[derive(Debug)]
pub enum Outcome {
    Done,
    /// Performed, but the lease had passed to another worker: the other one records it.
    LeaseLost,
    Retry {
        at: chrono::DateTime<chrono::Utc>,
        error: JobError,
    },
    /// Not attempted; due again at `at` with its attempt given back.
    Deferred {
        at: chrono::DateTime<chrono::Utc>,
    },
    Dead {
        error: JobError,
    },
    /// The outcome could not be recorded; the lease will expire and the job run again.
    Unrecorded {
        error: DbErr,
    },
}

#[derive(Debug, Clone)]
pub struct RunnerSettings {
    pub poll_interval: Duration,
    pub lease: Duration,
    pub concurrency: usize,
    pub retry_base: Duration,
    pub retry_max: Duration,
}

impl RunnerSettings {
    fn batch_size(&self) -> usize {
        self.concurrency * 4
    }
}

pub struct Runner<Q: Queue> {
    pub queue: Q,
    pub db: DatabaseConnection,
    pub settings: RunnerSettings,
    pub clock: SharedClock,
    pub wake: Arc<Notify>,
    pub heartbeat: Heartbeat,
    /// Unique across processes: it is written into the leases this runner holds.
    pub worker_id: String,
}

impl<Q: Queue> Runner<Q> {
    /// Runs until `cancel` fires; in-flight jobs finish first.
    pub async fn run(self, cancel: CancellationToken) {
        tracing::info!(queue = Q::NAME, worker = %self.worker_id, "job runner started");
        loop {
            self.heartbeat.beat();
            let claimed = match self.run_once().await {
                Ok(claimed) => claimed,
                Err(err) => {
                    tracing::warn!(queue = Q::NAME, error = %err, "job runner: database unavailable; will retry");
                    0
                }
            };
            self.queue.after_round(&self.db).await;
            if cancel.is_cancelled() {
                break;
            }
            // A full batch means more may be waiting: go again at once.
            if claimed >= self.settings.batch_size() {
                continue;
            }
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(self.settings.poll_interval) => {}
                () = cancel.cancelled() => break,
            }
        }
        tracing::info!(queue = Q::NAME, worker = %self.worker_id, "job runner stopped");
    }

    /// Claims one batch and performs it; returns how many jobs were claimed.
    pub async fn run_once(&self) -> Result<usize, DbErr> {
        let now = self.clock.now();
        let lease = chrono::Duration::from_std(self.settings.lease).unwrap_or(chrono::Duration::minutes(2));
        let batch = lease::claim::<Q::Entity>(
            &self.db,
            &Q::TABLE,
            &self.worker_id,
            now,
            now + lease,
            self.settings.batch_size() as u64,
        )
        .await?;
        let claimed = batch.len();
        metrics::counter!("jobs_claimed_total", "queue" => Q::NAME).increment(claimed as u64);
        futures_util::stream::iter(batch)
            .for_each_concurrent(self.settings.concurrency, |job| async move {
                let outcome = self.perform(&job).await;
                self.queue.on_outcome(&job, &outcome);
                self.heartbeat.beat();
            })
            .await;
        Ok(claimed)
    }

    async fn perform(&self, job: &<Q::Entity as EntityTrait>::Model) -> Outcome {
        let started = Instant::now();
        let result = self.queue.perform(job).await;
        metrics::histogram!("job_duration_seconds", "queue" => Q::NAME)
            .record(started.elapsed().as_secs_f64());
        let (id, (attempts, max_attempts)) = (Q::id(job), Q::attempts(job));
        let now = self.clock.now();
        let outcome = match result {
            Ok(()) => match lease::complete(&self.db, &Q::TABLE, id, &self.worker_id, now).await {
                Ok(true) => Outcome::Done,
                Ok(false) => Outcome::LeaseLost,
                Err(error) => Outcome::Unrecorded { error },
            },
            Err(error) if error.deferred => {
                let wait = error.retry_after.unwrap_or_default().min(Duration::from_secs(3600));
                let at = now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1));
                match lease::defer(&self.db, &Q::TABLE, id, &self.worker_id, now, at).await {
                    Ok(true) => Outcome::Deferred { at },
                    Ok(false) => Outcome::LeaseLost,
                    Err(error) => Outcome::Unrecorded { error },
                }
            }
            Err(error) => {
                let delay =
                    backoff(attempts.max(1) as u32, self.settings.retry_base, self.settings.retry_max)
                        .max(error.retry_after.unwrap_or_default().min(Duration::from_secs(3600)));
                let retry_at = now + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(1));
                let recorded = lease::fail(
                    &self.db,
                    &Q::TABLE,
                    id,
                    attempts,
                    max_attempts,
                    &self.worker_id,
                    now,
                    &error.message,
                    retry_at,
                )
                .await;
                match recorded {
                    Ok(FailureOutcome::Dead) => Outcome::Dead { error },
                    Ok(FailureOutcome::RetryAt(at)) => Outcome::Retry { at, error },
                    Err(error) => Outcome::Unrecorded { error },
                }
            }
        };
        let label = match &outcome {
            Outcome::Done => "done",
            Outcome::LeaseLost => "lease_lost",
            Outcome::Retry { .. } => "retry",
            Outcome::Deferred { .. } => "deferred",
            Outcome::Dead { .. } => "dead",
            Outcome::Unrecorded { .. } => "unrecorded",
        };
        metrics::counter!("jobs_finished_total", "queue" => Q::NAME, "outcome" => label).increment(1);
        outcome
    }
}

/// A worker id unique across processes: host, pid and a random suffix.
pub fn worker_id() -> String {
    let host = hostname::get().map(|h| h.to_string_lossy().into_owned()).unwrap_or_else(|_| "host".into());
    format!("{host}-{}-{:04x}", std::process::id(), rand::random::<u16>())
}

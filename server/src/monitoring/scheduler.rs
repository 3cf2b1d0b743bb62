//! The scheduler: claims due monitors (see `claim`), runs their checks with bounded
//! concurrency, and records each batch (see `record`). Time comes from the `Clock`, so tests
//! drive it with a manual clock and [`Scheduler::tick`] instead of sleeping.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use entity::monitors;
use futures_util::StreamExt;
use sea_orm::{DatabaseConnection, DbErr};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use super::alerts::Alerts;
use super::claim::{ClaimRequest, claim_due};
use super::record::{Observation, Recorded, record_batch};
use super::settings::Settings;
use crate::jobs::heartbeat::Heartbeat;
use crate::kernel::{FieldErrors, SharedClock};
use crate::probe::{CheckOutcome, CheckStatus, Phases, Prober};

#[derive(Debug, Clone)]
pub struct SchedulerSettings {
    /// How often to look for due monitors when the last claim was not full.
    pub poll_interval: Duration,
    /// Monitors claimed at once.
    pub batch_size: u64,
    /// Checks in flight at once, across batches.
    pub concurrency: usize,
    /// At most this many monitors of one tenant per claim.
    pub per_tenant: u64,
}

impl Default for SchedulerSettings {
    fn default() -> Self {
        Self { poll_interval: Duration::from_millis(500), batch_size: 200, concurrency: 256, per_tenant: 50 }
    }
}

pub struct Scheduler {
    pub db: DatabaseConnection,
    pub prober: Prober,
    pub alerts: Alerts,
    pub clock: SharedClock,
    pub settings: SchedulerSettings,
    pub heartbeat: Heartbeat,
    /// Unique across processes: written into the leases this scheduler holds.
    pub worker_id: String,
    permits: Arc<Semaphore>,
}

impl Scheduler {
    pub fn new(
        db: DatabaseConnection,
        prober: Prober,
        alerts: Alerts,
        clock: SharedClock,
        settings: SchedulerSettings,
        worker_id: String,
    ) -> Self {
        let permits = Arc::new(Semaphore::new(settings.concurrency.max(1)));
        Self { db, prober, alerts, clock, settings, heartbeat: Heartbeat::default(), worker_id, permits }
    }

    /// Claims one batch, checks it and records it; returns what was recorded. Tests call this
    /// after moving the manual clock.
    pub async fn tick(&self) -> Result<Recorded, DbErr> {
        let batch = self.claim().await?;
        self.check_and_record(batch).await
    }

    async fn claim(&self) -> Result<Vec<monitors::Model>, DbErr> {
        let now = self.clock.now();
        // The lease outlives the longest check (timeout ≤ 60 s) with room to record it.
        let locked_until = now + chrono::Duration::seconds(120);
        let batch = claim_due(
            &self.db,
            ClaimRequest {
                worker: &self.worker_id,
                now,
                locked_until,
                limit: self.settings.batch_size,
                per_tenant: self.settings.per_tenant,
            },
        )
        .await?;
        for monitor in &batch {
            let lag = (now - monitor.next_check_at).num_milliseconds().max(0) as f64 / 1000.0;
            metrics::histogram!("monitor_schedule_lag_seconds").record(lag);
        }
        Ok(batch)
    }

    async fn check_and_record(&self, batch: Vec<monitors::Model>) -> Result<Recorded, DbErr> {
        let observations: Vec<Observation> = futures_util::stream::iter(batch)
            .map(|monitor| async move {
                let _permit = self.permits.acquire().await.ok();
                let started_at = self.clock.now();
                let in_flight = metrics::gauge!("monitor_checks_in_flight");
                in_flight.increment(1.0);
                let outcome = self.check(&monitor).await;
                in_flight.decrement(1.0);
                Observation { monitor, started_at, outcome }
            })
            .buffer_unordered(self.settings.concurrency.max(1))
            .collect()
            .await;
        let now = self.clock.now();
        let txn = crate::db::begin_write(&self.db).await?;
        let mut recorded = record_batch(&txn, &self.alerts, &self.worker_id, now, observations).await?;
        txn.commit().await?;
        self.alerts.committed(&self.db, &mut recorded).await;
        metrics::counter!("monitor_results_written_total").increment(recorded.results as u64);
        Ok(recorded)
    }

    /// One check; every failure, including settings that no longer parse, is a DOWN outcome.
    async fn check(&self, monitor: &monitors::Model) -> CheckOutcome {
        let started = Instant::now();
        let spec = match Settings::from_json(&monitor.settings) {
            Ok(Settings::Heartbeat(beat)) => {
                let since = monitor.last_ping_at.map_or_else(
                    || "no ping has arrived yet".to_owned(),
                    |at| format!("no ping since {}", at.format("%Y-%m-%d %H:%M:%S UTC")),
                );
                let expected = beat.expectation(monitor.interval_seconds);
                return failed(format!("{since} (expected {expected})"), started);
            }
            Ok(settings) => {
                let mut errors = FieldErrors::default();
                match settings.check_spec(&mut errors) {
                    Some(spec) => spec,
                    None => return failed(format!("the settings are no longer valid: {errors:?}"), started),
                }
            }
            Err(error) => return failed(error, started),
        };
        let timeout = Duration::from_secs(monitor.timeout_seconds.max(1) as u64);
        let outcome = self.prober.check(&spec, timeout).await;
        let kind: &'static str = match monitor.kind {
            monitors::MonitorKind::Http => "http",
            monitors::MonitorKind::Tcp => "tcp",
            monitors::MonitorKind::Dns => "dns",
            monitors::MonitorKind::Tls => "tls",
            monitors::MonitorKind::Heartbeat => "heartbeat",
        };
        metrics::counter!("monitor_checks_total", "kind" => kind).increment(1);
        if outcome.status == CheckStatus::Down {
            metrics::counter!("monitor_checks_failed_total", "kind" => kind).increment(1);
        }
        metrics::histogram!("monitor_check_duration_seconds", "kind" => kind)
            .record(f64::from(outcome.duration_ms) / 1000.0);
        outcome
    }

    /// Runs until `cancel` fires; batches in flight finish and are recorded first.
    pub async fn run(self: Arc<Self>, cancel: CancellationToken) {
        tracing::info!(worker = %self.worker_id, "monitor scheduler started");
        let in_flight = TaskTracker::new();
        loop {
            self.heartbeat.beat();
            let claimed = match self.claim().await {
                Ok(batch) => {
                    let claimed = batch.len() as u64;
                    if claimed > 0 {
                        let this = self.clone();
                        in_flight.spawn(async move {
                            if let Err(err) = this.check_and_record(batch).await {
                                // The leases expire and the checks run again: nothing is lost
                                // but this round's results.
                                tracing::warn!(error = %err, "monitor scheduler: could not record a batch; will retry");
                            }
                        });
                    }
                    claimed
                }
                Err(err) => {
                    tracing::warn!(error = %err, "monitor scheduler: database unavailable; will retry");
                    0
                }
            };
            if cancel.is_cancelled() {
                break;
            }
            if claimed >= self.settings.batch_size {
                continue;
            }
            tokio::select! {
                () = tokio::time::sleep(self.settings.poll_interval) => {}
                () = cancel.cancelled() => break,
            }
        }
        in_flight.close();
        in_flight.wait().await;
        tracing::info!(worker = %self.worker_id, "monitor scheduler stopped");
    }
}

fn failed(error: String, started: Instant) -> CheckOutcome {
    CheckOutcome {
        status: CheckStatus::Down,
        duration_ms: started.elapsed().as_millis().min(u128::from(u32::MAX)) as u32,
        phases: Phases::default(),
        status_code: None,
        error: Some(error),
        tls_expires_at: None::<chrono::DateTime<Utc>>,
    }
}

//! Escalations at work. [`Escalator`] follows outages: an alerted outage of a monitor with a
//! policy gets an `escalations` row (in the recording transaction) due when its first step is;
//! its end clears the due time. [`EscalationSweep`] runs due steps: each writes a delivery per
//! channel (de-duplicated per escalation, step run and channel) and a timeline event, and sets
//! the next due time — the next step's wait, or the repeat interval after the last step, or
//! none. Acknowledging clears the due time too. Due times are rows, so steps survive restarts;
//! on PostgreSQL several processes sweep side by side (`FOR UPDATE SKIP LOCKED`).

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use entity::alert_deliveries::AlertEvent;
use entity::incident_events::IncidentEventKind;
use entity::{escalation_policies, escalations, incidents, monitors, tenants};
use sea_orm::sea_query::{Expr, LockBehavior, LockType, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use super::policies;
use crate::alerting::deliveries::{self, Broadcast};
use crate::alerting::router::{OutageMessages, channel_names};
use crate::kernel::SharedClock;
use crate::monitoring::followers::OutageFollower;
use crate::monitoring::timeline;

/// How often the sweep looks for due steps (it is also woken when an outage is recorded).
pub const SWEEP_EVERY: StdDuration = StdDuration::from_secs(5);
/// Escalations handled per transaction.
const BATCH: u64 = 50;

pub struct Escalator {
    /// Wakes the sweep once the recording committed (a first step without wait runs now).
    pub wake: Arc<tokio::sync::Notify>,
}

#[async_trait::async_trait]
impl OutageFollower for Escalator {
    async fn opened(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        let Some(monitor) = monitors::Entity::find_by_id(outage.monitor_id).one(txn).await? else {
            return Ok(());
        };
        let Some(policy_id) = monitor.escalation_policy_id else { return Ok(()) };
        let steps = policies::steps_of(txn, outage.tenant_id, policy_id).await?;
        let Some(first) = steps.first() else { return Ok(()) };
        let row = escalations::ActiveModel {
            id: Set(Uuid::now_v7()),
            tenant_id: Set(outage.tenant_id),
            incident_id: Set(outage.id),
            policy_id: Set(policy_id),
            next_step: Set(0),
            next_due_at: Set(Some(at + Duration::seconds(i64::from(first.wait_seconds)))),
            created_at: Set(at),
            updated_at: Set(at),
        };
        escalations::Entity::insert(row)
            .on_conflict(OnConflict::column(escalations::Column::IncidentId).do_nothing().to_owned())
            .exec_without_returning(txn)
            .await?;
        Ok(())
    }

    async fn resolved(
        &self,
        txn: &DatabaseTransaction,
        outage: &incidents::Model,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        stop(txn, outage.id, at).await
    }

    fn committed(&self) {
        self.wake.notify_one();
    }
}

/// Clears the outage's next due time: nothing more is sent for it.
pub async fn stop(db: &impl ConnectionTrait, outage_id: Uuid, at: DateTime<Utc>) -> Result<(), DbErr> {
    escalations::Entity::update_many()
        .col_expr(escalations::Column::NextDueAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(escalations::Column::UpdatedAt, Expr::value(at))
        .filter(escalations::Column::IncidentId.eq(outage_id))
        .exec(db)
        .await?;
    Ok(())
}

#[derive(Clone)]
pub struct EscalationSweep {
    pub db: DatabaseConnection,
    pub clock: SharedClock,
    pub messages: OutageMessages,
    pub wake: Arc<tokio::sync::Notify>,
    /// Wakes the delivery runner when steps queued deliveries.
    pub deliveries: Arc<tokio::sync::Notify>,
}

impl EscalationSweep {
    /// Sweeps every [`SWEEP_EVERY`], or sooner when woken, until `cancel`.
    pub async fn run(self, cancel: CancellationToken) {
        loop {
            if let Err(err) = self.sweep().await {
                tracing::warn!(error = %err, "the escalation sweep failed; it runs again shortly");
            }
            tokio::select! {
                () = cancel.cancelled() => return,
                () = self.wake.notified() => {}
                () = tokio::time::sleep(SWEEP_EVERY) => {}
            }
        }
    }

    /// Runs every step due at the clock's now; returns how many ran.
    pub async fn sweep(&self) -> Result<usize, DbErr> {
        let mut ran = 0;
        loop {
            let (batch, full) = self.sweep_batch().await?;
            ran += batch;
            if !full {
                break;
            }
        }
        if ran > 0 {
            self.deliveries.notify_one();
        }
        Ok(ran)
    }

    async fn sweep_batch(&self) -> Result<(usize, bool), DbErr> {
        let now = self.clock.now();
        let txn = crate::db::begin_write(&self.db).await?;
        let mut due = escalations::Entity::find()
            .filter(escalations::Column::NextDueAt.lte(now))
            .order_by_asc(escalations::Column::NextDueAt)
            .limit(BATCH);
        if txn.get_database_backend() == DatabaseBackend::Postgres {
            due = due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let due = due.all(&txn).await?;
        let full = due.len() as u64 == BATCH;
        let mut ran = 0;
        for escalation in due {
            if self.run_step(&txn, escalation, now).await? {
                ran += 1;
            }
        }
        txn.commit().await?;
        Ok((ran, full))
    }

    /// Runs the escalation's next step (or stops it when its outage is over or acknowledged).
    async fn run_step(
        &self,
        txn: &DatabaseTransaction,
        escalation: escalations::Model,
        now: DateTime<Utc>,
    ) -> Result<bool, DbErr> {
        let outage = incidents::Entity::find_by_id(escalation.incident_id).one(txn).await?;
        let policy = escalation_policies::Entity::find_by_id(escalation.policy_id).one(txn).await?;
        let (Some(outage), Some(policy)) = (outage, policy) else {
            stop(txn, escalation.incident_id, now).await?;
            return Ok(false);
        };
        let steps = policies::steps_of(txn, escalation.tenant_id, policy.id).await?;
        if outage.resolved_at.is_some() || outage.acknowledged_at.is_some() || steps.is_empty() {
            stop(txn, outage.id, now).await?;
            return Ok(false);
        }
        let (Some(tenant), Some(monitor)) = (
            tenants::Entity::find_by_id(outage.tenant_id).one(txn).await?,
            monitors::Entity::find_by_id(outage.monitor_id).one(txn).await?,
        ) else {
            stop(txn, outage.id, now).await?;
            return Ok(false);
        };
        let run = escalation.next_step.max(0) as usize;
        let index = run.min(steps.len() - 1);
        let step = &steps[index];
        let message = self.messages.outage(&tenant, &monitor, &outage, AlertEvent::Down, now);
        let broadcast = Broadcast {
            tenant_id: outage.tenant_id,
            monitor_id: Some(monitor.id),
            incident_id: Some(outage.id),
            event: AlertEvent::Down,
            message,
            dedup_prefix: format!("escalation:{}:{run}", escalation.id),
        };
        deliveries::enqueue_each(txn, &broadcast, &step.channels, now).await?;
        let names = channel_names(txn, outage.tenant_id, &step.channels).await?;
        let what =
            if run == index { format!("Step {}", index + 1) } else { format!("Step {} again", index + 1) };
        let event = format!("{what} of {}: notified {}", policy.name, names.join(", "));
        timeline::record(txn, &outage, IncidentEventKind::Escalated, event, now).await?;
        let next_due = match steps.get(run + 1) {
            Some(next) => Some(now + Duration::seconds(i64::from(next.wait_seconds))),
            None if policy.repeat_every_seconds > 0 => {
                Some(now + Duration::seconds(i64::from(policy.repeat_every_seconds)))
            }
            None => None,
        };
        escalations::Entity::update_many()
            .col_expr(escalations::Column::NextStep, Expr::value(run as i32 + 1))
            .col_expr(escalations::Column::NextDueAt, Expr::value(next_due))
            .col_expr(escalations::Column::UpdatedAt, Expr::value(now))
            .filter(escalations::Column::Id.eq(escalation.id))
            .exec(txn)
            .await?;
        Ok(true)
    }
}

//! Recording a batch of check results in one transaction: each result row, the monitor's new
//! state and next planned check (which also releases the lease), and for a state change the
//! incident it opens or resolves and the alerts it sends. One transaction per batch keeps the
//! write cost per check low (one commit for many results, which matters most on SQLite).

use chrono::{DateTime, Utc};
use entity::check_results::{self, CheckStatus};
use entity::incidents;
use entity::monitors::{self, MonitorKind, MonitorStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::alerts::Alerts;
use super::degradation;
use super::dependencies::{self, Verdict};
use super::events::{MonitorEvent, check_status_name, status_name};
use super::flapping::{self, FlapNotice};
use super::maintenance;
use super::monitors::timing_of;
use super::rollups;
use super::settings::Settings;
use super::state::{self, Counters, Transition};
use super::timeline;
use super::timing::Timing;
use crate::probe::{self, CheckOutcome};
use entity::incident_events::IncidentEventKind;

/// One finished check of a claimed monitor.
pub struct Observation {
    pub monitor: monitors::Model,
    pub started_at: DateTime<Utc>,
    pub outcome: CheckOutcome,
}

/// What recording a batch did, for metrics and tests, and the events to publish once it commits.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Recorded {
    pub results: usize,
    pub went_down: usize,
    pub recovered: usize,
    /// Outages held back because a monitor they depend on is down (counted in `went_down` too).
    pub held_back: usize,
    /// Monitors that started flapping or settled.
    pub flap_notices: usize,
    /// Degradations that began or ended.
    pub degraded_notices: usize,
    /// Results dropped because another worker holds the monitor's lease now.
    pub lease_lost: usize,
    pub events: Vec<MonitorEvent>,
    /// Written by [`flush`].
    pending_results: Vec<check_results::ActiveModel>,
    pending_rollups: Vec<rollups::Sample>,
}

/// Writes the batch's results (one multi-row INSERT) and rollups (one read, one write per
/// monitor and hour). Call before committing.
pub async fn flush(db: &impl ConnectionTrait, recorded: &mut Recorded) -> Result<(), DbErr> {
    let results = std::mem::take(&mut recorded.pending_results);
    for chunk in results.chunks(500) {
        check_results::Entity::insert_many(chunk.to_vec()).exec_without_returning(db).await?;
    }
    rollups::add_many(db, std::mem::take(&mut recorded.pending_rollups)).await
}

pub fn stored_status(status: probe::CheckStatus) -> CheckStatus {
    match status {
        probe::CheckStatus::Up => CheckStatus::Up,
        probe::CheckStatus::Degraded => CheckStatus::Degraded,
        probe::CheckStatus::Down => CheckStatus::Down,
    }
}

fn ms(value: Option<u32>) -> Option<i32> {
    value.map(|ms| ms.min(i32::MAX as u32) as i32)
}

/// Records `observations`; a monitor whose lease `worker` no longer holds is skipped (its new
/// holder records its own check).
pub async fn record_batch(
    db: &DatabaseTransaction,
    alerts: &Alerts,
    worker: &str,
    now: DateTime<Utc>,
    observations: Vec<Observation>,
) -> Result<Recorded, DbErr> {
    let mut recorded = Recorded::default();
    let mut tenants: Vec<Uuid> = observations.iter().map(|o| o.monitor.tenant_id).collect();
    tenants.sort_unstable();
    tenants.dedup();
    let windows = maintenance::of_tenants(db, tenants).await?;
    for observation in observations {
        let in_maintenance = maintenance::covers(&windows, &observation.monitor, observation.started_at);
        let timing = {
            let mut timing = timing_of(&observation.monitor);
            if observation.monitor.kind == MonitorKind::Heartbeat {
                // A missed heartbeat is already late by its grace period: no re-checks.
                timing.failure_threshold = 1;
                timing.failure_window_seconds = 0;
            }
            timing
        };
        let planned = observation.monitor.next_check_at;
        // A cron heartbeat that missed its run is next due at the run after, plus grace.
        let cron_heartbeat = match observation.monitor.kind {
            MonitorKind::Heartbeat => match Settings::from_json(&observation.monitor.settings) {
                Ok(Settings::Heartbeat(beat)) if beat.cron.is_some() => Some(beat),
                _ => None,
            },
            _ => None,
        };
        let interval = observation.monitor.interval_seconds;
        let plan = |quick| match &cron_heartbeat {
            Some(beat) => beat.deadline_after(interval, now),
            None => state::next_check_at(&timing, planned, now, quick),
        };
        let lease = Lease::HeldBy(worker);
        record_one(db, alerts, observation, timing, lease, in_maintenance, plan, &mut recorded).await?;
    }
    flush(db, &mut recorded).await?;
    Ok(recorded)
}

/// Whose write this is: the scheduler's (only while it holds the lease) or a ping's (which
/// also takes the lease away, so a check in flight cannot overwrite the ping's news).
pub enum Lease<'a> {
    HeldBy(&'a str),
    Ping,
}

/// Records one result: the monitor's new state and next check, the result row, and the
/// incident and alerts of a state change. `plan` gives the next check from whether a quick
/// re-check is due. In maintenance, the result counts for neither uptime nor alerts (the
/// status still changes, and an outage still opens an incident).
#[allow(clippy::too_many_arguments)]
pub async fn record_one(
    db: &DatabaseTransaction,
    alerts: &Alerts,
    Observation { monitor, started_at, outcome }: Observation,
    timing: Timing,
    lease: Lease<'_>,
    in_maintenance: bool,
    plan: impl FnOnce(bool) -> DateTime<Utc>,
    recorded: &mut Recorded,
) -> Result<(), DbErr> {
    // Healthy but slower than the monitor allows: degraded (the probe's own degraded verdict
    // is an expiring certificate).
    let slow = timing.degraded_response_ms > 0
        && outcome.status == probe::CheckStatus::Up
        && outcome.duration_ms > timing.degraded_response_ms.unsigned_abs();
    let status = if slow { CheckStatus::Degraded } else { stored_status(outcome.status) };
    let current = Counters {
        status: monitor.status,
        consecutive_failures: monitor.consecutive_failures,
        consecutive_successes: monitor.consecutive_successes,
    };
    let window_failures = if status == CheckStatus::Down && timing.failure_window_seconds > 0 {
        let since = started_at - chrono::Duration::seconds(i64::from(timing.failure_window_seconds));
        Some(failures_since(db, &monitor, since).await?.saturating_add(1))
    } else {
        None
    };
    let mut step = state::step(&timing, current, status, window_failures);
    let error: Option<String> = if slow {
        Some(format!(
            "responded in {} ms (slower than {} ms)",
            outcome.duration_ms, timing.degraded_response_ms
        ))
    } else {
        outcome.error.as_ref().map(|error| error.chars().take(1000).collect())
    };
    let dependency = if status == CheckStatus::Down {
        dependency_of_failure(db, &monitor, current, &mut step, started_at).await?
    } else {
        DependencyCall::None
    };
    let next = plan(step.quick_recheck);
    let flap = flap_call(db, &monitor, step.transition, started_at).await?;
    let flapping_since = match &flap {
        FlapCall::Started { .. } => Some(started_at),
        FlapCall::Settled => None,
        FlapCall::None => monitor.flapping_since,
    };
    // While flapping, new outages are recorded without alerts.
    let quiet = monitor.flapping_since.is_some();
    let dependency_down = match (&dependency, step.transition) {
        (DependencyCall::HoldBack { .. }, _) => true,
        (DependencyCall::OwnOutage, _) | (_, Some(Transition::Recovered)) => false,
        _ => monitor.dependency_down,
    };
    let duration_ms = outcome.duration_ms.min(i32::MAX as u32) as i32;
    let degraded = degradation::notice(
        &monitor,
        step.counters.status,
        error.as_deref(),
        // The certificate's expiry when it is the cause.
        outcome.tls_expires_at.filter(|_| outcome.status == probe::CheckStatus::Degraded),
        in_maintenance,
        started_at,
    );
    let (degraded_since, degraded_event) = degradation::columns(&monitor, degraded.as_ref());

    let mut update = monitors::Entity::update_many()
        .col_expr(monitors::Column::Status, Expr::value(step.counters.status))
        .col_expr(monitors::Column::ConsecutiveFailures, Expr::value(step.counters.consecutive_failures))
        .col_expr(monitors::Column::ConsecutiveSuccesses, Expr::value(step.counters.consecutive_successes))
        .col_expr(monitors::Column::NextCheckAt, Expr::value(next))
        .col_expr(monitors::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(monitors::Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(monitors::Column::LastCheckedAt, Expr::value(started_at))
        .col_expr(monitors::Column::LastDurationMs, Expr::value(duration_ms))
        .col_expr(monitors::Column::LastError, Expr::value(error.clone()))
        .col_expr(monitors::Column::DependencyDown, Expr::value(dependency_down))
        .col_expr(monitors::Column::FlappingSince, Expr::value(flapping_since))
        .col_expr(monitors::Column::DegradedSince, Expr::value(degraded_since))
        .col_expr(monitors::Column::DegradedEvent, Expr::value(degraded_event))
        .filter(monitors::Column::Id.eq(monitor.id));
    if step.transition.is_some() {
        update = update.col_expr(monitors::Column::StatusChangedAt, Expr::value(started_at));
    }
    match lease {
        // Release the lease only if this worker still holds it: otherwise skip everything.
        Lease::HeldBy(worker) => update = update.filter(monitors::Column::LockedBy.eq(worker)),
        Lease::Ping => {
            update = update
                .col_expr(monitors::Column::LastPingAt, Expr::value(started_at))
                .col_expr(monitors::Column::PingStartedAt, Expr::value(Option::<DateTime<Utc>>::None))
        }
    }
    if update.exec(db).await?.rows_affected == 0 {
        recorded.lease_lost += 1;
        return Ok(());
    }
    // Results and rollups are written once per batch (see `flush`).
    recorded.pending_results.push(check_results::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(monitor.tenant_id),
        monitor_id: Set(monitor.id),
        checked_at: Set(started_at),
        status: Set(status),
        duration_ms: Set(duration_ms),
        dns_ms: Set(ms(outcome.phases.dns_ms)),
        connect_ms: Set(ms(outcome.phases.connect_ms)),
        tls_ms: Set(ms(outcome.phases.tls_ms)),
        first_byte_ms: Set(ms(outcome.phases.first_byte_ms)),
        status_code: Set(outcome.status_code.map(i32::from)),
        error: Set(error.clone()),
        tls_expires_at: Set(outcome.tls_expires_at),
    });
    if !in_maintenance {
        recorded.pending_rollups.push(rollups::Sample {
            tenant_id: monitor.tenant_id,
            monitor_id: monitor.id,
            at: started_at,
            status,
            duration_ms: outcome.duration_ms,
        });
    }
    recorded.results += 1;
    recorded.events.push(MonitorEvent {
        tenant_id: monitor.tenant_id,
        monitor_id: monitor.id,
        monitor_name: monitor.name.clone(),
        status: status_name(step.counters.status),
        previous_status: step.transition.map(|_| status_name(monitor.status)),
        checked_at: started_at,
        check_status: check_status_name(status),
        duration_ms: outcome.duration_ms,
        status_code: outcome.status_code,
        error: error.clone(),
    });
    match (step.transition, dependency) {
        (Some(Transition::WentDown), DependencyCall::HoldBack { parent, outage }) => {
            // Expected while `parent` is down: recorded, attached to its outage, not announced.
            let cause = format!("dependency down: {parent} is down");
            let incident = open_incident(db, &monitor, started_at, Some(&cause), false).await?;
            if incident.caused_by_incident_id != outage {
                let mut active: incidents::ActiveModel = incident.into();
                active.caused_by_incident_id = Set(outage);
                active.update(db).await?;
            }
            recorded.went_down += 1;
            recorded.held_back += 1;
        }
        (None, DependencyCall::OwnOutage) => {
            // Still failing after its parents are fine: the held-back outage is its own now.
            if let Some(open) = open_incident_of(db, &monitor).await? {
                let mut active: incidents::ActiveModel = open.into();
                active.caused_by_incident_id = Set(None);
                active.alerted = Set(!in_maintenance && !quiet);
                active.cause = Set(error.clone().unwrap_or_else(|| "the check failed".to_owned()));
                let incident = active.update(db).await?;
                if incident.alerted {
                    alerts.enqueue(db, &monitor, &incident, true, started_at).await?;
                    for follower in alerts.followers.iter() {
                        follower.opened(db, &incident, started_at).await?;
                    }
                    recorded.went_down += 1;
                }
            }
        }
        (Some(Transition::WentDown), _) => {
            let alerted = !in_maintenance && !quiet;
            let incident = open_incident(db, &monitor, started_at, error.as_deref(), alerted).await?;
            if incident.alerted {
                alerts.enqueue(db, &monitor, &incident, true, started_at).await?;
                for follower in alerts.followers.iter() {
                    follower.opened(db, &incident, started_at).await?;
                }
            }
            recorded.went_down += 1;
        }
        (Some(Transition::Recovered), _) => {
            // Dependents held back by this outage are checked now: fine, or down on their own.
            let held = dependencies::held_back_dependents(db, monitor.tenant_id, monitor.id).await?;
            dependencies::check_soon(db, held, started_at).await?;
            // An outage announced is announced over; one that began in maintenance is not.
            if let Some(incident) = resolve_incident(db, &monitor, started_at).await? {
                if incident.alerted && !in_maintenance {
                    alerts.enqueue(db, &monitor, &incident, false, started_at).await?;
                }
                for follower in alerts.followers.iter() {
                    follower.resolved(db, &incident, started_at).await?;
                }
            }
            recorded.recovered += 1;
        }
        _ => {}
    }
    if let Some(notice) = &degraded {
        for follower in alerts.followers.iter() {
            follower.degraded(db, &monitor, notice, started_at).await?;
        }
        recorded.degraded_notices += 1;
    }
    if flap != FlapCall::None {
        let mut now = monitor.clone();
        now.status = step.counters.status;
        now.flapping_since = flapping_since;
        let notice = match flap {
            FlapCall::Started { changes } => FlapNotice {
                settled: false,
                since: started_at,
                changes,
                window_seconds: monitor.flap_window_seconds,
            },
            _ => FlapNotice {
                settled: true,
                since: monitor.flapping_since.unwrap_or(started_at),
                changes: 0,
                window_seconds: monitor.flap_window_seconds,
            },
        };
        alerts.flapping(db, &now, &notice, started_at).await?;
        recorded.flap_notices += 1;
        if notice.settled && now.status == MonitorStatus::Down && !dependency_down {
            // Still down once it settled: the outage recorded quietly is news now.
            let quiet_outage = open_incident_of(db, &monitor)
                .await?
                .filter(|open| !open.alerted && !in_maintenance && open.caused_by_incident_id.is_none());
            if let Some(open) = quiet_outage {
                let mut active: incidents::ActiveModel = open.into();
                active.alerted = Set(true);
                let incident = active.update(db).await?;
                alerts.enqueue(db, &monitor, &incident, true, started_at).await?;
                for follower in alerts.followers.iter() {
                    follower.opened(db, &incident, started_at).await?;
                }
            }
        }
    }
    Ok(())
}

/// Failures of `monitor` recorded at or after `since` (for "X failures within Y").
async fn failures_since(
    db: &DatabaseTransaction,
    monitor: &monitors::Model,
    since: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let count = check_results::Entity::find()
        .filter(check_results::Column::TenantId.eq(monitor.tenant_id))
        .filter(check_results::Column::MonitorId.eq(monitor.id))
        .filter(check_results::Column::CheckedAt.gte(since))
        .filter(check_results::Column::Status.eq(CheckStatus::Down))
        .count(db)
        .await?;
    Ok(i32::try_from(count).unwrap_or(i32::MAX))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FlapCall {
    None,
    Started { changes: u64 },
    Settled,
}

/// Whether this result makes the monitor start flapping (an outage opening or ending that
/// reaches the threshold) or settle (no change for a whole window).
async fn flap_call(
    db: &DatabaseTransaction,
    monitor: &monitors::Model,
    transition: Option<Transition>,
    at: DateTime<Utc>,
) -> Result<FlapCall, DbErr> {
    let changed = matches!(transition, Some(Transition::WentDown | Transition::Recovered));
    if monitor.flapping_since.is_some() {
        let settled = !changed && flapping::has_settled(monitor, at);
        return Ok(if settled { FlapCall::Settled } else { FlapCall::None });
    }
    if !changed || monitor.flap_threshold == 0 {
        return Ok(FlapCall::None);
    }
    let changes = flapping::changes_since(db, monitor, flapping::window_start(monitor, at)).await? + 1;
    Ok(if flapping::trips(monitor, changes) { FlapCall::Started { changes } } else { FlapCall::None })
}

/// What a failing monitor's dependencies make of its failure.
enum DependencyCall {
    None,
    /// The outage starting now follows from `parent`'s (`outage`): record it without alerts.
    HoldBack {
        parent: String,
        outage: Option<Uuid>,
    },
    /// A held-back outage whose parents are fine again: it is the monitor's own now.
    OwnOutage,
}

/// Asks the parents of a failing monitor, only when it matters: on its first failure (which
/// has them checked at once), when its threshold is reached (a down parent holds the outage
/// back; a failing one, or one not yet checked since this failure, delays the call by a
/// re-check), and while it is held back.
async fn dependency_of_failure(
    db: &DatabaseTransaction,
    monitor: &monitors::Model,
    current: Counters,
    step: &mut state::Step,
    at: DateTime<Utc>,
) -> Result<DependencyCall, DbErr> {
    let first_failure = current.consecutive_failures == 0 && current.status != MonitorStatus::Down;
    let going_down = step.transition == Some(Transition::WentDown);
    if !(first_failure || going_down || monitor.dependency_down) {
        return Ok(DependencyCall::None);
    }
    let parents = dependencies::parents_of(db, monitor).await?;
    // The parents hear of the failure at once (unless one is already down: nothing to ask).
    let verdict = dependencies::verdict(&parents);
    let ask_parents = first_failure && !matches!(verdict, Verdict::ParentDown { .. });
    if ask_parents {
        dependencies::check_soon(db, parents.iter().map(|parent| parent.id).collect(), at).await?;
    }
    // Not an outage yet, the parents decide first: one is failing below its own threshold, or
    // they are only now asked about this failure (a threshold of 1 reached at once: they may
    // be failing too, unchecked yet). The quick re-check comes after them.
    let parents_decide = match (&verdict, going_down) {
        (Verdict::ParentFailing, true) => true,
        (Verdict::Own, true) => ask_parents && !parents.is_empty(),
        _ => false,
    };
    if parents_decide {
        step.counters.status = current.status;
        step.transition = None;
        step.quick_recheck = true;
        return Ok(DependencyCall::None);
    }
    Ok(match (verdict, going_down) {
        (Verdict::ParentDown { name, outage }, true) => DependencyCall::HoldBack { parent: name, outage },
        (Verdict::Own, false) if monitor.dependency_down => DependencyCall::OwnOutage,
        _ => DependencyCall::None,
    })
}

async fn open_incident(
    db: &impl ConnectionTrait,
    monitor: &monitors::Model,
    at: DateTime<Utc>,
    cause: Option<&str>,
    alerted: bool,
) -> Result<incidents::Model, DbErr> {
    // One incident per outage: reuse one left open (e.g. by a resume after a pause mid-outage).
    if let Some(open) = open_incident_of(db, monitor).await? {
        return Ok(open);
    }
    let outage = incidents::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(monitor.tenant_id),
        monitor_id: Set(monitor.id),
        opened_at: Set(at),
        resolved_at: Set(None),
        cause: Set(cause.unwrap_or("the check failed").to_owned()),
        created_at: Set(at),
        alerted: Set(alerted),
        caused_by_incident_id: Set(None),
        acknowledged_at: Set(None),
        acknowledged_by: Set(None),
    }
    .insert(db)
    .await?;
    let cause = cause.unwrap_or("the check failed");
    let message = if alerted { format!("Down: {cause}") } else { format!("Down, without alerts: {cause}") };
    timeline::record(db, &outage, IncidentEventKind::Opened, message, at).await?;
    Ok(outage)
}

/// The monitor's open outage, if any.
pub(super) async fn open_incident_of(
    db: &impl ConnectionTrait,
    monitor: &monitors::Model,
) -> Result<Option<incidents::Model>, DbErr> {
    incidents::Entity::find()
        .filter(incidents::Column::TenantId.eq(monitor.tenant_id))
        .filter(incidents::Column::MonitorId.eq(monitor.id))
        .filter(incidents::Column::ResolvedAt.is_null())
        .order_by_desc(incidents::Column::OpenedAt)
        .one(db)
        .await
}

async fn resolve_incident(
    db: &impl ConnectionTrait,
    monitor: &monitors::Model,
    at: DateTime<Utc>,
) -> Result<Option<incidents::Model>, DbErr> {
    let Some(open) = open_incident_of(db, monitor).await? else { return Ok(None) };
    let mut active: incidents::ActiveModel = open.into();
    active.resolved_at = Set(Some(at));
    let outage = active.update(db).await?;
    timeline::record(db, &outage, IncidentEventKind::Resolved, "Up again", at).await?;
    Ok(Some(outage))
}

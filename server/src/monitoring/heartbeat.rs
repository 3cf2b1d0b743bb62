//! Heartbeat pings: a job calls `/ping/<token>` when it succeeds, `/ping/<token>/start` when it
//! starts and `/ping/<token>/fail` when it fails. No login: the token is the credential. A
//! success or failure is recorded like a check (same state machine, incidents and alerts) and
//! plans the next deadline (the next expected run — interval or cron — plus grace); the
//! scheduler records a DOWN when a deadline passes without a ping.

use chrono::{DateTime, Duration, Utc};
use entity::monitors::{self, MonitorKind, MonitorStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::alerts::Alerts;
use super::maintenance;
use super::monitors::timing_of;
use super::record::{Lease, Observation, Recorded, flush, record_one};
use super::settings::Settings;
use crate::probe::{CheckOutcome, CheckStatus, Phases};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ping {
    Success,
    Start,
    Fail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PingOutcome {
    Recorded,
    /// The monitor is paused: the ping is accepted and ignored.
    Paused,
    UnknownToken,
}

pub async fn ping(
    db: &DatabaseConnection,
    alerts: &Alerts,
    now: DateTime<Utc>,
    token: &str,
    ping: Ping,
) -> Result<PingOutcome, DbErr> {
    if token.len() != 43 || !token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Ok(PingOutcome::UnknownToken);
    }
    let txn = crate::db::begin_write(db).await?;
    let Some(monitor) = monitors::Entity::find()
        .filter(monitors::Column::PingToken.eq(token))
        .filter(monitors::Column::Kind.eq(MonitorKind::Heartbeat))
        .one(&txn)
        .await?
    else {
        return Ok(PingOutcome::UnknownToken);
    };
    if monitor.status == MonitorStatus::Paused {
        return Ok(PingOutcome::Paused);
    }
    let deadline = match Settings::from_json(&monitor.settings) {
        Ok(Settings::Heartbeat(beat)) => beat.deadline_after(monitor.interval_seconds, now),
        _ => now + Duration::seconds(i64::from(monitor.interval_seconds)),
    };
    if ping == Ping::Start {
        monitors::Entity::update_many()
            .col_expr(monitors::Column::PingStartedAt, Expr::value(now))
            .filter(monitors::Column::Id.eq(monitor.id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        return Ok(PingOutcome::Recorded);
    }
    // The job's duration, when it reported its start within the last interval.
    let duration_ms = monitor
        .ping_started_at
        .filter(|started| now - *started <= Duration::seconds(i64::from(monitor.interval_seconds)))
        .map_or(0, |started| (now - started).num_milliseconds().clamp(0, i64::from(u32::MAX)) as u32);
    let (status, error) = match ping {
        Ping::Fail => (CheckStatus::Down, Some("the job reported a failure".to_owned())),
        _ => (CheckStatus::Up, None),
    };
    let outcome = CheckOutcome {
        status,
        duration_ms,
        phases: Phases::default(),
        status_code: None,
        error,
        tls_expires_at: None,
    };
    let mut timing = timing_of(&monitor);
    timing.failure_threshold = 1;
    timing.failure_window_seconds = 0;
    timing.degraded_response_ms = 0;
    let mut recorded = Recorded::default();
    let windows = maintenance::of_tenants(&txn, vec![monitor.tenant_id]).await?;
    let in_maintenance = maintenance::covers(&windows, &monitor, now);
    let observation = Observation { monitor, started_at: now, outcome };
    record_one(&txn, alerts, observation, timing, Lease::Ping, in_maintenance, |_| deadline, &mut recorded)
        .await?;
    flush(&txn, &mut recorded).await?;
    txn.commit().await?;
    alerts.committed(db, &mut recorded).await;
    Ok(PingOutcome::Recorded)
}

//! Flap control: a monitor whose state changes (an outage opening or ending) reach its
//! `flap_threshold` within `flap_window_seconds` is flapping. The change that trips it is
//! announced as usual, followed by one "flapping" notice; while it flaps, new outages are
//! recorded without alerts (an announced outage still has its recovery announced, so receivers
//! that opened something close it). Once no change happened for a whole window it has settled:
//! that is announced too, and an outage still open then is announced as the news it now is.

use chrono::{DateTime, Duration, Utc};
use entity::{incidents, monitors};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

/// A monitor started flapping or settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlapNotice {
    pub settled: bool,
    /// When it started flapping (with the monitor, the notice's identity).
    pub since: DateTime<Utc>,
    /// The changes within the window that tripped it (0 for a settled notice).
    pub changes: u64,
    pub window_seconds: i32,
}

/// Outages of `monitor` opened, plus outages ended, at or after `since`.
pub async fn changes_since(
    db: &impl ConnectionTrait,
    monitor: &monitors::Model,
    since: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let of_monitor = || {
        incidents::Entity::find()
            .filter(incidents::Column::TenantId.eq(monitor.tenant_id))
            .filter(incidents::Column::MonitorId.eq(monitor.id))
    };
    let opened = of_monitor().filter(incidents::Column::OpenedAt.gte(since)).count(db).await?;
    let ended = of_monitor().filter(incidents::Column::ResolvedAt.gte(since)).count(db).await?;
    Ok(opened + ended)
}

/// The window of `monitor` ending at `at`.
pub fn window_start(monitor: &monitors::Model, at: DateTime<Utc>) -> DateTime<Utc> {
    at - Duration::seconds(i64::from(monitor.flap_window_seconds))
}

/// Whether a flapping monitor has settled at `at`: no change for a whole window.
pub fn has_settled(monitor: &monitors::Model, at: DateTime<Utc>) -> bool {
    let Some(since) = monitor.flapping_since else { return false };
    let last_change = monitor.status_changed_at.map_or(since, |changed| changed.max(since));
    at - last_change >= Duration::seconds(i64::from(monitor.flap_window_seconds))
}

/// Whether `changes` (counting the one being recorded) trip the monitor's threshold.
pub fn trips(monitor: &monitors::Model, changes: u64) -> bool {
    monitor.flap_threshold > 0 && changes >= monitor.flap_threshold as u64
}

//! Retention: raw check results older than `RETENTION_DAYS` are deleted in batches (short
//! transactions, so checks keep being recorded meanwhile); hourly rollups are kept 400 days.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{DatabaseConnection, DbErr};

use crate::db::purge;

pub const ROLLUP_DAYS: i64 = 400;

/// Deletes what is past retention; returns (results, rollups) deleted.
pub async fn purge(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    retention_days: u32,
) -> Result<(u64, u64), DbErr> {
    let cutoff = now - Duration::days(i64::from(retention_days));
    let results = purge::before(db, "check_results", "checked_at", None, cutoff).await?;
    let rollups =
        purge::before(db, "check_rollups", "hour_start", None, now - Duration::days(ROLLUP_DAYS)).await?;
    Ok((results, rollups))
}

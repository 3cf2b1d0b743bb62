//! Retention of the delivery log: deliveries that are finished (delivered or dead) are kept
//! [`DELIVERY_DAYS`], with their attempts (deleted with them); queued ones are never purged.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{DatabaseConnection, DbErr};

use crate::db::purge;

pub const DELIVERY_DAYS: i64 = 90;

/// Deletes finished deliveries older than [`DELIVERY_DAYS`]; returns how many. Their last
/// attempt time (`next_attempt_at`, with `status`, leads the runner's index).
pub async fn purge(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let cutoff = now - Duration::days(DELIVERY_DAYS);
    let finished = Some("status IN ('delivered', 'dead')");
    purge::before(db, "alert_deliveries", "next_attempt_at", finished, cutoff).await
}

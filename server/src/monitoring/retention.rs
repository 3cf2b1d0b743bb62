//! Retention: raw check results older than `RETENTION_DAYS` are deleted in batches (short
//! transactions, so checks keep being recorded meanwhile); hourly rollups are kept 400 days.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};

use crate::db::Sql;

const BATCH: i64 = 5_000;
pub const ROLLUP_DAYS: i64 = 400;

/// Deletes what is past retention; returns (results, rollups) deleted.
pub async fn purge(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    retention_days: u32,
) -> Result<(u64, u64), DbErr> {
    let results =
        purge_table(db, "check_results", "checked_at", now - Duration::days(i64::from(retention_days)))
            .await?;
    let rollups = purge_table(db, "check_rollups", "hour_start", now - Duration::days(ROLLUP_DAYS)).await?;
    Ok((results, rollups))
}

async fn purge_table(
    db: &DatabaseConnection,
    table: &str,
    column: &str,
    cutoff: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut total = 0;
    loop {
        let mut sql = Sql::new(db.get_database_backend());
        let (before, limit) = (sql.bind(cutoff), sql.bind(BATCH));
        // `table` and `column` are constants of this module, never input.
        let statement = sql.statement(format!(
            "DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {column} < {before} \
             ORDER BY {column} LIMIT {limit})"
        ));
        let deleted = db.execute_raw(statement).await?.rows_affected();
        total += deleted;
        if deleted < BATCH as u64 {
            return Ok(total);
        }
        tokio::task::yield_now().await;
    }
}

//! Deleting old rows in batches: short transactions, so the writers of a busy table (checks
//! being recorded, deliveries being claimed) are never blocked for long.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};

use super::Sql;

const BATCH: i64 = 5_000;

/// Deletes the rows of `table` whose `column` is before `cutoff` (and that match `filter`, an
/// SQL condition), oldest first, [`BATCH`] at a time; returns how many. `table`, `column` and
/// `filter` are the caller's constants, never input. `column` should lead an index.
pub async fn before(
    db: &DatabaseConnection,
    table: &str,
    column: &str,
    filter: Option<&str>,
    cutoff: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut total = 0;
    let filter = filter.map(|filter| format!(" AND {filter}")).unwrap_or_default();
    loop {
        let mut sql = Sql::new(db.get_database_backend());
        let (before, limit) = (sql.bind(cutoff), sql.bind(BATCH));
        let statement = sql.statement(format!(
            "DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {column} < {before}{filter} \
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

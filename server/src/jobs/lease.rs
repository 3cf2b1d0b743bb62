//! The lease protocol on a job table, in SQL shared by every queue. A job table has the
//! columns `id, status, attempts, max_attempts, next_attempt_at, locked_until, locked_by,
//! last_error, updated_at` (and optionally a completion timestamp); [`LeasedTable`] names its
//! statuses. Table and status names are compile-time constants, never input.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, EntityTrait};

use crate::db::Sql;
use uuid::Uuid;

/// A job table and the names of its states.
#[derive(Debug, Clone, Copy)]
pub struct LeasedTable {
    pub table: &'static str,
    /// Waiting for `next_attempt_at`.
    pub queued: &'static str,
    /// Claimed by `locked_by` until `locked_until`.
    pub running: &'static str,
    pub done: &'static str,
    /// Failed its last attempt; `last_error` says why.
    pub dead: &'static str,
    /// Set to the completion time when done, if the table has such a column.
    pub done_at: Option<&'static str>,
}

/// What became of a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureOutcome {
    RetryAt(DateTime<Utc>),
    Dead,
}

/// Claims up to `limit` due jobs for `worker` until `locked_until`: queued ones whose time has
/// come, and running ones whose lease expired (their worker died: at-least-once). Each claim
/// counts as an attempt. A job whose lease expired on its last attempt becomes dead instead.
pub async fn claim<E: EntityTrait>(
    db: &impl ConnectionTrait,
    table: &LeasedTable,
    worker: &str,
    now: DateTime<Utc>,
    locked_until: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<E::Model>, DbErr> {
    let backend = db.get_database_backend();
    let LeasedTable { table: name, queued, running, dead, .. } = *table;

    let mut sql = Sql::new(backend);
    let (now_p, error_p) = (sql.bind(now), sql.bind("the worker stopped while running the last attempt"));
    db.execute_raw(sql.statement(format!(
        "UPDATE {name} SET status = '{dead}', locked_until = NULL, locked_by = NULL, last_error = {error_p}, \
           updated_at = {now_p} \
         WHERE status = '{running}' AND locked_until < {now_p} AND attempts >= max_attempts"
    )))
    .await?;

    let mut sql = Sql::new(backend);
    let (worker_p, until_p, now_p, limit_p) =
        (sql.bind(worker), sql.bind(locked_until), sql.bind(now), sql.bind(limit as i64));
    // SQLite has one writer at a time, so its UPDATE is atomic without row locks.
    let lock = if backend == DatabaseBackend::Postgres { "FOR UPDATE SKIP LOCKED" } else { "" };
    let statement = sql.statement(format!(
        "UPDATE {name} SET status = '{running}', attempts = attempts + 1, locked_by = {worker_p}, \
           locked_until = {until_p}, updated_at = {now_p} \
         WHERE id IN (SELECT id FROM {name} \
           WHERE ((status = '{queued}' AND next_attempt_at <= {now_p}) \
               OR (status = '{running}' AND locked_until < {now_p})) \
             AND attempts < max_attempts \
           ORDER BY next_attempt_at LIMIT {limit_p} {lock}) \
         RETURNING *"
    ));
    E::find().from_raw_sql(statement).all(db).await
}

/// Marks a claimed job done; `false` if this worker no longer holds its lease.
pub async fn complete(
    db: &impl ConnectionTrait,
    table: &LeasedTable,
    id: Uuid,
    worker: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let LeasedTable { table: name, running, done, done_at, .. } = *table;
    let mut sql = Sql::new(db.get_database_backend());
    let now_p = sql.bind(now);
    let done_at = done_at.map(|column| format!("{column} = {now_p}, ")).unwrap_or_default();
    let (id_p, worker_p) = (sql.bind(id), sql.bind(worker));
    let result = db
        .execute_raw(sql.statement(format!(
            "UPDATE {name} SET status = '{done}', {done_at}locked_until = NULL, locked_by = NULL, \
               updated_at = {now_p} \
             WHERE id = {id_p} AND status = '{running}' AND locked_by = {worker_p}"
        )))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Records a failed attempt: back to queued at `retry_at`, or dead when `attempts` reached
/// `max_attempts`. Does nothing if this worker no longer holds the lease.
#[allow(clippy::too_many_arguments)]
pub async fn fail(
    db: &impl ConnectionTrait,
    table: &LeasedTable,
    id: Uuid,
    attempts: i32,
    max_attempts: i32,
    worker: &str,
    now: DateTime<Utc>,
    error: &str,
    retry_at: DateTime<Utc>,
) -> Result<FailureOutcome, DbErr> {
    let LeasedTable { table: name, queued, running, dead, .. } = *table;
    let outcome =
        if attempts >= max_attempts { FailureOutcome::Dead } else { FailureOutcome::RetryAt(retry_at) };
    let mut sql = Sql::new(db.get_database_backend());
    let error: String = error.chars().take(2000).collect();
    let (error_p, now_p, id_p, worker_p) = (sql.bind(error), sql.bind(now), sql.bind(id), sql.bind(worker));
    let set_state = match outcome {
        FailureOutcome::Dead => format!("status = '{dead}'"),
        FailureOutcome::RetryAt(at) => format!("status = '{queued}', next_attempt_at = {}", sql.bind(at)),
    };
    db.execute_raw(sql.statement(format!(
        "UPDATE {name} SET {set_state}, last_error = {error_p}, locked_until = NULL, locked_by = NULL, \
           updated_at = {now_p} \
         WHERE id = {id_p} AND status = '{running}' AND locked_by = {worker_p}"
    )))
    .await?;
    Ok(outcome)
}

/// Puts a job that was claimed but not attempted back in the queue, due at `at`, with the
/// attempt its claim counted given back. `false` if this worker no longer holds the lease.
pub async fn defer(
    db: &impl ConnectionTrait,
    table: &LeasedTable,
    id: Uuid,
    worker: &str,
    now: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let LeasedTable { table: name, queued, running, .. } = *table;
    let mut sql = Sql::new(db.get_database_backend());
    let (at_p, now_p, id_p, worker_p) = (sql.bind(at), sql.bind(now), sql.bind(id), sql.bind(worker));
    let result = db
        .execute_raw(sql.statement(format!(
            "UPDATE {name} SET status = '{queued}', attempts = attempts - 1, next_attempt_at = {at_p}, \
               locked_until = NULL, locked_by = NULL, updated_at = {now_p} \
             WHERE id = {id_p} AND status = '{running}' AND locked_by = {worker_p} AND attempts > 0"
        )))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Gives a dead job a fresh set of attempts, due now. `false` when no dead job has this id.
pub async fn requeue(
    db: &impl ConnectionTrait,
    table: &LeasedTable,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let LeasedTable { table: name, queued, dead, .. } = *table;
    let mut sql = Sql::new(db.get_database_backend());
    let (now_p, id_p) = (sql.bind(now), sql.bind(id));
    let result = db
        .execute_raw(sql.statement(format!(
            "UPDATE {name} SET status = '{queued}', attempts = 0, next_attempt_at = {now_p}, \
               updated_at = {now_p} \
             WHERE id = {id_p} AND status = '{dead}'"
        )))
        .await?;
    Ok(result.rows_affected() == 1)
}

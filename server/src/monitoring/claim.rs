//! Claiming due monitors. The lease lives on the monitor row (`locked_by`, `locked_until`):
//! a claim sets it, recording the result clears it and moves `next_check_at` on. On PostgreSQL
//! `FOR UPDATE SKIP LOCKED` lets several processes claim side by side without waiting on each
//! other or taking the same row; SQLite has one writer at a time, so its UPDATE is atomic as is.
//! A process that dies mid-check holds its lease until `locked_until`, then anyone may claim it.
//!
//! Fairness: at most `per_tenant` monitors of one tenant per claim, so a tenant with thousands
//! of due monitors cannot fill every batch while another tenant's checks wait (decided among the
//! earliest `10 × limit` due monitors, which keeps a claim's cost bounded under a backlog).

use chrono::{DateTime, Utc};
use entity::monitors;
use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, EntityTrait};

use crate::db::Sql;

pub struct ClaimRequest<'a> {
    pub worker: &'a str,
    pub now: DateTime<Utc>,
    pub locked_until: DateTime<Utc>,
    pub limit: u64,
    pub per_tenant: u64,
}

pub async fn claim_due(
    db: &impl ConnectionTrait,
    request: ClaimRequest<'_>,
) -> Result<Vec<monitors::Model>, DbErr> {
    let backend = db.get_database_backend();
    let mut sql = Sql::new(backend);
    let (worker, until, now) =
        (sql.bind(request.worker), sql.bind(request.locked_until), sql.bind(request.now));
    let (limit, per_tenant) = (sql.bind(request.limit as i64), sql.bind(request.per_tenant as i64));
    // Wide enough that every tenant among the earliest due gets its turns.
    let window = sql.bind(request.limit.saturating_mul(10) as i64);
    let lock = if backend == DatabaseBackend::Postgres { "FOR UPDATE SKIP LOCKED" } else { "" };
    let due = format!(
        "status <> 'paused' AND next_check_at <= {now} AND (locked_until IS NULL OR locked_until < {now})"
    );
    // Fairness is decided among the earliest due monitors only (a bounded window read through
    // the next_check_at index), so a claim costs the same when a backlog of thousands is due.
    let statement = sql.statement(format!(
        "UPDATE monitors SET locked_by = {worker}, locked_until = {until} \
         WHERE id IN (SELECT id FROM monitors WHERE id IN ( \
             SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY next_check_at) AS turn \
                             FROM (SELECT id, tenant_id, next_check_at FROM monitors WHERE {due} \
                                   ORDER BY next_check_at LIMIT {window}) AS earliest) AS ranked \
             WHERE turn <= {per_tenant}) \
           AND {due} ORDER BY next_check_at LIMIT {limit} {lock}) \
         RETURNING *"
    ));
    monitors::Entity::find().from_raw_sql(statement).all(db).await
}

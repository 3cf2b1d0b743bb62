//! The monitoring queries use their indexes on a realistically sized PostgreSQL database:
//! 1,000,000 check results, 200,000 hourly rollups and 20,000 monitors across 100 tenants, then
//! EXPLAIN of each hot query. A plan that scans the table or sorts fails, by name.

use beacon_tests::{Backend, TestDatabase};
use sea_orm::{ConnectionTrait, Statement};

const SEED: &str = "
INSERT INTO tenants (id, slug, name, status, created_at, updated_at)
  SELECT md5('t'||t)::uuid, 'plan'||t, 'Plan '||t, 'active', now(), now() FROM generate_series(1,100) t;
INSERT INTO monitors (id, tenant_id, name, kind, target, settings, interval_seconds, timeout_seconds,
    retry_interval_seconds, failure_threshold, recovery_threshold, status, consecutive_failures,
    consecutive_successes, next_check_at, created_at, updated_at)
  SELECT md5('m'||m)::uuid, md5('t'||(m % 100 + 1))::uuid, 'm'||m, 'tcp', 'db:5432', '{}', 60, 10, 20, 2, 1,
    CASE WHEN m % 50 = 0 THEN 'down' ELSE 'up' END, 0, 0, now() + interval '1 hour',
    now() - (m || ' minutes')::interval, now() FROM generate_series(1,20000) m;
INSERT INTO check_results (id, tenant_id, monitor_id, checked_at, status, duration_ms)
  SELECT gen_random_uuid(), md5('t'||((r % 1000 + 1) % 100 + 1))::uuid, md5('m'||(r % 1000 + 1))::uuid,
    now() - ((r / 1000) || ' minutes')::interval, 'up', 42 FROM generate_series(0,999999) r;
INSERT INTO check_rollups (id, tenant_id, monitor_id, hour_start, checks, failures, degraded, duration_sum_ms, latency_buckets)
  SELECT gen_random_uuid(), md5('t'||((r % 1000 + 1) % 100 + 1))::uuid, md5('m'||(r % 1000 + 1))::uuid,
    date_trunc('hour', now()) - ((r / 1000) || ' hours')::interval, 60, 0, 0, 2520, '[]' FROM generate_series(0,199999) r;
ANALYZE;
";

/// (what, query, the index its plan must use, whether the plan must read it in order: a LIMIT
/// over many matching rows must not sort them; a handful of rows may be)
const QUERIES: &[(&str, &str, &str, bool)] = &[
    (
        "a monitor's recent checks",
        "SELECT * FROM check_results WHERE tenant_id = md5('t8')::uuid AND monitor_id = md5('m7')::uuid \
         ORDER BY checked_at DESC LIMIT 20",
        "check_results_tenant_id_monitor_id_checked_at_idx",
        true,
    ),
    (
        "90 days of rollups for uptime",
        "SELECT * FROM check_rollups WHERE tenant_id = md5('t8')::uuid AND monitor_id = md5('m7')::uuid \
         AND hour_start >= now() - interval '90 days'",
        "check_rollups_tenant_id_monitor_id_hour_start_key",
        false,
    ),
    (
        "the monitors list filtered by status",
        "SELECT * FROM monitors WHERE tenant_id = md5('t1')::uuid AND status = 'down' \
         ORDER BY created_at DESC, id DESC LIMIT 21",
        "monitors_tenant_id_status_created_at_id_idx",
        false,
    ),
    (
        "the monitors list",
        "SELECT * FROM monitors WHERE tenant_id = md5('t1')::uuid ORDER BY created_at DESC, id DESC LIMIT 21",
        "monitors_tenant_id_created_at_id_idx",
        true,
    ),
    (
        "the retention purge's batch",
        "SELECT id FROM check_results WHERE checked_at < now() - interval '10 days' ORDER BY checked_at LIMIT 5000",
        "check_results_checked_at_idx",
        true,
    ),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hot_monitoring_queries_use_their_indexes_on_a_million_results() {
    let database = TestDatabase::migrated(Backend::Postgres).await;
    let db = database.connect().await;
    db.execute_unprepared(SEED).await.expect("seed a million results");
    let mut failures = Vec::new();
    for (what, query, index, ordered) in QUERIES {
        let rows = db
            .query_all_raw(Statement::from_string(db.get_database_backend(), format!("EXPLAIN {query}")))
            .await
            .expect("EXPLAIN");
        let plan: Vec<String> = rows.iter().map(|row| row.try_get_by_index::<String>(0).unwrap()).collect();
        let plan = plan.join("\n");
        if !plan.contains(index) || plan.contains("Seq Scan") || (*ordered && plan.contains("Sort  (")) {
            let how = if *ordered { "an ordered scan" } else { "a scan" };
            failures.push(format!("{what}: expected {how} of {index}, got\n{plan}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

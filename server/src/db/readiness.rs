//! `/health/ready`: is this process able to serve? Database reachable and migrations current.

use std::time::{Duration, Instant};

use migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use serde::Serialize;

/// Bound on each probe, so a hung database makes readiness fail fast instead of hanging.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Serialize)]
pub struct CheckResult {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<String>,
}

impl CheckResult {
    fn failed(reason: impl Into<String>) -> Self {
        Self { ok: false, latency_ms: None, reason: Some(reason.into()), pending: Vec::new() }
    }
}

#[derive(Debug, Serialize)]
pub struct Readiness {
    pub ready: bool,
    pub database: CheckResult,
    pub migrations: CheckResult,
}

pub async fn check_readiness(db: &DatabaseConnection) -> Readiness {
    let started = Instant::now();
    let database = match tokio::time::timeout(PROBE_TIMEOUT, db.ping()).await {
        Ok(Ok(())) => CheckResult {
            ok: true,
            latency_ms: Some(started.elapsed().as_millis() as u64),
            reason: None,
            pending: Vec::new(),
        },
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness: database ping failed");
            CheckResult::failed("database unreachable")
        }
        Err(_) => CheckResult::failed(format!("database did not answer within {PROBE_TIMEOUT:?}")),
    };
    let migrations = if !database.ok {
        CheckResult::failed("unknown: database unreachable")
    } else {
        match tokio::time::timeout(PROBE_TIMEOUT, Migrator::get_pending_migrations(db)).await {
            Ok(Ok(pending)) if pending.is_empty() => {
                CheckResult { ok: true, latency_ms: None, reason: None, pending: Vec::new() }
            }
            Ok(Ok(pending)) => CheckResult {
                ok: false,
                latency_ms: None,
                reason: Some("migrations pending: run `server migrate`".into()),
                pending: pending.iter().map(|m| m.name().to_owned()).collect(),
            },
            Ok(Err(err)) => {
                tracing::warn!(error = %err, "readiness: reading migration state failed");
                CheckResult::failed("cannot read migration state")
            }
            Err(_) => CheckResult::failed("reading migration state timed out"),
        }
    };
    Readiness { ready: database.ok && migrations.ok, database, migrations }
}

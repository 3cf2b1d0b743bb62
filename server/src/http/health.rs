//! Liveness (`/health`: the process answers) and readiness (`/health/ready`: it can serve).

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::time::Duration;

use super::AppState;
use crate::db::check_readiness;

pub async fn liveness() -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Json(json!({ "status": "ok" }))).into_response()
}

pub async fn readiness(State(state): State<AppState>) -> Response {
    let readiness = check_readiness(&state.db).await;
    let mut checks = json!({ "database": readiness.database, "migrations": readiness.migrations });
    let mut ready = readiness.ready;
    for (name, age, allowed) in state.heartbeats.snapshot() {
        let check = loop_check(age, allowed);
        ready &= check["ok"] == true;
        checks[name] = check;
    }
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = json!({ "status": if ready { "ready" } else { "unavailable" }, "checks": checks });
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

/// A background loop is alive when it finished a round within its allowed silence. A slow or
/// unreachable SMTP server does not make the process unready: mail waits in the outbox (see
/// the `outbox_*` metrics), and the mail worker keeps beating while it waits.
fn loop_check(age: Option<Duration>, allowed: Duration) -> serde_json::Value {
    match age {
        None => json!({ "ok": true, "reason": "starting" }),
        Some(age) if age <= allowed => json!({ "ok": true, "last_beat_ms": age.as_millis() as u64 }),
        Some(age) => json!({
            "ok": false,
            "last_beat_ms": age.as_millis() as u64,
            "reason": format!("no progress for {} s", age.as_secs()),
        }),
    }
}

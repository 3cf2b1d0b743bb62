//! Liveness (`/health`: the process answers) and readiness (`/health/ready`: it can serve).

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::AppState;
use crate::db::check_readiness;

pub async fn liveness() -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Json(json!({ "status": "ok" }))).into_response()
}

pub async fn readiness(State(state): State<AppState>) -> Response {
    let readiness = check_readiness(&state.db).await;
    let mail_worker = mail_worker_check(&state);
    let ready = readiness.ready && mail_worker["ok"] == true;
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = json!({
        "status": if ready { "ready" } else { "unavailable" },
        "checks": {
            "database": readiness.database,
            "migrations": readiness.migrations,
            "mail_worker": mail_worker,
        },
    });
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

/// The mail worker is alive when it finished a loop recently. A slow or unreachable SMTP server
/// does not make the process unready: mail waits in the outbox (see the `outbox_*` metrics).
fn mail_worker_check(state: &AppState) -> serde_json::Value {
    let mail = &state.settings.mail;
    let allowed = mail.poll_interval * 2 + mail.send_timeout * 2 + std::time::Duration::from_secs(10);
    match state.mailer.heartbeat.age() {
        None => json!({ "ok": true, "reason": "starting" }),
        Some(age) if age <= allowed => json!({ "ok": true, "last_beat_ms": age.as_millis() as u64 }),
        Some(age) => json!({
            "ok": false,
            "last_beat_ms": age.as_millis() as u64,
            "reason": format!("no progress for {} s", age.as_secs()),
        }),
    }
}

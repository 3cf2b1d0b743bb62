//! Liveness (`/health`: the process answers) and readiness (`/health/ready`: it can serve).

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::AppState;
use crate::db::check_readiness;

pub async fn liveness() -> Response {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({ "status": "ok" })),
    )
        .into_response()
}

pub async fn readiness(State(state): State<AppState>) -> Response {
    let readiness = check_readiness(&state.db).await;
    let status = if readiness.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = json!({
        "status": if readiness.ready { "ready" } else { "unavailable" },
        "checks": { "database": readiness.database, "migrations": readiness.migrations },
    });
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

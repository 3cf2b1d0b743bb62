//! The internal listener's handlers: never exposed through Caddy.

use std::time::Instant;

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::AppState;

pub async fn metrics(State(state): State<AppState>) -> Response {
    let (size, idle) = crate::db::pool_stats(&state.db);
    metrics::gauge!("db_pool_connections").set(size as f64);
    metrics::gauge!("db_pool_idle_connections").set(idle as f64);
    metrics::gauge!("db_pool_max_connections").set(state.settings.database.max_connections as f64);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render()).into_response()
}

#[derive(Deserialize)]
pub struct AskParams {
    domain: Option<String>,
}

/// Caddy's on-demand TLS check: 200 allows a certificate, anything else denies.
pub async fn tls_ask(State(state): State<AppState>, Query(params): Query<AskParams>) -> Response {
    let started = Instant::now();
    let domain = params.domain.unwrap_or_default();
    let (status, result) = match state.hostnames.is_allowed(&domain).await {
        Ok(true) => (StatusCode::OK, "allowed"),
        Ok(false) => (StatusCode::NOT_FOUND, "denied"),
        Err(err) => {
            tracing::error!(error = %err, "TLS ask could not reach the database; denying");
            (StatusCode::SERVICE_UNAVAILABLE, "error")
        }
    };
    metrics::counter!("tls_ask_total", "result" => result).increment(1);
    metrics::histogram!("tls_ask_duration_seconds").record(started.elapsed().as_secs_f64());
    status.into_response()
}

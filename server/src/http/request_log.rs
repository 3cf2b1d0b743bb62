//! One structured log line per request (request id, client, route, status, duration) and the
//! HTTP metrics. Everything logged while handling the request happens inside its span, so those
//! lines carry the request id too.

use std::any::Any;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use super::{ClientIp, REQUEST_ID_HEADER};
use crate::graphql::error_body;
use crate::kernel::ErrorCode;

pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned())
        .unwrap_or_else(|| "spa".to_owned());
    let request_id = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    let client_ip = request.extensions().get::<ClientIp>().map(|ip| ip.0.to_string()).unwrap_or_default();
    let span = tracing::info_span!("request", request_id = %request_id, method = %method, route = %route);

    let response = next.run(request).instrument(span.clone()).await;

    let status = response.status().as_u16();
    let duration = started.elapsed();
    span.in_scope(|| {
        tracing::info!(
            request_id = %request_id,
            method = %method,
            route = %route,
            client_ip = %client_ip,
            status,
            duration_ms = duration.as_secs_f64() * 1000.0,
            "request finished"
        );
    });
    let labels = [("method", method.to_string()), ("route", route), ("status", status.to_string())];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels).record(duration.as_secs_f64());
    response
}

/// A panicking handler becomes an opaque 500; the panic itself is logged.
pub fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "handler panicked");
    Response::builder()
        .status(StatusCode::INTERNAL_SERVER_ERROR)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            error_body(ErrorCode::InternalServerError, "internal error", serde_json::Value::Null).to_string(),
        ))
        .expect("static response")
}

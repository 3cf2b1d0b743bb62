//! Per-client-IP rate limiting with `tower_governor` on the API routes (DESIGN §5).
//!
//! The key is the [`ClientIp`] the `client_ip` middleware resolved, so `X-Forwarded-For` counts
//! only from `TRUSTED_PROXIES`: a client cannot dodge its limit by inventing the header. A
//! throttled request gets 429 with `Retry-After` and a GraphQL-shaped `RATE_LIMITED` error.
//! Limiter memory stays bounded: idle keys are dropped every minute.

use std::net::IpAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorError;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

use super::ClientIp;
use crate::config::HttpSettings;
use crate::graphql::error_body;
use crate::kernel::ErrorCode;

/// Keys requests by the resolved client IP.
#[derive(Debug, Clone, Copy)]
pub struct ClientIpKey;

impl KeyExtractor for ClientIpKey {
    type Key = IpAddr;

    fn name(&self) -> &'static str {
        "client IP"
    }

    fn extract<T>(&self, request: &Request<T>) -> Result<Self::Key, GovernorError> {
        request
            .extensions()
            .get::<ClientIp>()
            .map(|ip| crate::auth::limits::network_of(ip.0))
            .ok_or(GovernorError::UnableToExtractKey)
    }

    fn key_name(&self, key: &Self::Key) -> Option<String> {
        Some(key.to_string())
    }
}

pub type ApiRateLimit = Arc<GovernorConfig<ClientIpKey, NoOpMiddleware<governor::clock::QuantaInstant>>>;

pub fn config(settings: &HttpSettings) -> ApiRateLimit {
    let period_ms = u64::try_from(settings.rate_limit_interval.as_millis()).unwrap_or(u64::MAX).max(1);
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientIpKey)
        .per_millisecond(period_ms)
        .burst_size(settings.rate_limit_burst.max(1))
        .finish()
        .expect("a positive period and burst size");
    Arc::new(config)
}

/// Forgets idle clients so the limiter's memory stays bounded; called every minute.
pub fn trim(config: &ApiRateLimit) {
    let limiter = config.limiter();
    limiter.retain_recent();
    limiter.shrink_to_fit();
    metrics::gauge!("rate_limiter_tracked_clients").set(limiter.len() as f64);
}

/// 429 with `Retry-After` and a GraphQL-shaped `RATE_LIMITED` error.
pub fn too_many_requests(error: GovernorError) -> Response<Body> {
    let (status, retry_after) = match error {
        GovernorError::TooManyRequests { wait_time, .. } => (StatusCode::TOO_MANY_REQUESTS, wait_time.max(1)),
        GovernorError::UnableToExtractKey | GovernorError::Other { .. } => {
            tracing::error!("rate limiter could not identify the client");
            (StatusCode::INTERNAL_SERVER_ERROR, 1)
        }
    };
    metrics::counter!("http_rate_limited_total").increment(1);
    let code = if status == StatusCode::TOO_MANY_REQUESTS {
        ErrorCode::RateLimited
    } else {
        ErrorCode::InternalServerError
    };
    let message = format!("too many requests; retry in {retry_after} s");
    let body = error_body(code, &message, serde_json::json!({ "retryAfter": retry_after }));
    let mut response = Response::new(Body::from(body.to_string()));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
    response
}

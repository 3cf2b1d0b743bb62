//! The two listeners' routers (DESIGN §2).
//!
//! Public: GraphQL (POST, GET, WebSocket), GraphiQL, health, and the SPA with `index.html`
//! fallback. Internal (never proxied): Prometheus metrics and Caddy's on-demand TLS `ask`.

mod client_ip;
mod graphql;
mod health;
mod internal;
pub mod ping;
mod public_answers;
mod rate_limit;
mod request_log;
mod security;
mod spa;
mod status;
mod websocket;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use sea_orm::DatabaseConnection;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;

use crate::auth::principal::Authenticator;
use crate::config::Settings;
use crate::jobs::Heartbeats;
use crate::schema::BeaconSchema;
use crate::tenancy::hostnames::HostnameRegistry;

pub use client_ip::ClientIp;
pub use rate_limit::{ApiRateLimit, config as rate_limit_config, trim as trim_rate_limit};

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Everything a handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub settings: Arc<Settings>,
    pub db: DatabaseConnection,
    pub schema: BeaconSchema,
    pub metrics: PrometheusHandle,
    pub hostnames: HostnameRegistry,
    /// Token keys and the caches authentication keeps (API-key use, live sessions).
    pub auth: Authenticator,
    /// Background loops readiness watches.
    pub heartbeats: Heartbeats,
    /// The per-client-IP limit on the API routes (its idle keys are trimmed by a background task).
    pub api_rate_limit: ApiRateLimit,
    /// The same schema with a depth limit that fits introspection, used only for documents that
    /// select nothing but introspection fields.
    pub introspection_schema: BeaconSchema,
    pub pings: ping::PingState,
    pub links: crate::kernel::Links,
    pub clock: crate::kernel::SharedClock,
    /// Built public status pages (shared with the GraphQL schema).
    pub page_cache: crate::status_pages::cache::PublicPageCache,
}

pub fn public_router(state: AppState) -> Router {
    let settings = state.settings.clone();
    let request_id_header = axum::http::HeaderName::from_static(REQUEST_ID_HEADER);
    Router::new()
        .merge(api_routes(state.api_rate_limit.clone()))
        .route("/health", get(health::liveness))
        .route("/ping/{token}", get(ping::success).post(ping::success).head(ping::success))
        .route("/ping/{token}/start", get(ping::start).post(ping::start).head(ping::start))
        .route("/ping/{token}/fail", get(ping::fail).post(ping::fail).head(ping::fail))
        .route("/health/ready", get(health::readiness))
        .route("/uploads/{name}", get(status::upload))
        .merge(spa::routes(&settings.spa_dir))
        .with_state(state)
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(request_id_header.clone(), MakeRequestUuid))
                .layer(PropagateRequestIdLayer::new(request_id_header))
                .layer(axum::middleware::from_fn_with_state(
                    Arc::new(settings.http.trusted_proxies.clone()),
                    client_ip::resolve,
                ))
                .layer(axum::middleware::from_fn(request_log::log_request))
                .layer(CatchPanicLayer::custom(request_log::panic_response))
                .layer(TimeoutLayer::with_status_code(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    settings.http.request_timeout,
                ))
                .layer(security::headers(&settings))
                .layer(security::cors(&settings))
                .layer(CompressionLayer::new())
                .layer(axum::middleware::from_fn_with_state(settings.http.body_limit_bytes, reject_oversized))
                .layer(DefaultBodyLimit::max(settings.http.body_limit_bytes))
                .layer(RequestBodyLimitLayer::new(settings.http.body_limit_bytes)),
        )
}

/// The API routes and the public status feeds and badges, rate limited per client IP (health
/// checks and static files are not).
fn api_routes(limit: ApiRateLimit) -> Router<AppState> {
    Router::new()
        .route("/graphql", get(graphql::graphql_get).post(graphql::graphql_post))
        .route("/graphql/ws", get(websocket::graphql_ws))
        .route("/feed.rss", get(status::default_rss))
        .route("/feed.atom", get(status::default_atom))
        .route("/{page}/feed.rss", get(status::page_rss))
        .route("/{page}/feed.atom", get(status::page_atom))
        .route("/badges/{component}/{file}", get(status::badge))
        .route("/subscriptions/{token}/unsubscribe", axum::routing::post(status::one_click_unsubscribe))
        .route_layer(tower_governor::GovernorLayer::new(limit).error_handler(rate_limit::too_many_requests))
}

/// A body announced larger than the limit gets the GraphQL-shaped 413 at once (the limit layer
/// below still cuts bodies that grow past it without announcing their size).
async fn reject_oversized(
    axum::extract::State(limit): axum::extract::State<usize>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let announced = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if announced.is_some_and(|length| length > limit as u64) {
        return graphql::error_response(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            crate::kernel::ErrorCode::BadRequest,
            &format!("the request body is larger than {limit} bytes"),
        );
    }
    next.run(request).await
}

pub fn internal_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(internal::metrics))
        .route("/internal/tls/ask", get(internal::tls_ask))
        .with_state(state)
        .layer(CatchPanicLayer::custom(request_log::panic_response))
}

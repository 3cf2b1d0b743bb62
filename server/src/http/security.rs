//! Security headers and CORS for every public response.

use axum::http::{HeaderName, HeaderValue, Method, header};
use tower::ServiceBuilder;
use tower::layer::util::{Identity, Stack};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::config::Settings;

/// Strict: no inline scripts or styles, nothing from other origins, never framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

type HeaderLayer = SetResponseHeaderLayer<HeaderValue>;

#[allow(clippy::type_complexity)]
pub fn headers(
    settings: &Settings,
) -> ServiceBuilder<
    Stack<
        HeaderLayer,
        Stack<
            HeaderLayer,
            Stack<HeaderLayer, Stack<HeaderLayer, Stack<HeaderLayer, Stack<HeaderLayer, Identity>>>>,
        >,
    >,
> {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    // HSTS only where the app is really served over https (production behind Caddy).
    let hsts = if settings.is_production() { "max-age=63072000; includeSubDomains" } else { "max-age=0" };
    ServiceBuilder::new()
        .layer(set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
        .layer(set(header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .layer(set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"))
        .layer(set(header::STRICT_TRANSPORT_SECURITY, hsts))
}

/// Only the listed origins may call the API cross-origin; none are listed by default.
pub fn cors(settings: &Settings) -> CorsLayer {
    let origins: Vec<HeaderValue> = settings
        .http
        .cors_allowed_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            HeaderName::from_static("x-request-id"),
            HeaderName::from_static(super::graphql::UPLOAD_PREFLIGHT_HEADER),
        ])
        .expose_headers([HeaderName::from_static("x-request-id")])
        .allow_credentials(true)
        .max_age(std::time::Duration::from_secs(600))
}

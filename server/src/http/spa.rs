//! The built SPA: hashed assets cached forever, `index.html` for every client route (never
//! cached, so a deploy is picked up at once), and GraphiQL as its own page.

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use axum::response::IntoResponse;
use tower::{Service, ServiceBuilder};
use tower_http::services::{ServeDir, ServeFile};

use super::AppState;
use crate::graphql::error_body;
use crate::kernel::ErrorCode;

pub fn routes(spa_dir: &Path) -> Router<AppState> {
    if !spa_dir.join("index.html").is_file() {
        tracing::warn!(spa_dir = %spa_dir.display(), "the SPA is not built: run `npm run build` in frontend/");
    }
    let assets =
        ServiceBuilder::new().map_response(cache_hashed_asset).service(ServeDir::new(spa_dir.join("assets")));
    let pages = ServiceBuilder::new()
        .map_response(never_cache)
        .service(ServeDir::new(spa_dir).fallback(ServeFile::new(spa_dir.join("index.html"))));
    // An API-looking path that no route matched is a 404, never the SPA: pointing Caddy's `ask`
    // (or a client) at a mistyped API URL must not get a 200 page.
    let pages = tower::service_fn(move |request: Request<Body>| {
        let mut pages = pages.clone();
        async move {
            if is_api_path(request.uri().path()) {
                let body = error_body(ErrorCode::NotFound, "no such API route", serde_json::Value::Null);
                let response =
                    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "application/json")], body.to_string());
                return Ok::<_, std::convert::Infallible>(response.into_response());
            }
            pages.call(request).await.map(IntoResponse::into_response)
        }
    });
    let graphiql = ServiceBuilder::new()
        .map_response(never_cache)
        .service(ServeFile::new(spa_dir.join("graphiql.html")));
    Router::new().nest_service("/assets", assets).route_service("/graphiql", graphiql).fallback_service(pages)
}

/// Paths under Beacon's API and operations prefixes (whole segments: `/apiary` is a page).
fn is_api_path(path: &str) -> bool {
    const PREFIXES: &[&str] = &["/internal", "/metrics", "/graphql", "/ping", "/health", "/api"];
    PREFIXES
        .iter()
        .any(|prefix| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
}

/// Hashed file names change with their content, so a found asset never needs revalidation; a
/// missing one must not be cached at all.
fn cache_hashed_asset<B>(mut response: Response<B>) -> Response<B> {
    let value =
        if response.status().is_success() { "public, max-age=31536000, immutable" } else { "no-store" };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

fn never_cache<B>(mut response: Response<B>) -> Response<B> {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::is_api_path;

    #[test]
    fn api_paths_are_whole_segments() {
        for api in
            ["/internal/tls/ask", "/metrics", "/graphql/typo", "/ping/abc", "/health/x", "/api", "/api/v1"]
        {
            assert!(is_api_path(api), "{api}");
        }
        for page in ["/", "/app/team", "/apiary", "/healthy", "/login", "/graphiql"] {
            assert!(!is_api_path(page), "{page}");
        }
    }
}

//! The built SPA: hashed assets cached forever, `index.html` for every client route (never
//! cached, so a deploy is picked up at once), and GraphiQL as its own page.

use std::path::Path;

use axum::Router;
use axum::http::Response;
use axum::http::{HeaderValue, header};
use tower::ServiceBuilder;
use tower_http::services::{ServeDir, ServeFile};

use super::AppState;

pub fn routes(spa_dir: &Path) -> Router<AppState> {
    if !spa_dir.join("index.html").is_file() {
        tracing::warn!(spa_dir = %spa_dir.display(), "the SPA is not built: run `npm run build` in frontend/");
    }
    let assets =
        ServiceBuilder::new().map_response(cache_hashed_asset).service(ServeDir::new(spa_dir.join("assets")));
    let pages = ServiceBuilder::new()
        .map_response(never_cache)
        .service(ServeDir::new(spa_dir).fallback(ServeFile::new(spa_dir.join("index.html"))));
    let graphiql = ServiceBuilder::new()
        .map_response(never_cache)
        .service(ServeFile::new(spa_dir.join("graphiql.html")));
    Router::new().nest_service("/assets", assets).route_service("/graphiql", graphiql).fallback_service(pages)
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

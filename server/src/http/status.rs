//! A tenant host's public status feeds and badges (no login): `/feed.rss` and `/feed.atom` for
//! the default page, `/<page>/feed.rss|atom` for the others, and per component
//! `/badges/<component>/status.svg`, `uptime.svg?days=N` (1–90, default 30) and `response.svg`.
//! `POST /subscriptions/<token>/unsubscribe` is the one-click unsubscribe of subscriber emails;
//! `/uploads/<sha256>.<ext>` serves page logos and favicons.
//! Unknown hosts, pages and components, and restricted pages, are a plain 404. Everything is cached briefly by
//! clients and proxies; the feeds read the same cached page view as the API.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::AppState;
use crate::status_pages::{badges, feeds, pages, public};

const CACHE: &str = "public, max-age=60";

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "public, max-age=60")], "not found\n").into_response()
}

fn unavailable(err: impl std::fmt::Display) -> Response {
    tracing::warn!(error = %err, "a status feed or badge could not be built");
    (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "5")], "try again shortly\n").into_response()
}

/// The active tenant this request's host belongs to, and the page slug it serves for
/// `path_slug` (a custom domain serves its own page whatever the path).
async fn tenant(
    state: &AppState,
    headers: &HeaderMap,
    path_slug: &str,
) -> Result<Option<(entity::tenants::Model, String)>, Response> {
    let Some(host) = headers.get(header::HOST).and_then(|value| value.to_str().ok()) else { return Ok(None) };
    let host = super::graphql::normalize_host(host);
    public::by_host(&state.db, &state.links, &state.hostnames, &host, path_slug).await.map_err(unavailable)
}

#[derive(Clone, Copy)]
pub enum Format {
    Rss,
    Atom,
}

async fn feed(state: AppState, headers: HeaderMap, page_slug: &str, format: Format) -> Response {
    let Ok(slug) = pages::parse_slug(page_slug) else { return not_found() };
    let (tenant, slug) = match tenant(&state, &headers, &slug).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(),
        Err(response) => return response,
    };
    let page = match state.page_cache.page(&state.db, &tenant, &slug, state.clock.now()).await {
        // A restricted page has no feed: feed readers cannot unlock it.
        Ok(Some(page)) if page.gate.access != entity::status_pages::Access::Public => return not_found(),
        Ok(Some(page)) => page,
        Ok(None) => return not_found(),
        Err(err) => return unavailable(err),
    };
    let path = if slug.is_empty() { "/".to_owned() } else { format!("/{slug}") };
    let page_url = state.links.tenant(&tenant.slug, &path);
    let (body, content_type) = match format {
        Format::Rss => (feeds::rss(&page, &page_url), "application/rss+xml; charset=utf-8"),
        Format::Atom => {
            let feed_url = format!("{}/feed.atom", page_url.trim_end_matches('/'));
            (feeds::atom(&page, &page_url, &feed_url), "application/atom+xml; charset=utf-8")
        }
    };
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, CACHE)], body).into_response()
}

pub async fn default_rss(State(state): State<AppState>, headers: HeaderMap) -> Response {
    feed(state, headers, "", Format::Rss).await
}

pub async fn default_atom(State(state): State<AppState>, headers: HeaderMap) -> Response {
    feed(state, headers, "", Format::Atom).await
}

pub async fn page_rss(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(page): Path<String>,
) -> Response {
    feed(state, headers, &page, Format::Rss).await
}

pub async fn page_atom(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(page): Path<String>,
) -> Response {
    feed(state, headers, &page, Format::Atom).await
}

#[derive(Deserialize)]
pub struct BadgeQuery {
    days: Option<String>,
}

/// `status.svg`, `uptime.svg` or `response.svg` of a component of this host's tenant.
pub async fn badge(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((component, file)): Path<(String, String)>,
    Query(query): Query<BadgeQuery>,
) -> Response {
    let Ok(component) = Uuid::parse_str(&component) else { return not_found() };
    let days = match query.days.as_deref().map(str::parse::<i64>) {
        None => 30,
        Some(Ok(days)) if (1..=90).contains(&days) => days,
        Some(_) => return (StatusCode::BAD_REQUEST, "days must be between 1 and 90\n").into_response(),
    };
    let tenant = match tenant(&state, &headers, "").await {
        Ok(Some((tenant, _))) => tenant,
        Ok(None) => return not_found(),
        Err(response) => return response,
    };
    let found = public::badge_component(&state.db, &tenant, component, state.clock.now(), days).await;
    let (name, status, uptime, response_ms) = match found {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(),
        Err(err) => return unavailable(err),
    };
    let svg = match file.as_str() {
        "status.svg" => badges::status(&name, status),
        "uptime.svg" => badges::uptime(&format!("uptime {days}d"), uptime),
        "response.svg" => badges::response("response", response_ms),
        _ => return not_found(),
    };
    ([(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"), (header::CACHE_CONTROL, CACHE)], svg)
        .into_response()
}

/// RFC 8058 one-click unsubscribe: the URL in a subscriber email's `List-Unsubscribe` header,
/// which mail clients `POST` (`List-Unsubscribe=One-Click`) without a browser. Answers 200 also
/// for a token already used, so a client's retry is not an error.
pub async fn one_click_unsubscribe(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match crate::status_pages::subscribers::unsubscribe(&state.db, &token).await {
        Ok(_) => (StatusCode::OK, [(header::CACHE_CONTROL, "no-store")], "unsubscribed\n").into_response(),
        Err(err) => unavailable(err),
    }
}

/// A stored logo or favicon: only names of ours (`<sha256>.png|jpg|webp`), with the type its
/// extension says, `nosniff` (set for every response) and a year of caching — the name changes
/// whenever the content does.
pub async fn upload(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let dir = crate::status_pages::branding::UploadDir::under(&state.settings.data_dir);
    let Some((path, content_type)) = dir.file(&name) else { return not_found() };
    match tokio::fs::read(&path).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (header::CONTENT_DISPOSITION, "inline"),
            ],
            bytes,
        )
            .into_response(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => not_found(),
        Err(err) => unavailable(err),
    }
}

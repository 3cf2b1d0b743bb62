//! Anonymous requests for a public status page answered from serialised answers kept by the
//! page cache, without parsing, resolving or serialising again: during an outage everyone
//! refreshes the same page, and the cache must carry that crowd (DESIGN §8).
//!
//! Only an answer to a query that selects nothing but `publicStatusPage` (and `__typename`),
//! asked without credentials on a host Beacon serves, without errors or headers, is kept; it is
//! dropped when the tenant's pages are (a status change, a page edit), and a hit is served only
//! while the host is still allowed (a suspended tenant's host stops at the next registry load).

use async_graphql::Request;
use async_graphql::parser::types::{OperationType, Selection};
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response as HttpResponse};
use sha2::{Digest, Sha256};

use super::AppState;
use super::graphql::normalize_host;
use crate::auth::Principal;
use crate::status_pages::cache::{Answer, AnswerKey};

/// The key of a request that may be answered from the cache: anonymous, JSON, on an allowed host.
pub(super) fn key(
    state: &AppState,
    principal: &Principal,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<AnswerKey> {
    if !matches!(principal, Principal::Anonymous) {
        return None;
    }
    let host = normalize_host(headers.get(header::HOST)?.to_str().ok()?);
    let tenant_id = state.hostnames.tenant_of(&host)?;
    Some(AnswerKey { tenant_id, host, body_sha256: Sha256::digest(body).into() })
}

/// Whether the document's operation is a query selecting only the public page.
pub(super) fn cacheable(request: &mut Request) -> bool {
    let operation_name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else { return false };
    let mut operations = document.operations.iter();
    let Some((name, operation)) = operations.next() else { return false };
    // One operation only, so the answer cannot depend on which one the name picks.
    if operations.next().is_some()
        || (operation_name.is_some() && name.map(|n| n.as_str()) != operation_name.as_deref())
    {
        return false;
    }
    operation.node.ty == OperationType::Query
        && operation.node.selection_set.node.items.iter().all(|selection| match &selection.node {
            Selection::Field(field) => {
                matches!(field.node.name.node.as_str(), "publicStatusPage" | "__typename")
                    && field.node.directives.is_empty()
            }
            _ => false,
        })
}

/// Whether an answer came from the cache (`x-cache: hit`) or was built and kept (`miss`).
#[derive(Clone, Copy)]
pub(super) enum Outcome {
    Hit,
    Miss,
}

/// The kept answer, gzip-compressed when the client accepts it.
pub(super) fn respond(answer: &Answer, headers: &HeaderMap, outcome: Outcome) -> HttpResponse {
    let (body, gzip) =
        if accepts_gzip(headers) { (answer.gzip.clone(), true) } else { (answer.json.clone(), false) };
    let outcome = match outcome {
        Outcome::Hit => "hit",
        Outcome::Miss => "miss",
    };
    metrics::counter!("public_page_answers_total", "outcome" => outcome).increment(1);
    let mut response = respond_with(body, gzip);
    response.headers_mut().insert("x-cache", HeaderValue::from_static(outcome));
    response
}

fn respond_with(body: Bytes, gzip: bool) -> HttpResponse {
    let mut response =
        ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")], Body::from(body))
            .into_response();
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|value| value.to_str().ok()).any(|value| {
        value.split(',').any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|param| {
                param.strip_prefix("q=").is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0))
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &str) -> Request {
        Request::new(query)
    }

    #[test]
    fn only_a_lone_public_page_query_is_kept() {
        assert!(cacheable(&mut request("{ publicStatusPage { title } }")));
        assert!(cacheable(&mut request("query P { __typename publicStatusPage(slug: \"api\") { title } }")));
        for query in [
            "{ publicStatusPage { title } me { email } }",
            "mutation { publicStatusPage { title } }",
            "{ ...F } fragment F on Query { publicStatusPage { title } }",
            "query A { publicStatusPage { title } } query B { me { email } }",
            "{ publicStatusPage @include(if: true) { title } }",
            "{ publicStatusPage { title ",
        ] {
            assert!(!cacheable(&mut request(query)), "{query}");
        }
        let mut named = request("query P { publicStatusPage { title } }").operation_name("Q");
        assert!(!cacheable(&mut named));
    }

    #[test]
    fn gzip_is_used_only_when_accepted() {
        let accepts = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            accepts_gzip(&headers)
        };
        assert!(accepts("gzip, deflate, br"));
        assert!(accepts("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts("*"));
        assert!(!accepts("br"));
        assert!(!accepts("gzip;q=0, br"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}

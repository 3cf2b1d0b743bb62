//! GraphQL over HTTP and WebSocket, with our own request handling (not async-graphql-axum's
//! extractor) so that: the body size limit applies, only `application/json` is accepted on POST
//! (a cross-site form cannot post JSON without a CORS preflight), batches are capped, a mutation
//! over GET is refused with 405, and every error carries a stable code.

use std::time::Instant;

use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{BatchRequest, BatchResponse, Data, Request, Response, ServerError};
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response as HttpResponse};

use async_graphql::parser::types::Selection;
use sea_orm::EntityTrait;

use super::{AppState, ClientIp, REQUEST_ID_HEADER, public_answers};
use crate::auth::Principal;
use crate::auth::graphql::RequestAuth;
use crate::auth::guards::AdminVisibility;
use crate::auth::principal::{Credential, authenticate};
use crate::graphql::{error_body, finalize_response};
use crate::kernel::{ErrorCode, RequestMeta};

/// What one HTTP request contributes to every operation it carries.
#[derive(Clone)]
pub(super) struct Caller {
    pub principal: Principal,
    pub meta: RequestMeta,
    pub admin_visibility: AdminVisibility,
}

pub async fn graphql_post(
    State(state): State<AppState>,
    Extension(client_ip): Extension<ClientIp>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> HttpResponse {
    let principal = match caller_principal(&headers, &state).await {
        Ok(principal) => principal,
        Err(response) => return *response,
    };
    let body = match body {
        Ok(body) => body,
        Err(rejection) => {
            return error_response(rejection.status(), ErrorCode::BadRequest, &rejection.body_text());
        }
    };
    let answer_key =
        if is_json(&headers) { public_answers::key(&state, &principal, &headers, &body) } else { None };
    if let Some(key) = &answer_key
        && let Some(answer) = state.page_cache.answer(key, state.clock.now())
    {
        return public_answers::respond(&answer, &headers, public_answers::Outcome::Hit);
    }
    let admin_visibility = admin_visibility(&state, &principal, &body).await;
    let caller = Caller { principal, meta: request_meta(&headers, client_ip), admin_visibility };
    let batch: BatchRequest = if is_multipart(&headers) {
        match multipart_batch(&headers, body).await {
            Ok(batch) => batch,
            Err(response) => return *response,
        }
    } else if is_json(&headers) {
        match serde_json::from_slice(&body) {
            Ok(batch) => batch,
            Err(err) => {
                return error_response(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::BadRequest,
                    &format!("the body is not a GraphQL request: {err}"),
                );
            }
        }
    } else {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadRequest,
            "POST /graphql needs Content-Type: application/json (or multipart/form-data for an upload)",
        );
    };
    match batch {
        BatchRequest::Single(mut request) => {
            let answer_key = answer_key.filter(|_| public_answers::cacheable(&mut request));
            let (built_at, generation) = (state.clock.now(), state.page_cache.generation());
            let response = BatchResponse::Single(execute(&state, request, &caller).await);
            match answer_key {
                Some(key) if response.is_ok() && response.http_headers_iter().next().is_none() => {
                    match serde_json::to_vec(&response) {
                        Ok(bytes) => {
                            let answer = state.page_cache.put_answer(key, built_at, generation, bytes.into());
                            public_answers::respond(&answer, &headers, public_answers::Outcome::Miss)
                        }
                        Err(_) => json(&response),
                    }
                }
                _ => json(&response),
            }
        }
        BatchRequest::Batch(requests) => {
            let max = state.settings.graphql.max_batch;
            if requests.len() > max {
                return error_response(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::BadRequest,
                    &format!("a batch may hold at most {max} operations; this one has {}", requests.len()),
                );
            }
            let mut responses = Vec::with_capacity(requests.len());
            for request in requests {
                responses.push(execute(&state, request, &caller).await);
            }
            json(&BatchResponse::Batch(responses))
        }
    }
}

/// Queries only: GET must be safe, so a mutation (or subscription) here is a 405.
pub async fn graphql_get(
    State(state): State<AppState>,
    Extension(client_ip): Extension<ClientIp>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> HttpResponse {
    let principal = match caller_principal(&headers, &state).await {
        Ok(principal) => principal,
        Err(response) => return *response,
    };
    let raw_query = query.as_deref().unwrap_or_default();
    let admin_visibility = admin_visibility(&state, &principal, raw_query.as_bytes()).await;
    let caller = Caller { principal, meta: request_meta(&headers, client_ip), admin_visibility };
    let mut request = match parse_get_request(raw_query) {
        Ok(request) => request,
        Err(message) => {
            return error_response(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, &message);
        }
    };
    // Refuse anything that is not certainly a query, including a document whose operation
    // cannot be chosen but that contains a mutation.
    let kind = operation_type(&mut request)
        .or_else(|| has_non_query(&mut request).then_some(OperationType::Mutation));
    if let Some(kind) = kind
        && kind != OperationType::Query
    {
        let mut response = error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::BadRequest,
            &format!("a {kind} cannot be sent with GET; use POST"),
        );
        response.headers_mut().insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        return response;
    }
    json(&BatchResponse::Single(execute(&state, request, &caller).await))
}

impl Caller {
    /// One HTTP request's operation: the scope is resolved once and reused by its resolvers.
    fn insert_into(self, data: &mut Data) {
        data.insert(RequestAuth::default());
        self.insert_connection_data(data);
    }

    /// A WebSocket connection's data, shared by all its operations (no scope memo: a connection
    /// outlives role changes).
    pub(super) fn insert_connection_data(self, data: &mut Data) {
        data.insert(self.principal);
        data.insert(self.meta);
        data.insert(self.admin_visibility);
    }
}

async fn execute(state: &AppState, mut request: Request, caller: &Caller) -> Response {
    let started = Instant::now();
    let kind = match request.parsed_query() {
        Ok(_) => operation_type(&mut request),
        Err(err) => {
            let error = ServerError::new(format!("the query does not parse: {err}"), None);
            let mut response = Response::from_errors(vec![error]);
            response.errors[0]
                .extensions
                .get_or_insert_with(Default::default)
                .set("code", ErrorCode::GraphqlParseFailed.as_str());
            metrics::counter!("graphql_operations_total", "type" => "invalid", "outcome" => "error")
                .increment(1);
            return response;
        }
    };
    // GraphiQL's standard introspection query nests deeper than any operation needs; it runs on
    // a schema whose only difference is a depth limit that fits it.
    let schema = if introspection_only(&mut request) { &state.introspection_schema } else { &state.schema };
    caller.clone().insert_into(&mut request.data);
    let response = schema.execute(request).await;
    let response = finalize_response(response, &caller.meta.request_id);
    let kind = kind.map_or("unknown", |k| match k {
        OperationType::Query => "query",
        OperationType::Mutation => "mutation",
        OperationType::Subscription => "subscription",
    });
    let outcome = if response.errors.is_empty() { "ok" } else { "error" };
    metrics::counter!("graphql_operations_total", "type" => kind, "outcome" => outcome).increment(1);
    metrics::histogram!("graphql_operation_duration_seconds", "type" => kind)
        .record(started.elapsed().as_secs_f64());
    response
}

/// Whether every operation of the document selects only introspection fields (`__schema`,
/// `__type`, `__typename`) at its root. Fragment spreads at the root count as "not only".
fn introspection_only(request: &mut Request) -> bool {
    request.parsed_query().is_ok_and(|document| {
        document.operations.iter().all(|(_, operation)| {
            operation.node.ty == OperationType::Query
                && operation.node.selection_set.node.items.iter().all(|selection| match &selection.node {
                    Selection::Field(field) => field.node.name.node.starts_with("__"),
                    _ => false,
                })
        })
    })
}

/// The type of the operation that will run, when the document names it unambiguously.
fn operation_type(request: &mut Request) -> Option<OperationType> {
    let operation_name = request.operation_name.clone();
    let document = request.parsed_query().ok()?;
    match &document.operations {
        DocumentOperations::Single(operation) => Some(operation.node.ty),
        DocumentOperations::Multiple(operations) => match operation_name {
            Some(name) => operations.get(name.as_str()).map(|operation| operation.node.ty),
            None if operations.len() == 1 => operations.values().next().map(|operation| operation.node.ty),
            None => None,
        },
    }
}

/// GraphQL over HTTP GET parameters: `query`, `operationName`, `variables`, `extensions` (JSON).
/// (async-graphql's own parser expects `operation_name`, which clients do not send.)
fn parse_get_request(query_string: &str) -> Result<Request, String> {
    let mut query = None;
    let mut operation_name = None;
    let mut variables = None;
    let mut extensions = None;
    for (key, value) in url::form_urlencoded::parse(query_string.as_bytes()) {
        match key.as_ref() {
            "query" => query = Some(value.into_owned()),
            "operationName" | "operation_name" => operation_name = Some(value.into_owned()),
            "variables" => variables = Some(value.into_owned()),
            "extensions" => extensions = Some(value.into_owned()),
            _ => {}
        }
    }
    let query = query.ok_or("GET /graphql needs a `query` parameter")?;
    let mut request = Request::new(query);
    if let Some(name) = operation_name.filter(|name| !name.is_empty()) {
        request = request.operation_name(name);
    }
    if let Some(variables) = variables {
        let value =
            serde_json::from_str(&variables).map_err(|err| format!("`variables` is not JSON: {err}"))?;
        request = request.variables(async_graphql::Variables::from_json(value));
    }
    if let Some(extensions) = extensions {
        request.extensions =
            serde_json::from_str(&extensions).map_err(|err| format!("`extensions` is not JSON: {err}"))?;
    }
    Ok(request)
}

fn has_non_query(request: &mut Request) -> bool {
    request.parsed_query().is_ok_and(|document| {
        document.operations.iter().any(|(_, operation)| operation.node.ty != OperationType::Query)
    })
}

/// The caller, from `Authorization: Bearer <access token or bk_ API key>`. No header:
/// anonymous. A credential that does not verify is answered with 401 `UNAUTHENTICATED` (never
/// silently anonymous).
async fn caller_principal(headers: &HeaderMap, state: &AppState) -> Result<Principal, Box<HttpResponse>> {
    let authorization = match headers.get(header::AUTHORIZATION) {
        None => None,
        Some(value) => Some(value.to_str().map_err(|_| Box::new(unauthenticated()))?),
    };
    match authenticate(&state.db, &state.auth, authorization).await {
        Ok(Credential::Absent) => Ok(Principal::Anonymous),
        Ok(Credential::Valid(principal)) => Ok(principal),
        Ok(Credential::Invalid) => Err(Box::new(unauthenticated())),
        Err(err) => {
            tracing::error!(error = %err, "credential lookup failed");
            Err(Box::new(unauthenticated()))
        }
    }
}

/// Whether to show admin fields in this request's introspection. Only requests that introspect
/// (mention `__schema` or `__type`) pay for the lookup; every admin operation re-checks.
async fn admin_visibility(state: &AppState, principal: &Principal, request: &[u8]) -> AdminVisibility {
    let Principal::User { user_id, .. } = principal else { return AdminVisibility(false) };
    let introspects = |needle: &[u8]| request.windows(needle.len()).any(|window| window == needle);
    if !introspects(b"__schema") && !introspects(b"__type") {
        return AdminVisibility(false);
    }
    match entity::users::Entity::find_by_id(*user_id).one(&state.db).await {
        Ok(user) => AdminVisibility(user.is_some_and(|user| user.is_platform_admin)),
        Err(err) => {
            tracing::warn!(error = %err, "could not read the admin flag; hiding admin fields");
            AdminVisibility(false)
        }
    }
}

fn unauthenticated() -> HttpResponse {
    error_response(StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated, "invalid or expired credentials")
}

pub(super) fn request_meta(headers: &HeaderMap, client_ip: ClientIp) -> RequestMeta {
    let text =
        |name: header::HeaderName| headers.get(name).and_then(|value| value.to_str().ok()).map(str::to_owned);
    let request_id =
        text(header::HeaderName::from_static(REQUEST_ID_HEADER)).unwrap_or_else(|| "-".to_owned());
    RequestMeta {
        request_id,
        client_ip: client_ip.0,
        cookies: text(header::COOKIE),
        user_agent: text(header::USER_AGENT).map(|agent| agent.chars().take(200).collect()),
        host: text(header::HOST).map(|host| normalize_host(&host)),
    }
}

/// `Acme.Example.COM.:8443` → `acme.example.com`: no port, lower case, no trailing dot, so one
/// spelling of a host is compared everywhere.
pub(crate) fn normalize_host(host: &str) -> String {
    let host = host.trim();
    // An IPv6 literal keeps its brackets; otherwise a trailing `:port` goes.
    let name = match host.find(']') {
        Some(end) => &host[..=end],
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// The header a file upload must carry. A cross-site form can post multipart/form-data without
/// asking; a custom header makes the browser ask first (a CORS preflight), which the allow-list
/// refuses for other origins. The name is the one GraphQL upload clients already send.
pub const UPLOAD_PREFLIGHT_HEADER: &str = "apollo-require-preflight";

fn is_multipart(headers: &HeaderMap) -> bool {
    content_type(headers).is_some_and(|mime| mime.eq_ignore_ascii_case("multipart/form-data"))
}

/// A GraphQL multipart request (one file at most, within the upload size cap).
async fn multipart_batch(headers: &HeaderMap, body: Bytes) -> Result<BatchRequest, Box<HttpResponse>> {
    let preflighted = headers
        .get(UPLOAD_PREFLIGHT_HEADER)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|v| !v.trim().is_empty());
    if !preflighted {
        return Err(Box::new(error_response(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            "an upload needs the Apollo-Require-Preflight header",
        )));
    }
    let content_type =
        headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok()).map(str::to_owned);
    let options = async_graphql::http::MultipartOptions::default()
        .max_num_files(1)
        .max_file_size(crate::status_pages::branding::MAX_BYTES);
    async_graphql::http::receive_batch_body(
        content_type,
        futures_util::io::Cursor::new(body.to_vec()),
        options,
    )
    .await
    .map_err(|err| {
        Box::new(error_response(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            &format!("the upload is not a GraphQL request: {err}"),
        ))
    })
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::trim)
}

fn is_json(headers: &HeaderMap) -> bool {
    content_type(headers).is_some_and(|mime| mime.eq_ignore_ascii_case("application/json"))
}

fn json(body: &BatchResponse) -> HttpResponse {
    match serde_json::to_vec(body) {
        Ok(bytes) => {
            let mut response = (
                [(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")],
                Body::from(bytes),
            )
                .into_response();
            // Headers resolvers set (the refresh-token cookie).
            for (name, value) in body.http_headers_iter() {
                response.headers_mut().append(name, value);
            }
            response
        }
        Err(err) => {
            tracing::error!(error = %err, "serialising a GraphQL response failed");
            error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::InternalServerError,
                "internal error",
            )
        }
    }
}

/// A GraphQL-shaped error for failures before execution.
pub fn error_response(status: StatusCode, code: ErrorCode, message: &str) -> HttpResponse {
    let body = error_body(code, message, serde_json::Value::Null);
    (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_have_one_spelling() {
        assert_eq!(normalize_host("Acme.Example.COM.:8443"), "acme.example.com");
        assert_eq!(normalize_host("acme.example.com."), "acme.example.com");
        assert_eq!(normalize_host("[::1]:8080"), "[::1]");
        assert_eq!(normalize_host("127.0.0.1"), "127.0.0.1");
    }

    #[test]
    fn only_pure_introspection_gets_the_introspection_schema() {
        let mut pure = Request::new("query IntrospectionQuery { __schema { types { name } } }");
        assert!(introspection_only(&mut pure));
        let mut mixed = Request::new("{ __schema { types { name } } me { role } }");
        assert!(!introspection_only(&mut mixed));
        let mut spread = Request::new("{ ...F } fragment F on Query { __typename }");
        assert!(!introspection_only(&mut spread));
        let mut mutation = Request::new("mutation { __typename }");
        assert!(!introspection_only(&mut mutation));
    }
}

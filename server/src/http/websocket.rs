//! GraphQL over WebSocket (`/graphql/ws`, graphql-transport-ws and the legacy graphql-ws):
//!
//! - browsers may connect only from Beacon's own origins: `PUBLIC_URL`, the base domain and its
//!   tenant hosts, verified custom domains, and `CORS_ALLOWED_ORIGINS` — never "whatever the
//!   Host header says", which a DNS-rebinding page controls;
//! - the connection authenticates in `connection_init` (`{"Authorization": "Bearer …"}`) with the
//!   same checks as HTTP, must do so within 10 s, and is closed (4401) when the access token
//!   expires or the credential stops verifying, so the client reconnects with a fresh one;
//! - each connection has an operation rate limit and a cap on concurrent operations; past them
//!   it is closed (4429), so one socket cannot multiply the per-request limits.

use std::collections::HashSet;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_graphql::Data;
use async_graphql::http::WebSocketProtocols;
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::extract::{Extension, State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response as HttpResponse;
use futures_util::{SinkExt, StreamExt};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use tokio_util::sync::CancellationToken;

use super::graphql::{Caller, error_response, request_meta};
use super::{AppState, ClientIp};
use crate::auth::Principal;
use crate::auth::guards::AdminVisibility;
use crate::auth::principal::{Credential, authenticate};
use crate::kernel::ErrorCode;

/// A WebSocket must send `connection_init` within this time or it is closed.
const INIT_TIMEOUT: Duration = Duration::from_secs(10);
/// How often a connection's credential is verified again (revoked keys, ended sessions).
const RECHECK_INTERVAL: Duration = Duration::from_secs(60);
/// Operations a connection may start: a burst, then this many per second.
const OPERATION_BURST: u32 = 30;
const OPERATIONS_PER_SECOND: u32 = 10;
/// Operations (subscriptions) a connection may keep open at once.
const MAX_ACTIVE_OPERATIONS: usize = 50;

const CLOSE_UNAUTHENTICATED: u16 = 4401;
const CLOSE_TOO_MANY: u16 = 4429;

pub async fn graphql_ws(
    State(state): State<AppState>,
    Extension(client_ip): Extension<ClientIp>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> HttpResponse {
    if !origin_allowed(&headers, &state) {
        return error_response(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this origin may not open a WebSocket",
        );
    }
    let meta = request_meta(&headers, client_ip);
    let kind = protocol_of(&headers);
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| serve(socket, state, protocol, kind, meta))
}

/// The subprotocol the upgrade settles on (the first supported one the client offers), as
/// `GraphQLProtocol` does; it decides which message starts an operation.
fn protocol_of(headers: &HeaderMap) -> WebSocketProtocols {
    headers
        .get_all(header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .find_map(|name| name.trim().parse().ok())
        .unwrap_or(WebSocketProtocols::SubscriptionsTransportWS)
}

async fn serve(
    socket: WebSocket,
    state: AppState,
    protocol: GraphQLProtocol,
    protocol_kind: WebSocketProtocols,
    meta: crate::kernel::RequestMeta,
) {
    let (mut socket_sink, socket_stream) = socket.split();
    let (outgoing, mut outgoing_rx) = futures_channel::mpsc::channel::<Message>(64);
    let closing = CancellationToken::new();
    let active: Arc<Mutex<HashSet<String>>> = Arc::default();

    // Writer: forwards the server's messages, and forgets operations the server completed.
    let writer_active = active.clone();
    let writer = tokio::spawn(async move {
        while let Some(message) = outgoing_rx.next().await {
            if let Message::Text(text) = &message
                && let Some((kind, id)) = message_kind(text)
                && matches!(kind.as_str(), "complete" | "error")
            {
                writer_active.lock().expect("active operations").remove(&id);
            }
            let close = matches!(message, Message::Close(_));
            if socket_sink.send(message).await.is_err() || close {
                break;
            }
        }
    });

    // Reader: counts operations the client starts and closes the socket past the limits.
    let limiter = operation_limiter();
    let (reader_active, reader_closing, reader_closer) = (active.clone(), closing.clone(), outgoing.clone());
    let incoming = socket_stream.take_until(closing.clone().cancelled_owned()).filter_map(move |message| {
        let verdict = match &message {
            Ok(Message::Text(text)) => inspect(text, protocol_kind, &limiter, &reader_active),
            _ => Verdict::Pass,
        };
        let (closing, mut closer) = (reader_closing.clone(), reader_closer.clone());
        async move {
            if let Verdict::Close(reason) = verdict {
                tracing::info!(reason, "closing a WebSocket over its limits");
                let _ = closer.send(close_frame(CLOSE_TOO_MANY, reason)).await;
                closing.cancel();
                return None;
            }
            Some(message)
        }
    });
    let mut closer = outgoing.clone();

    let initialised = CancellationToken::new();
    let init = initialised.clone();
    let (auth_state, auth_closing, auth_closer) = (state.clone(), closing.clone(), outgoing.clone());
    let serve = GraphQLWebSocket::new_with_pair(outgoing, incoming, state.schema.clone(), protocol)
        .on_connection_init(move |payload| async move {
            init.cancel();
            let authorization = bearer_from_payload(&payload);
            let credential = authenticate(
                &auth_state.db,
                &auth_state.tokens,
                &auth_state.key_usage,
                authorization.as_deref(),
            )
            .await
            .map_err(|_| async_graphql::Error::new("credential lookup failed"))?;
            let principal = match credential {
                Credential::Absent => Principal::Anonymous,
                Credential::Valid(principal) => principal,
                Credential::Invalid => {
                    return Err(async_graphql::Error::new("invalid or expired credentials"));
                }
            };
            if let Some(authorization) = authorization {
                tokio::spawn(watch_credential(auth_state, authorization, auth_closing, auth_closer));
            }
            let mut data = Data::default();
            // No per-request memo here: a connection lives long, and roles can change meanwhile.
            Caller { principal, meta, admin_visibility: AdminVisibility::default() }
                .insert_connection_data(&mut data);
            Ok(data)
        })
        .serve();
    let deadline = async {
        tokio::select! {
            () = tokio::time::sleep(INIT_TIMEOUT) => {}
            () = initialised.cancelled() => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = serve => {}
        () = deadline => {
            tracing::info!("closing a WebSocket that never sent connection_init");
            let _ = closer.send(close_frame(4408, "connection_init timeout")).await;
        }
    }
    closing.cancel();
    drop(closer);
    let _ = writer.await;
}

/// Closes the connection when its access token expires or its credential stops verifying.
async fn watch_credential(
    state: AppState,
    authorization: String,
    closing: CancellationToken,
    mut closer: futures_channel::mpsc::Sender<Message>,
) {
    let expires_in = access_token_expiry(&state, &authorization);
    let started = tokio::time::Instant::now();
    loop {
        let until_expiry = expires_in.map(|expiry| expiry.saturating_sub(started.elapsed()));
        let wait = until_expiry.map_or(RECHECK_INTERVAL, |left| left.min(RECHECK_INTERVAL));
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = closing.cancelled() => return,
        }
        let expired = expires_in.is_some_and(|expiry| started.elapsed() >= expiry);
        let valid = matches!(
            authenticate(&state.db, &state.tokens, &state.key_usage, Some(&authorization)).await,
            Ok(Credential::Valid(_))
        );
        if expired || !valid {
            let _ = closer.send(close_frame(CLOSE_UNAUTHENTICATED, "credentials expired")).await;
            closing.cancel();
            return;
        }
    }
}

/// Time left on an access token; `None` for API keys (checked every [`RECHECK_INTERVAL`]).
fn access_token_expiry(state: &AppState, authorization: &str) -> Option<Duration> {
    let token = authorization.strip_prefix("Bearer ")?.trim();
    let claims = state.tokens.verify_access(token).ok()?;
    let left = claims.exp - chrono::Utc::now().timestamp();
    Some(Duration::from_secs(left.max(0) as u64))
}

/// `Authorization` (any case) or `token` in the `connection_init` payload, as a bearer value.
fn bearer_from_payload(payload: &serde_json::Value) -> Option<String> {
    let object = payload.as_object()?;
    let value = object.iter().find(|(key, _)| key.eq_ignore_ascii_case("authorization")).map(|(_, v)| v);
    match (value.and_then(|v| v.as_str()), object.get("token").and_then(|v| v.as_str())) {
        (Some(header), _) => Some(header.to_owned()),
        (None, Some(token)) => Some(format!("Bearer {token}")),
        (None, None) => None,
    }
}

enum Verdict {
    Pass,
    Close(&'static str),
}

fn operation_limiter() -> DefaultDirectRateLimiter {
    let per_second = NonZeroU32::new(OPERATIONS_PER_SECOND).expect("non-zero");
    let burst = NonZeroU32::new(OPERATION_BURST).expect("non-zero");
    RateLimiter::direct(Quota::per_second(per_second).allow_burst(burst))
}

/// Counts a client message against the connection's limits.
fn inspect(
    text: &str,
    protocol: WebSocketProtocols,
    limiter: &DefaultDirectRateLimiter,
    active: &Mutex<HashSet<String>>,
) -> Verdict {
    let Some((kind, id)) = message_kind(text) else { return Verdict::Pass };
    let starts = match protocol {
        WebSocketProtocols::GraphQLWS => kind == "subscribe",
        _ => kind == "start",
    };
    let mut active = active.lock().expect("active operations");
    if starts {
        if limiter.check().is_err() {
            return Verdict::Close("too many operations per second");
        }
        active.insert(id);
        if active.len() > MAX_ACTIVE_OPERATIONS {
            return Verdict::Close("too many operations at once");
        }
    } else if matches!(kind.as_str(), "complete" | "stop") {
        active.remove(&id);
    }
    Verdict::Pass
}

/// The `type` and `id` of a protocol message.
fn message_kind(text: &str) -> Option<(String, String)> {
    let message: serde_json::Value = serde_json::from_str(text).ok()?;
    let kind = message.get("type")?.as_str()?.to_owned();
    let id = message.get("id").and_then(|id| id.as_str()).unwrap_or_default().to_owned();
    Some((kind, id))
}

fn close_frame(code: u16, reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame { code, reason: reason.into() }))
}

/// No `Origin` (not a browser) is allowed. A browser origin must be `PUBLIC_URL`'s, a configured
/// CORS origin, or, with `PUBLIC_URL`'s scheme and port, the base domain, one of its tenant
/// hosts, or a verified custom domain.
fn origin_allowed(headers: &HeaderMap, state: &AppState) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|value| value.to_str().ok()) else {
        return true;
    };
    let Ok(origin) = url::Url::parse(origin) else {
        return false;
    };
    let public = &state.settings.public_url;
    let serialized = origin.origin().ascii_serialization();
    if serialized == public.origin().ascii_serialization()
        || state.settings.http.cors_allowed_origins.contains(&serialized)
    {
        return true;
    }
    if origin.scheme() != public.scheme() || origin.port_or_known_default() != public.port_or_known_default()
    {
        return false;
    }
    let Some(host) = origin.host_str().map(str::to_ascii_lowercase) else { return false };
    let base = state.settings.base_domain.as_str();
    let tenant_host = host
        .strip_suffix(base)
        .and_then(|rest| rest.strip_suffix('.'))
        .is_some_and(|slug| !slug.is_empty() && !slug.contains('.'));
    host == base || tenant_host || state.hostnames.is_known(&host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_from_init_payloads() {
        let bearer = |payload: serde_json::Value| bearer_from_payload(&payload);
        assert_eq!(bearer(serde_json::json!({ "Authorization": "Bearer a" })).as_deref(), Some("Bearer a"));
        assert_eq!(bearer(serde_json::json!({ "authorization": "Bearer b" })).as_deref(), Some("Bearer b"));
        assert_eq!(bearer(serde_json::json!({ "token": "c" })).as_deref(), Some("Bearer c"));
        assert_eq!(bearer(serde_json::json!({})), None);
        assert_eq!(bearer(serde_json::Value::Null), None);
    }

    #[test]
    fn operations_are_limited_per_connection() {
        let limiter = operation_limiter();
        let active = Mutex::new(HashSet::new());
        let start = |id: usize| format!(r#"{{"type":"subscribe","id":"{id}","payload":{{}}}}"#);
        for id in 0..MAX_ACTIVE_OPERATIONS.min(OPERATION_BURST as usize) {
            assert!(matches!(
                inspect(&start(id), WebSocketProtocols::GraphQLWS, &limiter, &active),
                Verdict::Pass
            ));
        }
        let mut closed = false;
        for id in 100..200 {
            if matches!(
                inspect(&start(id), WebSocketProtocols::GraphQLWS, &limiter, &active),
                Verdict::Close(_)
            ) {
                closed = true;
                break;
            }
        }
        assert!(closed, "a flood of operations closes the connection");
    }
}

//! `/ping/<token>`, `/ping/<token>/start`, `/ping/<token>/fail` (GET, POST or HEAD): heartbeats
//! from cron jobs and scripts. No login; fast; limited per token so a looping script cannot
//! flood the database. Answers are plain text for `curl` in a crontab.

use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::AppState;
use crate::kernel::SharedClock;
use crate::monitoring::alerts::Alerts;
use crate::monitoring::heartbeat::{self, Ping, PingOutcome};

/// What the ping routes need.
#[derive(Clone)]
pub struct PingState {
    pub alerts: Alerts,
    pub clock: SharedClock,
    /// Per token: a burst of 10, then one ping a second.
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl PingState {
    pub fn new(alerts: Alerts, clock: SharedClock) -> Self {
        let quota =
            Quota::per_second(NonZeroU32::MIN).allow_burst(NonZeroU32::new(10).unwrap_or(NonZeroU32::MIN));
        Self { alerts, clock, limiter: Arc::new(RateLimiter::keyed(quota)) }
    }
}

pub async fn success(state: State<AppState>, Path(token): Path<String>) -> Response {
    handle(state, token, Ping::Success).await
}

pub async fn start(state: State<AppState>, Path(token): Path<String>) -> Response {
    handle(state, token, Ping::Start).await
}

pub async fn fail(state: State<AppState>, Path(token): Path<String>) -> Response {
    handle(state, token, Ping::Fail).await
}

async fn handle(State(state): State<AppState>, token: String, ping: Ping) -> Response {
    let pings = &state.pings;
    let key: String = token.chars().take(64).collect();
    if pings.limiter.check_key(&key).is_err() {
        return (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "1")], "too many pings for this token\n")
            .into_response();
    }
    match heartbeat::ping(&state.db, &pings.alerts, pings.clock.now(), &token, ping).await {
        Ok(PingOutcome::Recorded) => (StatusCode::OK, "OK\n").into_response(),
        Ok(PingOutcome::Paused) => (StatusCode::OK, "OK (the monitor is paused)\n").into_response(),
        Ok(PingOutcome::UnknownToken) => {
            (StatusCode::NOT_FOUND, "no monitor has this ping URL\n").into_response()
        }
        Err(err) => {
            tracing::warn!(error = %err, "a heartbeat ping could not be recorded");
            (StatusCode::SERVICE_UNAVAILABLE, [("retry-after", "5")], "try again shortly\n").into_response()
        }
    }
}

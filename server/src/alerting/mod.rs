//! Alerting: where a monitor's state changes are sent, beyond the email to owners that
//! monitoring itself sends. `channels` are a tenant's reusable destinations (15 kinds; secrets
//! sealed by `auth::secret_box`); `routes` say which monitors notify a channel for which events;
//! `router` writes one delivery row per routed channel in the transaction that records the
//! change (it is a `monitoring::followers::OutageFollower`); `deliveries` is the leased queue
//! the jobs runner works through — every request through the probe's SSRF guard, each attempt
//! logged, 429/`Retry-After` honoured; `providers` renders each kind's documented payload from
//! one [`message::AlertMessage`]; `signing` signs generic webhooks per Standard Webhooks;
//! `escalation` notifies further channels step by step until an outage is acknowledged;
//! `incident_updates` sends status page incident updates (a `status_pages` update follower).
//! Channels are paced by their provider's rate limit (`pacing`).

pub mod channels;
pub mod deliveries;
pub mod escalation;
pub mod graphql;
pub mod incident_updates;
pub mod message;
pub mod pacing;
pub mod providers;
pub mod retention;
pub mod router;
pub mod routes;
pub mod signing;
pub mod templates;

//! Live monitor events for GraphQL subscriptions: every recorded check, and whether it changed
//! the monitor's status. Recording publishes them after its transaction commits. On PostgreSQL
//! they travel through `NOTIFY beacon_monitor_events`, which every server process `LISTEN`s to,
//! so a subscriber sees the checks of every process's scheduler; on SQLite (one process) they
//! are published in-process. Events are a live feed, not a log: a subscriber that falls behind
//! skips ahead, and history is read from the API.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::check_results::CheckStatus;
use entity::monitors::MonitorStatus;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

const CHANNEL: &str = "beacon_monitor_events";
/// A tenant's setup changed (payload: its id): see [`MonitorEvents::setup_changed`].
const SETUP_CHANNEL: &str = "beacon_setup_changed";
/// NOTIFY payloads must stay under 8,000 bytes; events are sent in batches below this.
const MAX_PAYLOAD: usize = 7_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonitorEvent {
    pub tenant_id: Uuid,
    pub monitor_id: Uuid,
    pub monitor_name: String,
    pub status: String,
    /// Set when this check changed the monitor's status.
    pub previous_status: Option<String>,
    pub checked_at: DateTime<Utc>,
    pub check_status: String,
    pub duration_ms: u32,
    pub status_code: Option<u16>,
    pub error: Option<String>,
}

pub fn status_name(status: MonitorStatus) -> String {
    use sea_orm::ActiveEnum;
    status.to_value()
}

pub fn check_status_name(status: CheckStatus) -> String {
    use sea_orm::ActiveEnum;
    status.to_value()
}

/// The process's hub; cheap to clone.
#[derive(Clone)]
pub struct MonitorEvents {
    sender: broadcast::Sender<Arc<MonitorEvent>>,
    /// Tenants whose setup changed (maintenance windows, status pages, public incidents): views
    /// built from it, such as cached status pages, are stale — on every process.
    setup: broadcast::Sender<uuid::Uuid>,
}

impl Default for MonitorEvents {
    fn default() -> Self {
        Self { sender: broadcast::channel(4096).0, setup: broadcast::channel(256).0 }
    }
}

impl MonitorEvents {
    /// Tells every process's followers that `tenant_id`'s setup changed (on PostgreSQL through
    /// `NOTIFY`, which also reaches this process; elsewhere this process only). Call after the
    /// change committed.
    pub async fn setup_changed(&self, db: &DatabaseConnection, tenant_id: uuid::Uuid) {
        let _ = self.setup.send(tenant_id);
        if db.get_database_backend() == DatabaseBackend::Postgres {
            let statement = Statement::from_sql_and_values(
                DatabaseBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [SETUP_CHANNEL.into(), tenant_id.to_string().into()],
            );
            if let Err(err) = db.execute_raw(statement).await {
                tracing::warn!(error = %err, "a setup change could not be sent to other processes");
            }
        }
    }

    pub fn subscribe_setup(&self) -> broadcast::Receiver<uuid::Uuid> {
        self.setup.subscribe()
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<MonitorEvent>> {
        self.sender.subscribe()
    }

    fn publish_local(&self, event: MonitorEvent) {
        // No receivers is fine: nobody is watching.
        let _ = self.sender.send(Arc::new(event));
    }

    /// Publishes committed events: to every process on PostgreSQL, in this one elsewhere.
    pub async fn publish(&self, db: &DatabaseConnection, events: Vec<MonitorEvent>) {
        if events.is_empty() {
            return;
        }
        if db.get_database_backend() != DatabaseBackend::Postgres {
            events.into_iter().for_each(|event| self.publish_local(event));
            return;
        }
        for payload in batches(&events) {
            let statement = Statement::from_sql_and_values(
                DatabaseBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), payload.into()],
            );
            if let Err(err) = db.execute_raw(statement).await {
                tracing::warn!(error = %err, "monitor events could not be sent to other processes");
            }
        }
    }

    /// PostgreSQL: relays `NOTIFY`s to this process's subscribers until `cancel`; reconnects
    /// after errors. Does nothing on other backends.
    pub async fn listen(self, db: DatabaseConnection, cancel: CancellationToken) {
        if db.get_database_backend() != DatabaseBackend::Postgres {
            return;
        }
        let pool = db.get_postgres_connection_pool().clone();
        loop {
            let mut listener = match sqlx::postgres::PgListener::connect_with(&pool).await {
                Ok(listener) => listener,
                Err(err) => {
                    tracing::warn!(error = %err, "monitor events: cannot listen; will retry");
                    if sleep_or_cancel(&cancel).await {
                        return;
                    }
                    continue;
                }
            };
            if let Err(err) = listener.listen_all([CHANNEL, SETUP_CHANNEL]).await {
                tracing::warn!(error = %err, "monitor events: LISTEN failed; will retry");
                if sleep_or_cancel(&cancel).await {
                    return;
                }
                continue;
            }
            loop {
                tokio::select! {
                    () = cancel.cancelled() => return,
                    received = listener.recv() => match received {
                        Ok(notification) if notification.channel() == SETUP_CHANNEL => {
                            if let Ok(tenant_id) = notification.payload().parse() {
                                let _ = self.setup.send(tenant_id);
                            }
                        }
                        Ok(notification) => {
                            match serde_json::from_str::<Vec<MonitorEvent>>(notification.payload()) {
                                Ok(events) => events.into_iter().for_each(|event| self.publish_local(event)),
                                Err(err) => tracing::warn!(error = %err, "monitor events: a payload did not parse"),
                            }
                        }
                        Err(err) => {
                            tracing::warn!(error = %err, "monitor events: the listener lost its connection; reconnecting");
                            break;
                        }
                    },
                }
            }
        }
    }
}

async fn sleep_or_cancel(cancel: &CancellationToken) -> bool {
    tokio::select! {
        () = tokio::time::sleep(Duration::from_secs(2)) => false,
        () = cancel.cancelled() => true,
    }
}

/// JSON arrays of events, each under the NOTIFY payload limit.
fn batches(events: &[MonitorEvent]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut size = 2;
    for event in events {
        let Ok(json) = serde_json::to_string(event) else { continue };
        if json.len() + 2 > MAX_PAYLOAD {
            continue;
        }
        if size + json.len() + 1 > MAX_PAYLOAD && !current.is_empty() {
            out.push(format!("[{}]", current.join(",")));
            current.clear();
            size = 2;
        }
        size += json.len() + 1;
        current.push(json);
    }
    if !current.is_empty() {
        out.push(format!("[{}]", current.join(",")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(error_len: usize) -> MonitorEvent {
        MonitorEvent {
            tenant_id: Uuid::nil(),
            monitor_id: Uuid::nil(),
            monitor_name: "API".into(),
            status: "up".into(),
            previous_status: None,
            checked_at: Utc::now(),
            check_status: "up".into(),
            duration_ms: 12,
            status_code: Some(200),
            error: Some("x".repeat(error_len)),
        }
    }

    #[test]
    fn batches_stay_under_the_notify_limit_and_keep_every_event() {
        let events: Vec<_> = (0..200).map(|_| event(900)).collect();
        let payloads = batches(&events);
        assert!(payloads.len() > 1);
        assert!(payloads.iter().all(|p| p.len() <= MAX_PAYLOAD));
        let back: usize =
            payloads.iter().map(|p| serde_json::from_str::<Vec<MonitorEvent>>(p).unwrap().len()).sum();
        assert_eq!(back, 200);
    }
}

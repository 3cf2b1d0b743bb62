//! The in-process harness: the same `Application` the binary runs, built inside the test with a
//! [`ManualClock`], so time-driven behaviour (retries, schedules, leases) is tested by moving
//! the clock instead of sleeping. Configuration, shutdown, Caddy and browser tests stay on the
//! real binary ([`crate::TestApp`]).

use std::net::SocketAddr;
use std::sync::Arc;

use serde_json::{Value, json};
use server::config::Settings;
use server::kernel::ManualClock;
use server::startup::Application;
use tokio::sync::oneshot;

use crate::app::base_env;
use crate::database::{Backend, TempDir, TestDatabase};

pub struct InProcessApp {
    pub public: SocketAddr,
    pub internal: SocketAddr,
    pub client: reqwest::Client,
    /// The clock the application reads; move it with `advance`.
    pub clock: ManualClock,
    pub database: TestDatabase,
    /// The monitor scheduler; with `SCHEDULER_ENABLED=false` only `tick` runs it.
    pub scheduler: Arc<server::monitoring::scheduler::Scheduler>,
    /// The maintenance notice sweep; with `SCHEDULER_ENABLED=false` only `sweep` runs it.
    pub maintenance_notices: server::status_pages::maintenance_notices::MaintenanceNotices,
    /// The escalation sweep; with `SCHEDULER_ENABLED=false` only `sweep` runs it.
    pub escalations: server::alerting::escalation::runner::EscalationSweep,
    stop: Option<oneshot::Sender<()>>,
    running: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    /// The configuration it was started with (a restart starts with it again).
    variables: std::collections::HashMap<String, String>,
    _data_dir: TempDir,
}

/// One running application and the handles the harness keeps of it.
struct Started {
    public: SocketAddr,
    internal: SocketAddr,
    scheduler: Arc<server::monitoring::scheduler::Scheduler>,
    maintenance_notices: server::status_pages::maintenance_notices::MaintenanceNotices,
    escalations: server::alerting::escalation::runner::EscalationSweep,
    stop: oneshot::Sender<()>,
    running: tokio::task::JoinHandle<anyhow::Result<()>>,
}

async fn start(variables: &std::collections::HashMap<String, String>, clock: &ManualClock) -> Started {
    let settings = Settings::from_env(variables).unwrap_or_else(|problems| panic!("{problems}"));
    let app = Application::build_with_clock(settings, Arc::new(clock.clone())).await.expect("build the app");
    let (public, internal) = (app.public_addr(), app.internal_addr());
    let scheduler = app.scheduler();
    let maintenance_notices = app.maintenance_notices();
    let escalations = app.escalations();
    let (stop, stopped) = oneshot::channel();
    let running = tokio::spawn(app.run_until_stopped(async move {
        let _ = stopped.await;
    }));
    Started { public, internal, scheduler, maintenance_notices, escalations, stop, running }
}

impl InProcessApp {
    /// Starts the application on a fresh database with `env` on top of the harness defaults.
    pub async fn spawn(backend: Backend, env: &[(&str, &str)]) -> Self {
        let database = TestDatabase::create(backend).await;
        let data_dir = TempDir::new("data");
        let mut variables = base_env(&data_dir.path);
        variables.insert("DATABASE_URL".into(), database.url.clone());
        variables.extend(env.iter().map(|(name, value)| ((*name).to_owned(), (*value).to_owned())));
        let clock = ManualClock::new(chrono::Utc::now());
        let started = start(&variables, &clock).await;
        Self {
            public: started.public,
            internal: started.internal,
            client: reqwest::Client::new(),
            clock,
            database,
            scheduler: started.scheduler,
            maintenance_notices: started.maintenance_notices,
            escalations: started.escalations,
            stop: Some(started.stop),
            running: Some(started.running),
            variables,
            _data_dir: data_dir,
        }
    }

    /// Stops the application as SIGTERM does and starts a new one on the same database, data
    /// directory, configuration and clock: what survives this is what survives a deploy or a
    /// crash-restart (nothing in memory does).
    pub async fn restart(&mut self) {
        self.stop_running().await;
        let started = start(&self.variables, &self.clock).await;
        self.public = started.public;
        self.internal = started.internal;
        self.scheduler = started.scheduler;
        self.maintenance_notices = started.maintenance_notices;
        self.escalations = started.escalations;
        self.stop = Some(started.stop);
        self.running = Some(started.running);
    }

    async fn stop_running(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(running) = self.running.take() {
            running.await.expect("the app task").expect("a clean stop");
        }
    }

    /// The application's `DATA_DIR` (uploads, mail files).
    pub fn data_dir(&self) -> &std::path::Path {
        &self._data_dir.path
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.public, path)
    }

    /// POSTs one GraphQL operation without credentials.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let request =
            self.client.post(self.url("/graphql")).json(&json!({ "query": query, "variables": variables }));
        request.send().await.expect("POST /graphql").json().await.expect("a JSON body")
    }

    /// POSTs one GraphQL operation with `Authorization: Bearer <token>`.
    pub async fn graphql_as(&self, token: &str, query: &str, variables: Value) -> Value {
        self.client
            .post(self.url("/graphql"))
            .bearer_auth(token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("POST /graphql")
            .json()
            .await
            .expect("a JSON body")
    }

    /// POSTs one GraphQL operation with a `Host` header, as a visitor of a tenant's host does.
    pub async fn graphql_on_host(&self, host: &str, query: &str, variables: Value) -> Value {
        self.client
            .post(self.url("/graphql"))
            .header("host", host)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("POST /graphql")
            .json()
            .await
            .expect("a JSON body")
    }

    /// Stops the application the way SIGTERM does and waits for it.
    pub async fn shutdown(mut self) {
        self.stop_running().await;
    }
}

impl Drop for InProcessApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

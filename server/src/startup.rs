//! Builds the application from settings and runs it until a shutdown signal (composition root).
//!
//! `Application::build` connects and migrates the database and binds both listeners (port 0 is
//! fine: the handle knows the real ports), so tests start exactly what production runs.
//! Every background loop is owned by one `TaskTracker` and stopped by one `CancellationToken`,
//! and is drained on shutdown after the listeners.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use async_graphql::dataloader::DataLoader;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::accounts::worker::{AccountJobs, AccountQueue};
use crate::alerting::escalation::runner::EscalationSweep;
use crate::auth::limits::AuthLimits;
use crate::auth::secret_box::SecretBox;
use crate::auth::tokens::TokenKeys;
use crate::config::Settings;
use crate::http::{AppState, internal_router, public_router};
use crate::jobs::{Heartbeats, Runner, RunnerSettings, worker_id};
use crate::kernel::{Links, SharedClock, SystemClock};
use crate::mail::Outbox;
use crate::mail::transport::Transport;
use crate::mail::worker::OutboxQueue;
use crate::monitoring::alerts::Alerts;
use crate::monitoring::events::MonitorEvents;
use crate::monitoring::scheduler::{Scheduler, SchedulerSettings};
use crate::probe::{ProbeConfig, Prober};
use crate::status_pages::cache::PublicPageCache;
use crate::status_pages::maintenance_notices::MaintenanceNotices;
use crate::tenancy::graphql::TenantLoader;
use crate::tenancy::hostnames::HostnameRegistry;
use crate::{db, schema, telemetry};

/// How often idle limiter keys are dropped.
const LIMITER_TRIM_INTERVAL: Duration = Duration::from_secs(60);
/// How often the metrics recorder drains histogram samples into its buckets.
const METRICS_UPKEEP_INTERVAL: Duration = Duration::from_secs(5);
/// How often old check results are purged.
const RETENTION_INTERVAL: Duration = Duration::from_secs(600);
/// How often upload files no page uses are deleted (and how old they must be).
const UPLOAD_SWEEP_INTERVAL: Duration = Duration::from_secs(3600);
/// How often unverified sign-ups and expired reservations are swept.
const ACCOUNT_SWEEP_INTERVAL: Duration = Duration::from_secs(600);
/// How soon another process's tenant or domain change reaches this process's TLS answers.
const HOSTNAME_POLL_INTERVAL: Duration = Duration::from_secs(2);

pub struct Application {
    public: TcpListener,
    internal: TcpListener,
    state: AppState,
    mail_runner: Runner<OutboxQueue>,
    account_runner: Runner<AccountQueue>,
    alert_runner: Runner<crate::alerting::deliveries::Deliveries>,
    auth_limits: AuthLimits,
    clock: SharedClock,
    scheduler: Arc<Scheduler>,
    page_cache: PublicPageCache,
    maintenance_notices: MaintenanceNotices,
    escalations: EscalationSweep,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// As [`Application::build`], with the clock time-driven code reads (a manual one in tests).
    pub async fn build_with_clock(mut settings: Settings, clock: SharedClock) -> anyhow::Result<Self> {
        let public = TcpListener::bind(settings.listen_addr)
            .await
            .with_context(|| format!("LISTEN_ADDR: cannot bind {}", settings.listen_addr))?;
        let internal = TcpListener::bind(settings.internal_addr)
            .await
            .with_context(|| format!("INTERNAL_ADDR: cannot bind {}", settings.internal_addr))?;
        // The development default PUBLIC_URL follows LISTEN_ADDR; with port 0 it takes the real port.
        if settings.public_url.port() == Some(0) {
            let _ = settings.public_url.set_port(Some(public.local_addr()?.port()));
        }
        let db = db::connect(&settings.database).await.context("DATABASE_URL: database not reachable")?;
        if settings.database.run_migrations {
            db::migrate(&db).await?;
        }
        let tokens = TokenKeys::new(&settings.jwt_secret);
        let auth_limits = AuthLimits::default();
        let outbox = Outbox::new(settings.mail.max_attempts, clock.clone());
        let links = Links::new(settings.public_url.clone(), settings.base_domain.clone());
        let heartbeats = Heartbeats::default();
        let mail = &settings.mail;
        let mail_runner = Runner {
            queue: OutboxQueue {
                transport: Transport::from_settings(&settings)?,
                from: mail.from.parse().context("MAIL_FROM is not a mailbox")?,
                message_domain: settings.base_domain.clone(),
            },
            db: db.clone(),
            settings: RunnerSettings {
                poll_interval: mail.poll_interval,
                lease: mail.lease,
                concurrency: mail.concurrency,
                retry_base: mail.retry_base,
                retry_max: mail.retry_max,
            },
            clock: clock.clone(),
            wake: outbox.wake_signal(),
            // Alive while it finishes rounds; a round may wait for two sends that time out.
            heartbeat: heartbeats.register(
                "mail_worker",
                mail.poll_interval * 2 + mail.send_timeout * 2 + Duration::from_secs(10),
            ),
            worker_id: worker_id(),
        };
        let account_jobs = AccountJobs::default();
        let account_runner = Runner {
            queue: AccountQueue { db: db.clone(), outbox: outbox.clone(), links: links.clone() },
            db: db.clone(),
            settings: RunnerSettings {
                poll_interval: mail.poll_interval,
                lease: Duration::from_secs(60),
                concurrency: 2,
                retry_base: mail.retry_base,
                retry_max: mail.retry_max,
            },
            clock: clock.clone(),
            wake: account_jobs.wake_signal(),
            heartbeat: heartbeats
                .register("account_worker", mail.poll_interval * 2 + Duration::from_secs(70)),
            worker_id: worker_id(),
        };
        let monitoring = &settings.monitoring;
        let secret_box = SecretBox::new(&settings.secrets_key, settings.secrets_key_previous.as_ref());
        let alert_wake = Arc::new(tokio::sync::Notify::new());
        let escalation_wake = Arc::new(tokio::sync::Notify::new());
        let outage_messages =
            crate::alerting::router::OutageMessages { links: links.clone(), tokens: tokens.clone() };
        let alert_router = Arc::new(crate::alerting::router::AlertRouter {
            messages: outage_messages.clone(),
            wake: alert_wake.clone(),
        });
        // Incident updates reach the page's subscribers by mail, and the routed channels.
        let subscriber_mail = crate::status_pages::subscribers::SubscriberMail {
            outbox: outbox.clone(),
            links: links.clone(),
            followers: Arc::new([alert_router.clone() as _]),
        };
        // Alert emails and live events: shared by the scheduler and the heartbeat pings.
        let alerts = Alerts {
            outbox: outbox.clone(),
            links: links.clone(),
            events: MonitorEvents::default(),
            // Status pages publish outages as public incidents.
            followers: Arc::new([
                Arc::new(crate::status_pages::incidents::OutagePublisher { mail: subscriber_mail.clone() })
                    as _,
                // Channels routed to the monitor get a delivery each.
                alert_router as _,
                // Monitors with an escalation policy start an escalation per alerted outage.
                Arc::new(crate::alerting::escalation::runner::Escalator { wake: escalation_wake.clone() })
                    as _,
            ]),
        };
        let prober = Prober::new(ProbeConfig {
            allow_private_targets: monitoring.allow_private_targets,
            dns_nameservers: monitoring.dns_servers.clone(),
            extra_root_certs: monitoring.extra_root_certs.clone(),
            user_agent: format!("Beacon/{} (+{})", env!("CARGO_PKG_VERSION"), settings.public_url),
        })
        .context("the monitoring probe could not be set up")?;
        let mut scheduler = Scheduler::new(
            db.clone(),
            prober.clone(),
            alerts.clone(),
            clock.clone(),
            SchedulerSettings {
                poll_interval: monitoring.poll_interval,
                concurrency: monitoring.concurrency,
                ..SchedulerSettings::default()
            },
            worker_id(),
        );
        if monitoring.scheduler_enabled {
            // A round ends when its claim does; checks finish in their own tasks.
            scheduler.heartbeat = heartbeats
                .register("monitor_scheduler", monitoring.poll_interval * 2 + Duration::from_secs(30));
        }
        let scheduler = Arc::new(scheduler);
        let alert_runner = Runner {
            queue: crate::alerting::deliveries::Deliveries {
                db: db.clone(),
                prober: prober.clone(),
                secrets: secret_box.clone(),
                outbox: outbox.clone(),
                clock: clock.clone(),
            },
            db: db.clone(),
            settings: RunnerSettings {
                poll_interval: mail.poll_interval,
                lease: Duration::from_secs(60),
                concurrency: 16,
                retry_base: mail.retry_base,
                retry_max: mail.retry_max,
            },
            clock: clock.clone(),
            wake: alert_wake.clone(),
            heartbeat: heartbeats.register("alert_worker", mail.poll_interval * 2 + Duration::from_secs(70)),
            worker_id: worker_id(),
        };
        let hostnames = HostnameRegistry::new(db.clone());
        let page_cache = PublicPageCache::default();
        let maintenance_notices =
            MaintenanceNotices { db: db.clone(), mail: subscriber_mail.clone(), clock: clock.clone() };
        let escalations = EscalationSweep {
            db: db.clone(),
            clock: clock.clone(),
            messages: outage_messages,
            wake: escalation_wake.clone(),
            deliveries: alert_wake.clone(),
        };
        let with_data = |builder: async_graphql::SchemaBuilder<_, _, _>| {
            builder
                .data(db.clone())
                .data(hostnames.clone())
                .data(outbox.clone())
                .data(links.clone())
                .data(tokens.clone())
                .data(auth_limits.clone())
                .data(clock.clone())
                .data(account_jobs.clone())
                .data(prober.clone())
                .data(crate::status_pages::branding::UploadDir::under(&settings.data_dir))
                .data(subscriber_mail.clone())
                .data(alerts.events.clone())
                .data(page_cache.clone())
                .data(secret_box.clone())
                .data(crate::alerting::graphql::DeliveryWake(alert_wake.clone()))
                .data(crate::alerting::escalation::graphql::EscalationWake(escalation_wake.clone()))
                .data(DataLoader::new(TenantLoader(db.clone()), tokio::spawn))
                .data(DataLoader::new(crate::audit::graphql::ActorNames(db.clone()), tokio::spawn))
                .finish()
        };
        let schema = with_data(schema::build(settings.graphql));
        let introspection_limits = crate::config::GraphqlLimits {
            max_depth: settings.graphql.max_depth.max(INTROSPECTION_DEPTH),
            ..settings.graphql
        };
        let introspection_schema = with_data(schema::build(introspection_limits));
        let state = AppState {
            api_rate_limit: crate::http::rate_limit_config(&settings.http),
            hostnames,
            settings: Arc::new(settings),
            db,
            schema,
            introspection_schema,
            metrics: telemetry::metrics_handle(),
            auth: crate::auth::principal::Authenticator::new(tokens),
            heartbeats,
            pings: crate::http::ping::PingState::new(alerts.clone(), clock.clone()),
            links: links.clone(),
            clock: clock.clone(),
            page_cache: page_cache.clone(),
        };
        Ok(Self {
            public,
            internal,
            state,
            mail_runner,
            account_runner,
            alert_runner,
            auth_limits,
            clock,
            scheduler,
            page_cache,
            maintenance_notices,
            escalations,
        })
    }

    /// The escalation sweep; tests on a manual clock call its `sweep` (with
    /// `SCHEDULER_ENABLED=false`).
    pub fn escalations(&self) -> EscalationSweep {
        self.escalations.clone()
    }

    /// The monitor scheduler; tests on a manual clock call its `tick` (with `SCHEDULER_ENABLED=false`).
    pub fn scheduler(&self) -> Arc<Scheduler> {
        self.scheduler.clone()
    }

    /// The maintenance notice sweep; tests on a manual clock call its `sweep` (with
    /// `SCHEDULER_ENABLED=false`).
    pub fn maintenance_notices(&self) -> MaintenanceNotices {
        self.maintenance_notices.clone()
    }

    pub fn public_addr(&self) -> SocketAddr {
        self.public.local_addr().expect("a bound listener has an address")
    }

    pub fn internal_addr(&self) -> SocketAddr {
        self.internal.local_addr().expect("a bound listener has an address")
    }

    /// Serves until `shutdown` completes, then stops accepting, lets in-flight requests finish
    /// (up to `SHUTDOWN_TIMEOUT`), stops the background loops (the mail worker finishes its
    /// sends) and closes the pool.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let Self {
            public,
            internal,
            state,
            mail_runner,
            account_runner,
            alert_runner,
            auth_limits,
            clock,
            scheduler,
            page_cache,
            maintenance_notices,
            escalations,
        } = self;
        let drain_timeout = state.settings.http.shutdown_timeout;
        let db = state.db.clone();
        let (tasks, cancel) = (TaskTracker::new(), CancellationToken::new());
        tasks.spawn(mail_runner.run(cancel.child_token()));
        tasks.spawn(account_runner.run(cancel.child_token()));
        tasks.spawn(alert_runner.run(cancel.child_token()));
        // Other processes' monitor events reach this process's subscribers (PostgreSQL).
        tasks.spawn(scheduler.alerts.events.clone().listen(state.db.clone(), cancel.child_token()));
        // A status change clears the tenant's cached public pages (on every process).
        tasks.spawn(page_cache.follow(scheduler.alerts.events.clone(), cancel.child_token()));
        if state.settings.monitoring.scheduler_enabled {
            tasks.spawn(scheduler.run(cancel.child_token()));
            // Subscribers hear when scheduled maintenance starts and ends.
            tasks.spawn(maintenance_notices.run(cancel.child_token()));
            // Escalation steps fall due on the application's clock.
            tasks.spawn(escalations.run(cancel.child_token()));
        }
        // Unverified sign-ups past their link's expiry, expired slug reservations, old jobs.
        let sweep_db = state.db.clone();
        // Raw check results past RETENTION_DAYS and rollups past 400 days, in batches.
        let (retention_db, retention_clock) = (state.db.clone(), clock.clone());
        let retention_days = state.settings.monitoring.retention_days;
        tasks.spawn(every(RETENTION_INTERVAL, cancel.child_token(), move || {
            let (db, now) = (retention_db.clone(), retention_clock.now());
            async move {
                match crate::monitoring::retention::purge(&db, now, retention_days).await {
                    Ok((0, 0)) => {}
                    Ok((results, rollups)) => tracing::info!(results, rollups, "purged old check results"),
                    Err(err) => {
                        tracing::warn!(error = %err, "the retention purge failed; it runs again later")
                    }
                }
                // Finished alert deliveries past 90 days; maintenance notices past 30 days.
                match crate::alerting::retention::purge(&db, now).await {
                    Ok(0) => {}
                    Ok(deliveries) => tracing::info!(deliveries, "purged old alert deliveries"),
                    Err(err) => {
                        tracing::warn!(error = %err, "the delivery purge failed; it runs again later")
                    }
                }
                if let Err(err) = crate::status_pages::maintenance_notices::purge(&db, now).await {
                    tracing::warn!(error = %err, "the maintenance notice purge failed; it runs again later");
                }
            }
        }));
        tasks.spawn(every(ACCOUNT_SWEEP_INTERVAL, cancel.child_token(), move || {
            let (db, now) = (sweep_db.clone(), clock.now());
            async move {
                if let Err(err) = crate::accounts::cleanup::sweep(&db, now).await {
                    tracing::warn!(error = %err, "the account sweep failed; it runs again later");
                }
            }
        }));
        // Logo and favicon files no page uses any more.
        let (uploads_db, upload_dir) =
            (state.db.clone(), crate::status_pages::branding::UploadDir::under(&state.settings.data_dir));
        tasks.spawn(every(UPLOAD_SWEEP_INTERVAL, cancel.child_token(), move || {
            let (db, dir) = (uploads_db.clone(), upload_dir.clone());
            async move {
                match crate::status_pages::branding::sweep_orphans(&db, &dir, UPLOAD_SWEEP_INTERVAL).await {
                    Ok(0) => {}
                    Ok(deleted) => tracing::info!(deleted, "deleted unused upload files"),
                    Err(err) => tracing::warn!(error = %err, "the upload sweep failed; it runs again later"),
                }
            }
        }));
        let api_rate_limit = state.api_rate_limit.clone();
        let ping_limiter = state.pings.limiter.clone();
        tasks.spawn(every(LIMITER_TRIM_INTERVAL, cancel.child_token(), move || {
            auth_limits.retain_recent();
            crate::http::trim_rate_limit(&api_rate_limit);
            ping_limiter.retain_recent();
            async {}
        }));
        // Histogram samples accumulate until rendered; without a scraper they would grow forever.
        let metrics = state.metrics.clone();
        tasks.spawn(every(METRICS_UPKEEP_INTERVAL, cancel.child_token(), move || {
            metrics.run_upkeep();
            async {}
        }));
        // Other processes' tenant and domain changes reach this process's TLS answers.
        let hostnames = state.hostnames.clone();
        tasks.spawn(every(HOSTNAME_POLL_INTERVAL, cancel.child_token(), move || {
            let hostnames = hostnames.clone();
            async move {
                if let Err(err) = hostnames.refresh_if_changed().await {
                    tracing::warn!(error = %err, "could not check the hostname set for changes");
                }
            }
        }));
        tasks.close();

        let stop_listening = CancellationToken::new();
        let public = axum::serve(
            public,
            public_router(state.clone()).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stop_listening.clone().cancelled_owned());
        let internal = axum::serve(internal, internal_router(state).into_make_service())
            .with_graceful_shutdown(stop_listening.clone().cancelled_owned());
        let servers = async move { tokio::try_join!(public.into_future(), internal.into_future()) };
        tokio::pin!(servers);

        tokio::select! {
            result = &mut servers => { result.context("a listener failed")?; }
            () = shutdown => {
                tracing::info!(drain_timeout_ms = drain_timeout.as_millis() as u64, "shutdown requested: draining in-flight requests");
                stop_listening.cancel();
                match tokio::time::timeout(drain_timeout, &mut servers).await {
                    Ok(result) => { result.context("a listener failed while draining")?; }
                    Err(_) => tracing::warn!("drain timed out; closing remaining connections"),
                }
            }
        }
        cancel.cancel();
        // In-flight jobs finish (each bounded by its own timeout, e.g. MAIL_SEND_TIMEOUT).
        if tokio::time::timeout(drain_timeout, tasks.wait()).await.is_err() {
            tracing::warn!(
                "background tasks did not stop in time; their claimed jobs are retried after their lease"
            );
        }
        db.close().await.context("closing the database pool")?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// A depth that fits GraphiQL's standard introspection query (used only for documents that
/// select nothing but introspection fields).
const INTROSPECTION_DEPTH: usize = 20;

/// Runs `tick` every `period` until cancelled (a tick in progress finishes first).
async fn every<F, Fut>(period: Duration, cancel: CancellationToken, mut tick: F)
where
    F: FnMut() -> Fut + Send,
    Fut: Future<Output = ()> + Send,
{
    let mut interval = tokio::time::interval(period);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    interval.tick().await;
    loop {
        tokio::select! {
            _ = interval.tick() => tick().await,
            () = cancel.cancelled() => break,
        }
    }
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

//! Builds the application from settings and runs it until a shutdown signal.
//!
//! `Application::build` connects and migrates the database and binds both listeners (port 0 is
//! fine: the handle knows the real ports), so tests start exactly what production runs.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::accounts::limits::AuthLimits;
use crate::accounts::tokens::TokenKeys;
use crate::config::Settings;
use crate::http::{AppState, internal_router, public_router};
use crate::mail::Mailer;
use crate::mail::templates::Links;
use crate::mail::transport::Transport;
use crate::mail::worker::{Worker, worker_id};
use crate::tenancy::hostnames::HostnameRegistry;
use crate::{db, graphql, telemetry};

pub struct Application {
    public: TcpListener,
    internal: TcpListener,
    state: AppState,
    mail_worker: Worker,
}

impl Application {
    pub async fn build(mut settings: Settings) -> anyhow::Result<Self> {
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
        spawn_limit_cleanup(auth_limits.clone());
        let mailer = Mailer::default();
        let links = Links::new(settings.public_url.clone(), settings.base_domain.clone());
        let mail_worker = Worker {
            db: db.clone(),
            transport: Transport::from_settings(&settings)?,
            settings: settings.mail.clone(),
            from: settings.mail.from.parse().context("MAIL_FROM is not a mailbox")?,
            message_domain: settings.base_domain.clone(),
            mailer: mailer.clone(),
            id: worker_id(),
        };
        let hostnames = HostnameRegistry::new(db.clone());
        let schema = graphql::build_schema(settings.graphql)
            .data(db.clone())
            .data(hostnames.clone())
            .data(mailer.clone())
            .data(settings.mail.clone())
            .data(links)
            .data(tokens.clone())
            .data(auth_limits.clone())
            .finish();
        let state = AppState {
            hostnames,
            settings: Arc::new(settings),
            db,
            schema,
            metrics: telemetry::metrics_handle(),
            tokens,
            mailer,
        };
        Ok(Self { public, internal, state, mail_worker })
    }

    pub fn public_addr(&self) -> SocketAddr {
        self.public.local_addr().expect("a bound listener has an address")
    }

    pub fn internal_addr(&self) -> SocketAddr {
        self.internal.local_addr().expect("a bound listener has an address")
    }

    /// Serves until `shutdown` completes, then stops accepting, lets in-flight requests finish
    /// (up to `SHUTDOWN_TIMEOUT`), lets the mail worker finish its sends, and closes the pool.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let Self { public, internal, state, mail_worker } = self;
        let drain_timeout = state.settings.http.shutdown_timeout;
        let db = state.db.clone();
        let (stop_tx, stop_rx) = watch::channel(false);
        let worker = tokio::spawn(mail_worker.run(stop_rx.clone()));
        let stopped = |mut rx: watch::Receiver<bool>| async move {
            let _ = rx.wait_for(|stop| *stop).await;
        };
        let public = axum::serve(
            public,
            public_router(state.clone()).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stopped(stop_rx.clone()));
        let internal = axum::serve(internal, internal_router(state).into_make_service())
            .with_graceful_shutdown(stopped(stop_rx));
        let servers = async move { tokio::try_join!(public.into_future(), internal.into_future()) };
        tokio::pin!(servers);

        tokio::select! {
            result = &mut servers => { result.context("a listener failed")?; }
            () = shutdown => {
                tracing::info!(drain_timeout_ms = drain_timeout.as_millis() as u64, "shutdown requested: draining in-flight requests");
                let _ = stop_tx.send(true);
                match tokio::time::timeout(drain_timeout, &mut servers).await {
                    Ok(result) => { result.context("a listener failed while draining")?; }
                    Err(_) => tracing::warn!("drain timed out; closing remaining connections"),
                }
            }
        }
        let _ = stop_tx.send(true);
        // The worker finishes its in-flight sends (each bounded by MAIL_SEND_TIMEOUT).
        if tokio::time::timeout(drain_timeout, worker).await.is_err() {
            tracing::warn!(
                "the mail worker did not stop in time; its claimed messages are retried after their lease"
            );
        }
        db.close().await.context("closing the database pool")?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Keeps the login/signup limiters' memory bounded.
fn spawn_limit_cleanup(limits: AuthLimits) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            limits.retain_recent();
        }
    });
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

//! Database connections for both backends, and the readiness probe.
//!
//! The sqlx pool is built here with explicit options (SQLite: WAL, busy timeout, foreign keys;
//! PostgreSQL: pool limits, timeouts, `statement_timeout`, TLS from `sslmode` in the URL) and then
//! handed to sea-orm, so nothing depends on a driver default.

mod constraint;
pub mod paging;
pub mod purge;
mod readiness;
mod sql;

pub use constraint::{ResultExt, violated};
pub use readiness::{CheckResult, Readiness, check_readiness};
pub use sql::Sql;

use std::str::FromStr;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{DatabaseConnection, SqlxPostgresConnector, SqlxSqliteConnector};
use secrecy::ExposeSecret;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::config::DatabaseSettings;

/// Opens a pool and proves it works with one round trip, within `connect_timeout`.
pub async fn connect(settings: &DatabaseSettings) -> anyhow::Result<DatabaseConnection> {
    let url = settings.url.expose_secret();
    let connection = if settings.is_sqlite() {
        let options = SqliteConnectOptions::from_str(url)
            .context("DATABASE_URL is not a valid SQLite URL")?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(settings.sqlite_busy_timeout)
            .foreign_keys(true);
        if let Some(dir) = options.get_filename().parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the SQLite directory {}", dir.display()))?;
        }
        let pool = SqlitePoolOptions::new()
            .test_before_acquire(false)
            .max_connections(settings.max_connections)
            .min_connections(settings.min_connections)
            .acquire_timeout(settings.acquire_timeout)
            .idle_timeout(settings.idle_timeout)
            .connect_with(options);
        let pool = tokio::time::timeout(settings.connect_timeout, pool)
            .await
            .context("timed out opening the SQLite database")?
            .context("cannot open the SQLite database")?;
        SqlxSqliteConnector::from_sqlx_sqlite_pool(pool)
    } else {
        let statement_timeout = format!("{}ms", settings.statement_timeout.as_millis());
        let options = PgConnectOptions::from_str(url)
            .context("DATABASE_URL is not a valid PostgreSQL URL")?
            .application_name("beacon")
            .options([("statement_timeout", statement_timeout.as_str())]);
        // No ping when a connection is taken from the pool: it cost a round trip per statement.
        // A connection that broke while idle fails its next statement and is discarded; the
        // caller's request fails once (readiness reports it) and the pool opens a fresh one.
        let pool = PgPoolOptions::new()
            .test_before_acquire(false)
            .max_connections(settings.max_connections)
            .min_connections(settings.min_connections)
            .acquire_timeout(settings.acquire_timeout)
            .idle_timeout(settings.idle_timeout)
            .connect_with(options);
        let pool = tokio::time::timeout(settings.connect_timeout, pool)
            .await
            .context("timed out connecting to PostgreSQL")?
            .context("cannot connect to PostgreSQL")?;
        SqlxPostgresConnector::from_sqlx_postgres_pool(pool)
    };
    connection.ping().await.context("the database did not answer a ping")?;
    Ok(connection)
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await.context("applying migrations failed")
}

/// Pool size and idle connections, for metrics.
pub fn pool_stats(db: &DatabaseConnection) -> (u32, usize) {
    match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
    }
}

/// Starts a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`: a deferred
/// transaction that reads first and writes later fails at once with `SQLITE_BUSY` when another
/// connection wrote in between (the busy timeout does not apply to that upgrade). PostgreSQL
/// ignores the mode.
pub async fn begin_write(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

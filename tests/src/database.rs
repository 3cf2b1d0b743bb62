//! A fresh database per test: a new SQLite file, or a new PostgreSQL database that is dropped
//! when the test ends.

use std::path::PathBuf;

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestDatabase {
    pub backend: Backend,
    /// The URL the server is given.
    pub url: String,
    /// PostgreSQL: the database name, to drop at the end.
    pg_name: Option<String>,
    _dir: Option<TempDir>,
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = TempDir::new("sqlite");
                let url = format!("sqlite://{}?mode=rwc", dir.path.join("beacon.db").display());
                Self { backend, url, pg_name: None, _dir: Some(dir) }
            }
            Backend::Postgres => {
                let name = format!("beacon_test_{}", uuid::Uuid::new_v4().simple());
                let admin = admin_connection().await;
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .unwrap_or_else(|err| panic!("cannot create test database {name}: {err}"));
                admin.close().await.ok();
                let url = with_database(&admin_url(), &name);
                Self { backend, url, pg_name: Some(name), _dir: None }
            }
        }
    }

    /// A fresh database migrated to the head by the real binary, as operators do (`server migrate`).
    pub async fn migrated(backend: Backend) -> Self {
        let database = Self::create(backend).await;
        let data_dir = TempDir::new("migrate");
        let output = std::process::Command::new(crate::server_binary())
            .arg("migrate")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", &database.url)
            .env("DATA_DIR", &data_dir.path)
            .output()
            .expect("run server migrate");
        assert!(output.status.success(), "migrate failed: {}", String::from_utf8_lossy(&output.stderr));
        database
    }

    /// A connection for arranging data and reading the catalog directly.
    pub async fn connect(&self) -> DatabaseConnection {
        let connection = Database::connect(&self.url).await.expect("connect to the test database");
        if self.backend == Backend::Sqlite {
            connection.execute_unprepared("PRAGMA foreign_keys = ON").await.expect("enable foreign keys");
        }
        connection
    }

    /// The PostgreSQL database name (for pointing a proxy at it).
    pub fn pg_name(&self) -> Option<&str> {
        self.pg_name.as_deref()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(name) = self.pg_name.take() {
            // Drop runs outside async context: use a small runtime on its own thread.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                runtime.block_on(async move {
                    let admin = admin_connection().await;
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    let _ = admin.close().await;
                });
            })
            .join();
        }
    }
}

pub fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

async fn admin_connection() -> DatabaseConnection {
    let url = admin_url();
    Database::connect(&url).await.unwrap_or_else(|err| {
        panic!(
            "PostgreSQL tests need a server: set TEST_DATABASE_URL to an admin URL or run one at \
             127.0.0.1:5432 (tests/run-all.sh starts a private cluster when it can). \
             Connecting to {url} failed: {err}"
        )
    })
}

/// Replaces the database name (the URL path) of a PostgreSQL URL.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{}", &base[..host_end], name);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// A directory removed when dropped.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new(label: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("beacon-test-{label}-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&path).expect("create temp dir");
        Self { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

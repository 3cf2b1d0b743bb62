//! Black-box test harness: starts the real `server` binary on random ports with a fresh database
//! and talks to it as clients do (HTTP, GraphQL, WebSocket).
//!
//! Every database test runs on SQLite and PostgreSQL ([`backend_tests!`]). PostgreSQL comes from
//! `TEST_DATABASE_URL` (an admin URL) or `postgres://postgres@127.0.0.1:5432/postgres`; when
//! neither answers the test FAILS with a message — it is never skipped.

mod app;
mod database;
pub mod fixtures;
pub mod in_process;
pub mod proxy;
pub mod smtp;

pub use app::{TestApp, TestAppBuilder, repo_root, server_binary};
pub use database::{Backend, TestDatabase, admin_url};
pub use in_process::InProcessApp;

/// Generates one `#[tokio::test]` per backend for each listed `async fn name(backend: Backend)`.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Backend::Sqlite).await
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Backend::Postgres).await
                }
            )*
        }
    };
}

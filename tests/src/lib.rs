//! Black-box test harness: starts the real `server` binary on random ports with a fresh database
//! and talks to it as clients do (HTTP, GraphQL, WebSocket). The tests themselves are modules of
//! one binary, `tests/api/main.rs`, so the suite links once.
//!
//! Every database test runs on SQLite and PostgreSQL ([`backend_tests!`]). PostgreSQL comes from
//! `TEST_DATABASE_URL` (an admin URL) or `postgres://postgres@127.0.0.1:5432/postgres`; when
//! neither answers the test FAILS with a message — it is never skipped.

mod app;
mod browser;
pub mod catalog;
mod database;
pub mod dns;
pub mod fixtures;
mod graphql;
pub mod in_process;
pub mod proxy;
mod signup;
pub mod smtp;
mod ws;

pub use app::{TestApp, TestAppBuilder, repo_root, server_binary};
pub use browser::Browser;
pub use database::{Backend, TempDir, TestDatabase, admin_url};
pub use dns::DnsZone;
pub use graphql::{error_code, error_fields};
pub use in_process::InProcessApp;
pub use signup::{PASSWORD, SIGN_UP};
pub use ws::GraphqlWs;

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

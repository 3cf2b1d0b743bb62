//! Break the database on purpose: readiness turns 503 with a JSON reason while liveness stays
//! 200, and both recover by themselves when the database comes back. PostgreSQL only: an
//! embedded SQLite file has no connection to lose.

use std::time::{Duration, Instant};

use beacon_tests::proxy::ChaosProxy;
use beacon_tests::{Backend, TestApp, TestDatabase};
use serde_json::Value;

async fn ready_status(app: &TestApp) -> (u16, Value) {
    let response =
        app.client.get(app.url("/health/ready")).timeout(Duration::from_secs(10)).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

async fn wait_for_status(app: &TestApp, wanted: u16) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, body) = ready_status(app).await;
        if status == wanted {
            return body;
        }
        assert!(Instant::now() < deadline, "readiness never became {wanted}; last: {status} {body}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_reports_a_lost_database_and_recovers() {
    let database = TestDatabase::create(Backend::Postgres).await;
    let upstream = admin_host_port();
    let proxy = ChaosProxy::start(upstream).await;
    let proxied_url = format!("postgres://postgres@{}/{}", proxy.addr, database.pg_name().unwrap());

    let app = TestApp::builder(Backend::Postgres)
        .env("DATABASE_ACQUIRE_TIMEOUT", "1s")
        .env("DATABASE_CONNECT_TIMEOUT", "2s")
        .database(database)
        .env("DATABASE_URL", proxied_url)
        .spawn()
        .await;
    assert_eq!(ready_status(&app).await.0, 200);

    proxy.cut().await;
    let body = wait_for_status(&app, 503).await;
    eprintln!("/health/ready with the database cut: 503 {body}");
    assert_eq!(body["status"], "unavailable");
    assert_eq!(body["checks"]["database"]["ok"], false);
    assert!(body["checks"]["database"]["reason"].is_string(), "{body}");
    // The process is alive, and says so.
    assert_eq!(app.get("/health").await.status(), 200);
    // GraphQL that needs no database keeps working.
    let (status, _) = app.graphql("{ serverInfo { version } }", Value::Null).await;
    assert_eq!(status, 200);

    proxy.restore();
    let body = wait_for_status(&app, 200).await;
    assert_eq!(body["checks"]["database"]["ok"], true, "{body}");
}

fn admin_host_port() -> std::net::SocketAddr {
    let url = beacon_tests::admin_url();
    let after_scheme = url.split("://").nth(1).unwrap();
    let authority = after_scheme.split('/').next().unwrap();
    let host_port = authority.rsplit('@').next().unwrap();
    let host_port = if host_port.contains(':') { host_port.to_owned() } else { format!("{host_port}:5432") };
    let host_port = host_port.replace("localhost", "127.0.0.1");
    host_port
        .parse()
        .unwrap_or_else(|_| panic!("TEST_DATABASE_URL must name an IP host for the proxy test: {url}"))
}

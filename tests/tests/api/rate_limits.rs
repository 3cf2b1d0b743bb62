//! Per-client-IP limits on the API: 429 with `Retry-After` and `RATE_LIMITED`, and they hold
//! under a spoofed `X-Forwarded-For` from an untrusted peer. Not a database test: SQLite only.
//! The replenish interval is an hour, so no token comes back mid-test however slow the machine.

use beacon_tests::{Backend, TestApp};
use serde_json::Value;

const QUERY: &str = "/graphql?query=%7BserverInfo%7Bversion%7D%7D";

async fn get_with_forwarded_for(app: &TestApp, forwarded_for: &str) -> reqwest::Response {
    app.client.get(app.url(QUERY)).header("x-forwarded-for", forwarded_for).send().await.unwrap()
}

#[tokio::test]
async fn api_requests_beyond_the_burst_get_429_even_with_spoofed_forwarded_for() {
    let app = TestApp::builder(Backend::Sqlite)
        .env("RATE_LIMIT_BURST", "5")
        .env("RATE_LIMIT_INTERVAL", "1h")
        .spawn()
        .await;

    // The peer (127.0.0.1) is not a trusted proxy: a new X-Forwarded-For each time changes nothing.
    let mut statuses = Vec::new();
    for i in 0..5 {
        statuses.push(get_with_forwarded_for(&app, &format!("203.0.113.{i}")).await.status().as_u16());
    }
    assert_eq!(statuses, [200; 5]);
    let throttled = get_with_forwarded_for(&app, "198.51.100.77").await;
    assert_eq!(throttled.status(), 429);
    let retry_after: u64 = throttled.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry_after >= 1);
    let body: Value = throttled.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "RATE_LIMITED", "{body}");

    // POST is limited too; health checks are not.
    let (status, _) = app.graphql("{ serverInfo { version } }", Value::Null).await;
    assert_eq!(status, 429);
    assert_eq!(app.get("/health").await.status(), 200);
    assert!(app.metrics().await.contains("http_rate_limited_total"));
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_budget() {
    let app = TestApp::builder(Backend::Sqlite)
        .env("RATE_LIMIT_BURST", "3")
        .env("RATE_LIMIT_INTERVAL", "1h")
        .env("TRUSTED_PROXIES", "127.0.0.1/32")
        .spawn()
        .await;

    // Different clients behind the proxy: each gets the full burst.
    for i in 0..6 {
        let response = get_with_forwarded_for(&app, &format!("198.51.100.{i}")).await;
        assert_eq!(response.status(), 200, "client {i}");
    }
    // One client spends its burst; prepending a fake hop does not help it.
    for _ in 0..3 {
        assert_eq!(get_with_forwarded_for(&app, "192.0.2.9").await.status(), 200);
    }
    assert_eq!(get_with_forwarded_for(&app, "6.6.6.6, 192.0.2.9").await.status(), 429);
}

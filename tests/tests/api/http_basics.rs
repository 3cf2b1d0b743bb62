//! The public listener as a browser and an operator meet it: health, request ids, security
//! headers, CORS, body limits, the SPA and one log line per request.

use beacon_tests::{Backend, TestApp, backend_tests};
use serde_json::Value;

backend_tests!(
    liveness_and_readiness_answer,
    request_ids_are_generated_or_propagated_and_logged,
    security_headers_are_strict,
    cors_allows_only_listed_origins,
    oversized_bodies_are_refused,
    internal_routes_are_not_on_the_public_listener,
);

async fn liveness_and_readiness_answer(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let live = app.get("/health").await;
    assert_eq!(live.status(), 200);
    assert_eq!(live.json::<Value>().await.unwrap()["status"], "ok");

    let ready = app.get("/health/ready").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.headers()["cache-control"], "no-store");
    let body: Value = ready.json().await.unwrap();
    assert_eq!(body["status"], "ready", "{body}");
    assert_eq!(body["checks"]["database"]["ok"], true);
    assert_eq!(body["checks"]["migrations"]["ok"], true);
}

async fn request_ids_are_generated_or_propagated_and_logged(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let generated = app.get("/health").await;
    let id = generated.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");

    let propagated =
        app.client.get(app.url("/health")).header("x-request-id", "trace-abc-123").send().await.unwrap();
    assert_eq!(propagated.headers()["x-request-id"], "trace-abc-123");

    // Exactly one structured line per request, carrying id, route, status and duration.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let lines: Vec<Value> = app
            .log_lines()
            .into_iter()
            .filter(|line| line["message"] == "request finished" && line["request_id"] == "trace-abc-123")
            .collect();
        if lines.len() == 1 {
            let line = &lines[0];
            assert_eq!(line["route"], "/health");
            assert_eq!(line["status"], 200);
            assert_eq!(line["method"], "GET");
            assert!(line["duration_ms"].is_number(), "{line}");
            assert_eq!(line["client_ip"], "127.0.0.1");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "expected one log line for the request, got {lines:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn security_headers_are_strict(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in ["/health", "/graphql?query=%7BserverInfo%7Bversion%7D%7D", "/some/client/route"] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(!csp.contains("unsafe-"), "{path}: CSP must not allow unsafe-*: {csp}");
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), "{csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(headers["referrer-policy"], "strict-origin-when-cross-origin", "{path}");
    }
    // HSTS is only meaningful in production behind TLS; development sends max-age=0.
    assert_eq!(app.get("/health").await.headers()["strict-transport-security"], "max-age=0");
}

async fn cors_allows_only_listed_origins(backend: Backend) {
    let app = TestApp::builder(backend).env("CORS_ALLOWED_ORIGINS", "https://dash.partner.io").spawn().await;
    let preflight = |origin: &'static str| {
        app.client
            .request(reqwest::Method::OPTIONS, app.url("/graphql"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let allowed = preflight("https://dash.partner.io").await.unwrap();
    assert_eq!(allowed.headers()["access-control-allow-origin"], "https://dash.partner.io");
    let denied = preflight("https://evil.example.net").await.unwrap();
    assert!(denied.headers().get("access-control-allow-origin").is_none(), "{:?}", denied.headers());
}

async fn oversized_bodies_are_refused(backend: Backend) {
    let app = TestApp::builder(backend).env("HTTP_BODY_LIMIT_BYTES", "2048").spawn().await;
    let padding = "x".repeat(4096);
    let body = serde_json::json!({ "query": format!("{{ serverInfo {{ version }} }} # {padding}") });
    let response = app.client.post(app.url("/graphql")).json(&body).send().await.unwrap();
    assert_eq!(response.status(), 413);
    // A small request still works on the same server.
    let (status, ok) = app.graphql("{ serverInfo { version } }", Value::Null).await;
    assert_eq!((status, ok["data"]["serverInfo"]["version"].is_string()), (200, true), "{ok}");
}

async fn internal_routes_are_not_on_the_public_listener(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let metrics = app.client.get(app.internal_url("/metrics")).send().await.unwrap();
    assert_eq!(metrics.status(), 200);
    // On the public listener these paths are only SPA client routes, never the real handlers.
    for path in ["/metrics", "/internal/tls/ask?domain=acme.localhost"] {
        let body = app.get(path).await.text().await.unwrap();
        assert!(!body.contains("# TYPE"), "{path} leaked metrics");
    }
}

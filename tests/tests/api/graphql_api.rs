//! The GraphQL endpoint's contract: queries over POST and GET, a mutation over GET refused,
//! limits, and a stable `extensions.code` on every error.

use beacon_tests::{Backend, TestApp, backend_tests, error_code};
use serde_json::{Value, json};

backend_tests!(
    server_info_over_post_and_get,
    mutation_over_get_is_405,
    malformed_requests_get_coded_errors,
    depth_and_complexity_limits_hold,
    batches_are_capped,
);

async fn server_info_over_post_and_get(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (status, body) = app.graphql("{ serverInfo { version apiVersion } }", Value::Null).await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["serverInfo"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(body["data"]["serverInfo"]["apiVersion"], "1");

    let get = app.get("/graphql?query=%7B%20serverInfo%20%7B%20apiVersion%20%7D%20%7D").await;
    assert_eq!(get.status(), 200);
    assert_eq!(get.headers()["cache-control"], "no-store");
    assert_eq!(get.json::<Value>().await.unwrap()["data"]["serverInfo"]["apiVersion"], "1");

    // operationName picks one of several queries, as GraphQL over HTTP specifies.
    let named = app.get("/graphql?query=query%20A%7BserverInfo%7Bversion%7D%7D%20query%20B%7BserverInfo%7BapiVersion%7D%7D&operationName=B").await;
    let body: Value = named.json().await.unwrap();
    assert_eq!(body["data"]["serverInfo"], json!({ "apiVersion": "1" }), "{body}");
}

async fn mutation_over_get_is_405(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for query in [
        "mutation%20%7B%20x%20%7D",
        "query%20A%7BserverInfo%7Bversion%7D%7D%20mutation%20B%7Bx%7D&operationName=B",
    ] {
        let response = app.get(&format!("/graphql?query={query}")).await;
        assert_eq!(response.status(), 405, "{query}");
        assert_eq!(response.headers()["allow"], "POST");
        let body: Value = response.json().await.unwrap();
        assert_eq!(error_code(&body), "BAD_REQUEST", "{body}");
    }
}

async fn malformed_requests_get_coded_errors(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let post = |body: &'static str, content_type: &'static str| {
        app.client.post(app.url("/graphql")).header("content-type", content_type).body(body).send()
    };

    // Not JSON at all.
    let response = post("{not json", "application/json").await.unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "BAD_REQUEST", "{body}");

    // A form post (what a cross-site attacker can send without a preflight) is refused.
    let response =
        post("query=%7BserverInfo%7Bversion%7D%7D", "application/x-www-form-urlencoded").await.unwrap();
    assert_eq!(response.status(), 415);

    // A query that does not parse.
    let (status, body) = app.graphql("{ serverInfo { version ", Value::Null).await;
    assert_eq!(status, 200);
    assert_eq!(error_code(&body), "GRAPHQL_PARSE_FAILED", "{body}");

    // A query that parses but names an unknown field.
    let (_, body) = app.graphql("{ serverInfo { nope } }", Value::Null).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(body["data"].is_null());

    // A mutation when the schema has none yet is a validation error, not a crash.
    let (_, body) = app.graphql("mutation { x }", Value::Null).await;
    assert!(body["errors"][0]["extensions"]["code"].is_string(), "{body}");
}

async fn depth_and_complexity_limits_hold(backend: Backend) {
    let app = TestApp::builder(backend)
        .env("GRAPHQL_MAX_DEPTH", "8")
        .env("GRAPHQL_MAX_COMPLEXITY", "40")
        .spawn()
        .await;

    // Introspection types nest arbitrarily deep. A document of nothing but introspection (what
    // GraphiQL sends) may nest as deep as its standard query needs (12 levels here) ...
    let nested = |levels: usize| {
        format!("__schema {{ types {{ {} name {} }} }}", "ofType { ".repeat(levels), "}".repeat(levels))
    };
    let (_, body) = app.graphql(&format!("{{ {} }}", nested(10)), Value::Null).await;
    assert!(body["errors"].is_null(), "{body}");
    // ... but not without bound (23 levels) ...
    let (_, body) = app.graphql(&format!("{{ {} }}", nested(21)), Value::Null).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("nested too deep"), "{body}");
    // ... and anything else keeps the configured limit of 8, even beside introspection.
    let (_, body) = app.graphql(&format!("{{ serverInfo {{ version }} {} }}", nested(10)), Value::Null).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("nested too deep"), "{body}");

    // 30 aliases of a 2-field selection exceed a complexity of 40.
    let wide: String = (0..30).map(|i| format!("a{i}: serverInfo {{ version }} ")).collect();
    let (_, body) = app.graphql(&format!("{{ {wide} }}"), Value::Null).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("too complex"), "{body}");

    // Within both limits it still works.
    let (_, body) =
        app.graphql("{ a: serverInfo { version } b: serverInfo { apiVersion } }", Value::Null).await;
    assert_eq!(body["data"]["b"]["apiVersion"], "1", "{body}");
}

async fn batches_are_capped(backend: Backend) {
    let app = TestApp::builder(backend).env("GRAPHQL_MAX_BATCH", "3").spawn().await;
    let batch =
        |n: usize| Value::Array((0..n).map(|_| json!({ "query": "{ serverInfo { version } }" })).collect());

    let ok = app.client.post(app.url("/graphql")).json(&batch(3)).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    let body: Value = ok.json().await.unwrap();
    assert_eq!(body.as_array().map(Vec::len), Some(3), "{body}");

    let too_many = app.client.post(app.url("/graphql")).json(&batch(4)).send().await.unwrap();
    assert_eq!(too_many.status(), 400);
    let body: Value = too_many.json().await.unwrap();
    assert_eq!(error_code(&body), "BAD_REQUEST", "{body}");
}

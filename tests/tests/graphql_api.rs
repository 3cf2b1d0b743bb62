//! The GraphQL endpoint's contract: queries over POST and GET, a mutation over GET refused,
//! limits, and a stable `extensions.code` on every error.

use beacon_tests::{Backend, TestApp, backend_tests};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

backend_tests!(
    server_info_over_post_and_get,
    mutation_over_get_is_405,
    malformed_requests_get_coded_errors,
    depth_and_complexity_limits_hold,
    batches_are_capped,
    websocket_acknowledges_init_and_checks_origin,
);

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or_else(|| panic!("no error code in {body}"))
}

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
        assert_eq!(code(&body), "BAD_REQUEST");
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
    assert_eq!(code(&response.json().await.unwrap()), "BAD_REQUEST");

    // A form post (what a cross-site attacker can send without a preflight) is refused.
    let response =
        post("query=%7BserverInfo%7Bversion%7D%7D", "application/x-www-form-urlencoded").await.unwrap();
    assert_eq!(response.status(), 415);

    // A query that does not parse.
    let (status, body) = app.graphql("{ serverInfo { version ", Value::Null).await;
    assert_eq!(status, 200);
    assert_eq!(code(&body), "GRAPHQL_PARSE_FAILED", "{body}");

    // A query that parses but names an unknown field.
    let (_, body) = app.graphql("{ serverInfo { nope } }", Value::Null).await;
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
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
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("nested too deep"), "{body}");
    // ... and anything else keeps the configured limit of 8, even beside introspection.
    let (_, body) = app.graphql(&format!("{{ serverInfo {{ version }} {} }}", nested(10)), Value::Null).await;
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("nested too deep"), "{body}");

    // 30 aliases of a 2-field selection exceed a complexity of 40.
    let wide: String = (0..30).map(|i| format!("a{i}: serverInfo {{ version }} ")).collect();
    let (_, body) = app.graphql(&format!("{{ {wide} }}"), Value::Null).await;
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
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
    assert_eq!(code(&too_many.json().await.unwrap()), "BAD_REQUEST");
}

async fn websocket_acknowledges_init_and_checks_origin(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ws_url = format!("ws://{}/graphql/ws", app.public);

    let mut request = ws_url.as_str().into_client_request().unwrap();
    request.headers_mut().insert("sec-websocket-protocol", "graphql-transport-ws".parse().unwrap());
    request.headers_mut().insert("origin", format!("http://{}", app.public).parse().unwrap());
    let (mut socket, response) =
        tokio_tungstenite::connect_async(request).await.expect("same-origin upgrade");
    assert_eq!(response.headers()["sec-websocket-protocol"], "graphql-transport-ws");
    socket
        .send(Message::Text(json!({ "type": "connection_init", "payload": {} }).to_string().into()))
        .await
        .unwrap();
    let ack = tokio::time::timeout(std::time::Duration::from_secs(5), socket.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let ack: Value = serde_json::from_str(ack.to_text().unwrap()).unwrap();
    assert_eq!(ack["type"], "connection_ack");

    let mut foreign = ws_url.as_str().into_client_request().unwrap();
    foreign.headers_mut().insert("sec-websocket-protocol", "graphql-transport-ws".parse().unwrap());
    foreign.headers_mut().insert("origin", "https://evil.example.net".parse().unwrap());
    match tokio_tungstenite::connect_async(foreign).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 403)
        }
        other => panic!("a foreign origin must be refused, got {:?}", other.map(|(_, r)| r.status())),
    }
}

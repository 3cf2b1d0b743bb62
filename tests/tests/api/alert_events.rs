//! Alert events beyond down and up, black-box, both backends, against local receivers: an
//! expiring TLS certificate (a real TLS server whose certificate ends in 5 days) reaches the
//! channels routed to certificates and to degradations, once, and its renewal closes what it
//! opened at PagerDuty; status page incident updates reach the channels that follow an affected
//! monitor (by id, tag or every monitor) and no other; a channel keeps its provider's pace
//! (Slack: one message a second) without using up attempts, and a receiver's `Retry-After`
//! holds every delivery to that channel; a recovery waits for its outage's down alert, so
//! PagerDuty never resolves before it triggered.

use std::time::Duration as StdDuration;

use beacon_tests::{Backend, InProcessApp, backend_tests};
use serde_json::{Value, json};

use super::alerting::{ROUTE, Received, Sink, channel, deliveries, newest_until};
use super::monitoring::{advance_and_tick, create, engine_app, http_target, monitor, owner};
use super::monitoring_kinds::{ca, tls_site};

backend_tests!(
    expiring_certificates_reach_their_routes_once_and_renewal_closes_them,
    status_page_incident_updates_reach_the_channels_of_affected_monitors,
    channels_keep_their_providers_pace_and_a_retry_after_holds_the_channel,
    a_recovery_never_overtakes_its_down_alert,
    a_slow_monitor_is_degraded_and_its_channels_hear_it
);

async fn route(app: &InProcessApp, token: &str, channel: &str, input: Value) {
    let body = app.graphql_as(token, ROUTE, json!({ "id": channel, "input": input })).await;
    assert!(body["errors"].is_null(), "{body}");
}

fn at(received: &[Received], path: &str) -> Vec<Value> {
    received.iter().filter(|r| r.path == path).map(Received::json).collect()
}

/// The channel's log once all `count` deliveries are marked delivered (bounded wait: a send is
/// marked just after the receiver got it).
async fn delivered(app: &InProcessApp, token: &str, channel: &str, count: usize) -> Vec<Value> {
    for _ in 0..100 {
        let log = deliveries(app, token, channel).await;
        if log.len() == count && log.iter().all(|d| d["status"] == "DELIVERED") {
            return log;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    panic!("not all delivered: {:?}", deliveries(app, token, channel).await);
}

/// Waits a little and returns what arrived (for "nothing more arrived" checks).
async fn settle(sink: &Sink) -> Vec<Received> {
    tokio::time::sleep(StdDuration::from_millis(400)).await;
    sink.received()
}

async fn expiring_certificates_reach_their_routes_once_and_renewal_closes_them(backend: Backend) {
    let trusted = ca("Beacon events CA");
    let (ca_dir, ca_file) = trusted.write_pem();
    let env =
        [("SCHEDULER_ENABLED", "false"), ("ALLOW_PRIVATE_TARGETS", "true"), ("CHECK_CA_FILE", &ca_file)];
    let app = InProcessApp::spawn(backend, &env).await;
    let token = owner(&app, "acme-certs").await;
    let sink = Sink::start().await;
    let expiring_port = tls_site(&trusted, -80, 5).await;
    let renewed_port = tls_site(&trusted, -1, 90).await;
    let site = create(
        &app,
        &token,
        json!({ "name": "Shop TLS", "intervalSeconds": 60, "failureThreshold": 1,
                "tls": { "host": "127.0.0.1", "port": expiring_port, "warnDays": 14 } }),
    )
    .await;
    let hook = |name: &str, path: &str| json!({ "name": name, "kind": "WEBHOOK", "url": format!("{}/{path}", sink.base) });
    let (certs, _) = channel(&app, &token, hook("Certificates", "certs")).await;
    let (degraded, _) = channel(&app, &token, hook("Degradations", "degraded")).await;
    let (outages, _) = channel(&app, &token, hook("Outages", "outages")).await;
    let (pager, _) = channel(
        &app,
        &token,
        json!({ "name": "PD", "kind": "PAGER_DUTY", "token": "KEY", "url": sink.base }),
    )
    .await;
    let all = |events: Value| json!({ "allMonitors": true, "events": events });
    route(&app, &token, &certs, all(json!(["CERTIFICATE_EXPIRING"]))).await;
    route(&app, &token, &degraded, all(json!(["DEGRADED"]))).await;
    route(&app, &token, &outages, all(json!(["DOWN", "UP"]))).await;
    route(
        &app,
        &token,
        &pager,
        json!({ "allMonitors": false, "monitorIds": [site], "events": ["CERTIFICATE_EXPIRING"] }),
    )
    .await;

    // The first check sees a certificate ending in 5 days (warning window 14): DEGRADED, and
    // one message to each channel that follows certificates or degradations.
    assert_eq!(advance_and_tick(&app, 61).await, 1);
    assert_eq!(monitor(&app, &token, &site).await["status"], "DEGRADED");
    let received = sink.wait_for(3).await;
    let expiring = &at(&received, "/certs")[0];
    assert_eq!(expiring["type"], "certificate.expiring", "{expiring}");
    assert_eq!(expiring["data"]["monitor"]["name"], "Shop TLS");
    let degradation = &expiring["data"]["degradation"];
    assert!(degradation["reason"].as_str().unwrap().starts_with("certificate expires in"), "{degradation}");
    let expires = chrono::DateTime::parse_from_rfc3339(degradation["certificateExpiresAt"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    let days = (expires - chrono::Utc::now()).num_hours() as f64 / 24.0;
    assert!((4.0..=5.0).contains(&days), "the certificate's own expiry: {expires}");
    assert_eq!(
        at(&received, "/degraded")[0]["type"],
        "certificate.expiring",
        "a certificate is a degradation"
    );
    let trigger = &at(&received, "/v2/enqueue")[0];
    assert_eq!(
        (trigger["event_action"].as_str(), trigger["payload"]["severity"].as_str()),
        (Some("trigger"), Some("warning")),
        "{trigger}"
    );

    // Still degraded at the next checks: nothing new anywhere.
    assert_eq!(advance_and_tick(&app, 60).await + advance_and_tick(&app, 60).await, 2);
    let received = settle(&sink).await;
    assert_eq!(received.len(), 3, "{:?}", received.iter().map(|r| &r.path).collect::<Vec<_>>());
    assert_eq!(deliveries(&app, &token, &certs).await.len(), 1);

    // Renewed (the monitor now reaches a certificate valid for 90 days): UP, and the end goes
    // where the start went; PagerDuty resolves the alert it opened.
    let renew = "mutation($id: ID!, $port: Int!) { updateMonitor(id: $id, input: { tls: { host: \"127.0.0.1\", port: $port, warnDays: 14 } }) { id } }";
    let body = app.graphql_as(&token, renew, json!({ "id": site, "port": renewed_port })).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    assert_eq!(monitor(&app, &token, &site).await["status"], "UP");
    let received = sink.wait_for(6).await;
    assert_eq!(at(&received, "/certs")[1]["type"], "certificate.renewed");
    assert_eq!(at(&received, "/degraded")[1]["type"], "certificate.renewed");
    let resolve = &at(&received, "/v2/enqueue")[1];
    assert_eq!(resolve["event_action"], "resolve", "{resolve}");
    assert_eq!(resolve["dedup_key"], trigger["dedup_key"]);
    assert!(trigger["dedup_key"].as_str().unwrap().starts_with("beacon-degraded-"), "{trigger}");
    // The outage channel heard none of it; the delivery log names the event and the message.
    assert!(deliveries(&app, &token, &outages).await.is_empty());
    let log = deliveries(&app, &token, &certs).await;
    let kinds: Vec<(&str, &str)> =
        log.iter().map(|d| (d["event"].as_str().unwrap(), d["type"].as_str().unwrap())).collect();
    assert_eq!(kinds, [("CERTIFICATE", "certificate.renewed"), ("CERTIFICATE", "certificate.expiring")]);
    let settled = settle(&sink).await;
    assert_eq!(settled.len(), 6, "healthy checks after the renewal send nothing");
    app.shutdown().await;
    let _ = std::fs::remove_dir_all(ca_dir);
}

async fn status_page_incident_updates_reach_the_channels_of_affected_monitors(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-news").await;
    let sink = Sink::start().await;
    let beat = |name: &str, tags: Value| json!({ "name": name, "tags": tags, "heartbeat": { "graceSeconds": 3600 } });
    let api = create(&app, &token, beat("API", json!(["core"]))).await;
    let web = create(&app, &token, beat("Website", json!([]))).await;
    let billing = create(&app, &token, beat("Billing", json!([]))).await;
    let body = app
        .graphql_as(
            &token,
            "mutation($input: StatusPageInput!) { createStatusPage(input: $input) { id } }",
            json!({ "input": { "title": "Acme status" } }),
        )
        .await;
    let page = body["data"]["createStatusPage"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let body = app
        .graphql_as(
            &token,
            "mutation($id: ID!, $components: [StatusPageComponentInput!]!) { setStatusPageComponents(id: $id, components: $components) { components { id } } }",
            json!({ "id": page, "components": [{ "monitorId": api, "name": "API" }, { "monitorId": web, "name": "Website" }] }),
        )
        .await;
    let api_component = body["data"]["setStatusPageComponents"]["components"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();

    let hook = |name: &str, path: &str| json!({ "name": name, "kind": "WEBHOOK", "url": format!("{}/{path}", sink.base) });
    let (everyone, _) = channel(&app, &token, hook("Everything", "all")).await;
    let (core, _) = channel(&app, &token, hook("Core team", "core")).await;
    let (billing_team, _) = channel(&app, &token, hook("Billing team", "billing")).await;
    let (outages, _) = channel(&app, &token, hook("Outages only", "outages")).await;
    let (pager, _) = channel(
        &app,
        &token,
        json!({ "name": "PD", "kind": "PAGER_DUTY", "token": "KEY", "url": sink.base }),
    )
    .await;
    route(&app, &token, &everyone, json!({ "allMonitors": true, "events": ["INCIDENT_UPDATE"] })).await;
    route(
        &app,
        &token,
        &core,
        json!({ "allMonitors": false, "tags": ["core"], "events": ["INCIDENT_UPDATE"] }),
    )
    .await;
    route(
        &app,
        &token,
        &billing_team,
        json!({ "allMonitors": false, "monitorIds": [billing], "events": ["INCIDENT_UPDATE"] }),
    )
    .await;
    route(&app, &token, &outages, json!({ "allMonitors": true, "events": ["DOWN", "UP"] })).await;
    route(
        &app,
        &token,
        &pager,
        json!({ "allMonitors": false, "monitorIds": [api], "events": ["INCIDENT_UPDATE"] }),
    )
    .await;

    // An incident on the API component: every-monitor, the API's tag and the API's own route
    // hear it; the billing route and the outage-only channel do not.
    let open = "mutation($page: ID!, $input: CreateStatusIncidentInput!) { createStatusIncident(pageId: $page, input: $input) { id } }";
    let input = json!({ "title": "Elevated API errors", "message": "We are looking into errors on the API.",
        "components": [{ "componentId": api_component, "impact": "MAJOR" }] });
    let body = app.graphql_as(&token, open, json!({ "page": page, "input": input })).await;
    let incident =
        body["data"]["createStatusIncident"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let received = sink.wait_for(3).await;
    let told = &at(&received, "/all")[0];
    assert_eq!(told["type"], "incident.update", "{told}");
    assert_eq!(
        told["data"]["statusIncident"],
        json!({ "id": incident, "title": "Elevated API errors", "status": "investigating",
                "message": "We are looking into errors on the API.", "pageUrl": told["data"]["statusIncident"]["pageUrl"] })
    );
    assert!(told["data"]["statusIncident"]["pageUrl"].as_str().unwrap().starts_with("http"), "{told}");
    assert_eq!(at(&received, "/core").len(), 1, "the tag route follows the API");
    let trigger = &at(&received, "/v2/enqueue")[0];
    assert_eq!(
        (trigger["event_action"].as_str(), trigger["payload"]["severity"].as_str()),
        (Some("trigger"), Some("info"))
    );

    // Resolved: the same channels hear it, and PagerDuty closes what the incident opened.
    let post = "mutation($id: ID!, $input: StatusIncidentUpdateInput!) { postStatusIncidentUpdate(id: $id, input: $input) { status } }";
    let body = app
        .graphql_as(
            &token,
            post,
            json!({ "id": incident, "input": { "status": "RESOLVED", "message": "Fixed." } }),
        )
        .await;
    assert_eq!(body["data"]["postStatusIncidentUpdate"]["status"], "RESOLVED", "{body}");
    // PagerDuty's pace (120 events a minute per routing key) holds its second event half a
    // second after the first; the manual clock passes it.
    app.clock.advance(chrono::Duration::seconds(1));
    let received = sink.wait_for(6).await;
    assert_eq!(at(&received, "/all")[1]["data"]["statusIncident"]["status"], "resolved");
    assert_eq!(at(&received, "/core")[1]["data"]["statusIncident"]["message"], "Fixed.");
    let resolve = &at(&received, "/v2/enqueue")[1];
    assert_eq!(resolve["event_action"], "resolve");
    assert_eq!(resolve["dedup_key"], trigger["dedup_key"]);
    let settled = settle(&sink).await;
    assert_eq!(settled.len(), 6);
    assert!(deliveries(&app, &token, &billing_team).await.is_empty());
    assert!(deliveries(&app, &token, &outages).await.is_empty());
    let log = deliveries(&app, &token, &everyone).await;
    assert!(log.iter().all(|d| d["event"] == "INCIDENT" && d["type"] == "incident.update"), "{log:?}");
    app.shutdown().await;
}

async fn channels_keep_their_providers_pace_and_a_retry_after_holds_the_channel(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-pace").await;
    let sink = Sink::start().await;
    let test = "mutation($id: ID!) { testAlertChannel(id: $id) { id } }";

    // Slack allows one message a second per webhook: three at once go out a second apart.
    let (slack, _) = channel(
        &app,
        &token,
        json!({ "name": "Slack", "kind": "SLACK", "url": format!("{}/slack", sink.base) }),
    )
    .await;
    for _ in 0..3 {
        assert!(app.graphql_as(&token, test, json!({ "id": slack })).await["errors"].is_null());
    }
    sink.wait_for(1).await;
    assert_eq!(settle(&sink).await.len(), 1, "one message in the first second");
    let log = deliveries(&app, &token, &slack).await;
    let queued: Vec<&Value> = log.iter().filter(|d| d["status"] == "QUEUED").collect();
    assert_eq!(queued.len(), 2, "{log:?}");
    assert!(
        queued.iter().all(|d| d["attempts"] == 0 && d["attemptLog"] == json!([])),
        "waiting is not an attempt: {log:?}"
    );
    app.clock.advance(chrono::Duration::milliseconds(1000));
    sink.wait_for(2).await;
    assert_eq!(settle(&sink).await.len(), 2, "the second a second later");
    app.clock.advance(chrono::Duration::milliseconds(1000));
    sink.wait_for(3).await;
    let log = delivered(&app, &token, &slack, 3).await;
    assert!(log.iter().all(|d| d["attempts"] == 1), "{log:?}");

    // A webhook (no pace of its own) answers 429 with Retry-After 60 (longer than the first
    // backoff): the refused message and the one queued after it both wait the 60 s.
    let (hook, _) = channel(
        &app,
        &token,
        json!({ "name": "Hook", "kind": "WEBHOOK", "url": format!("{}/hook", sink.base) }),
    )
    .await;
    sink.answer("/hook", 429, Some(60));
    assert!(app.graphql_as(&token, test, json!({ "id": hook })).await["errors"].is_null());
    sink.wait_for(4).await;
    newest_until(&app, &token, &hook, |d| d["attempts"] == 1 && d["status"] == "QUEUED").await;
    assert!(app.graphql_as(&token, test, json!({ "id": hook })).await["errors"].is_null());
    app.clock.advance(chrono::Duration::seconds(10));
    assert_eq!(settle(&sink).await.len(), 4, "nothing reaches the channel within its Retry-After");
    app.clock.advance(chrono::Duration::seconds(51));
    sink.wait_for(6).await;
    let log = delivered(&app, &token, &hook, 2).await;
    let attempts: Vec<i64> = log.iter().map(|d| d["attempts"].as_i64().unwrap()).collect();
    assert_eq!(attempts, [1, 2], "the held message used no attempt; the refused one two");
    app.shutdown().await;
}

async fn a_recovery_never_overtakes_its_down_alert(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-order").await;
    let (sink, target) = (Sink::start().await, http_target().await);
    let (pager, _) = channel(
        &app,
        &token,
        json!({ "name": "PD", "kind": "PAGER_DUTY", "token": "KEY", "url": sink.base }),
    )
    .await;
    route(&app, &token, &pager, json!({ "allMonitors": true, "events": ["DOWN", "UP"] })).await;
    create(
        &app,
        &token,
        json!({ "name": "API", "intervalSeconds": 60, "failureThreshold": 1, "http": { "url": target.url } }),
    )
    .await;
    advance_and_tick(&app, 1).await;
    advance_and_tick(&app, 60).await;

    // Down; PagerDuty is busy (503, Retry-After 120). The monitor recovers meanwhile.
    sink.answer("/v2/enqueue", 503, Some(120));
    target.status.store(500, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    sink.wait_for(1).await;
    // The refusal is recorded (its retry time is counted from the clock as it stands then).
    newest_until(&app, &token, &pager, |d| d["attempts"] == 1 && d["status"] == "QUEUED").await;
    target.status.store(200, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    assert_eq!(settle(&sink).await.len(), 1, "the resolve waits for the trigger");
    let log = deliveries(&app, &token, &pager).await;
    assert_eq!(log[0]["type"], "monitor.up");
    assert_eq!(
        (log[0]["status"].as_str(), log[0]["attempts"].as_i64()),
        (Some("QUEUED"), Some(0)),
        "{log:?}"
    );

    // Once PagerDuty takes the trigger, the resolve follows it.
    app.clock.advance(chrono::Duration::seconds(61));
    sink.wait_for(2).await;
    delivered_one(&app, &token, &pager, "monitor.down").await;
    app.clock.advance(chrono::Duration::seconds(2));
    let received = sink.wait_for(3).await;
    let actions: Vec<Value> =
        at(&received, "/v2/enqueue").iter().map(|r| r["event_action"].clone()).collect();
    assert_eq!(actions, [json!("trigger"), json!("trigger"), json!("resolve")]);
    app.shutdown().await;
}

/// Waits until the channel's delivery of `kind` is delivered (bounded).
async fn delivered_one(app: &InProcessApp, token: &str, channel: &str, kind: &str) {
    for _ in 0..100 {
        let log = deliveries(app, token, channel).await;
        if log.iter().any(|d| d["type"] == kind && d["status"] == "DELIVERED") {
            return;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    panic!("{kind} never delivered: {:?}", deliveries(app, token, channel).await);
}

/// A local target that answers 200 after `delay` milliseconds.
async fn slow_target() -> (String, std::sync::Arc<std::sync::atomic::AtomicU64>) {
    let delay = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let shared = delay.clone();
    let app = axum::Router::new().route(
        "/health",
        axum::routing::get(move || {
            let wait = shared.load(std::sync::atomic::Ordering::SeqCst);
            async move {
                tokio::time::sleep(StdDuration::from_millis(wait)).await;
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/health", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, delay)
}

async fn a_slow_monitor_is_degraded_and_its_channels_hear_it(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-slow").await;
    let sink = Sink::start().await;
    let (url, delay) = slow_target().await;
    let create_monitor =
        "mutation($input: CreateMonitorInput!) { createMonitor(input: $input) { id degradedResponseMs } }";
    let too_slow =
        json!({ "name": "API", "timeoutSeconds": 5, "degradedResponseMs": 6000, "http": { "url": url } });
    let body = app.graphql_as(&token, create_monitor, json!({ "input": too_slow })).await;
    assert_eq!(super::monitoring::fields(&body), ["degradedResponseMs"], "at most the timeout");
    let input = json!({ "name": "API", "intervalSeconds": 60, "timeoutSeconds": 5, "degradedResponseMs": 1000, "http": { "url": url } });
    let body = app.graphql_as(&token, create_monitor, json!({ "input": input })).await;
    assert_eq!(body["data"]["createMonitor"]["degradedResponseMs"], 1000, "{body}");
    let api = body["data"]["createMonitor"]["id"].as_str().unwrap().to_owned();
    let hook = |name: &str, path: &str| json!({ "name": name, "kind": "WEBHOOK", "url": format!("{}/{path}", sink.base) });
    let (degraded, _) = channel(&app, &token, hook("Degradations", "degraded")).await;
    let (certs, _) = channel(&app, &token, hook("Certificates", "certs")).await;
    route(&app, &token, &degraded, json!({ "allMonitors": true, "events": ["DEGRADED"] })).await;
    route(&app, &token, &certs, json!({ "allMonitors": true, "events": ["CERTIFICATE_EXPIRING"] })).await;
    assert_eq!(advance_and_tick(&app, 61).await, 1);
    assert_eq!(monitor(&app, &token, &api).await["status"], "UP");

    // 1.5 s against a limit of 1 s: degraded, once; the certificate channel hears nothing.
    delay.store(1500, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    let state = monitor(&app, &token, &api).await;
    assert_eq!(state["status"], "DEGRADED", "{state}");
    let received = sink.wait_for(1).await;
    let notice = &at(&received, "/degraded")[0];
    assert_eq!(notice["type"], "monitor.degraded", "{notice}");
    let reason = notice["data"]["degradation"]["reason"].as_str().unwrap();
    assert!(reason.starts_with("responded in ") && reason.ends_with("ms (slower than 1000 ms)"), "{reason}");
    assert!(notice["data"]["degradation"]["certificateExpiresAt"].is_null(), "{notice}");
    assert_eq!(advance_and_tick(&app, 60).await, 1, "still slow");

    // Fast again: healthy, announced to the same channel.
    delay.store(0, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    assert_eq!(monitor(&app, &token, &api).await["status"], "UP");
    let received = sink.wait_for(2).await;
    assert_eq!(at(&received, "/degraded")[1]["type"], "monitor.healthy");
    assert_eq!(settle(&sink).await.len(), 2);
    assert!(deliveries(&app, &token, &certs).await.is_empty());
    let log = deliveries(&app, &token, &degraded).await;
    assert!(log.iter().all(|d| d["event"] == "DEGRADED"), "{log:?}");
    app.shutdown().await;
}

//! Alerting, black-box, both backends: channels keep their secrets (never in answers, audit rows
//! or the table in clear); "send test" reaches a local sink signed per Standard Webhooks, checked
//! by an independent implementation (the `standardwebhooks` package from PyPI); a monitor going
//! down notifies the channels routed to it once, PagerDuty's trigger and resolve share a dedup
//! key, a 503 with `Retry-After` is retried after it and delivered once with the same webhook id.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use beacon_tests::fixtures::{access_token, insert_member};
use beacon_tests::{Backend, InProcessApp, backend_tests};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use super::monitoring::{advance_and_tick, create, engine_app, fields, http_target, owner};

backend_tests!(
    channels_keep_their_secrets_and_tests_arrive_signed,
    outages_reach_routed_channels_once_and_retries_honour_retry_after,
    dead_deliveries_keep_their_errors_and_go_again_on_request,
    destinations_pass_the_ssrf_guard,
    every_provider_reaches_its_sink_in_its_documented_shape,
    tag_routes_follow_every_monitor_with_the_tag
);

/// A request the sink received.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Received {
    pub(crate) fn header(&self, name: &str) -> &str {
        self.headers.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str())
    }

    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// A local receiver: records every request; answers the queued statuses first, then 200.
#[derive(Clone)]
pub(crate) struct Sink {
    pub(crate) base: String,
    received: Arc<Mutex<Vec<Received>>>,
    answers: Answers,
}

/// Per path, the statuses (and `Retry-After` seconds) to answer before the default 200.
type Answers = Arc<Mutex<HashMap<String, VecDeque<(u16, Option<u64>)>>>>;

impl Sink {
    pub(crate) async fn start() -> Self {
        let received = Arc::new(Mutex::new(Vec::new()));
        let answers: Answers = Arc::default();
        let (log, queue) = (received.clone(), answers.clone());
        let app = axum::Router::new().fallback(move |request: axum::extract::Request| {
            let (log, queue) = (log.clone(), queue.clone());
            async move {
                let (parts, body) = request.into_parts();
                let body = axum::body::to_bytes(body, 1 << 20).await.unwrap_or_default();
                log.lock().unwrap().push(Received {
                    method: parts.method.to_string(),
                    path: parts.uri.to_string(),
                    headers: parts
                        .headers
                        .iter()
                        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap_or_default().to_owned()))
                        .collect(),
                    body: String::from_utf8_lossy(&body).into_owned(),
                });
                let path = parts.uri.path().to_owned();
                let next = queue.lock().unwrap().get_mut(&path).and_then(VecDeque::pop_front);
                let (status, retry_after) = next.unwrap_or((200, None));
                let mut response = axum::response::Response::new(axum::body::Body::from("ok"));
                *response.status_mut() = axum::http::StatusCode::from_u16(status).unwrap();
                if let Some(seconds) = retry_after {
                    response.headers_mut().insert("retry-after", seconds.to_string().parse().unwrap());
                }
                response
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { base, received, answers }
    }

    pub(crate) fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    pub(crate) fn answer(&self, path: &str, status: u16, retry_after: Option<u64>) {
        self.answers.lock().unwrap().entry(path.to_owned()).or_default().push_back((status, retry_after));
    }

    /// Waits (bounded) until `count` requests arrived; the runner sends on its own schedule.
    pub(crate) async fn wait_for(&self, count: usize) -> Vec<Received> {
        for _ in 0..200 {
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            tokio::time::sleep(StdDuration::from_millis(50)).await;
        }
        panic!("the sink got {} request(s), expected {count}", self.received().len());
    }
}

const CREATE: &str = "mutation($input: AlertChannelInput!) { createAlertChannel(input: $input) { \
    signingSecret channel { id name kind url hasSecret } } }";
const CHANNELS: &str =
    "{ alertChannels { id name kind url recipient hasSecret routing { allMonitors monitorIds events } } }";
const TEST: &str = "mutation($id: ID!) { testAlertChannel(id: $id) { id event status } }";
const DELIVERIES: &str = "query($id: ID!) { alertDeliveries(channelId: $id) { nodes { id event type status attempts \
    lastStatusCode lastError nextAttemptAt attemptLog { attempt statusCode error } } } }";
pub(crate) const ROUTE: &str = "mutation($id: ID!, $input: AlertRoutingInput!) { setAlertChannelRouting(id: $id, input: $input) { \
    routing { allMonitors monitorIds events } } }";

pub(crate) async fn channel(app: &InProcessApp, token: &str, input: Value) -> (String, Value) {
    let body = app.graphql_as(token, CREATE, json!({ "input": input })).await;
    let id = body["data"]["createAlertChannel"]["channel"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    (id, body)
}

pub(crate) async fn deliveries(app: &InProcessApp, token: &str, channel: &str) -> Vec<Value> {
    let body = app.graphql_as(token, DELIVERIES, json!({ "id": channel })).await;
    body["data"]["alertDeliveries"]["nodes"].as_array().cloned().unwrap_or_else(|| panic!("{body}"))
}

/// Polls the delivery log until `ready` holds for the newest delivery (bounded).
pub(crate) async fn newest_until(
    app: &InProcessApp,
    token: &str,
    channel: &str,
    ready: impl Fn(&Value) -> bool,
) -> Value {
    for _ in 0..200 {
        if let Some(newest) = deliveries(app, token, channel).await.first()
            && ready(newest)
        {
            return newest.clone();
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    panic!("the delivery never got there: {:?}", deliveries(app, token, channel).await);
}

/// The Standard Webhooks check of the reference Python implementation: `verify` (signature and
/// a timestamp within its five-minute tolerance of the real clock).
fn verified_by_standardwebhooks(secret: &str, request: &Received) -> bool {
    standardwebhooks(secret, request, "verify")
}

/// Whether one of the request's signatures is the one the reference implementation computes
/// for its id, timestamp and body (no tolerance: for requests sent on a moved clock).
fn signed_by(secret: &str, request: &Received) -> bool {
    standardwebhooks(secret, request, "sign")
}

fn standardwebhooks(secret: &str, request: &Received, mode: &str) -> bool {
    let script = r#"
import json, sys
from datetime import datetime, timezone
from standardwebhooks.webhooks import Webhook
secret, mode, body, headers = sys.argv[1], sys.argv[2], sys.stdin.read(), json.loads(sys.argv[3])
hook = Webhook(secret)
if mode == "verify":
    hook.verify(body, headers)
else:
    at = datetime.fromtimestamp(int(headers["webhook-timestamp"]), tz=timezone.utc)
    expected = hook.sign(headers["webhook-id"], at, body)
    sys.exit(0 if expected in headers["webhook-signature"].split(" ") else 1)
"#;
    let headers = json!({
        "webhook-id": request.header("webhook-id"),
        "webhook-timestamp": request.header("webhook-timestamp"),
        "webhook-signature": request.header("webhook-signature"),
    });
    let mut child = std::process::Command::new("python3")
        .args(["-c", script, secret, mode, &headers.to_string()])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("python3 (with `pip install standardwebhooks`, as tests/run-all.sh does)");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(request.body.as_bytes()).unwrap();
    child.wait().unwrap().success()
}

async fn channels_keep_their_secrets_and_tests_arrive_signed(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-alerts").await;
    let sink = Sink::start().await;
    let db = app.database.connect().await;
    let tenant = entity::tenants::Entity::find()
        .filter(entity::tenants::Column::Slug.eq("acme-alerts"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let member =
        insert_member(&db, tenant.id, "member@acme-alerts.test", entity::memberships::Role::Member).await;
    let member = access_token(&db, member, tenant.id, "member").await;

    // Admins manage channels; input is checked per kind.
    let webhook =
        json!({ "name": "Ops webhook", "kind": "WEBHOOK", "url": format!("{}/hooks/beacon", sink.base) });
    let body = app.graphql_as(&member, CREATE, json!({ "input": webhook })).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN", "{body}");
    let bad = app
        .graphql_as(&token, CREATE, json!({ "input": { "name": "", "kind": "TELEGRAM", "priority": 3 } }))
        .await;
    assert_eq!(fields(&bad), ["name", "recipient", "token", "priority"]);

    let (hook, body) = channel(&app, &token, webhook).await;
    let secret = body["data"]["createAlertChannel"]["signingSecret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"), "{body}");
    let slack_url = format!("{}/services/T000/B000/SLACKTOKEN", sink.base);
    let (slack, body) =
        channel(&app, &token, json!({ "name": "Slack", "kind": "SLACK", "url": slack_url })).await;
    assert_eq!(
        body["data"]["createAlertChannel"]["channel"]["url"],
        format!("{}/…", sink.base),
        "origin only: {body}"
    );
    assert_eq!(body["data"]["createAlertChannel"]["signingSecret"], Value::Null);
    let (_, body) = channel(
        &app,
        &token,
        json!({ "name": "PD", "kind": "PAGER_DUTY", "token": "PDROUTINGKEY", "url": sink.base }),
    )
    .await;
    assert!(!body.to_string().contains("PDROUTINGKEY"), "{body}");

    // Never in an answer, an audit row, or the table in clear.
    let listed = app.graphql_as(&member, CHANNELS, Value::Null).await;
    assert_eq!(listed["data"]["alertChannels"].as_array().map(Vec::len), Some(3), "members read: {listed}");
    let audit =
        app.graphql_as(&token, "{ auditEvents(first: 50) { nodes { action changes } } }", Value::Null).await;
    let stored = entity::alert_channels::Entity::find().all(&db).await.unwrap();
    for text in [listed.to_string(), audit.to_string(), format!("{stored:?}")] {
        for secret in [&secret["whsec_".len()..], "SLACKTOKEN", "PDROUTINGKEY"] {
            assert!(!text.contains(secret), "{secret} leaked into {text}");
        }
    }
    assert!(audit.to_string().contains("alert_channel.created"), "{audit}");

    // "Send test": a signed webhook, Slack's Block Kit, both logged as delivered.
    let body = app.graphql_as(&member, TEST, json!({ "id": hook })).await;
    assert_eq!(body["data"]["testAlertChannel"]["event"], "TEST", "{body}");
    assert!(app.graphql_as(&token, TEST, json!({ "id": slack })).await["errors"].is_null());
    let received = sink.wait_for(2).await;
    let signed = received.iter().find(|r| r.path == "/hooks/beacon").expect("the webhook");
    assert_eq!(signed.method, "POST");
    assert_eq!(signed.json()["type"], "test", "{}", signed.body);
    assert!(verified_by_standardwebhooks(&secret, signed), "a valid signature: {signed:?}");
    let mut forged = signed.clone();
    forged.body = forged.body.replace("test", "tset");
    assert!(!verified_by_standardwebhooks(&secret, &forged), "the check can fail");
    let slack_request = received.iter().find(|r| r.path == "/services/T000/B000/SLACKTOKEN").expect("Slack");
    assert_eq!(slack_request.json()["blocks"][0]["type"], "header", "{}", slack_request.body);
    let logged = newest_until(&app, &token, &hook, |d| d["status"] == "DELIVERED").await;
    assert_eq!(logged["attemptLog"], json!([{ "attempt": 1, "statusCode": 200, "error": null }]), "{logged}");

    // A rotation: the new secret signs, and the old one still does for a day.
    let rotate = "mutation($id: ID!) { rotateAlertChannelSigningSecret(id: $id) { signingSecret channel { previousSecretValidUntil } } }";
    let body = app.graphql_as(&token, rotate, json!({ "id": hook })).await;
    let fresh = body["data"]["rotateAlertChannelSigningSecret"]["signingSecret"].as_str().unwrap().to_owned();
    assert_ne!(fresh, secret);
    assert!(app.graphql_as(&token, TEST, json!({ "id": hook })).await["errors"].is_null());
    let received = sink.wait_for(3).await;
    let again = received.iter().rev().find(|r| r.path == "/hooks/beacon").unwrap();
    assert!(verified_by_standardwebhooks(&fresh, again) && verified_by_standardwebhooks(&secret, again));
    app.clock.advance(chrono::Duration::hours(25));
    assert!(app.graphql_as(&token, TEST, json!({ "id": hook })).await["errors"].is_null());
    let received = sink.wait_for(4).await;
    let later = received.iter().rev().find(|r| r.path == "/hooks/beacon").unwrap();
    assert!(
        signed_by(&fresh, later) && !signed_by(&secret, later),
        "the old secret no longer signs: {later:?}"
    );
    app.shutdown().await;
}

async fn outages_reach_routed_channels_once_and_retries_honour_retry_after(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-routes").await;
    let sink = Sink::start().await;
    let target = http_target().await;
    let api = create(
        &app,
        &token,
        json!({ "name": "API", "intervalSeconds": 60, "failureThreshold": 1,
        "http": { "url": target.url } }),
    )
    .await;
    let other = create(&app, &token, json!({ "name": "Cron", "heartbeat": { "graceSeconds": 3600 } })).await;
    let (hook, _) = channel(
        &app,
        &token,
        json!({ "name": "Hook", "kind": "WEBHOOK", "url": format!("{}/hook", sink.base) }),
    )
    .await;
    let (pager, _) = channel(
        &app,
        &token,
        json!({ "name": "PD", "kind": "PAGER_DUTY", "token": "KEY", "url": sink.base }),
    )
    .await;
    let (quiet, _) = channel(
        &app,
        &token,
        json!({ "name": "Other", "kind": "DISCORD", "url": format!("{}/discord", sink.base) }),
    )
    .await;
    for (id, input) in [
        (&hook, json!({ "allMonitors": true, "events": ["DOWN", "UP"] })),
        (&pager, json!({ "allMonitors": false, "monitorIds": [api], "events": ["DOWN", "UP"] })),
        (&quiet, json!({ "allMonitors": false, "monitorIds": [other], "events": ["DOWN"] })),
    ] {
        let body = app.graphql_as(&token, ROUTE, json!({ "id": id, "input": input })).await;
        assert!(body["errors"].is_null(), "{body}");
    }
    let body = app.graphql_as(&token, CHANNELS, Value::Null).await;
    assert_eq!(
        body["data"]["alertChannels"][1]["routing"],
        json!({ "allMonitors": false, "monitorIds": [api], "events": ["DOWN", "UP"] })
    );

    // Up, then down: the webhook receiver is busy once (503, Retry-After: 120).
    assert_eq!(advance_and_tick(&app, 1).await + advance_and_tick(&app, 60).await, 1);
    sink.answer("/hook", 503, Some(120));
    target.status.store(500, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    let received = sink.wait_for(2).await;
    let first = received.iter().find(|r| r.path == "/hook").expect("the webhook was tried");
    let trigger = received.iter().find(|r| r.path == "/v2/enqueue").expect("PagerDuty");
    assert_eq!(trigger.json()["event_action"], "trigger", "{}", trigger.body);
    let busy = newest_until(&app, &token, &hook, |d| d["attempts"] == 1 && d["status"] == "QUEUED").await;
    assert_eq!(busy["attemptLog"][0]["statusCode"], 503, "{busy}");
    let next = chrono::DateTime::parse_from_rfc3339(busy["nextAttemptAt"].as_str().unwrap()).unwrap();
    assert!(
        next.with_timezone(&chrono::Utc) >= app.clock.now_utc() + chrono::Duration::seconds(119),
        "{busy}"
    );

    // Nothing more until the receiver's wait is over; then delivered once, same webhook id.
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    assert_eq!(sink.received().iter().filter(|r| r.path == "/hook").count(), 1);
    app.clock.advance(chrono::Duration::seconds(121));
    let done = newest_until(&app, &token, &hook, |d| d["status"] == "DELIVERED").await;
    assert_eq!(done["attemptLog"].as_array().map(Vec::len), Some(2), "{done}");
    let hooks: Vec<Received> = sink.received().into_iter().filter(|r| r.path == "/hook").collect();
    assert_eq!(hooks.len(), 2);
    assert_eq!(hooks[0].header("webhook-id"), hooks[1].header("webhook-id"), "a retry is the same message");
    assert_eq!(hooks[1].json()["type"], "monitor.down");
    assert_eq!(hooks[1].json()["data"]["monitor"]["name"], "API");

    // Recovery: the webhook hears it, PagerDuty resolves what it triggered; the channel routed
    // to another monitor heard nothing at all.
    target.status.store(200, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    let received = sink.wait_for(5).await;
    let resolve = received.iter().filter(|r| r.path == "/v2/enqueue").nth(1).expect("PagerDuty resolve");
    assert_eq!(resolve.json()["event_action"], "resolve");
    assert_eq!(resolve.json()["dedup_key"], trigger.json()["dedup_key"]);
    let up = received.iter().filter(|r| r.path == "/hook").nth(2).expect("the recovery");
    assert_eq!(up.json()["type"], "monitor.up");
    assert!(deliveries(&app, &token, &quiet).await.is_empty());
    assert!(!received.iter().any(|r| r.path == "/discord"));
    // One delivery per outage, event and channel however often it is recorded.
    assert_eq!(deliveries(&app, &token, &hook).await.len(), 2);
    let _ = first;
    app.shutdown().await;
}

/// A receiver that keeps failing: every attempt logged with its status, dead after the last,
/// sent again on request once it is fixed. An email channel hands its message to the outbox.
async fn dead_deliveries_keep_their_errors_and_go_again_on_request(backend: Backend) {
    let app = InProcessApp::spawn(
        backend,
        &[
            ("SCHEDULER_ENABLED", "false"),
            ("ALLOW_PRIVATE_TARGETS", "true"),
            ("MAIL_POLL_INTERVAL", "100ms"),
            ("MAIL_RETRY_BASE", "1s"),
            ("MAIL_RETRY_MAX", "1s"),
        ],
    )
    .await;
    let token = owner(&app, "acme-dead").await;
    let sink = Sink::start().await;
    for _ in 0..8 {
        sink.answer("/broken", 500, None);
    }
    let (hook, _) = channel(
        &app,
        &token,
        json!({ "name": "Broken", "kind": "WEBHOOK", "url": format!("{}/broken", sink.base) }),
    )
    .await;
    assert!(app.graphql_as(&token, TEST, json!({ "id": hook })).await["errors"].is_null());
    let mut dead = Value::Null;
    for _ in 0..200 {
        let newest = deliveries(&app, &token, &hook).await.remove(0);
        if newest["status"] == "DEAD" {
            dead = newest;
            break;
        }
        // Each retry is due a second later on the application's clock.
        app.clock.advance(chrono::Duration::seconds(2));
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    assert_eq!(dead["attempts"], 8, "{dead}");
    let log = dead["attemptLog"].as_array().unwrap();
    assert_eq!(log.len(), 8, "{dead}");
    assert!(log.iter().all(|attempt| attempt["statusCode"] == 500), "{dead}");
    assert!(dead["lastError"].as_str().unwrap().contains("answered 500"), "{dead}");
    assert_eq!(sink.received().iter().filter(|r| r.path == "/broken").count(), 8);

    // Fixed (the sink answers 200 from now on): sent again, delivered.
    let requeue = "mutation($id: ID!) { requeueAlertDelivery(id: $id) { status attempts } }";
    let body = app.graphql_as(&token, requeue, json!({ "id": dead["id"] })).await;
    assert_eq!(body["data"]["requeueAlertDelivery"]["attempts"], 0, "{body}");
    let done = newest_until(&app, &token, &hook, |d| d["status"] == "DELIVERED").await;
    assert_eq!(done["attemptLog"].as_array().unwrap().last().unwrap()["statusCode"], 200, "{done}");
    assert_eq!(
        fields(&app.graphql_as(&token, requeue, json!({ "id": dead["id"] })).await),
        ["id"],
        "only dead ones"
    );

    // Email: one outbox message per address, the delivery done once it is queued there.
    let (mail, _) = channel(
        &app,
        &token,
        json!({ "name": "On-call", "kind": "EMAIL", "addresses": ["oncall@example.org"] }),
    )
    .await;
    assert!(app.graphql_as(&token, TEST, json!({ "id": mail })).await["errors"].is_null());
    let done = newest_until(&app, &token, &mail, |d| d["status"] == "DELIVERED").await;
    assert_eq!(done["attemptLog"][0]["statusCode"], Value::Null, "{done}");
    let db = app.database.connect().await;
    let queued = entity::email_outbox::Entity::find()
        .filter(entity::email_outbox::Column::Kind.eq("alert_channel"))
        .filter(entity::email_outbox::Column::Recipient.eq("oncall@example.org"))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(queued.len(), 1);
    app.shutdown().await;
}

/// Without `ALLOW_PRIVATE_TARGETS`, a channel aimed at loopback, a private network or the cloud
/// metadata address is refused on `url` when created (and would be again at every send).
async fn destinations_pass_the_ssrf_guard(backend: Backend) {
    let app = InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false")]).await;
    let token = owner(&app, "acme-ssrf").await;
    for (kind, url) in [
        ("WEBHOOK", "http://127.0.0.1:8080/hook"),
        ("SLACK", "http://169.254.169.254/latest/meta-data"),
        ("NTFY", "http://10.0.0.5/alerts"),
        ("GOTIFY", "http://[::1]:8080"),
    ] {
        let mut input = json!({ "name": "Inside", "kind": kind, "url": url });
        if kind == "GOTIFY" {
            input["token"] = json!("app-token");
        }
        let body = app.graphql_as(&token, CREATE, json!({ "input": input })).await;
        assert_eq!(fields(&body), ["url"], "{kind} {url}: {body}");
    }
    let body = app.graphql_as(&token, CHANNELS, Value::Null).await;
    assert_eq!(body["data"]["alertChannels"], json!([]), "{body}");
    app.shutdown().await;
}

/// Every kind against a local sink, through the real delivery runner: the request each
/// provider documents (method, path, auth header, body shape). One Slack channel words its
/// alerts with a template; its preview says the same as what arrives.
async fn every_provider_reaches_its_sink_in_its_documented_shape(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-providers").await;
    let sink = Sink::start().await;
    let base = sink.base.clone();
    let template = "{{ organization.slug }} says: {{ title }}";
    let preview = app
        .graphql_as(
            &token,
            "query($t: String) { previewAlertMessage(titleTemplate: $t) { title body } }",
            json!({ "t": template }),
        )
        .await;
    assert_eq!(preview["data"]["previewAlertMessage"]["title"], "acme says: API is DOWN", "{preview}");
    let bad = app
        .graphql_as(
            &token,
            "query { previewAlertMessage(bodyTemplate: \"{{ monitr.name }}\") { title } }",
            Value::Null,
        )
        .await;
    assert_eq!(bad["errors"][0]["extensions"]["fields"][0]["field"], "bodyTemplate", "{bad}");
    let kinds = [
        json!({ "kind": "SLACK", "url": format!("{base}/slack"), "titleTemplate": template }),
        json!({ "kind": "DISCORD", "url": format!("{base}/discord") }),
        json!({ "kind": "TEAMS", "url": format!("{base}/teams") }),
        json!({ "kind": "GOOGLE_CHAT", "url": format!("{base}/gchat") }),
        json!({ "kind": "MATTERMOST", "url": format!("{base}/mattermost") }),
        json!({ "kind": "ROCKET_CHAT", "url": format!("{base}/rocket") }),
        json!({ "kind": "TELEGRAM", "url": base, "token": "123:ABC", "recipient": "42" }),
        json!({ "kind": "PAGER_DUTY", "url": base, "token": "R0UT1NG" }),
        json!({ "kind": "OPSGENIE", "url": base, "token": "G3NIE" }),
        json!({ "kind": "NTFY", "url": format!("{base}/beacon-alerts"), "priority": 4 }),
        json!({ "kind": "PUSHOVER", "url": base, "token": "APPTOKEN", "recipient": "USERKEY" }),
        json!({ "kind": "GOTIFY", "url": base, "token": "G0TIFY" }),
        json!({ "kind": "MATRIX", "url": base, "token": "MXTOKEN", "recipient": "!room:example.org" }),
    ];
    for (i, mut input) in kinds.into_iter().enumerate() {
        input["name"] = json!(format!("Channel {i}"));
        let (id, body) = channel(&app, &token, input).await;
        assert!(body["errors"].is_null(), "{body}");
        let body = app.graphql_as(&token, TEST, json!({ "id": id })).await;
        assert!(body["errors"].is_null(), "{body}");
    }
    let received = sink.wait_for(13).await;
    let at = |prefix: &str| {
        received
            .iter()
            .find(|r| r.path.starts_with(prefix))
            .unwrap_or_else(|| panic!("nothing at {prefix}: {received:?}"))
            .clone()
    };
    let title = "Test alert from Beacon";
    let slack = at("/slack").json();
    assert_eq!(slack["blocks"][0]["type"], "header");
    assert_eq!(slack["blocks"][0]["text"]["text"], "acme-providers says: Test alert from Beacon", "{slack}");
    assert_eq!(at("/discord").json()["embeds"][0]["title"], title);
    let teams = at("/teams").json();
    assert_eq!(teams["type"], "message");
    assert_eq!(teams["attachments"][0]["contentType"], "application/vnd.microsoft.card.adaptive");
    assert_eq!(teams["attachments"][0]["content"]["type"], "AdaptiveCard");
    assert!(at("/gchat").json()["text"].as_str().unwrap().contains(title));
    for path in ["/mattermost", "/rocket"] {
        assert_eq!(at(path).json()["attachments"][0]["title"], title, "{path}");
    }
    let telegram = at("/bot123:ABC/sendMessage").json();
    assert_eq!((telegram["chat_id"].as_str(), telegram["parse_mode"].as_str()), (Some("42"), Some("HTML")));
    let pager = at("/v2/enqueue").json();
    assert_eq!(
        (pager["routing_key"].as_str(), pager["event_action"].as_str()),
        (Some("R0UT1NG"), Some("trigger"))
    );
    let genie = at("/v2/alerts");
    assert_eq!(genie.header("authorization"), "GenieKey G3NIE");
    assert_eq!(genie.json()["message"], title);
    let ntfy =
        received.iter().find(|r| r.json()["topic"] == "beacon-alerts").expect("ntfy publishes to the root");
    assert_eq!((ntfy.path.as_str(), ntfy.json()["priority"].as_i64()), ("/", Some(4)));
    let pushover = at("/1/messages.json").json();
    assert_eq!((pushover["token"].as_str(), pushover["user"].as_str()), (Some("APPTOKEN"), Some("USERKEY")));
    let gotify = at("/message");
    assert_eq!(gotify.header("x-gotify-key"), "G0TIFY");
    assert_eq!(gotify.json()["title"], title);
    let matrix = at("/_matrix/client/v3/rooms/%21room%3Aexample.org/send/m.room.message/");
    assert_eq!((matrix.method.as_str(), matrix.header("authorization")), ("PUT", "Bearer MXTOKEN"));
    assert_eq!(matrix.json()["msgtype"], "m.text");
    app.shutdown().await;
}

/// A channel routed to a tag hears the outages of every monitor with that tag, including one
/// tagged after the routing was set, and nothing of the others.
async fn tag_routes_follow_every_monitor_with_the_tag(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-tags").await;
    let (target, sink) = (super::monitoring::http_target().await, Sink::start().await);
    let (hook, _) = channel(
        &app,
        &token,
        json!({ "name": "DB team", "kind": "WEBHOOK", "url": format!("{}/db", sink.base) }),
    )
    .await;
    let body = app
        .graphql_as(&token, ROUTE, json!({ "id": hook, "input": { "allMonitors": false, "tags": ["Bad Tag!"], "events": ["DOWN"] } }))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["fields"][0]["field"], "tags[0]", "{body}");
    let route = "mutation($id: ID!, $input: AlertRoutingInput!) { setAlertChannelRouting(id: $id, input: $input) { \
        routing { allMonitors monitorIds tags events } } }";
    let body = app
        .graphql_as(&token, route, json!({ "id": hook, "input": { "allMonitors": false, "tags": ["db", "db"], "events": ["DOWN"] } }))
        .await;
    assert_eq!(
        body["data"]["setAlertChannelRouting"]["routing"],
        json!({ "allMonitors": false, "monitorIds": [], "tags": ["db"], "events": ["DOWN"] }),
        "{body}"
    );
    let monitor = |name: &str, tags: Value| json!({ "name": name, "failureThreshold": 1, "tags": tags, "http": { "url": target.url } });
    let primary = create(&app, &token, monitor("Primary DB", json!(["db"]))).await;
    let replica = create(&app, &token, monitor("Replica", json!([]))).await;
    advance_and_tick(&app, 1).await;
    advance_and_tick(&app, 60).await;
    target.status.store(503, std::sync::atomic::Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    let db = app.database.connect().await;
    let heard = |db: sea_orm::DatabaseConnection| async move {
        entity::alert_deliveries::Entity::find()
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|d| d.monitor_id.map(|m| m.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(heard(db.clone()).await, std::slice::from_ref(&primary), "only the tagged monitor");
    // Tagged later: its next outage is heard.
    let tag = "mutation($id: ID!) { updateMonitor(id: $id, input: { tags: [\"db\"] }) { id } }";
    assert!(app.graphql_as(&token, tag, json!({ "id": replica })).await["errors"].is_null());
    target.status.store(200, std::sync::atomic::Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    target.status.store(503, std::sync::atomic::Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    let mut heard = heard(db).await;
    heard.sort();
    let mut expected = vec![primary.clone(), primary, replica];
    expected.sort();
    assert_eq!(heard, expected);
    let _ = sink;
    app.shutdown().await;
}

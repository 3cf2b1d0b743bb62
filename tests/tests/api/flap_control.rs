//! Flap control and "X failures within Y", black-box, both backends, on the manual clock with a
//! real local target: a monitor going down and up again and again alerts for the changes until
//! it trips its threshold, then says once that it is flapping, records later outages quietly,
//! and says when it has settled (announcing the outage it settled in). A failure window makes
//! non-consecutive failures an outage, without quick re-checks.

use std::sync::atomic::Ordering;

use beacon_tests::{Backend, InProcessApp, backend_tests};
use entity::alert_deliveries;
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use super::monitoring::{advance_and_tick, alert_emails, create, engine_app, fields, http_target, owner};

backend_tests!(flapping_alerts_once_and_says_when_it_settles, failures_within_a_window_make_an_outage);

const STATE: &str =
    "query($id: ID!) { monitor(id: $id) { status flappingSince failureWindowSeconds flapThreshold } }";

async fn monitor_state(app: &InProcessApp, token: &str, id: &str) -> Value {
    let body = app.graphql_as(token, STATE, json!({ "id": id })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["monitor"].clone()
}

/// The `type` of every webhook payload queued so far, oldest first.
async fn webhook_types(app: &InProcessApp) -> Vec<String> {
    let db = app.database.connect().await;
    let mut rows = alert_deliveries::Entity::find().all(&db).await.unwrap();
    rows.sort_by_key(|row| row.id);
    rows.iter()
        .map(|row| {
            serde_json::from_str::<Value>(&row.payload).unwrap()["type"].as_str().unwrap_or("").to_owned()
        })
        .collect()
}

async fn route_everything_to_a_webhook(app: &InProcessApp, token: &str, url: &str) {
    let body = app
        .graphql_as(
            token,
            "mutation($input: AlertChannelInput!) { createAlertChannel(input: $input) { channel { id } } }",
            json!({ "input": { "name": "Hook", "kind": "WEBHOOK", "url": url } }),
        )
        .await;
    let hook =
        body["data"]["createAlertChannel"]["channel"]["id"].as_str().unwrap_or_else(|| panic!("{body}"));
    let body = app
        .graphql_as(
            token,
            "mutation($id: ID!) { setAlertChannelRouting(id: $id, input: { allMonitors: true, events: [DOWN, UP] }) { id } }",
            json!({ "id": hook }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
}

async fn flapping_alerts_once_and_says_when_it_settles(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-flaps").await;
    let (target, sink) = (http_target().await, http_target().await);
    route_everything_to_a_webhook(&app, &token, &sink.url).await;
    let input = json!({
        "name": "API", "intervalSeconds": 60, "failureThreshold": 1, "recoveryThreshold": 1,
        "flapThreshold": 4, "flapWindowSeconds": 1800, "http": { "url": target.url },
    });
    let id = create(&app, &token, input).await;
    advance_and_tick(&app, 1).await;
    assert_eq!(advance_and_tick(&app, 60).await, 1);

    // Down, up, down, up: the fourth change trips the threshold. It is announced like the
    // others, followed by one "flapping" notice.
    for status in [503, 200, 503, 200] {
        target.status.store(status, Ordering::SeqCst);
        assert_eq!(advance_and_tick(&app, 60).await, 1);
    }
    let flapping = monitor_state(&app, &token, &id).await;
    assert!(flapping["flappingSince"].is_string(), "{flapping}");
    assert_eq!(
        webhook_types(&app).await,
        ["monitor.down", "monitor.up", "monitor.down", "monitor.up", "monitor.flapping"]
    );
    assert_eq!(alert_emails(&app, "monitor_flapping").await, 1);

    // Still flapping: down, up, down again say nothing.
    for status in [503, 200, 503] {
        target.status.store(status, Ordering::SeqCst);
        assert_eq!(advance_and_tick(&app, 60).await, 1);
    }
    assert_eq!(webhook_types(&app).await.len(), 5, "outages while flapping are quiet");
    assert_eq!((alert_emails(&app, "monitor_down").await, alert_emails(&app, "monitor_up").await), (2, 2));

    // Down for a whole window without a change: settled, and the outage it settled in is news.
    for _ in 0..29 {
        advance_and_tick(&app, 60).await;
    }
    assert!(monitor_state(&app, &token, &id).await["flappingSince"].is_string(), "29 minutes are not 30");
    advance_and_tick(&app, 60).await;
    let settled = monitor_state(&app, &token, &id).await;
    assert_eq!(
        (settled["status"].as_str(), settled["flappingSince"].is_null()),
        (Some("DOWN"), true),
        "{settled}"
    );
    let types = webhook_types(&app).await;
    assert_eq!(types[5..], ["monitor.settled", "monitor.down"], "{types:?}");
    assert_eq!(alert_emails(&app, "monitor_settled").await, 1);
    assert_eq!(alert_emails(&app, "monitor_down").await, 3);

    // Back to normal: the recovery is announced again.
    target.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    assert_eq!(webhook_types(&app).await.last().map(String::as_str), Some("monitor.up"));
    app.shutdown().await;
}

async fn failures_within_a_window_make_an_outage(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-window").await;
    let target = http_target().await;
    let monitor = |name: &str, extra: Value| {
        let mut input = json!({ "name": name, "intervalSeconds": 60, "failureThreshold": 3, "flapThreshold": 0,
            "http": { "url": target.url } });
        input.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        input
    };
    // Bad windows name their field.
    let body = app
        .graphql_as(
            &token,
            super::monitoring::CREATE,
            json!({ "input": monitor("Bad", json!({ "failureWindowSeconds": 100, "flapThreshold": 2 })) }),
        )
        .await;
    assert_eq!(fields(&body), ["failureWindowSeconds", "flapThreshold"], "{body}");

    let body = app
        .graphql_as(
            &token,
            super::monitoring::CREATE,
            json!({ "input": monitor("Windowed", json!({ "failureWindowSeconds": 600 })) }),
        )
        .await;
    let windowed =
        body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    assert_eq!(monitor_state(&app, &token, &windowed).await["failureWindowSeconds"], 600);
    // The first check exactly when planned (its offset in the minute is random): from then on
    // every check is on time, so a quick re-check would be the only one due 20 s later.
    let first =
        chrono::DateTime::parse_from_rfc3339(body["data"]["createMonitor"]["nextCheckAt"].as_str().unwrap())
            .unwrap()
            .with_timezone(&chrono::Utc);
    app.clock.advance(first - app.clock.now_utc());
    assert_eq!(app.scheduler.tick().await.expect("a round").results, 1);

    // Fail, pass, fail, pass, fail: never three in a row, but three within ten minutes.
    for (round, status) in [503, 200, 503, 200, 503].into_iter().enumerate() {
        target.status.store(status, Ordering::SeqCst);
        assert_eq!(advance_and_tick(&app, 60).await, 1);
        if round == 0 {
            assert_eq!(advance_and_tick(&app, 20).await, 0, "a failure waits for the next planned check");
        }
        let expected = if round == 4 { "DOWN" } else { "UP" };
        assert_eq!(monitor_state(&app, &token, &windowed).await["status"], expected, "after check {round}");
    }
    app.shutdown().await;
}

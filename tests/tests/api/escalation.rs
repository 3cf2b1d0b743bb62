//! Escalation with acknowledgement, black-box, both backends, on the manual clock: a policy's
//! steps fire in order at their due times (the first at once, the second after its wait, then
//! repeating), stop when someone acknowledges — with the signed link from the alert, without
//! logging in, or in the app — and everything lands on the outage's timeline. The steps survive
//! a restart of the application between them. Policies refuse
//! bad input by field; links are refused once expired.

use std::sync::atomic::Ordering;

use beacon_tests::{Backend, InProcessApp, backend_tests};
use chrono::Duration;
use entity::alert_deliveries;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use super::monitoring::{advance_and_tick, create, engine_app, fields, http_target, owner};

backend_tests!(steps_fire_in_order_and_stop_when_acknowledged, policies_and_links_refuse_bad_input);

const CREATE_CHANNEL: &str =
    "mutation($input: AlertChannelInput!) { createAlertChannel(input: $input) { channel { id } } }";
const CREATE_POLICY: &str = "mutation($input: EscalationPolicyInput!) { createEscalationPolicy(input: $input) { \
    id name repeatEveryMinutes monitorCount steps { waitMinutes channels { name } } } }";
const TIMELINE: &str = "query($id: ID!) { incidents(first: 1, filter: { monitorId: $id }) { edges { node { \
    id acknowledgedAt acknowledgedBy timeline { kind message } } } } }";

async fn channel(app: &InProcessApp, token: &str, name: &str, url: &str) -> String {
    let input = json!({ "name": name, "kind": "WEBHOOK", "url": url });
    let body = app.graphql_as(token, CREATE_CHANNEL, json!({ "input": input })).await;
    body["data"]["createAlertChannel"]["channel"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned()
}

/// The payloads queued for `channel`, oldest first.
async fn sent_to(app: &InProcessApp, channel: &str) -> Vec<Value> {
    let db = app.database.connect().await;
    alert_deliveries::Entity::find()
        .filter(alert_deliveries::Column::ChannelId.eq(channel.parse::<uuid::Uuid>().unwrap()))
        .order_by_asc(alert_deliveries::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .iter()
        .map(|row| serde_json::from_str(&row.payload).unwrap())
        .collect()
}

async fn outage(app: &InProcessApp, token: &str, monitor: &str) -> Value {
    let body = app.graphql_as(token, TIMELINE, json!({ "id": monitor })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["incidents"]["edges"][0]["node"].clone()
}

fn kinds(outage: &Value) -> Vec<String> {
    outage["timeline"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap().to_owned()).collect()
}

/// Moves the clock and runs the escalation sweep; returns how many steps ran.
async fn sweep_after(app: &InProcessApp, minutes: i64) -> usize {
    app.clock.advance(Duration::minutes(minutes));
    app.escalations.sweep().await.expect("a sweep")
}

async fn steps_fire_in_order_and_stop_when_acknowledged(backend: Backend) {
    let mut app = engine_app(backend).await;
    let token = owner(&app, "acme-oncall").await;
    let (target, sink) = (http_target().await, http_target().await);
    let first = channel(&app, &token, "First responder", &sink.url).await;
    let backup = channel(&app, &token, "Backup", &sink.url).await;
    let input = json!({ "name": "On call", "repeatEveryMinutes": 30, "steps": [
        { "waitMinutes": 0, "channelIds": [first] },
        { "waitMinutes": 10, "channelIds": [backup] },
    ] });
    let body = app.graphql_as(&token, CREATE_POLICY, json!({ "input": input })).await;
    let policy = &body["data"]["createEscalationPolicy"];
    assert_eq!(
        policy["steps"][1],
        json!({ "waitMinutes": 10, "channels": [{ "name": "Backup" }] }),
        "{body}"
    );
    let policy = policy["id"].as_str().unwrap().to_owned();
    let monitor =
        create(&app, &token, json!({ "name": "API", "failureThreshold": 1, "http": { "url": target.url } }))
            .await;
    let body = app
        .graphql_as(
            &token,
            "mutation($id: ID!, $p: ID) { setMonitorEscalationPolicy(id: $id, policyId: $p) { escalationPolicy { id name } } }",
            json!({ "id": monitor, "p": policy }),
        )
        .await;
    assert_eq!(
        body["data"]["setMonitorEscalationPolicy"]["escalationPolicy"],
        json!({ "id": policy, "name": "On call" }),
        "{body}"
    );
    advance_and_tick(&app, 1).await;
    advance_and_tick(&app, 60).await;

    // Down: step 1 at once; step 2 ten minutes later, not before; then it repeats every 30.
    target.status.store(503, Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    assert_eq!(sweep_after(&app, 0).await, 1);
    assert_eq!((sent_to(&app, &first).await.len(), sent_to(&app, &backup).await.len()), (1, 0));
    // A restart between the steps (a deploy): the escalation is rows with due times, so the new
    // process's sweep picks it up where the old one left it.
    app.restart().await;
    assert_eq!(sweep_after(&app, 9).await, 0, "step 2 waits ten minutes");
    assert_eq!(sweep_after(&app, 1).await, 1);
    assert_eq!((sent_to(&app, &first).await.len(), sent_to(&app, &backup).await.len()), (1, 1));
    assert_eq!(sweep_after(&app, 29).await, 0);
    assert_eq!(sweep_after(&app, 1).await, 1, "the last step repeats");
    assert_eq!(sent_to(&app, &backup).await.len(), 2);
    let alert = &sent_to(&app, &first).await[0];
    assert_eq!(alert["type"], "monitor.down", "{alert}");

    // The alert's link acknowledges without logging in: the page asks first, then acts.
    let url = alert["data"]["incident"]["acknowledgeUrl"].as_str().unwrap_or_else(|| panic!("{alert}"));
    let link = url.rsplit_once("/ack/").map(|(_, token)| token.to_owned()).unwrap_or_else(|| panic!("{url}"));
    let ask =
        "query($t: String!) { acknowledgeLink(token: $t) { monitorName organizationName acknowledgedAt } }";
    let body = app.graphql(ask, json!({ "t": link })).await;
    assert_eq!(body["data"]["acknowledgeLink"]["monitorName"], "API", "{body}");
    assert!(body["data"]["acknowledgeLink"]["acknowledgedAt"].is_null());
    let act = "mutation($t: String!) { acknowledgeWithLink(token: $t) { acknowledgedAt acknowledgedBy } }";
    let body = app.graphql(act, json!({ "t": link })).await;
    assert_eq!(body["data"]["acknowledgeWithLink"]["acknowledgedBy"], "link in alert", "{body}");
    assert_eq!(sweep_after(&app, 30).await, 0, "acknowledged: no more steps");
    assert_eq!(sent_to(&app, &backup).await.len(), 2);

    target.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    let done = outage(&app, &token, &monitor).await;
    assert_eq!(
        kinds(&done),
        ["OPENED", "ESCALATED", "ESCALATED", "ESCALATED", "ACKNOWLEDGED", "RESOLVED"],
        "{done}"
    );
    assert!(
        done["timeline"][3]["message"].as_str().unwrap().contains("Step 2 again of On call: notified Backup")
    );

    // The next outage is acknowledged in the app before step 2: Backup hears nothing.
    target.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    assert_eq!(sweep_after(&app, 0).await, 1);
    let open = outage(&app, &token, &monitor).await;
    let body = app
        .graphql_as(
            &token,
            "mutation($id: ID!) { acknowledgeIncident(id: $id) { acknowledgedBy } }",
            json!({ "id": open["id"] }),
        )
        .await;
    assert_eq!(body["data"]["acknowledgeIncident"]["acknowledgedBy"], "owner", "{body}");
    assert_eq!(sweep_after(&app, 10).await, 0);
    assert_eq!((sent_to(&app, &first).await.len(), sent_to(&app, &backup).await.len()), (2, 2));
    app.shutdown().await;
}

async fn policies_and_links_refuse_bad_input(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-policy").await;
    let sink = http_target().await;
    let hook = channel(&app, &token, "Hook", &sink.url).await;
    let input = json!({ "name": " ", "repeatEveryMinutes": 2, "steps": [
        { "waitMinutes": 0, "channelIds": [hook] },
        { "waitMinutes": 2000, "channelIds": [] },
    ] });
    let body = app.graphql_as(&token, CREATE_POLICY, json!({ "input": input })).await;
    assert_eq!(
        fields(&body),
        ["name", "steps[1].waitMinutes", "steps[1].channelIds", "repeatEveryMinutes"],
        "{body}"
    );
    let body = app
        .graphql_as(
            &token,
            CREATE_POLICY,
            json!({ "input": { "name": "No steps", "repeatEveryMinutes": 0, "steps": [] } }),
        )
        .await;
    assert_eq!(fields(&body), ["steps"], "{body}");

    // A made-up, a tampered and an expired link are all NOT_FOUND.
    let ask = "query($t: String!) { acknowledgeLink(token: $t) { monitorName } }";
    let body = app.graphql(ask, json!({ "t": "not-a-token" })).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND", "{body}");
    let target = http_target().await;
    let monitor =
        create(&app, &token, json!({ "name": "DB", "failureThreshold": 1, "http": { "url": target.url } }))
            .await;
    let route = "mutation($id: ID!, $m: ID!) { setAlertChannelRouting(id: $id, input: { allMonitors: false, monitorIds: [$m], events: [DOWN] }) { id } }";
    assert!(app.graphql_as(&token, route, json!({ "id": hook, "m": monitor })).await["errors"].is_null());
    advance_and_tick(&app, 1).await;
    target.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    let alert = &sent_to(&app, &hook).await[0];
    let url = alert["data"]["incident"]["acknowledgeUrl"].as_str().unwrap_or_else(|| panic!("{alert}"));
    let link = url.rsplit_once("/ack/").unwrap().1.to_owned();
    let mut tampered = link.clone();
    tampered.pop();
    tampered.push(if link.ends_with('A') { 'B' } else { 'A' });
    let body = app.graphql(ask, json!({ "t": tampered })).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND", "{body}");
    assert_eq!(app.graphql(ask, json!({ "t": link })).await["data"]["acknowledgeLink"]["monitorName"], "DB");
    app.clock.advance(Duration::days(8));
    let body = app.graphql(ask, json!({ "t": link })).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND", "{body}");
    app.shutdown().await;
}

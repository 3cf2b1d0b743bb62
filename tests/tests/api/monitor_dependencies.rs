//! Monitor dependencies, black-box, both backends, on the manual clock with real local targets:
//! a host outage that takes a database and the three services behind it down alerts once (the
//! database's), the services' outages are recorded as held back and attached to the database's
//! outage, and they recover with it; a service still failing once the database is back alerts
//! on its own. Writes refuse cycles, self-dependency and too many parents with a field error.

use std::sync::atomic::Ordering;

use beacon_tests::{Backend, InProcessApp, backend_tests};
use entity::alert_deliveries::{self, AlertEvent};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use super::monitoring::{advance_and_tick, alert_emails, create, engine_app, http_target, owner};

backend_tests!(
    a_parent_outage_alerts_once_and_dependents_follow_it,
    a_dependent_that_fails_first_waits_for_its_parent,
    dependency_writes_refuse_cycles
);

const SET: &str = "mutation($id: ID!, $on: [ID!]!) { setMonitorDependencies(id: $id, dependsOn: $on) { \
    id dependsOn { name } dependents { name } } }";
const STATE: &str = "query($id: ID!) { monitor(id: $id) { name status dependencyDown } \
    incidents(first: 5, filter: { monitorId: $id }) { edges { node { id suppressed cause resolvedAt \
    causedBy { id monitorName } } } } }";

async fn depend(app: &InProcessApp, token: &str, id: &str, on: &[&str]) -> Value {
    app.graphql_as(token, SET, json!({ "id": id, "on": on })).await
}

/// The monitor and its newest outage.
async fn state(app: &InProcessApp, token: &str, id: &str) -> (Value, Value) {
    let body = app.graphql_as(token, STATE, json!({ "id": id })).await;
    assert!(body["errors"].is_null(), "{body}");
    (body["data"]["monitor"].clone(), body["data"]["incidents"]["edges"][0]["node"].clone())
}

async fn down_deliveries(app: &InProcessApp) -> u64 {
    let db = app.database.connect().await;
    alert_deliveries::Entity::find()
        .filter(alert_deliveries::Column::Event.eq(AlertEvent::Down))
        .count(&db)
        .await
        .unwrap()
}

/// Runs the scheduler through `rounds` re-check intervals.
async fn rounds(app: &InProcessApp, rounds: usize) {
    for _ in 0..rounds {
        advance_and_tick(app, 20).await;
        advance_and_tick(app, 0).await;
    }
}

/// A dependent with a threshold of 1 that happens to be checked before its parent: its first
/// failure has the parent checked at once and the call waits for the parent's answer, so the
/// outage is the parent's alone.
async fn a_dependent_that_fails_first_waits_for_its_parent(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-first").await;
    let host = http_target().await;
    let monitor = |name: &str| json!({ "name": name, "intervalSeconds": 60, "failureThreshold": 1, "http": { "url": host.url } });
    let router = create(&app, &token, monitor("Router")).await;
    let api = create(&app, &token, monitor("API")).await;
    assert!(depend(&app, &token, &api, &[&router]).await["errors"].is_null());
    advance_and_tick(&app, 1).await;
    assert_eq!(advance_and_tick(&app, 60).await, 2, "both up");

    // The host goes away just before the API's check; the router's is half a minute later.
    host.status.store(503, Ordering::SeqCst);
    let db = app.database.connect().await;
    let now = app.clock.now_utc();
    for (id, due) in [(&api, now), (&router, now + chrono::Duration::seconds(30))] {
        entity::monitors::Entity::update_many()
            .col_expr(entity::monitors::Column::NextCheckAt, sea_orm::sea_query::Expr::value(due))
            .filter(entity::monitors::Column::Id.eq(id.parse::<uuid::Uuid>().unwrap()))
            .exec(&db)
            .await
            .unwrap();
    }
    assert_eq!(advance_and_tick(&app, 0).await, 1, "only the API is due");
    let (first, _) = state(&app, &token, &api).await;
    assert_eq!(first["status"], "UP", "not called down before its parent answers: {first}");
    assert_eq!(advance_and_tick(&app, 0).await, 1, "the router is checked at once");
    assert_eq!(state(&app, &token, &router).await.0["status"], "DOWN");
    rounds(&app, 2).await;
    let (service, outage) = state(&app, &token, &api).await;
    assert_eq!((service["status"].as_str(), service["dependencyDown"].as_bool()), (Some("DOWN"), Some(true)));
    assert_eq!(outage["causedBy"]["monitorName"], "Router", "{outage}");
    assert_eq!(alert_emails(&app, "monitor_down").await, 1, "one alert: the router's");
    app.shutdown().await;
}

async fn a_parent_outage_alerts_once_and_dependents_follow_it(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-deps").await;
    let (database, services) = (http_target().await, http_target().await);
    let sink = http_target().await;
    let monitor =
        |name: &str, url: &str| json!({ "name": name, "intervalSeconds": 60, "http": { "url": url } });
    let db = create(&app, &token, monitor("DB", &database.url)).await;
    let mut dependents = Vec::new();
    for name in ["API", "Web", "Worker"] {
        let id = create(&app, &token, monitor(name, &services.url)).await;
        let body = depend(&app, &token, &id, &[&db]).await;
        assert_eq!(body["data"]["setMonitorDependencies"]["dependsOn"], json!([{ "name": "DB" }]), "{body}");
        dependents.push(id);
    }
    // A webhook that hears every monitor's outages.
    let body = app
        .graphql_as(
            &token,
            "mutation($input: AlertChannelInput!) { createAlertChannel(input: $input) { channel { id } } }",
            json!({ "input": { "name": "Hook", "kind": "WEBHOOK", "url": sink.url } }),
        )
        .await;
    let hook =
        body["data"]["createAlertChannel"]["channel"]["id"].as_str().unwrap_or_else(|| panic!("{body}"));
    let body = app
        .graphql_as(
            &token,
            "mutation($id: ID!) { setAlertChannelRouting(id: $id, input: { allMonitors: true, events: [DOWN, UP] }) { id } }",
            json!({ "id": hook }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let graph = app
        .graphql_as(
            &token,
            "{ monitorDependencyGraph { monitors { name } dependencies { monitorId dependsOnId } } }",
            Value::Null,
        )
        .await;
    let graph = &graph["data"]["monitorDependencyGraph"];
    assert_eq!(graph["monitors"].as_array().map(Vec::len), Some(4), "{graph}");
    assert_eq!(graph["dependencies"].as_array().map(Vec::len), Some(3), "{graph}");
    assert!(graph["dependencies"].as_array().unwrap().iter().all(|edge| edge["dependsOnId"] == db.as_str()));

    advance_and_tick(&app, 1).await;
    assert_eq!(advance_and_tick(&app, 60).await, 4, "every monitor's first check");

    // The host goes away: the database and everything behind it fail together.
    database.status.store(503, Ordering::SeqCst);
    services.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    rounds(&app, 3).await;
    let (parent, parent_outage) = state(&app, &token, &db).await;
    assert_eq!((parent["status"].as_str(), parent["dependencyDown"].as_bool()), (Some("DOWN"), Some(false)));
    assert_eq!(parent_outage["suppressed"], false, "{parent_outage}");
    for id in &dependents {
        let (service, outage) = state(&app, &token, id).await;
        assert_eq!(service["status"], "DOWN", "{service}");
        assert_eq!(service["dependencyDown"], true, "{service}");
        assert_eq!(outage["suppressed"], true, "{outage}");
        assert_eq!(
            outage["causedBy"]["id"], parent_outage["id"],
            "attached to the database's outage: {outage}"
        );
        assert_eq!(outage["causedBy"]["monitorName"], "DB");
        assert_eq!(outage["cause"], "dependency down: DB is down");
    }
    assert_eq!(alert_emails(&app, "monitor_down").await, 1, "one email: the database's");
    assert_eq!(down_deliveries(&app).await, 1, "one webhook: the database's");

    // The host is back: everything recovers, and only the announced outage is announced over.
    database.status.store(200, Ordering::SeqCst);
    services.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    rounds(&app, 1).await;
    for id in dependents.iter().chain([&db]) {
        let (monitor, outage) = state(&app, &token, id).await;
        assert_eq!(
            (monitor["status"].as_str(), monitor["dependencyDown"].as_bool()),
            (Some("UP"), Some(false))
        );
        assert!(outage["resolvedAt"].is_string(), "{outage}");
    }
    assert_eq!(alert_emails(&app, "monitor_up").await, 1);

    // Again, but this time the services stay broken after the database is back: held back
    // while it is down, then checked at once and down on their own, with their own alerts.
    database.status.store(503, Ordering::SeqCst);
    services.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    rounds(&app, 3).await;
    assert_eq!(alert_emails(&app, "monitor_down").await, 2, "the database's second outage only");
    let (api, _) = state(&app, &token, &dependents[0]).await;
    assert_eq!(api["dependencyDown"], true, "{api}");
    database.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    rounds(&app, 2).await;
    assert_eq!(state(&app, &token, &db).await.0["status"], "UP");
    for id in &dependents {
        let (service, outage) = state(&app, &token, id).await;
        assert_eq!(
            (service["status"].as_str(), service["dependencyDown"].as_bool()),
            (Some("DOWN"), Some(false))
        );
        assert_eq!(outage["suppressed"], false, "{outage}");
        assert!(outage["causedBy"].is_null(), "its own outage now: {outage}");
        assert!(outage["resolvedAt"].is_null());
        assert!(outage["cause"].as_str().unwrap_or_default().contains("503"), "{outage}");
    }
    assert_eq!(alert_emails(&app, "monitor_down").await, 5, "the database's two, then each service's own");
    assert_eq!(down_deliveries(&app).await, 5);
    app.shutdown().await;
}

async fn dependency_writes_refuse_cycles(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-cycles").await;
    let target = http_target().await;
    let mut ids = Vec::new();
    for name in ["Edge", "API", "DB"] {
        ids.push(create(&app, &token, json!({ "name": name, "http": { "url": target.url } })).await);
    }
    let (edge, api, db) = (&ids[0], &ids[1], &ids[2]);
    assert!(depend(&app, &token, edge, &[api]).await["errors"].is_null());
    let body = depend(&app, &token, api, &[db, db]).await;
    assert_eq!(body["data"]["setMonitorDependencies"]["dependsOn"], json!([{ "name": "DB" }]), "{body}");
    assert_eq!(body["data"]["setMonitorDependencies"]["dependents"], json!([{ "name": "Edge" }]));

    let field_error = |body: &Value| {
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{body}");
        let field = &body["errors"][0]["extensions"]["fields"][0];
        assert_eq!(field["field"], "dependsOn", "{body}");
        field["message"].as_str().unwrap_or_default().to_owned()
    };
    let cycle = field_error(&depend(&app, &token, db, &[edge]).await);
    assert!(cycle.contains("DB → Edge → API → DB"), "{cycle}");
    let itself = field_error(&depend(&app, &token, db, &[db]).await);
    assert!(itself.contains("itself"), "{itself}");
    // With API depending on nothing, DB → Edge → API is a chain, not a cycle.
    assert!(depend(&app, &token, api, &[]).await["errors"].is_null());
    assert!(depend(&app, &token, db, &[edge]).await["errors"].is_null(), "DB → Edge → API is a chain now");
    let body = depend(&app, &token, api, &[db]).await;
    assert!(field_error(&body).contains("API → DB → Edge → API"), "{body}");
    // A malformed or unknown id is NOT_FOUND, like another organization's.
    let body = depend(&app, &token, api, &["not-an-id"]).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND", "{body}");
    // Deleting a monitor takes its edges with it.
    let body = app
        .graphql_as(&token, "mutation($id: ID!) { deleteMonitor(id: $id) { id } }", json!({ "id": api }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let body = app
        .graphql_as(&token, "{ monitorDependencyGraph { dependencies { monitorId } } }", Value::Null)
        .await;
    assert_eq!(
        body["data"]["monitorDependencyGraph"]["dependencies"].as_array().map(Vec::len),
        Some(1),
        "{body}"
    );
    app.shutdown().await;
}

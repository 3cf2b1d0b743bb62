//! The monitoring engine, black-box through GraphQL, on a manual clock: the scheduler runs only
//! when a test calls `tick` after moving the clock (`SCHEDULER_ENABLED=false`), so thresholds,
//! re-checks and schedules are tested without sleeping. Targets are real local servers.

use std::sync::Arc;
use std::sync::atomic::{AtomicU16, Ordering};

use beacon_tests::fixtures::{access_token, insert_member, insert_tenant, insert_verified_owner};
use beacon_tests::{Backend, GraphqlWs, InProcessApp, backend_tests};
use chrono::Duration;
use entity::tenants::TenantStatus;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

backend_tests!(
    an_http_outage_opens_one_incident_alerts_once_and_recovers,
    a_tcp_monitor_goes_down_when_its_listener_closes,
    bad_input_names_the_field_and_private_targets_are_refused,
    lists_filter_and_viewers_only_read,
    two_schedulers_never_check_one_slot_twice,
    a_heartbeat_goes_down_when_its_pings_stop,
    subscribers_see_their_own_tenants_checks_live,
    maintenance_suppresses_alerts_and_uptime,
    a_dead_schedulers_lease_expires_and_another_takes_over,
    one_tenants_backlog_does_not_starve_another
);

pub(crate) const CREATE: &str =
    "mutation($input: CreateMonitorInput!) { createMonitor(input: $input) { id status nextCheckAt } }";
pub(crate) const MONITOR: &str = "query($id: ID!) { monitor(id: $id) { status lastError \
    recentChecks(first: 10) { status statusCode error durationMs } incidents { openedAt resolvedAt cause } } }";

/// A local HTTP target whose status code the test sets.
pub(crate) struct Target {
    pub(crate) url: String,
    pub(crate) status: Arc<AtomicU16>,
}

pub(crate) async fn http_target() -> Target {
    let status = Arc::new(AtomicU16::new(200));
    let shared = status.clone();
    let app = axum::Router::new().route(
        "/health",
        axum::routing::get(move || {
            let status = shared.load(Ordering::SeqCst);
            async move { (axum::http::StatusCode::from_u16(status).unwrap(), "ok") }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/health", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Target { url, status }
}

pub(crate) async fn engine_app(backend: Backend) -> InProcessApp {
    InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false"), ("ALLOW_PRIVATE_TARGETS", "true")]).await
}

/// An organization with a verified owner (the alert recipient); the owner's token.
pub(crate) async fn owner(app: &InProcessApp, slug: &str) -> String {
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, slug, TenantStatus::Active).await;
    let user = insert_verified_owner(&db, tenant, &format!("owner@{slug}.test")).await;
    access_token(&db, user, tenant, "owner").await
}

pub(crate) async fn create(app: &InProcessApp, token: &str, input: Value) -> String {
    let body = app.graphql_as(token, CREATE, json!({ "input": input })).await;
    body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("create: {body}")).to_owned()
}

pub(crate) async fn monitor(app: &InProcessApp, token: &str, id: &str) -> Value {
    let body = app.graphql_as(token, MONITOR, json!({ "id": id })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["monitor"].clone()
}

/// Moves the clock and runs the scheduler once; returns how many results it recorded.
pub(crate) async fn advance_and_tick(app: &InProcessApp, seconds: i64) -> usize {
    app.clock.advance(Duration::seconds(seconds));
    app.scheduler.tick().await.expect("a scheduler round").results
}

pub(crate) async fn alert_emails(app: &InProcessApp, kind: &str) -> u64 {
    let db = app.database.connect().await;
    entity::email_outbox::Entity::find()
        .filter(entity::email_outbox::Column::Kind.eq(kind))
        .count(&db)
        .await
        .unwrap()
}

async fn an_http_outage_opens_one_incident_alerts_once_and_recovers(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-engine").await;
    let target = http_target().await;
    let input = json!({
        "name": "API", "intervalSeconds": 60, "retryIntervalSeconds": 20, "failureThreshold": 2,
        "http": { "url": target.url, "expectedStatus": ["200-299"] },
    });
    let id = create(&app, &token, input).await;
    assert_eq!(advance_and_tick(&app, 1).await + advance_and_tick(&app, 60).await, 1, "one first check");
    assert_eq!(monitor(&app, &token, &id).await["status"], "UP");

    // The first failure is re-checked at the retry interval; the second makes it DOWN.
    target.status.store(503, Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    let failing = monitor(&app, &token, &id).await;
    assert_eq!(failing["status"], "UP", "one failure is below the threshold: {failing}");
    assert_eq!(advance_and_tick(&app, 10).await, 0, "the re-check is not due yet");
    assert_eq!(advance_and_tick(&app, 10).await, 1, "re-checked after 20 s");
    let down = monitor(&app, &token, &id).await;
    assert_eq!(down["status"], "DOWN", "{down}");
    assert_eq!(down["recentChecks"][0]["statusCode"], 503);
    let incidents = down["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), 1, "{down}");
    assert!(incidents[0]["cause"].as_str().unwrap().contains("503"), "{down}");
    assert_eq!(alert_emails(&app, "monitor_down").await, 1);

    // Still down a minute later: no second incident, no second alert.
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    assert_eq!(monitor(&app, &token, &id).await["incidents"].as_array().unwrap().len(), 1);
    assert_eq!(alert_emails(&app, "monitor_down").await, 1, "one alert per outage");

    // Back up: the incident is resolved and the recovery alert goes out.
    target.status.store(200, Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    let up = monitor(&app, &token, &id).await;
    assert_eq!(up["status"], "UP", "{up}");
    assert!(up["incidents"][0]["resolvedAt"].is_string(), "{up}");
    assert_eq!(alert_emails(&app, "monitor_up").await, 1);

    // Every result is in the rollups: 5 checks, 3 of them failed.
    let stats = app
        .graphql_as(
            &token,
            "query($id: ID!) { monitor(id: $id) { uptime(period: DAY) { checks failures uptimePercent p99Ms } \
             dailyUptime(days: 7) { date stats { checks } } } }",
            json!({ "id": id }),
        )
        .await;
    let uptime = &stats["data"]["monitor"]["uptime"];
    assert_eq!((uptime["checks"].as_i64(), uptime["failures"].as_i64()), (Some(5), Some(3)), "{stats}");
    assert_eq!(uptime["uptimePercent"].as_f64(), Some(40.0), "{stats}");
    let days = stats["data"]["monitor"]["dailyUptime"].as_array().unwrap();
    assert_eq!(days.len(), 7, "{stats}");
    assert_eq!(days.iter().map(|d| d["stats"]["checks"].as_i64().unwrap()).sum::<i64>(), 5, "{stats}");
    app.shutdown().await;
}

async fn a_tcp_monitor_goes_down_when_its_listener_closes(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-tcp").await;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let input = json!({ "name": "DB", "failureThreshold": 1, "tcp": { "host": "127.0.0.1", "port": port } });
    let id = create(&app, &token, input).await;
    advance_and_tick(&app, 61).await;
    assert_eq!(monitor(&app, &token, &id).await["status"], "UP");
    drop(listener);
    assert_eq!(advance_and_tick(&app, 60).await, 1);
    let down = monitor(&app, &token, &id).await;
    assert_eq!(down["status"], "DOWN", "{down}");
    assert!(down["lastError"].as_str().is_some_and(|e| !e.is_empty()), "{down}");
    app.shutdown().await;
}

pub(crate) fn fields(body: &Value) -> Vec<String> {
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{body}");
    body["errors"][0]["extensions"]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect()
}

async fn bad_input_names_the_field_and_private_targets_are_refused(backend: Backend) {
    // The guard is on (the default).
    let app = InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false")]).await;
    let token = owner(&app, "acme-guard").await;
    let send = |input: Value| {
        let token = token.clone();
        let app = &app;
        async move { app.graphql_as(&token, CREATE, json!({ "input": input })).await }
    };
    for url in [
        "http://127.0.0.1:8080/",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://100.64.0.1/",
        "http://[::1]/",
    ] {
        let body = send(json!({ "name": "x", "http": { "url": url } })).await;
        assert_eq!(fields(&body), ["http.url"], "{url}: {body}");
    }
    let body = send(json!({ "name": "x", "tcp": { "host": "127.0.0.1", "port": 5432 } })).await;
    assert_eq!(fields(&body), ["tcp.host"], "{body}");

    let body = send(json!({
        "name": " ", "intervalSeconds": 5, "failureThreshold": 0,
        "http": { "url": "ftp://example.com", "method": "FETCH", "expectedStatus": ["200", "9xx"] },
    }))
    .await;
    assert_eq!(
        fields(&body),
        ["name", "http.url", "http.method", "http.expectedStatus[1]", "intervalSeconds", "failureThreshold"],
        "{body}"
    );
    let body =
        send(json!({ "name": "two", "tcp": { "host": "a.example", "port": 1 }, "heartbeat": {} })).await;
    assert_eq!(fields(&body), ["kind"], "{body}");
    let body = send(json!({ "name": "none" })).await;
    assert_eq!(fields(&body), ["kind"], "{body}");
    app.shutdown().await;
}

async fn lists_filter_and_viewers_only_read(backend: Backend) {
    let app = engine_app(backend).await;
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, "acme-list", TenantStatus::Active).await;
    let owner_id = insert_verified_owner(&db, tenant, "owner@acme-list.test").await;
    let token = access_token(&db, owner_id, tenant, "owner").await;
    let viewer_id =
        insert_member(&db, tenant, "viewer@acme-list.test", entity::memberships::Role::Viewer).await;
    let viewer = access_token(&db, viewer_id, tenant, "viewer").await;
    let target = http_target().await;
    let api = create(
        &app,
        &token,
        json!({ "name": "Public API", "failureThreshold": 1, "http": { "url": target.url } }),
    )
    .await;
    create(&app, &token, json!({ "name": "Nightly backup", "heartbeat": { "graceSeconds": 3600 } })).await;
    target.status.store(500, Ordering::SeqCst);
    advance_and_tick(&app, 61).await;

    let list = "query($f: MonitorFilter) { monitors(first: 10, filter: $f) { nodes { id name status kind pingUrl } } }";
    let names = |body: Value| -> Vec<String> {
        body["data"]["monitors"]["nodes"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|n| n["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(app.graphql_as(&token, list, json!({ "f": { "status": "DOWN" } })).await),
        ["Public API"]
    );
    assert_eq!(
        names(app.graphql_as(&token, list, json!({ "f": { "kind": "HEARTBEAT" } })).await),
        ["Nightly backup"]
    );
    assert_eq!(
        names(app.graphql_as(&token, list, json!({ "f": { "text": "PUBLIC" } })).await),
        ["Public API"]
    );
    assert_eq!(
        names(app.graphql_as(&token, list, json!({ "f": { "text": "100%_" } })).await),
        Vec::<String>::new()
    );
    let all = app.graphql_as(&viewer, list, json!({})).await;
    assert_eq!(names(all.clone()), ["Nightly backup", "Public API"], "newest first");
    assert!(all.to_string().contains("/ping/"), "heartbeats show their ping URL: {all}");

    let pause = "mutation($id: ID!) { pauseMonitor(id: $id) { status } }";
    let refused = app.graphql_as(&viewer, pause, json!({ "id": api })).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN", "{refused}");
    let paused = app.graphql_as(&token, pause, json!({ "id": api })).await;
    assert_eq!(paused["data"]["pauseMonitor"]["status"], "PAUSED", "{paused}");
    assert_eq!(advance_and_tick(&app, 120).await, 0, "a paused monitor is not checked");
    let copy = app
        .graphql_as(
            &token,
            "mutation($id: ID!) { duplicateMonitor(id: $id) { name status } }",
            json!({ "id": api }),
        )
        .await;
    assert_eq!(
        copy["data"]["duplicateMonitor"],
        json!({ "name": "Public API (copy)", "status": "PENDING" }),
        "{copy}"
    );
    let deleted = app
        .graphql_as(&token, "mutation($id: ID!) { deleteMonitor(id: $id) { id } }", json!({ "id": api }))
        .await;
    assert_eq!(deleted["data"]["deleteMonitor"]["id"], api.as_str(), "{deleted}");
    let gone = app.graphql_as(&token, MONITOR, json!({ "id": api })).await;
    assert_eq!(gone["errors"][0]["extensions"]["code"], "NOT_FOUND", "{gone}");
    app.shutdown().await;
}

async fn two_schedulers_never_check_one_slot_twice(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-twice").await;
    let target = http_target().await;
    let mut ids = Vec::new();
    for n in 0..30 {
        ids.push(
            create(&app, &token, json!({ "name": format!("m{n}"), "http": { "url": target.url } })).await,
        );
    }
    // A second scheduler on the same database, as another process would run.
    let db = app.database.connect().await;
    let other = server::monitoring::scheduler::Scheduler::new(
        db.clone(),
        server::probe::Prober::new(server::probe::ProbeConfig {
            allow_private_targets: true,
            dns_nameservers: Vec::new(),
            user_agent: "test".into(),
            ..Default::default()
        })
        .unwrap(),
        app.scheduler.alerts.clone(),
        std::sync::Arc::new(app.clock.clone()),
        server::monitoring::scheduler::SchedulerSettings { batch_size: 7, ..Default::default() },
        "other-process".into(),
    );
    app.clock.advance(Duration::seconds(61));
    let (mut first, mut second) = (0, 0);
    loop {
        let (a, b) = tokio::join!(app.scheduler.tick(), other.tick());
        let (a, b) = (a.unwrap().results, b.unwrap().results);
        if a + b == 0 {
            break;
        }
        first += a;
        second += b;
    }
    assert_eq!(first + second, 30, "every monitor checked exactly once ({first} + {second})");
    let results = entity::check_results::Entity::find().count(&db).await.unwrap();
    assert_eq!(results, 30);
    app.shutdown().await;
}

async fn a_heartbeat_goes_down_when_its_pings_stop(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-beat").await;
    let input =
        json!({ "name": "Nightly backup", "intervalSeconds": 60, "heartbeat": { "graceSeconds": 30 } });
    let body = app
        .graphql_as(
            &token,
            "mutation($input: CreateMonitorInput!) { createMonitor(input: $input) { id pingUrl } }",
            json!({ "input": input }),
        )
        .await;
    let id = body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let ping_url = body["data"]["createMonitor"]["pingUrl"].as_str().unwrap().to_owned();
    let path = ping_url.split_once("/ping/").map(|(_, token)| format!("/ping/{token}")).unwrap();
    let ping = |suffix: &str| {
        let url = app.url(&format!("{path}{suffix}"));
        let client = app.client.clone();
        async move { client.get(url).send().await.unwrap().status().as_u16() }
    };

    assert_eq!(ping("").await, 200);
    assert_eq!(monitor(&app, &token, &id).await["status"], "UP");
    assert_eq!(advance_and_tick(&app, 80).await, 0, "within interval + grace nothing is due");
    assert_eq!(advance_and_tick(&app, 11).await, 1, "the deadline passed");
    let down = monitor(&app, &token, &id).await;
    assert_eq!(down["status"], "DOWN", "{down}");
    assert!(down["lastError"].as_str().unwrap().contains("no ping since"), "{down}");
    assert_eq!(alert_emails(&app, "monitor_down").await, 1);

    // The job runs again: started, then succeeded 5 s later: UP, with its duration.
    assert_eq!(ping("/start").await, 200);
    app.clock.advance(Duration::seconds(5));
    assert_eq!(ping("").await, 200);
    let up = monitor(&app, &token, &id).await;
    assert_eq!(up["status"], "UP", "{up}");
    assert_eq!(up["recentChecks"][0]["durationMs"], 5000, "{up}");
    assert!(up["incidents"][0]["resolvedAt"].is_string(), "{up}");

    assert_eq!(ping("/fail").await, 200);
    assert_eq!(monitor(&app, &token, &id).await["status"], "DOWN", "an explicit failure is DOWN at once");
    assert_eq!(app.client.get(app.url("/ping/not-a-token")).send().await.unwrap().status().as_u16(), 404);
    app.shutdown().await;
}

async fn subscribers_see_their_own_tenants_checks_live(backend: Backend) {
    let app = engine_app(backend).await;
    let acme = owner(&app, "acme-live").await;
    let globex = owner(&app, "globex-live").await;
    let target = http_target().await;
    let id =
        create(&app, &acme, json!({ "name": "API", "failureThreshold": 1, "http": { "url": target.url } }))
            .await;

    let mut watcher = GraphqlWs::connect(app.public, &acme).await;
    watcher
        .subscribe(
            "changes",
            "subscription { monitorStatusChanged { monitorId status previousStatus } }",
            json!({}),
        )
        .await;
    watcher
        .subscribe(
            "checks",
            "subscription($id: ID!) { checkCompleted(monitorId: $id) { status checkStatus statusCode } }",
            json!({ "id": id }),
        )
        .await;
    let mut outsider = GraphqlWs::connect(app.public, &globex).await;
    outsider
        .subscribe("changes", "subscription { monitorStatusChanged { monitorId status } }", json!({}))
        .await;
    let foreign = "subscription($id: ID!) { checkCompleted(monitorId: $id) { status } }";
    outsider.subscribe("theirs", foreign, json!({ "id": id })).await;
    let refused = outsider.next(std::time::Duration::from_secs(10)).await.expect("an answer");
    assert_eq!(refused["payload"]["errors"][0]["extensions"]["code"], "NOT_FOUND", "{refused}");
    // Both subscriptions are registered before the first check runs.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    assert_eq!(advance_and_tick(&app, 61).await, 1);
    target.status.store(500, Ordering::SeqCst);
    assert_eq!(advance_and_tick(&app, 60).await, 1);

    let mut seen = Vec::new();
    while let Some(message) = watcher.next(std::time::Duration::from_secs(5)).await {
        seen.push(message);
        if seen.len() == 4 {
            break;
        }
    }
    let payloads = |id: &str| -> Vec<Value> {
        seen.iter().filter(|m| m["id"] == id).map(|m| m["payload"]["data"].clone()).collect()
    };
    assert_eq!(
        payloads("changes"),
        [
            json!({ "monitorStatusChanged": { "monitorId": id, "status": "UP", "previousStatus": "PENDING" } }),
            json!({ "monitorStatusChanged": { "monitorId": id, "status": "DOWN", "previousStatus": "UP" } }),
        ],
        "{seen:?}"
    );
    assert_eq!(
        payloads("checks"),
        [
            json!({ "checkCompleted": { "status": "UP", "checkStatus": "UP", "statusCode": 200 } }),
            json!({ "checkCompleted": { "status": "DOWN", "checkStatus": "DOWN", "statusCode": 500 } }),
        ],
        "{seen:?}"
    );
    // The refused operation completes; the other tenant's own subscription streams nothing.
    while let Some(message) = outsider.next(std::time::Duration::from_millis(500)).await {
        assert!(
            message["id"] == "theirs" && message["type"] == "complete",
            "another tenant sees nothing: {message}"
        );
    }
    app.shutdown().await;
}

async fn maintenance_suppresses_alerts_and_uptime(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-maint").await;
    let target = http_target().await;
    let id =
        create(&app, &token, json!({ "name": "API", "failureThreshold": 1, "http": { "url": target.url } }))
            .await;
    advance_and_tick(&app, 61).await;

    // A window over the next 10 minutes, for this monitor.
    let now = app.clock.now_utc();
    let window = app
        .graphql_as(
            &token,
            "mutation($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { id activeNow } }",
            json!({ "input": { "name": "Database upgrade", "monitorId": id,
                               "startsAt": now.to_rfc3339(), "endsAt": (now + Duration::minutes(10)).to_rfc3339() } }),
        )
        .await;
    assert_eq!(window["data"]["createMaintenanceWindow"]["activeNow"], true, "{window}");
    let in_maintenance =
        "query($id: ID!) { monitor(id: $id) { inMaintenance uptime(period: DAY) { checks failures } } }";
    assert_eq!(
        app.graphql_as(&token, in_maintenance, json!({ "id": id })).await["data"]["monitor"]["inMaintenance"],
        true
    );

    // It goes down and back up inside the window: the status shows it, nobody is alerted, and
    // the checks do not count against uptime.
    target.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    assert_eq!(monitor(&app, &token, &id).await["status"], "DOWN");
    target.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    assert_eq!(monitor(&app, &token, &id).await["status"], "UP");
    assert_eq!((alert_emails(&app, "monitor_down").await, alert_emails(&app, "monitor_up").await), (0, 0));
    let stats = app.graphql_as(&token, in_maintenance, json!({ "id": id })).await;
    assert_eq!(stats["data"]["monitor"]["uptime"], json!({ "checks": 1, "failures": 0 }), "{stats}");

    // After the window, an outage alerts again.
    app.clock.advance(Duration::minutes(10));
    target.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    assert_eq!(alert_emails(&app, "monitor_down").await, 1);

    // Recurring windows parse with their time zone; bad ones name the field.
    let create = "mutation($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { cron timeZone nextStart } }";
    let weekly = app
        .graphql_as(
            &token,
            create,
            json!({ "input": { "name": "Sunday patching", "timeZone": "Europe/Berlin",
            "weekly": { "days": ["SUNDAY"], "startTime": "02:00", "durationMinutes": 120 } } }),
        )
        .await;
    assert_eq!(weekly["data"]["createMaintenanceWindow"]["cron"], "0 2 * * 0", "{weekly}");
    assert!(weekly["data"]["createMaintenanceWindow"]["nextStart"].is_string(), "{weekly}");
    let bad = app
        .graphql_as(
            &token,
            create,
            json!({ "input": { "name": "x", "timeZone": "Mars/Base",
            "cron": { "expression": "every sunday", "durationMinutes": 0 } } }),
        )
        .await;
    assert_eq!(fields(&bad), ["timeZone", "cron.expression", "cron.durationMinutes"], "{bad}");
    app.shutdown().await;
}

async fn a_dead_schedulers_lease_expires_and_another_takes_over(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-lease").await;
    let target = http_target().await;
    let id = create(&app, &token, json!({ "name": "API", "http": { "url": target.url } })).await;
    app.clock.advance(Duration::seconds(61));

    // Another process claims the monitor and dies before recording its check.
    let db = app.database.connect().await;
    let now = app.clock.now_utc();
    let claimed = server::monitoring::claim::claim_due(
        &db,
        server::monitoring::claim::ClaimRequest {
            worker: "dead-process",
            now,
            locked_until: now + Duration::seconds(120),
            limit: 10,
            per_tenant: 10,
        },
    )
    .await
    .unwrap();
    assert_eq!(claimed.len(), 1);

    // While its lease holds, nobody checks the monitor; once it expires, this scheduler does.
    assert_eq!(advance_and_tick(&app, 60).await, 0, "the lease is held");
    assert_eq!(advance_and_tick(&app, 61).await, 1, "the expired lease is taken over");
    assert_eq!(monitor(&app, &token, &id).await["status"], "UP");
    app.shutdown().await;
}

async fn one_tenants_backlog_does_not_starve_another(backend: Backend) {
    let app = engine_app(backend).await;
    let busy = owner(&app, "busy-fair").await;
    let quiet = owner(&app, "quiet-fair").await;
    for n in 0..40 {
        create(&app, &busy, json!({ "name": format!("busy {n}"), "heartbeat": { "graceSeconds": 0 } })).await;
    }
    // The quiet tenant's monitor is due last of all.
    app.clock.advance(Duration::seconds(5));
    let quiet_id = create(&app, &quiet, json!({ "name": "quiet", "heartbeat": { "graceSeconds": 0 } })).await;
    app.clock.advance(Duration::seconds(70));

    let db = app.database.connect().await;
    let now = app.clock.now_utc();
    let request = |limit| server::monitoring::claim::ClaimRequest {
        worker: "fairness",
        now,
        locked_until: now + Duration::seconds(120),
        limit,
        per_tenant: 5,
    };
    let claimed = server::monitoring::claim::claim_due(&db, request(10)).await.unwrap();
    let ids: Vec<String> = claimed.iter().map(|m| m.id.to_string()).collect();
    assert_eq!(claimed.len(), 6, "5 of the busy tenant, then the quiet one: {ids:?}");
    assert!(ids.contains(&quiet_id), "the quiet tenant is not starved: {ids:?}");
    app.shutdown().await;
}

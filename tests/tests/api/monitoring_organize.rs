//! Organizing monitors, black-box through GraphQL on a manual clock: tags (filter, tag list,
//! tag-scoped maintenance), sorted lists paged by cursor, the organization's incidents list,
//! and heartbeats on a cron schedule.

use std::sync::atomic::Ordering;

use beacon_tests::{Backend, InProcessApp, backend_tests};
use chrono::{DateTime, Duration, Timelike, Utc};
use serde_json::{Value, json};
use server::kernel::Clock;

use super::monitoring::{
    CREATE, advance_and_tick, alert_emails, create, engine_app, fields, http_target, monitor, owner,
};

backend_tests!(
    tags_are_normalised_filter_the_list_and_bad_tags_name_the_field,
    lists_sort_by_name_and_status_across_pages,
    the_incidents_list_spans_monitors_and_filters_open_ones,
    a_tag_scoped_maintenance_window_covers_only_tagged_monitors,
    a_cron_heartbeat_is_due_at_its_next_run_plus_grace,
    a_list_page_answers_uptime_and_maintenance_like_each_monitor_alone
);

const LIST: &str = "query($f: MonitorFilter, $o: MonitorOrder, $after: String, $first: Int) { \
    monitors(first: $first, after: $after, filter: $f, orderBy: $o) { \
      nodes { id name status tags } pageInfo { hasNextPage endCursor } } }";

fn names(body: &Value) -> Vec<String> {
    body["data"]["monitors"]["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|node| node["name"].as_str().unwrap().to_owned())
        .collect()
}

fn heartbeat(name: &str, tags: &[&str]) -> Value {
    json!({ "name": name, "tags": tags, "heartbeat": { "graceSeconds": 60 } })
}

async fn tags_are_normalised_filter_the_list_and_bad_tags_name_the_field(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-tags").await;
    let api = create(&app, &token, heartbeat("API", &[" Prod ", "eu-west", "prod"])).await;
    create(&app, &token, heartbeat("Staging API", &["staging", "eu-west"])).await;
    create(&app, &token, heartbeat("Untagged", &[])).await;

    let prod = app.graphql_as(&token, LIST, json!({ "f": { "tag": "PROD" } })).await;
    assert_eq!(names(&prod), ["API"], "{prod}");
    assert_eq!(prod["data"]["monitors"]["nodes"][0]["tags"], json!(["eu-west", "prod"]));
    let eu = app.graphql_as(&token, LIST, json!({ "f": { "tag": "eu-west" } })).await;
    assert_eq!(names(&eu), ["Staging API", "API"]);
    let in_use = app.graphql_as(&token, "{ monitorTags }", json!({})).await;
    assert_eq!(in_use["data"]["monitorTags"], json!(["eu-west", "prod", "staging"]), "{in_use}");

    // Updating replaces the tags; `[]` clears them; the tag list follows.
    let update =
        "mutation($id: ID!, $input: UpdateMonitorInput!) { updateMonitor(id: $id, input: $input) { tags } }";
    let updated =
        app.graphql_as(&token, update, json!({ "id": api, "input": { "tags": ["critical"] } })).await;
    assert_eq!(updated["data"]["updateMonitor"]["tags"], json!(["critical"]), "{updated}");
    assert_eq!(
        names(&app.graphql_as(&token, LIST, json!({ "f": { "tag": "prod" } })).await),
        Vec::<String>::new()
    );
    let cleared = app.graphql_as(&token, update, json!({ "id": api, "input": { "tags": [] } })).await;
    assert_eq!(cleared["data"]["updateMonitor"]["tags"], json!([]), "{cleared}");
    let in_use = app.graphql_as(&token, "{ monitorTags }", json!({})).await;
    assert_eq!(in_use["data"]["monitorTags"], json!(["eu-west", "staging"]));

    // Another organization's tags are not listed and do not match.
    let other = owner(&app, "umbrella-tags").await;
    create(&app, &other, heartbeat("Umbrella", &["prod"])).await;
    assert_eq!(
        app.graphql_as(&token, "{ monitorTags }", json!({})).await["data"]["monitorTags"],
        json!(["eu-west", "staging"])
    );
    assert_eq!(
        names(&app.graphql_as(&token, LIST, json!({ "f": { "tag": "prod" } })).await),
        Vec::<String>::new()
    );

    for bad in [
        json!(["has space"]),
        json!([""]),
        json!(["a,b"]),
        json!((0..11).map(|i| format!("t{i}")).collect::<Vec<_>>()),
    ] {
        let mut input = heartbeat("X", &[]);
        input["tags"] = bad.clone();
        let refused = app.graphql_as(&token, CREATE, json!({ "input": input })).await;
        assert!(fields(&refused).contains(&"tags".to_owned()), "{bad}: {refused}");
    }
    let bad_filter = app.graphql_as(&token, LIST, json!({ "f": { "tag": "no spaces" } })).await;
    assert!(fields(&bad_filter).contains(&"filter.tag".to_owned()), "{bad_filter}");
    app.shutdown().await;
}

/// Every page of a list in `order`, two at a time, following `endCursor`.
async fn all_pages(app: &InProcessApp, token: &str, order: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let body = app.graphql_as(token, LIST, json!({ "o": order, "first": 2, "after": after })).await;
        seen.extend(names(&body));
        let info = &body["data"]["monitors"]["pageInfo"];
        if !info["hasNextPage"].as_bool().unwrap() {
            return seen;
        }
        after = Some(info["endCursor"].as_str().unwrap().to_owned());
    }
}

async fn lists_sort_by_name_and_status_across_pages(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-sorts").await;
    let healthy = http_target().await;
    let failing = http_target().await;
    failing.status.store(500, Ordering::SeqCst);
    let http = |name: &str, url: &str| json!({ "name": name, "failureThreshold": 1, "http": { "url": url } });
    create(&app, &token, http("bravo", &healthy.url)).await;
    let down = create(&app, &token, http("Delta", &failing.url)).await;
    create(&app, &token, http("alpha", &healthy.url)).await;
    create(&app, &token, http("Charlie", &healthy.url)).await;
    let paused = create(&app, &token, heartbeat("echo", &[])).await;
    let body = app
        .graphql_as(&token, "mutation($id: ID!) { pauseMonitor(id: $id) { id } }", json!({ "id": paused }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    // Every first check runs within a minute: Delta fails (threshold 1) and is DOWN, echo is
    // paused, the rest are UP.
    advance_and_tick(&app, 61).await;
    assert_eq!(monitor(&app, &token, &down).await["status"], "DOWN");

    assert_eq!(all_pages(&app, &token, "NAME").await, ["alpha", "bravo", "Charlie", "Delta", "echo"]);
    let by_status = all_pages(&app, &token, "STATUS").await;
    assert_eq!(by_status.first().map(String::as_str), Some("Delta"), "worst first: {by_status:?}");
    assert_eq!(by_status.last().map(String::as_str), Some("echo"), "paused last: {by_status:?}");
    assert_eq!(by_status.len(), 5, "no row twice, none missing: {by_status:?}");
    assert_eq!(all_pages(&app, &token, "NEWEST").await, ["echo", "Charlie", "alpha", "Delta", "bravo"]);

    // A cursor of one order is not a cursor of another.
    let first = app.graphql_as(&token, LIST, json!({ "o": "NAME", "first": 1 })).await;
    let cursor = first["data"]["monitors"]["pageInfo"]["endCursor"].as_str().unwrap();
    let mixed = app.graphql_as(&token, LIST, json!({ "o": "NEWEST", "after": cursor })).await;
    assert!(fields(&mixed).contains(&"after".to_owned()), "{mixed}");
    app.shutdown().await;
}

async fn the_incidents_list_spans_monitors_and_filters_open_ones(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-incidents").await;
    let target = http_target().await;
    let http = |name: &str| json!({ "name": name, "failureThreshold": 1, "http": { "url": target.url } });
    let api = create(&app, &token, http("API")).await;
    let web = create(&app, &token, http("Website")).await;
    advance_and_tick(&app, 61).await;
    target.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    target.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    // API goes down again and stays down; Website stays up.
    let update = "mutation($id: ID!) { pauseMonitor(id: $id) { id } }";
    app.graphql_as(&token, update, json!({ "id": web })).await;
    target.status.store(500, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;

    let query = "query($f: IncidentFilter, $after: String) { incidents(first: 2, after: $after, filter: $f) { \
        nodes { monitorId monitorName resolvedAt durationSeconds cause } pageInfo { hasNextPage endCursor } } }";
    let all = app.graphql_as(&token, query, json!({})).await;
    let nodes = all["data"]["incidents"]["nodes"].as_array().unwrap_or_else(|| panic!("{all}"));
    assert_eq!(nodes.len(), 2, "{all}");
    assert_eq!(nodes[0]["monitorName"], "API", "newest first: {all}");
    assert!(nodes[0]["resolvedAt"].is_null() && nodes[0]["durationSeconds"].is_null(), "{all}");
    assert!(nodes[0]["cause"].as_str().unwrap().contains("500"), "{all}");
    assert!(all["data"]["incidents"]["pageInfo"]["hasNextPage"].as_bool().unwrap(), "three incidents: {all}");
    let cursor = all["data"]["incidents"]["pageInfo"]["endCursor"].as_str().unwrap();
    let rest = app.graphql_as(&token, query, json!({ "after": cursor })).await;
    let rest = rest["data"]["incidents"]["nodes"].as_array().unwrap().clone();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["durationSeconds"], 60, "resolved a minute later: {rest:?}");

    let open = app.graphql_as(&token, query, json!({ "f": { "open": true } })).await;
    let open = open["data"]["incidents"]["nodes"].as_array().unwrap().clone();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["monitorId"], api.as_str());
    let of_web = app.graphql_as(&token, query, json!({ "f": { "monitorId": web } })).await;
    assert!(
        of_web["data"]["incidents"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["monitorName"] == "Website")
    );

    // Another organization sees none of them, and naming this one's monitor is NOT_FOUND.
    let other = owner(&app, "umbrella-incidents").await;
    let theirs = app.graphql_as(&other, query, json!({})).await;
    assert_eq!(theirs["data"]["incidents"]["nodes"], json!([]), "{theirs}");
    let foreign = app.graphql_as(&other, query, json!({ "f": { "monitorId": api } })).await;
    assert_eq!(foreign["errors"][0]["extensions"]["code"], "NOT_FOUND", "{foreign}");
    app.shutdown().await;
}

async fn a_tag_scoped_maintenance_window_covers_only_tagged_monitors(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-tagged-maintenance").await;
    let target = http_target().await;
    let http = |name: &str, tags: &[&str]| json!({ "name": name, "tags": tags, "failureThreshold": 1, "http": { "url": target.url } });
    let db_monitor = create(&app, &token, http("Database", &["db"])).await;
    let web = create(&app, &token, http("Website", &["web"])).await;
    advance_and_tick(&app, 61).await;
    let now: DateTime<Utc> = app.clock.now();
    let window = "mutation($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { tag monitorId activeNow } }";
    let input = json!({ "name": "DB upgrade", "tag": "DB", "startsAt": now.to_rfc3339(), "endsAt": (now + Duration::hours(1)).to_rfc3339() });
    let created = app.graphql_as(&token, window, json!({ "input": input })).await;
    assert_eq!(
        created["data"]["createMaintenanceWindow"],
        json!({ "tag": "db", "monitorId": null, "activeNow": true }),
        "{created}"
    );
    let both = json!({ "name": "x", "tag": "db", "monitorId": web, "startsAt": now.to_rfc3339(), "endsAt": (now + Duration::hours(1)).to_rfc3339() });
    let refused = app.graphql_as(&token, window, json!({ "input": both })).await;
    assert!(fields(&refused).contains(&"tag".to_owned()), "{refused}");

    let in_maintenance = "query($id: ID!) { monitor(id: $id) { inMaintenance } }";
    let covered = app.graphql_as(&token, in_maintenance, json!({ "id": db_monitor })).await;
    assert_eq!(covered["data"]["monitor"]["inMaintenance"], true, "{covered}");
    let not_covered = app.graphql_as(&token, in_maintenance, json!({ "id": web })).await;
    assert_eq!(not_covered["data"]["monitor"]["inMaintenance"], false, "{not_covered}");

    // Both go down during the window: only the untagged one alerts.
    target.status.store(500, Ordering::SeqCst);
    advance_and_tick(&app, 60).await;
    assert_eq!(monitor(&app, &token, &db_monitor).await["status"], "DOWN");
    assert_eq!(monitor(&app, &token, &web).await["status"], "DOWN");
    assert_eq!(alert_emails(&app, "monitor_down").await, 1, "the website's alert only");
    app.shutdown().await;
}

async fn a_cron_heartbeat_is_due_at_its_next_run_plus_grace(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-cron-beat").await;
    let input = json!({ "name": "Hourly export", "heartbeat": { "graceSeconds": 120, "cron": "0 * * * *", "timeZone": "Europe/Berlin" } });
    let body = app
        .graphql_as(
            &token,
            "mutation($input: CreateMonitorInput!) { createMonitor(input: $input) { id pingUrl nextCheckAt heartbeat { cron timeZone graceSeconds } } }",
            json!({ "input": input }),
        )
        .await;
    let created = &body["data"]["createMonitor"];
    assert_eq!(
        created["heartbeat"],
        json!({ "cron": "0 * * * *", "timeZone": "Europe/Berlin", "graceSeconds": 120 }),
        "{body}"
    );
    let due: DateTime<Utc> = created["nextCheckAt"].as_str().unwrap().parse().unwrap();
    assert_eq!((due.minute(), due.second()), (2, 0), "the next full hour plus 2 minutes of grace: {due}");
    let id = created["id"].as_str().unwrap().to_owned();
    let ping_path =
        created["pingUrl"].as_str().unwrap().split_once("/ping/").map(|(_, t)| format!("/ping/{t}")).unwrap();

    // The job pings a few seconds after its run: the next deadline is the run after, plus grace.
    let to_due = (due - app.clock.now()).num_seconds();
    app.clock.advance(Duration::seconds(to_due - 115));
    assert_eq!(app.client.get(app.url(&ping_path)).send().await.unwrap().status().as_u16(), 200);
    let after_ping = app
        .graphql_as(
            &token,
            "query($id: ID!) { monitor(id: $id) { status nextCheckAt } }",
            json!({ "id": id }),
        )
        .await;
    let next: DateTime<Utc> = after_ping["data"]["monitor"]["nextCheckAt"].as_str().unwrap().parse().unwrap();
    assert_eq!(after_ping["data"]["monitor"]["status"], "UP", "{after_ping}");
    assert_eq!(next - due, Duration::hours(1), "{after_ping}");

    // No ping for the next run: DOWN two minutes after it, naming the schedule.
    let to_next = (next - app.clock.now()).num_seconds();
    assert_eq!(advance_and_tick(&app, to_next - 1).await, 0, "not late yet");
    assert_eq!(advance_and_tick(&app, 2).await, 1, "late");
    let down = monitor(&app, &token, &id).await;
    assert_eq!(down["status"], "DOWN", "{down}");
    assert!(down["lastError"].as_str().unwrap().contains("on `0 * * * *` (Europe/Berlin)"), "{down}");
    let missed = app
        .graphql_as(&token, "query($id: ID!) { monitor(id: $id) { nextCheckAt } }", json!({ "id": id }))
        .await;
    let again: DateTime<Utc> = missed["data"]["monitor"]["nextCheckAt"].as_str().unwrap().parse().unwrap();
    assert_eq!(again - next, Duration::hours(1), "checked again at the run after: {missed}");

    for (cron, zone, field) in
        [("61 * * * *", "UTC", "heartbeat.cron"), ("0 * * * *", "Mars/Olympus", "heartbeat.timeZone")]
    {
        let input = json!({ "name": "Bad", "heartbeat": { "cron": cron, "timeZone": zone } });
        let refused = app.graphql_as(&token, CREATE, json!({ "input": input })).await;
        assert!(fields(&refused).contains(&field.to_owned()), "{field}: {refused}");
    }
    app.shutdown().await;
}

/// A list page loads `uptime` and `inMaintenance` for all its monitors at once; the answers
/// must equal each monitor's own.
async fn a_list_page_answers_uptime_and_maintenance_like_each_monitor_alone(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-page-loads").await;
    let healthy = http_target().await;
    let failing = http_target().await;
    failing.status.store(500, Ordering::SeqCst);
    let http = |name: &str, url: &str, tags: &[&str]| json!({ "name": name, "tags": tags, "failureThreshold": 1, "intervalSeconds": 60, "http": { "url": url } });
    create(&app, &token, http("Up", &healthy.url, &[])).await;
    create(&app, &token, http("Down", &failing.url, &["db"])).await;
    create(&app, &token, http("Flaky", &healthy.url, &["db"])).await;
    for _ in 0..3 {
        advance_and_tick(&app, 60).await;
    }
    let now: DateTime<Utc> = app.clock.now();
    let window =
        "mutation($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { id } }";
    let input = json!({ "name": "DB", "tag": "db", "startsAt": now.to_rfc3339(), "endsAt": (now + Duration::hours(1)).to_rfc3339() });
    app.graphql_as(&token, window, json!({ "input": input })).await;

    let fields = "id inMaintenance day: uptime(period: DAY) { checks failures uptimePercent } \
        week: uptime(period: WEEK) { checks } latencyTrend";
    let list = app
        .graphql_as(&token, &format!("{{ monitors(first: 10) {{ nodes {{ {fields} }} }} }}"), json!({}))
        .await;
    let nodes = list["data"]["monitors"]["nodes"].as_array().unwrap_or_else(|| panic!("{list}")).clone();
    assert_eq!(nodes.len(), 3);
    let mut checks = 0;
    for node in &nodes {
        let alone = app
            .graphql_as(
                &token,
                &format!("query($id: ID!) {{ monitor(id: $id) {{ {fields} }} }}"),
                json!({ "id": node["id"] }),
            )
            .await;
        assert_eq!(&alone["data"]["monitor"], node, "{alone}");
        checks += node["day"]["checks"].as_i64().unwrap();
    }
    assert!(checks >= 9, "three rounds of three monitors: {nodes:?}");
    assert_eq!(nodes.iter().filter(|n| n["inMaintenance"] == true).count(), 2, "{nodes:?}");
    assert!(nodes.iter().any(|n| n["day"]["failures"].as_i64().unwrap() > 0), "{nodes:?}");
    for node in &nodes {
        let trend = node["latencyTrend"].as_array().unwrap();
        assert_eq!(trend.len(), 24, "{node}");
        assert!(trend.last().unwrap().is_number() || trend[22].is_number(), "this hour has checks: {node}");
        assert!(trend[0].is_null(), "a day ago there were none: {node}");
    }
    app.shutdown().await;
}

//! Incidents for the public, black-box: an organization opens an incident on a page, posts
//! updates along investigating → identified → monitoring → resolved, edits it; visitors see the
//! timeline, the affected components' status and the day bars' incident titles, and page
//! through the history. Detected outages are published in one action, or by themselves on a
//! page set to do so, and resolve by themselves when the outage ends.

use std::sync::atomic::Ordering;

use beacon_tests::fixtures::{access_token, insert_member, insert_tenant, insert_verified_owner};
use beacon_tests::{Backend, InProcessApp, backend_tests};
use entity::tenants::TenantStatus;
use serde_json::{Value, json};

use super::monitoring::{advance_and_tick, create, engine_app, fields, http_target, owner};

backend_tests!(
    incidents_are_told_with_a_timeline_and_paged_history,
    outages_are_published_in_one_action_or_by_themselves
);

const CREATE_PAGE: &str = "mutation($input: StatusPageInput!) { createStatusPage(input: $input) { id } }";
const SET: &str = "mutation($id: ID!, $components: [StatusPageComponentInput!]!) { \
    setStatusPageComponents(id: $id, components: $components) { components { id name } } }";
const INCIDENT: &str = "id title status impact outageId resolvedAt \
    components { componentId name impact } updates { id status message editedAt }";
const PUBLIC: &str = "query($slug: String!) { publicStatusPage(slug: $slug) { status \
    components { name status days { date incidents } } \
    activeIncidents { id title status impact components { name impact } updates { status message createdAt } startedAt resolvedAt } \
    incidentHistory { incidents { title status updates { status } } hasNextPage endCursor } \
    activeOutages { components } recentOutages { components } } }";

async fn page_with(
    app: &InProcessApp,
    token: &str,
    input: Value,
    components: Value,
) -> (String, Vec<String>) {
    let body = app.graphql_as(token, CREATE_PAGE, json!({ "input": input })).await;
    let page = body["data"]["createStatusPage"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let set = app.graphql_as(token, SET, json!({ "id": page, "components": components })).await;
    let ids = set["data"]["setStatusPageComponents"]["components"]
        .as_array()
        .unwrap_or_else(|| panic!("{set}"))
        .iter()
        .map(|component| component["id"].as_str().unwrap().to_owned())
        .collect();
    (page, ids)
}

async fn public(app: &InProcessApp, host: &str, slug: &str) -> Value {
    let body = app.graphql_on_host(host, PUBLIC, json!({ "slug": slug })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["publicStatusPage"].clone()
}

/// The public page once `ready` holds: a status change reaches the page cache as a live event a
/// moment after the check is recorded (NOTIFY on PostgreSQL). The manual clock stands still, so
/// this waits for the event, never for the cache to age.
async fn public_once(app: &InProcessApp, host: &str, slug: &str, ready: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let view = public(app, host, slug).await;
        if ready(&view) {
            return view;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the public page at {host}/{slug} never changed: {}", public(app, host, slug).await)
}

fn incident_of(body: &Value, operation: &str) -> Value {
    assert!(body["errors"].is_null(), "{operation}: {body}");
    body["data"][operation].clone()
}

async fn incidents_are_told_with_a_timeline_and_paged_history(backend: Backend) {
    let app = engine_app(backend).await;
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, "acme-told", TenantStatus::Active).await;
    let owner_id = insert_verified_owner(&db, tenant, "owner@acme-told.test").await;
    let token = access_token(&db, owner_id, tenant, "owner").await;
    let viewer_id =
        insert_member(&db, tenant, "viewer@acme-told.test", entity::memberships::Role::Viewer).await;
    let viewer = access_token(&db, viewer_id, tenant, "viewer").await;
    let heartbeat = |name: &str| json!({ "name": name, "heartbeat": { "graceSeconds": 60 } });
    let api = create(&app, &token, heartbeat("api-prod-eu (private)")).await;
    let web = create(&app, &token, heartbeat("web-prod")).await;
    let (page, components) = page_with(
        &app,
        &token,
        json!({ "title": "Acme status" }),
        json!([{ "monitorId": api, "name": "API" }, { "monitorId": web, "name": "Website" }]),
    )
    .await;
    let (api_component, web_component) = (&components[0], &components[1]);

    // Bad input names its fields; a viewer may not write; a foreign or unknown component is
    // NOT_FOUND; a component listed twice names its place.
    let open = format!(
        "mutation($page: ID!, $input: CreateStatusIncidentInput!) {{ createStatusIncident(pageId: $page, input: $input) {{ {INCIDENT} }} }}"
    );
    let bad = app
        .graphql_as(&token, &open, json!({ "page": page, "input": { "title": " ", "message": "", "components": [{ "componentId": "nope", "impact": "MAJOR" }] } }))
        .await;
    assert_eq!(fields(&bad), ["title", "message", "components.0.componentId"], "{bad}");
    let input = json!({ "title": "Elevated API errors", "message": "We are looking into errors on the API.",
        "components": [{ "componentId": api_component, "impact": "MAJOR" }] });
    let refused = app.graphql_as(&viewer, &open, json!({ "page": page, "input": input })).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN", "{refused}");
    let unknown = json!({ "title": "T", "message": "M", "components": [{ "componentId": uuid::Uuid::now_v7().to_string(), "impact": "MAJOR" }] });
    let missing = app.graphql_as(&token, &open, json!({ "page": page, "input": unknown })).await;
    assert_eq!(missing["errors"][0]["extensions"]["code"], "NOT_FOUND", "{missing}");
    let twice = json!({ "title": "T", "message": "M", "components": [
        { "componentId": api_component, "impact": "MAJOR" }, { "componentId": api_component, "impact": "PARTIAL" }] });
    let duplicate = app.graphql_as(&token, &open, json!({ "page": page, "input": twice })).await;
    assert_eq!(fields(&duplicate), ["components.1.componentId"], "{duplicate}");

    let created = incident_of(
        &app.graphql_as(&token, &open, json!({ "page": page, "input": input })).await,
        "createStatusIncident",
    );
    assert_eq!(created["status"], "INVESTIGATING");
    assert_eq!(created["impact"], "MAJOR");
    assert_eq!(
        created["components"],
        json!([{ "componentId": api_component, "name": "API", "impact": "MAJOR" }])
    );
    let id = created["id"].as_str().unwrap().to_owned();

    // Visitors see it at once (a page edit clears the cache): the API is out, so the page is
    // partly out; today's bar names the incident.
    let host = "acme-told.localhost";
    let view = public(&app, host, "").await;
    assert_eq!(view["status"], "PARTIAL_OUTAGE", "{view}");
    assert_eq!(view["components"][0]["status"], "OUTAGE", "{view}");
    assert_eq!(view["components"][1]["status"], "UNKNOWN", "{view}");
    assert_eq!(view["components"][0]["days"][89]["incidents"], json!(["Elevated API errors"]), "{view}");
    assert_eq!(view["components"][1]["days"][89]["incidents"], json!([]), "{view}");
    let active = &view["activeIncidents"][0];
    assert_eq!(active["title"], "Elevated API errors");
    assert_eq!(active["components"], json!([{ "name": "API", "impact": "MAJOR" }]));
    assert_eq!(active["updates"][0]["message"], "We are looking into errors on the API.");

    // Updates along the way; the impact is lowered by an edit; a message is corrected.
    let post = format!(
        "mutation($id: ID!, $input: StatusIncidentUpdateInput!) {{ postStatusIncidentUpdate(id: $id, input: $input) {{ {INCIDENT} }} }}"
    );
    for (status, message) in
        [("IDENTIFIED", "A bad deploy; rolling back."), ("MONITORING", "Rolled back; watching.")]
    {
        let body = app
            .graphql_as(&token, &post, json!({ "id": id, "input": { "status": status, "message": message } }))
            .await;
        assert_eq!(incident_of(&body, "postStatusIncidentUpdate")["status"], status);
    }
    let edit = format!(
        "mutation($id: ID!, $input: EditStatusIncidentInput!) {{ editStatusIncident(id: $id, input: $input) {{ {INCIDENT} }} }}"
    );
    let edited = incident_of(
        &app.graphql_as(&token, &edit, json!({ "id": id, "input": { "title": "API errors after a deploy",
            "components": [{ "componentId": api_component, "impact": "DEGRADED" }, { "componentId": web_component, "impact": "PARTIAL" }] } }))
            .await,
        "editStatusIncident",
    );
    assert_eq!(edited["impact"], "PARTIAL");
    let first_update = edited["updates"][0]["id"].as_str().unwrap().to_owned();
    let correct = format!(
        "mutation($id: ID!, $message: String!) {{ editStatusIncidentUpdate(id: $id, message: $message) {{ {INCIDENT} }} }}"
    );
    let corrected = incident_of(
        &app.graphql_as(
            &token,
            &correct,
            json!({ "id": first_update, "message": "We are looking into API errors." }),
        )
        .await,
        "editStatusIncidentUpdate",
    );
    assert!(corrected["updates"][0]["editedAt"].is_string(), "{corrected}");
    let view = public(&app, host, "").await;
    let active = &view["activeIncidents"][0];
    assert_eq!(active["title"], "API errors after a deploy", "{view}");
    let statuses: Vec<&str> =
        active["updates"].as_array().unwrap().iter().map(|u| u["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["INVESTIGATING", "IDENTIFIED", "MONITORING"], "oldest first: {view}");
    assert_eq!(active["updates"][0]["message"], "We are looking into API errors.");
    assert_eq!(
        (view["components"][0]["status"].as_str(), view["components"][1]["status"].as_str()),
        (Some("DEGRADED"), Some("PARTIAL_OUTAGE"))
    );

    // Resolved: out of the active list, first in the history, components back to their checks.
    let resolve = json!({ "id": id, "input": { "status": "RESOLVED", "message": "Fixed." } });
    let resolved = incident_of(&app.graphql_as(&token, &post, resolve).await, "postStatusIncidentUpdate");
    assert!(resolved["resolvedAt"].is_string(), "{resolved}");
    let view = public(&app, host, "").await;
    assert_eq!(view["activeIncidents"], json!([]), "{view}");
    assert_eq!(view["status"], "OPERATIONAL", "{view}");
    assert_eq!(view["incidentHistory"]["incidents"][0]["title"], "API errors after a deploy");
    assert_eq!(view["incidentHistory"]["incidents"][0]["updates"].as_array().unwrap().len(), 4);

    // The history pages: 12 more resolved incidents, ten a page, none twice.
    for n in 0..12 {
        app.clock.advance(chrono::Duration::seconds(60));
        let input = json!({ "title": format!("Old incident {n}"), "status": "RESOLVED", "message": "Over." });
        incident_of(
            &app.graphql_as(&token, &open, json!({ "page": page, "input": input })).await,
            "createStatusIncident",
        );
    }
    let view = public(&app, host, "").await;
    let history = &view["incidentHistory"];
    assert_eq!(history["incidents"].as_array().unwrap().len(), 10, "{view}");
    assert_eq!(history["incidents"][0]["title"], "Old incident 11", "newest first");
    assert_eq!(history["hasNextPage"], true);
    let next = "query($after: String) { publicStatusPage { incidentHistory(first: 10, after: $after) { incidents { title } hasNextPage } } }";
    let body = app.graphql_on_host(host, next, json!({ "after": history["endCursor"] })).await;
    let rest = &body["data"]["publicStatusPage"]["incidentHistory"];
    let titles: Vec<&str> =
        rest["incidents"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Old incident 1", "Old incident 0", "API errors after a deploy"], "{body}");
    assert_eq!(rest["hasNextPage"], false);

    // The organization's list, and delete.
    let list = "query($page: ID!) { statusIncidents(pageId: $page, first: 100) { nodes { title } } }";
    let body = app.graphql_as(&viewer, list, json!({ "page": page })).await;
    assert_eq!(body["data"]["statusIncidents"]["nodes"].as_array().unwrap().len(), 13, "{body}");
    let delete = "mutation($id: ID!) { deleteStatusIncident(id: $id) }";
    assert_eq!(app.graphql_as(&token, delete, json!({ "id": id })).await["data"]["deleteStatusIncident"], id);
    let gone = app
        .graphql_as(
            &token,
            &format!("query($id: ID!) {{ statusIncident(id: $id) {{ {INCIDENT} }} }}"),
            json!({ "id": id }),
        )
        .await;
    assert_eq!(gone["errors"][0]["extensions"]["code"], "NOT_FOUND", "{gone}");

    // Nothing private reaches the public page.
    let text = public(&app, host, "").await.to_string();
    for private in ["api-prod-eu", "web-prod", api.as_str(), web.as_str(), api_component.as_str()] {
        assert!(!text.contains(private), "{private} leaked: {text}");
    }
    app.shutdown().await;
}

async fn outages_are_published_in_one_action_or_by_themselves(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-outage").await;
    let target = http_target().await;
    let other_target = http_target().await;
    let http = |name: &str, url: &str| json!({ "name": name, "intervalSeconds": 10, "failureThreshold": 1, "http": { "url": url } });
    let api = create(&app, &token, http("api-internal", &target.url)).await;
    let db_monitor = create(&app, &token, http("db-internal", &other_target.url)).await;
    // The default page publishes by hand; /auto publishes by itself.
    let (manual, _) =
        page_with(&app, &token, json!({ "title": "Acme" }), json!([{ "monitorId": api, "name": "API" }]))
            .await;
    let (_auto, _) = page_with(
        &app,
        &token,
        json!({ "title": "Acme (auto)", "slug": "auto", "autoPublishOutages": true }),
        json!([{ "monitorId": api, "name": "Public API" }]),
    )
    .await;
    advance_and_tick(&app, 61).await;

    target.status.store(503, Ordering::SeqCst);
    other_target.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 10).await;
    let host = "acme-outage.localhost";
    let auto = public_once(&app, host, "auto", |view| {
        view["activeIncidents"].as_array().is_some_and(|a| !a.is_empty())
    })
    .await;
    let incident = &auto["activeIncidents"][0];
    assert_eq!(incident["title"], "Public API is unavailable", "{auto}");
    assert_eq!(incident["status"], "INVESTIGATING");
    assert_eq!(incident["components"], json!([{ "name": "Public API", "impact": "MAJOR" }]));
    assert_eq!(auto["activeOutages"], json!([]), "the incident tells the outage: {auto}");
    // What a visitor reads (timestamps aside: their digits may spell "503").
    let mut read = vec![incident["title"].to_string(), incident["components"].to_string()];
    read.extend(incident["updates"].as_array().unwrap().iter().map(|u| u["message"].to_string()));
    read.extend(auto["components"].as_array().unwrap().iter().map(|c| c["name"].to_string()));
    let text = read.join(" ");
    assert!(
        !text.contains("503") && !text.contains("api-internal"),
        "no check error or monitor name: {text}"
    );
    let manual_view =
        public_once(&app, host, "", |view| view["activeOutages"].as_array().is_some_and(|a| !a.is_empty()))
            .await;
    assert_eq!(manual_view["activeIncidents"], json!([]), "{manual_view}");

    // Publishing by hand: once per page; a monitor not on the page is refused by name.
    let outage_of = |monitor: String| {
        let app = &app;
        let token = token.clone();
        async move {
            let body = app
                .graphql_as(
                    &token,
                    "query($id: ID!) { monitor(id: $id) { incidents { id } } }",
                    json!({ "id": monitor }),
                )
                .await;
            body["data"]["monitor"]["incidents"][0]["id"]
                .as_str()
                .unwrap_or_else(|| panic!("{body}"))
                .to_owned()
        }
    };
    let outage = outage_of(api.clone()).await;
    let publish = format!(
        "mutation($page: ID!, $outage: ID!) {{ publishOutage(pageId: $page, outageId: $outage) {{ {INCIDENT} }} }}"
    );
    let published = incident_of(
        &app.graphql_as(&token, &publish, json!({ "page": manual, "outage": outage })).await,
        "publishOutage",
    );
    assert_eq!(published["title"], "API is unavailable");
    assert_eq!(published["outageId"], outage.as_str());
    let again = app.graphql_as(&token, &publish, json!({ "page": manual, "outage": outage })).await;
    assert_eq!(again["errors"][0]["extensions"]["code"], "CONFLICT", "{again}");
    let elsewhere = app
        .graphql_as(&token, &publish, json!({ "page": manual, "outage": outage_of(db_monitor).await }))
        .await;
    assert_eq!(fields(&elsewhere), ["outageId"], "{elsewhere}");
    let manual_view = public(&app, host, "").await;
    assert_eq!(manual_view["activeIncidents"][0]["title"], "API is unavailable", "{manual_view}");
    assert_eq!(manual_view["activeOutages"], json!([]), "{manual_view}");

    // Recovery resolves both by themselves, with the downtime in the last update.
    target.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 10).await;
    for slug in ["auto", ""] {
        let view = public_once(&app, host, slug, |view| view["activeIncidents"] == json!([])).await;
        let told = &view["incidentHistory"]["incidents"][0];
        assert_eq!(told["status"], "RESOLVED", "{view}");
        let statuses: Vec<&str> =
            told["updates"].as_array().unwrap().iter().map(|u| u["status"].as_str().unwrap()).collect();
        assert_eq!(statuses, ["INVESTIGATING", "RESOLVED"], "{view}");
        assert_eq!(view["recentOutages"], json!([]), "{view}");
    }
    let body = app
        .graphql_as(
            &token,
            &format!("query($id: ID!) {{ statusIncident(id: $id) {{ {INCIDENT} }} }}"),
            json!({ "id": published["id"] }),
        )
        .await;
    let message =
        body["data"]["statusIncident"]["updates"][1]["message"].as_str().unwrap_or_default().to_owned();
    assert_eq!(message, "API is available again after 10s of downtime.", "{body}");
    app.shutdown().await;
}

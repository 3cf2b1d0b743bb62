//! Public status pages, black-box: the organization manages pages and their components through
//! the API; a visitor on the tenant's host reads `publicStatusPage` without logging in and sees
//! only public names; a status change shows at once although pages are cached.

use std::sync::atomic::Ordering;

use beacon_tests::fixtures::{access_token, insert_member, insert_tenant, insert_verified_owner};
use beacon_tests::{Backend, InProcessApp, backend_tests};
use entity::tenants::TenantStatus;
use serde_json::{Value, json};

use super::monitoring::{advance_and_tick, create, engine_app, fields, http_target, owner};

backend_tests!(
    pages_are_managed_by_members_and_slugs_are_checked,
    visitors_see_public_names_only_and_outages_at_once,
    a_page_shows_only_its_own_tenants_monitors,
    maintenance_reaches_the_cached_page_at_once
);

const CREATE_PAGE: &str =
    "mutation($input: StatusPageInput!) { createStatusPage(input: $input) { id slug url } }";
const SET: &str = "mutation($id: ID!, $components: [StatusPageComponentInput!]!) { \
    setStatusPageComponents(id: $id, components: $components) { components { monitorId name group } } }";
const PUBLIC: &str = "query($slug: String!) { publicStatusPage(slug: $slug) { organization title description status \
    components { name group status uptimePercent days { date uptimePercent downtimeSeconds outages } responseMs } \
    activeOutages { components startedAt resolvedAt } recentOutages { components resolvedAt } generatedAt } }";

async fn create_page(app: &InProcessApp, token: &str, input: Value) -> String {
    let body = app.graphql_as(token, CREATE_PAGE, json!({ "input": input })).await;
    body["data"]["createStatusPage"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned()
}

/// The public page once `ready` holds. A status change reaches the page cache as a live event
/// a moment after the check is recorded (through NOTIFY on PostgreSQL), so the first request
/// may still see the cached view; this waits for the event, not for a time to pass: the manual
/// clock stands still, so the cache never expires by age meanwhile.
async fn page_once(app: &InProcessApp, host: &str, ready: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let body = app.graphql_on_host(host, PUBLIC, json!({ "slug": "" })).await;
        if ready(&body["data"]["publicStatusPage"]) {
            return body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the public page never changed")
}

/// `query` on `host` once `ready` holds for its page (see [`page_once`]).
async fn until(app: &InProcessApp, host: &str, query: &str, ready: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let body = app.graphql_on_host(host, query, Value::Null).await;
        if ready(&body["data"]["publicStatusPage"]) {
            return body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the public page never changed")
}

async fn pages_are_managed_by_members_and_slugs_are_checked(backend: Backend) {
    let app = engine_app(backend).await;
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, "acme-pages", TenantStatus::Active).await;
    let owner_id = insert_verified_owner(&db, tenant, "owner@acme-pages.test").await;
    let token = access_token(&db, owner_id, tenant, "owner").await;
    let viewer_id =
        insert_member(&db, tenant, "viewer@acme-pages.test", entity::memberships::Role::Viewer).await;
    let viewer = access_token(&db, viewer_id, tenant, "viewer").await;

    let body = app.graphql_as(&token, CREATE_PAGE, json!({ "input": { "title": "Acme status" } })).await;
    let default = &body["data"]["createStatusPage"];
    assert_eq!(default["slug"], "", "{body}");
    assert!(default["url"].as_str().unwrap().starts_with("http://acme-pages.localhost"), "{body}");
    let api = create_page(&app, &token, json!({ "title": "API status", "slug": " /API/ " })).await;

    let again = app.graphql_as(&token, CREATE_PAGE, json!({ "input": { "title": "Second default" } })).await;
    assert_eq!(fields(&again), ["slug"], "one default page: {again}");
    let reserved =
        app.graphql_as(&token, CREATE_PAGE, json!({ "input": { "title": "X", "slug": "app" } })).await;
    assert_eq!(fields(&reserved), ["slug"], "{reserved}");
    let bad = app
        .graphql_as(
            &token,
            CREATE_PAGE,
            json!({ "input": { "title": " ", "slug": "a b", "description": "x".repeat(501) } }),
        )
        .await;
    assert_eq!(fields(&bad), ["slug", "title", "description"], "{bad}");
    let refused =
        app.graphql_as(&viewer, CREATE_PAGE, json!({ "input": { "title": "Mine", "slug": "mine" } })).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN", "{refused}");

    let monitor =
        create(&app, &token, json!({ "name": "Backend 3", "heartbeat": { "graceSeconds": 60 } })).await;
    let components = json!([{ "monitorId": monitor, "name": "Public API", "group": "Core" }]);
    let set = app.graphql_as(&token, SET, json!({ "id": api, "components": components })).await;
    assert_eq!(
        set["data"]["setStatusPageComponents"]["components"],
        json!([{ "monitorId": monitor, "name": "Public API", "group": "Core" }]),
        "{set}"
    );
    let twice = json!([{ "monitorId": monitor, "name": "A" }, { "monitorId": monitor, "name": "B" }]);
    let duplicate = app.graphql_as(&token, SET, json!({ "id": api, "components": twice })).await;
    assert_eq!(fields(&duplicate), ["components.1.monitorId"], "{duplicate}");

    let list = app.graphql_as(&viewer, "{ statusPages { slug title components { name } } }", json!({})).await;
    assert_eq!(
        list["data"]["statusPages"],
        json!([{ "slug": "", "title": "Acme status", "components": [] },
               { "slug": "api", "title": "API status", "components": [{ "name": "Public API" }] }]),
        "{list}"
    );
    let update = "mutation($id: ID!) { updateStatusPage(id: $id, input: { title: \"Platform\", slug: \"platform\" }) { slug url } }";
    let updated = app.graphql_as(&token, update, json!({ "id": api })).await;
    assert!(updated["data"]["updateStatusPage"]["url"].as_str().unwrap().ends_with("/platform"), "{updated}");
    let deleted = app
        .graphql_as(&token, "mutation($id: ID!) { deleteStatusPage(id: $id) { slug } }", json!({ "id": api }))
        .await;
    assert_eq!(deleted["data"]["deleteStatusPage"]["slug"], "platform", "{deleted}");
    let gone =
        app.graphql_as(&token, "query($id: ID!) { statusPage(id: $id) { id } }", json!({ "id": api })).await;
    assert_eq!(gone["errors"][0]["extensions"]["code"], "NOT_FOUND", "{gone}");
    app.shutdown().await;
}

async fn visitors_see_public_names_only_and_outages_at_once(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-public").await;
    let target = http_target().await;
    let http = |name: &str| json!({ "name": name, "intervalSeconds": 10, "failureThreshold": 1, "http": { "url": target.url } });
    let api = create(&app, &token, http("prod-api-eu-1 (internal)")).await;
    let web = create(&app, &token, http("nginx-frontend")).await;
    let page =
        create_page(&app, &token, json!({ "title": "Acme status", "description": "Live status of Acme." }))
            .await;
    let components = json!([
        { "monitorId": api, "name": "API", "group": "Platform" },
        { "monitorId": web, "name": "Website", "group": "Platform" },
    ]);
    assert!(
        app.graphql_as(&token, SET, json!({ "id": page, "components": components })).await["errors"]
            .is_null()
    );
    advance_and_tick(&app, 61).await;

    let host = "acme-public.localhost";
    let first = app.graphql_on_host(host, PUBLIC, json!({ "slug": "" })).await;
    let view = &first["data"]["publicStatusPage"];
    assert_eq!(view["status"], "OPERATIONAL", "{first}");
    assert_eq!(view["organization"], "Tenant acme-public", "{first}");
    assert_eq!(view["components"][0]["name"], "API");
    assert_eq!(view["components"][0]["status"], "OPERATIONAL");
    assert_eq!(view["components"][0]["days"].as_array().unwrap().len(), 90);
    assert_eq!(view["components"][0]["days"][89]["uptimePercent"], 100.0, "{first}");
    assert_eq!(view["components"][0]["responseMs"].as_array().unwrap().len(), 24);

    // Cached: a few seconds later (no status change) the same view is served.
    app.clock.advance(chrono::Duration::seconds(5));
    let cached = app.graphql_on_host(host, PUBLIC, json!({ "slug": "" })).await;
    assert_eq!(
        cached["data"]["publicStatusPage"]["generatedAt"], view["generatedAt"],
        "served from the cache"
    );

    // The target fails: both components go down at the next check, and the page says so at
    // once although its cached view is only seconds old.
    target.status.store(503, Ordering::SeqCst);
    advance_and_tick(&app, 10).await;
    let down = page_once(&app, host, |view| view["status"] != "OPERATIONAL").await;
    let view = &down["data"]["publicStatusPage"];
    assert_eq!(view["status"], "MAJOR_OUTAGE", "{down}");
    assert_eq!(view["activeOutages"].as_array().unwrap().len(), 2, "{down}");
    assert_eq!(view["activeOutages"][0]["resolvedAt"], Value::Null);

    // Recovery: resolved outages move to the history, with their downtime on today's bar.
    target.status.store(200, Ordering::SeqCst);
    advance_and_tick(&app, 10).await;
    let recovered = page_once(&app, host, |view| view["status"] == "OPERATIONAL").await;
    let view = &recovered["data"]["publicStatusPage"];
    assert_eq!(view["status"], "OPERATIONAL", "{recovered}");
    assert_eq!(view["recentOutages"].as_array().unwrap().len(), 2, "{recovered}");
    let today = &view["components"][0]["days"][89];
    assert_eq!(
        (today["outages"].as_i64(), today["downtimeSeconds"].as_i64()),
        (Some(1), Some(10)),
        "{recovered}"
    );

    // Nothing private leaks: no monitor names, targets, errors or ids.
    let text = recovered.to_string();
    for private in ["prod-api-eu-1", "nginx-frontend", target.url.as_str(), api.as_str(), web.as_str()] {
        assert!(!text.contains(private), "{private} leaked: {text}");
    }
    // No page at that slug, an unknown tenant, the apex: null, not an error.
    for (host, slug) in [(host, "nope"), ("nobody.localhost", ""), ("localhost", "")] {
        let none = app.graphql_on_host(host, PUBLIC, json!({ "slug": slug })).await;
        assert_eq!(none["data"]["publicStatusPage"], Value::Null, "{host}/{slug}: {none}");
    }
    app.shutdown().await;
}

async fn a_page_shows_only_its_own_tenants_monitors(backend: Backend) {
    let app = engine_app(backend).await;
    let acme = owner(&app, "acme-own").await;
    let globex = owner(&app, "globex-own").await;
    let theirs =
        create(&app, &globex, json!({ "name": "Globex secret", "heartbeat": { "graceSeconds": 60 } })).await;
    let page = create_page(&app, &acme, json!({ "title": "Acme" })).await;
    let components = json!([{ "monitorId": theirs, "name": "Stolen" }]);
    let refused = app.graphql_as(&acme, SET, json!({ "id": page, "components": components })).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "NOT_FOUND", "{refused}");
    let view = app.graphql_on_host("acme-own.localhost", PUBLIC, json!({ "slug": "" })).await;
    assert_eq!(view["data"]["publicStatusPage"]["components"], json!([]), "{view}");
    // Globex's host does not serve Acme's page.
    let other = app.graphql_on_host("globex-own.localhost", PUBLIC, json!({ "slug": "" })).await;
    assert_eq!(other["data"]["publicStatusPage"], Value::Null, "{other}");
    app.shutdown().await;
}

/// A page's view is cached; announcing or ending maintenance drops it (the clock stands still,
/// so only the invalidation can explain the change; it reaches the cache as an event a moment
/// after the mutation answers, hence the bounded wait).
async fn maintenance_reaches_the_cached_page_at_once(backend: Backend) {
    let app = engine_app(backend).await;
    let token = owner(&app, "acme-window").await;
    let monitor = create(&app, &token, json!({ "name": "db", "heartbeat": { "graceSeconds": 60 } })).await;
    let page = create_page(&app, &token, json!({ "title": "Acme" })).await;
    let components = json!([{ "monitorId": monitor, "name": "Database" }]);
    assert!(
        app.graphql_as(&token, SET, json!({ "id": page, "components": components })).await["errors"]
            .is_null()
    );
    let host = "acme-window.localhost";
    let query = "{ publicStatusPage { components { status } maintenance { name active } } }";
    let before = app.graphql_on_host(host, query, Value::Null).await;
    assert_eq!(before["data"]["publicStatusPage"]["maintenance"], json!([]), "{before}");

    let now = app.clock.now_utc();
    let window = app
        .graphql_as(
            &token,
            "mutation($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { id } }",
            json!({ "input": { "name": "Database upgrade", "startsAt": now.to_rfc3339(),
                               "endsAt": (now + chrono::Duration::minutes(30)).to_rfc3339() } }),
        )
        .await;
    let id = window["data"]["createMaintenanceWindow"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{window}"))
        .to_owned();
    let during = until(&app, host, query, |view| view["maintenance"] != json!([])).await;
    assert_eq!(
        during["data"]["publicStatusPage"],
        json!({ "components": [{ "status": "MAINTENANCE" }], "maintenance": [{ "name": "Database upgrade", "active": true }] }),
        "{during}"
    );
    let delete = "mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { id } }";
    assert!(app.graphql_as(&token, delete, json!({ "id": id })).await["errors"].is_null());
    let after = until(&app, host, query, |view| view["maintenance"] == json!([])).await;
    assert_eq!(after["data"]["publicStatusPage"]["components"], json!([{ "status": "UNKNOWN" }]), "{after}");
    app.shutdown().await;
}

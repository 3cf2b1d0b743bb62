//! Status-page subscribers, black-box: a visitor subscribes on the tenant's host (to all or
//! some components), confirms through the emailed link (double opt-in), receives incident
//! updates that touch their components through a real SMTP server with RFC 8058 one-click
//! unsubscribe headers, and unsubscribes with one POST. Sign-ups are limited per address; the
//! organization lists, exports (CSV) and removes subscribers.

use std::time::Duration;

use beacon_tests::fixtures::{access_token, insert_member, insert_tenant, insert_verified_owner};
use beacon_tests::smtp::{SmtpSink, SmtpSinkOptions};
use beacon_tests::{Backend, InProcessApp, backend_tests};
use entity::tenants::TenantStatus;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use super::monitoring::{create, fields};

backend_tests!(
    visitors_confirm_get_their_updates_and_leave_in_one_click,
    sign_ups_are_limited_and_say_nothing,
    maintenance_start_and_end_reach_the_subscribers_it_concerns_once
);

const SUBSCRIBE: &str = "mutation($slug: String!, $email: String!, $components: [ID!]!) { \
    subscribeToStatusPage(slug: $slug, email: $email, componentIds: $components) { message } }";
const SUBSCRIPTION: &str = "query($token: String!) { statusSubscription(token: $token) { \
    pageTitle pagePath email confirmed components } }";
const CONFIRM: &str = "mutation($token: String!) { confirmStatusSubscription(token: $token) }";
const OPEN: &str = "mutation($page: ID!, $input: CreateStatusIncidentInput!) { createStatusIncident(pageId: $page, input: $input) { id } }";
const POST: &str = "mutation($id: ID!, $input: StatusIncidentUpdateInput!) { postStatusIncidentUpdate(id: $id, input: $input) { id } }";

/// An organization with a default page of two components; (owner token, viewer token, page
/// id, [API component id, Website component id]).
pub(crate) async fn arrange(app: &InProcessApp, slug: &str) -> (String, String, String, Vec<String>) {
    let db = app.database.connect().await;
    let tenant = insert_tenant(&db, slug, TenantStatus::Active).await;
    let owner_id = insert_verified_owner(&db, tenant, &format!("owner@{slug}.test")).await;
    let token = access_token(&db, owner_id, tenant, "owner").await;
    let viewer_id =
        insert_member(&db, tenant, &format!("viewer@{slug}.test"), entity::memberships::Role::Viewer).await;
    let viewer = access_token(&db, viewer_id, tenant, "viewer").await;
    let heartbeat = |name: &str| json!({ "name": name, "heartbeat": { "graceSeconds": 60 } });
    let api = create(app, &token, heartbeat("api")).await;
    let web = create(app, &token, heartbeat("web")).await;
    let body = app
        .graphql_as(
            &token,
            "mutation { createStatusPage(input: { title: \"Acme status\" }) { id } }",
            Value::Null,
        )
        .await;
    let page = body["data"]["createStatusPage"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let set = "mutation($id: ID!, $components: [StatusPageComponentInput!]!) { \
        setStatusPageComponents(id: $id, components: $components) { id } }";
    let components = json!([{ "monitorId": api, "name": "API" }, { "monitorId": web, "name": "Website" }]);
    assert!(
        app.graphql_as(&token, set, json!({ "id": page, "components": components })).await["errors"]
            .is_null()
    );
    // Visitors pick components by the ids the public page shows.
    let host = format!("{slug}.localhost");
    let view =
        app.graphql_on_host(&host, "{ publicStatusPage { components { id name } } }", Value::Null).await;
    let ids = view["data"]["publicStatusPage"]["components"]
        .as_array()
        .unwrap_or_else(|| panic!("{view}"))
        .iter()
        .map(|component| component["id"].as_str().unwrap().to_owned())
        .collect();
    (token, viewer, page, ids)
}

/// The outbox rows of `kind` to `recipient`, oldest first.
pub(crate) async fn outbox(
    app: &InProcessApp,
    kind: &str,
    recipient: &str,
) -> Vec<entity::email_outbox::Model> {
    let db = app.database.connect().await;
    entity::email_outbox::Entity::find()
        .filter(entity::email_outbox::Column::Kind.eq(kind))
        .filter(entity::email_outbox::Column::Recipient.eq(recipient))
        .order_by_asc(entity::email_outbox::Column::CreatedAt)
        .all(&db)
        .await
        .unwrap()
}

/// The token of the newest confirmation email to `recipient`.
async fn confirmation_token(app: &InProcessApp, recipient: &str) -> String {
    let mails = outbox(app, "subscription_confirm", recipient).await;
    let text = &mails.last().unwrap_or_else(|| panic!("no confirmation to {recipient}")).body_text;
    let (_, rest) = text.split_once("token=").unwrap_or_else(|| panic!("no link in {text}"));
    rest.split_whitespace().next().unwrap().to_owned()
}

async fn visitors_confirm_get_their_updates_and_leave_in_one_click(backend: Backend) {
    let sink = SmtpSink::start(SmtpSinkOptions::default());
    let app =
        InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false"), ("SMTP_URL", &sink.url())]).await;
    let (token, viewer, page, components) = arrange(&app, "acme-subs").await;
    let (api, web) = (&components[0], &components[1]);
    let host = "acme-subs.localhost";
    let subscribe = |email: &'static str, components: Value| {
        let app = &app;
        async move {
            app.graphql_on_host(
                host,
                SUBSCRIBE,
                json!({ "slug": "", "email": email, "components": components }),
            )
            .await
        }
    };

    // Bad input names its field; another page's or an unknown component is refused; an unknown
    // host has no page.
    assert_eq!(fields(&subscribe("not an address", json!([])).await), ["email"]);
    assert_eq!(
        fields(&subscribe("x@example.org", json!([uuid::Uuid::now_v7().to_string()])).await),
        ["componentIds"]
    );
    let nowhere = app
        .graphql_on_host(
            "nobody.localhost",
            SUBSCRIBE,
            json!({ "slug": "", "email": "x@example.org", "components": [] }),
        )
        .await;
    assert_eq!(nowhere["errors"][0]["extensions"]["code"], "NOT_FOUND", "{nowhere}");

    // Ann follows everything, Bob only the website, Carol never confirms.
    let answer = subscribe("Ann@Example.org", json!([])).await;
    assert!(
        answer["data"]["subscribeToStatusPage"]["message"].as_str().unwrap().contains("inbox"),
        "{answer}"
    );
    assert!(subscribe("bob@example.org", json!([web])).await["errors"].is_null());
    assert!(subscribe("carol@example.org", json!([])).await["errors"].is_null());
    // The link's page names what it confirms (on this host only) before anything changes.
    let bob = confirmation_token(&app, "bob@example.org").await;
    let view = app.graphql_on_host(host, SUBSCRIPTION, json!({ "token": bob })).await;
    assert_eq!(
        view["data"]["statusSubscription"],
        json!({ "pageTitle": "Acme status", "pagePath": "/", "email": "bob@example.org",
                "confirmed": false, "components": ["Website"] }),
        "{view}"
    );
    let elsewhere = app.graphql_on_host("nobody.localhost", SUBSCRIPTION, json!({ "token": bob })).await;
    assert_eq!(elsewhere["data"]["statusSubscription"], Value::Null, "{elsewhere}");
    for (email, expected) in [("ann@example.org", true), ("bob@example.org", true)] {
        let token = confirmation_token(&app, email).await;
        let body = app.graphql(CONFIRM, json!({ "token": token })).await;
        assert_eq!(body["data"]["confirmStatusSubscription"], expected, "{body}");
    }
    let view = app.graphql_on_host(host, SUBSCRIPTION, json!({ "token": bob })).await;
    assert_eq!(view["data"]["statusSubscription"]["confirmed"], true, "{view}");
    let ann = confirmation_token(&app, "ann@example.org").await;
    let view = app.graphql_on_host(host, SUBSCRIPTION, json!({ "token": ann })).await;
    assert_eq!(view["data"]["statusSubscription"]["components"], json!([]), "all components: {view}");
    assert_eq!(
        app.graphql(CONFIRM, json!({ "token": "x".repeat(43) })).await["data"]["confirmStatusSubscription"],
        false
    );

    // An incident on the API reaches Ann only; an update too; one on the website reaches both.
    let input = |title: &str, component: &str| {
        json!({ "title": title, "message": "Looking into it.",
        "components": [{ "componentId": component, "impact": "MAJOR" }] })
    };
    let body = app.graphql_as(&token, OPEN, json!({ "page": page, "input": input("API errors", api) })).await;
    let incident =
        body["data"]["createStatusIncident"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let post = json!({ "id": incident, "input": { "status": "RESOLVED", "message": "Fixed." } });
    assert!(app.graphql_as(&token, POST, post).await["errors"].is_null());
    assert!(app.graphql_as(&token, OPEN, json!({ "page": page, "input": input("Website slow", web) })).await["errors"].is_null());
    let count = |mails: Vec<entity::email_outbox::Model>| mails.len();
    assert_eq!(count(outbox(&app, "status_incident_update", "ann@example.org").await), 3);
    assert_eq!(count(outbox(&app, "status_incident_update", "bob@example.org").await), 1);
    assert_eq!(count(outbox(&app, "status_incident_update", "carol@example.org").await), 0, "unconfirmed");

    // Delivered through SMTP with the one-click headers and a link in the body.
    let messages = sink.wait_for_messages(7, Duration::from_secs(30)).await;
    let to_bob: Vec<&Value> = messages
        .iter()
        .filter(|m| {
            m["rcpt_tos"][0] == "bob@example.org" && m["subject"].as_str().unwrap().contains("Website slow")
        })
        .collect();
    assert_eq!(to_bob.len(), 1, "{messages:?}");
    let headers = &to_bob[0]["headers"];
    assert_eq!(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click", "{headers}");
    let one_click = headers["List-Unsubscribe"].as_str().unwrap().trim_matches(['<', '>']).to_owned();
    assert!(
        one_click.starts_with("http://acme-subs.localhost") && one_click.ends_with("/unsubscribe"),
        "{one_click}"
    );
    assert!(to_bob[0]["text"].as_str().unwrap().contains("/unsubscribe/"), "a link for people too");

    // One POST from the mail client, on the tenant's host, ends Bob's subscription.
    let path = reqwest::Url::parse(&one_click).unwrap().path().to_owned();
    let response = app
        .client
        .post(app.url(&path))
        .header("host", host)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(app.graphql_as(&token, OPEN, json!({ "page": page, "input": input("Website down", web) })).await["errors"].is_null());
    assert_eq!(count(outbox(&app, "status_incident_update", "bob@example.org").await), 1, "no more mail");

    // The organization's view: list (viewers read), CSV (admins), remove.
    let list = "query($page: ID!) { statusPageSubscribers(pageId: $page) { nodes { id email confirmed components { name } } } }";
    let body = app.graphql_as(&viewer, list, json!({ "page": page })).await;
    let nodes =
        body["data"]["statusPageSubscribers"]["nodes"].as_array().unwrap_or_else(|| panic!("{body}")).clone();
    let listed: Vec<(&str, bool)> =
        nodes.iter().map(|n| (n["email"].as_str().unwrap(), n["confirmed"].as_bool().unwrap())).collect();
    assert_eq!(listed, [("carol@example.org", false), ("ann@example.org", true)], "newest first: {body}");
    let csv = "query($page: ID!) { statusPageSubscribersCsv(pageId: $page) }";
    let refused = app.graphql_as(&viewer, csv, json!({ "page": page })).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN", "{refused}");
    let body = app.graphql_as(&token, csv, json!({ "page": page })).await;
    let text = body["data"]["statusPageSubscribersCsv"].as_str().unwrap_or_else(|| panic!("{body}"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "email,status,components,subscribed_at,confirmed_at");
    assert!(lines[1].starts_with("ann@example.org,confirmed,all,"), "{text}");
    assert!(lines[2].starts_with("carol@example.org,pending,all,"), "{text}");
    let remove = "mutation($id: ID!) { removeStatusPageSubscriber(id: $id) }";
    let carol = nodes[0]["id"].as_str().unwrap();
    assert_eq!(
        app.graphql_as(&token, remove, json!({ "id": carol })).await["data"]["removeStatusPageSubscriber"],
        carol
    );
    let body = app.graphql_as(&viewer, list, json!({ "page": page })).await;
    assert_eq!(body["data"]["statusPageSubscribers"]["nodes"].as_array().unwrap().len(), 1, "{body}");
    app.shutdown().await;
}

async fn sign_ups_are_limited_and_say_nothing(backend: Backend) {
    let app = InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false")]).await;
    arrange(&app, "acme-limits").await;
    let host = "acme-limits.localhost";
    let subscribe = |email: &'static str| {
        let app = &app;
        async move {
            app.graphql_on_host(host, SUBSCRIBE, json!({ "slug": "", "email": email, "components": [] }))
                .await
        }
    };
    // The same answer for a new, a pending and a confirmed address; a pending one is not mailed
    // again for ten minutes, and then its older link stops working.
    let first = subscribe("dan@example.org").await;
    let again = subscribe("dan@example.org").await;
    assert_eq!(first["data"], again["data"], "{again}");
    assert_eq!(outbox(&app, "subscription_confirm", "dan@example.org").await.len(), 1);
    let old = confirmation_token(&app, "dan@example.org").await;
    app.clock.advance(chrono::Duration::minutes(11));
    assert!(subscribe("dan@example.org").await["errors"].is_null());
    assert_eq!(outbox(&app, "subscription_confirm", "dan@example.org").await.len(), 2);
    assert_eq!(
        app.graphql(CONFIRM, json!({ "token": old })).await["data"]["confirmStatusSubscription"],
        false
    );
    let new = confirmation_token(&app, "dan@example.org").await;
    assert_eq!(
        app.graphql(CONFIRM, json!({ "token": new })).await["data"]["confirmStatusSubscription"],
        true
    );
    let confirmed = subscribe("dan@example.org").await;
    assert_eq!(confirmed["data"], first["data"], "{confirmed}");
    assert_eq!(
        outbox(&app, "subscription_confirm", "dan@example.org").await.len(),
        2,
        "nothing for a confirmed one"
    );

    // Per address: after a burst, RATE_LIMITED (across spellings of the address).
    let mut limited = None;
    for attempt in 0..10 {
        let body = subscribe(if attempt % 2 == 0 { "eve@example.org" } else { "EVE@example.org" }).await;
        if body["errors"][0]["extensions"]["code"] == "RATE_LIMITED" {
            limited = Some(attempt);
            break;
        }
    }
    // Dan used three of his own budget; Eve's is hers: five, then refused.
    assert_eq!(limited, Some(5), "per-address budget");
    assert_eq!(outbox(&app, "subscription_confirm", "eve@example.org").await.len(), 1);
    app.shutdown().await;
}

/// Subscribers of the covered components hear once when a window starts and once when it ends
/// (the sweep runs on the manual clock; running it again sends nothing); a window that ended
/// before anyone was told mails nobody.
async fn maintenance_start_and_end_reach_the_subscribers_it_concerns_once(backend: Backend) {
    let app = InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false")]).await;
    let (token, _, page, components) = arrange(&app, "acme-notice").await;
    let host = "acme-notice.localhost";
    for (email, chosen) in [("ann@example.org", json!([])), ("bob@example.org", json!([components[1]]))] {
        let body = app
            .graphql_on_host(host, SUBSCRIBE, json!({ "slug": "", "email": email, "components": chosen }))
            .await;
        assert!(body["errors"].is_null(), "{body}");
        let token = confirmation_token(&app, email).await;
        assert_eq!(
            app.graphql(CONFIRM, json!({ "token": token })).await["data"]["confirmStatusSubscription"],
            true
        );
    }
    let body = app
        .graphql_as(
            &token,
            "query($id: ID!) { statusPage(id: $id) { components { monitorId } } }",
            json!({ "id": page }),
        )
        .await;
    let api_monitor = body["data"]["statusPage"]["components"][0]["monitorId"].as_str().unwrap().to_owned();
    let now = app.clock.now_utc();
    let window = |name: &str, starts: i64, ends: i64| {
        json!({ "input": { "name": name, "monitorId": api_monitor,
            "startsAt": (now + chrono::Duration::minutes(starts)).to_rfc3339(),
            "endsAt": (now + chrono::Duration::minutes(ends)).to_rfc3339() } })
    };
    let create =
        "mutation($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { id } }";
    assert!(app.graphql_as(&token, create, window("API upgrade", 10, 40)).await["errors"].is_null());
    // Over before anyone was told (three hours ago): never announced.
    assert!(app.graphql_as(&token, create, window("Old work", -200, -180)).await["errors"].is_null());
    let notices = |recipient: &'static str| {
        let app = &app;
        async move { outbox(app, "status_maintenance_notice", recipient).await }
    };

    assert_eq!(app.maintenance_notices.sweep().await.unwrap(), 0, "not started yet");
    app.clock.advance(chrono::Duration::minutes(11));
    assert_eq!(app.maintenance_notices.sweep().await.unwrap(), 1);
    assert_eq!(app.maintenance_notices.sweep().await.unwrap(), 0, "once");
    let started = notices("ann@example.org").await;
    assert_eq!(started.len(), 1);
    assert!(started[0].subject.contains("Maintenance started: API upgrade"), "{}", started[0].subject);
    assert!(started[0].body_text.contains("Affected: API"), "{}", started[0].body_text);
    assert!(started[0].list_unsubscribe.is_some());
    assert!(notices("bob@example.org").await.is_empty(), "Bob follows only the website");

    app.clock.advance(chrono::Duration::minutes(30));
    assert_eq!(app.maintenance_notices.sweep().await.unwrap(), 1);
    assert_eq!(app.maintenance_notices.sweep().await.unwrap(), 0);
    let all = notices("ann@example.org").await;
    assert_eq!(all.len(), 2);
    assert!(all[1].subject.contains("Maintenance ended: API upgrade"), "{}", all[1].subject);
    assert!(!all.iter().any(|mail| mail.subject.contains("Old work")));
    app.shutdown().await;
}

//! Restricted status pages, black-box: members protect a page with a password or limit it to
//! email domains; a visitor without a grant sees only that it is locked (not its components,
//! feeds or badges), unlocks it with the password or a mailed link, and loses access when the
//! settings change or the grant expires (on the manual clock). And the serialised answers of
//! the public page: kept per body, served gzip-compressed, dropped on a change.

use std::io::Read;

use beacon_tests::fixtures::insert_domain;
use beacon_tests::{Backend, InProcessApp, backend_tests};
use entity::tenant_domains::DomainKind;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use super::monitoring::fields;
use super::status_subscribers::{arrange, outbox};

backend_tests!(
    password_and_email_domain_pages_admit_only_granted_visitors,
    public_answers_are_kept_until_a_change
);

const ACCESS: &str = "mutation($page: ID!, $input: StatusPageAccessInput!) { \
    setStatusPageAccess(pageId: $page, input: $input) { access { mode emailDomains hasPassword } } }";
const VIEW: &str =
    "query($token: String) { publicStatusPage(accessToken: $token) { title components { name } } }";
const UNLOCK: &str =
    "mutation($password: String!) { unlockStatusPage(password: $password) { token expiresAt } }";
const REQUEST: &str = "mutation($email: String!) { requestStatusPageAccess(email: $email) { message } }";
const SUBSCRIBE: &str = "mutation($token: String) { \
    subscribeToStatusPage(email: \"reader@example.org\", accessToken: $token) { message } }";

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or_default()
}

async fn get_status(app: &InProcessApp, host: &str, path: &str) -> u16 {
    let response = app.client.get(app.url(path)).header("host", host).send().await.expect("GET");
    response.status().as_u16()
}

async fn password_and_email_domain_pages_admit_only_granted_visitors(backend: Backend) {
    let app = InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false")]).await;
    let (owner, viewer, page, components) = arrange(&app, "acme-private").await;
    let host = "acme-private.localhost";
    let view = |token: Option<String>| {
        let app = &app;
        async move { app.graphql_on_host(host, VIEW, json!({ "token": token })).await }
    };
    let set = |token: String, input: Value| {
        let (app, page) = (&app, page.clone());
        async move { app.graphql_as(&token, ACCESS, json!({ "page": page, "input": input })).await }
    };
    assert_eq!(view(None).await["data"]["publicStatusPage"]["components"].as_array().map(Vec::len), Some(2));
    assert_eq!(get_status(&app, host, "/feed.rss").await, 200);
    let badge = format!("/badges/{}/status.svg", components[0]);
    assert_eq!(get_status(&app, host, &badge).await, 200);

    // Viewers cannot change access; bad input names its fields; a password page needs one.
    let body = set(viewer.clone(), json!({ "mode": "PASSWORD", "password": "correct horse" })).await;
    assert_eq!(code(&body), "FORBIDDEN", "{body}");
    assert_eq!(fields(&set(owner.clone(), json!({ "mode": "PASSWORD" })).await), ["password"]);
    assert_eq!(
        fields(&set(owner.clone(), json!({ "mode": "PASSWORD", "password": "short" })).await),
        ["password"]
    );
    let body =
        set(owner.clone(), json!({ "mode": "EMAIL_DOMAIN", "emailDomains": ["example.org", "co.uk"] })).await;
    assert_eq!(fields(&body), ["emailDomains[1]"]);
    assert_eq!(
        fields(&set(owner.clone(), json!({ "mode": "EMAIL_DOMAIN", "emailDomains": [] })).await),
        ["emailDomains"]
    );

    let body = set(owner.clone(), json!({ "mode": "PASSWORD", "password": "correct horse" })).await;
    assert_eq!(
        body["data"]["setStatusPageAccess"]["access"],
        json!({ "mode": "PASSWORD", "emailDomains": [], "hasPassword": true }),
        "{body}"
    );
    assert!(!body.to_string().contains("argon2"), "the hash never leaves: {body}");

    // Locked: the title and how to get in, nothing else; no feed, no badge, no subscription.
    let locked = view(None).await;
    assert_eq!(code(&locked), "STATUS_PAGE_LOCKED", "{locked}");
    assert_eq!(locked["errors"][0]["extensions"]["access"], "PASSWORD");
    assert_eq!(locked["errors"][0]["extensions"]["title"], "Acme status");
    assert_eq!(locked["data"]["publicStatusPage"], Value::Null, "{locked}");
    assert!(!locked.to_string().contains("Website"), "{locked}");
    assert_eq!(get_status(&app, host, "/feed.rss").await, 404);
    assert_eq!(get_status(&app, host, "/feed.atom").await, 404);
    assert_eq!(get_status(&app, host, &badge).await, 404);
    let body = app.graphql_on_host(host, SUBSCRIBE, json!({ "token": null })).await;
    assert_eq!(code(&body), "STATUS_PAGE_LOCKED", "{body}");
    assert_eq!(code(&view(Some("not-a-grant".into())).await), "STATUS_PAGE_LOCKED");

    // The password opens it; a wrong one is a field error.
    let wrong = app.graphql_on_host(host, UNLOCK, json!({ "password": "incorrect horse" })).await;
    assert_eq!(fields(&wrong), ["password"]);
    let body = app.graphql_on_host(host, UNLOCK, json!({ "password": "correct horse" })).await;
    let grant =
        body["data"]["unlockStatusPage"]["token"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let open = view(Some(grant.clone())).await;
    assert_eq!(open["data"]["publicStatusPage"]["title"], "Acme status", "{open}");
    let body = app.graphql_on_host(host, SUBSCRIBE, json!({ "token": grant })).await;
    assert!(body["errors"].is_null(), "a granted visitor subscribes: {body}");
    // Another organization's host does not know the page, grant or not.
    let elsewhere = app.graphql_on_host("nobody.localhost", VIEW, json!({ "token": grant })).await;
    assert_eq!(elsewhere["data"]["publicStatusPage"], Value::Null, "{elsewhere}");

    // The grant lasts 30 days on the application's clock.
    app.clock.advance(chrono::Duration::days(29));
    assert!(view(Some(grant.clone())).await["errors"].is_null());
    app.clock.advance(chrono::Duration::days(2));
    assert_eq!(code(&view(Some(grant.clone())).await), "STATUS_PAGE_LOCKED");

    // A new password voids grants made under the old one.
    let body = app.graphql_on_host(host, UNLOCK, json!({ "password": "correct horse" })).await;
    let grant = body["data"]["unlockStatusPage"]["token"].as_str().unwrap().to_owned();
    assert!(
        set(owner.clone(), json!({ "mode": "PASSWORD", "password": "battery staple" })).await["errors"]
            .is_null()
    );
    assert_eq!(code(&view(Some(grant)).await), "STATUS_PAGE_LOCKED");
    let old = app.graphql_on_host(host, UNLOCK, json!({ "password": "correct horse" })).await;
    assert_eq!(fields(&old), ["password"]);

    // Email domains: a link goes only to an allowed address; the answer is the same for both.
    let body = set(owner.clone(), json!({ "mode": "EMAIL_DOMAIN", "emailDomains": ["Example.org"] })).await;
    assert_eq!(
        body["data"]["setStatusPageAccess"]["access"]["emailDomains"],
        json!(["example.org"]),
        "{body}"
    );
    assert_eq!(view(None).await["errors"][0]["extensions"]["access"], "EMAIL_DOMAIN");
    let outsider = app.graphql_on_host(host, REQUEST, json!({ "email": "eve@example.com" })).await;
    let insider = app.graphql_on_host(host, REQUEST, json!({ "email": "ann@example.org" })).await;
    let message = |body: &Value| {
        body["data"]["requestStatusPageAccess"]["message"].as_str().map(|m| m.replace(['@'], "").len())
    };
    assert!(message(&outsider).is_some() && message(&insider).is_some(), "{outsider} {insider}");
    assert!(outbox(&app, "status_page_access", "eve@example.com").await.is_empty());
    let mails = outbox(&app, "status_page_access", "ann@example.org").await;
    assert_eq!(mails.len(), 1);
    let (_, rest) =
        mails[0].body_text.split_once("?access=").unwrap_or_else(|| panic!("{}", mails[0].body_text));
    let link_grant = rest.split_whitespace().next().unwrap().to_owned();
    assert!(mails[0].body_text.contains("http://acme-private.localhost"), "{}", mails[0].body_text);
    let open = view(Some(link_grant.clone())).await;
    assert_eq!(open["data"]["publicStatusPage"]["components"].as_array().map(Vec::len), Some(2), "{open}");
    assert_eq!(
        fields(&app.graphql_on_host(host, UNLOCK, json!({ "password": "battery staple" })).await),
        ["password"]
    );

    // The audit log records the change, never the password.
    let db = app.database.connect().await;
    let rows = entity::audit_events::Entity::find()
        .filter(entity::audit_events::Column::Action.eq("status_page.access_changed"))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 3);
    let text = format!("{rows:?}");
    assert!(!text.contains("horse") && !text.contains("staple"), "{text}");

    // Public again: everyone, feeds and badges included.
    assert!(set(owner.clone(), json!({ "mode": "PUBLIC" })).await["errors"].is_null());
    assert!(view(None).await["errors"].is_null());
    assert_eq!(get_status(&app, host, "/feed.rss").await, 200);
    assert_eq!(get_status(&app, host, &badge).await, 200);
    app.shutdown().await;
}

/// POSTs `query` as a browser would on `host`; (x-cache header, content-encoding, decoded body).
async fn fetch(app: &InProcessApp, host: &str, query: &str) -> (String, String, Value) {
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("host", host)
        .header("accept-encoding", "gzip")
        .json(&json!({ "query": query }))
        .send()
        .await
        .expect("POST /graphql");
    let header = |name: &str| {
        response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
    };
    let (cache, encoding) = (header("x-cache"), header("content-encoding"));
    let bytes = response.bytes().await.expect("a body");
    let text = if encoding == "gzip" {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text).expect("gzip");
        text
    } else {
        String::from_utf8(bytes.to_vec()).expect("UTF-8")
    };
    (cache, encoding, serde_json::from_str(&text).expect("JSON"))
}

async fn public_answers_are_kept_until_a_change(backend: Backend) {
    let app = InProcessApp::spawn(backend, &[("SCHEDULER_ENABLED", "false")]).await;
    let (owner, _, page, _) = arrange(&app, "acme-answers").await;
    let host = "acme-answers.localhost";
    // Its subdomain, as sign-up records it: the host Beacon serves.
    let db = app.database.connect().await;
    let tenant = entity::tenants::Entity::find()
        .filter(entity::tenants::Column::Slug.eq("acme-answers"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    insert_domain(&db, tenant.id, host, DomainKind::Subdomain, true).await;
    let query = "{ publicStatusPage { title components { name } } }";
    // The host joins the served set within the registry's reload; until then nothing is kept.
    let mut first = fetch(&app, host, query).await;
    for _ in 0..100 {
        if first.0 == "miss" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        first = fetch(&app, host, query).await;
    }
    assert_eq!(first.0, "miss", "the first answer is built");
    let (cache, encoding, body) = fetch(&app, host, query).await;
    assert_eq!((cache.as_str(), encoding.as_str()), ("hit", "gzip"), "then kept, compressed once");
    assert_eq!(body, first.2);
    assert_eq!(body["data"]["publicStatusPage"]["title"], "Acme status", "{body}");

    // Another spelling of the request is another answer; a mixed query is never kept.
    assert_eq!(fetch(&app, host, "{ publicStatusPage { title } }").await.0, "miss");
    assert_eq!(fetch(&app, host, "{ publicStatusPage { title } }").await.0, "hit");
    let mixed = "{ publicStatusPage { title } __schema { queryType { name } } }";
    assert_eq!(fetch(&app, host, mixed).await.0, "");
    assert_eq!(fetch(&app, host, mixed).await.0, "");

    // A change drops the kept answers at once; a minute of the clock does too.
    let rename =
        "mutation($id: ID!) { updateStatusPage(id: $id, input: { title: \"Acme systems\" }) { id } }";
    assert!(app.graphql_as(&owner, rename, json!({ "id": page })).await["errors"].is_null());
    let (cache, _, body) = fetch(&app, host, query).await;
    assert_eq!(
        (cache.as_str(), &body["data"]["publicStatusPage"]["title"]),
        ("miss", &json!("Acme systems"))
    );
    assert_eq!(fetch(&app, host, query).await.0, "hit");
    app.clock.advance(chrono::Duration::seconds(61));
    assert_eq!(fetch(&app, host, query).await.0, "miss");

    // Logged-in requests are never served from or into the kept answers.
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("host", host)
        .bearer_auth(&owner)
        .json(&json!({ "query": query }))
        .send()
        .await
        .unwrap();
    assert!(response.headers().get("x-cache").is_none());
    app.shutdown().await;
}

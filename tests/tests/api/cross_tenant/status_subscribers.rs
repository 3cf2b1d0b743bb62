//! Subscriber operations across tenants: another organization's page or subscriber is
//! `NOT_FOUND` like a missing one; a visitor on one organization's host cannot subscribe to
//! another's components; nothing changes.

use serde_json::{Value, json};
use uuid::Uuid;

use super::Probe;

/// Two organizations with a default page of one component each; Globex's page has a pending
/// subscriber. Returns (acme owner token, acme host, globex owner token, globex page id, globex
/// component id, globex subscriber id).
async fn arrange(probe: &Probe) -> (String, String, String, String, String, String) {
    let acme = probe.organization("acme").await;
    let globex = probe.organization("globex").await;
    let mut made = Vec::new();
    for org in [&acme, &globex] {
        let token = &org.owner.token;
        let monitor =
            "mutation { createMonitor(input: { name: \"api\", heartbeat: { graceSeconds: 60 } }) { id } }";
        let (_, body) = probe.app.graphql_as(token, monitor, Value::Null).await;
        let monitor =
            body["data"]["createMonitor"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
        let (_, body) = probe
            .app
            .graphql_as(
                token,
                "mutation { createStatusPage(input: { title: \"Status\" }) { id } }",
                Value::Null,
            )
            .await;
        let page = body["data"]["createStatusPage"]["id"].as_str().unwrap().to_owned();
        let set = format!(
            "mutation {{ setStatusPageComponents(id: \"{page}\", components: [{{ monitorId: \"{monitor}\", name: \"API\" }}]) {{ components {{ id }} }} }}"
        );
        let (_, body) = probe.app.graphql_as(token, &set, Value::Null).await;
        let component =
            body["data"]["setStatusPageComponents"]["components"][0]["id"].as_str().unwrap().to_owned();
        made.push((page, component));
    }
    let (page, component) = made.pop().unwrap();
    let body = subscribe(probe, &globex.host(), "reader@example.org", &[]).await;
    assert!(body["errors"].is_null(), "{body}");
    let list = "query($id: ID!) { statusPageSubscribers(pageId: $id) { nodes { id } } }";
    let (_, body) = probe.app.graphql_as(&globex.owner.token, list, json!({ "id": page })).await;
    let subscriber = body["data"]["statusPageSubscribers"]["nodes"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    let acme_host = acme.host();
    (acme.owner.token, acme_host, globex.owner.token, page, component, subscriber)
}

/// A visitor's subscription on `host` (no login).
async fn subscribe(probe: &Probe, host: &str, email: &str, components: &[&str]) -> Value {
    probe.record("subscribeToStatusPage");
    let query = "mutation($email: String!, $components: [ID!]!) { subscribeToStatusPage(email: $email, componentIds: $components) { message } }";
    probe
        .app
        .client
        .post(probe.app.url("/graphql"))
        .header("host", host)
        .json(&json!({ "query": query, "variables": { "email": email, "components": components } }))
        .send()
        .await
        .expect("POST /graphql")
        .json()
        .await
        .expect("a JSON body")
}

fn ids(foreign: &str) -> (Value, Value) {
    (json!({ "id": foreign }), json!({ "id": Uuid::new_v4().to_string() }))
}

/// Globex still has its one subscriber.
async fn unchanged(probe: &Probe, globex: &str, page: &str) {
    let list = "query($id: ID!) { statusPageSubscribers(pageId: $id) { nodes { email } } }";
    let (_, body) = probe.app.graphql_as(globex, list, json!({ "id": page })).await;
    assert_eq!(
        body["data"]["statusPageSubscribers"]["nodes"],
        json!([{ "email": "reader@example.org" }]),
        "{body}"
    );
}

pub async fn status_page_subscribers(probe: Probe) {
    let (acme, _, globex, page, _, _) = arrange(&probe).await;
    let query = "query($id: ID!) { statusPageSubscribers(pageId: $id) { nodes { email } } }";
    probe.assert_refused_like_missing(&acme, query, ids(&page), "NOT_FOUND").await;
    unchanged(&probe, &globex, &page).await;
}

pub async fn status_page_subscribers_csv(probe: Probe) {
    let (acme, _, _, page, _, _) = arrange(&probe).await;
    let query = "query($id: ID!) { statusPageSubscribersCsv(pageId: $id) }";
    probe.assert_refused_like_missing(&acme, query, ids(&page), "NOT_FOUND").await;
}

pub async fn remove_status_page_subscriber(probe: Probe) {
    let (acme, _, globex, page, _, subscriber) = arrange(&probe).await;
    let remove = "mutation($id: ID!) { removeStatusPageSubscriber(id: $id) }";
    probe.assert_refused_like_missing(&acme, remove, ids(&subscriber), "NOT_FOUND").await;
    unchanged(&probe, &globex, &page).await;
}

/// On Acme's host, Globex's component is refused exactly like a missing one.
pub async fn subscribe_to_status_page(probe: Probe) {
    let (_, acme_host, globex, page, component, _) = arrange(&probe).await;
    let foreign = subscribe(&probe, &acme_host, "x@example.org", &[&component]).await;
    let missing = subscribe(&probe, &acme_host, "y@example.org", &[&Uuid::new_v4().to_string()]).await;
    assert_eq!(foreign["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{foreign}");
    assert_eq!(foreign["errors"], missing["errors"], "foreign and missing components look the same");
    unchanged(&probe, &globex, &page).await;
}
